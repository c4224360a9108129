//! The layout of one cache entry, and turning a bank into one and back.
//!
//! An entry is a fixed header, the bank without its mark schemes as one MessagePack value
//! (the body), then each scheme as a MessagePack value of its own. Schemes are most of a
//! bank, and a paper prints a dozen of its hundreds, so `generate` reads and decodes only
//! the ones it prints; `mark` reads them all.
//!
//! ```text
//! magic "examkit\x1a" | format u32 | key [u8; 32] | body length u64 | body CRC-32 u32
//! | body | scheme | scheme | …
//! ```
//!
//! Integers are little-endian. The body has a checksum, and each scheme its own (kept in
//! the body), so that a damaged or truncated entry is never taken for a bank: an entry is
//! written whole and renamed into place, but a disk, or a crash before the system wrote it
//! out, may still leave garbage.

use crate::bank::{Bank, BankScheme, Locations};
use crate::model::Scheme;
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::ops::Range;
use std::path::PathBuf;

/// Marks a file as an examkit cache entry.
const MAGIC: &[u8; 8] = b"examkit\x1a";

/// Whether the file at `path` starts as an entry does: only such a file is ever pruned.
pub(super) fn has_header(path: &std::path::Path) -> bool {
    use std::io::Read;
    let mut start = [0u8; 8];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut start))
        .is_ok_and(|()| start == *MAGIC)
}
/// The layout's version: change it whenever this file or what it stores changes shape.
pub(super) const FORMAT: u32 = 1;
/// Bytes before the body: magic, format, key, body length, body CRC.
const HEADER: usize = 8 + 4 + 32 + 8 + 4;

/// What identifies the bank an entry holds: a hash of everything loading it depends on.
pub(super) type Key = [u8; 32];

/// What an entry holds.
#[derive(Debug, Serialize, Deserialize)]
struct Body {
    /// The bank without its schemes (they follow the body), or `None` when the bank had
    /// problems: such a bank is not cached, and the entry only says to load it as usual.
    bank: Option<Bank>,
    /// Where each scheme is, in the bank's order.
    schemes: Vec<StoredScheme>,
    /// The files whose texts the bank kept for locating problems: they are not stored,
    /// since a hit has just read every file to hash it.
    spans: Vec<PathBuf>,
}

/// One scheme's place in an entry.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct StoredScheme {
    subject: String,
    topic: String,
    file: PathBuf,
    /// The key it is filed under (`id` or `id/part`), to choose it without decoding it.
    key: String,
    /// Its index in its file's `schemes` list.
    item: usize,
    /// Where its encoding is, counted from the end of the body.
    at: Range<u64>,
    /// The CRC-32 of its encoding.
    crc: u32,
}

/// A decoded entry.
#[derive(Debug)]
pub(super) enum Entry {
    /// A clean bank.
    Clean(Box<CleanEntry>),
    /// A bank that had problems: load it as usual.
    Unclean,
}

/// A clean bank read from an entry, its schemes still in the file.
#[derive(Debug)]
pub(super) struct CleanEntry {
    /// Everything but the schemes, and the spans.
    pub bank: Bank,
    /// The files whose spans to rebuild from their texts.
    pub spans: Vec<PathBuf>,
    /// The schemes.
    pub schemes: Schemes,
}

/// A cached bank's mark schemes, each read and decoded when asked for.
#[derive(Debug)]
pub struct Schemes {
    /// The entry, kept open: a newer entry is renamed over it, never written into it, so
    /// this stays the one the body was read from.
    file: File,
    /// Where the schemes start in it.
    start: u64,
    index: Vec<StoredScheme>,
}

/// A scheme in the entry could not be read back: the entry is damaged.
#[derive(Debug, thiserror::Error)]
#[error("a cached mark scheme cannot be read back")]
pub struct Damaged;

/// The entry for `bank` (`None` for a bank with problems) under `key`. Fails only if the
/// bank cannot be written as MessagePack (a path that is not UTF-8).
pub(super) fn encode(key: &Key, bank: Option<&Bank>) -> Result<Vec<u8>, rmp_serde::encode::Error> {
    let mut body = Body {
        bank: None,
        schemes: Vec::new(),
        spans: Vec::new(),
    };
    let mut encoded = Vec::new();
    if let Some(bank) = bank {
        for (i, scheme) in bank.schemes.iter().enumerate() {
            let start = encoded.len();
            rmp_serde::encode::write_named(&mut encoded, &scheme.scheme)?;
            body.schemes.push(StoredScheme {
                subject: scheme.subject.clone(),
                topic: scheme.topic.clone(),
                file: scheme.file.clone(),
                key: scheme.scheme.key(),
                item: bank.locations.scheme_items.get(i).copied().unwrap_or(i),
                at: start as u64..encoded.len() as u64,
                crc: crc(&encoded[start..]),
            });
        }
        body.bank = Some(without_schemes(bank));
        body.spans = bank.locations.spans.keys().cloned().collect();
    }
    let body = rmp_serde::to_vec_named(&body)?;
    let mut out = Vec::with_capacity(HEADER + body.len() + encoded.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(key);
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(&crc(&body).to_le_bytes());
    out.extend_from_slice(&body);
    out.extend_from_slice(&encoded);
    Ok(out)
}

/// The bank the entry `file` holds, if it is an undamaged entry of this format under
/// `key`; `None` otherwise (another bank, another format, or damage).
pub(super) fn decode(mut file: File, key: &Key) -> Option<Entry> {
    let len = file.metadata().ok()?.len();
    let mut header = [0; HEADER];
    file.read_exact(&mut header).ok()?;
    if header[..8] != MAGIC[..]
        || header[8..12] != FORMAT.to_le_bytes()
        || header[12..44] != key[..]
    {
        return None;
    }
    let body_len = u64::from_le_bytes(header[44..52].try_into().ok()?);
    let body_crc = u32::from_le_bytes(header[52..56].try_into().ok()?);
    let start = (HEADER as u64)
        .checked_add(body_len)
        .filter(|&end| end <= len)?;
    let mut body = vec![0; usize::try_from(body_len).ok()?];
    file.read_exact(&mut body).ok()?;
    if crc(&body) != body_crc {
        return None;
    }
    let body: Body = rmp_serde::from_slice(&body).ok()?;
    let Some(bank) = body.bank else {
        return Some(Entry::Unclean);
    };
    let room = len - start;
    if body
        .schemes
        .iter()
        .any(|s| s.at.start > s.at.end || s.at.end > room)
    {
        return None;
    }
    Some(Entry::Clean(Box::new(CleanEntry {
        bank,
        spans: body.spans,
        schemes: Schemes {
            file,
            start,
            index: body.schemes,
        },
    })))
}

impl Schemes {
    /// Read into `bank` the schemes whose keys (`id` or `id/part`) are `wanted`, in the
    /// bank's order; `bank` is unchanged if one cannot be read back.
    pub fn load(&self, bank: &mut Bank, wanted: impl Fn(&str) -> bool) -> Result<(), Damaged> {
        let mut loaded = Vec::new();
        let mut bytes = Vec::new();
        for stored in self.index.iter().filter(|s| wanted(&s.key)) {
            bytes.resize(
                usize::try_from(stored.at.end - stored.at.start).map_err(|_| Damaged)?,
                0,
            );
            self.read_at(stored.at.start, &mut bytes)?;
            loaded.push(stored.decode(&bytes)?);
        }
        add(bank, loaded);
        Ok(())
    }

    /// Read every scheme into `bank` (with one read, where [`Schemes::load`] reads each).
    pub fn load_all(&self, bank: &mut Bank) -> Result<(), Damaged> {
        let end = self.index.iter().map(|s| s.at.end).max().unwrap_or(0);
        let mut bytes = vec![0; usize::try_from(end).map_err(|_| Damaged)?];
        self.read_at(0, &mut bytes)?;
        let loaded = self
            .index
            .iter()
            .map(|stored| {
                let at = usize::try_from(stored.at.start).map_err(|_| Damaged)?
                    ..usize::try_from(stored.at.end).map_err(|_| Damaged)?;
                stored.decode(&bytes[at])
            })
            .collect::<Result<Vec<_>, Damaged>>()?;
        add(bank, loaded);
        Ok(())
    }

    /// Fill `bytes` from `at` bytes after the body.
    fn read_at(&self, at: u64, bytes: &mut [u8]) -> Result<(), Damaged> {
        (&self.file)
            .seek(SeekFrom::Start(self.start + at))
            .and_then(|_| (&self.file).read_exact(bytes))
            .map_err(|_| Damaged)
    }
}

impl StoredScheme {
    /// The scheme from its encoding, with its index in its file.
    fn decode(&self, bytes: &[u8]) -> Result<(BankScheme, usize), Damaged> {
        if crc(bytes) != self.crc {
            return Err(Damaged);
        }
        let scheme: Scheme = rmp_serde::from_slice(bytes).map_err(|_| Damaged)?;
        let scheme = BankScheme {
            subject: self.subject.clone(),
            topic: self.topic.clone(),
            scheme,
            file: self.file.clone(),
        };
        Ok((scheme, self.item))
    }
}

/// Add schemes read back, with their indexes in their files, to `bank`.
fn add(bank: &mut Bank, loaded: Vec<(BankScheme, usize)>) {
    for (scheme, item) in loaded {
        bank.schemes.push(scheme);
        bank.locations.scheme_items.push(item);
    }
}

/// A copy of `bank` without its schemes or spans: what an entry's body stores.
fn without_schemes(bank: &Bank) -> Bank {
    // Every field named, so a field added to the bank cannot be forgotten here.
    let Bank {
        questions,
        schemes: _,
        synonyms,
        blueprints,
        version,
        locations,
    } = bank;
    let Locations {
        files,
        spans: _,
        question_items,
        scheme_items: _,
        synonym_files,
        broken,
        unloaded,
        schemes_loaded_for,
    } = locations;
    Bank {
        questions: questions.clone(),
        schemes: Vec::new(),
        synonyms: synonyms.clone(),
        blueprints: blueprints.clone(),
        version: version.clone(),
        locations: Locations {
            files: files.clone(),
            spans: Default::default(),
            question_items: question_items.clone(),
            scheme_items: Vec::new(),
            synonym_files: synonym_files.clone(),
            broken: broken.clone(),
            unloaded: unloaded.clone(),
            schemes_loaded_for: schemes_loaded_for.clone(),
        },
    }
}

fn crc(bytes: &[u8]) -> u32 {
    let mut crc = flate2::Crc::new();
    crc.update(bytes);
    crc.sum()
}
