//! One printed paper, ready to mark: every manifest item with its compiled [`Marker`], the
//! lookup from what a student writes as a key ("01", "1(a)", "1a", a scheme key) to the item,
//! and the paper's scoring rules (totals, "answer N of these" sections, grades).
//!
//! Scoring works on numbers only ([`PaperMarker::score`]), so batch marking can keep a class's
//! marks without keeping any answer text.

use crate::bank::Bank;
use crate::marking::{MarkResult, Marker, Markers};
use crate::model::{Manifest, ManifestItem};
use serde::Serialize;
use std::collections::HashMap;

/// The grade below a paper's lowest boundary.
pub const UNGRADED: &str = "U";

/// Why a manifest cannot be marked against a bank.
#[derive(Debug, thiserror::Error)]
pub enum PaperError {
    /// An item's question is not in the bank.
    #[error("paper item {number}: question `{question}` is not in the bank")]
    MissingQuestion {
        /// Printed number.
        number: String,
        /// Question id.
        question: String,
    },
    /// An item has no mark scheme in the bank.
    #[error("paper item {number}: no mark scheme `{key}` in the bank")]
    MissingScheme {
        /// Printed number.
        number: String,
        /// Scheme key.
        key: String,
    },
}

/// An item of the paper with what marking it needs.
#[derive(Debug, Clone)]
pub struct PaperItem {
    /// The item as the manifest records it.
    pub item: ManifestItem,
    /// Topic key of its question, for revision summaries.
    pub topic: String,
    /// The compiled scheme.
    pub marker: Marker,
}

/// A manifest joined to the bank: everything needed to mark any student's answers to it.
#[derive(Debug, Clone)]
pub struct PaperMarker {
    /// The manifest as read.
    pub manifest: Manifest,
    /// The items, in printed order.
    pub items: Vec<PaperItem>,
    /// Normalised keys (printed numbers and scheme keys) to item index; ambiguous keys are
    /// left out so they can never resolve to the wrong item.
    lookup: HashMap<String, usize>,
}

/// One student's marked paper: every item's result and the paper's score.
#[derive(Debug, Clone, PartialEq)]
pub struct PaperMarks {
    /// Each item in printed order, with its result when answered.
    pub items: Vec<ItemMarks>,
    /// Totals, counted items and grade.
    pub score: PaperScore,
}

/// One item of a marked paper.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemMarks {
    /// The manifest item.
    pub item: ManifestItem,
    /// Topic key of the question.
    pub topic: String,
    /// The mark and its reasons; `None` when the student gave no answer (scores 0).
    pub result: Option<MarkResult>,
}

impl ItemMarks {
    /// Marks awarded (0 when unanswered).
    pub fn awarded(&self) -> u32 {
        self.result.as_ref().map_or(0, |r| r.awarded)
    }
}

/// A paper's marks, from numbers alone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PaperScore {
    /// For each item, whether it counts towards the total (false for questions beyond the
    /// best N of an "answer N of these" section).
    pub counted: Vec<bool>,
    /// Content marks counted.
    pub total: u32,
    /// Content marks available.
    pub max: u32,
    /// `total` as a percentage of `max`, rounded to one decimal place.
    pub percentage: f64,
    /// Grade from the paper's boundaries, when it has them, counting no SPaG marks;
    /// [`UNGRADED`] below the lowest.
    pub grade: Option<String>,
    /// SPaG marks the paper offers, which examkit does not award: spelling, punctuation and
    /// grammar are for a teacher to judge, so they are reported as open rather than as 0.
    pub spag_unmarked: u32,
    /// The grade the same content marks reach with every SPaG mark, when that is higher,
    /// so a student sees the range their paper could fall in.
    pub grade_with_spag: Option<String>,
}

impl PaperMarker {
    /// Join `manifest` to `bank`, taking each item's compiled scheme from `markers`
    /// (compiled once for the whole bank, see [`Markers::from_bank`]).
    pub fn new(
        manifest: Manifest,
        bank: &Bank,
        markers: &Markers,
    ) -> Result<PaperMarker, PaperError> {
        let mut items = Vec::with_capacity(manifest.items.len());
        for item in &manifest.items {
            let question =
                bank.question(&item.question)
                    .ok_or_else(|| PaperError::MissingQuestion {
                        number: item.number.clone(),
                        question: item.question.clone(),
                    })?;
            let key = item.scheme_key();
            let marker = markers
                .get(&key)
                .cloned()
                .ok_or_else(|| PaperError::MissingScheme {
                    number: item.number.clone(),
                    key: key.clone(),
                })?;
            items.push(PaperItem {
                item: item.clone(),
                topic: question.topic.clone(),
                marker,
            });
        }
        let lookup = build_lookup(&manifest.items);
        Ok(PaperMarker {
            manifest,
            items,
            lookup,
        })
    }

    /// The item a student's key names: the printed number exactly, the number written
    /// loosely ("1" for "01", "1a" or "1 (a)" for "1(a)"), or the scheme key (`id/part`).
    pub fn resolve(&self, key: &str) -> Option<usize> {
        if let Some(i) = self.items.iter().position(|it| it.item.number == key) {
            return Some(i);
        }
        self.lookup
            .get(&normalise_key(key))
            .or_else(|| self.lookup.get(&key.trim().to_lowercase()))
            .copied()
    }

    /// The printed numbers, for messages that list what a key could have been.
    pub fn numbers(&self) -> Vec<&str> {
        self.items.iter().map(|i| i.item.number.as_str()).collect()
    }

    /// Mark one answer to item `index`.
    pub fn mark(&self, index: usize, answer: &str) -> MarkResult {
        self.items[index].marker.mark(answer)
    }

    /// Mark one student's answers, given as (item index, text) pairs; items with no pair
    /// (or only blank text) are unanswered.
    pub fn mark_paper(&self, answers: &[(usize, String)]) -> PaperMarks {
        let items: Vec<ItemMarks> = self
            .items
            .iter()
            .enumerate()
            .map(|(i, it)| {
                let text = answers
                    .iter()
                    .rev()
                    .find(|(index, text)| *index == i && !text.trim().is_empty());
                ItemMarks {
                    item: it.item.clone(),
                    topic: it.topic.clone(),
                    result: text.map(|(_, text)| it.marker.mark(text)),
                }
            })
            .collect();
        let awarded: Vec<Option<u32>> = items
            .iter()
            .map(|i| i.result.as_ref().map(|r| r.awarded))
            .collect();
        let score = self.score(&awarded);
        PaperMarks { items, score }
    }

    /// Total, percentage and grade from each item's mark (`None`: not answered, scores 0).
    /// In a section that says "answer N", only the N best-scoring questions count (a
    /// question's score is the sum of its parts); ties go to the question printed first.
    pub fn score(&self, awarded: &[Option<u32>]) -> PaperScore {
        let mut counted = vec![true; self.items.len()];
        // Questions of each limited section, in printed order: (section, question) → items.
        let mut groups: Vec<(String, String, Vec<usize>)> = Vec::new();
        for (i, it) in self.items.iter().enumerate() {
            if self.manifest.section_answer(&it.item.section).is_none() {
                continue;
            }
            match groups
                .iter_mut()
                .find(|(s, q, _)| *s == it.item.section && *q == it.item.question)
            {
                Some(group) => group.2.push(i),
                None => groups.push((it.item.section.clone(), it.item.question.clone(), vec![i])),
            }
        }
        let mut sections: Vec<&str> = groups.iter().map(|g| g.0.as_str()).collect();
        sections.dedup();
        for section in sections {
            let take = self.manifest.section_answer(section).unwrap_or(u32::MAX) as usize;
            let mut scored: Vec<(u32, usize, &Vec<usize>)> = groups
                .iter()
                .filter(|g| g.0 == section)
                .enumerate()
                .map(|(order, g)| {
                    let sum =
                        g.2.iter()
                            .map(|&i| awarded.get(i).copied().flatten().unwrap_or(0));
                    (sum.sum(), order, &g.2)
                })
                .collect();
            scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            for (_, _, items) in scored.into_iter().skip(take) {
                for &i in items {
                    counted[i] = false;
                }
            }
        }
        let total: u32 = awarded
            .iter()
            .zip(&counted)
            .filter(|(_, c)| **c)
            .map(|(a, _)| a.unwrap_or(0))
            .sum();
        let max = self.manifest.total_marks;
        let percentage = if max == 0 {
            0.0
        } else {
            (f64::from(total) * 1000.0 / f64::from(max)).round() / 10.0
        };
        // Below the lowest boundary is a grade too, U, and a mark sheet must say so rather
        // than leave the cell empty.
        let grade_for = |raw| {
            (!self.manifest.grade_boundaries.is_empty())
                .then(|| self.manifest.grade_for(raw).unwrap_or(UNGRADED).to_string())
        };
        let grade = grade_for(total);
        let spag_unmarked = self.manifest.total_spag;
        let grade_with_spag =
            grade_for(total + spag_unmarked).filter(|g| Some(g) != grade.as_ref());
        PaperScore {
            counted,
            total,
            max,
            percentage,
            grade,
            spag_unmarked,
            grade_with_spag,
        }
    }
}

/// A key as a student might write it, reduced to a canonical form: lower case, no spaces or
/// brackets, no leading "q", no leading zeros in numbers ("Q01 (a)" → "1a").
pub fn normalise_key(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let lowered = key.trim().to_lowercase();
    let mut rest = lowered.as_str();
    if let Some(stripped) = rest.strip_prefix("question") {
        rest = stripped;
    } else if let Some(stripped) = rest.strip_prefix('q')
        && stripped.starts_with(|c: char| c.is_ascii_digit() || c.is_whitespace())
    {
        rest = stripped;
    }
    let chars: Vec<char> = rest
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '(' | ')' | '[' | ']'))
        .collect();
    let mut in_number = false;
    for (i, &c) in chars.iter().enumerate() {
        let next_is_digit = chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c == '0' && !in_number && next_is_digit {
            // A leading zero ("01"): dropped, but a lone "0" stays.
            continue;
        }
        in_number = c.is_ascii_digit();
        out.push(c);
    }
    out
}

fn build_lookup(items: &[ManifestItem]) -> HashMap<String, usize> {
    let mut lookup: HashMap<String, Option<usize>> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        for key in [
            normalise_key(&item.number),
            item.scheme_key().to_lowercase(),
        ] {
            lookup
                .entry(key)
                .and_modify(|slot| {
                    if *slot != Some(i) {
                        *slot = None;
                    }
                })
                .or_insert(Some(i));
        }
    }
    lookup
        .into_iter()
        .filter_map(|(k, v)| v.map(|i| (k, i)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_read_loosely() {
        assert_eq!(normalise_key("01"), "1");
        assert_eq!(normalise_key("Q1 (a)"), "1a");
        assert_eq!(normalise_key("1(a)"), "1a");
        assert_eq!(normalise_key("01.2"), "1.2");
        assert_eq!(normalise_key("3(ii)"), "3ii");
        assert_eq!(normalise_key("10"), "10");
        assert_eq!(normalise_key("question 4"), "4");
    }
}
