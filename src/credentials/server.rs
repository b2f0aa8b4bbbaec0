//! Talking to a remote `scimctl serve` with an admin key: the transport rule
//! (never an admin key over plain http:// to another host) and the key
//! check `login` makes. The remote backend builds on these.

use std::net::IpAddr;

use reqwest::{StatusCode, Url};
use serde::de::DeserializeOwned;

use super::{CredentialError, Result};
use crate::api::admin::{ErrorBody, KeyInfo, PREFIX, Route, routes};
use crate::engine::tenants::TenantInfo;
use crate::engine::tokens::Secret;
use crate::net::chain;

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

/// What the server says about a key.
#[derive(Debug)]
pub struct Verified {
    /// The tenants the key may use.
    pub tenants: Vec<TenantInfo>,
    /// The tenant id the key is scoped to; `None` for an operator key.
    pub scoped_to: Option<String>,
}

/// Checks `key` against `server`: `whoami` names the key and its scope,
/// `tenants` lists the tenants it may use.
pub async fn verify(http: &reqwest::Client, server: &Url, key: &Secret) -> Result<Verified> {
    let base = server.as_str().trim_end_matches('/').to_owned();
    let me: KeyInfo = get(http, &base, key, routes::WHOAMI).await?;
    let tenants: Vec<TenantInfo> = get(http, &base, key, routes::TENANT_LIST).await?;
    Ok(Verified {
        tenants,
        scoped_to: me.tenant_id,
    })
}

/// One GET of the admin API with `key`; a 401 is the key's rejection.
async fn get<T: DeserializeOwned>(
    http: &reqwest::Client,
    base: &str,
    key: &Secret,
    route: Route,
) -> Result<T> {
    let failed = |detail: String| CredentialError::ServerFailed {
        server: base.to_owned(),
        detail,
    };
    let path = format!("{PREFIX}{}", route.path);
    let res = http
        .get(format!("{base}{path}"))
        .bearer_auth(key.expose())
        .send()
        .await
        .map_err(|e| failed(chain(&e)))?;
    let status = res.status();
    let body = res.bytes().await.map_err(|e| failed(chain(&e)))?;
    let message = || {
        serde_json::from_slice::<ErrorBody>(&body)
            .map(|b| b.error)
            .unwrap_or_else(|_| format!("HTTP {status}"))
    };
    if status == StatusCode::UNAUTHORIZED {
        return Err(CredentialError::KeyRejected {
            server: base.to_owned(),
            detail: message(),
        });
    }
    if status != StatusCode::OK {
        return Err(failed(format!(
            "GET {path} answered {}: {}",
            status.as_u16(),
            message()
        )));
    }
    serde_json::from_slice(&body).map_err(|_| {
        failed(format!(
            "the answer to GET {path} is not scimctl's admin API"
        ))
    })
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
