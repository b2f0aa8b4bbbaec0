//! The outbox of sign-up invitations.

use crate::engine::error::Result;
use crate::engine::model::*;

pub trait InvitationTx {
    /// Enqueues the invitation unless the membership has one; false if it had.
    fn enqueue_invitation(&self, inv: &Invitation) -> Result<bool>;
    fn invitation_for(&self, membership_id: &str) -> Result<Option<Invitation>>;
}
