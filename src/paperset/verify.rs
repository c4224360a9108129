//! Telling whether the files beside a manifest are the ones it was written with.

use super::Role;
use crate::files::folder_of;
use crate::model::Manifest;
use sha2::{Digest, Sha256};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// A file beside a manifest that is not the one the manifest was written with.
#[derive(Debug, thiserror::Error)]
pub enum Mismatch {
    /// A file of the set has other bytes than the manifest recorded.
    #[error(
        "{} does not belong with {}: it is not the {role} that manifest was written with \
         (set {set_id}), so marking would use the wrong questions; an interrupted `examkit \
         generate` leaves files of two runs: run it again, or use the manifest written with \
         this paper",
        path.display(),
        manifest.display()
    )]
    Changed {
        /// The file.
        path: PathBuf,
        /// The manifest.
        manifest: PathBuf,
        /// What the file is.
        role: String,
        /// The manifest's set id.
        set_id: String,
    },
    /// A document is there that the manifest's set does not have.
    #[error(
        "{} does not belong with {}: that manifest's set (set {set_id}) has no {role}, so it \
         was left by another run; an interrupted `examkit generate` leaves files of two runs: \
         run it again, or delete {}",
        path.display(),
        manifest.display(),
        path.display()
    )]
    Stray {
        /// The file.
        path: PathBuf,
        /// The manifest.
        manifest: PathBuf,
        /// What the file would be.
        role: &'static str,
        /// The manifest's set id.
        set_id: String,
    },
    /// The manifest names a file outside its folder.
    #[error("{}: the file name {name:?} is not a plain file name", manifest.display())]
    BadName {
        /// The manifest.
        manifest: PathBuf,
        /// The name it gives.
        name: String,
    },
    /// A file of the set could not be read.
    #[error("cannot read {}: {cause}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        cause: io::Error,
    },
}

/// Check the files beside `manifest_path` against the set `manifest` records: each one
/// there must have the bytes the manifest hashed, and no document of the set's name may be
/// there that the set does not have. Files that are missing are fine (a manifest is
/// enough to mark with), and so is a manifest from before sets were recorded.
pub fn verify_beside(manifest_path: &Path, manifest: &Manifest) -> Result<(), Mismatch> {
    if manifest.files.is_empty() {
        return Ok(());
    }
    let dir = folder_of(manifest_path);
    for file in &manifest.files {
        if !is_plain_name(&file.name) {
            return Err(Mismatch::BadName {
                manifest: manifest_path.to_path_buf(),
                name: file.name.clone(),
            });
        }
        let path = dir.join(&file.name);
        let Some(hash) = hash_file(&path)? else {
            continue;
        };
        if !hash.eq_ignore_ascii_case(&file.sha256) {
            return Err(Mismatch::Changed {
                path,
                manifest: manifest_path.to_path_buf(),
                role: file.role.clone(),
                set_id: manifest.set_id.clone(),
            });
        }
    }
    let stem = manifest_path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".manifest.json"));
    if let Some(stem) = stem {
        for role in Role::DOCUMENTS {
            let listed = manifest.files.iter().any(|f| f.role == role.key());
            let path = dir.join(role.file_name(stem));
            if !listed && path.exists() {
                return Err(Mismatch::Stray {
                    path,
                    manifest: manifest_path.to_path_buf(),
                    role: role.key(),
                    set_id: manifest.set_id.clone(),
                });
            }
        }
    }
    Ok(())
}

/// A name that stays in the manifest's folder: no separators, not `.` or `..`.
fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\'])
        && Path::new(name).components().count() == 1
}

/// The SHA-256 of a file in hex, `None` when there is no such file. Read in pieces, so an
/// unexpectedly large file costs no memory.
fn hash_file(path: &Path) -> Result<Option<String>, Mismatch> {
    let read_error = |cause| Mismatch::Read {
        path: path.to_path_buf(),
        cause,
    };
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(read_error(err)),
    };
    let mut hasher = Sha256::new();
    let mut buf = vec![0; 64 * 1024];
    loop {
        let n = file.read(&mut buf).map_err(read_error)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(Some(super::hex(&hasher.finalize())))
}
