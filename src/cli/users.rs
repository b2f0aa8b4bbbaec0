//! `scimctl users add` — standing in for the product's own admin screens, so
//! that pre-SCIM users exist. (`list` and `show` arrive with the support tools.)

use clap::{Args, Subcommand};

use super::Ctx;
use crate::engine::users::NewMember;
use crate::error::CliError;

#[derive(Debug, Subcommand)]
pub enum UsersCmd {
    /// Add a member as the product's admins would (tenant-managed)
    Add(AddArgs),
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
    let engine = ctx.engine()?.clone();
    match cmd {
        UsersCmd::Add(a) => {
            let added = engine.add_member(
                &t,
                &NewMember {
                    email: &a.email,
                    given_name: &a.given_name,
                    family_name: &a.family_name,
                    central: a.central,
                },
            )?;
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
    }
    Ok(())
}
