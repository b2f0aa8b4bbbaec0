//! The engine: tenants, tokens, users, groups, ownership rules, the SCIM
//! protocol and the provisioning log. It knows nothing of terminals or HTTP:
//! typed requests in, typed results and typed errors out.

pub mod admin;
pub mod admin_keys;
pub mod auth;
pub mod diagnose;
pub mod error;
pub mod events;
pub mod follow;
pub mod guard;
pub mod invitations;
pub mod log;
pub mod mapping;
pub mod model;
pub mod ownership;
pub mod scim;
pub mod store;
pub mod tenants;
pub mod tokens;
pub mod views;
pub mod webhooks;

use std::path::Path;
use std::sync::Arc;

use time::OffsetDateTime;

pub use error::{EngineError, ErrorKind, Result, ScimType, StoreError};
use store::{Store, StoreInfo, Tx};

/// The engine over one store. Cheap to clone; every face holds one.
#[derive(Clone)]
pub struct Engine {
    store: Arc<dyn Store>,
    actor: Arc<str>,
    /// The SCIM request this engine acts for (see `for_request`).
    request: Option<Arc<str>>,
    usage: Arc<auth::UsageTracker>,
    /// Verified tokens (see `auth`), shared by every clone.
    tokens: Arc<auth::TokenCache>,
}

impl Engine {
    /// `actor` names who acts, for the audit trail (e.g. `cli:alice`).
    pub fn new(store: Arc<dyn Store>, actor: &str) -> Engine {
        Engine {
            store,
            actor: actor.into(),
            request: None,
            usage: Arc::default(),
            tokens: Arc::default(),
        }
    }

    /// Opens the embedded SQLite store at `path`, creating it when missing.
    pub fn open_sqlite(path: &Path, actor: &str) -> Result<Engine> {
        let store = store::sqlite::SqliteStore::open(path)?;
        Ok(Engine::new(Arc::new(store), actor))
    }

    /// Opens the store at `location` (see `store::Location::open`).
    pub fn open(location: &store::Location, actor: &str) -> Result<Engine> {
        Ok(Engine::new(location.open()?, actor))
    }

    pub fn store_info(&self) -> StoreInfo {
        self.store.info()
    }

    /// See `Store::defer_maintenance`: for `scimctl serve`.
    pub fn defer_maintenance(&self) -> Result<()> {
        self.store.defer_maintenance()
    }

    /// See `Store::maintain`.
    pub fn maintain(&self) -> Result<()> {
        self.store.maintain()
    }

    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// This engine acting for an identity provider's SCIM request: the
    /// events its changes record name the request as their actor.
    pub fn for_request(&self, request_id: &str) -> Engine {
        Engine {
            request: Some(request_id.into()),
            ..self.clone()
        }
    }

    pub(crate) fn read<R>(&self, f: impl FnOnce(&dyn Tx) -> Result<R>) -> Result<R> {
        store::read(self.store.as_ref(), f)
    }

    pub(crate) fn write<R>(&self, f: impl FnOnce(&dyn Tx) -> Result<R>) -> Result<R> {
        store::write(self.store.as_ref(), f)
    }

    pub(crate) fn append<R>(&self, f: impl FnOnce(&dyn Tx) -> Result<R>) -> Result<R> {
        store::append(self.store.as_ref(), f)
    }

    pub(crate) fn audit(
        &self,
        tx: &dyn Tx,
        tenant_id: Option<&str>,
        action: &str,
        subject: Option<&str>,
        detail: Option<String>,
    ) -> Result<()> {
        tx.insert_audit(&model::AuditEvent {
            at: now(),
            tenant_id: tenant_id.map(str::to_owned),
            actor: self.actor.to_string(),
            action: action.to_owned(),
            subject: subject.map(str::to_owned),
            detail,
        })
    }
}

/// The current time, truncated to the store's millisecond precision so that
/// what is returned equals what is read back.
pub fn now() -> OffsetDateTime {
    let t = OffsetDateTime::now_utc();
    t.replace_nanosecond(t.nanosecond() / 1_000_000 * 1_000_000)
        .unwrap_or(t)
}

/// A new resource id: a UUID v7, time-ordered so that inserts land at the
/// end of the store's indexes instead of dirtying pages all over them.
pub(crate) fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// The URL an IdP is given for a tenant: `{public_url}/scim/v2/{tenant_id}`.
pub fn tenant_url(public_url: &str, tenant_id: &str) -> String {
    format!("{}/scim/v2/{}", public_url.trim_end_matches('/'), tenant_id)
}
