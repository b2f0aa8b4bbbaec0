#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::process::ExitCode;

/// mimalloc instead of glibc's malloc: `serve` allocates on one thread and
/// frees on another (request buffers, log records), and glibc's per-arena
/// locks then show in profiles as futex waits and context switches.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let (cli, overrides) = scimctl::cli::parse();
    let server = matches!(cli.command, scimctl::cli::Command::Serve(_));
    // The dashboard owns the terminal: it logs to a file (tui::run sets it up).
    if !matches!(cli.command, scimctl::cli::Command::Dashboard(_)) {
        scimctl::logging::init(cli.global.verbose, cli.global.quiet, server);
    }
    match scimctl::cli::run(cli, overrides) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            tracing::debug!(error = ?e, "command failed");
            eprintln!("{}", e.render());
            ExitCode::from(e.exit_code())
        }
    }
}
