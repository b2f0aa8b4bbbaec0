//! [`LogTx`](crate::engine::store::LogTx) on PostgreSQL.
//!
//! Every write of the log first takes the log's lock (see the module doc
//! of `postgres`): the log's writers run one at a time, as on SQLite, so
//! sequence numbers are handed out in commit order and retention, forgetting
//! and tenant numbering never race an append.

use super::*;

impl LogTx for PgTx<'_> {
    fn insert_logs(&self, rs: &mut [LogRecord]) -> Result<()> {
        if rs.is_empty() {
            return Ok(());
        }
        self.lock_log()?;
        // The tenants' numbers, looked up once per batch.
        let mut tenants: Vec<(String, i64)> = Vec::new();
        let mut tenant_n = Vec::with_capacity(rs.len());
        for r in rs.iter() {
            let n = match r.tenant_id.as_deref() {
                None => None,
                Some(t) => Some(match tenants.iter().find(|(id, _)| id == t) {
                    Some(&(_, n)) => n,
                    None => {
                        let n = self.log_tenant(t)?;
                        tenants.push((t.to_owned(), n));
                        n
                    }
                }),
            };
            tenant_n.push(n);
        }
        // The batch's sequence numbers, taken in order, then the whole
        // batch in one statement (one array per column).
        let mut seqs: Vec<i64> = self.all(
            "SELECT nextval(pg_get_serial_sequence('provisioning_log', 'seq')) FROM generate_series(1, $1::bigint)",
            &[&(rs.len() as i64)],
            |r| col(r, 0),
        )?;
        seqs.sort_unstable();
        let list = |v: &Vec<String>| -> Option<String> {
            (!v.is_empty()).then(|| serde_json::to_string(v).unwrap_or_default())
        };
        let text = |f: fn(&LogRecord) -> Option<&String>| -> Vec<Option<String>> {
            rs.iter().map(|r| f(r).cloned()).collect()
        };
        let request_id: Vec<&str> = rs.iter().map(|r| r.request_id.as_str()).collect();
        let at: Vec<OffsetDateTime> = rs.iter().map(|r| ms(r.at)).collect();
        let method: Vec<&str> = rs.iter().map(|r| r.method.as_str()).collect();
        let path: Vec<&str> = rs.iter().map(|r| r.path.as_str()).collect();
        let status: Vec<i32> = rs.iter().map(|r| i32::from(r.status)).collect();
        let lower: Vec<Option<String>> = rs
            .iter()
            .map(|r| r.user_email.as_deref().map(str::to_lowercase))
            .collect();
        let latency: Vec<i64> = rs.iter().map(|r| clamp(r.latency_us)).collect();
        let ignored: Vec<Option<String>> = rs.iter().map(|r| list(&r.ignored_attributes)).collect();
        let transfers: Vec<Option<String>> = rs.iter().map(|r| list(&r.transfers)).collect();
        let invitations: Vec<Option<String>> = rs.iter().map(|r| list(&r.invitations)).collect();
        self.exec(
            concat!(
                "INSERT INTO provisioning_log (seq, request_id, at, tenant_n, method, path, query, status, scim_type, reason, detail, user_id, user_email, user_email_lower, group_id, token_fingerprint, token_note, client_addr, user_agent, latency_us, ignored_attributes, transfers, invitations, request_body) ",
                "SELECT * FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::integer[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::bigint[], $21::text[], $22::text[], $23::text[], $24::text[])"
            ),
            &[
                &seqs,
                &request_id,
                &at,
                &tenant_n,
                &method,
                &path,
                &text(|r| r.query.as_ref()),
                &status,
                &text(|r| r.scim_type.as_ref()),
                &text(|r| r.reason.as_ref()),
                &text(|r| r.detail.as_ref()),
                &text(|r| r.user_id.as_ref()),
                &text(|r| r.user_email.as_ref()),
                &lower,
                &text(|r| r.group_id.as_ref()),
                &text(|r| r.token_fingerprint.as_ref()),
                &text(|r| r.token_note.as_ref()),
                &text(|r| r.client_addr.as_ref()),
                &text(|r| r.user_agent.as_ref()),
                &latency,
                &ignored,
                &transfers,
                &invitations,
                &text(|r| r.request_body.as_ref()),
            ],
        )?;
        for (r, seq) in rs.iter_mut().zip(seqs) {
            r.seq = seq;
        }
        Ok(())
    }

    fn log_records(&self, q: &LogQuery) -> Result<Vec<LogRecord>> {
        let mut sql = String::from(
            "SELECT p.seq, p.request_id, p.at, t.tenant_id, p.method, p.path, p.query, p.status, p.scim_type, p.reason, p.detail, p.user_id, p.user_email, p.group_id, p.token_fingerprint, p.token_note, p.client_addr, p.user_agent, p.latency_us, p.ignored_attributes, p.transfers, p.invitations, p.request_body \
             FROM provisioning_log p LEFT JOIN log_tenants t ON t.n = p.tenant_n \
             WHERE (p.tenant_n IS NULL OR t.n IS NOT NULL)",
        );
        // (The records of a deleted tenant, forgotten but not yet purged,
        // belong to no tenant key: not shown as records of no tenant.)
        let mut args: Vec<Box<dyn ToSql + Sync>> = Vec::new();
        let mut arg = |sql: &mut String, clause: &str, v: Box<dyn ToSql + Sync>| {
            args.push(v);
            sql.push_str(&format!(" AND {clause} ${}", args.len()));
        };
        if let Some(t) = &q.tenant_id {
            arg(
                &mut sql,
                &format!("p.tenant_n = {TENANT_N}"),
                Box::new(t.clone()),
            );
            sql.push(')');
        }
        if q.errors_only {
            sql.push_str(" AND p.status >= 400");
        }
        if let Some(e) = &q.user_email {
            arg(&mut sql, "p.user_email_lower =", Box::new(e.to_lowercase()));
        }
        if let Some(r) = &q.request_id {
            arg(&mut sql, "p.request_id =", Box::new(r.clone()));
        }
        if let Some(since) = q.since {
            arg(&mut sql, "p.at >=", Box::new(ms(since)));
        }
        let following = q.after_seq.is_some();
        if let Some(after) = q.after_seq {
            arg(&mut sql, "p.seq >", Box::new(after));
        }
        let limit = if q.limit == 0 {
            i64::MAX
        } else {
            i64::from(q.limit)
        };
        args.push(Box::new(limit));
        sql.push_str(&format!(
            " ORDER BY p.seq {} LIMIT ${}",
            if following { "ASC" } else { "DESC" },
            args.len()
        ));
        let json_list = |v: Option<String>| -> Vec<String> {
            v.and_then(|s| serde_json::from_str(&s).ok())
                .unwrap_or_default()
        };
        let params: Vec<&(dyn ToSql + Sync)> = args.iter().map(|a| a.as_ref()).collect();
        let mut rows = self.all(&sql, &params, |r| {
            Ok(LogRecord {
                seq: col(r, 0)?,
                request_id: col(r, 1)?,
                at: col(r, 2)?,
                tenant_id: col(r, 3)?,
                method: col(r, 4)?,
                path: col(r, 5)?,
                query: col(r, 6)?,
                status: u16::try_from(col::<i32>(r, 7)?).unwrap_or(0),
                scim_type: col(r, 8)?,
                reason: col(r, 9)?,
                detail: col(r, 10)?,
                user_id: col(r, 11)?,
                user_email: col(r, 12)?,
                group_id: col(r, 13)?,
                token_fingerprint: col(r, 14)?,
                token_note: col(r, 15)?,
                client_addr: col(r, 16)?,
                user_agent: col(r, 17)?,
                latency_us: col::<i64>(r, 18)?.max(0) as u64,
                ignored_attributes: json_list(col(r, 19)?),
                transfers: json_list(col(r, 20)?),
                invitations: json_list(col(r, 21)?),
                request_body: col(r, 22)?,
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
        // after them, found on the (tenant_n, seq) index.
        let keep = clamp(keep);
        let tenants: Vec<i64> =
            self.all("SELECT n FROM log_tenants ORDER BY n", &[], |r| col(r, 0))?;
        for n in tenants {
            let seq: Option<i64> = self.one(
                "SELECT seq FROM provisioning_log WHERE tenant_n = $1 ORDER BY seq DESC LIMIT 1 OFFSET $2",
                &[&n, &keep],
                |r| col(r, 0),
            )?;
            if let Some(upto_seq) = seq {
                cuts.push(LogCut {
                    scope: LogScope::Tenant(n),
                    upto_seq,
                });
            }
        }
        let seq: Option<i64> = self.one(
            "SELECT seq FROM provisioning_log WHERE tenant_n IS NULL ORDER BY seq DESC LIMIT 1 OFFSET $1",
            &[&keep],
            |r| col(r, 0),
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
        self.lock_log()?;
        let limit = clamp(limit);
        let n = match cut.scope {
            LogScope::All => self.exec(
                "DELETE FROM provisioning_log WHERE seq IN (SELECT seq FROM provisioning_log WHERE seq <= $1 ORDER BY seq LIMIT $2)",
                &[&cut.upto_seq, &limit],
            )?,
            LogScope::NoTenant => self.exec(
                "DELETE FROM provisioning_log WHERE seq IN (SELECT seq FROM provisioning_log WHERE tenant_n IS NULL AND seq <= $1 ORDER BY seq LIMIT $2)",
                &[&cut.upto_seq, &limit],
            )?,
            LogScope::Tenant(t) => self.exec(
                "DELETE FROM provisioning_log WHERE seq IN (SELECT seq FROM provisioning_log WHERE tenant_n = $1 AND seq <= $2 ORDER BY seq LIMIT $3)",
                &[&t, &cut.upto_seq, &limit],
            )?,
        };
        Ok(n)
    }

    fn forget_log_tenant(&self, tenant_id: &str) -> Result<()> {
        self.lock_log()?;
        self.exec(
            "INSERT INTO log_forgotten (n) SELECT n FROM log_tenants WHERE tenant_id = $1 ON CONFLICT DO NOTHING",
            &[&tenant_id],
        )?;
        self.exec(
            "DELETE FROM log_tenants WHERE tenant_id = $1",
            &[&tenant_id],
        )?;
        self.exec(
            "DELETE FROM log_counters WHERE tenant_id = $1",
            &[&tenant_id],
        )?;
        Ok(())
    }

    fn forget_departed_log_tenants(&self) -> Result<u64> {
        self.lock_log()?;
        // One statement, so one snapshot of `tenants` for all three parts
        // (under READ COMMITTED, three statements could each see another:
        // a tenant deleted in between would lose its key unforgotten).
        let n: Option<i64> = self.one(
            "WITH gone AS (SELECT n FROM log_tenants WHERE tenant_id NOT IN (SELECT id FROM tenants)), \
             forgotten AS (INSERT INTO log_forgotten (n) SELECT n FROM gone ON CONFLICT DO NOTHING RETURNING n), \
             keys AS (DELETE FROM log_tenants WHERE n IN (SELECT n FROM gone)), \
             counters AS (DELETE FROM log_counters WHERE tenant_id <> '' AND tenant_id NOT IN (SELECT id FROM tenants)) \
             SELECT count(*) FROM forgotten",
            &[],
            |r| col(r, 0),
        )?;
        Ok(n.unwrap_or(0) as u64)
    }

    fn purge_forgotten_log(&self, limit: u64) -> Result<u64> {
        self.lock_log()?;
        let limit = clamp(limit);
        // At most `limit` keys per call too.
        let forgotten: Vec<i64> = self.all(
            "SELECT n FROM log_forgotten ORDER BY n LIMIT $1",
            &[&limit],
            |r| col(r, 0),
        )?;
        let mut work: i64 = 0;
        for n in forgotten {
            let left = limit - work;
            if left <= 0 {
                break;
            }
            let gone = self.exec(
                "DELETE FROM provisioning_log WHERE seq IN (SELECT seq FROM provisioning_log WHERE tenant_n = $1 ORDER BY seq LIMIT $2)",
                &[&n, &left],
            )? as i64;
            work += gone;
            if gone < left {
                self.exec("DELETE FROM log_forgotten WHERE n = $1", &[&n])?;
                work += 1;
            }
        }
        Ok(work.max(0) as u64)
    }

    fn prune_log_tenants(&self) -> Result<u64> {
        self.lock_log()?;
        self.exec(
            "DELETE FROM log_tenants t WHERE NOT EXISTS (SELECT 1 FROM provisioning_log p WHERE p.tenant_n = t.n)",
            &[],
        )
    }

    fn add_log_counters(&self, tenant_id: Option<&str>, add: &LogCounters) -> Result<()> {
        // The newer time wins (greatest ignores a NULL); a clock step back
        // must not erase a stored time.
        self.exec(
            "INSERT INTO log_counters (tenant_id, dropped, dropped_last_at, unknown_tenant, unknown_tenant_last_at) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (tenant_id) DO UPDATE SET \
                dropped = log_counters.dropped + excluded.dropped, \
                dropped_last_at = greatest(log_counters.dropped_last_at, excluded.dropped_last_at), \
                unknown_tenant = log_counters.unknown_tenant + excluded.unknown_tenant, \
                unknown_tenant_last_at = greatest(log_counters.unknown_tenant_last_at, excluded.unknown_tenant_last_at)",
            &[
                &tenant_id.unwrap_or(""),
                &clamp(add.dropped),
                &add.dropped_last_at.map(ms),
                &clamp(add.unknown_tenant),
                &add.unknown_tenant_last_at.map(ms),
            ],
        )?;
        Ok(())
    }

    fn log_counters(&self, tenant_id: Option<&str>) -> Result<LogCounters> {
        let c = self.one(
            "SELECT dropped, dropped_last_at, unknown_tenant, unknown_tenant_last_at FROM log_counters WHERE tenant_id = $1",
            &[&tenant_id.unwrap_or("")],
            |r| {
                Ok(LogCounters {
                    dropped: col::<i64>(r, 0)?.max(0) as u64,
                    dropped_last_at: col(r, 1)?,
                    unknown_tenant: col::<i64>(r, 2)?.max(0) as u64,
                    unknown_tenant_last_at: col(r, 3)?,
                })
            },
        )?;
        Ok(c.unwrap_or_default())
    }

    fn log_stats(&self, tenant_id: &str, since: OffsetDateTime) -> Result<Vec<LogStat>> {
        let from = self.log_seq_since(since)?;
        // Hours in UTC, whatever the session's time zone.
        self.all(
            concat!(
                "SELECT date_trunc('hour', at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS h, status, reason, coalesce(starts_with(token_note, $4), false) AS stale, count(*) ",
                "FROM provisioning_log WHERE tenant_n = (SELECT n FROM log_tenants WHERE tenant_id = $1) AND seq >= $2 AND at >= $3 ",
                "GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3 NULLS FIRST, 4"
            ),
            &[
                &tenant_id,
                &from,
                &ms(since),
                &crate::engine::auth::NOTE_PREVIOUS_TOKEN,
            ],
            |r| {
                Ok(LogStat {
                    hour: col(r, 0)?,
                    status: u16::try_from(col::<i32>(r, 1)?).unwrap_or(0),
                    reason: col(r, 2)?,
                    stale_token: col(r, 3)?,
                    count: col::<i64>(r, 4)?.max(0) as u64,
                })
            },
        )
    }
}

/// The tenant clause of a log read: tenants are numbered in `log_tenants`.
const TENANT_N: &str = "(SELECT n FROM log_tenants WHERE tenant_id =";

impl PgTx<'_> {
    /// The number of a tenant in the log, given on its first record (under
    /// the log's lock, so that no number is taken for nothing).
    fn log_tenant(&self, tenant_id: &str) -> Result<i64> {
        let found: Option<i64> = self.one(
            "SELECT n FROM log_tenants WHERE tenant_id = $1",
            &[&tenant_id],
            |r| col(r, 0),
        )?;
        if let Some(n) = found {
            return Ok(n);
        }
        let n: Option<i64> = self.one(
            "INSERT INTO log_tenants (tenant_id) VALUES ($1) RETURNING n",
            &[&tenant_id],
            |r| col(r, 0),
        )?;
        n.ok_or_else(|| StoreError::Backend("a new log tenant got no number".into()).into())
    }

    /// The first log sequence number at or after `since`. Time order is
    /// sequence order and `at` has no index, so a binary search over the
    /// primary key finds it in a few dozen lookups.
    fn log_seq_since(&self, since: OffsetDateTime) -> Result<i64> {
        let t = ms(since);
        let bounds: Option<(Option<i64>, Option<i64>)> = self.one(
            "SELECT min(seq), max(seq) FROM provisioning_log",
            &[],
            |r| Ok((col(r, 0)?, col(r, 1)?)),
        )?;
        let Some((Some(mut lo), Some(mut hi))) = bounds else {
            return Ok(0);
        };
        hi += 1;
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let row: Option<(i64, OffsetDateTime)> = self.one(
                "SELECT seq, at FROM provisioning_log WHERE seq >= $1 ORDER BY seq LIMIT 1",
                &[&mid],
                |r| Ok((col(r, 0)?, col(r, 1)?)),
            )?;
            match row {
                Some((seq, at)) if at < t => lo = seq + 1,
                _ => hi = mid,
            }
        }
        Ok(lo)
    }
}
