//! The provisioning log: one record per SCIM request, written off the
//! request path by a batching writer thread, queried by `scimctl log`, the
//! support tools and the dashboard.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender, TryRecvError, TrySendError};
use std::thread::{JoinHandle, Thread};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::Engine;
use super::error::Result;

/// Retention defaults: records older than this, or beyond this count, go.
pub const DEFAULT_RETENTION_DAYS: u32 = 30;
pub const DEFAULT_MAX_RECORDS: u64 = 1_000_000;

/// One SCIM request as support staff need to see it. Never the token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogRecord {
    /// Store order; 0 before the record is written.
    pub seq: i64,
    pub request_id: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub tenant_id: Option<String>,
    pub method: String,
    pub path: String,
    /// The query string as received (filters included).
    pub query: Option<String>,
    pub status: u16,
    pub scim_type: Option<String>,
    pub reason: Option<String>,
    pub detail: Option<String>,
    pub user_id: Option<String>,
    pub user_email: Option<String>,
    pub group_id: Option<String>,
    pub token_fingerprint: Option<String>,
    /// Why a token was refused ("authenticated with the previous token,
    /// replaced at …"); never shown in the 401 body.
    pub token_note: Option<String>,
    pub client_addr: Option<String>,
    pub user_agent: Option<String>,
    pub latency_us: u64,
    pub ignored_attributes: Vec<String>,
    /// Emails transferred from `tenant` to `idp` by this request.
    pub transfers: Vec<String>,
    /// Emails whose sign-up invitation this request queued.
    pub invitations: Vec<String>,
    /// The body of a refused or failed request, secrets removed.
    pub request_body: Option<String>,
}

/// Which records to read. Results come oldest first.
#[derive(Debug, Clone, Default)]
pub struct LogQuery {
    pub tenant_id: Option<String>,
    pub errors_only: bool,
    pub user_email: Option<String>,
    pub request_id: Option<String>,
    pub since: Option<OffsetDateTime>,
    /// Only records after this sequence number (for following).
    pub after_seq: Option<i64>,
    /// The newest `limit` records that match (all when `after_seq` is set).
    pub limit: u32,
}

/// The largest request body kept in a record.
const MAX_BODY_LOGGED: usize = 16 * 1024;

/// A request body fit for the log: secret-bearing attributes masked
/// (`password`, anything named like a token or secret), size capped.
pub fn redact_body(body: &[u8]) -> Option<String> {
    if body.is_empty() {
        return None;
    }
    let text = match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(mut v) => {
            mask(&mut v);
            v.to_string()
        }
        Err(_) => format!("(not JSON, {} bytes)", body.len()),
    };
    Some(if text.len() > MAX_BODY_LOGGED {
        let mut cut = MAX_BODY_LOGGED;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        format!("{}… (truncated)", &text[..cut])
    } else {
        text
    })
}

fn secret_name(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.contains("password") || n.contains("secret") || n.contains("token")
}

fn mask(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            // A PATCH operation names its attribute in `path` and carries
            // the secret in `value`: `{"path": "password", "value": "…"}`.
            let secret_path = m.iter().any(|(k, p)| {
                k.eq_ignore_ascii_case("path") && p.as_str().is_some_and(secret_name)
            });
            for (k, val) in m.iter_mut() {
                if secret_name(k) || (secret_path && k.eq_ignore_ascii_case("value")) {
                    *val = serde_json::Value::String("(redacted)".into());
                } else {
                    mask(val);
                }
            }
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(mask),
        _ => {}
    }
}

enum Msg {
    Record(Box<LogRecord>),
    Stop,
}

/// Writes log records in batches on its own thread. `close` writes
/// everything queued before it, so nothing is lost on a graceful shutdown.
pub struct LogWriter {
    sink: LogSink,
    thread: Option<JoinHandle<()>>,
}

/// A cheap handle to queue records.
#[derive(Clone)]
pub struct LogSink {
    tx: SyncSender<Msg>,
    /// The writer, woken early when the queue is full.
    writer: Option<Thread>,
}

/// What a sink counted instead of writing (cumulative since start).
#[derive(Debug, Default, Clone, Copy)]
pub struct SinkStats {
    pub dropped: u64,
    pub unknown_tenant: u64,
}

static UNKNOWN_TENANT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

impl LogSink {
    /// Counts a request for a tenant that does not exist (no record each).
    pub fn unknown_tenant(&self) {
        UNKNOWN_TENANT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn stats(&self) -> SinkStats {
        SinkStats {
            dropped: 0,
            unknown_tenant: UNKNOWN_TENANT.load(std::sync::atomic::Ordering::Relaxed),
        }
    }

    pub fn send(&self, r: LogRecord) {
        self.put(Msg::Record(Box::new(r)));
    }

    fn put(&self, msg: Msg) {
        // Disconnected only once the writer has stopped, after shutdown.
        if let Err(TrySendError::Full(msg)) = self.tx.try_send(msg) {
            // The writer fell QUEUE records behind (the machine is busy and
            // it runs at a lower priority): wake it and wait for room.
            // Blocking here is the backpressure that keeps the queue
            // bounded; no record is dropped.
            if let Some(w) = &self.writer {
                w.unpark();
            }
            let _ = self.tx.send(msg);
        }
    }
}

/// At most this many records per transaction, gathered for `GATHER` (the
/// log has its own file, so a batch delays no request). Half a second: the
/// per-user index's pages are spread out, and each commit writes every page
/// it touched to the WAL, so longer batches share those page writes among
/// more records (50 ms cost ~16 µs of writer CPU per request, 500 ms ~12);
/// `log --follow` and the dashboard still see a record within a second.
const BATCH: usize = 16384;
const GATHER: Duration = Duration::from_millis(500);
/// Records queued at most (a few MiB): beyond it, requests wait for the
/// writer (see `LogSink::put`).
const QUEUE: usize = 16384;
const PRUNE_EVERY: Duration = Duration::from_secs(600);
/// The writer's nice value. Its work is deferred by design, so it should
/// take the CPU that requests leave idle rather than preempt them (on the
/// 2-core load benchmark the CPU is ~16 % idle while the writer needs ~5 %).
/// At nice 10 (weight 110 against a request thread's 1024) it still gets
/// about a tenth of a core against busy neighbours, so other work on the
/// machine cannot starve it; and if it falls behind anyway, the bounded
/// queue makes requests wait rather than memory grow.
#[cfg(target_os = "linux")]
const WRITER_NICE: i32 = 10;

impl LogWriter {
    pub fn start(engine: Engine, retention_days: u32, max_records: u64) -> LogWriter {
        let (tx, rx) = mpsc::sync_channel(QUEUE);
        let thread = std::thread::Builder::new()
            .name("scimctl-log".into())
            .spawn(move || writer_loop(engine, rx, retention_days, max_records))
            .ok();
        let writer = thread.as_ref().map(|t| t.thread().clone());
        LogWriter {
            sink: LogSink { tx, writer },
            thread,
        }
    }

    pub fn sink(&self) -> LogSink {
        self.sink.clone()
    }

    /// Writes everything queued so far, then stops the writer.
    pub fn close(mut self) {
        self.sink.put(Msg::Stop);
        if let Some(t) = self.thread.take() {
            t.thread().unpark();
            let _ = t.join();
        }
    }
}

/// Lowers the calling thread's priority (Linux: nice is per thread).
fn lower_priority() {
    #[cfg(target_os = "linux")]
    if let Err(e) =
        rustix::process::setpriority_process(Some(rustix::thread::gettid()), WRITER_NICE)
    {
        tracing::debug!(error = %e, "could not lower the log writer's priority");
    }
}

fn writer_loop(engine: Engine, rx: Receiver<Msg>, retention_days: u32, max_records: u64) {
    lower_priority();
    let mut last_prune = Instant::now() - PRUNE_EVERY;
    let mut stop = false;
    let mut batch = Vec::with_capacity(BATCH);
    while !stop {
        let first = match rx.recv_timeout(Duration::from_secs(1)) {
            Ok(Msg::Record(r)) => *r,
            Ok(Msg::Stop) | Err(RecvTimeoutError::Disconnected) => break,
            Err(RecvTimeoutError::Timeout) => continue,
        };
        // Wait out the gather window (or until a full queue wakes it), then
        // take what came: a blocked receiver would be woken by every send
        // (a futex call and two context switches per request, more than
        // writing the record costs), a parked one by none. One commit per
        // batch, too.
        std::thread::park_timeout(GATHER);
        batch.push(first);
        loop {
            match rx.try_recv() {
                Ok(Msg::Record(r)) => batch.push(*r),
                Ok(Msg::Stop) => {
                    stop = true;
                    break;
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    stop = true;
                    break;
                }
            }
            if batch.len() == BATCH {
                write_batch(&engine, &mut batch);
            }
        }
        write_batch(&engine, &mut batch);
        if last_prune.elapsed() >= PRUNE_EVERY {
            last_prune = Instant::now();
            match engine.prune_log(retention_days, max_records) {
                Ok(0) => {}
                Ok(n) => tracing::info!(removed = n, "provisioning log pruned"),
                Err(e) => tracing::warn!(error = %e, "could not prune the provisioning log"),
            }
        }
    }
}

fn write_batch(engine: &Engine, batch: &mut Vec<LogRecord>) {
    if batch.is_empty() {
        return;
    }
    if let Err(e) = engine.write_log(batch) {
        tracing::error!(error = %e, records = batch.len(), "could not write the provisioning log");
    }
    batch.clear();
}

impl Engine {
    /// Writes records in one transaction, filling in the email of the user
    /// a record names by id only.
    pub fn write_log(&self, records: &mut [LogRecord]) -> Result<()> {
        self.append(|tx| {
            // Only refused requests to /Users/{id} name a user by id alone.
            for r in records.iter_mut() {
                if r.user_email.is_none()
                    && let (Some(t), Some(u)) = (&r.tenant_id, &r.user_id)
                {
                    r.user_email = tx.member(t, u)?.map(|m| m.account.user_name);
                }
            }
            tx.insert_logs(records)
        })
    }

    pub fn log_records(&self, q: &LogQuery) -> Result<Vec<LogRecord>> {
        self.read(|tx| tx.log_records(q))
    }

    pub fn log_record(&self, request_id: &str) -> Result<Option<LogRecord>> {
        let q = LogQuery {
            request_id: Some(request_id.to_owned()),
            limit: 1,
            ..LogQuery::default()
        };
        Ok(self.log_records(&q)?.pop())
    }

    /// Drops records older than `retention_days` and beyond `max_records`.
    pub fn prune_log(&self, retention_days: u32, max_records: u64) -> Result<u64> {
        let before = super::now() - time::Duration::days(i64::from(retention_days));
        self.append(|tx| tx.prune_log(before, max_records))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_lose_their_secrets() {
        let b = br#"{"userName":"a@b.com","password":"hunter2","x":[{"Secret":"s","v":1}]}"#;
        let out = redact_body(b).unwrap();
        assert!(!out.contains("hunter2") && !out.contains("\"s\""), "{out}");
        assert!(out.contains("a@b.com"));
        let op = br#"{"Operations":[{"op":"replace","Path":"urn:x:User:password","value":"pw-1"},{"op":"add","path":"userName","value":"u@x.com"}]}"#;
        let out = redact_body(op).unwrap();
        assert!(!out.contains("pw-1") && out.contains("u@x.com"), "{out}");
        assert_eq!(redact_body(b"").as_deref(), None);
        assert_eq!(
            redact_body(b"{oops").as_deref(),
            Some("(not JSON, 5 bytes)")
        );
        let big = format!("{{\"a\":\"{}\"}}", "é".repeat(20_000));
        assert!(
            redact_body(big.as_bytes())
                .unwrap()
                .ends_with("(truncated)")
        );
    }
}
