//! Drawing: the frame around every screen (header, footer, help overlay) and
//! the dispatch to each screen's own `render`. Nothing here changes state.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::env::{Context, Env};
use crate::keymap::{self, KeyHint};
use crate::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::stack::Stack;
use crate::wrap::truncate;
use unicode_width::UnicodeWidthStr;

/// The area between the header and the footer.
pub fn body_area(area: Rect) -> Rect {
    let [_, body, _] = frame_layout(area);
    body
}

fn frame_layout(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The body of the screen on show as it is drawn in `area`: a
/// presentation's has no header (and no footer when hidden).
pub fn screen_body(stack: &Stack, area: Rect) -> Rect {
    let [_, body, _] = screen_layout(stack, area);
    body
}

/// Header, body and footer of the screen on show.
fn screen_layout(stack: &Stack, area: Rect) -> [Rect; 3] {
    match presentation_footer(stack) {
        Some(footer) => presentation_layout(area, footer),
        None => frame_layout(area),
    }
}

/// Presenting to a room: no header, and the footer only on request. `None`
/// for every other screen.
fn presentation_footer(stack: &Stack) -> Option<bool> {
    stack.screen.state().presentation_footer()
}

fn presentation_layout(area: Rect, footer: bool) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(0),
        Constraint::Min(0),
        Constraint::Length(u16::from(footer)),
    ])
    .areas(area)
}

/// What is drawn: the environment, where the user is, and the terminal
/// size as last reported (the area screens lay themselves out in).
#[derive(Clone, Copy)]
pub struct View<'a> {
    pub env: &'a Env,
    pub stack: &'a Stack,
    pub size: Rect,
}

impl View<'_> {
    fn strings(&self) -> &'static kisi_core::i18n::Strings {
        self.env.strings()
    }

    /// What the screen on show may read.
    fn context(&self) -> Context<'_> {
        self.env.context(screen_body(self.stack, self.size))
    }
}

impl Widget for View<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let strings = self.strings();
        // A theme may give text a background (high-contrast): fill the screen.
        buf.set_style(area, self.env.theme.text);
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            let message = truncate(strings.too_small, area.width.into());
            let row = Rect::new(area.x, area.y + area.height / 2, area.width, 1);
            Line::styled(message, self.env.theme.error)
                .centered()
                .render(row, buf);
            return;
        }
        let [header, body, footer] = screen_layout(self.stack, area);
        let context = self.context();
        if presentation_footer(self.stack).is_none() {
            render_header(&self, header, buf);
        }
        self.stack.screen.state().render(&context, body, buf);
        render_save_failure(&self, body, buf);
        let hints = screen_keys(&self);
        render_footer(&self, &hints, footer, buf);
        if self.stack.help_open {
            render_help(&self, &hints, body, buf);
        }
    }
}

/// A save that failed, said at the foot of whatever screen is on show (Home
/// lists it with the other warnings), wrapped over up to four rows.
fn render_save_failure(app: &View, body: Rect, buf: &mut Buffer) {
    let Some(message) = &app.env.save_failure else {
        return;
    };
    if matches!(app.stack.screen, crate::screens::Screen::Home(_)) || body.height < 4 {
        return;
    }
    let mut lines = crate::wrap::wrap(&format!("⚠ {message}"), body.width.into());
    lines.truncate(usize::from(body.height / 2).min(4));
    let height = u16::try_from(lines.len()).unwrap_or(4);
    let area = Rect::new(body.x, body.bottom() - height, body.width, height);
    Clear.render(area, buf);
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| Line::styled(l, app.env.theme.error))
        .collect();
    Paragraph::new(lines).render(area, buf);
}

/// The keys of the screen on show, for its footer and the help overlay.
pub fn screen_keys(app: &View) -> Vec<KeyHint> {
    app.stack.screen.state().keys(&app.context())
}

/// The breadcrumb of where the user is: pack, topic, entry.
fn render_header(app: &View, area: Rect, buf: &mut Buffer) {
    let pack = &app.env.pack;
    let state = app.stack.screen.state();
    let mut crumbs = vec![state.pack_title().unwrap_or(&pack.meta.title).to_owned()];
    let (topic, entry) = app.stack.screen.state().title();
    if let Some(topic) = topic.and_then(|t| pack.topic(t)) {
        crumbs.push(topic.title.clone());
    }
    if let Some(entry) = entry.and_then(|e| pack.entry(e)) {
        crumbs.push(entry.title.to_string());
    }
    let lead = format!(" {} │ ", app.strings().app_name);
    let width = usize::from(area.width);
    // When the whole trail does not fit, the crumbs nearest the screen are
    // the ones worth keeping: drop from the pack's title on.
    let text = (0..crumbs.len())
        .map(|first| {
            let trail = crumbs[first..].join(" › ");
            if first == 0 {
                format!("{lead}{trail}")
            } else {
                format!("{lead}… › {trail}")
            }
        })
        .find(|text| text.width() <= width)
        .unwrap_or_else(|| format!("{lead}{}", crumbs.last().map_or("", String::as_str)));
    Line::styled(truncate(&text, width), app.env.theme.title).render(area, buf);
}

/// The footer hints that fit in `width` columns: the most important first
/// (the lowest priority, then the earliest), shown in their own order.
pub fn footer_hints(hints: &[KeyHint], width: usize) -> Vec<KeyHint> {
    let footer: Vec<&KeyHint> = hints.iter().filter(|h| h.in_footer).collect();
    let mut by_priority: Vec<usize> = (0..footer.len()).collect();
    by_priority.sort_by_key(|&i| footer[i].priority);
    let mut kept = vec![false; footer.len()];
    // A leading space; each hint is its keys, a space, its words and two
    // spaces that only matter if another hint follows.
    let mut used = 1;
    for i in by_priority {
        let hint = footer[i];
        let needed = hint.keys.width() + hint.action.width() + 3;
        if used + needed - 2 <= width {
            used += needed;
            kept[i] = true;
        }
    }
    footer
        .into_iter()
        .zip(kept)
        .filter_map(|(hint, kept)| kept.then_some(*hint))
        .collect()
}

/// The keys that matter on this screen, as many as fit, the most
/// important kept.
fn render_footer(app: &View, hints: &[KeyHint], area: Rect, buf: &mut Buffer) {
    let mut spans = vec![Span::raw(" ")];
    for hint in footer_hints(hints, usize::from(area.width)) {
        spans.push(Span::styled(hint.keys, app.env.theme.key));
        spans.push(Span::styled(
            format!(" {}  ", hint.action),
            app.env.theme.dim,
        ));
    }
    Line::from(spans).render(area, buf);
}

/// The help overlay laid out for a body area: its lines, and the size of
/// the box that shows them (borders included).
struct HelpBox {
    lines: Vec<(String, String)>,
    side_by_side: bool,
    key_width: usize,
    width: u16,
    height: u16,
}

impl HelpBox {
    fn new(app: &View, hints: &[KeyHint], body: Rect) -> Self {
        let strings = app.strings();
        let mut rows: Vec<(&str, &str)> = Vec::new();
        for hint in hints {
            if !rows.contains(&(hint.keys, hint.action)) {
                rows.push((hint.keys, hint.action));
            }
        }
        for hint in keymap::global_hints(strings) {
            rows.push((hint.keys, hint.action));
        }
        rows.push((strings.key_mouse, strings.key_scroll));
        let key_width = rows
            .iter()
            .map(|(k, _)| k.chars().count())
            .max()
            .unwrap_or(0);
        let text_width = rows
            .iter()
            .map(|(_, a)| a.chars().count())
            .max()
            .unwrap_or(0);
        let width = u16::try_from(key_width + text_width + 6)
            .unwrap_or(u16::MAX)
            .min(body.width);
        let inner_width = usize::from(width.saturating_sub(2));
        // When a key and its action do not fit side by side, the action goes
        // on a line of its own under the key.
        let side_by_side = key_width + text_width + 4 <= inner_width;
        let mut lines = Vec::new();
        for (keys, action) in rows {
            if side_by_side {
                lines.push((keys.to_owned(), action.to_owned()));
            } else {
                lines.push((truncate(&format!(" {keys}"), inner_width), String::new()));
                lines.push((
                    String::new(),
                    truncate(&format!("   {action}"), inner_width),
                ));
            }
        }
        let height = u16::try_from(lines.len() + 2)
            .unwrap_or(u16::MAX)
            .min(body.height);
        Self {
            lines,
            side_by_side,
            key_width,
            width,
            height,
        }
    }

    /// Rows of lines inside the borders.
    fn visible(&self) -> usize {
        usize::from(self.height.saturating_sub(2))
    }

    /// Lines per key: a key and its action are one line, or two stacked.
    /// Scrolling moves by whole keys.
    fn step(&self) -> usize {
        if self.side_by_side { 1 } else { 2 }
    }

    /// The furthest the lines can scroll: the last key in view.
    fn max_scroll(&self) -> usize {
        self.lines
            .len()
            .saturating_sub(self.visible())
            .next_multiple_of(self.step())
    }

    /// A page: what is in view less a key, kept for context.
    fn page(&self) -> usize {
        let step = self.step();
        (self.visible().saturating_sub(1) / step * step).max(step)
    }
}

/// The help overlay of the screen on show, as `render` lays it out at the
/// app's size.
fn help_box(app: &View) -> HelpBox {
    let [_, body, _] = screen_layout(app.stack, app.size);
    HelpBox::new(app, &screen_keys(app), body)
}

/// How the help overlay scrolls at the current size: the furthest it can
/// go (0 when it fits), a step of one key and a page, in lines.
pub fn help_scrolling(app: &View) -> (usize, usize, usize) {
    let help = help_box(app);
    (help.max_scroll(), help.step(), help.page())
}

/// A box over the screen listing every key of the current screen; when it
/// does not fit, it shows the lines from `app.stack.help_scroll` on and the
/// bottom border says which way there is more.
fn render_help(app: &View, hints: &[KeyHint], body: Rect, buf: &mut Buffer) {
    let strings = app.strings();
    let help = HelpBox::new(app, hints, body);
    let offset = app.stack.help_scroll.min(help.max_scroll());
    let visible = help.visible();
    let key_width = help.key_width;
    let lines: Vec<Line> = help
        .lines
        .iter()
        .skip(offset)
        .take(visible)
        .map(|(keys, action)| {
            if help.side_by_side {
                Line::from(vec![
                    Span::styled(format!(" {keys:<key_width$}  "), app.env.theme.key),
                    Span::styled(action.as_str(), app.env.theme.text),
                ])
            } else if action.is_empty() {
                Line::styled(keys.as_str(), app.env.theme.key)
            } else {
                Line::styled(action.as_str(), app.env.theme.text)
            }
        })
        .collect();
    let area = Rect::new(
        body.x + (body.width - help.width) / 2,
        body.y + (body.height - help.height) / 2,
        help.width,
        help.height,
    );
    let inner_width = usize::from(help.width.saturating_sub(2));
    // The keys that scroll, showing which way there is more.
    let above = offset > 0;
    let below = offset + visible < help.lines.len();
    let arrows = match (above, below) {
        (true, true) => " ↑↓ ",
        (true, false) => " ↑ ",
        (false, true) => " ↓ ",
        (false, false) => "",
    };
    // How to close it stays in view, shortened whole rather than cut.
    let room = inner_width.saturating_sub(arrows.width() + usize::from(!arrows.is_empty()));
    let close = [
        format!(" ? Esc: {} ", strings.help_close),
        format!(" Esc: {} ", strings.help_close),
        " Esc ".to_owned(),
    ]
    .into_iter()
    .find(|text| text.width() <= room)
    .unwrap_or_default();
    Clear.render(area, buf);
    buf.set_style(area, app.env.theme.text);
    Paragraph::new(lines)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(app.env.theme.border)
                .title(Span::styled(
                    truncate(&format!(" {} ", strings.help_title), inner_width),
                    app.env.theme.heading,
                ))
                .title_bottom(Span::styled(close, app.env.theme.key))
                .title_bottom(Line::styled(arrows, app.env.theme.key).right_aligned()),
        )
        .render(area, buf);
}

#[cfg(test)]
mod tests {
    use super::{KeyHint, footer_hints};

    fn hint(keys: &'static str, priority: u8) -> KeyHint {
        KeyHint {
            keys,
            action: "xx",
            in_footer: true,
            priority,
        }
    }

    #[test]
    fn a_narrow_footer_keeps_the_most_important_hints_in_their_own_order() {
        // Each hint is its keys, a space and "xx": 5 columns, 7 with the gap.
        let hints = [hint("aa", 3), hint("bb", 1), hint("cc", 2), hint("?", 0)];
        let kept = |width| {
            footer_hints(&hints, width)
                .into_iter()
                .map(|h| h.keys)
                .collect::<Vec<_>>()
        };
        assert_eq!(kept(80), ["aa", "bb", "cc", "?"]);
        // Room for three: the least important goes, the rest keep their order.
        assert_eq!(kept(20), ["bb", "cc", "?"]);
        // The help key stays when nothing else fits.
        assert_eq!(kept(6), ["?"]);
        // A hint too wide for what is left makes way for a narrower one.
        let wide = [hint("?", 0), hint("wide-keys", 1), hint("n", 2)];
        let kept: Vec<_> = footer_hints(&wide, 14)
            .into_iter()
            .map(|h| h.keys)
            .collect();
        assert_eq!(kept, ["?", "n"]);
        // Help-only hints never show.
        let help_only = KeyHint {
            in_footer: false,
            ..hint("h", 0)
        };
        assert!(footer_hints(&[help_only], 80).is_empty());
    }
}
