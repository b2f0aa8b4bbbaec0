//! Credentials for remote administration (issue 8, item 3): `login`,
//! `logout`, `profiles list` and `token … --save-to-keyring`, as real
//! processes against a real `scimctl serve`, with the real kernel keyutils
//! keyring.
//!
//! keyutils needs a session keyring. Each test first joins a fresh
//! anonymous one on its own thread (`join_session_keyring`); the binaries it
//! spawns inherit it, and the test reads entries back in-process through
//! the same `scimctl::credentials::Keyring`. Entries are also linked into
//! the user's persistent keyring, which every process of the user shares,
//! so each test uses its own profile names and cleans up.

use std::process::Output;
use std::time::{Duration, Instant};

use scimctl::credentials::{Account, Keyring, SecretStore};

use crate::server::*;
use crate::support::*;

/// Joins a new session keyring for this thread and the processes it spawns.
/// No silent skip: where keyctl is blocked (e.g. Docker's default seccomp
/// profile) these tests fail and say why.
pub(crate) fn join_session_keyring() {
    use linux_keyutils::{KeyRing, KeyRingIdentifier};
    if let Err(e) = KeyRing::from_special_id(KeyRingIdentifier::Session, true) {
        panic!(
            "the credential tests need a kernel session keyring and could not join one ({e:?}); \
             keyctl is blocked on this machine (a container's seccomp profile?): run them on a host or VM"
        );
    }
}

fn keyring() -> Keyring {
    Keyring::open().expect("keyring")
}

fn stored(account: &Account) -> Option<String> {
    keyring()
        .get(account)
        .expect("keyring read")
        .map(|s| s.expose().to_owned())
}

fn unique(prefix: &str) -> String {
    format!("{prefix}-{}", &guid()[..8])
}

/// `admin-key create NAME [ARGS]`: the key on stdout.
fn admin_key(env: &TestEnv, name: &str, args: &[&str]) -> String {
    let mut all = vec!["admin-key", "create", name];
    all.extend_from_slice(args);
    let key = env.ok(&all).trim_end().to_owned();
    assert!(key.starts_with("scimadm_"), "{key}");
    key
}

/// `login ARGS --admin-key-stdin` with `key` piped in.
fn login(env: &TestEnv, args: &[&str], key: &str, vars: &[(&str, &str)]) -> Output {
    let mut all = vec!["login", "--admin-key-stdin"];
    all.extend_from_slice(args);
    let mut cmd = env.cmd(&all);
    for (k, v) in vars {
        cmd.env(k, v);
    }
    cmd.write_stdin(format!("{key}\n")).output().unwrap()
}

fn assert_secret_free(out: &Output, secrets: &[&str]) {
    for s in secrets {
        assert!(!contains(&out.stdout, s.as_bytes()), "a secret on stdout");
        assert!(!contains(&out.stderr, s.as_bytes()), "a secret on stderr");
    }
}

#[test]
fn login_stores_the_key_in_the_keyring_and_the_profile_in_the_config() {
    join_session_keyring();
    let env = TestEnv::new();
    env.tenant("Acme", "acme");
    env.tenant("Beta", "beta");
    let operator = admin_key(&env, "ops", &[]);
    let scoped = admin_key(&env, "acme-ci", &["--tenant", "acme"]);
    let srv = Server::start(&env);
    let (ops, ci) = (unique("it-ops"), unique("it-ci"));

    let out = login(
        &env,
        &["--server", &srv.origin(), "--profile", &ops],
        &operator,
        &[],
    );
    expect_success(&["login"], &out);
    assert_secret_free(&out, &[&operator]);
    let note = String::from_utf8_lossy(&out.stderr);
    assert!(note.contains("an operator key (2 tenants)"), "{note}");
    assert_eq!(
        stored(&Account::AdminKey(ops.clone())).as_deref(),
        Some(operator.as_str())
    );

    // A scoped key's profile records its tenant (through SCIMCTL_PROFILE).
    let out = login(
        &env,
        &["--server", &srv.origin(), "--output", "json"],
        &scoped,
        &[("SCIMCTL_PROFILE", &ci)],
    );
    expect_success(&["login"], &out);
    let j = parse_json(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(str_key(&j, "tenant"), "acme");
    assert_eq!(str_key(&j, "profile"), ci);

    // The config file: private, the profiles, never a key.
    let cfg = env.config_file();
    assert_eq!(mode(&cfg), 0o600);
    assert_eq!(mode(cfg.parent().unwrap()), 0o700);
    let text = std::fs::read_to_string(&cfg).unwrap();
    assert!(
        text.contains(&format!("default_profile = \"{ops}\"")),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "[profiles.{ci}]\nserver = \"{}\"\ntenant = \"acme\"",
            srv.origin()
        )),
        "{text}"
    );
    for k in [&operator, &scoped] {
        assert!(!text.contains(k.as_str()), "a key in the config file");
        assert!(
            !text.contains(&k[8..20]),
            "part of a key in the config file"
        );
    }

    // profiles list: both, with the default and the keyring state.
    let list = env.json(&["profiles", "list"]);
    let rows = list.as_array().unwrap();
    assert_eq!(rows.len(), 2, "{list}");
    let row = |n: &str| {
        rows.iter()
            .find(|r| str_key(r, "name") == n)
            .unwrap()
            .clone()
    };
    assert!(bool_key(&row(&ops), "default"));
    assert!(!bool_key(&row(&ci), "default"));
    assert!(bool_key(&row(&ci), "in_keyring"));
    assert_eq!(str_key(&row(&ci), "key_source"), "keyring");
    assert_eq!(opt_str_key(&row(&ops), "tenant"), None);
    let table = env.ok(&["profiles", "list"]);
    assert!(table.contains(&format!("{ops} *")), "{table}");
    assert!(!table.contains(&operator) && !table.contains(&scoped));

    // config show tells where the profile comes from.
    let show = env.ok(&["--profile", &ci, "config", "show"]);
    assert!(show.contains("flag --profile"), "{show}");
    assert!(show.contains(&format!("[profiles.{ci}]")), "{show}");

    // Logging in again through the saved server, then logging out.
    let out = login(&env, &["--profile", &ci], &scoped, &[]);
    expect_success(&["login", "again"], &out);
    env.ok(&["--profile", &ci, "logout"]);
    assert_eq!(stored(&Account::AdminKey(ci.clone())), None);
    assert!(std::fs::read_to_string(&cfg).unwrap().contains(&ci), "kept");
    let list = env.json(&["profiles", "list"]);
    let r = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| str_key(r, "name") == ci)
        .unwrap()
        .clone();
    assert!(!bool_key(&r, "in_keyring"));
    env.ok(&["--profile", &ops, "logout", "--forget"]);
    assert_eq!(stored(&Account::AdminKey(ops.clone())), None);
    let text = std::fs::read_to_string(&cfg).unwrap();
    assert!(!text.contains(&ops), "{text}");
    env.ok(&["--profile", &ci, "logout", "--forget"]);
}

#[test]
fn a_wrong_key_is_exit_4_and_nothing_is_stored() {
    join_session_keyring();
    let env = TestEnv::new();
    env.tenant("Acme", "acme");
    let srv = Server::start(&env);
    let p = unique("it-bad");
    let bad = "scimadm_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    let out = login(
        &env,
        &["--server", &srv.origin(), "--profile", &p],
        bad,
        &[],
    );
    let line = expect_failure(&["login"], &out, 4);
    assert!(line.contains("rejected the admin key"), "{line}");
    assert_secret_free(&out, &[bad]);
    assert_eq!(stored(&Account::AdminKey(p)), None);
    assert!(!env.config_file().exists());
}

#[test]
fn plain_http_to_another_host_is_refused_before_connecting() {
    join_session_keyring();
    let env = TestEnv::new();
    let p = unique("it-http");
    let started = Instant::now();
    // 192.0.2.1 is TEST-NET-1: a connection attempt would hang, not fail.
    let out = login(
        &env,
        &["--server", "http://192.0.2.1:8080", "--profile", &p],
        "scimadm_x",
        &[],
    );
    let line = expect_failure(&["login"], &out, 2);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "it tried to connect"
    );
    assert!(line.contains("use https://"), "{line}");
    assert!(line.contains("192.0.2.1"), "{line}");
    assert_eq!(stored(&Account::AdminKey(p)), None);
    assert!(!env.config_file().exists());
}

/// After `login`, the profile sends every state command to its server with
/// the key from the keyring, and a scoped key's tenant is the default
/// tenant; `--store` goes back to the local store; contradictions and a
/// missing profile, key or server are clear errors with their exit codes.
#[test]
fn a_profile_or_server_sends_every_command_to_the_admin_api() {
    join_session_keyring();
    let env = TestEnv::new();
    env.tenant("Acme", "acme");
    env.tenant("Beta", "beta");
    let scoped = admin_key(&env, "acme-ci", &["--tenant", "acme"]);
    let srv = Server::start(&env);
    let p = unique("it-remote");
    expect_success(
        &["login"],
        &login(
            &env,
            &["--server", &srv.origin(), "--profile", &p],
            &scoped,
            &[],
        ),
    );

    // The default profile: remote, scoped to acme, acme chosen without --tenant.
    let ids = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|t| str_key(t, "id").to_owned())
            .collect()
    };
    assert_eq!(ids(&env.json(&["tenant", "list"])), ["acme"]);
    env.ok(&[
        "users",
        "add",
        "remote@example.com",
        "--given-name",
        "Re",
        "--family-name",
        "Mote",
    ]);
    let (engine, acme) = env.engine_tenant("acme");
    assert!(engine.member_facts(&acme, "remote@example.com").is_ok());
    let actors: Vec<String> = env
        .sql()
        .prepare("SELECT actor FROM audit_events WHERE action = 'user.add'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(actors, ["admin:acme-ci"], "done through the admin API");
    let show = env.json(&["config", "show"]);
    let entry = |k: &str| {
        show.as_array()
            .unwrap()
            .iter()
            .find(|e| str_key(e, "key") == k)
            .unwrap()
            .clone()
    };
    assert_eq!(str_key(&entry("server"), "value"), srv.origin());
    assert_eq!(entry("server")["source"]["kind"], "profile");
    assert_eq!(str_key(&entry("tenant"), "value"), "acme");
    assert_eq!(entry("tenant")["source"]["kind"], "profile");
    // The scope holds remotely: beta is as absent as a tenant that is not.
    let line = env.fail(&["--tenant", "beta", "scim", "status"], 5);
    assert!(line.contains("tenant \"beta\" not found"), "{line}");

    // --store: the local store again (both tenants).
    let store = env.store();
    let store = store.to_str().unwrap();
    assert_eq!(
        ids(&env.json(&["--store", store, "tenant", "list"])),
        ["acme", "beta"]
    );
    let line = env.fail(
        &[
            "--store",
            store,
            "--server",
            &srv.origin(),
            "tenant",
            "list",
        ],
        2,
    );
    assert!(line.contains("choose one"), "{line}");
    let line = env.fail(&["--store", store, "--profile", &p, "tenant", "list"], 2);
    assert!(line.contains("choose one"), "{line}");
    let line = env.fail(&["--profile", "nosuch", "tenant", "list"], 2);
    assert!(line.contains("scimctl login --profile nosuch"), "{line}");

    // No key for the profile once logged out: exit 4, naming the ways in.
    env.ok(&["logout"]);
    let line = env.fail(&["tenant", "list"], 4);
    assert!(
        line.contains(&format!("no admin key for profile \"{p}\"")),
        "{line}"
    );
    assert!(line.contains("SCIMCTL_ADMIN_KEY"), "{line}");

    // A wrong key: 4; a server that is not there: 7; plain http to
    // another host: refused before any connection, 2.
    let with = |server: &str, key: &str, code: i32| {
        let out = env
            .cmd(["tenant", "list"])
            .env("SCIMCTL_SERVER", server)
            .env("SCIMCTL_ADMIN_KEY", key)
            .output()
            .unwrap();
        let line = expect_failure(&["tenant", "list"], &out, code);
        assert_secret_free(&out, &[key]);
        line
    };
    let line = with(
        &srv.origin(),
        "scimadm_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        4,
    );
    assert!(line.contains("admin key"), "{line}");
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let gone = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let line = with(&gone, &scoped, 7);
    assert!(line.contains("cannot reach the server"), "{line}");
    let started = Instant::now();
    let line = with("http://192.0.2.1:8080", &scoped, 2);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "it tried to connect"
    );
    assert!(line.contains("use https://"), "{line}");
    env.ok(&["--profile", &p, "logout", "--forget"]);
}

#[test]
fn scimctl_admin_key_wins_over_the_keyring() {
    join_session_keyring();
    let env = TestEnv::new();
    env.tenant("Acme", "acme");
    let good = admin_key(&env, "ops", &[]);
    let srv = Server::start(&env);
    let p = unique("it-env");
    expect_success(
        &["login"],
        &login(
            &env,
            &["--server", &srv.origin(), "--profile", &p],
            &good,
            &[],
        ),
    );

    // A revoked key in the environment is used (and refused), not the
    // keyring's good one; the keyring keeps the good one.
    let revoked = admin_key(&env, "old", &[]);
    env.ok(&["admin-key", "revoke", "old"]);
    let out = env
        .cmd(["--profile", &p, "login"])
        .env("SCIMCTL_ADMIN_KEY", &revoked)
        .output()
        .unwrap();
    let line = expect_failure(&["login"], &out, 4);
    assert!(line.contains("rejected the admin key"), "{line}");
    assert_secret_free(&out, &[&good, &revoked]);
    assert_eq!(
        stored(&Account::AdminKey(p.clone())).as_deref(),
        Some(good.as_str())
    );

    // profiles list says the environment wins, and the keyring has one.
    let out = env
        .cmd(["profiles", "list", "--output", "json"])
        .env("SCIMCTL_ADMIN_KEY", &revoked)
        .output()
        .unwrap();
    expect_success(&["profiles", "list"], &out);
    let list = parse_json(&String::from_utf8_lossy(&out.stdout));
    let row = &list.as_array().unwrap()[0];
    assert_eq!(str_key(row, "key_source"), "env");
    assert!(bool_key(row, "in_keyring"));

    // The environment also wins over --admin-key-stdin.
    let out = login(
        &env,
        &["--profile", &p],
        &good,
        &[("SCIMCTL_ADMIN_KEY", &revoked)],
    );
    expect_failure(&["login"], &out, 4);
    env.ok(&["--profile", &p, "logout", "--forget"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_saved_to_the_keyring_serves_test_connection() {
    join_session_keyring();
    let env = TestEnv::new();
    let old = scim_tenant(&env, "Acme", "acme", "product");
    let srv = Server::start(&env);
    env.write_config(&format!("public_url = \"{}\"\n", srv.origin()));
    let url = srv.tenant_url("acme");
    let account = Account::ScimToken(url.clone());

    // Nothing saved yet: the usage error names every way to give a token.
    let out = env
        .cmd(["--tenant", "acme", "test-connection"])
        .output()
        .unwrap();
    let line = expect_failure(&["test-connection"], &out, 2);
    for opt in ["--token-stdin", "--token-env", "--save-to-keyring"] {
        assert!(line.contains(opt), "{line}");
    }

    let out = env
        .cmd([
            "--tenant",
            "acme",
            "token",
            "regenerate",
            "--save-to-keyring",
        ])
        .output()
        .unwrap();
    expect_success(&["token", "regenerate"], &out);
    let new = String::from_utf8(out.stdout.clone())
        .unwrap()
        .trim_end()
        .to_owned();
    assert_token_shape(&new);
    assert_ne!(new, old);
    assert_eq!(stored(&account).as_deref(), Some(new.as_str()));
    assert!(!contains(&out.stderr, new.as_bytes()));

    let out = env
        .cmd(["--tenant", "acme", "test-connection"])
        .timeout(Duration::from_secs(90))
        .output()
        .unwrap();
    expect_success(&["test-connection"], &out);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("steps passed"), "{err}");
    assert_secret_free(&out, &[&new]);
    srv.client("acme", &new).get("/Users").await.ok(200);
    // No file under the environment holds the token.
    for f in walk(env.root()) {
        let name = f.display().to_string();
        if name.contains("scimctl.db") {
            continue; // the store holds hashes; secrets.rs checks it
        }
        assert!(!contains(&bytes(&f), new.as_bytes()), "the token in {name}");
    }
    assert!(keyring().delete(&account).unwrap());
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut v = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            v.extend(walk(&p));
        } else {
            v.push(p);
        }
    }
    v
}

/// `login` prompting on a real pseudo-terminal (util-linux `script` owns
/// it): the prompt shows, the key typed is not echoed, and it is stored.
#[test]
fn login_prompts_on_the_terminal_without_echo() {
    use std::io::{Read, Write};
    use std::process::Stdio;
    join_session_keyring();
    let env = TestEnv::new();
    env.tenant("Acme", "acme");
    let key = admin_key(&env, "ops", &[]);
    let srv = Server::start(&env);
    let p = unique("it-tty");
    let inner = format!("{BIN} login --server {} --profile {p}", srv.origin());
    // The same clean environment as `env.std_cmd`, with `script` as the
    // program and the login as its command.
    let base = env.std_cmd(["-q", "-e", "-c", &inner, "/dev/null"]);
    let mut cmd = std::process::Command::new("script");
    cmd.env_clear()
        .envs(
            base.get_envs()
                .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v.to_owned()))),
        )
        .current_dir(env.root())
        .args(base.get_args());
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("util-linux 'script' is needed for the terminal test");
    let mut stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel::<Vec<u8>>();
    let reader = std::thread::spawn(move || {
        let mut all = Vec::new();
        let mut buf = [0u8; 256];
        while let Ok(n) = stdout.read(&mut buf) {
            if n == 0 {
                break;
            }
            all.extend_from_slice(&buf[..n]);
            let _ = tx.send(all.clone());
        }
        all
    });
    // Type only once the prompt is up (echo is off by then).
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let seen = rx.recv_timeout(Duration::from_secs(30)).expect("no prompt");
        if contains(&seen, b"Admin key for") {
            break;
        }
        assert!(Instant::now() < deadline, "no prompt");
    }
    // rpassword prints the prompt, then turns echo off: wait for that too.
    let tty = loop {
        if let Some(t) = tty_of(&p) {
            break t;
        }
        assert!(Instant::now() < deadline, "no terminal found for the login");
        std::thread::sleep(Duration::from_millis(20));
    };
    while !echo_off(&tty) {
        assert!(Instant::now() < deadline, "echo never went off on {tty:?}");
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(format!("{key}\r").as_bytes()).unwrap();
    let status = child.wait().unwrap();
    drop(stdin);
    let transcript = reader.join().unwrap();
    let text = String::from_utf8_lossy(&transcript);
    assert!(status.success(), "{text}");
    assert!(
        text.contains(&format!("Admin key for {}: ", srv.origin())),
        "{text}"
    );
    assert!(
        !contains(&transcript, key.as_bytes()),
        "the key was echoed: {text}"
    );
    assert!(text.contains("Logged in to"), "{text}");
    assert_eq!(
        stored(&Account::AdminKey(p.clone())).as_deref(),
        Some(key.as_str())
    );
    env.ok(&["--profile", &p, "logout", "--forget"]);
}

/// The pseudo-terminal of the process whose command line holds `marker`.
fn tty_of(marker: &str) -> Option<std::path::PathBuf> {
    for e in std::fs::read_dir("/proc").ok()?.flatten() {
        let cmdline = std::fs::read(e.path().join("cmdline")).unwrap_or_default();
        if contains(&cmdline, marker.as_bytes())
            && let Ok(t) = std::fs::read_link(e.path().join("fd/0"))
            && t.starts_with("/dev/pts")
        {
            return Some(t);
        }
    }
    None
}

/// Whether the terminal's echo is off, as `stty` reads it.
fn echo_off(tty: &std::path::Path) -> bool {
    std::process::Command::new("stty")
        .arg("-F")
        .arg(tty)
        .arg("-a")
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .split_whitespace()
                .any(|w| w == "-echo")
        })
        .unwrap_or(false)
}
