//! The marking engine against the real bank: every model answer earns full marks, an empty
//! answer earns nothing, and another question's model answer earns little.

use examkit::bank::{Bank, load};
use examkit::marking::{MarkResult, Markers};
use examkit::model::Rules;
use std::path::PathBuf;

fn root() -> PathBuf {
    std::env::var_os("EXAMKIT_DATA_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
}

fn bank() -> Bank {
    let root = root();
    let (bank, problems) = load(&[root.join("question-bank"), root.join("mark-schemes")]);
    let errors: Vec<String> = problems
        .iter()
        .filter(|p| p.is_error())
        .map(|p| p.to_string())
        .collect();
    assert!(errors.is_empty(), "bank has errors:\n{}", errors.join("\n"));
    bank
}

fn explain(r: &MarkResult) -> String {
    let mut out = String::new();
    if let Some(level) = &r.level {
        out.push_str(&format!("    level {}: {}\n", level.level, level.reason));
    }
    for p in &r.points {
        out.push_str(&format!(
            "    [{:?}] {} ({}/{}): {}\n",
            p.status, p.id, p.awarded, p.available, p.reason
        ));
    }
    for p in &r.penalties {
        out.push_str(&format!("    penalty -{}: {}\n", p.marks, p.label));
    }
    out
}

#[test]
fn every_model_answer_earns_full_marks() {
    let bank = bank();
    let markers = Markers::from_bank(&bank).expect("every scheme compiles");
    assert_eq!(markers.len(), bank.schemes.len());
    let mut failures = Vec::new();
    for (key, marker) in markers.iter() {
        let r = marker.mark(&marker.scheme().model_answer);
        if r.awarded != r.max {
            failures.push(format!(
                "{key}: model answer earns {}/{}\n{}",
                r.awarded,
                r.max,
                explain(&r)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} model answers fall short:\n{}",
        failures.len(),
        markers.len(),
        failures.join("\n")
    );
}

#[test]
fn empty_answers_earn_nothing() {
    let bank = bank();
    let markers = Markers::from_bank(&bank).expect("every scheme compiles");
    for (key, marker) in markers.iter() {
        for empty in ["", "   \n\t", "?", "I don't know."] {
            let r = marker.mark(empty);
            assert_eq!(
                r.awarded,
                0,
                "{key}: {empty:?} earns {}\n{}",
                r.awarded,
                explain(&r)
            );
        }
    }
}

/// "Another question" means one on another topic: two questions on the same topic (an
/// account of the Berlin crisis and "why was the Wall built?") rightly share content.
#[test]
fn another_questions_model_answer_earns_little() {
    let bank = bank();
    let markers = Markers::from_bank(&bank).expect("every scheme compiles");
    let topic = |key: &str| {
        bank.schemes
            .iter()
            .find(|s| s.scheme.key() == key)
            .map(|s| s.topic.clone())
            .unwrap_or_default()
    };
    let written: Vec<(&str, &examkit::marking::Marker)> = markers
        .iter()
        .filter(|(_, m)| !matches!(m.scheme().rules, Rules::Choice(_)))
        .collect();
    let mut earned = 0.0;
    let mut trials = 0usize;
    let mut full = Vec::new();
    let mut level_trials = 0usize;
    for (key, marker) in &written {
        let question = &marker.scheme().question;
        for (other_key, other) in &written {
            if other.scheme().question == *question || topic(key) == topic(other_key) {
                continue;
            }
            let r = marker.mark(&other.scheme().model_answer);
            earned += r.awarded as f64 / r.max.max(1) as f64;
            trials += 1;
            let levels = matches!(marker.scheme().rules, Rules::Levels(_));
            level_trials += usize::from(levels && r.max >= 8);
            if levels && r.max >= 8 && r.awarded == r.max {
                full.push(format!(
                    "{key} gives full marks to the model answer of {other_key}\n{}",
                    explain(&r)
                ));
            }
        }
    }
    let mean = if trials == 0 {
        0.0
    } else {
        earned / trials as f64
    };
    println!(
        "{trials} cross-question trials; mean share of marks earned {:.1}%",
        mean * 100.0
    );
    // Topics overlap in history (the Hungarian Rising is a consequence of
    // De-Stalinisation; détente follows the Cuban crisis), so an essay on one can fully
    // answer an essay on the other. Each case is printed for the scheme's author; they
    // must stay rare.
    println!(
        "{} of {level_trials} long levels answers fully credit another topic's model answer:\n{}",
        full.len(),
        full.join("\n")
    );
    assert!(
        full.len() * 100 <= level_trials,
        "{} of {level_trials} long levels answers fully credit another topic's model answer",
        full.len()
    );
    assert!(
        mean <= 0.25,
        "another question's model answer earns {:.1}% on average",
        mean * 100.0
    );
}
