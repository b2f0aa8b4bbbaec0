//! The dashboard's model: all state, the actions that change it and the
//! effects it asks for. `update` is synchronous and does no I/O; engine work
//! is described as an `Effect`, run on a task by `data`, and comes back as
//! an `Action`.

use ratatui::crossterm::event::KeyEvent;

use crate::engine::diagnose::{RequestDiagnosis, TenantDiagnosis, UserDiagnosis};
use crate::engine::groups::GroupInfo;
use crate::engine::log::{LogQuery, LogRecord};
use crate::engine::members::{MemberPage, MemberQuery, MemberRow};
use crate::engine::model::Tenant;
use crate::engine::tenants::{ScimSwitch, TenantDetail};
use crate::engine::tokens::{IssuedTokenView, Secret};
use crate::probe::{Report, Step};

use super::keys;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Overview,
    Users,
    Groups,
    Log,
    Mapping,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Overview,
        Tab::Users,
        Tab::Groups,
        Tab::Log,
        Tab::Mapping,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Overview => "Overview",
            Tab::Users => "Users",
            Tab::Groups => "Groups",
            Tab::Log => "Log",
            Tab::Mapping => "Mapping",
        }
    }

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    fn offset(self, by: isize) -> Tab {
        let n = Tab::ALL.len() as isize;
        Tab::ALL[((self.index() as isize + by).rem_euclid(n)) as usize]
    }
}

/// What the dashboard was started with.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The tenant URL test-connection probes.
    pub tenant_url: String,
}

/// The Overview: the tenant as `tenant show` and `diagnose tenant` see it.
#[derive(Debug, Clone)]
pub struct Overview {
    pub detail: TenantDetail,
    pub diagnosis: TenantDiagnosis,
}

/// One screenful of work for the data layer.
#[derive(Debug, Clone)]
pub enum Effect {
    LoadOverview,
    LoadGroups,
    LoadGroupMembers {
        group_id: String,
    },
    /// `generation` ties the answer to the filters it was asked with.
    LoadLog {
        query: LogQuery,
        generation: u64,
    },
    LoadMembers {
        query: MemberQuery,
        generation: u64,
    },
    DiagnoseUser {
        email: String,
    },
    DiagnoseRequest {
        request_id: String,
    },
    /// Entra's Test Connection against the tenant URL with this token.
    TestConnection {
        token: Secret,
    },
    SetScim {
        enabled: bool,
    },
    IssueToken {
        regenerate: bool,
    },
}

/// Everything that can happen to the model: a key's meaning, a tick, or the
/// result of an effect.
#[derive(Debug)]
pub enum Action {
    Quit,
    NextTab,
    PrevTab,
    GoTab(Tab),
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    Back,
    Help,
    Refresh,
    ToggleScim,
    Token,
    Confirm,
    Cancel,
    Search,
    ToggleErrors,
    FilterUser,
    FilterStatus,
    ClearFilters,
    TestConnection,
    InputChar(char),
    InputBackspace,
    InputSubmit,
    InputCancel,
    Tick,
    Resize(u16, u16),
    OverviewLoaded(Result<Box<Overview>, String>),
    GroupsLoaded(Result<Vec<GroupInfo>, String>),
    GroupMembersLoaded {
        group_id: String,
        members: Result<Vec<String>, String>,
    },
    LogLoaded {
        generation: u64,
        records: Result<Vec<LogRecord>, String>,
    },
    MembersLoaded {
        generation: u64,
        page: Result<MemberPage, String>,
    },
    UserDiagnosed {
        email: String,
        diagnosis: Result<Box<UserDiagnosis>, String>,
    },
    RequestDiagnosed {
        request_id: String,
        diagnosis: Result<Box<RequestDiagnosis>, String>,
    },
    ScimSwitched(Result<ScimSwitch, String>),
    TokenIssued(Result<Box<IssuedTokenView>, String>),
    ProbeStep(Step),
    ProbeDone(Box<Report>),
}

/// A destructive action waiting for a yes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    DisableScim,
    RegenerateToken,
}

#[derive(Debug)]
pub enum Modal {
    Help,
    Confirm(Pending),
    /// The new token, shown once. Dropping it wipes the secret (`Secret`
    /// zeroizes), so closing the modal is what forgets it.
    Token(Box<IssuedTokenView>),
    LogDetail {
        request_id: String,
        diagnosis: Option<Result<Box<RequestDiagnosis>, String>>,
    },
    UserDetail {
        email: String,
        diagnosis: Option<Result<Box<UserDiagnosis>, String>>,
    },
    /// test-connection's steps as they come, then its report.
    Probe {
        steps: Vec<Step>,
        report: Option<Box<Report>>,
    },
    GroupMembers {
        group_id: String,
        name: String,
        members: Option<Result<Vec<String>, String>>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputTarget {
    UserSearch,
    LogUser,
    LogStatus,
    /// The token to test the connection with: masked on screen, wiped
    /// after use.
    ProbeToken,
}

impl InputTarget {
    pub fn prompt(self) -> &'static str {
        match self {
            InputTarget::UserSearch => "search",
            InputTarget::LogUser => "user (email)",
            InputTarget::LogStatus => "status (e.g. 4, 40, 409)",
            InputTarget::ProbeToken => "token to test with (paste; hidden)",
        }
    }
}

#[derive(Clone)]
pub struct Input {
    pub target: InputTarget,
    pub text: String,
}

impl std::fmt::Debug for Input {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self.target {
            InputTarget::ProbeToken => "REDACTED",
            _ => &self.text,
        };
        f.debug_struct("Input")
            .field("target", &self.target)
            .field("text", &text)
            .finish()
    }
}

impl Drop for Input {
    /// A pasted token must not linger in freed memory.
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.text);
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// A scrolling list position: the selected row and the first row shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListPos {
    pub selected: usize,
    pub offset: usize,
}

impl ListPos {
    /// Moves by `by` rows within `len`, keeping the selection on screen.
    pub fn step(&mut self, by: isize, len: usize, rows: usize) {
        if len == 0 {
            *self = ListPos::default();
            return;
        }
        let to = (self.selected as isize + by).clamp(0, len as isize - 1);
        self.select(to as usize, len, rows);
    }

    pub fn select(&mut self, i: usize, len: usize, rows: usize) {
        self.selected = i.min(len.saturating_sub(1));
        let rows = rows.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
        self.offset = self.offset.min(len.saturating_sub(rows));
    }

    /// The first row to draw for `rows` lines: the stored offset, pulled
    /// back just enough that the selection is visible.
    pub fn visible_from(&self, len: usize, rows: usize) -> usize {
        let rows = rows.max(1);
        let mut o = self.offset.min(len.saturating_sub(rows));
        if self.selected < o {
            o = self.selected;
        } else if self.selected >= o + rows {
            o = self.selected + 1 - rows;
        }
        o
    }
}

/// Records kept in memory for the Log tab (the store keeps the rest).
pub const LOG_KEEP: usize = 100_000;
/// Records read when the Log tab (re)starts.
pub const LOG_INITIAL: u32 = 1_000;
/// Ticks between reloads of the Overview (a tick is `TICK` long).
pub const OVERVIEW_EVERY: u64 = 10;

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
}

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
}

#[derive(Debug, Default)]
pub struct GroupsState {
    pub list: Option<Vec<GroupInfo>>,
    pub pos: ListPos,
}

/// The whole dashboard.
#[derive(Debug)]
pub struct App {
    pub tenant: Tenant,
    pub settings: Settings,
    pub tab: Tab,
    pub size: (u16, u16),
    pub overview: Option<Overview>,
    pub overview_loading: bool,
    pub users: UsersState,
    pub groups: GroupsState,
    pub log: LogState,
    pub user_search: Option<String>,
    /// The search when `/` was pressed, for Esc to go back to.
    search_before: Option<String>,
    pub modal: Option<Modal>,
    pub input: Option<Input>,
    pub status: Option<Status>,
    /// An action waiting for the store (switch, token); one at a time.
    pub busy: Option<&'static str>,
    pub quit: bool,
    ticks: u64,
}

impl App {
    /// The model and the effects that fill it.
    pub fn new(tenant: Tenant, settings: Settings, size: (u16, u16)) -> (App, Vec<Effect>) {
        let mut app = App {
            tenant,
            settings,
            tab: Tab::Overview,
            size,
            overview: None,
            overview_loading: true,
            users: UsersState::default(),
            groups: GroupsState::default(),
            log: LogState {
                follow: true,
                ..LogState::default()
            },
            user_search: None,
            search_before: None,
            modal: None,
            input: None,
            status: None,
            busy: None,
            quit: false,
            ticks: 0,
        };
        let mut fx = vec![Effect::LoadOverview, Effect::LoadGroups];
        fx.extend(app.reload_members());
        fx.extend(app.reload_log());
        (app, fx)
    }

    /// A key, through the key map.
    pub fn handle_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        match keys::action(self, key) {
            Some(a) => self.update(a),
            None => Vec::new(),
        }
    }

    /// What the key map looks at: the innermost thing that takes keys.
    pub fn mode(&self) -> keys::Mode {
        if self.input.is_some() {
            return keys::Mode::Input;
        }
        match &self.modal {
            Some(Modal::Help) => keys::Mode::Help,
            Some(Modal::Confirm(_)) => keys::Mode::Confirm,
            Some(Modal::Token(_)) => keys::Mode::Token,
            Some(
                Modal::LogDetail { .. }
                | Modal::UserDetail { .. }
                | Modal::GroupMembers { .. }
                | Modal::Probe { .. },
            ) => keys::Mode::Detail,
            None => keys::Mode::Tab(self.tab),
        }
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
    }

    pub fn scim_enabled(&self) -> Option<bool> {
        self.overview.as_ref().map(|o| o.detail.tenant.scim_enabled)
    }

    fn has_token(&self) -> Option<bool> {
        self.overview
            .as_ref()
            .map(|o| o.diagnosis.token.token.is_some())
    }

    /// Rows a list on the current tab shows at the current size.
    pub fn list_rows(&self) -> usize {
        super::ui::list_rows(self.size, self.tab)
    }

    fn members_query(&self, after: Option<String>) -> MemberQuery {
        MemberQuery {
            search: self.user_search.clone(),
            after,
            limit: MEMBERS_PAGE,
            ..MemberQuery::default()
        }
    }

    fn reload_members(&mut self) -> Vec<Effect> {
        let u = &mut self.users;
        u.generation += 1;
        u.rows.clear();
        u.total = None;
        u.next = None;
        u.pos = ListPos::default();
        u.loading = true;
        vec![Effect::LoadMembers {
            query: self.members_query(None),
            generation: self.users.generation,
        }]
    }

    /// The next page of members, when the selection is within two
    /// screens of the last row read.
    fn more_members(&mut self) -> Vec<Effect> {
        let rows = self.list_rows();
        let u = &self.users;
        if u.loading || u.pos.selected + 2 * rows < u.rows.len() {
            return Vec::new();
        }
        let Some(next) = u.next.clone() else {
            return Vec::new();
        };
        self.users.loading = true;
        vec![Effect::LoadMembers {
            query: self.members_query(Some(next)),
            generation: self.users.generation,
        }]
    }

    fn reload_log(&mut self) -> Vec<Effect> {
        self.log.generation += 1;
        self.log.records.clear();
        self.log.view = None;
        self.log.rebuild_view();
        self.log.pos = ListPos::default();
        self.log.loaded = false;
        self.log.loading = true;
        self.log.follow = true;
        vec![Effect::LoadLog {
            query: self.log.query(&self.tenant.id),
            generation: self.log.generation,
        }]
    }

    fn list_len(&self) -> usize {
        match self.tab {
            Tab::Users => self.users.rows.len(),
            Tab::Groups => self.groups.list.as_ref().map_or(0, Vec::len),
            Tab::Log => self.log.len(),
            _ => 0,
        }
    }

    fn move_by(&mut self, by: isize) -> Vec<Effect> {
        let (len, rows) = (self.list_len(), self.list_rows());
        match self.tab {
            Tab::Users => {
                self.users.pos.step(by, len, rows);
                return self.more_members();
            }
            Tab::Groups => self.groups.pos.step(by, len, rows),
            Tab::Log => {
                self.log.pos.step(by, len, rows);
                self.log.follow = self.log.pos.selected + 1 >= len;
            }
            _ => {}
        }
        Vec::new()
    }

    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Quit => self.quit = true,
            Action::NextTab => self.tab = self.tab.offset(1),
            Action::PrevTab => self.tab = self.tab.offset(-1),
            Action::GoTab(t) => self.tab = t,
            Action::Up => return self.move_by(-1),
            Action::Down => return self.move_by(1),
            Action::PageUp => return self.move_by(-(self.list_rows() as isize)),
            Action::PageDown => return self.move_by(self.list_rows() as isize),
            Action::Top => return self.move_by(isize::MIN / 2),
            Action::Bottom => return self.move_by(isize::MAX / 2),
            Action::Help => self.modal = Some(Modal::Help),
            Action::Back => {
                if self.modal.take().is_none() {
                    self.quit = true;
                }
            }
            Action::Open => return self.open(),
            Action::Refresh => {
                self.info("Refreshing…");
                let mut fx = vec![Effect::LoadOverview, Effect::LoadGroups];
                fx.extend(self.reload_members());
                fx.extend(self.reload_log());
                return fx;
            }
            Action::ToggleScim => return self.toggle_scim(),
            Action::Token => return self.token(),
            Action::Confirm => {
                if let Some(Modal::Confirm(p)) = self.modal.take() {
                    return self.confirmed(p);
                }
            }
            Action::Cancel => {
                if let Some(Modal::Confirm(_)) = self.modal.take() {
                    self.info("Cancelled: nothing was changed.");
                }
            }
            Action::Search => {
                self.search_before = self.user_search.clone();
                self.input = Some(Input {
                    target: InputTarget::UserSearch,
                    text: self.user_search.clone().unwrap_or_default(),
                })
            }
            Action::FilterUser => {
                self.input = Some(Input {
                    target: InputTarget::LogUser,
                    text: self.log.user.clone().unwrap_or_default(),
                })
            }
            Action::FilterStatus => {
                self.input = Some(Input {
                    target: InputTarget::LogStatus,
                    text: self.log.status.clone().unwrap_or_default(),
                })
            }
            Action::ToggleErrors => {
                self.log.errors_only = !self.log.errors_only;
                return self.reload_log();
            }
            Action::ClearFilters => {
                self.log.errors_only = false;
                self.log.user = None;
                self.log.status = None;
                return self.reload_log();
            }
            Action::TestConnection => return self.test_connection(),
            Action::InputChar(c) => {
                if let Some(i) = &mut self.input {
                    i.text.push(c);
                }
                return self.search_as_typed();
            }
            Action::InputBackspace => {
                if let Some(i) = &mut self.input {
                    i.text.pop();
                }
                return self.search_as_typed();
            }
            Action::InputCancel => {
                // Leaving the search restores the list it was started on.
                let was_search = self
                    .input
                    .take()
                    .is_some_and(|i| i.target == InputTarget::UserSearch);
                if was_search {
                    self.user_search = self.search_before.take();
                    return self.reload_members();
                }
            }
            Action::InputSubmit => return self.submit(),
            Action::Tick => return self.tick(),
            Action::Resize(w, h) => {
                self.size = (w, h);
                let rows = self.list_rows();
                let len = self.groups.list.as_ref().map_or(0, Vec::len);
                let sel = self.groups.pos.selected;
                self.groups.pos.select(sel, len, rows);
                let (sel, len) = (self.log.pos.selected, self.log.len());
                self.log.pos.select(sel, len, rows);
                let (sel, len) = (self.users.pos.selected, self.users.rows.len());
                self.users.pos.select(sel, len, rows);
            }
            Action::OverviewLoaded(r) => {
                self.overview_loading = false;
                match r {
                    Ok(o) => self.overview = Some(*o),
                    Err(e) => self.error(e),
                }
            }
            Action::GroupsLoaded(r) => match r {
                Ok(list) => {
                    let (sel, len) = (self.groups.pos.selected, list.len());
                    self.groups.list = Some(list);
                    let rows = super::ui::list_rows(self.size, Tab::Groups);
                    self.groups.pos.select(sel, len, rows);
                }
                Err(e) => self.error(e),
            },
            Action::MembersLoaded { generation, page } => {
                if generation != self.users.generation {
                    return Vec::new();
                }
                self.users.loading = false;
                match page {
                    Ok(p) => {
                        self.users.total = Some(p.total);
                        self.users.next = p.next;
                        self.users.rows.extend(p.members);
                        return self.more_members();
                    }
                    Err(e) => self.error(e),
                }
            }
            Action::UserDiagnosed { email, diagnosis } => {
                if let Some(Modal::UserDetail {
                    email: open,
                    diagnosis: slot,
                }) = &mut self.modal
                    && *open == email
                {
                    *slot = Some(diagnosis);
                }
            }
            Action::RequestDiagnosed {
                request_id,
                diagnosis,
            } => {
                if let Some(Modal::LogDetail {
                    request_id: open,
                    diagnosis: slot,
                }) = &mut self.modal
                    && *open == request_id
                {
                    *slot = Some(diagnosis);
                }
            }
            Action::ProbeStep(step) => {
                if let Some(Modal::Probe { steps, .. }) = &mut self.modal {
                    steps.push(step);
                }
            }
            Action::ProbeDone(report) => {
                self.busy = None;
                if report.passed {
                    self.info(format!(
                        "Test connection passed: all {} steps.",
                        report.steps.len()
                    ));
                } else {
                    let first = report.failures().next().map_or("a step", |s| s.name);
                    self.error(format!("Test connection failed at '{first}'."));
                }
                if let Some(Modal::Probe { report: slot, .. }) = &mut self.modal {
                    *slot = Some(report);
                }
            }
            Action::GroupMembersLoaded { group_id, members } => {
                if let Some(Modal::GroupMembers {
                    group_id: open,
                    members: slot,
                    ..
                }) = &mut self.modal
                    && *open == group_id
                {
                    *slot = Some(members);
                }
            }
            Action::LogLoaded {
                generation,
                records,
            } => {
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
                            let (len, rows) =
                                (self.log.len(), super::ui::list_rows(self.size, Tab::Log));
                            self.log.pos.select(len.saturating_sub(1), len, rows);
                        }
                    }
                    Err(e) => self.error(e),
                }
            }
            Action::ScimSwitched(r) => {
                self.busy = None;
                match r {
                    Ok(s) => {
                        let state = if s.scim_enabled {
                            "enabled"
                        } else {
                            "disabled"
                        };
                        if s.changed {
                            self.info(format!("SCIM provisioning {state}."));
                        } else {
                            self.info(format!("SCIM provisioning was already {state}."));
                        }
                        if let Some(o) = &mut self.overview {
                            o.detail.tenant.scim_enabled = s.scim_enabled;
                            o.diagnosis.scim_enabled = s.scim_enabled;
                        }
                        return vec![Effect::LoadOverview];
                    }
                    Err(e) => self.error(e),
                }
            }
            Action::TokenIssued(r) => {
                self.busy = None;
                match r {
                    Ok(t) => {
                        self.info(format!(
                            "New token {} issued: copy it from the window, it will not be shown again.",
                            t.fingerprint
                        ));
                        self.modal = Some(Modal::Token(t));
                        return vec![Effect::LoadOverview];
                    }
                    Err(e) => self.error(e),
                }
            }
        }
        Vec::new()
    }

    fn open(&mut self) -> Vec<Effect> {
        match self.tab {
            Tab::Log => {
                if let Some(r) = self.log.selected() {
                    let request_id = r.request_id.clone();
                    self.modal = Some(Modal::LogDetail {
                        request_id: request_id.clone(),
                        diagnosis: None,
                    });
                    return vec![Effect::DiagnoseRequest { request_id }];
                }
            }
            Tab::Users => {
                if let Some(m) = self.users.rows.get(self.users.pos.selected) {
                    let email = m.email.clone();
                    self.modal = Some(Modal::UserDetail {
                        email: email.clone(),
                        diagnosis: None,
                    });
                    return vec![Effect::DiagnoseUser { email }];
                }
            }
            Tab::Groups => {
                let g = self
                    .groups
                    .list
                    .as_ref()
                    .and_then(|l| l.get(self.groups.pos.selected));
                if let Some(g) = g {
                    let group_id = g.id.clone();
                    self.modal = Some(Modal::GroupMembers {
                        group_id: group_id.clone(),
                        name: g.display_name.clone(),
                        members: None,
                    });
                    return vec![Effect::LoadGroupMembers { group_id }];
                }
            }
            _ => {}
        }
        Vec::new()
    }

    fn toggle_scim(&mut self) -> Vec<Effect> {
        if self.busy.is_some() {
            return Vec::new();
        }
        match self.scim_enabled() {
            None => self.info("Still loading the tenant; try again in a moment."),
            // Turning it off stops the IdP's provisioning: ask first.
            Some(true) => self.modal = Some(Modal::Confirm(Pending::DisableScim)),
            Some(false) => {
                self.busy = Some("enabling SCIM");
                return vec![Effect::SetScim { enabled: true }];
            }
        }
        Vec::new()
    }

    fn token(&mut self) -> Vec<Effect> {
        if self.busy.is_some() {
            return Vec::new();
        }
        match self.has_token() {
            None => self.info("Still loading the tenant; try again in a moment."),
            Some(true) => self.modal = Some(Modal::Confirm(Pending::RegenerateToken)),
            Some(false) => {
                self.busy = Some("generating a token");
                return vec![Effect::IssueToken { regenerate: false }];
            }
        }
        Vec::new()
    }

    fn confirmed(&mut self, p: Pending) -> Vec<Effect> {
        match p {
            Pending::DisableScim => {
                self.busy = Some("disabling SCIM");
                vec![Effect::SetScim { enabled: false }]
            }
            Pending::RegenerateToken => {
                self.busy = Some("regenerating the token");
                vec![Effect::IssueToken { regenerate: true }]
            }
        }
    }

    fn test_connection(&mut self) -> Vec<Effect> {
        if self.busy.is_some() {
            return Vec::new();
        }
        // Right after a (re)generate the token is at hand; otherwise ask.
        if let Some(Modal::Token(t)) = &self.modal {
            let token = t.token.clone();
            return self.start_probe(token);
        }
        self.input = Some(Input {
            target: InputTarget::ProbeToken,
            text: String::new(),
        });
        Vec::new()
    }

    fn start_probe(&mut self, token: Secret) -> Vec<Effect> {
        self.busy = Some("testing the connection");
        self.modal = Some(Modal::Probe {
            steps: Vec::new(),
            report: None,
        });
        vec![Effect::TestConnection { token }]
    }

    /// The member list follows the search text as it is typed.
    fn search_as_typed(&mut self) -> Vec<Effect> {
        let Some(i) = &self.input else {
            return Vec::new();
        };
        if i.target != InputTarget::UserSearch {
            return Vec::new();
        }
        let t = i.text.trim();
        let value = (!t.is_empty()).then(|| t.to_owned());
        if value == self.user_search {
            return Vec::new();
        }
        self.user_search = value;
        self.reload_members()
    }

    fn submit(&mut self) -> Vec<Effect> {
        let Some(mut input) = self.input.take() else {
            return Vec::new();
        };
        if input.target == InputTarget::ProbeToken {
            let token = Secret::new(std::mem::take(&mut input.text));
            if token.expose().trim().is_empty() {
                self.error("No token was given: paste the tenant's current token.");
                return Vec::new();
            }
            return self.start_probe(Secret::new(token.expose().trim().to_owned()));
        }
        let text = input.text.trim().to_owned();
        let value = (!text.is_empty()).then_some(text);
        match input.target {
            InputTarget::ProbeToken => {}
            InputTarget::UserSearch => {
                self.search_before = None;
                let changed = self.user_search != value;
                self.user_search = value;
                if changed {
                    return self.reload_members();
                }
            }
            InputTarget::LogUser => {
                self.log.user = value;
                return self.reload_log();
            }
            InputTarget::LogStatus => {
                if value
                    .as_deref()
                    .is_some_and(|v| !v.bytes().all(|b| b.is_ascii_digit()) || v.len() > 3)
                {
                    self.error("A status filter is 1 to 3 digits, e.g. 4 (all 4xx) or 409.");
                    return Vec::new();
                }
                self.log.status = value;
                self.log.rebuild_view();
                let len = self.log.len();
                let rows = self.list_rows();
                self.log.pos.select(len.saturating_sub(1), len, rows);
                self.log.follow = true;
            }
        }
        Vec::new()
    }

    fn tick(&mut self) -> Vec<Effect> {
        self.ticks += 1;
        let mut fx = Vec::new();
        if !self.log.loading {
            self.log.loading = true;
            fx.push(Effect::LoadLog {
                query: self.log.query(&self.tenant.id),
                generation: self.log.generation,
            });
        }
        if self.ticks.is_multiple_of(OVERVIEW_EVERY) && !self.overview_loading {
            self.overview_loading = true;
            fx.push(Effect::LoadOverview);
        }
        fx
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_pos_keeps_the_selection_visible() {
        let mut p = ListPos::default();
        p.step(15, 100, 10);
        assert_eq!((p.selected, p.offset), (15, 6));
        p.step(-3, 100, 10);
        assert_eq!((p.selected, p.offset), (12, 6));
        p.step(-10, 100, 10);
        assert_eq!((p.selected, p.offset), (2, 2));
        p.step(1000, 100, 10);
        assert_eq!((p.selected, p.offset), (99, 90));
        p.step(5, 0, 10);
        assert_eq!(p, ListPos::default());
        let p = ListPos {
            selected: 50,
            offset: 0,
        };
        assert_eq!(p.visible_from(100, 10), 41);
    }

    #[test]
    fn tabs_wrap_around() {
        assert_eq!(Tab::Overview.offset(-1), Tab::Mapping);
        assert_eq!(Tab::Mapping.offset(1), Tab::Overview);
        assert_eq!(Tab::Log.index(), 3);
    }
}
