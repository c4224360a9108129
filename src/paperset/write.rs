//! Writing sets of files to a folder: all staged, then all renamed into place.

use super::{PaperSet, Role};
use crate::files;
use std::io;
use std::path::{Path, PathBuf};

/// Why sets could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// A file could not be written; no file of any set was replaced.
    #[error("cannot write {}: {cause}{}; nothing was replaced", path.display(), hint(cause))]
    Stage {
        /// The file that was being written.
        path: PathBuf,
        /// What went wrong.
        cause: io::Error,
    },
    /// A file could not be put in place after the others of its set were.
    #[error(
        "cannot write {}: {cause}; the files of {stem} are now from two runs (`examkit mark` \
         refuses them): run the same command again",
        path.display()
    )]
    Commit {
        /// The file that could not be put in place.
        path: PathBuf,
        /// The set's name.
        stem: String,
        /// What went wrong.
        cause: io::Error,
    },
}

/// What to do about a common failure.
fn hint(err: &io::Error) -> &'static str {
    match err.kind() {
        io::ErrorKind::StorageFull => " (the disk is full: free some space and run again)",
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            " (choose a folder you can write to with --out)"
        }
        _ => "",
    }
}

/// Write `sets` into `dir` (created when missing) and return the paths written, set by set.
///
/// Every file of every set is first written to a temporary file beside its place and flushed
/// to the disk; only when all are there are they renamed into place, each set's manifest
/// after its documents. An error while staging (a full disk, a read-only folder) leaves
/// every old file as it was; an interruption during the renames can leave a set whose
/// files are from two runs, which [`super::verify_beside`] names. A set without an insert
/// removes the insert an earlier run of the same name left.
pub fn write_sets(dir: &Path, sets: &[PaperSet]) -> Result<Vec<Vec<PathBuf>>, WriteError> {
    std::fs::create_dir_all(dir).map_err(|cause| WriteError::Stage {
        path: dir.to_path_buf(),
        cause,
    })?;
    let mut staged = Vec::with_capacity(sets.len());
    for set in sets {
        let mut files = Vec::with_capacity(set.files.len());
        for file in &set.files {
            let path = dir.join(&file.name);
            let tmp = files::staged(dir, &file.bytes).map_err(|cause| WriteError::Stage {
                path: path.clone(),
                cause: files::without_temp_name(cause),
            })?;
            files.push((tmp, path));
        }
        staged.push(files);
    }
    let mut written = Vec::with_capacity(sets.len());
    for (set, files) in sets.iter().zip(staged) {
        let commit_error = |path: &Path, cause| WriteError::Commit {
            path: path.to_path_buf(),
            stem: set.stem.clone(),
            cause,
        };
        let mut paths = Vec::with_capacity(files.len());
        for (tmp, path) in files {
            tmp.persist(&path)
                .map_err(|e| commit_error(&path, e.error))?;
            paths.push(path);
        }
        if set.file(Role::Insert).is_none() {
            let old = dir.join(Role::Insert.file_name(&set.stem));
            match std::fs::remove_file(&old) {
                Ok(()) => {}
                Err(err) if err.kind() == io::ErrorKind::NotFound => {}
                Err(err) => return Err(commit_error(&old, err)),
            }
        }
        written.push(paths);
    }
    sync_folder(dir);
    Ok(written)
}

/// Flush the folder's entries (the renames) to the disk. Best effort: not every platform
/// can open a folder, and the files themselves are already flushed.
fn sync_folder(dir: &Path) {
    if let Ok(folder) = std::fs::File::open(dir) {
        let _ = folder.sync_all();
    }
}
