//! Attribute mapping: which attributes the product takes from an identity
//! provider, and a check of a mapping exported from Microsoft Entra ID.
//!
//! What is supported and what is required is read from the `product`
//! policy's resource schemas (`scim::schema`), the very definitions the
//! endpoint normalises and validates writes with, so `mapping show` and
//! `mapping check` cannot disagree with what `serve` enforces. Only what the
//! schema cannot say (the product's field names, Entra's source attributes,
//! why a mapping matters) is written down here.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::model::Policy;
use super::scim::schema::{
    AttrDef, AttrPath, AttrType, COMMON_ATTRS, Mutability, ResourceKind, ResourceSchema,
};

/// Entra's expression that turns its soft-delete flag into SCIM `active`
/// (the default mapping of a non-gallery SCIM app).
pub const ENTRA_ACTIVE_EXPRESSION: &str =
    r#"Switch([IsSoftDeleted], , "False", "True", "True", "False")"#;

/// What the schema cannot say about a supported attribute.
struct Annotation {
    scim: &'static str,
    product_field: &'static str,
    entra_source: &'static str,
    /// Not required by the endpoint, but a mapping without it goes wrong.
    recommended: bool,
    notes: &'static str,
}

/// In the order `mapping show` lists them. A unit test keeps this list and
/// the schema's writable attributes equal.
const USER_ANNOTATIONS: &[Annotation] = &[
    Annotation {
        scim: "userName",
        product_field: "Email",
        entra_source: "userPrincipalName",
        recommended: false,
        notes: "The user's email: unique, and immutable except for letter case. Match users on it (matching precedence 1).",
    },
    Annotation {
        scim: "name.givenName",
        product_field: "FirstName",
        entra_source: "givenName",
        recommended: false,
        notes: "Any text.",
    },
    Annotation {
        scim: "name.familyName",
        product_field: "LastName",
        entra_source: "surname",
        recommended: false,
        notes: "Any text.",
    },
    Annotation {
        scim: "active",
        product_field: "Status",
        entra_source: ENTRA_ACTIVE_EXPRESSION,
        recommended: true,
        notes: "false disables the user in this tenant (login blocked, the account and its links kept); true restores it. Without this mapping users disabled or unassigned in Entra stay active.",
    },
    Annotation {
        scim: "externalId",
        product_field: "ExternalId",
        entra_source: "mailNickname",
        recommended: true,
        notes: "Recommended: makes the first sync write to users that already exist in the product, which transfers them to the identity provider (otherwise identical data is skipped and the transfer never happens).",
    },
];

const GROUP_ANNOTATIONS: &[Annotation] = &[
    Annotation {
        scim: "displayName",
        product_field: "Name",
        entra_source: "displayName",
        recommended: false,
        notes: "Unique in the tenant; Entra matches groups on it.",
    },
    Annotation {
        scim: "members",
        product_field: "Members",
        entra_source: "members",
        recommended: false,
        notes: "Properties, roles and permissions are assigned to the group in the product.",
    },
    Annotation {
        scim: "externalId",
        product_field: "ExternalId",
        entra_source: "objectId",
        recommended: false,
        notes: "Entra's default; kept as sent.",
    },
];

/// One row of `mapping show`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MappingRow {
    /// `User` or `Group`.
    pub object: &'static str,
    /// The SCIM attribute (Entra's "target attribute").
    pub scim_attribute: String,
    pub product_field: &'static str,
    /// A write without it is refused.
    pub required: bool,
    pub recommended: bool,
    /// The Entra source attribute or expression to map from.
    pub entra_source: &'static str,
    pub notes: &'static str,
}

/// A writable leaf attribute of a resource schema, and whether a write must
/// carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Leaf {
    path: String,
    required: bool,
}

/// Whether a mapping can write the attribute: not readOnly, and not one
/// made from another on output (the product's `emails`, from userName).
fn writable(a: &AttrDef) -> bool {
    a.mutability != Mutability::ReadOnly && a.derived_from.is_none()
}

/// The attributes a write under the product policy stores: the core schema
/// and the common attributes, with single-valued complex attributes
/// (`name`) opened into their sub-attributes.
fn leaves(schema: &ResourceSchema) -> Vec<Leaf> {
    let mut out = Vec::new();
    for a in schema
        .core
        .attributes
        .iter()
        .chain(COMMON_ATTRS)
        .filter(|a| writable(a))
    {
        if a.ty == AttrType::Complex && !a.multi {
            for s in a.sub.iter().filter(|s| writable(s)) {
                out.push(Leaf {
                    path: format!("{}.{}", a.name, s.name),
                    required: a.required && s.required,
                });
            }
        } else {
            out.push(Leaf {
                path: a.name.to_owned(),
                required: a.required,
            });
        }
    }
    out
}

fn product_schema(kind: ResourceKind) -> ResourceSchema {
    ResourceSchema::for_policy(kind, Policy::Product)
}

fn annotations(kind: ResourceKind) -> &'static [Annotation] {
    match kind {
        ResourceKind::User => USER_ANNOTATIONS,
        ResourceKind::Group => GROUP_ANNOTATIONS,
    }
}

/// The schema's leaves with their annotations, in the annotations' order
/// (unannotated ones last).
fn annotated(kind: ResourceKind) -> Vec<(Leaf, Option<&'static Annotation>)> {
    let notes = annotations(kind);
    let mut all: Vec<(usize, Leaf)> = leaves(&product_schema(kind))
        .into_iter()
        .map(|leaf| {
            let i = notes
                .iter()
                .position(|n| n.scim.eq_ignore_ascii_case(&leaf.path))
                .unwrap_or(notes.len());
            (i, leaf)
        })
        .collect();
    all.sort_by_key(|(i, _)| *i);
    all.into_iter()
        .map(|(i, leaf)| (leaf, notes.get(i)))
        .collect()
}

fn rows_for(kind: ResourceKind) -> Vec<MappingRow> {
    annotated(kind)
        .into_iter()
        .map(|(leaf, n)| MappingRow {
            object: kind.name(),
            required: leaf.required,
            recommended: n.is_some_and(|n| n.recommended),
            product_field: n.map_or("", |n| n.product_field),
            entra_source: n.map_or("", |n| n.entra_source),
            notes: n.map_or("", |n| n.notes),
            scim_attribute: leaf.path,
        })
        .collect()
}

/// What `mapping show` prints: the User attributes, then the Group ones.
pub fn supported() -> Vec<MappingRow> {
    let mut rows = rows_for(ResourceKind::User);
    rows.extend(rows_for(ResourceKind::Group));
    rows
}

// ---------------------------------------------------------------------------
// The input: Entra's synchronization schema, or a plain list of names.

/// Entra's `synchronizationSchema` (Microsoft Graph), as downloaded from an
/// enterprise app's Provisioning > Mappings > Show advanced options > Review
/// your schema here. Only what the check reads; everything else is ignored.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncSchema {
    pub synchronization_rules: Vec<SyncRule>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncRule {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub object_mappings: Vec<ObjectMapping>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ObjectMapping {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub enabled: Option<bool>,
    /// e.g. `"Add, Update, Delete"` (the portal's "Target Object Actions").
    #[serde(default)]
    pub flow_types: Option<String>,
    pub source_object_name: String,
    pub target_object_name: String,
    #[serde(default)]
    pub attribute_mappings: Vec<AttributeMapping>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AttributeMapping {
    #[serde(default)]
    pub source: Option<MappingSource>,
    pub target_attribute_name: String,
    /// 0: not a matching attribute; 1: matched on first.
    #[serde(default)]
    pub matching_priority: i64,
    #[serde(default)]
    pub default_value: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct MappingSource {
    #[serde(default)]
    pub expression: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    /// `Attribute`, `Function` or `Constant`.
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    #[serde(default)]
    pub parameters: Vec<SourceParameter>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SourceParameter {
    #[serde(default)]
    pub key: Option<String>,
    #[serde(default)]
    pub value: Option<MappingSource>,
}

impl MappingSource {
    /// The Entra attributes the expression reads, in order.
    pub fn attributes(&self) -> Vec<String> {
        let mut out = Vec::new();
        self.collect(&mut out);
        out
    }

    fn collect(&self, out: &mut Vec<String>) {
        if self
            .kind
            .as_deref()
            .is_some_and(|k| k.eq_ignore_ascii_case("Attribute"))
            && let Some(n) = &self.name
        {
            out.push(n.clone());
        }
        for p in &self.parameters {
            if let Some(v) = &p.value {
                v.collect(out);
            }
        }
    }

    /// As the portal shows it: the expression, else the attribute name.
    pub fn display(&self) -> String {
        self.expression
            .clone()
            .or_else(|| self.name.as_ref().map(|n| format!("[{n}]")))
            .unwrap_or_default()
    }
}

/// What `mapping check` reads.
#[derive(Debug, Clone)]
pub enum MappingInput {
    /// Entra's exported schema.
    Entra(SyncSchema),
    /// A plain list of SCIM attribute names (the User mapping's targets).
    List(Vec<String>),
}

/// Why a file is not a mapping `mapping check` can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    Empty,
    /// It looks like JSON but does not parse.
    BadJson(String),
    /// Valid JSON of another shape.
    NotASchema(String),
    /// A line of a plain list that is not an attribute name.
    BadLine {
        line: usize,
        text: String,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty => f.write_str("it is empty"),
            InputError::BadJson(e) => write!(f, "it is not valid JSON ({e})"),
            InputError::NotASchema(why) => {
                write!(
                    f,
                    "it is JSON but not an Entra synchronization schema ({why})"
                )
            }
            InputError::BadLine { line, text } => write!(
                f,
                "line {line} ({text:?}) is not a SCIM attribute name, and the file is not JSON"
            ),
        }
    }
}

/// Reads Entra's schema JSON, or else a list of SCIM attribute names, one
/// a line, `#` starting a comment.
pub fn parse_input(text: &str) -> Result<MappingInput, InputError> {
    let text = text.trim_start_matches('\u{feff}');
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(InputError::Empty);
    }
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        let v: Value =
            serde_json::from_str(trimmed).map_err(|e| InputError::BadJson(e.to_string()))?;
        return parse_schema(v).map(MappingInput::Entra);
    }
    let mut names = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if target_path(line).is_none() {
            return Err(InputError::BadLine {
                line: i + 1,
                text: line.chars().take(60).collect(),
            });
        }
        names.push(line.to_owned());
    }
    if names.is_empty() {
        return Err(InputError::Empty);
    }
    Ok(MappingInput::List(names))
}

fn parse_schema(v: Value) -> Result<SyncSchema, InputError> {
    let Value::Object(obj) = &v else {
        return Err(InputError::NotASchema(
            "the top level is not an object".into(),
        ));
    };
    if !obj.contains_key("synchronizationRules") {
        return Err(InputError::NotASchema(
            "it has no \"synchronizationRules\"".into(),
        ));
    }
    serde_json::from_value(v).map_err(|e| InputError::NotASchema(e.to_string()))
}

/// Entra's target attribute name as a path the schema resolves:
/// `emails[type eq "work"].value` → `emails.value` (the value filter only
/// picks an element), `urn:…:enterprise:2.0:User:department` as it is.
pub fn target_path(name: &str) -> Option<AttrPath> {
    let name = name.trim();
    let flat = match (name.find('['), name.rfind(']')) {
        (Some(open), Some(close)) if open < close => {
            format!("{}{}", &name[..open], &name[close + 1..])
        }
        (None, None) => name.to_owned(),
        _ => return None,
    };
    AttrPath::parse(&flat)
}

/// The schema's name for a supported target (`name.givenName`), or None
/// when the product policy does not store it.
fn supported_target(schema: &ResourceSchema, name: &str) -> Option<String> {
    let path = target_path(name)?;
    let r = schema.resolve(&path)?;
    if !writable(r.attr) || r.sub.is_some_and(|s| !writable(s)) {
        return None;
    }
    Some(match r.sub {
        Some(s) => format!("{}.{}", r.attr.name, s.name),
        None => r.attr.name.to_owned(),
    })
}

// ---------------------------------------------------------------------------
// The check.

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One thing `mapping check` found, with the fix in the Entra portal's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// Stable: `unsupported`, `required_missing`, `username_not_email`,
    /// `username_expression`, `matching_not_username`, `no_matching`,
    /// `externalid_missing`, `keep_externalid`, `active_missing`,
    /// `user_mapping_missing`, `user_mapping_disabled`, `actions_missing`,
    /// `group_mapping`, `list_input`.
    pub code: &'static str,
    /// `User` or `Group`.
    pub object: &'static str,
    /// The target (SCIM) attribute concerned; empty for the whole mapping.
    pub attribute: String,
    /// The Entra source of that mapping, as the portal shows it.
    pub source: Option<String>,
    pub message: String,
    pub fix: String,
}

/// The result of `mapping check`: findings, errors first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    /// `entra_schema` or `attribute_list`.
    pub input: &'static str,
    /// The User object mapping's name in the export, when there is one.
    pub user_mapping: Option<String>,
    pub errors: usize,
    pub warnings: usize,
    pub findings: Vec<Finding>,
}

impl CheckReport {
    pub fn passed(&self) -> bool {
        self.errors == 0
    }
}

/// Entra source attributes that hold an email address.
const EMAIL_SOURCES: &[&str] = &["userPrincipalName", "mail"];

const USER_MAPPING: &str = "Provision Microsoft Entra ID Users";
const GROUP_MAPPING: &str = "Provision Microsoft Entra ID Groups";

fn is_object(m: &ObjectMapping, kind: ResourceKind) -> bool {
    let want = kind.name();
    // A non-gallery SCIM app names its User target by the enterprise URN
    // (`urn:…:enterprise:2.0:User`) and its Group target by the core URN;
    // gallery apps use plain `User` / `Group`.
    let target = m.target_object_name.rsplit(':').next().unwrap_or("");
    m.source_object_name.eq_ignore_ascii_case(want) && target.eq_ignore_ascii_case(want)
}

/// One attribute mapping, reduced to what the checks read.
struct Mapped {
    target: String,
    /// The schema's name when the product stores it.
    supported: Option<String>,
    source: Option<MappingSource>,
    matching: i64,
}

struct Checker {
    findings: Vec<Finding>,
}

impl Checker {
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        severity: Severity,
        code: &'static str,
        object: &'static str,
        attribute: &str,
        source: Option<String>,
        message: String,
        fix: String,
    ) {
        self.findings.push(Finding {
            severity,
            code,
            object,
            attribute: attribute.to_owned(),
            source,
            message,
            fix,
        });
    }

    fn attributes(&mut self, kind: ResourceKind, mapping_name: &str, mapped: &[Mapped]) {
        let object = kind.name();
        let mut any_removal = false;
        for m in mapped.iter().filter(|m| m.supported.is_none()) {
            any_removal = true;
            self.add(
                Severity::Warning,
                "unsupported",
                object,
                &m.target,
                m.source.as_ref().map(MappingSource::display),
                format!(
                    "The product does not store {}: the endpoint accepts and ignores it, and the provisioning log lists it as ignored on every write.",
                    m.target
                ),
                format!(
                    "In {mapping_name}, delete the mapping to {} (Delete on its row), then Save.",
                    m.target
                ),
            );
        }
        let has = |scim: &str| mapped.iter().any(|m| m.supported.as_deref() == Some(scim));
        for (leaf, note) in annotated(kind).iter().filter(|(l, _)| l.required) {
            if !has(&leaf.path) {
                self.add(
                    Severity::Error,
                    "required_missing",
                    object,
                    &leaf.path,
                    None,
                    format!(
                        "Required mapping missing: the endpoint refuses every {object} created without {} (400 invalidValue).",
                        leaf.path
                    ),
                    format!(
                        "In {mapping_name}, Add New Mapping: Mapping type Direct, Source attribute {}, Target attribute {}, then Save.",
                        note.map_or("", |n| n.entra_source),
                        leaf.path
                    ),
                );
            }
        }
        if kind != ResourceKind::User {
            return;
        }
        if !has("active") {
            self.add(
                Severity::Warning,
                "active_missing",
                object,
                "active",
                None,
                "No mapping to active: users disabled, soft-deleted or unassigned in Entra stay active in the product.".into(),
                format!(
                    "In {mapping_name}, Add New Mapping: Mapping type Expression, Expression {ENTRA_ACTIVE_EXPRESSION}, Target attribute active, then Save."
                ),
            );
        }
        match mapped
            .iter()
            .find(|m| m.supported.as_deref() == Some("externalId"))
        {
            None => self.add(
                Severity::Warning,
                "externalid_missing",
                object,
                "externalId",
                None,
                "No mapping to externalId: for users that already exist in the product with the same data, Entra skips the update, so they are never transferred to the identity provider.".into(),
                format!(
                    "In {mapping_name}, Add New Mapping: Mapping type Direct, Source attribute mailNickname, Target attribute externalId, then Save."
                ),
            ),
            Some(m) if any_removal => self.add(
                Severity::Info,
                "keep_externalid",
                object,
                "externalId",
                m.source.as_ref().map(MappingSource::display),
                "Keep the externalId mapping when you delete the others: it makes the first sync transfer users that already exist in the product to the identity provider.".into(),
                "Nothing to change on this row.".into(),
            ),
            Some(_) => {}
        }
    }

    fn user_name_source(&mut self, mapping_name: &str, mapped: &[Mapped]) {
        let Some(m) = mapped
            .iter()
            .find(|m| m.supported.as_deref() == Some("userName"))
        else {
            return;
        };
        let shown = m.source.as_ref().map(MappingSource::display);
        let attrs = m
            .source
            .as_ref()
            .map(MappingSource::attributes)
            .unwrap_or_default();
        if attrs
            .iter()
            .any(|a| EMAIL_SOURCES.iter().any(|e| e.eq_ignore_ascii_case(a)))
        {
            return;
        }
        let fix = format!(
            "In {mapping_name}, edit the userName mapping: Mapping type Direct, Source attribute userPrincipalName (or mail), then Save."
        );
        let builds_email = m
            .source
            .as_ref()
            .and_then(|s| s.expression.as_deref())
            .is_some_and(|e| e.contains('@'));
        if builds_email {
            self.add(
                Severity::Warning,
                "username_expression",
                "User",
                "userName",
                shown,
                "userName is built by an expression: the endpoint refuses every user whose result is not an email address (400 invalidValue).".into(),
                fix,
            );
        } else {
            let from = if attrs.is_empty() {
                "a constant".to_owned()
            } else {
                attrs.join(", ")
            };
            self.add(
                Severity::Error,
                "username_not_email",
                "User",
                "userName",
                shown,
                format!(
                    "userName comes from {from}, which is not an email address: the product's userName is the user's email, so the endpoint refuses every user created this way (400 invalidValue)."
                ),
                fix,
            );
        }
    }

    fn matching(&mut self, mapping_name: &str, mapped: &[Mapped]) {
        let mut keys: Vec<&Mapped> = mapped.iter().filter(|m| m.matching > 0).collect();
        keys.sort_by_key(|m| m.matching);
        let fix = format!(
            "In {mapping_name}, edit the userName mapping: Match objects using this attribute Yes, Matching precedence 1; set Match objects using this attribute to No on the other mappings, then Save."
        );
        match keys.first() {
            None => self.add(
                Severity::Error,
                "no_matching",
                "User",
                "",
                None,
                "No attribute is marked for matching: Entra cannot find users that already exist in the product.".into(),
                fix,
            ),
            Some(first) if first.supported.as_deref() != Some("userName") => self.add(
                Severity::Error,
                "matching_not_username",
                "User",
                &first.target,
                first.source.as_ref().map(MappingSource::display),
                format!(
                    "Entra matches users on {} (matching precedence {}): users that already exist in the product are not found by it, so Entra creates them again and the endpoint refuses with 409 \"already exists\". The product matches on userName, the email.",
                    first.target, first.matching
                ),
                fix,
            ),
            Some(_) => {}
        }
    }

    fn object_state(&mut self, kind: ResourceKind, om: &ObjectMapping, mapping_name: &str) {
        let object = kind.name();
        if om.enabled == Some(false) {
            self.add(
                Severity::Error,
                "user_mapping_disabled",
                object,
                "",
                None,
                format!("{mapping_name} is disabled: Entra provisions no users."),
                format!("Open {mapping_name}, set Enabled to Yes, then Save."),
            );
        }
        if let Some(flow) = &om.flow_types {
            let has = |want: &str| flow.split(',').any(|f| f.trim().eq_ignore_ascii_case(want));
            let missing: Vec<&str> = [
                ("Add", "Create"),
                ("Update", "Update"),
                ("Delete", "Delete"),
            ]
            .iter()
            .filter(|(api, _)| !has(api))
            .map(|(_, portal)| *portal)
            .collect();
            if !missing.is_empty() {
                self.add(
                    Severity::Warning,
                    "actions_missing",
                    object,
                    "",
                    None,
                    format!(
                        "Target Object Actions lack {}: Entra does not send those changes to the product.",
                        missing.join(", ")
                    ),
                    format!(
                        "Open {mapping_name}, under Target Object Actions tick Create, Update and Delete, then Save."
                    ),
                );
            }
        }
    }
}

fn mapped_of(kind: ResourceKind, om: &ObjectMapping) -> Vec<Mapped> {
    let schema = product_schema(kind);
    om.attribute_mappings
        .iter()
        .map(|a| Mapped {
            target: a.target_attribute_name.clone(),
            supported: supported_target(&schema, &a.target_attribute_name),
            source: a.source.clone(),
            matching: a.matching_priority,
        })
        .collect()
}

fn finish(
    input: &'static str,
    user_mapping: Option<String>,
    mut findings: Vec<Finding>,
) -> CheckReport {
    // Stable: by severity, in the order found within one.
    findings.sort_by_key(|f| f.severity);
    let count = |s| findings.iter().filter(|f| f.severity == s).count();
    CheckReport {
        input,
        user_mapping,
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        findings,
    }
}

/// Checks a mapping against what the product policy's endpoint stores and
/// requires.
pub fn check(input: &MappingInput) -> CheckReport {
    let mut c = Checker {
        findings: Vec::new(),
    };
    match input {
        MappingInput::List(names) => {
            let schema = product_schema(ResourceKind::User);
            let mapped: Vec<Mapped> = names
                .iter()
                .map(|n| Mapped {
                    target: n.clone(),
                    supported: supported_target(&schema, n),
                    source: None,
                    matching: 0,
                })
                .collect();
            c.attributes(ResourceKind::User, USER_MAPPING, &mapped);
            c.add(
                Severity::Info,
                "list_input",
                "User",
                "",
                None,
                "A plain list has no sources and no matching precedence, so those were not checked.".into(),
                "For the full check, download the schema from Entra (Provisioning > Mappings > Show advanced options > Review your schema here > Download) and check that file.".into(),
            );
            finish("attribute_list", None, c.findings)
        }
        MappingInput::Entra(schema) => {
            let all: Vec<&ObjectMapping> = schema
                .synchronization_rules
                .iter()
                .flat_map(|r| r.object_mappings.iter())
                .collect();
            let user = all.iter().find(|m| is_object(m, ResourceKind::User));
            let user_name = user.map(|u| u.name.clone().unwrap_or_else(|| USER_MAPPING.into()));
            match user {
                None => c.add(
                    Severity::Error,
                    "user_mapping_missing",
                    "User",
                    "",
                    None,
                    "The export has no User mapping (source object User, target object User): nothing would provision users.".into(),
                    "Download the schema of the enterprise app that provisions into the product (Provisioning > Mappings > Show advanced options > Review your schema here > Download).".into(),
                ),
                Some(u) => {
                    let name = user_name.clone().unwrap_or_default();
                    let mapped = mapped_of(ResourceKind::User, u);
                    c.object_state(ResourceKind::User, u, &name);
                    c.attributes(ResourceKind::User, &name, &mapped);
                    c.user_name_source(&name, &mapped);
                    c.matching(&name, &mapped);
                }
            }
            if let Some(g) = all.iter().find(|m| is_object(m, ResourceKind::Group)) {
                let name = g.name.clone().unwrap_or_else(|| GROUP_MAPPING.into());
                let enabled = g.enabled != Some(false);
                c.add(
                    Severity::Info,
                    "group_mapping",
                    "Group",
                    "",
                    None,
                    format!(
                        "The export also has a Group mapping ({name}, {}). Users provision through the User mapping alone; {}",
                        if enabled { "enabled" } else { "disabled" },
                        if enabled {
                            "the Group mapping was checked against the product's group attributes (displayName, members, externalId)."
                        } else {
                            "a user gets the sign-up email only once in a group that has a property, so assign groups in the product."
                        }
                    ),
                    "Nothing to change for users.".into(),
                );
                if enabled {
                    c.attributes(
                        ResourceKind::Group,
                        &name,
                        &mapped_of(ResourceKind::Group, g),
                    );
                }
            }
            finish("entra_schema", user_name, c.findings)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn entra(mappings: Value) -> MappingInput {
        let doc = json!({
            "id": "scim.x",
            "version": "Date:2026-01-01",
            "synchronizationRules": [{
                "name": "USER_OUTBOUND_USER",
                "sourceDirectoryName": "Microsoft Entra ID",
                "targetDirectoryName": "customappsso",
                "objectMappings": [{
                    "enabled": true,
                    "flowTypes": "Add, Update, Delete",
                    "name": "Provision Microsoft Entra ID Users",
                    "sourceObjectName": "User",
                    "targetObjectName": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                    "attributeMappings": mappings
                }]
            }]
        });
        parse_input(&doc.to_string()).unwrap()
    }

    fn attr(source: &str, target: &str, matching: i64) -> Value {
        json!({
            "defaultValue": null,
            "flowBehavior": "FlowWhenChanged",
            "flowType": "Always",
            "matchingPriority": matching,
            "targetAttributeName": target,
            "source": {"expression": format!("[{source}]"), "name": source, "type": "Attribute", "parameters": []}
        })
    }

    fn codes(r: &CheckReport) -> Vec<(&'static str, String)> {
        r.findings
            .iter()
            .map(|f| (f.code, f.attribute.clone()))
            .collect()
    }

    fn good() -> Vec<Value> {
        vec![
            attr("userPrincipalName", "userName", 1),
            json!({
                "matchingPriority": 0,
                "targetAttributeName": "active",
                "source": {
                    "expression": ENTRA_ACTIVE_EXPRESSION,
                    "name": "Switch",
                    "type": "Function",
                    "parameters": [{"key": "source", "value": {"expression": "[IsSoftDeleted]", "name": "IsSoftDeleted", "type": "Attribute", "parameters": []}}]
                }
            }),
            attr("givenName", "name.givenName", 0),
            attr("surname", "name.familyName", 0),
            attr("mailNickname", "externalId", 0),
        ]
    }

    #[test]
    fn show_lists_exactly_what_the_product_schema_stores() {
        let user = leaves(&product_schema(ResourceKind::User));
        let mut from_schema: Vec<&str> = user.iter().map(|l| l.path.as_str()).collect();
        let mut annotated: Vec<&str> = USER_ANNOTATIONS.iter().map(|a| a.scim).collect();
        from_schema.sort_unstable();
        annotated.sort_unstable();
        assert_eq!(from_schema, annotated);
        let group = leaves(&product_schema(ResourceKind::Group));
        let mut from_schema: Vec<&str> = group.iter().map(|l| l.path.as_str()).collect();
        let mut annotated: Vec<&str> = GROUP_ANNOTATIONS.iter().map(|a| a.scim).collect();
        from_schema.sort_unstable();
        annotated.sort_unstable();
        assert_eq!(from_schema, annotated);

        let rows = supported();
        let users: Vec<(&str, bool, bool)> = rows
            .iter()
            .filter(|r| r.object == "User")
            .map(|r| (r.scim_attribute.as_str(), r.required, r.recommended))
            .collect();
        assert_eq!(
            users,
            [
                ("userName", true, false),
                ("name.givenName", true, false),
                ("name.familyName", true, false),
                ("active", false, true),
                ("externalId", false, true),
            ]
        );
        let ext = rows
            .iter()
            .find(|r| r.scim_attribute == "externalId")
            .unwrap();
        assert_eq!(ext.entra_source, "mailNickname");
        assert!(rows.iter().all(|r| !r.product_field.is_empty()));
    }

    #[test]
    fn entra_target_names_resolve_like_the_endpoint() {
        let s = product_schema(ResourceKind::User);
        assert_eq!(
            supported_target(&s, "name.givenName").as_deref(),
            Some("name.givenName")
        );
        assert_eq!(
            supported_target(&s, "USERNAME").as_deref(),
            Some("userName")
        );
        assert_eq!(
            supported_target(&s, "urn:ietf:params:scim:schemas:core:2.0:User:userName").as_deref(),
            Some("userName")
        );
        for unsupported in [
            r#"emails[type eq "work"].value"#,
            r#"phoneNumbers[type eq "mobile"].value"#,
            "name.formatted",
            "displayName",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
            "id",
            "meta",
        ] {
            assert_eq!(supported_target(&s, unsupported), None, "{unsupported}");
        }
        assert!(target_path(r#"addresses[type eq "work"].formatted"#).is_some());
        assert!(target_path("emails[type eq").is_none());
    }

    #[test]
    fn the_articles_final_mapping_is_clean() {
        let r = check(&entra(Value::Array(good())));
        assert!(r.findings.is_empty(), "{:?}", r.findings);
        assert!(r.passed());
        assert_eq!(
            r.user_mapping.as_deref(),
            Some("Provision Microsoft Entra ID Users")
        );
    }

    #[test]
    fn each_rule_fires_alone() {
        // givenName missing: an error.
        let mut m = good();
        m.remove(2);
        let r = check(&entra(Value::Array(m)));
        assert_eq!(codes(&r), [("required_missing", "name.givenName".into())]);
        assert!(!r.passed());

        // userName from mailNickname: an error; its source is shown.
        let mut m = good();
        m[0] = attr("mailNickname", "userName", 1);
        let r = check(&entra(Value::Array(m)));
        assert_eq!(codes(&r), [("username_not_email", "userName".into())]);
        assert_eq!(r.findings[0].source.as_deref(), Some("[mailNickname]"));

        // ToLower([userPrincipalName]) is still the UPN.
        let mut m = good();
        m[0] = json!({"matchingPriority": 1, "targetAttributeName": "userName", "source": {
            "expression": "ToLower([userPrincipalName], )", "name": "ToLower", "type": "Function",
            "parameters": [{"key": "source", "value": {"name": "userPrincipalName", "type": "Attribute", "parameters": []}}]}});
        assert!(check(&entra(Value::Array(m))).findings.is_empty());

        // Matching on externalId first.
        let mut m = good();
        m[0]["matchingPriority"] = json!(2);
        m[4]["matchingPriority"] = json!(1);
        let r = check(&entra(Value::Array(m)));
        assert_eq!(codes(&r), [("matching_not_username", "externalId".into())]);

        // No matching attribute at all.
        let mut m = good();
        m[0]["matchingPriority"] = json!(0);
        assert_eq!(
            codes(&check(&entra(Value::Array(m)))),
            [("no_matching", String::new())]
        );

        // No externalId, no active: warnings only, the check passes.
        let mut m = good();
        m.remove(4);
        m.remove(1);
        let r = check(&entra(Value::Array(m)));
        assert_eq!(
            codes(&r),
            [
                ("active_missing", "active".into()),
                ("externalid_missing", "externalId".into())
            ]
        );
        assert!(r.passed());

        // An unsupported mapping: remove it, and keep externalId.
        let mut m = good();
        m.push(attr("mail", r#"emails[type eq "work"].value"#, 0));
        let r = check(&entra(Value::Array(m)));
        assert_eq!(
            codes(&r),
            [
                ("unsupported", r#"emails[type eq "work"].value"#.into()),
                ("keep_externalid", "externalId".into())
            ]
        );
        assert_eq!(r.warnings, 1);
        assert!(r.passed());
    }

    #[test]
    fn plain_lists_and_bad_input() {
        let r = check(
            &parse_input("# the targets\nuserName\nname.givenName  # first name\n\ntitle\n")
                .unwrap(),
        );
        assert_eq!(
            codes(&r),
            [
                ("required_missing", "name.familyName".into()),
                ("unsupported", "title".into()),
                ("active_missing", "active".into()),
                ("externalid_missing", "externalId".into()),
                ("list_input", String::new()),
            ]
        );
        assert_eq!(parse_input(" \n").unwrap_err(), InputError::Empty);
        assert_eq!(parse_input("# only\n").unwrap_err(), InputError::Empty);
        assert!(matches!(
            parse_input("{\"synchronizationRules\": ["),
            Err(InputError::BadJson(_))
        ));
        assert!(matches!(
            parse_input("{\"value\": []}"),
            Err(InputError::NotASchema(_))
        ));
        assert!(matches!(
            parse_input("[1, 2]"),
            Err(InputError::NotASchema(_))
        ));
        assert!(matches!(
            parse_input("userName\nthis is prose, not a name\n"),
            Err(InputError::BadLine { line: 2, .. })
        ));
    }

    #[test]
    fn group_mappings_are_checked_and_named() {
        let doc = json!({"synchronizationRules": [{"objectMappings": [
            {"enabled": true, "name": "Provision Microsoft Entra ID Groups", "sourceObjectName": "Group",
             "targetObjectName": "urn:ietf:params:scim:schemas:core:2.0:Group",
             "attributeMappings": [attr("objectId", "externalId", 0), attr("members", "members", 0), attr("mail", "description", 0)]},
            {"enabled": true, "name": "Provision Microsoft Entra ID Users", "sourceObjectName": "User",
             "targetObjectName": "User", "attributeMappings": good()}
        ]}]});
        let r = check(&parse_input(&doc.to_string()).unwrap());
        let got: Vec<(&str, &str, String)> = r
            .findings
            .iter()
            .map(|f| (f.code, f.object, f.attribute.clone()))
            .collect();
        assert_eq!(
            got,
            [
                ("required_missing", "Group", "displayName".into()),
                ("unsupported", "Group", "description".into()),
                ("group_mapping", "Group", String::new()),
            ]
        );
    }
}
