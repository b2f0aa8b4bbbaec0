//! [`EventTx`](crate::engine::store::EventTx) on SQLite.

use super::*;
use crate::engine::events::{Actor, Event, EventQuery, EventType};

impl EventTx for SqliteTx<'_> {
    fn insert_event(&self, e: &mut Event) -> Result<()> {
        let (actor, request_id) = actor_cols(&e.actor);
        let data = data_text(&e.data);
        self.exec(
            "INSERT INTO events (id, tenant_id, at, type, actor, request_id, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![e.id, e.tenant_id, ms(e.at), e.kind.as_str(), actor, request_id, data],
        )?;
        e.seq = self.tx.last_insert_rowid();
        Ok(())
    }

    fn events(&self, q: &EventQuery) -> Result<Vec<Event>> {
        let mut sql = String::from(
            "SELECT seq, id, tenant_id, at, type, actor, request_id, data FROM events WHERE 1 = 1",
        );
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        let mut arg = |sql: &mut String, cond: &str, v: rusqlite::types::Value| {
            args.push(v);
            sql.push_str(&format!(" AND {cond} ?{}", args.len()));
        };
        if let Some(t) = &q.tenant_id {
            arg(&mut sql, "tenant_id =", t.clone().into());
        }
        if let Some(after) = q.after {
            arg(&mut sql, "seq >", after.into());
        }
        if !q.types.is_empty() {
            let names: Vec<String> = q
                .types
                .iter()
                .map(|t| format!("'{}'", t.as_str()))
                .collect();
            // The names are the enum's own, never the caller's text.
            sql.push_str(&format!(" AND type IN ({})", names.join(", ")));
        }
        let newest = q.after.is_none() && q.limit > 0;
        sql.push_str(if newest {
            " ORDER BY seq DESC"
        } else {
            " ORDER BY seq"
        });
        if q.limit > 0 {
            sql.push_str(&format!(" LIMIT {}", q.limit));
        }
        let mut v = self.all(&sql, rusqlite::params_from_iter(args), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                at(r.get(3)?)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, String>(7)?,
            ))
        })?;
        if newest {
            v.reverse();
        }
        v.into_iter()
            .map(|(seq, id, tenant_id, at, kind, actor, request_id, data)| {
                event_of(seq, id, tenant_id, at, &kind, actor, request_id, &data)
            })
            .collect()
    }

    fn last_event_seq(&self) -> Result<i64> {
        // Retention keeps the newest, so the highest number given is here.
        Ok(self
            .one("SELECT max(seq) FROM events", [], |r| {
                r.get::<_, Option<i64>>(0)
            })?
            .flatten()
            .unwrap_or(0))
    }

    fn prune_events(&self, before: OffsetDateTime, limit: u64) -> Result<u64> {
        // Never the newest: its number is where the next one counts from.
        Ok(self.exec(
            "DELETE FROM events WHERE seq IN (SELECT seq FROM events WHERE at < ?1 AND seq < (SELECT max(seq) FROM events) ORDER BY seq LIMIT ?2)",
            params![ms(before), limit as i64],
        )? as u64)
    }
}

/// An actor as the `actor` and `request_id` columns hold it.
/// An event's data as stored: compact JSON written straight into a
/// string (`Value`'s `Display` goes through `fmt`, a call per token, which
/// showed in the write paths' profiles). Serialising a `Value` cannot fail.
pub(in crate::engine::store) fn data_text(v: &serde_json::Value) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| v.to_string())
}

pub(in crate::engine::store) fn actor_cols(a: &Actor) -> (&str, Option<&str>) {
    match a {
        Actor::Idp { request_id } => ("idp", Some(request_id)),
        Actor::Admin { name } => (name, None),
    }
}

/// An event from its columns.
#[allow(clippy::too_many_arguments)]
pub(in crate::engine::store) fn event_of(
    seq: i64,
    id: String,
    tenant_id: String,
    at: OffsetDateTime,
    kind: &str,
    actor: String,
    request_id: Option<String>,
    data: &str,
) -> Result<Event> {
    let kind = EventType::parse(kind).map_err(StoreError::Backend)?;
    let actor = match request_id {
        Some(request_id) => Actor::Idp { request_id },
        None => Actor::Admin { name: actor },
    };
    let data = serde_json::from_str(data)
        .map_err(|e| StoreError::Backend(format!("event {id} has unreadable data: {e}")))?;
    Ok(Event {
        seq,
        id,
        kind,
        tenant_id,
        at,
        actor,
        data,
    })
}
