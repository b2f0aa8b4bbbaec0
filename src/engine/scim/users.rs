//! The SCIM Users endpoint's operations over the store: create, read, list
//! (filter planner), replace, patch and delete, under the tenant's policy.

use std::time::Instant;

use serde_json::{Value, json};

use super::filter::{Filter, FilterError, IndexKey};
use super::limits;
use super::list::{ListPage, ListQuery, Plan, Projection, sort_with, window};
use super::patch::{PatchRequest, apply};
use super::resource::{UserWrite, normalize, user_json, user_write, version_tag};
use super::schema::{ResourceKind, ResourceSchema};
use crate::engine::admin::users::{fold_case, same_folded};
use crate::engine::error::{EngineError, Result};
use crate::engine::events::{EventType, doc_changes, event_user};
use crate::engine::model::{
    Account, ManagedBy, MemberKind, MemberRecord, Membership, Policy, Tenant,
};
use crate::engine::ownership::check_scim_write;
use crate::engine::store::Tx;
use crate::engine::{Engine, new_id, now};

/// Which tenant a SCIM request acts on, and the tenant URL its resources'
/// locations are built from.
#[derive(Debug, Clone, Copy)]
pub struct Scope<'a> {
    pub tenant: &'a Tenant,
    pub base: &'a str,
}

impl Scope<'_> {
    pub fn schema(&self, kind: ResourceKind) -> ResourceSchema {
        ResourceSchema::for_policy(kind, self.tenant.policy)
    }
    fn namespace(&self) -> &str {
        self.tenant.namespace()
    }
}

/// The result of a write: the resource as stored, and what the log needs.
#[derive(Debug, Clone)]
pub struct Written {
    pub resource: Value,
    /// The weak ETag of the resource after the write.
    pub version: String,
    /// False when the request changed nothing (no version bump).
    pub changed: bool,
    /// Attributes accepted but not stored (the `product` policy's rule 2).
    pub ignored: Vec<String>,
    pub user_name: Option<String>,
    /// The write transferred a `tenant`-managed member to the IdP.
    pub transferred: bool,
    /// Emails whose sign-up invitation this write queued.
    pub invited: Vec<String>,
}

/// Parsed list parameters shared by users and groups.
pub(crate) struct Prepared {
    pub filter: Option<Filter>,
    pub projection: Projection,
    pub start: u64,
    pub count: u64,
}

pub(crate) fn prepare(schema: &ResourceSchema, q: &ListQuery) -> Result<Prepared> {
    let filter = match q.filter.as_deref().map(str::trim).filter(|f| !f.is_empty()) {
        None => None,
        Some(f) => {
            limits::check_filter(f)?;
            let parsed = Filter::parse(f).map_err(filter_error)?;
            parsed
                .validate(schema)
                .map_err(|e| EngineError::InvalidFilter(e.to_string()))?;
            Some(parsed)
        }
    };
    let (start, count) = window(q);
    Ok(Prepared {
        filter,
        projection: Projection::from_query(q)?,
        start,
        count,
    })
}

/// A parse error as the engine's: a documented cap as `LimitExceeded`.
fn filter_error(e: FilterError) -> EngineError {
    match e.limit {
        Some((limit, max)) => limits::exceeded(limit, max, e.message),
        None => EngineError::InvalidFilter(e.to_string()),
    }
}

/// Whether any path of the filter names the top-level attribute `attr`.
pub(crate) fn mentions(f: &Filter, attr: &str) -> bool {
    match f {
        Filter::Compare { path, .. } | Filter::Present(path) => {
            path.attr.eq_ignore_ascii_case(attr)
        }
        Filter::ValuePath { attr: a, .. } => a.attr.eq_ignore_ascii_case(attr),
        Filter::And(a, b) | Filter::Or(a, b) => mentions(a, attr) || mentions(b, attr),
        Filter::Not(a) => mentions(a, attr),
    }
}

/// Cuts the requested window out of all matches.
pub(crate) fn page_of<T>(mut all: Vec<T>, start: u64, count: u64) -> Vec<T> {
    let skip = (start - 1) as usize;
    if skip >= all.len() {
        return Vec::new();
    }
    all.drain(..skip);
    all.truncate(count as usize);
    all
}

pub(crate) fn check_version(expected: Option<&str>, current: i64) -> Result<()> {
    let Some(e) = expected.map(str::trim) else {
        return Ok(());
    };
    let tag = version_tag(current);
    // `*` matches any; a strong tag matches its weak twin (we only issue weak).
    let ok = e == "*"
        || e.split(',')
            .map(str::trim)
            .any(|t| t == tag || t.strip_prefix("W/") == Some(&tag[2..]) || t == &tag[2..]);
    if ok {
        Ok(())
    } else {
        Err(EngineError::PreconditionFailed {
            expected: e.to_owned(),
            current: tag,
        })
    }
}

/// Entra frees a soft-deleted user's UPN by prefixing it with the object id
/// in hex; that rename must not block the deactivation sent with it.
pub(crate) fn is_tombstone_rename(new: &str, old: &str) -> bool {
    let (n, o) = (fold_case(new), fold_case(old));
    n.len() > o.len() && n.ends_with(&o) && {
        let prefix = &n[..n.len() - o.len()];
        prefix.len() >= 8 && prefix.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
    }
}

fn not_found(id: &str) -> EngineError {
    EngineError::ResourceNotFound {
        kind: ResourceKind::User,
        id: id.to_owned(),
    }
}

impl Engine {
    fn user_resource(&self, tx: &dyn Tx, scope: Scope<'_>, rec: &MemberRecord) -> Result<Value> {
        let groups = match scope.tenant.policy {
            Policy::Standard => Some(tx.groups_with_member(&scope.tenant.id, &rec.membership.id)?),
            Policy::Product => None,
        };
        Ok(user_json(
            scope.tenant.policy,
            rec,
            groups.as_deref(),
            scope.base,
        ))
    }

    pub(crate) fn get_user_in(
        &self,
        tx: &dyn Tx,
        scope: Scope<'_>,
        id: &str,
        proj: &Projection,
    ) -> Result<Value> {
        let schema = scope.schema(ResourceKind::User);
        {
            let rec = tx
                .member(&scope.tenant.id, id)?
                .ok_or_else(|| not_found(id))?;
            Ok(proj.apply(&schema, self.user_resource(tx, scope, &rec)?))
        }
    }

    pub(crate) fn list_users_in(
        &self,
        tx: &dyn Tx,
        scope: Scope<'_>,
        q: &ListQuery,
    ) -> Result<ListPage> {
        let schema = scope.schema(ResourceKind::User);
        let p = prepare(&schema, q)?;
        let sorted = q.sort_by.as_deref().is_some_and(|s| !s.trim().is_empty());
        // A user's groups cost a query each: read them for the page shown,
        // and while filtering only when the filter looks at them.
        let eval_groups = p.filter.as_ref().is_some_and(|f| mentions(f, "groups"));
        // The resource a match was tested on is the one its page shows
        // when it was built with the same groups (read while filtering, or
        // none to show): then the page reuses it instead of building it
        // again. Only those inside the page's window are kept, unless the
        // sort needs them all.
        let reusable = eval_groups || scope.tenant.policy == Policy::Product;
        let in_page = (p.start - 1)..(p.start - 1).saturating_add(p.count);
        {
            let tenant = &scope.tenant.id;
            let (total, page, plan) = match &p.filter {
                None if !sorted => {
                    let total = tx.member_total(tenant)?;
                    let recs = tx.members_page(tenant, p.start - 1, p.count)?;
                    let page = recs.into_iter().map(|rec| (Value::Null, rec)).collect();
                    (total, page, Plan::All)
                }
                filter => {
                    let key = filter.as_ref().and_then(|f| f.plan(&schema));
                    let mut matches: Vec<(Value, MemberRecord)> = Vec::new();
                    let mut consider = |rec: MemberRecord| -> Result<()> {
                        let r = if eval_groups {
                            self.user_resource(tx, scope, &rec)?
                        } else {
                            user_json(scope.tenant.policy, &rec, None, scope.base)
                        };
                        if filter.as_ref().is_none_or(|f| f.matches(&r, &schema)) {
                            let shown = reusable && in_page.contains(&(matches.len() as u64));
                            matches.push((if sorted || shown { r } else { Value::Null }, rec));
                        }
                        Ok(())
                    };
                    match &key {
                        Some(k) => {
                            for rec in self.users_by_key(tx, scope, k)? {
                                consider(rec)?;
                            }
                        }
                        None => {
                            // Under the store's lock for as long as it runs:
                            // bounded by the scan budget.
                            let started = Instant::now();
                            let budget = q.scan_budget();
                            let mut after: Option<String> = None;
                            loop {
                                let batch = tx.members_after(tenant, after.as_deref(), 500)?;
                                let Some(last) = batch.last() else { break };
                                after = Some(last.membership.id.clone());
                                for rec in batch {
                                    consider(rec)?;
                                }
                                if started.elapsed() > budget {
                                    return Err(limits::scan_refused(
                                        ResourceKind::User,
                                        q.filter.as_deref(),
                                        budget,
                                    ));
                                }
                            }
                        }
                    }
                    sort_with(&schema, q, &mut matches, |(r, _)| r)?;
                    let total = matches.len() as u64;
                    let page = page_of(matches, p.start, p.count);
                    (total, page, key.map_or(Plan::Scan, Plan::Index))
                }
            };
            // Value::Null: not kept while filtering (user_json never
            // answers Null), so built here.
            let resources = page
                .into_iter()
                .map(|(r, rec)| {
                    let r = if reusable && !r.is_null() {
                        r
                    } else {
                        self.user_resource(tx, scope, &rec)?
                    };
                    Ok(p.projection.apply(&schema, r))
                })
                .collect::<Result<Vec<_>>>()?;
            Ok(ListPage {
                total,
                start_index: p.start,
                resources,
                plan,
            })
        }
    }

    fn users_by_key(
        &self,
        tx: &dyn Tx,
        scope: Scope<'_>,
        key: &IndexKey,
    ) -> Result<Vec<MemberRecord>> {
        let t = &scope.tenant.id;
        match key {
            IndexKey::Id(id) => Ok(tx.member(t, id)?.into_iter().collect()),
            IndexKey::UserName(u) => tx.members_by_user_name(t, scope.namespace(), u),
            IndexKey::ExternalId(x) => tx.members_by_external_id(t, x),
            // The product's one email is userName (see `user_write`).
            IndexKey::Email(e) if scope.tenant.policy == Policy::Product => {
                tx.members_by_user_name(t, scope.namespace(), e)
            }
            IndexKey::Email(e) => tx.members_by_email(t, e),
            IndexKey::DisplayName(_) | IndexKey::Member(_) => Ok(Vec::new()),
        }
    }

    pub(crate) fn create_user_in(
        &self,
        tx: &dyn Tx,
        scope: Scope<'_>,
        body: &Value,
    ) -> Result<Written> {
        let schema = scope.schema(ResourceKind::User);
        limits::check_resource(ResourceKind::User, body)?;
        let mut ignored = Vec::new();
        let obj = normalize(&schema, body, &mut ignored)?;
        let w = user_write(scope.tenant.policy, &schema, obj, &mut ignored)?;
        {
            let t = &scope.tenant.id;
            let at = now();
            let existing = tx.account_by_user_name(scope.namespace(), &fold_case(&w.user_name))?;
            let account = match existing {
                Some(a) => {
                    let links = tx.memberships_of_account(&a.id)?;
                    if links.iter().any(|m| &m.tenant_id == t) {
                        return Err(EngineError::Uniqueness {
                            message: format!(
                                "a user with userName {} already exists in this tenant; match it with a filter on userName (or externalId) instead of creating it",
                                a.user_name
                            ),
                        });
                    }
                    if !links.is_empty() {
                        return Err(EngineError::Uniqueness {
                            message: format!(
                                "an account with userName {} already exists and is managed elsewhere; it cannot be provisioned by this tenant",
                                a.user_name
                            ),
                        });
                    }
                    // An account no tenant links any more: re-link it.
                    let mut a = a;
                    a.user_name = w.user_name.clone();
                    a.given_name = w.given_name.clone();
                    a.family_name = w.family_name.clone();
                    a.updated_at = at;
                    tx.update_account(&a)?;
                    a
                }
                None => {
                    let a = Account {
                        id: new_id(),
                        namespace: scope.namespace().to_owned(),
                        user_name: w.user_name.clone(),
                        given_name: w.given_name.clone(),
                        family_name: w.family_name.clone(),
                        created_at: at,
                        updated_at: at,
                    };
                    tx.insert_account(&a)?;
                    a
                }
            };
            let m = Membership {
                id: new_id(),
                tenant_id: t.clone(),
                account_id: account.id.clone(),
                kind: MemberKind::Property,
                managed_by: ManagedBy::Idp,
                active: w.active.unwrap_or(true),
                external_id: w.external_id.clone(),
                doc: w.doc.clone(),
                version: 1,
                created_at: at,
                updated_at: at,
            };
            tx.insert_membership(&m)?;
            tx.add_member_emails(t, &m.id, &w.emails_lower)?;
            self.emit(
                tx,
                t,
                EventType::UserCreated,
                json!({"user": event_user(&m, &account)}),
            )?;
            let rec = MemberRecord {
                membership: m,
                account,
            };
            let resource = self.user_resource(tx, scope, &rec)?;
            Ok(Written {
                version: version_tag(rec.membership.version),
                resource,
                changed: true,
                ignored: ignored.clone(),
                user_name: Some(rec.account.user_name),
                transferred: false,
                invited: Vec::new(),
            })
        }
    }

    pub(crate) fn replace_user_in(
        &self,
        tx: &dyn Tx,
        scope: Scope<'_>,
        id: &str,
        body: &Value,
        if_match: Option<&str>,
    ) -> Result<Written> {
        let schema = scope.schema(ResourceKind::User);
        limits::check_resource(ResourceKind::User, body)?;
        let mut ignored = Vec::new();
        let obj = normalize(&schema, body, &mut ignored)?;
        let w = user_write(scope.tenant.policy, &schema, obj, &mut ignored)?;
        {
            let rec = tx
                .member(&scope.tenant.id, id)?
                .ok_or_else(|| not_found(id))?;
            check_version(if_match, rec.membership.version)?;
            check_scim_write(&rec)?;
            self.update_user(tx, scope, rec, w.clone(), ignored.clone())
        }
    }

    pub(crate) fn patch_user_in(
        &self,
        tx: &dyn Tx,
        scope: Scope<'_>,
        id: &str,
        body: &Value,
        if_match: Option<&str>,
    ) -> Result<Written> {
        let schema = scope.schema(ResourceKind::User);
        limits::check_patch(ResourceKind::User, body)?;
        let req = PatchRequest::parse(body).map_err(EngineError::from)?;
        {
            let mut rec = tx
                .member(&scope.tenant.id, id)?
                .ok_or_else(|| not_found(id))?;
            check_version(if_match, rec.membership.version)?;
            check_scim_write(&rec)?;
            let current = self.user_resource(tx, scope, &rec)?;
            let outcome = apply(&schema, &current, &req).map_err(EngineError::from)?;
            if scope.tenant.policy == Policy::Product
                && current.get("active").is_some()
                && outcome.resource.get("active").is_none()
            {
                return Err(EngineError::Mutability {
                    message: "under this tenant's product policy a user is always active or deactivated, so \"active\" cannot be removed; send {\"op\": \"replace\", \"path\": \"active\", \"value\": false} to deactivate the user".into(),
                });
            }
            let mut ignored = outcome.ignored;
            if !outcome.changed {
                // Even a write that changes nothing is the IdP taking the
                // user over (rule 7).
                let transferred =
                    self.take_over(tx, &mut rec.membership, &rec.account.user_name)?;
                let invited = self.maybe_invite(tx, &scope.tenant.id, &rec.membership.id)?;
                return Ok(Written {
                    version: version_tag(rec.membership.version),
                    resource: current,
                    changed: false,
                    ignored,
                    user_name: Some(rec.account.user_name),
                    transferred,
                    invited: invited.into_iter().collect(),
                });
            }
            let obj = normalize(&schema, &outcome.resource, &mut ignored)?;
            limits::check_normalised(ResourceKind::User, &obj)?;
            let w = user_write(scope.tenant.policy, &schema, obj, &mut ignored)?;
            self.update_user(tx, scope, rec, w, ignored)
        }
    }

    /// The write shared by PUT and PATCH: userName rules, then the stored
    /// fields; the version moves only when something changed.
    fn update_user(
        &self,
        tx: &dyn Tx,
        scope: Scope<'_>,
        rec: MemberRecord,
        mut w: UserWrite,
        mut ignored: Vec<String>,
    ) -> Result<Written> {
        let MemberRecord {
            mut membership,
            mut account,
        } = rec;
        let transferred = self.take_over(tx, &mut membership, &account.user_name)?;
        if !same_folded(&w.user_name, &account.user_name) {
            match scope.tenant.policy {
                Policy::Product if is_tombstone_rename(&w.user_name, &account.user_name) => {
                    ignored
                        .push("userName (the identity provider's rename of a deleted user)".into());
                    w.user_name = account.user_name.clone();
                }
                Policy::Product => {
                    return Err(EngineError::Mutability {
                        message: format!(
                            "userName is the user's email and cannot change (from {} to {}); only its letter case may",
                            account.user_name, w.user_name
                        ),
                    });
                }
                Policy::Standard => {
                    if let Some(other) =
                        tx.account_by_user_name(scope.namespace(), &fold_case(&w.user_name))?
                        && other.id != account.id
                    {
                        return Err(EngineError::Uniqueness {
                            message: format!(
                                "userName {} is already taken by another user",
                                w.user_name
                            ),
                        });
                    }
                }
            }
        }
        let at = now();
        let active = w.active.unwrap_or(membership.active);
        // What changed, named as the events name it (SCIM attribute paths).
        let mut changes = Vec::new();
        for (name, differs) in [
            ("userName", account.user_name != w.user_name),
            ("name.givenName", account.given_name != w.given_name),
            ("name.familyName", account.family_name != w.family_name),
            ("externalId", membership.external_id != w.external_id),
        ] {
            if differs {
                changes.push(name.to_owned());
            }
        }
        let account_changed = account.user_name != w.user_name
            || account.given_name != w.given_name
            || account.family_name != w.family_name;
        let member_changed = membership.active != active
            || membership.external_id != w.external_id
            || membership.doc != w.doc;
        doc_changes(membership.doc.as_deref(), w.doc.as_deref(), &mut changes);
        let flipped = (membership.active != active).then_some(active);
        if flipped == Some(false) {
            self.guard_deprovision(tx, scope.tenant)?;
        }
        if account_changed {
            account.user_name = w.user_name;
            account.given_name = w.given_name;
            account.family_name = w.family_name;
            account.updated_at = at;
            tx.update_account(&account)?;
        }
        let changed = account_changed || member_changed;
        if changed {
            membership.active = active;
            membership.external_id = w.external_id;
            membership.doc = w.doc;
            membership.version += 1;
            membership.updated_at = at;
            tx.update_membership(&membership)?;
            tx.set_member_emails(&scope.tenant.id, &membership.id, &w.emails_lower)?;
            let t = &scope.tenant.id;
            if !changes.is_empty() {
                self.emit(
                    tx,
                    t,
                    EventType::UserUpdated,
                    json!({"user": event_user(&membership, &account), "changed": changes}),
                )?;
            }
            if let Some(now_active) = flipped {
                let kind = match now_active {
                    true => EventType::UserReactivated,
                    false => EventType::UserDeactivated,
                };
                self.emit(
                    tx,
                    t,
                    kind,
                    json!({"user": event_user(&membership, &account)}),
                )?;
            }
        }
        let invited = self.maybe_invite(tx, &scope.tenant.id, &membership.id)?;
        let rec = MemberRecord {
            membership,
            account,
        };
        let resource = self.user_resource(tx, scope, &rec)?;
        Ok(Written {
            version: version_tag(rec.membership.version),
            resource,
            changed,
            ignored,
            user_name: Some(rec.account.user_name),
            transferred,
            invited: invited.into_iter().collect(),
        })
    }

    /// Unlinks the user from the tenant and its groups; the account goes
    /// too when no other tenant links it.
    pub(crate) fn delete_user_in(
        &self,
        tx: &dyn Tx,
        scope: Scope<'_>,
        id: &str,
        if_match: Option<&str>,
    ) -> Result<Written> {
        {
            let rec = tx
                .member(&scope.tenant.id, id)?
                .ok_or_else(|| not_found(id))?;
            check_version(if_match, rec.membership.version)?;
            check_scim_write(&rec)?;
            if rec.membership.active {
                self.guard_deprovision(tx, scope.tenant)?;
            }
            tx.delete_membership(&scope.tenant.id, id)?;
            let account_deleted = tx.memberships_of_account(&rec.account.id)?.is_empty();
            if account_deleted {
                tx.delete_account(&rec.account.id)?;
            }
            self.emit(
                tx,
                &scope.tenant.id,
                EventType::UserUnlinked,
                json!({
                    "user": event_user(&rec.membership, &rec.account),
                    "account_deleted": account_deleted,
                }),
            )?;
            self.audit(
                tx,
                Some(&scope.tenant.id),
                "user.unlink",
                Some(&rec.account.user_name),
                Some(format!("SCIM DELETE of {id}")),
            )?;
            Ok(Written {
                resource: Value::Null,
                version: version_tag(rec.membership.version),
                changed: true,
                ignored: Vec::new(),
                user_name: Some(rec.account.user_name),
                transferred: false,
                invited: Vec::new(),
            })
        }
    }
}

/// One transaction per call, for callers outside a `Session` (the CLI,
/// tests, benchmarks).
impl Engine {
    pub fn scim_get_user(&self, scope: Scope<'_>, id: &str, proj: &Projection) -> Result<Value> {
        self.read(|tx| self.get_user_in(tx, scope, id, proj))
    }

    pub fn scim_list_users(&self, scope: Scope<'_>, q: &ListQuery) -> Result<ListPage> {
        self.read(|tx| self.list_users_in(tx, scope, q))
    }

    pub fn scim_create_user(&self, scope: Scope<'_>, body: &Value) -> Result<Written> {
        self.write(|tx| self.create_user_in(tx, scope, body))
    }

    pub fn scim_replace_user(
        &self,
        scope: Scope<'_>,
        id: &str,
        body: &Value,
        if_match: Option<&str>,
    ) -> Result<Written> {
        self.write(|tx| self.replace_user_in(tx, scope, id, body, if_match))
    }

    pub fn scim_patch_user(
        &self,
        scope: Scope<'_>,
        id: &str,
        body: &Value,
        if_match: Option<&str>,
    ) -> Result<Written> {
        self.write(|tx| self.patch_user_in(tx, scope, id, body, if_match))
    }

    pub fn scim_delete_user(
        &self,
        scope: Scope<'_>,
        id: &str,
        if_match: Option<&str>,
    ) -> Result<Written> {
        self.write(|tx| self.delete_user_in(tx, scope, id, if_match))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tombstone_renames_are_recognised() {
        assert!(is_tombstone_rename(
            "3f2a9c1e8b7d4e6fa1b2c3d4e5f60718jane@x.com",
            "jane@x.com"
        ));
        assert!(is_tombstone_rename(
            "3F2A9C1E-8B7D-4E6F-A1B2-C3D4E5F60718Jane@X.com",
            "jane@x.com"
        ));
        assert!(!is_tombstone_rename("jane.doe@x.com", "jane@x.com"));
        assert!(!is_tombstone_rename("abc@x.com", "jane@x.com"));
    }

    #[test]
    fn if_match() {
        assert!(check_version(None, 3).is_ok());
        assert!(check_version(Some("W/\"3\""), 3).is_ok());
        assert!(check_version(Some("\"3\""), 3).is_ok());
        assert!(check_version(Some("*"), 3).is_ok());
        assert!(matches!(
            check_version(Some("W/\"2\""), 3),
            Err(EngineError::PreconditionFailed { .. })
        ));
    }
}
