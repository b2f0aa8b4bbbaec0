//! `scimctl dashboard`: a full-screen view of one tenant over the engine.
//! `app` is the model (state, actions, update), `keys` the key map, `ui`
//! the pure drawing, `data` runs engine work on tasks, `terminal` owns the
//! terminal. The draw loop never waits on the store.

pub mod app;
pub mod data;
pub mod keys;
pub mod terminal;
pub mod ui;

use std::sync::mpsc;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event};

use std::sync::Arc;

use crate::backend::Backend;
use crate::engine::model::Tenant;
use crate::error::CliError;
use app::{Action, App, Settings};

/// How often the log is tailed and timers advance.
pub const TICK: Duration = Duration::from_millis(500);
/// The longest the loop waits for a key before looking at results.
const POLL: Duration = Duration::from_millis(15);

pub fn run(backend: Arc<Backend>, tenant: Tenant, settings: Settings) -> Result<(), CliError> {
    let (tx, rx) = mpsc::channel();
    let ctx = data::Ctx {
        backend,
        tenant: tenant.clone(),
        settings: settings.clone(),
    };
    let runner = data::Runner::new(ctx, tx)?;
    let (mut terminal, _restore) = terminal::enter()?;
    let size = terminal.size()?;
    let (mut app, fx) = App::new(tenant, settings, (size.width, size.height));
    fx.into_iter().for_each(|e| runner.spawn(e));
    let mut last_tick = Instant::now();
    let mut dirty = true;
    loop {
        if dirty {
            terminal.draw(|f| ui::render(&app, f))?;
            dirty = false;
        }
        // Every key already queued is handled before the next frame.
        let mut wait = POLL;
        while event::poll(wait)? {
            wait = Duration::ZERO;
            let fx = match event::read()? {
                Event::Key(k) => app.handle_key(k),
                Event::Resize(w, h) => app.update(Action::Resize(w, h)),
                _ => continue,
            };
            fx.into_iter().for_each(|e| runner.spawn(e));
            dirty = true;
        }
        while let Ok(a) = rx.try_recv() {
            app.update(a).into_iter().for_each(|e| runner.spawn(e));
            dirty = true;
        }
        if last_tick.elapsed() >= TICK {
            last_tick = Instant::now();
            app.update(Action::Tick)
                .into_iter()
                .for_each(|e| runner.spawn(e));
        }
        if app.quit {
            break;
        }
    }
    // The model (and any token still on screen) goes before the terminal.
    drop(app);
    Ok(())
}
