//! Where each YAML node of a file sits, so that a problem found in the data model (a duplicate
//! id, marks that do not add up) can point at the exact line and column a teacher must edit.
//!
//! serde_yaml reports a location only for the first syntax or type error; once a file has
//! become Rust values, positions are gone. So each file is also read as a stream of events
//! by `saphyr-parser`, whose every node carries a start marker, and the nodes are filed under
//! their path: `questions[3].marks`, `schemes[0].rules.points.points[2].accept[1]`. Checks ask
//! for a path; when the exact node is absent (a key that is missing) they get its nearest
//! ancestor, which is where the missing key belongs.

use super::read::Content;
use saphyr_parser::{Event, Parser, Span};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A 1-based line and column in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl Location {
    /// The start of a file: where whole-file problems point.
    pub const START: Location = Location { line: 1, column: 1 };

    fn from_marker(marker: saphyr_parser::Marker) -> Location {
        Location {
            line: marker.line().max(1),
            column: marker.col() + 1,
        }
    }
}

/// One node of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Node {
    /// Where the node's key starts, for a value in a mapping.
    key: Option<Location>,
    /// Where the node itself starts.
    start: Location,
    /// Where the node ends (exclusive).
    end: Location,
    /// Character offsets of the node's text, end exclusive.
    chars: (usize, usize),
    /// The keys of a mapping node, in document order.
    keys: Vec<String>,
}

/// The positions of every node of one YAML document, by path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpanIndex {
    nodes: BTreeMap<String, Node>,
}

/// A file's text, indexed on first use: indexing costs as much as parsing the file again,
/// and a clean bank never needs a position, so only files with a problem to point at pay.
/// A bank read from the cache without reading its files (see `bank::cache::stamp`) keeps
/// only where each file is, and reads it when a position is first asked for.
#[derive(Debug, Clone, Default)]
pub struct FileSpans {
    text: OnceLock<String>,
    file: Option<PathBuf>,
    index: OnceLock<SpanIndex>,
}

impl FileSpans {
    /// Keep `text` to index when a position is first asked for.
    pub fn new(text: &str) -> FileSpans {
        FileSpans::from_text(text.to_string())
    }

    /// As [`FileSpans::new`], keeping `text` itself rather than a copy.
    pub fn from_text(text: String) -> FileSpans {
        FileSpans {
            text: OnceLock::from(text),
            file: None,
            index: OnceLock::new(),
        }
    }

    /// The spans of the file at `path`, read when a position is first asked for (an
    /// unreadable file locates everything at its start).
    pub fn from_file(path: &Path) -> FileSpans {
        FileSpans {
            text: OnceLock::new(),
            file: Some(path.to_path_buf()),
            index: OnceLock::new(),
        }
    }

    /// The file's text, read now if it was not kept.
    fn text(&self) -> &str {
        self.text
            .get_or_init(|| match self.file.as_deref().map(Content::read) {
                Some(Content::Text { text, .. }) => text,
                _ => String::new(),
            })
    }

    /// The index of the file's nodes, built now if this is its first use.
    pub fn index(&self) -> &SpanIndex {
        self.index.get_or_init(|| SpanIndex::build(self.text()))
    }
}

/// Two files' spans are equal when their texts are: the index is built from the text.
impl PartialEq for FileSpans {
    fn eq(&self, other: &FileSpans) -> bool {
        self.text() == other.text()
    }
}

/// Joins a parent path and a mapping key: `questions[3]` + `marks` → `questions[3].marks`.
pub fn child(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// Joins a parent path and a sequence index: `questions` + 3 → `questions[3]`.
pub fn item(parent: &str, index: usize) -> String {
    format!("{parent}[{index}]")
}

/// The path one level up: `questions[3].marks` → `questions[3]` → `questions` → ``.
pub fn parent(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    let cut = path.rfind(['.', '[']).unwrap_or(0);
    Some(&path[..cut])
}

impl SpanIndex {
    /// Index a document. Never fails: on a syntax error the index holds the nodes read up to
    /// the error (serde_yaml reports the error itself).
    pub fn build(text: &str) -> SpanIndex {
        let mut builder = Builder::default();
        let mut parser = Parser::new_from_str(text);
        while let Some(Ok((event, span))) = parser.next_event() {
            if !builder.event(event, span) {
                break;
            }
        }
        SpanIndex {
            nodes: builder.nodes,
        }
    }

    /// Where the node at `path` starts, if it is in the file.
    pub fn value(&self, path: &str) -> Option<Location> {
        self.nodes.get(path).map(|n| n.start)
    }

    /// Where the key of the node at `path` starts, if it is a mapping value in the file.
    pub fn key(&self, path: &str) -> Option<Location> {
        self.nodes.get(path).and_then(|n| n.key)
    }

    /// Where the node at `path` starts, or its nearest ancestor that is in the file.
    pub fn locate(&self, path: &str) -> Location {
        let mut at = Some(path);
        while let Some(p) = at {
            if let Some(loc) = self.value(p) {
                return loc;
            }
            at = parent(p);
        }
        Location::START
    }

    /// Where the key of the node at `path` starts; else as [`SpanIndex::locate`].
    pub fn locate_key(&self, path: &str) -> Location {
        self.key(path).unwrap_or_else(|| self.locate(path))
    }

    /// The keys of the mapping at `path`, in document order (empty if it is not a mapping).
    pub fn keys(&self, path: &str) -> &[String] {
        self.nodes.get(path).map_or(&[], |n| n.keys.as_slice())
    }

    /// How many items the sequence at `path` has (0 if it is not a sequence).
    pub fn len(&self, path: &str) -> usize {
        (0..)
            .take_while(|i| self.nodes.contains_key(&item(path, *i)))
            .count()
    }

    /// Whether nothing was indexed (an empty or unparsable file).
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The path of the item of the sequence at `parent` that starts at `at`.
    pub fn item_at(&self, parent: &str, at: Location) -> Option<String> {
        (0..self.len(parent))
            .map(|i| item(parent, i))
            .find(|p| self.value(p) == Some(at))
    }

    /// Whether `at` lies within the text of the node at `path`.
    pub fn contains(&self, path: &str, at: Location) -> bool {
        self.nodes
            .get(path)
            .is_some_and(|n| n.start <= at && at < n.end)
    }

    /// The file's text with everything outside the node at `path` blanked, so the node can
    /// be parsed on its own and any error still reports the node's real line and column.
    /// Text before the node on its first line becomes spaces (keeping columns); everything
    /// else outside it is removed, leaving empty lines (keeping line numbers) — never lines of
    /// spaces, which a literal block scalar (`|`) would take as its own content.
    pub fn isolate(&self, text: &str, path: &str) -> Option<String> {
        let (start, end) = self.nodes.get(path)?.chars;
        let mut out = String::with_capacity(text.len());
        let mut line = String::new();
        let mut kept_len = 0;
        for (i, c) in text.chars().enumerate() {
            if c == '\n' {
                line.truncate(kept_len);
                out.push_str(&line);
                out.push('\n');
                line.clear();
                kept_len = 0;
            } else if (start..end).contains(&i) {
                line.push(c);
                kept_len = line.len();
            } else {
                line.push(' ');
            }
        }
        line.truncate(kept_len);
        out.push_str(&line);
        Some(out)
    }
}

/// A container being read.
#[derive(Debug)]
enum Frame {
    /// A mapping at `path`; `key` is the key whose value comes next, if one was read.
    Map {
        path: String,
        key: Option<(String, Location)>,
    },
    /// A sequence at `path`; `next` is the index of its next item.
    Seq { path: String, next: usize },
    /// A complex key (a mapping or sequence used as a key): ignored, depth counted.
    Skip { depth: usize },
}

#[derive(Default)]
struct Builder {
    nodes: BTreeMap<String, Node>,
    stack: Vec<Frame>,
    /// The path of each open container, to close its span.
    open: Vec<String>,
    /// Whether the first document has ended (later documents are not indexed).
    done: bool,
}

impl Builder {
    /// Take one event; false once there is nothing more to index.
    fn event(&mut self, event: Event<'_>, span: Span) -> bool {
        if self.done {
            return false;
        }
        if let Some(Frame::Skip { depth }) = self.stack.last_mut() {
            match event {
                Event::MappingStart(..) | Event::SequenceStart(..) => *depth += 1,
                Event::MappingEnd | Event::SequenceEnd => {
                    *depth -= 1;
                    if *depth == 0 {
                        self.stack.pop();
                        self.after_value();
                    }
                }
                _ => {}
            }
            return true;
        }
        match event {
            Event::DocumentEnd => {
                self.done = true;
                return false;
            }
            Event::Scalar(value, ..) => {
                if self.expecting_key() {
                    let at = Location::from_marker(span.start);
                    if let Some(Frame::Map { key, .. }) = self.stack.last_mut() {
                        *key = Some((value.into_owned(), at));
                    }
                } else if let Some(path) = self.place(span) {
                    if let Some(node) = self.nodes.get_mut(&path) {
                        node.chars.1 = span.end.index();
                        node.end = Location::from_marker(span.end);
                    }
                    self.after_value();
                }
            }
            Event::Alias(_) => {
                if self.expecting_key() {
                    let at = Location::from_marker(span.start);
                    if let Some(Frame::Map { key, .. }) = self.stack.last_mut() {
                        *key = Some(("*".to_string(), at));
                    }
                } else if self.place(span).is_some() {
                    self.after_value();
                }
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if self.expecting_key() {
                    self.stack.push(Frame::Skip { depth: 1 });
                    return true;
                }
                let Some(path) = self.place(span) else {
                    return true;
                };
                self.open.push(path.clone());
                self.stack
                    .push(if matches!(event, Event::MappingStart(..)) {
                        Frame::Map { path, key: None }
                    } else {
                        Frame::Seq { path, next: 0 }
                    });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
                if let Some(path) = self.open.pop()
                    && let Some(node) = self.nodes.get_mut(&path)
                    && span.end.index() >= node.chars.1
                {
                    node.chars.1 = span.end.index();
                    node.end = Location::from_marker(span.end);
                }
                self.after_value();
            }
            _ => {}
        }
        true
    }

    fn expecting_key(&self) -> bool {
        matches!(self.stack.last(), Some(Frame::Map { key: None, .. }))
    }

    /// File a node that starts at `span`, under the path its parent gives it.
    fn place(&mut self, span: Span) -> Option<String> {
        let (path, key) = match self.stack.last() {
            None => (String::new(), None),
            Some(Frame::Map {
                path: parent,
                key: Some((k, at)),
            }) => {
                if let Some(node) = self.nodes.get_mut(parent) {
                    node.keys.push(k.clone());
                }
                (child(parent, k), Some(*at))
            }
            Some(Frame::Seq { path, next }) => (item(path, *next), None),
            Some(Frame::Map { key: None, .. } | Frame::Skip { .. }) => return None,
        };
        self.nodes.entry(path.clone()).or_insert(Node {
            key,
            start: Location::from_marker(span.start),
            end: Location::from_marker(span.end),
            chars: (span.start.index(), span.end.index()),
            keys: Vec::new(),
        });
        Some(path)
    }

    /// A value has been read: the parent moves on to its next key or item.
    fn after_value(&mut self) {
        match self.stack.last_mut() {
            Some(Frame::Map { key, .. }) => *key = None,
            Some(Frame::Seq { next, .. }) => *next += 1,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "\
subject: history
questions:
  - id: a
    marks: 4
    parts:
      - {label: a, marks: 2}
      - label: b
        marks: 2
  - id: b
    tags: [x, y]
";

    fn at(line: usize, column: usize) -> Location {
        Location { line, column }
    }

    #[test]
    fn finds_values_and_keys_by_path() {
        let index = SpanIndex::build(DOC);
        assert_eq!(index.value("subject"), Some(at(1, 10)));
        assert_eq!(index.key("subject"), Some(at(1, 1)));
        assert_eq!(index.value("questions[0]"), Some(at(3, 5)));
        assert_eq!(index.value("questions[0].marks"), Some(at(4, 12)));
        assert_eq!(index.key("questions[0].marks"), Some(at(4, 5)));
        assert_eq!(index.value("questions[0].parts[0].marks"), Some(at(6, 27)));
        assert_eq!(index.value("questions[0].parts[1].marks"), Some(at(8, 16)));
        assert_eq!(index.value("questions[1].tags[1]"), Some(at(10, 15)));
        assert_eq!(index.len("questions"), 2);
        assert_eq!(index.keys("questions[0]"), ["id", "marks", "parts"]);
    }

    #[test]
    fn missing_paths_fall_back_to_the_nearest_ancestor() {
        let index = SpanIndex::build(DOC);
        assert_eq!(index.locate("questions[1].marks"), at(9, 5));
        assert_eq!(index.locate("nothing.here"), at(1, 1));
        assert_eq!(index.locate_key("questions[1].tags"), at(10, 5));
    }

    #[test]
    fn isolating_an_item_keeps_its_lines_and_columns() {
        let index = SpanIndex::build(DOC);
        let alone = index.isolate(DOC, "questions[1]").unwrap();
        assert_eq!(alone.lines().count(), DOC.lines().count());
        assert!(alone.lines().nth(2).unwrap().trim().is_empty());
        assert_eq!(alone.lines().nth(8).unwrap(), "    id: b");
        let value: serde_yaml::Value = serde_yaml::from_str(&alone).unwrap();
        assert_eq!(value["tags"][1], serde_yaml::Value::String("y".into()));
        let first = index.isolate(DOC, "questions[0]").unwrap();
        let value: serde_yaml::Value = serde_yaml::from_str(&first).unwrap();
        assert_eq!(
            value["parts"][1]["marks"],
            serde_yaml::Value::Number(2.into())
        );
        assert!(value.get("tags").is_none());
    }

    #[test]
    fn isolating_never_feeds_spaces_to_a_literal_block() {
        let doc = "items:\n  - text: |\n      one\n\n      two\n  - other: item\n";
        let index = SpanIndex::build(doc);
        let alone = index.isolate(doc, "items[0]").unwrap();
        let value: serde_yaml::Value = serde_yaml::from_str(&alone).unwrap();
        assert_eq!(value["text"].as_str(), Some("one\n\ntwo\n"));
    }

    #[test]
    fn broken_or_odd_documents_never_panic() {
        for text in [
            "",
            "[",
            "a: [1, {b: ",
            "? [a]\n: b\n",
            "- *x\n",
            "a: 1\n---\nb: 2\n",
        ] {
            let index = SpanIndex::build(text);
            let _ = index.locate("a.b[0]");
        }
    }
}
