//! The outbox of sign-up invitations.

use time::OffsetDateTime;

use crate::engine::error::Result;
use crate::engine::model::*;

/// Which invitations `invitations` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvitationFilter {
    All,
    /// Neither sent nor failed (queued, or retrying).
    Pending,
    Failed,
    Sent,
}

/// A tenant's invitations by state, for `diagnose tenant`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InvitationCounts {
    /// Neither sent nor failed.
    pub pending: u64,
    /// Pending with at least one failed attempt.
    pub retrying: u64,
    pub failed: u64,
    pub sent: u64,
}

pub trait InvitationTx {
    /// Enqueues the invitation unless the membership has one; false if it had.
    fn enqueue_invitation(&self, inv: &Invitation) -> Result<bool>;
    fn invitation_for(&self, membership_id: &str) -> Result<Option<Invitation>>;
    fn invitation_by_id(&self, id: &str) -> Result<Option<Invitation>>;
    /// The invitation whose sign-up link token has this SHA-256.
    fn invitation_by_token(&self, token_hash: &[u8; 32]) -> Result<Option<Invitation>>;
    /// Up to `limit` invitations any sender may claim at `now`, oldest
    /// first: neither sent nor failed, not before their next attempt, and
    /// with no lease or an expired one.
    fn due_invitations(&self, now: OffsetDateTime, limit: u64) -> Result<Vec<Invitation>>;
    /// Writes the row's `sent_at` and delivery columns (by id); false when
    /// no such row.
    fn update_invitation(&self, inv: &Invitation) -> Result<bool>;
    /// A tenant's invitations in `filter`, of one membership if given, oldest
    /// first, at most `limit`.
    fn invitations(
        &self,
        tenant_id: &str,
        filter: InvitationFilter,
        membership_id: Option<&str>,
        limit: u64,
    ) -> Result<Vec<Invitation>>;
    fn invitation_counts(&self, tenant_id: &str) -> Result<InvitationCounts>;
}
