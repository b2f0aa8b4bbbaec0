//! `url`.

use serde::{Deserialize, Serialize};

use super::{Command, Ctx, Route, routes};
use crate::engine::EngineError;
use crate::engine::views::TenantUrl;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Url {
    #[serde(skip_serializing)]
    pub tenant: String,
}

impl Command for Url {
    const ROUTE: Route = routes::URL;
    type Output = TenantUrl;

    fn path_args(&self) -> Vec<&str> {
        vec![&self.tenant]
    }

    fn run(self, ctx: &Ctx<'_>) -> Result<TenantUrl, EngineError> {
        Ok(TenantUrl::new(ctx.public_url, &ctx.tenant(&self.tenant)?))
    }
}
