//! Opening a live class quiz's room from Home ("Kuis kelas langsung"):
//! what `kisi host` does with no options. The event loop does it when
//! `update` asks (`Effect::OpenRoom`), so the room's network feeds the
//! inbox like any other source. The student's side, joining a room
//! (`kisi join` and Home's form), is `student`.

pub mod student;

use std::hash::{BuildHasher, Hasher};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Sender;

use kisi_core::content::Pack;
use kisi_core::i18n::{Lang, io_text};
use kisi_core::progress::{Day, Store};
use kisi_core::quiz::{QuestionKind, QuizOptions, generate};
use kisi_core::room::{Room, RoomConfig};
use kisi_live::addresses::{local_addresses, with_port};
use kisi_live::{Host, Server};

use crate::inbox::Msg;
use crate::screens::class_quiz;
use crate::screens::host::HostState;

/// The port `kisi host` listens on unless told otherwise.
pub use kisi_live::addresses::DEFAULT_PORT;

/// Where `kisi host` listens with no options: every IPv4 address.
pub const DEFAULT_BIND: SocketAddr =
    SocketAddr::new(IpAddr::V4(Ipv4Addr::UNSPECIFIED), DEFAULT_PORT);

/// How many questions a room opened with no options asks.
const COUNT: usize = 10;

/// Connections beyond the students: those still joining, or turned away.
const SPARE_CONNS: usize = 32;

/// A random number for a room's code and tokens: the standard library's
/// hasher keys come from the operating system's randomness.
#[must_use]
pub fn entropy(seed: u64) -> u64 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(seed);
    hasher.finish()
}

/// The results' CSV in the data folder: `live/<date>-<code>.csv`.
#[must_use]
pub fn results_path(data_dir: Option<&Path>, code: &str) -> Option<PathBuf> {
    let (store, _) = Store::open(data_dir);
    let (year, month, day) = Day::today().ymd();
    store.root().map(|root| {
        root.join("live")
            .join(format!("{year:04}-{month:02}-{day:02}-{code}.csv"))
    })
}

/// The addresses students type, for a server bound to `bind` on `port`.
#[must_use]
pub fn join_addresses(bind: IpAddr, port: u16) -> Vec<String> {
    if bind.is_unspecified() {
        local_addresses()
            .into_iter()
            .filter(IpAddr::is_ipv4)
            .map(|a| with_port(a, port))
            .collect()
    } else {
        vec![with_port(bind, port)]
    }
}

/// Opens a room on `pack` with the default settings, served on `bind`,
/// its network sent to `inbox` (nowhere without one). The error is the
/// message to show: what failed, and for a port that cannot be opened,
/// the firewall hint `kisi host` gives.
///
/// # Errors
/// When no question can be drawn or the port cannot be opened.
pub fn open(
    pack: &Pack,
    lang: Lang,
    seed: u64,
    bind: SocketAddr,
    data_dir: Option<&Path>,
    inbox: Option<Sender<Msg>>,
) -> Result<HostState, String> {
    let words = lang.room_words();
    let options = QuizOptions {
        count: COUNT,
        kinds: QuestionKind::ALL
            .into_iter()
            .filter(|k| *k != QuestionKind::Flashcard)
            .collect(),
        seed,
        lang,
        ..QuizOptions::default()
    };
    let questions = generate(pack, &options).map_err(|error| error.message(pack, lang))?;
    let config = RoomConfig {
        seconds: class_quiz::DEFAULT_SECONDS,
        lang,
        ..RoomConfig::default()
    };
    let max_conns = config.max_students.saturating_add(SPARE_CONNS);
    let room = Room::new(pack, questions, config, entropy(seed));
    let sink = Arc::new(move |event| {
        if let Some(inbox) = &inbox {
            // Gone only when the loop has ended: nobody listens.
            let _ = inbox.send(Msg::Live(event));
        }
    });
    let server = Server::bind(bind, max_conns, sink).map_err(|error| {
        format!(
            "{} {}",
            (words.cannot_open_room)(&bind.to_string(), &io_text(&error, lang)),
            (words.firewall)(bind.port())
        )
    })?;
    let port = server.local_addr().port();
    let addresses = join_addresses(bind.ip(), port);
    let results = results_path(data_dir, room.code().as_str());
    Ok(HostState::new(Host::new(room, server, results), addresses, port).from_home())
}
