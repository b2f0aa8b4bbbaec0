//! `scimctl serve`: the SCIM 2.0 endpoint that identity providers provision
//! into, at `{public_url}/scim/v2/{tenant_id}`.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Args;

use super::Ctx;
use crate::config::{Source, check_public_url};
use crate::error::CliError;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on
    #[arg(
        long,
        env = "SCIMCTL_LISTEN",
        hide_env_values = true,
        default_value = "127.0.0.1:8080"
    )]
    pub listen: SocketAddr,
    /// Base of the tenant URLs given to identity providers (default: the
    /// configured public_url, or http://<listen address>)
    #[arg(long, value_name = "URL")]
    pub public_url: Option<String>,
    /// Serve HTTPS with this certificate chain (PEM, leaf first)
    #[arg(long, value_name = "FILE", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// The certificate's private key (PEM; keep it mode 0600)
    #[arg(long, value_name = "FILE", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
    /// Serve plain HTTP on a non-loopback address (tokens then cross the
    /// network in clear: only behind a TLS-terminating proxy)
    #[arg(long, conflicts_with = "tls_cert")]
    pub allow_insecure_http: bool,
    /// Sign-up email delivery (also [mail] in the config file)
    #[command(flatten)]
    pub mail: super::invitations::MailArgs,
    /// Do not record the provisioning log (benchmark comparisons only)
    #[arg(long, hide = true)]
    pub no_provisioning_log: bool,
}

pub fn run(a: ServeArgs, ctx: &mut Ctx) -> Result<(), CliError> {
    let tls = match (&a.tls_cert, &a.tls_key) {
        (Some(cert), Some(key)) => {
            let (config, loose) = crate::http::tls::server_config(cert, key).map_err(|e| {
                CliError::Usage(format!(
                    "{e}; give a PEM certificate chain with --tls-cert and its PEM private key with --tls-key"
                ))
            })?;
            if loose {
                ctx.out.warn(&format!(
                    "the TLS private key {} is readable by other users; chmod 600 it",
                    key.display()
                ));
            }
            Some(config)
        }
        _ => None,
    };
    if tls.is_none() && !a.listen.ip().is_loopback() && !a.allow_insecure_http {
        return Err(CliError::Usage(format!(
            "refusing to serve plain HTTP on {}: bearer tokens would cross the network unencrypted; give --tls-cert and --tls-key, listen on 127.0.0.1 behind a TLS proxy, or add --allow-insecure-http if a proxy terminates TLS",
            a.listen
        )));
    }
    no_core_dumps();
    let mailer = super::invitations::mailer(&ctx.config, &a.mail)?;
    let engine = ctx.engine()?.clone();
    let limits = crate::http::limits::Limits::from_config(&ctx.config.serve);
    let hooks = crate::http::webhooks::Settings::from_config(
        &ctx.config.serve,
        ctx.config.log_retention_days.value,
    );
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("scimctl-serve")
        // Store work but writes (the write lane) runs on the blocking pool;
        // requests beyond `max_store_jobs` are refused before they reach
        // it, so it needs only headroom for the server's own tasks (log
        // follow, flushes).
        .max_blocking_threads(limits.max_store_jobs + 16)
        .build()?;
    let configured = match (&a.public_url, &ctx.config.public_url.source) {
        (Some(u), _) => Some(check_public_url(u).map_err(CliError::Usage)?),
        (None, Source::Default) => None,
        (None, _) => Some(ctx.config.public_url.value.clone()),
    };
    let out = ctx.out.clone();
    let retention = crate::http::Retention {
        days: ctx.config.log_retention_days.value,
        max_records: ctx.config.log_max_records.value,
        enabled: !a.no_provisioning_log,
        event_days: ctx.config.event_retention_days.value,
    };
    let store = ctx.config.store.value.shown();
    let token_max_age_days = ctx.config.token_max_age_days.value;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(a.listen).await.map_err(|e| {
            CliError::Usage(format!(
                "cannot listen on {}: {e}; choose another address with --listen or SCIMCTL_LISTEN",
                a.listen
            ))
        })?;
        let bound = listener.local_addr()?;
        let scheme = if tls.is_some() { "https" } else { "http" };
        let public_url = configured.unwrap_or_else(|| format!("{scheme}://{bound}"));
        let listener = match tls {
            Some(config) => crate::http::Bound::Tls(listener, config),
            None => crate::http::Bound::Plain(listener),
        };
        if scheme == "https" {
            out.note("TLS: on (rustls)");
        }
        match &mailer {
            Some(m) => out.note(&format!(
                "sign-up email: via {}",
                m.settings().target.shown()
            )),
            None => out.note(
                "sign-up email: off (no smtp_url); invitations wait in the outbox",
            ),
        }
        // Before the line below: a signal right after it must find the
        // handlers installed.
        let signal = crate::http::shutdown_signal();
        // The one line scripts and tests wait for.
        eprintln!("listening on {bound}");
        out.note(&format!(
            "scimctl serve: store {store}; tenant URLs are {public_url}/scim/v2/<tenant id>. Ctrl-C to stop."
        ));
        let settings = crate::http::ServeSettings {
            public_url,
            retention,
            token_max_age_days,
            limits,
            mailer,
            hooks,
        };
        crate::http::serve(engine, listener, settings, signal)
        .await?;
        out.note("scimctl serve: stopped.");
        Ok(())
    })
}

/// A server's memory holds tokens and keys in clear for an instant: no
/// core dump may write them to disk, and no other process of the same
/// user may ptrace it.
fn no_core_dumps() {
    #[cfg(target_os = "linux")]
    {
        use rustix::process::{
            DumpableBehavior, Resource, Rlimit, set_dumpable_behavior, setrlimit,
        };
        if let Err(e) = set_dumpable_behavior(DumpableBehavior::NotDumpable) {
            tracing::warn!(error = %e, "could not mark the process non-dumpable");
        }
        let zero = Rlimit {
            current: Some(0),
            maximum: Some(0),
        };
        if let Err(e) = setrlimit(Resource::Core, zero) {
            tracing::warn!(error = %e, "could not turn core dumps off");
        }
    }
}
