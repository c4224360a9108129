//! Choosing practice questions: those that suit the board, topics and question type asked
//! for and can be marked (every part has a scheme), in an order fixed by the seed. The
//! terminal's `practice` takes the first few; the web takes the next one not yet tried.

use crate::bank::{Bank, BankQuestion};
use crate::model::{Board, QuestionType};
use rand::SeedableRng;
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

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
    /// Only questions on one of these topics (each a key, or words of a title); empty for
    /// every topic.
    pub topics: Vec<String>,
    /// Only questions (or parts) of this type; `None` for a mix.
    pub kind: Option<QuestionType>,
}

impl Filter {
    /// Whether `q` suits the board and topics.
    fn suits(&self, q: &BankQuestion) -> bool {
        let board = self.board.is_none_or(|b| q.question.boards.contains(&b));
        let topic = self.topics.is_empty()
            || self.topics.iter().any(|t| {
                let t = t.trim().to_lowercase();
                q.topic.eq_ignore_ascii_case(&t) || q.topic_title.to_lowercase().contains(&t)
            });
        board && topic
    }

    /// The items of `q` this filter asks for: every part (or the question), or only those of
    /// the type asked for.
    fn items(&self, q: &BankQuestion) -> Vec<ItemRef> {
        let question = &q.question;
        if question.has_parts() {
            question
                .parts
                .iter()
                .filter(|p| self.kind.is_none_or(|k| k == p.kind || k == question.kind))
                .map(|p| ItemRef {
                    question: question.id.clone(),
                    part: Some(p.label.clone()),
                })
                .collect()
        } else if self.kind.is_none_or(|k| k == question.kind) {
            vec![ItemRef {
                question: question.id.clone(),
                part: None,
            }]
        } else {
            Vec::new()
        }
    }
}

/// `count` questions chosen by `seed` from those `filter` allows, as items to answer (each
/// part of a question is its own item). Questions without a scheme for every item are
/// skipped, since they could not be marked.
pub fn pick(bank: &Bank, filter: &Filter, count: usize, seed: u64) -> Vec<ItemRef> {
    shuffled(bank, filter, seed)
        .into_iter()
        .take(count)
        .flatten()
        .collect()
}

/// The next item to ask a student who has already tried `tried` (scheme keys): the first,
/// in the seed's order, not yet tried, or the first of all when every one has been.
pub fn next_item(
    bank: &Bank,
    filter: &Filter,
    seed: u64,
    tried: &BTreeSet<String>,
) -> Option<ItemRef> {
    let all: Vec<ItemRef> = shuffled(bank, filter, seed).into_iter().flatten().collect();
    all.iter()
        .find(|i| !tried.contains(&i.key()))
        .or(all.first())
        .cloned()
}

/// Every markable item the filter allows, in bank order.
pub fn matching(bank: &Bank, filter: &Filter) -> Vec<ItemRef> {
    markable(bank, filter)
        .into_iter()
        .flat_map(|(_, items)| items)
        .collect()
}

/// Every markable question the filter allows, with its items, in bank order.
fn markable<'b>(bank: &'b Bank, filter: &Filter) -> Vec<(&'b str, Vec<ItemRef>)> {
    bank.questions
        .iter()
        .filter(|q| filter.suits(q))
        .filter_map(|q| {
            let items = filter.items(q);
            let markable =
                !items.is_empty() && items.iter().all(|i| bank.scheme(&i.key()).is_some());
            markable.then_some((q.question.id.as_str(), items))
        })
        .collect()
}

/// Every markable question the filter allows, as its items, in the seed's order.
fn shuffled(bank: &Bank, filter: &Filter, seed: u64) -> Vec<Vec<ItemRef>> {
    let mut candidates = markable(bank, filter);
    candidates.sort_by(|a, b| a.0.cmp(b.0));
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    candidates.shuffle(&mut rng);
    candidates.into_iter().map(|(_, items)| items).collect()
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

    #[test]
    fn a_type_filter_keeps_only_that_type_and_next_item_skips_what_was_tried() {
        let bank = fixture_bank();
        let kind = bank.questions[0].question.kind;
        let filter = Filter {
            kind: Some(kind),
            ..Filter::default()
        };
        let items = pick(&bank, &filter, 100, 3);
        assert!(!items.is_empty());
        for item in &items {
            let q = &bank.question(&item.question).unwrap().question;
            let k = item
                .part
                .as_deref()
                .and_then(|p| q.part(p))
                .map_or(q.kind, |p| p.kind);
            assert!(k == kind || q.kind == kind, "{item:?}");
        }
        let first = next_item(&bank, &filter, 3, &BTreeSet::new()).unwrap();
        assert_eq!(first, items[0]);
        let tried: BTreeSet<String> = [first.key()].into();
        let second = next_item(&bank, &filter, 3, &tried).unwrap();
        assert_ne!(second, first);
        let all: BTreeSet<String> = items.iter().map(ItemRef::key).collect();
        assert_eq!(
            next_item(&bank, &filter, 3, &all),
            Some(first),
            "all tried: start again"
        );
    }
}
