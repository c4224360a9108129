//! The store's one writer: a thread that owns the write connection and commits every write
//! queued at that moment in a single transaction, so a class submitting at once pays for one
//! fsync, not one each.
//!
//! Each write runs inside its own savepoint, so one that fails is rolled back alone and the
//! others still commit. Nobody is answered until the transaction that holds their write has
//! committed (with `synchronous = FULL`, until it is on disk): "saved" still means saved.

use super::StoreError;
use rusqlite::Connection;
use std::sync::mpsc;

/// The most writes gathered into one transaction: bounds how long the first one waits.
const BATCH: usize = 64;

/// Why a write was not saved when its transaction could not begin.
const NOT_STARTED: &str = "the database could not start a transaction (see the server's log)";

/// What a queued write does once it has run: told how the commit went, it answers its caller.
type Reply = Box<dyn FnOnce(Result<(), String>) + Send>;
/// A queued write: runs on the writer's connection and returns how to answer its caller.
type Job = Box<dyn FnOnce(&Connection) -> Reply + Send>;

/// A handle on the writer thread; cheap to clone. The thread ends, closing the connection,
/// when the last handle is dropped.
#[derive(Debug, Clone)]
pub struct Writer {
    jobs: mpsc::Sender<Job>,
}

impl Writer {
    /// Start the writer thread on `conn`, which is already migrated.
    pub fn start(conn: Connection) -> Result<Writer, StoreError> {
        let (jobs, queue) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("examkit-store-writer".into())
            .spawn(move || run(conn, queue))
            .map_err(|e| StoreError::Commit(format!("cannot start the writer thread: {e}")))?;
        Ok(Writer { jobs })
    }

    /// Run `f` in the next transaction and return its result once that transaction has
    /// committed. Blocks the calling thread (call it from the blocking pool).
    pub fn write<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    ) -> Result<T, StoreError> {
        let (tx, rx) = mpsc::sync_channel::<Result<T, StoreError>>(1);
        let job: Job = Box::new(move |conn: &Connection| {
            let ran = in_savepoint(conn, f);
            Box::new(move |committed: Result<(), String>| {
                let answer = match committed {
                    Ok(()) => ran.map_err(StoreError::from),
                    Err(why) => Err(StoreError::Commit(why)),
                };
                // The caller may have gone (its request was dropped); nothing to tell then.
                let _ = tx.send(answer);
            })
        });
        self.jobs.send(job).map_err(|_| StoreError::Cancelled)?;
        rx.recv()
            .map_err(|_| StoreError::Commit(NOT_STARTED.to_string()))?
    }
}

/// `f` inside a savepoint: released if it succeeds, rolled back (alone) if it fails.
fn in_savepoint<T>(
    conn: &Connection,
    f: impl FnOnce(&Connection) -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    conn.execute_batch("SAVEPOINT job")?;
    match f(conn) {
        Ok(value) => {
            conn.execute_batch("RELEASE job")?;
            Ok(value)
        }
        Err(e) => {
            // If even the rollback fails the whole transaction is rolled back below.
            conn.execute_batch("ROLLBACK TO job; RELEASE job")?;
            Err(e)
        }
    }
}

fn run(conn: Connection, queue: mpsc::Receiver<Job>) {
    while let Ok(first) = queue.recv() {
        let mut batch = vec![first];
        while batch.len() < BATCH {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        if let Err(e) = conn.execute_batch("BEGIN IMMEDIATE") {
            // Nothing ran, so nothing is saved: dropping the jobs answers each caller with
            // `NOT_STARTED`. The cause goes to the server's log, the only place it helps.
            eprintln!("examkit: the database refused to start a write: {e}");
            continue;
        }
        let replies: Vec<Reply> = batch.into_iter().map(|job| job(&conn)).collect();
        let committed = conn.execute_batch("COMMIT").map_err(|e| e.to_string());
        if committed.is_err() {
            let _ = conn.execute_batch("ROLLBACK");
        }
        for reply in replies {
            reply(committed.clone());
        }
    }
}
