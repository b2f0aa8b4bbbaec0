//! `scimctl users add|list|show` — `add` stands in for the product's own
//! admin screens, so that pre-SCIM users exist; `list` and `show` are the
//! support tools' view of the tenant's members.

use clap::{Args, Subcommand, ValueEnum};

use super::Ctx;
use crate::api::admin::users;
use crate::engine::admin::members::{MAX_PAGE, MemberPage, MemberQuery, MemberRow, UserFacts};
use crate::engine::model::ManagedBy;
use crate::error::CliError;
use crate::format::when;

#[derive(Debug, Subcommand)]
pub enum UsersCmd {
    /// Add a member as the product's admins would (tenant-managed)
    Add(AddArgs),
    /// List the tenant's members in email order, a page at a time
    List(ListArgs),
    /// Show one member: owner, kind, groups, properties, invitation
    Show(ShowArgs),
}

/// Who owns a member inside the tenant.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Owner {
    /// Provisioned by the tenant's identity provider
    Idp,
    /// Created by the tenant's admins; the first SCIM write transfers it
    Tenant,
    /// Also has accounts outside the tenant; never managed by SCIM
    #[value(name = "self")]
    SelfManaged,
}

impl From<Owner> for ManagedBy {
    fn from(o: Owner) -> ManagedBy {
        match o {
            Owner::Idp => ManagedBy::Idp,
            Owner::Tenant => ManagedBy::Tenant,
            Owner::SelfManaged => ManagedBy::SelfManaged,
        }
    }
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only members with this owner
    #[arg(long, value_enum, value_name = "OWNER")]
    pub managed_by: Option<Owner>,
    /// Only property users still waiting for the IdP's first write
    #[arg(long)]
    pub pending_transfer: bool,
    /// Only disabled members (active=false)
    #[arg(long)]
    pub inactive: bool,
    /// Only members whose email or name contains TEXT (any letter case)
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Members per page
    #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u64).range(1..=MAX_PAGE))]
    pub limit: u64,
    /// Start after this email (the previous page's last; printed as the next-page hint)
    #[arg(long, value_name = "EMAIL")]
    pub after: Option<String>,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The member's email address
    pub email: String,
}

const LIST_HEADER: [&str; 7] = [
    "EMAIL",
    "NAME",
    "KIND",
    "MANAGED BY",
    "ACTIVE",
    "GROUPS",
    "INVITATION",
];

fn list_row(m: MemberRow) -> Vec<String> {
    vec![
        m.email,
        m.name,
        m.kind.as_str().into(),
        m.managed_by.as_str().into(),
        if m.active { "yes" } else { "no" }.into(),
        m.groups.join(", "),
        m.invitation.describe(),
    ]
}

fn print_page(ctx: &Ctx, a: &ListArgs, page: MemberPage) -> Result<(), CliError> {
    if ctx.out.is_json() {
        ctx.out.json(&page)?;
        return Ok(());
    }
    if page.members.is_empty() {
        ctx.out.note(if page.total == 0 && a.after.is_none() {
            "No members match."
        } else {
            "No more members."
        });
        return Ok(());
    }
    let shown = page.members.len();
    ctx.out.table(
        &LIST_HEADER,
        page.members.into_iter().map(list_row).collect(),
    )?;
    match &page.next {
        Some(next) => ctx.out.note(&format!(
            "{shown} of {} member(s) shown. Next page: scimctl users list --after {next}{}",
            page.total,
            if a.limit == 50 {
                String::new()
            } else {
                format!(" --limit {}", a.limit)
            }
        )),
        None if a.after.is_none() => ctx.out.note(&format!("{} member(s).", page.total)),
        None => ctx
            .out
            .note(&format!("Last page ({} member(s) in all).", page.total)),
    }
    Ok(())
}

/// One member's facts as two columns (shared with `diagnose user`).
pub(super) fn facts_rows(f: &UserFacts) -> Vec<(&'static str, String)> {
    let mut rows = vec![("email", f.email.clone())];
    rows.push((
        "account",
        if !f.account_exists {
            "none with this email".into()
        } else if f.other_tenants == 0 {
            "exists; linked to this tenant only".into()
        } else {
            format!("exists; also linked to {} other tenant(s)", f.other_tenants)
        },
    ));
    rows.push((
        "scim",
        if f.scim_enabled {
            "enabled"
        } else {
            "disabled"
        }
        .into(),
    ));
    let Some(m) = &f.member else {
        rows.push(("member", "no: not a member of this tenant".into()));
        return rows;
    };
    rows.push(("name", m.name.clone()));
    rows.push(("id", m.id.clone()));
    rows.push(("kind", m.kind.as_str().into()));
    rows.push(("managed by", m.managed_by.as_str().into()));
    rows.push((
        "active",
        if m.active {
            "yes"
        } else {
            "no (login blocked)"
        }
        .into(),
    ));
    rows.push((
        "externalId",
        m.external_id.clone().unwrap_or_else(|| "(none)".into()),
    ));
    let groups = if m.groups.is_empty() {
        "(none)".into()
    } else {
        m.groups
            .iter()
            .map(|g| {
                if g.properties.is_empty() {
                    g.display_name.clone()
                } else {
                    format!("{} [{}]", g.display_name, g.properties.join(", "))
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    rows.push(("groups", groups));
    let props = m.properties();
    rows.push((
        "properties",
        if props.is_empty() {
            "(none)".into()
        } else {
            props.join(", ")
        },
    ));
    rows.push(("invitation", m.invitation.describe()));
    if let crate::engine::admin::members::InvitationState::Failed { fix, .. } = &m.invitation {
        rows.push(("  fix", fix.clone()));
    }
    rows.push(("created", when(m.created_at)));
    rows.push(("updated", when(m.updated_at)));
    rows
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// Email address: the account's unique login
    pub email: String,
    #[arg(long, value_name = "G")]
    pub given_name: String,
    #[arg(long, value_name = "F")]
    pub family_name: String,
    /// A portfolio-level (central) user, which SCIM never manages
    #[arg(long)]
    pub central: bool,
}

pub fn run(cmd: UsersCmd, ctx: &mut Ctx) -> Result<(), CliError> {
    let t = ctx.tenant()?;
    let backend = ctx.backend()?;
    match cmd {
        UsersCmd::Add(a) => {
            let added = backend.call(users::Add {
                tenant: t.id.clone(),
                email: a.email,
                given_name: a.given_name,
                family_name: a.family_name,
                central: a.central,
            })?;
            if ctx.out.is_json() {
                ctx.out.json(&added)?;
            } else {
                ctx.out.line(&added.id)?;
                let how = if added.linked_existing {
                    format!(
                        "linked the existing account (also in {} other tenant(s)); it is now self-managed and SCIM cannot manage it",
                        added.other_tenants
                    )
                } else {
                    "new account, tenant-managed until the identity provider's first write transfers it".into()
                };
                ctx.out.note(&format!(
                    "Added {} to tenant \"{}\" as a {} user: {how}.",
                    added.email,
                    t.name,
                    added.kind.as_str()
                ));
            }
        }
        UsersCmd::List(a) => {
            let q = MemberQuery {
                managed_by: a.managed_by.map(Into::into),
                pending_transfer: a.pending_transfer,
                inactive: a.inactive,
                search: a.search.clone(),
                after: a.after.clone(),
                limit: a.limit,
            };
            let page = backend.call(users::List::new(&t.id, &q))?;
            print_page(ctx, &a, page)?;
        }
        UsersCmd::Show(a) => {
            let facts = backend.call(users::Show {
                tenant: t.id.clone(),
                email: a.email,
            })?;
            if ctx.out.is_json() {
                ctx.out.json(&facts)?;
            } else {
                ctx.out.fields(facts_rows(&facts))?;
            }
        }
    }
    Ok(())
}
