//! Users: the tenant's members in email order, read a page at a time as
//! the selection moves down; `/` searches as it is typed; Enter diagnoses.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Row, Table};

use super::{ACCENT, BAD, WARN, block};
use crate::engine::admin::members::InvitationState;
use crate::engine::model::ManagedBy;
use crate::tui::app::App;

/// The INVITE column (7 wide): pending, queued, retry (an attempt failed),
/// sent, joined (the link was used), failed.
fn invitation(s: &InvitationState) -> String {
    match s {
        InvitationState::Pending { .. } => "pending".into(),
        InvitationState::Queued {
            last_error: Some(_),
            ..
        } => "retry".into(),
        InvitationState::Queued { .. } => "queued".into(),
        InvitationState::Sent {
            redeemed_at: Some(_),
            ..
        } => "joined".into(),
        InvitationState::Sent { .. } => "sent".into(),
        InvitationState::Failed { .. } => "failed".into(),
    }
}

pub fn render(app: &App, f: &mut Frame, area: Rect) {
    let u = &app.users;
    let mut title = match u.total {
        Some(total) if (u.rows.len() as u64) < total => {
            format!(" Users ({} of {total} read)", u.rows.len())
        }
        Some(total) => format!(" Users ({total})"),
        None => " Users".to_owned(),
    };
    if let Some(s) = &app.users.search {
        title.push_str(&format!(" · search \"{s}\""));
    }
    title.push_str(" · / search · Enter: diagnose ");
    if u.rows.is_empty() {
        let text = if u.total.is_none() {
            "Loading…"
        } else if app.users.search.is_some() {
            "No member matches the search."
        } else {
            "No members yet."
        };
        f.render_widget(
            Paragraph::new(Span::styled(text, Style::new().dim())).block(block(title)),
            area,
        );
        return;
    }
    let rows = usize::from(area.height.saturating_sub(3)).max(1);
    let from = u.pos.visible_from(u.rows.len(), rows);
    let wide = area.width >= 100;
    let body = u
        .rows
        .iter()
        .enumerate()
        .skip(from)
        .take(rows)
        .map(|(i, m)| {
            let mut cells = vec![
                m.email.clone(),
                m.managed_by.as_str().to_owned(),
                m.kind.as_str().to_owned(),
                if m.active { "yes" } else { "no" }.to_owned(),
                m.groups.join(", "),
                invitation(&m.invitation),
            ];
            if wide {
                cells.insert(1, m.name.clone());
            }
            let mut style = match (m.active, m.managed_by) {
                (false, _) => Style::new().fg(BAD),
                (_, ManagedBy::Tenant | ManagedBy::SelfManaged) => Style::new().fg(WARN),
                _ => Style::new(),
            };
            if i == u.pos.selected {
                style = style.reversed();
            }
            Row::new(cells).style(style)
        });
    let mut widths = vec![
        Constraint::Fill(2),
        Constraint::Length(6),
        Constraint::Length(8),
        Constraint::Length(6),
        Constraint::Fill(1),
        Constraint::Length(7),
    ];
    let mut header = vec!["EMAIL", "OWNER", "KIND", "ACTIVE", "GROUPS", "INVITE"];
    if wide {
        widths.insert(1, Constraint::Fill(1));
        header.insert(1, "NAME");
    }
    let table = Table::new(body, widths)
        .header(Row::new(header).style(Style::new().fg(ACCENT).bold()))
        .block(block(title));
    f.render_widget(table, area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_invitation_state_fits_its_column() {
        let at = time::OffsetDateTime::UNIX_EPOCH;
        let states = [
            InvitationState::Pending { why: "x".into() },
            InvitationState::Queued {
                at,
                attempts: 0,
                last_error: None,
                next_attempt_at: None,
            },
            InvitationState::Queued {
                at,
                attempts: 2,
                last_error: Some("451 later".into()),
                next_attempt_at: Some(at),
            },
            InvitationState::Sent {
                at,
                redeemed_at: None,
            },
            InvitationState::Sent {
                at,
                redeemed_at: Some(at),
            },
            InvitationState::Failed {
                at,
                reason: "550".into(),
                fix: "check".into(),
            },
        ];
        let shown: Vec<String> = states.iter().map(invitation).collect();
        assert_eq!(
            shown,
            ["pending", "queued", "retry", "sent", "joined", "failed"]
        );
        assert!(shown.iter().all(|s| s.len() <= 7));
    }
}
