//! Tenants and their properties (the sites, e.g. hotels, that groups hand
//! to their members).

use crate::engine::error::Result;
use crate::engine::model::*;

pub trait TenantTx {
    fn insert_tenant(&self, t: &Tenant) -> Result<()>;
    fn tenant_by_id(&self, id: &str) -> Result<Option<Tenant>>;
    fn tenant_by_name(&self, name_lower: &str) -> Result<Option<Tenant>>;
    fn tenants(&self) -> Result<Vec<Tenant>>;
    fn update_tenant(&self, t: &Tenant) -> Result<()>;
    /// Deletes the tenant with everything that belongs to it, and the
    /// accounts that no other tenant links. Returns false when it did not exist.
    fn delete_tenant(&self, id: &str) -> Result<bool>;
    fn insert_property(&self, p: &Property) -> Result<()>;
    fn property_by_name(&self, tenant_id: &str, name_lower: &str) -> Result<Option<Property>>;
    fn properties(&self, tenant_id: &str) -> Result<Vec<Property>>;
}
