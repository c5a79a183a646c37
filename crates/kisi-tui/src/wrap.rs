//! Word wrapping by display width, so long Indonesian text reads well in any
//! terminal and wide characters never overflow a line.

use unicode_width::UnicodeWidthStr;

/// Wraps `text` to lines at most `width` columns wide. Newlines in the text
/// start new lines (a blank line stays blank); words longer than a line are
/// broken. A width of 0 yields no lines.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    if width == 0 {
        return lines;
    }
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0;
        for word in paragraph.split_whitespace() {
            let word_width = word.width();
            let space = usize::from(line_width > 0);
            if line_width + space + word_width <= width {
                if space == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                line_width += space + word_width;
                continue;
            }
            if line_width > 0 {
                lines.push(std::mem::take(&mut line));
                line_width = 0;
            }
            if word_width <= width {
                line.push_str(word);
                line_width = word_width;
            } else {
                for c in word.chars() {
                    // The line is measured whole, as the terminal draws it:
                    // a few chars (Khmer ៘) are wider alone than `char`
                    // width says, and a variation selector (U+FE0F) widens
                    // the char before it.
                    line.push(c);
                    if line.width() > width && line.chars().count() > 1 {
                        line.pop();
                        lines.push(std::mem::take(&mut line));
                        line.push(c);
                    }
                    line_width = line.width();
                }
            }
        }
        lines.push(line);
    }
    lines
}

/// Cuts `text` to `width` columns, ending with `…` when something was cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    // The prefix is measured whole: a variation selector (U+FE0F) widens
    // the char before it ("0\u{fe0f}" is two columns), which no sum of
    // char widths shows. The loop stops at the width, so this stays short.
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if out.width() > width - 1 {
            out.pop();
            break;
        }
    }
    out.push('…');
    out
}

/// `parts` joined by " · ", as many of the first ones as fit `width` whole:
/// a status line loses its last parts rather than cut a number in two
/// ("0/2…" of "0/20"). A first part wider than `width` is cut.
pub fn join_fitting(parts: &[&str], width: usize) -> String {
    let mut out = String::new();
    for part in parts {
        let next = if out.is_empty() {
            (*part).to_string()
        } else {
            format!("{out} · {part}")
        };
        if next.width() > width {
            break;
        }
        out = next;
    }
    if out.is_empty() {
        parts
            .first()
            .map(|first| truncate(first, width))
            .unwrap_or_default()
    } else {
        out
    }
}

/// `text` wrapped after `prefix`, continuation lines indented under the text.
pub fn hanging(prefix: &str, text: &str, width: usize) -> Vec<String> {
    let indent = prefix.width();
    if indent + 8 > width {
        return wrap(&format!("{prefix}{text}"), width);
    }
    wrap(text, width - indent)
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            if i == 0 {
                format!("{prefix}{line}")
            } else {
                format!("{}{line}", " ".repeat(indent))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(
            wrap("memulihkan fungsi sosial", 12),
            vec!["memulihkan", "fungsi", "sosial"]
        );
        assert_eq!(wrap("a b\n\nc", 10), vec!["a b", "", "c"]);
    }

    #[test]
    fn breaks_words_longer_than_the_line() {
        assert_eq!(wrap("kesejahteraan", 5), vec!["kesej", "ahter", "aan"]);
    }

    #[test]
    fn a_char_wider_than_the_line_stands_alone() {
        // U+17D8 is three columns wide as a string.
        assert_eq!(wrap("a៘b", 2), vec!["a", "៘", "b"]);
    }

    #[test]
    fn status_lines_drop_whole_parts() {
        let parts = ["Time left 29:59", "1/20", "answered 0/20", "Mock exam"];
        assert_eq!(
            join_fitting(&parts, 40),
            "Time left 29:59 · 1/20 · answered 0/20"
        );
        assert_eq!(join_fitting(&parts, 80), parts.join(" · "));
        assert_eq!(join_fitting(&parts, 10), "Time left…");
    }

    #[test]
    fn truncates_with_ellipsis() {
        assert_eq!(truncate("Pasal 3", 10), "Pasal 3");
        assert_eq!(truncate("Kesejahteraan", 6), "Kesej…");
        assert_eq!(truncate("日本語", 4), "日…");
        assert_eq!(truncate("៘៘៘", 4), "៘…");
    }

    proptest! {
        #[test]
        fn no_line_is_wider_than_asked(text in "\\PC{0,200}", width in 2usize..60) {
            for line in wrap(&text, width) {
                // A char wider than the whole line can only stand alone.
                let one_wide_char = line.chars().count() == 1;
                prop_assert!(line.width() <= width || one_wide_char, "{line:?} wider than {width}");
            }
            prop_assert!(truncate(&text, width).width() <= width);
        }
    }
}
