//! User and group resource bodies as a client sends them (arbitrary JSON),
//! normalised and turned into what the store keeps, under both policies:
//! never a panic, whatever the body.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scimctl::engine::model::Policy;
use scimctl::engine::scim::limits;
use scimctl::engine::scim::resource::{group_write, normalize, user_write};
use scimctl::engine::scim::schema::{ResourceKind, ResourceSchema};
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(body) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    // Whatever the limits say, normalisation must not panic; the limit
    // checks run too, as the engine runs them first.
    let _ = limits::check_resource(ResourceKind::User, &body);
    let _ = limits::check_resource(ResourceKind::Group, &body);
    for policy in [Policy::Product, Policy::Standard] {
        let s = ResourceSchema::for_policy(ResourceKind::User, policy);
        if let Ok(obj) = normalize(&s, &body, &mut Vec::new()) {
            let _ = user_write(policy, &s, obj, &mut Vec::new());
        }
        let s = ResourceSchema::for_policy(ResourceKind::Group, policy);
        if let Ok(obj) = normalize(&s, &body, &mut Vec::new()) {
            let _ = group_write(&s, &obj);
        }
    }
});
