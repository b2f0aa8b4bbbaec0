//! Provisioning events: what changed in a tenant's directory, for the
//! product that scimctl serves (the events API, `scimctl events`, webhooks).
//!
//! An event is written by the engine in the same transaction as the change
//! it tells of (`Engine::emit`), so there is no change without its event and
//! no event without its change. Events are numbered in commit order (see
//! `store::EventTx`): a consumer keeps the last number it has seen as its
//! cursor and asks for what comes after it, and never skips one.
//!
//! The payload (`data`) of each type is documented in README.md
//! ("Provisioning events"); its shape is a contract with the product.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use time::OffsetDateTime;

use super::error::Result;
use super::model::{Account, Group, Membership, Tenant};
use super::store::Tx;
use super::{Engine, new_id, now};

/// The kinds of event, by their wire names.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::EnumIter,
)]
pub enum EventType {
    #[serde(rename = "user.created")]
    #[strum(serialize = "user.created")]
    UserCreated,
    #[serde(rename = "user.updated")]
    #[strum(serialize = "user.updated")]
    UserUpdated,
    #[serde(rename = "user.deactivated")]
    #[strum(serialize = "user.deactivated")]
    UserDeactivated,
    #[serde(rename = "user.reactivated")]
    #[strum(serialize = "user.reactivated")]
    UserReactivated,
    #[serde(rename = "user.unlinked")]
    #[strum(serialize = "user.unlinked")]
    UserUnlinked,
    #[serde(rename = "user.transferred")]
    #[strum(serialize = "user.transferred")]
    UserTransferred,
    #[serde(rename = "user.moved_in")]
    #[strum(serialize = "user.moved_in")]
    UserMovedIn,
    #[serde(rename = "user.moved_out")]
    #[strum(serialize = "user.moved_out")]
    UserMovedOut,
    #[serde(rename = "group.created")]
    #[strum(serialize = "group.created")]
    GroupCreated,
    #[serde(rename = "group.updated")]
    #[strum(serialize = "group.updated")]
    GroupUpdated,
    #[serde(rename = "group.deleted")]
    #[strum(serialize = "group.deleted")]
    GroupDeleted,
    #[serde(rename = "group.member_added")]
    #[strum(serialize = "group.member_added")]
    GroupMemberAdded,
    #[serde(rename = "group.member_removed")]
    #[strum(serialize = "group.member_removed")]
    GroupMemberRemoved,
    #[serde(rename = "group.assigned")]
    #[strum(serialize = "group.assigned")]
    GroupAssigned,
    #[serde(rename = "invitation.queued")]
    #[strum(serialize = "invitation.queued")]
    InvitationQueued,
    #[serde(rename = "invitation.sent")]
    #[strum(serialize = "invitation.sent")]
    InvitationSent,
    #[serde(rename = "invitation.failed")]
    #[strum(serialize = "invitation.failed")]
    InvitationFailed,
    #[serde(rename = "invitation.redeemed")]
    #[strum(serialize = "invitation.redeemed")]
    InvitationRedeemed,
    #[serde(rename = "scim.enabled")]
    #[strum(serialize = "scim.enabled")]
    ScimEnabled,
    #[serde(rename = "scim.disabled")]
    #[strum(serialize = "scim.disabled")]
    ScimDisabled,
    #[serde(rename = "scim.deprovisioning_held")]
    #[strum(serialize = "scim.deprovisioning_held")]
    DeprovisioningHeld,
    #[serde(rename = "scim.guard_updated")]
    #[strum(serialize = "scim.guard_updated")]
    GuardUpdated,
    #[serde(rename = "scim.guard_approved")]
    #[strum(serialize = "scim.guard_approved")]
    GuardApproved,
    #[serde(rename = "scim.guard_rejected")]
    #[strum(serialize = "scim.guard_rejected")]
    GuardRejected,
    #[serde(rename = "scim.guard_reset")]
    #[strum(serialize = "scim.guard_reset")]
    GuardReset,
    #[serde(rename = "token.generated")]
    #[strum(serialize = "token.generated")]
    TokenGenerated,
    #[serde(rename = "token.regenerated")]
    #[strum(serialize = "token.regenerated")]
    TokenRegenerated,
    #[serde(rename = "token.revoked")]
    #[strum(serialize = "token.revoked")]
    TokenRevoked,
    #[serde(rename = "tenant.created")]
    #[strum(serialize = "tenant.created")]
    TenantCreated,
    #[serde(rename = "tenant.updated")]
    #[strum(serialize = "tenant.updated")]
    TenantUpdated,
    #[serde(rename = "tenant.deleted")]
    #[strum(serialize = "tenant.deleted")]
    TenantDeleted,
}

impl EventType {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Parses a wire name, or says which names there are.
    pub fn parse(s: &str) -> std::result::Result<EventType, String> {
        s.parse().map_err(|_| {
            let known: Vec<&str> = <EventType as strum::IntoEnumIterator>::iter()
                .map(EventType::as_str)
                .collect();
            format!(
                "unknown event type {s:?}; the types are: {}",
                known.join(", ")
            )
        })
    }
}

impl std::fmt::Display for EventType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who made a change: the tenant's identity provider through a SCIM
/// request (by the request id its log record and `diagnose request` know),
/// or an administrator (the CLI's user, an admin key, the delivery worker).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Actor {
    Idp { request_id: String },
    Admin { name: String },
}

/// One change to a tenant's directory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Where the event stands among all events: the cursor to ask for what
    /// comes after it (`after=`). Increasing in commit order, never reused.
    pub seq: i64,
    /// A unique id (UUID v7), the same in the API, the CLI and webhooks.
    pub id: String,
    #[serde(rename = "type")]
    pub kind: EventType,
    pub tenant_id: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub actor: Actor,
    pub data: Value,
}

/// Which events to read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventQuery {
    /// One tenant's; None: every tenant's (operators).
    pub tenant_id: Option<String>,
    /// Only these types (none: all).
    pub types: Vec<EventType>,
    /// Only events after this cursor, oldest first.
    pub after: Option<i64>,
    /// At most this many (0: no limit). Without `after`, the newest.
    pub limit: u32,
}

/// How long events are kept unless `event_retention_days` says otherwise:
/// long enough for a webhook endpoint that was down over a holiday.
pub const DEFAULT_RETENTION_DAYS: u32 = 30;

/// The most events one call of the events API returns.
pub const MAX_EVENTS_PAGE: u32 = 1000;

/// A user as events show it.
pub(crate) fn event_user(m: &Membership, a: &Account) -> Value {
    json!({
        "id": m.id,
        "userName": a.user_name,
        "externalId": m.external_id,
        "active": m.active,
        "name": {"givenName": a.given_name, "familyName": a.family_name},
        "managedBy": m.managed_by.as_str(),
    })
}

/// A tenant as events show it.
pub(crate) fn event_tenant(t: &Tenant) -> Value {
    json!({
        "id": t.id,
        "name": t.name,
        "policy": t.policy.as_str(),
        "scim_enabled": t.scim_enabled,
    })
}

/// A group as events show it.
pub(crate) fn event_group(g: &Group) -> Value {
    json!({
        "id": g.id,
        "displayName": g.display_name,
        "externalId": g.external_id,
    })
}

/// Top-level attributes whose values differ between two stored documents
/// of extra attributes (JSON objects as text).
pub(crate) fn doc_changes(before: Option<&str>, after: Option<&str>, out: &mut Vec<String>) {
    if before == after {
        return;
    }
    let parse = |d: Option<&str>| -> serde_json::Map<String, Value> {
        d.and_then(|d| serde_json::from_str::<Value>(d).ok())
            .and_then(|v| match v {
                Value::Object(m) => Some(m),
                _ => None,
            })
            .unwrap_or_default()
    };
    let (b, a) = (parse(before), parse(after));
    let mut keys: Vec<&String> = b.keys().chain(a.keys()).collect();
    keys.sort();
    keys.dedup();
    for k in keys {
        if b.get(k) != a.get(k) {
            out.push(k.clone());
        }
    }
}

impl Engine {
    /// Who acts through this engine, as events name it.
    pub(crate) fn event_actor(&self) -> Actor {
        match &self.request {
            Some(id) => Actor::Idp {
                request_id: id.to_string(),
            },
            None => Actor::Admin {
                name: self.actor.to_string(),
            },
        }
    }

    /// Records an event of `tenant_id` in `tx`, the transaction of the
    /// change it tells of.
    pub(crate) fn emit(
        &self,
        tx: &dyn Tx,
        tenant_id: &str,
        kind: EventType,
        data: Value,
    ) -> Result<()> {
        let mut e = Event {
            seq: 0,
            id: new_id(),
            kind,
            tenant_id: tenant_id.to_owned(),
            at: now(),
            actor: self.event_actor(),
            data,
        };
        tx.insert_event(&mut e)
    }

    /// The events `q` selects, oldest first.
    pub fn events(&self, q: &EventQuery) -> Result<Vec<Event>> {
        self.read(|tx| tx.events(q))
    }

    /// Removes events older than `retention_days`, in chunks of their own
    /// transactions; returns how many.
    pub fn prune_events(&self, retention_days: u32) -> Result<u64> {
        let Some(before) =
            time::Duration::checked_seconds_f64(f64::from(retention_days) * 86_400.0)
                .and_then(|d| now().checked_sub(d))
        else {
            return Ok(0);
        };
        // The guard's counts: none is older than its longest window.
        if let Some(t) = now().checked_sub(time::Duration::seconds(super::guard::MAX_WINDOW_SECS)) {
            self.write(|tx| tx.prune_deprovisions(t))?;
        }
        let mut total = 0;
        loop {
            let n = self.write(|tx| tx.prune_events(before, 2_000))?;
            total += n;
            if n < 2_000 {
                return Ok(total);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn every_type_parses_back_from_its_wire_name() {
        for t in EventType::iter() {
            assert_eq!(EventType::parse(t.as_str()), Ok(t));
            let wire = serde_json::to_value(t).unwrap_or_default();
            assert_eq!(wire, Value::String(t.as_str().into()));
        }
        let e = EventType::parse("user.exploded").unwrap_err();
        assert!(e.contains("user.created"), "{e}");
    }

    #[test]
    fn doc_changes_names_each_differing_attribute_once() {
        let mut out = Vec::new();
        doc_changes(
            Some(r#"{"title":"a","locale":"en","x":1}"#),
            Some(r#"{"title":"b","locale":"en","nickName":"z"}"#),
            &mut out,
        );
        assert_eq!(out, vec!["nickName", "title", "x"]);
        out.clear();
        doc_changes(Some("{}"), Some("{}"), &mut out);
        assert!(out.is_empty());
    }
}
