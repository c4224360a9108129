//! A short fuzz run of every target (see tests/fuzz/driver.rs), so `cargo test` catches a
//! regression in seconds; `scripts/fuzz.sh` runs the same targets on millions of inputs.

#[path = "fuzz/driver.rs"]
mod driver;
#[path = "fuzz/targets.rs"]
mod targets;

#[global_allocator]
static ALLOC: driver::CountingAlloc = driver::CountingAlloc;

#[test]
fn no_input_panics_or_hangs() {
    driver::quiet_panics();
    let settings = driver::Settings::from_env(150);
    let mut failures = Vec::new();
    for target in targets::all() {
        let report = driver::run(&target, &settings);
        println!("{report}");
        if report.panics > 0 || report.hangs > 0 {
            failures.push(format!("{report}: first panic {:?}", report.first_panic));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
