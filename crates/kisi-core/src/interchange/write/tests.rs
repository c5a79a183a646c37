#![allow(clippy::unwrap_used)]

use super::*;
use crate::interchange::gift;

fn words() -> &'static InterchangeWords {
    Lang::En.interchange_words()
}

fn gift(name: &str, text: &str) -> Parsed {
    gift::parse(name, text.as_bytes(), words())
}

const BANK: &str = "$CATEGORY: $course$/top/Dasar\n\n\
    ::Q1:: 1 + 1 = 2 {T}\n\n\
    ::Q2:: Ibu kota Indonesia? {=Jakarta ~Bandung ~Surabaya #Bukan ibu kota.}\n\n\
    Who's buried in Grant's tomb?{=Grant =Ulysses S. Grant}\n";

#[test]
fn a_new_pack_passes_the_check_and_a_second_import_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("Bank Soal");
    let outcome = import_into(&dir, &[gift("bank.gift", BANK)], "id", words()).unwrap();
    assert_eq!((outcome.imported, outcome.updated), (3, 0));
    assert_eq!(outcome.written.len(), 2);
    let pack = load_dir(&dir).unwrap_or_else(|r| panic!("{r}"));
    assert_eq!(pack.meta.id, "bank-soal");
    assert_eq!(pack.topics[0].id, "dasar");
    assert_eq!(pack.topics[0].questions.len(), 3);
    let entry = &pack.topics[0].entries[1];
    assert_eq!(&*entry.id, "dasar-q2");
    assert_eq!(entry.locator.as_deref(), Some("baris 5"));
    assert!(entry.body.contains("Jawaban: Jakarta"), "{}", entry.body);
    assert!(pack.sources[0].citation.contains("bank.gift (Moodle GIFT)"));

    let again = import_into(&dir, &[gift("bank.gift", BANK)], "id", words()).unwrap();
    assert_eq!((again.imported, again.updated, again.unchanged), (0, 0, 3));
    assert!(again.written.is_empty());
}

#[test]
fn re_importing_an_edited_file_updates_in_place_and_keeps_comments() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("bank");
    import_into(&dir, &[gift("bank.gift", BANK)], "en", words()).unwrap();
    let topic = dir.join("01-dasar.toml");
    let text = fs::read_to_string(&topic).unwrap();
    fs::write(&topic, format!("# my own comment\n{text}")).unwrap();
    let edited = BANK.replace("~Surabaya", "~Medan") + "\n::Q9:: New? {F}\n";
    let outcome = import_into(&dir, &[gift("bank.gift", &edited)], "en", words()).unwrap();
    assert_eq!(
        (outcome.imported, outcome.updated, outcome.unchanged),
        (1, 1, 2)
    );
    let text = fs::read_to_string(&topic).unwrap();
    assert!(text.starts_with("# my own comment\n"), "{text}");
    assert!(
        text.contains("Medan") && !text.contains("Surabaya"),
        "{text}"
    );
    let pack = load_dir(&dir).unwrap_or_else(|r| panic!("{r}"));
    assert_eq!(pack.entry_count(), 4);
    assert_eq!(pack.topics[0].entries[3].locator.as_deref(), Some("line 9"));
}

#[test]
fn several_right_answers_and_pairs_are_written_as_the_new_fields() {
    // The loader on this branch does not know `correct` and `pairs` yet,
    // so the emitted TOML is checked as text.
    let parsed = gift(
        "b.gift",
        "::M:: Two right? {~%50%A ~%50%B ~%-100%C ~All of the above}\n\n\
         ::P:: Match {=cat -> cat food =dog -> dog food}",
    );
    let question = |i: usize| {
        question_table("x-q", "x", parsed.items[i].question.as_ref().unwrap()).to_string()
    };
    let multi = question(0);
    assert!(multi.contains("kind = \"choice\""), "{multi}");
    assert!(multi.contains("correct = [0, 1]"), "{multi}");
    assert!(multi.contains("shuffle = false"), "{multi}");
    assert!(!multi.contains("answer ="), "{multi}");
    let pairs = question(1);
    assert!(pairs.contains("kind = \"matching\""), "{pairs}");
    assert!(
        pairs.contains("pairs = [[\"cat\", \"cat food\"], [\"dog\", \"dog food\"]]"),
        "{pairs}"
    );
}

#[test]
fn moodle_s_multiple_answer_and_matching_examples_emit_the_new_fields() {
    // To run `kisi check` on once `correct` and `pairs` are in the loader:
    // kisi import gift tests/fixtures/interchange/moodle-full.gift --into DIR
    let parsed = gift(
        "moodle-full.gift",
        include_str!("../../../../../tests/fixtures/interchange/moodle-full.gift"),
    );
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let tables: Vec<String> = parsed
        .items
        .iter()
        .map(|item| question_table("x-q", "x", item.question.as_ref().unwrap()).to_string())
        .collect();
    assert_eq!(tables.len(), 4);
    assert!(tables[0].contains("correct = [1, 2]"), "{}", tables[0]);
    assert!(
        tables[1].contains(
            "pairs = [[\"cat\", \"cat food\"], [\"dog\", \"dog food\"], [\"bird\", \"seeds\"]]"
        ),
        "{}",
        tables[1]
    );
    assert!(
        tables[2].contains("[\"India\", \"New Delhi\"]]"),
        "{}",
        tables[2]
    );
    assert!(tables[3].contains("correct = [0, 1]"), "{}", tables[3]);
    assert!(tables[3].contains("shuffle = false"), "{}", tables[3]);
    // The answer without a question (`= -> Canberra`) is reported.
    assert_eq!(parsed.notes.len(), 1);
    assert!(parsed.notes[0].text.contains("Canberra"));
    assert_eq!(parsed.notes[0].line, 16);
}

#[test]
fn a_folder_that_is_no_pack_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("notes.txt"), "x").unwrap();
    let result = import_into(tmp.path(), &[gift("b.gift", BANK)], "id", words());
    assert!(matches!(result, Err(WriteError::NoPack(_))));
}

#[test]
fn an_id_of_a_hand_written_entry_is_never_overwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    import_into(&dir, &[gift("bank.gift", BANK)], "id", words()).unwrap();
    // Another file whose category and names give the same ids.
    let outcome = import_into(&dir, &[gift("other.gift", BANK)], "id", words()).unwrap();
    assert_eq!(outcome.imported, 0);
    assert_eq!(outcome.conflicts.len(), 3);
    assert!(
        outcome.conflicts[0].2.contains("dasar-q1"),
        "{:?}",
        outcome.conflicts
    );
}
