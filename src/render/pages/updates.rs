//! The list of updates, and an update's page.

use super::page::DocView;
use super::{Page, home_link};
use crate::content::{Id, NewsPost};
use crate::markdown;
use crate::render::cards::post_item;
use crate::render::context::{
    Link, LocalMarkdown, LocalText, PageContext, organisation_link, pick_version, scorecard_title,
};
use crate::render::error::RenderError;
use crate::urls::Route;

pub fn list(ctx: &PageContext) -> Result<Page, RenderError> {
    let items = ctx
        .site
        .updates
        .iter()
        .map(|u| post_item(ctx, u))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Page::titled(
        ctx,
        "updates.html",
        ctx.t("updates-title")?,
        &items,
    ))
}

pub fn page(ctx: &PageContext, slug: &Id) -> Result<Page, RenderError> {
    let update = ctx
        .site
        .updates
        .iter()
        .find(|u| &u.slug == slug)
        .ok_or("no such update")?;
    let view = view(ctx, update)?;
    let updates = Link {
        href: ctx.href(&Route::Posts),
        text: LocalText {
            text: ctx.t("updates-title")?,
            lang: None,
        },
    };
    let description = markdown::to_plain_text(&view.title.text);
    Ok(Page::new(
        "update.html",
        view.title.text.clone(),
        description,
        vec![home_link(ctx), updates],
        &view,
    ))
}

fn view(ctx: &PageContext, update: &NewsPost) -> Result<DocView, RenderError> {
    let (doc, lang) = pick_version(ctx, &update.versions);
    let related = doc
        .front
        .related
        .iter()
        .filter_map(|r| {
            let parts: Vec<&str> = r.value.split('/').collect();
            let org = Id(parts[0].to_string());
            let id = Id((*parts.get(1)?).to_string());
            let scorecard = ctx.index.scorecard(ctx.site, &org, &id).ok()?;
            match parts.get(2) {
                None => Some(Link {
                    href: ctx.href(&Route::Scorecard(
                        scorecard.organisation().clone(),
                        scorecard.id.clone(),
                    )),
                    text: LocalText {
                        text: scorecard_title(ctx, scorecard).ok()?,
                        lang: None,
                    },
                }),
                Some(goal) => {
                    let (_, g) = scorecard
                        .goals()
                        .find(|(_, g)| g.id.value.as_str() == *goal)?;
                    Some(Link {
                        href: ctx.href(&Route::Goal(
                            scorecard.organisation().clone(),
                            scorecard.id.clone(),
                            g.id.value.clone(),
                        )),
                        text: ctx.txt(&g.title),
                    })
                }
            }
        })
        .collect();
    Ok(DocView {
        title: LocalText {
            text: doc.front.title.clone(),
            lang: lang.clone(),
        },
        date: Some(ctx.date(update.date)?),
        iso_date: Some(update.date.to_string()),
        body: LocalMarkdown {
            html: markdown::to_html(&doc.body, 2),
            lang,
        },
        organisation: doc
            .front
            .organisation
            .as_ref()
            .and_then(|o| organisation_link(ctx, &o.value)),
        related,
        members: Vec::new(),
    })
}
