//! Column lists and row mappers: how each model type is read from a row,
//! and the time encoding (milliseconds since the epoch) every table uses.

use super::*;

pub(super) fn ms(t: OffsetDateTime) -> i64 {
    (t.unix_timestamp_nanos() / 1_000_000) as i64
}

pub(super) fn at(ms: i64) -> rusqlite::Result<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp_nanos(ms as i128 * 1_000_000).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Integer, Box::new(e))
    })
}

pub(super) fn opt_at(v: Option<i64>) -> rusqlite::Result<Option<OffsetDateTime>> {
    v.map(at).transpose()
}

pub(super) fn bad_enum(col: usize, v: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        col,
        rusqlite::types::Type::Text,
        format!("unexpected value {v:?}").into(),
    )
}

// Column lists are macros, not consts, so that each query is one literal
// put together at compile time (`concat!`): a `format!` of the SQL on every
// call, before the statement cache's lookup, showed in request profiles.
macro_rules! tenant_cols {
    () => {
        "id, name, policy, scim_enabled, created_at"
    };
}

pub(super) fn tenant_row(r: &Row) -> rusqlite::Result<Tenant> {
    let policy: String = r.get(2)?;
    Ok(Tenant {
        id: r.get(0)?,
        name: r.get(1)?,
        policy: Policy::parse(&policy).ok_or_else(|| bad_enum(2, &policy))?,
        scim_enabled: r.get(3)?,
        created_at: at(r.get(4)?)?,
    })
}

macro_rules! property_cols {
    () => {
        "id, tenant_id, name, created_at"
    };
}

pub(super) fn property_row(r: &Row) -> rusqlite::Result<Property> {
    Ok(Property {
        id: r.get(0)?,
        tenant_id: r.get(1)?,
        name: r.get(2)?,
        created_at: at(r.get(3)?)?,
    })
}

macro_rules! account_cols {
    () => {
        "id, namespace, user_name, given_name, family_name, created_at, updated_at"
    };
}

pub(super) fn account_row(r: &Row) -> rusqlite::Result<Account> {
    account_at(r, 0)
}

/// An account from the row's columns `base`.. (`account_cols!` order).
fn account_at(r: &Row, base: usize) -> rusqlite::Result<Account> {
    Ok(Account {
        id: r.get(base)?,
        namespace: r.get(base + 1)?,
        user_name: r.get(base + 2)?,
        given_name: r.get(base + 3)?,
        family_name: r.get(base + 4)?,
        created_at: at(r.get(base + 5)?)?,
        updated_at: at(r.get(base + 6)?)?,
    })
}

macro_rules! membership_cols {
    () => {
        "id, tenant_id, account_id, kind, managed_by, active, external_id, doc, version, created_at, updated_at"
    };
}

pub(super) fn membership_row(r: &Row) -> rusqlite::Result<Membership> {
    let kind: String = r.get(3)?;
    let managed_by: String = r.get(4)?;
    Ok(Membership {
        id: r.get(0)?,
        tenant_id: r.get(1)?,
        account_id: r.get(2)?,
        kind: MemberKind::parse(&kind).ok_or_else(|| bad_enum(3, &kind))?,
        managed_by: ManagedBy::parse(&managed_by).ok_or_else(|| bad_enum(4, &managed_by))?,
        active: r.get(5)?,
        external_id: r.get(6)?,
        doc: r.get(7)?,
        version: r.get(8)?,
        created_at: at(r.get(9)?)?,
        updated_at: at(r.get(10)?)?,
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

pub(super) fn member_row(r: &Row) -> rusqlite::Result<MemberRecord> {
    // `member_cols!` is the membership's columns, then the account's.
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

pub(super) fn group_row(r: &Row) -> rusqlite::Result<Group> {
    Ok(Group {
        id: r.get(0)?,
        tenant_id: r.get(1)?,
        display_name: r.get(2)?,
        external_id: r.get(3)?,
        doc: r.get(4)?,
        version: r.get(5)?,
        created_at: at(r.get(6)?)?,
        updated_at: at(r.get(7)?)?,
    })
}

macro_rules! admin_key_cols {
    () => {
        "id, name, tenant_id, hash, fingerprint, created_at, last_used_at, revoked_at"
    };
}

macro_rules! token_cols {
    () => {
        "id, tenant_id, hash, fingerprint, state, created_at, last_used_at, last_used_from, ended_at, grace_until"
    };
}

pub(super) fn token_row(r: &Row) -> rusqlite::Result<TokenRecord> {
    let state: String = r.get(4)?;
    let hash: Vec<u8> = r.get(2)?;
    let hash: [u8; 32] = hash
        .try_into()
        .map_err(|_| bad_enum(2, "hash of wrong length"))?;
    Ok(TokenRecord {
        id: r.get(0)?,
        tenant_id: r.get(1)?,
        hash,
        fingerprint: r.get(3)?,
        state: TokenState::parse(&state).ok_or_else(|| bad_enum(4, &state))?,
        created_at: at(r.get(5)?)?,
        last_used_at: opt_at(r.get(6)?)?,
        last_used_from: r.get(7)?,
        ended_at: opt_at(r.get(8)?)?,
        grace_until: opt_at(r.get(9)?)?,
    })
}

macro_rules! invitation_cols {
    () => {
        "id, tenant_id, membership_id, email, enqueued_at, sent_at, attempts, next_attempt_at, lease_until, last_error, failed_at, token_hash, token_expires_at, redeemed_at"
    };
}

pub(super) fn invitation_row(r: &Row) -> rusqlite::Result<Invitation> {
    let token_hash: Option<Vec<u8>> = r.get(11)?;
    let token_hash = token_hash
        .map(|h| <[u8; 32]>::try_from(h).map_err(|_| bad_enum(11, "hash of wrong length")))
        .transpose()?;
    Ok(Invitation {
        id: r.get(0)?,
        tenant_id: r.get(1)?,
        membership_id: r.get(2)?,
        email: r.get(3)?,
        enqueued_at: at(r.get(4)?)?,
        sent_at: opt_at(r.get(5)?)?,
        delivery: Delivery {
            attempts: r.get(6)?,
            next_attempt_at: opt_at(r.get(7)?)?,
            lease_until: opt_at(r.get(8)?)?,
            last_error: r.get(9)?,
            failed_at: opt_at(r.get(10)?)?,
            token_hash,
            token_expires_at: opt_at(r.get(12)?)?,
            redeemed_at: opt_at(r.get(13)?)?,
        },
    })
}

pub(super) fn admin_key_row(r: &Row) -> rusqlite::Result<AdminKeyRecord> {
    let hash: Vec<u8> = r.get(3)?;
    let hash: [u8; 32] = hash
        .try_into()
        .map_err(|_| bad_enum(3, "hash of wrong length"))?;
    Ok(AdminKeyRecord {
        id: r.get(0)?,
        name: r.get(1)?,
        tenant_id: r.get(2)?,
        hash,
        fingerprint: r.get(4)?,
        created_at: at(r.get(5)?)?,
        last_used_at: opt_at(r.get(6)?)?,
        revoked_at: opt_at(r.get(7)?)?,
    })
}
