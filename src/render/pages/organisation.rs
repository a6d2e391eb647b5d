//! An organisation's page: its scorecards, networks and updates.

use serde::Serialize;

use super::Page;
use crate::content::Id;
use crate::render::cards::{PostItem, ScorecardCard, post_item, scorecard_card};
use crate::render::context::{Link, LocalText, PageContext, web_link};
use crate::render::error::RenderError;
use crate::urls::Route;

pub fn page(ctx: &PageContext, id: &Id) -> Result<Page, RenderError> {
    let view = view(ctx, id)?;
    Ok(Page::titled(
        ctx,
        "organisation.html",
        view.name.text.clone(),
        &view,
    ))
}

#[derive(Debug, Clone, Serialize)]
pub struct OrganisationView {
    pub name: LocalText,
    pub municipality_code: Option<String>,
    pub website: Option<String>,
    pub languages: Vec<String>,
    pub networks: Vec<Link>,
    pub scorecards: Vec<ScorecardCard>,
    pub updates: Vec<PostItem>,
}

fn view(ctx: &PageContext, id: &Id) -> Result<OrganisationView, RenderError> {
    let site = ctx.site;
    let org = &site.organisations[*ctx
        .index
        .organisations
        .get(id)
        .ok_or("no such organisation")?];
    let mut networks: Vec<Link> = org
        .data
        .networks
        .iter()
        .filter_map(|n| {
            let network = site.networks.iter().find(|x| x.data.id.value == n.value)?;
            let href = match &network.data.page {
                Some(slug) => ctx.href(&Route::Page(slug.value.clone())),
                None => ctx.href(&Route::Home),
            };
            Some(Link {
                href,
                text: ctx.txt(&network.data.name),
            })
        })
        .collect();
    ctx.sort_links(&mut networks);
    Ok(OrganisationView {
        name: ctx.txt(&org.data.name),
        municipality_code: org.data.municipality_code.clone(),
        website: web_link(org.data.website.as_ref()),
        languages: org
            .data
            .languages
            .iter()
            .map(|l| {
                ctx.t(&format!("lang-name-{l}"))
                    .or_else(|_| Ok::<_, String>(l.clone()))
            })
            .collect::<Result<_, _>>()?,
        networks,
        scorecards: ctx
            .index
            .scorecards_of(site, id)
            .map(|s| scorecard_card(ctx, s))
            .collect::<Result<_, _>>()?,
        updates: site
            .updates
            .iter()
            .filter(|u| {
                u.versions.values().any(|d| {
                    d.front
                        .organisation
                        .as_ref()
                        .is_some_and(|o| &o.value == id)
                })
            })
            .map(|u| post_item(ctx, u))
            .collect::<Result<_, _>>()?,
    })
}
