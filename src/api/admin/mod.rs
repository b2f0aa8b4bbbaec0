//! The admin API's contract: every route (method and path), every command
//! with its input and its answer, the error body, and how each command runs
//! on the engine. A command is one type ([`Command`]): the remote client
//! (`backend::Remote`) sends it to its route, the server (`http::admin`)
//! parses it from the request, and both the server and the local backend
//! (`backend::Local`) run it with [`Command::run`], so a field, a path or a
//! rule cannot exist on one side only. Answers are the engine's own result
//! types, which the CLI prints as its `--output json`.
//!
//! Each resource's commands sit in the file named as its CLI command's
//! (`tenant.rs`, `token.rs`, …); this file holds what they share.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::engine::admin_keys::AdminGrant;
use crate::engine::follow::Feed;
use crate::engine::model::Tenant;
use crate::engine::{Engine, EngineError, ErrorKind};

pub use log::LogParams;

/// Where the API is mounted on a `scimctl serve`.
pub const PREFIX: &str = "/admin/v1";

/// The most members `groups/{group}` lists in one answer.
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
/// A command's path parameter is named as the command's field it fills.
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

    /// The names of the path's parameters, in order.
    pub fn params(&self) -> impl Iterator<Item = &'static str> {
        self.path
            .split('/')
            .filter_map(|s| s.strip_prefix('{')?.strip_suffix('}'))
    }
}

/// Every endpoint, named after the CLI command it serves.
pub mod routes {
    use super::Route;

    pub const WHOAMI: Route = Route::get("/whoami");
    pub const TENANT_LIST: Route = Route::get("/tenants");
    pub const TENANT_CREATE: Route = Route::post("/tenants");
    pub const TENANT_SHOW: Route = Route::get("/tenants/{tenant}");
    pub const TENANT_DELETE: Route = Route::delete("/tenants/{tenant}");
    pub const SCIM_ENABLE: Route = Route::post("/tenants/{tenant}/scim/enable");
    pub const SCIM_DISABLE: Route = Route::post("/tenants/{tenant}/scim/disable");
    pub const SCIM_STATUS: Route = Route::get("/tenants/{tenant}/scim/status");
    pub const SCIM_POLICY: Route = Route::post("/tenants/{tenant}/scim/policy");
    pub const GUARD_SHOW: Route = Route::get("/tenants/{tenant}/scim/guard");
    pub const GUARD_SET: Route = Route::post("/tenants/{tenant}/scim/guard");
    pub const GUARD_APPROVE: Route = Route::post("/tenants/{tenant}/scim/guard/approve");
    pub const GUARD_REJECT: Route = Route::post("/tenants/{tenant}/scim/guard/reject");
    pub const GUARD_RESET: Route = Route::post("/tenants/{tenant}/scim/guard/reset");
    pub const URL: Route = Route::get("/tenants/{tenant}/url");
    pub const TOKEN_GENERATE: Route = Route::post("/tenants/{tenant}/token/generate");
    pub const TOKEN_REGENERATE: Route = Route::post("/tenants/{tenant}/token/regenerate");
    pub const TOKEN_REVOKE: Route = Route::post("/tenants/{tenant}/token/revoke");
    pub const TOKEN_STATUS: Route = Route::get("/tenants/{tenant}/token/status");
    pub const TOKEN_VERIFY: Route = Route::post("/tenants/{tenant}/token/verify");
    pub const USERS_LIST: Route = Route::get("/tenants/{tenant}/users");
    pub const USERS_ADD: Route = Route::post("/tenants/{tenant}/users");
    pub const USERS_SHOW: Route = Route::get("/tenants/{tenant}/users/{email}");
    pub const GROUPS_LIST: Route = Route::get("/tenants/{tenant}/groups");
    pub const GROUPS_CREATE: Route = Route::post("/tenants/{tenant}/groups");
    pub const GROUPS_SHOW: Route = Route::get("/tenants/{tenant}/groups/{group}");
    pub const GROUPS_ASSIGN: Route = Route::post("/tenants/{tenant}/groups/{group}/assign");
    pub const PROPERTIES_LIST: Route = Route::get("/tenants/{tenant}/properties");
    pub const PROPERTIES_ADD: Route = Route::post("/tenants/{tenant}/properties");
    pub const MAPPING_SHOW: Route = Route::get("/mapping");
    pub const DIAGNOSE_USER: Route = Route::get("/tenants/{tenant}/diagnose/user/{email}");
    pub const DIAGNOSE_REQUEST: Route = Route::get("/tenants/{tenant}/diagnose/request/{request}");
    pub const DIAGNOSE_TENANT: Route = Route::get("/tenants/{tenant}/diagnose/tenant");
    /// Any tenant's request: operator keys only.
    pub const DIAGNOSE_REQUEST_ANY: Route = Route::get("/diagnose/request/{request}");
    pub const INVITATIONS_LIST: Route = Route::get("/tenants/{tenant}/invitations");
    pub const INVITATIONS_RESEND: Route = Route::post("/tenants/{tenant}/invitations/resend");
    pub const INVITATIONS_REDEEM: Route = Route::post("/tenants/{tenant}/invitations/redeem");
    pub const LOG_TENANT: Route = Route::get("/tenants/{tenant}/log");
    /// Every tenant's log: operator keys only.
    pub const LOG_ALL: Route = Route::get("/log");
    /// Operator keys only.
    pub const DIRECTORY_MOVE: Route = Route::post("/directory/move");
    pub const EVENTS_TENANT: Route = Route::get("/tenants/{tenant}/events");
    /// Every tenant's events: operator keys only.
    pub const EVENTS_ALL: Route = Route::get("/events");
    pub const WEBHOOK_LIST: Route = Route::get("/tenants/{tenant}/webhooks");
    pub const WEBHOOK_ADD: Route = Route::post("/tenants/{tenant}/webhooks");
    pub const WEBHOOK_REMOVE: Route = Route::delete("/tenants/{tenant}/webhooks/{id}");
    pub const WEBHOOK_ENABLE: Route = Route::post("/tenants/{tenant}/webhooks/{id}/enable");
    pub const WEBHOOK_TEST: Route = Route::post("/tenants/{tenant}/webhooks/{id}/test");
    pub const WEBHOOK_DELIVERIES: Route = Route::get("/tenants/{tenant}/webhook-deliveries");
    pub const WEBHOOK_DELIVERY: Route =
        Route::get("/tenants/{tenant}/webhook-deliveries/{delivery}");
    pub const WEBHOOK_REDELIVER: Route =
        Route::post("/tenants/{tenant}/webhook-deliveries/{delivery}/redeliver");
}

/// Where a command's fields other than its path parameters travel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Nowhere: the path says it all (a query or a body is ignored).
    None,
    /// In the URL's query.
    Query,
    /// As a JSON object in the body (an empty body is `{}`).
    Body,
}

impl Input {
    /// A POST takes a body; a GET or a DELETE nothing unless it says so.
    pub const fn of(method: Method) -> Input {
        match method {
            Method::Post => Input::Body,
            Method::Get | Method::Delete => Input::None,
        }
    }
}

/// One admin command: its route, its input, its answer and how it runs on
/// the engine. The fields named by the route's `{params}` are the path's
/// (not serialised: the client puts them in the path); the others are the
/// query or the body, as [`Command::INPUT`] says.
pub trait Command: Serialize + Send + 'static {
    const ROUTE: Route;
    const INPUT: Input = Input::of(Self::ROUTE.method);
    /// Answered with 201 Created rather than 200.
    const CREATES: bool = false;
    /// Only an operator key (one not scoped to a tenant) may run it.
    const OPERATOR: bool = false;
    type Output: Serialize + DeserializeOwned + Send + 'static;

    /// The values of the route's path parameters, in order.
    fn path_args(&self) -> Vec<&str>;

    /// Runs the command on the engine: the one place both the local
    /// backend and the admin API server run it.
    fn run(self, ctx: &Ctx<'_>) -> Result<Self::Output, EngineError>;
}

/// A command whose answer may instead be a stream that goes on
/// (`follow=true`): JSON lines of its feed's items, what the feed selects
/// now and then each new one as it is written (`engine::follow`). Its
/// route takes the tenant (if any) in the path and `Params` in the query.
pub trait Followed: Command + Sync {
    type Feed: Feed<Item = Self::Item>;
    type Item: Serialize + DeserializeOwned + Send + 'static;
    type Params: DeserializeOwned + Send + 'static;
    fn new(tenant: Option<String>, params: Self::Params) -> Self;
    /// Whether the answer is to be the stream.
    fn follows(&self) -> bool;
    /// The feed the command selects, within the caller's scope.
    fn feed(&self, ctx: &Ctx<'_>) -> Result<Self::Feed, EngineError>;
}

/// A command on one tenant: its type (the tenant and any other path
/// fields, then its query or body fields) and its [`Command`] impl, whose
/// `run` gets the tenant already resolved within the caller's scope.
///
/// ```text
/// tenant_command! {
///     /// doc
///     Name at routes::ROUTE => Output,
///     consts { const CREATES: bool = true; }   // optional
///     path { email }                           // optional: more path fields
///     fields { pub name: String, }             // optional: query or body
///     |c, t, ctx| ctx.engine.method(&t, &c.name)
/// }
/// ```
macro_rules! tenant_command {
    (
        $(#[$meta:meta])*
        $name:ident at $route:expr => $out:ty,
        $(consts { $($consts:item)* })?
        $(path { $($path:ident),* })?
        $(fields { $($(#[$fmeta:meta])* pub $field:ident: $fty:ty,)* })?
        |$c:pat_param, $t:ident, $ctx:ident| $body:expr
    ) => {
        $(#[$meta])*
        #[derive(serde::Serialize, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            #[serde(skip_serializing)]
            pub tenant: String,
            $($(
                #[serde(skip_serializing)]
                pub $path: String,
            )*)?
            $($(
                $(#[$fmeta])*
                pub $field: $fty,
            )*)?
        }

        impl $crate::api::admin::Command for $name {
            const ROUTE: $crate::api::admin::Route = $route;
            $($($consts)*)?
            type Output = $out;

            fn path_args(&self) -> Vec<&str> {
                vec![&self.tenant $($(, &self.$path)*)?]
            }

            fn run(
                self,
                $ctx: &$crate::api::admin::Ctx<'_>,
            ) -> Result<$out, $crate::engine::EngineError> {
                let $t = $ctx.tenant(&self.tenant)?;
                let $c = self;
                $body
            }
        }
    };
}

/// The commands of a feed (the log, events): one tenant's (`Tenant`, the
/// tenant in the path) or every tenant's (`All`, operator keys only), each
/// answering a page of `$item`s or, with `follow`, the stream
/// ([`Followed`]); `Of` is the one a query names. `$params` is the query:
/// `new(&query, follow)`, `scoped(ctx, tenant)` and a `follow` field.
///
/// ```text
/// feed_commands!(Params, Query, Item, routes::TENANT, routes::ALL, |ctx, q| ctx.engine.read(&q));
/// ```
macro_rules! feed_commands {
    ($params:ty, $query:ty, $item:ty, $tenant_route:expr, $all_route:expr, |$ctx:ident, $q:ident| $read:expr) => {
        /// What a query selects: one tenant's ([`Tenant`]) or every
        /// tenant's ([`All`]).
        pub enum Of {
            Tenant(Tenant),
            All(All),
        }

        impl Of {
            pub fn new(q: &$query, follow: bool) -> Of {
                let params = <$params>::new(q, follow);
                match &q.tenant_id {
                    Some(t) => Of::Tenant(Tenant {
                        tenant: t.clone(),
                        params,
                    }),
                    None => Of::All(All(params)),
                }
            }
        }

        /// One tenant's.
        #[derive(Debug, serde::Serialize)]
        pub struct Tenant {
            #[serde(skip)]
            pub tenant: String,
            #[serde(flatten)]
            pub params: $params,
        }

        impl $crate::api::admin::Command for Tenant {
            const ROUTE: $crate::api::admin::Route = $tenant_route;
            const INPUT: $crate::api::admin::Input = $crate::api::admin::Input::Query;
            type Output = Vec<$item>;

            fn path_args(&self) -> Vec<&str> {
                vec![&self.tenant]
            }

            fn run(
                self,
                $ctx: &$crate::api::admin::Ctx<'_>,
            ) -> Result<Vec<$item>, $crate::engine::EngineError> {
                let $q = $crate::api::admin::Followed::feed(&self, $ctx)?;
                $read
            }
        }

        impl $crate::api::admin::Followed for Tenant {
            type Feed = $query;
            type Item = $item;
            type Params = $params;
            fn new(tenant: Option<String>, params: $params) -> Tenant {
                Tenant {
                    tenant: tenant.unwrap_or_default(),
                    params,
                }
            }
            fn follows(&self) -> bool {
                self.params.follow
            }
            fn feed(
                &self,
                ctx: &$crate::api::admin::Ctx<'_>,
            ) -> Result<$query, $crate::engine::EngineError> {
                self.params.scoped(ctx, Some(&self.tenant))
            }
        }

        /// Every tenant's: operator keys only.
        #[derive(Debug, serde::Serialize)]
        #[serde(transparent)]
        pub struct All(pub $params);

        impl $crate::api::admin::Command for All {
            const ROUTE: $crate::api::admin::Route = $all_route;
            const INPUT: $crate::api::admin::Input = $crate::api::admin::Input::Query;
            const OPERATOR: bool = true;
            type Output = Vec<$item>;

            fn path_args(&self) -> Vec<&str> {
                Vec::new()
            }

            fn run(
                self,
                $ctx: &$crate::api::admin::Ctx<'_>,
            ) -> Result<Vec<$item>, $crate::engine::EngineError> {
                let $q = $crate::api::admin::Followed::feed(&self, $ctx)?;
                $read
            }
        }

        impl $crate::api::admin::Followed for All {
            type Feed = $query;
            type Item = $item;
            type Params = $params;
            fn new(_: Option<String>, params: $params) -> All {
                All(params)
            }
            fn follows(&self) -> bool {
                self.0.follow
            }
            fn feed(
                &self,
                ctx: &$crate::api::admin::Ctx<'_>,
            ) -> Result<$query, $crate::engine::EngineError> {
                self.0.scoped(ctx, None)
            }
        }
    };
}

// The commands, each resource in its file; after the macros they use.
pub mod diagnose;
pub mod directory;
pub mod events;
pub mod groups;
pub mod invitations;
pub mod log;
pub mod properties;
pub mod scim;
pub mod tenant;
pub mod token;
pub mod url;
pub mod users;
pub mod webhook;

/// Who runs a command.
#[derive(Debug, Clone, Copy)]
pub enum Caller<'a> {
    /// This machine's store, from the CLI or the dashboard: every tenant,
    /// and no bound but the engine's.
    Local,
    /// An admin key over the API: its scope, and the API's bounds on each
    /// answer's size.
    Key(&'a AdminGrant),
}

/// What a command runs with: the engine (acting as the caller), the
/// settings answers are built with, and who the caller is.
pub struct Ctx<'a> {
    pub engine: &'a Engine,
    /// The public URL tenant URLs are built from (config `public_url`).
    pub public_url: &'a str,
    /// Tokens older than this are flagged (config `token_max_age_days`).
    pub max_age_days: u32,
    pub caller: Caller<'a>,
    /// Whether email can be sent where the command runs (`smtp_url` set);
    /// `None` when not known.
    pub mail_configured: Option<bool>,
    /// The tenant [`Ctx::admit`] resolved, with the key it was named by.
    known: Option<(String, Tenant)>,
}

impl<'a> Ctx<'a> {
    pub fn new(
        engine: &'a Engine,
        public_url: &'a str,
        max_age_days: u32,
        caller: Caller<'a>,
    ) -> Ctx<'a> {
        Ctx {
            engine,
            public_url,
            max_age_days,
            caller,
            mail_configured: None,
            known: None,
        }
    }

    /// The same, saying whether email can be sent here.
    pub fn with_mail(mut self, configured: bool) -> Ctx<'a> {
        self.mail_configured = Some(configured);
        self
    }

    /// Whether the caller may touch the tenant with this id.
    pub fn allows(&self, tenant_id: &str) -> bool {
        match self.caller {
            Caller::Local => true,
            Caller::Key(g) => g.allows(tenant_id),
        }
    }

    /// Whether the API's bounds on an answer's size apply.
    pub fn bounded(&self) -> bool {
        matches!(self.caller, Caller::Key(_))
    }

    /// The tenant `key` (id or name) names, if the caller may touch it; for
    /// a scoped key another tenant is "not found", exactly as a missing one.
    pub fn tenant(&self, key: &str) -> Result<Tenant, EngineError> {
        if let Some((k, t)) = &self.known
            && k == key
        {
            return Ok(t.clone());
        }
        match self.engine.resolve_tenant(Some(key)) {
            Ok(t) if self.allows(&t.id) => Ok(t),
            Ok(_) | Err(EngineError::TenantNotFound(_)) => {
                Err(EngineError::TenantNotFound(key.to_owned()))
            }
            Err(e) => Err(e),
        }
    }

    pub fn operator(&self) -> Result<(), EngineError> {
        match self.caller {
            Caller::Key(AdminGrant {
                tenant_id: Some(_), ..
            }) => Err(EngineError::OperatorKeyRequired),
            _ => Ok(()),
        }
    }

    /// The scope checks of `C` before its input is read: the path's tenant
    /// within the caller's scope, then an operator key where `C` needs one.
    pub fn admit<C: Command>(&mut self, path: &[(String, String)]) -> Result<(), EngineError> {
        if let Some((_, key)) = path.iter().find(|(name, _)| name == "tenant") {
            let t = self.tenant(key)?;
            self.known = Some((key.clone(), t));
        }
        if C::OPERATOR {
            self.operator()?;
        }
        Ok(())
    }
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

fn is_false(b: &bool) -> bool {
    !b
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
        assert_eq!(
            routes::GROUPS_ASSIGN.params().collect::<Vec<_>>(),
            ["tenant", "group"]
        );
    }
}
