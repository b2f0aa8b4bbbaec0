//! The admin API under `/admin/v1`: every CLI command that reads or changes
//! state, as JSON over HTTP, authenticated by an admin key
//! (`Authorization: Bearer scimadm_…`, see `engine::admin_keys`). Each
//! endpoint returns exactly what the CLI's `--output json` prints for the
//! same command (the same engine result types), and each error carries the
//! CLI's message, reason code and hint (`EngineError::hint`). A key scoped
//! to one tenant gets 404 for any other tenant, as if it did not exist.
//! Every action runs as the actor `admin:<key name>`, so the audit trail
//! names the key.
//!
//! Each handler calls the same engine method the CLI's local backend
//! calls, so a remote command's output cannot drift from a local one's;
//! routes, bodies and queries are the contract's (`api::admin`), which the
//! remote backend (`backend::Remote`) builds its requests from. The only
//! streaming answer is `log?follow=true`: JSON lines, the records the query
//! selects and then each new one, with a blank keep-alive line while
//! nothing happens.

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::rejection::QueryRejection;
use axum::extract::{FromRequestParts, OriginalUri, Path, Query, State};
use axum::handler::Handler;
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodFilter, MethodRouter, on};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::time::Duration;

use super::limits::{self, BodyError, Refusal};
use super::{AppState, RequestId};
use crate::api::admin::{
    AddUser, Assign, ErrorBody, GroupShowQuery, KeyInfo, LogParams, Method, Named, NewTenant,
    Regenerate, Revoke, Route, SetPolicy, UsersQuery, Verify,
};
use crate::engine::admin::users::NewMember;
use crate::engine::admin_keys::AdminGrant;
use crate::engine::log::{LogQuery, LogRecord};
use crate::engine::model::Tenant;
use crate::engine::tokens::Secret;
use crate::engine::views::{FOLLOW_EVERY, Issue, TenantDeleted, TenantUrl};
use crate::engine::{Engine, EngineError, ErrorKind, mapping};

pub use crate::api::admin::PREFIX;

/// The routes, each from the contract's table (path and method), so the
/// client cannot call a path or method the server does not route.
pub fn routes() -> Router<AppState> {
    use crate::api::admin::routes as r;
    let table = [
        at(r::WHOAMI, whoami),
        at(r::TENANT_LIST, tenant_list),
        at(r::TENANT_CREATE, tenant_create),
        at(r::TENANT_SHOW, tenant_show),
        at(r::TENANT_DELETE, tenant_delete),
        at(r::SCIM_ENABLE, scim_enable),
        at(r::SCIM_DISABLE, scim_disable),
        at(r::SCIM_STATUS, scim_status),
        at(r::SCIM_POLICY, scim_policy),
        at(r::URL, url),
        at(r::TOKEN_GENERATE, token_generate),
        at(r::TOKEN_REGENERATE, token_regenerate),
        at(r::TOKEN_REVOKE, token_revoke),
        at(r::TOKEN_STATUS, token_status),
        at(r::TOKEN_VERIFY, token_verify),
        at(r::USERS_LIST, users_list),
        at(r::USERS_ADD, users_add),
        at(r::USERS_SHOW, users_show),
        at(r::GROUPS_LIST, groups_list),
        at(r::GROUPS_CREATE, groups_create),
        at(r::GROUPS_SHOW, groups_show),
        at(r::GROUPS_ASSIGN, groups_assign),
        at(r::PROPERTIES_LIST, properties_list),
        at(r::PROPERTIES_ADD, properties_add),
        at(r::MAPPING_SHOW, mapping_show),
        at(r::DIAGNOSE_USER, diagnose_user),
        at(r::DIAGNOSE_REQUEST, diagnose_request),
        at(r::DIAGNOSE_TENANT, diagnose_tenant),
        at(r::DIAGNOSE_REQUEST_ANY, diagnose_request_any),
        at(r::LOG_TENANT, log_tenant),
        at(r::LOG_ALL, log_all),
    ];
    table
        .into_iter()
        // Two routes on one path (GET and POST /tenants) merge into one.
        .fold(Router::new(), |router, (path, handler)| {
            router.route(path, handler)
        })
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
}

/// `handler` at the route's path, for the route's method only.
fn at<H, T>(route: Route, handler: H) -> (&'static str, MethodRouter<AppState>)
where
    H: Handler<T, AppState>,
    T: 'static,
{
    let filter = match route.method {
        Method::Get => MethodFilter::GET,
        Method::Post => MethodFilter::POST,
        Method::Delete => MethodFilter::DELETE,
    };
    (route.path, on(filter, handler))
}

/// An admin API error: `{error, reason, hint}`, the CLI's wording.
#[derive(Debug)]
pub enum ApiError {
    Engine(EngineError),
    /// The request itself is malformed (what the CLI's parser would refuse).
    Request {
        status: StatusCode,
        reason: &'static str,
        message: String,
        hint: Option<&'static str>,
    },
    /// Refused by a limit (429, or 503 `store_busy`), with `Retry-After`.
    Limited(Refusal),
}

impl From<EngineError> for ApiError {
    fn from(e: EngineError) -> ApiError {
        ApiError::Engine(e)
    }
}

impl ApiError {
    fn invalid(message: String) -> ApiError {
        ApiError::Request {
            status: StatusCode::BAD_REQUEST,
            reason: "invalid_request",
            message,
            hint: Some("see the Admin API section of the README for each endpoint's parameters"),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.respond("")
    }
}

impl ApiError {
    /// The answer, with the request id in a store failure's text: its
    /// detail (paths, SQLite's words) goes to the server's stderr only.
    fn respond(self, request_id: &str) -> Response {
        let mut retry_after = None;
        let (status, kind, error, reason, hint) = match self {
            ApiError::Engine(e @ (EngineError::Store(_) | EngineError::Internal(_))) => {
                tracing::error!(request_id, error = %e, "admin API: store or internal failure");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    e.kind(),
                    format!(
                        "the server could not complete the request because of an internal storage problem (request {request_id})"
                    ),
                    e.reason(),
                    Some("retry later; the server's log has the detail under this request id"),
                )
            }
            ApiError::Engine(e) => {
                let status = StatusCode::from_u16(e.kind().http_status())
                    .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
                (status, e.kind(), e.to_string(), e.reason(), e.hint())
            }
            ApiError::Request {
                status,
                reason,
                message,
                hint,
            } => (
                status,
                ErrorKind::from_http_status(status.as_u16()),
                message,
                reason,
                hint,
            ),
            ApiError::Limited(r) => {
                retry_after = Some(r.retry_after_secs());
                let status = if r.reason == "store_busy" {
                    StatusCode::SERVICE_UNAVAILABLE
                } else {
                    StatusCode::TOO_MANY_REQUESTS
                };
                (
                    status,
                    ErrorKind::StoreUnavailable,
                    r.message,
                    r.reason,
                    Some("wait for the time in Retry-After, then retry"),
                )
            }
        };
        let body = error_body(kind, error, reason, hint);
        let mut res = json_response(status, body);
        if let Some(r) = retry_after {
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(r));
        }
        if status == StatusCode::UNAUTHORIZED {
            res.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"scimctl-admin\""),
            );
        }
        res
    }
}

/// An error answered before any admin handler runs (a rate limit, a
/// timeout, a panic), in this API's shape.
pub fn edge_error(
    status: StatusCode,
    reason: &'static str,
    message: &str,
    request_id: &str,
) -> Response {
    let kind = ErrorKind::from_http_status(status.as_u16());
    let body = error_body(
        kind,
        format!("{message} (request {request_id})"),
        reason,
        None,
    );
    json_response(status, body)
}

/// The contract's error body as JSON.
fn error_body(kind: ErrorKind, error: String, reason: &str, hint: Option<&str>) -> String {
    serde_json::to_string(&ErrorBody {
        error,
        reason: reason.to_owned(),
        kind: Some(kind),
        hint: hint.map(str::to_owned),
    })
    .unwrap_or_default()
}

/// A JSON answer. Every admin response is `no-store`: they carry tenant
/// data, and new tokens and keys.
fn json_response(status: StatusCode, body: String) -> Response {
    let mut res = (status, body).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// The bearer credential, client address, request id and declared body
/// length of an admin request.
pub struct Call {
    bearer: Option<Secret>,
    request_id: String,
    ip: Option<std::net::IpAddr>,
    content_length: Option<u64>,
}

impl<S: Send + Sync> FromRequestParts<S> for Call {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let bearer = super::bearer(&parts.headers);
        let request_id = parts
            .extensions
            .get::<RequestId>()
            .map(|r| r.id.clone())
            .unwrap_or_default();
        let ip = parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|c| c.0.ip());
        let content_length = limits::declared_length(&parts.headers);
        Ok(Call {
            bearer,
            request_id,
            ip,
            content_length,
        })
    }
}

/// What a handler gets: the engine acting as the key (every action is
/// audited as `admin:<key name>`), the settings its answers are built
/// with, and the key's scope.
pub struct Admin {
    pub engine: Engine,
    /// The public URL tenant URLs are built from (config `public_url`).
    pub public_url: String,
    /// Tokens older than this are flagged (config `token_max_age_days`).
    pub max_age_days: u32,
    pub grant: AdminGrant,
}

impl Admin {
    /// The tenant `key` (id or name) names, if this key may touch it; for a
    /// scoped key another tenant is "not found", exactly as a missing one.
    pub fn tenant(&self, key: &str) -> Result<Tenant, EngineError> {
        match self.engine.resolve_tenant(Some(key)) {
            Ok(t) if self.grant.allows(&t.id) => Ok(t),
            Ok(_) | Err(EngineError::TenantNotFound(_)) => {
                Err(EngineError::TenantNotFound(key.to_owned()))
            }
            Err(e) => Err(e),
        }
    }

    pub fn operator(&self) -> Result<(), EngineError> {
        match self.grant.tenant_id {
            None => Ok(()),
            Some(_) => Err(EngineError::OperatorKeyRequired),
        }
    }
}

/// Authenticates, then runs `f` on a blocking thread (the store is
/// synchronous) and answers its value as JSON with `status`.
async fn run<T, F>(st: AppState, call: Call, status: StatusCode, f: F) -> Response
where
    T: Serialize,
    F: FnOnce(&Admin) -> Result<T, ApiError> + Send + 'static,
{
    run_with_body(st, call, status, None, move |a, _| f(a)).await
}

/// The same for an endpoint that takes a body: it is read only once the
/// key has verified, and only up to the admin body limit.
async fn run_with_body<T, F>(
    st: AppState,
    call: Call,
    status: StatusCode,
    body: Option<Body>,
    f: F,
) -> Response
where
    T: Serialize,
    F: FnOnce(&Admin, &Bytes) -> Result<T, ApiError> + Send + 'static,
{
    let request_id = call.request_id.clone();
    let mut body = body;
    let answer = async {
        let admin = match as_admin(&st, &call).await {
            Ok(a) => a,
            Err(e) => {
                if let Some(b) = body.take() {
                    limits::discard(call.content_length, b).await;
                }
                return Err(e);
            }
        };
        let bytes = match body {
            Some(b) => {
                let l = &st.guard.limits;
                limits::read_body(call.content_length, b, l.admin_max_body, l.body_timeout)
                    .await
                    .map_err(body_error)?
            }
            None => Bytes::new(),
        };
        blocking(&st, &request_id, move || {
            let v = f(&admin, &bytes)?;
            // Serialised here, so a new token's text is dropped on this thread.
            serde_json::to_string(&v)
                .map_err(|e| internal(format!("cannot serialise the response: {e}")))
        })
        .await
    }
    .await;
    match answer {
        Ok(body) => json_response(status, body),
        Err(e) => e.respond(&request_id),
    }
}

fn body_error(e: BodyError) -> ApiError {
    let status = match e {
        BodyError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
        BodyError::Timeout { .. } => StatusCode::REQUEST_TIMEOUT,
        BodyError::Broken(_) => StatusCode::BAD_REQUEST,
    };
    ApiError::Request {
        status,
        reason: match e {
            BodyError::TooLarge { .. } => "payload_too_large",
            BodyError::Timeout { .. } => "body_timeout",
            BodyError::Broken(_) => "body_unreadable",
        },
        message: e.message(),
        hint: Some(
            "admin request bodies are small JSON objects; see the Admin API section of the README",
        ),
    }
}

/// Runs `f` on the blocking pool with a place among the store's jobs
/// (503 `store_busy` when none comes); a panic there is a 500.
async fn blocking<T, F>(st: &AppState, request_id: &str, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, ApiError> + Send + 'static,
{
    st.guard
        .store_job(f)
        .await
        .map_err(ApiError::Limited)?
        .unwrap_or_else(|e| {
            tracing::error!(request_id, error = %e, "admin handler failed");
            Err(internal("the request handler failed".into()))
        })
}

/// Authenticates the call's key (after its address's failed-attempt
/// budget), as the `Admin` handlers act through.
async fn as_admin(st: &AppState, call: &Call) -> Result<Admin, ApiError> {
    if let Some(ip) = call.ip {
        st.guard.check_auth_budget(ip).map_err(ApiError::Limited)?;
    }
    let (engine, bearer) = (st.engine.clone(), call.bearer.clone());
    let grant = blocking(st, &call.request_id, move || {
        Ok(engine.authenticate_admin(bearer.as_ref())?)
    })
    .await;
    let grant = match grant {
        Ok(g) => g,
        Err(e) => {
            if let (ApiError::Engine(EngineError::AdminKeyRejected(_)), Some(ip)) = (&e, call.ip) {
                st.guard.auth_failed(ip);
            }
            return Err(e);
        }
    };
    tracing::debug!(key = %grant.name, "admin request authenticated");
    Ok(admin_for(st, grant))
}

fn admin_for(st: &AppState, grant: AdminGrant) -> Admin {
    Admin {
        engine: st.engine.with_actor(&grant.actor()),
        public_url: st.public_url.to_string(),
        max_age_days: st.token_max_age_days,
        grant,
    }
}

fn internal(message: String) -> ApiError {
    ApiError::Engine(EngineError::Internal(message))
}

/// A JSON body; an empty body is `{}` (for the optional ones).
fn body<T: DeserializeOwned>(b: &Bytes) -> Result<T, ApiError> {
    let raw: &[u8] = if b.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        b
    };
    serde_json::from_slice(raw).map_err(|e| ApiError::invalid(format!("invalid JSON body: {e}")))
}

fn query<T>(q: Result<Query<T>, QueryRejection>) -> Result<T, ApiError> {
    q.map(|Query(v)| v)
        .map_err(|e| ApiError::invalid(format!("invalid query: {}", e.body_text())))
}

// ---- whoami, tenants -----------------------------------------------------------

/// The key the request was made with and its scope: what `login` records
/// about a key.
async fn whoami(State(st): State<AppState>, call: Call) -> Response {
    run(st, call, StatusCode::OK, |a| {
        Ok(KeyInfo {
            name: a.grant.name.clone(),
            tenant_id: a.grant.tenant_id.clone(),
        })
    })
    .await
}

async fn tenant_list(State(st): State<AppState>, call: Call) -> Response {
    run(st, call, StatusCode::OK, |a| {
        Ok(a.engine
            .tenant_infos(&a.public_url)?
            .into_iter()
            .filter(|t| a.grant.allows(&t.id))
            .collect::<Vec<_>>())
    })
    .await
}

async fn tenant_create(State(st): State<AppState>, call: Call, b: Body) -> Response {
    run_with_body(st, call, StatusCode::CREATED, Some(b), move |a, b| {
        a.operator()?;
        let req: NewTenant = body(b)?;
        Ok(a.engine
            .create_tenant_info(&req.name, req.id.as_deref(), req.policy, &a.public_url)?)
    })
    .await
}

async fn tenant_show(State(st): State<AppState>, call: Call, Path(t): Path<String>) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        let t = a.tenant(&t)?;
        Ok(a.engine.tenant_detail(&t, &a.public_url)?)
    })
    .await
}

/// The DELETE is the confirmation the CLI asks for with `--yes`. Only an
/// operator key deletes a tenant (a scoped key would cut its own branch).
async fn tenant_delete(State(st): State<AppState>, call: Call, Path(t): Path<String>) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        let t = a.tenant(&t)?;
        a.operator()?;
        a.engine.delete_tenant(&t)?;
        Ok(TenantDeleted { deleted: t.id })
    })
    .await
}

// ---- scim, url -------------------------------------------------------------

async fn scim_enable(State(st): State<AppState>, call: Call, Path(t): Path<String>) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        Ok(a.engine.set_scim_enabled(&a.tenant(&t)?, true)?)
    })
    .await
}

async fn scim_disable(State(st): State<AppState>, call: Call, Path(t): Path<String>) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        Ok(a.engine.set_scim_enabled(&a.tenant(&t)?, false)?)
    })
    .await
}

async fn scim_status(State(st): State<AppState>, call: Call, Path(t): Path<String>) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        let t = a.tenant(&t)?;
        Ok(a.engine.scim_status(&t, &a.public_url, a.max_age_days)?)
    })
    .await
}

async fn scim_policy(
    State(st): State<AppState>,
    call: Call,
    Path(t): Path<String>,
    b: Body,
) -> Response {
    run_with_body(st, call, StatusCode::OK, Some(b), move |a, b| {
        let t = a.tenant(&t)?;
        let req: SetPolicy = body(b)?;
        Ok(a.engine.policy_set(&t, req.policy)?)
    })
    .await
}

async fn url(State(st): State<AppState>, call: Call, Path(t): Path<String>) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        Ok(TenantUrl::new(&a.public_url, &a.tenant(&t)?))
    })
    .await
}

// ---- token -----------------------------------------------------------------

async fn token_generate(State(st): State<AppState>, call: Call, Path(t): Path<String>) -> Response {
    run(st, call, StatusCode::CREATED, move |a| {
        Ok(a.engine
            .issue_token(&a.tenant(&t)?, Issue::Generate, &a.public_url)?)
    })
    .await
}

async fn token_regenerate(
    State(st): State<AppState>,
    call: Call,
    Path(t): Path<String>,
    b: Body,
) -> Response {
    run_with_body(st, call, StatusCode::CREATED, Some(b), move |a, b| {
        let t = a.tenant(&t)?;
        let req: Regenerate = body(b)?;
        let grace = req.grace()?;
        Ok(a.engine
            .issue_token(&t, Issue::Regenerate { grace }, &a.public_url)?)
    })
    .await
}

async fn token_revoke(
    State(st): State<AppState>,
    call: Call,
    Path(t): Path<String>,
    b: Body,
) -> Response {
    run_with_body(st, call, StatusCode::OK, Some(b), move |a, b| {
        let t = a.tenant(&t)?;
        let req: Revoke = body(b)?;
        Ok(a.engine.revoke_tokens(&t, req.previous)?)
    })
    .await
}

/// `token verify`: 200 with `valid` either way, as the CLI prints it (the
/// CLI's exit code follows from `valid`).
async fn token_verify(
    State(st): State<AppState>,
    call: Call,
    Path(t): Path<String>,
    b: Body,
) -> Response {
    run_with_body(st, call, StatusCode::OK, Some(b), move |a, b| {
        let t = a.tenant(&t)?;
        let req: Verify = body(b)?;
        let presented = Secret::new(req.token);
        Ok(a.engine.verify_token(&t, &presented)?)
    })
    .await
}

async fn token_status(State(st): State<AppState>, call: Call, Path(t): Path<String>) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        Ok(a.engine.token_status(&a.tenant(&t)?, a.max_age_days)?)
    })
    .await
}

// ---- users -----------------------------------------------------------------

async fn users_list(
    State(st): State<AppState>,
    call: Call,
    Path(t): Path<String>,
    q: Result<Query<UsersQuery>, QueryRejection>,
) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        let t = a.tenant(&t)?;
        let q = query(q)?;
        Ok(a.engine.list_members(&t, &q.into_member_query()?)?)
    })
    .await
}

async fn users_show(
    State(st): State<AppState>,
    call: Call,
    Path((t, email)): Path<(String, String)>,
) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        Ok(a.engine.member_facts(&a.tenant(&t)?, &email)?)
    })
    .await
}

async fn users_add(
    State(st): State<AppState>,
    call: Call,
    Path(t): Path<String>,
    b: Body,
) -> Response {
    run_with_body(st, call, StatusCode::CREATED, Some(b), move |a, b| {
        let t = a.tenant(&t)?;
        let req: AddUser = body(b)?;
        Ok(a.engine.add_member(
            &t,
            &NewMember {
                email: &req.email,
                given_name: &req.given_name,
                family_name: &req.family_name,
                central: req.central,
            },
        )?)
    })
    .await
}

// ---- groups, properties ------------------------------------------------------

async fn groups_list(State(st): State<AppState>, call: Call, Path(t): Path<String>) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        Ok(a.engine.groups(&a.tenant(&t)?)?)
    })
    .await
}

async fn groups_show(
    State(st): State<AppState>,
    call: Call,
    Path((t, group)): Path<(String, String)>,
    q: Result<Query<GroupShowQuery>, QueryRejection>,
) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        let t = a.tenant(&t)?;
        let limit = query(q)?.limit();
        Ok(a.engine.group_detail(&t, &group, limit)?)
    })
    .await
}

async fn groups_create(
    State(st): State<AppState>,
    call: Call,
    Path(t): Path<String>,
    b: Body,
) -> Response {
    run_with_body(st, call, StatusCode::CREATED, Some(b), move |a, b| {
        let t = a.tenant(&t)?;
        let req: Named = body(b)?;
        Ok(a.engine.create_group(&t, &req.name)?)
    })
    .await
}

async fn groups_assign(
    State(st): State<AppState>,
    call: Call,
    Path((t, group)): Path<(String, String)>,
    b: Body,
) -> Response {
    run_with_body(st, call, StatusCode::OK, Some(b), move |a, b| {
        let t = a.tenant(&t)?;
        let req: Assign = body(b)?;
        Ok(a.engine.assign_group(&t, &group, &req.into())?)
    })
    .await
}

async fn properties_list(
    State(st): State<AppState>,
    call: Call,
    Path(t): Path<String>,
) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        Ok(a.engine.properties(&a.tenant(&t)?)?)
    })
    .await
}

async fn properties_add(
    State(st): State<AppState>,
    call: Call,
    Path(t): Path<String>,
    b: Body,
) -> Response {
    run_with_body(st, call, StatusCode::CREATED, Some(b), move |a, b| {
        let t = a.tenant(&t)?;
        let req: Named = body(b)?;
        Ok(a.engine.add_property(&t, &req.name)?)
    })
    .await
}

// ---- mapping, diagnose, log ----------------------------------------------------

async fn mapping_show(State(st): State<AppState>, call: Call) -> Response {
    run(st, call, StatusCode::OK, |_| Ok(mapping::supported())).await
}

async fn diagnose_user(
    State(st): State<AppState>,
    call: Call,
    Path((t, email)): Path<(String, String)>,
) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        Ok(a.engine.diagnose_user(&a.tenant(&t)?, &email)?)
    })
    .await
}

async fn diagnose_request(
    State(st): State<AppState>,
    call: Call,
    Path((t, id)): Path<(String, String)>,
) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        Ok(a.engine.diagnose_request_of(Some(&a.tenant(&t)?), &id)?)
    })
    .await
}

/// Any tenant's request: operator keys only (a scoped key asks under its
/// tenant).
async fn diagnose_request_any(
    State(st): State<AppState>,
    call: Call,
    Path(id): Path<String>,
) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        a.operator()?;
        Ok(a.engine.diagnose_request_of(None, &id)?)
    })
    .await
}

async fn diagnose_tenant(
    State(st): State<AppState>,
    call: Call,
    Path(t): Path<String>,
) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        Ok(a.engine.diagnose_tenant(&a.tenant(&t)?, a.max_age_days)?)
    })
    .await
}

async fn log_tenant(
    State(st): State<AppState>,
    call: Call,
    Path(t): Path<String>,
    q: Result<Query<LogParams>, QueryRejection>,
) -> Response {
    log(st, call, Some(t), q).await
}

/// Every tenant's requests: operator keys only.
async fn log_all(
    State(st): State<AppState>,
    call: Call,
    q: Result<Query<LogParams>, QueryRejection>,
) -> Response {
    log(st, call, None, q).await
}

async fn log(
    st: AppState,
    call: Call,
    tenant: Option<String>,
    q: Result<Query<LogParams>, QueryRejection>,
) -> Response {
    let params = match query(q) {
        Ok(p) => p,
        Err(e) => return e.respond(&call.request_id),
    };
    let following = params.follow;
    // The key's scope and the query; a follow settles them again on every
    // poll, so a revoked key or a deleted tenant ends its stream.
    let scoped = move |a: &Admin| -> Result<LogQuery, ApiError> {
        let tenant_id = match &tenant {
            Some(t) => Some(a.tenant(t)?.id),
            None => {
                a.operator()?;
                None
            }
        };
        Ok(params.log_query(tenant_id)?)
    };
    if !following {
        return run(st, call, StatusCode::OK, move |a| {
            Ok(a.engine.log_records(&scoped(a)?)?)
        })
        .await;
    }
    follow(st, call, scoped).await
}

/// The longest a followed log stays silent (a blank line then tells the
/// client the stream is alive); it polls, and checks the key again, every
/// `FOLLOW_EVERY`.
const KEEP_ALIVE: Duration = Duration::from_secs(10);

/// JSON lines of records, newest last.
fn lines(records: &[LogRecord]) -> String {
    let mut out = String::new();
    for r in records {
        if let Ok(l) = serde_json::to_string(r) {
            out.push_str(&l);
            out.push('\n');
        }
    }
    out
}

/// `log?follow=true`: the first answer as any other (errors included),
/// then a task that polls the log and writes new records until the client
/// goes away, the server shuts down, or the key or tenant stops being
/// valid (checked on every poll). A key has at most
/// `max_follow_streams_per_key` streams open.
async fn follow<F>(st: AppState, call: Call, scoped: F) -> Response
where
    F: Fn(&Admin) -> Result<LogQuery, ApiError> + Send + Sync + 'static,
{
    let request_id = call.request_id.clone();
    let mut shutdown = st.shutdown.clone();
    let scoped = std::sync::Arc::new(scoped);
    let start = async {
        let admin = as_admin(&st, &call).await?;
        let slot = st
            .guard
            .follow_slot(&admin.grant.name)
            .ok_or_else(|| ApiError::Request {
                status: StatusCode::TOO_MANY_REQUESTS,
                reason: "too_many_streams",
                message: format!(
                    "this admin key already has {} log streams open",
                    st.guard.limits.max_follow_streams_per_key
                ),
                hint: Some("close another 'scimctl log --follow' of this key first"),
            })?;
        let sc = scoped.clone();
        let (q, records, last) = blocking(&st, &request_id, move || {
            let q = sc(&admin)?;
            let (records, last) = admin.engine.log_follow_start(&q)?;
            Ok((q, records, last))
        })
        .await?;
        Ok::<_, ApiError>((slot, q, lines(&records), last))
    }
    .await;
    let (slot, mut q, first, mut last) = match start {
        Ok(s) => s,
        Err(e) => return e.respond(&request_id),
    };
    let (tx, rx) = tokio::sync::mpsc::channel::<Bytes>(8);
    let bearer = call.bearer.clone();
    tokio::spawn(async move {
        let _slot = slot;
        if tx.send(Bytes::from(first)).await.is_err() {
            return;
        }
        let mut quiet = Duration::ZERO;
        loop {
            tokio::select! {
                _ = tokio::time::sleep(FOLLOW_EVERY) => {}
                _ = shutdown.wait_for(|stop| *stop) => return,
            }
            let (st2, bearer2, sc) = (st.clone(), bearer.clone(), scoped.clone());
            let (q2, mut at) = (q.clone(), last);
            // A poll waits its turn among the store's jobs like a request;
            // a busy store only delays it to the next poll.
            let polled = st
                .guard
                .store_job(move || {
                    // The key and its scope again: revoked, or its tenant
                    // deleted, and the stream ends here.
                    let grant = st2.engine.authenticate_admin(bearer2.as_ref())?;
                    let admin = admin_for(&st2, grant);
                    let fresh = sc(&admin)?;
                    let q = LogQuery {
                        since: q2.since,
                        ..fresh
                    };
                    let new = admin.engine.log_follow_next(&q, &mut at)?;
                    Ok::<_, ApiError>((q, new, at))
                })
                .await;
            let new = match polled {
                Err(_busy) => continue,
                Ok(Ok(Ok((fresh, new, at)))) => {
                    q = fresh;
                    last = at;
                    new
                }
                Ok(Ok(Err(err))) => {
                    tracing::info!(error = ?err, "log follow: the key or its scope is no longer valid; the stream ends");
                    return;
                }
                Ok(Err(_panicked)) => return,
            };
            let chunk = match new.is_empty() {
                false => {
                    quiet = Duration::ZERO;
                    lines(&new)
                }
                true if quiet >= KEEP_ALIVE => {
                    quiet = Duration::ZERO;
                    "\n".to_owned()
                }
                true => {
                    quiet += FOLLOW_EVERY;
                    continue;
                }
            };
            // The client has gone when its end of the stream is dropped.
            if tx.send(Bytes::from(chunk)).await.is_err() {
                return;
            }
        }
    });
    let mut res = Response::new(axum::body::Body::from_stream(Lines(rx)));
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/x-ndjson"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// The follow task's chunks as a body stream.
struct Lines(tokio::sync::mpsc::Receiver<Bytes>);

impl futures_core::Stream for Lines {
    type Item = Result<Bytes, std::convert::Infallible>;

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        self.0.poll_recv(cx).map(|c| c.map(Ok))
    }
}
// ---- fallbacks ----------------------------------------------------------------

/// Also mounted at `/admin/v1/` itself, which a nested router's fallback
/// does not see.
pub async fn not_found(OriginalUri(uri): OriginalUri, call: Call, body: Body) -> Response {
    limits::discard(call.content_length, body).await;
    ApiError::Request {
        status: StatusCode::NOT_FOUND,
        reason: "not_found",
        message: format!("no admin API endpoint at {}", uri.path()),
        hint: Some("the endpoints are listed in the Admin API section of the README"),
    }
    .into_response()
}

async fn method_not_allowed(OriginalUri(uri): OriginalUri, call: Call, body: Body) -> Response {
    limits::discard(call.content_length, body).await;
    ApiError::Request {
        status: StatusCode::METHOD_NOT_ALLOWED,
        reason: "method_not_allowed",
        message: format!("{} does not take this method", uri.path()),
        hint: Some("the endpoints are listed in the Admin API section of the README"),
    }
    .into_response()
}
