//! Calendar dates as the case file writes them (`YYYY-MM-DD`): one parser and one day count
//! for lab dates, visit dates and the trend chart's time axis. Hand-written rather than a
//! date crate: it is this small, and costs no dependency and no wasm size.

use crate::core::i18n::msg;
use std::fmt;

use super::i18n::Lang;
use crate::tr;

/// The years a case may date anything in (a typo guard: `0224` or `2924` is refused).
pub const FIRST_YEAR: u16 = 1900;
pub const LAST_YEAR: u16 = 2200;

/// A real calendar date. Ordered by the calendar (the fields are compared in order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

fn is_leap(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// Exactly `YYYY-MM-DD` (ASCII digits, zero-padded) naming a day that exists, in
    /// [`FIRST_YEAR`]–[`LAST_YEAR`]; anything else is `None` (no time part, no `2023-2-3`).
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        let digits_at = |range: std::ops::Range<usize>| {
            b[range.clone()]
                .iter()
                .all(u8::is_ascii_digit)
                .then(|| text[range].parse::<u16>().ok())
                .flatten()
        };
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let (year, month, day) = (digits_at(0..4)?, digits_at(5..7)?, digits_at(8..10)?);
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        let (month, day) = (month as u8, day as u8);
        (1..=days_in_month(year, month))
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// Days since 1900-01-01 (that day is 0): differences are days between dates.
    pub fn day_number(self) -> u32 {
        let years_before = u32::from(self.year - FIRST_YEAR);
        let leap_days_before = (FIRST_YEAR..self.year).filter(|y| is_leap(*y)).count() as u32;
        let days_before_month: u32 = (1..self.month)
            .map(|m| u32::from(days_in_month(self.year, m)))
            .sum();
        years_before * 365 + leap_days_before + days_before_month + u32::from(self.day) - 1
    }

    /// Whole years from `self` to `later` (an age on a date); negative when `later` is
    /// earlier.
    pub fn whole_years_to(self, later: Date) -> i32 {
        let years = i32::from(later.year) - i32::from(self.year);
        if (later.month, later.day) < (self.month, self.day) {
            years - 1
        } else {
            years
        }
    }

    /// Whether `later` is more than `years` years after `self`: `years` whole years
    /// were complete by the day before it, so on the anniversary itself it is not (5 years
    /// to the day is not more than 5 years). The anniversary of 29 February is 1 March in a
    /// common year, as in [`Date::whole_years_to`].
    pub fn more_than_years_before(self, later: Date, years: i32) -> bool {
        later
            .day_before()
            .is_some_and(|previous| self.whole_years_to(previous) >= years)
    }

    /// The calendar day before (none before [`FIRST_YEAR`]).
    fn day_before(self) -> Option<Date> {
        let Date { year, month, day } = self;
        match (month, day) {
            (_, 2..) => Some(Date {
                day: day - 1,
                ..self
            }),
            (2.., _) => Some(Date {
                month: month - 1,
                day: days_in_month(year, month - 1),
                ..self
            }),
            _ if year > FIRST_YEAR => Some(Date {
                year: year - 1,
                month: 12,
                day: 31,
            }),
            _ => None,
        }
    }

    /// The date part of a FHIR `date` / `dateTime` / `instant` (`2026-01-01T09:00:00Z`).
    pub fn of_date_time(text: &str) -> Option<Date> {
        text.get(..10).and_then(Date::parse)
    }

    /// The one message for a date that [`Date::parse`] refuses, wherever it was written
    /// (a lab's date, a visit's date).
    pub fn invalid_message(text: &str, lang: Lang) -> String {
        tr!(lang, msg::date::INVALID_MESSAGE_TEXT_IS_NOT_A_REAL, text)
    }
}

/// ISO 8601, as parsed: `2024-02-29`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}
