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
