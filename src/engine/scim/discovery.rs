//! Discovery documents (RFC 7644 §4, RFC 7643 §5–7), generated from the
//! tenant's effective schema: they advertise exactly what is enforced.

use serde_json::{Map, Value, json};

use super::list::MAX_COUNT;
use super::schema::{
    AttrDef, LIST_URN, RESOURCE_TYPE_URN, ResourceKind, ResourceSchema, SCHEMA_URN, SPC_URN,
    SchemaDef,
};
use crate::engine::model::Policy;

/// `GET /ServiceProviderConfig`.
pub fn service_provider_config(base: &str) -> Value {
    json!({
        "schemas": [SPC_URN],
        "documentationUri": "https://datatracker.ietf.org/doc/html/rfc7644",
        "patch": {"supported": true},
        "bulk": {"supported": false, "maxOperations": 0, "maxPayloadSize": 0},
        "filter": {"supported": true, "maxResults": MAX_COUNT},
        "changePassword": {"supported": false},
        "sort": {"supported": true},
        "etag": {"supported": true},
        "authenticationSchemes": [{
            "type": "oauthbearertoken",
            "name": "OAuth Bearer Token",
            "description": "The tenant's secret token, sent as 'Authorization: Bearer <token>'.",
            "primary": true
        }],
        "meta": {
            "resourceType": "ServiceProviderConfig",
            "location": format!("{base}/ServiceProviderConfig")
        }
    })
}

fn resource_type(kind: ResourceKind, policy: Policy, base: &str) -> Value {
    let s = ResourceSchema::for_policy(kind, policy);
    let extensions: Vec<Value> = s
        .extensions
        .iter()
        .map(|e| json!({"schema": e.id, "required": false}))
        .collect();
    let mut v = json!({
        "schemas": [RESOURCE_TYPE_URN],
        "id": kind.name(),
        "name": kind.name(),
        "endpoint": kind.endpoint(),
        "description": s.core.description,
        "schema": s.core.id,
        "meta": {"resourceType": "ResourceType", "location": format!("{base}/ResourceTypes/{}", kind.name())}
    });
    if !extensions.is_empty() {
        v["schemaExtensions"] = Value::Array(extensions);
    }
    v
}

pub fn resource_types(policy: Policy, base: &str) -> Vec<Value> {
    [ResourceKind::User, ResourceKind::Group]
        .into_iter()
        .map(|k| resource_type(k, policy, base))
        .collect()
}

/// One resource type by name (case-insensitive), for `/ResourceTypes/{name}`.
pub fn resource_type_by_name(policy: Policy, base: &str, name: &str) -> Option<Value> {
    [ResourceKind::User, ResourceKind::Group]
        .into_iter()
        .find(|k| k.name().eq_ignore_ascii_case(name))
        .map(|k| resource_type(k, policy, base))
}

fn attr_json(a: &AttrDef) -> Value {
    let mut m = Map::new();
    m.insert("name".into(), a.name.into());
    m.insert("type".into(), a.ty.as_str().into());
    m.insert("multiValued".into(), a.multi.into());
    m.insert("description".into(), a.description.into());
    m.insert("required".into(), a.required.into());
    if !a.sub.is_empty() {
        m.insert(
            "subAttributes".into(),
            Value::Array(a.sub.iter().map(attr_json).collect()),
        );
    } else {
        m.insert("caseExact".into(), a.case_exact.into());
    }
    if !a.canonical.is_empty() {
        m.insert("canonicalValues".into(), json!(a.canonical));
    }
    if !a.reference_types.is_empty() {
        m.insert("referenceTypes".into(), json!(a.reference_types));
    }
    m.insert("mutability".into(), a.mutability.as_str().into());
    m.insert("returned".into(), a.returned.as_str().into());
    if a.sub.is_empty() {
        m.insert("uniqueness".into(), a.uniqueness.as_str().into());
    }
    Value::Object(m)
}

fn schema_json(s: &SchemaDef, base: &str) -> Value {
    json!({
        "schemas": [SCHEMA_URN],
        "id": s.id,
        "name": s.name,
        "description": s.description,
        "attributes": s.attributes.iter().map(attr_json).collect::<Vec<_>>(),
        "meta": {"resourceType": "Schema", "location": format!("{base}/Schemas/{}", s.id)}
    })
}

/// Every schema the tenant publishes (its User, any extensions, Group).
pub fn schemas(policy: Policy, base: &str) -> Vec<Value> {
    let user = ResourceSchema::for_policy(ResourceKind::User, policy);
    let group = ResourceSchema::for_policy(ResourceKind::Group, policy);
    std::iter::once(user.core)
        .chain(user.extensions.iter().copied())
        .chain(std::iter::once(group.core))
        .map(|s| schema_json(s, base))
        .collect()
}

pub fn schema_by_id(policy: Policy, base: &str, id: &str) -> Option<Value> {
    schemas(policy, base)
        .into_iter()
        .find(|s| s["id"].as_str().is_some_and(|x| x.eq_ignore_ascii_case(id)))
}

/// A ListResponse of discovery resources (filters and paging are ignored
/// here, as RFC 7644 §4 says).
pub fn list(resources: Vec<Value>) -> Value {
    json!({
        "schemas": [LIST_URN],
        "totalResults": resources.len(),
        "startIndex": 1,
        "itemsPerPage": resources.len(),
        "Resources": resources,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn product_publishes_only_supported_attributes() {
        let all = schemas(Policy::Product, "http://x/scim/v2/t");
        assert_eq!(all.len(), 2);
        let names: Vec<&str> = all[0]["attributes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["userName", "name", "active", "emails"]);
        let name = &all[0]["attributes"][1];
        assert!(
            name["subAttributes"]
                .as_array()
                .unwrap()
                .iter()
                .all(|s| s["required"] == true)
        );
    }

    #[test]
    fn standard_publishes_the_enterprise_extension() {
        let all = schemas(Policy::Standard, "b");
        assert_eq!(all.len(), 3);
        assert!(
            schema_by_id(Policy::Standard, "b", super::super::schema::ENTERPRISE_URN).is_some()
        );
        assert!(schema_by_id(Policy::Product, "b", super::super::schema::ENTERPRISE_URN).is_none());
        let rt = resource_type_by_name(Policy::Standard, "b", "user").unwrap();
        assert_eq!(rt["schemaExtensions"][0]["required"], false);
        assert_eq!(
            service_provider_config("b")["filter"]["maxResults"],
            MAX_COUNT
        );
    }
}
