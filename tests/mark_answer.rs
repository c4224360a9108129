//! `examkit mark --question`: one answer, as a student or teacher meets it.

use assert_cmd::cargo_bin_cmd;
use predicates::prelude::*;
use std::path::PathBuf;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mark")
}

fn mark() -> assert_cmd::Command {
    let mut cmd = cargo_bin_cmd!("examkit");
    cmd.arg("mark")
        .arg("--bank")
        .arg(fixtures().join("bank"))
        .env_remove("CLICOLOR_FORCE");
    cmd
}

const MODEL: &str = "Khrushchev attacked Stalin's cult of personality, and he condemned the purges \
    in which loyal party members were arrested and killed.";

#[test]
fn text_report_has_the_mark_the_question_and_the_model_answer() {
    let out = mark()
        .args(["--question", "fx-destal-speech-give", "--answer", MODEL])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("fx-destal-speech-give "), "{text}");
    assert!(text.contains(" / 2 marks"), "{text}");
    assert!(text.contains("Give two things Khrushchev criticised Stalin for"));
    assert!(text.contains("Model answer"));
    assert!(text.contains("condemned the purges"));
    assert!(
        !text.contains('\u{1b}'),
        "no colour codes when piped: {text:?}"
    );
}

#[test]
fn text_report_says_in_words_what_the_scheme_accepts_for_missed_points() {
    let answer = "Stalin had a cult of personality.";
    let mut cmd = mark();
    cmd.args(["--question", "fx-destal-speech-give", "--answer", answer]);
    let text = String::from_utf8(cmd.output().unwrap().stdout).unwrap();
    let (_, accepts) = text
        .split_once("What the mark scheme accepts for the points missed")
        .unwrap_or_else(|| panic!("no accepted phrasings: {text}"));
    assert!(accepts.contains("the purges and terror against party members (1 mark)"));
    assert!(
        accepts.contains("Accept: purges; terror; arrested, killed or executed (party) members")
    );
    assert!(accepts.contains("mistakes in leading the war against Germany"));
    assert!(
        !accepts.contains("the cult of personality around Stalin"),
        "a credited point is not repeated: {accepts}"
    );
    assert!(!accepts.contains('|'), "{accepts}");
}

#[test]
fn json_report_is_versioned_and_carries_the_result() {
    let out = mark()
        .args(["--question", "fx-destal-speech-give", "--format", "json"])
        .args(["--answer", "Stalin had a cult of personality."])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["kind"], "answer");
    assert_eq!(json["question"], "fx-destal-speech-give");
    assert_eq!(json["part"], serde_json::Value::Null);
    assert_eq!(json["topic"], "de-stalinisation");
    assert_eq!(json["result"]["key"], "fx-destal-speech-give");
    assert_eq!(json["result"]["max"], 2);
    assert!(json["result"]["awarded"].as_u64().unwrap() <= 2);
    assert!(
        json["result"]["model_answer"]
            .as_str()
            .unwrap()
            .contains("cult of personality")
    );
}

#[test]
fn csv_report_ends_with_the_total() {
    let out = mark()
        .args([
            "--question",
            "fx-destal-mc",
            "--answer",
            "B",
            "--format",
            "csv",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "key,point,label,status,awarded,available,developed,evidence,reason"
    );
    let total = lines.last().unwrap();
    assert!(total.starts_with("fx-destal-mc,total,,,"), "{total}");
    assert!(total.ends_with(",1,,,"), "max is 1: {total}");
}

#[test]
fn a_part_is_named_with_part_or_a_slash() {
    let a = mark()
        .args(["--question", "fx-hungary-structured", "--part", "b"])
        .args([
            "--answer",
            "They feared Hungary would leave the Warsaw Pact.",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let b = mark()
        .args(["--question", "fx-hungary-structured/b"])
        .args([
            "--answer",
            "They feared Hungary would leave the Warsaw Pact.",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(a, b);
    let text = String::from_utf8(a).unwrap();
    assert!(
        text.starts_with("fx-hungary-structured part (b) "),
        "{text}"
    );
    assert!(text.contains(" / 6 marks"));
    assert!(text.contains("Why did the Soviet Union send troops into Hungary"));
}

#[test]
fn a_question_with_parts_needs_one_chosen() {
    mark()
        .args(["--question", "fx-hungary-structured", "--answer", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "has parts a, b: choose one with --part",
        ));
    mark()
        .args([
            "--question",
            "fx-hungary-structured",
            "--part",
            "z",
            "--answer",
            "x",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "has no part `z`; its parts are a, b",
        ));
}

#[test]
fn an_unknown_question_suggests_the_nearest_ids() {
    mark()
        .args(["--question", "fx-destal-speach-give", "--answer", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no question `fx-destal-speach-give` in the bank; did you mean `fx-destal-speech-give`",
        ));
}

#[test]
fn the_answer_can_come_from_a_file_or_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answer.txt");
    std::fs::write(&file, "B\n").unwrap();
    let from_file = mark()
        .args([
            "--question",
            "fx-destal-mc",
            "--format",
            "json",
            "--answer-file",
        ])
        .arg(&file)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let from_stdin = mark()
        .args([
            "--question",
            "fx-destal-mc",
            "--format",
            "json",
            "--answer-file",
            "-",
        ])
        .write_stdin("B\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(from_file, from_stdin);
}

#[test]
fn unreadable_answers_get_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.bin");
    std::fs::write(&junk, [0x41, 0xff, 0xfe, 0x00]).unwrap();
    mark()
        .args(["--question", "fx-destal-mc", "--answer-file"])
        .arg(&junk)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "not UTF-8 text (invalid byte at offset 1)",
        ));
    mark()
        .args(["--question", "fx-destal-mc", "--answer-file"])
        .arg(dir.path().join("missing.txt"))
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("cannot read").and(predicate::str::contains("missing.txt")),
        );
}

#[test]
fn a_broken_bank_is_refused_with_its_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("bank");
    copy_dir(&fixtures().join("bank"), &bank);
    let schemes = bank.join("mark-schemes/history/de-stalinisation.yaml");
    let text = std::fs::read_to_string(&schemes).unwrap();
    std::fs::write(&schemes, text.replace("max: 2\n", "max: [2\n")).unwrap();
    cargo_bin_cmd!("examkit")
        .args([
            "mark",
            "--question",
            "fx-destal-mc",
            "--answer",
            "B",
            "--bank",
        ])
        .arg(&bank)
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("de-stalinisation.yaml:")
                .and(predicate::str::contains("fix them before marking")),
        );
}

#[test]
fn nothing_to_mark_is_a_usage_error() {
    mark()
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing to mark"));
    mark()
        .args(["--question", "fx-destal-mc"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--answer"));
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn json_result(args: &[&str]) -> serde_json::Value {
    let out = mark()
        .args(args)
        .args(["--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice::<serde_json::Value>(&out).unwrap()["result"].clone()
}

#[test]
fn every_model_answer_earns_full_marks_and_an_empty_answer_none() {
    for key in [
        "fx-destal-speech-give",
        "fx-destal-effects-explain",
        "fx-destal-mc",
        "fx-hungary-structured/a",
        "fx-hungary-structured/b",
        "fx-berlin-structured/a",
        "fx-berlin-structured/b",
    ] {
        let empty = json_result(&["--question", key, "--answer", ""]);
        assert_eq!(empty["awarded"], 0, "{key}: an empty answer earns nothing");
        let model = empty["model_answer"].as_str().unwrap().to_string();
        let full = json_result(&["--question", key, "--answer", &model]);
        assert_eq!(full["awarded"], full["max"], "{key}: {full:#}");
    }
}

#[test]
fn credited_points_quote_the_answers_own_words() {
    let answer = "Well, Stalin had a cult of personality.";
    let result = json_result(&["--question", "fx-destal-speech-give", "--answer", answer]);
    assert_eq!(result["awarded"], 1);
    let cult = &result["points"][0];
    assert_eq!(cult["id"], "cult");
    assert_eq!(cult["status"], "credited");
    let evidence = &cult["evidence"][0];
    let (start, end) = (
        evidence["start"].as_u64().unwrap() as usize,
        evidence["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&answer[start..end], "cult of personality");
    assert_eq!(evidence["text"], "cult of personality");
    assert_eq!(result["points"][1]["status"], "missed");
}

#[test]
fn the_text_report_says_why_a_point_was_refused() {
    let out = mark()
        .args(["--question", "fx-destal-speech-give"])
        .args(["--answer", "Khrushchev did not criticise the purges."])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.starts_with("fx-destal-speech-give 0 / 2 marks"),
        "{text}"
    );
    assert!(
        text.contains("negated     the purges and terror against party members"),
        "{text}"
    );
    assert!(text.contains("missed      the cult of personality around Stalin"));
}
