//! What a cached bank depends on, hashed: the key an entry must match to be used.

use super::entry::{FORMAT, Key};
use crate::bank::load::{BankFiles, Content};
use sha2::{Digest, Sha256};
use std::path::Path;
use std::time::UNIX_EPOCH;

/// The key of the bank loaded from `files` by this program; `None` when this program's
/// build cannot be told apart from another's (its executable cannot be found), so that
/// nothing is cached.
///
/// A loaded bank depends on the paths asked for, which files were found under them, which
/// of those were named, their bytes, and any problem finding them; and on the code that
/// loaded and checked it. The files' bytes are hashed already, into the bank version
/// ([`BankFiles::digest`]); everything else is added here, each item with its length, so
/// two different inputs never run together into one.
pub(super) fn key(files: &BankFiles) -> Option<Key> {
    let mut hash = Sha256::new();
    field(&mut hash, b"examkit bank cache");
    hash.update(FORMAT.to_le_bytes());
    build(&mut hash)?;
    hash.update((files.paths.len() as u64).to_le_bytes());
    for path in &files.paths {
        field(&mut hash, path_bytes(path));
    }
    hash.update(files.digest);
    hash.update((files.files.len() as u64).to_le_bytes());
    for file in &files.files {
        field(&mut hash, path_bytes(&file.path));
        hash.update([u8::from(file.explicit)]);
        match &file.content {
            // An unread file is one known to hold the text it held when its entry was
            // stored: it keys as that text.
            Content::Text { bytes, .. } | Content::Unread { bytes } => {
                hash.update([0]);
                hash.update((*bytes as u64).to_le_bytes());
            }
            Content::Binary(bytes) => {
                hash.update([1]);
                hash.update((bytes.len() as u64).to_le_bytes());
            }
            Content::Unreadable(problem) => {
                hash.update([2]);
                field(&mut hash, problem.to_string().as_bytes());
            }
        }
    }
    hash.update((files.problems.len() as u64).to_le_bytes());
    for problem in &files.problems {
        field(&mut hash, problem.to_string().as_bytes());
    }
    Some(hash.finalize().into())
}

/// The file name of the entry for the bank under `paths` as asked for from `cwd`: one
/// entry per place a bank is loaded from, overwritten when that bank changes.
pub(super) fn entry_name(cwd: &Path, paths: &[impl AsRef<Path>]) -> String {
    let mut hash = Sha256::new();
    field(&mut hash, path_bytes(cwd));
    for path in paths {
        field(&mut hash, path_bytes(path.as_ref()));
    }
    let digest = hash.finalize();
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("bank-{hex}.bin")
}

/// Add this program's build to the key: its version, and the size and modification time
/// of its executable, which change with every rebuild — so a developer's changed model or
/// checks never read an entry an older build wrote.
fn build(hash: &mut Sha256) -> Option<()> {
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(exe).ok()?;
    let modified = meta.modified().ok()?;
    let (after, since) = match modified.duration_since(UNIX_EPOCH) {
        Ok(since) => (true, since),
        Err(before) => (false, before.duration()),
    };
    field(hash, env!("CARGO_PKG_VERSION").as_bytes());
    hash.update(meta.len().to_le_bytes());
    hash.update([u8::from(after)]);
    hash.update(since.as_secs().to_le_bytes());
    hash.update(since.subsec_nanos().to_le_bytes());
    Some(())
}

/// Hash `bytes` after their length.
fn field(hash: &mut Sha256, bytes: &[u8]) {
    hash.update((bytes.len() as u64).to_le_bytes());
    hash.update(bytes);
}

fn path_bytes(path: &Path) -> &[u8] {
    path.as_os_str().as_encoded_bytes()
}
