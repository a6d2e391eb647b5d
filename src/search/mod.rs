//! Full-text search: the site's content as search documents per language
//! (`documents`), indexed with tantivy (`index`), exported as a static client
//! index (`export`), and queried from the terminal and the preview server
//! (`query`). The JavaScript client (`themes/default/static/search.js`)
//! reads the export and ranks exactly as `query` does.

pub mod compounds;
pub mod export;
pub mod index;
pub mod query;
mod stopwords;

use crate::content::texts::each_text;
use crate::content::{Goal, Indicator, Scorecard, Site, Status, Text};
use crate::diagnostics::{Diagnostic, Location};
use crate::i18n::{I18n, MessageError};
use crate::markdown;
use crate::output::OutputFile;
use crate::render::context::{self, PageContext, SiteIndex};
use crate::urls::{Route, dir};

pub use index::LangIndex;

pub use crate::urls::SEARCH_FACETS as FACETS;

/// A facet value: what filters match on, and what people read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue {
    pub value: String,
    pub label: String,
}

/// One searchable thing, in one language: a goal, target, indicator, risk,
/// scorecard, update or page.
#[derive(Debug, Clone)]
pub struct SearchDoc {
    pub title: String,
    pub body: String,
    /// Relative to the site root, e.g. `fi/espoo/2021-kaupunkitekniikka/kavely/#pyoratiet`.
    pub url: String,
    /// One optional value per facet of `FACETS`.
    pub facets: [Option<FacetValue>; 6],
}

/// Build the search documents of one language, in site order (documents of
/// one scorecard and theme stay together, which keeps the client's facet
/// table small).
pub fn documents(site: &Site, i18n: &I18n, lang: &str) -> Result<Vec<SearchDoc>, MessageError> {
    let accessibility_slug = crate::urls::accessibility_slug(i18n, lang)?;
    let index = SiteIndex::new(site);
    let ctx = PageContext {
        site,
        index: &index,
        i18n,
        lang,
        here: String::new(),
        absolute_base: None,
        accessibility_slug,
    };
    let mut docs = Vec::new();
    site_docs(&ctx, &mut docs)?;
    for scorecard in &site.scorecards {
        scorecard_docs(&ctx, scorecard, &mut docs)?;
    }
    for update in &site.updates {
        let (doc, _) = context::pick_version(&ctx, &update.versions);
        let organisation = doc
            .front
            .organisation
            .as_ref()
            .and_then(|o| organisation_facet(&ctx, &o.value));
        let mut body = doc.front.summary.clone().unwrap_or_default();
        push_text(&mut body, &markdown::to_plain_text(&doc.body));
        docs.push(SearchDoc {
            title: doc.front.title.clone(),
            body,
            url: ctx.dir_of(&Route::Post(update.slug.clone())),
            facets: [
                organisation,
                Some(plain_facet(update.date.year.to_string())),
                None,
                None,
                None,
                Some(type_facet(&ctx, "update")?),
            ],
        });
    }
    for page in &site.pages {
        let (doc, _) = context::pick_version(&ctx, &page.versions);
        let mut body = doc.front.summary.clone().unwrap_or_default();
        push_text(&mut body, &markdown::to_plain_text(&doc.body));
        docs.push(SearchDoc {
            title: doc.front.title.clone(),
            body,
            url: ctx.dir_of(&Route::Page(page.slug.clone())),
            facets: [
                None,
                None,
                None,
                None,
                None,
                Some(type_facet(&ctx, "page")?),
            ],
        });
    }
    Ok(docs)
}

/// The pages about the site and its organisations: the home page, each
/// organisation's and shared metric's page, and the accessibility
/// statement, which residents look for by name.
fn site_docs(ctx: &PageContext, docs: &mut Vec<SearchDoc>) -> Result<(), MessageError> {
    let site = ctx.site;
    let config = &site.config;
    let page = |ctx: &PageContext| type_facet(ctx, "page");
    let mut body = texts_body(ctx, &config.description, &|_| false);
    push_text(&mut body, &texts_body(ctx, &config.publisher, &|_| false));
    docs.push(SearchDoc {
        title: plain(ctx, &config.title),
        body,
        url: ctx.dir_of(&Route::Home),
        facets: [None, None, None, None, None, Some(page(ctx)?)],
    });
    for organisation in &site.organisations {
        let mut body = texts_body(ctx, &organisation.data, &|path| path == "name");
        for scorecard in site
            .scorecards
            .iter()
            .filter(|s| s.organisation() == &organisation.id)
        {
            push_text(&mut body, &context::scorecard_title(ctx, scorecard)?);
        }
        docs.push(SearchDoc {
            title: plain(ctx, &organisation.data.name),
            body,
            url: ctx.dir_of(&Route::Organisation(organisation.id.clone())),
            facets: [
                organisation_facet(ctx, &organisation.id),
                None,
                None,
                None,
                None,
                Some(type_facet(ctx, "organisation")?),
            ],
        });
    }
    for metric in &site.metrics {
        let mut body = texts_body(ctx, &metric.data, &|path| path == "title");
        push_text(&mut body, &ctx.t("metric-intro")?);
        docs.push(SearchDoc {
            title: plain(ctx, &metric.data.title),
            body,
            url: ctx.dir_of(&Route::Metric(metric.data.id.value.clone())),
            facets: [
                None,
                None,
                None,
                None,
                None,
                Some(type_facet(ctx, "indicator")?),
            ],
        });
    }
    if !site.updates.is_empty() {
        let mut body = String::new();
        for update in &site.updates {
            let (doc, _) = context::pick_version(ctx, &update.versions);
            push_text(&mut body, &doc.front.title);
        }
        docs.push(SearchDoc {
            title: ctx.t("updates-title")?,
            body,
            url: ctx.dir_of(&Route::Posts),
            facets: [None, None, None, None, None, Some(page(ctx)?)],
        });
    }
    let statement = &config.accessibility;
    let mut args = fluent::FluentArgs::new();
    args.set("site", plain(ctx, &config.title));
    let mut body = ctx.t_args("accessibility-intro", &args)?;
    let compliance = match statement.compliance.value {
        crate::content::Compliance::Fully => "fully",
        crate::content::Compliance::Partially => "partially",
        crate::content::Compliance::Not => "not",
    };
    push_text(
        &mut body,
        &ctx.t(&format!("accessibility-compliance-{compliance}"))?,
    );
    push_text(&mut body, &texts_body(ctx, statement, &|_| false));
    push_text(&mut body, &ctx.t("accessibility-feedback-intro")?);
    docs.push(SearchDoc {
        title: ctx.t("accessibility-title")?,
        body,
        url: ctx.dir_of(&Route::Accessibility),
        facets: [None, None, None, None, None, Some(page(ctx)?)],
    });
    Ok(())
}

fn push_text(body: &mut String, text: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    if !body.is_empty() {
        body.push('\n');
    }
    body.push_str(text);
}

fn plain_facet(value: String) -> FacetValue {
    FacetValue {
        label: value.clone(),
        value,
    }
}

fn type_facet(ctx: &PageContext, kind: &str) -> Result<FacetValue, MessageError> {
    Ok(FacetValue {
        value: kind.to_string(),
        label: ctx.t(&format!("search-type-{kind}"))?,
    })
}

fn organisation_facet(ctx: &PageContext, id: &crate::content::Id) -> Option<FacetValue> {
    let org = ctx.site.organisations.iter().find(|o| &o.id == id)?;
    Some(FacetValue {
        value: id.to_string(),
        label: ctx.txt(&org.data.name).text,
    })
}

fn status_facet(
    ctx: &PageContext,
    status: Option<Status>,
) -> Result<Option<FacetValue>, MessageError> {
    status
        .map(|s| {
            Ok(FacetValue {
                value: s.as_str().to_string(),
                label: ctx.t(&format!("status-{}", s.as_str()))?,
            })
        })
        .transpose()
}

fn plain(ctx: &PageContext, text: &Text) -> String {
    ctx.txt(text).text
}

/// The words of every text in `value` but the fields `skip` names (by
/// their path inside `value`, e.g. `title` or `targets`): a text field the
/// model gains is found without being listed here.
fn texts_body<T: serde::Serialize + ?Sized>(
    ctx: &PageContext,
    value: &T,
    skip: &dyn Fn(&str) -> bool,
) -> String {
    let mut body = String::new();
    each_text(value, "", skip, &mut |_, text| {
        push_text(&mut body, &words(ctx, text))
    });
    body
}

/// A text's words in the context's language; Markdown is read as text,
/// and a text without a Markdown mark is taken as it is (most are titles).
fn words(ctx: &PageContext, text: &Text) -> String {
    let text = ctx.txt(text).text;
    if text.contains(['*', '_', '[', '`', '#', '<', '|', '~', '&', '\\', '\n']) {
        markdown::to_plain_text(&text)
    } else {
        text
    }
}

fn indicator_body(ctx: &PageContext, indicator: &Indicator) -> String {
    texts_body(ctx, indicator, &|path| path == "title")
}

fn scorecard_docs(
    ctx: &PageContext,
    scorecard: &Scorecard,
    docs: &mut Vec<SearchDoc>,
) -> Result<(), MessageError> {
    let data = &scorecard.data;
    let org = scorecard.organisation().clone();
    let organisation = organisation_facet(ctx, &org);
    let year = Some(plain_facet(data.year.to_string()));
    let kind = Some(FacetValue {
        value: match data.kind {
            crate::content::ScorecardKind::Scorecard => "scorecard",
            crate::content::ScorecardKind::AnnualReport => "annual-report",
            crate::content::ScorecardKind::Budget => "budget",
        }
        .to_string(),
        label: context::kind_label(ctx, data.kind)?,
    });
    let scorecard_dir = ctx.dir_of(&Route::Scorecard(org.clone(), scorecard.id.clone()));
    let facets = |theme: Option<FacetValue>,
                  status: Option<FacetValue>,
                  kind_of: &str|
     -> Result<[Option<FacetValue>; 6], MessageError> {
        Ok([
            organisation.clone(),
            year.clone(),
            kind.clone(),
            theme,
            status,
            Some(type_facet(ctx, kind_of)?),
        ])
    };

    // Goals and risks are documents of their own.
    let body = texts_body(ctx, data, &|path| {
        path == "risks" || path.ends_with(".goals")
    });
    docs.push(SearchDoc {
        title: context::scorecard_title(ctx, scorecard)?,
        body,
        url: scorecard_dir.clone(),
        facets: facets(None, None, "scorecard")?,
    });

    for theme in &data.themes {
        let theme_facet = Some(plain_facet(plain(ctx, &theme.title)));
        for goal in &theme.goals {
            let goal_dir = dir(
                ctx.lang,
                &Route::Goal(org.clone(), scorecard.id.clone(), goal.id.value.clone()),
                &ctx.accessibility_slug,
            );
            goal_docs(
                ctx,
                goal,
                &goal_dir,
                |status, kind_of| facets(theme_facet.clone(), status, kind_of),
                docs,
            )?;
        }
    }
    for (i, risk) in data.risks.iter().enumerate() {
        let theme = data
            .themes
            .iter()
            .find(|t| t.id.value == risk.theme.value)
            .map(|t| plain_facet(plain(ctx, &t.title)));
        docs.push(SearchDoc {
            title: plain(ctx, &risk.title),
            body: texts_body(ctx, risk, &|path| path == "title"),
            url: format!("{scorecard_dir}#risk-{}", i + 1),
            facets: facets(theme, None, "risk")?,
        });
    }
    Ok(())
}

fn goal_docs(
    ctx: &PageContext,
    goal: &Goal,
    goal_dir: &str,
    facets: impl Fn(Option<FacetValue>, &str) -> Result<[Option<FacetValue>; 6], MessageError>,
    docs: &mut Vec<SearchDoc>,
) -> Result<(), MessageError> {
    // Indicators and targets are documents of their own; the goal's page
    // shows their titles.
    let mut body = texts_body(ctx, goal, &|path| {
        matches!(path, "title" | "indicators" | "targets")
    });
    for indicator in &goal.indicators {
        push_text(&mut body, &plain(ctx, &indicator.title));
    }
    for target in &goal.targets {
        push_text(&mut body, &plain(ctx, &target.title));
        for indicator in &target.indicators {
            push_text(&mut body, &plain(ctx, &indicator.title));
        }
    }
    docs.push(SearchDoc {
        title: plain(ctx, &goal.title),
        body,
        url: goal_dir.to_string(),
        facets: facets(
            status_facet(
                ctx,
                if goal.targets.is_empty() {
                    Some(goal.status.unwrap_or(Status::NotAssessed))
                } else {
                    goal.status
                },
            )?,
            "goal",
        )?,
    });
    for indicator in &goal.indicators {
        docs.push(SearchDoc {
            title: plain(ctx, &indicator.title),
            body: indicator_body(ctx, indicator),
            url: goal_dir.to_string(),
            facets: facets(None, "indicator")?,
        });
    }
    for target in &goal.targets {
        let body = texts_body(ctx, target, &|path| matches!(path, "title" | "indicators"));
        let url = format!("{goal_dir}#{}", target.id.value);
        docs.push(SearchDoc {
            title: plain(ctx, &target.title),
            body,
            url: url.clone(),
            facets: facets(
                status_facet(ctx, Some(target.status.unwrap_or(Status::NotAssessed)))?,
                "target",
            )?,
        });
        for indicator in &target.indicators {
            docs.push(SearchDoc {
                title: plain(ctx, &indicator.title),
                body: indicator_body(ctx, indicator),
                url: url.clone(),
                facets: facets(None, "indicator")?,
            });
        }
    }
    Ok(())
}

/// Why the search index could not be made.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// A UI string of a document's text (a facet's label) could not be given.
    #[error(transparent)]
    Message(#[from] MessageError),
    /// tantivy failed to index or export a language (in memory, so not a
    /// problem of any file).
    #[error("the search index in `{lang}`: {source}")]
    Index {
        lang: String,
        source: tantivy::TantivyError,
    },
}

impl SearchError {
    /// As a diagnostic: a UI string in its language's folder, an index
    /// failure at `out`, where the index was to be written.
    pub fn diagnostic(&self, out: &std::path::Path) -> Diagnostic {
        let location = match self {
            SearchError::Message(e) => Location::file(format!("i18n/{}", e.lang)),
            SearchError::Index { .. } => Location::file(out),
        };
        Diagnostic::error(location, self.to_string())
    }
}

/// Index every language and export the client files under `search/{lang}/`.
///
/// Languages are indexed in parallel, but no more at a time than there are
/// threads: each holds its documents and its index in memory (about half a
/// gigabyte per language at a million pages), and a third language beside
/// two cores only adds memory, not speed.
pub fn build_files(site: &Site, i18n: &I18n) -> Result<Vec<OutputFile>, SearchError> {
    let mut files = Vec::new();
    build_files_each(site, i18n, |batch| {
        files.extend(batch);
        Ok::<_, SearchError>(true)
    })?;
    Ok(files)
}

/// [`build_files`], handing each group of languages' files to `put` as soon
/// as they are exported; stops when `put` says false and returns its answer.
pub fn build_files_each<E: From<SearchError>>(
    site: &Site,
    i18n: &I18n,
    mut put: impl FnMut(Vec<OutputFile>) -> Result<bool, E>,
) -> Result<bool, E> {
    use rayon::prelude::*;
    for languages in site
        .config
        .languages
        .chunks(rayon::current_num_threads().max(1))
    {
        let per_lang: Vec<Result<Vec<OutputFile>, SearchError>> = languages
            .par_iter()
            .map(|lang| {
                let index = LangIndex::build(site, i18n, lang)?;
                export::export(&index).map_err(|source| SearchError::Index {
                    lang: lang.clone(),
                    source,
                })
            })
            .collect();
        let mut files = Vec::new();
        for result in per_lang {
            files.extend(result?);
        }
        if !put(files)? {
            return Ok(false);
        }
    }
    Ok(true)
}
