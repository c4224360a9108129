//! `examkit mark`: one answer, one student's paper, or a class in batch.
//!
//! This file only reads flags and files and picks a printer; marking is
//! [`crate::marking`], paper scoring and batch streaming are [`crate::batch`], and the
//! printers are [`crate::report`].

use crate::bank::source::BankSource;
use crate::bank::{self, Bank, BankQuestion, cache::Cache};
use crate::batch::{self, InputFormat, PaperMarker, RowReader, SheetFormat, SheetWriter};
use crate::marking::Markers;
use crate::model::Manifest;
use crate::prose::{Names, SchemeProse};
use crate::report::{self, AnswerHeading};
use anyhow::{Context, bail};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// How marks are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// For people: coloured on a terminal, plain otherwise (and with NO_COLOR set).
    #[default]
    Text,
    /// For programs: the stable shape described in docs/mark-json.md.
    Json,
    /// For spreadsheets.
    Csv,
}

/// The file format of a batch of answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BatchFormat {
    /// Comma-separated values with a header row.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

/// Flags for `examkit mark`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    examkit mark --question de-stalinisation-recall-what --answer \"Reforms after Stalin died...\"\n  \
    examkit mark --paper out/aqa.manifest.json --answers sam.yaml\n  \
    examkit mark --paper out/aqa.manifest.json --batch class.csv --out marks.csv")]
pub struct Args {
    /// Question id to mark one answer against (or `id/part`).
    #[arg(long, value_name = "ID", conflicts_with = "paper")]
    pub question: Option<String>,
    /// Part label, for a question with parts (e.g. `a`).
    #[arg(long, value_name = "P", requires = "question")]
    pub part: Option<String>,
    /// The answer's text.
    #[arg(long, value_name = "TEXT", conflicts_with = "answer_file")]
    pub answer: Option<String>,
    /// File holding the answer (`-` for standard input).
    #[arg(long, value_name = "FILE")]
    pub answer_file: Option<PathBuf>,
    /// The manifest written beside a generated paper.
    #[arg(long, value_name = "MANIFEST")]
    pub paper: Option<PathBuf>,
    /// One student's answers to the paper: a YAML or JSON map from question number (or
    /// question id) to answer text.
    #[arg(
        long,
        value_name = "FILE",
        requires = "paper",
        conflicts_with = "batch"
    )]
    pub answers: Option<PathBuf>,
    /// A class's answers to the paper, CSV or JSON lines: one row per student and question
    /// (`student,question,answer`) or one row per student with a column per question.
    #[arg(long, value_name = "FILE", requires = "paper")]
    pub batch: Option<PathBuf>,
    /// Format of the batch file, when its extension does not say.
    #[arg(long, value_name = "FORMAT", requires = "batch")]
    pub input_format: Option<BatchFormat>,
    /// Where to write the batch mark sheet (CSV); standard output when absent.
    #[arg(long, value_name = "FILE", requires = "batch")]
    pub out: Option<PathBuf>,
    /// Also write the class summary here (`.json` for JSON, otherwise CSV).
    #[arg(long, value_name = "FILE", requires = "batch")]
    pub summary: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Question-bank and mark-scheme folders or files (default: question-bank/ and
    /// mark-schemes/ here if there is a question-bank/, else the bank built into examkit).
    #[arg(long, value_name = "DIR", num_args = 1..)]
    pub bank: Vec<PathBuf>,
    /// Load and check the bank afresh, neither using nor filling the cache of checked banks
    /// (also: EXAMKIT_CACHE=off).
    #[arg(long)]
    pub no_cache: bool,
}

/// Run `examkit mark`. A closed output pipe (`examkit mark ... | head`) ends quietly.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    quiet_on_broken_pipe(run_mark(args))
}

/// Treat "the reader went away" as a normal end, as command-line tools do.
pub fn quiet_on_broken_pipe(result: anyhow::Result<ExitCode>) -> anyhow::Result<ExitCode> {
    match result {
        Err(err)
            if err.chain().any(|cause| {
                cause
                    .downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            Ok(ExitCode::SUCCESS)
        }
        other => other,
    }
}

fn run_mark(args: Args) -> anyhow::Result<ExitCode> {
    if let Some(question) = &args.question {
        let answer = read_answer(&args)?;
        let bank = load_bank(&args.bank, args.no_cache)?;
        mark_one(&bank, question, args.part.as_deref(), &answer, args.format)?;
        return Ok(ExitCode::SUCCESS);
    }
    let Some(manifest_path) = &args.paper else {
        bail!(
            "nothing to mark: give --question ID with --answer, or --paper MANIFEST with \
             --answers FILE or --batch FILE"
        );
    };
    if args.answers.is_none() && args.batch.is_none() {
        bail!("--paper needs --answers FILE (one student) or --batch FILE (a class)");
    }
    let manifest = read_manifest(manifest_path)?;
    crate::paperset::verify_beside(manifest_path, &manifest)?;
    let bank = load_bank(&args.bank, args.no_cache)?;
    if manifest.bank_version != bank.version {
        eprintln!(
            "warning: {} was made from bank version {}, but the bank is now version {}: \
             questions or schemes may have changed since the paper was printed",
            manifest_path.display(),
            manifest.bank_version,
            bank.version
        );
    }
    let markers = compile(&bank)?;
    let paper = PaperMarker::new(manifest, &bank, &markers)
        .with_context(|| format!("cannot mark {}", manifest_path.display()))?;
    if let Some(answers) = &args.answers {
        mark_student(&paper, answers, args.format)?;
    } else if let Some(batch) = &args.batch {
        mark_batch(&paper, batch, &args)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Load and check the bank (from the cache of checked banks unless `no_cache`), refusing a
/// bank with errors (every one listed), since marks from a broken scheme would mislead.
pub fn load_bank(paths: &[PathBuf], no_cache: bool) -> anyhow::Result<Bank> {
    let cache = if no_cache { None } else { Cache::from_env() };
    let source = BankSource::choose(paths);
    let bank = source.load_checked(cache.as_ref()).map_err(|broken| {
        anyhow::anyhow!("{broken}fix them before marking (`examkit check` checks again)")
    })?;
    if bank.questions.is_empty() {
        bail!("no questions found in {source}: pass the bank's folders with --bank DIR");
    }
    Ok(bank)
}

/// Compile every scheme of the bank once (the bank's words make spelling tolerance safer).
pub fn compile(bank: &Bank) -> anyhow::Result<Markers> {
    Markers::from_bank(bank).context("cannot compile the mark schemes")
}

fn read_answer(args: &Args) -> anyhow::Result<String> {
    match (&args.answer, &args.answer_file) {
        (Some(text), _) => Ok(text.clone()),
        (None, Some(path)) => read_text(path),
        (None, None) => bail!("give the answer with --answer \"...\" or --answer-file FILE"),
    }
}

/// Read a text file (`-` for standard input), insisting on UTF-8.
pub fn read_text(path: &Path) -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("cannot read the answer from standard input")?;
    } else {
        bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    }
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{}: not UTF-8 text (invalid byte at offset {}): save it as UTF-8 plain text",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

/// The question `id` names, or an error suggesting the nearest ids.
pub fn find_question<'b>(bank: &'b Bank, id: &str) -> anyhow::Result<&'b BankQuestion> {
    if let Some(q) = bank.question(id) {
        return Ok(q);
    }
    let mut near: Vec<(f64, &str)> = bank
        .questions
        .iter()
        .map(|q| {
            let qid = q.question.id.as_str();
            (strsim::jaro_winkler(id, qid), qid)
        })
        .filter(|(score, _)| *score > 0.85)
        .collect();
    near.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    let near: Vec<&str> = near.into_iter().take(3).map(|(_, id)| id).collect();
    if near.is_empty() {
        bail!("no question `{id}` in the bank (`examkit check` lists what loaded)");
    }
    bail!(
        "no question `{id}` in the bank; did you mean {}?",
        near.iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(" or ")
    )
}

fn mark_one(
    bank: &Bank,
    question: &str,
    part: Option<&str>,
    answer: &str,
    format: Format,
) -> anyhow::Result<()> {
    let (id, part) = match (question.split_once('/'), part) {
        (Some((id, p)), None) => (id, Some(p)),
        _ => (question, part),
    };
    let found = find_question(bank, id)?;
    let q = &found.question;
    let text = match part {
        Some(label) => match q.part(label) {
            Some(p) => p.text.clone(),
            None => bail!(
                "question `{id}` has no part `{label}`; its parts are {}",
                part_labels(q)
            ),
        },
        None if q.has_parts() => bail!(
            "question `{id}` has parts {}: choose one with --part",
            part_labels(q)
        ),
        None => q.text.clone(),
    };
    let key = match part {
        Some(p) => format!("{id}/{p}"),
        None => id.to_string(),
    };
    let markers = compile(bank)?;
    let Some(marker) = markers.get(&key) else {
        bail!("question `{key}` has no mark scheme in the bank, so it cannot be marked");
    };
    let result = marker.mark(answer);
    let heading = AnswerHeading {
        question: id.to_string(),
        part: part.map(str::to_string),
        topic: found.topic.clone(),
        text,
    };
    let mut out = anstream::stdout();
    match format {
        Format::Text => {
            let prose = scheme_prose(bank, &found.subject, &key);
            report::text::write_answer_with_scheme(&mut out, &heading, &result, prose.as_ref())?
        }
        Format::Json => report::json::write_answer(&mut out, &heading, &result)?,
        Format::Csv => report::csv::write_answer(&mut out, &result)?,
    }
    out.flush()?;
    Ok(())
}

/// The scheme filed under `key` in words, its groups named from the subject's lists.
fn scheme_prose(bank: &Bank, subject: &str, key: &str) -> Option<SchemeProse> {
    let scheme = bank.scheme(key)?;
    let names = bank
        .synonyms_for(subject)
        .map(|f| Names::new(&f.groups))
        .unwrap_or_default();
    Some(SchemeProse::new(&scheme.scheme, &names, None))
}

fn part_labels(q: &crate::model::Question) -> String {
    q.parts
        .iter()
        .map(|p| p.label.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Read a manifest, with line and column for a JSON error.
pub fn read_manifest(path: &Path) -> anyhow::Result<Manifest> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the manifest {}", path.display()))?;
    let manifest: Manifest = serde_json::from_str(&text).map_err(|e| {
        anyhow::anyhow!(
            "{}:{}:{}: not a paper manifest: {e}; use the .manifest.json file that \
             `examkit generate` wrote beside the paper",
            path.display(),
            e.line(),
            e.column()
        )
    })?;
    manifest.check().map_err(|e| {
        anyhow::anyhow!(
            "{}: a damaged manifest: {e}; use the .manifest.json file that `examkit generate` \
             wrote beside the paper",
            path.display()
        )
    })?;
    Ok(manifest)
}

/// Read one student's answers: a YAML or JSON map from key to text, in file order.
fn read_answers(path: &Path) -> anyhow::Result<Vec<(String, String)>> {
    let text = read_text(path)?;
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let value: serde_yaml::Value = if is_json {
        serde_json::from_str(&text).map_err(|e| {
            anyhow::anyhow!(
                "{}:{}:{}: bad JSON: {e}",
                path.display(),
                e.line(),
                e.column()
            )
        })?
    } else {
        serde_yaml::from_str(&text).map_err(|e| {
            let d = bank::load::yaml_error(path, &e);
            anyhow::anyhow!("{}:{}:{}: bad YAML: {e}", path.display(), d.line, d.column)
        })?
    };
    let serde_yaml::Value::Mapping(map) = value else {
        bail!(
            "{}: expected a map from question number to answer, e.g. `\"01\": \"Khrushchev...\"`",
            path.display()
        );
    };
    map.into_iter()
        .map(|(k, v)| {
            let key = yaml_scalar(&k)
                .with_context(|| format!("{}: a key is not a question number", path.display()))?;
            let text = yaml_scalar(&v)
                .with_context(|| format!("{}: the answer to {key} is not text", path.display()))?;
            Ok((key, text))
        })
        .collect()
}

fn yaml_scalar(value: &serde_yaml::Value) -> anyhow::Result<String> {
    use serde_yaml::Value;
    match value {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        Value::Bool(b) => Ok(b.to_string()),
        Value::Null => Ok(String::new()),
        _ => bail!("expected text, found a list or map"),
    }
}

fn mark_student(paper: &PaperMarker, answers_path: &Path, format: Format) -> anyhow::Result<()> {
    let answers = read_answers(answers_path)?;
    let mut resolved = Vec::with_capacity(answers.len());
    for (key, text) in answers {
        let Some(index) = paper.resolve(&key) else {
            bail!(
                "{}: `{key}` is not a question on paper {}; expected one of {}",
                answers_path.display(),
                paper.manifest.paper_id,
                paper.numbers().join(", ")
            );
        };
        if resolved.iter().any(|(i, _)| *i == index) {
            bail!(
                "{}: question {} is answered twice (as `{key}` and another key)",
                answers_path.display(),
                paper.items[index].item.number
            );
        }
        resolved.push((index, text));
    }
    let marks = paper.mark_paper(&resolved);
    let m = &paper.manifest;
    let mut out = anstream::stdout();
    match format {
        Format::Text => {
            let title = format!("{} ({}) — {}", m.title, m.code, m.paper_id);
            report::text::write_paper(&mut out, &title, &marks)?;
        }
        Format::Json => {
            let report = report::json::paper_report(&m.paper_id, &m.title, &m.code, &marks);
            report::json::write(&mut out, &report)?;
        }
        Format::Csv => report::csv::write_paper(&mut out, &marks)?,
    }
    out.flush()?;
    Ok(())
}

fn mark_batch(paper: &PaperMarker, input: &Path, args: &Args) -> anyhow::Result<()> {
    let format = match args.input_format {
        Some(BatchFormat::Csv) => InputFormat::Csv,
        Some(BatchFormat::Jsonl) => InputFormat::Jsonl,
        None => InputFormat::from_path(input).with_context(|| {
            format!(
                "{}: cannot tell the format from the extension; use .csv or .jsonl, or \
                 --input-format csv|jsonl",
                input.display()
            )
        })?,
    };
    let mut reader = RowReader::open(input, format)?;
    let size = std::fs::metadata(input).map(|m| m.len()).unwrap_or(0);
    let bar = progress_bar(size);
    let paper_id = &paper.manifest.paper_id;
    let is_json = |p: &Path| {
        p.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    };
    let summary = match &args.out {
        Some(out_path) => {
            let format = if is_json(out_path) {
                SheetFormat::Json
            } else {
                SheetFormat::Csv
            };
            let summary = write_atomically(out_path, |file| {
                let out = std::io::BufWriter::new(file);
                let sheet = SheetWriter::with_format(out, paper, format);
                let (summary, out) =
                    mark_to_sheet(paper, &mut reader, sheet, &bar).map_err(|e| {
                        if e.is::<batch::InputError>() {
                            e
                        } else {
                            e.context(format!("cannot write {}", out_path.display()))
                        }
                    })?;
                out.into_inner()
                    .map_err(|e| e.into_error())
                    .with_context(|| format!("cannot write {}", out_path.display()))?;
                Ok(summary)
            })?;
            bar.finish_and_clear();
            eprintln!("wrote {}", out_path.display());
            summary
        }
        None => {
            // Standard output carries one document: the JSON sheet (with the summary in it)
            // for `--format json`, otherwise the CSV sheet, with the summary for people on
            // standard error.
            let format = if args.format == Format::Json {
                SheetFormat::Json
            } else {
                SheetFormat::Csv
            };
            let stdout = std::io::BufWriter::new(std::io::stdout().lock());
            let sheet = SheetWriter::with_format(stdout, paper, format);
            let (summary, mut out) = mark_to_sheet(paper, &mut reader, sheet, &bar)?;
            out.flush()?;
            bar.finish_and_clear();
            summary
        }
    };
    if let Some(path) = &args.summary {
        let json = is_json(path);
        write_atomically(path, |file| {
            let mut w = std::io::BufWriter::new(file);
            if json {
                report::json::write_summary(&mut w, paper_id, &summary)?;
            } else {
                report::csv::write_summary(&mut w, &summary)?;
            }
            w.flush()?;
            Ok(())
        })?;
        eprintln!("wrote {}", path.display());
    }
    let mut out: Box<dyn Write> = match (&args.out, args.format) {
        (Some(_), _) => Box::new(anstream::stdout()),
        // Already in the JSON document on standard output.
        (None, Format::Json) => return Ok(()),
        (None, _) => Box::new(anstream::stderr()),
    };
    match args.format {
        Format::Text => report::text::write_summary(&mut out, &summary)?,
        Format::Json => report::json::write_summary(&mut out, paper_id, &summary)?,
        Format::Csv => report::csv::write_summary(&mut out, &summary)?,
    }
    out.flush()?;
    Ok(())
}

/// Mark the class into `sheet` (a JSON sheet ends with the class summary), handing back the
/// summary and the writer. Errors in the input keep their file and line; errors writing
/// the sheet are left for the caller to name the file.
fn mark_to_sheet<W: Write>(
    paper: &PaperMarker,
    reader: &mut RowReader,
    sheet: std::io::Result<SheetWriter<W>>,
    bar: &indicatif::ProgressBar,
) -> anyhow::Result<(batch::ClassSummary, W)> {
    let mut sheet = sheet?;
    let summary = batch::mark_class(paper, reader, &mut sheet, |b| bar.set_position(b)).map_err(
        |e| match e {
            batch::BatchError::Input(e) => anyhow::Error::new(e),
            batch::BatchError::Output(e) => anyhow::Error::new(e),
        },
    )?;
    let report = report::json::ClassReport {
        version: report::json::VERSION,
        kind: "class-summary",
        paper_id: &paper.manifest.paper_id,
        summary: &summary,
    };
    let out = sheet.finish_with(Some(&report))?;
    Ok((summary, out))
}

/// A progress bar over the input's bytes, drawn only when stderr is a terminal.
fn progress_bar(len: u64) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() || len == 0 {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "marking {wide_bar} {bytes}/{total_bytes} ({eta} left)",
    ) {
        bar.set_style(style);
    }
    bar
}

/// Write `path` through a temporary file in the same folder, renamed into place only when
/// `write` succeeds, so a failed run never leaves a half-written file. Unlike
/// [`crate::files::write_atomic`] this streams: the mark sheet of a million answers is never
/// held in memory.
pub fn write_atomically<T>(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    // The temporary file is ours, not the user's: errors name the file they asked for.
    let failed = |e: std::io::Error| {
        anyhow::anyhow!("cannot write {}: {}", path.display(), without_temp_path(&e))
    };
    let mut temp = crate::files::temp_in(dir).map_err(failed)?;
    let value = write(temp.as_file_mut())?;
    temp.as_file().sync_all().map_err(failed)?;
    // Temporary files are private (0600); a mark sheet is for colleagues and spreadsheets.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        temp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(failed)?;
    }
    temp.persist(path).map_err(|e| failed(e.error))?;
    Ok(value)
}

/// An I/O error's message without the temporary file's path that `tempfile` appends to it
/// (`… at path "/dir/.tmpXYZ"`, with no way to reach the bare error), which would send a
/// teacher looking for a file that never existed for them.
fn without_temp_path(error: &std::io::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at path \"") {
        Some(at) => message[..at].to_string(),
        None => message,
    }
}
