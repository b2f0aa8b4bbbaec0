//! `properties list|add`.

use serde::{Deserialize, Serialize};

use super::{Command, Ctx, Route, routes};
use crate::engine::EngineError;
use crate::engine::admin::groups::PropertyInfo;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct List {
    #[serde(skip_serializing)]
    pub tenant: String,
}

impl Command for List {
    const ROUTE: Route = routes::PROPERTIES_LIST;
    type Output = Vec<PropertyInfo>;

    fn path_args(&self) -> Vec<&str> {
        vec![&self.tenant]
    }

    fn run(self, ctx: &Ctx<'_>) -> Result<Vec<PropertyInfo>, EngineError> {
        ctx.engine.properties(&ctx.tenant(&self.tenant)?)
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Add {
    #[serde(skip_serializing)]
    pub tenant: String,
    pub name: String,
}

impl Command for Add {
    const ROUTE: Route = routes::PROPERTIES_ADD;
    const CREATES: bool = true;
    type Output = PropertyInfo;

    fn path_args(&self) -> Vec<&str> {
        vec![&self.tenant]
    }

    fn run(self, ctx: &Ctx<'_>) -> Result<PropertyInfo, EngineError> {
        ctx.engine
            .add_property(&ctx.tenant(&self.tenant)?, &self.name)
    }
}
