//! Talking to a remote `scimctl serve` with an admin key: the transport rule
//! (never an admin key over plain http:// to another host), the HTTP client
//! (rustls with the probe's trust: system roots plus `--ca-file`), and the
//! key check `login` makes. The remote backend builds on these.

use std::net::IpAddr;
use std::path::Path;
use std::time::Duration;

use reqwest::{StatusCode, Url};
use serde::Deserialize;

use super::{CredentialError, Result};
use crate::engine::tenants::TenantInfo;
use crate::engine::tokens::Secret;
use crate::probe;

/// The longest wait for a connection or for the next bytes of an answer.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// The server URL, if an admin key may be sent to it: https anywhere,
/// plain http only to this machine (loopback). The message names https.
pub fn check_transport(server: &str) -> std::result::Result<Url, String> {
    let url =
        Url::parse(server).map_err(|e| format!("the server URL {server:?} is not valid: {e}"))?;
    match url.scheme() {
        "https" => Ok(url),
        "http" if is_loopback(&url) => Ok(url),
        "http" => Err(format!(
            "refusing to send an admin key over plain http:// to {}: use https:// (serve with --tls-cert/--tls-key); plain http is only for 127.0.0.1, ::1 and localhost",
            url.host_str().unwrap_or("?")
        )),
        other => Err(format!(
            "the server URL {server:?} has scheme {other}: use https://"
        )),
    }
}

fn is_loopback(url: &Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    match bare.parse::<IpAddr>() {
        Ok(ip) => ip.is_loopback(),
        Err(_) => host.eq_ignore_ascii_case("localhost"),
    }
}

/// An HTTP client for the admin API, trusting the system roots and the
/// certificates of `ca_file` (the way `test-connection` trusts them).
pub fn client(ca_file: Option<&Path>) -> std::result::Result<reqwest::Client, String> {
    let extra = match ca_file {
        Some(p) => probe::tls::load_ca_file(p).map_err(|e| e.to_string())?,
        None => Vec::new(),
    };
    let tls = probe::tls::build(&extra).map_err(|e| format!("TLS setup failed: {e}"))?;
    reqwest::Client::builder()
        // A redirect must not carry the key elsewhere.
        .redirect(reqwest::redirect::Policy::none())
        // Per read, not per request: `log --follow` is one long response
        // (the server writes a keep-alive line well within this).
        .read_timeout(TIMEOUT)
        .connect_timeout(TIMEOUT)
        .user_agent(concat!("scimctl/", env!("CARGO_PKG_VERSION")))
        .tls_backend_preconfigured(tls.config)
        .build()
        .map_err(|e| chain(&e))
}

/// The error and its causes, on one line (no header is ever in them).
pub fn chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        let m = c.to_string();
        if !s.contains(&m) {
            s.push_str(": ");
            s.push_str(&m);
        }
        cur = c.source();
    }
    s
}

/// The admin API's error body.
#[derive(Debug, Deserialize)]
struct ErrorBody {
    error: String,
}

/// What the server says about a key.
#[derive(Debug)]
pub struct Verified {
    /// The tenants the key may use.
    pub tenants: Vec<TenantInfo>,
    /// The tenant id the key is scoped to; `None` for an operator key.
    pub scoped_to: Option<String>,
}

/// Checks `key` against `server`: `GET /admin/v1/tenants` lists the
/// tenants the key may use. A scoped key sees exactly its own tenant; to
/// tell it from an operator key on a one-tenant server, one operator-only
/// read (`GET /admin/v1/log?limit=1`) answers 403 for a scoped key.
pub async fn verify(http: &reqwest::Client, server: &Url, key: &Secret) -> Result<Verified> {
    let base = server.as_str().trim_end_matches('/').to_owned();
    let failed = |detail: String| CredentialError::ServerFailed {
        server: base.clone(),
        detail,
    };
    let get = |path: &str| {
        http.get(format!("{base}/admin/v1/{path}"))
            .bearer_auth(key.expose())
            .send()
    };
    let res = get("tenants").await.map_err(|e| failed(chain(&e)))?;
    let status = res.status();
    let body = res.bytes().await.map_err(|e| failed(chain(&e)))?;
    let message = || {
        serde_json::from_slice::<ErrorBody>(&body)
            .map(|b| b.error)
            .unwrap_or_else(|_| format!("HTTP {status}"))
    };
    if status == StatusCode::UNAUTHORIZED {
        return Err(CredentialError::KeyRejected {
            server: base.clone(),
            detail: message(),
        });
    }
    if status != StatusCode::OK {
        return Err(failed(format!(
            "GET /admin/v1/tenants answered {}: {}",
            status.as_u16(),
            message()
        )));
    }
    let tenants: Vec<TenantInfo> = serde_json::from_slice(&body).map_err(|_| {
        failed("the answer to GET /admin/v1/tenants is not scimctl's admin API".into())
    })?;
    let scoped_to = match tenants.as_slice() {
        [only] => {
            let res = get("log?limit=1").await.map_err(|e| failed(chain(&e)))?;
            (res.status() == StatusCode::FORBIDDEN).then(|| only.id.clone())
        }
        _ => None,
    };
    Ok(Verified { tenants, scoped_to })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admin_keys_go_over_https_or_to_this_machine() {
        for ok in [
            "https://scim.example.com",
            "http://127.0.0.1:8080",
            "http://127.8.0.1",
            "http://[::1]:9",
            "http://localhost:1",
        ] {
            assert!(check_transport(ok).is_ok(), "{ok}");
        }
        for bad in [
            "http://192.0.2.1",
            "http://scim.example.com",
            "http://[2001:db8::1]",
        ] {
            let e = check_transport(bad).unwrap_err();
            assert!(e.contains("use https://"), "{e}");
        }
        assert!(
            check_transport("ftp://x")
                .unwrap_err()
                .contains("use https://")
        );
    }
}
