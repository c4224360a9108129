//! Turning what matching found into a mark: points with "any N" and caps, or a level and
//! a mark within it.

use super::claims::Withheld;
use super::develop::is_real_sentence;
use super::marker::{PointFinding, evidence};
use super::result::{LevelOutcome, Mark, MarkResult, PointOutcome, PointStatus};
use crate::model::{CapCondition, Level, LevelRequirements, LevelRules, Point, PointRules};
use crate::text::Analysis;
use std::collections::BTreeSet;

const ECHO_NOTE: &str = "Some of your answer only repeats the question, and words from the question earn nothing \
     on their own.";

/// Mark a points scheme.
pub(crate) fn points(
    rules: &PointRules,
    found: &[PointFinding],
    a: &Analysis,
    answer: &str,
    result: &mut MarkResult,
) -> Mark {
    let values: Vec<u32> = rules
        .points
        .iter()
        .zip(found)
        .map(|(p, f)| value(p, f))
        .collect();
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(values[i]));
    let choose = rules.choose.map_or(usize::MAX, |n| n as usize);
    let mut remaining = rules.cap.unwrap_or(u32::MAX);
    let mut given = vec![0u32; values.len()];
    let mut why_not = vec![None; values.len()];
    let mut counted = 0usize;
    for &i in &order {
        if values[i] == 0 {
            continue;
        }
        if counted >= choose {
            why_not[i] = Some(format!(
                "only the best {choose} point{} count",
                if choose == 1 { "" } else { "s" }
            ));
            continue;
        }
        counted += 1;
        given[i] = values[i].min(remaining);
        remaining -= given[i];
        if given[i] == 0 {
            why_not[i] = Some(format!(
                "the points together can earn at most {} marks",
                rules.cap.unwrap_or(0)
            ));
        }
    }
    let mut total: i64 = 0;
    for (i, (point, f)) in rules.points.iter().zip(found).enumerate() {
        let mut outcome = outcome(point, &rules.points, f, a, answer);
        outcome.awarded = given[i];
        total += given[i] as i64;
        if let Some(why) = &why_not[i] {
            outcome.status = PointStatus::NotCounted;
            outcome.reason = format!("{} Not counted: {why}.", outcome.reason);
        } else if given[i] < values[i] {
            outcome.reason = format!(
                "{} Only {} of its {} marks count: the points together can earn at most {}.",
                outcome.reason,
                given[i],
                values[i],
                rules.cap.unwrap_or(0)
            );
        }
        result.points.push(outcome);
    }
    echo_note(found, result);
    Mark::clamped(total, result.max)
}

/// Marks a finding is worth before "any N" and caps.
fn value(point: &Point, f: &PointFinding) -> u32 {
    if f.status != PointStatus::Credited {
        return 0;
    }
    let dev = match (&point.develop, f.developed) {
        (Some(d), true) => d.marks,
        _ => 0,
    };
    point.marks + dev
}

fn echo_note(found: &[PointFinding], result: &mut MarkResult) {
    if found.iter().any(|f| f.echo_only) {
        result.notes.push(ECHO_NOTE.to_string());
    }
}

/// The outcome of one point with its reason (awarded is filled in by the caller).
fn outcome(
    point: &Point,
    others: &[Point],
    f: &PointFinding,
    a: &Analysis,
    answer: &str,
) -> PointOutcome {
    let ev = f.evidence.map(|h| evidence(a, answer, &h));
    let quote = ev.as_ref().map(|e| e.text.clone()).unwrap_or_default();
    let reason = match f.status {
        PointStatus::Credited if f.developed => {
            format!("Made (\u{201c}{quote}\u{201d}) and developed with an explanation or detail.")
        }
        PointStatus::Credited => match &point.develop {
            Some(_) => format!(
                "Made (\u{201c}{quote}\u{201d}), but not developed: explain it (\u{201c}because\u{2026}\u{201d}, \u{201c}this meant\u{2026}\u{201d}) or support it with detail."
            ),
            None => format!("Made (\u{201c}{quote}\u{201d})."),
        },
        PointStatus::Negated => format!(
            "You stated this as not happening (\u{201c}{quote}\u{201d}), so it earns nothing."
        ),
        PointStatus::Rejected => {
            format!("Said in a way the mark scheme does not accept (\u{201c}{quote}\u{201d}).")
        }
        PointStatus::Missed if f.withheld.is_some() => match f.withheld {
            Some(Withheld::Taken(by)) => format!(
                "Not made: \u{201c}{quote}\u{201d} is already your evidence for \u{201c}{}\u{201d}, and one word earns one point.",
                others.get(by).map_or("another point", |p| p.label.as_str())
            ),
            _ => format!(
                "Named (\u{201c}{quote}\u{201d}) but not described: say what it was or what it did."
            ),
        },
        PointStatus::Missed if f.echo_only => {
            format!("Not made: \u{201c}{quote}\u{201d} only repeats the question.")
        }
        PointStatus::Missed | PointStatus::NotCounted => "Not found in your answer.".to_string(),
    };
    let available = point.marks + point.develop.as_ref().map_or(0, |d| d.marks);
    PointOutcome {
        id: point.id.clone(),
        label: point.label.clone(),
        status: f.status,
        awarded: 0,
        available,
        developed: f.developed,
        evidence: ev.into_iter().collect(),
        reason,
    }
}

/// What a levels answer shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    /// Distinct points credited.
    pub points: u32,
    /// Of them, developed.
    pub developed: u32,
    /// Sides covered.
    pub sides: u32,
}

impl Shown {
    fn meets(&self, r: &LevelRequirements) -> bool {
        self.points >= r.points && self.developed >= r.developed && self.sides >= r.sides
    }
}

/// Mark a levels scheme.
pub(crate) fn levels(
    rules: &LevelRules,
    found: &[PointFinding],
    a: &Analysis,
    answer: &str,
    result: &mut MarkResult,
) -> Mark {
    let mut sides = BTreeSet::new();
    let mut shown = Shown {
        points: 0,
        developed: 0,
        sides: 0,
    };
    for (point, f) in rules.points.iter().zip(found) {
        let mut outcome = outcome(point, &rules.points, f, a, answer);
        outcome.available = 0;
        if f.status == PointStatus::Credited {
            shown.points += 1;
            shown.developed += f.developed as u32;
            if let Some(side) = &point.side {
                sides.insert(side.as_str());
            }
        }
        result.points.push(outcome);
    }
    echo_note(found, result);
    shown.sides = sides.len() as u32;
    let scheme_sides: BTreeSet<&str> = rules
        .points
        .iter()
        .filter_map(|p| p.side.as_deref())
        .collect();
    let mut levels: Vec<&Level> = rules.levels.iter().collect();
    levels.sort_by_key(|l| l.level);
    let list_only = is_list_only(a);
    if list_only && shown.points > 0 {
        result.notes.push(
            "Your answer is a list of words or fragments rather than sentences, so it cannot \
             reach the top level: explain each point in full sentences."
                .to_string(),
        );
    }
    let placement = place(&levels, shown, &rules.caps, list_only, scheme_sides.len());
    let (mark, outcome) = match placement.level {
        None => (
            Mark::zero(result.max),
            LevelOutcome {
                level: 0,
                descriptor: "No creditworthy content.".to_string(),
                points: shown.points,
                developed: shown.developed,
                sides: shown.sides,
                reason: format!("{} Below level 1, so 0 marks.", describe(shown)),
            },
        ),
        Some(i) => {
            let level = levels[i];
            let [lo, hi] = level.marks;
            let (lo, hi) = (lo.min(hi), hi.max(lo));
            let (progress, why) = if placement.capped {
                (
                    1.0,
                    "the answer goes beyond this level but is capped, so the top of it".to_string(),
                )
            } else {
                progress(&levels, i, shown, rules.points.len() as u32)
            };
            let mark = lo + within_level(hi - lo, progress, i + 1 == levels.len());
            let mut reason = format!(
                "{} This meets level {} ({}).",
                describe(shown),
                level.level,
                requirements(&level.requires)
            );
            if let Some(next) = levels.get(i + 1)
                && !placement.capped
            {
                reason.push_str(&format!(
                    " Level {} needs {}.",
                    next.level,
                    requirements(&next.requires)
                ));
            }
            for why in &placement.caps {
                reason.push_str(&format!(" {why}"));
            }
            reason.push_str(&format!(
                " Mark {mark} within the level's {lo}\u{2013}{hi}: {why}."
            ));
            (
                Mark::clamped(mark as i64, result.max),
                LevelOutcome {
                    level: level.level,
                    descriptor: level.descriptor.clone(),
                    points: shown.points,
                    developed: shown.developed,
                    sides: shown.sides,
                    reason,
                },
            )
        }
    };
    result.level = Some(outcome);
    mark
}

/// Marks above the bottom of a level of `width + 1` marks, for an answer that goes
/// `progress` (0–1) of the way beyond the level's requirements (at the top level: toward one
/// more point and one more developed point than it requires).
///
/// Below the top level, an answer that just meets a level starts a third of the way into
/// it — the bottom mark of a two-mark level, one above the bottom of a three- or four-mark
/// one — and moves up in proportion as it approaches the next level. Starting in the middle
/// gave a bare answer the top of every two-mark level, which teachers reserve for answers
/// nearly at the next level. Reaching the top level's own requirements is already a strong
/// answer, so there the top mark needs a clear margin beyond them (teachers' marks in
/// `tests/data/student-answers` show both habits).
fn within_level(width: u32, progress: f64, top: bool) -> u32 {
    let width = width as f64;
    let marks = if top {
        (width * progress + 1e-9).floor()
    } else {
        (width * (1.0 + 2.0 * progress) / 3.0).round()
    };
    marks.clamp(0.0, width) as u32
}

/// Where an answer lands: an index into the sorted levels, and why it was held down.
struct Placement {
    level: Option<usize>,
    capped: bool,
    caps: Vec<String>,
}

fn place(
    levels: &[&Level],
    shown: Shown,
    caps: &[crate::model::Cap],
    list_only: bool,
    scheme_sides: usize,
) -> Placement {
    let mut out = Placement {
        level: None,
        capped: false,
        caps: Vec::new(),
    };
    if shown.points == 0 || levels.is_empty() {
        return out;
    }
    let Some(reached) = levels.iter().rposition(|l| shown.meets(&l.requires)) else {
        return out;
    };
    let mut max_index = reached;
    let mut limit = |max_level: u32, why: String, out: &mut Placement| {
        let allowed = levels
            .iter()
            .rposition(|l| l.level <= max_level)
            .unwrap_or(0);
        if allowed < max_index {
            max_index = allowed;
            out.caps.push(why);
        }
    };
    for cap in caps {
        let applies = match cap.when {
            CapCondition::OneSided => scheme_sides >= 2 && shown.sides < 2,
            CapCondition::Undeveloped => shown.developed == 0,
            CapCondition::ListOnly => list_only,
        };
        if applies {
            let what = match cap.when {
                CapCondition::OneSided => "it covers only one side of the argument",
                CapCondition::Undeveloped => "no point is developed",
                CapCondition::ListOnly => "it is a list rather than sentences",
            };
            limit(
                cap.max_level,
                format!("Held at level {} at most because {what}.", cap.max_level),
                &mut out,
            );
        }
    }
    if list_only && levels.len() >= 2 {
        let below_top = levels[levels.len() - 2].level;
        limit(
            below_top,
            "A list of words without sentences cannot reach the top level.".to_string(),
            &mut out,
        );
    }
    out.capped = max_index < reached;
    out.level = Some(max_index);
    out
}

/// How far an answer goes beyond level `i`'s requirements toward the next level's (or,
/// at the top, toward one more point and one more developed point): 0.0 to 1.0.
fn progress(levels: &[&Level], i: usize, shown: Shown, total_points: u32) -> (f64, String) {
    let here = levels[i].requires;
    let target = match levels.get(i + 1) {
        // A next level that asks for no more points than this one (it asks for development
        // instead) still leaves more points as a way up within this level: three reasons
        // listed go further than the two the level needs.
        Some(next) => LevelRequirements {
            points: next.requires.points.max(here.points + 1),
            ..next.requires
        },
        None => LevelRequirements {
            points: (here.points + 1).min(total_points.max(here.points)),
            developed: (here.developed + 1).min(total_points.max(here.developed)),
            sides: here.sides,
        },
    };
    let dims = [
        (shown.points, here.points, target.points),
        (shown.developed, here.developed, target.developed),
        (shown.sides, here.sides, target.sides),
    ];
    let mut sum = 0.0;
    let mut n = 0;
    for (have, need, goal) in dims {
        if goal > need {
            sum += (have.saturating_sub(need) as f64 / (goal - need) as f64).min(1.0);
            n += 1;
        }
    }
    if n == 0 {
        return (1.0, "it fully meets the level".to_string());
    }
    let p = sum / n as f64;
    let why = if p >= 1.0 {
        "it goes well beyond the level's requirements".to_string()
    } else if p > 0.0 {
        format!(
            "it goes {}% of the way toward the next step",
            (p * 100.0).round() as u32
        )
    } else {
        "it just meets the level's requirements".to_string()
    };
    (p, why)
}

fn describe(shown: Shown) -> String {
    format!(
        "Found {} point{}, {} developed, covering {} side{}.",
        shown.points,
        if shown.points == 1 { "" } else { "s" },
        shown.developed,
        shown.sides,
        if shown.sides == 1 { "" } else { "s" }
    )
}

fn requirements(r: &LevelRequirements) -> String {
    let mut parts = vec![format!(
        "{} point{}",
        r.points,
        if r.points == 1 { "" } else { "s" }
    )];
    if r.developed > 0 {
        parts.push(format!("{} developed", r.developed));
    }
    if r.sides > 0 {
        parts.push(format!("{} sides", r.sides));
    }
    parts.join(", ")
}

/// Whether the answer is a list of words or fragments rather than sentences: fewer than
/// half its words are in real sentences (five words or more with some function words, or
/// with a connective).
pub fn is_list_only(a: &Analysis) -> bool {
    if a.tokens.is_empty() {
        return false;
    }
    let in_sentences: usize = a
        .sentences
        .iter()
        .filter(|r| is_real_sentence(a, (*r).clone()))
        .map(|r| r.len())
        .sum();
    in_sentences * 2 < a.tokens.len()
}
