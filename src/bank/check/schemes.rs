//! Schemes against their questions, and whether their rules can give exactly the marks on
//! offer: every question and part has one scheme, `max` equals the marks, points can reach
//! `max`, level ranges tile 1..=max, multiple-choice answers are among the options.

use super::{Checker, join, marks};
use crate::bank::explain::nearest;
use crate::bank::{BankQuestion, BankScheme, span};
use crate::model::{ChoiceOption, LevelRules, Point, PointRules, QuestionType, Rules};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

pub(super) fn check(c: &mut Checker<'_>) {
    let bank = c.bank;
    let questions: BTreeMap<&str, &BankQuestion> = bank
        .questions
        .iter()
        .map(|q| (q.question.id.as_str(), q))
        .collect();
    let mut keys: BTreeMap<String, usize> = BTreeMap::new();
    for (i, bs) in bank.schemes.iter().enumerate() {
        let path = bank.scheme_path(i);
        let key = bs.scheme.key();
        if let Some(&j) = keys.get(&key) {
            let first_at = c.place(
                &bank.schemes[j].file,
                &span::child(&bank.scheme_path(j), "question"),
            );
            c.error(
                &bs.file,
                &span::child(&path, "question"),
                format!("a second mark scheme for `{key}` (the first is at {first_at})"),
                "keep one scheme per question (or per part); merge or delete the other",
            );
        } else {
            keys.insert(key, i);
        }
        let target = if bank.questions.is_empty() {
            None
        } else {
            against_question(c, bs, &path, &questions)
        };
        if !c.unbounded.schemes.contains(&i) {
            check_rules(c, bs, &path, target.as_ref());
        }
    }
    // A bank of questions alone (no scheme files given) is not missing its schemes.
    if !bank.schemes.is_empty() || bank.locations.schemes_loaded_for.is_some() {
        for (i, bq) in bank.questions.iter().enumerate() {
            let loaded = &bank.locations.schemes_loaded_for;
            if loaded
                .as_ref()
                .is_some_and(|ids| !ids.contains(&bq.question.id))
            {
                continue;
            }
            without_scheme(c, bq, &bank.question_path(i), &keys);
        }
    }
}

/// What a scheme marks: its marks and, for multiple choice, its options.
struct Target<'a> {
    what: String,
    marks: u32,
    options: &'a [ChoiceOption],
    multiple_choice: bool,
}

/// Find the question (or part) a scheme marks, reporting a scheme that marks nothing.
fn against_question<'a>(
    c: &mut Checker<'_>,
    bs: &BankScheme,
    path: &str,
    questions: &BTreeMap<&str, &'a BankQuestion>,
) -> Option<Target<'a>> {
    let scheme = &bs.scheme;
    let file = bs.file.as_path();
    let Some(bq) = questions.get(scheme.question.as_str()) else {
        let unknown = c.bank.locations.unloaded.contains(&scheme.question)
            || c.bank.locations.topic_unknown(&bs.subject, &bs.topic);
        if !unknown {
            let help = match nearest(&scheme.question, questions.keys().copied()) {
                Some(near) => format!("did you mean `{near}`? Otherwise add the question to the bank or delete this scheme"),
                None => "check the id against the question bank, add the question, or delete this scheme".to_string(),
            };
            c.error(
                file,
                &span::child(path, "question"),
                format!(
                    "mark scheme for `{}`, but there is no question with that id",
                    scheme.question
                ),
                help,
            );
        }
        return None;
    };
    let q = &bq.question;
    if (bq.subject.as_str(), bq.topic.as_str()) != (bs.subject.as_str(), bs.topic.as_str()) {
        c.warning(
            file,
            &span::child(path, "question"),
            format!(
                "question `{}` is on topic `{}/{}`, but this scheme file is for `{}/{}`",
                q.id, bq.subject, bq.topic, bs.subject, bs.topic
            ),
            format!(
                "move the scheme to mark-schemes/{}/{}.yaml, beside its question's topic",
                bq.subject, bq.topic
            ),
        );
    }
    match (&scheme.part, q.has_parts()) {
        (None, false) => Some(Target {
            what: format!("question `{}`", q.id),
            marks: q.marks,
            options: &q.options,
            multiple_choice: q.kind == QuestionType::MultipleChoice,
        }),
        (None, true) => {
            c.error(
                file,
                &span::child(path, "question"),
                format!(
                    "question `{}` has parts ({}): each part needs its own scheme",
                    q.id,
                    join(q.parts.iter().map(|p| &p.label))
                ),
                "add `part: <label>` to this scheme, one scheme per part",
            );
            None
        }
        (Some(label), false) => {
            c.error(
                file,
                &span::child(path, "part"),
                format!(
                    "question `{}` has no parts, but this scheme is for part `{label}`",
                    q.id
                ),
                "remove `part`",
            );
            None
        }
        (Some(label), true) => match q.part(label) {
            Some(part) => Some(Target {
                what: format!("part ({label}) of question `{}`", q.id),
                marks: part.marks,
                options: &part.options,
                multiple_choice: part.kind == QuestionType::MultipleChoice,
            }),
            None => {
                c.error(
                    file,
                    &span::child(path, "part"),
                    format!("question `{}` has no part `{label}`", q.id),
                    format!("its parts are {}", join(q.parts.iter().map(|p| &p.label))),
                );
                None
            }
        },
    }
}

/// Report a question, or part, that no scheme marks.
fn without_scheme(
    c: &mut Checker<'_>,
    bq: &BankQuestion,
    path: &str,
    keys: &BTreeMap<String, usize>,
) {
    let q = &bq.question;
    let file = bq.file.as_path();
    if c.bank.locations.topic_unknown(&bq.subject, &bq.topic) {
        return;
    }
    let where_ = format!("mark-schemes/{}/{}.yaml", bq.subject, bq.topic);
    if q.parts.is_empty() {
        if !keys.contains_key(&q.id) && !c.bank.locations.unloaded.contains(&q.id) {
            c.error(
                file,
                &span::child(path, "id"),
                format!("question `{}` has no mark scheme", q.id),
                format!("add a scheme with `question: {}` to {where_}", q.id),
            );
        }
        return;
    }
    for (k, part) in q.parts.iter().enumerate() {
        let key = format!("{}/{}", q.id, part.label);
        if !keys.contains_key(&key) && !c.bank.locations.unloaded.contains(&key) {
            c.error(
                file,
                &span::child(&span::item(&span::child(path, "parts"), k), "label"),
                format!(
                    "part ({}) of question `{}` has no mark scheme",
                    part.label, q.id
                ),
                format!(
                    "add a scheme with `question: {}` and `part: {}` to {where_}",
                    q.id, part.label
                ),
            );
        }
    }
}

fn check_rules(c: &mut Checker<'_>, bs: &BankScheme, path: &str, target: Option<&Target<'_>>) {
    let scheme = &bs.scheme;
    let file = bs.file.as_path();
    if let Some(t) = target
        && t.marks != scheme.max
    {
        c.error(
            file,
            &span::child(path, "max"),
            format!(
                "`max: {}` but {} is worth {}",
                scheme.max,
                t.what,
                marks(t.marks)
            ),
            format!("make `max: {}`, or correct the question's marks", t.marks),
        );
    }
    if scheme.model_answer.trim().is_empty() {
        c.error(
            file,
            &span::child(path, "model_answer"),
            "empty model answer",
            "write a full-mark answer in a student's voice: it is shown after marking and must earn full marks",
        );
    }
    for (k, penalty) in scheme.penalties.iter().enumerate() {
        if penalty.when.is_empty() {
            c.error_key(
                file,
                &span::child(&span::item(&span::child(path, "penalties"), k), "when"),
                format!(
                    "penalty \"{}\" has no phrasings under `when`",
                    penalty.label
                ),
                "list the wrong statement's phrasings under `when`",
            );
        }
    }
    let rules = span::child(path, "rules");
    let is_choice = matches!(scheme.rules, Rules::Choice(_));
    if let Some(t) = target
        && t.multiple_choice != is_choice
    {
        let (message, help) = if is_choice {
            (
                format!(
                    "{} is not multiple choice, but this scheme marks it by `choice`",
                    t.what
                ),
                "mark it with `points` or `levels`, or make it `type: multiple-choice` with `options`",
            )
        } else {
            (
                format!("{} is multiple choice: mark it with `choice`", t.what),
                "write `rules: {choice: {correct: <label>}}`",
            )
        };
        c.error_key(file, &rules, message, help);
        return;
    }
    match &scheme.rules {
        Rules::Points(p) => {
            let ppath = span::child(&rules, "points");
            check_points_list(c, file, &ppath, &p.points);
            check_attainable(c, file, &ppath, p, scheme.max);
        }
        Rules::Levels(l) => {
            let lpath = span::child(&rules, "levels");
            check_points_list(c, file, &lpath, &l.points);
            check_levels(c, file, &lpath, l, scheme.max);
        }
        Rules::Choice(choice) => {
            if let Some(t) = target
                && !t.options.iter().any(|o| o.label == choice.correct)
            {
                let options = if t.options.is_empty() {
                    format!("{} has no options", t.what)
                } else {
                    format!(
                        "the options of {} are {}",
                        t.what,
                        join(t.options.iter().map(|o| &o.label))
                    )
                };
                c.error(
                    file,
                    &span::child(&span::child(&rules, "choice"), "correct"),
                    format!(
                        "`correct: {}` is not one of the options: {options}",
                        choice.correct
                    ),
                    "use the label of the right option, exactly as the question lists it",
                );
            }
        }
    }
}

/// Point ids are unique and every point can be said somehow.
fn check_points_list(c: &mut Checker<'_>, file: &Path, path: &str, points: &[Point]) {
    let mut ids = BTreeMap::new();
    for (k, point) in points.iter().enumerate() {
        let ppath = span::item(&span::child(path, "points"), k);
        if let Some(j) = ids.insert(point.id.as_str(), k) {
            let first_at = c.place(
                file,
                &span::child(&span::item(&span::child(path, "points"), j), "id"),
            );
            c.error(
                file,
                &span::child(&ppath, "id"),
                format!(
                    "point id `{}` is used twice in this scheme (first at {first_at})",
                    point.id
                ),
                "give each point its own id: reports and class summaries use it",
            );
        }
        if point.accept.is_empty() {
            c.error_key(
                file,
                &span::child(&ppath, "accept"),
                format!("point `{}` has no accepted phrasings", point.id),
                "list at least one way of saying the point under `accept`",
            );
        }
    }
}

/// The best the points can earn must reach `max`.
fn check_attainable(c: &mut Checker<'_>, file: &Path, path: &str, rules: &PointRules, max: u32) {
    if let Some(n) = rules.choose
        && (n == 0 || n as usize > rules.points.len())
    {
        c.error(
            file,
            &span::child(path, "choose"),
            format!(
                "`choose: {n}` but the scheme has {} points",
                rules.points.len()
            ),
            format!("use a number from 1 to {}", rules.points.len().max(1)),
        );
        return;
    }
    let mut worth: Vec<u32> = rules
        .points
        .iter()
        .map(|p| p.marks + p.develop.as_ref().map_or(0, |d| d.marks))
        .collect();
    worth.sort_unstable_by(|a, b| b.cmp(a));
    let counted = rules.choose.map_or(worth.len(), |n| n as usize);
    let best: u32 = worth.iter().take(counted).sum();
    let reachable = rules.cap.map_or(best, |cap| best.min(cap));
    if reachable < max {
        let mut why = match rules.choose {
            Some(n) => format!("the best {n} points earn {best}"),
            None => format!("all the points together earn {best}"),
        };
        if let Some(cap) = rules.cap
            && cap < best
        {
            why.push_str(&format!(", capped at {cap}"));
        }
        c.error_key(
            file,
            path,
            format!("these points can never reach `max: {max}`: {why}"),
            "add points, give points (or their development) more marks, or raise `choose`/`cap`",
        );
    }
}

/// Levels numbered 1, 2, 3…; ranges from 1 to `max` with no gaps or overlaps; caps within
/// the levels; requirements the scheme's points can meet.
fn check_levels(c: &mut Checker<'_>, file: &Path, path: &str, rules: &LevelRules, max: u32) {
    let levels_path = span::child(path, "levels");
    if rules.levels.is_empty() {
        c.error_key(
            file,
            &levels_path,
            "no levels",
            "list the levels, lowest first, each with `level`, `marks: [lo, hi]` and `descriptor`",
        );
        return;
    }
    let sides: BTreeSet<&str> = rules
        .points
        .iter()
        .filter_map(|p| p.side.as_deref())
        .collect();
    let mut previous_hi: Option<u32> = None;
    for (k, level) in rules.levels.iter().enumerate() {
        let lpath = span::item(&levels_path, k);
        let expected = k as u32 + 1;
        if level.level != expected {
            c.error(
                file,
                &span::child(&lpath, "level"),
                format!(
                    "level {} is listed where level {expected} belongs",
                    level.level
                ),
                "number the levels 1, 2, 3… from the lowest, in order",
            );
        }
        let [lo, hi] = level.marks;
        let marks_path = span::child(&lpath, "marks");
        if lo > hi {
            c.error(
                file,
                &marks_path,
                format!("level {} runs from {lo} down to {hi}", level.level),
                "write the range as [lowest, highest]",
            );
        }
        match previous_hi {
            None if lo != 1 => c.error(
                file,
                &marks_path,
                format!("the lowest level starts at {lo}, not 1"),
                "start level 1 at 1 mark (0 is for an answer with nothing creditworthy)",
            ),
            Some(prev) if lo > prev + 1 => c.error(
                file,
                &marks_path,
                format!(
                    "gap between levels: {} is in no level",
                    if lo == prev + 2 {
                        format!("mark {}", prev + 1)
                    } else {
                        format!("marks {} to {}", prev + 1, lo - 1)
                    }
                ),
                format!("start level {} at {}", level.level, prev + 1),
            ),
            Some(prev) if lo <= prev => c.error(
                file,
                &marks_path,
                format!("levels overlap: mark {lo} is in two levels"),
                format!("start level {} at {}", level.level, prev + 1),
            ),
            _ => {}
        }
        previous_hi = Some(hi);
        let needs = level.requires;
        if needs.points as usize > rules.points.len() {
            c.error(
                file,
                &span::child(&span::child(&lpath, "requires"), "points"),
                format!(
                    "level {} needs {} distinct points but the scheme lists only {}",
                    level.level,
                    needs.points,
                    rules.points.len()
                ),
                "add indicative points, or lower the requirement",
            );
        }
        if needs.sides as usize > sides.len() {
            c.error(
                file,
                &span::child(&span::child(&lpath, "requires"), "sides"),
                format!(
                    "level {} needs {} sides but the points name {} ({})",
                    level.level,
                    needs.sides,
                    sides.len(),
                    join(&sides)
                ),
                "give points a `side` (e.g. for/against), or lower the requirement",
            );
        }
    }
    if let Some(top) = previous_hi
        && top != max
    {
        let last = span::item(&levels_path, rules.levels.len() - 1);
        c.error(
            file,
            &span::child(&last, "marks"),
            format!("the top level ends at {top} but `max` is {max}"),
            format!("end the top level at {max}"),
        );
    }
    // The answer goes to the highest level whose requirements it meets, so a level is dead
    // when a higher one asks for no more — unless a cap can bring an answer down to it.
    for (k, level) in rules.levels.iter().enumerate() {
        let needs = level.requires;
        let higher = rules.levels[k + 1..].iter().find(|h| {
            h.requires.points <= needs.points
                && h.requires.developed <= needs.developed
                && h.requires.sides <= needs.sides
        });
        let capped_here = rules.caps.iter().any(|c| c.max_level == level.level);
        if let Some(higher) = higher
            && !capped_here
        {
            c.error(
                file,
                &span::child(&span::item(&levels_path, k), "requires"),
                format!(
                    "level {} can never be awarded: level {} above it asks for no more (points {}, developed {}, sides {})",
                    level.level,
                    higher.level,
                    higher.requires.points,
                    higher.requires.developed,
                    higher.requires.sides
                ),
                "make each level's `requires` ask for more than the level below",
            );
        }
    }
    for (k, cap) in rules.caps.iter().enumerate() {
        if cap.max_level == 0 || cap.max_level as usize > rules.levels.len() {
            c.error(
                file,
                &span::child(&span::item(&span::child(path, "caps"), k), "max_level"),
                format!(
                    "`max_level: {}` but there are {} levels",
                    cap.max_level,
                    rules.levels.len()
                ),
                format!("use a level from 1 to {}", rules.levels.len()),
            );
        }
    }
}
