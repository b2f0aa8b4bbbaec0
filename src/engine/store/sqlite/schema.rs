//! The schema of a SQLite store and of its log file: the migrations compiled
//! into the binary, the steps of them written in Rust, and how a file is
//! checked and brought to the current version on open.

use super::*;

/// Migrations in order; the store's `user_version` is how many have run.
pub(super) const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_member_owner_index.sql"),
    include_str!("migrations/0003_admin_keys.sql"),
    include_str!("migrations/0004_account_name_lower.sql"),
    include_str!("migrations/0005_member_display.sql"),
    include_str!("migrations/0006_events.sql"),
    include_str!("migrations/0007_invitation_delivery.sql"),
    include_str!("migrations/0008_webhooks.sql"),
    include_str!("migrations/0009_guard.sql"),
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// `PRAGMA application_id` of a scimctl store ("SCIM" in ASCII), so that a
/// foreign SQLite file is never mistaken for one.
pub(super) const APPLICATION_ID: i64 = 0x5343_494D;

/// The provisioning log lives in a database file of its own beside the
/// store (`<store>-log`, "SCIL"), attached to the connections that read or
/// append it.
pub(super) const LOG_MIGRATIONS: &[&str] = &[
    include_str!("migrations/log_0001.sql"),
    include_str!("migrations/log_0002.sql"),
    include_str!("migrations/log_0003.sql"),
    include_str!("migrations/log_0004.sql"),
    include_str!("migrations/log_0005.sql"),
];

/// Where a log migration hands over to `fill_log_keys`.
pub(super) const FILL_KEYS: &str = "-- @fill-keys";

/// Where store migration 4 hands over to `fill_account_names`.
pub(super) const FILL_NAMES: &str = "-- @fill-names";

/// A migration's step in Rust, run where its marker stands in the SQL.
pub(super) type Fill = fn(&Connection) -> rusqlite::Result<()>;

pub(super) const FILL_DISPLAY: &str = "-- @member-display";

pub(super) const FILL_DELIVERY: &str = "-- @invitation-delivery";

pub(super) const FILLS: &[(&str, Fill)] = &[
    (FILL_KEYS, fill_log_keys),
    (FILL_NAMES, fill_account_names),
    (FILL_DISPLAY, add_member_display),
    (FILL_DELIVERY, add_invitation_delivery),
];

pub(super) const LOG_APPLICATION_ID: i64 = 0x5343_494C;

/// Applies the migrations `conn`'s file lacks, in one write transaction.
pub(super) fn migrate(conn: &mut Connection, shown: &str, migrations: &[&str]) -> Result<()> {
    let supported = migrations.len() as i64;
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| open_error(shown, e))?;
    // Re-read inside the write lock: another process may have migrated.
    let found: i64 = tx
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| open_error(shown, e))?;
    if found > supported {
        return Err(StoreError::NewerSchema {
            path: shown.into(),
            found,
            supported,
        }
        .into());
    }
    for (i, sql) in migrations.iter().enumerate().skip(found as usize) {
        let fill = FILLS.iter().find_map(|&(marker, fill)| {
            sql.split_once(marker)
                .map(|(before, after)| (before, after, fill))
        });
        match fill {
            Some((before, after, fill)) => {
                tx.execute_batch(before).map_err(|e| open_error(shown, e))?;
                fill(&tx).map_err(|e| open_error(shown, e))?;
                tx.execute_batch(after).map_err(|e| open_error(shown, e))?;
            }
            None => tx.execute_batch(sql).map_err(|e| open_error(shown, e))?,
        }
        tx.pragma_update(None, "user_version", (i + 1) as i64)
            .map_err(|e| open_error(shown, e))?;
    }
    tx.commit().map_err(|e| open_error(shown, e))
}

/// Log schema 3: the integer keys of records written before it, computed
/// here because SQL has no hash function.
pub(super) fn fill_log_keys(tx: &Connection) -> rusqlite::Result<()> {
    let mut read = tx.prepare(
        "SELECT seq, request_id, coalesce(user_email_lower, user_email) FROM provisioning_log",
    )?;
    let mut write =
        tx.prepare("UPDATE provisioning_log SET request_key = ?2, user_key = ?3 WHERE seq = ?1")?;
    let mut rows = read.query([])?;
    while let Some(r) = rows.next()? {
        let id: String = r.get(1)?;
        let email: Option<String> = r.get(2)?;
        write.execute(params![
            r.get::<_, i64>(0)?,
            request_key(&id),
            email.as_deref().map(user_key)
        ])?;
    }
    Ok(())
}

/// Store schema 4: `accounts.name_lower`, added when missing, and the
/// folded names of accounts written before it, folded here because SQL's
/// lower() knows ASCII only.
/// Adds `column` to `table` unless a store rolled back to an older version
/// number has it already.
pub(super) fn add_column(tx: &Connection, table: &str, column: &str) -> rusqlite::Result<()> {
    let has: i64 = tx.query_row(
        "SELECT COUNT(*) FROM pragma_table_info(?1) WHERE name = ?2",
        [table, column],
        |r| r.get(0),
    )?;
    if has == 0 {
        tx.execute_batch(&format!("ALTER TABLE {table} ADD COLUMN {column} TEXT"))?;
    }
    Ok(())
}

/// Adds `column` of SQL type `decl` unless the table has it.
fn add_typed_column(
    tx: &Connection,
    table: &str,
    column: &str,
    decl: &str,
) -> rusqlite::Result<()> {
    let has: i64 = tx.query_row(
        "SELECT COUNT(*) FROM pragma_table_info(?1) WHERE name = ?2",
        [table, column],
        |r| r.get(0),
    )?;
    if has == 0 {
        tx.execute_batch(&format!("ALTER TABLE {table} ADD COLUMN {column} {decl}"))?;
    }
    Ok(())
}

pub(super) fn add_invitation_delivery(tx: &Connection) -> rusqlite::Result<()> {
    for (column, decl) in [
        ("attempts", "INTEGER NOT NULL DEFAULT 0"),
        ("next_attempt_at", "INTEGER"),
        ("lease_until", "INTEGER"),
        ("last_error", "TEXT"),
        ("failed_at", "INTEGER"),
        ("token_hash", "BLOB"),
        ("token_expires_at", "INTEGER"),
        ("redeemed_at", "INTEGER"),
    ] {
        add_typed_column(tx, "invitations", column, decl)?;
    }
    Ok(())
}

pub(super) fn add_member_display(tx: &Connection) -> rusqlite::Result<()> {
    add_column(tx, "group_members", "display")
}

pub(super) fn fill_account_names(tx: &Connection) -> rusqlite::Result<()> {
    add_column(tx, "accounts", "name_lower")?;
    let mut read = tx.prepare("SELECT id, given_name, family_name FROM accounts")?;
    let mut write = tx.prepare("UPDATE accounts SET name_lower = ?2 WHERE id = ?1")?;
    let mut rows = read.query([])?;
    while let Some(r) = rows.next()? {
        let id: String = r.get(0)?;
        let (given, family): (Option<String>, Option<String>) = (r.get(1)?, r.get(2)?);
        write.execute(params![id, name_lower(given.as_deref(), family.as_deref())])?;
    }
    Ok(())
}

/// Creates or checks and migrates the log file (0600, WAL).
pub(super) fn open_log(path: &Path) -> Result<()> {
    let shown = path.display().to_string();
    let open_err = |e: std::io::Error| StoreError::Open {
        path: shown.clone(),
        reason: io_reason(&e),
    };
    ensure_file(path).map_err(open_err)?;
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| open_error(&shown, e))?;
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(|e| open_error(&shown, e))?;
    let found: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| open_error(&shown, e))?;
    let supported = LOG_MIGRATIONS.len() as i64;
    if found > supported {
        return Err(StoreError::NewerSchema {
            path: shown,
            found,
            supported,
        }
        .into());
    }
    if found > 0 {
        let app: i64 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(|e| open_error(&shown, e))?;
        if app != LOG_APPLICATION_ID {
            return Err(StoreError::Open {
                path: shown,
                reason: "it is not a scimctl provisioning log, so scimctl leaves it alone".into(),
            }
            .into());
        }
    }
    for p in [
        path.to_path_buf(),
        companion(path, "-wal"),
        companion(path, "-shm"),
    ] {
        make_private(&p).map_err(open_err)?;
    }
    conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")
        .map_err(|e| open_error(&shown, e))?;
    if found < supported {
        migrate(&mut conn, &shown, LOG_MIGRATIONS)?;
    }
    Ok(())
}
