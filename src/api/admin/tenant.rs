//! `tenant list|create|show|delete`.

use serde::{Deserialize, Serialize};

use super::{Command, Ctx, Input, Route, routes};
use crate::engine::EngineError;
use crate::engine::model::Policy;
use crate::engine::tenants::{TenantDetail, TenantInfo};
use crate::engine::views::TenantDeleted;

/// The tenants the caller may use.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct List {}

impl Command for List {
    const ROUTE: Route = routes::TENANT_LIST;
    type Output = Vec<TenantInfo>;

    fn path_args(&self) -> Vec<&str> {
        Vec::new()
    }

    fn run(self, ctx: &Ctx<'_>) -> Result<Vec<TenantInfo>, EngineError> {
        let all = ctx.engine.tenant_infos(ctx.public_url)?;
        Ok(all.into_iter().filter(|t| ctx.allows(&t.id)).collect())
    }
}

/// Only an operator key creates a tenant.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Create {
    pub name: String,
    pub id: Option<String>,
    #[serde(default)]
    pub policy: Policy,
}

impl Command for Create {
    const ROUTE: Route = routes::TENANT_CREATE;
    const CREATES: bool = true;
    const OPERATOR: bool = true;
    type Output = TenantInfo;

    fn path_args(&self) -> Vec<&str> {
        Vec::new()
    }

    fn run(self, ctx: &Ctx<'_>) -> Result<TenantInfo, EngineError> {
        ctx.engine
            .create_tenant_info(&self.name, self.id.as_deref(), self.policy, ctx.public_url)
    }
}

tenant_command! {
    Show at routes::TENANT_SHOW => TenantDetail,
    |_, t, ctx| ctx.engine.tenant_detail(&t, ctx.public_url)
}

tenant_command! {
    /// The DELETE is the confirmation the CLI asks for with `--yes`. Only an
    /// operator key deletes a tenant (a scoped key would cut its own branch).
    Delete at routes::TENANT_DELETE => TenantDeleted,
    consts {
        const INPUT: Input = Input::None;
        const OPERATOR: bool = true;
    }
    |_, t, ctx| {
        ctx.engine.delete_tenant(&t)?;
        Ok(TenantDeleted { deleted: t.id })
    }
}
