//! `examkit mark --paper M --batch F`: a class's answers to a mark sheet and a summary.

use assert_cmd::cargo_bin_cmd;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mark")
}

fn batch(input: &Path) -> assert_cmd::Command {
    let mut cmd = cargo_bin_cmd!("examkit");
    cmd.arg("mark")
        .arg("--bank")
        .arg(fixtures().join("bank"))
        .arg("--paper")
        .arg(fixtures().join("aqa.manifest.json"))
        .arg("--batch")
        .arg(input);
    cmd
}

/// The mark sheet's rows, without the byte-order mark.
fn sheet(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let text = text
        .strip_prefix('\u{feff}')
        .expect("sheet starts with a BOM");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn check_sheet(rows: &[Vec<String>]) {
    assert_eq!(
        rows[0],
        [
            "student",
            "01",
            "02",
            "03",
            "total",
            "max",
            "percentage",
            "grade"
        ]
    );
    assert_eq!(rows.len(), 3, "two students: {rows:?}");
    assert_eq!(rows[1][0], "Amira");
    assert_eq!(rows[2][0], "Ben");
    assert_eq!(rows[2][2], "", "Ben left 02 blank");
    for row in &rows[1..] {
        let sum: u32 = row[1..4].iter().filter_map(|c| c.parse::<u32>().ok()).sum();
        assert_eq!(row[4], sum.to_string(), "total is the sum: {row:?}");
        assert_eq!(row[5], "7");
        let pct: f64 = row[6].parse().unwrap();
        assert!((pct - f64::from(sum) * 100.0 / 7.0).abs() < 0.06);
    }
}

#[test]
fn long_wide_and_jsonl_inputs_give_the_same_mark_sheet() {
    let mut sheets = Vec::new();
    for name in ["class-long.csv", "class-wide.csv", "class.jsonl"] {
        let out = batch(&fixtures().join(name))
            .assert()
            .success()
            .stderr(predicate::str::contains("Class: 2 students"))
            .get_output()
            .stdout
            .clone();
        let rows = sheet(&out);
        check_sheet(&rows);
        sheets.push(rows);
    }
    // JSONL has Ben's 01 only; compare the shared cells.
    assert_eq!(sheets[0], sheets[1]);
    assert_eq!(sheets[0][1], sheets[2][1]);
    // 01 and 03 are point and multiple-choice marks; 02 (levels) is whatever the marker
    // gives the same answer on its own.
    let q02 = single_mark("fx-destal-effects-explain", "Hungarians demanded freedom.");
    assert!(q02 > 0, "a relevant point earns something");
    let amira = 2 + q02;
    assert_eq!(
        sheets[0][1],
        [
            "Amira".to_string(),
            "2".into(),
            q02.to_string(),
            "0".into(),
            amira.to_string(),
            "7".into(),
            format!("{:.1}", f64::from(amira) * 100.0 / 7.0),
            if amira >= 4 { "5" } else { "1" }.into(),
        ]
    );
    assert_eq!(sheets[0][2], ["Ben", "0", "", "1", "1", "7", "14.3", "1"]);
    // Ben's JSON line scores 0: below the lowest boundary is grade U, not an empty cell.
    assert_eq!(sheets[2][2], ["Ben", "0", "", "", "0", "7", "0.0", "U"]);
}

/// The mark `examkit mark --question` gives one answer.
fn single_mark(question: &str, answer: &str) -> u32 {
    let out = cargo_bin_cmd!("examkit")
        .arg("mark")
        .arg("--bank")
        .arg(fixtures().join("bank"))
        .args([
            "--question",
            question,
            "--answer",
            answer,
            "--format",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    json["result"]["awarded"].as_u64().unwrap() as u32
}

#[test]
fn out_and_summary_files_are_written_and_the_summary_printed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("marks.csv");
    let summary_json = dir.path().join("summary.json");
    batch(&fixtures().join("class-long.csv"))
        .arg("--out")
        .arg(&out)
        .arg("--summary")
        .arg(&summary_json)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Class: 2 students, 5 answers")
                .and(predicate::str::contains(
                    "Questions (mean of those who answered):",
                ))
                .and(predicate::str::contains("01 ")),
        );
    check_sheet(&sheet(&std::fs::read(&out).unwrap()));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "a mark sheet is readable like any new file");
    }
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&summary_json).unwrap()).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["kind"], "class-summary");
    assert_eq!(json["students"], 2);
    assert_eq!(json["answers"], 5);
    assert_eq!(json["questions"][1]["answered"], 1);
    assert_eq!(
        json["grades"].as_array().unwrap().last().unwrap()["grade"],
        "U"
    );
    let summary_csv = dir.path().join("summary.csv");
    batch(&fixtures().join("class-wide.csv"))
        .arg("--out")
        .arg(&out)
        .arg("--summary")
        .arg(&summary_csv)
        .args(["--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"kind\": \"class-summary\""));
    let csv_text = std::fs::read_to_string(&summary_csv).unwrap();
    assert!(csv_text.starts_with("number,key,point,label,missed,answered,rate\n"));
}

#[test]
fn a_bad_row_is_reported_by_line_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("class.csv");
    let out = dir.path().join("marks.csv");
    std::fs::write(
        &input,
        "student,question,answer\nAmira,01,fine\nBen,01,too,many,fields\n",
    )
    .unwrap();
    batch(&input)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "class.csv:3: this row has 5 fields but the header has 3",
        ));
    assert!(!out.exists(), "no half-written mark sheet");
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file left behind");
}

#[test]
fn unknown_questions_duplicates_and_blank_students_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("class.csv");
    std::fs::write(&input, "student,01,09\nAmira,a,b\n").unwrap();
    batch(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "class.csv:1: `09` is not a question on paper fx-aqa-s1-v1: expected one of 01, 02, 03",
        ));
    std::fs::write(
        &input,
        "student,question,answer\nAmira,01,a\nBen,01,b\nAmira,1,c\n",
    )
    .unwrap();
    batch(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "class.csv:4: a second answer from `Amira` to question 1",
        ));
    std::fs::write(&input, "student,question,answer\n,01,a\n").unwrap();
    batch(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "class.csv:2: the student is blank",
        ));
    std::fs::write(&input, "name_of_pupil,01\nx,y\n").unwrap();
    batch(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("class.csv:1: no `student` column"));
    let jsonl = dir.path().join("class.jsonl");
    std::fs::write(&jsonl, "{\"student\":\"A\",\"01\":\"x\"}\nnot json\n").unwrap();
    batch(&jsonl)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("class.jsonl:2: not a JSON object"));
}

#[test]
fn the_input_format_comes_from_the_extension_or_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("class.txt");
    std::fs::copy(fixtures().join("class-long.csv"), &input).unwrap();
    batch(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--input-format csv|jsonl"));
    let out = batch(&input)
        .args(["--input-format", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    check_sheet(&sheet(&out));
}

#[test]
fn student_names_cannot_become_spreadsheet_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("class.csv");
    std::fs::write(&input, "student,01\n=HYPERLINK(\"x\"),B\nZoë,B\n").unwrap();
    let out = batch(&input).assert().success().get_output().stdout.clone();
    let rows = sheet(&out);
    assert_eq!(rows[1][0], "'=HYPERLINK(\"x\")");
    assert_eq!(rows[2][0], "Zoë");
}

// Damaged and ambiguous class files: each is refused with the line to fix, and nothing is
// marked from half a file.

/// Write `bytes` as `name` in a fresh folder and run a batch over it, writing the sheet to
/// `marks.csv` there. Returns the folder (kept alive), the sheet's path and the command.
fn run_on(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf, assert_cmd::assert::Assert) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join(name);
    std::fs::write(&input, bytes).unwrap();
    let out = dir.path().join("marks.csv");
    let assert = batch(&input).arg("--out").arg(&out).assert();
    (dir, out, assert)
}

#[test]
fn an_unbalanced_quote_is_an_error_at_the_line_it_began_not_a_swallowed_class() {
    // Amira's answer opens a quote that never closes: leniently read, it swallows Ben, Cara
    // and Dan into her answer and the run "succeeds" with one student.
    let text = "student,question,answer\n\
                Amira,01,\"Stalin had a cult of personality\n\
                Ben,01,He was cruel.\n\
                Cara,02,Hungarians demanded freedom.\n\
                Dan,03,B\n";
    let (_dir, out, assert) = run_on("class.csv", text.as_bytes());
    assert.code(2).stderr(
        predicate::str::contains("class.csv:2: a quoted field begins here")
            .and(predicate::str::contains("`\"Stalin had a cult of per…`"))
            .and(predicate::str::contains("closing quote never comes")),
    );
    assert!(!out.exists(), "no mark sheet from half a file");
}

#[test]
fn a_stray_quote_closed_by_a_later_field_is_reported_where_it_began_not_lines_later() {
    let mut text = String::from("student,question,answer\nAmira,01,\"Stalin was cruel\n");
    for i in 0..8 {
        text.push_str(&format!("S{i},01,plain answer {i}\n"));
    }
    text.push_str("Zed,02,\"Hungarians, in 1956, demanded freedom.\"\n");
    let (_dir, _out, assert) = run_on("class.csv", text.as_bytes());
    assert.code(2).stderr(
        predicate::str::contains("class.csv:2: a quoted field begins here").and(
            predicate::str::contains("closing quote (on line 11) is followed by `H`"),
        ),
    );
}

#[test]
fn the_summary_says_how_many_rows_were_read_and_answers_marked() {
    let text = "student,question,answer\nAmira,01,Stalin had a cult of personality.\n\
                Ben,01,\nBen,03,B\n";
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("class.csv");
    std::fs::write(&input, text).unwrap();
    batch(&input)
        .arg("--out")
        .arg(dir.path().join("marks.csv"))
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Class: 2 students, 2 answers").and(predicate::str::contains(
                "Input: 3 rows read, 2 answers marked, 1 blank",
            )),
        );
    let summary = dir.path().join("summary.json");
    batch(&input)
        .arg("--out")
        .arg(dir.path().join("marks.csv"))
        .arg("--summary")
        .arg(&summary)
        .assert()
        .success();
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&summary).unwrap()).unwrap();
    assert_eq!(json["rows"], 3);
    assert_eq!(json["students"], 2);
    assert_eq!(json["answers"], 2);
    assert_eq!(json["blank"], 1);
}

#[test]
fn empty_header_only_and_binary_files_say_what_they_are() {
    let (_d, _o, assert) = run_on("class.csv", b"");
    assert.code(2).stderr(
        predicate::str::contains("class.csv:1: the file is empty")
            .and(predicate::str::contains("no `student` column").not()),
    );
    let (_d, out, assert) = run_on("class.csv", b"student,question,answer\n");
    assert.code(2).stderr(predicate::str::contains(
        "class.csv:1: no answers: the file has a header row but no rows below it",
    ));
    assert!(!out.exists());
    let (_d, _o, assert) = run_on("class.jsonl", b"\n\n");
    assert
        .code(2)
        .stderr(predicate::str::contains("class.jsonl:1: the file is empty"));
    // An Excel workbook saved with a .csv name, and a file with NUL bytes in it.
    let (_d, _o, assert) = run_on(
        "class.csv",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",
    );
    assert.code(2).stderr(
        predicate::str::contains("class.csv:1: cannot read the header row: this is a zip archive")
            .and(predicate::str::contains("\"CSV UTF-8\"")),
    );
    let (_d, _o, assert) = run_on("class.csv", b"student,01\nAmira,\x00\x00\x00\x01\x02\n");
    assert.code(2).stderr(predicate::str::contains(
        "the file holds NUL bytes, so it is not text",
    ));
}

#[test]
fn two_columns_for_one_question_are_an_error_on_the_header() {
    let (_d, _o, assert) = run_on("class.csv", b"student,01,02,01\nAmira,a,b,c\n");
    assert.code(2).stderr(predicate::str::contains(
        "class.csv:1: columns 2 and 4 are both headed `01`",
    ));
    let (_d, _o, assert) = run_on(
        "class.csv",
        b"student,01,fx-destal-speech-give\nAmira,a,b\n",
    );
    assert.code(2).stderr(predicate::str::contains(
        "class.csv:1: `01` and `fx-destal-speech-give` are both question 01",
    ));
}

#[test]
fn a_repeated_json_key_is_an_error_not_a_lost_answer() {
    let text = "{\"student\": \"Amira\", \"01\": \"Stalin had a cult\"}\n\
                {\"student\": \"Ben\", \"01\": \"first\", \"01\": \"second\"}\n";
    let (_d, _o, assert) = run_on("class.jsonl", text.as_bytes());
    assert.code(2).stderr(predicate::str::contains(
        "class.jsonl:2: the key `01` appears twice in this object",
    ));
    let text = "{\"student\": \"Ben\", \"answers\": {\"01\": \"a\", \"1\": \"b\"}}\n";
    let (_d, _o, assert) = run_on("class.jsonl", text.as_bytes());
    assert.code(2).stderr(predicate::str::contains(
        "class.jsonl:1: `01` and `1` are both question 01",
    ));
}

#[test]
fn a_student_on_two_rows_of_a_wide_file_is_an_error_naming_both_lines() {
    let (_d, out, assert) = run_on(
        "class.csv",
        b"student,01,03\nAmira,Stalin was cruel,A\nBen,x,B\nAmira,He had purges,B\n",
    );
    assert.code(2).stderr(predicate::str::contains(
        "class.csv:4: `Amira` already has a row (line 2)",
    ));
    assert!(!out.exists());
}

#[cfg(target_os = "linux")]
#[test]
fn an_unwritable_mark_sheet_is_named_and_no_temporary_file_is() {
    // Nobody, root included, can create files in /proc.
    batch(&fixtures().join("class-long.csv"))
        .args(["--out", "/proc/marks.csv"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("cannot write /proc/marks.csv: ")
                .and(predicate::str::contains(".tmp").not()),
        );
}

/// The fixture paper with 2 SPaG marks on question 02 (7 content marks + 2), in `dir`.
fn spag_manifest(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(fixtures().join("aqa.manifest.json")).unwrap();
    let mut manifest: serde_json::Value = serde_json::from_str(&text).unwrap();
    manifest["total_spag"] = 2.into();
    manifest["items"][1]["spag"] = 2.into();
    let path = dir.join("spag.manifest.json");
    std::fs::write(&path, manifest.to_string()).unwrap();
    path
}

#[test]
fn a_paper_with_spag_has_a_spag_column_and_a_max_that_counts_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = cargo_bin_cmd!("examkit")
        .arg("mark")
        .arg("--bank")
        .arg(fixtures().join("bank"))
        .arg("--paper")
        .arg(spag_manifest(dir.path()))
        .arg("--batch")
        .arg(fixtures().join("class-wide.csv"))
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "SPaG: 2 marks a student are for the teacher to award (the `spag` column)",
        ))
        .get_output()
        .stdout
        .clone();
    let rows = sheet(&out);
    assert_eq!(
        rows[0].join(","),
        "student,01,02,03,spag,total,max,percentage,grade"
    );
    for row in &rows[1..] {
        assert_eq!(row[4], "", "SPaG is left for the teacher: {row:?}");
        assert_eq!(row[6], "9", "max counts the SPaG marks: {row:?}");
        let total: f64 = row[5].parse().unwrap();
        let pct: f64 = row[7].parse().unwrap();
        assert!((pct - total * 100.0 / 9.0).abs() < 0.06, "{row:?}");
    }
}

#[test]
fn json_without_out_is_one_json_document_on_standard_output() {
    let out = batch(&fixtures().join("class-long.csv"))
        .args(["--format", "json"])
        .assert()
        .success()
        .stderr(predicate::str::contains("student,").not())
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).expect("one JSON document");
    assert_eq!(json["kind"], "class-marks");
    assert_eq!(json["paper_id"], "fx-aqa-s1-v1");
    let students = json["students"].as_array().unwrap();
    assert_eq!(students.len(), 2);
    assert_eq!(students[1]["student"], "Ben");
    assert_eq!(students[1]["marks"]["01"], 0);
    assert_eq!(students[1]["marks"]["02"], serde_json::Value::Null);
    assert_eq!(students[1]["marks"]["03"], 1);
    assert_eq!(students[1]["total"], 1);
    assert_eq!(students[1]["max"], 7);
    assert_eq!(students[1]["grade"], "1");
    assert_eq!(json["summary"]["kind"], "class-summary");
    assert_eq!(json["summary"]["students"], 2);
    // With --out FILE.json the sheet itself is that document.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marks.json");
    batch(&fixtures().join("class-long.csv"))
        .arg("--out")
        .arg(&path)
        .assert()
        .success();
    let file: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).expect("a JSON mark sheet");
    assert_eq!(file["students"], json["students"]);
}
