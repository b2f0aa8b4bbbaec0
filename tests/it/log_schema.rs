//! The provisioning log's file across schema versions, and its reads staying
//! on indexes.

use scimctl::engine::Engine;
use scimctl::engine::log::{LogQuery, LogRecord};
use scimctl::engine::store::sqlite::log_path;

const LOG_SCHEMA_1: &str = include_str!("../../src/engine/store/sqlite/migrations/log_0001.sql");
const LOG_SCHEMA_2: &str = include_str!("../../src/engine/store/sqlite/migrations/log_0002.sql");

fn record(n: i64, user: Option<&str>) -> LogRecord {
    LogRecord {
        seq: 0,
        request_id: format!("r-0000000000{n:010x}"),
        at: time::OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap()
            + time::Duration::milliseconds(n),
        tenant_id: Some("acme".into()),
        method: if user.is_some() { "PATCH" } else { "GET" }.into(),
        path: "/scim/v2/acme/Users/u-1".into(),
        query: (n % 3 == 0).then(|| "filter=userName+eq+%22a%22".into()),
        status: if n % 2 == 0 { 200 } else { 403 },
        scim_type: None,
        reason: (n % 2 == 1).then(|| "external_accounts".into()),
        detail: (n % 2 == 1).then(|| format!("refused (request {n})")),
        user_id: user.map(|_| "u-1".into()),
        user_email: user.map(str::to_owned),
        group_id: None,
        token_fingerprint: Some("0badf00d".into()),
        token_note: None,
        client_addr: Some("203.0.113.7".into()),
        user_agent: Some("Azure AD provisioning".into()),
        latency_us: 1500 + n as u64,
        ignored_attributes: if n % 4 == 0 {
            vec!["nickName".into()]
        } else {
            Vec::new()
        },
        transfers: user
            .filter(|_| n % 5 == 0)
            .map(str::to_owned)
            .into_iter()
            .collect(),
        invitations: Vec::new(),
        request_body: (n % 2 == 1).then(|| r#"{"active":false}"#.into()),
    }
}

fn all(engine: &Engine) -> Vec<LogRecord> {
    engine
        .log_records(&LogQuery::default())
        .expect("read the log")
}

/// Writes a log file exactly as schema `version` (1 or 2) did, with `old`.
fn old_log(store: &std::path::Path, version: i64, old: &[LogRecord]) {
    let db = rusqlite::Connection::open(log_path(store)).unwrap();
    db.execute_batch("PRAGMA journal_mode = WAL;").unwrap();
    db.execute_batch(LOG_SCHEMA_1).unwrap();
    if version >= 2 {
        db.execute_batch(LOG_SCHEMA_2).unwrap();
    }
    db.pragma_update(None, "user_version", version).unwrap();
    let mut st = db.prepare(
        "INSERT INTO provisioning_log (request_id, at, tenant_id, method, path, query, status, scim_type, reason, detail, user_id, user_email, user_email_lower, group_id, token_fingerprint, token_note, client_addr, user_agent, latency_us, ignored_attributes, transfers, invitations, request_body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
    ).unwrap();
    let list = |v: &Vec<String>| (!v.is_empty()).then(|| serde_json::to_string(v).unwrap());
    for r in old {
        st.execute(rusqlite::params![
            r.request_id,
            (r.at.unix_timestamp_nanos() / 1_000_000) as i64,
            r.tenant_id,
            r.method,
            r.path,
            r.query,
            r.status,
            r.scim_type,
            r.reason,
            r.detail,
            r.user_id,
            r.user_email,
            r.user_email.as_ref().map(|e| e.to_lowercase()),
            r.group_id,
            r.token_fingerprint,
            r.token_note,
            r.client_addr,
            r.user_agent,
            r.latency_us as i64,
            list(&r.ignored_attributes),
            list(&r.transfers),
            list(&r.invitations),
            r.request_body
        ])
        .unwrap();
    }
}

#[test]
fn a_log_written_by_schema_1_is_upgraded_in_place() {
    upgraded_in_place(1);
}

#[test]
fn a_log_written_by_schema_2_is_upgraded_in_place() {
    upgraded_in_place(2);
}

fn upgraded_in_place(from: i64) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store.db");
    // Records of two tenants, a mixed-case and a lower-case email, a
    // request id of another shape, and one with no tenant at all.
    let mut other = record(4, Some("low@beta.example"));
    other.tenant_id = Some("beta".into());
    other.request_id = "legacy-42".into();
    let mut none = record(5, None);
    none.tenant_id = None;
    let old = [
        record(1, Some("Old@Acme.example")),
        record(2, None),
        record(3, Some("low@acme.example")),
        other,
        none,
    ];
    old_log(&store, from, &old);
    let engine = Engine::open_sqlite(&store, "test").expect("open the store");
    let db = rusqlite::Connection::open(log_path(&store)).unwrap();
    let version: i64 = db
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 5);
    // Numbering carries on from the highest number the old log gave.
    let high: i64 = db
        .query_row("SELECT seq FROM log_high_water", [], |r| r.get(0))
        .unwrap();
    assert_eq!(high, old.len() as i64);

    // The old records read back field for field.
    let mut expected: Vec<LogRecord> = old.to_vec();
    for (i, r) in expected.iter_mut().enumerate() {
        r.seq = i as i64 + 1;
    }
    assert_eq!(all(&engine), expected);
    let by_user = LogQuery {
        tenant_id: Some("acme".into()),
        user_email: Some("old@acme.EXAMPLE".into()),
        ..LogQuery::default()
    };
    assert_eq!(engine.log_records(&by_user).unwrap(), expected[..1]);
    let by_lower_user = LogQuery {
        tenant_id: Some("beta".into()),
        user_email: Some("LOW@beta.example".into()),
        ..LogQuery::default()
    };
    assert_eq!(engine.log_records(&by_lower_user).unwrap(), expected[3..4]);
    let by_tenant = LogQuery {
        tenant_id: Some("acme".into()),
        ..LogQuery::default()
    };
    assert_eq!(engine.log_records(&by_tenant).unwrap(), expected[..3]);
    for r in &expected {
        assert_eq!(engine.log_record(&r.request_id).unwrap().as_ref(), Some(r));
    }

    // New records, some naming a user and some not.
    let mut new: Vec<LogRecord> = (6..=75)
        .map(|n| {
            let mut r = record(n, (n % 2 == 0).then_some("New@Acme.example"));
            // A tenant the log has not seen yet, numbered on its first record.
            if n % 7 == 0 {
                r.tenant_id = Some("gamma".into());
            }
            r
        })
        .collect();
    engine.write_log(&mut new).expect("write the log");
    let seqs: Vec<i64> = new.iter().map(|r| r.seq).collect();
    assert_eq!(seqs, (6..=75).collect::<Vec<_>>());
    expected.extend(new.iter().cloned());
    assert_eq!(all(&engine), expected);
    let by_new_user = LogQuery {
        user_email: Some("new@acme.example".into()),
        tenant_id: Some("acme".into()),
        limit: 5,
        ..LogQuery::default()
    };
    let got = engine.log_records(&by_new_user).unwrap();
    let want: Vec<LogRecord> = new
        .iter()
        .filter(|r| r.user_email.is_some() && r.tenant_id.as_deref() == Some("acme"))
        .cloned()
        .collect();
    assert_eq!(got, want[want.len() - 5..]);
    let one = engine.log_record(&new[40].request_id).unwrap();
    assert_eq!(one.as_ref(), Some(&new[40]));
    let gamma = LogQuery {
        tenant_id: Some("gamma".into()),
        ..LogQuery::default()
    };
    let want: Vec<LogRecord> = new.iter().filter(|r| r.seq % 7 == 0).cloned().collect();
    assert_eq!(engine.log_records(&gamma).unwrap(), want);
    // Reopening a current log migrates nothing and loses nothing.
    drop(engine);
    let engine = Engine::open_sqlite(&store, "test").expect("reopen the store");
    assert_eq!(all(&engine), expected);
}

/// The query plan of each read `log_records` and `log_stats` make: every
/// one starts on an index (never a full scan of the table).
#[test]
fn every_log_read_is_indexed() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store.db");
    drop(Engine::open_sqlite(&store, "test").expect("open the store"));
    let db = rusqlite::Connection::open(log_path(&store)).unwrap();
    // The shapes `log_records` builds (see SqliteTx::log_records).
    let cols = "SELECT p.seq, p.request_id, p.at, t.tenant_id FROM provisioning_log p LEFT JOIN log_tenants t ON t.n = p.tenant_n WHERE (p.tenant_n IS NULL OR t.n IS NOT NULL)";
    let tenant = "p.tenant_n = (SELECT n FROM log_tenants WHERE tenant_id = ?1)";
    let user = "p.user_key = ?2 AND coalesce(p.user_email_lower, p.user_email) = ?3";
    let reads = [
        (
            format!("{cols} AND {tenant} ORDER BY p.seq DESC LIMIT ?2"),
            "provisioning_log_tenant (tenant_n=?)",
        ),
        (
            format!("{cols} AND {tenant} AND p.status >= 400 ORDER BY p.seq DESC LIMIT ?2"),
            "provisioning_log_tenant (tenant_n=?)",
        ),
        (
            format!("{cols} AND {tenant} AND {user} ORDER BY p.seq DESC LIMIT ?4"),
            "provisioning_log_user (tenant_n=? AND user_key=?)",
        ),
        (
            format!("{cols} AND {tenant} AND {user} AND p.at >= ?4 ORDER BY p.seq DESC LIMIT ?5"),
            "provisioning_log_user (tenant_n=? AND user_key=?)",
        ),
        (
            format!(
                "{cols} AND p.request_key = ?1 AND p.request_id = ?2 ORDER BY p.seq DESC LIMIT ?3"
            ),
            "provisioning_log_request (request_key=?)",
        ),
        (
            format!("{cols} AND {tenant} AND p.seq > ?2 ORDER BY p.seq ASC LIMIT ?3"),
            "provisioning_log_tenant (tenant_n=? AND seq>?)",
        ),
        (
            format!("{cols} AND p.seq > ?1 ORDER BY p.seq ASC LIMIT ?2"),
            "INTEGER PRIMARY KEY (rowid>?)",
        ),
        (
            "SELECT COUNT(*) FROM provisioning_log WHERE tenant_n = (SELECT n FROM log_tenants WHERE tenant_id = ?1) AND seq >= ?2 AND at >= ?3"
                .to_owned(),
            "provisioning_log_tenant (tenant_n=? AND seq>?)",
        ),
    ];
    // The statements retention runs (see SqliteTx::log_cuts, prune_log_cut,
    // purge_forgotten_log, prune_log_tenants): each tenant's cut found on
    // its index, then chunks removed by key.
    let tenant_of = "p.tenant_n = log_tenants.n";
    let prunes = [
        (
            "SELECT seq FROM provisioning_log WHERE tenant_n = ?1 ORDER BY seq DESC LIMIT 1 OFFSET ?2".to_owned(),
            "provisioning_log_tenant (tenant_n=?)",
        ),
        (
            "SELECT seq FROM provisioning_log WHERE tenant_n IS NULL ORDER BY seq DESC LIMIT 1 OFFSET ?1".to_owned(),
            "provisioning_log_tenant (tenant_n=?)",
        ),
        (
            "SELECT seq, at FROM provisioning_log WHERE seq >= ?1 ORDER BY seq LIMIT 1".to_owned(),
            "INTEGER PRIMARY KEY (rowid>?)",
        ),
        (
            "DELETE FROM provisioning_log WHERE seq IN (SELECT seq FROM provisioning_log WHERE seq <= ?1 ORDER BY seq LIMIT ?2)".to_owned(),
            "INTEGER PRIMARY KEY (rowid=?)",
        ),
        (
            "DELETE FROM provisioning_log WHERE seq IN (SELECT seq FROM provisioning_log WHERE tenant_n IS NULL AND seq <= ?1 ORDER BY seq LIMIT ?2)".to_owned(),
            "INTEGER PRIMARY KEY (rowid=?)",
        ),
        (
            "DELETE FROM provisioning_log WHERE seq IN (SELECT seq FROM provisioning_log WHERE tenant_n = ?1 AND seq <= ?2 ORDER BY seq LIMIT ?3)".to_owned(),
            "INTEGER PRIMARY KEY (rowid=?)",
        ),
        (
            "DELETE FROM provisioning_log WHERE seq IN (SELECT seq FROM provisioning_log WHERE tenant_n = ?1 ORDER BY seq LIMIT ?2)".to_owned(),
            "INTEGER PRIMARY KEY (rowid=?)",
        ),
        (
            format!("DELETE FROM log_tenants WHERE NOT EXISTS (SELECT 1 FROM provisioning_log p WHERE {tenant_of})"),
            "provisioning_log_tenant (tenant_n=?)",
        ),
    ];
    for (sql, index) in prunes {
        let plan = plan_of(&db, &sql);
        // Every step on provisioning_log is a SEARCH on the expected
        // index or key (a subquery's own search included); none scans it.
        let on_log: Vec<&String> = plan
            .iter()
            .filter(|l| l.contains("provisioning_log") || l.contains(" p "))
            .collect();
        let joined = plan.join("; ");
        assert!(!on_log.is_empty(), "{sql}\n  plan: {joined}");
        assert!(
            on_log.iter().all(|l| l.starts_with("SEARCH")),
            "{sql}\n  plan: {joined}"
        );
        assert!(
            on_log.iter().any(|l| l.ends_with(index)),
            "{sql}\n  plan: {joined}"
        );
        assert!(
            !on_log.iter().any(|l| l.contains("SCAN")) && !joined.contains("TEMP B-TREE"),
            "{sql}\n  plan: {joined}"
        );
    }
    for (sql, index) in reads {
        let mut st = db.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let unbound = vec![rusqlite::types::Null; st.parameter_count()];
        let plan: Vec<String> = st
            .query_map(rusqlite::params_from_iter(unbound), |r| {
                r.get::<_, String>(3)
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        // The log table is searched on the expected index; the tenant's
        // number and name by their own keys; nothing is scanned or sorted.
        let table = plan
            .iter()
            .find(|l| l.contains(" p ") || l.contains("provisioning_log"))
            .cloned()
            .unwrap_or_default();
        let plan = plan.join("; ");
        assert!(
            table.starts_with("SEARCH") && table.ends_with(index),
            "{sql}\n  plan: {plan}"
        );
        assert!(
            !plan.contains("SCAN") && !plan.contains("TEMP B-TREE"),
            "{sql}\n  plan: {plan}"
        );
    }
}

fn plan_of(db: &rusqlite::Connection, sql: &str) -> Vec<String> {
    let mut st = db.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    let unbound = vec![rusqlite::types::Null; st.parameter_count()];
    st.query_map(rusqlite::params_from_iter(unbound), |r| {
        r.get::<_, String>(3)
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

/// A store with tenant `acme` (the records of `record` are its).
fn store_with_acme(dir: &std::path::Path) -> (std::path::PathBuf, Engine) {
    let store = dir.join("store.db");
    let engine = Engine::open_sqlite(&store, "test").expect("open the store");
    engine
        .create_tenant("Acme", Some("acme"), Default::default())
        .expect("create acme");
    (store, engine)
}

/// Takes the log file's write lock, as another writer would, until dropped:
/// the writer's batches wait (it is paused for real).
fn hold_log_lock(store: &std::path::Path) -> rusqlite::Connection {
    let db = rusqlite::Connection::open(log_path(store)).unwrap();
    db.execute_batch("BEGIN IMMEDIATE").unwrap();
    db
}

/// A flood far beyond the queue while the writer cannot write (another
/// connection holds the log's write lock): every send returns at once,
/// what does not fit is dropped and counted, and in the end every record
/// was either written exactly once or counted as dropped — nothing
/// vanishes uncounted, and the drops are persisted per tenant.
#[test]
fn a_full_queue_drops_and_counts_and_never_blocks_a_sender() {
    use scimctl::engine::log::{LogWriter, QUEUE_RECORDS};
    let dir = tempfile::tempdir().unwrap();
    let (store, engine) = store_with_acme(dir.path());
    let lock = hold_log_lock(&store);
    let writer = LogWriter::start(engine.clone(), 30, 1_000_000);
    let n: i64 = 40_000;
    let (done_tx, done_rx) = std::sync::mpsc::channel();
    let senders: Vec<_> = (0..2)
        .map(|half| {
            let sink = writer.sink();
            let done = done_tx.clone();
            std::thread::spawn(move || {
                for i in (half * n / 2)..((half + 1) * n / 2) {
                    let mut r = record(i, (i % 2 == 0).then_some("a@acme.example"));
                    // Recent: the writer prunes by age as it starts.
                    r.at = time::OffsetDateTime::now_utc();
                    sink.send(r);
                }
                done.send(()).unwrap();
            })
        })
        .collect();
    // Both senders finish while the writer still cannot write a thing: a
    // blocking send would never return (the bound is generous, to fail
    // rather than hang; it measures nothing).
    for _ in 0..2 {
        done_rx
            .recv_timeout(std::time::Duration::from_secs(120))
            .expect("send returned while the writer was paused");
    }
    let sink = writer.sink();
    let stats = sink.stats();
    assert!(
        stats.dropped >= (n as u64) - QUEUE_RECORDS as u64,
        "at most the queue's {QUEUE_RECORDS} records wait; dropped {}",
        stats.dropped
    );
    assert_eq!(all(&engine).len(), 0, "nothing written while locked");
    drop(lock);
    for s in senders {
        s.join().expect("sender");
    }
    writer.close();
    let dropped = sink.stats().dropped;
    assert_eq!(dropped, stats.dropped, "no more drops once the lock went");
    let got = all(&engine);
    assert_eq!(
        got.len() as u64 + dropped,
        n as u64,
        "written + dropped = sent"
    );
    let mut ids: Vec<&str> = got.iter().map(|r| r.request_id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), got.len(), "every record once");
    let seqs: Vec<i64> = got.iter().map(|r| r.seq).collect();
    assert!(seqs.windows(2).all(|w| w[0] < w[1]));
    // The drops are on record, for their tenant, in the log file.
    let c = engine.log_counters(Some("acme")).unwrap();
    assert_eq!(c.dropped, dropped);
    assert!(c.dropped_last_at.is_some());
    // Sent after close: dropped and counted too.
    sink.send(record(n + 1, None));
    assert_eq!(sink.stats().dropped, dropped + 1);
}

/// A batch the log file refuses (a trigger planted in it, so the failure is
/// SQLite's own) is tried again, then its records are counted as dropped;
/// the writer lives on and writes the next batch.
#[test]
fn a_failing_batch_is_retried_then_counted_and_the_writer_goes_on() {
    use scimctl::engine::log::LogWriter;
    let dir = tempfile::tempdir().unwrap();
    let (store, engine) = store_with_acme(dir.path());
    let db = rusqlite::Connection::open(log_path(&store)).unwrap();
    db.execute_batch(
        "CREATE TRIGGER refuse BEFORE INSERT ON provisioning_log WHEN NEW.method = 'BAD' \
         BEGIN SELECT RAISE(ABORT, 'planted failure'); END;",
    )
    .unwrap();
    let writer = LogWriter::start(engine.clone(), 30, 1_000_000);
    let sink = writer.sink();
    let mut bad = record(1, None);
    bad.at = time::OffsetDateTime::now_utc();
    bad.method = "BAD".into();
    sink.send(bad);
    // Three tries over about 1.6 s, then counted (a generous bound, to
    // fail rather than hang).
    let waited = std::time::Instant::now();
    while sink.stats().dropped == 0 {
        assert!(waited.elapsed() < std::time::Duration::from_secs(120));
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(sink.stats().dropped, 1);
    let mut good = record(2, None);
    good.at = time::OffsetDateTime::now_utc();
    sink.send(good.clone());
    writer.close();
    let got = all(&engine);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].request_id, good.request_id);
    let c = engine.log_counters(Some("acme")).unwrap();
    assert_eq!(c.dropped, 1);
    assert_eq!(sink.stats().dropped, 1);
}

/// Requests for tenants that do not exist are counted, not logged; the
/// count is in the log file for other processes.
#[test]
fn unknown_tenants_are_counted_in_aggregate() {
    use scimctl::engine::log::LogWriter;
    let dir = tempfile::tempdir().unwrap();
    let (_store, engine) = store_with_acme(dir.path());
    let writer = LogWriter::start(engine.clone(), 30, 1_000_000);
    let sink = writer.sink();
    for _ in 0..3400 {
        sink.unknown_tenant();
    }
    assert_eq!(sink.stats().unknown_tenant, 3400);
    writer.close();
    assert_eq!(all(&engine).len(), 0);
    let c = engine.log_counters(None).unwrap();
    assert_eq!((c.unknown_tenant, c.dropped), (3400, 0));
    assert!(c.unknown_tenant_last_at.is_some());
    let db = rusqlite::Connection::open(log_path(&dir.path().join("store.db"))).unwrap();
    let tenants: i64 = db
        .query_row("SELECT COUNT(*) FROM log_tenants", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tenants, 0, "no tenant key per unknown tenant");
}

/// Every stored field is bounded, on char boundaries, and secret-named
/// query parameters are masked, whichever way the record is written.
#[test]
fn stored_fields_are_bounded_and_secret_parameters_masked() {
    use scimctl::engine::log::*;
    let dir = tempfile::tempdir().unwrap();
    let (_store, engine) = store_with_acme(dir.path());
    let huge = "é".repeat(600_000);
    let mut r = record(1, Some("x@acme.example"));
    r.method = huge.clone();
    r.path = format!("/scim/v2/acme/{huge}");
    r.query = Some(format!(
        "filter=userName+eq+%22a%22&access_token=s3cret-1&API_KEY=s3cret-2&client%5Fsecret=s3cret-3&Password=s3cret-4&x={huge}"
    ));
    r.user_agent = Some(huge.clone());
    r.client_addr = Some(huge.clone());
    r.user_email = Some(huge.clone());
    r.user_id = Some(huge.clone());
    r.group_id = Some(huge.clone());
    r.scim_type = Some(huge.clone());
    r.reason = Some(huge.clone());
    r.detail = Some(huge.clone());
    r.token_note = Some(huge.clone());
    r.request_body = Some(huge.clone());
    r.ignored_attributes = vec![huge.clone(); 1000];
    r.transfers = vec![huge.clone(); 1000];
    r.invitations = vec!["i@acme.example".into(); 150];
    engine.write_log(&mut [r]).unwrap();
    let got = all(&engine).pop().unwrap();
    let fits = |v: &str, max: usize| {
        assert!(
            v.len() <= max && v.ends_with(TRUNCATED),
            "{} > {max}",
            v.len()
        );
    };
    fits(&got.method, MAX_METHOD);
    fits(&got.path, MAX_PATH);
    let q = got.query.as_deref().unwrap();
    fits(q, MAX_QUERY);
    assert!(!q.contains("s3cret"), "{q}");
    assert!(
        q.starts_with("filter=userName+eq+%22a%22&access_token=(redacted)&API_KEY=(redacted)&client%5Fsecret=(redacted)&Password=(redacted)&x="),
        "{q}"
    );
    fits(got.user_agent.as_deref().unwrap(), MAX_USER_AGENT);
    fits(got.client_addr.as_deref().unwrap(), MAX_CLIENT_ADDR);
    fits(got.user_email.as_deref().unwrap(), MAX_USER_EMAIL);
    fits(got.user_id.as_deref().unwrap(), MAX_ID);
    fits(got.group_id.as_deref().unwrap(), MAX_ID);
    fits(got.scim_type.as_deref().unwrap(), MAX_CODE);
    fits(got.reason.as_deref().unwrap(), MAX_CODE);
    fits(got.detail.as_deref().unwrap(), MAX_DETAIL);
    fits(got.token_note.as_deref().unwrap(), MAX_TOKEN_NOTE);
    fits(got.request_body.as_deref().unwrap(), MAX_BODY_LOGGED);
    assert_eq!(got.ignored_attributes.len(), MAX_IGNORED);
    got.ignored_attributes[..MAX_IGNORED - 1]
        .iter()
        .for_each(|a| fits(a, MAX_ATTRIBUTE));
    assert_eq!(
        got.ignored_attributes.last().map(String::as_str),
        Some("… (969 more)")
    );
    assert_eq!(got.transfers.len(), MAX_EMAILS);
    fits(&got.transfers[0], MAX_USER_EMAIL);
    assert_eq!(got.invitations.len(), MAX_EMAILS);
    assert_eq!(got.invitations[0], "i@acme.example");
    // Short values and a query without secrets are kept as they were.
    let mut plain = record(3, None);
    let before = plain.clone();
    plain.bound();
    assert_eq!(plain, before);
    assert_eq!(redact_query("filter=a&count=10"), "filter=a&count=10");
    assert_eq!(redact_query("token"), "token", "a name without a value");
}

/// Retention per tenant: one tenant's flood evicts only its own oldest
/// records; records with no tenant are bounded as one more tenant; age
/// applies to all; chunks of PRUNE_CHUNK; a retention too long for the
/// calendar prunes nothing by age and does not panic; keys of tenants with
/// no records left go.
#[test]
fn retention_is_per_tenant_in_chunks_and_never_panics() {
    use scimctl::engine::log::PRUNE_CHUNK;
    let dir = tempfile::tempdir().unwrap();
    let (store, engine) = store_with_acme(dir.path());
    engine
        .create_tenant("Beta", Some("beta"), Default::default())
        .unwrap();
    let now = time::OffsetDateTime::now_utc();
    let mk = |i: i64, tenant: Option<&str>, age_days: i64| {
        let mut r = record(i, None);
        r.tenant_id = tenant.map(str::to_owned);
        r.at = now - time::Duration::days(age_days) + time::Duration::milliseconds(i);
        r
    };
    // beta: 5 old ones (40 days), then a few recent; acme floods (recent).
    let flood = PRUNE_CHUNK as i64 * 2 + 500;
    let mut rs: Vec<_> = (0..5).map(|i| mk(i, Some("beta"), 40)).collect();
    rs.extend((5..10).map(|i| mk(i, Some("beta"), 0)));
    rs.extend((10..10 + flood).map(|i| mk(i, Some("acme"), 0)));
    rs.extend((20..28).map(|i| mk(1_000_000 + i, None, 0)));
    // A key for a tenant that is gone (its records already pruned).
    rs.push(mk(2_000_000, Some("gamma"), 40));
    engine.write_log(&mut rs).unwrap();
    let count = |t: Option<&str>| {
        engine
            .log_records(&LogQuery {
                tenant_id: t.map(str::to_owned),
                ..LogQuery::default()
            })
            .unwrap()
            .len()
    };
    // Days beyond the calendar: nothing is too old; only the count binds.
    let removed = engine.prune_log(u32::MAX, 6).unwrap();
    assert_eq!(count(Some("acme")), 6);
    assert_eq!(count(Some("beta")), 6);
    // gamma is no tenant of the store: its log is forgotten, then purged.
    assert_eq!(count(Some("gamma")), 0);
    let none = all(&engine)
        .into_iter()
        .filter(|r| r.tenant_id.is_none())
        .count();
    assert_eq!(none, 6);
    // acme's, beta's, the tenantless, and gamma's record with its key.
    assert_eq!(removed, (flood as u64 - 6) + 4 + 2 + 2);
    // beta's newest are what stayed.
    let beta = engine
        .log_records(&LogQuery {
            tenant_id: Some("beta".into()),
            ..LogQuery::default()
        })
        .unwrap();
    assert_eq!(
        beta.first().map(|r| r.request_id.clone()),
        Some(record(4, None).request_id)
    );
    // By age: beta's 40-day-old record goes, the recent stay.
    engine.prune_log(30, 1_000_000).unwrap();
    assert_eq!(count(Some("beta")), 5);
    assert_eq!(count(Some("acme")), 6);
    // Keep everything there is (u64::MAX must not read as "keep none").
    engine.prune_log(30, u64::MAX).unwrap();
    assert_eq!(count(Some("acme")), 6);
    let db = rusqlite::Connection::open(log_path(&store)).unwrap();
    let keys: Vec<String> = db
        .prepare("SELECT tenant_id FROM log_tenants ORDER BY tenant_id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(keys, ["acme", "beta"], "gamma's key went with its records");
}

/// Deleting a tenant deletes its log, its key and its counters: a tenant
/// re-created with the same id sees an empty log (through the engine and
/// through `scimctl log --tenant`), while other tenants keep theirs.
#[test]
fn a_deleted_tenant_s_log_goes_with_it_and_diagnose_shows_drops() {
    use crate::support::TestEnv;
    let env = TestEnv::new();
    env.tenant("Acme", "acme");
    env.tenant("Beta", "beta");
    let engine = env.engine();
    let mut rs: Vec<_> = (0..30)
        .map(|i| {
            let mut r = record(i, None);
            if i % 3 == 0 {
                r.tenant_id = Some("beta".into());
            }
            r
        })
        .collect();
    engine.write_log(&mut rs).unwrap();
    // Counters as the writer keeps them (it adds to them after drops).
    let log = rusqlite::Connection::open(log_path(&env.store())).unwrap();
    log.execute_batch(
        "INSERT INTO log_counters (tenant_id, dropped, dropped_last_at) VALUES ('acme', 12, 1700000000000), ('beta', 3, 1700000000000)",
    )
    .unwrap();
    assert_eq!(engine.log_counters(Some("acme")).unwrap().dropped, 12);
    let shown = env.ok(&["--tenant", "acme", "log", "--limit", "1000"]);
    assert_eq!(shown.lines().count(), 20, "{shown}");
    env.ok(&["tenant", "delete", "acme", "--yes"]);
    env.tenant("Acme again", "acme");
    let out = env.cmd(["--tenant", "acme", "log"]).output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "", "an empty log");
    assert!(String::from_utf8_lossy(&out.stderr).contains("No matching requests"));
    let q = |t: &str| LogQuery {
        tenant_id: Some(t.into()),
        ..LogQuery::default()
    };
    assert!(engine.log_records(&q("acme")).unwrap().is_empty());
    assert_eq!(engine.log_records(&q("beta")).unwrap().len(), 10);
    assert_eq!(engine.log_counters(Some("acme")).unwrap().dropped, 0);
    assert_eq!(engine.log_counters(Some("beta")).unwrap().dropped, 3);
    let d = env.json(&["--tenant", "acme", "diagnose", "tenant"]);
    assert_eq!(d["log_dropped"], 0);
    assert!(!d["findings"].to_string().contains("log_dropped"));
    let d = env.json(&["--tenant", "beta", "diagnose", "tenant"]);
    assert_eq!(d["log_dropped"], 3);
    let warned = d["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "log_dropped")
        .expect("a log_dropped finding");
    assert_eq!(warned["severity"], "warning");
    assert!(
        warned["verdict"]
            .as_str()
            .unwrap()
            .starts_with("3 provisioning-log records of this tenant were dropped (the log could not keep up), the last at 2023-11-14T22:13:20"),
        "{warned}"
    );
    // The records are gone, not just hidden.
    assert_eq!(all(&engine).len(), 10);
    let rows: i64 = log
        .query_row("SELECT COUNT(*) FROM provisioning_log", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 10);
    let forgotten: i64 = log
        .query_row("SELECT COUNT(*) FROM log_forgotten", [], |r| r.get(0))
        .unwrap();
    assert_eq!(forgotten, 0, "the purge finished");
    // New records of the new acme are its own.
    let mut fresh = [record(100, None)];
    engine.write_log(&mut fresh).unwrap();
    assert_eq!(engine.log_records(&q("acme")).unwrap(), fresh.to_vec());
}

/// Control characters planted in logged fields (a userName, the
/// User-Agent, the path) reach no terminal: `scimctl log` prints them as
/// escapes. JSON output carries them escaped by serde.
#[test]
fn scimctl_log_escapes_control_characters() {
    use crate::support::TestEnv;
    let env = TestEnv::new();
    env.tenant("Acme", "acme");
    let engine = env.engine();
    let mut r = record(7, Some("evil\x1b[31m@acme.example\r"));
    r.user_agent = Some("curl\x1b]0;owned\x07".into());
    r.path = "/scim/v2/acme/Users/\x1b[2J\u{202e}x".into();
    r.reason = Some("x\u{9b}1m".into());
    engine.write_log(&mut [r.clone()]).unwrap();
    let line = env.ok(&["--tenant", "acme", "log"]);
    assert!(
        !line.chars().any(|c| c.is_control() && c != '\n'),
        "{line:?}"
    );
    assert!(!line.contains('\u{202e}'), "{line:?}");
    assert!(
        line.contains("user=evil\\u{1b}[31m@acme.example\\u{d}"),
        "{line}"
    );
    assert!(line.contains("/Users/\\u{1b}[2J\\u{202e}x"), "{line}");
    assert!(line.contains("reason=x\\u{9b}1m"), "{line}");
    let detail = env.ok(&["--tenant", "acme", "diagnose", "request", &r.request_id]);
    assert!(
        !detail.chars().any(|c| c.is_control() && c != '\n'),
        "{detail:?}"
    );
    assert!(detail.contains("curl\\u{1b}]0;owned\\u{7}"), "{detail}");
    let json = env.ok(&["--tenant", "acme", "log", "--output", "json"]);
    assert!(!json.chars().any(|c| c.is_ascii_control() && c != '\n'));
    let back: LogRecord = serde_json::from_str(json.trim()).unwrap();
    assert_eq!(back.user_agent, r.user_agent, "JSON keeps the exact text");
}
