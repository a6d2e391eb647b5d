//! The pipeline: load -> parse -> validate -> render -> write, with timings.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::content::{self, Site};
use crate::diagnostics::{Diagnostics, Location};
use crate::i18n::I18n;
use crate::open_data;
use crate::output;
use crate::output::OutputFile;
use crate::output::record;
use crate::placeholders::{self, Placeholders};
use crate::render::{self, Renderer, SiteIndex, Theme};
use rayon::prelude::*;

/// A stage of a build, as a progress display names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    SearchIndex,
    Pages,
    Downloads,
    Writing,
}

/// Told how far a build got: its stage, and for the pages how many of all
/// are done (0 of 0 when a stage has no count). The terminal's display is
/// the edge's (`main.rs`); a build without one is told nothing.
#[derive(Clone, Default)]
pub struct Progress(Option<Arc<Tell>>);

/// A stage, and how many of how many are done.
type Tell = dyn Fn(Stage, usize, usize) + Send + Sync;

impl Progress {
    pub fn new(tell: impl Fn(Stage, usize, usize) + Send + Sync + 'static) -> Progress {
        Progress(Some(Arc::new(tell)))
    }

    fn tell(&self, stage: Stage, done: usize, total: usize) {
        if let Some(tell) = &self.0 {
            tell(stage, done, total);
        }
    }
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "Progress(shown)"
        } else {
            "Progress(none)"
        })
    }
}

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub out: PathBuf,
    /// Overrides `base_url` of site.yaml.
    pub base_url: Option<String>,
    /// Build even when nothing changed since the last build into `out`.
    pub force: bool,
    /// Publish drafts and updates dated later too.
    pub drafts: bool,
    /// Fail on warnings too (placeholders, example addresses, an old
    /// review date), as a publishing pipeline should.
    pub strict: bool,
    /// Where to tell how far the build got.
    pub progress: Progress,
}

#[derive(Debug, Default)]
pub struct BuildReport {
    /// Nothing changed since the last build into the folder, which stays.
    pub up_to_date: bool,
    /// A rebuild over the last build's output: how many files it rewrote.
    pub changed: Option<usize>,
    pub pages: usize,
    pub files: usize,
    pub warnings: Diagnostics,
    /// The warnings as printed (also when the build was up to date).
    pub warnings_text: String,
    pub timings: Vec<(&'static str, Duration)>,
}

/// Why a build did not produce a site.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("{}", .0)]
    Content(Diagnostics),
    /// tantivy could not make the search index (in memory: no file is at fault).
    #[error("{0}")]
    Search(crate::search::SearchError),
    /// The output folder is not one a build may write into (the message's
    /// words are the reader's: `crate::i18n::say`).
    #[error("{}", .0.id)]
    Usage(crate::diagnostics::Message),
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl BuildError {
    /// What went wrong, to be put into the reader's words; None for content
    /// errors, which are diagnostics of their own.
    pub fn message(&self) -> Option<crate::diagnostics::Message> {
        use crate::diagnostics::Message;
        match self {
            BuildError::Content(_) | BuildError::Search(_) => None,
            BuildError::Usage(message) => Some(message.clone()),
            BuildError::Io { path, source } => Some(
                Message::new("err-cannot-write")
                    .arg("path", path.display())
                    .arg("reason", source),
            ),
        }
    }
}

/// Run `f`, and how long it took less the writing it did meanwhile
/// (which `writing` adds up).
fn without_writing<R>(writing: &std::cell::Cell<Duration>, f: impl FnOnce() -> R) -> (R, Duration) {
    let (start, written) = (Instant::now(), writing.get());
    let result = f();
    let time = start.elapsed().saturating_sub(writing.get() - written);
    (result, time)
}

/// A UI string of the search index is a problem of the UI strings; tantivy's
/// own failure is no file's.
impl From<crate::search::SearchError> for BuildError {
    fn from(err: crate::search::SearchError) -> BuildError {
        match err {
            crate::search::SearchError::Message(e) => {
                let mut diagnostics = Diagnostics::default();
                diagnostics.error(Location::file(format!("i18n/{}", e.lang)), e.to_string());
                BuildError::Content(diagnostics)
            }
            err => BuildError::Search(err),
        }
    }
}

impl From<Diagnostics> for BuildError {
    fn from(diagnostics: Diagnostics) -> BuildError {
        BuildError::Content(diagnostics)
    }
}

/// Everything a render needs, loaded and checked.
pub struct Loaded {
    pub site: Site,
    pub i18n: Arc<I18n>,
    pub theme: Theme,
    pub warnings: Diagnostics,
}

/// Load content, UI strings and theme; report every problem of all three.
pub fn load(root: &Path, base_url: Option<&str>) -> Result<Loaded, Diagnostics> {
    // Put into words in the site's first language; the edge puts them into
    // the reader's (the ids and arguments are kept).
    let (mut site, warnings) = content::load_site(root).map_err(|mut diagnostics| {
        let languages = content::load::site_languages(root);
        let lang = crate::i18n::reader_language(None, &|_| None, &languages);
        crate::i18n::localize(&mut diagnostics, &lang, None);
        diagnostics
    })?;
    if let Some(url) = base_url {
        site.config.base_url = if url.ends_with('/') {
            url.to_string()
        } else {
            format!("{url}/")
        };
    }
    let (i18n, theme) = load_strings_and_theme(root, &site).map_err(|mut diagnostics| {
        crate::i18n::localize(&mut diagnostics, site.config.default_language(), None);
        diagnostics
    })?;
    let mut warnings = warnings;
    let placeholders = Placeholders::of(&i18n, &site.config.languages);
    warnings.extend(placeholders::check(
        root,
        &site,
        &placeholders,
        base_url.is_some(),
    ));
    let mut warnings = warnings.sorted();
    // In the site's first language until the edge says whose they are.
    crate::i18n::localize(&mut warnings, site.config.default_language(), Some(&i18n));
    Ok(Loaded {
        site,
        i18n,
        theme,
        warnings,
    })
}

/// UI strings and theme for a site (IO), checked against each other: every
/// language has the same UI strings, and every string a template names exists.
pub fn load_strings_and_theme(root: &Path, site: &Site) -> Result<(Arc<I18n>, Theme), Diagnostics> {
    let config = &site.config;
    let i18n = I18n::load(&root.join("i18n"), &config.languages);
    let theme = Theme::load(root, &config.theme);
    let (i18n, theme) = match (i18n, theme) {
        (Ok(i18n), Ok(theme)) => (i18n, theme),
        (i18n, theme) => {
            let mut diagnostics = Diagnostics::default();
            if let Err(d) = i18n {
                diagnostics.extend(d);
            }
            if let Err(d) = theme {
                diagnostics.extend(d);
            }
            return Err(diagnostics);
        }
    };
    let mut diagnostics = Diagnostics::default();
    // A lookup never falls back to another language silently.
    let default = config.default_language();
    let default_ids = i18n.ids(default);
    for lang in &config.languages[1..] {
        let ids = i18n.ids(lang);
        for id in default_ids.symmetric_difference(&ids) {
            let (has, lacks) = if ids.contains(id) {
                (lang.as_str(), default)
            } else {
                (default, lang.as_str())
            };
            diagnostics.error(
                Location::file(format!("i18n/{lacks}")),
                format!("the UI string `{id}` is in i18n/{has}/ but not in i18n/{lacks}/"),
            );
        }
    }
    for id in theme.message_ids() {
        for lang in &config.languages {
            if !i18n.has(lang, &id) {
                diagnostics.error(
                    Location::file(format!("i18n/{lang}")),
                    format!(
                        "the theme uses the UI string `{id}`, which i18n/{lang}/ does not define"
                    ),
                );
            }
        }
    }
    if diagnostics.has_errors() {
        Err(diagnostics)
    } else {
        Ok((Arc::new(i18n), theme))
    }
}

/// Render a loaded site in memory: every page, asset and download (not the
/// search index).
pub fn render(loaded: &Loaded) -> Result<Vec<OutputFile>, Diagnostics> {
    let renderer = render::Renderer::new(&loaded.theme, loaded.i18n.clone())?;
    render_site(&renderer, &loaded.site)
}

/// Every page, asset and download of `site`, sorted by path.
pub fn render_site(renderer: &Renderer, site: &Site) -> Result<Vec<OutputFile>, Diagnostics> {
    let (mut outputs, diagnostics) =
        renderer.render_each(site, &SiteIndex::new(site), &Renderer::all_pages(site));
    if diagnostics.has_errors() {
        return Err(diagnostics.sorted());
    }
    site_files_each(renderer, site, |files| {
        outputs.extend(files);
        Ok::<_, Diagnostics>(true)
    })?;
    outputs.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(outputs)
}

/// Scorecards whose JSON and CSV downloads are made, then handed on, at a time.
const SCORECARDS_PER_DATA_BATCH: usize = 2048;

/// Every file of the site that is not a page of [`Renderer::all_pages`] or
/// the search index: the theme's fixed files and the open data, in groups
/// handed to `put` one at a time, so that a large site's downloads are never
/// all in memory. Stops early when `put` says false, and returns what `put`
/// last said.
pub fn site_files_each<E: From<Diagnostics>>(
    renderer: &Renderer,
    site: &Site,
    mut put: impl FnMut(Vec<OutputFile>) -> Result<bool, E>,
) -> Result<bool, E> {
    if !put(renderer.fixed_files(site)?)? {
        return Ok(false);
    }
    for scorecards in site.scorecards.chunks(SCORECARDS_PER_DATA_BATCH) {
        let files = scorecards
            .par_chunks(64)
            .flat_map_iter(|chunk| open_data::export_scorecards(chunk, site))
            .collect();
        if !put(files)? {
            return Ok(false);
        }
    }
    put(open_data::export_site(site))
}

/// How many pages are rendered, then written, at a time: enough to keep
/// every core busy, few enough that memory does not grow with the site.
const PAGES_PER_BATCH: usize = 4096;

/// How many bytes of changed files a rebuild over the last build's output
/// keeps until every page has rendered; past it, the build starts afresh
/// into a new folder.
const CHANGED_BYTES_BUDGET: usize = 256 << 20;

/// Where a build's files go.
enum Sink {
    /// A new folder that replaces the output when complete.
    Fresh(output::Staging),
    /// The last build's output, untouched since: only changes are written.
    InPlace(output::InPlace),
}

/// Build the site into `options.out`; on any error the old output stays.
///
/// Pages are rendered in batches. When the output is as the last build
/// left it, only the files that changed are written, once every page has
/// rendered (and nothing at all when the inputs are the same); otherwise
/// everything goes into a new folder beside the output, which replaces it
/// when complete.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    output::check_out(&options.root, &options.out).map_err(BuildError::Usage)?;
    let start = Instant::now();
    let fingerprint = record::inputs(
        &options.root,
        &options.out,
        options.base_url.as_deref(),
        options.drafts,
    );
    let previous = record::intact(&options.out);
    if let Some(record) = previous
        .as_ref()
        .filter(|r| !options.force && fingerprint.is_some_and(|f| record::up_to_date_with(r, f)))
        // A strict build fails on the warnings the last build had.
        .filter(|r| !options.strict || r.warnings.is_empty())
    {
        return Ok(BuildReport::up_to_date(record, start.elapsed()));
    }
    let mut loaded =
        load(&options.root, options.base_url.as_deref()).map_err(BuildError::Content)?;
    if !options.drafts {
        loaded.site = loaded.site.without_drafts(content::Date::today_utc());
    }
    if options.strict && !loaded.warnings.is_empty() {
        return Err(BuildError::Content(loaded.warnings.warnings_as_errors()));
    }
    let renderer =
        Renderer::new(&loaded.theme, loaded.i18n.clone()).map_err(BuildError::Content)?;
    let mut report = BuildReport::default();
    report.timings.push(("load", start.elapsed()));
    let io = |source| BuildError::Io {
        path: options.out.clone(),
        source,
    };
    let mut sink = match previous {
        Some(record) => Sink::InPlace(output::InPlace::new(&options.out, record.into_written())),
        None => Sink::Fresh(output::Staging::create(&options.out).map_err(io)?),
    };
    let mut search = Duration::ZERO;
    let pass = loop {
        let pass = render_into(&loaded, &renderer, &mut sink, &io, &options.progress)?;
        search += pass.search;
        if !pass.overflow {
            break pass;
        }
        // Too much changed to keep in memory: everything into a new folder.
        sink = Sink::Fresh(output::Staging::create(&options.out).map_err(io)?);
    };
    (report.pages, report.files) = (pass.pages, pass.files);
    report.timings.push(("render", pass.rendering));
    report.timings.push(("search index", search));
    let start = Instant::now();
    options.progress.tell(Stage::Writing, 0, 0);
    // The record goes first: a build that stops half-way leaves none, and
    // the next build starts afresh.
    record::forget(&options.out);
    let written = match sink {
        Sink::Fresh(staging) => staging.commit().map_err(io)?,
        Sink::InPlace(update) => {
            let (changed, written) = update.commit().map_err(io)?;
            report.changed = Some(changed);
            written
        }
    };
    report.warnings_text = loaded.warnings.to_string();
    if let Some(fingerprint) = fingerprint {
        let (pages, files, warnings) = (report.pages, report.files, report.warnings_text.clone());
        record::remember(&options.out, fingerprint, pages, files, warnings, written);
    }
    report
        .timings
        .push(("write", pass.writing + start.elapsed()));
    report.warnings = loaded.warnings;
    Ok(report)
}

impl BuildReport {
    /// Nothing changed since the last build into the folder.
    fn up_to_date(record: &record::Record, checked: Duration) -> BuildReport {
        BuildReport {
            up_to_date: true,
            pages: record.pages,
            files: record.files,
            warnings_text: record.warnings.clone(),
            timings: vec![("check", checked)],
            ..BuildReport::default()
        }
    }
}

/// What one pass of [`render_into`] did.
struct Pass {
    pages: usize,
    files: usize,
    rendering: Duration,
    search: Duration,
    /// Time spent handing files to the sink.
    writing: Duration,
    /// The changes outgrew the in-place sink's budget: the pass stopped.
    overflow: bool,
}

/// Hand the whole site to `sink`: the search index first (each language
/// as it is done: at a million pages it is over a gigabyte, not to be held
/// while pages render), then the pages in batches, then the other files.
/// Every render problem is reported, and nothing is kept after the first.
fn render_into(
    loaded: &Loaded,
    renderer: &Renderer,
    sink: &mut Sink,
    io: &impl Fn(std::io::Error) -> BuildError,
    progress: &Progress,
) -> Result<Pass, BuildError> {
    let site = &loaded.site;
    let mut pass = Pass {
        pages: 0,
        files: 0,
        rendering: Duration::ZERO,
        search: Duration::ZERO,
        writing: Duration::ZERO,
        overflow: false,
    };
    // A cell: `put` adds to it while the other stages' time is measured.
    let writing = std::cell::Cell::new(Duration::ZERO);
    let (mut pages, mut files) = (0, 0);
    let mut put = |batch: Vec<OutputFile>| -> Result<bool, BuildError> {
        pages += batch.iter().filter(|f| f.path.ends_with(".html")).count();
        files += batch.len();
        let start = Instant::now();
        let fits = match &mut *sink {
            Sink::InPlace(update) => update.add(batch, CHANGED_BYTES_BUDGET),
            Sink::Fresh(staging) => staging.write(batch).map(|()| true).map_err(io)?,
        };
        writing.set(writing.get() + start.elapsed());
        Ok(fits)
    };
    progress.tell(Stage::SearchIndex, 0, 0);
    let (fits, time) = without_writing(&writing, || {
        crate::search::build_files_each(site, &loaded.i18n, &mut put)
    });
    pass.search = time;
    pass.overflow = !fits?;
    let index = SiteIndex::new(site);
    let mut diagnostics = Diagnostics::default();
    let all_pages = Renderer::all_pages(site);
    let mut done = 0;
    for batch in all_pages.chunks(PAGES_PER_BATCH) {
        if pass.overflow {
            break;
        }
        progress.tell(Stage::Pages, done, all_pages.len());
        done += batch.len();
        let start = Instant::now();
        let (files, problems) = renderer.render_each(site, &index, batch);
        pass.rendering += start.elapsed();
        diagnostics.extend(problems);
        pass.overflow = !diagnostics.has_errors() && !put(files)?;
    }
    if diagnostics.has_errors() {
        return Err(BuildError::Content(diagnostics.sorted()));
    }
    if !pass.overflow {
        progress.tell(Stage::Downloads, 0, 0);
        let (fits, time) = without_writing(&writing, || site_files_each(renderer, site, &mut put));
        pass.overflow = !fits?;
        pass.rendering += time;
    }
    (pass.pages, pass.files) = (pages, files);
    pass.writing = writing.get();
    Ok(pass)
}
