//! `examkit mark --paper M --answers F`: one student's whole paper.

use assert_cmd::cargo_bin_cmd;
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mark")
}

fn mark_paper(manifest: &str, answers: &Path, format: &str) -> assert_cmd::assert::Assert {
    cargo_bin_cmd!("examkit")
        .arg("mark")
        .arg("--bank")
        .arg(fixtures().join("bank"))
        .arg("--paper")
        .arg(fixtures().join(manifest))
        .arg("--answers")
        .arg(answers)
        .args(["--format", format])
        .assert()
}

fn json_of(assert: assert_cmd::assert::Assert) -> Value {
    serde_json::from_slice(&assert.success().get_output().stdout).unwrap()
}

#[test]
fn a_paper_is_reported_question_by_question_with_a_total() {
    let assert = mark_paper(
        "aqa.manifest.json",
        &fixtures().join("answers.yaml"),
        "text",
    );
    let out = assert
        .success()
        .stderr(predicate::str::contains(
            "was made from bank version fixture, but the bank is now version",
        ))
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("Fixture paper: De-Stalinisation (FX/1) — fx-aqa-s1-v1"));
    assert!(text.contains("01 (fx-destal-speech-give) "), "{text}");
    assert!(text.contains("02 (fx-destal-effects-explain) "), "{text}");
    assert!(
        text.contains("03 (fx-destal-mc) 0 / 1 (not answered)"),
        "{text}"
    );
    assert!(text.contains("Total: "), "{text}");
    assert!(text.contains("Not answered: 03"), "{text}");
}

#[test]
fn json_totals_add_up_and_the_grade_follows_the_boundaries() {
    let json = json_of(mark_paper(
        "aqa.manifest.json",
        &fixtures().join("answers.yaml"),
        "json",
    ));
    assert_eq!(json["version"], 1);
    assert_eq!(json["kind"], "paper");
    assert_eq!(json["paper_id"], "fx-aqa-s1-v1");
    assert_eq!(json["max"], 7);
    let items = json["items"].as_array().unwrap();
    let numbers: Vec<&str> = items
        .iter()
        .map(|i| i["number"].as_str().unwrap())
        .collect();
    assert_eq!(numbers, ["01", "02", "03"]);
    // "2" in the answers file is read as question 02.
    assert_eq!(items[1]["answered"], true);
    assert_eq!(items[2]["answered"], false);
    assert_eq!(items[2]["result"], Value::Null);
    assert_eq!(json["unanswered"], serde_json::json!(["03"]));
    let sum: u64 = items.iter().map(|i| i["awarded"].as_u64().unwrap()).sum();
    let total = json["total"].as_u64().unwrap();
    assert_eq!(total, sum);
    let expected_grade = match total {
        7.. => Value::from("9"),
        4.. => Value::from("5"),
        1.. => Value::from("1"),
        0 => Value::from("U"),
    };
    assert_eq!(json["grade"], expected_grade);
    let pct = json["percentage"].as_f64().unwrap();
    assert!((pct - (total as f64 * 100.0 / 7.0)).abs() < 0.06);
    // The answers are the schemes' points, well made: full marks on both answered items.
    assert_eq!(items[0]["awarded"], 2);
    assert_eq!(items[1]["awarded"], 4);
    assert_eq!(total, 6);
    assert_eq!(json["grade"], "5");
    assert_eq!(json["percentage"], 85.7);
}

#[test]
fn only_the_best_questions_of_an_answer_n_section_count() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("answers.json");
    std::fs::write(
        &answers,
        r#"{"1(a)": "Students protested in Budapest.", "2a": "Barbed wire went up.",
            "fx-berlin-structured/b": "To stop East Germans escaping."}"#,
    )
    .unwrap();
    let json = json_of(mark_paper("cie.manifest.json", &answers, "json"));
    let items = json["items"].as_array().unwrap();
    let counted: Vec<bool> = items
        .iter()
        .map(|i| i["counted"].as_bool().unwrap())
        .collect();
    // One question of two counts, with both its parts together.
    assert_eq!(counted[0], counted[1]);
    assert_eq!(counted[2], counted[3]);
    assert_ne!(counted[0], counted[2]);
    let score = |range: std::ops::Range<usize>| -> u64 {
        items[range]
            .iter()
            .map(|i| i["awarded"].as_u64().unwrap())
            .sum()
    };
    let (q1, q2) = (score(0..2), score(2..4));
    assert_eq!(json["total"].as_u64().unwrap(), q1.max(q2));
    assert_eq!(json["max"], 10);
    assert_eq!(json["unanswered"], serde_json::json!(["1(b)"]));
}

#[test]
fn csv_has_a_row_per_item_and_the_total() {
    let out = mark_paper("aqa.manifest.json", &fixtures().join("answers.yaml"), "csv")
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "number,key,section,answered,counted,awarded,max");
    assert!(lines[3].starts_with("03,fx-destal-mc,Section A,no,yes,0,1"));
    assert_eq!(lines[4], "total,,,,,6,7");
    assert_eq!(lines[5], "percentage,,,,,85.7,100");
    assert_eq!(lines[6], "grade,,,,,5,");
}

#[test]
fn an_answer_to_a_question_not_on_the_paper_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("answers.yaml");
    std::fs::write(&answers, "\"07\": something\n").unwrap();
    mark_paper("aqa.manifest.json", &answers, "text")
        .code(2)
        .stderr(predicate::str::contains(
            "`07` is not a question on paper fx-aqa-s1-v1; expected one of 01, 02, 03",
        ));
    std::fs::write(&answers, "- just a list\n").unwrap();
    mark_paper("aqa.manifest.json", &answers, "text")
        .code(2)
        .stderr(predicate::str::contains(
            "expected a map from question number to answer",
        ));
    std::fs::write(&answers, "\"01\": [unclosed\n").unwrap();
    mark_paper("aqa.manifest.json", &answers, "text")
        .code(2)
        .stderr(
            predicate::str::contains("answers.yaml:").and(predicate::str::contains("bad YAML")),
        );
}

#[test]
fn a_bad_manifest_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = dir.path().join("bad.manifest.json");
    std::fs::write(&manifest, "{\n  \"paper_id\": 3\n}\n").unwrap();
    cargo_bin_cmd!("examkit")
        .arg("mark")
        .arg("--bank")
        .arg(fixtures().join("bank"))
        .arg("--paper")
        .arg(&manifest)
        .arg("--answers")
        .arg(fixtures().join("answers.yaml"))
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("bad.manifest.json:2:")
                .and(predicate::str::contains("not a paper manifest")),
        );
}

#[test]
fn a_manifest_naming_a_question_the_bank_lacks_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = dir.path().join("m.json");
    let text = std::fs::read_to_string(fixtures().join("aqa.manifest.json")).unwrap();
    std::fs::write(&manifest, text.replace("fx-destal-mc", "fx-gone")).unwrap();
    cargo_bin_cmd!("examkit")
        .arg("mark")
        .arg("--bank")
        .arg(fixtures().join("bank"))
        .arg("--paper")
        .arg(&manifest)
        .arg("--answers")
        .arg(fixtures().join("answers.yaml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "paper item 03: question `fx-gone` is not in the bank",
        ));
}

#[test]
fn spag_marks_are_left_open_and_the_grade_they_could_reach_is_shown() {
    // The fixture paper with 2 SPaG marks on question 02.
    let text = std::fs::read_to_string(fixtures().join("aqa.manifest.json")).unwrap();
    let mut manifest: Value = serde_json::from_str(&text).unwrap();
    manifest["total_spag"] = Value::from(2);
    manifest["items"][1]["spag"] = Value::from(2);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("spag.manifest.json");
    std::fs::write(&path, manifest.to_string()).unwrap();
    let path = path.to_str().unwrap();

    let json = json_of(mark_paper(path, &fixtures().join("answers.yaml"), "json"));
    // 6 content marks: grade 5; with both SPaG marks 8 ≥ 7: grade 9.
    assert_eq!(json["total"], 6);
    assert_eq!(json["max"], 7);
    assert_eq!(json["grade"], "5");
    assert_eq!(json["spag_unmarked"], 2);
    assert_eq!(json["grade_with_spag"], "9");

    let out = mark_paper(path, &fixtures().join("answers.yaml"), "text")
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("Plus: up to 2 SPaG marks (spelling, punctuation, grammar) for your teacher to award; grade 9 with all of them"),
        "{text}"
    );

    // Without SPaG on the paper there is nothing to add.
    let json = json_of(mark_paper(
        "aqa.manifest.json",
        &fixtures().join("answers.yaml"),
        "json",
    ));
    assert_eq!(json["spag_unmarked"], 0);
    assert_eq!(json["grade_with_spag"], Value::Null);
}
