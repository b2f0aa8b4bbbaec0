//! `scimctl test-connection`: Entra's Test Connection, step by step, against
//! the tenant URL or any SCIM URL; `--full` adds the validator-style suite.
//! Parses and renders only: the probe itself is `crate::probe`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::Ctx;
use super::args::TokenInputOrKeyring;
use crate::credentials::{Account, Keyring, SecretStore};
use crate::engine::tokens::Secret;
use crate::error::CliError;
use crate::probe::{self, Report, Status, Step};

#[derive(Debug, Args)]
pub struct TestConnectionArgs {
    /// SCIM base URL to test [default: the tenant URL, as 'scimctl url' prints it]
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    #[command(flatten)]
    pub token: TokenInputOrKeyring,
    /// Seconds to wait for each step (DNS, connect, TLS handshake, each HTTP answer)
    #[arg(
        long,
        value_name = "S",
        default_value_t = 10,
        value_parser = clap::value_parser!(u64).range(1..=300)
    )]
    pub timeout: u64,
    /// Also trust the certificates in this PEM file (a private CA, or the
    /// server's self-signed certificate)
    #[arg(long, value_name = "PATH")]
    pub ca_file: Option<PathBuf>,
    /// Then run a validator-style suite: discovery documents, and a throwaway
    /// user and group created, filtered, patched, disabled and deleted
    #[arg(long)]
    pub full: bool,
}

pub fn run(a: TestConnectionArgs, ctx: &mut Ctx) -> Result<(), CliError> {
    if a.token.token_stdin {
        ctx.stdin_free("--token-stdin")?;
    }
    let url = match a.url {
        Some(u) => u,
        None => {
            let t = ctx.tenant()?;
            ctx.backend()?
                .call(crate::api::admin::url::Url { tenant: t.id })?
                .tenant_url
        }
    };
    let explicit = match a.token.given() {
        Some(input) => Some(input.read()?),
        None => None,
    };
    let token = match explicit {
        Some(t) => t,
        None => saved_token(&url)?,
    };
    let extra_roots = match &a.ca_file {
        Some(p) => probe::tls::load_ca_file(p).map_err(|e| CliError::Usage(e.to_string()))?,
        None => Vec::new(),
    };
    let opts = probe::Options {
        url,
        token,
        timeout: Duration::from_secs(a.timeout),
        extra_roots,
        full: a.full,
    };
    let bar = (a.full && !ctx.out.is_json() && !ctx.out.quiet && std::io::stderr().is_terminal())
        .then(|| progress(probe::planned_steps(a.full)));
    let mut on_step = |s: &Step| {
        if let Some(b) = &bar {
            b.inc(1);
            b.set_message(s.name);
        }
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let report = runtime.block_on(probe::run(&opts, &mut on_step));
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    render(&report, ctx)?;
    verdict(&report, ctx)
}

/// The token `token generate|regenerate --save-to-keyring` stored for this
/// URL; without one, the usage error names every way to give it.
fn saved_token(url: &str) -> Result<Secret, CliError> {
    let why = match Keyring::open().and_then(|k| k.get(&Account::ScimToken(url.to_owned()))) {
        Ok(Some(t)) => return Ok(t),
        Ok(None) => "the OS keyring has none for it".to_owned(),
        Err(e) => format!("the OS keyring cannot be read: {e}"),
    };
    Err(CliError::Usage(format!(
        "no token for {url} ({why}): pass it with --token-stdin or --token-env VAR, or store it with 'scimctl token generate|regenerate --save-to-keyring'"
    )))
}

fn progress(len: usize) -> ProgressBar {
    let b = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{spinner} [{pos}/{len}] {wide_msg}") {
        b.set_style(style);
    }
    b.enable_steady_tick(Duration::from_millis(100));
    b
}

fn render(r: &Report, ctx: &Ctx) -> Result<(), CliError> {
    if ctx.out.is_json() {
        ctx.out.json(r)?;
        return Ok(());
    }
    let rows = r
        .steps
        .iter()
        .map(|s| {
            let mut detail = s.detail.clone();
            if let Some(h) = &s.hint {
                detail.push_str("\nfix: ");
                detail.push_str(h);
            }
            vec![
                s.name.to_owned(),
                s.status.as_str().to_owned(),
                if s.status == Status::Skip {
                    String::new()
                } else {
                    format!("{:.1} ms", s.ms)
                },
                detail,
            ]
        })
        .collect();
    ctx.out.table(&["STEP", "RESULT", "TIME", "DETAIL"], rows)?;
    Ok(())
}

fn verdict(r: &Report, ctx: &Ctx) -> Result<(), CliError> {
    let failed: Vec<&Step> = r.failures().collect();
    let Some(first) = failed.first() else {
        if !ctx.out.is_json() {
            ctx.out.note(&format!(
                "All {} steps passed against {}.",
                r.steps.len(),
                r.url
            ));
        }
        return Ok(());
    };
    let detail = one_line(&first.detail);
    let what = if failed.len() == 1 {
        format!("test-connection failed at '{}': {detail}", first.name)
    } else {
        format!(
            "test-connection: {} steps failed, the first '{}': {detail}",
            failed.len(),
            first.name
        )
    };
    Err(CliError::CheckFailed {
        what,
        hint: first.hint.as_deref().map(one_line),
    })
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
