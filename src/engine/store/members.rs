//! Accounts (a person's identity, shared by tenants), memberships (an
//! account in a tenant), and both read together: as SCIM Users and as the
//! support tools' listings.

use crate::engine::error::Result;
use crate::engine::model::*;

pub trait MemberTx {
    fn insert_account(&self, a: &Account) -> Result<()>;
    fn account_by_id(&self, id: &str) -> Result<Option<Account>>;
    fn account_by_user_name(
        &self,
        namespace: &str,
        user_name_lower: &str,
    ) -> Result<Option<Account>>;
    fn update_account(&self, a: &Account) -> Result<()>;
    fn delete_account(&self, id: &str) -> Result<bool>;
    fn insert_membership(&self, m: &Membership) -> Result<()>;
    fn membership_by_id(&self, tenant_id: &str, id: &str) -> Result<Option<Membership>>;
    fn membership_of(&self, tenant_id: &str, account_id: &str) -> Result<Option<Membership>>;
    fn memberships_of_account(&self, account_id: &str) -> Result<Vec<Membership>>;
    fn memberships_by_external_id(
        &self,
        tenant_id: &str,
        external_id: &str,
    ) -> Result<Vec<Membership>>;
    fn update_membership(&self, m: &Membership) -> Result<()>;
    fn delete_membership(&self, tenant_id: &str, id: &str) -> Result<bool>;
    fn member_counts(&self, tenant_id: &str) -> Result<MemberCounts>;
    /// The tenant's IdP-managed members, counted up to `cap` at most: the
    /// guard's question (is the tenant at most this large?) without a
    /// count over all of them.
    fn idp_members_up_to(&self, tenant_id: &str, cap: u64) -> Result<u64>;
    fn member(&self, tenant_id: &str, id: &str) -> Result<Option<MemberRecord>>;
    fn members_by_user_name(
        &self,
        tenant_id: &str,
        namespace: &str,
        user_name_lower: &str,
    ) -> Result<Vec<MemberRecord>>;
    fn members_by_external_id(
        &self,
        tenant_id: &str,
        external_id: &str,
    ) -> Result<Vec<MemberRecord>>;
    fn members_by_email(&self, tenant_id: &str, email_lower: &str) -> Result<Vec<MemberRecord>>;
    /// One page in creation order.
    fn members_page(&self, tenant_id: &str, offset: u64, limit: u64) -> Result<Vec<MemberRecord>>;
    /// Keyset scan in id order, for filters no index answers.
    fn members_after(
        &self,
        tenant_id: &str,
        after_id: Option<&str>,
        limit: u64,
    ) -> Result<Vec<MemberRecord>>;
    fn member_total(&self, tenant_id: &str) -> Result<u64>;
    /// Replaces the email index entries of a member.
    fn set_member_emails(
        &self,
        tenant_id: &str,
        membership_id: &str,
        emails_lower: &[String],
    ) -> Result<()> {
        self.remove_member_emails(membership_id)?;
        self.add_member_emails(tenant_id, membership_id, emails_lower)
    }
    /// Removes a member's email index entries.
    fn remove_member_emails(&self, membership_id: &str) -> Result<()>;
    /// Adds email index entries to a member that has none yet (one just
    /// inserted): `set_member_emails` without its removal.
    fn add_member_emails(
        &self,
        tenant_id: &str,
        membership_id: &str,
        emails_lower: &[String],
    ) -> Result<()>;
    /// A page of the tenant's members that match, in userName order, after
    /// the userName (lower-cased) `after`; `namespace` is where the
    /// tenant's userNames live (see `model::Account`).
    fn member_list(
        &self,
        tenant_id: &str,
        namespace: &str,
        f: &MemberFilter,
        after: Option<&str>,
        limit: u64,
    ) -> Result<Vec<MemberRecord>>;
    fn member_list_total(&self, tenant_id: &str, f: &MemberFilter) -> Result<u64>;
    /// Hands the membership `id` of tenant `from` to tenant `to`, with its
    /// id, externalId, active state and document, its email index entries
    /// and its invitation; it leaves `from`'s groups (group memberships
    /// stay with the tenant that made them). With `namespace`, the account
    /// moves to that userName namespace too (a standard-policy tenant's).
    /// False when `from` has no such membership.
    fn move_membership(
        &self,
        id: &str,
        from: &str,
        to: &str,
        namespace: Option<&str>,
    ) -> Result<bool>;
}

/// Which members `member_list` returns; every set field must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemberFilter {
    pub managed_by: Option<ManagedBy>,
    pub kind: Option<MemberKind>,
    pub active: Option<bool>,
    /// Lower-cased text found in the userName or the name.
    pub search_lower: Option<String>,
}
