//! The mark sheet: one row per student, a column per printed question, then (on a paper
//! with SPaG marks) `spag`, then total, maximum, percentage and grade — the shape a teacher
//! pastes into a markbook. CSV for spreadsheets, or one JSON document for programs.
//!
//! SPaG marks are a teacher's to award, so the `spag` cell is left blank and the total
//! counts content marks; but `max` is the paper's whole maximum (44 on a 40 + 4 paper), so
//! the sheet never understates what the paper was out of.

use super::paper::{PaperMarker, PaperScore};
use serde::Serialize;
use std::io::Write;

/// How a mark sheet is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SheetFormat {
    /// CSV with a byte-order mark, for spreadsheets.
    #[default]
    Csv,
    /// One JSON document (`kind: "class-marks"`), streamed a student at a time.
    Json,
}

enum Sink<W: Write> {
    Csv(Box<csv::Writer<W>>),
    Json {
        out: W,
        /// Whether a student has been written (for the commas between them).
        any: bool,
    },
}

/// Writes mark-sheet rows as they are ready, so a class of any size streams through.
pub struct SheetWriter<W: Write> {
    sink: Sink<W>,
    /// Printed numbers, in order.
    numbers: Vec<String>,
    /// SPaG marks the paper offers (a `spag` column when above 0).
    spag: u32,
}

/// Version of the JSON mark sheet.
pub const JSON_VERSION: u32 = 1;

impl<W: Write> SheetWriter<W> {
    /// Start a CSV sheet for `paper`, writing the header row.
    pub fn new(out: W, paper: &PaperMarker) -> std::io::Result<SheetWriter<W>> {
        SheetWriter::with_format(out, paper, SheetFormat::Csv)
    }

    /// Start a sheet for `paper` in `format`. A CSV sheet begins with a UTF-8 byte-order
    /// mark so that spreadsheets (Excel above all) read accented names correctly.
    pub fn with_format(
        mut out: W,
        paper: &PaperMarker,
        format: SheetFormat,
    ) -> std::io::Result<SheetWriter<W>> {
        let numbers: Vec<String> = paper
            .items
            .iter()
            .map(|it| it.item.number.clone())
            .collect();
        let spag = paper.manifest.total_spag;
        let sink = match format {
            SheetFormat::Csv => {
                out.write_all("\u{feff}".as_bytes())?;
                let mut writer = csv::Writer::from_writer(out);
                let mut header = vec!["student".to_string()];
                header.extend(numbers.iter().cloned());
                if spag > 0 {
                    header.push("spag".to_string());
                }
                header.extend(["total", "max", "percentage", "grade"].map(String::from));
                writer.write_record(&header)?;
                Sink::Csv(Box::new(writer))
            }
            SheetFormat::Json => {
                write!(
                    out,
                    "{{\"version\": {JSON_VERSION}, \"kind\": \"class-marks\", \"paper_id\": {}, \
                     \"students\": [",
                    json(&paper.manifest.paper_id)?
                )?;
                Sink::Json { out, any: false }
            }
        };
        Ok(SheetWriter {
            sink,
            numbers,
            spag,
        })
    }

    /// One student's row. Unanswered questions are left blank (they score 0 in the total).
    pub fn write_student(
        &mut self,
        student: &str,
        awarded: &[Option<u32>],
        score: &PaperScore,
    ) -> std::io::Result<()> {
        let max = score.max + self.spag;
        let percentage = if max == 0 {
            0.0
        } else {
            (f64::from(score.total) * 1000.0 / f64::from(max)).round() / 10.0
        };
        match &mut self.sink {
            Sink::Csv(writer) => {
                let mut row = Vec::with_capacity(awarded.len() + 6);
                row.push(spreadsheet_safe(student));
                row.extend(
                    awarded
                        .iter()
                        .map(|a| a.map_or(String::new(), |m| m.to_string())),
                );
                if self.spag > 0 {
                    row.push(String::new());
                }
                row.push(score.total.to_string());
                row.push(max.to_string());
                row.push(format!("{percentage:.1}"));
                row.push(score.grade.clone().unwrap_or_default());
                writer.write_record(&row)?;
            }
            Sink::Json { out, any } => {
                let marks: Vec<String> = self
                    .numbers
                    .iter()
                    .zip(awarded)
                    .map(|(n, a)| {
                        Ok(format!(
                            "{}: {}",
                            json(n)?,
                            a.map_or("null".to_string(), |m| m.to_string())
                        ))
                    })
                    .collect::<std::io::Result<_>>()?;
                let spag = if self.spag > 0 {
                    "\"spag\": null, "
                } else {
                    ""
                };
                write!(
                    out,
                    "{}\n  {{\"student\": {}, \"marks\": {{{}}}, {spag}\"total\": {}, \"max\": {max}, \
                     \"percentage\": {}, \"grade\": {}}}",
                    if *any { "," } else { "" },
                    json(student)?,
                    marks.join(", "),
                    score.total,
                    json(&percentage)?,
                    json(&score.grade)?,
                )?;
                *any = true;
            }
        }
        Ok(())
    }

    /// Flush and hand back the underlying writer (closing a JSON sheet without a summary).
    pub fn finish(self) -> std::io::Result<W> {
        self.finish_with(None::<&()>)
    }

    /// Flush and hand back the underlying writer; a JSON sheet ends with `summary` (the
    /// class summary report) as its `summary` field.
    pub fn finish_with(self, summary: Option<&impl Serialize>) -> std::io::Result<W> {
        match self.sink {
            Sink::Csv(writer) => writer.into_inner().map_err(|e| e.into_error()),
            Sink::Json { mut out, .. } => {
                write!(out, "\n]")?;
                if let Some(summary) = summary {
                    write!(out, ", \"summary\": ")?;
                    serde_json::to_writer_pretty(&mut out, summary)?;
                }
                writeln!(out, "}}")?;
                out.flush()?;
                Ok(out)
            }
        }
    }
}

fn json(value: &(impl Serialize + ?Sized)) -> std::io::Result<String> {
    serde_json::to_string(value).map_err(std::io::Error::other)
}

/// A text cell that a spreadsheet will not run as a formula: a leading `=`, `+`, `-` or `@`
/// is escaped with an apostrophe, which spreadsheets hide.
pub fn spreadsheet_safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}
