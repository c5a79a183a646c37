//! The form's update: moving between fields, typing, checking, connecting.

#![allow(clippy::unwrap_used)]

use super::*;
use kisi_core::i18n::Lang;

fn typed(state: &mut JoinFormState, text: &str, context: &Context) {
    for c in text.chars() {
        update(state, Action::Input(c), context, &mut Vec::new());
    }
}

fn with_context(test: impl FnOnce(&Context)) {
    let app = App::new(
        kisi_core::content::builtin::builtin_pack().unwrap(),
        Lang::En,
        crate::theme::Theme::mono(),
    );
    test(&app.context());
}

#[test]
fn tab_and_arrows_move_between_the_fields_round_and_round() {
    with_context(|context| {
        let mut state = JoinFormState::default();
        let mut go = |action| {
            update(&mut state, action, context, &mut Vec::new());
            state.focus
        };
        assert_eq!(go(Action::NextItem), Field::Code);
        assert_eq!(go(Action::Down), Field::Name);
        assert_eq!(go(Action::NextItem), Field::Address);
        assert_eq!(go(Action::PreviousItem), Field::Name);
        assert_eq!(go(Action::Up), Field::Code);
    });
}

#[test]
fn each_field_takes_its_own_text_and_the_code_reads_in_capitals() {
    with_context(|context| {
        let mut state = JoinFormState::default();
        typed(&mut state, "10.1.2.3", context);
        update(&mut state, Action::NextItem, context, &mut Vec::new());
        typed(&mut state, "k7 xq2pQQ", context);
        update(&mut state, Action::NextItem, context, &mut Vec::new());
        typed(&mut state, "Ani\u{1b}\u{202e}", context);
        assert_eq!(state.address, "10.1.2.3");
        assert_eq!(state.code, "K7XQ2P", "six at most, no spaces");
        assert_eq!(state.name, "Ani", "unsafe characters are not typed");
        update(&mut state, Action::DeleteChar, context, &mut Vec::new());
        assert_eq!(state.name, "An");
        update(&mut state, Action::ClearInput, context, &mut Vec::new());
        assert_eq!(state.name, "");
    });
}

#[test]
fn enter_checks_the_address_the_code_and_the_name_in_turn() {
    with_context(|context| {
        let w = context.strings.room;
        let mut state = JoinFormState {
            focus: Field::Name,
            ..JoinFormState::default()
        };
        let mut effects = Vec::new();
        let mut enter = |state: &mut JoinFormState| {
            update(state, Action::Open, context, &mut effects);
            (state.focus, state.error.clone().unwrap_or_default())
        };
        assert_eq!(
            enter(&mut state),
            (Field::Address, (w.field_missing)(w.field_address))
        );
        state.address = "lab pc".to_owned();
        assert_eq!(enter(&mut state).0, Field::Address);
        assert!(
            state
                .error
                .as_deref()
                .unwrap()
                .contains("for example 10.1.2.3:7878")
        );
        state.address = "10.1.2.3".to_owned();
        assert_eq!(
            enter(&mut state),
            (Field::Code, (w.field_missing)(w.field_code))
        );
        // 0, O, 1, l and I are not in the code alphabet.
        state.code = "K7XQ2O".to_owned();
        assert_eq!(enter(&mut state).0, Field::Code);
        assert!(
            state
                .error
                .as_deref()
                .unwrap()
                .contains("no 0, O, 1, l or I")
        );
        state.code = "k7xq2p".to_owned();
        assert_eq!(
            enter(&mut state),
            (Field::Name, w.errors.name_empty.to_owned())
        );
        assert!(effects.is_empty(), "nothing connects until all is right");
        state.name = " Ani ".to_owned();
        update(&mut state, Action::Open, context, &mut effects);
        assert_eq!(state.error, None);
        assert!(state.is_connecting());
        assert_eq!(
            effects,
            vec![Effect::JoinRoom(Box::new(JoinRequest {
                address: "10.1.2.3:7878".to_owned(),
                code: "K7XQ2P".to_owned(),
                name: "Ani".to_owned(),
            }))]
        );
    });
}

#[test]
fn while_connecting_typing_does_nothing_and_esc_gives_up() {
    with_context(|context| {
        let strings = context.strings;
        let mut state = JoinFormState {
            address: "10.1.2.3".to_owned(),
            code: "K7XQ2P".to_owned(),
            name: "Ani".to_owned(),
            ..JoinFormState::default()
        };
        update(&mut state, Action::Open, context, &mut Vec::new());
        assert!(state.connecting_as(7));
        assert!(!state.connecting_as(8), "one attempt at a time");
        update(&mut state, Action::Input('x'), context, &mut Vec::new());
        assert_eq!(state.address, "10.1.2.3");
        // What another attempt says is not this one's.
        let wrong = ClientEvent::Server(ServerMsg::Error {
            code: ErrorCode::WrongCode,
            detail: String::new(),
        });
        assert!(state.heard(6, wrong, strings).is_none());
        assert!(state.is_connecting());
        let wrong = ClientEvent::Server(ServerMsg::Error {
            code: ErrorCode::WrongCode,
            detail: String::new(),
        });
        assert!(state.heard(7, wrong, strings).is_none());
        assert!(!state.is_connecting());
        assert_eq!(state.focus, Field::Code);
        assert_eq!(state.error.as_deref(), Some(strings.room.errors.wrong_code));
        assert_eq!(state.code, "K7XQ2P", "what was typed is kept");
        update(&mut state, Action::Open, context, &mut Vec::new());
        assert!(state.connecting_as(9));
        let nav = update(&mut state, Action::Back, context, &mut Vec::new());
        assert_eq!(nav, Nav::Stay);
        assert!(!state.is_connecting(), "Esc gave up the attempt");
        assert!(
            state
                .connected(9, Err("late".to_owned()), strings)
                .is_none()
        );
        assert_eq!(state.error, None, "a given-up attempt says nothing");
        assert_eq!(
            update(&mut state, Action::Back, context, &mut Vec::new()),
            Nav::Back
        );
    });
}

#[test]
fn a_failed_connection_is_said_on_the_address() {
    with_context(|context| {
        let mut state = JoinFormState {
            address: "10.1.2.3".to_owned(),
            code: "K7XQ2P".to_owned(),
            name: "Ani".to_owned(),
            focus: Field::Name,
            ..JoinFormState::default()
        };
        update(&mut state, Action::Open, context, &mut Vec::new());
        state.connecting_as(1);
        let said = "10.1.2.3:7878 refused the connection".to_owned();
        assert!(
            state
                .connected(1, Err(said.clone()), context.strings)
                .is_none()
        );
        assert_eq!((state.focus, state.error), (Field::Address, Some(said)));
    });
}

#[test]
fn a_name_taken_or_a_full_room_is_said_where_to_act() {
    with_context(|context| {
        let strings = context.strings;
        let w = strings.room;
        for (code, said, field) in [
            (ErrorCode::NameTaken, w.name_taken_here, Field::Name),
            (ErrorCode::NameEmpty, w.errors.name_empty, Field::Name),
            (ErrorCode::CutOff, w.errors.cut_off, Field::Code),
            (ErrorCode::RoomFull, w.errors.room_full, Field::Address),
            (ErrorCode::RoomOver, w.errors.room_over, Field::Address),
        ] {
            let mut state = JoinFormState {
                address: "10.1.2.3".to_owned(),
                code: "K7XQ2P".to_owned(),
                name: "Ani".to_owned(),
                ..JoinFormState::default()
            };
            update(&mut state, Action::Open, context, &mut Vec::new());
            state.connecting_as(1);
            let error = ClientEvent::Server(ServerMsg::Error {
                code,
                detail: String::new(),
            });
            assert!(state.heard(1, error, strings).is_none());
            assert_eq!((state.focus, state.error.as_deref()), (field, Some(said)));
            assert!(!said.contains("--name"), "{said}");
            assert_eq!(state.name, "Ani");
        }
        // A connection lost before any welcome is said too.
        let mut state = JoinFormState {
            address: "10.1.2.3".to_owned(),
            code: "K7XQ2P".to_owned(),
            name: "Ani".to_owned(),
            ..JoinFormState::default()
        };
        update(&mut state, Action::Open, context, &mut Vec::new());
        state.connecting_as(1);
        assert!(state.heard(1, ClientEvent::Lost, strings).is_none());
        assert_eq!(state.error.as_deref(), Some(w.connection_lost));
    });
}
