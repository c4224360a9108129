//! Moderation: mark a teacher's marked answers again with examkit and report how far the two
//! agree, and where they part.
//!
//! Schools moderate people the same way: a sample of scripts is marked twice and the marks
//! compared. Here the second marker is the engine, so a teacher can see, before trusting a
//! mark scheme, how often it agrees with them and which rule to change where it does not.
//! The report is also the test harness of a scheme author: write the scheme, moderate it
//! against a marked sample, read the disagreements, fix the rule.
//!
//! Stages: [`input`] parses the marked answers, [`moderate`] marks them and builds a
//! [`Report`] from pure [`stats`], [`render`] prints it. No file or terminal I/O here.

pub mod hints;
pub mod input;
pub mod render;
pub mod stats;

use crate::bank::Bank;
use crate::marking::{MarkError, MarkResult, Marker, Markers, PenaltyOutcome, PointOutcome};
use input::MarkedAnswer;
use rayon::prelude::*;
use serde::Serialize;
use stats::{Agreement, Confusion};
use std::collections::BTreeMap;

/// Why moderation could not run.
#[derive(Debug, thiserror::Error)]
pub enum ModerateError {
    /// A scheme does not compile.
    #[error(transparent)]
    Scheme(#[from] MarkError),
    /// A teacher's mark is above the scheme's maximum.
    #[error(
        "line {line}: mark {mark} for `{question}` is above the scheme's maximum of {max}; \
         check the mark, or the question id"
    )]
    MarkAboveMax {
        /// Line of the marked-answers file.
        line: u64,
        /// Question id.
        question: String,
        /// The teacher's mark.
        mark: u32,
        /// The scheme's maximum.
        max: u32,
    },
    /// None of the answers is for a question with a scheme.
    #[error(
        "none of the {answers} answers is for a question with a scheme (ids in the file: \
         {examples}); check --schemes and --id-col"
    )]
    NothingToModerate {
        /// Answers read.
        answers: usize,
        /// A few of the ids found.
        examples: String,
    },
}

/// One answer marked twice.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Moderated {
    /// Line of the marked-answers file.
    pub line: u64,
    /// Question id (scheme key).
    pub question: String,
    /// Topic of the scheme's file (for SemEval: the corpus).
    pub topic: String,
    /// The answer.
    pub answer: String,
    /// The teacher's mark.
    pub teacher: u32,
    /// examkit's mark, with its reasons.
    pub result: MarkResult,
}

impl Moderated {
    /// examkit's mark.
    pub fn examkit(&self) -> u32 {
        self.result.awarded
    }

    /// How far apart the marks are.
    pub fn gap(&self) -> u32 {
        self.teacher.abs_diff(self.result.awarded)
    }
}

/// The figures for a set of answers (everything, a topic, or one question).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// "overall", a topic, or a question id.
    pub name: String,
    /// Highest mark in the group.
    pub max: u32,
    /// The agreement figures.
    pub agreement: Agreement,
    /// Where examkit gave more than the teacher.
    pub examkit_higher: u64,
    /// Where examkit gave less than the teacher.
    pub examkit_lower: u64,
    /// Teacher's marks by row, examkit's by column.
    pub confusion: Confusion,
}

impl Group {
    fn new(name: String, confusion: Confusion) -> Group {
        let mut higher = 0;
        let mut lower = 0;
        for (t, row) in confusion.rows().iter().enumerate() {
            for (e, n) in row.iter().enumerate() {
                if e > t {
                    higher += n;
                } else if e < t {
                    lower += n;
                }
            }
        }
        Group {
            name,
            max: confusion.max(),
            agreement: confusion.agreement(),
            examkit_higher: higher,
            examkit_lower: lower,
            confusion,
        }
    }

    /// The kappa that suits the group: Cohen's for one-mark questions, quadratic weighted
    /// for multi-mark ones.
    pub fn kappa(&self) -> Option<f64> {
        if self.max <= 1 {
            self.agreement.kappa
        } else {
            self.agreement.quadratic_kappa
        }
    }
}

/// Answers left out because no scheme was loaded for their question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// Question id as written in the file.
    pub question: String,
    /// Answers to it.
    pub answers: u64,
}

/// A disagreement, with everything a teacher needs to decide which rule to change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    /// Line of the marked-answers file.
    pub line: u64,
    /// Question id.
    pub question: String,
    /// The answer.
    pub answer: String,
    /// The teacher's mark.
    pub teacher: u32,
    /// examkit's mark.
    pub examkit: u32,
    /// The scheme's maximum.
    pub max: u32,
    /// Every point: credited or not, by which words, and why.
    pub points: Vec<PointOutcome>,
    /// Deductions examkit applied.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub penalties: Vec<PenaltyOutcome>,
    /// examkit's other remarks.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// The whole moderation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Every answer moderated.
    pub overall: Group,
    /// By topic (the schemes' files), in name order.
    pub topics: Vec<Group>,
    /// By question, in id order.
    pub questions: Vec<Group>,
    /// Total disagreements (the list below may be cut short).
    pub disagreement_count: usize,
    /// Disagreements, worst first: largest gap, then the question with most disagreements,
    /// then file order.
    pub disagreements: Vec<Disagreement>,
    /// The disagreements summed up per question and rule: where to look first.
    pub hints: Vec<hints::QuestionHints>,
    /// Answers left out for want of a scheme.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<Skipped>,
}

impl Report {
    /// Keep only the `n` worst disagreements (all when `n` is 0).
    pub fn truncate_disagreements(&mut self, n: usize) {
        if n > 0 {
            self.disagreements.truncate(n);
        }
    }
}

/// Mark every answer whose question has a scheme in `bank`, and compare.
pub fn moderate(bank: &Bank, answers: &[MarkedAnswer]) -> Result<Report, ModerateError> {
    let markers = compile(bank, answers)?;
    let mut skipped: BTreeMap<&str, u64> = BTreeMap::new();
    let mut todo = Vec::new();
    for answer in answers {
        match markers.get(answer.question.as_str()) {
            Some((marker, topic)) => {
                let max = marker.scheme().max;
                if answer.mark > max {
                    return Err(ModerateError::MarkAboveMax {
                        line: answer.line,
                        question: answer.question.clone(),
                        mark: answer.mark,
                        max,
                    });
                }
                todo.push((answer, marker, topic.as_str()));
            }
            None => *skipped.entry(answer.question.as_str()).or_default() += 1,
        }
    }
    if todo.is_empty() {
        let mut ids: Vec<&str> = skipped.keys().copied().take(5).collect();
        if skipped.len() > 5 {
            ids.push("…");
        }
        return Err(ModerateError::NothingToModerate {
            answers: answers.len(),
            examples: ids.join(", "),
        });
    }
    let marked: Vec<Moderated> = todo
        .par_iter()
        .map(|(answer, marker, topic)| Moderated {
            line: answer.line,
            question: answer.question.clone(),
            topic: (*topic).to_string(),
            answer: answer.answer.clone(),
            teacher: answer.mark,
            result: marker.mark(&answer.answer),
        })
        .collect();
    let skipped = skipped
        .into_iter()
        .map(|(question, answers)| Skipped {
            question: question.to_string(),
            answers,
        })
        .collect();
    Ok(report(&marked, skipped))
}

/// The marker for every scheme an answer refers to, keyed by scheme key, with the scheme's
/// topic. They come from [`Markers::from_bank`], exactly as `examkit mark` builds them (the
/// whole bank's words known to be spelt right, multiple-choice options understood), so
/// moderation measures the marks students and teachers will actually get.
fn compile(
    bank: &Bank,
    answers: &[MarkedAnswer],
) -> Result<BTreeMap<String, (Marker, String)>, MarkError> {
    let wanted: std::collections::BTreeSet<&str> =
        answers.iter().map(|a| a.question.as_str()).collect();
    let all = Markers::from_bank(bank)?;
    let mut markers = BTreeMap::new();
    for bank_scheme in &bank.schemes {
        let key = bank_scheme.scheme.key();
        if !wanted.contains(key.as_str()) || markers.contains_key(key.as_str()) {
            continue;
        }
        if let Some(marker) = all.get(&key) {
            markers.insert(key, (marker.clone(), bank_scheme.topic.clone()));
        }
    }
    Ok(markers)
}

/// Build the report from answers marked twice.
pub fn report(marked: &[Moderated], skipped: Vec<Skipped>) -> Report {
    let mut overall = Confusion::new(0);
    let mut topics: BTreeMap<&str, Confusion> = BTreeMap::new();
    let mut questions: BTreeMap<&str, Confusion> = BTreeMap::new();
    for m in marked {
        let max = m.result.max;
        let mut one = Confusion::new(max);
        one.add(m.teacher, m.examkit());
        overall.merge(&one);
        topics
            .entry(m.topic.as_str())
            .or_insert_with(|| Confusion::new(max))
            .merge(&one);
        questions
            .entry(m.question.as_str())
            .or_insert_with(|| Confusion::new(max))
            .merge(&one);
    }
    let disagreements_per_question: BTreeMap<&str, u64> = questions
        .iter()
        .map(|(q, c)| {
            let agreeing: u64 = (0..=c.max()).map(|m| c.count(m, m)).sum();
            (*q, c.total() - agreeing)
        })
        .collect();
    let mut disagreeing: Vec<&Moderated> = marked.iter().filter(|m| m.gap() > 0).collect();
    disagreeing.sort_by(|a, b| {
        b.gap()
            .cmp(&a.gap())
            .then_with(|| {
                disagreements_per_question[b.question.as_str()]
                    .cmp(&disagreements_per_question[a.question.as_str()])
            })
            .then_with(|| a.question.cmp(&b.question))
            .then_with(|| a.line.cmp(&b.line))
    });
    let hints = hints::hints(&disagreeing);
    Report {
        overall: Group::new("overall".into(), overall),
        topics: topics
            .into_iter()
            .map(|(name, c)| Group::new(name.to_string(), c))
            .collect(),
        questions: questions
            .into_iter()
            .map(|(name, c)| Group::new(name.to_string(), c))
            .collect(),
        disagreement_count: disagreeing.len(),
        disagreements: disagreeing
            .into_iter()
            .map(|m| Disagreement {
                line: m.line,
                question: m.question.clone(),
                answer: m.answer.clone(),
                teacher: m.teacher,
                examkit: m.examkit(),
                max: m.result.max,
                points: m.result.points.clone(),
                penalties: m.result.penalties.clone(),
                notes: m.result.notes.clone(),
            })
            .collect(),
        hints,
        skipped,
    }
}
