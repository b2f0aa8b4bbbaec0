//! Client TLS: one rustls `ClientConfig` (ring provider), trusting the
//! system roots plus the certificates of `--ca-file`. Its certificate
//! verifier delegates to webpki and records what the server presented and
//! the verdict, so that a refused certificate can still be described
//! (subject, issuer, expiry, names). Nothing here turns a check off.

use std::fmt;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{
    AlertDescription, CertificateError, ClientConfig, DigitallySignedStruct, Error, RootCertStore,
    SignatureScheme,
};
use time::OffsetDateTime;
use x509_parser::extensions::GeneralName;

const NO_ROOTS: &str = "no trusted root certificates: none were found on this system";

/// `--ca-file` could not be used.
#[derive(Debug)]
pub struct CaFileError {
    pub path: PathBuf,
    pub reason: String,
}

impl fmt::Display for CaFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot use --ca-file {}: {}",
            self.path.display(),
            self.reason
        )
    }
}

/// The certificates of a PEM file (a private CA, or a self-signed server
/// certificate) to trust in addition to the system's.
pub fn load_ca_file(path: &Path) -> Result<Vec<CertificateDer<'static>>, CaFileError> {
    let err = |reason: String| CaFileError {
        path: path.to_owned(),
        reason,
    };
    let bytes = std::fs::read(path).map_err(|e| err(e.to_string()))?;
    let certs = CertificateDer::pem_slice_iter(&bytes)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| err(format!("it is not valid PEM ({e})")))?;
    if certs.is_empty() {
        return Err(err(
            "it holds no PEM certificate (-----BEGIN CERTIFICATE-----)".into(),
        ));
    }
    Ok(certs)
}

/// What the server presented in the last handshake, and the verdict.
#[derive(Debug, Clone)]
pub struct Seen {
    pub end_entity: CertificateDer<'static>,
    pub outcome: Result<(), Error>,
}

/// webpki's verifier, recording each certificate it is shown.
#[derive(Debug)]
pub struct RecordingVerifier {
    /// None when there is no root to trust at all: every certificate fails.
    inner: Option<Arc<WebPkiServerVerifier>>,
    provider: Arc<CryptoProvider>,
    seen: Mutex<Option<Seen>>,
}

impl RecordingVerifier {
    pub fn take(&self) -> Option<Seen> {
        self.seen.lock().ok().and_then(|mut s| s.take())
    }
}

impl ServerCertVerifier for RecordingVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        let outcome = match &self.inner {
            Some(v) => {
                v.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
            }
            None => Err(Error::General(NO_ROOTS.into())),
        };
        if let Ok(mut s) = self.seen.lock() {
            *s = Some(Seen {
                end_entity: end_entity.clone().into_owned(),
                outcome: outcome.as_ref().map(|_| ()).map_err(Clone::clone),
            });
        }
        outcome
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

/// The one client TLS configuration (the probe's, the admin client's): used for the timed handshake and
/// handed to reqwest for the HTTP requests.
pub struct Tls {
    pub config: ClientConfig,
    pub verifier: Arc<RecordingVerifier>,
    /// How many roots are trusted: the system's and `--ca-file`'s.
    pub system_roots: usize,
    pub extra_roots: usize,
}

pub fn build(extra: &[CertificateDer<'static>]) -> Result<Tls, Error> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut roots = RootCertStore::empty();
    let native = rustls_native_certs::load_native_certs();
    for e in &native.errors {
        tracing::debug!(error = %e, "a system root certificate could not be loaded");
    }
    let (system_roots, _) = roots.add_parsable_certificates(native.certs);
    let (extra_roots, _) = roots.add_parsable_certificates(extra.iter().cloned());
    let inner = if roots.is_empty() {
        None
    } else {
        Some(
            WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
                .build()
                .map_err(|e| Error::General(e.to_string()))?,
        )
    };
    let verifier = Arc::new(RecordingVerifier {
        inner,
        provider: provider.clone(),
        seen: Mutex::new(None),
    });
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        // `dangerous` is only rustls' door to a custom verifier: ours
        // delegates every decision to webpki.
        .dangerous()
        .with_custom_certificate_verifier(verifier.clone())
        .with_no_client_auth();
    Ok(Tls {
        config,
        verifier,
        system_roots,
        extra_roots,
    })
}

/// The parts of a certificate an admin needs to see.
#[derive(Debug, Clone)]
pub struct CertInfo {
    pub subject: String,
    pub issuer: String,
    pub not_after: Option<OffsetDateTime>,
    /// The DNS names and IP addresses it is valid for (subjectAltName).
    pub names: Vec<String>,
}

impl CertInfo {
    pub fn parse(der: &[u8]) -> Option<CertInfo> {
        let (_, cert) = x509_parser::parse_x509_certificate(der).ok()?;
        let mut names = Vec::new();
        if let Ok(Some(san)) = cert.subject_alternative_name() {
            for n in &san.value.general_names {
                match n {
                    GeneralName::DNSName(d) => names.push((*d).to_owned()),
                    GeneralName::IPAddress(b) => {
                        let ip = match b.len() {
                            4 => <[u8; 4]>::try_from(*b).ok().map(IpAddr::from),
                            16 => <[u8; 16]>::try_from(*b).ok().map(IpAddr::from),
                            _ => None,
                        };
                        if let Some(ip) = ip {
                            names.push(ip.to_string());
                        }
                    }
                    _ => {}
                }
            }
        }
        Some(CertInfo {
            subject: cert.subject().to_string(),
            issuer: cert.issuer().to_string(),
            not_after: OffsetDateTime::from_unix_timestamp(cert.validity().not_after.timestamp())
                .ok(),
            names,
        })
    }

    /// Whether the certificate names `host` (webpki's rule: subjectAltName
    /// only, a wildcard stands for exactly one leftmost label).
    pub fn matches(&self, host: &str) -> bool {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        let host = host.trim_start_matches('[').trim_end_matches(']');
        if let Ok(ip) = host.parse::<IpAddr>() {
            return self
                .names
                .iter()
                .any(|n| n.parse::<IpAddr>().is_ok_and(|x| x == ip));
        }
        self.names.iter().any(|n| {
            let n = n.to_ascii_lowercase();
            match n.strip_prefix("*.") {
                Some(rest) => host
                    .split_once('.')
                    .is_some_and(|(first, tail)| !first.is_empty() && tail == rest),
                None => n == host,
            }
        })
    }

    /// `subject …; issuer …; expires …; names …` for the report.
    pub fn summary(&self, host: &str) -> String {
        let expires = match self.not_after {
            Some(t) => {
                let days = (t - OffsetDateTime::now_utc()).whole_days();
                if days < 0 {
                    format!("expired {} ({} days ago)", crate::format::when(t), -days)
                } else {
                    format!("expires {} (in {days} days)", crate::format::when(t))
                }
            }
            None => "expiry unreadable".into(),
        };
        let names = if self.names.is_empty() {
            "no subjectAltName".to_owned()
        } else {
            self.names.join(", ")
        };
        format!(
            "subject {}; issuer {}; {expires}; names {names} ({} {host})",
            show_name(&self.subject),
            show_name(&self.issuer),
            if self.matches(host) {
                "matches"
            } else {
                "does not match"
            }
        )
    }
}

fn show_name(n: &str) -> String {
    if n.is_empty() {
        "(empty)".into()
    } else {
        n.to_owned()
    }
}

/// A failed handshake: what went wrong and the fix.
pub fn explain(err: &Error, cert: Option<&CertInfo>, host: &str) -> (String, String) {
    use CertificateError as C;
    let about = cert
        .map(|c| format!("; {}", c.summary(host)))
        .unwrap_or_default();
    let self_signed = cert.is_some_and(|c| !c.subject.is_empty() && c.subject == c.issuer);
    match err {
        Error::InvalidCertificate(C::UnknownIssuer) => (
            format!(
                "the certificate is not issued by a trusted CA{}{about}",
                if self_signed { " (it is self-signed)" } else { "" }
            ),
            "trust its CA (or the certificate itself) with --ca-file PATH to test further; Entra trusts only public CAs, so the server needs a certificate from one".into(),
        ),
        Error::InvalidCertificate(C::Expired | C::ExpiredContext { .. }) => (
            format!("the certificate has expired{about}"),
            "renew the server's certificate".into(),
        ),
        Error::InvalidCertificate(C::NotValidYet | C::NotValidYetContext { .. }) => (
            format!("the certificate is not valid yet{about}"),
            "check the clock of this machine and of the server, or the certificate's start date".into(),
        ),
        Error::InvalidCertificate(C::NotValidForName | C::NotValidForNameContext { .. }) => (
            format!("the certificate is not valid for {host}{about}"),
            "use a host name the certificate names, or give the server a certificate for this name".into(),
        ),
        Error::InvalidCertificate(C::Revoked) => (
            format!("the certificate is revoked{about}"),
            "give the server a new certificate".into(),
        ),
        Error::InvalidCertificate(e) => (
            format!("the certificate was refused: {e:?}{about}"),
            "give the server a valid certificate from a public CA (with its intermediate certificates)".into(),
        ),
        Error::General(m) if m == NO_ROOTS => (
            format!("{m}{about}"),
            "install the system's CA certificates (ca-certificates), or give --ca-file PATH".into(),
        ),
        Error::InvalidMessage(_) => (
            format!("the server did not answer with TLS ({err})"),
            "is it plain HTTP on this port? Then the URL starts with http://; Entra requires https".into(),
        ),
        Error::AlertReceived(AlertDescription::ProtocolVersion | AlertDescription::HandshakeFailure)
        | Error::PeerIncompatible(_) => (
            format!("no common TLS version or cipher suite ({err})"),
            "the server must offer TLS 1.2 or later with current cipher suites, as Entra requires".into(),
        ),
        _ => (
            format!("the TLS handshake failed: {err}{about}"),
            "check the server's TLS setup (certificate chain, protocol versions), or a proxy in between".into(),
        ),
    }
}
