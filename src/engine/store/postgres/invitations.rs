//! [`InvitationTx`](crate::engine::store::InvitationTx) on PostgreSQL.

use super::*;
use crate::engine::store::{InvitationCounts, InvitationFilter};

macro_rules! invitations_where {
    ($state:literal) => {
        concat!(
            "SELECT ",
            invitation_cols!(),
            " FROM invitations WHERE tenant_id = $1 AND ($2::text IS NULL OR membership_id = $2) ",
            $state,
            " ORDER BY enqueued_at, id LIMIT $3"
        )
    };
}

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

    fn invitation_by_id(&self, id: &str) -> Result<Option<Invitation>> {
        self.one(
            concat!(
                "SELECT ",
                invitation_cols!(),
                " FROM invitations WHERE id = $1"
            ),
            &[&id],
            invitation_row,
        )
    }

    fn invitation_by_token(&self, token_hash: &[u8; 32]) -> Result<Option<Invitation>> {
        let h: &[u8] = &token_hash[..];
        self.one(
            concat!(
                "SELECT ",
                invitation_cols!(),
                " FROM invitations WHERE token_hash = $1"
            ),
            &[&h],
            invitation_row,
        )
    }

    fn due_invitations(&self, now: OffsetDateTime, limit: u64) -> Result<Vec<Invitation>> {
        let limit = limit.min(i64::MAX as u64) as i64;
        self.all(
            concat!(
                "SELECT ",
                invitation_cols!(),
                " FROM invitations WHERE sent_at IS NULL AND failed_at IS NULL",
                " AND (next_attempt_at IS NULL OR next_attempt_at <= $1)",
                " AND (lease_until IS NULL OR lease_until <= $1)",
                " ORDER BY enqueued_at, id LIMIT $2"
            ),
            &[&ms(now), &limit],
            invitation_row,
        )
    }

    fn update_invitation(&self, inv: &Invitation) -> Result<bool> {
        let d = &inv.delivery;
        let attempts = i32::try_from(d.attempts).unwrap_or(i32::MAX);
        let hash: Option<&[u8]> = d.token_hash.as_ref().map(|h| &h[..]);
        Ok(self.exec(
            "UPDATE invitations SET sent_at = $2, attempts = $3, next_attempt_at = $4, lease_until = $5, last_error = $6, failed_at = $7, token_hash = $8, token_expires_at = $9, redeemed_at = $10 WHERE id = $1",
            &[
                &inv.id,
                &inv.sent_at.map(ms),
                &attempts,
                &d.next_attempt_at.map(ms),
                &d.lease_until.map(ms),
                &d.last_error,
                &d.failed_at.map(ms),
                &hash,
                &d.token_expires_at.map(ms),
                &d.redeemed_at.map(ms),
            ],
        )? > 0)
    }

    fn invitations(
        &self,
        tenant_id: &str,
        filter: InvitationFilter,
        membership_id: Option<&str>,
        limit: u64,
    ) -> Result<Vec<Invitation>> {
        let q = match filter {
            InvitationFilter::All => invitations_where!(""),
            InvitationFilter::Pending => {
                invitations_where!("AND sent_at IS NULL AND failed_at IS NULL")
            }
            InvitationFilter::Failed => invitations_where!("AND failed_at IS NOT NULL"),
            InvitationFilter::Sent => invitations_where!("AND sent_at IS NOT NULL"),
        };
        let limit = limit.min(i64::MAX as u64) as i64;
        self.all(q, &[&tenant_id, &membership_id, &limit], invitation_row)
    }

    fn invitation_counts(&self, tenant_id: &str) -> Result<InvitationCounts> {
        let n = |r: &Row, i: usize| -> Result<u64> { Ok(col::<i64>(r, i)?.max(0) as u64) };
        Ok(self
            .one(
                "SELECT \
                   count(*) FILTER (WHERE sent_at IS NULL AND failed_at IS NULL), \
                   count(*) FILTER (WHERE sent_at IS NULL AND failed_at IS NULL AND last_error IS NOT NULL), \
                   count(*) FILTER (WHERE failed_at IS NOT NULL), \
                   count(*) FILTER (WHERE sent_at IS NOT NULL) \
                 FROM invitations WHERE tenant_id = $1",
                &[&tenant_id],
                |r| {
                    Ok(InvitationCounts {
                        pending: n(r, 0)?,
                        retrying: n(r, 1)?,
                        failed: n(r, 2)?,
                        sent: n(r, 3)?,
                    })
                },
            )?
            .unwrap_or_default())
    }
}
