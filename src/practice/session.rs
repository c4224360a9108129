//! The session file: JSON lines, one record per typed line and per submitted answer, each
//! flushed and synced to disk as it is written, so quitting at any moment (Ctrl-C, a closed
//! terminal, a flat battery) loses nothing and `--resume` carries on from there.

use super::pick::ItemRef;
use serde::{Deserialize, Serialize};
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

/// Version of the session file's records.
pub const VERSION: u32 = 1;

/// One line of the session file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Record {
    /// The first line: what the session is.
    Start(Start),
    /// A line of an answer as it was typed.
    Line {
        /// Index of the item being answered.
        item: usize,
        /// The line, without its line break.
        text: String,
    },
    /// A submitted, marked answer.
    Answer(AnswerRecord),
}

/// How a session was set up; enough to carry it on exactly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Start {
    /// [`VERSION`].
    pub version: u32,
    /// Seed the questions were chosen with.
    pub seed: u64,
    /// Board asked for, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub board: Option<String>,
    /// Topic asked for, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// Bank version the session started on.
    pub bank_version: String,
    /// The items to answer, in order.
    pub items: Vec<ItemRef>,
}

/// A marked answer, with what the summary needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerRecord {
    /// Index of the item answered.
    pub item: usize,
    /// Scheme key.
    pub key: String,
    /// Topic key of the question.
    pub topic: String,
    /// The answer as submitted.
    pub answer: String,
    /// Marks awarded.
    pub awarded: u32,
    /// Marks available.
    pub max: u32,
    /// Labels of the points missed (missed, negated or rejected).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missed: Vec<String>,
}

/// A session file read back for `--resume`.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    /// The session's set-up.
    pub start: Start,
    /// Answers already submitted.
    pub answers: Vec<AnswerRecord>,
    /// Lines typed for items not yet submitted, by item.
    pub pending: Vec<(usize, String)>,
    /// Whether a torn line (cut off mid-write) was ignored.
    pub torn: bool,
}

impl Saved {
    /// The lines typed so far for `item` and not yet submitted.
    pub fn pending_for(&self, item: usize) -> Vec<String> {
        self.pending
            .iter()
            .filter(|(i, _)| *i == item)
            .map(|(_, t)| t.clone())
            .collect()
    }
}

/// Why a session file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// Reading or writing failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The session file.
        path: PathBuf,
        /// What failed.
        source: std::io::Error,
    },
    /// The file is not a session file.
    #[error("{}:{line}: not an examkit practice session: {message}", path.display())]
    Bad {
        /// The session file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Read a session file back.
pub fn read(path: &Path) -> Result<Saved, SessionError> {
    let io = |source| SessionError::Io {
        path: path.to_path_buf(),
        source,
    };
    let bad = |line, message: String| SessionError::Bad {
        path: path.to_path_buf(),
        line,
        message,
    };
    let reader = BufReader::new(File::open(path).map_err(io)?);
    let lines: Vec<String> = reader.lines().collect::<Result<_, _>>().map_err(io)?;
    let mut start = None;
    let mut answers: Vec<AnswerRecord> = Vec::new();
    let mut pending: Vec<(usize, String)> = Vec::new();
    let mut torn = false;
    for (i, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record: Record = match serde_json::from_str(line) {
            Ok(r) => r,
            // The process was killed while writing a line: everything before it was
            // synced, so only that fragment is lost.
            Err(e) if e.is_eof() && start.is_some() => {
                torn = true;
                continue;
            }
            Err(e) => return Err(bad(i + 1, e.to_string())),
        };
        match record {
            Record::Start(s) if start.is_none() => start = Some(s),
            Record::Start(_) => return Err(bad(i + 1, "a second start record".into())),
            _ if start.is_none() => {
                return Err(bad(i + 1, "the first line must be the start record".into()));
            }
            Record::Line { item, text } => pending.push((item, text)),
            Record::Answer(a) => {
                pending.retain(|(item, _)| *item != a.item);
                answers.retain(|old| old.item != a.item);
                answers.push(a);
            }
        }
    }
    let start = start.ok_or_else(|| bad(1, "the file is empty".into()))?;
    if start.version > VERSION {
        return Err(bad(
            1,
            format!(
                "written by a newer examkit (session version {})",
                start.version
            ),
        ));
    }
    Ok(Saved {
        start,
        answers,
        pending,
        torn,
    })
}

/// Appends records to a session file, each synced to disk before returning.
#[derive(Debug)]
pub struct SessionWriter {
    path: PathBuf,
    file: File,
}

impl SessionWriter {
    /// Create a new session file; refuses to overwrite one, which may hold unfinished work.
    pub fn create(path: &Path) -> Result<SessionWriter, SessionError> {
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(|source| SessionError::Io {
                path: path.to_path_buf(),
                source,
            })?;
        Ok(SessionWriter {
            path: path.to_path_buf(),
            file,
        })
    }

    /// Open an existing session file to carry on writing it.
    pub fn append(path: &Path) -> Result<SessionWriter, SessionError> {
        let mut file = OpenOptions::new()
            .append(true)
            .open(path)
            .map_err(|source| SessionError::Io {
                path: path.to_path_buf(),
                source,
            })?;
        // A torn last line must not run into the next record.
        let len = file.metadata().map(|m| m.len()).unwrap_or(0);
        if len > 0 && !ends_with_newline(path) {
            file.write_all(b"\n").map_err(|source| SessionError::Io {
                path: path.to_path_buf(),
                source,
            })?;
        }
        Ok(SessionWriter {
            path: path.to_path_buf(),
            file,
        })
    }

    /// The file written.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Append one record and sync it to disk.
    pub fn write(&mut self, record: &Record) -> Result<(), SessionError> {
        let io = |source| SessionError::Io {
            path: self.path.clone(),
            source,
        };
        let mut line =
            serde_json::to_string(record).map_err(|e| io(std::io::Error::other(e.to_string())))?;
        line.push('\n');
        self.file.write_all(line.as_bytes()).map_err(io)?;
        self.file.flush().map_err(io)?;
        self.file.sync_data().map_err(io)
    }
}

fn ends_with_newline(path: &Path) -> bool {
    use std::io::{Read, Seek, SeekFrom};
    let Ok(mut f) = File::open(path) else {
        return true;
    };
    let mut last = [0u8; 1];
    f.seek(SeekFrom::End(-1)).is_ok() && f.read_exact(&mut last).is_ok() && last[0] == b'\n'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_survives_a_torn_last_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.jsonl");
        let mut w = SessionWriter::create(&path).unwrap();
        let start = Start {
            version: VERSION,
            seed: 3,
            board: None,
            topic: None,
            bank_version: "v".into(),
            items: vec![ItemRef {
                question: "q".into(),
                part: None,
            }],
        };
        w.write(&Record::Start(start.clone())).unwrap();
        w.write(&Record::Line {
            item: 0,
            text: "first line".into(),
        })
        .unwrap();
        drop(w);
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all(b"{\"type\":\"li")
            .unwrap();
        let saved = read(&path).unwrap();
        assert!(saved.torn);
        assert_eq!(saved.start, start);
        assert_eq!(saved.pending_for(0), vec!["first line".to_string()]);
        assert!(SessionWriter::create(&path).is_err(), "never overwrites");
        let mut w = SessionWriter::append(&path).unwrap();
        w.write(&Record::Line {
            item: 0,
            text: "second".into(),
        })
        .unwrap();
        let saved = read(&path).unwrap();
        assert_eq!(saved.pending_for(0), vec!["first line", "second"]);
    }
}
