//! `invitations list|resend|redeem`: the tenant's sign-up emails.
//! (`invitations deliver` runs on the store's host only: it sends email.)

use super::{Input, routes};
use crate::engine::EngineError;
use crate::engine::invitations::{InvitationList, InvitationView, Redeemed};
use crate::engine::store::InvitationFilter;
use crate::engine::tokens::Secret;

tenant_command! {
    /// `invitations list`: `state=pending|failed|sent` and `user=EMAIL` in
    /// the query, both optional.
    List at routes::INVITATIONS_LIST => InvitationList,
    consts { const INPUT: Input = Input::Query; }
    fields {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub state: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub user: Option<String>,
    }
    |c, t, ctx| ctx.engine.list_invitations(&t, filter(c.state.as_deref())?, c.user.as_deref())
}

/// The filter a `state` names.
pub fn filter(state: Option<&str>) -> Result<InvitationFilter, EngineError> {
    Ok(match state {
        None | Some("all") => InvitationFilter::All,
        Some("pending") => InvitationFilter::Pending,
        Some("failed") => InvitationFilter::Failed,
        Some("sent") => InvitationFilter::Sent,
        Some(other) => {
            return Err(EngineError::InvalidValue {
                field: "state",
                reason: format!("\"{other}\" is not one of pending, failed, sent"),
            });
        }
    })
}

tenant_command! {
    /// `invitations resend EMAIL`: a new link at once; the old one dies.
    Resend at routes::INVITATIONS_RESEND => InvitationView,
    fields {
        pub email: String,
    }
    |c, t, ctx| ctx.engine.resend_invitation(&t, &c.email)
}

tenant_command! {
    /// Redeems a sign-up link: the token travels in the JSON body, never in
    /// a URL. The first redeem answers the user; any later one is 410.
    Redeem at routes::INVITATIONS_REDEEM => Redeemed,
    fields {
        pub token: String,
    }
    |c, t, ctx| ctx.engine.redeem_invitation(&t, &Secret::new(c.token))
}
