//! Papers as a teacher meets them from the command line: spread over topics, blueprints
//! the bank cannot fill refused at once, narrative prompts on their own lines, the bundled
//! bank found from any folder, `examkit list`, and messages that say what to do.

mod common;

use assert_cmd::Command;
use common::{bank_copy, root, squash};
use std::collections::BTreeMap;
use std::path::Path;

fn examkit(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("examkit").unwrap();
    cmd.current_dir(dir).env("EXAMKIT_CACHE", "off");
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn stderr_of_failure(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    String::from_utf8(out.stderr).unwrap()
}

/// Every question's id with its topic and type, from `examkit list --format json`.
fn questions(dir: &Path) -> BTreeMap<String, (String, String)> {
    let json = stdout(examkit(dir).args(["list", "questions", "--format", "json"]));
    let rows: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    rows.into_iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                (
                    r["topic"].as_str().unwrap().to_string(),
                    r["type"].as_str().unwrap().to_string(),
                ),
            )
        })
        .collect()
}

/// The question ids a manifest lists, without part labels.
fn manifest_ids(path: &Path) -> Vec<String> {
    let manifest: examkit::model::Manifest =
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let mut ids: Vec<String> = manifest
        .items
        .into_iter()
        .map(|i| i.question.split('/').next().unwrap().to_string())
        .collect();
    ids.dedup();
    ids
}

fn pdf_text(path: &Path) -> String {
    common::text(&std::fs::read(path).unwrap())
}

/// The topics of each paper `examkit generate --blueprint <blueprint> --variants <n>` writes
/// (each variant is the next seed's paper that differs from the others).
fn variant_topics(blueprint: &Path, variants: u32) -> Vec<Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    let bank = questions(&root());
    stdout(
        examkit(&root())
            .args(["generate", "--blueprint"])
            .arg(blueprint)
            .args(["--seed", "7", "--variants", &variants.to_string(), "--out"])
            .arg(dir.path().join("p.pdf")),
    );
    (1..=variants)
        .map(|v| {
            let manifest = dir.path().join(format!("p-v{v}.manifest.json"));
            manifest_ids(&manifest)
                .iter()
                .map(|id| bank[id].0.clone())
                .collect()
        })
        .collect()
}

fn repeats(topics: &[String]) -> bool {
    let mut sorted = topics.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    sorted.len() < topics.len()
}

#[test]
fn papers_spread_over_topics_on_every_seed() {
    // Seed 7 was reported: AQA set the U2 incident and Hungary twice each, Edexcel asked
    // for Sputnik's consequences and then offered Sputnik as a narrative prompt. (Many
    // more seeds are tried in `paper::select`'s tests, without printing the papers.)
    for board in ["aqa", "edexcel", "cie"] {
        let blueprint = root().join(format!("examples/papers/{board}-cold-war.yaml"));
        for (v, topics) in variant_topics(&blueprint, 3).iter().enumerate() {
            assert!(!repeats(topics), "{board} variant {}: {topics:?}", v + 1);
        }
    }
}

#[test]
fn a_blueprint_can_allow_topics_to_repeat() {
    let dir = tempfile::tempdir().unwrap();
    let blueprint = |spread: &str| {
        format!(
            "board: aqa\nsubject: history\nqualification: GCSE History\ntitle: Recall\n\
             code: R/1\ntime_minutes: 20\n{spread}sections:\n  - title: A\n    slots:\n\
             \x20     - {{type: recall, count: 4}}\n"
        )
    };
    let mut with_repeats = BTreeMap::new();
    for (name, spread) in [("spread", ""), ("repeat", "spread: none\n")] {
        let path = dir.path().join(format!("{name}.yaml"));
        std::fs::write(&path, blueprint(spread)).unwrap();
        let papers = variant_topics(&path, 30);
        with_repeats.insert(name, papers.iter().filter(|t| repeats(t)).count());
    }
    assert_eq!(with_repeats["spread"], 0);
    assert!(with_repeats["repeat"] > 0, "{with_repeats:?}");
}

#[test]
fn an_unfillable_multi_section_blueprint_is_refused_at_once_naming_the_slot() {
    let dir = tempfile::tempdir().unwrap();
    // One section more than there are AQA utility questions, each also wanting the other
    // three AQA question kinds: a search over combinations would run for hours.
    let utility = stdout(examkit(&root()).args(["list", "--board", "aqa", "--format", "json"]))
        .matches("\"command\": \"How useful\"")
        .count();
    assert!(utility >= 6, "{utility}");
    let mut yaml = String::from(
        "board: aqa\nsubject: history\nqualification: GCSE History\ntitle: Too many\n\
         code: X/1\ntime_minutes: 60\nspread: none\nsections:\n",
    );
    for s in 1..=utility + 1 {
        yaml.push_str(&format!(
            "  - title: Section {s}\n    slots:\n\
             \x20     - {{type: source, marks: 4, tags: [provenance]}}\n\
             \x20     - {{type: source, marks: 12, tags: [utility]}}\n\
             \x20     - {{type: account, marks: 8}}\n"
        ));
    }
    let path = dir.path().join("too-many.yaml");
    std::fs::write(&path, yaml).unwrap();
    let err = stderr_of_failure(
        examkit(&root())
            .args(["generate", "--blueprint"])
            .arg(&path)
            .arg("--out")
            .arg(dir.path().join("x.pdf")),
    );
    assert!(
        err.contains(&format!(
            "Section {}, slot 2 (type source, 12 marks, tags [utility]): only {utility} matching question(s)",
            utility + 1
        )),
        "{err}"
    );
    assert!(!dir.path().join("x.pdf").exists());
}

#[test]
fn narrative_prompts_print_on_their_own_lines() {
    let dir = tempfile::tempdir().unwrap();
    // berlin-wall, cuba, detente and prague-spring write their narrative question as
    // folded YAML; the others as literal.
    for topic in ["berlin-wall", "cuba", "detente", "prague-spring", "korea"] {
        let path = dir.path().join(format!("{topic}.yaml"));
        std::fs::write(
            &path,
            format!(
                "board: edexcel\nsubject: history\nqualification: GCSE History\n\
                 title: Narrative\ncode: N/1\ntime_minutes: 10\nsections:\n  - title: A\n\
                 \x20   slots:\n      - {{type: account, tags: [narrative], topics: [{topic}]}}\n"
            ),
        )
        .unwrap();
        let out = dir.path().join(format!("{topic}.pdf"));
        stdout(
            examkit(&root())
                .args(["generate", "--blueprint"])
                .arg(&path)
                .arg("--out")
                .arg(&out),
        );
        let text = pdf_text(&out);
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        assert!(
            lines.contains(&"You may use the following in your answer:"),
            "{topic}:\n{text}"
        );
        assert!(
            lines.contains(&"You must also use information of your own."),
            "{topic}:\n{text}"
        );
        // Between the two: the two prompts, each a line of its own.
        let from = lines
            .iter()
            .position(|l| l.starts_with("You may use"))
            .unwrap();
        let to = from
            + lines[from..]
                .iter()
                .position(|l| l.starts_with("You must also"))
                .unwrap();
        let prompts: Vec<&&str> = lines[from + 1..to]
            .iter()
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(prompts.len(), 2, "{topic}:\n{text}");
        assert!(
            prompts.iter().all(|l| l.starts_with('•')),
            "{topic}:\n{text}"
        );
    }
}

#[test]
fn check_warns_of_text_that_would_print_wrongly() {
    let bank = bank_copy();
    let file = bank.path().join("question-bank/history/korea.yaml");
    let yaml = std::fs::read_to_string(&file).unwrap();
    let yaml = yaml.replacen(
        "Write a narrative account analysing the key events of the Korean War in the years 1950–53.",
        "Write a narrative account analysing\n      the key events of the Korean War in the years 1950–53.",
        1,
    );
    let yaml = yaml.replacen(
        "You may use the following in your answer:\n",
        "You may use the following in your answer: • the start of the war\n",
        1,
    );
    std::fs::write(&file, yaml).unwrap();
    let out = examkit(bank.path())
        .args(["check", "question-bank", "mark-schemes"])
        .output()
        .unwrap();
    let report = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
    assert!(
        report.contains("a line break inside a sentence (`…a narrative account analysing` / `the key events of the Korean…`) will print as a new line"),
        "{report}"
    );
    assert!(
        report.contains("bullets run together on one line"),
        "{report}"
    );
    assert!(
        report.contains("question-bank/history/korea.yaml:"),
        "{report}"
    );
}

#[test]
fn the_bundled_bank_works_from_any_folder() {
    let elsewhere = tempfile::tempdir().unwrap();
    let wrote = stdout(examkit(elsewhere.path()).args(["generate", "--seed", "7"]));
    assert!(wrote.contains("out/aqa-8145-1b-s7-v1.pdf"), "{wrote}");
    let paper = elsewhere.path().join("out/aqa-8145-1b-s7-v1.pdf");
    assert!(squash(&pdf_text(&paper)).contains("Section B"));
    // The same paper, and the same bank version, as from the repository itself.
    let here = tempfile::tempdir().unwrap();
    stdout(
        examkit(&root())
            .args(["generate", "--seed", "7", "--out"])
            .arg(here.path().join("aqa-8145-1b-s7-v1.pdf")),
    );
    assert_eq!(
        std::fs::read(&paper).unwrap(),
        std::fs::read(here.path().join("aqa-8145-1b-s7-v1.pdf")).unwrap()
    );
    // Marking and listing find it too.
    let marked = stdout(examkit(elsewhere.path()).args([
        "mark",
        "--question",
        "cuba-consequences",
        "--answer",
        "A hotline was set up in 1963 so the leaders could talk directly.",
    ]));
    assert!(marked.contains("cuba-consequences"), "{marked}");
    // A paper printed from the bundled bank is marked against it with no version warning:
    // both are the repository's files, hashed alike.
    let answers = elsewhere.path().join("answers.yaml");
    std::fs::write(&answers, "\"01\": The cartoon mocks the Americans.\n").unwrap();
    let out = examkit(elsewhere.path())
        .args([
            "mark",
            "--paper",
            "out/aqa-8145-1b-s7-v1.manifest.json",
            "--answers",
        ])
        .arg(&answers)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let warnings = String::from_utf8(out.stderr).unwrap();
    assert!(!warnings.contains("bank version"), "{warnings}");
    assert!(String::from_utf8(out.stdout).unwrap().contains("01"));
    let topics = stdout(examkit(elsewhere.path()).args(["list", "topics"]));
    assert!(topics.contains("hungary-1956"), "{topics}");
    // `--bank` still overrides it.
    let err =
        stderr_of_failure(examkit(elsewhere.path()).args(["generate", "--bank", "no-such-folder"]));
    assert!(err.contains("no-such-folder"), "{err}");
}

#[test]
fn generate_takes_several_bank_folders_after_one_flag_as_mark_does() {
    let dir = tempfile::tempdir().unwrap();
    let wrote = stdout(
        examkit(dir.path())
            .args(["generate", "--blueprint", "cie-cold-war", "--bank"])
            .arg(root().join("question-bank"))
            .arg(root().join("mark-schemes")),
    );
    assert!(wrote.contains("questions"), "{wrote}");
}

#[test]
fn a_broken_blueprint_says_error_once_a_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.yaml");
    std::fs::write(
        &path,
        "board: aqa\nsubject: history\nqualification: x\ntitle: t\ncode: c\ntime_minutes: 6\nsectons: []\n",
    )
    .unwrap();
    let err = stderr_of_failure(examkit(dir.path()).args(["generate", "--blueprint", "bad.yaml"]));
    assert!(
        err.starts_with(
            "error: the blueprint has a problem:\nbad.yaml:7:1: error: unknown key `sectons`"
        ),
        "{err}"
    );
    assert!(
        err.lines().all(|l| l.matches("error:").count() <= 1),
        "{err}"
    );
    assert!(err.contains("did you mean `sections`?"), "{err}");
}

#[test]
fn list_shows_ids_types_and_marks() {
    let text = stdout(examkit(&root()).args(["list", "--topic", "cuba"]));
    let header = text.lines().next().unwrap();
    assert!(header.starts_with("id") && header.contains("type") && header.contains("marks"));
    assert!(
        text.lines().any(|l| l.starts_with("cuba-consequences")
            && l.contains("explain")
            && l.contains(" 8 ")),
        "{text}"
    );
    assert!(text.lines().skip(1).all(|l| l.ends_with("cuba")), "{text}");
    let boards = stdout(examkit(&root()).args(["list", "boards", "--format", "json"]));
    let boards: serde_json::Value = serde_json::from_str(&boards).unwrap();
    assert_eq!(boards.as_array().unwrap().len(), 3);
    assert!(boards[1]["questions"].as_u64().unwrap() > 10);
    let blueprints = stdout(examkit(&root()).args(["list", "blueprints"]));
    assert!(blueprints.contains("edexcel-cold-war"), "{blueprints}");
}

#[test]
fn a_wrong_topic_says_so_with_the_nearest_everywhere() {
    for args in [
        vec!["generate", "--board", "edexcel", "--topic", "berlin-wal"],
        vec!["list", "--topic", "berlin-wal"],
        vec!["practice", "--topic", "berlin-wal", "--count", "1"],
    ] {
        let err = stderr_of_failure(examkit(&root()).args(&args).write_stdin(""));
        assert!(
            err.contains("no history question has topic `berlin-wal`; did you mean `berlin-wall`?"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("marks"), "{args:?}: {err}");
    }
}

#[test]
fn edexcel_quick_papers_set_no_multiple_choice() {
    let dir = tempfile::tempdir().unwrap();
    let bank = questions(&root());
    let mut seen = 0;
    for seed in 1..=12 {
        let out = dir.path().join(format!("q{seed}.pdf"));
        stdout(
            examkit(&root())
                .args(["generate", "--board", "edexcel", "--marks", "21"])
                .args(["--seed", &seed.to_string(), "--out"])
                .arg(&out),
        );
        for id in manifest_ids(&out.with_extension("manifest.json")) {
            seen += 1;
            assert_ne!(bank[&id].1, "multiple-choice", "seed {seed}: {id}");
        }
    }
    assert!(seen > 12);
}
