//! The windows drawn over the tabs: which one is open, which of them takes
//! the keys (the mode the key map looks at), opening the help and closing a
//! window. Each window is filled by the tab or action that opened it.

use crate::engine::diagnose::{RequestDiagnosis, UserDiagnosis};
use crate::engine::tokens::IssuedTokenView;
use crate::probe::{Report, Step};

use super::super::keys;
use super::tenant::Pending;
use super::{App, Effect, Failure};

#[derive(Debug)]
pub enum Modal {
    Help,
    Confirm(Pending),
    /// The new token, shown once. Dropping it wipes the secret (`Secret`
    /// zeroizes), so closing the modal is what forgets it.
    Token(Box<IssuedTokenView>),
    LogDetail {
        request_id: String,
        diagnosis: Option<Result<Box<RequestDiagnosis>, Failure>>,
    },
    UserDetail {
        email: String,
        diagnosis: Option<Result<Box<UserDiagnosis>, Failure>>,
    },
    /// test-connection's steps as they come, then its report.
    Probe {
        steps: Vec<Step>,
        report: Option<Box<Report>>,
    },
    GroupMembers {
        group_id: String,
        name: String,
        members: Option<Result<Vec<String>, Failure>>,
    },
}

impl App {
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

    pub(super) fn help(&mut self) -> Vec<Effect> {
        self.modal = Some(Modal::Help);
        Vec::new()
    }

    /// Closes the open window; with none open, leaves the dashboard.
    pub(super) fn back(&mut self) -> Vec<Effect> {
        if self.modal.take().is_none() {
            self.quit = true;
        }
        Vec::new()
    }
}
