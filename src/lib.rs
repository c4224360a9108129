//! examkit: assemble GCSE-style exam papers from a YAML question bank, and mark typed
//! answers against keyword mark schemes with reasons for every mark.
//!
//! Two pipelines, one folder a stage:
//! - papers: [`model`] → [`bank`] (load, check) → [`paper`] (select) → [`layout`] (pages)
//!   → [`pdf`] (bytes);
//! - marking: answer → [`text`] (normalise, tokens) → [`marking`] (match points, score
//!   points and levels) → [`report`] (text, JSON, CSV).
//!
//! The binary (`src/main.rs`, [`cmd`]) is a thin shell of flags over these.

pub mod archive;
pub mod bank;
pub mod batch;
pub mod chart;
pub mod cmd;
pub mod files;
pub mod import;
pub mod layout;
pub mod marking;
pub mod model;
pub mod moderate;
pub mod paper;
pub mod paperset;
pub mod pdf;
pub mod practice;
pub mod prose;
pub mod report;
pub mod svg;
pub mod text;
pub mod web;
