//! The mark sheet: one CSV row per student, a column per printed question, then total,
//! maximum, percentage and grade — the shape a teacher pastes into a markbook.

use super::paper::{PaperMarker, PaperScore};
use std::io::Write;

/// Writes mark-sheet rows as they are ready, so a class of any size streams through.
pub struct SheetWriter<W: Write> {
    writer: csv::Writer<W>,
}

impl<W: Write> SheetWriter<W> {
    /// Start a sheet for `paper`, writing the header row. A UTF-8 byte-order mark goes first
    /// so that spreadsheets (Excel above all) read accented names correctly.
    pub fn new(mut out: W, paper: &PaperMarker) -> std::io::Result<SheetWriter<W>> {
        out.write_all("\u{feff}".as_bytes())?;
        let mut writer = csv::Writer::from_writer(out);
        let mut header = vec!["student".to_string()];
        header.extend(paper.items.iter().map(|it| it.item.number.clone()));
        header.extend(["total", "max", "percentage", "grade"].map(String::from));
        writer.write_record(&header)?;
        Ok(SheetWriter { writer })
    }

    /// One student's row. Unanswered questions are left blank (they score 0 in the total).
    pub fn write_student(
        &mut self,
        student: &str,
        awarded: &[Option<u32>],
        score: &PaperScore,
    ) -> std::io::Result<()> {
        let mut row = Vec::with_capacity(awarded.len() + 5);
        row.push(spreadsheet_safe(student));
        row.extend(
            awarded
                .iter()
                .map(|a| a.map_or(String::new(), |m| m.to_string())),
        );
        row.push(score.total.to_string());
        row.push(score.max.to_string());
        row.push(format!("{:.1}", score.percentage));
        row.push(score.grade.clone().unwrap_or_default());
        self.writer.write_record(&row)?;
        Ok(())
    }

    /// Flush and hand back the underlying writer.
    pub fn finish(self) -> std::io::Result<W> {
        self.writer.into_inner().map_err(|e| e.into_error())
    }
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
