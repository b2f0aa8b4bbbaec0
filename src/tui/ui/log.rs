//! Log: the provisioning log, newest last, following new records while the
//! newest is selected; errors in red; filters in the title.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table};

use super::{ACCENT, BAD, WARN, block, clock};
use crate::engine::log::LogRecord;
use crate::format::printable;
use crate::tui::app::App;

fn title(app: &App) -> Line<'static> {
    let l = &app.log;
    let mut parts = vec![format!(" Log ({})", l.len())];
    if l.errors_only {
        parts.push("errors only".into());
    }
    if let Some(u) = &l.user {
        parts.push(format!("user {u}"));
    }
    if let Some(s) = &l.status {
        parts.push(format!("status {s}…"));
    }
    parts.push(
        if l.follow {
            "following"
        } else {
            "paused (End follows)"
        }
        .into(),
    );
    Line::from(format!("{} ", parts.join(" · ")))
}

/// The request's path below the tenant's base, where every record of the
/// tenant has the same prefix.
fn short_path(app: &App, r: &LogRecord) -> String {
    let base = format!("/scim/v2/{}", app.tenant.id);
    let p = r.path.strip_prefix(&base).unwrap_or(&r.path);
    let p = if p.is_empty() { "/" } else { p };
    match &r.query {
        Some(q) => format!("{p}?{q}"),
        None => p.to_owned(),
    }
}

pub fn render(app: &App, f: &mut Frame, area: Rect) {
    let l = &app.log;
    if l.is_empty() {
        let text = if !l.loaded {
            "Loading…"
        } else if l.errors_only || l.user.is_some() || l.status.is_some() {
            "No requests match the filters (c clears them)."
        } else {
            "No SCIM requests yet. Point the identity provider at the tenant URL; requests appear here as they arrive."
        };
        f.render_widget(
            Paragraph::new(Span::styled(text, Style::new().dim())).block(block(title(app))),
            area,
        );
        return;
    }
    let rows = usize::from(area.height.saturating_sub(3)).max(1);
    let len = l.len();
    let from = l.pos.visible_from(len, rows);
    let wide = area.width >= 100;
    let body = (from..(from + rows).min(len)).filter_map(|i| {
        let r = l.get(i)?;
        let who = r
            .user_email
            .clone()
            .or_else(|| r.user_id.clone())
            .unwrap_or_default();
        // The fields came from the network: control characters escaped.
        let p = |s: &str| printable(s).into_owned();
        let mut cells = vec![
            clock(r.at),
            r.status.to_string(),
            p(&r.method),
            p(&short_path(app, r)),
            p(&who),
            p(r.reason.as_deref().unwrap_or_default()),
        ];
        if wide {
            cells.push(format!("{:.1}", r.latency_us as f64 / 1000.0));
        }
        let mut style = match r.status {
            500.. => Style::new().fg(BAD).bold(),
            400.. => Style::new().fg(BAD),
            _ if !r.transfers.is_empty() || !r.invitations.is_empty() => Style::new().fg(WARN),
            _ => Style::new(),
        };
        if i == l.pos.selected {
            style = style.reversed();
        }
        Some(Row::new(cells).style(style))
    });
    let mut widths = vec![
        Constraint::Length(8),
        Constraint::Length(3),
        Constraint::Length(6),
        Constraint::Fill(1),
        Constraint::Length(if wide { 26 } else { 18 }),
        Constraint::Length(if wide { 18 } else { 13 }),
    ];
    let mut header = vec!["TIME", "ST", "METHOD", "PATH", "USER", "REASON"];
    if wide {
        widths.push(Constraint::Length(7));
        header.push("MS");
    }
    let table = Table::new(body, widths)
        .header(Row::new(header).style(Style::new().fg(ACCENT).bold()))
        .block(block(title(app)));
    f.render_widget(table, area);
}
