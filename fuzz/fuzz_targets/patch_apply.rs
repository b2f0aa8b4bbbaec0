//! PATCH parse + apply on arbitrary JSON, against a fixed user (under both
//! policies) and a fixed group: never a panic, and a successful PATCH
//! gives a resource that normalises without a panic either.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scimctl::engine::model::Policy;
use scimctl::engine::scim::limits;
use scimctl::engine::scim::patch::{PatchRequest, apply};
use scimctl::engine::scim::resource::{group_write, normalize, user_write};
use scimctl::engine::scim::schema::{ResourceKind, ResourceSchema};
use serde_json::{Value, json};

fn user() -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
        "id": "2819c223-7f76-453a-919d-413861904646",
        "externalId": "bjensen",
        "userName": "bjensen@example.com",
        "name": {"givenName": "Barbara", "familyName": "Jensen"},
        "active": true,
        "emails": [
            {"value": "bjensen@example.com", "type": "work", "primary": true},
            {"value": "babs@jensen.org", "type": "home"}
        ],
        "phoneNumbers": [{"value": "555-555-8377", "type": "work"}],
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
            "department": "Tour Operations",
            "manager": {"value": "26118915-6090-4610-87e4-49d8ca9f808d"}
        },
        "meta": {"resourceType": "User", "version": "W/\"3\""}
    })
}

fn group() -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
        "id": "e9e30dba-f08f-4109-8486-d5c6a331660a",
        "displayName": "Tour Guides",
        "members": [
            {"value": "2819c223-7f76-453a-919d-413861904646", "display": "Babs"},
            {"value": "902c246b-6245-4190-8e05-00816be7344a", "display": "Mandy"}
        ],
        "meta": {"resourceType": "Group"}
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(body) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    // What the engine does: the limits (checked before parsing there),
    // then parse, apply, the limits on the result, normalise, write.
    let Ok(req) = PatchRequest::parse(&body) else {
        return;
    };
    if limits::check_patch(ResourceKind::User, &body).is_ok() {
        for policy in [Policy::Product, Policy::Standard] {
            let s = ResourceSchema::for_policy(ResourceKind::User, policy);
            if let Ok(out) = apply(&s, &user(), &req)
                && let Ok(obj) = normalize(&s, &out.resource, &mut Vec::new())
                && limits::check_normalised(ResourceKind::User, &obj).is_ok()
            {
                let _ = user_write(policy, &s, obj, &mut Vec::new());
            }
        }
    }
    if limits::check_patch(ResourceKind::Group, &body).is_ok() {
        let s = ResourceSchema::for_policy(ResourceKind::Group, Policy::Product);
        if let Ok(out) = apply(&s, &group(), &req)
            && let Ok(obj) = normalize(&s, &out.resource, &mut Vec::new())
            && limits::check_normalised(ResourceKind::Group, &obj).is_ok()
        {
            let _ = group_write(&s, &obj);
        }
    }
});
