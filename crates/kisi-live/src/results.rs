//! The results file, written as the quiz goes: a CSV line per answer taken,
//! flushed at once, so a host that dies loses nothing already answered;
//! and a JSON document of the whole room beside it, rewritten (through a
//! temporary file) at every reveal and at the end.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use kisi_core::quiz::wording::given;
use kisi_core::room::{AnswerRecord, Room, StudentId};
use kisi_core::text::printable_line;

pub struct Results {
    csv_path: PathBuf,
    json_path: PathBuf,
    csv: File,
}

/// A CSV field: terminal controls escaped (a student's typed answer is
/// theirs to choose), quoted, and kept from being read as a spreadsheet
/// formula.
fn field(text: &str) -> String {
    let text = printable_line(text);
    let formula = text.starts_with(['=', '+', '-', '@']);
    let text = if formula {
        format!("'{text}")
    } else {
        text.into_owned()
    };
    format!("\"{}\"", text.replace('"', "\"\""))
}

#[allow(clippy::cast_precision_loss)] // milliseconds of a question
fn seconds(ms: u64) -> f64 {
    ms as f64 / 1000.0
}

pub const CSV_HEADER: &str = "student,question,key,answer,right,seconds";

impl Results {
    /// Creates the CSV at `csv_path` (and the JSON beside it, the same
    /// name ending in `.json`), with its header.
    ///
    /// # Errors
    /// The folder cannot be made or the file created.
    pub fn create(csv_path: &Path) -> io::Result<Self> {
        if let Some(dir) = csv_path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir)?;
        }
        let mut csv = OpenOptions::new()
            .create(true)
            .truncate(true)
            .write(true)
            .open(csv_path)?;
        writeln!(csv, "{CSV_HEADER}")?;
        csv.flush()?;
        Ok(Self {
            csv_path: csv_path.to_path_buf(),
            json_path: csv_path.with_extension("json"),
            csv,
        })
    }

    pub fn csv_path(&self) -> &Path {
        &self.csv_path
    }

    pub fn json_path(&self) -> &Path {
        &self.json_path
    }

    /// Appends one answer. With changes allowed, a student's later line for
    /// a question replaces the earlier one.
    ///
    /// # Errors
    /// Writing fails.
    pub fn record(&mut self, record: &AnswerRecord) -> io::Result<()> {
        let seconds = seconds(record.taken_ms);
        writeln!(
            self.csv,
            "{},{},{},{},{},{seconds:.1}",
            field(&record.student),
            record.question + 1,
            field(&record.key),
            field(&record.answer),
            record.credit,
        )?;
        self.csv.flush()
    }

    /// Rewrites the JSON document of the room as it stands.
    ///
    /// # Errors
    /// Writing or renaming fails.
    pub fn write_json(&self, room: &Room) -> io::Result<()> {
        let tmp = self.json_path.with_extension("json.tmp");
        let text = serde_json::to_string_pretty(&document(room)).unwrap_or_default();
        fs::write(&tmp, kisi_core::text::escape_json_unsafe(&text).as_bytes())?;
        fs::rename(&tmp, &self.json_path)
    }
}

/// The whole room as JSON: its questions with every answer, its students'
/// scores, the scores per topic and the items it knew least.
pub fn document(room: &Room) -> Value {
    let lang = room.config().lang;
    let questions: Vec<Value> = room
        .questions()
        .iter()
        .enumerate()
        .map(|(q, question)| {
            let answers: Vec<Value> = room
                .students()
                .iter()
                .enumerate()
                .filter_map(|(s, student)| {
                    let answer = room.answer_of(q, StudentId(s))?;
                    Some(json!({
                        "student": student.name,
                        "answer": given(&question.question.body, &answer.grade, lang),
                        "right": answer.grade.outcome.credit(),
                        "seconds": seconds(answer.taken_ms),
                    }))
                })
                .collect();
            json!({
                "number": q + 1,
                "key": question.question.key,
                "prompt": question.prompt,
                "topic": question.topic,
                "items": question.items.iter().map(|i| &i.key).collect::<Vec<_>>(),
                "answers": answers,
            })
        })
        .collect();
    let students: Vec<Value> = room
        .students()
        .iter()
        .enumerate()
        .map(|(s, student)| {
            let (earned, asked, answered) = room.score_of(StudentId(s));
            json!({
                "name": student.name,
                "earned": earned,
                "asked": asked,
                "answered": answered,
                "removed": student.removed,
            })
        })
        .collect();
    json!({
        "room": room.code().as_str(),
        "pack": { "id": room.pack().id, "title": room.pack().title },
        "questions": questions,
        "students": students,
        "question_scores": room.question_scores().iter()
            .map(|(q, score)| json!({ "number": q + 1, "score": score }))
            .collect::<Vec<_>>(),
        "topics": room.topic_scores().iter()
            .map(|t| json!({ "topic": t.topic, "score": t.score, "questions": t.questions }))
            .collect::<Vec<_>>(),
        "least_known": room.least_known(3).iter()
            .map(|i| json!({ "item": i.key, "label": i.label, "score": i.score }))
            .collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_escaped_and_not_formulas() {
        assert_eq!(field("Ani \"A\""), "\"Ani \"\"A\"\"\"");
        assert_eq!(field("=HYPERLINK(1)"), "\"'=HYPERLINK(1)\"");
        assert_eq!(
            field("x\u{1b}]52;c;aGk=\u{7}"),
            "\"x\\u{1b}]52;c;aGk=\\u{7}\""
        );
    }
}
