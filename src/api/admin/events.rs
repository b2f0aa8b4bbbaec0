//! `events`: a tenant's or every tenant's provisioning events, oldest
//! first after a cursor; with `follow=true`, a stream of them as they are
//! written (`engine::follow`).

use serde::{Deserialize, Serialize};

use super::{Ctx, is_false, routes};
use crate::engine::EngineError;
use crate::engine::events::{Event, EventQuery, EventType, MAX_EVENTS_PAGE};

/// The filters of `scimctl events`, in the query.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventParams {
    /// Only these types, comma-separated (`user.created,group.member_added`).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub types: Option<String>,
    /// Only events after this cursor (an event's `seq`), oldest first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<i64>,
    /// At most this many (100 by default, at most MAX_EVENTS_PAGE); without
    /// `after`, the newest.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub follow: bool,
}

impl EventParams {
    pub fn new(q: &EventQuery, follow: bool) -> EventParams {
        let types: Vec<&str> = q.types.iter().map(|t| t.as_str()).collect();
        EventParams {
            types: (!types.is_empty()).then(|| types.join(",")),
            after: q.after,
            limit: Some(q.limit),
            follow,
        }
    }

    /// The engine's query for the events of `tenant` (id or name) within
    /// the caller's scope, or every tenant's with `None` (operators only).
    pub fn scoped(&self, ctx: &Ctx<'_>, tenant: Option<&str>) -> Result<EventQuery, EngineError> {
        let tenant_id = match tenant {
            Some(t) => Some(ctx.tenant(t)?.id),
            None => {
                ctx.operator()?;
                None
            }
        };
        let mut types = Vec::new();
        for name in self.types.iter().flat_map(|t| t.split(',')) {
            let name = name.trim();
            if name.is_empty() {
                continue;
            }
            let t = EventType::parse(name).map_err(|reason| EngineError::InvalidValue {
                field: "type",
                reason,
            })?;
            if !types.contains(&t) {
                types.push(t);
            }
        }
        // One answer stays bounded, whoever asks: 0 means as many as allowed.
        let limit = match self.limit.unwrap_or(100) {
            0 => MAX_EVENTS_PAGE,
            n => n.min(MAX_EVENTS_PAGE),
        };
        if let Some(after) = self.after
            && after < 0
        {
            return Err(EngineError::InvalidValue {
                field: "after",
                reason: format!(
                    "{after} is not a cursor; give an event's seq (0 for the oldest kept)"
                ),
            });
        }
        Ok(EventQuery {
            tenant_id,
            types,
            after: self.after,
            limit,
        })
    }
}

// `events::Of`, `events::Tenant` and `events::All` (operators).
feed_commands!(
    EventParams,
    EventQuery,
    Event,
    routes::EVENTS_TENANT,
    routes::EVENTS_ALL,
    |ctx, q| ctx.engine.events(&q)
);
