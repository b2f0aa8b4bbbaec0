//! The command tree (`../shared/docs/cli.md`). Each subcommand lives in its
//! own file that owns its arguments and its `run`; commands call the engine
//! and hand typed results to the `Printer`. No business rule lives here.

mod admin_key;
mod args;
mod config_cmd;
mod dashboard;
mod diagnose;
mod directory;
mod events;
mod generate;
mod groups;
mod invitations;
mod log;
mod login;
mod mapping;
mod profiles;
mod properties;
mod scim;
mod serve;
mod tenant;
mod test_connection;
mod token;
mod url;
mod users;
mod webhook;

use std::path::PathBuf;

use clap::parser::ValueSource;
use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser, Subcommand};

use std::sync::Arc;

use crate::backend::{Backend, Local, Remote};
use crate::config::{Config, Given, Overrides, Source};
use crate::credentials::{
    ADMIN_KEY_ENV, CredentialError, KeyRequest, Keyring, SecretStore, resolve_admin_key,
};
use crate::engine::Engine;
use crate::engine::model::Tenant;
use crate::error::CliError;
use crate::output::{OutputFormat, Printer};

pub use args::GlobalArgs;

/// Admin CLI, terminal dashboard and embedded SCIM 2.0 engine for
/// multi-tenant user provisioning (Microsoft Entra ID, Okta, any IdP).
#[derive(Debug, Parser)]
#[command(
    name = "scimctl",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create, list, show and delete tenants (customer subscriptions)
    #[command(subcommand)]
    Tenant(tenant::TenantCmd),
    /// Turn SCIM provisioning on or off for a tenant and show its status
    #[command(subcommand)]
    Scim(scim::ScimCmd),
    /// Print the tenant URL to paste into the identity provider
    Url(url::UrlArgs),
    /// Generate, regenerate, revoke and inspect the tenant's SCIM secret token
    #[command(subcommand)]
    Token(token::TokenCmd),
    /// Add, list and show the tenant's members
    #[command(subcommand)]
    Users(users::UsersCmd),
    /// Create groups and assign properties, roles and permissions to them
    #[command(subcommand)]
    Groups(groups::GroupsCmd),
    /// The tenant's sign-up emails: list, resend, deliver, redeem a link
    #[command(subcommand)]
    Invitations(invitations::InvitationsCmd),
    /// Add and list the tenant's properties (sites)
    #[command(subcommand)]
    Properties(properties::PropertiesCmd),
    /// The attributes the product takes from an identity provider; check Entra's mapping
    #[command(subcommand)]
    Mapping(mapping::MappingCmd),
    /// Test the connection as Entra's Test Connection does, step by step
    TestConnection(test_connection::TestConnectionArgs),
    /// The provisioning log: every SCIM request, filterable and followable
    Log(log::LogArgs),
    /// Provisioning events: every change to users, groups, tokens and SCIM, with a cursor
    Events(events::EventsArgs),
    /// Explain a user, a logged request or the tenant: a verdict and the fix
    #[command(subcommand)]
    Diagnose(diagnose::DiagnoseCmd),
    /// Support operations over tenants: move a directory to a new subscription
    #[command(subcommand)]
    Directory(directory::DirectoryCmd),
    /// Serve the SCIM 2.0 endpoint that identity providers provision into
    Serve(serve::ServeArgs),
    /// The full-screen dashboard: status, token, members, groups, live log, actions
    Dashboard(dashboard::DashboardArgs),
    /// Create, list and revoke the admin API's keys (on the server host)
    #[command(subcommand)]
    AdminKey(admin_key::AdminKeyCmd),
    /// Check an admin key against a remote server and keep it in the OS keyring
    Login(login::LoginArgs),
    /// Remove the profile's admin key from the OS keyring
    Logout(login::LogoutArgs),
    /// The remote servers of the config file (see 'scimctl login')
    #[command(subcommand)]
    Profiles(profiles::ProfilesCmd),
    /// Signed webhooks: endpoints that get the tenant's provisioning events
    #[command(subcommand)]
    Webhook(webhook::WebhookCmd),
    /// Show the effective configuration and where each value comes from
    #[command(subcommand)]
    Config(config_cmd::ConfigCmd),
    /// Write shell completions or man pages (for packagers)
    #[command(subcommand, hide = true)]
    Generate(generate::GenerateCmd),
}

/// What every command gets: the effective config, the printer, and the
/// backend (opened on first use, so `config show` works without a store or
/// a server).
pub struct Ctx {
    pub config: Config,
    pub out: Printer,
    /// `--admin-key-stdin` was given.
    pub admin_key_stdin: bool,
    engine: Option<Engine>,
    backend: Option<Arc<Backend>>,
}

impl Ctx {
    /// The local store's engine: the backend's when it is local, and what
    /// the server-host commands (`serve`, `admin-key`) always use.
    pub fn engine(&mut self) -> Result<&Engine, CliError> {
        if self.engine.is_none() {
            tracing::debug!(store = %self.config.store.value.shown(), "opening store");
            let actor = format!(
                "cli:{}",
                std::env::var("USER").unwrap_or_else(|_| "unknown".into())
            );
            self.engine = Some(Engine::open(&self.config.store.value, &actor)?);
        }
        self.engine
            .as_ref()
            .ok_or_else(|| CliError::Usage("the store is not open".into()))
    }

    /// Where state is read and changed: the remote server when one is
    /// configured (`--server`, `SCIMCTL_SERVER`, a profile), else the store.
    pub fn backend(&mut self) -> Result<Arc<Backend>, CliError> {
        if let Some(b) = &self.backend {
            return Ok(b.clone());
        }
        let b = Arc::new(match self.config.server.value.clone() {
            Some(server) => Backend::Remote(self.remote(&server)?),
            None => {
                if matches!(self.config.profile.source, Source::Flag(_) | Source::Env(_)) {
                    let name = &self.config.profile.value;
                    return Err(CliError::Usage(format!(
                        "profile \"{name}\" is not in the config file {}; create it with 'scimctl login --profile {name} --server URL'",
                        self.config.config_file.value.display()
                    )));
                }
                Backend::Local(Local {
                    engine: self.engine()?.clone(),
                    public_url: self.config.public_url.value.clone(),
                    max_age_days: self.config.token_max_age_days.value,
                    mail_configured: self.config.mail.smtp_url.value.is_some(),
                })
            }
        });
        if let Some(note) = &self.config.backend.note {
            tracing::info!("{note}");
        }
        tracing::debug!(backend = %b.location(), "backend");
        self.backend = Some(b.clone());
        Ok(b)
    }

    /// The admin API client, with the key from `SCIMCTL_ADMIN_KEY`,
    /// `--admin-key-stdin` or the OS keyring, in that order.
    fn remote(&self, server: &str) -> Result<Remote, CliError> {
        let c = &self.config;
        // Which of a store and a server wins is settled in `Config::load`.
        if let Some(conflict) = &c.backend.conflict {
            return Err(CliError::Usage(conflict.clone()));
        }
        // Refused before any key is read.
        crate::credentials::server::check_transport(server).map_err(CliError::Usage)?;
        let profile = c.profile.value.as_str();
        let from_env_or_stdin = std::env::var_os(ADMIN_KEY_ENV).is_some() || self.admin_key_stdin;
        let keyring = if from_env_or_stdin {
            None
        } else {
            Some(Keyring::open()?)
        };
        let key = resolve_admin_key(&KeyRequest {
            profile,
            stdin: self.admin_key_stdin,
            store: keyring.as_ref().map(|k| k as &dyn SecretStore),
        })?
        .ok_or_else(|| CredentialError::NoAdminKey {
            profile: profile.to_owned(),
        })?;
        let ca_file = c
            .profiles
            .get(profile)
            .filter(|p| p.server == server)
            .and_then(|p| p.ca_file.clone());
        Ok(Remote::connect(server, ca_file.as_deref(), key.key)?)
    }

    /// The tenant named on the command line, in `SCIMCTL_TENANT`, the
    /// profile or the config file; without any, the only tenant there is.
    pub fn tenant(&mut self) -> Result<Tenant, CliError> {
        let key = self.config.tenant.value.clone();
        Ok(self.backend()?.resolve_tenant(key.as_deref())?)
    }

    /// Refuses a second reader of standard input next to `--admin-key-stdin`.
    pub fn stdin_free(&self, flag: &str) -> Result<(), CliError> {
        if self.admin_key_stdin && self.config.server.value.is_some() {
            return Err(CliError::Usage(format!(
                "--admin-key-stdin and {flag} both read standard input; pass the admin key in SCIMCTL_ADMIN_KEY instead"
            )));
        }
        Ok(())
    }
}

/// Where a value of the global argument `id` came from, walking down the
/// subcommands (clap records a global given after the subcommand there).
fn given<T: Clone + Send + Sync + 'static>(
    m: &ArgMatches,
    id: &str,
    flag: &str,
    env: &str,
) -> Given<T> {
    let mut found = Given::none();
    let mut cur = Some(m);
    while let Some(level) = cur {
        if let Ok(Some(v)) = level.try_get_one::<T>(id) {
            let source = match level.value_source(id) {
                Some(ValueSource::CommandLine) => Some(Source::Flag(flag.into())),
                Some(ValueSource::EnvVariable) => Some(Source::Env(env.into())),
                _ => None,
            };
            if source.is_some() {
                found = Given {
                    value: Some(v.clone()),
                    source,
                };
            }
        }
        cur = level.subcommand().map(|(_, sub)| sub);
    }
    found
}

/// Parses the command line; on a usage error clap prints and exits 2.
pub fn parse() -> (Cli, Overrides) {
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let overrides = Overrides {
        config: given::<PathBuf>(&matches, "config", "--config", "SCIMCTL_CONFIG"),
        store: given::<PathBuf>(&matches, "store", "--store", "SCIMCTL_STORE"),
        tenant: given::<String>(&matches, "tenant", "--tenant", "SCIMCTL_TENANT"),
        output: given::<OutputFormat>(&matches, "output", "--output", "SCIMCTL_OUTPUT"),
        profile: given::<String>(&matches, "profile", "--profile", "SCIMCTL_PROFILE"),
        server: given::<String>(&matches, "server", "--server", "SCIMCTL_SERVER"),
    };
    (cli, overrides)
}

pub fn run(cli: Cli, overrides: Overrides) -> Result<(), CliError> {
    // Generators need neither config nor store.
    if let Command::Generate(g) = &cli.command {
        return generate::run(g);
    }
    let config = Config::load(overrides)?;
    let out = Printer::new(config.output.value, cli.global.quiet, cli.global.no_color);
    let mut ctx = Ctx {
        config,
        out,
        admin_key_stdin: cli.global.admin_key_stdin,
        engine: None,
        backend: None,
    };
    match cli.command {
        Command::Tenant(c) => tenant::run(c, &mut ctx),
        Command::Scim(c) => scim::run(c, &mut ctx),
        Command::Url(a) => url::run(a, &mut ctx),
        Command::Token(c) => token::run(c, &mut ctx),
        Command::Users(c) => users::run(c, &mut ctx),
        Command::Invitations(c) => invitations::run(c, &mut ctx),
        Command::Groups(c) => groups::run(c, &mut ctx),
        Command::Properties(c) => properties::run(c, &mut ctx),
        Command::Mapping(c) => mapping::run(c, &mut ctx),
        Command::TestConnection(a) => test_connection::run(a, &mut ctx),
        Command::Log(a) => log::run(a, &mut ctx),
        Command::Events(a) => events::run(a, &mut ctx),
        Command::Diagnose(c) => diagnose::run(c, &mut ctx),
        Command::Directory(c) => directory::run(c, &mut ctx),
        Command::Serve(a) => serve::run(a, &mut ctx),
        Command::AdminKey(c) => admin_key::run(c, &mut ctx),
        Command::Login(a) => login::login(a, &mut ctx),
        Command::Logout(a) => login::logout(a, &mut ctx),
        Command::Profiles(c) => profiles::run(c, &mut ctx),
        Command::Config(c) => config_cmd::run(c, &mut ctx),
        Command::Webhook(c) => webhook::run(c, &mut ctx),
        Command::Dashboard(a) => dashboard::run(a, &mut ctx, cli.global.verbose),
        Command::Generate(_) => Ok(()),
    }
}
