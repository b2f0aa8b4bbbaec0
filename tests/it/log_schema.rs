//! The provisioning log's file across schema versions, and its reads staying
//! on indexes.

use scimctl::engine::Engine;
use scimctl::engine::log::{LogQuery, LogRecord};
use scimctl::engine::store::sqlite::log_path;

const LOG_SCHEMA_1: &str = include_str!("../../src/engine/store/sqlite/migrations/log_0001.sql");

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

#[test]
fn a_log_written_by_schema_1_is_upgraded_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store.db");
    // A log file exactly as the first release wrote it, with two records.
    let old = [record(1, Some("Old@Acme.example")), record(2, None)];
    {
        let db = rusqlite::Connection::open(log_path(&store)).unwrap();
        db.execute_batch("PRAGMA journal_mode = WAL;").unwrap();
        db.execute_batch(LOG_SCHEMA_1).unwrap();
        db.pragma_update(None, "user_version", 1).unwrap();
        for r in &old {
            let list = |v: &Vec<String>| (!v.is_empty()).then(|| serde_json::to_string(v).unwrap());
            db.execute(
                "INSERT INTO provisioning_log (request_id, at, tenant_id, method, path, query, status, scim_type, reason, detail, user_id, user_email, user_email_lower, group_id, token_fingerprint, token_note, client_addr, user_agent, latency_us, ignored_attributes, transfers, invitations, request_body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
                rusqlite::params![
                    r.request_id, (r.at.unix_timestamp_nanos() / 1_000_000) as i64, r.tenant_id, r.method, r.path, r.query, r.status, r.scim_type, r.reason, r.detail,
                    r.user_id, r.user_email, r.user_email.as_ref().map(|e| e.to_lowercase()), r.group_id,
                    r.token_fingerprint, r.token_note, r.client_addr, r.user_agent, r.latency_us as i64,
                    list(&r.ignored_attributes), list(&r.transfers), list(&r.invitations), r.request_body
                ],
            )
            .unwrap();
        }
    }
    let engine = Engine::open_sqlite(&store, "test").expect("open the store");
    let db = rusqlite::Connection::open(log_path(&store)).unwrap();
    let version: i64 = db
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 2);

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

    // New records, some naming a user and some not.
    let mut new: Vec<LogRecord> = (3..=72)
        .map(|n| record(n, (n % 2 == 0).then_some("New@Acme.example")))
        .collect();
    engine.write_log(&mut new).expect("write the log");
    let seqs: Vec<i64> = new.iter().map(|r| r.seq).collect();
    assert_eq!(seqs, (3..=72).collect::<Vec<_>>());
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
        .filter(|r| r.user_email.is_some())
        .cloned()
        .collect();
    assert_eq!(got, want[want.len() - 5..]);
    let one = engine.log_record(&new[40].request_id).unwrap();
    assert_eq!(one.as_ref(), Some(&new[40]));
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
    let cols = "SELECT seq, request_id, at FROM provisioning_log WHERE 1 = 1";
    let reads = [
        (
            format!("{cols} AND tenant_id = ?1 ORDER BY seq DESC LIMIT ?2"),
            "provisioning_log_tenant",
        ),
        (
            format!("{cols} AND tenant_id = ?1 AND status >= 400 ORDER BY seq DESC LIMIT ?2"),
            "provisioning_log_tenant",
        ),
        (
            format!(
                "{cols} AND tenant_id = ?1 AND user_email_lower = ?2 ORDER BY seq DESC LIMIT ?3"
            ),
            "provisioning_log_user",
        ),
        (
            format!(
                "{cols} AND tenant_id = ?1 AND user_email_lower = ?2 AND at >= ?3 ORDER BY seq DESC LIMIT ?4"
            ),
            "provisioning_log_user",
        ),
        (
            format!("{cols} AND request_id = ?1 ORDER BY seq DESC LIMIT ?2"),
            "request_id",
        ),
        (
            format!("{cols} AND tenant_id = ?1 AND seq > ?2 ORDER BY seq ASC LIMIT ?3"),
            "provisioning_log_tenant",
        ),
        (
            format!("{cols} AND seq > ?1 ORDER BY seq ASC LIMIT ?2"),
            "INTEGER PRIMARY KEY",
        ),
        (
            "SELECT COUNT(*) FROM provisioning_log WHERE tenant_id = ?1 AND seq >= ?2 AND at >= ?3"
                .to_owned(),
            "provisioning_log_tenant",
        ),
    ];
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
        let plan = plan.join("; ");
        assert!(
            plan.starts_with("SEARCH") && plan.contains(index),
            "{sql}\n  plan: {plan}"
        );
    }
}
