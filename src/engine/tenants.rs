//! Tenants and their SCIM switch.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use serde_json::json;

use super::error::{EngineError, Result};
use super::events::{EventType, event_tenant};
use super::model::{MemberCounts, Policy, Tenant};
use super::store::Tx;
use super::{Engine, new_id, now, tenant_url};

/// A tenant as the tools show it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TenantInfo {
    pub id: String,
    pub name: String,
    pub policy: Policy,
    pub scim_enabled: bool,
    pub tenant_url: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// The tenant a command acts on when none is named: the only one there is
/// (the same rule for the local store and a remote server's list).
pub fn only_tenant<T>(mut all: Vec<T>) -> Result<T> {
    match all.len() {
        0 => Err(EngineError::NoTenants),
        1 => Ok(all.remove(0)),
        count => Err(EngineError::TenantNotChosen { count }),
    }
}

impl TenantInfo {
    /// The tenant this describes (as a remote server lists it).
    pub fn into_tenant(self) -> Tenant {
        Tenant {
            id: self.id,
            name: self.name,
            policy: self.policy,
            scim_enabled: self.scim_enabled,
            created_at: self.created_at,
        }
    }

    pub fn new(t: &Tenant, public_url: &str) -> TenantInfo {
        TenantInfo {
            id: t.id.clone(),
            name: t.name.clone(),
            policy: t.policy,
            scim_enabled: t.scim_enabled,
            tenant_url: tenant_url(public_url, &t.id),
            created_at: t.created_at,
        }
    }
}

/// `tenant show`: the tenant with what it holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TenantDetail {
    #[serde(flatten)]
    pub tenant: TenantInfo,
    pub members: MemberCounts,
    pub groups: u64,
    pub properties: u64,
    pub has_token: bool,
}

/// The outcome of `scim enable` / `scim disable`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ScimSwitch {
    pub tenant_id: String,
    pub scim_enabled: bool,
    /// False when SCIM already was in the requested state.
    pub changed: bool,
}

pub const MAX_TENANT_ID: usize = 64;

fn check_id(id: &str) -> Result<()> {
    let ok = !id.is_empty()
        && id.len() <= MAX_TENANT_ID
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(EngineError::InvalidTenantId(id.to_owned()))
    }
}

fn check_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(EngineError::InvalidTenantName("the name is empty".into()));
    }
    if name.chars().count() > 200 {
        return Err(EngineError::InvalidTenantName(
            "the name is longer than 200 characters".into(),
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(EngineError::InvalidTenantName(
            "the name contains control characters".into(),
        ));
    }
    Ok(name.to_owned())
}

/// Finds a tenant by id, else by name (case-insensitive).
pub(crate) fn find(tx: &dyn Tx, key: &str) -> Result<Option<Tenant>> {
    if let Some(t) = tx.tenant_by_id(key)? {
        return Ok(Some(t));
    }
    tx.tenant_by_name(&key.to_lowercase())
}

pub(crate) fn get(tx: &dyn Tx, key: &str) -> Result<Tenant> {
    find(tx, key)?.ok_or_else(|| EngineError::TenantNotFound(key.to_owned()))
}

impl Engine {
    pub fn create_tenant(&self, name: &str, id: Option<&str>, policy: Policy) -> Result<Tenant> {
        let name = check_name(name)?;
        let id = match id {
            Some(id) => {
                check_id(id)?;
                id.to_owned()
            }
            None => new_id(),
        };
        self.write(|tx| {
            if tx.tenant_by_id(&id)?.is_some() {
                return Err(EngineError::TenantExists {
                    field: "id",
                    value: id.clone(),
                });
            }
            // Names and ids share one namespace (`--tenant` takes either, id
            // first): an id that is another tenant's name would shadow it.
            if tx.tenant_by_name(&id)?.is_some() {
                return Err(EngineError::TenantExists {
                    field: "name",
                    value: id.clone(),
                });
            }
            // Likewise a name that is, in any case, another tenant's id.
            if tx.tenant_by_name(&name.to_lowercase())?.is_some()
                || tx.tenant_by_id(&name.to_lowercase())?.is_some()
            {
                return Err(EngineError::TenantExists {
                    field: "name",
                    value: name.clone(),
                });
            }
            let t = Tenant {
                id: id.clone(),
                name: name.clone(),
                policy,
                scim_enabled: false,
                created_at: now(),
            };
            tx.insert_tenant(&t)?;
            self.audit(tx, Some(&t.id), "tenant.create", Some(&t.name), None)?;
            self.emit(
                tx,
                &t.id,
                EventType::TenantCreated,
                json!({"tenant": event_tenant(&t)}),
            )?;
            Ok(t)
        })
    }

    pub fn tenants(&self) -> Result<Vec<Tenant>> {
        self.read(|tx| tx.tenants())
    }

    /// The tenant named by `key` (id or name); without one, the only tenant.
    pub fn resolve_tenant(&self, key: Option<&str>) -> Result<Tenant> {
        self.read(|tx| match key {
            Some(k) => get(tx, k),
            None => only_tenant(tx.tenants()?),
        })
    }

    pub fn tenant_detail(&self, tenant: &Tenant, public_url: &str) -> Result<TenantDetail> {
        self.read(|tx| {
            let t = get(tx, &tenant.id)?;
            Ok(TenantDetail {
                members: tx.member_counts(&t.id)?,
                groups: tx.groups(&t.id)?.len() as u64,
                properties: tx.properties(&t.id)?.len() as u64,
                has_token: tx
                    .live_tokens(&t.id)?
                    .iter()
                    .any(|k| k.state == super::model::TokenState::Active),
                tenant: TenantInfo::new(&t, public_url),
            })
        })
    }

    /// Deletes the tenant, then its provisioning log. The log is another
    /// file (its own transactions), so it goes right after the store's
    /// commit: first forgotten in one small transaction (a tenant later
    /// created with the same id sees an empty log), then its records in
    /// chunks. Should that fail, the tenant stays deleted and the log
    /// writer's next prune forgets the log of every tenant the store no
    /// longer has.
    pub fn delete_tenant(&self, tenant: &Tenant) -> Result<()> {
        self.write(|tx| {
            if !tx.delete_tenant(&tenant.id)? {
                return Err(EngineError::TenantNotFound(tenant.id.clone()));
            }
            self.audit(
                tx,
                Some(&tenant.id),
                "tenant.delete",
                Some(&tenant.name),
                None,
            )?;
            self.emit(
                tx,
                &tenant.id,
                EventType::TenantDeleted,
                json!({"tenant": event_tenant(tenant)}),
            )
        })?;
        if let Err(e) = self.forget_tenant_log(&tenant.id) {
            tracing::warn!(tenant = %tenant.id, error = %e, "tenant deleted, but not its provisioning log yet (the next prune removes it)");
        }
        Ok(())
    }

    pub fn set_scim_enabled(&self, tenant: &Tenant, enabled: bool) -> Result<ScimSwitch> {
        self.write(|tx| {
            let mut t = get(tx, &tenant.id)?;
            let changed = t.scim_enabled != enabled;
            if changed {
                t.scim_enabled = enabled;
                tx.update_tenant(&t)?;
                let action = if enabled {
                    "scim.enable"
                } else {
                    "scim.disable"
                };
                self.audit(tx, Some(&t.id), action, None, None)?;
                let kind = match enabled {
                    true => EventType::ScimEnabled,
                    false => EventType::ScimDisabled,
                };
                self.emit(tx, &t.id, kind, json!({"tenant": event_tenant(&t)}))?;
            }
            Ok(ScimSwitch {
                tenant_id: t.id,
                scim_enabled: enabled,
                changed,
            })
        })
    }

    /// Changes the tenant's attribute policy. Only while it has no members:
    /// the policies keep users in different namespaces (global accounts
    /// under `product`, the tenant's own under `standard`).
    pub fn set_policy(&self, tenant: &Tenant, policy: Policy) -> Result<Tenant> {
        self.write(|tx| {
            let mut t = get(tx, &tenant.id)?;
            if t.policy == policy {
                return Ok(t);
            }
            let members = tx.member_total(&t.id)?;
            if members > 0 {
                return Err(EngineError::PolicyLocked {
                    tenant: t.name,
                    members,
                });
            }
            t.policy = policy;
            tx.update_tenant(&t)?;
            self.audit(tx, Some(&t.id), "scim.policy", Some(policy.as_str()), None)?;
            self.emit(
                tx,
                &t.id,
                EventType::TenantUpdated,
                json!({"tenant": event_tenant(&t), "changed": ["policy"]}),
            )?;
            Ok(t)
        })
    }
}
