//! The viewer's model and update, with no terminal in them: a message in,
//! a new state out. Views read this state; only `update` changes it.

pub mod axis;
mod filter;
pub mod index;
pub mod layout;
pub mod msg;
pub mod nav;
pub mod picker;
mod search;
pub mod state;
mod update;

pub use filter::{Filters, Row, Shown};
pub use msg::{Msg, PickerKind, ScrollLimits, Step};
pub use search::MAX_QUERY;
pub use state::{App, Mode, Pane};
pub use update::update;

#[cfg(test)]
mod search_tests;
#[cfg(test)]
mod tests;
