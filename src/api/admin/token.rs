//! `token generate|regenerate|revoke|status|verify`: the SCIM token of a
//! tenant.

use super::{Input, duration, routes};
use crate::engine::EngineError;
use crate::engine::tokens::{IssuedTokenView, Secret, TokenCheck, TokenStatus};
use crate::engine::views::{Issue, RevokedTokens};

tenant_command! {
    Generate at routes::TOKEN_GENERATE => IssuedTokenView,
    consts {
        const INPUT: Input = Input::None;
        const CREATES: bool = true;
    }
    |_, t, ctx| ctx.engine.issue_token(&t, Issue::Generate, ctx.public_url)
}

tenant_command! {
    Regenerate at routes::TOKEN_REGENERATE => IssuedTokenView,
    consts { const CREATES: bool = true; }
    fields {
        /// A duration as the CLI's `--grace` takes it (whole seconds are
        /// sent when the grace is whole seconds, nanoseconds otherwise).
        #[serde(default)]
        pub grace: Option<String>,
    }
    |c, t, ctx| {
        let grace = c.grace()?;
        ctx.engine
            .issue_token(&t, Issue::Regenerate { grace }, ctx.public_url)
    }
}

impl Regenerate {
    pub fn new(tenant: &str, grace: Option<time::Duration>) -> Regenerate {
        Regenerate {
            tenant: tenant.to_owned(),
            grace: grace.map(|g| match g.subsec_nanoseconds() {
                0 => format!("{}s", g.whole_seconds()),
                _ => format!("{}ns", g.whole_nanoseconds()),
            }),
        }
    }

    pub fn grace(&self) -> Result<Option<time::Duration>, EngineError> {
        self.grace
            .as_deref()
            .map(|g| duration("--grace", g))
            .transpose()
    }
}

tenant_command! {
    /// Revokes the token (and a previous one), or with `previous` only the
    /// previous token still in its grace period.
    Revoke at routes::TOKEN_REVOKE => RevokedTokens,
    fields {
        #[serde(default)]
        pub previous: bool,
    }
    |c, t, ctx| ctx.engine.revoke_tokens(&t, c.previous)
}

tenant_command! {
    Status at routes::TOKEN_STATUS => TokenStatus,
    |_, t, ctx| ctx.engine.token_status(&t, ctx.max_age_days)
}

tenant_command! {
    /// `token verify`: the token travels in the body, never in the URL; the
    /// answer says `valid` either way (the CLI's exit code follows from it).
    Verify at routes::TOKEN_VERIFY => TokenCheck,
    fields { pub token: String, }
    |c, t, ctx| ctx.engine.verify_token(&t, &Secret::new(c.token))
}

impl Verify {
    pub fn new(tenant: &str, presented: &Secret) -> Verify {
        Verify {
            tenant: tenant.to_owned(),
            token: presented.expose().to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grace_is_sent_in_whole_seconds() {
        let r = Regenerate::new("acme", Some(time::Duration::minutes(15)));
        assert_eq!(r.grace.as_deref(), Some("900s"));
        assert_eq!(r.grace().unwrap(), Some(time::Duration::minutes(15)));
        assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"grace":"900s"}"#);
    }

    #[test]
    fn a_grace_with_a_fraction_of_a_second_keeps_it() {
        let g = time::Duration::milliseconds(1500);
        assert_eq!(Regenerate::new("acme", Some(g)).grace().unwrap(), Some(g));
    }
}
