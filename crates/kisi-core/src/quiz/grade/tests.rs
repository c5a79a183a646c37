use super::*;
use crate::quiz::forms::item_spellings;

fn one(spellings: &[&str]) -> Vec<String> {
    spellings.iter().map(|s| (*s).to_owned()).collect()
}

fn each(items: &[&str]) -> Vec<Vec<String>> {
    items.iter().map(|s| vec![(*s).to_owned()]).collect()
}

#[test]
fn normalize_ignores_case_accents_punctuation_and_spacing() {
    assert_eq!(normalize("  Pelayanan—SOSIAL;  (é) "), "pelayanansosiale");
}

#[test]
fn typo_budget_grows_with_length() {
    assert_eq!(typo_budget("odha"), 0);
    assert_eq!(typo_budget("broker"), 1);
    assert_eq!(typo_budget("mediator"), 1);
    assert_eq!(typo_budget("fasilitator"), 2);
}

#[test]
fn short_words_need_exact_spelling() {
    let candidates = vec![one(&["ODHA"]), one(&["JKSM"])];
    assert_eq!(grade_typed("odah", &candidates, 0).outcome, Outcome::Wrong);
    assert_eq!(
        grade_typed("O.D.H.A", &candidates, 0).outcome,
        Outcome::Correct
    );
}

#[test]
fn a_wrong_number_is_never_a_typo() {
    let candidates = vec![one(&["Pasal 3"]), one(&["Tujuan"])];
    assert_eq!(
        grade_typed("Pasal 4", &candidates, 0).outcome,
        Outcome::Wrong
    );
    assert_eq!(
        grade_typed("Pasal 03", &candidates, 0).outcome,
        Outcome::Correct
    );
}

#[test]
fn numbers_match_with_or_without_their_noun_in_digits_or_words() {
    let candidates = vec![one(&["10 asas"]), one(&["Tujuan"])];
    for typed in ["10 asas", "10", "sepuluh", "Sepuluh asas", "10 ASAS."] {
        let graded = grade_typed(typed, &candidates, 0);
        assert_eq!(graded.outcome, Outcome::Correct, "{typed}");
        assert!(!graded.typo, "{typed}");
    }
    assert_eq!(grade_typed("11", &candidates, 0).outcome, Outcome::Wrong);
    assert_eq!(
        grade_typed("sembilan", &candidates, 0).outcome,
        Outcome::Wrong
    );
    // The other way round: the answer a bare number, typed with a noun.
    let bare = vec![one(&["Sepuluh"]), one(&["Tujuan"])];
    for typed in ["10 asas", "10", "sepuluh"] {
        assert_eq!(
            grade_typed(typed, &bare, 0).outcome,
            Outcome::Correct,
            "{typed}"
        );
    }
    let english = vec![one(&["twenty-one rules"]), one(&["Purpose"])];
    for typed in ["21", "twenty one", "21 rules"] {
        assert_eq!(
            grade_typed(typed, &english, 0).outcome,
            Outcome::Correct,
            "{typed}"
        );
    }
    // A number two candidates share names neither.
    let two = vec![one(&["10 asas"]), one(&["10 prinsip"])];
    assert_eq!(grade_typed("10", &two, 0).outcome, Outcome::Wrong);
    assert_eq!(grade_typed("10 asas", &two, 0).outcome, Outcome::Correct);
    // The item in full beats another that is its number alone.
    let list = grade_list(&one(&["10 asas", "10"]), &each(&["10 asas", "10"]), &[]);
    assert_eq!(list.matched, vec![Some(0), Some(1)]);
}

#[test]
fn ampersand_is_and() {
    let candidates = vec![one(&["Hak dan kewajiban"]), one(&["Rights and duties"])];
    assert_eq!(
        grade_typed("hak & kewajiban", &candidates, 0).outcome,
        Outcome::Correct
    );
    assert_eq!(
        grade_typed("Rights & duties", &candidates, 1).outcome,
        Outcome::Correct
    );
    let list = grade_list(
        &one(&["hak dan kewajiban"]),
        &each(&["Hak & kewajiban", "Peran"]),
        &[],
    );
    assert_eq!(list.matched, vec![Some(0)]);
}

#[test]
fn a_qualifier_in_parentheses_is_optional_unless_it_tells_items_apart() {
    let layers = each(&[
        "Transport layer (TCP/IP)",
        "Application layer",
        "Internet layer",
    ]);
    let list = grade_list(
        &one(&["transport layer", "application layer"]),
        &layers,
        &[],
    );
    assert_eq!(list.matched, vec![Some(0), Some(1)]);
    let candidates = vec![
        item_spellings("Transport layer (TCP/IP)"),
        one(&["Network layer"]),
    ];
    assert_eq!(
        grade_typed("transport layer", &candidates, 0).outcome,
        Outcome::Correct
    );
    // Two items told apart only by their qualifier: it must be given.
    let models = each(&["Transport layer (TCP/IP)", "Transport layer (OSI)"]);
    let list = grade_list(
        &one(&["transport layer", "Transport layer (OSI)"]),
        &models,
        &[],
    );
    assert_eq!(list.matched, vec![None, Some(1)]);
    assert_eq!(list.wrong, 1);
}

#[test]
fn a_distinctive_part_of_a_name_names_it_unless_another_fits_too() {
    let founders = each(&["Mohammad Hatta", "Soekarno", "Mohammad Yamin"]);
    let list = grade_list(&one(&["Hatta", "soekarno", "Yamin"]), &founders, &[]);
    assert_eq!(list.matched, vec![Some(0), Some(1), Some(2)]);
    // "Mohammad" fits two of them: it names neither.
    let list = grade_list(&one(&["Mohammad"]), &founders, &[]);
    assert_eq!(list.matched, vec![None]);
    // A typed answer's candidates come with their shorter forms, those
    // two share dropped (as the generator makes them).
    let candidates = without_shared_spellings(vec![
        item_spellings("Mohammad Hatta"),
        item_spellings("Mohammad Yamin"),
    ]);
    assert_eq!(
        grade_typed("Hatta", &candidates, 0).outcome,
        Outcome::Correct
    );
    assert_eq!(
        grade_typed("Mohammad", &candidates, 0).outcome,
        Outcome::Wrong
    );
    // A decoy of the same surname makes the surname ambiguous.
    let list = grade_list(
        &one(&["Hatta"]),
        &each(&["Mohammad Hatta"]),
        &one(&["Meutia Hatta"]),
    );
    assert_eq!(list.matched, vec![None]);
}

#[test]
fn list_items_are_named_by_any_of_their_accepted_forms() {
    let items = vec![
        one(&["fasilitator atau pendamping"]),
        one(&["Pembela (advocate)"]),
        one(&["perencana", "planner"]),
    ];
    // "pendamping" is also a decoy (another entry's item): it is not
    // taken as naming the first item.
    let decoys = one(&["pendamping"]);
    let answers = one(&["fasilitator", "advocate", "pendamping", "Planner"]);
    let list = grade_list(&answers, &items, &decoys);
    assert_eq!(list.matched, vec![Some(0), Some(1), None, Some(2)]);
    assert!(list.missing.is_empty());
    assert_eq!(list.wrong, 1);
}

#[test]
fn list_counts_each_item_once_and_ignores_decoys() {
    let items = each(&["kesetiakawanan", "keadilan", "kemanfaatan"]);
    let decoys = one(&["keterbukaan"]);
    let answers = one(&["Keadilan", "keadilan", "keterbukan", "kesetiakawnan"]);
    let list = grade_list(&answers, &items, &decoys);
    assert_eq!(list.matched, vec![Some(1), None, None, Some(0)]);
    assert_eq!(list.missing, vec![2]);
    // The repeat costs nothing, the decoy as much as the missing item.
    assert_eq!(list.wrong, 1);
    assert_eq!(list.outcome(), Outcome::Partial(4.0 / 6.0));
}

#[test]
fn extra_wrong_items_cost_in_a_list() {
    let items = each(&[
        "mawar", "melati", "anggrek", "kamboja", "dahlia", "tulip", "kenanga",
    ]);
    let mut answers = items.iter().map(|i| i[0].clone()).collect::<Vec<_>>();
    let list = grade_list(&answers, &items, &[]);
    assert_eq!(list.outcome(), Outcome::Correct);
    answers.extend(one(&["kucing", "meja", "awan", "pintu"]));
    let list = grade_list(&answers, &items, &[]);
    // Precision 7/11, recall 1: F1 = 14/18.
    assert_eq!(list.outcome(), Outcome::Partial(14.0 / 18.0));
    let junk = grade_list(&one(&["kucing"]), &items, &[]);
    assert_eq!(junk.outcome(), Outcome::Wrong);
}

#[test]
fn ordering_credits_items_in_the_right_relative_order() {
    // Shown as items 0..5; the material's order is 0, 1, 2, 3, 4.
    let order = [0, 1, 2, 3, 4];
    let (outcome, marks) = ordering(&order, &[0, 1, 2, 3, 4]);
    assert_eq!((outcome, marks), (Outcome::Correct, vec![true; 5]));
    // Shifted by one: four of five in order, not nothing.
    let (outcome, marks) = ordering(&order, &[1, 2, 3, 4, 0]);
    assert_eq!(outcome, Outcome::Partial(3.0 / 4.0));
    assert_eq!(marks, vec![true, true, true, true, false]);
    let (outcome, marks) = ordering(&order, &[4, 3, 2, 1, 0]);
    assert_eq!((outcome, marks), (Outcome::Wrong, vec![false; 5]));
    // Two swapped pairs: three items keep their relative order.
    let (outcome, _) = ordering(&order, &[1, 0, 2, 4, 3]);
    assert_eq!(outcome, Outcome::Partial(2.0 / 4.0));
}

#[test]
fn shared_spellings_are_dropped_except_titles() {
    let candidates = vec![
        vec![
            "Pasal 3: Tujuan".to_owned(),
            "Pasal 3".to_owned(),
            "tujuan".to_owned(),
        ],
        vec!["Tujuan".to_owned()],
    ];
    assert_eq!(
        without_shared_spellings(candidates),
        vec![vec!["Pasal 3: Tujuan", "Pasal 3"], vec!["Tujuan"]]
    );
}
