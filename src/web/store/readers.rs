//! The store's read connections: a few read-only connections beside the writer, so that in
//! WAL mode pages and look-ups read the last committed state without waiting for a write's
//! fsync.

use super::StoreError;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// As many readers as a small server's blocking threads are likely to read with at once.
const READERS: usize = 4;

/// A fixed set of read-only connections.
#[derive(Debug)]
pub struct Readers {
    conns: Vec<Mutex<Connection>>,
    next: AtomicUsize,
}

impl Readers {
    /// Open the read connections on the (already created and migrated) database file.
    pub fn open(path: &Path) -> Result<Readers, StoreError> {
        let conns = (0..READERS)
            .map(|_| {
                let conn = Connection::open_with_flags(
                    path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                conn.busy_timeout(std::time::Duration::from_secs(5))?;
                Ok(Mutex::new(conn))
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(Readers {
            conns,
            next: AtomicUsize::new(0),
        })
    }

    /// Run `f` on a free read connection (or wait for one, taking turns).
    pub fn with<T>(
        &self,
        f: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        // A panic while holding a lock leaves SQLite consistent (reads change nothing), so
        // a poisoned lock is safe to take over.
        let guard = self.conns.iter().find_map(|c| c.try_lock().ok());
        let conn = match guard {
            Some(g) => g,
            None => {
                let i = self.next.fetch_add(1, Ordering::Relaxed) % self.conns.len();
                self.conns[i].lock().unwrap_or_else(|p| p.into_inner())
            }
        };
        Ok(f(&conn)?)
    }
}
