//! Where each page lives, and relative links between pages, so the site
//! works under any base path.

use crate::content::{Id, Scorecard, Site};
use crate::i18n::{I18n, MessageError};

/// A page of the site, independent of language.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Route {
    Home,
    Organisation(Id),
    Scorecard(Id, Id),
    Goal(Id, Id, Id),
    Posts,
    /// A news post (`updates/<slug>/`).
    Post(Id),
    Page(Id),
    /// A shared metric compared across organisations.
    Metric(Id),
    /// Part `n` (from 1) of a shared metric's values of one year
    /// (`metrics/<id>/<year>/` or `metrics/<id>/<year>-<n>/`), on a site with
    /// more than [`METRIC_ROWS`] of its values.
    MetricPart(Id, i32, u32),
    Accessibility,
    /// The search page; without JavaScript an A-Z list of all goals.
    Search,
    /// One part of the A-Z list of all goals (`search/<n>/`, from 1) on a
    /// site too large for the search page to hold the list itself.
    SearchPart(u32),
    NotFound,
}

/// The page's place under the output root: a folder, or a file for the 404 page,, e.g. `fi/espoo/2021-kaupunkitekniikka/`.
pub fn dir(site_lang: &str, route: &Route, accessibility_slug: &str) -> String {
    match route {
        Route::Home => format!("{site_lang}/"),
        Route::Organisation(org) => format!("{site_lang}/{org}/"),
        Route::Scorecard(org, sc) => format!("{site_lang}/{org}/{sc}/"),
        Route::Goal(org, sc, goal) => format!("{site_lang}/{org}/{sc}/{goal}/"),
        Route::Posts => format!("{site_lang}/updates/"),
        Route::Post(slug) => format!("{site_lang}/updates/{slug}/"),
        Route::Page(slug) => format!("{site_lang}/{slug}/"),
        Route::Metric(id) => format!("{site_lang}/metrics/{id}/"),
        Route::MetricPart(id, year, 1) => format!("{site_lang}/metrics/{id}/{year}/"),
        Route::MetricPart(id, year, n) => format!("{site_lang}/metrics/{id}/{year}-{n}/"),
        Route::Accessibility => format!("{site_lang}/{accessibility_slug}/"),
        Route::Search => format!("{site_lang}/search/"),
        Route::SearchPart(n) => format!("{site_lang}/search/{n}/"),
        Route::NotFound => format!("{site_lang}/404.html"),
    }
}

/// The output file of a page's target: a folder's `index.html`, or the file itself.
pub fn file_of(target: &str) -> String {
    if target.ends_with('/') {
        format!("{target}index.html")
    } else {
        target.to_string()
    }
}

/// The folder links on a page are relative to.
pub fn folder_of(target: &str) -> String {
    match target.rfind('/') {
        Some(i) => target[..=i].to_string(),
        None => String::new(),
    }
}

/// A relative link from the page in folder `from` to the folder or file `to`
/// (both relative to the output root, folders ending in `/`).
pub fn relative(from: &str, to: &str) -> String {
    let from_parts: Vec<&str> = from.split('/').filter(|s| !s.is_empty()).collect();
    let to_parts: Vec<&str> = to.split('/').collect();
    let mut common = 0;
    while common < from_parts.len()
        && common + 1 < to_parts.len()
        && from_parts[common] == to_parts[common]
    {
        common += 1;
    }
    let mut out = "../".repeat(from_parts.len() - common);
    out.push_str(&to_parts[common..].join("/"));
    if out.is_empty() {
        "./".to_string()
    } else {
        out
    }
}

/// A scorecard's page and its goals' pages.
pub fn scorecard_page_routes(scorecard: &Scorecard) -> impl Iterator<Item = Route> {
    let org = scorecard.organisation();
    std::iter::once(Route::Scorecard(org.clone(), scorecard.id.clone())).chain(
        scorecard.goals().map(move |(_, goal)| {
            Route::Goal(org.clone(), scorecard.id.clone(), goal.id.value.clone())
        }),
    )
}

/// How many goals one page of the A-Z list holds: up to this many the search
/// page lists them all itself; beyond, the list is split into parts of this
/// many goals, each its own page, so that no page grows with the site. A goal
/// is about 200 bytes of HTML, so a part stays well under 250 KB.
pub const AZ_PART: usize = 400;

/// How many parts the A-Z list has: none when the search page holds it.
/// The same in every language (every goal is on every language's list).
pub fn az_parts(site: &Site) -> u32 {
    let goals: usize = site.scorecards.iter().map(|s| s.goals().count()).sum();
    if goals <= AZ_PART {
        0
    } else {
        goals.div_ceil(AZ_PART) as u32
    }
}

/// The search page and the parts of its A-Z list.
pub fn search_routes(site: &Site) -> Vec<Route> {
    std::iter::once(Route::Search)
        .chain((1..=az_parts(site)).map(Route::SearchPart))
        .collect()
}

/// How many of a shared metric's values one page holds: up to this many
/// the metric's page lists them all; beyond, it shows a summary by year and
/// each year's values are pages of their own, of this many values each (a
/// value is about 850 bytes of HTML with its bar in the chart).
pub const METRIC_ROWS: usize = 150;

/// How many values a shared metric has in each year.
pub fn metric_years(site: &Site, metric: &Id) -> std::collections::BTreeMap<i32, usize> {
    let mut years = std::collections::BTreeMap::new();
    for scorecard in &site.scorecards {
        for (_, goal) in scorecard.goals() {
            for indicator in goal
                .all_indicators()
                .filter(|i| i.metric.as_ref().is_some_and(|m| &m.value == metric))
            {
                for value in &indicator.values {
                    *years.entry(value.period.year()).or_insert(0) += 1;
                }
            }
        }
    }
    years
}

/// The pages of a shared metric's values by year, when it has more values
/// than its page holds; none otherwise.
pub fn metric_part_routes(site: &Site, metric: &Id) -> Vec<Route> {
    let years = metric_years(site, metric);
    if years.values().sum::<usize>() <= METRIC_ROWS {
        return Vec::new();
    }
    years
        .into_iter()
        .flat_map(|(year, count)| {
            (1..=count.div_ceil(METRIC_ROWS) as u32)
                .map(move |n| Route::MetricPart(metric.clone(), year, n))
        })
        .collect()
}

/// Every route of the site, in a stable order.
pub fn all_routes(site: &Site) -> Vec<Route> {
    let mut routes = vec![
        Route::Home,
        Route::Posts,
        Route::Accessibility,
        Route::Search,
        Route::NotFound,
    ];
    routes.extend((1..=az_parts(site)).map(Route::SearchPart));
    routes.extend(
        site.organisations
            .iter()
            .map(|o| Route::Organisation(o.id.clone())),
    );
    for scorecard in &site.scorecards {
        routes.extend(scorecard_page_routes(scorecard));
    }
    routes.extend(site.updates.iter().map(|u| Route::Post(u.slug.clone())));
    routes.extend(site.pages.iter().map(|p| Route::Page(p.slug.clone())));
    routes.extend(
        site.metrics
            .iter()
            .map(|m| Route::Metric(m.data.id.value.clone())),
    );
    for metric in &site.metrics {
        routes.extend(metric_part_routes(site, &metric.data.id.value));
    }
    routes
}

/// The accessibility statement's folder name in a language (a UI string,
/// since Act 306/2019 pages are found by their name: `saavutettavuusseloste`).
pub fn accessibility_slug(i18n: &I18n, lang: &str) -> Result<String, MessageError> {
    i18n.message(lang, "accessibility-slug", None)
}

// ------------------------------------------------------------ files that are not pages

/// Where a language's Atom feed lives.
pub fn feed(lang: &str) -> String {
    format!("{lang}/updates/atom.xml")
}

/// Where a scorecard's downloads live: `data/<org>/<scorecard>.{json,csv}`.
pub fn scorecard_data(scorecard: &Scorecard, extension: &str) -> String {
    format!(
        "data/{}/{}.{extension}",
        scorecard.organisation(),
        scorecard.id
    )
}

/// The whole dataset.
pub const DATASET: &str = "data/tuloskortti.json";
/// JSON Schema of the dataset.
pub const DATASET_SCHEMA: &str = "data/tuloskortti.schema.json";
/// JSON Schema of each scorecard's JSON.
pub const SCORECARD_SCHEMA: &str = "data/scorecard.schema.json";
/// The CSV files' columns, as W3C CSV on the Web metadata (CSVW).
pub const CSV_METADATA: &str = "data/tuloskortti.csv-metadata.json";
/// Every scorecard's table rows in one Excel workbook.
pub const DATASET_XLSX: &str = "data/tuloskortti.xlsx";

/// A file of a language's search index: `search/<lang>/<name>`.
pub fn search_file(lang: &str, name: &str) -> String {
    format!("search/{lang}/{name}")
}

/// The search page's filters, which are also its query parameters
/// (`?organisation=espoo&year=2021`) and the facets of the search index, in
/// the index's order; the manifest carries them to the browser.
pub const SEARCH_FACETS: [&str; 6] = ["organisation", "year", "kind", "theme", "status", "type"];

/// The search index's catalogue (a fixed name: the search page preloads it).
pub const SEARCH_MANIFEST: &str = "manifest.json";
/// The search index's most frequent word forms (a fixed name, preloaded).
pub const SEARCH_HOT: &str = "hot.dat";

#[cfg(test)]
mod tests {
    use super::relative;

    #[test]
    fn relative_links() {
        assert_eq!(relative("fi/espoo/", "fi/espoo/x/"), "x/");
        assert_eq!(relative("fi/espoo/x/", "fi/"), "../../");
        assert_eq!(relative("fi/", "sv/"), "../sv/");
        assert_eq!(relative("fi/", "fi/"), "./");
        assert_eq!(
            relative("fi/a/", "assets/style.css"),
            "../../assets/style.css"
        );
        assert_eq!(relative("", "fi/"), "fi/");
    }
}
