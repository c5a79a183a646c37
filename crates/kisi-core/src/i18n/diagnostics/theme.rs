//! The words of theme files (`--theme PATH`) and `kisi themes`: a theme's
//! problems are reported like a pack's, in the user's language, with the
//! loader's words for what the two share (unknown fields, wrong types).

use super::keys;

keys! {
    /// The texts of themes.
    ThemeKey => Theme {
        TheThemeFile: "the theme file", "berkas tema";
        NotAColour: "not a colour", "bukan warna";
        UnknownColour: "unknown colour", "warna tidak dikenal";
        ColourHelp: "use a colour name (black, red, green, yellow, blue, magenta, cyan, gray, dark-gray, light-red, ..., white, reset), \"#rrggbb\", or 0-255",
            "pakai nama warna (black, red, green, yellow, blue, magenta, cyan, gray, dark-gray, light-red, ..., white, reset), \"#rrggbb\", atau 0-255";
        PathHelp: "give the path of a theme file, or one of the built-in themes: {names}",
            "berikan jalur sebuah berkas tema, atau salah satu tema bawaan: {names}";
        NoBuiltin: "no built-in theme `{name}`; the built-in themes are: {names}",
            "tidak ada tema bawaan `{name}`; tema bawaan adalah: {names}";
        // What each built-in theme is for (`kisi themes`).
        ForDefault: "for dark terminal backgrounds (the default)", "untuk latar terminal gelap (bawaan)";
        ForHighContrast: "pure white on black with bold, for projectors",
            "putih murni di atas hitam dengan huruf tebal, untuk proyektor";
        ForLight: "for light terminal backgrounds", "untuk latar terminal terang";
        ForMono: "no colour, for `NO_COLOR` and monochrome terminals",
            "tanpa warna, untuk `NO_COLOR` dan terminal monokrom";
    }
}
