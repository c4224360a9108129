//! One note question into a bank question and its draft scheme: the type and command from
//! the question's opening, the marks from the count or the points, a point per bullet (or
//! per sentence that carries a fact), the answer as the model answer, and each point's
//! phrasings drafted from its words and kept only when the marker itself credits the point
//! for its own words and for no other point's.

use super::marks::{self, Marks, MarksFrom};
use super::parse::NoteQuestion;
use super::phrasings::{self, Groups};
use crate::marking::Marker;
use crate::model::{
    Board, Pattern, Point, PointRules, Question, QuestionType, Rules, Scheme, SynonymFile,
};
use std::collections::BTreeSet;

/// What a drafted question needs from around it.
pub struct Context<'a> {
    /// The subject's synonym groups.
    pub synonyms: Option<&'a SynonymFile>,
    /// The same, as stems.
    pub groups: &'a Groups,
    /// Boards the questions suit.
    pub boards: &'a [Board],
    /// The notes file's name, for the guidance.
    pub source: &'a str,
    /// Stems found in many of the page's answers (see [`phrasings::Around`]).
    pub common: &'a BTreeSet<String>,
}

/// A drafted question, its scheme, and what the teacher should look at.
pub struct Drafted {
    /// The question.
    pub question: Question,
    /// Its scheme.
    pub scheme: Scheme,
    /// How the marks were found.
    pub marks: Marks,
    /// Things to review: points no phrasing could be drafted for, a count that the
    /// bullets do not reach.
    pub remarks: Vec<String>,
}

/// Draft question `id` from `note`.
pub fn draft(note: &NoteQuestion, id: String, cx: &Context<'_>) -> Drafted {
    let (kind, command) = marks::kind_and_command(&note.text);
    let lead = sentences(&note.lead.join(" "));
    let after = sentences(&note.after.join(" "));
    let question_stems = phrasings::stems_of(&note.text);
    let from_bullets = !note.bullets.is_empty();
    let points_text: Vec<String> = if from_bullets {
        note.bullets.iter().map(|(_, b)| sentence_of(b)).collect()
    } else {
        let all: Vec<String> = lead.iter().chain(&after).cloned().collect();
        let facts: Vec<String> = all
            .iter()
            .filter(|s| carries_fact(s, &question_stems, cx.groups))
            .cloned()
            .collect();
        if facts.is_empty() { all } else { facts }
    };
    let count = if from_bullets {
        lead.iter().rev().find_map(|s| marks::count_in(s))
    } else {
        None
    }
    .or_else(|| marks::count_in(&note.text));
    let marks = marks::infer(count, points_text.len(), from_bullets);
    let mut remarks = Vec::new();
    if let MarksFrom::CountAboveListed { said } = marks.from {
        remarks.push(format!(
            "the notes say {said} but give {}: marked out of {}; add the missing points",
            points_text.len(),
            marks.marks
        ));
    }
    let points = draft_points(&points_text, &note.text, cx, &mut remarks);
    let model_answer = lead
        .iter()
        .cloned()
        .chain(if from_bullets {
            points_text.clone()
        } else {
            Vec::new()
        })
        .chain(after)
        .collect::<Vec<_>>()
        .join(" ");
    let question = Question {
        id: id.clone(),
        boards: cx.boards.to_vec(),
        kind,
        marks: marks.marks,
        spag: 0,
        command,
        text: note.text.clone(),
        sources: Vec::new(),
        parts: Vec::new(),
        answer_parts: None,
        options: Vec::new(),
        answer_space: None,
        difficulty: difficulty(kind, marks.marks),
        tags: vec!["imported".into()],
        draft: true,
    };
    let scheme = Scheme {
        question: id,
        part: None,
        max: marks.marks,
        model_answer,
        guidance: guidance(note, &marks, points.len(), cx.source),
        echo_allowed: Vec::new(),
        synonyms: Default::default(),
        rules: Rules::Points(PointRules {
            choose: marks.choose,
            cap: None,
            points,
        }),
        penalties: Vec::new(),
        draft: true,
    };
    let drafted = Drafted {
        question,
        scheme,
        marks,
        remarks,
    };
    self_test(drafted, cx)
}

/// The model answer must earn full marks (as every scheme's must): say so when it does not.
fn self_test(mut drafted: Drafted, cx: &Context<'_>) -> Drafted {
    if let Ok(marker) = Marker::new(&drafted.scheme, &drafted.question.text, cx.synonyms) {
        let result = marker.mark(&drafted.scheme.model_answer);
        if result.awarded < result.max {
            drafted.remarks.push(format!(
                "its own answer earns {} of {} with the drafted phrasings: add phrasings to the points it misses",
                result.awarded, result.max
            ));
        }
    }
    drafted
}

fn draft_points(
    texts: &[String],
    question: &str,
    cx: &Context<'_>,
    remarks: &mut Vec<String>,
) -> Vec<Point> {
    let question_stems = phrasings::stems_of(question);
    let mut ids = BTreeSet::new();
    let mut points = Vec::with_capacity(texts.len());
    for (i, text) in texts.iter().enumerate() {
        let around = phrasings::Around {
            question: question_stems.clone(),
            elsewhere: texts
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .flat_map(|(_, t)| phrasings::stems_of(t))
                .collect(),
            common: Some(cx.common),
        };
        let keys = phrasings::keys(text, &around, cx.groups);
        let candidates = phrasings::candidates(&keys);
        let credits_own = |phrase: &String| credits(phrase, text, question, cx.synonyms);
        let credits_other = |phrase: &String| {
            texts
                .iter()
                .enumerate()
                .any(|(j, t)| j != i && credits(phrase, t, question, cx.synonyms))
        };
        let mut accept: Vec<String> = candidates
            .iter()
            .filter(|p| credits_own(p) && !credits_other(p))
            .cloned()
            .collect();
        if accept.is_empty() {
            accept = candidates
                .iter()
                .filter(|p| credits_own(p))
                .cloned()
                .collect();
        }
        if accept.is_empty() {
            remarks.push(format!(
                "point {} (\"{}\"): no phrasing drafted from its words credits it; write its accepted phrasings",
                i + 1,
                label_of(text)
            ));
            accept = candidates.into_iter().take(1).collect();
        }
        if accept.is_empty() {
            accept.push(label_of(text));
        }
        let id = unique(point_id(&keys, i), &mut ids);
        points.push(Point {
            id,
            label: label_of(text),
            marks: 1,
            accept: accept.into_iter().map(Pattern::Phrase).collect(),
            reject: Vec::new(),
            develop: None,
            side: None,
            describe: false,
            shares_words: false,
        });
    }
    points
}

/// Whether a one-point scheme accepting `phrase` credits `answer` to `question`.
fn credits(phrase: &str, answer: &str, question: &str, synonyms: Option<&SynonymFile>) -> bool {
    let scheme = Scheme {
        question: "draft".into(),
        part: None,
        max: 1,
        model_answer: answer.into(),
        guidance: Vec::new(),
        echo_allowed: Vec::new(),
        synonyms: Default::default(),
        rules: Rules::Points(PointRules {
            choose: None,
            cap: None,
            points: vec![Point {
                id: "p".into(),
                label: "p".into(),
                marks: 1,
                accept: vec![Pattern::Phrase(phrase.into())],
                reject: Vec::new(),
                develop: None,
                side: None,
                describe: false,
                shares_words: false,
            }],
        }),
        penalties: Vec::new(),
        draft: true,
    };
    Marker::new(&scheme, question, synonyms).is_ok_and(|m| m.mark(answer).awarded == 1)
}

/// A point's id from its two most telling words: `cominform-closed`.
fn point_id(keys: &[phrasings::Key], i: usize) -> String {
    let mut best: Vec<&phrasings::Key> = keys.iter().filter(|k| !k.echo).collect();
    best.sort_by(|a, b| b.score.cmp(&a.score).then(a.position.cmp(&b.position)));
    best.truncate(2);
    best.sort_by_key(|k| k.position);
    let slug = slug(
        &best
            .iter()
            .map(|k| k.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    );
    if slug.is_empty() {
        format!("point-{}", i + 1)
    } else {
        slug
    }
}

/// `text` as a key: lower-case ASCII words joined by hyphens.
pub fn slug(text: &str) -> String {
    crate::text::fold::fold(text)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// `id`, or `id-2`, `id-3`… when taken.
pub fn unique(id: String, taken: &mut BTreeSet<String>) -> String {
    let mut candidate = id.clone();
    let mut n = 2;
    while !taken.insert(candidate.clone()) {
        candidate = format!("{id}-{n}");
        n += 1;
    }
    candidate
}

/// A point's label: its text without the closing full stop.
fn label_of(text: &str) -> String {
    text.trim().trim_end_matches('.').trim().to_string()
}

/// A bullet as a sentence: capitalised, ending in a full stop.
fn sentence_of(text: &str) -> String {
    let text = text.trim().trim_end_matches([';', ',']);
    let mut chars = text.chars();
    let mut out: String = match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

/// Whether a sentence of an answer says something the question does not: a word of its
/// own that is not a weak word.
fn carries_fact(sentence: &str, question: &BTreeSet<String>, groups: &Groups) -> bool {
    let around = phrasings::Around {
        question: question.clone(),
        ..Default::default()
    };
    phrasings::keys(sentence, &around, groups)
        .iter()
        .any(|k| !k.echo && !k.weak)
}

/// Split text into sentences at `.`, `!` or `?` followed by a space and a capital, digit
/// or quote — not after an initial ("J. F. Kennedy") or a common abbreviation.
pub fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let Some(&(_, next)) = chars.get(k + 1) else {
            continue;
        };
        let Some(&(_, after)) = chars.get(k + 2) else {
            continue;
        };
        if !next.is_whitespace()
            || !(after.is_uppercase() || after.is_ascii_digit() || "'\"‘“".contains(after))
        {
            continue;
        }
        let word_before = text[start..i]
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let initial =
            word_before.chars().count() == 1 && word_before.chars().all(char::is_uppercase);
        if c == '.' && (initial || ["Mr", "Mrs", "Dr", "St", "eg", "ie"].contains(&word_before)) {
            continue;
        }
        let sentence = text[start..=i].trim();
        if !sentence.is_empty() {
            out.push(sentence.to_string());
        }
        start = i + c.len_utf8();
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
    out
}

/// Difficulty from what is asked: recall of one or two facts is easy; explaining, or
/// recalling many, is harder.
fn difficulty(kind: QuestionType, marks: u32) -> u8 {
    match (kind, marks) {
        (QuestionType::Recall, 0..=2) => 1,
        (QuestionType::Recall, _) | (QuestionType::Describe, 0..=3) => 2,
        _ => 3,
    }
}

fn guidance(note: &NoteQuestion, marks: &Marks, points: usize, source: &str) -> Vec<String> {
    let mut lines = vec![format!(
        "Drafted by examkit import notes from {source}, line {}: check the points and accepted phrasings.",
        note.line
    )];
    lines.push(match marks.from {
        MarksFrom::Count if marks.choose.is_some() => format!(
            "1 mark each for any {} of the {points} points.",
            marks.marks
        ),
        MarksFrom::Count | MarksFrom::Bullets if points == 1 => "1 mark for the point.".into(),
        MarksFrom::Count | MarksFrom::Bullets => {
            format!("1 mark for each of the {points} points.")
        }
        MarksFrom::CountAboveListed { said } => format!(
            "The notes ask for {said} but list {points}: 1 mark for each of these; add the others."
        ),
        MarksFrom::Sentences if points == 1 => "1 mark for the fact in the answer.".into(),
        MarksFrom::Sentences => format!("1 mark for each of the {points} facts in the answer."),
    });
    lines.push("Credit other valid points said in other words.".into());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_at_stops_not_initials() {
        assert_eq!(
            sentences("J. F. Kennedy was president. He acted in 1962. 13 days passed"),
            [
                "J. F. Kennedy was president.",
                "He acted in 1962.",
                "13 days passed"
            ]
        );
        assert_eq!(sentences("One. two."), ["One. two."]);
    }

    #[test]
    fn bullets_read_as_sentences() {
        assert_eq!(sentence_of("troops left Austria;"), "Troops left Austria.");
        assert_eq!(label_of("Troops left Austria."), "Troops left Austria");
    }

    #[test]
    fn ids_are_slugs_made_unique() {
        let mut taken = BTreeSet::new();
        assert_eq!(
            unique(slug("Cominform closed"), &mut taken),
            "cominform-closed"
        );
        assert_eq!(
            unique(slug("Cominform closed"), &mut taken),
            "cominform-closed-2"
        );
        assert_eq!(slug("Rákosi's @ussr"), "rakosi-s-ussr");
    }
}
