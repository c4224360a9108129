//! Items marked `draft: true` — questions and schemes a program wrote (`examkit import
//! notes`) — are listed as notes, one at each `draft` key, so the teacher sees exactly what
//! still needs reading. A draft is not a problem: it never stops `generate` or `mark`.

use super::Checker;

pub(super) fn check(c: &mut Checker<'_>) {
    let bank = c.bank;
    for (i, q) in bank.questions.iter().enumerate() {
        if q.question.draft {
            let path = format!("{}.draft", bank.question_path(i));
            c.note(
                &q.file,
                &path,
                format!("question `{}` is a draft", q.question.id),
                "check its type, marks and wording, then delete `draft: true`",
            );
        }
    }
    for (i, s) in bank.schemes.iter().enumerate() {
        if s.scheme.draft {
            let path = format!("{}.draft", bank.scheme_path(i));
            c.note(
                &s.file,
                &path,
                format!("the scheme for `{}` is a draft", s.scheme.key()),
                "check its points and accepted phrasings, then delete `draft: true`",
            );
        }
    }
}
