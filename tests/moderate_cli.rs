//! `examkit moderate` and `examkit import semeval` as a teacher meets them, on small
//! fixtures under `tests/fixtures/moderate/`.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::PathBuf;

fn fixture(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/moderate")
        .join(path)
}

fn examkit() -> Command {
    Command::cargo_bin("examkit").unwrap()
}

fn moderate_json(extra: &[&str]) -> Value {
    let output = examkit()
        .arg("moderate")
        .arg("--schemes")
        .arg(fixture("bank"))
        .arg("--marked")
        .arg(fixture("marked.csv"))
        .args(["--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn json_report_gives_figures_per_question_and_overall() {
    let report = moderate_json(&[]);
    let overall = &report["overall"];
    assert_eq!(overall["agreement"]["n"], 10);
    assert_eq!(overall["agreement"]["exact"], 0.7);
    assert_eq!(overall["examkit_higher"], 1);
    assert_eq!(overall["examkit_lower"], 2);
    // Teacher's marks by row, examkit's by column, over marks 0..=2.
    assert_eq!(
        overall["confusion"]["counts"],
        serde_json::json!([[3, 1, 0], [1, 3, 0], [1, 0, 1]])
    );
    let questions: Vec<&str> = report["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["name"].as_str().unwrap())
        .collect();
    assert_eq!(questions, ["bulb-out", "conductors"]);
    let bulb = &report["questions"][0];
    assert_eq!(bulb["agreement"]["n"], 6);
    // Binary question: 2×2 table [[2,1],[1,2]]: po = 4/6, pe = 1/2, kappa = 1/3.
    let kappa = bulb["agreement"]["kappa"].as_f64().unwrap();
    assert!((kappa - 1.0 / 3.0).abs() < 1e-9, "{kappa}");
    assert_eq!(report["skipped"][0]["question"], "unknown-question");
    assert_eq!(report["skipped"][0]["answers"], 1);
}

#[test]
fn disagreements_come_worst_first_with_the_engine_reasons() {
    let report = moderate_json(&[]);
    assert_eq!(report["disagreement_count"], 3);
    let list = report["disagreements"].as_array().unwrap();
    // Two marks apart first.
    assert_eq!(list[0]["question"], "conductors");
    assert_eq!(list[0]["line"], 11);
    assert_eq!(list[0]["teacher"], 2);
    assert_eq!(list[0]["examkit"], 0);
    // Then file order within the question.
    assert_eq!(list[1]["line"], 4);
    assert_eq!(list[1]["answer"], "There is a gap.");
    assert_eq!(list[1]["examkit"], 1);
    let gap = &list[1]["points"][0];
    assert_eq!(gap["id"], "gap");
    assert_eq!(gap["status"], "credited");
    assert_eq!(gap["evidence"][0]["text"], "gap");
    assert_eq!(list[2]["line"], 7);
    assert_eq!(list[2]["points"][0]["status"], "missed");
    // Summed up by rule, the question with most disagreements first.
    let hints = &report["hints"];
    assert_eq!(hints[0]["question"], "bulb-out");
    assert_eq!(hints[0]["too_generous"], 1);
    assert_eq!(hints[0]["too_harsh"], 1);
    assert_eq!(
        hints[0]["credited"],
        serde_json::json!([{"point": "gap", "status": "credited", "words": "gap", "answers": 1}])
    );
    assert_eq!(hints[0]["not_credited"][0]["status"], "missed");
    assert_eq!(hints[1]["question"], "conductors");
    assert_eq!(hints[1]["too_harsh"], 1);
}

#[test]
fn worst_limits_the_list_but_not_the_count() {
    let report = moderate_json(&["--worst", "1"]);
    assert_eq!(report["disagreement_count"], 3);
    assert_eq!(report["disagreements"].as_array().unwrap().len(), 1);
}

#[test]
fn text_report_reads_from_figures_down_to_reasons() {
    examkit()
        .arg("moderate")
        .arg("--schemes")
        .arg(fixture("bank"))
        .arg("--marked")
        .arg(fixture("marked.csv"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "10 answers to 2 questions, marked by the teacher and by examkit",
        ))
        .stdout(predicate::str::contains("70.0%"))
        .stdout(predicate::str::contains("teacher 2"))
        .stdout(predicate::str::contains(
            "conductors (line 11): teacher 2, examkit 0 of 2 — examkit too harsh",
        ))
        .stdout(predicate::str::contains(
            "bulb-out (line 4): teacher 0, examkit 1 of 1 — examkit too generous",
        ))
        .stdout(predicate::str::contains("✓ gap (credited by \"gap\")"))
        .stdout(predicate::str::contains("Skipped 1 answers to 1 questions"));
}

#[test]
fn reads_json_lines_with_named_fields() {
    let output = examkit()
        .arg("moderate")
        .arg("--schemes")
        .arg(fixture("bank"))
        .arg("--marked")
        .arg(fixture("marked.jsonl"))
        .args([
            "--id-col",
            "qid",
            "--answer-col",
            "text",
            "--mark-col",
            "score",
        ])
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["overall"]["agreement"]["n"], 3);
    assert_eq!(report["disagreement_count"], 1);
    assert_eq!(report["disagreements"][0]["answer"], "No idea.");
}

#[test]
fn a_missing_column_says_which_flag_to_use() {
    examkit()
        .arg("moderate")
        .arg("--schemes")
        .arg(fixture("bank"))
        .arg("--marked")
        .arg(fixture("marked.jsonl"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("line 1: no `question` field"))
        .stderr(predicate::str::contains("--id-col"));
}

#[test]
fn a_mark_above_the_maximum_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let marked = dir.path().join("marked.csv");
    std::fs::write(
        &marked,
        "question,answer,mark\nbulb-out,gap,1\nbulb-out,gap,3\n",
    )
    .unwrap();
    examkit()
        .arg("moderate")
        .arg("--schemes")
        .arg(fixture("bank"))
        .arg("--marked")
        .arg(&marked)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "line 3: mark 3 for `bulb-out` is above the scheme's maximum of 1",
        ));
}

#[test]
fn no_answer_with_a_scheme_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let marked = dir.path().join("marked.csv");
    std::fs::write(&marked, "question,answer,mark\nQ9,gap,1\n").unwrap();
    examkit()
        .arg("moderate")
        .arg("--schemes")
        .arg(fixture("bank"))
        .arg("--marked")
        .arg(&marked)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "none of the 1 answers is for a question with a scheme (ids in the file: Q9)",
        ));
}

#[test]
fn import_semeval_writes_the_moderation_csv() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("marked.csv");
    examkit()
        .args(["import", "semeval"])
        .arg(fixture("semeval/Circuits-LAMP_OUT_Q.xml"))
        .args(["--labels", "3way", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("wrote 3 answers to 1 questions"));
    let csv = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        csv,
        "question,answer,mark,label,answer_id\n\
         LAMP_OUT_Q,\"there was a gap, \"\"so\"\" it stopped\",1,correct,LAMP_OUT_Q.s1\n\
         LAMP_OUT_Q,the path was still closed,0,contradictory,LAMP_OUT_Q.s2\n\
         LAMP_OUT_Q,the lamp & battery broke,0,incorrect,LAMP_OUT_Q.s3\n"
    );
}

#[test]
fn import_semeval_reads_folders_in_path_order() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("marked.csv");
    // The fixture folder holds a 3-way label, so read only the 2-way file here via its
    // folder copy.
    let folder = dir.path().join("xml");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(fixture("semeval/Circuits-CELL_Q.xml"), folder.join("b.xml")).unwrap();
    std::fs::write(
        folder.join("a.xml"),
        "<question id=\"A_Q\"><questionText>Q?</questionText><studentAnswers>\
         <studentAnswer id=\"a1\" accuracy=\"incorrect\">no</studentAnswer>\
         </studentAnswers></question>",
    )
    .unwrap();
    std::fs::write(folder.join("notes.txt"), "not xml").unwrap();
    examkit()
        .args(["import", "semeval"])
        .arg(&folder)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let csv = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        csv,
        "question,answer,mark,answer_id\nA_Q,no,0,a1\nCELL_Q,it pushes the charge,1,CELL_Q.s1\n"
    );
}

#[test]
fn import_semeval_refuses_labels_of_the_wrong_kind_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("marked.csv");
    examkit()
        .args(["import", "semeval"])
        .arg(fixture("semeval"))
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Circuits-LAMP_OUT_Q.xml"))
        .stderr(predicate::str::contains(
            "answer `LAMP_OUT_Q.s2` has label `contradictory`",
        ))
        .stderr(predicate::str::contains("--labels"));
    assert!(!out.exists());
}

#[test]
fn import_semeval_locates_malformed_xml() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.xml");
    std::fs::write(&bad, "<question id=\"Q\">\n<questionText>a</question>").unwrap();
    examkit()
        .args(["import", "semeval"])
        .arg(&bad)
        .arg("--out")
        .arg(dir.path().join("out.csv"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.xml"))
        .stderr(predicate::str::contains("line 2"));
}

#[test]
fn moderation_marks_exactly_as_examkit_mark_does() {
    // An option written out in full (which `examkit mark` understands) and a misspelt name:
    // moderation must give the marks `examkit mark` gives.
    let answers = [
        (
            "cuba-mc-second-letter",
            "the USA remove its Jupiter missiles from Turkey",
        ),
        (
            "cuba-mc-second-letter",
            "That Cuba be given a seat on the Security Council",
        ),
        ("de-stalinisation-recall-who", "Kruschev"),
    ];
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("marked.csv");
    let mut text = String::from("question,answer,mark\n");
    for (q, a) in answers {
        text.push_str(&format!("{q},\"{a}\",0\n"));
    }
    std::fs::write(&csv, text).unwrap();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let output = examkit()
        .current_dir(&root)
        .args(["moderate", "--schemes", "question-bank", "mark-schemes"])
        .arg("--marked")
        .arg(&csv)
        .args(["--format", "json", "--worst", "0"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let moderated: Vec<(String, u64)> = report["disagreements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["answer"].as_str().unwrap().to_string(),
                d["examkit"].as_u64().unwrap(),
            )
        })
        .collect();
    for (question, answer) in answers {
        let output = examkit()
            .current_dir(&root)
            .args([
                "mark",
                "--question",
                question,
                "--answer",
                answer,
                "--format",
                "json",
            ])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let marked: Value = serde_json::from_slice(&output.stdout).unwrap();
        let mark = marked["result"]["awarded"].as_u64().unwrap();
        // Every teacher mark is 0, so an answer examkit credits is listed as a disagreement.
        let listed = moderated.iter().find(|(a, _)| a == answer).map(|(_, m)| *m);
        assert_eq!(listed.unwrap_or(0), mark, "{question}: {answer:?}");
    }
    assert_eq!(
        moderated
            .iter()
            .filter(|(a, _)| a.contains("Jupiter"))
            .count(),
        1,
        "the option written out earns its mark in moderation"
    );
}
