//! The marking engine: match an answer against a scheme's points and give a mark with its
//! reasons. No I/O here: callers pass text in and get a [`MarkResult`] out; printing it is
//! [`crate::report`]'s job.

pub mod result;

pub use result::{Evidence, LevelOutcome, MarkResult, PenaltyOutcome, PointOutcome, PointStatus};
pub mod marker;

pub use marker::{MarkError, Marker};
