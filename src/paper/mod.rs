//! Papers: the questions chosen from the bank to fill a blueprint, deterministically from a
//! seed, with the numbers they are printed under. Layout reads a [`Paper`]; nothing here
//! knows about pages or PDF.

pub mod assign;
pub mod manifest;
pub mod number;
pub mod quick;
pub mod request;
pub mod select;

use crate::model::{Blueprint, Question, Scheme};
use std::collections::BTreeMap;

/// A paper ready to lay out: the blueprint's shape filled with questions.
#[derive(Debug, Clone)]
pub struct Paper {
    /// The blueprint it was made from.
    pub blueprint: Blueprint,
    /// Stable id, e.g. `aqa-8145-1b-s7-v1`.
    pub paper_id: String,
    /// The seed questions were chosen with.
    pub seed: u64,
    /// Variant number, 1-based.
    pub variant: u32,
    /// Bank version (hash) the questions came from.
    pub bank_version: String,
    /// The sections, in order.
    pub sections: Vec<PaperSection>,
    /// The subject's shared synonym groups, by name, so that the printed mark scheme can
    /// name a group its schemes use ("the USSR (or Soviet Union)").
    pub synonyms: BTreeMap<String, Vec<String>>,
}

/// One section of a paper, with its questions.
#[derive(Debug, Clone)]
pub struct PaperSection {
    /// Heading, e.g. "Section A".
    pub title: String,
    /// Rubric printed under the heading.
    pub rubric: Option<String>,
    /// How many questions of the section a candidate answers (all when `None`).
    pub answer: Option<u32>,
    /// The questions, in printed order.
    pub questions: Vec<PaperQuestion>,
}

/// A question placed in a paper.
#[derive(Debug, Clone)]
pub struct PaperQuestion {
    /// Question number across the whole paper, from 1.
    pub number: u32,
    /// The question as in the bank.
    pub question: Question,
    /// Title of the topic the question came from.
    pub topic_title: String,
    /// Its mark schemes: one for a single-part question, one per part otherwise, in part
    /// order. Empty only if the bank lacks them (which `examkit check` reports).
    pub schemes: Vec<Scheme>,
}

impl PaperSection {
    /// Content marks a candidate can score in this section: all questions, or the best
    /// `answer` of them.
    pub fn total_marks(&self) -> u32 {
        let mut marks: Vec<u32> = self.questions.iter().map(|q| q.question.marks).collect();
        marks.sort_unstable_by(|a, b| b.cmp(a));
        let take = self.answer.map_or(marks.len(), |n| n as usize);
        marks.into_iter().take(take).sum()
    }

    /// SPaG marks a candidate can score in this section.
    pub fn total_spag(&self) -> u32 {
        let mut spag: Vec<u32> = self.questions.iter().map(|q| q.question.spag).collect();
        spag.sort_unstable_by(|a, b| b.cmp(a));
        let take = self.answer.map_or(spag.len(), |n| n as usize);
        spag.into_iter().take(take).sum()
    }
}

impl Paper {
    /// Give every question its mark schemes from `bank`. Choosing questions needs only the
    /// questions, so `generate` chooses first and then loads just the chosen ones' schemes.
    pub fn attach_schemes(&mut self, bank: &crate::bank::Bank) {
        for section in &mut self.sections {
            for q in &mut section.questions {
                q.schemes = select::schemes_of(bank, &q.question);
            }
        }
        self.synonyms = select::synonyms_of(bank, &self.blueprint);
    }

    /// Content marks a candidate can score on the whole paper.
    pub fn total_marks(&self) -> u32 {
        self.sections.iter().map(PaperSection::total_marks).sum()
    }

    /// SPaG marks a candidate can score on the whole paper.
    pub fn total_spag(&self) -> u32 {
        self.sections.iter().map(PaperSection::total_spag).sum()
    }

    /// Every question in printed order.
    pub fn questions(&self) -> impl Iterator<Item = &PaperQuestion> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }
}
