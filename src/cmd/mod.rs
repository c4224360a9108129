//! The subcommands: one small file each, parsing flags and calling the library.

pub mod check;
pub mod generate;
pub mod import;
pub mod import_notes;
pub mod list;
pub mod mark;
pub mod moderate;
pub mod practice;
pub mod schema;
pub mod serve;
pub mod shell;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Exit code for "ran fine, found problems" (e.g. `check` found errors).
pub const EXIT_PROBLEMS: u8 = 1;
/// Exit code for usage errors: bad flags, missing files, unreadable input.
pub const EXIT_USAGE: u8 = 2;

/// Assemble GCSE-style exam papers and mark typed answers.
#[derive(Debug, Parser)]
#[command(name = "examkit", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The bank a command reads, as every command that reads one takes it.
#[derive(Debug, clap::Args)]
pub struct BankArgs {
    /// Question-bank and mark-scheme folders or files (default: question-bank/ and
    /// mark-schemes/ here if there is a question-bank/, else the bank built into examkit).
    #[arg(long, value_name = "DIR", num_args = 1..)]
    pub bank: Vec<std::path::PathBuf>,
    /// Load and check the bank afresh, neither using nor filling the cache of checked banks
    /// (also: EXAMKIT_CACHE=off).
    #[arg(long)]
    pub no_cache: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check question banks, mark schemes and blueprints; report every problem.
    Check(check::Args),
    /// Print the JSON Schema of a file format, for editor validation.
    Schema(schema::Args),
    /// Generate a question paper, its mark scheme and a manifest as PDF/JSON.
    Generate(generate::Args),
    /// List what the bank holds: boards, topics, questions (ids, types, marks), blueprints.
    List(list::Args),
    /// Mark typed answers: one answer, one student's paper, or a class in batch.
    Mark(mark::Args),
    /// Revise in the terminal: answer questions and get marked at once.
    Practice(practice::Args),
    /// Compare examkit's marks with a teacher's on a set of marked answers.
    Moderate(moderate::Args),
    /// Bring in other material: revision notes as draft bank files, SemEval-2013 XML as
    /// moderation CSV.
    Import(import::Args),
    /// Serve the web app: students revise and self-mark, teachers make papers and mark.
    Serve(serve::Args),
    /// Print tab completion for a shell (bash, zsh, fish, elvish, powershell).
    Completions(shell::CompletionsArgs),
    /// Print examkit's manual page, or write one for each command into a folder.
    Man(shell::ManArgs),
}

/// Run the parsed command line. Errors carry context for the user; the caller prints them.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Schema(args) => schema::run(args),
        Command::Generate(args) => generate::run(args),
        Command::List(args) => list::run(args),
        Command::Mark(args) => mark::run(args),
        Command::Practice(args) => practice::run(args),
        Command::Moderate(args) => moderate::run(args),
        Command::Import(args) => import::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Completions(args) => shell::completions(args),
        Command::Man(args) => shell::man(args),
    }
}
