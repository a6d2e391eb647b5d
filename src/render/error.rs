//! Why a page did not render, with what is needed to say where.

use crate::content::Site;
use crate::diagnostics::{Diagnostic, Location};
use crate::i18n::MessageError;
use crate::urls::Route;

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A template failed: its name under `templates/` and the line.
    #[error("{message}")]
    Template {
        template: String,
        line: Option<usize>,
        message: String,
    },
    /// A UI string could not be given.
    #[error(transparent)]
    Message(#[from] MessageError),
    /// The page's content is not what its route expects.
    #[error("{0}")]
    Content(String),
}

impl From<minijinja::Error> for RenderError {
    fn from(err: minijinja::Error) -> RenderError {
        let mut message = err.to_string();
        let mut source = std::error::Error::source(&err);
        while let Some(cause) = source {
            message.push_str(&format!(": {cause}"));
            source = cause.source();
        }
        RenderError::Template {
            template: err.name().unwrap_or("?").to_string(),
            line: err.line(),
            message,
        }
    }
}

impl From<&str> for RenderError {
    fn from(message: &str) -> RenderError {
        RenderError::Content(message.to_string())
    }
}

impl From<String> for RenderError {
    fn from(message: String) -> RenderError {
        RenderError::Content(message)
    }
}

/// A template's failure, at its file and line.
pub(super) fn template_diagnostic(theme: &str, err: RenderError) -> Diagnostic {
    let message = err.to_string();
    let location = match err {
        RenderError::Template { template, line, .. } => Location::new(
            format!("themes/{theme}/templates/{template}"),
            line.unwrap_or(1) as u32,
            1,
        ),
        RenderError::Message(e) => Location::file(format!("i18n/{}", e.lang)),
        RenderError::Content(_) => Location::file(format!("themes/{theme}/templates")),
    };
    Diagnostic::error(location, message)
}

/// A page's failure, where its cause is: the template and line, the
/// language's UI strings, or the content file of the page.
pub(super) fn page_diagnostic(
    theme: &str,
    site: &Site,
    lang: &str,
    route: &Route,
    err: RenderError,
) -> Diagnostic {
    let what = format!("rendering {route:?} in `{lang}`");
    match err {
        RenderError::Content(message) => Diagnostic::error(
            Location::file(source_of(site, route)),
            format!("{what}: {message}"),
        ),
        err => {
            let mut diagnostic = template_diagnostic(theme, err);
            diagnostic.message = format!("{what}: {}", diagnostic.message);
            diagnostic
        }
    }
}

/// The content file a page is made from (`site.yaml` for the pages made
/// from the whole site).
fn source_of(site: &Site, route: &Route) -> std::path::PathBuf {
    let found = match route {
        Route::Organisation(id) => site
            .organisations
            .iter()
            .find(|o| &o.id == id)
            .map(|o| o.file.clone()),
        Route::Scorecard(org, id) | Route::Goal(org, id, _) => site
            .scorecards
            .iter()
            .find(|s| s.organisation() == org && &s.id == id)
            .map(|s| s.file.clone()),
        Route::Post(slug) => site
            .updates
            .iter()
            .find(|u| &u.slug == slug)
            .and_then(|u| u.versions.values().next().map(|d| d.file.clone())),
        Route::Page(slug) => site
            .pages
            .iter()
            .find(|p| &p.slug == slug)
            .and_then(|p| p.versions.values().next().map(|d| d.file.clone())),
        Route::Metric(_) | Route::MetricPart(..) => site.metrics.first().map(|m| m.file.clone()),
        _ => None,
    };
    found.unwrap_or_else(|| site.config.file.clone())
}
