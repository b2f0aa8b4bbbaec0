//! The one interface the CLI and the dashboard read and change state
//! through. [`Local`] is the engine on this machine's store; [`Remote`] is
//! the admin API of a `scimctl serve` (`--server`, `SCIMCTL_SERVER` or a
//! profile). Both return the engine's own result types and errors that
//! render to the same line and exit code, so no command knows which it has.
//!
//! Server-host commands (`serve`, `admin-key`) and local files (`mapping
//! check`, `config`) stay outside: they use the engine or the file itself.

mod local;
mod remote;

use std::fmt;
use std::ops::ControlFlow;

pub use local::Local;
pub use remote::{Remote, RemoteError};

pub use crate::engine::views::Issue;

use crate::engine::EngineError;
use crate::engine::admin::groups::{AssignRequest, GroupDetail, GroupInfo, PropertyInfo};
use crate::engine::admin::members::{MemberPage, MemberQuery, UserFacts};
use crate::engine::admin::users::{MemberAdded, NewMember};
use crate::engine::diagnose::{RequestDiagnosis, TenantDiagnosis, UserDiagnosis};
use crate::engine::log::{LogQuery, LogRecord};
use crate::engine::model::{Policy, Tenant};
use crate::engine::tenants::{ScimSwitch, TenantDetail, TenantInfo};
use crate::engine::tokens::{IssuedTokenView, Secret, TokenCheck, TokenStatus};
use crate::engine::views::{PolicySet, RevokedTokens, ScimStatus, TenantUrl};

/// Why a backend call failed: the engine's own error (local, or a server
/// error recognised by its reason), or what the server said about it.
#[derive(Debug, thiserror::Error)]
pub enum BackendError {
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error(transparent)]
    Remote(#[from] RemoteError),
}

pub type Result<T> = std::result::Result<T, BackendError>;

/// What a followed log hands to its caller: a batch of new records. The
/// caller breaks to end the follow (stdout closed, say; it keeps its own
/// error).
pub type OnRecords<'a> = dyn FnMut(Vec<LogRecord>) -> ControlFlow<()> + 'a;

/// Every command that reads or changes a tenant's state. One method per
/// command (see the admin API's routes in `http::admin`).
pub trait Backend: Send + Sync {
    /// Where the state lives, for `-v` and the dashboard's title:
    /// `store /path/scimctl.db` or `server https://scim.example.com`.
    fn location(&self) -> String;

    fn tenants(&self) -> Result<Vec<TenantInfo>>;
    fn create_tenant(&self, name: &str, id: Option<&str>, policy: Policy) -> Result<TenantInfo>;
    /// The tenant `key` (id or name) names; without one, the only tenant.
    fn resolve_tenant(&self, key: Option<&str>) -> Result<Tenant>;
    fn tenant_detail(&self, t: &Tenant) -> Result<TenantDetail>;
    fn delete_tenant(&self, t: &Tenant) -> Result<()>;

    fn set_scim_enabled(&self, t: &Tenant, on: bool) -> Result<ScimSwitch>;
    fn set_policy(&self, t: &Tenant, policy: Policy) -> Result<PolicySet>;
    fn scim_status(&self, t: &Tenant) -> Result<ScimStatus>;
    fn tenant_url(&self, t: &Tenant) -> Result<TenantUrl>;

    fn issue_token(&self, t: &Tenant, how: Issue) -> Result<IssuedTokenView>;
    /// Revokes the token (and a previous one), or with `previous` only the
    /// previous token still in its grace period.
    fn revoke_token(&self, t: &Tenant, previous: bool) -> Result<RevokedTokens>;
    fn token_status(&self, t: &Tenant) -> Result<TokenStatus>;
    fn verify_token(&self, t: &Tenant, presented: &Secret) -> Result<TokenCheck>;

    fn add_member(&self, t: &Tenant, m: &NewMember<'_>) -> Result<MemberAdded>;
    fn list_members(&self, t: &Tenant, q: &MemberQuery) -> Result<MemberPage>;
    fn member_facts(&self, t: &Tenant, email: &str) -> Result<UserFacts>;

    fn groups(&self, t: &Tenant) -> Result<Vec<GroupInfo>>;
    fn create_group(&self, t: &Tenant, name: &str) -> Result<GroupInfo>;
    fn assign_group(&self, t: &Tenant, group: &str, a: &AssignRequest) -> Result<GroupInfo>;
    /// `limit` members at most; 0 lists them all.
    fn group_detail(&self, t: &Tenant, group: &str, limit: usize) -> Result<GroupDetail>;
    fn properties(&self, t: &Tenant) -> Result<Vec<PropertyInfo>>;
    fn add_property(&self, t: &Tenant, name: &str) -> Result<PropertyInfo>;

    fn diagnose_user(&self, t: &Tenant, email: &str) -> Result<UserDiagnosis>;
    /// A logged request; with a tenant, only that tenant's (which is what
    /// a key scoped to one tenant may see).
    fn diagnose_request(&self, t: Option<&Tenant>, request_id: &str) -> Result<RequestDiagnosis>;
    fn diagnose_tenant(&self, t: &Tenant) -> Result<TenantDiagnosis>;

    fn log_records(&self, q: &LogQuery) -> Result<Vec<LogRecord>>;
    /// The records `q` selects, then every new one as it is written, until
    /// `each` fails or the source ends (a server shutting down).
    fn follow_log(&self, q: &LogQuery, each: &mut OnRecords<'_>) -> Result<()>;
}

impl fmt::Debug for dyn Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.location())
    }
}
