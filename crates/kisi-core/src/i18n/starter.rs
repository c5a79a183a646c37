/// What `kisi new` says; `{dir}` is the folder of the new pack.
#[derive(Debug)]
pub struct StarterWords {
    pub created: &'static str,
    pub next_steps: &'static str,
    pub steps: [&'static str; 3],
    pub not_empty: &'static str,
    pub not_empty_hint: &'static str,
}

pub static STARTER_INDONESIAN: StarterWords = StarterWords {
    created: "Paket baru dibuat di {dir}:",
    next_steps: "Langkah berikutnya:",
    steps: [
        "  1. Sunting pack.toml dan 01-contoh.toml (komentar menjelaskan setiap isian).",
        "  2. Periksa:     kisi check {dir}",
        "  3. Tampilkan:   kisi --content {dir}",
    ],
    not_empty: "kisi: {dir} sudah ada dan bukan folder kosong; tidak ada yang ditimpa.",
    not_empty_hint: "  Pilih folder baru, mis. kisi new paket-saya",
};

pub static STARTER_ENGLISH: StarterWords = StarterWords {
    created: "New pack created in {dir}:",
    next_steps: "Next steps:",
    steps: [
        "  1. Edit pack.toml and 01-example.toml (comments explain every field).",
        "  2. Check:   kisi check {dir}",
        "  3. Open:    kisi --content {dir}",
    ],
    not_empty: "kisi: {dir} exists and is not an empty folder; nothing was overwritten.",
    not_empty_hint: "  Choose a new folder, e.g. kisi new my-pack",
};
