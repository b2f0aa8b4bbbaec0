//! SCIM bearer tokens: 256-bit random, shown once, stored only as SHA-256,
//! verified in constant time, displayed by an 8-character fingerprint.

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use time::OffsetDateTime;
use zeroize::Zeroizing;

use serde_json::json;

use super::error::{EngineError, Result};
use super::events::EventType;
use super::model::{Tenant, TokenRecord, TokenState};
use super::{Engine, new_id, now, tenant_url, tenants};

/// Every token starts with this, so secret scanners can recognise a leak.
pub const TOKEN_PREFIX: &str = "scim_";

/// A secret value: no `Display`, a redacted `Debug`, wiped from memory on
/// drop. `expose()` marks each place where it leaves protection.
#[derive(Clone)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    pub fn new(s: String) -> Secret {
        Secret(Zeroizing::new(s))
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(REDACTED)")
    }
}

pub fn hash(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

/// Short, non-secret name of a token: the first 4 bytes of its hash in hex.
pub fn fingerprint(hash: &[u8; 32]) -> String {
    hash[..4].iter().map(|b| format!("{b:02x}")).collect()
}

fn generate_secret() -> Result<Secret> {
    new_secret(TOKEN_PREFIX)
}

/// `prefix` + 43 base64url characters of 32 bytes from the OS generator
/// (SCIM tokens and admin keys alike).
pub(crate) fn new_secret(prefix: &str) -> Result<Secret> {
    let mut bytes = Zeroizing::new([0u8; 32]);
    getrandom::fill(bytes.as_mut()).map_err(|e| {
        EngineError::Internal(format!(
            "the operating system's random generator failed: {e}"
        ))
    })?;
    Ok(Secret::new(format!(
        "{prefix}{}",
        URL_SAFE_NO_PAD.encode(bytes.as_ref())
    )))
}

/// A freshly issued token: the only time the secret exists outside the IdP.
#[derive(Debug)]
pub struct IssuedToken {
    pub token: Secret,
    pub record: TokenRecord,
    /// Fingerprint of the token this one replaced, if any.
    pub replaced: Option<String>,
    /// Until when the replaced token stays valid (`--grace`).
    pub previous_until: Option<OffsetDateTime>,
}

/// A token shown once, as every face hands it over (`token generate
/// --output json`, the admin API, the remote backend): owned, so it can
/// cross the wire, with the secret zeroized when it is dropped.
#[derive(Debug)]
pub struct IssuedTokenView {
    pub token: Secret,
    pub fingerprint: String,
    pub tenant_id: String,
    pub tenant_url: String,
    pub created_at: OffsetDateTime,
    pub replaced_fingerprint: Option<String>,
    /// Until when the replaced token is still accepted (rotation with grace).
    pub replaced_valid_until: Option<OffsetDateTime>,
}

/// The stable JSON shape of [`IssuedTokenView`]; `Secret` itself is never
/// serialisable, so the one place a token becomes JSON is this.
#[derive(Serialize, Deserialize)]
struct IssuedTokenJson<T> {
    token: T,
    fingerprint: String,
    tenant_id: String,
    tenant_url: String,
    #[serde(with = "time::serde::rfc3339")]
    created_at: OffsetDateTime,
    replaced_fingerprint: Option<String>,
    #[serde(with = "time::serde::rfc3339::option")]
    replaced_valid_until: Option<OffsetDateTime>,
}

impl Serialize for IssuedTokenView {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        IssuedTokenJson {
            token: self.token.expose(),
            fingerprint: self.fingerprint.clone(),
            tenant_id: self.tenant_id.clone(),
            tenant_url: self.tenant_url.clone(),
            created_at: self.created_at,
            replaced_fingerprint: self.replaced_fingerprint.clone(),
            replaced_valid_until: self.replaced_valid_until,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for IssuedTokenView {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let j = IssuedTokenJson::<String>::deserialize(d)?;
        Ok(IssuedTokenView {
            token: Secret::new(j.token),
            fingerprint: j.fingerprint,
            tenant_id: j.tenant_id,
            tenant_url: j.tenant_url,
            created_at: j.created_at,
            replaced_fingerprint: j.replaced_fingerprint,
            replaced_valid_until: j.replaced_valid_until,
        })
    }
}

impl IssuedToken {
    /// The view of this token for a server whose public URL is `public_url`.
    pub fn view(self, public_url: &str) -> IssuedTokenView {
        IssuedTokenView {
            tenant_url: tenant_url(public_url, &self.record.tenant_id),
            token: self.token,
            fingerprint: self.record.fingerprint,
            tenant_id: self.record.tenant_id,
            created_at: self.record.created_at,
            replaced_fingerprint: self.replaced,
            replaced_valid_until: self.previous_until,
        }
    }
}

/// A token's metadata as the tools show it; never the secret.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TokenInfo {
    pub fingerprint: String,
    pub state: TokenState,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    pub age_days: i64,
    #[serde(with = "time::serde::rfc3339::option")]
    pub last_used_at: Option<OffsetDateTime>,
    pub last_used_from: Option<String>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub grace_until: Option<OffsetDateTime>,
}

impl TokenInfo {
    pub fn new(r: &TokenRecord, at: OffsetDateTime) -> TokenInfo {
        TokenInfo {
            fingerprint: r.fingerprint.clone(),
            state: r.state,
            created_at: r.created_at,
            age_days: (at - r.created_at).whole_days(),
            last_used_at: r.last_used_at,
            last_used_from: r.last_used_from.clone(),
            grace_until: r.grace_until,
        }
    }
}

/// `token status`: the active token (and one in its grace period) with an
/// age warning. Tokens never expire on their own; old ones are flagged.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TokenStatus {
    pub tenant_id: String,
    pub token: Option<TokenInfo>,
    pub previous: Option<TokenInfo>,
    pub max_age_days: u32,
    pub warning: Option<String>,
}

/// What `verify` found for a presented token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TokenCheck {
    pub tenant_id: String,
    pub valid: bool,
    pub fingerprint: String,
    /// State of the matching record, when the token is known at all.
    pub state: Option<TokenState>,
    /// When a known token stopped being valid.
    #[serde(with = "time::serde::rfc3339::option")]
    pub ended_at: Option<OffsetDateTime>,
}

fn age_warning(active: Option<&TokenInfo>, max_age_days: u32) -> Option<String> {
    let t = active?;
    (t.age_days >= i64::from(max_age_days)).then(|| {
        format!(
            "token {} is {} days old (limit {} days); regenerate it and update the identity provider",
            t.fingerprint, t.age_days, max_age_days
        )
    })
}

/// The longest grace period a rotation may give the previous token.
pub const MAX_GRACE: time::Duration = time::Duration::days(30);

impl Engine {
    /// Issues the tenant's first token; refuses when one is active.
    pub fn generate_token(&self, tenant: &Tenant) -> Result<IssuedToken> {
        self.issue(tenant, false, None)
    }

    /// Issues a new token and ends the old one in the same transaction: once
    /// this returns, no request can authenticate with the old token.
    pub fn regenerate_token(&self, tenant: &Tenant) -> Result<IssuedToken> {
        self.issue(tenant, true, None)
    }

    /// Zero-downtime rotation: issues a new token and keeps the old one
    /// valid for `grace` (at most `MAX_GRACE`), so the identity provider can
    /// be updated before the old one dies. Any earlier previous token ends now.
    pub fn regenerate_token_with_grace(
        &self,
        tenant: &Tenant,
        grace: time::Duration,
    ) -> Result<IssuedToken> {
        if grace <= time::Duration::ZERO || grace > MAX_GRACE {
            return Err(EngineError::InvalidValue {
                field: "--grace",
                reason: format!(
                    "the grace period must be more than 0 and at most {} days",
                    MAX_GRACE.whole_days()
                ),
            });
        }
        self.issue(tenant, true, Some(grace))
    }

    fn issue(
        &self,
        tenant: &Tenant,
        replace: bool,
        grace: Option<time::Duration>,
    ) -> Result<IssuedToken> {
        let token = generate_secret()?;
        let h = hash(token.expose());
        self.write(|tx| {
            let t = tenants::get(tx, &tenant.id)?;
            let at = now();
            let mut replaced = None;
            for mut old in tx.live_tokens(&t.id)? {
                if old.state == TokenState::Active && !replace {
                    return Err(EngineError::TokenExists {
                        tenant: t.name.clone(),
                        fingerprint: old.fingerprint.clone(),
                        created: old.created_at.date().to_string(),
                    });
                }
                let was_active = old.state == TokenState::Active;
                if was_active {
                    replaced = Some(old.fingerprint.clone());
                }
                match grace {
                    Some(g) if was_active => {
                        old.state = TokenState::Previous;
                        old.grace_until = Some(at + g);
                    }
                    _ => {
                        old.state = TokenState::Superseded;
                        old.grace_until = None;
                    }
                }
                if was_active || old.ended_at.is_none() {
                    old.ended_at = Some(at);
                }
                tx.update_token(&old)?;
            }
            let record = TokenRecord {
                id: new_id(),
                tenant_id: t.id.clone(),
                hash: h,
                fingerprint: fingerprint(&h),
                state: TokenState::Active,
                created_at: at,
                last_used_at: None,
                last_used_from: None,
                ended_at: None,
                grace_until: None,
            };
            tx.insert_token(&record)?;
            let action = if replace {
                "token.regenerate"
            } else {
                "token.generate"
            };
            let detail = replaced.as_ref().map(|f| match grace {
                Some(g) => format!("replaced {f}, which stays valid for {g}"),
                None => format!("replaced {f}"),
            });
            self.audit(tx, Some(&t.id), action, Some(&record.fingerprint), detail)?;
            let previous_until = replaced.as_ref().and(grace).map(|g| at + g);
            self.emit(
                tx,
                &t.id,
                match replace {
                    true => EventType::TokenRegenerated,
                    false => EventType::TokenGenerated,
                },
                json!({
                    "token": {"fingerprint": record.fingerprint},
                    "replaced": replaced,
                    "previous_valid_until": previous_until.map(crate::engine::scim::resource::rfc3339),
                }),
            )?;
            Ok(IssuedToken {
                token: token.clone(),
                previous_until: replaced.as_ref().and(grace).map(|g| at + g),
                record,
                replaced,
            })
        })
    }

    /// Revokes the active token (and any in a grace period). Returns the
    /// fingerprints revoked.
    pub fn revoke_token(&self, tenant: &Tenant) -> Result<Vec<String>> {
        self.write(|tx| {
            let t = tenants::get(tx, &tenant.id)?;
            let live = tx.live_tokens(&t.id)?;
            if live.is_empty() {
                return Err(EngineError::NoToken { tenant: t.name });
            }
            let at = now();
            let mut revoked = Vec::new();
            for mut old in live {
                old.state = TokenState::Revoked;
                old.ended_at = Some(at);
                old.grace_until = None;
                tx.update_token(&old)?;
                self.audit(
                    tx,
                    Some(&t.id),
                    "token.revoke",
                    Some(&old.fingerprint),
                    None,
                )?;
                self.emit(
                    tx,
                    &t.id,
                    EventType::TokenRevoked,
                    json!({"token": {"fingerprint": old.fingerprint}, "previous": false}),
                )?;
                revoked.push(old.fingerprint);
            }
            Ok(revoked)
        })
    }

    /// Ends the previous token's grace period now (`token revoke --previous`),
    /// once the identity provider uses the new token. Returns its fingerprint.
    pub fn revoke_previous_token(&self, tenant: &Tenant) -> Result<String> {
        self.write(|tx| {
            let t = tenants::get(tx, &tenant.id)?;
            let at = now();
            let Some(mut old) = tx
                .live_tokens(&t.id)?
                .into_iter()
                .find(|r| r.state == TokenState::Previous && r.grace_until.is_some_and(|g| g > at))
            else {
                return Err(EngineError::NoPreviousToken { tenant: t.name });
            };
            old.state = TokenState::Revoked;
            old.grace_until = None;
            tx.update_token(&old)?;
            self.audit(
                tx,
                Some(&t.id),
                "token.revoke_previous",
                Some(&old.fingerprint),
                None,
            )?;
            self.emit(
                tx,
                &t.id,
                EventType::TokenRevoked,
                json!({"token": {"fingerprint": old.fingerprint}, "previous": true}),
            )?;
            Ok(old.fingerprint)
        })
    }

    pub fn token_status(&self, tenant: &Tenant, max_age_days: u32) -> Result<TokenStatus> {
        self.read(|tx| {
            let t = tenants::get(tx, &tenant.id)?;
            let at = now();
            let live = tx.live_tokens(&t.id)?;
            let pick = |s: TokenState| {
                live.iter()
                    .find(|r| {
                        r.state == s
                            && (s == TokenState::Active || r.grace_until.is_some_and(|g| g > at))
                    })
                    .map(|r| TokenInfo::new(r, at))
            };
            let token = pick(TokenState::Active);
            Ok(TokenStatus {
                tenant_id: t.id,
                warning: age_warning(token.as_ref(), max_age_days),
                previous: pick(TokenState::Previous),
                token,
                max_age_days,
            })
        })
    }

    /// Checks a presented token against the tenant's live tokens in constant
    /// time; a token that was replaced or revoked is recognised as such.
    pub fn verify_token(&self, tenant: &Tenant, presented: &Secret) -> Result<TokenCheck> {
        let h = hash(presented.expose());
        self.read(|tx| {
            let t = tenants::get(tx, &tenant.id)?;
            if let Some(r) = live_match(tx, &t.id, &h, now())? {
                return Ok(TokenCheck {
                    tenant_id: t.id,
                    valid: true,
                    fingerprint: r.fingerprint,
                    state: Some(r.state),
                    ended_at: None,
                });
            }
            let known = tx.token_by_hash(&h)?.filter(|r| r.tenant_id == t.id);
            Ok(TokenCheck {
                tenant_id: t.id,
                valid: false,
                fingerprint: fingerprint(&h),
                state: known.as_ref().map(|r| r.state),
                ended_at: known.and_then(|r| r.ended_at),
            })
        })
    }
}

/// The tenant's live token (active, or previous within its grace) whose
/// hash equals `h`, compared in constant time.
pub(crate) fn live_match(
    tx: &dyn super::store::Tx,
    tenant_id: &str,
    h: &[u8; 32],
    at: OffsetDateTime,
) -> Result<Option<TokenRecord>> {
    let mut found = None;
    for r in tx.live_tokens(tenant_id)? {
        let usable = r.state == TokenState::Active || r.grace_until.is_some_and(|g| g > at);
        // Compare every candidate, so the time taken does not depend on which matched.
        if bool::from(r.hash.ct_eq(h)) && usable {
            found = Some(r);
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_debug_is_redacted() {
        let s = Secret::new("scim_abc".into());
        assert_eq!(format!("{s:?}"), "Secret(REDACTED)");
    }

    #[test]
    fn generated_tokens_have_prefix_and_256_bits() {
        let a = generate_secret().unwrap();
        let b = generate_secret().unwrap();
        assert!(a.expose().starts_with(TOKEN_PREFIX));
        let body = &a.expose()[TOKEN_PREFIX.len()..];
        assert_eq!(URL_SAFE_NO_PAD.decode(body).unwrap().len(), 32);
        assert_ne!(a.expose(), b.expose());
    }

    #[test]
    fn fingerprint_is_eight_hex_chars_of_the_hash() {
        let h = hash("scim_x");
        let f = fingerprint(&h);
        assert_eq!(f.len(), 8);
        assert!(f.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(f, fingerprint(&hash("scim_x")));
        assert_ne!(f, fingerprint(&hash("scim_y")));
    }
}
