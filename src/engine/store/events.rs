//! Provisioning events: every change to a tenant's directory, written in
//! the transaction of the change, numbered in commit order.

use time::OffsetDateTime;

use crate::engine::error::Result;
use crate::engine::events::{Event, EventQuery};

pub trait EventTx {
    /// Appends the event, setting its sequence number. Called only inside
    /// a write transaction, whose lock orders the numbers as the commits:
    /// a reader that has seen a number has seen every lower one, so a
    /// cursor (the last number seen) never skips an event.
    fn insert_event(&self, e: &mut Event) -> Result<()>;
    /// Events `q` selects, in sequence order: the oldest after
    /// `q.after` when set, else the newest `q.limit` (0: all).
    fn events(&self, q: &EventQuery) -> Result<Vec<Event>>;
    /// The highest sequence number given so far (0 when none).
    fn last_event_seq(&self) -> Result<i64>;
    /// Removes at most `limit` events older than `before`, oldest first,
    /// but never the newest of all (a store may count on its number);
    /// returns how many.
    fn prune_events(&self, before: OffsetDateTime, limit: u64) -> Result<u64>;
}
