//! Where a screen's text sits: the smallest window kisi draws in and the
//! reading column, shared by every screen and the frame around them.

use ratatui::layout::Rect;

/// Below this size a screen cannot show its content and a footer.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;

/// The widest a column of reading text gets, so lines stay readable on wide
/// terminals.
pub const READING_WIDTH: u16 = 100;

/// A column at most `READING_WIDTH` wide, centred in `area`, with a margin of
/// one column on each side when there is room.
pub fn reading_column(area: Rect) -> Rect {
    let margin = u16::from(area.width >= MIN_WIDTH + 2);
    let width = area.width.saturating_sub(2 * margin).min(READING_WIDTH);
    let x = area.x + (area.width - width) / 2;
    Rect::new(x, area.y, width, area.height)
}
