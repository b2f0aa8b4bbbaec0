//! The wire contracts of scimctl's own APIs, shared by the side that serves
//! them and the side that calls them. (The SCIM protocol's shapes are the
//! engine's: `engine::scim`.)

pub mod admin;
