//! What a class got right and wrong: running tallies kept as numbers only (so a million
//! answers cost a few counters), turned into a [`ClassSummary`] at the end.

use super::paper::{PaperMarker, PaperScore, UNGRADED};
use crate::marking::{MarkResult, PointStatus};
use serde::Serialize;
use std::collections::BTreeMap;

/// How many points the summary lists, most missed first.
pub const MISSED_POINTS_SHOWN: usize = 20;

/// The class's results in brief.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassSummary {
    /// Rows read from the input (blank lines are not rows), so a teacher can check that
    /// every row of the file was marked.
    pub rows: u64,
    /// Students marked.
    pub students: u64,
    /// Answers marked (blank answers are not counted).
    pub answers: u64,
    /// Blank answers: cells or rows with no text, which score 0.
    pub blank: u64,
    /// SPaG marks each student's paper offers, left for the teacher to award.
    pub spag_unmarked: u32,
    /// Mean of the students' percentages, to one decimal place.
    pub mean_percentage: f64,
    /// How many students earned each grade, highest grade first (empty without boundaries).
    pub grades: Vec<GradeCount>,
    /// Each item of the paper, in printed order.
    pub questions: Vec<QuestionSummary>,
    /// Points most often missed (missed, negated or rejected) by students who answered the
    /// item, highest rate first; at most [`MISSED_POINTS_SHOWN`] in printed output.
    pub missed_points: Vec<MissedPoint>,
}

/// Students per grade.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GradeCount {
    /// The grade as printed; "U" for below the lowest boundary.
    pub grade: String,
    /// Students who earned it.
    pub students: u64,
}

/// How the class did on one item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionSummary {
    /// Printed number.
    pub number: String,
    /// Scheme key.
    pub key: String,
    /// Marks available.
    pub max: u32,
    /// Students who answered it.
    pub answered: u64,
    /// Mean mark of those who answered, to two decimal places.
    pub mean: f64,
}

/// A point the class missed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MissedPoint {
    /// Printed number of the item.
    pub number: String,
    /// Scheme key of the item.
    pub key: String,
    /// Point id from the scheme.
    pub point: String,
    /// Point label from the scheme.
    pub label: String,
    /// Students who answered the item but did not make the point.
    pub missed: u64,
    /// Students who answered the item.
    pub answered: u64,
    /// `missed / answered` as a percentage, to one decimal place.
    pub rate: f64,
}

/// Running counts over a class. Add answers and students in any order; merge tallies made
/// in parallel with [`ClassTally::merge`].
#[derive(Debug, Clone, Default)]
pub struct ClassTally {
    rows: u64,
    students: u64,
    answers: u64,
    blank: u64,
    percentage_sum: f64,
    grades: BTreeMap<String, u64>,
    /// Per item: (answered, marks summed).
    items: Vec<(u64, u64)>,
    /// Per item, per scheme point (by position): times missed.
    missed: Vec<Vec<u64>>,
}

impl ClassTally {
    /// An empty tally for `paper`.
    pub fn new(paper: &PaperMarker) -> ClassTally {
        ClassTally {
            items: vec![(0, 0); paper.items.len()],
            missed: paper
                .items
                .iter()
                .map(|it| vec![0; it.marker.scheme().rules.points().len()])
                .collect(),
            ..ClassTally::default()
        }
    }

    /// Count one marked answer to item `index`.
    pub fn add_answer(&mut self, paper: &PaperMarker, index: usize, result: &MarkResult) {
        let points = paper.items[index].marker.scheme().rules.points();
        let missed = result
            .points
            .iter()
            .filter(|o| {
                matches!(
                    o.status,
                    PointStatus::Missed | PointStatus::Negated | PointStatus::Rejected
                )
            })
            .filter_map(|o| points.iter().position(|p| p.id == o.id));
        self.count_answer(index, result.awarded, missed);
    }

    /// Count one answer to item `index` from its mark and the scheme positions of the
    /// points it missed.
    pub fn count_answer(
        &mut self,
        index: usize,
        awarded: u32,
        missed: impl IntoIterator<Item = usize>,
    ) {
        self.answers += 1;
        let (answered, sum) = &mut self.items[index];
        *answered += 1;
        *sum += u64::from(awarded);
        for p in missed {
            if let Some(count) = self.missed[index].get_mut(p) {
                *count += 1;
            }
        }
    }

    /// Count rows read from the input.
    pub fn count_rows(&mut self, rows: u64) {
        self.rows += rows;
    }

    /// Count blank answers (given, but with no text).
    pub fn count_blank(&mut self, blank: u64) {
        self.blank += blank;
    }

    /// Count one student's score.
    pub fn add_student(&mut self, score: &PaperScore) {
        self.students += 1;
        self.percentage_sum += score.percentage;
        let grade = score.grade.clone().unwrap_or_else(|| UNGRADED.to_string());
        *self.grades.entry(grade).or_default() += 1;
    }

    /// Add another tally's counts to this one.
    pub fn merge(&mut self, other: ClassTally) {
        self.rows += other.rows;
        self.students += other.students;
        self.answers += other.answers;
        self.blank += other.blank;
        self.percentage_sum += other.percentage_sum;
        for (grade, n) in other.grades {
            *self.grades.entry(grade).or_default() += n;
        }
        for (mine, theirs) in self.items.iter_mut().zip(other.items) {
            mine.0 += theirs.0;
            mine.1 += theirs.1;
        }
        for (mine, theirs) in self.missed.iter_mut().zip(other.missed) {
            for (m, t) in mine.iter_mut().zip(theirs) {
                *m += t;
            }
        }
    }

    /// The summary, in a stable order.
    pub fn finish(self, paper: &PaperMarker) -> ClassSummary {
        let round = |x: f64, places: i32| {
            let f = 10f64.powi(places);
            (x * f).round() / f
        };
        let questions = paper
            .items
            .iter()
            .zip(&self.items)
            .map(|(it, &(answered, sum))| QuestionSummary {
                number: it.item.number.clone(),
                key: it.item.scheme_key(),
                max: it.item.marks,
                answered,
                mean: if answered == 0 {
                    0.0
                } else {
                    round(sum as f64 / answered as f64, 2)
                },
            })
            .collect();
        let mut missed_points = Vec::new();
        for ((it, counts), &(answered, _)) in paper.items.iter().zip(&self.missed).zip(&self.items)
        {
            let points = it.marker.scheme().rules.points();
            for (point, &missed) in points.iter().zip(counts) {
                if missed == 0 {
                    continue;
                }
                missed_points.push(MissedPoint {
                    number: it.item.number.clone(),
                    key: it.item.scheme_key(),
                    point: point.id.clone(),
                    label: point.label.clone(),
                    missed,
                    answered,
                    rate: round(missed as f64 * 100.0 / answered.max(1) as f64, 1),
                });
            }
        }
        missed_points.sort_by(|a, b| {
            b.rate
                .total_cmp(&a.rate)
                .then(b.missed.cmp(&a.missed))
                .then(a.number.cmp(&b.number))
                .then(a.point.cmp(&b.point))
        });
        let mut grades: Vec<GradeCount> = paper
            .manifest
            .grade_boundaries
            .iter()
            .map(|b| GradeCount {
                grade: b.grade.clone(),
                students: self.grades.get(&b.grade).copied().unwrap_or(0),
            })
            .collect();
        if !grades.is_empty() {
            grades.push(GradeCount {
                grade: UNGRADED.to_string(),
                students: self.grades.get(UNGRADED).copied().unwrap_or(0),
            });
        }
        ClassSummary {
            rows: self.rows,
            students: self.students,
            answers: self.answers,
            blank: self.blank,
            spag_unmarked: paper.manifest.total_spag,
            mean_percentage: if self.students == 0 {
                0.0
            } else {
                round(self.percentage_sum / self.students as f64, 1)
            },
            grades,
            questions,
            missed_points,
        }
    }
}
