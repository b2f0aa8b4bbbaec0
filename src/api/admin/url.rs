//! `url`.

use super::routes;
use crate::engine::views::TenantUrl;

tenant_command! {
    Url at routes::URL => TenantUrl,
    |_, t, ctx| Ok(TenantUrl::new(ctx.public_url, &t))
}
