//! The bank built into examkit: the repository's `question-bank/`, `mark-schemes/` and
//! `examples/papers/` as they were when examkit was built (see `build.rs`), so an installed
//! binary makes papers and marks answers wherever it runs, with no files beside it.

use super::load::BankFiles;
use std::path::PathBuf;

mod table {
    include!(concat!(env!("OUT_DIR"), "/bundled_bank.rs"));
}

/// The folders the bundled bank's questions and schemes come from, as `--bank` would name
/// them in the repository.
pub const FOLDERS: [&str; 2] = ["question-bank", "mark-schemes"];

/// The folder of the bundled blueprints.
const BLUEPRINTS: &str = "examples/papers/";

/// The bundled bank's files, ready to load as if read from [`FOLDERS`] in the repository
/// (same paths, same bytes, so the same bank version).
pub fn files() -> BankFiles {
    let paths: Vec<PathBuf> = FOLDERS.iter().map(PathBuf::from).collect();
    let given = table::FILES
        .iter()
        .filter(|(path, _)| FOLDERS.iter().any(|f| path.starts_with(&format!("{f}/"))))
        .map(|(path, bytes)| (PathBuf::from(path), bytes.to_vec()))
        .collect();
    BankFiles::from_memory(&paths, given)
}

/// The bundled blueprints: name (the file stem, e.g. `aqa-cold-war`), path as in the
/// repository, and text.
pub fn blueprints() -> impl Iterator<Item = Blueprint> {
    table::FILES.iter().filter_map(|(path, bytes)| {
        let file = path.strip_prefix(BLUEPRINTS)?;
        let name = file.strip_suffix(".yaml").or(file.strip_suffix(".yml"))?;
        Some(Blueprint {
            name,
            path,
            text: std::str::from_utf8(bytes).ok()?,
        })
    })
}

/// The bundled blueprint called `name` (`aqa-cold-war`, or its repository path).
pub fn blueprint(name: &str) -> Option<Blueprint> {
    blueprints().find(|b| b.name == name || b.path == name)
}

/// A blueprint built into examkit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Blueprint {
    /// Its name: the file stem.
    pub name: &'static str,
    /// Its path in the repository, e.g. `examples/papers/aqa-cold-war.yaml`.
    pub path: &'static str,
    /// Its YAML.
    pub text: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_bank_is_the_repositorys() {
        let bundled = files();
        let on_disk = BankFiles::read(&FOLDERS.map(PathBuf::from));
        assert_eq!(bundled.files.len(), on_disk.files.len());
        assert!(bundled.files.len() > 20);
        assert_eq!(bundled.version(), on_disk.version());
        let names: Vec<&str> = blueprints().map(|b| b.name).collect();
        assert_eq!(names, ["aqa-cold-war", "cie-cold-war", "edexcel-cold-war"]);
        assert_eq!(
            blueprint("examples/papers/cie-cold-war.yaml").map(|b| b.name),
            Some("cie-cold-war")
        );
    }
}
