//! Taking the terminal and giving it back: raw mode and the alternate
//! screen on entry; restored on quit, on error (the guard's drop) and on
//! panic (ratatui's hook, installed by `try_init`).

use std::io::{self, IsTerminal};

use ratatui::DefaultTerminal;

/// Restores the terminal when dropped, whichever way the loop ends.
pub struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        ratatui::restore();
    }
}

/// Whether the dashboard can run here: it draws on stdout and reads keys.
pub fn is_terminal() -> bool {
    io::stdout().is_terminal() && io::stdin().is_terminal()
}

pub fn enter() -> io::Result<(DefaultTerminal, Restore)> {
    match ratatui::try_init() {
        Ok(t) => Ok((t, Restore)),
        Err(e) => {
            // Raw mode may be on already; leave nothing half-done.
            ratatui::restore();
            Err(e)
        }
    }
}
