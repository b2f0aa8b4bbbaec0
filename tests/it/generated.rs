//! `completions/` and `man/` are generated from the clap tree by the hidden
//! `scimctl generate` command and committed; these tests fail when they are
//! stale (regenerate with the commands in the failure message).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use clap::CommandFactory;

use crate::support::*;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut m = BTreeMap::new();
    for e in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let e = e.unwrap();
        assert!(
            e.file_type().unwrap().is_file(),
            "{} is not a file",
            e.path().display()
        );
        m.insert(
            e.file_name().into_string().unwrap(),
            fs::read(e.path()).unwrap(),
        );
    }
    m
}

fn check(kind: &str, committed: &str, extra_env: &[(&str, &str)]) {
    let env = TestEnv::new();
    let out_dir = env.path(committed);
    let mut cmd = env.cmd(["generate", kind, "--out-dir", out_dir.to_str().unwrap()]);
    for (k, v) in extra_env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    expect_success(&["generate", kind], &out);
    assert!(out.stdout.is_empty(), "generate writes files, not stdout");

    let fresh = files(&out_dir);
    let checked_in = files(&repo().join(committed));
    let fix = format!(
        "{committed}/ is stale: run `cargo run -q -- generate {kind} --out-dir {committed}` and commit it"
    );
    assert_eq!(
        fresh.keys().collect::<Vec<_>>(),
        checked_in.keys().collect::<Vec<_>>(),
        "file set differs; {fix}"
    );
    for (name, bytes) in &fresh {
        assert!(
            checked_in[name] == *bytes,
            "{committed}/{name} differs; {fix}"
        );
    }
}

#[test]
fn completions_are_current() {
    check("completions", "completions", &[]);
    let names = check_names("completions");
    for shell_file in [
        "scimctl.bash",
        "_scimctl",
        "scimctl.fish",
        "_scimctl.ps1",
        "scimctl.elv",
    ] {
        assert!(
            names.contains(&shell_file.to_owned()),
            "completions/{shell_file} is missing"
        );
    }
}

#[test]
fn man_pages_are_current() {
    check("man", "man", &[]);
    let names = check_names("man");
    // One page per subcommand, and the top page.
    for page in [
        "scimctl.1",
        "scimctl-tenant-create.1",
        "scimctl-scim-status.1",
        "scimctl-url.1",
        "scimctl-token-regenerate.1",
        "scimctl-users-add.1",
        "scimctl-config-show.1",
    ] {
        assert!(names.contains(&page.to_owned()), "man/{page} is missing");
    }
    assert!(
        !names.iter().any(|n| n.contains("generate-")),
        "the hidden generate command gets no man page"
    );
}

/// The files do not depend on the environment they are generated in.
#[test]
fn generated_files_ignore_the_environment() {
    let env = [
        ("SCIMCTL_STORE", "/somewhere/else.db"),
        ("SCIMCTL_TENANT", "acme"),
        ("SCIMCTL_OUTPUT", "json"),
        ("SCIMCTL_CONFIG", "/etc/nowhere.toml"),
        ("COLUMNS", "40"),
    ];
    check("completions", "completions", &env);
    check("man", "man", &env);
}

fn check_names(dir: &str) -> Vec<String> {
    files(&repo().join(dir)).into_keys().collect()
}

#[test]
fn clap_tree_is_consistent() {
    scimctl::cli::Cli::command().debug_assert();
}
