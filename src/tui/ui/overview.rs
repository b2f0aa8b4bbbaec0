//! Overview: the tenant, its SCIM switch and token, members by owner, and
//! the IdP's traffic over the last hour and day.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Sparkline, Wrap};

use super::{BAD, GOOD, WARN, block, kv, loading, percent};
use crate::cli::when;
use crate::tui::app::{App, Overview};

pub fn render(app: &App, f: &mut Frame, area: Rect) {
    let Some(o) = &app.overview else {
        return loading(f, area, " Overview ");
    };
    let tenant = tenant_lines(o);
    let [top, bottom] = Layout::vertical([
        Constraint::Length(tenant.len() as u16 + 2),
        Constraint::Min(0),
    ])
    .areas(area);
    f.render_widget(
        Paragraph::new(tenant)
            .wrap(Wrap { trim: false })
            .block(super::block(format!(" {} ", app.tenant.name))),
        top,
    );
    traffic(o, f, bottom);
}

fn tenant_lines(o: &Overview) -> Vec<Line<'static>> {
    let t = &o.detail.tenant;
    let scim = if t.scim_enabled {
        Span::styled("enabled", Style::new().fg(GOOD).bold())
    } else {
        Span::styled("disabled (S turns it on)", Style::new().fg(BAD).bold())
    };
    let mut lines = vec![
        kv(
            "tenant",
            vec![Span::raw(format!(
                "{} · policy {}",
                t.id,
                t.policy.as_str()
            ))],
        ),
        kv("scim", vec![scim]),
        kv("tenant url", vec![Span::raw(t.tenant_url.clone())]),
    ];
    match &o.tokens.token {
        None => lines.push(kv(
            "token",
            vec![Span::styled(
                "none (T generates one)",
                Style::new().fg(WARN),
            )],
        )),
        Some(k) => {
            lines.push(kv(
                "token",
                vec![Span::raw(format!(
                    "{} · created {} ({} days ago)",
                    k.fingerprint,
                    when(k.created_at),
                    k.age_days
                ))],
            ));
            let used = match (&k.last_used_at, &k.last_used_from) {
                (Some(at), Some(from)) => format!("{} from {from}", when(*at)),
                (Some(at), None) => when(*at),
                _ => "never".into(),
            };
            lines.push(kv("last used", vec![Span::raw(used)]));
        }
    }
    if let Some(w) = &o.tokens.warning {
        lines.push(kv(
            "",
            vec![Span::styled(format!("⚠ {w}"), Style::new().fg(WARN).bold())],
        ));
    }
    let m = &o.detail.members;
    lines.push(kv(
        "members",
        vec![Span::raw(format!(
            "{} · idp {} · tenant {} · self {}",
            m.total, m.idp, m.tenant, m.self_managed
        ))],
    ));
    let transfers = if m.tenant > 0 {
        Span::styled(
            format!("{} (the IdP's first write to each transfers it)", m.tenant),
            Style::new().fg(WARN),
        )
    } else {
        Span::raw("0")
    };
    lines.push(kv("transfers", vec![transfers]));
    lines.push(kv(
        "groups",
        vec![Span::raw(format!(
            "{} · properties {}",
            o.detail.groups, o.detail.properties
        ))],
    ));
    lines
}

fn traffic(o: &Overview, f: &mut Frame, area: Rect) {
    let tr = &o.traffic;
    let plus = if tr.capped { "+" } else { "" };
    let err_style = |n: u64| {
        if n > 0 {
            Style::new().fg(BAD).bold()
        } else {
            Style::new()
        }
    };
    let mut lines = vec![
        kv(
            "last hour",
            vec![
                Span::raw(format!("{} requests · ", tr.hour_requests)),
                Span::styled(
                    format!(
                        "{} errors ({})",
                        tr.hour_errors,
                        percent(tr.hour_errors, tr.hour_requests)
                    ),
                    err_style(tr.hour_errors),
                ),
            ],
        ),
        kv(
            "last 24 h",
            vec![
                Span::raw(format!("{}{plus} requests · ", tr.day_requests)),
                Span::styled(
                    format!(
                        "{} errors ({})",
                        tr.day_errors,
                        percent(tr.day_errors, tr.day_requests)
                    ),
                    err_style(tr.day_errors),
                ),
            ],
        ),
    ];
    let reasons = if tr.reasons.is_empty() {
        vec![Span::raw("none")]
    } else {
        vec![Span::raw(
            tr.reasons
                .iter()
                .take(4)
                .map(|(r, n)| format!("{r} {n}"))
                .collect::<Vec<_>>()
                .join(" · "),
        )]
    };
    lines.push(kv("errors by", reasons));
    let outer = block(" Traffic (provisioning log) ");
    let inner = outer.inner(area);
    f.render_widget(outer, area);
    let [text, chart, legend] = Layout::vertical([
        Constraint::Length(lines.len() as u16),
        Constraint::Max(8),
        Constraint::Length(1),
    ])
    .areas(inner);
    f.render_widget(Paragraph::new(lines), text);
    let [req, err] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(chart);
    f.render_widget(
        Sparkline::default()
            .data(stretch(&tr.hourly_requests, req.width))
            .style(Style::new().fg(GOOD)),
        req,
    );
    f.render_widget(
        Sparkline::default()
            .data(stretch(&tr.hourly_errors, err.width))
            .style(Style::new().fg(BAD)),
        err,
    );
    let [l1, l2] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(legend);
    let dim = Style::new().fg(ratatui::style::Color::DarkGray);
    f.render_widget(
        Paragraph::new(Span::styled("requests per hour, 24 h ago → now", dim)),
        l1,
    );
    f.render_widget(
        Paragraph::new(Span::styled("errors per hour, 24 h ago → now", dim)),
        l2,
    );
}

/// Each hour as a bar as wide as the chart allows (a gap column between).
fn stretch(hours: &[u64], width: u16) -> Vec<u64> {
    let each = (usize::from(width) / hours.len().max(1)).max(1);
    hours
        .iter()
        .flat_map(|&h| {
            let mut bar = vec![h; each];
            if each > 1 {
                bar[each - 1] = 0;
            }
            bar
        })
        .collect()
}
