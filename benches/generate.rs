//! Time to lay out and write a question paper with its mark scheme, once and as a class
//! set of 30 variants, from the shipped bank: `cargo bench --bench generate`.
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

    c.bench_function("paper + mark scheme", |b| {
        b.iter(|| {
            let paper = &one[0];
            let qp = examkit::pdf::question_paper(black_box(paper)).unwrap();
            let ms = examkit::pdf::mark_scheme(black_box(paper)).unwrap();
            (qp.len(), ms.len())
        })
    });
    let mut group = c.benchmark_group("class set");
    group.sample_size(10);
    group.bench_function("30 variants, paper + mark scheme", |b| {
        b.iter(|| {
            thirty
                .iter()
                .map(|paper| {
                    let qp = examkit::pdf::question_paper(black_box(paper)).unwrap();
                    let ms = examkit::pdf::mark_scheme(black_box(paper)).unwrap();
                    qp.len() + ms.len()
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, generate);
criterion_main!(benches);
