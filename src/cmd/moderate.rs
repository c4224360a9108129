//! `examkit moderate --schemes DIR... --marked FILE`: mark a teacher's marked answers again
//! and report agreement and disagreements.

use crate::bank::{self, Severity};
use crate::moderate::{self, input};
use anyhow::{Context, bail};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Flags for `examkit moderate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folders or files holding the mark schemes and their questions (the question text
    /// tells the marker which words only echo the question).
    #[arg(long, num_args = 1.., required = true, value_name = "DIR")]
    pub schemes: Vec<PathBuf>,
    /// The teacher's marked answers: CSV with a header row, or JSON Lines (`.jsonl`).
    #[arg(long, value_name = "FILE")]
    pub marked: PathBuf,
    /// Column (or JSON field) holding the question id.
    #[arg(long, default_value = "question", value_name = "NAME")]
    pub id_col: String,
    /// Column (or JSON field) holding the answer text.
    #[arg(long, default_value = "answer", value_name = "NAME")]
    pub answer_col: String,
    /// Column (or JSON field) holding the teacher's mark.
    #[arg(long, default_value = "mark", value_name = "NAME")]
    pub mark_col: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Show only the N worst disagreements (0: all).
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub worst: usize,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A report for reading.
    Text,
    /// The report as one JSON document, for tools.
    Json,
}

/// Run `examkit moderate`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (bank, problems) = bank::load(&args.schemes);
    let errors: Vec<String> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    if !errors.is_empty() {
        bail!(
            "the schemes have problems; fix them (see `examkit check`) and run again:\n{}",
            errors.join("\n")
        );
    }
    if bank.schemes.is_empty() {
        bail!(
            "no mark schemes found in {}; point --schemes at the folder holding them",
            list(&args.schemes)
        );
    }
    let text = std::fs::read_to_string(&args.marked)
        .with_context(|| format!("cannot read {}", args.marked.display()))?;
    let columns = input::Columns {
        id: args.id_col,
        answer: args.answer_col,
        mark: args.mark_col,
    };
    let name = args.marked.to_string_lossy();
    let format = input::InputFormat::detect(&name, &text);
    let answers = input::read(&text, format, &columns)
        .with_context(|| format!("{}: cannot read the marked answers", args.marked.display()))?;
    let mut report = moderate::moderate(&bank, &answers)
        .with_context(|| format!("{}: cannot moderate", args.marked.display()))?;
    report.truncate_disagreements(args.worst);
    let output = match args.format {
        Format::Text => moderate::render::text(&report),
        Format::Json => {
            let mut json = serde_json::to_string_pretty(&report)?;
            json.push('\n');
            json
        }
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(output.as_bytes())?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
