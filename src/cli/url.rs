//! `scimctl url`: only the tenant URL, so `$(scimctl url)` works.

use clap::Args;
use serde::Serialize;

use super::Ctx;
use crate::engine::tenant_url;
use crate::error::CliError;

#[derive(Debug, Args)]
pub struct UrlArgs {}

#[derive(Serialize)]
struct UrlJson {
    tenant_id: String,
    tenant_url: String,
}

pub fn run(_: UrlArgs, ctx: &mut Ctx) -> Result<(), CliError> {
    let t = ctx.tenant()?;
    let url = tenant_url(ctx.public_url(), &t.id);
    if ctx.out.is_json() {
        ctx.out.json(&UrlJson {
            tenant_id: t.id,
            tenant_url: url,
        })?;
    } else {
        ctx.out.line(&url)?;
    }
    Ok(())
}
