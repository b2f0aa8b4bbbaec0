//! Writing `[profiles.NAME]` into the config file for `login` and
//! `logout --forget`. `toml_edit` keeps the rest of the file — other
//! settings, comments, order — as the admin wrote it (`toml` alone would
//! rewrite it). Profiles never hold a secret, but the file is still created
//! 0600 in a 0700 directory: it says which servers this account administers.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

use toml_edit::{DocumentMut, Item, Table, value};

use crate::config::{ConfigError, Profile};

fn err(path: &Path, what: impl std::fmt::Display) -> ConfigError {
    ConfigError {
        message: format!("cannot update the config file {}: {what}", path.display()),
    }
}

fn load(path: &Path) -> Result<DocumentMut, ConfigError> {
    match fs::read_to_string(path) {
        Ok(text) => text.parse::<DocumentMut>().map_err(|e| err(path, e)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(DocumentMut::new()),
        Err(e) => Err(err(path, e)),
    }
}

/// Writes (or updates) `[profiles.NAME]`; with `make_default`, also sets
/// `default_profile` when the file has none yet.
pub fn save_profile(
    path: &Path,
    name: &str,
    p: &Profile,
    make_default: bool,
) -> Result<(), ConfigError> {
    let mut doc = load(path)?;
    if make_default && !doc.contains_key("default_profile") {
        doc["default_profile"] = value(name);
    }
    if !doc.contains_key("profiles") {
        let mut t = Table::new();
        t.set_implicit(true);
        doc.insert("profiles", Item::Table(t));
    }
    let profiles = doc["profiles"]
        .as_table_mut()
        .ok_or_else(|| err(path, "'profiles' is not a table"))?;
    if !profiles.contains_key(name) {
        profiles.insert(name, Item::Table(Table::new()));
    }
    let t = profiles[name]
        .as_table_mut()
        .ok_or_else(|| err(path, format!("'profiles.{name}' is not a table")))?;
    t["server"] = value(p.server.as_str());
    match &p.tenant {
        Some(v) => t["tenant"] = value(v.as_str()),
        None => {
            t.remove("tenant");
        }
    }
    match &p.ca_file {
        Some(f) => t["ca_file"] = value(f.display().to_string()),
        None => {
            t.remove("ca_file");
        }
    }
    write(path, &doc.to_string())
}

/// Removes `[profiles.NAME]` (and `default_profile` when it names it);
/// `false` when the file has no such profile.
pub fn forget_profile(path: &Path, name: &str) -> Result<bool, ConfigError> {
    let mut doc = load(path)?;
    let removed = doc
        .get_mut("profiles")
        .and_then(Item::as_table_mut)
        .and_then(|t| t.remove(name))
        .is_some();
    if doc.get("default_profile").and_then(Item::as_str) == Some(name) {
        doc.remove("default_profile");
    }
    if removed {
        write(path, &doc.to_string())?;
    }
    Ok(removed)
}

/// Replaces the file through a temporary file in the same directory, so a
/// crash leaves the old or the new file, never half of one.
fn write(path: &Path, text: &str) -> Result<(), ConfigError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if !dir.exists() {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| err(path, e))?;
    }
    // An existing file keeps its mode; a new one is 0600.
    let mode = fs::metadata(path)
        .map(|m| m.permissions().mode() & 0o777)
        .unwrap_or(0o600);
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "config.toml".into());
    let tmp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        fs::set_permissions(&tmp, fs::Permissions::from_mode(mode))?;
        fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(err(path, e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prof(server: &str, tenant: Option<&str>) -> Profile {
        Profile {
            server: server.into(),
            tenant: tenant.map(str::to_owned),
            ca_file: None,
        }
    }

    #[test]
    fn keeps_comments_and_other_settings() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        fs::write(
            &path,
            "# my settings\npublic_url = \"https://a.example\" # keep\n",
        )
        .unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        save_profile(
            &path,
            "prod",
            &prof("https://admin.example", Some("acme")),
            true,
        )
        .unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("# my settings\npublic_url = \"https://a.example\" # keep\n"),
            "{text}"
        );
        assert!(text.contains("default_profile = \"prod\""), "{text}");
        assert!(
            text.contains("[profiles.prod]\nserver = \"https://admin.example\"\ntenant = \"acme\""),
            "{text}"
        );
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
        // It still parses as scimctl's config.
        let parsed: crate::config::FileConfig = toml::from_str(&text).unwrap();
        assert_eq!(
            parsed.profiles["prod"],
            prof("https://admin.example", Some("acme"))
        );

        // Updating drops a tenant no longer scoped; forgetting removes both.
        save_profile(&path, "prod", &prof("https://admin.example", None), false).unwrap();
        assert!(!fs::read_to_string(&path).unwrap().contains("tenant"));
        assert!(forget_profile(&path, "prod").unwrap());
        let text = fs::read_to_string(&path).unwrap();
        assert!(!text.contains("prod"), "{text}");
        assert!(text.contains("# keep"), "{text}");
        assert!(!forget_profile(&path, "prod").unwrap());
    }

    #[test]
    fn a_new_file_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("config.toml");
        save_profile(&path, "default", &prof("http://127.0.0.1:1", None), true).unwrap();
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let d = fs::metadata(path.parent().unwrap()).unwrap();
        assert_eq!(d.permissions().mode() & 0o777, 0o700);
    }
}
