//! The SCIM Groups endpoint's operations: displayName unique per tenant,
//! members only users of the same tenant, member changes serialised in one
//! write transaction so that concurrent PATCHes lose no member.

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use serde_json::{Value, json};

use super::filter::{CompareOp, Filter, IndexKey, Literal};
use super::limits;
use super::list::{ListPage, ListQuery, Plan, Projection, sort};
use super::patch::{OpKind, PatchRequest, apply};
use super::resource::{GroupWrite, MemberWrite, group_json, group_write, normalize, version_tag};
use super::schema::ResourceKind;
use super::users::{Scope, Written, check_version, mentions, page_of, prepare};
use crate::engine::admin::users::{fold_case, same_folded};
use crate::engine::error::{EngineError, Result, ScimType};
use crate::engine::events::{EventType, event_group, event_user};
use crate::engine::model::Group;
use crate::engine::ownership::has_property;
use crate::engine::store::Tx;
use crate::engine::{Engine, new_id, now};

fn not_found(id: &str) -> EngineError {
    EngineError::ResourceNotFound {
        kind: ResourceKind::Group,
        id: id.to_owned(),
    }
}

impl Engine {
    fn group_resource(
        &self,
        tx: &dyn Tx,
        scope: Scope<'_>,
        g: &Group,
        members: bool,
    ) -> Result<Value> {
        let refs = if members {
            Some(tx.group_member_refs(&g.id)?)
        } else {
            None
        };
        Ok(group_json(g, refs.as_deref(), scope.base))
    }

    pub(crate) fn get_group_in(
        &self,
        tx: &dyn Tx,
        scope: Scope<'_>,
        id: &str,
        proj: &Projection,
    ) -> Result<Value> {
        let schema = scope.schema(ResourceKind::Group);
        let members = proj.includes(&schema, "members");
        {
            let g = tx
                .group_by_id(&scope.tenant.id, id)?
                .ok_or_else(|| not_found(id))?;
            Ok(proj.apply(&schema, self.group_resource(tx, scope, &g, members)?))
        }
    }

    pub(crate) fn list_groups_in(
        &self,
        tx: &dyn Tx,
        scope: Scope<'_>,
        q: &ListQuery,
    ) -> Result<ListPage> {
        let schema = scope.schema(ResourceKind::Group);
        let p = prepare(&schema, q)?;
        let sorted = q.sort_by.as_deref().is_some_and(|s| !s.trim().is_empty());
        // Members are read for the response, or when the filter needs them.
        let filter_members = p.filter.as_ref().is_some_and(|f| mentions(f, "members"));
        let members = p.projection.includes(&schema, "members") || filter_members;
        {
            let tenant = &scope.tenant.id;
            let (total, mut page, plan) = match &p.filter {
                None if !sorted => {
                    let total = tx.group_total(tenant)?;
                    let page = tx
                        .groups_page(tenant, p.start - 1, p.count)?
                        .iter()
                        .map(|g| self.group_resource(tx, scope, g, members))
                        .collect::<Result<Vec<_>>>()?;
                    (total, page, Plan::All)
                }
                filter => {
                    let key = filter.as_ref().and_then(|f| f.plan(&schema));
                    let mut matches = Vec::new();
                    let mut keep = |r: Value| {
                        if filter.as_ref().is_none_or(|f| f.matches(&r, &schema)) {
                            matches.push(r);
                        }
                    };
                    match &key {
                        Some(k) => {
                            for g in groups_by_key(tx, tenant, k)? {
                                keep(self.group_resource(tx, scope, &g, members)?);
                            }
                        }
                        None => {
                            // Bounded by the scan budget (see list_users_in).
                            let started = Instant::now();
                            let budget = q.scan_budget();
                            let mut after: Option<String> = None;
                            loop {
                                let batch = tx.groups_after(tenant, after.as_deref(), 500)?;
                                let Some(last) = batch.last() else { break };
                                after = Some(last.id.clone());
                                for g in &batch {
                                    keep(self.group_resource(tx, scope, g, members)?);
                                }
                                if started.elapsed() > budget {
                                    return Err(limits::scan_refused(
                                        ResourceKind::Group,
                                        q.filter.as_deref(),
                                        budget,
                                    ));
                                }
                            }
                        }
                    }
                    sort(&schema, q, &mut matches)?;
                    let total = matches.len() as u64;
                    let plan = key.map_or(Plan::Scan, Plan::Index);
                    (total, page_of(matches, p.start, p.count), plan)
                }
            };
            for r in page.iter_mut() {
                *r = p.projection.apply(&schema, std::mem::take(r));
            }
            Ok(ListPage {
                total,
                start_index: p.start,
                resources: page,
                plan,
            })
        }
    }

    pub(crate) fn create_group_in(
        &self,
        tx: &dyn Tx,
        scope: Scope<'_>,
        body: &Value,
    ) -> Result<Written> {
        let schema = scope.schema(ResourceKind::Group);
        limits::check_resource(ResourceKind::Group, body)?;
        let mut ignored = Vec::new();
        let w = group_write(&schema, &normalize(&schema, body, &mut ignored)?)?;
        {
            let t = &scope.tenant.id;
            unique_name(tx, t, &w.display_name, None)?;
            check_members(tx, t, w.members.iter().map(|m| m.id.as_str()))?;
            let at = now();
            let g = Group {
                id: new_id(),
                tenant_id: t.clone(),
                display_name: w.display_name.clone(),
                external_id: w.external_id.clone(),
                doc: None,
                version: 1,
                created_at: at,
                updated_at: at,
            };
            tx.insert_group(&g)?;
            self.emit(
                tx,
                t,
                EventType::GroupCreated,
                json!({"group": event_group(&g)}),
            )?;
            for m in &w.members {
                tx.add_group_member(&g.id, &m.id, m.display.as_deref(), at)?;
                self.member_event(tx, &g, EventType::GroupMemberAdded, &m.id)?;
            }
            // A new group has no property yet, so nobody is invited here;
            // the product assigns properties to groups.
            let invited = Vec::new();
            Ok(Written {
                resource: self.group_resource(tx, scope, &g, true)?,
                version: version_tag(g.version),
                changed: true,
                ignored: ignored.clone(),
                user_name: None,
                transferred: false,
                invited,
            })
        }
    }

    pub(crate) fn replace_group_in(
        &self,
        tx: &dyn Tx,
        scope: Scope<'_>,
        id: &str,
        body: &Value,
        if_match: Option<&str>,
    ) -> Result<Written> {
        let schema = scope.schema(ResourceKind::Group);
        limits::check_resource(ResourceKind::Group, body)?;
        let mut ignored = Vec::new();
        let w = group_write(&schema, &normalize(&schema, body, &mut ignored)?)?;
        {
            let g = tx
                .group_by_id(&scope.tenant.id, id)?
                .ok_or_else(|| not_found(id))?;
            check_version(if_match, g.version)?;
            self.update_group(tx, scope, g, &w, ignored.clone())
        }
    }

    /// PATCH a group. Entra's member deltas (add or remove a list of
    /// members) are applied directly, without reading the member list, so
    /// they cost the same for a group of ten or of a hundred thousand. With
    /// `want_resource` false the written resource is left out (for a 204).
    pub(crate) fn patch_group_in(
        &self,
        tx: &dyn Tx,
        scope: Scope<'_>,
        id: &str,
        body: &Value,
        if_match: Option<&str>,
        want_resource: bool,
    ) -> Result<Written> {
        let schema = scope.schema(ResourceKind::Group);
        limits::check_patch(ResourceKind::Group, body)?;
        let req = PatchRequest::parse(body).map_err(EngineError::from)?;
        let delta = member_delta(&req);
        {
            let mut g = tx
                .group_by_id(&scope.tenant.id, id)?
                .ok_or_else(|| not_found(id))?;
            check_version(if_match, g.version)?;
            if let Some((add, remove)) = &delta {
                let t = &scope.tenant.id;
                check_members(tx, t, add.iter().map(|m| m.id.as_str()))?;
                let at = now();
                let mut added = Vec::new();
                let mut changed = false;
                for m in add {
                    if tx.add_group_member(&g.id, &m.id, m.display.as_deref(), at)? {
                        self.member_event(tx, &g, EventType::GroupMemberAdded, &m.id)?;
                        added.push(&m.id);
                        changed = true;
                    } else if m.display.is_some() {
                        // Re-adding a member with a display: the client's
                        // latest word on it.
                        changed |=
                            tx.set_group_member_display(&g.id, &m.id, m.display.as_deref())?;
                    }
                }
                for m in remove {
                    if tx.remove_group_member(&g.id, m)? {
                        self.member_event(tx, &g, EventType::GroupMemberRemoved, m)?;
                        changed = true;
                    }
                }
                let mut invited = Vec::new();
                if !added.is_empty() && has_property(tx, &g.id)? {
                    for m in added {
                        invited.extend(self.maybe_invite(tx, t, m)?);
                    }
                }
                if changed {
                    g.version += 1;
                    g.updated_at = at;
                    tx.update_group(&g)?;
                }
                let resource = if want_resource {
                    self.group_resource(tx, scope, &g, true)?
                } else {
                    Value::Null
                };
                return Ok(Written {
                    resource,
                    version: version_tag(g.version),
                    changed,
                    ignored: Vec::new(),
                    user_name: None,
                    transferred: false,
                    invited,
                });
            }
            let current = self.group_resource(tx, scope, &g, true)?;
            let outcome = apply(&schema, &current, &req).map_err(EngineError::from)?;
            let mut ignored = outcome.ignored;
            if !outcome.changed {
                return Ok(Written {
                    version: version_tag(g.version),
                    resource: current,
                    changed: false,
                    ignored,
                    user_name: None,
                    transferred: false,
                    invited: Vec::new(),
                });
            }
            let obj = normalize(&schema, &outcome.resource, &mut ignored)?;
            limits::check_normalised(ResourceKind::Group, &obj)?;
            let w = group_write(&schema, &obj)?;
            self.update_group(tx, scope, g, &w, ignored)
        }
    }

    fn update_group(
        &self,
        tx: &dyn Tx,
        scope: Scope<'_>,
        mut g: Group,
        w: &GroupWrite,
        ignored: Vec<String>,
    ) -> Result<Written> {
        let t = &scope.tenant.id;
        if !same_folded(&w.display_name, &g.display_name) {
            unique_name(tx, t, &w.display_name, Some(&g.id))?;
        }
        // The diff in linear time, in the order of each list. A member
        // kept with another display (PUT sends each member as it should
        // read, so none when it sent none) is a change too.
        let current = tx.group_member_refs(&g.id)?;
        let (added, removed, redisplayed) = {
            let have: HashMap<&str, Option<&str>> = current
                .iter()
                .map(|m| (m.membership_id.as_str(), m.display.as_deref()))
                .collect();
            let wanted: HashSet<&str> = w.members.iter().map(|m| m.id.as_str()).collect();
            let mut added: Vec<&MemberWrite> = Vec::new();
            let mut redisplayed: Vec<&MemberWrite> = Vec::new();
            for m in &w.members {
                match have.get(m.id.as_str()) {
                    None => added.push(m),
                    Some(d) if *d != m.display.as_deref() => redisplayed.push(m),
                    Some(_) => {}
                }
            }
            let removed: Vec<&str> = current
                .iter()
                .map(|m| m.membership_id.as_str())
                .filter(|m| !wanted.contains(m))
                .collect();
            (added, removed, redisplayed)
        };
        check_members(tx, t, added.iter().map(|m| m.id.as_str()))?;
        let at = now();
        for m in &added {
            tx.add_group_member(&g.id, &m.id, m.display.as_deref(), at)?;
            self.member_event(tx, &g, EventType::GroupMemberAdded, &m.id)?;
        }
        for m in &redisplayed {
            tx.set_group_member_display(&g.id, &m.id, m.display.as_deref())?;
        }
        for m in &removed {
            tx.remove_group_member(&g.id, m)?;
            self.member_event(tx, &g, EventType::GroupMemberRemoved, m)?;
        }
        let mut invited = Vec::new();
        if !added.is_empty() && has_property(tx, &g.id)? {
            for m in &added {
                invited.extend(self.maybe_invite(tx, t, &m.id)?);
            }
        }
        let changed = !added.is_empty()
            || !removed.is_empty()
            || !redisplayed.is_empty()
            || g.display_name != w.display_name
            || g.external_id != w.external_id;
        if changed {
            let mut changes = Vec::new();
            if g.display_name != w.display_name {
                changes.push("displayName");
            }
            if g.external_id != w.external_id {
                changes.push("externalId");
            }
            g.display_name = w.display_name.clone();
            g.external_id = w.external_id.clone();
            g.version += 1;
            g.updated_at = at;
            tx.update_group(&g)?;
            if !changes.is_empty() {
                self.emit(
                    tx,
                    t,
                    EventType::GroupUpdated,
                    json!({"group": event_group(&g), "changed": changes}),
                )?;
            }
        }
        Ok(Written {
            resource: self.group_resource(tx, scope, &g, true)?,
            version: version_tag(g.version),
            changed,
            ignored,
            user_name: None,
            transferred: false,
            invited,
        })
    }

    pub(crate) fn delete_group_in(
        &self,
        tx: &dyn Tx,
        scope: Scope<'_>,
        id: &str,
        if_match: Option<&str>,
    ) -> Result<Written> {
        {
            let g = tx
                .group_by_id(&scope.tenant.id, id)?
                .ok_or_else(|| not_found(id))?;
            check_version(if_match, g.version)?;
            tx.delete_group(&scope.tenant.id, id)?;
            self.emit(
                tx,
                &scope.tenant.id,
                EventType::GroupDeleted,
                json!({"group": event_group(&g)}),
            )?;
            self.audit(
                tx,
                Some(&scope.tenant.id),
                "group.delete",
                Some(&g.display_name),
                Some(format!("SCIM DELETE of {id}")),
            )?;
            Ok(Written {
                resource: Value::Null,
                version: version_tag(g.version),
                changed: true,
                ignored: Vec::new(),
                user_name: None,
                transferred: false,
                invited: Vec::new(),
            })
        }
    }
}

impl Engine {
    /// `group.member_added` or `group.member_removed` of one member.
    fn member_event(
        &self,
        tx: &dyn Tx,
        g: &Group,
        kind: EventType,
        membership_id: &str,
    ) -> Result<()> {
        // The member as the product knows it (a removed member may be gone
        // already: the removal that a user's DELETE implies has no event of
        // its own, but a group PATCH naming an unknown id is harmless).
        let user = match tx.member(&g.tenant_id, membership_id)? {
            Some(rec) => event_user(&rec.membership, &rec.account),
            None => json!({"id": membership_id}),
        };
        self.emit(
            tx,
            &g.tenant_id,
            kind,
            json!({"group": event_group(g), "user": user}),
        )
    }
}

/// The members a PATCH adds and removes, when that is all it does:
/// `add members [..]`, `remove members [..]` (Entra: exactly those) and
/// `remove members[value eq "id"]`.
fn member_delta(req: &PatchRequest) -> Option<(Vec<MemberWrite>, Vec<String>)> {
    let (mut add, mut remove): (Vec<MemberWrite>, Vec<String>) = (Vec::new(), Vec::new());
    // Anything but plain `{"value": "id", "display": "…"}` elements (in any
    // key case, `displayName` for `display`) goes the general way, which
    // names what is wrong.
    let members = |v: &Value| -> Option<Vec<MemberWrite>> {
        let list = match v {
            Value::Array(a) => a.iter().collect::<Vec<_>>(),
            Value::Object(_) => vec![v],
            _ => return None,
        };
        list.into_iter()
            .map(|m| {
                let mut id = None;
                let mut display = None;
                for (k, v) in m.as_object()? {
                    if k.eq_ignore_ascii_case("value") {
                        id = Some(v.as_str()?.to_owned());
                    } else if k.eq_ignore_ascii_case("display")
                        || k.eq_ignore_ascii_case("displayName")
                    {
                        match v {
                            Value::String(s) => display = Some(s.clone()),
                            Value::Null => {}
                            _ => return None,
                        }
                    }
                }
                Some(MemberWrite { id: id?, display })
            })
            .collect()
    };
    let ids = |v: &Value| -> Option<Vec<String>> {
        Some(members(v)?.into_iter().map(|m| m.id).collect())
    };
    for op in &req.ops {
        let path = op.path.as_ref()?;
        if !path.attr.attr.eq_ignore_ascii_case("members")
            || path.attr.urn.is_some()
            || path.attr.sub.is_some()
            || path.sub.is_some()
        {
            return None;
        }
        match (op.op, &path.filter, &op.value) {
            (OpKind::Add, None, Some(v)) => add.extend(members(v)?),
            (OpKind::Remove, None, Some(v)) => remove.extend(ids(v)?),
            (
                OpKind::Remove,
                Some(Filter::Compare {
                    path: p,
                    op: CompareOp::Eq,
                    value: Literal::String(id),
                }),
                None,
            ) if p.attr.eq_ignore_ascii_case("value") && p.sub.is_none() && p.urn.is_none() => {
                remove.push(id.clone())
            }
            _ => return None,
        }
    }
    Some((unique(add, |m| &m.id), unique(remove, |id| id)))
}

/// The items in their first order, without repeats of `key`, in linear time.
fn unique<T>(items: Vec<T>, key: impl Fn(&T) -> &String) -> Vec<T> {
    let mut seen = HashSet::with_capacity(items.len());
    items
        .into_iter()
        .filter(|i| seen.insert(key(i).clone()))
        .collect()
}

fn groups_by_key(tx: &dyn Tx, tenant: &str, key: &IndexKey) -> Result<Vec<Group>> {
    match key {
        IndexKey::Id(id) => Ok(tx.group_by_id(tenant, id)?.into_iter().collect()),
        IndexKey::DisplayName(n) => Ok(tx.group_by_name(tenant, n)?.into_iter().collect()),
        IndexKey::ExternalId(x) => tx.groups_by_external_id(tenant, x),
        IndexKey::Member(m) => tx.groups_with_member(tenant, m),
        IndexKey::UserName(_) | IndexKey::Email(_) => Ok(Vec::new()),
    }
}

fn unique_name(tx: &dyn Tx, tenant: &str, name: &str, except: Option<&str>) -> Result<()> {
    match tx.group_by_name(tenant, &fold_case(name))? {
        Some(other) if Some(other.id.as_str()) != except => Err(EngineError::Uniqueness {
            message: format!("a group with displayName {name:?} already exists in this tenant"),
        }),
        _ => Ok(()),
    }
}

/// Every member must be a user of this tenant (400 naming the first bad id).
fn check_members<'a>(
    tx: &dyn Tx,
    tenant: &str,
    ids: impl IntoIterator<Item = &'a str>,
) -> Result<()> {
    for id in ids {
        if tx.membership_by_id(tenant, id)?.is_none() {
            return Err(EngineError::ScimInvalid {
                scim_type: ScimType::InvalidValue,
                message: format!(
                    "member {id:?} is not a user of this tenant; create the user first and use the id it was given"
                ),
            });
        }
    }
    Ok(())
}

/// One transaction per call, for callers outside a `Session` (the CLI,
/// tests, benchmarks).
impl Engine {
    pub fn scim_get_group(&self, scope: Scope<'_>, id: &str, proj: &Projection) -> Result<Value> {
        self.read(|tx| self.get_group_in(tx, scope, id, proj))
    }

    pub fn scim_list_groups(&self, scope: Scope<'_>, q: &ListQuery) -> Result<ListPage> {
        self.read(|tx| self.list_groups_in(tx, scope, q))
    }

    pub fn scim_create_group(&self, scope: Scope<'_>, body: &Value) -> Result<Written> {
        self.write(|tx| self.create_group_in(tx, scope, body))
    }

    pub fn scim_replace_group(
        &self,
        scope: Scope<'_>,
        id: &str,
        body: &Value,
        if_match: Option<&str>,
    ) -> Result<Written> {
        self.write(|tx| self.replace_group_in(tx, scope, id, body, if_match))
    }

    pub fn scim_patch_group(
        &self,
        scope: Scope<'_>,
        id: &str,
        body: &Value,
        if_match: Option<&str>,
        want_resource: bool,
    ) -> Result<Written> {
        self.write(|tx| self.patch_group_in(tx, scope, id, body, if_match, want_resource))
    }

    pub fn scim_delete_group(
        &self,
        scope: Scope<'_>,
        id: &str,
        if_match: Option<&str>,
    ) -> Result<Written> {
        self.write(|tx| self.delete_group_in(tx, scope, id, if_match))
    }
}
