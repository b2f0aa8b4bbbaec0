//! Mapping: the attributes the tenant's policy accepts.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{block, kv};
use crate::tui::app::App;

pub fn render(app: &App, f: &mut Frame, area: Rect) {
    let lines = vec![
        kv(
            "policy",
            vec![Span::raw(app.tenant.policy.as_str().to_owned())],
        ),
        Line::default(),
        Line::from(Span::styled(
            "The attribute mapping table is not available in this build.",
            Style::new().dim(),
        )),
    ];
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(" Mapping ")),
        area,
    );
}
