//! The input line at the bottom of the screen: what it is asking for, its
//! text (wiped when dropped, as it may hold a pasted token), and the typing,
//! submitting and cancelling that hand its value to the tab that asked.

use super::{App, Effect};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputTarget {
    UserSearch,
    LogUser,
    LogStatus,
    /// The token to test the connection with: masked on screen, wiped
    /// after use.
    ProbeToken,
}

impl InputTarget {
    pub fn prompt(self) -> &'static str {
        match self {
            InputTarget::UserSearch => "search",
            InputTarget::LogUser => "user (email)",
            InputTarget::LogStatus => "status (e.g. 4, 40, 409)",
            InputTarget::ProbeToken => "token to test with (paste; hidden)",
        }
    }
}

#[derive(Clone)]
pub struct Input {
    pub target: InputTarget,
    pub text: String,
}

impl std::fmt::Debug for Input {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self.target {
            InputTarget::ProbeToken => "REDACTED",
            _ => &self.text,
        };
        f.debug_struct("Input")
            .field("target", &self.target)
            .field("text", &text)
            .finish()
    }
}

impl Drop for Input {
    /// A pasted token must not linger in freed memory.
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.text);
    }
}

impl App {
    pub(super) fn input_char(&mut self, c: char) -> Vec<Effect> {
        if let Some(i) = &mut self.input {
            i.text.push(c);
        }
        self.search_as_typed()
    }

    pub(super) fn input_backspace(&mut self) -> Vec<Effect> {
        if let Some(i) = &mut self.input {
            i.text.pop();
        }
        self.search_as_typed()
    }

    pub(super) fn input_cancel(&mut self) -> Vec<Effect> {
        let was_search = self
            .input
            .take()
            .is_some_and(|i| i.target == InputTarget::UserSearch);
        if was_search {
            return self.users.search_cancelled();
        }
        Vec::new()
    }

    /// Enter: the value goes to the tab that asked for it.
    pub(super) fn input_submit(&mut self) -> Vec<Effect> {
        let Some(mut input) = self.input.take() else {
            return Vec::new();
        };
        if input.target == InputTarget::ProbeToken {
            // Moved, not copied: only holders that wipe it (`Secret`) ever
            // have the token.
            return self.probe_token_given(std::mem::take(&mut input.text));
        }
        let text = input.text.trim().to_owned();
        let value = (!text.is_empty()).then_some(text);
        match input.target {
            InputTarget::ProbeToken => Vec::new(),
            InputTarget::UserSearch => self.users.search_submitted(value),
            InputTarget::LogUser => self.log_user_submitted(value),
            InputTarget::LogStatus => self.log_status_submitted(value),
        }
    }

    /// The member list follows the search text as it is typed.
    fn search_as_typed(&mut self) -> Vec<Effect> {
        let Some(i) = &self.input else {
            return Vec::new();
        };
        if i.target != InputTarget::UserSearch {
            return Vec::new();
        }
        let t = i.text.trim();
        let value = (!t.is_empty()).then(|| t.to_owned());
        self.users.search_typed(value)
    }
}
