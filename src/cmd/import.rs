//! `examkit import semeval <XML files or folders> --out marked.csv [--labels 2way|3way]`:
//! turn other formats of marked answers into examkit's moderation CSV
//! (`question,answer,mark[,label],answer_id`), ready for `examkit moderate`; and
//! `examkit import notes` (in [`super::import_notes`]): revision notes into draft bank and
//! scheme files.

use crate::import::semeval::{self, Labels};
use anyhow::{Context, bail};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Flags for `examkit import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to import.
    #[command(subcommand)]
    pub source: Source,
}

/// The formats `examkit import` reads.
#[derive(Debug, clap::Subcommand)]
pub enum Source {
    /// SemEval-2013 Task 7 question files (Beetle, SciEntsBank): one XML file per question.
    Semeval(SemevalArgs),
    /// Revision notes (plain text, Markdown or Q:/A:) as draft question-bank and
    /// mark-scheme files.
    Notes(super::import_notes::NotesArgs),
}

/// Flags for `examkit import semeval`.
#[derive(Debug, clap::Args)]
pub struct SemevalArgs {
    /// XML files, or folders searched (recursively) for `*.xml`.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Where to write the moderation CSV.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Which labelling the files use: `2way` (correct/incorrect) or `3way`
    /// (correct/contradictory/incorrect; the label is kept in a `label` column).
    #[arg(long, value_enum, default_value_t = LabelsArg::TwoWay)]
    pub labels: LabelsArg,
}

/// `--labels` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LabelsArg {
    /// correct / incorrect.
    #[value(name = "2way")]
    TwoWay,
    /// correct / contradictory / incorrect.
    #[value(name = "3way")]
    ThreeWay,
}

/// Run `examkit import`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.source {
        Source::Semeval(args) => run_semeval(args),
        Source::Notes(args) => super::import_notes::run(args),
    }
}

fn run_semeval(args: SemevalArgs) -> anyhow::Result<ExitCode> {
    let labels = match args.labels {
        LabelsArg::TwoWay => Labels::TwoWay,
        LabelsArg::ThreeWay => Labels::ThreeWay,
    };
    let files = xml_files(&args.paths)?;
    if files.is_empty() {
        bail!(
            "no .xml files found in {}; point at SemEval question files or their folder",
            args.paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let mut rows = Vec::new();
    let mut questions = 0;
    for file in &files {
        let xml = std::fs::read_to_string(file)
            .with_context(|| format!("cannot read {}", file.display()))?;
        let question =
            semeval::parse(&xml).with_context(|| format!("{}: not read", file.display()))?;
        rows.extend(semeval::rows(&question, labels).with_context(|| file.display().to_string())?);
        questions += 1;
    }
    write_csv(&args.out, &rows, labels)?;
    eprintln!(
        "wrote {} answers to {questions} questions to {}",
        rows.len(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Every `.xml` file named or under a named folder, sorted by path so output is stable.
fn xml_files(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            collect(path, &mut files)?;
        } else if path.exists() {
            files.push(path.clone());
        } else {
            bail!("{} does not exist", path.display());
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("cannot read folder {}", dir.display()))?;
    for entry in entries {
        let path = entry
            .with_context(|| format!("cannot read folder {}", dir.display()))?
            .path();
        if path.is_dir() {
            collect(&path, files)?;
        } else if path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("xml"))
        {
            files.push(path);
        }
    }
    Ok(())
}

/// Write the CSV to a temporary file beside `out`, then rename it into place, so a failed
/// run never leaves half a file.
fn write_csv(out: &Path, rows: &[semeval::Row], labels: Labels) -> anyhow::Result<()> {
    let dir = match out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let temp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    {
        let mut writer = csv::Writer::from_writer(temp.as_file());
        let keep_label = labels == Labels::ThreeWay;
        if keep_label {
            writer.write_record(["question", "answer", "mark", "label", "answer_id"])?;
        } else {
            writer.write_record(["question", "answer", "mark", "answer_id"])?;
        }
        for row in rows {
            let mark = row.mark.to_string();
            if keep_label {
                writer.write_record([
                    row.question.as_str(),
                    row.answer.as_str(),
                    mark.as_str(),
                    row.label.as_str(),
                    row.answer_id.as_str(),
                ])?;
            } else {
                writer.write_record([
                    row.question.as_str(),
                    row.answer.as_str(),
                    mark.as_str(),
                    row.answer_id.as_str(),
                ])?;
            }
        }
        writer.flush()?;
    }
    temp.persist(out)
        .with_context(|| format!("cannot write {}", out.display()))?;
    Ok(())
}
