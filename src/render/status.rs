//! How goals and targets stand: counts per status, and their chart.

use std::collections::BTreeMap;

use fluent::FluentArgs;
use serde::Serialize;

use super::charts;
use super::context::PageContext;
use crate::content::{Scorecard, Status};
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
    pub chart: charts::Chart,
    pub rows: Vec<StatusCount>,
}

pub fn status_chart(
    ctx: &PageContext,
    id: &str,
    name: &str,
    summary: &StatusSummary,
) -> Result<StatusChart, RenderError> {
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
            Ok(charts::StatusBar {
                status: row.status,
                label: ctx.t(&format!("status-{}", row.status))?,
                count: row.count,
            })
        })
        .collect::<Result<Vec<_>, RenderError>>()?;
    Ok(StatusChart {
        chart: charts::status_chart(id, &title, &text, &bars),
        rows,
    })
}

/// The counts of every goal of a scorecard.
pub fn scorecard_summary(scorecard: &Scorecard) -> StatusSummary {
    StatusSummary::from_statuses(scorecard.goals().flat_map(|(_, g)| g.statuses()))
}
