//! Properties (a tenant's sites) and groups with the assignments the product
//! makes to them.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::users::fold_case;
use serde_json::json;

use crate::engine::error::{EngineError, Result};
use crate::engine::events::{EventType, event_group};
use crate::engine::model::{
    Assignment, AssignmentKind, Group, ManagedBy, MemberKind, Property, Tenant,
};
use crate::engine::store::Tx;
use crate::engine::{Engine, new_id, now, tenants};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PropertyInfo {
    pub id: String,
    pub tenant_id: String,
    pub name: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl From<Property> for PropertyInfo {
    fn from(p: Property) -> PropertyInfo {
        PropertyInfo {
            id: p.id,
            tenant_id: p.tenant_id,
            name: p.name,
            created_at: p.created_at,
        }
    }
}

/// A group as the tools show it: assignments by kind, properties by name.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GroupInfo {
    pub id: String,
    pub tenant_id: String,
    pub display_name: String,
    pub external_id: Option<String>,
    pub member_count: u64,
    pub properties: Vec<String>,
    pub roles: Vec<String>,
    pub permissions: Vec<String>,
    /// Other kinds (cashier, learning_path, guest_message) as `kind:value`.
    pub other: Vec<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// A group and (some of) its members.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GroupDetail {
    pub group: GroupInfo,
    /// The first members, in the order they were added; `group.member_count`
    /// says how many there are in all.
    pub members: Vec<GroupMember>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GroupMember {
    pub email: String,
    pub id: String,
    pub kind: MemberKind,
    pub managed_by: ManagedBy,
    pub active: bool,
}

/// What `groups assign` adds to a group.
#[derive(Debug, Clone, Default)]
pub struct AssignRequest {
    pub properties: Vec<String>,
    pub roles: Vec<String>,
    pub permissions: Vec<String>,
}

fn check_label(field: &'static str, v: &str) -> Result<String> {
    let v = v.trim();
    if v.is_empty() || v.chars().any(char::is_control) || v.chars().count() > 200 {
        return Err(EngineError::InvalidValue {
            field,
            reason: format!("{v:?} must be 1 to 200 printable characters"),
        });
    }
    Ok(v.to_owned())
}

pub(crate) fn group_info(tx: &dyn Tx, g: Group) -> Result<GroupInfo> {
    let mut info = GroupInfo {
        member_count: tx.group_members(&g.id)?.len() as u64,
        properties: Vec::new(),
        roles: Vec::new(),
        permissions: Vec::new(),
        other: Vec::new(),
        id: g.id,
        tenant_id: g.tenant_id,
        display_name: g.display_name,
        external_id: g.external_id,
        created_at: g.created_at,
    };
    let props = tx.properties(&info.tenant_id)?;
    for a in tx.assignments(&info.id)? {
        match a.kind {
            AssignmentKind::Property => info.properties.push(
                props
                    .iter()
                    .find(|p| p.id == a.value)
                    .map_or(a.value.clone(), |p| p.name.clone()),
            ),
            AssignmentKind::Role => info.roles.push(a.value),
            AssignmentKind::Permission => info.permissions.push(a.value),
            k => info.other.push(format!("{}:{}", k.as_str(), a.value)),
        }
    }
    info.properties.sort();
    Ok(info)
}

impl Engine {
    pub fn add_property(&self, tenant: &Tenant, name: &str) -> Result<PropertyInfo> {
        let name = check_label("property name", name)?;
        self.write(|tx| {
            let t = tenants::get(tx, &tenant.id)?;
            if tx.property_by_name(&t.id, &fold_case(&name))?.is_some() {
                return Err(EngineError::PropertyExists {
                    name,
                    tenant: t.name,
                });
            }
            let p = Property {
                id: new_id(),
                tenant_id: t.id.clone(),
                name: name.clone(),
                created_at: now(),
            };
            tx.insert_property(&p)?;
            self.audit(tx, Some(&t.id), "property.add", Some(&p.name), None)?;
            Ok(p.into())
        })
    }

    pub fn properties(&self, tenant: &Tenant) -> Result<Vec<PropertyInfo>> {
        self.read(|tx| {
            let t = tenants::get(tx, &tenant.id)?;
            Ok(tx.properties(&t.id)?.into_iter().map(Into::into).collect())
        })
    }

    pub fn create_group(&self, tenant: &Tenant, name: &str) -> Result<GroupInfo> {
        let name = check_label("group name", name)?;
        self.write(|tx| {
            let t = tenants::get(tx, &tenant.id)?;
            if tx.group_by_name(&t.id, &fold_case(&name))?.is_some() {
                return Err(EngineError::GroupExists {
                    name,
                    tenant: t.name,
                });
            }
            let at = now();
            let g = Group {
                id: new_id(),
                tenant_id: t.id.clone(),
                display_name: name.clone(),
                external_id: None,
                doc: None,
                version: 1,
                created_at: at,
                updated_at: at,
            };
            tx.insert_group(&g)?;
            self.audit(tx, Some(&t.id), "group.create", Some(&g.display_name), None)?;
            self.emit(
                tx,
                &t.id,
                EventType::GroupCreated,
                json!({"group": event_group(&g)}),
            )?;
            group_info(tx, g)
        })
    }

    /// Adds assignments to a group; all or nothing (an unknown property
    /// refuses the whole request).
    pub fn assign_group(
        &self,
        tenant: &Tenant,
        group: &str,
        req: &AssignRequest,
    ) -> Result<GroupInfo> {
        if req.properties.is_empty() && req.roles.is_empty() && req.permissions.is_empty() {
            return Err(EngineError::InvalidValue {
                field: "assignment",
                reason: "nothing to assign: give at least one property, role or permission".into(),
            });
        }
        self.write(|tx| {
            let t = tenants::get(tx, &tenant.id)?;
            let g = find_group(tx, &t, group)?;
            let mut wanted = Vec::new();
            for name in &req.properties {
                let p = tx
                    .property_by_name(&t.id, &fold_case(name.trim()))?
                    .ok_or_else(|| EngineError::PropertyNotFound {
                        name: name.clone(),
                        tenant: t.name.clone(),
                    })?;
                wanted.push(Assignment {
                    kind: AssignmentKind::Property,
                    value: p.id,
                });
            }
            for r in &req.roles {
                wanted.push(Assignment {
                    kind: AssignmentKind::Role,
                    value: check_label("role", r)?,
                });
            }
            for x in &req.permissions {
                wanted.push(Assignment {
                    kind: AssignmentKind::Permission,
                    value: check_label("permission", x)?,
                });
            }
            let mut gained_property = false;
            for a in &wanted {
                if tx.add_assignment(&g.id, a)? {
                    gained_property |= a.kind == AssignmentKind::Property;
                    self.audit(
                        tx,
                        Some(&t.id),
                        "group.assign",
                        Some(&g.display_name),
                        Some(format!("{} {}", a.kind.as_str(), a.value)),
                    )?;
                    self.emit(
                        tx,
                        &t.id,
                        EventType::GroupAssigned,
                        json!({
                            "group": event_group(&g),
                            "assignment": {"kind": a.kind.as_str(), "value": a.value},
                        }),
                    )?;
                }
            }
            // Members waiting for a group with a property get their sign-up email now.
            if gained_property {
                self.invite_group(tx, &t.id, &g.id)?;
            }
            group_info(tx, g)
        })
    }

    /// One group with its members (the first `limit`, in the order they
    /// were added; 0 = all) and assignments, for `groups show`.
    pub fn group_detail(&self, tenant: &Tenant, group: &str, limit: usize) -> Result<GroupDetail> {
        self.read(|tx| {
            let t = tenants::get(tx, &tenant.id)?;
            let g = find_group(tx, &t, group)?;
            let refs = tx.group_member_refs(&g.id)?;
            let take = if limit == 0 { refs.len() } else { limit };
            let mut members = Vec::with_capacity(take.min(refs.len()));
            for r in refs.iter().take(take) {
                if let Some(m) = tx.member(&t.id, &r.membership_id)? {
                    members.push(GroupMember {
                        email: m.account.user_name,
                        id: m.membership.id,
                        kind: m.membership.kind,
                        managed_by: m.membership.managed_by,
                        active: m.membership.active,
                    });
                }
            }
            Ok(GroupDetail {
                group: group_info(tx, g)?,
                members,
            })
        })
    }

    pub fn groups(&self, tenant: &Tenant) -> Result<Vec<GroupInfo>> {
        self.read(|tx| {
            let t = tenants::get(tx, &tenant.id)?;
            tx.groups(&t.id)?
                .into_iter()
                .map(|g| group_info(tx, g))
                .collect()
        })
    }
}

/// A group by id or display name (case-insensitive).
pub(crate) fn find_group(tx: &dyn Tx, t: &Tenant, key: &str) -> Result<Group> {
    if let Some(g) = tx.group_by_id(&t.id, key)? {
        return Ok(g);
    }
    tx.group_by_name(&t.id, &fold_case(key.trim()))?
        .ok_or_else(|| EngineError::GroupNotFound {
            name: key.to_owned(),
            tenant: t.name.clone(),
        })
}
