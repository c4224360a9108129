//! The teacher pages under `/teacher/`. Every route here sits behind
//! [`teacher_gate`](super::access::teacher_gate) and the teacher body limit (class uploads);
//! add a page by adding a module and a `.route(...)` line in [`routes`].
//!
//! One module a page: [`paper`] (make a paper, preview, downloads), [`class`] (mark a class's
//! upload), [`moderate`] (agreement with a teacher's marks), [`bank`] (browse the bank and
//! its problems); [`blueprints`] and [`upload`] serve them. Each page is a thin shell over
//! the library: the same calls as the command line, so the same papers, marks and reports.

pub mod bank;
pub mod blueprints;
pub mod class;
pub mod moderate;
pub mod paper;
pub mod upload;

use super::error::WebError;
use super::layout::{PageMeta, page};
use super::state::AppState;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use maud::{Markup, html};
use std::collections::BTreeSet;

/// The teacher routes, with their full paths.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/teacher",
            get(|| async { Redirect::permanent("/teacher/") }),
        )
        .route("/teacher/", get(index))
        .route("/teacher/paper", get(paper::show))
        .route("/teacher/paper/file/{name}", get(paper::file))
        .route("/teacher/paper/zip", get(paper::zip))
        .route("/teacher/class", get(class::show).post(class::submit))
        .route(
            "/teacher/moderate",
            get(moderate::show).post(moderate::submit),
        )
        .route("/teacher/bank", get(bank::show))
        .route("/teacher/bank/q/{id}", get(bank::question))
        .route("/teacher/fonts/{name}", get(font))
}

/// A form field's error, naming the field.
pub fn bad(field: &'static str, message: String) -> WebError {
    WebError::BadField { field, message }
}

/// Run CPU-bound work (laying out papers, marking a class) off the async workers.
pub async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, WebError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| WebError::Internal(format!("the work stopped: {e}")))
}

/// A teacher page in the shared frame, with `current` marked in the navigation.
pub fn teacher_page(title: &str, current: &'static str, main: Markup) -> Markup {
    page(&PageMeta::teacher(title).at(current), main)
}

/// `GET /teacher/fonts/{name}`: the paper's typeface, so previews look as the paper prints.
async fn font(Path(name): Path<String>) -> Response {
    match crate::svg::font_file(&name) {
        Some(bytes) => (
            [
                (header::CONTENT_TYPE, "font/ttf"),
                (header::CACHE_CONTROL, "public, max-age=86400"),
            ],
            bytes,
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "no such font").into_response(),
    }
}

/// `GET /teacher/`: what a teacher can do, what the bank holds and how students join.
async fn index(State(state): State<AppState>) -> Markup {
    let bank = &state.bank;
    let topics: BTreeSet<(&str, &str)> = bank
        .questions
        .iter()
        .map(|q| (q.topic.as_str(), q.topic_title.as_str()))
        .collect();
    let access = &state.access;
    teacher_page(
        "Teacher home",
        "/teacher/",
        html! {
            h1 { "Teacher home" }
            div.tiles {
                a.tile href="/teacher/paper" {
                    h2 { "Make a paper" }
                    p { "Blueprint or board, topics and marks: preview it, download the paper, insert, mark scheme and manifest — or a zip of variants." }
                }
                a.tile href="/teacher/class" {
                    h2 { "Mark a class" }
                    p { "Upload the class's typed answers: a mark sheet to sort and download, and the points they missed most." }
                }
                a.tile href="/teacher/moderate" {
                    h2 { "Moderate" }
                    p { "Upload answers you have marked: see how often examkit agrees with you, and why it does not." }
                }
                a.tile href="/teacher/bank" {
                    h2 { "The bank" }
                    p { "Browse the questions and their mark schemes, and any problems in the bank's files." }
                }
            }
            section.card {
                h2 { "The question bank" }
                p {
                    (bank.questions.len()) " questions with "
                    (bank.schemes.len()) " mark schemes on "
                    (topics.len()) " topics · bank version " code { (bank.version) }
                }
                ul.columns {
                    @for (_, title) in &topics { li { (title) } }
                }
            }
            section.card {
                h2 { "Students" }
                @if access.open {
                    p { "This server is only reachable from this computer, so nobody needs to log in. To let a class join from their own devices, start it on the school network with "
                        code { "examkit serve --host 0.0.0.0" } "." }
                } @else {
                    p { "Students open this server's address and join with the class code:" }
                    p.code-big { (access.class_code) }
                }
            }
        },
    )
}
