//! The data model: what a teacher writes in YAML, as plain Rust types.
//!
//! These types know nothing about files, terminals or PDFs. Loading (with file, line and
//! column for every problem) lives in [`crate::bank`]; rendering in [`crate::layout`] and
//! [`crate::pdf`]; marking in [`crate::marking`]. Every type here derives `JsonSchema`, so
//! `examkit schema` can hand editors the exact shape of each format, and uses
//! `deny_unknown_fields`, so a misspelt key is an error rather than a silently ignored line.

pub mod blueprint;
pub mod board;
pub mod limits;
pub mod manifest;
pub mod prose;
pub mod question;
pub mod scheme;
pub mod synonyms;

pub use blueprint::{Blueprint, GradeBoundary, Section, Slot, SourcePlacement, Spread};
pub use board::Board;
pub use manifest::{Manifest, ManifestFile, ManifestItem, ManifestSection};
pub use question::{
    AnswerSpace, ChoiceOption, Part, Question, QuestionFile, QuestionType, Source, SourceKind,
};
pub use scheme::{
    Cap, CapCondition, ChoiceRules, Development, Level, LevelRequirements, LevelRules, Pattern,
    PatternSpec, Penalty, Point, PointRules, Rules, Scheme, SchemeFile,
};
pub use synonyms::SynonymFile;
