//! `token generate|regenerate|revoke|status|verify`: the SCIM token of a
//! tenant.

use serde::{Deserialize, Serialize};

use super::{Command, Ctx, Input, Route, duration, routes};
use crate::engine::EngineError;
use crate::engine::tokens::{IssuedTokenView, Secret, TokenCheck, TokenStatus};
use crate::engine::views::{Issue, RevokedTokens};

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Generate {
    #[serde(skip_serializing)]
    pub tenant: String,
}

impl Command for Generate {
    const ROUTE: Route = routes::TOKEN_GENERATE;
    const INPUT: Input = Input::None;
    const CREATES: bool = true;
    type Output = IssuedTokenView;

    fn path_args(&self) -> Vec<&str> {
        vec![&self.tenant]
    }

    fn run(self, ctx: &Ctx<'_>) -> Result<IssuedTokenView, EngineError> {
        let t = ctx.tenant(&self.tenant)?;
        ctx.engine.issue_token(&t, Issue::Generate, ctx.public_url)
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Regenerate {
    #[serde(skip_serializing)]
    pub tenant: String,
    /// A duration as the CLI's `--grace` takes it (whole seconds are sent
    /// when the grace is whole seconds, nanoseconds otherwise).
    #[serde(default)]
    pub grace: Option<String>,
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

impl Command for Regenerate {
    const ROUTE: Route = routes::TOKEN_REGENERATE;
    const CREATES: bool = true;
    type Output = IssuedTokenView;

    fn path_args(&self) -> Vec<&str> {
        vec![&self.tenant]
    }

    fn run(self, ctx: &Ctx<'_>) -> Result<IssuedTokenView, EngineError> {
        let t = ctx.tenant(&self.tenant)?;
        let grace = self.grace()?;
        ctx.engine
            .issue_token(&t, Issue::Regenerate { grace }, ctx.public_url)
    }
}

/// Revokes the token (and a previous one), or with `previous` only the
/// previous token still in its grace period.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revoke {
    #[serde(skip_serializing)]
    pub tenant: String,
    #[serde(default)]
    pub previous: bool,
}

impl Command for Revoke {
    const ROUTE: Route = routes::TOKEN_REVOKE;
    type Output = RevokedTokens;

    fn path_args(&self) -> Vec<&str> {
        vec![&self.tenant]
    }

    fn run(self, ctx: &Ctx<'_>) -> Result<RevokedTokens, EngineError> {
        ctx.engine
            .revoke_tokens(&ctx.tenant(&self.tenant)?, self.previous)
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Status {
    #[serde(skip_serializing)]
    pub tenant: String,
}

impl Command for Status {
    const ROUTE: Route = routes::TOKEN_STATUS;
    type Output = TokenStatus;

    fn path_args(&self) -> Vec<&str> {
        vec![&self.tenant]
    }

    fn run(self, ctx: &Ctx<'_>) -> Result<TokenStatus, EngineError> {
        ctx.engine
            .token_status(&ctx.tenant(&self.tenant)?, ctx.max_age_days)
    }
}

/// `token verify`: the token travels in the body, never in the URL; the
/// answer says `valid` either way (the CLI's exit code follows from it).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verify {
    #[serde(skip_serializing)]
    pub tenant: String,
    pub token: String,
}

impl Verify {
    pub fn new(tenant: &str, presented: &Secret) -> Verify {
        Verify {
            tenant: tenant.to_owned(),
            token: presented.expose().to_owned(),
        }
    }
}

impl Command for Verify {
    const ROUTE: Route = routes::TOKEN_VERIFY;
    type Output = TokenCheck;

    fn path_args(&self) -> Vec<&str> {
        vec![&self.tenant]
    }

    fn run(self, ctx: &Ctx<'_>) -> Result<TokenCheck, EngineError> {
        let t = ctx.tenant(&self.tenant)?;
        ctx.engine.verify_token(&t, &Secret::new(self.token))
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
