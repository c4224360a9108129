//! A mutational fuzzer that runs on the stable toolchain: each target starts from valid
//! inputs (the fixtures a user would write) and feeds the code under test damaged copies —
//! bytes flipped, inserted, deleted and repeated, tokens that matter to the format spliced
//! in (quotes, brackets, `4294967295`, a NUL, a torn UTF-8 character) — and sometimes
//! plain random bytes. Deterministic from a seed, so a failure is reproduced by its seed
//! and input number.
//!
//! Per input it records the time taken and the bytes allocated at the peak (through
//! [`CountingAlloc`], installed by the binary that includes this module); a panic is caught
//! and counted, and an input over the time limit is a hang: a watchdog writes it to a file
//! and ends the process, since a hung call cannot be interrupted.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::alloc::{GlobalAlloc, Layout, System};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The system allocator, counting live bytes and their peak.
pub struct CountingAlloc;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, layout, new) };
        if !q.is_null() {
            if new >= layout.size() {
                let live =
                    LIVE.fetch_add(new - layout.size(), Ordering::Relaxed) + new - layout.size();
                PEAK.fetch_max(live, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new, Ordering::Relaxed);
            }
        }
        q
    }
}

/// The code a target feeds each input to; it panics on what it finds wrong.
pub type Feed = Box<dyn Fn(&[u8])>;

/// One thing to fuzz: valid inputs to start from, and the code to feed.
pub struct Target {
    pub name: &'static str,
    pub seeds: Vec<Vec<u8>>,
    pub run: Feed,
}

/// What one target's run found.
#[derive(Debug, Default, Clone)]
pub struct Report {
    pub name: &'static str,
    pub inputs: u64,
    pub panics: u64,
    pub hangs: u64,
    pub worst_time: Duration,
    pub worst_bytes: usize,
    /// The first panic's message and input, to reproduce it.
    pub first_panic: Option<(String, Vec<u8>)>,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:<10} inputs {:>10}  panics {}  hangs {}  worst time {:>8.2} ms  worst memory {:>8.1} KiB",
            self.name,
            self.inputs,
            self.panics,
            self.hangs,
            self.worst_time.as_secs_f64() * 1000.0,
            self.worst_bytes as f64 / 1024.0
        )
    }
}

/// Settings, from the environment for the long runs of `scripts/fuzz.sh`.
pub struct Settings {
    pub inputs: u64,
    pub seed: u64,
    pub limit: Duration,
    /// Where a hanging input is written before the process ends.
    pub hang_dir: PathBuf,
}

impl Settings {
    /// `EXAMKIT_FUZZ_INPUTS` (per target), `EXAMKIT_FUZZ_SEED`, `EXAMKIT_FUZZ_LIMIT_MS`.
    pub fn from_env(default_inputs: u64) -> Settings {
        let var = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<u64>().ok());
        Settings {
            inputs: var("EXAMKIT_FUZZ_INPUTS").unwrap_or(default_inputs),
            seed: var("EXAMKIT_FUZZ_SEED").unwrap_or(1),
            limit: Duration::from_millis(var("EXAMKIT_FUZZ_LIMIT_MS").unwrap_or(5_000)),
            hang_dir: std::env::var_os("EXAMKIT_FUZZ_HANGS")
                .map(PathBuf::from)
                .unwrap_or_else(std::env::temp_dir),
        }
    }
}

/// Tokens that mean something to YAML, CSV, JSON or the marker.
const TOKENS: &[&str] = &[
    "\"",
    "'",
    ",",
    "\n",
    "\r\n",
    "\r",
    ":",
    ": ",
    "- ",
    "{",
    "}",
    "[",
    "]",
    "#",
    "&a ",
    "*a",
    "!!binary ",
    "~",
    "null",
    "|",
    ">-",
    "\t",
    "\0",
    "4294967295",
    "18446744073709551616",
    "-1",
    "0",
    "1e400",
    "NaN",
    "é",
    "\u{301}",
    "\u{FEFF}",
    "\u{202E}",
    "😀",
    "\\u0000",
    "\\ud800",
    "not ",
    "@ussr",
    "(?:a+)+",
    "student",
    "question",
    "answer",
    "{\"type\":\"line\"",
    "\"\"",
    "\n\n",
    "    ",
    "\u{0085}",
    "\u{2028}",
];

/// A damaged copy of one of `seeds`.
fn mutate(rng: &mut ChaCha8Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    if rng.random_ratio(1, 50) {
        let len = rng.random_range(0..512);
        return (0..len).map(|_| rng.random()).collect();
    }
    let mut out = seeds[rng.random_range(0..seeds.len())].clone();
    for _ in 0..rng.random_range(1..=8) {
        let at = rng.random_range(0..=out.len());
        match rng.random_range(0..7) {
            0 if !out.is_empty() => {
                let i = at.min(out.len() - 1);
                out[i] ^= 1 << rng.random_range(0..8);
            }
            1 => out.insert(at, rng.random()),
            2 => {
                let end = (at + rng.random_range(0..32)).min(out.len());
                out.drain(at..end);
            }
            3 => {
                let end = (at + rng.random_range(0..64)).min(out.len());
                let copy = out[at..end].to_vec();
                for _ in 0..rng.random_range(1..4) {
                    out.splice(at..at, copy.iter().copied());
                }
            }
            4 => {
                let other = &seeds[rng.random_range(0..seeds.len())];
                let from = rng.random_range(0..=other.len());
                let end = (from + rng.random_range(0..128)).min(other.len());
                out.splice(at..at, other[from..end].iter().copied());
            }
            _ => {
                let token = TOKENS[rng.random_range(0..TOKENS.len())].as_bytes();
                out.splice(at..at, token.iter().copied());
            }
        }
    }
    out
}

/// Run `target` on `settings.inputs` inputs: the seeds themselves, then damaged copies.
pub fn run(target: &Target, settings: &Settings) -> Report {
    let mut rng = ChaCha8Rng::seed_from_u64(settings.seed ^ fnv(target.name));
    let mut report = Report {
        name: target.name,
        ..Report::default()
    };
    let started = Arc::new(AtomicU64::new(0));
    let epoch = Instant::now();
    let watchdog = watch(target.name, started.clone(), settings, epoch);
    for n in 0..settings.inputs {
        let input = match target.seeds.get(n as usize) {
            Some(seed) => seed.clone(),
            None => mutate(&mut rng, &target.seeds),
        };
        watchdog.input.lock().map(|mut i| i.clone_from(&input)).ok();
        let base = LIVE.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let t0 = Instant::now();
        started.store(
            1 + t0.duration_since(epoch).as_micros() as u64,
            Ordering::Relaxed,
        );
        let outcome = catch_unwind(AssertUnwindSafe(|| (target.run)(&input)));
        let took = t0.elapsed();
        started.store(0, Ordering::Relaxed);
        report.inputs += 1;
        report.worst_time = report.worst_time.max(took);
        report.worst_bytes = report
            .worst_bytes
            .max(PEAK.load(Ordering::Relaxed).saturating_sub(base));
        if took > settings.limit {
            report.hangs += 1;
        }
        if let Err(payload) = outcome {
            report.panics += 1;
            if report.first_panic.is_none() {
                let message = payload
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                report.first_panic = Some((message, input));
            }
        }
    }
    report
}

/// The input in progress, for the watchdog to save if it hangs.
struct Watch {
    input: Arc<std::sync::Mutex<Vec<u8>>>,
}

/// A thread that ends the process when one input runs past twice the limit (a hang
/// cannot be caught), writing the input to `<hang_dir>/fuzz-hang-<target>.bin` first.
fn watch(
    name: &'static str,
    started: Arc<AtomicU64>,
    settings: &Settings,
    epoch: Instant,
) -> Watch {
    let input = Arc::new(std::sync::Mutex::new(Vec::new()));
    let shared = input.clone();
    let limit = settings.limit * 2;
    let path = settings.hang_dir.join(format!("fuzz-hang-{name}.bin"));
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(200));
            let at = started.load(Ordering::Relaxed);
            if Arc::strong_count(&started) == 1 {
                return; // the run is over
            }
            if at == 0 {
                continue;
            }
            let since = epoch
                .elapsed()
                .saturating_sub(Duration::from_micros(at - 1));
            if since > limit {
                if let Ok(bytes) = shared.lock() {
                    let _ = std::fs::write(&path, &*bytes);
                }
                eprintln!(
                    "HANG: {name} ran {since:?} on one input (saved to {})",
                    path.display()
                );
                std::process::exit(3);
            }
        }
    });
    Watch { input }
}

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// Silence the default panic message for caught panics (they are counted instead).
pub fn quiet_panics() {
    std::panic::set_hook(Box::new(|_| {}));
}
