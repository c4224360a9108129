//! `examkit generate`.

use std::process::ExitCode;

/// Flags for `examkit generate`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Run `examkit generate`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`examkit generate` is not built yet")
}
