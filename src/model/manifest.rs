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
    /// Id shared by every file of the set this manifest was written with (paper, insert,
    /// mark scheme), also recorded in each PDF's keywords as `examkit-set:<id>`. Empty in
    /// manifests from before sets were recorded.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub set_id: String,
    /// The set's other files, by name and hash, so that `examkit mark` can tell a paper
    /// that does not belong with this manifest (an interrupted or mixed-up `generate`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<ManifestFile>,
}

/// One file of a paper's set, as written beside the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ManifestFile {
    /// What the file is: `paper`, `insert` or `mark-scheme`.
    pub role: String,
    /// File name, in the manifest's folder.
    pub name: String,
    /// SHA-256 of the file's bytes, in lowercase hex (as `sha256sum` prints it).
    pub sha256: String,
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

/// Why a manifest cannot be marked with: it contradicts itself.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ManifestError {
    /// No items at all.
    #[error("it lists no questions")]
    Empty,
    /// An item names a section the manifest does not list.
    #[error("item {number} is in section {section:?}, which is not among its sections")]
    UnknownSection {
        /// The item's printed number.
        number: String,
        /// The section it names.
        section: String,
    },
    /// `total_marks` (or `total_spag`) is not what the items add up to.
    #[error("{field} is {stated}, but its questions add up to {counted}")]
    Total {
        /// `total_marks` or `total_spag`.
        field: &'static str,
        /// The total it states.
        stated: u32,
        /// The total of its items (in each section, the best `answer` questions).
        counted: u64,
    },
}

impl Manifest {
    /// Check that the manifest agrees with itself: every item's section is listed, and the
    /// totals are what its items add up to (a hand-edited or damaged manifest would
    /// otherwise give percentages and grades out of the wrong total).
    pub fn check(&self) -> Result<(), ManifestError> {
        if self.items.is_empty() {
            return Err(ManifestError::Empty);
        }
        if let Some(item) = self
            .items
            .iter()
            .find(|i| !self.sections.iter().any(|s| s.title == i.section))
        {
            return Err(ManifestError::UnknownSection {
                number: item.number.clone(),
                section: item.section.clone(),
            });
        }
        let (marks, spag) = self.counted_totals();
        for (field, stated, counted) in [
            ("total_marks", self.total_marks, marks),
            ("total_spag", self.total_spag, spag),
        ] {
            if u64::from(stated) != counted {
                return Err(ManifestError::Total {
                    field,
                    stated,
                    counted,
                });
            }
        }
        Ok(())
    }

    /// Content and SPaG marks a candidate can score, from the items: in each section the
    /// questions' totals (a question's parts added up), only the best `answer` of them
    /// counting, as the paper was totalled.
    fn counted_totals(&self) -> (u64, u64) {
        let mut marks = 0;
        let mut spag = 0;
        for section in &self.sections {
            let mut questions: Vec<(&str, u64, u64)> = Vec::new();
            for item in self.items.iter().filter(|i| i.section == section.title) {
                match questions.last_mut() {
                    Some((id, m, s)) if *id == item.question => {
                        *m += u64::from(item.marks);
                        *s += u64::from(item.spag);
                    }
                    _ => questions.push((
                        &item.question,
                        u64::from(item.marks),
                        u64::from(item.spag),
                    )),
                }
            }
            let take = section.answer.map_or(questions.len(), |n| n as usize);
            let best = |key: fn(&(&str, u64, u64)) -> u64| {
                let mut values: Vec<u64> = questions.iter().map(key).collect();
                values.sort_unstable_by(|a, b| b.cmp(a));
                values.into_iter().take(take).sum::<u64>()
            };
            marks += best(|q| q.1);
            spag += best(|q| q.2);
        }
        (marks, spag)
    }
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
