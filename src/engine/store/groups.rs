//! Groups of a tenant: their assignments (properties) and their members.

use time::OffsetDateTime;

use crate::engine::error::Result;
use crate::engine::model::*;

pub trait GroupTx {
    fn insert_group(&self, g: &Group) -> Result<()>;
    fn group_by_id(&self, tenant_id: &str, id: &str) -> Result<Option<Group>>;
    fn group_by_name(&self, tenant_id: &str, name_lower: &str) -> Result<Option<Group>>;
    fn groups(&self, tenant_id: &str) -> Result<Vec<Group>>;
    fn update_group(&self, g: &Group) -> Result<()>;
    fn delete_group(&self, tenant_id: &str, id: &str) -> Result<bool>;
    /// Adds the assignment; false when the group already had it.
    fn add_assignment(&self, group_id: &str, a: &Assignment) -> Result<bool>;
    fn assignments(&self, group_id: &str) -> Result<Vec<Assignment>>;
    /// Adds the member with the `display` its client sent; false (and
    /// nothing changed) when it was one already.
    fn add_group_member(
        &self,
        group_id: &str,
        membership_id: &str,
        display: Option<&str>,
        at: OffsetDateTime,
    ) -> Result<bool>;
    /// Sets an existing member's `display`; false when it had that one
    /// already or is no member.
    fn set_group_member_display(
        &self,
        group_id: &str,
        membership_id: &str,
        display: Option<&str>,
    ) -> Result<bool>;
    fn remove_group_member(&self, group_id: &str, membership_id: &str) -> Result<bool>;
    fn group_members(&self, group_id: &str) -> Result<Vec<String>>;
    fn groups_of_member(&self, membership_id: &str) -> Result<Vec<String>>;
    fn groups_by_external_id(&self, tenant_id: &str, external_id: &str) -> Result<Vec<Group>>;
    fn groups_with_member(&self, tenant_id: &str, membership_id: &str) -> Result<Vec<Group>>;
    fn groups_page(&self, tenant_id: &str, offset: u64, limit: u64) -> Result<Vec<Group>>;
    fn groups_after(
        &self,
        tenant_id: &str,
        after_id: Option<&str>,
        limit: u64,
    ) -> Result<Vec<Group>>;
    fn group_total(&self, tenant_id: &str) -> Result<u64>;
    /// A group's members with their userNames and the display their client
    /// sent, in the order they were added.
    fn group_member_refs(&self, group_id: &str) -> Result<Vec<MemberRef>>;
}
