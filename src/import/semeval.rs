//! The SemEval-2013 Task 7 XML format: one file per question, holding the question text,
//! reference answers, and students' answers each labelled by trained annotators.
//!
//! ```xml
//! <question id="Q1" module="M" qtype="…">
//!   <questionText>…</questionText>
//!   <referenceAnswers><referenceAnswer id="r1" category="BEST">…</referenceAnswer></referenceAnswers>
//!   <studentAnswers><studentAnswer id="s1" accuracy="correct">…</studentAnswer></studentAnswers>
//! </question>
//! ```
//!
//! The labels come in schemes of increasing detail (`2way`: correct / incorrect; `3way`: also
//! contradictory; `5way`: also partially correct, irrelevant, non-domain); this reader keeps
//! the label as written and leaves its meaning to the caller.

use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

/// One question file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The question id (`id` attribute of `<question>`).
    pub id: String,
    /// The module (topic) it belongs to, when given.
    pub module: Option<String>,
    /// The question as students saw it.
    pub text: String,
    /// The reference answers, in file order.
    pub references: Vec<Reference>,
    /// The labelled student answers, in file order.
    pub answers: Vec<StudentAnswer>,
}

/// A reference answer written by the task's authors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// Its id, when given.
    pub id: Option<String>,
    /// Its category (`BEST`, `GOOD`, `MINIMAL`, `KEYWORD`), when given.
    pub category: Option<String>,
    /// The answer.
    pub text: String,
}

/// A student's answer with the annotators' label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StudentAnswer {
    /// Its id.
    pub id: String,
    /// The label (`accuracy` attribute): `correct`, `incorrect`, `contradictory`, …
    pub label: String,
    /// The answer as the student typed it.
    pub text: String,
}

/// Why a file could not be read as a SemEval question.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, column {column}: {message}")]
pub struct ParseError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl ParseError {
    fn at(xml: &str, offset: u64, message: impl Into<String>) -> ParseError {
        let offset = (offset as usize).min(xml.len());
        let before = xml.get(..offset).unwrap_or(xml);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        ParseError {
            line,
            column,
            message: message.into(),
        }
    }
}

/// Which element's text is being collected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Collecting {
    Nothing,
    QuestionText,
    Reference,
    Student,
}

/// Parse one question file.
pub fn parse(xml: &str) -> Result<Question, ParseError> {
    let mut reader = Reader::from_str(xml);
    let mut question: Option<Question> = None;
    let mut collecting = Collecting::Nothing;
    let mut text = String::new();
    let mut pending_reference: Option<Reference> = None;
    let mut pending_answer: Option<StudentAnswer> = None;
    loop {
        let offset = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| ParseError::at(xml, reader.error_position(), e.to_string()))?;
        match event {
            Event::Start(start) => {
                let name = start.name();
                match name.as_ref() {
                    "question" => {
                        question = Some(Question {
                            id: required(xml, offset, &start, "id")?,
                            module: optional(xml, offset, &start, "module")?,
                            text: String::new(),
                            references: Vec::new(),
                            answers: Vec::new(),
                        });
                    }
                    "questionText" => collecting = Collecting::QuestionText,
                    "referenceAnswer" => {
                        collecting = Collecting::Reference;
                        pending_reference = Some(Reference {
                            id: optional(xml, offset, &start, "id")?,
                            category: optional(xml, offset, &start, "category")?,
                            text: String::new(),
                        });
                    }
                    "studentAnswer" => {
                        collecting = Collecting::Student;
                        pending_answer = Some(StudentAnswer {
                            id: required(xml, offset, &start, "id")?,
                            label: required(xml, offset, &start, "accuracy")?,
                            text: String::new(),
                        });
                    }
                    _ => {}
                }
                text.clear();
            }
            Event::Empty(empty) if empty.name().as_ref() == "studentAnswer" => {
                // An empty answer is still an answer the annotators labelled.
                if let Some(q) = question.as_mut() {
                    q.answers.push(StudentAnswer {
                        id: required(xml, offset, &empty, "id")?,
                        label: required(xml, offset, &empty, "accuracy")?,
                        text: String::new(),
                    });
                }
            }
            Event::Text(t) if collecting != Collecting::Nothing => {
                text.push_str(&t.xml10_content());
            }
            Event::CData(t) if collecting != Collecting::Nothing => {
                text.push_str(&t.xml10_content());
            }
            Event::GeneralRef(r) if collecting != Collecting::Nothing => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => {
                        let name = r.xml10_content();
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .map(str::to_string)
                            .ok_or_else(|| {
                                ParseError::at(xml, offset, format!("unknown entity `&{name};`"))
                            })?
                    }
                    Err(e) => return Err(ParseError::at(xml, offset, e.to_string())),
                };
                text.push_str(&resolved);
            }
            Event::End(end) => {
                let Some(q) = question.as_mut() else {
                    continue;
                };
                let content = text.trim().to_string();
                match (end.name().as_ref(), collecting) {
                    ("questionText", Collecting::QuestionText) => q.text = content,
                    ("referenceAnswer", Collecting::Reference) => {
                        if let Some(mut r) = pending_reference.take() {
                            r.text = content;
                            q.references.push(r);
                        }
                    }
                    ("studentAnswer", Collecting::Student) => {
                        if let Some(mut a) = pending_answer.take() {
                            a.text = content;
                            q.answers.push(a);
                        }
                    }
                    _ => continue,
                }
                collecting = Collecting::Nothing;
                text.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    question.ok_or_else(|| {
        ParseError::at(
            xml,
            0,
            "no <question> element: is this a SemEval-2013 Task 7 question file?",
        )
    })
}

fn optional(
    xml: &str,
    offset: u64,
    start: &BytesStart<'_>,
    name: &str,
) -> Result<Option<String>, ParseError> {
    match start.try_get_attribute(name) {
        Ok(Some(attr)) => attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map(|v| Some(v.into_owned()))
            .map_err(|e| ParseError::at(xml, offset, e.to_string())),
        Ok(None) => Ok(None),
        Err(e) => Err(ParseError::at(xml, offset, e.to_string())),
    }
}

fn required(
    xml: &str,
    offset: u64,
    start: &BytesStart<'_>,
    name: &str,
) -> Result<String, ParseError> {
    optional(xml, offset, start, name)?.ok_or_else(|| {
        ParseError::at(
            xml,
            offset,
            format!("<{}> has no `{name}` attribute", start.name().as_ref()),
        )
    })
}

/// Which labelling a corpus folder holds; it decides which labels are valid and whether the
/// label is kept beside the mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Labels {
    /// `correct` / `incorrect`.
    TwoWay,
    /// `correct` / `contradictory` / `incorrect`.
    ThreeWay,
}

impl Labels {
    /// The labels this labelling uses.
    pub fn valid(self) -> &'static [&'static str] {
        match self {
            Labels::TwoWay => &["correct", "incorrect"],
            Labels::ThreeWay => &["correct", "contradictory", "incorrect"],
        }
    }
}

/// One row of examkit's moderation CSV.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The question id.
    pub question: String,
    /// The student's answer.
    pub answer: String,
    /// 1 for `correct`, 0 otherwise.
    pub mark: u32,
    /// The label as written (kept for 3-way labels, where "incorrect" and "contradictory"
    /// both give 0 but mean different things).
    pub label: String,
    /// The answer's id in the corpus.
    pub answer_id: String,
}

/// A label that does not belong to the labelling asked for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "answer `{answer_id}` has label `{label}`, which is not one of {expected}; \
     is this the right --labels (2way or 3way) for this folder?"
)]
pub struct LabelError {
    /// The answer's id.
    pub answer_id: String,
    /// The label found.
    pub label: String,
    /// The labels expected.
    pub expected: String,
}

/// Turn a question's labelled answers into moderation rows: `correct` earns the one mark.
pub fn rows(question: &Question, labels: Labels) -> Result<Vec<Row>, LabelError> {
    question
        .answers
        .iter()
        .map(|answer| {
            if !labels.valid().contains(&answer.label.as_str()) {
                return Err(LabelError {
                    answer_id: answer.id.clone(),
                    label: answer.label.clone(),
                    expected: labels.valid().join(", "),
                });
            }
            Ok(Row {
                question: question.id.clone(),
                answer: answer.text.clone(),
                mark: u32::from(answer.label == "correct"),
                label: answer.label.clone(),
                answer_id: answer.id.clone(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version="1.0"?>
<question id="Q1" module="Circuits">
  <questionText>Why did the bulb go out?</questionText>
  <referenceAnswers>
    <referenceAnswer category="BEST" id="r1">There is a gap &amp; no closed path</referenceAnswer>
  </referenceAnswers>
  <studentAnswers>
    <studentAnswer id="s1" accuracy="correct">the path is open &#8211; a gap</studentAnswer>
    <studentAnswer id="s2" accuracy="contradictory">it  is
      closed</studentAnswer>
    <studentAnswer id="s3" accuracy="incorrect"/>
  </studentAnswers>
</question>
"#;

    #[test]
    fn reads_question_references_and_labelled_answers() {
        let q = parse(SAMPLE).unwrap();
        assert_eq!(q.id, "Q1");
        assert_eq!(q.module.as_deref(), Some("Circuits"));
        assert_eq!(q.text, "Why did the bulb go out?");
        assert_eq!(q.references.len(), 1);
        assert_eq!(q.references[0].text, "There is a gap & no closed path");
        assert_eq!(q.references[0].category.as_deref(), Some("BEST"));
        assert_eq!(q.answers.len(), 3);
        assert_eq!(q.answers[0].text, "the path is open – a gap");
        assert_eq!(q.answers[0].label, "correct");
        assert_eq!(q.answers[1].label, "contradictory");
        assert_eq!(q.answers[1].text, "it  is\n      closed");
        assert_eq!(q.answers[2].text, "");
    }

    #[test]
    fn a_missing_label_is_located() {
        let xml = "<question id=\"Q\">\n  <studentAnswers>\n    <studentAnswer id=\"s\">x</studentAnswer>";
        let err = parse(xml).unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.message.contains("accuracy"), "{err}");
    }

    #[test]
    fn correct_earns_the_mark_and_labels_are_checked() {
        let q = parse(SAMPLE).unwrap();
        let rows3 = rows(&q, Labels::ThreeWay).unwrap();
        let marks: Vec<u32> = rows3.iter().map(|r| r.mark).collect();
        assert_eq!(marks, [1, 0, 0]);
        assert_eq!(rows3[1].label, "contradictory");
        assert_eq!(rows3[0].question, "Q1");
        assert_eq!(rows3[0].answer_id, "s1");
        let err = rows(&q, Labels::TwoWay).unwrap_err();
        assert_eq!(err.answer_id, "s2");
        assert!(err.to_string().contains("--labels"), "{err}");
    }

    #[test]
    fn malformed_xml_is_an_error_not_a_panic() {
        let err = parse("<question id=\"Q\"><questionText>a</question>").unwrap_err();
        assert_eq!(err.line, 1);
        assert!(parse("just text").is_err());
        assert!(parse("").is_err());
    }
}
