//! What `examkit generate` makes of a broken bank. It reads every question, but only the
//! mark schemes of the questions it prints: a broken scheme of a printed question stops it
//! with exactly the report `examkit check` gives; a broken scheme it does not print is not
//! read, so it does not stop a paper (`examkit check` still reports it).

mod common;

use assert_cmd::Command;
use common::{bank_copy, printed, root};
use std::path::{Path, PathBuf};

fn examkit(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("examkit").unwrap();
    cmd.current_dir(dir);
    cmd
}

/// Generate the AQA blueprint paper with seed 7 into `dir/out/<name>.pdf`.
fn generate(dir: &Path, name: &str) -> assert_cmd::assert::Assert {
    examkit(dir)
        .arg("generate")
        .arg("--blueprint")
        .arg(root().join("examples/papers/aqa-cold-war.yaml"))
        .args(["--seed", "7", "--out"])
        .arg(format!("out/{name}.pdf"))
        .assert()
}

fn read(dir: &Path, file: &str) -> Vec<u8> {
    std::fs::read(dir.join("out").join(file)).unwrap()
}

/// The scheme file holding a scheme for `question`, and the 1-based line of that scheme's
/// `max:` key.
fn scheme_of(dir: &Path, question: &str) -> (PathBuf, usize) {
    let folder = dir.join("mark-schemes/history");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        if let Some(start) = lines
            .iter()
            .position(|l| *l == format!("  - question: {question}"))
        {
            let max = (start..lines.len())
                .find(|&n| lines[n].starts_with("    max:"))
                .unwrap();
            return (file, max + 1);
        }
    }
    panic!("no scheme for {question}");
}

/// Misspell the `max:` key on line `line` of `file`.
fn break_max(file: &Path, line: usize) {
    let text = std::fs::read_to_string(file).unwrap();
    let broken: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(n, l)| {
            if n + 1 == line {
                l.replacen("max:", "maxx:", 1)
            } else {
                l.to_string()
            }
        })
        .collect();
    std::fs::write(file, broken.join("\n") + "\n").unwrap();
}

#[test]
fn a_broken_scheme_of_a_printed_question_is_reported_where_it_is() {
    let bank = bank_copy();
    let dir = bank.path();
    generate(dir, "clean").success();
    let question = printed(dir, "clean").remove(0);
    let (file, line) = scheme_of(dir, &question);
    break_max(&file, line);

    let output = generate(dir, "broken").failure().get_output().clone();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let name = file.file_name().unwrap().to_string_lossy();
    let at = format!("mark-schemes/history/{name}:{line}:5: error: unknown key `maxx`");
    assert!(stderr.contains(&at), "expected {at:?} in:\n{stderr}");
    assert!(
        !dir.join("out/broken.pdf").exists(),
        "nothing is written from a broken bank"
    );

    // Every error generate reports is reported by `examkit check`, in the same words.
    let check = examkit(dir).arg("check").assert().failure();
    let report = String::from_utf8_lossy(&check.get_output().stdout).into_owned()
        + &String::from_utf8_lossy(&check.get_output().stderr);
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("mark-schemes/") || l.starts_with("question-bank/"))
        .collect();
    assert!(!errors.is_empty(), "{stderr}");
    for error in errors {
        assert!(report.contains(error), "`check` lacks {error:?}:\n{report}");
    }
}

#[test]
fn a_broken_scheme_no_paper_prints_does_not_stop_generate() {
    let bank = bank_copy();
    let dir = bank.path();
    generate(dir, "clean").success();
    let chosen = printed(dir, "clean");
    // A scheme in the same file as a printed question's, for a question not printed.
    let (file, _) = scheme_of(dir, &chosen[0]);
    let text = std::fs::read_to_string(&file).unwrap();
    let other = text
        .lines()
        .filter_map(|l| l.strip_prefix("  - question: "))
        .find(|id| !chosen.iter().any(|c| c == id))
        .expect("an unprinted question in the same file")
        .to_string();
    let (file, line) = scheme_of(dir, &other);
    break_max(&file, line);

    generate(dir, "after").success();
    assert_eq!(printed(dir, "after"), chosen);
    assert_eq!(read(dir, "after.pdf"), read(dir, "clean.pdf"));
    assert_eq!(
        read(dir, "after-mark-scheme.pdf"),
        read(dir, "clean-mark-scheme.pdf")
    );

    let check = examkit(dir).arg("check").assert().failure();
    let report = String::from_utf8_lossy(&check.get_output().stdout).into_owned()
        + &String::from_utf8_lossy(&check.get_output().stderr);
    let name = file.file_name().unwrap().to_string_lossy();
    let at = format!("mark-schemes/history/{name}:{line}:5: error: unknown key `maxx`");
    assert!(report.contains(&at), "expected {at:?} in:\n{report}");
}

#[test]
fn a_printed_question_without_a_scheme_is_refused() {
    let bank = bank_copy();
    let dir = bank.path();
    generate(dir, "clean").success();
    let question = printed(dir, "clean").remove(0);
    let (file, _) = scheme_of(dir, &question);
    let text = std::fs::read_to_string(&file).unwrap().replace(
        &format!("  - question: {question}\n"),
        "  - question: renamed-away\n",
    );
    std::fs::write(&file, text).unwrap();

    let output = generate(dir, "broken").failure().get_output().clone();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        stderr.contains(&format!("question `{question}` has no mark scheme")),
        "{stderr}"
    );
    assert!(
        stderr.contains("mark scheme for `renamed-away`, but there is no question"),
        "{stderr}"
    );
}

/// Scheme files the line scan cannot split (here: each opens with a `---` document
/// marker) are read whole, and make the same paper.
#[test]
fn scheme_files_the_scan_cannot_split_make_the_same_paper() {
    let bank = bank_copy();
    let dir = bank.path();
    generate(dir, "clean").success();
    for entry in std::fs::read_dir(dir.join("mark-schemes/history")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, format!("---\n{text}")).unwrap();
    }
    generate(dir, "whole").success();
    assert_eq!(printed(dir, "whole"), printed(dir, "clean"));
    assert_eq!(read(dir, "whole.pdf"), read(dir, "clean.pdf"));
    assert_eq!(
        read(dir, "whole-mark-scheme.pdf"),
        read(dir, "clean-mark-scheme.pdf")
    );
}
