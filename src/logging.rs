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
