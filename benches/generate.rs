//! Time to lay out and write a question paper with its sources insert and mark scheme, once
//! and as a class set of 30 variants, from the shipped bank: `cargo bench --bench generate`.
//! (`benches/generate.sh` measures the whole process, with peak memory.)

use criterion::{Criterion, criterion_group, criterion_main};
use examkit::bank;
use examkit::model::Blueprint;
use examkit::paper::select;
use std::hint::black_box;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn generate(c: &mut Criterion) {
    let (bank, _) = bank::load(&[root().join("question-bank"), root().join("mark-schemes")]);
    let text = std::fs::read_to_string(root().join("examples/papers/aqa-cold-war.yaml"))
        .expect("the AQA blueprint ships with the repository");
    let blueprint: Blueprint = serde_yaml::from_str(&text).expect("the AQA blueprint parses");
    let one = select::select_variants(&bank, &blueprint, 7, 1).expect("the bank fills it");
    let thirty = select::select_variants(&bank, &blueprint, 7, 30).expect("30 variants");

    let size = |set: examkit::pdf::PaperPdfs| {
        set.paper.len() + set.scheme.len() + set.insert.map_or(0, |i| i.len())
    };
    c.bench_function("paper + insert + mark scheme", |b| {
        b.iter(|| size(examkit::pdf::paper_set(black_box(&one[0]), "bench").unwrap()))
    });
    let mut group = c.benchmark_group("class set");
    group.sample_size(10);
    group.bench_function("30 variants, paper + insert + mark scheme", |b| {
        b.iter(|| {
            thirty
                .iter()
                .map(|paper| size(examkit::pdf::paper_set(black_box(paper), "bench").unwrap()))
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, generate);
criterion_main!(benches);
