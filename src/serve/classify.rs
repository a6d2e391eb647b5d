//! Which pages a saved file affects. A scorecard edit re-renders that
//! scorecard's pages and the pages that list it; templates and UI strings
//! re-render every page from the parsed content; `site.yaml` starts over.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::content::load::{FileKind, classify as content_kind};
use crate::content::{Id, Site};
use crate::urls::{Route, all_routes, scorecard_page_routes};

/// What one changed path asks for. Paths are relative to the site root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Editor temporary files, other themes, files outside the watched folders.
    Nothing,
    /// `content/scorecards/<org>/<slug>.yaml`
    Scorecard(PathBuf),
    /// Any other content file (organisations, metrics, networks, updates, pages).
    Content,
    /// A template, a theme asset or a UI string (`.ftl`).
    Renderer,
    /// `content/site.yaml`: languages, theme or base URL may change.
    Site,
}

/// Classify one path relative to the site root; `theme` is the site's theme
/// folder when known (edits to other themes change nothing); `is_folder`
/// tells whether the path is a folder now.
pub fn classify(relative: &Path, theme: Option<&str>, is_folder: bool) -> Change {
    let Some(name) = relative.file_name().and_then(|n| n.to_str()) else {
        return Change::Nothing;
    };
    if is_editor_temporary(name) {
        return Change::Nothing;
    }
    let mut parts = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy());
    match parts.next().as_deref() {
        Some("content") => match content_kind(relative) {
            Some(FileKind::Site) => Change::Site,
            Some(FileKind::Scorecard { .. }) => Change::Scorecard(relative.to_path_buf()),
            Some(_) => Change::Content,
            // A folder created or renamed: its files may be anywhere in the site.
            None if is_folder => Change::Content,
            // A tool's temporary file (`sed -i`), or a file that is not
            // content (only a warning; the next content save shows it).
            None => Change::Nothing,
        },
        Some("themes") => match (parts.next(), theme) {
            (Some(folder), Some(theme)) if folder != theme => Change::Nothing,
            _ => Change::Renderer,
        },
        Some("i18n") => Change::Renderer,
        _ => Change::Nothing,
    }
}

/// Names that editors write beside the real file while saving, and that
/// `content::load` skips too.
pub fn is_editor_temporary(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name == "4913" // vim's probe for a writable folder
        || [".swp", ".swx", ".swo", ".tmp", ".bak", ".kate-swp", ".crdownload"]
            .iter()
            .any(|ext| name.ends_with(ext))
        || name.contains("___jb_")
}

/// What the changes since the last good build ask for, from the least work
/// to the most. Merging keeps the larger.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Rebuild {
    #[default]
    Nothing,
    /// Re-parse the content, re-render only these scorecards' pages and the
    /// pages that list them.
    Scorecards(BTreeSet<PathBuf>),
    /// Re-parse the content and re-render every page with the same templates.
    Content,
    /// Load the templates and UI strings anew and re-render every page;
    /// `reparse` when content changed in the same batch.
    Renderer { reparse: bool },
    /// Load everything anew, as `build` does.
    Full,
}

impl Rebuild {
    pub fn with(self, change: Change) -> Rebuild {
        let other = match change {
            Change::Nothing => Rebuild::Nothing,
            Change::Scorecard(path) => Rebuild::Scorecards(BTreeSet::from([path])),
            Change::Content => Rebuild::Content,
            Change::Renderer => Rebuild::Renderer { reparse: false },
            Change::Site => Rebuild::Full,
        };
        self.merge(other)
    }

    pub fn merge(self, other: Rebuild) -> Rebuild {
        use Rebuild::*;
        match (self, other) {
            (Full, _) | (_, Full) => Full,
            (Renderer { reparse: a }, Renderer { reparse: b }) => Renderer { reparse: a || b },
            (Renderer { .. }, Nothing) | (Nothing, Renderer { .. }) => Renderer { reparse: false },
            (Renderer { .. }, _) | (_, Renderer { .. }) => Renderer { reparse: true },
            (Content, _) | (_, Content) => Content,
            (Scorecards(mut a), Scorecards(b)) => {
                a.extend(b);
                Scorecards(a)
            }
            (Scorecards(a), Nothing) | (Nothing, Scorecards(a)) => Scorecards(a),
            (Nothing, Nothing) => Nothing,
        }
    }

    /// A short name for logs and benchmarks.
    pub fn name(&self) -> &'static str {
        match self {
            Rebuild::Nothing => "nothing",
            Rebuild::Scorecards(_) => "scorecard",
            Rebuild::Content => "content",
            Rebuild::Renderer { .. } => "templates",
            Rebuild::Full => "full",
        }
    }
}

/// What the changed scorecard files name: their `(organisation, id)` and
/// the shared metrics their indicators measure. Taken before and after the
/// change, so that a renamed scorecard or a dropped metric counts too.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Touched {
    pub scorecards: BTreeSet<(Id, Id)>,
    pub metrics: BTreeSet<Id>,
    /// What the metric pages show of these scorecards: each one's name and
    /// place, and every value it gives a metric, in the order of the content
    /// (the pages list them in that order). The same before and after an
    /// edit, the metric pages need no re-render.
    metric_facts: Vec<String>,
}

impl Touched {
    /// What the scorecards of `site` read from `files` name.
    pub fn of(site: &Site, files: &BTreeSet<PathBuf>) -> Touched {
        let mut touched = Touched::default();
        for scorecard in site.scorecards.iter().filter(|s| files.contains(&s.file)) {
            touched
                .scorecards
                .insert((scorecard.organisation().clone(), scorecard.id.clone()));
            let data = &scorecard.data;
            let name = format!(
                "{} {} {:?} {:?} {}",
                scorecard.organisation(),
                scorecard.id,
                data.unit,
                data.kind,
                data.year
            );
            for (_, goal) in scorecard.goals() {
                for indicator in goal.all_indicators() {
                    let Some(metric) = &indicator.metric else {
                        continue;
                    };
                    touched.metrics.insert(metric.value.clone());
                    for value in &indicator.values {
                        touched.metric_facts.push(format!(
                            "{name} {} {:?} {:?}",
                            metric.value, value.period, value.value
                        ));
                    }
                }
            }
        }
        touched
    }

    /// What changed between `self`, taken before an edit, and `after`: the
    /// scorecards of both, and their metrics unless what the metric pages
    /// show of them is the same.
    pub fn and_after(mut self, after: Touched) -> Touched {
        self.scorecards.extend(after.scorecards);
        if self.metric_facts == after.metric_facts && self.metrics == after.metrics {
            self.metrics.clear();
        } else {
            self.metrics.extend(after.metrics);
        }
        self.metric_facts.extend(after.metric_facts);
        self
    }
}

/// The pages of `site` to re-render after the scorecards in `touched`
/// changed: each scorecard's page and goal pages; the pages that list it
/// (home and organisation pages with its statuses, the search page's A-Z
/// list of goals); the updates that relate to it; the pages of the metrics
/// it measures.
pub fn scorecard_routes(site: &Site, touched: &Touched) -> Vec<Route> {
    let keys = &touched.scorecards;
    let names = |org: &Id, id: &Id| keys.contains(&(org.clone(), id.clone()));
    let related: BTreeSet<&Id> = site
        .updates
        .iter()
        .filter(|update| {
            update.versions.values().any(|doc| {
                doc.front.related.iter().any(|reference| {
                    let mut parts = reference.value.split('/');
                    match (parts.next(), parts.next()) {
                        (Some(org), Some(id)) => keys
                            .iter()
                            .any(|(o, s)| o.as_str() == org && s.as_str() == id),
                        _ => false,
                    }
                })
            })
        })
        .map(|update| &update.slug)
        .collect();
    let organisations: BTreeSet<&Id> = keys.iter().map(|(org, _)| org).collect();
    all_routes(site)
        .into_iter()
        .filter(|route| {
            #[allow(unreachable_patterns)]
            match route {
                Route::Home | Route::Search | Route::SearchPart(_) => true,
                Route::Organisation(org) => organisations.contains(org),
                Route::Scorecard(org, id) | Route::Goal(org, id, _) => names(org, id),
                Route::Post(slug) => related.contains(slug),
                Route::Metric(metric) | Route::MetricPart(metric, ..) => {
                    touched.metrics.contains(metric)
                }
                Route::Posts | Route::Page(_) | Route::Accessibility | Route::NotFound => false,
                // A kind of page this plan does not know yet: re-render it
                // rather than leave it stale.
                _ => true,
            }
        })
        .collect()
}

/// The pages of the scorecards of `site` read from `files`: the only routes
/// a scorecard edit can add or remove (compared before and after it).
pub fn routes_of(site: &Site, files: &BTreeSet<PathBuf>) -> BTreeSet<Route> {
    site.scorecards
        .iter()
        .filter(|s| files.contains(&s.file))
        .flat_map(scorecard_page_routes)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load_site;

    fn fixture() -> Site {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
        load_site(&root).expect("the minimal fixture loads").0
    }

    fn id(s: &str) -> Id {
        Id(s.to_string())
    }

    const SCORECARD: &str = "content/scorecards/testila/2024-tekniikka.yaml";

    #[test]
    fn paths_are_classified_by_place() {
        let theme = Some("default");
        let cases = [
            ("content/site.yaml", Change::Site),
            (SCORECARD, Change::Scorecard(PathBuf::from(SCORECARD))),
            ("content/organisations/testila.yaml", Change::Content),
            ("content/metrics.yaml", Change::Content),
            ("content/networks.yaml", Change::Content),
            ("content/updates/2024-07-01-seuranta.fi.md", Change::Content),
            ("content/pages/tietoa.sv.md", Change::Content),
            ("themes/default/templates/base.html", Change::Renderer),
            ("themes/default/static/style.css", Change::Renderer),
            ("themes/other/templates/base.html", Change::Nothing),
            ("i18n/sv/main.ftl", Change::Renderer),
            (
                "content/scorecards/testila/.2024-tekniikka.yaml.swp",
                Change::Nothing,
            ),
            (
                "content/scorecards/testila/2024-tekniikka.yaml~",
                Change::Nothing,
            ),
            ("content/scorecards/testila/4913", Change::Nothing),
            ("content/#site.yaml#", Change::Nothing),
            ("i18n/fi/main.ftl.tmp", Change::Nothing),
            ("public/fi/index.html", Change::Nothing),
            ("target/preview/fi/index.html", Change::Nothing),
        ];
        for (path, expected) in cases {
            assert_eq!(classify(Path::new(path), theme, false), expected, "{path}");
        }
        // Before the first good build the theme is unknown: any theme counts.
        assert_eq!(
            classify(Path::new("themes/other/templates/base.html"), None, false),
            Change::Renderer
        );
        // A folder moved into place, and the temporary file of `sed -i`.
        assert_eq!(
            classify(Path::new("content/scorecards/uusi"), theme, true),
            Change::Content
        );
        assert_eq!(
            classify(
                Path::new("content/scorecards/testila/sedX1b2c3"),
                theme,
                false
            ),
            Change::Nothing
        );
    }

    #[test]
    fn merging_keeps_the_larger_rebuild() {
        let one = |p: &str| Rebuild::Nothing.with(Change::Scorecard(PathBuf::from(p)));
        assert_eq!(Rebuild::Nothing.with(Change::Nothing), Rebuild::Nothing);
        assert_eq!(
            one("a").merge(one("b")),
            Rebuild::Scorecards(BTreeSet::from([PathBuf::from("a"), PathBuf::from("b")]))
        );
        assert_eq!(one("a").with(Change::Content), Rebuild::Content);
        assert_eq!(
            Rebuild::Nothing.with(Change::Renderer),
            Rebuild::Renderer { reparse: false }
        );
        assert_eq!(
            one("a").with(Change::Renderer),
            Rebuild::Renderer { reparse: true }
        );
        assert_eq!(
            Rebuild::Content.with(Change::Renderer),
            Rebuild::Renderer { reparse: true }
        );
        assert_eq!(
            Rebuild::Renderer { reparse: false }.with(Change::Nothing),
            Rebuild::Renderer { reparse: false }
        );
        assert_eq!(Rebuild::Content.with(Change::Site), Rebuild::Full);
        assert_eq!(Rebuild::Full.with(Change::Nothing), Rebuild::Full);
    }

    #[test]
    fn a_scorecard_edit_renders_its_pages_and_the_listings() {
        let site = fixture();
        let files = BTreeSet::from([PathBuf::from(SCORECARD)]);
        let routes: BTreeSet<Route> = scorecard_routes(&site, &Touched::of(&site, &files))
            .into_iter()
            .collect();
        let (org, sc) = (id("testila"), id("2024-tekniikka"));
        let expected = BTreeSet::from([
            Route::Home,
            Route::Organisation(org.clone()),
            Route::Scorecard(org.clone(), sc.clone()),
            Route::Goal(org.clone(), sc.clone(), id("pyoraily")),
            Route::Goal(org.clone(), sc.clone(), id("kavely")),
            Route::Post(id("seuranta")),
            Route::Search,
        ]);
        assert_eq!(routes, expected);
        // Not the listings that do not show scorecards.
        let all: BTreeSet<Route> = all_routes(&site).into_iter().collect();
        let untouched: Vec<&Route> = all.difference(&routes).collect();
        assert_eq!(
            untouched,
            [
                &Route::Posts,
                &Route::Page(id("tietoa")),
                &Route::Accessibility,
                &Route::NotFound
            ]
        );
    }

    #[test]
    fn another_scorecard_leaves_the_first_alone() {
        let old = fixture();
        let mut new = old.clone();
        let mut second = new.scorecards[0].clone();
        second.id = id("2025-tekniikka");
        second.file = PathBuf::from("content/scorecards/testila/2025-tekniikka.yaml");
        new.scorecards.push(second.clone());
        let files = BTreeSet::from([second.file.clone()]);
        let touched = Touched::of(&old, &files).and_after(Touched::of(&new, &files));
        let routes = scorecard_routes(&new, &touched);
        let org = id("testila");
        assert!(routes.contains(&Route::Scorecard(org.clone(), second.id.clone())));
        assert!(routes.contains(&Route::Goal(org.clone(), second.id.clone(), id("kavely"))));
        assert!(routes.contains(&Route::Home));
        assert!(routes.contains(&Route::Search));
        assert!(routes.contains(&Route::Organisation(org.clone())));
        assert!(!routes.contains(&Route::Scorecard(org.clone(), id("2024-tekniikka"))));
        // The update relates to the first scorecard only.
        assert!(!routes.contains(&Route::Post(id("seuranta"))));
        assert_eq!(routes.len(), 6, "{routes:?}");
    }

    #[test]
    fn the_pages_of_measured_metrics_are_rendered() {
        use crate::content::{Metric, MetricFile};
        let mut old = fixture();
        for metric in ["pyoratiet", "muu"] {
            let data: MetricFile =
                serde_saphyr::from_str(&format!("id: {metric}\ntitle: {metric}\n")).unwrap();
            old.metrics.push(Metric {
                file: PathBuf::from("content/metrics.yaml"),
                data,
            });
        }
        let mut new = old.clone();
        new.scorecards[0].data.themes[0].goals[0].targets[0].indicators[0].metric =
            Some(serde_saphyr::from_str("pyoratiet").unwrap());
        let files = BTreeSet::from([PathBuf::from(SCORECARD)]);
        // The metric is named after the change ...
        let touched = Touched::of(&old, &files).and_after(Touched::of(&new, &files));
        let routes = scorecard_routes(&new, &touched);
        assert!(routes.contains(&Route::Metric(id("pyoratiet"))));
        assert!(!routes.contains(&Route::Metric(id("muu"))));
        // ... or before it, when the indicator no longer names it.
        let touched = Touched::of(&new, &files).and_after(Touched::of(&old, &files));
        assert!(scorecard_routes(&old, &touched).contains(&Route::Metric(id("pyoratiet"))));
        // An edit the metric page does not show leaves it alone ...
        let mut edited = new.clone();
        let goal = &mut edited.scorecards[0].data.themes[0].goals[0];
        goal.follow_up = None;
        goal.title = serde_saphyr::from_str("Toinen nimi").unwrap();
        let touched = Touched::of(&new, &files).and_after(Touched::of(&edited, &files));
        let routes = scorecard_routes(&edited, &touched);
        assert!(!routes.iter().any(|r| matches!(r, Route::Metric(_))));
        assert!(routes.contains(&Route::Home));
        // ... a changed value, or a renamed scorecard, does not.
        let mut revalued = edited.clone();
        let values =
            &mut revalued.scorecards[0].data.themes[0].goals[0].targets[0].indicators[0].values;
        assert!(!values.is_empty(), "the fixture's indicator has values");
        values[0].value += 1.0;
        let touched = Touched::of(&edited, &files).and_after(Touched::of(&revalued, &files));
        assert!(scorecard_routes(&revalued, &touched).contains(&Route::Metric(id("pyoratiet"))));
        let mut renamed = edited.clone();
        renamed.scorecards[0].data.year += 1;
        let touched = Touched::of(&edited, &files).and_after(Touched::of(&renamed, &files));
        assert!(scorecard_routes(&renamed, &touched).contains(&Route::Metric(id("pyoratiet"))));
        // A second indicator with the same values adds rows to the page.
        let mut doubled = edited.clone();
        let indicators = &mut doubled.scorecards[0].data.themes[0].goals[0].targets[0].indicators;
        indicators.push(indicators[0].clone());
        let touched = Touched::of(&edited, &files).and_after(Touched::of(&doubled, &files));
        assert!(scorecard_routes(&doubled, &touched).contains(&Route::Metric(id("pyoratiet"))));
    }

    #[test]
    fn a_removed_goal_is_a_removed_route() {
        let old = fixture();
        let mut new = old.clone();
        new.scorecards[0].data.themes[0]
            .goals
            .retain(|g| g.id.value.as_str() != "kavely");
        let files = BTreeSet::from([PathBuf::from(SCORECARD)]);
        let removed: Vec<Route> = routes_of(&old, &files)
            .difference(&routes_of(&new, &files))
            .cloned()
            .collect();
        assert_eq!(
            removed,
            [Route::Goal(
                id("testila"),
                id("2024-tekniikka"),
                id("kavely")
            )]
        );
        // The same as comparing every route of the site.
        let kept: BTreeSet<Route> = all_routes(&new).into_iter().collect();
        let gone: Vec<Route> = all_routes(&old)
            .into_iter()
            .filter(|r| !kept.contains(r))
            .collect();
        assert_eq!(gone, removed);
        assert!(!scorecard_routes(&new, &Touched::of(&old, &files)).contains(&removed[0]));
    }
}
