//! The position in a scrolling list, shared by the Users, Groups and Log
//! tabs: the selected row and the first row shown, kept consistent with the
//! list's length and the rows the screen has.

/// A scrolling list position: the selected row and the first row shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListPos {
    pub selected: usize,
    pub offset: usize,
}

impl ListPos {
    /// Moves by `by` rows within `len`, keeping the selection on screen.
    pub fn step(&mut self, by: isize, len: usize, rows: usize) {
        if len == 0 {
            *self = ListPos::default();
            return;
        }
        let to = (self.selected as isize + by).clamp(0, len as isize - 1);
        self.select(to as usize, len, rows);
    }

    pub fn select(&mut self, i: usize, len: usize, rows: usize) {
        self.selected = i.min(len.saturating_sub(1));
        let rows = rows.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
        self.offset = self.offset.min(len.saturating_sub(rows));
    }

    /// The first row to draw for `rows` lines: the stored offset, pulled
    /// back just enough that the selection is visible.
    pub fn visible_from(&self, len: usize, rows: usize) -> usize {
        let rows = rows.max(1);
        let mut o = self.offset.min(len.saturating_sub(rows));
        if self.selected < o {
            o = self.selected;
        } else if self.selected >= o + rows {
            o = self.selected + 1 - rows;
        }
        o
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_pos_keeps_the_selection_visible() {
        let mut p = ListPos::default();
        p.step(15, 100, 10);
        assert_eq!((p.selected, p.offset), (15, 6));
        p.step(-3, 100, 10);
        assert_eq!((p.selected, p.offset), (12, 6));
        p.step(-10, 100, 10);
        assert_eq!((p.selected, p.offset), (2, 2));
        p.step(1000, 100, 10);
        assert_eq!((p.selected, p.offset), (99, 90));
        p.step(5, 0, 10);
        assert_eq!(p, ListPos::default());
        let p = ListPos {
            selected: 50,
            offset: 0,
        };
        assert_eq!(p.visible_from(100, 10), 41);
    }
}
