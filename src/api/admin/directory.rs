//! `directory move`: an operator's support operation over two tenants.

use serde::{Deserialize, Serialize};

use super::{Command, Ctx, Route, routes};
use crate::engine::EngineError;
use crate::engine::admin::directory::{DEFAULT_BATCH, MoveReport};

/// Hands tenant `from`'s IdP-managed members to tenant `to` (ids or
/// names); with `dry_run`, only says what it would do.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Move {
    pub from: String,
    pub to: String,
    #[serde(default)]
    pub dry_run: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch: Option<u32>,
}

impl Command for Move {
    const ROUTE: Route = routes::DIRECTORY_MOVE;
    const OPERATOR: bool = true;
    type Output = MoveReport;

    fn path_args(&self) -> Vec<&str> {
        Vec::new()
    }

    fn run(self, ctx: &Ctx<'_>) -> Result<MoveReport, EngineError> {
        ctx.operator()?;
        let from = ctx.tenant(&self.from)?;
        let to = ctx.tenant(&self.to)?;
        ctx.engine.directory_move(
            &from,
            &to,
            self.dry_run,
            self.batch.unwrap_or(DEFAULT_BATCH),
            &mut |_, _| {},
        )
    }
}
