//! The pack's `language`: a BCP 47 tag (RFC 5646), checked for being well
//! formed, and read from a pack's manifest before the pack is loaded, so
//! that the UI can speak the pack's language from the first message.

use std::path::Path;

use super::builtin;
use super::load::read_capped;

/// Whether `tag` is a well-formed BCP 47 language tag: `id`, `en-GB`,
/// `zh-Hant-TW`, `sr-Latn-RS`, `de-CH-1996`, `x-private` … Well formed, not
/// registered: the subtags' shapes are checked, not the registry.
pub fn is_language_tag(tag: &str) -> bool {
    let subtags: Vec<&str> = tag.split('-').collect();
    if subtags
        .iter()
        .any(|s| s.is_empty() || !s.chars().all(|c| c.is_ascii_alphanumeric()))
    {
        return false;
    }
    let alpha = |s: &str, range: std::ops::RangeInclusive<usize>| {
        range.contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphabetic())
    };
    let digits = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
    let alnum = |s: &str, range: std::ops::RangeInclusive<usize>| range.contains(&s.len());
    let mut rest = subtags.as_slice();
    // A private-use tag alone: "x-whatever".
    if rest.first().is_some_and(|s| s.eq_ignore_ascii_case("x")) {
        return private_use(&rest[1..]);
    }
    let Some((language, tail)) = rest.split_first() else {
        return false;
    };
    if !alpha(language, 2..=8) {
        return false;
    }
    rest = tail;
    // Up to three extended language subtags after a 2–3 letter language.
    if language.len() <= 3 {
        let mut extlangs = 0;
        while extlangs < 3 && rest.first().is_some_and(|s| alpha(s, 3..=3)) {
            rest = &rest[1..];
            extlangs += 1;
        }
    }
    if rest.first().is_some_and(|s| alpha(s, 4..=4)) {
        rest = &rest[1..]; // script
    }
    if rest
        .first()
        .is_some_and(|s| alpha(s, 2..=2) || digits(s, 3))
    {
        rest = &rest[1..]; // region
    }
    let variant =
        |s: &str| alnum(s, 5..=8) || (s.len() == 4 && s.starts_with(|c: char| c.is_ascii_digit()));
    while rest.first().is_some_and(|s| variant(s)) {
        rest = &rest[1..];
    }
    // Extensions: a singleton other than "x", then subtags of 2–8.
    while rest
        .first()
        .is_some_and(|s| s.len() == 1 && !s.eq_ignore_ascii_case("x"))
    {
        let taken = rest[1..].iter().take_while(|s| alnum(s, 2..=8)).count();
        if taken == 0 {
            return false;
        }
        rest = &rest[1 + taken..];
    }
    match rest.split_first() {
        None => true,
        Some((x, tail)) if x.eq_ignore_ascii_case("x") => private_use(tail),
        Some(_) => false,
    }
}

/// "x-" followed by one or more subtags of 1–8.
fn private_use(subtags: &[&str]) -> bool {
    !subtags.is_empty() && subtags.iter().all(|s| (1..=8).contains(&s.len()))
}

/// The `language` of the pack in `dir` (the built-in pack when `None`), read
/// from its `pack.toml` alone; `None` when there is none to read.
pub fn pack_language(dir: Option<&Path>) -> Option<String> {
    let bytes = match dir {
        Some(dir) => read_capped(&dir.join("pack.toml"), "pack.toml").ok()?,
        None => builtin::manifest().to_vec(),
    };
    let table: toml::Table = std::str::from_utf8(&bytes).ok()?.parse().ok()?;
    table
        .get("pack")?
        .get("language")?
        .as_str()
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_tags_pass() {
        for tag in [
            "id",
            "en",
            "en-GB",
            "EN-gb",
            "zh-Hant-TW",
            "sr-Latn-RS",
            "de-CH-1996",
            "es-419",
            "sl-rozaj-biske",
            "ar-afb",
            "en-US-u-ca-gregory",
            "x-kisi",
            "en-x-lecture",
            "jv",
        ] {
            assert!(is_language_tag(tag), "{tag}");
        }
    }

    #[test]
    fn malformed_tags_fail() {
        for tag in [
            "",
            "e",
            "en_US",
            "english!",
            "en--GB",
            "en-",
            "-en",
            "indonesian-language",
            "en-GB-u",
            "x",
            "en-x",
            "12",
            "bahasa indonesia",
            "en-abcdefghi",
        ] {
            assert!(!is_language_tag(tag), "{tag}");
        }
    }

    #[test]
    fn the_built_in_pack_is_indonesian() {
        assert_eq!(pack_language(None).as_deref(), Some("id"));
    }
}
