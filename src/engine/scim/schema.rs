//! Attribute definitions as data (RFC 7643 §2, §4, §7). They drive
//! validation, filtering, PATCH, projection and the discovery documents, so
//! what `/Schemas` advertises is exactly what is enforced.

use super::super::model::Policy;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttrType {
    String,
    Boolean,
    Decimal,
    Integer,
    DateTime,
    Binary,
    Reference,
    Complex,
}

impl AttrType {
    pub fn as_str(self) -> &'static str {
        match self {
            AttrType::String => "string",
            AttrType::Boolean => "boolean",
            AttrType::Decimal => "decimal",
            AttrType::Integer => "integer",
            AttrType::DateTime => "dateTime",
            AttrType::Binary => "binary",
            AttrType::Reference => "reference",
            AttrType::Complex => "complex",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mutability {
    ReadOnly,
    ReadWrite,
    Immutable,
    WriteOnly,
}

impl Mutability {
    pub fn as_str(self) -> &'static str {
        match self {
            Mutability::ReadOnly => "readOnly",
            Mutability::ReadWrite => "readWrite",
            Mutability::Immutable => "immutable",
            Mutability::WriteOnly => "writeOnly",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Returned {
    Always,
    Never,
    Default,
    Request,
}

impl Returned {
    pub fn as_str(self) -> &'static str {
        match self {
            Returned::Always => "always",
            Returned::Never => "never",
            Returned::Default => "default",
            Returned::Request => "request",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Uniqueness {
    None,
    Server,
    Global,
}

impl Uniqueness {
    pub fn as_str(self) -> &'static str {
        match self {
            Uniqueness::None => "none",
            Uniqueness::Server => "server",
            Uniqueness::Global => "global",
        }
    }
}

/// One attribute (or sub-attribute) definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttrDef {
    pub name: &'static str,
    pub ty: AttrType,
    pub multi: bool,
    pub required: bool,
    pub case_exact: bool,
    pub mutability: Mutability,
    pub returned: Returned,
    pub uniqueness: Uniqueness,
    pub canonical: &'static [&'static str],
    pub reference_types: &'static [&'static str],
    pub sub: &'static [AttrDef],
    pub description: &'static str,
    /// Another name clients send for this attribute on input (a member's
    /// `displayName` for `display`, as Microsoft's reference tests do);
    /// never returned or advertised.
    pub alias: Option<&'static str>,
    /// The attribute whose value this one is made from on output (the
    /// product policy's `emails`, from `userName`): not stored on its own,
    /// so attribute-mapping tools treat a mapping to it as unsupported.
    pub derived_from: Option<&'static str>,
}

impl AttrDef {
    /// A sub-attribute by name or alias, case-insensitively.
    pub fn sub_attr(&self, name: &str) -> Option<&'static AttrDef> {
        self.sub.iter().find(|a| {
            a.name.eq_ignore_ascii_case(name)
                || a.alias.is_some_and(|x| x.eq_ignore_ascii_case(name))
        })
    }
}

const fn attr(name: &'static str, ty: AttrType, description: &'static str) -> AttrDef {
    AttrDef {
        name,
        ty,
        multi: false,
        required: false,
        case_exact: false,
        mutability: Mutability::ReadWrite,
        returned: Returned::Default,
        uniqueness: Uniqueness::None,
        canonical: &[],
        reference_types: &[],
        sub: &[],
        description,
        alias: None,
        derived_from: None,
    }
}

const fn s(name: &'static str, d: &'static str) -> AttrDef {
    attr(name, AttrType::String, d)
}
const fn b(name: &'static str, d: &'static str) -> AttrDef {
    attr(name, AttrType::Boolean, d)
}
const fn cx(name: &'static str, sub: &'static [AttrDef], d: &'static str) -> AttrDef {
    let mut a = attr(name, AttrType::Complex, d);
    a.sub = sub;
    a
}
const fn multi(mut a: AttrDef) -> AttrDef {
    a.multi = true;
    a
}
const fn required(mut a: AttrDef) -> AttrDef {
    a.required = true;
    a
}
const fn exact(mut a: AttrDef) -> AttrDef {
    a.case_exact = true;
    a
}
const fn derived(mut a: AttrDef, from: &'static str) -> AttrDef {
    a.derived_from = Some(from);
    a
}
const fn aka(mut a: AttrDef, alias: &'static str) -> AttrDef {
    a.alias = Some(alias);
    a
}
const fn read_only(mut a: AttrDef) -> AttrDef {
    a.mutability = Mutability::ReadOnly;
    a
}
const fn immutable(mut a: AttrDef) -> AttrDef {
    a.mutability = Mutability::Immutable;
    a
}
const fn write_only(mut a: AttrDef) -> AttrDef {
    a.mutability = Mutability::WriteOnly;
    a.returned = Returned::Never;
    a
}
const fn always(mut a: AttrDef) -> AttrDef {
    a.returned = Returned::Always;
    a
}
const fn unique(mut a: AttrDef) -> AttrDef {
    a.uniqueness = Uniqueness::Server;
    a
}
const fn canon(mut a: AttrDef, c: &'static [&'static str]) -> AttrDef {
    a.canonical = c;
    a
}
const fn refs(mut a: AttrDef, r: &'static [&'static str]) -> AttrDef {
    a.reference_types = r;
    a.ty = AttrType::Reference;
    a
}

pub const USER_URN: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
pub const ENTERPRISE_URN: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
pub const GROUP_URN: &str = "urn:ietf:params:scim:schemas:core:2.0:Group";
/// Entra sends this extra schema on group creation; accepted, never stored.
pub const ENTRA_GROUP_URN: &str =
    "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";
pub const LIST_URN: &str = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
pub const ERROR_URN: &str = "urn:ietf:params:scim:api:messages:2.0:Error";
pub const PATCH_URN: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
pub const SEARCH_URN: &str = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
pub const SPC_URN: &str = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
pub const RESOURCE_TYPE_URN: &str = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
pub const SCHEMA_URN: &str = "urn:ietf:params:scim:schemas:core:2.0:Schema";

const TYPE_WORK_HOME_OTHER: &[&str] = &["work", "home", "other"];

const MULTI_SUB: &[AttrDef] = &[
    s("value", "The value."),
    s(
        "display",
        "A human-readable name, primarily used for display purposes.",
    ),
    s("type", "A label indicating the attribute's function."),
    b("primary", "Whether this is the primary value."),
];

const NAME_SUB: &[AttrDef] = &[
    s("formatted", "The full name, formatted for display."),
    s("familyName", "The family name (last name)."),
    s("givenName", "The given name (first name)."),
    s("middleName", "The middle name(s)."),
    s("honorificPrefix", "The honorific prefix(es), e.g. 'Ms.'."),
    s("honorificSuffix", "The honorific suffix(es), e.g. 'III'."),
];

const EMAIL_SUB: &[AttrDef] = &[
    s("value", "Email address."),
    s("display", "A human-readable name."),
    canon(
        s("type", "A label: work, home, other."),
        TYPE_WORK_HOME_OTHER,
    ),
    b("primary", "Whether this is the primary email."),
];

const PHONE_SUB: &[AttrDef] = &[
    s("value", "Phone number."),
    s("display", "A human-readable name."),
    canon(
        s("type", "A label: work, home, mobile, fax, pager, other."),
        &["work", "home", "mobile", "fax", "pager", "other"],
    ),
    b("primary", "Whether this is the primary number."),
];

const IMS_SUB: &[AttrDef] = &[
    s("value", "Instant messaging address."),
    s("display", "A human-readable name."),
    s("type", "A label, e.g. aim, gtalk, xmpp."),
    b("primary", "Whether this is the primary address."),
];

const PHOTO_SUB: &[AttrDef] = &[
    refs(s("value", "URL of a photo."), &["external"]),
    s("display", "A human-readable name."),
    canon(s("type", "photo or thumbnail."), &["photo", "thumbnail"]),
    b("primary", "Whether this is the primary photo."),
];

const ADDRESS_SUB: &[AttrDef] = &[
    s("formatted", "The full mailing address."),
    s("streetAddress", "The street address."),
    s("locality", "The city or locality."),
    s("region", "The state or region."),
    s("postalCode", "The zip code or postal code."),
    s("country", "The country (ISO 3166-1 alpha-2)."),
    canon(
        s("type", "A label: work, home, other."),
        TYPE_WORK_HOME_OTHER,
    ),
    b("primary", "Whether this is the primary address."),
];

const USER_GROUPS_SUB: &[AttrDef] = &[
    read_only(s("value", "The identifier of the group.")),
    read_only(refs(s("$ref", "The URI of the group."), &["User", "Group"])),
    read_only(s("display", "The group's displayName.")),
    read_only(canon(
        s("type", "direct or indirect."),
        &["direct", "indirect"],
    )),
];

const CERT_SUB: &[AttrDef] = &[
    attr("value", AttrType::Binary, "The certificate (DER, base64)."),
    s("display", "A human-readable name."),
    s("type", "A label."),
    b("primary", "Whether this is the primary certificate."),
];

/// RFC 7643 §4.1: the full core User schema (the `standard` policy).
pub const USER_ATTRS: &[AttrDef] = &[
    unique(required(s(
        "userName",
        "Unique identifier for the user, used to sign in.",
    ))),
    cx("name", NAME_SUB, "The components of the user's real name."),
    s("displayName", "The name of the user, suitable for display."),
    s("nickName", "The casual way to address the user."),
    refs(
        s("profileUrl", "A URI of the user's online profile."),
        &["external"],
    ),
    s("title", "The user's title, such as 'Vice President'."),
    s(
        "userType",
        "The relationship between the organization and the user.",
    ),
    s(
        "preferredLanguage",
        "The user's preferred written or spoken language.",
    ),
    s("locale", "The user's default location for localizing."),
    s("timezone", "The user's time zone (IANA)."),
    b("active", "The user's administrative status."),
    write_only(exact(s(
        "password",
        "The user's cleartext password (never returned).",
    ))),
    multi(cx("emails", EMAIL_SUB, "Email addresses for the user.")),
    multi(cx("phoneNumbers", PHONE_SUB, "Phone numbers for the user.")),
    multi(cx(
        "ims",
        IMS_SUB,
        "Instant messaging addresses for the user.",
    )),
    multi(cx("photos", PHOTO_SUB, "URLs of photos of the user.")),
    multi(cx(
        "addresses",
        ADDRESS_SUB,
        "Physical mailing addresses for the user.",
    )),
    read_only(multi(cx(
        "groups",
        USER_GROUPS_SUB,
        "The groups the user belongs to.",
    ))),
    multi(cx("entitlements", MULTI_SUB, "Entitlements of the user.")),
    multi(cx("roles", MULTI_SUB, "Roles of the user.")),
    multi(cx(
        "x509Certificates",
        CERT_SUB,
        "X.509 certificates of the user.",
    )),
];

/// The `product` policy's User: the five attributes the vendor supports
/// (product.md rule 2); given and family name are required.
pub const PRODUCT_USER_ATTRS: &[AttrDef] = &[
    unique(required(s(
        "userName",
        "The user's email address; unique, and immutable except for letter case.",
    ))),
    required(cx(
        "name",
        &[
            required(s("familyName", "The family name (last name).")),
            required(s("givenName", "The given name (first name).")),
        ],
        "The user's given and family name.",
    )),
    b(
        "active",
        "false disables the user in this tenant; true restores it.",
    ),
    derived(
        multi(cx(
            "emails",
            EMAIL_SUB,
            "The user's email: always one, the userName, as the primary work email. On input an email other than userName is ignored (the email is the user's identity).",
        )),
        "userName",
    ),
];

const MANAGER_SUB: &[AttrDef] = &[
    s(
        "value",
        "The id of the SCIM resource representing the manager.",
    ),
    refs(s("$ref", "The URI of the manager."), &["User"]),
    read_only(s("displayName", "The manager's displayName.")),
];

/// RFC 7643 §4.3: the Enterprise User extension.
pub const ENTERPRISE_ATTRS: &[AttrDef] = &[
    s(
        "employeeNumber",
        "A string identifier, typically numeric or alphanumeric.",
    ),
    s("costCenter", "Identifies the name of a cost center."),
    s("organization", "Identifies the name of an organization."),
    s("division", "Identifies the name of a division."),
    s("department", "Identifies the name of a department."),
    cx("manager", MANAGER_SUB, "The user's manager."),
];

const MEMBER_SUB: &[AttrDef] = &[
    immutable(exact(s("value", "The id of a member."))),
    immutable(refs(
        s("$ref", "The URI of the member."),
        &["User", "Group"],
    )),
    immutable(canon(s("type", "User or Group."), &["User", "Group"])),
    // Stored as the client sent it (and none when it sent none): clients
    // compare what they wrote with what they read.
    aka(
        s(
            "display",
            "The member's display name, as the client sent it.",
        ),
        "displayName",
    ),
];

/// RFC 7643 §4.2: core Group (both policies).
pub const GROUP_ATTRS: &[AttrDef] = &[
    unique(required(s(
        "displayName",
        "A human-readable name for the group; unique in the tenant.",
    ))),
    multi(cx("members", MEMBER_SUB, "A list of members of the group.")),
];

/// RFC 7643 §3.1 common attributes, on every resource.
pub const COMMON_ATTRS: &[AttrDef] = &[
    always(read_only(exact(unique(s(
        "id",
        "Unique identifier for the resource, assigned by the service provider.",
    ))))),
    exact(s(
        "externalId",
        "An identifier for the resource as defined by the provisioning client.",
    )),
    read_only(cx(
        "meta",
        &[
            read_only(exact(s("resourceType", "The name of the resource type."))),
            read_only(attr(
                "created",
                AttrType::DateTime,
                "When the resource was added.",
            )),
            read_only(attr(
                "lastModified",
                AttrType::DateTime,
                "When the resource was last updated.",
            )),
            read_only(exact(refs(
                s("location", "The URI of the resource."),
                &["uri"],
            ))),
            read_only(exact(s(
                "version",
                "The version (weak ETag) of the resource.",
            ))),
        ],
        "Resource metadata.",
    )),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SchemaDef {
    pub id: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    pub attributes: &'static [AttrDef],
}

pub const USER_SCHEMA: SchemaDef = SchemaDef {
    id: USER_URN,
    name: "User",
    description: "User Account",
    attributes: USER_ATTRS,
};
pub const PRODUCT_USER_SCHEMA: SchemaDef = SchemaDef {
    id: USER_URN,
    name: "User",
    description: "User Account (the product's supported attributes)",
    attributes: PRODUCT_USER_ATTRS,
};
pub const ENTERPRISE_SCHEMA: SchemaDef = SchemaDef {
    id: ENTERPRISE_URN,
    name: "EnterpriseUser",
    description: "Enterprise User",
    attributes: ENTERPRISE_ATTRS,
};
pub const GROUP_SCHEMA: SchemaDef = SchemaDef {
    id: GROUP_URN,
    name: "Group",
    description: "Group",
    attributes: GROUP_ATTRS,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResourceKind {
    User,
    Group,
}

impl ResourceKind {
    pub fn name(self) -> &'static str {
        match self {
            ResourceKind::User => "User",
            ResourceKind::Group => "Group",
        }
    }
    pub fn endpoint(self) -> &'static str {
        match self {
            ResourceKind::User => "/Users",
            ResourceKind::Group => "/Groups",
        }
    }
}

/// The schema a tenant publishes and enforces for one resource type.
#[derive(Debug, Clone, Copy)]
pub struct ResourceSchema {
    pub kind: ResourceKind,
    pub core: &'static SchemaDef,
    pub extensions: &'static [&'static SchemaDef],
}

const NO_EXT: &[&SchemaDef] = &[];
const USER_EXT: &[&SchemaDef] = &[&ENTERPRISE_SCHEMA];

impl ResourceSchema {
    pub fn for_policy(kind: ResourceKind, policy: Policy) -> ResourceSchema {
        match (kind, policy) {
            (ResourceKind::User, Policy::Product) => ResourceSchema {
                kind,
                core: &PRODUCT_USER_SCHEMA,
                extensions: NO_EXT,
            },
            (ResourceKind::User, Policy::Standard) => ResourceSchema {
                kind,
                core: &USER_SCHEMA,
                extensions: USER_EXT,
            },
            (ResourceKind::Group, _) => ResourceSchema {
                kind,
                core: &GROUP_SCHEMA,
                extensions: NO_EXT,
            },
        }
    }

    /// Every schema URN this resource type accepts on input.
    pub fn accepts_urn(&self, urn: &str) -> bool {
        urn.eq_ignore_ascii_case(self.core.id)
            || self.extensions.iter().any(|e| urn.eq_ignore_ascii_case(e.id))
            || (self.kind == ResourceKind::Group && urn.eq_ignore_ascii_case(ENTRA_GROUP_URN))
            // Known URNs outside the tenant's policy are accepted and ignored.
            || (self.kind == ResourceKind::User && urn.eq_ignore_ascii_case(ENTERPRISE_URN))
    }

    pub fn extension(&self, urn: &str) -> Option<&'static SchemaDef> {
        self.extensions
            .iter()
            .copied()
            .find(|e| urn.eq_ignore_ascii_case(e.id))
    }

    /// A top-level attribute of the core schema or the common attributes.
    pub fn core_attr(&self, name: &str) -> Option<&'static AttrDef> {
        COMMON_ATTRS
            .iter()
            .chain(self.core.attributes.iter())
            .find(|a| a.name.eq_ignore_ascii_case(name))
    }

    /// Resolves an attribute path to its schema and definitions.
    pub fn resolve(&self, path: &AttrPath) -> Option<Resolved> {
        let (schema, attr) = match &path.urn {
            None => (None, self.core_attr(&path.attr)?),
            Some(urn) if urn.eq_ignore_ascii_case(self.core.id) => {
                (None, self.core_attr(&path.attr)?)
            }
            Some(urn) => {
                let ext = self.extension(urn)?;
                (
                    Some(ext),
                    ext.attributes
                        .iter()
                        .find(|a| a.name.eq_ignore_ascii_case(&path.attr))?,
                )
            }
        };
        let sub = match &path.sub {
            None => None,
            Some(s) => Some(attr.sub_attr(s)?),
        };
        Some(Resolved {
            extension: schema,
            attr,
            sub,
        })
    }
}

/// An attribute path resolved against a resource schema.
#[derive(Debug, Clone, Copy)]
pub struct Resolved {
    /// The extension schema holding the attribute; None for core/common.
    pub extension: Option<&'static SchemaDef>,
    pub attr: &'static AttrDef,
    pub sub: Option<&'static AttrDef>,
}

impl Resolved {
    /// The definition the path ends at.
    pub fn leaf(&self) -> &'static AttrDef {
        self.sub.unwrap_or(self.attr)
    }
}

/// `[urn:]attr[.sub]` (RFC 7644 §3.10). Names keep the case they were
/// written in; comparisons against the schema ignore case.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AttrPath {
    pub urn: Option<String>,
    pub attr: String,
    pub sub: Option<String>,
}

impl AttrPath {
    pub fn simple(attr: &str) -> AttrPath {
        AttrPath {
            urn: None,
            attr: attr.to_owned(),
            sub: None,
        }
    }

    /// Parses `urn:…:attr.sub`, `attr.sub` or `attr`. The URN is everything
    /// up to the last ':' (URNs contain dots, as in "2.0", so split there first).
    pub fn parse(s: &str) -> Option<AttrPath> {
        let (urn, rest) =
            if s.len() > 4 && s.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("urn:")) {
                let i = s.rfind(':')?;
                (Some(s[..i].to_owned()), &s[i + 1..])
            } else {
                (None, s)
            };
        let (attr, sub) = match rest.split_once('.') {
            Some((a, b)) => (a, Some(b)),
            None => (rest, None),
        };
        let valid = |n: &str| {
            let mut chars = n.chars();
            matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '$')
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        };
        if !valid(attr) || sub.is_some_and(|x| !valid(x)) {
            return None;
        }
        Some(AttrPath {
            urn,
            attr: attr.to_owned(),
            sub: sub.map(str::to_owned),
        })
    }
}

impl std::fmt::Display for AttrPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(u) = &self.urn {
            write!(f, "{u}:")?;
        }
        f.write_str(&self.attr)?;
        if let Some(s) = &self.sub {
            write!(f, ".{s}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_parse_with_urns_and_subs() {
        let p = AttrPath::parse(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
        )
        .unwrap();
        assert_eq!(p.urn.as_deref(), Some(ENTERPRISE_URN));
        assert_eq!(p.attr, "manager");
        assert_eq!(p.sub.as_deref(), Some("value"));
        let p = AttrPath::parse("name.givenName").unwrap();
        assert_eq!(
            (p.attr.as_str(), p.sub.as_deref()),
            ("name", Some("givenName"))
        );
        assert!(AttrPath::parse("").is_none());
        assert!(AttrPath::parse("a.b.c").is_none());
        assert!(AttrPath::parse("1abc").is_none());
        assert_eq!(AttrPath::parse("$ref").unwrap().attr, "$ref");
        // Non-ASCII input must be refused, not split inside a character.
        assert!(AttrPath::parse("abc€def").is_none());
        assert!(AttrPath::parse("ürn:x:y").is_none());
    }

    #[test]
    fn resolution_is_case_insensitive_and_policy_aware() {
        let std_user = ResourceSchema::for_policy(ResourceKind::User, Policy::Standard);
        let prod_user = ResourceSchema::for_policy(ResourceKind::User, Policy::Product);
        let p = AttrPath::parse("EMAILS.Value").unwrap();
        assert_eq!(std_user.resolve(&p).unwrap().leaf().name, "value");
        // The product's emails exist, made from userName.
        let emails = prod_user.resolve(&p).unwrap();
        assert_eq!(emails.attr.derived_from, Some("userName"));
        assert!(
            prod_user
                .resolve(&AttrPath::parse("nickName").unwrap())
                .is_none()
        );
        let p = AttrPath::parse("name.givenname").unwrap();
        assert!(prod_user.resolve(&p).unwrap().leaf().required);
        let p = AttrPath::parse(&format!("{ENTERPRISE_URN}:department")).unwrap();
        assert!(std_user.resolve(&p).unwrap().extension.is_some());
        assert!(prod_user.resolve(&p).is_none());
        let p = AttrPath::parse(&format!("{USER_URN}:userName")).unwrap();
        assert!(std_user.resolve(&p).is_some());
        assert!(prod_user.resolve(&AttrPath::simple("externalId")).is_some());
        assert!(prod_user.resolve(&AttrPath::simple("meta")).is_some());
    }
}
