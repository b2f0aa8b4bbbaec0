//! `scimctl dashboard`: the model driven by key sequences over a real store
//! (effects run through the real data layer, synchronously), every tab
//! drawn into ratatui's `TestBackend` and compared with snapshots, the
//! live tail against a real `scimctl serve`, and the real binary under tmux.

use std::collections::VecDeque;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde_json::json;

use scimctl::backend::{Backend, Local, Remote};
use scimctl::engine::Engine;
use scimctl::engine::log::LogRecord;
use scimctl::engine::model::Tenant;
use scimctl::engine::scim::users::Scope;
use scimctl::engine::tokens::Secret;
use scimctl::tui::app::{Action, App, Effect, InputTarget, Modal, Pending, Settings, Tab};
use scimctl::tui::{data, ui};

use crate::server::*;
use crate::support::*;

const PUBLIC_URL: &str = "https://scim.example.com";

struct Fixture {
    env: TestEnv,
    engine: Engine,
    tenant: Tenant,
    token: String,
}

impl Fixture {
    fn ctx(&self) -> data::Ctx {
        data::Ctx {
            backend: local(&self.engine),
            tenant: self.tenant.clone(),
            settings: settings(),
        }
    }

    /// The app at `size`, with its first effects run.
    fn app(&self, size: (u16, u16)) -> App {
        let (mut app, fx) = App::new(self.tenant.clone(), settings(), size);
        settle(&mut app, &self.ctx(), fx);
        app
    }

    fn press(&self, app: &mut App, keys: &[KeyEvent]) {
        for k in keys {
            let fx = app.handle_key(*k);
            settle(app, &self.ctx(), fx);
        }
    }

    fn token_valid(&self, token: &str) -> bool {
        self.engine
            .verify_token(&self.tenant, &Secret::new(token.to_owned()))
            .unwrap()
            .valid
    }
}

fn settings() -> Settings {
    Settings {
        tenant_url: format!("{PUBLIC_URL}/scim/v2/acme"),
    }
}

/// The dashboard's local backend over `engine`, as `scimctl dashboard`
/// builds it.
fn local(engine: &Engine) -> Arc<Backend> {
    Arc::new(Backend::Local(Local {
        engine: engine.clone(),
        public_url: PUBLIC_URL.into(),
        max_age_days: 90,
        mail_configured: false,
    }))
}

/// Runs effects, and the effects their results ask for, to the end.
fn settle(app: &mut App, ctx: &data::Ctx, fx: Vec<Effect>) {
    let mut queue: VecDeque<Effect> = fx.into();
    let mut n = 0;
    while let Some(e) = queue.pop_front() {
        n += 1;
        assert!(n < 100, "effects do not settle");
        let mut results = Vec::new();
        data::execute(ctx, e, &mut |a| results.push(a));
        for a in results {
            queue.extend(app.update(a));
        }
    }
}

fn ch(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn code(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

fn text(s: &str) -> Vec<KeyEvent> {
    s.chars().map(ch).collect()
}

/// A time in the current clock hour (the Overview counts by clock hour):
/// `n` of 10 of the way from the hour's start to now.
fn this_hour(n: i64) -> time::OffsetDateTime {
    let now = scimctl::engine::now();
    let start = now.replace_time(time::Time::from_hms(now.hour(), 0, 0).unwrap());
    start + (now - start) * (n as f64 / 10.0)
}

fn record(
    at: time::OffsetDateTime,
    id: &str,
    method: &str,
    path: &str,
    status: u16,
    reason: Option<&str>,
    user: Option<&str>,
) -> LogRecord {
    LogRecord {
        seq: 0,
        request_id: id.into(),
        at,
        tenant_id: Some("acme".into()),
        method: method.into(),
        path: format!("/scim/v2/acme{path}"),
        query: None,
        status,
        scim_type: None,
        reason: reason.map(str::to_owned),
        detail: reason.map(|r| format!("refused (reason {r}, request {id})")),
        user_id: None,
        user_email: user.map(str::to_owned),
        group_id: None,
        token_fingerprint: Some("0badf00d".into()),
        token_note: None,
        client_addr: Some("203.0.113.7".into()),
        user_agent: Some("Azure AD provisioning".into()),
        latency_us: 1500,
        ignored_attributes: Vec::new(),
        transfers: Vec::new(),
        invitations: Vec::new(),
        request_body: None,
    }
}

/// A tenant as an administrator and an IdP would leave it: SCIM on, a
/// token, members of every owner, groups with assignments, and a log.
fn populated() -> Fixture {
    // The Overview counts by clock hour: stay clear of the hour's turn.
    let now = time::OffsetDateTime::now_utc();
    let left = 3600 - i64::from(now.minute()) * 60 - i64::from(now.second());
    if left < 30 {
        std::thread::sleep(Duration::from_secs(left as u64 + 1));
    }
    let env = TestEnv::new();
    let token = scim_tenant(&env, "Acme Hotels", "acme", "product");
    for (email, central) in [("pre@acme.example", false), ("hq@acme.example", true)] {
        let mut args = vec![
            "users",
            "add",
            email,
            "--given-name",
            "A",
            "--family-name",
            "B",
        ];
        if central {
            args.push("--central");
        }
        env.ok(&args);
    }
    env.ok(&["properties", "add", "Berlin"]);
    env.ok(&["groups", "create", "Front desk"]);
    env.ok(&[
        "groups",
        "assign",
        "Front desk",
        "--property",
        "Berlin",
        "--role",
        "receptionist",
    ]);
    env.ok(&["groups", "create", "Night shift"]);
    let (engine, tenant) = env.engine_tenant("acme");
    let base = format!("{PUBLIC_URL}/scim/v2/acme");
    let scope = Scope {
        tenant: &tenant,
        base: &base,
    };
    let mut ids = Vec::new();
    for (u, g, f) in [
        ("jane@acme.example", "Jane", "Doe"),
        ("bob@acme.example", "Bob", "Roe"),
    ] {
        let w = engine
            .scim_create_user(scope, &entra_user(u, g, f, None))
            .expect("SCIM create user");
        ids.push(id_of(&w.resource));
    }
    engine
        .scim_create_group(
            scope,
            &json!({
                "schemas": [GROUP_URN],
                "displayName": "Housekeeping",
                "members": ids.iter().map(|i| json!({"value": i})).collect::<Vec<_>>(),
            }),
        )
        .expect("SCIM create group");
    let mut log = vec![
        record(
            this_hour(0) - time::Duration::minutes(150),
            "r-00000000000000000001",
            "GET",
            "/Users",
            200,
            None,
            None,
        ),
        record(
            this_hour(1),
            "r-00000000000000000002",
            "POST",
            "/Users",
            201,
            None,
            Some("jane@acme.example"),
        ),
        record(
            this_hour(3),
            "r-00000000000000000003",
            "GET",
            "/Users",
            401,
            Some("invalid_token"),
            None,
        ),
        record(
            this_hour(5),
            "r-00000000000000000004",
            "POST",
            "/Users",
            409,
            Some("uniqueness"),
            Some("bob@acme.example"),
        ),
        record(
            this_hour(7),
            "r-00000000000000000005",
            "PATCH",
            "/Users/u1",
            403,
            Some("external_accounts"),
            Some("hq@acme.example"),
        ),
        record(
            this_hour(9),
            "r-00000000000000000006",
            "GET",
            "/Groups",
            200,
            None,
            None,
        ),
    ];
    engine.write_log(&mut log).expect("write the log");
    Fixture {
        env,
        engine,
        tenant,
        token,
    }
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    t.draw(|f| ui::render(app, f)).expect("draw");
    t.backend().to_string()
}

/// Snapshots with times, ids and token fingerprints replaced.
fn snap(app: &App, name: &str, w: u16, h: u16) {
    let s = screen(app, w, h);
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ", "[time]");
    settings.add_filter(r"\d\d:\d\d:\d\d", "[hh:mm]");
    settings.add_filter(
        r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
        "[id]",
    );
    if let Some(t) = app
        .overview
        .data
        .as_ref()
        .and_then(|o| o.diagnosis.token.token.as_ref())
    {
        // Hex only, so it is its own regex.
        settings.add_filter(&t.fingerprint, "[fp]");
    }
    settings.bind(|| insta::assert_snapshot!(format!("{name}_{w}x{h}"), s));
}

#[test]
fn every_tab_renders_from_a_populated_store() {
    let fx = populated();
    for (w, h) in [(100, 30), (80, 24)] {
        let mut app = fx.app((w, h));
        assert!(app.overview.data.is_some() && app.groups.list.is_some());
        assert_eq!(app.log.len(), 6);
        let overview = screen(&app, w, h);
        assert!(overview.contains("SCIM on"), "{overview}");
        assert!(
            overview.contains("4 · idp 2 · tenant 1 · self 0")
                || overview.contains("4 · idp 2 · tenant 2 · self 0"),
            "{overview}"
        );
        assert!(
            overview.contains("5 requests · 3 errors (60.0%)"),
            "{overview}"
        );
        assert!(
            overview.contains("6 requests · 3 errors (50.0%)"),
            "{overview}"
        );
        snap(&app, "overview", w, h);
        for (k, name) in [
            ('2', "users"),
            ('3', "groups"),
            ('4', "log"),
            ('5', "mapping"),
        ] {
            fx.press(&mut app, &[ch(k)]);
            snap(&app, name, w, h);
        }
        fx.press(&mut app, &[ch('?')]);
        snap(&app, "help", w, h);
        fx.press(&mut app, &[ch('x')]);
        assert!(app.modal.is_none(), "any key closes the help");
    }
}

#[test]
fn windows_render_at_80x24() {
    let fx = populated();
    let mut app = fx.app((80, 24));
    // The 403 of the log, in full.
    fx.press(&mut app, &[ch('4'), ch('k'), code(KeyCode::Enter)]);
    match &app.modal {
        Some(Modal::LogDetail { request_id, .. }) => {
            assert_eq!(request_id, "r-00000000000000000005")
        }
        m => panic!("expected the request window, got {m:?}"),
    }
    let s = screen(&app, 80, 24);
    assert!(s.contains("403 · external_accounts"), "{s}");
    snap(&app, "log_detail", 80, 24);
    fx.press(&mut app, &[code(KeyCode::Esc)]);
    assert!(
        app.modal.is_none() && !app.quit,
        "Esc closes the window only"
    );
    // Housekeeping's members, as the SCIM Group lists them.
    fx.press(&mut app, &[ch('3'), ch('j'), code(KeyCode::Enter)]);
    match &app.modal {
        Some(Modal::GroupMembers { name, members, .. }) => {
            assert_eq!(name, "Housekeeping");
            assert_eq!(
                members.as_ref().unwrap().as_ref().unwrap(),
                &vec![
                    "bob@acme.example".to_owned(),
                    "jane@acme.example".to_owned()
                ]
            );
        }
        m => panic!("expected the members window, got {m:?}"),
    }
    snap(&app, "group_members", 80, 24);
    fx.press(&mut app, &[code(KeyCode::Esc), ch('T')]);
    assert!(matches!(
        app.modal,
        Some(Modal::Confirm(Pending::RegenerateToken))
    ));
    snap(&app, "confirm_regenerate", 80, 24);
}

#[test]
fn tabs_switch_by_number_tab_and_backtab() {
    let fx = populated();
    let mut app = fx.app((100, 30));
    assert_eq!(app.tab, Tab::Overview);
    for (k, t) in [
        ('3', Tab::Groups),
        ('5', Tab::Mapping),
        ('1', Tab::Overview),
        ('4', Tab::Log),
        ('2', Tab::Users),
    ] {
        fx.press(&mut app, &[ch(k)]);
        assert_eq!(app.tab, t);
    }
    fx.press(&mut app, &[code(KeyCode::Tab)]);
    assert_eq!(app.tab, Tab::Groups);
    fx.press(&mut app, &[code(KeyCode::BackTab), code(KeyCode::BackTab)]);
    assert_eq!(app.tab, Tab::Overview);
    fx.press(&mut app, &[code(KeyCode::BackTab)]);
    assert_eq!(app.tab, Tab::Mapping);
    assert!(!app.quit);
    fx.press(&mut app, &[ch('q')]);
    assert!(app.quit);
}

#[test]
fn the_log_filters_by_errors_user_and_status() {
    let fx = populated();
    let mut app = fx.app((100, 30));
    fx.press(&mut app, &[ch('4'), ch('e')]);
    let statuses: Vec<u16> = app.log.records.iter().map(|r| r.status).collect();
    assert_eq!(statuses, [401, 409, 403]);
    assert!(screen(&app, 100, 30).contains("errors only"));
    // The user filter goes to the engine's query.
    fx.press(&mut app, &[ch('u')]);
    assert_eq!(
        app.input.as_ref().map(|i| i.target),
        Some(InputTarget::LogUser)
    );
    fx.press(&mut app, &text("BOB@acme.example"));
    fx.press(&mut app, &[code(KeyCode::Enter)]);
    assert!(app.input.is_none());
    let ids: Vec<&str> = app
        .log
        .records
        .iter()
        .map(|r| r.request_id.as_str())
        .collect();
    assert_eq!(ids, ["r-00000000000000000004"]);
    // Clearing brings everything back; a status filter narrows the view.
    fx.press(&mut app, &[ch('c')]);
    assert_eq!(app.log.len(), 6);
    fx.press(&mut app, &[ch('s')]);
    fx.press(&mut app, &text("40"));
    fx.press(&mut app, &[code(KeyCode::Enter)]);
    let shown: Vec<u16> = (0..app.log.len())
        .map(|i| app.log.get(i).unwrap().status)
        .collect();
    assert_eq!(shown, [401, 409, 403]);
    assert_eq!(
        app.log.selected().unwrap().status,
        403,
        "the newest is selected"
    );
    fx.press(&mut app, &[ch('s')]);
    fx.press(&mut app, &text("4x"));
    fx.press(&mut app, &[code(KeyCode::Enter)]);
    assert!(
        app.status.as_ref().is_some_and(|s| s.error),
        "{:?}",
        app.status
    );
    assert_eq!(app.log.len(), 3, "a bad filter changes nothing");
    // Esc leaves an input without applying it.
    fx.press(&mut app, &[ch('u'), ch('z'), code(KeyCode::Esc)]);
    assert!(app.input.is_none() && app.log.user.is_none() && !app.quit);
}

#[test]
fn selecting_moves_within_the_list_and_follows_the_tail() {
    let fx = populated();
    let mut app = fx.app((100, 30));
    fx.press(&mut app, &[ch('4')]);
    assert_eq!(app.log.pos.selected, 5);
    assert!(app.log.follow);
    fx.press(&mut app, &[code(KeyCode::Home)]);
    assert_eq!(app.log.pos.selected, 0);
    assert!(!app.log.follow, "moving up stops following");
    fx.press(&mut app, &[ch('j'), code(KeyCode::Down)]);
    assert_eq!(
        app.log.selected().unwrap().request_id,
        "r-00000000000000000003"
    );
    // New records while paused: the selection stays where it is.
    let mut more = vec![record(
        scimctl::engine::now(),
        "r-00000000000000000007",
        "DELETE",
        "/Users/x",
        204,
        None,
        None,
    )];
    fx.engine.write_log(&mut more).unwrap();
    let fx_tick = app.update(Action::Tick);
    settle(&mut app, &fx.ctx(), fx_tick);
    assert_eq!(app.log.len(), 7);
    assert_eq!(app.log.pos.selected, 2);
    // End follows again, and the next record is selected as it arrives.
    fx.press(&mut app, &[code(KeyCode::End)]);
    assert!(app.log.follow);
    let mut more = vec![record(
        scimctl::engine::now(),
        "r-00000000000000000008",
        "GET",
        "/Users",
        200,
        None,
        None,
    )];
    fx.engine.write_log(&mut more).unwrap();
    let fx_tick = app.update(Action::Tick);
    settle(&mut app, &fx.ctx(), fx_tick);
    assert_eq!(
        app.log.selected().unwrap().request_id,
        "r-00000000000000000008"
    );
    // Groups select the same way.
    fx.press(&mut app, &[ch('3'), code(KeyCode::End)]);
    let g = &app.groups.list.as_ref().unwrap()[app.groups.pos.selected];
    assert_eq!(g.display_name, "Night shift");
}

#[test]
fn search_takes_text_and_keeps_it() {
    let fx = populated();
    let mut app = fx.app((100, 30));
    fx.press(&mut app, &[ch('2'), ch('/')]);
    assert_eq!(
        app.input.as_ref().map(|i| i.target),
        Some(InputTarget::UserSearch)
    );
    // Keys that are commands elsewhere are text here.
    fx.press(&mut app, &text("jane q"));
    fx.press(
        &mut app,
        &[code(KeyCode::Backspace), code(KeyCode::Backspace)],
    );
    assert!(screen(&app, 100, 30).contains("search: jane█"));
    fx.press(&mut app, &[code(KeyCode::Enter)]);
    assert_eq!(app.users.search.as_deref(), Some("jane"));
    assert!(!app.quit && app.tab == Tab::Users);
}

#[test]
fn regenerate_asks_and_cancel_changes_nothing() {
    let fx = populated();
    let mut app = fx.app((100, 30));
    fx.press(&mut app, &[ch('T')]);
    assert!(matches!(
        app.modal,
        Some(Modal::Confirm(Pending::RegenerateToken))
    ));
    fx.press(&mut app, &[ch('n')]);
    assert!(app.modal.is_none());
    assert!(fx.token_valid(&fx.token), "cancel keeps the token");
    fx.press(&mut app, &[ch('T'), code(KeyCode::Esc)]);
    assert!(app.modal.is_none() && !app.quit);
    assert!(fx.token_valid(&fx.token));
}

#[test]
fn regenerate_confirmed_shows_the_new_token_once() {
    let fx = populated();
    let mut app = fx.app((100, 30));
    let old_fp = app
        .overview
        .data
        .as_ref()
        .unwrap()
        .diagnosis
        .token
        .token
        .as_ref()
        .unwrap()
        .fingerprint
        .clone();
    fx.press(&mut app, &[ch('T'), ch('y')]);
    let new_token = match &app.modal {
        Some(Modal::Token(t)) => {
            assert_eq!(t.replaced_fingerprint.as_deref(), Some(old_fp.as_str()));
            t.token.expose().to_owned()
        }
        m => panic!("expected the token window, got {m:?}"),
    };
    assert_token_shape(&new_token);
    assert!(fx.token_valid(&new_token), "the new token verifies");
    assert!(!fx.token_valid(&fx.token), "the old one does not");
    let s = screen(&app, 100, 30);
    assert!(s.contains(&new_token), "{s}");
    assert!(s.contains("will not be shown again"), "{s}");
    // The Overview was reloaded with the new fingerprint.
    let fp = &app
        .overview
        .data
        .as_ref()
        .unwrap()
        .diagnosis
        .token
        .token
        .as_ref()
        .unwrap()
        .fingerprint;
    assert_ne!(fp, &old_fp);
    fx.press(&mut app, &[code(KeyCode::Enter)]);
    assert!(app.modal.is_none() && !app.quit);
    let s = screen(&app, 100, 30);
    assert!(!s.contains(&new_token), "closed means gone from the screen");
    assert!(
        !format!("{app:?}").contains(&new_token),
        "and from the model"
    );
}

#[test]
fn the_first_token_is_generated_without_asking() {
    let env = TestEnv::new();
    env.tenant("Solo", "solo");
    let (engine, tenant) = env.engine_tenant("solo");
    let ctx = data::Ctx {
        backend: local(&engine),
        tenant: tenant.clone(),
        settings: settings(),
    };
    let (mut app, fx) = App::new(tenant.clone(), settings(), (80, 24));
    settle(&mut app, &ctx, fx);
    let s = screen(&app, 80, 24);
    assert!(
        s.contains("SCIM off") && s.contains("none (T generates one)"),
        "{s}"
    );
    let fx = app.handle_key(ch('T'));
    assert!(matches!(fx[..], [Effect::IssueToken { regenerate: false }]));
    settle(&mut app, &ctx, fx);
    let Some(Modal::Token(t)) = &app.modal else {
        panic!("expected the token window, got {:?}", app.modal)
    };
    assert!(t.replaced_fingerprint.is_none());
    assert!(engine.verify_token(&tenant, &t.token).unwrap().valid);
}

#[test]
fn scim_is_turned_off_after_a_yes_and_on_at_once() {
    let fx = populated();
    let mut app = fx.app((100, 30));
    let enabled = |fx: &Fixture| {
        fx.engine
            .tenant_detail(&fx.tenant, PUBLIC_URL)
            .unwrap()
            .tenant
            .scim_enabled
    };
    fx.press(&mut app, &[ch('S')]);
    assert!(matches!(
        app.modal,
        Some(Modal::Confirm(Pending::DisableScim))
    ));
    let s = screen(&app, 100, 30);
    assert!(s.contains("Turn SCIM off?"), "{s}");
    fx.press(&mut app, &[ch('n')]);
    assert!(enabled(&fx), "cancel leaves it on");
    fx.press(&mut app, &[ch('S'), code(KeyCode::Enter)]);
    assert!(!enabled(&fx));
    assert_eq!(app.scim_enabled(), Some(false));
    assert!(screen(&app, 100, 30).contains("SCIM off"));
    assert_eq!(
        app.status.as_ref().unwrap().text,
        "SCIM provisioning disabled."
    );
    // Turning it on needs no confirmation.
    fx.press(&mut app, &[ch('S')]);
    assert!(app.modal.is_none());
    assert!(enabled(&fx));
    assert_eq!(app.scim_enabled(), Some(true));
}

#[test]
fn engine_errors_reach_the_status_line() {
    let fx = populated();
    let mut app = fx.app((80, 24));
    // The tenant disappears underneath the dashboard.
    fx.env.ok(&["tenant", "delete", "acme", "--yes"]);
    fx.press(&mut app, &[ch('r')]);
    let st = app.status.clone().expect("a status");
    assert!(st.error, "{st:?}");
    assert!(st.text.starts_with("error: "), "{st:?}");
    assert!(screen(&app, 80, 24).contains(&st.text[..30]));
}

#[test]
fn resizing_keeps_the_selection_visible() {
    let fx = populated();
    let mut app = fx.app((100, 30));
    let mut more: Vec<LogRecord> = (0..100)
        .map(|i| {
            record(
                scimctl::engine::now(),
                &format!("r-x{i:04}"),
                "GET",
                "/Users",
                200,
                None,
                None,
            )
        })
        .collect();
    fx.engine.write_log(&mut more).unwrap();
    let t = app.update(Action::Tick);
    settle(&mut app, &fx.ctx(), t);
    fx.press(&mut app, &[ch('4')]);
    assert_eq!(app.log.selected().unwrap().request_id, "r-x0099");
    app.update(Action::Resize(80, 24));
    let s = screen(&app, 80, 24);
    assert!(s.contains("r-x0099") || s.lines().count() == 24, "{s}");
    let visible = app.log.pos.visible_from(app.log.len(), app.list_rows());
    assert!(visible <= app.log.pos.selected && app.log.pos.selected < visible + app.list_rows());
}

/// A real `scimctl serve` in another process: its requests reach the Log
/// tab through the tail, and the Overview counts them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_log_tails_a_running_server() {
    let env = TestEnv::new();
    let token = scim_tenant(&env, "Acme Hotels", "acme", "product");
    let (engine, tenant) = env.engine_tenant("acme");
    let ctx = data::Ctx {
        backend: local(&engine),
        tenant: tenant.clone(),
        settings: settings(),
    };
    let (mut app, fx) = App::new(tenant, settings(), (100, 30));
    settle(&mut app, &ctx, fx);
    assert!(app.log.is_empty());
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);
    let ok = c.get("/Users").await;
    ok.ok(200);
    let bad = c.with_token(Some("scim_wrong")).get("/Users").await;
    assert_eq!(bad.status, 401);
    let want = [ok.request_id().to_owned(), bad.request_id().to_owned()];
    let deadline = Instant::now() + Duration::from_secs(10);
    while app.log.len() < 2 {
        assert!(Instant::now() < deadline, "the tail never saw the requests");
        tokio::time::sleep(Duration::from_millis(100)).await;
        let t = app.update(Action::Tick);
        settle(&mut app, &ctx, t);
    }
    let got: Vec<&str> = app
        .log
        .records
        .iter()
        .map(|r| r.request_id.as_str())
        .collect();
    assert_eq!(got, want);
    app.update(Action::GoTab(Tab::Log));
    let s = screen(&app, 100, 30);
    assert!(s.contains("401") && s.contains("invalid_token"), "{s}");
    let r = app.update(Action::Refresh);
    settle(&mut app, &ctx, r);
    let d = &app.overview.data.as_ref().unwrap().diagnosis;
    assert_eq!((d.requests_24h, d.errors_24h), (2, 1));
    srv.stop();
}

#[test]
fn refuses_without_a_terminal() {
    let env = TestEnv::new();
    env.tenant("Acme", "acme");
    let line = env.fail(&["dashboard"], 2);
    assert!(line.contains("needs a terminal"), "{line}");
}

// ---- the real binary in a real terminal (tmux) ----

/// A tmux server of the test's own (its own socket), so a developer's
/// sessions are neither seen nor touched.
struct Tmux {
    name: String,
}

impl Tmux {
    /// A detached 100×30 session running `sh -c script`.
    fn start(name: String, script: &str) -> Tmux {
        let t = Tmux { name };
        t.run(&[
            "new-session",
            "-d",
            "-s",
            &t.name,
            "-x",
            "100",
            "-y",
            "30",
            "sh",
            "-c",
            script,
        ]);
        t
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.name])
            .args(args)
            .output()
            .expect("run tmux (installed by .ci/run)");
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn pane(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", &self.name])
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", &self.name, k]);
            // Esc followed at once by a key reads as Alt-key; people pause.
            std::thread::sleep(Duration::from_millis(120));
        }
    }

    fn wait_for(&self, what: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let p = self.pane();
            if p.contains(what) {
                return p;
            }
            assert!(
                Instant::now() < deadline,
                "never saw {what:?} on the screen:\n{p}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.name, "kill-server"])
            .output();
    }
}

#[test]
fn the_binary_runs_in_tmux_and_gives_the_terminal_back() {
    let fx = populated();
    let env = &fx.env;
    let name = format!("scimctl-it-{}", std::process::id());
    let script = format!(
        "env -i PATH=\"$PATH\" HOME='{home}' XDG_DATA_HOME='{data}' XDG_CONFIG_HOME='{conf}' XDG_STATE_HOME='{home}/state' TERM=xterm-256color '{bin}' dashboard; echo \"exit=$?\"; stty -a | tr ' ' '\\n' | grep -x -- '-\\?icanon'; sleep 60",
        home = env.root().display(),
        data = env.data_home().display(),
        conf = env.config_home().display(),
        bin = BIN,
    );
    let t = Tmux::start(name, &script);
    let s = t.wait_for("SCIM on");
    assert!(s.contains("1 Overview") && s.contains("Acme Hotels"), "{s}");
    assert_eq!(
        t.run(&["display", "-p", "-t", &t.name, "#{alternate_on}"])
            .trim(),
        "1"
    );
    t.keys(&["4"]);
    let s = t.wait_for("Log (6)");
    assert!(s.contains("external_accounts"), "{s}");
    t.keys(&["?"]);
    t.wait_for("any key closes");
    t.keys(&["x", "3"]);
    let s = t.wait_for("Night shift");
    assert!(!s.contains("any key closes"), "{s}");
    // Resizing to the smallest supported size redraws.
    t.run(&["resize-window", "-t", &t.name, "-x", "80", "-y", "24"]);
    let s = t.wait_for("Housekeeping");
    assert!(s.lines().all(|l| l.chars().count() <= 80), "{s}");
    t.keys(&["q"]);
    let s = t.wait_for("exit=0");
    assert!(
        s.contains("\nicanon") || s.starts_with("icanon"),
        "the terminal is cooked again:\n{s}"
    );
    assert!(
        !s.contains("1 Overview"),
        "the dashboard's screen is gone:\n{s}"
    );
    assert_eq!(
        t.run(&["display", "-p", "-t", &t.name, "#{alternate_on}"])
            .trim(),
        "0"
    );
    let log = std::fs::read_to_string(env.root().join("state/scimctl/dashboard.log"))
        .expect("the dashboard logs to its file");
    assert!(log.contains("dashboard started"), "{log}");
    assert_eq!(mode(&env.root().join("state/scimctl/dashboard.log")), 0o600);
}

#[test]
fn users_are_listed_searched_as_typed_and_diagnosed() {
    let fx = populated();
    let mut app = fx.app((100, 30));
    let emails =
        |app: &App| -> Vec<String> { app.users.rows.iter().map(|m| m.email.clone()).collect() };
    assert_eq!(
        emails(&app),
        [
            "bob@acme.example",
            "hq@acme.example",
            "jane@acme.example",
            "pre@acme.example"
        ]
    );
    assert_eq!(app.users.total, Some(4));
    fx.press(&mut app, &[ch('2'), ch('/')]);
    fx.press(&mut app, &text("JA"));
    assert_eq!(
        emails(&app),
        ["jane@acme.example"],
        "the list follows the typing"
    );
    fx.press(&mut app, &[code(KeyCode::Esc)]);
    assert_eq!(emails(&app).len(), 4, "Esc goes back to the whole list");
    assert!(app.users.search.is_none());
    fx.press(&mut app, &[ch('/')]);
    fx.press(&mut app, &text("pre"));
    fx.press(&mut app, &[code(KeyCode::Enter)]);
    assert_eq!(app.users.search.as_deref(), Some("pre"));
    assert_eq!(emails(&app), ["pre@acme.example"]);
    let s = screen(&app, 100, 30);
    assert!(s.contains("search \"pre\""), "{s}");
    // Enter: `diagnose user`'s verdict for the selected member.
    fx.press(&mut app, &[code(KeyCode::Enter)]);
    match &app.modal {
        Some(Modal::UserDetail { email, diagnosis }) => {
            assert_eq!(email, "pre@acme.example");
            let d = diagnosis.as_ref().unwrap().as_ref().unwrap();
            assert!(!d.findings.is_empty());
            let s = screen(&app, 100, 30);
            assert!(s.contains(&d.findings[0].verdict[..20]), "{s}");
        }
        m => panic!("expected the user window, got {m:?}"),
    }
    snap(&app, "user_detail", 100, 30);
}

#[test]
fn members_are_read_a_page_at_a_time() {
    let env = TestEnv::new();
    env.tenant("Big", "big");
    let (engine, tenant) = env.engine_tenant("big");
    for i in 0..1_100 {
        engine
            .add_member(
                &tenant,
                &scimctl::engine::admin::users::NewMember {
                    email: &format!("u{i:05}@big.example"),
                    given_name: "U",
                    family_name: "Ser",
                    central: false,
                },
            )
            .unwrap();
    }
    let ctx = data::Ctx {
        backend: local(&engine),
        tenant: tenant.clone(),
        settings: settings(),
    };
    let (mut app, fx) = App::new(tenant, settings(), (80, 24));
    settle(&mut app, &ctx, fx);
    let page = scimctl::tui::app::MEMBERS_PAGE as usize;
    assert_eq!(app.users.rows.len(), page, "one page at first");
    assert_eq!(app.users.total, Some(1_100));
    let fx = app.update(Action::GoTab(Tab::Users));
    settle(&mut app, &ctx, fx);
    // Down to near the end of what was read: the next page comes.
    for _ in 0..(page / app.list_rows()) {
        let fx = app.update(Action::PageDown);
        settle(&mut app, &ctx, fx);
    }
    assert_eq!(app.users.rows.len(), 2 * page);
    for _ in 0..10 {
        let fx = app.update(Action::Bottom);
        settle(&mut app, &ctx, fx);
    }
    assert_eq!(app.users.rows.len(), 1_100);
    assert_eq!(app.users.rows[1_099].email, "u01099@big.example");
    assert_eq!(app.users.pos.selected, 1_099);
    let s = screen(&app, 80, 24);
    assert!(
        s.contains("u01099@big.example") && s.contains("Users (1100)"),
        "{s}"
    );
}

#[test]
fn a_request_opens_with_its_diagnosis() {
    let fx = populated();
    let mut app = fx.app((100, 30));
    fx.press(&mut app, &[ch('4'), ch('k'), ch('k'), code(KeyCode::Enter)]);
    match &app.modal {
        Some(Modal::LogDetail {
            request_id,
            diagnosis,
        }) => {
            assert_eq!(request_id, "r-00000000000000000004");
            let d = diagnosis.as_ref().unwrap().as_ref().unwrap();
            assert_eq!(d.record.status, 409);
            assert!(!d.findings.is_empty());
            let s = screen(&app, 100, 30);
            assert!(
                s.contains("Diagnosis") && s.contains(&d.findings[0].verdict[..20]),
                "{s}"
            );
        }
        m => panic!("expected the request window, got {m:?}"),
    }
}

/// `C` runs Entra's Test Connection against a real `scimctl serve`: with
/// the right token every step passes; a wrong one fails at 'Auth accepted'.
/// The pasted token is never drawn.
#[test]
fn test_connection_runs_against_the_tenant_url() {
    let env = TestEnv::new();
    let token = scim_tenant(&env, "Acme Hotels", "acme", "product");
    let srv = Server::start(&env);
    let (engine, tenant) = env.engine_tenant("acme");
    // The dashboard over the remote backend: everything through the
    // server's admin API, as `scimctl dashboard --server URL` runs it.
    drop(engine);
    let key = env.ok(&["admin-key", "create", "dash"]).trim().to_owned();
    let remote = Remote::connect(&srv.origin(), None, Secret::new(key)).expect("remote backend");
    let settings = Settings {
        tenant_url: srv.tenant_url("acme"),
    };
    let ctx = data::Ctx {
        backend: Arc::new(Backend::Remote(remote)),
        tenant: tenant.clone(),
        settings: settings.clone(),
    };
    let (mut app, fx) = App::new(tenant, settings, (100, 30));
    settle(&mut app, &ctx, fx);
    let o = app
        .overview
        .data
        .as_ref()
        .expect("the Overview loads over the admin API");
    assert_eq!(o.detail.tenant.tenant_url, srv.tenant_url("acme"));
    assert!(o.diagnosis.token.token.is_some(), "{o:?}");
    for (tok, passes) in [(token.as_str(), true), ("scim_not-the-token", false)] {
        let fx = app.handle_key(ch('C'));
        assert!(fx.is_empty());
        for k in text(tok) {
            assert!(app.handle_key(k).is_empty());
        }
        let s = screen(&app, 100, 30);
        assert!(!s.contains(tok) && s.contains("••••"), "{s}");
        assert!(
            !format!("{app:?}").contains(tok),
            "nor in the model's Debug"
        );
        let fx = app.handle_key(code(KeyCode::Enter));
        assert!(matches!(fx[..], [Effect::TestConnection { .. }]));
        assert!(
            !format!("{fx:?}").contains(tok),
            "the effect hides the token"
        );
        settle(&mut app, &ctx, fx);
        let Some(Modal::Probe { steps, report }) = &app.modal else {
            panic!("expected the probe window, got {:?}", app.modal)
        };
        let report = report.as_ref().expect("the report");
        assert_eq!(report.passed, passes, "{report:?}");
        assert_eq!(
            steps.len(),
            report.steps.len(),
            "every step was shown as it came"
        );
        let s = screen(&app, 100, 30);
        if passes {
            assert!(s.contains("All ") && s.contains("steps passed"), "{s}");
        } else {
            let failed: Vec<&str> = report.failures().map(|s| s.name).collect();
            assert_eq!(failed, ["Auth accepted"]);
            assert!(app.status.as_ref().unwrap().text.contains("Auth accepted"));
        }
        fx_close(&mut app);
    }
    srv.stop();
}

fn fx_close(app: &mut App) {
    let fx = app.handle_key(code(KeyCode::Esc));
    assert!(fx.is_empty() && app.modal.is_none() && !app.quit);
}

/// The real binary over a remote server: `SCIMCTL_SERVER` and an admin key,
/// and no local store at all (its data home is empty): the Overview, the
/// Log and the Groups come through the admin API. The key reaches the
/// process through its environment only, read from a 0600 file by the
/// shell, never through an argument.
#[test]
fn the_binary_runs_over_a_remote_server_in_tmux() {
    let fx = populated();
    let env = &fx.env;
    let key = env.ok(&["admin-key", "create", "dash"]).trim().to_owned();
    let srv = Server::start(env);
    let key_file = env.path("dash.key");
    std::fs::write(&key_file, format!("{key}\n")).unwrap();
    std::fs::set_permissions(
        &key_file,
        std::os::unix::fs::PermissionsExt::from_mode(0o600),
    )
    .unwrap();
    let script = env.path("dash.sh");
    std::fs::write(
        &script,
        format!(
            "read -r SCIMCTL_ADMIN_KEY < '{key}'\nexport SCIMCTL_ADMIN_KEY\n'{bin}' dashboard\n",
            key = key_file.display(),
            bin = BIN
        ),
    )
    .unwrap();
    let name = format!("scimctl-it-remote-{}", std::process::id());
    let cmd = format!(
        "env -i PATH=\"$PATH\" HOME='{home}' XDG_DATA_HOME='{home}/empty' XDG_CONFIG_HOME='{home}/empty' XDG_STATE_HOME='{home}/state' TERM=xterm-256color SCIMCTL_SERVER='{server}' sh '{script}'; echo \"exit=$?\"; sleep 60",
        home = env.root().display(),
        server = srv.origin(),
        script = script.display(),
    );
    let t = Tmux::start(name, &cmd);
    let s = t.wait_for("SCIM on");
    assert!(s.contains("Acme Hotels"), "{s}");
    t.keys(&["4"]);
    let s = t.wait_for("Log (6)");
    assert!(s.contains("external_accounts"), "{s}");
    t.keys(&["3"]);
    t.wait_for("Night shift");
    t.keys(&["q"]);
    t.wait_for("exit=0");
    assert!(
        !env.path("empty/scimctl").exists(),
        "no local store was created"
    );
    let log = std::fs::read_to_string(env.root().join("state/scimctl/dashboard.log")).unwrap();
    assert!(
        log.contains(&format!("backend=server {}", srv.origin())),
        "{log}"
    );
    assert!(!log.contains(&key[8..]), "the key in the dashboard log");
    // Everything it read was the admin API's (the key's last use is set).
    let keys = env.json(&["admin-key", "list"]);
    assert!(
        !keys[0]["last_used_at"].is_null(),
        "the dashboard used the key: {keys}"
    );
}
