//! A shared metric's page: every organisation's values, by period; on a
//! site with more than [`urls::METRIC_ROWS`] of them, a summary by year
//! (a chart and a table of medians) whose years lead to pages of their own.

use std::collections::HashMap;

use fluent::FluentArgs;
use serde::Serialize;

use super::Page;
use crate::content::Id;
use crate::content::{Period, Scorecard};
use crate::render::charts;
use crate::render::context::{
    Link, LocalMarkdown, LocalText, PageContext, organisation_link, scorecard_title,
};
use crate::render::error::RenderError;
use crate::urls::{self, Route};

/// Part `n` of a metric's values of `year`.
pub fn part(ctx: &PageContext, id: &Id, year: i32, n: u32) -> Result<Page, RenderError> {
    let mut view = view(ctx, id)?;
    let title = view.title.text.clone();
    let mut rows = rows_of(ctx, id);
    sort_by_year(&mut rows);
    let of_year: Vec<_> = rows.into_iter().filter(|r| r.0.year() == year).collect();
    let parts = of_year.len().div_ceil(urls::METRIC_ROWS) as u32;
    let chunk = of_year
        .chunks(urls::METRIC_ROWS)
        .nth(n.max(1) as usize - 1)
        .ok_or("no such part of a metric's values")?;
    let mut args = FluentArgs::new();
    args.set("title", title.clone());
    args.set("year", year.to_string());
    let mut heading = ctx.t_args("metric-year-title", &args)?;
    if parts > 1 {
        heading = format!("{heading} ({n}/{parts})");
    }
    view.values = values_of(ctx, chunk)?;
    view.years = Vec::new();
    view.chart = None;
    view.heading = Some(heading.clone());
    view.all = Some(ctx.href(&Route::Metric(id.clone())));
    let mut page = Page::titled(ctx, "metric.html", heading, &view);
    page.breadcrumbs.push(Link {
        href: ctx.href(&Route::Metric(id.clone())),
        text: view.title.clone(),
    });
    Ok(page)
}

pub fn page(ctx: &PageContext, id: &Id) -> Result<Page, RenderError> {
    let view = view(ctx, id)?;
    Ok(Page::titled(
        ctx,
        "metric.html",
        view.title.text.clone(),
        &view,
    ))
}

#[derive(Debug, Clone, Serialize)]
pub struct MetricValue {
    pub organisation: Link,
    pub scorecard: Link,
    pub period: String,
    pub value: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MetricView {
    pub title: LocalText,
    pub unit: Option<LocalText>,
    pub description: Option<LocalMarkdown>,
    pub direction: Option<&'static str>,
    pub values: Vec<MetricValue>,
    pub chart: Option<charts::Chart>,
    /// The summary by year, when the values are on pages by year.
    pub years: Vec<MetricYear>,
    /// A year's page: its heading, and the link to the metric's page.
    pub heading: Option<String>,
    pub all: Option<String>,
}

/// One year of a metric whose values are on pages by year.
#[derive(Debug, Clone, Serialize)]
pub struct MetricYear {
    pub year: i32,
    pub count: String,
    pub organisations: String,
    pub median: String,
    pub pages: Vec<Link>,
}

type Row<'s> = (Period, &'s Scorecard, f64);

/// Every value of the metric, with its period and scorecard.
fn rows_of<'s>(ctx: &PageContext<'s>, id: &Id) -> Vec<Row<'s>> {
    let mut rows = Vec::new();
    for scorecard in &ctx.site.scorecards {
        for (_, goal) in scorecard.goals() {
            for indicator in goal
                .all_indicators()
                .filter(|i| i.metric.as_ref().is_some_and(|m| &m.value == id))
            {
                for value in &indicator.values {
                    rows.push((value.period, scorecard, value.value));
                }
            }
        }
    }
    rows
}

/// By year, then as on the metric's page.
fn sort_by_year(rows: &mut [Row<'_>]) {
    rows.sort_by_key(|r| r.0.year());
}

fn values_of(ctx: &PageContext, rows: &[Row<'_>]) -> Result<Vec<MetricValue>, RenderError> {
    rows.iter()
        .map(|(period, scorecard, value)| {
            Ok(MetricValue {
                organisation: organisation_link(ctx, scorecard.organisation())
                    .ok_or("no organisation")?,
                scorecard: Link {
                    href: ctx.href(&Route::Scorecard(
                        scorecard.organisation().clone(),
                        scorecard.id.clone(),
                    )),
                    text: LocalText {
                        text: scorecard_title(ctx, scorecard)?,
                        lang: None,
                    },
                },
                period: ctx.period(period)?,
                value: ctx.number(*value, None)?,
            })
        })
        .collect()
}

/// The middle value (the mean of the two middle ones of an even count).
fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n == 0 {
        0.0
    } else if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

/// The summary by year of a metric whose values are on pages by year, and
/// its chart: the median of each year.
fn years_of(
    ctx: &PageContext,
    id: &Id,
    title: &str,
    rows: &[Row<'_>],
) -> Result<(Vec<MetricYear>, Option<charts::Chart>), RenderError> {
    let mut by_year: std::collections::BTreeMap<i32, Vec<&Row<'_>>> = Default::default();
    for row in rows {
        by_year.entry(row.0.year()).or_default().push(row);
    }
    let mut years = Vec::new();
    let mut bars = Vec::new();
    for (year, rows) in &by_year {
        let mut values: Vec<f64> = rows.iter().map(|r| r.2).collect();
        let mid = median(&mut values);
        let mut organisations: Vec<&Id> = rows.iter().map(|r| r.1.organisation()).collect();
        organisations.sort();
        organisations.dedup();
        let parts = rows.len().div_ceil(urls::METRIC_ROWS) as u32;
        let pages = (1..=parts)
            .map(|n| {
                let mut args = FluentArgs::new();
                args.set("year", year.to_string());
                let mut text = ctx.t_args("metric-year-link", &args)?;
                if parts > 1 {
                    text = format!("{text} ({n}/{parts})");
                }
                Ok(Link {
                    href: ctx.href(&Route::MetricPart(id.clone(), *year, n)),
                    text: LocalText { text, lang: None },
                })
            })
            .collect::<Result<Vec<_>, RenderError>>()?;
        years.push(MetricYear {
            year: *year,
            count: ctx.number(rows.len() as f64, None)?,
            organisations: ctx.number(organisations.len() as f64, None)?,
            median: ctx.number(mid, None)?,
            pages,
        });
        bars.push(charts::Bar {
            group: year.to_string(),
            value: mid,
            value_label: ctx.number(mid, None)?,
            series: 0,
        });
    }
    let mut args = FluentArgs::new();
    args.set("title", title.to_string());
    args.set("count", rows.len() as i64);
    let mut organisations: Vec<&Id> = rows.iter().map(|r| r.1.organisation()).collect();
    organisations.sort();
    organisations.dedup();
    args.set("organisations", organisations.len() as i64);
    let summary = ctx.t_args("chart-metric-summary", &args)?;
    let chart = (bars.len() >= 2).then(|| {
        charts::bar_chart(
            &format!("chart-metric-{id}"),
            title,
            &summary,
            &bars,
            &[ctx.t("metric-median").unwrap_or_default()],
            None,
        )
    });
    Ok((years, chart))
}

/// Every organisation's values of one shared metric, by period.
fn view(ctx: &PageContext, id: &Id) -> Result<MetricView, RenderError> {
    let metric = ctx
        .site
        .metrics
        .iter()
        .find(|m| &m.data.id.value == id)
        .ok_or("no such metric")?;
    let mut rows = rows_of(ctx, id);
    // By organisation, in the alphabetical order of the page's language.
    let names: HashMap<&Id, String> = ctx
        .site
        .organisations
        .iter()
        .map(|o| (&o.id, ctx.txt(&o.data.name).text))
        .collect();
    let collation = ctx.i18n.collation(ctx.lang);
    let name = |id: &Id| names.get(id).map_or("", String::as_str);
    rows.sort_by(|a, b| {
        collation
            .compare(name(a.1.organisation()), name(b.1.organisation()))
            .then_with(|| a.1.organisation().cmp(b.1.organisation()))
            .then_with(|| a.0.cmp(&b.0))
    });
    if rows.len() > urls::METRIC_ROWS {
        let title = ctx.txt(&metric.data.title).text;
        let (years, chart) = years_of(ctx, id, &title, &rows)?;
        return Ok(MetricView {
            title: ctx.txt(&metric.data.title),
            unit: ctx.opt_txt(&metric.data.unit),
            description: metric.data.description.as_ref().map(|d| ctx.md(d, 2)),
            direction: metric.data.direction.map(|d| d.as_str()),
            values: Vec::new(),
            chart,
            years,
            heading: None,
            all: None,
        });
    }
    let values = values_of(ctx, &rows)?;
    let mut organisations: Vec<&Id> = rows.iter().map(|r| r.1.organisation()).collect();
    organisations.dedup();
    let series_of: HashMap<&Id, usize> = organisations
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
                Ok(charts::Bar {
                    group: ctx.period(period)?,
                    value: *value,
                    value_label: ctx.number(*value, None)?,
                    series: series_of
                        .get(scorecard.organisation())
                        .copied()
                        .unwrap_or(0),
                })
            })
            .collect::<Result<Vec<_>, RenderError>>()?;
        let title = ctx.txt(&metric.data.title).text;
        let mut args = FluentArgs::new();
        args.set("title", title.clone());
        args.set("count", rows.len() as i64);
        args.set("organisations", organisations.len() as i64);
        let summary = ctx.t_args("chart-metric-summary", &args)?;
        let id = format!("chart-metric-{id}");
        Some(charts::bar_chart(
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
        years: Vec::new(),
        heading: None,
        all: None,
    })
}

/// Links to the shared-metric pages, for the home page.
pub fn metric_links(ctx: &PageContext) -> Vec<Link> {
    ctx.site
        .metrics
        .iter()
        .map(|m| Link {
            href: ctx.href(&Route::Metric(m.data.id.value.clone())),
            text: ctx.txt(&m.data.title),
        })
        .collect()
}
