//! `scimctl dashboard`: the full-screen dashboard over the same store as
//! the commands. Refuses to start unless stdin and stdout are a terminal.

use clap::Args;

use super::Ctx;
use crate::error::CliError;
use crate::tui;

#[derive(Debug, Args)]
pub struct DashboardArgs {}

pub fn run(_a: DashboardArgs, ctx: &mut Ctx, verbose: u8) -> Result<(), CliError> {
    if !tui::terminal::is_terminal() {
        return Err(CliError::Usage(
            "the dashboard needs a terminal, and stdin or stdout is not one; run it in a terminal, or use 'scimctl scim status' and 'scimctl log --follow' in scripts".into(),
        ));
    }
    let log = crate::logging::dashboard_log_path();
    crate::logging::init_file(verbose, &log);
    let tenant = ctx.tenant()?;
    let backend = ctx.backend()?;
    tracing::info!(tenant = %tenant.id, backend = %backend.location(), "dashboard started");
    let settings = tui::app::Settings {
        tenant_url: backend
            .call(crate::api::admin::url::Url {
                tenant: tenant.id.clone(),
            })?
            .tenant_url,
    };
    tui::run(backend, tenant, settings)
}
