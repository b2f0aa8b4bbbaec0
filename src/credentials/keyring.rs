//! The OS keyring behind [`SecretStore`]: `keyring-core` with the Linux
//! kernel keyutils store (no D-Bus, works headless inside a session
//! keyring; see `../shared/docs/crates.md`).

use std::sync::Arc;

use keyring_core::{CredentialStore, Entry, Error as KeyringError};

use super::{Account, CredentialError, Result, SERVICE, SecretStore};
use crate::engine::tokens::Secret;

/// Entries under service `scimctl` in one keyring-core store.
pub struct Keyring {
    store: Arc<CredentialStore>,
}

impl Keyring {
    /// The platform's keyring: kernel keyutils on Linux.
    pub fn open() -> Result<Keyring> {
        #[cfg(target_os = "linux")]
        {
            let store = linux_keyutils_keyring_store::Store::new().map_err(|e| {
                CredentialError::KeyringUnavailable {
                    detail: e.to_string(),
                    token: false,
                }
            })?;
            Ok(Keyring { store })
        }
        #[cfg(not(target_os = "linux"))]
        {
            Err(CredentialError::KeyringUnavailable {
                detail: "scimctl has no keyring backend for this platform yet".into(),
                token: false,
            })
        }
    }

    /// Any keyring-core store (unit tests use its in-process mock).
    pub fn with_store(store: Arc<CredentialStore>) -> Keyring {
        Keyring { store }
    }

    fn entry(&self, account: &Account) -> Result<Entry> {
        self.store
            .build(SERVICE, &account.user(), None)
            .map_err(|e| classify(e, account))
    }
}

impl SecretStore for Keyring {
    fn get(&self, account: &Account) -> Result<Option<Secret>> {
        match self.entry(account)?.get_password() {
            Ok(p) => Ok(Some(Secret::new(p))),
            Err(KeyringError::NoEntry) => Ok(None),
            Err(e) => Err(classify(e, account)),
        }
    }

    fn set(&self, account: &Account, secret: &Secret) -> Result<()> {
        self.entry(account)?
            .set_password(secret.expose())
            .map_err(|e| classify(e, account))
    }

    fn delete(&self, account: &Account) -> Result<bool> {
        match self.entry(account)?.delete_credential() {
            Ok(()) => Ok(true),
            Err(KeyringError::NoEntry) => Ok(false),
            Err(e) => Err(classify(e, account)),
        }
    }
}

/// Keyring errors as scimctl's: "cannot use it here" (no session keyring,
/// access denied) apart from "it failed". The messages never hold a secret:
/// keyring-core's `BadEncoding` carries the bytes, so it is not displayed.
fn classify(e: KeyringError, account: &Account) -> CredentialError {
    let token = matches!(account, Account::ScimToken(_));
    match e {
        KeyringError::NoStorageAccess(inner) => CredentialError::KeyringUnavailable {
            detail: inner.to_string(),
            token,
        },
        KeyringError::NoDefaultStore => CredentialError::KeyringUnavailable {
            detail: "no keyring store is configured".into(),
            token,
        },
        KeyringError::BadEncoding(_) | KeyringError::BadDataFormat(..) => {
            CredentialError::KeyringFailed {
                detail: format!("the entry {} is not a scimctl secret", account.user()),
                token,
            }
        }
        other => CredentialError::KeyringFailed {
            detail: other.to_string(),
            token,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::{KeyRequest, KeySource, resolve_admin_key};

    fn mock() -> Keyring {
        Keyring::with_store(keyring_core::mock::Store::new().unwrap())
    }

    #[test]
    fn round_trip_through_fresh_entries() {
        let k = mock();
        let a = Account::AdminKey("prod".into());
        assert!(k.get(&a).unwrap().is_none());
        k.set(&a, &Secret::new("scimadm_x".into())).unwrap();
        assert_eq!(k.get(&a).unwrap().unwrap().expose(), "scimadm_x");
        // A different account is a different entry.
        assert!(
            k.get(&Account::ScimToken("https://h/scim/v2/a".into()))
                .unwrap()
                .is_none()
        );
        assert!(k.delete(&a).unwrap());
        assert!(!k.delete(&a).unwrap());
        assert!(k.get(&a).unwrap().is_none());
    }

    #[test]
    fn the_keyring_is_the_last_source() {
        // SCIMCTL_ADMIN_KEY is not set in unit tests (nothing here sets it).
        let k = mock();
        let req = KeyRequest {
            profile: "p",
            stdin: false,
            store: Some(&k),
        };
        assert!(matches!(
            resolve_admin_key(&req),
            Err(CredentialError::NoAdminKey { .. })
        ));
        k.set(
            &Account::AdminKey("p".into()),
            &Secret::new("scimadm_k".into()),
        )
        .unwrap();
        let got = resolve_admin_key(&req).unwrap().unwrap();
        assert_eq!(got.source, KeySource::Keyring);
        assert_eq!(got.key.expose(), "scimadm_k");
        let skip = KeyRequest { store: None, ..req };
        assert!(resolve_admin_key(&skip).unwrap().is_none());
    }

    #[test]
    fn no_storage_access_is_unavailable_with_the_alternatives() {
        let admin = Account::AdminKey("p".into());
        let e = classify(KeyringError::NoStorageAccess("denied".into()), &admin);
        assert!(matches!(e, CredentialError::KeyringUnavailable { .. }));
        assert!(
            e.to_string()
                .starts_with("no usable OS keyring here (no session keyring)")
        );
        assert!(e.hint().contains("SCIMCTL_ADMIN_KEY or --admin-key-stdin"));
        let secret = classify(
            KeyringError::BadEncoding(b"scimadm_secret".to_vec()),
            &admin,
        );
        assert!(!secret.to_string().contains("scimadm_secret"));
        let t = classify(
            KeyringError::NoStorageAccess("denied".into()),
            &Account::ScimToken("https://h/scim/v2/a".into()),
        );
        assert!(t.hint().contains("--token-stdin"), "{}", t.hint());
    }
}
