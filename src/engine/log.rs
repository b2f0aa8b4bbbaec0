//! The provisioning log: one record per SCIM request, written off the
//! request path by a batching writer thread, queried by `scimctl log`, the
//! support tools and the dashboard.

use std::borrow::Cow;
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

/// A record on its way into the store, borrowing its text. The request
/// path packs one into a single buffer for the writer (`PackedLogEntry`):
/// one allocation per request instead of one per field, and one free on
/// the writer's side (memory handed between threads is what costs there).
#[derive(Debug, Clone, Default)]
pub struct LogEntry<'a> {
    pub request_id: &'a str,
    /// Milliseconds since the Unix epoch (the store's resolution).
    pub at_ms: i64,
    pub tenant_id: Option<&'a str>,
    pub method: &'a str,
    pub path: &'a str,
    pub query: Option<&'a str>,
    pub status: u16,
    pub scim_type: Option<&'a str>,
    pub reason: Option<&'a str>,
    pub detail: Option<&'a str>,
    pub user_id: Option<&'a str>,
    /// Filled in by the writer when only `user_id` is known.
    pub user_email: Option<Cow<'a, str>>,
    pub group_id: Option<&'a str>,
    pub token_fingerprint: Option<&'a str>,
    pub token_note: Option<&'a str>,
    pub client_addr: Option<&'a str>,
    pub user_agent: Option<&'a str>,
    pub latency_us: u64,
    /// JSON arrays of text, as stored (see `json_list`); None when empty.
    pub ignored_attributes: Option<Cow<'a, str>>,
    pub transfers: Option<Cow<'a, str>>,
    pub invitations: Option<Cow<'a, str>>,
    pub request_body: Option<&'a str>,
}

/// How a record's lists are stored: a JSON array, or nothing when empty.
pub fn json_list(v: &[String]) -> Option<Cow<'static, str>> {
    (!v.is_empty()).then(|| Cow::Owned(serde_json::to_string(v).unwrap_or_default()))
}

/// Milliseconds since the Unix epoch.
pub fn unix_ms(t: OffsetDateTime) -> i64 {
    (t.unix_timestamp_nanos() / 1_000_000) as i64
}

/// Text fields of a packed entry, in this order.
const PACKED_TEXTS: usize = 19;
/// at_ms, status, latency_us.
const PACKED_HEAD: usize = 8 + 2 + 8;
const NONE: u32 = u32::MAX;

/// A `LogEntry` in one buffer: the fixed-size fields, then each text as a
/// little-endian u32 length (`NONE` for absent) and its bytes. It lives
/// only between a request and the writer, never on disk.
pub struct PackedLogEntry(Vec<u8>);

impl LogEntry<'_> {
    fn texts(&self) -> [Option<&str>; PACKED_TEXTS] {
        [
            Some(self.request_id),
            self.tenant_id,
            Some(self.method),
            Some(self.path),
            self.query,
            self.scim_type,
            self.reason,
            self.detail,
            self.user_id,
            self.user_email.as_deref(),
            self.group_id,
            self.token_fingerprint,
            self.token_note,
            self.client_addr,
            self.user_agent,
            self.ignored_attributes.as_deref(),
            self.transfers.as_deref(),
            self.invitations.as_deref(),
            self.request_body,
        ]
    }

    pub fn pack(&self) -> PackedLogEntry {
        let texts = self.texts();
        let len = PACKED_HEAD
            + texts
                .iter()
                .map(|t| 4 + t.map_or(0, str::len))
                .sum::<usize>();
        let mut b = Vec::with_capacity(len);
        b.extend_from_slice(&self.at_ms.to_le_bytes());
        b.extend_from_slice(&self.status.to_le_bytes());
        b.extend_from_slice(&self.latency_us.to_le_bytes());
        for t in texts {
            match t {
                // A text of 4 GiB or more cannot reach here (bodies are
                // capped at 1 MiB), but must not wrap into a wrong length.
                Some(t) => {
                    let n = u32::try_from(t.len()).unwrap_or(NONE - 1).min(NONE - 1);
                    b.extend_from_slice(&n.to_le_bytes());
                    b.extend_from_slice(&t.as_bytes()[..n as usize]);
                }
                None => b.extend_from_slice(&NONE.to_le_bytes()),
            }
        }
        PackedLogEntry(b)
    }
}

impl PackedLogEntry {
    /// The entry, borrowing this buffer's text; None if it is malformed
    /// (it never is: only `pack` makes one).
    pub fn entry(&self) -> Option<LogEntry<'_>> {
        let b = self.0.as_slice();
        let (head, mut rest) = b.split_at_checked(PACKED_HEAD)?;
        let at_ms = i64::from_le_bytes(head[0..8].try_into().ok()?);
        let status = u16::from_le_bytes(head[8..10].try_into().ok()?);
        let latency_us = u64::from_le_bytes(head[10..18].try_into().ok()?);
        let mut t: [Option<&str>; PACKED_TEXTS] = [None; PACKED_TEXTS];
        for slot in &mut t {
            let (n, tail) = rest.split_at_checked(4)?;
            let n = u32::from_le_bytes(n.try_into().ok()?);
            rest = tail;
            if n != NONE {
                let (text, tail) = rest.split_at_checked(n as usize)?;
                *slot = Some(std::str::from_utf8(text).ok()?);
                rest = tail;
            }
        }
        let [
            request_id,
            tenant_id,
            method,
            path,
            query,
            scim_type,
            reason,
            detail,
            user_id,
            user_email,
            group_id,
            token_fingerprint,
            token_note,
            client_addr,
            user_agent,
            ignored_attributes,
            transfers,
            invitations,
            request_body,
        ] = t;
        Some(LogEntry {
            request_id: request_id?,
            at_ms,
            tenant_id,
            method: method?,
            path: path?,
            query,
            status,
            scim_type,
            reason,
            detail,
            user_id,
            user_email: user_email.map(Cow::Borrowed),
            group_id,
            token_fingerprint,
            token_note,
            client_addr,
            user_agent,
            latency_us,
            ignored_attributes: ignored_attributes.map(Cow::Borrowed),
            transfers: transfers.map(Cow::Borrowed),
            invitations: invitations.map(Cow::Borrowed),
            request_body,
        })
    }
}

impl LogRecord {
    /// This record as the store writes it.
    pub fn entry(&self) -> LogEntry<'_> {
        LogEntry {
            request_id: &self.request_id,
            at_ms: unix_ms(self.at),
            tenant_id: self.tenant_id.as_deref(),
            method: &self.method,
            path: &self.path,
            query: self.query.as_deref(),
            status: self.status,
            scim_type: self.scim_type.as_deref(),
            reason: self.reason.as_deref(),
            detail: self.detail.as_deref(),
            user_id: self.user_id.as_deref(),
            user_email: self.user_email.as_deref().map(Cow::Borrowed),
            group_id: self.group_id.as_deref(),
            token_fingerprint: self.token_fingerprint.as_deref(),
            token_note: self.token_note.as_deref(),
            client_addr: self.client_addr.as_deref(),
            user_agent: self.user_agent.as_deref(),
            latency_us: self.latency_us,
            ignored_attributes: json_list(&self.ignored_attributes),
            transfers: json_list(&self.transfers),
            invitations: json_list(&self.invitations),
            request_body: self.request_body.as_deref(),
        }
    }
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
    Record(PackedLogEntry),
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

impl LogSink {
    pub fn send(&self, e: &LogEntry<'_>) {
        self.put(Msg::Record(e.pack()));
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
/// The writer's nice value. Its work is deferred by design, so it takes
/// the CPU that requests leave idle first, instead of preempting them: on
/// the 2-core load benchmark that halved the log's cost in throughput. At
/// nice 10 (weight 110 against a request thread's 1024) it still gets about
/// a tenth of a core against busy neighbours, so a machine saturated by
/// other work cannot starve it; and if it falls behind anyway, the bounded
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
            Ok(Msg::Record(r)) => r,
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
                Ok(Msg::Record(r)) => batch.push(r),
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

fn write_batch(engine: &Engine, batch: &mut Vec<PackedLogEntry>) {
    if batch.is_empty() {
        return;
    }
    let mut entries: Vec<LogEntry<'_>> = batch.iter().filter_map(PackedLogEntry::entry).collect();
    if let Err(e) = engine.write_entries(&mut entries) {
        tracing::error!(error = %e, records = batch.len(), "could not write the provisioning log");
    }
    batch.clear();
}

impl Engine {
    /// Writes records in one transaction, filling in the email of the user
    /// a record names by id only, and numbering them (`seq`).
    pub fn write_log(&self, records: &mut [LogRecord]) -> Result<()> {
        let mut entries: Vec<LogEntry<'_>> = records.iter().map(LogRecord::entry).collect();
        let last = self.write_entries(&mut entries)?;
        let emails: Vec<Option<String>> = entries
            .into_iter()
            .map(|e| e.user_email.map(Cow::into_owned))
            .collect();
        let first = last - records.len() as i64 + 1;
        for ((i, r), email) in records.iter_mut().enumerate().zip(emails) {
            r.seq = first + i as i64;
            r.user_email = email;
        }
        Ok(())
    }

    /// Writes entries in one transaction, filling in the email of the user
    /// an entry names by id only. Returns the last record's `seq` (the
    /// batch's are consecutive: the log's write lock is held).
    pub fn write_entries(&self, entries: &mut [LogEntry<'_>]) -> Result<i64> {
        self.append(|tx| {
            // Only refused requests to /Users/{id} name a user by id alone.
            for e in entries.iter_mut() {
                if e.user_email.is_none()
                    && let (Some(t), Some(u)) = (e.tenant_id, e.user_id)
                {
                    e.user_email = tx.member(t, u)?.map(|m| Cow::Owned(m.account.user_name));
                }
            }
            tx.insert_logs(entries)
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
    fn a_packed_entry_unpacks_to_itself() {
        let full = LogEntry {
            request_id: "r-0190f3c2a1b2c3d4e5f6",
            at_ms: 1_790_000_000_123,
            tenant_id: Some("acme"),
            method: "PATCH",
            path: "/scim/v2/acme/Users/u-1",
            query: Some("filter=userName eq \"zoë@x.com\""),
            status: 409,
            scim_type: Some("uniqueness"),
            reason: Some("exists"),
            detail: Some("détail ✓"),
            user_id: Some("u-1"),
            user_email: Some(Cow::Borrowed("Zoë@x.com")),
            group_id: None,
            token_fingerprint: Some("sha256:abcd"),
            token_note: None,
            client_addr: Some("::1"),
            user_agent: Some(""),
            latency_us: u64::MAX,
            ignored_attributes: json_list(&["nickName".into()]),
            transfers: None,
            invitations: json_list(&["a@x.com".into(), "b@x.com".into()]),
            request_body: Some("{}"),
        };
        let bare = LogEntry {
            request_id: "",
            method: "GET",
            path: "/",
            ..LogEntry::default()
        };
        for e in [full, bare] {
            let packed = e.pack();
            let back = packed.entry().expect("unpacks");
            assert_eq!(format!("{back:?}"), format!("{e:?}"));
            assert_eq!(packed.0.capacity(), packed.0.len(), "one exact allocation");
        }
        assert!(PackedLogEntry(vec![1, 2, 3]).entry().is_none());
    }

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
