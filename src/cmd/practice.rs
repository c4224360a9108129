//! `examkit practice`: a self-marking revision session in the terminal. Flags and files
//! here; the session itself is [`crate::practice`].

use super::mark::{load_bank, quiet_on_broken_pipe};
use crate::model::Board;
use crate::practice::{self, Filter, Practice, SessionWriter, Start};
use crate::report;
use anyhow::{Context, bail};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Flags for `examkit practice`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Every line you type is saved at once in the session file, so \
    quitting (Ctrl-C, closing the terminal) loses nothing: carry on with --resume FILE."
)]
pub struct Args {
    /// Only questions for this board (aqa, edexcel, cie).
    #[arg(long, value_name = "B")]
    pub board: Option<Board>,
    /// Only questions on this topic (its key, e.g. de-stalinisation, or words of its title).
    #[arg(long, value_name = "T")]
    pub topic: Option<String>,
    /// How many questions to ask.
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub count: usize,
    /// Seed for choosing questions: the same seed asks the same questions (default: from
    /// the clock, printed so the session can be repeated).
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// Session file to save answers in (default: examkit-practice-<seed>.jsonl here).
    #[arg(long, value_name = "FILE", conflicts_with = "resume")]
    pub session: Option<PathBuf>,
    /// Carry on a saved session.
    #[arg(long, value_name = "FILE")]
    pub resume: Option<PathBuf>,
    /// Question-bank and mark-scheme folders or files (default: question-bank/ and
    /// mark-schemes/ here if there is a question-bank/, else the bank built into examkit).
    #[arg(long, value_name = "DIR", num_args = 1..)]
    pub bank: Vec<PathBuf>,
    /// Load and check the bank afresh, neither using nor filling the cache of checked banks
    /// (also: EXAMKIT_CACHE=off).
    #[arg(long)]
    pub no_cache: bool,
}

/// Run `examkit practice`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    quiet_on_broken_pipe(run_practice(args))
}

fn run_practice(args: Args) -> anyhow::Result<ExitCode> {
    let bank = load_bank(&args.bank, args.no_cache)?;
    let mut out = anstream::stdout();
    let (mut session, path) = match &args.resume {
        Some(path) => {
            // Locked before it is read, so a second `--resume` is refused up front.
            let (saved, writer) = practice::session::resume(path)?;
            if saved.start.bank_version != bank.version {
                eprintln!(
                    "warning: the bank has changed since this session began; answers are \
                     marked against the current schemes"
                );
            }
            if let Some(dropped) = &saved.dropped {
                eprintln!(
                    "note: the end of {} was cut off when the session stopped ({dropped}); \
                     that was dropped and everything before it is kept",
                    path.display()
                );
            } else if saved.torn {
                eprintln!("note: a line typed before the session stopped was cut off");
            }
            let done = saved.answers.len();
            let total = saved.start.items.len();
            let session = Practice::resume(&bank, saved, writer)?;
            writeln!(
                out,
                "Resuming {}: {done} of {total} answered.",
                path.display()
            )?;
            (session, path.clone())
        }
        None => {
            if args.count == 0 {
                bail!("--count must be at least 1");
            }
            let seed = args.seed.unwrap_or_else(clock_seed);
            let filter = Filter {
                board: args.board,
                topics: args.topic.iter().cloned().collect(),
                kind: None,
            };
            let items = practice::pick(&bank, &filter, args.count, seed);
            if items.is_empty() {
                // A topic matching nothing is most likely misspelt: say so, with the nearest.
                if let Some(topic) = &args.topic
                    && let Some(subject) = bank.questions.first().map(|q| q.subject.clone())
                {
                    bank.check_topics(&subject, std::slice::from_ref(topic))?;
                }
                bail!(
                    "no markable questions match{}{}: try another --board or --topic",
                    args.board.map_or(String::new(), |b| format!(" board {b}")),
                    args.topic
                        .as_deref()
                        .map_or(String::new(), |t| format!(" topic `{t}`"))
                );
            }
            let path = args
                .session
                .clone()
                .unwrap_or_else(|| PathBuf::from(format!("examkit-practice-{seed}.jsonl")));
            let writer = SessionWriter::create(&path).with_context(|| {
                format!(
                    "cannot start the session file (to carry on a session, use --resume {})",
                    path.display()
                )
            })?;
            let start = Start {
                version: practice::session::VERSION,
                seed,
                board: args.board.map(|b| b.key().to_string()),
                topic: args.topic.clone(),
                bank_version: bank.version.clone(),
                items,
            };
            let session = Practice::new(&bank, start, writer)?;
            writeln!(
                out,
                "Practice session (seed {seed}), saved as you type in {}.",
                path.display()
            )?;
            (session, path)
        }
    };
    let saved_at = path.display().to_string();
    // Everything typed is already on disk; Ctrl-C only needs to say how to carry on.
    let _ = ctrlc::set_handler(move || {
        eprintln!(
            "\nStopped. Nothing is lost: carry on with `examkit practice --resume {saved_at}`."
        );
        std::process::exit(130);
    });
    let mut input = std::io::stdin().lock();
    session.run(&mut input, &mut out)?;
    writeln!(out)?;
    report::text::write_revision(&mut out, &practice::revision(&bank, session.answers()))?;
    if !session.is_complete() {
        writeln!(
            out,
            "Unanswered questions remain: carry on with `examkit practice --resume {}`.",
            path.display()
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn clock_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() % 1_000_000)
}
