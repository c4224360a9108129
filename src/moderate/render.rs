//! The moderation report as plain text: figures first, then the disagreements with the
//! engine's reasons, so a teacher reads down from "how well" to "what to change". Returns a
//! string; the command decides where it goes.

use super::hints::{QuestionHints, RuleCount};
use super::{Disagreement, Group, Report};
use crate::marking::PointStatus;
use std::fmt::Write as _;

/// Render the report (its disagreement list may have been cut to the worst few; the
/// heading says how many there were in all).
pub fn text(report: &Report) -> String {
    let mut out = String::new();
    let overall = &report.overall;
    let _ = writeln!(
        out,
        "Moderation: {} answers to {} questions, marked by the teacher and by examkit",
        overall.agreement.n,
        report.questions.len()
    );
    out.push('\n');
    figures_table(&mut out, overall, &report.topics);
    out.push('\n');
    confusion(&mut out, overall);
    out.push('\n');
    by_question(&mut out, &report.questions);
    out.push('\n');
    where_to_look(&mut out, &report.hints);
    disagreements(&mut out, report);
    if !report.skipped.is_empty() {
        let answers: u64 = report.skipped.iter().map(|s| s.answers).sum();
        let mut ids: Vec<&str> = report
            .skipped
            .iter()
            .take(5)
            .map(|s| s.question.as_str())
            .collect();
        if report.skipped.len() > 5 {
            ids.push("…");
        }
        let _ = writeln!(
            out,
            "\nSkipped {answers} answers to {} questions with no scheme loaded: {}",
            report.skipped.len(),
            ids.join(", ")
        );
    }
    out
}

fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "n/a".into(), |s| format!("{:.1}%", s * 100.0))
}

fn decimal(value: Option<f64>) -> String {
    value.map_or_else(|| "n/a".into(), |v| format!("{v:.3}"))
}

const HEADER: &str = "answers   exact  within 1   kappa     MAD  examkit higher / lower";

fn group_line(name: &str, width: usize, group: &Group) -> String {
    let a = &group.agreement;
    format!(
        "{name:<width$}  {:>7}  {:>6}  {:>8}  {:>6}  {:>6}  {:>14} / {}",
        a.n,
        percent(a.exact),
        percent(a.within_one),
        decimal(group.kappa()),
        decimal(a.mean_abs_diff),
        group.examkit_higher,
        group.examkit_lower
    )
}

fn figures_table(out: &mut String, overall: &Group, topics: &[Group]) {
    let width = topics
        .iter()
        .map(|t| t.name.len() + 2)
        .chain([7])
        .max()
        .unwrap_or(7);
    let _ = writeln!(out, "{:<width$}  {HEADER}", "");
    let _ = writeln!(out, "{}", group_line("overall", width, overall));
    if topics.len() > 1 {
        for topic in topics {
            let _ = writeln!(
                out,
                "{}",
                group_line(&format!("  {}", topic.name), width, topic)
            );
        }
    }
    let _ = writeln!(
        out,
        "(kappa: Cohen's for one-mark questions, quadratic weighted for multi-mark ones; \
         MAD: mean absolute difference in marks)"
    );
}

fn confusion(out: &mut String, group: &Group) {
    let _ = writeln!(
        out,
        "Confusion matrix (rows: teacher's mark; columns: examkit's mark)"
    );
    let rows = group.confusion.rows();
    let cell = rows
        .iter()
        .flatten()
        .map(|n| n.to_string().len())
        .max()
        .unwrap_or(1)
        .max(5);
    let mut header = format!("{:>10}", "");
    for e in 0..rows.len() {
        let _ = write!(header, "  {:>cell$}", format!("ek {e}"));
    }
    let _ = writeln!(out, "{header}");
    for (t, row) in rows.iter().enumerate() {
        let mut line = format!("{:>10}", format!("teacher {t}"));
        for n in row {
            let _ = write!(line, "  {n:>cell$}");
        }
        let _ = writeln!(out, "{line}");
    }
}

fn by_question(out: &mut String, questions: &[Group]) {
    let _ = writeln!(out, "By question, lowest agreement first");
    let width = questions
        .iter()
        .map(|q| q.name.len())
        .max()
        .unwrap_or(8)
        .max(8);
    let mut sorted: Vec<&Group> = questions.iter().collect();
    sorted.sort_by(|a, b| {
        let exact = |g: &Group| g.agreement.exact.unwrap_or(1.0);
        exact(a)
            .total_cmp(&exact(b))
            .then_with(|| a.name.cmp(&b.name))
    });
    let _ = writeln!(out, "{:<width$}  {HEADER}", "question");
    for group in sorted {
        let _ = writeln!(out, "{}", group_line(&group.name, width, group));
    }
}

/// Questions shown in "Where to look", and rules shown per direction.
const HINT_QUESTIONS: usize = 10;
const HINT_RULES: usize = 4;

fn where_to_look(out: &mut String, hints: &[QuestionHints]) {
    if hints.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "Where to look: the rules behind the disagreements, most disagreements first"
    );
    for h in hints.iter().take(HINT_QUESTIONS) {
        let _ = writeln!(
            out,
            "{}: {} disagreements",
            h.question,
            h.too_generous + h.too_harsh
        );
        let rules = |list: &[RuleCount]| {
            let mut parts: Vec<String> = list
                .iter()
                .take(HINT_RULES)
                .map(|r| {
                    if r.words.is_empty() {
                        format!("`{}` {} ×{}", r.point, r.status, r.answers)
                    } else {
                        format!(
                            "`{}` {} by \"{}\" ×{}",
                            r.point, r.status, r.words, r.answers
                        )
                    }
                })
                .collect();
            if list.len() > HINT_RULES {
                parts.push("…".into());
            }
            parts.join(", ")
        };
        if h.too_generous > 0 {
            let _ = writeln!(
                out,
                "  too generous {}: {}",
                h.too_generous,
                rules(&h.credited)
            );
        }
        if h.too_harsh > 0 {
            let _ = writeln!(
                out,
                "  too harsh {}: {}",
                h.too_harsh,
                rules(&h.not_credited)
            );
        }
    }
    if hints.len() > HINT_QUESTIONS {
        let _ = writeln!(out, "(and {} more questions)", hints.len() - HINT_QUESTIONS);
    }
    out.push('\n');
}

fn disagreements(out: &mut String, report: &Report) {
    if report.disagreement_count == 0 {
        let _ = writeln!(out, "No disagreements.");
        return;
    }
    let _ = writeln!(
        out,
        "Disagreements, worst first ({} shown of {})",
        report.disagreements.len(),
        report.disagreement_count
    );
    for (i, d) in report.disagreements.iter().enumerate() {
        out.push('\n');
        disagreement(out, i + 1, d);
    }
}

fn disagreement(out: &mut String, number: usize, d: &Disagreement) {
    let verdict = if d.examkit > d.teacher {
        "examkit too generous"
    } else {
        "examkit too harsh"
    };
    let _ = writeln!(
        out,
        "{number}. {} (line {}): teacher {}, examkit {} of {} — {verdict}",
        d.question, d.line, d.teacher, d.examkit, d.max
    );
    let _ = writeln!(out, "   answer: \"{}\"", one_line(&d.answer));
    for point in &d.points {
        let mark = match point.status {
            PointStatus::Credited => "✓",
            PointStatus::NotCounted => "·",
            PointStatus::Missed => "✗",
            PointStatus::Negated => "¬",
            PointStatus::Rejected => "⊘",
        };
        let status = match point.status {
            PointStatus::Credited => "credited",
            PointStatus::NotCounted => "made, not counted",
            PointStatus::Missed => "missed",
            PointStatus::Negated => "negated",
            PointStatus::Rejected => "rejected",
        };
        let mut line = format!("   {mark} {} ({status}", point.id);
        if !point.evidence.is_empty() {
            let words: Vec<String> = point
                .evidence
                .iter()
                .map(|e| format!("\"{}\"", one_line(&e.text)))
                .collect();
            let _ = write!(line, " by {}", words.join(", "));
        }
        line.push(')');
        if !point.reason.is_empty() {
            let _ = write!(line, ": {}", point.reason);
        } else {
            let _ = write!(line, ": {}", point.label);
        }
        let _ = writeln!(out, "{line}");
    }
    for penalty in &d.penalties {
        let words: Vec<String> = penalty
            .evidence
            .iter()
            .map(|e| format!("\"{}\"", one_line(&e.text)))
            .collect();
        let _ = writeln!(
            out,
            "   − {} mark(s): {} (by {})",
            penalty.marks,
            penalty.label,
            words.join(", ")
        );
    }
    for note in &d.notes {
        let _ = writeln!(out, "   note: {note}");
    }
}

/// Answers may hold line breaks; the report keeps each on one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marking::{Evidence, MarkResult, PointOutcome};
    use crate::moderate::{Moderated, report};

    fn marked(line: u64, question: &str, teacher: u32, examkit: u32) -> Moderated {
        Moderated {
            line,
            question: question.into(),
            topic: "t".into(),
            answer: format!("answer on\nline {line}"),
            teacher,
            result: MarkResult {
                key: question.into(),
                awarded: examkit,
                max: 1,
                points: vec![PointOutcome {
                    id: "gap".into(),
                    label: "There is a gap".into(),
                    status: if examkit == 1 {
                        PointStatus::Credited
                    } else {
                        PointStatus::Missed
                    },
                    awarded: examkit,
                    available: 1,
                    developed: false,
                    evidence: if examkit == 1 {
                        vec![Evidence {
                            start: 0,
                            end: 3,
                            text: "gap".into(),
                        }]
                    } else {
                        vec![]
                    },
                    reason: String::new(),
                }],
                level: None,
                penalties: vec![],
                notes: vec![],
                model_answer: String::new(),
            },
        }
    }

    #[test]
    fn the_text_report_gives_figures_matrix_and_reasons() {
        let answers = vec![
            marked(2, "q1", 1, 1),
            marked(3, "q1", 0, 1),
            marked(4, "q2", 1, 0),
            marked(5, "q2", 0, 0),
        ];
        let text = text(&report(&answers, vec![]));
        assert!(text.contains("4 answers to 2 questions"), "{text}");
        assert!(text.contains("overall"), "{text}");
        assert!(text.contains("50.0%"), "{text}");
        assert!(text.contains("teacher 0"), "{text}");
        assert!(
            text.contains("q1 (line 3): teacher 0, examkit 1 of 1 — examkit too generous"),
            "{text}"
        );
        assert!(text.contains("✓ gap (credited by \"gap\")"), "{text}");
        assert!(text.contains("✗ gap (missed): There is a gap"), "{text}");
        assert!(text.contains("answer: \"answer on line 4\""), "{text}");
        assert!(text.contains("q1: 1 disagreements"), "{text}");
        assert!(
            text.contains("  too generous 1: `gap` credited by \"gap\" ×1"),
            "{text}"
        );
        assert!(text.contains("  too harsh 1: `gap` missed ×1"), "{text}");
    }
}
