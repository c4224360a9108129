//! `examkit practice`.

use std::process::ExitCode;

/// Flags for `examkit practice`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Run `examkit practice`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`examkit practice` is not built yet")
}
