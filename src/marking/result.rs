//! The outcome of marking one answer, with every reason. Plain data: reports print it,
//! batch marking aggregates it, moderation compares it with a human's mark.

use serde::{Deserialize, Serialize};

/// A mark and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MarkResult {
    /// Scheme key marked against: `id` or `id/part`.
    pub key: String,
    /// Marks awarded, never above `max`.
    pub awarded: u32,
    /// Maximum marks.
    pub max: u32,
    /// Every point of the scheme, credited or not, in scheme order.
    pub points: Vec<PointOutcome>,
    /// For levels marking: the level reached and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<LevelOutcome>,
    /// Deductions applied.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub penalties: Vec<PenaltyOutcome>,
    /// Other remarks a student should read (e.g. "the answer only repeats the question").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The scheme's model answer.
    pub model_answer: String,
}

/// What happened to one point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PointOutcome {
    /// Point id from the scheme.
    pub id: String,
    /// Point label from the scheme.
    pub label: String,
    /// What happened.
    pub status: PointStatus,
    /// Marks this point contributed to the total (after "any N" and caps).
    pub awarded: u32,
    /// Most this point could earn (including development).
    pub available: u32,
    /// Whether the point was developed (explained, supported).
    pub developed: bool,
    /// The words of the answer that made (or blocked) the point.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// Why, in a sentence.
    pub reason: String,
}

/// The fate of a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PointStatus {
    /// Made and credited.
    Credited,
    /// Made, but not counted because of "any N" or a cap.
    NotCounted,
    /// Not made.
    Missed,
    /// Stated as not happening.
    Negated,
    /// Said in a rejected way.
    Rejected,
}

impl PointStatus {
    /// Whether the answer did not make the point at all (missed, stated as not happening,
    /// or said in a rejected way), as opposed to made but not counted.
    pub fn is_unmade(self) -> bool {
        matches!(
            self,
            PointStatus::Missed | PointStatus::Negated | PointStatus::Rejected
        )
    }
}

/// A span of the answer, in bytes of the original text, with the text itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Byte offset of the start in the original answer.
    pub start: usize,
    /// Byte offset just past the end in the original answer.
    pub end: usize,
    /// The answer's words there.
    pub text: String,
}

/// Where a levels-marked answer landed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelOutcome {
    /// Level reached (0 when below level 1).
    pub level: u32,
    /// The level's descriptor.
    pub descriptor: String,
    /// Distinct points found.
    pub points: u32,
    /// How many of them were developed.
    pub developed: u32,
    /// Sides (or factors) covered.
    pub sides: u32,
    /// Why this level and this mark within it.
    pub reason: String,
}

/// A deduction applied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PenaltyOutcome {
    /// What was wrong.
    pub label: String,
    /// Marks deducted.
    pub marks: u32,
    /// The words that triggered it.
    pub evidence: Vec<Evidence>,
}

/// A mark out of a maximum. It cannot exceed its maximum or go below zero: every way of
/// making one clamps, so no caller has to remember to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Mark {
    awarded: u32,
    max: u32,
}

impl Mark {
    /// `awarded` out of `max`, clamped into `0..=max` (a negative total after penalties
    /// is 0).
    pub fn clamped(awarded: i64, max: u32) -> Mark {
        Mark {
            awarded: awarded.clamp(0, max as i64) as u32,
            max,
        }
    }

    /// Nothing out of `max`.
    pub fn zero(max: u32) -> Mark {
        Mark { awarded: 0, max }
    }

    /// Marks awarded.
    pub fn awarded(self) -> u32 {
        self.awarded
    }

    /// The maximum.
    pub fn max(self) -> u32 {
        self.max
    }

    /// This mark less `marks`, never below 0.
    pub fn minus(self, marks: u32) -> Mark {
        Mark::clamped(self.awarded as i64 - marks as i64, self.max)
    }
}

impl MarkResult {
    /// The mark as a [`Mark`].
    pub fn mark(&self) -> Mark {
        Mark::clamped(self.awarded as i64, self.max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_clamp_into_range() {
        assert_eq!(Mark::clamped(12, 8).awarded(), 8);
        assert_eq!(Mark::clamped(-3, 8).awarded(), 0);
        assert_eq!(Mark::clamped(5, 8).minus(7).awarded(), 0);
        assert_eq!(Mark::clamped(5, 8).minus(2).awarded(), 3);
    }
}
