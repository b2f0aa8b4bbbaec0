//! The backend over the engine on this machine's store.

use super::{Backend, Issue, OnRecords, Result};
use crate::engine::Engine;
use crate::engine::admin::groups::{AssignRequest, GroupDetail, GroupInfo, PropertyInfo};
use crate::engine::admin::members::{MemberPage, MemberQuery, UserFacts};
use crate::engine::admin::users::{MemberAdded, NewMember};
use crate::engine::diagnose::{RequestDiagnosis, TenantDiagnosis, UserDiagnosis};
use crate::engine::log::{LogQuery, LogRecord};
use crate::engine::model::{Policy, Tenant};
use crate::engine::tenants::{ScimSwitch, TenantDetail, TenantInfo};
use crate::engine::tokens::{IssuedTokenView, Secret, TokenCheck, TokenStatus};
use crate::engine::views::FOLLOW_EVERY;
use crate::engine::views::{PolicySet, RevokedTokens, ScimStatus, TenantUrl};

#[derive(Clone)]
pub struct Local {
    pub engine: Engine,
    /// The public URL tenant URLs are built from (config `public_url`).
    pub public_url: String,
    /// Tokens older than this are flagged (config `token_max_age_days`).
    pub max_age_days: u32,
}

impl Backend for Local {
    fn location(&self) -> String {
        format!("store {}", self.engine.store_info().location)
    }

    fn tenants(&self) -> Result<Vec<TenantInfo>> {
        Ok(self.engine.tenant_infos(&self.public_url)?)
    }

    fn create_tenant(&self, name: &str, id: Option<&str>, policy: Policy) -> Result<TenantInfo> {
        Ok(self
            .engine
            .create_tenant_info(name, id, policy, &self.public_url)?)
    }

    fn resolve_tenant(&self, key: Option<&str>) -> Result<Tenant> {
        Ok(self.engine.resolve_tenant(key)?)
    }

    fn tenant_detail(&self, t: &Tenant) -> Result<TenantDetail> {
        Ok(self.engine.tenant_detail(t, &self.public_url)?)
    }

    fn delete_tenant(&self, t: &Tenant) -> Result<()> {
        Ok(self.engine.delete_tenant(t)?)
    }

    fn set_scim_enabled(&self, t: &Tenant, on: bool) -> Result<ScimSwitch> {
        Ok(self.engine.set_scim_enabled(t, on)?)
    }

    fn set_policy(&self, t: &Tenant, policy: Policy) -> Result<PolicySet> {
        Ok(self.engine.policy_set(t, policy)?)
    }

    fn scim_status(&self, t: &Tenant) -> Result<ScimStatus> {
        Ok(self
            .engine
            .scim_status(t, &self.public_url, self.max_age_days)?)
    }

    fn tenant_url(&self, t: &Tenant) -> Result<TenantUrl> {
        Ok(TenantUrl::new(&self.public_url, t))
    }

    fn issue_token(&self, t: &Tenant, how: Issue) -> Result<IssuedTokenView> {
        Ok(self.engine.issue_token(t, how, &self.public_url)?)
    }

    fn revoke_token(&self, t: &Tenant, previous: bool) -> Result<RevokedTokens> {
        Ok(self.engine.revoke_tokens(t, previous)?)
    }

    fn token_status(&self, t: &Tenant) -> Result<TokenStatus> {
        Ok(self.engine.token_status(t, self.max_age_days)?)
    }

    fn verify_token(&self, t: &Tenant, presented: &Secret) -> Result<TokenCheck> {
        Ok(self.engine.verify_token(t, presented)?)
    }

    fn add_member(&self, t: &Tenant, m: &NewMember<'_>) -> Result<MemberAdded> {
        Ok(self.engine.add_member(t, m)?)
    }

    fn list_members(&self, t: &Tenant, q: &MemberQuery) -> Result<MemberPage> {
        Ok(self.engine.list_members(t, q)?)
    }

    fn member_facts(&self, t: &Tenant, email: &str) -> Result<UserFacts> {
        Ok(self.engine.member_facts(t, email)?)
    }

    fn groups(&self, t: &Tenant) -> Result<Vec<GroupInfo>> {
        Ok(self.engine.groups(t)?)
    }

    fn create_group(&self, t: &Tenant, name: &str) -> Result<GroupInfo> {
        Ok(self.engine.create_group(t, name)?)
    }

    fn assign_group(&self, t: &Tenant, group: &str, a: &AssignRequest) -> Result<GroupInfo> {
        Ok(self.engine.assign_group(t, group, a)?)
    }

    fn group_detail(&self, t: &Tenant, group: &str, limit: usize) -> Result<GroupDetail> {
        Ok(self.engine.group_detail(t, group, limit)?)
    }

    fn properties(&self, t: &Tenant) -> Result<Vec<PropertyInfo>> {
        Ok(self.engine.properties(t)?)
    }

    fn add_property(&self, t: &Tenant, name: &str) -> Result<PropertyInfo> {
        Ok(self.engine.add_property(t, name)?)
    }

    fn diagnose_user(&self, t: &Tenant, email: &str) -> Result<UserDiagnosis> {
        Ok(self.engine.diagnose_user(t, email)?)
    }

    fn diagnose_request(&self, t: Option<&Tenant>, request_id: &str) -> Result<RequestDiagnosis> {
        Ok(self.engine.diagnose_request_of(t, request_id)?)
    }

    fn diagnose_tenant(&self, t: &Tenant) -> Result<TenantDiagnosis> {
        Ok(self.engine.diagnose_tenant(t, self.max_age_days)?)
    }

    fn log_records(&self, q: &LogQuery) -> Result<Vec<LogRecord>> {
        Ok(self.engine.log_records(q)?)
    }

    fn follow_log(&self, q: &LogQuery, each: &mut OnRecords<'_>) -> Result<()> {
        let (records, mut at) = self.engine.log_follow_start(q)?;
        if each(records).is_break() {
            return Ok(());
        }
        loop {
            std::thread::sleep(FOLLOW_EVERY);
            let new = self.engine.log_follow_next(q, &mut at)?;
            if !new.is_empty() && each(new).is_break() {
                return Ok(());
            }
        }
    }
}
