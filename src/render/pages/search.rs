//! The search page; without JavaScript, an A-Z list of all goals.

use serde::Serialize;

use super::Page;
use crate::render::context::{LocalText, PageContext, organisation_link, scorecard_title};
use crate::render::error::RenderError;
use crate::urls::{self, Route};

pub fn page(ctx: &PageContext) -> Result<Page, RenderError> {
    let view = view(ctx)?;
    Ok(Page::titled(
        ctx,
        "search.html",
        ctx.t("search-title")?,
        &view,
    ))
}

#[derive(Debug, Clone, Serialize)]
pub struct AzGoal {
    pub title: LocalText,
    pub href: String,
    /// Organisation and scorecard, to tell goals of the same name apart.
    pub context: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AzLetter {
    pub letter: String,
    pub goals: Vec<AzGoal>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchView {
    /// All goals A-Z, grouped by first letter: the page without JavaScript.
    pub letters: Vec<AzLetter>,
    pub count: usize,
    /// The page controller, an external module script.
    pub script: String,
    /// The search client it imports, and this language's index manifest and
    /// hot dictionary: preloaded so they arrive together with the controller.
    pub client: String,
    pub manifest: String,
    pub hot: String,
    /// The filters, which are the page's query parameters.
    pub facets: &'static [&'static str],
}

fn view(ctx: &PageContext) -> Result<SearchView, RenderError> {
    let mut goals = Vec::new();
    for scorecard in &ctx.site.scorecards {
        let organisation = organisation_link(ctx, scorecard.organisation())
            .map(|l| l.text.text)
            .unwrap_or_default();
        let context = format!("{organisation}, {}", scorecard_title(ctx, scorecard)?);
        for (_, goal) in scorecard.goals() {
            let title = ctx.txt(&goal.title);
            goals.push(AzGoal {
                title,
                href: ctx.href(&Route::Goal(
                    scorecard.organisation().clone(),
                    scorecard.id.clone(),
                    goal.id.value.clone(),
                )),
                context: context.clone(),
            });
        }
    }
    let collation = ctx.i18n.collation(ctx.lang);
    goals.sort_by(|a, b| {
        collation
            .compare(&a.title.text, &b.title.text)
            .then_with(|| a.href.cmp(&b.href))
    });
    let count = goals.len();
    let mut letters: Vec<AzLetter> = Vec::new();
    for goal in goals {
        let letter: String = goal
            .title
            .text
            .chars()
            .find(|c| c.is_alphanumeric())
            .map(|c| c.to_uppercase().collect())
            .unwrap_or_else(|| "#".to_string());
        let letter = if letter.chars().all(char::is_numeric) {
            "0–9".to_string()
        } else {
            letter
        };
        match letters.last_mut() {
            Some(last) if collation.same_letter(&last.letter, &letter) => last.goals.push(goal),
            _ => letters.push(AzLetter {
                letter,
                goals: vec![goal],
            }),
        }
    }
    Ok(SearchView {
        letters,
        count,
        script: ctx.link("assets/search-page.js"),
        client: ctx.link("assets/search.js"),
        manifest: ctx.link(&urls::search_file(ctx.lang, urls::SEARCH_MANIFEST)),
        hot: ctx.link(&urls::search_file(ctx.lang, urls::SEARCH_HOT)),
        facets: &urls::SEARCH_FACETS,
    })
}
