//! Authenticating a SCIM request: the bearer token must be the current token
//! of the tenant named in the URL, and SCIM must be on for that tenant.
//!
//! Verified tokens are kept in memory (`TokenCache`), so that most requests
//! authenticate without a store transaction; a cached grant is trusted only
//! while the store's auth stamp (`Store::auth_stamp`) is the one read before
//! the grant was verified. The stamp moves with every change to tenants or
//! tokens through this process and with every commit of another process, so
//! a regenerate, a revoke, a tenant deleted or SCIM turned off — here or by
//! the CLI on the same store — still takes effect on the very next request.
//! Only successful authentications are cached: a wrong token always costs
//! the same store queries, whether or not its tenant exists.
//!
//! Token use (`last_used_at/from`) is kept in memory and written in batches,
//! not once per request.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use time::OffsetDateTime;

use super::error::{EngineError, Result};
use super::model::{Tenant, TokenState};
use super::scim::resource::rfc3339;
use super::store::Tx;
use super::tokens::{Secret, fingerprint, hash, live_match};
use super::{Engine, now};

/// Who a request authenticated as.
#[derive(Debug, Clone)]
pub struct Grant {
    pub tenant: Tenant,
    pub token_id: String,
    pub fingerprint: String,
    pub token_state: TokenState,
    /// Set when the previous token was used within its grace period.
    pub grace_until: Option<OffsetDateTime>,
}

impl Grant {
    /// For the log: which token a request used, when it was not the current one.
    pub fn note(&self) -> Option<String> {
        (self.token_state == TokenState::Previous).then(|| {
            format!(
                "{NOTE_GRACE_TOKEN} until {}",
                self.grace_until.map(rfc3339).unwrap_or_default()
            )
        })
    }
}

/// Why authentication failed, for the provisioning log (never for the
/// response body, which says only that the token is not valid here).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// Fingerprint of the presented token, when one was presented.
    pub fingerprint: Option<String>,
    /// What the log may say: "no token", "unknown tenant", "superseded
    /// token, replaced at …", "revoked token", "token of another tenant".
    pub note: String,
    /// No tenant has the id in the URL: the server counts such requests
    /// instead of logging each (anyone can invent ids).
    pub unknown_tenant: bool,
}

/// Verified grants by the SHA-256 of their token, valid for one stamp.
///
/// Keyed by the hash, never by the token: nothing secret is kept. The
/// lookup compares hashes in variable time, which tells a guesser at most
/// how many leading bytes the SHA-256 of their guess shares with a real
/// token's — nothing that helps to find a token.
#[derive(Debug, Default)]
pub struct TokenCache {
    inner: Mutex<Cached>,
}

#[derive(Debug, Default)]
struct Cached {
    /// The stamp the grants were verified at; they go when it moves.
    stamp: u64,
    grants: HashMap<[u8; 32], Arc<Grant>>,
}

/// Grants kept at most (a token per tenant, two during a rotation): past
/// it the cache starts over rather than grow.
const MAX_CACHED: usize = 4096;

impl TokenCache {
    /// The grant of the token hashed `h` for `tenant_id`, when it was
    /// verified at `stamp` and is still usable at `at` (a previous token's
    /// grace period runs out by itself, with no change in the store).
    fn get(
        &self,
        stamp: u64,
        tenant_id: &str,
        h: &[u8; 32],
        at: OffsetDateTime,
    ) -> Option<Arc<Grant>> {
        let mut c = self.inner.lock().ok()?;
        if stamp > c.stamp {
            // Something authentication reads changed: forget it all.
            c.grants.clear();
            c.stamp = stamp;
            return None;
        }
        if stamp < c.stamp {
            // Read before another request saw the stamp move: this one
            // goes to the store, the cache stays for the newer stamp.
            return None;
        }
        let g = c.grants.get(h)?;
        let usable =
            g.token_state == TokenState::Active || g.grace_until.is_some_and(|until| until > at);
        (usable && g.tenant.id == tenant_id).then(|| g.clone())
    }

    /// Keeps `g`, verified in a transaction begun after `stamp` was read —
    /// unless the stamp has moved on since, when `g` may be stale already.
    fn put(&self, stamp: u64, h: [u8; 32], g: Arc<Grant>) {
        let Ok(mut c) = self.inner.lock() else { return };
        if stamp > c.stamp {
            c.grants.clear();
            c.stamp = stamp;
        }
        if stamp == c.stamp {
            if c.grants.len() >= MAX_CACHED {
                c.grants.clear();
            }
            c.grants.insert(h, g);
        }
    }
}

/// Pending `last_used` updates, keyed by token id.
#[derive(Debug, Default)]
pub struct UsageTracker {
    pending: Mutex<HashMap<String, (OffsetDateTime, Option<String>)>>,
}

impl UsageTracker {
    fn record(&self, token_id: &str, at: OffsetDateTime, from: Option<&str>) {
        if let Ok(mut p) = self.pending.lock() {
            // Once per request: no allocation when the token is pending
            // already from the same address (the common case).
            match p.get_mut(token_id) {
                Some((last, last_from)) => {
                    *last = at;
                    if last_from.as_deref() != from {
                        *last_from = from.map(str::to_owned);
                    }
                }
                None => {
                    p.insert(token_id.to_owned(), (at, from.map(str::to_owned)));
                }
            }
        }
    }

    fn take(&self) -> HashMap<String, (OffsetDateTime, Option<String>)> {
        self.pending
            .lock()
            .map(|mut p| std::mem::take(&mut *p))
            .unwrap_or_default()
    }
}

impl Engine {
    /// Authenticates `presented` for the tenant `tenant_id` from `client`.
    /// An unknown tenant is indistinguishable from a wrong token (401), so
    /// tenant ids cannot be probed; a valid token on a tenant with SCIM off
    /// is 403 `scim_disabled`.
    pub fn authenticate(
        &self,
        tenant_id: &str,
        presented: Option<&Secret>,
        client: Option<&str>,
    ) -> Result<Arc<Grant>> {
        let h = presented.map(|p| hash(p.expose()));
        let stamp = self.store.auth_stamp();
        let grant = match self.cached(stamp, tenant_id, h.as_ref()) {
            Some(g) => g,
            None => {
                let g = Arc::new(self.read(|tx| authenticate_in(tx, tenant_id, h.as_ref()))?);
                self.keep(stamp, h, &g);
                g
            }
        };
        self.record_use(&grant, client);
        Ok(grant)
    }

    /// `authenticate` from the cache alone, or None: one `auth_stamp` and
    /// a map lookup, never a store transaction and never a wait, so the
    /// server may call it on its async workers (a write's check before it
    /// reads the body). Records no use: the request's session does.
    pub fn cached_grant(&self, tenant_id: &str, presented: Option<&Secret>) -> Option<Arc<Grant>> {
        let h = hash(presented?.expose());
        self.cached(self.store.auth_stamp(), tenant_id, Some(&h))
    }

    /// The cached grant of the token hashed `h`, if the stamp allows.
    pub(crate) fn cached(
        &self,
        stamp: Option<u64>,
        tenant_id: &str,
        h: Option<&[u8; 32]>,
    ) -> Option<Arc<Grant>> {
        self.tokens.get(stamp?, tenant_id, h?, now())
    }

    /// Keeps a grant verified in a transaction begun after `stamp` was read.
    pub(crate) fn keep(&self, stamp: Option<u64>, h: Option<[u8; 32]>, g: &Arc<Grant>) {
        if let (Some(stamp), Some(h)) = (stamp, h) {
            self.tokens.put(stamp, h, g.clone());
        }
    }

    pub(crate) fn record_use(&self, grant: &Grant, client: Option<&str>) {
        self.usage.record(&grant.token_id, now(), client);
    }

    /// Writes the pending `last_used` updates in one transaction. Called
    /// periodically by the server and once at shutdown.
    pub fn flush_token_usage(&self) -> Result<usize> {
        let pending = self.usage.take();
        if pending.is_empty() {
            return Ok(0);
        }
        let n = pending.len();
        self.write(|tx| {
            for (id, (at, from)) in &pending {
                tx.touch_token(id, *at, from.as_deref())?;
            }
            Ok(())
        })?;
        Ok(n)
    }
}

/// How a refusal of a regenerated-away token starts its note: the support
/// tools count these ("the IdP still has the old token").
pub const NOTE_PREVIOUS_TOKEN: &str = "authenticated with the previous token";
/// How the log marks a request that used the previous token within its
/// grace period (`token regenerate --grace`).
pub const NOTE_GRACE_TOKEN: &str = "used the previous token, accepted in its grace period";

/// Authentication inside an open transaction (see `Engine::authenticate`),
/// of the token whose SHA-256 is `presented`.
pub(crate) fn authenticate_in(
    tx: &dyn Tx,
    tenant_id: &str,
    presented: Option<&[u8; 32]>,
) -> Result<Grant> {
    let at = now();
    let reject = |fp: Option<String>, note: String, unknown_tenant: bool| {
        Err(EngineError::Unauthenticated(Rejection {
            fingerprint: fp,
            note,
            unknown_tenant,
        }))
    };
    let Some(&h) = presented else {
        return reject(None, "no bearer token in the request".into(), false);
    };
    let fp = fingerprint(&h);
    // An unknown tenant runs the same queries as a known one with a wrong
    // token (its live tokens are none, then the token is looked up by
    // hash), so the time taken does not tell whether the tenant exists.
    let tenant = tx.tenant_by_id(tenant_id)?;
    let live = live_match(tx, tenant_id, &h, at)?;
    let (tenant, rec) = match (tenant, live) {
        (Some(t), Some(rec)) => (t, rec),
        (tenant, _) => {
            let note = match (tx.token_by_hash(&h)?, &tenant) {
                (_, None) => format!("no tenant with id {tenant_id:?}"),
                (Some(r), Some(t)) if r.tenant_id != t.id => {
                    "a token of another tenant was used on this tenant's URL".to_owned()
                }
                (Some(r), Some(_)) => match (r.state, r.ended_at) {
                    (TokenState::Revoked, Some(end)) => format!(
                        "authenticated with a revoked token, revoked at {}",
                        rfc3339(end)
                    ),
                    (_, Some(end)) => {
                        format!("{NOTE_PREVIOUS_TOKEN}, replaced at {}", rfc3339(end))
                    }
                    _ => "a token that is no longer valid".to_owned(),
                },
                (None, Some(_)) => "a token this server never issued".to_owned(),
            };
            return reject(Some(fp), note, tenant.is_none());
        }
    };
    if !tenant.scim_enabled {
        return Err(EngineError::ScimDisabled);
    }
    Ok(Grant {
        tenant,
        token_id: rec.id,
        fingerprint: rec.fingerprint,
        token_state: rec.state,
        grace_until: rec.grace_until,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::Policy;

    fn grant(tenant: &str, state: TokenState, grace_until: Option<OffsetDateTime>) -> Arc<Grant> {
        Arc::new(Grant {
            tenant: Tenant {
                id: tenant.into(),
                name: tenant.into(),
                policy: Policy::Product,
                scim_enabled: true,
                created_at: now(),
            },
            token_id: "k".into(),
            fingerprint: "f".into(),
            token_state: state,
            grace_until,
        })
    }

    #[test]
    fn a_grant_lives_as_long_as_its_stamp() {
        let c = TokenCache::default();
        let (h, at) = (hash("scim_a"), now());
        c.put(1, h, grant("acme", TokenState::Active, None));
        assert!(c.get(1, "acme", &h, at).is_some());
        assert!(c.get(1, "other", &h, at).is_none(), "another tenant's URL");
        assert!(c.get(1, "acme", &hash("scim_b"), at).is_none());
        // The stamp moved: gone, and a grant verified before is not kept.
        assert!(c.get(2, "acme", &h, at).is_none());
        c.put(1, h, grant("acme", TokenState::Active, None));
        assert!(c.get(2, "acme", &h, at).is_none());
        // A request that read the older stamp goes to the store and
        // leaves the newer grants alone.
        c.put(2, h, grant("acme", TokenState::Active, None));
        assert!(c.get(1, "acme", &h, at).is_none());
        assert!(c.get(2, "acme", &h, at).is_some());
        // A put with a newer stamp starts over.
        let h2 = hash("scim_c");
        c.put(3, h2, grant("acme", TokenState::Active, None));
        assert!(c.get(3, "acme", &h, at).is_none());
        assert!(c.get(3, "acme", &h2, at).is_some());
    }

    #[test]
    fn a_previous_token_expires_by_itself() {
        let c = TokenCache::default();
        let (h, at) = (hash("scim_a"), now());
        let until = at + time::Duration::seconds(10);
        c.put(1, h, grant("acme", TokenState::Previous, Some(until)));
        assert!(c.get(1, "acme", &h, at).is_some());
        assert!(c.get(1, "acme", &h, until).is_none());
        c.put(1, h, grant("acme", TokenState::Revoked, None));
        assert!(c.get(1, "acme", &h, at).is_none());
    }

    #[test]
    fn the_cache_is_bounded() {
        let c = TokenCache::default();
        for i in 0..(MAX_CACHED + 10) {
            c.put(
                1,
                hash(&format!("scim_{i}")),
                grant("acme", TokenState::Active, None),
            );
        }
        assert!(c.inner.lock().unwrap().grants.len() <= MAX_CACHED);
    }
}
