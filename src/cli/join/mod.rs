//! `kisi join HOST[:PORT] CODE`: a student joins a live class quiz, on the
//! full screen or with the linear client (`--plain`, in `plain.rs`). It
//! asks for a name when none is given and keeps it, keeps the session
//! token so a restarted kisi resumes with its answers and score, and at
//! the end records what the student missed in their own progress for the
//! pack, so it comes back in review.

mod plain;

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::{Arc, Mutex, PoisonError};

use kisi_core::i18n::{Lang, RoomWords, io_text};
use kisi_core::progress::{PackLog, Progress};
use kisi_core::quiz::wording::{format_number, words};
use kisi_core::room::{ClientMsg, PackInfo, ServerMsg, is_code_shaped};
use kisi_core::text::printable_line;
use kisi_live::{ClientEvent, ConnectError, StudentClient};
use kisi_tui as tui;
use kisi_tui::app::{App, Screen};
use kisi_tui::inbox::{Inbox, Msg};
use kisi_tui::live_room::student::{self, Kept, connect_message, with_default_port};
use kisi_tui::screens::join::JoinState;

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

/// The name to join with: `--name`, else the one kept, else asked; kept
/// for next time.
fn name_for(args: &JoinArgs, kept: &Kept, w: &RoomWords) -> Option<String> {
    if let Some(name) = &args.name {
        kept.keep_name(name);
        return Some(name.clone());
    }
    if let Some(name) = kept.name() {
        return Some(name);
    }
    print!("{}", w.ask_name);
    let _ = io::stdout().flush();
    let mut name = String::new();
    io::stdin().lock().read_line(&mut name).ok()?;
    let name = name.trim().to_owned();
    kept.keep_name(&name);
    Some(name)
}

/// Says why the host could not be reached.
fn connect_failed(error: &ConnectError, address: &str, w: &RoomWords) -> ExitCode {
    eprintln!("kisi: {}", connect_message(error, address, w));
    ExitCode::FAILURE
}

/// Puts what the student missed into their own review for the pack, and
/// says so.
fn record(data_dir: Option<&Path>, lang: Lang, pack: &PackInfo, missed: &[String]) {
    let recorded = student::record_missed(data_dir, lang, &pack.id, &pack.title, missed);
    for warning in &recorded.warnings {
        eprintln!("kisi: {warning}");
    }
    if let Some(said) = recorded.said {
        println!("{said}");
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
        student::keep_token(kept.as_deref(), &event);
        let _ = sender.send(Msg::Student { attempt: 0, event });
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
        eprintln!("kisi: {}", io_text(&error, lang));
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
    record(data_dir, lang, &pack, &missed);
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
    let kept = Kept::open(data_dir);
    let token_file = kept.token_file(&address, &code);
    let token = student::kept_token(token_file.as_deref());
    let name = if token.is_some() {
        String::new()
    } else {
        match name_for(args, &kept, w) {
            Some(name) => name,
            None => return ExitCode::FAILURE,
        }
    };
    let hello = student::hello(&code, token, &name);
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
            kept,
            data_dir: data_dir.map(Path::to_path_buf),
        },
    )
}
