//! `examkit schema [KIND] [--out DIR]`: the JSON Schema of a file format, for editors.

use crate::bank::schema::Format;
use anyhow::Context;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Flags for `examkit schema`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which format; with `--out` and no kind, all of them.
    #[arg(value_enum)]
    pub kind: Option<Kind>,
    /// Write `<kind>.schema.json` files into this folder instead of printing.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// The formats, as named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// Question bank topic files.
    QuestionBank,
    /// Mark scheme files.
    MarkScheme,
    /// A subject's synonyms.yaml.
    Synonyms,
    /// Paper blueprints.
    Blueprint,
    /// Manifests written beside generated papers.
    Manifest,
}

impl From<Kind> for Format {
    fn from(kind: Kind) -> Format {
        match kind {
            Kind::QuestionBank => Format::QuestionBank,
            Kind::MarkScheme => Format::MarkScheme,
            Kind::Synonyms => Format::Synonyms,
            Kind::Blueprint => Format::Blueprint,
            Kind::Manifest => Format::Manifest,
        }
    }
}

/// Run `examkit schema`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match (args.kind, args.out) {
        (Some(kind), None) => {
            std::io::stdout().write_all(Format::from(kind).json_schema().as_bytes())?;
        }
        (kind, Some(dir)) => {
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("cannot create folder {}", dir.display()))?;
            let formats = match kind {
                Some(kind) => vec![Format::from(kind)],
                None => Format::ALL.to_vec(),
            };
            for format in formats {
                let path = dir.join(format.file_name());
                write_atomically(&path, &format.json_schema())?;
                println!("wrote {}", path.display());
            }
        }
        (None, None) => anyhow::bail!(
            "say which schema: one of {} (or --out DIR for all)",
            Format::ALL.map(Format::name).join(", ")
        ),
    }
    Ok(ExitCode::SUCCESS)
}

/// Write via a temporary file and rename, so a reader never sees half a schema.
fn write_atomically(path: &Path, text: &str) -> anyhow::Result<()> {
    crate::files::write_atomic(path, text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))
}
