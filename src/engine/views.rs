//! Result shapes of commands that combine engine calls or add a field or
//! two (`scim status`, `url`, `token revoke`, `tenant delete`), and the
//! calls that build them. They live here, not in a face, so every face (the
//! CLI's `--output json` on a store, the admin API, and through it the
//! remote backend) returns the very same JSON.

use serde::{Deserialize, Serialize};

use super::error::Result;
use super::model::{MemberCounts, Policy, Tenant};
use super::tenants::TenantInfo;
use super::tokens::{IssuedTokenView, TokenInfo};
use super::{Engine, EngineError, tenant_url};

/// How `token generate|regenerate` issues a new token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Issue {
    Generate,
    /// The old token dies at once, or after the grace period.
    Regenerate {
        grace: Option<time::Duration>,
    },
}

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
    /// Which store holds the tenant.
    pub store: StoreSummary,
}

/// A store as a face names it, with no secret in it: its kind (`sqlite`,
/// `postgres`) and its path or URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreSummary {
    pub kind: String,
    pub location: String,
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
    /// `tenant list`, each with its tenant URL.
    pub fn tenant_infos(&self, public_url: &str) -> Result<Vec<TenantInfo>> {
        Ok(self
            .tenants()?
            .iter()
            .map(|t| TenantInfo::new(t, public_url))
            .collect())
    }

    /// `tenant create`.
    pub fn create_tenant_info(
        &self,
        name: &str,
        id: Option<&str>,
        policy: Policy,
        public_url: &str,
    ) -> Result<TenantInfo> {
        let t = self.create_tenant(name, id, policy)?;
        Ok(TenantInfo::new(&t, public_url))
    }

    /// `scim policy set`.
    pub fn policy_set(&self, t: &Tenant, policy: Policy) -> Result<PolicySet> {
        let t = self.set_policy(t, policy)?;
        Ok(PolicySet {
            tenant_id: t.id,
            policy: t.policy,
        })
    }

    /// `token generate|regenerate`: the new token, shown once.
    pub fn issue_token(&self, t: &Tenant, how: Issue, public_url: &str) -> Result<IssuedTokenView> {
        let issued = match how {
            Issue::Generate => self.generate_token(t)?,
            Issue::Regenerate { grace: None } => self.regenerate_token(t)?,
            Issue::Regenerate { grace: Some(g) } => self.regenerate_token_with_grace(t, g)?,
        };
        Ok(issued.view(public_url))
    }

    /// `token revoke`: the token (and a previous one), or with `previous`
    /// only the previous token still in its grace period.
    pub fn revoke_tokens(&self, t: &Tenant, previous: bool) -> Result<RevokedTokens> {
        let revoked = if previous {
            vec![self.revoke_previous_token(t)?]
        } else {
            self.revoke_token(t)?
        };
        Ok(RevokedTokens {
            tenant_id: t.id.clone(),
            revoked,
        })
    }

    /// `diagnose request`: a logged request; with a tenant, only that
    /// tenant's (another tenant's request is not found there).
    pub fn diagnose_request_of(
        &self,
        t: Option<&Tenant>,
        request_id: &str,
    ) -> Result<super::diagnose::RequestDiagnosis> {
        let d = self.diagnose_request(request_id)?;
        match t {
            Some(t) if d.record.tenant_id.as_deref() != Some(t.id.as_str()) => {
                Err(EngineError::RequestNotFound(request_id.trim().to_owned()))
            }
            _ => Ok(d),
        }
    }

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
            store: {
                let info = self.store_info();
                StoreSummary {
                    kind: info.kind.to_owned(),
                    location: info.location,
                }
            },
        })
    }
}

impl Engine {
    /// `users show`: the member's facts; a non-member is `user_not_found`
    /// (`user_facts` alone also explains people who are not members).
    pub fn member_facts(
        &self,
        t: &Tenant,
        email: &str,
    ) -> Result<super::admin::members::UserFacts> {
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
