//! Unit tests of the mechanisms about words: a real word is not a misspelling, word
//! families, terms in order.

use super::tests::{marker, one};

#[test]
fn a_real_word_is_not_a_misspelling_of_another() {
    for (scheme, answer) in [
        ("elongation", "it moves along the strand"),
        ("binds", "the enzyme finds the substrate"),
        ("pumps", "there are bumps on the membrane"),
        ("pore", "the poles of the cell"),
        ("carrier", "the protein carried it"),
        ("path", "a pat on the back"),
        ("effect", "it did affect them"),
    ] {
        let m = one(&format!("\"{scheme}\""));
        assert_eq!(m.mark(answer).awarded, 0, "{scheme} / {answer}");
    }
}

#[test]
fn misspellings_that_are_no_word_still_match() {
    for (scheme, answer) in [
        ("elongation", "elongaton of the chain"),
        ("carrier", "a carier protein"),
        ("separated", "they are seperated"),
        ("Khrushchev", "Kruschev spoke"),
        ("weakened", "it weakend him"),
    ] {
        let m = one(&format!("\"{scheme}\""));
        assert_eq!(m.mark(answer).awarded, 1, "{scheme} / {answer}");
    }
}

#[test]
fn the_banks_own_words_are_spelt_right() {
    // "Gomulka" is no English word, but the scheme knows it, so it is not taken for a
    // misspelling of "Gomulki" (a word two edits away would be; one edit is the test).
    let yaml = "question: q\nmax: 1\nmodel_answer: Gomulka returned.\nrules:\n  points:\n    \
                points:\n      - id: p\n        label: the point\n        accept: [Gomulki]\n";
    let m = marker(yaml, "Describe events in Poland.");
    assert_eq!(m.mark("Gomulka").awarded, 0);
    assert_eq!(m.mark("Gomulkj").awarded, 1);
}
