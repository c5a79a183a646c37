//! Presentation mode: one entry per slide for a lecture, its title in large
//! letters, its points revealed one at a time, the source at the bottom.
//!
//! Built for a projector and a lecturer who enlarges the font: the big title
//! falls back to bold text when it would not fit, text is wrapped by words and
//! cut with an ellipsis, and when the points do not all fit the newest
//! revealed ones stay on screen under a marker naming those above
//! (`▲ a–b: 2 butir di atas`). A body too long to stand beside its points
//! is read page by page in all the rows, and the points then take its
//! place. The slide does not scroll: its keys step through pages, points and
//! slides.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::action::{Action, Mode};
use crate::env::Context;
use crate::keymap;
use crate::keymap::KeyHint;
use crate::screens::Nav;
use crate::wrap::truncate;
use kisi_core::content::{EntryRef, Pack};
use kisi_core::i18n::Strings;

mod slide;
mod stage;
mod title;

use slide::{
    body_fit, body_page, body_pages, fitting, hidden_marker, newest_that_fit, slide_layout,
};
use stage::TALL;
pub(crate) use stage::{clip, render_bottom_row, row, stage};
pub(crate) use title::{Title, big_lines, fit_title, render_title};

pub use crate::draw::Origin;

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

pub fn keys(strings: &'static Strings) -> Vec<KeyHint> {
    keymap::all_hints(Mode::Present, strings)
}

impl super::ScreenState for PresentState {
    /// Space, Enter, Right and Page Down step forward like a presenter's clicker:
    /// the next point, and on a fully revealed slide the next slide. Left and
    /// Page Up go back to the previous slide as it was left, all points shown.
    /// Up and Down move a whole slide at once, its points hidden.
    fn update(
        &mut self,
        action: Action,
        context: &Context,
        _effects: &mut Vec<crate::effect::Effect>,
    ) -> Nav {
        let last = self.slides.len().saturating_sub(1);
        let points = self.point_count(context.pack, self.slide);
        // A body longer than its rows is read page by page, before the points.
        let pages = self
            .slides
            .get(self.slide)
            .and_then(|&at| context.pack.entry(at))
            .map_or(1, |entry| {
                let (body, rows) = body_fit(entry, stage(context.body));
                body_pages(body.len(), rows)
            });
        match action {
            // A click anywhere advances, like a presenter's clicker.
            Action::Open
            | Action::Toggle
            | Action::Right
            | Action::PageDown
            | Action::Click { .. } => {
                if self.page + 1 < pages {
                    self.page += 1;
                } else if self.shown < points {
                    self.shown += 1;
                } else if self.slide < last {
                    self.go_to(self.slide + 1, 0);
                }
            }
            Action::Left | Action::PageUp if self.page > 0 && self.shown == 0 => {
                self.page -= 1;
            }
            Action::Left | Action::PageUp => {
                if self.slide > 0 {
                    let previous = self.slide - 1;
                    let all = self.point_count(context.pack, previous);
                    self.go_to(previous, all);
                } else {
                    self.shown = 0;
                }
            }
            Action::Down => self.go_to((self.slide + 1).min(last), 0),
            Action::Up => self.go_to(self.slide.saturating_sub(1), 0),
            Action::First => self.go_to(0, 0),
            Action::Last => self.go_to(last, 0),
            Action::ToggleFooter => self.footer = !self.footer,
            Action::Back => {
                return match self.origin {
                    Origin::Menu => Nav::Back,
                    Origin::CommandLine => Nav::Quit,
                };
            }
            _ => {}
        }
        Nav::Stay
    }

    fn render(&self, context: &Context, area: Rect, buf: &mut Buffer) {
        let theme = context.theme;
        let column = stage(area);
        let width = usize::from(column.width);
        let Some((at, entry)) = self
            .slides
            .get(self.slide)
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
        let counter = format!("{}/{}", self.slide + 1, self.slides.len());
        let citation = context.pack.citation(entry);
        let topic = context.pack.topic(at.topic).map(|t| t.title.as_str());
        render_bottom_row(&citation, &counter, topic, column, theme.dim, buf);

        let layout = slide_layout(entry, column);
        // A body read page by page makes way for the points once they come.
        let hide_body = layout.paged && self.shown > 0;
        let (title, room, body, points, gap) = (
            layout.title,
            layout.room,
            if hide_body { Vec::new() } else { layout.body },
            layout.points,
            if hide_body { 0 } else { layout.gap },
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
        // Below two rows a body can be neither shown nor paged (a line and
        // its marker): say so rather than show a line of it cut.
        if room < 2 && !(body.is_empty() && points.is_empty()) {
            let message = clip(
                crate::wrap::wrap(context.strings.too_small, width),
                usize::from(column.height.saturating_sub(1)),
                width,
            );
            for (line, y) in message.into_iter().zip(column.y..) {
                Line::styled(line, theme.error).render(row(column, y), buf);
            }
            return;
        }
        let mut y = column.y + u16::try_from(centred).unwrap_or(0);
        let title_rows = render_title(&title, Rect { y, ..column }, theme.heading, buf);
        let room = room - centred;
        y += u16::try_from(title_rows + 1).unwrap_or(u16::MAX);

        let body = if hide_body {
            Vec::new()
        } else {
            body_page(self, body, layout.body_rows.min(room), context, width)
        };
        for (line, style) in &body {
            Line::styled(line.as_str(), *style).render(row(column, y), buf);
            y += 1;
        }
        let points_room = room.saturating_sub(body.len() + gap);
        let shown = &points[..self.shown.min(points.len())];
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
