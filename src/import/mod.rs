//! Readers for other formats of marked answers, turned into examkit's moderation rows, so
//! that public corpora (and other tools' exports) can be moderated like a teacher's own
//! marks.

pub mod semeval;
