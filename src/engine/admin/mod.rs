//! Administration by the product's own admins and support staff — the
//! CLI, the dashboard and the admin API: adding users (`users.rs`),
//! groups, properties and their assignments (`groups.rs`), and the member
//! listings support tools read (`members.rs`), and moving a directory to a
//! new subscription (`directory.rs`). What an identity provider
//! does over SCIM is `engine::scim`, whose `users.rs` and `groups.rs` are
//! the protocol's endpoints.

pub mod directory;
pub mod groups;
pub mod members;
pub mod users;
