//! `examkit check` as a teacher meets it: one fixture folder per class of problem under
//! tests/fixtures/check/, each asserting the exit code and every reported
//! `file:line:column: severity: message`.

use assert_cmd::Command;
use examkit::bank;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    /// The problem lines (not help lines, not the summary).
    fn problems(&self) -> Vec<&str> {
        self.stdout
            .lines()
            .filter(|l| l.contains(": error: ") || l.contains(": warning: "))
            .collect()
    }

    fn summary(&self) -> &str {
        self.stdout.lines().last().unwrap_or_default()
    }
}

fn examkit(args: &[&str]) -> Run {
    let out = Command::cargo_bin("examkit")
        .expect("binary builds")
        .args(args)
        .output()
        .expect("examkit runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

const ROOT: &str = "tests/fixtures/check";

fn check_fixture(class: &str) -> Run {
    examkit(&["check", &format!("{ROOT}/{class}")])
}

/// Assert the exit code and exactly these problems, each written relative to the fixture
/// folder: `question-bank/history/cuba.yaml:8:5: error: …`.
fn expect(class: &str, code: i32, expected: &[&str]) -> Run {
    let run = check_fixture(class);
    let prefix = format!("{ROOT}/{class}/");
    let found: Vec<String> = run
        .problems()
        .iter()
        .map(|l| l.strip_prefix(&prefix).unwrap_or(l).to_string())
        .collect();
    assert_eq!(
        found, expected,
        "stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    assert_eq!(run.code, code, "stdout:\n{}", run.stdout);
    run
}

fn help_contains(run: &Run, text: &str) {
    assert!(
        run.stdout
            .lines()
            .any(|l| l.starts_with("  help: ") && l.contains(text)),
        "no help line containing {text:?} in:\n{}",
        run.stdout
    );
}

#[test]
fn yaml_syntax() {
    expect(
        "yaml-syntax",
        1,
        &[
            "question-bank/history/cuba.yaml:7:9: error: YAML syntax: did not find expected ',' or ']', while parsing a flow sequence at line 6 column 13",
        ],
    );
}

#[test]
fn unknown_key_suggests_the_nearest() {
    let run = expect(
        "unknown-key",
        1,
        &["question-bank/history/cuba.yaml:8:5: error: unknown key `markz` in `questions[0]`"],
    );
    help_contains(&run, "did you mean `marks`?");
}

#[test]
fn missing_key() {
    let run = expect(
        "missing-key",
        1,
        &["question-bank/history/cuba.yaml:5:5: error: missing key `command` in `questions[0]`"],
    );
    help_contains(&run, "add `command:`");
}

#[test]
fn wrong_type() {
    expect(
        "wrong-type",
        1,
        &[
            "question-bank/history/cuba.yaml:8:12: error: wrong type for `marks`: found the text \"two\", expected a whole number (0 or more)",
        ],
    );
}

#[test]
fn duplicate_question_id_across_files() {
    expect(
        "duplicate-id",
        1,
        &[
            "question-bank/history/korea.yaml:5:9: error: duplicate question id `cuba-blockade-recall` (first used at tests/fixtures/check/duplicate-id/question-bank/history/cuba.yaml:5:9)",
        ],
    );
}

#[test]
fn duplicate_scheme() {
    expect(
        "duplicate-scheme",
        1,
        &[
            "mark-schemes/history/cuba.yaml:16:15: error: a second mark scheme for `cuba-blockade-recall` (the first is at tests/fixtures/check/duplicate-scheme/mark-schemes/history/cuba.yaml:4:15)",
        ],
    );
}

#[test]
fn scheme_without_question() {
    let run = expect(
        "scheme-without-question",
        1,
        &[
            "mark-schemes/history/cuba.yaml:16:15: error: mark scheme for `cuba-blockade-recal`, but there is no question with that id",
        ],
    );
    help_contains(&run, "did you mean `cuba-blockade-recall`?");
}

#[test]
fn part_without_scheme() {
    let run = expect(
        "question-without-scheme",
        1,
        &[
            "question-bank/history/cuba.yaml:23:16: error: part (b) of question `cuba-structured` has no mark scheme",
        ],
    );
    help_contains(&run, "`part: b`");
}

#[test]
fn max_differs_from_marks() {
    expect(
        "max-mismatch",
        1,
        &[
            "mark-schemes/history/cuba.yaml:5:10: error: `max: 3` but question `cuba-blockade-recall` is worth 2 marks",
            "mark-schemes/history/cuba.yaml:8:7: error: these points can never reach `max: 3`: all the points together earn 2",
        ],
    );
}

#[test]
fn points_that_cannot_reach_max() {
    expect(
        "unreachable-points",
        1,
        &[
            "mark-schemes/history/cuba.yaml:8:7: error: these points can never reach `max: 4`: the best 2 points earn 4, capped at 3",
        ],
    );
}

#[test]
fn level_ranges_gaps_overlaps_start_and_end() {
    expect(
        "level-ranges",
        1,
        &[
            "mark-schemes/history/cuba.yaml:19:20: error: gap between levels: mark 4 is in no level",
            "mark-schemes/history/cuba.yaml:37:20: error: levels overlap: mark 4 is in two levels",
            "mark-schemes/history/cuba.yaml:51:20: error: the lowest level starts at 0, not 1",
            "mark-schemes/history/cuba.yaml:73:20: error: the top level ends at 6 but `max` is 8",
        ],
    );
}

#[test]
fn level_numbers_out_of_order() {
    expect(
        "level-order",
        1,
        &["mark-schemes/history/cuba.yaml:18:20: error: level 3 is listed where level 2 belongs"],
    );
}

#[test]
fn cap_beyond_the_levels() {
    expect(
        "cap-level",
        1,
        &["mark-schemes/history/cuba.yaml:24:24: error: `max_level: 3` but there are 2 levels"],
    );
}

#[test]
fn invalid_regex_uses_the_regex_crates_words() {
    let run = expect(
        "invalid-regex",
        1,
        &["mark-schemes/history/cuba.yaml:13:24: error: invalid regex: unclosed group"],
    );
    assert!(run.stdout.contains("(october|oct 1962"), "{}", run.stdout);
}

#[test]
fn unknown_synonym_group() {
    let run = expect(
        "unknown-group",
        1,
        &["mark-schemes/history/cuba.yaml:16:17: error: unknown synonym group `@usaa`"],
    );
    help_contains(&run, "did you mean `@usa`?");
}

#[test]
fn multiple_choice_answer_not_an_option() {
    expect(
        "choice-not-option",
        1,
        &[
            "mark-schemes/history/cuba.yaml:8:25: error: `correct: D` is not one of the options: the options of question `cuba-year-mc` are A, B, C",
        ],
    );
}

#[test]
fn parts_that_do_not_add_up() {
    expect(
        "parts-sum",
        1,
        &[
            "question-bank/history/cuba.yaml:8:12: error: question `cuba-structured` is worth 10 marks but its parts add up to 8 marks",
            "question-bank/history/cuba.yaml:17:12: error: question `cuba-importance` is worth 12 marks but 2 of its parts are worth 16 marks",
        ],
    );
}

#[test]
fn difficulty_out_of_range() {
    expect(
        "difficulty",
        1,
        &["question-bank/history/cuba.yaml:11:17: error: difficulty 7 is outside 1–5"],
    );
}

#[test]
fn empty_accept() {
    expect(
        "empty-accept",
        1,
        &[
            "mark-schemes/history/cuba.yaml:12:13: error: point `blockade` has no accepted phrasings",
        ],
    );
}

#[test]
fn duplicate_point_ids() {
    expect(
        "duplicate-point",
        1,
        &[
            "mark-schemes/history/cuba.yaml:13:17: error: point id `blockade` is used twice in this scheme (first at tests/fixtures/check/duplicate-point/mark-schemes/history/cuba.yaml:10:17)",
        ],
    );
}

#[test]
fn blueprint_slot_the_bank_cannot_fill() {
    let run = expect(
        "blueprint-unfillable",
        1,
        &[
            "examples/papers/aqa.yaml:13:9: error: the bank cannot fill slot 2 of \"Section B\" (type account, 8 marks): it needs 1 but 0 aqa history questions fit",
        ],
    );
    help_contains(
        &run,
        "1 history questions suit aqa, 0 of those are of type account",
    );
}

#[test]
fn blueprint_slots_competing_for_the_same_questions() {
    expect(
        "blueprint-matching",
        1,
        &[
            "examples/papers/aqa.yaml:13:9: error: the bank cannot fill all slots at once with different questions: slot 1 of \"Section B\" (type recall, 2 marks), slot 2 of \"Section B\" (type recall, topics [cuba]) need 2 questions between them, but only 1 fit any of them",
        ],
    );
}

#[test]
fn header_not_matching_folder_and_file_is_a_warning() {
    let run = expect(
        "header-mismatch",
        0,
        &[
            "question-bank/history/cuba-crisis.yaml:1:10: warning: `subject: History` does not match the folder `history`",
            "question-bank/history/cuba-crisis.yaml:2:8: warning: `topic: cuba` does not match the file name `cuba-crisis`",
        ],
    );
    assert!(
        run.summary().ends_with("0 errors, 2 warnings"),
        "{}",
        run.summary()
    );
}

#[test]
fn a_file_that_is_not_yaml() {
    expect(
        "not-yaml",
        1,
        &[
            "question-bank/history/notes.yaml:1:18: error: YAML syntax: mapping values are not allowed in this context",
        ],
    );
}

#[test]
fn a_binary_file() {
    expect(
        "binary",
        1,
        &[
            "question-bank/history/cuba.yaml:1:6: error: not a UTF-8 text file: this byte is not valid UTF-8",
        ],
    );
}

#[test]
fn an_empty_file_found_in_a_folder_is_a_warning_and_named_is_an_error() {
    expect(
        "empty-file",
        0,
        &["question-bank/history/cuba.yaml:1:1: warning: empty file"],
    );
    let file = format!("{ROOT}/empty-file/question-bank/history/cuba.yaml");
    let run = examkit(&["check", &file]);
    assert_eq!(run.problems(), [format!("{file}:1:1: error: empty file")]);
    assert_eq!(run.code, 1);
}

#[test]
fn an_unreadable_file() {
    expect(
        "unreadable",
        1,
        &[
            "question-bank/history/cuba.yaml:1:1: error: cannot read file: No such file or directory (os error 2)",
        ],
    );
}

#[test]
fn other_yaml_files_are_skipped_in_folders_but_not_when_named() {
    let run = expect("unknown-file", 0, &[]);
    assert_eq!(
        run.summary(),
        "checked 3 files (1 question, 0 schemes, 0 blueprints): no problems"
    );
    let file = format!("{ROOT}/unknown-file/examples/answers/cuba-answers.yaml");
    let run = examkit(&["check", &file]);
    assert_eq!(
        run.problems(),
        [format!(
            "{file}:1:1: error: not a question bank, mark scheme, synonyms or blueprint file"
        )]
    );
    assert_eq!(run.code, 1);
}

#[test]
fn every_problem_of_many_fixtures_is_reported_in_one_run() {
    let classes = [
        "unknown-key",
        "wrong-type",
        "level-ranges",
        "invalid-regex",
        "cap-level",
    ];
    let args: Vec<String> = std::iter::once("check".to_string())
        .chain(classes.iter().map(|c| format!("{ROOT}/{c}")))
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = examkit(&args);
    assert_eq!(run.problems().len(), 1 + 1 + 4 + 1 + 1, "{}", run.stdout);
    assert!(
        run.summary().ends_with("8 errors, 0 warnings"),
        "{}",
        run.summary()
    );
    assert_eq!(run.code, 1);
}

#[test]
fn a_path_that_does_not_exist_is_a_usage_error() {
    let run = examkit(&["check", "tests/fixtures/check/no-such-folder"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("no such file or folder: tests/fixtures/check/no-such-folder"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}

#[test]
fn a_broken_file_does_not_cascade_into_missing_scheme_errors() {
    // The question file for `cuba` does not parse, so its schemes are not reported as
    // schemes without questions; korea's question still needs its scheme.
    expect(
        "no-cascade",
        1,
        &[
            "question-bank/history/cuba.yaml:7:9: error: YAML syntax: did not find expected ',' or ']', while parsing a flow sequence at line 6 column 13",
            "question-bank/history/korea.yaml:5:9: error: question `korea-invasion-recall` has no mark scheme",
        ],
    );
}

#[test]
fn other_commands_get_the_same_problems_from_load_checked() {
    let broken = bank::load_checked(&[format!("{ROOT}/level-ranges").into()])
        .expect_err("the fixture has errors");
    assert_eq!(broken.errors(), 4);
    let text = broken.to_string();
    assert!(text.starts_with("the question bank has 4 errors"), "{text}");
    assert!(
        text.contains("level-ranges/mark-schemes/history/cuba.yaml:19:20: error: gap between levels: mark 4 is in no level"),
        "{text}"
    );
    let clean = bank::load_checked(&[format!("{ROOT}/unknown-file").into()]);
    assert_eq!(clean.map(|b| b.questions.len()).ok(), Some(1));
}

#[test]
fn synonym_groups_empty_overlapping_or_shadowed() {
    expect(
        "synonyms",
        1,
        &[
            "mark-schemes/history/cuba.yaml:8:13: warning: this scheme's group `ussr` has the name of a shared group",
            "mark-schemes/history/synonyms.yaml:3:30: warning: `Russia` is in two synonym groups, `russia` and `ussr`",
            "mark-schemes/history/synonyms.yaml:5:3: error: synonym group `usa` is empty",
        ],
    );
}

#[test]
fn blueprint_topic_typos_and_grade_boundaries_out_of_order() {
    let run = expect(
        "blueprint-topic",
        1,
        &[
            "examples/papers/aqa.yaml:12:24: error: no history question has topic `koreaa`",
            "examples/papers/aqa.yaml:15:23: error: grade 8 (min 2) must need fewer marks than grade 9 above it (min 1)",
            "examples/papers/aqa.yaml:16:23: error: grade 7 (min 30) must need fewer marks than grade 8 above it (min 2)",
        ],
    );
    help_contains(&run, "the bank's history topics are cuba");
}

#[test]
fn a_level_no_answer_can_reach() {
    expect(
        "dead-level",
        1,
        &[
            "mark-schemes/history/cuba.yaml:20:23: error: level 1 can never be awarded: level 2 above it asks for no more (points 1, developed 0, sides 0)",
        ],
    );
}

#[test]
fn multiple_choice_and_choice_schemes_go_together() {
    expect(
        "choice-mismatch",
        1,
        &[
            "mark-schemes/history/cuba.yaml:7:5: error: question `cuba-year-mc` is multiple choice: mark it with `choice`",
            "mark-schemes/history/cuba.yaml:14:5: error: question `cuba-leader-recall` is not multiple choice, but this scheme marks it by `choice`",
        ],
    );
}

#[test]
fn a_scheme_filed_under_another_topic_is_a_warning() {
    expect(
        "scheme-topic",
        0,
        &[
            "mark-schemes/history/cuba.yaml:4:15: warning: question `korea-invasion-recall` is on topic `history/korea`, but this scheme file is for `history/cuba`",
        ],
    );
}

#[test]
fn a_blueprint_checked_without_the_bank_is_judged_on_its_own() {
    let file = format!("{ROOT}/blueprint-topic/examples/papers/aqa.yaml");
    let run = examkit(&["check", &file]);
    assert_eq!(
        run.problems(),
        [
            format!(
                "{file}:15:23: error: grade 8 (min 2) must need fewer marks than grade 9 above it (min 1)"
            ),
            format!(
                "{file}:16:23: error: grade 7 (min 30) must need fewer marks than grade 8 above it (min 2)"
            ),
        ]
    );
    assert_eq!(run.code, 1);
}

#[test]
fn alternatives_of_several_words_written_with_a_bar_are_a_warning() {
    let run = expect(
        "multi-word-alternatives",
        0,
        &[
            "mark-schemes/history/de-stalinisation.yaml:12:22: warning: `|` gives alternatives for one word only, so this phrase probably does not say what you meant: `out|set` offers \"out\" as an alternative to \"set\"",
            "mark-schemes/history/de-stalinisation.yaml:15:22: warning: `|` gives alternatives for one word only, so this phrase probably does not say what you meant: `out|argued` offers \"out\" as an alternative to \"argued\"",
            "mark-schemes/history/de-stalinisation.yaml:15:63: warning: `|` gives alternatives for one word only, so this phrase probably does not say what you meant: \"november\" appears twice in `november|november`",
        ],
    );
    assert!(run.stdout.contains("separate phrasings"), "{}", run.stdout);
}
