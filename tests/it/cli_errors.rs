//! The exit-code table of `src/error.rs` (`exit::*`, documented in README.md),
//! produced code by code with the real binary.

use std::collections::BTreeSet;
use std::fs::{self, File};

use scimctl::error::exit;

use crate::support::*;

both_modes!(every_exit_code_is_produced, a_closed_pipe_is_not_a_failure,);

fn every_exit_code_is_produced(env: TestEnv) {
    let mut seen = BTreeSet::new();
    let mut check = |args: &[&str], code: u8, out: std::process::Output| -> String {
        seen.insert(code);
        if code == exit::OK {
            expect_success(args, &out);
            String::new()
        } else {
            expect_failure(args, &out, i32::from(code))
        }
    };

    // 0
    let out = env
        .cmd(["tenant", "create", "Acme", "--id", "acme"])
        .output()
        .unwrap();
    check(&["tenant", "create"], exit::OK, out);
    env.tenant("Beta", "beta");

    // 1: stdout cannot be written.
    let out = env
        .std_cmd(["tenant", "list", "--output", "json"])
        .stdout(File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    let e = check(&["tenant", "list > /dev/full"], exit::INTERNAL, out);
    assert!(e.contains("cannot write the output"), "{e}");

    // 2: our own usage errors (one line) …
    let e = check(&["url"], exit::USAGE, env.cmd(["url"]).output().unwrap());
    assert!(e.contains("--tenant"), "{e}");
    let e = check(
        &["tenant", "delete", "acme"],
        exit::USAGE,
        env.cmd(["tenant", "delete", "acme"]).output().unwrap(),
    );
    assert!(e.contains("--yes"), "{e}");
    let e = check(
        &["token", "verify", "--token-stdin"],
        exit::USAGE,
        env.cmd(["--tenant", "acme", "token", "verify", "--token-stdin"])
            .write_stdin("\n")
            .output()
            .unwrap(),
    );
    assert!(e.contains("empty"), "{e}");
    // … and clap's (code only; clap prints usage over several lines).
    for args in [
        &["tenant", "frobnicate"][..],
        &["--no-such-flag", "url"],
        &["users", "add", "a@example.com"],
        &["--output", "yaml", "url"],
        &["token", "verify"],
    ] {
        let out = env.cmd(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_no_panic(&out);
        assert!(!out.stderr.is_empty(), "{args:?}");
    }

    // 3: an invalid config: unknown key, bad public_url (file and env),
    // a config file named but missing.
    let bad = env.path("bad.toml");
    fs::write(
        &bad,
        "public_url = \"https://x.example.com\"\npublic_ulr = \"typo\"\n",
    )
    .unwrap();
    let args = ["--config", bad.to_str().unwrap(), "url"];
    let e = check(&args, exit::CONFIG, env.cmd(args).output().unwrap());
    assert!(e.contains("public_ulr") && e.contains("line 2"), "{e}");
    fs::write(&bad, "public_url = \"ftp://x.example.com\"\n").unwrap();
    let e = check(&args, exit::CONFIG, env.cmd(args).output().unwrap());
    assert!(e.contains("http://") && e.contains("bad.toml"), "{e}");
    let out = env
        .cmd(["url"])
        .env("SCIMCTL_PUBLIC_URL", "scim.example.com")
        .output()
        .unwrap();
    let e = check(&["url"], exit::CONFIG, out);
    assert!(e.contains("SCIMCTL_PUBLIC_URL"), "{e}");
    let out = env
        .cmd(["token", "status", "--tenant", "acme"])
        .env("SCIMCTL_TOKEN_MAX_AGE_DAYS", "ninety")
        .output()
        .unwrap();
    let e = check(&["token", "status"], exit::CONFIG, out);
    assert!(e.contains("SCIMCTL_TOKEN_MAX_AGE_DAYS"), "{e}");
    let missing = env.path("missing.toml");
    let args = ["--config", missing.to_str().unwrap(), "url"];
    check(&args, exit::CONFIG, env.cmd(args).output().unwrap());
    env.write_config("output = \"yaml\"\n");
    check(&["url"], exit::CONFIG, env.cmd(["url"]).output().unwrap());
    // Back to a valid file (which keeps naming a PostgreSQL environment's store).
    env.write_config("");

    // 4: a token that does not verify.
    env.ok(&["--tenant", "acme", "token", "generate"]);
    let out = env
        .cmd(["--tenant", "acme", "token", "verify", "--token-stdin"])
        .write_stdin("scim_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n")
        .output()
        .unwrap();
    let e = check(&["token", "verify"], exit::AUTH, out);
    assert!(e.contains("token regenerate"), "{e}");

    // 5: not found.
    let e = check(
        &["--tenant", "nope", "url"],
        exit::NOT_FOUND,
        env.cmd(["--tenant", "nope", "url"]).output().unwrap(),
    );
    assert!(e.contains("\"nope\"") && e.contains("tenant list"), "{e}");

    // 6: conflict.
    let e = check(
        &["token", "generate"],
        exit::CONFLICT,
        env.cmd(["--tenant", "acme", "token", "generate"])
            .output()
            .unwrap(),
    );
    assert!(e.contains("token regenerate"), "{e}");

    // 7: a store that is not SQLite.
    let junk = env.path("junk.db");
    fs::write(
        &junk,
        "this is not a database, just some text that is long enough\n".repeat(20),
    )
    .unwrap();
    let args = ["--store", junk.to_str().unwrap(), "tenant", "list"];
    let e = check(&args, exit::STORE, env.cmd(args).output().unwrap());
    assert!(e.contains("not a SQLite database"), "{e}");

    // 8: a value breaks a rule.
    let args = [
        "--tenant",
        "acme",
        "users",
        "add",
        "not-an-email",
        "--given-name",
        "A",
        "--family-name",
        "B",
    ];
    let e = check(&args, exit::INVALID, env.cmd(args).output().unwrap());
    assert!(e.contains("not-an-email"), "{e}");
    let args = ["tenant", "create", "X", "--id", "Not Valid"];
    check(&args, exit::INVALID, env.cmd(args).output().unwrap());

    // 9: forbidden by a product rule: an account another tenant's IdP manages.
    env.ok(&[
        "--tenant",
        "acme",
        "users",
        "add",
        "sam@example.com",
        "--given-name",
        "S",
        "--family-name",
        "L",
    ]);
    env.exec("UPDATE memberships SET managed_by = 'idp'");
    let args = [
        "--tenant",
        "beta",
        "users",
        "add",
        "sam@example.com",
        "--given-name",
        "S",
        "--family-name",
        "L",
    ];
    let e = check(&args, exit::FORBIDDEN, env.cmd(args).output().unwrap());
    assert!(e.contains("sam@example.com"), "{e}");

    // 10: a check failed: a required mapping missing from Entra's export.
    let broken = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/entra/missing-given-name.json"
    );
    let args = ["mapping", "check", broken];
    let e = check(&args, exit::CHECK_FAILED, env.cmd(args).output().unwrap());
    assert!(
        e.contains("required mapping missing: name.givenName"),
        "{e}"
    );

    let all: BTreeSet<u8> = [
        exit::OK,
        exit::INTERNAL,
        exit::USAGE,
        exit::CONFIG,
        exit::AUTH,
        exit::NOT_FOUND,
        exit::CONFLICT,
        exit::STORE,
        exit::INVALID,
        exit::FORBIDDEN,
        exit::CHECK_FAILED,
    ]
    .into();
    assert_eq!(all, (0..=10).collect(), "the table is 0..=10");
    assert_eq!(seen, all, "every exit code was produced");
}

fn a_closed_pipe_is_not_a_failure(env: TestEnv) {
    for i in 0..3 {
        env.ok(&["tenant", "create", &format!("Tenant {i:02}")]);
    }
    // A reader that goes away at once: `scimctl … | true`, in JSON and in
    // table mode.
    for args in [
        &["tenant", "list", "--output", "json"][..],
        &["tenant", "list"],
        &["--tenant", "Tenant 01", "url"],
    ] {
        let mut child = env
            .std_cmd(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_no_panic(&out);
    }
}

/// Every hint that tells the user to run a command names one that exists.
#[test]
fn every_hint_names_a_real_command() {
    use clap::Parser;
    use scimctl::config::ConfigError;
    use scimctl::engine::{EngineError as E, StoreError as S};
    use scimctl::error::CliError;

    let s = || "x".to_owned();
    let engine = [
        E::TenantNotFound(s()),
        E::NoTenants,
        E::TenantNotChosen { count: 2 },
        E::TenantExists {
            field: "id",
            value: s(),
        },
        E::InvalidTenantId(s()),
        E::InvalidTenantName(s()),
        E::TokenExists {
            tenant: s(),
            fingerprint: s(),
            created: s(),
        },
        E::NoToken { tenant: s() },
        E::TokenRejected {
            tenant: s(),
            detail: s(),
        },
        E::InvalidEmail(s()),
        E::InvalidValue {
            field: "f",
            reason: s(),
        },
        E::AlreadyMember {
            email: s(),
            tenant: s(),
        },
        E::ManagedElsewhere { email: s() },
        E::PropertyNotFound {
            name: s(),
            tenant: s(),
        },
        E::PropertyExists {
            name: s(),
            tenant: s(),
        },
        E::GroupNotFound {
            name: s(),
            tenant: s(),
        },
        E::GroupExists {
            name: s(),
            tenant: s(),
        },
        E::UserNotFound {
            email: s(),
            tenant: s(),
        },
        E::Store(S::CreateDir {
            path: s(),
            reason: s(),
        }),
        E::Store(S::Open {
            path: s(),
            reason: s(),
        }),
        E::Store(S::NotADatabase { path: s() }),
        E::Store(S::NewerSchema {
            path: s(),
            found: 2,
            supported: 1,
        }),
        E::Store(S::ReadOnly {
            path: s(),
            reason: s(),
        }),
        E::Store(S::Busy(s())),
        E::Store(S::Backend(s())),
    ];
    let mut errors: Vec<CliError> = engine.into_iter().map(CliError::from).collect();
    errors.push(CliError::Config(ConfigError { message: s() }));
    errors.push(CliError::Usage(s()));
    errors.push(CliError::Output(std::io::Error::other("x")));

    let mut commands = 0;
    for e in &errors {
        let line = e.render();
        assert!(
            line.starts_with("error: ") && !line.contains('\n'),
            "{line}"
        );
        let mut rest = line.as_str();
        while let Some(i) = rest.find("'scimctl ") {
            let after = &rest[i + 1..];
            let end = after
                .find('\'')
                .unwrap_or_else(|| panic!("unclosed quote: {line}"));
            let words: Vec<&str> = after[..end]
                .split_whitespace()
                .map(|w| {
                    if w.chars().all(|c| c.is_ascii_uppercase()) {
                        "placeholder@example.com"
                    } else {
                        w
                    }
                })
                .collect();
            if let Err(err) = scimctl::cli::Cli::try_parse_from(&words) {
                panic!(
                    "the hint of {e:?} names {:?}, which does not parse:\n{err}",
                    words.join(" ")
                );
            }
            commands += 1;
            rest = &after[end + 1..];
        }
    }
    assert!(commands >= 10, "only {commands} commands found in hints");
}
