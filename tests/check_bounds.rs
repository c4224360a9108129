//! Counts and sizes a bank supplies, and ids that would break where they are used, as a
//! teacher meets them: `examkit check` names each with its file, line and column, and
//! `generate` and `mark` refuse the bank before building anything from it.

use assert_cmd::Command;
use std::fs;
use std::path::Path;

const ROOT: &str = "tests/fixtures/check";

/// Exit code, stdout and stderr of `examkit ARGS`.
fn examkit(args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("examkit")
        .expect("binary builds")
        .args(args)
        .env("EXAMKIT_CACHE", "off")
        .output()
        .expect("examkit runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The `file:line:col: error: …` lines of a check, relative to the fixture.
fn errors(class: &str) -> Vec<String> {
    let (code, stdout, _) = examkit(&["check", &format!("{ROOT}/{class}")]);
    assert_eq!(code, 1, "{stdout}");
    let prefix = format!("{ROOT}/{class}/");
    stdout
        .lines()
        .filter(|l| l.contains(": error: "))
        .map(|l| l.strip_prefix(&prefix).unwrap_or(l).to_string())
        .collect()
}

#[test]
fn numbers_past_their_bounds_are_located() {
    let found = errors("bounds");
    let q = "question-bank/history/cuba.yaml";
    let s = "mark-schemes/history/cuba.yaml";
    let b = "examples/papers/aqa.yaml";
    let more = "more than examkit allows: at most";
    let expected = [
        format!("{b}:6:15: error: `time_minutes` is 100000, {more} 600 minutes (ten hours)"),
        format!("{b}:13:16: error: `count` is 4294967295, {more} 50 questions in one slot"),
        format!("{b}:15:16: error: `marks` is 4294967295, {more} 100 marks on a question"),
        format!("{b}:16:15: error: `spag` is 4294967295, {more} 20 SPaG marks on a question"),
        format!("{b}:17:38: error: `min` is 4294967295, {more} 10000 marks"),
        format!("{s}:12:58: error: `window` is 100000, {more} 200 words"),
        format!("{s}:19:24: error: `marks` is 4294967295, {more} 100 marks"),
        format!("{s}:21:46: error: `developed` is 4000000000, {more} 200 points"),
        format!("{s}:24:10: error: `max` is 4294967295, {more} 100 marks on a scheme"),
        format!("{s}:29:91: error: `marks` is 4294967295, {more} 100 marks on a point"),
        format!("{s}:37:84: error: `marks` is 4294967295, {more} 100 marks for developing a point"),
        format!(
            "{q}:11:27: error: `lines` is 4294967295, {more} 200 answer lines (about seven pages)"
        ),
        format!("{q}:15:12: error: `marks` is 4294967295, {more} 100 marks on a question"),
        format!("{q}:19:41: error: `marks` is 4294967295, {more} 100 marks on a part"),
        format!("{q}:20:42: error: `marks` is 4294967295, {more} 100 marks on a part"),
    ];
    // Only the bounds: no sums of these numbers (which would overflow) and no places built
    // for `count: 4294967295`.
    assert_eq!(found, expected);
}

#[test]
fn ids_that_break_mark_question_are_located() {
    assert_eq!(
        errors("unsafe-id"),
        [
            "question-bank/history/cuba.yaml:5:9: error: question id `cuba/blockade` contains `/`",
            "question-bank/history/cuba.yaml:11:9: error: question id `cuba structured` contains a space",
            "question-bank/history/cuba.yaml:18:17: error: part label `a/i` contains `/`",
        ]
    );
}

/// A bank with one AQA describe question, its answer space and source as given.
fn one_question_bank(dir: &Path, answer_space: &str, source_text: &str) {
    let questions = dir.join("question-bank/history");
    let schemes = dir.join("mark-schemes/history");
    fs::create_dir_all(&questions).unwrap();
    fs::create_dir_all(&schemes).unwrap();
    fs::write(
        questions.join("cuba.yaml"),
        format!(
            "subject: history\ntopic: cuba\ntitle: Cuba\nquestions:\n  - id: cuba-blockade\n    \
             boards: [aqa]\n    type: describe\n    marks: 4\n    command: Describe\n    \
             text: Describe the blockade of Cuba.\n    {answer_space}\n    sources:\n      \
             - {{label: Source A, provenance: A US Navy report of 1962, text: '{source_text}'}}\n"
        ),
    )
    .unwrap();
    fs::write(
        schemes.join("cuba.yaml"),
        "subject: history\ntopic: cuba\nschemes:\n  - question: cuba-blockade\n    max: 4\n    \
         model_answer: Ships stopped missiles reaching Cuba.\n    rules:\n      points:\n        \
         points:\n          - {id: ships, label: Ships stopped missiles, accept: [ships], marks: 4}\n",
    )
    .unwrap();
}

/// `examkit generate` of a 4-mark AQA paper from the bank in `dir`, into `dir/out/`.
fn generate(dir: &Path) -> (i32, String, String) {
    let out = dir.join("out/");
    examkit(&[
        "generate",
        "--board",
        "aqa",
        "--marks",
        "4",
        "--bank",
        dir.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ])
}

#[test]
fn generate_refuses_huge_answer_space_before_layout() {
    let dir = tempfile::tempdir().unwrap();
    one_question_bank(dir.path(), "answer_space: {lines: 4294967295}", "Ships.");
    let (code, stdout, stderr) = generate(dir.path());
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(
        stderr.contains("question-bank/history/cuba.yaml:11:")
            && stderr.contains("`lines` is 4294967295"),
        "{stderr}"
    );
    assert!(!dir.path().join("out").exists(), "nothing written");
    // The same bank with a sane answer space makes a paper.
    let dir = tempfile::tempdir().unwrap();
    one_question_bank(dir.path(), "answer_space: {lines: 12}", "Ships.");
    let (code, _, stderr) = generate(dir.path());
    assert_eq!(code, 0, "{stderr}");
    assert!(fs::read_dir(dir.path().join("out")).unwrap().count() >= 3);
}

#[test]
fn an_overlong_source_is_refused_with_its_location() {
    let dir = tempfile::tempdir().unwrap();
    let text = "The ships turned back. ".repeat(1000);
    one_question_bank(dir.path(), "answer_space: {lines: 8}", &text);
    let (code, stdout, _) = examkit(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains(
            "question-bank/history/cuba.yaml:13:71: error: a source's text is 23000 characters long; examkit allows at most 20000"
        ),
        "{stdout}"
    );
}
