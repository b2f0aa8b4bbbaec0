//! The backend over the engine on this machine's store: each command runs
//! as the local caller (every tenant, no API bounds).

use super::{OnItems, Result};
use crate::api::admin::{Caller, Command, Ctx, Followed};
use crate::engine::Engine;
use crate::engine::follow::FOLLOW_EVERY;
use crate::engine::model::Tenant;

#[derive(Clone)]
pub struct Local {
    pub engine: Engine,
    /// The public URL tenant URLs are built from (config `public_url`).
    pub public_url: String,
    /// Tokens older than this are flagged (config `token_max_age_days`).
    pub max_age_days: u32,
    /// Whether this machine's config can send sign-up email.
    pub mail_configured: bool,
}

impl Local {
    pub fn location(&self) -> String {
        format!("store {}", self.engine.store_info().location)
    }

    pub fn call<C: Command>(&self, c: C) -> Result<C::Output> {
        let ctx = Ctx::new(
            &self.engine,
            &self.public_url,
            self.max_age_days,
            Caller::Local,
        )
        .with_mail(self.mail_configured);
        Ok(c.run(&ctx)?)
    }

    pub fn resolve_tenant(&self, key: Option<&str>) -> Result<Tenant> {
        Ok(self.engine.resolve_tenant(key)?)
    }

    pub fn follow<C: Followed>(&self, c: &C, each: &mut OnItems<'_, C::Item>) -> Result<()> {
        let ctx = Ctx::new(
            &self.engine,
            &self.public_url,
            self.max_age_days,
            Caller::Local,
        );
        let feed = c.feed(&ctx)?;
        let (items, mut at) = self.engine.follow_start(&feed)?;
        if each(items).is_break() {
            return Ok(());
        }
        loop {
            std::thread::sleep(FOLLOW_EVERY);
            let new = self.engine.follow_next(&feed, &mut at)?;
            if !new.is_empty() && each(new).is_break() {
                return Ok(());
            }
        }
    }
}
