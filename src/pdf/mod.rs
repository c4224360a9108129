//! PDF output: turns laid-out pages into PDF bytes with an embedded, subsetted font.
//! (Interface placeholder: the layout engine replaces these bodies.)

use crate::paper::Paper;

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// Rendering is not available.
    #[error("PDF rendering is not built yet")]
    NotBuilt,
}

/// The question paper for `paper`, as PDF bytes.
pub fn question_paper(paper: &Paper) -> Result<Vec<u8>, RenderError> {
    let _ = paper;
    Err(RenderError::NotBuilt)
}

/// The mark scheme for `paper`, as PDF bytes.
pub fn mark_scheme(paper: &Paper) -> Result<Vec<u8>, RenderError> {
    let _ = paper;
    Err(RenderError::NotBuilt)
}
