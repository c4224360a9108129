//! The exam boards whose house styles examkit reproduces.

use super::question::QuestionType;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// An exam board. Questions list the boards they suit; a blueprint names the one it is for.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Board {
    /// AQA (GCSE 9–1).
    Aqa,
    /// Pearson Edexcel (GCSE 9–1).
    Edexcel,
    /// Cambridge International (IGCSE).
    Cie,
}

impl Board {
    /// Every board, in a fixed order (used for stable listings).
    pub const ALL: [Board; 3] = [Board::Aqa, Board::Edexcel, Board::Cie];

    /// The short lowercase key used in YAML and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Board::Aqa => "aqa",
            Board::Edexcel => "edexcel",
            Board::Cie => "cie",
        }
    }

    /// Whether the board's papers set questions of this type, so that a paper examkit
    /// composes on its own (the quick form) looks like one the board would print. Pearson
    /// Edexcel's GCSE papers set no multiple-choice questions; such questions in a bank
    /// marked for Edexcel still serve practice and blueprints that ask for them.
    pub fn sets(self, kind: QuestionType) -> bool {
        !matches!((self, kind), (Board::Edexcel, QuestionType::MultipleChoice))
    }

    /// The name a teacher would recognise.
    pub fn display_name(self) -> &'static str {
        match self {
            Board::Aqa => "AQA",
            Board::Edexcel => "Pearson Edexcel",
            Board::Cie => "Cambridge IGCSE",
        }
    }
}

impl fmt::Display for Board {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// Returned when a board name is not one examkit knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown board `{0}`: expected one of aqa, edexcel, cie")]
pub struct UnknownBoard(pub String);

impl FromStr for Board {
    type Err = UnknownBoard;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "aqa" => Ok(Board::Aqa),
            "edexcel" | "pearson" | "pearson-edexcel" => Ok(Board::Edexcel),
            "cie" | "cambridge" | "caie" => Ok(Board::Cie),
            _ => Err(UnknownBoard(s.to_string())),
        }
    }
}
