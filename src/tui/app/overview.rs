//! The Overview tab's state: the tenant as `tenant show` and
//! `diagnose tenant` see it, when it was last asked for, and the facts the
//! rest of the dashboard reads from it (is SCIM on, is there a token).

use crate::engine::diagnose::TenantDiagnosis;
use crate::engine::tenants::TenantDetail;

use super::{App, Effect, Failure};

/// Ticks between reloads of the Overview (a tick is `TICK` long).
pub const OVERVIEW_EVERY: u64 = 10;

/// The Overview: the tenant as `tenant show` and `diagnose tenant` see it.
#[derive(Debug, Clone)]
pub struct Overview {
    pub detail: TenantDetail,
    pub diagnosis: TenantDiagnosis,
}

#[derive(Debug, Default)]
pub struct OverviewState {
    /// None until the first read comes back.
    pub data: Option<Overview>,
    /// A read is under way (one at a time).
    pub loading: bool,
}

impl OverviewState {
    pub fn scim_enabled(&self) -> Option<bool> {
        self.data.as_ref().map(|o| o.detail.tenant.scim_enabled)
    }

    pub(super) fn has_token(&self) -> Option<bool> {
        self.data
            .as_ref()
            .map(|o| o.diagnosis.token.token.is_some())
    }

    /// The reload every `OVERVIEW_EVERY` ticks, unless one is under way.
    pub(super) fn due(&mut self, ticks: u64) -> Option<Effect> {
        if ticks.is_multiple_of(OVERVIEW_EVERY) && !self.loading {
            self.loading = true;
            return Some(Effect::LoadOverview);
        }
        None
    }

    /// Shows a switch at once, before the reload that confirms it.
    pub(super) fn scim_switched(&mut self, enabled: bool) {
        if let Some(o) = &mut self.data {
            o.detail.tenant.scim_enabled = enabled;
            o.diagnosis.scim_enabled = enabled;
        }
    }
}

impl App {
    pub(super) fn overview_loaded(&mut self, r: Result<Box<Overview>, Failure>) -> Vec<Effect> {
        self.overview.loading = false;
        match r {
            Ok(o) => self.overview.data = Some(*o),
            Err(e) => self.failed(e),
        }
        Vec::new()
    }
}
