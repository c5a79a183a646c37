//! Colours and text styles. With `NO_COLOR` set, only bold/reverse/underline
//! remain so every state is still visible without colour.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub title: Style,
    pub heading: Style,
    pub text: Style,
    pub dim: Style,
    pub selected: Style,
    pub label: Style,
    pub note: Style,
    pub marked: Style,
    pub highlight: Style,
    pub key: Style,
    pub border: Style,
    pub error: Style,
}

impl Theme {
    pub fn dark() -> Self {
        Self {
            title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            heading: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            text: Style::new(),
            dim: Style::new().fg(Color::DarkGray),
            selected: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            label: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            note: Style::new().fg(Color::Yellow),
            marked: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            highlight: Style::new()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::DarkGray),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        }
    }

    pub fn mono() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Self {
            title: bold,
            heading: bold,
            text: Style::new(),
            dim: Style::new(),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            label: bold,
            note: Style::new().add_modifier(Modifier::ITALIC),
            marked: Style::new().add_modifier(Modifier::REVERSED),
            highlight: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            key: bold,
            border: Style::new(),
            error: bold,
        }
    }

    /// The theme for this environment: `NO_COLOR` (any non-empty value, see
    /// no-color.org) turns colour off.
    pub fn from_env(no_color: Option<&str>) -> Self {
        match no_color {
            Some(value) if !value.is_empty() => Self::mono(),
            _ => Self::dark(),
        }
    }
}
