//! `groups list|create|show|assign`.

use serde::{Deserialize, Serialize};

use super::{Command, Ctx, Input, MAX_GROUP_MEMBERS_SHOWN, Route, routes};
use crate::engine::EngineError;
use crate::engine::admin::groups::{AssignRequest, GroupDetail, GroupInfo};

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct List {
    #[serde(skip_serializing)]
    pub tenant: String,
}

impl Command for List {
    const ROUTE: Route = routes::GROUPS_LIST;
    type Output = Vec<GroupInfo>;

    fn path_args(&self) -> Vec<&str> {
        vec![&self.tenant]
    }

    fn run(self, ctx: &Ctx<'_>) -> Result<Vec<GroupInfo>, EngineError> {
        ctx.engine.groups(&ctx.tenant(&self.tenant)?)
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Create {
    #[serde(skip_serializing)]
    pub tenant: String,
    pub name: String,
}

impl Command for Create {
    const ROUTE: Route = routes::GROUPS_CREATE;
    const CREATES: bool = true;
    type Output = GroupInfo;

    fn path_args(&self) -> Vec<&str> {
        vec![&self.tenant]
    }

    fn run(self, ctx: &Ctx<'_>) -> Result<GroupInfo, EngineError> {
        ctx.engine
            .create_group(&ctx.tenant(&self.tenant)?, &self.name)
    }
}

/// A group and up to `limit` of its members (100 unless given; 0 lists
/// them all, which over the API is at most MAX_GROUP_MEMBERS_SHOWN).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Show {
    #[serde(skip_serializing)]
    pub tenant: String,
    #[serde(skip_serializing)]
    pub group: String,
    #[serde(default)]
    pub limit: Option<usize>,
}

impl Show {
    /// Over the API, capped (0 meaning as many as allowed): one answer
    /// stays small.
    fn limit(&self, ctx: &Ctx<'_>) -> usize {
        match (self.limit.unwrap_or(100), ctx.bounded()) {
            (n, false) => n,
            (0, true) => MAX_GROUP_MEMBERS_SHOWN,
            (n, true) => n.min(MAX_GROUP_MEMBERS_SHOWN),
        }
    }
}

impl Command for Show {
    const ROUTE: Route = routes::GROUPS_SHOW;
    const INPUT: Input = Input::Query;
    type Output = GroupDetail;

    fn path_args(&self) -> Vec<&str> {
        vec![&self.tenant, &self.group]
    }

    fn run(self, ctx: &Ctx<'_>) -> Result<GroupDetail, EngineError> {
        let t = ctx.tenant(&self.tenant)?;
        ctx.engine.group_detail(&t, &self.group, self.limit(ctx))
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assign {
    #[serde(skip_serializing)]
    pub tenant: String,
    #[serde(skip_serializing)]
    pub group: String,
    #[serde(default)]
    pub properties: Vec<String>,
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub permissions: Vec<String>,
}

impl Command for Assign {
    const ROUTE: Route = routes::GROUPS_ASSIGN;
    type Output = GroupInfo;

    fn path_args(&self) -> Vec<&str> {
        vec![&self.tenant, &self.group]
    }

    fn run(self, ctx: &Ctx<'_>) -> Result<GroupInfo, EngineError> {
        let t = ctx.tenant(&self.tenant)?;
        let a = AssignRequest {
            properties: self.properties,
            roles: self.roles,
            permissions: self.permissions,
        };
        ctx.engine.assign_group(&t, &self.group, &a)
    }
}
