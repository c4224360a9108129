//! Mark-scheme rules in the words of a printed mark scheme.
//!
//! The marker's patterns are written for the marker: `arsenal|@missiles`, `(its|their)`,
//! regexes. A teacher reads a board's mark scheme instead: the creditworthy points in plain
//! words, "accept …" and "do not accept …" lists, marks per point and caps in the board's
//! manner, levels with their descriptors, indicative content. This is the one place that
//! turns a scheme's rules into those words; the PDF mark scheme ([`crate::layout`]), the
//! text report of `examkit mark` and the web app's bank view all print what it returns, so
//! a phrasing reads the same wherever a teacher meets it.
//!
//! ```
//! use examkit::prose::{Names, SchemeProse};
//! # let scheme: examkit::model::Scheme = serde_yaml::from_str(r#"
//! # question: q
//! # max: 1
//! # model_answer: Cominform was closed.
//! # rules: {points: {points: [{id: c, label: Cominform was closed, accept: ["closed|shut @cominform"]}]}}
//! # "#).unwrap();
//! let groups = std::collections::BTreeMap::from([(
//!     "cominform".to_string(),
//!     vec!["Cominform".to_string(), "Communist Information Bureau".to_string()],
//! )]);
//! let prose = SchemeProse::new(&scheme, &Names::new(&groups), None);
//! assert_eq!(
//!     prose.points()[0].accept,
//!     ["closed or shut Cominform (or Communist Information Bureau)"]
//! );
//! ```

mod manner;
mod names;
mod pattern;
mod regex;
mod scheme;
mod words;

pub use manner::{Manner, plural};
pub use names::Names;
pub use pattern::{pattern, phrasings};
pub use scheme::{LevelProse, Marking, PenaltyProse, PointProse, SchemeProse, spag_levels};
