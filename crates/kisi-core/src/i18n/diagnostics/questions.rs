//! The words of the loader about `[[questions]]`: the kind, the answer
//! fields each kind needs, and what the quiz can compare.

use super::keys;

keys! {
    /// The texts about hand-written questions.
    QuestionKey => Question {
        // The kinds, as named in messages.
        AChoice: "a choice question", "soal pilihan (`choice`)";
        ATrueFalse: "a true-false question", "soal benar-salah (`true-false`)";
        ATyped: "a typed question", "soal isian (`typed`)";
        AMatching: "a matching question", "soal menjodohkan (`matching`)";
        AnOrdering: "an ordering question", "soal mengurutkan (`ordering`)";
        AListAll: "a list-all question", "soal menyebut semua (`list-all`)";
        // How the answer fields of each kind are written.
        ChoiceExample: "options = [\"...\", \"...\"]\nanswer = \"...\"   # the text of the correct option\n# or, for several right options (select all that apply):\ncorrect = [0, 2]   # their indices, the first option being 0",
            "options = [\"...\", \"...\"]\nanswer = \"...\"   # teks pilihan yang benar\n# atau, untuk beberapa pilihan benar (pilih semua yang benar):\ncorrect = [0, 2]   # nomor urutnya, pilihan pertama bernomor 0";
        TrueFalseExample: "answer = true   # or false, without quotes",
            "answer = true   # atau false, tanpa tanda kutip";
        TypedExample: "answers = [\"...\", \"...\"]   # every answer that counts as right",
            "answers = [\"...\", \"...\"]   # setiap jawaban yang dihitung benar";
        MatchingExample: "pairs = [[\"left\", \"right\"], [\"left\", \"right\"]]",
            "pairs = [[\"kiri\", \"kanan\"], [\"kiri\", \"kanan\"]]";
        OrderingExample: "items = [\"first\", \"second\", \"third\"]   # in the right order\nordered = true",
            "items = [\"pertama\", \"kedua\", \"ketiga\"]   # dalam urutan yang benar\nordered = true";
        ListAllExample: "items = [\"...\", \"...\"]   # every item the student must name",
            "items = [\"...\", \"...\"]   # setiap butir yang harus disebut mahasiswa";
        Kinds: "`choice` (pick one of `options`, or all the right ones), `true-false` (is the prompt right?), `typed` (type one of `answers`), `matching` (match the `pairs`), `ordering` (put the `items` in order) or `list-all` (name all the `items`)",
            "`choice` (pilih satu dari `options`, atau semua yang benar), `true-false` (benarkah pernyataannya?), `typed` (ketik salah satu `answers`), `matching` (jodohkan `pairs`), `ordering` (urutkan `items`) atau `list-all` (sebut semua `items`)";

        KindSetHere: "the kind is set here", "jenisnya ditetapkan di sini";
        FieldMakesIt: "this field makes it {kind}", "kolom ini menjadikannya {kind}";
        MissingKind: "missing field `kind` in [[questions]]", "kolom `kind` tidak ada di [[questions]]";
        MissingKindLabel: "this table has no `kind` and no answer",
            "tabel ini tidak punya `kind` dan tidak punya jawaban";
        MissingKindHelp: "add `kind = \"...\"` with one of: {kinds}",
            "tambahkan `kind = \"...\"` dengan salah satu dari: {kinds}";
        UnknownKind: "unknown question kind `{kind}`", "jenis soal `{kind}` tidak dikenal";
        UnknownKindLabel: "not a kind of question", "bukan jenis soal";
        TheKindsAre: "the kinds of question are {kinds}", "jenis soal adalah {kinds}";
        NotUsedBy: "`{field}` is not used by {kind}", "`{field}` tidak dipakai oleh {kind}";
        NotUsedByLabel: "not used by this kind of question", "tidak dipakai oleh jenis soal ini";
        TwinHelp: "did you mean `{twin}`? This is {kind}, written as:\n{example}",
            "maksud Anda `{twin}`? Ini {kind}, yang ditulis seperti ini:\n{example}";
        OneAnswerHelp: "remove it; a question has one answer, and {kind} is written as:\n{example}",
            "hapus; satu soal punya satu jawaban, dan {kind} ditulis seperti ini:\n{example}";
        AnswerOrCorrect: "answer` or `correct", "answer` atau `correct";
        MissingFor: "missing field `{field}` for {kind}", "kolom `{field}` tidak ada untuk {kind}";
        MissingForLabel: "{kind} needs `{field}`", "{kind} memerlukan `{field}`";
        AddToQuestion: "add to this question:\n{example}", "tambahkan ke soal ini:\n{example}";
        ShuffleHelp: "only the options of a choice question can keep their written order; matching, ordering and list-all questions always shuffle their items. Remove it",
            "hanya pilihan soal pilihan ganda yang dapat tetap dalam urutan tertulisnya; soal menjodohkan, mengurutkan dan menyebut semua selalu mengacak butirnya. Hapus";
        OrderedHelp: "`ordered` says whether `items` must be put in order; remove it",
            "`ordered` menyatakan apakah `items` harus diurutkan; hapus";
        OrderedTrueListAll: "`ordered = true` makes an ordering question, but the kind is `list-all`",
            "`ordered = true` menjadikan soal mengurutkan, padahal jenisnya `list-all`";
        OrderedTrueListAllHelp: "write `kind = \"ordering\"` to ask for the order, or remove `ordered` to ask for the items in any order",
            "tulis `kind = \"ordering\"` untuk menanyakan urutannya, atau hapus `ordered` untuk menanyakan butirnya dalam urutan apa pun";
        OrderedFalseOrdering: "`ordered = false` makes a list-all question, but the kind is `ordering`",
            "`ordered = false` menjadikan soal menyebut semua, padahal jenisnya `ordering`";
        OrderedFalseOrderingHelp: "write `kind = \"list-all\"` to ask for the items in any order, or remove `ordered`",
            "tulis `kind = \"list-all\"` untuk menanyakan butirnya dalam urutan apa pun, atau hapus `ordered`";
        ContradictsKind: "contradicts the kind", "bertentangan dengan jenisnya";

        // Typed answers written as numbers (`1..5`, `3.14 ± 0.01`).
        NotANumber: "`{part}` in the answer `{answer}` is not a number",
            "`{part}` dalam jawaban `{answer}` bukan bilangan";
        NotANumberLabel: "not a number", "bukan bilangan";
        NegativeTolerance: "the tolerance of `{answer}` is below zero",
            "toleransi `{answer}` kurang dari nol";
        NegativeToleranceLabel: "negative tolerance", "toleransi negatif";
        ReversedRange: "the range `{answer}` starts above where it ends",
            "rentang `{answer}` dimulai di atas ujung akhirnya";
        ReversedRangeLabel: "low end first", "tulis ujung bawah lebih dulu";
        RangeHelp: "write a number with a tolerance as `\"3.1415 ± 0.0005\"` (or `+-`), a range as `\"1..5\"` (both ends count), with a decimal point or comma",
            "tulis bilangan dengan toleransi sebagai `\"3.1415 ± 0.0005\"` (atau `+-`), rentang sebagai `\"1..5\"` (kedua ujung dihitung), dengan titik atau koma desimal";

        // Answers.
        AnswerIsHere: "`answer` is here", "`answer` ada di sini";
        AnswerAndCorrect: "`answer` and `correct` both give the right answer",
            "`answer` dan `correct` sama-sama memberi jawaban benar";
        ASecondAnswer: "a second answer", "jawaban kedua";
        AnswerAndCorrectHelp: "keep one: `answer = \"...\"` (the text of the one right option) or `correct = [0, 2]` (the indices of every right option, the first being 0)",
            "pertahankan satu: `answer = \"...\"` (teks satu pilihan yang benar) atau `correct = [0, 2]` (nomor urut setiap pilihan yang benar, yang pertama bernomor 0)";
        AnswerIsOptionText: "`answer` is the text of the correct option, copied from `options`",
            "`answer` adalah teks pilihan yang benar, disalin dari `options`";
        AnswerNotOption: "the answer `{answer}` is not one of the options",
            "jawaban `{answer}` tidak ada di antara pilihan";
        NoOptionHasText: "no option has this text", "tidak ada pilihan dengan teks ini";
        TheOptions: "the options", "pilihannya";
        WholeNumberOrList: "a whole number or a list of whole numbers",
            "bilangan bulat atau daftar bilangan bulat";
        CorrectHelp: "write `correct = 1` for the one right option or `correct = [0, 2]` for several, counting the options from 0",
            "tulis `correct = 1` untuk satu pilihan benar atau `correct = [0, 2]` untuk beberapa, menghitung pilihan dari 0";
        CorrectEmpty: "`correct` is empty", "`correct` kosong";
        NoRightOption: "no right option", "tidak ada pilihan benar";
        CorrectEmptyHelp: "list the indices of the right options, e.g. `correct = [0, 2]`",
            "daftarkan nomor urut pilihan yang benar, mis. `correct = [0, 2]`";
        OptionTwice: "option {index} is listed twice in `correct`",
            "pilihan {index} didaftar dua kali di `correct`";
        ListedBefore: "listed before", "sudah didaftar";
        ListOnce: "list each right option once", "daftarkan setiap pilihan benar sekali";
        IndexHelp: "an option is given by its index, the first option being 0",
            "pilihan disebut dengan nomor urutnya, pilihan pertama bernomor 0";
        NoSuchOption: "`correct` names option {written}, but there are {count} options, numbered 0 to {last}",
            "`correct` menyebut pilihan {written}, padahal ada {count} pilihan, bernomor 0 sampai {last}";
        NoSuchOptionLabel: "no such option", "pilihan itu tidak ada";
        CountFromZero: "options are counted from 0: `correct = 0` is the first option",
            "pilihan dihitung dari 0: `correct = 0` adalah pilihan pertama";
        OptionCount: "a choice question needs {min} to {max} options, found {count}",
            "soal pilihan memerlukan {min} sampai {max} pilihan, tertulis {count}";
        OptionCountLabel: "{count} options", "{count} pilihan";
        OneOption: "1 option", "1 pilihan";
        AddWrongOption: "add at least one wrong option a student might pick",
            "tambahkan sedikitnya satu pilihan salah yang mungkin dipilih mahasiswa";
        KeepOptions: "keep the {max} most plausible options; more are hard to read",
            "pertahankan {max} pilihan yang paling masuk akal; lebih dari itu sulit dibaca";
        FirstWrittenHere: "first written here", "pertama ditulis di sini";
        NoLetters: "{what} `{text}` has no letters or digits", "{what} `{text}` tidak berisi huruf atau angka";
        NothingToCompare: "nothing to compare", "tidak ada yang dapat dibandingkan";
        NoLettersHelp: "the quiz compares answers by their letters and digits only; write this one in words or numbers",
            "kuis membandingkan jawaban hanya dari huruf dan angkanya; tulis yang ini dengan kata atau angka";
        BooleanAnswer: "a boolean (`true` or `false`)", "boolean (`true` atau `false`)";
        TrueFalseHelp: "write `answer = true` if the prompt states something right, `answer = false` if it states something wrong, without quotes",
            "tulis `answer = true` bila pernyataannya benar, `answer = false` bila salah, tanpa tanda kutip";
        AListOfPairs: "a list of pairs", "daftar pasangan";
        QuestionPairsHelp: "write `pairs = [[\"left\", \"right\"], [\"left\", \"right\"]]`",
            "tulis `pairs = [[\"kiri\", \"kanan\"], [\"kiri\", \"kanan\"]]`";
        NotPairOfTexts: "an item of `pairs` is not a pair of texts", "satu butir `pairs` bukan pasangan dua teks";
        NotLeftRight: "not [\"left\", \"right\"]", "bukan [\"kiri\", \"kanan\"]";
        PairOfTextsHelp: "write each pair as two texts in brackets: [\"left\", \"right\"]",
            "tulis setiap pasangan sebagai dua teks dalam kurung siku: [\"kiri\", \"kanan\"]";
        AddMore: "add {count} more", "tambahkan {count} lagi";
        KeepMostUseful: "keep the {max} most useful; more are hard to read",
            "pertahankan {max} yang paling berguna; lebih dari itu sulit dibaca";
        CountOutOfRange: "`{field}` needs {min} to {max}, found {count}",
            "`{field}` memerlukan {min} sampai {max}, tertulis {count}";
        InTheList: "{count} in the list", "{count} dalam daftar";
        Answer: "answer", "jawaban";
        Option: "option", "pilihan";
        LeftSide: "left side", "sisi kiri";
        RightSide: "right side", "sisi kanan";
        Item: "item", "butir";
        DuplicateText: "duplicate {what} `{text}`", "{what} `{text}` ganda";
        SameAsEarlier: "the same as an earlier {what}", "sama dengan {what} sebelumnya";
        DuplicateTextHelp: "{what} texts are compared ignoring case, accents, spaces and punctuation; make every {what} different",
            "teks {what} dibandingkan tanpa memedulikan huruf besar, aksen, spasi dan tanda baca; buat setiap {what} berbeda";
    }
}
