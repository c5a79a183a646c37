//! Opening the store's files so that someone else who can write the data
//! folder (a shared lab folder or USB stick) cannot turn kisi against the
//! student: no symbolic link is followed, no file of another user is read
//! or written, nothing but a regular file is read (a FIFO would hang, a
//! device would never end), reads are capped, and what kisi creates is
//! private (folders 0700, files 0600). docs/security.md.

use std::fmt;
use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

use crate::i18n::{Lang, StoreWords, store_words};

/// Why a file or folder is not used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// A symbolic link where a file or folder of the store should be.
    Link,
    /// A FIFO, a device, a socket or a folder where a file should be.
    NotRegular,
    /// Owned by another user.
    OtherOwner,
    /// Writable by other users, and not the user's own with the sticky bit.
    Shared,
    /// Larger than kisi reads (the limit in bytes).
    TooLarge(u64),
}

impl Refusal {
    /// The reason in the words of `words`.
    pub fn message(self, words: &StoreWords) -> &'static str {
        match self {
            Refusal::Link => words.refused_link,
            Refusal::NotRegular => words.refused_not_regular,
            Refusal::OtherOwner => words.refused_other_owner,
            Refusal::Shared => words.refused_shared,
            // The two limits are fixed; the texts say them.
            Refusal::TooLarge(limit) => {
                if limit > 1 << 20 {
                    words.refused_too_large_log
                } else {
                    words.refused_too_large_small
                }
            }
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message(store_words(Lang::En)))
    }
}

impl std::error::Error for Refusal {}

/// What reading a file of the store gave, when it did not give bytes.
#[derive(Debug)]
pub enum ReadError {
    /// It is there but is not something kisi reads; left alone.
    Refused(Refusal),
    /// It could not be read (permissions, I/O): not damage, left alone.
    Failed(io::Error),
}

/// Creates `dir` (and missing parents) as 0700 folders.
pub fn create_private_dir_all(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Checks that a folder of the store is the user's own and that nobody
/// else can add, rename or remove files in it. `tighten` allows removing
/// the group and other write bits of a folder that is the user's own (one
/// kisi made, where an older kisi left the umask's bits).
pub fn check_folder(dir: &Path, meta: &Metadata, tighten: bool) -> Result<(), Refusal> {
    if meta.file_type().is_symlink() {
        return Err(Refusal::Link);
    }
    if !meta.is_dir() {
        return Err(Refusal::NotRegular);
    }
    check_owner(meta)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode();
        let sticky = mode & 0o1000 != 0;
        if mode & 0o022 != 0 && !sticky {
            let tightened = fs::Permissions::from_mode(mode & 0o7755);
            if !tighten || fs::set_permissions(dir, tightened).is_err() {
                return Err(Refusal::Shared);
            }
        }
    }
    #[cfg(not(unix))]
    let _ = (dir, tighten);
    Ok(())
}

#[cfg(unix)]
fn check_owner(meta: &Metadata) -> Result<(), Refusal> {
    use std::os::unix::fs::MetadataExt;
    if meta.uid() == rustix::process::geteuid().as_raw() {
        Ok(())
    } else {
        Err(Refusal::OtherOwner)
    }
}

#[cfg(not(unix))]
fn check_owner(_meta: &Metadata) -> Result<(), Refusal> {
    Ok(())
}

/// A file opened by `options` at `path`, refusing a symbolic link in its
/// last component, never blocking on a FIFO, and checked to be a regular
/// file of the user's.
fn open_checked(options: &mut OpenOptions, path: &Path) -> io::Result<File> {
    #[cfg(unix)]
    {
        use rustix::fs::OFlags;
        use std::os::unix::fs::OpenOptionsExt;
        let flags = OFlags::NOFOLLOW | OFlags::NONBLOCK;
        options.custom_flags(flags.bits().cast_signed()).mode(0o600);
    }
    let file = options.open(path).map_err(|error| {
        if is_link_error(&error, path) {
            io::Error::other(Refusal::Link)
        } else {
            error
        }
    })?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::other(Refusal::NotRegular));
    }
    check_owner(&meta).map_err(io::Error::other)?;
    Ok(file)
}

/// `O_NOFOLLOW` on a link fails with `ELOOP` on Linux; other systems use
/// other errors (FreeBSD `EMLINK`), hence the look at the path itself.
fn is_link_error(error: &io::Error, path: &Path) -> bool {
    #[cfg(unix)]
    if error.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()) {
        return true;
    }
    let _ = error;
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// The refusal inside an error from [`open_checked`], if that is what it is.
pub fn refusal_of(error: &io::Error) -> Option<Refusal> {
    error
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<Refusal>())
        .copied()
}

/// Opens the file for reading and appending, creating it 0600.
pub fn open_append(path: &Path) -> io::Result<File> {
    open_checked(
        OpenOptions::new().read(true).append(true).create(true),
        path,
    )
}

/// Opens an existing file for reading and writing (to repair it).
pub fn open_existing_rw(path: &Path) -> io::Result<File> {
    open_checked(OpenOptions::new().read(true).write(true), path)
}

/// Opens an existing file for reading.
pub fn open_read(path: &Path) -> io::Result<File> {
    open_checked(OpenOptions::new().read(true), path)
}

/// Reads the rest of `file`, at most `limit` bytes.
pub fn read_capped(file: &mut File, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Failed)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::Refused(Refusal::TooLarge(limit)));
    }
    Ok(bytes)
}

/// The whole file at `path`, or `None` when there is none.
pub fn read_file(path: &Path, limit: u64) -> Result<Option<Vec<u8>>, ReadError> {
    match open_read(path) {
        Ok(mut file) => read_capped(&mut file, limit).map(Some),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(classify(error)),
    }
}

pub fn classify(error: io::Error) -> ReadError {
    match refusal_of(&error) {
        Some(refusal) => ReadError::Refused(refusal),
        None => ReadError::Failed(error),
    }
}

/// Takes an advisory lock without waiting: exclusive (to repair the end
/// of a log, or to append alone) or shared (to append beside others).
/// Where locks are not available, a shared one is granted and an
/// exclusive one is not.
pub fn lock(file: &File, exclusive: bool) -> bool {
    #[cfg(unix)]
    {
        use rustix::fs::{FlockOperation, flock};
        let operation = if exclusive {
            FlockOperation::NonBlockingLockExclusive
        } else {
            FlockOperation::NonBlockingLockShared
        };
        flock(file, operation).is_ok()
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        !exclusive
    }
}

/// The lock for appending to a log: a shared one, so that appenders never
/// keep each other out (each line is one `O_APPEND` write); only mending a
/// torn tail takes the exclusive lock, and only for a moment. Never waits
/// long: a process stopped while holding the exclusive lock must not
/// freeze every other kisi, so after two seconds this gives up and the
/// caller keeps the events for a later try.
///
/// # Errors
/// `WouldBlock` when no lock came in time.
pub fn lock_for_append(file: &File) -> io::Result<()> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
    loop {
        if lock(file, false) {
            return Ok(());
        }
        if std::time::Instant::now() >= deadline {
            return Err(io::Error::new(
                io::ErrorKind::WouldBlock,
                "another process has held the log's lock for two seconds",
            ));
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

pub fn unlock(file: &File) {
    #[cfg(unix)]
    {
        // Closing the file releases the lock anyway.
        let _ = rustix::fs::flock(file, rustix::fs::FlockOperation::Unlock);
    }
    #[cfg(not(unix))]
    let _ = file;
}
