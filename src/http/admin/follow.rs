//! The streaming answers of the admin API: a command that follows a feed
//! (`log?follow=true`, `events?follow=true`) answers JSON lines, what the
//! feed selects and then each new item as it is written (see
//! `engine::follow`: one cursor, never a skipped item), re-checking the key
//! on every poll. Without `follow=true` the same route is an ordinary
//! command.

use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use axum::routing::MethodRouter;
use std::time::Duration;

use super::{Admin, ApiError, Call, admin_for, as_admin, blocking, query, route, run};
use crate::api::admin::Followed;
use crate::engine::follow::{FOLLOW_EVERY, Feed};
use crate::http::AppState;

/// The command `C` at its route, streaming with `follow=true`.
pub(super) fn streamed<C: Followed>() -> (&'static str, MethodRouter<AppState>) {
    route(C::ROUTE, stream::<C>)
}

async fn stream<C: Followed>(
    State(st): State<AppState>,
    call: Call,
    path: Option<Path<Vec<(String, String)>>>,
    q: Result<Query<C::Params>, QueryRejection>,
) -> Response {
    let path = path.map(|Path(p)| p).unwrap_or_default();
    let params = match query(q) {
        Ok(p) => p,
        Err(e) => return e.respond(&call.request_id),
    };
    let tenant = path
        .iter()
        .find(|(name, _)| name == "tenant")
        .map(|(_, v)| v.clone());
    let c = C::new(tenant, params);
    if !c.follows() {
        return run(st, call, StatusCode::OK, move |a| {
            let mut ctx = a.ctx();
            ctx.admit::<C>(&path)?;
            Ok(c.run(&ctx)?)
        })
        .await;
    }
    // The key's scope and the query, settled again on every poll, so a
    // revoked key or a deleted tenant ends its stream.
    follow(st, call, move |a: &Admin| {
        let mut ctx = a.ctx();
        ctx.admit::<C>(&path)?;
        Ok(c.feed(&ctx)?)
    })
    .await
}

/// The longest a followed feed stays silent (a blank line then tells the
/// client the stream is alive); it polls, and checks the key again, every
/// `FOLLOW_EVERY`.
const KEEP_ALIVE: Duration = Duration::from_secs(10);

/// JSON lines of items, newest last.
fn lines<T: serde::Serialize>(records: &[T]) -> String {
    let mut out = String::new();
    for r in records {
        if let Ok(l) = serde_json::to_string(r) {
            out.push_str(&l);
            out.push('\n');
        }
    }
    out
}

/// `?follow=true`: the first answer as any other (errors included),
/// then a task that polls the feed and writes new items until the client
/// goes away, the server shuts down, or the key or tenant stops being
/// valid (checked on every poll). A key has at most
/// `max_follow_streams_per_key` streams open.
async fn follow<Q, F>(st: AppState, call: Call, scoped: F) -> Response
where
    Q: Feed,
    F: Fn(&Admin) -> Result<Q, ApiError> + Send + Sync + 'static,
{
    let request_id = call.request_id.clone();
    let mut shutdown = st.shutdown.clone();
    let scoped = std::sync::Arc::new(scoped);
    let start = async {
        let admin = as_admin(&st, &call).await?;
        let slot = st
            .guard
            .follow_slot(&admin.grant.name)
            .ok_or_else(|| ApiError::Request {
                status: StatusCode::TOO_MANY_REQUESTS,
                reason: "too_many_streams",
                message: format!(
                    "this admin key already has {} streams (log or events) open",
                    st.guard.limits.max_follow_streams_per_key
                ),
                hint: Some("close another 'scimctl log --follow' or 'scimctl events --follow' of this key first"),
            })?;
        let sc = scoped.clone();
        let (q, records, last) = blocking(&st, &request_id, move || {
            let q = sc(&admin)?;
            let (records, last) = admin.engine.follow_start(&q)?;
            Ok((q, records, last))
        })
        .await?;
        Ok::<_, ApiError>((slot, q, lines(&records), last))
    }
    .await;
    let (slot, q, first, mut last) = match start {
        Ok(s) => s,
        Err(e) => return e.respond(&request_id),
    };
    let (tx, rx) = tokio::sync::mpsc::channel::<Bytes>(8);
    let bearer = call.bearer.clone();
    tokio::spawn(async move {
        let _slot = slot;
        if tx.send(Bytes::from(first)).await.is_err() {
            return;
        }
        let mut quiet = Duration::ZERO;
        loop {
            tokio::select! {
                _ = tokio::time::sleep(FOLLOW_EVERY) => {}
                _ = shutdown.wait_for(|stop| *stop) => return,
            }
            let (st2, bearer2, sc) = (st.clone(), bearer.clone(), scoped.clone());
            let (q2, mut at) = (q.clone(), last);
            // A poll waits its turn among the store's jobs like a request;
            // a busy store only delays it to the next poll.
            let polled = st
                .guard
                .store_job(move || {
                    // The key and its scope again: revoked, or its tenant
                    // deleted, and the stream ends here. The query stays
                    // the first one (a `since` is not moved on).
                    let grant = st2.engine.authenticate_admin(bearer2.as_ref())?;
                    let admin = admin_for(&st2, grant);
                    sc(&admin)?;
                    let new = admin.engine.follow_next(&q2, &mut at)?;
                    Ok::<_, ApiError>((new, at))
                })
                .await;
            let new = match polled {
                Err(_busy) => continue,
                Ok(Ok(Ok((new, at)))) => {
                    last = at;
                    new
                }
                Ok(Ok(Err(err))) => {
                    tracing::info!(error = ?err, "follow: the key or its scope is no longer valid; the stream ends");
                    return;
                }
                Ok(Err(_panicked)) => return,
            };
            let chunk = match new.is_empty() {
                false => {
                    quiet = Duration::ZERO;
                    lines(&new)
                }
                true if quiet >= KEEP_ALIVE => {
                    quiet = Duration::ZERO;
                    "\n".to_owned()
                }
                true => {
                    quiet += FOLLOW_EVERY;
                    continue;
                }
            };
            // The client has gone when its end of the stream is dropped.
            if tx.send(Bytes::from(chunk)).await.is_err() {
                return;
            }
        }
    });
    let mut res = Response::new(axum::body::Body::from_stream(Lines(rx)));
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/x-ndjson"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// The follow task's chunks as a body stream.
struct Lines(tokio::sync::mpsc::Receiver<Bytes>);

impl futures_core::Stream for Lines {
    type Item = Result<Bytes, std::convert::Infallible>;

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        self.0.poll_recv(cx).map(|c| c.map(Ok))
    }
}
