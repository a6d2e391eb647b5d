//! The pipeline: load -> parse -> validate -> render -> write, with timings.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::content::{self, Site};
use crate::diagnostics::{Diagnostics, Location};
use crate::i18n::I18n;
use crate::output;
use crate::render::{self, OutputFile, Theme};

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub out: PathBuf,
    /// Overrides `base_url` of site.yaml.
    pub base_url: Option<String>,
}

#[derive(Debug, Default)]
pub struct BuildReport {
    pub pages: usize,
    pub files: usize,
    pub warnings: Diagnostics,
    pub timings: Vec<(&'static str, Duration)>,
}

/// Why a build did not produce a site.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("{}", .0)]
    Content(Diagnostics),
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
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
    let (mut site, warnings) = content::load_site(root)?;
    if let Some(url) = base_url {
        site.config.base_url = if url.ends_with('/') {
            url.to_string()
        } else {
            format!("{url}/")
        };
    }
    let (i18n, theme) = load_strings_and_theme(root, &site)?;
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

/// Render a loaded site in memory.
pub fn render(loaded: &Loaded) -> Result<Vec<OutputFile>, Diagnostics> {
    render::render_site(&loaded.site, loaded.i18n.clone(), &loaded.theme)
}

/// The search index of every language, exported for the client
/// (`search/{lang}/...`), to be written with the pages.
pub fn search_files(loaded: &Loaded) -> Result<Vec<OutputFile>, Diagnostics> {
    crate::search::build_files(&loaded.site, &loaded.i18n).map_err(|message| {
        let mut diagnostics = Diagnostics::default();
        diagnostics.error(Location::file("content"), message);
        diagnostics
    })
}

/// Build the site into `options.out`; on any error the old output stays.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let mut report = BuildReport::default();
    let start = Instant::now();
    let loaded = load(&options.root, options.base_url.as_deref()).map_err(BuildError::Content)?;
    report.timings.push(("load", start.elapsed()));
    let start = Instant::now();
    let mut files = render(&loaded).map_err(BuildError::Content)?;
    report.timings.push(("render", start.elapsed()));
    let start = Instant::now();
    files.extend(search_files(&loaded).map_err(BuildError::Content)?);
    report.timings.push(("search index", start.elapsed()));
    let start = Instant::now();
    output::write_site_atomically(&options.out, &files).map_err(|source| BuildError::Io {
        path: options.out.clone(),
        source,
    })?;
    report.timings.push(("write", start.elapsed()));
    report.pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
    report.files = files.len();
    report.warnings = loaded.warnings;
    Ok(report)
}
