//! The stage a slide or a class quiz question stands on: a centred column,
//! the bottom row with the source, and text wrapped or clipped to it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::layout::reading_column;
use crate::wrap::truncate;

/// From this height on, a screen is tall enough for margins above a slide.
pub(super) const TALL: u16 = 30;

/// The area a presentation uses: a centred column, with a margin above on
/// tall terminals so the slide does not stick to the top edge.
pub(crate) fn stage(area: Rect) -> Rect {
    let column = reading_column(area);
    let top = if area.height >= TALL {
        area.height / 12
    } else {
        0
    };
    Rect {
        y: column.y + top,
        height: column.height - top,
        ..column
    }
}

pub(crate) fn row(area: Rect, y: u16) -> Rect {
    Rect::new(area.x, y, area.width, u16::from(y < area.bottom()))
}

/// The last row of `area`: `left` (cut with an ellipsis), then `right`
/// flush right, and `middle` between them only when it fits whole.
pub(crate) fn render_bottom_row(
    left: &str,
    right: &str,
    middle: Option<&str>,
    area: Rect,
    style: Style,
    buf: &mut Buffer,
) {
    if area.height == 0 {
        return;
    }
    let width = usize::from(area.width);
    let right_width = right.width();
    let mut text = left.to_owned();
    if let Some(middle) = middle
        && left.width() + middle.width() + right_width + 6 <= width
    {
        text = format!("{middle} · {left}");
    }
    let left = keep_locator(&text, width.saturating_sub(right_width + 2));
    let pad = width.saturating_sub(left.width() + right_width);
    let line = Line::from(vec![
        Span::styled(left, style),
        Span::raw(" ".repeat(pad)),
        Span::styled(truncate(right, width), style),
    ]);
    line.render(row(area, area.bottom() - 1), buf);
}

/// A citation cut to `width`: a cut falls in the citation, not in the
/// locator (page, article) in parentheses at its end, which says where to
/// look, while that leaves room for some of the citation.
fn keep_locator(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    if let Some(open) = locator_start(text) {
        let (head, locator) = text.split_at(open);
        if locator.width() + 8 <= width {
            let head = truncate(head, width - locator.width());
            return format!("{head}{locator}");
        }
    }
    truncate(text, width)
}

/// Where the locator in parentheses that ends `text` begins (at the space
/// before it), its own parentheses matched: "(Pasal 5 ayat (1))" whole.
fn locator_start(text: &str) -> Option<usize> {
    if !text.ends_with(')') {
        return None;
    }
    let mut depth = 0usize;
    for (at, c) in text.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return text[..at].ends_with(' ').then(|| at - 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// The first `rows` lines; when some are left out, the last kept one ends
/// with an ellipsis so the cut shows.
pub(crate) fn clip(mut lines: Vec<String>, rows: usize, width: usize) -> Vec<String> {
    if lines.len() > rows {
        lines.truncate(rows);
        if let Some(last) = lines.last_mut() {
            *last = truncate(&format!("{last} …"), width);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_citation_keeps_its_locator() {
        let citation = "Campbell, N. A. & Reece, J. B. (2008). Biology (8th ed.) (hlm. 42)";
        let cut = keep_locator(citation, 40);
        assert!(cut.ends_with("… (hlm. 42)"), "{cut}");
        assert!(cut.width() <= 40, "{cut}");
        assert_eq!(keep_locator(citation, 200), citation);
        // A locator with parentheses of its own is kept whole.
        let nested = "Undang-Undang Republik Indonesia Nomor 11 Tahun 2009 (Pasal 5 ayat (1))";
        assert!(
            keep_locator(nested, 50).ends_with("… (Pasal 5 ayat (1))"),
            "{}",
            keep_locator(nested, 50)
        );
        // No room for the locator and some citation: cut at the end.
        assert!(keep_locator(citation, 12).starts_with("Campbell"));
    }
}
