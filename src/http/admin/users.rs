//! `users list|show|add`.

use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::{Call, query, run, tenant_post};
use crate::api::admin::{AddUser, UsersQuery};
use crate::engine::admin::users::NewMember;
use crate::http::AppState;

pub(super) async fn users_list(
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

pub(super) async fn users_show(
    State(st): State<AppState>,
    call: Call,
    Path((t, email)): Path<(String, String)>,
) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        Ok(a.engine.member_facts(&a.tenant(&t)?, &email)?)
    })
    .await
}

pub(super) async fn users_add(
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
        move |a, t, req: AddUser| {
            Ok(a.engine.add_member(
                &t,
                &NewMember {
                    email: &req.email,
                    given_name: &req.given_name,
                    family_name: &req.family_name,
                    central: req.central,
                },
            )?)
        },
    )
    .await
}
