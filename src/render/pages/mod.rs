//! The page types: each module builds its view for the template and says
//! which template renders it, with the page's title, description and
//! breadcrumbs. A new page type is a module here, its template and a
//! [`Route`].

mod accessibility;
mod goal;
mod home;
mod metric;
mod organisation;
mod page;
mod scorecard;
mod search;
mod updates;

use minijinja::Value;
use serde::Serialize;

use super::context::{Link, LocalText, PageContext};
use crate::render::error::RenderError;
use crate::urls::Route;

/// A page ready for the layout: its template, the texts of its head and
/// breadcrumbs, and the view its template reads as `page`.
pub struct Page {
    pub template: &'static str,
    pub title: String,
    /// The page's `<meta name="description">`.
    pub description: String,
    pub breadcrumbs: Vec<Link>,
    pub view: Value,
}

impl Page {
    fn new(
        template: &'static str,
        title: String,
        description: String,
        breadcrumbs: Vec<Link>,
        view: &impl Serialize,
    ) -> Page {
        Page {
            template,
            title,
            description,
            breadcrumbs,
            view: Value::from(minijinja::value::Serde(view)),
        }
    }
}

impl Page {
    /// A page below the home page whose title is also its description.
    fn titled(
        ctx: &PageContext,
        template: &'static str,
        title: String,
        view: &impl Serialize,
    ) -> Page {
        Page::new(template, title.clone(), title, vec![home_link(ctx)], view)
    }
}

/// The page of `route` in the language of `ctx`.
pub fn page(ctx: &PageContext, route: &Route) -> Result<Page, RenderError> {
    match route {
        Route::Home => home::page(ctx),
        Route::Organisation(id) => organisation::page(ctx, id),
        Route::Scorecard(org, sc) => scorecard::page(ctx, org, sc),
        Route::Goal(org, sc, goal) => goal::page(ctx, org, sc, goal),
        Route::Posts => updates::list(ctx),
        Route::Post(slug) => updates::page(ctx, slug),
        Route::Page(slug) => page::page(ctx, slug),
        Route::Metric(id) => metric::page(ctx, id),
        Route::MetricPart(id, year, n) => metric::part(ctx, id, *year, *n),
        Route::Accessibility => accessibility::page(ctx),
        Route::Search => search::page(ctx),
        Route::SearchPart(n) => search::part(ctx, *n),
        Route::NotFound => {
            let title = ctx.t("not-found-title")?;
            Ok(Page::new("404.html", title.clone(), title, vec![], &()))
        }
    }
}

/// The first breadcrumb of every page but the home page.
fn home_link(ctx: &PageContext) -> Link {
    Link {
        href: ctx.href(&Route::Home),
        text: LocalText {
            text: ctx.t("nav-home").unwrap_or_default(),
            lang: None,
        },
    }
}

/// Links to the shared-metric pages, for the home page.
pub use metric::metric_links;
