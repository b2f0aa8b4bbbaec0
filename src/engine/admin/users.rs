//! Accounts and their links to tenants, as the product's own admin screens
//! create them (SCIM's writes come with the protocol engine).

use serde::{Deserialize, Serialize};

use serde_json::json;

use crate::engine::error::{EngineError, Result};
use crate::engine::events::{EventType, event_user};
use crate::engine::model::{Account, ManagedBy, MemberKind, Membership, Tenant};
use crate::engine::{Engine, new_id, now, tenants};

/// A request to add a member the way the product's admin screens do.
#[derive(Debug, Clone)]
pub struct NewMember<'a> {
    pub email: &'a str,
    pub given_name: &'a str,
    pub family_name: &'a str,
    pub central: bool,
}

/// The outcome of `users add`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MemberAdded {
    pub tenant_id: String,
    pub id: String,
    pub email: String,
    pub kind: MemberKind,
    pub managed_by: ManagedBy,
    /// How many other tenants the account is linked to (never which).
    pub other_tenants: u64,
    /// True when the account existed before and was linked here.
    pub linked_existing: bool,
}

/// The one case folding of names compared "ignoring letter case": userName
/// uniqueness and lookups (the store's `*_lower` keys), the product
/// policy's rename rule (userName may change only by letter case), group
/// displayName uniqueness, member search, and SCIM's case-insensitive
/// filter comparisons. Full Unicode lower-casing, so "ÉLODIE@exemple.fr"
/// and "élodie@exemple.fr" are one name; SQLite's `lower()` knows ASCII
/// only, so no SQL lowers anything: the store keeps values folded here.
pub fn fold_case(s: &str) -> String {
    s.to_lowercase()
}

/// Whether two names are the same ignoring letter case (by [`fold_case`]).
pub fn same_folded(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    fold_case(a) == fold_case(b)
}

/// Checks that `value` is an email address as the product requires of a
/// userName: RFC 5321/5322 syntax with a dotted domain.
pub fn check_email(value: &str) -> Result<String> {
    let v = value.trim();
    let parsed = email_address::EmailAddress::parse_with_options(
        v,
        email_address::Options::default().without_display_text(),
    )
    .map_err(|_| EngineError::InvalidEmail(value.to_owned()))?;
    let domain = parsed.domain();
    if !domain.contains('.') || domain.starts_with('.') || domain.ends_with('.') {
        return Err(EngineError::InvalidEmail(value.to_owned()));
    }
    Ok(v.to_owned())
}

fn check_person_name(field: &'static str, v: &str) -> Result<String> {
    let v = v.trim();
    if v.is_empty() {
        return Err(EngineError::InvalidValue {
            field,
            reason: "it is empty".into(),
        });
    }
    if v.chars().any(char::is_control) {
        return Err(EngineError::InvalidValue {
            field,
            reason: "it contains control characters".into(),
        });
    }
    Ok(v.to_owned())
}

impl Engine {
    /// Adds a member as the product's admin screens would: a new account is
    /// `tenant`-managed; an account already linked to other tenants is linked
    /// here too and becomes `self`-managed everywhere (it now logs into
    /// several subscriptions); one that another tenant's IdP manages is refused.
    pub fn add_member(&self, tenant: &Tenant, req: &NewMember<'_>) -> Result<MemberAdded> {
        let email = check_email(req.email)?;
        let given = check_person_name("given name", req.given_name)?;
        let family = check_person_name("family name", req.family_name)?;
        let kind = if req.central {
            MemberKind::Central
        } else {
            MemberKind::Property
        };
        self.write(|tx| {
            let t = tenants::get(tx, &tenant.id)?;
            let namespace = t.namespace();
            let at = now();
            let existing = tx.account_by_user_name(namespace, &fold_case(&email))?;
            let (account, others) = match existing {
                Some(a) => {
                    let links = tx.memberships_of_account(&a.id)?;
                    if links.iter().any(|m| m.tenant_id == t.id) {
                        return Err(EngineError::AlreadyMember {
                            email: a.user_name.clone(),
                            tenant: t.name.clone(),
                        });
                    }
                    if links.iter().any(|m| m.managed_by == ManagedBy::Idp) {
                        return Err(EngineError::ManagedElsewhere {
                            email: a.user_name.clone(),
                        });
                    }
                    (a, links)
                }
                None => {
                    let a = Account {
                        id: new_id(),
                        namespace: namespace.to_owned(),
                        user_name: email.clone(),
                        given_name: Some(given.clone()),
                        family_name: Some(family.clone()),
                        created_at: at,
                        updated_at: at,
                    };
                    tx.insert_account(&a)?;
                    (a, Vec::new())
                }
            };
            let managed_by = if others.is_empty() {
                ManagedBy::Tenant
            } else {
                ManagedBy::SelfManaged
            };
            for mut m in others.iter().cloned() {
                if m.managed_by != ManagedBy::SelfManaged {
                    let from = m.managed_by;
                    m.managed_by = ManagedBy::SelfManaged;
                    m.updated_at = at;
                    m.version += 1;
                    tx.update_membership(&m)?;
                    self.audit(
                        tx,
                        Some(&m.tenant_id),
                        "user.ownership",
                        Some(&account.user_name),
                        Some("now self-managed: linked to another tenant".into()),
                    )?;
                    self.emit(
                        tx,
                        &m.tenant_id,
                        EventType::UserTransferred,
                        json!({
                            "user": event_user(&m, &account),
                            "from": from.as_str(),
                            "to": m.managed_by.as_str(),
                        }),
                    )?;
                }
            }
            let m = Membership {
                id: new_id(),
                tenant_id: t.id.clone(),
                account_id: account.id.clone(),
                kind,
                managed_by,
                active: true,
                external_id: None,
                doc: None,
                version: 1,
                created_at: at,
                updated_at: at,
            };
            tx.insert_membership(&m)?;
            self.audit(
                tx,
                Some(&t.id),
                "user.add",
                Some(&account.user_name),
                Some(format!("{} {}", kind.as_str(), managed_by.as_str())),
            )?;
            self.emit(
                tx,
                &t.id,
                EventType::UserCreated,
                json!({"user": event_user(&m, &account)}),
            )?;
            Ok(MemberAdded {
                tenant_id: t.id,
                id: m.id,
                email: account.user_name,
                kind,
                managed_by,
                other_tenants: others.len() as u64,
                linked_existing: !others.is_empty(),
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::check_email;

    #[test]
    fn emails() {
        for ok in [
            "jane@example.com",
            "Jane.Doe+x@sub.example.co.uk",
            " a@b.io ",
        ] {
            assert!(check_email(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "jane",
            "jane@",
            "@example.com",
            "jane@localhost",
            "a b@c.com",
            "Jane <j@x.com>",
            "j@x.com.",
        ] {
            assert!(check_email(bad).is_err(), "{bad}");
        }
    }
}
