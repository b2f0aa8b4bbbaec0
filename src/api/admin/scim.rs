//! `scim enable|disable|status|policy set`.

use serde::{Deserialize, Serialize};

use super::{Command, Ctx, Input, Route, routes};
use crate::engine::EngineError;
use crate::engine::model::Policy;
use crate::engine::tenants::ScimSwitch;
use crate::engine::views::{PolicySet, ScimStatus};

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Enable {
    #[serde(skip_serializing)]
    pub tenant: String,
}

impl Command for Enable {
    const ROUTE: Route = routes::SCIM_ENABLE;
    const INPUT: Input = Input::None;
    type Output = ScimSwitch;

    fn path_args(&self) -> Vec<&str> {
        vec![&self.tenant]
    }

    fn run(self, ctx: &Ctx<'_>) -> Result<ScimSwitch, EngineError> {
        ctx.engine
            .set_scim_enabled(&ctx.tenant(&self.tenant)?, true)
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Disable {
    #[serde(skip_serializing)]
    pub tenant: String,
}

impl Command for Disable {
    const ROUTE: Route = routes::SCIM_DISABLE;
    const INPUT: Input = Input::None;
    type Output = ScimSwitch;

    fn path_args(&self) -> Vec<&str> {
        vec![&self.tenant]
    }

    fn run(self, ctx: &Ctx<'_>) -> Result<ScimSwitch, EngineError> {
        ctx.engine
            .set_scim_enabled(&ctx.tenant(&self.tenant)?, false)
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Status {
    #[serde(skip_serializing)]
    pub tenant: String,
}

impl Command for Status {
    const ROUTE: Route = routes::SCIM_STATUS;
    type Output = ScimStatus;

    fn path_args(&self) -> Vec<&str> {
        vec![&self.tenant]
    }

    fn run(self, ctx: &Ctx<'_>) -> Result<ScimStatus, EngineError> {
        let t = ctx.tenant(&self.tenant)?;
        ctx.engine.scim_status(&t, ctx.public_url, ctx.max_age_days)
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetPolicy {
    #[serde(skip_serializing)]
    pub tenant: String,
    pub policy: Policy,
}

impl Command for SetPolicy {
    const ROUTE: Route = routes::SCIM_POLICY;
    type Output = PolicySet;

    fn path_args(&self) -> Vec<&str> {
        vec![&self.tenant]
    }

    fn run(self, ctx: &Ctx<'_>) -> Result<PolicySet, EngineError> {
        ctx.engine
            .policy_set(&ctx.tenant(&self.tenant)?, self.policy)
    }
}
