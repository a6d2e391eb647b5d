//! Rules that need more than one field: references, uniqueness, shapes.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use serde_saphyr::Spanned;

use super::model::{Compliance, Date, Id};
use super::parse::{FailedFiles, span_location};
use super::{Scorecard, Site};
use crate::diagnostics::{Diagnostic, Diagnostics, Location, closest};

/// Page slugs the generator itself uses under `/{lang}/`.
pub const RESERVED_SLUGS: &[&str] = &["updates", "search", "metrics", "data", "assets", "404"];

/// A web address that a page links to: `https://` or `http://`, nothing
/// else (`javascript:`, `data:` and `vbscript:` would run in the reader's
/// browser; a bare `www.` would be a broken relative link).
fn web_address(file: &Path, url: &Spanned<String>, diagnostics: &mut Diagnostics) {
    let value = url.value.trim();
    let lower = value.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        diagnostics.push(
            Diagnostic::error(
                span_location(file, url),
                format!("`{value}` is not a web address: only https:// and http:// addresses are published as links"),
            )
            .with_hint("write the whole address, e.g. https://www.espoo.fi/"),
        );
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
            diagnostics.error(
                Location::file(&organisation.file),
                format!(
                    "municipality_code `{code}` must be three digits, as a string such as \"049\""
                ),
            );
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
            diagnostics.error(
                Location::file(&scorecard.file),
                format!("a second scorecard with the id `{}` in `{}`", key.1, key.0),
            );
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
                    diagnostics.push(
                        Diagnostic::error(
                            shifted(span_location(&doc.file, related)),
                            format!("`related` names `{}`, which is no scorecard or goal", related.value),
                        )
                        .with_hint("write `<organisation>/<scorecard>` or `<organisation>/<scorecard>/<goal>`"),
                    );
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
            diagnostics.error(
                Location::file(file),
                format!(
                    "the page name `{}` is taken by the site's own pages or an organisation",
                    page.slug
                ),
            );
        }
    }

    let reviewed = &site.config.accessibility.reviewed;
    let age = Date::today_utc().days_since_epoch() - reviewed.value.days_since_epoch();
    if age > 365 {
        diagnostics.push(
            Diagnostic::warning(
                span_location(&site.config.file, reviewed),
                format!(
                    "the accessibility statement was last reviewed on {}, over a year ago",
                    reviewed.value
                ),
            )
            .with_hint("review the statement (Act 306/2019 asks for a yearly review) and update `accessibility.reviewed`"),
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
        (Compliance::Fully, false) => diagnostics.push(
            Diagnostic::error(
                at,
                format!(
                    "the accessibility statement says `fully` compliant but lists {} known issue(s)",
                    a.known_issues.len()
                ),
            )
            .with_hint("say `compliance: partially` while content is not accessible, or remove the issues that are fixed"),
        ),
        (Compliance::Partially | Compliance::Not, true) => diagnostics.push(
            Diagnostic::error(at, "the accessibility statement says the site is not fully compliant but lists no known issues")
                .with_hint("list under `known_issues` what is not accessible and why, or say `compliance: fully`"),
        ),
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
    duplicates(goal_and_target_ids, "goal or target", diagnostics);

    let themes: BTreeSet<&str> = data.themes.iter().map(|t| t.id.value.as_str()).collect();
    for risk in &data.risks {
        reference(
            file,
            &risk.theme,
            &themes,
            "theme",
            "`themes` of this scorecard",
            diagnostics,
        );
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
            diagnostics.push(Diagnostic::warning(
                span_location(file, &goal.id),
                format!(
                    "the goal `{}` has no targets, actions, indicators or follow-up",
                    goal.id.value
                ),
            ));
        }
    }

    duplicates(
        data.key_figures
            .iter()
            .map(|k| (k.id.value.as_str(), || span_location(file, &k.id))),
        "key-figure table",
        diagnostics,
    );
    for table in &data.key_figures {
        let columns = table.columns.value.len();
        for row in &table.rows {
            if row.decimals.is_some_and(|d| d > MAX_DECIMALS) {
                diagnostics.push(
                    Diagnostic::error(
                        span_location(file, &row.values),
                        format!(
                            "`decimals: {}` is more than a key figure is printed with (at most {MAX_DECIMALS})",
                            row.decimals.unwrap_or_default()
                        ),
                    )
                    .with_hint("write as many decimals as the source document prints, e.g. `decimals: 1` for 3,0"),
                );
            }
            let values = row.values.value.len();
            if values != columns {
                diagnostics.push(
                    Diagnostic::error(
                        span_location(file, &row.values),
                        format!(
                            "this row has {values} values but the table `{}` has {columns} columns",
                            table.id.value
                        ),
                    )
                    .with_hint("give one value per column, `null` where the source has none"),
                );
            }
            if row.values.value.iter().flatten().any(|v| !v.is_finite()) {
                diagnostics.error(
                    span_location(file, &row.values),
                    "values must be finite numbers",
                );
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
        Some(best) => format!("did you mean `{best}`?"),
        None => format!("define it in {where_defined}"),
    };
    let mut location = span_location(file, id);
    location.line += line_offset;
    diagnostics
        .push(Diagnostic::error(location, format!("unknown {what} `{name}`")).with_hint(hint));
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
            diagnostics.push(
                Diagnostic::error(location(), format!("duplicate {what} id `{id}`"))
                    .with_hint(format!("first used at {}", first())),
            );
        } else {
            seen.insert(id, location);
        }
    }
}
