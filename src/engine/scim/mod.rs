//! The SCIM 2.0 protocol (RFC 7643/7644) as engine code: schemas, attribute
//! paths, filters, PATCH, resources and their JSON shapes. The transport
//! (HTTP) maps onto this; nothing here knows about it.

pub mod schema;
pub mod value;
pub mod filter;
