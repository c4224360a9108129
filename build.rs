//! Links the `examkit` executable as position-dependent on Linux.
//!
//! A position-independent executable (the toolchain's default) has about 20,000 pointers
//! that the dynamic loader must fix up at every start, writing to (and so copying) every
//! page that holds one: 90 of the 220 page faults of `examkit --version`, and 0.3 ms of
//! every run (1.3 -> 1.0 ms), in a `generate` that should take under 10. Linked at a fixed
//! address, the pointers are fixed at link time and the pages stay shared. The code itself
//! is unchanged (the libraries are still compiled position-independent); what is given up
//! is only the randomised load address of the executable itself.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
