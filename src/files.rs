//! Writing output files safely: a half-written PDF or mark sheet is worse than none, so
//! every output goes to a temporary file in the same folder and is renamed into place.
//!
//! Temporary files are named `.examkit-<pid>-<random>.tmp`, so that one left behind by a
//! killed run is recognisable as ours: the next write in the same folder removes those whose
//! process is gone, and never touches anyone else's `.tmp` files.

use std::io::Write;
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// How every temporary file of ours begins and ends.
const TEMP_PREFIX: &str = ".examkit-";
const TEMP_SUFFIX: &str = ".tmp";

/// Write `bytes` to `path` atomically: either the whole new file is there, or the old one
/// (or nothing) is. Creates missing parent folders.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = staged(&folder_of(path), bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Write files that belong together as a set: every one is written to a temporary file
/// beside its place (folders created) and flushed first, and only when all are there are
/// they renamed into place, so a failure while writing (a full disk, a folder that cannot
/// be written) leaves every old file as it was. The error names the file the user asked for.
pub fn write_set(files: &[(PathBuf, Vec<u8>)]) -> Result<(), (PathBuf, std::io::Error)> {
    let mut ready = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        let tmp =
            staged(&folder_of(path), bytes).map_err(|e| (path.clone(), without_temp_name(e)))?;
        ready.push((tmp, path));
    }
    for (tmp, path) in ready {
        tmp.persist(path).map_err(|e| (path.clone(), e.error))?;
    }
    Ok(())
}

/// The folder a file is written in (`.` for a bare file name).
pub fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A temporary file holding `bytes`, flushed to the disk and readable by all, in `dir`: ready
/// to be renamed into place. Dropped without [`NamedTempFile::persist`], it is deleted.
pub fn staged(dir: &Path, bytes: &[u8]) -> std::io::Result<NamedTempFile> {
    let mut tmp = temp_in(dir)?;
    tmp.as_file_mut().write_all(bytes)?;
    finish(&tmp)?;
    Ok(tmp)
}

/// The error `err` without the temporary file's name that `tempfile` adds to it: a message
/// names the file the user asked for, never `.examkit-123-abc.tmp`.
pub fn without_temp_name(err: std::io::Error) -> std::io::Error {
    let text = err.to_string();
    match text.split_once(" at path \"") {
        Some((plain, _)) => std::io::Error::new(err.kind(), plain.to_string()),
        None => err,
    }
}

/// Flush a temporary file's bytes to the disk and give it a finished file's permissions.
pub fn finish(tmp: &NamedTempFile) -> std::io::Result<()> {
    tmp.as_file().sync_all()?;
    readable_by_all(tmp.as_file())
}

/// A new, recognisably named temporary file in `dir` (created when missing). Stale ones of
/// ours in `dir`, left by killed runs, are removed first.
pub fn temp_in(dir: &Path) -> std::io::Result<NamedTempFile> {
    std::fs::create_dir_all(dir)?;
    remove_stale_temps(dir);
    tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{}-", std::process::id()))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
}

/// Remove the temporary files of ours in `dir` whose process has ended. Best effort: a file
/// that cannot be removed stays, and a folder that cannot be listed is left alone.
pub fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temp_owner) else {
            continue;
        };
        if pid != std::process::id() && !process_running(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The process id in one of our temporary file names, `.examkit-<pid>-<random>.tmp`.
fn temp_owner(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(TEMP_PREFIX)?.strip_suffix(TEMP_SUFFIX)?;
    let (pid, random) = rest.split_once('-')?;
    if random.is_empty() || !random.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    pid.parse().ok()
}

/// Whether process `pid` is still running. Without `/proc` (not Linux) nothing can be told,
/// and a file whose owner might be alive is kept.
fn process_running(pid: u32) -> bool {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return true;
    }
    proc.join(pid.to_string()).exists()
}

/// Temporary files are created private (0600); a paper or mark sheet should get the usual
/// permissions of a new file so colleagues and print queues can read it.
#[cfg(unix)]
fn readable_by_all(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn readable_by_all(_file: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_file_and_creates_folders() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/paper.pdf");
        write_atomic(&path, b"first").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        let leftovers = std::fs::read_dir(path.parent().unwrap()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary files left behind");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o644);
        }
    }

    #[test]
    fn a_set_is_written_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("q/a.yaml");
        let b = dir.path().join("s/b.yaml");
        write_set(&[(a.clone(), b"a".to_vec()), (b.clone(), b"b".to_vec())]).unwrap();
        assert_eq!(std::fs::read(&b).unwrap(), b"b");
        // A file that cannot be staged (its folder is a file) leaves the others untouched.
        let blocked = a.join("c.yaml");
        let err = write_set(&[
            (b.clone(), b"new".to_vec()),
            (blocked.clone(), b"c".to_vec()),
        ])
        .unwrap_err();
        assert_eq!(err.0, blocked);
        assert_eq!(std::fs::read(&b).unwrap(), b"b", "the old file stays");
        assert_eq!(std::fs::read_dir(b.parent().unwrap()).unwrap().count(), 1);
    }

    #[test]
    fn temporary_names_are_recognised_as_ours() {
        assert_eq!(temp_owner(".examkit-123-Ab9xYz.tmp"), Some(123));
        assert_eq!(temp_owner(".tmpAb9xYz"), None);
        assert_eq!(temp_owner(".examkit-123-.tmp"), None);
        assert_eq!(temp_owner(".examkit-x-Ab9xYz.tmp"), None);
        assert_eq!(temp_owner("examkit-123-Ab9xYz.tmp"), None);
        let dir = tempfile::tempdir().unwrap();
        let tmp = temp_in(dir.path()).unwrap();
        let name = tmp.path().file_name().unwrap().to_str().unwrap();
        assert_eq!(temp_owner(name), Some(std::process::id()));
    }

    #[test]
    fn stale_temporary_files_of_ours_go_and_others_stay() {
        let dir = tempfile::tempdir().unwrap();
        // A process id that cannot be running: above Linux's largest (4194304).
        let stale = dir.path().join(".examkit-4999999-abc123.tmp");
        let someone_elses = dir.path().join(".tmpabc123");
        let live = dir
            .path()
            .join(format!(".examkit-{}-abc123.tmp", std::process::id()));
        for path in [&stale, &someone_elses, &live] {
            std::fs::write(path, b"x").unwrap();
        }
        write_atomic(&dir.path().join("paper.pdf"), b"new").unwrap();
        if Path::new("/proc/self").exists() {
            assert!(!stale.exists(), "a killed run's temporary file is removed");
        }
        assert!(someone_elses.exists(), "a file that is not ours stays");
        assert!(live.exists(), "a running process's temporary file stays");
    }
}
