//! `scimctl directory move`: hand a tenant's IdP-managed users to the
//! tenant the customer moved to (support staff; operators only).

use std::io::IsTerminal;

use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::Ctx;
use crate::api::admin::directory;
use crate::backend::Backend;
use crate::engine::admin::directory::{DEFAULT_BATCH, MoveReport};
use crate::error::CliError;

#[derive(Debug, Subcommand)]
pub enum DirectoryCmd {
    /// Move the IdP-managed users of tenant OLD to tenant NEW, so that NEW's identity provider takes them over
    Move(MoveArgs),
}

#[derive(Debug, Args)]
pub struct MoveArgs {
    /// The tenant the users are linked to now (id or name)
    #[arg(long, value_name = "OLD")]
    pub from: String,
    /// The tenant the customer moved to (id or name)
    #[arg(long, value_name = "NEW")]
    pub to: String,
    /// Only say what would move, what conflicts and what would be done about it
    #[arg(long)]
    pub dry_run: bool,
    /// Members per transaction (the move is resumable: run it again after an interruption)
    #[arg(long, default_value_t = DEFAULT_BATCH, value_name = "N")]
    pub batch: u32,
}

pub fn run(cmd: DirectoryCmd, ctx: &mut Ctx) -> Result<(), CliError> {
    let DirectoryCmd::Move(a) = cmd;
    let backend = ctx.backend()?;
    let report = match backend.as_ref() {
        Backend::Local(l) => {
            let from = l.resolve_tenant(Some(&a.from))?;
            let to = l.resolve_tenant(Some(&a.to))?;
            let bar = (std::io::stderr().is_terminal() && !ctx.out.is_json()).then(|| {
                let b = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
                if let Ok(s) = ProgressStyle::with_template("{bar:40} {pos}/{len} members examined")
                {
                    b.set_style(s);
                }
                b
            });
            let out = l
                .engine
                .directory_move(&from, &to, a.dry_run, a.batch, &mut |n, total| {
                    if let Some(b) = &bar {
                        b.set_length(total);
                        b.set_position(n);
                    }
                });
            if let Some(b) = bar {
                b.finish_and_clear();
            }
            out?
        }
        Backend::Remote(_) => backend.call(directory::Move {
            from: a.from,
            to: a.to,
            dry_run: a.dry_run,
            batch: Some(a.batch),
        })?,
    };
    if ctx.out.is_json() {
        ctx.out.json(&report)?;
        return Ok(());
    }
    render(ctx, &report)
}

fn render(ctx: &Ctx, r: &MoveReport) -> Result<(), CliError> {
    let verb = if r.dry_run { "would move" } else { "moved" };
    ctx.out.line(&format!(
        "{} of {} member(s) of tenant {} {verb} to tenant {}{}",
        r.moved,
        r.examined,
        r.from_tenant,
        r.to_tenant,
        match r.moved_sample.is_empty() {
            true => String::new(),
            false => format!(" (e.g. {})", r.moved_sample.join(", ")),
        }
    ))?;
    for c in &r.conflicts {
        ctx.out.line(&format!(
            "  {} {:?}: {} (e.g. {})",
            c.count,
            c.conflict,
            c.action,
            c.sample.join(", ")
        ))?;
    }
    if r.dry_run {
        ctx.out
            .note("Nothing was changed (--dry-run). Run it again without --dry-run to move.");
    } else if r.moved > 0 {
        ctx.out.note(&format!(
            "Next: the identity provider of {} matches these users by userName on its next cycle; the old tenant's answers 404 for them.",
            r.to_tenant
        ));
    }
    Ok(())
}
