//! `examkit mark`.

use std::process::ExitCode;

/// Flags for `examkit mark`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Run `examkit mark`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`examkit mark` is not built yet")
}
