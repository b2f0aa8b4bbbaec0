//! [`InvitationTx`](crate::engine::store::InvitationTx) on PostgreSQL.

use super::*;

impl InvitationTx for PgTx<'_> {
    fn enqueue_invitation(&self, inv: &Invitation) -> Result<bool> {
        Ok(self.exec(
            "INSERT INTO invitations (id, tenant_id, membership_id, email, enqueued_at, sent_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
            &[&inv.id, &inv.tenant_id, &inv.membership_id, &inv.email, &ms(inv.enqueued_at), &inv.sent_at.map(ms)],
        )? > 0)
    }

    fn invitation_for(&self, membership_id: &str) -> Result<Option<Invitation>> {
        self.one(
            concat!(
                "SELECT ",
                invitation_cols!(),
                " FROM invitations WHERE membership_id = $1"
            ),
            &[&membership_id],
            invitation_row,
        )
    }
}
