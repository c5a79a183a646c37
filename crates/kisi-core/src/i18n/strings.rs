//! The screens' words, `Strings`: one field a string, the same fields in
//! both languages (strings/indonesian.rs, strings/english.rs).

use super::{ExamWords, Lang, Noun, RoomWords};

mod english;
mod indonesian;

pub use english::ENGLISH;
pub use indonesian::INDONESIAN;

/// The words of the UI. One field a string; counts are formatted by methods.
#[derive(Debug)]
pub struct Strings {
    /// The language these are the words of: for counts and dates.
    pub lang: Lang,
    pub app_name: &'static str,
    /// The live class quiz's words (i18n/room.rs), for its key hints.
    pub room: &'static RoomWords,
    pub menu_browse: &'static str,
    pub menu_search: &'static str,
    pub menu_quiz: &'static str,
    pub menu_help: &'static str,
    pub menu_quit: &'static str,
    pub topics: &'static str,
    pub entries: &'static str,
    pub points: &'static str,
    pub english_term: &'static str,
    pub source: &'static str,
    pub note: &'static str,
    pub see_also: &'static str,
    pub aliases: &'static str,
    pub help_title: &'static str,
    pub help_close: &'static str,
    pub too_small: &'static str,
    pub key_move: &'static str,
    pub key_page: &'static str,
    pub key_ends: &'static str,
    pub key_open: &'static str,
    pub key_back: &'static str,
    pub key_quit: &'static str,
    pub key_force_quit: &'static str,
    pub key_help: &'static str,
    pub key_scroll: &'static str,
    pub key_search: &'static str,
    pub key_mouse: &'static str,
    pub quiz_setup_title: &'static str,
    pub quiz_count: &'static str,
    pub quiz_time_limit: &'static str,
    pub quiz_no_limit: &'static str,
    pub quiz_minutes: &'static str,
    pub quiz_kinds: &'static str,
    pub quiz_start: &'static str,
    pub quiz_nothing_selected: &'static str,
    pub kind_choice: &'static str,
    pub kind_true_false: &'static str,
    pub kind_typed: &'static str,
    pub kind_ordering: &'static str,
    pub kind_matching: &'static str,
    pub kind_list_all: &'static str,
    pub kind_flashcard: &'static str,
    pub quiz_your_answer: &'static str,
    pub quiz_items_given: &'static str,
    pub quiz_list_hint: &'static str,
    pub quiz_arrange_hint: &'static str,
    pub quiz_match_hint: &'static str,
    pub quiz_flip_hint: &'static str,
    pub quiz_knew_question: &'static str,
    pub quiz_expected: &'static str,
    pub quiz_explanation: &'static str,
    pub quiz_overridden: &'static str,
    pub quiz_leave: &'static str,
    pub quiz_time_left: &'static str,
    pub quiz_results: &'static str,
    pub quiz_score: &'static str,
    pub quiz_by_topic: &'static str,
    pub quiz_mistakes: &'static str,
    pub quiz_no_mistakes: &'static str,
    pub quiz_overrides: &'static str,
    pub quiz_unanswered: &'static str,
    /// Above the mistakes when none of the answers was wrong but some
    /// questions were left unanswered.
    pub quiz_no_wrong_answers: &'static str,
    /// On the results of a quiz its time limit ended.
    pub quiz_time_up: &'static str,
    /// Enter on a matching question with items still unpaired.
    pub quiz_match_every_item: &'static str,
    pub quiz_pick_first: &'static str,
    pub quiz_tick_first: &'static str,
    pub quiz_fewer_questions: fn(usize, usize) -> String,
    pub key_choose: &'static str,
    pub key_submit: &'static str,
    pub key_next: &'static str,
    pub key_open_entry: &'static str,
    pub key_override: &'static str,
    pub key_retry: &'static str,
    pub key_toggle: &'static str,
    pub key_change: &'static str,
    pub key_start: &'static str,
    pub key_leave: &'static str,
    pub key_type: &'static str,
    pub key_clear: &'static str,
    /// Enter on a "name them all" line with text: adds the item.
    pub key_add: &'static str,
    /// Backspace on an empty "name them all" line.
    pub key_take_back: &'static str,
    /// Backspace in a text field.
    pub key_delete: &'static str,
    /// The letters (and digits) that answer true or false.
    pub key_true_false: &'static str,
    pub key_grab: &'static str,
    pub key_flip: &'static str,
    pub key_knew: &'static str,
    pub search_label: &'static str,
    pub search_hint: &'static str,
    pub search_none: &'static str,
    /// `kisi search` found nothing; `{query}` and `{pack}` are filled in.
    pub search_no_hit: &'static str,
    pub search_searching: &'static str,
    pub field_title: &'static str,
    pub field_alias: &'static str,
    pub field_english: &'static str,
    pub field_tag: &'static str,
    pub field_point: &'static str,
    pub field_body: &'static str,
    pub field_note: &'static str,
    pub field_topic: &'static str,
    pub field_summary: &'static str,
    pub field_source: &'static str,
    pub menu_review: &'static str,
    pub menu_exam: &'static str,
    pub menu_stats: &'static str,
    pub home_seen: &'static str,
    pub home_due: &'static str,
    pub nothing_to_review: &'static str,
    /// Shown while questions are drawn for a review, quiz or exam.
    pub preparing: &'static str,
    pub exam_title: &'static str,
    pub exam_answered: &'static str,
    pub exam_saved: &'static str,
    pub exam_hand_in: &'static str,
    pub exam_hand_in_hint: &'static str,
    pub exam_unanswered: &'static str,
    pub exam_confirm: &'static str,
    pub exam_passed: &'static str,
    pub exam_failed: &'static str,
    pub exam_pass_mark: &'static str,
    pub exam_time_up: &'static str,
    pub key_prev_next: &'static str,
    pub key_save: &'static str,
    pub stats_title: &'static str,
    pub stats_mastery: &'static str,
    pub stats_reviews: &'static str,
    pub stats_due_ahead: &'static str,
    pub stats_exams: &'static str,
    pub stats_no_exams: &'static str,
    /// "Ulangan per hari (4 minggu terakhir)": the word order differs.
    pub stats_recent_weeks: fn(u32) -> String,
    pub stats_cards: &'static str,
    pub stats_seen: &'static str,
    pub stats_mastered: &'static str,
    pub stats_today: &'static str,
    pub stats_exam_date: &'static str,
    pub stats_target: &'static str,
    pub stats_passed: &'static str,
    pub stats_failed: &'static str,
    pub exam_leave: &'static str,
    pub exam_results: &'static str,
    /// The mock exam's and the review's words (`i18n::exam`).
    pub exam: &'static ExamWords,
    pub not_a_terminal: &'static str,
    pub version_label: &'static str,
    pub pack_valid: &'static str,
    pub menu_present: &'static str,
    pub menu_class_quiz: &'static str,
    pub key_present_next: &'static str,
    pub key_present_previous: &'static str,
    pub key_present_skip: &'static str,
    pub key_present_ends: &'static str,
    pub key_footer: &'static str,
    pub key_reveal_next: &'static str,
    pub key_previous_question: &'static str,
    pub key_restart_timer: &'static str,
    pub present_no_slides: &'static str,
    /// After a count of revealed points out of view above the slide.
    pub present_point_above: &'static str,
    pub present_points_above: &'static str,
    pub class_quiz_question: &'static str,
    pub class_quiz_answer: &'static str,
    pub class_quiz_done: &'static str,
    /// Help: going back to a question shows its answer with no clock.
    pub key_class_quiz_previous: &'static str,
    pub class_quiz_no_questions: &'static str,
    pub class_quiz_time_up: &'static str,
    pub key_other_entry: &'static str,
    pub key_open_related: &'static str,
}

impl Strings {
    pub fn pack_counts(&self, topics: usize, entries: usize, points: usize) -> String {
        let lang = self.lang;
        format!(
            "{} · {} · {}",
            lang.count(topics, Noun::Topic),
            lang.count(entries, Noun::Entry),
            lang.count(points, Noun::Point)
        )
    }

    /// What `kisi search` says when nothing matches `query` in the pack
    /// titled `pack`. Control characters of the query are shown as `�`.
    pub fn search_no_hit(&self, query: &str, pack: &str) -> String {
        let query: String = query
            .chars()
            .map(|c| if c.is_control() { '\u{fffd}' } else { c })
            .collect();
        self.search_no_hit
            .replace("{pack}", pack)
            .replace("{query}", &query)
    }

    pub fn position(&self, current: usize, total: usize) -> String {
        format!("{current}/{total}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_translated() {
        assert_eq!(
            INDONESIAN.pack_counts(5, 40, 90),
            "5 topik · 40 entri · 90 butir"
        );
        assert_eq!(
            ENGLISH.pack_counts(5, 40, 90),
            "5 topics · 40 entries · 90 points"
        );
        assert_eq!(
            ENGLISH.pack_counts(1, 1, 1_200),
            "1 topic · 1 entry · 1,200 points"
        );
    }

    #[test]
    fn the_matching_hint_is_a_grammatical_sentence() {
        // "←→ or a letter" is one subject: the verb agrees with "a letter".
        assert_eq!(
            ENGLISH.quiz_match_hint,
            "↑↓ select an item; ←→ or a letter picks its match."
        );
    }
}
