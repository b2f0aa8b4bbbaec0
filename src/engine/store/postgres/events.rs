//! [`EventTx`](crate::engine::store::EventTx) on PostgreSQL.

use super::*;
use crate::engine::events::{Event, EventQuery};
use crate::engine::store::sqlite::events::{actor_cols, data_text, event_of};

impl EventTx for PgTx<'_> {
    fn insert_event(&self, e: &mut Event) -> Result<()> {
        let (actor, request_id) = actor_cols(&e.actor);
        let data = data_text(&e.data);
        e.seq = self
            .one(
                "INSERT INTO events (id, tenant_id, at, type, actor, request_id, data) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING seq",
                &[&e.id, &e.tenant_id, &ms(e.at), &e.kind.as_str(), &actor, &request_id, &data],
                |r| col(r, 0),
            )?
            .ok_or_else(|| StoreError::Backend("an event insert returned no number".into()))?;
        Ok(())
    }

    fn events(&self, q: &EventQuery) -> Result<Vec<Event>> {
        let types: Vec<&str> = q.types.iter().map(|t| t.as_str()).collect();
        let newest = q.after.is_none() && q.limit > 0;
        let limit = if q.limit > 0 {
            i64::from(q.limit)
        } else {
            i64::MAX
        };
        let sql = format!(
            "SELECT seq, id, tenant_id, at, type, actor, request_id, data FROM events \
             WHERE ($1::text IS NULL OR tenant_id = $1) AND seq > $2 \
             AND (cardinality($3::text[]) = 0 OR type = ANY($3)) \
             ORDER BY seq {} LIMIT $4",
            if newest { "DESC" } else { "ASC" }
        );
        let mut v = self.all(
            &sql,
            &[&q.tenant_id, &q.after.unwrap_or(0), &types, &limit],
            |r| {
                let kind: String = col(r, 4)?;
                let data: String = col(r, 7)?;
                event_of(
                    col(r, 0)?,
                    col(r, 1)?,
                    col(r, 2)?,
                    col(r, 3)?,
                    &kind,
                    col(r, 5)?,
                    col(r, 6)?,
                    &data,
                )
            },
        )?;
        if newest {
            v.reverse();
        }
        Ok(v)
    }

    fn last_event_seq(&self) -> Result<i64> {
        // The identity's own mark: a pruned newest event keeps its number
        // taken. `last_value` is its start before the first is given.
        Ok(self
            .one(
                "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM events_seq_seq",
                &[],
                |r| col(r, 0),
            )?
            .unwrap_or(0))
    }

    fn prune_events(&self, before: OffsetDateTime, limit: u64) -> Result<u64> {
        self.exec(
            "DELETE FROM events WHERE seq IN (SELECT seq FROM events WHERE at < $1 AND seq < (SELECT max(seq) FROM events) ORDER BY seq LIMIT $2)",
            &[&ms(before), &(limit as i64)],
        )
    }
}
