//! Open data: each scorecard as JSON (the normalized model, every language)
//! and CSV (one row per measured value and per key-figure cell), and the
//! whole dataset as one JSON file. Pure: site in, files out.

use serde::{Deserialize, Serialize};

use crate::content::{
    ColumnKind, FigureUnit, Indicator, MetricFile, NetworkFile, OrganisationFile, Scorecard,
    ScorecardFile, Site, Text,
};
use crate::output::OutputFile;
use crate::urls;

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
    #[serde(serialize_with = "each_without_absent_fields")]
    pub organisations: Vec<OrganisationFile>,
    #[serde(serialize_with = "each_without_absent_fields")]
    pub networks: Vec<NetworkFile>,
    #[serde(serialize_with = "each_without_absent_fields")]
    pub metrics: Vec<MetricFile>,
    #[serde(serialize_with = "each_without_absent_fields")]
    pub scorecards: Vec<ScorecardFile>,
}

/// A scorecard with its id filled in, as published.
pub fn scorecard_record(scorecard: &Scorecard) -> ScorecardFile {
    let mut data = scorecard.data.clone();
    data.id = Some(scorecard.id.clone());
    data
}

pub fn dataset(site: &Site) -> Dataset {
    Dataset {
        scorecards: site.scorecards.iter().map(scorecard_record).collect(),
        ..dataset_head(site)
    }
}

/// The dataset without its scorecards.
fn dataset_head(site: &Site) -> Dataset {
    Dataset {
        format: "tuloskortti-dataset".into(),
        version: crate::schema::FORMAT_VERSION,
        title: site.config.title.clone(),
        base_url: site.config.base_url.clone(),
        languages: site.config.languages.clone(),
        licence: site.config.licence().to_string(),
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
        scorecards: Vec::new(),
    }
}

/// Every open-data file of the site.
pub fn export(site: &Site) -> Vec<OutputFile> {
    let mut files = export_scorecards(&site.scorecards, site);
    files.extend(export_site(site));
    files
}

/// Each of these scorecards as JSON and as CSV.
pub fn export_scorecards<'s>(
    scorecards: impl IntoIterator<Item = &'s Scorecard>,
    site: &Site,
) -> Vec<OutputFile> {
    let mut files = Vec::new();
    for scorecard in scorecards {
        files.push(OutputFile {
            path: urls::scorecard_data(scorecard, "json"),
            bytes: to_json(&scorecard_record(scorecard)),
        });
        files.push(OutputFile {
            path: urls::scorecard_data(scorecard, "csv"),
            bytes: csv(site, scorecard).into_bytes(),
        });
        files.push(OutputFile {
            path: urls::scorecard_data(scorecard, "xlsx"),
            bytes: rows_xlsx(scorecard.id.as_str(), rows(site, scorecard)),
        });
    }
    files
}

/// The whole dataset, its schema, the scorecard schema and the CSV metadata.
pub fn export_site(site: &Site) -> Vec<OutputFile> {
    vec![
        OutputFile {
            path: urls::DATASET.into(),
            bytes: dataset_json(site),
        },
        OutputFile {
            path: urls::DATASET_SCHEMA.into(),
            bytes: to_json(&crate::schema::dataset()),
        },
        OutputFile {
            path: urls::SCORECARD_SCHEMA.into(),
            bytes: to_json(&crate::schema::scorecard_download()),
        },
        OutputFile {
            path: urls::CSV_METADATA.into(),
            bytes: to_json(&csv_metadata(site)),
        },
        dataset_xlsx(site),
    ]
}

/// Every scorecard's table rows as one workbook, `data/tuloskortti.xlsx`.
pub fn dataset_xlsx(site: &Site) -> OutputFile {
    OutputFile {
        path: urls::DATASET_XLSX.into(),
        bytes: rows_xlsx(
            "tuloskortti",
            site.scorecards.iter().flat_map(|s| rows(site, s)).collect(),
        ),
    }
}

/// What each CSV column holds, in the W3C's vocabulary for tabular data
/// (CSVW), for every scorecard's CSV: a spreadsheet or a CSVW validator
/// reads the columns' types from it.
pub fn csv_metadata(site: &Site) -> serde_json::Value {
    use serde_json::json;
    let columns: Vec<serde_json::Value> = CSV_COLUMNS
        .iter()
        .map(|column| {
            json!({
                "name": column.name,
                "titles": column.name,
                "datatype": column.kind.datatype(),
                "required": column.required,
                "dc:description": column.description,
            })
        })
        .collect();
    json!({
        "@context": "http://www.w3.org/ns/csvw",
        "dc:title": site.config.title.get(site.config.default_language(), site.config.default_language()).unwrap_or_default(),
        "dc:license": site.config.licence(),
        "dialect": {"encoding": "utf-8", "header": true, "lineTerminators": ["\r\n"]},
        "tableSchema": {"columns": columns},
        "tables": site
            .scorecards
            .iter()
            .map(|s| json!({"url": urls::scorecard_data(s, "csv").trim_start_matches("data/")}))
            .collect::<Vec<_>>(),
    })
}

/// Pretty JSON with a final newline, as the downloads are written. Fields
/// the content leaves out are left out here too (no `null` members), so a
/// download reads like the content file and passes the same schema; `null`
/// stays where it means something, such as an empty cell in `values`.
pub fn to_json<T: Serialize>(value: &T) -> Vec<u8> {
    let mut value = serde_json::to_value(value).expect("the model serializes to JSON");
    drop_absent_fields(&mut value);
    let mut bytes = serde_json::to_vec_pretty(&value).expect("a JSON value serializes");
    bytes.push(b'\n');
    bytes
}

/// The dataset download. Its scorecards are written one record at a time,
/// each as [`dataset_record`] gives it, without the whole dataset as one
/// JSON value in memory.
///
/// The records are serialized twice, first only to count their bytes: the
/// buffer is then allocated once at its final size, where growing it by
/// doubling would briefly hold one and a half times the download (over a
/// gigabyte at a million pages).
pub fn dataset_json(site: &Site) -> Vec<u8> {
    dataset_json_with(site, |scorecard| {
        std::borrow::Cow::Owned(dataset_record(scorecard))
    })
}

/// [`dataset_json`] with each scorecard's record from `record` (which the
/// preview server keeps, to re-serialize only the scorecard that changed).
/// `record` is called twice for each scorecard.
pub fn dataset_json_with<'s>(
    site: &'s Site,
    record: impl Fn(&'s Scorecard) -> std::borrow::Cow<'s, [u8]>,
) -> Vec<u8> {
    let mut head = serde_json::to_vec_pretty(&dataset_head(site)).expect("the model serializes");
    // The head ends with the empty list of scorecards, the last member.
    const EMPTY: &[u8] = b"[]\n}";
    debug_assert!(head.ends_with(EMPTY));
    if site.scorecards.is_empty() {
        head.push(b'\n');
        return head;
    }
    head.truncate(head.len() - EMPTY.len());
    const OPEN: &[u8] = b"[\n";
    const SEPARATOR: &[u8] = b",\n";
    const CLOSE: &[u8] = b"\n  ]\n}\n";
    let records: usize = site.scorecards.iter().map(|s| record(s).len()).sum();
    let size = head.len()
        + OPEN.len()
        + records
        + SEPARATOR.len() * (site.scorecards.len() - 1)
        + CLOSE.len();
    let mut bytes = Vec::with_capacity(size);
    bytes.extend_from_slice(&head);
    bytes.extend_from_slice(OPEN);
    for (i, scorecard) in site.scorecards.iter().enumerate() {
        if i > 0 {
            bytes.extend_from_slice(SEPARATOR);
        }
        bytes.extend_from_slice(&record(scorecard));
    }
    bytes.extend_from_slice(CLOSE);
    debug_assert_eq!(bytes.len(), size);
    bytes
}

/// A scorecard as the dataset lists it: its JSON download, indented to its
/// place in the list (two levels, four spaces; JSON strings hold no raw line
/// breaks, so every line break starts a line of the record).
pub fn dataset_record(scorecard: &Scorecard) -> Vec<u8> {
    const INDENT: &[u8] = b"    ";
    let json = to_json(&scorecard_record(scorecard));
    let json = json.strip_suffix(b"\n").unwrap_or(&json);
    let lines = json.iter().filter(|&&b| b == b'\n').count();
    let mut bytes = Vec::with_capacity(json.len() + INDENT.len() * (lines + 1));
    bytes.extend_from_slice(INDENT);
    for &byte in json {
        bytes.push(byte);
        if byte == b'\n' {
            bytes.extend_from_slice(INDENT);
        }
    }
    bytes
}

/// A list of records, each written as `to_json` writes one.
fn each_without_absent_fields<S, T>(items: &[T], serializer: S) -> Result<S::Ok, S::Error>
where
    S: serde::Serializer,
    T: Serialize,
{
    serializer.collect_seq(items.iter().map(|item| {
        let mut value = serde_json::to_value(item).expect("the model serializes to JSON");
        drop_absent_fields(&mut value);
        value
    }))
}

fn drop_absent_fields(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(members) => {
            members.retain(|_, v| !v.is_null());
            members.values_mut().for_each(drop_absent_fields);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(drop_absent_fields),
        _ => {}
    }
}

/// A column of the CSV downloads: its name, the kind of its values, and
/// what it means, as the CSVW metadata describes it.
struct CsvColumn {
    name: &'static str,
    kind: CsvKind,
    required: bool,
    description: &'static str,
}

enum CsvKind {
    Id,
    OptionalId,
    Text,
    Integer,
    Record,
    Period,
    ColumnKind,
    Number,
}

impl CsvKind {
    /// The column's CSVW datatype.
    fn datatype(&self) -> serde_json::Value {
        use serde_json::json;
        match self {
            CsvKind::Id => json!({"base": "string", "format": "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"}),
            CsvKind::OptionalId => {
                json!({"base": "string", "format": "^([a-z0-9]([a-z0-9-]*[a-z0-9])?)?$"})
            }
            CsvKind::Text => json!({"base": "string"}),
            CsvKind::Integer => json!("integer"),
            CsvKind::Record => json!({"base": "string", "format": "^(indicator|key_figure)$"}),
            CsvKind::Period => {
                json!({"base": "string", "format": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|-H[12]|-Q[1-4])?$"})
            }
            CsvKind::ColumnKind => json!({"base": "string", "format": "^(actual|budget|plan)?$"}),
            CsvKind::Number => json!({"base": "double", "format": {"decimalChar": "."}}),
        }
    }
}

/// The columns of the CSV downloads, in order: the header, the rows (see
/// [`csv`]) and the CSVW metadata all follow from this one table.
const CSV_COLUMNS: [CsvColumn; 15] = {
    const fn column(
        name: &'static str,
        kind: CsvKind,
        required: bool,
        description: &'static str,
    ) -> CsvColumn {
        CsvColumn {
            name,
            kind,
            required,
            description,
        }
    }
    const PART: &str =
        "The id of the theme, goal or target the indicator belongs to (indicator rows).";
    const LABEL: &str = "The indicator's or the row's name in Finnish, Swedish, English.";
    [
        column("organisation", CsvKind::Id, true, "The organisation's id."),
        column("scorecard", CsvKind::Id, true, "The scorecard's id."),
        column("year", CsvKind::Integer, true, "The scorecard's year."),
        column(
            "record",
            CsvKind::Record,
            true,
            "indicator: a measured value of an indicator; key_figure: a cell of a key-figure table.",
        ),
        column("theme", CsvKind::OptionalId, false, PART),
        column("goal", CsvKind::OptionalId, false, PART),
        column("target", CsvKind::OptionalId, false, PART),
        column(
            "table",
            CsvKind::OptionalId,
            false,
            "The key-figure table's id (key_figure rows).",
        ),
        column("label_fi", CsvKind::Text, false, LABEL),
        column("label_sv", CsvKind::Text, false, LABEL),
        column("label_en", CsvKind::Text, false, LABEL),
        column(
            "period",
            CsvKind::Period,
            true,
            "YYYY, YYYY-MM, YYYY-MM-DD, YYYY-H1/H2 or YYYY-Q1..Q4.",
        ),
        column(
            "column",
            CsvKind::ColumnKind,
            false,
            "actual, budget or plan (key_figure rows).",
        ),
        column(
            "value",
            CsvKind::Number,
            true,
            "The number, with a full stop and no grouping.",
        ),
        column(
            "unit",
            CsvKind::Text,
            false,
            "EUR, percent, count, or the unit's name.",
        ),
    ]
};

/// The CSV downloads' header: the names of [`CSV_COLUMNS`].
pub const CSV_HEADER: [&str; 15] = {
    let mut names = [""; 15];
    let mut i = 0;
    while i < names.len() {
        names[i] = CSV_COLUMNS[i].name;
        i += 1;
    }
    names
};

/// A cell of a download's table: a text, or a number.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
}

impl Cell {
    fn csv(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Number(n) => number(*n),
        }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::Text(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::Text(text.to_string())
    }
}

/// One row per indicator value and per key-figure cell that has a value.
/// UTF-8 with a byte-order mark, so that Excel shows ä and ö right.
pub fn csv(site: &Site, scorecard: &Scorecard) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, CSV_HEADER.iter().map(|s| s.to_string()));
    for row in rows(site, scorecard) {
        push_row(&mut out, row.iter().map(Cell::csv));
    }
    out
}

/// The rows of [`csv`], with the year and the value as numbers.
pub fn rows(site: &Site, scorecard: &Scorecard) -> Vec<Vec<Cell>> {
    let default = site.config.default_language();
    let label = |text: &Text, lang: &str| text.get(lang, default).unwrap_or_default().to_string();
    let org = scorecard.organisation().to_string();
    let id = scorecard.id.to_string();
    let year = f64::from(scorecard.data.year);
    let mut out: Vec<Vec<Cell>> = Vec::new();
    let indicator_rows = |out: &mut Vec<Vec<Cell>>,
                          theme: &str,
                          goal: &str,
                          target: &str,
                          indicators: &[Indicator]| {
        for indicator in indicators {
            let unit = indicator
                .unit
                .as_ref()
                .map(|u| label(u, default))
                .unwrap_or_default();
            for value in &indicator.values {
                out.push(vec![
                    org.as_str().into(),
                    id.as_str().into(),
                    Cell::Number(year),
                    "indicator".into(),
                    theme.into(),
                    goal.into(),
                    target.into(),
                    "".into(),
                    label(&indicator.title, "fi").into(),
                    label(&indicator.title, "sv").into(),
                    label(&indicator.title, "en").into(),
                    value.period.to_string().into(),
                    "".into(),
                    Cell::Number(value.value),
                    unit.as_str().into(),
                ]);
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
                out.push(vec![
                    org.as_str().into(),
                    id.as_str().into(),
                    Cell::Number(year),
                    "key_figure".into(),
                    "".into(),
                    "".into(),
                    "".into(),
                    table.id.value.to_string().into(),
                    label(&row.label, "fi").into(),
                    label(&row.label, "sv").into(),
                    label(&row.label, "en").into(),
                    column.year.to_string().into(),
                    kind.into(),
                    Cell::Number(*value),
                    unit.as_str().into(),
                ]);
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
        let field = neutralised(field);
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

/// A table as an XLSX workbook of one sheet: a bold, frozen header row,
/// numbers as numbers, and every text cell neutralised as in the CSV.
pub fn xlsx(
    sheet_name: &str,
    header: &[String],
    rows: &[Vec<Option<Cell>>],
    widths: &[f64],
) -> Vec<u8> {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    // A fixed creation time: two builds of the same content are the same
    // bytes (the workbook would otherwise carry the time it was made).
    if let Ok(epoch) = ExcelDateTime::from_ymd(2000, 1, 1) {
        book.set_properties(&DocProperties::new().set_creation_datetime(&epoch));
    }
    let sheet = book.add_worksheet();
    // Names longer than Excel's 31 characters are cut; the data stays.
    let name: String = sheet_name.chars().take(31).collect();
    let _ = sheet.set_name(name);
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    for (col, title) in header.iter().enumerate() {
        let _ = sheet.write_string_with_format(0, col as u16, neutralised(title.clone()), &bold);
    }
    for (col, width) in widths.iter().enumerate() {
        let _ = sheet.set_column_width(col as u16, *width);
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            let _ = match cell {
                Some(Cell::Text(text)) if !text.is_empty() => sheet
                    .write_string_with_format(r, c, neutralised(text.clone()), &wrap)
                    .map(|_| ()),
                Some(Cell::Number(n)) => sheet.write_number(r, c, *n).map(|_| ()),
                _ => Ok(()),
            };
        }
    }
    let _ = sheet.set_freeze_panes(1, 0);
    book.save_to_buffer().expect("a workbook in memory")
}

/// The rows of a scorecard's (or the whole dataset's) CSV as a workbook.
pub fn rows_xlsx(name: &str, rows: Vec<Vec<Cell>>) -> Vec<u8> {
    let header: Vec<String> = CSV_HEADER.iter().map(|s| s.to_string()).collect();
    let rows: Vec<Vec<Option<Cell>>> = rows
        .into_iter()
        .map(|row| row.into_iter().map(Some).collect())
        .collect();
    let widths = [
        14.0, 24.0, 6.0, 10.0, 16.0, 24.0, 24.0, 16.0, 40.0, 40.0, 40.0, 10.0, 8.0, 14.0, 10.0,
    ];
    xlsx(name, &header, &rows, &widths)
}

/// A text that a spreadsheet would take for a formula (`=HYPERLINK(...)`,
/// `+`, `-`, `@`, or a tab or carriage return first) gets a leading
/// apostrophe, which spreadsheets show as text; numbers stay as they are.
pub fn neutralised(field: String) -> String {
    let risky = field.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && field.parse::<f64>().is_err() {
        format!("'{field}")
    } else {
        field
    }
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

#[cfg(test)]
mod tests {
    #[test]
    fn cells_that_would_be_formulas_are_text_and_numbers_stay_numbers() {
        let mut out = String::new();
        let fields = [
            "=HYPERLINK(\"https://x.example\",\"x\")",
            "-1234567",
            "-0.5",
            "+A1",
            "@SUM(A1)",
            "- luettelo",
            "2024-H1",
        ];
        super::push_row(&mut out, fields.map(String::from));
        assert_eq!(
            out,
            "\"'=HYPERLINK(\"\"https://x.example\"\",\"\"x\"\")\",-1234567,-0.5,'+A1,'@SUM(A1),'- luettelo,2024-H1\r\n"
        );
    }
}
