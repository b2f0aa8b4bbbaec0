//! Frame time of the dashboard (criterion): the Users tab holding 100,000
//! members and the Log tab holding 100,000 records, drawn into a 200×50
//! `TestBackend`, plus a key press with its frame. Target: under 16 ms.
//!
//!   cargo bench --bench dashboard

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use scimctl::engine::admin::members::{InvitationState, MemberPage, MemberRow};
use scimctl::engine::log::LogRecord;
use scimctl::engine::model::{ManagedBy, MemberKind, Policy, Tenant};
use scimctl::engine::now;
use scimctl::tui::app::{Action, App, Settings, Tab};
use scimctl::tui::ui;

const RECORDS: usize = 100_000;

fn record(i: usize) -> LogRecord {
    let error = i.is_multiple_of(17);
    LogRecord {
        seq: i as i64 + 1,
        request_id: format!("r-{i:020}"),
        at: now(),
        tenant_id: Some("acme".into()),
        method: if i.is_multiple_of(3) { "PATCH" } else { "GET" }.into(),
        path: format!("/scim/v2/acme/Users/{i:08}"),
        query: i
            .is_multiple_of(5)
            .then(|| "filter=userName+eq+%22x%40acme.example%22".into()),
        status: if error { 409 } else { 200 },
        scim_type: error.then(|| "uniqueness".into()),
        reason: error.then(|| "uniqueness".into()),
        detail: None,
        user_id: None,
        user_email: Some(format!("user{i}@acme.example")),
        group_id: None,
        token_fingerprint: Some("0badf00d".into()),
        token_note: None,
        client_addr: Some("203.0.113.7".into()),
        user_agent: Some("Azure AD provisioning".into()),
        latency_us: 900,
        ignored_attributes: Vec::new(),
        transfers: Vec::new(),
        invitations: Vec::new(),
        request_body: None,
    }
}

fn member(i: usize) -> MemberRow {
    MemberRow {
        email: format!("user{i:06}@acme.example"),
        name: format!("User {i}"),
        id: format!("{i:032x}"),
        kind: MemberKind::Property,
        managed_by: if i.is_multiple_of(7) {
            ManagedBy::Tenant
        } else {
            ManagedBy::Idp
        },
        active: !i.is_multiple_of(11),
        external_id: Some(format!("user{i}")),
        groups: vec!["Front desk".into(), "Berlin".into()],
        invitation: InvitationState::Pending {
            why: "not in a group with a property".into(),
        },
    }
}

fn app() -> App {
    let tenant = Tenant {
        id: "acme".into(),
        name: "Acme Hotels".into(),
        policy: Policy::Product,
        scim_enabled: true,
        created_at: now(),
    };
    let settings = Settings {
        tenant_url: "https://scim.example.com/scim/v2/acme".into(),
    };
    let (mut app, _) = App::new(tenant, settings, (200, 50));
    let generation = 1;
    app.update(Action::LogLoaded {
        generation,
        records: Ok((0..RECORDS).map(record).collect()),
    });
    assert_eq!(app.log.len(), RECORDS);
    app.update(Action::MembersLoaded {
        generation,
        page: Ok(MemberPage {
            total: RECORDS as u64,
            members: (0..RECORDS).map(member).collect(),
            next: None,
        }),
    });
    assert_eq!(app.users.rows.len(), RECORDS);
    app
}

fn frames(c: &mut Criterion) {
    let mut app = app();
    let mut term = Terminal::new(TestBackend::new(200, 50)).expect("test terminal");
    app.update(Action::GoTab(Tab::Log));
    c.bench_function("log tab, 100,000 records, 200x50 frame", |b| {
        b.iter(|| {
            term.draw(|f| ui::render(black_box(&app), f)).expect("draw");
        })
    });
    c.bench_function("log tab, key press (scroll up) + frame", |b| {
        b.iter(|| {
            app.handle_key(KeyEvent::new(KeyCode::Up, KeyModifiers::NONE));
            term.draw(|f| ui::render(black_box(&app), f)).expect("draw");
        })
    });
    app.update(Action::GoTab(Tab::Users));
    app.update(Action::Bottom);
    c.bench_function("users tab, 100,000 members, 200x50 frame", |b| {
        b.iter(|| {
            term.draw(|f| ui::render(black_box(&app), f)).expect("draw");
        })
    });
    c.bench_function("users tab, key press (scroll up) + frame", |b| {
        b.iter(|| {
            app.handle_key(KeyEvent::new(KeyCode::Up, KeyModifiers::NONE));
            term.draw(|f| ui::render(black_box(&app), f)).expect("draw");
        })
    });
}

criterion_group!(benches, frames);
criterion_main!(benches);
