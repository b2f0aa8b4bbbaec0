//! The test environment: a temporary directory that is HOME, XDG_DATA_HOME and
//! XDG_CONFIG_HOME for the real `scimctl` binary, run with a cleared
//! environment so that no `SCIMCTL_*` of the developer's shell leaks in.
//!
//! An environment runs in one of three modes. `Local` runs every command on
//! its SQLite store. `Remote` runs every state command through the admin
//! API of a real `scimctl serve` on that same store: on the first such
//! command it creates an operator key with `admin-key create` and starts
//! the server, then hands each state command `SCIMCTL_SERVER` and
//! `SCIMCTL_ADMIN_KEY`. `Postgres` runs every command locally on a fresh
//! database of the test process's PostgreSQL server (see `pg`: a private
//! one, or the one `SCIMCTL_TEST_POSTGRES` names), named in the config
//! file, its password in `~/.pgpass`. `both_modes!`
//! runs one test body in all three; `both_stores!` runs one in `Local` and
//! `Postgres` (for tests that start `serve` themselves).

use std::ffi::OsStr;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

use scimctl::engine::Engine;
use scimctl::engine::model::Tenant;

use crate::server::Server;

/// The built binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_scimctl");

/// The name of the operator key a remote environment administers with (the
/// audit table's actor is `admin:` + this name).
pub const REMOTE_KEY_NAME: &str = "it-operator";

/// Where the state commands of an environment run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Local,
    Remote,
    Postgres,
}

/// The server a remote environment's state commands go to.
pub struct RemoteServer {
    pub server: Server,
    key: String,
}

pub struct TestEnv {
    // Declared before `dir`: the server is killed before its store's
    // directory is removed.
    remote: OnceLock<RemoteServer>,
    mode: Mode,
    /// The database of a `Postgres` environment, dropped after its server.
    pg: Option<PgDatabase>,
    dir: TempDir,
}

/// A fresh database of the test server, dropped with the environment.
pub struct PgDatabase {
    pub url: String,
    guard: Option<Box<dyn std::any::Any + Send + Sync>>,
}

impl PgDatabase {
    pub fn new() -> PgDatabase {
        let (url, guard) = apart(crate::pg::fresh_database);
        PgDatabase {
            url,
            guard: Some(Box::new(guard)),
        }
    }

    /// The database's name, the URL's path.
    pub fn name(&self) -> &str {
        let path = self.url.split('?').next().unwrap_or(&self.url);
        path.rsplit('/').next().unwrap_or(path)
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let guard = self.guard.take();
        apart(move || drop(guard));
    }
}

/// Runs `f` on a thread of its own and waits for it: the PostgreSQL
/// client blocks on a runtime of its own, which cannot start on a test's
/// async worker.
pub fn apart<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| s.spawn(f).join().expect("the thread panicked"))
}

/// Runs each test body `fn NAME(env: TestEnv)` (or, after `async`, `async fn
/// NAME(env: TestEnv)`) three times, as the tests `NAME::local`,
/// `NAME::remote` and `NAME::postgres`, each with a fresh environment of
/// that mode (a module and a function may share a name: they live in
/// different namespaces).
macro_rules! both_modes {
    ($($rest:tt)+) => {
        $crate::support::in_modes!([local: Local, remote: Remote, postgres: Postgres] $($rest)+);
    };
}

/// What `both_modes!` and `both_stores!` share: one module per body, one
/// test per `name: Mode` of the list, each with a fresh environment.
macro_rules! in_modes {
    ($modes:tt async $($name:ident),+ $(,)?) => {
        $( $crate::support::in_modes!(@one $modes async $name); )+
    };
    ($modes:tt $($name:ident),+ $(,)?) => {
        $( $crate::support::in_modes!(@one $modes sync $name); )+
    };
    // An async body, on the runtime the HTTP tests use.
    (@one [$($test:ident: $mode:ident),+] async $name:ident) => {
        mod $name {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $test() {
                    super::$name($crate::support::TestEnv::with_mode($crate::support::Mode::$mode)).await;
                }
            )+
        }
    };
    (@one [$($test:ident: $mode:ident),+] sync $name:ident) => {
        mod $name {
            $(
                #[test]
                fn $test() {
                    super::$name($crate::support::TestEnv::with_mode($crate::support::Mode::$mode));
                }
            )+
        }
    };
}
pub(crate) use both_modes;
pub(crate) use in_modes;

/// Runs each test body `fn NAME(env: TestEnv)` (or, after `async`, `async fn
/// NAME(env: TestEnv)`) on both stores, as the tests `NAME::sqlite`
/// (`Mode::Local`) and `NAME::postgres` (`Mode::Postgres`), each with a
/// fresh environment: for the serve and support tests, whose server runs
/// on the environment's store itself (no remote mode to run them through).
macro_rules! both_stores {
    ($($rest:tt)+) => {
        $crate::support::in_modes!([sqlite: Local, postgres: Postgres] $($rest)+);
    };
}
pub(crate) use both_stores;

impl TestEnv {
    pub fn new() -> TestEnv {
        TestEnv::with_mode(Mode::Local)
    }

    pub fn remote() -> TestEnv {
        TestEnv::with_mode(Mode::Remote)
    }

    pub fn with_mode(mode: Mode) -> TestEnv {
        let dir = tempfile::Builder::new()
            .prefix("scimctl-it-")
            .tempdir()
            .expect("temp dir");
        let pg = (mode == Mode::Postgres).then(PgDatabase::new);
        let env = TestEnv {
            remote: OnceLock::new(),
            mode,
            pg,
            dir,
        };
        if let Some(db) = &env.pg {
            let pass = env.root().join(".pgpass");
            fs::write(&pass, format!("*:*:*:*:{}\n", crate::pg::password())).unwrap();
            fs::set_permissions(&pass, fs::Permissions::from_mode(0o600)).unwrap();
            env.write_config(&format!("store = \"{}\"\n", db.url));
        }
        env
    }

    /// The database of a `Postgres` environment.
    pub fn pg(&self) -> Option<&PgDatabase> {
        self.pg.as_ref()
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    pub fn is_remote(&self) -> bool {
        self.mode == Mode::Remote
    }

    /// Who the audit table says acted: the CLI's user locally, the admin
    /// key's name through the admin API.
    pub fn actor(&self) -> String {
        match self.mode {
            Mode::Local | Mode::Postgres => "cli:tester".into(),
            Mode::Remote => format!("admin:{REMOTE_KEY_NAME}"),
        }
    }

    /// The server of a remote environment, started on first use: an
    /// operator key made on the store by the real binary, then `serve` on
    /// the same store with the local default public URL (so tenant URLs
    /// read the same in both modes).
    pub fn remote_server(&self) -> &RemoteServer {
        assert!(self.is_remote(), "a local environment has no admin server");
        self.remote.get_or_init(|| {
            let out = self.ok(&["admin-key", "create", REMOTE_KEY_NAME]);
            let key = out.trim_end().to_owned();
            assert!(!key.is_empty() && !key.contains('\n'), "{out:?}");
            let server =
                Server::start_args(self, &[], &["--public-url", "http://127.0.0.1:8080"], &[]);
            RemoteServer { server, key }
        })
    }

    /// Whether a remote environment's server has been started.
    pub fn server_started(&self) -> bool {
        self.remote.get().is_some()
    }

    /// The admin API's origin, `http://127.0.0.1:PORT`.
    pub fn server_origin(&self) -> String {
        self.remote_server().server.origin()
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// A path inside the environment's temporary directory.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    pub fn data_home(&self) -> PathBuf {
        self.path("data")
    }

    pub fn config_home(&self) -> PathBuf {
        self.path("config")
    }

    /// The default store: `$XDG_DATA_HOME/scimctl/scimctl.db`.
    pub fn store(&self) -> PathBuf {
        self.data_home().join("scimctl").join("scimctl.db")
    }

    /// The default config file: `$XDG_CONFIG_HOME/scimctl/config.toml`.
    pub fn config_file(&self) -> PathBuf {
        self.config_home().join("scimctl").join("config.toml")
    }

    /// Writes the config file; a `Postgres` environment's keeps naming its
    /// database unless `toml` names a store itself.
    pub fn write_config(&self, toml: &str) {
        let p = self.config_file();
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        let names_store = toml.lines().any(|l| l.trim_start().starts_with("store"));
        let text = match &self.pg {
            Some(db) if !names_store => format!("store = \"{}\"\n{toml}", db.url),
            _ => toml.to_owned(),
        };
        fs::write(p, text).unwrap();
    }

    /// A `std::process::Command` for the binary with a clean environment.
    pub fn std_cmd<I, S>(&self, args: I) -> std::process::Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut c = std::process::Command::new(BIN);
        c.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.root())
            .env("XDG_DATA_HOME", self.data_home())
            .env("XDG_CONFIG_HOME", self.config_home())
            .env("USER", "tester")
            .current_dir(self.root());
        let args: Vec<std::ffi::OsString> =
            args.into_iter().map(|a| a.as_ref().to_owned()).collect();
        if self.is_remote() && is_state_command(&args) {
            let r = self.remote_server();
            c.env("SCIMCTL_SERVER", r.server.origin())
                .env("SCIMCTL_ADMIN_KEY", &r.key);
        }
        c.args(args);
        c
    }

    /// An `assert_cmd` command for the binary with a clean environment.
    pub fn cmd<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut c = Command::from_std(self.std_cmd(args));
        c.write_stdin("");
        c
    }

    /// Runs and returns stdout, failing the test (with both streams shown)
    /// unless the command succeeded.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd(args).output().unwrap();
        expect_success(args, &out);
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs with `--output json` appended and parses stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.extend(["--output", "json"]);
        let stdout = self.ok(&all);
        parse_json(&stdout)
    }

    /// Runs a command that must fail with `code`; returns its one error line.
    pub fn fail(&self, args: &[&str], code: i32) -> String {
        let out = self.cmd(args).output().unwrap();
        expect_failure(args, &out, code)
    }

    /// Creates a tenant and returns its id.
    pub fn tenant(&self, name: &str, id: &str) -> String {
        let out = self.ok(&["tenant", "create", name, "--id", id]);
        assert_eq!(out, format!("{id}\n"));
        id.to_owned()
    }

    /// Opens the same store in-process.
    /// Opens the same store in-process (a `Postgres` environment's with
    /// the test server's password).
    pub fn engine(&self) -> Engine {
        match &self.pg {
            Some(db) => {
                let url = db.url.clone();
                let store = apart(move || crate::pg::open(&url));
                Engine::new(std::sync::Arc::new(store), "test")
            }
            None => Engine::open_sqlite(&self.store(), "test").expect("open the store in-process"),
        }
    }

    pub fn engine_tenant(&self, key: &str) -> (Engine, Tenant) {
        let e = self.engine();
        let t = e.resolve_tenant(Some(key)).expect("tenant");
        (e, t)
    }

    /// A plain SQLite connection to the store, for setting up states the
    /// CLI cannot make yet and for looking at rows directly.
    pub fn sql(&self) -> rusqlite::Connection {
        assert!(
            self.pg.is_none(),
            "env.sql() opens the SQLite file: list this test among the SQLite-only ones"
        );
        rusqlite::Connection::open(self.store()).expect("open the store with rusqlite")
    }

    /// Runs `sql` on the store, whichever it is: its rows, each value as
    /// text (None for NULL). For states the CLI cannot make and for
    /// looking at rows directly; write it in SQL both stores speak.
    pub fn query(&self, sql: &str) -> Vec<Vec<Option<String>>> {
        match &self.pg {
            Some(db) => {
                let (name, sql) = (db.name().to_owned(), sql.to_owned());
                let rows = apart(move || crate::pg::server().sql(&name, &sql));
                rows.iter()
                    .filter_map(|m| match m {
                        postgres::SimpleQueryMessage::Row(r) => {
                            Some((0..r.len()).map(|i| r.get(i).map(str::to_owned)).collect())
                        }
                        _ => None,
                    })
                    .collect()
            }
            None => {
                use rusqlite::types::Value as V;
                let conn = self.sql();
                let mut st = conn.prepare(sql).unwrap();
                let n = st.column_count();
                st.query_map([], |r| {
                    (0..n)
                        .map(|i| {
                            Ok(match r.get::<_, V>(i)? {
                                V::Null => None,
                                V::Integer(v) => Some(v.to_string()),
                                V::Real(v) => Some(v.to_string()),
                                V::Text(v) => Some(v),
                                V::Blob(v) => Some(String::from_utf8_lossy(&v).into_owned()),
                            })
                        })
                        .collect()
                })
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap()
            }
        }
    }

    /// Runs a statement that changes rows, on either store; how many.
    pub fn exec(&self, sql: &str) -> u64 {
        match &self.pg {
            Some(db) => {
                let (name, sql) = (db.name().to_owned(), sql.to_owned());
                let done = apart(move || crate::pg::server().sql(&name, &sql));
                done.iter()
                    .find_map(|m| match m {
                        postgres::SimpleQueryMessage::CommandComplete(n) => Some(*n),
                        _ => None,
                    })
                    .expect("a row count")
            }
            None => self.sql().execute(sql, []).unwrap() as u64,
        }
    }

    /// Everything the store holds, to look for what it must never hold,
    /// each part named: the SQLite file and its companions (WAL, journal,
    /// the log's file) as bytes; every row of every table of a PostgreSQL
    /// database as text (`bytea` in hex), one part a table.
    pub fn store_contents(&self) -> Vec<(String, Vec<u8>)> {
        if self.pg.is_none() {
            return with_companions(&self.store())
                .into_iter()
                .map(|f| (f.display().to_string(), bytes(&f)))
                .collect();
        }
        let tables = self.query(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
        );
        assert!(!tables.is_empty(), "no tables in the database");
        tables
            .into_iter()
            .map(|t| {
                let t = t[0].clone().expect("a table name");
                let rows = self.query(&format!("SELECT t::text FROM \"{t}\" t"));
                let text: Vec<String> = rows.into_iter().flatten().flatten().collect();
                (format!("table {t}"), text.join("\n").into_bytes())
            })
            .collect()
    }

    /// The rows of a table, on either store (`table` may go on with a
    /// `WHERE` clause).
    pub fn count(&self, table: &str) -> i64 {
        self.query(&format!("SELECT COUNT(*) FROM {table}"))[0][0]
            .as_deref()
            .and_then(|n| n.parse().ok())
            .expect("a count")
    }
}

/// Whether a command line reads or changes state through the backend (and
/// so goes to the server in remote mode). Not: the server-host commands
/// (`serve`, `admin-key`), the ones about local files (`config`,
/// `generate`, `mapping`, `login`, `logout`, `profiles`), and any naming a
/// store file with `--store`.
fn is_state_command(args: &[std::ffi::OsString]) -> bool {
    const WITH_VALUE: [&str; 6] = [
        "--store",
        "--config",
        "--tenant",
        "--profile",
        "--server",
        "--output",
    ];
    let args: Vec<&str> = args.iter().map(|a| a.to_str().unwrap_or("")).collect();
    if args
        .iter()
        .any(|a| *a == "--store" || a.starts_with("--store="))
    {
        return false;
    }
    let mut i = 0;
    while i < args.len() {
        let a = args[i];
        if WITH_VALUE.contains(&a) {
            i += 2;
        } else if a.starts_with('-') {
            i += 1;
        } else {
            return !matches!(
                a,
                "serve"
                    | "admin-key"
                    | "config"
                    | "generate"
                    | "mapping"
                    | "login"
                    | "logout"
                    | "profiles"
                    | "help"
            );
        }
    }
    false
}

fn show(args: &[&str], out: &Output) -> String {
    format!(
        "scimctl {}\nexit: {:?}\n--- stdout\n{}--- stderr\n{}",
        args.join(" "),
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

pub fn expect_success(args: &[&str], out: &Output) {
    assert!(
        out.status.success(),
        "expected success:\n{}",
        show(args, out)
    );
    assert_no_panic(out);
}

/// Asserts the exit code, and that stderr is exactly one line `error: …`
/// without a panic; returns that line.
pub fn expect_failure(args: &[&str], out: &Output, code: i32) -> String {
    assert_eq!(
        out.status.code(),
        Some(code),
        "wrong exit code:\n{}",
        show(args, out)
    );
    assert_no_panic(out);
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    assert_one_error_line(&stderr);
    stderr.trim_end().to_owned()
}

pub fn assert_no_panic(out: &Output) {
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!all.contains("panicked"), "a panic:\n{all}");
    assert!(!all.contains("RUST_BACKTRACE"), "a panic:\n{all}");
}

pub fn assert_one_error_line(stderr: &str) {
    assert!(
        stderr.starts_with("error: ") && stderr.ends_with('\n') && stderr.lines().count() == 1,
        "stderr must be exactly one line starting with 'error: ', got:\n{stderr}"
    );
    let line = stderr.trim_end();
    assert!(
        line.len() > "error: ".len() + 10,
        "the error line says too little: {line}"
    );
}

pub fn parse_json(s: &str) -> Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{s}"))
}

/// The bytes of a file, or empty when it does not exist.
pub fn bytes(p: &Path) -> Vec<u8> {
    fs::read(p).unwrap_or_default()
}

/// The file itself and its companions: SQLite's (`-wal`, `-shm`,
/// `-journal`) and the provisioning log's file (`-log`) with its own.
pub fn with_companions(p: &Path) -> Vec<PathBuf> {
    let mut v = vec![p.to_path_buf()];
    for suffix in [
        "-wal",
        "-shm",
        "-journal",
        "-log",
        "-log-wal",
        "-log-shm",
        "-log-journal",
    ] {
        let mut s = p.as_os_str().to_owned();
        s.push(suffix);
        v.push(PathBuf::from(s));
    }
    v
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

pub fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// `value[key]`, failing with the whole document when the key is missing.
pub fn key<'a>(v: &'a Value, k: &str) -> &'a Value {
    v.get(k)
        .unwrap_or_else(|| panic!("missing key {k:?} in:\n{v:#}"))
}

pub fn str_key<'a>(v: &'a Value, k: &str) -> &'a str {
    key(v, k)
        .as_str()
        .unwrap_or_else(|| panic!("{k:?} is not a string in:\n{v:#}"))
}

pub fn bool_key(v: &Value, k: &str) -> bool {
    key(v, k)
        .as_bool()
        .unwrap_or_else(|| panic!("{k:?} is not a bool in:\n{v:#}"))
}

pub fn u64_key(v: &Value, k: &str) -> u64 {
    key(v, k)
        .as_u64()
        .unwrap_or_else(|| panic!("{k:?} is not an unsigned integer in:\n{v:#}"))
}

/// A string holding an RFC 3339 time.
pub fn time_key(v: &Value, k: &str) -> time::OffsetDateTime {
    let s = str_key(v, k);
    time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|e| panic!("{k:?} = {s:?} is not RFC 3339 ({e})"))
}

/// Null, or a string.
pub fn opt_str_key<'a>(v: &'a Value, k: &str) -> Option<&'a str> {
    let x = key(v, k);
    if x.is_null() {
        None
    } else {
        Some(
            x.as_str()
                .unwrap_or_else(|| panic!("{k:?} is neither null nor a string in:\n{v:#}")),
        )
    }
}

pub fn array_key<'a>(v: &'a Value, k: &str) -> &'a Vec<Value> {
    key(v, k)
        .as_array()
        .unwrap_or_else(|| panic!("{k:?} is not an array in:\n{v:#}"))
}

/// Asserts the object carries at least these keys (documented shapes are
/// stable: a renamed or dropped key is a breaking change; a new one is not).
pub fn assert_has_keys(v: &Value, keys: &[&str]) {
    let obj = v
        .as_object()
        .unwrap_or_else(|| panic!("not a JSON object:\n{v:#}"));
    for k in keys {
        assert!(obj.contains_key(*k), "missing key {k:?} in:\n{v:#}");
    }
}

/// A token as `scimctl` prints it: `scim_` + 43 base64url characters (256 bits).
pub fn assert_token_shape(t: &str) {
    let body = t
        .strip_prefix("scim_")
        .unwrap_or_else(|| panic!("token without the scim_ prefix: {t:?}"));
    assert_eq!(body.len(), 43, "token body length: {t:?}");
    assert!(
        body.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
        "token is not base64url: {t:?}"
    );
}

/// `users add EMAIL` in `tenant`, as the product's admins would (a
/// tenant-managed or central member); returns the command's JSON.
pub fn add_member(env: &TestEnv, tenant: &str, email: &str, central: bool) -> Value {
    let mut args = vec![
        "--tenant",
        tenant,
        "users",
        "add",
        email,
        "--given-name",
        "Pre",
        "--family-name",
        "Existing",
    ];
    if central {
        args.push("--central");
    }
    env.json(&args)
}

/// A real SMTP server on 127.0.0.1 (`tests/smtp_server.py`, Debian's
/// python3-aiosmtpd): each accepted message is a file the test reads, and
/// its behaviour is switched at run time by control files (see the
/// script). Killed at drop; it also exits when its stdin closes.
pub struct SmtpServer {
    child: std::process::Child,
    pub port: u16,
    dir: TempDir,
}

/// One message the SMTP server accepted.
#[derive(Debug, Clone)]
pub struct Mail {
    pub mail_from: String,
    pub rcpt_tos: Vec<String>,
    /// The message as sent (headers and MIME parts).
    pub data: String,
}

impl Mail {
    /// The message with quoted-printable soft line breaks and `=XX`
    /// escapes undone (enough to read the parts' text).
    pub fn decoded(&self) -> String {
        let joined = self.data.replace("=\r\n", "").replace("=\n", "");
        let b = joined.as_bytes();
        let mut out = Vec::with_capacity(b.len());
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'='
                && i + 2 < b.len()
                && let Ok(v) = u8::from_str_radix(&joined[i + 1..i + 3], 16)
            {
                out.push(v);
                i += 3;
                continue;
            }
            out.push(b[i]);
            i += 1;
        }
        String::from_utf8_lossy(&out).into_owned()
    }

    /// A header's value (unfolded).
    pub fn header(&self, name: &str) -> Option<String> {
        let head = self.data.split("\r\n\r\n").next().unwrap_or("");
        let unfolded = head.replace("\r\n ", " ").replace("\r\n\t", " ");
        unfolded.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim().to_owned())
        })
    }

    /// The sign-up link tokens in the message (`inv_` + 43 characters).
    pub fn tokens(&self) -> Vec<String> {
        let text = self.decoded();
        let mut out: Vec<String> = Vec::new();
        let mut rest = text.as_str();
        while let Some(i) = rest.find("inv_") {
            let t: String = rest[i..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            if t.len() == 47 && !out.contains(&t) {
                out.push(t.clone());
            }
            rest = &rest[i + 4..];
        }
        out
    }

    /// The one token of the message.
    pub fn token(&self) -> String {
        let t = self.tokens();
        assert_eq!(
            t.len(),
            1,
            "one sign-up token in the message:\n{}",
            self.data
        );
        t[0].clone()
    }
}

impl SmtpServer {
    pub fn start() -> SmtpServer {
        SmtpServer::start_args(&[])
    }

    /// With TLS: `"starttls"` or `"implicit"`, a PEM certificate and key.
    pub fn start_tls(mode: &str, cert: &Path, key: &Path) -> SmtpServer {
        let (cert, key) = (cert.to_str().unwrap(), key.to_str().unwrap());
        SmtpServer::start_args(&["--tls", mode, "--cert", cert, "--key", key])
    }

    fn start_args(extra: &[&str]) -> SmtpServer {
        use std::io::BufRead;
        let dir = tempfile::Builder::new()
            .prefix("scimctl-smtp-")
            .tempdir()
            .expect("temp dir");
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/smtp_server.py");
        let mut child = std::process::Command::new("/usr/bin/python3")
            .arg(&script)
            .arg(dir.path())
            .args(["--max-seconds", "600"])
            .args(extra)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            // Its tracebacks (a refused TLS handshake, say) go to a file, not
            // the test run's output.
            .stderr(
                fs::File::create(dir.path().join("server.log"))
                    .map(std::process::Stdio::from)
                    .unwrap_or_else(|_| std::process::Stdio::null()),
            )
            .spawn()
            .expect("start tests/smtp_server.py (needs python3-aiosmtpd)");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = std::io::BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let line = rx
            .recv_timeout(std::time::Duration::from_secs(20))
            .unwrap_or_default();
        let Some(port) = line
            .trim()
            .strip_prefix("PORT ")
            .and_then(|p| p.parse().ok())
        else {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the SMTP server did not start (printed {line:?})");
        };
        SmtpServer { child, port, dir }
    }

    /// `smtp://127.0.0.1:PORT`
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Turns a behaviour on (`Some(content)`) or off: `tempfail`, `reject`
    /// (a regular expression of recipients), `slow` (seconds).
    pub fn control(&self, name: &str, content: Option<&str>) {
        let p = self.dir.path().join("control").join(name);
        match content {
            Some(c) => fs::write(p, c).unwrap(),
            None => {
                let _ = fs::remove_file(p);
            }
        }
    }

    /// Every message accepted so far, in order.
    pub fn messages(&self) -> Vec<Mail> {
        let dir = self.dir.path().join("messages");
        let mut names: Vec<PathBuf> = fs::read_dir(&dir)
            .map(|d| {
                d.filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "json"))
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
            .iter()
            .map(|p| {
                let v: Value = serde_json::from_slice(&fs::read(p).unwrap()).unwrap();
                Mail {
                    mail_from: v["mail_from"].as_str().unwrap_or("").to_owned(),
                    rcpt_tos: v["rcpt_tos"]
                        .as_array()
                        .map(|a| {
                            a.iter()
                                .filter_map(|x| x.as_str().map(str::to_owned))
                                .collect()
                        })
                        .unwrap_or_default(),
                    data: v["data"].as_str().unwrap_or("").to_owned(),
                }
            })
            .collect()
    }

    /// Waits (at most `secs`) until at least `n` messages arrived.
    pub fn wait_for(&self, n: usize, secs: u64) -> Vec<Mail> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
        loop {
            let m = self.messages();
            if m.len() >= n {
                return m;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{n} message(s) expected within {secs} s; {} arrived",
                m.len()
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
