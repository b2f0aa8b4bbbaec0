//! A private PostgreSQL server for the load benchmark (`SCIMCTL_BENCH_STORES`
//! with `postgres` or `postgres2`), started as `tests/pg_cluster.rs` starts
//! one, with its databases, URLs and CPU accounting.
//!
//! Unlike the tests' server (tests/it/pg.rs: fsync off, no durability) this
//! one runs as a realistic server does: every durability setting at its
//! default (`fsync=on`, `synchronous_commit=on`, `full_page_writes=on`),
//! and the default memory settings. Only the prefill (not measured) runs
//! with `synchronous_commit=off`, set on its database and reset before any
//! server starts.
//!
//! Without the server binaries this panics: the benchmark never skips a
//! store it was asked for.

use std::fs;
use std::path::PathBuf;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use scimctl::engine::store::postgres::target::{Environment, PgTarget};

use super::pg_cluster::{Cluster, Options, SUPERUSER, admin_client};

/// The superuser's password (TCP logins need it).
pub const PASSWORD: &str = "scimctl-bench-password";

/// What `PgTarget::parse` reads from the environment here: only the
/// password (never this process's own PG* variables).
struct BenchEnv;

impl Environment for BenchEnv {
    fn var(&self, name: &str) -> Option<String> {
        (name == "PGPASSWORD").then(|| PASSWORD.to_owned())
    }
    fn home(&self) -> Option<PathBuf> {
        None
    }
}

pub struct PgServer {
    pub port: u16,
    dir: PathBuf,
    socket_dir: PathBuf,
    /// `postgres` itself, or `runuser` around it when run as root.
    child: Child,
    /// The postmaster's pid (from `postmaster.pid`).
    postmaster: u32,
}

/// User + system CPU ticks of `pid`, and with `children` those of its
/// reaped children too (a backend that has exited).
fn ticks(pid: u32, children: bool) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| {
            let after = s.rsplit_once(')')?.1;
            let f: Vec<u64> = after
                .split_whitespace()
                .skip(11)
                .take(4)
                .map(|v| v.parse().unwrap_or(0))
                .collect();
            Some(if children {
                f.iter().sum()
            } else {
                f.iter().take(2).sum()
            })
        })
        .unwrap_or(0)
}

impl PgServer {
    pub fn start() -> PgServer {
        let c = Cluster::start(&Options {
            password: PASSWORD,
            settings: &[],
            tls: false,
            who: "SCIMCTL_BENCH_STORES's PostgreSQL stores",
        });
        PgServer {
            port: c.port,
            dir: c.dir,
            socket_dir: c.socket_dir,
            child: c.child,
            postmaster: c.postmaster,
        }
    }

    fn admin_client(&self, db: &str) -> Result<postgres::Client, postgres::Error> {
        admin_client(&self.socket_dir, self.port, db)
    }

    fn try_admin(&self, sql: &str) -> Result<(), postgres::Error> {
        self.admin_client("postgres")?.batch_execute(sql)
    }

    /// Runs `sql` in the `postgres` database as the superuser.
    pub fn admin(&self, sql: &str) {
        if let Err(e) = self.try_admin(sql) {
            match e.as_db_error() {
                Some(db) => panic!("{sql}: {db}"),
                None => panic!("{sql}: {e}"),
            }
        }
    }

    /// Runs `sql` in database `db` as the superuser.
    pub fn sql(&self, db: &str, sql: &str) {
        if let Err(e) = self.admin_client(db).and_then(|mut c| c.batch_execute(sql)) {
            panic!("{sql} (in {db}): {e:?}");
        }
    }

    /// The URL `scimctl --store` takes for database `db` (the password
    /// comes from PGPASSWORD, see `PASSWORD`).
    pub fn url(&self, db: &str) -> String {
        format!(
            "postgres://{SUPERUSER}@127.0.0.1:{}/{db}?sslmode=disable",
            self.port
        )
    }

    pub fn target(&self, db: &str) -> PgTarget {
        PgTarget::parse(&self.url(db), &BenchEnv).expect("the bench URL parses")
    }

    /// Database `db` made anew as a copy of `template` (which no session
    /// may be connected to).
    pub fn copy_database(&self, template: &str, db: &str) {
        self.drop_database(db);
        self.admin(&format!("CREATE DATABASE {db} TEMPLATE {template}"));
    }

    pub fn drop_database(&self, db: &str) {
        self.admin(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"));
    }

    /// The size of database `db` on disk, in bytes.
    pub fn database_bytes(&self, db: &str) -> u64 {
        let mut c = self.admin_client("postgres").expect("admin connection");
        let row = c
            .query_one("SELECT pg_database_size($1::text)", &[&db])
            .expect("pg_database_size");
        row.get::<_, i64>(0) as u64
    }

    /// CPU ticks used so far by the whole server: the postmaster, its
    /// running children (backends, WAL writer, checkpointer, …: `pgrep -P`)
    /// and the children it has reaped.
    pub fn cpu_ticks(&self) -> u64 {
        let out = Command::new("pgrep")
            .args(["-P", &self.postmaster.to_string()])
            .output()
            .expect("run pgrep");
        let children: u64 = String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .filter_map(|p| p.parse().ok())
            .map(|p| ticks(p, false))
            .sum();
        ticks(self.postmaster, true) + children
    }
}

impl Drop for PgServer {
    fn drop(&mut self) {
        // Fast shutdown: sessions are ended, the server stops cleanly.
        let _ = Command::new("kill")
            .args(["-INT", &self.postmaster.to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = fs::remove_dir_all(&self.dir);
    }
}
