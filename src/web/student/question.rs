//! `/q/{id}[/{part}]`: the question as the board sets it, with the answer box (its draft
//! restored); `POST /mark` marks and stores it; `POST /draft` saves without script.

use super::{board_style, item_path, meta, word_count};
use crate::model::Board;
use crate::model::prose::{curly_quotes, paragraphs};
use crate::practice::Item;
use crate::web::access::CurrentStudent;
use crate::web::api::QuestionQuery;
use crate::web::error::WebError;
use crate::web::layout;
use crate::web::mark;
use crate::web::state::AppState;
use crate::web::store::Attempt;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Query;
use maud::{Markup, html};
use serde::Deserialize;

/// Extra query fields of the question page.
#[derive(Debug, Default, Deserialize)]
pub struct QuestionExtras {
    /// Start from the answer of this attempt ("Try again").
    again: Option<i64>,
    /// Set after a draft was saved without script.
    saved: Option<u8>,
}

/// `GET /q/{id}`.
pub async fn whole(
    state: State<AppState>,
    student: CurrentStudent,
    Path(id): Path<String>,
    query: Query<QuestionQuery>,
    extras: Query<QuestionExtras>,
) -> Result<Markup, WebError> {
    show(state, student, id, query, extras).await
}

/// `GET /q/{id}/{part}`.
pub async fn part(
    state: State<AppState>,
    student: CurrentStudent,
    Path((id, part)): Path<(String, String)>,
    query: Query<QuestionQuery>,
    extras: Query<QuestionExtras>,
) -> Result<Markup, WebError> {
    show(state, student, format!("{id}/{part}"), query, extras).await
}

async fn show(
    State(state): State<AppState>,
    CurrentStudent(student): CurrentStudent,
    key: String,
    Query(query): Query<QuestionQuery>,
    Query(extras): Query<QuestionExtras>,
) -> Result<Markup, WebError> {
    let item = Item::resolve(&state.bank, &key)?;
    let key = item.key();
    let (sid, k) = (student.id, key.clone());
    let (draft, attempts, answered) = state
        .store
        .call(move |s| {
            Ok((
                s.draft(sid, &k)?,
                s.attempts_at(sid, &k)?,
                s.attempts(sid)?.len(),
            ))
        })
        .await?;
    let again = extras
        .again
        .and_then(|id| attempts.iter().find(|a| a.id == id))
        .map(|a| a.answer.clone());
    let restored = draft.as_ref().map(|d| d.answer.clone());
    let text = restored.clone().or(again.clone()).unwrap_or_default();
    let board = query
        .board
        .as_deref()
        .and_then(|b| b.parse::<Board>().ok())
        .filter(|b| item.question.question.boards.contains(b))
        .or(item.question.question.boards.first().copied())
        .unwrap_or(Board::Aqa);
    let number = answered + 1;
    let (label, marks) = board_style(board, number, &item);
    let from = query.to_query();
    let title = format!("{} question", item.command());
    Ok(layout::page(
        &meta(&state, &student, &title, ""),
        html! {
            p.crumbs {
                a href=(if from.is_empty() { "/".to_string() } else { format!("/?{from}") }) { "Practise" }
                " › " (item.question.topic_title) " › " (board.display_name())
            }
            article.question.card {
                header.qhead {
                    span.qnum aria-label="Question number" { (label) }
                    span.command { "Command word: " strong { (item.command()) } }
                    span.marks { (marks) }
                }
                (question_body(&item))
                form method="post" action="/mark" #answer-form {
                    input type="hidden" name="question" value=(key);
                    input type="hidden" name="from" value=(from);
                    (answer_input(&item, &key, &text))
                    p.status #draft-status aria-live="polite" {
                        @if extras.saved.is_some() { "Draft saved." }
                        @else if let Some(d) = &draft { "Your draft from " (short_time(&d.updated)) " is back. Carry on where you left off." }
                        @else if again.is_some() { "Your last answer is in the box: improve it and mark it again." }
                    }
                    div.actions {
                        button.primary type="submit" { "Mark my answer" }
                        button.secondary type="submit" formaction="/draft" { "Save draft" }
                        a.button.quiet href=(format!("/next?{}{}skip={}", from, if from.is_empty() { "" } else { "&" }, encode(&key))) { "Skip: another question" }
                    }
                }
            }
            @if !attempts.is_empty() {
                (previous_attempts(&attempts))
            }
        },
    ))
}

/// The stem, sources in their boxes, and the part's text.
pub fn question_body(item: &Item<'_>) -> Markup {
    let (stem, part) = item.texts();
    html! {
        @for source in item.sources() {
            figure.source {
                figcaption {
                    strong { (source.label) }
                    " " span.provenance { (source.provenance) }
                }
                div.source-text {
                    (printed(&source.text))
                }
            }
        }
        div.qtext {
            (printed(stem))
            @if let (Some(p), Some(label)) = (part, item.part.map(|p| p.label.as_str())) {
                p.part { span.plabel { "(" (label) ")" } " " (curly_quotes(p)) }
            }
        }
    }
}

/// Text divided into paragraphs and list items the way the papers print it (one rule for
/// both: a narrative question's prompts are a list here too), quotes set as printed.
fn printed(text: &str) -> Markup {
    let paragraphs = paragraphs(text);
    let mut blocks: Vec<(bool, Vec<&str>)> = Vec::new();
    for para in &paragraphs {
        let item = para.strip_prefix("• ");
        match (item, blocks.last_mut()) {
            (Some(item), Some((true, items))) => items.push(item),
            (Some(item), _) => blocks.push((true, vec![item])),
            (None, _) => blocks.push((false, vec![para.as_str()])),
        }
    }
    html! {
        @for (list, texts) in &blocks {
            @if *list {
                ul.prompts { @for t in texts { li { (t) } } }
            } @else {
                @for t in texts { p { (t) } }
            }
        }
    }
}

/// The answer box, sized from the marks, or the options of a multiple-choice question.
fn answer_input(item: &Item<'_>, key: &str, text: &str) -> Markup {
    let options = item.options();
    if !options.is_empty() {
        return html! {
            fieldset.options {
                legend { "Your answer" }
                @for o in options {
                    label.choice {
                        input type="radio" name="answer" value=(o.label) required checked[text.trim() == o.label];
                        " " strong { (o.label) } " " (o.text)
                    }
                }
            }
        };
    }
    let marks = item.marks();
    let rows = (marks * 2 + 3).clamp(4, 28);
    let words = word_count(text);
    let hint = match marks {
        0..=2 => "A few words or a sentence is enough.",
        3..=5 => "A short paragraph: make each point and say a little about it.",
        6..=9 => "A few paragraphs: explain each point with details.",
        _ => "A full essay: points on both sides, explained, and a judgement.",
    };
    html! {
        div.field {
            label for="answer" { "Your answer" }
            p.hint #answer-hint { (hint) }
            textarea #answer name="answer" rows=(rows) required
                aria-describedby="answer-hint word-count"
                data-autosave=(key) spellcheck="true" { (text) }
            p.wordcount #word-count aria-live="polite" {
                span data-words { (words) } " word" @if words != 1 { "s" }
            }
        }
    }
}

fn previous_attempts(attempts: &[Attempt]) -> Markup {
    html! {
        section.card {
            h2 { "Your attempts at this question" }
            ol.attempts {
                @for a in attempts {
                    li {
                        a href=(format!("/attempts/{}", a.id)) {
                            (a.awarded) " out of " (a.max)
                        }
                        " · " (short_time(&a.created))
                    }
                }
            }
        }
    }
}

/// `2026-12-03T13:40:12.345Z` as `3 Dec, 13:40` (UTC).
pub fn short_time(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = iso.get(5..7).and_then(|m| m.parse::<usize>().ok());
    let day = iso.get(8..10).and_then(|d| d.parse::<u32>().ok());
    match (month, day, iso.get(11..16)) {
        (Some(m @ 1..=12), Some(d), Some(hm)) => format!("{d} {}, {hm}", MONTHS[m - 1]),
        _ => iso.to_string(),
    }
}

/// Percent-encode one query value.
pub fn encode(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// The fields of the answer form.
#[derive(Debug, Deserialize)]
pub struct AnswerForm {
    question: String,
    #[serde(default)]
    answer: String,
    #[serde(default)]
    from: String,
}

/// `POST /mark`: mark the answer, store it (on disk before we answer), show the result.
pub async fn mark(
    State(state): State<AppState>,
    CurrentStudent(student): CurrentStudent,
    Form(form): Form<AnswerForm>,
) -> Result<Response, WebError> {
    if form.answer.trim().is_empty() {
        return Err(WebError::BadField {
            field: "answer",
            message: "the answer box is empty: write your answer, then mark it".into(),
        });
    }
    let (id, _) = mark::submit(&state, student.id, &form.question, form.answer).await?;
    let from = clean_query(&form.from);
    let sep = if from.is_empty() { "" } else { "?" };
    Ok(Redirect::to(&format!("/attempts/{id}{sep}{from}")).into_response())
}

/// `POST /draft`: save the draft (the no-script way) and come back to the question.
pub async fn save_draft(
    State(state): State<AppState>,
    CurrentStudent(student): CurrentStudent,
    Form(form): Form<AnswerForm>,
) -> Result<Response, WebError> {
    crate::web::limits::check_answer("answer", &form.answer)?;
    let key = Item::resolve(&state.bank, &form.question)?.key();
    let (sid, k, answer) = (student.id, key.clone(), form.answer);
    state
        .store
        .call(move |s| s.save_draft(sid, &k, &answer))
        .await?;
    let from = clean_query(&form.from);
    let sep = if from.is_empty() { "" } else { "&" };
    Ok(Redirect::to(&format!("{}?saved=1{sep}{from}", item_path(&key))).into_response())
}

/// A carried-over query string, re-encoded from its parsed filters so nothing else rides
/// along.
fn clean_query(from: &str) -> String {
    serde_html_query(from).to_query()
}

fn serde_html_query(from: &str) -> QuestionQuery {
    let mut q = QuestionQuery::default();
    for (k, v) in form_urlencoded::parse(from.as_bytes()) {
        match &*k {
            "board" => q.board = Some(v.into_owned()),
            "topic" => q.topic.push(v.into_owned()),
            "type" => q.kind = Some(v.into_owned()),
            _ => {}
        }
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_day_month_and_carried_queries_keep_only_filters() {
        assert_eq!(short_time("2026-12-03T13:40:12.345Z"), "3 Dec, 13:40");
        assert_eq!(short_time("garbage"), "garbage");
        assert_eq!(
            clean_query("board=aqa&topic=cuba&topic=korea&evil=%3Cx%3E"),
            "board=aqa&topic=cuba&topic=korea"
        );
    }
}
