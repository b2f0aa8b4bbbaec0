//! Storage behind a trait. A store hands the engine a transaction (`Tx`) of
//! plain primitives; every rule stays in the engine, and the same closure runs
//! unchanged on SQLite (default) or PostgreSQL (scale-out). One conformance
//! suite (`tests/it/store_conformance.rs`) holds every implementation to it.

pub mod sqlite;

use time::OffsetDateTime;

use super::error::{EngineError, Result, StoreError};
use super::log::{LogCounters, LogQuery, LogRecord};
use super::model::*;

/// What a store says about itself, for `config show` and diagnostics.
#[derive(Debug, Clone)]
pub struct StoreInfo {
    pub kind: &'static str,
    pub location: String,
    pub schema_version: i64,
}

/// A store: runs a closure inside one transaction, committed only when the
/// closure returns `Ok`. Nothing half-written survives an `Err`.
pub trait Store: Send + Sync {
    fn read(&self, f: &mut dyn FnMut(&dyn Tx) -> Result<()>) -> Result<()>;
    fn write(&self, f: &mut dyn FnMut(&dyn Tx) -> Result<()>) -> Result<()>;
    /// `read` for a caller that must not wait — a server's async worker:
    /// runs `f` only on a connection free this instant, never waits for a
    /// lock, and stops `f` once it has made the store do more than a
    /// small, fixed amount of work (a lookup by key and its few related
    /// rows, not a scan). Pages it needs may still be read from the file:
    /// a lookup's few, from the OS's cache once warm. `None` when it did not run to the end: nothing was
    /// written and whatever `f` saw must be thrown away; the caller runs it
    /// with `read` instead. The default, for a store that cannot promise
    /// this, is always `None`.
    fn read_now(&self, f: &mut dyn FnMut(&dyn Tx) -> Result<()>) -> Option<Result<()>> {
        let _ = f;
        None
    }
    fn info(&self) -> StoreInfo;
    /// A write transaction for the provisioning log: it may read the
    /// store, and write only the log (which a store may keep apart so that
    /// appends never contend with the store's writes).
    fn append(&self, f: &mut dyn FnMut(&dyn Tx) -> Result<()>) -> Result<()> {
        self.write(f)
    }
    /// For a long-running server: move housekeeping that would otherwise
    /// run inside a request's commit (SQLite's WAL checkpoints) to
    /// `maintain`, which the server calls from a background task.
    fn defer_maintenance(&self) -> Result<()> {
        Ok(())
    }
    /// Background housekeeping; cheap when there is nothing to do.
    fn maintain(&self) -> Result<()> {
        Ok(())
    }
    /// A stamp that moves whenever what authentication reads — tenants
    /// and tokens — may have changed: after every committed write of a
    /// tenant or a token through this store (before `write` returns), and
    /// after any commit by anyone else (another process, another store
    /// over the same data). Reads and other writes through this store
    /// leave it where it is, so that a cache of verified tokens survives
    /// a provisioning load. The engine keeps a verified token only while
    /// the stamp is the one read before it was verified.
    ///
    /// Cheap (called once per request) and never waits: it may run on a
    /// server's async workers. `None` when it cannot be told at once:
    /// nothing cached may then be trusted. The default, for a store that
    /// cannot tell, is always `None`.
    fn auth_stamp(&self) -> Option<u64> {
        None
    }
}

/// Runs `f` in a read transaction and returns its value.
pub fn read<R>(store: &dyn Store, f: impl FnOnce(&dyn Tx) -> Result<R>) -> Result<R> {
    run_once(|g| store.read(g), f)
}

/// Runs `f` as `Store::read_now` does: `None` when it could not run at
/// once and to the end (then `f` has been used up, and its result thrown
/// away).
pub fn read_now<R>(store: &dyn Store, f: impl FnOnce(&dyn Tx) -> Result<R>) -> Option<Result<R>> {
    let mut ran = None;
    let finished = run_once(
        |g| match store.read_now(g) {
            Some(r) => {
                ran = Some(());
                r
            }
            None => Ok(()),
        },
        f,
    );
    ran.map(|()| finished)
}

/// Runs `f` in a log-append transaction and returns its value.
pub fn append<R>(store: &dyn Store, f: impl FnOnce(&dyn Tx) -> Result<R>) -> Result<R> {
    run_once(|g| store.append(g), f)
}

/// Runs `f` in a write transaction and returns its value.
pub fn write<R>(store: &dyn Store, f: impl FnOnce(&dyn Tx) -> Result<R>) -> Result<R> {
    run_once(|g| store.write(g), f)
}

fn run_once<R>(
    run: impl FnOnce(&mut dyn FnMut(&dyn Tx) -> Result<()>) -> Result<()>,
    f: impl FnOnce(&dyn Tx) -> Result<R>,
) -> Result<R> {
    let mut f = Some(f);
    let mut out = None;
    run(&mut |tx| {
        let f = f.take().ok_or_else(|| {
            EngineError::Store(StoreError::Backend("transaction closure ran twice".into()))
        })?;
        out = Some(f(tx)?);
        Ok(())
    })?;
    out.ok_or_else(|| {
        EngineError::Store(StoreError::Backend("transaction closure never ran".into()))
    })
}

/// The primitives a transaction offers. Names are lower-cased by the caller
/// where a lookup is case-insensitive (`*_lower` arguments).
pub trait Tx {
    /// Runs `f` as one step of this transaction that can fail alone: its
    /// writes are undone when it returns `Err` (or panics, which becomes
    /// an `Err`), the transaction's other writes stay. What a batch of
    /// requests in one transaction runs each request in.
    fn step(&self, f: &mut dyn FnMut(&dyn Tx) -> Result<()>) -> Result<()>;

    // tenants
    fn insert_tenant(&self, t: &Tenant) -> Result<()>;
    fn tenant_by_id(&self, id: &str) -> Result<Option<Tenant>>;
    fn tenant_by_name(&self, name_lower: &str) -> Result<Option<Tenant>>;
    fn tenants(&self) -> Result<Vec<Tenant>>;
    fn update_tenant(&self, t: &Tenant) -> Result<()>;
    /// Deletes the tenant with everything that belongs to it, and the
    /// accounts that no other tenant links. Returns false when it did not exist.
    fn delete_tenant(&self, id: &str) -> Result<bool>;

    // properties
    fn insert_property(&self, p: &Property) -> Result<()>;
    fn property_by_name(&self, tenant_id: &str, name_lower: &str) -> Result<Option<Property>>;
    fn properties(&self, tenant_id: &str) -> Result<Vec<Property>>;

    // accounts
    fn insert_account(&self, a: &Account) -> Result<()>;
    fn account_by_id(&self, id: &str) -> Result<Option<Account>>;
    fn account_by_user_name(
        &self,
        namespace: &str,
        user_name_lower: &str,
    ) -> Result<Option<Account>>;
    fn update_account(&self, a: &Account) -> Result<()>;
    fn delete_account(&self, id: &str) -> Result<bool>;

    // memberships
    fn insert_membership(&self, m: &Membership) -> Result<()>;
    fn membership_by_id(&self, tenant_id: &str, id: &str) -> Result<Option<Membership>>;
    fn membership_of(&self, tenant_id: &str, account_id: &str) -> Result<Option<Membership>>;
    fn memberships_of_account(&self, account_id: &str) -> Result<Vec<Membership>>;
    fn memberships_by_external_id(
        &self,
        tenant_id: &str,
        external_id: &str,
    ) -> Result<Vec<Membership>>;
    fn update_membership(&self, m: &Membership) -> Result<()>;
    fn delete_membership(&self, tenant_id: &str, id: &str) -> Result<bool>;
    fn member_counts(&self, tenant_id: &str) -> Result<MemberCounts>;

    // members with their accounts (SCIM Users)
    fn member(&self, tenant_id: &str, id: &str) -> Result<Option<MemberRecord>>;
    fn members_by_user_name(
        &self,
        tenant_id: &str,
        namespace: &str,
        user_name_lower: &str,
    ) -> Result<Vec<MemberRecord>>;
    fn members_by_external_id(
        &self,
        tenant_id: &str,
        external_id: &str,
    ) -> Result<Vec<MemberRecord>>;
    fn members_by_email(&self, tenant_id: &str, email_lower: &str) -> Result<Vec<MemberRecord>>;
    /// One page in creation order.
    fn members_page(&self, tenant_id: &str, offset: u64, limit: u64) -> Result<Vec<MemberRecord>>;
    /// Keyset scan in id order, for filters no index answers.
    fn members_after(
        &self,
        tenant_id: &str,
        after_id: Option<&str>,
        limit: u64,
    ) -> Result<Vec<MemberRecord>>;
    fn member_total(&self, tenant_id: &str) -> Result<u64>;
    /// Replaces the email index entries of a member.
    fn set_member_emails(
        &self,
        tenant_id: &str,
        membership_id: &str,
        emails_lower: &[String],
    ) -> Result<()>;

    // groups
    fn insert_group(&self, g: &Group) -> Result<()>;
    fn group_by_id(&self, tenant_id: &str, id: &str) -> Result<Option<Group>>;
    fn group_by_name(&self, tenant_id: &str, name_lower: &str) -> Result<Option<Group>>;
    fn groups(&self, tenant_id: &str) -> Result<Vec<Group>>;
    fn update_group(&self, g: &Group) -> Result<()>;
    fn delete_group(&self, tenant_id: &str, id: &str) -> Result<bool>;
    /// Adds the assignment; false when the group already had it.
    fn add_assignment(&self, group_id: &str, a: &Assignment) -> Result<bool>;
    fn assignments(&self, group_id: &str) -> Result<Vec<Assignment>>;
    /// Adds the member with the `display` its client sent; false (and
    /// nothing changed) when it was one already.
    fn add_group_member(
        &self,
        group_id: &str,
        membership_id: &str,
        display: Option<&str>,
        at: OffsetDateTime,
    ) -> Result<bool>;
    /// Sets an existing member's `display`; false when it had that one
    /// already or is no member.
    fn set_group_member_display(
        &self,
        group_id: &str,
        membership_id: &str,
        display: Option<&str>,
    ) -> Result<bool>;
    fn remove_group_member(&self, group_id: &str, membership_id: &str) -> Result<bool>;
    fn group_members(&self, group_id: &str) -> Result<Vec<String>>;
    fn groups_of_member(&self, membership_id: &str) -> Result<Vec<String>>;
    fn groups_by_external_id(&self, tenant_id: &str, external_id: &str) -> Result<Vec<Group>>;
    fn groups_with_member(&self, tenant_id: &str, membership_id: &str) -> Result<Vec<Group>>;
    fn groups_page(&self, tenant_id: &str, offset: u64, limit: u64) -> Result<Vec<Group>>;
    fn groups_after(
        &self,
        tenant_id: &str,
        after_id: Option<&str>,
        limit: u64,
    ) -> Result<Vec<Group>>;
    fn group_total(&self, tenant_id: &str) -> Result<u64>;
    /// A group's members with their userNames and the display their client
    /// sent, in the order they were added.
    fn group_member_refs(&self, group_id: &str) -> Result<Vec<MemberRef>>;

    // tokens
    fn insert_token(&self, t: &TokenRecord) -> Result<()>;
    fn update_token(&self, t: &TokenRecord) -> Result<()>;
    /// The tenant's tokens that may still authenticate (active, previous).
    fn live_tokens(&self, tenant_id: &str) -> Result<Vec<TokenRecord>>;
    fn token_by_hash(&self, hash: &[u8; 32]) -> Result<Option<TokenRecord>>;
    /// Records a token's last use (batched by the engine).
    fn touch_token(&self, id: &str, at: OffsetDateTime, from: Option<&str>) -> Result<()>;

    // invitations
    /// Enqueues the invitation unless the membership has one; false if it had.
    fn enqueue_invitation(&self, inv: &Invitation) -> Result<bool>;
    fn invitation_for(&self, membership_id: &str) -> Result<Option<Invitation>>;

    // provisioning log
    /// Inserts the records in order, setting each one's sequence number.
    fn insert_logs(&self, rs: &mut [LogRecord]) -> Result<()>;
    fn log_records(&self, q: &LogQuery) -> Result<Vec<LogRecord>>;
    /// Where retention cuts: the records older than `before` (when set),
    /// and for every tenant with more than `keep` records its older ones
    /// (records with no tenant count as one more tenant). Run in a read
    /// transaction, so the index walks that find the cuts hold no lock.
    fn log_cuts(&self, before: Option<OffsetDateTime>, keep: u64) -> Result<Vec<LogCut>>;
    /// Removes at most `limit` records of a cut, oldest first; returns how
    /// many (fewer than `limit` once the cut is done).
    fn prune_log_cut(&self, cut: &LogCut, limit: u64) -> Result<u64>;
    /// Forgets a tenant's log at once: no tenant query finds its records
    /// any more (a tenant re-created with the same id starts empty) and its
    /// counters go; the records themselves go in `purge_forgotten_log`.
    fn forget_log_tenant(&self, tenant_id: &str) -> Result<()>;
    /// `forget_log_tenant` for every tenant of the log the store no longer
    /// has (one deleted while the log could not be written); returns how many.
    fn forget_departed_log_tenants(&self) -> Result<u64>;
    /// Removes records of forgotten tenants, and the keys of those with
    /// none left: at most `limit` of both together, which it returns
    /// (fewer than `limit` once all are gone).
    fn purge_forgotten_log(&self, limit: u64) -> Result<u64>;
    /// Removes the log's keys of tenants that have no records left.
    fn prune_log_tenants(&self) -> Result<u64>;
    /// Adds to the log's counters of a tenant (None: of requests that
    /// named no tenant the store has, in aggregate).
    fn add_log_counters(&self, tenant_id: Option<&str>, add: &LogCounters) -> Result<()>;
    /// The log's counters of a tenant (None: the aggregate), zero when none.
    fn log_counters(&self, tenant_id: Option<&str>) -> Result<LogCounters>;

    // audit
    fn insert_audit(&self, e: &AuditEvent) -> Result<()>;
    fn audit_events(&self, tenant_id: &str, limit: u32) -> Result<Vec<AuditEvent>>;

    // support tools (`users list`, `diagnose`, the dashboard)
    /// A page of the tenant's members that match, in userName order, after
    /// the userName (lower-cased) `after`; `namespace` is where the
    /// tenant's userNames live (see `model::Account`).
    fn member_list(
        &self,
        tenant_id: &str,
        namespace: &str,
        f: &MemberFilter,
        after: Option<&str>,
        limit: u64,
    ) -> Result<Vec<MemberRecord>>;
    fn member_list_total(&self, tenant_id: &str, f: &MemberFilter) -> Result<u64>;
    /// The tenant's provisioning-log records since `since`, counted by
    /// hour, status, reason and whether the previous token was presented.
    fn log_stats(&self, tenant_id: &str, since: OffsetDateTime) -> Result<Vec<LogStat>>;

    // admin keys (the admin API)
    fn insert_admin_key(&self, k: &AdminKeyRecord) -> Result<()>;
    fn admin_key_by_name(&self, name_lower: &str) -> Result<Option<AdminKeyRecord>>;
    fn admin_key_by_hash(&self, hash: &[u8; 32]) -> Result<Option<AdminKeyRecord>>;
    /// Every key, revoked ones too, oldest first.
    fn admin_keys(&self) -> Result<Vec<AdminKeyRecord>>;
    /// Sets `last_used_at` and `revoked_at` (nothing else changes).
    fn update_admin_key(&self, k: &AdminKeyRecord) -> Result<()>;
}

/// Which members `member_list` returns; every set field must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemberFilter {
    pub managed_by: Option<ManagedBy>,
    pub kind: Option<MemberKind>,
    pub active: Option<bool>,
    /// Lower-cased text found in the userName or the name.
    pub search_lower: Option<String>,
}

/// One bucket of `log_stats`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogStat {
    pub hour: OffsetDateTime,
    pub status: u16,
    pub reason: Option<String>,
    /// Refused because the IdP presented a token replaced by a regenerate.
    pub stale_token: bool,
    pub count: u64,
}

/// Records that retention removes: every record of `scope` up to and
/// including sequence number `upto_seq`. New records come after it, so a
/// cut stays right while it is removed in chunks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogCut {
    pub scope: LogScope,
    pub upto_seq: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogScope {
    /// Every tenant's (retention by age).
    All,
    /// The records that name no tenant.
    NoTenant,
    /// One tenant's, by the store's own key for it in the log.
    Tenant(i64),
}
