//! I/O errors in the user's words. The system says them in English
//! ("Read-only file system (os error 30)") whatever the UI language, so a
//! message keeps an error's kind (and the system's number) and says it in
//! the language it is shown in.

use std::io::{self, ErrorKind};
use std::path::Path;

use super::Lang;
use crate::text::printable_line;

/// An I/O error as a message keeps it: its kind, and the system's number
/// for the kinds kisi has no words for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IoFault {
    pub kind: ErrorKind,
    pub code: Option<i32>,
}

impl From<&io::Error> for IoFault {
    fn from(error: &io::Error) -> Self {
        Self {
            kind: error.kind(),
            code: error.raw_os_error(),
        }
    }
}

impl From<ErrorKind> for IoFault {
    fn from(kind: ErrorKind) -> Self {
        Self { kind, code: None }
    }
}

impl IoFault {
    /// The error in `lang`, lower case, for the middle of a sentence.
    pub fn render(self, lang: Lang) -> String {
        if let Some((en, id)) = words(self.kind) {
            return match lang {
                Lang::En => en,
                Lang::Id => id,
            }
            .to_owned();
        }
        match (lang, self.code) {
            // A kind without words of kisi's: in English the system's
            // own text says most.
            (Lang::En, Some(code)) => io::Error::from_raw_os_error(code).to_string(),
            (Lang::En, None) => "an unexpected input/output error".to_owned(),
            (Lang::Id, Some(code)) => format!("kesalahan sistem nomor {code}"),
            (Lang::Id, None) => "kesalahan masukan/keluaran yang tak terduga".to_owned(),
        }
    }
}

/// An I/O error said in `lang`.
pub fn io_text(error: &io::Error, lang: Lang) -> String {
    IoFault::from(error).render(lang)
}

/// "`path`: what went wrong" in `lang`, the path made safe to print.
pub fn path_io_text(path: &Path, error: &io::Error, lang: Lang) -> String {
    format!(
        "`{}`: {}",
        printable_line(&path.display().to_string()),
        io_text(error, lang)
    )
}

/// The words of each kind a student or lecturer may meet, English then
/// Indonesian.
fn words(kind: ErrorKind) -> Option<(&'static str, &'static str)> {
    use ErrorKind as K;
    Some(match kind {
        K::NotFound => (
            "there is no such file or folder",
            "berkas atau folder itu tidak ada",
        ),
        K::PermissionDenied => ("permission denied", "izin akses ditolak"),
        K::ReadOnlyFilesystem => (
            "the file system is read-only",
            "sistem berkasnya hanya bisa dibaca",
        ),
        K::AlreadyExists => ("it already exists", "sudah ada"),
        K::InvalidData => (
            "the data is not valid (not UTF-8 text, say)",
            "datanya tidak sah (misalnya bukan teks UTF-8)",
        ),
        K::InvalidInput => ("an invalid argument", "argumen yang tidak sah"),
        K::NotADirectory => (
            "a part of the path is not a folder",
            "salah satu bagian jalurnya bukan folder",
        ),
        K::IsADirectory => ("it is a folder, not a file", "itu folder, bukan berkas"),
        K::DirectoryNotEmpty => ("the folder is not empty", "foldernya tidak kosong"),
        K::StorageFull => ("the disk is full", "disknya penuh"),
        K::QuotaExceeded => ("the disk quota is exceeded", "kuota disk sudah habis"),
        K::FileTooLarge => ("the file is too large", "berkasnya terlalu besar"),
        K::ResourceBusy => (
            "the file or device is busy",
            "berkas atau perangkat itu sedang dipakai",
        ),
        K::CrossesDevices => (
            "it cannot be moved to another disk",
            "tidak bisa dipindahkan ke disk lain",
        ),
        K::TooManyLinks => ("too many links", "terlalu banyak tautan"),
        K::InvalidFilename => (
            "the file name is not valid or too long",
            "nama berkasnya tidak sah atau terlalu panjang",
        ),
        K::StaleNetworkFileHandle => (
            "the network file is no longer there",
            "berkas jaringan itu sudah tidak ada",
        ),
        K::UnexpectedEof => (
            "the file ends too early",
            "berkasnya berakhir terlalu cepat",
        ),
        K::WriteZero => ("nothing could be written", "tidak ada yang bisa ditulis"),
        K::TimedOut => ("the time ran out", "waktunya habis"),
        K::Interrupted => ("it was interrupted", "terputus di tengah jalan"),
        K::Unsupported => (
            "the system does not support it",
            "sistem tidak mendukungnya",
        ),
        K::OutOfMemory => ("out of memory", "memori tidak cukup"),
        K::BrokenPipe => ("the other end was closed", "ujung yang lain sudah ditutup"),
        K::ConnectionRefused => ("the connection was refused", "sambungan ditolak"),
        K::ConnectionReset => (
            "the connection was reset",
            "sambungan diputus oleh pihak lain",
        ),
        K::ConnectionAborted => ("the connection was aborted", "sambungan dibatalkan"),
        K::NotConnected => ("not connected", "tidak tersambung"),
        K::AddrInUse => ("the address is already in use", "alamat itu sudah dipakai"),
        K::AddrNotAvailable => (
            "the address is not available on this computer",
            "alamat itu tidak tersedia di komputer ini",
        ),
        K::HostUnreachable => (
            "the computer cannot be reached",
            "komputer itu tidak bisa dijangkau",
        ),
        K::NetworkUnreachable => (
            "the network cannot be reached",
            "jaringannya tidak bisa dijangkau",
        ),
        K::NetworkDown => ("the network is down", "jaringannya mati"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The common kinds, from real system errors, say nothing of the
    /// system's English in Indonesian.
    #[test]
    fn common_kinds_are_in_the_users_words() {
        // ENOENT, EACCES, EROFS, EEXIST on Linux; InvalidData has no number.
        let errors = [
            io::Error::from_raw_os_error(2),
            io::Error::from_raw_os_error(13),
            io::Error::from_raw_os_error(30),
            io::Error::from_raw_os_error(17),
            io::Error::new(ErrorKind::InvalidData, "stream did not contain valid UTF-8"),
        ];
        for error in &errors {
            let system = error.to_string();
            let id = io_text(error, Lang::Id);
            let en = io_text(error, Lang::En);
            assert!(!id.contains("os error") && !id.contains(&system), "{id}");
            assert!(!en.contains("os error"), "{en}");
            assert_ne!(id, en);
        }
        assert_eq!(
            io_text(&errors[2], Lang::Id),
            "sistem berkasnya hanya bisa dibaca"
        );
    }

    #[test]
    fn a_kind_without_words_keeps_the_systems_number() {
        let fault = IoFault {
            kind: ErrorKind::Other,
            code: Some(5),
        };
        assert_eq!(fault.render(Lang::Id), "kesalahan sistem nomor 5");
        assert!(fault.render(Lang::En).contains("os error 5"));
        let bare = IoFault::from(ErrorKind::Other);
        assert!(!bare.render(Lang::Id).is_empty());
    }
}
