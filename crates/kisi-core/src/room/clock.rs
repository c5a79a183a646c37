//! The clock of the open question, on the host's time: it runs from the
//! question's opening, less the time it was paused.

/// The clock of the open question, on the host's time (milliseconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Clock {
    pub(super) opened_at: u64,
    pub(super) limit_ms: Option<u64>,
    pub(super) paused_at: Option<u64>,
    pub(super) paused_ms: u64,
}

impl Clock {
    pub(super) fn running_ms(&self, now: u64) -> u64 {
        self.paused_at
            .unwrap_or(now)
            .saturating_sub(self.opened_at)
            .saturating_sub(self.paused_ms)
    }

    pub(super) fn left_ms(&self, now: u64) -> Option<u64> {
        self.limit_ms
            .map(|limit| limit.saturating_sub(self.running_ms(now)))
    }
}
