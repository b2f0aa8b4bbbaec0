//! Secrets: the store is private, a token is shown once and is found nowhere
//! else — not in the store file (or its WAL), not on stderr, not in logs.

use std::fs;
use std::os::unix::fs::PermissionsExt;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::support::*;

both_modes!(
    table_mode_generate_prints_only_the_token,
    a_token_appears_nowhere_but_once_on_stdout,
    token_status_never_prints_the_secret,
);

#[test]
fn store_file_is_0600_in_a_0700_directory() {
    let env = TestEnv::new();
    env.tenant("Acme", "acme");
    let store = env.store();
    assert!(store.is_file(), "the default store is under XDG_DATA_HOME");
    assert_eq!(mode(&store), 0o600);
    assert_eq!(mode(store.parent().unwrap()), 0o700);

    // While the store is open its WAL and shared-memory files are private too.
    let e = env.engine();
    env.ok(&["scim", "enable"]);
    for c in with_companions(&store) {
        if c.exists() {
            assert_eq!(mode(&c), 0o600, "{}", c.display());
        }
    }
    drop(e);

    // A store someone loosened is tightened again on the next open.
    fs::set_permissions(&store, fs::Permissions::from_mode(0o644)).unwrap();
    env.ok(&["tenant", "list"]);
    assert_eq!(mode(&store), 0o600);

    // --store in a new directory: created 0700, file 0600.
    let custom = env.path("custom/deeper/s.db");
    env.ok(&["--store", custom.to_str().unwrap(), "tenant", "create", "X"]);
    assert_eq!(mode(&custom), 0o600);
    assert_eq!(mode(custom.parent().unwrap()), 0o700);
    assert_eq!(mode(custom.parent().unwrap().parent().unwrap()), 0o700);
}

fn table_mode_generate_prints_only_the_token(env: TestEnv) {
    env.tenant("Acme", "acme");
    for verb in ["generate", "regenerate"] {
        let out = env.cmd(["token", verb]).output().unwrap();
        expect_success(&["token", verb], &out);
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert_eq!(stdout.lines().count(), 1, "{stdout:?}");
        assert!(stdout.ends_with('\n'));
        let token = stdout.trim_end();
        assert_token_shape(token);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(!stderr.is_empty(), "people get a note on stderr");
        assert!(!stderr.contains(token), "the token leaked to stderr");
    }
    // --quiet: the token and nothing else anywhere.
    let out = env
        .cmd(["--quiet", "token", "regenerate"])
        .output()
        .unwrap();
    expect_success(&["token", "regenerate"], &out);
    assert_token_shape(String::from_utf8(out.stdout).unwrap().trim_end());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn a_token_appears_nowhere_but_once_on_stdout(env: TestEnv) {
    env.tenant("Acme", "acme");
    env.ok(&["scim", "enable"]);
    // Held open so that the CLI is not the last connection: its writes stay
    // in the WAL, which is searched too.
    let keep_open = env.pg().is_none().then(|| {
        let c = env.sql();
        let _: i64 = c
            .query_row("SELECT COUNT(*) FROM tokens", [], |r| r.get(0))
            .unwrap();
        c
    });

    let mut stderr_all = Vec::new();
    let mut tokens = Vec::new();
    let mut run = |env: &TestEnv, args: &[&str], log: Option<&str>, stdin: Option<&str>| {
        let mut c = env.cmd(args);
        if let Some(l) = log {
            c.env("SCIMCTL_LOG", l);
        }
        if let Some(s) = stdin {
            c.write_stdin(s.to_owned());
        }
        let out = c.output().unwrap();
        assert_no_panic(&out);
        stderr_all.extend_from_slice(&out.stderr);
        out
    };

    let out = run(&env, &["-vvv", "token", "generate"], None, None);
    expect_success(&["token", "generate"], &out);
    tokens.push(String::from_utf8(out.stdout).unwrap().trim_end().to_owned());
    let out = run(
        &env,
        &["-vvv", "token", "regenerate", "--output", "json"],
        Some("trace"),
        None,
    );
    expect_success(&["token", "regenerate"], &out);
    let v = parse_json(&String::from_utf8(out.stdout).unwrap());
    tokens.push(str_key(&v, "token").to_owned());
    let out = run(&env, &["token", "regenerate", "-vv"], Some("trace"), None);
    expect_success(&["token", "regenerate"], &out);
    tokens.push(String::from_utf8(out.stdout).unwrap().trim_end().to_owned());
    for t in &tokens {
        assert_token_shape(t);
    }

    // Commands that see the token or the store must not print it.
    let current = tokens.last().unwrap().clone();
    let mut stdouts = Vec::new();
    for (args, stdin) in [
        (&["-vvv", "token", "status"][..], None),
        (&["token", "status", "--output", "json"], None),
        (&["-vvv", "scim", "status"], None),
        (&["scim", "status", "--output", "json"], None),
        (&["tenant", "show", "--output", "json"], None),
        (
            &["-vvv", "token", "verify", "--token-stdin"],
            Some(current.as_str()),
        ),
        (
            &["-vvv", "token", "verify", "--token-stdin"],
            Some(tokens[0].as_str()),
        ),
        (
            &[
                "-vvv",
                "token",
                "verify",
                "--token-stdin",
                "--output",
                "json",
            ],
            Some(tokens[1].as_str()),
        ),
        (&["-vvv", "token", "revoke"], None),
    ] {
        let out = run(&env, args, Some("trace"), stdin);
        stdouts.extend_from_slice(&out.stdout);
        let out = run(&env, args, None, stdin);
        stdouts.extend_from_slice(&out.stdout);
    }

    assert!(
        contains(&stderr_all, b"DEBUG"),
        "verbose runs log something"
    );
    let files: Vec<(String, Vec<u8>)> = match env.pg() {
        None => {
            let wal = with_companions(&env.store())[1].clone();
            assert!(wal.exists(), "the WAL is kept while a connection is open");
            with_companions(&env.store())
                .into_iter()
                .map(|p| (p.display().to_string(), bytes(&p)))
                .collect()
        }
        // Every row of every table, as text (byte strings in hex).
        Some(_) => env
            .query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
            .into_iter()
            .map(|r| {
                let table = r[0].clone().unwrap();
                let rows = env.query(&format!("SELECT t::text FROM {table} t"));
                let text: Vec<String> = rows.into_iter().filter_map(|r| r[0].clone()).collect();
                (format!("table {table}"), text.join("\n").into_bytes())
            })
            .collect(),
    };
    // Remotely the server saw every token too: its stderr is searched.
    let server_err = if env.is_remote() {
        env.remote_server().server.stderr().into_bytes()
    } else {
        Vec::new()
    };
    for t in &tokens {
        let body = &t["scim_".len()..];
        let raw = URL_SAFE_NO_PAD.decode(body).unwrap();
        assert_eq!(raw.len(), 32);
        let hex: String = raw.iter().map(|b| format!("{b:02x}")).collect();
        for needle in [t.as_bytes(), body.as_bytes(), &raw[..], hex.as_bytes()] {
            for (name, content) in &files {
                assert!(!contains(content, needle), "token bytes found in {name}");
            }
            assert!(
                !contains(&stderr_all, needle),
                "token bytes found on stderr"
            );
            assert!(
                !contains(&server_err, needle),
                "token bytes found on the server's stderr"
            );
            assert!(
                !contains(&stdouts, needle),
                "token bytes printed by a later command"
            );
        }
    }
    // The store does hold what identifies a token without revealing it.
    drop(keep_open);
    let fps: Vec<String> = env
        .query("SELECT fingerprint FROM tokens ORDER BY created_at")
        .into_iter()
        .map(|r| r[0].clone().unwrap())
        .collect();
    let expected: Vec<String> = tokens
        .iter()
        .map(|t| scimctl::engine::tokens::fingerprint(&scimctl::engine::tokens::hash(t)))
        .collect();
    assert_eq!(fps, expected);
}

fn token_status_never_prints_the_secret(env: TestEnv) {
    env.tenant("Acme", "acme");
    let token = env.ok(&["token", "generate"]).trim_end().to_owned();
    let fp = scimctl::engine::tokens::fingerprint(&scimctl::engine::tokens::hash(&token));
    for args in [
        &["token", "status"][..],
        &["token", "status", "--output", "json"],
    ] {
        let out = env.cmd(args).output().unwrap();
        expect_success(args, &out);
        let all = [out.stdout, out.stderr].concat();
        assert!(!contains(&all, token.as_bytes()));
        assert!(!contains(&all, &token.as_bytes()[5..]));
        assert!(
            contains(&all, fp.as_bytes()),
            "status shows the fingerprint"
        );
    }
}
