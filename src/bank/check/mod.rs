//! The checks that need the whole bank: things every file can get right on its own and
//! still be wrong together (a scheme for a question that does not exist, marks that cannot
//! add up, a blueprint the bank cannot fill).
//!
//! Each concern has its own module; all of them report through a [`Checker`] that turns a
//! YAML path (`schemes[2].rules.points.choose`) into the file, line and column of that node,
//! so every message points where the teacher must edit. `generate` and `mark` call
//! [`load_checked`] and so refuse a broken bank with exactly the messages `examkit check`
//! prints.

mod blueprints;
mod bounds;
mod drafts;
mod headers;
mod patterns;
mod printing;
mod questions;
mod schemes;
mod synonyms;

pub use patterns::group_refs;

use super::{Bank, Diagnostic, Location, Severity, load};
use std::fmt;
use std::path::{Path, PathBuf};

/// Every problem the bank has as a whole, sorted by file, line and column.
pub fn check(bank: &Bank) -> Vec<Diagnostic> {
    check_with(bank, true)
}

/// As [`check`]; with `locate_warnings` false, warnings all point at the start of their
/// file, for callers that only need to know whether there are errors.
pub(super) fn check_with(bank: &Bank, locate_warnings: bool) -> Vec<Diagnostic> {
    let mut checker = Checker {
        bank,
        out: Vec::new(),
        locate_warnings,
        unbounded: bounds::Unbounded::default(),
    };
    checker.unbounded = bounds::check(&mut checker);
    headers::check(&mut checker);
    questions::check(&mut checker);
    printing::check(&mut checker);
    schemes::check(&mut checker);
    patterns::check(&mut checker);
    synonyms::check(&mut checker);
    blueprints::check(&mut checker);
    drafts::check(&mut checker);
    let mut out = checker.out;
    sort(&mut out);
    out
}

/// Sort problems by file, line and column, and drop exact repeats.
pub fn sort(problems: &mut Vec<Diagnostic>) {
    problems.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.severity, &a.message)
            .cmp(&(&b.file, b.line, b.column, b.severity, &b.message))
    });
    problems.dedup();
}

/// The line `examkit check` ends with, also shown by the web app's bank page:
/// "checked 12 files (80 questions, 96 schemes, 3 blueprints): 2 errors, 1 warning", with
/// ", 9 notes" (or "no problems, 9 notes") when drafts wait to be reviewed.
pub fn summary(bank: &Bank, problems: &[Diagnostic]) -> String {
    let count = |severity: Severity| problems.iter().filter(|d| d.severity == severity).count();
    let (errors, warnings, notes) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note),
    );
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut found = if errors + warnings == 0 {
        "no problems".to_string()
    } else {
        format!(
            "{}, {}",
            plural(errors, "error", "errors"),
            plural(warnings, "warning", "warnings")
        )
    };
    if notes > 0 {
        found.push_str(&format!(", {}", plural(notes, "note", "notes")));
    }
    format!(
        "checked {} ({}, {}, {}): {found}",
        plural(bank.locations.files.len(), "file", "files"),
        plural(bank.questions.len(), "question", "questions"),
        plural(bank.schemes.len(), "scheme", "schemes"),
        plural(bank.blueprints.len(), "blueprint", "blueprints"),
    )
}

/// Load everything under `paths` and check it; the bank only if it has no errors.
pub fn load_checked(paths: &[PathBuf]) -> Result<Bank, BrokenBank> {
    let (bank, problems) = load(paths);
    check_loaded(bank, problems)
}

/// Check a bank just loaded, with the problems met loading it: the bank only if it has no
/// errors.
pub(super) fn check_loaded(bank: Bank, problems: Vec<Diagnostic>) -> Result<Bank, BrokenBank> {
    // Warnings are returned only beside errors, and locating one can mean indexing its whole
    // file (as costly as parsing it again); so check first without locating them, and only
    // for a broken bank check again to report every problem in full.
    let unlocated = if problems.iter().any(Diagnostic::is_error) {
        Vec::new() // the full check below is needed anyway
    } else {
        check_with(&bank, false)
    };
    checked(bank, problems, &unlocated)
}

/// The bank if it has no errors, given the problems met loading it and what
/// `check_with(&bank, false)` found; else every problem, located.
pub(super) fn checked(
    bank: Bank,
    mut problems: Vec<Diagnostic>,
    unlocated: &[Diagnostic],
) -> Result<Bank, BrokenBank> {
    if !problems.iter().any(Diagnostic::is_error) && !unlocated.iter().any(Diagnostic::is_error) {
        return Ok(bank);
    }
    problems.extend(check(&bank));
    sort(&mut problems);
    if problems.iter().any(Diagnostic::is_error) {
        Err(BrokenBank { problems })
    } else {
        Ok(bank)
    }
}

/// A bank with errors: every problem found, errors and warnings, sorted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct BrokenBank {
    /// The problems, as `examkit check` prints them.
    pub problems: Vec<Diagnostic>,
}

impl BrokenBank {
    /// How many of the problems are errors.
    pub fn errors(&self) -> usize {
        self.problems.iter().filter(|d| d.is_error()).count()
    }
}

impl fmt::Display for BrokenBank {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors = self.errors();
        writeln!(
            f,
            "the question bank has {errors} {} (run `examkit check` to see them again):",
            if errors == 1 { "error" } else { "errors" }
        )?;
        for problem in self
            .problems
            .iter()
            .filter(|d| d.severity == Severity::Error)
        {
            writeln!(f, "{problem}")?;
        }
        Ok(())
    }
}

/// Collects problems, locating each by the YAML path of the node it concerns.
pub(crate) struct Checker<'a> {
    bank: &'a Bank,
    out: Vec<Diagnostic>,
    /// Whether warnings get their line and column (else the start of their file).
    locate_warnings: bool,
    /// Items with a number past its bound: reported once, and left out of the checks that
    /// add numbers up or build from them.
    unbounded: bounds::Unbounded,
}

impl Checker<'_> {
    /// Where the value at `path` in `file` is.
    fn at(&self, file: &Path, path: &str) -> Location {
        self.bank.locations.locate(file, path)
    }

    /// Where the key at `path` in `file` is.
    fn at_key(&self, file: &Path, path: &str) -> Location {
        self.bank.locations.locate_key(file, path)
    }

    /// `file:line:col` of the value at `path`, for "first defined at" notes.
    fn place(&self, file: &Path, path: &str) -> String {
        let at = self.at(file, path);
        format!("{}:{}:{}", file.display(), at.line, at.column)
    }

    /// An error at the value of `path`.
    fn error(
        &mut self,
        file: &Path,
        path: &str,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        let at = self.at(file, path);
        self.out
            .push(Diagnostic::error_at(file, at, message).with_help(help));
    }

    /// An error at the key of `path`.
    fn error_key(
        &mut self,
        file: &Path,
        path: &str,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        let at = self.at_key(file, path);
        self.out
            .push(Diagnostic::error_at(file, at, message).with_help(help));
    }

    /// A warning at the value of `path`.
    fn warning(
        &mut self,
        file: &Path,
        path: &str,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        let at = self.quiet_at(file, path, false);
        self.out
            .push(Diagnostic::warning_at(file, at, message).with_help(help));
    }

    /// Where a warning or note at `path` (its key, with `key`) is reported: its place,
    /// unless warnings are not being located.
    fn quiet_at(&self, file: &Path, path: &str, key: bool) -> Location {
        match (self.locate_warnings, key) {
            (false, _) => Location::START,
            (true, false) => self.at(file, path),
            (true, true) => self.at_key(file, path),
        }
    }

    /// A note at the key of `path` (a draft to review).
    fn note(
        &mut self,
        file: &Path,
        path: &str,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        let at = self.quiet_at(file, path, true);
        self.out
            .push(Diagnostic::note_at(file, at, message).with_help(help));
    }
}

/// `a`, `b` and `c` as "a, b, c".
fn join<T: fmt::Display>(items: impl IntoIterator<Item = T>) -> String {
    items
        .into_iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// "1 mark" / "4 marks".
use crate::prose::plural as marks;

#[cfg(test)]
mod tests {
    use super::*;

    /// A broken bank is refused with every problem, warnings located as `check` locates
    /// them (`load_checked` skips locating warnings only while the bank may be clean).
    #[test]
    fn a_broken_bank_reports_every_problem_located() {
        let paths = [
            PathBuf::from("tests/fixtures/check/multi-word-alternatives"),
            PathBuf::from("tests/fixtures/check/duplicate-id"),
        ];
        let broken = load_checked(&paths).expect_err("duplicate id");
        let (bank, mut expected) = load(&paths);
        expected.extend(check(&bank));
        sort(&mut expected);
        assert_eq!(broken.problems, expected);
        assert!(
            broken.problems.iter().any(|d| !d.is_error() && d.line > 1),
            "{expected:?}"
        );
    }
}
