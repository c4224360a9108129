//! Question papers and mark schemes read back from the PDF, per board: page count,
//! notation, numbering, every question's text, totals, non-ASCII names, embedded subset
//! fonts, byte-identical output and size.

mod common;

use common::{pages, paper, poppler, squash, text};
use examkit::model::Board;

fn render(board: Board, seed: u64) -> (Vec<u8>, Vec<u8>) {
    let p = paper(board, seed);
    let qp = examkit::pdf::question_paper(&p).unwrap();
    let ms = examkit::pdf::mark_scheme(&p).unwrap();
    let dir = common::root().join("target/pdf-preview");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{}-paper.pdf", board.key())), &qp).unwrap();
    std::fs::write(dir.join(format!("{}-scheme.pdf", board.key())), &ms).unwrap();
    (qp, ms)
}

fn every_question_is_printed(board: Board, txt: &str) {
    let p = paper(board, 0);
    let flat = squash(txt);
    for q in p.questions() {
        let words: Vec<&str> = q.question.text.split_whitespace().collect();
        let opening = words[..words.len().min(8)].join(" ");
        assert!(flat.contains(&opening), "{board}: missing {opening:?}");
        for part in &q.question.parts {
            assert!(
                flat.contains(&squash(&part.text)),
                "{board}: missing part {}",
                part.label
            );
        }
    }
}

#[test]
fn aqa_paper_reads_back_in_house_style() {
    let (qp, _) = render(Board::Aqa, 0);
    let n = pages(&qp);
    assert_eq!(n % 4, 0, "AQA paper has {n} pages");
    let txt = text(&qp);
    for expected in [
        "For Examiner’s Use",
        "Centre number",
        "Candidate number",
        "Surname",
        "Forename(s)",
        "Candidate signature",
        "Time allowed: 1 hour",
        "[4 marks]",
        "[8 marks]",
        "[16 marks]",
        "[plus 4 marks for spelling, punctuation and grammar]",
        "04.1",
        "04.3",
        "END OF QUESTIONS",
        "Turn over",
        "The maximum mark for this paper is 53.",
    ] {
        assert!(txt.contains(expected), "AQA paper lacks {expected:?}");
    }
    assert!(txt.contains("01"), "question number box");
    every_question_is_printed(Board::Aqa, &txt);
}

#[test]
fn edexcel_paper_reads_back_in_house_style() {
    let (qp, _) = render(Board::Edexcel, 0);
    assert_eq!(pages(&qp) % 4, 0);
    let txt = text(&qp);
    for expected in [
        "Pearson Edexcel Level 1/Level 2 GCSE (9–1) History",
        "Candidate surname",
        "Other names",
        "Total Marks",
        "You must have: a black pen.",
        "Paper reference",
        "1HI0/P4",
        "(Total for Question 1 = 4 marks)",
        "(Total for Question 3 = 20 marks)",
        "(8)",
        "(a)",
        "TOTAL FOR PAPER = 53 MARKS",
    ] {
        assert!(txt.contains(expected), "Edexcel paper lacks {expected:?}");
    }
    every_question_is_printed(Board::Edexcel, &txt);
}

#[test]
fn cambridge_paper_reads_back_in_house_style() {
    let (qp, _) = render(Board::Cie, 0);
    let n = pages(&qp);
    assert_eq!(n % 4, 0);
    let txt = text(&qp);
    for expected in [
        "READ THESE INSTRUCTIONS FIRST",
        "0470/12",
        "The number of marks for each question or part question is given in brackets [ ]",
        "[4]",
        "[10]",
        "(a)",
        "(c)",
        "[Turn over",
        "BLANK PAGE",
    ] {
        assert!(txt.contains(expected), "Cambridge paper lacks {expected:?}");
    }
    assert!(
        txt.contains(&format!("This document has {n} pages.")),
        "page statement must match the {n} pages"
    );
    every_question_is_printed(Board::Cie, &txt);
    // The paper code is in the foot of inner pages.
    let inner = poppler("pdftotext", &["-f", "2", "-l", "2", "-layout"], &qp);
    assert!(inner.contains("0470/12"));
}

#[test]
fn names_quotes_and_dashes_copy_out_intact() {
    for board in Board::ALL {
        let (qp, ms) = render(board, 0);
        // Sources may be printed in an insert (AQA's practice): read both.
        let insert = examkit::pdf::insert(&paper(board, 0)).unwrap();
        let flat = squash(&(text(&qp) + &insert.map(|i| text(&i)).unwrap_or_default()));
        for name in [
            "Mátyás Rákosi",
            "Władysław Gomułka",
            "Alexander Dubček",
            "Čierna nad Tisou",
        ] {
            assert!(flat.contains(name), "{board}: {name} did not round-trip");
        }
        assert!(flat.contains("“The main reason"), "{board}: curly quotes");
        assert!(flat.contains("20–21 August"), "{board}: en dash");
        let scheme = squash(&text(&ms));
        assert!(
            scheme.contains("Władysław Gomułka"),
            "{board}: scheme names"
        );
        assert!(scheme.contains("•"), "{board}: bullets");
    }
}

#[test]
fn fonts_are_embedded_and_subsetted() {
    let (qp, ms) = render(Board::Aqa, 0);
    for pdf in [&qp, &ms] {
        let fonts = poppler("pdffonts", &[], pdf);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "no fonts listed:\n{fonts}");
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            assert!(cols[0].contains('+'), "not subsetted: {row}");
            assert!(row.contains("DejaVuSans"), "unexpected font: {row}");
            // emb, sub, uni columns
            let n = cols.len();
            assert_eq!(&cols[n - 5..n - 2], ["yes", "yes", "yes"], "{row}");
        }
    }
}

#[test]
fn same_paper_gives_identical_bytes_and_different_papers_differ() {
    let p = paper(Board::Edexcel, 3);
    let a = examkit::pdf::question_paper(&p).unwrap();
    let b = examkit::pdf::question_paper(&p).unwrap();
    assert_eq!(a, b, "question paper not byte-identical");
    let a = examkit::pdf::mark_scheme(&p).unwrap();
    let b = examkit::pdf::mark_scheme(&p).unwrap();
    assert_eq!(a, b, "mark scheme not byte-identical");
    let other = examkit::pdf::question_paper(&paper(Board::Edexcel, 4)).unwrap();
    assert_ne!(examkit::pdf::question_paper(&p).unwrap(), other);
    let info = poppler("pdfinfo", &[], &other);
    assert!(
        info.contains("2026"),
        "fixed creation date expected:\n{info}"
    );
}

#[test]
fn papers_stay_small() {
    for board in Board::ALL {
        let (qp, ms) = render(board, 0);
        let n = pages(&qp);
        assert!(
            qp.len() < 300 * 1024 * n / 16 + 60 * 1024,
            "{board}: {} bytes for {n} pages",
            qp.len()
        );
        assert!(ms.len() < 200 * 1024, "{board} scheme: {} bytes", ms.len());
    }
}

#[test]
fn mark_scheme_lists_answers_points_and_levels() {
    for board in Board::ALL {
        let (_, ms) = render(board, 0);
        let txt = squash(&text(&ms));
        let (two, level, choice) = match board {
            Board::Aqa => (
                "(2 marks)",
                "Level 4 (7–8 marks)",
                "B (1 mark; no other option earns it)",
            ),
            Board::Edexcel => ("(2)", "Level 4 (7–8 marks)", "B (1)"),
            Board::Cie => ("[2]", "Level 4 [7–8]", "B [1]"),
        };
        for expected in [
            "Mark scheme",
            "Model answer",
            &format!("Decisions were made in Moscow {two}"),
            "Accept: decisions came or made Moscow; the USSR (or Soviet Union) controlled Hungary",
            level,
            "A complex narrative that analyses causation",
            "Credit reference to the ÁVH",
            choice,
            "Page 1 of",
        ] {
            assert!(txt.contains(expected), "{board} scheme lacks {expected:?}");
        }
    }
    let aqa = squash(&text(&render(Board::Aqa, 0).1));
    assert!(aqa.contains("Question 04") && aqa.contains("04.2"));
    let cie = squash(&text(&render(Board::Cie, 0).1));
    assert!(cie.contains("4(b)") && cie.contains("[6]"));
}

/// `paper_set`, which `generate` uses, shares cut-down faces between a paper's documents:
/// each reads back exactly as the document made alone does, with the names that need
/// more than ASCII, and embeds subsetted DejaVu Sans.
#[test]
fn a_paper_set_reads_back_as_its_documents_made_alone() {
    for board in Board::ALL {
        let p = paper(board, 0);
        let set = examkit::pdf::paper_set(&p, "0123abcd").unwrap();
        let alone = [
            Some(examkit::pdf::question_paper(&p).unwrap()),
            examkit::pdf::insert(&p).unwrap(),
            Some(examkit::pdf::mark_scheme(&p).unwrap()),
        ];
        let together = [Some(set.paper), set.insert, Some(set.scheme)];
        for (one, shared) in alone.iter().zip(&together) {
            let (Some(one), Some(shared)) = (one, shared) else {
                assert_eq!(
                    one.is_some(),
                    shared.is_some(),
                    "{board}: insert made by one only"
                );
                continue;
            };
            assert_eq!(text(shared), text(one), "{board}");
            assert_eq!(pages(shared), pages(one), "{board}");
            let info = poppler("pdfinfo", &[], shared);
            assert!(info.contains("examkit-set:0123abcd"), "{board}: {info}");
            let fonts = poppler("pdffonts", &[], shared);
            for row in fonts.lines().skip(2) {
                assert!(row.contains("+DejaVuSans"), "{board}: {row}");
                assert!(row.contains("yes yes yes"), "{board}: {row}");
            }
        }
        let flat = squash(
            &together
                .iter()
                .flatten()
                .map(|pdf| text(pdf))
                .collect::<String>(),
        );
        assert!(flat.contains("Władysław Gomułka"), "{board}");
    }
}
