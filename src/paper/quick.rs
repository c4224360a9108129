//! Papers without a blueprint: "an AQA paper on these topics worth 40 marks".
//!
//! The quick form builds a one-section blueprint in memory and fills it by picking
//! questions (in seeded shuffled order) whose marks add up exactly to the total asked for.

use super::select::{SelectError, paper_id, schemes_for};
use super::{Paper, PaperQuestion, PaperSection};
use crate::bank::Bank;
use crate::model::{Blueprint, Board, Section};
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{Rng, SeedableRng};

/// What the quick form was asked for.
#[derive(Debug, Clone)]
pub struct QuickRequest {
    /// Board whose style and questions to use.
    pub board: Board,
    /// Subject key.
    pub subject: String,
    /// Topics to draw from (all when empty).
    pub topics: Vec<String>,
    /// Total content marks wanted.
    pub marks: u32,
    /// Seed.
    pub seed: u64,
}

/// Why the quick form failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QuickError {
    /// No combination of questions makes the total.
    #[error(
        "no set of {board} questions{topics} adds up to exactly {marks} marks; \
         try another total (the bank's questions are worth {available})"
    )]
    NoCombination {
        /// Board name.
        board: String,
        /// " on topics …", or empty.
        topics: String,
        /// Marks asked for.
        marks: u32,
        /// The distinct mark values on offer, for the hint.
        available: String,
    },
    /// A paper worth nothing was asked for.
    #[error("a paper needs at least 1 mark; ask for a total such as --marks 40")]
    NoMarks,
    /// A topic asked for that the bank does not have.
    #[error(transparent)]
    UnknownTopic(#[from] crate::bank::topics::UnknownTopic),
    /// Selection failed for another reason.
    #[error(transparent)]
    Select(#[from] SelectError),
}

/// The most questions a quick paper may have, so a search stays small.
const MAX_QUESTIONS: usize = 20;

/// Make a one-section paper of exactly `request.marks` marks.
pub fn quick_paper(bank: &Bank, request: &QuickRequest) -> Result<Paper, QuickError> {
    if request.marks == 0 {
        return Err(QuickError::NoMarks);
    }
    bank.check_topics(&request.subject, &request.topics)?;
    let mut candidates: Vec<usize> = bank
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| {
            q.subject == request.subject
                && q.question.boards.contains(&request.board)
                && request.board.sets(q.question.kind)
                && (request.topics.is_empty() || request.topics.contains(&q.topic))
                && q.question.answer_parts.is_none()
        })
        .map(|(i, _)| i)
        .collect();
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&request.seed.to_le_bytes());
    key[8..16].copy_from_slice(b"exktquik");
    let mut rng = ChaCha8Rng::from_seed(key);
    for i in (1..candidates.len()).rev() {
        let j = (rng.next_u64() % (i as u64 + 1)) as usize;
        candidates.swap(i, j);
    }
    let marks: Vec<u32> = candidates
        .iter()
        .map(|&i| bank.questions[i].question.marks)
        .collect();
    let topics: Vec<&str> = candidates
        .iter()
        .map(|&i| bank.questions[i].topic.as_str())
        .collect();
    let Some(chosen) = spread_subset(&marks, &topics, request.marks) else {
        let mut values: Vec<u32> = marks.clone();
        values.sort_unstable();
        values.dedup();
        let available = values
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let topics = if request.topics.is_empty() {
            String::new()
        } else {
            format!(" on topics [{}]", request.topics.join(", "))
        };
        return Err(QuickError::NoCombination {
            board: request.board.display_name().to_string(),
            topics,
            marks: request.marks,
            available: if available.is_empty() {
                "nothing: no question matches".into()
            } else {
                available
            },
        });
    };
    // Print shorter questions first, as papers do.
    let mut picked: Vec<usize> = chosen.iter().map(|&k| candidates[k]).collect();
    picked.sort_by_key(|&i| (bank.questions[i].question.marks, i));
    let blueprint = quick_blueprint(bank, request, &picked);
    let questions = picked
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            let bq = &bank.questions[i];
            PaperQuestion {
                number: n as u32 + 1,
                question: bq.question.clone(),
                topic_title: bq.topic_title.clone(),
                schemes: schemes_for(bank, bq),
            }
        })
        .collect();
    Ok(Paper {
        paper_id: paper_id(&blueprint, request.seed, 1),
        seed: request.seed,
        variant: 1,
        bank_version: bank.version.clone(),
        synonyms: super::select::synonyms_of(bank, &blueprint),
        sections: vec![PaperSection {
            title: blueprint.sections[0].title.clone(),
            rubric: blueprint.sections[0].rubric.clone(),
            answer: None,
            questions,
        }],
        blueprint,
    })
}

/// Items of `marks` adding up to `total`, spread over topics as blueprints spread by
/// default: the first set in order with no topic twice, else with no topic more than
/// twice, and so on.
fn spread_subset(marks: &[u32], topics: &[&str], total: u32) -> Option<Vec<usize>> {
    let most_in_a_topic = {
        let mut sorted = topics.to_vec();
        sorted.sort_unstable();
        sorted
            .chunk_by(|a, b| a == b)
            .map(<[&str]>::len)
            .max()
            .unwrap_or(0)
    };
    (1..=most_in_a_topic.clamp(1, MAX_QUESTIONS)).find_map(|per_topic| {
        let mut search = Subset {
            marks,
            topics,
            per_topic,
            chosen: Vec::new(),
            budget: 200_000,
        };
        search.go(0, total).then_some(search.chosen)
    })
}

/// A depth-first subset sum over `marks` in order, up to [`MAX_QUESTIONS`] items and
/// `per_topic` from any topic; `budget` bounds the work on banks where no subset exists.
struct Subset<'a> {
    marks: &'a [u32],
    topics: &'a [&'a str],
    per_topic: usize,
    chosen: Vec<usize>,
    budget: u32,
}

impl Subset<'_> {
    fn go(&mut self, from: usize, left: u32) -> bool {
        if left == 0 {
            return true;
        }
        if self.chosen.len() == MAX_QUESTIONS || self.budget == 0 {
            return false;
        }
        for i in from..self.marks.len() {
            self.budget = self.budget.saturating_sub(1);
            if self.budget == 0 {
                return false;
            }
            let marks = self.marks[i];
            if marks == 0 || marks > left || self.topic_full(i) {
                continue;
            }
            self.chosen.push(i);
            if self.go(i + 1, left - marks) {
                return true;
            }
            self.chosen.pop();
        }
        false
    }

    fn topic_full(&self, i: usize) -> bool {
        let topic = self.topics[i];
        self.chosen
            .iter()
            .filter(|&&c| self.topics[c] == topic)
            .count()
            >= self.per_topic
    }
}

fn quick_blueprint(bank: &Bank, request: &QuickRequest, picked: &[usize]) -> Blueprint {
    let mut titles: Vec<&str> = picked
        .iter()
        .map(|&i| bank.questions[i].topic_title.as_str())
        .collect();
    titles.sort_unstable();
    titles.dedup();
    let subject = capitalise(&request.subject);
    let qualification = match request.board {
        Board::Aqa => format!("GCSE {subject}"),
        Board::Edexcel => format!("GCSE (9–1) {subject}"),
        Board::Cie => format!("Cambridge IGCSE {subject}"),
    };
    let title = if titles.len() <= 2 {
        format!("Practice paper: {}", titles.join("; "))
    } else {
        format!("Practice paper: {} topics", titles.len())
    };
    Blueprint {
        board: request.board,
        subject: request.subject.clone(),
        qualification,
        title,
        code: format!("PRACTICE/{}", request.marks),
        // About a minute and a quarter a mark, as GCSE papers allow.
        time_minutes: (request.marks * 5).div_ceil(4).max(10),
        materials: Vec::new(),
        instructions: Vec::new(),
        information: Vec::new(),
        sources: None,
        spread: crate::model::Spread::Topics,
        sections: vec![Section {
            title: "Questions".into(),
            rubric: Some("Answer all questions.".into()),
            answer: None,
            slots: Vec::new(),
        }],
        grade_boundaries: Vec::new(),
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
