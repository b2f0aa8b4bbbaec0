//! `scimctl mapping show|check FILE`: the attributes the product takes from
//! an identity provider, and a check of a mapping exported from Entra.
//! Neither needs a store: this is product knowledge (`engine::mapping`).

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use serde::Serialize;

use super::Ctx;
use crate::engine::EngineError;
use crate::engine::mapping::{self, CheckReport, Finding, MappingRow, Severity};
use crate::error::CliError;

#[derive(Debug, Subcommand)]
pub enum MappingCmd {
    /// The attributes the product supports, and what to map them from in Entra
    Show,
    /// Check a mapping exported from Entra: what to remove, what is missing
    Check(CheckArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Entra's schema JSON (Provisioning > Mappings > Show advanced options >
    /// Review your schema here > Download), or a list of SCIM attribute
    /// names, one a line
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

/// Where to get the file Entra can export.
const EXPORT_HOW: &str = "Entra's provisioning schema (enterprise app > Provisioning > Mappings > Show advanced options > Review your schema here > Download) or a list of SCIM attribute names, one a line";

/// The stable JSON shape of `mapping check`.
#[derive(Debug, Serialize)]
struct CheckOutput<'a> {
    file: String,
    passed: bool,
    #[serde(flatten)]
    report: &'a CheckReport,
}

pub fn run(cmd: MappingCmd, ctx: &mut Ctx) -> Result<(), CliError> {
    match cmd {
        MappingCmd::Show => show(ctx),
        MappingCmd::Check(a) => check(&a.file, ctx),
    }
}

fn need(r: &MappingRow) -> String {
    if r.required {
        "yes".into()
    } else if r.recommended {
        "recommended".into()
    } else {
        "no".into()
    }
}

fn show(ctx: &mut Ctx) -> Result<(), CliError> {
    let rows = mapping::supported();
    if ctx.out.is_json() {
        ctx.out.json(&rows)?;
        return Ok(());
    }
    let table = rows
        .iter()
        .map(|r| {
            vec![
                r.object.to_owned(),
                r.scim_attribute.clone(),
                r.product_field.to_owned(),
                need(r),
                r.entra_source.to_owned(),
                r.notes.to_owned(),
            ]
        })
        .collect();
    ctx.out.table(
        &[
            "OBJECT",
            "SCIM ATTRIBUTE",
            "PRODUCT FIELD",
            "REQUIRED",
            "ENTRA SOURCE",
            "NOTES",
        ],
        table,
    )?;
    ctx.out.note(
        "Map mailNickname to externalId: without it, users that already exist in the product with identical data are never transferred to the identity provider.",
    );
    ctx.out.note(
        "Every other attribute is accepted and ignored: delete its mapping in Entra. 'scimctl mapping check FILE' lists them from Entra's exported schema.",
    );
    Ok(())
}

fn read_input(path: &Path) -> Result<mapping::MappingInput, CliError> {
    let shown = path.display();
    let bytes = std::fs::read(path).map_err(|e| {
        CliError::Usage(format!(
            "cannot read {shown}: {e}; give the path of {EXPORT_HOW}"
        ))
    })?;
    let invalid = |reason: String| {
        CliError::Engine(EngineError::InvalidValue {
            field: "mapping file",
            reason: format!("{shown}: {reason}; expected {EXPORT_HOW}"),
        })
    };
    let text = String::from_utf8(bytes).map_err(|_| invalid("it is not UTF-8 text".into()))?;
    mapping::parse_input(&text).map_err(|e| invalid(e.to_string()))
}

/// The few words an error is summed up by on the stderr line.
fn error_label(code: &str) -> &str {
    match code {
        "required_missing" => "required mapping missing",
        "username_not_email" => "username not email",
        "matching_not_username" => "matching not username",
        "no_matching" => "no matching attribute",
        "user_mapping_missing" => "no User mapping",
        "user_mapping_disabled" => "User mapping disabled",
        other => other,
    }
}

fn heading(s: Severity, n: usize) -> String {
    let name = match s {
        Severity::Error => "ERRORS",
        Severity::Warning => "WARNINGS",
        Severity::Info => "INFO",
    };
    format!("{name} ({n})")
}

fn print_finding(ctx: &Ctx, f: &Finding) -> Result<(), CliError> {
    let what = if f.attribute.is_empty() {
        format!("{} mapping", f.object)
    } else {
        format!("{} {}", f.object, f.attribute)
    };
    let line = match &f.source {
        Some(s) => format!("  {what}  (from {s})"),
        None => format!("  {what}"),
    };
    ctx.out.line(&line)?;
    ctx.out.line(&format!("    {}", f.message))?;
    ctx.out.line(&format!("    Fix: {}", f.fix))?;
    Ok(())
}

fn check(path: &Path, ctx: &mut Ctx) -> Result<(), CliError> {
    let input = read_input(path)?;
    let report = mapping::check(&input);
    if ctx.out.is_json() {
        ctx.out.json(&CheckOutput {
            file: path.display().to_string(),
            passed: report.passed(),
            report: &report,
        })?;
    } else {
        let mut first = true;
        for sev in [Severity::Error, Severity::Warning, Severity::Info] {
            let list: Vec<&Finding> = report
                .findings
                .iter()
                .filter(|f| f.severity == sev)
                .collect();
            if list.is_empty() {
                continue;
            }
            if !first {
                ctx.out.line("")?;
            }
            first = false;
            ctx.out.line(&heading(sev, list.len()))?;
            for f in list {
                print_finding(ctx, f)?;
            }
        }
    }
    if !report.passed() {
        let mut firsts: Vec<String> = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| match f.attribute.as_str() {
                "" => error_label(f.code).to_owned(),
                a => format!("{}: {a}", error_label(f.code)),
            })
            .collect();
        firsts.dedup();
        let n = report.errors;
        return Err(CliError::CheckFailed {
            what: format!(
                "the mapping in {} has {n} error{} ({})",
                path.display(),
                if n == 1 { "" } else { "s" },
                firsts.join(", ")
            ),
            hint: Some(
                "fix them in the Entra portal as the report says, then download the schema again and rerun 'scimctl mapping check'".into(),
            ),
        });
    }
    if !ctx.out.is_json() {
        let what = match report.user_mapping.as_deref() {
            Some(m) => format!("\"{m}\""),
            None => "the attribute list".into(),
        };
        if report.warnings == 0 {
            ctx.out.note(&format!(
                "The mapping is clean: {what} maps exactly what the product supports."
            ));
        } else {
            ctx.out.note(&format!(
                "No errors in {what}: {} warning{} to look at.",
                report.warnings,
                if report.warnings == 1 { "" } else { "s" }
            ));
        }
    }
    Ok(())
}
