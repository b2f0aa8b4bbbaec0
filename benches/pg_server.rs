//! A private PostgreSQL server for the load benchmark (`SCIMCTL_BENCH_STORES`
//! with `postgres` or `postgres2`): `initdb` into a temp dir (as the
//! `postgres` user when run as root: PostgreSQL refuses root), then
//! `postgres` on 127.0.0.1 with scram-sha-256 over TCP, the unix socket
//! trusted for this module's own administration (CREATE DATABASE …).
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
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use scimctl::engine::store::postgres::target::{Environment, PgTarget};

/// The superuser `initdb` creates, and its password (TCP logins need it).
pub const SUPERUSER: &str = "scimctl";
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

fn bin_dir() -> PathBuf {
    let has = |d: &Path| d.join("initdb").is_file() && d.join("postgres").is_file();
    if let Ok(out) = Command::new("pg_config").arg("--bindir").output()
        && out.status.success()
    {
        let d = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        if has(&d) {
            return d;
        }
    }
    let mut found: Vec<(u32, PathBuf)> = fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let v = e.file_name().to_string_lossy().parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            has(&bin).then_some((v, bin))
        })
        .collect();
    found.sort();
    match found.pop() {
        Some((_, bin)) => bin,
        None => panic!(
            "SCIMCTL_BENCH_STORES asks for PostgreSQL, but its server binaries (initdb, postgres) are found neither by pg_config --bindir nor in /usr/lib/postgresql/*/bin: apt install postgresql"
        ),
    }
}

fn as_owner(bin: &Path) -> Command {
    if rustix::process::geteuid().is_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(bin);
        c
    } else {
        Command::new(bin)
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
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

/// The superuser's session on database `db`, over the unix socket.
fn admin_client(
    socket_dir: &Path,
    port: u16,
    db: &str,
) -> Result<postgres::Client, postgres::Error> {
    postgres::Config::new()
        .host_path(socket_dir)
        .port(port)
        .user(SUPERUSER)
        .dbname(db)
        .connect_timeout(Duration::from_secs(10))
        .connect(postgres::NoTls)
}

impl PgServer {
    // The watchdog outlives this process by design: it stops the server if
    // this process dies without dropping it.
    #[allow(clippy::zombie_processes)]
    pub fn start() -> PgServer {
        let bin = bin_dir();
        let dir = tempfile::Builder::new()
            .prefix("scimctl-bench-pg-")
            .tempdir()
            .expect("temp dir")
            .keep();
        let data = dir.join("data");
        let socket_dir = dir.join("sock");
        fs::create_dir(&socket_dir).expect("socket dir");
        let pwfile = dir.join("pw");
        fs::write(&pwfile, PASSWORD).expect("password file");
        if rustix::process::geteuid().is_root() {
            let ok = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(&dir)
                .status()
                .is_ok_and(|s| s.success());
            assert!(ok, "chown -R postgres {}", dir.display());
        }
        let out = as_owner(&bin.join("initdb"))
            .arg("-D")
            .arg(&data)
            .args(["-U", SUPERUSER, "-E", "UTF8", "--locale=C", "--no-sync"])
            .args(["--auth-local=trust", "--auth-host=scram-sha-256"])
            .arg(format!("--pwfile={}", pwfile.display()))
            .output()
            .expect("run initdb");
        assert!(
            out.status.success(),
            "initdb failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let watchdog = format!(
            "while kill -0 {pid} 2>/dev/null; do sleep 1; done; \
             kill -INT $(head -1 {data}/postmaster.pid 2>/dev/null) 2>/dev/null; sleep 3; rm -rf {dir}",
            pid = std::process::id(),
            data = data.display(),
            dir = dir.display(),
        );
        Command::new("sh")
            .args(["-c", &watchdog])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the watchdog");
        let log = dir.join("server.log");
        for _ in 0..3 {
            let port = free_port();
            let logf = fs::File::create(&log).expect("server log");
            // Durability and memory at their defaults (fsync, synchronous
            // commit, full-page writes on): a realistic server.
            let mut child = as_owner(&bin.join("postgres"))
                .arg("-D")
                .arg(&data)
                .arg("-k")
                .arg(&socket_dir)
                .args(["-p", &port.to_string()])
                .args(["-c", "listen_addresses=127.0.0.1"])
                .stdin(Stdio::null())
                .stdout(logf.try_clone().expect("log"))
                .stderr(logf)
                .spawn()
                .expect("start postgres");
            let deadline = Instant::now() + Duration::from_secs(60);
            while Instant::now() < deadline {
                if let Ok(Some(_)) = child.try_wait() {
                    break;
                }
                let up = TcpStream::connect(("127.0.0.1", port)).is_ok()
                    && admin_client(&socket_dir, port, "postgres")
                        .and_then(|mut c| c.batch_execute("SELECT 1"))
                        .is_ok();
                if up {
                    let postmaster = fs::read_to_string(data.join("postmaster.pid"))
                        .ok()
                        .and_then(|p| p.lines().next()?.trim().parse().ok())
                        .expect("the postmaster's pid");
                    return PgServer {
                        port,
                        dir,
                        socket_dir,
                        child,
                        postmaster,
                    };
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        panic!(
            "the benchmark's PostgreSQL server did not start: {}",
            fs::read_to_string(&log).unwrap_or_default()
        );
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
