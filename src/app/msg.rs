//! The messages `update` understands: every change of state starts as one.

/// How far a movement goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// One item or line up (negative) or down (positive).
    By(i32),
    /// One page up (-1) or down (1).
    Page(i32),
    /// To the first item or the top.
    First,
    /// To the last item or the bottom.
    Last,
}

impl Step {
    /// Where a position `at` in `0..=last` moves to, a page being `page` items.
    #[must_use]
    pub fn apply(self, at: usize, last: usize, page: usize) -> usize {
        let (at, last, page) = (at as i64, last as i64, page as i64);
        let to = match self {
            Step::By(d) => at + i64::from(d),
            Step::Page(d) => at + i64::from(d) * page,
            Step::First => 0,
            Step::Last => last,
        };
        to.clamp(0, last.max(0)) as usize
    }
}

/// The largest scroll offset each scrollable pane can use, as the last
/// frame measured it (`None`: the pane was not drawn).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ScrollLimits {
    /// The detail pane's.
    pub detail: Option<u16>,
    /// The quotes pane's.
    pub quotes: Option<u16>,
    /// The help overlay's.
    pub help: Option<u16>,
}

/// Which popup picker to open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickerKind {
    /// Filter by actor.
    Actors,
    /// Filter by tag.
    Tags,
    /// Filter by source: what rests on it.
    Sources,
}

/// A newly loaded timeline, carried by [`Msg::Reloaded`]; two are equal
/// when they are the same load.
#[derive(Clone, Debug)]
pub struct Loaded(pub std::sync::Arc<crate::timeline::Timeline>);

impl PartialEq for Loaded {
    fn eq(&self, other: &Loaded) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Loaded {}

/// A piece of a file still loading, carried by [`Msg::LoadPart`]; two are
/// equal when they are the same piece.
#[derive(Clone, Debug)]
pub struct Piece(pub std::sync::Arc<crate::timeline::Part>);

impl PartialEq for Piece {
    fn eq(&self, other: &Piece) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Piece {}

/// One thing the user asked for, or one thing that happened to the terminal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// Move the selection in the list, or scroll the focused pane.
    Move(Step),
    /// Jump to the first event of the previous (-1) or next (1) period of the axis's unit.
    Unit(i32),
    /// Zoom the time axis in (1) or out (-1) around the selection.
    Zoom(i32),
    /// Open the quotes pane beside the list, where it follows the selection
    /// (nothing opens for an event without quotes; the status bar says why).
    OpenQuotes,
    /// Move focus to the next (1) or previous (-1) pane.
    Focus(i32),
    /// Start typing a search (editing the kept one), or a picker's filter.
    StartSearch,
    /// Select the next (1) or previous (-1) event matching the kept search, wrapping around.
    NextMatch(i32),
    /// Turn the terminal's mouse reporting off (so its own selection works) or back on.
    ToggleMouse,
    /// Open the actor, tag or source filter popup.
    OpenPicker(PickerKind),
    /// Clear every filter: search, actors, tags, sources, no-source, status, and the as-of cursor.
    ClearFilters,
    /// Show only events with no source, or every event again.
    ToggleUnsourced,
    /// Show only events of the next status (confirmed, unconfirmed, disputed,
    /// false, not assessed), then every event again.
    CycleStatus,
    /// Select the selected event's next related event.
    FollowRelated,
    /// Show or hide the help overlay.
    ToggleHelp,
    /// Open or close the claims view.
    ToggleClaims,
    /// Start typing the date of the as-of cursor.
    StartAsOf,
    /// Dim what is not yet public at the as-of cursor instead of hiding it, or back.
    ToggleDim,
    /// Close the topmost popup or pane.
    Close,
    /// Leave the viewer.
    Quit,
    /// Type a character into the search or picker input.
    Input(char),
    /// Text pasted into the terminal: typed into the search or picker input
    /// as one line (ignored elsewhere: a paste never runs as commands).
    Paste(String),
    /// Suspend the viewer (the terminal loop does it: stop, resume, redraw).
    Suspend,
    /// Delete the last character of the search or picker input.
    Backspace,
    /// Keep the search, or apply the picker's choices.
    Accept,
    /// Toggle the highlighted entry of the picker.
    Toggle,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// A frame was drawn: how far each pane can scroll (offsets past that are clamped).
    Drawn(ScrollLimits),
    /// The mouse wheel turned over a cell: lines, negative for up.
    Wheel {
        /// Column of the pointer.
        column: u16,
        /// Row of the pointer.
        row: u16,
        /// Lines to scroll, negative for up.
        lines: i32,
    },
    /// The left button was pressed on a cell.
    Click {
        /// Column of the pointer.
        column: u16,
        /// Row of the pointer.
        row: u16,
    },
    /// Edit the file at the selected event (or at the highlighted problem).
    Edit,
    /// Read the file again.
    Reload,
    /// Open a source of the selected event (a chooser when there are several).
    OpenSource,
    /// Copy a citation of the selected event, or of its quotes when the quotes pane has focus.
    Copy,
    /// Write the events shown (the filters applied) as Markdown beside the file.
    Export,
    /// The file was read again and loaded.
    Reloaded(Loaded),
    /// The file was read again and has these problems (the last good version stays).
    ReloadFailed(Vec<super::writing::ProblemLine>),
    /// The file being loaded has this many bytes of that many validated.
    LoadProgress(usize, usize),
    /// More of the file being loaded was validated: these events.
    LoadPart(Piece),
    /// The file finished loading: the whole timeline, in its final order.
    LoadDone(Loaded),
    /// The file being loaded has problems: the viewer ends so they can be printed.
    LoadFailed,
    /// No key waits: do a slice of the search being worked out (see [`super::progressive`]).
    Work,
}

impl Msg {
    /// Whether the user did this (a key, a click, a paste, a resize is
    /// not): what clears a status message, and what must see a search
    /// still being worked out finished first.
    #[must_use]
    pub fn is_users(&self) -> bool {
        !matches!(
            self,
            Msg::Drawn(_)
                | Msg::Resize(..)
                | Msg::Reloaded(_)
                | Msg::ReloadFailed(_)
                | Msg::Work
                | Msg::LoadProgress(..)
                | Msg::LoadPart(_)
                | Msg::LoadDone(_)
                | Msg::LoadFailed
        )
    }
}
