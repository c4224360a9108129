//! Paper blueprints: `examples/papers/<name>.yaml`.
//!
//! A blueprint is the shape of a paper — board, title, sections, and slots that say which
//! questions may fill them — so the same bank can make any number of different but
//! equivalent papers from different seeds.

use super::board::Board;
use super::question::QuestionType;
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
    /// The sections, in order.
    pub sections: Vec<Section>,
    /// Optional grade boundaries (raw mark needed for each grade), highest grade first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grade_boundaries: Vec<GradeBoundary>,
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
        self.grade_boundaries
            .iter()
            .filter(|b| raw >= b.min)
            .max_by_key(|b| b.min)
            .map(|b| b.grade.as_str())
    }
}
