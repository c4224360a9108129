//! `/attempts/{id}`: the mark and why, for a 15-year-old: the answer again with the words
//! that earned each point highlighted (a colour and number per point, with a legend), the
//! points missed, anything stated as not happening, the level and why, and the model answer.

use super::highlight::{Highlighted, highlight};
use super::question::{encode, question_body, short_time};
use super::{item_path, meta, word_count};
use crate::marking::{MarkResult, PointOutcome, PointStatus};
use crate::practice::Item;
use crate::web::access::CurrentStudent;
use crate::web::api::QuestionQuery;
use crate::web::error::WebError;
use crate::web::layout;
use crate::web::state::AppState;
use axum::extract::{Path, State};
use axum_extra::extract::Query;
use maud::{Markup, html};

/// Read the marking result back from an attempt's stored report.
pub fn stored_result(json: &str) -> Result<MarkResult, WebError> {
    #[derive(serde::Deserialize)]
    struct Stored {
        result: MarkResult,
    }
    serde_json::from_str::<Stored>(json)
        .map(|s| s.result)
        .map_err(|e| WebError::Internal(format!("a stored result could not be read: {e}")))
}

/// `GET /attempts/{id}`.
pub async fn show(
    State(state): State<AppState>,
    CurrentStudent(student): CurrentStudent,
    Path(id): Path<i64>,
    Query(query): Query<QuestionQuery>,
) -> Result<Markup, WebError> {
    let sid = student.id;
    let attempt = state
        .store
        .call(move |s| s.attempt(sid, id))
        .await?
        .ok_or_else(|| WebError::NotFound(format!("there is no attempt {id} of yours")))?;
    let key = attempt.question.clone();
    let others = state.store.call(move |s| s.attempts_at(sid, &key)).await?;
    let result = stored_result(&attempt.result)?;
    let item = Item::resolve(&state.bank, &attempt.question).ok();
    let from = query.to_query();
    let amp = if from.is_empty() { "" } else { "&" };
    let lit = highlight(&attempt.answer, &result);
    let pct = (result.awarded * 100).checked_div(result.max).unwrap_or(0);
    let stale = attempt.bank_version != state.bank.version;
    Ok(layout::page(
        &meta(&state, &student, "Your mark", ""),
        html! {
            section.card.score aria-labelledby="score-heading" {
                h1 #score-heading {
                    "You scored " span.big { (result.awarded) } " out of " (result.max)
                }
                div.meter role="img" aria-label=(format!("{pct} per cent")) {
                    div.fill style=(format!("width: {pct}%")) {}
                }
                p.verdict { (verdict(&result)) }
                @if stale {
                    p.hint { "This was marked with an older version of the question bank." }
                }
            }
            @if let Some(item) = &item {
                details.card.reminder {
                    summary { "The question" }
                    (question_body(item))
                }
            }
            section.card aria-labelledby="answer-heading" {
                h2 #answer-heading { "Your answer" }
                p.hint { (word_count(&attempt.answer)) " words · marked " (short_time(&attempt.created)) }
                @if lit.legend.is_empty() {
                    blockquote.answer { (attempt.answer) }
                    p { "None of the words in this answer matched a point in the mark scheme." }
                } @else {
                    blockquote.answer { (answer_marks(&lit)) }
                    h3 { "What the highlights mean" }
                    ol.legend {
                        @for entry in &lit.legend {
                            @let point = &result.points[entry.point];
                            li {
                                span class=(format!("swatch hl-{}", entry.colour)) aria-hidden="true" { (entry.number) }
                                span { strong { (point.label) } " — " (status_words(point)) }
                            }
                        }
                    }
                }
            }
            (points_missed(&result))
            (negated(&result))
            @if let Some(level) = &result.level {
                section.card {
                    h2 { "Level " (level.level) }
                    p { (level.reason) }
                    @if !level.descriptor.is_empty() {
                        p.hint { "What this level looks like: " (level.descriptor) }
                    }
                }
            }
            @if !result.penalties.is_empty() || !result.notes.is_empty() {
                section.card {
                    h2 { "Also" }
                    ul {
                        @for p in &result.penalties {
                            li { (p.label) ": " (p.marks) " mark" @if p.marks != 1 { "s" } " taken off." }
                        }
                        @for n in &result.notes { li { (n) } }
                    }
                }
            }
            section.card.model {
                h2 { "A model answer" }
                @for para in result.model_answer.split("\n\n") { p { (para.trim()) } }
            }
            div.actions {
                a.button.primary href=(format!("{}?again={}{amp}{from}", item_path(&attempt.question), attempt.id)) { "Try again" }
                a.button.secondary href=(format!("/next?{from}{amp}skip={}", encode(&attempt.question))) { "Next question" }
                a.button.quiet href="/progress" { "My progress" }
            }
            @if others.len() > 1 {
                section.card {
                    h2 { "All your attempts at this question" }
                    ol.attempts {
                        @for a in &others {
                            li {
                                @if a.id == attempt.id { strong { (a.awarded) " out of " (a.max) " (this one)" } }
                                @else { a href=(format!("/attempts/{}", a.id)) { (a.awarded) " out of " (a.max) } }
                                " · " (short_time(&a.created))
                            }
                        }
                    }
                }
            }
        },
    ))
}

/// The answer with each point's words in its colour, numbered.
fn answer_marks(lit: &Highlighted<'_>) -> Markup {
    html! {
        @for seg in &lit.segments {
            @match seg.entry {
                Some(e) => {
                    @let entry = &lit.legend[e];
                    mark class=(format!("hl hl-{}{}", entry.colour, if matches!(entry.status, PointStatus::Negated | PointStatus::Rejected) { " crossed" } else { "" })) {
                        (seg.text) sup { (entry.number) }
                    }
                }
                None => (seg.text),
            }
        }
    }
}

/// One line on how it went.
fn verdict(r: &MarkResult) -> &'static str {
    match (r.awarded, r.max) {
        (_, 0) => "This question carries no marks.",
        (a, m) if a == m => "Full marks — well done.",
        (0, _) => "No marks this time. Read what the mark scheme looks for below, then try again.",
        (a, m) if a * 2 >= m => "Good going. See below for what would earn the rest.",
        _ => "A start. See below for the points that would earn more.",
    }
}

/// What happened to a point, in plain words.
fn status_words(p: &PointOutcome) -> String {
    let marks = |n: u32| format!("{n} mark{}", if n == 1 { "" } else { "s" });
    match p.status {
        PointStatus::Credited if p.developed => {
            format!("you made this point and explained it: {}", marks(p.awarded))
        }
        PointStatus::Credited => format!("you made this point: {}", marks(p.awarded)),
        PointStatus::NotCounted => {
            "you made this point, but you already had the most marks this part allows".into()
        }
        PointStatus::Negated => "you said this did not happen, so it earns nothing".into(),
        PointStatus::Rejected => {
            "said in a way the mark scheme does not accept, so it earns nothing".into()
        }
        PointStatus::Missed => "not found in your answer".into(),
    }
}

fn points_missed(r: &MarkResult) -> Markup {
    let missed: Vec<&PointOutcome> = r
        .points
        .iter()
        .filter(|p| p.status == PointStatus::Missed)
        .collect();
    html! {
        @if !missed.is_empty() {
            section.card {
                h2 { "Points you could add" }
                ul.missed {
                    @for p in missed {
                        li { strong { (p.label) } @if !p.reason.is_empty() { br; span.hint { (p.reason) } } }
                    }
                }
            }
        }
    }
}

fn negated(r: &MarkResult) -> Markup {
    let negated: Vec<&PointOutcome> = r
        .points
        .iter()
        .filter(|p| matches!(p.status, PointStatus::Negated | PointStatus::Rejected))
        .collect();
    html! {
        @if !negated.is_empty() {
            section.card {
                h2 { "Careful: these earned nothing" }
                ul {
                    @for p in negated {
                        li { strong { (p.label) } ": " (p.reason) }
                    }
                }
            }
        }
    }
}
