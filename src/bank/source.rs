//! Which bank a command uses: the folders `--bank` names, else the bank in the current
//! folder, else the bank built into examkit ([`super::bundled`]). One rule for `generate`,
//! `mark`, `practice`, `list` and `serve`, so an installed examkit works in any folder and
//! a teacher's own bank is used where it is.

use super::cache::{self, Cache};
use super::check::check_loaded;
use super::load::load_files;
use super::{Bank, BrokenBank, PartialBank, bundled};
use std::fmt;
use std::path::{Path, PathBuf};

/// Where a bank is loaded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BankSource {
    /// Folders or files on disk.
    Paths(Vec<PathBuf>),
    /// The bank built into examkit.
    Bundled,
}

impl BankSource {
    /// The bank for `--bank` as given (empty when the flag was not used): those paths;
    /// else `question-bank/` (and `mark-schemes/`, if there) in the current folder, when it
    /// has a `question-bank/`; else the bundled bank.
    pub fn choose(given: &[PathBuf]) -> BankSource {
        if !given.is_empty() {
            return BankSource::Paths(given.to_vec());
        }
        BankSource::default_in(Path::new("."))
    }

    /// The bank used in `folder` when no `--bank` is given (see [`BankSource::choose`]).
    pub fn default_in(folder: &Path) -> BankSource {
        if !folder.join(bundled::FOLDERS[0]).is_dir() {
            return BankSource::Bundled;
        }
        let paths = bundled::FOLDERS
            .iter()
            .map(|f| folder.join(f))
            .filter(|p| p.is_dir())
            .map(|p| p.strip_prefix(".").map(Path::to_path_buf).unwrap_or(p))
            .collect();
        BankSource::Paths(paths)
    }

    /// Load and check the whole bank (for marking), from `cache` when it holds it; a bank
    /// with errors is refused with every problem.
    pub fn load_checked(&self, cache: Option<&Cache>) -> Result<Bank, BrokenBank> {
        match self {
            BankSource::Paths(paths) => cache::load_checked(paths, cache),
            // Built in, so never stale: the cache, which vouches for files on disk, has
            // nothing to add but a second copy.
            BankSource::Bundled => {
                let (bank, problems) = load_files(bundled::files());
                check_loaded(bank, problems)
            }
        }
    }

    /// Load the bank for printing papers (see [`super::partial`]).
    pub fn load_partial(&self, cache: Option<&Cache>) -> Result<PartialBank, BrokenBank> {
        match self {
            BankSource::Paths(paths) => cache::load_partial(paths, cache),
            BankSource::Bundled => {
                let paths = bundled::FOLDERS.iter().map(PathBuf::from).collect();
                Ok(PartialBank::whole(paths, self.load_checked(None)?))
            }
        }
    }
}

impl fmt::Display for BankSource {
    /// As messages name it: "question-bank, mark-schemes" or "the bank built into examkit".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BankSource::Paths(paths) => {
                let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
                f.write_str(&shown.join(", "))
            }
            BankSource::Bundled => f.write_str("the bank built into examkit"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_current_folders_bank_else_the_bundled_one() {
        assert_eq!(
            BankSource::choose(&[PathBuf::from("my-bank")]),
            BankSource::Paths(vec![PathBuf::from("my-bank")])
        );
        // Tests run in the repository root, which has both folders.
        assert_eq!(
            BankSource::choose(&[]),
            BankSource::Paths(vec!["question-bank".into(), "mark-schemes".into()])
        );
        let empty = tempfile::tempdir().unwrap();
        assert_eq!(BankSource::default_in(empty.path()), BankSource::Bundled);
        let bundled = BankSource::Bundled.load_checked(None).unwrap();
        let here = BankSource::choose(&[]).load_checked(None).unwrap();
        assert_eq!(bundled.questions.len(), here.questions.len());
        assert_eq!(bundled.version, here.version);
    }
}
