//! scimctl: an admin CLI, terminal dashboard and embedded SCIM 2.0 engine for
//! multi-tenant user provisioning. `engine` is the library every face drives;
//! `cli` is the command tree over it.

#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod api;
pub mod backend;
pub mod cli;
pub mod config;
pub mod credentials;
pub mod engine;
pub mod error;
pub mod format;
pub mod http;
pub mod logging;
pub mod mail;
pub mod net;
pub mod output;
pub mod probe;
pub mod tui;
