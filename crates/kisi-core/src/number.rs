//! Numbers as typed answers. An accepted answer of a typed question may be
//! a number with a tolerance (`3.1415 ± 0.0005`, or `+-` for `±`) or a
//! range (`1..5`, both ends included); the question is then graded as a
//! number: what the student types is read as a number (a decimal comma,
//! `2,5`, as Indonesian writes it, or a decimal point) and is right when
//! it falls in one of the accepted ranges. A plain number among them
//! counts as the range of that number alone.
//!
//! Moodle's GIFT numerical questions (`{#5:0.5}`, `{#1..5}`) are imported
//! as these, and exported back to GIFT from them.

/// The numbers an accepted answer stands for: `low..=high`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberRange {
    pub low: f64,
    pub high: f64,
}

/// How an accepted answer that looks like a range is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpecError {
    /// This part is no number.
    NotANumber(String),
    /// The tolerance is below zero.
    NegativeTolerance,
    /// The range's low end is above its high end.
    Reversed,
}

/// What an accepted answer says as a number: `None` when it is no range
/// and no tolerance (an ordinary answer, compared as text), else the range
/// or why it is wrong.
pub fn spec(text: &str) -> Option<Result<NumberRange, SpecError>> {
    let (left, right, tolerance) = if let Some((low, high)) = text.split_once("..") {
        (low, high, false)
    } else if let Some((value, tolerance)) = text.split_once('±').or_else(|| text.split_once("+-"))
    {
        (value, tolerance, true)
    } else {
        return None;
    };
    // A range is only meant when what comes first is a number: "Pasal
    // 1..5" is a text.
    let first = number(left)?;
    let Some(second) = number(right) else {
        return Some(Err(SpecError::NotANumber(right.trim().to_owned())));
    };
    Some(if tolerance {
        if second < 0.0 {
            Err(SpecError::NegativeTolerance)
        } else {
            Ok(NumberRange {
                low: first - second,
                high: first + second,
            })
        }
    } else if first > second {
        Err(SpecError::Reversed)
    } else {
        Ok(NumberRange {
            low: first,
            high: second,
        })
    })
}

/// The ranges of the accepted answers, when at least one is a range or a
/// tolerance and every other is a plain number: a question graded as a
/// number. `None` for an ordinary typed question.
pub fn ranges(accepted: &[String]) -> Option<Vec<NumberRange>> {
    let mut any = false;
    let mut ranges = Vec::with_capacity(accepted.len());
    for answer in accepted {
        match spec(answer) {
            Some(Ok(range)) => {
                any = true;
                ranges.push(range);
            }
            Some(Err(_)) => return None,
            None => {
                let value = number(answer)?;
                ranges.push(NumberRange {
                    low: value,
                    high: value,
                });
            }
        }
    }
    any.then_some(ranges)
}

/// Whether `typed` is a number inside one of `ranges`; the ends count, with
/// room for the rounding of decimal fractions (`3.1415 ± 0.0005` holds
/// 3.142). A unit after the number is allowed (`44.8 L`, `273,15 K`), as a
/// marker allows it: the question names the unit, the number is graded.
pub fn within(typed: &str, ranges: &[NumberRange]) -> bool {
    let Some(value) = number(typed).or_else(|| number_before_unit(typed)) else {
        return false;
    };
    ranges.iter().any(|range| {
        let slack = 1e-9 * range.low.abs().max(range.high.abs()).max(1.0);
        value >= range.low - slack && value <= range.high + slack
    })
}

/// A number as a person writes it: spaces around it, `−` for minus, and
/// one decimal comma (`2,5`) or decimal point. Thousands separators are not
/// read (`1.000,5` is no number), as they differ between languages.
pub fn number(text: &str) -> Option<f64> {
    let text = text.trim().replace('\u{2212}', "-");
    let text = if !text.contains('.') && text.matches(',').count() == 1 {
        text.replace(',', ".")
    } else {
        text
    };
    // Rust also reads "inf" and "NaN"; a person's number is digits.
    if !text.bytes().any(|b| b.is_ascii_digit())
        || text
            .bytes()
            .any(|b| !(b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E')))
    {
        return None;
    }
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// The number that starts `text` when the rest is a unit: no digit in it
/// (`44.8 L`, `6L`, `2,0 atm`, `9.8 m/s²`), so that "5 or 6" is no number.
fn number_before_unit(text: &str) -> Option<f64> {
    let text = text.trim();
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+' | '\u{2212}')))?;
    let unit = text[end..].trim();
    if end == 0 || unit.is_empty() || unit.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    number(&text[..end])
}

/// A range in GIFT's numerical form: `value:tolerance` for an answer
/// written with a tolerance, `low..high` for a range, the number alone for
/// a plain one. `None` when `answer` is none of these.
pub fn to_gift(answer: &str) -> Option<String> {
    let plain = |t: &str| number(t).map(|v| v.to_string());
    if let Some((low, high)) = answer.split_once("..") {
        return Some(format!("{}..{}", plain(low)?, plain(high)?));
    }
    if let Some((value, tolerance)) = answer.split_once('±').or_else(|| answer.split_once("+-")) {
        return Some(format!("{}:{}", plain(value)?, plain(tolerance)?));
    }
    plain(answer)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn accepted(texts: &[&str]) -> Vec<NumberRange> {
        let texts: Vec<String> = texts.iter().map(|t| (*t).to_owned()).collect();
        ranges(&texts).unwrap()
    }

    #[test]
    fn inside_outside_and_the_edges() {
        let pi = accepted(&["3.1415 ± 0.0005"]);
        for inside in ["3.1415", "3.141", "3.142", "3,1418", " 3.1412 "] {
            assert!(within(inside, &pi), "{inside}");
        }
        for outside in ["3.1409", "3.1421", "3", "pi", "", "3.14.15"] {
            assert!(!within(outside, &pi), "{outside}");
        }
        let one_to_five = accepted(&["1..5"]);
        assert!(within("1", &one_to_five) && within("5", &one_to_five));
        assert!(within("2,5", &one_to_five), "Indonesian decimal comma");
        assert!(!within("0,99", &one_to_five) && !within("5.01", &one_to_five));
        assert!(!within("1.000,5", &one_to_five), "no thousands separators");
        let litres = accepted(&["44.8 ± 0.1"]);
        for with_unit in ["44.8 L", "44,8 liter", "44.8L", " 44.8 dm³ "] {
            assert!(within(with_unit, &litres), "{with_unit}");
        }
        for not_one in ["L 44.8", "44.8 or 45", "44.8 x 10", "44.8.1 L", "L"] {
            assert!(!within(not_one, &litres), "{not_one}");
        }
        let negative = accepted(&["\u{2212}2 +- 0.5"]);
        assert!(within("-2.4", &negative) && !within("-1.4", &negative));
    }

    #[test]
    fn several_answers_each_count_and_plain_numbers_alone_are_text() {
        let grant = accepted(&["1822", "1820..1825"]);
        assert!(within("1824", &grant) && !within("1826", &grant));
        assert_eq!(ranges(&["1822".to_owned()]), None);
        assert_eq!(ranges(&["Pasal 1..5".to_owned()]), None);
        assert_eq!(ranges(&["5 ± 1".to_owned(), "lima".to_owned()]), None);
    }

    #[test]
    fn malformed_ranges_say_what_is_wrong() {
        assert_eq!(spec("5..1"), Some(Err(SpecError::Reversed)));
        assert_eq!(spec("5 ± -1"), Some(Err(SpecError::NegativeTolerance)));
        assert_eq!(spec("5..x"), Some(Err(SpecError::NotANumber("x".into()))));
        assert_eq!(spec("Jakarta"), None);
        assert_eq!(number("inf"), None);
        assert_eq!(number("NaN"), None);
    }

    #[test]
    fn gift_forms() {
        assert_eq!(to_gift("3.1415 ± 0.0005").as_deref(), Some("3.1415:0.0005"));
        assert_eq!(to_gift("1..5").as_deref(), Some("1..5"));
        assert_eq!(to_gift("2,5").as_deref(), Some("2.5"));
        assert_eq!(to_gift("Jakarta"), None);
    }
}
