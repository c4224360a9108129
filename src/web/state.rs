//! What every request handler shares: the bank and its compiled markers, the store, the
//! access rules and the server's settings. Cheap to clone (everything behind `Arc`).

use super::access::Access;
use super::store::Store;
use crate::bank::Bank;
use crate::marking::Markers;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

/// The server's settings, as given on the command line.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address to listen on (port 0: any free port).
    pub addr: SocketAddr,
    /// Folder holding the database.
    pub data: PathBuf,
    /// The bank paths, for teacher pages that reload or check the bank.
    pub bank_paths: Vec<PathBuf>,
    /// The class code students type on a network server (made up when absent).
    pub class_code: Option<String>,
    /// The teacher token (made up when absent).
    pub teacher_token: Option<String>,
    /// Ask for the class code and teacher token even on loopback (a shared computer).
    pub require_login: bool,
}

/// Shared by every handler.
#[derive(Clone)]
pub struct AppState {
    /// The question bank, loaded and checked at start.
    pub bank: Arc<Bank>,
    /// Every scheme compiled once.
    pub markers: Arc<Markers>,
    /// The database.
    pub store: Store,
    /// Who may do what.
    pub access: Arc<Access>,
    /// The settings.
    pub config: Arc<Config>,
}
