//! Numbers, counted nouns and dates as each language writes them: "1 result"
//! and "2 results" but "1 hasil" and "2 hasil"; "1,234" and "1.234";
//! "5 December 2026" and "5 Desember 2026", never a bare 12/05.

use super::Lang;
use crate::time::Day;

/// What the UI counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noun {
    Result,
    Day,
    Topic,
    Entry,
    Point,
    Question,
    Card,
    Review,
}

impl Noun {
    /// Singular and plural in English; Indonesian does not mark the plural
    /// after a number.
    fn words(self, lang: Lang) -> (&'static str, &'static str) {
        let (one, many, indonesian) = match self {
            Noun::Result => ("result", "results", "hasil"),
            Noun::Day => ("day", "days", "hari"),
            Noun::Topic => ("topic", "topics", "topik"),
            Noun::Entry => ("entry", "entries", "entri"),
            Noun::Point => ("point", "points", "butir"),
            Noun::Question => ("question", "questions", "soal"),
            Noun::Card => ("card", "cards", "kartu"),
            Noun::Review => ("review", "reviews", "ulangan"),
        };
        match lang {
            Lang::En => (one, many),
            Lang::Id => (indonesian, indonesian),
        }
    }
}

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Lang {
    /// `n` with its thousands grouped: "12,345" in English, "12.345" in
    /// Indonesian.
    pub fn number(self, n: usize) -> String {
        let separator = match self {
            Lang::En => ',',
            Lang::Id => '.',
        };
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(separator);
            }
            out.push(digit);
        }
        out
    }

    /// `n` and the noun, singular or plural as the language wants it.
    pub fn count(self, n: usize, noun: Noun) -> String {
        let (one, many) = noun.words(self);
        format!("{} {}", self.number(n), if n == 1 { one } else { many })
    }

    /// Just the noun as it follows `n`.
    pub fn noun(self, n: usize, noun: Noun) -> &'static str {
        let (one, many) = noun.words(self);
        if n == 1 { one } else { many }
    }

    /// A day as a reader of the language writes it: "5 Desember 2026",
    /// "5 December 2026" (day first in both, the month named).
    pub fn date(self, day: Day) -> String {
        let (year, month, date) = day.ymd();
        let months = match self {
            Lang::En => &MONTHS_EN,
            Lang::Id => &MONTHS_ID,
        };
        let index = usize::try_from(month.saturating_sub(1)).unwrap_or(0);
        let name = months.get(index).copied().unwrap_or("");
        format!("{date} {name} {year}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_counts_one_in_the_singular_and_indonesian_never_marks_it() {
        assert_eq!(Lang::En.count(1, Noun::Result), "1 result");
        assert_eq!(Lang::En.count(0, Noun::Result), "0 results");
        assert_eq!(Lang::En.count(2, Noun::Day), "2 days");
        assert_eq!(Lang::En.count(1, Noun::Day), "1 day");
        assert_eq!(Lang::En.count(1, Noun::Entry), "1 entry");
        assert_eq!(Lang::En.count(3, Noun::Entry), "3 entries");
        assert_eq!(Lang::Id.count(1, Noun::Result), "1 hasil");
        assert_eq!(Lang::Id.count(5, Noun::Result), "5 hasil");
        assert_eq!(Lang::Id.count(1, Noun::Question), "1 soal");
        assert_eq!(Lang::En.noun(1, Noun::Question), "question");
    }

    #[test]
    fn thousands_are_grouped_as_each_language_writes_them() {
        assert_eq!(Lang::En.number(0), "0");
        assert_eq!(Lang::En.number(999), "999");
        assert_eq!(Lang::En.number(1_000), "1,000");
        assert_eq!(Lang::En.number(1_234_567), "1,234,567");
        assert_eq!(Lang::Id.number(12_345), "12.345");
        assert_eq!(Lang::Id.count(1_000, Noun::Review), "1.000 ulangan");
        assert_eq!(Lang::En.count(1_000, Noun::Review), "1,000 reviews");
    }

    fn ymd(year: i64, month: u32, date: u32) -> Day {
        Day::from_ymd(year, month, date).unwrap_or(Day(0))
    }

    #[test]
    fn dates_name_the_month_in_the_language() {
        let day = ymd(2026, 12, 5);
        assert_eq!(Lang::Id.date(day), "5 Desember 2026");
        assert_eq!(Lang::En.date(day), "5 December 2026");
        // Never a numeric 04/11 that reads as April 11 in English.
        let day = ymd(2026, 11, 4);
        assert_eq!(Lang::En.date(day), "4 November 2026");
        assert_eq!(Lang::Id.date(ymd(2027, 1, 31)), "31 Januari 2027");
    }
}
