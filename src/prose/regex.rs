//! A scheme's regex in words, when its wordings can be said: `\bpowers (was |had been
//! )?(shot|captured)` is "powers (was or had been) shot or captured".
//!
//! A regex is read as a phrase: literal words stay words, a group of whole words becomes a
//! list joined with "or" (or a bracket, when it may be left out), and a group inside a word
//! (`democra(cy|tic)`, `satellites?`) is spelt out as the whole words it allows. Anything
//! that stands for letters or digits not written down (`[a-z]{0,25}`, `\d+`, `.`) cannot
//! be said as wordings, so such a regex gives `None` and the printed scheme keeps only the
//! point's label: a teacher is better served by nothing than by a pattern.

use super::names::Names;
use super::words::{dedupe_forms, or_list};
use regex_syntax::ast::RepetitionRange::{AtLeast, Bounded, Exactly};
use regex_syntax::ast::{self, Ast, ClassPerlKind, ClassSet, ClassSetItem, RepetitionKind};

/// Most whole words a group inside a word may be spelt out as.
const MOST_FORMS: usize = 12;

/// A regex's wordings as a teacher reads them, or `None` when they cannot be said.
pub fn describe(source: &str, names: &Names) -> Option<String> {
    let ast = ast::parse::Parser::new().parse(source).ok()?;
    let lang = Lang::from_ast(&ast)?;
    let text = tidy(&render(&lang, names)?, names);
    (!text.is_empty()).then_some(text)
}

/// What a regex allows, reduced to what can be said in words.
#[derive(Debug, Clone, PartialEq)]
enum Lang {
    /// Letters written down.
    Text(String),
    /// A space, a hyphen or other punctuation between words.
    Sep,
    /// A word boundary or anchor: matches nothing, ends a word.
    Bound,
    /// Any few words (`[a-z ]{0,25}`, `.*`): printed as "…".
    Gap,
    /// One of these.
    Alt(Vec<Lang>),
    /// This, or nothing.
    Opt(Box<Lang>),
    /// These in a row.
    Seq(Vec<Lang>),
}

impl Lang {
    fn from_ast(ast: &Ast) -> Option<Lang> {
        Some(match ast {
            Ast::Empty(_) | Ast::Flags(_) => Lang::Seq(Vec::new()),
            Ast::Literal(lit) if lit.c.is_alphanumeric() => Lang::Text(lit.c.to_string()),
            Ast::Literal(lit) if lit.c == '\'' => Lang::Text("'".to_string()),
            Ast::Literal(_) => Lang::Sep,
            Ast::Assertion(_) => Lang::Bound,
            Ast::ClassPerl(class) => match (&class.kind, class.negated) {
                (ClassPerlKind::Space, false) | (ClassPerlKind::Word, true) => Lang::Sep,
                _ => return None,
            },
            Ast::ClassBracketed(class) if !class.negated && separators_only(&class.kind) => {
                Lang::Sep
            }
            Ast::Dot(_) | Ast::ClassUnicode(_) | Ast::ClassBracketed(_) => return None,
            Ast::Repetition(rep) if from_zero(&rep.op.kind) && spans_words(&rep.ast) => Lang::Gap,
            Ast::Repetition(rep) => {
                let inner = Lang::from_ast(&rep.ast)?;
                let sep = inner == Lang::Sep;
                match &rep.op.kind {
                    RepetitionKind::ZeroOrOne | RepetitionKind::Range(Bounded(0, 1)) => {
                        Lang::Opt(Box::new(inner))
                    }
                    RepetitionKind::Range(Exactly(1) | Bounded(1, 1)) => inner,
                    RepetitionKind::OneOrMore | RepetitionKind::Range(AtLeast(1)) if sep => {
                        Lang::Sep
                    }
                    RepetitionKind::ZeroOrMore
                    | RepetitionKind::Range(AtLeast(0) | Bounded(0, _))
                        if sep =>
                    {
                        Lang::Opt(Box::new(Lang::Sep))
                    }
                    // "s+" is said once: a teacher writes the word, not its stammer.
                    RepetitionKind::OneOrMore => inner,
                    _ => return None,
                }
            }
            Ast::Group(group) => Lang::from_ast(&group.ast)?,
            Ast::Alternation(alt) => Lang::Alt(
                alt.asts
                    .iter()
                    .map(Lang::from_ast)
                    .collect::<Option<Vec<_>>>()?,
            ),
            Ast::Concat(concat) => Lang::Seq(
                concat
                    .asts
                    .iter()
                    .map(Lang::from_ast)
                    .collect::<Option<Vec<_>>>()?,
            ),
        })
    }

    /// Whether every way of matching this starts (or ends) between words.
    fn at_edge(&self, start: bool) -> bool {
        match self {
            Lang::Sep | Lang::Bound | Lang::Gap => true,
            Lang::Text(_) => false,
            Lang::Opt(inner) => inner.at_edge(start),
            Lang::Alt(alts) => alts.iter().all(|a| a.at_edge(start)),
            Lang::Seq(items) => {
                let edge = if start { items.first() } else { items.last() };
                edge.is_some_and(|e| e.at_edge(start))
            }
        }
    }

    /// Every string it allows, with separators as spaces, if there are few enough.
    fn forms(&self) -> Option<Vec<String>> {
        let out = match self {
            Lang::Text(t) => vec![t.clone()],
            Lang::Sep => vec![" ".to_string()],
            Lang::Bound => vec![String::new()],
            Lang::Gap => return None,
            Lang::Opt(inner) => {
                let mut v = vec![String::new()];
                v.extend(inner.forms()?);
                v
            }
            Lang::Alt(alts) => {
                let mut v = Vec::new();
                for a in alts {
                    v.extend(a.forms()?);
                }
                v
            }
            Lang::Seq(items) => {
                let mut v = vec![String::new()];
                for item in items {
                    let next = item.forms()?;
                    v = v
                        .iter()
                        .flat_map(|a| next.iter().map(move |b| format!("{a}{b}")))
                        .collect();
                    if v.len() > MOST_FORMS {
                        return None;
                    }
                }
                v
            }
        };
        (out.len() <= MOST_FORMS).then_some(out)
    }
}

/// Whether a repetition may match nothing at all (`*`, `{0,n}`).
fn from_zero(kind: &RepetitionKind) -> bool {
    matches!(
        kind,
        RepetitionKind::ZeroOrMore | RepetitionKind::Range(AtLeast(0) | Bounded(0, _))
    )
}

/// Whether a repeated item stands for any run of words: `.`, `\w`, `[a-z ]`.
fn spans_words(ast: &Ast) -> bool {
    match ast {
        Ast::Dot(_) => true,
        Ast::ClassPerl(class) => !class.negated && !matches!(class.kind, ClassPerlKind::Digit),
        Ast::ClassBracketed(class) => !class.negated && !separators_only(&class.kind),
        Ast::Group(group) => spans_words(&group.ast),
        _ => false,
    }
}

fn separators_only(set: &ClassSet) -> bool {
    fn item(i: &ClassSetItem) -> bool {
        match i {
            ClassSetItem::Literal(lit) => !lit.c.is_alphanumeric(),
            ClassSetItem::Perl(p) => {
                matches!((&p.kind, p.negated), (ClassPerlKind::Space, false))
            }
            ClassSetItem::Union(u) => u.items.iter().all(item),
            ClassSetItem::Bracketed(b) => !b.negated && separators_only(&b.kind),
            _ => false,
        }
    }
    match set {
        ClassSet::Item(i) => item(i),
        ClassSet::BinaryOp(_) => false,
    }
}

/// The words of `lang`, or `None` when a part cannot be said.
fn render(lang: &Lang, names: &Names) -> Option<String> {
    match lang {
        Lang::Text(t) => Some(t.clone()),
        Lang::Sep | Lang::Bound => Some(" ".to_string()),
        Lang::Gap => Some(" \u{2026} ".to_string()),
        Lang::Opt(inner) => {
            let words = render(inner, names)?;
            let words = words.trim();
            Some(if words.is_empty() {
                String::new()
            } else {
                format!("({words})")
            })
        }
        Lang::Alt(alts) => {
            let words = alts
                .iter()
                .map(|a| render(a, names).map(|w| tidy(&w, names)))
                .collect::<Option<Vec<_>>>()?;
            Some(or_list(&dedupe_forms(words, true)))
        }
        Lang::Seq(items) => {
            let mut flat = Vec::new();
            flatten(items, &mut flat);
            let mut out = String::new();
            for run in runs(&flat) {
                out.push(' ');
                out.push_str(&run_words(run, names)?);
            }
            Some(out)
        }
    }
}

fn flatten<'a>(items: &'a [Lang], out: &mut Vec<&'a Lang>) {
    for item in items {
        match item {
            Lang::Seq(inner) => flatten(inner, out),
            other => out.push(other),
        }
    }
}

/// Split a row of items into words: at separators and boundaries, and around groups that
/// begin or end between words.
fn runs<'a>(items: &[&'a Lang]) -> Vec<Vec<&'a Lang>> {
    let mut runs: Vec<Vec<&Lang>> = vec![Vec::new()];
    for &item in items {
        match item {
            Lang::Sep | Lang::Bound => runs.push(Vec::new()),
            Lang::Gap => {
                runs.push(vec![item]);
                runs.push(Vec::new());
            }
            Lang::Opt(inner) if **inner == Lang::Sep => runs.push(Vec::new()),
            _ => {
                if item.at_edge(true) {
                    runs.push(Vec::new());
                }
                if let Some(last) = runs.last_mut() {
                    last.push(item);
                }
                if item.at_edge(false) {
                    runs.push(Vec::new());
                }
            }
        }
    }
    runs.retain(|r| !r.is_empty());
    runs
}

/// One word's worth of items: written letters as they are, a lone group as a list, and
/// letters with a group inside them as the whole words they make.
fn run_words(run: Vec<&Lang>, names: &Names) -> Option<String> {
    if run.iter().all(|i| matches!(i, Lang::Text(_))) {
        let word: String = run
            .iter()
            .map(|i| match i {
                Lang::Text(t) => t.as_str(),
                _ => "",
            })
            .collect();
        return Some(word);
    }
    if let [single] = run.as_slice() {
        return render(single, names);
    }
    let forms = Lang::Seq(run.into_iter().cloned().collect()).forms()?;
    let forms: Vec<String> = forms
        .iter()
        .map(|f| tidy(f, names))
        .filter(|f| !f.is_empty())
        .collect();
    Some(or_list(&dedupe_forms(forms, true)))
}

/// Words as a teacher writes them: the normalised text's "didn t" as "didn't", and words
/// the subject's synonym lists spell with capitals ("ussr") as they spell them.
fn tidy(words: &str, names: &Names) -> String {
    let words: Vec<&str> = words.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    for w in words {
        let empty = out.is_empty();
        match out.last_mut() {
            Some(prev) if w == "t" && prev.ends_with('n') => prev.push_str("'t"),
            _ if w == "t" && empty => out.push("n't".to_string()),
            _ => out.push(w.to_string()),
        }
    }
    // A figure split by an optional separator (`1\W?400`) is written as one: "1,400".
    for i in (1..out.len()).rev() {
        let thousands = out[i].len() == 3 && out[i].bytes().all(|b| b.is_ascii_digit());
        let lead =
            (1..=3).contains(&out[i - 1].len()) && out[i - 1].bytes().all(|b| b.is_ascii_digit());
        if thousands && lead {
            let tail = out.remove(i);
            out[i - 1] = format!("{},{tail}", out[i - 1]);
        }
    }
    let joined = out.join(" ");
    if let Some(written) = names.written(&joined) {
        return written.to_string();
    }
    out.iter()
        .map(|w| names.written(w).unwrap_or(w).to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn names() -> Names {
        let groups: BTreeMap<String, Vec<String>> = [
            (
                "ussr".to_string(),
                vec!["the USSR".to_string(), "Soviet Union".to_string()],
            ),
            ("missiles".to_string(), vec!["ICBMs".to_string()]),
        ]
        .into();
        Names::new(&groups)
    }

    fn said(source: &str) -> Option<String> {
        describe(source, &names())
    }

    #[test]
    fn groups_of_whole_words_read_as_lists() {
        assert_eq!(
            said(r"\bpowers (was |had been )?(shot|captured|freed)").as_deref(),
            Some("powers (was or had been) shot, captured or freed")
        );
        assert_eq!(
            said(r"\bwar (with|against) (the )?(ussr|soviet union)").as_deref(),
            Some("war with or against (the) USSR or Soviet Union")
        );
        assert_eq!(
            said(r"(neither side|nobody) (really )?won").as_deref(),
            Some("neither side or nobody (really) won")
        );
    }

    #[test]
    fn groups_inside_a_word_are_spelt_out() {
        assert_eq!(
            said(r"\bdemocra(cy|tic)\b").as_deref(),
            Some("democracy or democratic")
        );
        assert_eq!(said(r"\bicbms?\b").as_deref(), Some("ICBMs"));
        assert_eq!(
            said(r"\bhydrogen\b|\bh bombs?\b").as_deref(),
            Some("hydrogen or h bombs")
        );
        assert_eq!(said(r"\bstand\W?off\b").as_deref(), Some("stand off"));
        assert_eq!(said(r"\b1\W?400\b").as_deref(), Some("1,400"));

        assert_eq!(said(r"\b500\W?000\b").as_deref(), Some("500,000"));
    }

    #[test]
    fn the_normalised_apostrophe_is_put_back() {
        assert_eq!(
            said(r"\b(didn t|never) trust").as_deref(),
            Some("didn't or never trust")
        );
        assert_eq!(
            said(r"\b(didnt|didn t|did not) trust").as_deref(),
            Some("did not trust"),
            "forms the marker reads as one are printed once"
        );
    }

    #[test]
    fn a_run_of_any_words_is_a_gap() {
        assert_eq!(
            said(r"warsaw[a-z ]{0,25}1949").as_deref(),
            Some("warsaw \u{2026} 1949")
        );
        assert_eq!(said(r"nato.*1955").as_deref(), Some("nato \u{2026} 1955"));
    }

    #[test]
    fn letters_not_written_down_cannot_be_said() {
        assert_eq!(said(r"\d+ missiles"), None);
        assert_eq!(said(r"[a-z]+ missiles"), None);
        assert_eq!(said(r"missiles? [0-9]"), None);
        assert_eq!(said(r"(unclosed"), None);
    }
}
