//! The faults the sweep found, each at the size it was found at: a long
//! slide, a slide at 20x6, related entries past the ninth, a list's arrow,
//! the host's screen, a warning on Home.

use kisi_core::content::Pack;
use kisi_core::content::builtin::builtin_pack;
use kisi_core::content::load::load_dir;
use kisi_core::i18n::Lang;
use kisi_tui::action::Action;
use kisi_tui::app::{App, Screen};
use kisi_tui::screens::home::MenuItem;
use kisi_tui::screens::present::{Origin, PresentState};
use kisi_tui::theme::Theme;

use super::{fresh, open_menu, pack_dir};
use crate::common::screen::draw;

fn longform() -> Pack {
    load_dir(&pack_dir("longform")).unwrap()
}

/// A presentation on `pack` opened at the slide of entry `id`, at `size`.
fn presenting(pack: Pack, lang: Lang, id: &str, (width, height): (u16, u16)) -> App {
    let at = pack.find_entry(id).unwrap();
    let slide = pack.entries().position(|(e, _)| e == at).unwrap();
    let present = PresentState::new(&pack, &[], Origin::CommandLine);
    let mut app = App::new(pack, lang, Theme::mono()).with_screen(Screen::Present(present));
    app.update(Action::Resize(width, height));
    for _ in 0..slide {
        app.update(Action::Down);
    }
    app
}

fn slide_of(app: &App) -> usize {
    match &app.stack.screen {
        Screen::Present(state) => state.slide(),
        other => panic!("not presenting: {other:?}"),
    }
}

/// A slide with a title of four lines, a body of three paragraphs and
/// twelve points of two or three lines each, at 40x12: the title is read
/// whole, the body page by page, then every point whole; nothing but the
/// source is cut.
#[test]
fn a_long_slide_is_read_whole_at_40x12() {
    for lang in [Lang::En, Lang::Id] {
        let pack = longform();
        let entry = pack
            .entry(pack.find_entry("instruments-overview").unwrap())
            .unwrap()
            .clone();
        let mut app = presenting(pack, lang, "instruments-overview", (40, 12));
        let slide = slide_of(&app);
        let mut screens = vec![draw(&mut app, 40, 12)];
        if lang == Lang::En {
            insta::assert_snapshot!("long_slide_first_page_40x12", screens[0]);
        }
        while slide_of(&app) == slide {
            app.update(Action::Toggle);
            assert!(screens.len() < 60, "no end to the slide");
            if slide_of(&app) == slide {
                screens.push(draw(&mut app, 40, 12));
            }
        }
        let first: String = screens[0].split_whitespace().collect::<Vec<_>>().join(" ");
        for word in entry.title.split_whitespace() {
            assert!(first.contains(word), "{word} of the title:\n{}", screens[0]);
        }
        let all = screens.join("\n");
        let texts = std::iter::once(&*entry.body).chain(entry.points.iter().map(|p| &*p.text));
        for word in texts.flat_map(str::split_whitespace) {
            assert!(all.contains(word), "{word} never shown:\n{all}");
        }
        for screen in &screens {
            let rows: Vec<&str> = screen.lines().collect();
            // The source's row, above the footer, is the one cut.
            for row in &rows[..rows.len() - 2] {
                assert!(!row.contains('…'), "{row} cut:\n{screen}");
            }
        }
        // The last point revealed is on screen whole, under a marker.
        let last = screens.last().unwrap();
        let marker = if lang == Lang::En {
            "▲ 1–11: 11 points above"
        } else {
            "▲ 1–11: 11 butir di atas"
        };
        assert!(last.contains(marker), "{last}");
    }
}

/// At 20x6 a slide has no room for a line of its body and a marker: it
/// says the window is too small, in the user's language, and its keys
/// still work.
#[test]
fn a_slide_at_20x6_says_the_window_is_too_small() {
    for (lang, words) in [(Lang::Id, "Jendela terlalu"), (Lang::En, "Window too")] {
        let mut app = presenting(longform(), lang, "instruments-overview", (20, 6));
        let screen = draw(&mut app, 20, 6);
        assert!(screen.contains(words), "{screen}");
        assert!(screen.lines().last().unwrap().contains('?'), "{screen}");
        // Opened by `kisi present`: Esc ends it.
        app.update(Action::Back);
        assert!(app.should_quit, "{screen}");
    }
}

/// Related entries past the ninth, which no digit opens, are listed with a
/// bullet, not a number that reads as keys to type.
#[test]
fn related_entries_past_the_ninth_have_a_bullet() {
    let pack = longform();
    let at = pack.find_entry("instruments-overview").unwrap();
    let mut app = App::new(pack, Lang::En, Theme::mono()).with_screen(Screen::Detail(
        kisi_tui::screens::detail::DetailState::new(at),
    ));
    app.update(Action::Resize(80, 24));
    app.update(Action::Last);
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("  9. Parallactic rulers"), "{screen}");
    assert!(screen.contains("  •  Meridian circle"), "{screen}");
    assert!(!screen.contains("10."), "{screen}");
}

/// A list's ▲/▼ arrow stands after its row, never in place of a letter.
#[test]
fn a_list_arrow_never_replaces_a_letter_at_20x6() {
    for lang in [Lang::Id, Lang::En] {
        let mut app = fresh(&longform(), lang, (20, 6));
        open_menu(&mut app, MenuItem::Browse);
        app.update(Action::Open);
        let screen = draw(&mut app, 20, 6);
        let row = screen.lines().find(|l| l.contains('▼')).unwrap();
        assert!(row.contains("… ▼") || row.contains("  ▼"), "{screen}");
    }
}

/// The host's screen at 40x12: a reveal taller than the window is read
/// with `PgDn` to its end (the right answer's bar, the explanation), marked
/// ▲/▼; at 200x50 it stands in the reading column.
#[test]
fn the_host_screen_scrolls_at_40x12_and_stands_in_a_column_at_200x50() {
    use crate::live::{host_app, key, network};
    use kisi_core::room::{ClientMsg, WireAnswer};
    let (mut app, conns) = host_app(30, Lang::En);
    key(&mut app, 's');
    let wide = draw(&mut app, 200, 50);
    let question = wide.lines().nth(1).unwrap();
    assert!(
        question.starts_with(&format!("\"{}Question 1 of 3", " ".repeat(50))),
        "{wide}"
    );
    for conn in &conns {
        network(
            &mut app,
            kisi_live::NetEvent::Message {
                conn: *conn,
                msg: ClientMsg::Answer {
                    index: 0,
                    answer: WireAnswer::Choice(1),
                },
            },
        );
    }
    key(&mut app, 'r');
    let top = draw(&mut app, 40, 12);
    assert!(top.contains("▼ PgDn") && !top.contains("▲ PgUp"), "{top}");
    let mut pages = vec![top];
    for _ in 0..10 {
        app.update(Action::PageDown);
        pages.push(draw(&mut app, 40, 12));
    }
    let bottom = pages.last().unwrap();
    insta::assert_snapshot!("host_reveal_scrolled_40x12", bottom);
    assert!(
        bottom.contains("▲ PgUp") && !bottom.contains("▼ PgDn"),
        "{bottom}"
    );
    assert!(
        pages.iter().any(|p| p.contains('✓')),
        "{}",
        pages.join("\n")
    );
    assert!(bottom.contains(" 7)."), "{bottom}");
    // The next question starts at its top.
    key(&mut app, 'n');
    let next = draw(&mut app, 40, 12);
    assert!(!next.contains("▲ PgUp"), "{next}");
}

/// At 40x12 the menu alone fills Home: a warning (the data folder cannot
/// be written) takes the rows it needs before the menu, which scrolls in
/// what is left, in both languages; at 20x6 it is cut with `…`, never
/// dropped.
#[test]
fn a_warning_on_home_is_read_whole_at_40x12() {
    for (lang, warning) in [
        (
            Lang::Id,
            "Tidak bisa menulis ke /media/usb/kisi: sistem berkas hanya-baca. Kemajuan hanya \
             disimpan selama sesi ini; pilih folder yang bisa ditulis dengan --data-dir.",
        ),
        (
            Lang::En,
            "Cannot write to /media/usb/kisi: read-only file system. Progress is kept for this \
             session only; choose a folder that can be written with --data-dir.",
        ),
    ] {
        let mut app = App::new(builtin_pack().unwrap(), lang, Theme::mono());
        app.env.warnings = vec![warning.to_owned()];
        let screen = draw(&mut app, 40, 12);
        insta::assert_snapshot!(format!("home_warning_40x12_{lang:?}"), screen);
        let text: String = screen
            .lines()
            .map(|l| l.trim_matches('"').trim())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(text.contains(warning), "{screen}");
        // The menu is still there, and moves.
        assert!(screen.contains('▸') && screen.contains('▼'), "{screen}");
        let small = draw(&mut app, 20, 6);
        assert!(small.lines().nth(1).unwrap().contains('…'), "{small}");
        assert!(small.contains('▸'), "{small}");
    }
}
