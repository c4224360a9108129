//! Choosing practice questions: those that suit the board and topic asked for and can be
//! marked (every part has a scheme), in an order fixed by the seed.

use crate::bank::Bank;
use crate::model::Board;
use rand::SeedableRng;
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};

/// One thing the student answers: a question, or one part of it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ItemRef {
    /// Question id.
    pub question: String,
    /// Part label, for one part of a question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
}

impl ItemRef {
    /// The scheme key: `id` or `id/part`.
    pub fn key(&self) -> String {
        match &self.part {
            Some(p) => format!("{}/{p}", self.question),
            None => self.question.clone(),
        }
    }
}

/// Which questions a session may draw on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only questions suiting this board.
    pub board: Option<Board>,
    /// Only questions on this topic (its key, or words of its title).
    pub topic: Option<String>,
}

/// `count` questions chosen by `seed` from those `filter` allows, as items to answer (each
/// part of a question is its own item). Questions without a scheme for every item are
/// skipped, since they could not be marked.
pub fn pick(bank: &Bank, filter: &Filter, count: usize, seed: u64) -> Vec<ItemRef> {
    let topic = filter.topic.as_deref().map(str::to_lowercase);
    let mut candidates: Vec<(&str, Vec<ItemRef>)> = bank
        .questions
        .iter()
        .filter(|q| filter.board.is_none_or(|b| q.question.boards.contains(&b)))
        .filter(|q| {
            topic.as_deref().is_none_or(|t| {
                q.topic.eq_ignore_ascii_case(t) || q.topic_title.to_lowercase().contains(t)
            })
        })
        .filter_map(|q| {
            let items: Vec<ItemRef> = if q.question.has_parts() {
                q.question
                    .parts
                    .iter()
                    .map(|p| ItemRef {
                        question: q.question.id.clone(),
                        part: Some(p.label.clone()),
                    })
                    .collect()
            } else {
                vec![ItemRef {
                    question: q.question.id.clone(),
                    part: None,
                }]
            };
            let markable = items.iter().all(|i| bank.scheme(&i.key()).is_some());
            markable.then_some((q.question.id.as_str(), items))
        })
        .collect();
    candidates.sort_by(|a, b| a.0.cmp(b.0));
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    candidates.shuffle(&mut rng);
    candidates
        .into_iter()
        .take(count)
        .flat_map(|(_, items)| items)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn fixture_bank() -> Bank {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mark/bank");
        let (bank, problems) = crate::bank::load(&[root]);
        assert!(problems.is_empty(), "{problems:?}");
        bank
    }

    #[test]
    fn questions_without_schemes_are_skipped_and_the_seed_fixes_the_order() {
        let mut bank = fixture_bank();
        let mut unschemed = bank.questions[0].clone();
        unschemed.question.id = "fx-no-scheme".into();
        bank.questions.push(unschemed);
        let all = pick(&bank, &Filter::default(), 100, 1);
        assert!(all.iter().all(|i| i.question != "fx-no-scheme"));
        let questions: std::collections::BTreeSet<&str> =
            all.iter().map(|i| i.question.as_str()).collect();
        assert_eq!(questions.len(), 5, "every schemed question: {questions:?}");
        assert_eq!(
            pick(&bank, &Filter::default(), 3, 42),
            pick(&bank, &Filter::default(), 3, 42)
        );
        let orders: std::collections::BTreeSet<Vec<ItemRef>> = (0..8)
            .map(|seed| pick(&bank, &Filter::default(), 5, seed))
            .collect();
        assert!(orders.len() > 1, "different seeds give different orders");
    }
}
