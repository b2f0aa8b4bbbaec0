//! [`WebhookTx`](crate::engine::store::WebhookTx) on SQLite.

use super::*;
use crate::engine::webhooks::{
    Delivery, DeliveryKind, DeliveryQuery, DeliveryStatus, Endpoint, types_of, types_text,
};

const ENDPOINT_COLS: &str = "id, tenant_id, url, secret, types, enabled, disabled_reason, cursor, consecutive_failures, lease_owner, lease_until, created_at";
const DELIVERY_COLS: &str = "id, endpoint_id, tenant_id, kind, message_id, event_seq, event_type, body, status, attempts, next_attempt_at, first_attempt_at, last_attempt_at, last_status, last_error, response_excerpt, created_at";

fn endpoint_row(r: &Row) -> rusqlite::Result<Endpoint> {
    let types: String = r.get(4)?;
    Ok(Endpoint {
        id: r.get(0)?,
        tenant_id: r.get(1)?,
        url: r.get(2)?,
        secret: r.get(3)?,
        types: types_of(&types).map_err(|_| bad_enum(4, &types))?,
        enabled: r.get(5)?,
        disabled_reason: r.get(6)?,
        cursor: r.get(7)?,
        consecutive_failures: r.get(8)?,
        lease_owner: r.get(9)?,
        lease_until: opt_at(r.get(10)?)?,
        created_at: at(r.get(11)?)?,
    })
}

fn delivery_row(r: &Row) -> rusqlite::Result<Delivery> {
    let kind: String = r.get(3)?;
    let status: String = r.get(8)?;
    Ok(Delivery {
        id: r.get(0)?,
        endpoint_id: r.get(1)?,
        tenant_id: r.get(2)?,
        kind: kind
            .parse::<DeliveryKind>()
            .map_err(|_| bad_enum(3, &kind))?,
        message_id: r.get(4)?,
        event_seq: r.get(5)?,
        event_type: r.get(6)?,
        body: r.get(7)?,
        status: status
            .parse::<DeliveryStatus>()
            .map_err(|_| bad_enum(8, &status))?,
        attempts: r.get(9)?,
        next_attempt_at: at(r.get(10)?)?,
        first_attempt_at: opt_at(r.get(11)?)?,
        last_attempt_at: opt_at(r.get(12)?)?,
        last_status: r.get(13)?,
        last_error: r.get(14)?,
        response_excerpt: r.get(15)?,
        created_at: at(r.get(16)?)?,
    })
}

impl WebhookTx for SqliteTx<'_> {
    fn insert_webhook(&self, e: &Endpoint) -> Result<()> {
        self.exec(
            &format!("INSERT INTO webhook_endpoints ({ENDPOINT_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"),
            params![
                e.id,
                e.tenant_id,
                e.url,
                e.secret,
                types_text(&e.types),
                e.enabled,
                e.disabled_reason,
                e.cursor,
                e.consecutive_failures,
                e.lease_owner,
                e.lease_until.map(ms),
                ms(e.created_at)
            ],
        )?;
        Ok(())
    }

    fn webhook(&self, id: &str) -> Result<Option<Endpoint>> {
        self.one(
            &format!("SELECT {ENDPOINT_COLS} FROM webhook_endpoints WHERE id = ?1"),
            [id],
            endpoint_row,
        )
    }

    fn webhooks(&self, tenant_id: Option<&str>) -> Result<Vec<Endpoint>> {
        self.all(
            &format!("SELECT {ENDPOINT_COLS} FROM webhook_endpoints WHERE ?1 IS NULL OR tenant_id = ?1 ORDER BY created_at, id"),
            [tenant_id],
            endpoint_row,
        )
    }

    fn update_webhook(&self, e: &Endpoint) -> Result<()> {
        self.exec(
            "UPDATE webhook_endpoints SET enabled = ?2, disabled_reason = ?3, cursor = ?4, consecutive_failures = ?5, lease_owner = ?6, lease_until = ?7 WHERE id = ?1",
            params![
                e.id,
                e.enabled,
                e.disabled_reason,
                e.cursor,
                e.consecutive_failures,
                e.lease_owner,
                e.lease_until.map(ms)
            ],
        )?;
        Ok(())
    }

    fn delete_webhook(&self, id: &str) -> Result<bool> {
        self.exec(
            "DELETE FROM webhook_deliveries WHERE endpoint_id = ?1",
            [id],
        )?;
        Ok(self.exec("DELETE FROM webhook_endpoints WHERE id = ?1", [id])? > 0)
    }

    fn insert_delivery(&self, d: &Delivery) -> Result<()> {
        self.exec(
            &format!("INSERT INTO webhook_deliveries ({DELIVERY_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)"),
            params![
                d.id,
                d.endpoint_id,
                d.tenant_id,
                d.kind.as_str(),
                d.message_id,
                d.event_seq,
                d.event_type,
                d.body,
                d.status.as_str(),
                d.attempts,
                ms(d.next_attempt_at),
                d.first_attempt_at.map(ms),
                d.last_attempt_at.map(ms),
                d.last_status,
                d.last_error,
                d.response_excerpt,
                ms(d.created_at)
            ],
        )?;
        Ok(())
    }

    fn update_delivery(&self, d: &Delivery) -> Result<()> {
        self.exec(
            "UPDATE webhook_deliveries SET status = ?2, attempts = ?3, next_attempt_at = ?4, first_attempt_at = ?5, last_attempt_at = ?6, last_status = ?7, last_error = ?8, response_excerpt = ?9, body = ?10 WHERE id = ?1",
            params![
                d.id,
                d.status.as_str(),
                d.attempts,
                ms(d.next_attempt_at),
                d.first_attempt_at.map(ms),
                d.last_attempt_at.map(ms),
                d.last_status,
                d.last_error,
                d.response_excerpt,
                d.body
            ],
        )?;
        Ok(())
    }

    fn delivery(&self, id: &str) -> Result<Option<Delivery>> {
        self.one(
            &format!("SELECT {DELIVERY_COLS} FROM webhook_deliveries WHERE id = ?1"),
            [id],
            delivery_row,
        )
    }

    fn deliveries(&self, q: &DeliveryQuery) -> Result<Vec<Delivery>> {
        let limit = if q.limit == 0 { -1 } else { i64::from(q.limit) };
        self.all(
            &format!(
                "SELECT {DELIVERY_COLS} FROM webhook_deliveries WHERE (?1 IS NULL OR tenant_id = ?1) AND (?2 IS NULL OR endpoint_id = ?2) AND (?3 = 0 OR status = 'failed') ORDER BY created_at DESC, id DESC LIMIT ?4"
            ),
            params![q.tenant_id, q.endpoint_id, q.failed_only, limit],
            delivery_row,
        )
    }

    fn pending_deliveries(&self, endpoint_id: &str) -> Result<Vec<Delivery>> {
        self.all(
            &format!(
                "SELECT {DELIVERY_COLS} FROM webhook_deliveries WHERE endpoint_id = ?1 AND status = 'pending' ORDER BY next_attempt_at, id"
            ),
            [endpoint_id],
            delivery_row,
        )
    }

    fn prune_deliveries(&self, before: OffsetDateTime, limit: u64) -> Result<u64> {
        Ok(self.exec(
            "DELETE FROM webhook_deliveries WHERE id IN (SELECT id FROM webhook_deliveries WHERE status <> 'pending' AND created_at < ?1 ORDER BY created_at LIMIT ?2)",
            params![ms(before), limit as i64],
        )? as u64)
    }
}
