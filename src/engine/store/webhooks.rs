//! Webhook endpoints and their deliveries (see `engine::webhooks`).

use time::OffsetDateTime;

use crate::engine::error::Result;
use crate::engine::webhooks::{Delivery, DeliveryQuery, Endpoint};

pub trait WebhookTx {
    fn insert_webhook(&self, e: &Endpoint) -> Result<()>;
    fn webhook(&self, id: &str) -> Result<Option<Endpoint>>;
    /// One tenant's endpoints (None: every tenant's), oldest first.
    fn webhooks(&self, tenant_id: Option<&str>) -> Result<Vec<Endpoint>>;
    /// Writes every column but `id`, `tenant_id`, `url`, `secret`,
    /// `types` and `created_at`, which never change.
    fn update_webhook(&self, e: &Endpoint) -> Result<()>;
    /// Removes the endpoint and its deliveries; whether it existed.
    fn delete_webhook(&self, id: &str) -> Result<bool>;
    fn insert_delivery(&self, d: &Delivery) -> Result<()>;
    /// Writes every column that an attempt changes (status, attempts,
    /// times, last status, error and excerpt, body).
    fn update_delivery(&self, d: &Delivery) -> Result<()>;
    fn delivery(&self, id: &str) -> Result<Option<Delivery>>;
    /// The deliveries `q` selects, newest first.
    fn deliveries(&self, q: &DeliveryQuery) -> Result<Vec<Delivery>>;
    /// An endpoint's pending deliveries, the soonest due first.
    fn pending_deliveries(&self, endpoint_id: &str) -> Result<Vec<Delivery>>;
    /// Removes at most `limit` finished (succeeded or failed) deliveries
    /// created before `before`; returns how many.
    fn prune_deliveries(&self, before: OffsetDateTime, limit: u64) -> Result<u64>;
}
