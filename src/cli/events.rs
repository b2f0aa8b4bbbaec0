//! `scimctl events`: the tenant's (or every tenant's) provisioning events,
//! oldest first; `--after` continues from a cursor and `--follow` streams
//! new ones while `scimctl serve` (or any other writer) changes the store.

use std::ops::ControlFlow;

use clap::Args;

use super::Ctx;
use crate::api::admin::events;
use crate::engine::events::{Actor, Event, EventQuery, EventType};
use crate::error::CliError;
use crate::format::{printable, when};

#[derive(Debug, Args)]
pub struct EventsArgs {
    /// Only events of this type (repeatable), e.g. user.created, group.member_added
    #[arg(long = "type", value_name = "TYPE", value_parser = parse_type)]
    pub types: Vec<EventType>,
    /// Only events after this cursor (an event's seq; 0 for the oldest kept)
    #[arg(long, value_name = "CURSOR")]
    pub after: Option<i64>,
    /// How many events to show: the newest, or with --after the oldest after it
    #[arg(long, default_value_t = 50)]
    pub limit: u32,
    /// Keep printing new events as they are written (Ctrl-C to stop)
    #[arg(long, short = 'f')]
    pub follow: bool,
}

fn parse_type(s: &str) -> Result<EventType, String> {
    EventType::parse(s.trim())
}

/// What an event is about, in a few words: its user, group, invitation or
/// token.
fn subject(e: &Event) -> String {
    let d = &e.data;
    let s = |v: &serde_json::Value| v.as_str().map(str::to_owned);
    let mut parts = Vec::new();
    if let Some(g) = d.get("group") {
        parts.push(format!(
            "group={}",
            s(&g["displayName"])
                .or_else(|| s(&g["id"]))
                .unwrap_or_default()
        ));
    }
    if let Some(u) = d.get("user") {
        parts.push(format!(
            "user={}",
            s(&u["userName"])
                .or_else(|| s(&u["id"]))
                .unwrap_or_default()
        ));
    }
    if let Some(i) = d.get("invitation") {
        parts.push(format!("email={}", s(&i["email"]).unwrap_or_default()));
    }
    if let Some(t) = d.get("token") {
        parts.push(format!(
            "token={}",
            s(&t["fingerprint"]).unwrap_or_default()
        ));
    }
    if let Some(a) = d.get("assignment") {
        parts.push(format!(
            "{}={}",
            s(&a["kind"]).unwrap_or_default(),
            s(&a["value"]).unwrap_or_default()
        ));
    }
    if let Some(c) = d.get("changed").and_then(|c| c.as_array()) {
        let names: Vec<String> = c.iter().filter_map(s).collect();
        parts.push(format!("changed={}", names.join(",")));
    }
    if let (Some(from), Some(to)) = (s(&d["from"]), s(&d["to"])) {
        parts.push(format!("{from}→{to}"));
    }
    if let Some(err) = s(&d["error"]) {
        parts.push(format!("error={err}"));
    }
    parts.join("  ")
}

/// One event as one line, for people. Its values came from an identity
/// provider: control characters are escaped (`printable`).
pub(super) fn line(e: &Event) -> String {
    let by = match &e.actor {
        Actor::Idp { request_id } => format!("idp {request_id}"),
        Actor::Admin { name } => name.clone(),
    };
    let out = format!(
        "{}  #{:<6} {:<22} {}  (by {by})",
        when(e.at),
        e.seq,
        e.kind.as_str(),
        subject(e)
    );
    printable(&out).into_owned()
}

fn print(ctx: &Ctx, items: &[Event]) -> Result<(), CliError> {
    for e in items {
        if ctx.out.is_json() {
            // JSON lines: one event per line, so `--follow` can be piped.
            ctx.out
                .line(&serde_json::to_string(e).map_err(std::io::Error::other)?)?;
        } else {
            ctx.out.line(&line(e))?;
        }
    }
    Ok(())
}

pub fn run(a: EventsArgs, ctx: &mut Ctx) -> Result<(), CliError> {
    let backend = ctx.backend()?;
    // A named tenant narrows the events; without one, every tenant's.
    let tenant_id = match ctx.config.tenant.value.is_some() {
        true => Some(ctx.tenant()?.id),
        false => None,
    };
    let q = EventQuery {
        tenant_id,
        types: a.types,
        after: a.after,
        limit: a.limit,
    };
    if a.follow {
        let mut failed = None;
        let mut each = |items: Vec<Event>| match print(ctx, &items) {
            Ok(()) => ControlFlow::Continue(()),
            Err(e) => {
                failed = Some(e);
                ControlFlow::Break(())
            }
        };
        match events::Of::new(&q, true) {
            events::Of::Tenant(c) => backend.follow(&c, &mut each)?,
            events::Of::All(c) => backend.follow(&c, &mut each)?,
        }
        return failed.map_or(Ok(()), Err);
    }
    let items = match events::Of::new(&q, false) {
        events::Of::Tenant(c) => backend.call(c)?,
        events::Of::All(c) => backend.call(c)?,
    };
    if items.is_empty() && !ctx.out.is_json() {
        ctx.out.note("No matching provisioning events.");
    }
    if let Some(last) = items.last().filter(|_| !ctx.out.is_json()) {
        print(ctx, &items)?;
        ctx.out.note(&format!(
            "Continue after the last with --after {} (or --follow).",
            last.seq
        ));
        return Ok(());
    }
    print(ctx, &items)
}
