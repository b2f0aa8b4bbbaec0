//! `diagnose user|request|tenant`.

use serde::{Deserialize, Serialize};

use super::{Command, Ctx, Route, routes};
use crate::engine::EngineError;
use crate::engine::diagnose::{RequestDiagnosis, TenantDiagnosis, UserDiagnosis};

tenant_command! {
    User at routes::DIAGNOSE_USER => UserDiagnosis,
    path { email }
    |c, t, ctx| ctx.engine.diagnose_user(&t, &c.email)
}

tenant_command! {
    /// A logged request of one tenant (what a key scoped to it may see).
    Request at routes::DIAGNOSE_REQUEST => RequestDiagnosis,
    path { request }
    |c, t, ctx| ctx.engine.diagnose_request_of(Some(&t), &c.request)
}

/// Any tenant's request: operator keys only (a scoped key asks under its
/// tenant).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestAny {
    #[serde(skip_serializing)]
    pub request: String,
}

impl Command for RequestAny {
    const ROUTE: Route = routes::DIAGNOSE_REQUEST_ANY;
    const OPERATOR: bool = true;
    type Output = RequestDiagnosis;

    fn path_args(&self) -> Vec<&str> {
        vec![&self.request]
    }

    fn run(self, ctx: &Ctx<'_>) -> Result<RequestDiagnosis, EngineError> {
        ctx.engine.diagnose_request_of(None, &self.request)
    }
}

tenant_command! {
    Tenant at routes::DIAGNOSE_TENANT => TenantDiagnosis,
    |_, t, ctx| ctx.engine.diagnose_tenant_with(&t, ctx.max_age_days, ctx.mail_configured)
}
