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
//!   `SqliteStore` on the same file: the store's *watch* (`Watch`), a mark
//!   that changes with every commit to the file by anyone. In WAL mode it
//!   is the WAL-index header, the first 96 bytes of the `-shm` file, read
//!   with one `pread`: every commit rewrites it (its change counter, frame
//!   count and checksums), and a reader compares its two copies, which a
//!   writer updates one after the other, to tell a complete header from
//!   one being written (<https://www.sqlite.org/walformat.html>, "The
//!   WAL-Index Header"). That is the check every request runs, so it has to
//!   be cheap: SQLite's own `PRAGMA data_version` costs a read
//!   transaction's begin and end, with their locks on the `-shm` file (7 %
//!   of a GET's server CPU under load). Outside WAL mode (a file system
//!   that refuses it) the watch is `data_version` on a connection of its
//!   own, which never writes.
//!
//! The watch also sees this store's own writer commit — every SCIM create
//! and PATCH — and taken alone would drop every cached token on every
//! write. So the writer tells its commits apart: right after each of its
//! transactions it reads the watch (now covering its own commit) and then
//! its *own* `data_version`, which changes when any *other* connection
//! commits and never for its own commits. If the writer's value did not
//! move, every change the watch saw came from the writer (an outside
//! commit would have moved both), and the watch's new mark is taken as
//! explained; if it moved, something outside committed and the stamp
//! moves. The order matters: the watch is read first, so the writer's read
//! covers at least every commit that the first read saw.
//!
//! Between the writer's COMMIT and that bookkeeping the watch may already
//! see the commit without it being explained: the writer
//! marks the window (`committing`), and a check that sees an unexplained
//! change inside it answers "cannot tell" (`None`) instead of moving the
//! stamp, so a write-heavy load does not empty the cache on every write;
//! the caller then authenticates against the store, as without a cache.
//!
//! The other connections of this store never write the store's tables —
//! the readers are `query_only`, the log's connection writes only the
//! attached log file, whose WAL and `-shm` are its own — so counting them
//! as "outside" costs nothing. A checkpoint that resets the WAL may move
//! the mark without a change: then the stamp moves for nothing, which only
//! costs a cache refill. Every failure to read a mark, and a header caught
//! while it is written, moves the stamp or answers `None`: a doubt never
//! keeps a cached token.

use std::fs::File;
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use rusqlite::{Connection, OpenFlags};

use super::{companion, open_error};
use crate::engine::error::Result;

/// The WAL-index header: two copies of 48 bytes at the start of `-shm`.
const HEADER: usize = 48;

/// What the watch shows: the WAL-index header's first copy, or
/// `data_version` in the first 8 bytes.
type Mark = [u8; HEADER];

/// What tells of commits by any connection (see the module doc).
enum Watch {
    /// The store's `-shm` file, read only.
    Shm(File),
    /// A query-only connection that never waits for a lock.
    Version(Connection),
}

impl Watch {
    /// The current mark, or None when it cannot be read: the header was
    /// being written (its copies differ) twice in a row, or reading failed.
    fn mark(&self) -> Option<Mark> {
        match self {
            Watch::Shm(f) => {
                for _ in 0..2 {
                    let mut b = [0u8; 2 * HEADER];
                    f.read_exact_at(&mut b, 0).ok()?;
                    let (first, second) = b.split_at(HEADER);
                    if first == second {
                        return first.try_into().ok();
                    }
                }
                None
            }
            Watch::Version(conn) => {
                let mut m = [0u8; HEADER];
                m[..8].copy_from_slice(&data_version(conn)?.to_le_bytes());
                Some(m)
            }
        }
    }
}

/// The stamp's state; the watch is used under the lock only.
struct State {
    watch: Watch,
    /// The watch's mark last accounted for.
    seen: Option<Mark>,
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
    /// Opens the watch on the store at `path`: its `-shm` file in WAL mode,
    /// else a connection of its own; `writer` is the store's writer
    /// connection, not yet shared.
    pub(super) fn open(path: &Path, writer: &Connection) -> Result<AuthStamp> {
        // Read first: the writer's read transaction has made the WAL index.
        let writer_seen = data_version(writer);
        let wal = writer
            .query_row("PRAGMA journal_mode", [], |r| r.get::<_, String>(0))
            .is_ok_and(|m| m.eq_ignore_ascii_case("wal"));
        let shm = wal
            .then(|| File::open(companion(path, "-shm")).ok())
            .flatten();
        let watch = match shm {
            Some(f) => Watch::Shm(f),
            None => Watch::Version(Self::version_connection(path)?),
        };
        Ok(AuthStamp {
            state: Mutex::new(State {
                seen: watch.mark(),
                watch,
                writer_seen,
                stamp: 0,
            }),
            committing: AtomicBool::new(false),
        })
    }

    /// The watch outside WAL mode: a connection of its own.
    fn version_connection(path: &Path) -> Result<Connection> {
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
        Ok(conn)
    }

    /// The current stamp, or None when it cannot be told at once. Costs
    /// one `pread` of the WAL-index header (in WAL mode).
    pub(super) fn check(&self) -> Option<u64> {
        let mut s = self.state.lock().ok()?;
        let now = s.watch.mark()?;
        if Some(now) != s.seen {
            if self.committing.load(Ordering::SeqCst) {
                // Maybe only the writer's own commit, not yet explained.
                return None;
            }
            s.seen = Some(now);
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
        // The watch first, then the writer (see the module doc).
        let mine = s.watch.mark();
        let theirs = data_version(writer);
        let outside = match (mine, theirs, s.writer_seen) {
            (Some(_), Some(w), Some(before)) => w != before,
            _ => true,
        };
        if mine.is_some() {
            s.seen = mine;
        }
        s.writer_seen = theirs;
        if outside || auth {
            s.stamp += 1;
        }
        self.committing.store(false, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both watches see a commit by another connection and nothing else:
    /// not a read, not a passive checkpoint.
    #[test]
    fn each_watch_moves_with_a_commit_and_only_then() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("s.db");
        let other = Connection::open(&path).expect("open");
        other
            .execute_batch("PRAGMA journal_mode = WAL; CREATE TABLE t (x INTEGER);")
            .expect("schema");
        let shm = Watch::Shm(File::open(companion(&path, "-shm")).expect("-shm"));
        let version = Watch::Version(AuthStamp::version_connection(&path).expect("conn"));
        for watch in [&shm, &version] {
            let before = watch.mark().expect("a mark");
            let _: i64 = other
                .query_row("SELECT count(*) FROM t", [], |r| r.get(0))
                .expect("read");
            other
                .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
                .expect("checkpoint");
            assert_eq!(watch.mark(), Some(before), "no commit, same mark");
            other
                .execute("INSERT INTO t VALUES (1)", [])
                .expect("insert");
            let after = watch.mark().expect("a mark");
            assert_ne!(after, before, "a commit moves the mark");
            assert_eq!(watch.mark(), Some(after), "and it then holds");
        }
    }
}
