//! Loading a bank for printing papers: every question, but only the mark schemes of the
//! questions a paper prints.
//!
//! Mark-scheme files are most of a bank's bytes (ten times the questions, in the shipped
//! one), and parsing and checking them was most of `generate`'s time; yet choosing
//! questions needs only the questions, and a paper prints only the schemes of the ones
//! chosen. So a scheme file is first split into its items by a scan of its lines, and after
//! selection only the chosen questions' items are parsed — the file's text with every other
//! item blanked out, so lines and columns stay true — and checked.
//!
//! The scan is only a guide to where items start. An item is trusted when the parse gives
//! back exactly the schemes the scan expected; otherwise, or when the scan meets anything
//! it does not handle (a flow-style list, a tab, an anchor as a key…), the whole file is
//! loaded as [`super::load`] loads it. And whenever anything loaded has an error, the bank
//! is loaded and checked whole with [`load_checked`], so a broken bank is refused with
//! exactly the report `examkit check` gives. What is never read is a scheme no paper
//! prints: a broken one does not stop `generate` (`examkit check` reports it).

use super::cache::Schemes;
use super::check::{check_with, load_checked};
use super::load::{BankFiles, load_text, load_with};
use super::span::FileSpans;
use super::{Bank, BankScheme, BrokenBank, Diagnostic, FileKind};
use crate::model::SchemeFile;
use std::collections::BTreeSet;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// A bank with its questions loaded and checked, and its schemes read but not yet parsed.
#[derive(Debug)]
pub struct PartialBank {
    /// What was asked to be loaded, to load whole when something is wrong.
    paths: Vec<PathBuf>,
    /// Everything but the deferred schemes.
    bank: Bank,
    /// The schemes not loaded yet.
    deferred: Deferred,
}

/// Where the schemes not loaded yet are.
#[derive(Debug)]
enum Deferred {
    /// Scheme files split into items, in path order, to parse and check the chosen items.
    Lines(Vec<SchemeLines>),
    /// A clean bank's schemes from the cache ([`super::cache`]), already checked with
    /// the whole bank, to decode the chosen ones.
    Cached(Schemes),
}

/// Load the bank under `paths` except the items of its scheme files, and check it; a bank
/// with errors is refused with every problem, as [`load_checked`] refuses it.
pub fn load_partial(paths: &[PathBuf]) -> Result<PartialBank, BrokenBank> {
    load_partial_files(BankFiles::read(paths))
}

/// As [`load_partial`], from files already read.
pub fn load_partial_files(files: BankFiles) -> Result<PartialBank, BrokenBank> {
    let paths = files.paths.clone();
    let mut lines = Vec::new();
    let (mut bank, problems) = load_with(files, |file, text| {
        if FileKind::sniff_text(&text) != Some(FileKind::Schemes) {
            return Some(text);
        }
        match SchemeLines::scan(file, text) {
            Ok(scanned) => {
                lines.push(scanned);
                None
            }
            Err(text) => Some(text),
        }
    });
    if !lines.is_empty() {
        bank.locations.schemes_loaded_for = Some(BTreeSet::new());
    }
    if problems.iter().any(Diagnostic::is_error)
        || check_with(&bank, false).iter().any(Diagnostic::is_error)
    {
        return load_checked(&paths).map(|bank| PartialBank::whole(paths, bank));
    }
    Ok(PartialBank {
        paths,
        bank,
        deferred: Deferred::Lines(lines),
    })
}

impl PartialBank {
    /// A bank loaded whole, all its schemes included.
    pub fn whole(paths: Vec<PathBuf>, bank: Bank) -> PartialBank {
        PartialBank {
            paths,
            bank,
            deferred: Deferred::Lines(Vec::new()),
        }
    }

    /// A clean bank from the cache: `bank` without its schemes, which are in `schemes`.
    pub(super) fn cached(paths: Vec<PathBuf>, mut bank: Bank, schemes: Schemes) -> PartialBank {
        bank.locations.schemes_loaded_for = Some(BTreeSet::new());
        PartialBank {
            paths,
            bank,
            deferred: Deferred::Cached(schemes),
        }
    }

    /// The bank so far: every question, synonym list and blueprint, and only those schemes
    /// that are in files the line scan could not split.
    pub fn bank(&self) -> &Bank {
        &self.bank
    }

    /// The bank with the schemes of the questions `ids` (and of their parts) loaded and
    /// checked. A bank with errors is refused with every problem, as [`load_checked`]
    /// refuses it.
    pub fn with_schemes_of<'a>(
        self,
        ids: impl IntoIterator<Item = &'a str>,
    ) -> Result<Bank, BrokenBank> {
        let PartialBank {
            paths,
            mut bank,
            deferred,
        } = self;
        let Some(loaded_for) = bank.locations.schemes_loaded_for.as_mut() else {
            return Ok(bank); // nothing was deferred
        };
        loaded_for.extend(ids.into_iter().map(str::to_string));
        let wanted_ids = loaded_for.clone();
        let files = match deferred {
            Deferred::Lines(files) => files,
            Deferred::Cached(schemes) => {
                return match schemes.load(&mut bank, |key| wanted(&wanted_ids, key)) {
                    Ok(()) => Ok(bank),
                    // A damaged cache entry: load as if there were no cache.
                    Err(_) => {
                        load_partial(&paths)?.with_schemes_of(wanted_ids.iter().map(String::as_str))
                    }
                };
            }
        };
        let mut problems = Vec::new();
        for file in files {
            file.load(&wanted_ids, &mut bank, &mut problems);
        }
        if problems.iter().any(Diagnostic::is_error)
            || check_with(&bank, false).iter().any(Diagnostic::is_error)
        {
            return load_checked(&paths);
        }
        Ok(bank)
    }
}

/// Whether a scheme filed under `key` (`id` or `id/part`) marks one of the questions `ids`.
fn wanted(ids: &BTreeSet<String>, key: &str) -> bool {
    ids.contains(key.split_once('/').map_or(key, |(id, _)| id))
}

/// A scheme file split into lines that belong to its header and to each item of its
/// `schemes` list.
#[derive(Debug)]
struct SchemeLines {
    file: PathBuf,
    text: String,
    /// Consecutive runs of lines, each kept in every partial parse (`None`: the header) or
    /// only with one item (`Some(i)`: `items[i]`).
    runs: Vec<(Range<usize>, Option<usize>)>,
    /// The key (`id` or `id/part`) of each item, in file order.
    items: Vec<String>,
}

impl SchemeLines {
    /// Split `text` by its lines; `text` back when it holds anything the scan does not
    /// handle, so that it must be parsed whole.
    fn scan(file: &Path, text: String) -> Result<SchemeLines, String> {
        let mut scan = Scan::default();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            if scan.line(start..start + line.len(), line).is_none() {
                return Err(text);
            }
            start += line.len();
        }
        let Some(items) = scan.finish() else {
            return Err(text);
        };
        Ok(SchemeLines {
            file: file.to_path_buf(),
            text,
            runs: scan.runs,
            items,
        })
    }

    /// Parse the items that mark the questions `ids` into `bank`; the whole file instead if
    /// that parse fails or gives other schemes than the scan expected.
    fn load(self, ids: &BTreeSet<String>, bank: &mut Bank, problems: &mut Vec<Diagnostic>) {
        let chosen: Vec<usize> = (0..self.items.len())
            .filter(|&i| wanted(ids, &self.items[i]))
            .collect();
        if chosen.is_empty() {
            return;
        }
        let mut text = String::with_capacity(self.text.len());
        for (range, owner) in &self.runs {
            let lines = &self.text[range.clone()];
            if owner.is_none_or(|i| chosen.binary_search(&i).is_ok()) {
                text.push_str(lines);
            } else {
                text.extend(lines.matches('\n').map(|_| '\n'));
            }
        }
        let parsed: Option<SchemeFile> = serde_yaml::from_str(&text).ok();
        let Some(parsed) = parsed.filter(|parsed| {
            parsed.schemes.len() == chosen.len()
                && parsed
                    .schemes
                    .iter()
                    .zip(&chosen)
                    .all(|(scheme, &i)| scheme.key() == self.items[i])
        }) else {
            load_text(&self.file, &self.text, false, bank, problems);
            return;
        };
        for (scheme, i) in parsed.schemes.into_iter().zip(chosen) {
            bank.schemes.push(BankScheme {
                subject: parsed.subject.clone(),
                topic: parsed.topic.clone(),
                scheme,
                file: self.file.clone(),
            });
            bank.locations.scheme_items.push(i);
        }
        bank.locations
            .spans
            .insert(self.file, FileSpans::from_text(self.text));
    }
}

/// Where the scan is in a scheme file.
#[derive(Debug, Default)]
struct Scan {
    runs: Vec<(Range<usize>, Option<usize>)>,
    /// Whether the lines being read are inside the top-level `schemes` list.
    in_list: bool,
    /// Whether a `schemes:` line has been seen.
    seen_list: bool,
    /// The column of the list's dashes, once its first item is seen.
    dash: Option<usize>,
    /// The item being read.
    item: Option<Item>,
    /// The keys of the items read so far.
    keys: Vec<String>,
}

/// An item of the list being read.
#[derive(Debug, Default)]
struct Item {
    /// The column of the item's keys, once known.
    column: Option<usize>,
    question: Option<String>,
    part: Option<String>,
}

impl Scan {
    fn line(&mut self, range: Range<usize>, line: &str) -> Option<()> {
        let content = line.trim_end_matches(['\n', '\r']);
        let rest = content.trim_start_matches(' ');
        let indent = content.len() - rest.len();
        if rest.starts_with('\t') {
            return None;
        }
        if rest.is_empty() || rest.starts_with('#') {
            return self.push(range, self.owner());
        }
        let dash = rest == "-" || rest.starts_with("- ");
        if indent == 0 && !(self.in_list && dash) {
            self.end_item()?;
            let (key, value) = mapping_line(rest)?;
            if key == "schemes" {
                if self.seen_list || !(value.is_empty() || value.starts_with('#')) {
                    return None; // two lists, or a flow-style one
                }
                self.in_list = true;
                self.seen_list = true;
            } else {
                self.in_list = false;
            }
            return self.push(range, None);
        }
        if !self.in_list {
            return self.push(range, None); // more of a header value
        }
        let dash_column = *self.dash.get_or_insert(indent);
        if dash && indent == dash_column {
            self.end_item()?;
            let after = rest[1..].trim_start_matches(' ');
            let mut item = Item::default();
            if !(after.is_empty() || after.starts_with('#')) {
                let column = indent + (rest.len() - after.len());
                item.column = Some(column);
                item.read(after)?;
            }
            self.item = Some(item);
        } else {
            let item = self.item.as_mut()?;
            if indent <= dash_column {
                return None;
            }
            if *item.column.get_or_insert(indent) == indent {
                item.read(rest)?;
            }
        }
        self.push(range, self.owner())
    }

    /// Who the current line belongs to: the item being read, or the header.
    fn owner(&self) -> Option<usize> {
        self.item.as_ref().map(|_| self.keys.len())
    }

    /// Add a line to the runs, joining it to the last run when it has the same owner.
    fn push(&mut self, range: Range<usize>, owner: Option<usize>) -> Option<()> {
        match self.runs.last_mut() {
            Some((last, last_owner)) if *last_owner == owner && last.end == range.start => {
                last.end = range.end;
            }
            _ => self.runs.push((range, owner)),
        }
        Some(())
    }

    /// Close the item being read; `None` if it has no `question` key the scan could read.
    fn end_item(&mut self) -> Option<()> {
        if let Some(item) = self.item.take() {
            let question = item.question?;
            self.keys.push(match item.part {
                Some(part) => format!("{question}/{part}"),
                None => question,
            });
        }
        Some(())
    }

    fn finish(&mut self) -> Option<Vec<String>> {
        self.end_item()?;
        self.seen_list.then(|| std::mem::take(&mut self.keys))
    }
}

impl Item {
    /// Note the `question` or `part` of a `key: value` line at the item's column.
    fn read(&mut self, line: &str) -> Option<()> {
        let (key, value) = mapping_line(line)?;
        let slot = match key {
            "question" => &mut self.question,
            "part" => &mut self.part,
            _ => return Some(()),
        };
        if slot.is_some() {
            return None; // a repeated key: let the parser say so
        }
        *slot = Some(scalar(value)?);
        Some(())
    }
}

/// A line `key: value` (or `key:`) with a plain key: the key and the rest after the colon.
fn mapping_line(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    (plain && (value.is_empty() || value.starts_with(' '))).then(|| (key, value.trim()))
}

/// The text of a one-line scalar: plain, or quoted without escapes; `None` for anything
/// else (a block scalar, a flow collection, an anchor or alias, a tag).
fn scalar(value: &str) -> Option<String> {
    let quoted = |quote: char| {
        let inner = value.strip_prefix(quote)?;
        let (text, after) = inner.split_once(quote)?;
        let after = after.trim_start();
        let clean = !text.contains(['\\', '\'', '"']);
        (clean && (after.is_empty() || after.starts_with('#'))).then(|| text.to_string())
    };
    match value.chars().next()? {
        '"' | '\'' => quoted(value.chars().next()?),
        '&' | '*' | '!' | '|' | '>' | '[' | '{' | '%' | '@' | '`' | '#' | '?' | ':' | ',' | ']'
        | '}' => None,
        _ => {
            let text = value.split(" #").next()?.trim_end();
            (!text.contains(": ")).then(|| text.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Scheme;

    const FILE: &str = "\
subject: history   # a comment
topic: cuba
schemes:
  # the first
  - question: one
    max: 1
    model_answer: >-
      A block scalar
      - question: not-an-item
    rules:
      points:
        points:
          - id: a
            label: A
            accept: [alpha]

  -   question: \"two\"
      part: 'b'
      max: 1
      model_answer: Two.
      rules:
        points:
          points:
            - id: b
              label: B
              accept: [beta]
  -
    max: 1
    question: three  # trailing comment
    model_answer: Three.
    rules:
      points:
        points:
          - id: c
            label: C
            accept: [gamma]
";

    fn scan(text: &str) -> Option<SchemeLines> {
        SchemeLines::scan(
            Path::new("mark-schemes/history/cuba.yaml"),
            text.to_string(),
        )
        .ok()
    }

    fn load_only(text: &str, ids: &[&str]) -> (Bank, Vec<Diagnostic>) {
        let lines = scan(text).expect("scans");
        let mut bank = Bank::default();
        let mut problems = Vec::new();
        let ids = ids.iter().map(|s| s.to_string()).collect();
        lines.load(&ids, &mut bank, &mut problems);
        (bank, problems)
    }

    fn keys(bank: &Bank) -> Vec<String> {
        bank.schemes.iter().map(|s| s.scheme.key()).collect()
    }

    #[test]
    fn items_are_found_by_their_lines() {
        let lines = scan(FILE).expect("scans");
        assert_eq!(lines.items, ["one", "two/b", "three"]);
    }

    #[test]
    fn only_the_chosen_items_are_loaded_with_their_places() {
        let (bank, problems) = load_only(FILE, &["two", "three"]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(keys(&bank), ["two/b", "three"]);
        assert_eq!(bank.locations.scheme_items, [1, 2]);
        assert_eq!(bank.schemes[0].topic, "cuba");
        // Lines are kept, so a located check still points into the real file.
        let at = bank
            .locations
            .locate(&bank.schemes[1].file, "schemes[2].max");
        assert_eq!((at.line, at.column), (28, 10));
    }

    #[test]
    fn a_partial_load_gives_what_a_whole_load_gives() {
        let mut whole = Bank::default();
        let mut problems = Vec::new();
        load_text(Path::new("s.yaml"), FILE, false, &mut whole, &mut problems);
        let (part, _) = load_only(FILE, &["one", "two", "three"]);
        let schemes = |bank: &Bank| -> Vec<Scheme> {
            bank.schemes.iter().map(|s| s.scheme.clone()).collect()
        };
        assert_eq!(schemes(&part), schemes(&whole));
    }

    /// The shipped bank is split by the scan alone (no file falls back to a whole parse),
    /// and asking for every question's schemes gives exactly what a whole load gives.
    #[test]
    fn the_shipped_bank_loads_the_same_either_way() {
        let paths = [
            PathBuf::from("question-bank"),
            PathBuf::from("mark-schemes"),
        ];
        let partial = load_partial(&paths).expect("the shipped bank is clean");
        assert!(partial.bank().schemes.is_empty());
        let Deferred::Lines(files) = &partial.deferred else {
            panic!("loaded without the cache");
        };
        assert_eq!(files.len(), 12);
        let ids: Vec<String> = partial
            .bank()
            .questions
            .iter()
            .map(|q| q.question.id.clone())
            .collect();
        let some = load_partial(&paths)
            .expect("clean")
            .with_schemes_of(ids[..3].iter().map(String::as_str))
            .expect("clean");
        assert!(
            (3..10).contains(&some.schemes.len()),
            "{}",
            some.schemes.len()
        );
        let all = partial
            .with_schemes_of(ids.iter().map(String::as_str))
            .expect("clean");
        let (whole, _) = crate::bank::load(&paths);
        let schemes = |bank: &Bank| -> Vec<(String, PathBuf, Scheme)> {
            bank.schemes
                .iter()
                .map(|s| (s.topic.clone(), s.file.clone(), s.scheme.clone()))
                .collect()
        };
        assert_eq!(schemes(&all), schemes(&whole));
        assert_eq!(all.locations.scheme_items, whole.locations.scheme_items);
        assert_eq!(all.version, whole.version);
    }

    #[test]
    fn what_the_scan_cannot_follow_is_left_to_the_parser() {
        for text in [
            "subject: h\ntopic: t\nschemes: []\n",
            "subject: h\ntopic: t\nschemes:\n\t- question: a\n",
            "subject: h\ntopic: t\nschemes:\n  - question: &a x\n",
            "subject: h\ntopic: t\nschemes:\n  - max: 1\n",
            "subject: h\ntopic: t\nschemes:\n  - question: \"a\\u0062\"\n",
            "subject: h\ntopic: t\n",
            "subject: h\ntopic: t\nschemes:\n- question: a\nschemes:\n- question: b\n",
            "subject: h\n---\nschemes:\n  - question: a\n",
        ] {
            assert!(scan(text).is_none(), "{text}");
        }
    }

    #[test]
    fn a_list_at_column_zero_and_keys_after_it_are_followed() {
        let rules =
            "  model_answer: x\n  rules: {points: {points: [{id: p, label: l, accept: [x]}]}}\n";
        let text = format!(
            "schemes:\n- question: a\n  max: 1\n{rules}- question: b\n  max: 1\n{rules}subject: h\ntopic: t\n"
        );
        let lines = scan(&text).expect("scans");
        assert_eq!(lines.items, ["a", "b"]);
        let (bank, problems) = load_only(&text, &["b"]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(keys(&bank), ["b"]);
        assert_eq!(bank.schemes[0].subject, "h");
    }

    #[test]
    fn an_item_that_is_not_what_the_scan_expected_loads_the_whole_file() {
        // A quoted scalar running onto a line that looks like a new item.
        let text = "subject: h\ntopic: t\nschemes:\n  - question: a\n    model_answer: \"x\n  - question: b\n    max: 1 \"\n";
        assert_eq!(scan(text).expect("scans").items, ["a", "b"]);
        let (bank, problems) = load_only(text, &["b"]);
        assert!(bank.schemes.is_empty(), "{:?}", keys(&bank));
        assert!(
            !problems.is_empty(),
            "the whole file was parsed and its errors reported"
        );
    }
}
