//! A SCIM request's unit of work: authentication and the operation in one
//! store transaction, so a request costs one lock round-trip, and a token
//! regenerated or SCIM disabled by another process is seen consistently.
//! A read whose token is cached (see `auth`) skips the authentication
//! queries; a write always checks the token again inside its transaction.

use std::sync::Arc;

use serde_json::Value;

use super::list::{ListPage, ListQuery, Projection};
use super::schema::ResourceKind;
use super::users::{Scope, Written};
use crate::engine::Engine;
use crate::engine::auth::{Grant, authenticate_in};
use crate::engine::error::{EngineError, Result, StoreError};
use crate::engine::model::Tenant;
use crate::engine::store::Tx;
use crate::engine::tokens::{Secret, hash};

/// Whether a request only reads (GET) or may write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

/// An authenticated request inside its transaction.
pub struct Session<'a> {
    engine: &'a Engine,
    tx: &'a dyn Tx,
    grant: &'a Grant,
    pub scope: Scope<'a>,
}

impl<'a> Session<'a> {
    /// A session of `grant` in `tx`; resources' locations start with `base`.
    fn new(engine: &'a Engine, tx: &'a dyn Tx, grant: &'a Grant, base: &'a str) -> Session<'a> {
        Session {
            engine,
            tx,
            grant,
            scope: Scope {
                tenant: &grant.tenant,
                base,
            },
        }
    }
}

impl Session<'_> {
    pub fn tenant(&self) -> &Tenant {
        self.scope.tenant
    }
    /// Who the request authenticated as.
    pub fn grant(&self) -> &Grant {
        self.grant
    }
    pub fn get_user(&self, id: &str, proj: &Projection) -> Result<Value> {
        self.engine.get_user_in(self.tx, self.scope, id, proj)
    }
    pub fn list_users(&self, q: &ListQuery) -> Result<ListPage> {
        self.engine.list_users_in(self.tx, self.scope, q)
    }
    pub fn create_user(&self, body: &Value) -> Result<Written> {
        self.engine.create_user_in(self.tx, self.scope, body)
    }
    pub fn replace_user(&self, id: &str, body: &Value, if_match: Option<&str>) -> Result<Written> {
        self.engine
            .replace_user_in(self.tx, self.scope, id, body, if_match)
    }
    pub fn patch_user(&self, id: &str, body: &Value, if_match: Option<&str>) -> Result<Written> {
        self.engine
            .patch_user_in(self.tx, self.scope, id, body, if_match)
    }
    pub fn delete_user(&self, id: &str, if_match: Option<&str>) -> Result<Written> {
        self.engine
            .delete_user_in(self.tx, self.scope, id, if_match)
    }
    pub fn get_group(&self, id: &str, proj: &Projection) -> Result<Value> {
        self.engine.get_group_in(self.tx, self.scope, id, proj)
    }
    pub fn list_groups(&self, q: &ListQuery) -> Result<ListPage> {
        self.engine.list_groups_in(self.tx, self.scope, q)
    }
    pub fn create_group(&self, body: &Value) -> Result<Written> {
        self.engine.create_group_in(self.tx, self.scope, body)
    }
    pub fn replace_group(&self, id: &str, body: &Value, if_match: Option<&str>) -> Result<Written> {
        self.engine
            .replace_group_in(self.tx, self.scope, id, body, if_match)
    }
    pub fn patch_group(
        &self,
        id: &str,
        body: &Value,
        if_match: Option<&str>,
        want_resource: bool,
    ) -> Result<Written> {
        self.engine
            .patch_group_in(self.tx, self.scope, id, body, if_match, want_resource)
    }
    pub fn delete_group(&self, id: &str, if_match: Option<&str>) -> Result<Written> {
        self.engine
            .delete_group_in(self.tx, self.scope, id, if_match)
    }
}

/// The operations both resource types share, by kind.
impl Session<'_> {
    pub fn list(&self, kind: ResourceKind, q: &ListQuery) -> Result<ListPage> {
        match kind {
            ResourceKind::User => self.list_users(q),
            ResourceKind::Group => self.list_groups(q),
        }
    }
    pub fn get(&self, kind: ResourceKind, id: &str, proj: &Projection) -> Result<Value> {
        match kind {
            ResourceKind::User => self.get_user(id, proj),
            ResourceKind::Group => self.get_group(id, proj),
        }
    }
    pub fn create(&self, kind: ResourceKind, body: &Value) -> Result<Written> {
        match kind {
            ResourceKind::User => self.create_user(body),
            ResourceKind::Group => self.create_group(body),
        }
    }
    pub fn replace(
        &self,
        kind: ResourceKind,
        id: &str,
        body: &Value,
        if_match: Option<&str>,
    ) -> Result<Written> {
        match kind {
            ResourceKind::User => self.replace_user(id, body, if_match),
            ResourceKind::Group => self.replace_group(id, body, if_match),
        }
    }
    pub fn delete(&self, kind: ResourceKind, id: &str, if_match: Option<&str>) -> Result<Written> {
        match kind {
            ResourceKind::User => self.delete_user(id, if_match),
            ResourceKind::Group => self.delete_group(id, if_match),
        }
    }
}

/// One write session of a batch (`Engine::scim_write_batch`): whose token
/// for which tenant, and what to run.
pub struct WriteJob<R> {
    pub tenant: String,
    pub presented: Option<Secret>,
    pub client: Option<String>,
    /// The tenant URL resources' locations start with.
    pub base: String,
    /// The request's id: the actor of the events its changes record.
    pub request_id: String,
    pub f: SessionWork<R>,
}

/// What a write session runs.
pub type SessionWork<R> = Box<dyn FnOnce(&Session<'_>) -> Result<R> + Send>;

/// The outcome of a session: the token's fingerprint when it authenticated,
/// and the operation's result (or why authentication failed).
pub struct SessionOutcome<R> {
    pub fingerprint: Option<String>,
    /// Set when the previous token (in its grace period) was used.
    pub token_note: Option<String>,
    pub result: Result<R>,
}

impl Engine {
    /// Authenticates `presented` for `tenant_id` and runs `f` in the same
    /// transaction. `base` is the tenant URL resources' locations start with.
    /// A read trusts a cached grant when the auth stamp, read just before
    /// its transaction begins, allows; a write verifies the token inside
    /// its own transaction, under the write lock, whatever the cache says
    /// (so what it writes is never authorised by anything older than the
    /// state it writes on).
    pub fn scim_session<R>(
        &self,
        tenant_id: &str,
        presented: Option<&Secret>,
        client: Option<&str>,
        base: &str,
        access: Access,
        f: impl FnOnce(&Session<'_>) -> Result<R>,
    ) -> SessionOutcome<R> {
        let h = presented.map(|p| hash(p.expose()));
        // A read: the stamp is read before the transaction begins, so a
        // change committed after it moves the stamp, and a grant verified
        // below is kept for this stamp only if nothing changed before the
        // transaction saw the store. A write neither trusts nor fills the
        // cache (its caller's check before the body did, and the stamp
        // costs a `PRAGMA` per call).
        let stamp = match access {
            Access::Read => self.store.auth_stamp(),
            Access::Write => None,
        };
        let cached = self.cached(stamp, tenant_id, h.as_ref());
        let verified = cached.is_none();
        let mut grant_seen: Option<Arc<Grant>> = None;
        let body = |tx: &dyn Tx| {
            let grant = match &cached {
                Some(g) => g.clone(),
                None => Arc::new(authenticate_in(tx, tenant_id, h.as_ref())?),
            };
            let out = f(&Session::new(self, tx, &grant, base));
            grant_seen = Some(grant);
            out
        };
        let result = match access {
            Access::Read => self.read(body),
            Access::Write => self.write(body),
        };
        if let Err(EngineError::DeprovisioningHeld { .. }) = &result {
            // The hold is recorded though the write is not.
            let _ = self.write(|tx| self.record_hold(tx, tenant_id));
        }
        if let Some(g) = &grant_seen {
            self.record_use(g, client);
            if verified {
                self.keep(stamp, h, g);
            }
        }
        SessionOutcome {
            token_note: grant_seen.as_ref().and_then(|g| g.note()),
            fingerprint: grant_seen.map(|g| g.fingerprint.clone()),
            result,
        }
    }

    /// Write sessions run one after another in one store transaction,
    /// each in a step of its own (`Tx::step`): a session that fails is
    /// undone alone, and the others commit together — one commit for the
    /// batch instead of one each, which is most of what a small write
    /// costs. Each session authenticates inside the transaction as in
    /// `scim_session`. Outcomes come back in the jobs' order, only after
    /// the commit; if the commit fails, every session fails with it.
    pub fn scim_write_batch<R>(&self, jobs: Vec<WriteJob<R>>) -> Vec<SessionOutcome<R>> {
        let n = jobs.len();
        let mut jobs: Vec<Option<WriteJob<R>>> = jobs.into_iter().map(Some).collect();
        type Done<R> = (Option<Arc<Grant>>, Option<Result<R>>, Option<String>);
        let mut done: Vec<Done<R>> = Vec::with_capacity(n);
        let committed = self.write(|tx| {
            done.clear();
            // Read under the write lock, which no other connection can
            // commit through until this transaction ends: a grant cached at
            // this stamp is what the store holds, unless an earlier step of
            // this transaction wrote a tenant or a token. So a regenerated
            // or revoked token is refused here as by `authenticate_in`, for
            // one stamp check per batch instead of the token queries per job.
            let stamp = self.store.auth_stamp();
            for job in &mut jobs {
                let Some(job) = job.take() else { continue };
                let h = job.presented.as_ref().map(|p| hash(p.expose()));
                let mut grant_seen = None;
                let mut out = None;
                let mut f = Some(job.f);
                let engine = self.for_request(&job.request_id);
                let stepped = tx.step(&mut |tx| {
                    let cached = self.cached(
                        stamp.filter(|_| !tx.changed_auth()),
                        &job.tenant,
                        h.as_ref(),
                    );
                    let grant = match cached {
                        Some(g) => g,
                        None => Arc::new(authenticate_in(tx, &job.tenant, h.as_ref())?),
                    };
                    let f = f
                        .take()
                        .ok_or_else(|| EngineError::Internal("a batched write ran twice".into()))?;
                    let r = f(&Session::new(&engine, tx, &grant, &job.base));
                    grant_seen = Some(grant);
                    match r {
                        Ok(v) => {
                            out = Some(Ok(v));
                            Ok(())
                        }
                        Err(e) => Err(e),
                    }
                });
                let result = match stepped {
                    Ok(()) => out.take(),
                    Err(e) => {
                        if matches!(e, EngineError::DeprovisioningHeld { .. }) {
                            // The hold is recorded though the write is not.
                            let _ = tx.step(&mut |tx| engine.record_hold(tx, &job.tenant));
                        }
                        Some(Err(e))
                    }
                };
                done.push((grant_seen, result, job.client));
            }
            Ok(())
        });
        if let Err(e) = committed {
            // Each session fails as a session of its own would have.
            let again = |e: &EngineError| match e {
                EngineError::Store(StoreError::Busy(m)) => StoreError::Busy(m.clone()).into(),
                e => EngineError::Store(StoreError::Backend(e.to_string())),
            };
            return (0..n)
                .map(|_| SessionOutcome {
                    fingerprint: None,
                    token_note: None,
                    result: Err(again(&e)),
                })
                .collect();
        }
        done.into_iter()
            .map(|(grant, result, client)| {
                if let Some(g) = &grant {
                    self.record_use(g, client.as_deref());
                }
                (grant, result)
            })
            .map(|(grant, result)| SessionOutcome {
                token_note: grant.as_ref().and_then(|g| g.note()),
                fingerprint: grant.map(|g| g.fingerprint.clone()),
                result: result.unwrap_or_else(|| {
                    Err(EngineError::Internal(
                        "a batched write gave no answer".into(),
                    ))
                }),
            })
            .collect()
    }

    /// A read session that runs on the caller's thread only if it can
    /// finish there without waiting: the token's grant is in the cache (no
    /// authentication transaction) and the store runs `f` with
    /// `Store::read_now` (a free connection, a bounded amount of work).
    /// `None` when it cannot: no use is recorded and whatever `f` produced
    /// is thrown away, so the caller runs the read with `scim_session`
    /// instead. This is how a server's async worker answers a lookup by
    /// id or by key without a hop to a blocking thread.
    pub fn scim_read_now<R>(
        &self,
        tenant_id: &str,
        presented: Option<&Secret>,
        client: Option<&str>,
        base: &str,
        f: impl FnOnce(&Session<'_>) -> Result<R>,
    ) -> Option<SessionOutcome<R>> {
        let h = hash(presented?.expose());
        let grant = self.cached(self.store.auth_stamp(), tenant_id, Some(&h))?;
        let result = crate::engine::store::read_now(self.store.as_ref(), |tx| {
            f(&Session::new(self, tx, &grant, base))
        })?;
        self.record_use(&grant, client);
        Some(SessionOutcome {
            token_note: grant.note(),
            fingerprint: Some(grant.fingerprint.clone()),
            result,
        })
    }
}
