//! `scimctl log`: the provisioning log, newest last; `--follow` streams new
//! records while `scimctl serve` runs in another process on the same store.

use std::ops::ControlFlow;
use std::time::Duration;

use clap::Args;

use super::Ctx;
use crate::api::admin::log;
use crate::engine::log::{LogQuery, LogRecord};
use crate::engine::now;
use crate::error::CliError;
use crate::format::printable;
use crate::format::when;

#[derive(Debug, Args)]
pub struct LogArgs {
    /// Only failed requests (status 400 and above)
    #[arg(long)]
    pub errors: bool,
    /// Only requests about this user (email)
    #[arg(long, value_name = "EMAIL")]
    pub user: Option<String>,
    /// Only this request id (from an error's detail, e.g. r-5f2c…)
    #[arg(long, value_name = "ID")]
    pub request: Option<String>,
    /// Only requests newer than this (e.g. 15m, 2h, 7d)
    #[arg(long, value_name = "DURATION", value_parser = super::args::parse_duration)]
    pub since: Option<Duration>,
    /// How many of the newest records to show
    #[arg(long, default_value_t = 50)]
    pub limit: u32,
    /// Keep printing new records as they arrive (Ctrl-C to stop)
    #[arg(long, short = 'f')]
    pub follow: bool,
}

/// One record as one line, for people (and for `--follow`). Its fields
/// come from the network: control characters are escaped (`printable`).
pub(super) fn line(r: &LogRecord) -> String {
    let target = match &r.query {
        Some(q) => format!("{}?{}", r.path, q),
        None => r.path.clone(),
    };
    let mut out = format!(
        "{}  {}  {:<6} {}  {}  {:.1}ms",
        when(r.at),
        r.request_id,
        r.method,
        target,
        r.status,
        r.latency_us as f64 / 1000.0
    );
    if let Some(u) = r.user_email.as_ref().or(r.user_id.as_ref()) {
        out.push_str(&format!("  user={u}"));
    }
    if let Some(reason) = &r.reason {
        out.push_str(&format!("  reason={reason}"));
    }
    if let Some(fp) = &r.token_fingerprint {
        out.push_str(&format!("  token={fp}"));
    }
    if let Some(note) = &r.token_note {
        out.push_str(&format!("  ({note})"));
    }
    if !r.transfers.is_empty() {
        out.push_str(&format!("  transferred={}", r.transfers.join(",")));
    }
    if !r.invitations.is_empty() {
        out.push_str(&format!("  invited={}", r.invitations.join(",")));
    }
    if !r.ignored_attributes.is_empty() {
        out.push_str(&format!("  ignored={}", r.ignored_attributes.join(",")));
    }
    printable(&out).into_owned()
}

fn print(ctx: &Ctx, records: &[LogRecord]) -> Result<(), CliError> {
    for r in records {
        if ctx.out.is_json() {
            // JSON lines: one record per line, so `--follow` can be piped.
            ctx.out
                .line(&serde_json::to_string(r).map_err(std::io::Error::other)?)?;
        } else {
            ctx.out.line(&line(r))?;
        }
    }
    Ok(())
}

pub fn run(a: LogArgs, ctx: &mut Ctx) -> Result<(), CliError> {
    let backend = ctx.backend()?;
    // A named tenant narrows the log; without one, every tenant's requests.
    let tenant_id = match ctx.config.tenant.value.is_some() {
        true => Some(ctx.tenant()?.id),
        false => None,
    };
    let since = match a.since {
        Some(d) => Some(
            now()
                - time::Duration::try_from(d)
                    .map_err(|_| CliError::Usage("--since is too long a duration".into()))?,
        ),
        None => None,
    };
    let q = LogQuery {
        tenant_id,
        errors_only: a.errors,
        user_email: a.user,
        request_id: a.request,
        since,
        after_seq: None,
        limit: a.limit,
    };
    if a.follow {
        // Printing fails only when stdout does; that error ends the follow.
        let mut failed = None;
        let mut each = |records: Vec<LogRecord>| match print(ctx, &records) {
            Ok(()) => ControlFlow::Continue(()),
            Err(e) => {
                failed = Some(e);
                ControlFlow::Break(())
            }
        };
        match log::Of::new(&q, true) {
            log::Of::Tenant(c) => backend.follow(&c, &mut each)?,
            log::Of::All(c) => backend.follow(&c, &mut each)?,
        }
        return failed.map_or(Ok(()), Err);
    }
    let records = match log::Of::new(&q, false) {
        log::Of::Tenant(c) => backend.call(c)?,
        log::Of::All(c) => backend.call(c)?,
    };
    if records.is_empty() && !ctx.out.is_json() {
        ctx.out
            .note("No matching requests in the provisioning log.");
    }
    print(ctx, &records)
}
