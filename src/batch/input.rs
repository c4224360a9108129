//! Reading a class's answers as a stream of rows, one at a time, from CSV or JSON lines.
//!
//! Two layouts are accepted, because exports come both ways:
//! - **long**: one row per student and question (`student`, `question`, `answer`);
//! - **wide**: one row per student, with a column (or JSON key) per printed question number.
//!
//! Nothing here knows about papers or marking: keys are passed on as written, and the
//! caller resolves them. Every row carries its line number for error messages.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// The file format of a class's answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// Comma-separated values with a header row.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

impl InputFormat {
    /// The format a file's extension names (`.csv`; `.jsonl`, `.ndjson`, `.json`).
    pub fn from_path(path: &Path) -> Option<InputFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(InputFormat::Csv),
            "jsonl" | "ndjson" | "json" => Some(InputFormat::Jsonl),
            _ => None,
        }
    }
}

/// One row of input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// One student's answer to one question.
    Long {
        /// 1-based line in the file.
        line: u64,
        /// Student name or id.
        student: String,
        /// Question key as written.
        key: String,
        /// The answer.
        answer: String,
    },
    /// One student's answers to every question.
    Wide {
        /// 1-based line in the file.
        line: u64,
        /// Student name or id.
        student: String,
        /// (question key as written, answer) pairs.
        answers: Vec<(String, String)>,
    },
}

/// A problem in the input, located by file and line.
#[derive(Debug, thiserror::Error)]
#[error("{}:{line}: {message}", file.display())]
pub struct InputError {
    /// The input file.
    pub file: PathBuf,
    /// 1-based line (0 when the file could not be opened).
    pub line: u64,
    /// What is wrong and what to do.
    pub message: String,
}

/// Column positions of a CSV file's layout.
#[derive(Debug, Clone)]
enum CsvLayout {
    Long {
        student: usize,
        question: usize,
        answer: usize,
    },
    Wide {
        student: usize,
        /// (column, key) for each question column.
        questions: Vec<(usize, String)>,
    },
}

enum Source {
    Csv {
        reader: csv::Reader<Box<dyn Read + Send>>,
        layout: CsvLayout,
        record: csv::StringRecord,
    },
    Jsonl {
        reader: BufReader<Box<dyn Read + Send>>,
        line: u64,
        bytes: u64,
        buf: String,
    },
}

/// Rows of a class's answers, read lazily.
pub struct RowReader {
    file: PathBuf,
    source: Source,
}

/// Column names taken as the student's name or id, in order of preference.
const STUDENT_COLUMNS: [&str; 4] = ["student", "name", "candidate", "id"];

impl RowReader {
    /// Open `path` (`-` for standard input) in `format`, reading a CSV header at once so
    /// layout problems are reported before any marking.
    pub fn open(path: &Path, format: InputFormat) -> Result<RowReader, InputError> {
        let err = |line: u64, message: String| InputError {
            file: path.to_path_buf(),
            line,
            message,
        };
        let input: Box<dyn Read + Send> = if path == Path::new("-") {
            Box::new(std::io::stdin())
        } else {
            Box::new(File::open(path).map_err(|e| err(0, format!("cannot open the answers: {e}")))?)
        };
        let source = match format {
            InputFormat::Csv => {
                let mut reader = csv::ReaderBuilder::new().from_reader(input);
                let headers = reader
                    .headers()
                    .map_err(|e| err(1, format!("cannot read the header row: {e}")))?
                    .clone();
                let layout = csv_layout(&headers).map_err(|m| err(1, m))?;
                Source::Csv {
                    reader,
                    layout,
                    record: csv::StringRecord::new(),
                }
            }
            InputFormat::Jsonl => Source::Jsonl {
                reader: BufReader::new(input),
                line: 0,
                bytes: 0,
                buf: String::new(),
            },
        };
        Ok(RowReader {
            file: path.to_path_buf(),
            source,
        })
    }

    /// For a wide CSV file, the question keys of its columns (checked before marking).
    pub fn wide_keys(&self) -> Option<Vec<&str>> {
        match &self.source {
            Source::Csv {
                layout: CsvLayout::Wide { questions, .. },
                ..
            } => Some(questions.iter().map(|(_, k)| k.as_str()).collect()),
            _ => None,
        }
    }

    /// Bytes read so far, for a progress bar.
    pub fn bytes_read(&self) -> u64 {
        match &self.source {
            Source::Csv { reader, .. } => reader.position().byte(),
            Source::Jsonl { bytes, .. } => *bytes,
        }
    }

    /// The file being read.
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// The next row, `None` at the end of the input.
    pub fn next_row(&mut self) -> Option<Result<Row, InputError>> {
        let file = &self.file;
        let err = |line: u64, message: String| InputError {
            file: file.clone(),
            line,
            message,
        };
        match &mut self.source {
            Source::Csv {
                reader,
                layout,
                record,
            } => match reader.read_record(record) {
                Ok(false) => None,
                Ok(true) => {
                    let line = record.position().map_or(0, |p| p.line());
                    Some(Ok(csv_row(layout, record, line)))
                }
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    Some(Err(err(line, csv_message(&e))))
                }
            },
            Source::Jsonl {
                reader,
                line,
                bytes,
                buf,
            } => loop {
                buf.clear();
                *line += 1;
                match reader.read_line(buf) {
                    Ok(0) => return None,
                    Ok(n) => *bytes += n as u64,
                    Err(e) => {
                        return Some(Err(err(
                            *line,
                            format!("cannot read this line: {e} (is the file UTF-8 text?)"),
                        )));
                    }
                }
                let text = buf.trim_start_matches('\u{feff}').trim();
                if text.is_empty() {
                    continue;
                }
                return Some(json_row(text, *line).map_err(|m| err(*line, m)));
            },
        }
    }
}

fn csv_layout(headers: &csv::StringRecord) -> Result<CsvLayout, String> {
    let names: Vec<String> = headers
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_string())
        .collect();
    let find = |name: &str| names.iter().position(|h| h.eq_ignore_ascii_case(name));
    let student = STUDENT_COLUMNS.iter().find_map(|c| find(c));
    if let (Some(student), Some(question), Some(answer)) =
        (student, find("question"), find("answer"))
    {
        return Ok(CsvLayout::Long {
            student,
            question,
            answer,
        });
    }
    let Some(student) = student else {
        return Err(
            "no `student` column: the header must be `student,question,answer` (one row per \
             answer) or `student` followed by one column per question number (one row per student)"
                .to_string(),
        );
    };
    let questions: Vec<(usize, String)> = names
        .iter()
        .enumerate()
        .filter(|(i, name)| *i != student && !name.is_empty())
        .map(|(i, name)| (i, name.clone()))
        .collect();
    if questions.is_empty() {
        return Err(
            "no question columns: add one column per question number after `student`".to_string(),
        );
    }
    Ok(CsvLayout::Wide { student, questions })
}

fn csv_row(layout: &CsvLayout, record: &csv::StringRecord, line: u64) -> Row {
    let field = |i: usize| record.get(i).unwrap_or("").to_string();
    match layout {
        CsvLayout::Long {
            student,
            question,
            answer,
        } => Row::Long {
            line,
            student: field(*student).trim().to_string(),
            key: field(*question).trim().to_string(),
            answer: field(*answer),
        },
        CsvLayout::Wide { student, questions } => Row::Wide {
            line,
            student: field(*student).trim().to_string(),
            answers: questions
                .iter()
                .map(|(i, key)| (key.clone(), field(*i)))
                .collect(),
        },
    }
}

fn csv_message(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!(
            "this row has {len} fields but the header has {expected_len}: check for a missing \
             or extra comma, or an answer with commas that is not in double quotes"
        ),
        csv::ErrorKind::Utf8 { .. } => {
            "this row is not valid UTF-8 text: save the file as CSV UTF-8".to_string()
        }
        _ => format!("bad CSV: {e}"),
    }
}

fn json_row(text: &str, line: u64) -> Result<Row, String> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| format!("not a JSON object: {e} (each line must be one JSON object)"))?;
    let serde_json::Value::Object(map) = value else {
        return Err("each line must be a JSON object, e.g. {\"student\": …, …}".to_string());
    };
    let student = STUDENT_COLUMNS
        .iter()
        .find_map(|k| map.get(*k))
        .map(scalar)
        .ok_or_else(|| "no `student` key on this line".to_string())?;
    let student = student.trim().to_string();
    if let Some(question) = map.get("question") {
        let answer = map.get("answer").map(scalar).unwrap_or_default();
        return Ok(Row::Long {
            line,
            student,
            key: scalar(question).trim().to_string(),
            answer,
        });
    }
    let answers = match map.get("answers") {
        Some(serde_json::Value::Object(answers)) => answers
            .iter()
            .map(|(k, v)| (k.clone(), scalar(v)))
            .collect(),
        Some(_) => return Err("`answers` must be an object from question number to text".into()),
        None => map
            .iter()
            .filter(|(k, _)| !STUDENT_COLUMNS.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), scalar(v)))
            .collect(),
    };
    Ok(Row::Wide {
        line,
        student,
        answers,
    })
}

/// A JSON value as answer text: strings as they are, numbers and booleans as written,
/// `null` as blank.
fn scalar(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_are_long_or_wide() {
        let long = json_row(r#"{"student":"A","question":"01","answer":"x"}"#, 3).unwrap();
        assert_eq!(
            long,
            Row::Long {
                line: 3,
                student: "A".into(),
                key: "01".into(),
                answer: "x".into()
            }
        );
        let wide = json_row(r#"{"student":7,"answers":{"01":"x","02":null}}"#, 1).unwrap();
        assert_eq!(
            wide,
            Row::Wide {
                line: 1,
                student: "7".into(),
                answers: vec![("01".into(), "x".into()), ("02".into(), String::new())]
            }
        );
        assert!(json_row("[1]", 1).is_err());
    }
}
