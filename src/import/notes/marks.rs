//! What a note question is worth and what kind of question it is, read the way a teacher
//! reads it: the lead-in's count ("There were 3 reasons", "the following 6 actions", "Give
//! two reasons"), else the bullets, else the sentences of the answer that carry facts; and
//! the type from the command word.

use crate::model::QuestionType;
use crate::text::fold::fold;
use crate::text::words::is_stop_word;

/// How a question's marks were found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marks {
    /// The question's marks.
    pub marks: u32,
    /// "Any N of these": set when the count asks for fewer points than are listed.
    pub choose: Option<u32>,
    /// Where the number came from, for the teacher.
    pub from: MarksFrom,
}

/// Where a question's marks came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarksFrom {
    /// The count in the lead-in or the question ("two reasons").
    Count,
    /// The count asked for more points than the answer gives: the points listed.
    CountAboveListed {
        /// What the count said.
        said: u32,
    },
    /// One mark per bullet.
    Bullets,
    /// One mark per sentence that carries a fact.
    Sentences,
}

/// The marks for a question with `points` creditworthy points, given the count the
/// lead-in or question states, if any.
pub fn infer(count: Option<u32>, points: usize, from_bullets: bool) -> Marks {
    let points = u32::try_from(points.max(1)).unwrap_or(u32::MAX);
    let listed = if from_bullets {
        MarksFrom::Bullets
    } else {
        MarksFrom::Sentences
    };
    match count {
        Some(0) => Marks {
            marks: points,
            choose: None,
            from: listed,
        },
        Some(n) if n < points => Marks {
            marks: n,
            choose: Some(n),
            from: MarksFrom::Count,
        },
        Some(n) if n == points => Marks {
            marks: n,
            choose: None,
            from: MarksFrom::Count,
        },
        Some(n) => Marks {
            marks: points,
            choose: None,
            from: MarksFrom::CountAboveListed { said: n },
        },
        None => Marks {
            marks: points,
            choose: None,
            from: listed,
        },
    }
}

/// The number a sentence asks for or announces: "3 possible reasons", "the following 6 main
/// actions", "two ways". A number counts when written in figures up to 20 or as a word, in
/// lower case (so "the Big Three" and years are not counts), and followed by a word that
/// is not a stop word ("one of the causes" gives none).
pub fn count_in(sentence: &str) -> Option<u32> {
    let words: Vec<&str> = sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).find_map(|pair| {
        let n = number(pair[0])?;
        let next = fold(pair[1]).to_lowercase();
        let noun_follows = !is_stop_word(&next) && next.chars().all(char::is_alphabetic);
        noun_follows.then_some(n)
    })
}

fn number(word: &str) -> Option<u32> {
    if let Ok(n) = word.parse::<u32>() {
        return (1..=20).contains(&n).then_some(n);
    }
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    WORDS
        .iter()
        .position(|w| *w == word)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// The question type and command word of a question, from how it opens.
pub fn kind_and_command(question: &str) -> (QuestionType, String) {
    let words: Vec<String> = question
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let first = lower.first().map(String::as_str).unwrap_or("");
    let second = lower.get(1).map(String::as_str).unwrap_or("");
    let asks_why = lower.iter().any(|w| {
        matches!(
            w.as_str(),
            "reason"
                | "reasons"
                | "cause"
                | "causes"
                | "why"
                | "impact"
                | "effect"
                | "effects"
                | "consequence"
                | "consequences"
                | "importance"
                | "significance"
                | "significant"
        )
    });
    let kind = match (first, second) {
        ("why" | "explain", _) | ("how", "far" | "important" | "significant") => {
            QuestionType::Explain
        }
        ("describe" | "outline", _) | ("how", _) | ("in", "what") => QuestionType::Describe,
        ("what" | "which", _) if asks_why => QuestionType::Explain,
        _ => QuestionType::Recall,
    };
    let command = match (first, second) {
        ("how", "far" | "important" | "significant") => {
            format!("{} {}", words[0], words[1])
        }
        _ => words.first().cloned().unwrap_or_else(|| "Answer".into()),
    };
    (kind, capitalised(&command))
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_come_from_lead_ins_and_questions_not_from_names_or_years() {
        assert_eq!(
            count_in("There were 3 possible reasons why he did it:"),
            Some(3)
        );
        assert_eq!(
            count_in("It included the following 6 main actions:"),
            Some(6)
        );
        assert_eq!(
            count_in("Give two reasons why the Wall was built."),
            Some(2)
        );
        assert_eq!(
            count_in("It influenced the Cold War in 3 main ways:"),
            Some(3)
        );
        assert_eq!(count_in("Why did the Big Three meet at Yalta?"), None);
        assert_eq!(count_in("In 1956 there was a rising."), None);
        assert_eq!(count_in("One of the causes was fear."), None);
        assert_eq!(count_in("It lasted 13 days."), Some(13));
    }

    #[test]
    fn marks_follow_the_count_else_the_points() {
        let m = infer(Some(6), 6, true);
        assert_eq!((m.marks, m.choose, m.from), (6, None, MarksFrom::Count));
        let m = infer(Some(2), 5, true);
        assert_eq!((m.marks, m.choose), (2, Some(2)));
        let m = infer(Some(4), 3, true);
        assert_eq!(
            (m.marks, m.from),
            (3, MarksFrom::CountAboveListed { said: 4 })
        );
        assert_eq!(infer(None, 3, true).from, MarksFrom::Bullets);
        let m = infer(None, 2, false);
        assert_eq!((m.marks, m.from), (2, MarksFrom::Sentences));
        assert_eq!(infer(None, 0, false).marks, 1);
    }

    #[test]
    fn the_command_word_gives_the_type() {
        let k = |q: &str| kind_and_command(q);
        assert_eq!(
            k("Why was De-Stalinisation introduced?"),
            (QuestionType::Explain, "Why".into())
        );
        assert_eq!(
            k("Explain two results."),
            (QuestionType::Explain, "Explain".into())
        );
        assert_eq!(
            k("What was the impact of it on the Cold War?"),
            (QuestionType::Explain, "What".into())
        );
        assert_eq!(
            k("Describe the rising."),
            (QuestionType::Describe, "Describe".into())
        );
        assert_eq!(
            k("How did the West react?"),
            (QuestionType::Describe, "How".into())
        );
        assert_eq!(
            k("How far was he to blame?"),
            (QuestionType::Explain, "How far".into())
        );
        assert_eq!(
            k("When did it happen?"),
            (QuestionType::Recall, "When".into())
        );
        assert_eq!(
            k("what actions did it lead to?"),
            (QuestionType::Recall, "What".into())
        );
        assert_eq!(k("Name the leader."), (QuestionType::Recall, "Name".into()));
    }
}
