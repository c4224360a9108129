//! The marking engine: match an answer against a scheme's points and give a mark with its
//! reasons. No I/O here: callers pass text in and get a [`MarkResult`] out; printing it is
//! [`crate::report`]'s job.
//!
//! # Why the marker matches on normalised tokens
//!
//! Students type fast and spell freely: "Kruschev", "Rakosi" for "Rákosi", "didn’t" with a
//! curly apostrophe, "de-stalinisation" or "destalinisation", "weakening" where the scheme
//! says "weaken". Matching raw text (substrings or regexes over what was typed) would make
//! every scheme list every such variant, and would still credit "Khrushchev did not release
//! prisoners" for "released prisoners". So an answer is read once into tokens — folded to
//! plain lower-case ASCII, split at punctuation and hyphens, stemmed, with years kept exact
//! and each token's byte span in the original kept for evidence — and grouped into
//! sentences and clauses. A scheme's phrases are compiled the same way, once, into word ids
//! (synonyms expanded, misspelling allowances fixed by word length). Matching is then a
//! question about token positions — are these words in one sentence, close enough, in
//! order if required, with no negator governing them, saying more than the question did? —
//! which is both the rule a teacher applies and cheap enough to mark hundreds of thousands
//! of answers a second. The spans turn every decision back into the student's own words.
//!
//! Stages: [`crate::text`] (normalise, tokens, sentences, stems) → `compile` (patterns to
//! word ids) → `matcher` (where patterns occur, negation, echo) → `develop` (is a point
//! explained?) → `score` (points with "any N" and caps, or levels) → [`MarkResult`].

mod choice;
mod claims;
mod compile;
mod develop;
mod factor;
pub mod marker;
mod matcher;
mod registry;
pub mod result;
mod score;

pub use compile::build_regex;
pub use marker::{MarkError, Marker};
pub use registry::Markers;
pub use result::{
    Evidence, LevelOutcome, Mark, MarkResult, PenaltyOutcome, PointOutcome, PointStatus,
};
pub use score::is_list_only;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_words;
