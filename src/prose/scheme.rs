//! A whole scheme in words: what each point is worth, what is accepted and not accepted
//! for it, how points combine ("any two", caps), the levels with their descriptors, the
//! caps on levels, deductions and indicative content — everything a printed mark scheme
//! shows, as plain data, so the PDF, the terminal and the web page print the same words.

use super::manner::{Manner, plural};
use super::names::Names;
use super::pattern::phrasings;
use crate::model::{Board, CapCondition, Point, Rules, Scheme};
use serde::Serialize;

/// A scheme as a teacher reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SchemeProse {
    /// The scheme's key: `id` or `id/part`.
    pub key: String,
    /// Maximum mark.
    pub max: u32,
    /// The model answer.
    pub model_answer: String,
    /// How marks are given.
    pub marking: Marking,
    /// Deductions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub penalties: Vec<PenaltyProse>,
    /// Indicative content and advice, one item a line, as the scheme writes it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub indicative: Vec<String>,
}

/// How a scheme gives marks, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "style", rename_all = "kebab-case")]
pub enum Marking {
    /// Marks per point.
    Points {
        /// How the points combine: "Credit any 2 of the following 4 points.", a cap.
        rubric: Vec<String>,
        /// The points, with their marks.
        points: Vec<PointProse>,
    },
    /// Levels of response.
    Levels {
        /// The levels, highest first, as boards print them.
        levels: Vec<LevelProse>,
        /// Limits on the level: "An answer that argues only one side reaches at most
        /// Level 2."
        caps: Vec<String>,
        /// The points an answer may make (indicative content), without marks of their own.
        points: Vec<PointProse>,
    },
    /// Multiple choice.
    Choice {
        /// The right option with its mark: "C (1 mark; no other option earns it)".
        answer: String,
    },
}

/// One point in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PointProse {
    /// The point's id (reports and class summaries use it).
    pub id: String,
    /// What the point is, with its side ("For: …") when the label does not say it.
    pub label: String,
    /// Its marks in the board's manner, for point-marked schemes: "(1 mark)", "[1]".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marks: Option<String>,
    /// Accepted phrasings in words.
    pub accept: Vec<String>,
    /// Phrasings not accepted, in words.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reject: Vec<String>,
    /// What developing the point earns, and what counts: "1 further mark for developing it:
    /// explaining it (because…, which meant…)". For levels, only where the scheme lists the
    /// details that count as development (levels give no marks for it on their own).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub develop: Option<String>,
}

/// One level in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LevelProse {
    /// "Level 3 (5–6 marks)", in the board's manner.
    pub heading: String,
    /// The descriptor.
    pub descriptor: String,
}

/// One deduction in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PenaltyProse {
    /// "Deduct 1 mark".
    pub marks: String,
    /// What is wrong.
    pub label: String,
    /// The wrong statement's phrasings, in words.
    pub when: Vec<String>,
}

impl SchemeProse {
    /// `scheme` in words, with synonym groups named from `shared` (the subject's groups)
    /// and the scheme's own, marks written as `board` writes them (plainly without one).
    pub fn new(scheme: &Scheme, shared: &Names, board: Option<Board>) -> SchemeProse {
        let names = shared.with(&scheme.synonyms);
        let manner = Manner::new(board);
        let marking = match &scheme.rules {
            Rules::Points(rules) => {
                let mut rubric = Vec::new();
                if let Some(n) = rules.choose {
                    rubric.push(manner.choose(n, rules.points.len()));
                }
                if let Some(cap) = rules.cap {
                    rubric.push(manner.cap(cap));
                }
                let points = rules
                    .points
                    .iter()
                    .map(|p| point(p, &names, manner, true))
                    .collect();
                Marking::Points { rubric, points }
            }
            Rules::Levels(rules) => Marking::Levels {
                levels: rules
                    .levels
                    .iter()
                    .rev()
                    .map(|l| LevelProse {
                        heading: manner.level(l.level, l.marks[0], l.marks[1]),
                        descriptor: l.descriptor.clone(),
                    })
                    .collect(),
                caps: rules
                    .caps
                    .iter()
                    .map(|cap| {
                        let who = match cap.when {
                            CapCondition::OneSided => "An answer that argues only one side",
                            CapCondition::Undeveloped => "An answer that develops no point",
                            CapCondition::ListOnly => {
                                "A list of words or phrases rather than sentences"
                            }
                        };
                        format!("{who} reaches at most Level {}.", cap.max_level)
                    })
                    .collect(),
                points: rules
                    .points
                    .iter()
                    .map(|p| point(p, &names, manner, false))
                    .collect(),
            },
            Rules::Choice(choice) => Marking::Choice {
                answer: manner.choice(&choice.correct),
            },
        };
        SchemeProse {
            key: scheme.key(),
            max: scheme.max,
            model_answer: scheme.model_answer.clone(),
            marking,
            penalties: scheme
                .penalties
                .iter()
                .map(|p| PenaltyProse {
                    marks: manner.deduct(p.marks),
                    label: p.label.clone(),
                    when: phrasings(&p.when, &names),
                })
                .collect(),
            indicative: scheme.guidance.clone(),
        }
    }

    /// The points, whichever way the scheme marks them.
    pub fn points(&self) -> &[PointProse] {
        match &self.marking {
            Marking::Points { points, .. } | Marking::Levels { points, .. } => points,
            Marking::Choice { .. } => &[],
        }
    }

    /// The point with this id.
    pub fn point(&self, id: &str) -> Option<&PointProse> {
        self.points().iter().find(|p| p.id == id)
    }
}

fn point(p: &Point, names: &Names, manner: Manner, with_marks: bool) -> PointProse {
    let label = match &p.side {
        Some(side) if !names_its_side(&p.label, side) => {
            format!("{}: {}", capitalised(side), p.label)
        }
        _ => p.label.clone(),
    };
    let develop = p.develop.as_ref().and_then(|dev| {
        let details = phrasings(&dev.accept, names).join("; ");
        if with_marks {
            let how = if details.is_empty() {
                "explaining it (because\u{2026}, which meant\u{2026}, as a result\u{2026})"
                    .to_string()
            } else {
                details
            };
            Some(format!("{}: {how}", manner.develop(dev.marks)))
        } else {
            (!details.is_empty()).then(|| format!("Counts as developed with: {details}"))
        }
    });
    PointProse {
        id: p.id.clone(),
        label,
        marks: with_marks.then(|| manner.point_marks(p.marks)),
        accept: phrasings(&p.accept, names),
        reject: phrasings(&p.reject, names),
        develop,
    }
}

/// Whether the label already names its side, as labels such as "Agree: …", "Content: …"
/// or "Source B provenance: …" do (a short lead-in before a colon), or begins with it.
fn names_its_side(label: &str, side: &str) -> bool {
    let lower = label.to_lowercase();
    let side = side.to_lowercase().replace('-', " ");
    let lead_in = lower
        .split_once(':')
        .is_some_and(|(before, _)| before.split_whitespace().count() <= 4);
    lead_in
        || (lower.starts_with(&side)
            && lower[side.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric()))
}

fn capitalised(side: &str) -> String {
    let side = side.replace('-', " ");
    let mut chars = side.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Performance descriptors for spelling, punctuation and grammar with the use of
/// specialist terms, for a question worth `spag` such marks, in bands as AQA sets them
/// (high, intermediate, threshold), written for examkit. Empty for a question without SPaG.
pub fn spag_levels(spag: u32) -> Vec<LevelProse> {
    const HIGH: &str = "Spelling and punctuation are accurate throughout. Grammar is \
        handled with sure control, so the meaning is clear all the way through. A wide range \
        of subject terms is used, each where it fits.";
    const MIDDLE: &str = "Spelling and punctuation are accurate in most of the answer. \
        Grammar is mostly controlled, so the meaning is generally clear. A good range of \
        subject terms is used.";
    const THRESHOLD: &str = "Spelling and punctuation are reasonably accurate. Grammar is \
        controlled well enough that the meaning is mostly clear, despite some errors. A \
        few subject terms are used.";
    const NONE: &str = "Nothing written reaches the threshold, or nothing written relates \
        to the question.";
    if spag == 0 {
        return Vec::new();
    }
    let band = |name: &str, lo: u32, hi: u32, text: &str| LevelProse {
        heading: match (lo, hi) {
            (0, 0) => format!("{name} (0 marks)"),
            _ if lo == hi => format!("{name} ({})", plural(lo)),
            _ => format!("{name} ({lo}\u{2013}{hi} marks)"),
        },
        descriptor: text.to_string(),
    };
    let mut out = vec![band("High performance", spag, spag, HIGH)];
    if spag >= 3 {
        out.push(band("Intermediate performance", 2, spag - 1, MIDDLE));
    }
    if spag >= 2 {
        out.push(band("Threshold performance", 1, 1, THRESHOLD));
    }
    out.push(band("No marks", 0, 0, NONE));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Development, Level, LevelRequirements, LevelRules, Pattern, PointRules};

    fn pt(id: &str, label: &str, accept: &[&str]) -> Point {
        Point {
            id: id.into(),
            label: label.into(),
            marks: 1,
            accept: accept
                .iter()
                .map(|a| Pattern::Phrase(a.to_string()))
                .collect(),
            reject: Vec::new(),
            develop: None,
            side: None,
            describe: false,
            shares_words: false,
        }
    }

    fn scheme(rules: Rules) -> Scheme {
        Scheme {
            question: "q".into(),
            part: None,
            max: 4,
            model_answer: "An answer.".into(),
            guidance: vec!["Credit other valid points.".into()],
            echo_allowed: Vec::new(),
            synonyms: [("dev".to_string(), vec!["developed".to_string()])].into(),
            rules,
            penalties: Vec::new(),
            draft: false,
        }
    }

    #[test]
    fn points_read_with_marks_rubric_and_development_in_the_board_manner() {
        let mut a = pt("a", "Cominform was closed", &["closed|shut Cominform"]);
        a.develop = Some(Development {
            marks: 1,
            accept: Vec::new(),
        });
        let rules = Rules::Points(PointRules {
            choose: Some(2),
            cap: Some(4),
            points: vec![a, pt("b", "Troops left Austria", &["troops Austria"])],
        });
        let s = scheme(rules);
        let cie = SchemeProse::new(&s, &Names::default(), Some(Board::Cie));
        let Marking::Points { rubric, points } = &cie.marking else {
            panic!("points scheme read as {:?}", cie.marking);
        };
        assert_eq!(rubric, &["Any 2 from:", "[max 4]"]);
        assert_eq!(points[0].marks.as_deref(), Some("[1]"));
        assert_eq!(points[0].accept, ["closed or shut Cominform"]);
        assert!(
            points[0]
                .develop
                .as_deref()
                .unwrap_or("")
                .starts_with("Development [1]: explaining it")
        );
        assert_eq!(points[1].develop, None);
        let aqa = SchemeProse::new(&s, &Names::default(), Some(Board::Aqa));
        assert_eq!(aqa.points()[0].marks.as_deref(), Some("(1 mark)"));
        assert_eq!(aqa.indicative, ["Credit other valid points."]);
    }

    #[test]
    fn levels_read_highest_first_without_marks_per_point() {
        let mut p = pt("x", "missiles removed", &["@dev"]);
        p.side = Some("for".into());
        p.develop = Some(Development {
            marks: 1,
            accept: Vec::new(),
        });
        let level = |n, lo, hi| Level {
            level: n,
            marks: [lo, hi],
            descriptor: format!("Level {n} answer."),
            requires: LevelRequirements::default(),
        };
        let rules = Rules::Levels(LevelRules {
            points: vec![p],
            levels: vec![level(1, 1, 2), level(2, 3, 4)],
            caps: vec![crate::model::Cap {
                when: CapCondition::OneSided,
                max_level: 1,
            }],
        });
        let prose = SchemeProse::new(&scheme(rules), &Names::default(), Some(Board::Edexcel));
        let Marking::Levels {
            levels,
            caps,
            points,
        } = &prose.marking
        else {
            panic!("levels scheme read as {:?}", prose.marking);
        };
        assert_eq!(levels[0].heading, "Level 2 (3\u{2013}4 marks)");
        assert_eq!(
            caps,
            &["An answer that argues only one side reaches at most Level 1."]
        );
        assert_eq!(points[0].label, "For: missiles removed");
        assert_eq!(points[0].marks, None);
        assert_eq!(
            points[0].develop, None,
            "levels give no mark for development"
        );
        assert_eq!(
            points[0].accept,
            ["developed"],
            "the scheme's own group is named"
        );
    }

    #[test]
    fn spag_bands_follow_the_marks() {
        let four = spag_levels(4);
        let heads: Vec<&str> = four.iter().map(|l| l.heading.as_str()).collect();
        assert_eq!(
            heads,
            [
                "High performance (4 marks)",
                "Intermediate performance (2\u{2013}3 marks)",
                "Threshold performance (1 mark)",
                "No marks (0 marks)"
            ]
        );
        assert_eq!(spag_levels(2).len(), 3);
        assert!(spag_levels(0).is_empty());
    }
}
