//! A static page (`pages/<slug>.<lang>.md`); a network's page also lists
//! the network's members. [`DocView`] is the view of updates too.

use serde::Serialize;

use super::{Page, home_link};
use crate::content::{self, Id};
use crate::markdown;
use crate::render::context::{
    Link, LocalMarkdown, LocalText, PageContext, network_members, pick_version,
};
use crate::render::error::RenderError;

pub fn page(ctx: &PageContext, slug: &Id) -> Result<Page, RenderError> {
    let page = ctx
        .site
        .pages
        .iter()
        .find(|p| &p.slug == slug)
        .ok_or("no such page")?;
    let view = view(ctx, page);
    let (doc, _) = pick_version(ctx, &page.versions);
    let description = doc
        .front
        .summary
        .clone()
        .unwrap_or_else(|| view.title.text.clone());
    Ok(Page::new(
        "page.html",
        view.title.text.clone(),
        description,
        vec![home_link(ctx)],
        &view,
    ))
}

#[derive(Debug, Clone, Serialize)]
pub struct DocView {
    pub title: LocalText,
    pub date: Option<String>,
    pub iso_date: Option<String>,
    pub body: LocalMarkdown,
    pub organisation: Option<Link>,
    pub related: Vec<Link>,
    /// On a network's page: its member organisations.
    pub members: Vec<Link>,
}

fn view(ctx: &PageContext, page: &content::Page) -> DocView {
    let (doc, lang) = pick_version(ctx, &page.versions);
    DocView {
        title: LocalText {
            text: doc.front.title.clone(),
            lang: lang.clone(),
        },
        date: None,
        iso_date: None,
        body: LocalMarkdown {
            html: markdown::to_html(&doc.body, 2),
            lang,
        },
        organisation: None,
        related: Vec::new(),
        members: members_of_page(ctx, &page.slug),
    }
}

/// Members of the network whose `page` is this page, with links.
fn members_of_page(ctx: &PageContext, slug: &Id) -> Vec<Link> {
    ctx.site
        .networks
        .iter()
        .find(|n| n.data.page.as_ref().is_some_and(|p| &p.value == slug))
        .map(|network| network_members(ctx, network))
        .unwrap_or_default()
}
