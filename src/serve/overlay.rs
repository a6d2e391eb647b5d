//! What the preview server adds to HTML responses, never to the files: the
//! live-reload script and, while the last rebuild failed, an overlay that
//! lists every problem. Its words come from `i18n/<lang>/serve.ftl`.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::Arc;

use fluent::FluentArgs;

use crate::diagnostics::{Diagnostics, Severity};
use crate::escape::xml as escape;
use crate::i18n::I18n;

/// Where open pages listen for rebuilds.
pub const EVENTS_PATH: &str = "/__tuloskortti/events";
/// The preview's script and the error panel's style, served as files so
/// that they work under the pages' Content-Security-Policy, which allows no
/// inline script and no inline style.
pub const SCRIPT_PATH: &str = "/__tuloskortti/preview.js";
pub const STYLE_PATH: &str = "/__tuloskortti/preview.css";
pub const SCRIPT: &str = include_str!("assets/preview.js");
pub const STYLE: &str = include_str!("assets/preview.css");

/// The serve.ftl files compiled in, for when the site's own UI strings do
/// not load (or predate the preview server).
const EMBEDDED: [(&str, &str); 3] = [
    ("fi", include_str!("../../i18n/fi/serve.ftl")),
    ("sv", include_str!("../../i18n/sv/serve.ftl")),
    ("en", include_str!("../../i18n/en/serve.ftl")),
];

/// The UI strings of the preview's own chrome.
pub struct Chrome {
    site: Option<Arc<I18n>>,
    embedded: Arc<I18n>,
}

impl Chrome {
    pub fn embedded() -> Arc<I18n> {
        let languages: Vec<String> = EMBEDDED.iter().map(|(l, _)| l.to_string()).collect();
        let sources = EMBEDDED
            .iter()
            .map(|(lang, text)| {
                (
                    lang.to_string(),
                    PathBuf::from(format!("i18n/{lang}/serve.ftl")),
                    text.to_string(),
                )
            })
            .collect();
        Arc::new(I18n::from_sources(&languages, sources).expect("the embedded serve.ftl parses"))
    }

    pub fn new(site: Option<Arc<I18n>>, embedded: Arc<I18n>) -> Chrome {
        Chrome { site, embedded }
    }

    /// The problems in `lang`: the site's UI strings, else the built-in ones.
    pub fn localized(&self, lang: &str, diagnostics: &Diagnostics) -> Diagnostics {
        let mut diagnostics = diagnostics.clone();
        crate::i18n::localize(&mut diagnostics, lang, self.site.as_deref());
        diagnostics
    }

    /// A string in `lang`: the site's, else the built-in one.
    pub fn t(&self, lang: &str, id: &str, args: Option<&FluentArgs>) -> String {
        self.site
            .as_ref()
            .and_then(|i18n| i18n.message(lang, id, args).ok())
            .or_else(|| self.embedded.message(lang, id, args).ok())
            .unwrap_or_else(|| id.to_string())
    }
}

/// The overlay listing every diagnostic as `file:line:column: message`,
/// with the source line and hint. An alert dialog that takes focus, closes
/// with its button or Escape, and reads in the page's language.
pub fn overlay(chrome: &Chrome, lang: &str, diagnostics: &Diagnostics) -> String {
    let t = |id: &str| escape(&chrome.t(lang, id, None));
    let mut args = FluentArgs::new();
    args.set("count", diagnostics.error_count());
    let intro = escape(&chrome.t(lang, "serve-overlay-intro", Some(&args)));
    let diagnostics = chrome.localized(lang, diagnostics);
    let mut items = String::new();
    for d in diagnostics.iter() {
        // A message not yet written as a UI string is in English.
        let words = if d.said.is_some() { "" } else { " lang=\"en\"" };
        let severity = match d.severity {
            Severity::Error => t("serve-overlay-error"),
            Severity::Warning => t("serve-overlay-warning"),
        };
        let _ = write!(
            items,
            "<li><p><code class=\"where\">{}:</code> <span>{severity}:</span> <span{words}>{}</span></p>",
            escape(&d.location.to_string()),
            escape(&d.message)
        );
        if let Some(line) = &d.source_line {
            let _ = write!(
                items,
                "<pre><code>{} | {}</code></pre>",
                d.location.line,
                escape(line)
            );
        }
        if let Some(hint) = &d.hint {
            let _ = write!(
                items,
                "<p>{}: <span{words}>{}</span></p>",
                t("serve-overlay-hint"),
                escape(hint)
            );
        }
        items.push_str("</li>");
    }
    format!(
        concat!(
            "<link rel=\"stylesheet\" href=\"{style}\">",
            "<div id=\"tuloskortti-overlay\" role=\"alertdialog\" aria-modal=\"false\" ",
            "aria-labelledby=\"tuloskortti-overlay-title\" aria-describedby=\"tuloskortti-overlay-intro\" ",
            "tabindex=\"-1\" lang=\"{lang}\">",
            "<h2 id=\"tuloskortti-overlay-title\">{title}</h2>",
            "<p id=\"tuloskortti-overlay-intro\">{intro}</p>",
            "<ol>{items}</ol>",
            "<button type=\"button\" id=\"tuloskortti-overlay-close\">{close}</button>",
            "</div>"
        ),
        style = STYLE_PATH,
        lang = escape(lang),
        title = t("serve-overlay-title"),
        intro = intro,
        items = items,
        close = t("serve-overlay-close"),
    )
}

/// The live-reload script (`SCRIPT`, a file): the page knows the build it
/// shows (`token`) and reloads when the server announces another one.
pub fn script(token: &str) -> String {
    format!(
        "<script src=\"{SCRIPT_PATH}\" data-token=\"{token}\" data-events=\"{EVENTS_PATH}\"></script>",
        token = escape(token),
    )
}

/// Add the overlay after `<body …>` and the script before `</body>`.
pub fn inject(html: &str, overlay: Option<&str>, script: &str) -> String {
    let mut out = String::with_capacity(html.len() + script.len() + overlay.map_or(0, str::len));
    let lower = html.to_ascii_lowercase();
    let body_open = lower
        .find("<body")
        .and_then(|start| lower[start..].find('>').map(|end| start + end + 1));
    let body_close = lower
        .rfind("</body>")
        .filter(|&c| body_open.is_none_or(|o| c >= o));
    let overlay = overlay.unwrap_or("");
    match (body_open, body_close) {
        (Some(open), Some(close)) => {
            out.push_str(&html[..open]);
            out.push_str(overlay);
            out.push_str(&html[open..close]);
            out.push_str(script);
            out.push_str(&html[close..]);
        }
        (Some(open), None) => {
            out.push_str(&html[..open]);
            out.push_str(overlay);
            out.push_str(&html[open..]);
            out.push_str(script);
        }
        _ => {
            out.push_str(html);
            out.push_str(overlay);
            out.push_str(script);
        }
    }
    out
}

/// A page for when there is no built page to show (the first build failed).
pub fn placeholder(chrome: &Chrome, lang: &str) -> String {
    let title = escape(&chrome.t(lang, "serve-no-site-title", None));
    let text = escape(&chrome.t(lang, "serve-no-site-text", None));
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n<p>{text}</p>\n</main>\n</body>\n</html>\n",
        escape(lang)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Diagnostic, Location};

    fn chrome() -> Chrome {
        Chrome::new(None, Chrome::embedded())
    }

    #[test]
    fn every_string_exists_in_every_language() {
        let embedded = Chrome::embedded();
        let ids = embedded.ids("fi");
        assert!(ids.contains("serve-overlay-title"));
        assert_eq!(embedded.ids("sv"), ids);
        assert_eq!(embedded.ids("en"), ids);
    }

    #[test]
    fn the_overlay_lists_located_problems_in_the_page_language() {
        let mut all = Diagnostics::default();
        all.push(
            Diagnostic::error(
                Location::new("content/a.yaml", 3, 7),
                "unknown field `statsu` <b>",
            )
            .with_hint("did you mean `status`?"),
        );
        all.attach_source(
            std::path::Path::new("content/a.yaml"),
            "a\nb\n  statsu: x\n",
        );
        let fi = overlay(&chrome(), "fi", &all);
        assert!(fi.contains("role=\"alertdialog\""), "{fi}");
        assert!(fi.contains("lang=\"fi\""));
        assert!(fi.contains("content/a.yaml:3:7:"));
        assert!(fi.contains("unknown field `statsu` &lt;b&gt;"));
        assert!(fi.contains("3 |   statsu: x"));
        assert!(fi.contains("did you mean `status`?"));
        assert!(fi.contains(&chrome().t("fi", "serve-overlay-close", None)));
        let sv = overlay(&chrome(), "sv", &all);
        assert_ne!(
            chrome().t("fi", "serve-overlay-title", None),
            chrome().t("sv", "serve-overlay-title", None)
        );
        assert!(sv.contains(&escape(&chrome().t("sv", "serve-overlay-title", None))));
    }

    #[test]
    fn injection_goes_inside_the_body() {
        let html = "<html><body class=\"x\"><main>hi</main></body></html>";
        let out = inject(html, Some("<div>O</div>"), "<script>S</script>");
        assert_eq!(
            out,
            "<html><body class=\"x\"><div>O</div><main>hi</main><script>S</script></body></html>"
        );
        assert_eq!(inject("plain", None, "<s>"), "plain<s>");
        let reload = script("abc-1");
        assert!(reload.contains(EVENTS_PATH) && reload.contains("\"abc-1\""));
    }
}
