//! The load benchmark's reference: the least a server can do to answer the
//! benchmark's five requests — an axum router over a `HashMap` behind one
//! mutex, no store, no validation, no token check, no log. scimctl's
//! figures are quoted as fractions of this server's, measured in the same
//! run on the same machine, which is the one comparison this shared
//! machine's day-to-day speed does not move.
//!
//! It runs as a child process of the benchmark (the benchmark executable
//! started again with `SCIMCTL_BENCH_REFERENCE` naming a fixture file), so
//! that its CPU time is counted from `/proc` exactly as scimctl's is.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// What the reference starts with: the benchmark's prefilled users (their
/// ids and userNames, as scimctl stored them) and its group.
#[derive(Serialize, Deserialize)]
pub struct Seed {
    pub users: Vec<(String, String)>,
    pub group_id: String,
}

#[derive(Default)]
struct Data {
    users: HashMap<String, Value>,
    by_name: HashMap<String, String>,
    members: HashMap<String, Vec<String>>,
    next: u64,
}

type Shared = Arc<Mutex<Data>>;

fn lock(d: &Shared) -> std::sync::MutexGuard<'_, Data> {
    d.lock().unwrap_or_else(|e| e.into_inner())
}

fn user(id: &str, name: &str) -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "id": id,
        "userName": name,
        "active": true,
        "meta": {"resourceType": "User", "location": format!("/Users/{id}")}
    })
}

fn scim(status: StatusCode, v: &Value) -> Response {
    (
        status,
        [("content-type", "application/scim+json")],
        v.to_string(),
    )
        .into_response()
}

async fn create(State(d): State<Shared>, body: axum::body::Bytes) -> Response {
    let Ok(mut v) = serde_json::from_slice::<Value>(&body) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let mut d = lock(&d);
    d.next += 1;
    let id = format!("ref-{}", d.next);
    let name = v["userName"].as_str().unwrap_or_default().to_owned();
    v["id"] = json!(id);
    v["meta"] = json!({"resourceType": "User", "location": format!("/Users/{id}")});
    d.by_name.insert(name, id.clone());
    d.users.insert(id, v.clone());
    scim(StatusCode::CREATED, &v)
}

#[derive(Deserialize)]
struct ListQuery {
    filter: Option<String>,
}

async fn list(State(d): State<Shared>, Query(q): Query<ListQuery>) -> Response {
    // Only the benchmark's `userName eq "…"`.
    let name = q
        .filter
        .as_deref()
        .and_then(|f| f.split_once('"'))
        .map(|(_, rest)| rest.trim_end_matches('"').to_owned())
        .unwrap_or_default();
    let d = lock(&d);
    let found: Vec<&Value> = d
        .by_name
        .get(&name)
        .and_then(|id| d.users.get(id))
        .into_iter()
        .collect();
    scim(
        StatusCode::OK,
        &json!({
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
            "totalResults": found.len(),
            "startIndex": 1,
            "itemsPerPage": found.len(),
            "Resources": found,
        }),
    )
}

async fn get_user(State(d): State<Shared>, Path(id): Path<String>) -> Response {
    match lock(&d).users.get(&id) {
        Some(v) => scim(StatusCode::OK, v),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

async fn patch_user(
    State(d): State<Shared>,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Response {
    let Ok(p) = serde_json::from_slice::<Value>(&body) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let mut d = lock(&d);
    let Some(u) = d.users.get_mut(&id) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    // Only the benchmark's `replace active "True"|"False"`.
    if let Some(v) = p["Operations"][0]["value"].as_str() {
        u["active"] = json!(v.eq_ignore_ascii_case("true"));
    }
    scim(StatusCode::OK, u)
}

async fn patch_group(
    State(d): State<Shared>,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Response {
    let Ok(p) = serde_json::from_slice::<Value>(&body) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let mut d = lock(&d);
    let members = d.members.entry(id).or_default();
    if let Some(values) = p["Operations"][0]["value"].as_array() {
        for m in values {
            if let Some(v) = m["value"].as_str()
                && !members.iter().any(|x| x == v)
            {
                members.push(v.to_owned());
            }
        }
    }
    StatusCode::NO_CONTENT.into_response()
}

/// Serves on 127.0.0.1 (an ephemeral port, printed on stderr as scimctl
/// prints it) until killed.
pub fn serve(seed_file: &std::path::Path) -> ! {
    let seed: Seed =
        serde_json::from_slice(&std::fs::read(seed_file).expect("read seed")).expect("parse seed");
    let mut data = Data::default();
    for (id, name) in &seed.users {
        data.by_name.insert(name.clone(), id.clone());
        data.users.insert(id.clone(), user(id, name));
    }
    data.members.insert(seed.group_id.clone(), Vec::new());
    let shared: Shared = Arc::new(Mutex::new(data));
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async move {
        let app = Router::new()
            .route("/scim/v2/bench/Users", get(list).post(create))
            .route("/scim/v2/bench/Users/{id}", get(get_user).patch(patch_user))
            .route("/scim/v2/bench/Groups/{id}", patch(patch_group))
            .with_state(shared);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        eprintln!("listening on {}", listener.local_addr().expect("addr"));
        axum::serve(listener, app).await.expect("serve");
    });
    std::process::exit(0)
}
