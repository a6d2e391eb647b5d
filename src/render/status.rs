//! How goals and targets stand: counts per status, and their chart.

use std::collections::BTreeMap;

use fluent::FluentArgs;
use serde::Serialize;

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

/// A status summary as one table: every status (zero counts too) with its
/// count and a bar drawn by the theme's CSS; each count is said once.
#[derive(Debug, Clone, Serialize)]
pub struct StatusTable {
    /// The table's id in the page (`status_all`, `status_<theme>`).
    pub id: String,
    pub caption: String,
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

/// The counts of every goal of a scorecard.
pub fn scorecard_summary(scorecard: &Scorecard) -> StatusSummary {
    StatusSummary::from_statuses(scorecard.goals().flat_map(|(_, g)| g.statuses()))
}
