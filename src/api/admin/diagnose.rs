//! `diagnose user|request|tenant`.

use serde::{Deserialize, Serialize};

use super::{Command, Ctx, Route, routes};
use crate::engine::EngineError;
use crate::engine::diagnose::{RequestDiagnosis, TenantDiagnosis, UserDiagnosis};

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct User {
    #[serde(skip_serializing)]
    pub tenant: String,
    #[serde(skip_serializing)]
    pub email: String,
}

impl Command for User {
    const ROUTE: Route = routes::DIAGNOSE_USER;
    type Output = UserDiagnosis;

    fn path_args(&self) -> Vec<&str> {
        vec![&self.tenant, &self.email]
    }

    fn run(self, ctx: &Ctx<'_>) -> Result<UserDiagnosis, EngineError> {
        ctx.engine
            .diagnose_user(&ctx.tenant(&self.tenant)?, &self.email)
    }
}

/// A logged request of one tenant (what a key scoped to it may see).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    #[serde(skip_serializing)]
    pub tenant: String,
    #[serde(skip_serializing)]
    pub request: String,
}

impl Command for Request {
    const ROUTE: Route = routes::DIAGNOSE_REQUEST;
    type Output = RequestDiagnosis;

    fn path_args(&self) -> Vec<&str> {
        vec![&self.tenant, self.request.trim()]
    }

    fn run(self, ctx: &Ctx<'_>) -> Result<RequestDiagnosis, EngineError> {
        let t = ctx.tenant(&self.tenant)?;
        ctx.engine.diagnose_request_of(Some(&t), &self.request)
    }
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
        vec![self.request.trim()]
    }

    fn run(self, ctx: &Ctx<'_>) -> Result<RequestDiagnosis, EngineError> {
        ctx.engine.diagnose_request_of(None, &self.request)
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tenant {
    #[serde(skip_serializing)]
    pub tenant: String,
}

impl Command for Tenant {
    const ROUTE: Route = routes::DIAGNOSE_TENANT;
    type Output = TenantDiagnosis;

    fn path_args(&self) -> Vec<&str> {
        vec![&self.tenant]
    }

    fn run(self, ctx: &Ctx<'_>) -> Result<TenantDiagnosis, EngineError> {
        ctx.engine
            .diagnose_tenant(&ctx.tenant(&self.tenant)?, ctx.max_age_days)
    }
}
