//! The scale-out store: one PostgreSQL database shared by any number of
//! `scimctl serve` instances and the CLI. This module owns the connection
//! pool, the transactions and their guarantees, and the mapping of
//! PostgreSQL's errors; `schema` the migrations, `rows` the row mappers,
//! and one file per aggregate its `Tx` methods, as in `sqlite/`.
//!
//! A synchronous client (`postgres` over an r2d2 pool): the engine's seam
//! is a synchronous closure over `&dyn Tx`, run on blocking threads (the
//! write lane's thread, tokio's blocking pool), so a blocking connection
//! fits it with no runtime in between. `read_now` keeps its default `None`
//! (PostgreSQL is never run on an async worker), and `auth_stamp` too:
//! every request verifies its token against the database, so a token
//! regenerated through any instance or the CLI is refused by every
//! instance on its very next request.
//!
//! What the database guarantees, never a lock of this process:
//! - `read` is `REPEATABLE READ READ ONLY`: one snapshot for the whole
//!   closure, as a SQLite read in WAL mode.
//! - `write` takes a transaction-level advisory lock (`BEGIN_WRITE`) before
//!   anything else, so the write transactions of every instance and the
//!   CLI run one at a time, as SQLite's one writer: every check-then-insert
//!   rule of the engine (one 201 and one 409 for a duplicate userName,
//!   displayName or externalId; members added concurrently to one group
//!   all kept; ownership transfers; invitations; `policy_locked`) holds
//!   across instances, because under READ COMMITTED each statement sees
//!   every commit made before the lock was granted.
//! - `append` (the provisioning log) never takes the write lock: it takes
//!   the log's own (`LOG_LOCK`), as SQLite's log file has its own writer,
//!   so that sequence numbers are given in commit order and a reader that
//!   follows the log by sequence number never skips a record; its counters
//!   are upserts (`col = col + excluded.col`), safe even without it.
//! - A panic or an `Err` of the closure rolls the whole transaction back,
//!   and so does a statement error it swallowed (PostgreSQL would answer
//!   the COMMIT of an aborted transaction with a silent rollback); a
//!   connection that cannot end its transaction is dropped from the pool.
//! - A lock waited on longer than the session's `lock_timeout` (5 s, see
//!   `SESSION_SETUP`), a serialization failure, a deadlock, a lost
//!   connection or no free connection is `StoreError::Busy` (the server
//!   answers 503 with Retry-After); any other error is `Backend`, with the
//!   server's message.

/// The advisory locks' keys: "SCIM" and the lock's number.
macro_rules! lock_key {
    (write) => {
        "1396918605, 1"
    };
    (log) => {
        "1396918605, 2"
    };
    (migrate) => {
        "1396918605, 3"
    };
}

#[macro_use]
mod rows;
mod admin_keys;
mod audit;
mod events;
mod groups;
mod guard;
mod invitations;
mod log;
mod members;
mod schema;
pub mod target;
mod tenants;
mod tokens;
mod webhooks;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::time::Duration;

use postgres::error::SqlState;
use postgres::types::ToSql;
use postgres::{Client, Row, Statement};
use r2d2::{ManageConnection, Pool};
use r2d2_postgres::PostgresConnectionManager;
use time::OffsetDateTime;
use tokio_postgres_rustls::MakeRustlsConnect;

use super::prelude::*;
use super::{LogCut, LogScope, LogStat, MemberFilter, Store, StoreInfo};
use crate::engine::admin::users::fold_case;
use crate::engine::error::{EngineError, Result, StoreError};
use crate::engine::log::{LogCounters, LogQuery, LogRecord};
use crate::engine::model::*;
use rows::*;
pub use schema::SCHEMA_VERSION;
use target::PgTarget;

/// Connections per store: writes run one at a time anyway, and reads are
/// short; a handful keeps the server's connection slots for the others.
const POOL_SIZE: u32 = 8;
/// How long a transaction waits for a free connection before it is Busy.
const CHECKOUT_TIMEOUT: Duration = Duration::from_secs(5);
/// What every connection runs first: a lock (the write lock, a row) waited
/// on longer than this fails the statement (then Busy) instead of hanging.
const SESSION_SETUP: &str = "SET lock_timeout = '5s'";

const BEGIN_READ: &str = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
// READ COMMITTED named, not left to the server's (or a role's)
// `default_transaction_isolation`: each statement after the lock must see
// every commit made before it was granted.
const BEGIN_WRITE: &str = concat!(
    "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(",
    lock_key!(write),
    ")"
);
const BEGIN_APPEND: &str = concat!(
    "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(",
    lock_key!(log),
    ")"
);
const LOG_LOCK: &str = concat!("SELECT pg_advisory_xact_lock(", lock_key!(log), ")");

/// Prepared statements a connection keeps (keyed by their SQL text); the
/// few built at run time (filters) come in a bounded number of shapes.
const STATEMENT_CACHE: usize = 256;

/// A PostgreSQL store: a pool of connections to one database.
pub struct PostgresStore {
    pool: Pool<Manager>,
    shown: String,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown)
    }
}

impl PostgresStore {
    /// Connects to `target`, and creates or migrates its schema (once, under
    /// an advisory lock, however many instances start together). Refuses,
    /// untouched, a database written by a newer scimctl and one that holds
    /// another program's tables. Every error names `target.shown`.
    pub fn open(target: &PgTarget) -> Result<PostgresStore> {
        let tls = MakeRustlsConnect::new(target.tls.clone());
        let mut client = target
            .config
            .connect(tls.clone())
            .map_err(|e| open_error(target, e))?;
        schema::migrate(&mut client, target)?;
        drop(client);
        let manager = Manager(PostgresConnectionManager::new(target.config.clone(), tls));
        let pool = Pool::builder()
            .max_size(POOL_SIZE)
            .min_idle(Some(0))
            // A lost connection is found by its first statement (Busy, and
            // it is not returned to the pool): no extra round trip per
            // transaction to test it.
            .test_on_check_out(false)
            .connection_timeout(CHECKOUT_TIMEOUT)
            .error_handler(Box::new(TraceErrors))
            .build_unchecked(manager);
        Ok(PostgresStore {
            pool,
            shown: target.shown.clone(),
        })
    }

    /// Runs `f` in a transaction begun with `begin`, committed only when
    /// `f` returns `Ok` and none of its statements failed.
    fn run(
        &self,
        begin: &'static str,
        log_locked: bool,
        f: &mut dyn FnMut(&dyn Tx) -> Result<()>,
    ) -> Result<()> {
        let mut conn = self.pool.get().map_err(|e| {
            StoreError::Busy(format!("no connection to {} is free: {e}", self.shown))
        })?;
        let conn = &mut *conn;
        if let Err(e) = conn.client.batch_execute(begin) {
            conn.end_failed();
            return Err(pg(e));
        }
        let tx = PgTx {
            conn: RefCell::new(conn),
            failed: RefCell::new(None),
            depth: Cell::new(0),
            log_locked: Cell::new(log_locked.then_some(0)),
        };
        // A panic inside the closure is caught while the connection is
        // still ours: the transaction is rolled back below, and the
        // connection goes back to the pool usable.
        let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&tx))).unwrap_or_else(
            |_| {
                Err(StoreError::Backend(
                    "the operation failed inside its transaction (a panic)".into(),
                )
                .into())
            },
        );
        let failed = tx.failed.take();
        drop(tx);
        let out = match (ran, failed) {
            (Err(e), _) => Err(e),
            // PostgreSQL answers COMMIT of a failed transaction with a
            // rollback, not an error: a statement error the closure did not
            // pass on must not become a silent loss of its writes.
            (Ok(()), Some(f)) => Err(f.error()),
            (Ok(()), None) => conn.client.batch_execute("COMMIT").map_err(pg),
        };
        if out.is_err() {
            conn.end_failed();
        }
        out
    }
}

impl Store for PostgresStore {
    fn read(&self, f: &mut dyn FnMut(&dyn Tx) -> Result<()>) -> Result<()> {
        self.run(BEGIN_READ, false, f)
    }
    fn write(&self, f: &mut dyn FnMut(&dyn Tx) -> Result<()>) -> Result<()> {
        self.run(BEGIN_WRITE, false, f)
    }
    fn append(&self, f: &mut dyn FnMut(&dyn Tx) -> Result<()>) -> Result<()> {
        self.run(BEGIN_APPEND, true, f)
    }
    fn info(&self) -> StoreInfo {
        StoreInfo {
            kind: "postgres",
            location: self.shown.clone(),
            schema_version: SCHEMA_VERSION,
        }
    }
}

/// r2d2_postgres's manager, with a connection that can be marked broken
/// (so that one whose transaction could not be ended is dropped, not
/// handed to the next caller) and keeps its prepared statements.
struct Manager(PostgresConnectionManager<MakeRustlsConnect>);

struct PgConn {
    client: Client,
    statements: HashMap<String, Statement>,
    broken: bool,
}

impl PgConn {
    /// Ends a transaction that failed; a connection that cannot even do
    /// that is marked broken, and the pool drops it.
    fn end_failed(&mut self) {
        if self.client.batch_execute("ROLLBACK").is_err() {
            self.broken = true;
        }
    }

    fn statement(&mut self, sql: &str) -> std::result::Result<Statement, postgres::Error> {
        if let Some(st) = self.statements.get(sql) {
            return Ok(st.clone());
        }
        let st = self.client.prepare(sql)?;
        if self.statements.len() >= STATEMENT_CACHE {
            self.statements.clear();
        }
        self.statements.insert(sql.to_owned(), st.clone());
        Ok(st)
    }
}

impl ManageConnection for Manager {
    type Connection = PgConn;
    type Error = postgres::Error;

    fn connect(&self) -> std::result::Result<PgConn, postgres::Error> {
        let mut client = self.0.connect()?;
        client.batch_execute(SESSION_SETUP)?;
        Ok(PgConn {
            client,
            statements: HashMap::new(),
            broken: false,
        })
    }
    fn is_valid(&self, conn: &mut PgConn) -> std::result::Result<(), postgres::Error> {
        self.0.is_valid(&mut conn.client)
    }
    fn has_broken(&self, conn: &mut PgConn) -> bool {
        conn.broken || conn.client.is_closed()
    }
}

/// The pool's own connection failures (it retries them) go to the trace.
#[derive(Debug)]
struct TraceErrors;

impl r2d2::HandleError<postgres::Error> for TraceErrors {
    fn handle_error(&self, error: postgres::Error) {
        tracing::warn!(error = %error, "cannot connect to the PostgreSQL store");
    }
}

/// Why a store could not be opened, in one line naming `target.shown`.
fn open_error(target: &PgTarget, e: postgres::Error) -> EngineError {
    let url = target.shown.clone();
    if let Some(db) = e.as_db_error() {
        let code = db.code();
        let reason = db.message().to_owned();
        return if *code == SqlState::INVALID_PASSWORD
            || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
        {
            StoreError::LoginRefused { url, reason }
        } else if *code == SqlState::UNDEFINED_DATABASE {
            StoreError::NoDatabase {
                url,
                database: target.database().to_owned(),
            }
        } else if *code == SqlState::TOO_MANY_CONNECTIONS
            || *code == SqlState::CANNOT_CONNECT_NOW
            || *code == SqlState::ADMIN_SHUTDOWN
        {
            StoreError::Unreachable { url, reason }
        } else if is_busy(code) {
            StoreError::Busy(format!("{url}: {reason}"))
        } else {
            StoreError::Open { path: url, reason }
        }
        .into();
    }
    let text = describe(&e);
    if text.starts_with("error performing TLS handshake") {
        return StoreError::Unreachable {
            url,
            reason: format!(
                "{text}; if the server's certificate is not signed by a CA this host trusts, give sslrootcert=PATH (its CA's certificate) in the URL, or sslmode=disable on a trusted network"
            ),
        }
        .into();
    }
    if text.starts_with("authentication error") || text.contains("password missing") {
        return StoreError::LoginRefused {
            url,
            reason: format!(
                "{text} (the server asks for a password: put it in PGPASSWORD or ~/.pgpass)"
            ),
        }
        .into();
    }
    StoreError::Unreachable { url, reason: text }.into()
}

/// An error with its causes (postgres's `Display` shows only its kind).
fn describe(e: &postgres::Error) -> String {
    let mut text = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        text.push_str(": ");
        text.push_str(&c.to_string());
        cause = c.source();
    }
    text
}

/// Errors a retry may not meet: the server answers 503 with Retry-After.
fn is_busy(code: &SqlState) -> bool {
    *code == SqlState::T_R_SERIALIZATION_FAILURE
        || *code == SqlState::T_R_DEADLOCK_DETECTED
        || *code == SqlState::LOCK_NOT_AVAILABLE
        || *code == SqlState::QUERY_CANCELED
        || *code == SqlState::ADMIN_SHUTDOWN
        || *code == SqlState::CRASH_SHUTDOWN
        || *code == SqlState::CANNOT_CONNECT_NOW
        || *code == SqlState::TOO_MANY_CONNECTIONS
        || code.code().starts_with("08")
}

/// A statement's error as the engine sees it.
fn pg(e: postgres::Error) -> EngineError {
    if let Some(code) = e.code() {
        let msg = match e.as_db_error() {
            Some(db) => match db.detail() {
                Some(d) => format!("{} ({d})", db.message()),
                None => db.message().to_owned(),
            },
            None => describe(&e),
        };
        return if is_busy(code) {
            StoreError::Busy(msg)
        } else {
            StoreError::Backend(msg)
        }
        .into();
    }
    let lost =
        e.is_closed() || std::error::Error::source(&e).is_some_and(|s| s.is::<std::io::Error>());
    if lost {
        StoreError::Busy(format!(
            "the connection to PostgreSQL was lost: {}",
            describe(&e)
        ))
        .into()
    } else {
        StoreError::Backend(describe(&e)).into()
    }
}

/// The first statement error of a transaction (or of a step), kept to
/// refuse its commit.
#[derive(Clone)]
struct Failed {
    busy: bool,
    message: String,
}

impl Failed {
    fn error(&self) -> EngineError {
        let msg = format!("a statement of the transaction failed: {}", self.message);
        if self.busy {
            StoreError::Busy(msg).into()
        } else {
            StoreError::Backend(msg).into()
        }
    }
}

struct PgTx<'a> {
    conn: RefCell<&'a mut PgConn>,
    failed: RefCell<Option<Failed>>,
    /// How many steps (savepoints) deep the transaction is.
    depth: Cell<u32>,
    /// The depth at which the log's lock was taken: a step rolled back
    /// releases what it took.
    log_locked: Cell<Option<u32>>,
}

type Params<'p> = &'p [&'p (dyn ToSql + Sync)];

/// Whether a key can be in the database at all: PostgreSQL's text cannot
/// hold a NUL, and a parameter with one fails its statement (and with it
/// the transaction). No row has such a key, so a lookup by one (a client's
/// filter value or resource id) finds nothing without asking, as SQLite
/// finds nothing.
fn storable(key: &str) -> bool {
    !key.contains('\0')
}

impl PgTx<'_> {
    fn fail(&self, e: postgres::Error) -> EngineError {
        let err = pg(e);
        let mut failed = self.failed.borrow_mut();
        if failed.is_none() {
            *failed = Some(Failed {
                busy: matches!(err, EngineError::Store(StoreError::Busy(_))),
                message: match &err {
                    EngineError::Store(StoreError::Busy(m) | StoreError::Backend(m)) => m.clone(),
                    other => other.to_string(),
                },
            });
        }
        err
    }

    fn query(&self, sql: &str, params: Params<'_>) -> Result<Vec<Row>> {
        let mut conn = self.conn.borrow_mut();
        let out = conn
            .statement(sql)
            .and_then(|st| conn.client.query(&st, params));
        drop(conn);
        out.map_err(|e| self.fail(e))
    }

    fn one<T>(
        &self,
        sql: &str,
        params: Params<'_>,
        f: impl FnOnce(&Row) -> Result<T>,
    ) -> Result<Option<T>> {
        self.query(sql, params)?.first().map(f).transpose()
    }

    fn all<T>(
        &self,
        sql: &str,
        params: Params<'_>,
        f: impl FnMut(&Row) -> Result<T>,
    ) -> Result<Vec<T>> {
        self.query(sql, params)?.iter().map(f).collect()
    }

    fn exec(&self, sql: &str, params: Params<'_>) -> Result<u64> {
        let mut conn = self.conn.borrow_mut();
        let out = conn
            .statement(sql)
            .and_then(|st| conn.client.execute(&st, params));
        drop(conn);
        out.map_err(|e| self.fail(e))
    }

    fn batch(&self, sql: &str) -> Result<()> {
        let out = self.conn.borrow_mut().client.batch_execute(sql);
        out.map_err(|e| self.fail(e))
    }

    /// Takes the log's lock for the rest of the transaction, unless held.
    fn lock_log(&self) -> Result<()> {
        if self.log_locked.get().is_none() {
            self.batch(LOG_LOCK)?;
            self.log_locked.set(Some(self.depth.get()));
        }
        Ok(())
    }
}

impl Tx for PgTx<'_> {
    fn step(&self, f: &mut dyn FnMut(&dyn Tx) -> Result<()>) -> Result<()> {
        self.batch("SAVEPOINT step")?;
        let before = self.failed.borrow().clone();
        let depth = self.depth.get();
        self.depth.set(depth + 1);
        let mut ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(self)))
            .unwrap_or_else(|_| {
                Err(
                    StoreError::Backend("the operation failed inside its step (a panic)".into())
                        .into(),
                )
            });
        self.depth.set(depth);
        // A statement error the step swallowed still fails the step.
        if ran.is_ok()
            && let Some(f) = self.failed.borrow().as_ref()
        {
            ran = Err(f.error());
        }
        if ran.is_err() {
            self.batch("ROLLBACK TO step")?;
            *self.failed.borrow_mut() = before;
            if self.log_locked.get().is_some_and(|d| d > depth) {
                self.log_locked.set(None);
            }
        }
        self.batch("RELEASE step")?;
        ran
    }
}
