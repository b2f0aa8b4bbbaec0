//! HTTPS for `scimctl serve --tls-cert F --tls-key F`: rustls (ring), and
//! the handshake of one connection, bounded in time. Handshakes run on the
//! connections' own tasks (see `conn`), so a slow or silent client never
//! holds up the others.

use std::net::SocketAddr;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use rustls::ServerConfig;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio::net::TcpStream;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::server::TlsStream;

/// A client has this long to finish its TLS handshake.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// Why the certificate or key could not be used: names the file.
#[derive(Debug, thiserror::Error)]
pub enum TlsSetupError {
    #[error("cannot read the TLS certificate {path}: {reason}")]
    Cert { path: String, reason: String },
    #[error("cannot read the TLS private key {path}: {reason}")]
    Key { path: String, reason: String },
    #[error("the TLS certificate {cert} and key {key} do not go together: {reason}")]
    Pair {
        cert: String,
        key: String,
        reason: String,
    },
}

/// The server's rustls configuration from PEM files (a certificate chain,
/// leaf first, and its private key). Also says whether the key file is
/// readable by others, which the caller warns about.
pub fn server_config(cert: &Path, key: &Path) -> Result<(Arc<ServerConfig>, bool), TlsSetupError> {
    let shown = |p: &Path| p.display().to_string();
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(cert)
        .and_then(|it| it.collect::<Result<Vec<_>, _>>())
        .map_err(|e| TlsSetupError::Cert {
            path: shown(cert),
            reason: e.to_string(),
        })?;
    if certs.is_empty() {
        return Err(TlsSetupError::Cert {
            path: shown(cert),
            reason: "no PEM certificate in it (expected -----BEGIN CERTIFICATE-----)".into(),
        });
    }
    let private = PrivateKeyDer::from_pem_file(key).map_err(|e| TlsSetupError::Key {
        path: shown(key),
        reason: format!("{e} (expected a PEM private key: PKCS#8, PKCS#1 or SEC1)"),
    })?;
    let loose = std::fs::metadata(key).is_ok_and(|m| m.permissions().mode() & 0o077 != 0);
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .and_then(|b| b.with_no_client_auth().with_single_cert(certs, private))
        .map_err(|e| TlsSetupError::Pair {
            cert: shown(cert),
            key: shown(key),
            reason: e.to_string(),
        })?;
    // The server speaks HTTP/1.1 only.
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok((Arc::new(config), loose))
}

/// The TLS handshake of one accepted connection, bounded in time (a
/// client that stalls it is dropped); None when it failed.
pub async fn handshake(
    acceptor: &TlsAcceptor,
    stream: TcpStream,
    peer: SocketAddr,
) -> Option<TlsStream<TcpStream>> {
    match tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(stream)).await {
        Ok(Ok(s)) => Some(s),
        Ok(Err(e)) => {
            tracing::debug!(%peer, error = %e, "TLS handshake failed");
            None
        }
        Err(_) => {
            tracing::debug!(%peer, "TLS handshake timed out");
            None
        }
    }
}
