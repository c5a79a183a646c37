//! `kisi host`: opens a live class quiz on the lab network. It draws the
//! questions as the class quiz does (flashcards left out), opens a room
//! with a fresh code, serves it on `--bind`:`--port`, and shows the
//! lecturer's screen; the results are written as the quiz goes, to the
//! data folder or `--out FILE`.

use std::io::{self, IsTerminal};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use kisi_core::i18n::{Lang, io_text};
use kisi_core::progress::{PackLog, Progress};
use kisi_core::quiz::{QuestionKind, QuizOptions, generate};
use kisi_core::room::{Room, RoomConfig, parse_factor};
use kisi_core::text::printable_line;
use kisi_live::{Host, Server};
use kisi_tui as tui;
use kisi_tui::app::{App, Screen};
use kisi_tui::inbox::{Inbox, Msg};
use kisi_tui::live_room;
use kisi_tui::screens::class_quiz;
use kisi_tui::screens::host::HostState;

use super::{Cli, KindArg, clock_seed, color_for, load_pack};
use kisi_tui::live_room::DEFAULT_PORT;

#[derive(Debug, clap::Args)]
pub struct HostArgs {
    /// Only this topic (by id, see `kisi list`); repeat for several.
    #[arg(long = "topic", value_name = "ID")]
    pub topics: Vec<String>,
    /// Only this kind of question; repeat for several (flashcards are never asked in a room).
    #[arg(long = "kind", value_enum)]
    pub kinds: Vec<KindArg>,
    /// How many questions.
    #[arg(long, default_value_t = 10)]
    pub count: usize,
    /// Seconds per question, by this machine's clock (0: the lecturer reveals).
    #[arg(long, default_value_t = class_quiz::DEFAULT_SECONDS, value_name = "S")]
    pub seconds: u64,
    /// The same seed asks the same questions.
    #[arg(long)]
    pub seed: Option<u64>,
    /// The TCP port to listen on (open it in the firewall).
    #[arg(long, default_value_t = DEFAULT_PORT, value_name = "P")]
    pub port: u16,
    /// The address to listen on (default: every IPv4 address of this machine).
    #[arg(long, value_name = "ADDR")]
    pub bind: Option<IpAddr>,
    /// Most students in the room.
    #[arg(long, default_value_t = 200, value_name = "N")]
    pub max_students: usize,
    /// Let students change their answer until the time is up.
    #[arg(long)]
    pub allow_change: bool,
    /// Speed points and places (off by default: they disadvantage students who need more time).
    #[arg(long)]
    pub leaderboard: bool,
    /// More time for a student who needs it: `--extra-time Ani=1.5` gives Ani 1.5 times the
    /// time on every question (a factor from 1 to 4); repeat for several. `x` on the
    /// lecturer's screen changes it during the quiz.
    #[arg(long = "extra-time", value_name = "NAME=FACTOR")]
    pub extra_time: Vec<String>,
    /// Write the results here (CSV; the JSON beside it) instead of the data folder.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// The results' CSV: `--out`, or `live/<date>-<code>.csv` in the data folder.
fn results_path(
    args: &HostArgs,
    data_dir: Option<&std::path::Path>,
    code: &str,
) -> Option<PathBuf> {
    args.out
        .clone()
        .or_else(|| live_room::results_path(data_dir, code))
}

/// The room: questions drawn as the class quiz draws them, flashcards
/// left out.
fn room_for(pack: &kisi_core::content::Pack, args: &HostArgs, lang: Lang) -> Result<Room, String> {
    let mut kinds: Vec<QuestionKind> = args.kinds.iter().map(|k| QuestionKind::from(*k)).collect();
    if kinds.is_empty() {
        kinds = QuestionKind::ALL
            .into_iter()
            .filter(|k| *k != QuestionKind::Flashcard)
            .collect();
    }
    let options = QuizOptions {
        topics: args.topics.clone(),
        count: args.count,
        kinds,
        seed: args.seed.unwrap_or_else(clock_seed),
        lang,
        time_limit: None,
    };
    let questions = generate(pack, &options).map_err(|error| error.message(pack, lang))?;
    let config = RoomConfig {
        seconds: args.seconds,
        allow_change: args.allow_change,
        max_students: args.max_students,
        leaderboard: args.leaderboard,
        lang,
        ..RoomConfig::default()
    };
    let mut room = Room::new(pack, questions, config, live_room::entropy(clock_seed()));
    for grant in &args.extra_time {
        let (name, percent) = parse_grant(grant)
            .ok_or_else(|| (lang.room_words().bad_extra_time)(&printable_line(grant)))?;
        room.grant_extra_time(name, percent, 0);
    }
    Ok(room)
}

/// `NAME=FACTOR` of `--extra-time`: the name and the factor in percent.
fn parse_grant(text: &str) -> Option<(&str, u16)> {
    let (name, factor) = text.rsplit_once('=')?;
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    Some((name, parse_factor(factor)?))
}

/// The theme of `--theme` (and `NO_COLOR`); `None`, said on stderr, when
/// it cannot be read.
pub(super) fn theme(cli: &Cli) -> Option<tui::theme::Theme> {
    let no_color = std::env::var("NO_COLOR").ok();
    tui::theme::Theme::resolve(cli.theme.as_deref(), no_color.as_deref())
        .map_err(|report| {
            let lang = super::ui_lang(cli);
            eprint!("{}", report.render(color_for(&io::stderr()), lang));
        })
        .ok()
}

pub fn run(cli: &Cli, args: &HostArgs, lang: Lang) -> ExitCode {
    let w = lang.room_words();
    let pack = match load_pack(cli.content.as_deref(), cli.no_cache) {
        Ok(pack) => pack,
        Err(report) => {
            eprint!("{}", report.render(color_for(&io::stderr()), lang));
            return ExitCode::FAILURE;
        }
    };
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        eprintln!("kisi: {}", lang.strings().not_a_terminal);
        return ExitCode::from(2);
    }
    let room = match room_for(&pack, args, lang) {
        Ok(room) => room,
        Err(message) => {
            eprintln!("kisi: {message}");
            return ExitCode::from(2);
        }
    };
    let code = room.code().as_str().to_owned();
    let inbox = Inbox::new();
    let sender = inbox.sender();
    let bind = SocketAddr::new(
        args.bind.unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED)),
        args.port,
    );
    // Connections beyond the students: those still joining, or turned away.
    let max_conns = args.max_students.saturating_add(32);
    let server = match Server::bind(
        bind,
        max_conns,
        Arc::new(move |event| {
            let _ = sender.send(Msg::Live(event));
        }),
    ) {
        Ok(server) => server,
        Err(error) => {
            eprintln!(
                "kisi: {}",
                (w.cannot_open_room)(&bind.to_string(), &io_text(&error, lang))
            );
            eprintln!("kisi: {}", (w.firewall)(args.port));
            return ExitCode::FAILURE;
        }
    };
    let port = server.local_addr().port();
    let addresses = live_room::join_addresses(bind.ip(), port);
    let results = results_path(args, cli.data_dir.as_deref(), &code);
    let host = Host::new(room, server, results.clone());
    let Some(theme) = theme(cli) else {
        return ExitCode::FAILURE;
    };
    let mut progress = Progress::new(PackLog::in_memory(&pack.meta.id));
    let app = App::new(pack, lang, theme)
        .with_screen(Screen::Host(HostState::new(host, addresses, port)));
    let outcome = tui::run_with(app, &mut progress, &inbox);
    if let Some(path) = results {
        println!(
            "{}",
            (w.results_in)(&printable_line(&path.display().to_string()))
        );
    }
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("kisi: {}", io_text(&error, lang));
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extra_time_grants_read_a_name_and_a_factor() {
        assert_eq!(parse_grant("Ani=1.5"), Some(("Ani", 150)));
        assert_eq!(parse_grant("Budi Santoso = 2"), Some(("Budi Santoso", 200)));
        assert_eq!(parse_grant("a=b=1,25"), Some(("a=b", 125)));
        assert_eq!(parse_grant("=1.5"), None);
        assert_eq!(parse_grant("Ani"), None);
        assert_eq!(parse_grant("Ani=0.5"), None);
    }
}
