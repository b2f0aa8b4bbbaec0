//! The SCIM 2.0 protocol (RFC 7643/7644) as engine code: schemas, attribute
//! paths, filters, PATCH, resources and their JSON shapes, and the Users and
//! Groups operations over the store. The transport (HTTP) maps onto this;
//! nothing here knows about it.

pub mod discovery;
pub mod filter;
pub mod groups;
pub mod limits;
pub mod list;
pub mod patch;
pub mod resource;
pub mod schema;
pub mod session;
pub mod users;
pub mod value;
