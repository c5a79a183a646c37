//! `kisi check`: validates packs and prints every problem, in the language
//! of each (`--lang`, else the pack's `language`, else the environment's).
//!
//! Every folder given is checked, `--content` too: `kisi check --content A B`
//! checks A, then B (a lecturer who names two packs expects both checked).

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kisi_core::authoring::check::{CheckFormat, CheckResult};
use kisi_core::authoring::lint::{pack_warnings, print_warnings};
use kisi_core::content::language::pack_language;
use kisi_core::i18n::Lang;
use kisi_core::i18n::diagnostics::CheckKey;
use kisi_core::text::{escape_json_unsafe, printable_line};

use super::load::load_pack_to_check;
use super::{Cli, color_for, report_io};

/// The packs `kisi check` is asked to check: `--content` (unless also given
/// as a folder), then the folders; the built-in pack when there are none.
fn packs<'a>(cli: &'a Cli, dirs: &'a [PathBuf]) -> Vec<Option<&'a Path>> {
    let mut packs: Vec<Option<&Path>> = Vec::new();
    if let Some(content) = cli.content.as_deref()
        && !dirs.iter().any(|dir| dir == content)
    {
        packs.push(Some(content));
    }
    packs.extend(dirs.iter().map(|dir| Some(dir.as_path())));
    if packs.is_empty() {
        packs.push(None);
    }
    packs
}

pub(super) fn run(cli: &Cli, dirs: &[PathBuf], format: CheckFormat) -> ExitCode {
    let packs = packs(cli, dirs);
    let flag = cli.lang.map(Lang::from);
    let lang_of = |dir: Option<&Path>| {
        Lang::choose(flag, pack_language(dir).as_deref(), |name| {
            std::env::var(name).ok()
        })
    };
    if format == CheckFormat::Json {
        return json(&packs, lang_of);
    }
    let several = packs.len() > 1;
    let mut verdict = ExitCode::SUCCESS;
    for (i, dir) in packs.iter().enumerate() {
        let lang = lang_of(*dir);
        let mut out = io::stdout().lock();
        let heading = match dir {
            Some(dir) if several => {
                let shown = printable_line(&dir.display().to_string()).into_owned();
                let blank = if i == 0 { "" } else { "\n" };
                writeln!(
                    out,
                    "{blank}{}",
                    CheckKey::CheckingPack.with("dir", shown).render(lang)
                )
            }
            _ => Ok(()),
        };
        let (written, valid) = match heading {
            Ok(()) => check_one(&mut out, *dir, lang),
            Err(error) => (Err(error), false),
        };
        if !valid {
            verdict = ExitCode::FAILURE;
        }
        // The exit code is the verdict on the packs, closed pipe or not.
        match written.and_then(|()| out.flush()) {
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe => return verdict,
            Err(error) => return report_io(&error, lang),
            Ok(()) => {}
        }
    }
    verdict
}

/// Checks one pack and prints the verdict; whether it is valid.
fn check_one(out: &mut impl Write, dir: Option<&Path>, lang: Lang) -> (io::Result<()>, bool) {
    let strings = lang.strings();
    // A check always validates the TOML itself, never a cached copy.
    let result = load_pack_to_check(dir);
    match result {
        Ok(pack) => {
            let warnings = pack_warnings(dir, &pack);
            let written = writeln!(
                out,
                "{}: {} ({})",
                strings.pack_valid,
                pack.meta.title,
                strings.pack_counts(pack.topics.len(), pack.entry_count(), pack.point_count())
            )
            .and_then(|()| print_warnings(out, Some(&warnings), lang));
            (written, true)
        }
        Err(report) => (
            write!(out, "{}", report.render(color_for(&io::stdout()), lang)),
            false,
        ),
    }
}

/// One JSON document for one pack, an array of them for several.
fn json(packs: &[Option<&Path>], lang_of: impl Fn(Option<&Path>) -> Lang) -> ExitCode {
    // A failure to write is said in the first pack's language.
    let lang = lang_of(packs.first().copied().flatten());
    let mut valid = true;
    let mut documents = Vec::new();
    for dir in packs {
        let result = load_pack_to_check(*dir);
        let warnings = result.as_ref().ok().map(|pack| pack_warnings(*dir, pack));
        valid &= result.is_ok();
        let document = CheckResult::new(&result, warnings.as_ref(), lang_of(*dir));
        match serde_json::to_value(&document) {
            Ok(value) => documents.push(value),
            Err(error) => return report_io(&io::Error::from(error), lang),
        }
    }
    let json = match documents.as_slice() {
        [one] => serde_json::to_string_pretty(one),
        several => serde_json::to_string_pretty(several),
    };
    let mut out = io::stdout().lock();
    // File names and pack text may hold characters that serde_json leaves raw.
    let written = json
        .map_err(io::Error::from)
        .and_then(|json| writeln!(out, "{}", escape_json_unsafe(&json)))
        .and_then(|()| out.flush());
    match written {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => report_io(&error, lang),
        _ if valid => ExitCode::SUCCESS,
        _ => ExitCode::FAILURE,
    }
}
