//! One typed error for the whole engine. Each variant carries a stable reason
//! code; its kind decides the SCIM status (HTTP face) and the exit code (CLI).
//! Messages say what was wrong; the faces add what to do in their own terms.

use thiserror::Error;

/// The broad class of a failure. The CLI maps it to an exit code, HTTP to a
/// status; the admin API's error body carries it (`not_found`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The request's values break a rule (bad email, bad id).
    Invalid,
    /// A credential was missing or did not verify.
    Unauthorized,
    /// A product rule refuses the operation ("Operation not permitted").
    Forbidden,
    NotFound,
    /// Something already exists.
    Conflict,
    /// An `If-Match` version did not match.
    PreconditionFailed,
    /// The store cannot be used (unreadable, not a database, newer schema).
    StoreUnavailable,
    /// It existed and is no more: a sign-up link used, expired or replaced.
    Gone,
    /// A bug or an unexpected failure below us.
    Internal,
}

impl ErrorKind {
    pub fn http_status(self) -> u16 {
        match self {
            ErrorKind::Invalid => 400,
            ErrorKind::Unauthorized => 401,
            ErrorKind::Forbidden => 403,
            ErrorKind::NotFound => 404,
            ErrorKind::Conflict => 409,
            ErrorKind::PreconditionFailed => 412,
            ErrorKind::StoreUnavailable => 503,
            ErrorKind::Gone => 410,
            ErrorKind::Internal => 500,
        }
    }

    /// The kind an HTTP error status stands for: what a client makes of an
    /// answer that does not name its kind.
    pub fn from_http_status(status: u16) -> ErrorKind {
        match status {
            400 | 413 => ErrorKind::Invalid,
            401 => ErrorKind::Unauthorized,
            403 => ErrorKind::Forbidden,
            404 => ErrorKind::NotFound,
            409 => ErrorKind::Conflict,
            412 => ErrorKind::PreconditionFailed,
            410 => ErrorKind::Gone,
            // Refused by a limit, or busy: nothing was done; retry later.
            429 | 503 => ErrorKind::StoreUnavailable,
            _ => ErrorKind::Internal,
        }
    }
}

/// The SCIM error types of RFC 7644 §3.12 (`scimType`), spelled on the
/// wire as the RFC does (`invalidValue`).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::EnumIter,
)]
#[strum(serialize_all = "camelCase")]
pub enum ScimType {
    InvalidFilter,
    TooMany,
    Uniqueness,
    Mutability,
    InvalidSyntax,
    InvalidPath,
    NoTarget,
    InvalidValue,
    InvalidVers,
    Sensitive,
}

impl ScimType {
    /// The `scimType` as sent on the wire.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl std::fmt::Display for ScimType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A failure inside a store implementation, without the driver's types.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("cannot create the store directory {path}: {reason}")]
    CreateDir { path: String, reason: String },
    #[error("cannot open the store {path}: {reason}")]
    Open { path: String, reason: String },
    #[error("{path} is not a scimctl store (not a SQLite database)")]
    NotADatabase { path: String },
    #[error(
        "the store {path} was written by a newer scimctl (schema version {found}; this scimctl knows up to {supported})"
    )]
    NewerSchema {
        path: String,
        found: i64,
        supported: i64,
    },
    #[error("the store {path} is read-only: {reason}")]
    ReadOnly { path: String, reason: String },
    #[error("the store is busy (another process holds a write lock): {0}")]
    Busy(String),
    #[error("invalid store URL {url}: {reason}")]
    BadUrl { url: String, reason: String },
    #[error("cannot reach the PostgreSQL server of {url}: {reason}")]
    Unreachable { url: String, reason: String },
    #[error("the PostgreSQL server of {url} refused the login: {reason}")]
    LoginRefused { url: String, reason: String },
    #[error("the PostgreSQL server of {url} has no database \"{database}\"")]
    NoDatabase { url: String, database: String },
    #[error("store error: {0}")]
    Backend(String),
}

#[derive(Debug, Error)]
pub enum EngineError {
    #[error("tenant \"{0}\" not found")]
    TenantNotFound(String),
    #[error("no tenant exists yet")]
    NoTenants,
    #[error("{count} tenants exist and none was chosen")]
    TenantNotChosen { count: usize },
    #[error("a tenant with {field} \"{value}\" already exists")]
    TenantExists { field: &'static str, value: String },
    #[error("invalid tenant id \"{0}\": use 1 to 64 characters of a-z, 0-9, '-' and '_'")]
    InvalidTenantId(String),
    #[error("invalid tenant name: {0}")]
    InvalidTenantName(String),
    #[error(
        "tenant \"{tenant}\" has {members} members; its attribute policy can only change while it has none"
    )]
    PolicyLocked { tenant: String, members: u64 },

    #[error(
        "tenant \"{tenant}\" already has a token (fingerprint {fingerprint}, created {created})"
    )]
    TokenExists {
        tenant: String,
        fingerprint: String,
        created: String,
    },
    #[error("tenant \"{tenant}\" has no active token")]
    NoToken { tenant: String },
    #[error("the token does not match tenant \"{tenant}\"'s current token{detail}")]
    TokenRejected { tenant: String, detail: String },

    #[error("\"{0}\" is not a valid email address")]
    InvalidEmail(String),
    #[error("invalid {field}: {reason}")]
    InvalidValue { field: &'static str, reason: String },

    #[error("{email} is already a member of tenant \"{tenant}\"")]
    AlreadyMember { email: String, tenant: String },
    #[error("the account {email} is provisioned by another tenant's identity provider")]
    ManagedElsewhere { email: String },
    /// The deprovisioning guard holds the IdP's deactivations and deletions
    /// (`engine::guard`): retryable, answered 429 with `Retry-After`.
    #[error("{message}")]
    DeprovisioningHeld { message: String },

    #[error("property \"{name}\" not found in tenant \"{tenant}\"")]
    PropertyNotFound { name: String, tenant: String },
    #[error("property \"{name}\" already exists in tenant \"{tenant}\"")]
    PropertyExists { name: String, tenant: String },
    #[error("group \"{name}\" not found in tenant \"{tenant}\"")]
    GroupNotFound { name: String, tenant: String },
    #[error("group \"{name}\" already exists in tenant \"{tenant}\"")]
    GroupExists { name: String, tenant: String },
    #[error("user {email} not found in tenant \"{tenant}\"")]
    UserNotFound { email: String, tenant: String },
    #[error("tenant \"{tenant}\" has no previous token in a grace period")]
    NoPreviousToken { tenant: String },
    #[error("no request {0:?} in the provisioning log")]
    RequestNotFound(String),
    #[error("{email} has no sign-up invitation")]
    NoInvitation { email: String },
    #[error("{email} already used the sign-up link: the account is signed up")]
    InvitationRedeemed { email: String },
    #[error("the sign-up link no longer works: {why}")]
    InvitationLinkGone { why: &'static str },

    /// A SCIM request's bearer token is missing or not valid for the tenant.
    #[error("the secret token is missing or not valid for this tenant URL")]
    Unauthenticated(super::auth::Rejection),
    #[error("Operation not permitted: SCIM provisioning is disabled for this tenant")]
    ScimDisabled,
    #[error(
        "Operation not permitted: {email} has accounts outside this tenant and can only be managed in the product"
    )]
    ExternalAccounts { email: String },
    #[error(
        "Operation not permitted: {email} is a central (portfolio-level) user and cannot be managed by SCIM"
    )]
    CentralUser { email: String },

    // SCIM protocol errors (RFC 7644 §3.12), raised by the protocol engine.
    #[error("invalid filter: {0}")]
    InvalidFilter(String),
    /// A 400 with the given scimType: invalidValue, invalidSyntax,
    /// invalidPath, noTarget, tooMany.
    #[error("{message}")]
    ScimInvalid {
        scim_type: ScimType,
        message: String,
    },
    #[error("{message}")]
    Mutability { message: String },
    #[error("{message}")]
    Uniqueness { message: String },
    #[error("{} {id} not found", kind.name())]
    ResourceNotFound {
        kind: super::scim::schema::ResourceKind,
        id: String,
    },
    /// Nothing at a path (an endpoint, a discovery document).
    #[error("{0}")]
    ScimNotFound(String),
    #[error("the resource has version {current}, but the request expected {expected}")]
    PreconditionFailed { expected: String, current: String },
    /// Input over one of the documented caps (`scim::limits`): `limit`
    /// names it, `max` is its value; the message says both.
    #[error("{message}")]
    LimitExceeded {
        limit: &'static str,
        max: usize,
        message: String,
    },
    /// A list whose filter no index answers scanned past its time budget.
    #[error("{message}")]
    FilterTooCostly { message: String },

    /// An admin API request without a usable admin key (what was wrong).
    #[error("{0}")]
    AdminKeyRejected(&'static str),
    #[error("an admin key named \"{name}\" already exists")]
    AdminKeyExists { name: String },
    #[error("admin key \"{name}\" not found")]
    AdminKeyNotFound { name: String },
    #[error("Operation not permitted: this admin key is scoped to one tenant")]
    OperatorKeyRequired,

    #[error("webhook endpoint \"{id}\" not found in tenant \"{tenant}\"")]
    WebhookNotFound { id: String, tenant: String },
    #[error("webhook delivery \"{id}\" not found in tenant \"{tenant}\"")]
    DeliveryNotFound { id: String, tenant: String },
    #[error("webhook endpoint \"{id}\" is disabled")]
    WebhookDisabled { id: String },

    /// A failure that is no one's input: the OS random generator, a value
    /// that would not serialise, a worker thread that died.
    #[error("internal error: {0}")]
    Internal(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl EngineError {
    pub fn kind(&self) -> ErrorKind {
        use EngineError::*;
        match self {
            TenantNotFound(_) | NoTenants | NoToken { .. } | NoPreviousToken { .. } => {
                ErrorKind::NotFound
            }
            PropertyNotFound { .. }
            | GroupNotFound { .. }
            | UserNotFound { .. }
            | RequestNotFound(_)
            | NoInvitation { .. } => ErrorKind::NotFound,
            InvitationRedeemed { .. } => ErrorKind::Conflict,
            InvitationLinkGone { .. } => ErrorKind::Gone,
            TenantNotChosen { .. }
            | InvalidTenantId(_)
            | InvalidTenantName(_)
            | InvalidEmail(_)
            | InvalidValue { .. } => ErrorKind::Invalid,
            TenantExists { .. }
            | PolicyLocked { .. }
            | TokenExists { .. }
            | AlreadyMember { .. }
            | PropertyExists { .. }
            | GroupExists { .. } => ErrorKind::Conflict,
            TokenRejected { .. } | Unauthenticated(_) => ErrorKind::Unauthorized,
            ScimDisabled | ExternalAccounts { .. } | CentralUser { .. } => ErrorKind::Forbidden,
            InvalidFilter(_) | ScimInvalid { .. } | Mutability { .. } => ErrorKind::Invalid,
            LimitExceeded { .. } | FilterTooCostly { .. } => ErrorKind::Invalid,
            Uniqueness { .. } => ErrorKind::Conflict,
            ResourceNotFound { .. } | ScimNotFound(_) => ErrorKind::NotFound,
            PreconditionFailed { .. } => ErrorKind::PreconditionFailed,
            ManagedElsewhere { .. } => ErrorKind::Forbidden,
            DeprovisioningHeld { .. } => ErrorKind::StoreUnavailable,
            AdminKeyRejected(_) => ErrorKind::Unauthorized,
            AdminKeyExists { .. } => ErrorKind::Conflict,
            AdminKeyNotFound { .. } => ErrorKind::NotFound,
            WebhookNotFound { .. } | DeliveryNotFound { .. } => ErrorKind::NotFound,
            WebhookDisabled { .. } => ErrorKind::Conflict,
            OperatorKeyRequired => ErrorKind::Forbidden,
            Internal(_) => ErrorKind::Internal,
            Store(e) => match e {
                StoreError::Backend(_) => ErrorKind::Internal,
                _ => ErrorKind::StoreUnavailable,
            },
        }
    }

    /// Stable machine-readable reason code; documented, never renamed.
    pub fn reason(&self) -> &'static str {
        use EngineError::*;
        match self {
            TenantNotFound(_) => "tenant_not_found",
            NoTenants => "no_tenants",
            TenantNotChosen { .. } => "tenant_not_chosen",
            TenantExists { .. } => "tenant_exists",
            InvalidTenantId(_) => "invalid_tenant_id",
            InvalidTenantName(_) => "invalid_tenant_name",
            PolicyLocked { .. } => "policy_locked",
            TokenExists { .. } => "token_exists",
            NoToken { .. } => "no_token",
            TokenRejected { .. } => "invalid_token",
            InvalidEmail(_) => "invalid_email",
            InvalidValue { .. } => "invalid_value",
            AlreadyMember { .. } => "uniqueness",
            ManagedElsewhere { .. } => "managed_elsewhere",
            DeprovisioningHeld { .. } => "deprovisioning_held",
            PropertyNotFound { .. } => "property_not_found",
            PropertyExists { .. } => "property_exists",
            GroupNotFound { .. } => "group_not_found",
            GroupExists { .. } => "group_exists",
            UserNotFound { .. } => "user_not_found",
            RequestNotFound(_) => "request_not_found",
            NoInvitation { .. } => "no_invitation",
            InvitationRedeemed { .. } => "invitation_redeemed",
            InvitationLinkGone { .. } => "invitation_link_gone",
            NoPreviousToken { .. } => "no_previous_token",
            Unauthenticated(_) => "invalid_token",
            ScimDisabled => "scim_disabled",
            ExternalAccounts { .. } => "external_accounts",
            CentralUser { .. } => "central_user",
            InvalidFilter(_) => "invalid_filter",
            ScimInvalid { scim_type, .. } => match scim_type {
                ScimType::InvalidSyntax => "invalid_syntax",
                ScimType::InvalidPath => "invalid_path",
                ScimType::NoTarget => "no_target",
                ScimType::TooMany => "too_many",
                ScimType::InvalidFilter => "invalid_filter",
                ScimType::Uniqueness => "uniqueness",
                ScimType::Mutability => "mutability",
                ScimType::InvalidValue | ScimType::InvalidVers | ScimType::Sensitive => {
                    "invalid_value"
                }
            },
            Mutability { .. } => "mutability",
            Uniqueness { .. } => "uniqueness",
            ResourceNotFound { .. } | ScimNotFound(_) => "not_found",
            PreconditionFailed { .. } => "precondition_failed",
            LimitExceeded { .. } => "limit_exceeded",
            FilterTooCostly { .. } => "filter_too_costly",
            AdminKeyRejected(_) => "invalid_admin_key",
            AdminKeyExists { .. } => "admin_key_exists",
            AdminKeyNotFound { .. } => "admin_key_not_found",
            WebhookNotFound { .. } => "webhook_not_found",
            DeliveryNotFound { .. } => "delivery_not_found",
            WebhookDisabled { .. } => "webhook_disabled",
            OperatorKeyRequired => "operator_key_required",
            Internal(_) => "internal_error",
            Store(e) => match e {
                StoreError::CreateDir { .. } | StoreError::Open { .. } => "store_unavailable",
                StoreError::ReadOnly { .. } => "store_read_only",
                StoreError::NotADatabase { .. } => "store_not_a_database",
                StoreError::NewerSchema { .. } => "store_newer_schema",
                StoreError::Busy(_) => "store_busy",
                StoreError::BadUrl { .. } => "store_bad_url",
                StoreError::Unreachable { .. } => "store_unreachable",
                StoreError::LoginRefused { .. } => "store_login_refused",
                StoreError::NoDatabase { .. } => "store_no_database",
                StoreError::Backend(_) => "store_error",
            },
        }
    }

    /// The SCIM `scimType` for errors that have one (RFC 7644 §3.12).
    pub fn scim_type(&self) -> Option<ScimType> {
        use EngineError::*;
        match self {
            AlreadyMember { .. } | TenantExists { .. } | GroupExists { .. } | Uniqueness { .. } => {
                Some(ScimType::Uniqueness)
            }
            InvalidEmail(_) | InvalidValue { .. } | LimitExceeded { .. } => {
                Some(ScimType::InvalidValue)
            }
            FilterTooCostly { .. } => Some(ScimType::TooMany),
            InvalidFilter(_) => Some(ScimType::InvalidFilter),
            ScimInvalid { scim_type, .. } => Some(*scim_type),
            Mutability { .. } => Some(ScimType::Mutability),
            _ => None,
        }
    }
}

pub type Result<T, E = EngineError> = std::result::Result<T, E>;

impl From<super::scim::patch::PatchError> for EngineError {
    fn from(e: super::scim::patch::PatchError) -> EngineError {
        match e.scim_type {
            ScimType::Mutability => EngineError::Mutability { message: e.message },
            scim_type => EngineError::ScimInvalid {
                scim_type,
                message: e.message,
            },
        }
    }
}

impl EngineError {
    /// What to do about it, in the CLI's terms. One source for every face:
    /// the CLI prints it after the message, the admin API returns it as
    /// `hint`, so a remote command says exactly what a local one does.
    pub fn hint(&self) -> Option<&'static str> {
        use EngineError as E;
        let h = match self {
            E::TenantNotFound(_) => "list the tenants with 'scimctl tenant list'",
            E::NoTenants => "create one with 'scimctl tenant create NAME'",
            E::TenantNotChosen { .. } => {
                "choose one with --tenant ID|NAME or SCIMCTL_TENANT ('scimctl tenant list' shows them)"
            }
            E::TenantExists { .. } => "choose another name or id, or see 'scimctl tenant list'",
            E::InvalidTenantId(_) | E::InvalidTenantName(_) => return None,
            E::PolicyLocked { .. } => {
                "create a new tenant with 'scimctl tenant create NAME --policy ...' instead"
            }
            E::TokenExists { .. } => "use 'scimctl token regenerate' to replace it",
            E::NoToken { .. } => "create one with 'scimctl token generate'",
            E::TokenRejected { .. } => {
                "give the identity provider the current token; if it was lost, run 'scimctl token regenerate'"
            }
            E::InvalidEmail(_) => "give an email address such as jane.doe@example.com",
            E::InvalidValue { .. } => return None,
            E::AlreadyMember { .. } => {
                "nothing to add; to add another person, use their email address"
            }
            E::ManagedElsewhere { .. } => {
                "only that tenant's identity provider can change it; use another email address"
            }
            E::DeprovisioningHeld { .. } => {
                "check the identity provider's scope; then 'scimctl scim guard approve' or 'scimctl scim guard reject'"
            }
            E::PropertyNotFound { .. } => {
                "add it with 'scimctl properties add NAME', or see 'scimctl properties list'"
            }
            E::PropertyExists { .. } => "see 'scimctl properties list'",
            E::GroupNotFound { .. } => {
                "create it with 'scimctl groups create NAME', or see 'scimctl groups list'"
            }
            E::GroupExists { .. } => "see 'scimctl groups list'",
            E::UserNotFound { .. } => {
                "check the address; 'scimctl diagnose user EMAIL' says why a user is not in the tenant"
            }
            E::NoPreviousToken { .. } => {
                "nothing to end: 'scimctl token status' shows the tokens; a previous token exists only after 'token regenerate --grace'"
            }
            E::RequestNotFound(_) => {
                "copy the id from the error's detail (reason …, request r-…) or from 'scimctl log'; records older than the retention ('scimctl config show') are pruned"
            }
            E::NoInvitation { .. } => {
                "a user is invited once it is in a group with a property: 'scimctl diagnose user EMAIL' says why not yet"
            }
            E::InvitationRedeemed { .. } => "nothing to resend: the user has signed up",
            E::InvitationLinkGone { .. } => {
                "ask the tenant's administrator for a new link ('scimctl invitations resend EMAIL')"
            }
            E::Unauthenticated(_) => "give the tenant's current token",
            E::ScimDisabled => "turn SCIM on with 'scimctl scim enable'",
            E::ExternalAccounts { .. } | E::CentralUser { .. } => {
                "manage this user in the product, or give the identity provider another email address"
            }
            E::InvalidFilter(_)
            | E::LimitExceeded { .. }
            | E::FilterTooCostly { .. }
            | E::ScimInvalid { .. }
            | E::Mutability { .. }
            | E::Uniqueness { .. }
            | E::ResourceNotFound { .. }
            | E::ScimNotFound(_)
            | E::PreconditionFailed { .. } => return None,
            E::Internal(_) => "this is a bug; rerun with -v and report the output",
            E::Store(s) => match s {
                StoreError::CreateDir { .. }
                | StoreError::Open { .. }
                | StoreError::ReadOnly { .. } => {
                    "choose a writable location with --store PATH or SCIMCTL_STORE"
                }
                StoreError::NotADatabase { .. } => {
                    "point --store at a scimctl store, or move this file away to start a new one"
                }
                StoreError::NewerSchema { .. } => {
                    "upgrade scimctl, or point --store at another store"
                }
                StoreError::Busy(_) => "another process is writing; retry in a moment",
                StoreError::BadUrl { .. } => {
                    "write it as postgres://USER@HOST:PORT/DATABASE[?sslmode=disable|prefer|require|verify-full], with the password in PGPASSWORD or ~/.pgpass"
                }
                StoreError::Unreachable { .. } => {
                    "check the host and port, that the server runs, and that it accepts connections from this host (listen_addresses, pg_hba.conf)"
                }
                StoreError::LoginRefused { .. } => {
                    "check the user in the URL and its password in PGPASSWORD or ~/.pgpass (never in the URL)"
                }
                StoreError::NoDatabase { .. } => {
                    "create it (createdb -O USER DATABASE) or fix the database name in the URL"
                }
                StoreError::Backend(_) => {
                    "this is a bug or a damaged store; rerun with -v and report the output"
                }
            },

            E::AdminKeyRejected(_) => {
                "create a key on the server host with 'scimctl admin-key create NAME' and send it as 'Authorization: Bearer <key>'"
            }
            E::AdminKeyExists { .. } => "choose another name, or see 'scimctl admin-key list'",
            E::AdminKeyNotFound { .. } => "see 'scimctl admin-key list'",
            E::WebhookNotFound { .. } => "see 'scimctl webhook list' for the tenant's endpoints",
            E::DeliveryNotFound { .. } => {
                "see 'scimctl webhook deliveries' for the tenant's deliveries"
            }
            E::WebhookDisabled { .. } => {
                "see why with 'scimctl webhook list', then enable it with 'scimctl webhook enable ID'"
            }
            E::OperatorKeyRequired => {
                "use an operator key (created with 'scimctl admin-key create NAME' without --tenant)"
            }
        };
        Some(h)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn scim_types_are_the_rfcs() {
        let all: Vec<&str> = ScimType::iter().map(ScimType::as_str).collect();
        assert_eq!(
            all,
            [
                "invalidFilter",
                "tooMany",
                "uniqueness",
                "mutability",
                "invalidSyntax",
                "invalidPath",
                "noTarget",
                "invalidValue",
                "invalidVers",
                "sensitive"
            ]
        );
        for t in ScimType::iter() {
            assert_eq!(t.as_str().parse::<ScimType>().ok(), Some(t));
        }
    }
}
