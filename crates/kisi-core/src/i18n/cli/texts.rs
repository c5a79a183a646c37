//! The help texts of the command line in Indonesian, by subcommand and
//! argument id; the English ones are the doc comments of `src/cli.rs` and
//! its argument structs. clap's own lists of values and defaults are
//! hidden in Indonesian (they would be English), so each text names them.

/// (subcommand, argument id, text); an empty id is the command's about, an
/// empty subcommand the top level, whose global options stand for every
/// subcommand's.
pub(super) static INDONESIAN: &[(&str, &str, &str)] = &[
    (
        "",
        "",
        "Panduan belajar di terminal: jelajahi, cari, dan uji diri sendiri",
    ),
    ("", "content", "Muat paket di DIR, bukan paket bawaan."),
    (
        "",
        "no_cache",
        "Baca --content dari berkas TOML-nya setiap kali, tanpa salinan terkompilasi di folder cache (juga `KISI_NO_CACHE=1`).",
    ),
    (
        "",
        "data_dir",
        "Simpan kemajuan di DIR (mis. flashdisk), bukan di folder data pengguna.",
    ),
    (
        "",
        "exam_date",
        "Tanggal ujian Anda (TTTT-BB-HH): ulangan direncanakan agar setiap butir terlihat, dan yang lemah kembali, sebelum tanggal itu. Disimpan untuk lain kali.",
    ),
    (
        "",
        "lang",
        "Bahasa antarmuka: `id` (bahasa Indonesia) atau `en` (Inggris). Bawaan: `language` paket bila bahasa Indonesia atau Inggris, selain itu dari `LC_ALL`, `LC_MESSAGES` atau `LANG`, selain itu bahasa Indonesia.",
    ),
    (
        "",
        "theme",
        "Warna antarmuka: tema bawaan (lihat `kisi themes`) atau path berkas tema. `NO_COLOR` menggantinya dengan `mono`.",
    ),
    (
        "check",
        "",
        "Periksa paket dan cetak setiap masalah (keluar 0 bila sah, 1 bila tidak).",
    ),
    (
        "check",
        "dir",
        "Folder paket, diperiksa satu per satu (bawaan: --content, selain itu paket bawaan).",
    ),
    (
        "check",
        "format",
        "`human` (bawaan: pesan bergaya rustc dengan baris yang bermasalah) atau `json` (satu dokumen JSON untuk editor dan CI).",
    ),
    ("list", "", "Cetak topik dan entri beserta id-nya."),
    ("show", "", "Cetak satu entri sebagai teks biasa."),
    ("show", "id", "Id entri, seperti yang dicetak `kisi list`."),
    (
        "search",
        "",
        "Cari di paket dan cetak hasilnya berurutan (tanpa layar penuh).",
    ),
    (
        "search",
        "query",
        "Kata yang dicari; setiap kata harus cocok (urutan bebas). Beri tanda kutip untuk kecocokan persis.",
    ),
    (
        "search",
        "limit",
        "Cetak paling banyak N hasil (bawaan: 20).",
    ),
    ("search", "json", "Cetak JSON, bukan teks."),
    (
        "stats",
        "",
        "Cetak kemajuan Anda: penguasaan per topik, ulangan per hari, yang jatuh tempo, ujian simulasi.",
    ),
    ("stats", "json", "Cetak JSON, bukan teks."),
    (
        "quiz",
        "",
        "Uji diri sendiri: membuka pengaturan kuis, atau bertanya lewat stdin/stdout dengan --plain.",
    ),
    (
        "quiz",
        "plain",
        "Bertanya lewat masukan dan keluaran standar, tanpa layar penuh.",
    ),
    (
        "quiz",
        "seed",
        "Buat kuis bisa diulang persis: seed yang sama menanyakan soal yang sama.",
    ),
    ("quiz", "count", "Jumlah soal (bawaan: 10)."),
    (
        "quiz",
        "topics",
        "Hanya topik ini (menurut id, lihat `kisi list`); ulangi untuk beberapa topik.",
    ),
    (
        "quiz",
        "kinds",
        "Hanya jenis soal ini: choice, true-false, typed, ordering, matching, list-all atau flashcard; ulangi untuk beberapa jenis.",
    ),
    (
        "quiz",
        "time_limit",
        "Batas waktu dalam menit; 0 berarti tanpa batas.",
    ),
    (
        "present",
        "",
        "Presentasi di kelas: satu entri per slide, atau dengan --quiz kuis kelas dengan hitung mundur.",
    ),
    (
        "present",
        "topics",
        "Hanya topik ini (menurut id, lihat `kisi list`); ulangi untuk beberapa topik.",
    ),
    (
        "present",
        "quiz",
        "Kuis kelas, bukan slide: satu soal sekali tampil, jawaban dibuka dengan satu tombol.",
    ),
    (
        "present",
        "seed",
        "Kuis kelas: seed yang sama menanyakan soal yang sama, untuk menyiapkan dan mengulang satu set.",
    ),
    ("present", "count", "Kuis kelas: jumlah soal (bawaan: 10)."),
    (
        "present",
        "seconds",
        "Kuis kelas: detik per soal sebelum jawaban dibuka (bawaan: 30; 0: tanpa hitung mundur).",
    ),
    (
        "new",
        "",
        "Buat paket awal yang kecil dan sah di folder baru atau kosong, dengan komentar pada setiap isian.",
    ),
    ("new", "dir", "Folder yang dibuat (belum ada atau kosong)."),
    (
        "completions",
        "",
        "Cetak skrip pelengkapan shell, mis. `kisi completions bash > /etc/bash_completion.d/kisi`.",
    ),
    (
        "themes",
        "",
        "Daftar tema bawaan, atau cetak satu untuk disalin dan diubah: `kisi themes light > tema-saya.toml`.",
    ),
    ("themes", "name", "Tema bawaan yang dicetak."),
    (
        "man",
        "",
        "Cetak halaman manual (roff), mis. `kisi man > kisi.1`, `kisi man check > kisi-check.1`.",
    ),
    (
        "man",
        "subcommand",
        "Sebuah perintah, untuk halamannya sendiri.",
    ),
    (
        "completions",
        "shell",
        "Shell-nya: bash, elvish, fish, powershell atau zsh.",
    ),
    (
        "",
        "pack",
        "Buka paket ID dari pustaka (lihat `kisi packs`), bukan paket bawaan.",
    ),
    (
        "review",
        "",
        "Ulangi yang jatuh tempo hari ini (dan butir baru), dengan menyimpan kemajuan: membuka kisi (pilih Ulangan di Beranda), atau bertanya lewat stdin/stdout dengan --plain.",
    ),
    (
        "review",
        "plain",
        "Bertanya lewat masukan dan keluaran standar, tanpa layar penuh.",
    ),
    (
        "review",
        "seed",
        "Buat ulangan bisa diulang persis: seed yang sama menanyakan soal yang sama.",
    ),
    (
        "exam",
        "",
        "Ujian simulasi menurut cetak biru paket, disimpan di riwayat: membuka kisi (pilih Ujian simulasi di Beranda), atau bertanya lewat stdin/stdout dengan --plain.",
    ),
    (
        "exam",
        "plain",
        "Bertanya lewat masukan dan keluaran standar, tanpa layar penuh.",
    ),
    (
        "exam",
        "seed",
        "Buat ujian bisa diulang persis: seed yang sama menanyakan soal yang sama.",
    ),
    (
        "questions",
        "",
        "Cetak soal yang akan ditanyakan sebuah kuis, dengan pilihan dan jawaban benarnya (untuk diperiksa sebelum kelas).",
    ),
    (
        "questions",
        "seed",
        "Seed kuis yang ditampilkan: `kisi quiz --seed N` menanyakan soal yang sama (bawaan: seed baru, dicetak di judulnya).",
    ),
    ("questions", "count", "Jumlah soal (bawaan: 10)."),
    (
        "questions",
        "topics",
        "Hanya topik ini (menurut id, lihat `kisi list`); ulangi untuk beberapa topik.",
    ),
    (
        "questions",
        "kinds",
        "Hanya jenis soal ini: choice, true-false, typed, ordering, matching, list-all atau flashcard; ulangi untuk beberapa jenis.",
    ),
    ("questions", "json", "Cetak JSON, bukan teks."),
    (
        "import",
        "",
        "Impor soal atau kartu hafalan ke sebuah paket: GIFT atau Aiken dari Moodle, teks Anki atau Quizlet, CSV.",
    ),
    (
        "import",
        "format",
        "Format berkasnya: `gift` (format soal GIFT Moodle), `aiken` (pilihan ganda Aiken Moodle), `anki` (ekspor \"Notes in Plain Text\" Anki, juga Quizlet: satu kartu per baris) atau `csv` (kartu sebagai nilai dipisah koma: depan, belakang).",
    ),
    ("import", "files", "Berkas yang diimpor."),
    (
        "import",
        "into",
        "Folder paketnya: dibuat bila belum ada atau kosong, ditambahi bila sudah berisi paket.",
    ),
    (
        "import",
        "language",
        "Bahasa materinya, untuk paket baru (BCP 47, mis. `id` atau `en`; bawaan: `id`).",
    ),
    (
        "import",
        "separator",
        "Kartu hafalan: pemisah kolom (`tab`, `comma`, `semicolon`, atau satu karakter); kepala `#separator:` Anki yang berlaku. Bawaan: tab untuk anki, koma untuk csv.",
    ),
    (
        "export",
        "",
        "Tulis paket ke format lain: catatan Anki, soal GIFT Moodle, kisi-kisi siap cetak (HTML, Markdown).",
    ),
    (
        "export",
        "format",
        "Yang ditulis: `anki` (catatan Anki dalam teks biasa, dengan GUID yang memperbarui pada impor kedua), `gift` (GIFT Moodle: soal tulisan tangan, dan --generated), `html` (kisi-kisi siap cetak: satu berkas HTML mandiri, A4) atau `markdown` (kisi-kisi sebagai Markdown).",
    ),
    (
        "export",
        "topics",
        "Hanya topik ini (menurut id, lihat `kisi list`); ulangi untuk beberapa topik.",
    ),
    (
        "export",
        "out",
        "Berkas yang ditulis; `-` untuk keluaran standar.",
    ),
    (
        "export",
        "generated",
        "GIFT: tambahkan N soal yang dibuat dari materi ke soal tulisan tangan (bawaan: 0).",
    ),
    (
        "export",
        "seed",
        "GIFT: seed soal yang dibuat (seed yang sama, soal yang sama; bawaan: 1).",
    ),
    (
        "export",
        "blank",
        "HTML, Markdown: sisakan satu baris isian untuk setiap butir.",
    ),
    (
        "packs",
        "",
        "Daftar paket di pustaka: milik Anda, milik sistem (/usr/share/kisi/packs) dan dari `KISI_PATH`.",
    ),
    (
        "add",
        "",
        "Periksa paket di DIR lalu salin ke pustaka Anda.",
    ),
    ("add", "dir", "Folder paketnya."),
    ("remove", "", "Hapus paket ID dari pustaka Anda."),
    (
        "remove",
        "id",
        "Id paketnya, seperti yang dicetak `kisi packs`.",
    ),
    (
        "host",
        "",
        "Buka kuis kelas langsung di jaringan lab: mahasiswa menjawab dengan `kisi join`.",
    ),
    (
        "host",
        "topics",
        "Hanya topik ini (menurut id, lihat `kisi list`); ulangi untuk beberapa topik.",
    ),
    (
        "host",
        "kinds",
        "Hanya jenis soal ini: choice, true-false, typed, ordering, matching atau list-all; ulangi untuk beberapa jenis (kartu hafalan tidak pernah ditanyakan di ruang).",
    ),
    ("host", "count", "Jumlah soal (bawaan: 10)."),
    (
        "host",
        "seconds",
        "Detik per soal, menurut jam komputer ini (bawaan: 30; 0: dosen yang membuka jawaban).",
    ),
    ("host", "seed", "Seed yang sama menanyakan soal yang sama."),
    (
        "host",
        "port",
        "Port TCP yang didengarkan (buka di firewall; bawaan: 7878).",
    ),
    (
        "host",
        "bind",
        "Alamat yang didengarkan (bawaan: setiap alamat IPv4 komputer ini).",
    ),
    (
        "host",
        "max_students",
        "Paling banyak mahasiswa di ruang (bawaan: 200).",
    ),
    (
        "host",
        "allow_change",
        "Izinkan mahasiswa mengganti jawaban sampai waktunya habis.",
    ),
    (
        "host",
        "leaderboard",
        "Poin kecepatan dan peringkat (mati secara bawaan: merugikan mahasiswa yang butuh waktu lebih).",
    ),
    (
        "host",
        "extra_time",
        "Waktu lebih untuk mahasiswa yang membutuhkannya: `--extra-time Ani=1.5` memberi Ani 1,5 kali waktu di setiap soal (faktor 1 sampai 4); ulangi untuk beberapa mahasiswa. Tombol `x` di layar dosen mengubahnya selama kuis.",
    ),
    (
        "host",
        "out",
        "Tulis hasilnya di sini (CSV; JSON di sebelahnya), bukan di folder data.",
    ),
    (
        "join",
        "",
        "Bergabung ke kuis kelas langsung: `kisi join 10.1.2.3:7878 K7XQ2P`.",
    ),
    (
        "join",
        "host",
        "Komputer dosen, seperti yang ditampilkan `kisi host`: `10.1.2.3:7878`, `[fd00::5]:7878`, atau sebuah nama.",
    ),
    ("join", "code", "Kode ruang di layar dosen."),
    (
        "join",
        "name",
        "Nama Anda di ruang (ditanyakan, dan disimpan untuk lain kali, bila tidak diberikan).",
    ),
    (
        "join",
        "plain",
        "Klien baris demi baris untuk pembaca layar: soal dan pilihan dicetak, jawaban diketik (juga bila masukan atau keluaran standar bukan terminal).",
    ),
];
