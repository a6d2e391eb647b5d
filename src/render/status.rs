//! How goals and targets stand: counts per status, and their chart.

use std::collections::BTreeMap;

use fluent::FluentArgs;
use serde::Serialize;

use super::context::PageContext;
use crate::content::{Goal, Scorecard, Status};
use crate::render::error::RenderError;

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
    /// How many of the goals have a status that follows from their
    /// targets' (`Goal::derived_status`): the page then says the rule.
    pub derived: usize,
}

impl StatusSummary {
    pub fn from_statuses(statuses: impl IntoIterator<Item = Status>) -> Self {
        let mut counts: BTreeMap<Status, usize> = BTreeMap::new();
        let mut total = 0;
        for status in statuses {
            *counts.entry(status).or_default() += 1;
            total += 1;
        }
        StatusSummary {
            total,
            derived: 0,
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

    /// Each goal once, with the status it is shown with (`Goal::assessed`).
    pub fn of_goals<'a>(goals: impl IntoIterator<Item = &'a Goal>) -> Self {
        let goals: Vec<&Goal> = goals.into_iter().collect();
        StatusSummary {
            derived: goals
                .iter()
                .filter(|g| g.derived_status().is_some())
                .count(),
            ..StatusSummary::from_statuses(goals.iter().map(|g| g.assessed()))
        }
    }

    pub fn add(&mut self, other: &StatusSummary) {
        let mut merged: BTreeMap<&'static str, usize> = BTreeMap::new();
        for c in self.counts.iter().chain(&other.counts) {
            *merged.entry(c.status).or_default() += c.count;
        }
        self.total += other.total;
        self.derived += other.derived;
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

/// A status summary as one table: every status (zero counts too) with its
/// count and a bar drawn by the theme's CSS; each count is said once.
#[derive(Debug, Clone, Serialize)]
pub struct StatusTable {
    /// The table's id in the page (`status_all`, `status_<theme>`).
    pub id: String,
    pub caption: String,
    /// The counts in one plain-language sentence ([`status_sentence`]).
    pub sentence: String,
    /// Some goal's status follows from its targets' (the rule is said).
    pub derived: bool,
    pub rows: Vec<StatusRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusRow {
    pub status: &'static str,
    pub count: usize,
    /// The bar's length in twentieths of the largest count (0 to 20).
    pub bar: usize,
}

pub fn status_table(
    ctx: &PageContext,
    id: &str,
    name: &str,
    summary: &StatusSummary,
) -> Result<StatusTable, RenderError> {
    let counts: Vec<(&'static str, usize)> = Status::ALL
        .iter()
        .map(|s| {
            let count = summary
                .counts
                .iter()
                .find(|c| c.status == s.as_str())
                .map_or(0, |c| c.count);
            (s.as_str(), count)
        })
        .collect();
    let largest = counts.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let mut args = FluentArgs::new();
    args.set("name", name.to_string());
    args.set("total", summary.total as i64);
    for (status, count) in &counts {
        args.set(status.replace('-', "_"), *count as i64);
    }
    Ok(StatusTable {
        id: id.to_string(),
        caption: ctx.t_args("status-table-caption", &args)?,
        sentence: status_sentence(ctx, summary)?,
        derived: summary.derived > 0,
        rows: counts
            .into_iter()
            .map(|(status, count)| StatusRow {
                status,
                count,
                bar: (count * 20).div_ceil(largest),
            })
            .collect(),
    })
}

impl StatusSummary {
    /// How many stand at `status`.
    pub fn count(&self, status: Status) -> usize {
        self.counts
            .iter()
            .find(|c| c.status == status.as_str())
            .map_or(0, |c| c.count)
    }
}

/// The counts of a summary in one sentence of the page's language, e.g.
/// "13 tavoitteesta 1 on saavutettu ja 2 jäi saavuttamatta; 8 tavoitteen
/// tilaa ei arvioitu seurannassa." The statuses that were assessed and
/// have goals are listed (`status-sentence-<status>`, joined by
/// `status-sentence-list`), those not assessed said last; a count of zero
/// is left out. How the words go around the numbers is the messages' own
/// (`status-sentence`, selecting on `$total`, `$parts`, `$not_assessed` and,
/// for a single goal, `$single`).
pub fn status_sentence(ctx: &PageContext, summary: &StatusSummary) -> Result<String, RenderError> {
    let assessed = [
        Status::Achieved,
        Status::OnTrack,
        Status::AtRisk,
        Status::NotAchieved,
    ];
    let mut parts = Vec::new();
    for status in assessed {
        let count = summary.count(status);
        if count > 0 {
            let mut args = FluentArgs::new();
            args.set("count", count as i64);
            parts.push(ctx.t_args(&format!("status-sentence-{}", status.as_str()), &args)?);
        }
    }
    let mut list_args = FluentArgs::new();
    list_args.set("parts", parts.len() as i64);
    for (name, part) in ["a", "b", "c", "d"].iter().zip(&parts) {
        list_args.set(*name, part.clone());
    }
    let list = if parts.is_empty() {
        String::new()
    } else {
        ctx.t_args("status-sentence-list", &list_args)?
    };
    let single = Status::ALL
        .iter()
        .find(|s| summary.count(**s) > 0)
        .map_or("not-assessed", |s| s.as_str());
    let mut args = FluentArgs::new();
    args.set("total", summary.total as i64);
    args.set("parts", parts.len() as i64);
    args.set("list", list);
    args.set("not_assessed", summary.count(Status::NotAssessed) as i64);
    args.set("single", single);
    Ok(ctx.t_args("status-sentence", &args)?)
}

/// The counts of every goal of a scorecard, each goal once with the status
/// it is shown with (`Goal::assessed`: a goal with targets and no status of
/// its own has the weakest of theirs).
pub fn scorecard_summary(scorecard: &Scorecard) -> StatusSummary {
    StatusSummary::of_goals(scorecard.goals().map(|(_, g)| g))
}
