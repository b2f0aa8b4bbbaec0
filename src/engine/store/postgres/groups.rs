//! [`GroupTx`](crate::engine::store::GroupTx) on PostgreSQL.

use super::*;

impl GroupTx for PgTx<'_> {
    fn insert_group(&self, g: &Group) -> Result<()> {
        self.exec(
            "INSERT INTO groups (id, tenant_id, display_name, display_name_lower, external_id, doc, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            &[&g.id, &g.tenant_id, &g.display_name, &fold_case(&g.display_name), &g.external_id, &g.doc, &g.version, &ms(g.created_at), &ms(g.updated_at)],
        )?;
        Ok(())
    }

    fn group_by_id(&self, tenant_id: &str, id: &str) -> Result<Option<Group>> {
        if !storable(id) {
            return Ok(None);
        }
        self.one(
            concat!(
                "SELECT ",
                group_cols!(),
                " FROM groups WHERE id = $1 AND tenant_id = $2"
            ),
            &[&id, &tenant_id],
            group_row,
        )
    }

    fn group_by_name(&self, tenant_id: &str, name_lower: &str) -> Result<Option<Group>> {
        if !storable(name_lower) {
            return Ok(None);
        }
        self.one(
            concat!(
                "SELECT ",
                group_cols!(),
                " FROM groups WHERE tenant_id = $1 AND display_name_lower = $2"
            ),
            &[&tenant_id, &name_lower],
            group_row,
        )
    }

    fn groups(&self, tenant_id: &str) -> Result<Vec<Group>> {
        self.all(
            concat!(
                "SELECT ",
                group_cols!(),
                " FROM groups WHERE tenant_id = $1 ORDER BY display_name_lower"
            ),
            &[&tenant_id],
            group_row,
        )
    }

    fn update_group(&self, g: &Group) -> Result<()> {
        self.exec(
            "UPDATE groups SET display_name = $3, display_name_lower = $4, external_id = $5, doc = $6, version = $7, updated_at = $8 WHERE id = $1 AND tenant_id = $2",
            &[&g.id, &g.tenant_id, &g.display_name, &fold_case(&g.display_name), &g.external_id, &g.doc, &g.version, &ms(g.updated_at)],
        )?;
        Ok(())
    }

    fn delete_group(&self, tenant_id: &str, id: &str) -> Result<bool> {
        Ok(self.exec(
            "DELETE FROM groups WHERE id = $1 AND tenant_id = $2",
            &[&id, &tenant_id],
        )? > 0)
    }

    fn add_assignment(&self, group_id: &str, a: &Assignment) -> Result<bool> {
        Ok(self.exec(
            "INSERT INTO group_assignments (group_id, kind, value) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            &[&group_id, &a.kind.as_str(), &a.value],
        )? > 0)
    }

    fn assignments(&self, group_id: &str) -> Result<Vec<Assignment>> {
        self.all(
            "SELECT kind, value FROM group_assignments WHERE group_id = $1 ORDER BY kind, value",
            &[&group_id],
            |r| {
                let k: String = col(r, 0)?;
                let kind = AssignmentKind::parse(&k).ok_or_else(|| {
                    EngineError::from(StoreError::Backend(format!(
                        "unknown assignment kind {k:?}"
                    )))
                })?;
                Ok(Assignment {
                    kind,
                    value: col(r, 1)?,
                })
            },
        )
    }

    fn add_group_member(
        &self,
        group_id: &str,
        membership_id: &str,
        display: Option<&str>,
        added: OffsetDateTime,
    ) -> Result<bool> {
        Ok(self.exec(
            "INSERT INTO group_members (group_id, membership_id, added_at, display) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            &[&group_id, &membership_id, &ms(added), &display],
        )? > 0)
    }

    fn set_group_member_display(
        &self,
        group_id: &str,
        membership_id: &str,
        display: Option<&str>,
    ) -> Result<bool> {
        Ok(self.exec(
            "UPDATE group_members SET display = $3 WHERE group_id = $1 AND membership_id = $2 AND display IS DISTINCT FROM $3",
            &[&group_id, &membership_id, &display],
        )? > 0)
    }

    fn remove_group_member(&self, group_id: &str, membership_id: &str) -> Result<bool> {
        Ok(self.exec(
            "DELETE FROM group_members WHERE group_id = $1 AND membership_id = $2",
            &[&group_id, &membership_id],
        )? > 0)
    }

    fn group_members(&self, group_id: &str) -> Result<Vec<String>> {
        self.all(
            "SELECT membership_id FROM group_members WHERE group_id = $1 ORDER BY added_at, membership_id",
            &[&group_id],
            |r| col(r, 0),
        )
    }

    fn groups_of_member(&self, membership_id: &str) -> Result<Vec<String>> {
        self.all(
            "SELECT group_id FROM group_members WHERE membership_id = $1 ORDER BY added_at, group_id",
            &[&membership_id],
            |r| col(r, 0),
        )
    }

    fn groups_by_external_id(&self, tenant_id: &str, external_id: &str) -> Result<Vec<Group>> {
        if !storable(external_id) {
            return Ok(Vec::new());
        }
        self.all(
            concat!(
                "SELECT ",
                group_cols!(),
                " FROM groups WHERE tenant_id = $1 AND external_id = $2 ORDER BY created_at, id"
            ),
            &[&tenant_id, &external_id],
            group_row,
        )
    }

    fn groups_with_member(&self, tenant_id: &str, membership_id: &str) -> Result<Vec<Group>> {
        self.all(
            concat!(
                "SELECT ",
                group_cols!(),
                " FROM groups WHERE tenant_id = $1 AND id IN (SELECT group_id FROM group_members WHERE membership_id = $2) ORDER BY created_at, id"
            ),
            &[&tenant_id, &membership_id],
            group_row,
        )
    }

    fn groups_page(&self, tenant_id: &str, offset: u64, limit: u64) -> Result<Vec<Group>> {
        self.all(
            concat!(
                "SELECT ",
                group_cols!(),
                " FROM groups WHERE tenant_id = $1 ORDER BY created_at, id LIMIT $2 OFFSET $3"
            ),
            &[&tenant_id, &clamp(limit), &clamp(offset)],
            group_row,
        )
    }

    fn groups_after(
        &self,
        tenant_id: &str,
        after_id: Option<&str>,
        limit: u64,
    ) -> Result<Vec<Group>> {
        self.all(
            concat!(
                "SELECT ",
                group_cols!(),
                " FROM groups WHERE tenant_id = $1 AND id > $2 ORDER BY id LIMIT $3"
            ),
            &[&tenant_id, &after_id.unwrap_or(""), &clamp(limit)],
            group_row,
        )
    }

    fn group_total(&self, tenant_id: &str) -> Result<u64> {
        let n: Option<i64> = self.one(
            "SELECT count(*) FROM groups WHERE tenant_id = $1",
            &[&tenant_id],
            |r| col(r, 0),
        )?;
        Ok(n.unwrap_or(0).max(0) as u64)
    }

    fn group_member_refs(&self, group_id: &str) -> Result<Vec<MemberRef>> {
        self.all(
            "SELECT gm.membership_id, a.user_name, gm.display FROM group_members gm JOIN memberships m ON m.id = gm.membership_id JOIN accounts a ON a.id = m.account_id WHERE gm.group_id = $1 ORDER BY gm.added_at, gm.membership_id",
            &[&group_id],
            |r| {
                Ok(MemberRef {
                    membership_id: col(r, 0)?,
                    user_name: col(r, 1)?,
                    display: col(r, 2)?,
                })
            },
        )
    }
}
