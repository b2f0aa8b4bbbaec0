//! Admin keys: the credentials of the admin API (`/admin/v1`). Made like
//! SCIM tokens (`tokens.rs`: 256-bit random, shown once, stored only as
//! SHA-256, a short fingerprint for display), with their own prefix so a
//! leaked key is recognisable and never mistaken for a SCIM token. A key
//! without a tenant is an operator key (every tenant); a scoped key may
//! touch only its tenant. Created, listed and revoked on the server host.

use serde::Serialize;
use subtle::ConstantTimeEq;
use time::OffsetDateTime;

use super::error::{EngineError, Result};
use super::model::{AdminKeyRecord, Tenant};
use super::store::Tx;
use super::tokens::{Secret, fingerprint, hash, new_secret};
use super::{Engine, new_id, now, tenants};

/// Every admin key starts with this (secret scanners, and never a SCIM token).
pub const ADMIN_KEY_PREFIX: &str = "scimadm_";

/// The longest key name.
pub const MAX_NAME: usize = 64;

/// How stale `last_used_at` may get before a request writes it again: an
/// admin request stays a read for the store most of the time.
const TOUCH_EVERY: time::Duration = time::Duration::minutes(1);

/// An admin key as the tools show it; never the secret.
#[derive(Debug, Clone, Serialize)]
pub struct AdminKeyInfo {
    pub name: String,
    /// The tenant a scoped key may touch; None for an operator key.
    pub tenant_id: Option<String>,
    /// `operator` or `tenant`.
    pub scope: &'static str,
    pub fingerprint: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub last_used_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub revoked_at: Option<OffsetDateTime>,
}

impl AdminKeyInfo {
    fn new(k: &AdminKeyRecord) -> AdminKeyInfo {
        AdminKeyInfo {
            name: k.name.clone(),
            tenant_id: k.tenant_id.clone(),
            scope: if k.tenant_id.is_some() {
                "tenant"
            } else {
                "operator"
            },
            fingerprint: k.fingerprint.clone(),
            created_at: k.created_at,
            last_used_at: k.last_used_at,
            revoked_at: k.revoked_at,
        }
    }
}

/// A freshly created key: the only time it exists outside its holder.
#[derive(Debug)]
pub struct IssuedAdminKey {
    pub key: Secret,
    pub info: AdminKeyInfo,
}

/// The stable `--output json` shape of a key shown once.
#[derive(Serialize)]
pub struct IssuedAdminKeyJson<'a> {
    pub key: &'a str,
    #[serde(flatten)]
    pub info: &'a AdminKeyInfo,
}

impl IssuedAdminKey {
    pub fn json(&self) -> IssuedAdminKeyJson<'_> {
        IssuedAdminKeyJson {
            key: self.key.expose(),
            info: &self.info,
        }
    }
}

/// Who an admin request authenticated as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminGrant {
    pub name: String,
    /// None: an operator key.
    pub tenant_id: Option<String>,
}

impl AdminGrant {
    /// The audit trail's actor for what this key does.
    pub fn actor(&self) -> String {
        format!("admin:{}", self.name)
    }

    /// Whether the key may touch `tenant` (operator keys touch all).
    pub fn allows(&self, tenant_id: &str) -> bool {
        self.tenant_id.as_deref().is_none_or(|t| t == tenant_id)
    }
}

fn check_name(name: &str) -> Result<String> {
    let n = name.trim().to_lowercase();
    let ok = !n.is_empty()
        && n.len() <= MAX_NAME
        && n.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '@'));
    if !ok {
        return Err(EngineError::InvalidValue {
            field: "admin key name",
            reason: format!(
                "\"{name}\" is not valid: use 1 to {MAX_NAME} characters of a-z, 0-9, '-', '_', '.' and '@'"
            ),
        });
    }
    Ok(n)
}

impl Engine {
    /// The same engine acting as someone else (the audit trail's actor):
    /// the admin API runs each request as `admin:<key name>`.
    pub fn with_actor(&self, actor: &str) -> Engine {
        Engine {
            actor: actor.into(),
            ..self.clone()
        }
    }

    /// Creates a key named `name`, scoped to `tenant` or (None) an operator key.
    pub fn create_admin_key(&self, name: &str, tenant: Option<&Tenant>) -> Result<IssuedAdminKey> {
        let name = check_name(name)?;
        let key = new_secret(ADMIN_KEY_PREFIX)?;
        let h = hash(key.expose());
        self.write(|tx| {
            let tenant_id = match tenant {
                Some(t) => Some(tenants::get(tx, &t.id)?.id),
                None => None,
            };
            if tx.admin_key_by_name(&name)?.is_some() {
                return Err(EngineError::AdminKeyExists { name: name.clone() });
            }
            let record = AdminKeyRecord {
                id: new_id(),
                name: name.clone(),
                tenant_id,
                hash: h,
                fingerprint: fingerprint(&h),
                created_at: now(),
                last_used_at: None,
                revoked_at: None,
            };
            tx.insert_admin_key(&record)?;
            self.audit(
                tx,
                record.tenant_id.as_deref(),
                "admin_key.create",
                Some(&record.name),
                Some(format!("fingerprint {}", record.fingerprint)),
            )?;
            Ok(IssuedAdminKey {
                key: key.clone(),
                info: AdminKeyInfo::new(&record),
            })
        })
    }

    /// Every key, revoked ones too; never a secret.
    pub fn admin_keys(&self) -> Result<Vec<AdminKeyInfo>> {
        self.read(|tx| Ok(tx.admin_keys()?.iter().map(AdminKeyInfo::new).collect()))
    }

    /// Revokes the key at once: its next request is refused. Revoking a
    /// revoked key changes nothing.
    pub fn revoke_admin_key(&self, name: &str) -> Result<AdminKeyInfo> {
        let name = name.trim().to_lowercase();
        self.write(|tx| {
            let mut k = tx
                .admin_key_by_name(&name)?
                .ok_or_else(|| EngineError::AdminKeyNotFound { name: name.clone() })?;
            if k.revoked_at.is_none() {
                k.revoked_at = Some(now());
                tx.update_admin_key(&k)?;
                self.audit(
                    tx,
                    k.tenant_id.as_deref(),
                    "admin_key.revoke",
                    Some(&k.name),
                    Some(format!("fingerprint {}", k.fingerprint)),
                )?;
            }
            Ok(AdminKeyInfo::new(&k))
        })
    }

    /// Checks a presented admin key. Nothing is cached, so a revoke in
    /// another process takes effect on the very next request.
    pub fn authenticate_admin(&self, presented: Option<&Secret>) -> Result<AdminGrant> {
        let Some(presented) = presented else {
            return Err(EngineError::AdminKeyRejected("no admin key was given"));
        };
        let h = hash(presented.expose());
        let at = now();
        let found = self.read(|tx| live_key(tx, &h))?;
        let Some(k) = found else {
            return Err(EngineError::AdminKeyRejected(
                "the admin key is unknown or revoked",
            ));
        };
        if k.last_used_at.is_none_or(|l| at - l >= TOUCH_EVERY) {
            self.write(|tx| {
                // Re-read: a revoke may have landed between the two transactions.
                match live_key(tx, &h)? {
                    Some(mut k) => {
                        k.last_used_at = Some(at);
                        tx.update_admin_key(&k)
                    }
                    None => Err(EngineError::AdminKeyRejected(
                        "the admin key is unknown or revoked",
                    )),
                }
            })?;
        }
        Ok(AdminGrant {
            name: k.name,
            tenant_id: k.tenant_id,
        })
    }
}

/// The unrevoked key whose hash equals `h`, compared in constant time.
fn live_key(tx: &dyn Tx, h: &[u8; 32]) -> Result<Option<AdminKeyRecord>> {
    Ok(tx
        .admin_key_by_hash(h)?
        .filter(|k| bool::from(k.hash.ct_eq(h)) && k.revoked_at.is_none()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked_and_lower_cased() {
        assert_eq!(check_name(" CI-Bot ").unwrap(), "ci-bot");
        assert_eq!(check_name("alice@ops").unwrap(), "alice@ops");
        for bad in ["", "a b", "x/y", &"k".repeat(MAX_NAME + 1)] {
            assert_eq!(check_name(bad).unwrap_err().reason(), "invalid_value");
        }
    }

    #[test]
    fn grant_scope() {
        let op = AdminGrant {
            name: "op".into(),
            tenant_id: None,
        };
        let scoped = AdminGrant {
            name: "a".into(),
            tenant_id: Some("acme".into()),
        };
        assert!(op.allows("acme") && op.allows("other"));
        assert!(scoped.allows("acme") && !scoped.allows("other"));
        assert_eq!(scoped.actor(), "admin:a");
    }
}
