//! Routes under a tenant URL and their handlers. Each handler reads the
//! request, then runs authentication and the engine call together on one
//! blocking task (the store is synchronous).

use std::net::SocketAddr;
use std::time::Instant;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, FromRequestParts, OriginalUri, Path, RawQuery, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::MethodRouter;
use serde_json::Value;

use super::response::{ScimError, ScimJson};
use super::{AppState, RequestId};
use crate::engine::log::{LogRecord, redact_body};
use crate::engine::scim::discovery;
use crate::engine::scim::filter::IndexKey;
use crate::engine::scim::list::{ListPage, ListQuery, MAX_COUNT, Plan, Projection, window};
use crate::engine::scim::schema::{ResourceKind, SEARCH_URN};
use crate::engine::scim::session::{Access, Session};
use crate::engine::scim::users::{Scope, Written};
use crate::engine::tokens::{Secret, fingerprint, hash};
use crate::engine::{EngineError, now, tenant_url};

/// The largest request body accepted (413 above it).
pub const MAX_BODY: usize = 1 << 20;

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
    user_agent: Option<String>,
    bearer: Option<Secret>,
    if_match: Option<String>,
}

impl<S: Send + Sync> FromRequestParts<S> for Meta {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let (request_id, started) = parts
            .extensions
            .get::<RequestId>()
            .map(|r| (r.id.clone(), r.started))
            .unwrap_or_else(|| (String::new(), Instant::now()));
        let client = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip().to_string());
        let bearer = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                let (scheme, token) = v.trim().split_once(' ')?;
                scheme
                    .eq_ignore_ascii_case("bearer")
                    .then(|| Secret::new(token.trim().to_owned()))
            });
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
            user_agent,
            bearer,
            if_match,
        })
    }
}

/// Reads the body; above 1 MiB answers (and logs) 413.
async fn read_body(s: &AppState, tenant: &str, m: &Meta, body: Body) -> Result<Bytes, Response> {
    match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(b) => Ok(b),
        Err(_) => {
            let e = ScimError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                None,
                "payload_too_large",
                format!(
                    "The request body is larger than {MAX_BODY} bytes; send fewer operations or members per request"
                ),
                &m.request_id,
            );
            log(
                s,
                tenant,
                m,
                e.status,
                Some(&e),
                Facts::default(),
                None,
                None,
                None,
            );
            Err(e.into_response())
        }
    }
}

fn parse_json(bytes: &[u8]) -> Result<Value, EngineError> {
    serde_json::from_slice(bytes).map_err(|e| EngineError::ScimInvalid {
        scim_type: "invalidSyntax",
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
                scim_type: "invalidValue",
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
        scim_type: "invalidSyntax",
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

/// Queues the provisioning-log record of a request.
#[allow(clippy::too_many_arguments)]
fn log(
    s: &AppState,
    tenant: &str,
    m: &Meta,
    status: StatusCode,
    err: Option<&ScimError>,
    mut facts: Facts,
    token_fingerprint: Option<String>,
    token_note: Option<String>,
    body: Option<&[u8]>,
) {
    let Some(sink) = &s.log else { return };
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
    sink.send(LogRecord {
        seq: 0,
        request_id: m.request_id.clone(),
        at: now(),
        tenant_id: Some(tenant.to_owned()),
        method: m.method.clone(),
        path: m.path.clone(),
        query: m.query.clone(),
        status: status.as_u16(),
        scim_type: err.and_then(|e| e.scim_type).map(str::to_owned),
        reason: err.map(|e| e.reason.to_owned()),
        detail: err.map(ScimError::detail),
        user_id: facts.user_id,
        user_email: facts.user_email,
        group_id: facts.group_id,
        token_fingerprint,
        token_note,
        client_addr: m.client.clone(),
        user_agent: m.user_agent.clone(),
        latency_us: m.started.elapsed().as_micros() as u64,
        ignored_attributes: facts.ignored,
        transfers: facts.transfers,
        invitations: facts.invitations,
        request_body: err.and(body).and_then(redact_body),
    });
}

/// Authenticates (unless `public`), runs `f` against the tenant on a
/// blocking task, answers, and logs the request.
async fn run<F, R>(s: AppState, tenant: String, m: Meta, body: Option<Bytes>, f: F) -> Response
where
    F: FnOnce(&Session<'_>) -> Result<R, EngineError> + Send + 'static,
    R: Into<Reply> + Send + 'static,
{
    let engine = s.engine.clone();
    let base = tenant_url(&s.public_url, &tenant);
    let (t, bearer, client) = (tenant.clone(), m.bearer.clone(), m.client.clone());
    let access = if m.method == "GET" {
        Access::Read
    } else {
        Access::Write
    };
    let work = move || {
        let out = engine.scim_session(
            &t,
            bearer.as_ref(),
            client.as_deref(),
            &base,
            access,
            |ses| f(ses).map(Into::into),
        );
        (out.fingerprint, out.token_note, out.result)
    };
    // Reads are short and never wait for a writer (WAL): run them here and
    // save two thread switches. Writes may wait for the write lock (another
    // process's transaction), so they go to the blocking pool.
    let res = match access {
        Access::Read => Ok(work()),
        Access::Write => tokio::task::spawn_blocking(work).await,
    };
    let body = body.as_deref();
    match res {
        Ok((fp, note, Ok(reply))) => {
            let status = reply.json.status;
            log(&s, &tenant, &m, status, None, reply.facts, fp, note, body);
            reply.json.into_response()
        }
        Ok((fp, grace_note, Err(e))) => {
            let err = ScimError::from_engine(&e, &m.request_id);
            let (fp, note) = match &e {
                EngineError::Unauthenticated(r) => (r.fingerprint.clone(), Some(r.note.clone())),
                // Refused after the token verified: still say which token.
                EngineError::ScimDisabled => (
                    m.bearer.as_ref().map(|b| fingerprint(&hash(b.expose()))),
                    None,
                ),
                _ => (fp, grace_note),
            };
            log(
                &s,
                &tenant,
                &m,
                err.status,
                Some(&err),
                Facts::default(),
                fp,
                note,
                body,
            );
            err.into_response()
        }
        Err(join) => {
            tracing::error!(request_id = %m.request_id, error = %join, "request task failed");
            let err = ScimError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                None,
                "internal",
                "The service failed while handling the request; retry later",
                &m.request_id,
            );
            log(
                &s,
                &tenant,
                &m,
                err.status,
                Some(&err),
                Facts::default(),
                None,
                None,
                body,
            );
            err.into_response()
        }
    }
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
    run(s, t, m, None, move |ses| {
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
    let bytes = match read_body(&s, &t, &m, body).await {
        Ok(b) => b,
        Err(r) => return r,
    };
    let logged = Some(bytes.clone());
    run(s, t, m, logged, move |ses| {
        let q = search_query(&parse_json(&bytes)?)?;
        Ok(listed(kind, ses.list(kind, &q)?))
    })
    .await
}

async fn get_one(
    kind: ResourceKind,
    s: AppState,
    (t, id): (String, String),
    m: Meta,
    q: Option<String>,
) -> Response {
    run(s, t, m, None, move |ses| {
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
    let bytes = match read_body(&s, &t, &m, body).await {
        Ok(b) => b,
        Err(r) => return r,
    };
    let logged = Some(bytes.clone());
    run(s, t, m, logged, move |ses| {
        let proj = Projection::from_query(&list_query(q.as_deref())?)?;
        let w = ses.create(kind, &parse_json(&bytes)?)?;
        Ok(written(w, &proj, kind, ses.scope, StatusCode::CREATED))
    })
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
    let bytes = match read_body(&s, &t, &m, body).await {
        Ok(b) => b,
        Err(r) => return r,
    };
    let logged = Some(bytes.clone());
    let if_match = m.if_match.clone();
    run(s, t, m, logged, move |ses| {
        let proj = Projection::from_query(&list_query(q.as_deref())?)?;
        let w = ses.replace(kind, &id, &parse_json(&bytes)?, if_match.as_deref())?;
        Ok(written(w, &proj, kind, ses.scope, StatusCode::OK))
    })
    .await
}

async fn delete(kind: ResourceKind, s: AppState, (t, id): (String, String), m: Meta) -> Response {
    let if_match = m.if_match.clone();
    run(s, t, m, None, move |ses| {
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
    let bytes = match read_body(&s, &t, &m, body).await {
        Ok(b) => b,
        Err(r) => return r,
    };
    let logged = Some(bytes.clone());
    let if_match = m.if_match.clone();
    run(s, t, m, logged, move |ses| {
        let proj = Projection::from_query(&list_query(q.as_deref())?)?;
        let w = ses.patch_user(&id, &parse_json(&bytes)?, if_match.as_deref())?;
        Ok(written(
            w,
            &proj,
            ResourceKind::User,
            ses.scope,
            StatusCode::OK,
        ))
    })
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
    let bytes = match read_body(&s, &t, &m, body).await {
        Ok(b) => b,
        Err(r) => return r,
    };
    let logged = Some(bytes.clone());
    let if_match = m.if_match.clone();
    run(s, t, m, logged, move |ses| {
        let q = list_query(q.as_deref())?;
        let want = q
            .attributes
            .as_deref()
            .is_some_and(|a| !a.trim().is_empty());
        let w = ses.patch_group(&id, &parse_json(&bytes)?, if_match.as_deref(), want)?;
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
    })
    .await
}

/// `POST /.search` at the tenant root: users, then groups.
async fn search_root(
    State(s): State<AppState>,
    Path(t): Path<String>,
    m: Meta,
    body: Body,
) -> Response {
    let bytes = match read_body(&s, &t, &m, body).await {
        Ok(b) => b,
        Err(r) => return r,
    };
    let logged = Some(bytes.clone());
    run(s, t, m, logged, move |ses| {
        let q = search_query(&parse_json(&bytes)?)?;
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
    })
    .await
}

// ---- Discovery ----

/// Discovery endpoints ignore paging; a filter gets 403 (RFC 7644 §4).
fn no_filter(q: Option<&str>) -> Result<(), EngineError> {
    if list_query(q)?.filter.is_some_and(|f| !f.trim().is_empty()) {
        return Err(EngineError::ScimInvalid {
            scim_type: "invalidValue",
            message: "filters are not supported on discovery endpoints".into(),
        });
    }
    Ok(())
}

/// ServiceProviderConfig is the same for every tenant and readable without
/// a token (RFC 7643 §5), so it reveals nothing about which tenants exist.
async fn service_provider_config(
    State(s): State<AppState>,
    Path(t): Path<String>,
    m: Meta,
) -> Response {
    log(
        &s,
        &t,
        &m,
        StatusCode::OK,
        None,
        Facts::default(),
        None,
        None,
        None,
    );
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
    run(s, t, m, None, move |ses| {
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
    run(s, t, m, None, move |ses| {
        discovery::resource_type_by_name(ses.scope.tenant.policy, ses.scope.base, &name)
            .map(ScimJson::ok)
            .ok_or(EngineError::ResourceNotFound {
                kind: "ResourceType",
                id: name,
            })
    })
    .await
}

async fn schemas(
    State(s): State<AppState>,
    Path(t): Path<String>,
    m: Meta,
    RawQuery(q): RawQuery,
) -> Response {
    run(s, t, m, None, move |ses| {
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
    run(s, t, m, None, move |ses| {
        discovery::schema_by_id(ses.scope.tenant.policy, ses.scope.base, &urn)
            .map(ScimJson::ok)
            .ok_or(EngineError::ResourceNotFound {
                kind: "Schema",
                id: urn,
            })
    })
    .await
}

// ---- Fallbacks ----

/// A method an endpoint does not have (e.g. POST to a discovery
/// endpoint): 405, logged like every other SCIM request.
async fn method_not_allowed(State(s): State<AppState>, m: Meta) -> Response {
    let e = ScimError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        None,
        "method_not_allowed",
        "This method is not supported on this endpoint",
        &m.request_id,
    );
    let tenant = m
        .path
        .strip_prefix("/scim/v2/")
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_default()
        .to_owned();
    log(
        &s,
        &tenant,
        &m,
        e.status,
        Some(&e),
        Facts::default(),
        None,
        None,
        None,
    );
    e.into_response()
}

/// An unknown path under a tenant: authenticated first (no probing), then 404.
async fn not_found_in_tenant(
    State(s): State<AppState>,
    Path(t): Path<String>,
    m: Meta,
) -> Response {
    run::<_, ScimJson>(s, t, m, None, |_| {
        Err(EngineError::ScimNotFound(
            "there is no SCIM endpoint at this path; below a tenant URL there are /Users, /Groups, /ServiceProviderConfig, /ResourceTypes and /Schemas".into(),
        ))
    })
    .await
}

pub async fn not_found_outside(m: Meta) -> Response {
    ScimError::new(
        StatusCode::NOT_FOUND,
        None,
        "not_found",
        "There is nothing at this path; a tenant URL looks like /scim/v2/{tenant_id}",
        &m.request_id,
    )
    .into_response()
}
