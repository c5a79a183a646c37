//! HTML in and out: imported HTML is reduced to text (kisi shows plain
//! text), and everything kisi writes into HTML is escaped.

/// The text of an HTML fragment: tags dropped, `<br>` and the ends of
/// paragraphs, list items and headings as line breaks, entities decoded,
/// runs of spaces as one. Never fails: a stray `<` stays as it is.
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(['<', '&']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('<') {
            match rest.find('>') {
                Some(end) if is_tag(&rest[1..end]) => {
                    let name = tag_name(&rest[1..end]);
                    if matches!(
                        name.as_str(),
                        "br" | "p" | "/p" | "div" | "/div" | "/li" | "tr" | "/tr"
                    ) || name.starts_with("/h")
                    {
                        out.push('\n');
                    } else if name == "li" {
                        out.push_str("\n• ");
                    }
                    rest = &rest[end + 1..];
                }
                _ => {
                    out.push('<');
                    rest = &rest[1..];
                }
            }
        } else {
            let (decoded, used) = entity(rest);
            out.push_str(&decoded);
            rest = &rest[used..];
        }
    }
    out.push_str(rest);
    tidy(&out)
}

fn is_tag(inner: &str) -> bool {
    let inner = inner.strip_prefix('/').unwrap_or(inner);
    inner.starts_with(|c: char| c.is_ascii_alphabetic()) || inner.starts_with('!')
}

fn tag_name(inner: &str) -> String {
    let closing = inner.starts_with('/');
    let name: String = inner
        .trim_start_matches('/')
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    if closing { format!("/{name}") } else { name }
}

/// The char an entity at the start of `text` stands for, and its length;
/// an `&` that starts no known entity stands for itself.
fn entity(text: &str) -> (String, usize) {
    let Some(end) = text[1..].find(';').map(|i| i + 1).filter(|&i| i <= 10) else {
        return ("&".to_owned(), 1);
    };
    let name = &text[1..end];
    let c = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => name
            .strip_prefix("#x")
            .or_else(|| name.strip_prefix("#X"))
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
            .and_then(char::from_u32)
            .filter(|c| !crate::text::is_unsafe(*c)),
    };
    match c {
        Some(c) => (c.to_string(), end + 1),
        None => ("&".to_owned(), 1),
    }
}

/// Spaces collapsed within lines, no blank lines.
fn tidy(text: &str) -> String {
    text.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `text` safe inside HTML text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_text() {
        assert_eq!(
            to_text("<p>Apa <b>ibu kota</b> Indonesia?</p><p>Pilih&nbsp;satu &amp; saja.</p>"),
            "Apa ibu kota Indonesia?\nPilih satu & saja."
        );
        assert_eq!(to_text("a<br/>b &lt;c&gt; &#233; &#x41;"), "a\nb <c> é A");
        assert_eq!(to_text("1 < 2 & 3 > 2 &bogus;"), "1 < 2 & 3 > 2 &bogus;");
        // A numeric entity for a control character is not decoded.
        assert_eq!(to_text("x&#27;y"), "x&#27;y");
    }

    #[test]
    fn escaping_leaves_no_markup() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }
}
