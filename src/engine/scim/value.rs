//! Coercing client JSON to an attribute's declared type. Lenient where IdPs
//! are known to deviate (Entra sends booleans as "True"/"False" and explicit
//! nulls), strict everywhere else: in a resource body a multi-valued
//! attribute is an array (RFC 7643 §2.4) whose every element holds a value,
//! so that a malformed list (`"members": {}`, `[null]`) is refused instead
//! of being read as "no members". (PATCH values may be a lone element, as
//! RFC 7644 §3.5.2.1 allows; see `patch.rs`.)

use serde_json::{Map, Value};

use super::schema::{AttrDef, AttrType};

/// Why a value does not fit its attribute; becomes `invalidValue`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoerceError {
    pub attr: String,
    pub message: String,
}

impl std::fmt::Display for CoerceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "attribute \"{}\": {}", self.attr, self.message)
    }
}

fn bad(def: &AttrDef, message: impl Into<String>) -> CoerceError {
    CoerceError {
        attr: def.name.to_owned(),
        message: message.into(),
    }
}

/// A boolean as Entra may send it: `true`, `"True"`, `"false"`, any case.
pub fn as_bool(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::String(s) if s.eq_ignore_ascii_case("true") => Some(true),
        Value::String(s) if s.eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}

/// Coerces one value (not the multi-valued wrapper) to `def`'s type.
/// `Ok(None)` means "no value" (JSON null, or an object left empty).
/// Unknown sub-attributes of a complex value are dropped and their names
/// pushed to `ignored` as `attr.sub`.
pub fn coerce_single(
    def: &AttrDef,
    v: &Value,
    ignored: &mut Vec<String>,
) -> Result<Option<Value>, CoerceError> {
    if v.is_null() {
        return Ok(None);
    }
    let out = match def.ty {
        AttrType::Boolean => {
            Value::Bool(as_bool(v).ok_or_else(|| bad(def, format!("expected a boolean, got {v}")))?)
        }
        AttrType::String | AttrType::Reference | AttrType::Binary => match v {
            Value::String(s) => {
                if !def.canonical.is_empty()
                    && def.ty == AttrType::String
                    && def.name != "type"
                    && !def.canonical.iter().any(|c| c.eq_ignore_ascii_case(s))
                {
                    return Err(bad(
                        def,
                        format!("{s:?} is not one of {}", def.canonical.join(", ")),
                    ));
                }
                Value::String(s.clone())
            }
            _ => return Err(bad(def, format!("expected a string, got {v}"))),
        },
        AttrType::Integer => match v {
            Value::Number(n) if n.is_i64() => v.clone(),
            Value::String(s) => s
                .trim()
                .parse::<i64>()
                .map(Value::from)
                .map_err(|_| bad(def, format!("expected an integer, got {v}")))?,
            _ => return Err(bad(def, format!("expected an integer, got {v}"))),
        },
        AttrType::Decimal => match v {
            Value::Number(_) => v.clone(),
            _ => return Err(bad(def, format!("expected a number, got {v}"))),
        },
        AttrType::DateTime => match v {
            Value::String(s)
                if time::OffsetDateTime::parse(
                    s,
                    &time::format_description::well_known::Rfc3339,
                )
                .is_ok() =>
            {
                v.clone()
            }
            _ => {
                return Err(bad(
                    def,
                    format!("expected an RFC 3339 date-time such as 2026-01-31T12:00:00Z, got {v}"),
                ));
            }
        },
        AttrType::Complex => {
            let Value::Object(obj) = v else {
                return Err(bad(def, format!("expected an object, got {v}")));
            };
            let mut out = Map::new();
            for (k, sv) in obj {
                match def.sub_attr(k) {
                    Some(sd) => {
                        if let Some(c) = coerce_single(sd, sv, ignored)? {
                            out.insert(sd.name.to_owned(), c);
                        }
                    }
                    None => ignored.push(format!("{}.{k}", def.name)),
                }
            }
            if out.is_empty() {
                return Ok(None);
            }
            Value::Object(out)
        }
    };
    Ok(Some(out))
}

/// Coerces a whole attribute value of a resource body, honouring
/// `multiValued`: an empty array is "no value"; a lone value where an array
/// is due, or an element that is null or empty, is refused.
pub fn coerce(
    def: &AttrDef,
    v: &Value,
    ignored: &mut Vec<String>,
) -> Result<Option<Value>, CoerceError> {
    if !def.multi {
        if v.is_array() {
            return Err(bad(def, "expected a single value, got an array"));
        }
        return coerce_single(def, v, ignored);
    }
    let items = match v {
        Value::Null => return Ok(None),
        Value::Array(a) => a,
        other => {
            return Err(bad(
                def,
                format!(
                    "a multi-valued attribute is a JSON array (RFC 7643 §2.4), got {}; send \"{}\": [ … ], or [] for none",
                    json_kind(other),
                    def.name
                ),
            ));
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        out.extend(coerce_element(def, i, item, ignored)?);
    }
    Ok((!out.is_empty()).then_some(Value::Array(out)))
}

/// Whether the elements of `def` are told apart by their `value` alone (a
/// group's members: a member is never listed twice, and one without a
/// value is meaningless).
pub fn identified_by_value(def: &AttrDef) -> bool {
    def.name == "members"
}

/// Coerces element `index` (0-based) of a multi-valued attribute. A null
/// or empty (`{}`) element is an error naming its position, and so is an
/// element without a `value` where elements are told apart by it; an
/// element whose sub-attributes are all null or unknown is "no value", as
/// a lone null is (Entra sends explicit nulls).
pub fn coerce_element(
    def: &AttrDef,
    index: usize,
    item: &Value,
    ignored: &mut Vec<String>,
) -> Result<Option<Value>, CoerceError> {
    let n = index + 1;
    let shape = match item {
        Value::Null => Some("is null"),
        Value::Object(o) if o.is_empty() => Some("is empty ({})"),
        _ => None,
    };
    if let Some(shape) = shape {
        return Err(bad(
            def,
            format!("element {n} {shape}; every element needs a value (send [] for none)"),
        ));
    }
    let out = coerce_single(def, item, ignored)?;
    if identified_by_value(def) && out.as_ref().and_then(|e| e.get("value")).is_none() {
        return Err(bad(
            def,
            format!(
                "element {n} has no \"value\"; every member needs one: the id of a user of this tenant"
            ),
        ));
    }
    Ok(out)
}

/// "an object", "a string", … for error messages.
fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::Policy;
    use crate::engine::scim::schema::{AttrPath, ResourceKind, ResourceSchema};
    use serde_json::json;

    fn def(path: &str) -> &'static AttrDef {
        ResourceSchema::for_policy(ResourceKind::User, Policy::Standard)
            .resolve(&AttrPath::parse(path).unwrap())
            .unwrap()
            .leaf()
    }

    #[test]
    fn entra_string_booleans() {
        let mut ig = vec![];
        for (v, want) in [
            (json!("True"), true),
            (json!("false"), false),
            (json!(true), true),
        ] {
            assert_eq!(
                coerce(def("active"), &v, &mut ig).unwrap(),
                Some(json!(want))
            );
        }
        assert!(coerce(def("active"), &json!("yes"), &mut ig).is_err());
        assert_eq!(coerce(def("active"), &json!(null), &mut ig).unwrap(), None);
    }

    #[test]
    fn multi_valued_complex() {
        let mut ig = vec![];
        let got = coerce(
            def("emails"),
            &json!([{"VALUE": "a@x.com", "Primary": "True", "bogus": 1}]),
            &mut ig,
        )
        .unwrap();
        assert_eq!(got, Some(json!([{"value": "a@x.com", "primary": true}])));
        assert_eq!(ig, vec!["emails.bogus"]);
        assert_eq!(coerce(def("emails"), &json!([]), &mut ig).unwrap(), None);
        assert_eq!(coerce(def("emails"), &json!(null), &mut ig).unwrap(), None);
        assert!(coerce(def("userName"), &json!(["a"]), &mut ig).is_err());
    }

    #[test]
    fn a_malformed_list_is_refused_not_emptied() {
        let mut ig = vec![];
        let e = coerce(def("emails"), &json!({"value": "a@x.com"}), &mut ig).unwrap_err();
        assert_eq!(e.attr, "emails");
        assert!(e.message.contains("is a JSON array"), "{e}");
        assert!(e.message.contains("got an object"), "{e}");
        let e = coerce(def("emails"), &json!([{"value": "a@x.com"}, null]), &mut ig).unwrap_err();
        assert!(e.message.contains("element 2 is null"), "{e}");
        let e = coerce(def("emails"), &json!([{}]), &mut ig).unwrap_err();
        assert!(e.message.contains("element 1 is empty"), "{e}");
        assert!(coerce(def("emails"), &json!("a@x.com"), &mut ig).is_err());
        // Entra's explicit nulls stay "no value".
        assert_eq!(
            coerce(def("emails"), &json!([{"value": null}]), &mut ig).unwrap(),
            None
        );
        let groups = ResourceSchema::for_policy(ResourceKind::Group, Policy::Standard);
        let members = groups
            .resolve(&AttrPath::parse("members").unwrap())
            .unwrap()
            .leaf();
        for bad in [json!([{"display": "x"}]), json!([{"value": null}])] {
            let e = coerce(members, &bad, &mut ig).unwrap_err();
            assert!(e.message.contains("element 1 has no \"value\""), "{e}");
        }
    }
}
