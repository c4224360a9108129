//! The shipped bank, schemes and blueprints check clean, as the "done when" asks:
//! `examkit check question-bank mark-schemes examples` exits 0 with no problem at all.

use assert_cmd::Command;
use examkit::bank::{self, check::slot_accepts};
use std::path::PathBuf;

#[test]
fn shipped_bank_checks_clean() {
    let out = Command::cargo_bin("examkit")
        .expect("binary builds")
        .args(["check", "question-bank", "mark-schemes", "examples"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    let summary = stdout.lines().last().unwrap_or_default();
    assert!(summary.ends_with(": no problems"), "{stdout}");
    assert!(summary.contains("3 blueprints"), "{summary}");
}

#[test]
fn the_checker_and_the_paper_selector_agree_on_what_fits_a_slot() {
    let paths: Vec<PathBuf> = ["question-bank", "mark-schemes", "examples"]
        .iter()
        .map(PathBuf::from)
        .collect();
    let (bank, _) = bank::load(&paths);
    assert!(!bank.questions.is_empty() && !bank.blueprints.is_empty());
    let mut fitting = 0;
    for bb in &bank.blueprints {
        for section in &bb.blueprint.sections {
            for slot in &section.slots {
                for q in &bank.questions {
                    let ours = slot_accepts(&bb.blueprint, slot, q);
                    let theirs = examkit::paper::select::fits(&bb.blueprint, slot, q);
                    assert_eq!(ours, theirs, "{} in {}", q.question.id, bb.file.display());
                    fitting += usize::from(ours);
                }
            }
        }
    }
    assert!(fitting > 0);
}
