//! `scimctl diagnose user|request|tenant`: the engine's findings, each with
//! its verdict and fix, after the facts they rest on.

use clap::{Args, Subcommand};

use super::users::facts_rows;
use super::{Ctx, log};
use crate::api::admin::diagnose;
use crate::engine::diagnose::{Finding, HourCount, Severity, TenantDiagnosis};
use crate::error::CliError;
use crate::format::printable;
use crate::format::when;

#[derive(Debug, Subcommand)]
pub enum DiagnoseCmd {
    /// Why a user is (not) provisioned, refused, disabled or without a sign-up email
    User(UserArgs),
    /// What one logged request did, why it failed and what to do
    Request(RequestArgs),
    /// Is the tenant's provisioning healthy: SCIM, token, error rate, transfers
    Tenant,
}

#[derive(Debug, Args)]
pub struct UserArgs {
    /// The user's email address (its userName)
    pub email: String,
}

#[derive(Debug, Args)]
pub struct RequestArgs {
    /// The request id from an error's detail or the log (r-…)
    pub request_id: String,
}

fn print_findings(ctx: &Ctx, findings: &[Finding]) -> Result<(), CliError> {
    ctx.out.line("")?;
    for (i, f) in findings.iter().enumerate() {
        let label = if i == 0 {
            "verdict"
        } else {
            f.severity.as_str()
        };
        let tag = match f.severity {
            Severity::Ok => "ok",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Problem => "problem",
        };
        ctx.out.line(&format!("{label}: [{tag}] {}", f.verdict))?;
        if let Some(fix) = &f.fix {
            ctx.out.line(&format!("  fix: {fix}"))?;
        }
    }
    Ok(())
}

/// 24 hourly counts as one line of block characters, highest = full block.
fn sparkline(hours: &[HourCount]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = hours.iter().map(|h| h.requests).max().unwrap_or(0);
    hours
        .iter()
        .map(|h| match (h.requests, max) {
            (0, _) => ' ',
            (n, m) => BARS[((n * 7).div_ceil(m.max(1)) as usize).min(7)],
        })
        .collect()
}

fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        "—".into()
    } else {
        format!("{:.1} %", part as f64 * 100.0 / whole as f64)
    }
}

fn tenant_rows(d: &TenantDiagnosis) -> Vec<(&'static str, String)> {
    let mut rows = vec![
        ("tenant", format!("{} ({})", d.tenant_name, d.tenant_id)),
        (
            "scim",
            if d.scim_enabled {
                "enabled"
            } else {
                "disabled"
            }
            .into(),
        ),
    ];
    rows.push((
        "token",
        match &d.token.token {
            None => "(none)".into(),
            Some(t) => format!(
                "{}, {} day(s) old, {}",
                t.fingerprint,
                t.age_days,
                match (&t.last_used_at, &t.last_used_from) {
                    (Some(at), Some(from)) => format!("last used {} from {from}", when(*at)),
                    (Some(at), None) => format!("last used {}", when(*at)),
                    _ => "never used".into(),
                }
            ),
        },
    ));
    if let Some(p) = &d.token.previous {
        rows.push((
            "previous token",
            format!(
                "{}, accepted until {}",
                p.fingerprint,
                p.grace_until.map(when).unwrap_or_else(|| "—".into())
            ),
        ));
    }
    rows.push((
        "members",
        format!(
            "{} (idp {}, tenant {}, self {})",
            d.members.total, d.members.idp, d.members.tenant, d.members.self_managed
        ),
    ));
    rows.push((
        "last hour",
        format!(
            "{} request(s), {} failed ({})",
            d.requests_1h,
            d.errors_1h,
            percent(d.errors_1h, d.requests_1h)
        ),
    ));
    rows.push((
        "last 24 h",
        format!(
            "{} request(s), {} failed ({})",
            d.requests_24h,
            d.errors_24h,
            percent(d.errors_24h, d.requests_24h)
        ),
    ));
    rows.push(("requests/hour", format!("|{}|", sparkline(&d.hourly))));
    rows.push((
        "stale token",
        format!("{} request(s) in 24 h", d.stale_token_requests),
    ));
    rows.push((
        "log dropped",
        match (d.log_dropped, d.log_dropped_last_at) {
            (0, _) => "0".into(),
            (n, Some(at)) => format!("{n} record(s), the last {}", when(at)),
            (n, None) => format!("{n} record(s)"),
        },
    ));
    rows.push((
        "pending transfers",
        if d.pending_transfers == 0 {
            "0".into()
        } else {
            format!(
                "{} (e.g. {})",
                d.pending_transfers,
                d.pending_transfer_sample.join(", ")
            )
        },
    ));
    rows
}

pub fn run(cmd: DiagnoseCmd, ctx: &mut Ctx) -> Result<(), CliError> {
    let backend = ctx.backend()?;
    match cmd {
        DiagnoseCmd::User(a) => {
            let t = ctx.tenant()?;
            let d = backend.call(diagnose::User {
                tenant: t.id,
                email: a.email.clone(),
            })?;
            if ctx.out.is_json() {
                ctx.out.json(&d)?;
                return Ok(());
            }
            ctx.out.fields(facts_rows(&d.facts))?;
            if !d.recent.is_empty() {
                ctx.out.line("")?;
                ctx.out.line("recent requests (newest last):")?;
                for r in &d.recent {
                    ctx.out.line(&format!("  {}", log::line(r)))?;
                }
            }
            print_findings(ctx, &d.findings)?;
        }
        DiagnoseCmd::Request(a) => {
            // A named tenant (or a profile's) narrows the lookup to its
            // requests, as a key scoped to that tenant sees them.
            let t = match ctx.config.tenant.value.is_some() {
                true => Some(ctx.tenant()?),
                false => None,
            };
            let request = a.request_id.trim().to_owned();
            let d = match t {
                Some(t) => backend.call(diagnose::Request {
                    tenant: t.id,
                    request,
                })?,
                None => backend.call(diagnose::RequestAny { request })?,
            };
            if ctx.out.is_json() {
                ctx.out.json(&d)?;
                return Ok(());
            }
            let r = &d.record;
            let mut rows = vec![
                ("request", r.request_id.clone()),
                ("time", when(r.at)),
                ("tenant", r.tenant_id.clone().unwrap_or_else(|| "—".into())),
                (
                    "request line",
                    match &r.query {
                        Some(q) => format!("{} {}?{q}", r.method, r.path),
                        None => format!("{} {}", r.method, r.path),
                    },
                ),
                ("status", r.status.to_string()),
            ];
            let mut opt = |k: &'static str, v: &Option<String>| {
                if let Some(v) = v {
                    rows.push((k, v.clone()));
                }
            };
            opt("reason", &r.reason);
            opt("scimType", &r.scim_type);
            opt("detail", &r.detail);
            opt("user", &r.user_email.clone().or_else(|| r.user_id.clone()));
            opt("group", &r.group_id);
            opt("token", &r.token_fingerprint);
            opt("token note", &r.token_note);
            opt("client", &r.client_addr);
            opt("user agent", &r.user_agent);
            opt(
                "latency",
                &Some(format!("{:.1} ms", r.latency_us as f64 / 1000.0)),
            );
            for (k, v) in [
                ("ignored", &r.ignored_attributes),
                ("transferred", &r.transfers),
                ("invited", &r.invitations),
            ] {
                opt(k, &(!v.is_empty()).then(|| v.join(", ")));
            }
            opt("request body", &r.request_body);
            // Every value but the time came from the network.
            let rows = rows
                .into_iter()
                .map(|(k, v)| (k, printable(&v).into_owned()))
                .collect();
            ctx.out.fields(rows)?;
            print_findings(ctx, &d.findings)?;
        }
        DiagnoseCmd::Tenant => {
            let t = ctx.tenant()?;
            let d = backend.call(diagnose::Tenant {
                tenant: t.id.clone(),
            })?;
            if ctx.out.is_json() {
                ctx.out.json(&d)?;
                return Ok(());
            }
            ctx.out.fields(tenant_rows(&d))?;
            if !d.errors_by_reason.is_empty() {
                ctx.out.line("")?;
                ctx.out.table(
                    &["REASON (24 h)", "FAILURES"],
                    d.errors_by_reason
                        .iter()
                        .map(|r| vec![r.reason.clone(), r.count.to_string()])
                        .collect(),
                )?;
            }
            print_findings(ctx, &d.findings)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::OffsetDateTime;

    #[test]
    fn sparkline_scales_to_the_busiest_hour() {
        let h = |requests| HourCount {
            hour: OffsetDateTime::UNIX_EPOCH,
            requests,
            errors: 0,
        };
        assert_eq!(sparkline(&[h(0), h(1), h(8), h(4)]), " ▂█▅");
        assert_eq!(sparkline(&[h(0), h(0)]), "  ");
    }
}
