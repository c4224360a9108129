//! `examkit import notes` as a teacher meets it: notes in three layouts imported through
//! the binary, the YAML it writes read back, `examkit check` run on it, and answers marked
//! against it with `examkit mark`. The revision-site page in `../shared/seed/` (not
//! copied into this repository) is imported when it is there.

use assert_cmd::Command;
use examkit::bank;
use examkit::marking::Markers;
use examkit::model::{QuestionFile, Rules, SchemeFile};
use std::path::{Path, PathBuf};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn examkit(dir: &Path, args: &[&str]) -> Run {
    let out = Command::cargo_bin("examkit")
        .expect("binary builds")
        .current_dir(dir)
        .env("EXAMKIT_CACHE", "off")
        .args(args)
        .output()
        .expect("examkit runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn repo(path: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(path)
        .display()
        .to_string()
}

/// Import `notes` as `topic` into `out/` under `dir`, asserting success.
fn import(dir: &Path, notes: &str, topic: &str) -> Run {
    let run = examkit(
        dir,
        &[
            "import",
            "notes",
            notes,
            "--subject",
            "history",
            "--topic",
            topic,
            "--out",
            "out",
        ],
    );
    assert_eq!(
        run.code, 0,
        "stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    run
}

fn read<T: serde::de::DeserializeOwned>(path: PathBuf) -> T {
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn files(dir: &Path, topic: &str) -> (QuestionFile, SchemeFile) {
    (
        read(dir.join(format!("out/question-bank/history/{topic}.yaml"))),
        read(dir.join(format!("out/mark-schemes/history/{topic}.yaml"))),
    )
}

/// `examkit mark --format json` of one answer: (awarded, max, each point's status).
fn mark(dir: &Path, question: &str, answer: &str) -> (u64, u64, Vec<String>) {
    let run = examkit(
        dir,
        &[
            "mark",
            "--bank",
            "out/question-bank",
            "out/mark-schemes",
            "--question",
            question,
            "--answer",
            answer,
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("mark prints JSON");
    let result = &json["result"];
    let statuses = result["points"]
        .as_array()
        .expect("points")
        .iter()
        .map(|p| {
            format!(
                "{}: {}",
                p["status"].as_str().unwrap_or(""),
                p["reason"].as_str().unwrap_or("")
            )
        })
        .collect();
    (
        result["awarded"].as_u64().expect("awarded"),
        result["max"].as_u64().expect("max"),
        statuses,
    )
}

/// `examkit check out`: passes, with one note per draft question and scheme.
fn check_passes(dir: &Path, drafts: usize) {
    let run = examkit(dir, &["check", "out"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let summary = run.stdout.lines().last().unwrap_or_default();
    assert!(
        summary.ends_with(&format!("no problems, {drafts} notes")),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stdout.matches(": note: ").count(),
        drafts,
        "{}",
        run.stdout
    );
}

/// Every scheme's own model answer earns full marks, marked as `examkit mark` marks.
fn own_answers_earn_full_marks(dir: &Path) {
    let (bank, problems) =
        bank::load(&[dir.join("out/question-bank"), dir.join("out/mark-schemes")]);
    assert!(!problems.iter().any(|p| p.is_error()), "{problems:?}");
    let markers = Markers::from_bank(&bank).expect("schemes compile");
    for (key, marker) in markers.iter() {
        let r = marker.mark(&marker.scheme().model_answer);
        assert_eq!(r.awarded, r.max, "{key}: {:?}", r.points);
    }
}

#[test]
fn markdown_notes_become_a_bank_that_checks_generates_and_marks() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let run = import(dir, &repo("examples/notes/berlin-wall.md"), "berlin-wall");
    assert!(run.stdout.contains("4 questions"), "{}", run.stdout);
    let (questions, schemes) = files(dir, "berlin-wall");
    assert_eq!(questions.title, "The Berlin Wall, 1961");
    let ids: Vec<&str> = questions.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "berlin-wall-why-east-german-government",
            "berlin-wall-when-built",
            "berlin-wall-what-people",
            "berlin-wall-how-president-kennedy-respond"
        ]
    );
    assert!(questions.questions.iter().all(|q| q.draft));
    assert!(schemes.schemes.iter().all(|s| s.draft));
    // "two main reasons" over three bullets: any 2 of the 3, 2 marks.
    let why = &questions.questions[0];
    assert_eq!(
        (why.kind.key(), why.marks, why.command.as_str()),
        ("explain", 2, "Why")
    );
    let Rules::Points(rules) = &schemes.schemes[0].rules else {
        panic!("points")
    };
    assert_eq!((rules.choose, rules.points.len()), (Some(2), 3));
    // Phrasings are pairs of the point's words, never the whole sentence.
    for point in &rules.points {
        for accept in &point.accept {
            let examkit::model::Pattern::Phrase(p) = accept else {
                panic!("{accept:?}")
            };
            assert!(p.split(' ').count() <= 3, "{p}");
        }
    }
    // Three sentences that carry facts: 3 marks.
    assert_eq!(questions.questions[2].marks, 3);
    assert!(
        schemes.schemes[2]
            .model_answer
            .starts_with("Families were split apart overnight.")
    );
    check_passes(dir, 8);
    own_answers_earn_full_marks(dir);

    let (awarded, max, reasons) = mark(
        dir,
        "berlin-wall-why-east-german-government",
        "About 3 million people had escaped to the West. The flow of refugees embarrassed the communist government.",
    );
    assert_eq!((awarded, max), (2, 2), "{reasons:?}");
    let (awarded, _, reasons) = mark(
        dir,
        "berlin-wall-why-east-german-government",
        "Skilled workers like engineers were leaving.",
    );
    assert_eq!(awarded, 1, "{reasons:?}");
    assert!(
        reasons.iter().any(|r| r.starts_with("missed: ")),
        "{reasons:?}"
    );
    let (awarded, _, _) = mark(
        dir,
        "berlin-wall-when-built",
        "It was built because of refugees.",
    );
    assert_eq!(awarded, 0);

    let paper = examkit(
        dir,
        &[
            "generate",
            "--bank",
            "out/question-bank",
            "out/mark-schemes",
            "--board",
            "aqa",
            "--topic",
            "berlin-wall",
            "--marks",
            "8",
            "--out",
            "paper.pdf",
        ],
    );
    assert_eq!(paper.code, 0, "{}{}", paper.stdout, paper.stderr);
    assert!(dir.join("paper.pdf").exists() && dir.join("paper-mark-scheme.pdf").exists());
}

#[test]
fn question_and_answer_notes_with_numbered_points() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let run = import(dir, &repo("tests/fixtures/notes/korea-qa.txt"), "korea");
    let (questions, schemes) = files(dir, "korea");
    assert_eq!(questions.title, "Korea revision questions");
    assert_eq!(questions.questions.len(), 3);
    // A question running onto a second line before its `A:`.
    assert_eq!(
        questions.questions[1].text,
        "Give three ways in which the United Nations responded to the invasion."
    );
    assert_eq!(questions.questions[1].marks, 3);
    assert_eq!(schemes.schemes[1].rules.points().len(), 3);
    // Two sentences of facts, no bullets: 2 marks.
    assert_eq!(
        (
            questions.questions[2].kind.key(),
            questions.questions[2].marks
        ),
        ("explain", 2)
    );
    assert!(
        run.stdout
            .contains("korea-qa.txt:16: Share this page on Twitter"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("korea-qa.txt:17: Download our revision app"),
        "{}",
        run.stdout
    );
    check_passes(dir, 6);
    own_answers_earn_full_marks(dir);
    let id = &questions.questions[2].id;
    let (awarded, max, reasons) = mark(
        dir,
        id,
        "Mao feared the UN troops would cross the Yalu River.",
    );
    assert_eq!((awarded, max), (1, 2), "{reasons:?}");
}

#[test]
fn plain_notes_beside_another_topic_and_never_over_a_teachers_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    import(dir, &repo("examples/notes/berlin-wall.md"), "berlin-wall");
    import(dir, &repo("tests/fixtures/notes/cuba-plain.txt"), "cuba");
    let (questions, schemes) = files(dir, "cuba");
    assert_eq!(questions.questions[0].marks, 2);
    let Rules::Points(rules) = &schemes.schemes[0].rules else {
        panic!("points")
    };
    assert_eq!(rules.choose, Some(2));
    check_passes(dir, 12);

    let path = dir.join("out/question-bank/history/cuba.yaml");
    std::fs::write(&path, "# the teacher's own edits\n").unwrap();
    let cuba = repo("tests/fixtures/notes/cuba-plain.txt");
    let args = [
        "import",
        "notes",
        &cuba,
        "--subject",
        "history",
        "--topic",
        "cuba",
        "--out",
        "out",
    ];
    let again = examkit(dir, &args);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("already exist"), "{}", again.stderr);
    assert!(again.stderr.contains("--force"), "{}", again.stderr);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "# the teacher's own edits\n"
    );
    let forced = examkit(dir, &[&args[..], &["--force"]].concat());
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("cuba-how-crisis-end")
    );
}

#[test]
fn bad_notes_are_refused_at_their_line_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let cases: [(&str, &[u8], &str); 4] = [
        (
            "binary.txt",
            b"PK\x03\x04\x14\0\0\0",
            "binary.txt:1:6: not a text file",
        ),
        (
            "none.txt",
            b"Some text about Cuba.\nMore text.\n",
            "none.txt:1:1: no questions found",
        ),
        (
            "unanswered.md",
            b"## Who led the USSR?\n\nKhrushchev.\n\n## When did he fall?\n",
            "unanswered.md:5:4: the question \"When did he fall?\" has no answer",
        ),
        ("empty.txt", b"\n\n", "empty.txt:1:1: the file is empty"),
    ];
    for (name, bytes, expected) in cases {
        std::fs::write(dir.join(name), bytes).unwrap();
        let run = examkit(
            dir,
            &[
                "import",
                "notes",
                name,
                "--subject",
                "history",
                "--topic",
                "t",
                "--out",
                "out",
            ],
        );
        assert_eq!(run.code, 2, "{name}: {}", run.stdout);
        assert!(run.stderr.contains(expected), "{name}: {}", run.stderr);
        assert!(
            run.stderr.contains("nothing was written"),
            "{name}: {}",
            run.stderr
        );
        assert!(!dir.join("out").exists(), "{name}: something was written");
    }
    let run = examkit(
        dir,
        &[
            "import",
            "notes",
            "none.txt",
            "--subject",
            "History",
            "--topic",
            "t",
            "--out",
            "out",
        ],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("--subject `History` is not a key"),
        "{}",
        run.stderr
    );
}

/// The revision-site page the issue gives: `../shared/seed/` beside the repository (or
/// `$EXAMKIT_SEED_DIR`). Skipped, saying so, when it is not there.
#[test]
fn the_revision_site_page_is_imported_whole_and_its_menu_skipped() {
    let seed = std::env::var_os("EXAMKIT_SEED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seed"))
        .join("de-stalinisation-revision-notes.txt");
    if !seed.exists() {
        eprintln!("skipped: {} is not there", seed.display());
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let run = import(dir, &seed.display().to_string(), "de-stalinisation");
    let (questions, schemes) = files(dir, "de-stalinisation");
    // Every question on the page.
    let page = std::fs::read_to_string(&seed).unwrap();
    let asked: Vec<&str> = page
        .lines()
        .filter(|l| l.trim_end().ends_with('?'))
        .collect();
    let imported: Vec<&str> = questions
        .questions
        .iter()
        .map(|q| q.text.as_str())
        .collect();
    assert_eq!(imported, asked);
    // The menu is skipped and listed, and none of it reaches the files.
    for line in [
        "Scroll to the answer",
        "Sign Up It's free",
        "Android and iOS App",
        "AQA",
        "Study Guides",
    ] {
        assert!(
            run.stdout
                .lines()
                .any(|l| l.contains(&format!(": {line} ("))),
            "{line} not listed:\n{}",
            run.stdout
        );
    }
    let yaml = std::fs::read_to_string(dir.join("out/mark-schemes/history/de-stalinisation.yaml"))
        .unwrap();
    assert!(
        !yaml.contains("Lili") && !yaml.contains("Sign Up"),
        "{yaml}"
    );
    check_passes(dir, 2 * asked.len());
    own_answers_earn_full_marks(dir);
    // The six actions: 6 marks, and an answer with two of them earns 2.
    let actions = questions
        .questions
        .iter()
        .find(|q| q.text.starts_with("What actions"))
        .expect("the actions question");
    assert_eq!(actions.marks, 6);
    let scheme = schemes
        .schemes
        .iter()
        .find(|s| s.question == actions.id)
        .unwrap();
    assert_eq!(scheme.rules.points().len(), 6);
    let (awarded, max, reasons) = mark(
        dir,
        &actions.id,
        "Khrushchev closed Cominform. He also released thousands of political prisoners.",
    );
    assert_eq!((awarded, max), (2, 6), "{reasons:?}");
    assert_eq!(
        reasons.iter().filter(|r| r.starts_with("credited")).count(),
        2,
        "{reasons:?}"
    );
}
