//! Writing output files safely: a half-written PDF or mark sheet is worse than none, so
//! every output goes to a temporary file in the same folder and is renamed into place.

use std::io::Write;
use std::path::Path;

/// Write `bytes` to `path` atomically: either the whole new file is there, or the old one
/// (or nothing) is. Creates missing parent folders.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
