//! The answers of a GIFT question by kind: choice, matching, true/false,
//! short answer and numerical.

use super::text::{clean, find, find_any};
use super::{Format, Piece, Reader, partial};
use crate::interchange::{Answer, keeps_order};
use crate::quiz::wording::fill;

impl Reader<'_> {
    pub(super) fn choice(
        &mut self,
        open: usize,
        from: usize,
        to: usize,
        format: Format,
    ) -> Option<(Answer, Vec<String>)> {
        let pieces = self.pieces(from, to, format)?;
        let single = pieces.iter().any(|p| p.sign == b'=');
        let correct: Vec<usize> = if single {
            let right: Vec<usize> = (0..pieces.len())
                .filter(|&i| pieces[i].sign == b'=')
                .collect();
            if let Some(&second) = right.get(1) {
                let at = pieces[second].at;
                self.error(
                    at..at + 1,
                    self.words.several_equal,
                    self.words.several_equal_help,
                );
                return None;
            }
            for piece in pieces.iter().filter(|p| p.sign == b'~') {
                if let Some(weight) = piece.weight.filter(|w| *w > 0.0) {
                    let text = partial(self.words, weight, &piece.text);
                    self.note(piece.at, text);
                }
            }
            right
        } else {
            (0..pieces.len())
                .filter(|&i| pieces[i].weight.is_some_and(|w| w > 0.0))
                .collect()
        };
        if correct.is_empty() {
            self.error(
                open..open + 1,
                self.words.no_right,
                self.words.no_right_help,
            );
            return None;
        }
        let feedback = pieces
            .iter()
            .filter_map(|p| p.feedback.as_ref().map(|f| format!("{}: {f}", p.text)))
            .collect();
        let options: Vec<String> = pieces.into_iter().map(|p| p.text).collect();
        let shuffle = !keeps_order(&options);
        Some((
            Answer::Choice {
                options,
                correct,
                several: !single,
                shuffle,
            },
            feedback,
        ))
    }

    pub(super) fn matching(
        &mut self,
        from: usize,
        to: usize,
        format: Format,
    ) -> Option<(Answer, Vec<String>)> {
        let m = self.masked;
        let pieces = self.pieces(from, to, format)?;
        let mut pairs = Vec::new();
        for piece in pieces {
            let Some(arrow) = find(m, piece.raw.start, piece.raw.end, "->") else {
                self.error(
                    piece.at..piece.at + 1,
                    self.words.pair_without_arrow,
                    self.words.pair_without_arrow_help,
                );
                return None;
            };
            let left = clean(&m[piece.raw.start..arrow], format);
            let right = clean(&m[arrow + 2..piece.raw.end], format);
            if right.is_empty() {
                self.error(
                    arrow..arrow + 2,
                    self.words.empty_answer,
                    self.words.empty_answer_help,
                );
                return None;
            }
            if left.is_empty() {
                let text = fill(self.words.note_pair_dropped, &[("answer", &right)]);
                self.note(piece.at, text);
            } else {
                pairs.push((left, right));
            }
        }
        Some((Answer::Matching(pairs), Vec::new()))
    }

    /// `T`, `TRUE`, `F` or `FALSE`, then feedback for a wrong and for a
    /// right answer; `None` when the answers are not a truth value.
    pub(super) fn true_false(
        &mut self,
        from: usize,
        to: usize,
        format: Format,
    ) -> Option<(Answer, Vec<String>)> {
        let m = self.masked;
        let first = find(m, from, to, "#");
        let head = m[from..first.unwrap_or(to)].trim().to_ascii_uppercase();
        let value = match head.as_str() {
            "T" | "TRUE" => true,
            "F" | "FALSE" => false,
            _ => return None,
        };
        let mut feedback = Vec::new();
        if let Some(first) = first {
            let second = find(m, first + 1, to, "#");
            let wrong = clean(&m[first + 1..second.unwrap_or(to)], format);
            if let Some(second) = second {
                let right = clean(&m[second + 1..to], format);
                feedback.extend(Some(right).filter(|r| !r.is_empty()));
            }
            feedback.extend(Some(wrong).filter(|w| !w.is_empty()));
        }
        Some((Answer::TrueFalse(value), feedback))
    }

    pub(super) fn short(
        &mut self,
        open: usize,
        from: usize,
        to: usize,
        format: Format,
    ) -> Option<(Answer, Vec<String>)> {
        let pieces = self.pieces(from, to, format)?;
        let mut answers = Vec::new();
        let mut feedback = Vec::new();
        for piece in pieces {
            match piece.weight {
                None => {}
                Some(w) if w >= 100.0 => {}
                Some(w) if w > 0.0 => {
                    let text = partial(self.words, w, &piece.text);
                    self.note(piece.at, text);
                    continue;
                }
                Some(_) => continue,
            }
            feedback.extend(piece.feedback);
            answers.push(piece.text);
        }
        if answers.is_empty() {
            self.error(
                open..open + 1,
                self.words.no_right,
                self.words.no_right_help,
            );
            return None;
        }
        Some((Answer::Typed(answers), feedback))
    }

    /// `{#…}`: each fully right answer becomes an accepted answer of a
    /// typed question: a number, a range `low..high` or `value ± tolerance`
    /// (graded as a number, see `quiz::number`).
    pub(super) fn numeric(
        &mut self,
        open: usize,
        from: usize,
        to: usize,
        format: Format,
    ) -> Option<(Answer, Vec<String>)> {
        let m = self.masked;
        let pieces = if find_any(m, from, to, b"=~").is_some() {
            self.pieces(from, to, format)?
        } else {
            vec![self.piece(b'=', from, from, to, format)?]
        };
        let mut answers = Vec::new();
        let mut feedback = Vec::new();
        for piece in pieces.into_iter().filter(|p| p.sign == b'=') {
            let number = self.number(&piece)?;
            match piece.weight {
                Some(w) if w <= 0.0 => continue,
                Some(w) if w < 100.0 => {
                    let text = partial(self.words, w, &piece.text);
                    self.note(piece.at, text);
                    continue;
                }
                _ => {}
            }
            feedback.extend(piece.feedback);
            answers.push(number);
        }
        if answers.is_empty() {
            self.error(
                open..open + 1,
                self.words.no_right,
                self.words.no_right_help,
            );
            return None;
        }
        Some((Answer::Typed(answers), feedback))
    }

    /// A numerical answer in kisi's words: the number, `low..high` or
    /// `value ± tolerance` (an exact range or a zero tolerance is the
    /// number alone); a diagnostic and `None` when it is none of these.
    fn number(&mut self, piece: &Piece) -> Option<String> {
        let text = piece.text.trim();
        let (first, second, range) = if let Some((low, high)) = text.split_once("..") {
            (low.trim(), Some(high.trim()), true)
        } else if let Some((value, tolerance)) = text.split_once(':') {
            (value.trim(), Some(tolerance.trim()), false)
        } else {
            (text, None, false)
        };
        let value = |this: &mut Self, t: &str| {
            let parsed = t.parse::<f64>().ok().filter(|v| v.is_finite());
            if parsed.is_none() {
                this.bad_number(piece, t);
            }
            parsed
        };
        let low = value(self, first)?;
        let Some(second) = second else {
            return Some(first.to_owned());
        };
        let high = value(self, second)?;
        if (range && low > high) || (!range && high < 0.0) {
            let span = piece.raw.clone();
            self.error(
                span,
                &fill(self.words.bad_range, &[("text", text)]),
                self.words.bad_range_help,
            );
            return None;
        }
        // Neither is below: the range is one number, the tolerance none.
        Some(if (range && low >= high) || (!range && high <= 0.0) {
            first.to_owned()
        } else if range {
            format!("{first}..{second}")
        } else {
            format!("{first} ± {second}")
        })
    }
    fn bad_number(&mut self, piece: &Piece, text: &str) {
        let span = piece.raw.clone();
        self.error(
            span,
            &fill(self.words.bad_number, &[("text", text)]),
            self.words.bad_number_help,
        );
    }
}
