//! Packs built by hand as the model, and right answers, for the domain tests.

use kisi_core::content::{Entry, EntryRef, Member, Pack, PackMeta, Point, Source, Topic};
use kisi_core::quiz::{Answer, Body, Prompt, Question, Target};

/// The id of the one source of [`pack`]; every [`entry`] cites it.
pub const SOURCE: &str = "sumber";

/// An entry with unlabelled points and nothing else optional.
pub fn entry(id: &str, title: &str, body: &str, points: &[&str]) -> Entry {
    Entry {
        id: id.into(),
        title: title.into(),
        body: body.into(),
        points: points
            .iter()
            .map(|&text| Point {
                label: None,
                text: text.into(),
                also: Box::default(),
            })
            .collect(),
        ordered: false,
        aliases: Box::default(),
        tags: Box::default(),
        english: None,
        source: SOURCE.into(),
        locator: None,
        note: None,
        see_also: Box::default(),
        member: None,
        overview: false,
        distractors: Box::default(),
        pairs: Box::default(),
    }
}

pub fn topic(id: &str, title: &str, entries: Vec<Entry>) -> Topic {
    Topic {
        id: id.to_owned(),
        title: title.to_owned(),
        summary: None,
        member: Member::default(),
        entries,
        questions: Vec::new(),
    }
}

/// A pack with the id `id`, one source with `citation`, and `topics`.
pub fn pack(id: &str, citation: &str, topics: Vec<Topic>) -> Pack {
    Pack {
        meta: PackMeta {
            id: id.to_owned(),
            title: "Uji".to_owned(),
            language: "id".to_owned(),
            version: "1.0.0".to_owned(),
            description: "Paket uji".to_owned(),
            authors: Vec::new(),
        },
        sources: vec![Source {
            id: SOURCE.to_owned(),
            citation: citation.to_owned(),
            url: None,
        }],
        topics,
        exam: None,
    }
}

/// The right answer to a question, in the shape a student would give it.
pub fn right_answer(question: &Question) -> Answer {
    match &question.body {
        Body::Choice { correct, .. } => Answer::Choice(*correct),
        Body::SelectAll { correct, .. } => Answer::SelectAll(correct.clone()),
        Body::TrueFalse { answer } => Answer::TrueFalse(*answer),
        Body::Typed {
            candidates,
            correct,
        } => Answer::Typed(candidates[*correct][0].clone()),
        Body::Ordering { order, .. } => Answer::Ordering(order.clone()),
        Body::Matching { pairs, .. } => Answer::Matching(pairs.clone()),
        Body::ListAll { items, .. } => {
            Answer::ListAll(items.iter().map(|forms| forms[0].clone()).collect())
        }
        Body::Flashcard { .. } => Answer::Flashcard { knew: true },
    }
}

/// A "select all that apply" question (three of four right) testing the
/// first entry of a pack.
pub fn select_all_question() -> Question {
    Question {
        key: "authored:pilih-semua".to_owned(),
        prompt: Prompt::SelectAll {
            text: "Kepada siapa penyelenggaraan kesejahteraan sosial ditujukan?".to_owned(),
        },
        body: Body::SelectAll {
            options: ["Perseorangan", "Keluarga", "Badan usaha", "Kelompok"]
                .map(str::to_owned)
                .to_vec(),
            correct: vec![0, 1, 3],
        },
        targets: vec![Target {
            entry: EntryRef { topic: 0, entry: 0 },
            point: None,
        }],
        explanation: "Pasal 5 ayat (1): perseorangan, keluarga, kelompok, dan/atau masyarakat."
            .to_owned(),
        source: None,
    }
}
