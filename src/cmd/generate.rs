//! `examkit generate`: a question paper, its mark scheme and a manifest, from a blueprint
//! (or the quick form: board, topics, marks) and a seed.

use crate::bank::{self, PartialBank, cache::Cache};
use crate::model::{Blueprint, Board, SourcePlacement};
use crate::paper::request::{self, PaperRequest, Shape};
use crate::paper::{Paper, manifest};
use crate::{files, pdf};
use anyhow::{Context, bail};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The blueprint used when none is given: the README's first command.
const DEFAULT_BLUEPRINT: &str = "examples/papers/aqa-cold-war.yaml";

/// Flags for `examkit generate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Blueprint to fill (default: examples/papers/aqa-cold-war.yaml, unless --board is given).
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
    /// manifest go beside it; with --variants, each file name gets -v<N>.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Where to print sources: `insert` (a separate booklet, written beside the paper as
    /// <paper>-insert.pdf) or `inline` (framed, with their question). Default: the
    /// blueprint's setting, else the board's practice (AQA: insert; Edexcel, Cambridge: inline).
    #[arg(long, value_name = "inline|insert")]
    pub sources: Option<SourcePlacement>,
    /// Folders (or files) of the question bank and mark schemes.
    #[arg(long = "bank", default_values = ["question-bank", "mark-schemes"])]
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
    let partial = load_bank(&args.bank, cache.as_ref())?;
    let (request, blueprint_path) = request(&args)?;
    let mut papers =
        request::choose(partial.bank(), &request).map_err(|err| match &blueprint_path {
            Some(path) => {
                anyhow::Error::new(err).context(format!("cannot fill blueprint {}", path.display()))
            }
            None => err.into(),
        })?;
    // Only now are the schemes of the chosen questions read and checked.
    let ids = request::question_ids(&papers);
    let bank = partial.with_schemes_of(ids.iter().map(String::as_str))?;
    request::finish(&mut papers, &bank, &request);
    let many = papers.len() > 1;
    for paper in &papers {
        let base = output_base(args.out.as_deref(), paper, many);
        write_paper(paper, &base)?;
    }
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

fn load_bank(paths: &[PathBuf], cache: Option<&Cache>) -> anyhow::Result<PartialBank> {
    // The same checks as `examkit check` on everything a paper prints from: a paper is never
    // printed from a broken bank. Schemes no chosen question uses are not read at all (see
    // `bank::partial`), and a bank already checked is read from the cache (`bank::cache`).
    let partial = bank::cache::load_partial(paths, cache)?;
    if partial.bank().questions.is_empty() {
        bail!(
            "no questions found in {}; run from the examkit folder or pass --bank",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    Ok(partial)
}

fn load_blueprint(path: &Path) -> anyhow::Result<Blueprint> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read blueprint {}", path.display()))?;
    serde_yaml::from_str(&text).map_err(|err| {
        let diag = bank::load::yaml_error(path, &err);
        anyhow::anyhow!("{diag}")
    })
}

/// The question paper's path without extension: `out/aqa-8145-1b-s7-v1`, or the user's
/// `--out` stem (with `-v<N>` when making several).
fn output_base(out: Option<&Path>, paper: &Paper, many: bool) -> PathBuf {
    match out {
        Some(out) => {
            let stem = out
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "paper".into());
            let name = if many {
                format!("{stem}-v{}", paper.variant)
            } else {
                stem
            };
            out.with_file_name(name)
        }
        None => Path::new("out").join(&paper.paper_id),
    }
}

fn write_paper(paper: &Paper, base: &Path) -> anyhow::Result<()> {
    let paper_path = with_suffix(base, ".pdf");
    let scheme_path = with_suffix(base, "-mark-scheme.pdf");
    let manifest_path = with_suffix(base, ".manifest.json");
    let insert_path = with_suffix(base, "-insert.pdf");
    // Render everything before writing anything, so a failure leaves no partial set.
    let pdf::PaperPdfs {
        paper: paper_pdf,
        insert: insert_pdf,
        scheme: scheme_pdf,
    } = pdf::paper_set(paper).context("cannot lay out the paper, insert and mark scheme")?;
    let manifest = manifest::manifest(paper);
    let mut json = serde_json::to_vec_pretty(&manifest).context("cannot serialise the manifest")?;
    json.push(b'\n');
    let mut outputs = vec![(&paper_path, &paper_pdf), (&scheme_path, &scheme_pdf)];
    if let Some(insert_pdf) = &insert_pdf {
        outputs.push((&insert_path, insert_pdf));
    }
    outputs.push((&manifest_path, &json));
    for (path, bytes) in outputs {
        files::write_atomic(path, bytes)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    if insert_pdf.is_none() {
        // An insert left by an earlier run of the same name would hold another paper's
        // sources; it belongs to this set of files, so it goes.
        match std::fs::remove_file(&insert_path) {
            Ok(()) => {}
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
            Err(err) => {
                return Err(err)
                    .with_context(|| format!("cannot remove the old {}", insert_path.display()));
            }
        }
    }
    let scheme_path = match insert_pdf {
        Some(_) => format!("{}, {}", scheme_path.display(), insert_path.display()),
        None => scheme_path.display().to_string(),
    };
    println!(
        "wrote {} ({} questions, {} marks{}), {} and {}",
        paper_path.display(),
        paper.questions().count(),
        paper.total_marks(),
        if paper.total_spag() > 0 {
            format!(" + {} SPaG", paper.total_spag())
        } else {
            String::new()
        },
        scheme_path,
        manifest_path.display()
    );
    Ok(())
}

fn with_suffix(base: &Path, suffix: &str) -> PathBuf {
    let name = base
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    base.with_file_name(format!("{name}{suffix}"))
}
