//! `properties list|add`.

use super::routes;
use crate::engine::admin::groups::PropertyInfo;

tenant_command! {
    List at routes::PROPERTIES_LIST => Vec<PropertyInfo>,
    |_, t, ctx| ctx.engine.properties(&t)
}

tenant_command! {
    Add at routes::PROPERTIES_ADD => PropertyInfo,
    consts { const CREATES: bool = true; }
    fields { pub name: String, }
    |c, t, ctx| ctx.engine.add_property(&t, &c.name)
}
