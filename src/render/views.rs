//! View structs made for the templates: texts resolved to one language,
//! numbers and dates formatted, links made relative. Templates never see YAML.

use std::collections::{BTreeMap, HashMap};

use fluent::FluentArgs;
use serde::Serialize;

use crate::content::{
    ColumnKind, FigureUnit, Goal, Indicator, KeyFigures, Page, Period, Scorecard, ScorecardKind,
    Site, Status, Target, Text, Update,
};
use crate::i18n::I18n;
use crate::markdown;
use crate::urls::{Route, dir, relative};

/// Everything a view builder needs for one page in one language.
pub struct Ctx<'a> {
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
    organisations: HashMap<crate::content::Id, usize>,
    /// Scorecards of one organisation and unit (named in the default
    /// language): one series over time, oldest first.
    series: HashMap<(crate::content::Id, String), Vec<usize>>,
    /// The position of each scorecard, by organisation and id.
    scorecards: HashMap<(crate::content::Id, crate::content::Id), usize>,
    /// The positions of each organisation's scorecards, in content order.
    by_organisation: HashMap<crate::content::Id, Vec<usize>>,
}

impl SiteIndex {
    /// The scorecard `org/id`.
    pub fn scorecard<'s>(
        &self,
        site: &'s Site,
        org: &crate::content::Id,
        id: &crate::content::Id,
    ) -> Result<&'s Scorecard, String> {
        self.scorecards
            .get(&(org.clone(), id.clone()))
            .map(|&i| &site.scorecards[i])
            .ok_or_else(|| format!("no scorecard {org}/{id}"))
    }

    /// The scorecards of one organisation, in content order.
    pub fn scorecards_of<'s>(
        &'s self,
        site: &'s Site,
        org: &crate::content::Id,
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
        }
    }
}

/// A plain text in the page's language; `lang` is set when it falls back to
/// another language.
#[derive(Debug, Clone, Serialize)]
pub struct Txt {
    pub text: String,
    pub lang: Option<String>,
}

/// Markdown rendered to HTML (safe: raw HTML is never rendered).
#[derive(Debug, Clone, Serialize)]
pub struct Md {
    pub html: String,
    pub lang: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub href: String,
    pub text: Txt,
}

impl Ctx<'_> {
    pub fn default_lang(&self) -> &str {
        self.site.config.default_language()
    }

    /// The text in this language, or the default language (or any) as fallback.
    pub fn txt(&self, text: &Text) -> Txt {
        let default = self.default_lang();
        if let Some(s) = text.get(self.lang, default) {
            return Txt {
                text: s.to_string(),
                lang: None,
            };
        }
        let (lang, s) = text
            .get(default, default)
            .map(|s| (default.to_string(), s))
            .or_else(|| text.by_lang.iter().next().map(|(l, s)| (l.to_string(), s)))
            .unwrap_or_else(|| (default.to_string(), ""));
        Txt {
            text: s.to_string(),
            lang: Some(lang),
        }
    }

    pub fn md(&self, text: &Text, top_heading: u8) -> Md {
        let t = self.txt(text);
        Md {
            html: markdown::to_html(&t.text, top_heading),
            lang: t.lang,
        }
    }

    pub fn opt_txt(&self, text: &Option<Text>) -> Option<Txt> {
        text.as_ref().map(|t| self.txt(t))
    }

    /// A UI string; errors surface as render errors.
    pub fn t(&self, id: &str) -> Result<String, String> {
        self.i18n.message(self.lang, id, None)
    }

    pub fn t_args(&self, id: &str, args: &FluentArgs) -> Result<String, String> {
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

    pub fn date(&self, date: crate::content::Date) -> Result<String, String> {
        self.i18n.date(self.lang, date)
    }

    pub fn number(&self, value: f64, decimals: Option<usize>) -> Result<String, String> {
        self.i18n.number(self.lang, value, decimals)
    }

    pub fn period(&self, period: &Period) -> Result<String, String> {
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

// ------------------------------------------------------------ statuses

#[derive(Debug, Clone, Serialize)]
pub struct StatusCount {
    pub status: &'static str,
    pub count: usize,
}

/// How many goals and targets stand at each status.
#[derive(Debug, Clone, Serialize, Default)]
pub struct StatusSummary {
    pub total: usize,
    pub counts: Vec<StatusCount>,
}

impl StatusSummary {
    fn from_statuses(statuses: impl IntoIterator<Item = Status>) -> Self {
        let mut counts: BTreeMap<Status, usize> = BTreeMap::new();
        let mut total = 0;
        for status in statuses {
            *counts.entry(status).or_default() += 1;
            total += 1;
        }
        StatusSummary {
            total,
            counts: Status::ALL
                .iter()
                .filter_map(|s| {
                    counts.get(s).map(|&count| StatusCount {
                        status: s.as_str(),
                        count,
                    })
                })
                .collect(),
        }
    }

    pub fn add(&mut self, other: &StatusSummary) {
        let mut merged: BTreeMap<&'static str, usize> = BTreeMap::new();
        for c in self.counts.iter().chain(&other.counts) {
            *merged.entry(c.status).or_default() += c.count;
        }
        self.total += other.total;
        self.counts = Status::ALL
            .iter()
            .filter_map(|s| {
                merged.get(s.as_str()).map(|&count| StatusCount {
                    status: s.as_str(),
                    count,
                })
            })
            .collect();
    }
}

/// A status summary drawn as a chart, with the same counts for its table:
/// every status, zero counts too.
#[derive(Debug, Clone, Serialize)]
pub struct StatusChart {
    pub chart: super::charts::Chart,
    pub rows: Vec<StatusCount>,
}

pub fn status_chart(
    ctx: &Ctx,
    id: &str,
    name: &str,
    summary: &StatusSummary,
) -> Result<StatusChart, String> {
    let rows: Vec<StatusCount> = Status::ALL
        .iter()
        .map(|s| StatusCount {
            status: s.as_str(),
            count: summary
                .counts
                .iter()
                .find(|c| c.status == s.as_str())
                .map_or(0, |c| c.count),
        })
        .collect();
    let mut args = FluentArgs::new();
    args.set("name", name.to_string());
    args.set("total", summary.total as i64);
    for row in &rows {
        args.set(row.status.replace('-', "_"), row.count as i64);
    }
    let title = ctx.t_args("chart-status-title", &args)?;
    let text = ctx.t_args("chart-status-summary", &args)?;
    let bars = rows
        .iter()
        .map(|row| {
            Ok(super::charts::StatusBar {
                status: row.status,
                label: ctx.t(&format!("status-{}", row.status))?,
                count: row.count,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(StatusChart {
        chart: super::charts::status_chart(id, &title, &text, &bars),
        rows,
    })
}

/// The assessed items of a goal: its targets, or the goal itself.
pub fn goal_statuses(goal: &Goal) -> Vec<Status> {
    if goal.targets.is_empty() {
        vec![goal.status.unwrap_or(Status::NotAssessed)]
    } else {
        goal.targets
            .iter()
            .map(|t| t.status.unwrap_or(Status::NotAssessed))
            .collect()
    }
}

pub fn scorecard_summary(scorecard: &Scorecard) -> StatusSummary {
    StatusSummary::from_statuses(scorecard.goals().flat_map(|(_, g)| goal_statuses(g)))
}

// ------------------------------------------------------------ layout

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
    pub site_title: Txt,
    pub publisher: Option<Txt>,
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
    pub pages: Vec<Link>,
    /// This language's Atom feed of updates.
    pub feed: String,
    /// The whole dataset as JSON, and its JSON Schema.
    pub dataset: String,
    pub dataset_schema: String,
    pub licence: String,
}

pub fn layout(
    ctx: &Ctx,
    route: &Route,
    title: String,
    description: String,
    breadcrumbs: Vec<Link>,
    css_file: &str,
) -> Result<Layout, String> {
    let config = &ctx.site.config;
    let alternates = config
        .languages
        .iter()
        .map(|lang| {
            let other = dir(
                lang,
                route,
                &crate::urls::accessibility_slug(ctx.i18n, lang)?,
            );
            Ok(Alternate {
                lang: lang.clone(),
                name: ctx.i18n.message(lang, "language-name", None)?,
                href: ctx.link(&other),
                url: format!("{}{}", config.base_url, other),
                current: lang == ctx.lang,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
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
        updates: ctx.href(&Route::Updates),
        accessibility: ctx.href(&Route::Accessibility),
        search: ctx.href(&Route::Search),
        css: ctx.link(&format!("assets/{css_file}")),
        pages,
        feed: ctx.link(&crate::urls::feed(ctx.lang)),
        dataset: ctx.link(crate::urls::DATASET),
        dataset_schema: ctx.link(crate::urls::DATASET_SCHEMA),
        licence: ctx.site.config.licence().to_string(),
    })
}

// ------------------------------------------------------------ home, organisation

#[derive(Debug, Clone, Serialize)]
pub struct ScorecardCard {
    pub title: Txt,
    pub kind: String,
    pub year: i32,
    pub href: String,
    pub status_date: String,
    pub summary: StatusSummary,
    pub goal_count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct OrganisationCard {
    pub name: Txt,
    pub href: String,
    /// The scorecards of the organisation's latest year.
    pub scorecards: Vec<ScorecardCard>,
    /// How many scorecards the organisation has in all (its page lists them).
    pub all: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct UpdateItem {
    pub title: Txt,
    pub href: String,
    pub date: String,
    pub iso_date: String,
    pub summary: Option<Txt>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NetworkView {
    pub name: Txt,
    pub page: Option<Link>,
    pub members: Vec<Link>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HomeView {
    pub intro: Option<Txt>,
    pub summary: StatusSummary,
    pub status_chart: StatusChart,
    pub organisations: Vec<OrganisationCard>,
    pub networks: Vec<NetworkView>,
    pub updates: Vec<UpdateItem>,
    pub metrics: Vec<Link>,
}

pub fn kind_label(ctx: &Ctx, kind: ScorecardKind) -> Result<String, String> {
    ctx.t(match kind {
        ScorecardKind::Scorecard => "kind-scorecard",
        ScorecardKind::AnnualReport => "kind-annual-report",
        ScorecardKind::Budget => "kind-budget",
    })
}

pub fn scorecard_card(ctx: &Ctx, scorecard: &Scorecard) -> Result<ScorecardCard, String> {
    Ok(ScorecardCard {
        title: ctx.txt(&scorecard.data.unit),
        kind: kind_label(ctx, scorecard.data.kind)?,
        year: scorecard.data.year,
        href: ctx.href(&Route::Scorecard(
            scorecard.organisation().clone(),
            scorecard.id.clone(),
        )),
        status_date: ctx.date(scorecard.data.status_date)?,
        summary: scorecard_summary(scorecard),
        goal_count: scorecard.goals().count(),
    })
}

pub fn update_item(ctx: &Ctx, update: &Update) -> Result<UpdateItem, String> {
    let (doc, lang) = pick_version(ctx, &update.versions);
    Ok(UpdateItem {
        title: Txt {
            text: doc.front.title.clone(),
            lang: lang.clone(),
        },
        href: ctx.href(&Route::Update(update.slug.clone())),
        date: ctx.date(update.date)?,
        iso_date: update.date.to_string(),
        summary: doc.front.summary.clone().map(|s| Txt { text: s, lang }),
    })
}

/// The version in the page's language, or the default language's, or any.
pub fn pick_version<'v, F>(
    ctx: &Ctx,
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

pub fn page_title(ctx: &Ctx, page: &Page) -> Txt {
    let (doc, lang) = pick_version(ctx, &page.versions);
    Txt {
        text: doc.front.title.clone(),
        lang,
    }
}

pub fn organisation_link(ctx: &Ctx, id: &crate::content::Id) -> Option<Link> {
    let org = &ctx.site.organisations[*ctx.index.organisations.get(id)?];
    Some(Link {
        href: ctx.href(&Route::Organisation(id.clone())),
        text: ctx.txt(&org.data.name),
    })
}

pub fn home(ctx: &Ctx) -> Result<HomeView, String> {
    let site = ctx.site;
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
            if *latest.get_or_insert(scorecard.data.year) == scorecard.data.year {
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
            members: site
                .organisations
                .iter()
                .filter(|o| {
                    o.data
                        .networks
                        .iter()
                        .any(|n| n.value == network.data.id.value)
                })
                .filter_map(|o| organisation_link(ctx, &o.id))
                .collect(),
        })
        .collect();
    let updates = site
        .updates
        .iter()
        .take(5)
        .map(|u| update_item(ctx, u))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(HomeView {
        metrics: metric_links(ctx),
        intro: ctx.opt_txt(&site.config.description),
        status_chart: status_chart(
            ctx,
            "status_all",
            &ctx.txt(&site.config.title).text,
            &summary,
        )?,
        summary,
        organisations,
        networks,
        updates,
    })
}

#[derive(Debug, Clone, Serialize)]
pub struct OrganisationView {
    pub name: Txt,
    pub municipality_code: Option<String>,
    pub website: Option<String>,
    pub languages: Vec<String>,
    pub networks: Vec<Link>,
    pub scorecards: Vec<ScorecardCard>,
    pub updates: Vec<UpdateItem>,
}

pub fn organisation(ctx: &Ctx, id: &crate::content::Id) -> Result<OrganisationView, String> {
    let site = ctx.site;
    let org = &site.organisations[*ctx
        .index
        .organisations
        .get(id)
        .ok_or("no such organisation")?];
    let networks = org
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
    Ok(OrganisationView {
        name: ctx.txt(&org.data.name),
        municipality_code: org.data.municipality_code.clone(),
        website: org
            .data
            .website
            .clone()
            .filter(|w| w.starts_with("https://") || w.starts_with("http://")),
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
            .map(|u| update_item(ctx, u))
            .collect::<Result<_, _>>()?,
    })
}

// ------------------------------------------------------------ scorecard and goals

#[derive(Debug, Clone, Serialize)]
pub struct ValueView {
    pub period: String,
    pub value: String,
    pub note: Option<Txt>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndicatorView {
    pub title: Txt,
    pub unit: Option<Txt>,
    pub direction: Option<&'static str>,
    pub target_value: Option<String>,
    pub target_text: Option<Txt>,
    pub values: Vec<ValueView>,
    /// Drawn when there are two or more values.
    pub chart: Option<super::charts::Chart>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TargetView {
    pub id: String,
    pub title: Txt,
    pub status: &'static str,
    pub actions: Vec<Txt>,
    pub results: Vec<Txt>,
    pub indicators: Vec<IndicatorView>,
    pub follow_up: Option<Md>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GoalView {
    pub id: String,
    pub href: String,
    pub title: Txt,
    pub theme: Txt,
    /// The goal's own status, when it has no targets.
    pub status: Option<&'static str>,
    pub summary: StatusSummary,
    pub actions: Vec<Txt>,
    pub results: Vec<Txt>,
    pub indicators: Vec<IndicatorView>,
    pub follow_up: Option<Md>,
    pub targets: Vec<TargetView>,
}

fn indicator(ctx: &Ctx, indicator: &Indicator, chart_id: &str) -> Result<IndicatorView, String> {
    let mut values = indicator.values.clone();
    values.sort_by_key(|a| a.period);
    let chart = if values.len() >= 2 {
        let title = ctx.txt(&indicator.title).text;
        let bars = values
            .iter()
            .map(|m| {
                Ok(super::charts::Bar {
                    group: ctx.period(&m.period)?,
                    value: m.value,
                    value_label: ctx.number(m.value, None)?,
                    series: 0,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let (first, last) = (&bars[0], &bars[bars.len() - 1]);
        let mut args = FluentArgs::new();
        args.set("title", title.clone());
        args.set("first_period", first.group.clone());
        args.set("first", first.value_label.clone());
        args.set("last_period", last.group.clone());
        args.set("last", last.value_label.clone());
        let summary = ctx.t_args("chart-indicator-summary", &args)?;
        let target = match indicator.target.as_ref().and_then(|t| t.value) {
            Some(v) => Some((
                v,
                format!("{}: {}", ctx.t("indicator-target")?, ctx.number(v, None)?),
            )),
            None => None,
        };
        Some(super::charts::bar_chart(
            chart_id,
            &title,
            &summary,
            &bars,
            &[ctx.t("chart-measured")?],
            target,
        ))
    } else {
        None
    };
    Ok(IndicatorView {
        chart,
        title: ctx.txt(&indicator.title),
        unit: ctx.opt_txt(&indicator.unit),
        direction: indicator.direction.map(|d| d.as_str()),
        target_value: indicator
            .target
            .as_ref()
            .and_then(|t| t.value)
            .map(|v| ctx.number(v, None))
            .transpose()?,
        target_text: indicator.target.as_ref().and_then(|t| ctx.opt_txt(&t.text)),
        values: values
            .iter()
            .map(|m| {
                Ok(ValueView {
                    period: ctx.period(&m.period)?,
                    value: ctx.number(m.value, None)?,
                    note: ctx.opt_txt(&m.note),
                })
            })
            .collect::<Result<_, String>>()?,
    })
}

fn target(ctx: &Ctx, target: &Target, heading: u8) -> Result<TargetView, String> {
    Ok(TargetView {
        id: target.id.value.to_string(),
        title: ctx.txt(&target.title),
        status: target.status.unwrap_or(Status::NotAssessed).as_str(),
        actions: target.actions.iter().map(|a| ctx.txt(a)).collect(),
        results: target.results.iter().map(|r| ctx.txt(r)).collect(),
        indicators: target
            .indicators
            .iter()
            .enumerate()
            .map(|(n, i)| indicator(ctx, i, &format!("chart-{}-{n}", target.id.value)))
            .collect::<Result<_, _>>()?,
        follow_up: target.follow_up.as_ref().map(|f| ctx.md(f, heading)),
    })
}

pub fn goal_view(
    ctx: &Ctx,
    scorecard: &Scorecard,
    theme: &crate::content::Theme,
    goal: &Goal,
    heading: u8,
) -> Result<GoalView, String> {
    Ok(GoalView {
        id: goal.id.value.to_string(),
        href: ctx.href(&Route::Goal(
            scorecard.organisation().clone(),
            scorecard.id.clone(),
            goal.id.value.clone(),
        )),
        title: ctx.txt(&goal.title),
        theme: ctx.txt(&theme.title),
        status: goal
            .targets
            .is_empty()
            .then(|| goal.status.unwrap_or(Status::NotAssessed).as_str()),
        summary: StatusSummary::from_statuses(goal_statuses(goal)),
        actions: goal.actions.iter().map(|a| ctx.txt(a)).collect(),
        results: goal.results.iter().map(|r| ctx.txt(r)).collect(),
        indicators: goal
            .indicators
            .iter()
            .enumerate()
            .map(|(n, i)| indicator(ctx, i, &format!("chart-{}-{n}", goal.id.value)))
            .collect::<Result<_, _>>()?,
        follow_up: goal.follow_up.as_ref().map(|f| ctx.md(f, heading)),
        targets: goal
            .targets
            .iter()
            .map(|t| target(ctx, t, heading + 1))
            .collect::<Result<_, _>>()?,
    })
}

#[derive(Debug, Clone, Serialize)]
pub struct ThemeView {
    pub id: String,
    pub title: Txt,
    pub aim: Option<Md>,
    pub summary: StatusSummary,
    pub status_chart: StatusChart,
    pub goals: Vec<GoalView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RiskView {
    pub number: usize,
    pub theme: Txt,
    pub title: Txt,
    pub likelihood: u8,
    pub impact: u8,
    pub mitigation: Md,
    pub owner: Option<Txt>,
    pub status: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixCell {
    pub impact: u8,
    pub risks: Vec<usize>,
    /// Likelihood x impact, for the cell's shading (also printed as text).
    pub score: u8,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixRow {
    pub likelihood: u8,
    pub cells: Vec<MatrixCell>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RiskCard {
    pub matrix: Vec<MatrixRow>,
    pub risks: Vec<RiskView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FigureRowView {
    pub label: Txt,
    pub unit: Txt,
    pub values: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TableView {
    pub id: String,
    pub title: Txt,
    pub columns: Vec<String>,
    pub rows: Vec<FigureRowView>,
    pub notes: Option<Md>,
    /// A bar chart per euro row: actual and budget by year.
    pub charts: Vec<super::charts::Chart>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    pub title: Txt,
    pub body: Md,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScorecardView {
    pub title: String,
    pub organisation: Link,
    pub unit: Txt,
    pub kind: String,
    pub year: i32,
    pub body: Option<Txt>,
    pub status_date: String,
    pub approved: Option<String>,
    pub source: Option<Txt>,
    pub summary: Option<Md>,
    pub status_summary: StatusSummary,
    pub status_chart: StatusChart,
    pub sections: Vec<SectionView>,
    pub themes: Vec<ThemeView>,
    pub risk_card: Option<RiskCard>,
    pub key_figures: Vec<TableView>,
    pub download_json: String,
    pub download_csv: String,
    pub download_schema: String,
    pub download_csv_metadata: String,
}

pub fn scorecard_title(ctx: &Ctx, scorecard: &Scorecard) -> Result<String, String> {
    let mut args = FluentArgs::new();
    args.set("unit", ctx.txt(&scorecard.data.unit).text);
    args.set("kind", kind_label(ctx, scorecard.data.kind)?);
    args.set("year", scorecard.data.year.to_string());
    ctx.t_args("scorecard-title", &args)
}

fn key_figures(ctx: &Ctx, table: &KeyFigures) -> Result<TableView, String> {
    let columns = table
        .columns
        .value
        .iter()
        .map(|c| {
            let mut args = FluentArgs::new();
            args.set("year", c.year.to_string());
            let id = match c.kind {
                ColumnKind::Actual => "column-actual",
                ColumnKind::Budget => "column-budget",
                ColumnKind::Plan => "column-plan",
            };
            ctx.t_args(id, &args)
        })
        .collect::<Result<Vec<String>, _>>()?;
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let unit = match &row.unit {
                FigureUnit::Eur => Txt {
                    text: "€".into(),
                    lang: None,
                },
                FigureUnit::Percent => Txt {
                    text: "%".into(),
                    lang: None,
                },
                FigureUnit::Count => Txt {
                    text: ctx.t("unit-count")?,
                    lang: None,
                },
                FigureUnit::Text(text) => ctx.txt(text),
            };
            let decimals = row.decimals.map(usize::from);
            let values = row
                .values
                .value
                .iter()
                .map(|v| match v {
                    Some(v) => ctx.number(*v, decimals),
                    None => Ok(String::new()),
                })
                .collect::<Result<_, _>>()?;
            Ok(FigureRowView {
                label: ctx.txt(&row.label),
                unit,
                values,
            })
        })
        .collect::<Result<_, String>>()?;
    Ok(TableView {
        id: table.id.value.to_string(),
        title: ctx.txt(&table.title),
        charts: figure_charts(ctx, table, &columns)?,
        columns,
        rows,
        notes: table.notes.as_ref().map(|n| ctx.md(n, 4)),
    })
}

fn figure_charts(
    ctx: &Ctx,
    table: &KeyFigures,
    column_labels: &[String],
) -> Result<Vec<super::charts::Chart>, String> {
    let mut charts = Vec::new();
    let series = [ctx.t("chart-actual")?, ctx.t("chart-budget")?];
    for (i, row) in table.rows.iter().enumerate() {
        if row.unit != FigureUnit::Eur {
            continue;
        }
        let label = ctx.txt(&row.label).text;
        let mut bars = Vec::new();
        let mut actuals = Vec::new();
        for ((column, value), column_label) in table
            .columns
            .value
            .iter()
            .zip(&row.values.value)
            .zip(column_labels)
        {
            let Some(value) = *value else { continue };
            if column.kind == ColumnKind::Actual {
                actuals.push((column_label.clone(), value));
            }
            bars.push(super::charts::Bar {
                group: column.year.to_string(),
                value,
                value_label: ctx.number(value, None)?,
                series: usize::from(column.kind != ColumnKind::Actual),
            });
        }
        if bars.is_empty() {
            continue;
        }
        let mut args = FluentArgs::new();
        args.set("label", label.clone());
        let summary = match actuals.as_slice() {
            [.., (previous_column, previous), (latest_column, latest)] => {
                args.set("latest_column", latest_column.clone());
                args.set("latest", ctx.i18n.money(ctx.lang, *latest, None)?);
                args.set("previous_column", previous_column.clone());
                args.set("previous", ctx.i18n.money(ctx.lang, *previous, None)?);
                let change = if *previous != 0.0 {
                    (latest - previous) / previous.abs() * 100.0
                } else {
                    0.0
                };
                let sign = if change > 0.0 { "+" } else { "" };
                args.set("change", format!("{sign}{}", ctx.number(change, Some(1))?));
                ctx.t_args("chart-figure-change", &args)?
            }
            [(latest_column, latest)] => {
                args.set("latest_column", latest_column.clone());
                args.set("latest", ctx.i18n.money(ctx.lang, *latest, None)?);
                ctx.t_args("chart-figure-single", &args)?
            }
            [] => label.clone(),
        };
        let id = format!("chart-{}-{i}", table.id.value);
        charts.push(super::charts::bar_chart(
            &id, &label, &summary, &bars, &series, None,
        ));
    }
    Ok(charts)
}

fn risk_card(ctx: &Ctx, scorecard: &Scorecard) -> Option<RiskCard> {
    let data = &scorecard.data;
    if data.risks.is_empty() {
        return None;
    }
    let risks: Vec<RiskView> = data
        .risks
        .iter()
        .enumerate()
        .map(|(i, risk)| RiskView {
            number: i + 1,
            theme: data
                .themes
                .iter()
                .find(|t| t.id.value == risk.theme.value)
                .map(|t| ctx.txt(&t.title))
                .unwrap_or(Txt {
                    text: risk.theme.value.to_string(),
                    lang: None,
                }),
            title: ctx.txt(&risk.title),
            likelihood: risk.likelihood.0,
            impact: risk.impact.0,
            mitigation: ctx.md(&risk.mitigation, 4),
            owner: ctx.opt_txt(&risk.owner),
            status: risk.status.as_str(),
        })
        .collect();
    let matrix = (1..=4u8)
        .rev()
        .map(|likelihood| MatrixRow {
            likelihood,
            cells: (1..=4u8)
                .map(|impact| MatrixCell {
                    impact,
                    score: likelihood * impact,
                    risks: risks
                        .iter()
                        .filter(|r| r.likelihood == likelihood && r.impact == impact)
                        .map(|r| r.number)
                        .collect(),
                })
                .collect(),
        })
        .collect();
    Some(RiskCard { matrix, risks })
}

pub fn scorecard(ctx: &Ctx, scorecard: &Scorecard) -> Result<ScorecardView, String> {
    let data = &scorecard.data;
    let themes = data
        .themes
        .iter()
        .map(|theme| {
            let title = ctx.txt(&theme.title);
            let summary = StatusSummary::from_statuses(theme.goals.iter().flat_map(goal_statuses));
            Ok(ThemeView {
                id: theme.id.value.to_string(),
                status_chart: status_chart(
                    ctx,
                    &format!("status_{}", theme.id.value),
                    &title.text,
                    &summary,
                )?,
                title,
                aim: theme.aim.as_ref().map(|a| ctx.md(a, 4)),
                summary,
                goals: theme
                    .goals
                    .iter()
                    .map(|g| goal_view(ctx, scorecard, theme, g, 5))
                    .collect::<Result<_, String>>()?,
            })
        })
        .collect::<Result<_, String>>()?;
    let status_summary = scorecard_summary(scorecard);
    Ok(ScorecardView {
        title: scorecard_title(ctx, scorecard)?,
        organisation: organisation_link(ctx, scorecard.organisation()).ok_or("no organisation")?,
        unit: ctx.txt(&data.unit),
        kind: kind_label(ctx, data.kind)?,
        year: data.year,
        body: ctx.opt_txt(&data.body),
        status_date: ctx.date(data.status_date)?,
        approved: data.approved.map(|d| ctx.date(d)).transpose()?,
        source: ctx.opt_txt(&data.source),
        summary: data.summary.as_ref().map(|s| ctx.md(s, 3)),
        status_chart: status_chart(
            ctx,
            "status_all",
            &ctx.txt(&data.unit).text,
            &status_summary,
        )?,
        status_summary,
        sections: data
            .sections
            .iter()
            .map(|s| SectionView {
                title: ctx.txt(&s.title),
                body: ctx.md(&s.body, 3),
            })
            .collect(),
        themes,
        risk_card: risk_card(ctx, scorecard),
        key_figures: data
            .key_figures
            .iter()
            .map(|t| key_figures(ctx, t))
            .collect::<Result<_, _>>()?,
        download_json: ctx.link(&crate::urls::scorecard_data(scorecard, "json")),
        download_csv: ctx.link(&crate::urls::scorecard_data(scorecard, "csv")),
        download_schema: ctx.link(crate::urls::SCORECARD_SCHEMA),
        download_csv_metadata: ctx.link(crate::urls::CSV_METADATA),
    })
}

#[derive(Debug, Clone, Serialize)]
pub struct GoalPage {
    pub goal: GoalView,
    pub scorecard: Link,
    pub scorecard_title: String,
    pub status_date: String,
    pub theme_aim: Option<Md>,
    pub risks: Vec<RiskView>,
    pub previous: Option<Link>,
    pub next: Option<Link>,
    /// The same goal in the unit's other scorecards, oldest first.
    pub versions: Vec<GoalVersion>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GoalVersion {
    pub link: Link,
    pub status_date: String,
    pub summary: StatusSummary,
    pub current: bool,
}

/// Scorecards of the same organisation and unit: one series over time.
fn same_series<'s>(ctx: &Ctx<'s>, scorecard: &Scorecard) -> Vec<&'s Scorecard> {
    let default = ctx.default_lang();
    let unit = scorecard
        .data
        .unit
        .get(default, default)
        .unwrap_or_default();
    ctx.index
        .series
        .get(&(scorecard.organisation().clone(), unit.to_string()))
        .map(|members| members.iter().map(|&i| &ctx.site.scorecards[i]).collect())
        .unwrap_or_default()
}

fn goal_versions(
    ctx: &Ctx,
    scorecard: &Scorecard,
    goal_id: &crate::content::Id,
) -> Result<Vec<GoalVersion>, String> {
    let series = same_series(ctx, scorecard);
    if series.len() < 2 {
        return Ok(Vec::new());
    }
    series
        .into_iter()
        .filter_map(|s| {
            s.goals()
                .find(|(_, g)| &g.id.value == goal_id)
                .map(|(_, g)| (s, g))
        })
        .map(|(s, g)| {
            Ok(GoalVersion {
                link: Link {
                    href: ctx.href(&Route::Goal(
                        s.organisation().clone(),
                        s.id.clone(),
                        g.id.value.clone(),
                    )),
                    text: Txt {
                        text: scorecard_title(ctx, s)?,
                        lang: None,
                    },
                },
                status_date: ctx.date(s.data.status_date)?,
                summary: StatusSummary::from_statuses(goal_statuses(g)),
                current: s.id == scorecard.id,
            })
        })
        .collect()
}

pub fn goal_page(
    ctx: &Ctx,
    scorecard: &Scorecard,
    goal_id: &crate::content::Id,
) -> Result<GoalPage, String> {
    let goals: Vec<_> = scorecard.goals().collect();
    let index = goals
        .iter()
        .position(|(_, g)| &g.id.value == goal_id)
        .ok_or("no such goal")?;
    let (theme, goal) = goals[index];
    let link_to = |i: usize| {
        goals.get(i).map(|(_, g)| Link {
            href: ctx.href(&Route::Goal(
                scorecard.organisation().clone(),
                scorecard.id.clone(),
                g.id.value.clone(),
            )),
            text: ctx.txt(&g.title),
        })
    };
    let risks = risk_card(ctx, scorecard)
        .map(|card| {
            card.risks
                .into_iter()
                .zip(&scorecard.data.risks)
                .filter(|(_, r)| r.theme.value == theme.id.value)
                .map(|(view, _)| view)
                .collect()
        })
        .unwrap_or_default();
    Ok(GoalPage {
        goal: goal_view(ctx, scorecard, theme, goal, 2)?,
        scorecard: Link {
            href: ctx.href(&Route::Scorecard(
                scorecard.organisation().clone(),
                scorecard.id.clone(),
            )),
            text: ctx.txt(&scorecard.data.unit),
        },
        scorecard_title: scorecard_title(ctx, scorecard)?,
        status_date: ctx.date(scorecard.data.status_date)?,
        theme_aim: theme.aim.as_ref().map(|a| ctx.md(a, 3)),
        risks,
        previous: index.checked_sub(1).and_then(link_to),
        next: link_to(index + 1),
        versions: goal_versions(ctx, scorecard, goal_id)?,
    })
}

// ------------------------------------------------------------ updates and pages

#[derive(Debug, Clone, Serialize)]
pub struct DocView {
    pub title: Txt,
    pub date: Option<String>,
    pub iso_date: Option<String>,
    pub body: Md,
    pub organisation: Option<Link>,
    pub related: Vec<Link>,
    /// On a network's page: its member organisations.
    pub members: Vec<Link>,
}

pub fn update(ctx: &Ctx, update: &Update) -> Result<DocView, String> {
    let (doc, lang) = pick_version(ctx, &update.versions);
    let related = doc
        .front
        .related
        .iter()
        .filter_map(|r| {
            let parts: Vec<&str> = r.value.split('/').collect();
            let org = crate::content::Id(parts[0].to_string());
            let id = crate::content::Id((*parts.get(1)?).to_string());
            let scorecard = ctx.index.scorecard(ctx.site, &org, &id).ok()?;
            match parts.get(2) {
                None => Some(Link {
                    href: ctx.href(&Route::Scorecard(
                        scorecard.organisation().clone(),
                        scorecard.id.clone(),
                    )),
                    text: Txt {
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
        title: Txt {
            text: doc.front.title.clone(),
            lang: lang.clone(),
        },
        date: Some(ctx.date(update.date)?),
        iso_date: Some(update.date.to_string()),
        body: Md {
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

pub fn page(ctx: &Ctx, page: &Page) -> DocView {
    let (doc, lang) = pick_version(ctx, &page.versions);
    DocView {
        title: Txt {
            text: doc.front.title.clone(),
            lang: lang.clone(),
        },
        date: None,
        iso_date: None,
        body: Md {
            html: markdown::to_html(&doc.body, 2),
            lang,
        },
        organisation: None,
        related: Vec::new(),
        members: network_members(ctx, &page.slug),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct AccessibilityView {
    pub compliance: &'static str,
    pub reviewed: String,
    pub reviewed_iso: String,
    pub assessment: Option<Md>,
    pub known_issues: Vec<Md>,
    pub feedback_email: String,
    pub feedback_url: Option<String>,
    pub feedback_name: Option<Txt>,
    pub authority_name: Txt,
    pub authority_url: String,
    pub authority_email: Option<String>,
    pub authority_phone: Option<String>,
}

pub fn accessibility(ctx: &Ctx) -> Result<AccessibilityView, String> {
    let a = &ctx.site.config.accessibility;
    Ok(AccessibilityView {
        compliance: match a.compliance.value {
            crate::content::Compliance::Fully => "fully",
            crate::content::Compliance::Partially => "partially",
            crate::content::Compliance::Not => "not",
        },
        reviewed: ctx.date(a.reviewed.value)?,
        reviewed_iso: a.reviewed.value.to_string(),
        assessment: a.assessment.as_ref().map(|t| ctx.md(t, 3)),
        known_issues: a.known_issues.iter().map(|t| ctx.md(t, 3)).collect(),
        feedback_email: a.feedback.email.clone(),
        feedback_url: a
            .feedback
            .url
            .clone()
            .filter(|u| u.starts_with("https://") || u.starts_with("http://")),
        feedback_name: ctx.opt_txt(&a.feedback.name),
        authority_name: ctx.txt(&a.authority.name),
        authority_url: a.authority.url.clone(),
        authority_email: a.authority.email.clone(),
        authority_phone: a.authority.phone.clone(),
    })
}

// ------------------------------------------------------------ shared metrics

#[derive(Debug, Clone, Serialize)]
pub struct MetricValue {
    pub organisation: Link,
    pub scorecard: Link,
    pub period: String,
    pub value: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MetricView {
    pub title: Txt,
    pub unit: Option<Txt>,
    pub description: Option<Md>,
    pub direction: Option<&'static str>,
    pub values: Vec<MetricValue>,
    pub chart: Option<super::charts::Chart>,
}

/// Every organisation's values of one shared metric, by period.
pub fn metric(ctx: &Ctx, id: &crate::content::Id) -> Result<MetricView, String> {
    let metric = ctx
        .site
        .metrics
        .iter()
        .find(|m| &m.data.id.value == id)
        .ok_or("no such metric")?;
    let mut rows = Vec::new();
    for scorecard in &ctx.site.scorecards {
        for (_, goal) in scorecard.goals() {
            let indicators = goal
                .indicators
                .iter()
                .chain(goal.targets.iter().flat_map(|t| &t.indicators));
            for indicator in
                indicators.filter(|i| i.metric.as_ref().is_some_and(|m| &m.value == id))
            {
                for value in &indicator.values {
                    rows.push((value.period, scorecard, value.value));
                }
            }
        }
    }
    rows.sort_by(|a, b| (a.1.organisation(), a.0).cmp(&(b.1.organisation(), b.0)));
    let values = rows
        .iter()
        .map(|(period, scorecard, value)| {
            Ok(MetricValue {
                organisation: organisation_link(ctx, scorecard.organisation())
                    .ok_or("no organisation")?,
                scorecard: Link {
                    href: ctx.href(&Route::Scorecard(
                        scorecard.organisation().clone(),
                        scorecard.id.clone(),
                    )),
                    text: Txt {
                        text: scorecard_title(ctx, scorecard)?,
                        lang: None,
                    },
                },
                period: ctx.period(period)?,
                value: ctx.number(*value, None)?,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let mut organisations: Vec<&crate::content::Id> =
        rows.iter().map(|r| r.1.organisation()).collect();
    organisations.dedup();
    let series_of: HashMap<&crate::content::Id, usize> = organisations
        .iter()
        .enumerate()
        .map(|(i, o)| (*o, i))
        .collect();
    let chart = if rows.len() >= 2 {
        let names = organisations
            .iter()
            .map(|o| {
                organisation_link(ctx, o)
                    .map(|l| l.text.text)
                    .ok_or("no organisation")
            })
            .collect::<Result<Vec<_>, _>>()?;
        let bars = rows
            .iter()
            .map(|(period, scorecard, value)| {
                Ok(super::charts::Bar {
                    group: ctx.period(period)?,
                    value: *value,
                    value_label: ctx.number(*value, None)?,
                    series: series_of
                        .get(scorecard.organisation())
                        .copied()
                        .unwrap_or(0),
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let title = ctx.txt(&metric.data.title).text;
        let mut args = FluentArgs::new();
        args.set("title", title.clone());
        args.set("count", rows.len() as i64);
        args.set("organisations", organisations.len() as i64);
        let summary = ctx.t_args("chart-metric-summary", &args)?;
        let id = format!("chart-metric-{id}");
        Some(super::charts::bar_chart(
            &id, &title, &summary, &bars, &names, None,
        ))
    } else {
        None
    };
    Ok(MetricView {
        title: ctx.txt(&metric.data.title),
        unit: ctx.opt_txt(&metric.data.unit),
        description: metric.data.description.as_ref().map(|d| ctx.md(d, 2)),
        direction: metric.data.direction.map(|d| d.as_str()),
        values,
        chart,
    })
}

/// Links to the shared-metric pages, for the home page.
pub fn metric_links(ctx: &Ctx) -> Vec<Link> {
    ctx.site
        .metrics
        .iter()
        .map(|m| Link {
            href: ctx.href(&Route::Metric(m.data.id.value.clone())),
            text: ctx.txt(&m.data.title),
        })
        .collect()
}

// ------------------------------------------------------------ search

#[derive(Debug, Clone, Serialize)]
pub struct AzGoal {
    pub title: Txt,
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
}

pub fn search_page(ctx: &Ctx) -> Result<SearchView, String> {
    let mut goals = Vec::new();
    for scorecard in &ctx.site.scorecards {
        let organisation = organisation_link(ctx, scorecard.organisation())
            .map(|l| l.text.text)
            .unwrap_or_default();
        let context = format!("{organisation}, {}", scorecard_title(ctx, scorecard)?);
        for (_, goal) in scorecard.goals() {
            let title = ctx.txt(&goal.title);
            goals.push((
                crate::i18n::sort_key(&title.text),
                AzGoal {
                    title,
                    href: ctx.href(&Route::Goal(
                        scorecard.organisation().clone(),
                        scorecard.id.clone(),
                        goal.id.value.clone(),
                    )),
                    context: context.clone(),
                },
            ));
        }
    }
    goals.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.href.cmp(&b.1.href)));
    let count = goals.len();
    let mut letters: Vec<AzLetter> = Vec::new();
    for (_, goal) in goals {
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
            Some(last) if last.letter == letter => last.goals.push(goal),
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
        manifest: ctx.link(&crate::urls::search_file(
            ctx.lang,
            crate::urls::SEARCH_MANIFEST,
        )),
        hot: ctx.link(&crate::urls::search_file(ctx.lang, crate::urls::SEARCH_HOT)),
    })
}

/// Members of the network whose `page` is this page, with links.
fn network_members(ctx: &Ctx, slug: &crate::content::Id) -> Vec<Link> {
    let Some(network) = ctx
        .site
        .networks
        .iter()
        .find(|n| n.data.page.as_ref().is_some_and(|p| &p.value == slug))
    else {
        return Vec::new();
    };
    ctx.site
        .organisations
        .iter()
        .filter(|o| {
            o.data
                .networks
                .iter()
                .any(|n| n.value == network.data.id.value)
        })
        .filter_map(|o| organisation_link(ctx, &o.id))
        .collect()
}
