//! `log`: a tenant's or every tenant's provisioning log. (`log --follow`
//! is one streaming answer on the same routes, which the server and the
//! remote client handle by hand.)

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::{Ctx, MAX_LOG_LIMIT, duration, is_false, routes};
use crate::engine::log::{LogQuery, LogRecord};
use crate::engine::{EngineError, now};

/// The filters of `scimctl log`, in the query. The answer is an array of
/// the records the CLI prints one per line with `--output json`; with
/// `follow=true`, a stream of those lines that goes on as records are
/// written.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogParams {
    #[serde(default, skip_serializing_if = "is_false")]
    pub errors: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request: Option<String>,
    /// A duration back from now (15m, 2h) or an RFC 3339 time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    /// Only records after this sequence number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<i64>,
    /// The newest `limit` records (50 by default; over the API, 0 or more
    /// than MAX_LOG_LIMIT means MAX_LOG_LIMIT).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub follow: bool,
}

impl LogParams {
    pub fn new(q: &LogQuery, follow: bool) -> LogParams {
        LogParams {
            errors: q.errors_only,
            user: q.user_email.clone(),
            request: q.request_id.clone(),
            since: q.since.and_then(|s| s.format(&Rfc3339).ok()),
            after: q.after_seq,
            limit: Some(q.limit),
            follow,
        }
    }

    /// The engine's query for the log of `tenant` (id or name) within the
    /// caller's scope, or every tenant's with `None` (operators only).
    pub fn scoped(&self, ctx: &Ctx<'_>, tenant: Option<&str>) -> Result<LogQuery, EngineError> {
        let tenant_id = match tenant {
            Some(t) => Some(ctx.tenant(t)?.id),
            None => {
                ctx.operator()?;
                None
            }
        };
        let since = match self.since.as_deref() {
            Some(s) => Some(match OffsetDateTime::parse(s.trim(), &Rfc3339) {
                Ok(t) => t,
                Err(_) => now().checked_sub(duration("since", s)?).ok_or_else(|| {
                    EngineError::InvalidValue {
                        field: "since",
                        reason: format!(
                            "{s:?} reaches back before the year -9999; give a shorter duration such as 30d"
                        ),
                    }
                })?,
            }),
            None => None,
        };
        // Over the API, capped, 0 meaning as many as allowed: one answer
        // stays bounded.
        let limit = match (self.limit.unwrap_or(50), ctx.bounded()) {
            (n, false) => n,
            (0, true) => MAX_LOG_LIMIT,
            (n, true) => n.min(MAX_LOG_LIMIT),
        };
        Ok(LogQuery {
            tenant_id,
            errors_only: self.errors,
            user_email: self.user.clone(),
            request_id: self.request.clone(),
            since,
            after_seq: self.after,
            limit,
        })
    }
}

// `log::Of`, `log::Tenant` and `log::All` (operators).
feed_commands!(
    LogParams,
    LogQuery,
    LogRecord,
    routes::LOG_TENANT,
    routes::LOG_ALL,
    |ctx, q| ctx.engine.log_records(&q)
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::admin::Command;

    #[test]
    fn a_tenant_log_query_leaves_the_tenant_to_the_path() {
        let c = Tenant {
            tenant: "acme".into(),
            params: LogParams {
                errors: true,
                limit: Some(20),
                ..LogParams::default()
            },
        };
        assert_eq!(
            serde_urlencoded::to_string(&c).unwrap(),
            "errors=true&limit=20"
        );
        assert_eq!(c.path_args(), ["acme"]);
    }
}
