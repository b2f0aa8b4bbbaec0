//! `scimctl url`: only the tenant URL, so `$(scimctl url)` works.

use clap::Args;

use super::Ctx;
use crate::api::admin::url;
use crate::error::CliError;

#[derive(Debug, Args)]
pub struct UrlArgs {}

pub fn run(_: UrlArgs, ctx: &mut Ctx) -> Result<(), CliError> {
    let t = ctx.tenant()?;
    let url = ctx.backend()?.call(url::Url { tenant: t.id })?;
    if ctx.out.is_json() {
        ctx.out.json(&url)?;
    } else {
        ctx.out.line(&url.tenant_url)?;
    }
    Ok(())
}
