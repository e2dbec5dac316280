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
    /// What a fact-checker should know but does not stop the file loading
    /// (unsourced events, unused declarations…), in file order.
    pub warnings: Vec<super::problem::Problem>,
    /// How many more warnings the file has than `warnings` keeps (only the
    /// first thousand or so are kept, so a file of a million costs little).
    pub warnings_more: usize,
    /// Named spans of time (a war, a term of office), ordered by start.
    pub periods: Vec<Period>,
}

/// A named span of time the file declares under `periods`.
#[derive(Clone, Debug)]
pub struct Period {
    /// The unique id.
    pub id: String,
    /// The name shown on the axis and in the detail pane.
    pub title: String,
    /// When it began.
    pub date: When,
    /// When it ended; without one, the period is the span `date` names (a year, a month…).
    pub end: Option<When>,
}

impl Period {
    /// The first instant of the period (UTC seconds).
    #[must_use]
    pub fn start(&self) -> i64 {
        self.date.instant()
    }

    /// The end of the period (UTC seconds, exclusive).
    #[must_use]
    pub fn finish(&self) -> i64 {
        finish(&self.date, self.end.as_ref())
    }
}

/// The end (UTC seconds, exclusive) of what runs from `date` to `end`: the
/// end of `end`'s period, or of `date`'s without one. Events and periods
/// both end this way.
fn finish(date: &When, end: Option<&When>) -> i64 {
    end.unwrap_or(date).period_end()
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
    /// No events: a later chunk needs the whole-document check (it has a
    /// problem, or a shape only that check takes), so the file is read
    /// again as a whole. The pieces so far stay shown until the load ends,
    /// with every problem or the whole timeline. Sent only once a piece was.
    Rechecking,
}

/// The family a free-text actor `kind` belongs to, for the few common
/// kinds the viewer marks with a glyph; any other kind is shown as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActorKind {
    /// A person.
    Person,
    /// An organisation, company, institution, government or agency.
    Institution,
    /// An armed force or unit.
    Force,
    /// A newspaper, agency or broadcaster.
    Media,
    /// Any other group of people.
    Group,
    /// A ship, aircraft or other vehicle.
    Vehicle,
}

impl ActorKind {
    /// The family of a kind as written (`company` → institution), if it is a common one.
    #[must_use]
    pub fn classify(kind: &str) -> Option<ActorKind> {
        let kind = kind.trim().to_lowercase();
        // A phrase is classed by its whole, else by its last word ("government agency").
        Self::family(&kind).or_else(|| kind.rsplit(' ').next().and_then(Self::family))
    }

    fn family(kind: &str) -> Option<ActorKind> {
        Some(match kind {
            "person" | "individual" | "official" | "journalist" | "president" | "spokesman" | "spokeswoman"
            | "spokesperson" | "military spokesman" | "minister" | "defence secretary" | "political analyst"
            | "analyst" | "diplomat" => ActorKind::Person,
            "organisation" | "organization" | "company" | "institution" | "government" | "agency" | "state"
            | "ministry" | "defence ministry" | "court" | "authority" | "business" | "corporation" | "ngo"
            | "country" => ActorKind::Institution,
            "military"
            | "force"
            | "forces"
            | "military forces"
            | "armed force"
            | "army"
            | "militia"
            | "unit"
            | "private military company"
            | "contract soldiers"
            | "mercenaries" => ActorKind::Force,
            "media" | "news outlet" | "newspaper" | "broadcaster" | "outlet" | "news agency" => ActorKind::Media,
            "group" | "community" | "crowd" | "sources" | "officials" | "administration officials" => ActorKind::Group,
            "ship" | "vessel" | "vehicle" | "aircraft" | "boat" | "tug" => ActorKind::Vehicle,
            _ => return None,
        })
    }
}

/// How far an event is established, as the file's `status` says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Established by the sources cited (documents, several independent accounts).
    Confirmed,
    /// Reported, but not yet established.
    Unconfirmed,
    /// Sources contradict each other, or a party denies it.
    Disputed,
    /// Shown to be untrue; kept because it was reported.
    False,
}

impl Status {
    /// Every status with the word a file writes for it.
    pub const ALL: [(Status, &'static str); 4] = [
        (Status::Confirmed, "confirmed"),
        (Status::Unconfirmed, "unconfirmed"),
        (Status::Disputed, "disputed"),
        (Status::False, "false"),
    ];

    /// The word a file writes for this status.
    #[must_use]
    pub fn word(self) -> &'static str {
        Status::ALL.iter().find(|(s, _)| *s == self).map_or("", |(_, w)| w)
    }

    /// The status a file writes as `word`, if any.
    #[must_use]
    pub fn from_word(word: &str) -> Option<Status> {
        Status::ALL.iter().find(|(_, w)| *w == word).map(|(s, _)| *s)
    }

    /// Every status's word, joined by `, ` (for messages listing them).
    #[must_use]
    pub fn words() -> String {
        Status::ALL.map(|(_, w)| w).join(", ")
    }
}

/// A photo, video or post attached to an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Media {
    /// Where it can be seen.
    pub url: String,
    /// What it shows.
    pub caption: Option<String>,
    /// Who made it.
    pub credit: Option<String>,
}

/// A person, institution, force or outlet.
#[derive(Clone, Debug)]
pub struct Actor {
    /// The id events refer to it by.
    pub id: String,
    /// The display name.
    pub name: String,
    /// What kind of actor it is, as written (free text), when given.
    pub kind: Option<String>,
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
    /// Who wrote or said it.
    pub author: Option<String>,
    /// What sort of document (article, statement, video…), as written.
    pub kind: Option<String>,
    /// When the timeline's author read it.
    pub accessed: Option<When>,
    /// The URL of an archived copy.
    pub archive: Option<String>,
    /// The language it is in.
    pub language: Option<String>,
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
    /// Editorial notes, kept apart from the facts.
    pub notes: Option<Box<str>>,
    /// How far the event is established; `None` when not assessed.
    pub status: Option<Status>,
    /// When it became public, if later than it happened.
    pub reported: Option<When>,
    /// Claims made about the event, each attributed.
    pub claims: Box<[Claim]>,
    /// A human wording of the time, shown beside the date.
    pub display_date: Option<Box<str>>,
    /// Photos, videos and posts.
    pub media: Box<[Media]>,
    /// Ids of related events (see also), each declared.
    pub related: Box<[Box<str>]>,
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
        finish(&self.date, self.end.as_ref())
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
    /// The language it was said in.
    pub language: Option<String>,
    /// The words in the original language, when `text` is a translation.
    pub original: Option<String>,
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
    /// The periods event `e` starts in, in order.
    pub fn periods_of<'a>(&'a self, e: &'a Event) -> impl Iterator<Item = &'a Period> + 'a {
        let t = e.start();
        self.periods.iter().filter(move |p| p.start() <= t && t < p.finish())
    }

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
