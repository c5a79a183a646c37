//! The words that explain the study screens' figures: what a review is made
//! of, what "mastered" means, what today's target counts, and the exam
//! history's numbers.

use super::{Lang, Noun};

/// Explanations on Home, the review and the statistics.
#[derive(Debug)]
pub struct ScreenWords {
    lang: Lang,
    /// The quiz status line's name for a review, and its results' heading.
    pub review: &'static str,
    pub review_results: &'static str,
    /// What "mastered" means, under the mastery bars.
    pub mastered_means: &'static str,
    /// Under a page of a class quiz question too long for the screen.
    pub more_below: &'static str,
    pub more_above: &'static str,
    /// The label of an entry's tags on its page.
    pub tags: &'static str,
}

impl ScreenWords {
    /// "12 jatuh tempo + 8 baru": what a review or today's target is made of.
    pub fn due_and_new(&self, due: usize, new: usize) -> String {
        let lang = self.lang;
        match lang {
            Lang::Id => format!(
                "{} jatuh tempo + {} kartu baru",
                lang.number(due),
                lang.number(new)
            ),
            Lang::En => format!(
                "{} due + {} new {}",
                lang.number(due),
                lang.number(new),
                lang.noun(new, Noun::Card)
            ),
        }
    }

    /// The review's first line: how many questions, and of which cards.
    /// One question may cover several cards (a list asks each item), so
    /// when the counts differ both are said.
    pub fn review_intro(&self, questions: usize, due: usize, new: usize) -> String {
        let count = self.lang.count(questions, Noun::Question);
        let parts = self.due_and_new(due, new);
        if questions == due + new {
            return match self.lang {
                Lang::Id => format!("Ulangan hari ini: {count} ({parts})."),
                Lang::En => format!("Today's review: {count} ({parts})."),
            };
        }
        let cards = self.lang.count(due + new, Noun::Card);
        match self.lang {
            Lang::Id => format!("Ulangan hari ini: {cards} dalam {count} ({parts})."),
            Lang::En => format!("Today's review: {cards} in {count} ({parts})."),
        }
    }

    /// Home's exam line: the date, the days left, today's target and what
    /// it is made of.
    pub fn exam_line(&self, date: &str, days_left: i64, target: usize, due: usize) -> String {
        let lang = self.lang;
        let days = match (lang, days_left) {
            (Lang::Id, 0) => "hari ini".to_string(),
            (Lang::En, 0) => "today".to_string(),
            (Lang::Id, d) if d < 0 => "sudah lewat".to_string(),
            (Lang::En, d) if d < 0 => "passed".to_string(),
            (Lang::Id, d) => format!("{} lagi", lang.count(days_count(d), Noun::Day)),
            (Lang::En, d) => format!("{} left", lang.count(days_count(d), Noun::Day)),
        };
        let target_words = self.target(target, due);
        match lang {
            Lang::Id => format!("Ujian {date}: {days} · {target_words}"),
            Lang::En => format!("Exam {date}: {days} · {target_words}"),
        }
    }

    /// "target hari ini 22 (12 jatuh tempo + 10 kartu baru)".
    pub fn target(&self, target: usize, due: usize) -> String {
        let parts = self.due_and_new(due, target.saturating_sub(due));
        let number = self.lang.number(target);
        match self.lang {
            Lang::Id => format!("target hari ini {number} ({parts})"),
            Lang::En => format!("today's target {number} ({parts})"),
        }
    }

    /// A mock exam's numbers: "19/20 dijawab".
    pub fn exam_answered(&self, answered: usize, questions: usize) -> String {
        match self.lang {
            Lang::Id => format!("{answered}/{questions} dijawab"),
            Lang::En => format!("{answered} of {questions} answered"),
        }
    }
}

fn days_count(days: i64) -> usize {
    usize::try_from(days).unwrap_or(usize::MAX)
}

pub static SCREEN_INDONESIAN: ScreenWords = ScreenWords {
    lang: Lang::Id,
    review: "Ulangan",
    review_results: "Hasil ulangan",
    mastered_means: "Dikuasai: kartu yang masih diingat sedikitnya 7 hari tanpa diulang.",
    more_below: "▼ lanjutan: Space",
    more_above: "▲ sebelumnya: ←",
    tags: "Label",
};

pub static SCREEN_ENGLISH: ScreenWords = ScreenWords {
    lang: Lang::En,
    review: "Review",
    review_results: "Review results",
    mastered_means: "Mastered: cards you will still recall after 7 days or more without review.",
    more_below: "▼ more: Space",
    more_above: "▲ back up: ←",
    tags: "Tags",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_exam_line_counts_days_in_each_language() {
        let en = &SCREEN_ENGLISH;
        assert_eq!(
            en.exam_line("5 December 2026", 1, 22, 12),
            "Exam 5 December 2026: 1 day left · today's target 22 (12 due + 10 new cards)"
        );
        assert_eq!(
            en.exam_line("5 December 2026", 4, 1, 0),
            "Exam 5 December 2026: 4 days left · today's target 1 (0 due + 1 new card)"
        );
        assert!(en.exam_line("x", 0, 0, 0).contains(": today ·"));
        let id = &SCREEN_INDONESIAN;
        assert_eq!(
            id.exam_line("5 Desember 2026", 1, 22, 12),
            "Ujian 5 Desember 2026: 1 hari lagi · target hari ini 22 (12 jatuh tempo + 10 kartu baru)"
        );
    }

    #[test]
    fn a_review_says_it_is_one_and_what_it_holds() {
        assert_eq!(
            SCREEN_INDONESIAN.review_intro(20, 0, 20),
            "Ulangan hari ini: 20 soal (0 jatuh tempo + 20 kartu baru)."
        );
        assert_eq!(
            SCREEN_ENGLISH.review_intro(1, 1, 0),
            "Today's review: 1 question (1 due + 0 new cards)."
        );
        assert_eq!(SCREEN_ENGLISH.exam_answered(19, 20), "19 of 20 answered");
    }
}
