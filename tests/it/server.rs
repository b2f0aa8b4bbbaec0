//! The HTTP harness: the real `scimctl serve` binary as a child process on a
//! `TestEnv`'s store (loopback, port 0), a real HTTP client (reqwest), and
//! helpers that check SCIM responses and read the provisioning log.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use reqwest::Method;
use reqwest::header::HeaderMap;
use serde_json::{Value, json};

use crate::support::*;

pub const SCIM_JSON: &str = "application/scim+json";
pub const ERROR_URN: &str = "urn:ietf:params:scim:api:messages:2.0:Error";
pub const LIST_URN: &str = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
pub const SEARCH_URN: &str = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
pub const PATCH_URN: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
pub const USER_URN: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
pub const GROUP_URN: &str = "urn:ietf:params:scim:schemas:core:2.0:Group";
pub const ENTERPRISE_URN: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
pub const ENTRA_GROUP_URN: &str =
    "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";
/// The User-Agent every harness request carries (checked in the log).
pub const USER_AGENT: &str = "scimctl-it/1.0 (like Azure AD provisioning)";

/// How long the server may take to start or to stop.
const START_TIMEOUT: Duration = Duration::from_secs(20);
const STOP_TIMEOUT: Duration = Duration::from_secs(20);

/// A running `scimctl serve`. Killed (SIGKILL) on drop unless stopped.
pub struct Server {
    child: Option<Child>,
    pub addr: SocketAddr,
    stderr: Arc<Mutex<String>>,
    reader: Option<JoinHandle<()>>,
}

impl Server {
    /// `scimctl serve --listen 127.0.0.1:0` on the environment's store.
    pub fn start(env: &TestEnv) -> Server {
        Server::start_with(env, &[], &[])
    }

    /// With global options before `serve` (e.g. `-vvv`) and extra env vars.
    pub fn start_with(env: &TestEnv, global: &[&str], vars: &[(&str, &str)]) -> Server {
        Server::start_args(env, global, &[], vars)
    }

    /// With options of `serve` itself too (e.g. `--tls-cert F --tls-key F`).
    pub fn start_args(
        env: &TestEnv,
        global: &[&str],
        serve: &[&str],
        vars: &[(&str, &str)],
    ) -> Server {
        let mut args: Vec<&str> = global.to_vec();
        args.extend(["serve", "--listen", "127.0.0.1:0"]);
        args.extend_from_slice(serve);
        let mut cmd = env.std_cmd(&args);
        // Many tests present wrong tokens on purpose, dozens in a row from
        // one address (a token-guessing pattern the server slows down), or
        // hammer one tenant from one address. They test other things, so
        // the rate limits are off here; tests/it/abuse.rs sets them.
        cmd.env("SCIMCTL_AUTH_FAILURES_PER_MINUTE", "0")
            .env("SCIMCTL_RATE_LIMIT_PER_ADDRESS", "0")
            .env("SCIMCTL_RATE_LIMIT_PER_TENANT", "0");
        for (k, v) in vars {
            cmd.env(k, v);
        }
        cmd.stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("spawn scimctl serve");
        let pipe = child.stderr.take().expect("stderr pipe");
        let stderr = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = mpsc::channel::<String>();
        let all = stderr.clone();
        // Drains stderr for the server's whole life (a full pipe would
        // block it) and hands over the address line.
        let reader = std::thread::spawn(move || {
            let mut tx = Some(tx);
            for line in BufReader::new(pipe).lines() {
                let Ok(line) = line else { break };
                if let Some(addr) = line.strip_prefix("listening on ")
                    && let Some(t) = tx.take()
                {
                    let _ = t.send(addr.trim().to_owned());
                }
                let mut s = all.lock().unwrap();
                s.push_str(&line);
                s.push('\n');
            }
        });
        let addr = match rx.recv_timeout(START_TIMEOUT) {
            Ok(a) => a.parse().expect("listening address"),
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "scimctl serve did not print 'listening on'; stderr:\n{}",
                    stderr.lock().unwrap()
                );
            }
        };
        Server {
            child: Some(child),
            addr,
            stderr,
            reader: Some(reader),
        }
    }

    /// The server's process id, while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(|c| c.id())
    }

    /// `http://127.0.0.1:PORT`
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The tenant URL.
    pub fn tenant_url(&self, tenant: &str) -> String {
        format!("{}/scim/v2/{tenant}", self.origin())
    }

    /// A client for `tenant` with `token`.
    pub fn client(&self, tenant: &str, token: &str) -> Scim {
        Scim::new(self.tenant_url(tenant), token)
    }

    /// What the server wrote to stderr so far.
    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// SIGTERM (through `kill -TERM`), then waits: in-flight requests finish
    /// and the provisioning log is drained. Returns the server's stderr.
    pub fn stop(self) -> String {
        self.stop_with("-TERM")
    }

    /// The same with another signal (`-INT` is Ctrl-C).
    pub fn stop_with(mut self, signal: &str) -> String {
        let mut child = self.child.take().expect("running");
        let st = std::process::Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(st.success(), "kill {signal} failed");
        let deadline = Instant::now() + STOP_TIMEOUT;
        let status = loop {
            if let Some(s) = child.try_wait().expect("wait for serve") {
                break s;
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "scimctl serve did not stop within {STOP_TIMEOUT:?} of kill {signal}; stderr:\n{}",
                    self.stderr()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
        let err = self.stderr();
        assert!(
            status.success(),
            "serve exited with {status} after kill {signal}; stderr:\n{err}"
        );
        assert!(!err.contains("panicked"), "serve panicked:\n{err}");
        err
    }

    /// SIGKILL: no shutdown at all, as in a crash.
    pub fn kill9(mut self) {
        let mut child = self.child.take().expect("running");
        child.kill().expect("SIGKILL the server");
        child.wait().expect("reap the server");
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

/// One answered request, as the client saw it.
#[derive(Debug, Clone)]
pub struct Exchange {
    pub method: String,
    /// The full path (tenant URL path + below it), without the query.
    pub path: String,
    pub query: Option<String>,
    pub status: u16,
    pub request_id: String,
    /// From an error body.
    pub scim_type: Option<String>,
    pub reason: Option<String>,
    pub detail: Option<String>,
}

/// An HTTP response, read whole.
#[derive(Debug, Clone)]
pub struct Resp {
    pub method: String,
    pub url: String,
    pub status: u16,
    pub headers: HeaderMap,
    pub text: String,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn content_type(&self) -> Option<&str> {
        self.header("content-type")
    }

    pub fn request_id(&self) -> &str {
        self.header("x-request-id")
            .unwrap_or_else(|| panic!("no X-Request-Id on\n{self}"))
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text)
            .unwrap_or_else(|e| panic!("body is not JSON ({e}):\n{self}"))
    }

    /// Asserts the status and `application/scim+json`; returns the body.
    pub fn ok(&self, status: u16) -> Value {
        assert_eq!(self.status, status, "unexpected status:\n{self}");
        assert_eq!(
            self.content_type(),
            Some(SCIM_JSON),
            "content type:\n{self}"
        );
        assert!(self.request_id().starts_with("r-"), "{self}");
        self.json()
    }

    /// Asserts a bodiless 204.
    pub fn no_content(&self) {
        assert_eq!(self.status, 204, "unexpected status:\n{self}");
        assert!(self.text.is_empty(), "204 with a body:\n{self}");
        assert!(self.request_id().starts_with("r-"), "{self}");
    }

    /// Asserts a SCIM error: status, `scimType` (absent when None), the
    /// reason code and request id at the end of `detail`, the request id
    /// in `X-Request-Id`, `application/scim+json`. Returns the detail.
    pub fn error(&self, status: u16, scim_type: Option<&str>, reason: &str) -> String {
        assert_eq!(self.status, status, "unexpected status:\n{self}");
        assert_eq!(
            self.content_type(),
            Some(SCIM_JSON),
            "error content type:\n{self}"
        );
        let b = self.json();
        assert_eq!(b["schemas"], json!([ERROR_URN]), "{self}");
        assert_eq!(
            b["status"],
            json!(status.to_string()),
            "status must be a string:\n{self}"
        );
        assert_eq!(
            b.get("scimType").and_then(Value::as_str),
            scim_type,
            "scimType:\n{self}"
        );
        let rid = self.request_id();
        assert!(
            rid.starts_with("r-") && rid.len() > 8,
            "request id {rid:?}:\n{self}"
        );
        let detail = str_key(&b, "detail").to_owned();
        let tail = format!("(reason {reason}, request {rid})");
        assert!(
            detail.ends_with(&tail),
            "detail must end with {tail:?}:\n{self}"
        );
        assert!(
            detail.len() > tail.len() + 20,
            "detail says too little:\n{self}"
        );
        if status == 401 {
            assert!(
                self.header("www-authenticate")
                    .is_some_and(|h| h.starts_with("Bearer")),
                "401 without WWW-Authenticate: Bearer:\n{self}"
            );
        }
        detail
    }

    /// `detail` without its `(reason …, request …)` suffix.
    pub fn message(&self) -> String {
        let d = self.json()["detail"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        match d.rfind(" (reason ") {
            Some(i) => d[..i].to_owned(),
            None => d,
        }
    }
}

impl std::fmt::Display for Resp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "{} {} -> {}", self.method, self.url, self.status)?;
        for (k, v) in &self.headers {
            writeln!(f, "{k}: {}", v.to_str().unwrap_or("?"))?;
        }
        write!(f, "\n{}", self.text)
    }
}

/// A SCIM client for one tenant URL. Every answered request is recorded in
/// `journal` (shared by clones) so that log tests can find them all.
#[derive(Clone)]
pub struct Scim {
    pub http: reqwest::Client,
    pub base: String,
    pub token: Option<String>,
    pub journal: Arc<Mutex<Vec<Exchange>>>,
}

impl Scim {
    pub fn new(base: String, token: &str) -> Scim {
        // reqwest is built without a default TLS provider (scimctl picks ring).
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .no_proxy()
            .timeout(Duration::from_secs(30))
            .user_agent(USER_AGENT)
            .build()
            .expect("HTTP client");
        Scim {
            http,
            base,
            token: Some(token.to_owned()),
            journal: Arc::new(Mutex::new(Vec::new())),
        }
    }

    /// The same client (and journal) with another token, or none.
    pub fn with_token(&self, token: Option<&str>) -> Scim {
        Scim {
            token: token.map(str::to_owned),
            ..self.clone()
        }
    }

    /// The same client (and journal) on another tenant URL.
    pub fn at(&self, base: String) -> Scim {
        Scim {
            base,
            ..self.clone()
        }
    }

    pub fn journal(&self) -> Vec<Exchange> {
        self.journal.lock().unwrap().clone()
    }

    /// Sends `method` to `base + path` with a raw body.
    pub async fn raw(
        &self,
        method: Method,
        path: &str,
        body: Option<Vec<u8>>,
        content_type: Option<&str>,
        headers: &[(&str, &str)],
    ) -> Resp {
        let url = format!("{}{path}", self.base);
        let mut rb = self.http.request(method.clone(), &url);
        if let Some(t) = &self.token {
            rb = rb.header("Authorization", format!("Bearer {t}"));
        }
        if let Some(ct) = content_type {
            rb = rb.header("Content-Type", ct);
        }
        for (k, v) in headers {
            rb = rb.header(*k, *v);
        }
        if let Some(b) = body {
            rb = rb.body(b);
        }
        let res = rb
            .send()
            .await
            .unwrap_or_else(|e| panic!("{method} {url}: {e}"));
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        let text = res.text().await.expect("read the response body");
        let r = Resp {
            method: method.to_string(),
            url,
            status,
            headers,
            text,
        };
        if let Some(id) = r.header("x-request-id") {
            let err = (status >= 400)
                .then(|| serde_json::from_str::<Value>(&r.text).ok())
                .flatten();
            let detail = err
                .as_ref()
                .and_then(|e| e["detail"].as_str())
                .map(str::to_owned);
            let reason = detail.as_deref().and_then(|d| {
                let rest = &d[d.rfind("(reason ")? + "(reason ".len()..];
                Some(rest[..rest.find(',')?].to_owned())
            });
            let (p, q) = match path.split_once('?') {
                Some((p, q)) => (p, Some(q.to_owned())),
                None => (path, None),
            };
            let base_path = reqwest::Url::parse(&self.base)
                .map(|u| u.path().trim_end_matches('/').to_owned())
                .unwrap_or_default();
            self.journal.lock().unwrap().push(Exchange {
                method: r.method.clone(),
                path: format!("{base_path}{p}"),
                query: q,
                status,
                request_id: id.to_owned(),
                scim_type: err
                    .as_ref()
                    .and_then(|e| e["scimType"].as_str())
                    .map(str::to_owned),
                reason,
                detail,
            });
        }
        r
    }

    pub async fn send(&self, method: Method, path: &str, body: Option<&Value>) -> Resp {
        let bytes = body.map(|b| serde_json::to_vec(b).unwrap());
        let ct = body.map(|_| SCIM_JSON);
        self.raw(method, path, bytes, ct, &[]).await
    }

    pub async fn get(&self, path: &str) -> Resp {
        self.send(Method::GET, path, None).await
    }

    pub async fn post(&self, path: &str, body: &Value) -> Resp {
        self.send(Method::POST, path, Some(body)).await
    }

    pub async fn put(&self, path: &str, body: &Value) -> Resp {
        self.send(Method::PUT, path, Some(body)).await
    }

    pub async fn patch(&self, path: &str, body: &Value) -> Resp {
        self.send(Method::PATCH, path, Some(body)).await
    }

    pub async fn delete(&self, path: &str) -> Resp {
        self.send(Method::DELETE, path, None).await
    }

    /// PATCH with an `If-Match` header.
    pub async fn patch_if(&self, path: &str, body: &Value, if_match: &str) -> Resp {
        let bytes = serde_json::to_vec(body).unwrap();
        self.raw(
            Method::PATCH,
            path,
            Some(bytes),
            Some(SCIM_JSON),
            &[("If-Match", if_match)],
        )
        .await
    }

    /// Creates a user (Entra's body) and returns its id.
    pub async fn create_user(&self, user_name: &str) -> String {
        let r = self
            .post("/Users", &entra_user(user_name, "Given", "Family", None))
            .await;
        id_of(&r.ok(201))
    }

    /// Creates a group (Entra's body) and returns its id.
    pub async fn create_group(&self, name: &str) -> String {
        let r = self.post("/Groups", &entra_group(name)).await;
        id_of(&r.ok(201))
    }

    /// The ids found by `GET /Users?filter=…` (the filter form-encoded).
    pub async fn find_users(&self, filter: &str) -> Vec<String> {
        let body = self
            .get(&format!("/Users?filter={}", form(filter)))
            .await
            .ok(200);
        resources(&body).iter().map(id_of).collect()
    }

    /// The member ids of a group, read back with GET.
    pub async fn members(&self, group: &str) -> Vec<String> {
        let g = self.get(&format!("/Groups/{group}")).await.ok(200);
        let mut v: Vec<String> = g["members"]
            .as_array()
            .unwrap_or_else(|| panic!("no members array:\n{g:#}"))
            .iter()
            .map(|m| str_key(m, "value").to_owned())
            .collect();
        v.sort();
        v
    }
}

/// Form-encodes a query value as Entra does (space → `+`, `"` → `%22`).
pub fn form(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

pub fn id_of(v: &Value) -> String {
    str_key(v, "id").to_owned()
}

/// A ListResponse's resources (checks the envelope).
pub fn resources(v: &Value) -> Vec<Value> {
    assert_eq!(
        v["schemas"],
        json!([LIST_URN]),
        "not a ListResponse:\n{v:#}"
    );
    let total = u64_key(v, "totalResults");
    let list = v
        .get("Resources")
        .map(|r| {
            r.as_array()
                .unwrap_or_else(|| panic!("Resources is not an array:\n{v:#}"))
                .clone()
        })
        .unwrap_or_default();
    assert!(list.len() as u64 <= total, "{v:#}");
    list
}

/// The create body Microsoft publishes for Entra (MS-DEV "User Operations"),
/// with the explicit nulls older examples carry.
pub fn entra_user(user_name: &str, given: &str, family: &str, external_id: Option<&str>) -> Value {
    let nick = user_name.split('@').next().unwrap_or(user_name);
    json!({
        "schemas": [USER_URN, ENTERPRISE_URN],
        "externalId": external_id.unwrap_or(nick),
        "userName": user_name,
        "active": true,
        "addresses": null,
        "title": null,
        "emails": [{"primary": true, "type": "work", "value": user_name}],
        "meta": {"resourceType": "User"},
        "name": {"formatted": format!("{given} {family}"), "familyName": family, "givenName": given},
        "roles": []
    })
}

/// Entra's group create: both schemas, an objectId, no members.
pub fn entra_group(name: &str) -> Value {
    json!({
        "schemas": [GROUP_URN, ENTRA_GROUP_URN],
        "externalId": uuid::Uuid::new_v4().to_string(),
        "displayName": name,
        "meta": {"resourceType": "Group"}
    })
}

pub fn patch_op(ops: Value) -> Value {
    json!({"schemas": [PATCH_URN], "Operations": ops})
}

/// Creates a tenant with SCIM on and a token; returns the token.
pub fn scim_tenant(env: &TestEnv, name: &str, id: &str, policy: &str) -> String {
    let out = env.ok(&["tenant", "create", name, "--id", id, "--policy", policy]);
    assert_eq!(out.trim_end(), id);
    env.ok(&["--tenant", id, "scim", "enable"]);
    let token = env
        .ok(&["--tenant", id, "--quiet", "token", "generate"])
        .trim_end()
        .to_owned();
    assert_token_shape(&token);
    token
}

/// `scimctl log --output json [--limit 100000] ARGS`, one record a line.
pub fn log_lines(env: &TestEnv, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["log", "--output", "json"];
    if !args.contains(&"--limit") {
        all.extend(["--limit", "100000"]);
    }
    all.extend_from_slice(args);
    let out = env.ok(&all);
    out.lines().map(parse_json).collect()
}

/// Polls `scimctl log --request ID` until the server's writer has stored it.
pub fn wait_for_log(env: &TestEnv, request_id: &str) -> Value {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let mut v = log_lines(env, &["--request", request_id]);
        if let Some(r) = v.pop() {
            assert!(v.is_empty(), "several records for {request_id}");
            return r;
        }
        assert!(
            Instant::now() < deadline,
            "request {request_id} never appeared in the provisioning log"
        );
        std::thread::sleep(Duration::from_millis(25));
    }
}

/// Waits until every request `c` made is in the provisioning log, then
/// checks each record against what the client saw: method, full path,
/// query, status, scimType, reason, detail, client address, User-Agent.
/// Returns the records by request id, in log order.
pub fn assert_all_logged(env: &TestEnv, c: &Scim) -> Vec<(Exchange, Value)> {
    let mut journal = c.journal();
    // Answered before any token is checked, so never logged one by one
    // (anyone could write records with them): ServiceProviderConfig, 405.
    journal.retain(|x| !x.path.ends_with("/ServiceProviderConfig") && x.status != 405);
    let deadline = Instant::now() + Duration::from_secs(10);
    let records = loop {
        let all = log_lines(env, &[]);
        let missing: Vec<&Exchange> = journal
            .iter()
            .filter(|x| !all.iter().any(|r| r["request_id"] == json!(x.request_id)))
            .collect();
        if missing.is_empty() {
            break all;
        }
        assert!(
            Instant::now() < deadline,
            "requests missing from the provisioning log: {missing:#?}"
        );
        std::thread::sleep(Duration::from_millis(25));
    };
    journal
        .into_iter()
        .map(|x| {
            let r = records
                .iter()
                .find(|r| r["request_id"] == json!(x.request_id))
                .unwrap()
                .clone();
            let ctx = format!("{x:#?}\n{r:#}");
            assert_eq!(r["method"], json!(x.method), "{ctx}");
            assert_eq!(r["path"], json!(x.path), "{ctx}");
            assert_eq!(r["query"], json!(x.query), "{ctx}");
            assert_eq!(r["status"], json!(x.status), "{ctx}");
            assert_eq!(r["scim_type"], json!(x.scim_type), "{ctx}");
            assert_eq!(r["reason"], json!(x.reason), "{ctx}");
            assert_eq!(r["detail"], json!(x.detail), "{ctx}");
            assert_eq!(r["client_addr"], "127.0.0.1", "{ctx}");
            assert_eq!(r["user_agent"], USER_AGENT, "{ctx}");
            time_key(&r, "at");
            assert!(u64_key(&r, "latency_us") < 30_000_000, "{ctx}");
            if let Some(fp) = r["token_fingerprint"].as_str() {
                assert!(
                    fp.len() == 8 && fp.bytes().all(|b| b.is_ascii_hexdigit()),
                    "{ctx}"
                );
            }
            (x, r)
        })
        .collect()
}

/// `tenant show --output json`'s member counts: (idp, tenant, self).
pub fn member_counts(env: &TestEnv, tenant: &str) -> (u64, u64, u64) {
    let v = env.json(&["--tenant", tenant, "tenant", "show"]);
    let m = key(&v, "members");
    (u64_key(m, "idp"), u64_key(m, "tenant"), u64_key(m, "self"))
}

/// A random uuid string, as Entra's Test Connection uses.
pub fn guid() -> String {
    uuid::Uuid::new_v4().to_string()
}
