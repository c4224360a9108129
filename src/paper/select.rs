//! Choosing questions to fill a blueprint, deterministically from a seed.
//!
//! Selection is a small constraint problem: every slot has its candidate questions (right
//! board, subject, type, marks, topics, tags), no question may appear twice in a paper, and
//! by default no topic twice while the slots allow otherwise ([`Spread`]). Candidates are
//! shuffled by a ChaCha generator seeded from the seed and variant — ChaCha's output is
//! fixed by its specification, so a seed means the same paper on every machine and in every
//! future build — and each place takes the first candidate in shuffled order that still
//! leaves a way to fill the rest, decided by a maximum flow ([`super::assign`]). So a paper
//! is always found when one exists, the choice is spread evenly over the bank, and a
//! blueprint the bank cannot fill is refused at once, naming the slot.

use super::assign::{Problem, Short, assign};
use super::{Paper, PaperQuestion, PaperSection};
use crate::bank::{Bank, BankQuestion};
use crate::model::{Blueprint, Slot, Spread};
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{Rng, SeedableRng};
use std::collections::BTreeSet;

/// Why a paper could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SelectError {
    /// No question in the bank fits a slot at all.
    #[error(
        "{section}, slot {slot} ({wanted}): no question in the bank fits; \
         add a {board} question with these properties or relax the slot"
    )]
    NoCandidates {
        /// Section title.
        section: String,
        /// 1-based slot position within the section (counting repeats).
        slot: usize,
        /// The slot's constraints in words.
        wanted: String,
        /// Board key.
        board: String,
    },
    /// Questions fit each slot, but not enough distinct ones for all slots together.
    #[error(
        "{section}, slot {slot} ({wanted}): only {candidates} matching question(s), and the \
         other slots already need them; add more such questions or relax the blueprint"
    )]
    NotEnoughDistinct {
        /// Section title.
        section: String,
        /// 1-based slot position within the section.
        slot: usize,
        /// The slot's constraints in words.
        wanted: String,
        /// How many questions match the slot.
        candidates: usize,
    },
    /// Fewer different papers exist than variants were asked for.
    #[error(
        "asked for {wanted} different papers but the bank only makes {found} different ones \
         for this blueprint; ask for fewer variants or add questions"
    )]
    TooFewVariants {
        /// Variants asked for.
        wanted: u32,
        /// Distinct papers found.
        found: u32,
    },
}

/// One place to fill, after expanding `count`.
struct Place<'a> {
    section: usize,
    slot_number: usize,
    slot: &'a Slot,
    candidates: Vec<usize>,
}

/// Fill `blueprint` from `bank` with the questions the seed and variant pick.
pub fn select(
    bank: &Bank,
    blueprint: &Blueprint,
    seed: u64,
    variant: u32,
) -> Result<Paper, SelectError> {
    let places = places(bank, blueprint)?;
    let mut rng = rng_for(seed, variant);
    let orders: Vec<Vec<usize>> = places
        .iter()
        .map(|p| {
            let mut c = p.candidates.clone();
            shuffle(&mut c, &mut rng);
            c
        })
        .collect();
    let chosen = choose(bank, blueprint, &orders).map_err(|short| {
        let place = &places[short.place];
        SelectError::NotEnoughDistinct {
            section: blueprint.sections[place.section].title.clone(),
            slot: place.slot_number,
            wanted: place.slot.describe(),
            candidates: place.candidates.len(),
        }
    })?;
    Ok(build(bank, blueprint, &chosen, seed, variant))
}

/// The first paper in shuffled order with distinct questions, spread over topics as the
/// blueprint asks: with [`Spread::Topics`], the fewest repeats of any topic the slots allow.
fn choose(bank: &Bank, blueprint: &Blueprint, orders: &[Vec<usize>]) -> Result<Vec<usize>, Short> {
    let mut topics: Vec<&str> = bank.questions.iter().map(|q| q.topic.as_str()).collect();
    topics.sort_unstable();
    topics.dedup();
    let group = |q: usize| {
        topics
            .binary_search(&bank.questions[q].topic.as_str())
            .unwrap_or(0)
    };
    let unbounded = orders.len().max(1);
    let at_most = |per_group: usize| {
        assign(&Problem {
            candidates: orders,
            group: &group,
            per_group,
        })
    };
    // Distinct questions alone decide whether any paper exists, and which slot to blame.
    let any = at_most(unbounded)?;
    if blueprint.spread == Spread::None {
        return Ok(any);
    }
    let most = topic_repeats(&any, &group);
    for per_group in 1..most {
        if let Ok(chosen) = at_most(per_group) {
            return Ok(chosen);
        }
    }
    Ok(any)
}

/// The most questions any one group holds in `chosen`.
fn topic_repeats(chosen: &[usize], group: &dyn Fn(usize) -> usize) -> usize {
    let mut groups: Vec<usize> = chosen.iter().map(|&q| group(q)).collect();
    groups.sort_unstable();
    groups
        .chunk_by(|a, b| a == b)
        .map(<[usize]>::len)
        .max()
        .unwrap_or(0)
}

/// Make `count` papers that differ from each other in at least one question. Variant `v`
/// is the first paper the seed's sub-sequence yields that no earlier variant already is, so
/// `--variants 5` always starts with the same paper as a single run with that seed.
pub fn select_variants(
    bank: &Bank,
    blueprint: &Blueprint,
    seed: u64,
    count: u32,
) -> Result<Vec<Paper>, SelectError> {
    let mut papers = Vec::new();
    let mut seen: BTreeSet<Vec<String>> = BTreeSet::new();
    let mut attempt: u32 = 0;
    // Each attempt is a fresh shuffle; give up when many in a row find nothing new.
    let mut misses = 0;
    while papers.len() < count as usize {
        attempt += 1;
        let mut paper = select(bank, blueprint, seed, attempt)?;
        // Papers with the same questions in another order count as the same paper.
        let mut ids: Vec<String> = paper.questions().map(|q| q.question.id.clone()).collect();
        ids.sort();
        if seen.insert(ids) {
            misses = 0;
            paper.variant = papers.len() as u32 + 1;
            paper.paper_id = paper_id(blueprint, seed, paper.variant);
            papers.push(paper);
        } else {
            misses += 1;
            if misses > 200 {
                return Err(SelectError::TooFewVariants {
                    wanted: count,
                    found: papers.len() as u32,
                });
            }
        }
    }
    Ok(papers)
}

/// A paper's stable id: board, code, seed and variant.
pub fn paper_id(blueprint: &Blueprint, seed: u64, variant: u32) -> String {
    let code: String = blueprint
        .code
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!(
        "{}-{}-s{}-v{}",
        blueprint.board.key(),
        code.trim_matches('-'),
        seed,
        variant
    )
}

fn places<'a>(bank: &Bank, blueprint: &'a Blueprint) -> Result<Vec<Place<'a>>, SelectError> {
    let mut places = Vec::new();
    for (s, section) in blueprint.sections.iter().enumerate() {
        let mut slot_number = 0;
        for slot in &section.slots {
            let candidates: Vec<usize> = bank
                .questions
                .iter()
                .enumerate()
                .filter(|(_, q)| slot.accepts(blueprint, &q.subject, &q.topic, &q.question))
                .map(|(i, _)| i)
                .collect();
            for _ in 0..slot.count.max(1) {
                slot_number += 1;
                if candidates.is_empty() {
                    return Err(SelectError::NoCandidates {
                        section: section.title.clone(),
                        slot: slot_number,
                        wanted: slot.describe(),
                        board: blueprint.board.display_name().to_string(),
                    });
                }
                places.push(Place {
                    section: s,
                    slot_number,
                    slot,
                    candidates: candidates.clone(),
                });
            }
        }
    }
    Ok(places)
}

fn rng_for(seed: u64, variant: u32) -> ChaCha8Rng {
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    key[8..12].copy_from_slice(&variant.to_le_bytes());
    key[12..16].copy_from_slice(b"exkt");
    ChaCha8Rng::from_seed(key)
}

/// Fisher–Yates, written out so the order depends only on ChaCha's stream.
fn shuffle(items: &mut [usize], rng: &mut ChaCha8Rng) {
    for i in (1..items.len()).rev() {
        let j = (rng.next_u64() % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

fn build(bank: &Bank, blueprint: &Blueprint, chosen: &[usize], seed: u64, variant: u32) -> Paper {
    let mut sections: Vec<PaperSection> = blueprint
        .sections
        .iter()
        .map(|s| PaperSection {
            title: s.title.clone(),
            rubric: s.rubric.clone(),
            answer: s.answer,
            questions: Vec::new(),
        })
        .collect();
    let places_sections: Vec<usize> = blueprint
        .sections
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            std::iter::repeat_n(i, s.slots.iter().map(|sl| sl.count.max(1) as usize).sum())
        })
        .collect();
    for (number, (&q, &section)) in chosen.iter().zip(&places_sections).enumerate() {
        let bq = &bank.questions[q];
        let schemes = schemes_for(bank, bq);
        sections[section].questions.push(PaperQuestion {
            number: number as u32 + 1,
            question: bq.question.clone(),
            topic_title: bq.topic_title.clone(),
            schemes,
        });
    }
    Paper {
        blueprint: blueprint.clone(),
        paper_id: paper_id(blueprint, seed, variant),
        seed,
        variant,
        bank_version: bank.version.clone(),
        sections,
        synonyms: synonyms_of(bank, blueprint),
    }
}

/// The shared synonym groups of the blueprint's subject (none when the bank has no
/// synonyms file for it).
pub fn synonyms_of(
    bank: &Bank,
    blueprint: &Blueprint,
) -> std::collections::BTreeMap<String, Vec<String>> {
    bank.synonyms_for(&blueprint.subject)
        .map(|f| f.groups.clone())
        .unwrap_or_default()
}

/// A question's schemes: the whole-question scheme, or one per part in part order.
pub fn schemes_for(bank: &Bank, q: &BankQuestion) -> Vec<crate::model::Scheme> {
    schemes_of(bank, &q.question)
}

/// As [`schemes_for`], for a question however it is held.
pub fn schemes_of(bank: &Bank, question: &crate::model::Question) -> Vec<crate::model::Scheme> {
    if question.parts.is_empty() {
        bank.scheme(&question.id)
            .map(|s| s.scheme.clone())
            .into_iter()
            .collect()
    } else {
        question
            .parts
            .iter()
            .filter_map(|p| bank.scheme(&format!("{}/{}", question.id, p.label)))
            .map(|s| s.scheme.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::BankQuestion;
    use crate::model::{Board, Question, QuestionType, Section};

    fn question(id: &str, kind: QuestionType, marks: u32, topic: &str) -> BankQuestion {
        BankQuestion {
            subject: "history".into(),
            topic: topic.into(),
            topic_title: topic.into(),
            question: Question {
                id: id.into(),
                boards: vec![Board::Aqa],
                kind,
                marks,
                spag: 0,
                command: "Explain".into(),
                text: format!("Question {id}"),
                sources: vec![],
                parts: vec![],
                answer_parts: None,
                options: vec![],
                answer_space: None,
                difficulty: 3,
                tags: vec![],
                draft: false,
            },
            file: "bank.yaml".into(),
        }
    }

    fn bank(n: usize) -> Bank {
        let mut questions = Vec::new();
        for i in 0..n {
            questions.push(question(&format!("e{i}"), QuestionType::Explain, 8, "cuba"));
            questions.push(question(
                &format!("j{i}"),
                QuestionType::Judgement,
                16,
                "korea",
            ));
        }
        Bank {
            questions,
            ..Bank::default()
        }
    }

    fn blueprint(explains: u32) -> Blueprint {
        Blueprint {
            board: Board::Aqa,
            subject: "history".into(),
            qualification: "GCSE History".into(),
            title: "Test".into(),
            code: "8145/1B".into(),
            time_minutes: 60,
            materials: vec![],
            instructions: vec![],
            information: vec![],
            sources: None,
            spread: Spread::Topics,
            sections: vec![Section {
                title: "Section B".into(),
                rubric: None,
                answer: None,
                slots: vec![
                    Slot {
                        kind: Some(QuestionType::Explain),
                        marks: Some(8),
                        count: explains,
                        ..Slot::default()
                    },
                    Slot {
                        kind: Some(QuestionType::Judgement),
                        count: 1,
                        ..Slot::default()
                    },
                ],
            }],
            grade_boundaries: vec![],
        }
    }

    fn ids(paper: &Paper) -> Vec<String> {
        paper.questions().map(|q| q.question.id.clone()).collect()
    }

    #[test]
    fn same_seed_same_paper_and_no_repeats() {
        let bank = bank(6);
        let a = select(&bank, &blueprint(3), 7, 1).unwrap();
        let b = select(&bank, &blueprint(3), 7, 1).unwrap();
        assert_eq!(ids(&a), ids(&b));
        let mut unique = ids(&a);
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 4);
        assert!(ids(&a)[..3].iter().all(|id| id.starts_with('e')));
        assert!(ids(&a)[3].starts_with('j'));
        assert_eq!(a.total_marks(), 3 * 8 + 16);
        assert_eq!(a.paper_id, "aqa-8145-1b-s7-v1");
    }

    #[test]
    fn different_seeds_spread_over_the_bank() {
        let bank = bank(6);
        let papers: BTreeSet<Vec<String>> = (0..10)
            .map(|seed| ids(&select(&bank, &blueprint(2), seed, 1).unwrap()))
            .collect();
        assert!(papers.len() >= 5, "only {} different papers", papers.len());
    }

    #[test]
    fn variants_differ_and_start_with_the_single_paper() {
        let bank = bank(4);
        let variants = select_variants(&bank, &blueprint(2), 3, 5).unwrap();
        let distinct: BTreeSet<Vec<String>> = variants.iter().map(ids).collect();
        assert_eq!(distinct.len(), 5);
        assert_eq!(
            ids(&variants[0]),
            ids(&select(&bank, &blueprint(2), 3, 1).unwrap())
        );
        assert_eq!(variants[4].paper_id, "aqa-8145-1b-s3-v5");
    }

    #[test]
    fn too_few_questions_names_the_slot() {
        let bank = bank(2);
        let err = select(&bank, &blueprint(3), 1, 1).unwrap_err();
        assert!(
            matches!(
                err,
                SelectError::NotEnoughDistinct {
                    slot: 3,
                    candidates: 2,
                    ..
                }
            ),
            "{err}"
        );
        assert!(
            err.to_string()
                .contains("Section B, slot 3 (type explain, 8 marks)"),
            "{err}"
        );
    }

    #[test]
    fn missing_kind_names_the_slot() {
        let mut bank = bank(3);
        bank.questions
            .retain(|q| q.question.kind != QuestionType::Judgement);
        let err = select(&bank, &blueprint(1), 1, 1).unwrap_err();
        assert!(err.to_string().contains("slot 2 (type judgement)"), "{err}");
    }

    #[test]
    fn too_many_variants_is_an_error() {
        let bank = bank(2);
        let err = select_variants(&bank, &blueprint(2), 1, 50).unwrap_err();
        assert!(
            matches!(err, SelectError::TooFewVariants { wanted: 50, .. }),
            "{err}"
        );
    }

    #[test]
    fn the_shipped_blueprints_spread_over_topics_on_every_seed() {
        let bank = crate::bank::source::BankSource::Bundled
            .load_checked(None)
            .unwrap();
        for b in crate::bank::bundled::blueprints() {
            let blueprint: Blueprint = serde_yaml::from_str(b.text).unwrap();
            for seed in 0..300 {
                let paper = select(&bank, &blueprint, seed, 1).unwrap();
                let mut topics: Vec<&str> = paper
                    .questions()
                    .map(|q| bank.question(&q.question.id).unwrap().topic.as_str())
                    .collect();
                let n = topics.len();
                topics.sort_unstable();
                topics.dedup();
                assert_eq!(topics.len(), n, "{} seed {seed}", b.name);
            }
        }
    }
}
