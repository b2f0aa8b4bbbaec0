//! [`LogTx`](crate::engine::store::LogTx) on SQLite.

use super::*;

impl LogTx for SqliteTx<'_> {
    fn insert_logs(&self, rs: &mut [LogRecord]) -> Result<()> {
        // The tenants' numbers, looked up once per batch.
        let mut tenants: Vec<(&str, i64)> = Vec::new();
        let mut numbers = Vec::with_capacity(rs.len());
        for r in rs.iter() {
            let n = match r.tenant_id.as_deref() {
                None => None,
                Some(t) => Some(match tenants.iter().find(|(id, _)| *id == t) {
                    Some(&(_, n)) => n,
                    None => {
                        let n = self.log_tenant(t)?;
                        tenants.push((t, n));
                        n
                    }
                }),
            };
            numbers.push(n);
        }
        // Numbers continue from the highest ever given: when the newest
        // records were removed, a placeholder at that number (gone again
        // before the commit) makes SQLite number this batch after it.
        let high: i64 = self
            .one("SELECT seq FROM log.log_high_water", [], |r| r.get(0))?
            .unwrap_or(0);
        let top: i64 = self
            .one(
                "SELECT seq FROM log.provisioning_log ORDER BY seq DESC LIMIT 1",
                [],
                |r| r.get(0),
            )?
            .unwrap_or(0);
        let seat = top < high;
        if seat {
            self.exec(
                "INSERT INTO log.provisioning_log (seq, request_id, request_key, at, method, path, status, latency_us) VALUES (?1, '', 0, 0, '', '', 0, 0)",
                [high],
            )?;
        }
        let batch_end = self.insert_log_rows(rs, &numbers)?;
        if seat {
            self.exec("DELETE FROM log.provisioning_log WHERE seq = ?1", [high])?;
        }
        if let Some(last) = batch_end {
            self.exec("UPDATE log.log_high_water SET seq = ?1", [last])?;
        }
        Ok(())
    }

    fn log_records(&self, q: &LogQuery) -> Result<Vec<LogRecord>> {
        let mut sql = String::from(
            "SELECT p.seq, p.request_id, p.at, t.tenant_id, p.method, p.path, p.query, p.status, p.scim_type, p.reason, p.detail, p.user_id, p.user_email, p.group_id, p.token_fingerprint, p.token_note, p.client_addr, p.user_agent, p.latency_us, p.ignored_attributes, p.transfers, p.invitations, p.request_body \
             FROM log.provisioning_log p LEFT JOIN log.log_tenants t ON t.n = p.tenant_n \
             WHERE (p.tenant_n IS NULL OR t.n IS NOT NULL)",
        );
        // (The records of a deleted tenant, forgotten but not yet purged,
        // belong to no tenant key: not shown as records of no tenant.)
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        let mut arg = |sql: &mut String, clause: &str, v: rusqlite::types::Value| {
            args.push(v);
            sql.push_str(&format!(" AND {clause} ?{}", args.len()));
        };
        if let Some(t) = &q.tenant_id {
            arg(
                &mut sql,
                &format!("p.tenant_n = {TENANT_N}"),
                t.clone().into(),
            );
            sql.push(')');
        }
        if q.errors_only {
            sql.push_str(" AND p.status >= 400");
        }
        // The integer keys find the rows, the full text decides.
        if let Some(e) = &q.user_email {
            let lower = e.to_lowercase();
            arg(&mut sql, "p.user_key =", user_key(&lower).into());
            arg(
                &mut sql,
                "coalesce(p.user_email_lower, p.user_email) =",
                lower.into(),
            );
        }
        if let Some(r) = &q.request_id {
            arg(&mut sql, "p.request_key =", request_key(r).into());
            arg(&mut sql, "p.request_id =", r.clone().into());
        }
        if let Some(since) = q.since {
            arg(&mut sql, "p.at >=", ms(since).into());
        }
        let following = q.after_seq.is_some();
        if let Some(after) = q.after_seq {
            arg(&mut sql, "p.seq >", after.into());
        }
        let limit = if q.limit == 0 {
            i64::MAX
        } else {
            i64::from(q.limit)
        };
        args.push(limit.into());
        sql.push_str(&format!(
            " ORDER BY p.seq {} LIMIT ?{}",
            if following { "ASC" } else { "DESC" },
            args.len()
        ));
        let json_list = |v: Option<String>| -> Vec<String> {
            v.and_then(|s| serde_json::from_str(&s).ok())
                .unwrap_or_default()
        };
        let mut rows = self.all(&sql, rusqlite::params_from_iter(args), |r| {
            Ok(LogRecord {
                seq: r.get(0)?,
                request_id: r.get(1)?,
                at: at(r.get(2)?)?,
                tenant_id: r.get(3)?,
                method: r.get(4)?,
                path: r.get(5)?,
                query: r.get(6)?,
                status: r.get(7)?,
                scim_type: r.get(8)?,
                reason: r.get(9)?,
                detail: r.get(10)?,
                user_id: r.get(11)?,
                user_email: r.get(12)?,
                group_id: r.get(13)?,
                token_fingerprint: r.get(14)?,
                token_note: r.get(15)?,
                client_addr: r.get(16)?,
                user_agent: r.get(17)?,
                latency_us: r.get::<_, i64>(18)? as u64,
                ignored_attributes: json_list(r.get(19)?),
                transfers: json_list(r.get(20)?),
                invitations: json_list(r.get(21)?),
                request_body: r.get(22)?,
            })
        })?;
        if !following {
            rows.reverse();
        }
        Ok(rows)
    }

    fn log_cuts(&self, before: Option<OffsetDateTime>, keep: u64) -> Result<Vec<LogCut>> {
        let mut cuts = Vec::new();
        if let Some(before) = before {
            // Time order is sequence order: everything below the first
            // record at or after `before` is older.
            let first = self.log_seq_since(before)?;
            if first > 0 {
                cuts.push(LogCut {
                    scope: LogScope::All,
                    upto_seq: first - 1,
                });
            }
        }
        // Each tenant's newest `keep` records stay: the cut is the record
        // after them, found on the (tenant_n, seq) index; it walks at most
        // `keep` entries of that tenant, never the table.
        let keep = keep.min(i64::MAX as u64) as i64;
        let tenants: Vec<i64> = self.all("SELECT n FROM log.log_tenants", [], |r| r.get(0))?;
        for n in tenants {
            let seq: Option<i64> = self.one(
                "SELECT seq FROM log.provisioning_log WHERE tenant_n = ?1 ORDER BY seq DESC LIMIT 1 OFFSET ?2",
                params![n, keep],
                |r| r.get(0),
            )?;
            if let Some(upto_seq) = seq {
                cuts.push(LogCut {
                    scope: LogScope::Tenant(n),
                    upto_seq,
                });
            }
        }
        let seq: Option<i64> = self.one(
            "SELECT seq FROM log.provisioning_log WHERE tenant_n IS NULL ORDER BY seq DESC LIMIT 1 OFFSET ?1",
            [keep],
            |r| r.get(0),
        )?;
        if let Some(upto_seq) = seq {
            cuts.push(LogCut {
                scope: LogScope::NoTenant,
                upto_seq,
            });
        }
        Ok(cuts)
    }

    fn prune_log_cut(&self, cut: &LogCut, limit: u64) -> Result<u64> {
        let limit = limit.min(i64::MAX as u64) as i64;
        // The subquery walks the index from the oldest record of the cut;
        // the DELETE then finds each row by its key.
        let n = match cut.scope {
            LogScope::All => self.exec(
                "DELETE FROM log.provisioning_log WHERE seq IN (SELECT seq FROM log.provisioning_log WHERE seq <= ?1 ORDER BY seq LIMIT ?2)",
                params![cut.upto_seq, limit],
            )?,
            LogScope::NoTenant => self.exec(
                "DELETE FROM log.provisioning_log WHERE seq IN (SELECT seq FROM log.provisioning_log WHERE tenant_n IS NULL AND seq <= ?1 ORDER BY seq LIMIT ?2)",
                params![cut.upto_seq, limit],
            )?,
            LogScope::Tenant(t) => self.exec(
                "DELETE FROM log.provisioning_log WHERE seq IN (SELECT seq FROM log.provisioning_log WHERE tenant_n = ?1 AND seq <= ?2 ORDER BY seq LIMIT ?3)",
                params![t, cut.upto_seq, limit],
            )?,
        };
        Ok(n as u64)
    }

    fn forget_log_tenant(&self, tenant_id: &str) -> Result<()> {
        // A write first: it takes the log's write lock before anything is
        // read (see `log_tenant`).
        self.exec(
            "INSERT OR IGNORE INTO log.log_forgotten (n) SELECT n FROM log.log_tenants WHERE tenant_id = ?1",
            [tenant_id],
        )?;
        self.exec(
            "DELETE FROM log.log_tenants WHERE tenant_id = ?1",
            [tenant_id],
        )?;
        self.exec(
            "DELETE FROM log.log_counters WHERE tenant_id = ?1",
            [tenant_id],
        )?;
        Ok(())
    }

    fn forget_departed_log_tenants(&self) -> Result<u64> {
        let n = self.exec(
            "INSERT OR IGNORE INTO log.log_forgotten (n) SELECT n FROM log.log_tenants WHERE tenant_id NOT IN (SELECT id FROM main.tenants)",
            [],
        )?;
        self.exec(
            "DELETE FROM log.log_tenants WHERE tenant_id NOT IN (SELECT id FROM main.tenants)",
            [],
        )?;
        self.exec(
            "DELETE FROM log.log_counters WHERE tenant_id <> '' AND tenant_id NOT IN (SELECT id FROM main.tenants)",
            [],
        )?;
        Ok(n as u64)
    }

    fn purge_forgotten_log(&self, limit: u64) -> Result<u64> {
        // A write first, for the lock (see `log_tenant`).
        self.exec("DELETE FROM log.log_forgotten WHERE n IS NULL", [])?;
        let limit = limit.min(i64::MAX as u64) as i64;
        // At most `limit` keys per call too: a log flooded with invented
        // tenant ids by an older version may have many.
        let forgotten: Vec<i64> = self.all(
            "SELECT n FROM log.log_forgotten ORDER BY n LIMIT ?1",
            [limit],
            |r| r.get(0),
        )?;
        let mut work: i64 = 0;
        for n in forgotten {
            let left = limit - work;
            if left <= 0 {
                break;
            }
            let gone = self.exec(
                "DELETE FROM log.provisioning_log WHERE seq IN (SELECT seq FROM log.provisioning_log WHERE tenant_n = ?1 ORDER BY seq LIMIT ?2)",
                params![n, left],
            )? as i64;
            work += gone;
            if gone < left {
                self.exec("DELETE FROM log.log_forgotten WHERE n = ?1", [n])?;
                work += 1;
            }
        }
        Ok(work as u64)
    }

    fn prune_log_tenants(&self) -> Result<u64> {
        // One probe of the (tenant_n, seq) index per tenant key.
        let n = self.exec(
            "DELETE FROM log.log_tenants WHERE NOT EXISTS (SELECT 1 FROM log.provisioning_log p WHERE p.tenant_n = log_tenants.n)",
            [],
        )?;
        Ok(n as u64)
    }

    fn add_log_counters(&self, tenant_id: Option<&str>, add: &LogCounters) -> Result<()> {
        let clamp = |n: u64| n.min(i64::MAX as u64) as i64;
        // The newer time wins; a delta's times are never older than the
        // stored ones, but a clock step back must not erase them.
        self.exec(
            "INSERT INTO log.log_counters (tenant_id, dropped, dropped_last_at, unknown_tenant, unknown_tenant_last_at) VALUES (?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT (tenant_id) DO UPDATE SET \
                dropped = dropped + excluded.dropped, \
                dropped_last_at = max(coalesce(dropped_last_at, excluded.dropped_last_at), coalesce(excluded.dropped_last_at, dropped_last_at)), \
                unknown_tenant = unknown_tenant + excluded.unknown_tenant, \
                unknown_tenant_last_at = max(coalesce(unknown_tenant_last_at, excluded.unknown_tenant_last_at), coalesce(excluded.unknown_tenant_last_at, unknown_tenant_last_at))",
            params![
                tenant_id.unwrap_or(""),
                clamp(add.dropped),
                add.dropped_last_at.map(ms),
                clamp(add.unknown_tenant),
                add.unknown_tenant_last_at.map(ms)
            ],
        )?;
        Ok(())
    }

    fn log_counters(&self, tenant_id: Option<&str>) -> Result<LogCounters> {
        let c = self.one(
            "SELECT dropped, dropped_last_at, unknown_tenant, unknown_tenant_last_at FROM log.log_counters WHERE tenant_id = ?1",
            [tenant_id.unwrap_or("")],
            |r| {
                Ok(LogCounters {
                    dropped: r.get::<_, i64>(0)?.max(0) as u64,
                    dropped_last_at: opt_at(r.get(1)?)?,
                    unknown_tenant: r.get::<_, i64>(2)?.max(0) as u64,
                    unknown_tenant_last_at: opt_at(r.get(3)?)?,
                })
            },
        )?;
        Ok(c.unwrap_or_default())
    }

    fn log_stats(&self, tenant_id: &str, since: OffsetDateTime) -> Result<Vec<LogStat>> {
        let from = self.log_seq_since(since)?;
        let rows: Vec<(i64, i64, Option<String>, bool, i64)> = self.all(
            &format!(
                "SELECT (at / 3600000) * 3600000 AS h, status, reason, coalesce(token_note LIKE '{}%', 0) AS stale, COUNT(*) \
                 FROM log.provisioning_log WHERE tenant_n = {TENANT_N} ?1) AND seq >= ?2 AND at >= ?3 \
                 GROUP BY h, status, reason, stale ORDER BY h",
                crate::engine::auth::NOTE_PREVIOUS_TOKEN
            ),
            params![tenant_id, from, ms(since)],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?;
        rows.into_iter()
            .map(|(h, status, reason, stale_token, n)| {
                Ok(LogStat {
                    hour: at(h).map_err(sql)?,
                    status: u16::try_from(status).unwrap_or(0),
                    reason,
                    stale_token,
                    count: n as u64,
                })
            })
            .collect()
    }
}

/// The columns `insert_logs` writes, in order.
pub(super) const LOG_COLUMNS: &str = "request_id, request_key, at, tenant_n, method, path, query, status, scim_type, reason, detail, user_id, user_email, user_email_lower, user_key, group_id, token_fingerprint, token_note, client_addr, user_agent, latency_us, ignored_attributes, transfers, invitations, request_body";

pub(super) const LOG_COLUMN_COUNT: usize = 25;

/// Records per INSERT statement. One statement keeps its cursors open
/// across its rows, so an index insert at the end of the previous one
/// (the sequence- and time-ordered keys) skips the seek from the root, and
/// the statement's setup and teardown are shared.
pub(super) const LOG_ROWS: usize = 32;

/// The INSERT of `rows` log records (a power of two up to LOG_ROWS),
/// built once: formatting 800 placeholders per batch showed in profiles.
///
/// OR FAIL: a statement that writes several rows and may stop half-way
/// with ABORT (a NOT NULL column's default) needs a statement journal, so
/// that SQLite can take back the rows it already wrote. In WAL mode that
/// journal holds every page the statement changes, a random leaf of the
/// per-user index per record: past 120 KiB (`SQLITE_STMTJRNL_SPILL`,
/// `.cargo/config.toml`) it went to a temporary file, two `pwrite`s per
/// page, a quarter of the log writer's time under load. FAIL keeps what an
/// error stopped half-way; nothing of it lasts, because an error fails the
/// whole batch, whose transaction `SqliteStore::run` rolls back.
pub(super) fn log_insert(rows: usize) -> &'static str {
    static SQL: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let all = SQL.get_or_init(|| {
        (0..=LOG_ROWS.trailing_zeros())
            .map(|p| {
                let rows = 1usize << p;
                let mut sql =
                    format!("INSERT OR FAIL INTO log.provisioning_log ({LOG_COLUMNS}) VALUES ");
                for r in 0..rows {
                    sql.push_str(if r == 0 { "(" } else { ", (" });
                    for c in 0..LOG_COLUMN_COUNT {
                        if c > 0 {
                            sql.push_str(", ");
                        }
                        sql.push_str(&format!("?{}", r * LOG_COLUMN_COUNT + c + 1));
                    }
                    sql.push(')');
                }
                sql
            })
            .collect()
    });
    &all[rows.trailing_zeros() as usize]
}

/// FNV-1a, 64 bits: the log's integer index keys. Stored in the log, so
/// it must never change. (A few hundred instructions where SHA-256 costs
/// thousands; a collision only costs reading a row that the full-text
/// comparison then drops.)
pub(super) fn fnv1a(bytes: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h as i64
}

/// The per-user index key of a lower-cased email.
pub(super) fn user_key(email_lower: &str) -> i64 {
    fnv1a(email_lower.as_bytes())
}

/// The request-id index key: the id's first 64 bits (`r-` + 12 hex digits
/// of milliseconds + 8 random, see `new_request_id`), time-ordered so that
/// inserts land at the index's end; any other text is hashed.
pub(super) fn request_key(id: &str) -> i64 {
    let hex = |b: u8| match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    };
    if let Some(digits) = id.strip_prefix("r-").map(str::as_bytes)
        && digits.len() == 20
        && digits[16..].iter().all(|&b| hex(b).is_some())
    {
        let mut v: u64 = 0;
        for &b in &digits[..16] {
            match hex(b) {
                Some(d) => v = v << 4 | u64::from(d),
                None => return fnv1a(id.as_bytes()),
            }
        }
        return v as i64;
    }
    fnv1a(id.as_bytes())
}

/// An email lower-cased, borrowed when it already is (the common case).
pub(super) fn lowered(email: &str) -> std::borrow::Cow<'_, str> {
    if email
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        std::borrow::Cow::Borrowed(email)
    } else {
        std::borrow::Cow::Owned(email.to_lowercase())
    }
}

/// The tenant clause of a log read: tenants are numbered in `log_tenants`.
pub(super) const TENANT_N: &str = "(SELECT n FROM log.log_tenants WHERE tenant_id =";

impl SqliteTx<'_> {
    /// The number of a tenant in the log, assigned on its first record.
    /// The INSERT comes first: it takes the log's write lock before the
    /// transaction reads the log (a read first could see a snapshot that
    /// another process's append makes stale, failing the batch).
    pub(super) fn log_tenant(&self, tenant_id: &str) -> Result<i64> {
        self.exec(
            "INSERT OR IGNORE INTO log.log_tenants (tenant_id) VALUES (?1)",
            [tenant_id],
        )?;
        let n: Option<i64> = self.one(
            "SELECT n FROM log.log_tenants WHERE tenant_id = ?1",
            [tenant_id],
            |r| r.get(0),
        )?;
        n.ok_or_else(|| sql(rusqlite::Error::QueryReturnedNoRows))
    }

    /// The first log sequence number at or after `since`. Time order is
    /// sequence order and `at` has no index (see log_0001.sql), so a binary
    /// search over the primary key finds it in a few dozen lookups.
    pub(super) fn log_seq_since(&self, since: OffsetDateTime) -> Result<i64> {
        let t = ms(since);
        let bounds: Option<(Option<i64>, Option<i64>)> = self.one(
            "SELECT min(seq), max(seq) FROM log.provisioning_log",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let Some((Some(mut lo), Some(mut hi))) = bounds else {
            return Ok(0);
        };
        hi += 1;
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let row: Option<(i64, i64)> = self.one(
                "SELECT seq, at FROM log.provisioning_log WHERE seq >= ?1 ORDER BY seq LIMIT 1",
                [mid],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            match row {
                Some((seq, at)) if at < t => lo = seq + 1,
                _ => hi = mid,
            }
        }
        Ok(lo)
    }
}

impl SqliteTx<'_> {
    /// Inserts the records (their tenants' log numbers in `numbers`) and
    /// sets their sequence numbers; the last one, if any.
    fn insert_log_rows(
        &self,
        rs: &mut [LogRecord],
        numbers: &[Option<i64>],
    ) -> Result<Option<i64>> {
        let mut last_seq = None;
        // Statements of LOG_ROWS records while there are that many, then
        // of halving sizes (13 records: 8 + 4 + 1). Each is looked up in the
        // statement cache once per batch (hashing the long SQL text showed
        // in profiles). Only the values present are bound, after clearing
        // the last ones: most are usually NULL.
        let list =
            |v: &Vec<String>| (!v.is_empty()).then(|| serde_json::to_string(v).unwrap_or_default());
        let (mut rest, mut rest_n) = (rs, numbers);
        let mut rows = LOG_ROWS;
        while !rest.is_empty() {
            while rows > rest.len() {
                rows /= 2;
            }
            let take = if rows == LOG_ROWS {
                rest.len() / rows * rows
            } else {
                rows
            };
            let (chunk, tail) = std::mem::take(&mut rest).split_at_mut(take);
            let (ns, tail_n) = rest_n.split_at(take);
            (rest, rest_n) = (tail, tail_n);
            let mut st = self.tx.prepare_cached(log_insert(rows)).map_err(sql)?;
            for (group, ns) in chunk.chunks_mut(rows).zip(ns.chunks(rows)) {
                st.clear_bindings();
                for (j, (r, &tenant_n)) in group.iter().zip(ns).enumerate() {
                    let at = j * LOG_COLUMN_COUNT;
                    macro_rules! bind {
                        ($i:expr, $v:expr) => {
                            st.raw_bind_parameter(at + $i, $v).map_err(sql)?
                        };
                    }
                    macro_rules! some {
                        ($i:expr, $v:expr) => {
                            if let Some(v) = $v {
                                bind!($i, v);
                            }
                        };
                    }
                    let lower = r.user_email.as_deref().map(lowered);
                    bind!(1, &r.request_id);
                    bind!(2, request_key(&r.request_id));
                    bind!(3, ms(r.at));
                    some!(4, tenant_n);
                    bind!(5, &r.method);
                    bind!(6, &r.path);
                    some!(7, &r.query);
                    bind!(8, r.status);
                    some!(9, &r.scim_type);
                    some!(10, &r.reason);
                    some!(11, &r.detail);
                    some!(12, &r.user_id);
                    some!(13, &r.user_email);
                    if let (Some(email), Some(lower)) = (&r.user_email, &lower) {
                        if lower != email {
                            bind!(14, lower.as_ref());
                        }
                        bind!(15, user_key(lower));
                    }
                    some!(16, &r.group_id);
                    some!(17, &r.token_fingerprint);
                    some!(18, &r.token_note);
                    some!(19, &r.client_addr);
                    some!(20, &r.user_agent);
                    bind!(21, r.latency_us as i64);
                    some!(22, list(&r.ignored_attributes));
                    some!(23, list(&r.transfers));
                    some!(24, list(&r.invitations));
                    some!(25, &r.request_body);
                }
                st.raw_execute().map_err(sql)?;
                // The log's write lock is held and the rowids are not
                // AUTOINCREMENT: one statement's rows are numbered
                // consecutively, the last one last.
                let last = self.tx.last_insert_rowid();
                let n = group.len() as i64;
                for (j, r) in group.iter_mut().enumerate() {
                    r.seq = last - n + 1 + j as i64;
                }
                last_seq = Some(last);
            }
        }
        Ok(last_seq)
    }
}
