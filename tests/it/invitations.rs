//! Sign-up email delivery (issue 15) end to end: a real `scimctl serve`
//! provisioned over SCIM by a real HTTP client, a real SMTP server on
//! 127.0.0.1 (`tests/smtp_server.py`), the sign-up link redeemed through
//! the admin API and the CLI; on both stores.

use std::time::{Duration, Instant};

use reqwest::Method;
use serde_json::{Value, json};

use crate::server::*;
use crate::support::*;

both_stores!(
    async
    a_provisioned_user_gets_exactly_one_email_whose_link_redeems_once,
    a_4xx_is_retried_until_the_server_recovers,
    a_5xx_is_recorded_as_failed_and_diagnose_shows_the_fix,
    resend_kills_the_old_link_at_once,
    kill_9_during_delivery_sends_at_most_once_more,
    deliver_does_one_pass_without_a_server,
);

#[test]
fn starttls_and_implicit_tls_verify_the_server_against_ca_file() {
    tls_delivery("starttls", "smtp://localhost:{port}?tls=starttls");
    tls_delivery("implicit", "smtps://localhost:{port}");
}

/// `invitations deliver` over TLS to a server with a private certificate:
/// refused without `ca_file` (left queued, retrying, the TLS failure
/// named), sent with it.
fn tls_delivery(mode: &str, url: &str) {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    let ck = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).unwrap();
    let (cert, key) = (env.path("smtp.pem"), env.path("smtp.key"));
    std::fs::write(&cert, ck.cert.pem()).unwrap();
    std::fs::write(&key, ck.signing_key.serialize_pem()).unwrap();
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
    let smtp = SmtpServer::start_tls(mode, &cert, &key);
    let url = url.replace("{port}", &smtp.port.to_string());

    // An invitation in the outbox: a member provisioned by SCIM (a server
    // without SMTP) into a group with a property.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let srv = Server::start(&env);
        let (token, group) = tenant_with_property_group(&env, &srv).await;
        provision(&srv, &token, &group, "tls@acme.example", "Tee", "Ls").await;
        srv.stop();
    });
    let deliver = |ca: Option<&std::path::Path>| {
        let mut cmd = env.cmd([
            "--tenant",
            "acme",
            "invitations",
            "deliver",
            "--output",
            "json",
        ]);
        cmd.env("SCIMCTL_SMTP_URL", &url)
            .env("SCIMCTL_MAIL_FROM", FROM)
            .env("SCIMCTL_SIGNUP_URL", SIGNUP)
            .env("SCIMCTL_SMTP_RETRY_SECS", "1")
            .env("SCIMCTL_SMTP_TIMEOUT_SECS", "5");
        if let Some(ca) = ca {
            cmd.env("SCIMCTL_SMTP_CA_FILE", ca);
        }
        let out = cmd.output().unwrap();
        expect_success(&["invitations", "deliver"], &out);
        parse_json(&String::from_utf8(out.stdout).unwrap())
    };
    assert_eq!(
        deliver(None),
        json!({"sent": 0, "retrying": 1, "failed": 0}),
        "{mode}"
    );
    let v = &list(&env, &[])[0];
    assert_eq!(str_key(v, "state"), "retrying");
    assert!(str_key(v, "last_error").contains("TLS"), "{mode}: {v}");
    assert!(smtp.messages().is_empty());

    std::thread::sleep(Duration::from_millis(1600));
    assert_eq!(
        deliver(Some(&cert)),
        json!({"sent": 1, "retrying": 0, "failed": 0}),
        "{mode}"
    );
    let m = smtp.wait_for(1, 5);
    assert_eq!(m[0].rcpt_tos, ["tls@acme.example"]);
    assert_eq!(str_key(&list(&env, &[])[0], "state"), "sent");
}

const FROM: &str = "Acme Hotels <no-reply@acme.example>";
const SIGNUP: &str = "https://app.example.com/signup/{token}";

/// The server's delivery settings: the SMTP server, one-second retries
/// and a short timeout (so a lease is 2 × 3 + 5 = 11 s).
fn mail_vars(smtp: &SmtpServer) -> Vec<(&'static str, String)> {
    vec![
        ("SCIMCTL_SMTP_URL", smtp.url()),
        ("SCIMCTL_MAIL_FROM", FROM.into()),
        ("SCIMCTL_SIGNUP_URL", SIGNUP.into()),
        ("SCIMCTL_SMTP_RETRY_SECS", "1".into()),
        ("SCIMCTL_SMTP_TIMEOUT_SECS", "3".into()),
    ]
}

fn serve(env: &TestEnv, smtp: &SmtpServer) -> Server {
    let vars = mail_vars(smtp);
    let refs: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Server::start_with(env, &[], &refs)
}

/// A tenant with SCIM on, a property and a SCIM group "Front Desk" that
/// has it; returns the SCIM token and the group's id.
async fn tenant_with_property_group(env: &TestEnv, srv: &Server) -> (String, String) {
    let token = scim_tenant(env, "Acme Hotels", "acme", "product");
    env.ok(&["--tenant", "acme", "properties", "add", "Seaside Hotel"]);
    let c = srv.client("acme", &token);
    let g = c.create_group("Front Desk").await;
    env.ok(&[
        "--tenant",
        "acme",
        "groups",
        "assign",
        "Front Desk",
        "--property",
        "Seaside Hotel",
    ]);
    (token, g)
}

/// Provisions `email` by SCIM and adds it to the group: the invitation is
/// queued by that PATCH.
async fn provision(srv: &Server, token: &str, group: &str, email: &str, given: &str, family: &str) {
    let c = srv.client("acme", token);
    let r = c
        .post("/Users", &entra_user(email, given, family, None))
        .await;
    let id = id_of(&r.ok(201));
    c.patch(
        &format!("/Groups/{group}"),
        &patch_op(json!([{"op": "Add", "path": "members", "value": [{"value": id}]}])),
    )
    .await
    .no_content();
}

/// The `invitation.*` events of one email, oldest first.
fn invitation_events(env: &TestEnv, email: &str) -> Vec<Value> {
    let out = env.ok(&[
        "--tenant", "acme", "events", "--after", "0", "--limit", "1000", "--output", "json",
    ]);
    out.lines()
        .map(parse_json)
        .filter(|e| str_key(e, "type").starts_with("invitation."))
        .filter(|e| e["data"]["invitation"]["email"] == email)
        .collect()
}

fn list(env: &TestEnv, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["--tenant", "acme", "invitations", "list"];
    all.extend_from_slice(args);
    array_key(&env.json(&all), "invitations").clone()
}

/// Waits until the invitation of `email` is in `state`; returns it.
fn wait_state(env: &TestEnv, email: &str, state: &str, secs: u64) -> Value {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        let v = list(env, &["--user", email]);
        if let Some(i) = v.first()
            && str_key(i, "state") == state
        {
            return i.clone();
        }
        assert!(
            Instant::now() < deadline,
            "{email}'s invitation never reached {state}: {v:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A client of the admin API with a key scoped to the tenant.
struct Desk {
    http: reqwest::Client,
    base: String,
    key: String,
}

impl Desk {
    fn new(env: &TestEnv, srv: &Server) -> Desk {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let key = env
            .ok(&["admin-key", "create", "signup-page", "--tenant", "acme"])
            .trim()
            .to_owned();
        Desk {
            http: reqwest::Client::builder()
                .no_proxy()
                .timeout(Duration::from_secs(30))
                .build()
                .expect("HTTP client"),
            base: format!("{}/admin/v1", srv.origin()),
            key,
        }
    }

    async fn redeem(&self, token: &str) -> (u16, Value) {
        let res = self
            .http
            .request(
                Method::POST,
                format!("{}/tenants/acme/invitations/redeem", self.base),
            )
            .header("Authorization", format!("Bearer {}", self.key))
            .json(&json!({ "token": token }))
            .send()
            .await
            .expect("redeem");
        let status = res.status().as_u16();
        let body: Value = res.json().await.expect("a JSON answer");
        (status, body)
    }
}

async fn a_provisioned_user_gets_exactly_one_email_whose_link_redeems_once(env: TestEnv) {
    let smtp = SmtpServer::start();
    let srv = serve(&env, &smtp);
    let (token, group) = tenant_with_property_group(&env, &srv).await;
    provision(
        &srv,
        &token,
        &group,
        "jane@acme.example",
        "Jane",
        "O'Doe <Ops>",
    )
    .await;

    let mail = smtp.wait_for(1, 20).remove(0);
    let sent = wait_state(&env, "jane@acme.example", "sent", 20);
    assert_eq!(mail.rcpt_tos, ["jane@acme.example"]);
    assert_eq!(mail.mail_from, "no-reply@acme.example");
    assert_eq!(
        mail.header("Subject").as_deref(),
        Some("Finish signing up to Acme Hotels")
    );
    let body = mail.decoded();
    assert!(
        body.contains("Hello Jane O'Doe <Ops>,"),
        "plain text part:\n{body}"
    );
    assert!(
        body.contains("Hello Jane O&#39;Doe &lt;Ops&gt;,"),
        "the HTML part escapes the name:\n{body}"
    );
    assert!(body.contains("Acme Hotels has created an account for you"));
    assert!(body.contains("text/plain") && body.contains("text/html"));
    let link_token = mail.token();
    assert!(body.contains(&format!("https://app.example.com/signup/{link_token}")));

    // Stored only as its hash; never in the server's log.
    let hash = scimctl::engine::tokens::hash(&link_token);
    let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
    let stored = env.query(match env.pg() {
        None => "SELECT lower(hex(token_hash)) FROM invitations",
        Some(_) => "SELECT encode(token_hash, 'hex') FROM invitations",
    });
    assert_eq!(stored[0][0].as_deref(), Some(hex.as_str()));
    assert!(!srv.stderr().contains(&link_token));
    assert!(sent["link_expires_at"].is_string());

    insta::assert_json_snapshot!("invitations_list_sent", sent, {
        ".queued_at" => "[time]",
        ".sent_at" => "[time]",
        ".link_expires_at" => "[time]",
    });

    // The first redeem answers the user; the second is gone (410).
    let desk = Desk::new(&env, &srv);
    let (status, r) = desk.redeem(&link_token).await;
    assert_eq!(status, 200, "{r}");
    insta::assert_json_snapshot!("invitations_redeem", r, {".redeemed_at" => "[time]"});
    assert_eq!(str_key(&r, "email"), "jane@acme.example");
    assert_eq!(str_key(&r, "given_name"), "Jane");
    assert_eq!(str_key(&r, "tenant_name"), "Acme Hotels");
    let (status, r) = desk.redeem(&link_token).await;
    assert_eq!(status, 410, "{r}");
    assert_eq!(str_key(&r, "reason"), "invitation_link_gone");
    assert!(str_key(&r, "error").contains("already used"), "{r}");
    assert!(
        !r.to_string().contains(&link_token),
        "no token in an error body"
    );
    let (status, _) = desk.redeem("inv_guessed").await;
    assert_eq!(status, 410);
    wait_state(&env, "jane@acme.example", "redeemed", 5);

    // Nothing more is sent: exactly one message.
    std::thread::sleep(Duration::from_millis(2500));
    assert_eq!(smtp.messages().len(), 1);
    // The product learns each step as an event.
    let evs = invitation_events(&env, "jane@acme.example");
    assert_eq!(
        evs.iter().map(|e| str_key(e, "type")).collect::<Vec<_>>(),
        [
            "invitation.queued",
            "invitation.sent",
            "invitation.redeemed"
        ]
    );
    assert_eq!(evs[1]["data"]["attempt"], 1);
    assert!(evs[2]["data"]["redeemed_at"].is_string());
    let shown = env.ok(&["--tenant", "acme", "users", "show", "jane@acme.example"]);
    assert!(
        shown.contains("sent ") && shown.contains("link used"),
        "{shown}"
    );
    srv.stop();
}

async fn a_4xx_is_retried_until_the_server_recovers(env: TestEnv) {
    let smtp = SmtpServer::start();
    smtp.control("tempfail", Some(""));
    let srv = serve(&env, &smtp);
    let (token, group) = tenant_with_property_group(&env, &srv).await;
    provision(&srv, &token, &group, "temp@acme.example", "Tem", "Porary").await;

    let retrying = wait_state(&env, "temp@acme.example", "retrying", 20);
    assert!(
        str_key(&retrying, "last_error").starts_with("451"),
        "{retrying}"
    );
    let d = env.json(&["--tenant", "acme", "diagnose", "user", "temp@acme.example"]);
    assert!(d.to_string().contains("invitation_retrying"), "{d}");
    assert!(smtp.messages().is_empty());

    smtp.control("tempfail", None);
    let sent = wait_state(&env, "temp@acme.example", "sent", 30);
    assert!(u64_key(&sent, "attempts") >= 2, "{sent}");
    assert_eq!(smtp.wait_for(1, 5).len(), 1);
    std::thread::sleep(Duration::from_millis(2500));
    assert_eq!(
        smtp.messages().len(),
        1,
        "exactly one message once it recovered"
    );
    srv.stop();
}

async fn a_5xx_is_recorded_as_failed_and_diagnose_shows_the_fix(env: TestEnv) {
    let smtp = SmtpServer::start();
    smtp.control("reject", Some("^typo@"));
    let srv = serve(&env, &smtp);
    let (token, group) = tenant_with_property_group(&env, &srv).await;
    provision(&srv, &token, &group, "typo@acme.example", "Ty", "Po").await;

    let failed = wait_state(&env, "typo@acme.example", "failed", 20);
    insta::assert_json_snapshot!("invitations_list_failed_one", failed, {
        ".queued_at" => "[time]",
        ".failed_at" => "[time]",
    });
    assert!(
        str_key(&failed, "last_error").starts_with("550"),
        "{failed}"
    );
    assert_eq!(u64_key(&failed, "attempts"), 1, "no retry after a 5xx");
    assert!(smtp.messages().is_empty());

    let d = env.json(&["--tenant", "acme", "diagnose", "user", "typo@acme.example"]);
    let f = array_key(&d, "findings")
        .iter()
        .find(|f| str_key(f, "code") == "invitation_failed")
        .unwrap_or_else(|| panic!("no invitation_failed finding: {d}"))
        .clone();
    assert!(str_key(&f, "verdict").contains("550"), "{f}");
    assert!(
        str_key(&f, "fix").contains("the SMTP server refused the address: check the user's email"),
        "{f}"
    );
    let text = env.ok(&["--tenant", "acme", "diagnose", "user", "typo@acme.example"]);
    assert!(
        text.contains("failed") && text.contains("check the user's email"),
        "{text}"
    );
    let shown = env.ok(&["--tenant", "acme", "users", "show", "typo@acme.example"]);
    assert!(
        shown.contains("failed")
            && shown.contains("550")
            && shown.contains("check the user's email"),
        "{shown}"
    );
    let t = env.json(&["--tenant", "acme", "diagnose", "tenant"]);
    assert!(t.to_string().contains("invitations_failed"), "{t}");
    let evs = invitation_events(&env, "typo@acme.example");
    assert_eq!(
        evs.iter().map(|e| str_key(e, "type")).collect::<Vec<_>>(),
        ["invitation.queued", "invitation.failed"]
    );
    assert!(
        str_key(&evs[1]["data"], "error").starts_with("550"),
        "{}",
        evs[1]
    );
    assert_eq!(list(&env, &["--failed"]).len(), 1);
    assert!(list(&env, &["--sent"]).is_empty());
    srv.stop();
}

async fn resend_kills_the_old_link_at_once(env: TestEnv) {
    let smtp = SmtpServer::start();
    let srv = serve(&env, &smtp);
    let (token, group) = tenant_with_property_group(&env, &srv).await;
    provision(&srv, &token, &group, "again@acme.example", "Ag", "Ain").await;
    let first = smtp.wait_for(1, 20)[0].token();
    wait_state(&env, "again@acme.example", "sent", 20);

    let v = env.json(&[
        "--tenant",
        "acme",
        "invitations",
        "resend",
        "again@acme.example",
    ]);
    assert_eq!(str_key(&v, "state"), "queued");
    // The old link is dead as soon as resend returns.
    let out = env
        .cmd(["--tenant", "acme", "invitations", "redeem"])
        .write_stdin(format!("{first}\n"))
        .output()
        .unwrap();
    let err = expect_failure(&["invitations", "redeem"], &out, 5);
    assert!(err.contains("sign-up link no longer works"), "{err}");

    let second = smtp.wait_for(2, 20)[1].token();
    assert_ne!(first, second);
    wait_state(&env, "again@acme.example", "sent", 20);
    let out = env
        .cmd([
            "--tenant",
            "acme",
            "invitations",
            "redeem",
            "--output",
            "json",
        ])
        .write_stdin(format!("{second}\n"))
        .output()
        .unwrap();
    expect_success(&["invitations", "redeem"], &out);
    let r = parse_json(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(str_key(&r, "email"), "again@acme.example");
    // Redeemed: nothing to resend.
    let err = env.fail(
        &[
            "--tenant",
            "acme",
            "invitations",
            "resend",
            "again@acme.example",
        ],
        6,
    );
    assert!(err.contains("signed up"), "{err}");
    srv.stop();
}

async fn kill_9_during_delivery_sends_at_most_once_more(env: TestEnv) {
    let smtp = SmtpServer::start();
    // The message is stored, then the 250 waits: serve is killed in between.
    smtp.control("slow", Some("2"));
    let srv = serve(&env, &smtp);
    let (token, group) = tenant_with_property_group(&env, &srv).await;
    provision(&srv, &token, &group, "crash@acme.example", "Cr", "Ash").await;
    smtp.wait_for(1, 20);
    srv.kill9();
    smtp.control("slow", None);
    let v = list(&env, &["--user", "crash@acme.example"]);
    assert_eq!(str_key(&v[0], "state"), "queued", "not marked sent: {v:?}");

    // After the lease (11 s) the restarted server sends it once more.
    let srv = serve(&env, &smtp);
    let sent = wait_state(&env, "crash@acme.example", "sent", 40);
    assert_eq!(u64_key(&sent, "attempts"), 2, "{sent}");
    std::thread::sleep(Duration::from_millis(2500));
    let all = smtp.messages();
    assert!(all.len() <= 2, "at most once more: {} messages", all.len());
    assert_eq!(all.len(), 2, "the first was accepted before the kill");
    assert_eq!(list(&env, &["--sent"]).len(), 1, "exactly one sent");
    // Only the last message's link works.
    let desk = Desk::new(&env, &srv);
    assert_eq!(desk.redeem(&all[0].token()).await.0, 410);
    assert_eq!(desk.redeem(&all[1].token()).await.0, 200);
    srv.stop();
}

async fn deliver_does_one_pass_without_a_server(env: TestEnv) {
    let smtp = SmtpServer::start();
    // A server without SMTP: the invitation waits in the outbox.
    let srv = Server::start(&env);
    let (token, group) = tenant_with_property_group(&env, &srv).await;
    provision(&srv, &token, &group, "cron@acme.example", "Cr", "On").await;
    srv.stop();
    let t = env.json(&["--tenant", "acme", "diagnose", "tenant"]);
    assert!(t.to_string().contains("mail_not_configured"), "{t}");
    assert_eq!(str_key(&list(&env, &[])[0], "state"), "queued");

    let mut cmd = env.cmd([
        "--tenant",
        "acme",
        "invitations",
        "deliver",
        "--output",
        "json",
    ]);
    for (k, v) in mail_vars(&smtp) {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    expect_success(&["invitations", "deliver"], &out);
    let report = parse_json(&String::from_utf8(out.stdout).unwrap());
    insta::assert_json_snapshot!("invitations_deliver", report);
    assert_eq!(smtp.messages().len(), 1);
    assert_eq!(str_key(&list(&env, &[])[0], "state"), "sent");

    // A second pass has nothing to do.
    let mut cmd = env.cmd([
        "--tenant",
        "acme",
        "invitations",
        "deliver",
        "--output",
        "json",
    ]);
    for (k, v) in mail_vars(&smtp) {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    expect_success(&["invitations", "deliver"], &out);
    assert_eq!(smtp.messages().len(), 1);

    // A URL with a password is refused, naming the fix and not the password.
    let mut cmd = env.cmd(["invitations", "deliver"]);
    cmd.env("SCIMCTL_SMTP_URL", "smtps://ops:hunter2@mail.example.com");
    let out = cmd.output().unwrap();
    let err = expect_failure(&["invitations", "deliver"], &out, 3);
    assert!(
        err.contains("password") && err.contains("SCIMCTL_SMTP_PASSWORD"),
        "{err}"
    );
    assert!(!err.contains("hunter2"), "{err}");
}

/// Through `--server` (the admin API): the same answers and exit codes as
/// locally, and never the token in an error.
#[test]
fn through_a_server_redeem_and_resend_refuse_with_their_reasons() {
    let env = TestEnv::remote();
    env.tenant("Acme Hotels", "acme");
    let out = env
        .cmd(["--tenant", "acme", "invitations", "redeem"])
        .write_stdin("inv_not-a-real-link\n")
        .output()
        .unwrap();
    let err = expect_failure(&["invitations", "redeem"], &out, 5);
    assert!(err.contains("sign-up link no longer works"), "{err}");
    assert!(!err.contains("not-a-real-link"), "{err}");

    add_member(&env, "acme", "pre@acme.example", false);
    let err = env.fail(
        &[
            "--tenant",
            "acme",
            "invitations",
            "resend",
            "pre@acme.example",
        ],
        5,
    );
    assert!(err.contains("has no sign-up invitation"), "{err}");
    let err = env.fail(
        &[
            "--tenant",
            "acme",
            "invitations",
            "resend",
            "nobody@acme.example",
        ],
        5,
    );
    assert!(err.contains("not found"), "{err}");
    assert!(list(&env, &["--pending"]).is_empty());
    let err = env.fail(&["--tenant", "acme", "invitations", "deliver"], 2);
    assert!(err.contains("store's host"), "{err}");
}

/// Two `serve` instances on one PostgreSQL database, both delivering:
/// every invitation is sent exactly once (claims are write transactions,
/// which the advisory write lock runs one at a time across instances).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_on_one_database_send_each_email_once() {
    let env = TestEnv::with_mode(Mode::Postgres);
    let smtp = SmtpServer::start();
    let a = serve(&env, &smtp);
    let b = serve(&env, &smtp);
    let (token, group) = tenant_with_property_group(&env, &a).await;
    let emails: Vec<String> = (0..8).map(|i| format!("u{i}@acme.example")).collect();
    for (i, e) in emails.iter().enumerate() {
        // Half through each instance.
        let srv = if i % 2 == 0 { &a } else { &b };
        provision(srv, &token, &group, e, "U", &format!("N{i}")).await;
    }
    smtp.wait_for(emails.len(), 30);
    for e in &emails {
        wait_state(&env, e, "sent", 20);
    }
    std::thread::sleep(Duration::from_millis(2500));
    let mut got: Vec<String> = smtp
        .messages()
        .iter()
        .flat_map(|m| m.rcpt_tos.clone())
        .collect();
    got.sort();
    assert_eq!(got, emails, "each recipient exactly once");
    a.stop();
    b.stop();
}
