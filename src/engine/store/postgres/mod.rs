//! The scale-out store: one PostgreSQL database shared by any number of
//! `scimctl serve` instances and the CLI.

pub mod target;
