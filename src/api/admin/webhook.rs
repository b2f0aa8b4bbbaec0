//! `webhook add|list|remove|enable|test|deliveries|redeliver`: a tenant's
//! signed webhook endpoints and what was sent to them.

use super::{Input, routes};
use crate::engine::EngineError;
use crate::engine::events::EventType;
use crate::engine::webhooks::{AddedWebhook, DeliveryView, MAX_DELIVERIES_SHOWN, WebhookView};

tenant_command! {
    /// A new endpoint; the answer holds its signing secret, shown once.
    Add at routes::WEBHOOK_ADD => AddedWebhook,
    consts { const CREATES: bool = true; }
    fields {
        pub url: String,
        /// Event type names (none: every type).
        #[serde(default)]
        pub types: Vec<String>,
    }
    |c, t, ctx| {
        let types = c
            .types
            .iter()
            .map(|s| {
                EventType::parse(s).map_err(|reason| EngineError::InvalidValue {
                    field: "--event",
                    reason,
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        ctx.engine.webhook_add(&t, &c.url, &types)
    }
}

tenant_command! {
    List at routes::WEBHOOK_LIST => Vec<WebhookView>,
    |_, t, ctx| ctx.engine.webhooks(&t)
}

tenant_command! {
    Remove at routes::WEBHOOK_REMOVE => WebhookView,
    path { id }
    |c, t, ctx| ctx.engine.webhook_remove(&t, &c.id)
}

tenant_command! {
    Enable at routes::WEBHOOK_ENABLE => WebhookView,
    consts { const INPUT: Input = Input::None; }
    path { id }
    |c, t, ctx| ctx.engine.webhook_enable(&t, &c.id)
}

tenant_command! {
    /// Queues a `webhook.test` ping; the answer is its (pending) delivery.
    Test at routes::WEBHOOK_TEST => DeliveryView,
    consts {
        const INPUT: Input = Input::None;
        const CREATES: bool = true;
    }
    path { id }
    |c, t, ctx| ctx.engine.webhook_test(&t, &c.id)
}

tenant_command! {
    /// The newest deliveries, of one endpoint or all.
    Deliveries at routes::WEBHOOK_DELIVERIES => Vec<DeliveryView>,
    consts { const INPUT: Input = Input::Query; }
    fields {
        #[serde(default)]
        pub endpoint: Option<String>,
        #[serde(default)]
        pub failed: bool,
        #[serde(default)]
        pub limit: Option<u32>,
    }
    |c, t, ctx| ctx.engine.webhook_deliveries(
        &t,
        c.endpoint.as_deref(),
        c.failed,
        c.limit.unwrap_or(50).min(MAX_DELIVERIES_SHOWN),
    )
}

tenant_command! {
    DeliveryShow at routes::WEBHOOK_DELIVERY => DeliveryView,
    path { delivery }
    |c, t, ctx| ctx.engine.webhook_delivery(&t, &c.delivery)
}

tenant_command! {
    /// Sends a delivery's message again, as a new delivery.
    Redeliver at routes::WEBHOOK_REDELIVER => DeliveryView,
    consts {
        const INPUT: Input = Input::None;
        const CREATES: bool = true;
    }
    path { delivery }
    |c, t, ctx| ctx.engine.webhook_redeliver(&t, &c.delivery)
}
