//! A slide's title in large letters when they fit, else in bold text.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

use super::stage::{clip, row};
use crate::wrap::wrap;

/// A title in large letters, or as bold wrapped text when it would not fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Title {
    Big { lines: Vec<String>, size: BigSize },
    Plain(Vec<String>),
}

impl Title {
    /// The rows it takes on screen.
    pub(crate) fn rows(&self) -> usize {
        match self {
            Self::Big { lines, size } => lines.len() * size.cell().1,
            Self::Plain(lines) => lines.len(),
        }
    }
}

/// How big the letters of a big title are, in terminal cells per letter of
/// the 8x8 font.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BigSize {
    /// 8 columns by 8 rows.
    Full,
    /// 8 columns by 4 rows: about square on a terminal, whose cells are
    /// twice as tall as wide.
    HalfHeight,
    /// 4 columns by 4 rows.
    Quadrant,
}

impl BigSize {
    const LARGEST_FIRST: [Self; 3] = [Self::Full, Self::HalfHeight, Self::Quadrant];

    /// Columns and rows one letter takes.
    const fn cell(self) -> (usize, usize) {
        match self {
            Self::Full => (8, 8),
            Self::HalfHeight => (8, 4),
            Self::Quadrant => (4, 4),
        }
    }

    const fn pixel_size(self) -> PixelSize {
        match self {
            Self::Full => PixelSize::Full,
            Self::HalfHeight => PixelSize::HalfHeight,
            Self::Quadrant => PixelSize::Quadrant,
        }
    }
}

/// More lines of big letters read worse than bold text.
const BIG_MAX_LINES: usize = 3;

/// Big letters, as large as fit, when every word fits a line of them and the
/// lines fit in `max_rows`; otherwise bold text in at most `max_rows` (at
/// least one) rows.
pub(crate) fn fit_title(text: &str, width: usize, max_rows: usize) -> Title {
    fit_title_within(text, width, max_rows, max_rows)
}

/// Like [`fit_title`], with big letters in at most `big_rows` and bold text
/// in at most `plain_rows`: a long title is worth more rows read whole than
/// big letters are.
pub(crate) fn fit_title_within(
    text: &str,
    width: usize,
    big_rows: usize,
    plain_rows: usize,
) -> Title {
    big_lines(text, width, big_rows).map_or_else(
        || Title::Plain(clip(wrap(text, width), plain_rows.max(1), width)),
        |(lines, size)| Title::Big { lines, size },
    )
}

/// `text` as lines of big letters of the largest size that fits `width` and
/// `max_rows` without breaking a word.
pub(crate) fn big_lines(
    text: &str,
    width: usize,
    max_rows: usize,
) -> Option<(Vec<String>, BigSize)> {
    // The 8x8 font has no glyph for some letters; those titles stay plain.
    if !text.is_ascii() {
        return None;
    }
    BigSize::LARGEST_FIRST.into_iter().find_map(|size| {
        let (cell_width, cell_height) = size.cell();
        let letters = width / cell_width;
        let lines = wrap(text, letters);
        let whole_words = text
            .split_whitespace()
            .all(|word| word.chars().count() <= letters);
        let fits = letters > 0
            && whole_words
            && lines.len() <= BIG_MAX_LINES
            && lines.len() * cell_height <= max_rows;
        fits.then_some((lines, size))
    })
}

/// Draws the title at the top of `area` and returns the rows it took.
pub(crate) fn render_title(title: &Title, area: Rect, style: Style, buf: &mut Buffer) -> usize {
    match title {
        Title::Big { lines, size } => {
            let rows = lines.len() * size.cell().1;
            let height = u16::try_from(rows).unwrap_or(u16::MAX).min(area.height);
            BigText::builder()
                .pixel_size(size.pixel_size())
                .style(style)
                .lines(
                    lines
                        .iter()
                        .map(|l| Line::raw(l.clone()))
                        .collect::<Vec<_>>(),
                )
                .build()
                .render(Rect { height, ..area }, buf);
            rows
        }
        Title::Plain(lines) => {
            let style = style.add_modifier(Modifier::BOLD);
            for (i, line) in lines.iter().enumerate() {
                let y = area.y + u16::try_from(i).unwrap_or(u16::MAX);
                Line::styled(line.as_str(), style).render(row(area, y), buf);
            }
            lines.len()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_titles_are_big_long_ones_plain() {
        // 80 columns hold 10 letters of 8 columns: two lines of 4 rows.
        assert_eq!(
            fit_title("Fungsi sosial", 80, 8),
            Title::Big {
                lines: vec!["Fungsi".to_owned(), "sosial".to_owned()],
                size: BigSize::HalfHeight
            }
        );
        // With fewer rows, smaller letters on one line.
        assert_eq!(
            fit_title("Fungsi sosial", 80, 7),
            Title::Big {
                lines: vec!["Fungsi sosial".to_owned()],
                size: BigSize::Quadrant
            }
        );
        // A large screen gets the largest letters.
        assert!(matches!(
            fit_title("Mediator", 120, 16),
            Title::Big {
                size: BigSize::Full,
                ..
            }
        ));
        // Too few rows for even one line of big letters.
        assert!(matches!(fit_title("Fungsi sosial", 80, 3), Title::Plain(_)));
        // A word wider than a line of big letters would be broken: plain.
        assert!(matches!(
            fit_title("kesejahteraan", 40, 20),
            Title::Plain(_)
        ));
    }

    #[test]
    fn plain_titles_are_cut_with_an_ellipsis() {
        let Title::Plain(lines) = fit_title("satu dua tiga empat lima enam", 10, 2) else {
            panic!("expected plain text");
        };
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
    }
}
