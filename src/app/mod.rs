//! The viewer's model and update, with no terminal in them: a message in,
//! a new state out. Views read this state; only `update` changes it.

pub mod axis;
mod filter;
pub mod index;
pub mod layout;
pub mod msg;
pub mod nav;
pub mod picker;
pub mod state;
mod update;
mod verify;

pub use msg::{Msg, PickerKind, ScrollLimits, Step};
pub use state::{App, Mode, Pane, Row};
pub use update::update;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod verify_tests;
