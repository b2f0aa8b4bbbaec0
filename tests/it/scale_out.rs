//! Several `scimctl serve` instances and the CLI on one PostgreSQL database
//! (a private server, see `pg`): every guarantee of the product holds
//! across them, kept by the database and not by any one process.

use std::collections::BTreeSet;
use std::os::unix::fs::PermissionsExt;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use scimctl::engine::store::read;
use serde_json::{Value, json};

use crate::pg;
use crate::server::*;
use crate::support::*;

/// A test environment whose store is a fresh database of the private
/// server: the CLI and every `serve` started in it use that database, and
/// find its password in `~/.pgpass` as `psql` would.
struct PgEnv {
    env: TestEnv,
    url: String,
    db: Option<Box<dyn std::any::Any + Send>>,
}

fn pg_env() -> PgEnv {
    // The harness's own client blocks on a runtime of its own, which
    // cannot start on a test's async worker: it runs on a thread apart.
    let (url, db) = apart(pg::fresh_database);
    let env = TestEnv::new();
    env.write_config(&format!("store = \"{url}\"\n"));
    write_pgpass(&env, pg::password());
    PgEnv {
        env,
        url,
        db: Some(Box::new(db)),
    }
}

impl Drop for PgEnv {
    fn drop(&mut self) {
        let db = self.db.take();
        apart(move || drop(db));
    }
}

/// Runs `f` on a thread of its own and waits for it.
fn apart<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| s.spawn(f).join().expect("the thread panicked"))
}

/// The database a URL names.
fn database_name(url: &str) -> &str {
    let path = url.split('?').next().unwrap_or(url);
    path.rsplit('/').next().unwrap_or(path)
}

fn write_pgpass(env: &TestEnv, password: &str) {
    let file = env.root().join(".pgpass");
    std::fs::write(&file, format!("*:*:*:*:{password}\n")).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
}

/// Two requests at once, one to each instance; their statuses, sorted.
async fn both(a: &Scim, b: &Scim, path: &str, body: &Value) -> (Vec<u16>, Vec<Resp>) {
    let (ra, rb) = tokio::join!(a.post(path, body), b.post(path, body));
    let mut statuses = vec![ra.status, rb.status];
    statuses.sort_unstable();
    (statuses, vec![ra, rb])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn duplicate_creates_on_two_instances_give_one_201_and_one_409() {
    let p = pg_env();
    let token = scim_tenant(&p.env, "Acme", "acme", "standard");
    let (one, two) = (Server::start(&p.env), Server::start(&p.env));
    let (a, b) = (one.client("acme", &token), two.client("acme", &token));
    for i in 0..15 {
        let user = entra_user(&format!("dup{i}@acme.example"), "D", "Up", None);
        let (statuses, rs) = both(&a, &b, "/Users", &user).await;
        assert_eq!(statuses, [201, 409], "user {i}: {} / {}", rs[0], rs[1]);
        for r in rs.iter().filter(|r| r.status == 409) {
            r.error(409, Some("uniqueness"), "uniqueness");
        }
        let group = entra_group(&format!("Dup group {i}"));
        let (statuses, rs) = both(&a, &b, "/Groups", &group).await;
        assert_eq!(statuses, [201, 409], "group {i}: {} / {}", rs[0], rs[1]);
    }
    // Across tenants (product userNames are global): the same email from
    // two tenants' IdPs at once, one through each instance — one owns it.
    let x = scim_tenant(&p.env, "Xavier Hotels", "xavier", "product");
    let y = scim_tenant(&p.env, "Yonder Inns", "yonder", "product");
    let (ax, by) = (one.client("xavier", &x), two.client("yonder", &y));
    for i in 0..10 {
        let user = entra_user(&format!("shared{i}@example.com"), "Sha", "Red", None);
        let (rx, ry) = tokio::join!(ax.post("/Users", &user), by.post("/Users", &user));
        let mut statuses = [rx.status, ry.status];
        statuses.sort_unstable();
        assert_eq!(statuses, [201, 409], "shared{i}: {rx} / {ry}");
    }
    // Each instance sees exactly the one of each that was created.
    for c in [&a, &b] {
        for i in 0..15 {
            let found = c
                .find_users(&format!("userName eq \"dup{i}@acme.example\""))
                .await;
            assert_eq!(found.len(), 1, "dup{i}: {found:?}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn members_added_to_one_group_on_two_instances_at_once_are_all_kept() {
    let p = pg_env();
    let token = scim_tenant(&p.env, "Acme", "acme", "standard");
    let (one, two) = (Server::start(&p.env), Server::start(&p.env));
    let (a, b) = (one.client("acme", &token), two.client("acme", &token));
    let gid = a.create_group("Everyone").await;
    let mut users = Vec::new();
    for i in 0..40 {
        users.push(a.create_user(&format!("m{i}@acme.example")).await);
    }
    // Each member in a PATCH of its own, alternating instances, all at once.
    let mut patches = tokio::task::JoinSet::new();
    for (i, uid) in users.iter().enumerate() {
        let c = if i % 2 == 0 { a.clone() } else { b.clone() };
        let path = format!("/Groups/{gid}");
        let body = patch_op(json!([{"op": "Add", "path": "members", "value": [{"value": uid}]}]));
        patches.spawn(async move { c.patch(&path, &body).await });
    }
    while let Some(r) = patches.join_next().await {
        let r = r.unwrap();
        assert!(r.status == 204 || r.status == 200, "{r}");
    }
    let want: BTreeSet<String> = users.iter().cloned().collect();
    for c in [&a, &b] {
        let got: BTreeSet<String> = c.members(&gid).await.into_iter().collect();
        assert_eq!(got, want, "members lost");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_changed_through_the_cli_is_refused_by_every_instance_at_once() {
    let p = pg_env();
    let old = scim_tenant(&p.env, "Acme", "acme", "product");
    let (one, two) = (Server::start(&p.env), Server::start(&p.env));
    for s in [&one, &two] {
        s.client("acme", &old).get("/Users").await.ok(200);
    }
    // Regenerated with no grace period: the old token is refused by both
    // instances on their very next request, the new one accepted.
    let new = p
        .env
        .ok(&["--tenant", "acme", "--quiet", "token", "regenerate"])
        .trim_end()
        .to_owned();
    for s in [&one, &two] {
        s.client("acme", &old)
            .get("/Users")
            .await
            .error(401, None, "invalid_token");
        s.client("acme", &new).get("/Users").await.ok(200);
    }
    // With a grace period both work on both until the previous one is
    // revoked, then it is refused everywhere at once.
    let issued = p
        .env
        .json(&["--tenant", "acme", "token", "regenerate", "--grace", "1h"]);
    let newer = str_key(&issued, "token").to_owned();
    for s in [&one, &two] {
        s.client("acme", &new).get("/Users").await.ok(200);
        s.client("acme", &newer).get("/Users").await.ok(200);
    }
    p.env
        .ok(&["--tenant", "acme", "token", "revoke", "--previous"]);
    for s in [&one, &two] {
        s.client("acme", &new)
            .get("/Users")
            .await
            .error(401, None, "invalid_token");
        s.client("acme", &newer).get("/Users").await.ok(200);
    }
    // SCIM turned off through the CLI: both instances answer 403 at once.
    p.env.ok(&["--tenant", "acme", "scim", "disable"]);
    for s in [&one, &two] {
        s.client("acme", &newer)
            .get("/Users")
            .await
            .error(403, None, "scim_disabled");
    }
}

/// Instances started together on an empty database: one migrates, the
/// others wait for it, all serve; the store is named without its password.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn instances_started_together_migrate_once_and_all_serve() {
    let p = pg_env();
    let servers: Vec<Server> = std::thread::scope(|s| {
        let started: Vec<_> = (0..3).map(|_| s.spawn(|| Server::start(&p.env))).collect();
        started.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let token = scim_tenant(&p.env, "Acme", "acme", "standard");
    for (i, s) in servers.iter().enumerate() {
        s.client("acme", &token)
            .create_user(&format!("start{i}@acme.example"))
            .await;
    }
    let status = p.env.json(&["--tenant", "acme", "scim", "status"]);
    assert_eq!(str_key(&status["store"], "kind"), "postgres", "{status:#}");
    let shown = str_key(&status["store"], "location");
    assert_eq!(shown, p.url, "{status:#}");
    let config = p.env.ok(&["config", "show"]);
    assert!(config.contains(&p.url), "{config}");
    let password = pg::password();
    for out in [config, status.to_string()] {
        assert!(!out.contains(password), "{out}");
    }
    for s in servers {
        let log = s.stop();
        assert!(!log.contains(password), "{log}");
    }
}

/// Each way a database can fail to open: one line, its exit code, and the
/// password never shown.
#[test]
fn a_database_that_cannot_be_used_is_one_line_and_its_exit_code() {
    let p = pg_env();
    let password = pg::password();
    let run = |vars: &[(&str, &str)], store: &str| {
        let out = p
            .env
            .std_cmd(["--store", store, "tenant", "list"])
            .envs(vars.iter().copied())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_one_error_line(&err);
        assert!(!err.contains(password), "{err}");
        (out.status.code().unwrap_or(-1), err)
    };
    // A wrong password (PGPASSWORD outranks ~/.pgpass, as for psql).
    let (code, err) = run(&[("PGPASSWORD", "not-the-password")], &p.url);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("refused the login"), "{err}");
    assert!(err.contains("PGPASSWORD or ~/.pgpass"), "{err}");
    // A database that does not exist.
    let missing = p.url.replace(database_name(&p.url), "no_such_db");
    let (code, err) = run(&[], &missing);
    assert_eq!(code, 7, "{err}");
    assert!(err.contains("has no database \"no_such_db\""), "{err}");
    // Nothing listens on port 1 of the loopback.
    let (code, err) = run(&[], "postgres://scim@127.0.0.1:1/scim?sslmode=disable");
    assert_eq!(code, 7, "{err}");
    assert!(err.contains("cannot reach the PostgreSQL server"), "{err}");
}

/// One create through `c` that may find its instance gone: its status, or
/// None when the connection failed.
async fn try_create(c: &Scim, user_name: &str) -> Option<u16> {
    let body = entra_user(user_name, "Load", "Test", None);
    let r = c
        .http
        .post(format!("{}/Users", c.base))
        .header("Authorization", format!("Bearer {}", c.token.as_deref()?))
        .header("Content-Type", "application/scim+json")
        .body(body.to_string())
        .send()
        .await
        .ok()?;
    Some(r.status().as_u16())
}

/// `kill -9` of one instance while both take creates: every create that
/// was answered 201 (by either) is stored, and the other instance keeps
/// answering.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killing_one_instance_under_load_loses_no_acknowledged_write() {
    let p = pg_env();
    let token = scim_tenant(&p.env, "Acme", "acme", "standard");
    let (one, two) = (Server::start(&p.env), Server::start(&p.env));
    let (a, b) = (one.client("acme", &token), two.client("acme", &token));
    let stop = Arc::new(AtomicBool::new(false));
    let mut workers = tokio::task::JoinSet::new();
    for w in 0..6 {
        let c = if w % 2 == 0 { a.clone() } else { b.clone() };
        let stop = stop.clone();
        workers.spawn(async move {
            let (mut acked, mut failed) = (Vec::new(), 0u32);
            let mut i = 0;
            while !stop.load(Ordering::Relaxed) {
                let name = format!("w{w}-{i}@acme.example");
                i += 1;
                match try_create(&c, &name).await {
                    Some(201) => acked.push(name),
                    Some(s) => panic!("{name}: {s}"),
                    // The killed instance: its connection is gone.
                    None => {
                        failed += 1;
                        tokio::time::sleep(Duration::from_millis(20)).await;
                    }
                }
            }
            (w, acked, failed)
        });
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    one.kill9();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    stop.store(true, Ordering::Relaxed);
    let mut acked = Vec::new();
    while let Some(r) = workers.join_next().await {
        let (w, names, failed) = r.unwrap();
        if w % 2 == 1 {
            assert_eq!(failed, 0, "the surviving instance refused connections");
            assert!(!names.is_empty(), "the surviving instance served nothing");
        }
        acked.extend(names);
    }
    assert!(acked.len() > 20, "too little load: {}", acked.len());
    // After the kill the survivor still takes writes, and holds every
    // acknowledged one.
    b.create_user("after-the-kill@acme.example").await;
    let url = p.url.clone();
    let stored: BTreeSet<String> = apart(move || {
        let store = pg::open(&url);
        read(&store, |tx| tx.members_page("acme", 0, 1_000_000)).unwrap()
    })
    .into_iter()
    .map(|m| m.account.user_name.to_lowercase())
    .collect();
    let lost: Vec<&String> = acked.iter().filter(|n| !stored.contains(*n)).collect();
    assert!(
        lost.is_empty(),
        "{} acknowledged creates lost: {lost:?}",
        lost.len()
    );
}

/// `log --follow` on the database shows the requests of both instances.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn log_follow_shows_both_instances_requests() {
    let p = pg_env();
    let token = scim_tenant(&p.env, "Acme", "acme", "standard");
    let (one, two) = (Server::start(&p.env), Server::start(&p.env));
    let mut follow = p
        .env
        .std_cmd(["log", "--follow", "--output", "json", "--limit", "0"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel::<Value>();
    let out = follow.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(out).lines() {
            let Ok(line) = line else { break };
            if let Ok(v) = serde_json::from_str::<Value>(&line)
                && tx.send(v).is_err()
            {
                break;
            }
        }
    });
    let mut want = BTreeSet::new();
    for (i, s) in [&one, &two].iter().enumerate() {
        for k in 0..3 {
            let r = s
                .client("acme", &token)
                .post(
                    "/Users",
                    &entra_user(&format!("f{i}-{k}@acme.example"), "F", "L", None),
                )
                .await;
            r.ok(201);
            want.insert(r.request_id().to_owned());
        }
    }
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    let mut seen = BTreeSet::new();
    while !want.is_subset(&seen) && std::time::Instant::now() < deadline {
        if let Ok(v) = rx.recv_timeout(Duration::from_millis(200))
            && let Some(id) = v["request_id"].as_str()
        {
            seen.insert(id.to_owned());
        }
    }
    let _ = follow.kill();
    let _ = follow.wait();
    let _ = reader.join();
    let missing: Vec<&String> = want.difference(&seen).collect();
    assert!(missing.is_empty(), "log --follow missed {missing:?}");
}
