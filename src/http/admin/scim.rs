//! `scim enable|disable|status|policy` and `url`.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::{Call, run, tenant_post};
use crate::api::admin::SetPolicy;
use crate::engine::views::TenantUrl;
use crate::http::AppState;

pub(super) async fn scim_enable(
    State(st): State<AppState>,
    call: Call,
    Path(t): Path<String>,
) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        Ok(a.engine.set_scim_enabled(&a.tenant(&t)?, true)?)
    })
    .await
}

pub(super) async fn scim_disable(
    State(st): State<AppState>,
    call: Call,
    Path(t): Path<String>,
) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        Ok(a.engine.set_scim_enabled(&a.tenant(&t)?, false)?)
    })
    .await
}

pub(super) async fn scim_status(
    State(st): State<AppState>,
    call: Call,
    Path(t): Path<String>,
) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        let t = a.tenant(&t)?;
        Ok(a.engine.scim_status(&t, &a.public_url, a.max_age_days)?)
    })
    .await
}

pub(super) async fn scim_policy(
    State(st): State<AppState>,
    call: Call,
    Path(t): Path<String>,
    b: Body,
) -> Response {
    tenant_post(
        st,
        call,
        StatusCode::OK,
        t,
        b,
        move |a, t, req: SetPolicy| Ok(a.engine.policy_set(&t, req.policy)?),
    )
    .await
}

pub(super) async fn url(State(st): State<AppState>, call: Call, Path(t): Path<String>) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        Ok(TenantUrl::new(&a.public_url, &a.tenant(&t)?))
    })
    .await
}
