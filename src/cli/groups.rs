//! `scimctl groups create|assign|list`

use clap::{Args, Subcommand};

use super::Ctx;
use crate::engine::groups::{AssignRequest, GroupInfo};
use crate::error::CliError;

#[derive(Debug, Subcommand)]
pub enum GroupsCmd {
    /// Create a group in the tenant
    Create(CreateArgs),
    /// Give a group properties, roles or permissions
    Assign(AssignArgs),
    /// List the tenant's groups with their assignments
    List,
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Display name, unique in the tenant (case-insensitive)
    pub name: String,
}

#[derive(Debug, Args)]
pub struct AssignArgs {
    /// Group id or display name
    pub group: String,
    /// A property (by name); repeat for several
    #[arg(long = "property", value_name = "P")]
    pub properties: Vec<String>,
    /// A role; repeat for several
    #[arg(long = "role", value_name = "R")]
    pub roles: Vec<String>,
    /// A permission; repeat for several
    #[arg(long = "permission", value_name = "X")]
    pub permissions: Vec<String>,
}

fn row(g: GroupInfo) -> Vec<String> {
    let mut assigned = Vec::new();
    if !g.properties.is_empty() {
        assigned.push(format!("properties: {}", g.properties.join(", ")));
    }
    if !g.roles.is_empty() {
        assigned.push(format!("roles: {}", g.roles.join(", ")));
    }
    if !g.permissions.is_empty() {
        assigned.push(format!("permissions: {}", g.permissions.join(", ")));
    }
    assigned.extend(g.other);
    vec![
        g.display_name,
        g.member_count.to_string(),
        assigned.join("; "),
        g.id,
    ]
}

const HEADER: [&str; 4] = ["NAME", "MEMBERS", "ASSIGNMENTS", "ID"];

pub fn run(cmd: GroupsCmd, ctx: &mut Ctx) -> Result<(), CliError> {
    let t = ctx.tenant()?;
    let engine = ctx.engine()?.clone();
    match cmd {
        GroupsCmd::Create(a) => {
            let g = engine.create_group(&t, &a.name)?;
            if ctx.out.is_json() {
                ctx.out.json(&g)?;
            } else {
                ctx.out.line(&g.id)?;
                ctx.out.note(&format!(
                    "Created group \"{}\". Members get a sign-up email once the group has a property: 'scimctl groups assign \"{}\" --property NAME'.",
                    g.display_name, g.display_name
                ));
            }
        }
        GroupsCmd::Assign(a) => {
            let g = engine.assign_group(
                &t,
                &a.group,
                &AssignRequest {
                    properties: a.properties,
                    roles: a.roles,
                    permissions: a.permissions,
                },
            )?;
            if ctx.out.is_json() {
                ctx.out.json(&g)?;
            } else {
                ctx.out.table(&HEADER, vec![row(g)])?;
            }
        }
        GroupsCmd::List => {
            let list = engine.groups(&t)?;
            if ctx.out.is_json() {
                ctx.out.json(&list)?;
            } else if list.is_empty() {
                ctx.out
                    .note("No groups yet. Create one with 'scimctl groups create NAME'.");
            } else {
                ctx.out
                    .table(&HEADER, list.into_iter().map(row).collect())?;
            }
        }
    }
    Ok(())
}
