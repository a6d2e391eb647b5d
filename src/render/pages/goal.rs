//! A goal's page, and the goal as the scorecard page shows it: targets,
//! indicators with their charts, follow-up, the theme's risks, and the same
//! goal in the unit's other scorecards.

use fluent::FluentArgs;
use serde::Serialize;

use super::{Page, home_link};
use crate::content::{Goal, Id, Indicator, Scorecard, Status, Target, Theme};
use crate::render::charts;
use crate::render::context::{
    Link, LocalMarkdown, LocalText, PageContext, TextFields, organisation_link, scorecard_title,
};
use crate::render::error::RenderError;
use crate::render::status::StatusSummary;
use crate::urls::Route;

pub fn page(ctx: &PageContext, org: &Id, id: &Id, goal: &Id) -> Result<Page, RenderError> {
    let scorecard = ctx.index.scorecard(ctx.site, org, id)?;
    let view = view(ctx, scorecard, goal)?;
    let org_link = organisation_link(ctx, org).ok_or("no organisation")?;
    let title = format!("{} – {}", view.goal.title.text, org_link.text.text);
    let scorecard_link = Link {
        href: view.scorecard.href.clone(),
        text: LocalText {
            text: view.scorecard_title.clone(),
            lang: None,
        },
    };
    let crumbs = vec![home_link(ctx), org_link, scorecard_link];
    Ok(Page::new(
        "goal.html",
        title,
        view.goal.title.text.clone(),
        crumbs,
        &view,
    ))
}

#[derive(Debug, Clone, Serialize)]
pub struct ValueView {
    pub period: String,
    pub value: String,
    pub note: Option<LocalText>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndicatorView {
    pub title: LocalText,
    pub unit: Option<LocalText>,
    pub direction: Option<&'static str>,
    pub target_value: Option<String>,
    pub target_text: Option<LocalText>,
    pub values: Vec<ValueView>,
    /// Drawn when there are two or more values.
    pub chart: Option<charts::Chart>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TargetView {
    pub id: String,
    pub title: LocalText,
    pub status: &'static str,
    pub actions: Vec<LocalText>,
    pub results: Vec<LocalText>,
    pub indicators: Vec<IndicatorView>,
    pub follow_up: Option<LocalMarkdown>,
    /// Every text field of the target by name, in the page's language
    /// (`target.texts.note`): a field the model gains is here for the
    /// template without a view of its own.
    pub texts: TextFields,
}

#[derive(Debug, Clone, Serialize)]
pub struct GoalView {
    pub id: String,
    pub href: String,
    pub title: LocalText,
    pub theme: LocalText,
    /// The goal's own status, when it has no targets.
    pub status: Option<&'static str>,
    /// The status that follows from the targets' (`Goal::derived_status`),
    /// when it has targets and no status of its own.
    pub derived_status: Option<&'static str>,
    pub summary: StatusSummary,
    /// The goal, or one of its targets, is at risk or was not achieved:
    /// what the scorecard page's "only these" view keeps.
    pub concern: bool,
    pub actions: Vec<LocalText>,
    pub results: Vec<LocalText>,
    pub indicators: Vec<IndicatorView>,
    pub follow_up: Option<LocalMarkdown>,
    pub targets: Vec<TargetView>,
    /// As [`TargetView::texts`].
    pub texts: TextFields,
}

#[derive(Debug, Clone, Serialize)]
pub struct GoalPage {
    pub goal: GoalView,
    pub scorecard: Link,
    pub scorecard_title: String,
    pub status_date: String,
    pub theme_aim: Option<LocalMarkdown>,
    pub risks: Vec<super::scorecard::RiskView>,
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
fn same_series<'s>(ctx: &PageContext<'s>, scorecard: &Scorecard) -> Vec<&'s Scorecard> {
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
    ctx: &PageContext,
    scorecard: &Scorecard,
    goal_id: &Id,
) -> Result<Vec<GoalVersion>, RenderError> {
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
                    text: LocalText {
                        text: scorecard_title(ctx, s)?,
                        lang: None,
                    },
                },
                status_date: ctx.date(s.data.status_date)?,
                summary: StatusSummary::from_statuses(parts(g)),
                current: s.id == scorecard.id,
            })
        })
        .collect()
}

fn view(ctx: &PageContext, scorecard: &Scorecard, goal_id: &Id) -> Result<GoalPage, RenderError> {
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
    let risks = super::scorecard::risk_card(ctx, scorecard)
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

fn indicator(
    ctx: &PageContext,
    indicator: &Indicator,
    chart_id: &str,
) -> Result<IndicatorView, RenderError> {
    let mut values = indicator.values.clone();
    values.sort_by_key(|a| a.period);
    let chart = if values.len() >= 2 {
        let title = ctx.txt(&indicator.title).text;
        let bars = values
            .iter()
            .map(|m| {
                Ok(charts::Bar {
                    group: ctx.period(&m.period)?,
                    value: m.value,
                    value_label: ctx.number(m.value, None)?,
                    series: 0,
                })
            })
            .collect::<Result<Vec<_>, RenderError>>()?;
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
        Some(charts::bar_chart(
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
            .collect::<Result<_, RenderError>>()?,
    })
}

/// The indicators of a goal or target, their charts named after it.
fn indicators(
    ctx: &PageContext,
    list: &[Indicator],
    owner: &Id,
) -> Result<Vec<IndicatorView>, RenderError> {
    list.iter()
        .enumerate()
        .map(|(n, i)| indicator(ctx, i, &format!("chart-{owner}-{n}")))
        .collect()
}

fn target(ctx: &PageContext, target: &Target, heading: u8) -> Result<TargetView, RenderError> {
    Ok(TargetView {
        id: target.id.value.to_string(),
        title: ctx.txt(&target.title),
        status: target.assessed().as_str(),
        actions: target.actions.iter().map(|a| ctx.txt(a)).collect(),
        results: target.results.iter().map(|r| ctx.txt(r)).collect(),
        indicators: indicators(ctx, &target.indicators, &target.id.value)?,
        follow_up: target.follow_up.as_ref().map(|f| ctx.md(f, heading)),
        texts: ctx.text_fields(target),
    })
}

/// What is assessed of a goal: each of its targets, or the goal itself.
fn parts(goal: &Goal) -> Vec<Status> {
    if goal.targets.is_empty() {
        vec![goal.assessed()]
    } else {
        goal.targets.iter().map(Target::assessed).collect()
    }
}

pub(super) fn goal_view(
    ctx: &PageContext,
    scorecard: &Scorecard,
    theme: &Theme,
    goal: &Goal,
    heading: u8,
) -> Result<GoalView, RenderError> {
    let statuses = parts(goal);
    Ok(GoalView {
        id: goal.id.value.to_string(),
        href: ctx.href(&Route::Goal(
            scorecard.organisation().clone(),
            scorecard.id.clone(),
            goal.id.value.clone(),
        )),
        title: ctx.txt(&goal.title),
        theme: ctx.txt(&theme.title),
        status: goal.own_status().map(|s| s.as_str()),
        derived_status: goal.derived_status().map(|s| s.as_str()),
        concern: statuses
            .iter()
            .any(|s| matches!(s, Status::AtRisk | Status::NotAchieved)),
        summary: StatusSummary::from_statuses(statuses),
        actions: goal.actions.iter().map(|a| ctx.txt(a)).collect(),
        results: goal.results.iter().map(|r| ctx.txt(r)).collect(),
        indicators: indicators(ctx, &goal.indicators, &goal.id.value)?,
        follow_up: goal.follow_up.as_ref().map(|f| ctx.md(f, heading)),
        texts: ctx.text_fields(goal),
        targets: goal
            .targets
            .iter()
            .map(|t| target(ctx, t, heading + 1))
            .collect::<Result<_, _>>()?,
    })
}
