//! [`MemberTx`](crate::engine::store::MemberTx) on PostgreSQL.

use super::*;

impl MemberTx for PgTx<'_> {
    fn move_membership(
        &self,
        id: &str,
        from: &str,
        to: &str,
        namespace: Option<&str>,
    ) -> Result<bool> {
        if self.exec(
            "UPDATE memberships SET tenant_id = $3 WHERE id = $1 AND tenant_id = $2",
            &[&id, &from, &to],
        )? == 0
        {
            return Ok(false);
        }
        self.exec(
            "UPDATE member_emails SET tenant_id = $2 WHERE membership_id = $1",
            &[&id, &to],
        )?;
        self.exec(
            "UPDATE invitations SET tenant_id = $2 WHERE membership_id = $1",
            &[&id, &to],
        )?;
        self.exec("DELETE FROM group_members WHERE membership_id = $1", &[&id])?;
        if let Some(ns) = namespace {
            self.exec(
                "UPDATE accounts SET namespace = $2 WHERE id = (SELECT account_id FROM memberships WHERE id = $1)",
                &[&id, &ns],
            )?;
        }
        Ok(true)
    }

    fn insert_account(&self, a: &Account) -> Result<()> {
        self.exec(
            "INSERT INTO accounts (id, namespace, user_name, user_name_lower, given_name, family_name, name_lower, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            &[&a.id, &a.namespace, &a.user_name, &fold_case(&a.user_name), &a.given_name, &a.family_name, &name_lower(a.given_name.as_deref(), a.family_name.as_deref()), &ms(a.created_at), &ms(a.updated_at)],
        )?;
        Ok(())
    }

    fn account_by_id(&self, id: &str) -> Result<Option<Account>> {
        if !storable(id) {
            return Ok(None);
        }
        self.one(
            concat!("SELECT ", account_cols!(), " FROM accounts WHERE id = $1"),
            &[&id],
            account_row,
        )
    }

    fn account_by_user_name(
        &self,
        namespace: &str,
        user_name_lower: &str,
    ) -> Result<Option<Account>> {
        if !storable(user_name_lower) {
            return Ok(None);
        }
        self.one(
            concat!(
                "SELECT ",
                account_cols!(),
                " FROM accounts WHERE namespace = $1 AND user_name_lower = $2"
            ),
            &[&namespace, &user_name_lower],
            account_row,
        )
    }

    fn update_account(&self, a: &Account) -> Result<()> {
        self.exec(
            "UPDATE accounts SET user_name = $2, user_name_lower = $3, given_name = $4, family_name = $5, name_lower = $6, updated_at = $7 WHERE id = $1",
            &[&a.id, &a.user_name, &fold_case(&a.user_name), &a.given_name, &a.family_name, &name_lower(a.given_name.as_deref(), a.family_name.as_deref()), &ms(a.updated_at)],
        )?;
        Ok(())
    }

    fn delete_account(&self, id: &str) -> Result<bool> {
        Ok(self.exec("DELETE FROM accounts WHERE id = $1", &[&id])? > 0)
    }

    fn insert_membership(&self, m: &Membership) -> Result<()> {
        self.exec(
            "INSERT INTO memberships (id, tenant_id, account_id, kind, managed_by, active, external_id, doc, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            &[&m.id, &m.tenant_id, &m.account_id, &m.kind.as_str(), &m.managed_by.as_str(), &m.active, &m.external_id, &m.doc, &m.version, &ms(m.created_at), &ms(m.updated_at)],
        )?;
        Ok(())
    }

    fn membership_by_id(&self, tenant_id: &str, id: &str) -> Result<Option<Membership>> {
        if !storable(id) {
            return Ok(None);
        }
        self.one(
            concat!(
                "SELECT ",
                membership_cols!(),
                " FROM memberships WHERE id = $1 AND tenant_id = $2"
            ),
            &[&id, &tenant_id],
            membership_row,
        )
    }

    fn membership_of(&self, tenant_id: &str, account_id: &str) -> Result<Option<Membership>> {
        self.one(
            concat!(
                "SELECT ",
                membership_cols!(),
                " FROM memberships WHERE tenant_id = $1 AND account_id = $2"
            ),
            &[&tenant_id, &account_id],
            membership_row,
        )
    }

    fn memberships_of_account(&self, account_id: &str) -> Result<Vec<Membership>> {
        self.all(
            concat!(
                "SELECT ",
                membership_cols!(),
                " FROM memberships WHERE account_id = $1 ORDER BY created_at, id"
            ),
            &[&account_id],
            membership_row,
        )
    }

    fn memberships_by_external_id(
        &self,
        tenant_id: &str,
        external_id: &str,
    ) -> Result<Vec<Membership>> {
        if !storable(external_id) {
            return Ok(Vec::new());
        }
        self.all(
            concat!(
                "SELECT ",
                membership_cols!(),
                " FROM memberships WHERE tenant_id = $1 AND external_id = $2 ORDER BY created_at, id"
            ),
            &[&tenant_id, &external_id],
            membership_row,
        )
    }

    fn update_membership(&self, m: &Membership) -> Result<()> {
        self.exec(
            "UPDATE memberships SET kind = $3, managed_by = $4, active = $5, external_id = $6, doc = $7, version = $8, updated_at = $9 WHERE id = $1 AND tenant_id = $2",
            &[&m.id, &m.tenant_id, &m.kind.as_str(), &m.managed_by.as_str(), &m.active, &m.external_id, &m.doc, &m.version, &ms(m.updated_at)],
        )?;
        Ok(())
    }

    fn delete_membership(&self, tenant_id: &str, id: &str) -> Result<bool> {
        Ok(self.exec(
            "DELETE FROM memberships WHERE id = $1 AND tenant_id = $2",
            &[&id, &tenant_id],
        )? > 0)
    }

    fn member_counts(&self, tenant_id: &str) -> Result<MemberCounts> {
        let rows: Vec<(String, i64)> = self.all(
            "SELECT managed_by, count(*) FROM memberships WHERE tenant_id = $1 GROUP BY managed_by",
            &[&tenant_id],
            |r| Ok((col(r, 0)?, col(r, 1)?)),
        )?;
        let mut c = MemberCounts::default();
        for (by, n) in rows {
            let n = n.max(0) as u64;
            match ManagedBy::parse(&by) {
                Some(ManagedBy::Idp) => c.idp = n,
                Some(ManagedBy::Tenant) => c.tenant = n,
                Some(ManagedBy::SelfManaged) => c.self_managed = n,
                None => {}
            }
            c.total += n;
        }
        Ok(c)
    }

    fn idp_members_up_to(&self, tenant_id: &str, cap: u64) -> Result<u64> {
        let cap = i64::try_from(cap).unwrap_or(i64::MAX);
        let n: Option<i64> = self.one(
            "SELECT count(*) FROM (SELECT 1 FROM memberships WHERE tenant_id = $1 AND managed_by = 'idp' LIMIT $2) AS m",
            &[&tenant_id, &cap],
            |r| col(r, 0),
        )?;
        Ok(n.unwrap_or(0).max(0) as u64)
    }

    fn member(&self, tenant_id: &str, id: &str) -> Result<Option<MemberRecord>> {
        if !storable(id) {
            return Ok(None);
        }
        self.one(
            concat!(
                "SELECT ",
                member_cols!(),
                " ",
                member_from!(),
                " WHERE m.id = $1 AND m.tenant_id = $2"
            ),
            &[&id, &tenant_id],
            member_row,
        )
    }

    fn members_by_user_name(
        &self,
        tenant_id: &str,
        namespace: &str,
        user_name_lower: &str,
    ) -> Result<Vec<MemberRecord>> {
        if !storable(user_name_lower) {
            return Ok(Vec::new());
        }
        self.all(
            concat!(
                "SELECT ",
                member_cols!(),
                " ",
                member_from!(),
                " WHERE a.namespace = $2 AND a.user_name_lower = $3 AND m.tenant_id = $1"
            ),
            &[&tenant_id, &namespace, &user_name_lower],
            member_row,
        )
    }

    fn members_by_external_id(
        &self,
        tenant_id: &str,
        external_id: &str,
    ) -> Result<Vec<MemberRecord>> {
        if !storable(external_id) {
            return Ok(Vec::new());
        }
        self.all(
            concat!(
                "SELECT ",
                member_cols!(),
                " ",
                member_from!(),
                " WHERE m.tenant_id = $1 AND m.external_id = $2 ORDER BY m.created_at, m.id"
            ),
            &[&tenant_id, &external_id],
            member_row,
        )
    }

    fn members_by_email(&self, tenant_id: &str, email_lower: &str) -> Result<Vec<MemberRecord>> {
        if !storable(email_lower) {
            return Ok(Vec::new());
        }
        self.all(
            concat!(
                "SELECT ",
                member_cols!(),
                " FROM member_emails e JOIN memberships m ON m.id = e.membership_id JOIN accounts a ON a.id = m.account_id",
                " WHERE e.tenant_id = $1 AND e.value_lower = $2 AND m.tenant_id = $1 ORDER BY e.membership_id"
            ),
            &[&tenant_id, &email_lower],
            member_row,
        )
    }

    fn members_page(&self, tenant_id: &str, offset: u64, limit: u64) -> Result<Vec<MemberRecord>> {
        self.all(
            concat!(
                "SELECT ",
                member_cols!(),
                " ",
                member_from!(),
                " WHERE m.tenant_id = $1 ORDER BY m.created_at, m.id LIMIT $2 OFFSET $3"
            ),
            &[&tenant_id, &clamp(limit), &clamp(offset)],
            member_row,
        )
    }

    fn members_after(
        &self,
        tenant_id: &str,
        after_id: Option<&str>,
        limit: u64,
    ) -> Result<Vec<MemberRecord>> {
        self.all(
            concat!(
                "SELECT ",
                member_cols!(),
                " ",
                member_from!(),
                " WHERE m.tenant_id = $1 AND m.id > $2 ORDER BY m.id LIMIT $3"
            ),
            &[&tenant_id, &after_id.unwrap_or(""), &clamp(limit)],
            member_row,
        )
    }

    fn member_total(&self, tenant_id: &str) -> Result<u64> {
        let n: Option<i64> = self.one(
            "SELECT count(*) FROM memberships WHERE tenant_id = $1",
            &[&tenant_id],
            |r| col(r, 0),
        )?;
        Ok(n.unwrap_or(0).max(0) as u64)
    }

    fn remove_member_emails(&self, membership_id: &str) -> Result<()> {
        self.exec(
            "DELETE FROM member_emails WHERE membership_id = $1",
            &[&membership_id],
        )?;
        Ok(())
    }

    fn add_member_emails(
        &self,
        tenant_id: &str,
        membership_id: &str,
        emails_lower: &[String],
    ) -> Result<()> {
        if !emails_lower.is_empty() {
            self.exec(
                "INSERT INTO member_emails (membership_id, tenant_id, value_lower) SELECT $1, $2, v FROM unnest($3::text[]) AS v ON CONFLICT DO NOTHING",
                &[&membership_id, &tenant_id, &emails_lower],
            )?;
        }
        Ok(())
    }

    fn member_list(
        &self,
        tenant_id: &str,
        namespace: &str,
        f: &MemberFilter,
        after: Option<&str>,
        limit: u64,
    ) -> Result<Vec<MemberRecord>> {
        let (clause, mut args) = member_filter_sql(tenant_id, f);
        args.push(Box::new(namespace.to_owned()));
        let ns = args.len();
        args.push(Box::new(after.unwrap_or("").to_owned()));
        let after_arg = args.len();
        args.push(Box::new(clamp(limit)));
        let sql = format!(
            "SELECT {MEMBER_COLS} {} WHERE a.namespace = ${ns} AND a.user_name_lower > ${after_arg} AND {clause} \
             ORDER BY a.user_name_lower LIMIT ${}",
            member_from!(),
            args.len()
        );
        let params: Vec<&(dyn ToSql + Sync)> = args.iter().map(|a| a.as_ref()).collect();
        self.all(&sql, &params, member_row)
    }

    fn member_list_total(&self, tenant_id: &str, f: &MemberFilter) -> Result<u64> {
        if *f == MemberFilter::default() {
            return self.member_total(tenant_id);
        }
        let (clause, args) = member_filter_sql(tenant_id, f);
        let sql = format!("SELECT count(*) {} WHERE {clause}", member_from!());
        let params: Vec<&(dyn ToSql + Sync)> = args.iter().map(|a| a.as_ref()).collect();
        let n: Option<i64> = self.one(&sql, &params, |r| col(r, 0))?;
        Ok(n.unwrap_or(0).max(0) as u64)
    }
}

/// What member search matches a name against: "given family", folded.
pub(super) fn name_lower(given: Option<&str>, family: Option<&str>) -> String {
    fold_case(&format!("{} {}", given.unwrap_or(""), family.unwrap_or("")))
}

type Arg = Box<dyn ToSql + Sync>;

/// The WHERE clause of a member filter and its arguments (`$1` = tenant).
pub(super) fn member_filter_sql(tenant_id: &str, f: &MemberFilter) -> (String, Vec<Arg>) {
    let mut args: Vec<Arg> = vec![Box::new(tenant_id.to_owned())];
    let mut clause = String::from("m.tenant_id = $1");
    if let Some(by) = f.managed_by {
        args.push(Box::new(by.as_str()));
        clause.push_str(&format!(" AND m.managed_by = ${}", args.len()));
    }
    if let Some(k) = f.kind {
        args.push(Box::new(k.as_str()));
        clause.push_str(&format!(" AND m.kind = ${}", args.len()));
    }
    if let Some(a) = f.active {
        args.push(Box::new(a));
        clause.push_str(&format!(" AND m.active = ${}", args.len()));
    }
    if let Some(text) = &f.search_lower {
        args.push(Box::new(text.clone()));
        let n = args.len();
        clause.push_str(&format!(
            " AND (strpos(a.user_name_lower, ${n}) > 0 OR strpos(a.name_lower, ${n}) > 0)"
        ));
    }
    (clause, args)
}
