//! The Users tab's state and handling: the member rows read page by page
//! (the next page when the selection nears the end), the search that
//! narrows them as it is typed, and a member's detail window
//! (`diagnose user`).

use crate::engine::admin::members::{MemberPage, MemberQuery, MemberRow};
use crate::engine::diagnose::UserDiagnosis;

use super::input::{Input, InputTarget};
use super::list::ListPos;
use super::modals::Modal;
use super::{App, Effect, Failure};

/// Members rows per read; more are read as the selection nears the end.
pub const MEMBERS_PAGE: u64 = 500;

#[derive(Debug, Default)]
pub struct UsersState {
    /// The rows read so far, in email order.
    pub rows: Vec<MemberRow>,
    /// Members matching the search, over all pages.
    pub total: Option<u64>,
    /// Where the next page starts; None once the last was read.
    pub next: Option<String>,
    pub pos: ListPos,
    pub loading: bool,
    pub generation: u64,
    /// The search the rows were read with.
    pub search: Option<String>,
    /// The search when `/` was pressed, for Esc to go back to.
    search_before: Option<String>,
}

impl UsersState {
    fn query(&self, after: Option<String>) -> MemberQuery {
        MemberQuery {
            search: self.search.clone(),
            after,
            limit: MEMBERS_PAGE,
            ..MemberQuery::default()
        }
    }

    /// Forgets the rows and reads the first page for the current search.
    pub(super) fn reload(&mut self) -> Vec<Effect> {
        self.generation += 1;
        self.rows.clear();
        self.total = None;
        self.next = None;
        self.pos = ListPos::default();
        self.loading = true;
        vec![Effect::LoadMembers {
            query: self.query(None),
            generation: self.generation,
        }]
    }

    /// The next page of members, when the selection is within two
    /// screens of the last row read.
    fn more(&mut self, rows: usize) -> Vec<Effect> {
        if self.loading || self.pos.selected + 2 * rows < self.rows.len() {
            return Vec::new();
        }
        let Some(next) = self.next.clone() else {
            return Vec::new();
        };
        self.loading = true;
        vec![Effect::LoadMembers {
            query: self.query(Some(next)),
            generation: self.generation,
        }]
    }

    pub(super) fn step(&mut self, by: isize, rows: usize) -> Vec<Effect> {
        self.pos.step(by, self.rows.len(), rows);
        self.more(rows)
    }

    /// Keeps the selection on screen after a resize.
    pub(super) fn fit(&mut self, rows: usize) {
        let (sel, len) = (self.pos.selected, self.rows.len());
        self.pos.select(sel, len, rows);
    }

    /// The list follows the search text as it is typed.
    pub(super) fn search_typed(&mut self, value: Option<String>) -> Vec<Effect> {
        if value == self.search {
            return Vec::new();
        }
        self.search = value;
        self.reload()
    }

    /// Enter keeps the search; the list is read again only if it changed.
    pub(super) fn search_submitted(&mut self, value: Option<String>) -> Vec<Effect> {
        self.search_before = None;
        let changed = self.search != value;
        self.search = value;
        if changed {
            return self.reload();
        }
        Vec::new()
    }

    /// Leaving the search restores the list it was started on.
    pub(super) fn search_cancelled(&mut self) -> Vec<Effect> {
        self.search = self.search_before.take();
        self.reload()
    }
}

impl App {
    /// `/`: the search line, starting from the current search.
    pub(super) fn search(&mut self) -> Vec<Effect> {
        self.users.search_before = self.users.search.clone();
        self.input = Some(Input {
            target: InputTarget::UserSearch,
            text: self.users.search.clone().unwrap_or_default(),
        });
        Vec::new()
    }

    pub(super) fn members_loaded(
        &mut self,
        generation: u64,
        page: Result<MemberPage, Failure>,
    ) -> Vec<Effect> {
        // An answer for an older search is dropped.
        if generation != self.users.generation {
            return Vec::new();
        }
        self.users.loading = false;
        match page {
            Ok(p) => {
                self.users.total = Some(p.total);
                self.users.next = p.next;
                self.users.rows.extend(p.members);
                let rows = self.list_rows();
                return self.users.more(rows);
            }
            Err(e) => self.failed(e),
        }
        Vec::new()
    }

    /// Enter on a member: its detail window, filled by `diagnose user`.
    pub(super) fn open_user(&mut self) -> Vec<Effect> {
        let Some(m) = self.users.rows.get(self.users.pos.selected) else {
            return Vec::new();
        };
        let email = m.email.clone();
        self.modal = Some(Modal::UserDetail {
            email: email.clone(),
            diagnosis: None,
        });
        vec![Effect::DiagnoseUser { email }]
    }

    /// Fills the detail window if it is still the member's.
    pub(super) fn user_diagnosed(
        &mut self,
        email: String,
        diagnosis: Result<Box<UserDiagnosis>, Failure>,
    ) -> Vec<Effect> {
        if let Some(Modal::UserDetail {
            email: open,
            diagnosis: slot,
        }) = &mut self.modal
            && *open == email
        {
            *slot = Some(diagnosis);
        }
        Vec::new()
    }
}
