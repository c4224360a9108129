//! The loaded bank: questions, mark schemes, synonym lists and blueprints, with where each
//! came from, so every later stage can point a teacher back at the file to fix.

pub mod bundled;
pub mod cache;
pub mod check;
pub mod diagnostic;
pub mod explain;
pub mod files;
pub mod load;
pub mod partial;
pub mod read;
pub mod schema;
pub mod source;
pub mod span;
pub mod topics;

pub use check::{BrokenBank, check, load_checked};
pub use diagnostic::{Diagnostic, Severity};
pub use load::{FileKind, load};
pub use partial::{PartialBank, load_partial};
pub use span::{FileSpans, Location, SpanIndex};

use crate::model::{Blueprint, Question, Scheme, SynonymFile};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A question together with the topic file it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BankBlueprint {
    /// The blueprint itself.
    pub blueprint: Blueprint,
    /// The file it was read from.
    pub file: PathBuf,
}

/// Everything loaded from the paths given, in a stable order (files sorted by path, items
/// in file order), so that selection from a seed is reproducible.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
    /// Where everything was read from, line by line, so checks can point at it. Empty for a
    /// bank built in code; checks then point at the start of each file.
    pub locations: Locations,
}

/// Positions of the loaded items in their files.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Locations {
    /// Every file read, recognised or not, in the order read.
    pub files: Vec<PathBuf>,
    /// Each file's node positions, indexed when first asked for. Not stored by the cache,
    /// which rebuilds them from the files' texts it reads anyway to check they are unchanged.
    #[serde(skip)]
    pub spans: BTreeMap<PathBuf, FileSpans>,
    /// For `questions[i]` of the bank, its index in its file's `questions` list (they differ
    /// when an earlier question of the file failed to load).
    pub question_items: Vec<usize>,
    /// For `schemes[i]` of the bank, its index in its file's `schemes` list.
    pub scheme_items: Vec<usize>,
    /// The synonyms file each subject's groups came from.
    pub synonym_files: BTreeMap<String, PathBuf>,
    /// Files that could not be read as YAML at all: their items are unknown, so
    /// cross-checks skip what the file's topic might have held.
    pub broken: Vec<PathBuf>,
    /// Question ids and scheme keys of items that failed to load: already reported, so
    /// cross-checks do not report them again as missing.
    pub unloaded: BTreeSet<String>,
    /// When only some schemes were loaded (`generate` loads those of the questions it
    /// prints), the ids of the questions whose schemes were: only these are checked for a
    /// missing scheme. `None` when every scheme was loaded.
    pub schemes_loaded_for: Option<BTreeSet<String>>,
}

impl Locations {
    /// Whether a file of this subject and topic (`…/<subject>/<topic>.yaml`) failed to load,
    /// so that what it held is unknown.
    pub fn topic_unknown(&self, subject: &str, topic: &str) -> bool {
        self.broken.iter().any(|file| {
            file.file_stem().is_some_and(|s| s == topic)
                && file
                    .parent()
                    .and_then(|p| p.file_name())
                    .is_some_and(|p| p == subject)
        })
    }

    /// Where the node at `path` of `file` is (or its nearest ancestor; else the file start).
    pub fn locate(&self, file: &Path, path: &str) -> Location {
        self.spans
            .get(file)
            .map_or(Location::START, |spans| spans.index().locate(path))
    }

    /// Where the key of the node at `path` of `file` is; else as [`Locations::locate`].
    pub fn locate_key(&self, file: &Path, path: &str) -> Location {
        self.spans
            .get(file)
            .map_or(Location::START, |spans| spans.index().locate_key(path))
    }
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

    /// The YAML path of `questions[i]` of the bank in its file, e.g. `questions[3]`.
    pub fn question_path(&self, i: usize) -> String {
        let index = self
            .locations
            .question_items
            .get(i)
            .copied()
            .unwrap_or_else(|| {
                let file = &self.questions[i].file;
                self.questions[..i]
                    .iter()
                    .filter(|q| &q.file == file)
                    .count()
            });
        span::item("questions", index)
    }

    /// The YAML path of `schemes[i]` of the bank in its file, e.g. `schemes[0]`.
    pub fn scheme_path(&self, i: usize) -> String {
        let index = self
            .locations
            .scheme_items
            .get(i)
            .copied()
            .unwrap_or_else(|| {
                let file = &self.schemes[i].file;
                self.schemes[..i].iter().filter(|s| &s.file == file).count()
            });
        span::item("schemes", index)
    }
}
