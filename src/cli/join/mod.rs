//! `kisi join HOST[:PORT] CODE`: a student joins a live class quiz, on the
//! full screen or with the linear client (`--plain`, in `plain.rs`). It
//! asks for a name when none is given and keeps it, keeps the session
//! token so a restarted kisi resumes with its answers and score, and at
//! the end records what the student missed in their own progress for the
//! pack, so it comes back in review.

mod plain;

use std::fs;
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex, PoisonError};

use kisi_core::i18n::{Lang, RoomWords};
use kisi_core::progress::{PackLog, Progress, Rating, Store, Timestamp};
use kisi_core::quiz::wording::{format_number, words};
use kisi_core::room::{ClientMsg, ServerMsg, is_code_shaped};
use kisi_core::text::printable_line;
use kisi_live::{ClientEvent, ConnectError, StudentClient};
use kisi_tui as tui;
use kisi_tui::app::{App, Screen};
use kisi_tui::inbox::{Inbox, Msg};
use kisi_tui::screens::join::JoinState;

/// The port `kisi host` listens on unless told otherwise.
pub use kisi_tui::live_room::DEFAULT_PORT;

#[derive(Debug, clap::Args)]
pub struct JoinArgs {
    /// The lecturer's machine, as `kisi host` shows it: `10.1.2.3:7878`, `[fd00::5]:7878`, or a name.
    #[arg(value_name = "HOST[:PORT]")]
    pub host: String,
    /// The room code on the lecturer's screen.
    pub code: String,
    /// Your name in the room (asked, and kept for next time, when not given).
    #[arg(long)]
    pub name: Option<String>,
    /// A linear client for screen readers: questions and options are printed, answers typed
    /// (also when standard input or output is not a terminal).
    #[arg(long)]
    pub plain: bool,
}

/// `host` with the default port when it has none.
fn with_default_port(host: &str) -> Option<String> {
    let host = host.trim();
    if host.is_empty() || host.chars().any(char::is_whitespace) {
        return None;
    }
    if host.parse::<std::net::SocketAddr>().is_ok() {
        return Some(host.to_owned());
    }
    if host.parse::<std::net::Ipv6Addr>().is_ok() {
        return Some(format!("[{host}]:{DEFAULT_PORT}"));
    }
    if host.starts_with('[') {
        return None;
    }
    match host.rsplit_once(':') {
        Some((_, port)) => port.parse::<u16>().ok().map(|_| host.to_owned()),
        None => Some(format!("{host}:{DEFAULT_PORT}")),
    }
}

fn port_of(address: &str) -> u16 {
    address
        .rsplit_once(':')
        .and_then(|(_, p)| p.parse().ok())
        .unwrap_or(DEFAULT_PORT)
}

/// Where a student's kisi keeps its name and session tokens.
fn live_dir(data_dir: Option<&Path>) -> Option<PathBuf> {
    let (store, _) = Store::open(data_dir);
    store.root().map(|root| root.join("live"))
}

fn token_path(dir: &Path, address: &str, code: &str) -> PathBuf {
    let safe: String = address
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    dir.join(format!("{safe}-{}.token", code.to_ascii_uppercase()))
}

fn save(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        let _ = fs::create_dir_all(dir);
    }
    let _ = fs::write(path, text);
}

/// The name to join with: `--name`, else the one kept, else asked.
fn name_for(args: &JoinArgs, dir: Option<&Path>, w: &RoomWords) -> Option<String> {
    let kept = dir.map(|d| d.join("name"));
    if let Some(name) = &args.name {
        if let Some(path) = &kept {
            save(path, name);
        }
        return Some(name.clone());
    }
    if let Some(name) = kept
        .as_ref()
        .and_then(|p| fs::read_to_string(p).ok())
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
    {
        return Some(name);
    }
    print!("{}", w.ask_name);
    let _ = io::stdout().flush();
    let mut name = String::new();
    io::stdin().lock().read_line(&mut name).ok()?;
    let name = name.trim().to_owned();
    if let Some(path) = &kept {
        save(path, &name);
    }
    Some(name)
}

/// Says why the host could not be reached.
fn connect_failed(error: &ConnectError, address: &str, w: &RoomWords) -> ExitCode {
    eprintln!("kisi: {}", connect_message(error, address, w));
    ExitCode::FAILURE
}

fn connect_message(error: &ConnectError, address: &str, w: &RoomWords) -> String {
    let shown = printable_line(address);
    let port = port_of(address);
    match error {
        ConnectError::Refused => (w.refused_connection)(&shown, port),
        ConnectError::Unreachable(_) => (w.unreachable)(&shown, port),
        ConnectError::NotARoom(detail) => format!(
            "{} ({})",
            (w.refused_connection)(&shown, port),
            printable_line(detail)
        ),
    }
}

/// The full-screen client: the room's messages go to the TUI's inbox (the
/// session token is kept on the way), and at the end what was missed is
/// recorded for review.
fn run_tui(
    cli: &super::Cli,
    address: &str,
    code: &str,
    hello: ClientMsg,
    token_file: Option<&Path>,
    lang: Lang,
) -> ExitCode {
    let data_dir = cli.data_dir.as_deref();
    let w = lang.room_words();
    let inbox = Inbox::new();
    let sender = inbox.sender();
    let kept = token_file.map(Path::to_path_buf);
    let sink = Arc::new(move |event: ClientEvent| {
        if let (ClientEvent::Server(ServerMsg::Welcome { token, .. }), Some(path)) = (&event, &kept)
        {
            save(path, token);
        }
        let _ = sender.send(Msg::Student(event));
    });
    let client = match StudentClient::connect(address, code, hello, sink) {
        Ok(client) => client,
        Err(error) => return connect_failed(&error, address, w),
    };
    // The pack only gives the header its title: the room's own comes with it.
    let pack = match super::load_pack(cli.content.as_deref(), cli.no_cache) {
        Ok(pack) => pack,
        Err(report) => {
            eprint!("{}", report.render(false, lang));
            return ExitCode::FAILURE;
        }
    };
    let end = Arc::new(Mutex::new(None));
    let mut progress = Progress::new(PackLog::in_memory(&pack.meta.id));
    let Some(theme) = super::host::theme(cli) else {
        return ExitCode::FAILURE;
    };
    let app = App::new(pack, lang, theme)
        .with_screen(Screen::Join(JoinState::new(client, Arc::clone(&end))));
    if let Err(error) = tui::run_with(app, &mut progress, &inbox) {
        eprintln!("kisi: {error}");
        return ExitCode::FAILURE;
    }
    let ended = end.lock().unwrap_or_else(PoisonError::into_inner).take();
    let Some(ServerMsg::End {
        earned,
        asked,
        pack,
        missed,
        ..
    }) = ended
    else {
        return ExitCode::SUCCESS;
    };
    let earned = format_number(earned, words(lang).decimal_separator);
    println!("{}", (w.your_score)(&earned, asked));
    record_missed(data_dir, lang, &pack.id, &pack.title, &missed);
    if let Some(path) = token_file {
        let _ = fs::remove_file(path);
    }
    ExitCode::SUCCESS
}

pub fn run(cli: &super::Cli, args: &JoinArgs, lang: Lang) -> ExitCode {
    let data_dir = cli.data_dir.as_deref();
    let w = lang.room_words();
    let Some(address) = with_default_port(&args.host) else {
        eprintln!("kisi: {}", (w.bad_address)(&printable_line(&args.host)));
        return ExitCode::from(2);
    };
    if !is_code_shaped(args.code.trim()) {
        eprintln!("kisi: {}", (w.bad_code)(&printable_line(&args.code)));
        return ExitCode::from(2);
    }
    let code = args.code.trim().to_ascii_uppercase();
    let dir = live_dir(data_dir);
    let token_file = dir.as_deref().map(|d| token_path(d, &address, &code));
    let token = token_file
        .as_ref()
        .and_then(|p| fs::read_to_string(p).ok())
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty());
    let name = if token.is_some() {
        None
    } else {
        match name_for(args, dir.as_deref(), w) {
            Some(name) => Some(name),
            None => return ExitCode::FAILURE,
        }
    };
    let hello = match (&token, &name) {
        (Some(token), _) => ClientMsg::Resume {
            code: code.clone(),
            token: token.clone(),
        },
        (None, name) => ClientMsg::Join {
            code: code.clone(),
            name: name.clone().unwrap_or_default(),
        },
    };
    println!("{}", (w.connecting)(&printable_line(&address)));
    let full_screen = !args.plain && io::stdin().is_terminal() && io::stdout().is_terminal();
    if full_screen {
        return run_tui(cli, &address, &code, hello, token_file.as_deref(), lang);
    }
    plain::run(
        &address,
        hello,
        plain::Session {
            lang,
            code,
            token_file,
            name: args.name.clone(),
            dir,
            data_dir: data_dir.map(Path::to_path_buf),
        },
    )
}

/// Puts what the student missed into their own review for the pack.
fn record_missed(
    data_dir: Option<&Path>,
    lang: Lang,
    pack_id: &str,
    title: &str,
    missed: &[String],
) {
    if missed.is_empty() {
        return;
    }
    let (store, warnings) = Store::open(data_dir);
    let (log, more) = store.pack(pack_id);
    for warning in warnings.iter().chain(&more) {
        eprintln!("kisi: {}", warning.message(lang));
    }
    let mut progress = Progress::new(log);
    let now = Timestamp::now();
    for item in missed {
        if let Some(warning) = progress.record_review(item, Rating::Again, now) {
            eprintln!("kisi: {}", warning.message(lang));
        }
    }
    println!(
        "{}",
        (lang.room_words().saved_for_review)(missed.len(), &printable_line(title))
    );
}

/// The kept name, for a join after a stale session.
fn kept_name(dir: Option<&Path>) -> Option<String> {
    dir.and_then(|d| fs::read_to_string(d.join("name")).ok())
        .map(|n| n.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_get_the_default_port() {
        assert_eq!(
            with_default_port("10.1.2.3").as_deref(),
            Some("10.1.2.3:7878")
        );
        assert_eq!(
            with_default_port("10.1.2.3:99").as_deref(),
            Some("10.1.2.3:99")
        );
        assert_eq!(
            with_default_port("fd00::5").as_deref(),
            Some("[fd00::5]:7878")
        );
        assert_eq!(
            with_default_port("[fd00::5]:80").as_deref(),
            Some("[fd00::5]:80")
        );
        assert_eq!(with_default_port("lab-pc").as_deref(), Some("lab-pc:7878"));
        assert_eq!(with_default_port("lab pc"), None);
        assert_eq!(with_default_port("lab:x"), None);
    }

    #[test]
    fn unreachable_refused_and_not_a_room_are_told_apart() {
        let w = Lang::En.room_words();
        let timed_out = ConnectError::Unreachable(io::ErrorKind::TimedOut.into());
        let said = connect_message(&timed_out, "10.1.2.3:7878", w);
        assert!(said.contains("cannot be reached"), "{said}");
        assert!(said.contains("TCP port 7878"), "{said}");
        let said = connect_message(&ConnectError::Refused, "10.1.2.3:99", w);
        assert!(said.contains("refused the connection"), "{said}");
        assert!(said.contains("port 99"), "{said}");
        let not_a_room = ConnectError::NotARoom("HTTP 404\u{1b}[2J".to_owned());
        let said = connect_message(&not_a_room, "10.1.2.3:80", w);
        assert!(
            said.contains("HTTP 404") && !said.contains('\u{1b}'),
            "{said}"
        );
    }
}
