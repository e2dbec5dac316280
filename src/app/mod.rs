//! The viewer's model and update, with no terminal in them: a message in,
//! a new state out. Views read this state; only `update` changes it.

pub mod asof;
pub mod axis;
pub mod claims;
pub mod event_keys;
mod facts;
mod filter;
pub mod group;
pub mod index;
pub mod layout;
pub mod loading;
mod merge;
pub mod msg;
pub mod nav;
pub mod picker;
pub mod progressive;
pub mod reload;
mod search;
pub mod sources;
pub mod state;
pub mod tick_index;
mod update;
mod verify;
pub mod writing;

pub use filter::{Filters, Row, Shown};
pub use msg::{Loaded, Msg, PickerKind, Piece, ScrollLimits, Step};
pub use search::MAX_QUERY;
pub use state::{App, Mode, Pane};
pub use update::update;

#[cfg(test)]
mod loading_tests;
#[cfg(test)]
mod progressive_tests;
#[cfg(test)]
mod search_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_facts;
#[cfg(test)]
mod tests_reading;
#[cfg(test)]
mod verify_tests;
#[cfg(test)]
mod writing_tests;
