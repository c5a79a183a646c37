//! A selection in a list with a scroll offset that keeps it visible.

/// The selected row of a list and the first row shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

impl Cursor {
    pub fn at(selected: usize) -> Self {
        Self {
            selected,
            offset: 0,
        }
    }

    /// Moves the selection by `delta` rows within `len`, then scrolls so that
    /// it stays within the `visible` rows shown.
    pub fn move_by(&mut self, delta: isize, len: usize, visible: usize) {
        if len == 0 {
            *self = Self::default();
            return;
        }
        let last = len - 1;
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.keep_visible(visible);
    }

    pub fn first(&mut self, visible: usize) {
        self.selected = 0;
        self.keep_visible(visible);
    }

    pub fn last(&mut self, len: usize, visible: usize) {
        self.selected = len.saturating_sub(1);
        self.keep_visible(visible);
    }

    /// Scrolls the least needed to show the selection in `visible` rows.
    pub fn keep_visible(&mut self, visible: usize) {
        let visible = visible.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + visible {
            self.offset = self.selected + 1 - visible;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolls_to_keep_selection_visible() {
        let mut cursor = Cursor::default();
        cursor.move_by(5, 10, 3);
        assert_eq!(
            cursor,
            Cursor {
                selected: 5,
                offset: 3
            }
        );
        cursor.move_by(-4, 10, 3);
        assert_eq!(
            cursor,
            Cursor {
                selected: 1,
                offset: 1
            }
        );
        cursor.move_by(100, 10, 3);
        assert_eq!(
            cursor,
            Cursor {
                selected: 9,
                offset: 7
            }
        );
        cursor.move_by(-100, 10, 3);
        assert_eq!(
            cursor,
            Cursor {
                selected: 0,
                offset: 0
            }
        );
    }

    #[test]
    fn empty_list_resets() {
        let mut cursor = Cursor {
            selected: 4,
            offset: 2,
        };
        cursor.move_by(1, 0, 3);
        assert_eq!(cursor, Cursor::default());
    }
}
