//! Coercing client JSON to an attribute's declared type. Lenient where IdPs
//! are known to deviate (Entra sends booleans as "True"/"False", explicit
//! nulls, a lone object where an array is due), strict everywhere else.

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

/// Coerces a whole attribute value, honouring `multiValued`: a lone value
/// where an array is due becomes a one-element array; an empty array is "no
/// value".
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
    let items: Vec<&Value> = match v {
        Value::Null => return Ok(None),
        Value::Array(a) => a.iter().collect(),
        other => vec![other],
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        if let Some(c) = coerce_single(def, item, ignored)? {
            out.push(c);
        }
    }
    Ok((!out.is_empty()).then_some(Value::Array(out)))
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
            &json!({"VALUE": "a@x.com", "Primary": "True", "bogus": 1}),
            &mut ig,
        )
        .unwrap();
        assert_eq!(got, Some(json!([{"value": "a@x.com", "primary": true}])));
        assert_eq!(ig, vec!["emails.bogus"]);
        assert_eq!(coerce(def("emails"), &json!([]), &mut ig).unwrap(), None);
        assert!(coerce(def("userName"), &json!(["a"]), &mut ig).is_err());
    }
}
