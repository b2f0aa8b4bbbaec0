//! Overview: the tenant, its SCIM switch and token, members by owner, the
//! IdP's traffic over the last hour and day, and `diagnose tenant`'s
//! findings (quarantine risk first).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Sparkline, Wrap};

use super::{BAD, GOOD, WARN, block, kv, loading, percent};
use crate::engine::diagnose::{Finding, Severity};
use crate::format::when;
use crate::tui::app::{App, Overview};

pub fn render(app: &App, f: &mut Frame, area: Rect) {
    let Some(o) = &app.overview.data else {
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
            .block(block(format!(" {} ", app.tenant.name))),
        top,
    );
    traffic(o, f, bottom);
}

pub(crate) fn severity_style(s: Severity) -> Style {
    match s {
        Severity::Problem => Style::new().fg(BAD).bold(),
        Severity::Warning => Style::new().fg(WARN).bold(),
        Severity::Info => Style::new(),
        Severity::Ok => Style::new().fg(GOOD),
    }
}

/// A finding as one line: its level, the verdict and the fix.
pub(crate) fn finding_lines(fd: &Finding) -> Vec<Line<'static>> {
    let mut v = vec![Line::from(vec![
        Span::styled(
            format!("{:<8}", fd.severity.as_str()),
            severity_style(fd.severity),
        ),
        Span::raw(fd.verdict.clone()),
    ])];
    if let Some(fix) = &fd.fix {
        v.push(Line::from(vec![
            Span::styled("  fix   ", Style::new().fg(super::ACCENT)),
            Span::raw(fix.clone()),
        ]));
    }
    v
}

fn tenant_lines(o: &Overview) -> Vec<Line<'static>> {
    let t = &o.detail.tenant;
    let d = &o.diagnosis;
    let scim = if d.scim_enabled {
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
    match &d.token.token {
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
    if let Some(p) = &d.token.previous {
        let until = p.grace_until.map_or_else(|| "—".to_owned(), when);
        lines.push(kv(
            "previous",
            vec![Span::styled(
                format!("{} still accepted until {until}", p.fingerprint),
                Style::new().fg(WARN),
            )],
        ));
    }
    if let Some(w) = &d.token.warning {
        lines.push(kv(
            "",
            vec![Span::styled(format!("⚠ {w}"), Style::new().fg(WARN).bold())],
        ));
    }
    let m = &d.members;
    lines.push(kv(
        "members",
        vec![Span::raw(format!(
            "{} · idp {} · tenant {} · self {}",
            m.total, m.idp, m.tenant, m.self_managed
        ))],
    ));
    let transfers = if d.pending_transfers > 0 {
        Span::styled(
            format!(
                "{} pending (e.g. {})",
                d.pending_transfers,
                d.pending_transfer_sample.join(", ")
            ),
            Style::new().fg(WARN),
        )
    } else {
        Span::raw("none pending")
    };
    lines.push(kv("transfers", vec![transfers]));
    lines.push(kv(
        "groups",
        vec![Span::raw(format!(
            "{} · properties {}",
            o.detail.groups, o.detail.properties
        ))],
    ));
    if !d.webhooks.is_empty() {
        let disabled = d.webhooks.iter().filter(|w| !w.enabled).count();
        let failing = d
            .webhooks
            .iter()
            .filter(|w| w.enabled && w.consecutive_failures > 0)
            .count();
        let text = format!(
            "{} endpoint(s) · {disabled} disabled · {failing} failing",
            d.webhooks.len()
        );
        let style = if disabled > 0 {
            Style::new().fg(BAD).bold()
        } else if failing > 0 {
            Style::new().fg(WARN)
        } else {
            Style::new()
        };
        lines.push(kv("webhooks", vec![Span::styled(text, style)]));
    }
    lines
}

fn traffic(o: &Overview, f: &mut Frame, area: Rect) {
    let d = &o.diagnosis;
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
                Span::raw(format!("{} requests · ", d.requests_1h)),
                Span::styled(
                    format!(
                        "{} errors ({})",
                        d.errors_1h,
                        percent(d.errors_1h, d.requests_1h)
                    ),
                    err_style(d.errors_1h),
                ),
            ],
        ),
        kv(
            "last 24 h",
            vec![
                Span::raw(format!("{} requests · ", d.requests_24h)),
                Span::styled(
                    format!(
                        "{} errors ({})",
                        d.errors_24h,
                        percent(d.errors_24h, d.requests_24h)
                    ),
                    err_style(d.errors_24h),
                ),
            ],
        ),
    ];
    let reasons = if d.errors_by_reason.is_empty() {
        "none".to_owned()
    } else {
        d.errors_by_reason
            .iter()
            .take(4)
            .map(|r| format!("{} {}", r.reason, r.count))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    lines.push(kv("errors by", vec![Span::raw(reasons)]));
    // What `diagnose tenant` flags; quiet when all is well.
    for fd in d
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
    {
        lines.extend(finding_lines(fd));
    }
    let outer = block(" Traffic and findings ");
    let inner = outer.inner(area);
    f.render_widget(outer, area);
    let text_h = (lines.len() as u16).min(inner.height.saturating_sub(3));
    let [text, chart, legend] = Layout::vertical([
        Constraint::Length(text_h),
        Constraint::Max(8),
        Constraint::Length(1),
    ])
    .areas(inner);
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), text);
    let requests: Vec<u64> = d.hourly.iter().map(|h| h.requests).collect();
    let errors: Vec<u64> = d.hourly.iter().map(|h| h.errors).collect();
    let [req, err] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(chart);
    f.render_widget(
        Sparkline::default()
            .data(stretch(&requests, req.width))
            .style(Style::new().fg(GOOD)),
        req,
    );
    f.render_widget(
        Sparkline::default()
            .data(stretch(&errors, err.width))
            .style(Style::new().fg(BAD)),
        err,
    );
    let [l1, l2] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(legend);
    let dim = Style::new().fg(Color::DarkGray);
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
