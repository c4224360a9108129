//! The JSON API (`docs/api.md`): what the pages' script calls, and what other tools may.
//! Every route is behind the student gate: on a network server a tool first joins (or
//! sends the student cookie).

use super::access::CurrentStudent;
use super::error::{ApiError, WebError};
use super::mark;
use super::state::AppState;
use crate::model::{Board, QuestionType};
use crate::practice::{Filter, Item, ItemRef};
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use axum_extra::extract::Query;
use serde::{Deserialize, Serialize};

/// The API routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/questions", get(questions))
        .route("/api/mark", post(mark_answer))
        .route("/api/drafts/{*key}", get(get_draft).put(put_draft))
        .route("/api/attempts", get(list_attempts).post(add_attempt))
}

/// `?board=&topic=&type=` filters.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct QuestionQuery {
    /// Board key.
    pub board: Option<String>,
    /// Topic keys or words of their titles (repeat for several).
    #[serde(default)]
    pub topic: Vec<String>,
    /// Question type key.
    #[serde(rename = "type")]
    pub kind: Option<String>,
}

impl QuestionQuery {
    /// The filters as a query string, to carry them to the next page.
    pub fn to_query(&self) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        if let Some(b) = self.board.as_deref().filter(|b| !b.is_empty()) {
            q.append_pair("board", b);
        }
        for t in self.topic.iter().filter(|t| !t.is_empty()) {
            q.append_pair("topic", t);
        }
        if let Some(k) = self.kind.as_deref().filter(|k| !k.is_empty()) {
            q.append_pair("type", k);
        }
        q.finish()
    }

    /// The practice filter these ask for, or the field that is wrong.
    pub fn filter(&self) -> Result<Filter, WebError> {
        let board = match self
            .board
            .as_deref()
            .filter(|b| !b.is_empty() && *b != "any")
        {
            Some(b) => Some(b.parse::<Board>().map_err(|e| WebError::BadField {
                field: "board",
                message: e.to_string(),
            })?),
            None => None,
        };
        Ok(Filter {
            board,
            topics: self
                .topic
                .iter()
                .filter(|t| !t.is_empty())
                .cloned()
                .collect(),
            kind: parse_kind(self.kind.as_deref())?,
        })
    }
}

/// A question type key (`mix`, empty or absent for any).
pub fn parse_kind(kind: Option<&str>) -> Result<Option<QuestionType>, WebError> {
    match kind.filter(|k| !k.is_empty() && *k != "mix") {
        None => Ok(None),
        Some(k) => QuestionType::ALL
            .into_iter()
            .find(|t| t.key() == k)
            .map(Some)
            .ok_or_else(|| WebError::BadField {
                field: "type",
                message: format!(
                    "unknown question type `{k}`: expected one of {}",
                    QuestionType::ALL.map(|t| t.key()).join(", ")
                ),
            }),
    }
}

/// One item in `GET /api/questions`.
#[derive(Debug, Serialize)]
struct QuestionSummary<'a> {
    key: String,
    question: &'a str,
    part: Option<&'a str>,
    boards: Vec<&'static str>,
    topic: &'a str,
    topic_title: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    command: &'a str,
    marks: u32,
    text: &'a str,
    part_text: Option<&'a str>,
}

/// `GET /api/questions`: every markable item the filters allow, in bank order.
async fn questions(
    State(state): State<AppState>,
    Query(query): Query<QuestionQuery>,
) -> Result<Response, ApiError> {
    let filter = query.filter()?;
    let items: Vec<ItemRef> = crate::practice::pick::matching(&state.bank, &filter);
    let list: Vec<QuestionSummary> = items
        .iter()
        .filter_map(|i| Item::resolve(&state.bank, &i.key()).ok())
        .map(|item| {
            let (text, part_text) = item.texts();
            QuestionSummary {
                key: item.key(),
                question: &item.question.question.id,
                part: item.part.map(|p| p.label.as_str()),
                boards: item
                    .question
                    .question
                    .boards
                    .iter()
                    .map(|b| b.key())
                    .collect(),
                topic: &item.question.topic,
                topic_title: &item.question.topic_title,
                kind: item.kind().key(),
                command: item.command(),
                marks: item.marks(),
                text,
                part_text,
            }
        })
        .collect();
    Ok(Json(serde_json::json!({ "count": list.len(), "questions": list })).into_response())
}

/// The body of `POST /api/mark` and `POST /api/attempts`.
#[derive(Debug, Deserialize)]
struct MarkRequest {
    /// `id` or `id/part`.
    question: String,
    /// Part label, instead of `id/part`.
    #[serde(default)]
    part: Option<String>,
    answer: String,
}

impl MarkRequest {
    fn key(&self) -> String {
        match &self.part {
            Some(p) if !self.question.contains('/') => format!("{}/{p}", self.question),
            _ => self.question.clone(),
        }
    }
}

fn json_text(text: String) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], text).into_response()
}

/// `POST /api/mark`: mark an answer without storing it; the body is exactly what
/// `examkit mark --format json` prints.
async fn mark_answer(
    State(state): State<AppState>,
    Json(req): Json<MarkRequest>,
) -> Result<Response, ApiError> {
    let state2 = state.clone();
    let marked = tokio::task::spawn_blocking(move || mark::mark(&state2, &req.key(), &req.answer))
        .await
        .map_err(|e| WebError::Internal(e.to_string()))??;
    Ok(json_text(marked.json))
}

/// `POST /api/attempts`: mark an answer and store it as the student's attempt; answered
/// only once it is on disk.
async fn add_attempt(
    State(state): State<AppState>,
    CurrentStudent(student): CurrentStudent,
    Json(req): Json<MarkRequest>,
) -> Result<Response, ApiError> {
    let key = req.key();
    let (id, marked) = mark::submit(&state, student.id, &key, req.answer).await?;
    let report: serde_json::Value =
        serde_json::from_str(&marked.json).map_err(|e| WebError::Internal(e.to_string()))?;
    Ok(Json(serde_json::json!({
        "attempt": id,
        "url": format!("/attempts/{id}"),
        "report": report,
    }))
    .into_response())
}

/// `GET /api/attempts`: the student's attempts, oldest first (without the full reports).
async fn list_attempts(
    State(state): State<AppState>,
    CurrentStudent(student): CurrentStudent,
) -> Result<Response, ApiError> {
    let attempts = state.store.call(move |s| s.attempts(student.id)).await?;
    let list: Vec<serde_json::Value> = attempts
        .iter()
        .map(|a| {
            serde_json::json!({
                "attempt": a.id,
                "question": a.question,
                "topic": a.topic,
                "awarded": a.awarded,
                "max": a.max,
                "bank_version": a.bank_version,
                "created": a.created,
                "answer": a.answer,
            })
        })
        .collect();
    Ok(Json(serde_json::json!({ "attempts": list })).into_response())
}

/// `GET /api/drafts/{key}`: the student's draft, or `{"answer": null}`.
async fn get_draft(
    State(state): State<AppState>,
    CurrentStudent(student): CurrentStudent,
    Path(key): Path<String>,
) -> Result<Response, ApiError> {
    let key = Item::resolve(&state.bank, &key)
        .map_err(WebError::from)?
        .key();
    let k = key.clone();
    let draft = state.store.call(move |s| s.draft(student.id, &k)).await?;
    Ok(Json(serde_json::json!({
        "question": key,
        "answer": draft.as_ref().map(|d| &d.answer),
        "updated": draft.as_ref().map(|d| &d.updated),
    }))
    .into_response())
}

/// The body of `PUT /api/drafts/{key}`.
#[derive(Debug, Deserialize)]
struct DraftRequest {
    answer: String,
}

/// `PUT /api/drafts/{key}`: save the draft; answered once it is on disk.
async fn put_draft(
    State(state): State<AppState>,
    CurrentStudent(student): CurrentStudent,
    Path(key): Path<String>,
    Json(req): Json<DraftRequest>,
) -> Result<Response, ApiError> {
    super::limits::check_answer("answer", &req.answer)?;
    let key = Item::resolve(&state.bank, &key)
        .map_err(WebError::from)?
        .key();
    let k = key.clone();
    let draft = state
        .store
        .call(move |s| s.save_draft(student.id, &k, &req.answer))
        .await?;
    Ok(Json(serde_json::json!({
        "question": key,
        "saved": true,
        "updated": draft.updated,
    }))
    .into_response())
}
