//! Routes under a tenant URL and their handlers. Each handler goes through
//! `run`, which bounds the request's cost step by step before it reaches
//! the store (see there). The store is synchronous: writes run on the
//! write lane (`write_lane`), other store work on the blocking pool, but
//! for two kinds that never wait, which run on the async worker: the check
//! of a cached token, and a body-less read that `Store::read_now` can
//! answer at once (see `read_now`).

use std::net::{IpAddr, SocketAddr};
use std::time::Instant;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, FromRequestParts, OriginalUri, Path, RawQuery, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::MethodRouter;
use serde_json::Value;

use super::limits::{self, BodyError, JobFailed, Refusal};
use super::response::{ScimError, ScimJson};
use super::{AppState, RequestId};
use crate::engine::auth::Grant;
use crate::engine::log::{LogRecord, redact_body};
use crate::engine::scim::discovery;
use crate::engine::scim::filter::IndexKey;
use crate::engine::scim::list::{ListPage, ListQuery, MAX_COUNT, Plan, Projection, window};
use crate::engine::scim::schema::{ResourceKind, SEARCH_URN};
use crate::engine::scim::session::{Access, Session, WriteJob};
use crate::engine::scim::users::{Scope, Written};
use crate::engine::tokens::{Secret, fingerprint, hash};
use crate::engine::{EngineError, ScimType, now, tenant_url};

/// The endpoint names below a tenant URL, as `routes` spells them (the
/// edge maps other letter cases to these).
pub const ENDPOINTS: &[&str] = &[
    "Users",
    "Groups",
    "ServiceProviderConfig",
    "ResourceTypes",
    "Schemas",
];

pub fn routes() -> Router<AppState> {
    let mna = || MethodRouter::new().fallback(method_not_allowed);
    Router::new()
        .route("/Users", collection(ResourceKind::User))
        .route("/Users/.search", search_route(ResourceKind::User))
        .route(
            "/Users/{id}",
            resource(ResourceKind::User, mna().patch(patch_user)),
        )
        .route("/Groups", collection(ResourceKind::Group))
        .route("/Groups/.search", search_route(ResourceKind::Group))
        .route(
            "/Groups/{id}",
            resource(ResourceKind::Group, mna().patch(patch_group)),
        )
        .route("/.search", mna().post(search_root))
        .route("/ServiceProviderConfig", mna().get(service_provider_config))
        .route("/ResourceTypes", mna().get(resource_types))
        .route("/ResourceTypes/{name}", mna().get(resource_type))
        .route("/Schemas", mna().get(schemas))
        .route("/Schemas/{urn}", mna().get(schema))
        .fallback(not_found_in_tenant)
}

/// What every SCIM handler needs from the request head.
pub struct Meta {
    request_id: String,
    started: Instant,
    method: String,
    path: String,
    query: Option<String>,
    client: Option<String>,
    ip: Option<IpAddr>,
    user_agent: Option<String>,
    bearer: Option<Secret>,
    if_match: Option<String>,
    content_length: Option<u64>,
}

impl<S: Send + Sync> FromRequestParts<S> for Meta {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let (request_id, started) = parts
            .extensions
            .get::<RequestId>()
            .map(|r| (r.id.clone(), r.started))
            .unwrap_or_else(|| (String::new(), Instant::now()));
        let ip = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        let client = ip.map(|ip| ip.to_string());
        let content_length = limits::declared_length(&parts.headers);
        let bearer = super::bearer(&parts.headers);
        let if_match = parts
            .headers
            .get(header::IF_MATCH)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let user_agent = parts
            .headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        Ok(Meta {
            request_id,
            started,
            method: parts.method.to_string(),
            // The full path, not the part below the tenant prefix.
            path: parts
                .extensions
                .get::<OriginalUri>()
                .map_or_else(|| parts.uri.path().to_owned(), |u| u.0.path().to_owned()),
            query: parts.uri.query().map(str::to_owned),
            client,
            ip,
            user_agent,
            bearer,
            if_match,
            content_length,
        })
    }
}

/// Reads the body of an authenticated request within the body limits;
/// answers (and logs) 413 or 408 when it cannot.
async fn read_body(s: &AppState, tenant: &str, m: &Meta, body: Body) -> Result<Bytes, Response> {
    let l = &s.guard.limits;
    match limits::read_body(m.content_length, body, l.scim_max_body, l.body_timeout).await {
        Ok(b) => Ok(b),
        Err(e) => {
            let (status, reason) = match e {
                BodyError::TooLarge { .. } => (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"),
                BodyError::Timeout { .. } => (StatusCode::REQUEST_TIMEOUT, "body_timeout"),
                BodyError::Broken(_) => (StatusCode::BAD_REQUEST, "body_unreadable"),
            };
            let err = ScimError::new(status, None, reason, e.message(), &m.request_id);
            log(s, tenant, m, Logged::refused(&err, true));
            Err(err.into_response())
        }
    }
}

fn parse_json(bytes: &[u8]) -> Result<Value, EngineError> {
    serde_json::from_slice(bytes).map_err(|e| EngineError::ScimInvalid {
        scim_type: ScimType::InvalidSyntax,
        message: format!("the request body is not valid JSON: {e}"),
    })
}

/// Query parameters, names matched case-insensitively; unknown ones (such
/// as Entra's `aadOptscim062020`) are ignored. `+` decodes to a space.
fn list_query(raw: Option<&str>) -> Result<ListQuery, EngineError> {
    let mut q = ListQuery::default();
    let int = |name: &str, v: &str| {
        v.trim()
            .parse::<i64>()
            .map_err(|_| EngineError::ScimInvalid {
                scim_type: ScimType::InvalidValue,
                message: format!("{name} must be a whole number, got {v:?}"),
            })
    };
    for (k, v) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
        let v = v.into_owned();
        match k.to_ascii_lowercase().as_str() {
            "filter" => q.filter = Some(v),
            "startindex" => q.start_index = Some(int("startIndex", &v)?),
            "count" => q.count = Some(int("count", &v)?),
            "sortby" => q.sort_by = Some(v),
            "sortorder" => q.sort_order = Some(v),
            "attributes" => q.attributes = Some(v),
            "excludedattributes" => q.excluded_attributes = Some(v),
            _ => {}
        }
    }
    Ok(q)
}

/// A SearchRequest body (RFC 7644 §3.4.3).
fn search_query(body: &Value) -> Result<ListQuery, EngineError> {
    let invalid = |m: &str| EngineError::ScimInvalid {
        scim_type: ScimType::InvalidSyntax,
        message: m.to_owned(),
    };
    let obj = body
        .as_object()
        .ok_or_else(|| invalid("the search request must be a JSON object"))?;
    let schemas_ok = obj
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("schemas"))
        .and_then(|(_, v)| v.as_array())
        .is_some_and(|a| {
            a.iter().any(|s| {
                s.as_str()
                    .is_some_and(|s| s.eq_ignore_ascii_case(SEARCH_URN))
            })
        });
    if !schemas_ok {
        return Err(invalid(&format!(
            "the search request's schemas must contain {SEARCH_URN}"
        )));
    }
    let mut q = ListQuery::default();
    let list = |v: &Value| match v {
        Value::Array(a) => Some(
            a.iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(","),
        ),
        Value::String(s) => Some(s.clone()),
        _ => None,
    };
    for (k, v) in obj {
        match k.to_ascii_lowercase().as_str() {
            "filter" => q.filter = v.as_str().map(str::to_owned),
            "startindex" => q.start_index = v.as_i64(),
            "count" => q.count = v.as_i64(),
            "sortby" => q.sort_by = v.as_str().map(str::to_owned),
            "sortorder" => q.sort_order = v.as_str().map(str::to_owned),
            "attributes" => q.attributes = list(v),
            "excludedattributes" => q.excluded_attributes = list(v),
            _ => {}
        }
    }
    Ok(q)
}

/// What a request did, for its provisioning-log record.
#[derive(Debug, Default)]
pub struct Facts {
    user_id: Option<String>,
    user_email: Option<String>,
    group_id: Option<String>,
    ignored: Vec<String>,
    transfers: Vec<String>,
    invitations: Vec<String>,
}

/// A handler's answer and what it did.
pub struct Reply {
    json: ScimJson,
    facts: Facts,
}

impl From<ScimJson> for Reply {
    fn from(json: ScimJson) -> Reply {
        Reply {
            json,
            facts: Facts::default(),
        }
    }
}

/// How a request ended, for its provisioning-log record.
#[derive(Default)]
struct Logged<'a> {
    status: StatusCode,
    err: Option<&'a ScimError>,
    facts: Facts,
    token_fingerprint: Option<String>,
    token_note: Option<String>,
    body: Option<&'a [u8]>,
    /// False until the token verified: an anonymous request is never
    /// attributed to a user, and its body is not kept.
    authenticated: bool,
}

impl<'a> Logged<'a> {
    fn refused(err: &'a ScimError, authenticated: bool) -> Logged<'a> {
        Logged {
            status: err.status,
            err: Some(err),
            authenticated,
            ..Logged::default()
        }
    }
}

/// Queues the provisioning-log record of a request.
fn log(s: &AppState, tenant: &str, m: &Meta, l: Logged<'_>) {
    let Some(sink) = &s.log else { return };
    let mut facts = l.facts;
    let body = l.body.filter(|_| l.authenticated);
    if l.authenticated {
        // What the path names, when the handler could not say.
        let mut segs = m.path.rsplitn(3, '/');
        if let (Some(id), Some(kind)) = (segs.next(), segs.next()) {
            match kind {
                "Users" if facts.user_id.is_none() && !id.starts_with('.') => {
                    facts.user_id = Some(id.to_owned())
                }
                "Groups" if facts.group_id.is_none() && !id.starts_with('.') => {
                    facts.group_id = Some(id.to_owned())
                }
                _ => {}
            }
        }
        // A refused create names its user only in the body.
        if facts.user_email.is_none() && facts.user_id.is_none() && m.path.ends_with("/Users") {
            facts.user_email = body
                .and_then(|b| serde_json::from_slice::<Value>(b).ok())
                .and_then(|v| v.get("userName").and_then(Value::as_str).map(str::to_owned));
        }
    }
    let err = l.err;
    sink.send(LogRecord {
        seq: 0,
        request_id: m.request_id.clone(),
        at: now(),
        tenant_id: Some(tenant.to_owned()),
        method: m.method.clone(),
        path: m.path.clone(),
        query: m.query.clone(),
        status: l.status.as_u16(),
        scim_type: err.and_then(|e| e.scim_type).map(str::to_owned),
        reason: err.map(|e| e.reason.to_owned()),
        detail: err.map(ScimError::detail),
        user_id: facts.user_id,
        user_email: facts.user_email,
        group_id: facts.group_id,
        token_fingerprint: l.token_fingerprint,
        token_note: l.token_note,
        client_addr: m.client.clone(),
        user_agent: m.user_agent.clone(),
        latency_us: m.started.elapsed().as_micros() as u64,
        ignored_attributes: facts.ignored,
        transfers: facts.transfers,
        invitations: facts.invitations,
        request_body: err.and(body).and_then(redact_body),
    });
}

/// A refusal by a limit, answered with `Retry-After`; logged when the
/// request had authenticated (anonymous refusals are only counted).
fn limited(
    s: &AppState,
    tenant: &str,
    m: &Meta,
    status: StatusCode,
    r: &Refusal,
    authenticated: Option<&Grant>,
) -> Response {
    let err = ScimError::new(status, None, r.reason, r.message.clone(), &m.request_id);
    if let Some(g) = authenticated {
        log(
            s,
            tenant,
            m,
            Logged {
                token_fingerprint: Some(g.fingerprint.clone()),
                ..Logged::refused(&err, true)
            },
        );
    }
    let mut res = err.into_response();
    res.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(r.retry_after_secs()));
    res
}

/// A request that did not authenticate (or whose tenant has SCIM off):
/// counted against the client address, logged without attribution, or
/// only counted when the tenant does not exist.
fn unauthenticated(s: &AppState, tenant: &str, m: &Meta, e: &EngineError) -> Response {
    let err = ScimError::from_engine(e, &m.request_id);
    match e {
        EngineError::Unauthenticated(r) => {
            if let Some(ip) = m.ip {
                s.guard.auth_failed(ip);
            }
            if r.unknown_tenant {
                if let Some(sink) = &s.log {
                    sink.unknown_tenant();
                }
            } else {
                log(
                    s,
                    tenant,
                    m,
                    Logged {
                        token_fingerprint: r.fingerprint.clone(),
                        token_note: Some(r.note.clone()),
                        ..Logged::refused(&err, false)
                    },
                );
            }
        }
        // The token verified; SCIM is off for the tenant: say which token.
        EngineError::ScimDisabled => log(
            s,
            tenant,
            m,
            Logged {
                token_fingerprint: m.bearer.as_ref().map(|b| fingerprint(&hash(b.expose()))),
                ..Logged::refused(&err, true)
            },
        ),
        _ => log(s, tenant, m, Logged::refused(&err, false)),
    }
    err.into_response()
}

/// What the work of a request came to.
pub(super) enum Done {
    Reply(Reply),
    /// The tenant's rate limit, met after the token verified.
    Limited(Refusal, Grant),
}

/// Where a request's body is.
enum Input {
    None,
    Body(Body),
}

/// Authenticates, then runs `f` against the tenant, answers, and logs the
/// request. In order, each step before any that costs more: the address's
/// failed-authentication budget; then, for a write or a request with a
/// body, the token and the tenant's rate, and only then the body and the
/// store work — for a write on the write lane, under the write lock,
/// where the token is checked again (a regenerate applies to the very
/// next request). A token the engine has cached is checked here on the
/// async worker (`Engine::cached_grant`: no store transaction, never a
/// wait); any other token is checked on the blocking pool first, in a
/// read, with its own place among the store's jobs (held only while it
/// runs, never while a body arrives). A read without a body authenticates
/// and reads in one read transaction: here when `read_now` can, else on
/// the blocking pool.
async fn run<F, R>(
    s: AppState,
    tenant: String,
    m: Meta,
    input: Input,
    access: Access,
    f: F,
) -> Response
where
    F: FnOnce(&Session<'_>, &[u8]) -> Result<R, EngineError> + Clone + Send + 'static,
    R: Into<Reply> + Send + 'static,
{
    if let Some(ip) = m.ip
        && let Err(r) = s.guard.check_auth_budget(ip)
    {
        let res = limited(&s, &tenant, &m, StatusCode::TOO_MANY_REQUESTS, &r, None);
        return early(res, input, &m).await;
    }
    let pre_auth = matches!(input, Input::Body(_)) || access == Access::Write;
    let mut checked = false;
    if pre_auth {
        let grant = match s.engine.cached_grant(&tenant, m.bearer.as_ref()) {
            Some(g) => Ok(Ok(Ok(g))),
            None => {
                let (engine, t, bearer, client) = (
                    s.engine.clone(),
                    tenant.clone(),
                    m.bearer.clone(),
                    m.client.clone(),
                );
                s.guard
                    .store_job(move || engine.authenticate(&t, bearer.as_ref(), client.as_deref()))
                    .await
            }
        };
        let grant = match grant {
            Ok(g) => g,
            Err(r) => {
                let res = limited(&s, &tenant, &m, StatusCode::SERVICE_UNAVAILABLE, &r, None);
                return early(res, input, &m).await;
            }
        };
        let res = match grant {
            Ok(Ok(g)) => match s.guard.check_tenant(&g.tenant.id) {
                Ok(()) => None,
                Err(r) => Some(limited(
                    &s,
                    &tenant,
                    &m,
                    StatusCode::TOO_MANY_REQUESTS,
                    &r,
                    Some(&g),
                )),
            },
            Ok(Err(e)) => Some(unauthenticated(&s, &tenant, &m, &e)),
            Err(join) => Some(failed(&s, &tenant, &m, &join)),
        };
        if let Some(res) = res {
            return early(res, input, &m).await;
        }
        checked = true;
    } else if let Some(out) = read_now(&s, &tenant, &m, f.clone(), &mut checked) {
        return answer(&s, &tenant, &m, None, Ok(out));
    }
    let bytes = match input {
        Input::Body(b) => match read_body(&s, &tenant, &m, b).await {
            Ok(b) => Some(b),
            Err(r) => return r,
        },
        Input::None => None,
    };
    let guard = s.guard.clone();
    let base = tenant_url(&s.public_url, &tenant);
    let work_bytes = bytes.clone();
    let run = move |ses: &Session<'_>| {
        if !checked && let Err(r) = guard.check_tenant(&ses.tenant().id) {
            return Ok(Done::Limited(r, ses.grant().clone()));
        }
        f(ses, work_bytes.as_deref().unwrap_or_default()).map(|r| Done::Reply(r.into()))
    };
    let res = match access {
        Access::Read => {
            let engine = s.engine.clone();
            let (t, bearer, client) = (tenant.clone(), m.bearer.clone(), m.client.clone());
            let work = move || {
                let out =
                    engine.scim_session(&t, bearer.as_ref(), client.as_deref(), &base, access, run);
                (out.fingerprint, out.token_note, out.result)
            };
            s.guard.store_job(work).await
        }
        Access::Write => {
            let job = WriteJob {
                tenant: tenant.clone(),
                presented: m.bearer.clone(),
                client: m.client.clone(),
                base,
                request_id: m.request_id.clone(),
                f: Box::new(run),
            };
            let len = bytes.as_ref().map_or(0, |b| b.len());
            s.guard
                .with_store_slot(s.writes.run(&s.engine, job, len))
                .await
                .map(|r| r.map(|out| (out.fingerprint, out.token_note, out.result)))
        }
    };
    let res = match res {
        Ok(res) => res,
        Err(r) => return limited(&s, &tenant, &m, StatusCode::SERVICE_UNAVAILABLE, &r, None),
    };
    answer(&s, &tenant, &m, bytes.as_deref(), res)
}

/// A read without a body answered on this async worker when it can be
/// without waiting (`Engine::scim_read_now`: a cached token, a free
/// connection, bounded work), saving the hop to a blocking thread that a
/// lookup by id or by key costs more than its own work; None sends it to
/// the blocking pool, with `checked` set when the tenant's rate was
/// already charged for this request.
fn read_now<F, R>(s: &AppState, tenant: &str, m: &Meta, f: F, checked: &mut bool) -> Option<Outcome>
where
    F: FnOnce(&Session<'_>, &[u8]) -> Result<R, EngineError>,
    R: Into<Reply>,
{
    let base = tenant_url(&s.public_url, tenant);
    let out = s.engine.scim_read_now(
        tenant,
        m.bearer.as_ref(),
        m.client.as_deref(),
        &base,
        |ses| {
            if let Err(r) = s.guard.check_tenant(&ses.tenant().id) {
                return Ok(Done::Limited(r, ses.grant().clone()));
            }
            *checked = true;
            f(ses, &[]).map(|r| Done::Reply(r.into()))
        },
    )?;
    Some((out.fingerprint, out.token_note, out.result))
}

/// What a session's work gave: the token's fingerprint and note, and the
/// answer or why there is none.
type Outcome = (Option<String>, Option<String>, Result<Done, EngineError>);

/// An `Outcome`, or the failure of the task that ran the session.
type Worked = Result<Outcome, JobFailed>;

/// The response to a session's outcome, logged.
fn answer(s: &AppState, tenant: &str, m: &Meta, body: Option<&[u8]>, res: Worked) -> Response {
    match res {
        Ok((fp, note, Ok(Done::Reply(reply)))) => {
            let status = reply.json.status;
            log(
                s,
                tenant,
                m,
                Logged {
                    status,
                    facts: reply.facts,
                    token_fingerprint: fp,
                    token_note: note,
                    body,
                    authenticated: true,
                    err: None,
                },
            );
            reply.json.into_response()
        }
        Ok((_, _, Ok(Done::Limited(r, g)))) => {
            limited(s, tenant, m, StatusCode::TOO_MANY_REQUESTS, &r, Some(&g))
        }
        Ok((_, _, Err(e @ (EngineError::Unauthenticated(_) | EngineError::ScimDisabled)))) => {
            unauthenticated(s, tenant, m, &e)
        }
        Ok((fp, note, Err(e))) => {
            let err = ScimError::from_engine(&e, &m.request_id);
            log(
                s,
                tenant,
                m,
                Logged {
                    token_fingerprint: fp,
                    token_note: note,
                    body,
                    ..Logged::refused(&err, true)
                },
            );
            let mut res = err.into_response();
            if let EngineError::DeprovisioningHeld { .. } = e {
                res.headers_mut().insert(
                    header::RETRY_AFTER,
                    HeaderValue::from(crate::engine::guard::RETRY_AFTER_SECS),
                );
            }
            res
        }
        Err(join) => failed(s, tenant, m, &join),
    }
}

/// An answer given before the body was read: the body is thrown away
/// first (see `limits::discard`).
async fn early(res: Response, input: Input, m: &Meta) -> Response {
    if let Input::Body(b) = input {
        limits::discard(m.content_length, b).await;
    }
    res
}

/// A request task that panicked: 500 with the request id; the detail goes
/// to the server's stderr only.
fn failed(s: &AppState, tenant: &str, m: &Meta, join: &JobFailed) -> Response {
    tracing::error!(request_id = %m.request_id, error = %join, "request task failed");
    let err = ScimError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        None,
        "internal",
        "The service failed while handling the request; retry later",
        &m.request_id,
    );
    log(s, tenant, m, Logged::refused(&err, false));
    err.into_response()
}

fn written(
    w: Written,
    proj: &Projection,
    kind: ResourceKind,
    scope: Scope<'_>,
    status: StatusCode,
) -> Reply {
    let id = w
        .resource
        .get("id")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let location = w
        .resource
        .pointer("/meta/location")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let facts = Facts {
        user_id: if kind == ResourceKind::User {
            id.clone()
        } else {
            None
        },
        group_id: if kind == ResourceKind::Group {
            id
        } else {
            None
        },
        user_email: w.user_name.clone(),
        transfers: w
            .transferred
            .then(|| w.user_name.clone())
            .flatten()
            .into_iter()
            .collect(),
        invitations: w.invited,
        ignored: w.ignored,
    };
    Reply {
        json: ScimJson {
            status,
            body: Some(proj.apply(&scope.schema(kind), w.resource)),
            etag: Some(w.version),
            location: (status == StatusCode::CREATED)
                .then_some(location)
                .flatten(),
        },
        facts,
    }
}

/// A write answered without a body (DELETE, group PATCH): keep its facts.
fn bodiless(w: Written, kind: ResourceKind) -> Reply {
    Reply {
        facts: Facts {
            user_email: w.user_name.clone(),
            transfers: w
                .transferred
                .then(|| w.user_name.clone())
                .flatten()
                .into_iter()
                .collect(),
            invitations: w.invited,
            ignored: w.ignored,
            ..Facts::default()
        },
        json: ScimJson {
            etag: (kind == ResourceKind::Group).then_some(w.version),
            ..ScimJson::no_content()
        },
    }
}

/// A single resource read: its ETag, and for the log which user or group.
fn etagged(v: Value, kind: ResourceKind) -> Reply {
    let etag = v
        .pointer("/meta/version")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let id = v.get("id").and_then(Value::as_str).map(str::to_owned);
    let facts = match kind {
        ResourceKind::User => Facts {
            user_email: v.get("userName").and_then(Value::as_str).map(str::to_owned),
            user_id: id,
            ..Facts::default()
        },
        ResourceKind::Group => Facts {
            group_id: id,
            ..Facts::default()
        },
    };
    Reply {
        json: ScimJson {
            etag,
            ..ScimJson::ok(v)
        },
        facts,
    }
}

// ---- Users and Groups ----

type IdPath = Path<(String, String)>;

async fn list(kind: ResourceKind, s: AppState, t: String, m: Meta, q: Option<String>) -> Response {
    run(s, t, m, Input::None, Access::Read, move |ses, _| {
        let q = list_query(q.as_deref())?;
        Ok(listed(kind, ses.list(kind, &q)?))
    })
    .await
}

/// A list answer; for the log, the user a `userName eq` query looked for
/// (found or not): that is how the IdP matches, and what `diagnose user`
/// needs to tell "matched but never written" from "never seen".
fn listed(kind: ResourceKind, page: ListPage) -> Reply {
    let mut facts = Facts::default();
    if kind == ResourceKind::User {
        if let [one] = page.resources.as_slice() {
            facts.user_id = one.get("id").and_then(Value::as_str).map(str::to_owned);
            facts.user_email = one
                .get("userName")
                .and_then(Value::as_str)
                .map(str::to_owned);
        } else if let Plan::Index(IndexKey::UserName(name)) = &page.plan {
            facts.user_email = Some(name.clone());
        }
    }
    Reply {
        json: ScimJson::ok(page.to_json()),
        facts,
    }
}

async fn search(kind: ResourceKind, s: AppState, t: String, m: Meta, body: Body) -> Response {
    run(
        s,
        t,
        m,
        Input::Body(body),
        Access::Read,
        move |ses, bytes| {
            let q = search_query(&parse_json(bytes)?)?;
            Ok(listed(kind, ses.list(kind, &q)?))
        },
    )
    .await
}

async fn get_one(
    kind: ResourceKind,
    s: AppState,
    (t, id): (String, String),
    m: Meta,
    q: Option<String>,
) -> Response {
    run(s, t, m, Input::None, Access::Read, move |ses, _| {
        let proj = Projection::from_query(&list_query(q.as_deref())?)?;
        Ok(etagged(ses.get(kind, &id, &proj)?, kind))
    })
    .await
}

async fn create(
    kind: ResourceKind,
    s: AppState,
    t: String,
    m: Meta,
    q: Option<String>,
    body: Body,
) -> Response {
    run(
        s,
        t,
        m,
        Input::Body(body),
        Access::Write,
        move |ses, bytes| {
            let proj = Projection::from_query(&list_query(q.as_deref())?)?;
            let w = ses.create(kind, &parse_json(bytes)?)?;
            Ok(written(w, &proj, kind, ses.scope, StatusCode::CREATED))
        },
    )
    .await
}

async fn put(
    kind: ResourceKind,
    s: AppState,
    (t, id): (String, String),
    m: Meta,
    q: Option<String>,
    body: Body,
) -> Response {
    let if_match = m.if_match.clone();
    run(
        s,
        t,
        m,
        Input::Body(body),
        Access::Write,
        move |ses, bytes| {
            let proj = Projection::from_query(&list_query(q.as_deref())?)?;
            let w = ses.replace(kind, &id, &parse_json(bytes)?, if_match.as_deref())?;
            Ok(written(w, &proj, kind, ses.scope, StatusCode::OK))
        },
    )
    .await
}

async fn delete(kind: ResourceKind, s: AppState, (t, id): (String, String), m: Meta) -> Response {
    let if_match = m.if_match.clone();
    run(s, t, m, Input::None, Access::Write, move |ses, _| {
        Ok(bodiless(ses.delete(kind, &id, if_match.as_deref())?, kind))
    })
    .await
}

/// `/Users` or `/Groups`: list and create.
fn collection(kind: ResourceKind) -> MethodRouter<AppState> {
    MethodRouter::new()
        .fallback(method_not_allowed)
        .get(
            move |State(s): State<AppState>,
                  Path(t): Path<String>,
                  m: Meta,
                  RawQuery(q): RawQuery| list(kind, s, t, m, q),
        )
        .post(
            move |State(s): State<AppState>,
                  Path(t): Path<String>,
                  m: Meta,
                  RawQuery(q): RawQuery,
                  body: Body| create(kind, s, t, m, q, body),
        )
}

/// `/Users/.search` or `/Groups/.search`.
fn search_route(kind: ResourceKind) -> MethodRouter<AppState> {
    MethodRouter::new().fallback(method_not_allowed).post(
        move |State(s): State<AppState>, Path(t): Path<String>, m: Meta, body: Body| {
            search(kind, s, t, m, body)
        },
    )
}

/// `/Users/{id}` or `/Groups/{id}`; PATCH answers differ, so it is given.
fn resource(kind: ResourceKind, patch: MethodRouter<AppState>) -> MethodRouter<AppState> {
    patch
        .fallback(method_not_allowed)
        .get(
            move |State(s): State<AppState>, Path(p): IdPath, m: Meta, RawQuery(q): RawQuery| {
                get_one(kind, s, p, m, q)
            },
        )
        .put(
            move |State(s): State<AppState>,
                  Path(p): IdPath,
                  m: Meta,
                  RawQuery(q): RawQuery,
                  body: Body| put(kind, s, p, m, q, body),
        )
        .delete(move |State(s): State<AppState>, Path(p): IdPath, m: Meta| delete(kind, s, p, m))
}

async fn patch_user(
    State(s): State<AppState>,
    Path((t, id)): Path<(String, String)>,
    m: Meta,
    RawQuery(q): RawQuery,
    body: Body,
) -> Response {
    let if_match = m.if_match.clone();
    run(
        s,
        t,
        m,
        Input::Body(body),
        Access::Write,
        move |ses, bytes| {
            let proj = Projection::from_query(&list_query(q.as_deref())?)?;
            let w = ses.patch_user(&id, &parse_json(bytes)?, if_match.as_deref())?;
            Ok(written(
                w,
                &proj,
                ResourceKind::User,
                ses.scope,
                StatusCode::OK,
            ))
        },
    )
    .await
}

/// Group PATCH answers 204, unless the client asked for attributes.
async fn patch_group(
    State(s): State<AppState>,
    Path((t, id)): Path<(String, String)>,
    m: Meta,
    RawQuery(q): RawQuery,
    body: Body,
) -> Response {
    let if_match = m.if_match.clone();
    run(
        s,
        t,
        m,
        Input::Body(body),
        Access::Write,
        move |ses, bytes| {
            let q = list_query(q.as_deref())?;
            let want = q
                .attributes
                .as_deref()
                .is_some_and(|a| !a.trim().is_empty());
            let w = ses.patch_group(&id, &parse_json(bytes)?, if_match.as_deref(), want)?;
            if want {
                let proj = Projection::from_query(&q)?;
                return Ok(written(
                    w,
                    &proj,
                    ResourceKind::Group,
                    ses.scope,
                    StatusCode::OK,
                ));
            }
            Ok(bodiless(w, ResourceKind::Group))
        },
    )
    .await
}

/// `POST /.search` at the tenant root: users, then groups.
async fn search_root(
    State(s): State<AppState>,
    Path(t): Path<String>,
    m: Meta,
    body: Body,
) -> Response {
    run(
        s,
        t,
        m,
        Input::Body(body),
        Access::Read,
        move |ses, bytes| {
            let q = search_query(&parse_json(bytes)?)?;
            let (start, count) = window(&q);
            let users = ses.list_users(&q)?;
            let mut resources = users.resources;
            let remaining = count.saturating_sub(resources.len() as u64);
            let group_start = start.saturating_sub(users.total).max(1);
            let gq = ListQuery {
                start_index: Some(group_start as i64),
                count: Some(remaining.min(MAX_COUNT) as i64),
                ..q.clone()
            };
            let groups = ses.list_groups(&gq)?;
            if remaining > 0 {
                resources.extend(groups.resources);
            }
            let page = crate::engine::scim::list::ListPage {
                total: users.total + groups.total,
                start_index: start,
                resources,
                plan: users.plan,
            };
            Ok(ScimJson::ok(page.to_json()))
        },
    )
    .await
}

// ---- Discovery ----

/// Discovery endpoints ignore paging; a filter gets 403 (RFC 7644 §4).
fn no_filter(q: Option<&str>) -> Result<(), EngineError> {
    if list_query(q)?.filter.is_some_and(|f| !f.trim().is_empty()) {
        return Err(EngineError::ScimInvalid {
            scim_type: ScimType::InvalidValue,
            message: "filters are not supported on discovery endpoints".into(),
        });
    }
    Ok(())
}

/// ServiceProviderConfig is the same for every tenant and readable without
/// a token (RFC 7643 §5), so it reveals nothing about which tenants exist.
/// Not logged: it is anonymous, under any invented tenant id.
async fn service_provider_config(State(s): State<AppState>, Path(t): Path<String>) -> Response {
    ScimJson::ok(discovery::service_provider_config(&tenant_url(
        &s.public_url,
        &t,
    )))
    .into_response()
}

async fn resource_types(
    State(s): State<AppState>,
    Path(t): Path<String>,
    m: Meta,
    RawQuery(q): RawQuery,
) -> Response {
    run(s, t, m, Input::None, Access::Read, move |ses, _| {
        no_filter(q.as_deref())?;
        Ok(ScimJson::ok(discovery::list(discovery::resource_types(
            ses.scope.tenant.policy,
            ses.scope.base,
        ))))
    })
    .await
}

async fn resource_type(
    State(s): State<AppState>,
    Path((t, name)): Path<(String, String)>,
    m: Meta,
) -> Response {
    run(s, t, m, Input::None, Access::Read, move |ses, _| {
        discovery::resource_type_by_name(ses.scope.tenant.policy, ses.scope.base, &name)
            .map(ScimJson::ok)
            .ok_or_else(|| EngineError::ScimNotFound(format!("ResourceType {name} not found")))
    })
    .await
}

async fn schemas(
    State(s): State<AppState>,
    Path(t): Path<String>,
    m: Meta,
    RawQuery(q): RawQuery,
) -> Response {
    run(s, t, m, Input::None, Access::Read, move |ses, _| {
        no_filter(q.as_deref())?;
        Ok(ScimJson::ok(discovery::list(discovery::schemas(
            ses.scope.tenant.policy,
            ses.scope.base,
        ))))
    })
    .await
}

async fn schema(
    State(s): State<AppState>,
    Path((t, urn)): Path<(String, String)>,
    m: Meta,
) -> Response {
    run(s, t, m, Input::None, Access::Read, move |ses, _| {
        discovery::schema_by_id(ses.scope.tenant.policy, ses.scope.base, &urn)
            .map(ScimJson::ok)
            .ok_or_else(|| EngineError::ScimNotFound(format!("Schema {urn} not found")))
    })
    .await
}

// ---- Fallbacks ----

/// A method an endpoint does not have (e.g. POST to a discovery
/// endpoint): 405. Not logged: it is answered before any token is checked,
/// so anyone could write records with it.
async fn method_not_allowed(m: Meta, body: Body) -> Response {
    let res = ScimError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        None,
        "method_not_allowed",
        "This method is not supported on this endpoint",
        &m.request_id,
    )
    .into_response();
    early(res, Input::Body(body), &m).await
}

/// An unknown path under a tenant: authenticated first (no probing), then 404.
async fn not_found_in_tenant(
    State(s): State<AppState>,
    Path(t): Path<String>,
    m: Meta,
) -> Response {
    run::<_, ScimJson>(s, t, m, Input::None, Access::Read, |_, _| {
        Err(EngineError::ScimNotFound(
            "there is no SCIM endpoint at this path; below a tenant URL there are /Users, /Groups, /ServiceProviderConfig, /ResourceTypes and /Schemas".into(),
        ))
    })
    .await
}

pub async fn not_found_outside(m: Meta, body: Body) -> Response {
    let res = ScimError::new(
        StatusCode::NOT_FOUND,
        None,
        "not_found",
        "There is nothing at this path; a tenant URL looks like /scim/v2/{tenant_id}",
        &m.request_id,
    )
    .into_response();
    early(res, Input::Body(body), &m).await
}
