//! docs/mark-json.md documents every field `examkit mark --format json` prints, and the
//! text output is coloured only when asked to be.

use assert_cmd::cargo_bin_cmd;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn mark(args: &[&str]) -> Vec<u8> {
    let fixtures = root().join("tests/fixtures/mark");
    cargo_bin_cmd!("examkit")
        .current_dir(&fixtures)
        .args(["mark", "--bank", "bank"])
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone()
}

fn keys(value: &Value, into: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                into.insert(k.clone());
                keys(v, into);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| keys(v, into)),
        _ => {}
    }
}

#[test]
fn every_json_field_is_documented() {
    let doc = std::fs::read_to_string(root().join("docs/mark-json.md")).unwrap();
    let mut seen = BTreeSet::new();
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("marks.csv").display().to_string();
    let answer =
        "Stalin did not purge anyone. He had a cult of personality. The speech was in 1953.";
    for out in [
        mark(&[
            "--question",
            "fx-destal-speech-give",
            "--answer",
            answer,
            "--format",
            "json",
        ]),
        mark(&[
            "--question",
            "fx-destal-effects-explain",
            "--answer",
            answer,
            "--format",
            "json",
        ]),
        mark(&[
            "--paper",
            "aqa.manifest.json",
            "--answers",
            "answers.yaml",
            "--format",
            "json",
        ]),
        mark(&[
            "--paper",
            "aqa.manifest.json",
            "--batch",
            "class-wide.csv",
            "--out",
            &sheet,
            "--format",
            "json",
        ]),
    ] {
        let json: Value = serde_json::from_slice(&out).unwrap();
        keys(&json, &mut seen);
    }
    for expected in [
        "penalties",
        "level",
        "evidence",
        "missed_points",
        "grades",
        "unanswered",
    ] {
        assert!(
            seen.contains(expected),
            "the outputs exercise `{expected}`: {seen:?}"
        );
    }
    let missing: Vec<&String> = seen
        .iter()
        .filter(|k| !doc.contains(&format!("| `{k}` |")))
        .collect();
    assert!(
        missing.is_empty(),
        "fields not in docs/mark-json.md: {missing:?}"
    );
}

#[test]
fn text_is_coloured_only_when_forced_or_on_a_terminal() {
    let args = ["--question", "fx-destal-mc", "--answer", "B"];
    let fixtures = root().join("tests/fixtures/mark");
    let run = |envs: &[(&str, &str)]| {
        let mut cmd = cargo_bin_cmd!("examkit");
        cmd.current_dir(&fixtures)
            .args(["mark", "--bank", "bank"])
            .args(args)
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE");
        for (k, v) in envs {
            cmd.env(k, v);
        }
        String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
    };
    assert!(!run(&[]).contains('\u{1b}'), "plain when piped");
    let forced = run(&[("CLICOLOR_FORCE", "1")]);
    assert!(
        forced.contains("\u{1b}["),
        "coloured when forced: {forced:?}"
    );
    let plain = run(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]);
    assert_eq!(
        plain.replace('\u{1b}', ""),
        plain,
        "NO_COLOR wins over CLICOLOR_FORCE"
    );
}
