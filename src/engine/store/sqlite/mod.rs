//! The embedded default store: one SQLite file (WAL), migrations compiled into
//! the binary and applied on open.
//!
//! Durability: `synchronous = NORMAL` in WAL mode. A committed transaction is
//! in the WAL before `commit` returns, so it survives the process being killed
//! (`kill -9`); only a power loss can roll back the last few commits, which is
//! the trade SQLite recommends for WAL.

mod stamp;

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

use super::{LogCut, LogScope, LogStat, MemberFilter, Store, StoreInfo, Tx};
use crate::engine::admin::users::fold_case;
use crate::engine::error::{EngineError, Result, StoreError};
use crate::engine::log::{LogCounters, LogQuery, LogRecord};
use crate::engine::model::*;

/// Migrations in order; the store's `user_version` is how many have run.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_member_owner_index.sql"),
    include_str!("migrations/0003_admin_keys.sql"),
    include_str!("migrations/0004_account_name_lower.sql"),
    include_str!("migrations/0005_member_display.sql"),
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// `PRAGMA application_id` of a scimctl store ("SCIM" in ASCII), so that a
/// foreign SQLite file is never mistaken for one.
const APPLICATION_ID: i64 = 0x5343_494D;

/// The provisioning log lives in a database file of its own beside the
/// store (`<store>-log`, "SCIL"), attached to the connections that read or
/// append it.
const LOG_MIGRATIONS: &[&str] = &[
    include_str!("migrations/log_0001.sql"),
    include_str!("migrations/log_0002.sql"),
    include_str!("migrations/log_0003.sql"),
    include_str!("migrations/log_0004.sql"),
];
/// Where a log migration hands over to `fill_log_keys`.
const FILL_KEYS: &str = "-- @fill-keys";
/// Where store migration 4 hands over to `fill_account_names`.
const FILL_NAMES: &str = "-- @fill-names";
/// A migration's step in Rust, run where its marker stands in the SQL.
type Fill = fn(&Connection) -> rusqlite::Result<()>;
const FILL_DISPLAY: &str = "-- @member-display";
const FILLS: &[(&str, Fill)] = &[
    (FILL_KEYS, fill_log_keys),
    (FILL_NAMES, fill_account_names),
    (FILL_DISPLAY, add_member_display),
];
const LOG_APPLICATION_ID: i64 = 0x5343_494C;

/// The columns `insert_logs` writes, in order.
const LOG_COLUMNS: &str = "request_id, request_key, at, tenant_n, method, path, query, status, scim_type, reason, detail, user_id, user_email, user_email_lower, user_key, group_id, token_fingerprint, token_note, client_addr, user_agent, latency_us, ignored_attributes, transfers, invitations, request_body";
const LOG_COLUMN_COUNT: usize = 25;
/// Records per INSERT statement. One statement keeps its cursors open
/// across its rows, so an index insert at the end of the previous one
/// (the sequence- and time-ordered keys) skips the seek from the root, and
/// the statement's setup and teardown are shared.
const LOG_ROWS: usize = 32;

/// The INSERT of `rows` log records (a power of two up to LOG_ROWS),
/// built once: formatting 800 placeholders per batch showed in profiles.
fn log_insert(rows: usize) -> &'static str {
    static SQL: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let all = SQL.get_or_init(|| {
        (0..=LOG_ROWS.trailing_zeros())
            .map(|p| {
                let rows = 1usize << p;
                let mut sql = format!("INSERT INTO log.provisioning_log ({LOG_COLUMNS}) VALUES ");
                for r in 0..rows {
                    sql.push_str(if r == 0 { "(" } else { ", (" });
                    for c in 0..LOG_COLUMN_COUNT {
                        if c > 0 {
                            sql.push_str(", ");
                        }
                        sql.push_str(&format!("?{}", r * LOG_COLUMN_COUNT + c + 1));
                    }
                    sql.push(')');
                }
                sql
            })
            .collect()
    });
    &all[rows.trailing_zeros() as usize]
}

/// FNV-1a, 64 bits: the log's integer index keys. Stored in the log, so
/// it must never change. (A few hundred instructions where SHA-256 costs
/// thousands; a collision only costs reading a row that the full-text
/// comparison then drops.)
fn fnv1a(bytes: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h as i64
}

/// The per-user index key of a lower-cased email.
fn user_key(email_lower: &str) -> i64 {
    fnv1a(email_lower.as_bytes())
}

/// The request-id index key: the id's first 64 bits (`r-` + 12 hex digits
/// of milliseconds + 8 random, see `new_request_id`), time-ordered so that
/// inserts land at the index's end; any other text is hashed.
fn request_key(id: &str) -> i64 {
    let hex = |b: u8| match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    };
    if let Some(digits) = id.strip_prefix("r-").map(str::as_bytes)
        && digits.len() == 20
        && digits[16..].iter().all(|&b| hex(b).is_some())
    {
        let mut v: u64 = 0;
        for &b in &digits[..16] {
            match hex(b) {
                Some(d) => v = v << 4 | u64::from(d),
                None => return fnv1a(id.as_bytes()),
            }
        }
        return v as i64;
    }
    fnv1a(id.as_bytes())
}

/// An email lower-cased, borrowed when it already is (the common case).
fn lowered(email: &str) -> std::borrow::Cow<'_, str> {
    if email
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        std::borrow::Cow::Borrowed(email)
    } else {
        std::borrow::Cow::Owned(email.to_lowercase())
    }
}

/// The tenant clause of a log read: tenants are numbered in `log_tenants`.
const TENANT_N: &str = "(SELECT n FROM log.log_tenants WHERE tenant_id =";

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

#[derive(Default)]
struct ReaderPool {
    idle: Vec<Connection>,
    opened: usize,
    /// Threads waiting in `read` for a connection: a return wakes one only
    /// when there is one (a condvar's notify is a system call even when
    /// nobody waits, and a read returns a connection every time).
    waiting: usize,
}

impl ReaderPool {
    /// Takes `conn` back (or, when None, forgets one that was dropped);
    /// true when a waiting thread must be woken.
    fn put_back(&mut self, conn: Option<Connection>) -> bool {
        match conn {
            Some(c) => self.idle.push(c),
            None => self.opened -= 1,
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

    fn open_reader(&self) -> Result<Connection> {
        self.open_reader_like(true)
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
        let mut conn = {
            let mut pool = self.readers.lock().map_err(poisoned)?;
            loop {
                if let Some(c) = pool.idle.pop() {
                    break c;
                }
                if pool.opened < MAX_READERS {
                    pool.opened += 1;
                    drop(pool);
                    match self.open_reader() {
                        Ok(c) => break c,
                        Err(e) => {
                            // Its place is free again: a waiter may open it.
                            if self.readers.lock().map_err(poisoned)?.put_back(None) {
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
        if self.readers.lock().map_err(poisoned)?.put_back(Some(conn)) {
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
        let mut conn = self.readers.try_lock().ok()?.idle.pop()?;
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
            .put_back(disarmed.is_ok().then_some(conn))
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
    // 8 MiB of page cache per reader (the default is 2): with 100,000 users
    // the lookup indexes stay cached instead of being re-read per request.
    conn.execute_batch("PRAGMA main.cache_size = -8192;")
        .map_err(|e| open_error(&shown, e))?;
    if query_only {
        conn.execute_batch("PRAGMA query_only = ON;")
            .map_err(|e| open_error(&shown, e))?;
    }
    Ok(conn)
}

/// The connection that appends to the log. 16 MiB of log pages cached:
/// at a million records the per-user index's inserts land on random leaf
/// pages, which would otherwise be re-read from the file. Checkpoints every
/// 4,000 pages instead of 1,000: the hot pages at the end of the table and
/// of the sequence-ordered indexes are rewritten by every batch, and a
/// checkpoint copies only their last version.
fn open_log_appender(path: &Path) -> Result<Connection> {
    let conn = open_connection(path, false, "log")?;
    conn.execute_batch("PRAGMA log.cache_size = -16384; PRAGMA wal_autocheckpoint = 4000;")
        .map_err(|e| open_error(&path.display().to_string(), e))?;
    Ok(conn)
}

/// Applies the migrations `conn`'s file lacks, in one write transaction.
fn migrate(conn: &mut Connection, shown: &str, migrations: &[&str]) -> Result<()> {
    let supported = migrations.len() as i64;
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| open_error(shown, e))?;
    // Re-read inside the write lock: another process may have migrated.
    let found: i64 = tx
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| open_error(shown, e))?;
    if found > supported {
        return Err(StoreError::NewerSchema {
            path: shown.into(),
            found,
            supported,
        }
        .into());
    }
    for (i, sql) in migrations.iter().enumerate().skip(found as usize) {
        let fill = FILLS.iter().find_map(|&(marker, fill)| {
            sql.split_once(marker)
                .map(|(before, after)| (before, after, fill))
        });
        match fill {
            Some((before, after, fill)) => {
                tx.execute_batch(before).map_err(|e| open_error(shown, e))?;
                fill(&tx).map_err(|e| open_error(shown, e))?;
                tx.execute_batch(after).map_err(|e| open_error(shown, e))?;
            }
            None => tx.execute_batch(sql).map_err(|e| open_error(shown, e))?,
        }
        tx.pragma_update(None, "user_version", (i + 1) as i64)
            .map_err(|e| open_error(shown, e))?;
    }
    tx.commit().map_err(|e| open_error(shown, e))
}

/// Log schema 3: the integer keys of records written before it, computed
/// here because SQL has no hash function.
fn fill_log_keys(tx: &Connection) -> rusqlite::Result<()> {
    let mut read = tx.prepare(
        "SELECT seq, request_id, coalesce(user_email_lower, user_email) FROM provisioning_log",
    )?;
    let mut write =
        tx.prepare("UPDATE provisioning_log SET request_key = ?2, user_key = ?3 WHERE seq = ?1")?;
    let mut rows = read.query([])?;
    while let Some(r) = rows.next()? {
        let id: String = r.get(1)?;
        let email: Option<String> = r.get(2)?;
        write.execute(params![
            r.get::<_, i64>(0)?,
            request_key(&id),
            email.as_deref().map(user_key)
        ])?;
    }
    Ok(())
}

/// Store schema 4: `accounts.name_lower`, added when missing, and the
/// folded names of accounts written before it, folded here because SQL's
/// lower() knows ASCII only.
/// Adds `column` to `table` unless a store rolled back to an older version
/// number has it already.
fn add_column(tx: &Connection, table: &str, column: &str) -> rusqlite::Result<()> {
    let has: i64 = tx.query_row(
        "SELECT COUNT(*) FROM pragma_table_info(?1) WHERE name = ?2",
        [table, column],
        |r| r.get(0),
    )?;
    if has == 0 {
        tx.execute_batch(&format!("ALTER TABLE {table} ADD COLUMN {column} TEXT"))?;
    }
    Ok(())
}

fn add_member_display(tx: &Connection) -> rusqlite::Result<()> {
    add_column(tx, "group_members", "display")
}

fn fill_account_names(tx: &Connection) -> rusqlite::Result<()> {
    add_column(tx, "accounts", "name_lower")?;
    let mut read = tx.prepare("SELECT id, given_name, family_name FROM accounts")?;
    let mut write = tx.prepare("UPDATE accounts SET name_lower = ?2 WHERE id = ?1")?;
    let mut rows = read.query([])?;
    while let Some(r) = rows.next()? {
        let id: String = r.get(0)?;
        let (given, family): (Option<String>, Option<String>) = (r.get(1)?, r.get(2)?);
        write.execute(params![id, name_lower(given.as_deref(), family.as_deref())])?;
    }
    Ok(())
}

/// What member search matches a name against: "given family", folded.
fn name_lower(given: Option<&str>, family: Option<&str>) -> String {
    fold_case(&format!("{} {}", given.unwrap_or(""), family.unwrap_or("")))
}

/// Creates or checks and migrates the log file (0600, WAL).
fn open_log(path: &Path) -> Result<()> {
    let shown = path.display().to_string();
    let open_err = |e: std::io::Error| StoreError::Open {
        path: shown.clone(),
        reason: io_reason(&e),
    };
    ensure_file(path).map_err(open_err)?;
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| open_error(&shown, e))?;
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(|e| open_error(&shown, e))?;
    let found: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| open_error(&shown, e))?;
    let supported = LOG_MIGRATIONS.len() as i64;
    if found > supported {
        return Err(StoreError::NewerSchema {
            path: shown,
            found,
            supported,
        }
        .into());
    }
    if found > 0 {
        let app: i64 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(|e| open_error(&shown, e))?;
        if app != LOG_APPLICATION_ID {
            return Err(StoreError::Open {
                path: shown,
                reason: "it is not a scimctl provisioning log, so scimctl leaves it alone".into(),
            }
            .into());
        }
    }
    for p in [
        path.to_path_buf(),
        companion(path, "-wal"),
        companion(path, "-shm"),
    ] {
        make_private(&p).map_err(open_err)?;
    }
    conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")
        .map_err(|e| open_error(&shown, e))?;
    if found < supported {
        migrate(&mut conn, &shown, LOG_MIGRATIONS)?;
    }
    Ok(())
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

fn ms(t: OffsetDateTime) -> i64 {
    (t.unix_timestamp_nanos() / 1_000_000) as i64
}

fn at(ms: i64) -> rusqlite::Result<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp_nanos(ms as i128 * 1_000_000).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Integer, Box::new(e))
    })
}

fn opt_at(v: Option<i64>) -> rusqlite::Result<Option<OffsetDateTime>> {
    v.map(at).transpose()
}

fn bad_enum(col: usize, v: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        col,
        rusqlite::types::Type::Text,
        format!("unexpected value {v:?}").into(),
    )
}

// Column lists are macros, not consts, so that each query is one literal
// put together at compile time (`concat!`): a `format!` of the SQL on every
// call, before the statement cache's lookup, showed in request profiles.
macro_rules! tenant_cols {
    () => {
        "id, name, policy, scim_enabled, created_at"
    };
}

fn tenant_row(r: &Row) -> rusqlite::Result<Tenant> {
    let policy: String = r.get(2)?;
    Ok(Tenant {
        id: r.get(0)?,
        name: r.get(1)?,
        policy: Policy::parse(&policy).ok_or_else(|| bad_enum(2, &policy))?,
        scim_enabled: r.get(3)?,
        created_at: at(r.get(4)?)?,
    })
}

macro_rules! property_cols {
    () => {
        "id, tenant_id, name, created_at"
    };
}
fn property_row(r: &Row) -> rusqlite::Result<Property> {
    Ok(Property {
        id: r.get(0)?,
        tenant_id: r.get(1)?,
        name: r.get(2)?,
        created_at: at(r.get(3)?)?,
    })
}

macro_rules! account_cols {
    () => {
        "id, namespace, user_name, given_name, family_name, created_at, updated_at"
    };
}
fn account_row(r: &Row) -> rusqlite::Result<Account> {
    Ok(Account {
        id: r.get(0)?,
        namespace: r.get(1)?,
        user_name: r.get(2)?,
        given_name: r.get(3)?,
        family_name: r.get(4)?,
        created_at: at(r.get(5)?)?,
        updated_at: at(r.get(6)?)?,
    })
}

macro_rules! membership_cols {
    () => {
        "id, tenant_id, account_id, kind, managed_by, active, external_id, doc, version, created_at, updated_at"
    };
}
fn membership_row(r: &Row) -> rusqlite::Result<Membership> {
    let kind: String = r.get(3)?;
    let managed_by: String = r.get(4)?;
    Ok(Membership {
        id: r.get(0)?,
        tenant_id: r.get(1)?,
        account_id: r.get(2)?,
        kind: MemberKind::parse(&kind).ok_or_else(|| bad_enum(3, &kind))?,
        managed_by: ManagedBy::parse(&managed_by).ok_or_else(|| bad_enum(4, &managed_by))?,
        active: r.get(5)?,
        external_id: r.get(6)?,
        doc: r.get(7)?,
        version: r.get(8)?,
        created_at: at(r.get(9)?)?,
        updated_at: at(r.get(10)?)?,
    })
}

macro_rules! member_cols {
    () => {
        "m.id, m.tenant_id, m.account_id, m.kind, m.managed_by, m.active, m.external_id, m.doc, m.version, m.created_at, m.updated_at, a.id, a.namespace, a.user_name, a.given_name, a.family_name, a.created_at, a.updated_at"
    };
}
const MEMBER_COLS: &str = member_cols!();
macro_rules! member_from {
    () => {
        "FROM memberships m JOIN accounts a ON a.id = m.account_id"
    };
}
fn member_row(r: &Row) -> rusqlite::Result<MemberRecord> {
    let kind: String = r.get(3)?;
    let managed_by: String = r.get(4)?;
    Ok(MemberRecord {
        membership: Membership {
            id: r.get(0)?,
            tenant_id: r.get(1)?,
            account_id: r.get(2)?,
            kind: MemberKind::parse(&kind).ok_or_else(|| bad_enum(3, &kind))?,
            managed_by: ManagedBy::parse(&managed_by).ok_or_else(|| bad_enum(4, &managed_by))?,
            active: r.get(5)?,
            external_id: r.get(6)?,
            doc: r.get(7)?,
            version: r.get(8)?,
            created_at: at(r.get(9)?)?,
            updated_at: at(r.get(10)?)?,
        },
        account: Account {
            id: r.get(11)?,
            namespace: r.get(12)?,
            user_name: r.get(13)?,
            given_name: r.get(14)?,
            family_name: r.get(15)?,
            created_at: at(r.get(16)?)?,
            updated_at: at(r.get(17)?)?,
        },
    })
}

macro_rules! group_cols {
    () => {
        "id, tenant_id, display_name, external_id, doc, version, created_at, updated_at"
    };
}
fn group_row(r: &Row) -> rusqlite::Result<Group> {
    Ok(Group {
        id: r.get(0)?,
        tenant_id: r.get(1)?,
        display_name: r.get(2)?,
        external_id: r.get(3)?,
        doc: r.get(4)?,
        version: r.get(5)?,
        created_at: at(r.get(6)?)?,
        updated_at: at(r.get(7)?)?,
    })
}

macro_rules! admin_key_cols {
    () => {
        "id, name, tenant_id, hash, fingerprint, created_at, last_used_at, revoked_at"
    };
}
macro_rules! token_cols {
    () => {
        "id, tenant_id, hash, fingerprint, state, created_at, last_used_at, last_used_from, ended_at, grace_until"
    };
}
fn token_row(r: &Row) -> rusqlite::Result<TokenRecord> {
    let state: String = r.get(4)?;
    let hash: Vec<u8> = r.get(2)?;
    let hash: [u8; 32] = hash
        .try_into()
        .map_err(|_| bad_enum(2, "hash of wrong length"))?;
    Ok(TokenRecord {
        id: r.get(0)?,
        tenant_id: r.get(1)?,
        hash,
        fingerprint: r.get(3)?,
        state: TokenState::parse(&state).ok_or_else(|| bad_enum(4, &state))?,
        created_at: at(r.get(5)?)?,
        last_used_at: opt_at(r.get(6)?)?,
        last_used_from: r.get(7)?,
        ended_at: opt_at(r.get(8)?)?,
        grace_until: opt_at(r.get(9)?)?,
    })
}

macro_rules! invitation_cols {
    () => {
        "id, tenant_id, membership_id, email, enqueued_at, sent_at"
    };
}
fn invitation_row(r: &Row) -> rusqlite::Result<Invitation> {
    Ok(Invitation {
        id: r.get(0)?,
        tenant_id: r.get(1)?,
        membership_id: r.get(2)?,
        email: r.get(3)?,
        enqueued_at: at(r.get(4)?)?,
        sent_at: opt_at(r.get(5)?)?,
    })
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

    fn insert_tenant(&self, t: &Tenant) -> Result<()> {
        self.auth_changed();
        self.exec(
            "INSERT INTO tenants (id, name, name_lower, policy, scim_enabled, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![t.id, t.name, t.name.to_lowercase(), t.policy.as_str(), t.scim_enabled, ms(t.created_at)],
        )?;
        Ok(())
    }
    fn tenant_by_id(&self, id: &str) -> Result<Option<Tenant>> {
        self.one(
            concat!("SELECT ", tenant_cols!(), " FROM tenants WHERE id = ?1"),
            [id],
            tenant_row,
        )
    }
    fn tenant_by_name(&self, name_lower: &str) -> Result<Option<Tenant>> {
        self.one(
            concat!(
                "SELECT ",
                tenant_cols!(),
                " FROM tenants WHERE name_lower = ?1"
            ),
            [name_lower],
            tenant_row,
        )
    }
    fn tenants(&self) -> Result<Vec<Tenant>> {
        self.all(
            concat!(
                "SELECT ",
                tenant_cols!(),
                " FROM tenants ORDER BY created_at, name_lower"
            ),
            [],
            tenant_row,
        )
    }
    fn update_tenant(&self, t: &Tenant) -> Result<()> {
        self.auth_changed();
        self.exec(
            "UPDATE tenants SET name = ?2, name_lower = ?3, policy = ?4, scim_enabled = ?5 WHERE id = ?1",
            params![t.id, t.name, t.name.to_lowercase(), t.policy.as_str(), t.scim_enabled],
        )?;
        Ok(())
    }
    fn delete_tenant(&self, id: &str) -> Result<bool> {
        self.auth_changed();
        let accounts: Vec<String> = self.all(
            "SELECT account_id FROM memberships WHERE tenant_id = ?1",
            [id],
            |r| r.get(0),
        )?;
        let n = self.exec("DELETE FROM tenants WHERE id = ?1", [id])?;
        // Accounts of a standard tenant's namespace, and global accounts no
        // other tenant links any more, go with it.
        self.exec("DELETE FROM accounts WHERE namespace = ?1", [id])?;
        for a in accounts {
            self.exec(
                "DELETE FROM accounts WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM memberships WHERE account_id = ?1)",
                [a],
            )?;
        }
        Ok(n > 0)
    }

    fn insert_property(&self, p: &Property) -> Result<()> {
        self.exec(
            "INSERT INTO properties (id, tenant_id, name, name_lower, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![p.id, p.tenant_id, p.name, p.name.to_lowercase(), ms(p.created_at)],
        )?;
        Ok(())
    }
    fn property_by_name(&self, tenant_id: &str, name_lower: &str) -> Result<Option<Property>> {
        self.one(
            concat!(
                "SELECT ",
                property_cols!(),
                " FROM properties WHERE tenant_id = ?1 AND name_lower = ?2"
            ),
            [tenant_id, name_lower],
            property_row,
        )
    }
    fn properties(&self, tenant_id: &str) -> Result<Vec<Property>> {
        self.all(
            concat!(
                "SELECT ",
                property_cols!(),
                " FROM properties WHERE tenant_id = ?1 ORDER BY name_lower"
            ),
            [tenant_id],
            property_row,
        )
    }

    fn insert_account(&self, a: &Account) -> Result<()> {
        self.exec(
            "INSERT INTO accounts (id, namespace, user_name, user_name_lower, given_name, family_name, name_lower, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![a.id, a.namespace, a.user_name, fold_case(&a.user_name), a.given_name, a.family_name, name_lower(a.given_name.as_deref(), a.family_name.as_deref()), ms(a.created_at), ms(a.updated_at)],
        )?;
        Ok(())
    }
    fn account_by_id(&self, id: &str) -> Result<Option<Account>> {
        self.one(
            concat!("SELECT ", account_cols!(), " FROM accounts WHERE id = ?1"),
            [id],
            account_row,
        )
    }
    fn account_by_user_name(
        &self,
        namespace: &str,
        user_name_lower: &str,
    ) -> Result<Option<Account>> {
        self.one(
            concat!(
                "SELECT ",
                account_cols!(),
                " FROM accounts WHERE namespace = ?1 AND user_name_lower = ?2"
            ),
            [namespace, user_name_lower],
            account_row,
        )
    }
    fn update_account(&self, a: &Account) -> Result<()> {
        self.exec(
            "UPDATE accounts SET user_name = ?2, user_name_lower = ?3, given_name = ?4, family_name = ?5, name_lower = ?6, updated_at = ?7 WHERE id = ?1",
            params![a.id, a.user_name, fold_case(&a.user_name), a.given_name, a.family_name, name_lower(a.given_name.as_deref(), a.family_name.as_deref()), ms(a.updated_at)],
        )?;
        Ok(())
    }

    fn delete_account(&self, id: &str) -> Result<bool> {
        Ok(self.exec("DELETE FROM accounts WHERE id = ?1", [id])? > 0)
    }

    fn insert_membership(&self, m: &Membership) -> Result<()> {
        self.exec(
            "INSERT INTO memberships (id, tenant_id, account_id, kind, managed_by, active, external_id, doc, version, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![m.id, m.tenant_id, m.account_id, m.kind.as_str(), m.managed_by.as_str(), m.active, m.external_id, m.doc, m.version, ms(m.created_at), ms(m.updated_at)],
        )?;
        Ok(())
    }
    fn membership_by_id(&self, tenant_id: &str, id: &str) -> Result<Option<Membership>> {
        self.one(
            concat!(
                "SELECT ",
                membership_cols!(),
                " FROM memberships WHERE id = ?1 AND tenant_id = ?2"
            ),
            [id, tenant_id],
            membership_row,
        )
    }
    fn membership_of(&self, tenant_id: &str, account_id: &str) -> Result<Option<Membership>> {
        self.one(
            concat!(
                "SELECT ",
                membership_cols!(),
                " FROM memberships WHERE tenant_id = ?1 AND account_id = ?2"
            ),
            [tenant_id, account_id],
            membership_row,
        )
    }
    fn memberships_of_account(&self, account_id: &str) -> Result<Vec<Membership>> {
        self.all(
            concat!(
                "SELECT ",
                membership_cols!(),
                " FROM memberships WHERE account_id = ?1 ORDER BY created_at"
            ),
            [account_id],
            membership_row,
        )
    }
    fn memberships_by_external_id(
        &self,
        tenant_id: &str,
        external_id: &str,
    ) -> Result<Vec<Membership>> {
        self.all(
            concat!("SELECT ", membership_cols!(), " FROM memberships WHERE tenant_id = ?1 AND external_id = ?2 ORDER BY created_at, id"),
            [tenant_id, external_id],
            membership_row,
        )
    }
    fn update_membership(&self, m: &Membership) -> Result<()> {
        self.exec(
            "UPDATE memberships SET kind = ?3, managed_by = ?4, active = ?5, external_id = ?6, doc = ?7, version = ?8, updated_at = ?9 WHERE id = ?1 AND tenant_id = ?2",
            params![m.id, m.tenant_id, m.kind.as_str(), m.managed_by.as_str(), m.active, m.external_id, m.doc, m.version, ms(m.updated_at)],
        )?;
        Ok(())
    }
    fn delete_membership(&self, tenant_id: &str, id: &str) -> Result<bool> {
        Ok(self.exec(
            "DELETE FROM memberships WHERE id = ?1 AND tenant_id = ?2",
            [id, tenant_id],
        )? > 0)
    }
    fn member_counts(&self, tenant_id: &str) -> Result<MemberCounts> {
        let rows: Vec<(String, i64)> = self.all(
            "SELECT managed_by, COUNT(*) FROM memberships WHERE tenant_id = ?1 GROUP BY managed_by",
            [tenant_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let mut c = MemberCounts::default();
        for (by, n) in rows {
            let n = n as u64;
            match ManagedBy::parse(&by) {
                Some(ManagedBy::Idp) => c.idp = n,
                Some(ManagedBy::Tenant) => c.tenant = n,
                Some(ManagedBy::SelfManaged) => c.self_managed = n,
                None => {}
            }
            c.total += n;
        }
        Ok(c)
    }

    fn member(&self, tenant_id: &str, id: &str) -> Result<Option<MemberRecord>> {
        // Two primary-key lookups rather than a join with a bound tenant:
        // SQLite re-plans that join on every call (it expires the statement
        // when the parameter is re-bound), which costs more than a second lookup.
        let Some(membership) = self.membership_by_id(tenant_id, id)? else {
            return Ok(None);
        };
        let Some(account) = self.account_by_id(&membership.account_id)? else {
            return Ok(None);
        };
        Ok(Some(MemberRecord {
            membership,
            account,
        }))
    }
    fn members_by_user_name(
        &self,
        tenant_id: &str,
        namespace: &str,
        user_name_lower: &str,
    ) -> Result<Vec<MemberRecord>> {
        // Single-table lookups on the hot path (see `member`).
        let Some(account) = self.account_by_user_name(namespace, user_name_lower)? else {
            return Ok(Vec::new());
        };
        Ok(self
            .membership_of(tenant_id, &account.id)?
            .map(|membership| MemberRecord {
                membership,
                account,
            })
            .into_iter()
            .collect())
    }

    fn members_by_external_id(
        &self,
        tenant_id: &str,
        external_id: &str,
    ) -> Result<Vec<MemberRecord>> {
        let mut out = Vec::new();
        for membership in self.memberships_by_external_id(tenant_id, external_id)? {
            if let Some(account) = self.account_by_id(&membership.account_id)? {
                out.push(MemberRecord {
                    membership,
                    account,
                });
            }
        }
        Ok(out)
    }

    fn members_by_email(&self, tenant_id: &str, email_lower: &str) -> Result<Vec<MemberRecord>> {
        let ids: Vec<String> = self.all(
            "SELECT membership_id FROM member_emails WHERE tenant_id = ?1 AND value_lower = ?2 ORDER BY membership_id",
            [tenant_id, email_lower],
            |r| r.get(0),
        )?;
        let mut out = Vec::new();
        for id in ids {
            out.extend(self.member(tenant_id, &id)?);
        }
        Ok(out)
    }

    fn members_page(&self, tenant_id: &str, offset: u64, limit: u64) -> Result<Vec<MemberRecord>> {
        self.all(
            concat!(
                "SELECT ",
                member_cols!(),
                " ",
                member_from!(),
                " WHERE m.tenant_id = ?1 ORDER BY m.created_at, m.id LIMIT ?2 OFFSET ?3"
            ),
            params![tenant_id, limit as i64, offset as i64],
            member_row,
        )
    }
    fn members_after(
        &self,
        tenant_id: &str,
        after_id: Option<&str>,
        limit: u64,
    ) -> Result<Vec<MemberRecord>> {
        self.all(
            concat!(
                "SELECT ",
                member_cols!(),
                " ",
                member_from!(),
                " WHERE m.tenant_id = ?1 AND m.id > ?2 ORDER BY m.id LIMIT ?3"
            ),
            params![tenant_id, after_id.unwrap_or(""), limit as i64],
            member_row,
        )
    }
    fn member_total(&self, tenant_id: &str) -> Result<u64> {
        let n: Option<i64> = self.one(
            "SELECT COUNT(*) FROM memberships WHERE tenant_id = ?1",
            [tenant_id],
            |r| r.get(0),
        )?;
        Ok(n.unwrap_or(0) as u64)
    }
    fn set_member_emails(
        &self,
        tenant_id: &str,
        membership_id: &str,
        emails_lower: &[String],
    ) -> Result<()> {
        self.exec(
            "DELETE FROM member_emails WHERE membership_id = ?1",
            [membership_id],
        )?;
        for e in emails_lower {
            self.exec(
                "INSERT OR IGNORE INTO member_emails (membership_id, tenant_id, value_lower) VALUES (?1, ?2, ?3)",
                [membership_id, tenant_id, e.as_str()],
            )?;
        }
        Ok(())
    }

    fn insert_group(&self, g: &Group) -> Result<()> {
        self.exec(
            "INSERT INTO groups (id, tenant_id, display_name, display_name_lower, external_id, doc, version, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![g.id, g.tenant_id, g.display_name, fold_case(&g.display_name), g.external_id, g.doc, g.version, ms(g.created_at), ms(g.updated_at)],
        )?;
        Ok(())
    }
    fn group_by_id(&self, tenant_id: &str, id: &str) -> Result<Option<Group>> {
        self.one(
            concat!(
                "SELECT ",
                group_cols!(),
                " FROM groups WHERE id = ?1 AND tenant_id = ?2"
            ),
            [id, tenant_id],
            group_row,
        )
    }
    fn group_by_name(&self, tenant_id: &str, name_lower: &str) -> Result<Option<Group>> {
        self.one(
            concat!(
                "SELECT ",
                group_cols!(),
                " FROM groups WHERE tenant_id = ?1 AND display_name_lower = ?2"
            ),
            [tenant_id, name_lower],
            group_row,
        )
    }
    fn groups(&self, tenant_id: &str) -> Result<Vec<Group>> {
        self.all(
            concat!(
                "SELECT ",
                group_cols!(),
                " FROM groups WHERE tenant_id = ?1 ORDER BY display_name_lower"
            ),
            [tenant_id],
            group_row,
        )
    }
    fn update_group(&self, g: &Group) -> Result<()> {
        self.exec(
            "UPDATE groups SET display_name = ?3, display_name_lower = ?4, external_id = ?5, doc = ?6, version = ?7, updated_at = ?8 WHERE id = ?1 AND tenant_id = ?2",
            params![g.id, g.tenant_id, g.display_name, fold_case(&g.display_name), g.external_id, g.doc, g.version, ms(g.updated_at)],
        )?;
        Ok(())
    }
    fn delete_group(&self, tenant_id: &str, id: &str) -> Result<bool> {
        Ok(self.exec(
            "DELETE FROM groups WHERE id = ?1 AND tenant_id = ?2",
            [id, tenant_id],
        )? > 0)
    }
    fn add_assignment(&self, group_id: &str, a: &Assignment) -> Result<bool> {
        Ok(self.exec(
            "INSERT OR IGNORE INTO group_assignments (group_id, kind, value) VALUES (?1, ?2, ?3)",
            params![group_id, a.kind.as_str(), a.value],
        )? > 0)
    }
    fn assignments(&self, group_id: &str) -> Result<Vec<Assignment>> {
        let rows: Vec<(String, String)> = self.all(
            "SELECT kind, value FROM group_assignments WHERE group_id = ?1 ORDER BY kind, value",
            [group_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        rows.into_iter()
            .map(|(k, value)| {
                AssignmentKind::parse(&k)
                    .map(|kind| Assignment { kind, value })
                    .ok_or_else(|| {
                        StoreError::Backend(format!("unknown assignment kind {k:?}")).into()
                    })
            })
            .collect()
    }
    fn add_group_member(
        &self,
        group_id: &str,
        membership_id: &str,
        display: Option<&str>,
        added: OffsetDateTime,
    ) -> Result<bool> {
        Ok(self.exec(
            "INSERT OR IGNORE INTO group_members (group_id, membership_id, added_at, display) VALUES (?1, ?2, ?3, ?4)",
            params![group_id, membership_id, ms(added), display],
        )? > 0)
    }
    fn set_group_member_display(
        &self,
        group_id: &str,
        membership_id: &str,
        display: Option<&str>,
    ) -> Result<bool> {
        Ok(self.exec(
            "UPDATE group_members SET display = ?3 WHERE group_id = ?1 AND membership_id = ?2 AND display IS NOT ?3",
            params![group_id, membership_id, display],
        )? > 0)
    }
    fn remove_group_member(&self, group_id: &str, membership_id: &str) -> Result<bool> {
        Ok(self.exec(
            "DELETE FROM group_members WHERE group_id = ?1 AND membership_id = ?2",
            [group_id, membership_id],
        )? > 0)
    }
    fn group_members(&self, group_id: &str) -> Result<Vec<String>> {
        self.all(
            "SELECT membership_id FROM group_members WHERE group_id = ?1 ORDER BY added_at, membership_id",
            [group_id],
            |r| r.get(0),
        )
    }
    fn groups_of_member(&self, membership_id: &str) -> Result<Vec<String>> {
        self.all(
            "SELECT group_id FROM group_members WHERE membership_id = ?1 ORDER BY added_at, group_id",
            [membership_id],
            |r| r.get(0),
        )
    }

    fn groups_by_external_id(&self, tenant_id: &str, external_id: &str) -> Result<Vec<Group>> {
        self.all(
            concat!(
                "SELECT ",
                group_cols!(),
                " FROM groups WHERE tenant_id = ?1 AND external_id = ?2 ORDER BY created_at, id"
            ),
            [tenant_id, external_id],
            group_row,
        )
    }
    fn groups_with_member(&self, tenant_id: &str, membership_id: &str) -> Result<Vec<Group>> {
        let mut out = Vec::new();
        for gid in self.groups_of_member(membership_id)? {
            out.extend(self.group_by_id(tenant_id, &gid)?);
        }
        out.sort_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
        Ok(out)
    }

    fn groups_page(&self, tenant_id: &str, offset: u64, limit: u64) -> Result<Vec<Group>> {
        self.all(
            concat!(
                "SELECT ",
                group_cols!(),
                " FROM groups WHERE tenant_id = ?1 ORDER BY created_at, id LIMIT ?2 OFFSET ?3"
            ),
            params![tenant_id, limit as i64, offset as i64],
            group_row,
        )
    }
    fn groups_after(
        &self,
        tenant_id: &str,
        after_id: Option<&str>,
        limit: u64,
    ) -> Result<Vec<Group>> {
        self.all(
            concat!(
                "SELECT ",
                group_cols!(),
                " FROM groups WHERE tenant_id = ?1 AND id > ?2 ORDER BY id LIMIT ?3"
            ),
            params![tenant_id, after_id.unwrap_or(""), limit as i64],
            group_row,
        )
    }
    fn group_total(&self, tenant_id: &str) -> Result<u64> {
        let n: Option<i64> = self.one(
            "SELECT COUNT(*) FROM groups WHERE tenant_id = ?1",
            [tenant_id],
            |r| r.get(0),
        )?;
        Ok(n.unwrap_or(0) as u64)
    }
    fn group_member_refs(&self, group_id: &str) -> Result<Vec<MemberRef>> {
        self.all(
            "SELECT gm.membership_id, a.user_name, gm.display FROM group_members gm JOIN memberships m ON m.id = gm.membership_id JOIN accounts a ON a.id = m.account_id WHERE gm.group_id = ?1 ORDER BY gm.added_at, gm.membership_id",
            [group_id],
            |r| Ok(MemberRef { membership_id: r.get(0)?, user_name: r.get(1)?, display: r.get(2)? }),
        )
    }

    fn insert_token(&self, t: &TokenRecord) -> Result<()> {
        self.auth_changed();
        self.exec(
            "INSERT INTO tokens (id, tenant_id, hash, fingerprint, state, created_at, last_used_at, last_used_from, ended_at, grace_until) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![t.id, t.tenant_id, &t.hash[..], t.fingerprint, t.state.as_str(), ms(t.created_at), t.last_used_at.map(ms), t.last_used_from, t.ended_at.map(ms), t.grace_until.map(ms)],
        )?;
        Ok(())
    }
    fn update_token(&self, t: &TokenRecord) -> Result<()> {
        self.auth_changed();
        self.exec(
            "UPDATE tokens SET state = ?2, last_used_at = ?3, last_used_from = ?4, ended_at = ?5, grace_until = ?6 WHERE id = ?1",
            params![t.id, t.state.as_str(), t.last_used_at.map(ms), t.last_used_from, t.ended_at.map(ms), t.grace_until.map(ms)],
        )?;
        Ok(())
    }
    fn live_tokens(&self, tenant_id: &str) -> Result<Vec<TokenRecord>> {
        // UNION ALL of two equalities rather than `state IN (…)`: 16k
        // instructions fewer per authenticated write (callgrind, PATCH).
        let mut v = self.all(
            concat!(
                "SELECT ",
                token_cols!(),
                " FROM tokens WHERE tenant_id = ?1 AND state = 'active' UNION ALL SELECT ",
                token_cols!(),
                " FROM tokens WHERE tenant_id = ?1 AND state = 'previous'"
            ),
            [tenant_id],
            token_row,
        )?;
        v.sort_by_key(|t| std::cmp::Reverse(t.created_at));
        Ok(v)
    }

    fn token_by_hash(&self, hash: &[u8; 32]) -> Result<Option<TokenRecord>> {
        self.one(
            concat!("SELECT ", token_cols!(), " FROM tokens WHERE hash = ?1"),
            [&hash[..]],
            token_row,
        )
    }

    fn touch_token(&self, id: &str, at: OffsetDateTime, from: Option<&str>) -> Result<()> {
        // Never move last use backwards (a slow flush after a fast one).
        self.exec(
            "UPDATE tokens SET last_used_at = ?2, last_used_from = ?3 WHERE id = ?1 AND (last_used_at IS NULL OR last_used_at <= ?2)",
            params![id, ms(at), from],
        )?;
        Ok(())
    }

    fn enqueue_invitation(&self, inv: &Invitation) -> Result<bool> {
        Ok(self.exec(
            "INSERT OR IGNORE INTO invitations (id, tenant_id, membership_id, email, enqueued_at, sent_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![inv.id, inv.tenant_id, inv.membership_id, inv.email, ms(inv.enqueued_at), inv.sent_at.map(ms)],
        )? > 0)
    }
    fn invitation_for(&self, membership_id: &str) -> Result<Option<Invitation>> {
        self.one(
            concat!(
                "SELECT ",
                invitation_cols!(),
                " FROM invitations WHERE membership_id = ?1"
            ),
            [membership_id],
            invitation_row,
        )
    }

    fn insert_logs(&self, rs: &mut [LogRecord]) -> Result<()> {
        // The tenants' numbers, looked up once per batch.
        let mut tenants: Vec<(&str, i64)> = Vec::new();
        let mut numbers = Vec::with_capacity(rs.len());
        for r in rs.iter() {
            let n = match r.tenant_id.as_deref() {
                None => None,
                Some(t) => Some(match tenants.iter().find(|(id, _)| *id == t) {
                    Some(&(_, n)) => n,
                    None => {
                        let n = self.log_tenant(t)?;
                        tenants.push((t, n));
                        n
                    }
                }),
            };
            numbers.push(n);
        }
        // Statements of LOG_ROWS records while there are that many, then
        // of halving sizes (13 records: 8 + 4 + 1). Each is looked up in the
        // statement cache once per batch (hashing the long SQL text showed
        // in profiles). Only the values present are bound, after clearing
        // the last ones: most are usually NULL.
        let list =
            |v: &Vec<String>| (!v.is_empty()).then(|| serde_json::to_string(v).unwrap_or_default());
        let (mut rest, mut rest_n) = (rs, &numbers[..]);
        let mut rows = LOG_ROWS;
        while !rest.is_empty() {
            while rows > rest.len() {
                rows /= 2;
            }
            let take = if rows == LOG_ROWS {
                rest.len() / rows * rows
            } else {
                rows
            };
            let (chunk, tail) = std::mem::take(&mut rest).split_at_mut(take);
            let (ns, tail_n) = rest_n.split_at(take);
            (rest, rest_n) = (tail, tail_n);
            let mut st = self.tx.prepare_cached(log_insert(rows)).map_err(sql)?;
            for (group, ns) in chunk.chunks_mut(rows).zip(ns.chunks(rows)) {
                st.clear_bindings();
                for (j, (r, &tenant_n)) in group.iter().zip(ns).enumerate() {
                    let at = j * LOG_COLUMN_COUNT;
                    macro_rules! bind {
                        ($i:expr, $v:expr) => {
                            st.raw_bind_parameter(at + $i, $v).map_err(sql)?
                        };
                    }
                    macro_rules! some {
                        ($i:expr, $v:expr) => {
                            if let Some(v) = $v {
                                bind!($i, v);
                            }
                        };
                    }
                    let lower = r.user_email.as_deref().map(lowered);
                    bind!(1, &r.request_id);
                    bind!(2, request_key(&r.request_id));
                    bind!(3, ms(r.at));
                    some!(4, tenant_n);
                    bind!(5, &r.method);
                    bind!(6, &r.path);
                    some!(7, &r.query);
                    bind!(8, r.status);
                    some!(9, &r.scim_type);
                    some!(10, &r.reason);
                    some!(11, &r.detail);
                    some!(12, &r.user_id);
                    some!(13, &r.user_email);
                    if let (Some(email), Some(lower)) = (&r.user_email, &lower) {
                        if lower != email {
                            bind!(14, lower.as_ref());
                        }
                        bind!(15, user_key(lower));
                    }
                    some!(16, &r.group_id);
                    some!(17, &r.token_fingerprint);
                    some!(18, &r.token_note);
                    some!(19, &r.client_addr);
                    some!(20, &r.user_agent);
                    bind!(21, r.latency_us as i64);
                    some!(22, list(&r.ignored_attributes));
                    some!(23, list(&r.transfers));
                    some!(24, list(&r.invitations));
                    some!(25, &r.request_body);
                }
                st.raw_execute().map_err(sql)?;
                // The log's write lock is held and the rowids are not
                // AUTOINCREMENT: one statement's rows are numbered
                // consecutively, the last one last.
                let last = self.tx.last_insert_rowid();
                let n = group.len() as i64;
                for (j, r) in group.iter_mut().enumerate() {
                    r.seq = last - n + 1 + j as i64;
                }
            }
        }
        Ok(())
    }
    fn log_records(&self, q: &LogQuery) -> Result<Vec<LogRecord>> {
        let mut sql = String::from(
            "SELECT p.seq, p.request_id, p.at, t.tenant_id, p.method, p.path, p.query, p.status, p.scim_type, p.reason, p.detail, p.user_id, p.user_email, p.group_id, p.token_fingerprint, p.token_note, p.client_addr, p.user_agent, p.latency_us, p.ignored_attributes, p.transfers, p.invitations, p.request_body \
             FROM log.provisioning_log p LEFT JOIN log.log_tenants t ON t.n = p.tenant_n \
             WHERE (p.tenant_n IS NULL OR t.n IS NOT NULL)",
        );
        // (The records of a deleted tenant, forgotten but not yet purged,
        // belong to no tenant key: not shown as records of no tenant.)
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        let mut arg = |sql: &mut String, clause: &str, v: rusqlite::types::Value| {
            args.push(v);
            sql.push_str(&format!(" AND {clause} ?{}", args.len()));
        };
        if let Some(t) = &q.tenant_id {
            arg(
                &mut sql,
                &format!("p.tenant_n = {TENANT_N}"),
                t.clone().into(),
            );
            sql.push(')');
        }
        if q.errors_only {
            sql.push_str(" AND p.status >= 400");
        }
        // The integer keys find the rows, the full text decides.
        if let Some(e) = &q.user_email {
            let lower = e.to_lowercase();
            arg(&mut sql, "p.user_key =", user_key(&lower).into());
            arg(
                &mut sql,
                "coalesce(p.user_email_lower, p.user_email) =",
                lower.into(),
            );
        }
        if let Some(r) = &q.request_id {
            arg(&mut sql, "p.request_key =", request_key(r).into());
            arg(&mut sql, "p.request_id =", r.clone().into());
        }
        if let Some(since) = q.since {
            arg(&mut sql, "p.at >=", ms(since).into());
        }
        let following = q.after_seq.is_some();
        if let Some(after) = q.after_seq {
            arg(&mut sql, "p.seq >", after.into());
        }
        let limit = if q.limit == 0 {
            i64::MAX
        } else {
            i64::from(q.limit)
        };
        args.push(limit.into());
        sql.push_str(&format!(
            " ORDER BY p.seq {} LIMIT ?{}",
            if following { "ASC" } else { "DESC" },
            args.len()
        ));
        let json_list = |v: Option<String>| -> Vec<String> {
            v.and_then(|s| serde_json::from_str(&s).ok())
                .unwrap_or_default()
        };
        let mut rows = self.all(&sql, rusqlite::params_from_iter(args), |r| {
            Ok(LogRecord {
                seq: r.get(0)?,
                request_id: r.get(1)?,
                at: at(r.get(2)?)?,
                tenant_id: r.get(3)?,
                method: r.get(4)?,
                path: r.get(5)?,
                query: r.get(6)?,
                status: r.get(7)?,
                scim_type: r.get(8)?,
                reason: r.get(9)?,
                detail: r.get(10)?,
                user_id: r.get(11)?,
                user_email: r.get(12)?,
                group_id: r.get(13)?,
                token_fingerprint: r.get(14)?,
                token_note: r.get(15)?,
                client_addr: r.get(16)?,
                user_agent: r.get(17)?,
                latency_us: r.get::<_, i64>(18)? as u64,
                ignored_attributes: json_list(r.get(19)?),
                transfers: json_list(r.get(20)?),
                invitations: json_list(r.get(21)?),
                request_body: r.get(22)?,
            })
        })?;
        if !following {
            rows.reverse();
        }
        Ok(rows)
    }
    fn log_cuts(&self, before: Option<OffsetDateTime>, keep: u64) -> Result<Vec<LogCut>> {
        let mut cuts = Vec::new();
        if let Some(before) = before {
            // Time order is sequence order: everything below the first
            // record at or after `before` is older.
            let first = self.log_seq_since(before)?;
            if first > 0 {
                cuts.push(LogCut {
                    scope: LogScope::All,
                    upto_seq: first - 1,
                });
            }
        }
        // Each tenant's newest `keep` records stay: the cut is the record
        // after them, found on the (tenant_n, seq) index; it walks at most
        // `keep` entries of that tenant, never the table.
        let keep = keep.min(i64::MAX as u64) as i64;
        let tenants: Vec<i64> = self.all("SELECT n FROM log.log_tenants", [], |r| r.get(0))?;
        for n in tenants {
            let seq: Option<i64> = self.one(
                "SELECT seq FROM log.provisioning_log WHERE tenant_n = ?1 ORDER BY seq DESC LIMIT 1 OFFSET ?2",
                params![n, keep],
                |r| r.get(0),
            )?;
            if let Some(upto_seq) = seq {
                cuts.push(LogCut {
                    scope: LogScope::Tenant(n),
                    upto_seq,
                });
            }
        }
        let seq: Option<i64> = self.one(
            "SELECT seq FROM log.provisioning_log WHERE tenant_n IS NULL ORDER BY seq DESC LIMIT 1 OFFSET ?1",
            [keep],
            |r| r.get(0),
        )?;
        if let Some(upto_seq) = seq {
            cuts.push(LogCut {
                scope: LogScope::NoTenant,
                upto_seq,
            });
        }
        Ok(cuts)
    }
    fn prune_log_cut(&self, cut: &LogCut, limit: u64) -> Result<u64> {
        let limit = limit.min(i64::MAX as u64) as i64;
        // The subquery walks the index from the oldest record of the cut;
        // the DELETE then finds each row by its key.
        let n = match cut.scope {
            LogScope::All => self.exec(
                "DELETE FROM log.provisioning_log WHERE seq IN (SELECT seq FROM log.provisioning_log WHERE seq <= ?1 ORDER BY seq LIMIT ?2)",
                params![cut.upto_seq, limit],
            )?,
            LogScope::NoTenant => self.exec(
                "DELETE FROM log.provisioning_log WHERE seq IN (SELECT seq FROM log.provisioning_log WHERE tenant_n IS NULL AND seq <= ?1 ORDER BY seq LIMIT ?2)",
                params![cut.upto_seq, limit],
            )?,
            LogScope::Tenant(t) => self.exec(
                "DELETE FROM log.provisioning_log WHERE seq IN (SELECT seq FROM log.provisioning_log WHERE tenant_n = ?1 AND seq <= ?2 ORDER BY seq LIMIT ?3)",
                params![t, cut.upto_seq, limit],
            )?,
        };
        Ok(n as u64)
    }
    fn forget_log_tenant(&self, tenant_id: &str) -> Result<()> {
        // A write first: it takes the log's write lock before anything is
        // read (see `log_tenant`).
        self.exec(
            "INSERT OR IGNORE INTO log.log_forgotten (n) SELECT n FROM log.log_tenants WHERE tenant_id = ?1",
            [tenant_id],
        )?;
        self.exec(
            "DELETE FROM log.log_tenants WHERE tenant_id = ?1",
            [tenant_id],
        )?;
        self.exec(
            "DELETE FROM log.log_counters WHERE tenant_id = ?1",
            [tenant_id],
        )?;
        Ok(())
    }
    fn forget_departed_log_tenants(&self) -> Result<u64> {
        let n = self.exec(
            "INSERT OR IGNORE INTO log.log_forgotten (n) SELECT n FROM log.log_tenants WHERE tenant_id NOT IN (SELECT id FROM main.tenants)",
            [],
        )?;
        self.exec(
            "DELETE FROM log.log_tenants WHERE tenant_id NOT IN (SELECT id FROM main.tenants)",
            [],
        )?;
        self.exec(
            "DELETE FROM log.log_counters WHERE tenant_id <> '' AND tenant_id NOT IN (SELECT id FROM main.tenants)",
            [],
        )?;
        Ok(n as u64)
    }
    fn purge_forgotten_log(&self, limit: u64) -> Result<u64> {
        // A write first, for the lock (see `log_tenant`).
        self.exec("DELETE FROM log.log_forgotten WHERE n IS NULL", [])?;
        let limit = limit.min(i64::MAX as u64) as i64;
        // At most `limit` keys per call too: a log flooded with invented
        // tenant ids by an older version may have many.
        let forgotten: Vec<i64> = self.all(
            "SELECT n FROM log.log_forgotten ORDER BY n LIMIT ?1",
            [limit],
            |r| r.get(0),
        )?;
        let mut work: i64 = 0;
        for n in forgotten {
            let left = limit - work;
            if left <= 0 {
                break;
            }
            let gone = self.exec(
                "DELETE FROM log.provisioning_log WHERE seq IN (SELECT seq FROM log.provisioning_log WHERE tenant_n = ?1 ORDER BY seq LIMIT ?2)",
                params![n, left],
            )? as i64;
            work += gone;
            if gone < left {
                self.exec("DELETE FROM log.log_forgotten WHERE n = ?1", [n])?;
                work += 1;
            }
        }
        Ok(work as u64)
    }
    fn prune_log_tenants(&self) -> Result<u64> {
        // One probe of the (tenant_n, seq) index per tenant key.
        let n = self.exec(
            "DELETE FROM log.log_tenants WHERE NOT EXISTS (SELECT 1 FROM log.provisioning_log p WHERE p.tenant_n = log_tenants.n)",
            [],
        )?;
        Ok(n as u64)
    }
    fn add_log_counters(&self, tenant_id: Option<&str>, add: &LogCounters) -> Result<()> {
        let clamp = |n: u64| n.min(i64::MAX as u64) as i64;
        // The newer time wins; a delta's times are never older than the
        // stored ones, but a clock step back must not erase them.
        self.exec(
            "INSERT INTO log.log_counters (tenant_id, dropped, dropped_last_at, unknown_tenant, unknown_tenant_last_at) VALUES (?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT (tenant_id) DO UPDATE SET \
                dropped = dropped + excluded.dropped, \
                dropped_last_at = max(coalesce(dropped_last_at, excluded.dropped_last_at), coalesce(excluded.dropped_last_at, dropped_last_at)), \
                unknown_tenant = unknown_tenant + excluded.unknown_tenant, \
                unknown_tenant_last_at = max(coalesce(unknown_tenant_last_at, excluded.unknown_tenant_last_at), coalesce(excluded.unknown_tenant_last_at, unknown_tenant_last_at))",
            params![
                tenant_id.unwrap_or(""),
                clamp(add.dropped),
                add.dropped_last_at.map(ms),
                clamp(add.unknown_tenant),
                add.unknown_tenant_last_at.map(ms)
            ],
        )?;
        Ok(())
    }
    fn log_counters(&self, tenant_id: Option<&str>) -> Result<LogCounters> {
        let c = self.one(
            "SELECT dropped, dropped_last_at, unknown_tenant, unknown_tenant_last_at FROM log.log_counters WHERE tenant_id = ?1",
            [tenant_id.unwrap_or("")],
            |r| {
                Ok(LogCounters {
                    dropped: r.get::<_, i64>(0)?.max(0) as u64,
                    dropped_last_at: opt_at(r.get(1)?)?,
                    unknown_tenant: r.get::<_, i64>(2)?.max(0) as u64,
                    unknown_tenant_last_at: opt_at(r.get(3)?)?,
                })
            },
        )?;
        Ok(c.unwrap_or_default())
    }

    fn insert_audit(&self, e: &AuditEvent) -> Result<()> {
        self.exec(
            "INSERT INTO audit_events (at, tenant_id, actor, action, subject, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![ms(e.at), e.tenant_id, e.actor, e.action, e.subject, e.detail],
        )?;
        Ok(())
    }
    fn audit_events(&self, tenant_id: &str, limit: u32) -> Result<Vec<AuditEvent>> {
        let mut v = self.all(
            "SELECT at, tenant_id, actor, action, subject, detail FROM audit_events WHERE tenant_id = ?1 ORDER BY seq DESC LIMIT ?2",
            params![tenant_id, limit],
            |r| {
                Ok(AuditEvent {
                    at: at(r.get(0)?)?,
                    tenant_id: r.get(1)?,
                    actor: r.get(2)?,
                    action: r.get(3)?,
                    subject: r.get(4)?,
                    detail: r.get(5)?,
                })
            },
        )?;
        v.reverse();
        Ok(v)
    }

    fn member_list(
        &self,
        tenant_id: &str,
        namespace: &str,
        f: &MemberFilter,
        after: Option<&str>,
        limit: u64,
    ) -> Result<Vec<MemberRecord>> {
        let (clause, mut args) = member_filter_sql(tenant_id, f);
        args.push(namespace.to_owned().into());
        let ns = args.len();
        args.push(after.unwrap_or("").to_owned().into());
        let after_arg = args.len();
        args.push((limit.min(i64::MAX as u64) as i64).into());
        // Accounts first, walked in userName order through their
        // (namespace, user_name_lower) index, each joined to its membership
        // of this tenant: a page costs about its own rows. (Left to itself
        // the planner takes the tenant's memberships and sorts them all.)
        // A search must read every account's name anyway: then one
        // sequential scan of the accounts (the `+` keeps SQLite off the
        // index, whose order would cost a random read per account) and a
        // sort of the few matches.
        let plus = if f.search_lower.is_some() { "+" } else { "" };
        let sql = format!(
            "SELECT {MEMBER_COLS} FROM accounts a CROSS JOIN memberships m \
             WHERE {plus}a.namespace = ?{ns} AND {plus}a.user_name_lower > ?{after_arg} AND m.account_id = a.id AND {clause} \
             ORDER BY {plus}a.user_name_lower LIMIT ?{}",
            args.len()
        );
        self.all(&sql, rusqlite::params_from_iter(args), member_row)
    }

    fn member_list_total(&self, tenant_id: &str, f: &MemberFilter) -> Result<u64> {
        if *f == MemberFilter::default() {
            return self.member_total(tenant_id);
        }
        let (clause, args) = member_filter_sql(tenant_id, f);
        // The accounts are needed only to search their names: then a
        // sequential scan of them (see `member_list`).
        let from = if f.search_lower.is_some() {
            "FROM accounts a CROSS JOIN memberships m WHERE m.account_id = +a.id AND"
        } else {
            "FROM memberships m WHERE"
        };
        let n: Option<i64> = self.one(
            &format!("SELECT COUNT(*) {from} {clause}"),
            rusqlite::params_from_iter(args),
            |r| r.get(0),
        )?;
        Ok(n.unwrap_or(0) as u64)
    }

    fn log_stats(&self, tenant_id: &str, since: OffsetDateTime) -> Result<Vec<LogStat>> {
        let from = self.log_seq_since(since)?;
        let rows: Vec<(i64, i64, Option<String>, bool, i64)> = self.all(
            &format!(
                "SELECT (at / 3600000) * 3600000 AS h, status, reason, coalesce(token_note LIKE '{}%', 0) AS stale, COUNT(*) \
                 FROM log.provisioning_log WHERE tenant_n = {TENANT_N} ?1) AND seq >= ?2 AND at >= ?3 \
                 GROUP BY h, status, reason, stale ORDER BY h",
                crate::engine::auth::NOTE_PREVIOUS_TOKEN
            ),
            params![tenant_id, from, ms(since)],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?;
        rows.into_iter()
            .map(|(h, status, reason, stale_token, n)| {
                Ok(LogStat {
                    hour: at(h).map_err(sql)?,
                    status: u16::try_from(status).unwrap_or(0),
                    reason,
                    stale_token,
                    count: n as u64,
                })
            })
            .collect()
    }

    fn insert_admin_key(&self, k: &AdminKeyRecord) -> Result<()> {
        self.exec(
            "INSERT INTO admin_keys (id, name, tenant_id, hash, fingerprint, created_at, last_used_at, revoked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![k.id, k.name, k.tenant_id, &k.hash[..], k.fingerprint, ms(k.created_at), k.last_used_at.map(ms), k.revoked_at.map(ms)],
        )?;
        Ok(())
    }
    fn admin_key_by_name(&self, name_lower: &str) -> Result<Option<AdminKeyRecord>> {
        self.one(
            concat!(
                "SELECT ",
                admin_key_cols!(),
                " FROM admin_keys WHERE name = ?1"
            ),
            [name_lower],
            admin_key_row,
        )
    }
    fn admin_key_by_hash(&self, hash: &[u8; 32]) -> Result<Option<AdminKeyRecord>> {
        self.one(
            concat!(
                "SELECT ",
                admin_key_cols!(),
                " FROM admin_keys WHERE hash = ?1"
            ),
            [&hash[..]],
            admin_key_row,
        )
    }
    fn admin_keys(&self) -> Result<Vec<AdminKeyRecord>> {
        self.all(
            concat!(
                "SELECT ",
                admin_key_cols!(),
                " FROM admin_keys ORDER BY created_at, name"
            ),
            [],
            admin_key_row,
        )
    }
    fn update_admin_key(&self, k: &AdminKeyRecord) -> Result<()> {
        self.exec(
            "UPDATE admin_keys SET last_used_at = ?2, revoked_at = ?3 WHERE id = ?1",
            params![k.id, k.last_used_at.map(ms), k.revoked_at.map(ms)],
        )?;
        Ok(())
    }
}

/// The WHERE clause of a member filter and its arguments (`?1` = tenant).
fn member_filter_sql(tenant_id: &str, f: &MemberFilter) -> (String, Vec<rusqlite::types::Value>) {
    let mut args: Vec<rusqlite::types::Value> = vec![tenant_id.to_owned().into()];
    let mut clause = String::from("m.tenant_id = ?1");
    if let Some(by) = f.managed_by {
        args.push(by.as_str().to_owned().into());
        clause.push_str(&format!(" AND m.managed_by = ?{}", args.len()));
    }
    if let Some(k) = f.kind {
        args.push(k.as_str().to_owned().into());
        clause.push_str(&format!(" AND m.kind = ?{}", args.len()));
    }
    if let Some(a) = f.active {
        args.push(i64::from(a).into());
        clause.push_str(&format!(" AND m.active = ?{}", args.len()));
    }
    if let Some(text) = &f.search_lower {
        args.push(text.clone().into());
        let n = args.len();
        clause.push_str(&format!(
            " AND (instr(a.user_name_lower, ?{n}) > 0 OR instr(a.name_lower, ?{n}) > 0)"
        ));
    }
    (clause, args)
}

impl SqliteTx<'_> {
    /// The number of a tenant in the log, assigned on its first record.
    /// The INSERT comes first: it takes the log's write lock before the
    /// transaction reads the log (a read first could see a snapshot that
    /// another process's append makes stale, failing the batch).
    fn log_tenant(&self, tenant_id: &str) -> Result<i64> {
        self.exec(
            "INSERT OR IGNORE INTO log.log_tenants (tenant_id) VALUES (?1)",
            [tenant_id],
        )?;
        let n: Option<i64> = self.one(
            "SELECT n FROM log.log_tenants WHERE tenant_id = ?1",
            [tenant_id],
            |r| r.get(0),
        )?;
        n.ok_or_else(|| sql(rusqlite::Error::QueryReturnedNoRows))
    }

    /// The first log sequence number at or after `since`. Time order is
    /// sequence order and `at` has no index (see log_0001.sql), so a binary
    /// search over the primary key finds it in a few dozen lookups.
    fn log_seq_since(&self, since: OffsetDateTime) -> Result<i64> {
        let t = ms(since);
        let bounds: Option<(Option<i64>, Option<i64>)> = self.one(
            "SELECT min(seq), max(seq) FROM log.provisioning_log",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let Some((Some(mut lo), Some(mut hi))) = bounds else {
            return Ok(0);
        };
        hi += 1;
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let row: Option<(i64, i64)> = self.one(
                "SELECT seq, at FROM log.provisioning_log WHERE seq >= ?1 ORDER BY seq LIMIT 1",
                [mid],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            match row {
                Some((seq, at)) if at < t => lo = seq + 1,
                _ => hi = mid,
            }
        }
        Ok(lo)
    }
}

fn admin_key_row(r: &Row) -> rusqlite::Result<AdminKeyRecord> {
    let hash: Vec<u8> = r.get(3)?;
    let hash: [u8; 32] = hash
        .try_into()
        .map_err(|_| bad_enum(3, "hash of wrong length"))?;
    Ok(AdminKeyRecord {
        id: r.get(0)?,
        name: r.get(1)?,
        tenant_id: r.get(2)?,
        hash,
        fingerprint: r.get(4)?,
        created_at: at(r.get(5)?)?,
        last_used_at: opt_at(r.get(6)?)?,
        revoked_at: opt_at(r.get(7)?)?,
    })
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
        let shapes: [(&str, Args<'_>); 5] = [
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
        ];
        let writer = store.conn.lock().expect("writer");
        let pool = store.readers.lock().expect("readers");
        let reader = pool.idle.last().expect("an idle reader");
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
