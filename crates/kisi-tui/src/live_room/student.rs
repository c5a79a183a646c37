//! The student's side of a live class quiz, one copy for `kisi join` and
//! Home's join form: the address with its default port, the name and the
//! session tokens kept in the data folder (so a restarted kisi resumes as
//! itself), why a host could not be reached, connecting off the UI thread,
//! and recording what was missed in the student's own review.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Sender;

use kisi_core::i18n::{Lang, RoomWords};
use kisi_core::progress::{Progress, Store, Timestamp, Warning};
use kisi_core::room::{ClientMsg, ErrorCode, ServerMsg};
use kisi_core::text::printable_line;
use kisi_live::{ClientEvent, ConnectError, StudentClient};

use crate::effect::JoinRequest;
use crate::inbox::Msg;
use crate::screens::Shared;

pub use kisi_live::addresses::{DEFAULT_PORT, with_default_port};

/// The port of `address` (`host:port`), for the firewall hint.
#[must_use]
pub fn port_of(address: &str) -> u16 {
    address
        .rsplit_once(':')
        .and_then(|(_, p)| p.parse().ok())
        .unwrap_or(DEFAULT_PORT)
}

/// Where a student's kisi keeps its name and session tokens: `live/` in
/// the data folder (nowhere when there is none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    dir: Option<PathBuf>,
}

impl Kept {
    #[must_use]
    pub fn open(data_dir: Option<&Path>) -> Self {
        let (store, _) = Store::open(data_dir);
        Self {
            dir: store.root().map(|root| root.join("live")),
        }
    }

    /// The name kept from last time, if any.
    #[must_use]
    pub fn name(&self) -> Option<String> {
        self.dir
            .as_ref()
            .and_then(|d| fs::read_to_string(d.join("name")).ok())
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
    }

    /// Keeps `name` for next time.
    pub fn keep_name(&self, name: &str) {
        if let Some(dir) = &self.dir {
            save(&dir.join("name"), name);
        }
    }

    /// The file of the session token for room `code` at `address`.
    #[must_use]
    pub fn token_file(&self, address: &str, code: &str) -> Option<PathBuf> {
        let safe: String = address
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        self.dir
            .as_ref()
            .map(|dir| dir.join(format!("{safe}-{}.token", code.to_ascii_uppercase())))
    }
}

/// The token kept in `file`, if any.
#[must_use]
pub fn kept_token(file: Option<&Path>) -> Option<String> {
    file.and_then(|p| fs::read_to_string(p).ok())
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
}

/// Writes a small file, making its folder; best effort, as a name or a
/// token that cannot be kept only means asking again.
pub fn save(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        let _ = fs::create_dir_all(dir);
    }
    let _ = fs::write(path, text);
}

/// Keeps the session token in step with what the room said: kept on a
/// welcome, removed at the end and when the room does not know it or no
/// longer takes it (so the next join is a fresh one).
pub fn keep_token(file: Option<&Path>, event: &ClientEvent) {
    let Some(file) = file else { return };
    match event {
        ClientEvent::Server(ServerMsg::Welcome { token, .. }) => save(file, token),
        ClientEvent::Server(
            ServerMsg::End { .. }
            | ServerMsg::Error {
                code: ErrorCode::UnknownSession | ErrorCode::Removed,
                ..
            },
        ) => {
            let _ = fs::remove_file(file);
        }
        _ => {}
    }
}

/// The first message: resume with a kept token, else join as `name`.
#[must_use]
pub fn hello(code: &str, token: Option<String>, name: &str) -> ClientMsg {
    match token {
        Some(token) => ClientMsg::Resume {
            code: code.to_owned(),
            token,
        },
        None => ClientMsg::Join {
            code: code.to_owned(),
            name: name.to_owned(),
        },
    }
}

/// Why the host at `address` could not be reached, and what to do: an
/// unreachable host and a refusal name the port the firewall must open.
#[must_use]
pub fn connect_message(error: &ConnectError, address: &str, w: &RoomWords) -> String {
    let shown = printable_line(address);
    let port = port_of(address);
    match error {
        ConnectError::Refused => (w.refused_connection)(&shown, port),
        ConnectError::Unreachable(_) => (w.unreachable)(&shown, port),
        ConnectError::NotARoom => (w.not_a_room)(&shown, port),
    }
}

/// Connects for Home's form, on the calling thread (the event loop runs it
/// on one of its own): keeps the name, resumes with a kept token, and
/// sends what the room says to `inbox` as attempt `attempt`. The error is
/// the message to show.
///
/// # Errors
/// When the host cannot be reached, refuses, or is not a kisi room.
pub fn connect(
    request: &JoinRequest,
    attempt: u64,
    data_dir: Option<&Path>,
    lang: Lang,
    inbox: Option<Sender<Msg>>,
) -> Result<Shared<StudentClient>, String> {
    let kept = Kept::open(data_dir);
    kept.keep_name(&request.name);
    let token_file = kept.token_file(&request.address, &request.code);
    let hello = hello(
        &request.code,
        kept_token(token_file.as_deref()),
        &request.name,
    );
    let sink = Arc::new(move |event: ClientEvent| {
        keep_token(token_file.as_deref(), &event);
        if let Some(inbox) = &inbox {
            // Gone only when the loop has ended: nobody listens.
            let _ = inbox.send(Msg::Student { attempt, event });
        }
    });
    StudentClient::connect(&request.address, &request.code, hello, sink)
        .map(Shared::new)
        .map_err(|error| connect_message(&error, &request.address, lang.room_words()))
}

/// What recording the missed items said: the line for the student, and
/// any trouble saving.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Recorded {
    pub said: Option<String>,
    pub warnings: Vec<String>,
}

/// Records `missed` in `progress` (the student's progress for the room's
/// pack): due at once, so tonight's review brings them back.
pub fn record_missed_in(
    progress: &mut Progress,
    lang: Lang,
    title: &str,
    missed: &[String],
) -> Recorded {
    if missed.is_empty() {
        return Recorded::default();
    }
    let warnings = progress.record_missed(missed, Timestamp::now());
    Recorded {
        said: Some((lang.room_words().saved_for_review)(
            missed.len(),
            &printable_line(title),
        )),
        warnings: messages(&warnings, lang),
    }
}

/// [`record_missed_in`] the store in `data_dir`, for pack `pack_id`.
#[must_use]
pub fn record_missed(
    data_dir: Option<&Path>,
    lang: Lang,
    pack_id: &str,
    title: &str,
    missed: &[String],
) -> Recorded {
    if missed.is_empty() {
        return Recorded::default();
    }
    let (store, mut warnings) = Store::open(data_dir);
    let (log, more) = store.pack(pack_id);
    warnings.extend(more);
    let mut recorded = record_missed_in(&mut Progress::new(log), lang, title, missed);
    let mut all = messages(&warnings, lang);
    all.append(&mut recorded.warnings);
    recorded.warnings = all;
    recorded
}

fn messages(warnings: &[Warning], lang: Lang) -> Vec<String> {
    warnings
        .iter()
        .map(|w| printable_line(&w.message(lang)).into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use std::io;

    #[test]
    fn addresses_get_the_default_port() {
        assert_eq!(
            with_default_port("10.1.2.3").as_deref(),
            Some("10.1.2.3:7878")
        );
        assert_eq!(
            with_default_port(" 10.1.2.3:99 ").as_deref(),
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
        assert_eq!(with_default_port("[fd00::5"), None);
        assert_eq!(with_default_port(""), None);
        assert_eq!(port_of("10.1.2.3:99"), 99);
        assert_eq!(port_of("lab-pc"), DEFAULT_PORT);
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
        let said = connect_message(&ConnectError::NotARoom, "10.1.2.3:80", w);
        assert!(said.contains("not a kisi class quiz"), "{said}");
        assert!(said.contains("port 80"), "{said}");
        let said = connect_message(&timed_out, "10.1.2.3:7878", Lang::Id.room_words());
        assert!(said.contains("firewall"), "{said}");
    }

    #[test]
    fn the_name_and_the_token_are_kept_and_let_go() {
        let dir = tempfile::tempdir().unwrap();
        let kept = Kept::open(Some(dir.path()));
        assert_eq!(kept.name(), None);
        kept.keep_name("Ani");
        assert_eq!(Kept::open(Some(dir.path())).name().as_deref(), Some("Ani"));
        let file = kept.token_file("10.1.2.3:7878", "k7xq2p").unwrap();
        assert!(file.ends_with("10_1_2_3_7878-K7XQ2P.token"), "{file:?}");
        let welcome = ClientEvent::Server(ServerMsg::Welcome {
            name: "Ani".to_owned(),
            token: "t0k3n".to_owned(),
            pack: kisi_core::room::PackInfo {
                id: "p".to_owned(),
                title: "P".to_owned(),
            },
            questions: 3,
            resumed: false,
        });
        keep_token(Some(&file), &welcome);
        let token = kept_token(Some(&file));
        assert_eq!(token.as_deref(), Some("t0k3n"));
        assert!(matches!(
            hello("K7XQ2P", token, "Ani"),
            ClientMsg::Resume { token, .. } if token == "t0k3n"
        ));
        let unknown = ClientEvent::Server(ServerMsg::Error {
            code: ErrorCode::UnknownSession,
            detail: String::new(),
        });
        keep_token(Some(&file), &unknown);
        assert_eq!(kept_token(Some(&file)), None, "a stale token is let go");
        assert!(matches!(
            hello("K7XQ2P", None, "Ani"),
            ClientMsg::Join { name, .. } if name == "Ani"
        ));
    }
}
