//! The house rule that dependencies point down (faces → backend → engine →
//! store), checked on the source: each top-level module of `src/` may
//! name only the modules listed for it, and the engine no transport or
//! terminal crate. A new arrow upward fails here with the file and line.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Each module and what it may import from the rest of the crate. Faces
/// (cli, tui, http) sit on top; `error` is the faces' error table; the
/// engine imports nothing outside itself.
const LAYERS: &[(&str, &[&str])] = &[
    ("engine", &[]),
    ("format", &[]),
    ("logging", &[]),
    ("output", &[]),
    ("api", &["engine"]),
    ("net", &["format"]),
    ("mail", &["engine"]),
    ("config", &["engine", "mail", "output"]),
    ("probe", &["engine", "net", "format"]),
    ("credentials", &["api", "config", "engine", "net"]),
    ("backend", &["api", "credentials", "engine", "net"]),
    (
        "error",
        &["backend", "config", "credentials", "engine", "net"],
    ),
    (
        "http",
        &[
            "api", "config", "engine", "format", "logging", "mail", "net",
        ],
    ),
    (
        "tui",
        &[
            "api", "backend", "config", "engine", "error", "format", "net", "output", "probe",
        ],
    ),
    (
        "cli",
        &[
            "api",
            "backend",
            "config",
            "credentials",
            "engine",
            "error",
            "format",
            "http",
            "logging",
            "mail",
            "net",
            "output",
            "probe",
            "tui",
        ],
    ),
];

/// Crates of the faces and the transports, which the engine must not use.
const NOT_IN_ENGINE: &[&str] = &[
    "axum",
    "hyper",
    "hyper_util",
    "tower",
    "tower_http",
    "reqwest",
    "clap",
    "ratatui",
    "crossterm",
    "comfy_table",
    "tokio_rustls",
    "lettre",
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The top-level module a file of `src/` belongs to (`src/engine/x.rs`
/// and `src/engine.rs` are both `engine`).
fn module_of(file: &Path) -> String {
    let rel = file.strip_prefix(src()).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_owned()
}

/// The code of a line, without a trailing `//` comment.
fn code(line: &str) -> &str {
    let t = line.trim_start();
    if t.starts_with("//") {
        return "";
    }
    match line.find("//") {
        Some(i) if !line[..i].contains('"') => &line[..i],
        _ => line,
    }
}

/// Every top-level module named after `crate::` in `text`, including
/// each one inside `crate::{a, b::c}`.
fn crate_modules(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let mut at_start = true;
            let mut name = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                if depth == 0 {
                    break;
                }
                if depth == 1 && c == ',' {
                    at_start = true;
                    continue;
                }
                if depth == 1 && at_start {
                    if c.is_ascii_alphanumeric() || c == '_' {
                        name.push(c);
                    } else if !name.is_empty() {
                        found.insert(std::mem::take(&mut name));
                        at_start = false;
                    }
                }
            }
            if !name.is_empty() {
                found.insert(name);
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.insert(name);
            }
        }
    }
    found
}

#[test]
fn the_parser_of_this_check_finds_grouped_and_nested_imports() {
    let found = crate_modules(
        "use crate::{engine::X, backend::{Local, Remote}, format};\nlet a = crate::net::client();",
    );
    assert_eq!(
        found.into_iter().collect::<Vec<_>>(),
        ["backend", "engine", "format", "net"]
    );
}

#[test]
fn dependencies_point_down() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    files.sort();
    let mut broken = Vec::new();
    let mut seen_modules = BTreeSet::new();
    for file in &files {
        let module = module_of(file);
        if module == "lib" || module == "main" {
            continue;
        }
        seen_modules.insert(module.clone());
        let Some((_, allowed)) = LAYERS.iter().find(|(m, _)| *m == module) else {
            broken.push(format!(
                "{}: module `{module}` has no place in LAYERS (tests/it/layering.rs): give it one",
                file.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let line = code(line);
            for used in crate_modules(line) {
                if used != module && !allowed.contains(&used.as_str()) {
                    broken.push(format!(
                        "{}:{}: `{module}` imports `{used}`: {}",
                        file.display(),
                        n + 1,
                        line.trim()
                    ));
                }
            }
            if module == "engine" {
                for c in NOT_IN_ENGINE {
                    let t = line.trim_start();
                    if t.starts_with(&format!("use {c}::")) || line.contains(&format!(" {c}::")) {
                        broken.push(format!(
                            "{}:{}: the engine uses `{c}`: {}",
                            file.display(),
                            n + 1,
                            line.trim()
                        ));
                    }
                }
            }
        }
    }
    // Every module the table names exists, so a rename cannot leave it stale.
    for (m, _) in LAYERS {
        assert!(
            seen_modules.contains(*m),
            "LAYERS names `{m}`, which src/ does not have"
        );
    }
    assert!(
        broken.is_empty(),
        "arrows that point up:\n{}",
        broken.join("\n")
    );
}
