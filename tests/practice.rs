//! `examkit practice`: a self-marking session driven through piped standard input.

use assert_cmd::cargo_bin_cmd;
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn bank() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mark/bank")
}

fn practice(dir: &Path) -> assert_cmd::Command {
    let mut cmd = cargo_bin_cmd!("examkit");
    cmd.current_dir(dir)
        .arg("practice")
        .arg("--bank")
        .arg(bank());
    cmd
}

fn records(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn stdout(assert: assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stdout.clone()).unwrap()
}

#[test]
fn a_session_asks_marks_and_summarises() {
    let dir = tempfile::tempdir().unwrap();
    // Two answers: one finished with ".", one with two empty lines; then the input ends.
    let input = "It was 1956\nso B.\n.\nStudents protested in Budapest.\n\n\n";
    let out = stdout(
        practice(dir.path())
            .args(["--seed", "4", "--count", "2", "--session", "s.jsonl"])
            .write_stdin(input)
            .assert()
            .success(),
    );
    assert!(out.contains("Practice session (seed 4), saved as you type in s.jsonl."));
    assert!(out.contains("Question 1 of "), "{out}");
    assert!(out.contains("Finish it with a line containing only `.`"));
    assert!(out.contains("Model answer"), "{out}");
    assert!(out.contains("Session summary"), "{out}");
    assert!(out.contains("2 answers, "), "{out}");
    let recs = records(&dir.path().join("s.jsonl"));
    assert_eq!(recs[0]["type"], "start");
    assert_eq!(recs[0]["seed"], 4);
    let answers: Vec<&Value> = recs.iter().filter(|r| r["type"] == "answer").collect();
    assert_eq!(answers.len(), 2);
    assert_eq!(answers[0]["answer"], "It was 1956\nso B.");
    assert_eq!(answers[1]["answer"], "Students protested in Budapest.");
    // Seed 4 asks the multiple-choice question first, then Hungary part (a).
    assert_eq!(answers[0]["key"], "fx-destal-mc");
    assert_eq!(answers[0]["awarded"], 1);
    assert_eq!(answers[1]["key"], "fx-hungary-structured/a");
    assert_eq!(answers[1]["awarded"], 1);
    assert!(out.contains("fx-destal-mc 1 / 1 mark"), "{out}");
    assert!(out.contains("2 answers, 2 / 5 marks"), "{out}");
    assert!(out.contains("Points to learn:"), "{out}");
    assert!(out.contains("Stalin's statue was pulled down"), "{out}");
    let lines = recs.iter().filter(|r| r["type"] == "line").count();
    assert_eq!(lines, 5, "every typed line is saved, blank ones too");
}

#[test]
fn the_same_seed_asks_the_same_questions() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.jsonl", "b.jsonl"] {
        practice(dir.path())
            .args(["--seed", "11", "--count", "3", "--session", name])
            .write_stdin("")
            .assert()
            .success();
    }
    let a = records(&dir.path().join("a.jsonl"));
    let b = records(&dir.path().join("b.jsonl"));
    assert_eq!(a[0]["items"], b[0]["items"]);
    assert_eq!(
        a[0]["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["part"].is_null())
            .count()
            + 2 * a[0]["items"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|i| i["part"] == "a")
                .count(),
        a[0]["items"].as_array().unwrap().len(),
        "a question with parts brings all its parts"
    );
}

#[test]
fn board_and_topic_narrow_the_questions() {
    let dir = tempfile::tempdir().unwrap();
    practice(dir.path())
        .args([
            "--seed",
            "1",
            "--count",
            "9",
            "--board",
            "cie",
            "--session",
            "c.jsonl",
        ])
        .write_stdin("")
        .assert()
        .success();
    let start = &records(&dir.path().join("c.jsonl"))[0];
    let mut ids: Vec<&str> = start["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["question"].as_str().unwrap())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(
        ids,
        [
            "fx-berlin-structured",
            "fx-destal-speech-give",
            "fx-hungary-structured"
        ]
    );
    practice(dir.path())
        .args([
            "--seed",
            "1",
            "--topic",
            "hungarian uprising",
            "--session",
            "t.jsonl",
        ])
        .write_stdin("")
        .assert()
        .success();
    let start = &records(&dir.path().join("t.jsonl"))[0];
    assert!(
        start["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["question"] == "fx-hungary-structured")
    );
    practice(dir.path())
        .args(["--topic", "korea", "--session", "k.jsonl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no history question has topic `korea`",
        ))
        .stderr(predicate::str::contains(
            "the history topics are berlin-wall",
        ));
}

#[test]
fn resume_keeps_what_was_typed_and_carries_on() {
    let dir = tempfile::tempdir().unwrap();
    // First sitting: answer the first question, then stop (end of input).
    practice(dir.path())
        .args(["--seed", "4", "--count", "2", "--session", "s.jsonl"])
        .write_stdin("B\n.\n")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "carry on with `examkit practice --resume s.jsonl`",
        ));
    // The student had typed half an answer to the next question when the terminal closed.
    let path = dir.path().join("s.jsonl");
    let start = records(&path)[0].clone();
    let total = start["items"].as_array().unwrap().len();
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap();
    use std::io::Write;
    writeln!(
        file,
        "{{\"type\":\"line\",\"item\":1,\"text\":\"Students protested\"}}"
    )
    .unwrap();
    write!(file, "{{\"type\":\"line\",\"item\":1,\"te").unwrap();
    drop(file);
    let mut input = String::from("in Budapest.\n.\n");
    for _ in 2..total {
        input.push_str("I am not sure.\n.\n");
    }
    let out = stdout(
        practice(dir.path())
            .args(["--resume", "s.jsonl"])
            .write_stdin(input)
            .assert()
            .success()
            .stderr(predicate::str::contains("was cut off")),
    );
    assert!(out.contains("Resuming s.jsonl: 1 of "), "{out}");
    assert!(
        out.contains("Restored what you had typed:\n> Students protested"),
        "{out}"
    );
    assert!(
        !out.contains("Question 1 of"),
        "the answered question is not asked again"
    );
    assert!(out.contains(&format!("{total} answers, ")), "{out}");
    let recs = records_tolerant(&path);
    let answers: Vec<&Value> = recs.iter().filter(|r| r["type"] == "answer").collect();
    assert_eq!(answers.len(), total);
    assert_eq!(answers[1]["answer"], "Students protested\nin Budapest.");
    assert_eq!(answers[0]["answer"], "B");
}

#[test]
fn an_existing_session_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("s.jsonl"), "precious\n").unwrap();
    practice(dir.path())
        .args(["--seed", "4", "--session", "s.jsonl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("use --resume s.jsonl"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("s.jsonl")).unwrap(),
        "precious\n"
    );
    practice(dir.path())
        .args(["--resume", "s.jsonl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "s.jsonl:1: not an examkit practice session",
        ));
}

/// Session records, skipping a line torn by a simulated crash.
fn records_tolerant(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

/// A first sitting of two questions, stopped after the first answer: `dir/s.jsonl`.
fn stopped_session(dir: &Path) -> PathBuf {
    practice(dir)
        .args(["--seed", "4", "--count", "2", "--session", "s.jsonl"])
        .write_stdin("B\n.\n")
        .assert()
        .success();
    dir.join("s.jsonl")
}

#[test]
fn a_second_resume_is_refused_and_says_who_holds_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let path = stopped_session(dir.path());
    let mut first = std::process::Command::new(assert_cmd::cargo::cargo_bin!("examkit"))
        .current_dir(dir.path())
        .args(["practice", "--bank"])
        .arg(bank())
        .args(["--resume", "s.jsonl"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // The first process records itself once it holds the lock.
    let pid = first.id();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !records_tolerant(&path)
        .iter()
        .any(|r| r["type"] == "open" && r["pid"] == pid)
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the first resume never started"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let before = std::fs::read(&path).unwrap();
    practice(dir.path())
        .args(["--resume", "s.jsonl"])
        .write_stdin("Students protested.\n.\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "s.jsonl: this session is open in another examkit practice (process {pid}"
        )));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the second wrote nothing"
    );
    drop(first.stdin.take());
    assert!(first.wait().unwrap().success());
    // With the first gone, the session carries on.
    practice(dir.path())
        .args(["--resume", "s.jsonl"])
        .write_stdin("Students protested.\n.\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("Resuming s.jsonl: 1 of "));
}

#[test]
fn a_tail_torn_inside_a_character_or_padded_with_nuls_is_dropped_and_named() {
    for tail in [
        "{\"type\":\"line\",\"item\":1,\"text\":\"Nagy\u{2019}s".as_bytes(),
        b"{\"type\":\"line\",\"item\":1,\"text\":\"Nagy\0\0\0\0\0\0\0\0",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = stopped_session(dir.path());
        let mut torn = tail.to_vec();
        if torn.ends_with("\u{2019}s".as_bytes()) {
            torn.truncate(torn.len() - 2); // cut inside the apostrophe
        }
        use std::io::Write;
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all(&torn)
            .unwrap();
        let out = stdout(
            practice(dir.path())
                .args(["--resume", "s.jsonl"])
                .write_stdin("Students protested.\n.\n")
                .assert()
                .success()
                .stderr(predicate::str::contains(
                    "note: the end of s.jsonl was cut off when the session stopped (line ",
                ))
                .stderr(predicate::str::contains(format!(
                    "{} bytes: `{{\"type\":\"line\",\"item\":1,\"text\":\"Nagy`); that was \
                     dropped and everything before it is kept",
                    torn.len()
                ))),
        );
        assert!(out.contains("Resuming s.jsonl: 1 of "), "{out}");
        assert_eq!(
            records(&path).len(),
            records_tolerant(&path).len(),
            "no torn line left"
        );
    }
}
