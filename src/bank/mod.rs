//! The loaded bank: questions, mark schemes, synonym lists and blueprints, with where each
//! came from, so every later stage can point a teacher back at the file to fix.

pub mod diagnostic;
pub mod load;

pub use diagnostic::{Diagnostic, Severity};
pub use load::{FileKind, load};

use crate::model::{Blueprint, Question, Scheme, SynonymFile};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A question together with the topic file it came from.
#[derive(Debug, Clone)]
pub struct BankQuestion {
    /// Subject key from the file header.
    pub subject: String,
    /// Topic key from the file header.
    pub topic: String,
    /// Topic title from the file header.
    pub topic_title: String,
    /// The question itself.
    pub question: Question,
    /// The file it was read from.
    pub file: PathBuf,
}

/// A scheme together with the file it came from.
#[derive(Debug, Clone)]
pub struct BankScheme {
    /// Subject key from the file header.
    pub subject: String,
    /// Topic key from the file header.
    pub topic: String,
    /// The scheme itself.
    pub scheme: Scheme,
    /// The file it was read from.
    pub file: PathBuf,
}

/// A blueprint together with the file it came from.
#[derive(Debug, Clone)]
pub struct BankBlueprint {
    /// The blueprint itself.
    pub blueprint: Blueprint,
    /// The file it was read from.
    pub file: PathBuf,
}

/// Everything loaded from the paths given, in a stable order (files sorted by path, items
/// in file order), so that selection from a seed is reproducible.
#[derive(Debug, Clone, Default)]
pub struct Bank {
    /// All questions.
    pub questions: Vec<BankQuestion>,
    /// All mark schemes.
    pub schemes: Vec<BankScheme>,
    /// Synonym files by subject.
    pub synonyms: BTreeMap<String, SynonymFile>,
    /// All blueprints.
    pub blueprints: Vec<BankBlueprint>,
    /// A hash of every file's bytes, in path order: the "bank version" recorded in
    /// manifests, so marking can tell when a bank has changed since a paper was printed.
    pub version: String,
}

impl Bank {
    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&BankQuestion> {
        self.questions.iter().find(|q| q.question.id == id)
    }

    /// The scheme filed under this key (`id` or `id/part`).
    pub fn scheme(&self, key: &str) -> Option<&BankScheme> {
        self.schemes.iter().find(|s| s.scheme.key() == key)
    }

    /// The shared synonym groups of a subject.
    pub fn synonyms_for(&self, subject: &str) -> Option<&SynonymFile> {
        self.synonyms.get(subject)
    }
}
