//! The home page: every organisation's latest scorecards, the networks,
//! the latest updates and the shared metrics, with the status of it all.

use serde::Serialize;

use super::{Page, metric_links};
use crate::content::Date;
use crate::render::cards::{PostItem, ScorecardCard, post_item, scorecard_card};
use crate::render::context::{
    Link, LocalText, PageContext, network_members, page_title, scorecard_title,
};
use crate::render::error::RenderError;
use crate::render::status::{StatusSummary, StatusTable, scorecard_summary, status_table};
use crate::urls::Route;

pub fn page(ctx: &PageContext) -> Result<Page, RenderError> {
    let view = view(ctx)?;
    let description = view
        .intro
        .as_ref()
        .map(|t| t.text.clone())
        .unwrap_or_default();
    let title = ctx.txt(&ctx.site.config.title).text;
    Ok(Page::new("home.html", title, description, vec![], &view))
}

#[derive(Debug, Clone, Serialize)]
pub struct OrganisationCard {
    pub name: LocalText,
    pub href: String,
    /// The scorecards of the organisation's latest year.
    pub scorecards: Vec<ScorecardCard>,
    /// How many scorecards the organisation has in all (its page lists them).
    pub all: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct NetworkView {
    pub name: LocalText,
    pub page: Option<Link>,
    pub members: Vec<Link>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HomeView {
    pub intro: Option<LocalText>,
    pub summary: StatusSummary,
    pub status_table: StatusTable,
    pub organisations: Vec<OrganisationCard>,
    /// More organisations than [`HOME_CARDS`]: each is listed by its name
    /// only, leading to its page, so that the page stays small.
    pub compact: bool,
    pub networks: Vec<NetworkView>,
    pub updates: Vec<PostItem>,
    pub metrics: Vec<Link>,
    /// The drafts and scheduled updates, when the site shows them (the
    /// preview, `build --drafts`); a published site has none.
    pub drafts: Vec<Link>,
}

/// Links to every draft: scorecards, updates (drafts and those dated
/// later) and pages, so that the preview's home page leads to them.
fn draft_links(ctx: &PageContext) -> Result<Vec<Link>, RenderError> {
    let site = ctx.site;
    let today = Date::today_utc();
    let mut links = Vec::new();
    for scorecard in site.scorecards.iter().filter(|s| s.is_draft()) {
        links.push(Link {
            href: ctx.href(&Route::Scorecard(
                scorecard.organisation().clone(),
                scorecard.id.clone(),
            )),
            text: LocalText {
                text: scorecard_title(ctx, scorecard)?,
                lang: None,
            },
        });
    }
    for update in site.updates.iter().filter(|u| u.is_draft(today)) {
        let item = post_item(ctx, update)?;
        links.push(Link {
            href: item.href,
            text: item.title,
        });
    }
    for page in site.pages.iter().filter(|p| p.is_draft()) {
        links.push(Link {
            href: ctx.href(&Route::Page(page.slug.clone())),
            text: page_title(ctx, page),
        });
    }
    Ok(links)
}

/// Up to this many organisations, the home page shows each one's latest
/// scorecards with their status (about 4 KB each); beyond, it lists the
/// organisations by name, each leading to its page.
pub const HOME_CARDS: usize = 40;

fn view(ctx: &PageContext) -> Result<HomeView, RenderError> {
    let site = ctx.site;
    let compact = site.organisations.len() > HOME_CARDS;
    let mut summary = StatusSummary::default();
    let mut organisations = Vec::new();
    for org in &site.organisations {
        // Newest year first: the home page shows the latest year's cards and
        // leads to the organisation's page for the earlier ones, so that it
        // stays small for a site of many years and municipalities.
        let mut all = 0;
        let mut latest = None;
        let mut scorecards = Vec::new();
        for scorecard in ctx.index.scorecards_of(site, &org.id) {
            all += 1;
            summary.add(&scorecard_summary(scorecard));
            if !compact && *latest.get_or_insert(scorecard.data.year) == scorecard.data.year {
                scorecards.push(scorecard_card(ctx, scorecard)?);
            }
        }
        if all == 0 {
            continue;
        }
        organisations.push(OrganisationCard {
            name: ctx.txt(&org.data.name),
            href: ctx.href(&Route::Organisation(org.id.clone())),
            scorecards,
            all,
        });
    }
    let collation = ctx.i18n.collation(ctx.lang);
    organisations.sort_by(|a, b| collation.compare(&a.name.text, &b.name.text));
    let networks = site
        .networks
        .iter()
        .map(|network| NetworkView {
            name: ctx.txt(&network.data.name),
            page: network.data.page.as_ref().and_then(|slug| {
                let page = site.pages.iter().find(|p| p.slug == slug.value)?;
                Some(Link {
                    href: ctx.href(&Route::Page(page.slug.clone())),
                    text: page_title(ctx, page),
                })
            }),
            members: network_members(ctx, network),
        })
        .collect();
    let updates = site
        .updates
        .iter()
        .take(5)
        .map(|u| post_item(ctx, u))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(HomeView {
        drafts: draft_links(ctx)?,
        metrics: metric_links(ctx),
        intro: ctx.opt_txt(&site.config.description),
        status_table: status_table(
            ctx,
            "status_all",
            &ctx.txt(&site.config.title).text,
            &summary,
        )?,
        summary,
        organisations,
        compact,
        networks,
        updates,
    })
}
