//! `scimctl url`: only the tenant URL, so `$(scimctl url)` works.

use clap::Args;

use super::Ctx;
use crate::error::CliError;

#[derive(Debug, Args)]
pub struct UrlArgs {}

pub fn run(_: UrlArgs, ctx: &mut Ctx) -> Result<(), CliError> {
    let t = ctx.tenant()?;
    let url = ctx.backend()?.tenant_url(&t)?;
    if ctx.out.is_json() {
        ctx.out.json(&url)?;
    } else {
        ctx.out.line(&url.tenant_url)?;
    }
    Ok(())
}
