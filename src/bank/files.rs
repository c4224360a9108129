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

/// Every `.yaml`/`.yml` file below `dir`, following links. A link back to a folder it is in
/// (`bank/again -> .`) would make the walk endless; `walkdir` notices it, and it is reported
/// with the link and where it leads rather than followed.
fn walk(dir: &Path, files: &mut Vec<FoundFile>, problems: &mut Vec<Diagnostic>) {
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walker {
        match entry {
            // The entry's type comes with it (followed, for a link): no system call per file.
            Ok(entry) => {
                let is_dir = entry.file_type().is_dir();
                let path = entry.into_path();
                if !is_dir && is_yaml(&path) {
                    files.push(FoundFile {
                        path,
                        explicit: false,
                    });
                }
            }
            // A link that leads nowhere is a file as far as the bank knows: reading it then
            // says what is wrong (and one that is not YAML is skipped, as ever).
            Err(err)
                if err.loop_ancestor().is_none()
                    && err.path().is_some_and(|p| p.is_symlink() && !p.exists()) =>
            {
                if let Some(path) = err.path().filter(|p| is_yaml(p)) {
                    files.push(FoundFile {
                        path: path.to_path_buf(),
                        explicit: false,
                    });
                }
            }
            Err(err) => problems.push(walk_problem(dir, &err)),
        }
    }
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

/// What went wrong walking a bank folder, at the path where it did.
fn walk_problem(dir: &Path, err: &walkdir::Error) -> Diagnostic {
    let at = err.path().unwrap_or(dir);
    if let Some(ancestor) = err.loop_ancestor() {
        return Diagnostic::error(
            at,
            1,
            1,
            format!(
                "this link leads back to {}, a folder it is in, so the bank would never end",
                ancestor.display()
            ),
        )
        .with_help("remove the link, or make it point outside the bank");
    }
    let reason = err
        .io_error()
        .map_or_else(|| err.to_string(), ToString::to_string);
    Diagnostic::error(at, 1, 1, format!("cannot read folder: {reason}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn links_back_to_a_folder_of_the_bank_are_reported_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let bank = dir.path().join("bank");
        std::fs::create_dir_all(bank.join("history")).unwrap();
        std::fs::write(bank.join("history/a.yaml"), "questions: []\n").unwrap();
        std::os::unix::fs::symlink(".", bank.join("again")).unwrap();
        std::os::unix::fs::symlink("..", bank.join("history/up")).unwrap();
        // A link to a folder elsewhere is followed as before.
        std::fs::create_dir_all(dir.path().join("shared")).unwrap();
        std::fs::write(dir.path().join("shared/s.yaml"), "groups: []\n").unwrap();
        std::os::unix::fs::symlink("../shared", bank.join("shared")).unwrap();
        let (files, problems) = yaml_files(std::slice::from_ref(&bank));
        let names: Vec<_> = files.iter().map(|f| f.path.clone()).collect();
        assert_eq!(
            names,
            [bank.join("history/a.yaml"), bank.join("shared/s.yaml")]
        );
        let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].contains(&bank.join("again").display().to_string()));
        assert!(messages[0].contains("leads back to"), "{messages:?}");
        assert!(messages[1].contains(&bank.join("history/up").display().to_string()));
    }
}
