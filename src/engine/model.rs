//! The domain: tenants, accounts, memberships, groups, tokens and the records
//! the store keeps about them. Plain data; the rules live in the sibling
//! modules (`tenants`, `tokens`, `users`, `groups`).

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// `as_str` and `parse` of the stored and printed names, which strum derives
/// from each enum's `serialize_all` (exact spelling only).
macro_rules! named {
    ($($t:ident),*) => {$(
        impl $t {
            pub fn as_str(self) -> &'static str {
                self.into()
            }
            pub fn parse(s: &str) -> Option<$t> {
                s.parse().ok()
            }
        }
    )*};
}
named!(Policy, MemberKind, ManagedBy, AssignmentKind, TokenState);

/// Which attribute rules a tenant's SCIM endpoint enforces.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    Default,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::EnumIter,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Policy {
    /// The vendor's rules (product.md rules 2–4): email userName, immutable,
    /// five supported attributes, global accounts shared across tenants.
    #[default]
    Product,
    /// RFC 7643 in full; the tenant's userNames are its own namespace.
    Standard,
}

/// One customer subscription (the article's "subscription" or "portfolio").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tenant {
    pub id: String,
    pub name: String,
    pub policy: Policy,
    pub scim_enabled: bool,
    pub created_at: OffsetDateTime,
}

impl Tenant {
    /// Where the tenant's userNames live: one global namespace under
    /// `product` (one account per email), the tenant's own under `standard`.
    pub fn namespace(&self) -> &str {
        match self.policy {
            Policy::Product => GLOBAL_NAMESPACE,
            Policy::Standard => &self.id,
        }
    }
}

/// A site of a tenant (a hotel); groups hand properties to their members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Property {
    pub id: String,
    pub tenant_id: String,
    pub name: String,
    pub created_at: OffsetDateTime,
}

/// Namespace of accounts under the `product` policy: one person, one account,
/// shared by every tenant it is linked to.
pub const GLOBAL_NAMESPACE: &str = "";

/// One person's account. Under `product` the namespace is global and the
/// userName is the email; under `standard` the namespace is the tenant's id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: String,
    pub namespace: String,
    pub user_name: String,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::EnumIter,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum MemberKind {
    /// Works at the tenant's properties; the only kind SCIM manages.
    Property,
    /// Portfolio-level user; SCIM never writes to it.
    Central,
}

/// Who owns a member inside one tenant.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    PartialOrd,
    Ord,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::EnumIter,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum ManagedBy {
    /// Provisioned by this tenant's SCIM client.
    Idp,
    /// Created by the tenant's admins; the first SCIM write transfers it.
    Tenant,
    /// Logs into other tenants too; SCIM can never manage it.
    #[serde(rename = "self")]
    #[strum(serialize = "self")]
    SelfManaged,
}

impl ManagedBy {
    pub const ALL: [ManagedBy; 3] = [ManagedBy::Idp, ManagedBy::Tenant, ManagedBy::SelfManaged];
}

/// The link of an account to a tenant. Its id is the SCIM `id` the tenant
/// sees, so two tenants never share an id for the same person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub id: String,
    pub tenant_id: String,
    pub account_id: String,
    pub kind: MemberKind,
    pub managed_by: ManagedBy,
    pub active: bool,
    pub external_id: Option<String>,
    /// The rest of a `standard` resource as a JSON document.
    pub doc: Option<String>,
    pub version: i64,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub id: String,
    pub tenant_id: String,
    pub display_name: String,
    pub external_id: Option<String>,
    pub doc: Option<String>,
    pub version: i64,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

/// What a group hands to its members, assigned in the product (not by the IdP).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::EnumIter,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum AssignmentKind {
    Property,
    Role,
    Permission,
    Cashier,
    LearningPath,
    GuestMessage,
}

/// One typed value a group carries. For `Property` the value is the property id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Assignment {
    pub kind: AssignmentKind,
    pub value: String,
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::EnumIter,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum TokenState {
    /// The tenant's current token.
    Active,
    /// The one before, still accepted until `grace_until` (zero-downtime rotation).
    Previous,
    /// Replaced by a newer token; kept (hash only) so the log can recognise it.
    Superseded,
    /// Revoked by an administrator.
    Revoked,
}

/// A SCIM bearer token as stored: never the secret, only its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenRecord {
    pub id: String,
    pub tenant_id: String,
    pub hash: [u8; 32],
    pub fingerprint: String,
    pub state: TokenState,
    pub created_at: OffsetDateTime,
    pub last_used_at: Option<OffsetDateTime>,
    pub last_used_from: Option<String>,
    /// When it stopped being the active token (superseded or revoked).
    pub ended_at: Option<OffsetDateTime>,
    /// End of the grace period of a `Previous` token.
    pub grace_until: Option<OffsetDateTime>,
}

/// A sign-up invitation waiting in (or sent from) the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub id: String,
    pub tenant_id: String,
    pub membership_id: String,
    pub email: String,
    pub enqueued_at: OffsetDateTime,
    /// When an SMTP server accepted the message carrying the live link.
    pub sent_at: Option<OffsetDateTime>,
    pub delivery: Delivery,
}

/// Where an invitation's delivery stands: its lease, its attempts and the
/// sign-up link's token (by its SHA-256 only).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Delivery {
    /// Claims so far (each claim is one attempt to send).
    pub attempts: u32,
    /// Not to be tried before this (a transient failure's backoff).
    pub next_attempt_at: Option<OffsetDateTime>,
    /// A sender holds the row until then; after it, another may claim it.
    pub lease_until: Option<OffsetDateTime>,
    /// The SMTP server's last answer (or the connection's failure).
    pub last_error: Option<String>,
    /// Given up: a permanent refusal, or too many transient ones.
    pub failed_at: Option<OffsetDateTime>,
    pub token_hash: Option<[u8; 32]>,
    pub token_expires_at: Option<OffsetDateTime>,
    pub redeemed_at: Option<OffsetDateTime>,
}

/// An audit record: who changed what outside the provisioning log
/// (administrator actions, ownership transfers, unlinks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    pub at: OffsetDateTime,
    pub tenant_id: Option<String>,
    pub actor: String,
    pub action: String,
    pub subject: Option<String>,
    pub detail: Option<String>,
}

/// Member counts of a tenant by owner.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberCounts {
    pub idp: u64,
    pub tenant: u64,
    #[serde(rename = "self")]
    pub self_managed: u64,
    pub total: u64,
}

/// A member of a tenant together with its account: what a SCIM User is
/// built from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRecord {
    pub membership: Membership,
    pub account: Account,
}

/// A group member as a SCIM Group lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRef {
    pub membership_id: String,
    pub user_name: String,
    /// The member's `display` as the SCIM client sent it, if it sent one.
    pub display: Option<String>,
}

/// An admin key as the store keeps it: never the key, only its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminKeyRecord {
    pub id: String,
    /// Unique, lower-case.
    pub name: String,
    /// None: an operator key (every tenant).
    pub tenant_id: Option<String>,
    pub hash: [u8; 32],
    pub fingerprint: String,
    pub created_at: OffsetDateTime,
    pub last_used_at: Option<OffsetDateTime>,
    pub revoked_at: Option<OffsetDateTime>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    /// serde's spelling (the JSON faces) and strum's (the store, the CLI)
    /// are derived from two attributes: they must agree, and parse back.
    fn agree<T>()
    where
        T: IntoEnumIterator + Serialize + Copy + PartialEq + std::fmt::Debug + Into<&'static str>,
        T: std::str::FromStr,
    {
        for v in T::iter() {
            let name: &'static str = v.into();
            assert_eq!(serde_json::to_value(v).unwrap(), name, "{v:?}");
            assert!(matches!(name.parse::<T>(), Ok(p) if p == v), "{v:?}");
        }
    }

    #[test]
    fn every_name_is_spelled_once() {
        agree::<Policy>();
        agree::<MemberKind>();
        agree::<ManagedBy>();
        agree::<AssignmentKind>();
        agree::<TokenState>();
        assert_eq!(ManagedBy::SelfManaged.as_str(), "self");
        assert_eq!(
            AssignmentKind::parse("learning_path"),
            Some(AssignmentKind::LearningPath)
        );
        assert_eq!(Policy::parse("Product"), None, "exact spelling only");
    }
}
