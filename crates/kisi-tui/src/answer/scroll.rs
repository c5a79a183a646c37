//! Keeping the answer in view on a question taller than the screen, which
//! opens at its top so that the question is read first.

use std::ops::Range;

use super::{Hit, Input};

/// The first line to show after a move in the answer: the least scroll
/// from `skip` that shows the option or item the cursor is on, or the end
/// of the page where typing happens. `hits` are the lines of each
/// clickable item; `bottom` the skip that shows the end; `height` the rows.
pub fn keep_in_view(
    input: &Input,
    hits: &[(Range<usize>, Hit)],
    skip: usize,
    bottom: usize,
    height: usize,
) -> usize {
    let cursor = match input {
        Input::Pick { selected: cursor } | Input::Tick { cursor, .. } => cursor.map(Hit::Item),
        Input::Arrange { cursor, .. } | Input::Match { cursor, .. } => Some(Hit::Item(*cursor)),
        // Typing happens at the end of the page.
        Input::Text { .. } | Input::List { .. } => return bottom,
        Input::Flash { .. } => None,
    };
    let Some(range) = cursor.and_then(|cursor| {
        hits.iter()
            .find(|(_, hit)| *hit == cursor)
            .map(|(range, _)| range.clone())
    }) else {
        return skip.min(bottom);
    };
    // One row each side may hold a "more" mark.
    if height < 3 {
        return skip.min(bottom);
    }
    let mut skip = skip.min(bottom);
    if range.end + 1 > skip + height {
        skip = (range.end + 1).saturating_sub(height);
    }
    if skip > 0 && range.start < skip + 1 {
        skip = range.start.saturating_sub(1);
    }
    skip.min(bottom)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_least_scroll_shows_the_cursor_with_room_for_the_marks() {
        let hits: Vec<(Range<usize>, Hit)> = (0..4)
            .map(|i| (10 + 2 * i..12 + 2 * i, Hit::Item(i)))
            .collect();
        let pick = |i| Input::Pick { selected: Some(i) };
        // Option 0 on lines 10-11, 6 rows from the top: down to 7, a row
        // under it left for the ▼ mark.
        assert_eq!(keep_in_view(&pick(0), &hits, 0, 12, 6), 7);
        // Already in view: no move.
        assert_eq!(keep_in_view(&pick(1), &hits, 9, 12, 6), 9);
        // Above the view: up to one line above it, for the ▲ mark.
        assert_eq!(keep_in_view(&pick(0), &hits, 12, 12, 6), 9);
        // Select all: its cursor too, as far as the page goes.
        let tick = Input::Tick {
            cursor: Some(3),
            ticked: vec![false; 4],
        };
        assert_eq!(keep_in_view(&tick, &hits, 0, 12, 6), 12);
        // Nothing picked yet: the page stays where it is.
        let none = Input::Pick { selected: None };
        assert_eq!(keep_in_view(&none, &hits, 3, 12, 6), 3);
    }
}
