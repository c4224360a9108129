//! `examkit schema`.

use std::process::ExitCode;

/// Flags for `examkit schema`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Run `examkit schema`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`examkit schema` is not built yet")
}
