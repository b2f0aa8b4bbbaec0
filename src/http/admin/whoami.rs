//! `whoami`: the key itself, which no local backend has.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use super::{Call, run};
use crate::api::admin::KeyInfo;
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
