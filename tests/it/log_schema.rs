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
    assert_eq!(version, 3);

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
    let cols = "SELECT p.seq, p.request_id, p.at, t.tenant_id FROM provisioning_log p LEFT JOIN log_tenants t ON t.n = p.tenant_n WHERE 1 = 1";
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

/// More records than the writer's queue holds, sent faster than it writes:
/// senders wait for room (the queue stays bounded) and every record is
/// written, in order, by the time the writer closes.
#[test]
fn a_full_queue_makes_senders_wait_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store.db");
    let engine = Engine::open_sqlite(&store, "test").expect("open the store");
    let writer = scimctl::engine::log::LogWriter::start(engine.clone(), 30, 1_000_000);
    let n: i64 = 40_000;
    let senders: Vec<_> = (0..2)
        .map(|half| {
            let sink = writer.sink();
            std::thread::spawn(move || {
                for i in (half * n / 2)..((half + 1) * n / 2) {
                    let mut r = record(i, (i % 2 == 0).then_some("a@acme.example"));
                    // Recent: the writer prunes by age as it starts.
                    r.at = time::OffsetDateTime::now_utc();
                    sink.send(r);
                }
            })
        })
        .collect();
    for s in senders {
        s.join().expect("sender");
    }
    writer.close();
    let got = all(&engine);
    assert_eq!(got.len(), n as usize);
    let mut ids: Vec<&str> = got.iter().map(|r| r.request_id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n as usize, "every record once");
    let seqs: Vec<i64> = got.iter().map(|r| r.seq).collect();
    assert!(seqs.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(got[0].user_email.as_deref(), Some("a@acme.example"));
}
