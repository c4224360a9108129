//! `/`: choose a board, topics and a question type (or a mix); `/next`: the next question
//! those allow, from the one practice core.

use super::{item_path, meta};
use crate::model::{Board, QuestionType};
use crate::practice;
use crate::web::access::CurrentStudent;
use crate::web::api::QuestionQuery;
use crate::web::error::WebError;
use crate::web::layout;
use crate::web::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Query;
use maud::{Markup, html};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// `GET /`.
pub async fn show(
    State(state): State<AppState>,
    CurrentStudent(student): CurrentStudent,
    Query(query): Query<QuestionQuery>,
) -> Result<Markup, WebError> {
    let id = student.id;
    let attempts = state.store.call(move |s| s.attempts(id)).await?;
    let due = practice::due_again(&super::progress::records(&attempts)).len();
    Ok(choose_page(
        &state,
        &student,
        &query,
        None,
        attempts.len(),
        due,
    ))
}

fn choose_page(
    state: &AppState,
    student: &crate::web::store::Student,
    query: &QuestionQuery,
    problem: Option<&str>,
    answered: usize,
    due: usize,
) -> Markup {
    let bank = &state.bank;
    let topics: BTreeMap<&str, &str> = bank
        .questions
        .iter()
        .map(|q| (q.topic.as_str(), q.topic_title.as_str()))
        .collect();
    let mut topics: Vec<(&str, &str)> = topics.into_iter().collect();
    topics.sort_by_key(|t| t.1.trim_start_matches("The ").to_lowercase());
    let kinds: BTreeSet<QuestionType> = bank
        .questions
        .iter()
        .flat_map(|q| {
            std::iter::once(q.question.kind).chain(q.question.parts.iter().map(|p| p.kind))
        })
        .collect();
    let board = query.board.as_deref().unwrap_or("");
    let kind = query.kind.as_deref().unwrap_or("");
    layout::page(
        &meta(state, student, "Practise", "/"),
        html! {
            h1 { "Practise a question" }
            p.lead { "Pick what you want to revise. You will get one question at a time, marked as soon as you finish, with the reasons." }
            @if answered > 0 {
                p.notice {
                    "You have answered " (answered) " question" @if answered != 1 { "s" } " so far. "
                    @if due > 0 { (due) " " @if due == 1 { "is" } @else { "are" } " due to try again — " }
                    a href="/progress" { "see your progress" } "."
                }
            }
            @if let Some(problem) = problem {
                p.notice.error role="alert" { (problem) }
            }
            form.card.choose method="get" action="/next" {
                fieldset {
                    legend { "Exam board" }
                    div.choices {
                        label.choice { input type="radio" name="board" value="" checked[board.is_empty()]; " Any board" }
                        @for b in Board::ALL {
                            label.choice { input type="radio" name="board" value=(b.key()) checked[board == b.key()]; " " (b.display_name()) }
                        }
                    }
                }
                fieldset {
                    legend { "Topics " span.hint { "(tick none for every topic)" } }
                    div.choices.topics {
                        @for (key, title) in &topics {
                            label.choice { input type="checkbox" name="topic" value=(key) checked[query.topic.iter().any(|t| t == key)]; " " (title) }
                        }
                    }
                }
                div.field {
                    label for="type" { "Question type" }
                    select #type name="type" {
                        option value="mix" selected[kind.is_empty() || kind == "mix"] { "A mix of types" }
                        @for k in &kinds {
                            option value=(k.key()) selected[kind == k.key()] { (kind_name(*k)) }
                        }
                    }
                }
                button.primary type="submit" { "Give me a question" }
            }
        },
    )
}

/// A question type as a student would name it.
pub fn kind_name(kind: QuestionType) -> &'static str {
    match kind {
        QuestionType::Recall => "Short answer (name, give, state)",
        QuestionType::Describe => "Describe",
        QuestionType::Explain => "Explain",
        QuestionType::Account => "Narrative account",
        QuestionType::Source => "Sources",
        QuestionType::Interpretation => "Interpretations",
        QuestionType::Judgement => "How far do you agree? (essay)",
        QuestionType::MultipleChoice => "Multiple choice",
        QuestionType::Structured => "Structured (several parts)",
    }
}

/// `/next` adds what to skip (the question on screen) to the filters.
#[derive(Debug, Deserialize)]
pub struct Skip {
    skip: Option<String>,
}

/// `GET /next`: redirect to the next question the filters allow, preferring ones not yet
/// tried. The order is fixed per student (their id seeds it), so "next" walks through every
/// question before repeating one.
pub async fn next(
    State(state): State<AppState>,
    CurrentStudent(student): CurrentStudent,
    Query(query): Query<QuestionQuery>,
    Query(skip): Query<Skip>,
) -> Result<Response, WebError> {
    let filter = match query.filter() {
        Ok(f) => f,
        Err(e) => {
            let page = choose_page(&state, &student, &query, Some(&e.to_string()), 0, 0);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let id = student.id;
    let attempts = state.store.call(move |s| s.attempts(id)).await?;
    let mut tried: BTreeSet<String> = attempts.iter().map(|a| a.question.clone()).collect();
    tried.extend(skip.skip);
    match practice::next_item(&state.bank, &filter, student.id as u64, &tried) {
        Some(item) => {
            let q = query.to_query();
            let sep = if q.is_empty() { "" } else { "?" };
            Ok(Redirect::to(&format!("{}{sep}{q}", item_path(&item.key()))).into_response())
        }
        None => {
            let page = choose_page(
                &state,
                &student,
                &query,
                Some(
                    "No questions match all of those choices. Try another board, more topics or a mix of types.",
                ),
                attempts.len(),
                0,
            );
            Ok((StatusCode::NOT_FOUND, page).into_response())
        }
    }
}
