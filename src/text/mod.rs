//! Text handling for marking: normalisation, tokens, sentences and stems.
//!
//! An answer is read once into an [`Analysis`]: a list of [`Token`]s, each a folded,
//! lower-case word with its Snowball stem and the byte span it came from in the original
//! answer, grouped into sentences and clauses. Everything the marker decides is decided on
//! these tokens; the spans exist so that every decision can be shown to the student as the
//! exact words they typed.

pub mod fold;
pub mod stems;
pub mod tokens;
pub mod words;

pub use fold::fold_char;
pub use stems::stem;
pub use tokens::{Analysis, Span, Token, analyse};
