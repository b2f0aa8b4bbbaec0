//! Mapping: the attributes the product takes from an identity provider,
//! as `scimctl mapping show` lists them, with the externalId advice.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table, Wrap};

use super::{ACCENT, WARN, block};
use crate::engine::mapping;
use crate::tui::app::App;

pub fn render(app: &App, f: &mut Frame, area: Rect) {
    let rows = mapping::supported();
    let advice = rows
        .iter()
        .find(|r| r.scim_attribute == "externalId" && r.object == "User")
        .map(|r| format!("externalId ← {}: {}", r.entra_source, r.notes));
    let advice_h = if advice.is_some() { 4 } else { 0 };
    let [table_area, note] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(advice_h)]).areas(area);
    let wide = area.width >= 100;
    let body = rows.iter().map(|r| {
        let need = if r.required {
            "required"
        } else if r.recommended {
            "recommended"
        } else {
            ""
        };
        let mut cells = vec![
            r.object.to_owned(),
            r.scim_attribute.clone(),
            r.entra_source.to_owned(),
            need.to_owned(),
        ];
        if wide {
            cells.push(r.product_field.to_owned());
        }
        let style = if r.required {
            Style::new().bold()
        } else if r.recommended {
            Style::new().fg(WARN)
        } else {
            Style::new()
        };
        Row::new(cells).style(style)
    });
    let mut widths = vec![
        Constraint::Length(6),
        Constraint::Fill(2),
        Constraint::Fill(2),
        Constraint::Length(11),
    ];
    let mut header = vec!["OBJECT", "SCIM ATTRIBUTE", "ENTRA SOURCE", "NEEDED"];
    if wide {
        widths.push(Constraint::Fill(1));
        header.push("PRODUCT FIELD");
    }
    let title = format!(
        " Mapping · policy {} · 'scimctl mapping check FILE' checks Entra's ",
        app.tenant.policy.as_str()
    );
    f.render_widget(
        Table::new(body, widths)
            .header(Row::new(header).style(Style::new().fg(ACCENT).bold()))
            .block(block(title)),
        table_area,
    );
    if let Some(a) = advice {
        f.render_widget(
            Paragraph::new(Line::from(Span::raw(a)))
                .wrap(Wrap { trim: false })
                .block(block(" Recommendation ")),
            note,
        );
    }
}
