//! `examkit list`: what a bank holds — boards, topics, questions (with ids, types and
//! marks) and blueprints — so a teacher can find the `--topic` or `--question` to ask for.

use super::mark::{load_bank, quiet_on_broken_pipe};
use crate::bank::{Bank, BankQuestion, bundled};
use crate::model::{Board, QuestionType};
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

/// What to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum What {
    /// The boards, with how many questions suit each.
    Boards,
    /// The topics, with their titles and how many questions each holds.
    Topics,
    /// The questions: id, boards, type, marks, topic.
    #[default]
    Questions,
    /// The blueprints built into examkit, for `generate --blueprint NAME`.
    Blueprints,
}

/// How to print the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for people.
    #[default]
    Text,
    /// A JSON array of objects, for programs.
    Json,
}

/// Flags for `examkit list`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to list.
    #[arg(value_enum, default_value_t = What::Questions)]
    pub what: What,
    /// Only questions (and topics with questions) for this board.
    #[arg(long, value_name = "B")]
    pub board: Option<Board>,
    /// Only questions on this topic (repeat for several).
    #[arg(long, value_name = "T")]
    pub topic: Vec<String>,
    /// Subject key.
    #[arg(long, default_value = "history")]
    pub subject: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Which bank.
    #[command(flatten)]
    pub bank: super::BankArgs,
}

/// One row of `examkit list boards`.
#[derive(Debug, Serialize)]
struct BoardRow {
    board: &'static str,
    name: &'static str,
    questions: usize,
}

/// One row of `examkit list topics`.
#[derive(Debug, Serialize)]
struct TopicRow<'a> {
    subject: &'a str,
    topic: &'a str,
    title: &'a str,
    questions: usize,
}

/// One row of `examkit list questions`.
#[derive(Debug, Serialize)]
struct QuestionRow<'a> {
    id: &'a str,
    subject: &'a str,
    topic: &'a str,
    boards: Vec<&'static str>,
    #[serde(rename = "type")]
    kind: &'static str,
    marks: u32,
    spag: u32,
    parts: Vec<&'a str>,
    command: &'a str,
}

/// One row of `examkit list blueprints`.
#[derive(Debug, Serialize)]
struct BlueprintRow {
    name: &'static str,
    path: &'static str,
    board: Option<&'static str>,
    title: Option<String>,
}

/// Run `examkit list`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    quiet_on_broken_pipe(run_list(args))
}

fn run_list(args: Args) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    if args.what == What::Blueprints {
        let rows: Vec<BlueprintRow> = bundled::blueprints()
            .map(|b| {
                let parsed: Option<crate::model::Blueprint> = serde_yaml::from_str(b.text).ok();
                BlueprintRow {
                    name: b.name,
                    path: b.path,
                    board: parsed.as_ref().map(|p| p.board.key()),
                    title: parsed.map(|p| p.title),
                }
            })
            .collect();
        let table = rows
            .iter()
            .map(|r| {
                vec![
                    r.name.to_string(),
                    r.board.unwrap_or("?").to_string(),
                    r.title.clone().unwrap_or_default(),
                ]
            })
            .collect();
        return print(
            &mut out,
            args.format,
            &rows,
            ["name", "board", "title"],
            table,
        );
    }
    let bank = load_bank(&args.bank.bank, args.bank.no_cache)?;
    bank.check_topics(&args.subject, &args.topic)?;
    let questions: Vec<&BankQuestion> =
        bank.questions.iter().filter(|q| wanted(&args, q)).collect();
    match args.what {
        What::Boards => {
            let rows: Vec<BoardRow> = Board::ALL
                .iter()
                .map(|&b| BoardRow {
                    board: b.key(),
                    name: b.display_name(),
                    questions: questions
                        .iter()
                        .filter(|q| q.question.boards.contains(&b))
                        .count(),
                })
                .collect();
            let table = rows
                .iter()
                .map(|r| vec![r.board.into(), r.name.into(), r.questions.to_string()])
                .collect();
            print(
                &mut out,
                args.format,
                &rows,
                ["board", "name", "questions"],
                table,
            )
        }
        What::Topics => {
            let rows: Vec<TopicRow> = topic_rows(&bank, &args.subject, &questions);
            let table = rows
                .iter()
                .map(|r| vec![r.topic.into(), r.title.into(), r.questions.to_string()])
                .collect();
            print(
                &mut out,
                args.format,
                &rows,
                ["topic", "title", "questions"],
                table,
            )
        }
        What::Questions | What::Blueprints => {
            let rows: Vec<QuestionRow> = questions.iter().map(|q| question_row(q)).collect();
            let table = rows
                .iter()
                .map(|r| {
                    let marks = if r.spag > 0 {
                        format!("{}+{}", r.marks, r.spag)
                    } else {
                        r.marks.to_string()
                    };
                    vec![
                        r.id.into(),
                        r.kind.into(),
                        marks,
                        r.boards.join(","),
                        r.topic.into(),
                    ]
                })
                .collect();
            print(
                &mut out,
                args.format,
                &rows,
                ["id", "type", "marks", "boards", "topic"],
                table,
            )
        }
    }
}

fn wanted(args: &Args, q: &BankQuestion) -> bool {
    q.subject == args.subject
        && args.board.is_none_or(|b| q.question.boards.contains(&b))
        && (args.topic.is_empty() || args.topic.contains(&q.topic))
}

fn topic_rows<'a>(
    bank: &'a Bank,
    subject: &'a str,
    questions: &[&BankQuestion],
) -> Vec<TopicRow<'a>> {
    bank.topics(subject)
        .into_iter()
        .map(|t| TopicRow {
            subject: t.subject,
            topic: t.key,
            title: t.title,
            questions: questions.iter().filter(|q| q.topic == t.key).count(),
        })
        .filter(|r| r.questions > 0)
        .collect()
}

fn question_row<'a>(q: &'a BankQuestion) -> QuestionRow<'a> {
    let question = &q.question;
    QuestionRow {
        id: &question.id,
        subject: &q.subject,
        topic: &q.topic,
        boards: question.boards.iter().map(|b| b.key()).collect(),
        kind: QuestionType::key(question.kind),
        marks: question.marks,
        spag: question.spag,
        parts: question.parts.iter().map(|p| p.label.as_str()).collect(),
        command: &question.command,
    }
}

/// Print `rows` as JSON, or `table` as aligned columns under `headings`.
fn print<T: Serialize, const N: usize>(
    out: &mut impl Write,
    format: Format,
    rows: &[T],
    headings: [&str; N],
    table: Vec<Vec<String>>,
) -> anyhow::Result<ExitCode> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, rows)?;
            writeln!(out)?;
        }
        Format::Text => {
            let mut widths: Vec<usize> = headings.iter().map(|h| h.chars().count()).collect();
            for row in &table {
                for (w, cell) in widths.iter_mut().zip(row) {
                    *w = (*w).max(cell.chars().count());
                }
            }
            let line = |cells: Vec<&str>| {
                let mut text = String::new();
                for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
                    if i + 1 == cells.len() {
                        text.push_str(cell);
                    } else {
                        text.push_str(&format!("{cell:<w$}  "));
                    }
                }
                text
            };
            writeln!(out, "{}", line(headings.to_vec()))?;
            for row in &table {
                writeln!(out, "{}", line(row.iter().map(String::as_str).collect()))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
