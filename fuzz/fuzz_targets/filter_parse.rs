//! The SCIM filter parser on arbitrary UTF-8: it must never panic, and what
//! it accepts must print back to a filter that parses to the same tree. An
//! accepted filter is also validated, planned and evaluated against a user,
//! so no accepted input can crash the later stages either.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scimctl::engine::model::Policy;
use scimctl::engine::scim::filter::{Filter, PathExpr};
use scimctl::engine::scim::limits;
use scimctl::engine::scim::schema::{ResourceKind, ResourceSchema};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = PathExpr::parse(text);
    let Ok(f) = Filter::parse(text) else {
        return;
    };
    let printed = f.to_string();
    // Printing escapes control characters (one byte becomes six), so the
    // printed form may be over the length limit that the input was under.
    if printed.len() <= limits::MAX_FILTER_BYTES {
        let again = Filter::parse(&printed).expect("a printed filter parses");
        assert_eq!(f, again, "print/parse round trip of {printed:?}");
    }
    let user = serde_json::json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "id": "2819c223", "userName": "Bjensen@Example.com", "active": true,
        "name": {"givenName": "Barbara", "familyName": "Jensen"},
        "emails": [{"value": "b@x.com", "type": "work", "primary": true}],
        "meta": {"created": "2026-01-01T00:00:00Z"}
    });
    for policy in [Policy::Product, Policy::Standard] {
        for kind in [ResourceKind::User, ResourceKind::Group] {
            let s = ResourceSchema::for_policy(kind, policy);
            if f.validate(&s).is_ok() {
                let _ = f.plan(&s);
                let _ = f.matches(&user, &s);
            }
        }
    }
});
