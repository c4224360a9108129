//! The manifest of a paper: what was printed where, for the marker.

use super::{Paper, number};
use crate::model::{Manifest, ManifestItem, ManifestSection};

/// Describe `paper` as a manifest: one item per markable question or part, numbered as
/// printed.
pub fn manifest(paper: &Paper) -> Manifest {
    let board = paper.blueprint.board;
    let mut items = Vec::new();
    for section in &paper.sections {
        for pq in &section.questions {
            let q = &pq.question;
            if q.parts.is_empty() {
                items.push(ManifestItem {
                    number: number::question(board, pq.number),
                    question: q.id.clone(),
                    part: None,
                    marks: q.marks,
                    spag: q.spag,
                    section: section.title.clone(),
                });
            } else {
                let last = q.parts.len() - 1;
                for (i, part) in q.parts.iter().enumerate() {
                    items.push(ManifestItem {
                        number: number::part(board, pq.number, i, &part.label),
                        question: q.id.clone(),
                        part: Some(part.label.clone()),
                        marks: part.marks,
                        // SPaG belongs to the question; it is recorded once, on its last part.
                        spag: if i == last { q.spag } else { 0 },
                        section: section.title.clone(),
                    });
                }
            }
        }
    }
    Manifest {
        paper_id: paper.paper_id.clone(),
        board,
        subject: paper.blueprint.subject.clone(),
        title: paper.blueprint.title.clone(),
        code: paper.blueprint.code.clone(),
        seed: paper.seed,
        variant: paper.variant,
        bank_version: paper.bank_version.clone(),
        sections: paper
            .sections
            .iter()
            .map(|s| ManifestSection {
                title: s.title.clone(),
                answer: s.answer,
            })
            .collect(),
        items,
        total_marks: paper.total_marks(),
        total_spag: paper.total_spag(),
        grade_boundaries: paper.blueprint.grade_boundaries.clone(),
        // Filled in by `crate::paperset`, which knows the set's files.
        set_id: String::new(),
        files: Vec::new(),
    }
}
