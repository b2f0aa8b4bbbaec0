//! Groups: each group with its member count and what the product assigns
//! to it; Enter lists the members.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Row, Table};

use super::{ACCENT, block, loading};
use crate::engine::admin::groups::GroupInfo;
use crate::tui::app::App;

/// A group's assignments in one line, as `groups list` writes them.
pub(crate) fn assignments(g: &GroupInfo) -> String {
    let mut parts = Vec::new();
    if !g.properties.is_empty() {
        parts.push(format!("properties: {}", g.properties.join(", ")));
    }
    if !g.roles.is_empty() {
        parts.push(format!("roles: {}", g.roles.join(", ")));
    }
    if !g.permissions.is_empty() {
        parts.push(format!("permissions: {}", g.permissions.join(", ")));
    }
    parts.extend(g.other.iter().cloned());
    if parts.is_empty() {
        "none".into()
    } else {
        parts.join("; ")
    }
}

pub fn render(app: &App, f: &mut Frame, area: Rect) {
    let Some(list) = &app.groups.list else {
        return loading(f, area, " Groups ");
    };
    let title = format!(" Groups ({}) · Enter: members ", list.len());
    if list.is_empty() {
        f.render_widget(
            Paragraph::new(Span::styled(
                "No groups yet: the identity provider creates them when it provisions groups.",
                Style::new().dim(),
            ))
            .block(block(title)),
            area,
        );
        return;
    }
    let rows = usize::from(area.height.saturating_sub(3)).max(1);
    let from = app.groups.pos.visible_from(list.len(), rows);
    let body = list.iter().enumerate().skip(from).take(rows).map(|(i, g)| {
        let row = Row::new(vec![
            g.display_name.clone(),
            g.member_count.to_string(),
            assignments(g),
        ]);
        if i == app.groups.pos.selected {
            row.style(Style::new().reversed())
        } else {
            row
        }
    });
    let table = Table::new(
        body,
        [
            Constraint::Percentage(30),
            Constraint::Length(7),
            Constraint::Fill(1),
        ],
    )
    .header(Row::new(vec!["NAME", "MEMBERS", "ASSIGNMENTS"]).style(Style::new().fg(ACCENT).bold()))
    .block(block(title));
    f.render_widget(table, area);
}
