//! FSRS-5, the Free Spaced Repetition Scheduler, from the published algorithm
//! (<https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm>)
//! with its default parameters. Time is counted in whole days between
//! reviews, as in the reference implementations.

/// How well an item was recalled, in FSRS terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rating {
    /// Forgotten.
    Again = 1,
    /// Recalled with serious difficulty.
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Rating {
    pub const ALL: [Self; 4] = [Self::Again, Self::Hard, Self::Good, Self::Easy];

    /// The grade as the formulas use it: 1 to 4.
    pub fn grade(self) -> f64 {
        f64::from(self as u8)
    }

    pub fn from_grade(grade: u8) -> Option<Self> {
        match grade {
            1 => Some(Self::Again),
            2 => Some(Self::Hard),
            3 => Some(Self::Good),
            4 => Some(Self::Easy),
            _ => None,
        }
    }
}

/// The memory of one item: how long it lasts and how hard it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MemoryState {
    /// Days after which recall falls to 90%.
    pub stability: f64,
    /// From 1 (easy) to 10 (hard).
    pub difficulty: f64,
}

/// The default weights of FSRS-5.
pub const FSRS5_WEIGHTS: [f64; 19] = [
    0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192, 1.01925,
    1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621,
];

/// The exponent of the power forgetting curve.
pub const DECAY: f64 = -0.5;
/// Chosen so that recall is 90% when the elapsed time equals the stability:
/// `0.9^(1/DECAY) - 1`.
pub const FACTOR: f64 = 19.0 / 81.0;
const MIN_STABILITY: f64 = 0.01;

/// The scheduler: weights, the recall probability aimed at, and the longest
/// interval.
#[derive(Debug, Clone, PartialEq)]
pub struct Fsrs {
    pub weights: [f64; 19],
    pub desired_retention: f64,
    pub maximum_interval_days: u32,
}

impl Default for Fsrs {
    fn default() -> Self {
        Self {
            weights: FSRS5_WEIGHTS,
            desired_retention: 0.9,
            maximum_interval_days: 36_500,
        }
    }
}

/// The probability of recall `elapsed_days` after a review that left the
/// given stability.
pub fn retrievability(elapsed_days: f64, stability: f64) -> f64 {
    (1.0 + FACTOR * elapsed_days / stability.max(MIN_STABILITY)).powf(DECAY)
}

impl Fsrs {
    /// The state after the first review of an item.
    pub fn initial_state(&self, rating: Rating) -> MemoryState {
        MemoryState {
            stability: self.initial_stability(rating),
            difficulty: self.initial_difficulty(rating).clamp(1.0, 10.0),
        }
    }

    pub fn initial_stability(&self, rating: Rating) -> f64 {
        self.weights[rating as usize - 1].max(MIN_STABILITY)
    }

    /// D0(G) = w4 - e^(w5 (G - 1)) + 1, not clamped: the mean reversion aims
    /// at the unclamped D0(Easy).
    pub fn initial_difficulty(&self, rating: Rating) -> f64 {
        let w = &self.weights;
        w[4] - (w[5] * (rating.grade() - 1.0)).exp() + 1.0
    }

    /// The state after a review `elapsed_days` (whole days) after the
    /// previous one; a review on the same day uses the short-term formula.
    pub fn next_state(&self, state: MemoryState, elapsed_days: u32, rating: Rating) -> MemoryState {
        let difficulty = self.next_difficulty(state.difficulty, rating);
        let stability = if elapsed_days == 0 {
            self.short_term_stability(state.stability, rating)
        } else {
            let r = retrievability(f64::from(elapsed_days), state.stability);
            if rating == Rating::Again {
                self.stability_after_forgetting(state.stability, state.difficulty, r)
            } else {
                self.stability_after_recall(state.stability, state.difficulty, r, rating)
            }
        };
        MemoryState {
            stability: stability.max(MIN_STABILITY),
            difficulty,
        }
    }

    /// The difficulty moves by -w6 (G - 3), damped near 10 so it never
    /// sticks at the top, then reverts slightly towards D0(Easy).
    pub fn next_difficulty(&self, difficulty: f64, rating: Rating) -> f64 {
        let damped = self.damped_difficulty(difficulty, rating);
        self.mean_reversion(damped).clamp(1.0, 10.0)
    }

    fn damped_difficulty(&self, difficulty: f64, rating: Rating) -> f64 {
        let delta = -self.weights[6] * (rating.grade() - 3.0);
        difficulty + delta * (10.0 - difficulty) / 9.0
    }

    fn mean_reversion(&self, difficulty: f64) -> f64 {
        let w7 = self.weights[7];
        w7 * self.initial_difficulty(Rating::Easy) + (1.0 - w7) * difficulty
    }

    /// S' = S (e^w8 (11 - D) S^-w9 (e^(w10 (1 - R)) - 1) · penalty · bonus + 1).
    pub fn stability_after_recall(
        &self,
        stability: f64,
        difficulty: f64,
        retrievability: f64,
        rating: Rating,
    ) -> f64 {
        let w = &self.weights;
        let modifier = match rating {
            Rating::Hard => w[15],
            Rating::Easy => w[16],
            Rating::Again | Rating::Good => 1.0,
        };
        let growth = w[8].exp()
            * (11.0 - difficulty)
            * stability.powf(-w[9])
            * ((w[10] * (1.0 - retrievability)).exp() - 1.0)
            * modifier;
        stability * (growth + 1.0)
    }

    /// S' = w11 D^-w12 ((S + 1)^w13 - 1) e^(w14 (1 - R)), never above what a
    /// same-day lapse would leave.
    pub fn stability_after_forgetting(
        &self,
        stability: f64,
        difficulty: f64,
        retrievability: f64,
    ) -> f64 {
        let w = &self.weights;
        let long_term = w[11]
            * difficulty.powf(-w[12])
            * ((stability + 1.0).powf(w[13]) - 1.0)
            * (w[14] * (1.0 - retrievability)).exp();
        let short_term_cap = stability / (w[17] * w[18]).exp();
        long_term.min(short_term_cap)
    }

    /// S' = S e^(w17 (G - 3 + w18)) for a second review on the same day.
    pub fn short_term_stability(&self, stability: f64, rating: Rating) -> f64 {
        let w = &self.weights;
        stability * (w[17] * (rating.grade() - 3.0 + w[18])).exp()
    }

    /// Whole days until recall is expected to fall to the desired retention,
    /// at least one and at most the maximum interval.
    pub fn interval_days(&self, stability: f64) -> u32 {
        let days = stability / FACTOR * (self.desired_retention.powf(1.0 / DECAY) - 1.0);
        let max = f64::from(self.maximum_interval_days);
        // Clamped to 1..=max, so the cast cannot truncate or wrap.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let days = days.round().clamp(1.0, max) as u32;
        days
    }
}

#[cfg(test)]
// Reference values are written as published.
#[allow(clippy::unreadable_literal)]
mod tests {
    use super::*;

    fn assert_close(actual: &[f64], expected: &[f64]) {
        assert_eq!(actual.len(), expected.len());
        for (a, e) in actual.iter().zip(expected) {
            assert!((a - e).abs() < 1e-4, "{actual:?} != {expected:?}");
        }
    }

    #[test]
    fn first_review_stability_is_the_first_four_weights() {
        let fsrs = Fsrs::default();
        let s: Vec<f64> = Rating::ALL
            .iter()
            .map(|&r| fsrs.initial_state(r).stability)
            .collect();
        assert_close(&s, &FSRS5_WEIGHTS[..4]);
    }

    #[test]
    fn first_review_difficulty_follows_d0() {
        let fsrs = Fsrs::default();
        let d: Vec<f64> = Rating::ALL
            .iter()
            .map(|&r| fsrs.initial_state(r).difficulty)
            .collect();
        // 7.1949 - e^(0.5345 (G - 1)) + 1
        assert_close(&d, &[7.1949, 6.48831, 5.28243, 3.2245]);
    }

    #[test]
    fn recall_is_ninety_percent_after_stability_days() {
        assert!((retrievability(10.0, 10.0) - 0.9).abs() < 1e-12);
        assert!((retrievability(0.0, 3.0) - 1.0).abs() < 1e-12);
        assert!(retrievability(30.0, 10.0) < retrievability(20.0, 10.0));
        let fsrs = Fsrs::default();
        assert_eq!(fsrs.interval_days(15.69105), 16);
        assert_eq!(fsrs.interval_days(0.4), 1);
        assert_eq!(fsrs.interval_days(1e9), 36_500);
    }

    /// The difficulty and stability formulas are unchanged from FSRS-5 to
    /// FSRS-6; these are the reference values of the official `fsrs-rs`
    /// crate's tests, computed with its (FSRS-6) default weights.
    const FSRS6_WEIGHTS: [f64; 19] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912,
    ];

    fn fsrs6() -> Fsrs {
        Fsrs {
            weights: FSRS6_WEIGHTS,
            ..Fsrs::default()
        }
    }

    #[test]
    fn difficulty_matches_the_reference_implementation() {
        let fsrs = fsrs6();
        let damped: Vec<f64> = Rating::ALL
            .iter()
            .map(|&r| fsrs.damped_difficulty(5.0, r))
            .collect();
        assert_close(&damped, &[8.354889, 6.6774445, 5.0, 3.3225555]);
        let next: Vec<f64> = Rating::ALL
            .iter()
            .map(|&r| fsrs.next_difficulty(5.0, r))
            .collect();
        assert_close(&next, &[8.341763, 6.6659956, 4.990228, 3.3144615]);
    }

    #[test]
    fn stability_matches_the_reference_implementation() {
        let fsrs = fsrs6();
        let recall: Vec<f64> = Rating::ALL
            .iter()
            .zip([0.9, 0.8, 0.7, 0.6])
            .map(|(&r, retrievability)| {
                fsrs.stability_after_recall(5.0, r.grade(), retrievability, r)
            })
            .collect();
        assert_close(&recall, &[25.602541, 28.226582, 58.656002, 127.226685]);
        let forget: Vec<f64> = [1.0, 2.0, 3.0, 4.0]
            .iter()
            .zip([0.9, 0.8, 0.7, 0.6])
            .map(|(&d, retrievability)| fsrs.stability_after_forgetting(5.0, d, retrievability))
            .collect();
        assert_close(&forget, &[1.0525396, 1.1894329, 1.3680838, 1.584989]);
    }

    #[test]
    fn good_answers_space_reviews_further_and_a_lapse_brings_the_item_back() {
        let fsrs = Fsrs::default();
        let mut state = fsrs.initial_state(Rating::Good);
        let mut intervals = vec![fsrs.interval_days(state.stability)];
        for _ in 0..4 {
            let elapsed = *intervals.last().unwrap_or(&1);
            state = fsrs.next_state(state, elapsed, Rating::Good);
            intervals.push(fsrs.interval_days(state.stability));
        }
        assert!(intervals.windows(2).all(|w| w[0] < w[1]), "{intervals:?}");
        assert_eq!(intervals[0], 3);
        let before = state.stability;
        let lapsed = fsrs.next_state(state, *intervals.last().unwrap_or(&1), Rating::Again);
        assert!(lapsed.stability < before / 4.0);
        assert!(lapsed.difficulty > state.difficulty);
    }

    #[test]
    fn same_day_reviews_change_stability_a_little() {
        let fsrs = Fsrs::default();
        let state = fsrs.initial_state(Rating::Good);
        let again = fsrs.next_state(state, 0, Rating::Again).stability;
        let good = fsrs.next_state(state, 0, Rating::Good).stability;
        assert!(again < state.stability && state.stability < good);
        // S e^(w17 w18) for Good.
        assert!((good - 3.173 * (0.51655_f64 * 0.6621).exp()).abs() < 1e-9);
    }
}
