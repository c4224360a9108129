//! JSON reports for programs. The shapes are a published contract (`docs/mark-json.md`):
//! every document carries `version` and `kind`, fields are only ever added, and a change
//! that would break a reader bumps [`VERSION`].

use super::AnswerHeading;
use crate::batch::{ClassSummary, PaperMarks};
use crate::marking::MarkResult;
use serde::Serialize;
use std::io::{self, Write};

/// Version of the JSON report shapes.
pub const VERSION: u32 = 1;

/// One marked answer.
#[derive(Debug, Serialize)]
pub struct AnswerReport<'a> {
    /// [`VERSION`].
    pub version: u32,
    /// Always `"answer"`.
    pub kind: &'static str,
    /// Question id.
    pub question: &'a str,
    /// Part label, or null.
    pub part: Option<&'a str>,
    /// Topic key.
    pub topic: &'a str,
    /// The mark and its reasons.
    pub result: &'a MarkResult,
}

/// One student's marked paper.
#[derive(Debug, Serialize)]
pub struct PaperReport<'a> {
    /// [`VERSION`].
    pub version: u32,
    /// Always `"paper"`.
    pub kind: &'static str,
    /// The manifest's paper id.
    pub paper_id: &'a str,
    /// Paper title.
    pub title: &'a str,
    /// Paper code.
    pub code: &'a str,
    /// Content marks counted.
    pub total: u32,
    /// Content marks available.
    pub max: u32,
    /// `total / max` as a percentage, one decimal place.
    pub percentage: f64,
    /// Grade from the paper's boundaries (counting no SPaG marks), or null.
    pub grade: Option<&'a str>,
    /// SPaG marks on the paper, which examkit leaves to a teacher.
    pub spag_unmarked: u32,
    /// The grade with every SPaG mark, when higher than `grade`; otherwise null.
    pub grade_with_spag: Option<&'a str>,
    /// Printed numbers of the items not answered.
    pub unanswered: Vec<&'a str>,
    /// Every item in printed order.
    pub items: Vec<ItemReport<'a>>,
}

/// One item of a marked paper.
#[derive(Debug, Serialize)]
pub struct ItemReport<'a> {
    /// Printed number.
    pub number: &'a str,
    /// Question id.
    pub question: &'a str,
    /// Part label, or null.
    pub part: Option<&'a str>,
    /// Section title.
    pub section: &'a str,
    /// Marks available.
    pub max: u32,
    /// Marks awarded (0 when not answered).
    pub awarded: u32,
    /// Whether an answer was given.
    pub answered: bool,
    /// Whether the item counts towards the total ("answer N of these" sections).
    pub counted: bool,
    /// The mark and its reasons, or null when not answered.
    pub result: Option<&'a MarkResult>,
}

/// A class's summary.
#[derive(Debug, Serialize)]
pub struct ClassReport<'a> {
    /// [`VERSION`].
    pub version: u32,
    /// Always `"class-summary"`.
    pub kind: &'static str,
    /// The manifest's paper id.
    pub paper_id: &'a str,
    /// The summary.
    #[serde(flatten)]
    pub summary: &'a ClassSummary,
}

/// Write one marked answer as pretty JSON.
pub fn write_answer(
    out: &mut dyn Write,
    heading: &AnswerHeading,
    result: &MarkResult,
) -> io::Result<()> {
    let report = AnswerReport {
        version: VERSION,
        kind: "answer",
        question: &heading.question,
        part: heading.part.as_deref(),
        topic: &heading.topic,
        result,
    };
    write(out, &report)
}

/// The JSON shape of one student's marked paper.
pub fn paper_report<'a>(
    paper_id: &'a str,
    title: &'a str,
    code: &'a str,
    marks: &'a PaperMarks,
) -> PaperReport<'a> {
    PaperReport {
        version: VERSION,
        kind: "paper",
        paper_id,
        title,
        code,
        total: marks.score.total,
        max: marks.score.max,
        percentage: marks.score.percentage,
        grade: marks.score.grade.as_deref(),
        spag_unmarked: marks.score.spag_unmarked,
        grade_with_spag: marks.score.grade_with_spag.as_deref(),
        unanswered: marks
            .items
            .iter()
            .filter(|i| i.result.is_none())
            .map(|i| i.item.number.as_str())
            .collect(),
        items: marks
            .items
            .iter()
            .zip(&marks.score.counted)
            .map(|(i, &counted)| ItemReport {
                number: &i.item.number,
                question: &i.item.question,
                part: i.item.part.as_deref(),
                section: &i.item.section,
                max: i.item.marks,
                awarded: i.awarded(),
                answered: i.result.is_some(),
                counted,
                result: i.result.as_ref(),
            })
            .collect(),
    }
}

/// Write a class summary as pretty JSON.
pub fn write_summary(
    out: &mut dyn Write,
    paper_id: &str,
    summary: &ClassSummary,
) -> io::Result<()> {
    let report = ClassReport {
        version: VERSION,
        kind: "class-summary",
        paper_id,
        summary,
    };
    write(out, &report)
}

/// Write any report as pretty JSON followed by a newline.
pub fn write(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}
