//! Runs the model's effects against the engine, off the draw loop: every
//! effect is a blocking task on the runtime's pool, and its result comes back
//! to the loop as an `Action` on a channel.

use std::sync::mpsc::Sender;

use crate::engine::Engine;
use crate::engine::log::LogQuery;
use crate::engine::model::Tenant;
use crate::engine::scim::list::Projection;
use crate::engine::scim::users::Scope;
use crate::engine::{EngineError, tenant_url};
use crate::error::CliError;

use super::app::{Action, Effect, Overview, Settings, Traffic};

/// What an effect needs besides its own fields.
#[derive(Clone)]
pub struct Ctx {
    pub engine: Engine,
    pub tenant: Tenant,
    pub settings: Settings,
}

/// Most records the Overview reads to count a day of traffic.
const TRAFFIC_READ: u32 = 50_000;

/// An engine error as the status line shows it: the CLI's one line, hint
/// included.
fn msg(e: EngineError) -> String {
    CliError::from(e).render()
}

/// Runs one effect to completion on this thread.
pub fn execute(ctx: &Ctx, effect: Effect) -> Action {
    let (e, t) = (&ctx.engine, &ctx.tenant);
    match effect {
        Effect::LoadOverview => Action::OverviewLoaded(overview(ctx).map(Box::new).map_err(msg)),
        Effect::LoadGroups => Action::GroupsLoaded(e.groups(t).map_err(msg)),
        Effect::LoadGroupMembers { group_id } => {
            let members = group_members(ctx, &group_id).map_err(msg);
            Action::GroupMembersLoaded { group_id, members }
        }
        Effect::LoadLog { query, generation } => Action::LogLoaded {
            generation,
            records: e.log_records(&query).map_err(msg),
        },
        Effect::SetScim { enabled } => {
            Action::ScimSwitched(e.set_scim_enabled(t, enabled).map_err(msg))
        }
        Effect::IssueToken { regenerate } => {
            let r = if regenerate {
                e.regenerate_token(t)
            } else {
                e.generate_token(t)
            };
            Action::TokenIssued(r.map(Box::new).map_err(msg))
        }
    }
}

fn overview(ctx: &Ctx) -> crate::engine::Result<Overview> {
    let (e, t) = (&ctx.engine, &ctx.tenant);
    Ok(Overview {
        detail: e.tenant_detail(t, &ctx.settings.public_url)?,
        tokens: e.token_status(t, ctx.settings.token_max_age_days)?,
        traffic: traffic(e, t)?,
    })
}

/// The last day of the tenant's provisioning log in hourly buckets.
fn traffic(e: &Engine, t: &Tenant) -> crate::engine::Result<Traffic> {
    let now = crate::engine::now();
    let records = e.log_records(&LogQuery {
        tenant_id: Some(t.id.clone()),
        since: Some(now - time::Duration::hours(24)),
        limit: TRAFFIC_READ,
        ..LogQuery::default()
    })?;
    let mut tr = Traffic {
        hourly_requests: vec![0; 24],
        hourly_errors: vec![0; 24],
        capped: records.len() >= TRAFFIC_READ as usize,
        ..Traffic::default()
    };
    for r in &records {
        let hours_ago = ((now - r.at).whole_hours()).clamp(0, 23) as usize;
        let error = r.status >= 400;
        tr.day_requests += 1;
        tr.hourly_requests[23 - hours_ago] += 1;
        if error {
            tr.day_errors += 1;
            tr.hourly_errors[23 - hours_ago] += 1;
            let reason = r.reason.clone().unwrap_or_else(|| r.status.to_string());
            match tr.reasons.iter_mut().find(|(k, _)| *k == reason) {
                Some((_, n)) => *n += 1,
                None => tr.reasons.push((reason, 1)),
            }
        }
        if now - r.at < time::Duration::hours(1) {
            tr.hour_requests += 1;
            tr.hour_errors += u64::from(error);
        }
    }
    tr.reasons.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Ok(tr)
}

/// A group's members by userName, as the SCIM Group resource lists them.
fn group_members(ctx: &Ctx, group_id: &str) -> crate::engine::Result<Vec<String>> {
    let base = tenant_url(&ctx.settings.public_url, &ctx.tenant.id);
    let scope = Scope {
        tenant: &ctx.tenant,
        base: &base,
    };
    let proj = Projection::parse(Some("members"), None)?;
    let g = ctx.engine.scim_get_group(scope, group_id, &proj)?;
    let mut names: Vec<String> = g
        .get("members")
        .and_then(|m| m.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|m| {
                    m.get("display")
                        .or_else(|| m.get("value"))
                        .and_then(|v| v.as_str())
                        .map(str::to_owned)
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    Ok(names)
}

/// Runs effects on the runtime's blocking pool and posts their results.
pub struct Runner {
    ctx: Ctx,
    rt: Option<tokio::runtime::Runtime>,
    tx: Sender<Action>,
}

impl Runner {
    pub fn new(ctx: Ctx, tx: Sender<Action>) -> std::io::Result<Runner> {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .max_blocking_threads(8)
            .thread_name("scimctl-dashboard")
            .enable_all()
            .build()?;
        Ok(Runner {
            ctx,
            rt: Some(rt),
            tx,
        })
    }

    pub fn spawn(&self, effect: Effect) {
        let Some(rt) = &self.rt else { return };
        let (ctx, tx) = (self.ctx.clone(), self.tx.clone());
        rt.spawn_blocking(move || {
            tracing::debug!(?effect, "effect");
            // The loop has gone when this fails; nothing is left to tell.
            let _ = tx.send(execute(&ctx, effect));
        });
    }
}

impl Drop for Runner {
    /// Quitting does not wait for a store read still under way.
    fn drop(&mut self) {
        if let Some(rt) = self.rt.take() {
            rt.shutdown_background();
        }
    }
}
