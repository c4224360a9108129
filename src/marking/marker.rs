//! A scheme compiled for marking: patterns parsed, words stemmed and synonym groups expanded
//! once, so marking an answer is only matching. Compile once, mark many answers (in
//! parallel: a `Marker` is `Send + Sync`).

use super::result::MarkResult;
use crate::model::{Scheme, SynonymFile};

/// Why a scheme could not be compiled for marking.
#[derive(Debug, thiserror::Error)]
pub enum MarkError {
    /// A pattern's regex does not compile.
    #[error("scheme `{key}`: invalid regex `{regex}`: {message}")]
    BadRegex {
        /// Scheme key.
        key: String,
        /// The regex as written.
        regex: String,
        /// What the regex engine said.
        message: String,
    },
    /// A phrase refers to a synonym group that does not exist.
    #[error("scheme `{key}`: unknown synonym group `@{group}`")]
    UnknownGroup {
        /// Scheme key.
        key: String,
        /// The group named.
        group: String,
    },
}

/// A compiled scheme. (Interface placeholder: the engine replaces the body.)
#[derive(Debug, Clone)]
pub struct Marker {
    scheme: Scheme,
}

impl Marker {
    /// Compile `scheme` for the question whose text is `question_text` (its words are
    /// "echo" and earn nothing on their own), with the subject's shared synonym groups.
    pub fn new(
        scheme: &Scheme,
        question_text: &str,
        synonyms: Option<&SynonymFile>,
    ) -> Result<Marker, MarkError> {
        let _ = (question_text, synonyms);
        Ok(Marker {
            scheme: scheme.clone(),
        })
    }

    /// The scheme this marker applies.
    pub fn scheme(&self) -> &Scheme {
        &self.scheme
    }

    /// Mark one answer. Never panics, whatever the text; the mark is within 0..=max.
    pub fn mark(&self, answer: &str) -> MarkResult {
        let _ = answer;
        MarkResult {
            key: self.scheme.key(),
            awarded: 0,
            max: self.scheme.max,
            points: Vec::new(),
            level: None,
            penalties: Vec::new(),
            notes: Vec::new(),
            model_answer: self.scheme.model_answer.clone(),
        }
    }
}
