//! `examkit check [PATH...]`: load everything and report every problem at once.

use crate::bank;
use std::path::PathBuf;
use std::process::ExitCode;

/// Flags for `examkit check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or folders to check (default: question-bank, mark-schemes and examples).
    pub paths: Vec<PathBuf>,
}

/// Run `examkit check`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let paths = if args.paths.is_empty() {
        vec![
            "question-bank".into(),
            "mark-schemes".into(),
            "examples".into(),
        ]
    } else {
        args.paths
    };
    let (bank, problems) = bank::load(&paths);
    for problem in &problems {
        eprintln!("{problem}");
    }
    println!(
        "{} questions, {} schemes, {} blueprints; {} problems",
        bank.questions.len(),
        bank.schemes.len(),
        bank.blueprints.len(),
        problems.len()
    );
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(super::EXIT_PROBLEMS)
    })
}
