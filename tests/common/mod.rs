//! Test fixtures shared by the PDF tests: a paper for each board built from
//! `tests/fixtures/paper/questions.yaml` and the shipped blueprints.

#![allow(dead_code)]

use examkit::model::{Blueprint, Board, Question, Scheme};
use examkit::paper::{Paper, PaperQuestion, PaperSection};
use std::path::PathBuf;
use std::process::Command;

#[derive(serde::Deserialize)]
struct Fixture {
    topic_title: String,
    questions: Vec<Question>,
    schemes: Vec<Scheme>,
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A copy of the shipped question bank and mark schemes in a temporary folder, to change.
pub fn bank_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for folder in ["question-bank/history", "mark-schemes/history"] {
        std::fs::create_dir_all(dir.path().join(folder)).unwrap();
        for entry in std::fs::read_dir(root().join(folder)).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(
                &path,
                dir.path().join(folder).join(path.file_name().unwrap()),
            )
            .unwrap();
        }
    }
    dir
}

/// The ids of the questions the paper `dir/out/<name>` prints, from its manifest.
pub fn printed(dir: &std::path::Path, name: &str) -> Vec<String> {
    let manifest: examkit::model::Manifest = serde_json::from_slice(
        &std::fs::read(dir.join(format!("out/{name}.manifest.json"))).unwrap(),
    )
    .unwrap();
    manifest.items.into_iter().map(|i| i.question).collect()
}

/// The shipped blueprint of a board.
pub fn blueprint(board: Board) -> Blueprint {
    let path = root().join(format!("examples/papers/{}-cold-war.yaml", board.key()));
    let text = std::fs::read_to_string(&path).unwrap();
    serde_yaml::from_str(&text).unwrap()
}

/// A paper for `board` holding every fixture question, spread over the blueprint's
/// sections.
pub fn paper(board: Board, seed: u64) -> Paper {
    let text = std::fs::read_to_string(root().join("tests/fixtures/paper/questions.yaml")).unwrap();
    // Through JSON: externally tagged enums (`rules: { points: … }`) read as plain maps.
    let yaml: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let fixture: Fixture = serde_json::from_value(serde_json::to_value(yaml).unwrap()).unwrap();
    let blueprint = blueprint(board);
    let n = blueprint.sections.len();
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
    let mut questions = fixture.questions.clone();
    // Different seeds give a different order, as selection would.
    let len = questions.len();
    questions.rotate_left(seed as usize % len);
    for (i, question) in questions.into_iter().enumerate() {
        let schemes = fixture
            .schemes
            .iter()
            .filter(|s| s.question == question.id)
            .cloned()
            .collect();
        let section = (i * n / len).min(n - 1);
        sections[section].questions.push(PaperQuestion {
            number: i as u32 + 1,
            question,
            topic_title: fixture.topic_title.clone(),
            schemes,
        });
    }
    for s in &mut sections {
        if let Some(a) = s.answer {
            s.answer = Some(a.min(s.questions.len() as u32));
        }
    }
    Paper {
        paper_id: format!("{}-fixture-s{seed}-v1", board.key()),
        blueprint,
        seed,
        variant: 1,
        bank_version: "fixture".to_string(),
        synonyms: history_synonyms(),
        sections,
    }
}

/// The shipped History synonym groups, as a paper drawn from the bank carries them.
pub fn history_synonyms() -> std::collections::BTreeMap<String, Vec<String>> {
    let path = root().join("mark-schemes/history/synonyms.yaml");
    let text = std::fs::read_to_string(path).unwrap();
    let file: examkit::model::SynonymFile = serde_yaml::from_str(&text).unwrap();
    file.groups
}

/// Writes bytes to a temporary file and runs a poppler tool on it, returning stdout.
pub fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new(tool)
        .args(args)
        .arg(&path)
        .args(if tool == "pdftotext" {
            vec!["-"]
        } else {
            vec![]
        })
        .output()
        .unwrap_or_else(|e| panic!("{tool} must be installed (poppler-utils): {e}"));
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Text of a PDF, layout-preserving.
pub fn text(pdf: &[u8]) -> String {
    poppler("pdftotext", &["-layout"], pdf)
}

/// Page count of a PDF.
pub fn pages(pdf: &[u8]) -> usize {
    let info = poppler("pdfinfo", &[], pdf);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

/// Collapses whitespace so wrapped text can be searched for.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
pub mod web;
