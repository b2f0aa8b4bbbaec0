//! The admin API's contract: every route (method and path), every request
//! body and query, the error body and the few answers that are not engine
//! types. The server (`http::admin`) routes and parses with these, and the
//! remote client (`backend::Remote`) builds its requests with them, so a
//! field or a path cannot exist on one side only. Answers are the engine's
//! own result types, which the CLI prints as its `--output json`.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::engine::admin::groups::AssignRequest;
use crate::engine::admin::members::{MAX_PAGE, MemberQuery};
use crate::engine::log::LogQuery;
use crate::engine::model::{ManagedBy, Policy};
use crate::engine::{EngineError, ErrorKind, now};

/// Where the API is mounted on a `scimctl serve`.
pub const PREFIX: &str = "/admin/v1";

/// The most members `groups/{g}` lists in one answer.
pub const MAX_GROUP_MEMBERS_SHOWN: usize = 1000;
/// The most log records one answer holds (`limit`, and each follow poll).
pub const MAX_LOG_LIMIT: u32 = 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Delete,
}

/// One endpoint: its method and its path under [`PREFIX`], with `{name}`
/// for each path parameter, in the order [`Route::segments`] fills them.
#[derive(Debug, Clone, Copy)]
pub struct Route {
    pub method: Method,
    pub path: &'static str,
}

impl Route {
    const fn get(path: &'static str) -> Route {
        Route {
            method: Method::Get,
            path,
        }
    }

    const fn post(path: &'static str) -> Route {
        Route {
            method: Method::Post,
            path,
        }
    }

    const fn delete(path: &'static str) -> Route {
        Route {
            method: Method::Delete,
            path,
        }
    }

    /// The path's segments with `args` in place of its parameters, in
    /// order, unencoded (the client percent-encodes each segment).
    pub fn segments<'a>(&self, args: &[&'a str]) -> Vec<&'a str> {
        let mut args = args.iter();
        let segments: Vec<&str> = self
            .path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(|s| {
                if s.starts_with('{') {
                    args.next().copied().unwrap_or_default()
                } else {
                    s
                }
            })
            .collect();
        debug_assert!(args.next().is_none(), "{}: too many arguments", self.path);
        segments
    }
}

/// Every endpoint, named after the CLI command it serves.
pub mod routes {
    use super::Route;

    pub const WHOAMI: Route = Route::get("/whoami");
    pub const TENANT_LIST: Route = Route::get("/tenants");
    pub const TENANT_CREATE: Route = Route::post("/tenants");
    pub const TENANT_SHOW: Route = Route::get("/tenants/{t}");
    pub const TENANT_DELETE: Route = Route::delete("/tenants/{t}");
    pub const SCIM_ENABLE: Route = Route::post("/tenants/{t}/scim/enable");
    pub const SCIM_DISABLE: Route = Route::post("/tenants/{t}/scim/disable");
    pub const SCIM_STATUS: Route = Route::get("/tenants/{t}/scim/status");
    pub const SCIM_POLICY: Route = Route::post("/tenants/{t}/scim/policy");
    pub const URL: Route = Route::get("/tenants/{t}/url");
    pub const TOKEN_GENERATE: Route = Route::post("/tenants/{t}/token/generate");
    pub const TOKEN_REGENERATE: Route = Route::post("/tenants/{t}/token/regenerate");
    pub const TOKEN_REVOKE: Route = Route::post("/tenants/{t}/token/revoke");
    pub const TOKEN_STATUS: Route = Route::get("/tenants/{t}/token/status");
    pub const TOKEN_VERIFY: Route = Route::post("/tenants/{t}/token/verify");
    pub const USERS_LIST: Route = Route::get("/tenants/{t}/users");
    pub const USERS_ADD: Route = Route::post("/tenants/{t}/users");
    pub const USERS_SHOW: Route = Route::get("/tenants/{t}/users/{email}");
    pub const GROUPS_LIST: Route = Route::get("/tenants/{t}/groups");
    pub const GROUPS_CREATE: Route = Route::post("/tenants/{t}/groups");
    pub const GROUPS_SHOW: Route = Route::get("/tenants/{t}/groups/{group}");
    pub const GROUPS_ASSIGN: Route = Route::post("/tenants/{t}/groups/{group}/assign");
    pub const PROPERTIES_LIST: Route = Route::get("/tenants/{t}/properties");
    pub const PROPERTIES_ADD: Route = Route::post("/tenants/{t}/properties");
    pub const MAPPING_SHOW: Route = Route::get("/mapping");
    pub const DIAGNOSE_USER: Route = Route::get("/tenants/{t}/diagnose/user/{email}");
    pub const DIAGNOSE_REQUEST: Route = Route::get("/tenants/{t}/diagnose/request/{id}");
    pub const DIAGNOSE_TENANT: Route = Route::get("/tenants/{t}/diagnose/tenant");
    /// Any tenant's request: operator keys only.
    pub const DIAGNOSE_REQUEST_ANY: Route = Route::get("/diagnose/request/{id}");
    pub const LOG_TENANT: Route = Route::get("/tenants/{t}/log");
    /// Every tenant's log: operator keys only.
    pub const LOG_ALL: Route = Route::get("/log");
}

/// Every error answer: the CLI's message, a stable reason code, the broad
/// kind (which gives the CLI its exit code) and what to do next.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: String,
    pub reason: String,
    /// Absent only from a server older than this field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ErrorKind>,
    pub hint: Option<String>,
}

/// `whoami`: the key the request was made with and its scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyInfo {
    pub name: String,
    /// The tenant the key is scoped to; `None` for an operator key.
    pub tenant_id: Option<String>,
}

// ---- request bodies ----------------------------------------------------------

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewTenant {
    pub name: String,
    pub id: Option<String>,
    #[serde(default)]
    pub policy: Policy,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetPolicy {
    pub policy: Policy,
}

/// The bodies of the endpoints that take none (`{}`; an empty body too).
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Nothing {}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Regenerate {
    /// A duration as the CLI's `--grace` takes it (whole seconds are sent).
    pub grace: Option<String>,
}

impl Regenerate {
    pub fn new(grace: Option<time::Duration>) -> Regenerate {
        Regenerate {
            grace: grace.map(|g| format!("{}s", g.whole_seconds())),
        }
    }

    pub fn grace(&self) -> Result<Option<time::Duration>, EngineError> {
        self.grace
            .as_deref()
            .map(|g| duration("--grace", g))
            .transpose()
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revoke {
    #[serde(default)]
    pub previous: bool,
}

/// `token verify`: the token travels in the body, never in the URL.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verify {
    pub token: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddUser {
    pub email: String,
    pub given_name: String,
    pub family_name: String,
    #[serde(default)]
    pub central: bool,
}

/// A group's or a property's name.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Named {
    pub name: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assign {
    #[serde(default)]
    pub properties: Vec<String>,
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub permissions: Vec<String>,
}

impl From<&AssignRequest> for Assign {
    fn from(a: &AssignRequest) -> Assign {
        Assign {
            properties: a.properties.clone(),
            roles: a.roles.clone(),
            permissions: a.permissions.clone(),
        }
    }
}

impl From<Assign> for AssignRequest {
    fn from(a: Assign) -> AssignRequest {
        AssignRequest {
            properties: a.properties,
            roles: a.roles,
            permissions: a.permissions,
        }
    }
}

// ---- queries -------------------------------------------------------------------

fn is_false(b: &bool) -> bool {
    !b
}

/// The query of `users list`, with its flags' names (`managed_by=idp`,
/// `pending_transfer=true`, …).
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UsersQuery {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub managed_by: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub pending_transfer: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub inactive: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
}

impl From<&MemberQuery> for UsersQuery {
    fn from(q: &MemberQuery) -> UsersQuery {
        UsersQuery {
            managed_by: q.managed_by.map(|m| m.as_str().to_owned()),
            pending_transfer: q.pending_transfer,
            inactive: q.inactive,
            search: q.search.clone(),
            limit: Some(q.limit),
            after: q.after.clone(),
        }
    }
}

impl UsersQuery {
    /// The engine's query; `limit` 50 unless given, within 1..=MAX_PAGE.
    pub fn into_member_query(self) -> Result<MemberQuery, EngineError> {
        let managed_by = match self.managed_by.as_deref() {
            Some(m) => Some(
                ManagedBy::parse(m).ok_or_else(|| EngineError::InvalidValue {
                    field: "managed_by",
                    reason: format!("\"{m}\" is not one of idp, tenant, self"),
                })?,
            ),
            None => None,
        };
        let limit = self.limit.unwrap_or(50);
        if !(1..=MAX_PAGE).contains(&limit) {
            return Err(EngineError::InvalidValue {
                field: "limit",
                reason: format!("{limit} is not in 1..={MAX_PAGE}"),
            });
        }
        Ok(MemberQuery {
            managed_by,
            pending_transfer: self.pending_transfer,
            inactive: self.inactive,
            search: self.search,
            after: self.after,
            limit,
        })
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupShowQuery {
    pub limit: Option<usize>,
}

impl GroupShowQuery {
    /// Capped, 0 meaning as many as allowed: one answer stays small.
    pub fn limit(&self) -> usize {
        match self.limit.unwrap_or(100) {
            0 => MAX_GROUP_MEMBERS_SHOWN,
            n => n.min(MAX_GROUP_MEMBERS_SHOWN),
        }
    }
}

/// The filters of `scimctl log`. The answer is an array of the records the
/// CLI prints one per line with `--output json`; with `follow=true`, a
/// stream of those lines that goes on as records are written.
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
    /// The newest `limit` records (50 by default; 0 or more than
    /// MAX_LOG_LIMIT means MAX_LOG_LIMIT).
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

    /// The engine's query for `tenant_id`'s log (every tenant's with
    /// `None`).
    pub fn log_query(&self, tenant_id: Option<String>) -> Result<LogQuery, EngineError> {
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
        // Capped, 0 meaning as many as allowed: one answer stays bounded.
        let limit = match self.limit.unwrap_or(50) {
            0 => MAX_LOG_LIMIT,
            n => n.min(MAX_LOG_LIMIT),
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

/// A duration such as 15m, 2h or 7d, as the CLI's `--grace`/`--since` take it.
fn duration(field: &'static str, s: &str) -> Result<time::Duration, EngineError> {
    let d = humantime::parse_duration(s.trim()).map_err(|e| EngineError::InvalidValue {
        field,
        reason: format!("{e}; write a duration such as 30s, 15m, 2h or 7d"),
    })?;
    time::Duration::try_from(d).map_err(|_| EngineError::InvalidValue {
        field,
        reason: "too long a duration".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_route_fills_its_parameters_in_order() {
        assert_eq!(
            routes::GROUPS_ASSIGN.segments(&["acme", "Sales Team"]),
            ["tenants", "acme", "groups", "Sales Team", "assign"]
        );
        assert_eq!(routes::TENANT_LIST.segments(&[]), ["tenants"]);
    }

    #[test]
    fn a_query_survives_the_round_trip_through_a_url() {
        let q = MemberQuery {
            managed_by: Some(ManagedBy::Idp),
            pending_transfer: true,
            inactive: false,
            search: Some("a&b=c".into()),
            after: None,
            limit: 20,
        };
        let wire = serde_urlencoded::to_string(UsersQuery::from(&q)).unwrap();
        assert_eq!(
            wire,
            "managed_by=idp&pending_transfer=true&search=a%26b%3Dc&limit=20"
        );
        let back: UsersQuery = serde_urlencoded::from_str(&wire).unwrap();
        let back = back.into_member_query().unwrap();
        assert_eq!(back.managed_by, q.managed_by);
        assert_eq!(back.search, q.search);
        assert_eq!(back.limit, 20);
        assert!(back.pending_transfer && !back.inactive);
    }

    #[test]
    fn a_grace_is_sent_in_whole_seconds() {
        let r = Regenerate::new(Some(time::Duration::minutes(15)));
        assert_eq!(r.grace.as_deref(), Some("900s"));
        assert_eq!(r.grace().unwrap(), Some(time::Duration::minutes(15)));
    }
}
