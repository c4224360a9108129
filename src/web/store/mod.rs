//! The web app's store: students, their marked attempts and their drafts, in one SQLite file
//! in the data folder.
//!
//! Durability is the point of this module. The database runs in WAL mode with
//! `synchronous = FULL`, so a transaction is on disk (the WAL fsynced) when `commit` returns:
//! an attempt is stored before any page says it was marked, and killing the server at any
//! moment loses nothing that was reported saved. Calls are blocking and short; the web
//! handlers run them on tokio's blocking pool through [`Store::call`].
//!
//! Under a class's load the cost is the fsync, so writes go through one writer thread
//! ([`writer`]) that commits every write waiting at that moment in one transaction (group
//! commit): each caller is still answered only after the commit holding its write is on
//! disk. Reads use their own connections, so a page never waits behind a flush.

pub mod migrate;
mod readers;
mod writer;

use rusqlite::{Connection, OptionalExtension, params};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// The database file's name inside the data folder.
pub const FILE_NAME: &str = "examkit.sqlite3";

/// Why the store failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The data folder could not be made.
    #[error("cannot create the data folder {path}: {source}")]
    Folder {
        /// The folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// SQLite refused.
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The file was written by a newer examkit.
    #[error(
        "the database has schema version {found}, newer than this examkit's {latest}: \
         upgrade examkit or use another --data folder"
    )]
    TooNew {
        /// Version found in the file.
        found: u32,
        /// Latest version this build knows.
        latest: u32,
    },
    /// A blocking call was cancelled (the server is stopping).
    #[error("the store call was cancelled")]
    Cancelled,
    /// The transaction holding this write could not be committed, so it was not saved.
    #[error("database: the write was not saved: {0}")]
    Commit(String),
}

/// A student: on loopback the one local student, on a network one per name given with
/// the class code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Student {
    /// Row id.
    pub id: i64,
    /// Name as typed.
    pub name: String,
    /// The secret in the student's cookie.
    pub token: String,
}

/// A saved draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The text so far.
    pub answer: String,
    /// When it was last saved (UTC, ISO 8601).
    pub updated: String,
}

/// An attempt about to be stored.
#[derive(Debug, Clone)]
pub struct NewAttempt<'a> {
    /// Student row id.
    pub student: i64,
    /// Scheme key (`id` or `id/part`).
    pub question: &'a str,
    /// Topic key.
    pub topic: &'a str,
    /// The answer as submitted.
    pub answer: &'a str,
    /// Marks awarded.
    pub awarded: u32,
    /// Marks available.
    pub max: u32,
    /// The full result: the JSON `examkit mark --format json` prints.
    pub result: &'a str,
    /// The bank version marked against.
    pub bank_version: &'a str,
}

/// A stored attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    /// Row id.
    pub id: i64,
    /// Scheme key (`id` or `id/part`).
    pub question: String,
    /// Topic key.
    pub topic: String,
    /// The answer as submitted.
    pub answer: String,
    /// Marks awarded.
    pub awarded: u32,
    /// Marks available.
    pub max: u32,
    /// The full result JSON.
    pub result: String,
    /// The bank version marked against.
    pub bank_version: String,
    /// When it was marked (UTC, ISO 8601).
    pub created: String,
}

/// The token of the one student on a loopback server, who never logs in.
const LOCAL_TOKEN: &str = "local";

/// A handle on the database, cheap to clone and shared by every request.
#[derive(Debug, Clone)]
pub struct Store {
    writer: writer::Writer,
    readers: Arc<readers::Readers>,
    /// The loopback student, looked up once: every loopback request needs it.
    local: Arc<OnceLock<Student>>,
}

impl Store {
    /// Open (creating if need be) the store in `dir` and migrate it to the current schema.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Folder {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = dir.join(FILE_NAME);
        let mut conn = Connection::open(&path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrate::migrate(&mut conn)?;
        Ok(Store {
            readers: Arc::new(readers::Readers::open(&path)?),
            writer: writer::Writer::start(conn)?,
            local: Arc::new(OnceLock::new()),
        })
    }

    /// Run `f` on tokio's blocking pool, so a disk flush never stalls other requests.
    pub async fn call<T, F>(&self, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
    {
        let store = self.clone();
        tokio::task::spawn_blocking(move || f(&store))
            .await
            .map_err(|_| StoreError::Cancelled)?
    }

    /// A read on one of the read connections.
    fn with<T>(&self, f: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Result<T, StoreError> {
        self.readers.with(f)
    }

    /// A write, answered once the transaction holding it is on disk.
    fn write<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    ) -> Result<T, StoreError> {
        self.writer.write(f)
    }

    /// The one student of a loopback server, made on first use.
    pub fn local_student(&self) -> Result<Student, StoreError> {
        if let Some(me) = self.local.get() {
            return Ok(me.clone());
        }
        let me = self.write(|c| {
            c.execute(
                "INSERT OR IGNORE INTO students (name, token) VALUES ('You', ?1)",
                [LOCAL_TOKEN],
            )?;
            c.query_row(
                "SELECT id, name, token FROM students WHERE token = ?1",
                [LOCAL_TOKEN],
                student_row,
            )
        })?;
        Ok(self.local.get_or_init(|| me).clone())
    }

    /// A new student with a fresh secret token.
    pub fn add_student(&self, name: &str) -> Result<Student, StoreError> {
        let token = super::access::random_token();
        let name = name.to_string();
        self.write(move |c| {
            c.execute(
                "INSERT INTO students (name, token) VALUES (?1, ?2)",
                params![name, token],
            )?;
            Ok(Student {
                id: c.last_insert_rowid(),
                name,
                token,
            })
        })
    }

    /// The student whose cookie holds `token`.
    pub fn student_by_token(&self, token: &str) -> Result<Option<Student>, StoreError> {
        self.with(|c| {
            c.query_row(
                "SELECT id, name, token FROM students WHERE token = ?1",
                [token],
                student_row,
            )
            .optional()
        })
    }

    /// Save (replace) the student's draft for `question`.
    pub fn save_draft(
        &self,
        student: i64,
        question: &str,
        answer: &str,
    ) -> Result<Draft, StoreError> {
        let (question, answer) = (question.to_string(), answer.to_string());
        self.write(move |c| {
            c.query_row(
                "INSERT INTO drafts (student, question, answer) VALUES (?1, ?2, ?3)
                 ON CONFLICT (student, question) DO UPDATE
                   SET answer = excluded.answer,
                       updated = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
                 RETURNING answer, updated",
                params![student, question, answer],
                |r| {
                    Ok(Draft {
                        answer: r.get(0)?,
                        updated: r.get(1)?,
                    })
                },
            )
        })
    }

    /// The student's draft for `question`, if any.
    pub fn draft(&self, student: i64, question: &str) -> Result<Option<Draft>, StoreError> {
        self.with(|c| {
            c.query_row(
                "SELECT answer, updated FROM drafts WHERE student = ?1 AND question = ?2",
                params![student, question],
                |r| {
                    Ok(Draft {
                        answer: r.get(0)?,
                        updated: r.get(1)?,
                    })
                },
            )
            .optional()
        })
    }

    /// Store a marked attempt and clear the draft it came from, in one durable transaction.
    /// Returns the attempt's id.
    pub fn add_attempt(&self, a: &NewAttempt<'_>) -> Result<i64, StoreError> {
        let a = OwnedAttempt::from(a);
        self.write(move |tx| {
            tx.execute(
                "INSERT INTO attempts
                   (student, question, topic, answer, awarded, max, result, bank_version)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    a.student,
                    &a.question,
                    &a.topic,
                    &a.answer,
                    a.awarded,
                    a.max,
                    &a.result,
                    &a.bank_version
                ],
            )?;
            let id = tx.last_insert_rowid();
            tx.execute(
                "DELETE FROM drafts WHERE student = ?1 AND question = ?2",
                params![a.student, &a.question],
            )?;
            Ok(id)
        })
    }

    /// One of the student's attempts.
    pub fn attempt(&self, student: i64, id: i64) -> Result<Option<Attempt>, StoreError> {
        self.with(|c| {
            c.query_row(
                &format!("{ATTEMPT_COLUMNS} WHERE student = ?1 AND id = ?2"),
                params![student, id],
                attempt_row,
            )
            .optional()
        })
    }

    /// Every attempt of the student, oldest first.
    pub fn attempts(&self, student: i64) -> Result<Vec<Attempt>, StoreError> {
        self.with(|c| {
            let mut stmt =
                c.prepare_cached(&format!("{ATTEMPT_COLUMNS} WHERE student = ?1 ORDER BY id"))?;
            stmt.query_map([student], attempt_row)?.collect()
        })
    }

    /// The student's attempts at one question, oldest first.
    pub fn attempts_at(&self, student: i64, question: &str) -> Result<Vec<Attempt>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare_cached(&format!(
                "{ATTEMPT_COLUMNS} WHERE student = ?1 AND question = ?2 ORDER BY id"
            ))?;
            stmt.query_map(params![student, question], attempt_row)?
                .collect()
        })
    }
}

/// A [`NewAttempt`] the writer thread can own.
struct OwnedAttempt {
    student: i64,
    question: String,
    topic: String,
    answer: String,
    awarded: u32,
    max: u32,
    result: String,
    bank_version: String,
}

impl From<&NewAttempt<'_>> for OwnedAttempt {
    fn from(a: &NewAttempt<'_>) -> Self {
        OwnedAttempt {
            student: a.student,
            question: a.question.to_string(),
            topic: a.topic.to_string(),
            answer: a.answer.to_string(),
            awarded: a.awarded,
            max: a.max,
            result: a.result.to_string(),
            bank_version: a.bank_version.to_string(),
        }
    }
}

const ATTEMPT_COLUMNS: &str = "SELECT id, question, topic, answer, awarded, max, result, \
    bank_version, created FROM attempts";

fn student_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Student> {
    Ok(Student {
        id: r.get(0)?,
        name: r.get(1)?,
        token: r.get(2)?,
    })
}

fn attempt_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Attempt> {
    Ok(Attempt {
        id: r.get(0)?,
        question: r.get(1)?,
        topic: r.get(2)?,
        answer: r.get(3)?,
        awarded: r.get(4)?,
        max: r.get(5)?,
        result: r.get(6)?,
        bank_version: r.get(7)?,
        created: r.get(8)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_attempt_clears_its_draft_and_survives_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let me = store.local_student().unwrap();
        assert_eq!(store.local_student().unwrap(), me, "one local student");
        store.save_draft(me.id, "q1", "first").unwrap();
        assert_eq!(
            store.save_draft(me.id, "q1", "second").unwrap().answer,
            "second"
        );
        let id = store
            .add_attempt(&NewAttempt {
                student: me.id,
                question: "q1",
                topic: "t",
                answer: "second",
                awarded: 2,
                max: 4,
                result: "{}",
                bank_version: "v",
            })
            .unwrap();
        assert_eq!(store.draft(me.id, "q1").unwrap(), None);
        drop(store);
        let store = Store::open(dir.path()).unwrap();
        let got = store.attempt(me.id, id).unwrap().unwrap();
        assert_eq!(
            (got.answer.as_str(), got.awarded, got.max),
            ("second", 2, 4)
        );
        let other = store.add_student("Sam").unwrap();
        assert_eq!(
            store.attempt(other.id, id).unwrap(),
            None,
            "students see only their own"
        );
        assert_eq!(store.student_by_token(&other.token).unwrap(), Some(other));
    }

    #[test]
    fn concurrent_writes_are_all_committed_and_a_failing_one_is_rolled_back_alone() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let me = store.local_student().unwrap();
        let threads: Vec<_> = (0..16)
            .map(|i| {
                let store = store.clone();
                std::thread::spawn(move || {
                    for r in 0..10 {
                        store
                            .save_draft(me.id, &format!("q{i}"), &format!("draft {r}"))
                            .unwrap();
                    }
                })
            })
            .collect();
        // A write that fails (a student who does not exist breaks the foreign key) while
        // the others are queued: it alone is refused.
        let bad = store.add_attempt(&NewAttempt {
            student: 9999,
            question: "q0",
            topic: "t",
            answer: "a",
            awarded: 0,
            max: 1,
            result: "{}",
            bank_version: "v",
        });
        assert!(bad.is_err(), "a write breaking a constraint is refused");
        for t in threads {
            t.join().unwrap();
        }
        drop(store);
        let store = Store::open(dir.path()).unwrap();
        for i in 0..16 {
            let d = store.draft(me.id, &format!("q{i}")).unwrap().unwrap();
            assert_eq!(d.answer, "draft 9");
        }
        assert_eq!(store.attempts(9999).unwrap(), vec![]);
    }
}
