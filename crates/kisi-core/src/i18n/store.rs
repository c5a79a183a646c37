use super::Lang;

/// The words of the progress store's warnings (`progress::Warning`). Paths
/// and errors come already made safe to print.
#[derive(Debug)]
pub struct StoreWords {
    pub no_data_dir: &'static str,
    /// path, error
    pub unwritable: fn(&str, &str) -> String,
    /// path, reason
    pub refused: fn(&str, &str) -> String,
    pub refused_link: &'static str,
    pub refused_not_regular: &'static str,
    pub refused_other_owner: &'static str,
    pub refused_shared: &'static str,
    /// Over the log's limit, and over the settings file's.
    pub refused_too_large_log: &'static str,
    pub refused_too_large_small: &'static str,
    /// path, error
    pub unreadable: fn(&str, &str) -> String,
    /// path, new path
    pub moved_aside: fn(&str, &str) -> String,
    /// path, error
    pub unusable: fn(&str, &str) -> String,
    pub damaged_lines: fn(&str, usize) -> String,
    pub newer_format: fn(&str, usize) -> String,
    pub newer_settings: fn(&str) -> String,
    /// path, error, answers kept in memory
    pub write_failed: fn(&str, &str, usize) -> String,
    pub would_not_read_back: fn(&str) -> String,
}

pub fn store_words(lang: Lang) -> &'static StoreWords {
    match lang {
        Lang::Id => &STORE_INDONESIAN,
        Lang::En => &STORE_ENGLISH,
    }
}

static STORE_INDONESIAN: StoreWords = StoreWords {
    no_data_dir: "Folder rumah tidak ditemukan: kemajuan hanya disimpan selama sesi ini. Pilih folder dengan --data-dir.",
    unwritable: |path, error| {
        format!(
            "Tidak bisa menulis ke {path}: {error}. Kemajuan hanya disimpan selama sesi ini; pilih folder yang bisa ditulis dengan --data-dir."
        )
    },
    refused: |path, reason| {
        format!(
            "{path} tidak dipakai: {reason} Berkas itu dibiarkan apa adanya; kemajuan hanya disimpan selama sesi ini."
        )
    },
    refused_link: "berupa tautan simbolik (symlink), dan kisi tidak mengikuti tautan di folder data.",
    refused_not_regular: "bukan berkas biasa (misalnya pipa, perangkat, atau folder).",
    refused_other_owner: "milik pengguna lain.",
    refused_shared: "folder ini bisa ditulis pengguna lain, sehingga mereka bisa menaruh tautan atau mengganti berkas. Pakai folder pribadi (chmod go-w) atau pilih yang lain dengan --data-dir.",
    refused_too_large_log: "berkasnya lebih dari 256 MiB, batas yang dibaca kisi.",
    refused_too_large_small: "berkasnya lebih dari 1 MiB, batas yang dibaca kisi.",
    unreadable: |path, error| {
        format!(
            "{path} tidak bisa dibaca ({error}). Itu bukan kerusakan: berkasnya dibiarkan apa adanya. Kemajuan hanya disimpan selama sesi ini; periksa izin berkas itu."
        )
    },
    moved_aside: |path, to| {
        format!("Berkas {path} rusak; dipindahkan ke {to} dan dimulai berkas baru.")
    },
    unusable: |path, error| {
        format!(
            "Berkas {path} rusak dan tidak bisa dipindahkan ({error}). Kemajuan hanya disimpan selama sesi ini."
        )
    },
    damaged_lines: |path, count| format!("{count} baris rusak di {path} dilewati."),
    newer_format: |path, count| {
        format!("{count} baris di {path} ditulis oleh kisi yang lebih baru dan dilewati.")
    },
    newer_settings: |path| {
        format!(
            "{path} ditulis oleh kisi yang lebih baru dan tidak ditimpa: perubahan pengaturan hanya berlaku selama sesi ini."
        )
    },
    write_failed: |path, error, unsaved| {
        format!(
            "Gagal menyimpan ke {path}: {error}. {unsaved} jawaban disimpan di memori dan dicoba disimpan lagi pada jawaban berikutnya."
        )
    },
    would_not_read_back: |path| {
        format!(
            "Pengaturan tidak disimpan ke {path}: isinya tidak akan bisa dibaca kembali (misalnya tanggal di luar tahun 1970–9999)."
        )
    },
};

static STORE_ENGLISH: StoreWords = StoreWords {
    no_data_dir: "No home folder found: progress is kept for this session only. Choose a folder with --data-dir.",
    unwritable: |path, error| {
        format!(
            "Cannot write to {path}: {error}. Progress is kept for this session only; choose a writable folder with --data-dir."
        )
    },
    refused: |path, reason| {
        format!(
            "{path} is not used: {reason} It was left as it is; progress is kept for this session only."
        )
    },
    refused_link: "it is a symbolic link, and kisi follows no links in its data folder.",
    refused_not_regular: "it is not a regular file (a pipe, a device or a folder, say).",
    refused_other_owner: "it belongs to another user.",
    refused_shared: "other users can write this folder, so they could plant links or replace files. Use a private folder (chmod go-w) or choose another with --data-dir.",
    refused_too_large_log: "the file is over 256 MiB, the most kisi reads.",
    refused_too_large_small: "the file is over 1 MiB, the most kisi reads.",
    unreadable: |path, error| {
        format!(
            "{path} cannot be read ({error}). That is not damage: the file was left as it is. Progress is kept for this session only; check the file's permissions."
        )
    },
    moved_aside: |path, to| {
        format!("{path} was damaged; it was moved to {to} and a new file was started.")
    },
    unusable: |path, error| {
        format!(
            "{path} is damaged and cannot be moved aside ({error}). Progress is kept for this session only."
        )
    },
    damaged_lines: |path, count| {
        let lines = if count == 1 { "line" } else { "lines" };
        format!("Skipped {count} damaged {lines} in {path}.")
    },
    newer_format: |path, count| {
        let lines = if count == 1 { "line" } else { "lines" };
        format!("Skipped {count} {lines} of {path} written by a newer kisi.")
    },
    newer_settings: |path| {
        format!(
            "{path} was written by a newer kisi and is not overwritten: changed settings last for this session only."
        )
    },
    write_failed: |path, error, unsaved| {
        format!(
            "Could not save to {path}: {error}. {} kept in memory and saving is tried again at the next answer.",
            if unsaved == 1 {
                "1 answer is".to_string()
            } else {
                format!("{unsaved} answers are")
            }
        )
    },
    would_not_read_back: |path| {
        format!(
            "The settings were not saved to {path}: they would not read back (a date outside the years 1970–9999, say)."
        )
    },
};
