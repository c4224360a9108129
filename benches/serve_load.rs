//! Load benchmark for `examkit serve`: 100 simulated students on loopback, each saving a
//! draft, marking through `POST /api/mark` and submitting through the mark page (`POST
//! /mark` and the result page it redirects to), all at once. Prints throughput, p50 and p99
//! latency of each, and the server's peak memory (VmHWM). Targets: p99 <= 20 ms, < 100 MB.
//!
//! Run: `cargo bench --bench serve_load` (release build of the server; bounded: 100
//! students x 10 rounds, loopback only, stops by itself).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const STUDENTS: usize = 100;
const ROUNDS: usize = 10;
const QUESTIONS: [&str; 3] = [
    "de-stalinisation-describe-actions",
    "cuba-source-cartoon",
    "berlin-wall-account",
];
const ANSWER: &str = "Khrushchev closed Cominform and took Soviet troops out of Austria. He \
    released thousands of political prisoners from the camps, which showed the thaw was real, \
    and he invited Tito to Moscow, so the satellite states hoped for more freedom.";

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn report(name: &str, mut times: Vec<Duration>, wall: Duration) {
    times.sort();
    println!(
        "{name:<28} {:>6} requests  {:>8.0} req/s  p50 {:>6.2} ms  p99 {:>6.2} ms  max {:>6.2} ms",
        times.len(),
        times.len() as f64 / wall.as_secs_f64(),
        percentile(&times, 0.50).as_secs_f64() * 1e3,
        percentile(&times, 0.99).as_secs_f64() * 1e3,
        times.last().map_or(0.0, |t| t.as_secs_f64() * 1e3),
    );
}

fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    let data = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_examkit"))
        .current_dir(root)
        .args(["serve", "--port", "0", "--data"])
        .arg(data.path())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut url = String::new();
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        let line = line.unwrap();
        if let Some(rest) = line.strip_prefix("Open ") {
            url = rest
                .split_whitespace()
                .next()
                .unwrap()
                .trim_end_matches('/')
                .to_string();
        }
        if line.starts_with("Press Ctrl-C") {
            break;
        }
    }
    let questions: Vec<&str> = QUESTIONS
        .iter()
        .copied()
        .filter(|q| ureq::get(&format!("{url}/api/drafts/{q}")).call().is_ok())
        .collect();
    assert!(
        !questions.is_empty(),
        "none of the benchmark's questions is in the bank"
    );
    let start = Instant::now();
    let handles: Vec<_> = (0..STUDENTS)
        .map(|s| {
            let url = url.clone();
            let questions = questions.clone();
            std::thread::spawn(move || {
                let agent: ureq::Agent = ureq::Agent::config_builder()
                    .max_redirects(0)
                    .http_status_as_error(false)
                    .build()
                    .into();
                let (mut api, mut page) = (Vec::new(), Vec::new());
                for r in 0..ROUNDS {
                    let q = questions[(s + r) % questions.len()];
                    let answer = format!("{ANSWER} ({s}.{r})");
                    agent
                        .put(&format!("{url}/api/drafts/{q}"))
                        .send_json(serde_json::json!({ "answer": answer }))
                        .unwrap();
                    let t = Instant::now();
                    let resp = agent
                        .post(&format!("{url}/api/mark"))
                        .send_json(serde_json::json!({ "question": q, "answer": answer }))
                        .unwrap();
                    assert_eq!(resp.status(), 200);
                    resp.into_body().read_to_string().unwrap();
                    api.push(t.elapsed());
                    let t = Instant::now();
                    let resp = agent
                        .post(&format!("{url}/mark"))
                        .send_form([("question", q), ("answer", answer.as_str()), ("from", "")])
                        .unwrap();
                    assert_eq!(resp.status(), 303);
                    let location = resp.headers()["location"].to_str().unwrap().to_string();
                    let resp = agent.get(&format!("{url}{location}")).call().unwrap();
                    assert_eq!(resp.status(), 200);
                    resp.into_body().read_to_string().unwrap();
                    page.push(t.elapsed());
                }
                (api, page)
            })
        })
        .collect();
    let (mut api, mut page) = (Vec::new(), Vec::new());
    for h in handles {
        let (a, p) = h.join().unwrap();
        api.extend(a);
        page.extend(p);
    }
    let wall = start.elapsed();
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let peak = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .unwrap_or("VmHWM: unknown")
        .to_string();
    let _ = child.kill();
    let _ = child.wait();
    println!(
        "{STUDENTS} students x {ROUNDS} rounds on loopback in {:.2} s",
        wall.as_secs_f64()
    );
    report("POST /api/mark", api, wall);
    report("mark page (POST + result)", page, wall);
    println!(
        "server peak memory {}",
        peak.trim_start_matches("VmHWM:").trim()
    );
}
