//! The search page; without JavaScript, an A-Z list of all goals: on the
//! page itself while it is small (up to [`urls::AZ_PART`] goals), otherwise
//! in parts of that many goals, each its own page ([`Route::SearchPart`]),
//! which the search page links by letter and by part.

use std::sync::Arc;

use fluent::FluentArgs;
use serde::Serialize;

use super::Page;
use crate::render::context::{
    AzEntry, Link, LocalText, PageContext, organisation_link, scorecard_title,
};
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

/// Part `n` (from 1) of the A-Z list.
pub fn part(ctx: &PageContext, n: u32) -> Result<Page, RenderError> {
    let view = part_view(ctx, n)?;
    let mut page = Page::titled(ctx, "search-part.html", view.title.clone(), &view);
    page.breadcrumbs.push(Link {
        href: ctx.href(&Route::Search),
        text: LocalText {
            text: ctx.t("search-title")?,
            lang: None,
        },
    });
    Ok(page)
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
    /// The letter's number in the whole list: its anchor `az-<n>`.
    pub anchor: usize,
    pub goals: Vec<AzGoal>,
}

/// A letter of the index, and where its goals begin.
#[derive(Debug, Clone, Serialize)]
pub struct AzLink {
    pub text: String,
    pub href: String,
}

/// A part of a split A-Z list, named by its first and last goal.
#[derive(Debug, Clone, Serialize)]
pub struct AzPart {
    pub href: String,
    pub number: usize,
    pub first: String,
    pub last: String,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchView {
    /// All goals A-Z, grouped by first letter: the page without JavaScript
    /// (empty when the list is split into parts).
    pub letters: Vec<AzLetter>,
    /// Every letter, linked to where its goals begin.
    pub letter_links: Vec<AzLink>,
    /// The parts of a split list (empty when the page holds it).
    pub parts: Vec<AzPart>,
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

/// The language's A-Z order of every goal, made once per language and set
/// of pages (`ctx.index`), grouped by first letter in the language's
/// collation (Finnish and Swedish put å, ä and ö after z).
fn az_order(ctx: &PageContext) -> Arc<Vec<AzEntry>> {
    if let Some(order) = ctx
        .index
        .az
        .lock()
        .ok()
        .and_then(|m| m.get(ctx.lang).cloned())
    {
        return order;
    }
    let mut goals: Vec<(String, usize, usize, String)> = Vec::new();
    for (i, scorecard) in ctx.site.scorecards.iter().enumerate() {
        for (j, (_, goal)) in scorecard.goals().enumerate() {
            let title = ctx.txt(&goal.title).text;
            let path = urls::dir(
                ctx.lang,
                &Route::Goal(
                    scorecard.organisation().clone(),
                    scorecard.id.clone(),
                    goal.id.value.clone(),
                ),
                "",
            );
            goals.push((title, i, j, path));
        }
    }
    let collation = ctx.i18n.collation(ctx.lang);
    goals.sort_by(|a, b| collation.compare(&a.0, &b.0).then_with(|| a.3.cmp(&b.3)));
    let mut order: Vec<AzEntry> = Vec::with_capacity(goals.len());
    for (title, scorecard, goal, _) in goals {
        let letter = letter_of(&title);
        let entry = match order.last() {
            Some(last) if collation.same_letter(&last.letter, &letter) => AzEntry {
                scorecard,
                goal,
                letter: last.letter.clone(),
                group: last.group,
            },
            last => AzEntry {
                scorecard,
                goal,
                letter,
                group: last.map_or(0, |l| l.group + 1),
            },
        };
        order.push(entry);
    }
    let order = Arc::new(order);
    if let Ok(mut cache) = ctx.index.az.lock() {
        cache.insert(ctx.lang.to_string(), order.clone());
    }
    order
}

/// The letter a title is listed under: its first letter or digit, upper case
/// (digits together as "0–9", anything else as "#").
fn letter_of(title: &str) -> String {
    let letter: String = title
        .chars()
        .find(|c| c.is_alphanumeric())
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_else(|| "#".to_string());
    if letter.chars().all(char::is_numeric) {
        "0–9".to_string()
    } else {
        letter
    }
}

/// The goal of an entry of the list.
fn goal_of<'s>(
    ctx: &PageContext<'s>,
    entry: &AzEntry,
) -> Result<(&'s crate::content::Scorecard, &'s crate::content::Goal), RenderError> {
    let scorecard = &ctx.site.scorecards[entry.scorecard];
    let goal = scorecard
        .goals()
        .nth(entry.goal)
        .map(|(_, g)| g)
        .ok_or("no such goal")?;
    Ok((scorecard, goal))
}

/// The goals of `entries`, grouped by letter, with links from this page.
fn letters_of(ctx: &PageContext, entries: &[AzEntry]) -> Result<Vec<AzLetter>, RenderError> {
    let mut letters: Vec<AzLetter> = Vec::new();
    for entry in entries {
        let (scorecard, goal) = goal_of(ctx, entry)?;
        let organisation = organisation_link(ctx, scorecard.organisation())
            .map(|l| l.text.text)
            .unwrap_or_default();
        let item = AzGoal {
            title: ctx.txt(&goal.title),
            href: ctx.href(&Route::Goal(
                scorecard.organisation().clone(),
                scorecard.id.clone(),
                goal.id.value.clone(),
            )),
            context: format!("{organisation}, {}", scorecard_title(ctx, scorecard)?),
        };
        match letters.last_mut() {
            Some(last) if last.anchor == entry.group + 1 => last.goals.push(item),
            _ => letters.push(AzLetter {
                letter: entry.letter.clone(),
                anchor: entry.group + 1,
                goals: vec![item],
            }),
        }
    }
    Ok(letters)
}

/// Every letter of the list, each linked to where its goals begin: on this
/// page when the list is whole, otherwise in the part holding its first goal.
fn letter_links(ctx: &PageContext, order: &[AzEntry], split: bool) -> Vec<AzLink> {
    let mut links: Vec<AzLink> = Vec::new();
    for (i, entry) in order.iter().enumerate() {
        if links.len() == entry.group + 1 {
            continue;
        }
        let anchor = format!("#az-{}", entry.group + 1);
        let href = if split {
            let part = (i / urls::AZ_PART) as u32 + 1;
            format!("{}{anchor}", ctx.href(&Route::SearchPart(part)))
        } else {
            anchor
        };
        links.push(AzLink {
            text: entry.letter.clone(),
            href,
        });
    }
    links
}

/// A title shortened to a few words, to name a part by its first and last
/// goal (a dictionary's guide words).
fn guide(title: &str) -> String {
    const MAX: usize = 32;
    if title.chars().count() <= MAX {
        return title.to_string();
    }
    let cut: String = title.chars().take(MAX).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > MAX / 2 => cut[..i].to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end())
}

fn guide_of(ctx: &PageContext, entry: &AzEntry) -> Result<String, RenderError> {
    Ok(guide(&ctx.txt(&goal_of(ctx, entry)?.1.title).text))
}

/// Each part of a split list, named by its first and last goal.
fn part_links(ctx: &PageContext, order: &[AzEntry]) -> Result<Vec<AzPart>, RenderError> {
    order
        .chunks(urls::AZ_PART)
        .enumerate()
        .map(|(i, chunk)| {
            Ok(AzPart {
                href: ctx.href(&Route::SearchPart(i as u32 + 1)),
                number: i + 1,
                first: guide_of(ctx, &chunk[0])?,
                last: guide_of(ctx, &chunk[chunk.len() - 1])?,
                count: chunk.len(),
            })
        })
        .collect()
}

fn view(ctx: &PageContext) -> Result<SearchView, RenderError> {
    let order = az_order(ctx);
    let split = order.len() > urls::AZ_PART;
    Ok(SearchView {
        letter_links: letter_links(ctx, &order, split),
        letters: if split {
            Vec::new()
        } else {
            letters_of(ctx, &order)?
        },
        parts: if split {
            part_links(ctx, &order)?
        } else {
            Vec::new()
        },
        count: order.len(),
        script: ctx.link("assets/search-page.js"),
        client: ctx.link("assets/search.js"),
        manifest: ctx.link(&urls::search_file(ctx.lang, urls::SEARCH_MANIFEST)),
        hot: ctx.link(&urls::search_file(ctx.lang, urls::SEARCH_HOT)),
        facets: &urls::SEARCH_FACETS,
    })
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchPartView {
    pub title: String,
    pub number: u32,
    pub parts: u32,
    pub first: String,
    pub last: String,
    pub count: usize,
    /// How many goals the whole list has.
    pub all: usize,
    pub letter_links: Vec<AzLink>,
    pub letters: Vec<AzLetter>,
    pub search: String,
    pub previous: Option<String>,
    pub next: Option<String>,
}

fn part_view(ctx: &PageContext, n: u32) -> Result<SearchPartView, RenderError> {
    let order = az_order(ctx);
    let parts = order.len().div_ceil(urls::AZ_PART) as u32;
    let start = (n.max(1) as usize - 1) * urls::AZ_PART;
    let chunk = order
        .get(start..order.len().min(start + urls::AZ_PART))
        .filter(|c| !c.is_empty())
        .ok_or("no such part of the A-Z list")?;
    let mut args = FluentArgs::new();
    args.set("part", n as i64);
    args.set("parts", parts as i64);
    let title = ctx.t_args("search-part-title", &args)?;
    Ok(SearchPartView {
        title,
        number: n,
        parts,
        first: guide_of(ctx, &chunk[0])?,
        last: guide_of(ctx, &chunk[chunk.len() - 1])?,
        count: chunk.len(),
        all: order.len(),
        letter_links: letter_links(ctx, &order, true),
        letters: letters_of(ctx, chunk)?,
        search: ctx.href(&Route::Search),
        previous: (n > 1).then(|| ctx.href(&Route::SearchPart(n - 1))),
        next: (n < parts).then(|| ctx.href(&Route::SearchPart(n + 1))),
    })
}
