//! The tenant-wide actions any tab offers: turning SCIM on and off and
//! issuing the token, the confirmation the destructive ones wait for, and
//! their results on the status line (a new token in its show-once window).

use crate::engine::tenants::ScimSwitch;
use crate::engine::tokens::IssuedTokenView;

use super::modals::Modal;
use super::{App, Effect, Failure};

/// A destructive action waiting for a yes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    DisableScim,
    RegenerateToken,
}

impl App {
    pub(super) fn toggle_scim(&mut self) -> Vec<Effect> {
        if self.busy.is_some() {
            return Vec::new();
        }
        match self.overview.scim_enabled() {
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

    pub(super) fn token(&mut self) -> Vec<Effect> {
        if self.busy.is_some() {
            return Vec::new();
        }
        match self.overview.has_token() {
            None => self.info("Still loading the tenant; try again in a moment."),
            Some(true) => self.modal = Some(Modal::Confirm(Pending::RegenerateToken)),
            Some(false) => {
                self.busy = Some("generating a token");
                return vec![Effect::IssueToken { regenerate: false }];
            }
        }
        Vec::new()
    }

    /// A yes closes whatever window is open; it acts only on a confirmation.
    pub(super) fn confirm(&mut self) -> Vec<Effect> {
        match self.modal.take() {
            Some(Modal::Confirm(p)) => self.confirmed(p),
            _ => Vec::new(),
        }
    }

    pub(super) fn cancel(&mut self) -> Vec<Effect> {
        if let Some(Modal::Confirm(_)) = self.modal.take() {
            self.info("Cancelled: nothing was changed.");
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

    pub(super) fn scim_switched(&mut self, r: Result<ScimSwitch, Failure>) -> Vec<Effect> {
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
                self.overview.scim_switched(s.scim_enabled);
                vec![Effect::LoadOverview]
            }
            Err(e) => {
                self.failed(e);
                Vec::new()
            }
        }
    }

    pub(super) fn token_issued(&mut self, r: Result<Box<IssuedTokenView>, Failure>) -> Vec<Effect> {
        self.busy = None;
        match r {
            Ok(t) => {
                self.info(format!(
                    "New token {} issued: copy it from the window, it will not be shown again.",
                    t.fingerprint
                ));
                self.modal = Some(Modal::Token(t));
                vec![Effect::LoadOverview]
            }
            Err(e) => {
                self.failed(e);
                Vec::new()
            }
        }
    }
}
