//! A site seen in one language, for one page: texts resolved with their
//! fallback, UI strings, numbers and dates formatted, links made relative.
//! Every page builder (and the search index) reads the site through it.

use std::collections::{BTreeMap, HashMap};

use fluent::FluentArgs;
use serde::Serialize;

use crate::content::{Id, Page, Period, Scorecard, ScorecardKind, Site, Text};
use crate::i18n::{I18n, MessageError};
use crate::markdown;
use crate::render::error::RenderError;
use crate::urls::{Route, dir, relative};

/// Everything a view builder needs for one page in one language.
pub struct PageContext<'a> {
    pub site: &'a Site,
    pub index: &'a SiteIndex,
    pub i18n: &'a I18n,
    pub lang: &'a str,
    /// This page's folder, for relative links.
    pub here: String,
    /// Set for pages served at any URL (404): links are then absolute paths
    /// from this base instead of relative.
    pub absolute_base: Option<String>,
    pub accessibility_slug: String,
}

/// Look-ups that every page of a large site would otherwise make by scanning
/// all scorecards or organisations, made once for a set of pages.
#[derive(Debug, Default)]
pub struct SiteIndex {
    /// The position of each organisation in `site.organisations`.
    pub(crate) organisations: HashMap<Id, usize>,
    /// Scorecards of one organisation and unit (named in the default
    /// language): one series over time, oldest first.
    pub(crate) series: HashMap<(Id, String), Vec<usize>>,
    /// The position of each scorecard, by organisation and id.
    scorecards: HashMap<(Id, Id), usize>,
    /// The positions of each organisation's scorecards, in content order.
    by_organisation: HashMap<Id, Vec<usize>>,
    /// Each language's A-Z order of all goals, made by the first page that
    /// needs it (the search page and every part of its list share it).
    pub(crate) az: std::sync::Mutex<HashMap<String, std::sync::Arc<Vec<AzEntry>>>>,
}

/// A goal's place in a language's A-Z list: its scorecard's position in
/// `site.scorecards`, the goal's position in the scorecard, and the letter
/// it is listed under.
#[derive(Debug, Clone)]
pub struct AzEntry {
    pub scorecard: usize,
    pub goal: usize,
    pub letter: String,
    /// The position of its letter in the language's list of letters.
    pub group: usize,
}

impl SiteIndex {
    /// The scorecard `org/id`.
    pub fn scorecard<'s>(
        &self,
        site: &'s Site,
        org: &Id,
        id: &Id,
    ) -> Result<&'s Scorecard, RenderError> {
        self.scorecards
            .get(&(org.clone(), id.clone()))
            .map(|&i| &site.scorecards[i])
            .ok_or_else(|| RenderError::Content(format!("no scorecard {org}/{id}")))
    }

    /// The scorecards of one organisation, in content order.
    pub fn scorecards_of<'s>(
        &'s self,
        site: &'s Site,
        org: &Id,
    ) -> impl Iterator<Item = &'s Scorecard> + 's {
        self.by_organisation
            .get(org)
            .into_iter()
            .flatten()
            .map(|&i| &site.scorecards[i])
    }

    pub fn new(site: &Site) -> SiteIndex {
        let default = site.config.default_language();
        let mut series: HashMap<_, Vec<usize>> = HashMap::new();
        for (i, scorecard) in site.scorecards.iter().enumerate() {
            let unit = scorecard
                .data
                .unit
                .get(default, default)
                .unwrap_or_default();
            series
                .entry((scorecard.organisation().clone(), unit.to_string()))
                .or_default()
                .push(i);
        }
        for members in series.values_mut() {
            members.sort_by_key(|&i| {
                let s = &site.scorecards[i];
                (s.data.status_date, s.id.clone())
            });
        }
        let mut by_organisation: HashMap<_, Vec<usize>> = HashMap::new();
        for (i, scorecard) in site.scorecards.iter().enumerate() {
            by_organisation
                .entry(scorecard.organisation().clone())
                .or_default()
                .push(i);
        }
        SiteIndex {
            by_organisation,
            scorecards: site
                .scorecards
                .iter()
                .enumerate()
                .map(|(i, s)| ((s.organisation().clone(), s.id.clone()), i))
                .collect(),
            organisations: site
                .organisations
                .iter()
                .enumerate()
                .map(|(i, o)| (o.id.clone(), i))
                .collect(),
            series,
            az: Default::default(),
        }
    }
}

/// A plain text in the page's language; `lang` is set when it falls back to
/// another language.
#[derive(Debug, Clone, Serialize)]
pub struct LocalText {
    pub text: String,
    pub lang: Option<String>,
}

/// Markdown rendered to HTML (safe: raw HTML is never rendered).
#[derive(Debug, Clone, Serialize)]
pub struct LocalMarkdown {
    pub html: String,
    pub lang: Option<String>,
}

/// Text fields by name, as [`PageContext::text_fields`] gives them.
pub type TextFields = std::collections::BTreeMap<String, LocalText>;

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub href: String,
    pub text: LocalText,
}

impl PageContext<'_> {
    pub fn default_lang(&self) -> &str {
        self.site.config.default_language()
    }

    /// The text in this language, or the default language (or any) as fallback.
    pub fn txt(&self, text: &Text) -> LocalText {
        let default = self.default_lang();
        if let Some(s) = text.get(self.lang, default) {
            return LocalText {
                text: s.to_string(),
                lang: None,
            };
        }
        let (lang, s) = text
            .get(default, default)
            .map(|s| (default.to_string(), s))
            .or_else(|| text.by_lang.iter().next().map(|(l, s)| (l.to_string(), s)))
            .unwrap_or_else(|| (default.to_string(), ""));
        LocalText {
            text: s.to_string(),
            lang: Some(lang),
        }
    }

    /// Links sorted by their text in this language's alphabetical order.
    pub fn sort_links(&self, links: &mut [Link]) {
        let collation = self.i18n.collation(self.lang);
        links.sort_by(|a, b| collation.compare(&a.text.text, &b.text.text));
    }

    pub fn md(&self, text: &Text, top_heading: u8) -> LocalMarkdown {
        let t = self.txt(text);
        LocalMarkdown {
            html: markdown::to_html(&t.text, top_heading),
            lang: t.lang,
        }
    }

    /// The text fields of `value` itself (not those of its lists and
    /// parts) in this language, by field name.
    pub fn text_fields<T: serde::Serialize>(&self, value: &T) -> TextFields {
        let mut fields = TextFields::new();
        let nested = |path: &str| path.contains(['.', '[']);
        crate::content::texts::each_text(value, "", &nested, &mut |path, text| {
            fields.insert(path.to_string(), self.txt(text));
        });
        fields
    }

    pub fn opt_txt(&self, text: &Option<Text>) -> Option<LocalText> {
        text.as_ref().map(|t| self.txt(t))
    }

    /// A UI string; errors surface as render errors.
    pub fn t(&self, id: &str) -> Result<String, MessageError> {
        self.i18n.message(self.lang, id, None)
    }

    pub fn t_args(&self, id: &str, args: &FluentArgs) -> Result<String, MessageError> {
        self.i18n.message(self.lang, id, Some(args))
    }

    pub fn dir_of(&self, route: &Route) -> String {
        dir(self.lang, route, &self.accessibility_slug)
    }

    pub fn href(&self, route: &Route) -> String {
        self.link(&self.dir_of(route))
    }

    /// A link to a path under the output root.
    pub fn link(&self, target: &str) -> String {
        match &self.absolute_base {
            Some(base) => format!("{base}{target}"),
            None => relative(&self.here, target),
        }
    }

    pub fn date(&self, date: crate::content::Date) -> Result<String, MessageError> {
        self.i18n.date(self.lang, date)
    }

    pub fn number(&self, value: f64, decimals: Option<usize>) -> Result<String, MessageError> {
        self.i18n.number(self.lang, value, decimals)
    }

    pub fn period(&self, period: &Period) -> Result<String, MessageError> {
        let mut args = FluentArgs::new();
        args.set("year", period.year().to_string());
        let id = match *period {
            Period::Year(_) => "period-year",
            Period::Half(_, h) => {
                args.set("half", i64::from(h));
                "period-half"
            }
            Period::Quarter(_, q) => {
                args.set("quarter", i64::from(q));
                "period-quarter"
            }
            Period::Month(_, m) => {
                args.set("month", m.to_string());
                args.set("monthname", self.t(&format!("month-{m}"))?);
                "period-month"
            }
            Period::Day(d) => return self.date(d),
        };
        self.t_args(id, &args)
    }
}

// ------------------------------------------------------------ links and titles shared by pages

pub fn kind_label(ctx: &PageContext, kind: ScorecardKind) -> Result<String, MessageError> {
    ctx.t(match kind {
        ScorecardKind::Scorecard => "kind-scorecard",
        ScorecardKind::AnnualReport => "kind-annual-report",
        ScorecardKind::Budget => "kind-budget",
    })
}

/// The version in the page's language, or the default language's, or any.
pub fn pick_version<'v, F>(
    ctx: &PageContext,
    versions: &'v BTreeMap<String, F>,
) -> (&'v F, Option<String>) {
    if let Some(doc) = versions.get(ctx.lang) {
        return (doc, None);
    }
    let (lang, doc) = versions
        .get_key_value(ctx.default_lang())
        .or_else(|| versions.iter().next())
        .expect("a page or update has at least one language version");
    (doc, Some(lang.clone()))
}

pub fn page_title(ctx: &PageContext, page: &Page) -> LocalText {
    let (doc, lang) = pick_version(ctx, &page.versions);
    LocalText {
        text: doc.front.title.clone(),
        lang,
    }
}

/// The organisations of a network, with links, in alphabetical order.
pub fn network_members(ctx: &PageContext, network: &crate::content::Network) -> Vec<Link> {
    let mut members: Vec<Link> = ctx
        .site
        .organisations
        .iter()
        .filter(|o| {
            o.data
                .networks
                .iter()
                .any(|n| n.value == network.data.id.value)
        })
        .filter_map(|o| organisation_link(ctx, &o.id))
        .collect();
    ctx.sort_links(&mut members);
    members
}

/// A web address to link to: only https:// and http:// (check refuses
/// others; this keeps the pages safe whatever reaches them).
pub fn web_link(url: Option<&serde_saphyr::Spanned<String>>) -> Option<String> {
    url.map(|u| u.value.clone())
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
}

pub fn organisation_link(ctx: &PageContext, id: &Id) -> Option<Link> {
    let org = &ctx.site.organisations[*ctx.index.organisations.get(id)?];
    Some(Link {
        href: ctx.href(&Route::Organisation(id.clone())),
        text: ctx.txt(&org.data.name),
    })
}

pub fn scorecard_title(ctx: &PageContext, scorecard: &Scorecard) -> Result<String, MessageError> {
    let mut args = FluentArgs::new();
    args.set("unit", ctx.txt(&scorecard.data.unit).text);
    args.set("kind", kind_label(ctx, scorecard.data.kind)?);
    args.set("year", scorecard.data.year.to_string());
    ctx.t_args("scorecard-title", &args)
}
