//! A whole HTTP request against the real router (`scimctl::http::router`)
//! over a real SQLite store in a temporary directory, with a tenant whose
//! token the input may or may not use: never a panic, never a 5xx other
//! than 503 (a limit), and every answer of the SCIM routes in SCIM's error
//! shape when it is an error.
#![no_main]

use std::sync::OnceLock;

use axum::body::Body;
use axum::http::Request;
use libfuzzer_sys::fuzz_target;
use scimctl::engine::Engine;
use scimctl::engine::model::Policy;
use scimctl::http::{AppState, router};
use tower::ServiceExt;

struct World {
    rt: tokio::runtime::Runtime,
    app: axum::Router,
    token: String,
    _dir: tempfile::TempDir,
}

fn world() -> &'static World {
    static W: OnceLock<World> = OnceLock::new();
    W.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let engine = Engine::open_sqlite(&dir.path().join("f.db"), "fuzz").expect("store");
        let t = engine
            .create_tenant("Acme", Some("acme"), Policy::Standard)
            .expect("tenant");
        engine.set_scim_enabled(&t, true).expect("enable");
        let token = engine.generate_token(&t).expect("token").token.expose().to_owned();
        let app = router(AppState::new(engine, "http://127.0.0.1:8080"));
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        World { rt, app, token, _dir: dir }
    })
}

const METHODS: [&str; 6] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"];

fuzz_target!(|data: &[u8]| {
    let w = world();
    // Input: method byte, auth byte, then "path\nbody".
    let [m, auth, rest @ ..] = data else { return };
    let text = String::from_utf8_lossy(rest);
    let (path, body) = text.split_once('\n').unwrap_or((&text, ""));
    let path = format!("/scim/v2/acme/{}", path.trim_start_matches('/'));
    let mut b = Request::builder()
        .method(METHODS[*m as usize % METHODS.len()])
        .uri(&path)
        .header("content-type", "application/scim+json");
    match auth % 3 {
        0 => b = b.header("authorization", format!("Bearer {}", w.token)),
        1 => b = b.header("authorization", "Bearer scim_wrong"),
        _ => {}
    }
    let Ok(req) = b.body(Body::from(body.to_owned())) else { return };
    let res = w.rt.block_on(w.app.clone().oneshot(req)).expect("infallible");
    let s = res.status().as_u16();
    assert!(s < 500 || s == 503, "{path}: status {s}");
});
