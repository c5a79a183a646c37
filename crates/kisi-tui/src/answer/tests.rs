use super::*;
use kisi_core::i18n::Lang;
use kisi_core::quiz::Prompt;

fn question(body: Body) -> Question {
    Question {
        key: "q".to_owned(),
        prompt: Prompt::Authored {
            text: "?".to_owned(),
        },
        body,
        targets: Vec::new(),
        explanation: String::new(),
        source: None,
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|&s| s.to_owned()).collect()
}

fn choice(count: usize) -> Question {
    question(Body::Choice {
        options: (0..count).map(|i| i.to_string()).collect(),
        correct: 0,
    })
}

fn ordering() -> Question {
    question(Body::Ordering {
        items: strings(&["a", "b", "c"]),
        order: vec![0, 1, 2],
    })
}

fn matching() -> Question {
    question(Body::Matching {
        left: strings(&["x", "y"]),
        right: strings(&["1", "2", "3"]),
        pairs: vec![0, 1],
    })
}

fn list_all() -> Question {
    question(Body::ListAll {
        items: vec![strings(&["a"]), strings(&["b"])],
        decoys: Vec::new(),
    })
}

/// Applies `actions` in turn; the answer the last one gave, if any.
fn apply(input: &mut Input, question: &Question, actions: &[Action]) -> Option<Answer> {
    let mut answer = None;
    for &action in actions {
        answer = update(input, question, action);
    }
    answer
}

fn type_text(text: &str) -> Vec<Action> {
    text.chars().map(Action::Input).collect()
}

#[test]
fn picking_needs_a_choice_before_enter_and_stays_in_range() {
    let question = choice(4);
    let mut input = Input::for_question(&question);
    assert!(is_incomplete(&input));
    assert_eq!(update(&mut input, &question, Action::Open), None);
    // The first arrow lands on the first option; moving stops at the ends.
    assert_eq!(apply(&mut input, &question, &[Action::Down]), None);
    assert_eq!(input, Input::Pick { selected: Some(0) });
    apply(
        &mut input,
        &question,
        &[Action::Up, Action::Down, Action::Down],
    );
    assert_eq!(input, Input::Pick { selected: Some(2) });
    // An option the question does not have is not chosen.
    update(&mut input, &question, Action::Choose(4));
    assert_eq!(input, Input::Pick { selected: Some(2) });
    assert!(!is_incomplete(&input));
    assert_eq!(
        apply(&mut input, &question, &[Action::Choose(3), Action::Open]),
        Some(Answer::Choice(3))
    );
}

#[test]
fn true_or_false_is_the_first_or_second_option() {
    let question = question(Body::TrueFalse { answer: true });
    let mut input = Input::for_question(&question);
    assert_eq!(input.mode(Some(&question)), Mode::TrueFalse);
    assert_eq!(
        apply(&mut input, &question, &[Action::Choose(1), Action::Open]),
        Some(Answer::TrueFalse(false))
    );
    assert_eq!(
        apply(&mut input, &question, &[Action::Choose(0), Action::Open]),
        Some(Answer::TrueFalse(true))
    );
}

#[test]
fn ordering_moves_the_picked_up_item_and_only_that() {
    let question = ordering();
    let mut input = Input::for_question(&question);
    // Moving without picking up moves the cursor only.
    apply(&mut input, &question, &[Action::Down]);
    assert!(
        matches!(&input, Input::Arrange { order, cursor: 1, grabbed: false } if *order == [0, 1, 2])
    );
    // Pick up b, move it down past c, put it down.
    let answer = apply(
        &mut input,
        &question,
        &[
            Action::Toggle,
            Action::Down,
            Action::Down,
            Action::Toggle,
            Action::Up,
            Action::Open,
        ],
    );
    assert_eq!(answer, Some(Answer::Ordering(vec![0, 2, 1])));
    // A click on the item under the cursor picks it up; a click elsewhere
    // puts it down there.
    let mut input = Input::for_question(&question);
    assert_eq!(click(&mut input, Hit::Item(0)), None);
    assert!(matches!(&input, Input::Arrange { grabbed: true, .. }));
    click(&mut input, Hit::Item(2));
    assert!(
        matches!(&input, Input::Arrange { order, cursor: 2, grabbed: false } if *order == [1, 2, 0])
    );
}

#[test]
fn matching_pairs_every_item_before_it_can_be_sent() {
    let question = matching();
    let mut input = Input::for_question(&question);
    assert!(is_incomplete(&input));
    // A letter pairs the item and goes on to the next one.
    apply(&mut input, &question, &[Action::Choose(2)]);
    assert!(matches!(&input, Input::Match { choices, cursor: 1 } if *choices == [Some(2), None]));
    // Enter with an item unpaired sends nothing and goes to that item.
    apply(&mut input, &question, &[Action::Up]);
    assert_eq!(update(&mut input, &question, Action::Open), None);
    assert!(matches!(&input, Input::Match { cursor: 1, .. }));
    // Left and Right step through the matches, round the end.
    apply(&mut input, &question, &[Action::Left, Action::Right]);
    assert!(matches!(&input, Input::Match { choices, .. } if *choices == [Some(2), Some(0)]));
    assert!(!is_incomplete(&input));
    assert_eq!(
        update(&mut input, &question, Action::Open),
        Some(Answer::Matching(vec![2, 0]))
    );
    // A click on a lettered item chooses it for the item under the cursor.
    assert_eq!(click(&mut input, Hit::Right(1)), Some(Action::Choose(1)));
}

#[test]
fn typing_edits_with_backspace_and_ctrl_u_and_sends_the_trimmed_text() {
    let question = question(Body::Typed {
        candidates: vec![strings(&["x"])],
        correct: 0,
    });
    let mut input = Input::for_question(&question);
    // An empty answer is not sent.
    assert_eq!(update(&mut input, &question, Action::Open), None);
    apply(&mut input, &question, &type_text("abc"));
    apply(&mut input, &question, &[Action::DeleteChar]);
    assert_eq!(
        input,
        Input::Text {
            text: "ab".to_owned()
        }
    );
    apply(&mut input, &question, &[Action::ClearInput]);
    assert_eq!(
        input,
        Input::Text {
            text: String::new()
        }
    );
    apply(&mut input, &question, &type_text(" mediator "));
    assert_eq!(
        update(&mut input, &question, Action::Open),
        Some(Answer::Typed("mediator".to_owned()))
    );
}

#[test]
fn list_all_adds_items_once_takes_the_last_back_and_sends_on_an_empty_line() {
    let question = list_all();
    let mut input = Input::for_question(&question);
    // Nothing named yet: an empty line sends nothing.
    assert_eq!(update(&mut input, &question, Action::Open), None);
    apply(&mut input, &question, &type_text("Satu"));
    apply(&mut input, &question, &[Action::Open]);
    // The same item in other case and spacing is listed once.
    apply(&mut input, &question, &type_text(" satu "));
    apply(&mut input, &question, &[Action::Open]);
    apply(&mut input, &question, &type_text("dua"));
    apply(&mut input, &question, &[Action::Open]);
    assert_eq!(
        input,
        Input::List {
            items: strings(&["Satu", "dua"]),
            text: String::new()
        }
    );
    // Backspace on the empty line takes "dua" back to fix it.
    apply(&mut input, &question, &[Action::DeleteChar]);
    assert_eq!(
        input,
        Input::List {
            items: strings(&["Satu"]),
            text: "dua".to_owned()
        }
    );
    apply(&mut input, &question, &[Action::DeleteChar, Action::Open]);
    assert_eq!(
        update(&mut input, &question, Action::Open),
        Some(Answer::ListAll(strings(&["Satu", "du"])))
    );
}

#[test]
fn a_flashcard_is_turned_before_it_is_graded() {
    let question = question(Body::Flashcard {
        back: "b".to_owned(),
    });
    let mut input = Input::for_question(&question);
    assert_eq!(update(&mut input, &question, Action::Yes), None);
    assert_eq!(
        apply(&mut input, &question, &[Action::Toggle, Action::No]),
        Some(Answer::Flashcard { knew: false })
    );
}

#[test]
fn incomplete_answers_are_told_apart_and_the_reminder_says_what_is_missing() {
    let strings = Lang::En.strings();
    let pick = Input::Pick { selected: None };
    let unmatched = Input::Match {
        choices: vec![Some(0), None],
        cursor: 0,
    };
    assert!(is_incomplete(&pick) && is_incomplete(&unmatched));
    assert_eq!(reminder(&pick, strings), strings.quiz_pick_first);
    assert_eq!(reminder(&unmatched, strings), strings.quiz_match_every_item);
    // Typed answers and orders are never incomplete: Enter decides.
    assert!(!is_incomplete(&Input::Text {
        text: String::new()
    }));
    assert!(!is_incomplete(&Input::for_question(&ordering())));
}

#[test]
fn keys_follow_the_input_and_what_enter_does() {
    let strings = Lang::Id.strings();
    let keys = |input: &Input, question: &Question, enter| {
        keys(input, Some(question), enter, strings, |_| false)
            .into_iter()
            .map(|h| (h.keys, h.action))
            .collect::<Vec<_>>()
    };
    let four = choice(4);
    let pick = keys(&Input::for_question(&four), &four, Enter::Submit);
    assert!(pick.contains(&("1-4", strings.key_choose)), "{pick:?}");
    assert!(pick.contains(&("a-d", strings.key_choose)), "{pick:?}");
    assert!(pick.contains(&("Enter", strings.key_submit)), "{pick:?}");
    let saved = keys(&Input::for_question(&four), &four, Enter::Save);
    assert!(saved.contains(&("Enter", strings.key_save)), "{saved:?}");
    // A list's Enter adds while a line is typed, then sends.
    let question = list_all();
    let typing = Input::List {
        items: strings_of(&["a"]),
        text: "b".to_owned(),
    };
    let done = Input::List {
        items: strings_of(&["a"]),
        text: String::new(),
    };
    assert!(keys(&typing, &question, Enter::Submit).contains(&("Enter", strings.key_add)));
    assert!(keys(&done, &question, Enter::Submit).contains(&("Enter", strings.key_submit)));
    let matching = matching();
    assert!(
        keys(&Input::for_question(&matching), &matching, Enter::Submit)
            .contains(&("←→ a-c", strings.key_choose))
    );
}

fn strings_of(items: &[&str]) -> Vec<String> {
    strings(items)
}

fn select_all() -> Question {
    question(Body::SelectAll {
        options: strings(&["a", "b", "c", "d"]),
        correct: vec![0, 2],
    })
}

#[test]
fn ticking_toggles_with_space_digits_and_clicks_and_enter_needs_a_tick() {
    let question = select_all();
    let mut input = Input::for_question(&question);
    assert_eq!(input.mode(Some(&question)), Mode::Select);
    assert!(is_incomplete(&input));
    assert_eq!(
        reminder(&input, Lang::Id.strings()),
        Lang::Id.strings().quiz_tick_first
    );
    assert_eq!(update(&mut input, &question, Action::Open), None);
    // Space before any move ticks the first option; Down, Space the second;
    // Space again unticks it; 3 ticks the third; 5 is no option.
    let answer = apply(
        &mut input,
        &question,
        &[
            Action::Toggle,
            Action::Down,
            Action::Toggle,
            Action::Toggle,
            Action::Choose(2),
            Action::Choose(4),
        ],
    );
    assert_eq!(answer, None);
    assert_eq!(
        input,
        Input::Tick {
            cursor: Some(2),
            ticked: vec![true, false, true, false],
        }
    );
    assert!(!is_incomplete(&input));
    // A click ticks or unticks; it never submits.
    assert_eq!(click(&mut input, Hit::Item(3)), Some(Action::Choose(3)));
    assert_eq!(
        update(&mut input, &question, Action::Open),
        Some(Answer::SelectAll(vec![0, 2]))
    );
    let strings = Lang::Id.strings();
    let hints: Vec<(&str, &str)> = keys(&input, Some(&question), Enter::Save, strings, |_| false)
        .into_iter()
        .map(|h| (h.keys, h.action))
        .collect();
    assert!(hints.contains(&("Space", strings.key_toggle)), "{hints:?}");
    assert!(hints.contains(&("1-4", strings.key_toggle)), "{hints:?}");
    assert!(hints.contains(&("Enter", strings.key_save)), "{hints:?}");
}
