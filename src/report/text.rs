//! Text reports for people: the mark first, then every point with the words that made or
//! missed it, the level and why, deductions, notes and the model answer.
//!
//! Styles are written unconditionally; the caller's `anstream` stream drops them when the
//! output is not a terminal or `NO_COLOR` is set.

use super::AnswerHeading;
use crate::batch::{ClassSummary, PaperMarks, summary::MISSED_POINTS_SHOWN};
use crate::marking::{MarkResult, PointStatus};
use crate::prose::SchemeProse;
use owo_colors::OwoColorize;
use std::io::{self, Write};

/// Print one marked answer in full.
pub fn write_answer(
    out: &mut dyn Write,
    heading: &AnswerHeading,
    result: &MarkResult,
) -> io::Result<()> {
    write_answer_with_scheme(out, heading, result, None)
}

/// Print one marked answer in full and, when the scheme is given in words, what it
/// accepts for each point the answer did not earn: the reasons say what was missed, this
/// says what would have earned it, in the words of the printed mark scheme.
pub fn write_answer_with_scheme(
    out: &mut dyn Write,
    heading: &AnswerHeading,
    result: &MarkResult,
    scheme: Option<&SchemeProse>,
) -> io::Result<()> {
    let title = match &heading.part {
        Some(part) => format!("{} part ({part})", heading.question),
        None => heading.question.clone(),
    };
    writeln!(
        out,
        "{} {}",
        title.bold(),
        format!(
            "{} / {} mark{}",
            result.awarded,
            result.max,
            if result.max == 1 { "" } else { "s" }
        )
        .bold()
        .style(mark_style(result.awarded, result.max))
    )?;
    if !heading.text.trim().is_empty() {
        write_wrapped(out, &heading.text, "  ")?;
        writeln!(out)?;
    }
    write_result_body(out, result, "  ")?;
    if let Some(scheme) = scheme {
        write_missed_accepts(out, result, scheme)?;
    }
    writeln!(out)?;
    writeln!(out, "{}", "Model answer".bold())?;
    write_wrapped(out, &result.model_answer, "  ")?;
    Ok(())
}

/// For each point not credited, what the mark scheme accepts for it.
fn write_missed_accepts(
    out: &mut dyn Write,
    result: &MarkResult,
    scheme: &SchemeProse,
) -> io::Result<()> {
    let missed: Vec<_> = result
        .points
        .iter()
        .filter(|p| p.status.is_unmade())
        .filter_map(|p| scheme.point(&p.id))
        .collect();
    if missed.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        "What the mark scheme accepts for the points missed".bold()
    )?;
    for point in missed {
        let marks = point
            .marks
            .as_deref()
            .map_or(String::new(), |m| format!(" {m}"));
        write_wrapped(out, &format!("- {}{marks}", point.label), "  ")?;
        if !point.accept.is_empty() {
            let accept = format!("Accept: {}", point.accept.join("; "));
            write_wrapped(out, &accept.dimmed().to_string(), "    ")?;
        }
        if !point.reject.is_empty() {
            let reject = format!("Do not accept: {}", point.reject.join("; "));
            write_wrapped(out, &reject.dimmed().to_string(), "    ")?;
        }
    }
    Ok(())
}

/// Points, level, penalties and notes of one result, each line starting with `indent`.
pub fn write_result_body(out: &mut dyn Write, result: &MarkResult, indent: &str) -> io::Result<()> {
    for point in &result.points {
        let (word, style) = status_word(point.status);
        let marks = if point.awarded > 0 {
            format!(" +{}", point.awarded)
        } else {
            String::new()
        };
        let developed = if point.developed { ", developed" } else { "" };
        writeln!(
            out,
            "{indent}{} {}{}{}",
            format!("{word:<11}").style(style),
            point.label,
            marks.green(),
            developed.dimmed()
        )?;
        // The engine's reason usually quotes the evidence; quote it separately otherwise.
        let quoted = point
            .evidence
            .first()
            .is_none_or(|e| point.reason.contains(&e.text));
        if !quoted {
            let words: Vec<String> = point
                .evidence
                .iter()
                .map(|e| format!("\u{201c}{}\u{201d}", e.text))
                .collect();
            writeln!(
                out,
                "{indent}            {} {}",
                "from".dimmed(),
                words.join(", ")
            )?;
        }
        if !point.reason.is_empty() {
            let pad = format!("{indent}            ");
            write_wrapped(out, &point.reason.dimmed().to_string(), &pad)?;
        }
    }
    if let Some(level) = &result.level {
        writeln!(
            out,
            "{indent}{} {}",
            format!("Level {}:", level.level).bold(),
            level.descriptor
        )?;
        write_wrapped(out, &level.reason, &format!("{indent}  "))?;
    }
    for penalty in &result.penalties {
        let words: Vec<String> = penalty
            .evidence
            .iter()
            .map(|e| format!("\u{201c}{}\u{201d}", e.text))
            .collect();
        writeln!(
            out,
            "{indent}{} {}{}",
            format!("-{} penalty", penalty.marks).red(),
            penalty.label,
            if words.is_empty() {
                String::new()
            } else {
                format!(" ({})", words.join(", "))
            }
        )?;
    }
    for note in &result.notes {
        write!(out, "{indent}{} ", "note:".yellow())?;
        write_wrapped(out, note, "")?;
    }
    Ok(())
}

/// Print one student's marked paper: each item's mark and reasons, then the total.
pub fn write_paper(out: &mut dyn Write, title: &str, marks: &PaperMarks) -> io::Result<()> {
    writeln!(out, "{}", title.bold())?;
    for (item, counted) in marks.items.iter().zip(&marks.score.counted) {
        writeln!(out)?;
        let head = format!("{} ({})", item.item.number, item.item.scheme_key());
        match &item.result {
            Some(result) => {
                let not_counted = if *counted {
                    String::new()
                } else {
                    " not counted: only the best questions of the section count".to_string()
                };
                writeln!(
                    out,
                    "{} {}{}",
                    head.bold(),
                    format!("{} / {}", result.awarded, result.max)
                        .bold()
                        .style(mark_style(result.awarded, result.max)),
                    not_counted.dimmed()
                )?;
                write_result_body(out, result, "  ")?;
            }
            None => writeln!(
                out,
                "{} {}",
                head.bold(),
                format!("0 / {} (not answered)", item.item.marks).red()
            )?,
        }
    }
    writeln!(out)?;
    write_total(out, marks)
}

fn write_total(out: &mut dyn Write, marks: &PaperMarks) -> io::Result<()> {
    let score = &marks.score;
    let grade = score
        .grade
        .as_deref()
        .map_or(String::new(), |g| format!(", grade {g}"));
    writeln!(
        out,
        "{} {}",
        "Total:".bold(),
        format!(
            "{} / {} ({:.1}%){grade}",
            score.total, score.max, score.percentage
        )
        .bold()
        .style(mark_style(score.total, score.max))
    )?;
    if score.spag_unmarked > 0 {
        let with = score
            .grade_with_spag
            .as_deref()
            .map_or(String::new(), |g| format!("; grade {g} with all of them"));
        writeln!(
            out,
            "{} up to {} SPaG marks (spelling, punctuation, grammar) for your teacher to award{with}",
            "Plus:".bold(),
            score.spag_unmarked,
        )?;
    }
    let unanswered: Vec<&str> = marks
        .items
        .iter()
        .filter(|i| i.result.is_none())
        .map(|i| i.item.number.as_str())
        .collect();
    if !unanswered.is_empty() {
        writeln!(
            out,
            "{} {}",
            "Not answered:".yellow(),
            unanswered.join(", ")
        )?;
    }
    Ok(())
}

/// Print a class summary: marks per question, grades, and the points most often missed.
pub fn write_summary(out: &mut dyn Write, summary: &ClassSummary) -> io::Result<()> {
    writeln!(
        out,
        "{} {} students, {} answers, mean {:.1}%",
        "Class:".bold(),
        summary.students,
        summary.answers,
        summary.mean_percentage
    )?;
    writeln!(
        out,
        "{} {} {} read, {} {} marked, {} blank",
        "Input:".bold(),
        summary.rows,
        plural(summary.rows, "row", "rows"),
        summary.answers,
        plural(summary.answers, "answer", "answers"),
        summary.blank,
    )?;
    if !summary.grades.is_empty() {
        let grades: Vec<String> = summary
            .grades
            .iter()
            .map(|g| format!("{} {}", g.grade, g.students))
            .collect();
        writeln!(out, "{} {}", "Grades:".bold(), grades.join(" · "))?;
    }
    if summary.spag_unmarked > 0 {
        writeln!(
            out,
            "{} {} marks a student are for the teacher to award (the `spag` column)",
            "SPaG:".bold(),
            summary.spag_unmarked
        )?;
    }
    writeln!(out, "{}", "Questions (mean of those who answered):".bold())?;
    for q in &summary.questions {
        writeln!(
            out,
            "  {:<8} {:>6.2} / {:<3} answered by {}",
            q.number, q.mean, q.max, q.answered
        )?;
    }
    if !summary.missed_points.is_empty() {
        writeln!(out, "{}", "Points missed most:".bold())?;
        for p in summary.missed_points.iter().take(MISSED_POINTS_SHOWN) {
            writeln!(
                out,
                "  {:>5.1}%  {:<8} {} {}",
                p.rate,
                p.number,
                p.label,
                format!("({} of {})", p.missed, p.answered).dimmed()
            )?;
        }
    }
    Ok(())
}

fn status_word(status: PointStatus) -> (&'static str, owo_colors::Style) {
    use owo_colors::Style;
    match status {
        PointStatus::Credited => ("credited", Style::new().green().bold()),
        PointStatus::NotCounted => ("not counted", Style::new().cyan()),
        PointStatus::Missed => ("missed", Style::new().yellow()),
        PointStatus::Negated => ("negated", Style::new().red()),
        PointStatus::Rejected => ("rejected", Style::new().red()),
    }
}

fn mark_style(awarded: u32, max: u32) -> owo_colors::Style {
    use owo_colors::Style;
    if max > 0 && awarded == max {
        Style::new().green()
    } else if awarded * 2 >= max && awarded > 0 {
        Style::new().yellow()
    } else {
        Style::new().red()
    }
}

/// Width text reports wrap prose at.
pub const WIDTH: usize = 88;

/// Write `text` wrapped at [`WIDTH`] with each line indented, keeping the author's
/// paragraphs (blank lines) and line breaks.
pub fn write_wrapped(out: &mut dyn Write, text: &str, indent: &str) -> io::Result<()> {
    let room = WIDTH.saturating_sub(indent.len()).max(20);
    for line in text.trim_end().lines() {
        if line.trim().is_empty() {
            writeln!(out)?;
            continue;
        }
        let mut current = String::new();
        for word in line.split_whitespace() {
            if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > room {
                writeln!(out, "{indent}{current}")?;
                current.clear();
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        writeln!(out, "{indent}{current}")?;
    }
    Ok(())
}

/// Print the end of a practice session: marks, topics to revise, points missed.
pub fn write_revision(out: &mut dyn Write, revision: &crate::practice::Revision) -> io::Result<()> {
    writeln!(out, "{}", "Session summary".bold())?;
    if revision.answered == 0 {
        writeln!(out, "  No answers yet.")?;
        return Ok(());
    }
    writeln!(
        out,
        "  {} answer{}, {}",
        revision.answered,
        if revision.answered == 1 { "" } else { "s" },
        format!("{} / {} marks", revision.awarded, revision.max)
            .bold()
            .style(mark_style(revision.awarded, revision.max))
    )?;
    let width = revision
        .topics
        .iter()
        .map(|t| t.title.chars().count())
        .max()
        .unwrap_or(0);
    for topic in &revision.topics {
        let flag = if topic.needs_revision() {
            "revise".red().bold().to_string()
        } else {
            "ok".green().to_string()
        };
        writeln!(
            out,
            "  {:<width$} {:>3} / {:<3} {flag}",
            topic.title, topic.awarded, topic.max
        )?;
    }
    if !revision.missed.is_empty() {
        writeln!(out, "{}", "Points to learn:".bold())?;
        for (key, label) in &revision.missed {
            writeln!(out, "  - {label} {}", format!("({key})").dimmed())?;
        }
    }
    Ok(())
}

fn plural(n: u64, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}
