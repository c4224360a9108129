//! `examkit serve`: the web app students revise in and teachers make papers and mark a class
//! in, served by the same binary, offline.
//!
//! One module a job: [`state`] (what handlers share), [`store`] (SQLite), [`access`]
//! (loopback / class code / teacher token / cross-site guard), [`limits`] (body sizes and
//! their messages), [`layout`] and [`assets`] (the page frame, CSS, JS), [`student`] and
//! [`teacher`] (the pages), [`api`] (JSON for the pages and for other tools). The command
//! line is `crate::cmd::serve`; this module never prints except to report a store failure.

pub mod access;
pub mod api;
pub mod assets;
pub mod error;
pub mod layout;
pub mod limits;
pub mod mark;
pub mod state;
pub mod store;
pub mod student;
pub mod teacher;

pub use state::{AppState, Config};

use crate::bank::Bank;
use crate::marking::{MarkError, Markers};
use access::Access;
use axum::Router;
use axum::middleware;
use axum::routing::get;
use std::net::SocketAddr;
use std::sync::Arc;
use store::{Store, StoreError};

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The store could not be opened.
    #[error("cannot open the store in {path}: {source}")]
    Store {
        /// The data folder.
        path: std::path::PathBuf,
        /// Why.
        source: StoreError,
    },
    /// A mark scheme did not compile.
    #[error("cannot compile the mark schemes: {0}")]
    Schemes(#[from] MarkError),
    /// The address could not be listened on.
    #[error("cannot listen on {addr}: {source} (is another server using the port? try --port 0)")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// The server stopped with an I/O error.
    #[error("the server stopped: {0}")]
    Io(#[from] std::io::Error),
}

/// A bound server, ready to run: its address is known (so a port 0 has been chosen).
pub struct Server {
    listener: tokio::net::TcpListener,
    app: Router,
    state: AppState,
}

impl Server {
    /// Open the store, compile the schemes and listen on `config.addr`. Must be called
    /// inside a tokio runtime.
    pub async fn bind(config: Config, bank: Bank) -> Result<Server, ServeError> {
        let store = Store::open(&config.data).map_err(|source| ServeError::Store {
            path: config.data.clone(),
            source,
        })?;
        let markers = Markers::from_bank(&bank)?;
        let access = Access {
            open: config.addr.ip().is_loopback() && !config.require_login,
            class_code: config
                .class_code
                .clone()
                .unwrap_or_else(access::random_class_code),
            teacher_token: config
                .teacher_token
                .clone()
                .unwrap_or_else(access::random_token),
        };
        let listener = tokio::net::TcpListener::bind(config.addr)
            .await
            .map_err(|source| ServeError::Bind {
                addr: config.addr,
                source,
            })?;
        let state = AppState {
            bank: Arc::new(bank),
            markers: Arc::new(markers),
            store,
            access: Arc::new(access),
            config: Arc::new(config),
        };
        Ok(Server {
            listener,
            app: router(state.clone()),
            state,
        })
    }

    /// The address actually listened on.
    pub fn local_addr(&self) -> Result<SocketAddr, ServeError> {
        Ok(self.listener.local_addr()?)
    }

    /// The URL to open on this computer (for a server on every address, `0.0.0.0` or
    /// `::`, its loopback address, since the unspecified address is not one to browse to).
    pub fn url(&self) -> Result<String, ServeError> {
        let mut addr = self.local_addr()?;
        if addr.ip().is_unspecified() {
            addr.set_ip(match addr {
                SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
                SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
            });
        }
        Ok(format!("http://{addr}/"))
    }

    /// The access rules in force (to print the class code and token).
    pub fn access(&self) -> &Access {
        &self.state.access
    }

    /// Serve until `shutdown` completes.
    pub async fn run(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> Result<(), ServeError> {
        axum::serve(self.listener, self.app)
            .with_graceful_shutdown(shutdown)
            .await?;
        Ok(())
    }
}

/// Every route: student pages and the API behind the student gate, teacher pages behind
/// the teacher gate, assets and the join form open to all; the cross-site guard and the
/// size-limit messages around everything.
pub fn router(state: AppState) -> Router {
    let students = limits::student_limit(student::routes().merge(api::routes()).route_layer(
        middleware::from_fn_with_state(state.clone(), access::student_gate),
    ));
    let teachers = limits::teacher_limit(teacher::routes().route_layer(
        middleware::from_fn_with_state(state.clone(), access::teacher_gate),
    ));
    let open = limits::student_limit(
        Router::new()
            .route("/assets/{name}", get(assets::serve))
            .merge(student::join::routes()),
    );
    Router::new()
        .merge(students)
        .merge(teachers)
        .merge(open)
        .fallback(student::not_found)
        .layer(middleware::from_fn(access::cross_site_guard))
        .layer(middleware::from_fn(limits::explain_too_large))
        .with_state(state)
}
