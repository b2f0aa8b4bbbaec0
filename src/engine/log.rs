//! The provisioning log: one record per SCIM request, written off the
//! request path by a batching writer thread, queried by `scimctl log`, the
//! support tools and the dashboard.
//!
//! What anonymous traffic can cost it is bounded: every field of a record
//! has a length limit (`LogRecord::bound`), the queue to the writer is
//! bounded in records and in bytes, and a request never waits for the log:
//! when the queue is full its record is dropped and counted, per tenant, in
//! counters that `diagnose tenant`, `/healthz` and the server's stderr
//! show. Requests for tenants that do not exist are only counted.

use std::borrow::Cow;
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering::Relaxed, Ordering::SeqCst};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::{JoinHandle, Thread};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::Engine;
use super::error::Result;

/// Retention defaults: records older than this, or beyond this count per
/// tenant, go.
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
    /// The query string as received (filters included), the values of
    /// secret-named parameters masked.
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
    /// At most this many records that match, oldest first: the newest
    /// ones, or with `after_seq` the oldest after it (a follower's next
    /// page); 0 for all.
    pub limit: u32,
}

/// What the log could not record, kept in the log file (so `diagnose` in
/// another process sees it): per tenant, or in aggregate for requests that
/// named no tenant the store has.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogCounters {
    /// Records dropped: the queue was full, or the writer could not write
    /// them (see `LogSink::send` and the writer's retries).
    pub dropped: u64,
    #[serde(with = "time::serde::rfc3339::option")]
    pub dropped_last_at: Option<OffsetDateTime>,
    /// Requests for tenant ids that do not exist (aggregate only).
    pub unknown_tenant: u64,
    #[serde(with = "time::serde::rfc3339::option")]
    pub unknown_tenant_last_at: Option<OffsetDateTime>,
}

impl LogCounters {
    fn add(&mut self, o: &LogCounters) {
        self.dropped = self.dropped.saturating_add(o.dropped);
        self.unknown_tenant = self.unknown_tenant.saturating_add(o.unknown_tenant);
        self.dropped_last_at = self.dropped_last_at.max(o.dropped_last_at);
        self.unknown_tenant_last_at = self.unknown_tenant_last_at.max(o.unknown_tenant_last_at);
    }
    fn is_zero(&self) -> bool {
        self.dropped == 0 && self.unknown_tenant == 0
    }
}

/// What a running server's log sink has not recorded since it started:
/// records dropped, and requests for unknown tenants counted instead.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SinkStats {
    pub dropped: u64,
    pub unknown_tenant: u64,
}

/// The longest stored value of each field, in bytes (UTF-8), the
/// truncation marker included. A field cut to fit ends in `TRUNCATED`.
/// Generous for what an identity provider sends (Entra's longest filter
/// queries are a few hundred bytes; emails are at most 320 by RFC 5321),
/// small enough that an anonymous request stores at most a few KiB.
pub const MAX_METHOD: usize = 16;
pub const MAX_PATH: usize = 512;
pub const MAX_QUERY: usize = 1024;
pub const MAX_USER_AGENT: usize = 256;
pub const MAX_CLIENT_ADDR: usize = 64;
pub const MAX_USER_EMAIL: usize = 320;
/// user_id, group_id and tenant_id (ours are 36-byte UUIDs or short slugs).
pub const MAX_ID: usize = 128;
/// request_id and token_fingerprint (ours are 22 and 8 bytes).
pub const MAX_SHORT: usize = 64;
/// scim_type and reason (stable codes).
pub const MAX_CODE: usize = 64;
pub const MAX_DETAIL: usize = 1024;
pub const MAX_TOKEN_NOTE: usize = 256;
/// ignored_attributes: at most this many entries of MAX_ATTRIBUTE bytes.
pub const MAX_IGNORED: usize = 32;
pub const MAX_ATTRIBUTE: usize = 128;
/// transfers and invitations: at most this many emails of MAX_USER_EMAIL.
pub const MAX_EMAILS: usize = 100;
/// The largest request body kept in a record.
pub const MAX_BODY_LOGGED: usize = 16 * 1024;
/// Ends a value cut to fit.
pub const TRUNCATED: &str = "…";

/// Cuts `s` to at most `max` bytes on a char boundary, ending in the
/// marker, and gives the memory back (a cut 1 MiB path must not keep its
/// buffer while queued).
/// What a NUL character in a field is stored as: PostgreSQL's text cannot
/// hold one, and a record that failed its insert would fail its batch.
const NUL_STORED_AS: &str = "\u{2400}";

fn cut(s: &mut String, max: usize) {
    if s.contains('\0') {
        *s = s.replace('\0', NUL_STORED_AS);
    }
    if s.len() <= max {
        return;
    }
    let mut end = max.saturating_sub(TRUNCATED.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s.push_str(TRUNCATED);
    s.shrink_to_fit();
}

fn cut_opt(s: &mut Option<String>, max: usize) {
    if let Some(s) = s {
        cut(s, max);
    }
}

/// At most `entries` values of at most `max` bytes: the last kept entry
/// says how many more there were.
fn cut_list(v: &mut Vec<String>, entries: usize, max: usize) {
    if v.len() > entries {
        let more = v.len() - (entries - 1);
        v.truncate(entries - 1);
        v.push(format!("{TRUNCATED} ({more} more)"));
        v.shrink_to_fit();
    }
    for s in v.iter_mut() {
        cut(s, max);
    }
}

/// True for a name that carries a secret: password, token, key, secret,
/// auth (any case, anywhere in the name: `access_token`, `api_key`,
/// `client_secret`, `x-auth`).
fn secret_param(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    ["passw", "token", "key", "secret", "auth"]
        .iter()
        .any(|w| n.contains(w))
}

/// A query string with the values of secret-named parameters replaced by
/// `(redacted)`; borrowed when there are none. Names are compared after
/// percent-decoding (`access%5Ftoken` is `access_token`).
pub fn redact_query(q: &str) -> Cow<'_, str> {
    let secret = |pair: &str| {
        let name = pair.split_once('=').map_or(pair, |(k, _)| k);
        secret_param(&percent_decoded(name))
    };
    if !q.split('&').any(|p| p.contains('=') && secret(p)) {
        return Cow::Borrowed(q);
    }
    let parts: Vec<Cow<'_, str>> = q
        .split('&')
        .map(|p| match p.split_once('=') {
            Some((k, _)) if secret(p) => Cow::Owned(format!("{k}=(redacted)")),
            _ => Cow::Borrowed(p),
        })
        .collect();
    Cow::Owned(parts.join("&"))
}

/// `%XX` and `+` decoded (lossy: only used to compare names).
fn percent_decoded(s: &str) -> Cow<'_, str> {
    if !s.contains(['%', '+']) {
        return Cow::Borrowed(s);
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (hex(b[i + 1]), hex(b[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    Cow::Owned(String::from_utf8_lossy(&out).into_owned())
}

impl LogRecord {
    /// Bounds every field to its limit (see `MAX_*`) and masks the values
    /// of secret-named query parameters. Idempotent; `LogSink::send` and
    /// `Engine::write_log` apply it, so nothing longer is ever stored.
    pub fn bound(&mut self) {
        if let Some(q) = &self.query
            && let Cow::Owned(masked) = redact_query(q)
        {
            self.query = Some(masked);
        }
        cut(&mut self.request_id, MAX_SHORT);
        cut_opt(&mut self.tenant_id, MAX_ID);
        cut(&mut self.method, MAX_METHOD);
        cut(&mut self.path, MAX_PATH);
        cut_opt(&mut self.query, MAX_QUERY);
        cut_opt(&mut self.scim_type, MAX_CODE);
        cut_opt(&mut self.reason, MAX_CODE);
        cut_opt(&mut self.detail, MAX_DETAIL);
        cut_opt(&mut self.user_id, MAX_ID);
        cut_opt(&mut self.user_email, MAX_USER_EMAIL);
        cut_opt(&mut self.group_id, MAX_ID);
        cut_opt(&mut self.token_fingerprint, MAX_SHORT);
        cut_opt(&mut self.token_note, MAX_TOKEN_NOTE);
        cut_opt(&mut self.client_addr, MAX_CLIENT_ADDR);
        cut_opt(&mut self.user_agent, MAX_USER_AGENT);
        cut_list(&mut self.ignored_attributes, MAX_IGNORED, MAX_ATTRIBUTE);
        cut_list(&mut self.transfers, MAX_EMAILS, MAX_USER_EMAIL);
        cut_list(&mut self.invitations, MAX_EMAILS, MAX_USER_EMAIL);
        cut_opt(&mut self.request_body, MAX_BODY_LOGGED);
    }

    /// The memory a queued record holds, estimated: the struct, its box,
    /// and the heap buffers of its strings and lists.
    fn queued_size(&self) -> usize {
        let o = |s: &Option<String>| s.as_ref().map_or(0, String::capacity);
        let l = |v: &Vec<String>| {
            v.capacity() * std::mem::size_of::<String>()
                + v.iter().map(String::capacity).sum::<usize>()
        };
        std::mem::size_of::<LogRecord>()
            + 16
            + self.request_id.capacity()
            + self.method.capacity()
            + self.path.capacity()
            + o(&self.tenant_id)
            + o(&self.query)
            + o(&self.scim_type)
            + o(&self.reason)
            + o(&self.detail)
            + o(&self.user_id)
            + o(&self.user_email)
            + o(&self.group_id)
            + o(&self.token_fingerprint)
            + o(&self.token_note)
            + o(&self.client_addr)
            + o(&self.user_agent)
            + o(&self.request_body)
            + l(&self.ignored_attributes)
            + l(&self.transfers)
            + l(&self.invitations)
    }
}

/// A request body fit for the log: secret-bearing attributes masked
/// (`password`, anything named like a token or secret), at most
/// MAX_BODY_LOGGED bytes.
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
    const MARK: &str = "… (truncated)";
    Some(if text.len() > MAX_BODY_LOGGED {
        let mut cut = MAX_BODY_LOGGED - MARK.len();
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        format!("{}{MARK}", &text[..cut])
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

/// Records queued or being written at most. Beyond it (or QUEUE_BYTES), a
/// record is dropped and counted: the request path never waits for the log.
pub const QUEUE_RECORDS: usize = 16384;
/// Estimated bytes of queued or being-written records at most (see
/// `LogRecord::queued_size`): a few thousand bounded records, so a flood
/// of large requests costs at most this much memory.
pub const QUEUE_BYTES: usize = 8 << 20;
/// At most this many records per transaction, gathered for `GATHER` (the
/// log has its own file, so a batch delays no request). Half a second: the
/// per-user index's pages are spread out, and each commit writes every page
/// it touched to the WAL, so longer batches share those page writes among
/// more records (50 ms cost ~16 µs of writer CPU per request, 500 ms ~12);
/// `log --follow` and the dashboard still see a record within a second.
/// A queue half full wakes the writer early.
const BATCH: usize = QUEUE_RECORDS;
const GATHER: Duration = Duration::from_millis(500);
const PRUNE_EVERY: Duration = Duration::from_secs(600);
/// Records removed per pruning transaction, so that the log's write lock is
/// never held for long and the writer's batches go on in between.
pub const PRUNE_CHUNK: u64 = 10_000;
/// A failing batch is tried again after these pauses, then its records are
/// counted as dropped.
const RETRY_AFTER: [Duration; 2] = [Duration::from_millis(100), Duration::from_secs(1)];
/// The stderr line about dropped records and unknown tenants: at most one
/// per this long.
const REPORT_EVERY: Duration = Duration::from_secs(60);
/// Tenants whose drops are told apart while not yet persisted; beyond, the
/// aggregate (no tenant) counts them. Drops only come from real tenants'
/// requests (unknown ones are counted, not sent), so this is generous.
const MAX_DROP_TENANTS: usize = 4096;
/// The writer's nice value. Its work is deferred by design, so it should
/// take the CPU that requests leave idle rather than preempt them (on the
/// 2-core load benchmark the CPU is ~16 % idle while the writer needs ~5 %).
/// At nice 10 (weight 110 against a request thread's 1024) it still gets
/// about a tenth of a core against busy neighbours, so other work on the
/// machine cannot starve it; and if it falls behind anyway, records are
/// dropped and counted rather than memory grow or requests wait.
#[cfg(target_os = "linux")]
const WRITER_NICE: i32 = 10;

enum Msg {
    /// A record and its `queued_size`.
    Record(Box<LogRecord>, usize),
    Stop,
}

/// Drops by tenant (None: records naming no tenant) not yet persisted.
type Tally = HashMap<Option<String>, LogCounters>;

/// What the sinks and the writer share: the queue's fill, the counters.
struct Shared {
    /// Records (and their estimated bytes) sent and not yet written or
    /// given up: the queue and the writer's batch together.
    queued: AtomicUsize,
    queued_bytes: AtomicUsize,
    dropped: AtomicU64,
    unknown_tenant: AtomicU64,
    /// Written by senders only when they drop, taken by the writer.
    drops: Mutex<Tally>,
    /// Set when the writer stops taking records: a sender that sees it
    /// counts its record as dropped; the writer counts those it still
    /// finds queued (see `Writer::run`), so none vanishes uncounted.
    closed: AtomicBool,
    writer: OnceLock<Thread>,
}

impl Shared {
    /// Room for one more record of `size` bytes, or false (nothing taken).
    fn reserve(&self, size: usize) -> bool {
        // SeqCst with `closed` (see `Writer::run`).
        let n = self.queued.fetch_add(1, SeqCst);
        let b = self.queued_bytes.fetch_add(size, Relaxed);
        if n >= QUEUE_RECORDS || b.saturating_add(size) > QUEUE_BYTES {
            self.release(1, size);
            return false;
        }
        // Half full: the writer stops gathering and writes now.
        if (n + 1 == QUEUE_RECORDS / 2 || (b < QUEUE_BYTES / 2 && b + size >= QUEUE_BYTES / 2))
            && let Some(w) = self.writer.get()
        {
            w.unpark();
        }
        true
    }

    fn release(&self, records: usize, bytes: usize) {
        self.queued.fetch_sub(records, Relaxed);
        self.queued_bytes.fetch_sub(bytes, Relaxed);
    }

    fn count_drops(&self, tenant_id: Option<String>, n: u64, at: OffsetDateTime) {
        self.dropped.fetch_add(n, Relaxed);
        let mut tally = self.drops.lock().unwrap_or_else(|p| p.into_inner());
        let key = if tally.len() < MAX_DROP_TENANTS || tally.contains_key(&tenant_id) {
            tenant_id
        } else {
            None
        };
        tally.entry(key).or_default().add(&LogCounters {
            dropped: n,
            dropped_last_at: Some(at),
            ..LogCounters::default()
        });
    }
}

/// Writes log records in batches on its own thread, and prunes the log on
/// another. `close` writes everything queued before it, so nothing is lost
/// on a graceful shutdown.
pub struct LogWriter {
    sink: LogSink,
    thread: Option<JoinHandle<()>>,
    pruner: Option<(Sender<()>, JoinHandle<()>)>,
}

/// A cheap handle to queue records. Never blocks.
#[derive(Clone)]
pub struct LogSink {
    tx: Sender<Msg>,
    shared: Arc<Shared>,
}

impl LogSink {
    /// Queues a record, bounded first (`LogRecord::bound`). Never waits:
    /// when the queue is full (QUEUE_RECORDS or QUEUE_BYTES) the record is
    /// dropped and counted for its tenant.
    pub fn send(&self, mut r: LogRecord) {
        r.bound();
        let size = r.queued_size();
        if !self.shared.reserve(size) {
            self.shared.count_drops(r.tenant_id, 1, r.at);
            return;
        }
        if self.shared.closed.load(SeqCst) {
            self.shared.release(1, size);
            self.shared.count_drops(r.tenant_id, 1, r.at);
            return;
        }
        // Fails only once the writer has stopped (after `close`).
        if let Err(mpsc::SendError(Msg::Record(r, size))) =
            self.tx.send(Msg::Record(Box::new(r), size))
        {
            self.shared.release(1, size);
            self.shared.count_drops(r.tenant_id, 1, r.at);
        }
    }

    /// Counts a request for a tenant id that does not exist, instead of
    /// logging it: invented ids cost a counter, not a row each.
    pub fn unknown_tenant(&self) {
        self.shared.unknown_tenant.fetch_add(1, Relaxed);
    }

    /// Records dropped and unknown-tenant requests since the writer started.
    pub fn stats(&self) -> SinkStats {
        SinkStats {
            dropped: self.shared.dropped.load(Relaxed),
            unknown_tenant: self.shared.unknown_tenant.load(Relaxed),
        }
    }
}

impl LogWriter {
    /// Starts the writer and the pruner: records older than
    /// `retention_days`, and beyond the newest `max_records` of each
    /// tenant, go every 10 minutes.
    pub fn start(engine: Engine, retention_days: u32, max_records: u64) -> LogWriter {
        let (tx, rx) = mpsc::channel();
        let shared = Arc::new(Shared {
            queued: AtomicUsize::new(0),
            queued_bytes: AtomicUsize::new(0),
            dropped: AtomicU64::new(0),
            unknown_tenant: AtomicU64::new(0),
            drops: Mutex::new(HashMap::new()),
            closed: AtomicBool::new(false),
            writer: OnceLock::new(),
        });
        let writer = Writer {
            engine: engine.clone(),
            shared: shared.clone(),
            pending: Tally::new(),
            unknown_taken: 0,
            reported: SinkStats::default(),
            last_report: Instant::now(),
        };
        let thread = std::thread::Builder::new()
            .name("scimctl-log".into())
            .spawn(move || writer.run(rx))
            .ok();
        if let Some(t) = &thread {
            let _ = shared.writer.set(t.thread().clone());
        } else {
            tracing::error!(
                "could not start the provisioning-log writer: records will be dropped and counted"
            );
        }
        let (stop_tx, stop_rx) = mpsc::channel::<()>();
        let pruner = std::thread::Builder::new()
            .name("scimctl-log-prune".into())
            .spawn(move || prune_loop(engine, stop_rx, retention_days, max_records))
            .ok()
            .map(|t| (stop_tx, t));
        LogWriter {
            sink: LogSink { tx, shared },
            thread,
            pruner,
        }
    }

    pub fn sink(&self) -> LogSink {
        self.sink.clone()
    }

    /// Writes everything queued so far, and the counters, then stops.
    pub fn close(mut self) {
        if let Some((stop, t)) = self.pruner.take() {
            drop(stop);
            t.thread().unpark();
            let _ = t.join();
        }
        let _ = self.sink.tx.send(Msg::Stop);
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

/// Prunes at start and every PRUNE_EVERY until told to stop (its sender
/// dropped), in chunks: between them the writer's batches go on.
fn prune_loop(engine: Engine, stop: Receiver<()>, retention_days: u32, max_records: u64) {
    lower_priority();
    loop {
        let stopped = || matches!(stop.try_recv(), Err(TryRecvError::Disconnected));
        match engine.prune_log_until(retention_days, max_records, &stopped) {
            Ok(0) => {}
            Ok(n) => tracing::info!(removed = n, "provisioning log pruned"),
            Err(e) => tracing::warn!(error = %e, "could not prune the provisioning log"),
        }
        match stop.recv_timeout(PRUNE_EVERY) {
            Err(RecvTimeoutError::Timeout) => {}
            _ => return,
        }
    }
}

/// The writer thread's state.
struct Writer {
    engine: Engine,
    shared: Arc<Shared>,
    /// Counters not yet persisted (a write of them failed).
    pending: Tally,
    /// `unknown_tenant` as last moved into `pending`.
    unknown_taken: u64,
    /// The stats at the last stderr report, and when it was.
    reported: SinkStats,
    last_report: Instant,
}

impl Writer {
    fn run(mut self, rx: Receiver<Msg>) {
        lower_priority();
        let mut stop = false;
        let mut batch = Vec::with_capacity(1024);
        let mut bytes = 0;
        while !stop {
            let first = match rx.recv_timeout(Duration::from_secs(1)) {
                Ok(Msg::Record(r, size)) => Some((*r, size)),
                Ok(Msg::Stop) | Err(RecvTimeoutError::Disconnected) => {
                    stop = true;
                    None
                }
                Err(RecvTimeoutError::Timeout) => None,
            };
            if let Some((first, size)) = first {
                // Wait out the gather window (or until a half-full queue
                // wakes it), then take what came: a blocked receiver would
                // be woken by every send (a futex call and two context
                // switches per request, more than writing the record
                // costs), a parked one by none. One commit per batch, too.
                std::thread::park_timeout(GATHER);
                batch.push(first);
                bytes += size;
                loop {
                    match rx.try_recv() {
                        Ok(Msg::Record(r, size)) => {
                            batch.push(*r);
                            bytes += size;
                        }
                        Ok(Msg::Stop) | Err(TryRecvError::Disconnected) => {
                            stop = true;
                            break;
                        }
                        Err(TryRecvError::Empty) => break,
                    }
                    if batch.len() == BATCH {
                        self.write(&mut batch, &mut bytes);
                    }
                }
                self.write(&mut batch, &mut bytes);
            } else {
                // Idle: persist what was counted since the last batch.
                self.flush_counters();
            }
            if stop || self.last_report.elapsed() >= REPORT_EVERY {
                self.report();
            }
        }
        // Records sent after the stop are counted as dropped: a sender
        // either sees `closed` (and counts its own) or had reserved its
        // place before it was set, which this loop then sees and waits for
        // (both SeqCst, so one of the two always sees the other).
        self.shared.closed.store(true, SeqCst);
        let mut late = 0;
        loop {
            match rx.recv_timeout(Duration::from_millis(10)) {
                Ok(Msg::Record(r, size)) => {
                    self.shared.count_drops(r.tenant_id, 1, r.at);
                    self.shared.release(1, size);
                    late += 1;
                }
                Ok(Msg::Stop) => {}
                Err(RecvTimeoutError::Disconnected) => break,
                Err(RecvTimeoutError::Timeout) if self.shared.queued.load(SeqCst) == 0 => break,
                Err(RecvTimeoutError::Timeout) => {}
            }
        }
        if late > 0 {
            tracing::warn!(
                records = late,
                "provisioning log: records sent after the writer stopped were dropped"
            );
        }
        self.flush_counters();
    }

    /// Moves the senders' drops and the unknown-tenant count into
    /// `pending` and returns all of it.
    fn take_counters(&mut self) -> Tally {
        let drops =
            std::mem::take(&mut *self.shared.drops.lock().unwrap_or_else(|p| p.into_inner()));
        for (k, c) in drops {
            self.pending.entry(k).or_default().add(&c);
        }
        let unknown = self.shared.unknown_tenant.load(Relaxed);
        if unknown > self.unknown_taken {
            self.pending.entry(None).or_default().add(&LogCounters {
                unknown_tenant: unknown - self.unknown_taken,
                unknown_tenant_last_at: Some(super::now()),
                ..LogCounters::default()
            });
            self.unknown_taken = unknown;
        }
        self.pending.retain(|_, c| !c.is_zero());
        std::mem::take(&mut self.pending)
    }

    /// Writes a batch with the counters, retrying a failure; records it
    /// could not write are counted as dropped. Empties the batch.
    fn write(&mut self, batch: &mut Vec<LogRecord>, bytes: &mut usize) {
        if batch.is_empty() {
            return;
        }
        let mut counters = self.take_counters();
        let engine = &self.engine;
        let outcome = attempt("a batch", &mut || engine.write_log_batch(batch, &counters));
        if let Err(e) = outcome {
            tracing::error!(records = batch.len(), error = %e, "provisioning log: could not write a batch; its records are counted as dropped");
            let mut lost = Tally::new();
            for r in batch.iter() {
                lost.entry(r.tenant_id.clone())
                    .or_default()
                    .add(&LogCounters {
                        dropped: 1,
                        dropped_last_at: Some(r.at),
                        ..LogCounters::default()
                    });
            }
            self.shared.dropped.fetch_add(batch.len() as u64, Relaxed);
            for (k, c) in lost {
                counters.entry(k).or_default().add(&c);
            }
            // The counters alone, so the drops are on record even when
            // the batch itself was at fault.
            if attempt("the counters", &mut || engine.add_log_counters(&counters)).is_err() {
                self.pending = counters;
            }
        }
        self.shared.release(batch.len(), *bytes);
        batch.clear();
        *bytes = 0;
        // Here too: under a flood the writer goes from batch to batch.
        if self.last_report.elapsed() >= REPORT_EVERY {
            self.report();
        }
    }

    fn flush_counters(&mut self) {
        let counters = self.take_counters();
        if counters.is_empty() {
            return;
        }
        let engine = &self.engine;
        if let Err(e) = attempt("the counters", &mut || engine.add_log_counters(&counters)) {
            tracing::error!(error = %e, "provisioning log: could not write its counters; trying again later");
            self.pending = counters;
        }
    }

    /// One stderr line when records were dropped or unknown tenants asked.
    fn report(&mut self) {
        let now = SinkStats {
            dropped: self.shared.dropped.load(Relaxed),
            unknown_tenant: self.shared.unknown_tenant.load(Relaxed),
        };
        let (dropped, unknown) = (
            now.dropped - self.reported.dropped,
            now.unknown_tenant - self.reported.unknown_tenant,
        );
        if dropped > 0 || unknown > 0 {
            let secs = self.last_report.elapsed().as_secs();
            let window = if (60..120).contains(&secs) {
                "minute".to_owned()
            } else {
                format!("{secs} s")
            };
            tracing::warn!(
                dropped,
                unknown_tenant = unknown,
                "provisioning log: {} records dropped, {} requests for unknown tenants in the last {window}",
                grouped(dropped),
                grouped(unknown)
            );
        }
        self.reported = now;
        self.last_report = Instant::now();
    }
}

/// Runs `f`, retried after each RETRY_AFTER pause while it fails; a panic
/// is caught (the thread must not die silently) and not retried.
fn attempt(what: &str, f: &mut dyn FnMut() -> Result<()>) -> std::result::Result<(), String> {
    let mut pauses = RETRY_AFTER.iter();
    loop {
        match catch_unwind(AssertUnwindSafe(&mut *f)) {
            Ok(Ok(())) => return Ok(()),
            Ok(Err(e)) => match pauses.next() {
                Some(p) => {
                    tracing::warn!(error = %e, "provisioning log: could not write {what}; trying again in {p:?}");
                    std::thread::sleep(*p);
                }
                None => return Err(e.to_string()),
            },
            Err(panic) => {
                let msg = panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown".into());
                return Err(format!("panicked: {msg}"));
            }
        }
    }
}

/// 3400 as "3,400".
fn grouped(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The time before which records are too old, or None when no record can
/// be (a retention too long for the calendar).
fn retention_cutoff(days: u32) -> Option<OffsetDateTime> {
    super::now().checked_sub(time::Duration::days(i64::from(days)))
}

impl Engine {
    /// Writes records in one transaction, bounded first (see
    /// `LogRecord::bound`), filling in the email of the user a record
    /// names by id only.
    pub fn write_log(&self, records: &mut [LogRecord]) -> Result<()> {
        self.write_log_batch(records, &Tally::new())
    }

    /// A batch and the counters' increments, in one transaction.
    fn write_log_batch(&self, records: &mut [LogRecord], counters: &Tally) -> Result<()> {
        self.append(|tx| {
            // Only refused requests to /Users/{id} name a user by id alone.
            for r in records.iter_mut() {
                r.bound();
                if r.user_email.is_none()
                    && let (Some(t), Some(u)) = (&r.tenant_id, &r.user_id)
                {
                    r.user_email = tx.member(t, u)?.map(|m| m.account.user_name);
                }
            }
            tx.insert_logs(records)?;
            for (t, c) in counters {
                tx.add_log_counters(t.as_deref(), c)?;
            }
            Ok(())
        })
    }

    fn add_log_counters(&self, counters: &Tally) -> Result<()> {
        self.append(|tx| {
            for (t, c) in counters {
                tx.add_log_counters(t.as_deref(), c)?;
            }
            Ok(())
        })
    }

    /// What the log could not record for a tenant (None: the aggregate of
    /// requests that named no tenant the store has).
    pub fn log_counters(&self, tenant_id: Option<&str>) -> Result<LogCounters> {
        self.read(|tx| tx.log_counters(tenant_id))
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

    /// Drops records older than `retention_days` and, per tenant, beyond
    /// its newest `max_records`; the records of deleted tenants; and the
    /// keys of tenants with no records left. Returns how many records (and
    /// deleted tenants' keys) went.
    pub fn prune_log(&self, retention_days: u32, max_records: u64) -> Result<u64> {
        self.prune_log_until(retention_days, max_records, &|| false)
    }

    /// `prune_log` in chunks of PRUNE_CHUNK records, one transaction each
    /// (the log's write lock is never held long), until `stop` says so.
    pub fn prune_log_until(
        &self,
        retention_days: u32,
        max_records: u64,
        stop: &dyn Fn() -> bool,
    ) -> Result<u64> {
        let mut removed = 0;
        self.append(|tx| tx.forget_departed_log_tenants())?;
        loop {
            let n = self.append(|tx| tx.purge_forgotten_log(PRUNE_CHUNK))?;
            removed += n;
            if n < PRUNE_CHUNK || stop() {
                break;
            }
        }
        let before = retention_cutoff(retention_days);
        let cuts = self.read(|tx| tx.log_cuts(before, max_records))?;
        for cut in cuts {
            loop {
                if stop() {
                    return Ok(removed);
                }
                let n = self.append(|tx| tx.prune_log_cut(&cut, PRUNE_CHUNK))?;
                removed += n;
                if n < PRUNE_CHUNK {
                    break;
                }
            }
        }
        self.append(|tx| tx.prune_log_tenants())?;
        Ok(removed)
    }

    /// A deleted tenant's log: forgotten at once (a tenant re-created with
    /// the same id sees none of it, and its counters go), its records then
    /// removed in chunks.
    pub(crate) fn forget_tenant_log(&self, tenant_id: &str) -> Result<()> {
        self.append(|tx| tx.forget_log_tenant(tenant_id))?;
        while self.append(|tx| tx.purge_forgotten_log(PRUNE_CHUNK))? >= PRUNE_CHUNK {}
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bound_replaces_nul_which_no_store_can_hold_in_text() {
        let mut s = "a\u{0}b@example.com".to_owned();
        cut(&mut s, MAX_USER_EMAIL);
        assert_eq!(s, "a\u{2400}b@example.com");
        let mut v = vec!["x\u{0}".to_owned()];
        cut_list(&mut v, MAX_EMAILS, MAX_USER_EMAIL);
        assert_eq!(v, ["x\u{2400}"]);
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

    #[test]
    fn cuts_keep_char_boundaries_and_fit() {
        let mut s = "é".repeat(10); // 20 bytes
        cut(&mut s, 8);
        assert_eq!(s, "éé…");
        assert!(s.len() <= 8);
        let mut short = "abc".to_owned();
        cut(&mut short, 3);
        assert_eq!(short, "abc");
        let mut tiny = "abcdef".to_owned();
        cut(&mut tiny, 2);
        assert_eq!(tiny, "…", "a limit below the marker keeps only it");
        let mut v: Vec<String> = (0..5).map(|i| i.to_string()).collect();
        cut_list(&mut v, 3, 20);
        assert_eq!(v, ["0", "1", "… (3 more)"]);
    }

    #[test]
    fn secret_parameters_are_masked_by_name() {
        assert_eq!(
            redact_query("a=1&access%5Ftoken=x&b&Client_Secret=y&apiKey=z&authorization=Bearer+t"),
            "a=1&access%5Ftoken=(redacted)&b&Client_Secret=(redacted)&apiKey=(redacted)&authorization=(redacted)"
        );
        assert!(matches!(
            redact_query("filter=userName+eq+%22a%22&count=5"),
            Cow::Borrowed(_)
        ));
        assert_eq!(percent_decoded("a%2"), "a%2", "a cut escape stays");
        assert_eq!(percent_decoded("x%zz+y"), "x%zz y");
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(3400), "3,400");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }

    #[test]
    fn a_retention_beyond_the_calendar_cuts_nothing() {
        assert!(retention_cutoff(u32::MAX).is_none());
        assert!(retention_cutoff(30).is_some());
    }
}
