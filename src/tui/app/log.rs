//! The Log tab's state and handling: the tenant's provisioning log read
//! once and then tailed every tick, bounded in memory, narrowed by the
//! errors-only and user filters (asked of the store) and the status filter
//! (applied here, over what was read), and a request's detail window
//! (`diagnose request`).

use crate::engine::diagnose::RequestDiagnosis;
use crate::engine::log::{LogQuery, LogRecord};

use super::input::{Input, InputTarget};
use super::list::ListPos;
use super::modals::Modal;
use super::{App, Effect, Failure, Tab};

/// Records kept in memory for the Log tab (the store keeps the rest).
pub const LOG_KEEP: usize = 100_000;
/// Records read when the Log tab (re)starts.
pub const LOG_INITIAL: u32 = 1_000;

#[derive(Debug, Default)]
pub struct LogState {
    /// Oldest first, at most `LOG_KEEP` (plus what one tail brings).
    pub records: Vec<LogRecord>,
    /// Indices into `records` that pass the status filter; `None` = all.
    pub view: Option<Vec<usize>>,
    pub pos: ListPos,
    /// Keep the newest record selected as records arrive.
    pub follow: bool,
    pub errors_only: bool,
    pub user: Option<String>,
    pub status: Option<String>,
    pub generation: u64,
    pub loading: bool,
    /// The initial read for the current filters has come back.
    pub loaded: bool,
}

impl LogState {
    pub fn len(&self) -> usize {
        self.view.as_ref().map_or(self.records.len(), Vec::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `i`th record of the filtered view.
    pub fn get(&self, i: usize) -> Option<&LogRecord> {
        match &self.view {
            Some(v) => v.get(i).and_then(|&j| self.records.get(j)),
            None => self.records.get(i),
        }
    }

    pub fn selected(&self) -> Option<&LogRecord> {
        self.get(self.pos.selected)
    }

    fn passes(&self, r: &LogRecord) -> bool {
        self.status
            .as_deref()
            .is_none_or(|s| r.status.to_string().starts_with(s))
    }

    fn rebuild_view(&mut self) {
        self.view = self.status.as_ref().map(|_| {
            (0..self.records.len())
                .filter(|&i| self.passes(&self.records[i]))
                .collect()
        });
    }

    fn last_seq(&self) -> Option<i64> {
        self.records.last().map(|r| r.seq)
    }

    pub fn query(&self, tenant_id: &str) -> LogQuery {
        LogQuery {
            tenant_id: Some(tenant_id.to_owned()),
            errors_only: self.errors_only,
            user_email: self.user.clone(),
            request_id: None,
            since: None,
            after_seq: self.loaded.then(|| self.last_seq().unwrap_or(0)),
            limit: if self.loaded { 0 } else { LOG_INITIAL },
        }
    }

    /// Adds records (oldest first) and drops the oldest beyond `LOG_KEEP`.
    fn append(&mut self, new: Vec<LogRecord>) {
        if new.is_empty() {
            return;
        }
        let start = self.records.len();
        self.records.extend(new);
        if self.records.len() > LOG_KEEP + LOG_KEEP / 4 {
            let drop = self.records.len() - LOG_KEEP;
            self.records.drain(..drop);
            self.pos.selected = self.pos.selected.saturating_sub(drop);
            self.pos.offset = self.pos.offset.saturating_sub(drop);
            self.rebuild_view();
        } else if self.status.is_some() {
            let add: Vec<usize> = (start..self.records.len())
                .filter(|&i| self.passes(&self.records[i]))
                .collect();
            if let Some(v) = &mut self.view {
                v.extend(add);
            }
        }
    }

    /// Forgets the records and reads the newest for the current filters.
    pub(super) fn reload(&mut self, tenant_id: &str) -> Vec<Effect> {
        self.generation += 1;
        self.records.clear();
        self.view = None;
        self.rebuild_view();
        self.pos = ListPos::default();
        self.loaded = false;
        self.loading = true;
        self.follow = true;
        vec![Effect::LoadLog {
            query: self.query(tenant_id),
            generation: self.generation,
        }]
    }

    /// The tail read of a tick, unless a read is under way.
    pub(super) fn tail(&mut self, tenant_id: &str) -> Option<Effect> {
        if self.loading {
            return None;
        }
        self.loading = true;
        Some(Effect::LoadLog {
            query: self.query(tenant_id),
            generation: self.generation,
        })
    }

    /// Moving to the last row follows the tail; moving off it stops.
    pub(super) fn step(&mut self, by: isize, rows: usize) {
        let len = self.len();
        self.pos.step(by, len, rows);
        self.follow = self.pos.selected + 1 >= len;
    }

    /// Keeps the selection on screen after a resize.
    pub(super) fn fit(&mut self, rows: usize) {
        let (sel, len) = (self.pos.selected, self.len());
        self.pos.select(sel, len, rows);
    }

    fn select_last(&mut self, rows: usize) {
        let len = self.len();
        self.pos.select(len.saturating_sub(1), len, rows);
    }
}

impl App {
    pub(super) fn toggle_errors(&mut self) -> Vec<Effect> {
        self.log.errors_only = !self.log.errors_only;
        self.log.reload(&self.tenant.id)
    }

    pub(super) fn filter_user(&mut self) -> Vec<Effect> {
        self.input = Some(Input {
            target: InputTarget::LogUser,
            text: self.log.user.clone().unwrap_or_default(),
        });
        Vec::new()
    }

    pub(super) fn filter_status(&mut self) -> Vec<Effect> {
        self.input = Some(Input {
            target: InputTarget::LogStatus,
            text: self.log.status.clone().unwrap_or_default(),
        });
        Vec::new()
    }

    pub(super) fn clear_filters(&mut self) -> Vec<Effect> {
        self.log.errors_only = false;
        self.log.user = None;
        self.log.status = None;
        self.log.reload(&self.tenant.id)
    }

    /// The user filter is the store's: the log is read again.
    pub(super) fn log_user_submitted(&mut self, value: Option<String>) -> Vec<Effect> {
        self.log.user = value;
        self.log.reload(&self.tenant.id)
    }

    /// The status filter is a prefix of the status over what was read: no
    /// read, the view is rebuilt and follows the newest.
    pub(super) fn log_status_submitted(&mut self, value: Option<String>) -> Vec<Effect> {
        if value
            .as_deref()
            .is_some_and(|v| !v.bytes().all(|b| b.is_ascii_digit()) || v.len() > 3)
        {
            self.error("A status filter is 1 to 3 digits, e.g. 4 (all 4xx) or 409.");
            return Vec::new();
        }
        self.log.status = value;
        self.log.rebuild_view();
        let rows = self.list_rows();
        self.log.select_last(rows);
        self.log.follow = true;
        Vec::new()
    }

    pub(super) fn log_loaded(
        &mut self,
        generation: u64,
        records: Result<Vec<LogRecord>, Failure>,
    ) -> Vec<Effect> {
        // An answer for older filters is dropped.
        if generation != self.log.generation {
            return Vec::new();
        }
        self.log.loading = false;
        match records {
            Ok(mut rs) => {
                if !self.log.loaded {
                    // The initial read comes newest first.
                    rs.sort_by_key(|r| r.seq);
                    self.log.loaded = true;
                }
                self.log.append(rs);
                if self.log.follow {
                    let rows = super::super::ui::list_rows(self.size, Tab::Log);
                    self.log.select_last(rows);
                }
            }
            Err(e) => self.failed(e),
        }
        Vec::new()
    }

    /// Enter on a record: its detail window, filled by `diagnose request`.
    pub(super) fn open_request(&mut self) -> Vec<Effect> {
        let Some(r) = self.log.selected() else {
            return Vec::new();
        };
        let request_id = r.request_id.clone();
        self.modal = Some(Modal::LogDetail {
            request_id: request_id.clone(),
            diagnosis: None,
        });
        vec![Effect::DiagnoseRequest { request_id }]
    }

    /// Fills the detail window if it is still the request's.
    pub(super) fn request_diagnosed(
        &mut self,
        request_id: String,
        diagnosis: Result<Box<RequestDiagnosis>, Failure>,
    ) -> Vec<Effect> {
        if let Some(Modal::LogDetail {
            request_id: open,
            diagnosis: slot,
        }) = &mut self.modal
            && *open == request_id
        {
            *slot = Some(diagnosis);
        }
        Vec::new()
    }
}
