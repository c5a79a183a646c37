//! The loader's words: reading the files, the fields of a table, ids and
//! references, `member`, `pairs`, `also` and the `[exam]` table.
//! One line per language keeps each text beside its translation; the table
//! is long because the loader checks that much (one reason per problem).

use super::keys;

keys! {
    /// The loader's texts.
    LoadKey => Load {
        // Files and folders.
        CannotReadFolder: "cannot read the pack folder: {error}",
            "folder paket tidak dapat dibaca: {error}";
        GiveFolderWithManifest: "give the folder that holds pack.toml",
            "berikan folder yang berisi pack.toml";
        CheckPackPath: "check the path; a pack is a folder with pack.toml and one .toml file per topic",
            "periksa jalurnya; paket adalah folder berisi pack.toml dan satu berkas .toml per topik";
        CannotListFolder: "cannot list the pack folder: {error}",
            "isi folder paket tidak dapat didaftar: {error}";
        CheckFolderPermissions: "check the folder's permissions",
            "periksa izin akses folder itu";
        CannotReadFile: "cannot read the file: {error}",
            "berkas tidak dapat dibaca: {error}";
        CheckPermissions: "check the permissions of the file and of the pack folder (kisi must be able to open the folder and read its files)",
            "periksa izin akses berkas dan folder paket (kisi harus dapat membuka folder itu dan membaca berkasnya)";
        CheckReadable: "check that the file exists and is readable",
            "pastikan berkas itu ada dan dapat dibaca";
        DanglingLink: "a symbolic link that cannot be followed: {error}",
            "tautan simbolik yang tidak dapat diikuti: {error}";
        DanglingLinkHelp: "the link points at nothing, or at itself through other links; replace it by the file itself",
            "tautan itu tidak menunjuk ke mana pun, atau ke dirinya sendiri lewat tautan lain; ganti dengan berkasnya sendiri";
        LinkOutside: "a symbolic link to a file outside the pack folder",
            "tautan simbolik ke berkas di luar folder paket";
        LinkOutsideHelp: "kisi reads only files inside the pack folder; copy the file into the folder instead of linking to it",
            "kisi hanya membaca berkas di dalam folder paket; salin berkas itu ke dalam folder, jangan ditautkan";
        NotRegularFile: "not a regular file but {what}",
            "bukan berkas biasa melainkan {what}";
        NotRegularFileHelp: "a pack file must be a plain text file; replace it by one, or remove it",
            "berkas paket harus berkas teks biasa; ganti dengan berkas teks, atau hapus";
        Fifo: "a named pipe (FIFO)", "pipa bernama (FIFO)";
        Socket: "a socket", "soket";
        Device: "a device", "perangkat";
        SpecialFile: "a special file", "berkas khusus";
        AFolder: "a folder, not a file", "sebuah folder, bukan berkas";
        GiveFilePath: "give the path of a file", "berikan jalur sebuah berkas";
        TooLarge: "the file is larger than {mib} MiB", "berkas lebih besar dari {mib} MiB";
        TooLargeHelp: "a pack file should be far smaller; split the material into several topic files",
            "berkas paket semestinya jauh lebih kecil; bagi materinya ke beberapa berkas topik";
        SecondManifest: "a second manifest", "manifes kedua";
        SecondManifestHelp: "a pack has exactly one pack.toml; load one pack at a time",
            "satu paket punya tepat satu pack.toml; muat satu paket setiap kali";
        NoManifest: "no manifest: the pack has no pack.toml",
            "tidak ada manifes: paket ini tidak punya pack.toml";
        NoManifestHelp: "create pack.toml with a [pack] table (id, title, language, version, description) and at least one [[sources]] item (id, citation)",
            "buat pack.toml dengan tabel [pack] (id, title, language, version, description) dan sedikitnya satu butir [[sources]] (id, citation)";
        NestedPack: "did you mean `kisi check {dir}`? The pack is in the folder below: {manifest}",
            "maksud Anda `kisi check {dir}`? Paketnya ada di folder di bawahnya: {manifest}";
        // The same, for a command given the folder with --content: the
        // command line as typed, with the folder below in its place.
        NestedContent: "did you mean `{command}`? The pack is in the folder below: {manifest}",
            "maksud Anda `{command}`? Paketnya ada di folder di bawahnya: {manifest}";
        NoTopics: "the pack has no topic files", "paket ini tidak punya berkas topik";
        NoTopicsHelp: "add a topic file next to pack.toml, e.g. 01-intro.toml with a [topic] table and [[entries]]",
            "tambahkan berkas topik di samping pack.toml, mis. 01-pengantar.toml dengan tabel [topic] dan [[entries]]";
        NotUtf8: "the file is not valid UTF-8", "berkas ini bukan UTF-8 yang sah";
        InvalidByte: "invalid byte 0x{byte}", "bita tidak sah 0x{byte}";
        SaveAsUtf8: "save the file with the UTF-8 encoding", "simpan berkas dengan pengodean UTF-8";

        // TOML syntax.
        InvalidToml: "invalid TOML: {detail}", "TOML tidak sah: {detail}";
        FixToml: "fix the TOML syntax here (see https://toml.io)",
            "perbaiki sintaks TOML di sini (lihat https://toml.io)";
        Here: "here", "di sini";
        DuplicateKey: "duplicate key `{key}`", "kunci `{key}` ganda";
        DuplicateKeyLabel: "written again here", "ditulis lagi di sini";
        DuplicateKeyFirst: "first written here", "pertama ditulis di sini";
        DuplicateKeyHelp: "a key may appear only once in a table; remove or rename one of them",
            "satu kunci hanya boleh muncul sekali dalam satu tabel; hapus atau ganti nama salah satunya";
        NestedTooDeeply: "keys or tables nested too deeply", "kunci atau tabel bersarang terlalu dalam";
        NestedTooDeeplyHelp: "a pack needs only a few levels of nesting; flatten the structure",
            "paket hanya perlu sedikit tingkat sarang; ratakan strukturnya";
        MoreSyntaxErrors: "{count} more TOML syntax errors in this file",
            "{count} kesalahan sintaks TOML lagi dalam berkas ini";
        MoreSyntaxErrorsHelp: "fix the errors above first; is this really a TOML file?",
            "perbaiki dulu kesalahan di atas; benarkah ini berkas TOML?";

        // Tables and fields.
        TheManifestTable: "pack.toml", "pack.toml";
        ATopicFile: "a topic file", "berkas topik";
        TheManifest: "the manifest", "manifes";
        ThisTopicFile: "this topic file", "berkas topik ini";
        UnknownField: "unknown field `{name}` in {table}", "kolom `{name}` tidak dikenal di {table}";
        UnknownFieldLabel: "unknown field", "kolom tidak dikenal";
        DidYouMean: "did you mean `{close}`?", "maksud Anda `{close}`?";
        FieldsOf: "remove it; the fields of {table} are: {fields}",
            "hapus; kolom {table} adalah: {fields}";
        MissingField: "missing field `{key}` in {table}", "kolom `{key}` tidak ada di {table}";
        MissingFieldLabel: "this table has no `{key}`", "tabel ini tidak punya `{key}`";
        MissingFieldHelp: "add `{key} = {example}` to this table",
            "tambahkan `{key} = {example}` ke tabel ini";
        WrongType: "expected {expected}, found {found} for `{key}`",
            "`{key}` harus {expected}, tertulis {found}";
        ThisIs: "this is {found}", "ini {found}";
        WriteAs: "write `{key}` as {expected}", "tulis `{key}` sebagai {expected}";
        AString: "a string", "teks (string)";
        AnInteger: "an integer", "bilangan bulat";
        AFloat: "a float", "bilangan pecahan";
        ABooleanFound: "a boolean", "boolean";
        ADatetime: "a date-time", "tanggal-waktu";
        AnArray: "an array", "daftar (array)";
        ATableFound: "a table", "tabel";
        ABoolean: "a boolean (`true` or `false`)", "boolean (`true` atau `false`)";
        AWholeNumber: "a whole number", "bilangan bulat";
        ATable: "a table ({name})", "tabel ({name})";
        AnArrayOfPairs: "an array of pairs", "daftar pasangan";
        MissingTable: "missing table {name} in {file}", "tabel {name} tidak ada di {file}";
        MissingTableLabel: "no {name} in this file", "tidak ada {name} di berkas ini";
        MissingTableHelp: "add a {name} table, e.g.\n{example}",
            "tambahkan tabel {name}, mis.\n{example}";
        OutOfRange: "`{key}` must be from {min} to {max}, not {value}",
            "`{key}` harus dari {min} sampai {max}, bukan {value}";
        OutOfRangeLabel: "out of range", "di luar batas";
        OutOfRangeHelp: "{meaning}; write a whole number from {min} to {max}",
            "{meaning}; tulis bilangan bulat dari {min} sampai {max}";
        LineBreak: "`{key}` has a line break", "`{key}` berisi pindah baris";
        LineBreakLabel: "a text of several lines", "teks beberapa baris";
        LineBreakHelp: "`{key}` is shown on one line; write it on one line, as \"...\" rather than \"\"\"...\"\"\"",
            "`{key}` ditampilkan pada satu baris; tulis pada satu baris, sebagai \"...\", bukan \"\"\"...\"\"\"";
        ControlCharacter: "`{key}` contains the control character U+{code}",
            "`{key}` berisi karakter kendali U+{code}";
        ControlCharacterLabel: "contains a control character", "berisi karakter kendali";
        ControlCharacterHelp: "a pack must not contain terminal control codes; remove the character (only line breaks and tabs are allowed)",
            "paket tidak boleh berisi kode kendali terminal; hapus karakter itu (hanya pindah baris dan tab yang boleh)";
        BidiCharacter: "`{key}` contains the bidirectional control character U+{code}",
            "`{key}` berisi karakter kendali arah teks U+{code}";
        BidiCharacterLabel: "reorders the text around it", "mengubah urutan teks di sekitarnya";
        BidiCharacterHelp: "a pack must not contain characters that change the order in which text is shown; remove the character",
            "paket tidak boleh berisi karakter yang mengubah urutan tampilan teks; hapus karakter itu";
        InvisibleCharacter: "`{key}` contains the invisible character U+{code}",
            "`{key}` berisi karakter tak terlihat U+{code}";
        InvisibleCharacterLabel: "an invisible character", "karakter tak terlihat";
        InvisibleCharacterHelp: "a pack must not contain zero-width, filler or other invisible characters; remove the character (use a plain space between words)",
            "paket tidak boleh berisi karakter lebar-nol, pengisi, atau karakter tak terlihat lain; hapus karakter itu (pakai spasi biasa di antara kata)";
        EmptyList: "`{key}` is empty", "`{key}` kosong";
        EmptyListLabel: "empty list", "daftar kosong";
        EmptyListHelp: "add at least one item, or remove `{key}`",
            "tambahkan sedikitnya satu butir, atau hapus `{key}`";
        EmptyItem: "an item of `{key}` is empty", "satu butir `{key}` kosong";
        EmptyItemHelp: "write the text of this item, or remove it from the list",
            "tulis teks butir ini, atau hapus dari daftar";
        EmptyText: "`{key}` is empty", "`{key}` kosong";
        EmptyTextLabel: "empty text", "teks kosong";
        EmptyTextHelp: "write the text of `{key}`, or remove the field",
            "tulis teks `{key}`, atau hapus kolom itu";

        // The manifest and the topics.
        NoSources: "pack.toml has no [[sources]]", "pack.toml tidak punya [[sources]]";
        NoSourcesLabel: "no [[sources]] in this file", "tidak ada [[sources]] di berkas ini";
        NoSourcesHelp: "add at least one source that entries cite:\n[[sources]]\nid = \"my-source\"\ncitation = \"Author (Year). Title. Publisher.\"",
            "tambahkan sedikitnya satu sumber yang dikutip entri:\n[[sources]]\nid = \"sumber-saya\"\ncitation = \"Penulis (Tahun). Judul. Penerbit.\"";
        NoEntries: "this topic file has no entries", "berkas topik ini tidak punya entri";
        NoEntriesLabel: "a topic without [[entries]]", "topik tanpa [[entries]]";
        NoEntriesHelp: "add at least one entry:\n[[entries]]\nid = \"my-entry\"\ntitle = \"...\"\nbody = \"...\"\nsource = \"my-source\"",
            "tambahkan sedikitnya satu entri:\n[[entries]]\nid = \"entri-saya\"\ntitle = \"...\"\nbody = \"...\"\nsource = \"sumber-saya\"";
        ListsItself: "an entry lists itself in see_also", "entri mencantumkan dirinya sendiri di see_also";
        ListsItselfLabel: "this entry's own id", "id entri ini sendiri";
        ListsItselfHelp: "remove it; see_also names other, related entries",
            "hapus; see_also menyebut entri lain yang terkait";
        DuplicatePointLabel: "duplicate point label `{label}`", "label poin `{label}` ganda";
        UsedAgainHere: "used again here", "dipakai lagi di sini";
        FirstUsedHere: "first used here", "pertama dipakai di sini";
        DuplicatePointLabelHelp: "give every point of an entry its own label (points without a label are numbered 1, 2, ...)",
            "beri setiap poin satu entri labelnya sendiri (poin tanpa label diberi nomor 1, 2, ...)";
        NotLanguageTag: "`language = \"{tag}\"` is not a BCP 47 language tag",
            "`language = \"{tag}\"` bukan tag bahasa BCP 47";
        NotLanguageTagLabel: "not a language tag", "bukan tag bahasa";
        NotLanguageTagHelp: "write a tag such as \"id\" (Indonesian), \"en\" (English) or \"en-GB\": letters and hyphens, no underscores or spaces; the interface speaks the pack's language when it is Indonesian or English",
            "tulis tag seperti \"id\" (Indonesia), \"en\" (Inggris) atau \"en-GB\": huruf dan tanda hubung, tanpa garis bawah atau spasi; antarmuka memakai bahasa paket bila bahasanya Indonesia atau Inggris";
        IdTooLong: "the id is {length} characters long", "id ini panjangnya {length} karakter";
        IdTooLongLabel: "longer than {max} characters", "lebih dari {max} karakter";
        IdTooLongHelp: "ids are at most {max} characters (progress is saved in files named after them); use a shorter id",
            "id paling panjang {max} karakter (kemajuan disimpan dalam berkas yang dinamai menurut id); pakai id yang lebih pendek";
        InvalidId: "invalid id `{id}`", "id `{id}` tidak sah";
        InvalidIdLabel: "ids may only use a-z, 0-9 and `-`", "id hanya boleh memakai a-z, 0-9 dan `-`";
        InvalidIdHelp: "use lowercase ASCII letters, digits and `-`, e.g. `{suggestion}`",
            "pakai huruf kecil ASCII, angka dan `-`, mis. `{suggestion}`";

        // Ids and references across files.
        Topic: "topic", "topik";
        Entry: "entry", "entri";
        Question: "question", "soal";
        SourceId: "source id", "id sumber";
        TopicId: "topic id", "id topik";
        EntryId: "entry id", "id entri";
        QuestionId: "question id", "id soal";
        AnyId: "id", "id";
        DuplicateId: "duplicate {what} `{id}`", "{what} `{id}` ganda";
        DefinedAgainHere: "defined again here", "didefinisikan lagi di sini";
        FirstDefinedHere: "first defined here", "pertama didefinisikan di sini";
        DuplicateIdHelp: "every {what} must be unique in the pack; rename one of them",
            "setiap {what} harus unik dalam paket; ganti nama salah satunya";
        SharedIdsHelp: "topics, entries and questions share one set of ids; rename the {first} or the {second}",
            "topik, entri dan soal memakai satu himpunan id bersama; ganti nama {first} itu atau {second} ini";
        CopiedIds: "{count} ids of {file} are already defined in {first}",
            "{count} id di {file} sudah didefinisikan di {first}";
        CopiedIdsLabel: "the first of them", "yang pertama";
        CopiedIdsHelp: "{file} looks like a copy of {first}: delete the copy, or give its topic, entries and questions ids of their own",
            "{file} tampaknya salinan {first}: hapus salinannya, atau beri topik, entri dan soalnya id sendiri";
        RepeatedIdsHelp: "every id must be unique in the pack; give the topic, entries and questions of {file} ids of their own",
            "setiap id harus unik dalam paket; beri topik, entri dan soal di {file} id sendiri";
        UnknownSource: "unknown source `{id}`", "sumber `{id}` tidak dikenal";
        UnknownSourceLabel: "no [[sources]] item of pack.toml has this id",
            "tidak ada butir [[sources]] di pack.toml dengan id ini";
        UnknownSourceHelp: "add a [[sources]] item with id = \"{id}\" to pack.toml, or use one of: {ids}",
            "tambahkan butir [[sources]] dengan id = \"{id}\" ke pack.toml, atau pakai salah satu dari: {ids}";
        DidYouMeanOrOneOf: "did you mean `{close}`? The sources are: {ids}",
            "maksud Anda `{close}`? Sumbernya: {ids}";
        NotAnEntry: "`{id}` is a {kind}, not an entry", "`{id}` adalah {kind}, bukan entri";
        AKindId: "a {kind} id", "id {kind}";
        UnknownEntrySeeAlso: "unknown entry `{id}` in see_also", "entri `{id}` di see_also tidak dikenal";
        UnknownEntryTested: "unknown entry `{id}` tested by a question",
            "entri `{id}` yang diuji soal tidak dikenal";
        NoEntryHasId: "no entry has this id", "tidak ada entri dengan id ini";
        SeeAlsoUnknownHelp: "see_also lists ids of entries of this pack; check the spelling",
            "see_also berisi id entri paket ini; periksa ejaannya";
        SeeAlsoNotEntryHelp: "see_also lists entry ids; name an entry instead",
            "see_also berisi id entri; sebut sebuah entri";
        TestedUnknownHelp: "`entry` is the id of the entry of this pack that the question tests; check the spelling",
            "`entry` adalah id entri paket ini yang diuji soal itu; periksa ejaannya";
        TestedNotEntryHelp: "`entry` names the entry the question tests; name an entry instead",
            "`entry` menyebut entri yang diuji soal itu; sebut sebuah entri";

        // `member`, `pairs`, `overview`, `distractors`, `also`.
        MemberEmpty: "`member` names no noun", "`member` tidak menyebut kata benda apa pun";
        EmptyTable: "empty table", "tabel kosong";
        MemberEmptyHelp: "write how one member is named in a question, per UI language, e.g. member = { id = \"peran pekerja sosial\", en = \"role of a social worker\" }",
            "tulis cara menyebut satu anggota dalam soal, per bahasa antarmuka, mis. member = { id = \"peran pekerja sosial\", en = \"role of a social worker\" }";
        PairsHelp: "write `pairs = [[\"80\", \"HTTP\"], [\"443\", \"HTTPS\"]]`",
            "tulis `pairs = [[\"80\", \"HTTP\"], [\"443\", \"HTTPS\"]]`";
        PairNotTwoTexts: "a pair must be two texts", "pasangan harus berupa dua teks";
        NotAPair: "not a pair", "bukan pasangan";
        PairNotTwoTextsHelp: "write each pair as [\"left\", \"right\"], e.g. [\"80\", \"HTTP\"]",
            "tulis setiap pasangan sebagai [\"kiri\", \"kanan\"], mis. [\"80\", \"HTTP\"]";
        PairUnsafe: "a pair contains a control or invisible character",
            "pasangan berisi karakter kendali atau tak terlihat";
        PairUnsafeHelp: "write the pair as plain text on one line",
            "tulis pasangan sebagai teks biasa pada satu baris";
        LeftPairedTwice: "the left side `{left}` is paired twice", "sisi kiri `{left}` dipasangkan dua kali";
        PairedAgainHere: "paired again here", "dipasangkan lagi di sini";
        LeftPairedTwiceHelp: "a matching question needs one right side per left side; merge the pairs or remove one",
            "soal menjodohkan perlu satu sisi kanan untuk setiap sisi kiri; gabungkan pasangannya atau hapus satu";
        TooFewPairs: "`pairs` has fewer than two pairs", "`pairs` berisi kurang dari dua pasangan";
        TooFewPairsLabel: "too few pairs", "pasangan terlalu sedikit";
        TooFewPairsHelp: "matching needs at least two pairs; add more or remove `pairs`",
            "menjodohkan perlu sedikitnya dua pasangan; tambahkan atau hapus `pairs`";
        OverviewWithoutPoints: "an overview entry without points", "entri ikhtisar tanpa poin";
        OverviewWithoutPointsHelp: "an overview lists other entries of the topic as its points; add them as [[entries.points]], or remove `overview`",
            "ikhtisar mendaftar entri lain topik itu sebagai poinnya; tambahkan sebagai [[entries.points]], atau hapus `overview`";
        RightDistractor: "a distractor that is a right answer of this entry",
            "pengecoh yang merupakan jawaban benar entri ini";
        RightDistractorLabel: "also a point, an `also` or the title",
            "juga sebuah poin, sebuah `also` atau judulnya";
        RightDistractorHelp: "distractors are wrong options; remove this one or write a wrong answer instead",
            "pengecoh adalah pilihan yang salah; hapus yang ini atau tulis jawaban yang salah";
        AlsoIsPoint: "an `also` that is another point of this entry",
            "`also` yang merupakan poin lain entri ini";
        AlsoIsPointLabel: "the text of another point", "teks poin lain";
        AlsoIsPointHelp: "`also` lists other ways to write this point; remove this one",
            "`also` berisi cara lain menulis poin ini; hapus yang ini";

        // The `[exam]` table.
        ExamQuestionsMeaning: "`questions` is the number of questions of the whole exam",
            "`questions` adalah jumlah soal seluruh ujian";
        ExamTimeMeaning: "`time_limit_minutes` is the time allowed for the whole exam, in minutes",
            "`time_limit_minutes` adalah waktu untuk seluruh ujian, dalam menit";
        ExamPassMeaning: "`pass_mark` is the score needed to pass, in percent",
            "`pass_mark` adalah nilai untuk lulus, dalam persen";
        ExamTopicQuestionsMeaning: "a listed topic gets at least one question (to ask none from a topic, leave it out and make the listed topics add up to the exam's `questions`)",
            "topik yang didaftar mendapat sedikitnya satu soal (agar sebuah topik tidak ditanyakan, jangan didaftar dan buat jumlah topik yang didaftar sama dengan `questions` ujian)";
        ExamHasQuestions: "the exam has {total} questions", "ujian ini punya {total} soal";
        ExamDefaultQuestions: "without `questions` the exam has {total}",
            "tanpa `questions` ujian ini punya {total} soal";
        SetQuestions: "set `questions = {sum}`", "tulis `questions = {sum}`";
        AddQuestions: "add `questions = {sum}` to [exam]", "tambahkan `questions = {sum}` ke [exam]";
        TopicsAskFor: "these topics ask for {sum} questions", "topik-topik ini meminta {sum} soal";
        ExamTooMany: "the topics of [exam] ask for {sum} questions, more than the {total} of the exam",
            "topik [exam] meminta {sum} soal, lebih dari {total} soal ujian";
        ExamTooManyHelp: "give the topics fewer questions, or {fix}",
            "kurangi soal topiknya, atau {fix}";
        ExamTooFew: "the topics of [exam] ask for {sum} questions, fewer than the {total} of the exam",
            "topik [exam] meminta {sum} soal, kurang dari {total} soal ujian";
        ExamTooFewHelp: "every topic is listed, so none is left to take the other {rest}; {fix}, give the topics more questions, or leave a topic out of the list to let it take the rest",
            "semua topik sudah didaftar, jadi tidak ada yang tersisa untuk {rest} soal lainnya; {fix}, tambah soal topiknya, atau keluarkan satu topik dari daftar agar topik itu mengambil sisanya";
        ExamTopicTwice: "topic `{topic}` is listed twice in [exam]", "topik `{topic}` didaftar dua kali di [exam]";
        ListedAgainHere: "listed again here", "didaftar lagi di sini";
        FirstListedHere: "first listed here", "pertama didaftar di sini";
        ExamTopicTwiceHelp: "list each topic once, with all its questions",
            "daftarkan setiap topik sekali, dengan semua soalnya";
        NotATopic: "`{id}` is {kind}, not a topic", "`{id}` adalah {kind}, bukan topik";
        KindIdLabel: "{kind} id", "id {kind}";
        AnEntryArticle: "an entry", "entri";
        AQuestionArticle: "a question", "soal";
        ATopicArticle: "a topic", "topik";
        ExamListsTopics: "[[exam.topics]] lists topics; name the topic it belongs to",
            "[[exam.topics]] berisi topik; sebut topik tempat id itu berada";
        UnknownExamTopic: "unknown topic `{id}` in [exam]", "topik `{id}` di [exam] tidak dikenal";
        NoTopicHasId: "no topic has this id", "tidak ada topik dengan id ini";
        ExamTopicIs: "`topic` is the id of a [topic] of this pack: {ids}",
            "`topic` adalah id sebuah [topic] paket ini: {ids}";
    }
}
