//! "Mark a class": upload a class's answers (CSV or JSON lines, the layouts `mark --batch`
//! reads) for a paper — one made on the "make a paper" page, or any paper's uploaded
//! manifest — and see the mark sheet as a table, download it as CSV, and see the points the
//! class missed most as a chart.
//!
//! Marking is the library's batch marking ([`crate::batch::mark_class`]) over the uploaded
//! bytes, writing the same CSV mark sheet `examkit mark --batch --out` writes; the table is
//! that sheet read back, so what the page shows and what the download holds cannot differ.

use super::paper::{self, PaperQuery};
use super::{bad, blocking, blueprints, teacher_page, upload};
use crate::batch::{self, ClassSummary, InputFormat, PaperMarker, RowReader, SheetWriter};
use crate::chart::{self, Bar};
use crate::model::Manifest;
use crate::paperset;
use crate::web::error::WebError;
use crate::web::state::AppState;
use axum::extract::{Multipart, State};
use axum_extra::extract::Query;
use maud::{Markup, html};
use std::io::Cursor;
use std::path::Path;

/// Points shown in the "missed most" chart.
const CHART_POINTS: usize = 10;

/// A marked class: the sheet as written and as rows, and the summary.
#[derive(Debug, Clone)]
pub struct MarkedClass {
    /// The paper's id.
    pub paper_id: String,
    /// The CSV mark sheet, byte for byte as `mark --batch --out` writes it.
    pub csv: Vec<u8>,
    /// Its header row.
    pub header: Vec<String>,
    /// Its rows, one per student.
    pub rows: Vec<Vec<String>>,
    /// What the class got right and wrong.
    pub summary: ClassSummary,
    /// A warning when the manifest's bank version is not the server's.
    pub warning: Option<String>,
}

/// Mark `answers` (a file called `name`) against `manifest` with the server's bank.
pub fn mark(
    state: &AppState,
    manifest: Manifest,
    name: &str,
    answers: Vec<u8>,
    format: Option<InputFormat>,
) -> Result<MarkedClass, WebError> {
    let warning = (manifest.bank_version != state.bank.version).then(|| {
        format!(
            "this paper was made from bank version {}, but the server's bank is version {}: \
             questions or schemes may have changed since it was printed",
            manifest.bank_version, state.bank.version
        )
    });
    let paper_id = manifest.paper_id.clone();
    let marker = PaperMarker::new(manifest, &state.bank, &state.markers)
        .map_err(|e| bad("manifest", format!("cannot mark paper {paper_id}: {e}")))?;
    let format = format
        .or_else(|| InputFormat::from_path(Path::new(name)))
        .ok_or_else(|| {
            bad(
                "answers",
                format!(
                    "cannot tell the format of {name}: name it .csv or .jsonl, or choose the format"
                ),
            )
        })?;
    let mut reader =
        RowReader::from_reader(Path::new(name), Box::new(Cursor::new(answers)), format)
            .map_err(|e| bad("answers", e.to_string()))?;
    let mut sheet = SheetWriter::new(Vec::new(), &marker).map_err(internal)?;
    let summary =
        batch::mark_class(&marker, &mut reader, &mut sheet, |_| {}).map_err(|e| match e {
            batch::BatchError::Input(e) => bad("answers", e.to_string()),
            other => internal(other),
        })?;
    let csv = sheet.finish().map_err(internal)?;
    let (header, rows) = read_sheet(&csv)?;
    Ok(MarkedClass {
        paper_id,
        csv,
        header,
        rows,
        summary,
        warning,
    })
}

fn internal(e: impl std::fmt::Display) -> WebError {
    WebError::Internal(e.to_string())
}

/// The sheet read back as rows of cells.
fn read_sheet(csv: &[u8]) -> Result<(Vec<String>, Vec<Vec<String>>), WebError> {
    let bytes = csv.strip_prefix("\u{feff}".as_bytes()).unwrap_or(csv);
    let mut reader = csv::Reader::from_reader(bytes);
    let header = reader
        .headers()
        .map_err(internal)?
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.map(|r| r.iter().map(str::to_string).collect()))
        .collect::<Result<_, _>>()
        .map_err(internal)?;
    Ok((header, rows))
}

/// `GET /teacher/class`: the upload form (for the paper in the query, if any).
pub async fn show(
    State(state): State<AppState>,
    Query(query): Query<PaperQuery>,
) -> Result<Markup, WebError> {
    let chosen = if query.shape.is_empty() {
        None
    } else {
        let q = query.clone();
        let st = state.clone();
        Some(blocking(move || paper_ids(&st, &q)).await??)
    };
    Ok(page(&query, chosen.as_deref(), None, None))
}

/// The ids of the papers a paper query makes (one per variant).
fn paper_ids(state: &AppState, query: &PaperQuery) -> Result<Vec<String>, WebError> {
    let request = query.request(&blueprints::catalogue(state))?;
    Ok(paper::make(state, &request)?
        .into_iter()
        .map(|p| p.paper_id)
        .collect())
}

/// `POST /teacher/class`: mark the upload and show the sheet.
pub async fn submit(
    State(state): State<AppState>,
    multipart: Multipart,
) -> Result<Markup, WebError> {
    let form = upload::read(multipart).await?;
    let query = PaperQuery::parse(form.field("paper"));
    let outcome = blocking({
        let state = state.clone();
        let query = query.clone();
        move || -> Result<MarkedClass, WebError> {
            let manifest = manifest_of(&state, &form, &query)?;
            let answers = form.file("answers", "the class's answers (a .csv or .jsonl file)")?;
            let format = match form.field("format") {
                "csv" => Some(InputFormat::Csv),
                "jsonl" => Some(InputFormat::Jsonl),
                _ => None,
            };
            mark(
                &state,
                manifest,
                &answers.name,
                answers.bytes.clone(),
                format,
            )
        }
    })
    .await?;
    match outcome {
        Ok(marked) => Ok(page(&query, None, Some(&marked), None)),
        Err(WebError::BadField { field, message }) => {
            let ids = if query.shape.is_empty() {
                None
            } else {
                let q = query.clone();
                blocking(move || paper_ids(&state, &q).ok()).await?
            };
            Ok(page(&query, ids.as_deref(), None, Some((field, message))))
        }
        Err(other) => Err(other),
    }
}

/// The manifest to mark against: the uploaded one, else the chosen variant of the paper in
/// the query (made again, so it is exactly the manifest `generate` wrote).
fn manifest_of(
    state: &AppState,
    form: &upload::Form,
    query: &PaperQuery,
) -> Result<Manifest, WebError> {
    if let Some(file) = form.files.get("manifest") {
        let text = file.text("manifest")?;
        return serde_json::from_str(text).map_err(|e| {
            bad(
                "manifest",
                format!(
                    "{}:{}:{}: not a paper manifest: {e}; upload the .manifest.json file made \
                     with the paper",
                    file.name,
                    e.line(),
                    e.column()
                ),
            )
        });
    }
    if query.shape.is_empty() {
        return Err(bad(
            "manifest",
            "choose the paper's .manifest.json (made with the paper), or make the paper first"
                .into(),
        ));
    }
    let request = query.request(&blueprints::catalogue(state))?;
    let papers = paper::make(state, &request)?;
    let wanted = form.field("variant");
    let paper = papers
        .iter()
        .find(|p| wanted.is_empty() || p.paper_id == wanted)
        .ok_or_else(|| {
            bad(
                "variant",
                format!("`{wanted}` is not one of this paper's variants"),
            )
        })?;
    let set = paperset::render(paper, &paper.paper_id).map_err(internal)?;
    Ok(set.manifest)
}

fn page(
    query: &PaperQuery,
    chosen: Option<&[String]>,
    marked: Option<&MarkedClass>,
    error: Option<(&'static str, String)>,
) -> Markup {
    teacher_page(
        "Mark a class",
        "/teacher/class",
        html! {
            h1 { "Mark a class" }
            p.lead { "Upload your class's typed answers and examkit marks every one against the paper's mark scheme." }
            @if let Some((field, message)) = &error {
                p.notice.error role="alert" { strong { (field) ": " } (message) }
            }
            @match marked {
                Some(marked) => (sheet(marked)),
                None => (form(query, chosen)),
            }
        },
    )
}

fn form(query: &PaperQuery, chosen: Option<&[String]>) -> Markup {
    html! {
        form.card method="post" action="/teacher/class" enctype="multipart/form-data" {
            @match chosen {
                Some(ids) => {
                    input type="hidden" name="paper" value=(query.to_query());
                    div.field {
                        label for="variant" { "Paper" }
                        select #variant name="variant" {
                            @for id in ids { option value=(id) { (id) } }
                        }
                        p.hint { "Or upload another paper's manifest below." }
                    }
                }
                None => {
                    p.hint {
                        "Upload the paper's " code { ".manifest.json" } " (it is made with every paper), or "
                        a href="/teacher/paper" { "make a paper" } " first and mark from there."
                    }
                }
            }
            div.field {
                label for="manifest" { "Paper manifest" @if chosen.is_some() { " (optional)" } }
                input #manifest name="manifest" type="file" accept=".json,application/json";
            }
            div.field {
                label for="answers" { "Class answers" }
                input #answers name="answers" type="file" accept=".csv,.jsonl,.ndjson,.json,text/csv" required;
                p.hint {
                    "CSV or JSON lines: one row per student with a column per question ("
                    code { "student,01,02,…" } "), or one row per answer ("
                    code { "student,question,answer" } ")."
                }
            }
            div.field {
                label for="format" { "Format" }
                select #format name="format" {
                    option value="" { "From the file name (.csv, .jsonl)" }
                    option value="csv" { "CSV" }
                    option value="jsonl" { "JSON lines" }
                }
            }
            button.primary type="submit" { "Mark the class" }
        }
    }
}

fn sheet(marked: &MarkedClass) -> Markup {
    let s = &marked.summary;
    let missed: Vec<Bar> = s
        .missed_points
        .iter()
        .take(CHART_POINTS)
        .map(|p| Bar {
            label: format!("{} · {}", p.number, p.label),
            share: p.rate / 100.0,
            figure: format!("{:.0}% ({} of {})", p.rate, p.missed, p.answered),
        })
        .collect();
    let numeric_from = 1;
    html! {
        @if let Some(warning) = &marked.warning {
            p.notice role="status" { (warning) }
        }
        section.card aria-labelledby="sheet-h" {
            h2 #sheet-h { "Mark sheet: " code { (marked.paper_id) } }
            div.stats {
                div { span.big { (s.students) } " students" }
                div { span.big { (s.answers) } " answers marked" }
                div { span.big { (format!("{:.1}%", s.mean_percentage)) } " mean" }
                @if !s.grades.is_empty() {
                    div {
                        "Grades: "
                        @for (i, g) in s.grades.iter().enumerate() {
                            @if i > 0 { ", " }
                            strong { (g.grade) } " × " (g.students)
                        }
                    }
                }
            }
            p.actions {
                a.button.primary href=(csv_data_url(&marked.csv)) download=(format!("{}-marks.csv", marked.paper_id)) {
                    "Download the mark sheet (CSV)"
                }
                a.button.secondary href="/teacher/class" { "Mark another class" }
            }
            div.table-scroll {
                table.sheet.sortable {
                    caption { "One row per student. Select a column heading to sort by it." }
                    thead {
                        tr {
                            @for (i, h) in marked.header.iter().enumerate() {
                                th scope="col" data-type=(if i >= numeric_from && h != "grade" { "number" } else { "text" }) { (h) }
                            }
                        }
                    }
                    tbody {
                        @for row in &marked.rows {
                            tr {
                                @for (i, cell) in row.iter().enumerate() {
                                    @if i == 0 { th scope="row" { (cell) } } @else { td { (cell) } }
                                }
                            }
                        }
                    }
                }
            }
        }
        section.card aria-labelledby="missed-h" {
            h2 #missed-h { "Points the class missed most" }
            p.hint { "Share of the students who answered each question and did not make the point." }
            (chart::bars(
                "Points the class missed most",
                &format!("Bar chart of the {} mark-scheme points most often missed, as a share of the students who answered the question.", missed.len()),
                &missed,
            ))
            table.questions {
                caption { "By question" }
                thead { tr { th scope="col" { "Question" } th scope="col" { "Answered" } th scope="col" { "Mean mark" } th scope="col" { "Out of" } } }
                tbody {
                    @for q in &s.questions {
                        tr { th scope="row" { (q.number) } td { (q.answered) } td { (format!("{:.2}", q.mean)) } td { (q.max) } }
                    }
                }
            }
        }
    }
}

/// The sheet as a `data:` URL, so the download needs no second trip (and no storing of a
/// class's marks on the server).
fn csv_data_url(csv: &[u8]) -> String {
    use base64::Engine as _;
    let encoded = base64::engine::general_purpose::STANDARD.encode(csv);
    format!("data:text/csv;charset=utf-8;base64,{encoded}")
}
