//! Page layout: measure a paper's blocks and distribute them onto A4 pages in a board's
//! house style. Produces positioned items; [`crate::pdf`] turns them into bytes.
//!
//! Layout measures before it draws. Every block of a paper — cover, section rubric,
//! question heading, framed source, options, ruled answer lines, totals — is composed into
//! strips whose heights and text widths are known from the real font ([`font`]); only then
//! are strips distributed onto pages ([`distribute`]), under keep-together rules that a
//! printed exam needs: a question heading is never left at the foot of a page without its
//! first answer lines, and a long source breaks between its lines with its frame closed on
//! one page and continued on the next. Because the result is plain data ([`page`]), every
//! rule can be tested without reading a PDF back, and another output (a PNG preview, HTML)
//! can reuse it.
//!
//! What differs between boards lives in [`style`]: one module each for AQA, Pearson
//! Edexcel and Cambridge IGCSE.

mod compose;
mod distribute;
pub mod font;
mod insert;
pub mod page;
mod question_paper;
mod scheme;
pub mod style;
mod wrap;

pub use page::{Bounds, Dash, Document, Frame, Item, PRINTABLE, Page, Rule, TextRun};

use crate::paper::Paper;
use font::{FontBook, FontError};

/// Lays out the question paper of `paper` in its board's house style.
pub fn question_paper(paper: &Paper) -> Result<Document, FontError> {
    let book = FontBook::get()?;
    let style = style::for_board(paper.blueprint.board);
    Ok(question_paper::lay_out(paper, style, book))
}

/// Lays out the mark scheme of `paper` in its board's house style.
pub fn mark_scheme(paper: &Paper) -> Result<Document, FontError> {
    let book = FontBook::get()?;
    let style = style::for_board(paper.blueprint.board);
    Ok(scheme::lay_out(paper, style, book))
}

/// Lays out the sources insert of `paper`, if it has one (see [`style::uses_insert`]).
pub fn insert(paper: &Paper) -> Result<Option<Document>, FontError> {
    if !style::uses_insert(paper) {
        return Ok(None);
    }
    let book = FontBook::get()?;
    let style = style::for_board(paper.blueprint.board);
    Ok(Some(insert::lay_out(paper, style, book)))
}

#[cfg(test)]
mod tests;
