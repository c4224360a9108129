//! The teacher pages under `/teacher/`. Every route here sits behind
//! [`teacher_gate`](super::access::teacher_gate) and the teacher body limit (class uploads);
//! add a page by adding a module and a `.route(...)` line in [`routes`].

use super::layout::{PageMeta, page};
use super::state::AppState;
use axum::Router;
use axum::extract::State;
use axum::response::Redirect;
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
}

/// `GET /teacher/`: what the bank holds and how students join.
async fn index(State(state): State<AppState>) -> Markup {
    let bank = &state.bank;
    let topics: BTreeSet<(&str, &str)> = bank
        .questions
        .iter()
        .map(|q| (q.topic.as_str(), q.topic_title.as_str()))
        .collect();
    let access = &state.access;
    page(
        &PageMeta::teacher("Teacher home").at("/teacher/"),
        html! {
            h1 { "Teacher home" }
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
