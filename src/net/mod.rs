//! The network client parts every outgoing connection shares: client TLS
//! (system roots plus a `--ca-file`, a verifier that records what the
//! server presented), the admin API's HTTP client, and errors on one line.
//! The probe, `login` and the remote backend use these.

pub mod tls;

use std::path::Path;
use std::time::Duration;

/// The longest wait for a connection or for the next bytes of an answer.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// An HTTP client for the admin API, trusting the system roots and the
/// certificates of `ca_file` (the way `test-connection` trusts them).
pub fn client(ca_file: Option<&Path>) -> std::result::Result<reqwest::Client, String> {
    let extra = match ca_file {
        Some(p) => tls::load_ca_file(p).map_err(|e| e.to_string())?,
        None => Vec::new(),
    };
    let tls = tls::build(&extra).map_err(|e| format!("TLS setup failed: {e}"))?;
    reqwest::Client::builder()
        // A redirect must not carry the key elsewhere.
        .redirect(reqwest::redirect::Policy::none())
        // Per read, not per request: `log --follow` is one long response
        // (the server writes a keep-alive line well within this).
        .read_timeout(TIMEOUT)
        .connect_timeout(TIMEOUT)
        .user_agent(concat!("scimctl/", env!("CARGO_PKG_VERSION")))
        .tls_backend_preconfigured(tls.config)
        .build()
        .map_err(|e| chain(&e))
}

/// The error and its causes, on one line (no header is ever in them).
pub fn chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        let m = c.to_string();
        if !s.contains(&m) {
            s.push_str(": ");
            s.push_str(&m);
        }
        cur = c.source();
    }
    s
}
