//! [`InvitationTx`](crate::engine::store::InvitationTx) on SQLite.

use super::*;

impl InvitationTx for SqliteTx<'_> {
    fn enqueue_invitation(&self, inv: &Invitation) -> Result<bool> {
        Ok(self.exec(
            "INSERT OR IGNORE INTO invitations (id, tenant_id, membership_id, email, enqueued_at, sent_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![inv.id, inv.tenant_id, inv.membership_id, inv.email, ms(inv.enqueued_at), inv.sent_at.map(ms)],
        )? > 0)
    }

    fn invitation_for(&self, membership_id: &str) -> Result<Option<Invitation>> {
        self.one(
            concat!(
                "SELECT ",
                invitation_cols!(),
                " FROM invitations WHERE membership_id = ?1"
            ),
            [membership_id],
            invitation_row,
        )
    }
}
