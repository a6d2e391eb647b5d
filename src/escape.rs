//! Escaping text for markup, in one place: the pages (through the template
//! engine's formatter), the feeds, the sitemap, the charts and the preview
//! server's panel all escape with these; and text as a CSS string (the
//! printed pages' running heads).

use std::fmt;

/// The entity for a character that markup cannot hold as it is.
fn entity(c: char, apostrophe: &'static str) -> Option<&'static str> {
    match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        '\'' => Some(apostrophe),
        _ => None,
    }
}

/// Text as a quoted CSS string: letters, digits and spaces as they are,
/// every other character as a CSS escape (`\3c ` for `<`), so that nothing
/// in it can end the string, the rule or the `<style>` element.
pub fn css_string(text: &str) -> String {
    use fmt::Write;
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if c.is_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            let _ = write!(out, "\\{:x} ", c as u32);
        }
    }
    out.push('"');
    out
}

/// The pages' Content-Security-Policy: everything from the site itself, no
/// inline script, and no inline style but those given (by their SHA-256
/// hash, as CSP 2 defines: the exact text between `<style>` and `</style>`).
pub fn content_security_policy(inline_styles: &[&str]) -> String {
    use base64::Engine;
    use sha2::Digest;
    let mut style = String::from("'self'");
    for text in inline_styles.iter().filter(|t| !t.is_empty()) {
        let digest = sha2::Sha256::digest(text.as_bytes());
        style.push_str(" 'sha256-");
        style.push_str(&base64::engine::general_purpose::STANDARD.encode(digest));
        style.push('\'');
    }
    format!(
        "default-src 'self'; script-src 'self'; style-src {style}; img-src 'self'; \
         object-src 'none'; base-uri 'self'; form-action 'self'"
    )
}

/// Text for XML (feeds, sitemap, SVG) and HTML alike; drops the control
/// characters that XML 1.0 does not allow.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match entity(c, "&apos;") {
            Some(entity) => out.push_str(entity),
            None if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            None => out.push(c),
        }
    }
    out
}

/// Text for HTML, written to `out`: what the pages' templates print.
/// `/` stays as it is, so that URLs and text read well in the source.
pub fn html_to(out: &mut impl fmt::Write, text: &str) -> fmt::Result {
    let mut last = 0;
    for (i, c) in text.char_indices() {
        if let Some(entity) = entity(c, "&#39;") {
            out.write_str(&text[last..i])?;
            out.write_str(entity)?;
            last = i + c.len_utf8();
        }
    }
    out.write_str(&text[last..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_allows_an_inline_style_by_its_hash_only() {
        let policy = content_security_policy(&[]);
        assert!(policy.contains("script-src 'self';"), "{policy}");
        assert!(policy.contains("style-src 'self';"), "{policy}");
        // The hash of "a" is the well-known SHA-256 of one byte 0x61.
        let policy = content_security_policy(&["a"]);
        assert!(
            policy.contains("'sha256-ypeBEsobvcr6wjGzmiPcTaeG7/gUfE5yuYB3ha/uSLs='"),
            "{policy}"
        );
    }

    #[test]
    fn css_strings_cannot_end_the_string_or_the_style_element() {
        assert_eq!(
            css_string("Asuminen ja ympäristö – 2025"),
            "\"Asuminen ja ympäristö \\2013  2025\""
        );
        let hostile = css_string("\"; } body { display: none } </style><script>");
        assert!(!hostile[1..hostile.len() - 1].contains(['"', '<', '>', ';', '{', '}']));
        assert!(hostile.contains("\\3c \\2f style\\3e "), "{hostile}");
    }

    #[test]
    fn xml_escapes_markup_and_drops_control_characters() {
        assert_eq!(xml("a<b>&\"'\u{1}c"), "a&lt;b&gt;&amp;&quot;&apos;c");
    }

    #[test]
    fn html_escapes_markup_and_keeps_slashes() {
        let mut out = String::new();
        html_to(&mut out, "<a href=\"x/y\">'ä'&</a>").unwrap();
        assert_eq!(
            out,
            "&lt;a href=&quot;x/y&quot;&gt;&#39;ä&#39;&amp;&lt;/a&gt;"
        );
    }
}
