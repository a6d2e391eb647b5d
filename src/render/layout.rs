//! What every page shares around its own content: title, language
//! versions, breadcrumbs, navigation and the footer's links.

use serde::Serialize;

use super::context::{Link, LocalText, PageContext, page_title};
use crate::content::Date;
use crate::render::error::RenderError;
use crate::urls::{self, Route, dir};

#[derive(Debug, Clone, Serialize)]
pub struct Alternate {
    pub lang: String,
    /// The language's name in itself: suomi, svenska, English.
    pub name: String,
    pub href: String,
    pub url: String,
    pub current: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Layout {
    pub lang: String,
    pub title: String,
    pub description: String,
    pub site_title: LocalText,
    pub publisher: Option<LocalText>,
    /// None for pages served at any URL (404).
    pub canonical: Option<String>,
    pub alternates: Vec<Alternate>,
    pub breadcrumbs: Vec<Link>,
    pub home: String,
    pub updates: String,
    pub accessibility: String,
    /// The search page, where the search form on every page leads.
    pub search: String,
    pub css: String,
    /// The theme's static files' folder, ending in `/` (`{{ layout.assets }}favicon.svg`).
    pub assets: String,
    pub pages: Vec<Link>,
    /// This language's Atom feed of updates.
    pub feed: String,
    /// The whole dataset as JSON, and its JSON Schema.
    pub dataset: String,
    pub dataset_schema: String,
    pub licence: String,
    /// Where a reader sends feedback on the site: the feedback form of
    /// `site.yaml`'s accessibility section, else a mail to its address.
    pub feedback: String,
    /// The page shows a draft or a scheduled update (the preview, `build
    /// --drafts`): the layout says so in words on the page.
    pub draft: bool,
}

/// Whether the page of `route` shows a draft or an update dated later.
fn shows_draft(ctx: &PageContext, route: &Route) -> bool {
    let site = ctx.site;
    match route {
        Route::Scorecard(org, sc) | Route::Goal(org, sc, _) => ctx
            .index
            .scorecard(site, org, sc)
            .is_ok_and(|s| s.is_draft()),
        Route::Post(slug) => site
            .updates
            .iter()
            .any(|u| &u.slug == slug && u.is_draft(Date::today_utc())),
        Route::Page(slug) => site.pages.iter().any(|p| &p.slug == slug && p.is_draft()),
        _ => false,
    }
}

pub fn layout(
    ctx: &PageContext,
    route: &Route,
    title: String,
    description: String,
    breadcrumbs: Vec<Link>,
    css_file: &str,
) -> Result<Layout, RenderError> {
    let config = &ctx.site.config;
    let alternates = config
        .languages
        .iter()
        .map(|lang| {
            let other = dir(lang, route, &urls::accessibility_slug(ctx.i18n, lang)?);
            Ok(Alternate {
                lang: lang.clone(),
                name: ctx.i18n.message(lang, "language-name", None)?,
                href: ctx.link(&other),
                url: format!("{}{}", config.base_url, other),
                current: lang == ctx.lang,
            })
        })
        .collect::<Result<Vec<_>, RenderError>>()?;
    let pages = ctx
        .site
        .pages
        .iter()
        .map(|p| Link {
            href: ctx.href(&Route::Page(p.slug.clone())),
            text: page_title(ctx, p),
        })
        .collect();
    Ok(Layout {
        lang: ctx.lang.to_string(),
        title,
        description,
        site_title: ctx.txt(&config.title),
        publisher: ctx.opt_txt(&config.publisher),
        canonical: (route != &Route::NotFound)
            .then(|| format!("{}{}", config.base_url, ctx.dir_of(route))),
        alternates,
        breadcrumbs,
        home: ctx.href(&Route::Home),
        updates: ctx.href(&Route::Posts),
        accessibility: ctx.href(&Route::Accessibility),
        search: ctx.href(&Route::Search),
        css: ctx.link(&format!("assets/{css_file}")),
        assets: ctx.link("assets/"),
        pages,
        feed: ctx.link(&urls::feed(ctx.lang)),
        dataset: ctx.link(urls::DATASET),
        dataset_schema: ctx.link(urls::DATASET_SCHEMA),
        licence: ctx.site.config.licence().to_string(),
        draft: shows_draft(ctx, route),
        feedback: {
            let feedback = &config.accessibility.feedback;
            match &feedback.url {
                Some(url) => url.value.clone(),
                None => format!("mailto:{}", feedback.email),
            }
        },
    })
}
