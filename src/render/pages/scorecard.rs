//! A scorecard's page: its summary and sections, every theme with its goals,
//! the risk card and the key figures with their charts.

use fluent::FluentArgs;
use serde::Serialize;

use super::goal::{GoalView, goal_view};
use super::{Page, home_link};
use crate::content::{ColumnKind, FigureUnit, Id, KeyFigures, Scorecard};
use crate::render::charts;
use crate::render::context::{
    Link, LocalMarkdown, LocalText, PageContext, kind_label, organisation_link, scorecard_title,
};
use crate::render::error::RenderError;
use crate::render::status::{StatusSummary, StatusTable, scorecard_summary, status_table};
use crate::urls;

pub fn page(ctx: &PageContext, org: &Id, id: &Id) -> Result<Page, RenderError> {
    let scorecard = ctx.index.scorecard(ctx.site, org, id)?;
    let view = view(ctx, scorecard)?;
    let description = scorecard
        .data
        .summary
        .as_ref()
        .map(|s| crate::markdown::to_plain_text(&ctx.txt(s).text))
        .unwrap_or_else(|| view.title.clone());
    let crumbs = vec![home_link(ctx), view.organisation.clone()];
    Ok(Page::new(
        "scorecard.html",
        format!("{} – {}", view.title, view.organisation.text.text),
        description,
        crumbs,
        &view,
    ))
}

#[derive(Debug, Clone, Serialize)]
pub struct ThemeView {
    pub id: String,
    pub title: LocalText,
    pub aim: Option<LocalMarkdown>,
    pub summary: StatusSummary,
    pub status_table: StatusTable,
    pub goals: Vec<GoalView>,
    /// Some goal of the theme is a concern (`GoalView::concern`).
    pub concern: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct RiskView {
    pub number: usize,
    pub theme: LocalText,
    pub title: LocalText,
    pub likelihood: u8,
    pub impact: u8,
    pub mitigation: LocalMarkdown,
    pub owner: Option<LocalText>,
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
    pub label: LocalText,
    pub unit: LocalText,
    pub values: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TableView {
    pub id: String,
    pub title: LocalText,
    pub columns: Vec<String>,
    pub rows: Vec<FigureRowView>,
    pub notes: Option<LocalMarkdown>,
    /// A bar chart per euro row: actual and budget by year.
    pub charts: Vec<charts::Chart>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    pub title: LocalText,
    pub body: LocalMarkdown,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScorecardView {
    pub title: String,
    pub organisation: Link,
    pub unit: LocalText,
    pub kind: String,
    pub year: i32,
    pub body: Option<LocalText>,
    pub status_date: String,
    pub approved: Option<String>,
    pub source: Option<LocalText>,
    pub summary: Option<LocalMarkdown>,
    pub status_summary: StatusSummary,
    pub status_table: StatusTable,
    pub sections: Vec<SectionView>,
    pub themes: Vec<ThemeView>,
    /// How many goals are at risk or were not achieved (`GoalView::concern`).
    pub concerns: usize,
    pub risk_card: Option<RiskCard>,
    pub key_figures: Vec<TableView>,
    pub download_json: String,
    pub download_csv: String,
    pub download_xlsx: String,
    pub download_schema: String,
    pub download_csv_metadata: String,
}

fn key_figures(ctx: &PageContext, table: &KeyFigures) -> Result<TableView, RenderError> {
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
                FigureUnit::Eur => LocalText {
                    text: "€".into(),
                    lang: None,
                },
                FigureUnit::Percent => LocalText {
                    text: "%".into(),
                    lang: None,
                },
                FigureUnit::Count => LocalText {
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
        .collect::<Result<_, RenderError>>()?;
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
    ctx: &PageContext,
    table: &KeyFigures,
    column_labels: &[String],
) -> Result<Vec<charts::Chart>, RenderError> {
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
            bars.push(charts::Bar {
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
                let (direction, change) = amount_change(*previous, *latest);
                args.set("direction", direction);
                args.set("change", ctx.number(change, Some(1))?);
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
        charts.push(charts::bar_chart(
            &id, &label, &summary, &bars, &series, None,
        ));
    }
    Ok(charts)
}

pub(super) fn risk_card(ctx: &PageContext, scorecard: &Scorecard) -> Option<RiskCard> {
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
                .unwrap_or(LocalText {
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

fn view(ctx: &PageContext, scorecard: &Scorecard) -> Result<ScorecardView, RenderError> {
    let data = &scorecard.data;
    let themes: Vec<ThemeView> = data
        .themes
        .iter()
        .map(|theme| {
            let title = ctx.txt(&theme.title);
            let summary = StatusSummary::of_goals(&theme.goals);
            let goals: Vec<GoalView> = theme
                .goals
                .iter()
                .map(|g| goal_view(ctx, scorecard, theme, g, 5))
                .collect::<Result<_, RenderError>>()?;
            Ok(ThemeView {
                id: theme.id.value.to_string(),
                status_table: status_table(
                    ctx,
                    &format!("status_{}", theme.id.value),
                    &title.text,
                    &summary,
                )?,
                title,
                aim: theme.aim.as_ref().map(|a| ctx.md(a, 4)),
                summary,
                concern: goals.iter().any(|g| g.concern),
                goals,
            })
        })
        .collect::<Result<_, RenderError>>()?;
    let concerns = themes
        .iter()
        .flat_map(|t| &t.goals)
        .filter(|g| g.concern)
        .count();
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
        status_table: status_table(
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
        concerns,
        risk_card: risk_card(ctx, scorecard),
        key_figures: data
            .key_figures
            .iter()
            .map(|t| key_figures(ctx, t))
            .collect::<Result<_, _>>()?,
        download_json: ctx.link(&urls::scorecard_data(scorecard, "json")),
        download_csv: ctx.link(&urls::scorecard_data(scorecard, "csv")),
        download_xlsx: ctx.link(&urls::scorecard_data(scorecard, "xlsx")),
        download_schema: ctx.link(urls::SCORECARD_SCHEMA),
        download_csv_metadata: ctx.link(urls::CSV_METADATA),
    })
}

/// How the amount changed from `previous` to `latest`, as the documents'
/// own change rows and every reader mean it: costs are printed negative,
/// and a cost that went from -100 to -92 fell by 8 %, it did not rise. The
/// direction is `up`, `down`, `same` (under 0.05 %, which prints as 0,0) or
/// `none` (from zero, where no percentage means anything); the size is
/// the percentage, without a sign.
pub(crate) fn amount_change(previous: f64, latest: f64) -> (&'static str, f64) {
    let (previous, latest) = (previous.abs(), latest.abs());
    if previous == 0.0 {
        return (if latest == 0.0 { "same" } else { "none" }, 0.0);
    }
    let change = (latest - previous) / previous * 100.0;
    let direction = if change.abs() < 0.05 {
        "same"
    } else if change > 0.0 {
        "up"
    } else {
        "down"
    };
    (direction, change.abs())
}

#[cfg(test)]
mod tests {
    use super::amount_change;

    #[test]
    fn a_change_is_the_change_of_the_amount() {
        // Costs are negative: from -100 to -92 is 8 % less spent.
        assert_eq!(amount_change(-100.0, -92.0), ("down", 8.0));
        assert_eq!(amount_change(-100.0, -115.0), ("up", 15.0));
        assert_eq!(amount_change(200.0, 150.0), ("down", 25.0));
        assert_eq!(amount_change(69.0, 0.0), ("down", 100.0));
        assert_eq!(amount_change(0.0, 69.0).0, "none");
        assert_eq!(amount_change(0.0, 0.0).0, "same");
        assert_eq!(amount_change(-1000.0, -1000.2).0, "same");
    }
}
