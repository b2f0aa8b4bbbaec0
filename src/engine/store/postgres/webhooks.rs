//! [`WebhookTx`](crate::engine::store::WebhookTx) on PostgreSQL.

use super::*;
use crate::engine::webhooks::{
    Delivery, DeliveryKind, DeliveryQuery, DeliveryStatus, Endpoint, types_of, types_text,
};

const ENDPOINT_COLS: &str = "id, tenant_id, url, secret, types, enabled, disabled_reason, cursor, consecutive_failures, lease_owner, lease_until, created_at";
const DELIVERY_COLS: &str = "id, endpoint_id, tenant_id, kind, message_id, event_seq, event_type, body, status, attempts, next_attempt_at, first_attempt_at, last_attempt_at, last_status, last_error, response_excerpt, created_at";

fn count(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

fn uncount(what: &str, n: i32) -> Result<u32> {
    u32::try_from(n).map_err(|_| bad_value(what, &n.to_string()))
}

fn endpoint_row(r: &Row) -> Result<Endpoint> {
    let types: String = col(r, 4)?;
    Ok(Endpoint {
        id: col(r, 0)?,
        tenant_id: col(r, 1)?,
        url: col(r, 2)?,
        secret: col(r, 3)?,
        types: types_of(&types).map_err(|_| bad_value("webhook types", &types))?,
        enabled: col(r, 5)?,
        disabled_reason: col(r, 6)?,
        cursor: col(r, 7)?,
        consecutive_failures: uncount("failure count", col(r, 8)?)?,
        lease_owner: col(r, 9)?,
        lease_until: col(r, 10)?,
        created_at: col(r, 11)?,
    })
}

fn delivery_row(r: &Row) -> Result<Delivery> {
    let kind: String = col(r, 3)?;
    let status: String = col(r, 8)?;
    let last_status: Option<i32> = col(r, 13)?;
    Ok(Delivery {
        id: col(r, 0)?,
        endpoint_id: col(r, 1)?,
        tenant_id: col(r, 2)?,
        kind: kind
            .parse::<DeliveryKind>()
            .map_err(|_| bad_value("delivery kind", &kind))?,
        message_id: col(r, 4)?,
        event_seq: col(r, 5)?,
        event_type: col(r, 6)?,
        body: col(r, 7)?,
        status: status
            .parse::<DeliveryStatus>()
            .map_err(|_| bad_value("delivery status", &status))?,
        attempts: uncount("attempt count", col(r, 9)?)?,
        next_attempt_at: col(r, 10)?,
        first_attempt_at: col(r, 11)?,
        last_attempt_at: col(r, 12)?,
        last_status: last_status.and_then(|s| u16::try_from(s).ok()),
        last_error: col(r, 14)?,
        response_excerpt: col(r, 15)?,
        created_at: col(r, 16)?,
    })
}

impl WebhookTx for PgTx<'_> {
    fn insert_webhook(&self, e: &Endpoint) -> Result<()> {
        self.exec(
            &format!("INSERT INTO webhook_endpoints ({ENDPOINT_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"),
            &[
                &e.id,
                &e.tenant_id,
                &e.url,
                &e.secret,
                &types_text(&e.types),
                &e.enabled,
                &e.disabled_reason,
                &e.cursor,
                &count(e.consecutive_failures),
                &e.lease_owner,
                &e.lease_until.map(ms),
                &ms(e.created_at),
            ],
        )?;
        Ok(())
    }

    fn webhook(&self, id: &str) -> Result<Option<Endpoint>> {
        self.one(
            &format!("SELECT {ENDPOINT_COLS} FROM webhook_endpoints WHERE id = $1"),
            &[&id],
            endpoint_row,
        )
    }

    fn webhooks(&self, tenant_id: Option<&str>) -> Result<Vec<Endpoint>> {
        self.all(
            &format!("SELECT {ENDPOINT_COLS} FROM webhook_endpoints WHERE $1::text IS NULL OR tenant_id = $1 ORDER BY created_at, id"),
            &[&tenant_id],
            endpoint_row,
        )
    }

    fn update_webhook(&self, e: &Endpoint) -> Result<()> {
        self.exec(
            "UPDATE webhook_endpoints SET enabled = $2, disabled_reason = $3, cursor = $4, consecutive_failures = $5, lease_owner = $6, lease_until = $7 WHERE id = $1",
            &[
                &e.id,
                &e.enabled,
                &e.disabled_reason,
                &e.cursor,
                &count(e.consecutive_failures),
                &e.lease_owner,
                &e.lease_until.map(ms),
            ],
        )?;
        Ok(())
    }

    fn delete_webhook(&self, id: &str) -> Result<bool> {
        self.exec(
            "DELETE FROM webhook_deliveries WHERE endpoint_id = $1",
            &[&id],
        )?;
        Ok(self.exec("DELETE FROM webhook_endpoints WHERE id = $1", &[&id])? > 0)
    }

    fn insert_delivery(&self, d: &Delivery) -> Result<()> {
        self.exec(
            &format!("INSERT INTO webhook_deliveries ({DELIVERY_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)"),
            &[
                &d.id,
                &d.endpoint_id,
                &d.tenant_id,
                &d.kind.as_str(),
                &d.message_id,
                &d.event_seq,
                &d.event_type,
                &d.body,
                &d.status.as_str(),
                &count(d.attempts),
                &ms(d.next_attempt_at),
                &d.first_attempt_at.map(ms),
                &d.last_attempt_at.map(ms),
                &d.last_status.map(i32::from),
                &d.last_error,
                &d.response_excerpt,
                &ms(d.created_at),
            ],
        )?;
        Ok(())
    }

    fn update_delivery(&self, d: &Delivery) -> Result<()> {
        self.exec(
            "UPDATE webhook_deliveries SET status = $2, attempts = $3, next_attempt_at = $4, first_attempt_at = $5, last_attempt_at = $6, last_status = $7, last_error = $8, response_excerpt = $9, body = $10 WHERE id = $1",
            &[
                &d.id,
                &d.status.as_str(),
                &count(d.attempts),
                &ms(d.next_attempt_at),
                &d.first_attempt_at.map(ms),
                &d.last_attempt_at.map(ms),
                &d.last_status.map(i32::from),
                &d.last_error,
                &d.response_excerpt,
                &d.body,
            ],
        )?;
        Ok(())
    }

    fn delivery(&self, id: &str) -> Result<Option<Delivery>> {
        self.one(
            &format!("SELECT {DELIVERY_COLS} FROM webhook_deliveries WHERE id = $1"),
            &[&id],
            delivery_row,
        )
    }

    fn deliveries(&self, q: &DeliveryQuery) -> Result<Vec<Delivery>> {
        let limit = if q.limit == 0 {
            i64::MAX
        } else {
            i64::from(q.limit)
        };
        self.all(
            &format!(
                "SELECT {DELIVERY_COLS} FROM webhook_deliveries WHERE ($1::text IS NULL OR tenant_id = $1) AND ($2::text IS NULL OR endpoint_id = $2) AND (NOT $3 OR status = 'failed') ORDER BY created_at DESC, id DESC LIMIT $4"
            ),
            &[&q.tenant_id, &q.endpoint_id, &q.failed_only, &limit],
            delivery_row,
        )
    }

    fn pending_deliveries(&self, endpoint_id: &str) -> Result<Vec<Delivery>> {
        self.all(
            &format!(
                "SELECT {DELIVERY_COLS} FROM webhook_deliveries WHERE endpoint_id = $1 AND status = 'pending' ORDER BY next_attempt_at, id"
            ),
            &[&endpoint_id],
            delivery_row,
        )
    }

    fn prune_deliveries(&self, before: OffsetDateTime, limit: u64) -> Result<u64> {
        self.exec(
            "DELETE FROM webhook_deliveries WHERE id IN (SELECT id FROM webhook_deliveries WHERE status <> 'pending' AND created_at < $1 ORDER BY created_at LIMIT $2)",
            &[&ms(before), &(limit as i64)],
        )
    }
}
