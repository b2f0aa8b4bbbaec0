//! The client side of `scimctl test-connection`: Entra's Test Connection
//! probe (`GET {url}/Users?filter=userName eq "<random uuid>"`), made step by
//! step (URL, DNS, TCP, TLS, HTTP, auth, response shape) so that a failure
//! names its step and its fix, and the validator-style suite of `--full`.
//! Transport code; the engine knows nothing of it.

pub use crate::net::tls;
mod validator;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderValue, LOCATION};
use reqwest::{Method, StatusCode, Url};
use rustls::pki_types::{CertificateDer, ServerName};
use serde::Serialize;
use serde_json::Value;
use tokio::net::TcpStream;

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

/// The steps of Entra's probe. Returns the client when every step passed.
async fn probe(
    opts: &Options,
    filter: &str,
    steps: &mut Steps<'_>,
    probe_url: &mut String,
) -> Option<Client> {
    let timeout = opts.timeout;
    let secs = timeout.as_secs_f64();
    let skip_rest = |steps: &mut Steps<'_>, from: &str, is_https: bool| {
        let failed = steps.failed().unwrap_or("a step");
        let mut on = false;
        for (id, name) in PLAN {
            if id == from {
                on = true;
                continue;
            }
            if on && (id != "tls" || is_https) {
                steps.skip(id, name, format!("skipped: '{failed}' failed"));
            }
        }
    };

    // URL
    let t = Instant::now();
    let base = match parse_base(&opts.url) {
        Ok(u) => u,
        Err(e) => {
            steps.fail("url", name_of("url"), t, e,
                "give the tenant URL as 'scimctl url' prints it, e.g. https://scim.example.com/scim/v2/<tenant id>".into());
            skip_rest(steps, "url", true);
            return None;
        }
    };
    let https = base.scheme() == "https";
    let url = join(&base, &format!("/Users?filter={}", form(filter)));
    *probe_url = url.to_string();
    let host = base.host_str().unwrap_or_default().to_owned();
    let port = base.port_or_known_default().unwrap_or(443);
    steps.pass(
        "url",
        name_of("url"),
        t,
        format!(
            "{} host {host} port {port}{}; GET {}",
            base.scheme(),
            if https {
                ""
            } else {
                " (plain http: no TLS step; Entra requires https)"
            },
            url.path().to_owned() + "?" + url.query().unwrap_or_default()
        ),
    );

    // DNS
    let t = Instant::now();
    let literal = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<std::net::IpAddr>()
        .ok();
    let domain = literal.is_none().then(|| host.clone());
    let addrs: Vec<SocketAddr> = match (&domain, literal) {
        (_, Some(ip)) => {
            steps.pass(
                "dns",
                name_of("dns"),
                t,
                format!("{ip} is an IP address: no lookup"),
            );
            vec![SocketAddr::new(ip, port)]
        }
        (d, None) => {
            let d = d.as_deref().unwrap_or_default();
            match tokio::time::timeout(timeout, tokio::net::lookup_host((d, port))).await {
                Ok(Ok(a)) => {
                    let v: Vec<SocketAddr> = a.collect();
                    if v.is_empty() {
                        steps.fail("dns", name_of("dns"), t, format!("{d} has no address"),
                            "check the host name in the URL; it must be public for Entra to reach it".into());
                        skip_rest(steps, "dns", https);
                        return None;
                    }
                    let list: Vec<String> = v.iter().map(|a| a.ip().to_string()).collect();
                    steps.pass(
                        "dns",
                        name_of("dns"),
                        t,
                        format!("{d} → {}", list.join(", ")),
                    );
                    v
                }
                Ok(Err(e)) => {
                    steps.fail("dns", name_of("dns"), t, format!("cannot resolve {d}: {e}"),
                        "check the host name in the URL for typos, and this machine's DNS (or whether a proxy is required to reach the internet)".into());
                    skip_rest(steps, "dns", https);
                    return None;
                }
                Err(_) => {
                    steps.fail(
                        "dns",
                        name_of("dns"),
                        t,
                        format!("resolving {d} took longer than {secs}s"),
                        "check this machine's DNS servers, or raise --timeout".into(),
                    );
                    skip_rest(steps, "dns", https);
                    return None;
                }
            }
        }
    };

    // TCP
    let t = Instant::now();
    let mut failures = Vec::new();
    let mut refused = false;
    let mut timed_out = false;
    let mut connected = None;
    for a in &addrs {
        match tokio::time::timeout(timeout, TcpStream::connect(a)).await {
            Ok(Ok(s)) => {
                connected = Some((s, *a));
                break;
            }
            Ok(Err(e)) => {
                refused |= e.kind() == std::io::ErrorKind::ConnectionRefused;
                failures.push(format!("{a}: {e}"));
            }
            Err(_) => {
                timed_out = true;
                failures.push(format!("{a}: no answer within {secs}s"));
            }
        }
    }
    let Some((stream, addr)) = connected else {
        let hint = if refused && !timed_out {
            "nothing accepts connections there: check the host and port in the URL (is the server running and listening on that address?) and that no firewall rejects the connection"
        } else {
            "a firewall is dropping the connection, a proxy is required, or the host is wrong; Entra connects from the AzureActiveDirectory service tag IP ranges, so the firewall must let them in"
        };
        steps.fail(
            "tcp",
            name_of("tcp"),
            t,
            format!("cannot connect: {}", failures.join("; ")),
            hint.into(),
        );
        skip_rest(steps, "tcp", https);
        return None;
    };
    steps.pass("tcp", name_of("tcp"), t, format!("connected to {addr}"));

    // TLS (the config is built for http too: reqwest needs one)
    let tls = match tls::build(&opts.extra_roots) {
        Ok(t) => t,
        Err(e) => {
            let id = if https { "tls" } else { "http" };
            steps.fail(
                id,
                name_of(id),
                Instant::now(),
                format!("cannot set up TLS: {e}"),
                "this is a bug; rerun with -v and report the output".into(),
            );
            skip_rest(steps, id, https);
            return None;
        }
    };
    if https {
        let t = Instant::now();
        tls.verifier.take();
        let name = match ServerName::try_from(host.trim_start_matches('[').trim_end_matches(']')) {
            Ok(n) => n.to_owned(),
            Err(e) => {
                steps.fail(
                    "tls",
                    name_of("tls"),
                    t,
                    format!("{host} is not a valid TLS server name: {e}"),
                    "give the host name the server's certificate is issued for".into(),
                );
                skip_rest(steps, "tls", https);
                return None;
            }
        };
        let connector = tokio_rustls::TlsConnector::from(Arc::new(tls.config.clone()));
        let result = tokio::time::timeout(timeout, connector.connect(name, stream)).await;
        let seen = tls.verifier.take();
        let cert = seen
            .as_ref()
            .and_then(|s| tls::CertInfo::parse(s.end_entity.as_ref()));
        let cert_err = seen.and_then(|s| s.outcome.err());
        match result {
            Ok(Ok(conn)) => {
                let (_, session) = conn.get_ref();
                let version = session
                    .protocol_version()
                    .and_then(|v| v.as_str())
                    .unwrap_or("TLS");
                let suite = session
                    .negotiated_cipher_suite()
                    .and_then(|s| s.suite().as_str())
                    .unwrap_or("?");
                let about = cert
                    .as_ref()
                    .map(|c| format!("; {}", c.summary(&host)))
                    .unwrap_or_default();
                steps.pass(
                    "tls",
                    name_of("tls"),
                    t,
                    format!(
                        "{version} {suite}; certificate verified ({} system roots{}){about}",
                        tls.system_roots,
                        if tls.extra_roots > 0 {
                            format!(" + {} from --ca-file", tls.extra_roots)
                        } else {
                            String::new()
                        }
                    ),
                );
            }
            Ok(Err(e)) => {
                let rustls_err = cert_err.or_else(|| {
                    e.get_ref()
                        .and_then(|i| i.downcast_ref::<rustls::Error>())
                        .cloned()
                });
                let (detail, hint) = match rustls_err {
                    Some(re) => tls::explain(&re, cert.as_ref(), &host),
                    None if e.kind() == std::io::ErrorKind::UnexpectedEof => (
                        format!("the server closed the connection during the handshake ({e})"),
                        "is the server speaking TLS on this port? check a proxy or load balancer in front of it".into(),
                    ),
                    None => (
                        format!("the TLS handshake failed: {e}"),
                        "check the server's TLS setup, or a proxy in between".into(),
                    ),
                };
                steps.fail("tls", name_of("tls"), t, detail, hint);
                skip_rest(steps, "tls", https);
                return None;
            }
            Err(_) => {
                steps.fail("tls", name_of("tls"), t, format!("no TLS handshake within {secs}s"),
                    "is the server speaking TLS on this port? a proxy may hold the connection; or raise --timeout".into());
                skip_rest(steps, "tls", https);
                return None;
            }
        }
    } else {
        drop(stream);
    }

    // HTTP
    let t = Instant::now();
    let Some(auth) = bearer(&opts.token) else {
        steps.fail(
            "http",
            name_of("http"),
            t,
            "the token holds characters an HTTP header cannot carry".into(),
            "give the token exactly as scimctl printed it (scim_ and 43 letters, digits, - or _)"
                .into(),
        );
        skip_rest(steps, "http", https);
        return None;
    };
    let client = match http_client(opts, tls.config, domain.as_deref(), addr) {
        Ok(http) => Client {
            http,
            base: base.clone(),
            auth,
        },
        Err(e) => {
            steps.fail(
                "http",
                name_of("http"),
                t,
                format!("cannot set up the HTTP client: {e}"),
                "this is a bug; rerun with -v and report the output".into(),
            );
            skip_rest(steps, "http", https);
            return None;
        }
    };
    let answer = match client.send(Method::GET, url.clone(), None).await {
        Ok(a) => a,
        Err(e) => {
            steps.fail("http", name_of("http"), t, format!("GET failed: {e}"),
                "the server accepted the connection but gave no HTTP answer: check a proxy or load balancer in front of it and that the service is running; or raise --timeout".into());
            skip_rest(steps, "http", https);
            return None;
        }
    };
    let st = answer.status;
    if st.is_redirection() {
        steps.fail(
            "http",
            name_of("http"),
            t,
            format!(
                "{st}: redirected to {}",
                answer.location.as_deref().unwrap_or("(no Location header)")
            ),
            "do not rely on the identity provider following redirects: give it the URL this one redirects to (https, the final host and path)".into(),
        );
        skip_rest(steps, "http", https);
        return None;
    }
    if st.is_server_error() {
        steps.fail("http", name_of("http"), t, answer.summary(),
            "the server failed on Entra's probe; look at its logs ('scimctl log --errors' on a scimctl server, with the request id above)".into());
        skip_rest(steps, "http", https);
        return None;
    }
    steps.pass("http", name_of("http"), t, format!("GET answered {st}"));

    // Auth
    let t = Instant::now();
    match st {
        StatusCode::UNAUTHORIZED => {
            steps.fail("auth", name_of("auth"), t, answer.summary(),
                "the token is wrong, or it was regenerated since it was pasted into the identity provider: give the tenant's current token (if it was lost, 'scimctl token regenerate' prints a new one); a scimctl server also answers 401 for an unknown tenant id, so compare the URL with 'scimctl url'".into());
            skip_rest(steps, "auth", https);
            return None;
        }
        StatusCode::FORBIDDEN => {
            let hint = if answer.reason().as_deref() == Some("scim_disabled") {
                "SCIM is turned off for this tenant: turn it on with 'scimctl scim enable'"
            } else {
                "the token was recognised but may not read /Users; check what the server allows this token (Entra shows this as invalid credentials)"
            };
            steps.fail("auth", name_of("auth"), t, answer.summary(), hint.into());
            skip_rest(steps, "auth", https);
            return None;
        }
        _ => steps.pass("auth", name_of("auth"), t, "the token was accepted".into()),
    }

    // Response shape
    let t = Instant::now();
    if st == StatusCode::NOT_FOUND {
        let hint = if answer.reason().is_some() {
            // Our server: the path is not a tenant URL.
            "wrong tenant URL: copy it from 'scimctl url'"
        } else {
            "wrong tenant URL (copy it from 'scimctl url'), or the endpoint answers 404 to a filter that matches nobody, which is not SCIM compliant as Entra requires: it must answer 200 with an empty ListResponse"
        };
        steps.fail(
            "response",
            name_of("response"),
            t,
            answer.summary(),
            hint.into(),
        );
        return None;
    }
    if st != StatusCode::OK {
        steps.fail("response", name_of("response"), t, answer.summary(),
            "Entra's probe must get 200 with an empty ListResponse; the endpoint is not SCIM compliant as Entra requires".into());
        return None;
    }
    let problems = list_problems(&answer, Some(0));
    if problems.is_empty() {
        steps.pass(
            "response",
            name_of("response"),
            t,
            "200, ListResponse with totalResults 0, application/scim+json".into(),
        );
        Some(client)
    } else {
        steps.fail("response", name_of("response"), t, problems.join("; "),
            "the endpoint is not SCIM compliant as Entra requires: a filter that matches nobody must get 200, Content-Type application/scim+json, and a ListResponse with totalResults 0".into());
        None
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

fn parse_base(s: &str) -> Result<Url, String> {
    let u = Url::parse(s.trim()).map_err(|e| format!("{s:?} is not a URL: {e}"))?;
    if !matches!(u.scheme(), "http" | "https") {
        return Err(format!(
            "{s:?} is not an http(s) URL (scheme {})",
            u.scheme()
        ));
    }
    if u.host_str().is_none_or(str::is_empty) {
        return Err(format!("{s:?} has no host"));
    }
    if !u.username().is_empty() || u.password().is_some() {
        return Err(
            "the URL carries a user name or password; give the token with --token-stdin or --token-env instead"
                .into(),
        );
    }
    let mut u = u;
    u.set_fragment(None);
    Ok(u)
}

fn bearer(token: &Secret) -> Option<HeaderValue> {
    let mut v = HeaderValue::from_str(&format!("Bearer {}", token.expose())).ok()?;
    // Keeps it out of any debug output of the request.
    v.set_sensitive(true);
    Some(v)
}

fn http_client(
    opts: &Options,
    tls: rustls::ClientConfig,
    domain: Option<&str>,
    addr: SocketAddr,
) -> Result<reqwest::Client, String> {
    let mut b = reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(opts.timeout)
        .connect_timeout(opts.timeout)
        .user_agent(concat!(
            "scimctl/",
            env!("CARGO_PKG_VERSION"),
            " (test-connection)"
        ));
    // The same address the TCP step reached.
    if let Some(d) = domain {
        b = b.resolve(d, addr);
    }
    b.tls_backend_preconfigured(tls)
        .build()
        .map_err(|e| transport_error(&e))
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
    fn urls_with_credentials_or_other_schemes_are_refused() {
        assert!(parse_base("https://u:p@h.example/scim").is_err());
        assert!(parse_base("ftp://h.example/scim").is_err());
        assert!(parse_base("h.example/scim").is_err());
        assert!(parse_base(" https://h.example/scim#x ").is_ok_and(|u| u.fragment().is_none()));
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
