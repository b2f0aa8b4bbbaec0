//! Result shapes of commands that combine engine calls or add a field or
//! two (`scim status`, `url`, `token revoke`, `tenant delete`). They live
//! here, not in the CLI, so every face (the CLI's `--output json`, the
//! admin API, later the remote backend) returns the very same JSON.

use serde::{Deserialize, Serialize};

use super::error::Result;
use super::model::{MemberCounts, Policy, Tenant};
use super::tokens::TokenInfo;
use super::{Engine, tenant_url};

/// The stable JSON shape of `scim status`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ScimStatus {
    pub tenant_id: String,
    pub tenant_name: String,
    pub scim_enabled: bool,
    pub policy: Policy,
    pub tenant_url: String,
    pub token: Option<TokenInfo>,
    pub token_warning: Option<String>,
    pub members: MemberCounts,
}

/// `url`: the tenant URL to paste into the identity provider.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TenantUrl {
    pub tenant_id: String,
    pub tenant_url: String,
}

impl TenantUrl {
    pub fn new(public_url: &str, t: &Tenant) -> TenantUrl {
        TenantUrl {
            tenant_id: t.id.clone(),
            tenant_url: tenant_url(public_url, &t.id),
        }
    }
}

/// `token revoke [--previous]`: the fingerprints revoked.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RevokedTokens {
    pub tenant_id: String,
    pub revoked: Vec<String>,
}

/// `scim policy set`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PolicySet {
    pub tenant_id: String,
    pub policy: Policy,
}

/// `tenant delete`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TenantDeleted {
    pub deleted: String,
}

impl Engine {
    pub fn scim_status(
        &self,
        t: &Tenant,
        public_url: &str,
        max_age_days: u32,
    ) -> Result<ScimStatus> {
        let tokens = self.token_status(t, max_age_days)?;
        let detail = self.tenant_detail(t, public_url)?;
        Ok(ScimStatus {
            tenant_id: t.id.clone(),
            tenant_name: t.name.clone(),
            scim_enabled: detail.tenant.scim_enabled,
            policy: detail.tenant.policy,
            tenant_url: detail.tenant.tenant_url,
            token: tokens.token,
            token_warning: tokens.warning,
            members: detail.members,
        })
    }
}

impl Engine {
    /// `users show`: the member's facts; a non-member is `user_not_found`
    /// (`user_facts` alone also explains people who are not members).
    pub fn member_facts(&self, t: &Tenant, email: &str) -> Result<super::members::UserFacts> {
        let facts = self.user_facts(t, email)?;
        if facts.member.is_none() {
            return Err(super::EngineError::UserNotFound {
                email: email.to_owned(),
                tenant: t.name.clone(),
            });
        }
        Ok(facts)
    }
}

impl Engine {
    /// Where `log --follow` starts: the records `q` selects, and the place
    /// to continue from — after the newest record of all when none
    /// matched, so a follow never replays old history.
    pub fn log_follow_start(
        &self,
        q: &super::log::LogQuery,
    ) -> Result<(Vec<super::log::LogRecord>, LogCursor)> {
        let records = self.log_records(q)?;
        let last = match records.last() {
            Some(r) => r.seq,
            None => self
                .log_records(&super::log::LogQuery {
                    limit: 1,
                    ..Default::default()
                })?
                .last()
                .map_or(0, |r| r.seq),
        };
        Ok((records, LogCursor(last)))
    }

    /// Every record `q` selects after the cursor, which moves past them.
    pub fn log_follow_next(
        &self,
        q: &super::log::LogQuery,
        at: &mut LogCursor,
    ) -> Result<Vec<super::log::LogRecord>> {
        let new = self.log_records(&super::log::LogQuery {
            after_seq: Some(at.0),
            limit: 0,
            ..q.clone()
        })?;
        if let Some(r) = new.last() {
            at.0 = r.seq;
        }
        Ok(new)
    }
}

/// How often a follower of the log looks for new records: the CLI on a
/// store and the admin API's stream poll at this one pace.
pub const FOLLOW_EVERY: std::time::Duration = std::time::Duration::from_millis(500);

/// Where a follow of the log goes on from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogCursor(i64);
