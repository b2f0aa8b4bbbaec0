//! `mapping show`: the attributes the product takes, which are the
//! server's build's (the CLI prints its own without a backend).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use super::{Call, run};
use crate::engine::mapping;
use crate::http::AppState;

pub(super) async fn mapping_show(State(st): State<AppState>, call: Call) -> Response {
    run(st, call, StatusCode::OK, |_| Ok(mapping::supported())).await
}
