//! `examkit import notes FILE --subject S --topic T --out DIR`: revision notes drafted into
//! `DIR/question-bank/S/T.yaml` and `DIR/mark-schemes/S/T.yaml`, checked as a bank before
//! anything is written, written as a set, never over a teacher's files without `--force`.

use crate::bank::source::BankSource;
use crate::bank::{self, Diagnostic, load::BankFiles};
use crate::files;
use crate::import::notes::{self, Imported, NotesError, Options};
use crate::model::{Board, SynonymFile};
use anyhow::{Context, bail};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Flags for `examkit import notes`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Reads plain text (question lines ending in `?`, answers below, bullets), Markdown (`## Question`, `- bullet`) or `Q:`/`A:` layouts.\nEvery question and scheme written is `draft: true`; `examkit check` lists each as a note until the line is deleted.\nThe layouts and how marks and phrasings are drafted are described in docs/import-notes.md."
)]
pub struct NotesArgs {
    /// The notes: a text or Markdown file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Subject key: the folder the files go in (`history`).
    #[arg(long)]
    pub subject: String,
    /// Topic key: the files' name and the start of every question id (`de-stalinisation`).
    #[arg(long)]
    pub topic: String,
    /// The topic's title (default: the notes' own title line, else the topic key).
    #[arg(long)]
    pub title: Option<String>,
    /// Boards the questions suit.
    #[arg(long, value_delimiter = ',', default_value = "aqa,edexcel,cie")]
    pub boards: Vec<Board>,
    /// The bank folder to write into: `DIR/question-bank/` and `DIR/mark-schemes/`.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Replace the topic's question and scheme files when they already exist.
    #[arg(long)]
    pub force: bool,
    /// Where the subject's synonym groups come from when DIR has none (default: the bank
    /// here, else the bank built into examkit); DIR gets a copy.
    #[arg(long, value_name = "DIR", num_args = 1..)]
    pub bank: Vec<PathBuf>,
}

/// Run `examkit import notes`.
pub fn run(args: NotesArgs) -> anyhow::Result<ExitCode> {
    for (flag, key) in [("--subject", &args.subject), ("--topic", &args.topic)] {
        if !is_key(key) {
            bail!(
                "{flag} `{key}` is not a key: use lower-case letters, digits and hyphens, e.g. `de-stalinisation`"
            );
        }
    }
    let bytes = std::fs::read(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let shown = args.file.display().to_string();
    let located = |err: NotesError| {
        let (line, column) = err.at();
        anyhow::anyhow!("{shown}:{line}:{column}: {err}; nothing was written")
    };
    let text = notes::text_of(&bytes).map_err(located)?;
    let paths = Targets::new(&args.out, &args.subject, &args.topic);
    let (synonyms, copy_synonyms) = synonyms(&paths, &args.subject, &args.bank)?;
    let options = Options {
        subject: args.subject.clone(),
        topic: args.topic.clone(),
        title: args.title.clone(),
        boards: args.boards.clone(),
        source: file_name(&args.file),
    };
    let imported = notes::import(text, &options, synonyms.as_ref()).map_err(located)?;
    let existing: Vec<&Path> = [&paths.questions, &paths.schemes]
        .into_iter()
        .map(PathBuf::as_path)
        .filter(|p| p.exists())
        .collect();
    if !existing.is_empty() && !args.force {
        bail!(
            "{} already {}: nothing was written (use --force to replace {}, or another --topic)",
            existing
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(" and "),
            if existing.len() == 1 {
                "exists"
            } else {
                "exist"
            },
            if existing.len() == 1 { "it" } else { "them" }
        );
    }
    let (questions, schemes) = notes::to_yaml(&imported, &options.source)?;
    let mut set = vec![
        (paths.questions.clone(), questions.into_bytes()),
        (paths.schemes.clone(), schemes.into_bytes()),
    ];
    if let Some(file) = copy_synonyms {
        let head = "# The subject's shared synonym groups, copied by `examkit import notes`.\n";
        let yaml = format!("{head}{}", serde_yaml::to_string(&file)?);
        set.push((paths.synonyms.clone(), yaml.into_bytes()));
    }
    let problems = check_in_place(&args.out, &set);
    if problems.iter().any(Diagnostic::is_error) {
        let list: Vec<String> = problems
            .iter()
            .filter(|d| d.is_error())
            .map(ToString::to_string)
            .collect();
        bail!(
            "the drafted files would not pass `examkit check` beside the bank in {}; nothing was written:\n{}",
            args.out.display(),
            list.join("\n")
        );
    }
    files::write_set(&set).map_err(|(path, err)| {
        anyhow::anyhow!(
            "cannot write {}: {err}; nothing was replaced",
            path.display()
        )
    })?;
    report(&args, &imported, &set, &problems)?;
    Ok(ExitCode::SUCCESS)
}

/// Where the files of a topic go.
struct Targets {
    questions: PathBuf,
    schemes: PathBuf,
    synonyms: PathBuf,
}

impl Targets {
    fn new(out: &Path, subject: &str, topic: &str) -> Targets {
        let bank = out.join(bank::bundled::FOLDERS[0]).join(subject);
        let schemes = out.join(bank::bundled::FOLDERS[1]).join(subject);
        Targets {
            questions: bank.join(format!("{topic}.yaml")),
            schemes: schemes.join(format!("{topic}.yaml")),
            synonyms: schemes.join("synonyms.yaml"),
        }
    }
}

/// The subject's synonym groups: DIR's own when it has them, else those of `--bank` (or the
/// default bank), which DIR then gets a copy of so that it checks and marks on its own.
fn synonyms(
    paths: &Targets,
    subject: &str,
    given: &[PathBuf],
) -> anyhow::Result<(Option<SynonymFile>, Option<SynonymFile>)> {
    if paths.synonyms.exists() {
        let (bank, problems) = bank::load(std::slice::from_ref(&paths.synonyms));
        if let Some(err) = problems.iter().find(|d| d.is_error()) {
            bail!("{err}\n(the synonyms of the bank being written into must load first)");
        }
        return Ok((bank.synonyms.get(subject).cloned(), None));
    }
    let (bank, _) = match BankSource::choose(given) {
        BankSource::Paths(paths) => bank::load(&paths),
        BankSource::Bundled => bank::load::load_files(bank::bundled::files()),
    };
    let file = bank.synonyms.get(subject).cloned();
    Ok((file.clone(), file))
}

/// The problems `examkit check` would find in DIR's bank with `set` written into it.
fn check_in_place(out: &Path, set: &[(PathBuf, Vec<u8>)]) -> Vec<Diagnostic> {
    let folders: Vec<PathBuf> = bank::bundled::FOLDERS.iter().map(|f| out.join(f)).collect();
    let present: Vec<PathBuf> = folders.iter().filter(|p| p.is_dir()).cloned().collect();
    let (found, _) = bank::load::yaml_files(&present);
    let mut given: Vec<(PathBuf, Vec<u8>)> = found
        .into_iter()
        .filter(|f| set.iter().all(|(p, _)| *p != f.path))
        .filter_map(|f| std::fs::read(&f.path).ok().map(|b| (f.path, b)))
        .collect();
    given.extend(set.iter().cloned());
    let (bank, mut problems) = bank::load::load_files(BankFiles::from_memory(&folders, given));
    problems.extend(bank::check(&bank));
    problems
}

fn report(
    args: &NotesArgs,
    imported: &Imported,
    set: &[(PathBuf, Vec<u8>)],
    problems: &[Diagnostic],
) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    let shown = args.file.display();
    for (path, _) in set {
        writeln!(out, "wrote {}", path.display())?;
    }
    writeln!(
        out,
        "{} questions from {shown}, each a draft to review:",
        imported.questions.questions.len()
    )?;
    for (q, about) in imported.questions.questions.iter().zip(&imported.notes) {
        writeln!(
            out,
            "  {shown}:{}: {} ({}, {})",
            about.line,
            q.id,
            q.kind.key(),
            about.marks
        )?;
        for remark in &about.remarks {
            writeln!(out, "    review: {remark}")?;
        }
    }
    if imported.skipped.is_empty() {
        writeln!(out, "no lines skipped")?;
    } else {
        writeln!(
            out,
            "skipped {} {} that {} not notes:",
            imported.skipped.len(),
            if imported.skipped.len() == 1 {
                "line"
            } else {
                "lines"
            },
            if imported.skipped.len() == 1 {
                "is"
            } else {
                "are"
            },
        )?;
        for s in &imported.skipped {
            writeln!(
                out,
                "  {shown}:{}: {} ({})",
                s.line,
                s.text,
                s.reason.describe()
            )?;
        }
    }
    let notes = problems.iter().filter(|d| d.is_note()).count();
    let warnings = problems.iter().filter(|d| !d.is_note()).count();
    writeln!(
        out,
        "`examkit check {}` lists the {notes} drafts as notes{}",
        args.out.display(),
        if warnings > 0 {
            format!(" (and {warnings} warnings)")
        } else {
            String::new()
        }
    )?;
    Ok(())
}

/// A subject or topic key: lower-case letters, digits and hyphens.
fn is_key(key: &str) -> bool {
    !key.is_empty()
        && !key.starts_with('-')
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
