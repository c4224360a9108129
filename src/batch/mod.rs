//! Marking a paper: one student's answers, or a whole class's as a stream.
//!
//! A class file may hold a million answers, so nothing here keeps answer text beyond one
//! chunk of rows: rows are read a chunk at a time, marked in parallel (rayon), and reduced
//! at once to numbers — each answer's mark and the ids of the points it missed. For a
//! one-row-per-student file each student's mark-sheet row is written as soon as it is
//! marked; for a one-row-per-answer file the marks are kept per student (numbers only, in
//! any row order) and the sheet is written at the end.

pub mod input;
mod input_check;
mod json_line;
pub mod paper;
pub mod sheet;
pub mod summary;

pub use input::{InputError, InputFormat, Row, RowReader};
pub use paper::{ItemMarks, PaperError, PaperMarker, PaperMarks, PaperScore, UNGRADED};
pub use sheet::{SheetFormat, SheetWriter};
pub use summary::{ClassSummary, ClassTally, GradeCount, MissedPoint, QuestionSummary};

use crate::marking::{MarkResult, PointStatus};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::Write;

/// Rows read and marked together: enough to keep every core busy, few enough that a chunk's
/// answer text stays a few megabytes.
pub const CHUNK_ROWS: usize = 4096;

/// Why a batch stopped.
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    /// The input could not be read or has a bad row.
    #[error(transparent)]
    Input(#[from] InputError),
    /// Writing the mark sheet failed.
    #[error("cannot write the mark sheet: {0}")]
    Output(#[from] std::io::Error),
}

/// One answer reduced to what the class summary and mark sheet need.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Marked {
    awarded: u32,
    /// Scheme positions of points missed, negated or rejected.
    missed: Vec<u16>,
}

fn reduce(paper: &PaperMarker, index: usize, result: &MarkResult) -> Marked {
    let points = paper.items[index].marker.scheme().rules.points();
    let missed = result
        .points
        .iter()
        .filter(|o| {
            matches!(
                o.status,
                PointStatus::Missed | PointStatus::Negated | PointStatus::Rejected
            )
        })
        .filter_map(|o| points.iter().position(|p| p.id == o.id))
        .filter_map(|p| u16::try_from(p).ok())
        .collect();
    Marked {
        awarded: result.awarded,
        missed,
    }
}

/// Mark every row of `reader` against `paper`, writing the mark sheet to `sheet` and calling
/// `progress` with the bytes read after each chunk. Returns the class summary.
pub fn mark_class<W: Write>(
    paper: &PaperMarker,
    reader: &mut RowReader,
    sheet: &mut SheetWriter<W>,
    mut progress: impl FnMut(u64),
) -> Result<ClassSummary, BatchError> {
    if let Some(keys) = reader.wide_keys() {
        let keys: Vec<String> = keys.into_iter().map(str::to_string).collect();
        let (mut resolved, mut seen) = (HashMap::new(), Vec::new());
        for key in &keys {
            resolve_key(paper, reader, 1, key, &mut resolved, &mut seen)?;
        }
    }
    let mut tally = ClassTally::new(paper);
    // Wide layout: the line each student's row was on, so a second row is caught.
    let mut wide_lines: HashMap<Box<str>, u64> = HashMap::new();
    let mut resolved: HashMap<String, usize> = HashMap::new();
    // Long layout: each student's marks so far, in order of first appearance.
    // Long layout: each student's slot (in order of first appearance) and the marks of
    // every slot, flat (`slot * items + item`), so a student costs one name and a few
    // numbers, however many rows they have.
    let width = paper.items.len();
    let mut long_index: HashMap<Box<str>, usize> = HashMap::new();
    let mut long_marks: Vec<Option<u32>> = Vec::new();
    let mut chunk: Vec<(RowHead, Vec<(usize, String)>)> = Vec::with_capacity(CHUNK_ROWS);
    loop {
        chunk.clear();
        while chunk.len() < CHUNK_ROWS {
            let Some(row) = reader.next_row() else { break };
            chunk.push(resolve_row(paper, reader, row?, &mut resolved)?);
        }
        if chunk.is_empty() {
            break;
        }
        let marked: Vec<Vec<(usize, Marked)>> = chunk
            .par_iter()
            .map(|(_, answers)| {
                answers
                    .iter()
                    .filter(|(_, text)| !text.trim().is_empty())
                    .map(|(i, text)| (*i, reduce(paper, *i, &paper.mark(*i, text))))
                    .collect()
            })
            .collect();
        for ((head, given), answers) in chunk.iter().zip(marked) {
            tally.count_blank((given.len() - answers.len()) as u64);
            for (i, m) in &answers {
                tally.count_answer(*i, m.awarded, m.missed.iter().map(|&p| usize::from(p)));
            }
            let RowHead {
                line,
                student,
                long_key,
            } = head;
            match long_key {
                None => {
                    if let Some(first) = wide_lines.insert(student.as_str().into(), *line) {
                        return Err(InputError {
                            file: reader.file().to_path_buf(),
                            line: *line,
                            message: format!(
                                "`{student}` already has a row (line {first}): this layout \
                                 has one row per student, so merge the two rows or tell the \
                                 students apart by name"
                            ),
                        }
                        .into());
                    }
                    let mut awarded = vec![None; paper.items.len()];
                    for (i, m) in answers {
                        awarded[i] = Some(m.awarded);
                    }
                    let score = paper.score(&awarded);
                    tally.add_student(&score);
                    sheet.write_student(student, &awarded, &score)?;
                }
                Some(key) => {
                    let slot = match long_index.get(student.as_str()) {
                        Some(&slot) => slot,
                        None => {
                            let slot = long_index.len();
                            long_index.insert(student.as_str().into(), slot);
                            long_marks.resize(long_marks.len() + width, None);
                            slot
                        }
                    };
                    for (i, m) in answers {
                        let cell = &mut long_marks[slot * width + i];
                        if cell.is_some() {
                            return Err(InputError {
                                file: reader.file().to_path_buf(),
                                line: *line,
                                message: format!(
                                    "a second answer from `{student}` to question {key}: keep \
                                     one answer per student and question"
                                ),
                            }
                            .into());
                        }
                        *cell = Some(m.awarded);
                    }
                }
            }
        }
        progress(reader.bytes_read());
    }
    if reader.rows_read() == 0 {
        return Err(reader.no_rows_error().into());
    }
    tally.count_rows(reader.rows_read());
    let mut students: Vec<(usize, Box<str>)> = long_index
        .into_iter()
        .map(|(name, slot)| (slot, name))
        .collect();
    students.sort_unstable_by_key(|(slot, _)| *slot);
    for (slot, student) in students {
        let awarded = &long_marks[slot * width..(slot + 1) * width];
        let score = paper.score(awarded);
        tally.add_student(&score);
        sheet.write_student(&student, awarded, &score)?;
    }
    Ok(tally.finish(paper))
}

/// What is kept of a row once its answers are taken out for marking.
#[derive(Debug)]
struct RowHead {
    line: u64,
    student: String,
    /// The question key as written, for a one-row-per-answer file.
    long_key: Option<String>,
}

/// Split a row into its head and its answers as (item index, text), resolving the keys
/// against the paper.
fn resolve_row(
    paper: &PaperMarker,
    reader: &RowReader,
    row: Row,
    cache: &mut HashMap<String, usize>,
) -> Result<(RowHead, Vec<(usize, String)>), InputError> {
    let (line, student) = match &row {
        Row::Long { line, student, .. } | Row::Wide { line, student, .. } => (*line, student),
    };
    if student.is_empty() {
        return Err(blank_student(reader, line));
    }
    match row {
        Row::Long {
            line,
            student,
            key,
            answer,
        } => {
            let index = resolve_key(paper, reader, line, &key, cache, &mut Vec::new())?;
            let head = RowHead {
                line,
                student,
                long_key: Some(key),
            };
            Ok((head, vec![(index, answer)]))
        }
        Row::Wide {
            line,
            student,
            answers,
        } => {
            let mut seen = Vec::with_capacity(answers.len());
            let answers = answers
                .into_iter()
                .map(|(key, text)| {
                    Ok((
                        resolve_key(paper, reader, line, &key, cache, &mut seen)?,
                        text,
                    ))
                })
                .collect::<Result<_, InputError>>()?;
            let head = RowHead {
                line,
                student,
                long_key: None,
            };
            Ok((head, answers))
        }
    }
}

/// The item `key` names, erring when it names none, or one already in `seen` (the keys of
/// the same row so far, as (item, key)): two columns for one question would otherwise
/// overwrite each other silently.
fn resolve_key(
    paper: &PaperMarker,
    reader: &RowReader,
    line: u64,
    key: &str,
    cache: &mut HashMap<String, usize>,
    seen: &mut Vec<(usize, String)>,
) -> Result<usize, InputError> {
    let index = match cache.get(key) {
        Some(&i) => i,
        None => {
            let i = paper
                .resolve(key)
                .ok_or_else(|| unknown_key(reader, line, key, paper))?;
            cache.insert(key.to_string(), i);
            i
        }
    };
    if let Some((_, first)) = seen.iter().find(|(i, _)| *i == index) {
        return Err(InputError {
            file: reader.file().to_path_buf(),
            line,
            message: format!(
                "`{first}` and `{key}` are both question {}: keep one, since the second would \
                 silently overwrite the first",
                paper.items[index].item.number
            ),
        });
    }
    seen.push((index, key.to_string()));
    Ok(index)
}

fn blank_student(reader: &RowReader, line: u64) -> InputError {
    InputError {
        file: reader.file().to_path_buf(),
        line,
        message: "the student is blank: give every row a student name or id".to_string(),
    }
}

fn unknown_key(reader: &RowReader, line: u64, key: &str, paper: &PaperMarker) -> InputError {
    InputError {
        file: reader.file().to_path_buf(),
        line,
        message: format!(
            "`{key}` is not a question on paper {}: expected one of {}",
            paper.manifest.paper_id,
            paper.numbers().join(", ")
        ),
    }
}
