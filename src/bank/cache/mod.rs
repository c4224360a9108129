//! A cache of loaded, checked banks, so that printing paper after paper from an unchanged
//! bank does not parse and check the same YAML every time.
//!
//! Parsing and checking was most of what `generate` spent on the bank. The key is a hash
//! of every file's bytes (the bank version every manifest records), with the paths asked
//! for and the examkit build: a cached bank is used only when it was loaded from exactly
//! these bytes by exactly this program. A changed byte, file, path or build misses, and the
//! bank loads as it would without a cache.
//!
//! Reading and hashing the files then became half of a hit, so the digest itself is cached
//! too, beside the entry, with each file's stamp (length, inode, change times; see
//! `stamp`): while every file keeps its stamp, none is read. Any doubt reads them all.
//!
//! Only a bank with no problems at all is stored, so a hit never hides a warning or an
//! error: a bank with problems loads as usual every time, and is refused with the same
//! report as without a cache. The entry for such a bank says only that, so that later
//! runs do not try the whole load a clean bank gets before it is stored.
//!
//! Any failure of the cache itself (no folder, an unreadable, damaged or old entry, a
//! full disk) is a miss or a skipped store, never an error: the cache can only make a
//! run faster. Entries live in one folder ([`Cache::from_env`]), one per folder and paths
//! asked for, at most [`MAX_ENTRIES`] in all, and can be deleted at any time.

mod entry;
mod key;
mod stamp;
mod store;

pub use entry::{Damaged, Schemes};
pub use store::{Cache, MAX_ENTRIES};

use super::check::{self, check_with};
use super::files::{FoundFile, yaml_files};
use super::load::{BankFiles, Content, load_files};
use super::partial::{self, PartialBank};
use super::span::FileSpans;
use super::{Bank, BrokenBank, Diagnostic};
use entry::{CleanEntry, Entry};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Load and check the bank under `paths` as [`check::load_checked`] does, from `cache`
/// when it holds this bank (and storing it there when it is clean and was not).
pub fn load_checked(paths: &[PathBuf], cache: Option<&Cache>) -> Result<Bank, BrokenBank> {
    let Some(cache) = cache else {
        return check::load_checked(paths);
    };
    let stamps = cache.stamps_path(paths);
    let (found, problems) = yaml_files(paths);
    if problems.is_empty()
        && let Some((entry, mut files)) = unread_entry(cache, &stamps, paths, &found)
        && let Some(bank) = whole_bank(entry, &mut files)
    {
        return Ok(bank);
    }
    let (mut files, taken) = read_files(paths, found, problems);
    let Some(slot) = cache.slot(&files) else {
        let (bank, problems) = load_files(files);
        return check::check_loaded(bank, problems);
    };
    match slot.read() {
        Some(Entry::Clean(entry)) => {
            stamp::record(&stamps, &files, taken.clone());
            if let Some(bank) = whole_bank(*entry, &mut files) {
                return Ok(bank);
            }
        }
        Some(Entry::Unclean) => {
            let (bank, problems) = load_files(files);
            return check::check_loaded(bank, problems);
        }
        None => {}
    }
    let writer = slot.writer();
    stamp::record(&stamps, &files, taken);
    let (bank, problems) = load_files(files);
    if !problems.is_empty() {
        if let Some(writer) = writer {
            writer.store(None);
        }
        return check::check_loaded(bank, problems);
    }
    let unlocated = check_with(&bank, false);
    if let Some(writer) = writer {
        // Notes (drafts to review) are not problems: such a bank is cached like a clean one.
        writer.store(unlocated.iter().all(Diagnostic::is_note).then_some(&bank));
    }
    check::checked(bank, problems, &unlocated)
}

/// Load the bank under `paths` for printing papers, as [`partial::load_partial`] does,
/// from `cache` when it holds this bank. A clean bank not yet cached is loaded and checked
/// whole, to be stored; then its chosen schemes are already loaded.
pub fn load_partial(paths: &[PathBuf], cache: Option<&Cache>) -> Result<PartialBank, BrokenBank> {
    let Some(cache) = cache else {
        return partial::load_partial(paths);
    };
    let stamps = cache.stamps_path(paths);
    let (found, problems) = yaml_files(paths);
    if problems.is_empty()
        && let Some((entry, mut files)) = unread_entry(cache, &stamps, paths, &found)
        && let Some((bank, schemes)) = partial_bank(entry, &mut files)
    {
        return Ok(PartialBank::cached(files.paths, bank, schemes));
    }
    let (mut files, taken) = read_files(paths, found, problems);
    let Some(slot) = cache.slot(&files) else {
        return partial::load_partial_files(files);
    };
    match slot.read() {
        Some(Entry::Clean(entry)) => {
            stamp::record(&stamps, &files, taken.clone());
            if let Some((bank, schemes)) = partial_bank(*entry, &mut files) {
                return Ok(PartialBank::cached(files.paths, bank, schemes));
            }
        }
        Some(Entry::Unclean) => return partial::load_partial_files(files),
        None => {}
    }
    // Storing needs the whole bank loaded and checked, which costs more than a partial load:
    // worth it only when the entry can be written.
    let Some(writer) = slot.writer() else {
        return partial::load_partial_files(files);
    };
    stamp::record(&stamps, &files, taken);
    let (bank, problems) = load_files(files);
    if problems.is_empty() && check_with(&bank, false).iter().all(Diagnostic::is_note) {
        writer.store(Some(&bank));
        return Ok(PartialBank::whole(paths.to_vec(), bank));
    }
    writer.store(None);
    // Load as without a cache, for exactly its behaviour and report: a scheme no paper
    // prints does not stop `generate`.
    partial::load_partial(paths)
}

/// The entry of the bank under `paths` and its files (`found`) unread, when the stamps at
/// `stamps` say none changed since they were hashed (see `stamp`); `None` otherwise, and
/// the files are then read.
fn unread_entry(
    cache: &Cache,
    stamps: &Path,
    paths: &[PathBuf],
    found: &[FoundFile],
) -> Option<(CleanEntry, BankFiles)> {
    let (digest, lens) = stamp::trusted(stamps, found)?;
    let files = BankFiles::unread(paths, found.to_vec(), &lens, digest);
    match cache.slot(&files)?.read()? {
        Entry::Clean(entry) => Some((*entry, files)),
        Entry::Unclean => None,
    }
}

/// Read the files `found` under `paths`, stamping them first: stamps taken after reading
/// could vouch for a change made while they were read.
fn read_files(
    paths: &[PathBuf],
    found: Vec<FoundFile>,
    problems: Vec<Diagnostic>,
) -> (BankFiles, Option<stamp::Taken>) {
    let taken = stamp::take(&found);
    (BankFiles::read_found(paths, found, problems), taken)
}

/// The whole bank of a clean entry, every scheme decoded; `None` if the entry is damaged.
fn whole_bank(entry: CleanEntry, files: &mut BankFiles) -> Option<Bank> {
    let CleanEntry {
        mut bank,
        spans,
        schemes,
    } = entry;
    schemes.load_all(&mut bank).ok()?;
    add_spans(&mut bank, &spans, files)?;
    Some(bank)
}

/// The bank of a clean entry without its schemes, and the schemes; `None` if the entry
/// does not fit the files.
fn partial_bank(entry: CleanEntry, files: &mut BankFiles) -> Option<(Bank, Schemes)> {
    let CleanEntry {
        mut bank,
        spans,
        schemes,
    } = entry;
    add_spans(&mut bank, &spans, files)?;
    Some((bank, schemes))
}

/// Give the bank the spans of the files `spans`, from their texts in `files` (taken from
/// them); `None`, with `files` untouched, unless each of them was read as text.
fn add_spans(bank: &mut Bank, spans: &[PathBuf], files: &mut BankFiles) -> Option<()> {
    let wanted: BTreeSet<&PathBuf> = spans.iter().collect();
    let texts = files
        .files
        .iter()
        .filter(|f| {
            wanted.contains(&f.path)
                && matches!(f.content, Content::Text { .. } | Content::Unread { .. })
        })
        .count();
    if texts != wanted.len() {
        return None;
    }
    for file in &mut files.files {
        if !wanted.contains(&file.path) {
            continue;
        }
        let spans = match &mut file.content {
            Content::Text { text, .. } => FileSpans::from_text(std::mem::take(text)),
            Content::Unread { .. } => FileSpans::from_file(&file.path),
            Content::Binary(_) | Content::Unreadable(_) => continue,
        };
        bank.locations.spans.insert(file.path.clone(), spans);
    }
    Some(())
}

#[cfg(test)]
mod tests;
