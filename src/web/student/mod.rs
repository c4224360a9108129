//! The student pages under `/`: choose what to practise, answer a question (the draft saved
//! as they type), see it marked with the words that earned each point, try again, and see
//! their progress. Every page works as a plain HTML form; `app.js` only adds autosave and a
//! live word count.

pub mod choose;
pub mod highlight;
pub mod join;
pub mod progress;
pub mod question;
pub mod result;

use super::error::WebError;
use super::layout::PageMeta;
use super::state::AppState;
use super::store::Student;
use crate::model::Board;
use crate::practice::Item;
use axum::Router;
use axum::routing::{get, post};

/// The student routes (behind the student gate).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(choose::show))
        .route("/next", get(choose::next))
        .route("/q/{id}", get(question::whole))
        .route("/q/{id}/{part}", get(question::part))
        .route("/mark", post(question::mark))
        .route("/draft", post(question::save_draft))
        .route("/attempts/{id}", get(result::show))
        .route("/progress", get(progress::show))
}

/// Any path no route knows.
pub async fn not_found() -> WebError {
    WebError::NotFound("there is no page here: go back to practice".into())
}

/// The frame's settings for a student page.
pub fn meta(state: &AppState, student: &Student, title: &str, current: &'static str) -> PageMeta {
    let mut meta = PageMeta::student(title).at(current);
    if !state.access.open {
        meta.who = Some(student.name.clone());
    }
    meta
}

/// The page of an item: `/q/id` or `/q/id/part`.
pub fn item_path(key: &str) -> String {
    format!("/q/{key}")
}

/// How `board` prints the number of the `n`th item and its marks: AQA `01` and
/// `[4 marks]`, Edexcel `1` and `(4)`, Cambridge `1 (a)` and `[4]`.
pub fn board_style(board: Board, n: usize, item: &Item<'_>) -> (String, String) {
    let marks = item.marks();
    let part = item.part.map(|p| p.label.as_str());
    match board {
        Board::Aqa => (
            match part {
                Some(_) => format!(
                    "{n:02}.{}",
                    item.question
                        .question
                        .parts
                        .iter()
                        .position(|p| Some(p.label.as_str()) == part)
                        .map_or(1, |i| i + 1)
                ),
                None => format!("{n:02}"),
            },
            format!("[{marks} mark{}]", if marks == 1 { "" } else { "s" }),
        ),
        Board::Edexcel => (
            match part {
                Some(p) => format!("{n}({p})"),
                None => n.to_string(),
            },
            format!("({marks})"),
        ),
        Board::Cie => (
            match part {
                Some(p) => format!("{n} ({p})"),
                None => n.to_string(),
            },
            format!("[{marks}]"),
        ),
    }
}

/// Words in an answer, as the live count shows them.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}
