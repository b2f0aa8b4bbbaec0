//! `scimctl properties add|list`

use clap::{Args, Subcommand};

use super::Ctx;
use crate::api::admin::properties;
use crate::error::CliError;
use crate::format::when;

#[derive(Debug, Subcommand)]
pub enum PropertiesCmd {
    /// Add a property (a site, e.g. a hotel)
    Add(AddArgs),
    /// List the tenant's properties
    List,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// Name, unique in the tenant (case-insensitive)
    pub name: String,
}

pub fn run(cmd: PropertiesCmd, ctx: &mut Ctx) -> Result<(), CliError> {
    let t = ctx.tenant()?;
    let backend = ctx.backend()?;
    match cmd {
        PropertiesCmd::Add(a) => {
            let p = backend.call(properties::Add {
                tenant: t.id.clone(),
                name: a.name,
            })?;
            if ctx.out.is_json() {
                ctx.out.json(&p)?;
            } else {
                ctx.out.line(&p.id)?;
                ctx.out.note(&format!(
                    "Added property \"{}\" to tenant \"{}\".",
                    p.name, t.name
                ));
            }
        }
        PropertiesCmd::List => {
            let list = backend.call(properties::List {
                tenant: t.id.clone(),
            })?;
            if ctx.out.is_json() {
                ctx.out.json(&list)?;
            } else if list.is_empty() {
                ctx.out
                    .note("No properties yet. Add one with 'scimctl properties add NAME'.");
            } else {
                let rows = list
                    .into_iter()
                    .map(|p| vec![p.name, p.id, when(p.created_at)])
                    .collect();
                ctx.out.table(&["NAME", "ID", "CREATED"], rows)?;
            }
        }
    }
    Ok(())
}
