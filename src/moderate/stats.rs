//! Agreement statistics between two markers: pure arithmetic over pairs of marks.
//!
//! Everything here works on a [`Confusion`] matrix (teacher's mark by row, examkit's by
//! column), because every figure a moderator quotes — exact agreement, agreement within one
//! mark, Cohen's kappa, quadratic weighted kappa, mean absolute difference — is a function
//! of that table alone. Kappa corrects raw agreement for the agreement two markers would
//! reach by chance given how often each gives each mark: a marker that gives every answer 0
//! agrees with a harsh teacher most of the time and still has a kappa of 0.

use serde::Serialize;

/// How often each pair of marks (teacher's, examkit's) occurred, for marks `0..=max`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Confusion {
    /// Highest mark either marker can give.
    max: u32,
    /// `counts[teacher][examkit]`, each row of length `max + 1`.
    counts: Vec<Vec<u64>>,
}

impl Confusion {
    /// An empty table for marks `0..=max`.
    pub fn new(max: u32) -> Confusion {
        let size = max as usize + 1;
        Confusion {
            max,
            counts: vec![vec![0; size]; size],
        }
    }

    /// A table from pairs `(teacher, examkit)`; marks above `max` are clamped to `max`
    /// (callers check marks against the scheme first, so this only guards the arithmetic).
    pub fn from_pairs(max: u32, pairs: impl IntoIterator<Item = (u32, u32)>) -> Confusion {
        let mut table = Confusion::new(max);
        for (teacher, examkit) in pairs {
            table.add(teacher, examkit);
        }
        table
    }

    /// Count one answer.
    pub fn add(&mut self, teacher: u32, examkit: u32) {
        let t = teacher.min(self.max) as usize;
        let e = examkit.min(self.max) as usize;
        self.counts[t][e] += 1;
    }

    /// Add every count of `other` (which may have a different maximum).
    pub fn merge(&mut self, other: &Confusion) {
        if other.max > self.max {
            let mut grown = Confusion::new(other.max);
            grown.merge(self);
            *self = grown;
        }
        for (t, row) in other.counts.iter().enumerate() {
            for (e, n) in row.iter().enumerate() {
                self.counts[t][e] += n;
            }
        }
    }

    /// Highest mark in the table.
    pub fn max(&self) -> u32 {
        self.max
    }

    /// How many answers got `teacher` from the teacher and `examkit` from examkit.
    pub fn count(&self, teacher: u32, examkit: u32) -> u64 {
        self.counts
            .get(teacher as usize)
            .and_then(|row| row.get(examkit as usize))
            .copied()
            .unwrap_or(0)
    }

    /// The rows: `rows()[teacher][examkit]`.
    pub fn rows(&self) -> &[Vec<u64>] {
        &self.counts
    }

    /// Number of answers counted.
    pub fn total(&self) -> u64 {
        self.counts.iter().flatten().sum()
    }

    fn cells(&self) -> impl Iterator<Item = (usize, usize, u64)> + '_ {
        self.counts
            .iter()
            .enumerate()
            .flat_map(|(t, row)| row.iter().enumerate().map(move |(e, &n)| (t, e, n)))
    }

    fn row_totals(&self) -> Vec<u64> {
        self.counts.iter().map(|row| row.iter().sum()).collect()
    }

    fn column_totals(&self) -> Vec<u64> {
        (0..self.counts.len())
            .map(|e| self.counts.iter().map(|row| row[e]).sum())
            .collect()
    }

    /// Share of answers given the same mark by both (`None` when empty).
    pub fn exact_agreement(&self) -> Option<f64> {
        self.share(|t, e| t == e)
    }

    /// Share of answers whose marks differ by at most one (`None` when empty).
    pub fn within_one(&self) -> Option<f64> {
        self.share(|t, e| t.abs_diff(e) <= 1)
    }

    /// Mean of |teacher − examkit| (`None` when empty).
    pub fn mean_absolute_difference(&self) -> Option<f64> {
        let total = self.total();
        if total == 0 {
            return None;
        }
        let sum: u64 = self.cells().map(|(t, e, n)| t.abs_diff(e) as u64 * n).sum();
        Some(sum as f64 / total as f64)
    }

    fn share(&self, agree: impl Fn(usize, usize) -> bool) -> Option<f64> {
        let total = self.total();
        if total == 0 {
            return None;
        }
        let hits: u64 = self
            .cells()
            .filter(|&(t, e, _)| agree(t, e))
            .map(|(_, _, n)| n)
            .sum();
        Some(hits as f64 / total as f64)
    }

    /// Cohen's kappa: (observed − chance agreement) / (1 − chance agreement), treating
    /// marks as unordered categories. `None` when it is undefined: no answers, or both
    /// markers gave every answer the same single mark (chance agreement is then 1).
    pub fn cohen_kappa(&self) -> Option<f64> {
        self.weighted_kappa(|t, e| if t == e { 0.0 } else { 1.0 })
    }

    /// Quadratic weighted kappa: like Cohen's kappa, but a disagreement of `d` marks costs
    /// `d²`, so being one mark out on a 6-mark question counts far less than being five out.
    /// Equals Cohen's kappa when the maximum is 1. `None` when undefined (as for kappa).
    pub fn quadratic_weighted_kappa(&self) -> Option<f64> {
        let span = (self.max.max(1)) as f64;
        self.weighted_kappa(|t, e| {
            let d = t.abs_diff(e) as f64 / span;
            d * d
        })
    }

    /// κ = 1 − Σ w·observed / Σ w·expected, with expected counts from the margins.
    fn weighted_kappa(&self, weight: impl Fn(usize, usize) -> f64) -> Option<f64> {
        let total = self.total() as f64;
        if total == 0.0 {
            return None;
        }
        let rows = self.row_totals();
        let cols = self.column_totals();
        let mut observed = 0.0;
        let mut expected = 0.0;
        for (t, e, n) in self.cells() {
            let w = weight(t, e);
            observed += w * n as f64;
            expected += w * rows[t] as f64 * cols[e] as f64 / total;
        }
        if expected <= f64::EPSILON * total {
            return None;
        }
        Some(1.0 - observed / expected)
    }

    /// Every figure at once.
    pub fn agreement(&self) -> Agreement {
        Agreement {
            n: self.total(),
            exact: self.exact_agreement(),
            within_one: self.within_one(),
            kappa: self.cohen_kappa(),
            quadratic_kappa: self.quadratic_weighted_kappa(),
            mean_abs_diff: self.mean_absolute_difference(),
        }
    }
}

/// The figures a moderator quotes for a set of answers. Shares are fractions in `0..=1`;
/// `None` means undefined (no answers, or kappa with a single mark used throughout).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Agreement {
    /// Answers compared.
    pub n: u64,
    /// Share marked identically.
    pub exact: Option<f64>,
    /// Share within one mark.
    pub within_one: Option<f64>,
    /// Cohen's kappa (unweighted): the figure for one-mark (binary) questions.
    pub kappa: Option<f64>,
    /// Quadratic weighted kappa: the figure for multi-mark questions.
    pub quadratic_kappa: Option<f64>,
    /// Mean absolute difference in marks.
    pub mean_abs_diff: Option<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    /// A 2×2 table worked by hand: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no (n = 50).
    /// po = 35/50 = 0.7; pe = (25·30 + 25·20)/2500 = 0.5; κ = (0.7 − 0.5)/0.5 = 0.4.
    fn textbook() -> Confusion {
        let mut c = Confusion::new(1);
        for _ in 0..20 {
            c.add(1, 1);
        }
        for _ in 0..5 {
            c.add(1, 0);
        }
        for _ in 0..10 {
            c.add(0, 1);
        }
        for _ in 0..15 {
            c.add(0, 0);
        }
        c
    }

    #[test]
    fn kappa_of_a_hand_worked_table() {
        let c = textbook();
        assert_eq!(c.total(), 50);
        assert!(close(c.exact_agreement(), 0.7));
        assert!(close(c.cohen_kappa(), 0.4));
        assert!(close(c.mean_absolute_difference(), 0.3));
        assert!(close(c.within_one(), 1.0));
    }

    #[test]
    fn quadratic_kappa_equals_kappa_for_binary_marks() {
        let c = textbook();
        assert!(close(c.quadratic_weighted_kappa(), 0.4));
    }

    #[test]
    fn perfect_agreement_is_one_and_chance_level_is_zero() {
        let perfect = Confusion::from_pairs(1, [(0, 0), (1, 1), (1, 1), (0, 0)]);
        assert!(close(perfect.cohen_kappa(), 1.0));
        // Independent margins: every cell equal, observed = chance.
        let chance = Confusion::from_pairs(1, [(0, 0), (0, 1), (1, 0), (1, 1)]);
        assert!(close(chance.cohen_kappa(), 0.0));
        // Systematic disagreement is below zero.
        let opposite = Confusion::from_pairs(1, [(0, 1), (1, 0)]);
        assert!(close(opposite.cohen_kappa(), -1.0));
    }

    /// Three marks (0..=2), worked by hand.
    /// Table (teacher rows, examkit columns): [[2,1,0],[0,2,1],[0,0,2]], n = 8.
    /// Rows 3,3,2; columns 2,3,3. Weights d²/4: w(0,1)=w(1,2)=0.25, w(0,2)=1.
    /// Observed Σw·O = 0.25·1 + 0.25·1 = 0.5.
    /// Expected E[t][e] = row·col/8: E01 = 9/8, E02 = 9/8, E10 = 6/8, E12 = 9/8,
    /// E20 = 4/8, E21 = 6/8. Σw·E = 0.25(9/8 + 6/8 + 9/8 + 6/8) + 1(9/8 + 4/8) = 41/16.
    /// QWK = 1 − 0.5/(41/16) = 33/41. Unweighted: po = 6/8, pe = (6+9+6)/64 = 21/64,
    /// κ = (0.75 − 21/64)/(1 − 21/64) = 27/43.
    #[test]
    fn quadratic_kappa_of_a_hand_worked_three_mark_table() {
        let mut c = Confusion::new(2);
        for (t, e, n) in [(0, 0, 2), (0, 1, 1), (1, 1, 2), (1, 2, 1), (2, 2, 2)] {
            for _ in 0..n {
                c.add(t, e);
            }
        }
        assert!(close(c.quadratic_weighted_kappa(), 33.0 / 41.0));
        assert!(close(c.cohen_kappa(), 27.0 / 43.0));
        assert!(close(c.mean_absolute_difference(), 0.25));
        assert!(close(c.within_one(), 1.0));
    }

    #[test]
    fn within_one_counts_near_misses_on_multi_mark_questions() {
        let c = Confusion::from_pairs(4, [(4, 3), (4, 1), (2, 2), (0, 4)]);
        assert!(close(c.exact_agreement(), 0.25));
        assert!(close(c.within_one(), 0.5));
        assert!(close(
            c.mean_absolute_difference(),
            (1.0 + 3.0 + 0.0 + 4.0) / 4.0
        ));
    }

    #[test]
    fn kappa_is_undefined_when_both_use_a_single_mark() {
        let c = Confusion::from_pairs(1, [(1, 1), (1, 1), (1, 1)]);
        assert!(close(c.exact_agreement(), 1.0));
        assert_eq!(c.cohen_kappa(), None);
        assert_eq!(c.quadratic_weighted_kappa(), None);
    }

    #[test]
    fn kappa_is_zero_when_one_marker_uses_a_single_mark() {
        // The teacher varies, examkit gives everything 0: agreement 0.5, chance 0.5.
        let c = Confusion::from_pairs(1, [(0, 0), (1, 0)]);
        assert!(close(c.exact_agreement(), 0.5));
        assert!(close(c.cohen_kappa(), 0.0));
    }

    #[test]
    fn an_empty_table_has_no_figures() {
        let a = Confusion::new(1).agreement();
        assert_eq!(a.n, 0);
        assert_eq!(a.exact, None);
        assert_eq!(a.within_one, None);
        assert_eq!(a.kappa, None);
        assert_eq!(a.quadratic_kappa, None);
        assert_eq!(a.mean_abs_diff, None);
    }

    #[test]
    fn merge_grows_to_the_larger_maximum() {
        let mut a = Confusion::from_pairs(1, [(1, 1), (0, 1)]);
        let b = Confusion::from_pairs(3, [(3, 2)]);
        a.merge(&b);
        assert_eq!(a.max(), 3);
        assert_eq!(a.total(), 3);
        assert_eq!(a.count(1, 1), 1);
        assert_eq!(a.count(0, 1), 1);
        assert_eq!(a.count(3, 2), 1);
    }

    #[test]
    fn marks_above_the_maximum_are_clamped() {
        let c = Confusion::from_pairs(1, [(5, 0)]);
        assert_eq!(c.count(1, 0), 1);
    }
}
