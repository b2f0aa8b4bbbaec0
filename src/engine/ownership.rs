//! The product's ownership rules (product.md rules 5–8) and the sign-up
//! invitation rule. Every face reaches them through the engine's
//! operations; nothing else decides who may change a member.

use serde_json::json;

use super::error::{EngineError, Result};
use super::events::EventType;
use super::model::{AssignmentKind, Invitation, ManagedBy, MemberKind, MemberRecord, Membership};
use super::store::Tx;
use super::{Engine, new_id, now};

/// May SCIM write (PATCH, PUT, DELETE) to this member? Central users and
/// accounts that log into other tenants are the product's alone.
pub(crate) fn check_scim_write(rec: &MemberRecord) -> Result<()> {
    if rec.membership.kind == MemberKind::Central {
        return Err(EngineError::CentralUser {
            email: rec.account.user_name.clone(),
        });
    }
    if rec.membership.managed_by == ManagedBy::SelfManaged {
        return Err(EngineError::ExternalAccounts {
            email: rec.account.user_name.clone(),
        });
    }
    Ok(())
}

/// Whether a group hands out at least one property.
/// The invitation rule: a member gets its one sign-up email once it is an
/// active, IdP-managed member of a group that has a property. Returns why
/// not yet, or None when it is due. (The group check runs only if needed.)
pub(crate) fn invitation_not_due(
    m: &Membership,
    in_group_with_property: impl FnOnce() -> Result<bool>,
) -> Result<Option<&'static str>> {
    Ok(if m.managed_by != ManagedBy::Idp {
        Some("only identity-provider-managed members get one")
    } else if !m.active {
        Some("the member is disabled")
    } else if !in_group_with_property()? {
        Some("not in a group with a property")
    } else {
        None
    })
}

pub(crate) fn has_property(tx: &dyn Tx, group_id: &str) -> Result<bool> {
    Ok(tx
        .assignments(group_id)?
        .iter()
        .any(|a| a.kind == AssignmentKind::Property))
}

impl Engine {
    /// The first SCIM write to a `tenant`-managed member transfers it to the
    /// IdP (rule 7). Returns true when it did.
    pub(crate) fn take_over(&self, tx: &dyn Tx, m: &mut Membership, email: &str) -> Result<bool> {
        if m.managed_by != ManagedBy::Tenant {
            return Ok(false);
        }
        m.managed_by = ManagedBy::Idp;
        m.updated_at = now();
        tx.update_membership(m)?;
        self.audit(
            tx,
            Some(&m.tenant_id),
            "ownership.transfer",
            Some(email),
            Some("tenant → idp: first write by the identity provider".into()),
        )?;
        self.emit(
            tx,
            &m.tenant_id,
            EventType::UserTransferred,
            json!({
                "user": {"id": m.id, "userName": email, "externalId": m.external_id, "active": m.active},
                "from": "tenant",
                "to": "idp",
            }),
        )?;
        Ok(true)
    }

    /// Enqueues the member's one sign-up invitation when it is due: an
    /// active, IdP-managed member of at least one group with a property.
    /// Returns the email invited, if this call enqueued it.
    pub(crate) fn maybe_invite(
        &self,
        tx: &dyn Tx,
        tenant_id: &str,
        membership_id: &str,
    ) -> Result<Option<String>> {
        let Some(rec) = tx.member(tenant_id, membership_id)? else {
            return Ok(None);
        };
        let m = &rec.membership;
        if tx.invitation_for(&m.id)?.is_some() {
            return Ok(None);
        }
        let in_group_with_property = || -> Result<bool> {
            for g in tx.groups_of_member(&m.id)? {
                if has_property(tx, &g)? {
                    return Ok(true);
                }
            }
            Ok(false)
        };
        if invitation_not_due(m, in_group_with_property)?.is_some() {
            return Ok(None);
        }
        let inv = Invitation {
            id: new_id(),
            tenant_id: tenant_id.to_owned(),
            membership_id: m.id.clone(),
            email: rec.account.user_name.clone(),
            enqueued_at: now(),
            sent_at: None,
            delivery: Default::default(),
        };
        if !tx.enqueue_invitation(&inv)? {
            return Ok(None);
        }
        self.audit(
            tx,
            Some(tenant_id),
            "invitation.enqueue",
            Some(&inv.email),
            Some("sign-up email queued: member of a group with a property".into()),
        )?;
        self.emit(
            tx,
            tenant_id,
            EventType::InvitationQueued,
            json!({"invitation": {"id": inv.id, "email": inv.email, "user_id": m.id}}),
        )?;
        tracing::info!(tenant = tenant_id, "sign-up invitation queued");
        Ok(Some(inv.email))
    }

    /// After a group gained a property or members: invite whoever is now due.
    pub(crate) fn invite_group(
        &self,
        tx: &dyn Tx,
        tenant_id: &str,
        group_id: &str,
    ) -> Result<Vec<String>> {
        if !has_property(tx, group_id)? {
            return Ok(Vec::new());
        }
        let mut invited = Vec::new();
        for m in tx.group_members(group_id)? {
            invited.extend(self.maybe_invite(tx, tenant_id, &m)?);
        }
        Ok(invited)
    }
}
