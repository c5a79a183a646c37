/// The words of "select all that apply" questions (hand-written choices
/// with several right options): the prompt's hint, the plain quiz's
/// question and complaint, and the answer screen's hint (its reminder to
/// tick one first is `Strings::quiz_tick_first`, beside the others).
#[derive(Debug)]
pub struct SelectWords {
    /// The author's prompt with the hint that several options may be right.
    pub prompt: &'static str,
    pub ask: &'static str,
    pub bad: &'static str,
    /// Under the options on the answer screen.
    pub hint: &'static str,
}

pub static SELECT_INDONESIAN: SelectWords = SelectWords {
    prompt: "{text} (Pilih semua yang benar.)",
    ask: "Huruf atau nomor semua jawaban yang benar, misalnya a,c atau 1 3: ",
    bad: "Ketik huruf dari {first} sampai {last} (atau nomornya), dipisah koma atau spasi; \
          setidaknya satu.",
    hint: "Spasi: centang/hapus; Enter: kirim.",
};

pub static SELECT_ENGLISH: SelectWords = SelectWords {
    prompt: "{text} (Select all that apply.)",
    ask: "The letters or numbers of every right answer, e.g. a,c or 1 3: ",
    bad: "Type letters from {first} to {last} (or their numbers), separated by commas or \
          spaces; at least one.",
    hint: "Space: tick/untick; Enter: submit.",
};
