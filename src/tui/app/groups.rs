//! The Groups tab's state and handling: the tenant's groups and a group's
//! members window.

use crate::engine::admin::groups::GroupInfo;

use super::list::ListPos;
use super::modals::Modal;
use super::{App, Effect, Failure, Tab};

#[derive(Debug, Default)]
pub struct GroupsState {
    /// None until the first read comes back.
    pub list: Option<Vec<GroupInfo>>,
    pub pos: ListPos,
}

impl GroupsState {
    fn len(&self) -> usize {
        self.list.as_ref().map_or(0, Vec::len)
    }

    pub(super) fn step(&mut self, by: isize, rows: usize) {
        let len = self.len();
        self.pos.step(by, len, rows);
    }

    /// Keeps the selection on screen after a resize or a reload.
    pub(super) fn fit(&mut self, rows: usize) {
        let (sel, len) = (self.pos.selected, self.len());
        self.pos.select(sel, len, rows);
    }
}

impl App {
    pub(super) fn groups_loaded(&mut self, r: Result<Vec<GroupInfo>, Failure>) -> Vec<Effect> {
        match r {
            Ok(list) => {
                self.groups.list = Some(list);
                let rows = super::super::ui::list_rows(self.size, Tab::Groups);
                self.groups.fit(rows);
            }
            Err(e) => self.failed(e),
        }
        Vec::new()
    }

    /// Enter on a group: its members window, filled by a read.
    pub(super) fn open_group(&mut self) -> Vec<Effect> {
        let g = self
            .groups
            .list
            .as_ref()
            .and_then(|l| l.get(self.groups.pos.selected));
        let Some(g) = g else {
            return Vec::new();
        };
        let group_id = g.id.clone();
        self.modal = Some(Modal::GroupMembers {
            group_id: group_id.clone(),
            name: g.display_name.clone(),
            members: None,
        });
        vec![Effect::LoadGroupMembers { group_id }]
    }

    /// Fills the members window if it is still the group's.
    pub(super) fn group_members_loaded(
        &mut self,
        group_id: String,
        members: Result<Vec<String>, Failure>,
    ) -> Vec<Effect> {
        if let Some(Modal::GroupMembers {
            group_id: open,
            members: slot,
            ..
        }) = &mut self.modal
            && *open == group_id
        {
            *slot = Some(members);
        }
        Vec::new()
    }
}
