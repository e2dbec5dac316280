//! The timeline format: its types, dates, limits, and the loader that checks
//! a file and explains every mistake. Nothing here knows about terminals.

pub mod date;
mod exact;
mod hints;
pub mod limits;
mod load;
pub mod locate;
mod mistakes;
pub mod model;
mod order;
mod periods;
pub(crate) mod pipeline;
mod positions;
pub mod problem;
mod raw;
mod read;
mod scan;
mod sink;
mod validate;
mod validate_claims;
mod validate_event;
mod validate_more;
pub mod visible;
mod warnings;

pub use load::{LoadError, Reached, load_bytes, load_bytes_with, load_path, load_path_streaming};
pub use model::{Actor, ActorKind, Claim, Event, Media, Part, Period, Quote, Source, Status, Timeline};
pub use read::read_path;
pub use sink::Sink;

/// The bundled Deir ez-Zor timeline, embedded so `tlview` opens it from any folder.
pub const BUNDLED: &str = include_str!("../../timelines/deir-ez-zor-2018.yaml");

/// The name the bundled timeline goes by in messages: marked as bundled so
/// it never reads as a path in the current folder.
pub const BUNDLED_NAME: &str = "(bundled) deir-ez-zor-2018.yaml";

#[cfg(test)]
mod format_tests;
#[cfg(test)]
mod streaming_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_claims;

#[cfg(test)]
mod bounds_tests;
#[cfg(test)]
mod load_tests;
