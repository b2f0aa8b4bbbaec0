//! tracing to stderr for commands: `-v`/`-vv`/`-vvv` or `SCIMCTL_LOG`
//! (an EnvFilter directive); `-q` leaves only errors.

use tracing_subscriber::EnvFilter;

/// `server`: a long-running server logs its access lines by default.
pub fn init(verbose: u8, quiet: bool, server: bool) {
    let default = match (quiet, verbose) {
        (true, _) => "error",
        (false, 0) if server => "scimctl=info",
        (false, 0) => "warn",
        (false, 1) => "scimctl=info",
        (false, 2) => "scimctl=debug",
        _ => "trace",
    };
    let filter = std::env::var("SCIMCTL_LOG")
        .ok()
        .and_then(|s| EnvFilter::try_new(s).ok())
        .unwrap_or_else(|| EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_target(false)
        .try_init();
}

/// Where the dashboard logs: it owns the terminal, so never stderr.
/// `$XDG_STATE_HOME/scimctl/dashboard.log` (else beside the default store).
pub fn dashboard_log_path() -> std::path::PathBuf {
    directories::ProjectDirs::from("", "", "scimctl")
        .map(|d| {
            d.state_dir()
                .unwrap_or_else(|| d.data_dir())
                .join("dashboard.log")
        })
        .unwrap_or_else(|| std::path::PathBuf::from("scimctl-dashboard.log"))
}

/// tracing to a file (0600, appended) for the dashboard; `info` by default.
/// Without a writable file the dashboard logs nothing rather than draw over
/// its own screen.
pub fn init_file(verbose: u8, path: &std::path::Path) {
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
    let default = match verbose {
        0 | 1 => "scimctl=info",
        2 => "scimctl=debug",
        _ => "trace",
    };
    let filter = std::env::var("SCIMCTL_LOG")
        .ok()
        .and_then(|s| EnvFilter::try_new(s).ok())
        .unwrap_or_else(|| EnvFilter::new(default));
    if let Some(dir) = path.parent() {
        let _ = std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir);
    }
    let Ok(file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(path)
    else {
        return;
    };
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::sync::Mutex::new(file))
        .with_ansi(false)
        .try_init();
}
