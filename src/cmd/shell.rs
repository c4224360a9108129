//! `examkit completions SHELL` and `examkit man [--out DIR]`: tab completion for the shells
//! and manual pages, generated from the same clap definitions that parse the command line,
//! so they can never fall out of step with the flags.

use super::Cli;
use anyhow::Context;
use clap::CommandFactory;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Flags for `examkit completions`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  examkit completions bash > ~/.local/share/bash-completion/completions/examkit\n  \
    examkit completions zsh > ~/.zfunc/_examkit\n  \
    examkit completions fish > ~/.config/fish/completions/examkit.fish"
)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Flags for `examkit man`.
#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Write `examkit.1` and a page for each subcommand (`examkit-generate.1`, …) into this
    /// folder; without it, `examkit.1` is printed.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// Print the completion script for a shell.
pub fn completions(args: CompletionsArgs) -> anyhow::Result<ExitCode> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "examkit", &mut out);
    std::io::stdout()
        .write_all(&out)
        .context("cannot write the completion script")?;
    Ok(ExitCode::SUCCESS)
}

/// Print or write the manual pages.
pub fn man(args: ManArgs) -> anyhow::Result<ExitCode> {
    let cmd = Cli::command().name("examkit");
    let Some(dir) = args.out else {
        let mut out = Vec::new();
        clap_mangen::Man::new(cmd)
            .render(&mut out)
            .context("cannot render the manual page")?;
        std::io::stdout()
            .write_all(&out)
            .context("cannot write the manual page")?;
        return Ok(ExitCode::SUCCESS);
    };
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut pages = vec![("examkit".to_string(), cmd.clone())];
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("examkit-{}", sub.get_name());
        pages.push((name.clone(), sub.clone().name(name)));
    }
    let mut stdout = std::io::stdout().lock();
    for (name, page) in pages {
        let mut out = Vec::new();
        clap_mangen::Man::new(page)
            .render(&mut out)
            .with_context(|| format!("cannot render the manual page {name}.1"))?;
        let path = dir.join(format!("{name}.1"));
        crate::files::write_atomic(&path, &out)
            .with_context(|| format!("cannot write {}", path.display()))?;
        writeln!(stdout, "{}", path.display()).context("cannot write to standard output")?;
    }
    Ok(ExitCode::SUCCESS)
}
