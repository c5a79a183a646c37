//! A slide laid out: the body paged when it is longer than its rows, the
//! points wrapped, and when not all revealed points fit, the newest of them
//! under a marker naming those above.

use ratatui::style::Style;

use super::PresentState;
use super::stage::clip;
use super::title::{Title, fit_title_within};
use crate::env::Context;
use crate::wrap::hanging;
use crate::wrap::{truncate, wrap};
use kisi_core::i18n::Strings;
use ratatui::layout::Rect;

/// The body's lines on screen: all of them, or when they do not fit its
/// `rows` the page on show, its last row the marker of more below (or, on
/// the last page, above).
pub(super) fn body_page(
    state: &PresentState,
    body: Vec<String>,
    rows: usize,
    context: &Context,
    width: usize,
) -> Vec<(String, Style)> {
    let theme = context.theme;
    let pages = body_pages(body.len(), rows);
    if pages == 1 {
        return clip(body, rows, width)
            .into_iter()
            .map(|l| (l, theme.text))
            .collect();
    }
    let step = rows.saturating_sub(1).max(1);
    let page = state.page.min(pages - 1);
    let mut lines: Vec<(String, Style)> = body
        .into_iter()
        .skip(page * step)
        .take(step)
        .map(|l| (l, theme.text))
        .collect();
    lines.resize(step, (String::new(), theme.text));
    let words = context.lang.screen_words();
    let marker = if page + 1 < pages {
        words.more_below
    } else {
        words.more_above
    };
    lines.push((truncate(marker, width), theme.dim));
    lines
}

/// A slide laid out in its column: the title, the rows under it, the
/// body and points wrapped, a blank between them, and the body's rows.
pub(super) struct SlideLayout {
    pub(super) title: Title,
    pub(super) room: usize,
    pub(super) body: Vec<String>,
    pub(super) points: Vec<Vec<String>>,
    pub(super) gap: usize,
    /// The body keeps the same height on every step of a slide, so
    /// revealing a point never moves the text above it.
    pub(super) body_rows: usize,
    /// The body does not fit beside the points: it is read page by page in
    /// all the rows, and the points, once revealed, take its place.
    pub(super) paged: bool,
}

pub(super) fn slide_layout(entry: &kisi_core::content::Entry, column: Rect) -> SlideLayout {
    let width = usize::from(column.width);
    // Everything above the bottom row, with a blank row before it.
    let rows = usize::from(column.height.saturating_sub(2));
    // Big letters take at most a third of the rows; a title in plain text
    // may take all but three (a blank, a line of the body and a marker),
    // so that a long one is read whole.
    let title = fit_title_within(&entry.title, width, rows / 3, rows.saturating_sub(3));
    let room = rows.saturating_sub(title.rows() + 1);
    let body = wrap(&entry.body, width);
    let points: Vec<Vec<String>> = entry
        .points
        .iter()
        .enumerate()
        .map(|(i, point)| hanging(&format!("{}. ", point.display_label(i)), &point.text, width))
        .collect();
    let all_points_rows: usize = points.iter().map(Vec::len).sum();
    let gap = usize::from(!points.is_empty() && !body.is_empty());
    let beside_points = body
        .len()
        .min((room / 2).max(room.saturating_sub(all_points_rows + gap)));
    // A body that would be paged in its share beside the points gets every
    // row instead of a few lines a page.
    let paged = !points.is_empty() && body.len() > beside_points;
    let body_rows = if points.is_empty() || paged {
        room
    } else {
        beside_points
    };
    SlideLayout {
        title,
        room,
        body,
        points,
        gap,
        body_rows,
        paged,
    }
}

/// The body's lines and the rows it gets.
pub(super) fn body_fit(entry: &kisi_core::content::Entry, column: Rect) -> (Vec<String>, usize) {
    let layout = slide_layout(entry, column);
    (layout.body, layout.body_rows)
}

/// How many pages a body of `lines` takes in `rows` (one row of each page
/// is the marker of more).
pub(super) fn body_pages(lines: usize, rows: usize) -> usize {
    if lines <= rows || rows < 2 {
        1
    } else {
        lines.div_ceil(rows - 1)
    }
}

/// `▲ a–b: 2 butir di atas`: the points revealed but scrolled out above.
pub(super) fn hidden_marker(labels: &[String], strings: &Strings) -> String {
    let (Some(first), Some(last)) = (labels.first(), labels.last()) else {
        return String::new();
    };
    let span = if labels.len() == 1 {
        first.clone()
    } else {
        format!("{first}–{last}")
    };
    let words = if labels.len() == 1 {
        strings.present_point_above
    } else {
        strings.present_points_above
    };
    format!("▲ {span}: {} {words}", labels.len())
}

/// How many of the most recent blocks (points) fit in `rows` whole.
pub(super) fn fitting(blocks: &[Vec<String>], rows: usize) -> usize {
    let mut used = 0;
    blocks
        .iter()
        .rev()
        .take_while(|block| {
            used += block.len();
            used <= rows
        })
        .count()
}

/// The most recent blocks (points) that fit in `rows` whole, and the index
/// of the first of them; when not even the newest fits, its beginning, cut
/// with an ellipsis.
pub(super) fn newest_that_fit(
    blocks: &[Vec<String>],
    rows: usize,
    width: usize,
) -> (usize, Vec<String>) {
    let first = blocks.len() - fitting(blocks, rows);
    if first == blocks.len() {
        let Some(newest) = blocks.last() else {
            return (0, Vec::new());
        };
        return (first - 1, clip(newest.clone(), rows, width));
    }
    (first, blocks[first..].concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_points_stay_when_not_all_fit() {
        let blocks = vec![
            vec!["a".to_owned()],
            vec!["b1".to_owned(), "b2".to_owned()],
            vec!["c".to_owned()],
        ];
        let lines = |v: &[&str]| v.iter().map(|&s| s.to_owned()).collect::<Vec<_>>();
        assert_eq!(
            newest_that_fit(&blocks, 4, 10),
            (0, lines(&["a", "b1", "b2", "c"]))
        );
        assert_eq!(
            newest_that_fit(&blocks, 3, 10),
            (1, lines(&["b1", "b2", "c"]))
        );
        assert_eq!(newest_that_fit(&blocks, 2, 10), (2, lines(&["c"])));
        assert_eq!(newest_that_fit(&blocks[..2], 1, 10), (1, lines(&["b1 …"])));
    }

    #[test]
    fn the_marker_names_the_points_above() {
        let labels = |v: &[&str]| v.iter().map(|&s| s.to_owned()).collect::<Vec<_>>();
        let en = kisi_core::i18n::Lang::En.strings();
        let id = kisi_core::i18n::Lang::Id.strings();
        assert_eq!(
            hidden_marker(&labels(&["a", "b"]), id),
            "▲ a–b: 2 butir di atas"
        );
        assert_eq!(hidden_marker(&labels(&["a"]), en), "▲ a: 1 point above");
        assert_eq!(
            hidden_marker(&labels(&["1", "2", "3"]), en),
            "▲ 1–3: 3 points above"
        );
    }
}
