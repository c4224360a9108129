//! Knowing a bank's files unchanged without reading them, as git's index does.
//!
//! A cache hit still read every file of the bank to hash it: 700 KB for the shipped bank,
//! half of a cached `generate`'s time on the bank. So beside each entry goes a small file
//! of stamps: each bank file's length, inode, and modification and status-change times as
//! they were before the files were read and hashed, with the digest that reading gave.
//! When every file found has the stamp it had, the digest is taken from there and no file
//! is read; the entry is then checked against the key as always.
//!
//! The status-change time (ctime) is what makes this safe: any write to a file, or any
//! change of its times, sets it to now, and nothing can set it back. Two cases remain, and
//! neither is trusted:
//! - A file changed within the same tick of the file system's clock as its stamp was taken
//!   would keep its times. So a stamp is only recorded when every file's times are at
//!   least [`SETTLED`] older than the stamp; until then each run reads the files.
//! - A file changed while it was being read gets a new ctime, after the one stamped: the
//!   next run sees the difference and reads it.
//!
//! Anything unexpected (no stamps, another file list, a file that cannot be stat'ed, a
//! platform without inodes and ctimes) means the files are read, as without stamps.

use crate::bank::files::FoundFile;
use crate::bank::load::{BankFiles, Content};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// How much older than a stamp a file's times must be for the stamp to be recorded: more
/// than any file system's clock tick (FAT's is two seconds).
const SETTLED: Duration = Duration::from_secs(3);

/// The layout's version: change it whenever [`Stamps`] changes shape or meaning.
const FORMAT: u32 = 1;

/// The stamps of a bank's files, and the digest their contents had.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Stamps {
    format: u32,
    digest: [u8; 16],
    files: Vec<(PathBuf, Stamp)>,
}

/// What the file system says of a file, enough to know it unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Stamp {
    len: u64,
    device: u64,
    inode: u64,
    /// Modification time, seconds and nanoseconds since the epoch.
    modified: (i64, i64),
    /// Status-change time, seconds and nanoseconds since the epoch.
    changed: (i64, i64),
}

impl Stamp {
    /// The stamp of the file at `path`; `None` when it cannot be had.
    #[cfg(unix)]
    fn of(path: &Path) -> Option<Stamp> {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::metadata(path).ok()?;
        Some(Stamp {
            len: meta.len(),
            device: meta.dev(),
            inode: meta.ino(),
            modified: (meta.mtime(), meta.mtime_nsec()),
            changed: (meta.ctime(), meta.ctime_nsec()),
        })
    }

    /// Without a status-change time a changed file cannot be told from an unchanged one.
    #[cfg(not(unix))]
    fn of(_path: &Path) -> Option<Stamp> {
        None
    }

    /// Whether neither of the file's times is within [`SETTLED`] of `now` (or after it).
    fn settled(&self, now: SystemTime) -> bool {
        let Ok(now) = now.duration_since(SystemTime::UNIX_EPOCH) else {
            return false;
        };
        let limit = now.saturating_sub(SETTLED);
        [self.modified, self.changed].iter().all(|&(secs, nanos)| {
            u64::try_from(secs).is_ok_and(|secs| {
                let nanos = u32::try_from(nanos).unwrap_or(0);
                Duration::new(secs, nanos.min(999_999_999)) < limit
            })
        })
    }
}

/// Stamps taken, with the time they were taken.
pub(super) type Taken = (Vec<Stamp>, SystemTime);

/// The stamps of `found`, taken before reading them, with the time they were taken; `None`
/// if any cannot be had.
pub(super) fn take(found: &[FoundFile]) -> Option<Taken> {
    let now = SystemTime::now();
    let stamps = found
        .iter()
        .map(|f| Stamp::of(&f.path))
        .collect::<Option<_>>()?;
    Some((stamps, now))
}

/// The digest and lengths of `found`, if the stamps at `path` say every one of them is
/// unchanged since it was hashed.
pub(super) fn trusted(path: &Path, found: &[FoundFile]) -> Option<([u8; 16], Vec<u64>)> {
    let bytes = std::fs::read(path).ok()?;
    let stamps: Stamps = rmp_serde::from_slice(&bytes).ok()?;
    if stamps.format != FORMAT || stamps.files.len() != found.len() {
        return None;
    }
    let mut lens = Vec::with_capacity(found.len());
    for (file, (stamped, stamp)) in found.iter().zip(&stamps.files) {
        if &file.path != stamped || Stamp::of(&file.path)? != *stamp {
            return None;
        }
        lens.push(stamp.len);
    }
    Some((stamps.digest, lens))
}

/// Record at `path` the stamps `taken` (before `files` were read) with the digest reading
/// them gave, when every file was read as text and had settled; otherwise remove any
/// stamps there. Failing to is no error: the next run reads the files.
pub(super) fn record(path: &Path, files: &BankFiles, taken: Option<Taken>) {
    let stamps = taken.filter(|(stamps, at)| {
        stamps.len() == files.files.len()
            && files.problems.is_empty()
            && stamps.iter().all(|s| s.settled(*at))
            && files
                .files
                .iter()
                .all(|f| matches!(f.content, Content::Text { .. }))
    });
    let Some((stamps, _)) = stamps else {
        let _ = std::fs::remove_file(path);
        return;
    };
    let stamps = Stamps {
        format: FORMAT,
        digest: files.digest,
        files: files
            .files
            .iter()
            .map(|f| f.path.clone())
            .zip(stamps)
            .collect(),
    };
    let _ = write(path, &stamps);
}

/// Write `stamps` to `path` through a temporary file renamed into place.
fn write(path: &Path, stamps: &Stamps) -> std::io::Result<()> {
    let bytes = rmp_serde::to_vec(stamps).map_err(std::io::Error::other)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = crate::files::temp_in(dir)?;
    tmp.write_all(&bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn found(dir: &Path, names: &[&str]) -> Vec<FoundFile> {
        names
            .iter()
            .map(|n| FoundFile {
                path: dir.join(n),
                explicit: false,
            })
            .collect()
    }

    /// A bank of two files whose times are set an hour back, read and recorded.
    fn recorded() -> (tempfile::TempDir, PathBuf, Vec<FoundFile>, BankFiles) {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in [("a.yaml", "a: 1\n"), ("b.yaml", "b: 2\n")] {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let files = found(dir.path(), &["a.yaml", "b.yaml"]);
        let stamps_path = dir.path().join("bank.stamps");
        let (stamps, at) = take(&files).unwrap();
        // Files written this instant have not settled: nothing is recorded.
        let read = BankFiles::read_found(&[], found(dir.path(), &["a.yaml", "b.yaml"]), vec![]);
        record(&stamps_path, &read, Some((stamps.clone(), at)));
        assert!(!stamps_path.exists());
        // Taken an hour later, they have.
        record(
            &stamps_path,
            &read,
            Some((stamps, at + Duration::from_secs(3600))),
        );
        assert!(stamps_path.exists());
        (dir, stamps_path, files, read)
    }

    #[test]
    fn unchanged_files_are_trusted_with_the_digest_they_had() {
        let (_dir, stamps, files, read) = recorded();
        let (digest, lens) = trusted(&stamps, &files).expect("nothing changed");
        assert_eq!(digest, read.digest);
        assert_eq!(lens, [5, 5]);
    }

    /// Rewritten with the same length and its old modification time put back (as
    /// `cp -p` or `touch -r` would): its status-change time still tells.
    #[test]
    fn a_rewritten_file_of_the_same_length_and_time_is_not_trusted() {
        let (dir, stamps, files, _) = recorded();
        let path = dir.path().join("b.yaml");
        let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
        // Past the kernel's clock tick for file times (a few milliseconds).
        std::thread::sleep(Duration::from_millis(30));
        std::fs::write(&path, "b: 3\n").unwrap();
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(modified).unwrap();
        assert_eq!(
            std::fs::metadata(&path).unwrap().modified().unwrap(),
            modified
        );
        assert_eq!(trusted(&stamps, &files), None);
    }

    #[test]
    fn another_list_of_files_is_not_trusted() {
        let (dir, stamps, files, _) = recorded();
        std::fs::write(dir.path().join("c.yaml"), "c: 1\n").unwrap();
        assert_eq!(
            trusted(&stamps, &found(dir.path(), &["a.yaml", "b.yaml", "c.yaml"])),
            None
        );
        assert_eq!(trusted(&stamps, &files[..1]), None);
        std::fs::remove_file(dir.path().join("a.yaml")).unwrap();
        assert_eq!(trusted(&stamps, &files), None);
    }

    #[test]
    fn damaged_stamps_are_not_trusted() {
        let (_dir, stamps, files, _) = recorded();
        std::fs::write(&stamps, b"\x93garbage").unwrap();
        assert_eq!(trusted(&stamps, &files), None);
    }
}
