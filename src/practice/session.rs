//! The session file: JSON lines, one record per typed line and per submitted answer, each
//! flushed and synced to disk as it is written, so quitting at any moment (Ctrl-C, a closed
//! terminal, a flat battery) loses nothing and `--resume` carries on from there.
//!
//! Two processes writing one session would interleave their records and the later would
//! silently win, so a writer holds an exclusive lock on the file (an OS advisory lock,
//! through `fs4`, released by the OS however the process ends) and records who it is; a
//! second writer is refused with the first one's name. A crash or power cut can leave the
//! last line torn — cut inside a character, half a record, or padded with NUL bytes by the
//! file system — and only that line: everything before it was synced, so it is kept, the
//! torn tail is dropped and reported, and the writer carries on from the last whole line.

use super::pick::ItemRef;
use fs4::FileExt;
use serde::{Deserialize, Serialize};
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
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
    /// A process opened the session to write it: who holds its lock.
    Open(Opened),
    /// A record of a kind a newer examkit writes: skipped.
    #[serde(other)]
    Unknown,
}

/// Who opened a session file for writing, so a second process can say who holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opened {
    /// Process id.
    pub pid: u32,
    /// The computer's name, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// When, in seconds since the Unix epoch.
    pub at: u64,
}

impl Opened {
    /// This process, now.
    fn now() -> Opened {
        Opened {
            pid: std::process::id(),
            host: host_name(),
            at: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
        }
    }
}

impl std::fmt::Display for Opened {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "process {}", self.pid)?;
        if let Some(host) = &self.host {
            write!(f, " on {host}")?;
        }
        write!(f, ", since {}", utc_time(self.at))
    }
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
    /// The torn tail dropped from the end of the file, if there was one.
    pub dropped: Option<Dropped>,
    /// The last process that opened the session for writing.
    pub opened: Option<Opened>,
    /// Bytes of the file up to the end of its last whole record: where writing carries on.
    pub kept_bytes: u64,
}

/// The torn end of a session file, dropped when it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    /// 1-based line where the torn tail began.
    pub line: usize,
    /// Bytes dropped.
    pub bytes: usize,
    /// What they held, as text (NUL bytes and broken characters left out), shortened.
    pub text: String,
}

impl std::fmt::Display for Dropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}, {} bytes", self.line, self.bytes)?;
        if self.text.is_empty() {
            write!(f, " of NUL padding")
        } else {
            write!(f, ": `{}`", self.text)
        }
    }
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
    /// Another process is writing the session.
    #[error(
        "{}: this session is open in another examkit practice ({}): carry on there, or close \
         it first",
        path.display(),
        holder.as_ref().map_or("its process did not say who it is".to_string(), ToString::to_string)
    )]
    Locked {
        /// The session file.
        path: PathBuf,
        /// Who opened it, when it said.
        holder: Option<Opened>,
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

/// Read a session file back (without locking it: to carry it on, use [`resume`]).
pub fn read(path: &Path) -> Result<Saved, SessionError> {
    let bytes = std::fs::read(path).map_err(|source| SessionError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(path, &bytes)
}

/// Whether a line holds nothing: spaces and the NUL bytes a file system pads with.
fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|b| b.is_ascii_whitespace() || *b == 0)
}

/// Read a session file's bytes; `path` is for messages.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Saved, SessionError> {
    let bad = |line, message: String| SessionError::Bad {
        path: path.to_path_buf(),
        line,
        message,
    };
    // Each line with the offset just past it (its newline included).
    let mut lines: Vec<(&[u8], usize)> = Vec::new();
    let mut offset = 0;
    for line in bytes.split_inclusive(|b| *b == b'\n') {
        offset += line.len();
        lines.push((line.strip_suffix(b"\n").unwrap_or(line), offset));
    }
    // The last line with anything in it: a failure there is a torn write, not damage.
    let last = lines.iter().rposition(|(line, _)| !is_blank(line));
    let mut start = None;
    let mut answers: Vec<AnswerRecord> = Vec::new();
    let mut pending: Vec<(usize, String)> = Vec::new();
    let mut torn = false;
    let mut dropped = None;
    let mut opened = None;
    let mut kept_bytes = 0;
    for (i, &(line, end)) in lines.iter().enumerate() {
        if is_blank(line) {
            continue;
        }
        let parsed = std::str::from_utf8(line)
            .map_err(|e| (false, format!("not UTF-8 text ({e})")))
            .and_then(|text| {
                serde_json::from_str::<Record>(text).map_err(|e| (e.is_eof(), e.to_string()))
            });
        let record = match parsed {
            Ok(r) => r,
            // The process stopped while writing its last line: everything before it was
            // synced, so only that fragment is lost.
            Err(_) if Some(i) == last && start.is_some() => {
                let from = end - line.len() - usize::from(bytes.get(end - 1) == Some(&b'\n'));
                dropped = Some(dropped_tail(i + 1, &bytes[from..]));
                torn = true;
                break;
            }
            // A fragment an older examkit left mid-file before carrying on after it.
            Err((true, _)) if start.is_some() => {
                torn = true;
                kept_bytes = end;
                continue;
            }
            Err((_, message)) => return Err(bad(i + 1, message)),
        };
        kept_bytes = end;
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
            Record::Open(o) => opened = Some(o),
            Record::Unknown => {}
        }
    }
    if dropped.is_none() && kept_bytes < bytes.len() && !is_blank(&bytes[kept_bytes..]) {
        // Unreachable in practice (every non-blank line was kept or failed), kept honest.
        return Err(bad(lines.len(), "unreadable end of file".into()));
    }
    if dropped.is_none() && bytes[kept_bytes..].contains(&0) {
        dropped = Some(dropped_tail(lines.len(), &bytes[kept_bytes..]));
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
        dropped,
        opened,
        kept_bytes: kept_bytes as u64,
    })
}

/// Characters of a dropped tail shown to the student.
const DROPPED_CHARS: usize = 60;

fn dropped_tail(line: usize, tail: &[u8]) -> Dropped {
    let text: String = String::from_utf8_lossy(tail)
        .chars()
        .filter(|c| *c != '\0' && *c != char::REPLACEMENT_CHARACTER)
        .collect();
    let text = text.trim();
    let mut shown: String = text.chars().take(DROPPED_CHARS).collect();
    if text.chars().count() > DROPPED_CHARS {
        shown.push('…');
    }
    Dropped {
        line,
        bytes: tail.len(),
        text: shown,
    }
}

/// Open a saved session to carry it on: lock it (refusing if another process holds it),
/// read it, cut off a torn tail, and return what was saved with a writer that appends
/// after the last whole record.
pub fn resume(path: &Path) -> Result<(Saved, SessionWriter), SessionError> {
    let io = |source| SessionError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = OpenOptions::new()
        .read(true)
        .append(true)
        .open(path)
        .map_err(io)?;
    lock(path, &file)?;
    // Read through the locked handle: on Windows a lock also bars other handles from reading.
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).map_err(io)?;
    let saved = parse(path, &bytes)?;
    if saved.kept_bytes < bytes.len() as u64 {
        file.set_len(saved.kept_bytes).map_err(io)?;
    }
    // A last record written whole but for its line break must not run into the next.
    let keep = saved.kept_bytes as usize;
    if keep > 0 && bytes[keep - 1] != b'\n' {
        file.seek(SeekFrom::End(0)).map_err(io)?;
        file.write_all(b"\n").map_err(io)?;
    }
    file.sync_data().map_err(io)?;
    let mut writer = SessionWriter {
        path: path.to_path_buf(),
        file,
        opened: None,
    };
    writer.write(&Record::Open(Opened::now()))?;
    Ok((saved, writer))
}

/// Take the writer's exclusive lock on `file`, or say who holds it.
fn lock(path: &Path, file: &File) -> Result<(), SessionError> {
    match FileExt::try_lock(file) {
        Ok(()) => Ok(()),
        Err(fs4::TryLockError::WouldBlock) => Err(SessionError::Locked {
            path: path.to_path_buf(),
            holder: holder(path),
        }),
        Err(fs4::TryLockError::Error(source)) => Err(SessionError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Who last opened `path` for writing, read without the lock (the holder only appends).
fn holder(path: &Path) -> Option<Opened> {
    let bytes = std::fs::read(path).ok()?;
    bytes
        .split(|b| *b == b'\n')
        .rev()
        .filter_map(|line| serde_json::from_slice::<Record>(line).ok())
        .find_map(|r| match r {
            Record::Open(o) => Some(o),
            _ => None,
        })
}

/// Appends records to a session file, each synced to disk before returning, holding the
/// file's lock for as long as it lives.
#[derive(Debug)]
pub struct SessionWriter {
    path: PathBuf,
    file: File,
    /// Who this process is, written after the start record of a new session.
    opened: Option<Opened>,
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
        lock(path, &file)?;
        Ok(SessionWriter {
            path: path.to_path_buf(),
            file,
            opened: Some(Opened::now()),
        })
    }

    /// Open an existing session file to carry on writing it (see [`resume`], which also
    /// returns what it holds).
    pub fn append(path: &Path) -> Result<SessionWriter, SessionError> {
        resume(path).map(|(_, writer)| writer)
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
        if matches!(record, Record::Start(_))
            && let Some(opened) = self.opened.take()
        {
            let open = serde_json::to_string(&Record::Open(opened))
                .map_err(|e| io(std::io::Error::other(e.to_string())))?;
            line.push_str(&open);
            line.push('\n');
        }
        self.file.write_all(line.as_bytes()).map_err(io)?;
        self.file.flush().map_err(io)?;
        self.file.sync_data().map_err(io)
    }
}

/// The computer's name, for telling a student where their session is open.
fn host_name() -> Option<String> {
    let name = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .ok()
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())?;
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// `secs` since the epoch as `YYYY-MM-DD HH:MM UTC` (days to a civil date as in Howard
/// Hinnant's `civil_from_days`).
fn utc_time(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let (hour, minute) = ((secs % 86_400) / 3600, (secs % 3600) / 60);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02} UTC")
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
