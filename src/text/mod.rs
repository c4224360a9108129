//! Text handling for marking: normalisation, tokens, sentences and stems.
//!
//! An answer is read once into an [`Analysis`]: a list of [`Token`]s, each a folded,
//! lower-case word with its Snowball stem and the byte span it came from in the original
//! answer, grouped into sentences and clauses. Everything the marker decides is decided on
//! these tokens; the spans exist so that every decision can be shown to the student as the
//! exact words they typed.

pub mod dictionary;
pub mod fold;
pub mod stems;
pub mod tokens;
pub mod words;

pub use fold::fold_char;
pub use stems::stem;
pub use tokens::{Analysis, Span, Token, analyse};

/// A fast, deterministic hasher (FNV-1a) for the short word keys of the marker's maps.
/// SipHash's resistance to chosen keys buys nothing here (the keys are a scheme's own
/// words), and hashing every token of every answer is hot.
#[derive(Debug, Clone, Copy)]
pub struct WordHasher(u64);

impl Default for WordHasher {
    fn default() -> Self {
        WordHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A `HashMap` keyed by words, hashed with [`WordHasher`].
pub type WordMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<WordHasher>>;
