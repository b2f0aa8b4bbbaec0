//! Test connection from the dashboard: which token it runs with (the one
//! just issued, or one pasted into the masked input line), its window
//! filling step by step, and its verdict on the status line.

use crate::engine::tokens::Secret;
use crate::probe::{Report, Step};

use super::input::{Input, InputTarget};
use super::modals::Modal;
use super::{App, Effect};

impl App {
    pub(super) fn test_connection(&mut self) -> Vec<Effect> {
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

    /// The pasted token, from the input line.
    pub(super) fn probe_token_given(&mut self, text: String) -> Vec<Effect> {
        let token = Secret::new(text);
        if token.expose().trim().is_empty() {
            self.error("No token was given: paste the tenant's current token.");
            return Vec::new();
        }
        self.start_probe(Secret::new(token.expose().trim().to_owned()))
    }

    fn start_probe(&mut self, token: Secret) -> Vec<Effect> {
        self.busy = Some("testing the connection");
        self.modal = Some(Modal::Probe {
            steps: Vec::new(),
            report: None,
        });
        vec![Effect::TestConnection { token }]
    }

    pub(super) fn probe_step(&mut self, step: Step) -> Vec<Effect> {
        if let Some(Modal::Probe { steps, .. }) = &mut self.modal {
            steps.push(step);
        }
        Vec::new()
    }

    pub(super) fn probe_done(&mut self, report: Box<Report>) -> Vec<Effect> {
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
        Vec::new()
    }
}
