//! Mark schemes a teacher reads: every scheme in the bank, printed in each board's PDF mark
//! scheme, shows its points' labels and accepted phrasings in words and none of the
//! marker's pattern syntax; generated schemes keep each point whole on a page, never leave
//! the total alone on a last page, and carry SPaG descriptors where SPaG is marked.

mod common;

use assert_cmd::Command;
use common::{pages, poppler, root, squash, text};
use examkit::bank::{self, Bank};
use examkit::model::Board;
use examkit::model::prose::curly_quotes;
use examkit::paper::{Paper, PaperQuestion, PaperSection};
use examkit::prose::{Names, SchemeProse};

fn shipped_bank() -> Bank {
    let (bank, problems) = bank::load(&[root().join("question-bank"), root().join("mark-schemes")]);
    assert!(
        problems.is_empty(),
        "the shipped bank has problems: {problems:?}"
    );
    bank
}

/// A paper holding every question of the bank that suits `board`, with its schemes.
fn whole_bank_paper(bank: &Bank, board: Board) -> Paper {
    let blueprint = common::blueprint(board);
    let questions: Vec<PaperQuestion> = bank
        .questions
        .iter()
        .filter(|q| q.question.boards.contains(&board))
        .enumerate()
        .map(|(i, q)| PaperQuestion {
            number: i as u32 + 1,
            question: q.question.clone(),
            topic_title: q.topic_title.clone(),
            schemes: examkit::paper::select::schemes_for(bank, q),
        })
        .collect();
    Paper {
        paper_id: format!("{}-whole-bank", board.key()),
        seed: 0,
        variant: 1,
        bank_version: bank.version.clone(),
        sections: vec![PaperSection {
            title: "Every question".into(),
            rubric: None,
            answer: None,
            questions,
        }],
        synonyms: bank.synonyms_for("history").unwrap().groups.clone(),
        blueprint,
    }
}

/// Everything in `text` that looks like the marker's syntax rather than English.
fn pattern_syntax(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        for bad in ['@', '|', '\\', '{', '}', '^', '*'] {
            if line.contains(bad) {
                found.push(format!("line {}: {bad:?} in {line:?}", n + 1));
            }
        }
        // A question mark ends a question: one run into a word (`satellites?s`) is syntax.
        if line
            .match_indices('?')
            .any(|(i, _)| line[i + 1..].starts_with(|c: char| c.is_alphanumeric()))
        {
            found.push(format!("line {}: '?' in {line:?}", n + 1));
        }
        // A dollar only before a sum of money ("$400 million").
        if line
            .match_indices('$')
            .any(|(i, _)| !line[i + 1..].starts_with(|c: char| c.is_ascii_digit()))
        {
            found.push(format!("line {}: '$' in {line:?}", n + 1));
        }
        for bad in ["(?", ")?", "]?", "[^", "[a-", ".*", ".+", "\\b"] {
            if line.contains(bad) {
                found.push(format!("line {}: {bad:?} in {line:?}", n + 1));
            }
        }
        // Square brackets only as Cambridge writes marks: [4], [5–7], [max 4], [4 marks].
        for (i, _) in line.match_indices('[') {
            let rest = &line[i + 1..];
            let inside = rest.split(']').next().unwrap_or("");
            let marks = inside
                .trim_start_matches("max ")
                .trim_end_matches(" marks")
                .trim_end_matches(" mark")
                .split('–')
                .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            if !marks || !rest.contains(']') {
                found.push(format!("line {}: bracket in {line:?}", n + 1));
            }
        }
    }
    found
}

/// Whether words are run together with a slash (`withdrew/removed`), as the old printed
/// schemes did; a date (`4/11/1956`) is not.
fn slashed_words(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(3)
        .any(|w| w[1] == '/' && w[0].is_alphabetic() && w[2].is_alphabetic())
}

#[test]
fn every_scheme_in_the_bank_prints_in_words_with_its_labels_and_phrasings() {
    let bank = shipped_bank();
    let names = Names::new(&bank.synonyms_for("history").unwrap().groups);
    for board in Board::ALL {
        let paper = whole_bank_paper(&bank, board);
        let pdf = examkit::pdf::mark_scheme(&paper).unwrap();
        let printed = text(&pdf);
        let syntax = pattern_syntax(&printed);
        assert!(
            syntax.is_empty(),
            "{board}: pattern syntax printed:\n{}",
            syntax.join("\n")
        );
        let flat = squash(&printed);
        let mut phrasings = 0;
        for pq in &paper.sections[0].questions {
            for scheme in &pq.schemes {
                let prose = SchemeProse::new(scheme, &names, Some(board));
                for point in prose.points() {
                    assert!(
                        flat.contains(&squash(&curly_quotes(&point.label))),
                        "{board} {}: label {:?} not printed",
                        prose.key,
                        point.label
                    );
                    for words in point.accept.iter().chain(&point.reject) {
                        assert!(
                            !slashed_words(words) && pattern_syntax(words).is_empty(),
                            "{board} {}: {words:?} is not in words",
                            prose.key
                        );
                        assert!(
                            flat.contains(&squash(&curly_quotes(words))),
                            "{board} {}: phrasing {words:?} not printed",
                            prose.key
                        );
                        phrasings += 1;
                    }
                }
            }
        }
        assert!(
            phrasings > 500,
            "{board}: only {phrasings} phrasings checked"
        );
    }
}

#[test]
fn regexes_print_as_their_wordings_or_not_at_all() {
    let bank = shipped_bank();
    let paper = whole_bank_paper(&bank, Board::Aqa);
    let flat = squash(&text(&examkit::pdf::mark_scheme(&paper).unwrap()));
    // `\bpowers (was |had been )?(shot|captured|…)` and `\bicbms?\b` in the arms-race schemes.
    assert!(flat.contains("powers (was or had been) shot, captured, arrested"));
    assert!(flat.contains("ICBMs"));
    assert!(
        !flat.contains("a set wording"),
        "a regex is no longer waved at"
    );
    // `warsaw[a-z ]{0,25}1949`: any few words between are a gap.
    assert!(flat.contains("Do not accept: warsaw \u{2026} 1949"));
}

fn generate(dir: &std::path::Path, board: Board, seed: u64) -> Vec<u8> {
    Command::cargo_bin("examkit")
        .unwrap()
        .current_dir(root())
        .arg("generate")
        .arg("--blueprint")
        .arg(root().join(format!("examples/papers/{}-cold-war.yaml", board.key())))
        .args(["--seed", &seed.to_string(), "--no-cache", "--out"])
        .arg(dir.join(format!("{}.pdf", board.key())))
        .assert()
        .success();
    std::fs::read(dir.join(format!("{}-mark-scheme.pdf", board.key()))).unwrap()
}

/// The body lines of each page: the footer (`Mark scheme · id`, `Page N of M`) left out.
fn page_bodies(pdf: &[u8]) -> Vec<Vec<String>> {
    (1..=pages(pdf))
        .map(|p| {
            let n = p.to_string();
            poppler("pdftotext", &["-layout", "-f", &n, "-l", &n], pdf)
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with("Mark scheme ·"))
                .filter(|l| !l.contains("Page ") || !l.contains(" of "))
                .map(str::to_string)
                .collect()
        })
        .collect()
}

#[test]
fn generated_schemes_keep_points_whole_and_the_total_with_the_last_question() {
    let dir = tempfile::tempdir().unwrap();
    for board in Board::ALL {
        for seed in [1, 7] {
            let pdf = generate(dir.path(), board, seed);
            let bodies = page_bodies(&pdf);
            for (i, body) in bodies.iter().enumerate().skip(1) {
                let first = body.first().map(String::as_str).unwrap_or("");
                for stray in [
                    "Accept:",
                    "Do not accept:",
                    "Development",
                    "1 further mark",
                    "Counts as developed",
                ] {
                    assert!(
                        !first.starts_with(stray),
                        "{board} seed {seed}: page {} opens with {first:?}",
                        i + 1
                    );
                }
            }
            let last = bodies.last().unwrap();
            assert!(
                last.len() > 1,
                "{board} seed {seed}: the last page holds only {last:?}"
            );
            assert!(last.last().unwrap().starts_with("Total for paper"));
        }
    }
}

#[test]
fn aqa_scheme_gives_spag_descriptors_and_no_development_marks_under_levels() {
    let dir = tempfile::tempdir().unwrap();
    let flat = squash(&text(&generate(dir.path(), Board::Aqa, 7)));
    for band in [
        "Spelling, punctuation and grammar (SPaG)",
        "High performance (4 marks)",
        "Intermediate performance (2–3 marks)",
        "Threshold performance (1 mark)",
        "No marks (0 marks)",
    ] {
        assert!(flat.contains(band), "AQA scheme lacks {band:?}");
    }
    // Seed 7 sets only levels-marked questions: development earns no marks of its own.
    assert!(!flat.contains("further mark for developing it"));
    assert!(!flat.contains("+1"));
}
