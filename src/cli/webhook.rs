//! `scimctl webhook add|list|remove|enable|test|deliveries|redeliver|deliver`
//!
//! A new endpoint's signing secret is printed exactly once: in table mode
//! as the only line on stdout (everything else on stderr), so
//! `SECRET=$(scimctl webhook add URL)` works; with `--output json` as one
//! object. The store keeps it (the server signs with it); no command shows
//! it again.

use std::time::{Duration, Instant};

use clap::{Args, Subcommand};

use super::Ctx;
use crate::api::admin::webhook;
use crate::backend::Backend;
use crate::engine::webhooks::{DeliveryStatus, DeliveryView, WebhookView};
use crate::error::CliError;
use crate::http::webhooks::{Settings, deliver_once};

#[derive(Debug, Subcommand)]
pub enum WebhookCmd {
    /// Add a signed webhook endpoint for the tenant; prints its signing secret once
    Add(AddArgs),
    /// The tenant's endpoints: URL, event types, state, cursor, failures
    List,
    /// Remove an endpoint and its deliveries
    Remove(IdArgs),
    /// Enable an endpoint again after it was disabled by failures
    Enable(IdArgs),
    /// Send a webhook.test ping through the delivery path and show the result
    Test(TestArgs),
    /// What was sent: the newest deliveries, their status and the receiver's answer
    Deliveries(DeliveriesArgs),
    /// Send a delivery's message again (same webhook-id, same body)
    Redeliver(RedeliverArgs),
    /// One delivery pass on the local store (for a store no 'scimctl serve' runs on)
    Deliver,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// Where to POST: https://…, or http:// to 127.0.0.1, ::1 or localhost
    pub url: String,
    /// Only events of this type (repeatable; e.g. user.created); default: every type
    #[arg(long = "event", value_name = "TYPE")]
    pub events: Vec<String>,
}

#[derive(Debug, Args)]
pub struct IdArgs {
    /// The endpoint's id (see 'scimctl webhook list')
    pub id: String,
}

#[derive(Debug, Args)]
pub struct TestArgs {
    /// The endpoint's id (see 'scimctl webhook list')
    pub id: String,
    /// Queue the ping and return at once, without waiting for its result
    #[arg(long)]
    pub no_wait: bool,
}

#[derive(Debug, Args)]
pub struct DeliveriesArgs {
    /// Only this endpoint's deliveries
    pub id: Option<String>,
    /// Only failed deliveries
    #[arg(long)]
    pub failed: bool,
    /// At most this many, newest first (at most 200)
    #[arg(long, default_value_t = 50)]
    pub limit: u32,
}

#[derive(Debug, Args)]
pub struct RedeliverArgs {
    /// The delivery's id (see 'scimctl webhook deliveries')
    pub delivery_id: String,
}

fn state(w: &WebhookView) -> String {
    match (&w.disabled_reason, w.enabled) {
        (_, true) if w.consecutive_failures > 0 => {
            format!("failing ({} in a row)", w.consecutive_failures)
        }
        (_, true) => "enabled".into(),
        (Some(r), false) => format!("disabled: {r}"),
        (None, false) => "disabled".into(),
    }
}

fn types(w: &WebhookView) -> String {
    if w.types.is_empty() {
        "all".into()
    } else {
        w.types.join(", ")
    }
}

fn outcome(d: &DeliveryView) -> String {
    match (d.last_status, &d.last_error) {
        (_, Some(e)) => e.clone(),
        (Some(s), None) => format!("HTTP {s}"),
        (None, None) => String::new(),
    }
}

fn show_webhook(ctx: &Ctx, w: &WebhookView) -> Result<(), CliError> {
    if ctx.out.is_json() {
        ctx.out.json(w)?;
        return Ok(());
    }
    ctx.out.fields(vec![
        ("id", w.id.clone()),
        ("url", w.url.clone()),
        ("events", types(w)),
        ("state", state(w)),
        ("cursor", w.cursor.to_string()),
    ])?;
    Ok(())
}

fn show_delivery(ctx: &Ctx, d: &DeliveryView) -> Result<(), CliError> {
    if ctx.out.is_json() {
        ctx.out.json(d)?;
        return Ok(());
    }
    let mut rows = vec![
        ("delivery", d.id.clone()),
        ("endpoint", d.endpoint_id.clone()),
        ("type", d.event_type.clone()),
        ("webhook-id", d.message_id.clone()),
        ("status", d.status.as_str().to_owned()),
        ("attempts", d.attempts.to_string()),
    ];
    let o = outcome(d);
    if !o.is_empty() {
        rows.push(("last answer", o));
    }
    if let Some(at) = d.next_attempt_at {
        rows.push(("next attempt", crate::format::when(at)));
    }
    ctx.out.fields(rows)?;
    Ok(())
}

/// Settings for a pass run by this CLI, from the same `[serve]` config.
fn settings(ctx: &Ctx) -> Settings {
    Settings::from_config(&ctx.config.serve, ctx.config.log_retention_days.value)
}

/// One delivery pass on the local engine, on a runtime of its own.
fn pass(
    ctx: &Ctx,
    engine: &crate::engine::Engine,
) -> Result<crate::http::webhooks::Tally, CliError> {
    let s = settings(ctx);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(deliver_once(engine, &s)).map_err(|e| {
        CliError::Usage(format!(
            "webhook delivery failed: {e}; check the store, then retry"
        ))
    })
}

pub fn run(cmd: WebhookCmd, ctx: &mut Ctx) -> Result<(), CliError> {
    if let WebhookCmd::Deliver = cmd {
        if ctx.config.server.value.is_some() {
            return Err(CliError::Usage(
                "'webhook deliver' runs on the local store; a server delivers by itself ('scimctl serve' runs the delivery worker)".into(),
            ));
        }
        let engine = ctx.engine()?.clone();
        let tally = pass(ctx, &engine)?;
        if ctx.out.is_json() {
            ctx.out.json(&tally)?;
        } else {
            ctx.out.note(&format!(
                "Delivered {} message(s); {} attempt(s) failed (retried by a later pass or a server).",
                tally.succeeded, tally.failed_attempts
            ));
        }
        return Ok(());
    }
    let t = ctx.tenant()?;
    let backend = ctx.backend()?;
    let tenant = t.id.clone();
    match cmd {
        WebhookCmd::Add(a) => {
            let added = backend.call(webhook::Add {
                tenant,
                url: a.url,
                types: a.events,
            })?;
            if ctx.out.is_json() {
                ctx.out.json(&added)?;
            } else {
                ctx.out.line(added.secret.expose())?;
                ctx.out.note(&format!(
                    "Added webhook endpoint {} for tenant \"{}\" ({}; events: {}). That is its signing secret: copy it now, it will not be shown again.",
                    added.webhook.id,
                    t.name,
                    added.webhook.url,
                    types(&added.webhook)
                ));
            }
        }
        WebhookCmd::List => {
            let list = backend.call(webhook::List { tenant })?;
            if ctx.out.is_json() {
                ctx.out.json(&list)?;
            } else if list.is_empty() {
                ctx.out.note(&format!(
                    "Tenant \"{}\" has no webhook endpoints; add one with 'scimctl webhook add URL'.",
                    t.name
                ));
            } else {
                let rows = list
                    .iter()
                    .map(|w| {
                        vec![
                            w.id.clone(),
                            w.url.clone(),
                            types(w),
                            state(w),
                            w.cursor.to_string(),
                        ]
                    })
                    .collect();
                ctx.out
                    .table(&["ID", "URL", "EVENTS", "STATE", "CURSOR"], rows)?;
            }
        }
        WebhookCmd::Remove(a) => {
            let w = backend.call(webhook::Remove { tenant, id: a.id })?;
            if ctx.out.is_json() {
                ctx.out.json(&w)?;
            } else {
                ctx.out
                    .note(&format!("Removed webhook endpoint {} ({}).", w.id, w.url));
            }
        }
        WebhookCmd::Enable(a) => {
            let w = backend.call(webhook::Enable { tenant, id: a.id })?;
            show_webhook(ctx, &w)?;
            if !ctx.out.is_json() {
                ctx.out.note(&format!(
                    "Enabled; deliveries resume after event {}.",
                    w.cursor
                ));
            }
        }
        WebhookCmd::Test(a) => {
            let queued = backend.call(webhook::Test {
                tenant: tenant.clone(),
                id: a.id,
            })?;
            let d = if a.no_wait {
                queued
            } else {
                wait(ctx, &backend, &tenant, queued)?
            };
            show_delivery(ctx, &d)?;
            match d.status {
                DeliveryStatus::Failed => {
                    return Err(CliError::CheckFailed {
                        what: format!("the test ping failed: {}", outcome(&d)),
                        hint: Some(
                            "check the receiver (its URL, that it answers 2xx within the timeout, no redirect), then 'scimctl webhook test ID' again".into(),
                        ),
                    });
                }
                DeliveryStatus::Pending if !a.no_wait => {
                    return Err(CliError::CheckFailed {
                        what: "the test ping was not delivered in time".into(),
                        hint: Some(
                            "is a 'scimctl serve' delivering from this store? see 'scimctl webhook deliveries'".into(),
                        ),
                    });
                }
                _ => {}
            }
        }
        WebhookCmd::Deliveries(a) => {
            let list = backend.call(webhook::Deliveries {
                tenant,
                endpoint: a.id,
                failed: a.failed,
                limit: Some(a.limit),
            })?;
            if ctx.out.is_json() {
                ctx.out.json(&list)?;
            } else if list.is_empty() {
                ctx.out.note("No deliveries.");
            } else {
                let rows = list
                    .iter()
                    .map(|d| {
                        vec![
                            d.id.clone(),
                            d.endpoint_id.clone(),
                            d.event_type.clone(),
                            d.status.as_str().to_owned(),
                            d.attempts.to_string(),
                            outcome(d),
                            crate::format::when(d.created_at),
                        ]
                    })
                    .collect();
                ctx.out.table(
                    &[
                        "DELIVERY",
                        "ENDPOINT",
                        "TYPE",
                        "STATUS",
                        "ATTEMPTS",
                        "LAST ANSWER",
                        "CREATED",
                    ],
                    rows,
                )?;
            }
        }
        WebhookCmd::Redeliver(a) => {
            let d = backend.call(webhook::Redeliver {
                tenant,
                delivery: a.delivery_id,
            })?;
            show_delivery(ctx, &d)?;
            if !ctx.out.is_json() {
                ctx.out
                    .note("Queued: the delivery worker sends it with the next pass.");
            }
        }
        WebhookCmd::Deliver => {}
    }
    Ok(())
}

/// Waits for a queued delivery to be sent: on a local store, by a pass
/// of this CLI (unless a server holds the endpoint); then by polling.
fn wait(
    ctx: &Ctx,
    backend: &Backend,
    tenant: &str,
    queued: DeliveryView,
) -> Result<DeliveryView, CliError> {
    if let Backend::Local(l) = backend {
        pass(ctx, &l.engine)?;
    }
    let deadline = Instant::now() + settings(ctx).timeout + Duration::from_secs(10);
    let mut d = queued;
    loop {
        d = backend.call(webhook::DeliveryShow {
            tenant: tenant.to_owned(),
            delivery: d.id.clone(),
        })?;
        if d.status != DeliveryStatus::Pending || Instant::now() >= deadline {
            return Ok(d);
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}
