//! Instants and calendar days without a date crate: a day is a UTC day
//! number counted from 1970-01-01.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

const MS_PER_DAY: i64 = 86_400_000;

/// An instant, in milliseconds since the Unix epoch.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Timestamp(pub i64);

impl Timestamp {
    pub fn now() -> Self {
        Self::from_system_time(SystemTime::now())
    }

    pub fn from_system_time(time: SystemTime) -> Self {
        let ms = match time.duration_since(UNIX_EPOCH) {
            Ok(after) => i64::try_from(after.as_millis()).unwrap_or(i64::MAX),
            Err(before) => i64::try_from(before.duration().as_millis()).map_or(i64::MIN, |ms| -ms),
        };
        Self(ms)
    }

    /// The UTC day this instant falls on.
    pub fn day(self) -> Day {
        Day(self.0.div_euclid(MS_PER_DAY))
    }
}

/// A calendar day (UTC), as a day number since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Day(pub i64);

impl Day {
    pub fn today() -> Self {
        Timestamp::now().day()
    }

    /// The day of a proleptic Gregorian date; `None` when it does not exist
    /// or is more than a million years away (where the arithmetic would
    /// overflow).
    pub fn from_ymd(year: i64, month: u32, day: u32) -> Option<Self> {
        if year.unsigned_abs() > 1_000_000
            || !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
        {
            return None;
        }
        // Howard Hinnant's days_from_civil.
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(month);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Self(era * 146_097 + doe - 719_468))
    }

    /// Year, month and day of the month.
    pub fn ymd(self) -> (i64, u32, u32) {
        // Howard Hinnant's civil_from_days.
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        // Both are small positive numbers by construction.
        (
            year,
            u32::try_from(month).unwrap_or(1),
            u32::try_from(day).unwrap_or(1),
        )
    }

    /// Parses `YYYY-MM-DD` for a year in [`Day::YEARS`]: what is written
    /// (an exam date in settings.json) must read back the same.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        if !Self::YEARS.contains(&year) {
            return None;
        }
        Self::from_ymd(year, month, day)
    }

    /// The years a date may name.
    pub const YEARS: std::ops::RangeInclusive<i64> = 1970..=9999;

    #[must_use]
    pub fn plus(self, days: i64) -> Self {
        Self(self.0 + days)
    }

    /// Days from `earlier` to `self`; negative when `earlier` is later.
    pub fn since(self, earlier: Self) -> i64 {
        self.0 - earlier.0
    }
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = self.ymd();
        write!(f, "{year:04}-{month:02}-{day:02}")
    }
}

impl serde::Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Day {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not a YYYY-MM-DD date: {text}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_through_dates() {
        assert_eq!(Day::from_ymd(1970, 1, 1), Some(Day(0)));
        assert_eq!(Day::from_ymd(2000, 3, 1), Some(Day(11_017)));
        assert_eq!(
            Day::parse("2024-02-29").map(|d| d.to_string()).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(Day::parse("2023-02-29"), None);
        assert_eq!(Day::parse("2023-13-01"), None);
        assert_eq!(Day::parse("kemarin"), None);
        // Issue 15 #10: a year that overflowed, and years out of range.
        assert_eq!(Day::parse("92233720368547758-01-01"), None);
        assert_eq!(Day::parse("10000-01-01"), None);
        assert_eq!(Day::parse("1969-12-31"), None);
        assert_eq!(Day::from_ymd(92_233_720_368_547_758, 1, 1), None);
        assert_eq!(
            Day::parse("9999-12-31").map(|d| d.to_string()).as_deref(),
            Some("9999-12-31")
        );
        for n in -800_000..800_000 {
            let day = Day(n * 7 + 3);
            let (y, m, d) = day.ymd();
            assert_eq!(Day::from_ymd(y, m, d), Some(day));
        }
    }

    #[test]
    fn a_timestamp_falls_on_its_utc_day() {
        assert_eq!(Timestamp(0).day(), Day(0));
        assert_eq!(Timestamp(MS_PER_DAY - 1).day(), Day(0));
        assert_eq!(Timestamp(-1).day(), Day(-1));
        assert_eq!(Timestamp(1_700_000_000_000).day().to_string(), "2023-11-14");
    }
}
