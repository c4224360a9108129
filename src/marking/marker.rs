//! A scheme compiled for marking: patterns parsed, words stemmed and synonym groups expanded
//! once, so marking an answer is only matching. Compile once, mark many answers (in
//! parallel: a `Marker` is `Send + Sync`, and cloning one only bumps a reference count).

use super::choice::{self, ChoiceKey};
use super::claims::{self, Withheld, is_taken};
use super::compile::{Compiled, Compiler, Vocab};
use super::develop::Ask;
use super::develop::developed;
use super::factor;
use super::matcher::{Hit, Index, detail_hits, hits};
use super::result::{Evidence, MarkResult, PenaltyOutcome, PointStatus};
use super::score;
use crate::model::{ChoiceOption, Point, Rules, Scheme, SynonymFile};
use crate::text::{Analysis, analyse, stem, words};
use std::collections::HashSet;
use std::sync::Arc;

/// Why a scheme could not be compiled for marking.
#[derive(Debug, thiserror::Error)]
pub enum MarkError {
    /// A pattern's regex does not compile.
    #[error("scheme `{key}`: invalid regex `{regex}`: {message}")]
    BadRegex {
        /// Scheme key.
        key: String,
        /// The regex as written.
        regex: String,
        /// What the regex engine said.
        message: String,
    },
    /// A phrase refers to a synonym group that does not exist.
    #[error("scheme `{key}`: unknown synonym group `@{group}`")]
    UnknownGroup {
        /// Scheme key.
        key: String,
        /// The group named.
        group: String,
    },
    /// A scheme names a question (or part) the bank does not have, so its question text
    /// (needed to tell echo from evidence) is unknown.
    #[error(
        "scheme `{key}`: no question `{key}` in the bank; check the scheme's `question` and `part`"
    )]
    UnknownQuestion {
        /// Scheme key.
        key: String,
    },
}

/// Words known to be spelt correctly (the bank's own text), by stem and as written.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lexicon {
    stems: std::collections::BTreeSet<String>,
    words: std::collections::BTreeSet<String>,
}

impl Lexicon {
    /// Add every word of `text`.
    pub fn add(&mut self, text: &str) {
        let a = analyse(text);
        for i in 0..a.tokens.len() {
            if a.tokens[i].number {
                continue;
            }
            if !self.stems.contains(a.stem(i)) {
                self.stems.insert(a.stem(i).to_string());
            }
            if !self.words.contains(a.word(i)) {
                self.words.insert(a.word(i).to_string());
            }
        }
    }
}

/// A compiled scheme.
#[derive(Debug, Clone)]
pub struct Marker {
    inner: Arc<Inner>,
}

/// Everything compiled from a scheme.
#[derive(Debug)]
struct Inner {
    scheme: Scheme,
    key: String,
    vocab: Vocab,
    /// Stems of the question's content words (minus `echo_allowed`).
    question: HashSet<String>,
    /// Stems of the factor the question sets for discussion (see [`factor`]): not echo,
    /// but earning nothing in a sentence that says nothing else.
    factor: HashSet<String>,
    rules: CompiledRules,
    penalties: Vec<Vec<Compiled>>,
    /// What the question's command word asks for: an explanation ("Explain…", "Why…")
    /// develops a point even where the scheme lists details; a description ("Describe…")
    /// is supported by a date or figure.
    ask: Ask,
}

/// The scheme's rules with every pattern compiled.
#[derive(Debug)]
pub(crate) enum CompiledRules {
    Points(Vec<CompiledPoint>),
    Levels(Vec<CompiledPoint>),
    Choice(ChoiceKey),
}

/// A point with its patterns compiled.
#[derive(Debug)]
pub(crate) struct CompiledPoint {
    pub accept: Vec<Compiled>,
    pub reject: Vec<Compiled>,
    /// `Some` when the point has a `develop`; the patterns may be empty (any explanation).
    pub develop: Option<Vec<Compiled>>,
    /// The scheme's `describe`.
    pub describe: bool,
    /// The scheme's `shares_words`.
    pub shares_words: bool,
}

/// What matching found for one point, before "any N" and caps.
#[derive(Debug, Clone)]
pub(crate) struct PointFinding {
    pub status: PointStatus,
    /// The words that made, negated or rejected the point.
    pub evidence: Option<Hit>,
    pub developed: bool,
    /// The only matches repeated the question.
    pub echo_only: bool,
    /// It matched, but the match was not allowed to credit it.
    pub withheld: Option<Withheld>,
}

impl Marker {
    /// Compile `scheme` for the question whose text is `question_text` (its words are
    /// "echo" and earn nothing on their own), with the subject's shared synonym groups.
    pub fn new(
        scheme: &Scheme,
        question_text: &str,
        synonyms: Option<&SynonymFile>,
    ) -> Result<Marker, MarkError> {
        Marker::with_options(scheme, question_text, synonyms, &[])
    }

    /// As [`Marker::new`], also knowing a multiple-choice question's options, so that an
    /// answer giving an option's text rather than its letter is understood.
    pub fn with_options(
        scheme: &Scheme,
        question_text: &str,
        synonyms: Option<&SynonymFile>,
        options: &[ChoiceOption],
    ) -> Result<Marker, MarkError> {
        Marker::build(
            scheme,
            question_text,
            "",
            synonyms,
            options,
            &Lexicon::default(),
        )
    }

    /// Compile with the words of a whole bank known to be correctly spelt, for a question
    /// whose command word is `command` ("Explain two consequences", "Why"; empty when not
    /// known).
    pub(crate) fn build(
        scheme: &Scheme,
        question_text: &str,
        command: &str,
        synonyms: Option<&SynonymFile>,
        options: &[ChoiceOption],
        lexicon: &Lexicon,
    ) -> Result<Marker, MarkError> {
        let key = scheme.key();
        let shared = synonyms.into_iter().flat_map(|s| s.groups.iter());
        // A factor the question sets for discussion is the task, not an echo of it.
        let factor_words = factor::stated_factor_words(question_text, command);
        let mut echo_allowed = scheme.echo_allowed.clone();
        echo_allowed.extend(factor_words.iter().cloned());
        let mut compiler = Compiler::new(
            &key,
            shared.chain(scheme.synonyms.iter()),
            question_text,
            &echo_allowed,
        );
        let mut own = Lexicon::default();
        own.add(question_text);
        own.add(&scheme.model_answer);
        for point in scheme.rules.points() {
            own.add(&point.label);
        }
        compiler.known_words(own.stems.iter().map(String::as_str));
        compiler.known_words(lexicon.stems.iter().map(String::as_str));
        compiler.known_spellings(own.words.iter().map(String::as_str));
        compiler.known_spellings(lexicon.words.iter().map(String::as_str));
        let rules = match &scheme.rules {
            Rules::Points(p) => CompiledRules::Points(compile_points(&mut compiler, &p.points)?),
            Rules::Levels(l) => CompiledRules::Levels(compile_points(&mut compiler, &l.points)?),
            Rules::Choice(c) => CompiledRules::Choice(ChoiceKey::new(&c.correct, options)),
        };
        let penalties = scheme
            .penalties
            .iter()
            .map(|p| compiler.patterns(&p.when))
            .collect::<Result<_, _>>()?;
        Ok(Marker {
            inner: Arc::new(Inner {
                scheme: scheme.clone(),
                key,
                vocab: compiler.vocab,
                question: compiler.question,
                factor: factor_words.iter().map(|w| stem(w).into_owned()).collect(),
                rules,
                penalties,
                ask: Ask {
                    explains: asks_to_explain(command),
                    describes: asks_to_describe(command),
                },
            }),
        })
    }

    /// The scheme this marker applies.
    pub fn scheme(&self) -> &Scheme {
        &self.inner.scheme
    }

    /// The scheme's key: `id` or `id/part`.
    pub fn key(&self) -> &str {
        &self.inner.key
    }

    /// Mark one answer. Never panics, whatever the text; the mark is within 0..=max.
    pub fn mark(&self, answer: &str) -> MarkResult {
        let c = &*self.inner;
        let analysis = analyse(answer);
        let mut result = MarkResult {
            key: c.key.clone(),
            awarded: 0,
            max: c.scheme.max,
            points: Vec::new(),
            level: None,
            penalties: Vec::new(),
            notes: Vec::new(),
            model_answer: c.scheme.model_answer.clone(),
        };
        if analysis.tokens.is_empty() {
            result.notes.push("No answer was given.".to_string());
        }
        let ix = Index::new(&analysis, &c.vocab, &c.question).with_factor(&c.factor);
        let mark = match (&c.rules, &c.scheme.rules) {
            (CompiledRules::Choice(key), _) => choice::mark(key, answer, &analysis, &mut result),
            (CompiledRules::Points(points), Rules::Points(rules)) => {
                let found = find_points(points, &ix, c.ask);
                score::points(rules, &found, &analysis, answer, &mut result)
            }
            (CompiledRules::Levels(points), Rules::Levels(rules)) => {
                let found = find_points(points, &ix, c.ask);
                score::levels(rules, &found, &analysis, answer, &mut result)
            }
            _ => super::result::Mark::zero(c.scheme.max),
        };
        let mut mark = mark;
        for (penalty, patterns) in c.scheme.penalties.iter().zip(&c.penalties) {
            let mut found = Vec::new();
            for p in patterns {
                hits(p, &ix, &mut found);
            }
            if let Some(hit) = found.iter().find(|h| h.positive()) {
                let before = mark.awarded();
                mark = mark.minus(penalty.marks);
                result.penalties.push(PenaltyOutcome {
                    label: penalty.label.clone(),
                    marks: before - mark.awarded(),
                    evidence: vec![evidence(&analysis, answer, hit)],
                });
            }
        }
        if result
            .points
            .iter()
            .all(|p| p.status != PointStatus::Credited)
            && !result.points.is_empty()
            && mostly_question(&analysis, &c.question)
        {
            result.notes.push(
                "Your answer mostly repeats the question: words from the question earn nothing \
                 on their own. Add what you know that the question does not say."
                    .to_string(),
            );
        }
        result.awarded = mark.awarded();
        result
    }
}

/// Whether a question's command word asks for an explanation ("Explain", "Explain two
/// consequences", "Explain the importance", "Why"), where giving a reason or consequence is
/// itself what develops a point.
fn asks_to_explain(command: &str) -> bool {
    let first = command.split_whitespace().next().unwrap_or("");
    first.eq_ignore_ascii_case("explain") || first.eq_ignore_ascii_case("why")
}

/// Whether a question's command word asks for a description ("Describe", "Describe two").
fn asks_to_describe(command: &str) -> bool {
    let first = command.split_whitespace().next().unwrap_or("");
    first.eq_ignore_ascii_case("describe")
}

fn compile_points(c: &mut Compiler, points: &[Point]) -> Result<Vec<CompiledPoint>, MarkError> {
    points
        .iter()
        .map(|p| {
            Ok(CompiledPoint {
                accept: c.patterns(&p.accept)?,
                reject: c.patterns(&p.reject)?,
                develop: match &p.develop {
                    Some(d) => Some(c.patterns(&d.accept)?),
                    None => None,
                },
                describe: p.describe,
                shares_words: p.shares_words,
            })
        })
        .collect()
}

/// Match every point: credited, negated, rejected or missed, and whether developed.
///
/// One answer word evidences at most one point (unless a point `shares_words`): once
/// every point's usable hits are known, points are given their evidence most constrained
/// first (fewest hits, then scheme order), each taking a hit with a word no point before
/// it took ([`claims::is_taken`]). So "buy American goods" goes to the point it alone can
/// make, and a point with other words in the answer uses those.
fn find_points(points: &[CompiledPoint], ix: &Index, ask: Ask) -> Vec<PointFinding> {
    let mut found = Vec::new();
    let mut usable: Vec<Vec<Hit>> = Vec::with_capacity(points.len());
    let mut out = Vec::with_capacity(points.len());
    for point in points {
        found.clear();
        for p in &point.accept {
            hits(p, ix, &mut found);
        }
        found.sort_unstable();
        let mut rejected = Vec::new();
        for p in &point.reject {
            hits(p, ix, &mut rejected);
        }
        let mut ok = Vec::new();
        let finding = if let Some(r) = rejected.iter().find(|h| h.positive()) {
            finding(PointStatus::Rejected, Some(*r))
        } else {
            let mut withheld = None;
            for h in found.iter().filter(|h| h.positive()) {
                if point.describe && !claims::is_described(h, ix) {
                    withheld.get_or_insert(*h);
                } else {
                    ok.push(*h);
                }
            }
            if let Some(h) = withheld.filter(|_| ok.is_empty()) {
                PointFinding {
                    withheld: Some(Withheld::NotDescribed),
                    ..finding(PointStatus::Missed, Some(h))
                }
            } else if let Some(neg) = found.iter().find(|h| h.negated && !h.echo) {
                finding(PointStatus::Negated, Some(*neg))
            } else {
                PointFinding {
                    echo_only: !found.is_empty(),
                    ..finding(PointStatus::Missed, found.first().copied())
                }
            }
        };
        out.push(finding);
        usable.push(ok);
    }
    let mut order: Vec<usize> = (0..points.len())
        .filter(|&i| !usable[i].is_empty())
        .collect();
    order.sort_by_key(|&i| (usable[i].len(), i));
    let mut used: Vec<(u32, usize)> = Vec::new();
    let mut detail = Vec::new();
    for i in order {
        let point = &points[i];
        let free: Vec<Hit> = usable[i]
            .iter()
            .copied()
            .filter(|h| point.shares_words || is_taken(h, ix, &used).is_none())
            .collect();
        let Some(first) = free.first() else {
            let h = usable[i][0];
            let by = is_taken(&h, ix, &used).unwrap_or(i);
            out[i] = PointFinding {
                withheld: Some(Withheld::Taken(by)),
                ..finding(PointStatus::Missed, Some(h))
            };
            continue;
        };
        let detail = match &point.develop {
            Some(patterns) if !patterns.is_empty() => {
                detail.clear();
                for p in patterns {
                    detail_hits(p, ix, &mut detail);
                }
                Some(detail.as_slice())
            }
            _ => None,
        };
        let dev_hit = free.iter().find(|h| developed(h, detail, ask, ix));
        let evidence = *dev_hit.unwrap_or(first);
        if !point.shares_words {
            claims::taken_words(&evidence, i, &mut used);
        }
        out[i] = PointFinding {
            developed: dev_hit.is_some(),
            ..finding(PointStatus::Credited, Some(evidence))
        };
    }
    out
}

/// A finding with this status and evidence, not developed, not an echo, not withheld.
fn finding(status: PointStatus, evidence: Option<Hit>) -> PointFinding {
    PointFinding {
        status,
        evidence,
        developed: false,
        echo_only: false,
        withheld: None,
    }
}

/// The answer's words at a hit, as evidence.
pub(crate) fn evidence(a: &Analysis, answer: &str, hit: &Hit) -> Evidence {
    let first = a.tokens[hit.start as usize].span;
    let last = a.tokens[(hit.end as usize).saturating_sub(1).max(hit.start as usize)].span;
    let span = first.cover(last);
    Evidence {
        start: span.start(),
        end: span.end(),
        text: answer[span.start()..span.end()].to_string(),
    }
}

/// Whether most of the answer's content words are the question's.
fn mostly_question(a: &Analysis, question: &HashSet<String>) -> bool {
    let mut content = 0usize;
    let mut echo = 0usize;
    for i in 0..a.tokens.len() {
        if words::is_stop_word(a.word(i)) {
            continue;
        }
        content += 1;
        if question.contains(a.stem(i)) {
            echo += 1;
        }
    }
    content > 0 && echo * 10 >= content * 6
}
