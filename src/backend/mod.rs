//! The one way the CLI and the dashboard read and change state: every
//! command is a contract type (`api::admin`) that [`Backend::call`] runs.
//! [`Local`] runs it on the engine over this machine's store; [`Remote`]
//! sends it to the admin API of a `scimctl serve` (`--server`,
//! `SCIMCTL_SERVER` or a profile), which runs the very same
//! `Command::run`. Both return the engine's own result types and errors
//! that render to the same line and exit code, so no command knows which
//! it has.
//!
//! Server-host commands (`serve`, `admin-key`) and local files (`mapping
//! check`, `config`) stay outside: they use the engine or the file itself.

mod local;
mod remote;

use std::fmt;
use std::ops::ControlFlow;

pub use local::Local;
pub use remote::{Remote, RemoteError};

pub use crate::engine::views::Issue;

use crate::api::admin::Command;
use crate::api::admin::Followed;
use crate::engine::EngineError;
use crate::engine::model::Tenant;

/// Why a backend call failed: the engine's own error (local, or a server
/// error recognised by its reason), or what the server said about it.
#[derive(Debug, thiserror::Error)]
pub enum BackendError {
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error(transparent)]
    Remote(#[from] RemoteError),
}

pub type Result<T> = std::result::Result<T, BackendError>;

/// What a followed feed hands to its caller: a batch of new items. The
/// caller breaks to end the follow (stdout closed, say; it keeps its own
/// error).
pub type OnItems<'a, T> = dyn FnMut(Vec<T>) -> ControlFlow<()> + 'a;

/// Where state lives and is changed. An enum rather than a trait object:
/// [`Backend::call`] is generic over the command.
pub enum Backend {
    Local(Local),
    Remote(Remote),
}

impl Backend {
    /// Where the state lives, for `-v` and the dashboard's title:
    /// `store /path/scimctl.db` or `server https://scim.example.com`.
    pub fn location(&self) -> String {
        match self {
            Backend::Local(l) => l.location(),
            Backend::Remote(r) => r.location(),
        }
    }

    /// Runs one command and returns its answer.
    pub fn call<C: Command>(&self, c: C) -> Result<C::Output> {
        match self {
            Backend::Local(l) => l.call(c),
            Backend::Remote(r) => r.call(&c),
        }
    }

    /// The tenant `key` (id or name) names; without one, the only tenant.
    pub fn resolve_tenant(&self, key: Option<&str>) -> Result<Tenant> {
        match self {
            Backend::Local(l) => l.resolve_tenant(key),
            Backend::Remote(r) => r.resolve_tenant(key),
        }
    }

    /// The items the command's feed selects, then every new one as it is
    /// written, until `each` breaks or the source ends (a server shutting
    /// down). `c` asks for the stream (`follow: true`).
    pub fn follow<C: Followed>(&self, c: &C, each: &mut OnItems<'_, C::Item>) -> Result<()> {
        match self {
            Backend::Local(l) => l.follow(c, each),
            Backend::Remote(r) => r.follow(c, each),
        }
    }
}

impl From<Local> for Backend {
    fn from(l: Local) -> Backend {
        Backend::Local(l)
    }
}

impl From<Remote> for Backend {
    fn from(r: Remote) -> Backend {
        Backend::Remote(r)
    }
}

impl fmt::Debug for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.location())
    }
}
