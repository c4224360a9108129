//! Finding where compiled patterns occur in an answer.
//!
//! An answer's tokens are looked up in the marker's vocabulary once ([`Index::new`]),
//! giving a sorted posting list from word id to token positions. A phrase then only asks
//! "where does each of my words occur?" and searches the few candidate positions for a
//! placement inside one sentence that respects the gap and order rules.

use super::compile::{Compiled, Echo, FuzzyEntry, Key, Phrase, Vocab, WordRef, letter_mask};
use crate::text::{Analysis, words};
use std::collections::HashSet;

const NONE: u32 = u32::MAX;

/// Most hits kept per pattern: a point is credited once, so the first few suffice.
const MAX_HITS: usize = 32;

/// Most search steps spent on one phrase, so adversarial input (the same words a million
/// times in one sentence) cannot make marking hang.
const MAX_STEPS: usize = 200_000;

/// Content words of its own a sentence needs for a match on the question's stated factor
/// to discuss it rather than restate it.
const RESTATES_BELOW: usize = 2;

/// Negators reach this many tokens forward ("it was never about the secret police").
const NEGATION_REACH: usize = 5;

/// Where a pattern matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hit {
    /// Sentence index.
    pub sentence: u32,
    /// First token matched.
    pub start: u32,
    /// One past the last token matched.
    pub end: u32,
    /// Stated as not happening.
    pub negated: bool,
    /// Only repeats the question.
    pub echo: bool,
}

impl Hit {
    /// Counts as evidence for a point: neither negated nor an echo of the question.
    pub fn positive(&self) -> bool {
        !self.negated && !self.echo
    }
}

/// An answer's tokens looked up in a marker's vocabulary.
pub struct Index<'a> {
    /// The analysed answer.
    pub analysis: &'a Analysis,
    /// The question's content stems.
    question: &'a HashSet<String>,
    /// Stems of the factor the question names for discussion (empty for most questions).
    factor: Option<&'a HashSet<String>>,
    stem_ids: Vec<u32>,
    surface_ids: Vec<u32>,
    /// `content[t]`: how many content (non-stop) words come before token `t`. Gaps are
    /// counted in content words, since stop words are optional everywhere else too.
    content: Vec<u32>,
    /// `(class << 32 | id, token)`, sorted. Classes: 0 stem, 1 fuzzy stem, 2 surface,
    /// 3 fuzzy surface.
    postings: Vec<(u64, u32)>,
}

fn class_key(class: u64, id: u32) -> u64 {
    class << 32 | id as u64
}

impl<'a> Index<'a> {
    /// Look every token of `analysis` up in `vocab`.
    pub fn new(analysis: &'a Analysis, vocab: &Vocab, question: &'a HashSet<String>) -> Self {
        let n = analysis.tokens.len();
        let mut stem_ids = Vec::with_capacity(n);
        let mut surface_ids = Vec::new();
        let mut postings = Vec::with_capacity(n);
        let surfaces = !vocab.surfaces.is_empty();
        let mut content = Vec::with_capacity(n + 1);
        let mut seen = 0u32;
        for (i, token) in analysis.tokens.iter().enumerate() {
            content.push(seen);
            let stem = analysis.stem(i);
            let id = vocab.stems.get(stem).copied().unwrap_or(NONE);
            stem_ids.push(id);
            let word = analysis.word(i);
            let stop = words::is_stop_word(word);
            seen += u32::from(!stop);
            let fuzzy_ok = !token.number && word.len() >= 3 && !stop;
            // Whether the word is spelt right is only asked of the few words that come
            // within a misspelling of a scheme word.
            let before_fuzzy = postings.len();
            if id != NONE {
                postings.push((class_key(0, id), i as u32));
            } else if fuzzy_ok {
                fuzzy(stem, word, &vocab.fuzzy_stems, |fid| {
                    postings.push((class_key(1, fid), i as u32))
                });
            }
            let mut near_miss = id == NONE && postings.len() > before_fuzzy;
            if surfaces {
                let sid = vocab.surfaces.get(word).copied().unwrap_or(NONE);
                surface_ids.push(sid);
                if sid != NONE {
                    postings.push((class_key(2, sid), i as u32));
                } else if fuzzy_ok {
                    let at = postings.len();
                    fuzzy(word, word, &vocab.fuzzy_surfaces, |fid| {
                        postings.push((class_key(3, fid), i as u32))
                    });
                    near_miss |= postings.len() > at;
                }
            }
            if near_miss && vocab.is_spelt_right(word) {
                // A real word is what the student meant, not a misspelling of another:
                // keep only its exact matches.
                let mut keep = before_fuzzy;
                for j in before_fuzzy..postings.len() {
                    if matches!(postings[j].0 >> 32, 0 | 2) {
                        postings[keep] = postings[j];
                        keep += 1;
                    }
                }
                postings.truncate(keep);
            }
        }
        content.push(seen);
        postings.sort_unstable();
        Index {
            analysis,
            question,
            factor: None,
            stem_ids,
            surface_ids,
            content,
            postings,
        }
    }

    /// Know the factor the question sets for discussion (stems): its words are not echo,
    /// but a match made only of them and the question's words counts as the student's
    /// own only in a sentence that says something more ("the USA got involved in Korea to
    /// contain communism" restates the statement; "they feared communism would spread to
    /// Japan" discusses it).
    pub fn with_factor(mut self, factor: &'a HashSet<String>) -> Self {
        self.factor = (!factor.is_empty()).then_some(factor);
        self
    }

    /// Whether the match `start..end` in `sentence` only restates the question's factor:
    /// all its content words are the question's or the factor's, and its sentence has
    /// fewer than [`RESTATES_BELOW`] content words of neither.
    fn restates_factor(&self, start: usize, end: usize, sentence: usize) -> bool {
        let Some(factor) = self.factor else {
            return false;
        };
        let a = self.analysis;
        let stated = |t: usize| self.question.contains(a.stem(t)) || factor.contains(a.stem(t));
        let content = |t: &usize| !words::is_stop_word(a.word(*t));
        if !(start..end).filter(content).all(stated) {
            return false;
        }
        let Some(range) = a.sentences.get(sentence) else {
            return false;
        };
        range
            .clone()
            .filter(content)
            .filter(|&t| !stated(t))
            .count()
            < RESTATES_BELOW
    }

    fn posting(&self, key: u64) -> &[(u64, u32)] {
        let lo = self.postings.partition_point(|p| p.0 < key);
        let hi = lo + self.postings[lo..].partition_point(|p| p.0 == key);
        &self.postings[lo..hi]
    }

    fn has_posting(&self, key: u64, token: u32) -> bool {
        self.postings.binary_search(&(key, token)).is_ok()
    }

    /// Whether token `t` is word `w`.
    fn is(&self, w: WordRef, t: usize) -> bool {
        if w.caps && !self.analysis.tokens[t].caps {
            return false;
        }
        let (fuzzy_class, ids) = match w.key {
            Key::Stem => (1, &self.stem_ids),
            Key::Surface => (3, &self.surface_ids),
        };
        ids.get(t) == Some(&w.id)
            || (w.fuzzy && self.has_posting(class_key(fuzzy_class, w.id), t as u32))
    }

    /// Token positions where word `w` occurs, in order.
    fn positions(&self, w: WordRef, out: &mut Vec<u32>) {
        let (exact, fuzzy_class) = match w.key {
            Key::Stem => (0, 1),
            Key::Surface => (2, 3),
        };
        let start = out.len();
        out.extend(self.posting(class_key(exact, w.id)).iter().map(|p| p.1));
        if w.fuzzy {
            out.extend(
                self.posting(class_key(fuzzy_class, w.id))
                    .iter()
                    .map(|p| p.1),
            );
        }
        if w.caps {
            let tokens = &self.analysis.tokens;
            let mut k = start;
            for j in start..out.len() {
                if tokens[out[j] as usize].caps {
                    out[k] = out[j];
                    k += 1;
                }
            }
            out.truncate(k);
        }
    }

    /// Whether a negator in the same clause governs token `start`: one of the few tokens
    /// before it, with no clause boundary (punctuation, "but", "because"…) in between.
    pub fn negated_before(&self, start: usize) -> bool {
        self.governing_negator(start).is_some()
    }

    /// The negator that governs token `start`, if any (see [`Index::negated_before`]).
    fn governing_negator(&self, start: usize) -> Option<usize> {
        let a = self.analysis;
        let sentence = a.tokens[start].sentence;
        let mut t = start;
        for _ in 0..NEGATION_REACH {
            if a.tokens[t].clause_break || t == 0 {
                return None;
            }
            t -= 1;
            if a.tokens[t].sentence != sentence {
                return None;
            }
            let w = a.word(t);
            if words::is_negator(w) && !cancelled(a, t) {
                return Some(t);
            }
            if words::is_clause_boundary(w) || opens_run_on_clause(a, t, start) {
                return None;
            }
        }
        None
    }

    /// Whether token `t` is a word of the question.
    pub fn is_question_word(&self, t: usize) -> bool {
        self.question.contains(self.analysis.stem(t))
    }

    /// Whether every content token in `start..end` is a word of the question.
    fn all_question_words(&self, start: usize, end: usize) -> bool {
        let mut any = false;
        for t in start..end {
            if words::is_stop_word(self.analysis.word(t)) {
                continue;
            }
            any = true;
            if !self.is_question_word(t) {
                return false;
            }
        }
        any
    }
}

/// Whether a new clause starts at token `t` with no word to mark it: a subject pronoun and
/// its verb ("there is not a gap they are connected"), as students write run-on sentences.
/// A negator before such a clause belongs to the clause before. The verb must come before
/// `limit` (the word being tested), so "not they" alone ends nothing.
fn opens_run_on_clause(a: &Analysis, t: usize, limit: usize) -> bool {
    t + 1 < limit && words::is_subject_pronoun(a.word(t)) && words::is_finite_verb(a.word(t + 1))
}

fn cancelled(a: &Analysis, t: usize) -> bool {
    t + 1 < a.tokens.len() && words::cancels_negation(a.word(t + 1))
}

/// Call `found` with the id of every entry within its edit allowance of the answer word
/// (its stem, or as written, as the entry asks).
fn fuzzy(stem: &str, written: &str, entries: &[FuzzyEntry], mut found: impl FnMut(u32)) {
    if !written.bytes().all(|b| b.is_ascii_lowercase()) || written.len() > 40 {
        return;
    }
    let stem_mask = letter_mask(stem);
    let written_mask = letter_mask(written);
    let mut last = u32::MAX;
    for e in entries {
        let (word, mask) = if e.on_surface {
            (written, written_mask)
        } else {
            (stem, stem_mask)
        };
        if e.id == last {
            continue;
        }
        let k = e.edits as usize;
        if word.len().abs_diff(e.text.len()) > k || (mask ^ e.mask).count_ones() as usize > 2 * k {
            continue;
        }
        // A four-letter word's one edit never changes its first letter (see `edits_for`).
        if (e.text.len() > 4 || word.as_bytes().first() == e.text.as_bytes().first())
            && strsim::damerau_levenshtein(word, &e.text) <= k
            && !differ_by_prefix(word, &e.text)
        {
            found(e.id);
            last = e.id;
        }
    }
}

/// Prefixes that turn a word into its opposite. A misspelling never adds a whole one, so a
/// word that is another plus one of these is a different word, however few letters apart:
/// "incomplete" must not match "complete", nor "insoluble" "soluble".
const NEGATING_PREFIXES: &[&str] = &["dis", "il", "im", "in", "ir", "mis", "non", "un"];

/// Whether one word is the other with a negating prefix in front.
fn differ_by_prefix(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    NEGATING_PREFIXES
        .iter()
        .any(|p| long.strip_prefix(p) == Some(short))
}

/// Every place `pattern` matches in the answer (the first [`MAX_HITS`]), in text order.
pub fn hits(pattern: &Compiled, ix: &Index, out: &mut Vec<Hit>) {
    hits_placed(pattern, ix, Placement::First, out);
}

/// As [`hits`], also finding each phrase's tightest placement: for a point's supporting
/// detail, which must lie outside the words that make the point, and so must not be
/// placed on a word it shares with them ("Korea stayed divided … still divided today").
pub fn detail_hits(pattern: &Compiled, ix: &Index, out: &mut Vec<Hit>) {
    hits_placed(pattern, ix, Placement::FirstAndTightest, out);
}

/// Which placements of a phrase's words around each occurrence of its rarest word are
/// reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Placement {
    /// Each word's earliest occurrence in reach; the tightest only when that one is
    /// negated and the tightest is not.
    First,
    /// The earliest and the tightest, both.
    FirstAndTightest,
}

fn hits_placed(pattern: &Compiled, ix: &Index, placement: Placement, out: &mut Vec<Hit>) {
    let start = out.len();
    match pattern {
        Compiled::Phrase(p) => phrase_hits(p, ix, placement, out),
        Compiled::Regex(re) => regex_hits(re, ix, out),
        Compiled::Any(parts) => {
            for p in parts {
                hits_placed(p, ix, placement, out);
            }
        }
        Compiled::All { parts, window } => all_hits(parts, *window, ix, placement, out),
        Compiled::Never => {}
    }
    out[start..].sort_unstable();
    dedup_from(out, start);
    out.truncate(start + MAX_HITS);
}

/// Whether the negator before `h` belongs to another part of the same `all` that says "not"
/// itself and matched: in `all: ["not connected", positive]`, the "not" of "1 is not
/// connected to the positive terminal" is that part's own word, not a denial of "positive".
fn negator_is_a_parts_own(h: &Hit, parts: &[Hit], ix: &Index) -> bool {
    let a = ix.analysis;
    parts.iter().any(|g| {
        !g.negated
            && g.end <= h.start
            && (g.start..g.end).any(|t| words::is_negator(a.word(t as usize)))
    })
}

fn dedup_from(out: &mut Vec<Hit>, start: usize) {
    let mut keep = start;
    for i in start..out.len() {
        if keep == start || (out[keep - 1].start, out[keep - 1].end) != (out[i].start, out[i].end) {
            out[keep] = out[i];
            keep += 1;
        }
    }
    out.truncate(keep);
}

fn all_hits(
    parts: &[Compiled],
    window: Option<u32>,
    ix: &Index,
    placement: Placement,
    out: &mut Vec<Hit>,
) {
    let mut each: Vec<Vec<Hit>> = Vec::with_capacity(parts.len());
    for p in parts {
        let mut v = Vec::new();
        hits_placed(p, ix, placement, &mut v);
        if v.is_empty() {
            return;
        }
        each.push(v);
    }
    let Some((first, rest)) = each.split_first() else {
        return;
    };
    for h0 in first {
        let mut combined = *h0;
        let mut chosen = vec![*h0];
        let mut ok = true;
        for hs in rest {
            let pick = match window {
                None => hs
                    .iter()
                    .filter(|h| h.sentence == h0.sentence)
                    .min_by_key(|h| (!h.positive(), h.start.abs_diff(h0.start))),
                Some(_) => hs
                    .iter()
                    .min_by_key(|h| (h.start.abs_diff(h0.start), !h.positive())),
            };
            let Some(h) = pick else {
                ok = false;
                break;
            };
            combined.start = combined.start.min(h.start);
            combined.end = combined.end.max(h.end);
            combined.sentence = combined.sentence.min(h.sentence);
            combined.echo &= h.echo;
            chosen.push(*h);
        }
        if !ok {
            continue;
        }
        combined.negated = chosen
            .iter()
            .any(|h| h.negated && !negator_is_a_parts_own(h, &chosen, ix));
        if let Some(w) = window {
            // Words between the parts: the span less the parts' own words.
            let width: u32 = combined.end - combined.start;
            let own: u32 = parts.len() as u32;
            if width.saturating_sub(own) > w {
                continue;
            }
        }
        out.push(combined);
        if out.len() >= MAX_HITS {
            return;
        }
    }
}

fn regex_hits(re: &regex::Regex, ix: &Index, out: &mut Vec<Hit>) {
    let a = ix.analysis;
    for (s, range) in a.sentences.iter().enumerate() {
        let lo = a.norm_range(range.start).start;
        let hi = a.norm_range(range.end - 1).end;
        let text = &a.norm[lo..hi];
        for m in re.find_iter(text).take(MAX_HITS) {
            let (ms, me) = (lo + m.start(), lo + m.end());
            let mut first = None;
            let mut last = 0;
            for t in range.clone() {
                let r = a.norm_range(t);
                if r.start < me.max(ms + 1) && r.end > ms {
                    first.get_or_insert(t);
                    last = t;
                }
            }
            let Some(first) = first else { continue };
            let negative = (first..=last).any(|t| words::is_negator(a.word(t)));
            out.push(Hit {
                sentence: s as u32,
                start: first as u32,
                end: last as u32 + 1,
                negated: !negative && ix.negated_before(first),
                echo: ix.all_question_words(first, last + 1)
                    || ix.restates_factor(first, last + 1, s),
            });
            if out.len() >= MAX_HITS {
                return;
            }
        }
    }
}

/// Candidate spans `(start, end)` for each slot.
fn candidates(p: &Phrase, ix: &Index) -> Option<Vec<Vec<(u32, u32)>>> {
    // Most phrases are absent from most answers: find out without allocating.
    let present = |w: WordRef| {
        let (exact, fuzzy) = match w.key {
            Key::Stem => (0, 1),
            Key::Surface => (2, 3),
        };
        !ix.posting(class_key(exact, w.id)).is_empty()
            || (w.fuzzy && !ix.posting(class_key(fuzzy, w.id)).is_empty())
    };
    if !p.slots.iter().all(|s| {
        s.alts
            .iter()
            .any(|a| a.words.first().is_some_and(|&w| present(w)))
    }) {
        return None;
    }
    let tokens = &ix.analysis.tokens;
    let mut all = Vec::with_capacity(p.slots.len());
    let mut positions = Vec::new();
    for slot in &p.slots {
        let mut spans: Vec<(u32, u32)> = Vec::new();
        for alt in &slot.alts {
            let Some((&first, rest)) = alt.words.split_first() else {
                continue;
            };
            positions.clear();
            ix.positions(first, &mut positions);
            if alt.denied_opposite {
                // The opposite counts only denied, and the match then begins at the
                // negator: "not the same" is the span, so that negator is the match's own
                // word and denies nothing else.
                for &t in &positions {
                    if let Some(negator) = ix.governing_negator(t as usize) {
                        spans.push((negator as u32, t + 1));
                    }
                }
                continue;
            }
            for &t in &positions {
                let t = t as usize;
                let end = t + 1 + rest.len();
                if end > tokens.len() || tokens[end - 1].sentence != tokens[t].sentence {
                    continue;
                }
                if rest.iter().enumerate().all(|(k, &w)| ix.is(w, t + 1 + k)) {
                    spans.push((t as u32, end as u32));
                }
            }
        }
        if spans.is_empty() {
            return None;
        }
        spans.sort_unstable();
        spans.dedup();
        all.push(spans);
    }
    Some(all)
}

fn phrase_hits(p: &Phrase, ix: &Index, placement: Placement, out: &mut Vec<Hit>) {
    let Some(cands) = candidates(p, ix) else {
        return;
    };
    let tokens = &ix.analysis.tokens;
    let n = p.slots.len();
    let anchor = (0..n).min_by_key(|&i| cands[i].len()).unwrap_or(0);
    // In tokens: stop words between matched words do not count toward the gap, so allow
    // room for them; `Search::valid` applies the exact rule.
    let width = |s: &super::compile::Slot| {
        if s.alts.iter().any(|a| a.denied_opposite) {
            s.width.max(NEGATION_REACH as u32 + 1)
        } else {
            s.width
        }
    };
    let reach: u32 = 3 * (p.slots.iter().map(width).sum::<u32>() + (n as u32 - 1) * p.gap) + 4;
    let mut search = Search {
        content: &ix.content,
        phrase: p,
        cands: &cands,
        chosen: vec![(0, 0); n],
        steps: 0,
        nearest: false,
    };
    let found_before = out.len();
    for &c in &cands[anchor] {
        let sentence = tokens[c.0 as usize].sentence;
        let range = &ix.analysis.sentences[sentence as usize];
        let lo = c.0.saturating_sub(reach).max(range.start as u32);
        let hi = (c.1 + reach).min(range.end as u32);
        search.chosen[anchor] = c;
        search.nearest = false;
        if search.place(0, anchor, lo, hi) {
            let first = search.hit(ix, sentence);
            // The first placement takes each word's earliest occurrence in reach, so it
            // may reach back to a denied word ("they couldnt escape anymore so the refugee
            // crisis stopped") or onto another pattern's words; the tightest placement
            // around the anchor may not.
            let want_tight = match placement {
                Placement::First => first.negated,
                Placement::FirstAndTightest => true,
            };
            search.nearest = true;
            let tight = (want_tight && search.place(0, anchor, lo, hi))
                .then(|| search.hit(ix, sentence))
                .filter(|t| placement == Placement::FirstAndTightest || !t.negated);
            let placed = match placement {
                Placement::First => [Some(tight.unwrap_or(first)), None],
                Placement::FirstAndTightest => [Some(first), tight],
            };
            for hit in placed.into_iter().flatten() {
                if out[found_before..]
                    .iter()
                    .all(|h| (h.start, h.end) != (hit.start, hit.end))
                {
                    out.push(hit);
                }
            }
            if out.len() - found_before >= MAX_HITS {
                return;
            }
        }
        if search.steps > MAX_STEPS {
            return;
        }
    }
}

struct Search<'p> {
    content: &'p [u32],
    phrase: &'p Phrase,
    cands: &'p [Vec<(u32, u32)>],
    chosen: Vec<(u32, u32)>,
    steps: usize,
    /// Try each slot's candidates nearest the anchor first, rather than in text order.
    nearest: bool,
}

impl Search<'_> {
    /// Choose a candidate for slot `i` onwards (skipping the anchor) inside `lo..hi`.
    fn place(&mut self, i: usize, anchor: usize, lo: u32, hi: u32) -> bool {
        if i == self.chosen.len() {
            return self.valid();
        }
        if i == anchor {
            return self.place(i + 1, anchor, lo, hi);
        }
        let cands: &[(u32, u32)] = &self.cands[i];
        let from = cands.partition_point(|c| c.0 < lo);
        let to = from + cands[from..].partition_point(|c| c.1 <= hi);
        let mut nearest_first;
        let order: &[(u32, u32)] = if self.nearest {
            let a = self.chosen[anchor].0;
            nearest_first = cands[from..to].to_vec();
            nearest_first.sort_by_key(|c| c.0.abs_diff(a));
            &nearest_first
        } else {
            &self.cands[i][from..to]
        };
        for &c in order {
            self.steps += 1;
            if self.steps > MAX_STEPS {
                return false;
            }
            self.chosen[i] = c;
            if self.place(i + 1, anchor, lo, hi) {
                return true;
            }
        }
        false
    }

    /// Whether the chosen spans are disjoint, ordered if required, and chained with at
    /// most `gap` words between neighbours.
    fn valid(&self) -> bool {
        let mut sorted: Vec<(u32, u32)> = self.chosen.clone();
        if self.phrase.ordered {
            if sorted.windows(2).any(|w| w[1].0 < w[0].1) {
                return false;
            }
        } else {
            sorted.sort_unstable();
        }
        sorted.windows(2).all(|w| {
            w[1].0 >= w[0].1
                && self.content[w[1].0 as usize] - self.content[w[0].1 as usize] <= self.phrase.gap
        })
    }

    fn hit(&self, ix: &Index, sentence: u32) -> Hit {
        let start = self.chosen.iter().map(|c| c.0).min().unwrap_or(0);
        let end = self.chosen.iter().map(|c| c.1).max().unwrap_or(0);
        let a = ix.analysis;
        let negated = !self.phrase.negative && {
            let inside = (start..end).any(|t| {
                let t = t as usize;
                !self
                    .chosen
                    .iter()
                    .any(|c| (c.0 as usize..c.1 as usize).contains(&t))
                    && words::is_negator(a.word(t))
                    && !cancelled(a, t)
            });
            // "He did not keep Molotov, he sacked him": a match that runs on into a new
            // clause restates the point, so a negator before it does not govern it.
            let crosses = (start + 1..end).any(|t| a.tokens[t as usize].clause_break);
            inside || (!crosses && ix.negated_before(start as usize))
        };
        let echo = self
            .phrase
            .slots
            .iter()
            .zip(&self.chosen)
            .all(|(slot, c)| match slot.echo {
                Echo::Never => false,
                Echo::Always => true,
                Echo::IfTokens => (c.0..c.1).all(|t| ix.is_question_word(t as usize)),
            });
        let echo = echo || ix.restates_factor(start as usize, end as usize, sentence as usize);
        Hit {
            sentence,
            start,
            end,
            negated,
            echo,
        }
    }
}
