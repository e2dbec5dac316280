//! tlview: a terminal viewer for sourced timelines.
//!
//! The crate is a library with a thin binary on top. Layers, from the data
//! out (none imports a layer after it):
//!
//! - [`timeline`]: the format — types, dates, limits, the loader that checks
//!   a file and explains every mistake; [`text`]: the one sanitiser.
//! - [`formats`]: TimelineJS JSON and CSV in, TimelineJS, Markdown and CSV
//!   out; [`report`]: the sourcing report; [`cite`]: citations.
//! - [`app`]: the viewer's model and its one `update`; [`keys`]: the key
//!   table that dispatch, help and the README come from; [`ui`]: views that
//!   only read the model.
//! - The edges, where the outside world is touched: [`cli`], [`cli_new`] and
//!   [`cli_export`] (the command line), [`terminal`] (full-screen mode and the
//!   event loop), [`background`] (loading a large file behind the first
//!   screen), [`progress`] (the loading line), [`watch`] (the open file),
//!   [`editor`] and [`effects`] (what the loop does for the model: run the
//!   editor, reload, open a URL, copy, export).

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
#[cfg(test)]
mod test_seq;
pub mod text;
pub mod timeline;
pub mod ui;
pub mod watch;
