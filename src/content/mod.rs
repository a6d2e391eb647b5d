//! Content: `load` (IO: read the files) -> `parse` (YAML and Markdown into
//! the model, every error collected) -> `validate` (references and rules).

pub mod load;
pub mod model;
pub mod parse;
pub mod structure;
pub mod texts;
pub mod translations;
pub mod validate;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostics;
pub use model::*;

/// A loaded, parsed and validated site, ready to render.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: Config,
    pub organisations: Vec<Organisation>,
    pub networks: Vec<Network>,
    pub metrics: Vec<Metric>,
    pub scorecards: Vec<Scorecard>,
    pub updates: Vec<NewsPost>,
    pub pages: Vec<Page>,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub file: PathBuf,
    pub title: Text,
    pub base_url: String,
    pub languages: Vec<String>,
    pub theme: String,
    pub description: Option<Text>,
    pub publisher: Option<Text>,
    pub licence: Option<String>,
    pub accessibility: AccessibilityFile,
}

/// The licence of the open data when `site.yaml` names none.
pub const DEFAULT_LICENCE: &str = "CC BY 4.0";

impl Config {
    pub fn default_language(&self) -> &str {
        &self.languages[0]
    }

    /// The licence of the site's open data.
    pub fn licence(&self) -> &str {
        self.licence.as_deref().unwrap_or(DEFAULT_LICENCE)
    }
}

#[derive(Debug, Clone)]
pub struct Organisation {
    pub id: Id,
    pub file: PathBuf,
    pub data: OrganisationFile,
}

#[derive(Debug, Clone)]
pub struct Network {
    pub file: PathBuf,
    pub data: NetworkFile,
}

#[derive(Debug, Clone)]
pub struct Metric {
    pub file: PathBuf,
    pub data: MetricFile,
}

#[derive(Debug, Clone)]
pub struct Scorecard {
    pub id: Id,
    pub file: PathBuf,
    pub data: ScorecardFile,
}

impl Scorecard {
    pub fn organisation(&self) -> &Id {
        &self.data.organisation.value
    }

    /// Marked `draft: true`: not published by `build`.
    pub fn is_draft(&self) -> bool {
        self.data.draft
    }

    /// Every goal, with its theme, in document order.
    pub fn goals(&self) -> impl Iterator<Item = (&Theme, &Goal)> {
        self.data
            .themes
            .iter()
            .flat_map(|theme| theme.goals.iter().map(move |goal| (theme, goal)))
    }
}

/// A Markdown file with YAML front matter, in one language.
#[derive(Debug, Clone)]
pub struct MarkdownDoc<F> {
    pub file: PathBuf,
    pub front: F,
    pub body: String,
}

/// A news post, in the languages it is written in.
#[derive(Debug, Clone)]
pub struct NewsPost {
    pub slug: Id,
    pub date: Date,
    pub versions: BTreeMap<String, MarkdownDoc<PostFrontMatter>>,
}

/// A static page, in the languages it is written in.
#[derive(Debug, Clone)]
pub struct Page {
    pub slug: Id,
    pub versions: BTreeMap<String, MarkdownDoc<PageFrontMatter>>,
}

impl NewsPost {
    /// Marked `draft: true` in a language version, or dated after `today`
    /// (scheduled): not published by `build`.
    pub fn is_draft(&self, today: Date) -> bool {
        self.date > today || self.versions.values().any(|doc| doc.front.draft)
    }
}

impl Page {
    /// Marked `draft: true` in a language version: not published by `build`.
    pub fn is_draft(&self) -> bool {
        self.versions.values().any(|doc| doc.front.draft)
    }
}

impl Site {
    /// The site as `build` publishes it on `today`: without drafts and
    /// updates dated later. Everything was checked before, drafts included,
    /// so a draft's mistakes show before it is published.
    pub fn without_drafts(mut self, today: Date) -> Site {
        self.scorecards.retain(|s| !s.is_draft());
        self.updates.retain(|u| !u.is_draft(today));
        self.pages.retain(|p| !p.is_draft());
        self
    }

    /// Whether anything of the site is a draft or scheduled on `today`.
    pub fn has_drafts(&self, today: Date) -> bool {
        self.scorecards.iter().any(Scorecard::is_draft)
            || self.updates.iter().any(|u| u.is_draft(today))
            || self.pages.iter().any(Page::is_draft)
    }
}

/// Load, parse and validate the site under `root`. Either a site and its
/// warnings, or every problem found.
pub fn load_site(root: &Path) -> Result<(Site, Diagnostics), Diagnostics> {
    let files = load::read_content(root)?;
    let (site, failed, mut diagnostics) = parse::parse_site(&files);
    // References are checked even when some files failed, so one run shows all.
    let Some(site) = site else {
        return Err(finish(diagnostics, &files));
    };
    validate::validate(&site, &failed, &mut diagnostics);
    let diagnostics = finish(diagnostics, &files);
    if diagnostics.has_errors() {
        Err(diagnostics)
    } else {
        Ok((site, diagnostics))
    }
}

fn finish(mut diagnostics: Diagnostics, files: &load::ContentFiles) -> Diagnostics {
    attach_sources(&mut diagnostics, &files.files);
    diagnostics.sorted()
}

/// The source lines for the excerpts of `diagnostics`, from those of
/// `files` they point into (only those: each is split into lines, which for
/// every file would be another pass over all the content).
pub fn attach_sources(diagnostics: &mut Diagnostics, files: &[load::SourceFile]) {
    let paths: std::collections::HashSet<std::path::PathBuf> = diagnostics
        .iter()
        .map(|d| d.location.path.clone())
        .collect();
    for file in files.iter().filter(|f| paths.contains(&f.path)) {
        diagnostics.attach_source(&file.path, &file.text);
    }
}
