//! The key map: one table that both dispatches keys and writes the help
//! overlay, so the help can never describe keys that do something else.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::app::{Action, App, Tab};

/// What currently takes the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Tab(Tab),
    Input,
    Help,
    Confirm,
    Token,
    Detail,
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Any tab, with no window open.
    Tabs,
    /// Tabs that show a list.
    Lists,
    Only(Tab),
    Confirm,
    Token,
    Detail,
}

impl Scope {
    fn applies(self, mode: Mode) -> bool {
        match (self, mode) {
            (Scope::Tabs, Mode::Tab(_)) => true,
            (Scope::Lists, Mode::Tab(t)) => matches!(t, Tab::Users | Tab::Groups | Tab::Log),
            (Scope::Only(s), Mode::Tab(t)) => s == t,
            (Scope::Confirm, Mode::Confirm) => true,
            (Scope::Token, Mode::Token) => true,
            (Scope::Detail, Mode::Detail) => true,
            _ => false,
        }
    }

    pub fn heading(self) -> &'static str {
        match self {
            Scope::Tabs => "Everywhere",
            Scope::Lists => "Lists",
            Scope::Only(Tab::Users) => "Users",
            Scope::Only(Tab::Log) => "Log",
            Scope::Only(_) => "This tab",
            Scope::Confirm => "Confirmation",
            Scope::Token => "New token",
            Scope::Detail => "Details",
        }
    }
}

/// A key as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Code(KeyCode),
}

pub struct Binding {
    pub keys: &'static [Key],
    /// How the help overlay writes the keys.
    pub label: &'static str,
    pub scope: Scope,
    pub help: &'static str,
    make: fn() -> Action,
}

use Key::{Char, Code};

macro_rules! bind {
    ($scope:expr, $label:expr, [$($k:expr),+], $help:expr, $act:expr) => {
        Binding { keys: &[$($k),+], label: $label, scope: $scope, help: $help, make: || $act }
    };
}

/// Every key the dashboard knows, in the order the help shows them.
pub const BINDINGS: &[Binding] = &[
    bind!(
        Scope::Tabs,
        "1-5",
        [Char('1')],
        "go to tab 1 … 5",
        Action::GoTab(Tab::Overview)
    ),
    bind!(Scope::Tabs, "", [Char('2')], "", Action::GoTab(Tab::Users)),
    bind!(Scope::Tabs, "", [Char('3')], "", Action::GoTab(Tab::Groups)),
    bind!(Scope::Tabs, "", [Char('4')], "", Action::GoTab(Tab::Log)),
    bind!(
        Scope::Tabs,
        "",
        [Char('5')],
        "",
        Action::GoTab(Tab::Mapping)
    ),
    bind!(
        Scope::Tabs,
        "Tab / S-Tab",
        [Code(KeyCode::Tab)],
        "next / previous tab",
        Action::NextTab
    ),
    bind!(
        Scope::Tabs,
        "",
        [Code(KeyCode::BackTab)],
        "",
        Action::PrevTab
    ),
    bind!(
        Scope::Tabs,
        "S",
        [Char('S')],
        "turn SCIM on / off",
        Action::ToggleScim
    ),
    bind!(
        Scope::Tabs,
        "T",
        [Char('T')],
        "new token (asks first)",
        Action::Token
    ),
    bind!(
        Scope::Tabs,
        "C",
        [Char('C')],
        "test connection",
        Action::TestConnection
    ),
    bind!(
        Scope::Tabs,
        "r",
        [Char('r')],
        "refresh everything",
        Action::Refresh
    ),
    bind!(Scope::Tabs, "?", [Char('?')], "this help", Action::Help),
    bind!(
        Scope::Tabs,
        "q / Esc",
        [Char('q'), Code(KeyCode::Esc)],
        "leave",
        Action::Quit
    ),
    bind!(
        Scope::Lists,
        "↑↓ / j k",
        [Code(KeyCode::Up), Char('k')],
        "move",
        Action::Up
    ),
    bind!(
        Scope::Lists,
        "",
        [Code(KeyCode::Down), Char('j')],
        "",
        Action::Down
    ),
    bind!(
        Scope::Lists,
        "PgUp PgDn",
        [Code(KeyCode::PageUp)],
        "a page up / down",
        Action::PageUp
    ),
    bind!(
        Scope::Lists,
        "",
        [Code(KeyCode::PageDown)],
        "",
        Action::PageDown
    ),
    bind!(
        Scope::Lists,
        "Home / End",
        [Code(KeyCode::Home), Char('g')],
        "first / last (follow)",
        Action::Top
    ),
    bind!(
        Scope::Lists,
        "",
        [Code(KeyCode::End), Char('G')],
        "",
        Action::Bottom
    ),
    bind!(
        Scope::Lists,
        "Enter",
        [Code(KeyCode::Enter)],
        "open the selected row",
        Action::Open
    ),
    bind!(
        Scope::Only(Tab::Users),
        "/",
        [Char('/')],
        "search members",
        Action::Search
    ),
    bind!(
        Scope::Only(Tab::Log),
        "e",
        [Char('e')],
        "errors only, on / off",
        Action::ToggleErrors
    ),
    bind!(
        Scope::Only(Tab::Log),
        "u",
        [Char('u')],
        "user filter (email)",
        Action::FilterUser
    ),
    bind!(
        Scope::Only(Tab::Log),
        "s",
        [Char('s')],
        "status filter (4, 409)",
        Action::FilterStatus
    ),
    bind!(
        Scope::Only(Tab::Log),
        "c",
        [Char('c')],
        "clear the filters",
        Action::ClearFilters
    ),
    bind!(
        Scope::Confirm,
        "y / Enter",
        [Char('y'), Code(KeyCode::Enter)],
        "do it",
        Action::Confirm
    ),
    bind!(
        Scope::Confirm,
        "n / Esc",
        [Char('n'), Code(KeyCode::Esc), Char('q')],
        "cancel",
        Action::Cancel
    ),
    bind!(
        Scope::Token,
        "Enter / Esc",
        [Code(KeyCode::Enter), Code(KeyCode::Esc)],
        "close, wiping the token",
        Action::Back
    ),
    bind!(
        Scope::Token,
        "C",
        [Char('C')],
        "test connection with it",
        Action::TestConnection
    ),
    bind!(
        Scope::Detail,
        "Esc / Enter",
        [Code(KeyCode::Esc), Code(KeyCode::Enter), Char('q')],
        "close",
        Action::Back
    ),
];

fn matches(k: Key, ev: &KeyEvent) -> bool {
    match k {
        Char(c) => ev.code == KeyCode::Char(c),
        Code(c) => ev.code == c,
    }
}

/// The action a key means in the app's current mode, if any.
pub fn action(app: &App, ev: KeyEvent) -> Option<Action> {
    if ev.kind != KeyEventKind::Press {
        return None;
    }
    // Ctrl-C leaves from anywhere, as in every terminal program.
    if ev.modifiers.contains(KeyModifiers::CONTROL) && ev.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    let mode = app.mode();
    match mode {
        Mode::Input => {
            return match ev.code {
                KeyCode::Enter => Some(Action::InputSubmit),
                KeyCode::Esc => Some(Action::InputCancel),
                KeyCode::Backspace => Some(Action::InputBackspace),
                KeyCode::Char(c) if !ev.modifiers.contains(KeyModifiers::CONTROL) => {
                    Some(Action::InputChar(c))
                }
                _ => None,
            };
        }
        // Any key closes the help.
        Mode::Help => return Some(Action::Back),
        _ => {}
    }
    BINDINGS
        .iter()
        .filter(|b| b.scope.applies(mode))
        .find(|b| b.keys.iter().any(|k| matches(*k, &ev)))
        .map(|b| (b.make)())
}

/// The help overlay's lines: (heading, [(keys, what)]), from `BINDINGS`.
pub fn help() -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    let mut out: Vec<(&'static str, Vec<(&'static str, &'static str)>)> = Vec::new();
    for b in BINDINGS.iter().filter(|b| !b.label.is_empty()) {
        let heading = b.scope.heading();
        match out.iter_mut().find(|(h, _)| *h == heading) {
            Some((_, rows)) => rows.push((b.label, b.help)),
            None => out.push((heading, vec![(b.label, b.help)])),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_means_two_things_in_one_mode() {
        let modes = [
            Mode::Tab(Tab::Overview),
            Mode::Tab(Tab::Users),
            Mode::Tab(Tab::Groups),
            Mode::Tab(Tab::Log),
            Mode::Tab(Tab::Mapping),
            Mode::Confirm,
            Mode::Token,
            Mode::Detail,
        ];
        for mode in modes {
            let mut seen = Vec::new();
            for b in BINDINGS.iter().filter(|b| b.scope.applies(mode)) {
                for k in b.keys {
                    assert!(!seen.contains(k), "{k:?} bound twice in {mode:?}");
                    seen.push(*k);
                }
            }
        }
    }

    #[test]
    fn help_lists_every_labelled_binding() {
        let h = help();
        let rows: usize = h.iter().map(|(_, r)| r.len()).sum();
        assert_eq!(
            rows,
            BINDINGS.iter().filter(|b| !b.label.is_empty()).count()
        );
        assert_eq!(h[0].0, "Everywhere");
        assert!(h.iter().any(|(_, r)| r.iter().any(|(k, _)| *k == "T")));
    }
}
