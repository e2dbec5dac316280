//! Styles, from the terminal's own palette (the 16 named colours), or none
//! at all under `NO_COLOR`, where selection and focus still show through
//! reverse video and bold.

use ratatui::style::{Color, Modifier, Style};

/// The styles every view draws with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    /// Whether colours may be used.
    pub color: bool,
}

impl Theme {
    /// A theme honouring `NO_COLOR` when it is set to anything non-empty.
    #[must_use]
    pub fn from_env(no_color: Option<&std::ffi::OsStr>) -> Theme {
        Theme { color: no_color.is_none_or(std::ffi::OsStr::is_empty) }
    }

    fn fg(self, c: Color) -> Style {
        if self.color { Style::new().fg(c) } else { Style::new() }
    }

    /// The selected row: reverse video and bold over the terminal's own
    /// colours, so every cell of the row reads the same.
    #[must_use]
    pub fn selected(self) -> Style {
        Style::new().fg(Color::Reset).bg(Color::Reset).add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// A focused pane's border.
    #[must_use]
    pub fn focused_border(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// An unfocused pane's border.
    #[must_use]
    pub fn border(self) -> Style {
        self.fg(Color::DarkGray)
    }

    /// Headings: days in the list, titles in panes.
    #[must_use]
    pub fn heading(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// Secondary text: labels, roles, sources.
    #[must_use]
    pub fn muted(self) -> Style {
        if self.color { Style::new().fg(Color::DarkGray) } else { Style::new().add_modifier(Modifier::DIM) }
    }

    /// Names of speakers and actors.
    #[must_use]
    pub fn name(self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }

    /// A search match.
    #[must_use]
    pub fn matched(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
        }
    }

    /// The selected event's span and tick on the axis.
    #[must_use]
    pub fn accent(self) -> Style {
        self.fg(Color::Magenta).add_modifier(Modifier::BOLD)
    }

    /// The bars of the axis.
    #[must_use]
    pub fn bar(self) -> Style {
        self.fg(Color::Blue)
    }

    /// Keys shown in hints and help.
    #[must_use]
    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
}
