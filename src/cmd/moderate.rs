//! `examkit moderate`.

use std::process::ExitCode;

/// Flags for `examkit moderate`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Run `examkit moderate`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`examkit moderate` is not built yet")
}
