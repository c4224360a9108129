//! `examkit serve`: flags only; the web app is [`crate::web`].

use super::mark::load_bank;
use crate::web::{Config, Server};
use anyhow::Context;
use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;

/// Flags for `examkit serve`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "On 127.0.0.1 (the default) nobody needs to log in. On any other \
    address (e.g. --host 0.0.0.0 for a classroom) students join with the class code and \
    teachers need the teacher token; both are printed at start."
)]
pub struct Args {
    /// Question-bank and mark-scheme folders or files.
    #[arg(long, value_name = "DIR", num_args = 1.., default_values = ["question-bank", "mark-schemes"])]
    pub bank: Vec<PathBuf>,
    /// Address to listen on.
    #[arg(long, value_name = "ADDR", default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    pub host: IpAddr,
    /// Port to listen on (0: any free port).
    #[arg(long, value_name = "N", default_value_t = 8080)]
    pub port: u16,
    /// Folder for the database of students, attempts and drafts (default: the platform's
    /// data folder, e.g. ~/.local/share/examkit).
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// The class code students type to join (default: made up and printed).
    #[arg(long, value_name = "CODE")]
    pub class_code: Option<String>,
    /// The teacher token for /teacher/ (default: made up and printed).
    #[arg(long, value_name = "TOKEN")]
    pub teacher_token: Option<String>,
    /// Ask for the class code and teacher token even on 127.0.0.1 (a shared computer).
    #[arg(long)]
    pub require_login: bool,
    /// Load and check the bank afresh, neither using nor filling the cache of checked banks.
    #[arg(long)]
    pub no_cache: bool,
}

/// Run `examkit serve` until Ctrl-C.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let bank = load_bank(&args.bank, args.no_cache)?;
    let data = match args.data {
        Some(dir) => dir,
        None => dirs::data_dir()
            .map(|d| d.join("examkit"))
            .context("no data folder on this system: pass --data DIR")?,
    };
    let config = Config {
        addr: SocketAddr::new(args.host, args.port),
        data: data.clone(),
        bank_paths: args.bank.clone(),
        class_code: args.class_code,
        teacher_token: args.teacher_token,
        require_login: args.require_login,
    };
    let questions = bank.questions.len();
    let args_host_unspecified = args.host.is_unspecified();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    runtime.block_on(async move {
        let server = Server::bind(config, bank).await?;
        let url = server.url()?;
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "examkit serve: {questions} questions; answers kept in {}",
            data.display()
        )?;
        let access = server.access();
        if access.open {
            writeln!(out, "Open {url} in a browser (teachers: {url}teacher/).")?;
        } else {
            writeln!(out, "Open {url} in a browser.")?;
            if args_host_unspecified {
                writeln!(
                    out,
                    "Students on the network: http://THIS-COMPUTER'S-ADDRESS:{}/",
                    server.local_addr()?.port()
                )?;
            }
            writeln!(out, "Class code for students: {}", access.class_code)?;
            writeln!(
                out,
                "Teachers: {url}teacher/?token={} (teacher token: {})",
                access.teacher_token, access.teacher_token
            )?;
        }
        writeln!(out, "Press Ctrl-C to stop.")?;
        out.flush()?;
        drop(out);
        server
            .run(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}
