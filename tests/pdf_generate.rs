//! `examkit generate` from the shipped bank and blueprints, read back from the PDFs it
//! writes: house style, every selected question's text, totals, determinism across runs.

mod common;

use assert_cmd::Command;
use common::{pages, root, squash, text};
use examkit::bank;
use examkit::model::Manifest;
use examkit::model::prose::curly_quotes;
use std::path::Path;

fn generate(dir: &Path, name: &str, args: &[&str]) -> (Vec<u8>, Vec<u8>, Manifest) {
    let out = dir.join(format!("{name}.pdf"));
    Command::cargo_bin("examkit")
        .unwrap()
        .current_dir(root())
        .arg("generate")
        .args(args)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let paper = std::fs::read(&out).unwrap();
    let scheme = std::fs::read(dir.join(format!("{name}-mark-scheme.pdf"))).unwrap();
    let manifest = std::fs::read_to_string(dir.join(format!("{name}.manifest.json"))).unwrap();
    (paper, scheme, serde_json::from_str(&manifest).unwrap())
}

/// Checks that every question the manifest lists is printed in the paper, with its marks.
fn questions_are_printed(paper: &[u8], manifest: &Manifest) {
    let (bank, _) = bank::load(&[root().join("question-bank"), root().join("mark-schemes")]);
    let flat = squash(&text(paper));
    for item in &manifest.items {
        let q = bank
            .questions
            .iter()
            .find(|q| q.question.id == item.question)
            .unwrap_or_else(|| panic!("{} not in the bank", item.question));
        let text = match &item.part {
            Some(label) => &q.question.part(label).unwrap().text,
            None => &q.question.text,
        };
        // Bullets are re-set as hanging lists, so compare the first sentence-ish.
        let words: Vec<&str> = text
            .split_whitespace()
            .take_while(|w| *w != "•")
            .take(10)
            .collect();
        assert!(
            flat.contains(&curly_quotes(&words.join(" "))),
            "{}: {:?} not printed",
            item.number,
            words.join(" ")
        );
    }
}

#[test]
fn aqa_blueprint_makes_a_paper_in_aqa_style() {
    let dir = tempfile::tempdir().unwrap();
    let (paper, scheme, manifest) = generate(
        dir.path(),
        "aqa",
        &[
            "--blueprint",
            "examples/papers/aqa-cold-war.yaml",
            "--seed",
            "7",
        ],
    );
    assert_eq!(pages(&paper) % 4, 0);
    let txt = text(&paper);
    for item in &manifest.items {
        assert!(
            txt.contains(&item.number),
            "number {} not printed",
            item.number
        );
        let marks = if item.marks == 1 {
            "[1 mark]".to_string()
        } else {
            format!("[{} marks]", item.marks)
        };
        assert!(txt.contains(&marks), "{marks} not printed");
    }
    assert!(txt.contains("END OF QUESTIONS"));
    let total = manifest.total_marks + manifest.total_spag;
    assert!(txt.contains(&format!("The maximum mark for this paper is {total}.")));
    questions_are_printed(&paper, &manifest);
    let scheme = squash(&text(&scheme));
    assert!(scheme.contains(&format!("For paper {}", manifest.paper_id)));
    for item in &manifest.items {
        assert!(scheme.contains(&format!("Question {}", &item.number[..2])));
    }
}

/// The sources of the manifest's questions, as the bank holds them.
fn sources_of(manifest: &Manifest) -> Vec<String> {
    let (bank, _) = bank::load(&[root().join("question-bank"), root().join("mark-schemes")]);
    let mut texts = Vec::new();
    for item in &manifest.items {
        let q = bank
            .questions
            .iter()
            .find(|q| q.question.id == item.question)
            .unwrap();
        for source in &q.question.sources {
            let opening: Vec<&str> = source.text.split_whitespace().take(12).collect();
            texts.push(curly_quotes(&opening.join(" ")));
        }
    }
    texts.dedup();
    texts
}

#[test]
fn aqa_sources_go_in_an_insert_unless_asked_inline() {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "--blueprint",
        "examples/papers/aqa-cold-war.yaml",
        "--seed",
        "7",
    ];
    let (paper, _, manifest) = generate(dir.path(), "aqa", &args);
    let sources = sources_of(&manifest);
    assert!(
        !sources.is_empty(),
        "the AQA blueprint asks for source questions"
    );
    let insert = std::fs::read(dir.path().join("aqa-insert.pdf")).expect("an insert");
    assert_eq!(pages(&insert) % 4, 0);
    let insert_text = squash(&text(&insert));
    let paper_text = squash(&text(&paper));
    assert!(insert_text.contains("Insert"));
    assert!(insert_text.contains("For Question 01"));
    assert!(paper_text.contains("the Insert (enclosed)"));
    for source in &sources {
        assert!(insert_text.contains(source), "{source:?} not in the insert");
        assert!(!paper_text.contains(source), "{source:?} also in the paper");
    }

    let inline: Vec<&str> = args
        .iter()
        .copied()
        .chain(["--sources", "inline"])
        .collect();
    let (paper, _, _) = generate(dir.path(), "inline", &inline);
    assert!(!dir.path().join("inline-insert.pdf").exists());
    // Regenerating a name inline removes the insert an earlier run left beside it.
    generate(dir.path(), "aqa", &inline);
    assert!(
        !dir.path().join("aqa-insert.pdf").exists(),
        "stale insert kept"
    );
    let paper_text = squash(&text(&paper));
    assert!(!paper_text.contains("the Insert (enclosed)"));
    for source in &sources {
        assert!(paper_text.contains(source), "{source:?} not in the paper");
    }
}

#[test]
fn edexcel_blueprint_makes_a_paper_in_edexcel_style() {
    let dir = tempfile::tempdir().unwrap();
    let (paper, _, manifest) = generate(
        dir.path(),
        "edexcel",
        &[
            "--blueprint",
            "examples/papers/edexcel-cold-war.yaml",
            "--seed",
            "7",
        ],
    );
    assert_eq!(pages(&paper) % 4, 0);
    let txt = text(&paper);
    let total = manifest.total_marks + manifest.total_spag;
    assert!(txt.contains(&format!("TOTAL FOR PAPER = {total} MARKS")));
    assert!(txt.contains("(Total for Question 1 = "));
    for item in &manifest.items {
        assert!(
            txt.contains(&format!("({})", item.marks)),
            "({}) not printed",
            item.marks
        );
    }
    questions_are_printed(&paper, &manifest);
    // "Explain two consequences" gets a headed space for each consequence, both before
    // the question's marks.
    let first = txt
        .find("Consequence 1:")
        .expect("first consequence heading");
    let second = txt
        .find("Consequence 2:")
        .expect("second consequence heading");
    let marks = txt.find("(Total for Question 1 = ").unwrap();
    assert!(first < second && second < marks, "headings out of order");
}

#[test]
fn cambridge_quick_paper_makes_a_paper_in_cambridge_style() {
    let dir = tempfile::tempdir().unwrap();
    let (paper, _, manifest) = generate(
        dir.path(),
        "cie",
        &["--board", "cie", "--marks", "40", "--seed", "2"],
    );
    let n = pages(&paper);
    assert_eq!(n % 4, 0);
    let txt = text(&paper);
    assert!(txt.contains("READ THESE INSTRUCTIONS FIRST"));
    assert!(txt.contains(&format!("This document has {n} pages.")));
    for item in &manifest.items {
        assert!(txt.contains(&format!("[{}]", item.marks)));
    }
    questions_are_printed(&paper, &manifest);
}

#[test]
fn the_same_seed_gives_the_same_bytes_across_runs() {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "--blueprint",
        "examples/papers/aqa-cold-war.yaml",
        "--seed",
        "11",
    ];
    let (a, sa, _) = generate(dir.path(), "a", &args);
    let (b, sb, _) = generate(dir.path(), "b", &args);
    assert_eq!(a, b, "question papers differ");
    assert_eq!(sa, sb, "mark schemes differ");
    let (c, _, _) = generate(
        dir.path(),
        "c",
        &[
            "--blueprint",
            "examples/papers/aqa-cold-war.yaml",
            "--seed",
            "12",
        ],
    );
    assert_ne!(a, c);
}

#[test]
fn cambridge_blueprint_makes_a_paper_in_cambridge_style() {
    let dir = tempfile::tempdir().unwrap();
    let (paper, scheme, manifest) = generate(
        dir.path(),
        "cie",
        &[
            "--blueprint",
            "examples/papers/cie-cold-war.yaml",
            "--seed",
            "7",
        ],
    );
    let n = pages(&paper);
    assert_eq!(n % 4, 0);
    let txt = text(&paper);
    for expected in [
        "READ THESE INSTRUCTIONS FIRST",
        "Answer three questions: two from Section A and one from Section B.",
        "Section A: Core content",
        "Section B: The Soviet Union and Eastern Europe",
        "The total mark for this paper is 60.",
    ] {
        assert!(txt.contains(expected), "Cambridge paper lacks {expected:?}");
    }
    assert!(txt.contains(&format!("This document has {n} pages.")));
    // Every part is numbered (a), (b), (c) and carries its marks in square brackets.
    for item in &manifest.items {
        let label = item.part.as_deref().unwrap();
        assert!(txt.contains(&format!("({label})")));
        assert!(txt.contains(&format!("[{}]", item.marks)));
    }
    questions_are_printed(&paper, &manifest);
    let scheme = squash(&text(&scheme));
    for item in &manifest.items {
        assert!(
            scheme.contains(&item.number),
            "scheme lacks {}",
            item.number
        );
    }
}

#[test]
fn an_unfillable_blueprint_fails_clearly_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let blueprint = dir.path().join("too-big.yaml");
    let text = std::fs::read_to_string(root().join("examples/papers/aqa-cold-war.yaml"))
        .unwrap()
        .replace("marks: 16", "marks: 99");
    std::fs::write(&blueprint, text).unwrap();
    let out = dir.path().join("paper.pdf");
    let assert = Command::cargo_bin("examkit")
        .unwrap()
        .current_dir(root())
        .args(["generate", "--blueprint"])
        .arg(&blueprint)
        .arg("--out")
        .arg(&out)
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(
        stderr.contains("slot"),
        "the error should name the slot:\n{stderr}"
    );
    assert!(
        stderr.contains("99"),
        "the error should say what was asked:\n{stderr}"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing but the blueprint"
    );
}
