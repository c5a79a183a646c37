use super::Lang;

/// The words of the live class quiz: the host's screens and log, and the
/// student's client (`kisi join`).
#[derive(Debug)]
pub struct RoomWords {
    pub title: &'static str,
    pub room_code: &'static str,
    pub join_with: &'static str,
    pub addresses: &'static str,
    pub no_addresses: &'static str,
    pub students_joined: fn(usize) -> String,
    pub nobody_yet: &'static str,
    /// port
    pub firewall: fn(u16) -> String,
    /// number, total
    pub question_of: fn(usize, usize) -> String,
    /// answers in, students
    pub answers_in: fn(usize, usize) -> String,
    pub paused: &'static str,
    pub no_limit: &'static str,
    pub right_answer: &'static str,
    pub explanation: &'static str,
    pub how_the_room_answered: &'static str,
    pub true_word: &'static str,
    pub false_word: &'static str,
    pub right: &'static str,
    pub wrong: &'static str,
    pub the_end: &'static str,
    pub per_question: &'static str,
    pub per_topic: &'static str,
    pub least_known: &'static str,
    pub leaderboard: &'static str,
    pub nothing_to_ask: &'static str,
    /// csv path
    pub results_in: fn(&str) -> String,
    pub log: &'static str,
    pub pick_student: &'static str,
    pub key_start: &'static str,
    pub key_reveal: &'static str,
    pub key_next: &'static str,
    pub key_skip: &'static str,
    pub key_pause: &'static str,
    pub key_extend: &'static str,
    pub key_remove: &'static str,
    pub key_end: &'static str,
    // The host's log.
    pub joined: fn(&str) -> String,
    pub resumed: fn(&str) -> String,
    pub left: fn(&str) -> String,
    pub removed_student: fn(&str) -> String,
    /// peer, reason
    pub refused: fn(&str, &str) -> String,
    /// path, error
    pub results_failed: fn(&str, &str) -> String,
    // The student's side.
    /// address
    pub connecting: fn(&str) -> String,
    /// address, port
    pub unreachable: fn(&str, u16) -> String,
    pub refused_connection: fn(&str, u16) -> String,
    /// address, port: something answered there, but not a kisi room.
    pub not_a_room: fn(&str, u16) -> String,
    pub ask_name: &'static str,
    /// name, pack title
    pub welcome: fn(&str, &str) -> String,
    pub waiting: &'static str,
    /// students in the lobby
    pub waiting_with: fn(usize) -> String,
    /// seconds
    pub seconds_left: fn(u64) -> String,
    pub sent: &'static str,
    pub time_up: &'static str,
    pub skipped: &'static str,
    pub your_answer: &'static str,
    pub no_answer: &'static str,
    pub reconnecting: &'static str,
    pub reconnected: &'static str,
    pub connection_lost: &'static str,
    /// earned, asked
    pub your_score: fn(&str, usize) -> String,
    pub your_rank: fn(usize) -> String,
    /// items, pack title
    pub saved_for_review: fn(usize, &str) -> String,
    pub bad_address: fn(&str) -> String,
    pub bad_code: fn(&str) -> String,
    /// What an error from the room means, for the student and the log.
    pub errors: &'static RoomErrorWords,
    // Extra time, granted per student.
    pub key_extra_time: &'static str,
    pub pick_extra_time: &'static str,
    pub key_change_extra: &'static str,
    /// name, factor ("×1.5")
    pub extra_granted: fn(&str, &str) -> String,
    /// time left to the last student with extra time
    pub extra_wait: fn(&str) -> String,
    /// the value given
    pub bad_extra_time: fn(&str) -> String,
    // Asking before the room closes.
    pub confirm_end: &'static str,
    pub confirm_quit: &'static str,
    pub key_confirm_end: &'static str,
    pub key_confirm_quit: &'static str,
    // Home's entry that opens a room.
    pub menu_host: &'static str,
    // Home's entry to join one, and its form.
    pub menu_join: &'static str,
    pub join_form_title: &'static str,
    pub field_address: &'static str,
    pub field_code: &'static str,
    pub field_name: &'static str,
    /// Under the field in focus: what to type there.
    pub address_hint: fn(u16) -> String,
    pub code_hint: &'static str,
    pub name_hint: &'static str,
    pub key_next_field: &'static str,
    pub key_join: &'static str,
    pub key_cancel: &'static str,
    /// A field left empty, named.
    pub field_missing: fn(&str) -> String,
    /// `name_taken` where the name is typed in the form, not given with --name.
    pub name_taken_here: &'static str,
    /// address, error: the room could not be opened from Home
    pub cannot_open_room: fn(&str, &str) -> String,
}

/// What each error from the room means, for the student and the log
/// (`ErrorCode::message` picks one).
#[derive(Debug)]
pub struct RoomErrorWords {
    pub wrong_code: &'static str,
    pub cut_off: &'static str,
    pub name_empty: &'static str,
    pub name_taken: &'static str,
    pub room_full: &'static str,
    pub room_over: &'static str,
    pub unknown_session: &'static str,
    pub removed: &'static str,
    pub not_open: &'static str,
    pub too_late: &'static str,
    pub already_answered: &'static str,
    pub out_of_turn: &'static str,
    pub malformed: &'static str,
    pub too_large: &'static str,
    pub unknown_version: &'static str,
    pub rate_limited: &'static str,
}

static ERRORS_INDONESIAN: RoomErrorWords = RoomErrorWords {
    wrong_code: "Kode ruang salah: periksa kode di layar dosen.",
    cut_off: "Terlalu banyak kode salah dari alamat ini: sambungan diputus.",
    name_empty: "Nama kosong: ketik nama Anda.",
    name_taken: "Nama itu sudah dipakai di ruang ini: pilih nama lain (--name).",
    room_full: "Ruang penuh: minta dosen memberi tempat (kisi host --max-students).",
    room_over: "Kuis di ruang ini sudah selesai.",
    unknown_session: "Sesi tidak dikenal di ruang ini: bergabunglah lagi dengan nama.",
    removed: "Dosen mengeluarkan Anda dari ruang ini.",
    not_open: "Pertanyaan itu belum dibuka.",
    too_late: "Terlambat: waktu pertanyaan ini sudah habis.",
    already_answered: "Pertanyaan ini sudah Anda jawab.",
    out_of_turn: "Pesan tidak pada gilirannya (bergabung dulu, sekali saja).",
    malformed: "Pesan rusak.",
    too_large: "Pesan terlalu besar.",
    unknown_version: "Versi protokol lain: pakai versi kisi yang sama dengan dosen.",
    rate_limited: "Terlalu banyak pesan: sebagian diabaikan.",
};

static ERRORS_ENGLISH: RoomErrorWords = RoomErrorWords {
    wrong_code: "Wrong room code: check the code on the lecturer's screen.",
    cut_off: "Too many wrong codes from this address: disconnected.",
    name_empty: "Empty name: type your name.",
    name_taken: "That name is taken in this room: choose another (--name).",
    room_full: "The room is full: ask the lecturer to make room (kisi host --max-students).",
    room_over: "This room's quiz is over.",
    unknown_session: "Session unknown to this room: join again with a name.",
    removed: "The lecturer removed you from this room.",
    not_open: "That question is not open.",
    too_late: "Too late: this question's time is up.",
    already_answered: "You already answered this question.",
    out_of_turn: "Message out of turn (join first, once).",
    malformed: "Malformed message.",
    too_large: "Message too large.",
    unknown_version: "Another protocol version: use the same kisi version as the lecturer.",
    rate_limited: "Too many messages: some were ignored.",
};

impl Lang {
    pub fn room_words(self) -> &'static RoomWords {
        match self {
            Lang::Id => &ROOM_INDONESIAN,
            Lang::En => &ROOM_ENGLISH,
        }
    }
}

pub(super) static ROOM_INDONESIAN: RoomWords = RoomWords {
    title: "Kuis kelas langsung",
    room_code: "Kode ruang",
    join_with: "Bergabung dengan",
    addresses: "Alamat",
    no_addresses: "(tidak ada alamat jaringan selain loopback)",
    students_joined: |n| format!("{n} mahasiswa bergabung"),
    nobody_yet: "Belum ada yang bergabung.",
    firewall: |port| {
        format!(
            "Jika mahasiswa tidak bisa tersambung, buka port TCP {port} di firewall komputer ini."
        )
    },
    question_of: |n, total| format!("Pertanyaan {n} dari {total}"),
    answers_in: |n, of| format!("jawaban masuk: {n}/{of}"),
    paused: "dijeda",
    no_limit: "tanpa batas waktu",
    right_answer: "Jawaban benar",
    explanation: "Penjelasan",
    how_the_room_answered: "Jawaban ruang",
    true_word: "Benar",
    false_word: "Salah",
    right: "benar",
    wrong: "salah",
    the_end: "Selesai",
    per_question: "Skor ruang per pertanyaan",
    per_topic: "Skor ruang per topik",
    least_known: "Tiga butir yang paling kurang dikuasai",
    leaderboard: "Peringkat",
    nothing_to_ask: "Tidak ada pertanyaan untuk pilihan ini.",
    results_in: |path| format!("Hasil: {path}"),
    log: "Catatan",
    pick_student: "Keluarkan siapa? (↑↓, Enter; Esc batal)",
    key_start: "mulai",
    key_reveal: "tampilkan jawaban",
    key_next: "berikutnya",
    key_skip: "lewati",
    key_pause: "jeda waktu",
    key_extend: "tambah waktu",
    key_remove: "keluarkan mahasiswa",
    key_end: "akhiri",
    joined: |name| format!("bergabung: {name}"),
    resumed: |name| format!("tersambung lagi: {name}"),
    left: |name| format!("terputus: {name}"),
    removed_student: |name| format!("dikeluarkan: {name}"),
    refused: |peer, reason| format!("ditolak dari {peer}: {reason}"),
    results_failed: |path, error| format!("hasil tidak bisa ditulis ke {path}: {error}"),
    connecting: |address| format!("Menyambung ke {address} …"),
    unreachable: |address, port| {
        format!(
            "Dosen di {address} tidak terjangkau: periksa alamatnya dan jaringan (port TCP {port} harus terbuka di firewall dosen)."
        )
    },
    refused_connection: |address, port| {
        format!(
            "{address} menolak sambungan: kuis belum dibuka di port {port}, atau firewall menutup port itu."
        )
    },
    not_a_room: |address, port| {
        format!(
            "{address} menjawab, tetapi bukan kuis kelas kisi: periksa alamat dan port {port} yang diberikan dosen."
        )
    },
    ask_name: "Nama Anda: ",
    welcome: |name, title| format!("Bergabung sebagai {name} — {title}"),
    waiting: "Menunggu dosen memulai …",
    waiting_with: |n| format!("Menunggu dosen memulai … ({n} mahasiswa di ruang)"),
    seconds_left: |s| format!("sisa {s} detik"),
    sent: "Terkirim.",
    time_up: "Waktu habis.",
    skipped: "Pertanyaan ini dilewati.",
    your_answer: "Jawaban Anda",
    no_answer: "(tidak menjawab)",
    reconnecting: "Sambungan terputus; menyambung lagi …",
    reconnected: "Tersambung lagi.",
    connection_lost: "Sambungan ke dosen hilang.",
    your_score: |earned, asked| format!("Skor Anda: {earned} dari {asked}"),
    your_rank: |rank| format!("Peringkat Anda: {rank}"),
    saved_for_review: |n, title| {
        format!("{n} butir yang terlewat masuk ke Ulangan Anda untuk {title}.")
    },
    bad_address: |text| format!("Alamat tidak bisa dibaca: {text} (contoh: 10.1.2.3:7878)"),
    bad_code: |text| {
        format!("Kode ruang tidak sah: {text} (6 huruf/angka, tanpa 0, O, 1, l atau I)")
    },
    errors: &ERRORS_INDONESIAN,
    key_extra_time: "waktu tambahan",
    pick_extra_time: "Waktu tambahan untuk siapa? (↑↓, Enter mengubah; Esc selesai)",
    key_change_extra: "ubah waktu tambahan",
    extra_granted: |name, factor| format!("waktu tambahan untuk {name}: {factor}"),
    extra_wait: |clock| format!("waktu tambahan {clock}"),
    bad_extra_time: |text| {
        format!(
            "--extra-time tidak bisa dibaca: {text} (contoh: --extra-time Ani=1,5; faktor 1 sampai 4)"
        )
    },
    confirm_end: "Akhiri kuis untuk semua mahasiswa? y/n",
    confirm_quit: "Keluar? Ruang ditutup untuk semua mahasiswa. y/n",
    key_confirm_end: "akhiri",
    key_confirm_quit: "keluar",
    menu_host: "Kuis kelas langsung",
    menu_join: "Gabung kuis kelas",
    join_form_title: "Gabung kuis kelas langsung",
    field_address: "Alamat dosen",
    field_code: "Kode ruang",
    field_name: "Nama Anda",
    address_hint: |port| {
        format!("Seperti di layar dosen, mis. 10.1.2.3:{port} (tanpa port: {port}).")
    },
    code_hint: "6 huruf/angka di layar dosen; huruf besar atau kecil sama saja.",
    name_hint: "Nama Anda di ruang; disimpan untuk lain kali.",
    key_next_field: "isian lain",
    key_join: "gabung",
    key_cancel: "batal",
    field_missing: |field| format!("Isi dulu: {field}."),
    name_taken_here: "Nama itu sudah dipakai di ruang ini: ketik nama lain.",
    cannot_open_room: |address, error| format!("Ruang tidak bisa dibuka di {address}: {error}"),
};

pub(super) static ROOM_ENGLISH: RoomWords = RoomWords {
    title: "Live class quiz",
    room_code: "Room code",
    join_with: "Join with",
    addresses: "Addresses",
    no_addresses: "(no network address but loopback)",
    students_joined: |n| match n {
        1 => "1 student joined".to_owned(),
        n => format!("{n} students joined"),
    },
    nobody_yet: "Nobody has joined yet.",
    firewall: |port| {
        format!("If students cannot connect, open TCP port {port} in this machine's firewall.")
    },
    question_of: |n, total| format!("Question {n} of {total}"),
    answers_in: |n, of| format!("answers in: {n}/{of}"),
    paused: "paused",
    no_limit: "no time limit",
    right_answer: "Right answer",
    explanation: "Explanation",
    how_the_room_answered: "How the room answered",
    true_word: "True",
    false_word: "False",
    right: "right",
    wrong: "wrong",
    the_end: "The end",
    per_question: "Room's score per question",
    per_topic: "Room's score per topic",
    least_known: "The three items the room knew least",
    leaderboard: "Leaderboard",
    nothing_to_ask: "Nothing to ask for this choice.",
    results_in: |path| format!("Results: {path}"),
    log: "Log",
    pick_student: "Remove whom? (↑↓, Enter; Esc cancels)",
    key_start: "start",
    key_reveal: "reveal",
    key_next: "next",
    key_skip: "skip",
    key_pause: "pause clock",
    key_extend: "extend time",
    key_remove: "remove a student",
    key_end: "end",
    joined: |name| format!("joined: {name}"),
    resumed: |name| format!("back: {name}"),
    left: |name| format!("dropped: {name}"),
    removed_student: |name| format!("removed: {name}"),
    refused: |peer, reason| format!("refused from {peer}: {reason}"),
    results_failed: |path, error| format!("cannot write the results to {path}: {error}"),
    connecting: |address| format!("Connecting to {address} …"),
    unreachable: |address, port| {
        format!(
            "The lecturer at {address} cannot be reached: check the address and the network (TCP port {port} must be open in the lecturer's firewall)."
        )
    },
    refused_connection: |address, port| {
        format!(
            "{address} refused the connection: no quiz is open on port {port}, or a firewall closes that port."
        )
    },
    not_a_room: |address, port| {
        format!(
            "{address} answered, but it is not a kisi class quiz: check the address and the port {port} the lecturer gave."
        )
    },
    ask_name: "Your name: ",
    welcome: |name, title| format!("Joined as {name} — {title}"),
    waiting: "Waiting for the lecturer to start …",
    waiting_with: |n| match n {
        1 => "Waiting for the lecturer to start … (1 student in the room)".to_owned(),
        n => format!("Waiting for the lecturer to start … ({n} students in the room)"),
    },
    seconds_left: |s| format!("{s} s left"),
    sent: "Sent.",
    time_up: "Time is up.",
    skipped: "This question was skipped.",
    your_answer: "Your answer",
    no_answer: "(no answer)",
    reconnecting: "Connection lost; reconnecting …",
    reconnected: "Reconnected.",
    connection_lost: "The connection to the lecturer is lost.",
    your_score: |earned, asked| format!("Your score: {earned} of {asked}"),
    your_rank: |rank| format!("Your place: {rank}"),
    saved_for_review: |n, title| format!("{n} missed items are now in your review for {title}."),
    bad_address: |text| format!("Cannot read the address: {text} (for example 10.1.2.3:7878)"),
    bad_code: |text| format!("Not a room code: {text} (6 letters or digits, no 0, O, 1, l or I)"),
    errors: &ERRORS_ENGLISH,
    key_extra_time: "extra time",
    pick_extra_time: "Extra time for whom? (↑↓, Enter changes it; Esc when done)",
    key_change_extra: "change extra time",
    extra_granted: |name, factor| format!("extra time for {name}: {factor}"),
    extra_wait: |clock| format!("extra time {clock}"),
    bad_extra_time: |text| {
        format!(
            "Cannot read --extra-time {text} (for example --extra-time Ani=1.5; a factor from 1 to 4)"
        )
    },
    confirm_end: "End the quiz for everyone? y/n",
    confirm_quit: "Quit? The room closes for every student. y/n",
    key_confirm_end: "end it",
    key_confirm_quit: "quit",
    menu_host: "Live class quiz",
    menu_join: "Join a class quiz",
    join_form_title: "Join a live class quiz",
    field_address: "Lecturer's address",
    field_code: "Room code",
    field_name: "Your name",
    address_hint: |port| {
        format!("As on the lecturer's screen, e.g. 10.1.2.3:{port} (no port: {port}).")
    },
    code_hint: "6 letters or digits on the lecturer's screen, in any case.",
    name_hint: "Your name in the room; kept for next time.",
    key_next_field: "other field",
    key_join: "join",
    key_cancel: "cancel",
    field_missing: |field| format!("Fill in first: {field}."),
    name_taken_here: "That name is taken in this room: type another.",
    cannot_open_room: |address, error| format!("Cannot open the room on {address}: {error}"),
};
