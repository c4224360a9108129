//! Reading a class's answers as a stream of rows, one at a time, from CSV or JSON lines.
//!
//! Two layouts are accepted, because exports come both ways:
//! - **long**: one row per student and question (`student`, `question`, `answer`);
//! - **wide**: one row per student, with a column (or JSON key) per printed question number.
//!
//! Nothing here knows about papers or marking: keys are passed on as written, and the
//! caller resolves them. Every row carries its line number for error messages.

use super::input_check::{CheckedInput, RawProblem};
use super::json_line::{self, Field};
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
        reader: csv::Reader<CheckedInput<Box<dyn Read + Send>>>,
        layout: CsvLayout,
        record: csv::StringRecord,
    },
    Jsonl {
        reader: BufReader<CheckedInput<Box<dyn Read + Send>>>,
        line: u64,
        bytes: u64,
        buf: String,
    },
}

/// Rows of a class's answers, read lazily.
pub struct RowReader {
    file: PathBuf,
    source: Source,
    /// Rows returned so far.
    rows: u64,
}

/// Column names taken as the student's name or id, in order of preference.
const STUDENT_COLUMNS: [&str; 4] = ["student", "name", "candidate", "id"];

impl RowReader {
    /// Open `path` (`-` for standard input) in `format`, reading a CSV header at once so
    /// layout problems are reported before any marking.
    pub fn open(path: &Path, format: InputFormat) -> Result<RowReader, InputError> {
        let input: Box<dyn Read + Send> = if path == Path::new("-") {
            Box::new(std::io::stdin())
        } else {
            Box::new(File::open(path).map_err(|e| InputError {
                file: path.to_path_buf(),
                line: 0,
                message: format!("cannot open the answers: {e}"),
            })?)
        };
        RowReader::from_reader(path, input, format)
    }

    /// Read rows from `input` (an uploaded file, say) in `format`; `name` is the file name
    /// errors give. Reads a CSV header at once, so layout problems come before any marking.
    pub fn from_reader(
        name: &Path,
        input: Box<dyn Read + Send>,
        format: InputFormat,
    ) -> Result<RowReader, InputError> {
        let err = |line: u64, message: String| InputError {
            file: name.to_path_buf(),
            line,
            message,
        };
        let input = CheckedInput::new(input, format == InputFormat::Csv);
        let source = match format {
            InputFormat::Csv => {
                let mut reader = csv::ReaderBuilder::new().from_reader(input);
                let headers = match reader.headers() {
                    Ok(headers) => headers.clone(),
                    Err(e) => {
                        let (line, message) = csv_message(&e);
                        // The checker reads ahead, so a problem further down can surface
                        // while the header is read: only one on line 1 is the header's.
                        let message = if line <= 1 {
                            format!("cannot read the header row: {message}")
                        } else {
                            message
                        };
                        return Err(err(line, message));
                    }
                };
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
            file: name.to_path_buf(),
            source,
            rows: 0,
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

    /// Rows read so far (blank lines are not rows).
    pub fn rows_read(&self) -> u64 {
        self.rows
    }

    /// The error for a file that held no rows at all: empty, or only a header.
    pub fn no_rows_error(&self) -> InputError {
        let message = match &self.source {
            Source::Csv { .. } => {
                "no answers: the file has a header row but no rows below it; add a row per \
                 answer (or per student), or check that this is the file you meant"
            }
            Source::Jsonl { .. } => {
                "the file is empty: expected one JSON object per line, e.g. \
                 {\"student\": \"Amira\", \"question\": \"01\", \"answer\": \"…\"}"
            }
        };
        InputError {
            file: self.file.clone(),
            line: 1,
            message: message.to_string(),
        }
    }

    /// The next row, `None` at the end of the input.
    pub fn next_row(&mut self) -> Option<Result<Row, InputError>> {
        let row = self.read_row();
        if let Some(Ok(_)) = row {
            self.rows += 1;
        }
        row
    }

    fn read_row(&mut self) -> Option<Result<Row, InputError>> {
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
                    let (line, message) = csv_message(&e);
                    Some(Err(err(line, message)))
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
                        let message = match RawProblem::from_io(&e) {
                            Some(problem) => problem.to_string(),
                            None => format!("cannot read this line: {e} (is the file UTF-8 text?)"),
                        };
                        return Some(Err(err(*line, message)));
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
    if names.iter().all(String::is_empty) {
        return Err(
            "the file is empty: expected a header row, `student,question,answer` (one \
             row per answer) or `student` followed by one column per question number (one row \
             per student), then the answers"
                .to_string(),
        );
    }
    for (i, name) in names.iter().enumerate() {
        if name.is_empty() {
            continue;
        }
        if let Some(j) = names[..i].iter().position(|n| n.eq_ignore_ascii_case(name)) {
            return Err(format!(
                "columns {} and {} are both headed `{name}`: keep one, since the second would \
                 silently overwrite the first",
                j + 1,
                i + 1
            ));
        }
    }
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

/// Where a CSV error is and what to say about it.
fn csv_message(e: &csv::Error) -> (u64, String) {
    let line = e.position().map_or(0, |p| p.line());
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!(
            "this row has {len} fields but the header has {expected_len}: check for a missing \
             or extra comma, or an answer with commas that is not in double quotes"
        ),
        csv::ErrorKind::Utf8 { .. } => {
            "this row is not valid UTF-8 text: save the file as CSV UTF-8".to_string()
        }
        csv::ErrorKind::Io(io) => match RawProblem::from_io(io) {
            Some(problem) => return (problem.line(), problem.to_string()),
            None => format!("cannot read the file: {io}"),
        },
        _ => format!("bad CSV: {e}"),
    };
    (line, message)
}

fn json_row(text: &str, line: u64) -> Result<Row, String> {
    let value = json_line::parse(text)
        .map_err(|e| format!("not a JSON object: {e} (each line must be one JSON object)"))?;
    let Field::Object(mut entries) = value else {
        return Err("each line must be a JSON object, e.g. {\"student\": …, …}".to_string());
    };
    if let Some(key) = json_line::repeated_key(&entries) {
        return Err(format!(
            "the key `{key}` appears twice in this object: keep one (JSON readers would \
             silently keep only the last)"
        ));
    }
    let mut take = |key: &str| {
        let i = entries.iter().position(|(k, _)| k == key)?;
        Some(entries.remove(i).1)
    };
    let student = STUDENT_COLUMNS
        .iter()
        .find_map(|k| take(k))
        .map(Field::into_text)
        .ok_or_else(|| "no `student` key on this line".to_string())?;
    let student = student.trim().to_string();
    if let Some(question) = take("question") {
        let answer = take("answer").map(Field::into_text).unwrap_or_default();
        return Ok(Row::Long {
            line,
            student,
            key: question.into_text().trim().to_string(),
            answer,
        });
    }
    let answers = match take("answers") {
        Some(Field::Object(answers)) => {
            if let Some(key) = json_line::repeated_key(&answers) {
                return Err(format!(
                    "the key `{key}` appears twice in `answers`: keep one (JSON readers would \
                     silently keep only the last)"
                ));
            }
            answers
        }
        Some(_) => return Err("`answers` must be an object from question number to text".into()),
        None => entries
            .into_iter()
            .filter(|(k, _)| !STUDENT_COLUMNS.contains(&k.as_str()))
            .collect(),
    };
    Ok(Row::Wide {
        line,
        student,
        answers: answers
            .into_iter()
            .map(|(k, v)| (k, v.into_text()))
            .collect(),
    })
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
