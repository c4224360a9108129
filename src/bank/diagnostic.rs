//! Problems found in a teacher's files, each pointing at file, line and column.

use std::fmt;
use std::path::PathBuf;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The file cannot be used as it is.
    Error,
    /// Worth a look, but examkit can go on.
    Warning,
    /// Nothing wrong, but a teacher should know: an item marked `draft` waits to be
    /// reviewed. Never stops a command, and a bank with only notes is cached like a clean one.
    Note,
}

impl Severity {
    /// As printed: "error", "warning" or "note".
    pub fn word(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// One problem, located, with a plain-English way to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// The file it is in.
    pub file: PathBuf,
    /// 1-based line, 0 when the problem is about the whole file.
    pub line: usize,
    /// 1-based column, 0 when unknown.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error at a place in a file.
    pub fn error(
        file: impl Into<PathBuf>,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line,
            column,
            message: message.into(),
            help: None,
        }
    }

    /// An error at a [`Location`](super::Location).
    pub fn error_at(
        file: impl Into<PathBuf>,
        at: super::Location,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic::error(file, at.line, at.column, message)
    }

    /// A warning at a [`Location`](super::Location).
    pub fn warning_at(
        file: impl Into<PathBuf>,
        at: super::Location,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic::error(file, at.line, at.column, message).as_warning()
    }

    /// A note at a [`Location`](super::Location).
    pub fn note_at(
        file: impl Into<PathBuf>,
        at: super::Location,
        message: impl Into<String>,
    ) -> Self {
        let mut note = Diagnostic::error(file, at.line, at.column, message);
        note.severity = Severity::Note;
        note
    }

    /// The same problem, as a warning.
    pub fn as_warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// Whether it stops the file being used.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Whether it is only a note (a draft to review), not a problem.
    pub fn is_note(&self) -> bool {
        self.severity == Severity::Note
    }

    /// Attach a suggested fix.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = self.severity.word();
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.file.display(),
            self.line,
            self.column,
            kind,
            self.message
        )?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}
