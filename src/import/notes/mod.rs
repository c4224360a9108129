//! `examkit import notes`: a teacher's (or a revision site's) notes — questions with their
//! answers, in plain text, Markdown or `Q:`/`A:` layout — drafted into a question-bank file
//! and a mark-scheme file in examkit's own formats, every item marked `draft: true` for the
//! teacher to review.
//!
//! Stages, one module each: [`lines`] classifies each line the same way whatever the
//! layout; [`parse`] groups lines into questions and answers and sets aside what is not
//! notes (a copied page's menus and app-store lines); [`marks`] reads the marks and type;
//! [`phrasings`] drafts accepted phrasings; [`draft`] puts a question and its scheme
//! together, checking each phrasing with the marker itself. Nothing here touches files:
//! `examkit import notes` (in `cmd`) reads and writes them.

pub mod draft;
pub mod lines;
pub mod marks;
pub mod parse;
pub mod phrasings;

pub use parse::{Notes, ParseError, SkipReason, Skipped, parse};

use crate::model::{Board, QuestionFile, SchemeFile, SynonymFile};
use std::collections::BTreeSet;

/// What the import is for.
#[derive(Debug, Clone)]
pub struct Options {
    /// Subject key (`history`).
    pub subject: String,
    /// Topic key (`de-stalinisation`): the files' name and every question id's start.
    pub topic: String,
    /// The topic's title; else the notes' own title; else the topic key in words.
    pub title: Option<String>,
    /// Boards the questions suit.
    pub boards: Vec<Board>,
    /// The notes file as the guidance names it.
    pub source: String,
}

/// The drafted files and what the teacher should know about them.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The question-bank file.
    pub questions: QuestionFile,
    /// The mark-scheme file.
    pub schemes: SchemeFile,
    /// Lines left out, with why.
    pub skipped: Vec<Skipped>,
    /// Per question (by index), how its marks were found and anything to review.
    pub notes: Vec<QuestionNote>,
}

/// What the command says about one drafted question.
#[derive(Debug, Clone)]
pub struct QuestionNote {
    /// The line of the notes it came from.
    pub line: usize,
    /// How its marks were found, in words.
    pub marks: String,
    /// Things to review.
    pub remarks: Vec<String>,
}

/// Why notes could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotesError {
    /// The file is not text.
    #[error("not a text file ({what}): give notes saved as plain text or Markdown")]
    Binary {
        /// What was found.
        what: String,
        /// Where (1-based).
        line: usize,
        /// Where (1-based).
        column: usize,
    },
    /// Nothing in the file.
    #[error("the file is empty: give a file of notes, questions with their answers")]
    Empty,
    /// The notes could not be read.
    #[error(transparent)]
    Parse(#[from] ParseError),
}

impl NotesError {
    /// Line and column of the problem.
    pub fn at(&self) -> (usize, usize) {
        match self {
            NotesError::Binary { line, column, .. } => (*line, *column),
            NotesError::Empty => (1, 1),
            NotesError::Parse(err) => err.at(),
        }
    }
}

/// The text of a notes file: UTF-8 without a byte-order mark, and no NUL bytes (which no
/// notes have and every binary format does).
pub fn text_of(bytes: &[u8]) -> Result<&str, NotesError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (good, bad) = match std::str::from_utf8(bytes) {
        Ok(text) => match text.find('\0') {
            Some(at) => (&text[..at], "a NUL byte".to_string()),
            None if text.trim().is_empty() => return Err(NotesError::Empty),
            None => return Ok(text),
        },
        Err(err) => {
            let good = std::str::from_utf8(&bytes[..err.valid_up_to()]).unwrap_or_default();
            let byte = bytes.get(err.valid_up_to()).copied().unwrap_or(0);
            (good, format!("byte 0x{byte:02X} is not UTF-8 text"))
        }
    };
    let line = good.matches('\n').count() + 1;
    let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Err(NotesError::Binary {
        what: bad,
        line,
        column,
    })
}

/// Draft the bank and scheme files for `text`, with the subject's synonym groups.
pub fn import(
    text: &str,
    options: &Options,
    synonyms: Option<&SynonymFile>,
) -> Result<Imported, NotesError> {
    let notes = parse(text)?;
    let groups = phrasings::Groups::new(synonyms);
    let common = common_stems(&notes);
    let cx = draft::Context {
        synonyms,
        groups: &groups,
        boards: &options.boards,
        source: &options.source,
        common: &common,
    };
    let topic_stems = phrasings::stems_of(&options.topic.replace('-', " "));
    let mut ids = BTreeSet::new();
    let mut questions = Vec::new();
    let mut schemes = Vec::new();
    let mut about = Vec::new();
    for note in &notes.questions {
        let id = draft::unique(
            question_id(&options.topic, &note.text, &topic_stems),
            &mut ids,
        );
        let drafted = draft::draft(note, id, &cx);
        about.push(QuestionNote {
            line: note.line,
            marks: marks_in_words(&drafted),
            remarks: drafted.remarks,
        });
        questions.push(drafted.question);
        schemes.push(drafted.scheme);
    }
    let title = options
        .title
        .clone()
        .or(notes.title)
        .unwrap_or_else(|| titled(&options.topic));
    Ok(Imported {
        questions: QuestionFile {
            subject: options.subject.clone(),
            topic: options.topic.clone(),
            title,
            questions,
        },
        schemes: SchemeFile {
            subject: options.subject.clone(),
            topic: options.topic.clone(),
            schemes,
        },
        skipped: notes.skipped,
        notes: about,
    })
}

/// Stems that many answers of the page use (in at least three, and a third of them): the
/// page's own subject words, which tell no point from another.
fn common_stems(notes: &Notes) -> BTreeSet<String> {
    let mut counts = std::collections::BTreeMap::<String, usize>::new();
    for q in &notes.questions {
        let answer = q
            .lead
            .iter()
            .chain(q.bullets.iter().map(|(_, b)| b))
            .chain(&q.after)
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" ");
        for stem in phrasings::stems_of(&answer) {
            *counts.entry(stem).or_default() += 1;
        }
    }
    let least = 3.max(notes.questions.len().div_ceil(3));
    counts
        .into_iter()
        .filter(|(_, n)| *n >= least)
        .map(|(s, _)| s)
        .collect()
}

/// `<topic>-<how the question opens>-<its first content words>`, e.g.
/// `de-stalinisation-why-introduced`: readable, and stable while the notes are.
fn question_id(topic: &str, question: &str, topic_stems: &BTreeSet<String>) -> String {
    let words = phrasings::words(question);
    let mut parts: Vec<String> = Vec::new();
    if let Some((first, _, _)) = words.first() {
        parts.push(draft::slug(first));
    }
    for (word, stems, _) in words.iter().skip(1) {
        if parts.len() >= 4 {
            break;
        }
        let lower = crate::text::fold::fold(word);
        if crate::text::words::is_stop_word(&lower) || stems.iter().all(|s| topic_stems.contains(s))
        {
            continue;
        }
        parts.push(draft::slug(word));
    }
    let slug = parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        format!("{topic}-question")
    } else {
        format!("{topic}-{slug}")
    }
}

/// `berlin-wall` as "Berlin wall".
fn titled(topic: &str) -> String {
    let words = topic.replace(['-', '_'], " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn marks_in_words(d: &draft::Drafted) -> String {
    let points = d.scheme.rules.points().len();
    let marks = crate::prose::plural(d.marks.marks);
    match d.marks.from {
        marks::MarksFrom::Count if d.marks.choose.is_some() => {
            format!(
                "{marks}: any {} of {points} points, as the notes ask",
                d.marks.marks
            )
        }
        marks::MarksFrom::Count => format!("{marks}: {points} points, as the notes count them"),
        marks::MarksFrom::CountAboveListed { said } => {
            format!("{marks}: the notes say {said} but list {points}")
        }
        marks::MarksFrom::Bullets => format!("{marks}: one a bullet"),
        marks::MarksFrom::Sentences => format!("{marks}: one a sentence with a fact"),
    }
}

/// The drafted files as YAML, each opening with a comment that says where it came from and
/// what to do with it.
pub fn to_yaml(imported: &Imported, source: &str) -> Result<(String, String), serde_yaml::Error> {
    let head = format!(
        "# Drafted by `examkit import notes` from {source}. Every item is `draft: true`:\n\
         # read it, fix what the notes did not say, then delete its `draft: true` line.\n"
    );
    let questions = format!("{head}{}", serde_yaml::to_string(&imported.questions)?);
    let schemes = format!("{head}{}", serde_yaml::to_string(&imported.schemes)?);
    Ok((questions, schemes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_files_are_refused_at_the_first_bad_byte() {
        let err = text_of(b"Who?\nKhru\xFFshchev").unwrap_err();
        assert_eq!(err.at(), (2, 5));
        let err = text_of(b"PK\x03\x04\0\0").unwrap_err();
        assert!(matches!(err, NotesError::Binary { .. }), "{err:?}");
        assert_eq!(text_of(b"\xEF\xBB\xBF  \n"), Err(NotesError::Empty));
        assert_eq!(text_of(b"\xEF\xBB\xBFWho?"), Ok("Who?"));
    }

    #[test]
    fn question_ids_read_like_the_question() {
        let topic = phrasings::stems_of("de stalinisation");
        assert_eq!(
            question_id(
                "de-stalinisation",
                "Why was De-Stalinisation introduced?",
                &topic
            ),
            "de-stalinisation-why-introduced"
        );
        assert_eq!(
            question_id(
                "de-stalinisation",
                "What were the results of De-Stalinisation in the Eastern Bloc?",
                &topic
            ),
            "de-stalinisation-what-results-eastern-bloc"
        );
    }
}
