//! Reading a bank's files into memory, once per run.
//!
//! The same bytes serve three purposes: they are hashed into the bank version (recorded in
//! manifests), hashed into the cache key (to tell whether a cached bank is still the bank
//! on disk), and parsed by the loader. Reading them once, hashing them once, and handing
//! the texts on keeps a cache hit down to reading and hashing, and a miss no dearer than a
//! load without a cache.

use super::Diagnostic;
use super::files::{FoundFile, yaml_files};
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::Xxh3;

/// Every file a bank is loaded from, read, in the order the loader takes them.
#[derive(Debug)]
pub struct BankFiles {
    /// The paths asked for (folders or files), as given.
    pub paths: Vec<PathBuf>,
    /// Every `.yaml`/`.yml` file found under them, sorted by path.
    pub files: Vec<ReadFile>,
    /// Problems finding the files: a path that does not exist, a folder that cannot be read.
    pub problems: Vec<Diagnostic>,
    /// 128-bit XXH3 of what the bank holds: each readable file's bytes with its name inside
    /// the folder it was found in (see [`bank_name`]), in an order of their own — so it
    /// depends on the files' contents and places in the bank, never on how the folders were
    /// spelt (relative, absolute, `./`, a trailing slash). The bank version's digest, and the
    /// part of the cache key that says what the files hold. It has to tell banks apart, not
    /// resist forgery, and XXH3 does that at memory speed: SHA-256 took a tenth of a cached
    /// `generate`.
    pub digest: [u8; 16],
}

/// One file found, and what reading it gave.
#[derive(Debug)]
pub struct ReadFile {
    /// The file.
    pub path: PathBuf,
    /// Named among the paths asked for, rather than found in a folder: a file of no known
    /// kind is then an error rather than skipped.
    pub explicit: bool,
    /// Its content.
    pub content: Content,
}

/// What reading a file gave.
#[derive(Debug)]
pub enum Content {
    /// UTF-8 text, without a byte-order mark; `bytes` is the length on disk.
    Text {
        /// The text.
        text: String,
        /// The file's length in bytes, mark included.
        bytes: usize,
    },
    /// Bytes that are not UTF-8 (the loader reports where).
    Binary(Vec<u8>),
    /// The file could not be read: the problem to report in its place.
    Unreadable(Diagnostic),
    /// Not read: a file the cache knows unchanged (see `bank::cache::stamp`), of this many
    /// bytes. [`Content::now`] reads it.
    Unread {
        /// The file's length in bytes.
        bytes: usize,
    },
}

/// One file's part of the bank's version: its name within the bank and its bytes, each
/// length-prefixed so that no two different (name, bytes) pairs hash alike by running into
/// each other.
fn file_hash(name: &[u8], bytes: &[u8]) -> [u8; 16] {
    let mut hasher = Xxh3::new();
    hasher.update(&(name.len() as u64).to_le_bytes());
    hasher.update(name);
    hasher.update(&(bytes.len() as u64).to_le_bytes());
    hasher.update(bytes);
    hasher.digest128().to_le_bytes()
}

/// The bank's version from its files' hashes, sorted so that the order the folders were
/// given in (which orders the files) does not count either.
fn bank_digest(mut hashes: Vec<[u8; 16]>) -> [u8; 16] {
    hashes.sort_unstable();
    let mut hasher = Xxh3::new();
    for hash in &hashes {
        hasher.update(hash);
    }
    hasher.digest128().to_le_bytes()
}

impl BankFiles {
    /// Find and read every file under `paths`, hashing each as it is read.
    pub fn read(paths: &[PathBuf]) -> BankFiles {
        let (found, problems) = yaml_files(paths);
        BankFiles::read_found(paths, found, problems)
    }

    /// Read and hash the files `found` under `paths`.
    pub fn read_found(
        paths: &[PathBuf],
        found: Vec<FoundFile>,
        problems: Vec<Diagnostic>,
    ) -> BankFiles {
        let mut hashes = Vec::with_capacity(found.len());
        let files = found
            .into_iter()
            .map(|found| {
                let content = match std::fs::read(&found.path) {
                    Ok(bytes) => {
                        hashes.push(file_hash(&bank_name(paths, &found), &bytes));
                        Content::from_bytes(bytes)
                    }
                    Err(err) => Content::unreadable(&found.path, &err),
                };
                ReadFile {
                    path: found.path,
                    explicit: found.explicit,
                    content,
                }
            })
            .collect();
        BankFiles {
            paths: paths.to_vec(),
            files,
            problems,
            digest: bank_digest(hashes),
        }
    }

    /// A bank's files given in memory (the bank built into examkit), as if read from
    /// `paths`: hashed exactly as the same bytes at the same paths read from disk, so a
    /// paper printed from either has the same bank version.
    pub fn from_memory(paths: &[PathBuf], given: Vec<(PathBuf, Vec<u8>)>) -> BankFiles {
        let mut hashes = Vec::with_capacity(given.len());
        let files = given
            .into_iter()
            .map(|(path, bytes)| {
                let found = FoundFile {
                    path,
                    explicit: false,
                };
                hashes.push(file_hash(&bank_name(paths, &found), &bytes));
                ReadFile {
                    path: found.path,
                    explicit: false,
                    content: Content::from_bytes(bytes),
                }
            })
            .collect();
        BankFiles {
            paths: paths.to_vec(),
            files,
            problems: Vec::new(),
            digest: bank_digest(hashes),
        }
    }

    /// The files `found` under `paths`, not read: texts of `lens` bytes whose digest is
    /// known to be `digest` (see `bank::cache::stamp`).
    pub fn unread(
        paths: &[PathBuf],
        found: Vec<FoundFile>,
        lens: &[u64],
        digest: [u8; 16],
    ) -> BankFiles {
        let files = found
            .into_iter()
            .zip(lens)
            .map(|(found, &len)| ReadFile {
                path: found.path,
                explicit: found.explicit,
                content: Content::Unread {
                    bytes: len as usize,
                },
            })
            .collect();
        BankFiles {
            paths: paths.to_vec(),
            files,
            problems: Vec::new(),
            digest,
        }
    }

    /// The bank version recorded in manifests: the first 8 bytes of the digest, in hex.
    pub fn version(&self) -> String {
        self.digest
            .iter()
            .take(8)
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// A file's name inside the bank: its path below the folder it was found in (the deepest
/// such folder asked for), or its file name when it was asked for by itself; with `/`
/// between components on every platform.
fn bank_name(paths: &[PathBuf], found: &FoundFile) -> Vec<u8> {
    let below = paths
        .iter()
        .filter_map(|root| found.path.strip_prefix(root).ok())
        .filter(|rest| !rest.as_os_str().is_empty())
        .min_by_key(|rest| rest.components().count());
    let name = match below {
        Some(rest) => rest,
        None => found
            .path
            .file_name()
            .map_or(found.path.as_path(), Path::new),
    };
    let parts: Vec<&[u8]> = name
        .components()
        .map(|c| c.as_os_str().as_encoded_bytes())
        .collect();
    parts.join(&b'/')
}

impl Content {
    /// This content, reading the file at `path` now if it was not read.
    pub fn now(self, path: &std::path::Path) -> Content {
        match self {
            Content::Unread { .. } => Content::read(path),
            read => read,
        }
    }

    /// What reading the file at `path` gives.
    pub fn read(path: &std::path::Path) -> Content {
        match std::fs::read(path) {
            Ok(bytes) => Content::from_bytes(bytes),
            Err(err) => Content::unreadable(path, &err),
        }
    }

    fn unreadable(path: &std::path::Path, err: &std::io::Error) -> Content {
        Content::Unreadable(
            Diagnostic::error(path, 1, 1, format!("cannot read file: {err}"))
                .with_help("check the file exists and you are allowed to read it"),
        )
    }

    fn from_bytes(bytes: Vec<u8>) -> Content {
        let len = bytes.len();
        match String::from_utf8(bytes) {
            Ok(mut text) => {
                if text.starts_with('\u{feff}') {
                    text.drain(..'\u{feff}'.len_utf8());
                }
                Content::Text { text, bytes: len }
            }
            Err(err) => Content::Binary(err.into_bytes()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version_of(paths: &[PathBuf]) -> String {
        BankFiles::read(paths).version()
    }

    #[test]
    fn the_version_depends_on_the_content_not_on_how_the_path_is_spelt() {
        let dir = tempfile::tempdir().unwrap();
        let bank = dir.path().join("bank");
        std::fs::create_dir_all(bank.join("history")).unwrap();
        std::fs::create_dir_all(dir.path().join("schemes")).unwrap();
        std::fs::write(bank.join("history/a.yaml"), "questions: []\n").unwrap();
        std::fs::write(dir.path().join("schemes/a.yaml"), "schemes: []\n").unwrap();
        let plain = version_of(&[bank.clone(), dir.path().join("schemes")]);
        let spellings = [
            vec![
                PathBuf::from(format!("{}/", bank.display())),
                dir.path().join("schemes/"),
            ],
            vec![bank.join("."), dir.path().join("./schemes")],
            vec![bank.join("history/.."), dir.path().join("schemes")],
            // Given the other way round.
            vec![dir.path().join("schemes"), bank.clone()],
        ];
        for paths in spellings {
            assert_eq!(version_of(&paths), plain, "{paths:?}");
        }
        // Relative to the current folder, as `examkit` is mostly run.
        let cwd = std::env::current_dir().unwrap();
        if let Ok(rel) = bank.strip_prefix(&cwd) {
            assert_eq!(
                version_of(&[rel.to_path_buf(), dir.path().join("schemes")]),
                plain
            );
        }
        // A change of content, or of a file's place in the bank, is a new version.
        std::fs::write(bank.join("history/a.yaml"), "questions: [] # x\n").unwrap();
        let changed = version_of(&[bank.clone(), dir.path().join("schemes")]);
        assert_ne!(changed, plain);
        std::fs::rename(bank.join("history/a.yaml"), bank.join("history/b.yaml")).unwrap();
        assert_ne!(
            version_of(&[bank.clone(), dir.path().join("schemes")]),
            changed
        );
    }
}
