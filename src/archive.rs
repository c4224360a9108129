//! A zip of named files held in memory: how a web page hands over a set of papers (30
//! variants, each with its insert, mark scheme and manifest) as one download.
//!
//! The archive is deterministic like the papers in it: entries in the order given, every
//! entry dated 1980-01-01 (zip's epoch) and compressed the same way, so the same papers give
//! the same zip, byte for byte.

use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// Why an archive could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// Two entries have the same name; a zip tool would keep only one.
    #[error("two files in the archive are both named `{0}`")]
    Duplicate(String),
    /// The zip writer failed.
    #[error("cannot write the zip archive: {0}")]
    Zip(#[from] zip::result::ZipError),
    /// Writing into memory failed.
    #[error("cannot write the zip archive: {0}")]
    Io(#[from] std::io::Error),
}

/// The files as a zip archive, each stored under its name.
pub fn zip<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
) -> Result<Vec<u8>, ArchiveError> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    let mut seen = std::collections::BTreeSet::new();
    for (name, bytes) in files {
        if !seen.insert(name) {
            return Err(ArchiveError::Duplicate(name.to_string()));
        }
        writer.start_file(name, options)?;
        writer.write_all(bytes)?;
    }
    Ok(writer.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn files_come_back_out_under_their_names() {
        let bytes = zip([
            ("a.pdf", b"%PDF-1.7 paper".as_slice()),
            ("a.manifest.json", b"{}\n".as_slice()),
        ])
        .unwrap();
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        assert_eq!(archive.len(), 2);
        let mut text = String::new();
        archive
            .by_name("a.pdf")
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "%PDF-1.7 paper");
        assert_eq!(
            archive.by_index(1).unwrap().name().unwrap(),
            "a.manifest.json"
        );
    }

    #[test]
    fn the_same_files_give_the_same_bytes() {
        let files = [("x.txt", b"one".as_slice()), ("y.txt", b"two".as_slice())];
        assert_eq!(zip(files).unwrap(), zip(files).unwrap());
    }

    #[test]
    fn duplicate_names_are_refused() {
        let err = zip([("x", b"1".as_slice()), ("x", b"2".as_slice())]).unwrap_err();
        assert!(err.to_string().contains("`x`"));
    }
}
