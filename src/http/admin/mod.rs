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
//! Every command is a contract type (`api::admin::Command`) served by one
//! generic handler that runs the same `Command::run` the CLI's local
//! backend runs, so a remote command's output cannot drift from a local
//! one's; routes, bodies and queries are the contract's, which the remote
//! backend (`backend::Remote`) builds its requests from. The only
//! streaming answer is `log?follow=true`: JSON lines, the records the query
//! selects and then each new one, with a blank keep-alive line while
//! nothing happens.
//!
//! This file holds what every endpoint shares (the route table, the
//! generic command handler, the key check, the error body, the runner that
//! moves store work off the async workers); the few handlers written by
//! hand sit in `whoami.rs`, `mapping.rs` and `log.rs`.

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::rejection::QueryRejection;
use axum::extract::{FromRequestParts, OriginalUri, Path, Query, RawQuery, State};
use axum::handler::Handler;
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodFilter, MethodRouter, on};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::limits::{self, BodyError, Refusal};
use super::{AppState, RequestId};
use crate::api::admin::{Caller, Command, Ctx, ErrorBody, Input, Method, Route};
use crate::engine::admin_keys::AdminGrant;
use crate::engine::tokens::Secret;
use crate::engine::{Engine, EngineError, ErrorKind};

mod follow;
mod mapping;
mod whoami;

pub use crate::api::admin::PREFIX;

/// The routes, each from the contract's table (path and method), so the
/// client cannot call a path or method the server does not route. Every
/// command is one line, `at::<C>()`; only `whoami`, `mapping show` and
/// the log (whose `follow=true` answer is a stream) are written by hand.
pub fn routes() -> Router<AppState> {
    use crate::api::admin::routes as r;
    use crate::api::admin::{
        diagnose, directory, events, groups, invitations, log, properties, scim, tenant, token,
        url, users, webhook,
    };
    let table = [
        route(r::WHOAMI, whoami::whoami),
        at::<tenant::List>(),
        at::<tenant::Create>(),
        at::<tenant::Show>(),
        at::<tenant::Delete>(),
        at::<scim::Enable>(),
        at::<scim::Disable>(),
        at::<scim::Status>(),
        at::<scim::SetPolicy>(),
        at::<scim::GuardShow>(),
        at::<scim::GuardSet>(),
        at::<scim::GuardApprove>(),
        at::<scim::GuardReject>(),
        at::<scim::GuardReset>(),
        at::<url::Url>(),
        at::<token::Generate>(),
        at::<token::Regenerate>(),
        at::<token::Revoke>(),
        at::<token::Status>(),
        at::<token::Verify>(),
        at::<users::List>(),
        at::<users::Add>(),
        at::<users::Show>(),
        at::<groups::List>(),
        at::<groups::Create>(),
        at::<groups::Show>(),
        at::<groups::Assign>(),
        at::<properties::List>(),
        at::<properties::Add>(),
        route(r::MAPPING_SHOW, mapping::mapping_show),
        at::<diagnose::User>(),
        at::<diagnose::Request>(),
        at::<diagnose::Tenant>(),
        at::<diagnose::RequestAny>(),
        at::<directory::Move>(),
        at::<invitations::List>(),
        at::<invitations::Resend>(),
        at::<invitations::Redeem>(),
        follow::streamed::<log::Tenant>(),
        follow::streamed::<log::All>(),
        follow::streamed::<events::Tenant>(),
        follow::streamed::<events::All>(),
        at::<webhook::List>(),
        at::<webhook::Add>(),
        at::<webhook::Remove>(),
        at::<webhook::Enable>(),
        at::<webhook::Test>(),
        at::<webhook::Deliveries>(),
        at::<webhook::DeliveryShow>(),
        at::<webhook::Redeliver>(),
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
fn route<H, T>(route: Route, handler: H) -> (&'static str, MethodRouter<AppState>)
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

/// The command `C` at its route.
fn at<C: Command + DeserializeOwned>() -> (&'static str, MethodRouter<AppState>) {
    route(C::ROUTE, command::<C>)
}

/// One command: the key authenticated, the body (if `C` takes one) read
/// within the admin limit, then on a blocking thread the key's scope
/// checked (`Ctx::admit`: the path's tenant, an operator key), `C` parsed
/// from the path and its query or body, and run; its output is the answer.
async fn command<C: Command + DeserializeOwned>(
    State(st): State<AppState>,
    call: Call,
    path: Option<Path<Vec<(String, String)>>>,
    RawQuery(query): RawQuery,
    body: Body,
) -> Response {
    let path = path.map(|Path(p)| p).unwrap_or_default();
    let status = match C::CREATES {
        true => StatusCode::CREATED,
        false => StatusCode::OK,
    };
    let body = (C::INPUT == Input::Body).then_some(body);
    run_with_body(st, call, status, body, move |a, bytes| {
        let mut ctx = a.ctx();
        ctx.admit::<C>(&path)?;
        let c: C = parse(C::INPUT, &path, query.as_deref(), bytes)?;
        Ok(c.run(&ctx)?)
    })
    .await
}

/// A command from its path parameters (named as its fields) and its
/// query or JSON body; a path parameter given again there is refused.
fn parse<C: DeserializeOwned>(
    input: Input,
    path: &[(String, String)],
    query: Option<&str>,
    body: &Bytes,
) -> Result<C, ApiError> {
    if input == Input::Query {
        let mut q = serde_urlencoded::to_string(path)
            .map_err(|e| internal(format!("cannot encode the path: {e}")))?;
        if let Some(raw) = query.filter(|r| !r.is_empty()) {
            if !q.is_empty() {
                q.push('&');
            }
            q.push_str(raw);
        }
        return serde_urlencoded::from_str(&q).map_err(|e| {
            ApiError::invalid(format!(
                "invalid query: Failed to deserialize query string: {e}"
            ))
        });
    }
    let invalid = |e: &dyn std::fmt::Display| ApiError::invalid(format!("invalid JSON body: {e}"));
    let mut fields = match input {
        Input::Body if !body.iter().all(u8::is_ascii_whitespace) => {
            match serde_json::from_slice::<serde_json::Value>(body).map_err(|e| invalid(&e))? {
                serde_json::Value::Object(o) => o,
                _ => return Err(invalid(&"expected a JSON object")),
            }
        }
        _ => serde_json::Map::new(),
    };
    for (name, value) in path {
        if fields.contains_key(name) {
            return Err(invalid(&format!("unknown field `{name}`")));
        }
        fields.insert(name.clone(), serde_json::Value::String(value.clone()));
    }
    serde_json::from_value(serde_json::Value::Object(fields)).map_err(|e| invalid(&e))
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
    /// This server sends sign-up email (`smtp_url` set).
    pub mail_configured: bool,
    pub grant: AdminGrant,
}

impl Admin {
    /// What a command runs with: this key's engine, settings and scope.
    pub fn ctx(&self) -> Ctx<'_> {
        Ctx::new(
            &self.engine,
            &self.public_url,
            self.max_age_days,
            Caller::Key(&self.grant),
        )
        .with_mail(self.mail_configured)
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
        mail_configured: st.mailer.is_some(),
        grant,
    }
}

fn internal(message: String) -> ApiError {
    ApiError::Engine(EngineError::Internal(message))
}

fn query<T>(q: Result<Query<T>, QueryRejection>) -> Result<T, ApiError> {
    q.map(|Query(v)| v)
        .map_err(|e| ApiError::invalid(format!("invalid query: {}", e.body_text())))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::admin::{groups, scim, users};

    fn path(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn a_command_takes_its_path_and_its_query() {
        let p = path(&[("tenant", "a&b"), ("group", "Sales Team")]);
        let c: groups::Show = parse(Input::Query, &p, Some("limit=5"), &Bytes::new()).unwrap();
        assert_eq!((c.tenant.as_str(), c.group.as_str()), ("a&b", "Sales Team"));
        assert_eq!(c.limit, Some(5));
        // A path parameter given again in the query is refused.
        let p = path(&[("tenant", "acme")]);
        let r = parse::<users::List>(Input::Query, &p, Some("tenant=beta"), &Bytes::new());
        assert!(matches!(r, Err(ApiError::Request { .. })));
    }

    #[test]
    fn a_command_takes_its_path_and_its_body() {
        let p = path(&[("tenant", "acme")]);
        let body = Bytes::from_static(br#"{"policy": "standard"}"#);
        let c: scim::SetPolicy = parse(Input::Body, &p, None, &body).unwrap();
        assert_eq!(c.tenant, "acme");
        for refused in [r#"{"policy": "standard", "tenant": "beta"}"#, "[]", "{"] {
            let body = Bytes::from(refused);
            let r = parse::<scim::SetPolicy>(Input::Body, &p, None, &body);
            assert!(matches!(r, Err(ApiError::Request { .. })), "{refused}");
        }
        // An empty body is `{}`.
        let c: scim::Enable = parse(Input::Body, &p, None, &Bytes::from_static(b" ")).unwrap();
        assert_eq!(c.tenant, "acme");
    }
}
