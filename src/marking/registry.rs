//! Every scheme of a bank compiled once, looked up by key.

use super::marker::{Lexicon, MarkError, Marker};
use crate::bank::Bank;
use std::collections::BTreeMap;

/// The bank's markers by scheme key (`id` or `id/part`). Build once, share across threads.
#[derive(Debug, Clone, Default)]
pub struct Markers {
    by_key: BTreeMap<String, Marker>,
}

impl Markers {
    /// Compile every scheme in `bank` with its question's text (for a part: the stem and
    /// the part's text), its options (multiple choice) and its subject's synonyms.
    pub fn from_bank(bank: &Bank) -> Result<Markers, MarkError> {
        let mut by_key = BTreeMap::new();
        let mut lexicon = Lexicon::default();
        for q in &bank.questions {
            lexicon.add(&q.question.text);
            for part in &q.question.parts {
                lexicon.add(&part.text);
            }
            for source in &q.question.sources {
                lexicon.add(&source.text);
            }
        }
        for s in &bank.schemes {
            lexicon.add(&s.scheme.model_answer);
            for g in &s.scheme.guidance {
                lexicon.add(g);
            }
        }
        for s in &bank.schemes {
            let scheme = &s.scheme;
            let key = scheme.key();
            let question = bank
                .question(&scheme.question)
                .map(|q| &q.question)
                .ok_or_else(|| MarkError::UnknownQuestion { key: key.clone() })?;
            let (text, command, options) = match &scheme.part {
                None => (
                    question.text.clone(),
                    question.command.as_str(),
                    question.options.as_slice(),
                ),
                Some(label) => {
                    let part = question
                        .parts
                        .iter()
                        .find(|p| &p.label == label)
                        .ok_or_else(|| MarkError::UnknownQuestion { key: key.clone() })?;
                    (
                        format!("{}\n{}", question.text, part.text),
                        part.command.as_str(),
                        part.options.as_slice(),
                    )
                }
            };
            let synonyms = bank.synonyms_for(&s.subject);
            let marker = Marker::build(scheme, &text, command, synonyms, options, &lexicon)?;
            by_key.insert(key, marker);
        }
        Ok(Markers { by_key })
    }

    /// The marker for a scheme key.
    pub fn get(&self, key: &str) -> Option<&Marker> {
        self.by_key.get(key)
    }

    /// Every marker, by key.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Marker)> {
        self.by_key.iter().map(|(k, m)| (k.as_str(), m))
    }

    /// How many schemes were compiled.
    pub fn len(&self) -> usize {
        self.by_key.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }
}
