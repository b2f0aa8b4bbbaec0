//! `users list|add|show`.

use super::{Input, is_false, routes};
use crate::engine::EngineError;
use crate::engine::admin::members::{MAX_PAGE, MemberPage, MemberQuery, UserFacts};
use crate::engine::admin::users::{MemberAdded, NewMember};
use crate::engine::model::ManagedBy;

tenant_command! {
    /// `users list`, with its flags' names in the query (`managed_by=idp`,
    /// `pending_transfer=true`, …).
    List at routes::USERS_LIST => MemberPage,
    consts { const INPUT: Input = Input::Query; }
    fields {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub managed_by: Option<String>,
        #[serde(default, skip_serializing_if = "is_false")]
        pub pending_transfer: bool,
        #[serde(default, skip_serializing_if = "is_false")]
        pub inactive: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub search: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub limit: Option<u64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub after: Option<String>,
    }
    |c, t, ctx| ctx.engine.list_members(&t, &c.member_query()?)
}

impl List {
    pub fn new(tenant: &str, q: &MemberQuery) -> List {
        List {
            tenant: tenant.to_owned(),
            managed_by: q.managed_by.map(|m| m.as_str().to_owned()),
            pending_transfer: q.pending_transfer,
            inactive: q.inactive,
            search: q.search.clone(),
            limit: Some(q.limit),
            after: q.after.clone(),
        }
    }

    /// The engine's query; `limit` 50 unless given, within 1..=MAX_PAGE.
    pub fn member_query(self) -> Result<MemberQuery, EngineError> {
        let managed_by = match self.managed_by.as_deref() {
            Some(m) => Some(
                ManagedBy::parse(m).ok_or_else(|| EngineError::InvalidValue {
                    field: "managed_by",
                    reason: format!("\"{m}\" is not one of idp, tenant, self"),
                })?,
            ),
            None => None,
        };
        let limit = self.limit.unwrap_or(50);
        if !(1..=MAX_PAGE).contains(&limit) {
            return Err(EngineError::InvalidValue {
                field: "limit",
                reason: format!("{limit} is not in 1..={MAX_PAGE}"),
            });
        }
        Ok(MemberQuery {
            managed_by,
            pending_transfer: self.pending_transfer,
            inactive: self.inactive,
            search: self.search,
            after: self.after,
            limit,
        })
    }
}

tenant_command! {
    Add at routes::USERS_ADD => MemberAdded,
    consts { const CREATES: bool = true; }
    fields {
        pub email: String,
        pub given_name: String,
        pub family_name: String,
        #[serde(default)]
        pub central: bool,
    }
    |c, t, ctx| {
        let m = NewMember {
            email: &c.email,
            given_name: &c.given_name,
            family_name: &c.family_name,
            central: c.central,
        };
        ctx.engine.add_member(&t, &m)
    }
}

tenant_command! {
    /// A member's facts; a non-member is `user_not_found`.
    Show at routes::USERS_SHOW => UserFacts,
    path { email }
    |c, t, ctx| ctx.engine.member_facts(&t, &c.email)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_survives_the_round_trip_through_a_url() {
        let q = MemberQuery {
            managed_by: Some(ManagedBy::Idp),
            pending_transfer: true,
            inactive: false,
            search: Some("a&b=c".into()),
            after: None,
            limit: 20,
        };
        let wire = serde_urlencoded::to_string(List::new("acme", &q)).unwrap();
        assert_eq!(
            wire,
            "managed_by=idp&pending_transfer=true&search=a%26b%3Dc&limit=20"
        );
        // The server puts the path's tenant back in front of the query.
        let back: List = serde_urlencoded::from_str(&format!("tenant=acme&{wire}")).unwrap();
        assert_eq!(back.tenant, "acme");
        let back = back.member_query().unwrap();
        assert_eq!(back.managed_by, q.managed_by);
        assert_eq!(back.search, q.search);
        assert_eq!(back.limit, 20);
        assert!(back.pending_transfer && !back.inactive);
    }
}
