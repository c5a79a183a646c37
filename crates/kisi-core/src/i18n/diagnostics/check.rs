//! The words around the diagnostics (levels, counts) and `kisi check`'s
//! warnings on a valid pack.

use super::keys;

keys! {
    /// The report's and `kisi check`'s texts.
    CheckKey => Check {
        // The levels, as the renderer names them.
        LevelError: "error", "kesalahan";
        LevelWarning: "warning", "peringatan";
        LevelHelp: "help", "bantuan";
        LevelNote: "note", "catatan";
        // The summary and the count of problems not shown.
        SummaryOneOne: "1 error in 1 file", "1 kesalahan dalam 1 berkas";
        SummaryManyOne: "{errors} errors in 1 file", "{errors} kesalahan dalam 1 berkas";
        SummaryMany: "{errors} errors in {files} files", "{errors} kesalahan dalam {files} berkas";
        MoreLikeOne: "1 more error like \"{first}\" not shown (`kisi check --format json` lists them all)",
            "1 kesalahan lagi seperti \"{first}\" tidak ditampilkan (`kisi check --format json` mendaftar semuanya)";
        MoreLike: "{more} more errors like \"{first}\" not shown (`kisi check --format json` lists them all)",
            "{more} kesalahan lagi seperti \"{first}\" tidak ditampilkan (`kisi check --format json` mendaftar semuanya)";

        // Warnings about material that makes poor questions.
        WarningCount: "{count} warnings about the pack", "{count} peringatan tentang paket ini";
        WarningCountOne: "1 warning about the pack", "1 peringatan tentang paket ini";
        NoMember: "the topic \"{topic}\" does not name its members (`member`)",
            "topik \"{topic}\" tidak menyebut nama anggotanya (`member`)";
        NoMemberLabel: "\"which … is it part of?\" and matching questions use a neutral wording",
            "soal \"termasuk … yang mana?\" dan menjodohkan memakai kalimat netral";
        NoMemberHelp: "write how one entry of this topic is named in a question, e.g. member = { id = \"peran pekerja sosial\", en = \"role of a social worker\" }",
            "tulis cara menyebut satu entri topik ini dalam soal, mis. member = { id = \"peran pekerja sosial\", en = \"role of a social worker\" }";
        BodyGivesAnswer: "the body of \"{entry}\" contains its own answer",
            "isi entri \"{entry}\" memuat jawabannya sendiri";
        BodyGivesAnswerLabel: "with the entry's name hidden, too little is left or the answer is still in sight",
            "setelah nama entri disembunyikan, isi ini terlalu sedikit atau masih menunjukkan jawabannya";
        BodyGivesAnswerHelp: "describe the term in other words, without its name; kisi makes no \"which term is described here?\" question of this body",
            "jelaskan istilahnya dengan kata lain, tanpa menyebut namanya; kisi tidak membuat soal \"istilah apakah yang dijelaskan berikut?\" dari isi ini";
        NearDuplicate: "the title \"{title}\" is nearly the same as \"{other}\"",
            "judul \"{title}\" hampir sama dengan judul \"{other}\"";
        NearDuplicateLabel: "nearly the same as another title", "hampir sama dengan judul lain";
        NearDuplicateFirst: "the similar title", "judul yang mirip";
        NearDuplicateHelp: "tell the titles apart, or merge the two entries; a question cannot tell options apart that are nearly the same",
            "bedakan judulnya, atau gabungkan kedua entri; soal tidak dapat membedakan pilihan yang hampir sama";

        // Authoring traps: valid TOML that does not say what was meant.
        PointsAfterQuestions: "this `[[entries.points]]` comes after `[[questions]]`, so it belongs to the entry `{entry}`",
            "`[[entries.points]]` ini ada sesudah `[[questions]]`, jadi menjadi milik entri `{entry}`";
        PointsAfterQuestionsLabel: "a point of `{entry}`, written among the questions",
            "poin `{entry}`, tertulis di antara soal";
        PointsAfterQuestionsFirst: "the questions start here", "soal dimulai di sini";
        PointsAfterQuestionsHelp: "TOML adds it to the last [[entries]] of the file, whatever comes between; move it up under its entry, before the first [[questions]]",
            "TOML menambahkannya ke [[entries]] terakhir di berkas, apa pun yang ada di antaranya; pindahkan ke atas, di bawah entrinya, sebelum [[questions]] pertama";
        LiteralBackslash: "a line of a '''literal''' string ends in `\\`",
            "satu baris teks '''literal''' berakhir dengan `\\`";
        LiteralBackslashLabel: "stays in the text as a backslash", "tetap ada dalam teks sebagai garis miring terbalik";
        LiteralBackslashHelp: "only \"\"\"basic\"\"\" strings join lines with `\\`; write the text with \"\"\" instead of ''', or remove the `\\`",
            "hanya teks \"\"\"basic\"\"\" yang menyambung baris dengan `\\`; tulis teksnya dengan \"\"\" alih-alih ''', atau hapus `\\`";

        // A pack's first problem where its place and message are shown alone
        // (`kisi packs`).
        AtPlace: "{place}: {message}", "{place}: {message}";
        // `kisi check` of several packs.
        CheckingPack: "Checking {dir}", "Memeriksa {dir}";
    }
}
