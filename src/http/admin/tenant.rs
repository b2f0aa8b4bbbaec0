//! `tenant …` and `whoami`: the tenants a key may use, and the key itself.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::{Call, body, run, run_with_body};
use crate::api::admin::{KeyInfo, NewTenant};
use crate::engine::views::TenantDeleted;
use crate::http::AppState;

/// The key the request was made with and its scope: what `login` records
/// about a key.
pub(super) async fn whoami(State(st): State<AppState>, call: Call) -> Response {
    run(st, call, StatusCode::OK, |a| {
        Ok(KeyInfo {
            name: a.grant.name.clone(),
            tenant_id: a.grant.tenant_id.clone(),
        })
    })
    .await
}

pub(super) async fn tenant_list(State(st): State<AppState>, call: Call) -> Response {
    run(st, call, StatusCode::OK, |a| {
        Ok(a.engine
            .tenant_infos(&a.public_url)?
            .into_iter()
            .filter(|t| a.grant.allows(&t.id))
            .collect::<Vec<_>>())
    })
    .await
}

pub(super) async fn tenant_create(State(st): State<AppState>, call: Call, b: Body) -> Response {
    run_with_body(st, call, StatusCode::CREATED, Some(b), move |a, b| {
        a.operator()?;
        let req: NewTenant = body(b)?;
        Ok(a.engine
            .create_tenant_info(&req.name, req.id.as_deref(), req.policy, &a.public_url)?)
    })
    .await
}

pub(super) async fn tenant_show(
    State(st): State<AppState>,
    call: Call,
    Path(t): Path<String>,
) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        let t = a.tenant(&t)?;
        Ok(a.engine.tenant_detail(&t, &a.public_url)?)
    })
    .await
}

/// The DELETE is the confirmation the CLI asks for with `--yes`. Only an
/// operator key deletes a tenant (a scoped key would cut its own branch).
pub(super) async fn tenant_delete(
    State(st): State<AppState>,
    call: Call,
    Path(t): Path<String>,
) -> Response {
    run(st, call, StatusCode::OK, move |a| {
        let t = a.tenant(&t)?;
        a.operator()?;
        a.engine.delete_tenant(&t)?;
        Ok(TenantDeleted { deleted: t.id })
    })
    .await
}
