//! The checked timeline: what the viewer reads. Every reference is already
//! resolved to an index, every date parsed, and events are in order.

use super::date::When;
use chrono::FixedOffset;

/// A loaded, valid timeline.
#[derive(Clone, Debug)]
pub struct Timeline {
    /// The timeline's title.
    pub title: String,
    /// An optional description.
    pub description: Option<String>,
    /// The offset for times written without one, and the one the viewer shows times in.
    pub zone: FixedOffset,
    /// People, institutions, forces and media, in file order.
    pub actors: Vec<Actor>,
    /// Documents the events cite, in file order.
    pub sources: Vec<Source>,
    /// Every distinct tag, in order of first use.
    pub tags: Vec<String>,
    /// Events ordered by start instant, ties in file order.
    pub events: Vec<Event>,
}

/// A piece of a timeline still loading, handed over as the loader's fast
/// path validates the file chunk by chunk (see [`super::load_path_streaming`]).
#[derive(Clone, Debug)]
pub enum Part {
    /// The first piece: the title, zone, actors and sources, with the events
    /// of the first chunks (in file order) and the tags they use.
    First(Timeline),
    /// Events of later chunks, in file order, and the tags first used by them
    /// (to append to the tags so far: an event's tag indexes count them).
    More {
        /// The events, in file order.
        events: Vec<Event>,
        /// Tags not used by earlier pieces.
        tags: Vec<String>,
    },
}

/// What kind of actor: the documented set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActorKind {
    /// A person.
    Person,
    /// A government body, ministry, company or other institution.
    Institution,
    /// An armed force or unit.
    Force,
    /// A newspaper, agency or broadcaster.
    Media,
    /// Any other group of people.
    Group,
}

impl ActorKind {
    /// Every kind with the word a file writes for it.
    pub const ALL: [(ActorKind, &'static str); 5] = [
        (ActorKind::Person, "person"),
        (ActorKind::Institution, "institution"),
        (ActorKind::Force, "force"),
        (ActorKind::Media, "media"),
        (ActorKind::Group, "group"),
    ];
}

/// A person, institution, force or outlet.
#[derive(Clone, Debug)]
pub struct Actor {
    /// The id events refer to it by.
    pub id: String,
    /// The display name.
    pub name: String,
    /// What kind of actor it is, when given.
    pub kind: Option<ActorKind>,
    /// The role, e.g. "Kremlin spokesman".
    pub role: Option<String>,
    /// Other names it goes by.
    pub aliases: Vec<String>,
}

/// A document events cite.
#[derive(Clone, Debug)]
pub struct Source {
    /// The id events refer to it by.
    pub id: String,
    /// The document's title.
    pub title: String,
    /// Who published it, when known.
    pub publisher: Option<String>,
    /// Where it can be read.
    pub url: Option<String>,
    /// When it was published.
    pub published: Option<When>,
}

/// One event of the timeline. Text is boxed (no spare capacity, one word
/// less than a `String`): a large timeline keeps many of these.
#[derive(Clone, Debug)]
pub struct Event {
    /// The unique id.
    pub id: Box<str>,
    /// When it happened (or began), as written.
    pub date: When,
    /// When it ended, if a range.
    pub end: Option<When>,
    /// Whether the date is uncertain within `date`..`end`.
    pub approximate: bool,
    /// The title.
    pub title: Box<str>,
    /// A summary, possibly several lines.
    pub summary: Option<Box<str>>,
    /// Where it happened.
    pub location: Option<Box<str>>,
    /// Indexes into [`Timeline::actors`].
    pub actors: Box<[u32]>,
    /// Indexes into [`Timeline::tags`].
    pub tags: Box<[u32]>,
    /// Indexes into [`Timeline::sources`].
    pub sources: Box<[u32]>,
    /// Quoted statements.
    pub quotes: Box<[Quote]>,
    /// When it became public, if later than it happened.
    pub reported: Option<When>,
    /// Claims made about the event, each attributed.
    pub claims: Box<[Claim]>,
}

impl Event {
    /// The first instant of the event (UTC seconds).
    #[must_use]
    pub fn start(&self) -> i64 {
        self.date.instant()
    }

    /// The end of the event's last period (UTC seconds, exclusive).
    #[must_use]
    pub fn finish(&self) -> i64 {
        self.end.as_ref().unwrap_or(&self.date).period_end()
    }
}

/// A quoted statement.
#[derive(Clone, Debug)]
pub struct Quote {
    /// Index of the speaker in [`Timeline::actors`].
    pub by: u32,
    /// The verbatim words.
    pub text: String,
    /// Index of the source in [`Timeline::sources`].
    pub source: u32,
    /// Where or how it was said.
    pub context: Option<String>,
    /// When it was said.
    pub date: Option<When>,
}

/// A claim: what someone asserted about a subject (a figure, whether
/// something happened), in their wording, with who said it and where.
#[derive(Clone, Debug)]
pub struct Claim {
    /// What is claimed, as written (`deaths`); claims whose [`Claim::subject`]
    /// is the same, across the whole timeline, are about the same thing.
    pub about: String,
    /// The claim in its claimant's wording ("more than 200").
    pub value: String,
    /// Index of the claimant in [`Timeline::actors`].
    pub by: u32,
    /// Index of the source in [`Timeline::sources`].
    pub source: u32,
    /// When it was claimed.
    pub date: Option<When>,
    /// Where or how it was claimed.
    pub context: Option<String>,
}

impl Claim {
    /// The key claims are grouped by: `about` trimmed, lowercased, inner
    /// whitespace collapsed to one space (`Deaths` and ` deaths ` are one subject).
    #[must_use]
    pub fn subject(&self) -> String {
        normalise(&self.about)
    }
}

/// Text compared loosely: lowercased, whitespace runs collapsed to one space, trimmed.
#[must_use]
pub fn normalise(s: &str) -> String {
    s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

impl Timeline {
    /// How many quotes the timeline holds.
    #[must_use]
    pub fn quote_count(&self) -> usize {
        self.events.iter().map(|e| e.quotes.len()).sum()
    }

    /// How many claims the timeline holds.
    #[must_use]
    pub fn claim_count(&self) -> usize {
        self.events.iter().map(|e| e.claims.len()).sum()
    }
}
