//! A private PostgreSQL cluster from the system's server binaries, for the
//! tests (`tests/it/pg.rs`) and the load benchmark (`benches/pg_server.rs`),
//! which include this file: `initdb` into a temporary directory (as the
//! `postgres` user when run as root: PostgreSQL refuses root), then
//! `postgres` on 127.0.0.1 with scram-sha-256 over TCP and the unix socket
//! trusted for the caller's own administration. A watchdog stops the
//! server and removes its directory once this process has exited. Without
//! the server binaries it panics, naming the package: nothing that needs
//! PostgreSQL is ever skipped.

// Two crates include this file, each using part of it.
#![allow(dead_code)]

use std::fs;
use std::net::{TcpListener, TcpStream};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The superuser `initdb` creates.
pub const SUPERUSER: &str = "scimctl";

/// How to start a cluster.
pub struct Options<'a> {
    /// The superuser's password (TCP logins need it).
    pub password: &'a str,
    /// `-c name=value` settings of the server.
    pub settings: &'a [&'a str],
    /// A self-signed certificate for 127.0.0.1 and localhost, and TLS on.
    pub tls: bool,
    /// Who needs it, for the messages of a failure ("the PostgreSQL tests").
    pub who: &'a str,
}

pub struct Cluster {
    pub port: u16,
    pub dir: PathBuf,
    pub socket_dir: PathBuf,
    /// The server's self-signed certificate, when `tls`.
    pub cert: Option<PathBuf>,
    /// `postgres` itself, or `runuser` around it when run as root.
    pub child: Child,
    /// The postmaster's pid (from `postmaster.pid`).
    pub postmaster: u32,
}

/// The directory of the newest server binaries: `pg_config --bindir`, else
/// `/usr/lib/postgresql/*/bin`.
pub fn bin_dir(who: &str) -> PathBuf {
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
            "{who} need the PostgreSQL server binaries (initdb, postgres), found neither by pg_config --bindir nor in /usr/lib/postgresql/*/bin: apt install postgresql"
        ),
    }
}

/// PostgreSQL refuses to run as root: then its commands run as `postgres`.
fn as_owner(bin: &Path) -> Command {
    if rustix::process::geteuid().is_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(bin);
        c
    } else {
        Command::new(bin)
    }
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// The superuser's session on database `db`, over the trusted socket.
pub fn admin_client(
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

impl Cluster {
    // The watchdog outlives this process by design: it stops the server
    // once the process has exited.
    #[allow(clippy::zombie_processes)]
    pub fn start(o: &Options<'_>) -> Cluster {
        let bin = bin_dir(o.who);
        let dir = tempfile::Builder::new()
            .prefix("scimctl-pg-")
            .tempdir()
            .expect("temp dir")
            .keep();
        let data = dir.join("data");
        let socket_dir = dir.join("sock");
        fs::create_dir(&socket_dir).expect("socket dir");
        let pwfile = dir.join("pw");
        fs::write(&pwfile, o.password).expect("password file");
        let mut settings: Vec<String> = o.settings.iter().map(|s| (*s).to_owned()).collect();
        let cert = o.tls.then(|| {
            let ck = rcgen::generate_simple_self_signed(vec![
                "127.0.0.1".to_owned(),
                "localhost".to_owned(),
            ])
            .expect("certificate");
            let cert = dir.join("server.crt");
            let key = dir.join("server.key");
            fs::write(&cert, ck.cert.pem()).expect("cert");
            fs::write(&key, ck.signing_key.serialize_pem()).expect("key");
            fs::set_permissions(&key, fs::Permissions::from_mode(0o600)).expect("chmod key");
            settings.push("ssl=on".into());
            settings.push(format!("ssl_cert_file={}", cert.display()));
            settings.push(format!("ssl_key_file={}", key.display()));
            cert
        });
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
        // A port taken between finding it and the server binding it: again.
        for _ in 0..3 {
            let port = free_port();
            let logf = fs::File::create(&log).expect("server log");
            let mut cmd = as_owner(&bin.join("postgres"));
            cmd.arg("-D")
                .arg(&data)
                .arg("-k")
                .arg(&socket_dir)
                .args(["-p", &port.to_string()])
                .args(["-c", "listen_addresses=127.0.0.1"]);
            for s in &settings {
                cmd.arg("-c").arg(s);
            }
            let mut child = cmd
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
                    return Cluster {
                        port,
                        dir,
                        socket_dir,
                        cert,
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
            "the PostgreSQL server for {} did not start: {}",
            o.who,
            fs::read_to_string(&log).unwrap_or_default()
        );
    }
}
