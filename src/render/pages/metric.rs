//! A shared metric's page: every organisation's values, by period.

use std::collections::HashMap;

use fluent::FluentArgs;
use serde::Serialize;

use super::Page;
use crate::content::Id;
use crate::render::charts;
use crate::render::context::{
    Link, LocalMarkdown, LocalText, PageContext, organisation_link, scorecard_title,
};
use crate::render::error::RenderError;
use crate::urls::Route;

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
}

/// Every organisation's values of one shared metric, by period.
fn view(ctx: &PageContext, id: &Id) -> Result<MetricView, RenderError> {
    let metric = ctx
        .site
        .metrics
        .iter()
        .find(|m| &m.data.id.value == id)
        .ok_or("no such metric")?;
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
                    text: LocalText {
                        text: scorecard_title(ctx, scorecard)?,
                        lang: None,
                    },
                },
                period: ctx.period(period)?,
                value: ctx.number(*value, None)?,
            })
        })
        .collect::<Result<Vec<_>, RenderError>>()?;
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
