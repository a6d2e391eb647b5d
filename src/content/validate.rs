//! Rules that need more than one field: references, uniqueness, shapes.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use serde_saphyr::Spanned;

use super::model::{Compliance, Date, Id};
use super::parse::{FailedFiles, span_location};
use super::{Scorecard, Site};
use crate::diagnostics::{Diagnostic, Diagnostics, Location, Message, Severity, closest};

fn error(at: Location, message: Message, hint: Message) -> Diagnostic {
    Diagnostic::new(Severity::Error, at, message).hint(hint)
}

/// Page slugs the generator itself uses under `/{lang}/`.
pub const RESERVED_SLUGS: &[&str] = &["updates", "search", "metrics", "data", "assets", "404"];

/// A web address that a page links to: `https://` or `http://`, nothing
/// else (`javascript:`, `data:` and `vbscript:` would run in the reader's
/// browser; a bare `www.` would be a broken relative link).
fn web_address(file: &Path, url: &Spanned<String>, diagnostics: &mut Diagnostics) {
    let value = url.value.trim();
    let lower = value.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        diagnostics.push(error(
            span_location(file, url),
            Message::new("err-not-web-address").arg("value", value),
            Message::new("err-bad-address-hint"),
        ));
    }
}

/// The most decimals a key-figure row may ask for.
const MAX_DECIMALS: u8 = 6;

pub fn validate(site: &Site, failed: &FailedFiles, diagnostics: &mut Diagnostics) {
    let organisations: BTreeSet<&str> = site
        .organisations
        .iter()
        .map(|o| o.id.as_str())
        .chain(failed.organisations.iter().map(String::as_str))
        .collect();
    let networks: BTreeSet<&str> = site
        .networks
        .iter()
        .map(|n| n.data.id.value.as_str())
        .collect();
    let metrics: BTreeSet<&str> = site
        .metrics
        .iter()
        .map(|m| m.data.id.value.as_str())
        .collect();
    let pages: BTreeSet<&str> = site.pages.iter().map(|p| p.slug.as_str()).collect();

    // Every web address is published as a link: only https:// and http://.
    let a = &site.config.accessibility;
    for url in a.feedback.url.iter().chain([&a.authority.url]) {
        web_address(&site.config.file, url, diagnostics);
    }
    for organisation in &site.organisations {
        if let Some(url) = &organisation.data.website {
            web_address(&organisation.file, url, diagnostics);
        }
    }

    duplicates(
        site.organisations
            .iter()
            .map(|o| (o.id.as_str(), || Location::file(&o.file))),
        "organisation",
        diagnostics,
    );
    duplicates(
        site.networks.iter().map(|n| {
            (n.data.id.value.as_str(), || {
                span_location(&n.file, &n.data.id)
            })
        }),
        "network",
        diagnostics,
    );
    duplicates(
        site.metrics.iter().map(|m| {
            (m.data.id.value.as_str(), || {
                span_location(&m.file, &m.data.id)
            })
        }),
        "metric",
        diagnostics,
    );

    for organisation in &site.organisations {
        for network in &organisation.data.networks {
            reference(
                &organisation.file,
                network,
                &networks,
                "network",
                "networks.yaml",
                diagnostics,
            );
        }
        if let Some(code) = &organisation.data.municipality_code
            && !(code.len() == 3 && code.bytes().all(|b| b.is_ascii_digit()))
        {
            diagnostics.push(error(
                Location::file(&organisation.file),
                Message::new("err-municipality-code").arg("value", code),
                Message::new("err-municipality-code-hint"),
            ));
        }
    }
    for network in &site.networks {
        if let Some(page) = &network.data.page {
            reference(
                &network.file,
                page,
                &pages,
                "page",
                "pages/<slug>.<lang>.md",
                diagnostics,
            );
        }
    }

    let mut scorecard_ids: HashMap<(&str, &str), &Scorecard> = HashMap::new();
    for scorecard in &site.scorecards {
        let key = (scorecard.organisation().as_str(), scorecard.id.as_str());
        if scorecard_ids.insert(key, scorecard).is_some() {
            diagnostics.push(error(
                Location::file(&scorecard.file),
                Message::new("err-scorecard-twice")
                    .arg("id", key.1)
                    .arg("organisation", key.0),
                Message::new("err-scorecard-twice-hint"),
            ));
        }
        reference(
            &scorecard.file,
            &scorecard.data.organisation,
            &organisations,
            "organisation",
            "organisations/<id>.yaml",
            diagnostics,
        );
        validate_scorecard(scorecard, &metrics, diagnostics);
    }

    for update in &site.updates {
        for doc in update.versions.values() {
            if let Some(organisation) = &doc.front.organisation {
                reference_at(
                    &doc.file,
                    organisation,
                    1,
                    &organisations,
                    "organisation",
                    "organisations/<id>.yaml",
                    diagnostics,
                );
            }
            for related in &doc.front.related {
                let unparsed = failed
                    .scorecards
                    .iter()
                    .any(|s| related.value.starts_with(s.as_str()));
                if !unparsed && !related_exists(&scorecard_ids, &related.value) {
                    diagnostics.push(error(
                        shifted(span_location(&doc.file, related)),
                        Message::new("err-bad-related").arg("value", &related.value),
                        Message::new("err-bad-related-hint"),
                    ));
                }
            }
        }
    }

    for page in &site.pages {
        let file = &page
            .versions
            .values()
            .next()
            .map(|d| d.file.clone())
            .unwrap_or_default();
        if RESERVED_SLUGS.contains(&page.slug.as_str())
            || organisations.contains(page.slug.as_str())
        {
            diagnostics.push(error(
                Location::file(file),
                Message::new("err-page-name-taken").arg("value", &page.slug),
                Message::new("err-page-name-taken-hint"),
            ));
        }
    }

    let reviewed = &site.config.accessibility.reviewed;
    let age = Date::today_utc().days_since_epoch() - reviewed.value.days_since_epoch();
    if age > 365 {
        diagnostics.push(
            Diagnostic::new(
                Severity::Warning,
                span_location(&site.config.file, reviewed),
                Message::new("err-review-old").arg("date", reviewed.value),
            )
            .hint(Message::new("err-review-old-hint")),
        );
    }
    statement_agrees_with_itself(site, diagnostics);
}

/// The accessibility statement says what is true: "fully" compliant with
/// known issues listed contradicts itself, and "partially" or "not"
/// compliant must list what is not accessible (Act 306/2019, section 16).
fn statement_agrees_with_itself(site: &Site, diagnostics: &mut Diagnostics) {
    let a = &site.config.accessibility;
    let at = span_location(&site.config.file, &a.compliance);
    match (a.compliance.value, a.known_issues.is_empty()) {
        (Compliance::Fully, false) => diagnostics.push(error(
            at,
            Message::new("err-statement-fully-with-issues").arg("count", a.known_issues.len()),
            Message::new("err-statement-fully-with-issues-hint"),
        )),
        (Compliance::Partially | Compliance::Not, true) => diagnostics.push(error(
            at,
            Message::new("err-statement-without-issues"),
            Message::new("err-statement-without-issues-hint"),
        )),
        _ => {}
    }
}

/// Front matter starts on the file's second line.
fn shifted(mut location: Location) -> Location {
    location.line += 1;
    location
}

fn validate_scorecard(
    scorecard: &Scorecard,
    metrics: &BTreeSet<&str>,
    diagnostics: &mut Diagnostics,
) {
    let file = &scorecard.file;
    let data = &scorecard.data;
    duplicates(
        data.themes
            .iter()
            .map(|t| (t.id.value.as_str(), || span_location(file, &t.id))),
        "theme",
        diagnostics,
    );
    // Goals and targets share one namespace: both become anchors or URLs.
    let goal_and_target_ids = data.themes.iter().flat_map(|theme| {
        theme.goals.iter().flat_map(|goal| {
            std::iter::once(&goal.id)
                .chain(goal.targets.iter().map(|t| &t.id))
                .map(|id| (id.value.as_str(), move || span_location(file, id)))
        })
    });
    duplicates(goal_and_target_ids, "goal", diagnostics);

    let themes: BTreeSet<&str> = data.themes.iter().map(|t| t.id.value.as_str()).collect();
    for risk in &data.risks {
        reference(file, &risk.theme, &themes, "theme", "themes", diagnostics);
    }

    for (_, goal) in scorecard.goals() {
        for indicator in goal.all_indicators() {
            if let Some(metric) = &indicator.metric {
                reference(file, metric, metrics, "metric", "metrics.yaml", diagnostics);
            }
        }
        if goal.targets.is_empty()
            && goal.indicators.is_empty()
            && goal.follow_up.is_none()
            && goal.actions.is_empty()
            && goal.results.is_empty()
        {
            diagnostics.push(
                Diagnostic::new(
                    Severity::Warning,
                    span_location(file, &goal.id),
                    Message::new("err-goal-empty").arg("id", &goal.id.value),
                )
                .hint(Message::new("err-goal-empty-hint")),
            );
        }
    }

    duplicates(
        data.key_figures
            .iter()
            .map(|k| (k.id.value.as_str(), || span_location(file, &k.id))),
        "key-figures",
        diagnostics,
    );
    for table in &data.key_figures {
        let columns = table.columns.value.len();
        for row in &table.rows {
            if row.decimals.is_some_and(|d| d > MAX_DECIMALS) {
                diagnostics.push(error(
                    span_location(file, &row.values),
                    Message::new("err-too-many-decimals")
                        .arg("value", row.decimals.unwrap_or_default())
                        .arg("max", MAX_DECIMALS),
                    Message::new("err-too-many-decimals-hint"),
                ));
            }
            let values = row.values.value.len();
            if values != columns {
                diagnostics.push(error(
                    span_location(file, &row.values),
                    Message::new("err-row-values")
                        .arg("values", values)
                        .arg("table", &table.id.value)
                        .arg("columns", columns),
                    Message::new("err-row-values-hint"),
                ));
            }
            if row.values.value.iter().flatten().any(|v| !v.is_finite()) {
                diagnostics.push(error(
                    span_location(file, &row.values),
                    Message::new("err-values-not-finite"),
                    Message::new("err-row-values-hint"),
                ));
            }
        }
    }
}

fn related_exists<'s>(scorecards: &HashMap<(&str, &str), &'s Scorecard>, reference: &str) -> bool {
    let parts: Vec<&str> = reference.split('/').collect();
    let find =
        |org: &str, slug: &str| -> Option<&'s Scorecard> { scorecards.get(&(org, slug)).copied() };
    match parts.as_slice() {
        [org, slug] => find(org, slug).is_some(),
        [org, slug, goal] => {
            find(org, slug).is_some_and(|s| s.goals().any(|(_, g)| g.id.value.as_str() == *goal))
        }
        _ => false,
    }
}

fn reference(
    file: &Path,
    id: &serde_saphyr::Spanned<Id>,
    known: &BTreeSet<&str>,
    what: &str,
    where_defined: &str,
    diagnostics: &mut Diagnostics,
) {
    reference_at(file, id, 0, known, what, where_defined, diagnostics);
}

/// `line_offset`: lines before the YAML text starts (front matter).
fn reference_at(
    file: &Path,
    id: &serde_saphyr::Spanned<Id>,
    line_offset: u32,
    known: &BTreeSet<&str>,
    what: &str,
    where_defined: &str,
    diagnostics: &mut Diagnostics,
) {
    let name = id.value.as_str();
    if known.contains(name) {
        return;
    }
    let hint = match closest(name, known.iter().copied()) {
        Some(best) => Message::new("err-did-you-mean-field").arg("suggestion", best),
        None => Message::new("err-define-it").arg("place", where_defined),
    };
    let mut location = span_location(file, id);
    location.line += line_offset;
    diagnostics.push(error(
        location,
        Message::new("err-unknown-reference")
            .arg("what", what)
            .arg("value", name),
        hint,
    ));
}

/// Ids used twice; each item's location is made only for an error (a
/// preview save re-checks every id of the site).
fn duplicates<'a, L: Fn() -> Location>(
    items: impl Iterator<Item = (&'a str, L)>,
    what: &str,
    diagnostics: &mut Diagnostics,
) {
    let mut seen: HashMap<&str, L> = HashMap::new();
    for (id, location) in items {
        if let Some(first) = seen.get(id) {
            diagnostics.push(error(
                location(),
                Message::new("err-duplicate-id")
                    .arg("what", what)
                    .arg("id", id),
                Message::new("err-duplicate-id-hint").arg("place", first()),
            ));
        } else {
            seen.insert(id, location);
        }
    }
}
