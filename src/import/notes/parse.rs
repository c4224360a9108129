//! From classified lines to note questions: each question with its answer (the paragraph
//! before any bullets, the bullets, and text after them), and every line that is not notes
//! set aside with the reason, for the teacher to see.

use super::lines::{Line, LineKind, classify, is_furniture, reads_as_question};

/// Notes read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notes {
    /// The page's title, when it has one (a Markdown `# Title`, or a short first line).
    pub title: Option<String>,
    /// The questions, in order.
    pub questions: Vec<NoteQuestion>,
    /// Lines left out, with why.
    pub skipped: Vec<Skipped>,
}

/// One question of the notes with its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteQuestion {
    /// Where the question is (1-based line and column).
    pub line: usize,
    /// Column of the question's text.
    pub column: usize,
    /// The question as written.
    pub text: String,
    /// The answer's text before its bullets (or all of it, when it has none), line by line.
    pub lead: Vec<String>,
    /// The bullets, each with its line number.
    pub bullets: Vec<(usize, String)>,
    /// Text after the bullets.
    pub after: Vec<String>,
}

/// A line left out of the import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// 1-based line number.
    pub line: usize,
    /// The line's text.
    pub text: String,
    /// Why it was left out.
    pub reason: SkipReason,
}

/// Why a line was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// Before the first question: not part of any answer.
    BeforeFirstQuestion,
    /// Web-page furniture: a menu, advert, app-store or sign-up line.
    Furniture,
    /// After furniture and before the next question: the rest of the page's furniture.
    AfterFurniture,
}

impl SkipReason {
    /// In words, for the command's output.
    pub fn describe(self) -> &'static str {
        match self {
            SkipReason::BeforeFirstQuestion => "before the first question",
            SkipReason::Furniture => "not notes (site menu, advert or sign-up text)",
            SkipReason::AfterFurniture => "follows site text, before any question",
        }
    }
}

/// Why notes could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// Nothing in the file reads as a question.
    #[error(
        "no questions found: a question is a line ending in `?` (or starting with a command \
         word such as Describe or Explain), a Markdown `## heading`, or a `Q:` line"
    )]
    NoQuestions,
    /// A question is followed by no answer.
    #[error("the question \"{question}\" has no answer: write its answer on the lines after it")]
    NoAnswer {
        /// The question.
        question: String,
        /// Its line.
        line: usize,
        /// Its column.
        column: usize,
    },
    /// An `A:` line with no question before it.
    #[error("an answer with no question before it: put a `Q:` line above it")]
    AnswerWithoutQuestion {
        /// Its line.
        line: usize,
        /// Its column.
        column: usize,
    },
}

impl ParseError {
    /// Line and column the error is at (1, 1 for the whole file).
    pub fn at(&self) -> (usize, usize) {
        match self {
            ParseError::NoQuestions => (1, 1),
            ParseError::NoAnswer { line, column, .. }
            | ParseError::AnswerWithoutQuestion { line, column } => (*line, *column),
        }
    }
}

/// Read notes from text.
pub fn parse(text: &str) -> Result<Notes, ParseError> {
    let lines = classify(text);
    // Where any line is marked as a question (`## …`, `Q: …`), only marked lines are
    // questions: an answer's own rhetorical "Why?" is then never taken for one.
    let marked = lines
        .iter()
        .any(|l| matches!(l.kind, LineKind::Question(_) | LineKind::Heading(_)));
    let mut reader = Reader {
        marked,
        notes: Notes {
            title: None,
            questions: Vec::new(),
            skipped: Vec::new(),
        },
        open: None,
        closed: false,
        in_question_text: false,
    };
    for line in &lines {
        reader.line(line)?;
    }
    reader.finish()?;
    if reader.notes.questions.is_empty() {
        return Err(ParseError::NoQuestions);
    }
    Ok(reader.notes)
}

struct Reader {
    marked: bool,
    notes: Notes,
    /// The question being read.
    open: Option<NoteQuestion>,
    /// Furniture closed the open question's answer: lines up to the next question are
    /// the page's, not the notes'.
    closed: bool,
    /// In a `Q:`/`A:` layout, between the `Q:` line and its `A:`: text continues the
    /// question.
    in_question_text: bool,
}

impl Reader {
    fn line(&mut self, line: &Line) -> Result<(), ParseError> {
        let question = match &line.kind {
            LineKind::Question(text) | LineKind::Heading(text) => Some(text.clone()),
            LineKind::Text(text) if !self.marked && reads_as_question(text) => Some(text.clone()),
            _ => None,
        };
        if let Some(text) = question {
            self.finish()?;
            self.in_question_text =
                self.marked && matches!(line.kind, LineKind::Question(_)) && !text.ends_with('?');
            self.open = Some(NoteQuestion {
                line: line.number,
                column: line.column,
                text,
                lead: Vec::new(),
                bullets: Vec::new(),
                after: Vec::new(),
            });
            self.closed = false;
            return Ok(());
        }
        let (text, bullet) = match &line.kind {
            LineKind::Blank => return Ok(()),
            LineKind::Title(text) => {
                if self.notes.title.is_none() && self.open.is_none() {
                    self.notes.title = Some(text.clone());
                } else {
                    self.skip(line, text, SkipReason::BeforeFirstQuestion);
                }
                return Ok(());
            }
            LineKind::Answer(text) => {
                if self.open.is_none() {
                    return Err(ParseError::AnswerWithoutQuestion {
                        line: line.number,
                        column: line.column,
                    });
                }
                self.in_question_text = false;
                if text.is_empty() {
                    return Ok(());
                }
                (text, false)
            }
            LineKind::Bullet(text) => (text, true),
            LineKind::Text(text) | LineKind::Question(text) | LineKind::Heading(text) => {
                (text, false)
            }
        };
        let Some(open) = self.open.as_mut() else {
            if self.notes.title.is_none() && self.notes.skipped.is_empty() && is_title(text) {
                self.notes.title = Some(text.clone());
            } else {
                let reason = if is_furniture(text) {
                    SkipReason::Furniture
                } else {
                    SkipReason::BeforeFirstQuestion
                };
                self.skip(line, text, reason);
            }
            return Ok(());
        };
        if self.closed {
            let reason = if is_furniture(text) {
                SkipReason::Furniture
            } else {
                SkipReason::AfterFurniture
            };
            self.skip(line, text, reason);
            return Ok(());
        }
        if is_furniture(text) {
            self.closed = true;
            self.skip(line, text, SkipReason::Furniture);
            return Ok(());
        }
        if self.in_question_text && !bullet {
            open.text.push(' ');
            open.text.push_str(text);
            return Ok(());
        }
        if bullet {
            open.bullets.push((line.number, text.clone()));
        } else if open.bullets.is_empty() {
            open.lead.push(text.clone());
        } else if line.indent > 0 && open.after.is_empty() {
            // An indented line under a bullet continues it.
            if let Some((_, last)) = open.bullets.last_mut() {
                last.push(' ');
                last.push_str(text);
            }
        } else {
            open.after.push(text.clone());
        }
        Ok(())
    }

    fn skip(&mut self, line: &Line, text: &str, reason: SkipReason) {
        self.notes.skipped.push(Skipped {
            line: line.number,
            text: text.to_string(),
            reason,
        });
    }

    /// Close the open question, refusing one without an answer.
    fn finish(&mut self) -> Result<(), ParseError> {
        if let Some(q) = self.open.take() {
            if q.lead.is_empty() && q.bullets.is_empty() && q.after.is_empty() {
                return Err(ParseError::NoAnswer {
                    question: q.text,
                    line: q.line,
                    column: q.column,
                });
            }
            self.notes.questions.push(q);
        }
        Ok(())
    }
}

/// A first line that names the page: short, and not a sentence.
fn is_title(text: &str) -> bool {
    text.split_whitespace().count() <= 12 && !text.ends_with(['.', ':', '?', '!'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_notes_with_a_lead_in_and_bullets() {
        let notes = parse(
            "The Berlin Wall\n\nWhy was the Wall built?\nThere were 2 reasons:\n  • Refugees were leaving.\n  • It embarrassed the GDR.\nWhen was it built?\nIn August 1961.\n",
        )
        .unwrap();
        assert_eq!(notes.title.as_deref(), Some("The Berlin Wall"));
        assert_eq!(notes.questions.len(), 2);
        let q = &notes.questions[0];
        assert_eq!(q.text, "Why was the Wall built?");
        assert_eq!(q.lead, ["There were 2 reasons:"]);
        assert_eq!(q.bullets.len(), 2);
        assert_eq!(q.bullets[1], (6, "It embarrassed the GDR.".to_string()));
        assert_eq!(notes.questions[1].lead, ["In August 1961."]);
    }

    #[test]
    fn furniture_ends_an_answer_and_is_listed() {
        let notes = parse(
            "Who built it?\nThe GDR built it.\nScroll to the answer\nWelcome to Site!\nStudy Guides\n",
        )
        .unwrap();
        assert_eq!(notes.questions[0].lead, ["The GDR built it."]);
        let reasons: Vec<_> = notes.skipped.iter().map(|s| (s.line, s.reason)).collect();
        assert_eq!(
            reasons,
            [
                (3, SkipReason::Furniture),
                (4, SkipReason::Furniture),
                (5, SkipReason::AfterFurniture)
            ]
        );
    }

    #[test]
    fn marked_layouts_take_only_marked_questions() {
        let md = parse("# Cuba\n\n## Why did Khrushchev back down?\n\nHe feared war. Why? Because it would be nuclear.\n\n- The blockade held.\n").unwrap();
        assert_eq!(md.title.as_deref(), Some("Cuba"));
        assert_eq!(md.questions.len(), 1);
        assert_eq!(md.questions[0].bullets.len(), 1);
        let qa = parse("Q: Name the US president\nduring the crisis.\nA: Kennedy.\nQ: Which island?\nA:\nCuba.\n").unwrap();
        assert_eq!(
            qa.questions[0].text,
            "Name the US president during the crisis."
        );
        assert_eq!(qa.questions[0].lead, ["Kennedy."]);
        assert_eq!(qa.questions[1].lead, ["Cuba."]);
    }

    #[test]
    fn bad_notes_are_refused_at_their_line() {
        assert_eq!(
            parse("Just some text.\nMore text.\n"),
            Err(ParseError::NoQuestions)
        );
        let err = parse("Who?\nKhrushchev.\nWhen did it end?\n").unwrap_err();
        assert_eq!(err.at(), (3, 1));
        let err = parse("Q: Who?\n\nQ: When?\nA: 1964.\n").unwrap_err();
        assert_eq!(err.at(), (1, 4));
        assert_eq!(parse("A: 1964.\n").unwrap_err().at(), (1, 4));
    }
}
