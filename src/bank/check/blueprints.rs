//! Whether the bank can fill each blueprint: every slot on its own (how many questions of
//! the blueprint's board and subject fit it), then all slots at once with different
//! questions — a bipartite matching of slots to questions, since two slots may want the same
//! few questions. Also: `answer` within the section, grade boundaries in order and within
//! the paper's total.

use super::{Checker, join};
use crate::bank::{BankBlueprint, BankQuestion, span};
use crate::model::{Blueprint, Slot};

/// Whether `question` may fill `slot` of `blueprint` (see [`Slot::accepts`]).
fn slot_accepts(blueprint: &Blueprint, slot: &Slot, question: &BankQuestion) -> bool {
    slot.accepts(
        blueprint,
        &question.subject,
        &question.topic,
        &question.question,
    )
}

/// One place a question goes: a slot with `count: 3` is three places.
struct Place {
    section: usize,
    slot: usize,
    /// Indices into the bank's questions that fit.
    fits: Vec<usize>,
}

pub(super) fn check(c: &mut Checker<'_>) {
    // With no questions loaded (a blueprint checked on its own) only the blueprint's own
    // consistency can be judged.
    let with_bank = !c.bank.questions.is_empty();
    for (i, bb) in c.bank.blueprints.iter().enumerate() {
        if !c.unbounded.blueprints.contains(&i) {
            check_blueprint(c, bb, with_bank);
        }
    }
}

fn slot_path(section: usize, slot: usize) -> String {
    span::item(
        &span::child(&span::item("sections", section), "slots"),
        slot,
    )
}

fn slot_name(bp: &Blueprint, section: usize, slot: usize) -> String {
    format!(
        "slot {} of \"{}\" ({})",
        slot + 1,
        bp.sections[section].title,
        bp.sections[section].slots[slot].describe()
    )
}

fn check_blueprint(c: &mut Checker<'_>, bb: &BankBlueprint, with_bank: bool) {
    let bp = &bb.blueprint;
    let file = bb.file.as_path();
    let bank = c.bank;
    let mut places = Vec::new();
    let mut short = false;
    for (si, section) in bp.sections.iter().enumerate() {
        let mut section_places = 0;
        for (ki, slot) in section.slots.iter().enumerate() {
            let fits: Vec<usize> = (0..bank.questions.len())
                .filter(|&i| slot_accepts(bp, slot, &bank.questions[i]))
                .collect();
            if slot.count == 0 {
                c.error(
                    file,
                    &span::child(&slot_path(si, ki), "count"),
                    "`count: 0` places no question",
                    "use 1 or more, or remove the slot",
                );
            }
            if with_bank && fits.len() < slot.count as usize {
                short = true;
                c.error(
                    file,
                    &slot_path(si, ki),
                    format!(
                        "the bank cannot fill {}: it needs {} but {} {} {} questions fit",
                        slot_name(bp, si, ki),
                        slot.count,
                        fits.len(),
                        bp.board,
                        bp.subject,
                    ),
                    narrowing(bp, slot, &bank.questions),
                );
            }
            for _ in 0..slot.count {
                places.push(Place {
                    section: si,
                    slot: ki,
                    fits: fits.clone(),
                });
            }
            section_places += slot.count;
        }
        if let Some(n) = section.answer
            && (n == 0 || n > section_places)
        {
            c.error(
                file,
                &span::child(&span::item("sections", si), "answer"),
                format!(
                    "`answer: {n}` but section \"{}\" has {section_places} questions",
                    section.title
                ),
                format!("use a number from 1 to {section_places}"),
            );
        }
    }
    if with_bank && !short {
        check_matching(c, bb, &places);
    }
    check_topics(c, bb);
    check_boundaries(c, bb);
}

/// Explain which constraint leaves a slot short: count what fits as each is added.
fn narrowing(bp: &Blueprint, slot: &Slot, questions: &[BankQuestion]) -> String {
    let mut steps = Vec::new();
    let mut pool: Vec<&BankQuestion> = questions
        .iter()
        .filter(|q| q.subject == bp.subject && q.question.boards.contains(&bp.board))
        .collect();
    steps.push(format!(
        "{} {} questions suit {}",
        pool.len(),
        bp.subject,
        bp.board
    ));
    let mut narrow =
        |what: String, keep: &dyn Fn(&BankQuestion) -> bool, pool: &mut Vec<&BankQuestion>| {
            if !pool.is_empty() {
                pool.retain(|q| keep(q));
                steps.push(format!("{} {what}", pool.len()));
            }
        };
    if let Some(kind) = slot.kind {
        narrow(
            format!("of those are of type {}", kind.key()),
            &|q| q.question.kind == kind,
            &mut pool,
        );
    }
    if let Some(marks) = slot.marks {
        narrow(
            format!("are worth {marks} marks"),
            &|q| q.question.marks == marks,
            &mut pool,
        );
    }
    if let Some(spag) = slot.spag {
        narrow(
            format!("carry {spag} SPaG marks"),
            &|q| q.question.spag == spag,
            &mut pool,
        );
    }
    if !slot.topics.is_empty() {
        narrow(
            format!("are on topics [{}]", join(&slot.topics)),
            &|q| slot.topics.contains(&q.topic),
            &mut pool,
        );
    }
    if !slot.tags.is_empty() {
        narrow(
            format!("carry tags [{}]", join(&slot.tags)),
            &|q| slot.tags.iter().all(|t| q.question.tags.contains(t)),
            &mut pool,
        );
    }
    format!(
        "{}; add questions that fit, or loosen the slot",
        steps.join(", ")
    )
}

/// All places at once with distinct questions (Kuhn's augmenting paths; banks are small).
fn check_matching(c: &mut Checker<'_>, bb: &BankBlueprint, places: &[Place]) {
    let mut owner: Vec<Option<usize>> = vec![None; c.bank.questions.len()];
    for p in 0..places.len() {
        let mut seen = vec![false; owner.len()];
        if augment(p, places, &mut owner, &mut seen) {
            continue;
        }
        // Hall's condition fails: the places reachable from `p` by alternating paths need
        // more questions than all of them together can use.
        let mut reach_places = vec![false; places.len()];
        let mut reach_questions = vec![false; owner.len()];
        let mut stack = vec![p];
        reach_places[p] = true;
        while let Some(at) = stack.pop() {
            for &q in &places[at].fits {
                if !reach_questions[q] {
                    reach_questions[q] = true;
                    if let Some(o) = owner[q]
                        && !reach_places[o]
                    {
                        reach_places[o] = true;
                        stack.push(o);
                    }
                }
            }
        }
        let bp = &bb.blueprint;
        let mut slots: Vec<(usize, usize)> = places
            .iter()
            .enumerate()
            .filter(|(i, _)| reach_places[*i])
            .map(|(_, pl)| (pl.section, pl.slot))
            .collect();
        slots.sort_unstable();
        slots.dedup();
        let needed = reach_places.iter().filter(|r| **r).count();
        let available = reach_questions.iter().filter(|r| **r).count();
        let names = join(slots.iter().map(|&(s, k)| slot_name(bp, s, k)));
        let place = &places[p];
        c.error(
            bb.file.as_path(),
            &slot_path(place.section, place.slot),
            format!(
                "the bank cannot fill all slots at once with different questions: {names} need {needed} questions between them, but only {available} fit any of them"
            ),
            "add questions that fit these slots, or make the slots ask for different things",
        );
        return;
    }
}

fn augment(p: usize, places: &[Place], owner: &mut [Option<usize>], seen: &mut [bool]) -> bool {
    for &q in &places[p].fits {
        if seen[q] {
            continue;
        }
        seen[q] = true;
        if owner[q].is_none_or(|o| augment(o, places, owner, seen)) {
            owner[q] = Some(p);
            return true;
        }
    }
    false
}

/// Boundaries from the highest grade down, each needing fewer marks, none above the total.
fn check_boundaries(c: &mut Checker<'_>, bb: &BankBlueprint) {
    let bp = &bb.blueprint;
    let file = bb.file.as_path();
    let total = paper_total(bp);
    for (k, b) in bp.grade_boundaries.iter().enumerate() {
        let path = span::child(&span::item("grade_boundaries", k), "min");
        if k > 0 && b.min >= bp.grade_boundaries[k - 1].min {
            c.error(
                file,
                &path,
                format!(
                    "grade {} (min {}) must need fewer marks than grade {} above it (min {})",
                    b.grade,
                    b.min,
                    bp.grade_boundaries[k - 1].grade,
                    bp.grade_boundaries[k - 1].min
                ),
                "list grades from the highest down, each with a lower `min`",
            );
        }
        if let Some(total) = total
            && b.min > total
        {
            c.error(
                file,
                &path,
                format!(
                    "grade {} needs {} marks but the paper is out of {total}",
                    b.grade, b.min
                ),
                "lower the boundary, or check the slots' marks",
            );
        }
    }
}

/// Content plus SPaG marks a candidate can score, when every slot fixes its marks.
fn paper_total(bp: &Blueprint) -> Option<u32> {
    let mut total = 0;
    for section in &bp.sections {
        let mut worth = Vec::new();
        for slot in &section.slots {
            let marks = slot.marks? + slot.spag.unwrap_or(0);
            worth.extend(std::iter::repeat_n(marks, slot.count as usize));
        }
        worth.sort_unstable_by(|a, b| b.cmp(a));
        let take = section.answer.map_or(worth.len(), |n| n as usize);
        total += worth.iter().take(take).sum::<u32>();
    }
    Some(total)
}

/// Slot topics that no question of the subject has: usually a misspelt topic key, which
/// would silently narrow the slot.
fn check_topics(c: &mut Checker<'_>, bb: &BankBlueprint) {
    let bp = &bb.blueprint;
    let known: std::collections::BTreeSet<&str> = c
        .bank
        .questions
        .iter()
        .filter(|q| q.subject == bp.subject)
        .map(|q| q.topic.as_str())
        .collect();
    if known.is_empty() {
        return;
    }
    for (si, section) in bp.sections.iter().enumerate() {
        for (ki, slot) in section.slots.iter().enumerate() {
            for (ti, topic) in slot.topics.iter().enumerate() {
                if known.contains(topic.as_str()) {
                    continue;
                }
                let help = match crate::bank::explain::nearest(topic, known.iter().copied()) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("the bank's {} topics are {}", bp.subject, join(&known)),
                };
                let path = span::item(&span::child(&slot_path(si, ki), "topics"), ti);
                c.error(
                    bb.file.as_path(),
                    &path,
                    format!("no {} question has topic `{topic}`", bp.subject),
                    help,
                );
            }
        }
    }
}
