//! Open data: each scorecard as JSON (the normalized model, every language)
//! and CSV (one row per measured value and per key-figure cell), and the
//! whole dataset as one JSON file. Pure: site in, files out.

use serde::{Deserialize, Serialize};

use crate::content::{
    ColumnKind, FigureUnit, Indicator, MetricFile, NetworkFile, OrganisationFile, Scorecard,
    ScorecardFile, Site, Text,
};
use crate::render::OutputFile;

/// Version of the dataset format; bumped when a field changes meaning.
pub const FORMAT_VERSION: u32 = 1;

/// The whole dataset, as written to `data/tuloskortti.json`.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub format: String,
    pub version: u32,
    pub title: Text,
    pub base_url: String,
    /// The first is the default language: plain strings are in it.
    pub languages: Vec<String>,
    pub licence: String,
    pub organisations: Vec<OrganisationFile>,
    pub networks: Vec<NetworkFile>,
    pub metrics: Vec<MetricFile>,
    pub scorecards: Vec<ScorecardFile>,
}

/// The licence line's default when `site.yaml` names none.
pub const DEFAULT_LICENCE: &str = "CC BY 4.0";

pub fn licence(site: &Site) -> String {
    site.config
        .licence
        .clone()
        .unwrap_or_else(|| DEFAULT_LICENCE.to_string())
}

/// A scorecard with its id filled in, as published.
pub fn scorecard_record(scorecard: &Scorecard) -> ScorecardFile {
    let mut data = scorecard.data.clone();
    data.id = Some(scorecard.id.clone());
    data
}

pub fn dataset(site: &Site) -> Dataset {
    Dataset {
        format: "tuloskortti-dataset".into(),
        version: FORMAT_VERSION,
        title: site.config.title.clone(),
        base_url: site.config.base_url.clone(),
        languages: site.config.languages.clone(),
        licence: licence(site),
        organisations: site
            .organisations
            .iter()
            .map(|o| {
                let mut data = o.data.clone();
                data.id = Some(o.id.clone());
                data
            })
            .collect(),
        networks: site.networks.iter().map(|n| n.data.clone()).collect(),
        metrics: site.metrics.iter().map(|m| m.data.clone()).collect(),
        scorecards: site.scorecards.iter().map(scorecard_record).collect(),
    }
}

/// Where a scorecard's downloads live: `data/<org>/<scorecard>.{json,csv}`.
pub fn scorecard_path(scorecard: &Scorecard, extension: &str) -> String {
    format!(
        "data/{}/{}.{extension}",
        scorecard.organisation(),
        scorecard.id
    )
}

pub const DATASET_PATH: &str = "data/tuloskortti.json";

/// Every open-data file of the site.
pub fn export(site: &Site) -> Vec<OutputFile> {
    let mut files = Vec::new();
    for scorecard in &site.scorecards {
        files.push(OutputFile {
            path: scorecard_path(scorecard, "json"),
            bytes: to_json(&scorecard_record(scorecard)),
        });
        files.push(OutputFile {
            path: scorecard_path(scorecard, "csv"),
            bytes: csv(site, scorecard).into_bytes(),
        });
    }
    files.push(OutputFile {
        path: DATASET_PATH.into(),
        bytes: to_json(&dataset(site)),
    });
    files
}

/// Pretty JSON with a final newline, as the downloads are written.
pub fn to_json<T: Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).expect("the model serializes to JSON");
    bytes.push(b'\n');
    bytes
}

pub const CSV_HEADER: [&str; 15] = [
    "organisation",
    "scorecard",
    "year",
    "record",
    "theme",
    "goal",
    "target",
    "table",
    "label_fi",
    "label_sv",
    "label_en",
    "period",
    "column",
    "value",
    "unit",
];

/// One row per indicator value and per key-figure cell that has a value.
/// UTF-8 with a byte-order mark, so that Excel shows ä and ö right.
pub fn csv(site: &Site, scorecard: &Scorecard) -> String {
    let default = site.config.default_language();
    let label = |text: &Text, lang: &str| text.get(lang, default).unwrap_or_default().to_string();
    let org = scorecard.organisation().to_string();
    let id = scorecard.id.to_string();
    let year = scorecard.data.year.to_string();
    let mut out = String::from("\u{feff}");
    push_row(&mut out, CSV_HEADER.iter().map(|s| s.to_string()));
    let indicator_rows =
        |out: &mut String, theme: &str, goal: &str, target: &str, indicators: &[Indicator]| {
            for indicator in indicators {
                let unit = indicator
                    .unit
                    .as_ref()
                    .map(|u| label(u, default))
                    .unwrap_or_default();
                for value in &indicator.values {
                    push_row(
                        out,
                        [
                            org.clone(),
                            id.clone(),
                            year.clone(),
                            "indicator".into(),
                            theme.into(),
                            goal.into(),
                            target.into(),
                            String::new(),
                            label(&indicator.title, "fi"),
                            label(&indicator.title, "sv"),
                            label(&indicator.title, "en"),
                            value.period.to_string(),
                            String::new(),
                            number(value.value),
                            unit.clone(),
                        ],
                    );
                }
            }
        };
    for (theme, goal) in scorecard.goals() {
        let (theme, goal_id) = (theme.id.value.as_str(), goal.id.value.as_str());
        indicator_rows(&mut out, theme, goal_id, "", &goal.indicators);
        for target in &goal.targets {
            indicator_rows(
                &mut out,
                theme,
                goal_id,
                target.id.value.as_str(),
                &target.indicators,
            );
        }
    }
    for table in &scorecard.data.key_figures {
        for row in &table.rows {
            let unit = match &row.unit {
                FigureUnit::Eur => "EUR".to_string(),
                FigureUnit::Percent => "percent".to_string(),
                FigureUnit::Count => "count".to_string(),
                FigureUnit::Text(text) => label(text, default),
            };
            for (column, value) in table.columns.value.iter().zip(&row.values.value) {
                let Some(value) = value else { continue };
                let kind = match column.kind {
                    ColumnKind::Actual => "actual",
                    ColumnKind::Budget => "budget",
                    ColumnKind::Plan => "plan",
                };
                push_row(
                    &mut out,
                    [
                        org.clone(),
                        id.clone(),
                        year.clone(),
                        "key_figure".into(),
                        String::new(),
                        String::new(),
                        String::new(),
                        table.id.value.to_string(),
                        label(&row.label, "fi"),
                        label(&row.label, "sv"),
                        label(&row.label, "en"),
                        column.year.to_string(),
                        kind.into(),
                        number(*value),
                        unit.clone(),
                    ],
                );
            }
        }
    }
    out
}

/// Numbers in CSV use a full stop and no grouping, as spreadsheets import them.
fn number(value: f64) -> String {
    format!("{value}")
}

fn push_row(out: &mut String, fields: impl IntoIterator<Item = String>) {
    let mut first = true;
    for field in fields {
        if !first {
            out.push(',');
        }
        first = false;
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
}

/// How many values the content holds: indicator values and filled cells.
pub fn value_count(scorecard: &Scorecard) -> usize {
    let indicators: usize = scorecard
        .goals()
        .map(|(_, goal)| {
            goal.indicators
                .iter()
                .map(|i| i.values.len())
                .sum::<usize>()
                + goal
                    .targets
                    .iter()
                    .flat_map(|t| &t.indicators)
                    .map(|i| i.values.len())
                    .sum::<usize>()
        })
        .sum();
    let cells: usize = scorecard
        .data
        .key_figures
        .iter()
        .flat_map(|t| &t.rows)
        .map(|r| r.values.value.iter().flatten().count())
        .sum();
    indicators + cells
}
