//! Compiling a scheme's patterns into word ids, once, so that marking an answer is only
//! looking its tokens up and comparing small integers.
//!
//! A phrase becomes a list of [`Slot`]s (one per word position), each with alternatives
//! (a word, or a run of words such as "Soviet Union"); synonym groups are expanded here, and
//! every word is interned in the marker's [`Vocab`] by its stem (or its folded form, when a
//! pattern says `stem: false`).

use super::marker::MarkError;
use crate::model::{Pattern, PatternSpec};
use crate::text::{WordHasher, WordMap, analyse, dictionary, words};
use regex::Regex;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Default most words allowed between consecutive words of a phrase.
pub const DEFAULT_GAP: u32 = 3;

/// How a word is compared with an answer's tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// By Snowball stem.
    Stem,
    /// By folded word.
    Surface,
}

/// One word of a pattern, interned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordRef {
    /// Id in the vocabulary of `key`.
    pub id: u32,
    /// Which vocabulary.
    pub key: Key,
    /// Whether near misspellings match.
    pub fuzzy: bool,
    /// Only a token written in capitals matches ("US" the country, not "us").
    pub caps: bool,
}

/// A run of words that must follow each other directly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alt {
    /// The words, in order.
    pub words: Vec<WordRef>,
    /// The slot's word is matched by this one, its opposite, only where a negator governs
    /// it: "not the same" says "different" ([`words::opposites`]).
    pub denied_opposite: bool,
}

/// Whether matching a slot only repeats the question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Echo {
    /// No alternative is a question word.
    Never,
    /// Every way of matching it repeats the question (or a synonym of a question word).
    Always,
    /// Some alternatives are question words: look at what the answer said.
    IfTokens,
}

/// One word position of a phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// Any one of these matches.
    pub alts: Vec<Alt>,
    /// Whether this slot can only repeat the question.
    pub echo: Echo,
    /// Longest alternative, in words.
    pub width: u32,
}

/// A compiled phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// Required word positions (optional words and stop words are dropped).
    pub slots: Vec<Slot>,
    /// Most words between consecutive matched words.
    pub gap: u32,
    /// Whether the slots must be matched in order.
    pub ordered: bool,
    /// The phrase itself says "not"/"no"…: a negator before it is not a negation of it.
    pub negative: bool,
}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub enum Compiled {
    /// A phrase.
    Phrase(Phrase),
    /// Every part, in one sentence (or within `window` words).
    All {
        /// The parts.
        parts: Vec<Compiled>,
        /// Most words between the parts; `None` means "the same sentence".
        window: Option<u32>,
    },
    /// Any part.
    Any(Vec<Compiled>),
    /// A regex over each sentence's normalised text.
    Regex(Regex),
    /// A pattern that can never match (e.g. a phrase of punctuation only).
    Never,
}

/// A word eligible for misspelling tolerance.
#[derive(Debug, Clone)]
pub struct FuzzyEntry {
    /// The stem or folded word.
    pub text: Box<str>,
    /// Its id.
    pub id: u32,
    /// Edits allowed.
    pub edits: u8,
    /// Letters present, one bit per letter: two words within `k` edits differ in at most
    /// `2k` bits, a cheap filter before the edit distance.
    pub mask: u32,
    /// Compared with an answer word as written rather than with its stem (the stemmer
    /// treats misspellings unevenly: "Turky" stems to "turki", "Turkey" to "turkey").
    pub on_surface: bool,
}

/// The marker's vocabulary: every word any pattern can match, by stem and by folded form.
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    /// Stem → id.
    pub stems: WordMap<Box<str>, u32>,
    /// Folded word → id (for `stem: false`).
    pub surfaces: WordMap<Box<str>, u32>,
    /// Stems open to misspellings, with the edits each allows.
    pub fuzzy_stems: Vec<FuzzyEntry>,
    /// Folded words open to misspellings.
    pub fuzzy_surfaces: Vec<FuzzyEntry>,
    /// The bank's and the scheme's own words as written: an answer word that is one of them
    /// (or an English word, [`crate::text::dictionary`]) is never a misspelling of another.
    pub spellings: WordSet,
}

/// A set of folded words.
pub type WordSet = std::collections::HashSet<Box<str>, std::hash::BuildHasherDefault<WordHasher>>;

impl Vocab {
    /// Whether an answer word, as written, is a correctly spelt word: in the English word
    /// list or one of the bank's own ("Khrushchev", "Gomulka"), so tolerance must not take
    /// it for a misspelling of a scheme word.
    pub fn is_spelt_right(&self, word: &str) -> bool {
        dictionary::is_english_word(word) || self.spellings.contains(word)
    }
}

/// Letters-present mask of an ASCII word.
pub fn letter_mask(word: &str) -> u32 {
    word.bytes()
        .filter(u8::is_ascii_lowercase)
        .fold(0, |m, b| m | 1 << (b - b'a'))
}

/// Edits tolerated in a word of this many letters. A four-letter word gets one only when
/// the first letter is right (checked when matching): students drop or double a letter of
/// "path" ("pah", "ppath") but rarely its first, and a changed first letter is usually
/// another word ("bath", "wall"/"hall").
pub fn edits_for(letters: usize) -> u8 {
    match letters {
        0..=3 => 0,
        4..=8 => 1,
        _ => 2,
    }
}

/// A scheme's `regex`, built exactly as marking uses it (case-insensitive, the regex
/// crate's default size limit), so `examkit check` can judge a regex by the same rules.
pub fn build_regex(source: &str) -> Result<regex::Regex, regex::Error> {
    regex::RegexBuilder::new(source)
        .case_insensitive(true)
        .build()
}

impl Vocab {
    fn intern(&mut self, key: Key, text: &str, surface: &str, fuzzy: bool) -> u32 {
        let surface_len = surface.len();
        let (map, list) = match key {
            Key::Stem => (&mut self.stems, &mut self.fuzzy_stems),
            Key::Surface => (&mut self.surfaces, &mut self.fuzzy_surfaces),
        };
        let next = map.len() as u32;
        let id = *map.entry(text.into()).or_insert(next);
        if !surface.is_empty() && !self.spellings.contains(surface) {
            self.spellings.insert(surface.into());
        }
        // Stems are shorter than words ("alternative" → "altern"): the allowance follows
        // the shorter, so a long word's stem is not given a long word's tolerance.
        let edits = edits_for(surface_len.min(text.len()));
        let eligible = fuzzy
            && edits > 0
            && text.len() >= 3
            && text.bytes().all(|b| b.is_ascii_lowercase())
            && !words::is_stop_word(text);
        if eligible {
            match list.iter_mut().find(|e| e.id == id && !e.on_surface) {
                Some(e) => e.edits = e.edits.min(edits),
                None => list.push(FuzzyEntry {
                    text: text.into(),
                    id,
                    edits,
                    mask: letter_mask(text),
                    on_surface: false,
                }),
            }
            let surface_edits = edits_for(surface_len);
            if key == Key::Stem
                && surface.bytes().all(|b| b.is_ascii_lowercase())
                && !list.iter().any(|e| e.on_surface && &*e.text == surface)
            {
                list.push(FuzzyEntry {
                    text: surface.into(),
                    id,
                    edits: surface_edits,
                    mask: letter_mask(surface),
                    on_surface: true,
                });
            }
        }
        id
    }
}

/// Options a pattern passes down to its parts.
#[derive(Debug, Clone, Copy)]
struct Options {
    gap: u32,
    ordered: bool,
    fuzzy: bool,
    stem: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            gap: DEFAULT_GAP,
            ordered: false,
            fuzzy: true,
            stem: true,
        }
    }
}

/// A synonym group's members, each as folded words (stop words dropped unless a member is
/// nothing else).
#[derive(Debug, Clone)]
struct Group {
    members: Vec<Vec<Word>>,
}

/// A folded word with its stem and whether it was written in capitals.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Word {
    folded: String,
    stem: String,
    caps: bool,
}

/// Everything compiling needs: groups, question words, the vocabulary being built.
pub struct Compiler {
    key: String,
    groups: BTreeMap<String, Group>,
    /// Stems of single-word members → groups they belong to.
    by_word: HashMap<String, Vec<String>>,
    /// Multi-word members (as stems) → group.
    multi: Vec<(Vec<String>, String)>,
    /// Stems of the question's content words (minus `echo_allowed`).
    pub question: HashSet<String>,
    /// The vocabulary.
    pub vocab: Vocab,
}

fn words_of(text: &str) -> Vec<Word> {
    let a = analyse(text);
    let all: Vec<Word> = (0..a.tokens.len())
        .map(|i| Word {
            folded: a.word(i).to_string(),
            stem: a.stem(i).to_string(),
            caps: a.tokens[i].caps,
        })
        .collect();
    all
}

fn content(words: Vec<Word>) -> Vec<Word> {
    if words.iter().all(|w| words::is_stop_word(&w.folded)) {
        return words;
    }
    words
        .into_iter()
        .filter(|w| !words::is_stop_word(&w.folded))
        .collect()
}

impl Compiler {
    /// A compiler for scheme `key` with these synonym groups (shared first, the scheme's
    /// own added), question text and `echo_allowed` words.
    pub fn new<'a>(
        key: &str,
        groups: impl IntoIterator<Item = (&'a String, &'a Vec<String>)>,
        question_text: &str,
        echo_allowed: &[String],
    ) -> Compiler {
        let mut c = Compiler {
            key: key.to_string(),
            groups: BTreeMap::new(),
            by_word: HashMap::new(),
            multi: Vec::new(),
            question: HashSet::new(),
            vocab: Vocab::default(),
        };
        for (name, members) in groups {
            let group = c.groups.entry(name.clone()).or_insert(Group {
                members: Vec::new(),
            });
            for member in members {
                let ws = content(words_of(member));
                if !ws.is_empty() && !group.members.contains(&ws) {
                    group.members.push(ws);
                }
            }
        }
        for (name, group) in &c.groups {
            for member in &group.members {
                if member.len() == 1 {
                    let list = c.by_word.entry(member[0].stem.clone()).or_default();
                    if !list.contains(name) {
                        list.push(name.clone());
                    }
                } else {
                    let stems = member.iter().map(|w| w.stem.clone()).collect();
                    c.multi.push((stems, name.clone()));
                }
            }
        }
        c.multi
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.cmp(b)));
        let q = analyse(question_text);
        for i in 0..q.tokens.len() {
            if !words::is_stop_word(q.word(i)) {
                c.question.insert(q.stem(i).to_string());
            }
        }
        for allowed in echo_allowed {
            for w in words_of(allowed) {
                c.question.remove(&w.stem);
            }
        }
        c
    }

    /// Record correctly spelt words (the bank's own text): an answer word that is one of
    /// them is taken as meant, never as a misspelling of some other word ("defends" is not
    /// "depends").
    pub fn known_words<'t>(&mut self, stems: impl IntoIterator<Item = &'t str>) {
        for stem in stems {
            self.vocab.intern(Key::Stem, stem, "", false);
        }
    }

    /// Record words the bank spells (as written, folded): like English words, an answer
    /// word that is one of them is never a misspelling of another ("Gomulka").
    pub fn known_spellings<'t>(&mut self, words: impl IntoIterator<Item = &'t str>) {
        for w in words {
            if !self.vocab.spellings.contains(w) {
                self.vocab.spellings.insert(w.into());
            }
        }
    }

    /// Compile a list of patterns.
    pub fn patterns(&mut self, patterns: &[Pattern]) -> Result<Vec<Compiled>, MarkError> {
        patterns
            .iter()
            .map(|p| self.pattern(p, Options::default()))
            .collect()
    }

    fn pattern(&mut self, pattern: &Pattern, opts: Options) -> Result<Compiled, MarkError> {
        match pattern {
            Pattern::Phrase(text) => self.phrase(text, opts),
            Pattern::Spec(spec) => self.spec(spec, opts),
        }
    }

    fn spec(&mut self, spec: &PatternSpec, inherited: Options) -> Result<Compiled, MarkError> {
        let opts = Options {
            gap: spec.gap.unwrap_or(inherited.gap),
            ordered: spec.ordered.unwrap_or(inherited.ordered),
            fuzzy: spec.fuzzy.unwrap_or(inherited.fuzzy),
            stem: spec.stem.unwrap_or(inherited.stem),
        };
        if let Some(text) = &spec.phrase {
            return self.phrase(text, opts);
        }
        if let Some(source) = &spec.regex {
            return build_regex(source)
                .map(Compiled::Regex)
                .map_err(|e| MarkError::BadRegex {
                    key: self.key.clone(),
                    regex: source.clone(),
                    message: e.to_string(),
                });
        }
        if !spec.all.is_empty() {
            let parts = spec
                .all
                .iter()
                .map(|p| self.pattern(p, opts))
                .collect::<Result<_, _>>()?;
            return Ok(Compiled::All {
                parts,
                window: spec.window,
            });
        }
        if !spec.any.is_empty() {
            let parts = spec
                .any
                .iter()
                .map(|p| self.pattern(p, opts))
                .collect::<Result<_, _>>()?;
            return Ok(Compiled::Any(parts));
        }
        Ok(Compiled::Never)
    }

    /// Compile a phrase: split into word positions, drop optional and stop words, expand
    /// synonyms, intern every word.
    fn phrase(&mut self, text: &str, opts: Options) -> Result<Compiled, MarkError> {
        let raw = self.raw_slots(text)?;
        let raw = self.merge_multiword(raw);
        let mut required: Vec<&RawSlot> = raw.iter().filter(|s| !s.optional).collect();
        let content_slots: Vec<&RawSlot> =
            required.iter().copied().filter(|s| !s.is_stop()).collect();
        if !content_slots.is_empty() {
            required = content_slots;
        }
        if required.is_empty() {
            return Ok(Compiled::Never);
        }
        let negative = required.iter().any(|s| {
            s.alts
                .iter()
                .any(|a| a.iter().any(|w| words::is_negator(&w.folded)))
        });
        let mut slots = Vec::with_capacity(required.len());
        for raw in required {
            // A phrase that says "not" itself has its negator in a slot of its own: its
            // words are not also matched by their denied opposites ("not connected" is
            // not "not not separated").
            slots.push(self.slot(raw, opts, !negative && opts.stem));
        }
        Ok(Compiled::Phrase(Phrase {
            slots,
            gap: opts.gap,
            ordered: opts.ordered,
            negative,
        }))
    }

    fn raw_slots(&self, text: &str) -> Result<Vec<RawSlot>, MarkError> {
        let mut out = Vec::new();
        let mut in_paren = false;
        for chunk in text.split_whitespace() {
            let mut chunk = chunk;
            let opens = chunk.starts_with('(');
            if opens {
                chunk = &chunk[1..];
                in_paren = true;
            }
            let optional = in_paren;
            if chunk.ends_with(')') {
                chunk = &chunk[..chunk.len() - 1];
                in_paren = false;
            }
            let mut alts = Vec::new();
            let mut grouped = false;
            for alt in chunk.split('|') {
                if let Some(name) = alt.strip_prefix('@') {
                    let name = name.trim_end_matches(|c: char| !c.is_alphanumeric());
                    let group = self
                        .groups
                        .get(name)
                        .ok_or_else(|| MarkError::UnknownGroup {
                            key: self.key.clone(),
                            group: name.to_string(),
                        })?;
                    for m in &group.members {
                        if !alts.contains(m) {
                            alts.push(m.clone());
                        }
                    }
                    grouped = true;
                    continue;
                }
                let ws = words_of(alt);
                if ws.is_empty() {
                    continue;
                }
                if ws.len() > 1 && alt.contains('-') {
                    let joined: String = ws.iter().map(|w| w.folded.as_str()).collect();
                    alts.push(words_of(&joined));
                }
                alts.push(ws);
            }
            if !alts.is_empty() {
                out.push(RawSlot {
                    alts,
                    optional,
                    grouped,
                });
            }
        }
        Ok(out)
    }

    /// Join runs of plain words that spell a multi-word synonym ("Soviet Union") into one
    /// slot, and expand single words that are group members.
    fn merge_multiword(&self, raw: Vec<RawSlot>) -> Vec<RawSlot> {
        let mut out: Vec<RawSlot> = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < raw.len() {
            let plain = |s: &RawSlot| !s.grouped && !s.optional && s.alts.len() == 1;
            let mut merged = false;
            if plain(&raw[i]) {
                for (stems, group) in &self.multi {
                    // Flatten the plain words from i onwards and compare with the member.
                    let mut flat: Vec<&str> = Vec::new();
                    let mut j = i;
                    while j < raw.len() && plain(&raw[j]) && flat.len() < stems.len() {
                        flat.extend(raw[j].alts[0].iter().map(|w| w.stem.as_str()));
                        j += 1;
                    }
                    if flat.len() == stems.len() && flat.iter().zip(stems).all(|(a, b)| a == b) {
                        let mut alts =
                            raw[i..j].iter().fold(Vec::new(), |mut acc: Vec<Word>, s| {
                                acc.extend(s.alts[0].iter().cloned());
                                acc
                            });
                        alts = content(alts);
                        let mut slot = RawSlot {
                            alts: vec![alts],
                            optional: false,
                            grouped: true,
                        };
                        self.add_group(&mut slot, group);
                        out.push(slot);
                        i = j;
                        merged = true;
                        break;
                    }
                }
            }
            if merged {
                continue;
            }
            let mut slot = raw[i].clone();
            if !slot.grouped {
                let mut groups = Vec::new();
                for alt in &slot.alts {
                    if alt.len() == 1 {
                        if let Some(gs) = self.by_word.get(&alt[0].stem) {
                            groups.extend(gs.iter().cloned());
                        }
                    } else {
                        let stems: Vec<&str> = alt.iter().map(|w| w.stem.as_str()).collect();
                        for (member, g) in &self.multi {
                            if member.iter().map(String::as_str).eq(stems.iter().copied()) {
                                groups.push(g.clone());
                            }
                        }
                    }
                }
                for g in groups {
                    self.add_group(&mut slot, &g);
                }
            }
            out.push(slot);
            i += 1;
        }
        out
    }

    fn add_group(&self, slot: &mut RawSlot, name: &str) {
        if let Some(group) = self.groups.get(name) {
            for m in &group.members {
                if !slot.alts.contains(m) {
                    slot.alts.push(m.clone());
                }
            }
            slot.grouped = true;
        }
    }

    fn slot(&mut self, raw: &RawSlot, opts: Options, opposites: bool) -> Slot {
        let mut alts = Vec::with_capacity(raw.alts.len());
        let mut in_question = 0;
        for alt in &raw.alts {
            if alt.iter().all(|w| self.question.contains(&w.stem)) {
                in_question += 1;
            }
            let words = alt
                .iter()
                .map(|w| {
                    let (key, text) = if opts.stem {
                        (Key::Stem, w.stem.as_str())
                    } else {
                        (Key::Surface, w.folded.as_str())
                    };
                    let fuzzy = opts.fuzzy && !words::is_negator(&w.folded);
                    WordRef {
                        id: self.vocab.intern(key, text, &w.folded, fuzzy),
                        key,
                        fuzzy,
                        caps: w.caps && words::is_stop_word(&w.folded),
                    }
                })
                .collect();
            let alt = Alt {
                words,
                denied_opposite: false,
            };
            if !alts.contains(&alt) {
                alts.push(alt);
            }
        }
        // In a phrase that says "not" itself, any plain negator says it ("no gap" is "not a
        // gap", "did not help" is "no help").
        if raw
            .alts
            .iter()
            .any(|a| a.len() == 1 && words::is_plain_negator(&a[0].folded))
        {
            for negator in words::PLAIN_NEGATORS {
                let alt = Alt {
                    words: vec![WordRef {
                        id: self.vocab.intern(Key::Stem, negator, negator, false),
                        key: Key::Stem,
                        fuzzy: false,
                        caps: false,
                    }],
                    denied_opposite: false,
                };
                if !alts.contains(&alt) {
                    alts.push(alt);
                }
            }
        }
        if opposites {
            let words: Vec<&Word> = raw
                .alts
                .iter()
                .filter(|a| a.len() == 1)
                .map(|a| &a[0])
                .collect();
            for w in words {
                for (stem, word) in words::opposites(&w.stem) {
                    let fuzzy = opts.fuzzy;
                    let alt = Alt {
                        words: vec![WordRef {
                            id: self.vocab.intern(Key::Stem, stem, word, fuzzy),
                            key: Key::Stem,
                            fuzzy,
                            caps: false,
                        }],
                        denied_opposite: true,
                    };
                    if !alts.contains(&alt) {
                        alts.push(alt);
                    }
                }
            }
        }
        let echo = if in_question == 0 {
            Echo::Never
        } else if raw.grouped || in_question == raw.alts.len() {
            Echo::Always
        } else {
            Echo::IfTokens
        };
        let width = alts.iter().map(|a| a.words.len()).max().unwrap_or(1) as u32;
        Slot { alts, echo, width }
    }
}

#[derive(Debug, Clone)]
struct RawSlot {
    alts: Vec<Vec<Word>>,
    optional: bool,
    /// Expanded from (or written as) a synonym group.
    grouped: bool,
}

impl RawSlot {
    /// A lone stop word ("the", "of"): optional in a phrase unless written in capitals.
    fn is_stop(&self) -> bool {
        !self.grouped
            && self.alts.iter().all(|a| {
                a.iter()
                    .all(|w| words::is_optional_in_phrase(&w.folded) && !w.caps)
            })
    }
}
