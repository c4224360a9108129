//! What a match may prove: one word is evidence for one point, and a point that needs
//! describing needs more than its name.
//!
//! A keyword scheme lists short phrasings, and one-word phrasings are common ("Beria",
//! "lied"). Taken alone they over-credit in two ways a teacher would not: the same word
//! earns two points ("the pilot lied" as both "the USA is two-faced" and "the USA claimed it
//! was a weather plane"); and a list of terms ("osmosis, diffusion, active transport") is
//! taken for describing them. These checks run on a point's hits after matching, so the
//! phrasings stay as the scheme author wrote them.

use super::develop::{is_content, is_list, is_real_sentence};
use super::matcher::{Hit, Index};
use crate::text::words;

/// Content words a sentence must say beside a point's own words to describe it ("Beria,
/// Molotov" names; "Beria was arrested" says something).
pub const DESCRIPTION_WORDS: usize = 2;

/// Why a point that matched was not credited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Withheld {
    /// Its only words are already evidence for another point (the index of that point).
    Taken(usize),
    /// The point needs describing and the answer only names it.
    NotDescribed,
}

/// The words of `h` that a point credited by it takes for its own: the first and the
/// last, which are always words of the phrasing (the words between may only be the gap
/// a phrase allows, and belong to no point: "Europe could buy American goods which
/// helped" makes "help Europe" with its ends, leaving "buy American goods" to another).
pub fn taken_words(h: &Hit, point: usize, used: &mut Vec<(u32, usize)>) {
    used.push((h.start, point));
    if h.end > h.start + 1 {
        used.push((h.end - 1, point));
    }
}

/// The point that already took every content word of `h` (the first such, in text order),
/// if one did: then `h` has no word of its own to offer.
pub fn is_taken(h: &Hit, ix: &Index, used: &[(u32, usize)]) -> Option<usize> {
    let mut by = None;
    for t in h.start..h.end {
        if words::is_stop_word(ix.analysis.word(t as usize)) {
            continue;
        }
        let owner = used.iter().find(|u| u.0 == t)?;
        by.get_or_insert(owner.1);
    }
    by
}

/// Whether the answer says something about the point at `h`, not only names it: the hit
/// is in a real sentence that is not a list of terms, with at least
/// [`DESCRIPTION_WORDS`] content words of its own besides the point's words and the
/// question's.
pub fn is_described(h: &Hit, ix: &Index) -> bool {
    let a = ix.analysis;
    let Some(range) = a.sentences.get(h.sentence as usize) else {
        return false;
    };
    if !is_real_sentence(a, range.clone()) || is_list(a, range.clone()) {
        return false;
    }
    let own = range
        .clone()
        .filter(|&t| {
            (t < h.start as usize || t >= h.end as usize)
                && is_content(a, t)
                && !ix.is_question_word(t)
        })
        .count();
    own >= DESCRIPTION_WORDS
}

#[cfg(test)]
mod tests {
    use crate::marking::{Marker, PointStatus};
    use crate::model::Scheme;

    fn marker(points: &str, question: &str) -> Marker {
        let yaml = format!(
            "question: q\nmax: 4\nmodel_answer: x\nrules:\n  points:\n    points:\n{points}"
        );
        let scheme: Scheme = serde_yaml::from_str(&yaml).unwrap();
        Marker::new(&scheme, question, None).unwrap()
    }

    fn statuses(m: &Marker, answer: &str) -> Vec<PointStatus> {
        m.mark(answer).points.iter().map(|p| p.status).collect()
    }

    const LIED_TWICE: &str = "      - { id: two-faced, label: the USA is two-faced, accept: [\"lied|hypocrisy\"] }\n      - { id: cover, label: the USA claimed it was a weather plane, accept: [\"weather plane\", lied] }\n";

    #[test]
    fn one_word_evidences_one_point() {
        let m = marker(LIED_TWICE, "How do you know the source is critical?");
        let r = m.mark("The source is critical because the pilot lied.");
        assert_eq!(r.awarded, 1);
        assert_eq!(r.points[0].status, PointStatus::Credited);
        assert_eq!(r.points[1].status, PointStatus::Missed);
        assert!(
            r.points[1].reason.contains("already your evidence for")
                && r.points[1].reason.contains("the USA is two-faced"),
            "{}",
            r.points[1].reason
        );
        // Each point with words of its own: both.
        assert_eq!(
            m.mark("It shows hypocrisy. They lied that it was a weather plane.")
                .awarded,
            2
        );
    }

    #[test]
    fn the_most_constrained_point_gets_the_shared_word() {
        // "lied" is the cover point's only evidence; the other point has "hypocrisy" too.
        let m = marker(LIED_TWICE, "How do you know the source is critical?");
        assert_eq!(
            statuses(&m, "They lied. Such hypocrisy."),
            [PointStatus::Credited, PointStatus::Credited]
        );
        let m = marker(
            "      - { id: help, label: to help Europe, accept: [\"help Europe\"] }\n      - { id: trade, label: markets for US goods, accept: [\"American goods\"] }\n",
            "Why did the USA offer Marshall Aid?",
        );
        // "help … Europe" spans "buy American goods", but only its own ends are its words.
        assert_eq!(
            m.mark("So Europe could buy American goods which helped the US economy.")
                .awarded,
            2
        );
    }

    #[test]
    fn a_scheme_can_let_a_point_share_words() {
        let shared = LIED_TWICE.replace(
            "accept: [\"weather plane\", lied] }",
            "accept: [\"weather plane\", lied], shares_words: true }",
        );
        let m = marker(&shared, "How do you know the source is critical?");
        assert_eq!(m.mark("the pilot lied").awarded, 2);
    }

    #[test]
    fn a_point_that_needs_describing_is_not_made_by_its_name() {
        let m = marker(
            "      - { id: beria, label: Beria was arrested and shot, accept: [Beria], describe: true }\n      - { id: molotov, label: Molotov was sacked, accept: [Molotov] }\n",
            "Write an account of the power struggle after Stalin's death.",
        );
        let r = m.mark("rivals Molotov Malenkov Beria secret police Gulag 1956");
        assert_eq!(r.points[0].status, PointStatus::Missed);
        assert!(
            r.points[0].reason.contains("not described"),
            "{}",
            r.points[0].reason
        );
        // A name alone still makes a point that does not ask for a description.
        assert_eq!(r.points[1].status, PointStatus::Credited);
        assert_eq!(
            statuses(
                &m,
                "Beria, the head of the secret police, was arrested and shot."
            )[0],
            PointStatus::Credited
        );
        // A sentence that lists names describes none of them.
        assert_eq!(
            statuses(
                &m,
                "The rivals were Molotov, Malenkov, Beria and Kaganovich."
            )[0],
            PointStatus::Missed
        );
    }
}
