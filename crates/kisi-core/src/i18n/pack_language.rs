/// What the loader says about a pack's `language` that is not a BCP 47 tag.
/// The loader runs before the UI language is known (the pack's language is
/// one of its sources), so the message gives both languages.
#[derive(Debug)]
pub struct PackLanguageWords {
    /// `{tag}` is the value found.
    pub message: &'static str,
    pub label: &'static str,
    pub help: &'static str,
}

pub static PACK_LANGUAGE_ENGLISH: PackLanguageWords = PackLanguageWords {
    message: "`language = \"{tag}\"` is not a BCP 47 language tag",
    label: "not a language tag",
    help: "write a tag such as \"id\" (Indonesian), \"en\" (English) or \"en-GB\": letters \
           and hyphens, no underscores or spaces; the interface speaks the pack's language \
           when it is Indonesian or English",
};

pub static PACK_LANGUAGE_INDONESIAN: PackLanguageWords = PackLanguageWords {
    message: "`language = \"{tag}\"` bukan tag bahasa BCP 47",
    label: "bukan tag bahasa",
    help: "tulis tag seperti \"id\" (Indonesia), \"en\" (Inggris) atau \"en-GB\": huruf dan \
           tanda hubung, tanpa garis bawah atau spasi; antarmuka memakai bahasa paket bila \
           bahasanya Indonesia atau Inggris",
};
