//! The small summaries that listings show: a scorecard's card, an update's item.

use serde::Serialize;

use super::context::{LocalText, PageContext, kind_label, pick_version};
use super::status::{StatusSummary, scorecard_summary, status_sentence};
use crate::content::{NewsPost, Scorecard};
use crate::render::error::RenderError;
use crate::urls::Route;

#[derive(Debug, Clone, Serialize)]
pub struct ScorecardCard {
    pub title: LocalText,
    pub kind: String,
    pub year: i32,
    pub href: String,
    pub status_date: String,
    pub summary: StatusSummary,
    /// The summary in one sentence, from the same counts.
    pub sentence: String,
    pub goal_count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct PostItem {
    pub title: LocalText,
    pub href: String,
    pub date: String,
    pub iso_date: String,
    pub summary: Option<LocalText>,
}

pub fn scorecard_card(
    ctx: &PageContext,
    scorecard: &Scorecard,
) -> Result<ScorecardCard, RenderError> {
    let summary = scorecard_summary(scorecard);
    Ok(ScorecardCard {
        sentence: status_sentence(ctx, &summary)?,
        title: ctx.txt(&scorecard.data.unit),
        kind: kind_label(ctx, scorecard.data.kind)?,
        year: scorecard.data.year,
        href: ctx.href(&Route::Scorecard(
            scorecard.organisation().clone(),
            scorecard.id.clone(),
        )),
        status_date: ctx.date(scorecard.data.status_date)?,
        summary,
        goal_count: scorecard.goals().count(),
    })
}

pub fn post_item(ctx: &PageContext, update: &NewsPost) -> Result<PostItem, RenderError> {
    let (doc, lang) = pick_version(ctx, &update.versions);
    Ok(PostItem {
        title: LocalText {
            text: doc.front.title.clone(),
            lang: lang.clone(),
        },
        href: ctx.href(&Route::Post(update.slug.clone())),
        date: ctx.date(update.date)?,
        iso_date: update.date.to_string(),
        summary: doc
            .front
            .summary
            .clone()
            .map(|s| LocalText { text: s, lang }),
    })
}
