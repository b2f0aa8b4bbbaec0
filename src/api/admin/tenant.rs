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

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Show {
    /// The tenant's id or name.
    #[serde(skip_serializing)]
    pub tenant: String,
}

impl Command for Show {
    const ROUTE: Route = routes::TENANT_SHOW;
    type Output = TenantDetail;

    fn path_args(&self) -> Vec<&str> {
        vec![&self.tenant]
    }

    fn run(self, ctx: &Ctx<'_>) -> Result<TenantDetail, EngineError> {
        ctx.engine
            .tenant_detail(&ctx.tenant(&self.tenant)?, ctx.public_url)
    }
}

/// The DELETE is the confirmation the CLI asks for with `--yes`. Only an
/// operator key deletes a tenant (a scoped key would cut its own branch).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Delete {
    #[serde(skip_serializing)]
    pub tenant: String,
}

impl Command for Delete {
    const ROUTE: Route = routes::TENANT_DELETE;
    const INPUT: Input = Input::None;
    const OPERATOR: bool = true;
    type Output = TenantDeleted;

    fn path_args(&self) -> Vec<&str> {
        vec![&self.tenant]
    }

    fn run(self, ctx: &Ctx<'_>) -> Result<TenantDeleted, EngineError> {
        let t = ctx.tenant(&self.tenant)?;
        ctx.engine.delete_tenant(&t)?;
        Ok(TenantDeleted { deleted: t.id })
    }
}
