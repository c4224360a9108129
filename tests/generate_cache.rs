//! The cache of checked banks, as a teacher meets it: papers come out the same with it or
//! without it, an edited bank is never printed from a stale copy, and a broken bank is
//! refused with the same report either way.

mod common;

use assert_cmd::Command;
use common::{bank_copy, printed, root};
use std::path::{Path, PathBuf};

/// `examkit` run in `dir`, with its cache in `cache` (`None`: turned off).
fn examkit(dir: &Path, cache: Option<&Path>) -> Command {
    let mut cmd = Command::cargo_bin("examkit").unwrap();
    cmd.current_dir(dir);
    match cache {
        Some(cache) => cmd
            .env("EXAMKIT_CACHE_DIR", cache)
            .env_remove("EXAMKIT_CACHE"),
        None => cmd.env("EXAMKIT_CACHE", "off"),
    };
    cmd
}

/// Generate the AQA blueprint paper with seed 7 into `dir/out/<name>.pdf`.
fn generate(dir: &Path, cache: Option<&Path>, name: &str) -> assert_cmd::assert::Assert {
    examkit(dir, cache)
        .arg("generate")
        .arg("--blueprint")
        .arg(root().join("examples/papers/aqa-cold-war.yaml"))
        .args(["--seed", "7", "--out"])
        .arg(format!("out/{name}.pdf"))
        .assert()
}

/// The four files of the paper `out/<name>`: paper, insert, mark scheme, manifest.
/// The run's files, the manifest's record of its set's file names (which differ by run)
/// taken out so that runs of different names compare.
fn outputs(dir: &Path, name: &str) -> Vec<Vec<u8>> {
    let manifest = std::fs::read_to_string(dir.join(format!("out/{name}.manifest.json"))).unwrap();
    let unnamed = manifest.replace(&format!("\"name\": \"{name}"), "\"name\": \"");
    ["", "-insert", "-mark-scheme"]
        .iter()
        .map(|suffix| std::fs::read(dir.join(format!("out/{name}{suffix}.pdf"))).unwrap())
        .chain([unnamed.into_bytes()])
        .collect()
}

/// The entries in the cache folder (not the stamps beside them).
fn entries(cache: &Path) -> Vec<PathBuf> {
    listing(cache, false)
}

/// The stamps beside the entries in the cache folder.
fn stamps(cache: &Path) -> Vec<PathBuf> {
    listing(cache, true)
}

fn listing(cache: &Path, stamps: bool) -> Vec<PathBuf> {
    match std::fs::read_dir(cache) {
        Ok(read) => read
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "stamps") == stamps)
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// Put `word` at the start of the text of question `id`.
fn edit_question_text(dir: &Path, id: &str, word: &str) {
    let (file, text) = question_file(dir, id);
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let start = lines
        .iter()
        .position(|l| *l == format!("  - id: {id}"))
        .unwrap();
    let at = (start..lines.len())
        .find(|&n| lines[n].starts_with("    text:"))
        .unwrap();
    let value = lines[at]["    text:".len()..].trim().to_string();
    if value.starts_with(['>', '|']) {
        let line = &mut lines[at + 1];
        let indent = line.len() - line.trim_start().len();
        line.insert_str(indent, &format!("{word} "));
    } else {
        let quote = usize::from(value.starts_with(['"', '\'']));
        lines[at] = format!("    text: {}{word} {}", &value[..quote], &value[quote..]);
    }
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
}

/// The question-bank file holding question `id`, and its text.
fn question_file(dir: &Path, id: &str) -> (PathBuf, String) {
    std::fs::read_dir(dir.join("question-bank/history"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|f| (f.clone(), std::fs::read_to_string(&f).unwrap()))
        .find(|(_, text)| text.lines().any(|l| l == format!("  - id: {id}")))
        .unwrap_or_else(|| panic!("no question {id}"))
}

#[test]
fn a_second_run_reads_the_cache_and_makes_the_same_files() {
    let bank = bank_copy();
    let dir = bank.path();
    let cache = tempfile::tempdir().unwrap();
    let cache = cache.path().join("examkit");

    generate(dir, Some(&cache), "first").success();
    let stored = entries(&cache);
    assert_eq!(stored.len(), 1, "one entry after the first run: {stored:?}");
    let entry = std::fs::read(&stored[0]).unwrap();
    assert!(entry.starts_with(b"examkit\x1a"));

    generate(dir, Some(&cache), "second").success();
    assert_eq!(entries(&cache), stored);
    assert_eq!(
        std::fs::read(&stored[0]).unwrap(),
        entry,
        "a hit leaves the entry as it was"
    );
    assert_eq!(outputs(dir, "second"), outputs(dir, "first"));

    generate(dir, None, "uncached").success();
    assert_eq!(outputs(dir, "uncached"), outputs(dir, "first"));
    // --no-cache neither reads nor writes it.
    let other = tempfile::tempdir().unwrap();
    examkit(dir, Some(other.path()))
        .args(["generate", "--no-cache", "--out", "out/flag.pdf"])
        .arg("--blueprint")
        .arg(root().join("examples/papers/aqa-cold-war.yaml"))
        .args(["--seed", "7"])
        .assert()
        .success();
    assert!(entries(other.path()).is_empty());
    assert_eq!(outputs(dir, "flag"), outputs(dir, "first"));
}

/// Once a bank's files have been still for a few seconds, a hit does not read them at all
/// (their stamps vouch for them); an edit that keeps the file's length, and even its
/// modification time, is still seen.
#[test]
fn an_unchanged_bank_is_not_read_again_and_an_edit_of_the_same_length_is_seen() {
    let bank = bank_copy();
    let dir = bank.path();
    let cache = tempfile::tempdir().unwrap();
    // Files changed in the last three seconds are never vouched for.
    std::thread::sleep(std::time::Duration::from_millis(3200));
    generate(dir, Some(cache.path()), "first").success();
    let stamps = stamps(cache.path());
    assert_eq!(stamps.len(), 1, "the first run stamps the files it read");
    let stamped = std::fs::metadata(&stamps[0]).unwrap().modified().unwrap();
    generate(dir, Some(cache.path()), "second").success();
    assert_eq!(outputs(dir, "second"), outputs(dir, "first"));
    // Vouched for, the files were not read, so their stamps were not taken again.
    let still = std::fs::metadata(&stamps[0]).unwrap().modified().unwrap();
    assert_eq!(still, stamped);

    // The first printed question's text, one letter changed, same length, same time.
    let question = printed(dir, "first").remove(0);
    let (file, text) = question_file(dir, &question);
    let id_at = text.find(&format!("  - id: {question}\n")).unwrap();
    let text_at = id_at + text[id_at..].find("    text:").unwrap();
    let word_at = text_at + text[text_at..].find(" the ").unwrap();
    let edited = format!("{}THE{}", &text[..word_at + 1], &text[word_at + 4..]);
    assert_eq!(edited.len(), text.len());
    let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
    std::fs::write(&file, &edited).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(modified)
        .unwrap();

    generate(dir, Some(cache.path()), "edited").success();
    let paper = common::squash(&common::text(&outputs(dir, "edited")[0]));
    assert!(paper.contains(" THE "), "{paper}");
    generate(dir, None, "edited-uncached").success();
    assert_eq!(outputs(dir, "edited"), outputs(dir, "edited-uncached"));
}

#[test]
fn an_edited_question_is_printed_as_edited() {
    let bank = bank_copy();
    let dir = bank.path();
    let cache = tempfile::tempdir().unwrap();
    generate(dir, Some(cache.path()), "before").success();
    generate(dir, Some(cache.path()), "before-again").success();
    let question = printed(dir, "before").remove(0);

    edit_question_text(dir, &question, "Briefly");
    generate(dir, Some(cache.path()), "after").success();
    let (before, after) = (outputs(dir, "before"), outputs(dir, "after"));
    assert_ne!(after[0], before[0], "the paper shows the edited question");
    assert_ne!(after[3], before[3], "the manifest has the new bank version");
    generate(dir, None, "after-uncached").success();
    assert_eq!(outputs(dir, "after-uncached"), after);
    // And the edit is cached in turn.
    generate(dir, Some(cache.path()), "after-again").success();
    assert_eq!(outputs(dir, "after-again"), after);
    assert_eq!(entries(cache.path()).len(), 1);
}

#[test]
fn a_bank_broken_after_it_was_cached_is_refused_as_without_a_cache() {
    let bank = bank_copy();
    let dir = bank.path();
    let cache = tempfile::tempdir().unwrap();
    generate(dir, Some(cache.path()), "clean").success();
    let question = printed(dir, "clean").remove(0);
    // A misspelt key in a printed question.
    let file = std::fs::read_dir(dir.join("question-bank/history"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .contains(&format!("  - id: {question}\n"))
        })
        .unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    let broken = text.replacen(
        &format!("  - id: {question}\n    boards:"),
        &format!("  - id: {question}\n    bords:"),
        1,
    );
    assert_ne!(broken, text);
    std::fs::write(&file, broken).unwrap();

    let with = generate(dir, Some(cache.path()), "broken").failure();
    let with = String::from_utf8_lossy(&with.get_output().stderr).into_owned();
    assert!(with.contains("unknown key `bords`"), "{with}");
    let without = generate(dir, None, "broken").failure();
    let without = String::from_utf8_lossy(&without.get_output().stderr).into_owned();
    assert_eq!(with, without);
    // The same again, now the cache knows the bank is broken.
    let again = generate(dir, Some(cache.path()), "broken").failure();
    assert_eq!(String::from_utf8_lossy(&again.get_output().stderr), without);
    assert!(!dir.join("out/broken.pdf").exists());
}

#[test]
fn marking_reads_the_same_cache() {
    let bank = bank_copy();
    let dir = bank.path();
    let cache = tempfile::tempdir().unwrap();
    let mark = |cache: Option<&Path>| {
        let out = examkit(dir, cache)
            .args(["mark", "--question", "hungary-1956-describe-demands", "--answer"])
            .arg("The protesters wanted free elections with more than one party, and they wanted Soviet troops to leave Hungary.")
            .assert()
            .success();
        String::from_utf8_lossy(&out.get_output().stdout).into_owned()
    };
    let uncached = mark(None);
    assert!(uncached.contains(" / 4 marks"), "{uncached}");
    assert_eq!(mark(Some(cache.path())), uncached);
    assert_eq!(entries(cache.path()).len(), 1);
    assert_eq!(mark(Some(cache.path())), uncached);
}
