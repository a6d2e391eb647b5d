//! Markdown to HTML through comrak, with our options in one place: GFM
//! tables, autolinks and strikethrough; raw HTML and script links never rendered.

use comrak::nodes::NodeValue;
use comrak::{Arena, Options, format_html, parse_document};

fn options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.autolink = true;
    options.extension.strikethrough = true;
    // Raw HTML stays omitted (`render.unsafe_` is false by default).
    options.render.r#unsafe = false;
    options
}

/// Render Markdown; headings are shifted so that the text's highest
/// heading is at `top_heading` (a text inside an `h2` section starts at
/// `h3`, whether its author wrote `#` or `##`).
pub fn to_html(markdown: &str, top_heading: u8) -> String {
    let arena = Arena::new();
    let options = options();
    let root = parse_document(&arena, markdown, &options);
    let highest = root
        .descendants()
        .filter_map(|n| match &n.data().value {
            NodeValue::Heading(h) => Some(h.level),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    let shift = i16::from(top_heading.max(1)) - i16::from(highest);
    let mut unsafe_links = Vec::new();
    for node in root.descendants() {
        let mut data = node.data_mut();
        match &mut data.value {
            NodeValue::Heading(heading) => {
                heading.level = (i16::from(heading.level) + shift).clamp(1, 6) as u8
            }
            NodeValue::Link(link) | NodeValue::Image(link) if !safe_url(&link.url) => {
                unsafe_links.push(node);
            }
            _ => {}
        }
    }
    // A link to a script or data URL keeps its text but loses the link.
    for link in unsafe_links {
        while let Some(child) = link.first_child() {
            child.detach();
            link.insert_before(child);
        }
        link.detach();
    }
    let mut html = String::new();
    format_html(root, &options, &mut html).expect("writing to a String does not fail");
    html
}

/// The text of a Markdown snippet without any markup, for titles and excerpts.
pub fn to_plain_text(markdown: &str) -> String {
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, &options());
    let mut out = String::new();
    for node in root.descendants() {
        match &node.data().value {
            NodeValue::Text(text) => out.push_str(text),
            NodeValue::Code(code) => out.push_str(&code.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => out.push(' '),
            NodeValue::Paragraph | NodeValue::Heading(_) | NodeValue::Item(_)
                if !out.is_empty() =>
            {
                out.push(' ')
            }
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Links may go to the web, to mail and phone, or within the site.
fn safe_url(url: &str) -> bool {
    let lower: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    match lower.split_once(':') {
        Some((scheme, _))
            if !scheme.contains('/') && !scheme.contains('?') && !scheme.contains('#') =>
        {
            matches!(scheme, "http" | "https" | "mailto" | "tel")
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_not_rendered() {
        let html = to_html(
            "Hei <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n<div onclick=\"x\">y</div>",
            1,
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<div"), "{html}");
    }

    #[test]
    fn script_links_are_dropped() {
        for md in [
            "[a](javascript:alert(1))",
            "[a](JaVaScRiPt:alert(1))",
            "[a](java\tscript:alert(1))",
            "[a](data:text/html;base64,PHNjcmlwdD4=)",
            "<javascript:alert(1)>",
            "[a](vbscript:x)",
        ] {
            let html = to_html(md, 1);
            let lower = html.to_ascii_lowercase();
            assert!(!lower.contains("<a"), "{md} -> {html}");
            assert!(!lower.contains("href"), "{md} -> {html}");
        }
        assert!(
            to_html("[a](https://www.espoo.fi/)", 1).contains("href=\"https://www.espoo.fi/\"")
        );
    }

    #[test]
    fn headings_shift_and_tables_render() {
        let html = to_html("# Otsikko\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", 3);
        assert!(html.contains("<h3>Otsikko</h3>"), "{html}");
        assert!(html.contains("<table>"), "{html}");
    }

    /// The text's highest heading lands at the given level, whichever level
    /// its author started from, and the levels under it keep their steps.
    #[test]
    fn headings_start_where_the_page_needs_them() {
        let md = "## Tarkoitus\n\nteksti\n\n### Tausta\n";
        assert_eq!(
            to_html(md, 2),
            "<h2>Tarkoitus</h2>\n<p>teksti</p>\n<h3>Tausta</h3>\n"
        );
        assert!(to_html(md, 4).contains("<h4>Tarkoitus</h4>"));
        assert!(to_html("###### Syvä\n", 1).contains("<h1>Syvä</h1>"));
    }

    #[test]
    fn plain_text_drops_markup() {
        assert_eq!(
            to_plain_text("**Hei** [maailma](https://x.fi)\n\n- yksi\n- kaksi"),
            "Hei maailma yksi kaksi"
        );
    }
}
