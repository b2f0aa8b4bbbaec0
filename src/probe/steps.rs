//! The steps of Entra's probe, one function each, in `PLAN`'s order: URL,
//! DNS, TCP, TLS, HTTP, auth, response. Each records its own pass or its
//! failure with the fix, and hands what it learnt to the next; a failed
//! step returns `None` and `probe` skips the rest of the plan.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Instant;

use reqwest::header::HeaderValue;
use reqwest::{Method, StatusCode, Url};
use rustls::pki_types::ServerName;
use tokio::net::TcpStream;

use crate::engine::tokens::Secret;

use super::{Answer, Client, Options, Steps, form, join, list_problems, name_of, tls};

/// What the URL step learnt: where to connect and what to ask.
pub(super) struct Target {
    pub base: Url,
    pub https: bool,
    /// Entra's probe request, below the base.
    pub url: Url,
    pub host: String,
    pub port: u16,
}

impl Target {
    /// The host when it is an IP address (no lookup).
    fn ip(&self) -> Option<IpAddr> {
        self.host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
            .ok()
    }

    /// The host when it is a name (looked up, and pinned in the client).
    fn domain(&self) -> Option<&str> {
        self.ip().is_none().then_some(self.host.as_str())
    }
}

/// URL parse: an http(s) URL with a host and no credentials.
pub(super) fn url(opts: &Options, filter: &str, steps: &mut Steps<'_>) -> Option<Target> {
    let t = Instant::now();
    let base = match parse_base(&opts.url) {
        Ok(u) => u,
        Err(e) => {
            steps.fail("url", name_of("url"), t, e,
                "give the tenant URL as 'scimctl url' prints it, e.g. https://scim.example.com/scim/v2/<tenant id>".into());
            return None;
        }
    };
    let https = base.scheme() == "https";
    let url = join(&base, &format!("/Users?filter={}", form(filter)));
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
    Some(Target {
        base,
        https,
        url,
        host,
        port,
    })
}

/// DNS lookup: the host's addresses (an IP address is its own).
pub(super) async fn dns(
    opts: &Options,
    target: &Target,
    steps: &mut Steps<'_>,
) -> Option<Vec<SocketAddr>> {
    let t = Instant::now();
    let secs = opts.timeout.as_secs_f64();
    let port = target.port;
    if let Some(ip) = target.ip() {
        steps.pass(
            "dns",
            name_of("dns"),
            t,
            format!("{ip} is an IP address: no lookup"),
        );
        return Some(vec![SocketAddr::new(ip, port)]);
    }
    let d = target.domain().unwrap_or_default();
    match tokio::time::timeout(opts.timeout, tokio::net::lookup_host((d, port))).await {
        Ok(Ok(a)) => {
            let v: Vec<SocketAddr> = a.collect();
            if v.is_empty() {
                steps.fail(
                    "dns",
                    name_of("dns"),
                    t,
                    format!("{d} has no address"),
                    "check the host name in the URL; it must be public for Entra to reach it"
                        .into(),
                );
                return None;
            }
            let list: Vec<String> = v.iter().map(|a| a.ip().to_string()).collect();
            steps.pass(
                "dns",
                name_of("dns"),
                t,
                format!("{d} → {}", list.join(", ")),
            );
            Some(v)
        }
        Ok(Err(e)) => {
            steps.fail("dns", name_of("dns"), t, format!("cannot resolve {d}: {e}"),
                "check the host name in the URL for typos, and this machine's DNS (or whether a proxy is required to reach the internet)".into());
            None
        }
        Err(_) => {
            steps.fail(
                "dns",
                name_of("dns"),
                t,
                format!("resolving {d} took longer than {secs}s"),
                "check this machine's DNS servers, or raise --timeout".into(),
            );
            None
        }
    }
}

/// TCP connect: the first address that accepts.
pub(super) async fn tcp(
    opts: &Options,
    addrs: &[SocketAddr],
    steps: &mut Steps<'_>,
) -> Option<(TcpStream, SocketAddr)> {
    let t = Instant::now();
    let secs = opts.timeout.as_secs_f64();
    let mut failures = Vec::new();
    let mut refused = false;
    let mut timed_out = false;
    for a in addrs {
        match tokio::time::timeout(opts.timeout, TcpStream::connect(a)).await {
            Ok(Ok(s)) => {
                steps.pass("tcp", name_of("tcp"), t, format!("connected to {a}"));
                return Some((s, *a));
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
    None
}

/// TLS handshake over https, with the certificate verified and described.
/// Returns the TLS config the HTTP step uses (built for http too: reqwest
/// needs one).
pub(super) async fn tls(
    opts: &Options,
    target: &Target,
    stream: TcpStream,
    steps: &mut Steps<'_>,
) -> Option<rustls::ClientConfig> {
    let secs = opts.timeout.as_secs_f64();
    let (https, host) = (target.https, &target.host);
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
            return None;
        }
    };
    if !https {
        drop(stream);
        return Some(tls.config);
    }
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
            return None;
        }
    };
    let connector = tokio_rustls::TlsConnector::from(Arc::new(tls.config.clone()));
    let result = tokio::time::timeout(opts.timeout, connector.connect(name, stream)).await;
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
                .map(|c| format!("; {}", c.summary(host)))
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
            Some(tls.config)
        }
        Ok(Err(e)) => {
            let rustls_err = cert_err.or_else(|| {
                e.get_ref()
                    .and_then(|i| i.downcast_ref::<rustls::Error>())
                    .cloned()
            });
            let (detail, hint) = match rustls_err {
                Some(re) => tls::explain(&re, cert.as_ref(), host),
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
            None
        }
        Err(_) => {
            steps.fail("tls", name_of("tls"), t, format!("no TLS handshake within {secs}s"),
                "is the server speaking TLS on this port? a proxy may hold the connection; or raise --timeout".into());
            None
        }
    }
}

/// HTTP request: Entra's GET, on a client pinned to the address the TCP
/// step reached; any answer but a redirect or a 5xx passes.
pub(super) async fn http(
    opts: &Options,
    target: &Target,
    tls: rustls::ClientConfig,
    addr: SocketAddr,
    steps: &mut Steps<'_>,
) -> Option<(Client, Answer)> {
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
        return None;
    };
    let client = match http_client(opts, tls, target.domain(), addr) {
        Ok(http) => Client {
            http,
            base: target.base.clone(),
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
            return None;
        }
    };
    let answer = match client.send(Method::GET, target.url.clone(), None).await {
        Ok(a) => a,
        Err(e) => {
            steps.fail("http", name_of("http"), t, format!("GET failed: {e}"),
                "the server accepted the connection but gave no HTTP answer: check a proxy or load balancer in front of it and that the service is running; or raise --timeout".into());
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
        return None;
    }
    if st.is_server_error() {
        steps.fail("http", name_of("http"), t, answer.summary(),
            "the server failed on Entra's probe; look at its logs ('scimctl log --errors' on a scimctl server, with the request id above)".into());
        return None;
    }
    steps.pass("http", name_of("http"), t, format!("GET answered {st}"));
    Some((client, answer))
}

/// Auth accepted: neither 401 nor 403.
pub(super) fn auth(answer: &Answer, steps: &mut Steps<'_>) -> Option<()> {
    let t = Instant::now();
    match answer.status {
        StatusCode::UNAUTHORIZED => {
            steps.fail("auth", name_of("auth"), t, answer.summary(),
                "the token is wrong, or it was regenerated since it was pasted into the identity provider: give the tenant's current token (if it was lost, 'scimctl token regenerate' prints a new one); a scimctl server also answers 401 for an unknown tenant id, so compare the URL with 'scimctl url'".into());
            None
        }
        StatusCode::FORBIDDEN => {
            let hint = if answer.reason().as_deref() == Some("scim_disabled") {
                "SCIM is turned off for this tenant: turn it on with 'scimctl scim enable'"
            } else {
                "the token was recognised but may not read /Users; check what the server allows this token (Entra shows this as invalid credentials)"
            };
            steps.fail("auth", name_of("auth"), t, answer.summary(), hint.into());
            None
        }
        _ => {
            steps.pass("auth", name_of("auth"), t, "the token was accepted".into());
            Some(())
        }
    }
}

/// SCIM response: 200 and an empty ListResponse as SCIM JSON.
pub(super) fn response(answer: &Answer, steps: &mut Steps<'_>) -> Option<()> {
    let t = Instant::now();
    let st = answer.status;
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
    let problems = list_problems(answer, Some(0));
    if problems.is_empty() {
        steps.pass(
            "response",
            name_of("response"),
            t,
            "200, ListResponse with totalResults 0, application/scim+json".into(),
        );
        Some(())
    } else {
        steps.fail("response", name_of("response"), t, problems.join("; "),
            "the endpoint is not SCIM compliant as Entra requires: a filter that matches nobody must get 200, Content-Type application/scim+json, and a ListResponse with totalResults 0".into());
        None
    }
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
        .map_err(|e| super::transport_error(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_with_credentials_or_other_schemes_are_refused() {
        assert!(parse_base("https://u:p@h.example/scim").is_err());
        assert!(parse_base("ftp://h.example/scim").is_err());
        assert!(parse_base("h.example/scim").is_err());
        assert!(parse_base(" https://h.example/scim#x ").is_ok_and(|u| u.fragment().is_none()));
    }
}
