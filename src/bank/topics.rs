//! The topics a bank holds, and one answer for a topic key it does not: every command that
//! takes `--topic` says the same thing, with the nearest real key, rather than failing later
//! in some way that hides the typo (a paper "cannot reach 40 marks").

use super::Bank;

/// One topic of a subject: its key, title and how many questions it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic<'a> {
    /// Subject key.
    pub subject: &'a str,
    /// Topic key (the file name), as `--topic` and blueprints write it.
    pub key: &'a str,
    /// Title from the file header.
    pub title: &'a str,
    /// Questions in the topic.
    pub questions: usize,
}

/// A `--topic` the bank has no question on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no {subject} question has topic `{topic}`; {hint}")]
pub struct UnknownTopic {
    /// Subject key.
    pub subject: String,
    /// The key as given.
    pub topic: String,
    /// "did you mean `cuba`?", or the topics there are.
    pub hint: String,
}

impl Bank {
    /// The subject's topics, by key.
    pub fn topics(&self, subject: &str) -> Vec<Topic<'_>> {
        let mut topics: Vec<Topic<'_>> = Vec::new();
        for q in self.questions.iter().filter(|q| q.subject == subject) {
            match topics.iter_mut().find(|t| t.key == q.topic) {
                Some(t) => t.questions += 1,
                None => topics.push(Topic {
                    subject: &q.subject,
                    key: &q.topic,
                    title: &q.topic_title,
                    questions: 1,
                }),
            }
        }
        topics.sort_by(|a, b| a.key.cmp(b.key));
        topics
    }

    /// Every topic key in `wanted` that the subject has; the first that it has not, with the
    /// nearest one it has.
    pub fn check_topics(&self, subject: &str, wanted: &[String]) -> Result<(), UnknownTopic> {
        let topics = self.topics(subject);
        let keys: Vec<&str> = topics.iter().map(|t| t.key).collect();
        let Some(unknown) = wanted.iter().find(|w| !keys.contains(&w.as_str())) else {
            return Ok(());
        };
        let hint = match super::explain::nearest(unknown, keys.iter().copied()) {
            Some(near) => format!("did you mean `{near}`? (`examkit list topics` shows them all)"),
            None if keys.is_empty() => format!("the bank has no {subject} questions"),
            None => format!("the {subject} topics are {}", keys.join(", ")),
        };
        Err(UnknownTopic {
            subject: subject.to_string(),
            topic: unknown.clone(),
            hint,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::bank::Bank;
    use std::path::PathBuf;

    fn shipped() -> Bank {
        let (bank, _) = crate::bank::load(&[
            PathBuf::from("question-bank"),
            PathBuf::from("mark-schemes"),
        ]);
        bank
    }

    #[test]
    fn a_misspelt_topic_gets_the_nearest() {
        let bank = shipped();
        let err = bank
            .check_topics("history", &["cuba".into(), "berlin-wal".into()])
            .unwrap_err();
        assert_eq!(err.topic, "berlin-wal");
        assert!(
            err.to_string().contains("did you mean `berlin-wall`?"),
            "{err}"
        );
        let err = bank
            .check_topics("history", &["zzzzzz".into()])
            .unwrap_err();
        assert!(err.to_string().contains("cuba, de-stalinisation"), "{err}");
        assert!(bank.check_topics("history", &["korea".into()]).is_ok());
    }

    #[test]
    fn topics_count_their_questions() {
        let bank = shipped();
        let topics = bank.topics("history");
        assert_eq!(topics.len(), 12);
        assert_eq!(
            topics.iter().map(|t| t.questions).sum::<usize>(),
            bank.questions.len()
        );
        assert!(topics.windows(2).all(|w| w[0].key < w[1].key));
    }
}
