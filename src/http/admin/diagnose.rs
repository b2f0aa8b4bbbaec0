//! `diagnose user|request|tenant` and `mapping show`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::{Call, run};
use crate::engine::mapping;
use crate::http::AppState;

pub(super) async fn mapping_show(State(st): State<AppState>, call: Call) -> Response {
    run(st, call, StatusCode::OK, |_| Ok(mapping::supported())).await
}

pub(super) async fn diagnose_user(
    State(st): State<AppState>,
    call: Call,
    Path((t, email)): Path<(String, String)>,
) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        Ok(a.engine.diagnose_user(&a.tenant(&t)?, &email)?)
    })
    .await
}

pub(super) async fn diagnose_request(
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
pub(super) async fn diagnose_request_any(
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

pub(super) async fn diagnose_tenant(
    State(st): State<AppState>,
    call: Call,
    Path(t): Path<String>,
) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        Ok(a.engine.diagnose_tenant(&a.tenant(&t)?, a.max_age_days)?)
    })
    .await
}
