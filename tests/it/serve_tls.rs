//! `scimctl serve --tls-cert F --tls-key F` (issue 8, transport): HTTPS with
//! rustls, checked end to end by `scimctl test-connection --ca-file` (every
//! step, the `--full` suite included) with a certificate made in the test.

use std::os::unix::fs::PermissionsExt;

use serde_json::Value;

use crate::server::*;
use crate::support::*;

/// A self-signed certificate for 127.0.0.1 and localhost, as PEM files
/// (the key mode 0600); returns (cert path, key path).
fn certificate(env: &TestEnv, name: &str) -> (String, String) {
    let ck =
        rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_owned(), "localhost".to_owned()])
            .unwrap();
    let cert = env.path(&format!("{name}.pem"));
    let key = env.path(&format!("{name}.key"));
    std::fs::write(&cert, ck.cert.pem()).unwrap();
    std::fs::write(&key, ck.signing_key.serialize_pem()).unwrap();
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
    (cert.display().to_string(), key.display().to_string())
}

fn test_connection(env: &TestEnv, token: &str, args: &[&str]) -> (Option<i32>, Value) {
    let mut all = vec![
        "test-connection",
        "--token-env",
        "SCIM_TOKEN",
        "--timeout",
        "10",
    ];
    all.extend_from_slice(args);
    all.extend(["--output", "json"]);
    let out = env.cmd(&all).env("SCIM_TOKEN", token).output().unwrap();
    assert_no_panic(&out);
    (
        out.status.code(),
        parse_json(&String::from_utf8(out.stdout).unwrap()),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn https_serves_the_whole_protocol() {
    let env = TestEnv::new();
    let token = scim_tenant(&env, "Acme", "acme", "product");
    let (cert, key) = certificate(&env, "server");
    let srv = Server::start_args(&env, &[], &["--tls-cert", &cert, "--tls-key", &key], &[]);
    assert!(srv.stderr().contains("TLS: on"), "{}", srv.stderr());
    let url = format!("https://127.0.0.1:{}/scim/v2/acme", srv.addr.port());

    // Entra's probe and the validator suite, over TLS, trusting our CA.
    let (code, v) = test_connection(&env, &token, &["--url", &url, "--ca-file", &cert, "--full"]);
    assert_eq!(code, Some(0), "{v:#}");
    let tls = array_key(&v, "steps")
        .iter()
        .find(|s| str_key(s, "id") == "tls")
        .expect("a TLS step")
        .clone();
    assert_eq!(str_key(&tls, "status"), "pass");
    assert!(
        str_key(&tls, "detail").contains("matches 127.0.0.1"),
        "{tls:#}"
    );

    // Without trusting it, the probe stops at TLS with the certificate named.
    let (code, v) = test_connection(&env, &token, &["--url", &url]);
    assert_eq!(code, Some(10), "{v:#}");
    assert!(!bool_key(&v, "passed"));

    // Plain HTTP to the TLS port gets no answer a client could use.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let plain = reqwest::Client::builder().no_proxy().build().unwrap();
    let r = plain
        .get(format!("http://127.0.0.1:{}/healthz", srv.addr.port()))
        .timeout(std::time::Duration::from_secs(10))
        .send()
        .await;
    assert!(r.is_err() || !r.unwrap().status().is_success());
    let log = srv.stop();
    assert!(!log.contains(&token), "the token never reaches stderr");
}

#[test]
fn serve_refuses_unusable_certificates_and_keys() {
    let env = TestEnv::new();
    env.tenant("Acme", "acme");
    let (cert, key) = certificate(&env, "a");
    let (other_cert, _) = certificate(&env, "b");
    let missing = env.path("missing.pem").display().to_string();
    let cases: [(&[&str], &str); 3] = [
        (
            &["--tls-cert", &missing, "--tls-key", &key],
            "cannot read the TLS certificate",
        ),
        (
            &["--tls-cert", &cert, "--tls-key", &cert],
            "cannot read the TLS private key",
        ),
        (
            &["--tls-cert", &other_cert, "--tls-key", &key],
            "do not go together",
        ),
    ];
    for (flags, want) in cases {
        let mut args = vec!["serve", "--listen", "127.0.0.1:0"];
        args.extend_from_slice(flags);
        let e = env.fail(&args, 2);
        assert!(e.contains(want), "{flags:?}: {e}");
    }
    // One without the other is a usage error from clap.
    let out = env.cmd(["serve", "--tls-cert", &cert]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    // Plain HTTP beyond loopback stays refused; the message names TLS.
    let e = env.fail(&["serve", "--listen", "0.0.0.0:0"], 2);
    assert!(e.contains("--tls-cert"), "{e}");
}

/// At most `max_tls_handshakes` handshakes at a time: silent clients that
/// hold them make the next connection close at once, and once they go
/// their places are free again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tls_handshakes_in_progress_are_capped() {
    use tokio::io::AsyncReadExt;
    let env = TestEnv::new();
    let (cert, key) = certificate(&env, "server");
    let srv = Server::start_args(
        &env,
        &[],
        &["--tls-cert", &cert, "--tls-key", &key],
        &[("SCIMCTL_MAX_TLS_HANDSHAKES", "4")],
    );
    let silent: Vec<tokio::net::TcpStream> = {
        let mut v = Vec::new();
        for _ in 0..4 {
            v.push(tokio::net::TcpStream::connect(srv.addr).await.unwrap());
        }
        v
    };
    // Give the server the moment to accept them.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let mut fifth = tokio::net::TcpStream::connect(srv.addr).await.unwrap();
    let n = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        fifth.read(&mut [0u8; 16]),
    )
    .await
    .expect("the connection over the handshake cap is closed at once");
    assert!(matches!(n, Ok(0) | Err(_)), "{n:?}");
    drop(silent);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    // A place is free again: this one is held for its handshake.
    let mut next = tokio::net::TcpStream::connect(srv.addr).await.unwrap();
    let held =
        tokio::time::timeout(std::time::Duration::from_secs(1), next.read(&mut [0u8; 16])).await;
    assert!(
        held.is_err(),
        "a connection within the cap was closed: {held:?}"
    );
    srv.stop();
}
