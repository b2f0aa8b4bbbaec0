//! The store's authentication stamp (`Store::auth_stamp`): a number that
//! moves whenever what authentication reads — tenants and tokens — may have
//! changed, so that the engine can keep verified tokens in memory and still
//! refuse a regenerated or revoked token on the very next request, even
//! when another process (the CLI on the same file) made the change.
//!
//! Two sources move it:
//!
//! - **Commits through this store** that wrote a tenant or a token: the
//!   transaction says so (`SqliteTx` marks it) and the stamp moves right
//!   after its COMMIT, before the write returns to its caller.
//! - **Commits by any other connection** — another process, or another
//!   `SqliteStore` on the same file: SQLite's `PRAGMA data_version`, read on
//!   a connection of its own (the "stamp connection", which never writes).
//!
//! `data_version` is per connection: it changes when any *other*
//! connection commits, and stays the same for the reading connection's own
//! commits. The stamp connection therefore also sees this store's own
//! writer commit — every SCIM create and PATCH — and taken alone would drop
//! every cached token on every write. So the writer tells its commits
//! apart: right after each of its transactions it reads the stamp
//! connection's `data_version` (now covering its own commit) and then its
//! *own* `data_version`, which no commit of its own moves. If the writer's
//! value did not move either, every change the stamp connection saw came
//! from the writer (an outside commit would have moved both), and the
//! stamp connection's new value is taken as explained; if it moved,
//! something outside committed and the stamp moves. The order matters: the
//! stamp connection is read first, so the writer's read covers at least
//! every commit that the first read saw.
//!
//! Between the writer's COMMIT and that bookkeeping the stamp connection
//! may already see the commit without it being explained: the writer
//! marks the window (`committing`), and a check that sees an unexplained
//! change inside it answers "cannot tell" (`None`) instead of moving the
//! stamp, so a write-heavy load does not empty the cache on every write;
//! the caller then authenticates against the store, as without a cache.
//!
//! The other connections of this store never write the store's tables —
//! the readers are `query_only`, the log's connection writes only the
//! attached log file, whose `data_version` is its own — so counting them as
//! "outside" costs nothing. A checkpoint that resets the WAL may move
//! `data_version` without a change: then the stamp moves for nothing,
//! which only costs a cache refill. Every failure to read a value moves
//! the stamp or answers `None`: a doubt never keeps a cached token.

use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use rusqlite::{Connection, OpenFlags};

use super::open_error;
use crate::engine::error::Result;

/// The stamp's state; its connection is used under the lock only.
struct State {
    /// The stamp connection: query-only, never waits for a lock.
    conn: Connection,
    /// The stamp connection's `data_version` last accounted for.
    seen: i64,
    /// The writer's `data_version` last accounted for.
    writer_seen: Option<i64>,
    /// The stamp handed out; only ever grows.
    stamp: u64,
}

pub(super) struct AuthStamp {
    state: Mutex<State>,
    /// The writer is between COMMIT and `after_write` (see the module doc).
    committing: AtomicBool,
}

fn data_version(conn: &Connection) -> Option<i64> {
    conn.prepare_cached("PRAGMA data_version")
        .and_then(|mut st| st.query_row([], |r| r.get(0)))
        .ok()
}

impl AuthStamp {
    /// Opens the stamp connection to the store at `path`; `writer` is the
    /// store's writer connection, not yet shared.
    pub(super) fn open(path: &Path, writer: &Connection) -> Result<AuthStamp> {
        let shown = path.display().to_string();
        // Read-write flags as the readers (a read-only connection may not
        // share the WAL index), but query_only: it never writes.
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| open_error(&shown, e))?;
        conn.execute_batch("PRAGMA query_only = ON;")
            .map_err(|e| open_error(&shown, e))?;
        // No busy timeout: a check runs on the server's async workers and
        // must never wait; a busy store answers "cannot tell".
        conn.busy_timeout(std::time::Duration::ZERO)
            .map_err(|e| open_error(&shown, e))?;
        let seen = data_version(&conn).unwrap_or(-1);
        Ok(AuthStamp {
            state: Mutex::new(State {
                conn,
                seen,
                writer_seen: data_version(writer),
                stamp: 0,
            }),
            committing: AtomicBool::new(false),
        })
    }

    /// The current stamp, or None when it cannot be told at once. Costs
    /// one `PRAGMA data_version` (a read transaction's begin and end on
    /// the WAL index, no page read unless something changed).
    pub(super) fn check(&self) -> Option<u64> {
        let mut s = self.state.lock().ok()?;
        let now = data_version(&s.conn)?;
        if now != s.seen {
            if self.committing.load(Ordering::SeqCst) {
                // Maybe only the writer's own commit, not yet explained.
                return None;
            }
            s.seen = now;
            s.stamp += 1;
        }
        Some(s.stamp)
    }

    /// The writer is about to COMMIT.
    pub(super) fn before_commit(&self) {
        self.committing.store(true, Ordering::SeqCst);
    }

    /// After every writer transaction (committed or not), on the writer
    /// connection, still held: explains the writer's own commits, moves
    /// the stamp for outside ones and when `auth` (the transaction wrote a
    /// tenant or a token and committed).
    pub(super) fn after_write(&self, writer: &Connection, auth: bool) {
        let Ok(mut s) = self.state.lock() else {
            self.committing.store(false, Ordering::SeqCst);
            return;
        };
        // The stamp connection first, then the writer (see the module doc).
        let mine = data_version(&s.conn);
        let theirs = data_version(writer);
        let outside = match (mine, theirs, s.writer_seen) {
            (Some(_), Some(w), Some(before)) => w != before,
            _ => true,
        };
        if let Some(m) = mine {
            s.seen = m;
        }
        s.writer_seen = theirs;
        if outside || auth {
            s.stamp += 1;
        }
        self.committing.store(false, Ordering::SeqCst);
    }
}
