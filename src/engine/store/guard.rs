//! The deprovisioning guard's settings and hold, and its count of the
//! identity provider's deprovisionings (see `engine::guard`).

use time::OffsetDateTime;

use crate::engine::error::Result;
use crate::engine::guard::Guard;

pub trait GuardTx {
    /// The tenant's guard; None: it has the default, never held.
    fn guard(&self, tenant_id: &str) -> Result<Option<Guard>>;
    /// Writes the tenant's guard (insert or replace).
    fn set_guard(&self, g: &Guard) -> Result<()>;
    /// Counts one deprovisioning by the tenant's identity provider.
    fn count_deprovision(&self, tenant_id: &str, at: OffsetDateTime) -> Result<()>;
    /// The tenant's deprovisionings counted at or after `since`.
    fn deprovisions_since(&self, tenant_id: &str, since: OffsetDateTime) -> Result<u64>;
    /// Forgets counts older than `before` (no window reaches them);
    /// returns how many.
    fn prune_deprovisions(&self, before: OffsetDateTime) -> Result<u64>;
}
