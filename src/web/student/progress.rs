//! `/progress`: every attempt by topic, the points missed most (weakest first) and the
//! questions due to be tried again — the practice core's revision summary over the
//! student's stored attempts.

use super::question::short_time;
use super::result::stored_result;
use super::{item_path, meta};
use crate::practice::{self, AnswerRecord};
use crate::web::access::CurrentStudent;
use crate::web::error::WebError;
use crate::web::layout;
use crate::web::state::AppState;
use crate::web::store::Attempt;
use axum::extract::State;
use maud::{Markup, html};

/// How many of the most-missed points to list.
const MISSED_SHOWN: usize = 10;

/// The practice core's records of stored attempts (an unreadable result counts as every
/// point missed being unknown, not as a failure of the page).
pub fn records(attempts: &[Attempt]) -> Vec<AnswerRecord> {
    attempts
        .iter()
        .enumerate()
        .map(|(i, a)| match stored_result(&a.result) {
            Ok(result) => practice::record(i, &a.question, &a.topic, a.answer.clone(), &result),
            Err(_) => AnswerRecord {
                item: i,
                key: a.question.clone(),
                topic: a.topic.clone(),
                answer: a.answer.clone(),
                awarded: a.awarded,
                max: a.max,
                missed: Vec::new(),
            },
        })
        .collect()
}

/// `GET /progress`.
pub async fn show(
    State(state): State<AppState>,
    CurrentStudent(student): CurrentStudent,
) -> Result<Markup, WebError> {
    let sid = student.id;
    let attempts = state.store.call(move |s| s.attempts(sid)).await?;
    let records = records(&attempts);
    let revision = practice::revision(&state.bank, &records);
    let due = practice::due_again(&records);
    let missed = revision.missed_most();
    let pct = |a: u32, m: u32| (a * 100).checked_div(m).unwrap_or(0);
    Ok(layout::page(
        &meta(&state, &student, "My progress", "/progress"),
        html! {
            h1 { "My progress" }
            @if attempts.is_empty() {
                p.notice { "Nothing marked yet. " a href="/" { "Answer your first question" } " and your progress shows here." }
            } @else {
                p.lead {
                    (revision.answered) " answer" @if revision.answered != 1 { "s" } " marked · "
                    (revision.awarded) " of " (revision.max) " marks ("
                    (pct(revision.awarded, revision.max)) "%)"
                }
                div.grid2 {
                    section.card {
                        h2 { "Try these again" }
                        @if due.is_empty() {
                            p { "Nothing due: your latest answer to every question scored well." }
                        } @else {
                            ul.due {
                                @for d in &due {
                                    li {
                                        a href=(item_path(&d.key)) { (title_of(&state, &d.key)) }
                                        br;
                                        span.hint { "Last time " (d.awarded) " out of " (d.max) " · tried " (d.tries) " time" @if d.tries != 1 { "s" } }
                                    }
                                }
                            }
                        }
                    }
                    section.card {
                        h2 { "Points you miss most" }
                        @if missed.is_empty() {
                            p { "You have not missed any points yet." }
                        } @else {
                            ol.missed {
                                @for (label, n) in missed.iter().take(MISSED_SHOWN) {
                                    li { (label) " " span.hint { "missed " (n) " time" @if *n != 1 { "s" } } }
                                }
                            }
                        }
                    }
                }
                section.card {
                    h2 { "By topic" }
                    table.topics {
                        thead { tr { th scope="col" { "Topic" } th scope="col" { "Marks" } th scope="col" { "Score" } th scope="col" { "" } } }
                        tbody {
                            @for t in &revision.topics {
                                tr {
                                    th scope="row" { (t.title) }
                                    td { (t.awarded) " / " (t.max) }
                                    td {
                                        div.meter.small role="img" aria-label=(format!("{} per cent", pct(t.awarded, t.max))) {
                                            div.fill style=(format!("width: {}%", pct(t.awarded, t.max))) {}
                                        }
                                    }
                                    td { @if t.needs_revision() { span.badge.warn { "Revise" } } @else { span.badge.ok { "Good" } } }
                                }
                            }
                        }
                    }
                }
                section.card {
                    h2 { "Every attempt" }
                    @for t in &revision.topics {
                        h3 { (t.title) }
                        table.attempts-table {
                            thead { tr { th scope="col" { "When" } th scope="col" { "Question" } th scope="col" { "Mark" } } }
                            tbody {
                                @for a in attempts.iter().filter(|a| a.topic == t.topic).rev() {
                                    tr {
                                        td { (short_time(&a.created)) }
                                        td { a href=(format!("/attempts/{}", a.id)) { (title_of(&state, &a.question)) } }
                                        td { (a.awarded) " / " (a.max) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        },
    ))
}

/// A question's command word and the start of its text, to name it in a list.
fn title_of(state: &AppState, key: &str) -> String {
    match crate::practice::Item::resolve(&state.bank, key) {
        Ok(item) => {
            let (stem, part) = item.texts();
            let text = part.unwrap_or(stem);
            let short: String = text.chars().take(90).collect();
            if short.len() < text.len() {
                format!("{}…", short.trim_end())
            } else {
                short
            }
        }
        Err(_) => key.to_string(),
    }
}
