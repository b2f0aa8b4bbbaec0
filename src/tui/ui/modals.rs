//! Windows over the tabs: help, confirmations, the new token, details.

use std::borrow::Cow;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::overview::finding_lines;
use super::{ACCENT, BAD, GOOD, WARN, block, centered, kv};
use crate::engine::diagnose::UserDiagnosis;
use crate::engine::log::LogRecord;
use crate::format::printable;
use crate::format::when;
use crate::probe::{Status, Step};
use crate::tui::app::{App, Modal, Pending};
use crate::tui::keys;

pub fn render(app: &App, f: &mut Frame) {
    let Some(m) = &app.modal else { return };
    let area = f.area();
    match m {
        Modal::Help => help(f, area),
        Modal::Confirm(p) => confirm(app, *p, f, area),
        Modal::Token(t) => {
            let mut lines = vec![
                Line::from(Span::styled(
                    "Copy this token into the identity provider's Secret Token field now:",
                    Style::new().bold(),
                )),
                Line::default(),
                // The one place the secret leaves protection in the dashboard.
                Line::from(Span::styled(
                    t.token.expose().to_owned(),
                    Style::new().fg(ACCENT).bold(),
                )),
                Line::default(),
                kv("fingerprint", vec![Span::raw(t.fingerprint.clone())]),
                kv("tenant url", vec![Span::raw(t.tenant_url.clone())]),
            ];
            if let Some(old) = &t.replaced_fingerprint {
                lines.push(kv(
                    "replaced",
                    vec![Span::styled(
                        format!("{old}: it no longer works; update the identity provider"),
                        Style::new().fg(WARN),
                    )],
                ));
            }
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(
                "It is not stored and will not be shown again. Enter / Esc closes this window and wipes it from memory.",
                Style::new().fg(WARN),
            )));
            window(f, area, " New SCIM token ", lines, 76, 14);
        }
        Modal::LogDetail {
            request_id,
            diagnosis,
        } => {
            let mut lines = match app
                .log
                .records
                .iter()
                .rev()
                .find(|r| &r.request_id == request_id)
            {
                Some(r) => record_lines(r),
                None => vec![Line::from("This record is no longer loaded.")],
            };
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(
                "Diagnosis",
                Style::new().fg(ACCENT).bold(),
            )));
            match diagnosis {
                None => lines.push(Line::from(Span::styled("Loading…", Style::new().dim()))),
                Some(Err(e)) => lines.push(Line::from(Span::styled(
                    e.line.clone(),
                    Style::new().fg(BAD),
                ))),
                Some(Ok(d)) => d
                    .findings
                    .iter()
                    .for_each(|fd| lines.extend(finding_lines(fd))),
            }
            // The whole body: nothing of the list shows at the edges.
            let (w, h) = (area.width, area.height.saturating_sub(2));
            window(f, area, " Request · Esc closes ", lines, w, h);
        }
        Modal::UserDetail { email, diagnosis } => {
            let lines = match diagnosis {
                None => vec![Line::from(Span::styled("Loading…", Style::new().dim()))],
                Some(Err(e)) => vec![Line::from(Span::styled(
                    e.line.clone(),
                    Style::new().fg(BAD),
                ))],
                Some(Ok(d)) => user_lines(d),
            };
            // The whole body: nothing of the list shows at the edges.
            let (w, h) = (area.width, area.height.saturating_sub(2));
            window(f, area, format!(" {email} · Esc closes "), lines, w, h);
        }
        Modal::Probe { steps, report } => {
            let mut lines: Vec<Line<'static>> = steps.iter().flat_map(step_lines).collect();
            match report {
                None => lines.push(Line::from(Span::styled("running…", Style::new().fg(WARN)))),
                Some(r) => {
                    lines.push(Line::default());
                    lines.push(if r.passed {
                        Line::from(Span::styled(
                            format!("All {} steps passed against {}.", r.steps.len(), r.url),
                            Style::new().fg(GOOD).bold(),
                        ))
                    } else {
                        Line::from(Span::styled(
                            format!("Failed against {}.", r.url),
                            Style::new().fg(BAD).bold(),
                        ))
                    });
                }
            }
            let w = area.width;
            let h = (lines.len() as u16 + 6).min(area.height.saturating_sub(2));
            window(f, area, " Test connection · Esc closes ", lines, w, h);
        }
        Modal::GroupMembers { name, members, .. } => {
            let lines = match members {
                None => vec![Line::from(Span::styled("Loading…", Style::new().dim()))],
                Some(Err(e)) => vec![Line::from(Span::styled(
                    e.line.clone(),
                    Style::new().fg(BAD),
                ))],
                Some(Ok(m)) if m.is_empty() => vec![Line::from("No members.")],
                Some(Ok(m)) => m.iter().map(|n| Line::from(n.clone())).collect(),
            };
            let h = (lines.len() as u16 + 2).clamp(5, area.height.saturating_sub(2));
            window(f, area, format!(" {name} · Esc closes "), lines, 60, h);
        }
    }
}

fn window(
    f: &mut Frame,
    area: Rect,
    title: impl Into<Line<'static>>,
    lines: Vec<Line<'static>>,
    w: u16,
    h: u16,
) {
    let r = centered(area, w, h);
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(title).border_style(Style::new().fg(ACCENT))),
        r,
    );
}

fn confirm(app: &App, p: Pending, f: &mut Frame, area: Rect) {
    let (title, text, yes) = match p {
        Pending::DisableScim => (
            " Turn SCIM off? ",
            format!(
                "Every SCIM request to tenant \"{}\" will get 403 until SCIM is turned on again. The identity provider's provisioning stops; members are kept.",
                app.tenant.name
            ),
            "turn it off",
        ),
        Pending::RegenerateToken => {
            let fp = app
                .overview
                .data
                .as_ref()
                .and_then(|o| o.diagnosis.token.token.as_ref())
                .map_or_else(
                    || "the current token".to_owned(),
                    |t| format!("token {}", t.fingerprint),
                );
            (
                " Regenerate the token? ",
                format!(
                    "{fp} stops working at once: the identity provider gets 401 until it has the new token, which is shown once."
                ),
                "regenerate",
            )
        }
    };
    let lines = vec![
        Line::from(text),
        Line::default(),
        Line::from(vec![
            Span::styled("y / Enter", Style::new().fg(ACCENT).bold()),
            Span::raw(format!(" {yes}    ")),
            Span::styled("n / Esc", Style::new().fg(ACCENT).bold()),
            Span::raw(" cancel"),
        ]),
    ];
    window(f, area, title, lines, 64, 8);
}

fn help(f: &mut Frame, area: Rect) {
    let groups = keys::help();
    let total: usize = groups.iter().map(|(_, r)| r.len() + 1).sum();
    // Two columns of headed groups, split where the lines even out.
    let mut left = Vec::new();
    let mut right = Vec::new();
    let mut used = 0;
    for (heading, rows) in groups {
        let col = if used < total / 2 {
            &mut left
        } else {
            &mut right
        };
        used += rows.len() + 1;
        col.push(Line::from(Span::styled(
            heading,
            Style::new().fg(ACCENT).bold(),
        )));
        for (k, what) in rows {
            col.push(Line::from(vec![
                Span::styled(format!(" {k:<12}"), Style::new().bold()),
                Span::raw(what),
            ]));
        }
    }
    let h = left.len().max(right.len()) as u16 + 2;
    let r = centered(area, area.width.saturating_sub(2).min(110), h);
    f.render_widget(Clear, r);
    let outer = block(" Keys · any key closes ").border_style(Style::new().fg(ACCENT));
    let inner = outer.inner(r);
    f.render_widget(outer, r);
    let [a, b] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(inner);
    f.render_widget(Paragraph::new(left).wrap(Wrap { trim: false }), a);
    f.render_widget(Paragraph::new(right).wrap(Wrap { trim: false }), b);
}

/// Lines whose text came from the network (log fields, userNames) with
/// every control character escaped (`printable`): a planted escape
/// sequence must not reach the terminal.
fn escaped(lines: Vec<Line<'static>>) -> Vec<Line<'static>> {
    lines
        .into_iter()
        .map(|mut l| {
            for span in l.spans.iter_mut() {
                if let Cow::Owned(s) = printable(&span.content) {
                    span.content = Cow::Owned(s);
                }
            }
            l
        })
        .collect()
}

/// One request in full.
fn record_lines(r: &LogRecord) -> Vec<Line<'static>> {
    escaped(record_lines_raw(r))
}

fn record_lines_raw(r: &LogRecord) -> Vec<Line<'static>> {
    let s = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
    let status_style = if r.status >= 400 {
        Style::new().fg(BAD).bold()
    } else {
        Style::new()
    };
    let target = match &r.query {
        Some(q) => format!("{}?{}", r.path, q),
        None => r.path.clone(),
    };
    let mut lines = vec![
        kv("request", vec![Span::raw(r.request_id.clone())]),
        kv("at", vec![Span::raw(when(r.at))]),
        kv("request", vec![Span::raw(format!("{} {target}", r.method))]),
        kv(
            "status",
            vec![Span::styled(
                format!(
                    "{}{}{}",
                    r.status,
                    r.scim_type
                        .as_ref()
                        .map(|t| format!(" · {t}"))
                        .unwrap_or_default(),
                    r.reason
                        .as_ref()
                        .map(|t| format!(" · {t}"))
                        .unwrap_or_default()
                ),
                status_style,
            )],
        ),
    ];
    if let Some(d) = &r.detail {
        lines.push(kv("detail", vec![Span::raw(d.clone())]));
    }
    lines.push(kv(
        "user",
        vec![Span::raw(match (&r.user_email, &r.user_id) {
            (Some(e), Some(id)) => format!("{e} ({id})"),
            (Some(v), None) | (None, Some(v)) => v.clone(),
            (None, None) => "—".into(),
        })],
    ));
    if let Some(g) = &r.group_id {
        lines.push(kv("group", vec![Span::raw(g.clone())]));
    }
    let mut token = s(&r.token_fingerprint);
    if let Some(n) = &r.token_note {
        token.push_str(&format!(" ({n})"));
    }
    lines.push(kv("token", vec![Span::raw(token)]));
    lines.push(kv(
        "client",
        vec![Span::raw(format!(
            "{} · {}",
            s(&r.client_addr),
            s(&r.user_agent)
        ))],
    ));
    lines.push(kv(
        "latency",
        vec![Span::raw(format!("{:.1} ms", r.latency_us as f64 / 1000.0))],
    ));
    for (k, v) in [
        ("ignored", &r.ignored_attributes),
        ("transferred", &r.transfers),
        ("invited", &r.invitations),
    ] {
        if !v.is_empty() {
            lines.push(kv(k, vec![Span::raw(v.join(", "))]));
        }
    }
    if let Some(b) = &r.request_body {
        lines.push(kv("body", vec![Span::raw(b.clone())]));
    }
    lines
}

/// A test-connection step: its result, time and detail, and the fix.
fn step_lines(s: &Step) -> Vec<Line<'static>> {
    let style = match s.status {
        Status::Pass => Style::new().fg(GOOD),
        Status::Fail => Style::new().fg(BAD).bold(),
        Status::Skip => Style::new().dim(),
    };
    let time = if s.status == Status::Skip {
        String::new()
    } else {
        format!("{:.1} ms", s.ms)
    };
    let mut v = vec![Line::from(vec![
        Span::styled(format!("{:<15}", s.name), Style::new().fg(ACCENT)),
        Span::styled(format!("{:<5}", s.status.as_str()), style),
        Span::raw(format!("{time:>9}  {}", s.detail)),
    ])];
    if let Some(h) = &s.hint {
        v.push(Line::from(vec![
            Span::styled(format!("{:<15}", "  fix"), Style::new().fg(ACCENT)),
            Span::raw(h.clone()),
        ]));
    }
    v
}

/// `diagnose user`: the member as the store has it, the verdict, and the
/// user's latest requests.
fn user_lines(d: &UserDiagnosis) -> Vec<Line<'static>> {
    escaped(user_lines_raw(d))
}

fn user_lines_raw(d: &UserDiagnosis) -> Vec<Line<'static>> {
    let f = &d.facts;
    let mut lines = Vec::new();
    match &f.member {
        None => lines.push(kv(
            "member",
            vec![Span::raw(if f.account_exists {
                format!(
                    "no (the account is linked to {} other tenants)",
                    f.other_tenants
                )
            } else {
                "no such account".to_owned()
            })],
        )),
        Some(m) => {
            lines.push(kv("name", vec![Span::raw(m.name.clone())]));
            lines.push(kv(
                "member",
                vec![Span::raw(format!(
                    "{} · managed by {} · {} · {}",
                    m.kind.as_str(),
                    m.managed_by.as_str(),
                    if m.active { "active" } else { "inactive" },
                    m.external_id
                        .as_ref()
                        .map_or("no externalId".to_owned(), |x| format!("externalId {x}"))
                ))],
            ));
            let groups: Vec<String> = m.groups.iter().map(|g| g.display_name.clone()).collect();
            lines.push(kv(
                "groups",
                vec![Span::raw(if groups.is_empty() {
                    "none".to_owned()
                } else {
                    groups.join(", ")
                })],
            ));
            lines.push(kv("invitation", vec![Span::raw(m.invitation.describe())]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "Verdict",
        Style::new().fg(ACCENT).bold(),
    )));
    for fd in &d.findings {
        lines.extend(finding_lines(fd));
    }
    if !d.recent.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            "Latest requests",
            Style::new().fg(ACCENT).bold(),
        )));
        for r in d.recent.iter().rev().take(8) {
            let style = if r.status >= 400 {
                Style::new().fg(BAD)
            } else {
                Style::new()
            };
            lines.push(Line::from(Span::styled(
                format!(
                    "{}  {} {} {}  {}",
                    when(r.at),
                    r.status,
                    r.method,
                    r.path,
                    r.reason.clone().unwrap_or_default()
                ),
                style,
            )));
        }
    }
    lines
}
