//! Storage behind a trait. A store hands the engine a transaction (`Tx`) of
//! plain primitives; every rule stays in the engine, and the same closure runs
//! unchanged on SQLite (default) or PostgreSQL (scale-out). One conformance
//! suite (`tests/it/store_conformance.rs`) holds every implementation to it.

pub mod postgres;
pub mod sqlite;

mod admin_keys;
mod audit;
mod events;
mod groups;
mod guard;
mod invitations;
mod log;
mod members;
mod tenants;
mod tokens;
mod webhooks;

pub use admin_keys::AdminKeyTx;
pub use audit::AuditTx;
pub use events::EventTx;
pub use groups::GroupTx;
pub use guard::GuardTx;
pub use invitations::{InvitationCounts, InvitationFilter, InvitationTx};
pub use log::{LogCut, LogScope, LogStat, LogTx};
pub use members::{MemberFilter, MemberTx};
pub use tenants::TenantTx;
pub use tokens::TokenTx;
pub use webhooks::WebhookTx;

/// Every transaction trait, for a store's implementation (`Tx`'s callers
/// reach the aggregates' methods through `dyn Tx` without them).
pub mod prelude {
    pub use super::{
        AdminKeyTx, AuditTx, EventTx, GroupTx, GuardTx, InvitationTx, LogTx, MemberTx, TenantTx,
        TokenTx, Tx, WebhookTx,
    };
}

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::error::{EngineError, Result, StoreError};

/// Where a store is, as `--store`, `SCIMCTL_STORE` or `store =` name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A SQLite file, created when missing.
    Sqlite(PathBuf),
    /// A PostgreSQL database (`postgres://…`), which must exist.
    Postgres(String),
}

impl Location {
    /// Reads a store setting: a `postgres://` URL, or a path. Any other
    /// `scheme://` is refused rather than becoming a directory `scheme:`.
    pub fn parse(given: &Path) -> std::result::Result<Location, String> {
        let text = given.to_string_lossy();
        if postgres::target::is_postgres_url(&text) {
            return Ok(Location::Postgres(text.trim().to_owned()));
        }
        let scheme = text.split_once("://").map(|(s, _)| s).filter(|s| {
            !s.is_empty()
                && s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        });
        match scheme {
            Some(scheme) => Err(format!(
                "store {text:?} is a {scheme}:// URL, which scimctl does not support; give the path of a SQLite file (e.g. --store /var/lib/scimctl/scimctl.db) or a postgres://USER@HOST:PORT/DATABASE URL"
            )),
            None => Ok(Location::Sqlite(given.to_path_buf())),
        }
    }

    /// The location as people see it: the path, or the URL with any
    /// password masked.
    pub fn shown(&self) -> String {
        match self {
            Location::Sqlite(p) => p.display().to_string(),
            Location::Postgres(url) => postgres::target::redact(url),
        }
    }

    /// Opens the store, creating a SQLite file when missing and migrating
    /// either to the current schema.
    pub fn open(&self) -> Result<Arc<dyn Store>> {
        match self {
            Location::Sqlite(path) => Ok(Arc::new(sqlite::SqliteStore::open(path)?)),
            Location::Postgres(url) => {
                let target = postgres::target::PgTarget::parse(url, &postgres::target::ProcessEnv)?;
                Ok(Arc::new(postgres::PostgresStore::open(&target)?))
            }
        }
    }
}

/// What a store says about itself, for `config show` and diagnostics.
#[derive(Debug, Clone)]
pub struct StoreInfo {
    pub kind: &'static str,
    pub location: String,
    pub schema_version: i64,
}

/// A store: runs a closure inside one transaction, committed only when the
/// closure returns `Ok`. Nothing half-written survives an `Err`.
pub trait Store: Send + Sync {
    fn read(&self, f: &mut dyn FnMut(&dyn Tx) -> Result<()>) -> Result<()>;
    fn write(&self, f: &mut dyn FnMut(&dyn Tx) -> Result<()>) -> Result<()>;
    /// `read` for a caller that must not wait — a server's async worker:
    /// runs `f` only on a connection free this instant, never waits for a
    /// lock, and stops `f` once it has made the store do more than a
    /// small, fixed amount of work (a lookup by key and its few related
    /// rows, not a scan). Pages it needs may still be read from the file:
    /// a lookup's few, from the OS's cache once warm. `None` when it did not run to the end: nothing was
    /// written and whatever `f` saw must be thrown away; the caller runs it
    /// with `read` instead. The default, for a store that cannot promise
    /// this, is always `None`.
    fn read_now(&self, f: &mut dyn FnMut(&dyn Tx) -> Result<()>) -> Option<Result<()>> {
        let _ = f;
        None
    }
    fn info(&self) -> StoreInfo;
    /// A write transaction for the provisioning log: it may read the
    /// store, and write only the log (which a store may keep apart so that
    /// appends never contend with the store's writes).
    fn append(&self, f: &mut dyn FnMut(&dyn Tx) -> Result<()>) -> Result<()> {
        self.write(f)
    }
    /// For a long-running server: move housekeeping that would otherwise
    /// run inside a request's commit (SQLite's WAL checkpoints) to
    /// `maintain`, which the server calls from a background task.
    fn defer_maintenance(&self) -> Result<()> {
        Ok(())
    }
    /// Background housekeeping; cheap when there is nothing to do.
    fn maintain(&self) -> Result<()> {
        Ok(())
    }
    /// A stamp that moves whenever what authentication reads — tenants
    /// and tokens — may have changed: after every committed write of a
    /// tenant or a token through this store (before `write` returns), and
    /// after any commit by anyone else (another process, another store
    /// over the same data). Reads and other writes through this store
    /// leave it where it is, so that a cache of verified tokens survives
    /// a provisioning load. The engine keeps a verified token only while
    /// the stamp is the one read before it was verified.
    ///
    /// Cheap (called once per request) and never waits: it may run on a
    /// server's async workers. `None` when it cannot be told at once:
    /// nothing cached may then be trusted. The default, for a store that
    /// cannot tell, is always `None`.
    fn auth_stamp(&self) -> Option<u64> {
        None
    }
}

/// Runs `f` in a read transaction and returns its value.
pub fn read<R>(store: &dyn Store, f: impl FnOnce(&dyn Tx) -> Result<R>) -> Result<R> {
    run_once(|g| store.read(g), f)
}

/// Runs `f` as `Store::read_now` does: `None` when it could not run at
/// once and to the end (then `f` has been used up, and its result thrown
/// away).
pub fn read_now<R>(store: &dyn Store, f: impl FnOnce(&dyn Tx) -> Result<R>) -> Option<Result<R>> {
    let mut ran = None;
    let finished = run_once(
        |g| match store.read_now(g) {
            Some(r) => {
                ran = Some(());
                r
            }
            None => Ok(()),
        },
        f,
    );
    ran.map(|()| finished)
}

/// Runs `f` in a log-append transaction and returns its value.
pub fn append<R>(store: &dyn Store, f: impl FnOnce(&dyn Tx) -> Result<R>) -> Result<R> {
    run_once(|g| store.append(g), f)
}

/// Runs `f` in a write transaction and returns its value.
pub fn write<R>(store: &dyn Store, f: impl FnOnce(&dyn Tx) -> Result<R>) -> Result<R> {
    run_once(|g| store.write(g), f)
}

fn run_once<R>(
    run: impl FnOnce(&mut dyn FnMut(&dyn Tx) -> Result<()>) -> Result<()>,
    f: impl FnOnce(&dyn Tx) -> Result<R>,
) -> Result<R> {
    let mut f = Some(f);
    let mut out = None;
    run(&mut |tx| {
        let f = f.take().ok_or_else(|| {
            EngineError::Store(StoreError::Backend("transaction closure ran twice".into()))
        })?;
        out = Some(f(tx)?);
        Ok(())
    })?;
    out.ok_or_else(|| {
        EngineError::Store(StoreError::Backend("transaction closure never ran".into()))
    })
}

/// A transaction: every aggregate's primitives, and steps that can fail
/// alone. Names are lower-cased by the caller where a lookup is
/// case-insensitive (`*_lower` arguments).
pub trait Tx:
    TenantTx
    + MemberTx
    + GroupTx
    + TokenTx
    + InvitationTx
    + LogTx
    + AuditTx
    + AdminKeyTx
    + EventTx
    + GuardTx
    + WebhookTx
{
    /// Runs `f` as one step of this transaction that can fail alone: its
    /// writes are undone when it returns `Err` (or panics, which becomes
    /// an `Err`), the transaction's other writes stay. What a batch of
    /// requests in one transaction runs each request in.
    fn step(&self, f: &mut dyn FnMut(&dyn Tx) -> Result<()>) -> Result<()>;

    /// Whether this transaction has written (or tried to write) what
    /// authentication reads, a tenant or a token: then a grant cached
    /// before it began may be out of date. True when the store cannot tell.
    fn changed_auth(&self) -> bool {
        true
    }
}
