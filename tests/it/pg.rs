//! A private PostgreSQL server for this test process, and the tests of the
//! PostgreSQL store itself (opening, migrations, refusals, errors, and
//! writes through two stores serialised by the database).
//!
//! The server is started once per process (`initdb` into a temp dir, TCP on
//! 127.0.0.1 with scram-sha-256 and TLS, the unix socket trusted for the
//! helper's own administration), and stopped by a watchdog when the process
//! exits. Without the server binaries the helper panics: no test is ever
//! skipped silently.
//!
//! An existing server instead: `SCIMCTL_TEST_POSTGRES` set to a superuser's
//! URL on it, `postgres://USER@HOST:PORT/postgres` (TCP), and
//! `PGPASSWORD` to that user's password. No server is started then; each
//! test's database is created on that one (named `t_PID_N`) and dropped
//! after it, the same way, and every URL the tests hand `scimctl` names
//! that host, port, user and password (in `~/.pgpass`). The helper's own
//! connections and the tests' URLs go without TLS (`sslmode=disable`), so
//! the server must take those from this host. The TLS test needs the CA
//! of that server's certificate (valid for HOST) in
//! `SCIMCTL_TEST_POSTGRES_CA`, and fails saying so without it. A process
//! killed mid-test leaves its databases behind (a private server goes
//! whole).

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Barrier, OnceLock};
use std::time::{Duration, Instant};

use crate::pg_cluster::{Cluster, Options, SUPERUSER, free_port};
use scimctl::engine::EngineError;
use scimctl::engine::StoreError;
use scimctl::engine::model::*;
use scimctl::engine::store::postgres::target::{Environment, PgTarget};
use scimctl::engine::store::postgres::{PostgresStore, SCHEMA_VERSION};
use scimctl::engine::store::{LogScope, Store, read, write};

/// The password of a private server's superuser (TCP logins need it).
const PRIVATE_PASSWORD: &str = "scimctl-test-password";

/// Names an existing server to use instead of a private one (see above).
pub const EXTERNAL_VAR: &str = "SCIMCTL_TEST_POSTGRES";
/// The CA of the existing server's certificate, for the TLS test.
pub const EXTERNAL_CA_VAR: &str = "SCIMCTL_TEST_POSTGRES_CA";

pub struct Server {
    /// Where the tests' URLs point: a TCP host, its port, a superuser.
    pub host: String,
    pub port: u16,
    pub user: String,
    pub password: String,
    /// How the helper administers it: over the private server's trusted
    /// socket, or as the existing server's superuser over TCP.
    admin: Admin,
    /// A CA that signed the server's certificate (a private server's is
    /// its own, self-signed).
    pub cert: Option<PathBuf>,
}

enum Admin {
    Socket(PathBuf),
    Tcp,
}

/// The password of the server's superuser, as `~/.pgpass` or PGPASSWORD
/// give it to `scimctl`.
pub fn password() -> &'static str {
    &server().password
}

/// What `PgTarget::parse` reads from the environment, for tests: only
/// the password (never the process's own PG* variables).
pub struct TestEnv(pub Option<String>);

impl Environment for TestEnv {
    fn var(&self, name: &str) -> Option<String> {
        (name == "PGPASSWORD").then(|| self.0.clone()).flatten()
    }
    fn home(&self) -> Option<PathBuf> {
        None
    }
}

pub fn env() -> TestEnv {
    TestEnv(Some(password().into()))
}

pub fn target(url: &str) -> PgTarget {
    PgTarget::parse(url, &env()).expect("a test URL parses")
}

pub fn open(url: &str) -> PostgresStore {
    PostgresStore::open(&target(url)).unwrap_or_else(|e| panic!("open {url}: {e}"))
}

/// The server of this process: the one `SCIMCTL_TEST_POSTGRES` names, or a
/// private one started on first use.
pub fn server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| match std::env::var(EXTERNAL_VAR) {
        Ok(url) if !url.is_empty() => external(&url),
        _ => start(),
    })
}

/// The existing server `url` names, checked by connecting to it.
fn external(url: &str) -> Server {
    use postgres::config::Host;
    let mut config: postgres::Config = url
        .parse()
        .unwrap_or_else(|e| panic!("{EXTERNAL_VAR}={url:?} is not a PostgreSQL URL: {e}"));
    let host = match config.get_hosts() {
        [Host::Tcp(h)] => h.clone(),
        _ => panic!("{EXTERNAL_VAR}={url:?} must name one TCP host"),
    };
    let port = config.get_ports().first().copied().unwrap_or(5432);
    let user = config
        .get_user()
        .unwrap_or_else(|| panic!("{EXTERNAL_VAR}={url:?} names no user"))
        .to_owned();
    let password = match config.get_password() {
        Some(p) => String::from_utf8(p.to_vec()).expect("a UTF-8 password"),
        None => std::env::var("PGPASSWORD").unwrap_or_else(|_| {
            panic!("{EXTERNAL_VAR} is set: PGPASSWORD must hold {user}'s password")
        }),
    };
    config.password(&password);
    let s = Server {
        host,
        port,
        user,
        password,
        admin: Admin::Tcp,
        cert: std::env::var_os(EXTERNAL_CA_VAR).map(PathBuf::from),
    };
    if let Err(e) = s.try_admin("SELECT 1") {
        panic!("the server {EXTERNAL_VAR} names cannot be used: {e}");
    }
    s
}

/// A new, empty database (URL without a password; TCP, no TLS) and a guard
/// that drops it.
pub fn fresh_database() -> (String, impl Drop) {
    static N: AtomicU32 = AtomicU32::new(0);
    let s = server();
    let name = format!(
        "t_{}_{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    );
    s.admin(&format!("CREATE DATABASE {name}"));
    let url = format!(
        "postgres://{}@{}:{}/{name}?sslmode=disable",
        s.user, s.host, s.port
    );
    (url, DropDatabase(name))
}

struct DropDatabase(String);

impl Drop for DropDatabase {
    fn drop(&mut self) {
        let _ = server().try_admin(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.0));
    }
}

impl Server {
    fn admin_client(&self, db: &str) -> Result<postgres::Client, postgres::Error> {
        let mut c = postgres::Config::new();
        match &self.admin {
            Admin::Socket(dir) => c.host_path(dir),
            Admin::Tcp => c.host(&self.host).password(&self.password),
        };
        c.port(self.port)
            .user(&self.user)
            .dbname(db)
            .connect_timeout(Duration::from_secs(10))
            .connect(postgres::NoTls)
    }
    fn try_admin(&self, sql: &str) -> Result<(), postgres::Error> {
        self.admin_client("postgres")?.batch_execute(sql)
    }
    fn admin(&self, sql: &str) {
        self.try_admin(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    }
    /// Runs `sql` in database `db` as the superuser, over the socket.
    pub fn sql(&self, db: &str, sql: &str) -> Vec<postgres::SimpleQueryMessage> {
        self.admin_client(db)
            .and_then(|mut c| c.simple_query(sql))
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }
}

/// A private server: durability off (a test's data need not survive a
/// crash of the machine), TLS on with its own certificate.
fn start() -> Server {
    let c = Cluster::start(&Options {
        password: PRIVATE_PASSWORD,
        settings: &[
            "fsync=off",
            "synchronous_commit=off",
            "full_page_writes=off",
            "max_connections=300",
        ],
        tls: true,
        who: "the PostgreSQL tests",
    });
    Server {
        host: "127.0.0.1".to_owned(),
        port: c.port,
        user: SUPERUSER.to_owned(),
        password: PRIVATE_PASSWORD.to_owned(),
        admin: Admin::Socket(c.socket_dir.clone()),
        cert: c.cert.clone(),
    }
}

// ---- the store's own tests -------------------------------------------------

fn store_error(r: scimctl::engine::Result<PostgresStore>) -> StoreError {
    match r {
        Err(EngineError::Store(e)) => e,
        Err(e) => panic!("not a store error: {e}"),
        Ok(s) => panic!("opened {s:?}"),
    }
}

fn database_of(url: &str) -> String {
    let path = url.rsplit('/').next().unwrap_or_default();
    path.split('?').next().unwrap_or_default().to_owned()
}

fn schema_version(db: &str) -> Vec<String> {
    server()
        .sql(db, "SELECT version FROM scimctl_schema")
        .into_iter()
        .filter_map(|m| match m {
            postgres::SimpleQueryMessage::Row(r) => r.get(0).map(str::to_owned),
            _ => None,
        })
        .collect()
}

fn tables(db: &str) -> Vec<String> {
    server()
        .sql(
            db,
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
        )
        .into_iter()
        .filter_map(|m| match m {
            postgres::SimpleQueryMessage::Row(r) => r.get(0).map(str::to_owned),
            _ => None,
        })
        .collect()
}

/// Instances that start together on a fresh database: one migrates, every
/// one opens, and the schema is there once.
#[test]
fn migrations_run_once_when_instances_open_together() {
    let (url, _db) = fresh_database();
    let gate = Arc::new(Barrier::new(4));
    let openers: Vec<_> = (0..4)
        .map(|_| {
            let (url, gate) = (url.clone(), gate.clone());
            std::thread::spawn(move || {
                let t = target(&url);
                gate.wait();
                PostgresStore::open(&t).map(|s| s.info().schema_version)
            })
        })
        .collect();
    for o in openers {
        let v = o.join().expect("an opener panicked");
        assert_eq!(v.expect("open"), SCHEMA_VERSION);
    }
    let db = database_of(&url);
    assert_eq!(schema_version(&db), [SCHEMA_VERSION.to_string()]);
    let info = open(&url).info();
    assert_eq!(info.kind, "postgres");
    let s = server();
    let want = format!("postgres://{}@{}:", s.user, s.host);
    assert!(info.location.starts_with(&want), "{}", info.location);
    assert!(!info.location.contains(password()));
}

#[test]
fn a_newer_schema_is_refused_untouched() {
    let (url, _db) = fresh_database();
    drop(open(&url));
    let db = database_of(&url);
    server().sql(&db, "UPDATE scimctl_schema SET version = 99");
    let before = tables(&db);
    match store_error(PostgresStore::open(&target(&url))) {
        StoreError::NewerSchema {
            path,
            found,
            supported,
        } => {
            assert_eq!((found, supported), (99, SCHEMA_VERSION));
            assert!(path.starts_with("postgres://"), "{path}");
        }
        e => panic!("not NewerSchema: {e}"),
    }
    assert_eq!(tables(&db), before);
    assert_eq!(schema_version(&db), ["99"]);
}

#[test]
fn another_programs_database_is_refused_untouched() {
    let (url, _db) = fresh_database();
    let db = database_of(&url);
    server().sql(&db, "CREATE TABLE invoices (id int PRIMARY KEY)");
    let e = store_error(PostgresStore::open(&target(&url)));
    assert!(matches!(e, StoreError::Open { .. }), "{e}");
    let msg = e.to_string();
    assert!(msg.contains("another program"), "{msg}");
    assert!(msg.contains(&db), "{msg}");
    assert_eq!(tables(&db), ["invoices"]);
}

#[test]
fn a_wrong_password_is_refused_login() {
    let (url, _db) = fresh_database();
    let t = PgTarget::parse(&url, &TestEnv(Some("not-the-password".into()))).expect("parse");
    let e = store_error(PostgresStore::open(&t));
    assert!(matches!(e, StoreError::LoginRefused { .. }), "{e}");
    let msg = e.to_string();
    assert!(msg.contains(&url), "{msg}");
    assert!(!msg.contains("not-the-password"), "{msg}");
    // No password at all: refused too, saying where one comes from.
    let t = PgTarget::parse(&url, &TestEnv(None)).expect("parse");
    let e = store_error(PostgresStore::open(&t));
    assert!(matches!(e, StoreError::LoginRefused { .. }), "{e}");
    assert!(e.to_string().contains("PGPASSWORD"), "{e}");
}

#[test]
fn a_missing_database_is_named() {
    let s = server();
    let url = format!(
        "postgres://{}@{}:{}/no_such_db?sslmode=disable",
        s.user, s.host, s.port
    );
    match store_error(PostgresStore::open(&target(&url))) {
        StoreError::NoDatabase {
            url: shown,
            database,
        } => {
            assert_eq!(database, "no_such_db");
            assert_eq!(shown, url);
        }
        e => panic!("not NoDatabase: {e}"),
    }
}

#[test]
fn an_unreachable_server_fails_fast() {
    let port = free_port();
    let url = format!("postgres://{SUPERUSER}@127.0.0.1:{port}/x?sslmode=disable");
    let started = Instant::now();
    let e = store_error(PostgresStore::open(&target(&url)));
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert!(matches!(e, StoreError::Unreachable { .. }), "{e}");
    assert!(e.to_string().contains(&url), "{e}");
    assert!(e.to_string().contains("refused"), "the cause is shown: {e}");
}

/// TLS: a certificate this host does not trust is refused with what to
/// do; with its CA given (`sslrootcert`) the store opens.
#[test]
fn tls_is_verified_and_an_untrusted_certificate_says_what_to_do() {
    let (url, _db) = fresh_database();
    let strict = url.replace("sslmode=disable", "sslmode=verify-full");
    let e = store_error(PostgresStore::open(&target(&strict)));
    assert!(matches!(e, StoreError::Unreachable { .. }), "{e}");
    let msg = e.to_string();
    assert!(
        msg.contains("sslrootcert=PATH") && msg.contains("sslmode=disable"),
        "{msg}"
    );
    assert!(msg.contains("certificate"), "the cause is shown: {msg}");
    let ca = server().cert.as_ref().unwrap_or_else(|| {
        panic!("this test needs the CA of the server's certificate: set {EXTERNAL_CA_VAR}")
    });
    let trusted = format!("{strict}&sslrootcert={}", ca.display());
    let s = open(&trusted);
    write(&s, |tx| tx.insert_tenant(&tenant("t1", "T1"))).expect("a write over TLS");
}

fn tenant(id: &str, name: &str) -> Tenant {
    Tenant {
        id: id.into(),
        name: name.into(),
        policy: Policy::Product,
        scim_enabled: true,
        created_at: scimctl::engine::now(),
    }
}

/// Two stores (two instances) on one database, 8 threads each trying to
/// create the same userName by check-then-insert: the database serialises
/// the writes, so exactly one inserts and every other sees it.
#[test]
fn two_stores_check_then_insert_exactly_once() {
    let (url, _db) = fresh_database();
    let stores: [Arc<dyn Store>; 2] = [Arc::new(open(&url)), Arc::new(open(&url))];
    write(stores[0].as_ref(), |tx| {
        tx.insert_tenant(&tenant("t1", "T1"))
    })
    .expect("tenant");
    let gate = Arc::new(Barrier::new(8));
    let threads: Vec<_> = (0..8)
        .map(|n| {
            let store = stores[n % 2].clone();
            let gate = gate.clone();
            std::thread::spawn(move || {
                gate.wait();
                write(store.as_ref(), |tx| {
                    if tx
                        .account_by_user_name(GLOBAL_NAMESPACE, "jo@example.com")?
                        .is_some()
                    {
                        return Ok(false);
                    }
                    // Widen the window between the check and the insert.
                    std::thread::sleep(Duration::from_millis(20));
                    let t = scimctl::engine::now();
                    tx.insert_account(&Account {
                        id: format!("a{n}"),
                        namespace: GLOBAL_NAMESPACE.into(),
                        user_name: "jo@example.com".into(),
                        given_name: None,
                        family_name: None,
                        created_at: t,
                        updated_at: t,
                    })?;
                    Ok(true)
                })
            })
        })
        .collect();
    let inserted: Vec<bool> = threads
        .into_iter()
        .map(|t| t.join().expect("a writer panicked").expect("write"))
        .collect();
    assert_eq!(inserted.iter().filter(|&&i| i).count(), 1, "{inserted:?}");
    let found = read(stores[1].as_ref(), |tx| {
        tx.account_by_user_name(GLOBAL_NAMESPACE, "jo@example.com")
    })
    .expect("read");
    assert!(found.is_some());
}

/// A statement error the closure swallows still fails the transaction
/// (PostgreSQL would otherwise answer the COMMIT with a silent rollback),
/// and the connection stays usable for the next one.
#[test]
fn a_swallowed_statement_error_fails_the_write() {
    let (url, _db) = fresh_database();
    let s = open(&url);
    write(&s, |tx| tx.insert_tenant(&tenant("t1", "T1"))).expect("tenant");
    let r = write(&s, |tx| {
        let _ = tx.insert_tenant(&tenant("t1", "Again"));
        tx.insert_tenant(&tenant("t2", "T2"))
    });
    assert!(r.is_err(), "a failed statement was committed around");
    let ids: Vec<String> = read(&s, |tx| tx.tenants())
        .expect("read")
        .into_iter()
        .map(|t| t.id)
        .collect();
    assert_eq!(ids, ["t1"]);
    for _ in 0..10 {
        read(&s, |tx| tx.tenants()).expect("the pool's connections are usable");
    }
}

fn log_record(n: i64, base: time::OffsetDateTime) -> scimctl::engine::log::LogRecord {
    let tenant = match n % 4 {
        0 | 1 => Some("acme"),
        2 => Some("beta"),
        _ => None,
    };
    let user = (n % 3 != 0).then(|| format!("User{}@Example.COM", n % 5));
    scimctl::engine::log::LogRecord {
        seq: 0,
        request_id: format!("r-0000000000{n:010x}"),
        // Three hours of requests, in time order.
        at: base + time::Duration::seconds(n * 300) + time::Duration::microseconds(n * 1_234),
        tenant_id: tenant.map(str::to_owned),
        method: "PATCH".into(),
        path: "/scim/v2/acme/Users/u-1".into(),
        query: (n % 3 == 0).then(|| "filter=userName+eq+%22a%22".into()),
        status: if n % 2 == 0 { 200 } else { 401 },
        scim_type: None,
        reason: (n % 2 == 1).then(|| "invalid_token".into()),
        detail: (n % 2 == 1).then(|| format!("refused (request {n})")),
        user_id: user.as_ref().map(|_| "u-1".into()),
        user_email: user,
        group_id: (n % 7 == 0).then(|| "g-1".into()),
        token_fingerprint: Some("0badf00d".into()),
        token_note: (n % 4 == 1).then(|| {
            format!(
                "{}, replaced at x",
                scimctl::engine::auth::NOTE_PREVIOUS_TOKEN
            )
        }),
        client_addr: Some("203.0.113.7".into()),
        user_agent: Some("Azure AD provisioning".into()),
        latency_us: 1500 + n as u64,
        ignored_attributes: if n % 4 == 0 {
            vec!["nickName".into()]
        } else {
            Vec::new()
        },
        transfers: Vec::new(),
        invitations: (n % 5 == 0)
            .then(|| "x@example.com".to_owned())
            .into_iter()
            .collect(),
        request_body: (n % 2 == 1).then(|| r#"{"active":false}"#.into()),
    }
}

/// Everything the log answers, after each of its writes, on one store.
fn log_story(store: &dyn Store) -> Vec<String> {
    use scimctl::engine::log::{LogCounters, LogQuery};
    use scimctl::engine::store::append;
    let base = time::OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap();
    let mut out = Vec::new();
    let mut seen = |what: &str, v: String| out.push(format!("{what}: {v}"));
    write(store, |tx| {
        tx.insert_tenant(&tenant("acme", "Acme"))?;
        tx.insert_tenant(&tenant("beta", "Beta"))
    })
    .unwrap();
    for chunk in (0..40).collect::<Vec<i64>>().chunks(13) {
        let mut rs: Vec<_> = chunk.iter().map(|&n| log_record(n, base)).collect();
        append(store, |tx| tx.insert_logs(&mut rs)).unwrap();
        seen(
            "seqs",
            format!("{:?}", rs.iter().map(|r| r.seq).collect::<Vec<_>>()),
        );
    }
    let q = |q: LogQuery| format!("{:?}", read(store, |tx| tx.log_records(&q)).unwrap());
    seen("all", q(LogQuery::default()));
    seen(
        "acme",
        q(LogQuery {
            tenant_id: Some("acme".into()),
            limit: 5,
            ..Default::default()
        }),
    );
    seen(
        "user",
        q(LogQuery {
            user_email: Some("user2@example.com".into()),
            ..Default::default()
        }),
    );
    seen(
        "request",
        q(LogQuery {
            request_id: Some(format!("r-0000000000{:010x}", 7)),
            ..Default::default()
        }),
    );
    seen(
        "errors",
        q(LogQuery {
            tenant_id: Some("beta".into()),
            errors_only: true,
            ..Default::default()
        }),
    );
    seen(
        "since",
        q(LogQuery {
            since: Some(base + time::Duration::hours(2)),
            ..Default::default()
        }),
    );
    seen(
        "after",
        q(LogQuery {
            after_seq: Some(30),
            limit: 3,
            ..Default::default()
        }),
    );
    seen(
        "stats",
        format!(
            "{:?}",
            read(store, |tx| tx
                .log_stats("acme", base + time::Duration::minutes(20)))
            .unwrap()
        ),
    );
    let c = LogCounters {
        dropped: 2,
        dropped_last_at: Some(base),
        unknown_tenant: 0,
        unknown_tenant_last_at: None,
    };
    append(store, |tx| tx.add_log_counters(Some("acme"), &c)).unwrap();
    let c = LogCounters {
        dropped: 1,
        dropped_last_at: Some(base - time::Duration::hours(1)),
        unknown_tenant: 3,
        unknown_tenant_last_at: Some(base),
    };
    append(store, |tx| tx.add_log_counters(Some("acme"), &c)).unwrap();
    append(store, |tx| tx.add_log_counters(None, &c)).unwrap();
    seen(
        "counters",
        format!(
            "{:?}",
            read(store, |tx| Ok((
                tx.log_counters(Some("acme"))?,
                tx.log_counters(None)?,
                tx.log_counters(Some("beta"))?
            )))
            .unwrap()
        ),
    );
    let cuts = read(store, |tx| {
        tx.log_cuts(Some(base + time::Duration::minutes(30)), 6)
    })
    .unwrap();
    seen("cuts", format!("{cuts:?}"));
    for cut in &cuts {
        let mut n = Vec::new();
        loop {
            let k = append(store, |tx| tx.prune_log_cut(cut, 3)).unwrap();
            n.push(k);
            if k < 3 {
                break;
            }
        }
        seen("pruned", format!("{n:?}"));
    }
    seen("after retention", q(LogQuery::default()));
    append(store, |tx| tx.forget_log_tenant("beta")).unwrap();
    seen(
        "beta forgotten",
        q(LogQuery {
            tenant_id: Some("beta".into()),
            ..Default::default()
        }),
    );
    seen("all then", q(LogQuery::default()));
    let mut purged = Vec::new();
    loop {
        let k = append(store, |tx| tx.purge_forgotten_log(2)).unwrap();
        purged.push(k);
        if k < 2 {
            break;
        }
    }
    seen("purged", format!("{purged:?}"));
    write(store, |tx| tx.delete_tenant("acme")).unwrap();
    seen(
        "departed",
        format!(
            "{:?}",
            append(store, |tx| tx.forget_departed_log_tenants()).unwrap()
        ),
    );
    seen(
        "counters gone",
        format!(
            "{:?}",
            read(store, |tx| tx.log_counters(Some("acme"))).unwrap()
        ),
    );
    while append(store, |tx| tx.purge_forgotten_log(100)).unwrap() >= 100 {}
    seen(
        "keys pruned",
        format!("{:?}", append(store, |tx| tx.prune_log_tenants()).unwrap()),
    );
    // A tenant created again with the same id starts with an empty log.
    write(store, |tx| tx.insert_tenant(&tenant("acme", "Acme"))).unwrap();
    let mut rs = vec![log_record(100, base + time::Duration::hours(5))];
    append(store, |tx| tx.insert_logs(&mut rs)).unwrap();
    seen(
        "acme again",
        q(LogQuery {
            tenant_id: Some("acme".into()),
            ..Default::default()
        }),
    );
    // Tenant numbers are the store's own keys: what counts is that the
    // tenant created again has a number of its own.
    let again = read(store, |tx| tx.log_cuts(None, 0)).unwrap();
    let numbers: Vec<String> = again
        .iter()
        .map(|c| match c.scope {
            LogScope::Tenant(n) if cuts.iter().any(|k| k.scope == LogScope::Tenant(n)) => {
                format!("an old number, up to {}", c.upto_seq)
            }
            LogScope::Tenant(_) => format!("a new number, up to {}", c.upto_seq),
            other => format!("{other:?} up to {}", c.upto_seq),
        })
        .collect();
    seen("cuts again", format!("{numbers:?}"));
    out
}

/// The provisioning log answers on PostgreSQL exactly as on SQLite:
/// sequence numbers, queries, statistics by hour, counters, retention
/// cuts, forgetting and purging, step by step.
#[test]
fn the_log_reads_as_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let sqlite =
        scimctl::engine::store::sqlite::SqliteStore::open(&dir.path().join("s.db")).unwrap();
    let (url, _db) = fresh_database();
    let pg = open(&url);
    let want = log_story(&sqlite);
    let got = log_story(&pg);
    assert_eq!(want.len(), got.len());
    for (w, g) in want.iter().zip(&got) {
        assert_eq!(g, w);
    }
}

/// Appends from two stores at once: every record gets its own sequence
/// number, and numbers are given in commit order (a reader following by
/// sequence number never skips one).
#[test]
fn concurrent_appends_number_records_in_commit_order() {
    use scimctl::engine::store::append;
    let (url, _db) = fresh_database();
    let stores: [Arc<dyn Store>; 2] = [Arc::new(open(&url)), Arc::new(open(&url))];
    write(stores[0].as_ref(), |tx| {
        tx.insert_tenant(&tenant("acme", "Acme"))
    })
    .unwrap();
    let base = time::OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap();
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let store = stores[t % 2].clone();
            std::thread::spawn(move || {
                for i in 0..10 {
                    let mut rs: Vec<_> = (0..5)
                        .map(|k| log_record((t * 1000 + i * 10 + k) as i64, base))
                        .collect();
                    append(store.as_ref(), |tx| tx.insert_logs(&mut rs)).unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let all = read(stores[1].as_ref(), |tx| {
        tx.log_records(&scimctl::engine::log::LogQuery::default())
    })
    .unwrap();
    let seqs: Vec<i64> = all.iter().map(|r| r.seq).collect();
    assert_eq!(seqs, (1..=200).collect::<Vec<i64>>());
}

/// A panic inside a write rolls it back and is its error; a connection
/// killed in the middle of a transaction is Busy (a retry may succeed) and
/// is not handed out again: the next transactions run.
#[test]
fn a_panic_or_a_lost_connection_leaves_the_store_usable() {
    let (url, _db) = fresh_database();
    let s = open(&url);
    let panicked = write(&s, |tx| -> scimctl::engine::Result<()> {
        tx.insert_tenant(&tenant("t1", "T1"))?;
        panic!("planted")
    });
    assert!(panicked.is_err());
    assert!(read(&s, |tx| tx.tenants()).unwrap().is_empty());

    let db = database_of(&url);
    let lost = write(&s, |tx| {
        tx.insert_tenant(&tenant("t2", "T2"))?;
        // Every other session on the database: this transaction's own.
        server().sql(
            "postgres",
            &format!(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{db}' AND pid <> pg_backend_pid()"
            ),
        );
        tx.insert_tenant(&tenant("t3", "T3"))
    });
    match lost {
        Err(EngineError::Store(StoreError::Busy(_))) => {}
        other => panic!("not Busy: {other:?}"),
    }
    for i in 0..10 {
        write(&s, |tx| {
            tx.insert_tenant(&tenant(&format!("n{i}"), &format!("N{i}")))
        })
        .expect("a write after the lost connection");
    }
    let ids: Vec<String> = read(&s, |tx| tx.tenants())
        .unwrap()
        .into_iter()
        .map(|t| t.id)
        .collect();
    assert_eq!(ids.len(), 10, "{ids:?}");
}

/// The open errors as people read them: one line, the store named, never
/// the password.
#[test]
fn open_errors_read_well() {
    let (url, _db) = fresh_database();
    let s = server();
    let cases = [
        PgTarget::parse(&url, &TestEnv(Some("wrong-secret".into()))).unwrap(),
        target(&url.replace("/t_", "/missing_t_")),
        target(&format!(
            "postgres://{SUPERUSER}@127.0.0.1:{}/x?sslmode=disable",
            free_port()
        )),
        target(&url.replace("sslmode=disable", "sslmode=require")),
    ];
    for t in &cases {
        let e = store_error(PostgresStore::open(t));
        let msg = e.to_string();
        eprintln!("{msg}");
        assert!(!msg.contains('\n'), "{msg}");
        assert!(msg.contains(&t.shown), "{msg}");
        assert!(
            !msg.contains("wrong-secret") && !msg.contains(password()),
            "{msg}"
        );
    }
    let _ = s;
}

/// A lookup by a key with a NUL in it (a client's filter value or
/// resource id) finds nothing, as on SQLite, instead of failing its
/// statement and with it the transaction: PostgreSQL's text cannot hold a
/// NUL, so no row has such a key.
#[test]
fn a_key_with_a_nul_finds_nothing() {
    let (url, _db) = fresh_database();
    let s = open(&url);
    write(&s, |tx| tx.insert_tenant(&tenant("t1", "T1"))).expect("tenant");
    let ids = read(&s, |tx| {
        let k = "a\u{0}b";
        assert!(tx.tenant_by_id(k)?.is_none());
        assert!(tx.tenant_by_name(k)?.is_none());
        assert!(tx.property_by_name("t1", k)?.is_none());
        assert!(tx.account_by_id(k)?.is_none());
        assert!(tx.account_by_user_name(GLOBAL_NAMESPACE, k)?.is_none());
        assert!(tx.membership_by_id("t1", k)?.is_none());
        assert!(tx.memberships_by_external_id("t1", k)?.is_empty());
        assert!(tx.member("t1", k)?.is_none());
        assert!(
            tx.members_by_user_name("t1", GLOBAL_NAMESPACE, k)?
                .is_empty()
        );
        assert!(tx.members_by_external_id("t1", k)?.is_empty());
        assert!(tx.members_by_email("t1", k)?.is_empty());
        assert!(tx.group_by_id("t1", k)?.is_none());
        assert!(tx.group_by_name("t1", k)?.is_none());
        assert!(tx.groups_by_external_id("t1", k)?.is_empty());
        // The transaction is still good.
        Ok(tx.tenants()?.into_iter().map(|t| t.id).collect::<Vec<_>>())
    })
    .expect("the lookups and the read after them");
    assert_eq!(ids, ["t1"]);
}
