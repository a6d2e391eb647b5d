//! Property tests over the parts that take untrusted text: the YAML loader,
//! the Markdown renderer and the Fluent/ICU number formats. Bounded: a few
//! hundred cases each, seconds in all.

use std::path::Path;

use proptest::prelude::*;
use tuloskortti::content::model::{OrganisationFile, ScorecardFile};
use tuloskortti::content::parse::parse_yaml;
use tuloskortti::markdown;

/// Fragments that hostile or broken content is made of.
fn hostile_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<script>alert(1)</script>".to_string()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("[x](javascript:alert(1))".to_string()),
        Just("[x](JAVASCRIPT:alert(1))".to_string()),
        Just("<javascript:alert(1)>".to_string()),
        Just("[x](data:text/html,<script>alert(1)</script>)".to_string()),
        Just("![x](javascript:alert(1))".to_string()),
        Just("<a href=\"javascript:alert(1)\">x</a>".to_string()),
        Just("</title><style>".to_string()),
        Just("\n\n".to_string()),
        Just("# ".to_string()),
        Just("| a | b |\n|---|---|\n".to_string()),
        Just("`".to_string()),
        Just("*".to_string()),
        "[a-zA-Zäöå0-9 .,:;()<>\"'/=&#-]{0,40}",
        any::<String>(),
    ]
}

fn yaml_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("organisation: espoo\n".to_string()),
        Just("unit: {fi: a, sv: b, en: c}\n".to_string()),
        Just("kind: scorecard\n".to_string()),
        Just("year: 2021\n".to_string()),
        Just("status_date: 2021-07-31\n".to_string()),
        Just("themes:\n  - id: a\n    title: x\n    goals: []\n".to_string()),
        Just("risks:\n  - theme: a\n    title: t\n    likelihood: 9\n    impact: 1\n    mitigation: m\n    status: red\n".to_string()),
        Just("a: &a [1, 2]\nb: [*a, *a, *a]\n".to_string()),
        Just("- [[[[[[[[".to_string()),
        Just("\t: :\n".to_string()),
        Just("\u{feff}".to_string()),
        Just("\r\n".to_string()),
        Just("name: \"\\u0000\"\n".to_string()),
        Just("? [a]\n: b\n".to_string()),
        Just("!!binary aGVsbG8=\n".to_string()),
        "[a-z_]{1,10}: [a-zA-Z0-9 {}\\[\\],:-]{0,30}\n",
        any::<String>(),
    ]
}

/// What Markdown may produce; anything else is live markup that should not be there.
const SAFE_TAGS: &[&str] = &[
    "p",
    "a",
    "em",
    "strong",
    "del",
    "code",
    "pre",
    "ul",
    "ol",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "blockquote",
    "hr",
    "br",
    "img",
    "",
];

/// The insides of every `<...>` in the HTML, closing tags without their slash.
fn tags(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let after = &rest[start + 1..];
        let end = after.find('>').unwrap_or(after.len());
        let inside = after[..end].trim_start_matches('/');
        // Comments are what comrak leaves for omitted raw HTML.
        if !inside.starts_with("!--") {
            out.push(inside.to_string());
        }
        rest = &after[end.min(after.len())..];
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any text: the loader returns a model or a located error, never panics.
    #[test]
    fn the_yaml_loader_never_panics(pieces in prop::collection::vec(yaml_piece(), 0..12)) {
        let text: String = pieces.concat();
        let lines = text.lines().count().max(1) as u32;
        match parse_yaml::<ScorecardFile>(Path::new("x.yaml"), &text, 0) {
            Ok(_) => {}
            Err(d) => {
                prop_assert_eq!(d.location.path.as_path(), Path::new("x.yaml"));
                prop_assert!(d.location.line >= 1 && d.location.line <= lines + 1, "line {} of {}", d.location.line, lines);
                prop_assert!(!d.message.is_empty());
            }
        }
        let _ = parse_yaml::<OrganisationFile>(Path::new("x.yaml"), &text, 0);
    }

    /// Whatever the Markdown, no live script, handler or script link comes out.
    #[test]
    fn markdown_never_emits_live_markup(pieces in prop::collection::vec(hostile_piece(), 0..10)) {
        let text: String = pieces.concat();
        for level in [1u8, 3, 6] {
            let html = markdown::to_html(&text, level);
            for tag in tags(&html) {
                let name = tag.split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("").to_ascii_lowercase();
                prop_assert!(SAFE_TAGS.contains(&name.as_str()), "tag <{}> from {:?}", tag, text);
                let lower = tag.to_ascii_lowercase();
                prop_assert!(!lower.split_whitespace().skip(1).any(|a| a.starts_with("on")), "handler in <{}>", tag);
                for attr in ["href=\"", "src=\""] {
                    if let Some(at) = lower.find(attr) {
                        let url = &lower[at + attr.len()..];
                        prop_assert!(!url.starts_with("javascript:") && !url.starts_with("vbscript:") && !url.starts_with("data:text"), "script URL in <{}>", tag);
                    }
                }
            }
        }
        let plain = markdown::to_plain_text(&text);
        prop_assert!(!plain.contains('\n'));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    /// Grouped numbers read back as the same value in every language.
    #[test]
    fn numbers_round_trip_through_the_localized_format(value in -1.0e12f64..1.0e12, decimals in 0usize..3) {
        let langs: Vec<String> = ["fi", "sv", "en"].map(String::from).to_vec();
        let i18n = tuloskortti::i18n::I18n::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n"), &langs).unwrap();
        let expected = format!("{value:.decimals$}").parse::<f64>().unwrap();
        for lang in &langs {
            let text = i18n.number(lang, value, Some(decimals)).unwrap();
            // en groups with `,` and uses `.`; fi and sv group with spaces and use `,`.
            let plain = if lang == "en" {
                text.replace(',', "")
            } else {
                text.replace(['\u{a0}', '\u{202f}', ' '], "").replace(',', ".")
            };
            prop_assert_eq!(plain.parse::<f64>().unwrap(), expected, "{} in {}", text, lang);
        }
    }
}
