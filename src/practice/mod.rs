//! Practice: a question at a time, the answer marked at once with its reasons and the model
//! answer, and a summary of what to revise.
//!
//! This is the one practice core of the terminal's `examkit practice` and the web app's
//! student pages: both choose questions with [`pick`]/[`next_item`], look them up with
//! [`Item`], record a marked answer with [`record`] and summarise with [`revision`] and
//! [`due_again`]. The terminal keeps its answers in a session file ([`session`]), the web in
//! its database; the records are the same.
//!
//! The session reads lines from any `BufRead` and writes to any `Write`, so it runs the same
//! on a terminal and with piped input (which is how it is tested). Every typed line is saved
//! before the next is read ([`session`]), which is what makes quitting at any moment safe.

pub mod item;
pub mod pick;
pub mod session;
pub mod summary;

pub use item::{Item, ItemError};
pub use pick::{Filter, ItemRef, next_item, pick};
pub use session::{AnswerRecord, Record, Saved, SessionError, SessionWriter, Start};
pub use summary::{DueItem, Revision, TopicScore, due_again, revision};

use crate::bank::{Bank, BankQuestion};
use crate::marking::{MarkError, MarkResult, Markers};
use crate::report::{self, AnswerHeading};
use owo_colors::OwoColorize;
use std::io::{BufRead, Write};

/// What the student is told about finishing an answer.
pub const HOW_TO_FINISH: &str = "Type your answer. Finish it with a line containing only `.` \
    (or two empty lines); Ctrl-D finishes the session.";

/// Why a session stopped early.
#[derive(Debug, thiserror::Error)]
pub enum PracticeError {
    /// The session file could not be written or read.
    #[error(transparent)]
    Session(#[from] SessionError),
    /// The terminal could not be read or written.
    #[error("terminal: {0}")]
    Io(#[from] std::io::Error),
    /// A resumed session names a question the bank no longer has.
    #[error(
        "the session asks for `{0}`, which is no longer in the bank or has no mark scheme; \
         start a new session"
    )]
    Missing(String),
    /// A scheme did not compile.
    #[error(transparent)]
    Mark(#[from] MarkError),
}

/// A practice session in progress.
pub struct Practice<'b> {
    bank: &'b Bank,
    markers: Markers,
    start: Start,
    answers: Vec<AnswerRecord>,
    pending: Vec<(usize, String)>,
    writer: SessionWriter,
}

/// How reading an answer ended.
enum Typed {
    /// The student finished the answer.
    Answer(String),
    /// Input ended with this much typed (Ctrl-D or the end of piped input).
    End(String),
}

impl<'b> Practice<'b> {
    /// Start a new session, writing its start record.
    pub fn new(
        bank: &'b Bank,
        start: Start,
        mut writer: SessionWriter,
    ) -> Result<Practice<'b>, PracticeError> {
        check_items(bank, &start.items)?;
        let markers = Markers::from_bank(bank)?;
        writer.write(&Record::Start(start.clone()))?;
        Ok(Practice {
            bank,
            markers,
            start,
            answers: Vec::new(),
            pending: Vec::new(),
            writer,
        })
    }

    /// Carry on a saved session.
    pub fn resume(
        bank: &'b Bank,
        saved: Saved,
        writer: SessionWriter,
    ) -> Result<Practice<'b>, PracticeError> {
        check_items(bank, &saved.start.items)?;
        Ok(Practice {
            bank,
            markers: Markers::from_bank(bank)?,
            start: saved.start,
            answers: saved.answers,
            pending: saved.pending,
            writer,
        })
    }

    /// The answers marked so far.
    pub fn answers(&self) -> &[AnswerRecord] {
        &self.answers
    }

    /// Whether every item has been answered.
    pub fn is_complete(&self) -> bool {
        (0..self.start.items.len()).all(|i| self.answers.iter().any(|a| a.item == i))
    }

    /// Ask every unanswered item in turn, until all are answered or input ends.
    pub fn run(
        &mut self,
        input: &mut dyn BufRead,
        out: &mut dyn Write,
    ) -> Result<(), PracticeError> {
        let total = self.start.items.len();
        for index in 0..total {
            if self.answers.iter().any(|a| a.item == index) {
                continue;
            }
            let item = self.start.items[index].clone();
            let found = self
                .bank
                .question(&item.question)
                .ok_or_else(|| PracticeError::Missing(item.key()))?;
            write_question(out, found, item.part.as_deref(), index, total)?;
            writeln!(out, "{}", HOW_TO_FINISH.dimmed())?;
            let restored: Vec<String> = self
                .pending
                .iter()
                .filter(|(i, _)| *i == index)
                .map(|(_, t)| t.clone())
                .collect();
            if !restored.is_empty() {
                writeln!(out, "{}", "Restored what you had typed:".yellow())?;
                for line in &restored {
                    writeln!(out, "> {line}")?;
                }
            }
            out.flush()?;
            let typed = self.read_answer(input, index, restored)?;
            let (text, ended) = match typed {
                Typed::Answer(text) => (text, false),
                Typed::End(text) if text.trim().is_empty() => break,
                Typed::End(text) => (text, true),
            };
            self.mark(out, found, &item, index, text)?;
            if ended {
                break;
            }
        }
        Ok(())
    }

    /// Read lines until the answer is finished, saving each line as it comes.
    fn read_answer(
        &mut self,
        input: &mut dyn BufRead,
        index: usize,
        mut lines: Vec<String>,
    ) -> Result<Typed, PracticeError> {
        let mut buf = String::new();
        loop {
            buf.clear();
            if input.read_line(&mut buf)? == 0 {
                return Ok(Typed::End(join(&lines)));
            }
            let line = buf.trim_end_matches(['\n', '\r']).to_string();
            if line.trim() == "." {
                return Ok(Typed::Answer(join(&lines)));
            }
            self.writer.write(&Record::Line {
                item: index,
                text: line.clone(),
            })?;
            let blank = line.trim().is_empty();
            let after_blank = lines.last().is_some_and(|l| l.trim().is_empty());
            lines.push(line);
            if blank && after_blank {
                return Ok(Typed::Answer(join(&lines)));
            }
        }
    }

    fn mark(
        &mut self,
        out: &mut dyn Write,
        found: &BankQuestion,
        item: &ItemRef,
        index: usize,
        text: String,
    ) -> Result<(), PracticeError> {
        let key = item.key();
        let marker = self
            .markers
            .get(&key)
            .ok_or_else(|| PracticeError::Missing(key.clone()))?;
        let result = marker.mark(&text);
        let record = record(index, &key, &found.topic, text, &result);
        self.writer.write(&Record::Answer(record.clone()))?;
        self.answers.push(record);
        self.pending.retain(|(i, _)| *i != index);
        writeln!(out)?;
        let heading = AnswerHeading {
            question: item.question.clone(),
            part: item.part.clone(),
            topic: found.topic.clone(),
            text: String::new(),
        };
        report::text::write_answer(out, &heading, &result)?;
        writeln!(out)?;
        Ok(())
    }
}

/// The record of one marked answer: its mark and the points it did not earn.
pub fn record(
    item: usize,
    key: &str,
    topic: &str,
    answer: String,
    result: &MarkResult,
) -> AnswerRecord {
    AnswerRecord {
        item,
        key: key.to_string(),
        topic: topic.to_string(),
        answer,
        awarded: result.awarded,
        max: result.max,
        missed: result
            .points
            .iter()
            .filter(|p| p.status.is_unmade())
            .map(|p| p.label.clone())
            .collect(),
    }
}

fn join(lines: &[String]) -> String {
    lines.join("\n").trim().to_string()
}

fn check_items(bank: &Bank, items: &[ItemRef]) -> Result<(), PracticeError> {
    for item in items {
        if bank.question(&item.question).is_none() || bank.scheme(&item.key()).is_none() {
            return Err(PracticeError::Missing(item.key()));
        }
    }
    Ok(())
}

/// Show a question as the student would read it on paper: heading, sources, text, options.
fn write_question(
    out: &mut dyn Write,
    found: &BankQuestion,
    part: Option<&str>,
    index: usize,
    total: usize,
) -> std::io::Result<()> {
    let q = &found.question;
    let part = part.and_then(|label| q.part(label));
    let marks = part.map_or(q.marks, |p| p.marks);
    writeln!(out)?;
    writeln!(
        out,
        "{} {}",
        format!("Question {} of {total}", index + 1).bold(),
        format!(
            "— {} · {marks} mark{}",
            found.topic_title,
            if marks == 1 { "" } else { "s" }
        )
        .dimmed()
    )?;
    for source in q.sources.iter().chain(part.iter().flat_map(|p| &p.sources)) {
        writeln!(
            out,
            "  {} {}",
            source.label.bold(),
            source.provenance.dimmed()
        )?;
        report::text::write_wrapped(out, &source.text, "  | ")?;
    }
    report::text::write_wrapped(out, &q.text, "")?;
    if let Some(p) = part {
        report::text::write_wrapped(out, &format!("({}) {}", p.label, p.text), "")?;
    }
    let options = part.map_or(&q.options, |p| &p.options);
    for option in options {
        writeln!(out, "  {} {}", option.label.bold(), option.text)?;
    }
    Ok(())
}
