//! `groups list|create|show|assign`.

use super::{Ctx, Input, MAX_GROUP_MEMBERS_SHOWN, routes};
use crate::engine::admin::groups::{AssignRequest, GroupDetail, GroupInfo};

tenant_command! {
    List at routes::GROUPS_LIST => Vec<GroupInfo>,
    |_, t, ctx| ctx.engine.groups(&t)
}

tenant_command! {
    Create at routes::GROUPS_CREATE => GroupInfo,
    consts { const CREATES: bool = true; }
    fields { pub name: String, }
    |c, t, ctx| ctx.engine.create_group(&t, &c.name)
}

tenant_command! {
    /// A group and up to `limit` of its members (100 unless given; 0 lists
    /// them all, which over the API is at most MAX_GROUP_MEMBERS_SHOWN).
    Show at routes::GROUPS_SHOW => GroupDetail,
    consts { const INPUT: Input = Input::Query; }
    path { group }
    fields {
        #[serde(default)]
        pub limit: Option<usize>,
    }
    |c, t, ctx| ctx.engine.group_detail(&t, &c.group, c.limit(ctx))
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

tenant_command! {
    Assign at routes::GROUPS_ASSIGN => GroupInfo,
    path { group }
    fields {
        #[serde(default)]
        pub properties: Vec<String>,
        #[serde(default)]
        pub roles: Vec<String>,
        #[serde(default)]
        pub permissions: Vec<String>,
    }
    |c, t, ctx| {
        let a = AssignRequest {
            properties: c.properties,
            roles: c.roles,
            permissions: c.permissions,
        };
        ctx.engine.assign_group(&t, &c.group, &a)
    }
}
