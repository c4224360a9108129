//! Reading YAML files into a [`Bank`], collecting every problem rather than stopping at the
//! first, because a teacher fixing a bank wants the whole list at once.
//!
//! Files are recognised by their top-level keys, not their folder, so `examkit check` can be
//! pointed at any mix of files and folders.

use super::{Bank, BankBlueprint, BankQuestion, BankScheme, Diagnostic};
use crate::model::{Blueprint, QuestionFile, SchemeFile, SynonymFile};
use sha2::{Digest, Sha256};
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
    /// Guess the kind from a parsed document's top-level keys.
    pub fn sniff(value: &serde_yaml::Value) -> Option<FileKind> {
        let map = value.as_mapping()?;
        let has = |k: &str| map.contains_key(serde_yaml::Value::String(k.to_string()));
        if has("questions") {
            Some(FileKind::Questions)
        } else if has("schemes") {
            Some(FileKind::Schemes)
        } else if has("groups") {
            Some(FileKind::Synonyms)
        } else if has("sections") {
            Some(FileKind::Blueprint)
        } else {
            None
        }
    }
}

/// Every `.yaml`/`.yml` file under the given paths, sorted, without duplicates.
pub fn yaml_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut files, &mut problems);
        } else if path.is_file() {
            files.push(path.clone());
        } else {
            problems.push(
                Diagnostic::error(path, 0, 0, "no such file or folder")
                    .with_help("check the path; examkit expects question-bank/, mark-schemes/ or a blueprint file"),
            );
        }
    }
    files.sort();
    files.dedup();
    (files, problems)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<Diagnostic>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            problems.push(Diagnostic::error(
                dir,
                0,
                0,
                format!("cannot read folder: {err}"),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, files, problems);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        ) {
            files.push(path);
        }
    }
}

/// Load every recognised file under `paths`. Returns the bank built from the files that
/// parsed, and every problem met on the way (files that did not parse are left out).
pub fn load(paths: &[PathBuf]) -> (Bank, Vec<Diagnostic>) {
    let (files, mut problems) = yaml_files(paths);
    let mut bank = Bank::default();
    let mut hasher = Sha256::new();
    for file in &files {
        let text = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(err) => {
                problems.push(Diagnostic::error(
                    file,
                    0,
                    0,
                    format!("cannot read file: {err}"),
                ));
                continue;
            }
        };
        hasher.update(file.to_string_lossy().as_bytes());
        hasher.update(&text);
        let text = String::from_utf8_lossy(&text);
        if let Err(diag) = load_one(file, &text, &mut bank) {
            problems.push(diag);
        }
    }
    let digest = hasher.finalize();
    bank.version = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    (bank, problems)
}

/// Parse one file's text into the bank.
pub fn load_one(file: &Path, text: &str, bank: &mut Bank) -> Result<Option<FileKind>, Diagnostic> {
    let value: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| yaml_error(file, &e))?;
    let Some(kind) = FileKind::sniff(&value) else {
        return Ok(None);
    };
    match kind {
        FileKind::Questions => {
            let parsed: QuestionFile =
                serde_yaml::from_str(text).map_err(|e| yaml_error(file, &e))?;
            for question in parsed.questions {
                bank.questions.push(BankQuestion {
                    subject: parsed.subject.clone(),
                    topic: parsed.topic.clone(),
                    topic_title: parsed.title.clone(),
                    question,
                    file: file.to_path_buf(),
                });
            }
        }
        FileKind::Schemes => {
            let parsed: SchemeFile =
                serde_yaml::from_str(text).map_err(|e| yaml_error(file, &e))?;
            for scheme in parsed.schemes {
                bank.schemes.push(BankScheme {
                    subject: parsed.subject.clone(),
                    topic: parsed.topic.clone(),
                    scheme,
                    file: file.to_path_buf(),
                });
            }
        }
        FileKind::Synonyms => {
            let parsed: SynonymFile =
                serde_yaml::from_str(text).map_err(|e| yaml_error(file, &e))?;
            bank.synonyms.insert(parsed.subject.clone(), parsed);
        }
        FileKind::Blueprint => {
            let blueprint: Blueprint =
                serde_yaml::from_str(text).map_err(|e| yaml_error(file, &e))?;
            bank.blueprints.push(BankBlueprint {
                blueprint,
                file: file.to_path_buf(),
            });
        }
    }
    Ok(Some(kind))
}

/// Turn a YAML error into a located diagnostic (serde_yaml's errors carry line and column).
pub fn yaml_error(file: &Path, err: &serde_yaml::Error) -> Diagnostic {
    let (line, column) = err
        .location()
        .map(|l| (l.line(), l.column()))
        .unwrap_or((0, 0));
    Diagnostic::error(file, line, column, err.to_string())
}
