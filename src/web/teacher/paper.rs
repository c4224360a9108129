//! "Make a paper": a blueprint, or board + topics + marks; a seed and a number of variants;
//! a preview of the first pages; the paper, insert, mark scheme and manifest to download (a
//! zip for variants).
//!
//! Making papers is deterministic, so the page is a GET form and every download link
//! carries the same query: each request makes the papers again from it, with the same
//! library calls as `examkit generate` ([`crate::paper::request`], [`crate::paperset`]), and
//! gets the same bytes. Nothing is stored, and a link can be bookmarked or shared.

use super::blueprints::{self, Catalogue};
use super::{bad, blocking, teacher_page};
use crate::archive;
use crate::model::{Board, SourcePlacement};
use crate::paper::Paper;
use crate::paper::request::{self, MAX_VARIANTS, PaperRequest, Shape};
use crate::paperset::{self, PaperSet, Role};
use crate::web::error::WebError;
use crate::web::state::AppState;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::Query;
use maud::{Markup, html};
use serde::Deserialize;
use std::collections::BTreeSet;

/// Pages of the question paper shown in the preview.
const PREVIEW_PAGES: usize = 4;
/// Most variants the web form makes at once (each is rendered for the zip).
pub const WEB_MAX_VARIANTS: u32 = 60;

/// The form as sent: every field a string, so a wrong value gets a message naming it
/// rather than a bare 400.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PaperQuery {
    /// `blueprint` or `quick`.
    #[serde(default)]
    pub shape: String,
    /// Blueprint key (file stem).
    #[serde(default)]
    pub blueprint: String,
    /// Quick form: board key.
    #[serde(default)]
    pub board: String,
    /// Quick form: topic keys (repeated).
    #[serde(default)]
    pub topic: Vec<String>,
    /// Quick form: total marks.
    #[serde(default)]
    pub marks: String,
    /// Seed.
    #[serde(default)]
    pub seed: String,
    /// Number of variants.
    #[serde(default)]
    pub variants: String,
    /// `board` (default), `inline` or `insert`.
    #[serde(default)]
    pub sources: String,
}

impl PaperQuery {
    /// Whether the form was submitted (as opposed to the page opened).
    fn submitted(&self) -> bool {
        !self.shape.is_empty()
    }

    /// A query string read back (from a form's hidden field), repeated `topic`s and all.
    pub fn parse(query: &str) -> PaperQuery {
        let mut q = PaperQuery::default();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let value = value.into_owned();
            match key.as_ref() {
                "shape" => q.shape = value,
                "blueprint" => q.blueprint = value,
                "board" => q.board = value,
                "topic" => q.topic.push(value),
                "marks" => q.marks = value,
                "seed" => q.seed = value,
                "variants" => q.variants = value,
                "sources" => q.sources = value,
                _ => {}
            }
        }
        q
    }

    /// The query string that makes the same papers, for download links.
    pub fn to_query(&self) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        q.append_pair("shape", &self.shape);
        if self.shape == "quick" {
            q.append_pair("board", &self.board);
            for t in &self.topic {
                q.append_pair("topic", t);
            }
            q.append_pair("marks", &self.marks);
        } else {
            q.append_pair("blueprint", &self.blueprint);
            q.append_pair("variants", &self.variants);
        }
        q.append_pair("seed", &self.seed);
        if !self.sources.is_empty() {
            q.append_pair("sources", &self.sources);
        }
        q.finish()
    }

    /// The request the form asks for, every field checked.
    pub fn request(&self, catalogue: &Catalogue) -> Result<PaperRequest, WebError> {
        let seed = number::<u64>("seed", &self.seed, 1, "a whole number such as 7")?;
        let sources = match self.sources.as_str() {
            "" | "board" => None,
            "inline" => Some(SourcePlacement::Inline),
            "insert" => Some(SourcePlacement::Insert),
            other => {
                return Err(bad(
                    "sources",
                    format!(
                        "`{other}` is not a choice: use the board's practice, inline or insert"
                    ),
                ));
            }
        };
        let (shape, variants) = match self.shape.as_str() {
            "quick" => {
                let board: Board = self.board.parse().map_err(|_| {
                    bad(
                        "board",
                        "choose AQA, Pearson Edexcel or Cambridge IGCSE".into(),
                    )
                })?;
                let marks = number::<u32>("marks", &self.marks, 40, "a total such as 40")?;
                if !(1..=200).contains(&marks) {
                    return Err(bad(
                        "marks",
                        format!("{marks} is not a paper's total: give 1 to 200"),
                    ));
                }
                let shape = Shape::Quick {
                    board,
                    subject: "history".into(),
                    topics: self.topic.clone(),
                    marks,
                };
                (shape, 1)
            }
            "blueprint" => {
                let blueprint = catalogue.load(&self.blueprint)?;
                let variants = number::<u32>("variants", &self.variants, 1, "a number such as 30")?;
                if !(1..=WEB_MAX_VARIANTS.min(MAX_VARIANTS)).contains(&variants) {
                    return Err(bad(
                        "variants",
                        format!(
                            "{variants} variants: make 1 to {WEB_MAX_VARIANTS} at a time here \
                             (`examkit generate --variants` makes up to {MAX_VARIANTS})"
                        ),
                    ));
                }
                (Shape::Blueprint(blueprint), variants)
            }
            other => {
                return Err(bad(
                    "shape",
                    format!("`{other}` is not a choice: use a blueprint or the quick form"),
                ));
            }
        };
        Ok(PaperRequest {
            shape,
            seed,
            variants,
            sources,
        })
    }
}

/// A form number: blank gives `default`, anything else must parse.
fn number<T: std::str::FromStr>(
    field: &'static str,
    text: &str,
    default: T,
    example: &str,
) -> Result<T, WebError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(default);
    }
    text.parse()
        .map_err(|_| bad(field, format!("`{text}` is not a number: give {example}")))
}

/// The papers a request makes, ready to render (the bank loaded at start is checked, so
/// every scheme is there).
pub fn make(state: &AppState, request: &PaperRequest) -> Result<Vec<Paper>, WebError> {
    let mut papers = request::choose(&state.bank, request)
        .map_err(|e| bad("paper", format!("cannot make this paper: {e}")))?;
    request::finish(&mut papers, &state.bank, request);
    Ok(papers)
}

fn render(papers: &[Paper]) -> Result<Vec<PaperSet>, WebError> {
    paperset::render_all(papers, None).map_err(|e| WebError::Internal(e.to_string()))
}

/// `GET /teacher/paper`: the form, and once submitted, the papers made.
pub async fn show(
    State(state): State<AppState>,
    Query(query): Query<PaperQuery>,
) -> Result<Markup, WebError> {
    let catalogue = blueprints::catalogue(&state);
    if !query.submitted() {
        return Ok(page(&state, &catalogue, &query, None, None));
    }
    let outcome = blocking(move || {
        let catalogue = blueprints::catalogue(&state);
        let made = query.request(&catalogue).and_then(|request| {
            let papers = make(&state, &request)?;
            let sets = render(&papers)?;
            let preview = preview(&papers[0])?;
            Ok((papers, sets, preview))
        });
        (state, query, made)
    })
    .await?;
    let (state, query, made) = outcome;
    Ok(match made {
        Ok(made) => page(&state, &catalogue, &query, Some(&made), None),
        Err(WebError::BadField { field, message }) => {
            page(&state, &catalogue, &query, None, Some((field, message)))
        }
        Err(other) => return Err(other),
    })
}

type Made = (Vec<Paper>, Vec<PaperSet>, Vec<Markup>);

fn preview(paper: &Paper) -> Result<Vec<Markup>, WebError> {
    let doc =
        crate::layout::question_paper(paper).map_err(|e| WebError::Internal(e.to_string()))?;
    Ok(crate::svg::first_pages(
        &doc,
        "Question paper",
        PREVIEW_PAGES,
    ))
}

/// `GET /teacher/paper/file/{name}`: one file of the papers the query makes.
pub async fn file(
    State(state): State<AppState>,
    Path(name): Path<String>,
    Query(query): Query<PaperQuery>,
) -> Result<Response, WebError> {
    blocking(move || {
        let sets = sets_for(&state, &query)?;
        let file = sets
            .iter()
            .flat_map(|s| &s.files)
            .find(|f| f.name == name)
            .ok_or_else(|| {
                WebError::NotFound(format!(
                    "{name} is not one of this paper's files: make the paper again"
                ))
            })?;
        let kind = match file.role {
            Role::Manifest => "application/json",
            _ => "application/pdf",
        };
        Ok(download(kind, &file.name, file.bytes.clone()))
    })
    .await?
}

/// `GET /teacher/paper/zip`: every file of the papers the query makes, as one zip.
pub async fn zip(
    State(state): State<AppState>,
    Query(query): Query<PaperQuery>,
) -> Result<Response, WebError> {
    blocking(move || {
        let sets = sets_for(&state, &query)?;
        let bytes = archive::zip(
            sets.iter()
                .flat_map(|s| &s.files)
                .map(|f| (f.name.as_str(), f.bytes.as_slice())),
        )
        .map_err(|e| WebError::Internal(e.to_string()))?;
        Ok(download("application/zip", &zip_name(&sets), bytes))
    })
    .await?
}

fn sets_for(state: &AppState, query: &PaperQuery) -> Result<Vec<PaperSet>, WebError> {
    let catalogue = blueprints::catalogue(state);
    let request = query.request(&catalogue)?;
    render(&make(state, &request)?)
}

/// `aqa-8145-1b-s7.zip` for the variants of seed 7: the paper id without its variant.
fn zip_name(sets: &[PaperSet]) -> String {
    let first = sets.first().map_or("papers", |s| s.stem.as_str());
    let base = match first.rsplit_once("-v") {
        Some((base, n)) if n.chars().all(|c| c.is_ascii_digit()) && sets.len() > 1 => base,
        _ => first,
    };
    format!("{base}.zip")
}

fn download(kind: &'static str, name: &str, bytes: Vec<u8>) -> Response {
    let disposition = format!(
        "attachment; filename=\"{}\"",
        name.replace(['"', '\\'], "_")
    );
    (
        [
            (header::CONTENT_TYPE, kind.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response()
}

fn page(
    state: &AppState,
    catalogue: &Catalogue,
    query: &PaperQuery,
    made: Option<&Made>,
    error: Option<(&'static str, String)>,
) -> Markup {
    teacher_page(
        "Make a paper",
        "/teacher/paper",
        html! {
            h1 { "Make a paper" }
            p.lead { "Choose a blueprint, or a board, topics and a total; the same choices and seed always give the same paper, byte for byte." }
            @if let Some((field, message)) = &error {
                p.notice.error role="alert" { strong { (field) ": " } (message) }
            }
            @if let Some((papers, sets, preview)) = made {
                (result(query, papers, sets, preview))
                h2.again { "Make another paper" }
            }
            (form(state, catalogue, query))
        },
    )
}

fn form(state: &AppState, catalogue: &Catalogue, query: &PaperQuery) -> Markup {
    let quick = query.shape == "quick";
    let topics: BTreeSet<(&str, &str)> = state
        .bank
        .questions
        .iter()
        .map(|q| (q.topic.as_str(), q.topic_title.as_str()))
        .collect();
    let seed = if query.seed.is_empty() {
        "1"
    } else {
        query.seed.as_str()
    };
    html! {
        div.make {
            form.card method="get" action="/teacher/paper" {
                h2 { "From a blueprint" }
                p.hint { "A blueprint gives the paper's shape: sections, question types, marks and grade boundaries." }
                input type="hidden" name="shape" value="blueprint";
                div.field {
                    label for="blueprint" { "Blueprint" }
                    select #blueprint name="blueprint" {
                        @for entry in &catalogue.entries {
                            option value=(entry.key) selected[entry.key == query.blueprint] {
                                (entry.title)
                            }
                        }
                    }
                }
                div.row {
                    div.field {
                        label for="seed-b" { "Seed" }
                        input #seed-b name="seed" type="number" min="0" value=(seed) inputmode="numeric";
                    }
                    div.field {
                        label for="variants" { "Variants" }
                        input #variants name="variants" type="number" min="1" max=(WEB_MAX_VARIANTS)
                            value=(if query.variants.is_empty() { "1" } else { query.variants.as_str() });
                    }
                }
                (sources_field("sources-b", &query.sources))
                button.primary type="submit" { "Make the paper" }
            }
            form.card method="get" action="/teacher/paper" {
                h2 { "Quick paper" }
                p.hint { "One section of questions from a board and topics, adding up to exactly the total." }
                input type="hidden" name="shape" value="quick";
                div.field {
                    label for="board" { "Board" }
                    select #board name="board" {
                        @for board in Board::ALL {
                            option value=(board.key()) selected[quick && query.board == board.key()] { (board.display_name()) }
                        }
                    }
                }
                fieldset {
                    legend { "Topics " span.hint { "(none ticked: all)" } }
                    div.choices.topics {
                        @for (key, title) in &topics {
                            label.choice {
                                input type="checkbox" name="topic" value=(key)
                                    checked[quick && query.topic.iter().any(|t| t == key)];
                                (title)
                            }
                        }
                    }
                }
                div.row {
                    div.field {
                        label for="marks" { "Total marks" }
                        input #marks name="marks" type="number" min="1" max="200"
                            value=(if query.marks.is_empty() { "40" } else { query.marks.as_str() });
                    }
                    div.field {
                        label for="seed-q" { "Seed" }
                        input #seed-q name="seed" type="number" min="0" value=(seed) inputmode="numeric";
                    }
                }
                (sources_field("sources-q", &query.sources))
                button.primary type="submit" { "Make the paper" }
            }
        }
    }
}

fn sources_field(id: &str, current: &str) -> Markup {
    html! {
        div.field {
            label for=(id) { "Sources" }
            select id=(id) name="sources" {
                option value="board" selected[current.is_empty() || current == "board"] { "As the board prints them" }
                option value="insert" selected[current == "insert"] { "In a separate insert" }
                option value="inline" selected[current == "inline"] { "Inline, beside each question" }
            }
        }
    }
}

fn result(query: &PaperQuery, papers: &[Paper], sets: &[PaperSet], preview: &[Markup]) -> Markup {
    let q = query.to_query();
    let first = &papers[0];
    let bytes: usize = sets
        .iter()
        .flat_map(|s| &s.files)
        .map(|f| f.bytes.len())
        .sum();
    html! {
        section.card #made aria-labelledby="made-h" {
            h2 #made-h { "Your paper" }
            p {
                strong { (first.blueprint.title) } " · " (first.blueprint.board.display_name()) " " (first.blueprint.code)
                " · " (first.total_marks()) " marks"
                @if first.total_spag() > 0 { " + " (first.total_spag()) " SPaG" }
                " · seed " (first.seed)
            }
            @if sets.len() > 1 {
                p.actions {
                    a.button.primary href=(format!("/teacher/paper/zip?{q}")) download {
                        "Download all " (sets.len()) " variants (zip, " (size(bytes)) ")"
                    }
                }
            }
            table.files {
                thead { tr { th scope="col" { "Paper" } th scope="col" { "Questions" } th scope="col" { "Files" } } }
                tbody {
                    @for (paper, set) in papers.iter().zip(sets) {
                        tr {
                            th scope="row" { code { (set.stem) } }
                            td { (paper.questions().map(|pq| pq.question.id.as_str()).collect::<Vec<_>>().join(", ")) }
                            td.downloads {
                                @for f in &set.files {
                                    a href=(format!("/teacher/paper/file/{}?{q}", f.name)) download=(f.name) {
                                        (role_name(f.role)) " (" (size(f.bytes.len())) ")"
                                    }
                                    " "
                                }
                            }
                        }
                    }
                }
            }
            p.actions {
                a.button.secondary href=(format!("/teacher/class?{q}")) { "Mark a class on this paper" }
            }
        }
        section.card.preview aria-labelledby="preview-h" {
            h2 #preview-h { "Preview: " (sets[0].stem) }
            p.hint { "The first pages of the question paper as they will print." }
            style { (maud::PreEscaped(crate::svg::font_face_css("/teacher/fonts"))) }
            div.pages {
                @for p in preview { (p) }
            }
        }
    }
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Paper => "Question paper",
        Role::Insert => "Sources insert",
        Role::Scheme => "Mark scheme",
        Role::Manifest => "Manifest",
    }
}

/// "212 KB", "1.4 MB".
pub fn size(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}
