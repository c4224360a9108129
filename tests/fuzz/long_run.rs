//! `examkit-fuzz`: the long fuzz run, built in release by `scripts/fuzz.sh` (the feature
//! `fuzz` keeps it out of ordinary builds). Prints one line per target and a total, and
//! writes each target's first panicking input to `$EXAMKIT_FUZZ_HANGS/fuzz-panic-<target>.bin`.
//!
//!   EXAMKIT_FUZZ_INPUTS=1000000 EXAMKIT_FUZZ_SEED=1 examkit-fuzz [TARGET...]

mod driver;
mod targets;

#[global_allocator]
static ALLOC: driver::CountingAlloc = driver::CountingAlloc;

fn main() {
    driver::quiet_panics();
    let settings = driver::Settings::from_env(100_000);
    let only: Vec<String> = std::env::args().skip(1).collect();
    let mut failed = false;
    for target in targets::all() {
        if !only.is_empty() && !only.iter().any(|o| o == target.name) {
            continue;
        }
        let report = driver::run(&target, &settings);
        println!("{report}");
        if let Some((message, input)) = &report.first_panic {
            failed = true;
            let path = settings
                .hang_dir
                .join(format!("fuzz-panic-{}.bin", target.name));
            let _ = std::fs::write(&path, input);
            println!(
                "  first panic: {message} (input saved to {})",
                path.display()
            );
        }
        failed |= report.hangs > 0;
    }
    std::process::exit(i32::from(failed));
}
