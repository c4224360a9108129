//! Reading YAML files into a [`Bank`], collecting every problem rather than stopping at the
//! first, because a teacher fixing a bank wants the whole list at once.
//!
//! Files are recognised by their top-level keys (falling back to a near-miss of one, then to
//! the folder they sit in), so `examkit check` can be pointed at any mix of files and
//! folders. serde_yaml stops at a file's first error, so when a question or scheme file fails
//! each of its items is parsed again on its own — the file's text with everything else
//! blanked out, so lines and columns stay true — which reports the errors of every broken
//! item and still loads the good ones.

use super::explain::{YamlError, nearest};
use super::span::{self, Location, SpanIndex};
use super::{Bank, BankBlueprint, BankQuestion, BankScheme, Diagnostic};
use crate::model::{
    Blueprint, Pattern, PatternSpec, Question, QuestionFile, Scheme, SchemeFile, SynonymFile,
};
use serde::de::DeserializeOwned;
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

    /// Like [`FileKind::sniff`], but also recognising a misspelt top-level key
    /// (`question:`) and, failing that, the folder (`question-bank/`, `mark-schemes/`), so
    /// that a typo makes an error rather than a silently skipped file.
    pub fn sniff_file(value: &serde_yaml::Value, file: &Path) -> Option<FileKind> {
        if let Some(kind) = Self::sniff(value) {
            return Some(kind);
        }
        let map = value.as_mapping()?;
        let near = map.keys().filter_map(|k| k.as_str()).find_map(|k| {
            let best = nearest(k, Self::KEYS.iter().map(|(key, _)| *key))?;
            Self::KEYS
                .iter()
                .find(|(key, _)| *key == best)
                .map(|(_, kind)| *kind)
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
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
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

/// Load every recognised file under `paths`. Returns the bank built from everything that
/// parsed, and every problem met on the way.
pub fn load(paths: &[PathBuf]) -> (Bank, Vec<Diagnostic>) {
    let (files, mut problems) = yaml_files(paths);
    let mut bank = Bank::default();
    let mut hasher = Sha256::new();
    for found in &files {
        let file = &found.path;
        let bytes = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(err) => {
                problems.push(
                    Diagnostic::error(file, 1, 1, format!("cannot read file: {err}"))
                        .with_help("check the file exists and you are allowed to read it"),
                );
                continue;
            }
        };
        hasher.update(file.to_string_lossy().as_bytes());
        hasher.update(&bytes);
        load_bytes(file, &bytes, found.explicit, &mut bank, &mut problems);
    }
    let digest = hasher.finalize();
    bank.version = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    (bank, problems)
}

/// Load one file's bytes into the bank, adding its problems to `problems`. Returns the kind
/// of file it was, if it was recognised.
pub fn load_bytes(
    file: &Path,
    bytes: &[u8],
    explicit: bool,
    bank: &mut Bank,
    problems: &mut Vec<Diagnostic>,
) -> Option<FileKind> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let good = &bytes[..err.valid_up_to()];
            let good = String::from_utf8_lossy(good);
            let line = good.matches('\n').count() + 1;
            let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            problems.push(
                Diagnostic::error(
                    file,
                    line,
                    column,
                    "not a UTF-8 text file: this byte is not valid UTF-8",
                )
                .with_help(
                    "save the file as UTF-8 text (it may be a binary file or use another encoding)",
                ),
            );
            return None;
        }
    };
    load_text(
        file,
        text.strip_prefix('\u{feff}').unwrap_or(text),
        explicit,
        bank,
        problems,
    )
}

/// Load one file's text into the bank, adding its problems to `problems`.
pub fn load_text(
    file: &Path,
    text: &str,
    explicit: bool,
    bank: &mut Bank,
    problems: &mut Vec<Diagnostic>,
) -> Option<FileKind> {
    let value: serde_yaml::Value = match serde_yaml::from_str(text) {
        Ok(value) => value,
        Err(err) => {
            problems.push(YamlError::new(&err).diagnostic(file));
            return None;
        }
    };
    if value.is_null() {
        let diag = Diagnostic::error(file, 1, 1, "empty file")
            .with_help("write the file's content, or delete it");
        problems.push(if explicit { diag } else { diag.as_warning() });
        return None;
    }
    let Some(kind) = FileKind::sniff_file(&value, file) else {
        if explicit {
            problems.push(
                Diagnostic::error(
                    file,
                    1,
                    1,
                    "not a question bank, mark scheme, synonyms or blueprint file",
                )
                .with_help(
                    "examkit recognises a file by its top-level key: `questions:` (question bank), \
                     `schemes:` (mark schemes), `groups:` (synonyms) or `sections:` (blueprint)",
                ),
            );
        }
        return None;
    };
    let index = SpanIndex::build(text);
    let mut loader = FileLoader {
        file,
        text,
        value: &value,
        index: &index,
        bank,
        problems,
    };
    match kind {
        FileKind::Questions => loader.questions(),
        FileKind::Schemes => loader.schemes(),
        FileKind::Synonyms => loader.synonyms(),
        FileKind::Blueprint => loader.blueprint(),
    }
    bank.locations.spans.insert(file.to_path_buf(), index);
    Some(kind)
}

/// One file being loaded.
struct FileLoader<'a> {
    file: &'a Path,
    text: &'a str,
    value: &'a serde_yaml::Value,
    index: &'a SpanIndex,
    bank: &'a mut Bank,
    problems: &'a mut Vec<Diagnostic>,
}

impl FileLoader<'_> {
    fn header(&self, key: &str) -> String {
        self.value
            .get(key)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string()
    }

    fn report(&mut self, err: YamlError) {
        let diag = err.diagnostic(self.file);
        if !self.problems.contains(&diag) {
            self.problems.push(diag);
        }
    }

    /// A whole-file parse error, made more precise where serde's wording is vague.
    fn refine(&self, err: &serde_yaml::Error) -> YamlError {
        let err = YamlError::new(err);
        if err.is_untagged_mismatch() {
            return self.pattern_error(&err.path, 0).unwrap_or(err);
        }
        err
    }

    /// serde says only that some phrasing in the list at `path` is neither text nor a valid
    /// map; find which, and say what is wrong with it.
    fn pattern_error(&self, path: &str, depth: usize) -> Option<YamlError> {
        if depth > 8 {
            return None;
        }
        for i in 0..self.index.len(path) {
            let item = span::item(path, i);
            let alone = self.index.isolate(self.text, &item)?;
            if serde_yaml::from_str::<Pattern>(&alone).is_ok() {
                continue;
            }
            let inner = match serde_yaml::from_str::<PatternSpec>(&alone) {
                Ok(_) => continue,
                Err(e) => YamlError::new(&e).under(&item),
            };
            if inner.is_untagged_mismatch() {
                return self.pattern_error(&inner.path, depth + 1).or(Some(inner));
            }
            return Some(inner);
        }
        None
    }

    /// Parse the items of the list at `list` one at a time, after the whole file failed.
    /// Returns the items that parsed, with their index in the list.
    fn items<T: DeserializeOwned>(
        &mut self,
        list: &str,
        whole: &serde_yaml::Error,
    ) -> Vec<(usize, T)> {
        let mut good = Vec::new();
        let mut bad_spans = Vec::new();
        for i in 0..self.index.len(list) {
            let path = span::item(list, i);
            let Some(alone) = self.index.isolate(self.text, &path) else {
                continue;
            };
            match serde_yaml::from_str::<T>(&alone) {
                Ok(item) => good.push((i, item)),
                Err(err) => {
                    let mut err = YamlError::new(&err).under(&path);
                    if err.is_untagged_mismatch() {
                        err = self.pattern_error(&err.path, 0).unwrap_or(err);
                    }
                    self.report(err);
                    bad_spans.push(path);
                    if let Some(id) = self.item_key(list, i) {
                        self.bank.locations.unloaded.insert(id);
                    }
                }
            }
        }
        let whole = self.refine(whole);
        let inside_reported_item = bad_spans.iter().any(|p| self.index.contains(p, whole.at));
        if !inside_reported_item {
            self.report(whole);
        }
        good
    }

    /// The id (question) or key (scheme) of item `i` of `list`, read from the raw YAML.
    fn item_key(&self, list: &str, i: usize) -> Option<String> {
        let item = self.value.get(list)?.get(i)?;
        let field = if list == "questions" {
            "id"
        } else {
            "question"
        };
        let id = item.get(field)?.as_str()?;
        Some(match item.get("part").and_then(|p| p.as_str()) {
            Some(part) if list == "schemes" => format!("{id}/{part}"),
            _ => id.to_string(),
        })
    }

    fn questions(&mut self) {
        let (subject, topic, title, questions) =
            match serde_yaml::from_str::<QuestionFile>(self.text) {
                Ok(parsed) => (
                    parsed.subject,
                    parsed.topic,
                    parsed.title,
                    parsed.questions.into_iter().enumerate().collect(),
                ),
                Err(err) => (
                    self.header("subject"),
                    self.header("topic"),
                    self.header("title"),
                    self.items::<Question>("questions", &err),
                ),
            };
        for (i, question) in questions {
            self.bank.questions.push(BankQuestion {
                subject: subject.clone(),
                topic: topic.clone(),
                topic_title: title.clone(),
                question,
                file: self.file.to_path_buf(),
            });
            self.bank.locations.question_items.push(i);
        }
    }

    fn schemes(&mut self) {
        let (subject, topic, schemes) = match serde_yaml::from_str::<SchemeFile>(self.text) {
            Ok(parsed) => (
                parsed.subject,
                parsed.topic,
                parsed.schemes.into_iter().enumerate().collect(),
            ),
            Err(err) => (
                self.header("subject"),
                self.header("topic"),
                self.items::<Scheme>("schemes", &err),
            ),
        };
        for (i, scheme) in schemes {
            self.bank.schemes.push(BankScheme {
                subject: subject.clone(),
                topic: topic.clone(),
                scheme,
                file: self.file.to_path_buf(),
            });
            self.bank.locations.scheme_items.push(i);
        }
    }

    fn synonyms(&mut self) {
        match serde_yaml::from_str::<SynonymFile>(self.text) {
            Ok(parsed) => {
                if let Some(first) = self.bank.locations.synonym_files.get(&parsed.subject) {
                    let at = self.index.locate("subject");
                    let diag = Diagnostic::error(
                        self.file,
                        at.line,
                        at.column,
                        format!(
                            "a second synonyms file for subject `{}` (the first is {})",
                            parsed.subject,
                            first.display()
                        ),
                    )
                    .with_help("keep one synonyms.yaml per subject and merge the groups into it");
                    self.problems.push(diag);
                    return;
                }
                self.bank
                    .locations
                    .synonym_files
                    .insert(parsed.subject.clone(), self.file.to_path_buf());
                self.bank.synonyms.insert(parsed.subject.clone(), parsed);
            }
            Err(err) => {
                let err = self.refine(&err);
                self.report(err);
            }
        }
    }

    fn blueprint(&mut self) {
        match serde_yaml::from_str::<Blueprint>(self.text) {
            Ok(blueprint) => self.bank.blueprints.push(BankBlueprint {
                blueprint,
                file: self.file.to_path_buf(),
            }),
            Err(err) => {
                let err = self.refine(&err);
                self.report(err);
            }
        }
    }
}

/// Turn a YAML error into a located diagnostic (serde_yaml's errors carry line and column).
pub fn yaml_error(file: &Path, err: &serde_yaml::Error) -> Diagnostic {
    YamlError::new(err).diagnostic(file)
}

/// Where serde_yaml's error is, as a [`Location`].
pub fn error_location(err: &serde_yaml::Error) -> Location {
    YamlError::new(err).at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_str(name: &str, text: &str) -> (Bank, Vec<Diagnostic>) {
        let mut bank = Bank::default();
        let mut problems = Vec::new();
        load_text(Path::new(name), text, true, &mut bank, &mut problems);
        (bank, problems)
    }

    const QUESTIONS: &str = "\
subject: history
topic: cuba
title: Cuba
questions:
  - id: good-1
    boards: [aqa]
    type: recall
    marks: 1
    command: Name
    text: Name the US president in 1962.
  - id: bad-1
    boards: [aqa]
    type: recall
    markz: 1
    command: Name
    text: x
  - id: good-2
    boards: [aqa]
    type: recall
    marks: 1
    command: Name
    text: Name the Soviet leader in 1962.
  - id: bad-2
    boards: [aqa]
    type: recal
    marks: 1
    command: Name
    text: x
";

    #[test]
    fn every_broken_item_is_reported_and_good_ones_load() {
        let (bank, problems) = load_str("q.yaml", QUESTIONS);
        let ids: Vec<&str> = bank
            .questions
            .iter()
            .map(|q| q.question.id.as_str())
            .collect();
        assert_eq!(ids, ["good-1", "good-2"]);
        assert_eq!(bank.locations.question_items, [0, 2]);
        let found: Vec<(usize, usize, &str)> = problems
            .iter()
            .map(|d| (d.line, d.column, d.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (14, 5, "unknown key `markz` in `questions[1]`"),
                (25, 11, "`recal` is not a valid value for `type`"),
            ]
        );
        assert!(bank.locations.unloaded.contains("bad-1"));
        assert!(bank.locations.unloaded.contains("bad-2"));
    }

    #[test]
    fn a_bad_pattern_is_pinned_to_its_key() {
        let text = "\
subject: history
topic: cuba
schemes:
  - question: q
    max: 1
    model_answer: x
    rules:
      points:
        points:
          - id: p
            label: l
            accept:
              - plain phrase
              - {phrase: x, gapp: 2}
";
        let (_, problems) = load_str("s.yaml", text);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!((problems[0].line, problems[0].column), (14, 29));
        assert!(problems[0].message.starts_with("unknown key `gapp`"));
        assert!(problems[0].help.as_deref().unwrap().contains("`gap`"));
    }

    #[test]
    fn header_errors_are_reported_too() {
        let text = "subject: history\ntopic: cuba\nquestions: []\n";
        let (_, problems) = load_str("q.yaml", text);
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].message,
            "missing key `title` at the top of the file"
        );
    }

    #[test]
    fn misspelt_top_level_key_is_not_skipped() {
        let (_, problems) = load_str("x.yaml", "subject: h\ntopic: t\ntitle: t\nquestion: []\n");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("`question`"), "{problems:?}");
    }
}
