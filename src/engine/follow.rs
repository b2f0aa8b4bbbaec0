//! Following a feed by cursor: the provisioning log (`log --follow`) and
//! provisioning events (`events --follow`, webhooks) are both sequences
//! numbered in commit order by their store (see `store::LogTx` and
//! `store::EventTx`), so one cursor — the last number seen — is all a
//! follower keeps, and asking for what comes after it never skips an item
//! whatever order concurrent writers committed in. This module is that one
//! mechanism; the CLI, the admin API's streams and the webhook worker use it.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::Engine;
use super::error::Result;
use super::events::{Event, EventQuery};
use super::log::{LogQuery, LogRecord};

/// How often a follower looks for new items: the CLI on a store and the
/// admin API's streams poll at this one pace.
pub const FOLLOW_EVERY: std::time::Duration = std::time::Duration::from_millis(500);

/// Where a follow goes on from: the number of the last item seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor(pub i64);

/// A query over a sequence numbered in commit order.
pub trait Feed: Clone + Send + Sync + 'static {
    type Item: Serialize + DeserializeOwned + Send + 'static;
    fn seq(item: &Self::Item) -> i64;
    /// What the query selects now (its own limit and order: oldest first).
    fn now(&self, engine: &Engine) -> Result<Vec<Self::Item>>;
    /// Every item the query selects after `after`, oldest first.
    fn after(&self, engine: &Engine, after: i64) -> Result<Vec<Self::Item>>;
    /// The highest number given so far, whatever the query selects: where
    /// a follow that found nothing goes on from, so it never replays
    /// history.
    fn high(&self, engine: &Engine) -> Result<i64>;
}

impl Engine {
    /// Where a follow starts: the items `feed` selects now, and the place
    /// to continue from.
    pub fn follow_start<F: Feed>(&self, feed: &F) -> Result<(Vec<F::Item>, Cursor)> {
        let items = feed.now(self)?;
        let at = match items.last() {
            Some(i) => F::seq(i),
            None => feed.high(self)?,
        };
        Ok((items, Cursor(at)))
    }

    /// Every item `feed` selects after the cursor, which moves past them.
    pub fn follow_next<F: Feed>(&self, feed: &F, at: &mut Cursor) -> Result<Vec<F::Item>> {
        let new = feed.after(self, at.0)?;
        if let Some(i) = new.last() {
            at.0 = F::seq(i);
        }
        Ok(new)
    }
}

impl Feed for LogQuery {
    type Item = LogRecord;
    fn seq(r: &LogRecord) -> i64 {
        r.seq
    }
    fn now(&self, engine: &Engine) -> Result<Vec<LogRecord>> {
        engine.log_records(self)
    }
    fn after(&self, engine: &Engine, after: i64) -> Result<Vec<LogRecord>> {
        engine.log_records(&LogQuery {
            after_seq: Some(after),
            limit: 0,
            ..self.clone()
        })
    }
    fn high(&self, engine: &Engine) -> Result<i64> {
        Ok(engine
            .log_records(&LogQuery {
                limit: 1,
                ..Default::default()
            })?
            .last()
            .map_or(0, |r| r.seq))
    }
}

impl Feed for EventQuery {
    type Item = Event;
    fn seq(e: &Event) -> i64 {
        e.seq
    }
    fn now(&self, engine: &Engine) -> Result<Vec<Event>> {
        engine.events(self)
    }
    fn after(&self, engine: &Engine, after: i64) -> Result<Vec<Event>> {
        engine.events(&EventQuery {
            after: Some(after),
            // A follower takes what is new in pages it can hold.
            limit: super::events::MAX_EVENTS_PAGE,
            ..self.clone()
        })
    }
    fn high(&self, engine: &Engine) -> Result<i64> {
        engine.read(|tx| tx.last_event_seq())
    }
}
