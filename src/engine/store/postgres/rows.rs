//! Column lists and row mappers: how each model type is read from a row,
//! and the time encoding (timestamptz, truncated to milliseconds on write
//! so that it reads back exactly as on SQLite).

use postgres::types::FromSql;

use super::*;

/// A time as the store keeps it: milliseconds since the epoch, truncated
/// toward zero as SQLite's integer encoding does.
pub(super) fn ms(t: OffsetDateTime) -> OffsetDateTime {
    let millis = t.unix_timestamp_nanos() / 1_000_000;
    OffsetDateTime::from_unix_timestamp_nanos(millis * 1_000_000).unwrap_or(t)
}

/// Column `i` of a row, its conversion error as a store error.
pub(super) fn col<'a, T: FromSql<'a>>(r: &'a Row, i: usize) -> Result<T> {
    r.try_get(i).map_err(pg)
}

pub(super) fn bad_value(what: &str, v: &str) -> EngineError {
    StoreError::Backend(format!("unexpected {what} {v:?} in the store")).into()
}

pub(super) fn hash32(v: Vec<u8>) -> Result<[u8; 32]> {
    v.try_into()
        .map_err(|_| bad_value("hash length", "not 32 bytes"))
}

// Column lists are macros, so that each query is one literal put together
// at compile time (`concat!`), the key of its prepared statement.
macro_rules! tenant_cols {
    () => {
        "id, name, policy, scim_enabled, created_at"
    };
}

pub(super) fn tenant_row(r: &Row) -> Result<Tenant> {
    let policy: String = col(r, 2)?;
    Ok(Tenant {
        id: col(r, 0)?,
        name: col(r, 1)?,
        policy: Policy::parse(&policy).ok_or_else(|| bad_value("policy", &policy))?,
        scim_enabled: col(r, 3)?,
        created_at: col(r, 4)?,
    })
}

macro_rules! property_cols {
    () => {
        "id, tenant_id, name, created_at"
    };
}

pub(super) fn property_row(r: &Row) -> Result<Property> {
    Ok(Property {
        id: col(r, 0)?,
        tenant_id: col(r, 1)?,
        name: col(r, 2)?,
        created_at: col(r, 3)?,
    })
}

macro_rules! account_cols {
    () => {
        "id, namespace, user_name, given_name, family_name, created_at, updated_at"
    };
}

pub(super) fn account_row(r: &Row) -> Result<Account> {
    account_at(r, 0)
}

fn account_at(r: &Row, o: usize) -> Result<Account> {
    Ok(Account {
        id: col(r, o)?,
        namespace: col(r, o + 1)?,
        user_name: col(r, o + 2)?,
        given_name: col(r, o + 3)?,
        family_name: col(r, o + 4)?,
        created_at: col(r, o + 5)?,
        updated_at: col(r, o + 6)?,
    })
}

macro_rules! membership_cols {
    () => {
        "id, tenant_id, account_id, kind, managed_by, active, external_id, doc, version, created_at, updated_at"
    };
}

pub(super) fn membership_row(r: &Row) -> Result<Membership> {
    let kind: String = col(r, 3)?;
    let managed_by: String = col(r, 4)?;
    Ok(Membership {
        id: col(r, 0)?,
        tenant_id: col(r, 1)?,
        account_id: col(r, 2)?,
        kind: MemberKind::parse(&kind).ok_or_else(|| bad_value("member kind", &kind))?,
        managed_by: ManagedBy::parse(&managed_by).ok_or_else(|| bad_value("owner", &managed_by))?,
        active: col(r, 5)?,
        external_id: col(r, 6)?,
        doc: col(r, 7)?,
        version: col(r, 8)?,
        created_at: col(r, 9)?,
        updated_at: col(r, 10)?,
    })
}

macro_rules! member_cols {
    () => {
        "m.id, m.tenant_id, m.account_id, m.kind, m.managed_by, m.active, m.external_id, m.doc, m.version, m.created_at, m.updated_at, a.id, a.namespace, a.user_name, a.given_name, a.family_name, a.created_at, a.updated_at"
    };
}

pub(super) const MEMBER_COLS: &str = member_cols!();

macro_rules! member_from {
    () => {
        "FROM memberships m JOIN accounts a ON a.id = m.account_id"
    };
}

pub(super) fn member_row(r: &Row) -> Result<MemberRecord> {
    Ok(MemberRecord {
        membership: membership_row(r)?,
        account: account_at(r, 11)?,
    })
}

macro_rules! group_cols {
    () => {
        "id, tenant_id, display_name, external_id, doc, version, created_at, updated_at"
    };
}

pub(super) fn group_row(r: &Row) -> Result<Group> {
    Ok(Group {
        id: col(r, 0)?,
        tenant_id: col(r, 1)?,
        display_name: col(r, 2)?,
        external_id: col(r, 3)?,
        doc: col(r, 4)?,
        version: col(r, 5)?,
        created_at: col(r, 6)?,
        updated_at: col(r, 7)?,
    })
}

macro_rules! token_cols {
    () => {
        "id, tenant_id, hash, fingerprint, state, created_at, last_used_at, last_used_from, ended_at, grace_until"
    };
}

pub(super) fn token_row(r: &Row) -> Result<TokenRecord> {
    let state: String = col(r, 4)?;
    Ok(TokenRecord {
        id: col(r, 0)?,
        tenant_id: col(r, 1)?,
        hash: hash32(col(r, 2)?)?,
        fingerprint: col(r, 3)?,
        state: TokenState::parse(&state).ok_or_else(|| bad_value("token state", &state))?,
        created_at: col(r, 5)?,
        last_used_at: col(r, 6)?,
        last_used_from: col(r, 7)?,
        ended_at: col(r, 8)?,
        grace_until: col(r, 9)?,
    })
}

macro_rules! invitation_cols {
    () => {
        "id, tenant_id, membership_id, email, enqueued_at, sent_at, attempts, next_attempt_at, lease_until, last_error, failed_at, token_hash, token_expires_at, redeemed_at"
    };
}

pub(super) fn invitation_row(r: &Row) -> Result<Invitation> {
    let attempts: i32 = col(r, 6)?;
    let token_hash: Option<Vec<u8>> = col(r, 11)?;
    Ok(Invitation {
        id: col(r, 0)?,
        tenant_id: col(r, 1)?,
        membership_id: col(r, 2)?,
        email: col(r, 3)?,
        enqueued_at: col(r, 4)?,
        sent_at: col(r, 5)?,
        delivery: Delivery {
            attempts: u32::try_from(attempts).map_err(|_| bad_value("attempts", "negative"))?,
            next_attempt_at: col(r, 7)?,
            lease_until: col(r, 8)?,
            last_error: col(r, 9)?,
            failed_at: col(r, 10)?,
            token_hash: token_hash.map(hash32).transpose()?,
            token_expires_at: col(r, 12)?,
            redeemed_at: col(r, 13)?,
        },
    })
}

macro_rules! admin_key_cols {
    () => {
        "id, name, tenant_id, hash, fingerprint, created_at, last_used_at, revoked_at"
    };
}

pub(super) fn admin_key_row(r: &Row) -> Result<AdminKeyRecord> {
    Ok(AdminKeyRecord {
        id: col(r, 0)?,
        name: col(r, 1)?,
        tenant_id: col(r, 2)?,
        hash: hash32(col(r, 3)?)?,
        fingerprint: col(r, 4)?,
        created_at: col(r, 5)?,
        last_used_at: col(r, 6)?,
        revoked_at: col(r, 7)?,
    })
}

/// A count or bound for a bigint parameter (LIMIT, OFFSET).
pub(super) fn clamp(n: u64) -> i64 {
    n.min(i64::MAX as u64) as i64
}
