//! The optional `[exam]` table of pack.toml: how a mock exam of the pack is
//! made. The rules are those of `ExamSpec`; what the manifest alone decides
//! is checked while reading it, the topic ids once every topic file is read.

use std::collections::HashMap;
use std::ops::Range;

use super::fields::{Checker, Table, Text, closest};
use crate::content::diagnostic::{Diagnostic, SourceFile};
use crate::content::model::{ExamSpec, ExamTopic};
use crate::i18n::diagnostics::LoadKey;
use crate::i18n::diagnostics::Msg;

const EXAM_FIELDS: &[&str] = &["questions", "time_limit_minutes", "pass_mark", "topics"];
const EXAM_TOPIC_FIELDS: &[&str] = &["topic", "questions"];

/// An `[exam]` table as read, with the spans the later checks point at.
pub(super) struct ReadExam {
    pub spec: ExamSpec,
    /// The `topic` of each `[[exam.topics]]` item.
    topic_refs: Vec<Text>,
    /// The `[exam]` header, and the `questions` value when it is given.
    table_span: Range<usize>,
    questions_span: Option<Range<usize>>,
    /// The `topics` list, when present.
    list_span: Option<Range<usize>>,
    /// Whether the total and every item were read without a problem, so
    /// that comparing the total with the sum of the items makes sense.
    counts_valid: bool,
}

impl ReadExam {
    fn sum(&self) -> usize {
        self.spec.topics.iter().map(|t| t.questions).sum()
    }

    /// The error that the topics' questions do not fit the total: it points
    /// at the exam's `questions` (or its header when the default applies)
    /// and at the list. `help` is given the way to change the total.
    fn count_error(
        &self,
        file: &SourceFile,
        message: Msg,
        help: impl FnOnce(Msg) -> Msg,
    ) -> Diagnostic {
        let total = self.spec.total();
        let sum = self.sum();
        let (span, label, fix_total) = match &self.questions_span {
            Some(span) => (
                span.clone(),
                LoadKey::ExamHasQuestions.with("total", total),
                LoadKey::SetQuestions.with("sum", sum),
            ),
            None => (
                self.table_span.clone(),
                LoadKey::ExamDefaultQuestions.with("total", total),
                LoadKey::AddQuestions.with("sum", sum),
            ),
        };
        let mut diagnostic = file.error(span, message, label).with_help(help(fix_total));
        if let Some(list) = &self.list_span {
            diagnostic = diagnostic
                .with_related(file.related(list.clone(), LoadKey::TopicsAskFor.with("sum", sum)));
        }
        diagnostic
    }
}

/// Reads the `[exam]` table of the manifest `root`, if it has one.
pub(super) fn read_exam(checker: &mut Checker<'_>, root: &Table<'_, '_>) -> Option<ReadExam> {
    let exam = checker.optional_table(root, "exam", "[exam]")?;
    checker.unknown_fields(&exam, EXAM_FIELDS);
    let questions = checker.optional_number(
        &exam,
        "questions",
        &ExamSpec::QUESTIONS,
        LoadKey::ExamQuestionsMeaning,
    );
    let time_limit = checker.optional_number(
        &exam,
        "time_limit_minutes",
        &ExamSpec::TIME_LIMIT_MINUTES,
        LoadKey::ExamTimeMeaning,
    );
    let pass_mark = checker.optional_number(
        &exam,
        "pass_mark",
        &ExamSpec::PASS_MARK,
        LoadKey::ExamPassMeaning,
    );
    // A `questions` that is wrong has been reported; the sum is not compared with it.
    let total_valid = questions.is_some() || !exam.map.contains_key("questions");
    let mut read = ReadExam {
        spec: ExamSpec {
            questions: questions.as_ref().map(|n| n.value),
            time_limit_minutes: time_limit.map(|n| n.value),
            pass_mark: pass_mark.map(|n| n.value),
            topics: Vec::new(),
        },
        topic_refs: Vec::new(),
        table_span: exam.span.clone(),
        questions_span: questions.map(|n| n.span),
        list_span: exam.map.get("topics").map(toml::Spanned::span),
        counts_valid: total_valid,
    };
    if let Ok(Some(tables)) = checker.table_list(&exam, "topics", "[[exam.topics]]") {
        read_topics(checker, &tables, &mut read);
    }
    if read.counts_valid && read.sum() > read.spec.total() {
        let message = LoadKey::ExamTooMany
            .with("sum", read.sum())
            .with("total", read.spec.total());
        let diagnostic = read.count_error(checker.file, message, |fix_total| {
            LoadKey::ExamTooManyHelp.with("fix", fix_total)
        });
        checker.push(diagnostic);
    }
    Some(read)
}

fn read_topics(checker: &mut Checker<'_>, tables: &[Table<'_, '_>], read: &mut ReadExam) {
    let questions = 1..=*ExamSpec::QUESTIONS.end();
    let mut seen: HashMap<String, Range<usize>> = HashMap::new();
    for table in tables {
        checker.unknown_fields(table, EXAM_TOPIC_FIELDS);
        let topic = checker.required_text(table, "topic");
        let count = checker.required_number(
            table,
            "questions",
            &questions,
            LoadKey::ExamTopicQuestionsMeaning,
        );
        let Some(topic) = topic else {
            read.counts_valid = false;
            continue;
        };
        if let Some(first) = seen.get(&topic.value) {
            let related = checker
                .file
                .related(first.clone(), LoadKey::FirstListedHere);
            checker.push(
                checker
                    .file
                    .error(
                        topic.span.clone(),
                        LoadKey::ExamTopicTwice.with("topic", &topic.value),
                        LoadKey::ListedAgainHere,
                    )
                    .with_help(LoadKey::ExamTopicTwiceHelp)
                    .with_related(related),
            );
            read.counts_valid = false;
            continue;
        }
        seen.insert(topic.value.clone(), topic.span.clone());
        read.topic_refs.push(topic.clone());
        match count {
            Some(count) => read.spec.topics.push(ExamTopic {
                topic: topic.value,
                questions: count.value,
            }),
            None => read.counts_valid = false,
        }
    }
}

/// Checks the topic ids of `exam` (in the manifest `file`) against the
/// pack's `topics`; `kind_of` names what another id of the pack is, with
/// its article (`an entry`).
pub(super) fn check_exam_topics(
    file: &SourceFile,
    exam: &ReadExam,
    topics: &[&str],
    kind_of: impl Fn(&str) -> Option<LoadKey>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut all_known = true;
    for reference in &exam.topic_refs {
        let target = reference.value.as_str();
        if topics.contains(&target) {
            continue;
        }
        all_known = false;
        let span = reference.span.clone();
        let diagnostic = if let Some(kind) = kind_of(target) {
            file.error(
                span,
                LoadKey::NotATopic.with("id", target).with("kind", kind),
                LoadKey::KindIdLabel.with("kind", kind),
            )
            .with_help(LoadKey::ExamListsTopics)
        } else {
            let help = match closest(target, topics.iter().copied()) {
                Some(close) => LoadKey::DidYouMean.with("close", close),
                None => LoadKey::ExamTopicIs.with(
                    "ids",
                    topics
                        .iter()
                        .map(|t| format!("`{t}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            };
            file.error(
                span,
                LoadKey::UnknownExamTopic.with("id", target),
                LoadKey::NoTopicHasId,
            )
            .with_help(help)
        };
        diagnostics.push(diagnostic);
    }
    let every_topic_listed = topics
        .iter()
        .all(|t| exam.spec.topics.iter().any(|listed| listed.topic == *t));
    if all_known && exam.counts_valid && every_topic_listed && exam.sum() < exam.spec.total() {
        let message = LoadKey::ExamTooFew
            .with("sum", exam.sum())
            .with("total", exam.spec.total());
        let rest = exam.spec.total() - exam.sum();
        diagnostics.push(exam.count_error(file, message, |fix_total| {
            LoadKey::ExamTooFewHelp
                .with("rest", rest)
                .with("fix", fix_total)
        }));
    }
}
