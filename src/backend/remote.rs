//! The backend over a remote `scimctl serve`'s admin API (`/admin/v1`):
//! each call is one HTTPS request with the admin key as a bearer token,
//! answered with the same JSON the CLI prints, and errors carrying the
//! CLI's message and hint. `log --follow` is one streaming response.

use reqwest::{Method, Url};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::json;

use super::{Backend, BackendError, Issue, OnRecords, Result};
use crate::credentials::server;
use crate::engine::diagnose::{RequestDiagnosis, TenantDiagnosis, UserDiagnosis};
use crate::engine::groups::{AssignRequest, GroupDetail, GroupInfo, PropertyInfo};
use crate::engine::log::{LogQuery, LogRecord};
use crate::engine::members::{MemberPage, MemberQuery, UserFacts};
use crate::engine::model::{Policy, Tenant};
use crate::engine::tenants::{ScimSwitch, TenantDetail, TenantInfo, only_tenant};
use crate::engine::tokens::{IssuedTokenView, Secret, TokenCheck, TokenStatus};
use crate::engine::users::{MemberAdded, NewMember};
use crate::engine::views::{PolicySet, RevokedTokens, ScimStatus, TenantUrl};
use crate::error::{CliError, exit};

/// What went wrong talking to the server.
#[derive(Debug, thiserror::Error)]
pub enum RemoteError {
    /// The server refused the request: its own message, reason and hint.
    #[error("{message}")]
    Api {
        status: u16,
        reason: String,
        message: String,
        hint: Option<String>,
    },
    /// No answer: refused, timed out, TLS failed.
    #[error("cannot reach the server {server}: {detail}")]
    Unreachable { server: String, detail: String },
    /// An answer that is not the admin API's.
    #[error("{server} did not answer as a scimctl admin API: {detail}")]
    BadAnswer { server: String, detail: String },
}

impl RemoteError {
    /// The exit code a local command gives for the same failure: the HTTP
    /// status is the engine's error kind (see `ErrorKind::http_status`).
    pub fn exit_code(&self) -> u8 {
        match self {
            RemoteError::Api { status, .. } => match status {
                400 => exit::INVALID,
                401 => exit::AUTH,
                403 => exit::FORBIDDEN,
                404 => exit::NOT_FOUND,
                409 | 412 => exit::CONFLICT,
                413 => exit::INVALID,
                // Refused by a limit, or busy: nothing was done; retry later.
                429 | 503 => exit::STORE,
                _ => exit::INTERNAL,
            },
            RemoteError::Unreachable { .. } => exit::STORE,
            RemoteError::BadAnswer { .. } => exit::INTERNAL,
        }
    }

    pub fn hint(&self) -> Option<String> {
        match self {
            RemoteError::Api { hint, .. } => hint.clone(),
            RemoteError::Unreachable { .. } => Some(
                "check the server URL (--server, SCIMCTL_SERVER or the profile), that 'scimctl serve' runs there, and the profile's CA file for a private CA".into(),
            ),
            RemoteError::BadAnswer { .. } => Some(
                "check that the URL is the server's origin (e.g. https://scim.example.com), not a tenant URL".into(),
            ),
        }
    }
}

/// The admin API's error body.
#[derive(serde::Deserialize)]
struct ErrorBody {
    error: String,
    reason: String,
    hint: Option<String>,
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
    ) -> std::result::Result<Remote, CliError> {
        let base = server::check_transport(server).map_err(CliError::Usage)?;
        let http = server::client(ca_file).map_err(CliError::Usage)?;
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("scimctl-remote")
            .enable_all()
            .build()?;
        Ok(Remote {
            server: server.trim_end_matches('/').to_owned(),
            base,
            key,
            http,
            rt,
        })
    }

    /// `{server}/admin/v1/{segments…}?{query}`, each part percent-encoded.
    fn url(&self, segments: &[&str], query: &[(&str, String)]) -> Url {
        let mut url = self.base.clone();
        if let Ok(mut p) = url.path_segments_mut() {
            p.pop_if_empty().extend(["admin", "v1"]).extend(segments);
        }
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        url
    }

    fn unreachable(&self, e: &reqwest::Error) -> RemoteError {
        RemoteError::Unreachable {
            server: self.server.clone(),
            detail: server::chain(e),
        }
    }

    fn request(
        &self,
        method: Method,
        segments: &[&str],
        query: &[(&str, String)],
    ) -> reqwest::RequestBuilder {
        self.http
            .request(method, self.url(segments, query))
            .bearer_auth(self.key.expose())
    }

    /// Sends, and turns a refusal into the server's error.
    async fn send(&self, req: reqwest::RequestBuilder) -> Result<reqwest::Response> {
        let res = req.send().await.map_err(|e| self.unreachable(&e))?;
        if res.status().is_success() {
            return Ok(res);
        }
        let status = res.status();
        let body = res.bytes().await.map_err(|e| self.unreachable(&e))?;
        Err(match serde_json::from_slice::<ErrorBody>(&body) {
            Ok(b) => RemoteError::Api {
                status: status.as_u16(),
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

    fn call<T: DeserializeOwned>(
        &self,
        method: Method,
        segments: &[&str],
        query: &[(&str, String)],
        body: Option<serde_json::Value>,
    ) -> Result<T> {
        self.rt.block_on(async {
            let mut req = self.request(method, segments, query);
            if let Some(b) = body {
                req = req.json(&b);
            }
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

    fn get<T: DeserializeOwned>(&self, segments: &[&str], query: &[(&str, String)]) -> Result<T> {
        self.call(Method::GET, segments, query, None)
    }

    fn post<T: DeserializeOwned, B: Serialize>(&self, segments: &[&str], body: &B) -> Result<T> {
        let body = serde_json::to_value(body).map_err(|e| RemoteError::BadAnswer {
            server: self.server.clone(),
            detail: format!("cannot encode the request: {e}"),
        })?;
        self.call(Method::POST, segments, &[], Some(body))
    }

    /// The log route and query for `q`: a tenant's log, or every tenant's
    /// (operator keys only).
    fn log_target(q: &LogQuery) -> (Vec<&str>, Vec<(&'static str, String)>) {
        let segments = match &q.tenant_id {
            Some(t) => vec!["tenants", t.as_str(), "log"],
            None => vec!["log"],
        };
        let mut query = vec![("limit", q.limit.to_string())];
        if q.errors_only {
            query.push(("errors", "true".into()));
        }
        if let Some(u) = &q.user_email {
            query.push(("user", u.clone()));
        }
        if let Some(r) = &q.request_id {
            query.push(("request", r.clone()));
        }
        if let Some(s) = q.since
            && let Ok(s) = s.format(&time::format_description::well_known::Rfc3339)
        {
            query.push(("since", s));
        }
        if let Some(a) = q.after_seq {
            query.push(("after", a.to_string()));
        }
        (segments, query)
    }
}

impl Backend for Remote {
    fn location(&self) -> String {
        format!("server {}", self.server)
    }

    fn tenants(&self) -> Result<Vec<TenantInfo>> {
        self.get(&["tenants"], &[])
    }

    fn create_tenant(&self, name: &str, id: Option<&str>, policy: Policy) -> Result<TenantInfo> {
        self.post(
            &["tenants"],
            &json!({"name": name, "id": id, "policy": policy}),
        )
    }

    fn resolve_tenant(&self, key: Option<&str>) -> Result<Tenant> {
        let info = match key {
            Some(k) => self.tenant_info(k)?,
            None => only_tenant(self.tenants()?)?,
        };
        Ok(info.into_tenant())
    }

    fn tenant_detail(&self, t: &Tenant) -> Result<TenantDetail> {
        self.get(&["tenants", &t.id], &[])
    }

    fn delete_tenant(&self, t: &Tenant) -> Result<()> {
        let _: serde_json::Value = self.call(Method::DELETE, &["tenants", &t.id], &[], None)?;
        Ok(())
    }

    fn set_scim_enabled(&self, t: &Tenant, on: bool) -> Result<ScimSwitch> {
        let verb = if on { "enable" } else { "disable" };
        self.post(&["tenants", &t.id, "scim", verb], &json!({}))
    }

    fn set_policy(&self, t: &Tenant, policy: Policy) -> Result<PolicySet> {
        self.post(
            &["tenants", &t.id, "scim", "policy"],
            &json!({"policy": policy}),
        )
    }

    fn scim_status(&self, t: &Tenant) -> Result<ScimStatus> {
        self.get(&["tenants", &t.id, "scim", "status"], &[])
    }

    fn tenant_url(&self, t: &Tenant) -> Result<TenantUrl> {
        self.get(&["tenants", &t.id, "url"], &[])
    }

    fn issue_token(&self, t: &Tenant, how: Issue) -> Result<IssuedTokenView> {
        match how {
            Issue::Generate => self.post(&["tenants", &t.id, "token", "generate"], &json!({})),
            Issue::Regenerate { grace } => {
                // The server takes the grace as the CLI does: whole seconds.
                let grace = grace.map(|g| format!("{}s", g.whole_seconds()));
                self.post(
                    &["tenants", &t.id, "token", "regenerate"],
                    &json!({"grace": grace}),
                )
            }
        }
    }

    fn revoke_token(&self, t: &Tenant, previous: bool) -> Result<RevokedTokens> {
        self.post(
            &["tenants", &t.id, "token", "revoke"],
            &json!({"previous": previous}),
        )
    }

    fn token_status(&self, t: &Tenant) -> Result<TokenStatus> {
        self.get(&["tenants", &t.id, "token", "status"], &[])
    }

    fn verify_token(&self, t: &Tenant, presented: &Secret) -> Result<TokenCheck> {
        self.post(
            &["tenants", &t.id, "token", "verify"],
            &json!({"token": presented.expose()}),
        )
    }

    fn add_member(&self, t: &Tenant, m: &NewMember<'_>) -> Result<MemberAdded> {
        self.post(
            &["tenants", &t.id, "users"],
            &json!({
                "email": m.email,
                "given_name": m.given_name,
                "family_name": m.family_name,
                "central": m.central,
            }),
        )
    }

    fn list_members(&self, t: &Tenant, q: &MemberQuery) -> Result<MemberPage> {
        let mut query = vec![("limit", q.limit.to_string())];
        if let Some(m) = q.managed_by {
            query.push(("managed_by", m.as_str().into()));
        }
        if q.pending_transfer {
            query.push(("pending_transfer", "true".into()));
        }
        if q.inactive {
            query.push(("inactive", "true".into()));
        }
        if let Some(s) = &q.search {
            query.push(("search", s.clone()));
        }
        if let Some(a) = &q.after {
            query.push(("after", a.clone()));
        }
        self.get(&["tenants", &t.id, "users"], &query)
    }

    fn member_facts(&self, t: &Tenant, email: &str) -> Result<UserFacts> {
        self.get(&["tenants", &t.id, "users", email], &[])
    }

    fn groups(&self, t: &Tenant) -> Result<Vec<GroupInfo>> {
        self.get(&["tenants", &t.id, "groups"], &[])
    }

    fn create_group(&self, t: &Tenant, name: &str) -> Result<GroupInfo> {
        self.post(&["tenants", &t.id, "groups"], &json!({"name": name}))
    }

    fn assign_group(&self, t: &Tenant, group: &str, a: &AssignRequest) -> Result<GroupInfo> {
        self.post(
            &["tenants", &t.id, "groups", group, "assign"],
            &json!({
                "properties": a.properties,
                "roles": a.roles,
                "permissions": a.permissions,
            }),
        )
    }

    fn group_detail(&self, t: &Tenant, group: &str, limit: usize) -> Result<GroupDetail> {
        self.get(
            &["tenants", &t.id, "groups", group],
            &[("limit", limit.to_string())],
        )
    }

    fn properties(&self, t: &Tenant) -> Result<Vec<PropertyInfo>> {
        self.get(&["tenants", &t.id, "properties"], &[])
    }

    fn add_property(&self, t: &Tenant, name: &str) -> Result<PropertyInfo> {
        self.post(&["tenants", &t.id, "properties"], &json!({"name": name}))
    }

    fn diagnose_user(&self, t: &Tenant, email: &str) -> Result<UserDiagnosis> {
        self.get(&["tenants", &t.id, "diagnose", "user", email], &[])
    }

    fn diagnose_request(&self, t: Option<&Tenant>, request_id: &str) -> Result<RequestDiagnosis> {
        match t {
            Some(t) => self.get(
                &["tenants", &t.id, "diagnose", "request", request_id.trim()],
                &[],
            ),
            None => self.get(&["diagnose", "request", request_id.trim()], &[]),
        }
    }

    fn diagnose_tenant(&self, t: &Tenant) -> Result<TenantDiagnosis> {
        self.get(&["tenants", &t.id, "diagnose", "tenant"], &[])
    }

    fn log_records(&self, q: &LogQuery) -> Result<Vec<LogRecord>> {
        let (segments, query) = Self::log_target(q);
        self.get(&segments, &query)
    }

    /// One streaming response of JSON lines: the records `q` selects, then
    /// each new one; blank lines are the server's keep-alive.
    fn follow_log(
        &self,
        q: &LogQuery,
        each: &mut OnRecords<'_>,
    ) -> std::result::Result<(), CliError> {
        let (segments, mut query) = Self::log_target(q);
        query.push(("follow", "true".into()));
        self.rt.block_on(async {
            let mut res = self
                .send(self.request(Method::GET, &segments, &query))
                .await?;
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
                if !batch.is_empty() {
                    each(batch)?;
                }
            }
            Ok(())
        })
    }
}

impl Remote {
    fn tenant_info(&self, key: &str) -> Result<TenantInfo> {
        let d: TenantDetail = self.get(&["tenants", key], &[])?;
        Ok(d.tenant)
    }
}
