//! `examkit check [PATH...]`: load everything and report every problem at once.

use crate::bank::{self, Diagnostic, Severity};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Flags for `examkit check`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit status: 0 when there are no errors (warnings and notes allowed), 1 when there are, 2 when a path does not exist.\nA note lists an item marked `draft: true` (written by `examkit import notes`) for review.\nThe formats and every check are described in docs/format.md."
)]
pub struct Args {
    /// Files or folders to check (default: question-bank, mark-schemes and examples).
    pub paths: Vec<PathBuf>,
}

/// The folders checked when no path is given.
pub const DEFAULT_PATHS: [&str; 3] = ["question-bank", "mark-schemes", "examples"];

/// Run `examkit check`: every problem as `file:line:col: error: message` with a `help:`
/// line, then a one-line summary. Exit 0 when there are no errors (warnings allowed), 1 when
/// there are, 2 when a path does not exist.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let paths: Vec<PathBuf> = if args.paths.is_empty() {
        // Defaults that are absent are skipped (a bank without blueprints is fine); none at
        // all means examkit was run from the wrong folder.
        let present: Vec<PathBuf> = DEFAULT_PATHS
            .iter()
            .map(PathBuf::from)
            .filter(|p| p.exists())
            .collect();
        if present.is_empty() {
            anyhow::bail!(
                "found none of question-bank/, mark-schemes/ or examples/ here: run examkit from the bank's folder or name the files to check"
            );
        }
        present
    } else {
        args.paths
    };
    let missing: Vec<&PathBuf> = paths.iter().filter(|p| !p.exists()).collect();
    if !missing.is_empty() {
        let list = missing
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        anyhow::bail!(
            "no such file or folder: {list} (give the question bank, mark scheme or blueprint files or folders to check)"
        );
    }
    let (bank, mut problems) = bank::load(&paths);
    problems.extend(bank::check(&bank));
    bank::check::sort(&mut problems);

    let mut out = anstream::stdout().lock();
    for problem in &problems {
        writeln!(out, "{}", paint(problem))?;
    }
    writeln!(out, "{}", bank::check::summary(&bank, &problems))?;
    Ok(if problems.iter().any(Diagnostic::is_error) {
        ExitCode::from(super::EXIT_PROBLEMS)
    } else {
        ExitCode::SUCCESS
    })
}

/// The diagnostic with its severity coloured (anstream drops colour when not a terminal).
fn paint(problem: &Diagnostic) -> String {
    use owo_colors::OwoColorize;
    let plain = problem.to_string();
    let (word, colored) = match problem.severity {
        Severity::Error => ("error:", "error:".red().bold().to_string()),
        Severity::Warning => ("warning:", "warning:".yellow().bold().to_string()),
        Severity::Note => ("note:", "note:".cyan().bold().to_string()),
    };
    plain.replacen(&format!(" {word} "), &format!(" {colored} "), 1)
}
