//! Users: the tenant's members.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{block, kv};
use crate::tui::app::App;

pub fn render(app: &App, f: &mut Frame, area: Rect) {
    let mut lines = Vec::new();
    if let Some(o) = &app.overview {
        let m = &o.detail.members;
        lines.push(kv(
            "members",
            vec![Span::raw(format!(
                "{} · idp {} · tenant {} · self {}",
                m.total, m.idp, m.tenant, m.self_managed
            ))],
        ));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "The member list is not available in this build.",
        Style::new().dim(),
    )));
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(" Users ")),
        area,
    );
}
