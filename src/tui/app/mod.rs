//! The dashboard's model: all state, the actions that change it and the
//! effects it asks for. `update` is synchronous and does no I/O; engine work
//! is described as an `Effect`, run on a task by `data`, and comes back as
//! an `Action`.
//!
//! This file holds what every tab shares (the tab bar, the status line,
//! the tick, the size) and `update`, which only routes each action to its
//! handler. Each tab's state lives beside its handling: `overview`,
//! `users`, `groups`, `log`; the windows over them in `modals`; the input
//! line in `input`; the tenant-wide actions (SCIM switch, token) in
//! `tenant`; test connection in `connection`; the list position the list
//! tabs share in `list`.

mod connection;
mod groups;
mod input;
mod list;
mod log;
mod modals;
mod overview;
mod tenant;
mod users;

use ratatui::crossterm::event::KeyEvent;

use crate::engine::ErrorKind;
use crate::engine::admin::groups::GroupInfo;
use crate::engine::admin::members::{MemberPage, MemberQuery};
use crate::engine::diagnose::{RequestDiagnosis, UserDiagnosis};
use crate::engine::log::{LogQuery, LogRecord};
use crate::engine::model::Tenant;
use crate::engine::tenants::ScimSwitch;
use crate::engine::tokens::{IssuedTokenView, Secret};
use crate::probe::{Report, Step};

use super::keys;

pub use groups::GroupsState;
pub use input::{Input, InputTarget};
pub use list::ListPos;
pub use log::{LOG_INITIAL, LOG_KEEP, LogState};
pub use modals::Modal;
pub use overview::{OVERVIEW_EVERY, Overview, OverviewState};
pub use tenant::Pending;
pub use users::{MEMBERS_PAGE, UsersState};

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
    OverviewLoaded(Result<Box<Overview>, Failure>),
    GroupsLoaded(Result<Vec<GroupInfo>, Failure>),
    GroupMembersLoaded {
        group_id: String,
        members: Result<Vec<String>, Failure>,
    },
    LogLoaded {
        generation: u64,
        records: Result<Vec<LogRecord>, Failure>,
    },
    MembersLoaded {
        generation: u64,
        page: Result<MemberPage, Failure>,
    },
    UserDiagnosed {
        email: String,
        diagnosis: Result<Box<UserDiagnosis>, Failure>,
    },
    RequestDiagnosed {
        request_id: String,
        diagnosis: Result<Box<RequestDiagnosis>, Failure>,
    },
    ScimSwitched(Result<ScimSwitch, Failure>),
    TokenIssued(Result<Box<IssuedTokenView>, Failure>),
    ProbeStep(Step),
    ProbeDone(Box<Report>),
}

/// A failed effect as the dashboard keeps it: the error's kind (none when
/// the server could not be reached or understood), the exit code the CLI
/// gives it, and the CLI's one line, hint included, which is what shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub kind: Option<ErrorKind>,
    pub exit_code: u8,
    pub line: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
    /// The failure's kind, for an error status that came from one.
    pub kind: Option<ErrorKind>,
}

/// The whole dashboard.
#[derive(Debug)]
pub struct App {
    pub tenant: Tenant,
    pub settings: Settings,
    pub tab: Tab,
    pub size: (u16, u16),
    pub overview: OverviewState,
    pub users: UsersState,
    pub groups: GroupsState,
    pub log: LogState,
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
            overview: OverviewState {
                data: None,
                loading: true,
            },
            users: UsersState::default(),
            groups: GroupsState::default(),
            log: LogState {
                follow: true,
                ..LogState::default()
            },
            modal: None,
            input: None,
            status: None,
            busy: None,
            quit: false,
            ticks: 0,
        };
        let mut fx = vec![Effect::LoadOverview, Effect::LoadGroups];
        fx.extend(app.users.reload());
        fx.extend(app.log.reload(&app.tenant.id));
        (app, fx)
    }

    /// A key, through the key map.
    pub fn handle_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        match keys::action(self, key) {
            Some(a) => self.update(a),
            None => Vec::new(),
        }
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
            kind: None,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
            kind: None,
        });
    }

    /// A failed effect on the status line, its kind kept.
    pub fn failed(&mut self, f: Failure) {
        self.status = Some(Status {
            text: f.line,
            error: true,
            kind: f.kind,
        });
    }

    pub fn scim_enabled(&self) -> Option<bool> {
        self.overview.scim_enabled()
    }

    /// Rows a list on the current tab shows at the current size.
    pub fn list_rows(&self) -> usize {
        super::ui::list_rows(self.size, self.tab)
    }

    /// Routes an action to its handler: the app's own below, the rest in
    /// the file of the tab or window it belongs to.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Quit => self.leave(),
            Action::NextTab => self.go_tab(self.tab.offset(1)),
            Action::PrevTab => self.go_tab(self.tab.offset(-1)),
            Action::GoTab(t) => self.go_tab(t),
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-(self.list_rows() as isize)),
            Action::PageDown => self.move_by(self.list_rows() as isize),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::Open => self.open(),
            Action::Refresh => self.refresh(),
            Action::Tick => self.tick(),
            Action::Resize(w, h) => self.resize(w, h),
            // modals.rs
            Action::Help => self.help(),
            Action::Back => self.back(),
            // input.rs
            Action::InputChar(c) => self.input_char(c),
            Action::InputBackspace => self.input_backspace(),
            Action::InputSubmit => self.input_submit(),
            Action::InputCancel => self.input_cancel(),
            // tenant.rs
            Action::ToggleScim => self.toggle_scim(),
            Action::Token => self.token(),
            Action::Confirm => self.confirm(),
            Action::Cancel => self.cancel(),
            Action::ScimSwitched(r) => self.scim_switched(r),
            Action::TokenIssued(r) => self.token_issued(r),
            // connection.rs
            Action::TestConnection => self.test_connection(),
            Action::ProbeStep(step) => self.probe_step(step),
            Action::ProbeDone(report) => self.probe_done(report),
            // overview.rs
            Action::OverviewLoaded(r) => self.overview_loaded(r),
            // users.rs
            Action::Search => self.search(),
            Action::MembersLoaded { generation, page } => self.members_loaded(generation, page),
            Action::UserDiagnosed { email, diagnosis } => self.user_diagnosed(email, diagnosis),
            // groups.rs
            Action::GroupsLoaded(r) => self.groups_loaded(r),
            Action::GroupMembersLoaded { group_id, members } => {
                self.group_members_loaded(group_id, members)
            }
            // log.rs
            Action::ToggleErrors => self.toggle_errors(),
            Action::FilterUser => self.filter_user(),
            Action::FilterStatus => self.filter_status(),
            Action::ClearFilters => self.clear_filters(),
            Action::LogLoaded {
                generation,
                records,
            } => self.log_loaded(generation, records),
            Action::RequestDiagnosed {
                request_id,
                diagnosis,
            } => self.request_diagnosed(request_id, diagnosis),
        }
    }

    fn leave(&mut self) -> Vec<Effect> {
        self.quit = true;
        Vec::new()
    }

    fn go_tab(&mut self, t: Tab) -> Vec<Effect> {
        self.tab = t;
        Vec::new()
    }

    /// Moves the current tab's list, if it has one.
    fn move_by(&mut self, by: isize) -> Vec<Effect> {
        let rows = self.list_rows();
        match self.tab {
            Tab::Users => return self.users.step(by, rows),
            Tab::Groups => self.groups.step(by, rows),
            Tab::Log => self.log.step(by, rows),
            Tab::Overview | Tab::Mapping => {}
        }
        Vec::new()
    }

    /// Opens the current tab's selected row, if it has a list.
    fn open(&mut self) -> Vec<Effect> {
        match self.tab {
            Tab::Users => self.open_user(),
            Tab::Groups => self.open_group(),
            Tab::Log => self.open_request(),
            Tab::Overview | Tab::Mapping => Vec::new(),
        }
    }

    fn refresh(&mut self) -> Vec<Effect> {
        self.info("Refreshing…");
        let mut fx = vec![Effect::LoadOverview, Effect::LoadGroups];
        fx.extend(self.users.reload());
        fx.extend(self.log.reload(&self.tenant.id));
        fx
    }

    /// Tails the log every tick; reloads the Overview every few.
    fn tick(&mut self) -> Vec<Effect> {
        self.ticks += 1;
        let mut fx = Vec::new();
        fx.extend(self.log.tail(&self.tenant.id));
        fx.extend(self.overview.due(self.ticks));
        fx
    }

    fn resize(&mut self, w: u16, h: u16) -> Vec<Effect> {
        self.size = (w, h);
        let rows = self.list_rows();
        self.groups.fit(rows);
        self.log.fit(rows);
        self.users.fit(rows);
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_wrap_around() {
        assert_eq!(Tab::Overview.offset(-1), Tab::Mapping);
        assert_eq!(Tab::Mapping.offset(1), Tab::Overview);
        assert_eq!(Tab::Log.index(), 3);
    }
}
