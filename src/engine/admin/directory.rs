//! `directory move`: a customer moved to a new subscription (tenant) and
//! points its identity provider there, but its users are still linked to
//! the old one, so every create of the new IdP gets 409 ("managed
//! elsewhere"). The move hands the old tenant's IdP-managed memberships to
//! the new tenant, so that the new IdP's first cycle matches each user by
//! userName and the old IdP gets 404 for them.
//!
//! What moves, per member: the membership with its id (the SCIM id both
//! IdPs see), externalId, `active`, the product's document, its email index
//! and its sign-up invitation (sent or queued: nobody is invited twice);
//! the account with its id and names. What stays: group memberships and
//! assignments (they belong to the tenant whose groups they are), and
//! every member the IdP does not manage (`tenant`, `self`, central).
//!
//! Resumable rather than atomic: it runs in batches of its own
//! transactions (500 members by default), so `serve` keeps answering
//! between them and a move of 100,000 members never holds the write lock
//! for long; every batch re-checks what it moves, so a move interrupted
//! (kill -9, a lost connection) is finished by running it again, and a
//! move run twice changes nothing the second time.

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::engine::admin::users::fold_case;
use crate::engine::error::{EngineError, Result};
use crate::engine::events::{EventType, event_user};
use crate::engine::model::{ManagedBy, MemberKind, MemberRecord, Policy, Tenant};
use crate::engine::store::Tx;
use crate::engine::{Engine, tenants};

/// The most members one batch moves.
pub const MAX_BATCH: u32 = 10_000;
pub const DEFAULT_BATCH: u32 = 500;
/// How many emails each conflict lists.
const SAMPLE: usize = 5;

/// Why a member of the old tenant does not move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Conflict {
    /// The new tenant already has the account (a member of both).
    AlreadyInTarget,
    /// The new tenant's namespace (standard policy) has another account
    /// with that userName.
    UserNameTaken,
    /// A third tenant links the account.
    OtherTenant,
    /// Created by the product's admins (`tenant`-managed): not the IdP's.
    TenantManaged,
    /// Logs into several tenants (`self`-managed): not the IdP's.
    SelfManaged,
    /// A central user: the product's own.
    Central,
}

impl Conflict {
    /// What the move does about it.
    pub fn action(self) -> &'static str {
        match self {
            Conflict::AlreadyInTarget => {
                "skipped: the new tenant keeps its own membership; the old one stays with the old tenant"
            }
            Conflict::UserNameTaken => {
                "skipped: the new tenant has another user of that userName; rename one of them, then run the move again"
            }
            Conflict::OtherTenant => {
                "skipped: a third tenant links the account, so it is not the old IdP's alone"
            }
            Conflict::TenantManaged | Conflict::SelfManaged | Conflict::Central => {
                "stays with the old tenant: the identity provider does not manage it"
            }
        }
    }
}

/// One kind of conflict: how many, the first few, and what is done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictCount {
    pub conflict: Conflict,
    pub count: u64,
    pub sample: Vec<String>,
    pub action: String,
}

/// What a move did, or with `dry_run` would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoveReport {
    pub from_tenant: String,
    pub to_tenant: String,
    pub dry_run: bool,
    /// The old tenant's members looked at.
    pub examined: u64,
    /// Moved (with `dry_run`: would move).
    pub moved: u64,
    pub moved_sample: Vec<String>,
    pub conflicts: Vec<ConflictCount>,
    /// Transactions it took (the last finds nothing more).
    pub batches: u64,
}

impl MoveReport {
    fn conflict(&mut self, c: Conflict, email: &str) {
        if !self.conflicts.iter().any(|x| x.conflict == c) {
            self.conflicts.push(ConflictCount {
                conflict: c,
                count: 0,
                sample: Vec::new(),
                action: c.action().to_owned(),
            });
        }
        for entry in self.conflicts.iter_mut().filter(|x| x.conflict == c) {
            entry.count += 1;
            if entry.sample.len() < SAMPLE {
                entry.sample.push(email.to_owned());
            }
        }
    }
}

/// What a batch did with one member: its email, and the conflict when it
/// stayed.
type Outcome = (String, Option<Conflict>);

/// What to do with one of the old tenant's members.
fn classify(tx: &dyn Tx, rec: &MemberRecord, to: &Tenant) -> Result<Option<Conflict>> {
    let m = &rec.membership;
    if m.kind == MemberKind::Central {
        return Ok(Some(Conflict::Central));
    }
    match m.managed_by {
        ManagedBy::Tenant => return Ok(Some(Conflict::TenantManaged)),
        ManagedBy::SelfManaged => return Ok(Some(Conflict::SelfManaged)),
        ManagedBy::Idp => {}
    }
    for other in tx.memberships_of_account(&rec.account.id)? {
        if other.tenant_id == to.id {
            return Ok(Some(Conflict::AlreadyInTarget));
        }
        if other.tenant_id != m.tenant_id {
            return Ok(Some(Conflict::OtherTenant));
        }
    }
    if to.policy == Policy::Standard
        && let Some(a) =
            tx.account_by_user_name(to.namespace(), &fold_case(&rec.account.user_name))?
        && a.id != rec.account.id
    {
        return Ok(Some(Conflict::UserNameTaken));
    }
    Ok(None)
}

impl Engine {
    /// Moves (or with `dry_run`, plans the move of) `from`'s IdP-managed
    /// members to `to`, `batch` members a transaction; `progress` is told
    /// (examined, total) after each batch.
    pub fn directory_move(
        &self,
        from: &Tenant,
        to: &Tenant,
        dry_run: bool,
        batch: u32,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<MoveReport> {
        if from.id == to.id {
            return Err(EngineError::InvalidValue {
                field: "to",
                reason:
                    "the old and the new tenant are the same; name the tenant the customer moved to"
                        .into(),
            });
        }
        if !(1..=MAX_BATCH).contains(&batch) {
            return Err(EngineError::InvalidValue {
                field: "batch",
                reason: format!("give a batch size from 1 to {MAX_BATCH}"),
            });
        }
        let (from, to, total) = self.read(|tx| {
            let f = tenants::get(tx, &from.id)?;
            let t = tenants::get(tx, &to.id)?;
            Ok((f.clone(), t, tx.member_total(&f.id)?))
        })?;
        if from.policy != to.policy {
            return Err(EngineError::InvalidValue {
                field: "to",
                reason: format!(
                    "tenant \"{}\" has the {} policy and \"{}\" the {} policy, whose users live in different namespaces; set the new tenant's policy to {} first ('scimctl --tenant {} scim policy set {}', while it has no members)",
                    from.name,
                    from.policy.as_str(),
                    to.name,
                    to.policy.as_str(),
                    from.policy.as_str(),
                    to.id,
                    from.policy.as_str()
                ),
            });
        }
        let namespace = (to.policy == Policy::Standard).then(|| to.namespace().to_owned());
        let mut report = MoveReport {
            from_tenant: from.id.clone(),
            to_tenant: to.id.clone(),
            dry_run,
            examined: 0,
            moved: 0,
            moved_sample: Vec::new(),
            conflicts: Vec::new(),
            batches: 0,
        };
        // Keyset over the old tenant's members by id: moved ones leave it,
        // the others are passed over by the key.
        let mut after: Option<String> = None;
        loop {
            // One batch: what happened to each member it looked at (the
            // email, and the conflict when it stayed), and where the next
            // batch starts. Counted into the report only once committed.
            let step = |tx: &dyn Tx| -> Result<(Vec<Outcome>, Option<String>)> {
                let page = tx.members_after(&from.id, after.as_deref(), u64::from(batch))?;
                let last = page.last().map(|r| r.membership.id.clone());
                let mut outcomes = Vec::with_capacity(page.len());
                let mut moved = 0;
                for rec in &page {
                    let email = rec.account.user_name.clone();
                    if let Some(c) = classify(tx, rec, &to)? {
                        outcomes.push((email, Some(c)));
                        continue;
                    }
                    if !dry_run {
                        if !tx.move_membership(
                            &rec.membership.id,
                            &from.id,
                            &to.id,
                            namespace.as_deref(),
                        )? {
                            continue;
                        }
                        let user = event_user(&rec.membership, &rec.account);
                        self.emit(tx, &from.id, EventType::UserMovedOut, json!({"user": user}))?;
                        self.emit(tx, &to.id, EventType::UserMovedIn, json!({"user": user}))?;
                    }
                    moved += 1;
                    outcomes.push((email, None));
                }
                if moved > 0 && !dry_run {
                    let detail = Some(format!("{moved} IdP-managed member(s)"));
                    self.audit(
                        tx,
                        Some(&from.id),
                        "directory.move_out",
                        None,
                        detail.clone(),
                    )?;
                    self.audit(tx, Some(&to.id), "directory.move_in", None, detail)?;
                }
                Ok((outcomes, last))
            };
            let (outcomes, last) = match dry_run {
                true => self.read(step)?,
                false => self.write(step)?,
            };
            for (email, conflict) in outcomes {
                report.examined += 1;
                match conflict {
                    Some(c) => report.conflict(c, &email),
                    None => {
                        report.moved += 1;
                        if report.moved_sample.len() < SAMPLE {
                            report.moved_sample.push(email);
                        }
                    }
                }
            }
            report.batches += 1;
            progress(report.examined, total);
            match last {
                Some(id) => after = Some(id),
                None => break,
            }
        }
        Ok(report)
    }
}
