//! "The bank": browse the questions and their mark schemes, and see the bank's problems.
//!
//! The problems are found afresh from the bank's files on every visit — `examkit check`'s
//! own load and checks, so the list is the one it prints, located by file, line and column —
//! while the questions shown are those the server loaded at start (what students are being
//! asked). A teacher editing the bank sees a mistake here at once, not a crash.

use super::{blocking, teacher_page};
use crate::bank::{self, Bank, BankQuestion, Diagnostic};
use crate::model::{Board, Question, Source};
use crate::prose::{Marking, Names, SchemeProse};
use crate::web::error::WebError;
use crate::web::state::AppState;
use axum::extract::{Path, State};
use axum_extra::extract::Query;
use maud::{Markup, html};
use serde::Deserialize;
use std::collections::BTreeMap;

/// What the bank's files say now: every problem, sorted as `examkit check` sorts them, and
/// its summary line.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The problems, errors and warnings.
    pub problems: Vec<Diagnostic>,
    /// "checked 26 files (132 questions, …): 2 errors, 0 warnings".
    pub summary: String,
}

/// Load and check the bank at `paths` as `examkit check` does.
pub fn check(paths: &[std::path::PathBuf]) -> Checked {
    let (loaded, mut problems) = bank::load(paths);
    problems.extend(bank::check(&loaded));
    bank::check::sort(&mut problems);
    let summary = bank::check::summary(&loaded, &problems);
    Checked { problems, summary }
}

/// The filters of the question list.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Filter {
    /// Topic key, or blank for all.
    #[serde(default)]
    pub topic: String,
    /// Board key, or blank for all.
    #[serde(default)]
    pub board: String,
    /// Words to find in the question's id or text.
    #[serde(default)]
    pub q: String,
}

impl Filter {
    fn admits(&self, q: &BankQuestion) -> bool {
        let board_ok = match self.board.parse::<Board>() {
            Ok(board) => q.question.boards.contains(&board),
            Err(_) => true,
        };
        let needle = self.q.trim().to_lowercase();
        (self.topic.is_empty() || q.topic == self.topic)
            && board_ok
            && (needle.is_empty()
                || q.question.id.to_lowercase().contains(&needle)
                || q.question.text.to_lowercase().contains(&needle))
    }
}

/// `GET /teacher/bank`: problems, then the questions by topic.
pub async fn show(
    State(state): State<AppState>,
    Query(filter): Query<Filter>,
) -> Result<Markup, WebError> {
    let paths = state.config.bank_paths.clone();
    let checked = blocking(move || check(&paths)).await?;
    let bank = &state.bank;
    let mut by_topic: BTreeMap<(&str, &str), Vec<&BankQuestion>> = BTreeMap::new();
    for q in bank.questions.iter().filter(|q| filter.admits(q)) {
        by_topic
            .entry((q.topic.as_str(), q.topic_title.as_str()))
            .or_default()
            .push(q);
    }
    let topics: BTreeMap<&str, &str> = bank
        .questions
        .iter()
        .map(|q| (q.topic.as_str(), q.topic_title.as_str()))
        .collect();
    let shown: usize = by_topic.values().map(Vec::len).sum();
    Ok(teacher_page(
        "The bank",
        "/teacher/bank",
        html! {
            h1 { "The question bank" }
            (problems(&checked))
            form.card.filter method="get" action="/teacher/bank" role="search" {
                div.row {
                    div.field {
                        label for="topic" { "Topic" }
                        select #topic name="topic" {
                            option value="" { "All topics" }
                            @for (key, title) in &topics { option value=(key) selected[filter.topic == *key] { (title) } }
                        }
                    }
                    div.field {
                        label for="board" { "Board" }
                        select #board name="board" {
                            option value="" { "All boards" }
                            @for b in Board::ALL { option value=(b.key()) selected[filter.board == b.key()] { (b.display_name()) } }
                        }
                    }
                    div.field {
                        label for="q" { "Words" }
                        input #q name="q" type="search" value=(filter.q) placeholder="e.g. Berlin";
                    }
                }
                button.secondary type="submit" { "Show" }
            }
            p.hint { (shown) " of " (bank.questions.len()) " questions · bank version " code { (bank.version) } }
            @for ((_, title), questions) in &by_topic {
                section.card {
                    h2 { (title) }
                    ul.qlist {
                        @for q in questions {
                            li {
                                a href=(format!("/teacher/bank/q/{}", q.question.id)) { code { (q.question.id) } }
                                " " span.badge { (q.question.kind.key()) } " " span.badge { (q.question.total_marks()) " marks" }
                                " " span.hint { (q.question.boards.iter().map(|b| b.display_name()).collect::<Vec<_>>().join(" · ")) }
                                p.qsummary { (q.question.command) ": " (excerpt(&q.question.text, 160)) }
                            }
                        }
                    }
                }
            }
        },
    ))
}

fn problems(checked: &Checked) -> Markup {
    let errors = checked.problems.iter().filter(|p| p.is_error()).count();
    html! {
        section.card.check aria-labelledby="check-h" {
            h2 #check-h { "Check" }
            @if checked.problems.is_empty() {
                p { span.badge.ok { "No problems" } " " (checked.summary) }
            } @else {
                p.notice.error[errors > 0] role=(if errors > 0 { "alert" } else { "status" }) {
                    (checked.summary) ". Fix these in the bank's files; "
                    code { "examkit check" } " lists the same."
                }
                ol.problems {
                    @for p in &checked.problems {
                        li class=(p.severity.word()) {
                            code.where { (p.file.display()) ":" (p.line) ":" (p.column) }
                            " " strong { (p.severity.word()) } ": " (p.message)
                            @if let Some(help) = &p.help { br; span.hint { "help: " (help) } }
                        }
                    }
                }
            }
        }
    }
}

fn excerpt(text: &str, chars: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= chars {
        return flat;
    }
    let cut: String = flat.chars().take(chars).collect();
    format!("{}…", cut.trim_end())
}

/// `GET /teacher/bank/q/{id}`: a question as set, with its mark schemes in words.
pub async fn question(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Markup, WebError> {
    let bank = &state.bank;
    let q = bank
        .question(&id)
        .ok_or_else(|| WebError::NotFound(format!("there is no question `{id}` in the bank")))?;
    let question = &q.question;
    let names = names(bank, &q.subject);
    let board = question.boards.first().copied();
    let schemes: Vec<SchemeProse> = crate::paper::select::schemes_for(bank, q)
        .iter()
        .map(|s| SchemeProse::new(s, &names, board))
        .collect();
    Ok(teacher_page(
        &question.id,
        "/teacher/bank",
        html! {
            p.crumbs { a href="/teacher/bank" { "The bank" } " › " (q.topic_title) }
            h1 { code { (question.id) } }
            p {
                span.badge { (question.kind.key()) } " " span.badge { (question.total_marks()) " marks" }
                @if question.spag > 0 { " " span.badge { "+" (question.spag) " SPaG" } }
                " " (question.boards.iter().map(|b| b.display_name()).collect::<Vec<_>>().join(", "))
                " · from " code { (q.file.display()) }
            }
            section.card { (question_view(question)) }
            @for s in &schemes { (scheme_view(s)) }
            @if schemes.is_empty() {
                p.notice.error { "This question has no mark scheme: examkit cannot mark it. Add one (see " code { "examkit check" } ")." }
            }
        },
    ))
}

fn names(bank: &Bank, subject: &str) -> Names {
    match bank.synonyms.get(subject) {
        Some(file) => Names::new(&file.groups),
        None => Names::new(std::iter::empty()),
    }
}

fn question_view(q: &Question) -> Markup {
    html! {
        p.qtext { strong { (q.command) } " " (q.text) }
        @for s in &q.sources { (source_view(s)) }
        @for o in &q.options { p { strong { (o.label) } " " (o.text) } }
        @for p in &q.parts {
            div.part {
                p.qtext { strong { "(" (p.label) ") " } (p.text) " " span.marks { "[" (p.marks) "]" } }
                @for s in &p.sources { (source_view(s)) }
                @for o in &p.options { p { strong { (o.label) } " " (o.text) } }
            }
        }
    }
}

fn source_view(s: &Source) -> Markup {
    html! {
        figure.source {
            figcaption { strong { (s.label) } }
            div.source-text { @for para in s.text.split("\n\n") { p { (para) } } }
            p.provenance { (s.provenance) }
        }
    }
}

fn scheme_view(s: &SchemeProse) -> Markup {
    html! {
        section.card.scheme {
            h2 { "Mark scheme " code { (s.key) } " · " (s.max) " marks" }
            @match &s.marking {
                Marking::Points { rubric, points } => {
                    @for r in rubric { p { (r) } }
                    (points_view(points))
                }
                Marking::Levels { levels, caps, points } => {
                    table.levels {
                        thead { tr { th scope="col" { "Level" } th scope="col" { "Descriptor" } } }
                        tbody { @for l in levels { tr { th scope="row" { (l.heading) } td { (l.descriptor) } } } }
                    }
                    @for c in caps { p.hint { (c) } }
                    h3 { "Indicative content" }
                    (points_view(points))
                }
                Marking::Choice { answer } => { p { "Answer: " strong { (answer) } } }
            }
            @for pen in &s.penalties {
                p { strong { (pen.marks) } " " (pen.label) @if !pen.when.is_empty() { " — when the answer says " (pen.when.join("; ")) } }
            }
            @if !s.indicative.is_empty() {
                ul { @for i in &s.indicative { li { (i) } } }
            }
            details.model {
                summary { "Model answer" }
                @for para in s.model_answer.split("\n\n") { p { (para) } }
            }
        }
    }
}

fn points_view(points: &[crate::prose::PointProse]) -> Markup {
    html! {
        ol.scheme-points {
            @for p in points {
                li {
                    strong { (p.label) } @if let Some(m) = &p.marks { " " span.marks { (m) } }
                    @if !p.accept.is_empty() { br; span { "Accept: " (p.accept.join("; ")) } }
                    @if !p.reject.is_empty() { br; span.hint { "Do not accept: " (p.reject.join("; ")) } }
                    @if let Some(d) = &p.develop { br; span.hint { (d) } }
                }
            }
        }
    }
}
