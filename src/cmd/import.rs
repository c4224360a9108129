//! `examkit import`.

use std::process::ExitCode;

/// Flags for `examkit import`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Run `examkit import`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`examkit import` is not built yet")
}
