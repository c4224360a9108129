//! Printers over marking results: text for people, JSON for programs, CSV for spreadsheets.
//!
//! Every printer takes plain data ([`MarkResult`](crate::marking::MarkResult),
//! [`PaperMarks`](crate::batch::PaperMarks), [`ClassSummary`](crate::batch::ClassSummary))
//! and a writer; none of them marks anything or knows where the text goes. Colour is written
//! as ANSI styles and stripped by the caller's stream (`anstream`) when the output is not a
//! terminal or `NO_COLOR` is set, so the text printer has one code path.

pub mod csv;
pub mod json;
pub mod text;

/// What an answer was marked against, for the report's heading.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AnswerHeading {
    /// Question id.
    pub question: String,
    /// Part label, for one part of a question.
    pub part: Option<String>,
    /// Topic key of the question.
    pub topic: String,
    /// The question (or part) text as printed.
    pub text: String,
}
