//! Regression: examkit's marks on real students' answers (SemEval-2013 Task 7, 2-way labels)
//! must keep agreeing with the annotators at least as well as they did when this test was
//! written, less a small margin, with the first-draft schemes (`tests/data/semeval-first-draft`,
//! what the engine is judged on) and with the teacher-revised ones (`examples/semeval`). The
//! figures are in `docs/moderation.md`.
//!
//! The corpus is not in the repository (CC BY-SA 3.0, kept beside it): the test reads it from
//! `../shared/data/semeval2013` (or `$EXAMKIT_SEMEVAL_DIR`) and skips, saying so, when it is
//! absent.

use examkit::bank;
use examkit::import::semeval::{self, Labels};
use examkit::moderate::{self, input::MarkedAnswer};
use std::path::{Path, PathBuf};

/// Figures reached (accuracy, kappa; see docs/moderation.md); the test allows `MARGIN` below
/// them.
struct Floor {
    accuracy: f64,
    kappa: f64,
}

const REVISED: &str = "examples/semeval";
const REVISED_BEETLE: Floor = Floor {
    accuracy: 0.850,
    kappa: 0.690,
};
const REVISED_SCIENTSBANK: Floor = Floor {
    accuracy: 0.862,
    kappa: 0.724,
};

const FIRST_DRAFT: &str = "tests/data/semeval-first-draft";
const FIRST_DRAFT_BEETLE: Floor = Floor {
    accuracy: 0.788,
    kappa: 0.581,
};
const FIRST_DRAFT_SCIENTSBANK: Floor = Floor {
    accuracy: 0.831,
    kappa: 0.663,
};

const MARGIN: f64 = 0.03;

fn data_dir() -> PathBuf {
    match std::env::var_os("EXAMKIT_SEMEVAL_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/semeval2013"),
    }
}

fn answers(corpus_dir: &Path) -> Vec<MarkedAnswer> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    files.sort();
    let mut answers = Vec::new();
    for file in files {
        let xml = std::fs::read_to_string(&file).unwrap();
        let question = semeval::parse(&xml).unwrap();
        for (i, row) in semeval::rows(&question, Labels::TwoWay)
            .unwrap()
            .into_iter()
            .enumerate()
        {
            answers.push(MarkedAnswer {
                line: i as u64 + 1,
                question: row.question,
                answer: row.answer,
                mark: row.mark,
            });
        }
    }
    answers
}

fn check(schemes: &str, corpus: &str, floor: Floor) {
    let data = data_dir();
    if !data.exists() {
        eprintln!(
            "SKIPPED: SemEval-2013 data not found at {} (set EXAMKIT_SEMEVAL_DIR or place it \
             beside the repository as ../shared/data/semeval2013)",
            data.display()
        );
        return;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (bank, problems) = bank::load(&[root.join(schemes)]);
    assert!(problems.is_empty(), "{problems:?}");
    let answers = answers(&data.join("training/2way").join(corpus));
    let report = moderate::moderate(&bank, &answers).unwrap();
    let figures = report.overall.agreement;
    let accuracy = figures.exact.unwrap();
    let kappa = figures.kappa.unwrap();
    eprintln!(
        "{schemes}, {corpus}: {} answers, accuracy {accuracy:.4}, kappa {kappa:.4}",
        figures.n
    );
    assert!(
        figures.n >= 700,
        "{corpus}: only {} answers moderated",
        figures.n
    );
    assert!(
        accuracy >= floor.accuracy - MARGIN,
        "{schemes}, {corpus}: accuracy {accuracy:.4} fell below {} − {MARGIN}",
        floor.accuracy
    );
    assert!(
        kappa >= floor.kappa - MARGIN,
        "{schemes}, {corpus}: kappa {kappa:.4} fell below {} − {MARGIN}",
        floor.kappa
    );
}

#[test]
fn beetle_agreement_holds() {
    check(REVISED, "beetle", REVISED_BEETLE);
}

#[test]
fn scientsbank_agreement_holds() {
    check(REVISED, "sciEntsBank", REVISED_SCIENTSBANK);
}

#[test]
fn beetle_first_draft_agreement_holds() {
    check(FIRST_DRAFT, "beetle", FIRST_DRAFT_BEETLE);
}

#[test]
fn scientsbank_first_draft_agreement_holds() {
    check(FIRST_DRAFT, "sciEntsBank", FIRST_DRAFT_SCIENTSBANK);
}
