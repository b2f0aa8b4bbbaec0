//! Runs the model's effects against the engine, off the draw loop: every
//! effect is a blocking task on the runtime's pool, and its result comes back
//! to the loop as an `Action` on a channel.

use std::sync::mpsc::Sender;
use std::time::Duration;

use std::sync::Arc;

use crate::api::admin::{diagnose, groups, log, scim, tenant, token, users};
use crate::backend::{Backend, BackendError, RemoteError};
use crate::engine::model::Tenant;
use crate::error::CliError;

use super::app::{Action, Effect, Failure, Overview, Settings};
use crate::probe;

/// What an effect needs besides its own fields.
#[derive(Clone)]
pub struct Ctx {
    pub backend: Arc<Backend>,
    pub tenant: Tenant,
    pub settings: Settings,
}

/// An error as the dashboard keeps it: its kind, its exit code and the
/// CLI's one line, hint included.
fn msg(e: BackendError) -> Failure {
    let kind = match &e {
        BackendError::Engine(e) => Some(e.kind()),
        BackendError::Remote(RemoteError::Api { kind, .. }) => Some(*kind),
        BackendError::Remote(_) => None,
    };
    let e = CliError::from(e);
    Failure {
        kind,
        exit_code: e.exit_code(),
        line: e.render(),
    }
}

/// Runs one effect to completion on this thread, handing each result to
/// `emit` (test-connection emits a result per step, then its report).
pub fn execute(ctx: &Ctx, effect: Effect, emit: &mut dyn FnMut(Action)) {
    let (e, tenant) = (&ctx.backend, || ctx.tenant.id.clone());
    let a = match effect {
        Effect::LoadOverview => Action::OverviewLoaded(overview(ctx).map(Box::new).map_err(msg)),
        Effect::LoadGroups => {
            Action::GroupsLoaded(e.call(groups::List { tenant: tenant() }).map_err(msg))
        }
        Effect::LoadGroupMembers { group_id } => {
            let members = group_members(ctx, &group_id).map_err(msg);
            Action::GroupMembersLoaded { group_id, members }
        }
        Effect::LoadLog { query, generation } => Action::LogLoaded {
            generation,
            records: match log::Of::new(&query, false) {
                log::Of::Tenant(c) => e.call(c),
                log::Of::All(c) => e.call(c),
            }
            .map_err(msg),
        },
        Effect::LoadMembers { query, generation } => Action::MembersLoaded {
            generation,
            page: e
                .call(users::List::new(&ctx.tenant.id, &query))
                .map_err(msg),
        },
        Effect::DiagnoseUser { email } => Action::UserDiagnosed {
            diagnosis: e
                .call(diagnose::User {
                    tenant: tenant(),
                    email: email.clone(),
                })
                .map(Box::new)
                .map_err(msg),
            email,
        },
        Effect::DiagnoseRequest { request_id } => Action::RequestDiagnosed {
            diagnosis: e
                .call(diagnose::Request {
                    tenant: tenant(),
                    request: request_id.clone(),
                })
                .map(Box::new)
                .map_err(msg),
            request_id,
        },
        Effect::SetScim { enabled } => Action::ScimSwitched(
            match enabled {
                true => e.call(scim::Enable { tenant: tenant() }),
                false => e.call(scim::Disable { tenant: tenant() }),
            }
            .map_err(msg),
        ),
        Effect::IssueToken { regenerate } => {
            let r = match regenerate {
                true => e.call(token::Regenerate::new(&ctx.tenant.id, None)),
                false => e.call(token::Generate { tenant: tenant() }),
            };
            Action::TokenIssued(r.map(Box::new).map_err(msg))
        }
        Effect::TestConnection { token } => {
            let opts = probe::Options {
                url: ctx.settings.tenant_url.clone(),
                token,
                timeout: PROBE_TIMEOUT,
                extra_roots: Vec::new(),
                full: false,
            };
            let mut on_step = |s: &probe::Step| emit(Action::ProbeStep(s.clone()));
            let report = block_on(probe::run(&opts, &mut on_step)).unwrap_or_else(|e| {
                probe::Report {
                    url: opts.url.clone(),
                    probe: String::new(),
                    full: false,
                    passed: false,
                    steps: vec![probe::Step {
                        id: "url",
                        name: "Start",
                        status: probe::Status::Fail,
                        ms: 0.0,
                        detail: format!("could not start the probe: {e}"),
                        hint: Some("this machine is out of threads or file descriptors; close something and retry".into()),
                    }],
                }
            });
            Action::ProbeDone(Box::new(report))
        }
    };
    emit(a);
}

/// Each step of the dashboard's test-connection waits at most this long.
const PROBE_TIMEOUT: Duration = Duration::from_secs(10);

/// Runs a future to its end from a blocking thread: on the dashboard's
/// runtime when there is one, else on a runtime of its own (tests).
fn block_on<F: std::future::Future>(f: F) -> std::io::Result<F::Output> {
    match tokio::runtime::Handle::try_current() {
        Ok(h) => Ok(h.block_on(f)),
        Err(_) => Ok(tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?
            .block_on(f)),
    }
}

fn overview(ctx: &Ctx) -> crate::backend::Result<Overview> {
    let (e, t) = (&ctx.backend, &ctx.tenant.id);
    Ok(Overview {
        detail: e.call(tenant::Show { tenant: t.clone() })?,
        diagnosis: e.call(diagnose::Tenant { tenant: t.clone() })?,
    })
}

/// A group's members by email.
fn group_members(ctx: &Ctx, group_id: &str) -> crate::backend::Result<Vec<String>> {
    let d = ctx.backend.call(groups::Show {
        tenant: ctx.tenant.id.clone(),
        group: group_id.to_owned(),
        limit: Some(0),
    })?;
    let mut names: Vec<String> = d.members.into_iter().map(|m| m.email).collect();
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
            // The loop has gone when a send fails; nothing is left to tell.
            execute(&ctx, effect, &mut |a| {
                let _ = tx.send(a);
            });
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
