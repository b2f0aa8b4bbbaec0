//! `groups list|show|create|assign` and `properties list|add`.

use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::{Call, query, run, tenant_post};
use crate::api::admin::{Assign, GroupShowQuery, Named};
use crate::http::AppState;

pub(super) async fn groups_list(
    State(st): State<AppState>,
    call: Call,
    Path(t): Path<String>,
) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        Ok(a.engine.groups(&a.tenant(&t)?)?)
    })
    .await
}

pub(super) async fn groups_show(
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

pub(super) async fn groups_create(
    State(st): State<AppState>,
    call: Call,
    Path(t): Path<String>,
    b: Body,
) -> Response {
    tenant_post(
        st,
        call,
        StatusCode::CREATED,
        t,
        b,
        move |a, t, req: Named| Ok(a.engine.create_group(&t, &req.name)?),
    )
    .await
}

pub(super) async fn groups_assign(
    State(st): State<AppState>,
    call: Call,
    Path((t, group)): Path<(String, String)>,
    b: Body,
) -> Response {
    tenant_post(st, call, StatusCode::OK, t, b, move |a, t, req: Assign| {
        Ok(a.engine.assign_group(&t, &group, &req.into())?)
    })
    .await
}

pub(super) async fn properties_list(
    State(st): State<AppState>,
    call: Call,
    Path(t): Path<String>,
) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        Ok(a.engine.properties(&a.tenant(&t)?)?)
    })
    .await
}

pub(super) async fn properties_add(
    State(st): State<AppState>,
    call: Call,
    Path(t): Path<String>,
    b: Body,
) -> Response {
    tenant_post(
        st,
        call,
        StatusCode::CREATED,
        t,
        b,
        move |a, t, req: Named| Ok(a.engine.add_property(&t, &req.name)?),
    )
    .await
}
