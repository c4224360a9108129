//! Marking an answer for the web: the same marker and the same JSON report as
//! `examkit mark --format json`, and storing the attempt durably before anyone is told it
//! was marked.

use super::error::WebError;
use super::limits;
use super::state::AppState;
use super::store::NewAttempt;
use crate::marking::MarkResult;
use crate::practice::{Item, ItemError};
use crate::report;

/// A marked answer.
#[derive(Debug, Clone)]
pub struct Marked {
    /// Scheme key.
    pub key: String,
    /// Topic key.
    pub topic: String,
    /// The mark and its reasons.
    pub result: MarkResult,
    /// Exactly what `examkit mark --format json` prints for it.
    pub json: String,
}

impl From<ItemError> for WebError {
    fn from(e: ItemError) -> Self {
        match e {
            ItemError::NoQuestion(_) | ItemError::NoScheme(_) => WebError::NotFound(e.to_string()),
            ItemError::NoPart { .. } | ItemError::NeedsPart { .. } => WebError::BadField {
                field: "question",
                message: e.to_string(),
            },
        }
    }
}

/// Mark `answer` to the item `key` (`id` or `id/part`).
pub fn mark(state: &AppState, key: &str, answer: &str) -> Result<Marked, WebError> {
    limits::check_answer("answer", answer)?;
    let item = Item::resolve(&state.bank, key)?;
    let key = item.key();
    let marker = state
        .markers
        .get(&key)
        .ok_or_else(|| WebError::from(ItemError::NoScheme(key.clone())))?;
    let result = marker.mark(answer);
    let mut json = Vec::new();
    report::json::write_answer(&mut json, &item.heading(), &result)
        .map_err(|e| WebError::Internal(format!("cannot write the report: {e}")))?;
    Ok(Marked {
        key,
        topic: item.question.topic.clone(),
        result,
        json: String::from_utf8_lossy(&json).into_owned(),
    })
}

/// Mark `answer` and store it as the student's attempt, committed to disk before this
/// returns. Returns the attempt id and the marked answer.
pub async fn submit(
    state: &AppState,
    student: i64,
    key: &str,
    answer: String,
) -> Result<(i64, Marked), WebError> {
    let marked = mark(state, key, &answer)?;
    let (m, version) = (marked.clone(), state.bank.version.clone());
    let id = state
        .store
        .call(move |s| {
            s.add_attempt(&NewAttempt {
                student,
                question: &m.key,
                topic: &m.topic,
                answer: &answer,
                awarded: m.result.awarded,
                max: m.result.max,
                result: &m.json,
                bank_version: &version,
            })
        })
        .await?;
    Ok((id, marked))
}
