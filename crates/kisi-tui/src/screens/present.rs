//! Presentation mode: one entry per slide for a lecture, its title in large
//! letters, its points revealed one at a time, the source at the bottom.
//!
//! Built for a projector and a lecturer who enlarges the font: the big title
//! falls back to bold text when it would not fit, text is wrapped by words and
//! cut with an ellipsis, and when the points do not all fit the newest
//! revealed ones stay on screen under a marker naming those above
//! (`▲ a–b: 2 butir di atas`). The slide does not scroll: its keys step
//! through points and slides.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

use super::KeyHint;
use crate::action::{Action, Mode};
use crate::app::{Context, Nav};
use crate::keymap;
use crate::view::reading_column;
use crate::wrap::{truncate, wrap};
use kisi_core::content::{EntryRef, Pack};
use kisi_core::i18n::Strings;

/// Where a presentation was opened from, which decides where Esc goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The Home menu: Esc returns there.
    Menu,
    /// `kisi present`: Esc quits back to the shell.
    CommandLine,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresentState {
    slides: Vec<EntryRef>,
    slide: usize,
    /// How many points of the current slide are revealed.
    shown: usize,
    /// The page of a body too long for its rows, read before the points.
    page: usize,
    footer: bool,
    origin: Origin,
}

impl PresentState {
    /// One slide per entry of the given topics (indices into the pack), in
    /// pack order; all topics when `topics` is empty.
    pub fn new(pack: &Pack, topics: &[usize], origin: Origin) -> Self {
        let slides = pack
            .entries()
            .map(|(at, _)| at)
            .filter(|at| topics.is_empty() || topics.contains(&at.topic))
            .collect();
        Self {
            slides,
            slide: 0,
            shown: 0,
            page: 0,
            footer: true,
            origin,
        }
    }

    /// The index of the slide on screen.
    pub fn slide(&self) -> usize {
        self.slide
    }

    pub fn slide_count(&self) -> usize {
        self.slides.len()
    }

    /// How many points of the current slide are revealed.
    pub fn shown(&self) -> usize {
        self.shown
    }

    /// Whether the one-line footer of keys is shown (`f` toggles it).
    pub fn footer_visible(&self) -> bool {
        self.footer
    }

    fn point_count(&self, pack: &Pack, slide: usize) -> usize {
        self.slides
            .get(slide)
            .and_then(|&at| pack.entry(at))
            .map_or(0, |entry| entry.points.len())
    }

    fn go_to(&mut self, slide: usize, shown: usize) {
        self.slide = slide;
        self.shown = shown;
        self.page = 0;
    }
}

/// Space, Enter, Right and Page Down step forward like a presenter's clicker:
/// the next point, and on a fully revealed slide the next slide. Left and
/// Page Up go back to the previous slide as it was left, all points shown.
/// Up and Down move a whole slide at once, its points hidden.
pub fn update(state: &mut PresentState, action: Action, context: &Context) -> Nav {
    let last = state.slides.len().saturating_sub(1);
    let points = state.point_count(context.pack, state.slide);
    // A body longer than its rows is read page by page, before the points.
    let pages = state
        .slides
        .get(state.slide)
        .and_then(|&at| context.pack.entry(at))
        .map_or(1, |entry| {
            let (body, rows) = body_fit(entry, stage(context.body));
            body_pages(body.len(), rows)
        });
    match action {
        // A click anywhere advances, like a presenter's clicker.
        Action::Open | Action::Toggle | Action::Right | Action::PageDown | Action::Click { .. } => {
            if state.page + 1 < pages {
                state.page += 1;
            } else if state.shown < points {
                state.shown += 1;
            } else if state.slide < last {
                state.go_to(state.slide + 1, 0);
            }
        }
        Action::Left | Action::PageUp if state.page > 0 && state.shown == 0 => {
            state.page -= 1;
        }
        Action::Left | Action::PageUp => {
            if state.slide > 0 {
                let previous = state.slide - 1;
                let all = state.point_count(context.pack, previous);
                state.go_to(previous, all);
            } else {
                state.shown = 0;
            }
        }
        Action::Down => state.go_to((state.slide + 1).min(last), 0),
        Action::Up => state.go_to(state.slide.saturating_sub(1), 0),
        Action::First => state.go_to(0, 0),
        Action::Last => state.go_to(last, 0),
        Action::ToggleFooter => state.footer = !state.footer,
        Action::Back => {
            return match state.origin {
                Origin::Menu => Nav::Back,
                Origin::CommandLine => Nav::Quit,
            };
        }
        _ => {}
    }
    Nav::Stay
}

pub fn render(state: &PresentState, context: &Context, area: Rect, buf: &mut Buffer) {
    let theme = context.theme;
    let column = stage(area);
    let width = usize::from(column.width);
    let Some((at, entry)) = state
        .slides
        .get(state.slide)
        .and_then(|&at| Some((at, context.pack.entry(at)?)))
    else {
        Line::styled(
            truncate(context.strings.present_no_slides, width),
            theme.dim,
        )
        .render(column, buf);
        return;
    };

    // The bottom row: the source, and the slide counter on the right.
    let counter = format!("{}/{}", state.slide + 1, state.slides.len());
    let citation = context.pack.citation(entry);
    let topic = context.pack.topic(at.topic).map(|t| t.title.as_str());
    render_bottom_row(&citation, &counter, topic, column, theme.dim, buf);

    let layout = slide_layout(entry, column);
    let (title, room, body, points, gap) = (
        layout.title,
        layout.room,
        layout.body,
        layout.points,
        layout.gap,
    );
    let all_points_rows: usize = points.iter().map(Vec::len).sum();

    // On a tall screen a slide that fits whole sits in the middle, placed by
    // its full height so that revealing points never moves it.
    let full = body.len() + gap + all_points_rows;
    let centred = if column.height >= TALL && full < room {
        (room - full) / 2
    } else {
        0
    };
    let mut y = column.y + u16::try_from(centred).unwrap_or(0);
    let title_rows = render_title(&title, Rect { y, ..column }, theme.heading, buf);
    let room = room - centred;
    y += u16::try_from(title_rows + 1).unwrap_or(u16::MAX);
    let body = body_page(state, body, layout.body_rows.min(room), context, width);
    for (line, style) in &body {
        Line::styled(line.as_str(), *style).render(row(column, y), buf);
        y += 1;
    }
    let points_room = room.saturating_sub(body.len() + gap);
    let shown = &points[..state.shown.min(points.len())];
    if fitting(shown, points_room) == shown.len() {
        y += u16::try_from(gap).unwrap_or(0);
        for line in shown.concat() {
            Line::styled(line, theme.text).render(row(column, y), buf);
            y += 1;
        }
        return;
    }
    // Not every revealed point fits: a marker row says which are above. It
    // takes the blank row under the body when a row fewer for the points
    // would leave out one more of them (or cut the newest shorter); with no
    // such row, it takes one from the points unless that is their last.
    let whole = fitting(shown, points_room);
    let marker_in_gap =
        gap == 1 && (whole == 0 || fitting(shown, points_room.saturating_sub(1)) < whole);
    let marker_row = marker_in_gap || points_room >= 2;
    if !marker_in_gap {
        y += u16::try_from(gap).unwrap_or(0);
    }
    let blocks_room = points_room - usize::from(marker_row && !marker_in_gap);
    let (first, newest) = newest_that_fit(shown, blocks_room, width);
    if marker_row {
        let labels: Vec<String> = entry
            .points
            .iter()
            .enumerate()
            .map(|(i, point)| point.display_label(i))
            .collect();
        let marker = hidden_marker(&labels[..first], context.strings);
        Line::styled(truncate(&marker, width), theme.dim).render(row(column, y), buf);
        y += 1;
    }
    for line in newest {
        Line::styled(line, theme.text).render(row(column, y), buf);
        y += 1;
    }
}

/// The body's lines on screen: all of them, or when they do not fit its
/// `rows` the page on show, its last row the marker of more below (or, on
/// the last page, above).
fn body_page(
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
struct SlideLayout {
    title: Title,
    room: usize,
    body: Vec<String>,
    points: Vec<Vec<String>>,
    gap: usize,
    /// The body keeps the same height on every step of a slide, so
    /// revealing a point never moves the text above it.
    body_rows: usize,
}

fn slide_layout(entry: &kisi_core::content::Entry, column: Rect) -> SlideLayout {
    let width = usize::from(column.width);
    // Everything above the bottom row, with a blank row before it.
    let rows = usize::from(column.height.saturating_sub(2));
    let title = fit_title(&entry.title, width, rows / 3);
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
    let body_rows = if points.is_empty() {
        room
    } else {
        body.len()
            .min((room / 2).max(room.saturating_sub(all_points_rows + gap)))
    };
    SlideLayout {
        title,
        room,
        body,
        points,
        gap,
        body_rows,
    }
}

/// The body's lines and the rows it gets.
fn body_fit(entry: &kisi_core::content::Entry, column: Rect) -> (Vec<String>, usize) {
    let layout = slide_layout(entry, column);
    (layout.body, layout.body_rows)
}

/// How many pages a body of `lines` takes in `rows` (one row of each page
/// is the marker of more).
fn body_pages(lines: usize, rows: usize) -> usize {
    if lines <= rows || rows < 2 {
        1
    } else {
        lines.div_ceil(rows - 1)
    }
}

/// `▲ a–b: 2 butir di atas`: the points revealed but scrolled out above.
fn hidden_marker(labels: &[String], strings: &Strings) -> String {
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

/// From this height on, a screen is tall enough for margins above a slide.
const TALL: u16 = 30;

/// The area a presentation uses: a centred column, with a margin above on
/// tall terminals so the slide does not stick to the top edge.
pub(super) fn stage(area: Rect) -> Rect {
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

pub(super) fn row(area: Rect, y: u16) -> Rect {
    Rect::new(area.x, y, area.width, u16::from(y < area.bottom()))
}

/// The last row of `area`: `left` (cut with an ellipsis), then `right`
/// flush right, and `middle` between them only when it fits whole.
pub(super) fn render_bottom_row(
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
    if let Some(open) = text.rfind(" (")
        && text.ends_with(')')
    {
        let (head, locator) = text.split_at(open);
        if locator.width() + 8 <= width {
            let head = truncate(head, width - locator.width());
            return format!("{head}{locator}");
        }
    }
    truncate(text, width)
}

/// A title in large letters, or as bold wrapped text when it would not fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Title {
    Big { lines: Vec<String>, size: BigSize },
    Plain(Vec<String>),
}

impl Title {
    /// The rows it takes on screen.
    pub(super) fn rows(&self) -> usize {
        match self {
            Self::Big { lines, size } => lines.len() * size.cell().1,
            Self::Plain(lines) => lines.len(),
        }
    }
}

/// How big the letters of a big title are, in terminal cells per letter of
/// the 8x8 font.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BigSize {
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
pub(super) fn fit_title(text: &str, width: usize, max_rows: usize) -> Title {
    big_lines(text, width, max_rows).map_or_else(
        || Title::Plain(clip(wrap(text, width), max_rows.max(1), width)),
        |(lines, size)| Title::Big { lines, size },
    )
}

/// `text` as lines of big letters of the largest size that fits `width` and
/// `max_rows` without breaking a word.
pub(super) fn big_lines(
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
pub(super) fn render_title(title: &Title, area: Rect, style: Style, buf: &mut Buffer) -> usize {
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

/// The first `rows` lines; when some are left out, the last kept one ends
/// with an ellipsis so the cut shows.
pub(super) fn clip(mut lines: Vec<String>, rows: usize, width: usize) -> Vec<String> {
    if lines.len() > rows {
        lines.truncate(rows);
        if let Some(last) = lines.last_mut() {
            *last = truncate(&format!("{last} …"), width);
        }
    }
    lines
}

/// `text` wrapped after `prefix`, continuation lines indented under the text.
pub(crate) fn hanging(prefix: &str, text: &str, width: usize) -> Vec<String> {
    let indent = prefix.width();
    if indent + 8 > width {
        return wrap(&format!("{prefix}{text}"), width);
    }
    wrap(text, width - indent)
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            if i == 0 {
                format!("{prefix}{line}")
            } else {
                format!("{}{line}", " ".repeat(indent))
            }
        })
        .collect()
}

/// How many of the most recent blocks (points) fit in `rows` whole.
fn fitting(blocks: &[Vec<String>], rows: usize) -> usize {
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
fn newest_that_fit(blocks: &[Vec<String>], rows: usize, width: usize) -> (usize, Vec<String>) {
    let first = blocks.len() - fitting(blocks, rows);
    if first == blocks.len() {
        let Some(newest) = blocks.last() else {
            return (0, Vec::new());
        };
        return (first - 1, clip(newest.clone(), rows, width));
    }
    (first, blocks[first..].concat())
}

pub fn keys(strings: &'static Strings) -> Vec<KeyHint> {
    keymap::all_hints(Mode::Present, strings)
}

impl super::ScreenState for PresentState {
    fn update(
        &mut self,
        action: Action,
        context: &Context,
        _effects: &mut Vec<crate::effect::Effect>,
    ) -> Nav {
        update(self, action, context)
    }

    fn render(&self, context: &Context, area: Rect, buf: &mut Buffer) {
        render(self, context, area, buf);
    }

    fn keys(&self, context: &Context) -> Vec<KeyHint> {
        keys(context.strings)
    }

    fn mode(&self) -> crate::action::Mode {
        crate::action::Mode::Present
    }

    fn presentation_footer(&self) -> Option<bool> {
        Some(self.footer_visible())
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
    fn a_cut_citation_keeps_its_locator() {
        let citation = "Campbell, N. A. & Reece, J. B. (2008). Biology (8th ed.) (hlm. 42)";
        let cut = keep_locator(citation, 40);
        assert!(cut.ends_with("… (hlm. 42)"), "{cut}");
        assert!(cut.width() <= 40, "{cut}");
        assert_eq!(keep_locator(citation, 200), citation);
        // No room for the locator and some citation: cut at the end.
        assert!(keep_locator(citation, 12).starts_with("Campbell"));
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
