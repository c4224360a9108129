//! Where to look: the disagreements of each question summed up by rule, so a scheme author
//! sees "point `apart` credited by "gap" in 15 answers the teacher failed" before reading
//! any single answer. Pure counting over marked answers.

use super::Moderated;
use crate::marking::PointStatus;
use serde::Serialize;
use std::collections::BTreeMap;

/// The disagreements of one question, by rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionHints {
    /// Question id.
    pub question: String,
    /// Answers examkit marked higher than the teacher.
    pub too_generous: u64,
    /// Answers examkit marked lower than the teacher.
    pub too_harsh: u64,
    /// In the too-generous answers: which point was credited by which words, most often
    /// first.
    pub credited: Vec<RuleCount>,
    /// In the too-harsh answers: which point was missed, negated or rejected, most often
    /// first.
    pub not_credited: Vec<RuleCount>,
}

/// How often a point fared a given way (and, for credits, by which words).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    /// Point id.
    pub point: String,
    /// What happened: `credited`, `missed`, `negated`, `rejected`.
    pub status: String,
    /// The answer's words that made it (lower case), for credits and blocks.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub words: String,
    /// Answers.
    pub answers: u64,
}

/// Most words of evidence kept for grouping: long spans (an `all` across a sentence)
/// would otherwise make every answer its own group.
const KEY_WORDS: usize = 4;

fn short(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > KEY_WORDS {
        format!("{}…", words[..KEY_WORDS].join(" "))
    } else {
        words.join(" ")
    }
}

/// Sum up the disagreements per question: questions with most disagreements first.
pub fn hints(disagreeing: &[&Moderated]) -> Vec<QuestionHints> {
    type Counts = BTreeMap<(String, String, String), u64>;
    let mut by_question: BTreeMap<&str, (u64, u64, Counts, Counts)> = BTreeMap::new();
    for m in disagreeing {
        let entry = by_question.entry(m.question.as_str()).or_default();
        let generous = m.examkit() > m.teacher;
        if generous {
            entry.0 += 1;
        } else {
            entry.1 += 1;
        }
        for point in &m.result.points {
            let status = match point.status {
                PointStatus::Credited => "credited",
                PointStatus::NotCounted => continue,
                PointStatus::Missed => "missed",
                PointStatus::Negated => "negated",
                PointStatus::Rejected => "rejected",
            };
            let wanted = if generous {
                point.status == PointStatus::Credited
            } else {
                point.status != PointStatus::Credited
            };
            if !wanted {
                continue;
            }
            let words = if point.status == PointStatus::Missed {
                String::new()
            } else {
                point
                    .evidence
                    .iter()
                    .map(|e| short(&e.text))
                    .collect::<Vec<_>>()
                    .join(" … ")
                    .to_lowercase()
            };
            let counts = if generous { &mut entry.2 } else { &mut entry.3 };
            *counts
                .entry((point.id.clone(), status.to_string(), words))
                .or_default() += 1;
        }
    }
    let sorted = |counts: Counts| {
        let mut list: Vec<RuleCount> = counts
            .into_iter()
            .map(|((point, status, words), answers)| RuleCount {
                point,
                status,
                words,
                answers,
            })
            .collect();
        list.sort_by(|a, b| {
            b.answers
                .cmp(&a.answers)
                .then_with(|| a.words.cmp(&b.words))
        });
        list
    };
    let mut out: Vec<QuestionHints> = by_question
        .into_iter()
        .map(
            |(question, (too_generous, too_harsh, credited, not_credited))| QuestionHints {
                question: question.to_string(),
                too_generous,
                too_harsh,
                credited: sorted(credited),
                not_credited: sorted(not_credited),
            },
        )
        .collect();
    out.sort_by(|a, b| {
        (b.too_generous + b.too_harsh)
            .cmp(&(a.too_generous + a.too_harsh))
            .then_with(|| a.question.cmp(&b.question))
    });
    out
}
