//! Keys of the admin API, stored as hashes.

use crate::engine::error::Result;
use crate::engine::model::*;

pub trait AdminKeyTx {
    fn insert_admin_key(&self, k: &AdminKeyRecord) -> Result<()>;
    fn admin_key_by_name(&self, name_lower: &str) -> Result<Option<AdminKeyRecord>>;
    fn admin_key_by_hash(&self, hash: &[u8; 32]) -> Result<Option<AdminKeyRecord>>;
    /// Every key, revoked ones too, oldest first.
    fn admin_keys(&self) -> Result<Vec<AdminKeyRecord>>;
    /// Sets `last_used_at` and `revoked_at` (nothing else changes).
    fn update_admin_key(&self, k: &AdminKeyRecord) -> Result<()>;
}
