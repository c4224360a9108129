//! What to revise: a session's answers turned into marks per topic and the points missed.

use super::session::AnswerRecord;
use crate::bank::Bank;
use serde::Serialize;

/// Topics scoring below this share of their marks are flagged for revision.
pub const REVISE_BELOW_PERCENT: u32 = 60;

/// The end-of-session summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Revision {
    /// Answers marked.
    pub answered: usize,
    /// Marks earned over the session.
    pub awarded: u32,
    /// Marks available over the session.
    pub max: u32,
    /// Each topic practised, in order of first appearance.
    pub topics: Vec<TopicScore>,
    /// Points missed, as (scheme key, point label), in answer order.
    pub missed: Vec<(String, String)>,
}

/// Marks on one topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicScore {
    /// Topic key.
    pub topic: String,
    /// Topic title from the bank (the key when the topic is no longer in the bank).
    pub title: String,
    /// Marks earned.
    pub awarded: u32,
    /// Marks available.
    pub max: u32,
}

impl TopicScore {
    /// Whether this topic needs revising.
    pub fn needs_revision(&self) -> bool {
        self.awarded * 100 < self.max * REVISE_BELOW_PERCENT
    }
}

/// Summarise `answers`, taking topic titles from `bank`.
pub fn revision(bank: &Bank, answers: &[AnswerRecord]) -> Revision {
    let mut topics: Vec<TopicScore> = Vec::new();
    let mut missed = Vec::new();
    for a in answers {
        match topics.iter_mut().find(|t| t.topic == a.topic) {
            Some(t) => {
                t.awarded += a.awarded;
                t.max += a.max;
            }
            None => topics.push(TopicScore {
                topic: a.topic.clone(),
                title: bank
                    .questions
                    .iter()
                    .find(|q| q.topic == a.topic)
                    .map_or_else(|| a.topic.clone(), |q| q.topic_title.clone()),
                awarded: a.awarded,
                max: a.max,
            }),
        }
        missed.extend(a.missed.iter().map(|m| (a.key.clone(), m.clone())));
    }
    Revision {
        answered: answers.len(),
        awarded: answers.iter().map(|a| a.awarded).sum(),
        max: answers.iter().map(|a| a.max).sum(),
        topics,
        missed,
    }
}

impl Revision {
    /// Points missed, most often missed first (ties by label), with how often.
    pub fn missed_most(&self) -> Vec<(String, usize)> {
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        for (_, label) in &self.missed {
            *counts.entry(label).or_default() += 1;
        }
        let mut list: Vec<(String, usize)> = counts
            .into_iter()
            .map(|(l, n)| (l.to_string(), n))
            .collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        list
    }
}

/// A question worth trying again: its latest answer scored below
/// [`REVISE_BELOW_PERCENT`] of its marks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueItem {
    /// Scheme key.
    pub key: String,
    /// Topic key.
    pub topic: String,
    /// Marks in the latest attempt.
    pub awarded: u32,
    /// Marks available.
    pub max: u32,
    /// How many times it has been tried.
    pub tries: usize,
}

/// The questions due to be tried again, weakest latest mark first.
pub fn due_again(answers: &[AnswerRecord]) -> Vec<DueItem> {
    let mut latest: Vec<DueItem> = Vec::new();
    for a in answers {
        match latest.iter_mut().find(|d| d.key == a.key) {
            Some(d) => {
                d.awarded = a.awarded;
                d.max = a.max;
                d.tries += 1;
            }
            None => latest.push(DueItem {
                key: a.key.clone(),
                topic: a.topic.clone(),
                awarded: a.awarded,
                max: a.max,
                tries: 1,
            }),
        }
    }
    latest.retain(|d| d.awarded * 100 < d.max * REVISE_BELOW_PERCENT);
    latest.sort_by(|a, b| {
        (a.awarded * b.max.max(1))
            .cmp(&(b.awarded * a.max.max(1)))
            .then_with(|| a.key.cmp(&b.key))
    });
    latest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(key: &str, awarded: u32, max: u32, missed: &[&str]) -> AnswerRecord {
        AnswerRecord {
            item: 0,
            key: key.into(),
            topic: "t".into(),
            answer: String::new(),
            awarded,
            max,
            missed: missed.iter().map(|m| m.to_string()).collect(),
        }
    }

    #[test]
    fn weakest_points_come_first_and_only_low_latest_marks_are_due() {
        let answers = [
            answer("a", 1, 4, &["cause", "date"]),
            answer("b", 4, 4, &[]),
            answer("a", 4, 4, &["date"]),
            answer("c", 0, 6, &["cause"]),
            answer("d", 2, 6, &["cause"]),
        ];
        let r = revision(&Bank::default(), &answers);
        assert_eq!(
            r.missed_most(),
            vec![("cause".to_string(), 3), ("date".to_string(), 2)]
        );
        let due: Vec<(String, usize)> = due_again(&answers)
            .into_iter()
            .map(|d| (d.key, d.tries))
            .collect();
        assert_eq!(
            due,
            vec![("c".into(), 1), ("d".into(), 1)],
            "a was put right on its second try"
        );
    }
}
