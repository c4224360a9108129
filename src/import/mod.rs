//! Bringing other people's material into examkit: marked answers from public corpora (and
//! other tools' exports) as moderation rows, and revision notes as draft bank and scheme
//! files.

pub mod notes;
pub mod semeval;
