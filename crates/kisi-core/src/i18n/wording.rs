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
    Minute,
    Error,
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
            Noun::Minute => ("minute", "minutes", "menit"),
            Noun::Error => ("error", "errors", "galat"),
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
        format!("{date} {} {year}", self.month(month))
    }

    /// A day with its month cut to three letters, for charts: "28 Nov",
    /// "5 Des".
    pub fn day_month(self, day: Day) -> String {
        let (_, month, date) = day.ymd();
        let name = self.month(month);
        format!("{date} {}", name.chars().take(3).collect::<String>())
    }

    /// The days from `first` to `last` as a reader writes them, the month
    /// and year said once where they are shared: "24–30 November 2026",
    /// "28 November – 4 Desember 2026", "29 December 2026 – 4 January 2027".
    pub fn date_range(self, first: Day, last: Day) -> String {
        let ((y1, m1, d1), (y2, m2, d2)) = (first.ymd(), last.ymd());
        if y1 != y2 {
            format!("{} – {}", self.date(first), self.date(last))
        } else if m1 != m2 {
            format!("{d1} {} – {}", self.month(m1), self.date(last))
        } else if d1 != d2 {
            format!("{d1}–{d2} {} {y2}", self.month(m2))
        } else {
            self.date(last)
        }
    }

    /// The name of month `month` (1 to 12).
    fn month(self, month: u32) -> &'static str {
        let months = match self {
            Lang::En => &MONTHS_EN,
            Lang::Id => &MONTHS_ID,
        };
        let index = usize::try_from(month.saturating_sub(1)).unwrap_or(0);
        months.get(index).copied().unwrap_or("")
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
        assert_eq!(Lang::Id.day_month(ymd(2026, 12, 5)), "5 Des");
        assert_eq!(Lang::En.day_month(ymd(2026, 11, 28)), "28 Nov");
    }

    #[test]
    fn ranges_say_a_shared_month_and_year_once() {
        let (d, n) = (ymd(2026, 11, 24), ymd(2026, 11, 30));
        assert_eq!(Lang::En.date_range(d, n), "24–30 November 2026");
        assert_eq!(
            Lang::Id.date_range(ymd(2026, 11, 28), ymd(2026, 12, 4)),
            "28 November – 4 Desember 2026"
        );
        assert_eq!(
            Lang::En.date_range(ymd(2026, 12, 29), ymd(2027, 1, 4)),
            "29 December 2026 – 4 January 2027"
        );
        assert_eq!(Lang::Id.date_range(d, d), "24 November 2026");
    }
}
