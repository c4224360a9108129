//! The manifest written beside each generated paper.
//!
//! It records exactly which question sits at which printed number, so that answers keyed by
//! "01.2" or "1(a)" are marked against the right scheme, long after the paper was printed.

use super::blueprint::GradeBoundary;
use super::board::Board;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What was printed, and how to mark it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Stable id of this paper: board, code, seed and variant, e.g. `aqa-8145-1b-s7-v1`.
    pub paper_id: String,
    /// Board whose style the paper follows.
    pub board: Board,
    /// Subject key of the bank the questions came from.
    pub subject: String,
    /// Paper title and code as printed.
    pub title: String,
    /// Paper code as printed.
    pub code: String,
    /// Seed the questions were chosen with.
    pub seed: u64,
    /// Variant number (1-based) when several variants were made from one seed.
    pub variant: u32,
    /// Hash of the bank and schemes the paper was made from, so a changed bank is noticed.
    pub bank_version: String,
    /// The paper's sections, with how many questions of each a candidate answers.
    pub sections: Vec<ManifestSection>,
    /// Every markable item, in printed order.
    pub items: Vec<ManifestItem>,
    /// Total content marks a candidate can score.
    pub total_marks: u32,
    /// Total SPaG marks a candidate can score.
    pub total_spag: u32,
    /// Grade boundaries copied from the blueprint, highest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grade_boundaries: Vec<GradeBoundary>,
}

/// One markable item: a question, or one part of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ManifestItem {
    /// Number as printed, e.g. `01`, `1(a)`, `3(ii)`.
    pub number: String,
    /// Question id in the bank.
    pub question: String,
    /// Part label, when this item is one part of a question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// Content marks.
    pub marks: u32,
    /// SPaG marks.
    #[serde(default)]
    pub spag: u32,
    /// Section title the item is in.
    pub section: String,
}

impl Manifest {
    /// The grade a raw mark earns, if the paper has boundaries.
    pub fn grade_for(&self, raw: u32) -> Option<&str> {
        super::blueprint::grade_for(&self.grade_boundaries, raw)
    }

    /// How many questions of the section titled `title` count (all when `None`).
    pub fn section_answer(&self, title: &str) -> Option<u32> {
        self.sections
            .iter()
            .find(|s| s.title == title)
            .and_then(|s| s.answer)
    }
}

impl ManifestItem {
    /// The scheme key this item is marked with: `id` or `id/part`.
    pub fn scheme_key(&self) -> String {
        match &self.part {
            Some(part) => format!("{}/{}", self.question, part),
            None => self.question.clone(),
        }
    }
}

/// A section of the paper, for "answer N of these" rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ManifestSection {
    /// Section title as printed (items refer to it).
    pub title: String,
    /// How many of the section's questions count (all when absent): only the best N
    /// question totals are added up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<u32>,
}
