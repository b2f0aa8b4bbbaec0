//! `scim enable|disable|status|policy set`.

use super::{Input, routes};
use crate::engine::model::Policy;
use crate::engine::tenants::ScimSwitch;
use crate::engine::views::{PolicySet, ScimStatus};

tenant_command! {
    Enable at routes::SCIM_ENABLE => ScimSwitch,
    consts { const INPUT: Input = Input::None; }
    |_, t, ctx| ctx.engine.set_scim_enabled(&t, true)
}

tenant_command! {
    Disable at routes::SCIM_DISABLE => ScimSwitch,
    consts { const INPUT: Input = Input::None; }
    |_, t, ctx| ctx.engine.set_scim_enabled(&t, false)
}

tenant_command! {
    Status at routes::SCIM_STATUS => ScimStatus,
    |_, t, ctx| ctx.engine.scim_status(&t, ctx.public_url, ctx.max_age_days)
}

tenant_command! {
    SetPolicy at routes::SCIM_POLICY => PolicySet,
    fields { pub policy: Policy, }
    |c, t, ctx| ctx.engine.policy_set(&t, c.policy)
}
