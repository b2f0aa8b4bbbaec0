//! Hidden `scimctl generate completions|man --out-dir DIR`: the committed
//! `completions/` and `man/` come from here, and a test keeps them current.

use std::path::{Path, PathBuf};

use clap::{Args, CommandFactory, Subcommand};
use clap_complete::Shell;

use super::Cli;
use crate::error::CliError;

#[derive(Debug, Subcommand)]
pub enum GenerateCmd {
    /// Shell completions for bash, zsh, fish, powershell and elvish
    Completions(OutDir),
    /// Man pages: scimctl.1 and one page per subcommand
    Man(OutDir),
}

#[derive(Debug, Args)]
pub struct OutDir {
    #[arg(long, value_name = "DIR")]
    pub out_dir: PathBuf,
}

pub fn run(cmd: &GenerateCmd) -> Result<(), CliError> {
    match cmd {
        GenerateCmd::Completions(o) => completions(&o.out_dir),
        GenerateCmd::Man(o) => man(&o.out_dir),
    }
}

pub fn completions(dir: &Path) -> Result<(), CliError> {
    std::fs::create_dir_all(dir)?;
    let mut cmd = Cli::command();
    for shell in [
        Shell::Bash,
        Shell::Zsh,
        Shell::Fish,
        Shell::PowerShell,
        Shell::Elvish,
    ] {
        clap_complete::generate_to(shell, &mut cmd, "scimctl", dir)?;
    }
    Ok(())
}

pub fn man(dir: &Path) -> Result<(), CliError> {
    std::fs::create_dir_all(dir)?;
    clap_mangen::generate_to(Cli::command(), dir)?;
    Ok(())
}
