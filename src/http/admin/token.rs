//! `token generate|regenerate|revoke|status|verify`: the SCIM token of a tenant.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::{Call, run, tenant_post};
use crate::api::admin::{Regenerate, Revoke, Verify};
use crate::engine::tokens::Secret;
use crate::engine::views::Issue;
use crate::http::AppState;

pub(super) async fn token_generate(
    State(st): State<AppState>,
    call: Call,
    Path(t): Path<String>,
) -> Response {
    run(st, call, StatusCode::CREATED, move |a| {
        Ok(a.engine
            .issue_token(&a.tenant(&t)?, Issue::Generate, &a.public_url)?)
    })
    .await
}

pub(super) async fn token_regenerate(
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
        move |a, t, req: Regenerate| {
            let grace = req.grace()?;
            Ok(a.engine
                .issue_token(&t, Issue::Regenerate { grace }, &a.public_url)?)
        },
    )
    .await
}

pub(super) async fn token_revoke(
    State(st): State<AppState>,
    call: Call,
    Path(t): Path<String>,
    b: Body,
) -> Response {
    tenant_post(st, call, StatusCode::OK, t, b, move |a, t, req: Revoke| {
        Ok(a.engine.revoke_tokens(&t, req.previous)?)
    })
    .await
}

/// `token verify`: 200 with `valid` either way, as the CLI prints it (the
/// CLI's exit code follows from `valid`).
pub(super) async fn token_verify(
    State(st): State<AppState>,
    call: Call,
    Path(t): Path<String>,
    b: Body,
) -> Response {
    tenant_post(st, call, StatusCode::OK, t, b, move |a, t, req: Verify| {
        let presented = Secret::new(req.token);
        Ok(a.engine.verify_token(&t, &presented)?)
    })
    .await
}

pub(super) async fn token_status(
    State(st): State<AppState>,
    call: Call,
    Path(t): Path<String>,
) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        Ok(a.engine.token_status(&a.tenant(&t)?, a.max_age_days)?)
    })
    .await
}
