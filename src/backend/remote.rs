//! The backend over a remote `scimctl serve`'s admin API (`/admin/v1`):
//! each call is one HTTPS request with the admin key as a bearer token,
//! built from the API's contract (`api::admin`) and answered with the same
//! JSON the CLI prints; errors carry the CLI's message, kind and hint.
//! `log --follow` is one streaming response.

use reqwest::{Method, Url};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{Backend, BackendError, Issue, OnRecords, Result};
use crate::api::admin::{
    self as api, AddUser, Assign, ErrorBody, GroupShowQuery, KeyInfo, LogParams, Named, NewTenant,
    Nothing, PREFIX, Regenerate, Revoke, Route, SetPolicy, UsersQuery, Verify, routes,
};
use crate::credentials::server;
use crate::engine::ErrorKind;
use crate::engine::admin::groups::{AssignRequest, GroupDetail, GroupInfo, PropertyInfo};
use crate::engine::admin::members::{MemberPage, MemberQuery, UserFacts};
use crate::engine::admin::users::{MemberAdded, NewMember};
use crate::engine::diagnose::{RequestDiagnosis, TenantDiagnosis, UserDiagnosis};
use crate::engine::log::{LogQuery, LogRecord};
use crate::engine::model::{Policy, Tenant};
use crate::engine::tenants::{ScimSwitch, TenantDetail, TenantInfo, only_tenant};
use crate::engine::tokens::{IssuedTokenView, Secret, TokenCheck, TokenStatus};
use crate::engine::views::{PolicySet, RevokedTokens, ScimStatus, TenantUrl};

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

    /// The route's URL with `args` in its path and `query`, each part
    /// percent-encoded.
    fn url(&self, route: Route, args: &[&str], query: &impl Serialize) -> Result<Url> {
        let mut url = self.base.clone();
        if let Ok(mut p) = url.path_segments_mut() {
            p.pop_if_empty()
                .extend(PREFIX.split('/').filter(|s| !s.is_empty()))
                .extend(route.segments(args));
        }
        let query = serde_urlencoded::to_string(query).map_err(|e| self.unencodable(&e))?;
        if !query.is_empty() {
            url.set_query(Some(&query));
        }
        Ok(url)
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

    fn request(
        &self,
        route: Route,
        args: &[&str],
        query: &impl Serialize,
    ) -> Result<reqwest::RequestBuilder> {
        let method = match route.method {
            api::Method::Get => Method::GET,
            api::Method::Post => Method::POST,
            api::Method::Delete => Method::DELETE,
        };
        Ok(self
            .http
            .request(method, self.url(route, args, query)?)
            .bearer_auth(self.key.expose()))
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

    /// One request to `route`: `query` in the URL, `body` as JSON (for
    /// the routes that take one), the answer decoded as `T`.
    fn call<T: DeserializeOwned>(
        &self,
        route: Route,
        args: &[&str],
        query: &impl Serialize,
        body: Option<&impl Serialize>,
    ) -> Result<T> {
        let mut req = self.request(route, args, query)?;
        if let Some(b) = body {
            req = req.json(b);
        }
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

    /// A route without a body.
    fn get<T: DeserializeOwned>(
        &self,
        route: Route,
        args: &[&str],
        query: &impl Serialize,
    ) -> Result<T> {
        self.call(route, args, query, None::<&Nothing>)
    }

    fn post<T: DeserializeOwned>(
        &self,
        route: Route,
        args: &[&str],
        body: &impl Serialize,
    ) -> Result<T> {
        self.call(route, args, &NO_QUERY, Some(body))
    }

    /// The log route for `q`: a tenant's log, or every tenant's (operator
    /// keys only).
    fn log_route(q: &LogQuery) -> (Route, Vec<&str>) {
        match &q.tenant_id {
            Some(t) => (routes::LOG_TENANT, vec![t.as_str()]),
            None => (routes::LOG_ALL, vec![]),
        }
    }

    /// The key this client sends, and its scope.
    pub fn whoami(&self) -> Result<KeyInfo> {
        self.get(routes::WHOAMI, &[], &NO_QUERY)
    }
}

/// No query parameters.
const NO_QUERY: [(&str, &str); 0] = [];

impl Backend for Remote {
    fn location(&self) -> String {
        format!("server {}", self.server)
    }

    fn tenants(&self) -> Result<Vec<TenantInfo>> {
        self.get(routes::TENANT_LIST, &[], &NO_QUERY)
    }

    fn create_tenant(&self, name: &str, id: Option<&str>, policy: Policy) -> Result<TenantInfo> {
        let body = NewTenant {
            name: name.to_owned(),
            id: id.map(str::to_owned),
            policy,
        };
        self.post(routes::TENANT_CREATE, &[], &body)
    }

    fn resolve_tenant(&self, key: Option<&str>) -> Result<Tenant> {
        let info = match key {
            Some(k) => self.tenant_info(k)?,
            None => only_tenant(self.tenants()?)?,
        };
        Ok(info.into_tenant())
    }

    fn tenant_detail(&self, t: &Tenant) -> Result<TenantDetail> {
        self.get(routes::TENANT_SHOW, &[&t.id], &NO_QUERY)
    }

    fn delete_tenant(&self, t: &Tenant) -> Result<()> {
        let _: serde_json::Value = self.get(routes::TENANT_DELETE, &[&t.id], &NO_QUERY)?;
        Ok(())
    }

    fn set_scim_enabled(&self, t: &Tenant, on: bool) -> Result<ScimSwitch> {
        let route = if on {
            routes::SCIM_ENABLE
        } else {
            routes::SCIM_DISABLE
        };
        self.post(route, &[&t.id], &Nothing {})
    }

    fn set_policy(&self, t: &Tenant, policy: Policy) -> Result<PolicySet> {
        self.post(routes::SCIM_POLICY, &[&t.id], &SetPolicy { policy })
    }

    fn scim_status(&self, t: &Tenant) -> Result<ScimStatus> {
        self.get(routes::SCIM_STATUS, &[&t.id], &NO_QUERY)
    }

    fn tenant_url(&self, t: &Tenant) -> Result<TenantUrl> {
        self.get(routes::URL, &[&t.id], &NO_QUERY)
    }

    fn issue_token(&self, t: &Tenant, how: Issue) -> Result<IssuedTokenView> {
        match how {
            Issue::Generate => self.post(routes::TOKEN_GENERATE, &[&t.id], &Nothing {}),
            Issue::Regenerate { grace } => {
                self.post(routes::TOKEN_REGENERATE, &[&t.id], &Regenerate::new(grace))
            }
        }
    }

    fn revoke_token(&self, t: &Tenant, previous: bool) -> Result<RevokedTokens> {
        self.post(routes::TOKEN_REVOKE, &[&t.id], &Revoke { previous })
    }

    fn token_status(&self, t: &Tenant) -> Result<TokenStatus> {
        self.get(routes::TOKEN_STATUS, &[&t.id], &NO_QUERY)
    }

    fn verify_token(&self, t: &Tenant, presented: &Secret) -> Result<TokenCheck> {
        let body = Verify {
            token: presented.expose().to_owned(),
        };
        self.post(routes::TOKEN_VERIFY, &[&t.id], &body)
    }

    fn add_member(&self, t: &Tenant, m: &NewMember<'_>) -> Result<MemberAdded> {
        let body = AddUser {
            email: m.email.to_owned(),
            given_name: m.given_name.to_owned(),
            family_name: m.family_name.to_owned(),
            central: m.central,
        };
        self.post(routes::USERS_ADD, &[&t.id], &body)
    }

    fn list_members(&self, t: &Tenant, q: &MemberQuery) -> Result<MemberPage> {
        self.get(routes::USERS_LIST, &[&t.id], &UsersQuery::from(q))
    }

    fn member_facts(&self, t: &Tenant, email: &str) -> Result<UserFacts> {
        self.get(routes::USERS_SHOW, &[&t.id, email], &NO_QUERY)
    }

    fn groups(&self, t: &Tenant) -> Result<Vec<GroupInfo>> {
        self.get(routes::GROUPS_LIST, &[&t.id], &NO_QUERY)
    }

    fn create_group(&self, t: &Tenant, name: &str) -> Result<GroupInfo> {
        let body = Named {
            name: name.to_owned(),
        };
        self.post(routes::GROUPS_CREATE, &[&t.id], &body)
    }

    fn assign_group(&self, t: &Tenant, group: &str, a: &AssignRequest) -> Result<GroupInfo> {
        self.post(routes::GROUPS_ASSIGN, &[&t.id, group], &Assign::from(a))
    }

    fn group_detail(&self, t: &Tenant, group: &str, limit: usize) -> Result<GroupDetail> {
        let query = GroupShowQuery { limit: Some(limit) };
        self.get(routes::GROUPS_SHOW, &[&t.id, group], &query)
    }

    fn properties(&self, t: &Tenant) -> Result<Vec<PropertyInfo>> {
        self.get(routes::PROPERTIES_LIST, &[&t.id], &NO_QUERY)
    }

    fn add_property(&self, t: &Tenant, name: &str) -> Result<PropertyInfo> {
        let body = Named {
            name: name.to_owned(),
        };
        self.post(routes::PROPERTIES_ADD, &[&t.id], &body)
    }

    fn diagnose_user(&self, t: &Tenant, email: &str) -> Result<UserDiagnosis> {
        self.get(routes::DIAGNOSE_USER, &[&t.id, email], &NO_QUERY)
    }

    fn diagnose_request(&self, t: Option<&Tenant>, request_id: &str) -> Result<RequestDiagnosis> {
        let id = request_id.trim();
        match t {
            Some(t) => self.get(routes::DIAGNOSE_REQUEST, &[&t.id, id], &NO_QUERY),
            None => self.get(routes::DIAGNOSE_REQUEST_ANY, &[id], &NO_QUERY),
        }
    }

    fn diagnose_tenant(&self, t: &Tenant) -> Result<TenantDiagnosis> {
        self.get(routes::DIAGNOSE_TENANT, &[&t.id], &NO_QUERY)
    }

    fn log_records(&self, q: &LogQuery) -> Result<Vec<LogRecord>> {
        let (route, args) = Self::log_route(q);
        self.get(route, &args, &LogParams::new(q, false))
    }

    /// One streaming response of JSON lines: the records `q` selects, then
    /// each new one; blank lines are the server's keep-alive.
    fn follow_log(&self, q: &LogQuery, each: &mut OnRecords<'_>) -> Result<()> {
        let (route, args) = Self::log_route(q);
        let req = self.request(route, &args, &LogParams::new(q, true))?;
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
                    batch.push(serde_json::from_slice::<LogRecord>(line).map_err(|e| {
                        BackendError::Remote(RemoteError::BadAnswer {
                            server: self.server.clone(),
                            detail: format!("a log line is not a record: {e}"),
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

impl Remote {
    fn tenant_info(&self, key: &str) -> Result<TenantInfo> {
        let d: TenantDetail = self.get(routes::TENANT_SHOW, &[key], &NO_QUERY)?;
        Ok(d.tenant)
    }
}
