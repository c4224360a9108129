//! Where entries live, and reading and writing them so that a run never sees half of one.

use super::entry::{self, Entry, Key};
use super::key;
use crate::bank::Bank;
use crate::bank::load::BankFiles;
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The most entries kept: one per place a bank is loaded from, the oldest removed
/// beyond this, so the folder cannot grow without bound (an entry for the shipped bank is
/// about 600 KB).
pub const MAX_ENTRIES: usize = 16;

/// Names of entries start with this.
const PREFIX: &str = "bank-";
/// The extension of an entry's stamps, which are kept and removed with it.
const STAMPS: &str = "stamps";

/// A folder of cached banks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// The cache the environment asks for: `None` when `EXAMKIT_CACHE` is `off` (or `0`,
    /// `false`, `no`), or when there is nowhere to put it. It lives in
    /// `$EXAMKIT_CACHE_DIR` if that is set, else `$XDG_CACHE_HOME/examkit`, else
    /// `$HOME/.cache/examkit` (on Windows, `%LOCALAPPDATA%\examkit`).
    pub fn from_env() -> Option<Cache> {
        Cache::from_vars(|name| std::env::var_os(name).filter(|v| !v.is_empty()))
    }

    /// A cache in `dir` (created when first written to).
    pub fn in_dir(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    /// The folder the entries are in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub(super) fn from_vars(var: impl Fn(&str) -> Option<OsString>) -> Option<Cache> {
        if let Some(setting) = var("EXAMKIT_CACHE")
            && ["off", "0", "false", "no"]
                .iter()
                .any(|off| setting.eq_ignore_ascii_case(off))
        {
            return None;
        }
        if let Some(dir) = var("EXAMKIT_CACHE_DIR") {
            return Some(Cache::in_dir(dir));
        }
        // The XDG spec says a relative path there is invalid and to be ignored.
        if let Some(dir) = var("XDG_CACHE_HOME").map(PathBuf::from)
            && dir.is_absolute()
        {
            return Some(Cache::in_dir(dir.join("examkit")));
        }
        if let Some(home) = var("HOME") {
            return Some(Cache::in_dir(PathBuf::from(home).join(".cache/examkit")));
        }
        var("LOCALAPPDATA").map(|dir| Cache::in_dir(PathBuf::from(dir).join("examkit")))
    }

    /// Where the stamps of the bank under `paths` go (see `stamp`): beside its entry.
    pub(super) fn stamps_path(&self, paths: &[PathBuf]) -> PathBuf {
        let cwd = std::env::current_dir().unwrap_or_default();
        self.dir
            .join(key::entry_name(&cwd, paths))
            .with_extension(STAMPS)
    }

    /// Where the bank read as `files` is cached; `None` when it cannot be.
    pub(super) fn slot(&self, files: &BankFiles) -> Option<Slot> {
        let key = key::key(files)?;
        let cwd = std::env::current_dir().unwrap_or_default();
        Some(Slot {
            path: self.dir.join(key::entry_name(&cwd, &files.paths)),
            dir: self.dir.clone(),
            key,
        })
    }
}

/// The entry of one bank.
#[derive(Debug)]
pub(super) struct Slot {
    path: PathBuf,
    dir: PathBuf,
    key: Key,
}

impl Slot {
    /// What the entry holds, if there is a whole entry for this very bank.
    pub(super) fn read(&self) -> Option<Entry> {
        let file = std::fs::File::open(&self.path).ok()?;
        entry::decode(file, &self.key)
    }

    /// Get ready to store this bank's entry, in a temporary file beside it; `None` when the
    /// cache's folder cannot be written, so that no work is done for a store that would fail.
    pub(super) fn writer(&self) -> Option<Writer<'_>> {
        let tmp = crate::files::temp_in(&self.dir).ok()?;
        Some(Writer { slot: self, tmp })
    }
}

/// An entry being written.
#[derive(Debug)]
pub(super) struct Writer<'a> {
    slot: &'a Slot,
    tmp: tempfile::NamedTempFile,
}

impl Writer<'_> {
    /// Store `bank` (`None`: the bank had problems), replacing whatever the entry held.
    /// Failing to is no error: the next run loads the bank without the cache's help.
    pub(super) fn store(self, bank: Option<&Bank>) {
        let _ = self.try_store(bank);
    }

    fn try_store(mut self, bank: Option<&Bank>) -> std::io::Result<()> {
        let bytes = entry::encode(&self.slot.key, bank).map_err(std::io::Error::other)?;
        // Written beside its place and renamed into it, so a concurrent run reads the old
        // entry or the new one, never part of one. Not synced: a crash may leave a damaged
        // entry, which its checksums turn into a miss.
        self.tmp.write_all(&bytes)?;
        self.tmp.persist(&self.slot.path).map_err(|e| e.error)?;
        prune(&self.slot.dir, &self.slot.path);
        Ok(())
    }
}

/// Remove the oldest entries beyond [`MAX_ENTRIES`] (each with its stamps), never `keep`.
/// Only files that are surely entries count or go: a name as [`entry_name`](key::entry_name)
/// makes it and a header that starts as [`entry::encode`] starts one, so anyone else's files
/// in the folder are left alone. (Temporary files of killed runs are removed by
/// [`crate::files::temp_in`].)
fn prune(dir: &Path, keep: &Path) {
    let Ok(read) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<(std::time::SystemTime, PathBuf)> = read
        .flatten()
        .filter(|e| e.file_name().to_str().is_some_and(is_entry_name))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| entry::has_header(&e.path()))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    if entries.len() <= MAX_ENTRIES {
        return;
    }
    entries.sort();
    let extra = entries.len() - MAX_ENTRIES;
    for (_, path) in entries.into_iter().filter(|(_, p)| p != keep).take(extra) {
        let _ = std::fs::remove_file(path.with_extension(STAMPS));
        let _ = std::fs::remove_file(path);
    }
}

/// Whether `name` is one [`key::entry_name`] gives: `bank-` and 16 lowercase hex digits,
/// `.bin`.
fn is_entry_name(name: &str) -> bool {
    name.strip_prefix(PREFIX)
        .and_then(|rest| rest.strip_suffix(".bin"))
        .is_some_and(|hex| {
            hex.len() == 16 && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        })
}
