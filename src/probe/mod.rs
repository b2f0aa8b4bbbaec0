//! The client side of `scimctl test-connection`: Entra's Test Connection
//! probe (`GET {url}/Users?filter=userName eq "<random uuid>"`), made step by
//! step (URL, DNS, TCP, TLS, HTTP, auth, response shape) so that a failure
//! names its step and its fix, and the validator-style suite of `--full`.
//! Transport code; the engine knows nothing of it.

mod steps;
pub use crate::net::tls;
mod validator;

use std::time::{Duration, Instant};

use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderValue, LOCATION};
use reqwest::{Method, StatusCode, Url};
use rustls::pki_types::CertificateDer;
use serde::Serialize;
use serde_json::Value;

use crate::engine::tokens::Secret;

pub const LIST_URN: &str = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
const SCIM_JSON: &str = "application/scim+json";
/// The most of a response body read (a report needs no more).
const MAX_BODY: usize = 1 << 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Fail,
    Skip,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Skip => "skip",
        }
    }
}

/// One step of the probe or one check of the suite.
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    /// Stable id (`url`, `dns`, `tcp`, `tls`, `http`, `auth`, `response`,
    /// `full.…`).
    pub id: &'static str,
    pub name: &'static str,
    pub status: Status,
    /// Wall time of the step in milliseconds (0 when skipped).
    pub ms: f64,
    pub detail: String,
    /// What to do, for a failed step.
    pub hint: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The SCIM base URL tested.
    pub url: String,
    /// The request Entra's Test Connection makes, as made.
    pub probe: String,
    pub full: bool,
    pub passed: bool,
    pub steps: Vec<Step>,
}

impl Report {
    pub fn failures(&self) -> impl Iterator<Item = &Step> {
        self.steps.iter().filter(|s| s.status == Status::Fail)
    }
}

pub struct Options {
    pub url: String,
    pub token: Secret,
    /// For each step: the DNS lookup, the connect, the handshake, a request.
    pub timeout: Duration,
    /// `--ca-file`'s certificates.
    pub extra_roots: Vec<CertificateDer<'static>>,
    pub full: bool,
}

/// Collects steps; after the first failure the planned rest is skipped.
pub(crate) struct Steps<'a> {
    steps: Vec<Step>,
    on_step: &'a mut dyn FnMut(&Step),
}

impl<'a> Steps<'a> {
    fn new(on_step: &'a mut dyn FnMut(&Step)) -> Steps<'a> {
        Steps {
            steps: Vec::new(),
            on_step,
        }
    }

    fn push(&mut self, s: Step) {
        (self.on_step)(&s);
        self.steps.push(s);
    }

    pub(crate) fn pass(
        &mut self,
        id: &'static str,
        name: &'static str,
        t: Instant,
        detail: String,
    ) {
        self.push(Step {
            id,
            name,
            status: Status::Pass,
            ms: ms(t),
            detail,
            hint: None,
        });
    }

    pub(crate) fn fail(
        &mut self,
        id: &'static str,
        name: &'static str,
        t: Instant,
        detail: String,
        hint: String,
    ) {
        self.push(Step {
            id,
            name,
            status: Status::Fail,
            ms: ms(t),
            detail,
            hint: Some(hint),
        });
    }

    pub(crate) fn skip(&mut self, id: &'static str, name: &'static str, detail: String) {
        self.push(Step {
            id,
            name,
            status: Status::Skip,
            ms: 0.0,
            detail,
            hint: None,
        });
    }

    fn failed(&self) -> Option<&'static str> {
        self.steps
            .iter()
            .find(|s| s.status == Status::Fail)
            .map(|s| s.name)
    }
}

/// Milliseconds since `t`, to a tenth.
fn ms(t: Instant) -> f64 {
    (t.elapsed().as_secs_f64() * 10_000.0).round() / 10.0
}

/// The probe's steps, in order, for skipping the rest after a failure.
const PLAN: [(&str, &str); 7] = [
    ("url", "URL parse"),
    ("dns", "DNS lookup"),
    ("tcp", "TCP connect"),
    ("tls", "TLS handshake"),
    ("http", "HTTP request"),
    ("auth", "Auth accepted"),
    ("response", "SCIM response"),
];

/// How many steps a run reports (for a progress bar).
pub fn planned_steps(full: bool) -> usize {
    PLAN.len() + if full { validator::PLAN.len() } else { 0 }
}

fn name_of(id: &str) -> &'static str {
    PLAN.iter()
        .find(|(i, _)| *i == id)
        .map_or("step", |(_, n)| n)
}

/// Runs the probe (and with `full` the suite), reporting each step to
/// `on_step` as it ends.
pub async fn run(opts: &Options, on_step: &mut dyn FnMut(&Step)) -> Report {
    let mut steps = Steps::new(on_step);
    let guid = uuid::Uuid::new_v4();
    let filter = format!("userName eq \"{guid}\"");
    let mut report = Report {
        url: opts.url.clone(),
        probe: String::new(),
        full: opts.full,
        passed: false,
        steps: Vec::new(),
    };
    let reached = probe(opts, &filter, &mut steps, &mut report.probe).await;
    if opts.full {
        match reached {
            Some(client) => validator::run(&client, &mut steps).await,
            None => {
                let why = format!(
                    "skipped: '{}' failed",
                    steps.failed().unwrap_or("a probe step")
                );
                for (id, name) in validator::PLAN {
                    steps.skip(id, name, why.clone());
                }
            }
        }
    }
    report.steps = steps.steps;
    report.passed = report.steps.iter().all(|s| s.status == Status::Pass);
    report
}

/// An HTTP client on the probe's TLS config, pinned to the address the
/// probe connected to, with the token.
pub(crate) struct Client {
    http: reqwest::Client,
    base: Url,
    auth: HeaderValue,
}

/// A response, read (up to `MAX_BODY`).
pub(crate) struct Answer {
    pub status: StatusCode,
    pub content_type: Option<String>,
    pub location: Option<String>,
    pub text: String,
}

impl Answer {
    pub fn json(&self) -> Option<Value> {
        serde_json::from_str(&self.text).ok()
    }

    pub fn is_scim_json(&self) -> bool {
        self.content_type
            .as_deref()
            .and_then(|c| c.split(';').next())
            .is_some_and(|c| c.trim().eq_ignore_ascii_case(SCIM_JSON))
    }

    /// A SCIM error's `detail` (or the start of the body), for the report.
    pub fn error_detail(&self) -> String {
        let d = self
            .json()
            .and_then(|v| v.get("detail").and_then(Value::as_str).map(str::to_owned))
            .unwrap_or_else(|| self.text.trim().to_owned());
        clip(&d, 300)
    }

    /// The reason code our server puts in `detail`: `(reason X, request …)`.
    pub fn reason(&self) -> Option<String> {
        let d = self.json()?.get("detail")?.as_str()?.to_owned();
        let rest = &d[d.rfind("(reason ")? + "(reason ".len()..];
        let end = rest.find([',', ')'])?;
        Some(rest[..end].to_owned())
    }

    /// `404 Not Found: <detail>`
    pub fn summary(&self) -> String {
        let d = self.error_detail();
        if d.is_empty() {
            self.status.to_string()
        } else {
            format!("{}: {d}", self.status)
        }
    }
}

pub(crate) fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut c: String = s.chars().take(max).collect();
    c.push('…');
    c
}

impl Client {
    /// `base` + `path_and_query` (a path below the SCIM base URL).
    pub fn url(&self, path_and_query: &str) -> Url {
        join(&self.base, path_and_query)
    }

    pub async fn call(
        &self,
        method: Method,
        path_and_query: &str,
        body: Option<&Value>,
    ) -> Result<Answer, String> {
        self.send(method, self.url(path_and_query), body).await
    }

    async fn send(&self, method: Method, url: Url, body: Option<&Value>) -> Result<Answer, String> {
        let mut rb = self
            .http
            .request(method, url)
            .header(AUTHORIZATION, self.auth.clone());
        if let Some(b) = body {
            rb = rb
                .header(CONTENT_TYPE, SCIM_JSON)
                .body(serde_json::to_vec(b).map_err(|e| e.to_string())?);
        }
        let mut res = rb.send().await.map_err(|e| transport_error(&e))?;
        let header = |n| {
            res.headers()
                .get(n)
                .and_then(|v: &HeaderValue| v.to_str().ok())
                .map(str::to_owned)
        };
        let status = res.status();
        let content_type = header(CONTENT_TYPE);
        let location = header(LOCATION);
        let mut bytes = Vec::new();
        while let Some(chunk) = res.chunk().await.map_err(|e| transport_error(&e))? {
            bytes.extend_from_slice(&chunk);
            if bytes.len() > MAX_BODY {
                break;
            }
        }
        Ok(Answer {
            status,
            content_type,
            location,
            text: String::from_utf8_lossy(&bytes).into_owned(),
        })
    }
}

/// A reqwest error with its causes (never a header: the token stays out).
fn transport_error(e: &reqwest::Error) -> String {
    let mut s = if e.is_timeout() {
        "no answer in time".to_owned()
    } else {
        e.to_string()
    };
    let mut src = std::error::Error::source(e);
    while let Some(c) = src {
        let m = c.to_string();
        if !s.contains(&m) {
            s.push_str(": ");
            s.push_str(&m);
        }
        src = c.source();
    }
    s
}

/// The SCIM base URL with a path (and query) below it; the base's own
/// query (e.g. Entra's `aadOptscim062020` flag) is kept in front.
fn join(base: &Url, path_and_query: &str) -> Url {
    let mut u = base.clone();
    let (p, q) = path_and_query
        .split_once('?')
        .map_or((path_and_query, None), |(p, q)| (p, Some(q)));
    u.set_path(&format!("{}{p}", base.path().trim_end_matches('/')));
    let query = match (base.query().filter(|s| !s.is_empty()), q) {
        (Some(b), Some(q)) => Some(format!("{b}&{q}")),
        (Some(b), None) => Some(b.to_owned()),
        (None, q) => q.map(str::to_owned),
    };
    u.set_query(query.as_deref());
    u
}

/// Form-encodes like Entra: space → `+`, `"` → `%22`.
pub(crate) fn form(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// The steps of Entra's probe, in `PLAN`'s order (each in `steps`); after
/// a failure the rest are skipped. Returns the client when every step
/// passed.
async fn probe(
    opts: &Options,
    filter: &str,
    s: &mut Steps<'_>,
    probe_url: &mut String,
) -> Option<Client> {
    let Some(target) = steps::url(opts, filter, s) else {
        // With no URL, whether TLS would have run is unknown: listed.
        skip_rest(s, true);
        return None;
    };
    *probe_url = target.url.to_string();
    let client = reach(opts, &target, s).await;
    if client.is_none() {
        skip_rest(s, target.https);
    }
    client
}

/// The steps after the URL's; stops at the first that fails.
async fn reach(opts: &Options, target: &steps::Target, s: &mut Steps<'_>) -> Option<Client> {
    let addrs = steps::dns(opts, target, s).await?;
    let (stream, addr) = steps::tcp(opts, &addrs, s).await?;
    let tls = steps::tls(opts, target, stream, s).await?;
    let (client, answer) = steps::http(opts, target, tls, addr, s).await?;
    steps::auth(&answer, s)?;
    steps::response(&answer, s)?;
    Some(client)
}

/// After a failure, every step of `PLAN` not yet reported is skipped,
/// naming the failure; the TLS step is planned only over https.
fn skip_rest(s: &mut Steps<'_>, https: bool) {
    let failed = s.failed().unwrap_or("a step");
    for (id, name) in PLAN {
        let reported = s.steps.iter().any(|x| x.id == id);
        if !reported && (id != "tls" || https) {
            s.skip(id, name, format!("skipped: '{failed}' failed"));
        }
    }
}

/// What is wrong with a ListResponse answer (empty when nothing is);
/// `total`: the expected `totalResults`.
pub(crate) fn list_problems(a: &Answer, total: Option<u64>) -> Vec<String> {
    let mut p = Vec::new();
    if !a.is_scim_json() {
        p.push(format!(
            "Content-Type is {}, not {SCIM_JSON}",
            a.content_type.as_deref().unwrap_or("missing")
        ));
    }
    let Some(v) = a.json() else {
        p.push(format!(
            "the body is not JSON: {}",
            clip(a.text.trim(), 120)
        ));
        return p;
    };
    let is_list = v
        .get("schemas")
        .and_then(Value::as_array)
        .is_some_and(|s| s.iter().any(|x| x == LIST_URN));
    if !is_list {
        p.push(format!(
            "the body is not a ListResponse (schemas lacks {LIST_URN}): {}",
            clip(&v.to_string(), 120)
        ));
        return p;
    }
    match (v.get("totalResults").and_then(Value::as_u64), total) {
        (None, _) => p.push("totalResults is missing".into()),
        (Some(n), Some(want)) if n != want => {
            p.push(format!("totalResults is {n}, expected {want}"))
        }
        _ => {}
    }
    if let Some(r) = v.get("Resources")
        && !r.is_array()
    {
        p.push("Resources is not an array".into());
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_probe_path_goes_below_the_base_and_keeps_its_query() {
        let b = Url::parse("https://h.example/scim/v2/acme/?aadOptscim062020").unwrap();
        let u = join(
            &b,
            &format!("/Users?filter={}", form("userName eq \"x y\"")),
        );
        assert_eq!(
            u.as_str(),
            "https://h.example/scim/v2/acme/Users?aadOptscim062020&filter=userName+eq+%22x+y%22"
        );
        let b = Url::parse("http://127.0.0.1:8080/scim/v2/t").unwrap();
        assert_eq!(
            join(&b, "/Schemas").as_str(),
            "http://127.0.0.1:8080/scim/v2/t/Schemas"
        );
    }

    #[test]
    fn the_reason_comes_from_our_servers_detail() {
        let a = |text: &str| Answer {
            status: StatusCode::FORBIDDEN,
            content_type: None,
            location: None,
            text: text.into(),
        };
        let ours = a(r#"{"detail":"Operation not permitted (reason scim_disabled, request r-1)"}"#);
        assert_eq!(ours.reason().as_deref(), Some("scim_disabled"));
        assert_eq!(a(r#"{"detail":"nope"}"#).reason(), None);
        assert_eq!(a("<html>").reason(), None);
    }

    #[test]
    fn certificate_names_match_as_webpki_does() {
        let c = tls::CertInfo {
            subject: String::new(),
            issuer: String::new(),
            not_after: None,
            names: vec![
                "*.example.com".into(),
                "scim.example.org".into(),
                "10.0.0.1".into(),
            ],
        };
        assert!(c.matches("a.example.com"));
        assert!(c.matches("SCIM.example.org."));
        assert!(c.matches("10.0.0.1"));
        assert!(!c.matches("example.com"));
        assert!(!c.matches("a.b.example.com"));
        assert!(!c.matches("10.0.0.2"));
    }
}
