//! "Moderate": upload answers a teacher has marked; examkit marks them again and the page
//! shows how far the two agree (the figures, the confusion matrix as a heat map) and where
//! they part, worst first, with the engine's reasons — the report of `examkit moderate`
//! ([`crate::moderate`]), drawn for a browser.

use super::{bad, blocking, teacher_page, upload};
use crate::chart::{self, HeatMap};
use crate::marking::PointStatus;
use crate::moderate::input::{self, Columns};
use crate::moderate::{self, Disagreement, Group, Report};
use crate::web::error::WebError;
use crate::web::state::AppState;
use axum::extract::{Multipart, State};
use maud::{Markup, html};

/// Disagreements shown in full; the rest are counted.
const SHOWN: usize = 30;

/// Moderate the marked answers in `text` (a file called `name`).
pub fn run(
    state: &AppState,
    name: &str,
    text: &str,
    columns: &Columns,
) -> Result<Report, WebError> {
    let format = input::InputFormat::detect(name, text);
    let answers =
        input::read(text, format, columns).map_err(|e| bad("marked", format!("{name}: {e}")))?;
    moderate::moderate(&state.bank, &answers).map_err(|e| bad("marked", format!("{name}: {e}")))
}

/// `GET /teacher/moderate`: the upload form.
pub async fn show() -> Markup {
    page(None, None, &Columns::default())
}

/// `POST /teacher/moderate`: moderate the upload and show the report.
pub async fn submit(
    State(state): State<AppState>,
    multipart: Multipart,
) -> Result<Markup, WebError> {
    let form = upload::read(multipart).await?;
    let defaults = Columns::default();
    let column = |name: &str, default: &str| {
        let v = form.field(name);
        if v.is_empty() {
            default.to_string()
        } else {
            v.to_string()
        }
    };
    let columns = Columns {
        id: column("id_col", &defaults.id),
        answer: column("answer_col", &defaults.answer),
        mark: column("mark_col", &defaults.mark),
    };
    let shown_columns = columns.clone();
    let outcome = blocking(move || -> Result<Report, WebError> {
        let file = form.file("marked", "the marked answers (a .csv or .jsonl file)")?;
        let text = file.text("marked")?;
        run(&state, &file.name, text, &columns)
    })
    .await?;
    Ok(match outcome {
        Ok(report) => page(Some(&report), None, &shown_columns),
        Err(WebError::BadField { field, message }) => {
            page(None, Some((field, message)), &shown_columns)
        }
        Err(other) => return Err(other),
    })
}

fn page(
    report: Option<&Report>,
    error: Option<(&'static str, String)>,
    columns: &Columns,
) -> Markup {
    teacher_page(
        "Moderate",
        "/teacher/moderate",
        html! {
            h1 { "Moderate the marker" }
            p.lead { "Upload answers you have marked yourself. examkit marks them again and shows where you agree, and where and why you do not — before you rely on it for a class." }
            @if let Some((field, message)) = &error {
                p.notice.error role="alert" { strong { (field) ": " } (message) }
            }
            @match report {
                Some(report) => (figures(report)),
                None => (form(columns)),
            }
        },
    )
}

fn form(columns: &Columns) -> Markup {
    html! {
        form.card method="post" action="/teacher/moderate" enctype="multipart/form-data" {
            div.field {
                label for="marked" { "Marked answers" }
                input #marked name="marked" type="file" accept=".csv,.jsonl,.ndjson,text/csv" required;
                p.hint { "CSV with a header row, or JSON lines: the question id, the answer and your mark on each row." }
            }
            details {
                summary { "Column names" }
                div.row {
                    div.field { label for="id_col" { "Question id" } input #id_col name="id_col" type="text" value=(columns.id); }
                    div.field { label for="answer_col" { "Answer" } input #answer_col name="answer_col" type="text" value=(columns.answer); }
                    div.field { label for="mark_col" { "Teacher's mark" } input #mark_col name="mark_col" type="text" value=(columns.mark); }
                }
            }
            button.primary type="submit" { "Moderate" }
        }
    }
}

fn percent(v: Option<f64>) -> String {
    v.map_or_else(|| "–".into(), |v| format!("{:.1}%", v * 100.0))
}

fn decimal(v: Option<f64>) -> String {
    v.map_or_else(|| "–".into(), |v| format!("{v:.3}"))
}

fn figures(report: &Report) -> Markup {
    let o = &report.overall;
    let desc = format!(
        "Heat map of {} answers: the teacher's mark down the side, examkit's along the top; \
         the outlined diagonal is where they agree.",
        o.agreement.n
    );
    html! {
        section.card aria-labelledby="agree-h" {
            h2 #agree-h { "Agreement" }
            div.stats {
                div { span.big { (o.agreement.n) } " answers" }
                div { span.big { (percent(o.agreement.exact)) } " exact" }
                div { span.big { (percent(o.agreement.within_one)) } " within one mark" }
                div { span.big { (decimal(o.kappa())) } (if o.max <= 1 { " Cohen's kappa" } else { " weighted kappa" }) }
            }
            p {
                "examkit gave more than you in " strong { (o.examkit_higher) } " answers and less in "
                strong { (o.examkit_lower) } "; mean difference " (decimal(o.agreement.mean_abs_diff)) " marks."
            }
            div.table-scroll { (groups("By topic", &report.topics)) }
            div.table-scroll { (groups("By question", &report.questions)) }
        }
        section.card aria-labelledby="heat-h" {
            h2 #heat-h { "Your marks against examkit's" }
            (chart::heat_map(&HeatMap {
                title: "Teacher's marks against examkit's marks",
                desc: &desc,
                rows: "Your mark",
                columns: "examkit's mark",
                counts: o.confusion.rows(),
            }))
        }
        @if !report.hints.is_empty() {
            section.card aria-labelledby="hints-h" {
                h2 #hints-h { "Where to look first" }
                ul.hints {
                    @for h in &report.hints {
                        li {
                            code { (h.question) } ": examkit higher in " (h.too_generous) ", lower in " (h.too_harsh)
                            @if let Some(c) = h.credited.first() {
                                " · most often credited: " code { (c.point) } @if !c.words.is_empty() { " by “" (c.words) "”" } " (" (c.answers) ")"
                            }
                            @if let Some(c) = h.not_credited.first() {
                                " · most often not credited: " code { (c.point) } " " (c.status) " (" (c.answers) ")"
                            }
                        }
                    }
                }
            }
        }
        section.card aria-labelledby="dis-h" {
            h2 #dis-h { "Disagreements, worst first (" (report.disagreement_count) ")" }
            @if report.disagreement_count == 0 {
                p { "None: examkit gave every answer your mark." }
            }
            @for d in report.disagreements.iter().take(SHOWN) { (disagreement(d)) }
            @if report.disagreements.len() > SHOWN {
                p.hint { (report.disagreements.len() - SHOWN) " more not shown; " code { "examkit moderate --worst 0" } " lists them all." }
            }
        }
        @if !report.skipped.is_empty() {
            p.notice role="status" {
                "Skipped " (report.skipped.iter().map(|s| s.answers).sum::<u64>()) " answers to questions with no mark scheme in the bank: "
                (report.skipped.iter().map(|s| s.question.as_str()).collect::<Vec<_>>().join(", "))
            }
        }
        p.actions { a.button.secondary href="/teacher/moderate" { "Moderate another file" } }
    }
}

fn groups(caption: &str, groups: &[Group]) -> Markup {
    html! {
        table.sortable {
            caption { (caption) }
            thead { tr {
                th scope="col" data-type="text" { "Name" } th scope="col" data-type="number" { "Answers" }
                th scope="col" data-type="number" { "Exact" } th scope="col" data-type="number" { "Within 1" }
                th scope="col" data-type="number" { "Kappa" } th scope="col" data-type="number" { "Mean diff." }
            } }
            tbody {
                @for g in groups {
                    tr {
                        th scope="row" { (g.name) } td { (g.agreement.n) } td { (percent(g.agreement.exact)) }
                        td { (percent(g.agreement.within_one)) } td { (decimal(g.kappa())) } td { (decimal(g.agreement.mean_abs_diff)) }
                    }
                }
            }
        }
    }
}

fn disagreement(d: &Disagreement) -> Markup {
    let direction = if d.examkit > d.teacher {
        "examkit higher"
    } else {
        "examkit lower"
    };
    html! {
        article.disagreement {
            h3 {
                code { (d.question) } " · line " (d.line) " · you " (d.teacher) ", examkit " (d.examkit) " of " (d.max)
                " " span.badge.warn { (direction) " by " (d.teacher.abs_diff(d.examkit)) }
            }
            blockquote.answer { (d.answer) }
            ul.points {
                @for p in &d.points {
                    li class=(status_class(p.status)) {
                        strong { (status_word(p.status)) } " " (p.label) " (" (p.awarded) "/" (p.available) ")"
                        @if !p.evidence.is_empty() {
                            " — by “" (p.evidence.iter().map(|e| e.text.as_str()).collect::<Vec<_>>().join("”, “")) "”"
                        }
                        br; span.hint { (p.reason) }
                    }
                }
                @for pen in &d.penalties {
                    li.rejected { strong { "−" (pen.marks) } " " (pen.label) }
                }
            }
            @for note in &d.notes { p.hint { (note) } }
        }
    }
}

fn status_word(status: PointStatus) -> &'static str {
    match status {
        PointStatus::Credited => "✓ Credited:",
        PointStatus::NotCounted => "· Not counted:",
        PointStatus::Missed => "✗ Missed:",
        PointStatus::Negated => "✗ Stated as not happening:",
        PointStatus::Rejected => "✗ Rejected:",
    }
}

fn status_class(status: PointStatus) -> &'static str {
    match status {
        PointStatus::Credited => "credited",
        PointStatus::NotCounted => "not-counted",
        _ => "missed",
    }
}
