//! Finding the files to load, and telling what each one holds.
//!
//! Files are recognised by their top-level key (falling back to a near-miss of one, then to
//! the folder they sit in), not by name, so a check can be pointed at any mix of files and
//! folders, and a misspelt key is reported rather than the file silently skipped.

use super::Diagnostic;
use super::explain::nearest;
use std::path::{Path, PathBuf};

/// What a YAML file holds, judged from its top-level keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A topic file of questions (`questions:`).
    Questions,
    /// A mark-scheme file (`schemes:`).
    Schemes,
    /// A subject's synonym groups (`groups:`).
    Synonyms,
    /// A paper blueprint (`sections:`).
    Blueprint,
}

impl FileKind {
    /// Every kind with the top-level key that marks it.
    const KEYS: [(&'static str, FileKind); 4] = [
        ("questions", FileKind::Questions),
        ("schemes", FileKind::Schemes),
        ("groups", FileKind::Synonyms),
        ("sections", FileKind::Blueprint),
    ];

    /// Guess the kind from a parsed document's top-level keys.
    pub fn sniff(value: &serde_yaml::Value) -> Option<FileKind> {
        let map = value.as_mapping()?;
        Self::KEYS
            .iter()
            .find(|(key, _)| map.contains_key(serde_yaml::Value::String(key.to_string())))
            .map(|(_, kind)| *kind)
    }

    /// A cheap guess from the text alone: the kind whose key starts a line. Only a hint of
    /// which type to try parsing the file as first — the loader trusts it only when that
    /// parse succeeds — so a key inside a block scalar or a flow map can cost time, never
    /// a wrong result.
    pub fn sniff_text(text: &str) -> Option<FileKind> {
        text.lines().find_map(|line| {
            Self::KEYS
                .iter()
                .find(|(key, _)| {
                    line.strip_prefix(key)
                        .is_some_and(|rest| rest.starts_with(':'))
                })
                .map(|(_, kind)| *kind)
        })
    }

    /// Like [`FileKind::sniff`], but also recognising a misspelt top-level key
    /// (`question:`) and, failing that, the folder (`question-bank/`, `mark-schemes/`), so
    /// that a typo makes an error rather than a silently skipped file.
    pub fn sniff_file(value: &serde_yaml::Value, file: &Path) -> Option<FileKind> {
        if let Some(kind) = Self::sniff(value) {
            return Some(kind);
        }
        // A near-miss key counts only beside the header that kind of file also has, so an
        // answers file with `question: some-id` is not taken for a question bank.
        let near = value.as_mapping().and_then(|map| {
            let has = |k: &str| map.contains_key(serde_yaml::Value::String(k.to_string()));
            map.keys().filter_map(|k| k.as_str()).find_map(|k| {
                let best = nearest(k, Self::KEYS.iter().map(|(key, _)| *key))?;
                let kind = Self::KEYS
                    .iter()
                    .find(|(key, _)| *key == best)
                    .map(|(_, kind)| *kind)?;
                let header = match kind {
                    FileKind::Questions | FileKind::Schemes => has("topic"),
                    FileKind::Synonyms => has("subject"),
                    FileKind::Blueprint => has("board"),
                };
                header.then_some(kind)
            })
        });
        near.or_else(|| {
            let in_folder = |name: &str| file.components().any(|c| c.as_os_str() == name);
            if in_folder("question-bank") {
                Some(FileKind::Questions)
            } else if in_folder("mark-schemes") {
                Some(if file.file_stem().is_some_and(|s| s == "synonyms") {
                    FileKind::Synonyms
                } else {
                    FileKind::Schemes
                })
            } else {
                None
            }
        })
    }

    /// What a teacher would call a file of this kind.
    pub fn describe(self) -> &'static str {
        match self {
            FileKind::Questions => "question bank file",
            FileKind::Schemes => "mark scheme file",
            FileKind::Synonyms => "synonyms file",
            FileKind::Blueprint => "paper blueprint",
        }
    }
}

/// A file to load, and whether the user named it (rather than it being found in a folder).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FoundFile {
    /// The file.
    pub path: PathBuf,
    /// Named on the command line: files of no known kind are then an error, not skipped.
    pub explicit: bool,
}

/// Every `.yaml`/`.yml` file under the given paths, sorted, without duplicates.
pub fn yaml_files(paths: &[PathBuf]) -> (Vec<FoundFile>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut files, &mut problems);
        } else if path.exists() {
            files.push(FoundFile {
                path: path.clone(),
                explicit: true,
            });
        } else {
            problems.push(
                Diagnostic::error(path, 1, 1, "no such file or folder").with_help(
                    "check the path; examkit expects question-bank/, mark-schemes/ or a blueprint file",
                ),
            );
        }
    }
    // A file both named and found in a folder counts as named.
    files.sort_by(|a, b| a.path.cmp(&b.path).then(b.explicit.cmp(&a.explicit)));
    files.dedup_by(|a, b| a.path == b.path);
    (files, problems)
}

fn walk(dir: &Path, files: &mut Vec<FoundFile>, problems: &mut Vec<Diagnostic>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            problems.push(Diagnostic::error(
                dir,
                1,
                1,
                format!("cannot read folder: {err}"),
            ));
            return;
        }
    };
    // An entry's own type comes with it (no system call per file, which a bank of many
    // files notices); only a link is followed to see whether it leads to a folder.
    let mut paths: Vec<(PathBuf, bool)> = entries
        .flatten()
        .map(|e| {
            let path = e.path();
            let is_dir = match e.file_type() {
                Ok(kind) if !kind.is_symlink() => kind.is_dir(),
                _ => path.is_dir(),
            };
            (path, is_dir)
        })
        .collect();
    paths.sort();
    for (path, is_dir) in paths {
        if is_dir {
            walk(&path, files, problems);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        ) {
            files.push(FoundFile {
                path,
                explicit: false,
            });
        }
    }
}
