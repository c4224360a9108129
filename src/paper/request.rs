//! What a teacher asks for when making papers — a blueprint, or board + topics + marks; a
//! seed; how many variants; where sources go — and the papers that answers it.
//!
//! One request, two doors: `examkit generate` builds it from flags and the web app's "make a
//! paper" page from a form, and both get the same papers (so the same bytes) from
//! [`choose`] and [`finish`]. Choosing needs only the bank's questions; `generate` loads the
//! chosen questions' schemes between the two steps (see [`crate::bank::partial`]).

use super::Paper;
use super::quick::{QuickError, QuickRequest, quick_paper};
use super::select::{self, SelectError};
use crate::bank::Bank;
use crate::model::{Blueprint, Board, SourcePlacement};
use std::collections::BTreeSet;

/// The most variants one request may make (as `generate --variants` allows).
pub const MAX_VARIANTS: u32 = 500;

/// The paper's shape.
#[derive(Debug, Clone)]
pub enum Shape {
    /// Fill a blueprint.
    Blueprint(Blueprint),
    /// The quick form: one section of `marks` marks from `board`'s questions on `topics`
    /// (all topics when empty).
    Quick {
        /// Board whose style and questions to use.
        board: Board,
        /// Subject key.
        subject: String,
        /// Topic keys.
        topics: Vec<String>,
        /// Total content marks.
        marks: u32,
    },
}

/// Everything that decides which papers are made.
#[derive(Debug, Clone)]
pub struct PaperRequest {
    /// Blueprint or quick form.
    pub shape: Shape,
    /// The seed: the same seed gives the same papers.
    pub seed: u64,
    /// How many different papers (1 to [`MAX_VARIANTS`]).
    pub variants: u32,
    /// Where sources are printed, overriding the blueprint and board (`None`: theirs).
    pub sources: Option<SourcePlacement>,
}

/// Why no papers could be made.
#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    /// The quick form makes one paper per seed.
    #[error(
        "variants need a blueprint; the quick form (board, topics, marks) makes one paper per seed"
    )]
    QuickVariants,
    /// Zero or too many variants.
    #[error("the number of variants must be between 1 and {MAX_VARIANTS}, not {0}")]
    Variants(u32),
    /// The blueprint cannot be filled.
    #[error(transparent)]
    Select(#[from] SelectError),
    /// The quick form cannot be filled.
    #[error(transparent)]
    Quick(#[from] QuickError),
}

/// The papers `request` asks for, chosen from `bank`'s questions, without their schemes
/// (give them with [`finish`]).
pub fn choose(bank: &Bank, request: &PaperRequest) -> Result<Vec<Paper>, RequestError> {
    if request.variants == 0 || request.variants > MAX_VARIANTS {
        return Err(RequestError::Variants(request.variants));
    }
    match &request.shape {
        Shape::Quick {
            board,
            subject,
            topics,
            marks,
        } => {
            if request.variants > 1 {
                return Err(RequestError::QuickVariants);
            }
            let quick = QuickRequest {
                board: *board,
                subject: subject.clone(),
                topics: topics.clone(),
                marks: *marks,
                seed: request.seed,
            };
            Ok(vec![quick_paper(bank, &quick)?])
        }
        Shape::Blueprint(blueprint) => Ok(select::select_variants(
            bank,
            blueprint,
            request.seed,
            request.variants,
        )?),
    }
}

/// The ids of every question the papers print: the schemes `finish` will need.
pub fn question_ids(papers: &[Paper]) -> BTreeSet<String> {
    papers
        .iter()
        .flat_map(Paper::questions)
        .map(|q| q.question.id.clone())
        .collect()
}

/// Give the papers their schemes from `bank` and the request's source placement: they are
/// then ready to lay out.
pub fn finish(papers: &mut [Paper], bank: &Bank, request: &PaperRequest) {
    for paper in papers {
        paper.attach_schemes(bank);
        if let Some(placement) = request.sources {
            paper.blueprint.sources = Some(placement);
        }
    }
}
