//! The preview folder and how it is kept up to date: the last good site,
//! its renderer, and the smallest re-render each batch of saved files needs.
//! A failed rebuild leaves the folder as it was.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::classify::{Rebuild, Touched, classify, routes_of, scorecard_routes};
use super::incremental::{Reload, reload_scorecards};
use crate::build;
use crate::content::{self, Site};
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::i18n::I18n;
use crate::output;
use crate::output::OutputFile;
use crate::render::Renderer;
use crate::urls::{self, Route, dir, file_of};

/// A site that built without errors, kept to re-render parts of it.
pub struct LastGood {
    pub site: Site,
    pub i18n: Arc<I18n>,
    pub renderer: Renderer,
    pub warnings: Diagnostics,
    /// Each scorecard's record in the dataset download, by file, as
    /// `data::dataset_record` gives it (filled by the first scorecard edit):
    /// an edit re-serializes only its own records.
    records: HashMap<PathBuf, Vec<u8>>,
}

impl LastGood {
    fn new(site: Site, i18n: Arc<I18n>, renderer: Renderer, warnings: Diagnostics) -> LastGood {
        LastGood {
            site,
            i18n,
            renderer,
            warnings,
            records: HashMap::new(),
        }
    }

    /// The dataset download, from the kept records (made for those missing).
    fn dataset(&mut self) -> OutputFile {
        for scorecard in &self.site.scorecards {
            if !self.records.contains_key(&scorecard.file) {
                let record = crate::open_data::dataset_record(scorecard);
                self.records.insert(scorecard.file.clone(), record);
            }
        }
        let records = &self.records;
        OutputFile {
            path: crate::urls::DATASET.into(),
            bytes: crate::open_data::dataset_json_with(&self.site, |scorecard| {
                Cow::Borrowed(&records[&scorecard.file])
            }),
        }
    }
}

/// What [`Preview::write_site_wide`] did.
#[derive(Debug, Default)]
pub struct SearchUpdate {
    /// Files of the search index whose bytes changed.
    pub index_files: usize,
    /// Whether the dataset and the sitemap changed (how many of them).
    pub data_files: usize,
    /// Whether a search page changed (open ones should reload).
    pub pages_changed: bool,
}

/// What a rebuild did.
#[derive(Debug, Default)]
pub struct Report {
    /// The kind of rebuild: scorecard, content, templates, full.
    pub kind: &'static str,
    /// Output paths of the HTML pages rendered.
    pub rendered: Vec<String>,
    /// Files whose bytes changed on disk.
    pub written: usize,
    pub removed: usize,
    pub timings: Vec<(&'static str, Duration)>,
    /// The search page and index and the dataset are left for
    /// [`Preview::write_site_wide`], and the sitemap too if this is set.
    search_left: bool,
    sitemap_left: bool,
}

impl Report {
    pub fn summary(&self) -> String {
        let timings: Vec<String> = self
            .timings
            .iter()
            .map(|(stage, d)| format!("{stage} {:.1} ms", d.as_secs_f64() * 1000.0))
            .collect();
        format!(
            "{} rebuild: {} page(s) rendered, {} file(s) written, {} removed [{}]",
            self.kind,
            self.rendered.len(),
            self.written,
            self.removed,
            timings.join(", ")
        )
    }
}

#[derive(Debug)]
pub enum Outcome {
    /// Nothing the site is made of changed.
    Unchanged,
    Built(Report),
    /// The folder still holds the last good site.
    Failed(Diagnostics),
}

pub struct Preview {
    root: PathBuf,
    out: PathBuf,
    base_url: String,
    good: Option<LastGood>,
    /// Everything changed since the last good build.
    pending: Rebuild,
    /// The search index and the dataset in the folder predate the last
    /// scorecard rebuild, and the sitemap too if `sitemap_stale`.
    search_stale: bool,
    sitemap_stale: bool,
    /// The preview folder and what it holds; `None` until the first build
    /// writes it (or finds it from an earlier run).
    writer: std::sync::Mutex<Option<output::InPlace>>,
}

impl Preview {
    /// `root` and `out` should be absolute; `base_url` is the preview's own
    /// address, so that absolute links (the 404 page's) lead to it.
    /// The site folder.
    pub fn root(&self) -> &std::path::Path {
        &self.root
    }

    pub fn new(root: PathBuf, out: PathBuf, base_url: String) -> Preview {
        Preview {
            root,
            out,
            base_url,
            good: None,
            pending: Rebuild::Full,
            search_stale: false,
            sitemap_stale: false,
            writer: std::sync::Mutex::new(None),
        }
    }

    pub fn good(&self) -> Option<&LastGood> {
        self.good.as_ref()
    }

    pub fn out(&self) -> &Path {
        &self.out
    }

    /// Build everything (the first build, or after a failed first build).
    pub fn build_all(&mut self) -> Outcome {
        self.pending = Rebuild::Full;
        self.run_pending()
    }

    /// Whether [`Preview::write_site_wide`] has work to do.
    pub fn search_stale(&self) -> bool {
        self.search_stale && self.good.is_some()
    }

    /// Bring the files made of the whole site up to date: render the search
    /// pages, index the site for search again, write the dataset (from the
    /// kept records, made for those missing) and the sitemap if pages came or
    /// went. A scorecard rebuild leaves these for a quiet moment: on a large
    /// site they take longer than the rebuild itself (the dataset of a
    /// 100 000-page site is 80 MB).
    pub fn write_site_wide(&mut self) -> Result<SearchUpdate, Diagnostics> {
        let Some(dataset) = self.good.as_mut().map(LastGood::dataset) else {
            return Ok(SearchUpdate::default());
        };
        let good = self.good.as_ref().expect("checked above");
        // The workbook of the whole dataset follows the dataset.
        let mut data = vec![dataset, crate::open_data::dataset_xlsx(&good.site)];
        if self.sitemap_stale {
            data.extend(good.renderer.sitemap(&good.site)?);
        }
        let parts: BTreeSet<String> = data.iter().map(|f| f.path.clone()).collect();
        let data_files = self.write(data)?;
        if self.sitemap_stale {
            // Parts of a split sitemap that a smaller site no longer has.
            self.retain(|path| {
                !(path.starts_with("sitemap-") && path.ends_with(".xml")) || parts.contains(path)
            })?;
        }
        let pages = good.renderer.render_pages(
            &good.site,
            &pages_of(&good.site, &urls::search_routes(&good.site)),
        )?;
        let pages_changed = self.write(pages)? > 0;
        let files = search_files(&good.site, &good.i18n, &self.out)?;
        let keep: BTreeSet<String> = files.iter().map(|f| f.path.clone()).collect();
        let written = self.write(files)?;
        self.retain(|path| !path.starts_with("search/") || keep.contains(path))?;
        self.search_stale = false;
        self.sitemap_stale = false;
        Ok(SearchUpdate {
            index_files: written,
            data_files,
            pages_changed,
        })
    }

    /// Rebuild what the changed `paths` (absolute, or relative to the root)
    /// affect.
    pub fn apply(&mut self, paths: &[PathBuf]) -> Outcome {
        let theme = self.good.as_ref().map(|g| g.site.config.theme.clone());
        let mut batch = Rebuild::Nothing;
        for path in paths {
            let relative = path.strip_prefix(&self.root).unwrap_or(path);
            let is_folder = self.root.join(relative).is_dir();
            batch = batch.with(classify(relative, theme.as_deref(), is_folder));
        }
        if batch == Rebuild::Nothing {
            return Outcome::Unchanged;
        }
        self.pending = std::mem::take(&mut self.pending).merge(batch);
        self.run_pending()
    }

    fn run_pending(&mut self) -> Outcome {
        let plan = if self.good.is_none() {
            Rebuild::Full
        } else {
            self.pending.clone()
        };
        match self.rebuild(&plan) {
            Ok(report) => {
                self.pending = Rebuild::Nothing;
                if plan != Rebuild::Nothing {
                    self.search_stale = report.search_left;
                    self.sitemap_stale =
                        report.search_left && (self.sitemap_stale || report.sitemap_left);
                }
                Outcome::Built(report)
            }
            Err(diagnostics) => Outcome::Failed(diagnostics),
        }
    }

    fn rebuild(&mut self, plan: &Rebuild) -> Result<Report, Diagnostics> {
        let mut report = Report {
            kind: if self.good.is_none() {
                "full"
            } else {
                plan.name()
            },
            ..Report::default()
        };
        let mut clock = Instant::now();
        let mut lap = |report: &mut Report, stage: &'static str| {
            report.timings.push((stage, clock.elapsed()));
            clock = Instant::now();
        };
        if *plan == Rebuild::Full || self.good.is_none() {
            let loaded = build::load(&self.root, Some(&self.base_url))?;
            lap(&mut report, "load");
            let renderer = Renderer::new(&loaded.theme, loaded.i18n.clone())?;
            let files = everything(&renderer, &loaded.site, &loaded.i18n, &self.out)?;
            lap(&mut report, "render");
            self.sync_all(files, &mut report)?;
            lap(&mut report, "write");
            self.good = Some(LastGood::new(
                loaded.site,
                loaded.i18n,
                renderer,
                loaded.warnings,
            ));
            return Ok(report);
        }
        let mut good = self.good.take().expect("checked above");
        let good = match self.rebuild_from(plan, &mut good, &mut report, &mut lap) {
            Ok(Rebuilt::Keep) => good,
            Ok(Rebuilt::Content(site, warnings)) => {
                LastGood::new(site, good.i18n, good.renderer, warnings)
            }
            Ok(Rebuilt::Everything(next)) => next,
            Err(diagnostics) => {
                self.good = Some(good);
                return Err(diagnostics);
            }
        };
        self.good = Some(good);
        Ok(report)
    }

    /// A rebuild that starts from the last good site.
    fn rebuild_from(
        &self,
        plan: &Rebuild,
        good: &mut LastGood,
        report: &mut Report,
        lap: &mut dyn FnMut(&mut Report, &'static str),
    ) -> Result<Rebuilt, Diagnostics> {
        match plan {
            Rebuild::Nothing => Ok(Rebuilt::Keep),
            Rebuild::Renderer { reparse } => {
                let (site, warnings) = if *reparse {
                    self.load_content()?
                } else {
                    (good.site.clone(), good.warnings.clone())
                };
                let (i18n, theme) = crate::build::load_strings_and_theme(&self.root, &site)?;
                let renderer = Renderer::new(&theme, i18n.clone())?;
                lap(report, "load");
                let files = everything(&renderer, &site, &i18n, &self.out)?;
                lap(report, "render");
                self.sync_all(files, report)?;
                lap(report, "write");
                Ok(Rebuilt::Everything(LastGood::new(
                    site, i18n, renderer, warnings,
                )))
            }
            Rebuild::Content => {
                let (site, warnings) = self.load_content()?;
                lap(report, "load");
                let files = everything(&good.renderer, &site, &good.i18n, &self.out)?;
                lap(report, "render");
                self.sync_all(files, report)?;
                lap(report, "write");
                Ok(Rebuilt::Content(site, warnings))
            }
            Rebuild::Scorecards(files) => {
                let before = Touched::of(&good.site, files);
                let old_routes = routes_of(&good.site, files);
                let old_data = data_paths(&good.site, files);
                let (swap, warnings) = match reload_scorecards(&self.root, &mut good.site, files) {
                    Reload::Done(swap, warnings) => (swap, warnings),
                    Reload::Failed(diagnostics) => return Err(diagnostics),
                    Reload::Fallback => {
                        report.kind = Rebuild::Content.name();
                        return self.rebuild_from(&Rebuild::Content, good, report, lap);
                    }
                };
                lap(report, "load");
                let site = &good.site;
                let touched = before.and_after(Touched::of(site, files));
                good.records.retain(|file, _| !files.contains(file));
                // The scorecard's own pages first (the ones its author looks
                // at), then the listings and its downloads. The search page
                // (an A-Z list of every goal) goes with the search index and
                // the dataset, when all is quiet.
                let (own, listings): (Vec<Route>, Vec<Route>) = scorecard_routes(site, &touched)
                    .into_iter()
                    .filter(|r| !matches!(r, Route::Search | Route::SearchPart(_)))
                    .partition(|r| matches!(r, Route::Scorecard(..) | Route::Goal(..)));
                let pages = |routes: &[Route], report: &mut Report| {
                    let outputs = good.renderer.render_pages(site, &pages_of(site, routes))?;
                    report
                        .rendered
                        .extend(outputs.iter().map(|f| f.path.clone()));
                    report.written += self.write(outputs)?;
                    Ok::<(), Diagnostics>(())
                };
                let new_routes = routes_of(site, files);
                let result = pages(&own, report).and_then(|()| {
                    lap(report, "own pages");
                    pages(&listings, report)?;
                    lap(report, "listings");
                    report.written += self.write(crate::open_data::export_scorecards(
                        site.scorecards.iter().filter(|s| files.contains(&s.file)),
                        site,
                    ))?;
                    lap(report, "downloads");
                    Ok(())
                });
                if let Err(diagnostics) = result {
                    swap.undo(&mut good.site);
                    good.records.clear();
                    return Err(diagnostics);
                }
                let removed: Vec<Route> = old_routes.difference(&new_routes).cloned().collect();
                let mut stale = page_files(site, &good.i18n, &removed);
                stale.extend(old_data.difference(&data_paths(site, files)).cloned());
                report.removed += self.remove(&stale)?;
                report.search_left = true;
                report.sitemap_left = old_routes != new_routes;
                good.warnings = warnings;
                Ok(Rebuilt::Keep)
            }
            Rebuild::Full => unreachable!("a full rebuild does not start from the last site"),
        }
    }

    fn load_content(&self) -> Result<(Site, Diagnostics), Diagnostics> {
        let (mut site, warnings) = content::load_site(&self.root)?;
        site.config.base_url = self.base_url.clone();
        Ok((site, warnings))
    }

    /// The folder's writer, made by the first build (or from what an
    /// earlier run left in the folder).
    fn writer(&self) -> Result<std::sync::MutexGuard<'_, Option<output::InPlace>>, Diagnostics> {
        let mut writer = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        if writer.is_none() {
            let empty = fs::read_dir(&self.out).map_or(true, |mut e| e.next().is_none());
            if !empty {
                *writer = Some(output::InPlace::scan(&self.out).map_err(|err| self.io_error(err))?);
            }
        }
        Ok(writer)
    }

    /// Write the files whose bytes changed; how many.
    fn write(&self, files: Vec<OutputFile>) -> Result<usize, Diagnostics> {
        let mut writer = self.writer()?;
        match writer.as_mut() {
            Some(writer) => writer.write(files).map_err(|err| self.io_error(err)),
            None => {
                // An empty folder (the first build): written whole, then
                // swapped in, so a reader never sees a half-written site.
                let count = files.len();
                let mut staging =
                    output::Staging::create(&self.out).map_err(|err| self.io_error(err))?;
                staging.write(files).map_err(|err| self.io_error(err))?;
                let written = staging.commit().map_err(|err| self.io_error(err))?;
                *writer = Some(output::InPlace::new(&self.out, written));
                Ok(count)
            }
        }
    }

    fn remove(&self, paths: &BTreeSet<String>) -> Result<usize, Diagnostics> {
        match self.writer()?.as_mut() {
            Some(writer) => writer
                .remove(paths.iter().map(String::as_str))
                .map_err(|err| self.io_error(err)),
            None => Ok(0),
        }
    }

    /// Remove every file for which `keep` says false; how many.
    fn retain(&self, keep: impl Fn(&str) -> bool) -> Result<usize, Diagnostics> {
        match self.writer()?.as_mut() {
            Some(writer) => writer.retain(keep).map_err(|err| self.io_error(err)),
            None => Ok(0),
        }
    }

    /// Make the folder hold exactly `files`: changed files are replaced one
    /// by one (a reader never sees half a page, nor a missing folder), files
    /// no longer built are removed.
    fn sync_all(&self, files: Vec<OutputFile>, report: &mut Report) -> Result<(), Diagnostics> {
        report.rendered = files
            .iter()
            .filter(|f| f.path.ends_with(".html"))
            .map(|f| f.path.clone())
            .collect();
        let keep: std::collections::HashSet<String> =
            files.iter().map(|f| f.path.clone()).collect();
        report.written += self.write(files)?;
        report.removed += self.retain(|path| keep.contains(path))?;
        Ok(())
    }

    fn io_error(&self, err: io::Error) -> Diagnostics {
        Diagnostics::from(Diagnostic::error(
            Location::file(&self.out),
            format!("cannot write the preview: {err}"),
        ))
    }
}

/// What a rebuild from the last good site leaves (one per rebuild, so its
/// size does not matter).
#[allow(clippy::large_enum_variant)]
enum Rebuilt {
    Keep,
    /// New content, same templates and UI strings.
    Content(Site, Diagnostics),
    Everything(LastGood),
}

/// Every language's version of each route.
fn pages_of(site: &Site, routes: &[Route]) -> Vec<(String, Route)> {
    site.config
        .languages
        .iter()
        .flat_map(|lang| routes.iter().map(move |r| (lang.clone(), r.clone())))
        .collect()
}

/// Every page, asset and download, and the search index.
fn everything(
    renderer: &Renderer,
    site: &Site,
    i18n: &I18n,
    out: &Path,
) -> Result<Vec<OutputFile>, Diagnostics> {
    let mut files = build::render_site(renderer, site)?;
    files.extend(search_files(site, i18n, out)?);
    Ok(files)
}

fn search_files(site: &Site, i18n: &I18n, out: &Path) -> Result<Vec<OutputFile>, Diagnostics> {
    crate::search::build_files(site, i18n).map_err(|err| Diagnostics::from(err.diagnostic(out)))
}

/// The files of `routes` in every language.
fn page_files(site: &Site, i18n: &I18n, routes: &[Route]) -> BTreeSet<String> {
    let mut files = BTreeSet::new();
    for lang in &site.config.languages {
        let slug = crate::urls::accessibility_slug(i18n, lang).unwrap_or_default();
        for route in routes {
            files.insert(file_of(&dir(lang, route, &slug)));
        }
    }
    files
}

/// The download files of the scorecards read from `files`.
fn data_paths(site: &Site, files: &BTreeSet<PathBuf>) -> BTreeSet<String> {
    site.scorecards
        .iter()
        .filter(|s| files.contains(&s.file))
        .flat_map(|s| {
            [
                crate::urls::scorecard_data(s, "json"),
                crate::urls::scorecard_data(s, "csv"),
            ]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{copy_dir, list_files};

    const SCORECARD: &str = "content/scorecards/testila/2024-tekniikka.yaml";

    struct Fixture {
        dir: tempfile::TempDir,
        preview: Preview,
    }

    impl Fixture {
        fn new() -> Fixture {
            let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
            let dir = tempfile::tempdir().unwrap();
            let root = dir.path().join("site");
            copy_dir(&repo.join("tests/fixtures/minimal"), &root);
            copy_dir(&repo.join("themes"), &root.join("themes"));
            copy_dir(&repo.join("i18n"), &root.join("i18n"));
            let out = dir.path().join("preview");
            let mut preview = Preview::new(root, out, "http://127.0.0.1:8000/".into());
            let report = match preview.build_all() {
                Outcome::Built(report) => report,
                other => panic!("the fixture does not build: {other:?}"),
            };
            assert_eq!(report.kind, "full");
            Fixture { dir, preview }
        }

        fn root(&self) -> PathBuf {
            self.dir.path().join("site")
        }

        fn edit(&mut self, relative: &str, from: &str, to: &str) -> Outcome {
            let path = self.root().join(relative);
            let text = fs::read_to_string(&path).unwrap();
            assert!(text.contains(from), "{relative} lacks {from}");
            fs::write(&path, text.replacen(from, to, 1)).unwrap();
            self.preview.apply(&[path])
        }

        fn page(&self, relative: &str) -> String {
            fs::read_to_string(self.preview.out().join(relative)).unwrap_or_default()
        }

        fn all_pages(&self) -> usize {
            let mut files = Vec::new();
            list_files(self.preview.out(), self.preview.out(), &mut files);
            files.iter().filter(|f| f.ends_with(".html")).count()
        }
    }

    fn built(outcome: Outcome) -> Report {
        match outcome {
            Outcome::Built(report) => report,
            other => panic!("expected a rebuild, got {other:?}"),
        }
    }

    #[test]
    fn a_scorecard_edit_renders_its_pages_and_listings_only() {
        let mut site = Fixture::new();
        let report = built(site.edit(SCORECARD, "Työ on käynnissä.", "Työ eteni."));
        assert_eq!(report.kind, "scorecard");
        let mut rendered = report.rendered.clone();
        rendered.sort();
        let mut expected = Vec::new();
        for lang in ["en", "fi", "sv"] {
            for page in [
                "index.html",
                "testila/index.html",
                "testila/2024-tekniikka/index.html",
                "testila/2024-tekniikka/pyoraily/index.html",
                "testila/2024-tekniikka/kavely/index.html",
                "updates/seuranta/index.html",
            ] {
                expected.push(format!("{lang}/{page}"));
            }
        }
        expected.sort();
        assert_eq!(rendered, expected);
        assert!(
            site.page("fi/testila/2024-tekniikka/index.html")
                .contains("Työ eteni.")
        );
        // The scorecard's downloads are written with its pages ...
        assert!(
            site.page("data/testila/2024-tekniikka.json")
                .contains("Työ eteni.")
        );
        // ... the dataset, the search page and the index when the server is idle.
        assert!(!site.page("data/tuloskortti.json").contains("Työ eteni."));
        assert!(site.preview.search_stale());
        let update = site.preview.write_site_wide().unwrap();
        assert!(update.index_files > 0);
        assert_eq!(update.data_files, 1, "the dataset, not the sitemap");
        assert!(site.page("data/tuloskortti.json").contains("Työ eteni."));
        assert!(!site.preview.search_stale());
    }

    /// Each save's downloads are written with its pages; the dataset, put
    /// together from kept records, and the sitemap when pages came or went,
    /// follow once for all saves, and are what a full build writes.
    #[test]
    fn downloads_follow_each_save() {
        let mut site = Fixture::new();
        let added = "content/scorecards/testila/2025-tekniikka.yaml";
        let text = fs::read_to_string(site.root().join(SCORECARD)).unwrap();
        fs::write(
            site.root().join(added),
            text.replace("year: 2024", "year: 2025"),
        )
        .unwrap();
        let report = built(site.preview.apply(&[site.root().join(added)]));
        // Its pages, JSON and CSV.
        assert!(
            report.written >= report.rendered.len() + 2,
            "{}",
            report.summary()
        );
        assert!(!site.page("data/testila/2025-tekniikka.json").is_empty());
        assert!(!site.page("sitemap.xml").contains("2025-tekniikka"));
        built(site.edit(SCORECARD, "Työ on käynnissä.", "Työ eteni."));
        assert!(site.preview.search_stale());
        // Both saves are in the dataset, and the added pages in the sitemap.
        let update = site.preview.write_site_wide().unwrap();
        // The dataset, its workbook (the added scorecard's rows) and the sitemap.
        assert_eq!(update.data_files, 3);
        assert!(site.page("sitemap.xml").contains("2025-tekniikka"));
        assert!(site.page("data/tuloskortti.json").contains("Työ eteni."));
        let (added_json, edited_json, dataset) = (
            site.page("data/testila/2025-tekniikka.json"),
            site.page("data/testila/2024-tekniikka.json"),
            site.page("data/tuloskortti.json"),
        );
        assert!(added_json.contains("\"year\": 2025"));
        assert!(edited_json.contains("Työ eteni."));
        // A third save, of one record only, re-serializes that record.
        built(site.edit(added, "Työ on käynnissä.", "Työ jatkuu."));
        let update = site.preview.write_site_wide().unwrap();
        assert_eq!(update.data_files, 1, "no page came or went");
        let spliced = site.page("data/tuloskortti.json");
        assert_ne!(spliced, dataset);
        built(site.preview.build_all());
        assert_eq!(site.page("data/tuloskortti.json"), spliced);
        assert_eq!(site.page("data/testila/2024-tekniikka.json"), edited_json);
    }

    #[test]
    fn the_rebuilt_pages_equal_a_full_build() {
        let mut site = Fixture::new();
        // A shared metric too, whose page compares the scorecard's values.
        fs::write(
            site.root().join("content/metrics.yaml"),
            "- id: pyoratiet\n  title: {fi: Pyörätiet, sv: Cykelvägar, en: Cycle paths}\n",
        )
        .unwrap();
        site.edit(
            SCORECARD,
            "                unit: {fi: km",
            "                metric: pyoratiet\n                unit: {fi: km",
        );
        built(site.preview.build_all());
        assert!(!site.page("fi/metrics/pyoratiet/index.html").is_empty());
        built(site.edit(SCORECARD, "Työ on käynnissä.", "Työ eteni."));
        let report = built(site.edit(SCORECARD, "value: 3.5}", "value: 4.25}"));
        assert!(
            report
                .rendered
                .contains(&"sv/metrics/pyoratiet/index.html".to_string())
        );
        site.preview.write_site_wide().unwrap();
        let mut partial = Vec::new();
        list_files(site.preview.out(), site.preview.out(), &mut partial);
        let out = site.preview.out().to_path_buf();
        let snapshot = |files: &[String]| -> Vec<(String, Vec<u8>)> {
            files
                .iter()
                .map(|f| (f.clone(), fs::read(out.join(f)).unwrap()))
                .collect()
        };
        let mut partial_files = partial.clone();
        partial_files.sort();
        let before = snapshot(&partial_files);
        built(site.preview.build_all());
        let mut full = Vec::new();
        list_files(site.preview.out(), site.preview.out(), &mut full);
        full.sort();
        assert_eq!(full, partial_files);
        assert!(
            before == snapshot(&full),
            "a partial rebuild differs from a full one"
        );
    }

    #[test]
    fn templates_and_strings_rerender_every_page() {
        let mut site = Fixture::new();
        let pages = site.all_pages();
        let report = built(site.edit(
            "themes/default/templates/404.html",
            "{% block main %}",
            "{% block main %}<!-- x -->",
        ));
        assert_eq!(report.kind, "templates");
        assert_eq!(report.rendered.len(), pages);
        let report = built(site.edit("i18n/sv/main.ftl", "\n", "\n# x\n"));
        assert_eq!(report.kind, "templates");
        assert_eq!(report.rendered.len(), pages);
    }

    #[test]
    fn other_content_and_site_settings() {
        let mut site = Fixture::new();
        let report = built(site.edit(
            "content/organisations/testila.yaml",
            "Testilän kaupunki",
            "Testilän kunta",
        ));
        assert_eq!(report.kind, "content");
        assert!(site.page("fi/index.html").contains("Testilän kunta"));
        let report = built(site.edit(
            "content/site.yaml",
            "fi: Kuntien tavoitteet ja seuranta",
            "fi: Tavoitteet",
        ));
        assert_eq!(report.kind, "full");
        assert!(site.page("fi/index.html").contains("Tavoitteet"));
        let temporary = site
            .root()
            .join("content/scorecards/testila/.2024-tekniikka.yaml.swp");
        fs::write(&temporary, "x").unwrap();
        assert!(matches!(
            site.preview.apply(&[temporary]),
            Outcome::Unchanged
        ));
    }

    #[test]
    fn a_failed_rebuild_keeps_the_pages_and_the_fix_catches_up() {
        let mut site = Fixture::new();
        let page = "fi/testila/2024-tekniikka/index.html";
        let before = site.page(page);
        let Outcome::Failed(diagnostics) = site.edit(SCORECARD, "likelihood: 2", "likelihood: 5")
        else {
            panic!("likelihood 5 is an error");
        };
        let line = fs::read_to_string(site.dir.path().join("site").join(SCORECARD))
            .unwrap()
            .lines()
            .position(|l| l.contains("likelihood: 5"))
            .unwrap()
            + 1;
        assert!(
            diagnostics
                .to_string()
                .contains(&format!("2024-tekniikka.yaml:{line}:17")),
            "{diagnostics}"
        );
        assert_eq!(site.page(page), before);
        // Another file changes while the first is broken: still failing.
        assert!(matches!(
            site.edit(
                "content/organisations/testila.yaml",
                "Testilän kaupunki",
                "Testilä"
            ),
            Outcome::Failed(_)
        ));
        // The fix rebuilds both changes.
        let report = built(site.edit(SCORECARD, "likelihood: 5", "likelihood: 3"));
        assert_eq!(report.kind, "content");
        assert!(site.page("fi/index.html").contains("Testilä"));
    }

    #[test]
    fn a_removed_goal_removes_its_pages() {
        let mut site = Fixture::new();
        let goal = "sv/testila/2024-tekniikka/kavely/index.html";
        assert!(!site.page(goal).is_empty());
        let path = site.root().join(SCORECARD);
        let text = fs::read_to_string(&path).unwrap();
        let start = text.find("      - id: kavely").unwrap();
        let end = text.find("risks:").unwrap();
        fs::write(&path, format!("{}{}", &text[..start], &text[end..])).unwrap();
        let report = built(site.preview.apply(&[path]));
        assert_eq!(report.kind, "scorecard");
        assert_eq!(report.removed, 3);
        assert!(!site.preview.out().join(goal).exists());
        site.preview.write_site_wide().unwrap();
        assert!(!site.page("sitemap.xml").contains("kavely"));
        // A part left by an earlier run, from when the site's sitemap was
        // split: the next run finds it in the folder, and it goes.
        let out = site.preview.out().to_path_buf();
        fs::write(out.join("sitemap-3.xml"), "<urlset/>").unwrap();
        let mut again = Preview::new(
            site.root().to_path_buf(),
            out.clone(),
            "http://127.0.0.1:8000/".into(),
        );
        assert!(matches!(again.build_all(), Outcome::Built(_)));
        assert!(!out.join("sitemap-3.xml").exists());
    }
}
