//! `examkit generate`: a question paper, its mark scheme and a manifest, from a blueprint
//! (or the quick form: board, topics, marks) and a seed.

use crate::bank::source::BankSource;
use crate::bank::{self, PartialBank, bundled, cache::Cache};
use crate::model::{Blueprint, Board, SourcePlacement};
use crate::paper::Paper;
use crate::paper::request::{self, PaperRequest, Shape};
use crate::paperset::{self, Role};
use anyhow::{Context, bail};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The blueprint used when none is given: the README's first command.
const DEFAULT_BLUEPRINT: &str = "aqa-cold-war";

/// Flags for `examkit generate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Blueprint to fill: a file, or the name of one built into examkit (`examkit list
    /// blueprints`). Default: aqa-cold-war, unless --board is given.
    #[arg(long, conflicts_with = "board")]
    pub blueprint: Option<PathBuf>,
    /// Quick form: board whose style and questions to use (aqa, edexcel, cie).
    #[arg(long)]
    pub board: Option<Board>,
    /// Quick form: topic to draw from (repeat for several; default all).
    #[arg(long, requires = "board")]
    pub topic: Vec<String>,
    /// Quick form: total marks of the paper.
    #[arg(long, requires = "board", default_value_t = 40)]
    pub marks: u32,
    /// Quick form: subject key.
    #[arg(long, default_value = "history")]
    pub subject: String,
    /// Seed for choosing questions: the same seed gives the same paper, byte for byte.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Number of different papers to make (e.g. one per student).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=500))]
    pub variants: u32,
    /// Where to write the question paper (default: out/<paper-id>.pdf). The mark scheme and
    /// manifest go beside it; with --variants, each file name gets -v<N>. A folder (one that
    /// exists, or a path ending in /) means inside it, with the default names.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Where to print sources: `insert` (a separate booklet, written beside the paper as
    /// <paper>-insert.pdf) or `inline` (framed, with their question). Default: the
    /// blueprint's setting, else the board's practice (AQA: insert; Edexcel, Cambridge: inline).
    #[arg(long, value_name = "inline|insert")]
    pub sources: Option<SourcePlacement>,
    /// Folders (or files) of the question bank and mark schemes.
    /// (Default: question-bank/ and mark-schemes/ here if there is a question-bank/, else
    /// the bank built into examkit.)
    #[arg(long = "bank", value_name = "DIR", num_args = 1..)]
    pub bank: Vec<PathBuf>,
    /// Load and check the bank afresh, neither using nor filling the cache of checked banks
    /// (also: EXAMKIT_CACHE=off).
    #[arg(long)]
    pub no_cache: bool,
}

/// Run `examkit generate`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let cache = if args.no_cache {
        None
    } else {
        Cache::from_env()
    };
    let partial = load_bank(&BankSource::choose(&args.bank), cache.as_ref())?;
    let (request, blueprint_path) = request(&args)?;
    let mut papers =
        request::choose(partial.bank(), &request).map_err(|err| match &blueprint_path {
            Some(path) => {
                anyhow::anyhow!("cannot fill blueprint {}: {err}", path.display())
            }
            None => err.into(),
        })?;
    // Only now are the schemes of the chosen questions read and checked.
    let ids = request::question_ids(&papers);
    let bank = partial.with_schemes_of(ids.iter().map(String::as_str))?;
    request::finish(&mut papers, &bank, &request);
    write_papers(&papers, args.out.as_deref())?;
    Ok(ExitCode::SUCCESS)
}

/// The request the flags make, and the blueprint file it was read from (for messages).
fn request(args: &Args) -> anyhow::Result<(PaperRequest, Option<PathBuf>)> {
    let (shape, path) = match args.board {
        Some(board) => {
            if args.variants > 1 {
                bail!(
                    "--variants needs a blueprint; the quick form (--board) makes one paper per seed"
                );
            }
            let shape = Shape::Quick {
                board,
                subject: args.subject.clone(),
                topics: args.topic.clone(),
                marks: args.marks,
            };
            (shape, None)
        }
        None => {
            let path = args
                .blueprint
                .clone()
                .unwrap_or_else(|| DEFAULT_BLUEPRINT.into());
            (Shape::Blueprint(load_blueprint(&path)?), Some(path))
        }
    };
    let request = PaperRequest {
        shape,
        seed: args.seed,
        variants: args.variants,
        sources: args.sources,
    };
    Ok((request, path))
}

fn load_bank(source: &BankSource, cache: Option<&Cache>) -> anyhow::Result<PartialBank> {
    // The same checks as `examkit check` on everything a paper prints from: a paper is never
    // printed from a broken bank. Schemes no chosen question uses are not read at all (see
    // `bank::partial`), and a bank already checked is read from the cache (`bank::cache`).
    let partial = source.load_partial(cache)?;
    if partial.bank().questions.is_empty() {
        bail!("no questions found in {source}; pass the bank's folders with --bank");
    }
    Ok(partial)
}

/// The blueprint at `path`, or, when there is no such file, the bundled one of that name.
fn load_blueprint(path: &Path) -> anyhow::Result<Blueprint> {
    let (shown, text) = match std::fs::read_to_string(path) {
        Ok(text) => (path.to_path_buf(), text),
        Err(err) => match bundled::blueprint(&path.to_string_lossy()) {
            Some(b) if err.kind() == std::io::ErrorKind::NotFound => {
                (PathBuf::from(b.path), b.text.to_string())
            }
            _ => {
                let names: Vec<&str> = bundled::blueprints().map(|b| b.name).collect();
                return Err(err).with_context(|| {
                    format!(
                        "cannot read blueprint {} (examkit's own are {})",
                        path.display(),
                        names.join(", ")
                    )
                });
            }
        },
    };
    // The diagnostic carries its own file, line, column and "error:", so it goes on a line
    // of its own, as the bank's problems do, rather than after the caller's "error: ".
    serde_yaml::from_str(&text).map_err(|err| {
        let diag = bank::load::yaml_error(&shown, &err);
        anyhow::anyhow!("the blueprint has a problem:\n{diag}")
    })
}

/// Where a run's files go: a folder, and the name their names start with (`None`: each
/// paper's id). `--out paper.pdf` names the files; `--out class/` (a path ending in a
/// separator, or a folder that exists, or `/`) puts them inside that folder with their
/// default names.
fn output_target(out: Option<&Path>) -> (PathBuf, Option<String>) {
    let Some(out) = out else {
        return (PathBuf::from("out"), None);
    };
    let ends_in_separator = out
        .as_os_str()
        .to_string_lossy()
        .ends_with(std::path::is_separator);
    match out.file_stem() {
        Some(stem) if !ends_in_separator && !out.is_dir() => (
            crate::files::folder_of(out),
            Some(stem.to_string_lossy().into_owned()),
        ),
        _ => (out.to_path_buf(), None),
    }
}

fn write_papers(papers: &[Paper], out: Option<&Path>) -> anyhow::Result<()> {
    let (dir, stem) = output_target(out);
    // Everything is rendered before anything is written, and then written as a set.
    let sets = paperset::render_all(papers, stem.as_deref())?;
    let written = paperset::write_sets(&dir, &sets)?;
    for (paper, (set, paths)) in papers.iter().zip(sets.iter().zip(&written)) {
        let shown = |role: Role| {
            set.files
                .iter()
                .zip(paths)
                .find(|(f, _)| f.role == role)
                .map(|(_, path)| path.display().to_string())
        };
        let scheme = shown(Role::Scheme).unwrap_or_default();
        let scheme = match shown(Role::Insert) {
            Some(insert) => format!("{scheme}, {insert}"),
            None => scheme,
        };
        println!(
            "wrote {} ({} questions, {} marks{}), {} and {}",
            shown(Role::Paper).unwrap_or_default(),
            paper.questions().count(),
            paper.total_marks(),
            if paper.total_spag() > 0 {
                format!(" + {} SPaG", paper.total_spag())
            } else {
                String::new()
            },
            scheme,
            shown(Role::Manifest).unwrap_or_default()
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_means_inside_it_with_the_default_names() {
        let target = |out: &str| output_target(Some(Path::new(out)));
        assert_eq!(target("/"), (PathBuf::from("/"), None));
        assert_eq!(target("class/"), (PathBuf::from("class/"), None));
        assert_eq!(target("."), (PathBuf::from("."), None));
        assert_eq!(target(".."), (PathBuf::from(".."), None));
        assert_eq!(
            target("class/cie.pdf"),
            (PathBuf::from("class"), Some("cie".to_string()))
        );
        assert_eq!(
            target("paper.pdf"),
            (PathBuf::from("."), Some("paper".to_string()))
        );
        let dir = tempfile::tempdir().unwrap();
        let existing = dir.path().join("class");
        std::fs::create_dir(&existing).unwrap();
        assert_eq!(output_target(Some(&existing)), (existing, None));
        assert_eq!(output_target(None), (PathBuf::from("out"), None));
    }
}
