//! Mistakes caught before publishing: texts of a starting file that `new`
//! wrote and nobody replaced, and the example addresses (`example.fi`) of
//! the starting settings. Both are warnings of `check` and `build`, errors
//! of `build --strict`; `check --translations` counts a placeholder as a
//! missing translation.

use std::collections::HashSet;
use std::fs;
use std::path::Path;

use crate::content::Site;
use crate::content::translations::all_texts;
use crate::diagnostics::{Diagnostic, Diagnostics, Location, Message, Severity};
use crate::i18n::I18n;

/// The UI strings (`serve.ftl`) that `new` writes as texts to be replaced.
/// Not those that could be a real text as they stand ("Talouden
/// tunnusluvut", "kpl").
pub const PLACEHOLDER_IDS: &[&str] = &[
    "scaffold-unit-text",
    "scaffold-summary-text",
    "scaffold-theme-title",
    "scaffold-goal-title",
    "scaffold-follow-up-text",
    "scaffold-indicator-title",
    "scaffold-risk-title",
    "scaffold-mitigation-text",
    "scaffold-organisation-name",
    "scaffold-update-title",
    "scaffold-update-summary-text",
    "scaffold-update-body",
];

/// The placeholder texts of `new`, in every language of the site's UI strings.
pub struct Placeholders(HashSet<String>);

impl Placeholders {
    pub fn of(i18n: &I18n, languages: &[String]) -> Placeholders {
        let texts = languages
            .iter()
            .flat_map(|lang| {
                PLACEHOLDER_IDS
                    .iter()
                    .filter(|id| i18n.has(lang, id))
                    .filter_map(|id| i18n.message(lang, id, None).ok())
            })
            .map(|text| text.trim().to_string())
            .collect();
        Placeholders(texts)
    }

    /// Whether `text` is still a placeholder as `new` wrote it.
    pub fn contains(&self, text: &str) -> bool {
        self.0.contains(text.trim())
    }
}

/// Whether an address (`https://…`, `name@…`) is on an example domain such
/// as `example.fi` or `tavoitteet.example.fi`, which no reader can reach.
pub fn is_example_address(address: &str) -> bool {
    let address = address.trim();
    let rest = address
        .split_once("://")
        .map(|(_, rest)| rest)
        .unwrap_or(address);
    let host = rest.rsplit_once('@').map(|(_, host)| host).unwrap_or(rest);
    let host = host.split(['/', ':', '?', '#']).next().unwrap_or_default();
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2 && labels[labels.len() - 2].eq_ignore_ascii_case("example")
}

/// Every placeholder and example address of `site`, as warnings at the
/// line that holds them (IO: reads the files it reports on, to find the
/// line). `base_url_given`: the address was given with `--base-url`, so
/// that of `site.yaml` is not published.
pub fn check(
    root: &Path,
    site: &Site,
    placeholders: &Placeholders,
    base_url_given: bool,
) -> Diagnostics {
    let mut found: Vec<(&Path, String, Message, Message)> = Vec::new();
    for (file, field, text) in all_texts(site) {
        // One warning a field, at its first untouched language.
        let default = site.config.default_language();
        let untouched = site
            .config
            .languages
            .iter()
            .filter_map(|lang| text.get(lang, default))
            .find(|v| placeholders.contains(v));
        if let Some(value) = untouched {
            found.push((
                site_file(site, &file),
                value.to_string(),
                Message::new("err-placeholder-text").arg("field", &field),
                Message::new("err-placeholder-text-hint"),
            ));
        }
    }
    let docs = site
        .updates
        .iter()
        .flat_map(|u| {
            u.versions
                .values()
                .map(|d| (&d.file, &d.front.title, &d.front.summary, &d.body))
        })
        .chain(site.pages.iter().flat_map(|p| {
            p.versions
                .values()
                .map(|d| (&d.file, &d.front.title, &d.front.summary, &d.body))
        }));
    for (file, title, summary, body) in docs {
        let fields = [
            ("title", Some(title)),
            ("summary", summary.as_ref()),
            ("body", Some(body)),
        ];
        for (field, value) in fields {
            if let Some(value) = value.filter(|v| placeholders.contains(v)) {
                found.push((
                    file,
                    value.trim().to_string(),
                    Message::new("err-placeholder-text").arg("field", field),
                    Message::new("err-placeholder-text-hint"),
                ));
            }
        }
    }

    let config = &site.config;
    let a = &config.accessibility;
    let mut addresses: Vec<(&Path, &str, &str)> = Vec::new();
    if !base_url_given {
        addresses.push((&config.file, "base_url", &config.base_url));
    }
    addresses.push((
        &config.file,
        "accessibility.feedback.email",
        &a.feedback.email,
    ));
    if let Some(url) = &a.feedback.url {
        addresses.push((&config.file, "accessibility.feedback.url", &url.value));
    }
    addresses.push((
        &config.file,
        "accessibility.authority.url",
        &a.authority.url.value,
    ));
    if let Some(email) = &a.authority.email {
        addresses.push((&config.file, "accessibility.authority.email", email));
    }
    for organisation in &site.organisations {
        if let Some(url) = &organisation.data.website {
            addresses.push((&organisation.file, "website", &url.value));
        }
    }
    for (file, field, value) in addresses {
        if is_example_address(value) {
            let hint = if field == "base_url" {
                "err-example-base-url-hint"
            } else {
                "err-example-address-hint"
            };
            let value = if field == "base_url" {
                value.trim_end_matches('/')
            } else {
                value
            };
            found.push((
                file,
                value.to_string(),
                Message::new("err-example-address")
                    .arg("field", field)
                    .arg("value", value),
                Message::new(hint),
            ));
        }
    }

    let mut diagnostics = Diagnostics::default();
    for (file, needle, message, hint) in found {
        let (location, line) = locate(root, file, &needle);
        let mut diagnostic = Diagnostic::new(Severity::Warning, location, message).hint(hint);
        diagnostic.source_line = line;
        diagnostics.push(diagnostic);
    }
    diagnostics
}

/// The path a text of `all_texts` names, as the site holds it.
fn site_file<'s>(site: &'s Site, file: &Path) -> &'s Path {
    let config = std::iter::once(&site.config.file);
    config
        .chain(site.organisations.iter().map(|o| &o.file))
        .chain(site.networks.iter().map(|n| &n.file))
        .chain(site.metrics.iter().map(|m| &m.file))
        .chain(site.scorecards.iter().map(|s| &s.file))
        .find(|f| f.as_path() == file)
        .map(|f| f.as_path())
        .unwrap_or(site.config.file.as_path())
}

/// The first line of `file` (not a comment) that holds `needle`, and the
/// line's text (IO); the file's start when none does.
fn locate(root: &Path, file: &Path, needle: &str) -> (Location, Option<String>) {
    let first = needle.lines().next().unwrap_or(needle);
    let text = fs::read_to_string(root.join(file))
        .unwrap_or_default()
        .replace("\r\n", "\n");
    for (number, line) in text.lines().enumerate() {
        if line.trim_start().starts_with('#') {
            continue;
        }
        if let Some(at) = line.find(first) {
            let column = line[..at].chars().count() as u32 + 1;
            return (
                Location::new(file, number as u32 + 1, column),
                Some(line.trim_end().to_string()),
            );
        }
    }
    (Location::file(file), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_domains_are_recognised_in_urls_and_emails() {
        for example in [
            "https://tavoitteet.example.fi/",
            "https://example.com",
            "saavutettavuus@example.fi",
            "http://www.example.org:8080/x",
        ] {
            assert!(is_example_address(example), "{example}");
        }
        for real in [
            "https://www.espoo.fi/",
            "kirjaamo@espoo.fi",
            "https://example-kunta.fi/",
            "https://www.saavutettavuusvaatimukset.fi/",
        ] {
            assert!(!is_example_address(real), "{real}");
        }
    }
}
