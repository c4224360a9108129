//! Paper blueprints: `examples/papers/<name>.yaml`.
//!
//! A blueprint is the shape of a paper — board, title, sections, and slots that say which
//! questions may fill them — so the same bank can make any number of different but
//! equivalent papers from different seeds.

use super::board::Board;
use super::question::{Question, QuestionType};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A paper's shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Blueprint {
    /// The board whose house style the paper follows; only questions suiting it are chosen.
    pub board: Board,
    /// Subject key of the bank to draw from.
    pub subject: String,
    /// Qualification line, e.g. "GCSE History".
    pub qualification: String,
    /// Paper title, e.g. "Paper 1 Section B: Conflict and tension between East and West,
    /// 1945–1972".
    pub title: String,
    /// Paper code or reference, e.g. "8145/1B".
    pub code: String,
    /// Time allowed, in minutes.
    pub time_minutes: u32,
    /// Materials candidates need ("You must have").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub materials: Vec<String>,
    /// Instructions to candidates; the house style's defaults are used when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instructions: Vec<String>,
    /// Information for candidates; the house style's defaults are used when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub information: Vec<String>,
    /// Where sources and interpretations are printed; the board's own practice when
    /// absent (AQA: a separate insert; Edexcel and Cambridge: with their questions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sources: Option<SourcePlacement>,
    /// How far questions must spread over the bank's topics: by default no topic is set
    /// twice while the bank can fill the paper otherwise (a paper asking about the U2
    /// incident twice tests less history than it could); `none` allows any repeats.
    #[serde(default, skip_serializing_if = "Spread::is_default")]
    pub spread: Spread,
    /// The sections, in order.
    pub sections: Vec<Section>,
    /// Optional grade boundaries (raw mark needed for each grade), highest grade first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grade_boundaries: Vec<GradeBoundary>,
}

/// Where a paper's sources and interpretations are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SourcePlacement {
    /// In a framed box with the question that uses them.
    Inline,
    /// In a separate insert booklet, so a candidate can read a source beside the question
    /// and the answer space without turning pages, as AQA prints them.
    Insert,
}

impl std::str::FromStr for SourcePlacement {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "inline" => Ok(SourcePlacement::Inline),
            "insert" => Ok(SourcePlacement::Insert),
            other => Err(format!("unknown placement {other:?}: use inline or insert")),
        }
    }
}

/// How selection spreads a paper's questions over topics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Spread {
    /// Each topic as few times as the slots allow: once when the bank can fill the paper
    /// that way, else at most twice, and so on.
    #[default]
    Topics,
    /// Only distinct questions; topics may repeat freely.
    None,
}

impl Spread {
    fn is_default(&self) -> bool {
        *self == Spread::default()
    }
}

/// A section of a paper.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Heading, e.g. "Section A".
    pub title: String,
    /// Rubric printed under the heading, e.g. "Answer any two questions from this section."
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rubric: Option<String>,
    /// How many of the section's questions a candidate answers (all when absent); the
    /// paper's total counts only that many.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<u32>,
    /// The slots, in printed order.
    pub slots: Vec<Slot>,
}

/// A place in a paper that one question from the bank fills.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Slot {
    /// Required question type.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<QuestionType>,
    /// Required marks (content marks, not SPaG).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marks: Option<u32>,
    /// Topics the question may come from (any); all topics when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    /// Tags the question must all carry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Required SPaG marks, if the slot carries them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spag: Option<u32>,
    /// How many questions of this kind to place here in a row (default 1).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub count: u32,
}

fn one() -> u32 {
    1
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

/// The raw mark needed for a grade.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GradeBoundary {
    /// Grade as printed: "9", "A*", "C".
    pub grade: String,
    /// Lowest raw mark (content + SPaG) that earns it.
    pub min: u32,
}

impl Blueprint {
    /// The grade a raw mark earns, if the blueprint has boundaries.
    pub fn grade_for(&self, raw: u32) -> Option<&str> {
        grade_for(&self.grade_boundaries, raw)
    }
}

/// The grade a raw mark earns under `boundaries` (in any order): the highest whose minimum
/// it reaches. Shared by blueprints and the manifests copied from them.
pub fn grade_for(boundaries: &[GradeBoundary], raw: u32) -> Option<&str> {
    boundaries
        .iter()
        .filter(|b| raw >= b.min)
        .max_by_key(|b| b.min)
        .map(|b| b.grade.as_str())
}

impl Slot {
    /// Whether a question may fill this slot on a paper for `blueprint`: right subject and
    /// board, and every constraint the slot sets (type, content marks, SPaG marks, one of
    /// the topics, all tags). One rule, so `examkit check` and paper selection never
    /// disagree about what fits.
    pub fn accepts(
        &self,
        blueprint: &Blueprint,
        subject: &str,
        topic: &str,
        question: &Question,
    ) -> bool {
        subject == blueprint.subject
            && question.boards.contains(&blueprint.board)
            && self.kind.is_none_or(|k| k == question.kind)
            && self.marks.is_none_or(|m| m == question.marks)
            && self.spag.is_none_or(|s| s == question.spag)
            && (self.topics.is_empty() || self.topics.iter().any(|t| t == topic))
            && self.tags.iter().all(|t| question.tags.contains(t))
    }

    /// The slot's constraints in words, for messages: "type source, 12 marks, tags [utility]".
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(kind) = self.kind {
            parts.push(format!("type {}", kind.key()));
        }
        if let Some(marks) = self.marks {
            parts.push(format!("{marks} marks"));
        }
        if let Some(spag) = self.spag {
            parts.push(format!("{spag} SPaG marks"));
        }
        if !self.topics.is_empty() {
            parts.push(format!("topics [{}]", self.topics.join(", ")));
        }
        if !self.tags.is_empty() {
            parts.push(format!("tags [{}]", self.tags.join(", ")));
        }
        if parts.is_empty() {
            "any question".to_string()
        } else {
            parts.join(", ")
        }
    }
}
