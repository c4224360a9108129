//! Unit tests of each marking mechanism, on small schemes written for the purpose.

use super::*;
use crate::model::{Scheme, SynonymFile};

fn synonyms() -> SynonymFile {
    serde_yaml::from_str(
        r#"
subject: history
groups:
  ussr: [USSR, Soviet Union, Soviets, Soviet, Russia]
  usa: [USA, United States, America, US]
  khrushchev: [Khrushchev, Nikita Khrushchev]
  troops: [troops, soldiers, army, tanks]
"#,
    )
    .unwrap()
}

pub(super) fn marker(yaml: &str, question: &str) -> Marker {
    let scheme: Scheme = serde_yaml::from_str(yaml).unwrap();
    Marker::new(&scheme, question, Some(&synonyms())).unwrap()
}

/// A one-point scheme accepting `pattern` (YAML), worth 1 mark.
pub(super) fn one(pattern: &str) -> Marker {
    marker(
        &format!(
            "question: q\nmax: 1\nmodel_answer: x\nrules:\n  points:\n    points:\n      - id: p\n        label: the point\n        accept: [{pattern}]\n"
        ),
        "Describe events in Europe.",
    )
}

fn status(m: &Marker, answer: &str) -> PointStatus {
    m.mark(answer).points[0].status
}

#[test]
fn stems_match_inflections() {
    let m = one("\"weaken Stalin's reputation\"");
    assert_eq!(m.mark("It weakened Stalin's reputation.").awarded, 1);
    assert_eq!(m.mark("by weakening the reputation of Stalin").awarded, 1);
}

#[test]
fn accents_and_case_fold() {
    let m = one("\"Rákosi removed\"");
    assert_eq!(m.mark("RAKOSI was removed").awarded, 1);
    let m = one("Dubcek");
    assert_eq!(m.mark("Dubček led the reforms").awarded, 1);
}

#[test]
fn misspellings_scale_with_word_length() {
    let m = one("Khrushchev");
    for spelling in ["Kruschev", "Khruschev", "Krushchev", "khrushchev"] {
        assert_eq!(m.mark(spelling).awarded, 1, "{spelling}");
    }
    let m = one("Turkey");
    for spelling in ["Turky", "Turkee"] {
        assert_eq!(m.mark(spelling).awarded, 1, "{spelling}");
    }
    assert_eq!(m.mark("Kennedy").awarded, 0);
    // A four-letter word allows one edit when the first letter is right ("pah", "ppath"
    // for "path"); a wrong first letter is another word ("bath").
    let m = one("path");
    for spelling in ["pah", "ppath", "paht"] {
        assert_eq!(m.mark(spelling).awarded, 1, "{spelling}");
    }
    assert_eq!(m.mark("bath").awarded, 0);
    let m = one("Cuba");
    assert_eq!(m.mark("Cubo").awarded, 1);
    assert_eq!(m.mark("Tuba").awarded, 0);
    // Shorter words and numbers get no tolerance.
    let m = one("gap");
    assert_eq!(m.mark("gep").awarded, 0);
    let m = one("\"1956\"");
    assert_eq!(m.mark("in 1965").awarded, 0);
    assert_eq!(m.mark("in 1956").awarded, 1);
}

#[test]
fn a_negating_prefix_is_not_a_misspelling() {
    let m = one("\"incomplete circuit\"");
    assert_eq!(m.mark("the circuit is complete").awarded, 0);
    assert_eq!(m.mark("an incompleet circuit").awarded, 1);
    let m = one("insoluble");
    assert_eq!(m.mark("it is soluble").awarded, 0);
    assert_eq!(m.mark("it is insolluble").awarded, 1);
    let m = one("disagreement");
    assert_eq!(m.mark("there was agreement").awarded, 0);
}

#[test]
fn a_not_that_belongs_to_one_part_of_all_does_not_deny_the_others() {
    let m = one("{ all: [\"not connected\", positive] }");
    assert_eq!(
        m.mark("terminal 1 is not connected to the positive terminal")
            .awarded,
        1
    );
    assert_eq!(
        m.mark("the positive terminal is not connected to terminal 1")
            .awarded,
        1
    );
    // A denial of its own still counts.
    let m = one("{ all: [gap, positive] }");
    assert_eq!(
        m.mark("there is no gap at the positive terminal").awarded,
        0
    );
}

#[test]
fn fuzzy_can_be_switched_off() {
    let m = one("{ phrase: Khrushchev, fuzzy: false }");
    assert_eq!(m.mark("Kruschev").awarded, 0);
    assert_eq!(m.mark("Khrushchev").awarded, 1);
}

#[test]
fn phrases_allow_a_gap_in_any_order_within_one_sentence() {
    let m = one("\"withdrew (Soviet) troops from Austria\"");
    assert_eq!(m.mark("troops withdrawn from austria").awarded, 1);
    assert_eq!(
        m.mark("He withdrew all of the troops from Austria.")
            .awarded,
        1
    );
    // Too far apart.
    assert_eq!(
        m.mark(
            "He withdrew, after a long, bitter and public argument with Molotov, troops in Austria"
        )
        .awarded,
        0
    );
    // Different sentences.
    assert_eq!(m.mark("He withdrew troops. Austria was free.").awarded, 0);
}

#[test]
fn ordered_phrases_need_their_order() {
    let m = one("{ phrase: \"Berlin blockade\", ordered: true }");
    assert_eq!(m.mark("the Berlin blockade began").awarded, 1);
    assert_eq!(m.mark("the blockade of Berlin began").awarded, 0);
    let m = one("\"Berlin blockade\"");
    assert_eq!(m.mark("the blockade of Berlin began").awarded, 1);
}

#[test]
fn alternatives_and_groups() {
    let m = one("\"withdrew|removed|pulled troops Austria\"");
    assert_eq!(m.mark("pulled soldiers out of Austria").awarded, 1);
    let m = one("\"@ussr invaded\"");
    assert_eq!(m.mark("The Soviet Union invaded").awarded, 1);
    assert_eq!(m.mark("Russia invaded").awarded, 1);
    // A word that is a group member matches the group, multi-word members too.
    let m = one("\"Soviet tanks\"");
    assert_eq!(m.mark("the tanks of the USSR").awarded, 1);
    let m = one("\"Soviet Union\"");
    assert_eq!(m.mark("The USSR was angry").awarded, 1);
}

#[test]
fn capitals_tell_the_us_from_us() {
    let m = one("\"US troops\"");
    assert_eq!(m.mark("the US sent troops").awarded, 1);
    assert_eq!(m.mark("they sent us troops").awarded, 0);
}

#[test]
fn negation_earns_nothing() {
    let m = one("\"release prisoners\"");
    assert_eq!(
        status(&m, "Khrushchev released prisoners."),
        PointStatus::Credited
    );
    assert_eq!(
        status(&m, "Khrushchev did not release prisoners."),
        PointStatus::Negated
    );
    assert_eq!(
        status(&m, "Khrushchev didn't release prisoners."),
        PointStatus::Negated
    );
    assert_eq!(
        status(&m, "Prisoners were never released."),
        PointStatus::Negated
    );
    assert_eq!(m.mark("Khrushchev did not release prisoners.").awarded, 0);
    let m = one("\"secret police\"");
    assert_eq!(
        status(&m, "It was never about the secret police."),
        PointStatus::Negated
    );
}

#[test]
fn negation_stays_in_its_clause() {
    let m = one("\"release prisoners\"");
    assert_eq!(
        status(&m, "He was not a Stalinist, he released prisoners."),
        PointStatus::Credited
    );
    assert_eq!(
        status(&m, "He did not like Stalin but he released prisoners."),
        PointStatus::Credited
    );
    assert_eq!(
        status(&m, "Not only did he release prisoners, he closed camps."),
        PointStatus::Credited
    );
    // A negator offered as one alternative does not deny the other.
    let v = one("\"little vitamin C\"");
    assert_eq!(
        status(&v, "there was none or very little vitamin C"),
        PointStatus::Credited
    );
    assert_eq!(
        status(&v, "there was not very little vitamin C"),
        PointStatus::Negated
    );
    // A run-on clause opened by a pronoun and its verb is a new clause.
    let c = one("connected");
    assert_eq!(
        status(&c, "because there is not gap they are connected"),
        PointStatus::Credited
    );
    assert_eq!(status(&c, "they are not connected"), PointStatus::Negated);
    // A positive statement elsewhere wins over a negated one.
    assert_eq!(
        status(
            &m,
            "He did not release all prisoners at once. He released prisoners in 1956."
        ),
        PointStatus::Credited
    );
}

#[test]
fn a_denied_opposite_says_the_word() {
    let m = one("\"different size\"");
    assert_eq!(m.mark("The hands are different sizes.").awarded, 1);
    let r = m.mark("Because their hands were not the same size.");
    assert_eq!(r.points[0].status, PointStatus::Credited);
    assert_eq!(r.points[0].evidence[0].text, "not the same size");
    // The opposite alone, or a negator in another clause, says nothing of the kind.
    assert_eq!(
        status(&m, "The hands are the same size."),
        PointStatus::Missed
    );
    assert_eq!(
        status(&m, "It is not fair, the hands are the same size."),
        PointStatus::Missed
    );
    // Nouns share their adjective's stem: "no difference" says "the same".
    let m = one("\"same state\"");
    assert_eq!(
        m.mark("There is no difference in electrical states.")
            .awarded,
        1
    );
    assert_eq!(m.mark("They are in different states.").awarded, 0);
    // Misspelt opposites still count ("seperated"), comparatives too ("not as high").
    let m = one("connected");
    assert_eq!(m.mark("terminal 1 is not seperated by a gap").awarded, 1);
    assert_eq!(m.mark("terminal 1 is separated by a gap").awarded, 0);
    assert_eq!(
        one("\"lower pitch\"").mark("a pitch not as high").awarded,
        1
    );
    // A phrase that says "not" itself is not also matched through opposites.
    let m = one("\"not connected\"");
    assert_eq!(m.mark("they are not separated").awarded, 0);
    assert_eq!(m.mark("they are not connected").awarded, 1);
}

#[test]
fn phrases_that_say_not_themselves_are_not_negated() {
    let m = one("\"did not help Hungary\"");
    assert_eq!(m.mark("The West did not help Hungary.").awarded, 1);
    // Any plain negator says the phrase's "not"; the pronouns say more.
    assert_eq!(m.mark("The West gave no help to Hungary.").awarded, 1);
    assert_eq!(m.mark("The West never helped Hungary.").awarded, 1);
    assert_eq!(m.mark("The West helped Hungary.").awarded, 0);
    let m = one("\"no gap\"");
    assert_eq!(
        m.mark("the terminals do not have a gap between them")
            .awarded,
        1
    );
    assert_eq!(m.mark("there is a gap").awarded, 0);
    assert_eq!(m.mark("nothing but a gap").awarded, 0);
}

#[test]
fn rejected_phrasings_block_the_point() {
    let m = marker(
        r#"
question: q
max: 1
model_answer: x
rules:
  points:
    points:
      - id: start
        label: De-Stalinisation began in 1956
        accept: ["1956"]
        reject: ["1953"]
"#,
        "When did De-Stalinisation begin?",
    );
    assert_eq!(m.mark("It began in 1956.").awarded, 1);
    let r = m.mark("It began in 1953 or 1956.");
    assert_eq!(r.awarded, 0);
    assert_eq!(r.points[0].status, PointStatus::Rejected);
    assert_eq!(r.points[0].evidence[0].text, "1953");
}

#[test]
fn penalties_deduct_but_never_below_zero() {
    let m = marker(
        r#"
question: q
max: 2
model_answer: x
rules:
  points:
    points:
      - { id: a, label: speech, accept: ["secret speech"] }
      - { id: b, label: prisoners, accept: ["released prisoners"] }
penalties:
  - { label: "De-Stalinisation did not begin in 1953", when: ["1953"], marks: 1 }
"#,
        "Describe De-Stalinisation.",
    );
    assert_eq!(
        m.mark("The secret speech. He released prisoners.").awarded,
        2
    );
    let r = m.mark("The secret speech in 1953. He released prisoners.");
    assert_eq!(r.awarded, 1);
    assert_eq!(r.penalties[0].evidence[0].text, "1953");
    assert_eq!(m.mark("It started in 1953.").awarded, 0);
    // A negated wrong statement is not penalised.
    assert_eq!(m.mark("The secret speech, not in 1953.").awarded, 1);
}

#[test]
fn question_echo_earns_nothing() {
    let m = marker(
        r#"
question: q
max: 2
model_answer: x
rules:
  points:
    points:
      - { id: wall, label: the wall, accept: ["Berlin Wall built"] }
      - { id: flee, label: stop refugees, accept: ["stop people fleeing|escaping West"] }
"#,
        "Why was the Berlin Wall built?",
    );
    let r = m.mark("The Berlin Wall was built in Berlin.");
    assert_eq!(r.awarded, 0);
    assert!(r.notes.iter().any(|n| n.contains("repeats the question")));
    assert_eq!(
        m.mark("It was built to stop people fleeing to the West.")
            .awarded,
        1
    );
}

#[test]
fn echo_allowed_words_count() {
    let m = marker(
        r#"
question: q
max: 1
model_answer: x
echo_allowed: [wall]
rules:
  points:
    points:
      - { id: wall, label: the wall, accept: ["wall"] }
"#,
        "Why was the Berlin Wall built?",
    );
    assert_eq!(m.mark("a wall").awarded, 1);
}

#[test]
fn repetition_is_credited_once_and_choose_and_cap_hold() {
    let yaml = r#"
question: q
max: 4
model_answer: x
rules:
  points:
    choose: 2
    cap: 3
    points:
      - { id: a, label: a, marks: 2, accept: ["secret speech"] }
      - { id: b, label: b, marks: 2, accept: ["released prisoners"] }
      - { id: c, label: c, accept: ["Hungary"] }
"#;
    let m = marker(yaml, "Describe De-Stalinisation.");
    assert_eq!(
        m.mark("secret speech. secret speech. secret speech.")
            .awarded,
        2
    );
    let r = m.mark("secret speech. released prisoners. Hungary.");
    assert_eq!(r.awarded, 3);
    assert_eq!(r.points[2].status, PointStatus::NotCounted);
    assert_eq!(r.points.iter().map(|p| p.awarded).sum::<u32>(), 3);
}

#[test]
fn development_by_connective_or_detail() {
    let yaml = r#"
question: q
max: 4
model_answer: x
rules:
  points:
    points:
      - id: speech
        label: the Secret Speech
        accept: ["secret speech"]
        develop: { marks: 1 }
      - id: camps
        label: camps closed
        accept: ["closed camps|gulags"]
        develop: { marks: 1, accept: ["millions|thousands released|freed"] }
"#;
    let m = marker(yaml, "Explain De-Stalinisation.");
    assert_eq!(m.mark("He gave the secret speech.").awarded, 1);
    assert_eq!(
        m.mark("He gave the secret speech because it was bad.")
            .awarded,
        1
    );
    assert_eq!(
        m.mark("He gave the secret speech because he wanted to weaken his Stalinist rivals.")
            .awarded,
        2
    );
    assert_eq!(
        m.mark("He gave the secret speech. This meant that Stalin's reputation was destroyed.")
            .awarded,
        2
    );
    // Connectives in the present tense count as in the past.
    assert_eq!(
        m.mark("He gave the secret speech, which shows he wanted to weaken his rivals.")
            .awarded,
        2
    );
    // An answer opening with "Because" gives its reasons; the opening explains none of them.
    assert_eq!(
        m.mark("Because he gave the secret speech to the party congress in Moscow.")
            .awarded,
        1
    );
    assert_eq!(
        m.mark("Because he gave the secret speech, so Stalin's reputation was destroyed.")
            .awarded,
        2
    );
    // "Because of X, …" names a cause and says what it did.
    assert_eq!(
        m.mark("Because of the secret speech people in Poland and Hungary demanded reform.")
            .awarded,
        2
    );
    assert_eq!(
        m.mark("He did it because of the secret speech, the purges, the camps, the army and the police.")
            .awarded,
        1,
        "a list after a connective is not an explanation"
    );
    assert_eq!(m.mark("He closed the gulags.").awarded, 1);
    assert_eq!(
        m.mark("He closed the gulags and millions were freed.")
            .awarded,
        2
    );
}

const LEVELS: &str = r#"
question: q
max: 8
model_answer: x
rules:
  levels:
    points:
      - { id: a, label: speech, side: for, accept: ["secret speech"] }
      - { id: b, label: prisoners, side: for, accept: ["released prisoners"] }
      - { id: c, label: hungary, side: against, accept: ["crushed Hungary|Hungarian"] }
      - { id: d, label: missiles, side: against, accept: ["missiles Cuba"] }
    levels:
      - { level: 1, marks: [1, 2], descriptor: simple, requires: { points: 1 } }
      - { level: 2, marks: [3, 4], descriptor: some, requires: { points: 2 } }
      - { level: 3, marks: [5, 6], descriptor: developed, requires: { points: 2, developed: 1 } }
      - { level: 4, marks: [7, 8], descriptor: full, requires: { points: 3, developed: 2, sides: 2 } }
    caps:
      - { when: one-sided, max_level: 3 }
"#;

#[test]
fn levels_place_an_answer_and_mark_within_the_level() {
    let m = marker(LEVELS, "How far did Khrushchev change the USSR?");
    // Just meeting a two-mark level earns its bottom mark.
    let r = m.mark("He gave the secret speech.");
    assert_eq!((r.level.as_ref().unwrap().level, r.awarded), (1, 1));
    let r = m.mark("He gave the secret speech. He released prisoners.");
    assert_eq!(r.level.as_ref().unwrap().level, 2);
    let full = m.mark(
        "He gave the secret speech because he wanted to blame Stalin for the terror. \
         He released prisoners, which meant millions of people came home from the camps. \
         But he crushed Hungary in 1956 because he feared the Warsaw Pact would collapse. \
         He also put missiles on Cuba, so the Cold War became more dangerous than before.",
    );
    let level = full.level.as_ref().unwrap();
    assert_eq!(level.level, 4, "{}", level.reason);
    assert_eq!(full.awarded, 8, "{}", level.reason);
    assert!(level.reason.contains("level 4"));
}

#[test]
fn one_sided_answers_are_capped() {
    let m = marker(LEVELS, "How far did Khrushchev change the USSR?");
    let r = m.mark(
        "He gave the secret speech because he wanted to blame Stalin for the terror. \
         He released prisoners, which meant millions of people came home from the camps. \
         He released prisoners, which meant millions of people came home from the camps.",
    );
    let level = r.level.as_ref().unwrap();
    assert_eq!(level.level, 3, "{}", level.reason);
}

#[test]
fn lists_of_keywords_never_reach_the_top_level() {
    let m = marker(LEVELS, "How far did Khrushchev change the USSR?");
    let r = m.mark("- secret speech\n- released prisoners\n- crushed Hungary\n- missiles Cuba");
    let level = r.level.as_ref().unwrap();
    assert!(level.level < 4, "{}", level.reason);
    assert!(is_list_only(&crate::text::analyse(
        "secret speech, prisoners, Hungary, Cuba"
    )));
    assert!(!is_list_only(&crate::text::analyse(
        "He gave the secret speech because he wanted to blame Stalin."
    )));
}

#[test]
fn empty_answers_earn_nothing() {
    let m = marker(LEVELS, "How far did Khrushchev change the USSR?");
    let r = m.mark("   ");
    assert_eq!(r.awarded, 0);
    assert_eq!(r.level.as_ref().unwrap().level, 0);
    assert!(r.notes.iter().any(|n| n.contains("No answer")));
}

#[test]
fn multiple_choice_reads_letters_and_option_text() {
    let scheme: Scheme = serde_yaml::from_str(
        "question: q\nmax: 1\nmodel_answer: B\nrules:\n  choice: { correct: B }\n",
    )
    .unwrap();
    let options = vec![
        crate::model::ChoiceOption {
            label: "A".into(),
            text: "The Truman Doctrine".into(),
        },
        crate::model::ChoiceOption {
            label: "B".into(),
            text: "The Marshall Plan".into(),
        },
    ];
    let m = Marker::with_options(&scheme, "Which gave aid?", None, &options).unwrap();
    for answer in [
        "B",
        "b",
        "(b)",
        "B)",
        "answer: B",
        "I think it is B.",
        "Marshall Plan",
    ] {
        assert_eq!(m.mark(answer).awarded, 1, "{answer}");
    }
    assert_eq!(m.mark("A").awarded, 0);
    let r = m.mark("A or B");
    assert_eq!(r.awarded, 0);
    assert!(
        r.points[0].reason.contains("More than one"),
        "{}",
        r.points[0].reason
    );
    assert_eq!(m.mark("").awarded, 0);
    // A letter followed by words about it, as students write them.
    for answer in ["B - the aid plan", "b marshall", "B, Marshall Plan"] {
        assert_eq!(m.mark(answer).awarded, 1, "{answer}");
    }
    // The words name another option in full: no single answer.
    assert_eq!(m.mark("B the Truman Doctrine").awarded, 0);
    // "a" opening a sentence is the article, not option A.
    assert_eq!(m.mark("A - the Truman Doctrine").awarded, 0);
    assert!(
        m.mark("a plan of aid").points[0]
            .reason
            .contains("No option")
    );
}

#[test]
fn evidence_quotes_the_original_answer() {
    let m = one("\"Rákosi removed\"");
    let answer = "In July, Rákosi was removed by Moscow.";
    let r = m.mark(answer);
    let e = &r.points[0].evidence[0];
    assert_eq!(&answer[e.start..e.end], e.text);
    assert_eq!(e.text, "Rákosi was removed");
}

#[test]
fn regex_patterns_match_normalised_text_and_map_back() {
    let m = one("{ regex: \"19(5[6-9])\" }");
    let answer = "It happened in 1957.";
    let r = m.mark(answer);
    assert_eq!(r.awarded, 1);
    assert_eq!(r.points[0].evidence[0].text, "1957");
}

#[test]
fn all_with_window() {
    let m = one("{ all: [troops, Austria], window: 6 }");
    assert_eq!(m.mark("Troops left. They went from Austria.").awarded, 1);
    let m = one("{ all: [troops, Austria] }");
    assert_eq!(m.mark("Troops left. They went from Austria.").awarded, 0);
    assert_eq!(m.mark("Austria saw the troops go.").awarded, 1);
}

#[test]
fn bad_schemes_are_errors() {
    let scheme: Scheme = serde_yaml::from_str(
        "question: q\nmax: 1\nmodel_answer: x\nrules:\n  points:\n    points:\n      - { id: a, label: a, accept: [\"@nosuch thing\"] }\n",
    )
    .unwrap();
    assert!(matches!(
        Marker::new(&scheme, "q", None),
        Err(MarkError::UnknownGroup { .. })
    ));
    let scheme: Scheme = serde_yaml::from_str(
        "question: q\nmax: 1\nmodel_answer: x\nrules:\n  points:\n    points:\n      - { id: a, label: a, accept: [{ regex: \"(\" }] }\n",
    )
    .unwrap();
    assert!(matches!(
        Marker::new(&scheme, "q", None),
        Err(MarkError::BadRegex { .. })
    ));
}

#[test]
fn markers_are_send_and_sync() {
    fn assert<T: Send + Sync>() {}
    assert::<Marker>();
    assert::<Markers>();
}

/// A marker for `scheme` as a question with this `command` word gets it.
fn with_command(scheme: &Scheme, question: &str, command: &str) -> Marker {
    Marker::build(
        scheme,
        question,
        command,
        Some(&synonyms()),
        &[],
        &super::marker::Lexicon::default(),
    )
    .unwrap()
}

#[test]
fn an_explain_question_counts_an_explanation_as_development_beside_the_details() {
    let scheme: Scheme = serde_yaml::from_str(
        "question: q\nmax: 4\nmodel_answer: x\nrules:\n  points:\n    points:\n      - id: nato\n        label: NATO was set up\n        marks: 2\n        accept: [NATO]\n        develop: { marks: 2, accept: [\"April 1949\"] }\n",
    )
    .unwrap();
    let question = "Explain two consequences of the Berlin Blockade.";
    let build = |command: &str| with_command(&scheme, question, command);
    let answer = "NATO was set up because the West needed an alliance against the USSR.";
    assert_eq!(build("Explain two consequences").mark(answer).awarded, 4);
    assert_eq!(build("Why").mark(answer).awarded, 4);
    // A describe question wants the listed details, not a reason.
    assert_eq!(build("Describe two").mark(answer).awarded, 2);
    assert_eq!(
        build("Describe two")
            .mark("NATO was set up in April 1949 by the West.")
            .awarded,
        4
    );
}

#[test]
fn a_denied_word_far_from_the_point_does_not_hide_a_plain_statement_of_it() {
    let m = one("\"stopped|ended refugees|escaping\"");
    assert_eq!(
        status(
            &m,
            "people couldnt escape anymore so the refugee crisis stopped"
        ),
        PointStatus::Credited
    );
    assert_eq!(
        status(&m, "The wall had not stopped the refugees."),
        PointStatus::Negated
    );
}

#[test]
fn a_detail_sharing_a_word_with_the_point_is_found_beside_it() {
    let y = "question: q\nmax: 4\nmodel_answer: x\nrules:\n  points:\n    points:\n      - id: d\n        label: d\n        marks: 2\n        accept: [\"Korea stayed divided\"]\n        develop: { marks: 2, accept: [\"still divided today|now\"] }\n";
    let m = marker(y, "Explain two consequences of the Korean War.");
    // The detail's "divided" is the later one, not the point's own.
    assert_eq!(
        m.mark("Korea stayed divided and it was still divided today.")
            .awarded,
        4
    );
    assert_eq!(
        m.mark("Korea stayed divided and it was still so.").awarded,
        2
    );
}

#[test]
fn a_denied_detail_still_supports_the_point() {
    let y = "question: q\nmax: 2\nmodel_answer: x\nrules:\n  points:\n    points:\n      - id: r\n        label: r\n        accept: [reparations]\n        develop: { accept: [\"cripple Germany\"] }\n";
    let m = marker(y, "Describe two disagreements at Potsdam.");
    assert_eq!(
        m.mark("They argued over reparations, but Truman didnt want to cripple Germany.")
            .awarded,
        2
    );
    assert_eq!(
        m.mark("They argued over reparations for a long time.")
            .awarded,
        1
    );
}

#[test]
fn as_opening_a_clause_explains_like_because() {
    let m = marker(
        "question: q\nmax: 2\nmodel_answer: x\nrules:\n  points:\n    points:\n      - { id: b, label: b, accept: [buffer zone], develop: {} }\n",
        "Why did Stalin want to control Eastern Europe?",
    );
    assert_eq!(
        m.mark("To have a buffer zone as Russia was invaded through Poland twice.")
            .awarded,
        2
    );
    // Comparisons are not reasons.
    assert_eq!(
        m.mark("A buffer zone as big as the whole of Eastern Europe.")
            .awarded,
        1
    );
    assert_eq!(
        m.mark("He wanted a buffer zone as well as the army was strong there.")
            .awarded,
        1
    );
}

#[test]
fn ordinals_in_figures_match_their_number() {
    let m = one("\"24 June\"");
    for answer in [
        "It began on 24th June 1948.",
        "on June 24th",
        "the 24 of June",
    ] {
        assert_eq!(m.mark(answer).awarded, 1, "{answer}");
    }
    assert_eq!(m.mark("It began on 25th June.").awarded, 0);
}

#[test]
fn a_describe_question_counts_a_date_or_figure_as_supporting_detail() {
    let scheme: Scheme = serde_yaml::from_str(
        "question: q\nmax: 2\nmodel_answer: x\nrules:\n  points:\n    points:\n      - id: poland\n        label: Riots in Poland\n        accept: [\"riots Poland\"]\n        develop: { accept: [Gomulka] }\n",
    )
    .unwrap();
    let question = "Describe two results of De-Stalinisation in 1955.";
    let build = |command: &str| with_command(&scheme, question, command);
    let answer = "There were riots in Poland in June 1956 over food prices.";
    assert_eq!(build("Describe two").mark(answer).awarded, 2);
    // Not in an explain question, and not a figure taken from the question.
    assert_eq!(build("Explain").mark(answer).awarded, 1);
    assert_eq!(
        build("Describe two")
            .mark("There were riots in Poland after 1955 and people were angry.")
            .awarded,
        1
    );
}
