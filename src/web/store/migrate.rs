//! The store's schema, as numbered migrations applied in order on start.
//!
//! SQLite's `user_version` holds the number of migrations applied, so a data folder made by an
//! older examkit is brought up to date in one transaction, and one made by a newer examkit is
//! refused rather than written in a shape it does not expect. Never edit a migration that has
//! shipped: add the next one.

use super::StoreError;
use rusqlite::Connection;

/// Every migration, oldest first. The schema version is the number applied.
pub const MIGRATIONS: &[&str] = &[
    // 1: students, their attempts (the full marking result kept as JSON, with the bank
    // version it was marked against) and one draft per student and question.
    "CREATE TABLE students (
         id      INTEGER PRIMARY KEY,
         name    TEXT NOT NULL,
         token   TEXT NOT NULL UNIQUE,
         created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
     );
     CREATE TABLE attempts (
         id           INTEGER PRIMARY KEY,
         student      INTEGER NOT NULL REFERENCES students(id),
         question     TEXT NOT NULL,
         topic        TEXT NOT NULL,
         answer       TEXT NOT NULL,
         awarded      INTEGER NOT NULL,
         max          INTEGER NOT NULL,
         result       TEXT NOT NULL,
         bank_version TEXT NOT NULL,
         created      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
     );
     CREATE INDEX attempts_by_student ON attempts(student, id);
     CREATE TABLE drafts (
         student  INTEGER NOT NULL REFERENCES students(id),
         question TEXT NOT NULL,
         answer   TEXT NOT NULL,
         updated  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
         PRIMARY KEY (student, question)
     );",
];

/// The schema version this examkit writes.
pub fn current() -> u32 {
    MIGRATIONS.len() as u32
}

/// Bring `conn` up to [`current`], all pending migrations in one transaction.
pub fn migrate(conn: &mut Connection) -> Result<u32, StoreError> {
    let found: u32 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let latest = current();
    if found > latest {
        return Err(StoreError::TooNew { found, latest });
    }
    if found == latest {
        return Ok(found);
    }
    let tx = conn.transaction()?;
    for sql in &MIGRATIONS[found as usize..] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", latest)?;
    tx.commit()?;
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrating_twice_is_a_no_op_and_a_newer_store_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), 0);
        assert_eq!(migrate(&mut conn).unwrap(), current());
        conn.pragma_update(None, "user_version", current() + 1)
            .unwrap();
        assert!(matches!(migrate(&mut conn), Err(StoreError::TooNew { .. })));
    }
}
