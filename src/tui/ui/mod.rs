//! Drawing: `render(&App, &mut Frame)` reads the model and draws; it changes
//! nothing and touches no store. One file per tab, plus the windows.

mod groups;
mod log;
mod mapping;
mod modals;
pub(crate) mod overview;
mod users;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Tabs};

use super::app::{App, InputTarget, Tab};

pub(crate) const ACCENT: Color = Color::Cyan;
pub(crate) const BAD: Color = Color::Red;
pub(crate) const GOOD: Color = Color::Green;
pub(crate) const WARN: Color = Color::Yellow;

/// Rows a list tab shows at `size`: all but the header line, the status
/// line, the list's border (2) and its column header.
pub fn list_rows(size: (u16, u16), _tab: Tab) -> usize {
    usize::from(size.1).saturating_sub(5).max(1)
}

pub fn render(app: &App, f: &mut Frame) {
    let [head, body, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(f.area());
    header(app, f, head);
    match app.tab {
        Tab::Overview => overview::render(app, f, body),
        Tab::Users => users::render(app, f, body),
        Tab::Groups => groups::render(app, f, body),
        Tab::Log => log::render(app, f, body),
        Tab::Mapping => mapping::render(app, f, body),
    }
    status_line(app, f, foot);
    modals::render(app, f);
}

fn header(app: &App, f: &mut Frame, area: Rect) {
    let scim = match app.scim_enabled() {
        Some(true) => Span::styled("SCIM on", Style::new().fg(GOOD).bold()),
        Some(false) => Span::styled("SCIM off", Style::new().fg(BAD).bold()),
        None => Span::raw("…"),
    };
    let right = Line::from(vec![
        Span::raw(format!("{} · ", app.tenant.name)),
        scim,
        Span::raw(" "),
    ]);
    let width = right.width() as u16;
    let [left, r] = Layout::horizontal([Constraint::Min(0), Constraint::Length(width)]).areas(area);
    let titles = Tab::ALL
        .iter()
        .map(|t| format!("{} {}", t.index() + 1, t.title()));
    let tabs = Tabs::new(titles)
        .select(app.tab.index())
        .highlight_style(
            Style::new()
                .fg(ACCENT)
                .add_modifier(Modifier::BOLD | Modifier::REVERSED),
        )
        .padding(" ", " ")
        .divider("│");
    f.render_widget(tabs, left);
    f.render_widget(Paragraph::new(right).right_aligned(), r);
}

fn status_line(app: &App, f: &mut Frame, area: Rect) {
    let line = if let Some(i) = &app.input {
        Line::from(vec![
            Span::styled(format!("{}: ", i.target.prompt()), Style::new().fg(ACCENT)),
            // A token being pasted is never drawn.
            Span::raw(if i.target == InputTarget::ProbeToken {
                "•".repeat(i.text.chars().count().min(20))
            } else {
                i.text.clone()
            }),
            Span::styled("█", Style::new().fg(ACCENT)),
            Span::styled("   Enter apply · Esc cancel", Style::new().dim()),
        ])
    } else if let Some(b) = app.busy {
        Line::from(Span::styled(format!("… {b}"), Style::new().fg(WARN)))
    } else if let Some(s) = &app.status {
        let style = if s.error {
            Style::new().fg(BAD).bold()
        } else {
            Style::new().fg(GOOD)
        };
        Line::from(Span::styled(s.text.clone(), style))
    } else {
        Line::from(Span::styled(
            "? help · 1-5 tabs · S scim on/off · T token · C test · r refresh · q quit",
            Style::new().dim(),
        ))
    };
    f.render_widget(Paragraph::new(line), area);
}

/// A bordered block with a title.
pub(crate) fn block(title: impl Into<Line<'static>>) -> Block<'static> {
    Block::bordered().title(title.into())
}

/// "Loading…" in a block, for a tab whose data has not arrived.
pub(crate) fn loading(f: &mut Frame, area: Rect, title: &'static str) {
    f.render_widget(
        Paragraph::new(Span::styled("Loading…", Style::new().dim())).block(block(title)),
        area,
    );
}

/// UTC time of day, to the second.
pub(crate) fn clock(t: time::OffsetDateTime) -> String {
    let f = time::macros::format_description!("[hour]:[minute]:[second]");
    t.format(&f).unwrap_or_default()
}

/// A percentage of `part` in `whole`, to one decimal.
pub(crate) fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        "0%".into()
    } else {
        format!("{:.1}%", part as f64 * 100.0 / whole as f64)
    }
}

/// A key–value line with the key in a fixed-width column.
pub(crate) fn kv(key: &str, value: Vec<Span<'static>>) -> Line<'static> {
    let mut spans = vec![Span::styled(format!("{key:<12}"), Style::new().fg(ACCENT))];
    spans.extend(value);
    Line::from(spans)
}

/// The area for a centred window of `w`×`h`, shrunk to fit in `area`.
pub(crate) fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}
