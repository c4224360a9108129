//! Answers marked per second: a typical points scheme and a typical levels scheme from the
//! bank (falling back to the fixture scheme in `tests/fixtures`), each with realistic
//! answers of about two sentences (points) and a paragraph (levels).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use examkit::bank::load;
use examkit::marking::{Marker, Markers};
use examkit::model::{Rules, Scheme};
use std::hint::black_box;
use std::path::PathBuf;

const POINT_ANSWERS: &[&str] = &[
    "Khrushchev gave the secret speech in 1956 which attacked Stalin. He also released prisoners from the gulags.",
    "Kruschev withdrew soviet troops from Austria and made friends with Tito again.",
    "He didn't release the prisoners. It started in 1953 when Stalin died.",
    "Stalin was bad and the USSR was communist, the Cold War got worse.",
    "De-Stalinisation meant criticising Stalin and relaxing control, so people hoped for more freedom.",
    "Molotov was sacked and Beria was arrested; the secret police lost some power.",
];

const LEVEL_ANSWERS: &[&str] = &[
    "The Wall was built because millions of East Germans were fleeing to the West through Berlin. \
     This meant the GDR was losing skilled workers such as doctors and engineers, which damaged its economy. \
     Khrushchev had also failed to force the West out of Berlin with his ultimatum, so a wall was a way to solve the problem without war.",
    "Refugees were leaving. It was embarrassing for communism. Kennedy stood firm at Vienna.",
    "- refugees\n- brain drain\n- ultimatum\n- Checkpoint Charlie",
    "The Berlin Wall was built in 1961 in Berlin because of the Cold War between the USA and the USSR.",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A typical scheme of each kind from the bank: the points and the levels scheme whose
/// number of points is the median of their kind.
fn bank_markers() -> (Option<Marker>, Option<Marker>) {
    let (bank, _) = load(&[root().join("question-bank"), root().join("mark-schemes")]);
    let Ok(markers) = Markers::from_bank(&bank) else {
        return (None, None);
    };
    let pick = |levels: bool| {
        let mut of_kind: Vec<&Marker> = markers
            .iter()
            .map(|(_, m)| m)
            .filter(|m| match m.scheme().rules {
                Rules::Points(_) => !levels,
                Rules::Levels(_) => levels,
                Rules::Choice(_) => false,
            })
            .collect();
        of_kind.sort_by_key(|m| (m.scheme().rules.points().len(), m.key().to_string()));
        of_kind.get(of_kind.len() / 2).map(|m| (*m).clone())
    };
    (pick(false), pick(true))
}

fn fixture() -> Marker {
    let scheme: Scheme =
        serde_yaml::from_str(include_str!("../tests/fixtures/marking-scheme.yaml"))
            .expect("fixture");
    Marker::new(
        &scheme,
        "Describe the main features of De-Stalinisation.",
        None,
    )
    .expect("compiles")
}

fn bench(c: &mut Criterion) {
    let (points, levels) = bank_markers();
    let points = points.unwrap_or_else(fixture);
    let levels = levels.unwrap_or_else(fixture);
    let mut group = c.benchmark_group("marking");
    group.throughput(Throughput::Elements(POINT_ANSWERS.len() as u64));
    group.bench_function(format!("points/{}", points.key()), |b| {
        b.iter(|| {
            for a in POINT_ANSWERS {
                black_box(points.mark(black_box(a)));
            }
        })
    });
    group.throughput(Throughput::Elements(LEVEL_ANSWERS.len() as u64));
    group.bench_function(format!("levels/{}", levels.key()), |b| {
        b.iter(|| {
            for a in LEVEL_ANSWERS {
                black_box(levels.mark(black_box(a)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
