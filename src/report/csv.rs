//! CSV reports for spreadsheets: one row per point for an answer, one row per item for a
//! paper, one row per missed point for a class.

use crate::batch::sheet::spreadsheet_safe;
use crate::batch::{ClassSummary, PaperMarks};
use crate::marking::{MarkResult, PointStatus};
use std::io::{self, Write};

/// One marked answer: a row per point, then a `total` row.
pub fn write_answer(out: &mut dyn Write, result: &MarkResult) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "key",
        "point",
        "label",
        "status",
        "awarded",
        "available",
        "developed",
        "evidence",
        "reason",
    ])?;
    for p in &result.points {
        let evidence: Vec<&str> = p.evidence.iter().map(|e| e.text.as_str()).collect();
        w.write_record([
            result.key.as_str(),
            &p.id,
            &spreadsheet_safe(&p.label),
            status_key(p.status),
            &p.awarded.to_string(),
            &p.available.to_string(),
            if p.developed { "yes" } else { "no" },
            &spreadsheet_safe(&evidence.join(" | ")),
            &spreadsheet_safe(&p.reason),
        ])?;
    }
    let level = result.level.as_ref().map_or(String::new(), |l| {
        format!("level {}: {}", l.level, l.reason)
    });
    w.write_record([
        result.key.as_str(),
        "total",
        "",
        "",
        &result.awarded.to_string(),
        &result.max.to_string(),
        "",
        "",
        &spreadsheet_safe(&level),
    ])?;
    w.flush()
}

/// One student's paper: a row per item, then `total`, `percentage` and (when the paper has
/// boundaries) `grade` rows, their values in the `awarded` column.
pub fn write_paper(out: &mut dyn Write, marks: &PaperMarks) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "number", "key", "section", "answered", "counted", "awarded", "max",
    ])?;
    for (item, counted) in marks.items.iter().zip(&marks.score.counted) {
        w.write_record([
            item.item.number.as_str(),
            &item.item.scheme_key(),
            &spreadsheet_safe(&item.item.section),
            if item.result.is_some() { "yes" } else { "no" },
            if *counted { "yes" } else { "no" },
            &item.awarded().to_string(),
            &item.item.marks.to_string(),
        ])?;
    }
    let s = &marks.score;
    w.write_record([
        "total",
        "",
        "",
        "",
        "",
        &s.total.to_string(),
        &s.max.to_string(),
    ])?;
    w.write_record([
        "percentage",
        "",
        "",
        "",
        "",
        &format!("{:.1}", s.percentage),
        "100",
    ])?;
    if let Some(grade) = &s.grade {
        w.write_record(["grade", "", "", "", "", grade.as_str(), ""])?;
    }
    w.flush()
}

/// A class summary: a row per point missed, most missed first.
pub fn write_summary(out: &mut dyn Write, summary: &ClassSummary) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "number", "key", "point", "label", "missed", "answered", "rate",
    ])?;
    for p in &summary.missed_points {
        w.write_record([
            p.number.as_str(),
            &p.key,
            &p.point,
            &spreadsheet_safe(&p.label),
            &p.missed.to_string(),
            &p.answered.to_string(),
            &format!("{:.1}", p.rate),
        ])?;
    }
    w.flush()
}

/// The JSON/CSV spelling of a point's status.
pub fn status_key(status: PointStatus) -> &'static str {
    match status {
        PointStatus::Credited => "credited",
        PointStatus::NotCounted => "not-counted",
        PointStatus::Missed => "missed",
        PointStatus::Negated => "negated",
        PointStatus::Rejected => "rejected",
    }
}
