//! SCIM responses: `application/scim+json` on everything, errors as SCIM
//! Error messages whose `detail` an IT admin can act on (Entra shows it
//! verbatim), with the reason code and the request id in it.

use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::engine::scim::schema::ERROR_URN;
use crate::engine::{EngineError, ScimType};

pub const SCIM_JSON: &str = "application/scim+json";
pub static REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// A SCIM JSON response with optional `ETag` and `Location`.
pub struct ScimJson {
    pub status: StatusCode,
    pub body: Option<Value>,
    pub etag: Option<String>,
    pub location: Option<String>,
}

impl ScimJson {
    pub fn ok(body: Value) -> ScimJson {
        ScimJson {
            status: StatusCode::OK,
            body: Some(body),
            etag: None,
            location: None,
        }
    }
    pub fn no_content() -> ScimJson {
        ScimJson {
            status: StatusCode::NO_CONTENT,
            body: None,
            etag: None,
            location: None,
        }
    }
}

impl IntoResponse for ScimJson {
    fn into_response(self) -> Response {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(SCIM_JSON));
        if let Some(e) = self.etag.and_then(|e| HeaderValue::from_str(&e).ok()) {
            headers.insert(header::ETAG, e);
        }
        if let Some(l) = self.location.and_then(|l| HeaderValue::from_str(&l).ok()) {
            headers.insert(header::LOCATION, l.clone());
            headers.insert(header::CONTENT_LOCATION, l);
        }
        match self.body {
            // Serialised straight into the bytes sent (`to_string` goes
            // through `fmt`'s writer, a call per token: it showed in
            // profiles); the same compact JSON.
            // A kilobyte up front holds a user or a small page: growing
            // from empty reallocated three or four times per response.
            Some(b) => {
                let mut bytes = Vec::with_capacity(1024);
                match serde_json::to_writer(&mut bytes, &b) {
                    Ok(()) => (self.status, headers, axum::body::Body::from(bytes)).into_response(),
                    Err(_) => (self.status, headers, b.to_string()).into_response(),
                }
            }
            None => (self.status, headers).into_response(),
        }
    }
}

/// A SCIM error response.
#[derive(Debug, Clone)]
pub struct ScimError {
    pub status: StatusCode,
    pub scim_type: Option<&'static str>,
    pub reason: &'static str,
    /// What was wrong and what to do, without the reason/request suffix.
    pub message: String,
    pub request_id: String,
}

impl ScimError {
    pub fn new(
        status: StatusCode,
        scim_type: Option<&'static str>,
        reason: &'static str,
        message: impl Into<String>,
        request_id: &str,
    ) -> ScimError {
        ScimError {
            status,
            scim_type,
            reason,
            message: message.into(),
            request_id: request_id.to_owned(),
        }
    }

    pub fn from_engine(e: &EngineError, request_id: &str) -> ScimError {
        let status = match e {
            // Retryable, and retried by Entra and Okta after Retry-After
            // (see engine::guard and README's guard section).
            EngineError::DeprovisioningHeld { .. } => StatusCode::TOO_MANY_REQUESTS,
            e => StatusCode::from_u16(e.kind().http_status())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        };
        let message = match e {
            EngineError::Unauthenticated(_) => {
                "The secret token is missing or not valid for this tenant URL; enter the tenant's current secret token in the identity provider (it changes when the token is regenerated)".to_owned()
            }
            EngineError::ScimDisabled => {
                "Operation not permitted: SCIM provisioning is disabled for this tenant; an administrator must enable it".to_owned()
            }
            EngineError::Store(_) => {
                tracing::error!(request_id, error = %e, "store failure");
                "The service could not complete the request because of an internal storage problem; retry later".to_owned()
            }
            EngineError::Internal(_) => {
                tracing::error!(request_id, error = %e, "internal failure");
                "The service failed while handling the request; retry later".to_owned()
            }
            other => capitalise(&other.to_string()),
        };
        ScimError::new(
            status,
            e.scim_type().map(ScimType::as_str),
            e.reason(),
            message,
            request_id,
        )
    }

    pub fn detail(&self) -> String {
        format!(
            "{} (reason {}, request {})",
            self.message.trim_end_matches('.'),
            self.reason,
            self.request_id
        )
    }

    pub fn body(&self) -> Value {
        let mut v = json!({
            "schemas": [ERROR_URN],
            "status": self.status.as_u16().to_string(),
            "detail": self.detail(),
        });
        if let Some(t) = self.scim_type {
            v["scimType"] = t.into();
        }
        v
    }
}

/// Starts a sentence with a capital, unless it starts with an attribute
/// name (`userName …`), which keeps its spelling.
fn capitalise(s: &str) -> String {
    let first = s.split_whitespace().next().unwrap_or("");
    if first.chars().skip(1).any(char::is_uppercase) {
        return s.to_owned();
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

impl IntoResponse for ScimError {
    fn into_response(self) -> Response {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(SCIM_JSON));
        if self.status == StatusCode::UNAUTHORIZED {
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"scim\""),
            );
        }
        (self.status, headers, self.body().to_string()).into_response()
    }
}
