//! `scimctl groups create|assign|list|show`

use clap::{Args, Subcommand};

use super::Ctx;
use crate::api::admin::groups;
use crate::engine::admin::groups::{GroupDetail, GroupInfo};
use crate::error::CliError;

#[derive(Debug, Subcommand)]
pub enum GroupsCmd {
    /// Create a group in the tenant
    Create(CreateArgs),
    /// Give a group properties, roles or permissions
    Assign(AssignArgs),
    /// List the tenant's groups with their assignments
    List,
    /// Show one group: assignments and members
    Show(ShowArgs),
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Group id or display name
    pub group: String,
    /// How many members to list (0 = all)
    #[arg(long, default_value_t = 100)]
    pub limit: usize,
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
    let backend = ctx.backend()?;
    let tenant = t.id.clone();
    match cmd {
        GroupsCmd::Create(a) => {
            let g = backend.call(groups::Create {
                tenant,
                name: a.name,
            })?;
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
            let g = backend.call(groups::Assign {
                tenant,
                group: a.group,
                properties: a.properties,
                roles: a.roles,
                permissions: a.permissions,
            })?;
            if ctx.out.is_json() {
                ctx.out.json(&g)?;
            } else {
                ctx.out.table(&HEADER, vec![row(g)])?;
            }
        }
        GroupsCmd::List => {
            let list = backend.call(groups::List { tenant })?;
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
        GroupsCmd::Show(a) => {
            let d = backend.call(groups::Show {
                tenant,
                group: a.group,
                limit: Some(a.limit),
            })?;
            if ctx.out.is_json() {
                ctx.out.json(&d)?;
            } else {
                show(ctx, d)?;
            }
        }
    }
    Ok(())
}

fn show(ctx: &Ctx, d: GroupDetail) -> Result<(), CliError> {
    let g = &d.group;
    let list = |v: &[String]| {
        if v.is_empty() {
            "(none)".to_owned()
        } else {
            v.join(", ")
        }
    };
    let mut rows = vec![
        ("name", g.display_name.clone()),
        ("id", g.id.clone()),
        (
            "externalId",
            g.external_id.clone().unwrap_or_else(|| "(none)".into()),
        ),
        ("members", g.member_count.to_string()),
        ("properties", list(&g.properties)),
        ("roles", list(&g.roles)),
        ("permissions", list(&g.permissions)),
    ];
    if !g.other.is_empty() {
        rows.push(("other", g.other.join(", ")));
    }
    ctx.out.fields(rows)?;
    if g.properties.is_empty() {
        ctx.out.note(&format!(
            "This group has no property, so membership in it sends no sign-up email: 'scimctl groups assign \"{}\" --property NAME'.",
            g.display_name
        ));
    }
    if d.members.is_empty() {
        return Ok(());
    }
    ctx.out.line("")?;
    let shown = d.members.len() as u64;
    ctx.out.table(
        &["MEMBER", "KIND", "MANAGED BY", "ACTIVE"],
        d.members
            .into_iter()
            .map(|m| {
                vec![
                    m.email,
                    m.kind.as_str().into(),
                    m.managed_by.as_str().into(),
                    if m.active { "yes" } else { "no" }.into(),
                ]
            })
            .collect(),
    )?;
    if shown < g.member_count {
        ctx.out.note(&format!(
            "{shown} of {} members shown; --limit 0 shows all.",
            g.member_count
        ));
    }
    Ok(())
}
