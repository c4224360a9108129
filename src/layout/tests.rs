//! Layout checks that need no PDF: everything inside the printable area, no text
//! overflowing its box, keep-together and frame rules, booklet page counts.

use super::page::{Bounds, Document, Item, PRINTABLE};
use super::*;
use crate::model::{Blueprint, Board, Question, Scheme, SourcePlacement};
use crate::paper::{Paper, PaperQuestion, PaperSection};

#[derive(serde::Deserialize)]
struct Fixture {
    questions: Vec<Question>,
    schemes: Vec<Scheme>,
}

fn blueprint(board: Board) -> Blueprint {
    let text = match board {
        Board::Aqa => include_str!("../../examples/papers/aqa-cold-war.yaml"),
        Board::Edexcel => include_str!("../../examples/papers/edexcel-cold-war.yaml"),
        Board::Cie => include_str!("../../examples/papers/cie-cold-war.yaml"),
    };
    serde_yaml::from_str(text).unwrap()
}

fn fixture() -> Fixture {
    let text = include_str!("../../tests/fixtures/paper/questions.yaml");
    let yaml: serde_yaml::Value = serde_yaml::from_str(text).unwrap();
    serde_json::from_value(serde_json::to_value(yaml).unwrap()).unwrap()
}

fn paper(board: Board, questions: Vec<Question>, schemes: &[Scheme]) -> Paper {
    let blueprint = blueprint(board);
    let sections = blueprint
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| PaperSection {
            title: s.title.clone(),
            rubric: s.rubric.clone(),
            answer: None,
            questions: questions
                .iter()
                .enumerate()
                .filter(|(k, _)| k % blueprint.sections.len() == i)
                .map(|(k, q)| PaperQuestion {
                    number: k as u32 + 1,
                    question: q.clone(),
                    topic_title: "Topic – Dubček".into(),
                    schemes: schemes
                        .iter()
                        .filter(|s| s.question == q.id)
                        .cloned()
                        .collect(),
                })
                .collect(),
        })
        .collect();
    Paper {
        blueprint,
        paper_id: format!("{}-test-s1-v1", board.key()),
        seed: 1,
        variant: 1,
        bank_version: "test".into(),
        synonyms: Default::default(),
        sections,
    }
}

/// The fixture with every text stretched: very long words, paragraphs, titles, lists.
fn stretched(board: Board) -> Paper {
    let f = fixture();
    let monster = "Rákosi–Gerő–Nagy–Kádár–Gomułka–Dubček–Husák–Ulbricht–Honecker".repeat(3);
    let long = |s: &str| format!("{s} {monster} {}", s.repeat(4));
    let questions = f
        .questions
        .iter()
        .map(|q| {
            let mut q = q.clone();
            q.text = long(&q.text);
            for s in &mut q.sources {
                s.label = long(&s.label);
                s.provenance = long(&s.provenance);
                s.text = format!("{}\n\n{monster}\n\n{}", s.text.repeat(5), s.text);
            }
            for p in &mut q.parts {
                p.text = long(&p.text);
            }
            for o in &mut q.options {
                o.text = long(&o.text);
            }
            q
        })
        .collect();
    let schemes: Vec<Scheme> = f
        .schemes
        .iter()
        .map(|s| {
            let mut s = s.clone();
            s.model_answer = long(&s.model_answer);
            s.guidance.push(monster.clone());
            s
        })
        .collect();
    let mut p = paper(board, questions, &schemes);
    let bp = &mut p.blueprint;
    bp.title = long(&bp.title);
    bp.qualification = long(&bp.qualification);
    bp.code = format!("{}{}", bp.code, "X".repeat(20));
    bp.materials = vec![long("a black pen"); 3];
    bp.instructions = (0..30)
        .map(|i| long(&format!("Instruction {i}.")))
        .collect();
    for s in &mut p.sections {
        s.title = long(&s.title);
        s.rubric = s.rubric.as_deref().map(long);
    }
    p
}

fn normal(board: Board) -> Paper {
    let f = fixture();
    paper(board, f.questions, &f.schemes)
}

fn check_inside(doc: &Document, what: &str) {
    for (n, page) in doc.pages.iter().enumerate() {
        let boxes: Vec<Bounds> = page
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Box(_) => Some(i.bounds()),
                _ => None,
            })
            .collect();
        for item in &page.items {
            let b = item.bounds();
            assert!(
                PRINTABLE.contains(&b),
                "{what} page {}: {item:?} leaves the printable area",
                n + 1
            );
            if let Item::Text(t) = item {
                // A text that starts inside a box ends inside it.
                for frame in &boxes {
                    let start_inside = t.x > frame.x0
                        && t.x < frame.x1
                        && t.baseline > frame.y0
                        && t.baseline < frame.y1;
                    assert!(
                        !start_inside || b.x1 <= frame.x1 + 0.01,
                        "{what} page {}: {:?} overflows box {frame:?}",
                        n + 1,
                        t.text
                    );
                }
            }
        }
    }
}

#[test]
fn nothing_leaves_the_printable_area_or_its_box() {
    for board in Board::ALL {
        for (kind, p) in [("normal", normal(board)), ("stretched", stretched(board))] {
            let qp = question_paper(&p).unwrap();
            check_inside(&qp, &format!("{board} {kind} paper"));
            let ms = mark_scheme(&p).unwrap();
            check_inside(&ms, &format!("{board} {kind} scheme"));
            let mut p = p;
            p.blueprint.sources = Some(SourcePlacement::Insert);
            let insert = insert(&p).unwrap().expect("fixture has sources");
            check_inside(&insert, &format!("{board} {kind} insert"));
        }
    }
}

#[test]
fn papers_are_padded_to_booklets_with_labelled_blank_pages() {
    for board in Board::ALL {
        let doc = question_paper(&stretched(board)).unwrap();
        assert_eq!(doc.pages.len() % 4, 0, "{board}");
        let style = style::for_board(board);
        let blank: Vec<usize> = doc
            .pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.text().contains(style.blank_page()))
            .map(|(i, _)| i)
            .collect();
        // Blank pages only at the end, and no "Turn over" on them or on the page before.
        if let Some(&first) = blank.first() {
            assert_eq!(blank, (first..doc.pages.len()).collect::<Vec<_>>());
            assert!(!doc.pages[first - 1].text().contains("Turn over"));
        }
        assert!(!doc.pages.last().unwrap().text().contains("Turn over"));
    }
}

#[test]
fn every_word_of_a_long_source_is_printed_once_across_pages() {
    let flat = |doc: &Document| {
        let all: String = doc.pages.iter().map(|p| p.text()).collect();
        all.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    for placement in [SourcePlacement::Inline, SourcePlacement::Insert] {
        let mut p = stretched(Board::Aqa);
        p.blueprint.sources = Some(placement);
        let source = &p.questions().next().unwrap().question.sources[0].text;
        let opening = source
            .split_whitespace()
            .take(40)
            .collect::<Vec<_>>()
            .join(" ");
        let paper = flat(&question_paper(&p).unwrap());
        let insert = insert(&p).unwrap().map(|doc| flat(&doc));
        let (with, without) = match placement {
            SourcePlacement::Inline => (paper, insert),
            SourcePlacement::Insert => (insert.expect("an insert"), Some(paper)),
        };
        assert!(
            with.contains("(continued)"),
            "a stretched source must break across pages ({placement:?})"
        );
        assert!(with.contains(&opening), "{placement:?}");
        assert!(
            without.is_none_or(|t| !t.contains(&opening)),
            "source printed twice ({placement:?})"
        );
    }
}

#[test]
fn only_papers_with_sources_in_an_insert_get_an_insert() {
    // AQA prints sources apart; the others with their questions.
    assert!(insert(&stretched(Board::Aqa)).unwrap().is_some());
    assert!(insert(&stretched(Board::Edexcel)).unwrap().is_none());
    let mut cie = stretched(Board::Cie);
    cie.blueprint.sources = Some(SourcePlacement::Insert);
    let doc = insert(&cie).unwrap().expect("asked for");
    assert_eq!(doc.pages.len() % 4, 0);
    assert!(doc.pages[0].text().contains("Insert"));
    // Without a source anywhere there is nothing to put in one.
    let mut bare = stretched(Board::Aqa);
    for section in &mut bare.sections {
        for q in &mut section.questions {
            q.question.sources.clear();
            for part in &mut q.question.parts {
                part.sources.clear();
            }
        }
    }
    assert!(insert(&bare).unwrap().is_none());
}

#[test]
fn headings_are_never_stranded_without_answer_lines() {
    for board in Board::ALL {
        let doc = question_paper(&normal(board)).unwrap();
        for (n, page) in doc.pages.iter().enumerate().skip(1) {
            // The lowest question text on a page must have an answer line below it.
            let texts: Vec<&super::page::TextRun> = page
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Text(t)
                        if t.face == font::Face::Regular
                            && t.size == style::BODY_SIZE
                            && t.x >= style::TEXT_X - 0.1 =>
                    {
                        Some(t)
                    }
                    _ => None,
                })
                .collect();
            let rules: Vec<f32> = page
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Rule(r) if r.thickness < 1.0 => Some(r.y1),
                    _ => None,
                })
                .collect();
            if let Some(last) = texts.iter().map(|t| t.baseline).reduce(f32::max) {
                let below = rules.iter().filter(|&&y| y > last).count();
                let framed = page
                    .items
                    .iter()
                    .any(|i| matches!(i, Item::Box(b) if b.width > 100.0 && b.y > last));
                let options = page.text().contains("Tick");
                assert!(
                    below >= 2
                        || framed
                        || options
                        || page.text().contains("END OF")
                        || page.text().contains("TOTAL FOR PAPER"),
                    "{board} page {}: text at {last} has {below} lines below it:\n{}",
                    n + 1,
                    page.text()
                );
            }
        }
    }
}

#[test]
fn the_cambridge_cover_states_the_page_count() {
    let doc = question_paper(&normal(Board::Cie)).unwrap();
    let cover = doc.pages[0].text();
    assert!(cover.contains(&format!("This document has {} pages.", doc.pages.len())));
}

#[test]
fn answer_spaces_never_leave_a_stub_at_the_top_of_a_page() {
    // Papers from the shipped bank, as `generate` makes them, over many seeds.
    let bank = crate::bank::source::BankSource::Bundled
        .load_checked(None)
        .unwrap();
    for board in Board::ALL {
        let blueprint = blueprint(board);
        for seed in 1..=12 {
            let mut paper = crate::paper::select::select(&bank, &blueprint, seed, 1).unwrap();
            paper.attach_schemes(&bank);
            let doc = question_paper(&paper).unwrap();
            for (n, page) in doc.pages.iter().enumerate().skip(1) {
                let first_text = page
                    .items
                    .iter()
                    .filter_map(|i| match i {
                        Item::Text(t) if t.size == style::BODY_SIZE => Some(t.baseline),
                        _ => None,
                    })
                    .reduce(f32::min);
                let Some(first_text) = first_text else {
                    continue; // a page of lines only, or a blank page
                };
                let stub = page
                    .items
                    .iter()
                    .filter(|i| matches!(i, Item::Rule(r) if r.thickness < 1.0 && r.y1 <= first_text + 0.5))
                    .count();
                assert!(
                    stub == 0 || stub >= 5,
                    "{board} seed {seed} page {}: {stub} answer lines carried over:\n{}",
                    n + 1,
                    page.text()
                );
            }
        }
    }
}
