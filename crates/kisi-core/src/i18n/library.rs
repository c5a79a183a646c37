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
};
