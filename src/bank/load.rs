//! Reading YAML files into a [`Bank`], collecting every problem rather than stopping at the
//! first, because a teacher fixing a bank wants the whole list at once.
//!
//! serde_yaml stops at a file's first error, so when a question or scheme file fails each of
//! its items is parsed again on its own — the file's text with everything else
//! blanked out, so lines and columns stay true — which reports the errors of every broken
//! item and still loads the good ones.

pub use super::files::{FileKind, FoundFile, yaml_files};
pub use super::read::{BankFiles, Content, ReadFile};

use super::explain::YamlError;
use super::span::{self, FileSpans, Location, SpanIndex};
use super::{Bank, BankBlueprint, BankQuestion, BankScheme, Diagnostic};
use crate::model::{
    Blueprint, Pattern, PatternSpec, Question, QuestionFile, Scheme, SchemeFile, SynonymFile,
};
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

/// Load every recognised file under `paths`. Returns the bank built from everything that
/// parsed, and every problem met on the way.
pub fn load(paths: &[PathBuf]) -> (Bank, Vec<Diagnostic>) {
    load_files(BankFiles::read(paths))
}

/// As [`load`], from files already read.
pub fn load_files(files: BankFiles) -> (Bank, Vec<Diagnostic>) {
    load_with(files, |_, text| Some(text))
}

/// As [`load_files`], but first offering each UTF-8 file's text (without a byte-order mark)
/// to `take`, which keeps it to load itself (`None`) or hands it back to be loaded here; the
/// file counts towards the bank's version either way.
pub(super) fn load_with(
    files: BankFiles,
    mut take: impl FnMut(&Path, String) -> Option<String>,
) -> (Bank, Vec<Diagnostic>) {
    let mut bank = Bank {
        version: files.version(),
        ..Bank::default()
    };
    let mut problems = files.problems;
    for ReadFile {
        path: file,
        explicit,
        content,
    } in files.files
    {
        match content.now(&file) {
            Content::Text { text, .. } => {
                bank.locations.files.push(file.clone());
                if let Some(text) = take(&file, text) {
                    load_text(&file, &text, explicit, &mut bank, &mut problems);
                }
            }
            Content::Binary(bytes) => {
                bank.locations.files.push(file.clone());
                load_bytes(&file, &bytes, explicit, &mut bank, &mut problems);
            }
            Content::Unreadable(problem) => problems.push(problem),
            Content::Unread { .. } => {}
        }
    }
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
            bank.locations.broken.push(file.to_path_buf());
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
    if let Some(at) = too_deep(text) {
        problems.push(
            Diagnostic::error_at(
                file,
                at,
                "lists or maps nested too deeply (more than 128 levels)",
            )
            .with_help("this is not a bank file, or brackets were left open"),
        );
        bank.locations.broken.push(file.to_path_buf());
        return None;
    }
    let spans = FileSpans::new(text);
    // A well-formed file is parsed once, straight into its kind's type. The guess from the
    // text is safe to trust when that parse succeeds: every file type requires its kind's
    // key and denies unknown keys, so sniffing the parsed document would name the same kind.
    if let Some(kind) = FileKind::sniff_text(text)
        && let Ok(parsed) = Parsed::parse(kind, text)
    {
        FileLoader::new(file, text, None, &spans, bank, problems).add(parsed);
        bank.locations.spans.insert(file.to_path_buf(), spans);
        return Some(kind);
    }
    let value: serde_yaml::Value = match serde_yaml::from_str(text) {
        Ok(value) => value,
        Err(err) => {
            let err = YamlError::new(&err);
            let mut diag = err.diagnostic(file);
            match char_at(text, err.at) {
                Some('\t') => {
                    diag = diag.with_help(
                        "YAML does not allow tabs for indentation: indent with spaces (set your editor to insert spaces)",
                    );
                }
                Some(c @ ('@' | '`')) => {
                    diag = diag.with_help(format!(
                        "text starting with `{c}` must be quoted, e.g. \"{c}ussr withdrew missiles\""
                    ));
                }
                _ => {}
            }
            problems.push(diag);
            bank.locations.broken.push(file.to_path_buf());
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
    let mut loader = FileLoader::new(file, text, Some(&value), &spans, bank, problems);
    match Parsed::parse(kind, text) {
        Ok(parsed) => loader.add(parsed),
        Err(err) => loader.recover(kind, &err),
    }
    bank.locations.spans.insert(file.to_path_buf(), spans);
    Some(kind)
}

/// A whole file parsed into its kind's type.
enum Parsed {
    Questions(QuestionFile),
    Schemes(SchemeFile),
    Synonyms(SynonymFile),
    Blueprint(Blueprint),
}

impl Parsed {
    fn parse(kind: FileKind, text: &str) -> Result<Parsed, serde_yaml::Error> {
        Ok(match kind {
            FileKind::Questions => Parsed::Questions(serde_yaml::from_str(text)?),
            FileKind::Schemes => Parsed::Schemes(serde_yaml::from_str(text)?),
            FileKind::Synonyms => Parsed::Synonyms(serde_yaml::from_str(text)?),
            FileKind::Blueprint => Parsed::Blueprint(serde_yaml::from_str(text)?),
        })
    }
}

/// Where flow brackets first open deeper than serde_yaml's recursion limit (128), which it
/// would reject anyway — but only after work that grows with the square of the depth.
fn too_deep(text: &str) -> Option<Location> {
    let (mut depth, mut line, mut column) = (0usize, 1, 0);
    for c in text.chars() {
        column += 1;
        match c {
            '\n' => (line, column) = (line + 1, 0),
            '[' | '{' => {
                depth += 1;
                if depth > 128 {
                    return Some(Location { line, column });
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The character at a 1-based line and column, if there is one.
fn char_at(text: &str, at: Location) -> Option<char> {
    text.lines()
        .nth(at.line.checked_sub(1)?)?
        .chars()
        .nth(at.column.checked_sub(1)?)
}

/// One file being loaded.
struct FileLoader<'a> {
    file: &'a Path,
    text: &'a str,
    /// The file as a generic document, read only to recover what it can from a file that
    /// did not parse into its type (absent when it did).
    value: Option<&'a serde_yaml::Value>,
    spans: &'a FileSpans,
    bank: &'a mut Bank,
    problems: &'a mut Vec<Diagnostic>,
}

impl<'a> FileLoader<'a> {
    fn new(
        file: &'a Path,
        text: &'a str,
        value: Option<&'a serde_yaml::Value>,
        spans: &'a FileSpans,
        bank: &'a mut Bank,
        problems: &'a mut Vec<Diagnostic>,
    ) -> FileLoader<'a> {
        FileLoader {
            file,
            text,
            value,
            spans,
            bank,
            problems,
        }
    }

    fn index(&self) -> &SpanIndex {
        self.spans.index()
    }

    fn header(&self, key: &str) -> String {
        self.value
            .and_then(|v| v.get(key))
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
        for i in 0..self.index().len(path) {
            let item = span::item(path, i);
            let alone = self.index().isolate(self.text, &item)?;
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
        for i in 0..self.index().len(list) {
            let path = span::item(list, i);
            let Some(alone) = self.index().isolate(self.text, &path) else {
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
        if good.is_empty() && bad_spans.is_empty() {
            self.bank.locations.broken.push(self.file.to_path_buf());
        }
        let whole = self.refine(whole);
        let inside_reported_item = bad_spans.iter().any(|p| self.index().contains(p, whole.at));
        if !inside_reported_item {
            self.report(whole);
        }
        good
    }

    /// The id (question) or key (scheme) of item `i` of `list`, read from the raw YAML.
    fn item_key(&self, list: &str, i: usize) -> Option<String> {
        let item = self.value?.get(list)?.get(i)?;
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

    /// Add a file that parsed whole.
    fn add(&mut self, parsed: Parsed) {
        match parsed {
            Parsed::Questions(file) => self.questions(
                file.subject,
                file.topic,
                file.title,
                file.questions.into_iter().enumerate().collect(),
            ),
            Parsed::Schemes(file) => self.schemes(
                file.subject,
                file.topic,
                file.schemes.into_iter().enumerate().collect(),
            ),
            Parsed::Synonyms(file) => self.synonyms(file),
            Parsed::Blueprint(blueprint) => self.bank.blueprints.push(BankBlueprint {
                blueprint,
                file: self.file.to_path_buf(),
            }),
        }
    }

    /// Report why a file of this kind did not parse, and add whatever items of it do.
    fn recover(&mut self, kind: FileKind, err: &serde_yaml::Error) {
        match kind {
            FileKind::Questions => {
                let (subject, topic, title) = (
                    self.header("subject"),
                    self.header("topic"),
                    self.header("title"),
                );
                let questions = self.items::<Question>("questions", err);
                self.questions(subject, topic, title, questions);
            }
            FileKind::Schemes => {
                let (subject, topic) = (self.header("subject"), self.header("topic"));
                let schemes = self.items::<Scheme>("schemes", err);
                self.schemes(subject, topic, schemes);
            }
            FileKind::Synonyms | FileKind::Blueprint => {
                let err = self.refine(err);
                self.report(err);
            }
        }
    }

    fn questions(
        &mut self,
        subject: String,
        topic: String,
        title: String,
        questions: Vec<(usize, Question)>,
    ) {
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

    fn schemes(&mut self, subject: String, topic: String, schemes: Vec<(usize, Scheme)>) {
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

    fn synonyms(&mut self, parsed: SynonymFile) {
        if let Some(first) = self.bank.locations.synonym_files.get(&parsed.subject) {
            let at = self.index().locate("subject");
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
}

/// Turn a YAML error into a located, plain-English diagnostic, for commands that parse a
/// file themselves (serde_yaml's errors carry line and column).
pub fn yaml_error(file: &Path, err: &serde_yaml::Error) -> Diagnostic {
    YamlError::new(err).diagnostic(file)
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
    fn deep_nesting_is_refused_quickly() {
        let text = format!("questions: {}{}\n", "[".repeat(50_000), "]".repeat(50_000));
        let (_, problems) = load_str("q.yaml", &text);
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].line, problems[0].column), (1, 140));
        assert!(problems[0].message.contains("nested too deeply"));
    }

    #[test]
    fn tabs_get_their_own_help() {
        let (_, problems) = load_str("q.yaml", "subject: h\nquestions:\n\t- id: a\n");
        assert_eq!((problems[0].line, problems[0].column), (3, 1));
        assert!(problems[0].help.as_deref().unwrap().contains("tabs"));
    }

    #[test]
    fn an_unquoted_group_reference_gets_its_own_help() {
        let text = "subject: h\ntopic: t\nschemes:\n  - question: q\n    accept: [@ussr]\n";
        let (_, problems) = load_str("s.yaml", text);
        assert_eq!((problems[0].line, problems[0].column), (5, 14));
        assert!(
            problems[0]
                .help
                .as_deref()
                .unwrap()
                .contains("must be quoted")
        );
    }

    #[test]
    fn a_list_in_the_question_bank_folder_is_reported() {
        let mut bank = Bank::default();
        let mut problems = Vec::new();
        let file = Path::new("question-bank/history/x.yaml");
        load_text(file, "- a\n- b\n", false, &mut bank, &mut problems);
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].message,
            "wrong type for the file: found a list, expected a map of `key: value` lines"
        );
        let elsewhere = Path::new("notes/x.yaml");
        problems.clear();
        load_text(elsewhere, "- a\n", false, &mut bank, &mut problems);
        assert!(
            problems.is_empty(),
            "files of no kind are skipped when walked"
        );
    }

    #[test]
    fn misspelt_top_level_key_is_not_skipped() {
        let (_, problems) = load_str("x.yaml", "subject: h\ntopic: t\ntitle: t\nquestion: []\n");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("`question`"), "{problems:?}");
    }
}
