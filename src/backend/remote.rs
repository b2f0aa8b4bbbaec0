//! The backend over a remote `scimctl serve`'s admin API (`/admin/v1`):
//! each call is one HTTPS request with the admin key as a bearer token,
//! built from the API's contract (`api::admin`) and answered with the same
//! JSON the CLI prints; errors carry the CLI's message, kind and hint.
//! Every command goes through [`Remote::call`]; `log --follow` is one
//! streaming response.

use reqwest::{Method, Url};
use serde::de::DeserializeOwned;

use super::{BackendError, OnItems, Result};
use crate::api::admin::{
    self as api, Command, ErrorBody, Followed, Input, KeyInfo, PREFIX, Route, routes, tenant,
};
use crate::credentials::server;
use crate::engine::ErrorKind;
use crate::engine::model::Tenant;
use crate::engine::tenants::only_tenant;
use crate::engine::tokens::Secret;

/// What went wrong talking to the server.
#[derive(Debug, thiserror::Error)]
pub enum RemoteError {
    /// The server refused the request: its own message, kind, reason and
    /// hint.
    #[error("{message}")]
    Api {
        status: u16,
        kind: ErrorKind,
        reason: String,
        message: String,
        hint: Option<String>,
    },
    /// The client cannot be set up for this server (a plain http:// URL to
    /// another host, an unreadable CA file).
    #[error("{0}")]
    Setup(String),
    /// No answer: refused, timed out, TLS failed.
    #[error("cannot reach the server {server}: {detail}")]
    Unreachable { server: String, detail: String },
    /// An answer that is not the admin API's.
    #[error("{server} did not answer as a scimctl admin API: {detail}")]
    BadAnswer { server: String, detail: String },
}

impl RemoteError {
    pub fn hint(&self) -> Option<String> {
        match self {
            RemoteError::Api { hint, .. } => hint.clone(),
            RemoteError::Setup(_) => None,
            RemoteError::Unreachable { .. } => Some(
                "check the server URL (--server, SCIMCTL_SERVER or the profile), that 'scimctl serve' runs there, and the profile's CA file for a private CA".into(),
            ),
            RemoteError::BadAnswer { .. } => Some(
                "check that the URL is the server's origin (e.g. https://scim.example.com), not a tenant URL".into(),
            ),
        }
    }
}

pub struct Remote {
    /// The server's origin, without a trailing slash.
    server: String,
    base: Url,
    key: Secret,
    http: reqwest::Client,
    /// Drives the client; a worker thread of its own, so calls may come
    /// from any thread (the dashboard's blocking pool included).
    rt: tokio::runtime::Runtime,
}

impl Remote {
    /// A client for `server`'s admin API. Refuses plain http:// to another
    /// host before the key goes anywhere.
    pub fn connect(
        server: &str,
        ca_file: Option<&std::path::Path>,
        key: Secret,
    ) -> std::result::Result<Remote, RemoteError> {
        let base = server::check_transport(server).map_err(RemoteError::Setup)?;
        let http = crate::net::client(ca_file).map_err(RemoteError::Setup)?;
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("scimctl-remote")
            .enable_all()
            .build()
            .map_err(|e| RemoteError::Setup(format!("cannot start the HTTP client: {e}")))?;
        Ok(Remote {
            server: server.trim_end_matches('/').to_owned(),
            base,
            key,
            http,
            rt,
        })
    }

    /// The route's URL with `args` in its path and `query` (already
    /// encoded), each path segment percent-encoded.
    fn url(&self, route: Route, args: &[&str], query: &str) -> Url {
        let mut url = self.base.clone();
        if let Ok(mut p) = url.path_segments_mut() {
            p.pop_if_empty()
                .extend(PREFIX.split('/').filter(|s| !s.is_empty()))
                .extend(route.segments(args));
        }
        if !query.is_empty() {
            url.set_query(Some(query));
        }
        url
    }

    fn unreachable(&self, e: &reqwest::Error) -> RemoteError {
        RemoteError::Unreachable {
            server: self.server.clone(),
            detail: crate::net::chain(e),
        }
    }

    fn unencodable(&self, e: &dyn std::fmt::Display) -> BackendError {
        RemoteError::BadAnswer {
            server: self.server.clone(),
            detail: format!("cannot encode the request: {e}"),
        }
        .into()
    }

    fn request(&self, route: Route, args: &[&str], query: &str) -> reqwest::RequestBuilder {
        let method = match route.method {
            api::Method::Get => Method::GET,
            api::Method::Post => Method::POST,
            api::Method::Delete => Method::DELETE,
        };
        self.http
            .request(method, self.url(route, args, query))
            .bearer_auth(self.key.expose())
    }

    /// Sends, and turns a refusal into the server's error.
    async fn send(&self, req: reqwest::RequestBuilder) -> Result<reqwest::Response> {
        let res = req.send().await.map_err(|e| self.unreachable(&e))?;
        if res.status().is_success() {
            return Ok(res);
        }
        let status = res.status().as_u16();
        let body = res.bytes().await.map_err(|e| self.unreachable(&e))?;
        Err(match serde_json::from_slice::<ErrorBody>(&body) {
            Ok(b) => RemoteError::Api {
                status,
                kind: b
                    .kind
                    .unwrap_or_else(|| ErrorKind::from_http_status(status)),
                reason: b.reason,
                message: b.error,
                hint: b.hint,
            },
            Err(_) => RemoteError::BadAnswer {
                server: self.server.clone(),
                detail: format!("HTTP {status} without an admin API error body"),
            },
        }
        .into())
    }

    /// Sends `req` and decodes the answer as `T`.
    fn answer<T: DeserializeOwned>(&self, req: reqwest::RequestBuilder) -> Result<T> {
        self.rt.block_on(async {
            let res = self.send(req).await?;
            let bytes = res.bytes().await.map_err(|e| self.unreachable(&e))?;
            serde_json::from_slice(&bytes).map_err(|e| {
                BackendError::Remote(RemoteError::BadAnswer {
                    server: self.server.clone(),
                    detail: format!("unexpected JSON: {e}"),
                })
            })
        })
    }

    /// The request for `c`: its path arguments in the route's path, its
    /// other fields in the query or the JSON body.
    fn request_for<C: Command>(&self, c: &C) -> Result<reqwest::RequestBuilder> {
        let query = match C::INPUT {
            Input::Query => serde_urlencoded::to_string(c).map_err(|e| self.unencodable(&e))?,
            Input::None | Input::Body => String::new(),
        };
        let req = self.request(C::ROUTE, &c.path_args(), &query);
        Ok(match C::INPUT {
            Input::Body => req.json(c),
            Input::None | Input::Query => req,
        })
    }

    /// One command, its answer decoded as its output.
    pub fn call<C: Command>(&self, c: &C) -> Result<C::Output> {
        self.answer(self.request_for(c)?)
    }

    /// The key this client sends, and its scope.
    pub fn whoami(&self) -> Result<KeyInfo> {
        self.answer(self.request(routes::WHOAMI, &[], ""))
    }

    pub fn location(&self) -> String {
        format!("server {}", self.server)
    }

    pub fn resolve_tenant(&self, key: Option<&str>) -> Result<Tenant> {
        let info = match key {
            Some(k) => {
                self.call(&tenant::Show {
                    tenant: k.to_owned(),
                })?
                .tenant
            }
            None => only_tenant(self.call(&tenant::List {})?)?,
        };
        Ok(info.into_tenant())
    }

    /// One streaming response of JSON lines: the items the command
    /// selects, then each new one; blank lines are the server's keep-alive.
    pub fn follow<C: Followed>(&self, c: &C, each: &mut OnItems<'_, C::Item>) -> Result<()> {
        let req = self.request_for(c)?;
        self.rt.block_on(async {
            let mut res = self.send(req).await?;
            let mut pending: Vec<u8> = Vec::new();
            while let Some(chunk) = res
                .chunk()
                .await
                .map_err(|e| BackendError::from(self.unreachable(&e)))?
            {
                pending.extend_from_slice(&chunk);
                let Some(end) = pending.iter().rposition(|b| *b == b'\n') else {
                    continue;
                };
                let complete: Vec<u8> = pending.drain(..=end).collect();
                let mut batch = Vec::new();
                for line in complete.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
                    batch.push(serde_json::from_slice::<C::Item>(line).map_err(|e| {
                        BackendError::Remote(RemoteError::BadAnswer {
                            server: self.server.clone(),
                            detail: format!(
                                "a streamed line is not what {} answers: {e}",
                                C::ROUTE.path
                            ),
                        })
                    })?);
                }
                if !batch.is_empty() && each(batch).is_break() {
                    return Ok(());
                }
            }
            Ok(())
        })
    }
}
