//! Checks on a class file's raw bytes as they stream to the parser: binary files are refused
//! before they reach it, and in CSV every quoted field must close, and close at the end of
//! its field.
//!
//! The `csv` crate reads leniently: a quote that never closes takes the rest of the file as
//! one field, and text after a closing quote is glued onto the field. For a class file that
//! leniency is the worst outcome — one stray `"` in an answer swallows every student after
//! it and the run still succeeds — and it has no strict mode. So the bytes pass through this
//! small state machine on their way in, which knows just enough CSV (fields, quotes,
//! doubled quotes, line breaks) to say which line the bad field *began* on, the only place a
//! teacher can fix it. It runs ahead of the parser (it sees each buffer first), so a bad
//! quote is reported before any row it would have spoilt is marked.

use std::io::{self, Read};

/// A problem found in a class file's bytes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RawProblem {
    /// The file is not text.
    #[error("{0}")]
    Binary(String),
    /// A quoted CSV field that never closes.
    #[error(
        "a quoted field begins here (`\"{preview}`) and its closing quote never comes, so \
         everything after it would be read as one answer: add the missing `\"` (a quote inside \
         an answer is written twice: `\"\"`)"
    )]
    Unclosed {
        /// 1-based line where the field began.
        line: u64,
        /// The field's first characters.
        preview: String,
    },
    /// Text between a quoted CSV field's closing quote and the next comma or line end.
    #[error(
        "a quoted field begins here (`\"{preview}`) and its closing quote{closed} is followed by \
         `{after}` instead of a comma or the end of the line: a quote inside an answer is \
         written twice (`\"\"`), or a quote is missing"
    )]
    TextAfterQuote {
        /// 1-based line where the field began.
        line: u64,
        /// The field's first characters.
        preview: String,
        /// " on line N" when the field closed on a later line than it began.
        closed: String,
        /// The character found after the closing quote.
        after: char,
    },
}

impl RawProblem {
    /// The 1-based line the problem is reported at (1 for a binary file).
    pub fn line(&self) -> u64 {
        match self {
            RawProblem::Binary(_) => 1,
            RawProblem::Unclosed { line, .. } | RawProblem::TextAfterQuote { line, .. } => *line,
        }
    }

    /// The problem carried by an I/O error from [`CheckedInput`], if that is what it is.
    pub fn from_io(error: &io::Error) -> Option<&RawProblem> {
        error.get_ref()?.downcast_ref::<RawProblem>()
    }
}

/// Where the CSV state machine is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// At the start of a field.
    FieldStart,
    /// Inside a field that did not start with a quote (quotes in it are literal).
    Unquoted,
    /// Inside a quoted field.
    Quoted,
    /// Just after a quote inside a quoted field: a doubled quote or the closing one.
    QuoteInQuoted,
    /// After a closing quote and optional spaces, before the comma or line end.
    AfterQuote,
}

/// Characters of a quoted field kept to show where it began.
const PREVIEW_CHARS: usize = 24;

/// A reader that passes bytes through unchanged, failing with a [`RawProblem`] (as an
/// [`io::ErrorKind::InvalidData`] error) when they are not a well-formed class file.
pub struct CheckedInput<R> {
    inner: R,
    /// Whether to check CSV quoting (JSON lines are only checked for being text).
    csv: bool,
    /// Bytes seen so far.
    seen: u64,
    /// The first bytes, kept until there are enough to recognise a binary format.
    head: Vec<u8>,
    line: u64,
    state: State,
    /// Line the current quoted field began on.
    field_line: u64,
    /// Its first bytes, for the message.
    field_start: Vec<u8>,
}

impl<R: Read> CheckedInput<R> {
    /// Check `inner`, as CSV when `csv` is set.
    pub fn new(inner: R, csv: bool) -> CheckedInput<R> {
        CheckedInput {
            inner,
            csv,
            seen: 0,
            head: Vec::new(),
            line: 1,
            state: State::FieldStart,
            field_line: 1,
            field_start: Vec::new(),
        }
    }

    fn fail(problem: RawProblem) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidData, problem)
    }

    fn preview(&self) -> String {
        let text = String::from_utf8_lossy(&self.field_start);
        let first_line = text.lines().next().unwrap_or("");
        let mut preview: String = first_line
            .chars()
            .take(PREVIEW_CHARS)
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        if first_line.chars().count() > PREVIEW_CHARS || first_line.len() < text.len() {
            preview.push('…');
        }
        preview
    }

    fn scan(&mut self, bytes: &[u8]) -> Result<(), RawProblem> {
        if self.head.len() < SNIFF_BYTES {
            let take = (SNIFF_BYTES - self.head.len()).min(bytes.len());
            self.head.extend_from_slice(&bytes[..take]);
            if let Some(what) = binary_kind(&self.head) {
                return Err(RawProblem::Binary(what));
            }
        }
        if bytes.contains(&0) {
            return Err(RawProblem::Binary(
                "the file holds NUL bytes, so it is not text: save it as CSV UTF-8 (or JSON \
                 lines) and try again"
                    .to_string(),
            ));
        }
        if !self.csv {
            return Ok(());
        }
        for (i, &b) in bytes.iter().enumerate() {
            // A UTF-8 byte-order mark before the header is not part of its first field.
            if self.seen + (i as u64) < 3 && BOM.starts_with(&self.head[..self.head.len().min(3)]) {
                continue;
            }
            match self.state {
                State::FieldStart => match b {
                    b'"' => {
                        self.state = State::Quoted;
                        self.field_line = self.line;
                        self.field_start.clear();
                    }
                    b',' | b'\n' | b'\r' => {}
                    _ => self.state = State::Unquoted,
                },
                State::Unquoted => {
                    if matches!(b, b',' | b'\n' | b'\r') {
                        self.state = State::FieldStart;
                    }
                }
                State::Quoted => {
                    if b == b'"' {
                        self.state = State::QuoteInQuoted;
                    } else if self.field_start.len() < PREVIEW_CHARS * 4 {
                        self.field_start.push(b);
                    }
                }
                State::QuoteInQuoted | State::AfterQuote => match b {
                    b'"' if self.state == State::QuoteInQuoted => {
                        self.state = State::Quoted;
                        if self.field_start.len() < PREVIEW_CHARS * 4 {
                            self.field_start.push(b);
                        }
                    }
                    b',' | b'\n' | b'\r' => self.state = State::FieldStart,
                    b' ' | b'\t' => self.state = State::AfterQuote,
                    _ => {
                        let after = char_at(bytes, i);
                        let closed = if self.line == self.field_line {
                            String::new()
                        } else {
                            format!(" (on line {})", self.line)
                        };
                        return Err(RawProblem::TextAfterQuote {
                            line: self.field_line,
                            preview: self.preview(),
                            closed,
                            after,
                        });
                    }
                },
            }
            if b == b'\n' {
                self.line += 1;
            }
        }
        Ok(())
    }
}

impl<R: Read> Read for CheckedInput<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 {
            if self.csv && self.state == State::Quoted {
                return Err(Self::fail(RawProblem::Unclosed {
                    line: self.field_line,
                    preview: self.preview(),
                }));
            }
            return Ok(0);
        }
        self.scan(&buf[..n]).map_err(Self::fail)?;
        self.seen += n as u64;
        Ok(n)
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Bytes looked at to recognise a binary format.
const SNIFF_BYTES: usize = 8;

/// What kind of non-text file `head` (the first bytes) starts like, as a message.
fn binary_kind(head: &[u8]) -> Option<String> {
    let is = |magic: &[u8]| head.starts_with(magic);
    let what = if is(b"PK\x03\x04") {
        "a zip archive — an Excel (.xlsx) or LibreOffice (.ods) workbook is one"
    } else if is(b"\xD0\xCF\x11\xE0") {
        "an old Excel (.xls) workbook"
    } else if is(b"%PDF") {
        "a PDF"
    } else if is(b"\xFF\xFE") || is(b"\xFE\xFF") {
        "UTF-16 text (Excel's \"Unicode text\")"
    } else {
        return None;
    };
    Some(format!(
        "this is {what}, not CSV or JSON-lines text: save it from the spreadsheet as \
         \"CSV UTF-8\" and try again"
    ))
}

/// The character starting at `bytes[i]`, for a message (the replacement character when the
/// rest of it is in the next buffer).
fn char_at(bytes: &[u8], i: usize) -> char {
    let end = (i + 4).min(bytes.len());
    (i + 1..=end)
        .find_map(|j| std::str::from_utf8(&bytes[i..j]).ok())
        .and_then(|s| s.chars().next())
        .unwrap_or(char::REPLACEMENT_CHARACTER)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Read `text` through the checker in chunks of `chunk` bytes.
    fn check(text: &[u8], chunk: usize) -> Result<Vec<u8>, RawProblem> {
        struct Chunked<'a>(&'a [u8], usize);
        impl Read for Chunked<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = self.1.min(buf.len()).min(self.0.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut out = Vec::new();
        CheckedInput::new(Chunked(text, chunk), true)
            .read_to_end(&mut out)
            .map_err(|e| RawProblem::from_io(&e).cloned().expect("a raw problem"))?;
        Ok(out)
    }

    #[test]
    fn good_csv_passes_unchanged_in_any_chunking() {
        let text =
            "\u{feff}\"student\",01\nA,\"x, \"\"quoted\"\"\nover lines\" \nB,He said \"hi\"\r\n";
        for chunk in [1, 2, 3, 7, 4096] {
            assert_eq!(check(text.as_bytes(), chunk).unwrap(), text.as_bytes());
        }
    }

    #[test]
    fn an_unclosed_quote_is_reported_where_it_began() {
        let text = b"student,01\nA,ok\nB,\"never closed\nC,x\nD,y\n";
        for chunk in [1, 5, 4096] {
            let err = check(text, chunk).unwrap_err();
            assert_eq!(err.line(), 3);
            assert!(err.to_string().contains("(`\"never closed…`)"), "{err}");
        }
    }

    #[test]
    fn text_after_a_closing_quote_names_the_line_the_field_began() {
        let text = b"student,01\nA,\"stray\nB,x\nC,\"real\"\n";
        let err = check(text, 3).unwrap_err();
        assert_eq!(err.line(), 2);
        assert!(
            err.to_string().contains("(on line 4) is followed by `r`"),
            "{err}"
        );
        let err = check(b"student,01\nA,\"Peace\" was the aim\n", 4096).unwrap_err();
        assert_eq!(err.line(), 2);
        assert!(err.to_string().contains("followed by `w`"), "{err}");
    }

    #[test]
    fn binary_files_are_named_for_what_they_are() {
        let err = check(b"PK\x03\x04\x14\x00\x06\x00", 4096).unwrap_err();
        assert!(err.to_string().contains("Excel (.xlsx)"), "{err}");
        let err = check(b"student,01\nA,x\x00\x00", 2).unwrap_err();
        assert!(err.to_string().contains("NUL bytes"), "{err}");
        let err = check(b"\xFF\xFEs\x00", 4096).unwrap_err();
        assert!(err.to_string().contains("UTF-16"), "{err}");
    }
}
