//! Reading a teacher's marked answers: CSV with a header row, or JSON Lines (one object a
//! line). Columns are found by name, so a spreadsheet exported with extra columns (student
//! name, date) works as it is. Parses text handed in by the caller; opening files is the
//! command's job.

use serde_json::Value;

/// Which columns (CSV) or fields (JSONL) hold what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    /// The question id (scheme key: `id` or `id/part`).
    pub id: String,
    /// The student's answer.
    pub answer: String,
    /// The teacher's mark.
    pub mark: String,
}

impl Default for Columns {
    fn default() -> Self {
        Columns {
            id: "question".into(),
            answer: "answer".into(),
            mark: "mark".into(),
        }
    }
}

/// One answer with the teacher's mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkedAnswer {
    /// Line of the file the answer starts on (1-based), for pointing back at it.
    pub line: u64,
    /// Question id (scheme key).
    pub question: String,
    /// The answer text.
    pub answer: String,
    /// The teacher's mark.
    pub mark: u32,
}

/// Why the marked answers could not be read. Every variant names the line, so the teacher
/// can go straight to it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum InputError {
    /// The header has no column of that name.
    #[error("no `{column}` column (the header has: {found}); name the column with --{flag}-col")]
    MissingColumn {
        /// Column looked for.
        column: String,
        /// Which flag sets it.
        flag: &'static str,
        /// The header's columns.
        found: String,
    },
    /// A JSON object lacks a field.
    #[error("line {line}: no `{field}` field; name the field with --{flag}-col")]
    MissingField {
        /// Line of the file.
        line: u64,
        /// Field looked for.
        field: String,
        /// Which flag sets it.
        flag: &'static str,
    },
    /// A mark is not a whole number of marks.
    #[error("line {line}: mark `{value}` is not a whole number of marks (0, 1, 2…)")]
    BadMark {
        /// Line of the file.
        line: u64,
        /// The value as written.
        value: String,
    },
    /// The CSV is malformed.
    #[error("line {line}: {message}")]
    Csv {
        /// Line of the file.
        line: u64,
        /// What the CSV reader said.
        message: String,
    },
    /// A line is not a JSON object.
    #[error("line {line}, column {column}: {message}")]
    Json {
        /// Line of the file.
        line: u64,
        /// Column within the line.
        column: u64,
        /// What is wrong.
        message: String,
    },
}

/// The file formats understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// Comma-separated values with a header row.
    Csv,
    /// One JSON object a line.
    JsonLines,
}

impl InputFormat {
    /// Guess from the file name, then from the first character (`{` starts JSON Lines).
    pub fn detect(file_name: &str, text: &str) -> InputFormat {
        let lower = file_name.to_ascii_lowercase();
        if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
            return InputFormat::JsonLines;
        }
        if lower.ends_with(".csv") {
            return InputFormat::Csv;
        }
        match text.trim_start().chars().next() {
            Some('{') => InputFormat::JsonLines,
            _ => InputFormat::Csv,
        }
    }
}

/// Parse marked answers in the given format.
pub fn read(
    text: &str,
    format: InputFormat,
    columns: &Columns,
) -> Result<Vec<MarkedAnswer>, InputError> {
    match format {
        InputFormat::Csv => read_csv(text, columns),
        InputFormat::JsonLines => read_jsonl(text, columns),
    }
}

/// Parse a CSV with a header row.
pub fn read_csv(text: &str, columns: &Columns) -> Result<Vec<MarkedAnswer>, InputError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| csv_error(text, &e))?.clone();
    let find = |name: &str, flag: &'static str| {
        headers
            .iter()
            .position(|h| h.trim() == name)
            .ok_or_else(|| InputError::MissingColumn {
                column: name.to_string(),
                flag,
                found: headers.iter().collect::<Vec<_>>().join(", "),
            })
    };
    let id_at = find(&columns.id, "id")?;
    let answer_at = find(&columns.answer, "answer")?;
    let mark_at = find(&columns.mark, "mark")?;
    let mut answers = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(text, &e))?;
        let line = record.position().map_or(0, |p| line_at(text, p));
        let field = |at: usize| record.get(at).unwrap_or("").to_string();
        answers.push(MarkedAnswer {
            line,
            question: field(id_at).trim().to_string(),
            answer: field(answer_at),
            mark: parse_mark(&field(mark_at), line)?,
        });
    }
    Ok(answers)
}

/// Parse JSON Lines: one object a line; blank lines are skipped.
pub fn read_jsonl(text: &str, columns: &Columns) -> Result<Vec<MarkedAnswer>, InputError> {
    let mut answers = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index as u64 + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(raw).map_err(|e| InputError::Json {
            line,
            column: e.column() as u64,
            message: e.to_string(),
        })?;
        let Value::Object(object) = value else {
            return Err(InputError::Json {
                line,
                column: 1,
                message: "expected a JSON object with the question, answer and mark".into(),
            });
        };
        let get = |name: &str, flag: &'static str| {
            object.get(name).ok_or_else(|| InputError::MissingField {
                line,
                field: name.to_string(),
                flag,
            })
        };
        let as_text = |v: &Value| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        answers.push(MarkedAnswer {
            line,
            question: as_text(get(&columns.id, "id")?).trim().to_string(),
            answer: as_text(get(&columns.answer, "answer")?),
            mark: parse_mark(&as_text(get(&columns.mark, "mark")?), line)?,
        });
    }
    Ok(answers)
}

/// A mark: a whole number, written `2` or `2.0`.
fn parse_mark(value: &str, line: u64) -> Result<u32, InputError> {
    let trimmed = value.trim();
    let bad = || InputError::BadMark {
        line,
        value: value.to_string(),
    };
    if let Ok(mark) = trimmed.parse::<u32>() {
        return Ok(mark);
    }
    let float: f64 = trimmed.parse().map_err(|_| bad())?;
    if float.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&float) {
        Ok(float as u32)
    } else {
        Err(bad())
    }
}

fn csv_error(text: &str, err: &csv::Error) -> InputError {
    InputError::Csv {
        line: err.position().map_or(0, |p| line_at(text, p)),
        message: err.to_string(),
    }
}

/// The line a record starts on, counted from its byte offset: the csv crate's own line
/// count is one short after a CRLF line end (it counts the `\n` only once the next record
/// has begun), so files saved on Windows were reported a line too early. Line ends before
/// the record (a CR LF not yet consumed, blank lines) are stepped over first.
fn line_at(text: &str, position: &csv::Position) -> u64 {
    let bytes = text.as_bytes();
    let mut at = (position.byte() as usize).min(bytes.len());
    while at < bytes.len() && matches!(bytes[at], b'\r' | b'\n') {
        at += 1;
    }
    1 + bytes[..at].iter().filter(|&&b| b == b'\n').count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_csv_by_column_name_with_extra_columns() {
        let text =
            "student,question,mark,answer\nAli,q1,1,\"they are connected, yes\"\nBo,q2,0,no\n";
        let rows = read_csv(text, &Columns::default()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].question, "q1");
        assert_eq!(rows[0].answer, "they are connected, yes");
        assert_eq!(rows[0].mark, 1);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[1].mark, 0);
    }

    #[test]
    fn line_numbers_are_right_with_crlf_line_ends() {
        let text = "question,answer,mark\r\nq1,a,1\r\nq1,\"two\r\nlines\",0\r\n\r\nq2,c,1\r\nq1,b,half\r\n";
        let err = read_csv(text, &Columns::default()).unwrap_err();
        assert_eq!(
            err,
            InputError::BadMark {
                line: 7,
                value: "half".into()
            }
        );
        let rows = read_csv(&text.replace("half", "1"), &Columns::default()).unwrap();
        let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 3, 6, 7]);
        // The same file with LF line ends gives the same lines.
        let rows = read_csv(
            &text.replace("half", "1").replace("\r\n", "\n"),
            &Columns::default(),
        )
        .unwrap();
        assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), lines);
    }

    #[test]
    fn a_missing_column_names_the_flag_and_the_header() {
        let err = read_csv("id,text,score\n", &Columns::default()).unwrap_err();
        let message = err.to_string();
        assert!(message.contains("`question`"), "{message}");
        assert!(message.contains("--id-col"), "{message}");
        assert!(message.contains("id, text, score"), "{message}");
    }

    #[test]
    fn a_bad_mark_names_its_line() {
        let err = read_csv(
            "question,answer,mark\nq1,a,1\nq1,b,half\n",
            &Columns::default(),
        )
        .unwrap_err();
        assert_eq!(
            err,
            InputError::BadMark {
                line: 3,
                value: "half".into()
            }
        );
    }

    #[test]
    fn reads_json_lines_with_custom_fields() {
        let columns = Columns {
            id: "qid".into(),
            answer: "text".into(),
            mark: "score".into(),
        };
        let text = "{\"qid\":\"q1\",\"text\":\"gap\",\"score\":1}\n\n{\"qid\":\"q2\",\"text\":\"x\",\"score\":\"2.0\"}\n";
        let rows = read_jsonl(text, &columns).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].line, 3);
        assert_eq!(rows[1].mark, 2);
        assert_eq!(rows[0].answer, "gap");
    }

    #[test]
    fn json_lines_errors_are_located() {
        let err = read_jsonl("{\"question\":\"q\"}\n", &Columns::default()).unwrap_err();
        assert!(
            err.to_string().contains("line 1: no `answer` field"),
            "{err}"
        );
        let err = read_jsonl("[1]\n", &Columns::default()).unwrap_err();
        assert!(matches!(err, InputError::Json { line: 1, .. }));
    }

    #[test]
    fn detects_the_format() {
        assert_eq!(InputFormat::detect("a.jsonl", ""), InputFormat::JsonLines);
        assert_eq!(InputFormat::detect("a.csv", "{"), InputFormat::Csv);
        assert_eq!(
            InputFormat::detect("-", " {\"a\":1}"),
            InputFormat::JsonLines
        );
        assert_eq!(
            InputFormat::detect("marks", "question,answer"),
            InputFormat::Csv
        );
    }
}
