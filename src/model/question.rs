//! Question bank files: `question-bank/<subject>/<topic>.yaml`.
//!
//! Subject and topic are written once at the top of a file and belong to every question in
//! it, so a topic file cannot disagree with itself.

use super::board::Board;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One topic file of the question bank.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionFile {
    /// Subject key, e.g. `history`. Matches the folder name.
    pub subject: String,
    /// Topic key, e.g. `de-stalinisation`. Matches the file name.
    pub topic: String,
    /// The topic's name as a teacher would write it, e.g. "De-Stalinisation, 1956–1964".
    pub title: String,
    /// The questions on this topic.
    pub questions: Vec<Question>,
}

/// One question as it appears in the bank.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable identifier, unique across the whole bank, e.g. `destal-reasons-explain`.
    /// Mark schemes, manifests and answers refer to the question by it, so never reuse one.
    pub id: String,
    /// Boards whose papers this question suits.
    pub boards: Vec<Board>,
    /// What kind of question this is; blueprints select on it.
    #[serde(rename = "type")]
    pub kind: QuestionType,
    /// Total marks for content. For a question with parts, the sum of the parts' marks.
    pub marks: u32,
    /// Extra marks for spelling, punctuation and grammar, shown separately (AQA style).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub spag: u32,
    /// The command word the question turns on ("Describe", "Explain", "How far…"), so a
    /// student can see what is asked and a blueprint can ask for it.
    pub command: String,
    /// The question text (a stem, if the question has parts).
    pub text: String,
    /// Sources or interpretations the question refers to, printed in framed boxes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Parts (a), (b)… each with its own marks. Empty for a single-part question.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Part>,
    /// For "answer any N of the following parts" questions: how many parts to answer.
    /// `marks` is then what N parts are worth, not the sum of all parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer_parts: Option<u32>,
    /// Options for a multiple-choice question, in the order printed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ChoiceOption>,
    /// How much room to leave for the answer; derived from the marks when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer_space: Option<AnswerSpace>,
    /// Difficulty from 1 (easiest) to 5 (hardest).
    #[serde(default = "default_difficulty")]
    #[schemars(range(min = 1, max = 5))]
    pub difficulty: u8,
    /// Free tags: blueprints can require them (e.g. `consequences`, `utility`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Written by a program (`examkit import notes`) rather than a teacher, and not yet
    /// reviewed: `examkit check` lists each draft as a note so none goes to a class unread.
    /// Delete the line (or set it to `false`) once the question has been read.
    #[serde(default, skip_serializing_if = "is_false")]
    pub draft: bool,
}

fn is_false(b: &bool) -> bool {
    !b
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn default_difficulty() -> u8 {
    3
}

/// What kind of question this is. Boards differ in which kinds they set.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionType {
    /// Recall or short answer: name, give, state, identify.
    Recall,
    /// Describe: features or characteristics, no explanation required.
    Describe,
    /// Explain: reasons, causes, consequences, importance.
    Explain,
    /// Write an account / narrative account analysing a sequence of events.
    Account,
    /// Questions on a contemporary source: content, provenance, utility.
    Source,
    /// Questions on a later historian's interpretation.
    Interpretation,
    /// Judgement or essay: "How far do you agree?", "How significant…?".
    Judgement,
    /// Multiple choice: pick the right option.
    MultipleChoice,
    /// A structured question made of parts of different types (Cambridge style).
    Structured,
}

impl QuestionType {
    /// Every question type, in a fixed order.
    pub const ALL: [QuestionType; 9] = [
        QuestionType::Recall,
        QuestionType::Describe,
        QuestionType::Explain,
        QuestionType::Account,
        QuestionType::Source,
        QuestionType::Interpretation,
        QuestionType::Judgement,
        QuestionType::MultipleChoice,
        QuestionType::Structured,
    ];

    /// The key used in YAML and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            QuestionType::Recall => "recall",
            QuestionType::Describe => "describe",
            QuestionType::Explain => "explain",
            QuestionType::Account => "account",
            QuestionType::Source => "source",
            QuestionType::Interpretation => "interpretation",
            QuestionType::Judgement => "judgement",
            QuestionType::MultipleChoice => "multiple-choice",
            QuestionType::Structured => "structured",
        }
    }
}

/// One part of a question: (a), (b)… or (i), (ii)…
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// The label as printed without brackets: `a`, `b`, `i`.
    pub label: String,
    /// What kind of question this part is.
    #[serde(rename = "type")]
    pub kind: QuestionType,
    /// Marks for this part.
    pub marks: u32,
    /// The command word of this part.
    pub command: String,
    /// The part's text.
    pub text: String,
    /// Sources this part alone refers to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Options, if this part is multiple choice.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ChoiceOption>,
    /// How much room to leave; derived from the marks when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer_space: Option<AnswerSpace>,
}

/// Whether a boxed extract is a contemporary source or a later interpretation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// Made at the time (speech, cartoon description, letter, report).
    #[default]
    Source,
    /// A later view by a historian or commentator.
    Interpretation,
}

/// A source or interpretation, printed in a framed box.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Label as printed, e.g. "Source A" or "Interpretation 1".
    pub label: String,
    /// Source or interpretation.
    #[serde(default)]
    pub kind: SourceKind,
    /// The provenance line: who made it, when, why ("A speech by … in 1956").
    pub provenance: String,
    /// The text of the extract (or a description of a picture). Blank lines separate
    /// paragraphs.
    pub text: String,
}

/// One option of a multiple-choice question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    /// The letter printed beside it: `A`, `B`…
    pub label: String,
    /// The option's text.
    pub text: String,
}

/// Room left on the paper for an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerSpace {
    /// Number of ruled lines in all; derived from the marks when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<u32>,
    /// Headings that split the lines into equal sections, one per thing asked for
    /// ("Consequence 1", "Consequence 2"), so a candidate writes each in its own place and
    /// an examiner finds each at a glance, as boards print them for "Explain two…".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headings: Vec<String>,
}

impl Question {
    /// Sum of the marks of the parts answered (all parts unless `answer_parts` says fewer).
    pub fn total_marks(&self) -> u32 {
        self.marks
    }

    /// Whether the question is split into parts, each marked on its own.
    pub fn has_parts(&self) -> bool {
        !self.parts.is_empty()
    }

    /// Whether the question or any of its parts prints a source or interpretation.
    pub fn has_sources(&self) -> bool {
        !self.sources.is_empty() || self.parts.iter().any(|p| !p.sources.is_empty())
    }

    /// Look up one part by its label.
    pub fn part(&self, label: &str) -> Option<&Part> {
        self.parts.iter().find(|p| p.label == label)
    }
}
