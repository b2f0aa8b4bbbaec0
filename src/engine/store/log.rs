//! The provisioning log: records, their retention, counters and statistics.

use time::OffsetDateTime;

use crate::engine::error::Result;
use crate::engine::log::{LogCounters, LogQuery, LogRecord};

pub trait LogTx {
    /// Inserts the records in order, setting each one's sequence number:
    /// in commit order, so that a reader that has seen a number has seen
    /// every lower one (`log --follow` relies on it). Records come bounded
    /// (`LogRecord::bound`): no NUL in any text.
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
    /// The tenant's provisioning-log records since `since`, counted by
    /// hour, status, reason and whether the previous token was presented.
    fn log_stats(&self, tenant_id: &str, since: OffsetDateTime) -> Result<Vec<LogStat>>;
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
