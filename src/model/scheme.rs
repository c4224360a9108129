//! Mark scheme files: `mark-schemes/<subject>/<topic>.yaml`.
//!
//! Schemes live apart from questions so that a bank can be given to students without its
//! answers. A scheme is keyed by question id (and part label, for a question with parts).
//!
//! Two marking styles are modelled, because the boards use both:
//! - **points**: each creditworthy point earns marks when the answer says it in one of the
//!   accepted ways, with optional extra marks for developing it ("identify one, develop one");
//! - **levels of response**: the answer's distinct points and how many are developed place it
//!   in a level, and the mark within the level follows from how fully it meets the level.
//!
//! Multiple-choice questions have a third, trivial style: the right option.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One mark-scheme file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SchemeFile {
    /// Subject key, matching the question bank's.
    pub subject: String,
    /// Topic key, matching the question bank's.
    pub topic: String,
    /// The schemes in this file.
    pub schemes: Vec<Scheme>,
}

/// The mark scheme for one question or one part of a question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scheme {
    /// Id of the question this scheme marks.
    pub question: String,
    /// Label of the part this scheme marks, for a question with parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// Maximum mark; must equal the question's (or part's) marks.
    pub max: u32,
    /// A full-mark answer in a student's voice. Shown after marking, printed in the mark
    /// scheme, and used as a self-test: the model answer must earn full marks.
    pub model_answer: String,
    /// Indicative content and advice for the teacher, one item a line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guidance: Vec<String>,
    /// Words of the question that earn nothing on their own: by default every content word
    /// of the question text is echo; list here words that *do* count for this question.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub echo_allowed: Vec<String>,
    /// Synonym groups for this scheme only, by name, added to the subject's shared groups
    /// (`synonyms.yaml`). As with shared groups, a phrase word that belongs to a group
    /// matches every member of it, and `@name` in a phrase stands for the whole group.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub synonyms: BTreeMap<String, Vec<String>>,
    /// How marks are given. Written as a map with one key (`points:`, `levels:` or
    /// `choice:`) rather than a YAML tag, which is what teachers expect to type.
    #[serde(with = "serde_yaml::with::singleton_map")]
    #[schemars(with = "Rules")]
    pub rules: Rules,
    /// Deductions for answers that say something wrong or self-contradictory.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub penalties: Vec<Penalty>,
    /// Drafted by a program (`examkit import notes`) and not yet reviewed: its points and
    /// accepted phrasings are guesses from the notes. `examkit check` lists each draft as a
    /// note; delete the line once the scheme has been read.
    #[serde(default, skip_serializing_if = "is_false")]
    pub draft: bool,
}

/// How a scheme gives marks. Written in YAML as a map with exactly one of the keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub enum Rules {
    /// Marks per creditworthy point.
    Points(PointRules),
    /// Levels of response.
    Levels(LevelRules),
    /// Multiple choice.
    Choice(ChoiceRules),
}

/// Point-based marking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PointRules {
    /// "Any N of these": only the N best-scoring points count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choose: Option<u32>,
    /// The most the points together may earn (below `max` when, say, a list of facts may
    /// earn at most 2 of 4 marks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<u32>,
    /// The creditworthy points.
    pub points: Vec<Point>,
}

/// A creditworthy point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// Short id, unique within the scheme (used in reports and class summaries).
    pub id: String,
    /// What the point is, in words a student understands: shown in feedback.
    pub label: String,
    /// Marks for making the point.
    #[serde(default = "one")]
    pub marks: u32,
    /// Ways of saying it: any one credits the point.
    pub accept: Vec<Pattern>,
    /// Ways of saying it wrongly: if any is present, the point is not credited.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reject: Vec<Pattern>,
    /// Extra marks for developing the point (explaining, supporting, giving a consequence).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub develop: Option<Development>,
    /// For levels marking with a judgement: which side of the argument the point supports,
    /// e.g. `for`/`against`, or a factor name. Balance is the number of sides covered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<String>,
    /// The point needs describing, not only naming: it is credited only where the answer
    /// says something about it in a sentence of its own, never for its name in a list.
    #[serde(default, skip_serializing_if = "is_false")]
    pub describe: bool,
    /// The words that make this point may also make another point. By default one word
    /// of an answer evidences at most one point ("lied" is not both "the USA lied about
    /// the flight" and "the source is biased").
    #[serde(default, skip_serializing_if = "is_false")]
    pub shares_words: bool,
}

fn is_false(b: &bool) -> bool {
    !b
}

fn one() -> u32 {
    1
}

/// Extra credit for developing a point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Development {
    /// Marks for the development.
    #[serde(default = "one")]
    pub marks: u32,
    /// Supporting detail that counts as development. When empty, any explanation counts:
    /// a connective ("because", "which meant", "as a result", "this led to"…) followed by
    /// real content, in the same sentence as the point or the next.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accept: Vec<Pattern>,
}

/// A deduction for saying something wrong.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Penalty {
    /// What is wrong, shown in feedback ("De-Stalinisation did not begin in 1953").
    pub label: String,
    /// The wrong statement, in any of its phrasings.
    pub when: Vec<Pattern>,
    /// Marks deducted (the total never goes below 0).
    #[serde(default = "one")]
    pub marks: u32,
}

/// Levels-of-response marking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LevelRules {
    /// Indicative content the engine looks for; each point's `side` gives balance.
    pub points: Vec<Point>,
    /// The levels, lowest first; mark ranges must not overlap or leave gaps.
    pub levels: Vec<Level>,
    /// Limits on the level an answer can reach.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caps: Vec<Cap>,
}

/// One level of response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Level number, from 1.
    pub level: u32,
    /// Lowest and highest mark in the level, inclusive: `[3, 4]`.
    pub marks: [u32; 2],
    /// The descriptor as a teacher reads it.
    pub descriptor: String,
    /// What an answer must show to be placed in this level.
    #[serde(default)]
    pub requires: LevelRequirements,
}

/// Observable criteria for a level. All must hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LevelRequirements {
    /// At least this many distinct points.
    #[serde(default)]
    pub points: u32,
    /// At least this many of them developed or explained.
    #[serde(default)]
    pub developed: u32,
    /// At least this many sides (or factors) covered.
    #[serde(default)]
    pub sides: u32,
}

/// A limit on the level an answer can reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cap {
    /// When the limit applies.
    pub when: CapCondition,
    /// The highest level such an answer can reach.
    pub max_level: u32,
}

/// Conditions that cap a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CapCondition {
    /// Only one side of the argument is covered.
    OneSided,
    /// No point is developed.
    Undeveloped,
    /// The answer is a list of words or fragments rather than sentences.
    ListOnly,
}

/// Multiple-choice marking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChoiceRules {
    /// The label of the right option (`B`).
    pub correct: String,
}

/// An accepted (or rejected) phrasing.
///
/// Written either as a plain string — a word or phrase, matched on normalised, stemmed
/// words with a small gap allowed between them; `a|b` offers alternatives for one word and
/// `@group` stands for a shared synonym group — or as a map for finer control.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Pattern {
    /// A phrase with default matching.
    Phrase(String),
    /// A phrase or rule with options.
    Spec(PatternSpec),
}

/// A phrasing with options. Exactly one of `phrase`, `all`, `any` or `regex` is set.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PatternSpec {
    /// A phrase, as in the plain-string form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phrase: Option<String>,
    /// Several things that must all be said, in any order, within `window` words of each
    /// other (e.g. "troops" and "Austria").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub all: Vec<Pattern>,
    /// Alternatives: any one will do.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub any: Vec<Pattern>,
    /// A regular expression, matched against the normalised answer text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regex: Option<String>,
    /// Most words allowed between consecutive matched words of a phrase (default 3). Only
    /// content words count: stop words ("the", "of", "was"…) between them are free, so a
    /// student's filler never breaks a match. Inherited by the parts of an `all` or `any`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gap: Option<u32>,
    /// Whether a phrase's words must come in the order written (default false: any order,
    /// since "the Wall was built by the East Germans" says what "East Germany built the
    /// Wall" says). Inherited by the parts of an `all` or `any`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordered: Option<bool>,
    /// For `all`: most words between the first and last item (default: same sentence).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<u32>,
    /// Whether misspellings are tolerated (default true; set false where one letter changes
    /// the meaning).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fuzzy: Option<bool>,
    /// Whether words are stemmed before matching (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stem: Option<bool>,
}

impl Scheme {
    /// The key this scheme is filed under: `id` or `id/part`.
    pub fn key(&self) -> String {
        match &self.part {
            Some(part) => format!("{}/{}", self.question, part),
            None => self.question.clone(),
        }
    }
}

impl Rules {
    /// The points this scheme looks for (none for multiple choice).
    pub fn points(&self) -> &[Point] {
        match self {
            Rules::Points(p) => &p.points,
            Rules::Levels(l) => &l.points,
            Rules::Choice(_) => &[],
        }
    }
}
