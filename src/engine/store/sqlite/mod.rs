//! The embedded default store: one SQLite file (WAL), migrations compiled into
//! the binary and applied on open.
//!
//! Durability: `synchronous = NORMAL` in WAL mode. A committed transaction is
//! in the WAL before `commit` returns, so it survives the process being killed
//! (`kill -9`); only a power loss can roll back the last few commits, which is
//! the trade SQLite recommends for WAL.

#[macro_use]
mod rows;
mod admin_keys;
mod audit;
pub(super) mod events;
mod groups;
pub(super) mod guard;
mod invitations;
mod log;
mod members;
mod schema;
mod stamp;
mod tenants;
mod tokens;
mod webhooks;

use std::cell::Cell;
use std::ffi::c_int;
use std::fs;
use std::io::ErrorKind as IoKind;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use rusqlite::{
    Connection, ErrorCode, OpenFlags, OptionalExtension, Row, TransactionBehavior, params,
};
use time::OffsetDateTime;

use super::prelude::*;
use super::{LogCut, LogScope, LogStat, MemberFilter, Store, StoreInfo};
use crate::engine::admin::users::fold_case;
use crate::engine::error::{EngineError, Result, StoreError};
use crate::engine::log::{LogCounters, LogQuery, LogRecord};
use crate::engine::model::*;
use log::*;
use members::*;
use rows::*;
pub use schema::SCHEMA_VERSION;
use schema::*;

/// The log file of a store.
pub fn log_path(store: &Path) -> PathBuf {
    companion(store, "-log")
}

const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// The WAL size past which `maintain` escalates to a truncating checkpoint.
const WAL_ESCALATE_BYTES: u64 = 64 << 20;

/// One writer connection (SQLite allows one writer at a time) and a fixed
/// pool of reader connections, which WAL lets run beside the writer and each
/// other. Readers beyond the pool wait for one rather than open more: on a
/// small machine, opening connections costs more than waiting.
pub struct SqliteStore {
    path: PathBuf,
    conn: Mutex<Connection>,
    readers: Mutex<ReaderPool>,
    returned: Condvar,
    checkpointer: Mutex<Option<Connection>>,
    /// Appends to the log: the store with the log attached, never holding
    /// the store's write lock.
    log_conn: Mutex<Connection>,
    /// What `auth_stamp` reads (see `stamp`).
    stamp: stamp::AuthStamp,
}

/// A reader connection and its rank: the order in which the pool hands
/// readers out (lowest first) and what sets its page cache
/// (`reader_cache_kib`).
struct Reader {
    rank: usize,
    conn: Connection,
}

/// The readers. An idle reader of the lowest rank goes first, so that as
/// many readers as reads run at once (on this machine's two cores, the two
/// async workers' `read_now`s) take nearly every read: theirs are the warm
/// caches, and only they get large ones.
#[derive(Default)]
struct ReaderPool {
    idle: Vec<Reader>,
    /// The ranks of the readers open (idle or in use), as bits.
    ranks: u32,
    /// Threads waiting in `read` for a connection: a return wakes one only
    /// when there is one (a condvar's notify is a system call even when
    /// nobody waits, and a read returns a connection every time).
    waiting: usize,
}

impl ReaderPool {
    /// The idle reader of the lowest rank.
    fn take(&mut self) -> Option<Reader> {
        let (i, _) = self.idle.iter().enumerate().min_by_key(|(_, r)| r.rank)?;
        Some(self.idle.swap_remove(i))
    }

    /// The lowest rank no open reader has, taken; None when MAX_READERS
    /// are open.
    fn open_rank(&mut self) -> Option<usize> {
        let rank = self.ranks.trailing_ones() as usize;
        (rank < MAX_READERS).then(|| {
            self.ranks |= 1 << rank;
            rank
        })
    }

    /// Takes `reader` back, or when its connection was dropped frees its
    /// rank; true when a waiting thread must be woken.
    fn put_back(&mut self, rank: usize, conn: Option<Connection>) -> bool {
        match conn {
            Some(conn) => self.idle.push(Reader { rank, conn }),
            None => self.ranks &= !(1 << rank),
        }
        self.waiting > 0
    }
}

/// Prepared statements each connection keeps (rusqlite's default is 16):
/// a group PATCH alone runs more distinct statements than that, and a
/// statement pushed out is parsed and planned again on its next use.
const STATEMENT_CACHE: usize = 64;

/// What every connection gets before its first statement: a statement
/// cache that holds a request's statements, and SQLite's query planner
/// stability guarantee. Without the latter, a statement whose plan SQLite
/// thinks might depend on a bound value — any `col = ?` next to an ORDER
/// BY, a LIKE with a bound pattern — is parsed and planned again every
/// time it is re-bound (SQLite 3.54 re-prepared a group PATCH's
/// `assignments` and every keyset page of a scan on each call, a sixth of
/// a group PATCH's instructions). Every query here is written for the
/// indexes it uses; a plan that stays the same is what it wants.
fn prepare_connection(conn: &Connection) -> rusqlite::Result<()> {
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )
    .map(drop)
}

/// Reader connections at most (a few per core is plenty for SQLite).
const MAX_READERS: usize = 4;

/// Readers of a rank below this get `WARM_READER_CACHE_KIB` of page
/// cache, the others `SPARE_READER_CACHE_KIB`: as many as this machine's
/// async workers, which run most reads (`read_now`), ranked first.
const WARM_READERS: usize = 2;
const WARM_READER_CACHE_KIB: i64 = 7 << 10;
/// A reader taken only while the warm ones are busy (a long list, a read
/// on the blocking pool beside two `read_now`s) reads a little and keeps
/// little: it is cold whichever size it has.
const SPARE_READER_CACHE_KIB: i64 = 2 << 10;

/// The page cache of the reader of `rank`, in KiB.
fn reader_cache_kib(rank: usize) -> i64 {
    if rank < WARM_READERS {
        WARM_READER_CACHE_KIB
    } else {
        SPARE_READER_CACHE_KIB
    }
}

/// The work a `read_now` may make SQLite do, in virtual-machine steps,
/// checked every `READ_NOW_EVERY`: a member by id with its groups takes
/// about 60, a scan about 27 a row, so the bound stops a read after some
/// 75 rows — tens of microseconds.
const READ_NOW_STEPS: u32 = 2_000;
const READ_NOW_EVERY: u32 = 100;

impl SqliteStore {
    /// Opens (creating when missing) the store at `path`: directory 0700,
    /// file 0600, WAL, foreign keys on, migrated to the current schema.
    /// Refuses, without writing anything (not even its mode), a file that is
    /// not a SQLite database, a SQLite database of another program, or one
    /// written by a newer scimctl.
    pub fn open(path: &Path) -> Result<SqliteStore> {
        let shown = path.display().to_string();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && !dir.is_dir()
        {
            fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .map_err(|e| StoreError::CreateDir {
                    path: dir.display().to_string(),
                    reason: io_reason(&e),
                })?;
        }
        let open_err = |e: std::io::Error| StoreError::Open {
            path: shown.clone(),
            reason: io_reason(&e),
        };
        let existed = ensure_file(path).map_err(open_err)?;

        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| open_error(&shown, e))?;
        trace_statements(&mut conn, "writer");
        prepare_connection(&conn).map_err(|e| open_error(&shown, e))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| open_error(&shown, e))?;

        // Read the version before anything writes to the file (switching to
        // WAL writes its header), so a foreign or newer file is left untouched.
        let found: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| open_error(&shown, e))?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path: shown,
                found,
                supported: SCHEMA_VERSION,
            }
            .into());
        }
        // Version 0 with tables in it: another program's database, which
        // migrating would fill with our tables.
        // A version but not our application id: another program's database
        // that happens to use user_version too.
        if found > 0 {
            let app: i64 = conn
                .query_row("PRAGMA application_id", [], |r| r.get(0))
                .map_err(|e| open_error(&shown, e))?;
            if app != APPLICATION_ID {
                return Err(StoreError::Open {
                    path: shown,
                    reason: "it is a SQLite database of another program (its application id is not scimctl's), so scimctl leaves it alone".into(),
                }
                .into());
            }
        }
        if found == 0 {
            let objects: i64 = conn
                .query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| r.get(0))
                .map_err(|e| open_error(&shown, e))?;
            if objects > 0 {
                return Err(StoreError::Open {
                    path: shown,
                    reason: "it is a SQLite database of another program (it has tables but no scimctl schema version), so scimctl leaves it alone".into(),
                }
                .into());
            }
        }
        // Only now that it is ours: tighten an existing store to 0600.
        if existed {
            for p in [
                path.to_path_buf(),
                companion(path, "-wal"),
                companion(path, "-shm"),
            ] {
                make_private(&p).map_err(open_err)?;
            }
        }
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
        )
        .map_err(|e| open_error(&shown, e))?;

        // A current store needs no write lock to open, so readers are not
        // held up by a writer in another process.
        if found < SCHEMA_VERSION {
            migrate(&mut conn, &shown, MIGRATIONS)?;
        }
        open_log(&log_path(path))?;
        let stamp = stamp::AuthStamp::open(path, &conn)?;
        let store = SqliteStore {
            path: path.to_path_buf(),
            conn: Mutex::new(conn),
            readers: Mutex::new(ReaderPool::default()),
            returned: Condvar::new(),
            checkpointer: Mutex::new(None),
            log_conn: Mutex::new(open_log_appender(path)?),
            stamp,
        };
        Ok(store)
    }

    fn open_reader(&self, rank: usize) -> Result<Connection> {
        let conn = self.open_reader_like(true)?;
        conn.execute_batch(&format!(
            "PRAGMA main.cache_size = -{};",
            reader_cache_kib(rank)
        ))
        .map_err(|e| open_error(&self.path.display().to_string(), e))?;
        Ok(conn)
    }

    fn open_reader_like(&self, query_only: bool) -> Result<Connection> {
        let role = if query_only { "reader" } else { "maintain" };
        open_connection(&self.path, query_only, role)
    }

    /// Runs `f` in a transaction. BEGIN and COMMIT are cached statements:
    /// on the request path, parsing them each time shows in profiles.
    /// With `stamp` (the writer), the stamp is told before COMMIT; returns
    /// too whether a tenant or token was written and committed.
    fn run(
        conn: &mut Connection,
        behavior: TransactionBehavior,
        stamp: Option<&stamp::AuthStamp>,
        f: &mut dyn FnMut(&dyn Tx) -> Result<()>,
    ) -> (Result<()>, bool) {
        let begin = match behavior {
            TransactionBehavior::Immediate => "BEGIN IMMEDIATE",
            TransactionBehavior::Exclusive => "BEGIN EXCLUSIVE",
            _ => "BEGIN DEFERRED",
        };
        if let Err(e) = conn.prepare_cached(begin).and_then(|mut st| st.execute([])) {
            return (Err(sql(e)), false);
        }
        let auth = Cell::new(false);
        // A panic inside the closure is caught here, while the connection
        // is still ours: the transaction is rolled back below and the
        // connection goes back to its pool (or the writer slot) usable,
        // instead of poisoning it for every later request.
        let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            f(&SqliteTx {
                tx: conn,
                auth: &auth,
            })
        }))
        .unwrap_or_else(|_| {
            Err(
                StoreError::Backend("the operation failed inside its transaction (a panic)".into())
                    .into(),
            )
        });
        let out = ran.and_then(|()| {
            if let Some(s) = stamp {
                s.before_commit();
            }
            conn.prepare_cached("COMMIT")
                .and_then(|mut st| st.execute([]))
                .map(drop)
                .map_err(sql)
        });
        if out.is_err() && !conn.is_autocommit() {
            // Nothing half-written survives: undo the whole transaction.
            let _ = conn
                .prepare_cached("ROLLBACK")
                .and_then(|mut st| st.execute([]));
        }
        let committed = out.is_ok();
        (out, committed && auth.get())
    }
}

fn poisoned<T>(_: T) -> EngineError {
    StoreError::Backend("store lock poisoned".into()).into()
}

impl Store for SqliteStore {
    fn read(&self, f: &mut dyn FnMut(&dyn Tx) -> Result<()>) -> Result<()> {
        let Reader { rank, mut conn } = {
            let mut pool = self.readers.lock().map_err(poisoned)?;
            loop {
                if let Some(r) = pool.take() {
                    break r;
                }
                if let Some(rank) = pool.open_rank() {
                    drop(pool);
                    match self.open_reader(rank) {
                        Ok(conn) => break Reader { rank, conn },
                        Err(e) => {
                            // Its place is free again: a waiter may open it.
                            if self.readers.lock().map_err(poisoned)?.put_back(rank, None) {
                                self.returned.notify_one();
                            }
                            return Err(e);
                        }
                    }
                }
                pool.waiting += 1;
                let woken = self.returned.wait(pool);
                pool = woken.map_err(poisoned)?;
                pool.waiting -= 1;
            }
        };
        let (out, _) = Self::run(&mut conn, TransactionBehavior::Deferred, None, f);
        if self
            .readers
            .lock()
            .map_err(poisoned)?
            .put_back(rank, Some(conn))
        {
            self.returned.notify_one();
        }
        out
    }
    /// On an idle reader taken without waiting for the pool's lock, with
    /// no busy timeout (a busy database answers at once) and a progress
    /// handler that interrupts `f` past `READ_NOW_STEPS` virtual-machine
    /// steps; an interrupted or busy read answers `None`. Opening a new
    /// connection is file I/O, so with none idle it answers `None` too.
    fn read_now(&self, f: &mut dyn FnMut(&dyn Tx) -> Result<()>) -> Option<Result<()>> {
        let Reader { rank, mut conn } = self.readers.try_lock().ok()?.take()?;
        let tripped = Arc::new(AtomicBool::new(false));
        let mut left = READ_NOW_STEPS / READ_NOW_EVERY;
        let t = tripped.clone();
        let armed = conn.busy_timeout(Duration::ZERO).and_then(|()| {
            conn.progress_handler(
                READ_NOW_EVERY as c_int,
                Some(move || {
                    if left == 0 {
                        t.store(true, Ordering::Relaxed);
                        return true;
                    }
                    left -= 1;
                    false
                }),
            )
        });
        let out = match armed {
            Ok(()) => Some(Self::run(&mut conn, TransactionBehavior::Deferred, None, f).0),
            Err(_) => None,
        };
        let disarmed = conn
            .progress_handler(0, None::<fn() -> bool>)
            .and_then(|()| conn.busy_timeout(BUSY_TIMEOUT));
        // A connection that could not be put back as it was is dropped.
        if self
            .readers
            .lock()
            .ok()?
            .put_back(rank, disarmed.is_ok().then_some(conn))
        {
            self.returned.notify_one();
        }
        if tripped.load(Ordering::Relaxed) {
            return None;
        }
        match out? {
            Err(EngineError::Store(StoreError::Busy(_))) => None,
            out => Some(out),
        }
    }
    fn write(&self, f: &mut dyn FnMut(&dyn Tx) -> Result<()>) -> Result<()> {
        let mut conn = self.conn.lock().map_err(poisoned)?;
        // IMMEDIATE takes the write lock up front: no deadlock upgrading a
        // read lock, and check-then-insert rules run serialised.
        let (out, auth) = Self::run(
            &mut conn,
            TransactionBehavior::Immediate,
            Some(&self.stamp),
            f,
        );
        // Before the write returns: the very next request sees the change.
        self.stamp.after_write(&conn, auth);
        out
    }
    fn append(&self, f: &mut dyn FnMut(&dyn Tx) -> Result<()>) -> Result<()> {
        let mut conn = self.log_conn.lock().map_err(poisoned)?;
        // DEFERRED: the write lock is taken on the log file alone, when the
        // first record is inserted; the store is only read. (Were a tenant
        // or token written here, the stamp would see it as another
        // connection's commit.)
        Self::run(&mut conn, TransactionBehavior::Deferred, None, f).0
    }
    fn auth_stamp(&self) -> Option<u64> {
        self.stamp.check()
    }
    fn defer_maintenance(&self) -> Result<()> {
        self.conn
            .lock()
            .map_err(poisoned)?
            .pragma_update(None, "wal_autocheckpoint", 0)
            .map_err(sql)
    }
    /// A PASSIVE checkpoint on a connection of its own: it copies committed
    /// WAL frames into the database without waiting for (or blocking)
    /// readers and the writer, so the WAL stays small and no request's
    /// commit pays for a checkpoint.
    fn maintain(&self) -> Result<()> {
        let mut slot = self.checkpointer.lock().map_err(poisoned)?;
        if slot.is_none() {
            *slot = Some(self.open_reader_like(false)?);
        }
        if let Some(conn) = slot.as_ref() {
            // The store only: the log (attached) checkpoints itself from its
            // writer's commits in large steps; checkpointing it every 100 ms
            // too rewrote its hot index pages over and over.
            conn.query_row("PRAGMA main.wal_checkpoint(PASSIVE)", [], |_| Ok(()))
                .map_err(sql)?;
            // A passive checkpoint cannot reset the WAL while readers keep
            // reading old snapshots, so under constant reads it would grow
            // without bound; past a size, wait for them (at most the busy
            // timeout, during which writers wait too) and truncate it.
            let wal = fs::metadata(companion(&self.path, "-wal")).map_or(0, |m| m.len());
            if wal > WAL_ESCALATE_BYTES {
                tracing::info!(wal_bytes = wal, "store WAL is large: truncating checkpoint");
                conn.query_row("PRAGMA main.wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
                    .map_err(sql)?;
            }
        }
        Ok(())
    }
    fn info(&self) -> StoreInfo {
        StoreInfo {
            kind: "sqlite",
            location: self.path.display().to_string(),
            schema_version: SCHEMA_VERSION,
        }
    }
}

/// With `SCIMCTL_LOG=scimctl::sql=trace`, each statement a connection
/// runs is traced with the connection's role: its text as written, with
/// `?` placeholders, never the values bound to them (token hashes, names).
/// Support staff and tests use it to see which queries a request ran.
fn trace_statements(conn: &mut Connection, role: &'static str) {
    if tracing::enabled!(target: "scimctl::sql", tracing::Level::TRACE) {
        let traced = conn.trace_v2(
            rusqlite::trace::TraceEventCodes::SQLITE_TRACE_STMT,
            Some(move |e: rusqlite::trace::TraceEvent<'_>| {
                if let rusqlite::trace::TraceEvent::Stmt(_, sql) = e {
                    tracing::trace!(target: "scimctl::sql", conn = role, "{sql}");
                }
            }),
        );
        if let Err(e) = traced {
            tracing::debug!(error = %e, "cannot trace SQL statements");
        }
    }
}

/// A further connection to an open store, with the log attached.
fn open_connection(path: &Path, query_only: bool, role: &'static str) -> Result<Connection> {
    let shown = path.display().to_string();
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| open_error(&shown, e))?;
    trace_statements(&mut conn, role);
    prepare_connection(&conn).map_err(|e| open_error(&shown, e))?;
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(|e| open_error(&shown, e))?;
    conn.execute_batch("PRAGMA foreign_keys = ON;")
        .map_err(|e| open_error(&shown, e))?;
    conn.execute(
        "ATTACH DATABASE ?1 AS log",
        [log_path(path).display().to_string()],
    )
    .map_err(|e| open_error(&shown, e))?;
    // Per connection and per database: without this the log's commits
    // would fsync (FULL is the default).
    conn.execute_batch("PRAGMA main.synchronous = NORMAL; PRAGMA log.synchronous = NORMAL;")
        .map_err(|e| open_error(&shown, e))?;
    // 6 MiB of page cache per connection (the default is 2): with 100,000
    // users the lookup indexes stay cached instead of being re-read per
    // request. Readers are sized by their rank after this
    // (`reader_cache_kib`): at a million users no cache `serve` can afford
    // holds their leaves, and every cache fills, so the readers' sum is
    // what keeps `serve` under its 64 MiB there: 18 MiB (two warm readers
    // of 7, two spare ones of 2) leaves it a few MiB of room, 24 did not.
    conn.execute_batch("PRAGMA main.cache_size = -6144;")
        .map_err(|e| open_error(&shown, e))?;
    if query_only {
        conn.execute_batch("PRAGMA query_only = ON;")
            .map_err(|e| open_error(&shown, e))?;
    }
    Ok(conn)
}

/// The connection that appends to the log. 4 MiB of log pages cached:
/// the per-user index's inserts land on one leaf page per user active in
/// a batch, and 4 MiB holds a thousand busy users' leaves with the ends of
/// the sequence-ordered indexes; at a million users no cache that fits
/// `serve`'s memory budget (64 MiB in all) would hold their leaves, so 16
/// MiB (the earlier size) bought little there but 12 MiB of RSS. Checkpoints every
/// 4,000 pages instead of 1,000: the hot pages at the end of the table and
/// of the sequence-ordered indexes are rewritten by every batch, and a
/// checkpoint copies only their last version.
fn open_log_appender(path: &Path) -> Result<Connection> {
    let conn = open_connection(path, false, "log")?;
    conn.execute_batch("PRAGMA log.cache_size = -4096; PRAGMA wal_autocheckpoint = 4000;")
        .map_err(|e| open_error(&path.display().to_string(), e))?;
    Ok(conn)
}

/// Creates the file 0600 when missing; true when it existed already (a
/// regular file, left untouched until it is known to be a scimctl store).
fn ensure_file(path: &Path) -> std::io::Result<bool> {
    match fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
    {
        Ok(_) => Ok(false),
        Err(e) if e.kind() == IoKind::AlreadyExists => {
            if !fs::metadata(path)?.is_file() {
                return Err(std::io::Error::other("it is not a regular file"));
            }
            Ok(true)
        }
        Err(e) => Err(e),
    }
}

fn companion(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Tightens a file to 0600 when it exists and is open to others.
fn make_private(path: &Path) -> std::io::Result<()> {
    match fs::metadata(path) {
        Ok(meta) if meta.permissions().mode() & 0o077 != 0 => {
            fs::set_permissions(path, fs::Permissions::from_mode(0o600))
        }
        Ok(_) => Ok(()),
        Err(e) if e.kind() == IoKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        IoKind::PermissionDenied => "permission denied".into(),
        IoKind::NotADirectory => "a part of the path is a file, not a directory".into(),
        IoKind::ReadOnlyFilesystem => "read-only file system".into(),
        _ => e.to_string(),
    }
}

fn open_error(path: &str, e: rusqlite::Error) -> EngineError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotADatabase { path: path.into() }.into(),
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
            StoreError::Busy(e.to_string()).into()
        }
        Some(ErrorCode::ReadOnly)
        | Some(ErrorCode::CannotOpen)
        | Some(ErrorCode::PermissionDenied) => StoreError::ReadOnly {
            path: path.into(),
            reason: e.to_string(),
        }
        .into(),
        _ => StoreError::Open {
            path: path.into(),
            reason: e.to_string(),
        }
        .into(),
    }
}

fn sql(e: rusqlite::Error) -> EngineError {
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
            StoreError::Busy(e.to_string()).into()
        }
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly {
            path: "(open store)".into(),
            reason: e.to_string(),
        }
        .into(),
        _ => StoreError::Backend(e.to_string()).into(),
    }
}

struct SqliteTx<'a> {
    tx: &'a Connection,
    /// Set by every write of a tenant or a token: the stamp moves at commit.
    auth: &'a Cell<bool>,
}

impl SqliteTx<'_> {
    /// What authentication reads is being changed (see `stamp`).
    fn auth_changed(&self) {
        self.auth.set(true);
    }
}

impl SqliteTx<'_> {
    fn one<T>(
        &self,
        q: &str,
        p: impl rusqlite::Params,
        f: impl FnOnce(&Row) -> rusqlite::Result<T>,
    ) -> Result<Option<T>> {
        self.tx
            .prepare_cached(q)
            .map_err(sql)?
            .query_row(p, f)
            .optional()
            .map_err(sql)
    }
    fn all<T>(
        &self,
        q: &str,
        p: impl rusqlite::Params,
        f: impl FnMut(&Row) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let mut st = self.tx.prepare_cached(q).map_err(sql)?;
        let rows = st.query_map(p, f).map_err(sql)?;
        rows.collect::<rusqlite::Result<Vec<T>>>().map_err(sql)
    }
    fn exec(&self, q: &str, p: impl rusqlite::Params) -> Result<usize> {
        self.tx
            .prepare_cached(q)
            .map_err(sql)?
            .execute(p)
            .map_err(sql)
    }
}

impl Tx for SqliteTx<'_> {
    fn changed_auth(&self) -> bool {
        self.auth.get()
    }
    fn step(&self, f: &mut dyn FnMut(&dyn Tx) -> Result<()>) -> Result<()> {
        self.exec("SAVEPOINT step", [])?;
        let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(self)))
            .unwrap_or_else(|_| {
                Err(
                    StoreError::Backend("the operation failed inside its step (a panic)".into())
                        .into(),
                )
            });
        if ran.is_err() {
            self.exec("ROLLBACK TO step", [])?;
        }
        self.exec("RELEASE step", [])?;
        ran
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The log's keys are stored: these values must never change.
    #[test]
    fn log_keys_are_stable() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325_u64 as i64);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c_u64 as i64);
        assert_eq!(user_key("jo@example.com"), fnv1a(b"jo@example.com"));
        // Time-ordered ids: the 12 digits of milliseconds and 4 of the random.
        assert_eq!(
            request_key("r-019ad1c2e3f4a5b6c7d8"),
            0x019a_d1c2_e3f4_a5b6_i64
        );
        assert!(request_key("r-000000000001ffffffff") < request_key("r-00000000000200000000"));
        // Any other text is hashed.
        assert_eq!(
            request_key("r-019ad1c2e3f4a5b6c7dx"),
            fnv1a(b"r-019ad1c2e3f4a5b6c7dx")
        );
        assert_eq!(request_key("legacy-42"), fnv1a(b"legacy-42"));
        assert_eq!(lowered("Jo@Example.COM"), "jo@example.com");
        assert!(matches!(
            lowered("jo@example.com"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(lowered("ÉLISE@example.com"), "élise@example.com");
    }

    fn filled(members: usize) -> (tempfile::TempDir, SqliteStore) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = SqliteStore::open(&dir.path().join("s.db")).expect("open");
        let t = OffsetDateTime::UNIX_EPOCH;
        super::super::write(&store, |tx| {
            tx.insert_tenant(&Tenant {
                id: "t1".into(),
                name: "T1".into(),
                policy: Policy::Standard,
                scim_enabled: true,
                created_at: t,
            })?;
            for i in 0..members {
                tx.insert_account(&Account {
                    id: format!("a{i}"),
                    namespace: "t1".into(),
                    user_name: format!("u{i}@example.com"),
                    given_name: None,
                    family_name: None,
                    created_at: t,
                    updated_at: t,
                })?;
                tx.insert_membership(&Membership {
                    id: format!("m{i}"),
                    tenant_id: "t1".into(),
                    account_id: format!("a{i}"),
                    kind: MemberKind::Property,
                    managed_by: ManagedBy::Idp,
                    active: true,
                    external_id: None,
                    doc: None,
                    version: 1,
                    created_at: t,
                    updated_at: t,
                })?;
            }
            Ok(())
        })
        .expect("fill");
        // `read_now` never opens a connection: leave one idle.
        super::super::read(&store, |tx| tx.member_total("t1")).expect("warm");
        (dir, store)
    }

    /// A lookup by key runs to its end at once and answers as `read`
    /// does, errors included; a scan is stopped at the step bound and
    /// answers None, leaving the connection usable.
    #[test]
    fn read_now_answers_lookups_and_stops_scans() {
        let (_dir, store) = filled(3_000);
        let now = |f: &dyn Fn(&dyn Tx) -> Result<Option<String>>| super::super::read_now(&store, f);
        let found = now(&|tx| Ok(tx.member("t1", "m42")?.map(|m| m.account.user_name)));
        assert_eq!(
            found.map(|r| r.expect("lookup")),
            Some(Some("u42@example.com".to_owned()))
        );
        let refused = now(&|_| Err(EngineError::Internal("planted".into())));
        assert!(matches!(refused, Some(Err(EngineError::Internal(_)))));

        let scan = super::super::read_now(&store, |tx| tx.members_page("t1", 0, 3_000));
        assert!(scan.is_none(), "a 3,000-row scan must be stopped");
        let whole = super::super::read(&store, |tx| tx.members_page("t1", 0, 3_000));
        assert_eq!(whole.expect("scan").len(), 3_000);
        // The stopped connection went back to the pool usable, unbounded
        // for `read` and bounded again for `read_now`.
        let again = now(&|tx| Ok(tx.member("t1", "m7")?.map(|m| m.membership.id)));
        assert_eq!(
            again.map(|r| r.expect("lookup")),
            Some(Some("m7".to_owned()))
        );
    }

    /// Readers go out lowest rank first, a dropped reader's rank is the
    /// next to open, and only the warm ranks get the large cache.
    #[test]
    fn readers_go_out_warmest_first() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = SqliteStore::open(&dir.path().join("s.db")).expect("open");
        let mut pool = ReaderPool::default();
        let ranks: Vec<usize> = std::iter::from_fn(|| pool.open_rank()).collect();
        assert_eq!(ranks, (0..MAX_READERS).collect::<Vec<_>>());
        for &rank in ranks.iter().rev() {
            let conn = store.open_reader(rank).expect("reader");
            let kib: i64 = conn
                .query_row("PRAGMA main.cache_size", [], |r| r.get(0))
                .expect("cache_size");
            assert_eq!(-kib, reader_cache_kib(rank), "rank {rank}");
            pool.put_back(rank, Some(conn));
        }
        assert!(reader_cache_kib(0) > reader_cache_kib(MAX_READERS - 1));
        let first = pool.take().expect("idle");
        let second = pool.take().expect("idle");
        assert_eq!((first.rank, second.rank), (0, 1));
        pool.put_back(second.rank, Some(second.conn));
        assert_eq!(pool.take().map(|r| r.rank), Some(1), "back and first again");
        pool.put_back(first.rank, None);
        assert_eq!(
            pool.open_rank(),
            Some(0),
            "a dropped reader's rank opens again"
        );
        assert_eq!(pool.open_rank(), None, "no more than MAX_READERS");
    }

    /// With every reader in use (or none opened yet), `read_now` answers
    /// None at once instead of waiting or opening one.
    #[test]
    fn read_now_never_waits_for_a_connection() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = SqliteStore::open(&dir.path().join("s.db")).expect("open");
        assert!(super::super::read_now(&store, |tx| tx.member_total("t1")).is_none());
        super::super::read(&store, |tx| tx.member_total("t1")).expect("read");
        let inner = std::cell::Cell::new(None);
        super::super::read(&store, |_| {
            // The one idle connection is in use by this read.
            inner.set(Some(
                super::super::read_now(&store, |tx| tx.member_total("t1")).is_none(),
            ));
            Ok(())
        })
        .expect("outer read");
        assert_eq!(inner.get(), Some(true));
    }

    /// Statements of the request paths are planned once, not again on
    /// every re-binding (see `prepare_connection`): the shapes SQLite
    /// re-plans without the planner stability guarantee, each run with a
    /// new value on the writer and on a reader.
    #[test]
    fn statements_are_not_replanned_when_rebound() {
        let (_dir, store) = filled(10);
        type Args<'a> = &'a dyn Fn(usize) -> Vec<rusqlite::types::Value>;
        let shapes: [(&str, Args<'_>); 7] = [
            (
                "SELECT id FROM tokens WHERE tenant_id = ?1 AND state IN ('active', 'previous') ORDER BY created_at DESC",
                &|i| vec![format!("t{i}").into()],
            ),
            (
                "SELECT kind, value FROM group_assignments WHERE group_id = ?1 ORDER BY kind, value",
                &|i| vec![format!("g{i}").into()],
            ),
            (
                "SELECT m.id FROM memberships m WHERE m.tenant_id = ?1 AND m.id > ?2 ORDER BY m.id LIMIT ?3",
                &|i| vec!["t1".to_owned().into(), format!("m{i}").into(), 10i64.into()],
            ),
            (
                "SELECT id FROM memberships WHERE tenant_id = ?1 AND external_id = ?2 ORDER BY created_at, id",
                &|i| vec!["t1".to_owned().into(), format!("x{i}").into()],
            ),
            ("SELECT id FROM accounts WHERE user_name LIKE ?1", &|i| {
                vec![format!("u{i}%").into()]
            }),
            // `member` and `members_by_user_name`: joins with bound keys.
            (
                "SELECT m.id, a.id FROM memberships m CROSS JOIN accounts a ON a.id = m.account_id WHERE m.id = ?1 AND m.tenant_id = ?2",
                &|i| vec![format!("m{i}").into(), "t1".to_owned().into()],
            ),
            (
                "SELECT m.id, a.id FROM accounts a CROSS JOIN memberships m ON m.tenant_id = ?1 AND m.account_id = a.id WHERE a.namespace = ?2 AND a.user_name_lower = ?3",
                &|i| {
                    vec![
                        "t1".to_owned().into(),
                        "t1".to_owned().into(),
                        format!("u{i}").into(),
                    ]
                },
            ),
        ];
        let writer = store.conn.lock().expect("writer");
        let pool = store.readers.lock().expect("readers");
        let reader = &pool.idle.last().expect("an idle reader").conn;
        for conn in [&*writer, reader] {
            for (sql, args) in &shapes {
                for i in 0..5 {
                    let mut st = conn.prepare_cached(sql).expect("prepare");
                    let mut rows = st
                        .query(rusqlite::params_from_iter(args(i)))
                        .expect("query");
                    while rows.next().expect("row").is_some() {}
                }
                let st = conn.prepare_cached(sql).expect("cached");
                assert_eq!(
                    st.get_status(rusqlite::StatementStatus::RePrepare),
                    0,
                    "{sql} was planned again on a new binding"
                );
            }
        }
    }
}
