/// What `kisi packs`, `kisi add`, `kisi remove` and `--pack` say. Templates
/// use named `{placeholders}`, filled by `quiz::wording::fill`.
#[derive(Debug)]
pub struct LibraryWords {
    pub header: &'static str,
    pub builtin: &'static str,
    pub hidden_by: &'static str,
    pub broken: &'static str,
    pub added: &'static str,
    pub removed: &'static str,
    pub not_in_library: &'static str,
    pub unknown_pack: &'static str,
    pub no_library: &'static str,
    // Home's pack chooser.
    pub key_switch: &'static str,
    pub home_pack: &'static str,
    pub choose_title: &'static str,
    pub scanning: &'static str,
    pub opening: &'static str,
    pub cannot_open: &'static str,
    pub current: &'static str,
    pub last_missing: &'static str,
}

pub static LIBRARY_INDONESIAN: LibraryWords = LibraryWords {
    header: "Paket yang ditemukan (yang lebih dekat dipakai lebih dulu):",
    builtin: "bawaan",
    hidden_by: "tertutup oleh {dir}",
    broken: "rusak: {error}",
    added: "{id} ditambahkan ke pustaka: {dir}",
    removed: "{id} dihapus dari pustaka: {dir}",
    not_in_library: "tidak ada paket `{id}` di pustaka Anda ({dir}); paket di folder sistem atau bersama tidak dihapus dari sini",
    unknown_pack: "tidak ada paket `{id}`. Lihat: kisi packs",
    no_library: "folder data pengguna tidak diketahui; pakai --data-dir DIR",
    key_switch: "ganti paket",
    home_pack: "paket {id} · {from}",
    choose_title: "Pilih paket",
    scanning: "Mencari paket…",
    opening: "Membuka {id}…",
    cannot_open: "{id} tidak dapat dibuka: {error}",
    current: "sedang dibuka",
    last_missing: "paket terakhir, {id}, tidak ada lagi di pustaka; paket bawaan dibuka",
};

pub static LIBRARY_ENGLISH: LibraryWords = LibraryWords {
    header: "Packs found (the nearer one is used first):",
    builtin: "built-in",
    hidden_by: "hidden by {dir}",
    broken: "broken: {error}",
    added: "{id} added to the library: {dir}",
    removed: "{id} removed from the library: {dir}",
    not_in_library: "no pack `{id}` in your library ({dir}); packs in the system or shared folders are not removed from here",
    unknown_pack: "no pack `{id}`. See: kisi packs",
    no_library: "the user's data folder is unknown; use --data-dir DIR",
    key_switch: "switch pack",
    home_pack: "pack {id} · {from}",
    choose_title: "Choose a pack",
    scanning: "Looking for packs…",
    opening: "Opening {id}…",
    cannot_open: "{id} cannot be opened: {error}",
    current: "open now",
    last_missing: "the last pack, {id}, is no longer in the library; the built-in pack is open",
};
