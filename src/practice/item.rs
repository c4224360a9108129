//! One thing to answer, looked up in the bank: a question, or one part of it, with what a
//! student needs to see (command word, marks, sources, options) in one place.

use super::pick::ItemRef;
use crate::bank::{Bank, BankQuestion};
use crate::model::{ChoiceOption, Part, QuestionType, Source};
use crate::report::AnswerHeading;

/// Why an item key does not name something to answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ItemError {
    /// No question has this id.
    #[error("no question `{0}` in the bank")]
    NoQuestion(String),
    /// The question has no such part.
    #[error("question `{id}` has no part `{part}`; its parts are {parts}")]
    NoPart {
        /// Question id.
        id: String,
        /// Part asked for.
        part: String,
        /// The parts it has, comma-separated.
        parts: String,
    },
    /// The question has parts and none was named.
    #[error("question `{id}` has parts {parts}: name one as `{id}/PART`")]
    NeedsPart {
        /// Question id.
        id: String,
        /// The parts it has.
        parts: String,
    },
    /// The item has no mark scheme.
    #[error("question `{0}` has no mark scheme in the bank, so it cannot be marked")]
    NoScheme(String),
}

/// A question or one of its parts, as a student answers it.
#[derive(Debug, Clone, Copy)]
pub struct Item<'b> {
    /// The question (with its topic).
    pub question: &'b BankQuestion,
    /// The part, for one part of a question.
    pub part: Option<&'b Part>,
}

impl<'b> Item<'b> {
    /// Look up `key` (`id` or `id/part`), insisting it can be marked.
    pub fn resolve(bank: &'b Bank, key: &str) -> Result<Item<'b>, ItemError> {
        let (id, part) = match key.split_once('/') {
            Some((id, part)) => (id, Some(part)),
            None => (key, None),
        };
        let question = bank
            .question(id)
            .ok_or_else(|| ItemError::NoQuestion(id.to_string()))?;
        let q = &question.question;
        let labels = || {
            q.parts
                .iter()
                .map(|p| p.label.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let part = match part {
            Some(label) => Some(q.part(label).ok_or_else(|| ItemError::NoPart {
                id: id.to_string(),
                part: label.to_string(),
                parts: labels(),
            })?),
            None if q.has_parts() => {
                return Err(ItemError::NeedsPart {
                    id: id.to_string(),
                    parts: labels(),
                });
            }
            None => None,
        };
        let item = Item { question, part };
        if bank.scheme(&item.key()).is_none() {
            return Err(ItemError::NoScheme(item.key()));
        }
        Ok(item)
    }

    /// The item's reference.
    pub fn item_ref(&self) -> ItemRef {
        ItemRef {
            question: self.question.question.id.clone(),
            part: self.part.map(|p| p.label.clone()),
        }
    }

    /// The scheme key: `id` or `id/part`.
    pub fn key(&self) -> String {
        self.item_ref().key()
    }

    /// Marks available.
    pub fn marks(&self) -> u32 {
        self.part.map_or(self.question.question.marks, |p| p.marks)
    }

    /// The command word.
    pub fn command(&self) -> &'b str {
        self.part
            .map_or(&self.question.question.command, |p| &p.command)
    }

    /// The question type.
    pub fn kind(&self) -> QuestionType {
        self.part.map_or(self.question.question.kind, |p| p.kind)
    }

    /// Sources and interpretations to read: the question's, then the part's.
    pub fn sources(&self) -> impl Iterator<Item = &'b Source> {
        self.question
            .question
            .sources
            .iter()
            .chain(self.part.into_iter().flat_map(|p| &p.sources))
    }

    /// Options, for multiple choice.
    pub fn options(&self) -> &'b [ChoiceOption] {
        self.part
            .map_or(&self.question.question.options, |p| &p.options)
    }

    /// The text asked: the question's (a stem, with parts) and the part's.
    pub fn texts(&self) -> (&'b str, Option<&'b str>) {
        (
            &self.question.question.text,
            self.part.map(|p| p.text.as_str()),
        )
    }

    /// What a report of a marked answer is headed with.
    pub fn heading(&self) -> AnswerHeading {
        let (stem, part) = self.texts();
        AnswerHeading {
            question: self.question.question.id.clone(),
            part: self.part.map(|p| p.label.clone()),
            topic: self.question.topic.clone(),
            text: part.unwrap_or(stem).to_string(),
        }
    }
}
