//! SCIM bearer tokens of a tenant, stored as hashes, and their last use.

use time::OffsetDateTime;

use crate::engine::error::Result;
use crate::engine::model::*;

pub trait TokenTx {
    fn insert_token(&self, t: &TokenRecord) -> Result<()>;
    fn update_token(&self, t: &TokenRecord) -> Result<()>;
    /// The tenant's tokens that may still authenticate (active, previous).
    fn live_tokens(&self, tenant_id: &str) -> Result<Vec<TokenRecord>>;
    fn token_by_hash(&self, hash: &[u8; 32]) -> Result<Option<TokenRecord>>;
    /// Records a token's last use (batched by the engine).
    fn touch_token(&self, id: &str, at: OffsetDateTime, from: Option<&str>) -> Result<()>;
}
