//! `scim enable|disable|status|policy set|guard …`.

use super::{Input, duration, routes};
use crate::engine::EngineError;
use crate::engine::guard::{GuardAction, GuardView, Threshold};
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

tenant_command! {
    /// The deprovisioning guard: settings, count and hold.
    GuardShow at routes::GUARD_SHOW => GuardView,
    |_, t, ctx| ctx.engine.guard_view(&t)
}

tenant_command! {
    /// `max`: `N` or `P%`; `window`: a duration (1m to 30d); `off`.
    GuardSet at routes::GUARD_SET => GuardView,
    fields {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub max: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub window: Option<String>,
        #[serde(default)]
        pub off: bool,
    }
    |c, t, ctx| {
        let threshold = c
            .max
            .as_deref()
            .map(Threshold::parse)
            .transpose()
            .map_err(|reason| EngineError::InvalidValue { field: "max", reason })?;
        let window = c
            .window
            .as_deref()
            .map(|w| duration("window", w).map(|d| d.whole_seconds()))
            .transpose()?;
        ctx.engine.set_guard(&t, threshold, window, !c.off)
    }
}

tenant_command! {
    /// Lets the held deprovisioning through on the IdP's next retries.
    GuardApprove at routes::GUARD_APPROVE => GuardView,
    consts { const INPUT: Input = Input::None; }
    |_, t, ctx| ctx.engine.decide_guard(&t, GuardAction::Approve)
}

tenant_command! {
    /// Keeps holding, and tells the IdP's admin to fix its scope.
    GuardReject at routes::GUARD_REJECT => GuardView,
    consts { const INPUT: Input = Input::None; }
    |_, t, ctx| ctx.engine.decide_guard(&t, GuardAction::Reject)
}

tenant_command! {
    /// Ends a hold without letting it through; counting starts again.
    GuardReset at routes::GUARD_RESET => GuardView,
    consts { const INPUT: Input = Input::None; }
    |_, t, ctx| ctx.engine.decide_guard(&t, GuardAction::Reset)
}
