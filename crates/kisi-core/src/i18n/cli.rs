//! The words of the command line's own messages: an id that is not in the
//! pack, with what it may have meant; and the help and argument errors of
//! the command line parser (the English ones are clap's and the doc
//! comments of `src/cli.rs`).

use crate::text::printable_line;

mod texts;

/// What a plain command says about its arguments.
#[derive(Debug)]
pub struct CliWords {
    pub entry_not_found: &'static str,
    pub topic_not_found: &'static str,
    pub did_you_mean: &'static str,
    pub every_id: &'static str,
    /// `kisi man NAME` of no subcommand: `{name}`, `{names}`.
    pub not_a_subcommand: &'static str,
}

impl CliWords {
    /// "No entry with id `x`." with the ids it may have meant and where to
    /// see every id. `id` comes from the command line and is made safe to
    /// print; the suggestions are the pack's own (validated) ids.
    pub fn not_found(&self, what: &str, id: &str, near: &[&str]) -> String {
        let mut lines = vec![format!("{what} `{}`.", printable_line(id))];
        if !near.is_empty() {
            let near: Vec<String> = near.iter().map(|id| format!("`{id}`")).collect();
            lines.push(format!("  {} {}?", self.did_you_mean, near.join(", ")));
        }
        lines.push(format!("  {} kisi list", self.every_id));
        lines.join("\n")
    }

    pub fn entry_not_found(&self, id: &str, near: &[&str]) -> String {
        self.not_found(self.entry_not_found, id, near)
    }

    pub fn topic_not_found(&self, id: &str, near: &[&str]) -> String {
        self.not_found(self.topic_not_found, id, near)
    }
}

pub static CLI_INDONESIAN: CliWords = CliWords {
    entry_not_found: "Tidak ada entri dengan id",
    topic_not_found: "Tidak ada topik dengan id",
    did_you_mean: "Maksud Anda",
    every_id: "Semua id:",
    not_a_subcommand: "`{name}` bukan subperintah kisi; salah satu dari: {names}",
};

pub static CLI_ENGLISH: CliWords = CliWords {
    entry_not_found: "No entry with id",
    topic_not_found: "No topic with id",
    did_you_mean: "Did you mean",
    every_id: "Every id:",
    not_a_subcommand: "`{name}` is not a subcommand of kisi; one of: {names}",
};

/// The parser's words: help headings, the help texts by command and
/// argument, and argument errors. `{arg}`, `{value}` and `{other}` are
/// filled in.
#[derive(Debug)]
pub struct CliHelp {
    /// Whether these replace clap's own (English) words.
    pub translated: bool,
    pub template: &'static str,
    pub commands: &'static str,
    pub arguments: &'static str,
    pub options: &'static str,
    pub help: &'static str,
    pub help_command: &'static str,
    pub version: &'static str,
    pub error: &'static str,
    pub usage: &'static str,
    pub more_help: &'static str,
    pub unknown_argument: &'static str,
    pub unknown_command: &'static str,
    pub invalid_value: &'static str,
    pub missing_argument: &'static str,
    pub missing_command: &'static str,
    pub conflict: &'static str,
    pub wrong_values: &'static str,
    pub other: &'static str,
    pub possible_values: &'static str,
    pub did_you_mean: &'static str,
    /// clap's "'quiz --topic' exists": an option of another command.
    pub exists_in: &'static str,
    /// A whole number that is not one (`--count abc`).
    pub not_a_number: &'static str,
    /// The placeholders of a usage line, as clap writes them and in words.
    pub placeholders: &'static [(&'static str, &'static str)],
    /// `kisi --exam-date` given something that is not a date.
    pub bad_date: &'static str,
    /// (subcommand, argument id, text); an empty id is the command's about.
    pub texts: &'static [(&'static str, &'static str, &'static str)],
}

impl CliHelp {
    /// The text for argument `id` of subcommand `path` ("" for the top,
    /// whose global options also stand for every subcommand's).
    pub fn text(&self, path: &str, id: &str) -> Option<&'static str> {
        self.texts
            .iter()
            .find(|(p, i, _)| *p == path && *i == id)
            .or_else(|| {
                (!id.is_empty())
                    .then(|| self.texts.iter().find(|(p, i, _)| p.is_empty() && *i == id))
                    .flatten()
            })
            .map(|(_, _, text)| *text)
    }
}

pub static CLI_HELP_INDONESIAN: CliHelp = CliHelp {
    translated: true,
    template: "{before-help}{about-with-newline}\nPenggunaan: {usage}\n\n{all-args}{after-help}",
    commands: "Perintah",
    arguments: "Argumen",
    options: "Opsi",
    help: "Tampilkan bantuan ini",
    help_command: "Tampilkan bantuan kisi atau salah satu perintahnya",
    version: "Tampilkan versi",
    error: "galat:",
    usage: "Penggunaan:",
    more_help: "Untuk bantuan lengkap: kisi --help",
    unknown_argument: "argumen `{arg}` tidak dikenal",
    unknown_command: "perintah `{arg}` tidak dikenal",
    invalid_value: "nilai `{value}` tidak sah untuk `{arg}`",
    missing_argument: "argumen wajib belum diberikan: {arg}",
    missing_command: "sebutkan perintahnya",
    conflict: "`{arg}` tidak bisa dipakai bersama `{other}`",
    wrong_values: "jumlah nilai untuk `{arg}` tidak tepat",
    other: "argumen tidak sah",
    possible_values: "nilai yang bisa dipakai:",
    did_you_mean: "Maksud Anda",
    exists_in: "`{hint}` ada: tulis opsi itu sesudah nama perintahnya",
    not_a_number: "bukan bilangan bulat yang sah",
    placeholders: &[("[OPTIONS]", "[OPSI]"), ("[COMMAND]", "[PERINTAH]")],
    bad_date: "`{value}` bukan tanggal berbentuk TTTT-BB-HH dengan tahun 1970 sampai 9999",
    texts: texts::INDONESIAN,
};

/// English: clap's own words and the doc comments; only kisi's own
/// messages are here.
pub static CLI_HELP_ENGLISH: CliHelp = CliHelp {
    translated: false,
    template: "",
    commands: "Commands",
    arguments: "Arguments",
    options: "Options",
    help: "Print help",
    help_command: "Print this message or the help of the given subcommand(s)",
    version: "Print version",
    error: "error:",
    usage: "Usage:",
    more_help: "For more information, try '--help'.",
    unknown_argument: "unexpected argument '{arg}' found",
    unknown_command: "unrecognized subcommand '{arg}'",
    invalid_value: "invalid value '{value}' for '{arg}'",
    missing_argument: "the following required arguments were not provided: {arg}",
    missing_command: "a subcommand is required",
    conflict: "'{arg}' cannot be used with '{other}'",
    wrong_values: "wrong number of values for '{arg}'",
    other: "invalid arguments",
    possible_values: "possible values:",
    did_you_mean: "Did you mean",
    exists_in: "`{hint}` exists: write the option after the command's name",
    not_a_number: "not a valid whole number",
    placeholders: &[],
    bad_date: "`{value}` is not a date of the form YYYY-MM-DD with a year from 1970 to 9999",
    texts: &[],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_id_names_what_it_may_mean_and_where_every_id_is() {
        assert_eq!(
            CLI_ENGLISH.entry_not_found("mediatr", &["peran-mediator"]),
            "No entry with id `mediatr`.\n  Did you mean `peran-mediator`?\n  Every id: kisi list"
        );
        assert_eq!(
            CLI_INDONESIAN.topic_not_found("\u{1b}x", &[]),
            "Tidak ada topik dengan id `\\u{1b}x`.\n  Semua id: kisi list"
        );
    }
}
