//! `scimctl tenant create|list|show|delete`

use clap::{Args, Subcommand};

use super::Ctx;
use crate::api::admin::tenant;
use crate::engine::model::Policy;
use crate::engine::tenants::TenantInfo;
use crate::error::CliError;
use crate::format::{when, yes_no};

#[derive(Debug, Subcommand)]
pub enum TenantCmd {
    /// Create a tenant; prints its id
    Create(CreateArgs),
    /// List all tenants
    List,
    /// Show one tenant (default: --tenant, or the only one)
    Show(ShowArgs),
    /// Delete a tenant with its members, groups and tokens
    Delete(DeleteArgs),
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum PolicyArg {
    /// The vendor's rules: email userName, five supported attributes
    Product,
    /// RFC 7643 in full, userNames private to the tenant
    Standard,
}

impl From<PolicyArg> for Policy {
    fn from(p: PolicyArg) -> Policy {
        match p {
            PolicyArg::Product => Policy::Product,
            PolicyArg::Standard => Policy::Standard,
        }
    }
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Display name, unique (case-insensitive)
    pub name: String,
    /// Id to use in the tenant URL (a-z, 0-9, '-', '_'; default: a random UUID)
    #[arg(long)]
    pub id: Option<String>,
    /// Attribute policy of the tenant's SCIM endpoint
    #[arg(long, value_enum, default_value = "product")]
    pub policy: PolicyArg,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Tenant id or name
    #[arg(value_name = "TENANT")]
    pub tenant: Option<String>,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// Tenant id or name
    #[arg(value_name = "TENANT")]
    pub tenant: String,
    /// Confirm the deletion (required: it cannot be undone)
    #[arg(long)]
    pub yes: bool,
}

pub fn run(cmd: TenantCmd, ctx: &mut Ctx) -> Result<(), CliError> {
    let backend = ctx.backend()?;
    match cmd {
        TenantCmd::Create(a) => {
            let t = backend.call(tenant::Create {
                name: a.name,
                id: a.id,
                policy: a.policy.into(),
            })?;
            if ctx.out.is_json() {
                ctx.out.json(&t)?;
            } else {
                ctx.out.line(&t.id)?;
                ctx.out.note(&format!(
                    "Created tenant \"{}\". Next: 'scimctl scim enable --tenant {}', then 'scimctl token generate'.",
                    t.name, t.id
                ));
            }
        }
        TenantCmd::List => {
            let list: Vec<TenantInfo> = backend.call(tenant::List {})?;
            if ctx.out.is_json() {
                ctx.out.json(&list)?;
            } else if list.is_empty() {
                ctx.out
                    .note("No tenants yet. Create one with 'scimctl tenant create NAME'.");
            } else {
                let rows = list
                    .into_iter()
                    .map(|t| {
                        vec![
                            t.id,
                            t.name,
                            t.policy.as_str().into(),
                            if t.scim_enabled {
                                "enabled"
                            } else {
                                "disabled"
                            }
                            .into(),
                            t.tenant_url,
                        ]
                    })
                    .collect();
                ctx.out
                    .table(&["ID", "NAME", "POLICY", "SCIM", "TENANT URL"], rows)?;
            }
        }
        TenantCmd::Show(a) => {
            let key = a.tenant.or_else(|| ctx.config.tenant.value.clone());
            let t = backend.resolve_tenant(key.as_deref())?;
            let d = backend.call(tenant::Show { tenant: t.id })?;
            if ctx.out.is_json() {
                ctx.out.json(&d)?;
            } else {
                ctx.out.fields(vec![
                    ("id", d.tenant.id),
                    ("name", d.tenant.name),
                    ("policy", d.tenant.policy.as_str().into()),
                    ("scim enabled", yes_no(d.tenant.scim_enabled)),
                    ("tenant url", d.tenant.tenant_url),
                    ("token", yes_no(d.has_token)),
                    (
                        "members",
                        format!(
                            "{} (idp {}, tenant {}, self {})",
                            d.members.total,
                            d.members.idp,
                            d.members.tenant,
                            d.members.self_managed
                        ),
                    ),
                    ("groups", d.groups.to_string()),
                    ("properties", d.properties.to_string()),
                    ("created", when(d.tenant.created_at)),
                ])?;
            }
        }
        TenantCmd::Delete(a) => {
            let t = backend.resolve_tenant(Some(&a.tenant))?;
            if !a.yes {
                return Err(CliError::Usage(format!(
                    "deleting tenant \"{}\" removes its members, groups and tokens and cannot be undone; add --yes to confirm",
                    t.name
                )));
            }
            let deleted = backend.call(tenant::Delete {
                tenant: t.id.clone(),
            })?;
            if ctx.out.is_json() {
                ctx.out.json(&deleted)?;
            } else {
                ctx.out
                    .note(&format!("Deleted tenant \"{}\" ({}).", t.name, t.id));
            }
        }
    }
    Ok(())
}
