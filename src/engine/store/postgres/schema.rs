//! The schema of a PostgreSQL store: the migrations compiled into the
//! binary, the table that records which have run (`scimctl_schema`), and
//! how a database is checked and brought to the current version on open.

use super::*;

/// Migrations in order; `scimctl_schema.version` is how many have run.
pub(super) const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_events.sql"),
    include_str!("migrations/0003_invitation_delivery.sql"),
    include_str!("migrations/0004_webhooks.sql"),
    include_str!("migrations/0005_guard.sql"),
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// `scimctl_schema.application` of a scimctl store, so that another
/// program's table of that name is never mistaken for ours.
pub(super) const APPLICATION: &str = "scimctl";

const MIGRATE_LOCK: &str = concat!(
    "SET lock_timeout = '60s'; BEGIN; SELECT pg_advisory_xact_lock(",
    lock_key!(migrate),
    ")"
);

/// Checks the database and applies the migrations it lacks, in one
/// transaction under the migration lock: instances that start together
/// wait for the first, then find the schema current. Nothing is written to
/// a database that is refused.
pub(super) fn migrate(client: &mut Client, target: &PgTarget) -> Result<()> {
    client
        .batch_execute(MIGRATE_LOCK)
        .map_err(|e| open_error(target, e))?;
    let out = migrate_locked(client, target).and_then(|()| {
        client
            .batch_execute("COMMIT")
            .map_err(|e| open_error(target, e))
    });
    if out.is_err() {
        let _ = client.batch_execute("ROLLBACK");
    }
    out
}

fn migrate_locked(client: &mut Client, target: &PgTarget) -> Result<()> {
    let err = |e| open_error(target, e);
    let refuse = |reason: &str| -> EngineError {
        StoreError::Open {
            path: target.shown.clone(),
            reason: reason.into(),
        }
        .into()
    };
    // Read after the lock was granted: this statement sees every commit
    // before it, a migration by another instance included.
    let ours: bool = client
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = 'scimctl_schema')",
            &[],
        )
        .and_then(|r| r.try_get(0))
        .map_err(err)?;
    let found: i64 = if ours {
        let row = client
            .query_opt("SELECT version, application FROM scimctl_schema LIMIT 1", &[])
            .map_err(err)?
            .ok_or_else(|| refuse("its scimctl_schema table is empty, so it is not a scimctl store; scimctl leaves it alone"))?;
        let app: String = row.try_get(1).map_err(err)?;
        if app != APPLICATION {
            return Err(refuse(
                "the database belongs to another program (its scimctl_schema names another application), so scimctl leaves it alone",
            ));
        }
        row.try_get(0).map_err(err)?
    } else {
        let tables: i64 = client
            .query_one(
                "SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')",
                &[],
            )
            .and_then(|r| r.try_get(0))
            .map_err(err)?;
        if tables > 0 {
            return Err(refuse(
                "the database belongs to another program (it has tables but no scimctl schema), so scimctl leaves it alone; give scimctl a database of its own",
            ));
        }
        0
    };
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: target.shown.clone(),
            found,
            supported: SCHEMA_VERSION,
        }
        .into());
    }
    if found == SCHEMA_VERSION {
        return Ok(());
    }
    for sql in MIGRATIONS.iter().skip(found as usize) {
        client.batch_execute(sql).map_err(err)?;
    }
    if found == 0 {
        client
            .batch_execute(
                "CREATE TABLE scimctl_schema (version bigint NOT NULL, application text NOT NULL)",
            )
            .map_err(err)?;
        client
            .execute(
                "INSERT INTO scimctl_schema (version, application) VALUES ($1, $2)",
                &[&SCHEMA_VERSION, &APPLICATION],
            )
            .map_err(err)?;
    } else {
        client
            .execute("UPDATE scimctl_schema SET version = $1", &[&SCHEMA_VERSION])
            .map_err(err)?;
    }
    tracing::info!(store = %target.shown, from = found, to = SCHEMA_VERSION, "migrated the store's schema");
    Ok(())
}
