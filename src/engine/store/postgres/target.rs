//! Where a PostgreSQL store is and how to log in to it: a `postgres://` URL
//! (`--store`, `SCIMCTL_STORE`, `store =` in the config) read with libpq's
//! conventions. The password never comes from the URL, which travels in
//! argv, the environment and the config file: it comes from `PGPASSWORD` or
//! the password file (`PGPASSFILE`, else `~/.pgpass`), as for `psql`.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use postgres::config::{Host, SslMode};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use rustls::{ClientConfig, RootCertStore};

use crate::engine::error::{Result, StoreError};

/// Whether a store location names a PostgreSQL database rather than a file.
pub fn is_postgres_url(location: &str) -> bool {
    let lower = location.trim_start().to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

/// How long a connection attempt may take unless the URL says
/// (`connect_timeout`): an unreachable server answers within it.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// A parsed store URL: what to connect to, as whom, and how the server's
/// certificate is checked.
pub struct PgTarget {
    /// Host, port, user, database, the password found and the TLS mode.
    pub config: postgres::Config,
    /// The URL without any secret, for `config show`, `scim status` and
    /// every error about the store.
    pub shown: String,
    /// Used whenever the connection is encrypted: the server's certificate
    /// must chain to these roots (`sslrootcert`, else the system's) and
    /// name the host — libpq's `verify-full`, for every mode that encrypts.
    pub tls: ClientConfig,
}

impl std::fmt::Debug for PgTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown)
    }
}

/// What a URL's reading looks up outside it: the environment (libpq's
/// `PG*` variables) and the home directory (`~/.pgpass`).
pub trait Environment {
    fn var(&self, name: &str) -> Option<String>;
    fn home(&self) -> Option<PathBuf>;
}

/// The process's own environment.
pub struct ProcessEnv;

impl Environment for ProcessEnv {
    fn var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.is_empty())
    }
    fn home(&self) -> Option<PathBuf> {
        directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf())
    }
}

impl PgTarget {
    /// Reads `url` (`postgres://USER@HOST:PORT/DATABASE?sslmode=…`). Refuses
    /// a URL with a password in it, and fills what it leaves out as libpq
    /// does: the user from `PGUSER` (else the login name), the database
    /// named like the user, TLS from `PGSSLMODE` (else `prefer`).
    pub fn parse(url: &str, env: &dyn Environment) -> Result<PgTarget> {
        let url = url.trim();
        let bad = |reason: String| StoreError::BadUrl {
            url: redact(url),
            reason,
        };
        let (base, query) = url.split_once('?').unwrap_or((url, ""));
        let mut ssl = env.var("PGSSLMODE");
        let mut root_cert = env.var("PGSSLROOTCERT").map(PathBuf::from);
        let mut passed = form_urlencoded::Serializer::new(String::new());
        for (k, v) in form_urlencoded::parse(query.as_bytes()) {
            match &*k {
                "sslmode" => ssl = Some(v.into_owned()),
                "sslrootcert" => root_cert = Some(PathBuf::from(&*v)),
                "password" => return Err(bad(password_in_url()).into()),
                _ => {
                    passed.append_pair(&k, &v);
                }
            }
        }
        let passed = passed.finish();
        let rest = if passed.is_empty() {
            base.to_owned()
        } else {
            format!("{base}?{passed}")
        };
        let mut config: postgres::Config = rest
            .parse()
            .map_err(|e: postgres::Error| bad(e.to_string()))?;
        if config.get_password().is_some() {
            return Err(bad(password_in_url()).into());
        }
        let tls_mode = match ssl.as_deref().unwrap_or("prefer") {
            "disable" | "allow" => SslMode::Disable,
            "prefer" => SslMode::Prefer,
            "require" | "verify-ca" | "verify-full" => SslMode::Require,
            other => {
                return Err(bad(format!(
                    "unknown sslmode \"{other}\" (use disable, prefer, require or verify-full)"
                ))
                .into());
            }
        };
        config.ssl_mode(tls_mode);
        if config.get_hosts().is_empty() {
            match env.var("PGHOST") {
                Some(h) => {
                    config.host(&h);
                }
                None if Path::new(DEFAULT_SOCKET_DIR).is_dir() => {
                    config.host_path(DEFAULT_SOCKET_DIR);
                }
                None => {
                    config.host("localhost");
                }
            }
        }
        if config.get_ports().is_empty()
            && let Some(p) = env.var("PGPORT")
        {
            let port = p
                .parse()
                .map_err(|_| bad(format!("PGPORT \"{p}\" is not a port number")))?;
            config.port(port);
        }
        if config.get_user().is_none() {
            let user = env
                .var("PGUSER")
                .or_else(|| env.var("USER"))
                .ok_or_else(|| bad("it names no user (postgres://USER@HOST/DATABASE)".into()))?;
            config.user(&user);
        }
        if config.get_dbname().is_none() {
            let db = env
                .var("PGDATABASE")
                .or_else(|| config.get_user().map(str::to_owned))
                .unwrap_or_default();
            config.dbname(&db);
        }
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        if config.get_application_name().is_none() {
            config.application_name("scimctl");
        }
        config.keepalives(true);

        let shown = shown(&config);
        let password = env
            .var("PGPASSWORD")
            .or_else(|| password_from_file(&config, env));
        if let Some(p) = password {
            config.password(p);
        }
        let tls = client_tls(root_cert.as_deref()).map_err(|reason| StoreError::BadUrl {
            url: shown.clone(),
            reason,
        })?;
        Ok(PgTarget { config, shown, tls })
    }

    pub fn database(&self) -> &str {
        self.config.get_dbname().unwrap_or_default()
    }
}

/// Where Debian's and most distributions' servers put their socket.
const DEFAULT_SOCKET_DIR: &str = "/var/run/postgresql";

fn password_in_url() -> String {
    "it carries a password, which would show in the process list, the environment or the config file; put it in PGPASSWORD or ~/.pgpass instead".into()
}

/// `url` with its password (after `user:`, or a `password=` parameter)
/// masked, for an error about a URL that could not be read.
pub fn redact(url: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let base = match base.split_once("://") {
        Some((scheme, rest)) => {
            let (authority, path) = rest.find('/').map_or((rest, ""), |i| rest.split_at(i));
            match authority.rsplit_once('@') {
                Some((userinfo, host)) => match userinfo.split_once(':') {
                    Some((user, _)) => format!("{scheme}://{user}:***@{host}{path}"),
                    None => base.to_owned(),
                },
                None => base.to_owned(),
            }
        }
        None => base.to_owned(),
    };
    match query {
        Some(q) => {
            let q: Vec<&str> = q
                .split('&')
                .map(|kv| {
                    if kv.starts_with("password=") {
                        "password=***"
                    } else {
                        kv
                    }
                })
                .collect();
            format!("{base}?{}", q.join("&"))
        }
        None => base,
    }
}

/// `postgres://user@host:port/database`, the way errors and `config show`
/// name the store.
fn shown(config: &postgres::Config) -> String {
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(h)) if h.contains(':') => format!("[{h}]"),
        Some(Host::Tcp(h)) => h.clone(),
        Some(Host::Unix(p)) => p.display().to_string(),
        None => String::new(),
    };
    let port = config.get_ports().first().copied().unwrap_or(5432);
    let user = config.get_user().unwrap_or_default();
    let db = config.get_dbname().unwrap_or_default();
    let tls = match config.get_ssl_mode() {
        SslMode::Disable => "?sslmode=disable",
        SslMode::Require => "?sslmode=verify-full",
        _ => "",
    };
    format!("postgres://{user}@{host}:{port}/{db}{tls}")
}

/// The password file's entry for this connection, as libpq reads it:
/// `host:port:database:user:password` lines, `*` matching anything, `\`
/// escaping `:` and `\`. A file others may read is ignored with a warning.
fn password_from_file(config: &postgres::Config, env: &dyn Environment) -> Option<String> {
    let path = env
        .var("PGPASSFILE")
        .map(PathBuf::from)
        .or_else(|| env.home().map(|h| h.join(".pgpass")))?;
    let meta = fs::metadata(&path).ok()?;
    if meta.permissions().mode() & 0o077 != 0 {
        tracing::warn!(
            path = %path.display(),
            "the password file is readable by others and is ignored; chmod 0600 it"
        );
        return None;
    }
    let text = fs::read_to_string(&path).ok()?;
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(h)) => h.clone(),
        // libpq matches the default socket directory as "localhost".
        Some(Host::Unix(p)) if p == Path::new(DEFAULT_SOCKET_DIR) => "localhost".into(),
        Some(Host::Unix(p)) => p.display().to_string(),
        None => "localhost".into(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let want = [
        host.as_str(),
        port.as_str(),
        config.get_dbname().unwrap_or_default(),
        config.get_user().unwrap_or_default(),
    ];
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .find_map(|line| {
            let fields = pgpass_fields(line);
            let [h, p, d, u, password] = fields.as_slice() else {
                return None;
            };
            let matches = [h, p, d, u]
                .iter()
                .zip(want)
                .all(|(f, w)| f.as_str() == "*" || f.as_str() == w);
            matches.then(|| password.clone())
        })
}

/// A password-file line's fields, with its escapes undone.
fn pgpass_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next()
                    && let Some(f) = fields.last_mut()
                {
                    f.push(next);
                }
            }
            // The fifth field, the password, may itself hold colons.
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => {
                if let Some(f) = fields.last_mut() {
                    f.push(c);
                }
            }
        }
    }
    fields
}

/// The TLS client for the server: its roots are `root_cert`'s
/// certificates when given, else the system's.
fn client_tls(root_cert: Option<&Path>) -> std::result::Result<ClientConfig, String> {
    let mut roots = RootCertStore::empty();
    match root_cert {
        Some(path) => {
            let bytes = fs::read(path)
                .map_err(|e| format!("cannot read sslrootcert {}: {e}", path.display()))?;
            let certs = CertificateDer::pem_slice_iter(&bytes)
                .collect::<std::result::Result<Vec<_>, _>>()
                .map_err(|e| format!("sslrootcert {} is not valid PEM ({e})", path.display()))?;
            if certs.is_empty() {
                return Err(format!(
                    "sslrootcert {} holds no PEM certificate",
                    path.display()
                ));
            }
            roots.add_parsable_certificates(certs);
        }
        None => {
            let native = rustls_native_certs::load_native_certs();
            roots.add_parsable_certificates(native.certs);
        }
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    Ok(ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .with_root_certificates(roots)
        .with_no_client_auth())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    struct FakeEnv(HashMap<&'static str, String>, Option<PathBuf>);
    impl Environment for FakeEnv {
        fn var(&self, name: &str) -> Option<String> {
            self.0.get(name).cloned()
        }
        fn home(&self) -> Option<PathBuf> {
            self.1.clone()
        }
    }
    fn env(vars: &[(&'static str, &str)]) -> FakeEnv {
        FakeEnv(
            vars.iter().map(|(k, v)| (*k, (*v).to_owned())).collect(),
            None,
        )
    }
    fn reason(r: Result<PgTarget>) -> String {
        match r {
            Err(e) => e.to_string(),
            Ok(t) => panic!("parsed {}", t.shown),
        }
    }

    #[test]
    fn a_url_reads_with_libpq_defaults() {
        let t = PgTarget::parse(
            "postgres://app@db.example.com:6543/scim?sslmode=verify-full",
            &env(&[]),
        )
        .expect("parse");
        assert_eq!(
            t.shown,
            "postgres://app@db.example.com:6543/scim?sslmode=verify-full"
        );
        assert_eq!(t.config.get_ssl_mode(), SslMode::Require);
        assert!(t.config.get_password().is_none());

        let t = PgTarget::parse("postgresql://db.example.com", &env(&[("PGUSER", "ops")]))
            .expect("parse");
        assert_eq!(t.shown, "postgres://ops@db.example.com:5432/ops");
        assert_eq!(t.config.get_ssl_mode(), SslMode::Prefer);
    }

    #[test]
    fn a_password_in_the_url_is_refused_and_never_shown() {
        for url in [
            "postgres://app:s3cret@db/scim",
            "postgres://app@db/scim?password=s3cret",
        ] {
            let why = reason(PgTarget::parse(url, &env(&[])));
            assert!(why.contains("PGPASSWORD"), "{why}");
            assert!(!why.contains("s3cret"), "{why}");
        }
    }

    #[test]
    fn the_password_comes_from_pgpassword_then_the_password_file() {
        let t = PgTarget::parse("postgres://app@db/scim", &env(&[("PGPASSWORD", "pw1")]))
            .expect("parse");
        assert_eq!(t.config.get_password(), Some(&b"pw1"[..]));
        assert!(!t.shown.contains("pw1"));

        let dir = tempfile::tempdir().expect("dir");
        let file = dir.path().join("pgpass");
        fs::write(
            &file,
            "# comment\nother:5432:*:app:nope\ndb:5432:scim:app:pa\\:ss:word\n",
        )
        .expect("write");
        fs::set_permissions(&file, fs::Permissions::from_mode(0o600)).expect("chmod");
        let passfile = file.display().to_string();
        let t = PgTarget::parse(
            "postgres://app@db/scim",
            &env(&[("PGPASSFILE", passfile.as_str())]),
        )
        .expect("parse");
        assert_eq!(t.config.get_password(), Some(&b"pa:ss:word"[..]));

        // Readable by others: ignored, as libpq does.
        fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).expect("chmod");
        let t = PgTarget::parse(
            "postgres://app@db/scim",
            &env(&[("PGPASSFILE", passfile.as_str())]),
        )
        .expect("parse");
        assert!(t.config.get_password().is_none());
    }

    #[test]
    fn bad_urls_say_what_is_wrong() {
        let why = reason(PgTarget::parse(
            "postgres://app@db/scim?sslmode=sometimes",
            &env(&[]),
        ));
        assert!(why.contains("unknown sslmode \"sometimes\""), "{why}");
        let why = reason(PgTarget::parse(
            "postgres://app@db:notaport/scim",
            &env(&[]),
        ));
        assert!(
            why.starts_with("invalid store URL postgres://app@db"),
            "{why}"
        );
        let why = reason(PgTarget::parse(
            "postgres://app@db/scim?sslrootcert=/nonexistent/ca.pem",
            &env(&[]),
        ));
        assert!(why.contains("cannot read sslrootcert"), "{why}");
    }

    #[test]
    fn redaction_hides_passwords() {
        assert_eq!(redact("postgres://a:b@h/d"), "postgres://a:***@h/d");
        assert_eq!(
            redact("postgres://a@h/d?password=x&y=1"),
            "postgres://a@h/d?password=***&y=1"
        );
        assert_eq!(redact("postgres://h/d"), "postgres://h/d");
        assert_eq!(
            redact("postgres://h/d?password=x"),
            "postgres://h/d?password=***"
        );
    }
}
