//! tlview: a terminal viewer for sourced timelines.
//!
//! The crate is a library with a thin binary on top: [`timeline`] reads and
//! checks files, [`text`] makes file text safe to show, and [`cli`] turns the
//! command line into what to do.

pub mod app;
pub mod background;
pub mod cite;
pub mod cli;
pub mod cli_export;
pub mod cli_new;
pub mod editor;
pub mod effects;
pub mod formats;
pub mod keys;
pub mod open;
pub mod progress;
pub mod report;
pub mod terminal;
pub mod text;
pub mod timeline;
pub mod ui;
pub mod watch;
