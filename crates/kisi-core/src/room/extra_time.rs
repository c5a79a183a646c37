//! Extra time, an accommodation the lecturer grants a student: their
//! deadline on every question is the room's time limit times a factor
//! (in percent, 150 for 1.5×). The host's clock stays the only judge: an
//! answer is in time by the student's own deadline, the question is
//! revealed by itself only once every student still answering is out of
//! time, and each student is told their own time left.

use super::{Phase, Room, ServerMsg, StudentId, To, identity};
use crate::i18n::Lang;

/// No extra time: the room's own limit.
pub const NO_EXTRA: u16 = 100;
/// The largest factor a lecturer may grant (4×).
pub const MAX_EXTRA: u16 = 400;
/// The factors the host's key steps through, and back to none.
pub const EXTRA_STEPS: [u16; 4] = [100, 125, 150, 200];

/// The next factor after `percent` on the host's key.
pub fn next_step(percent: u16) -> u16 {
    EXTRA_STEPS
        .iter()
        .copied()
        .find(|&step| step > percent)
        .unwrap_or(NO_EXTRA)
}

/// A factor as read: "1.5", "1,5", "150%". `None` unless between 1× and 4×.
pub fn parse_factor(text: &str) -> Option<u16> {
    let text = text.trim();
    let percent = if let Some(percent) = text.strip_suffix('%') {
        percent.trim().parse::<u16>().ok()?
    } else {
        let (whole, fraction) = text
            .replace(',', ".")
            .split_once('.')
            .map_or((text.to_owned(), String::new()), |(w, f)| {
                (w.to_owned(), f.to_owned())
            });
        if fraction.len() > 2 || !fraction.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let whole: u16 = whole.parse().ok()?;
        let fraction: u16 = format!("{fraction:0<2}").parse().ok()?;
        whole.checked_mul(100)?.checked_add(fraction)?
    };
    (NO_EXTRA..=MAX_EXTRA).contains(&percent).then_some(percent)
}

/// "×1.5", "×2", "×1.25": a factor as the lecturer's screen shows it.
pub fn factor_words(percent: u16, lang: Lang) -> String {
    let decimal_separator = lang.quiz_words().decimal_separator;
    let (whole, fraction) = (percent / 100, percent % 100);
    if fraction == 0 {
        format!("×{whole}")
    } else {
        let fraction = format!("{fraction:02}");
        format!(
            "×{whole}{decimal_separator}{}",
            fraction.trim_end_matches('0')
        )
    }
}

/// `limit` stretched by `percent`.
pub(super) fn scaled(limit: u64, percent: u16) -> u64 {
    limit.saturating_mul(u64::from(percent)) / u64::from(NO_EXTRA)
}

impl Room {
    /// Grants the student called `name` extra time, now or whenever they
    /// join (`kisi host --extra-time NAME=1.5`). Returns the student if
    /// they are in the room already.
    pub fn grant_extra_time(&mut self, name: &str, percent: u16, now: u64) -> Option<StudentId> {
        let percent = percent.clamp(NO_EXTRA, MAX_EXTRA);
        let key = identity::name_key(name);
        self.granted.insert(key.clone(), percent);
        let at = self.students.iter().position(|s| s.key == key)?;
        self.set_extra_time(StudentId(at), percent, now);
        Some(StudentId(at))
    }

    /// Sets a student's extra time; during a question they are told their
    /// new time left at once.
    pub fn set_extra_time(&mut self, id: StudentId, percent: u16, now: u64) -> bool {
        let percent = percent.clamp(NO_EXTRA, MAX_EXTRA);
        let Some(student) = self.students.get_mut(id.0) else {
            return false;
        };
        student.extra = percent;
        let key = student.key.clone();
        self.granted.insert(key, percent);
        if let Phase::Open(index) = self.phase {
            let msg = self.clock_msg(index, Some(id), now);
            self.send(To::One(id), msg);
        }
        true
    }

    /// The extra time granted a student, in percent (100 for none).
    pub fn extra_time(&self, id: StudentId) -> u16 {
        self.students.get(id.0).map_or(NO_EXTRA, |s| s.extra)
    }

    /// What was granted to a name before it joined.
    pub(super) fn granted_to(&self, key: &str) -> u16 {
        self.granted.get(key).copied().unwrap_or(NO_EXTRA)
    }

    /// Whether anyone present has extra time: then each is told their own
    /// clock, not one for all.
    pub(super) fn anyone_has_extra(&self) -> bool {
        self.present().any(|(_, s)| s.extra != NO_EXTRA)
    }

    /// Milliseconds left for student `id` on the open question, by their
    /// own deadline; `None` without a limit or when no question is open.
    pub fn left_ms_of(&self, id: StudentId, now: u64) -> Option<u64> {
        let Phase::Open(_) = self.phase else {
            return None;
        };
        let clock = self.clock?;
        let limit = scaled(clock.limit_ms?, self.extra_time(id));
        Some(limit.saturating_sub(clock.running_ms(now)))
    }

    /// Once the room's own time is up: the most time left to a student
    /// with extra time who has not answered yet. The question waits for
    /// them before it reveals by itself.
    pub fn extra_left_ms(&self, now: u64) -> Option<u64> {
        let Phase::Open(index) = self.phase else {
            return None;
        };
        if self.left_ms(now) != Some(0) {
            return None;
        }
        self.present()
            .filter(|(id, s)| s.extra != NO_EXTRA && self.answer_of(index, *id).is_none())
            .filter_map(|(id, _)| self.left_ms_of(id, now))
            .filter(|&left| left > 0)
            .max()
    }

    /// Sends `msg_for(student)` to every student present: one message for
    /// all when nobody has extra time, else each their own.
    pub(super) fn send_timed(
        &mut self,
        now: u64,
        msg_for: impl Fn(&Self, Option<StudentId>, u64) -> ServerMsg,
    ) {
        if self.anyone_has_extra() {
            let ids: Vec<StudentId> = self.present().map(|(id, _)| id).collect();
            for id in ids {
                let msg = msg_for(self, Some(id), now);
                self.send(To::One(id), msg);
            }
        } else {
            let msg = msg_for(self, None, now);
            self.send(To::All, msg);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factors_read_and_show() {
        assert_eq!(parse_factor("1.5"), Some(150));
        assert_eq!(parse_factor("1,25"), Some(125));
        assert_eq!(parse_factor("2"), Some(200));
        assert_eq!(parse_factor("150%"), Some(150));
        assert_eq!(parse_factor("0.5"), None, "less time is not extra time");
        assert_eq!(parse_factor("5"), None);
        assert_eq!(parse_factor("1.234"), None);
        assert_eq!(parse_factor("x"), None);
        assert_eq!(factor_words(150, Lang::Id), "×1,5");
        assert_eq!(factor_words(125, Lang::En), "×1.25");
        assert_eq!(factor_words(200, Lang::En), "×2");
        assert_eq!(next_step(100), 125);
        assert_eq!(next_step(200), 100);
        assert_eq!(next_step(175), 200);
    }
}
