//! `sheet export` and `sheet import`: a scorecard's follow-up to a
//! spreadsheet keeper and back.
//!
//! The workbook has one row per goal, per target and per indicator, in the
//! order of the content file. A goal or target row holds the status and
//! the follow-up in each site language, an indicator row its values, one
//! column per period (every period the scorecard's indicators have, and
//! the scorecard's year). Ids, titles and units are shown but not read
//! back. Two hidden columns hold each row's field path and a hash of the
//! value each editable cell had at the export; a hidden sheet names the
//! scorecard and the columns.
//!
//! An import reads a cell only when its value's hash differs from the one
//! exported (the keeper changed it), and refuses it when the value in the
//! content file is no longer the exported one (the source changed since).
//! Nothing is written unless every changed cell passes and the edited file
//! reads back with the project's own parser as expected.

use std::collections::{BTreeMap, HashMap};
use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{Color, DataValidation, Format, Workbook, Worksheet};

use super::table::cell_text;
use super::translations::{model_json, slash};
use super::yaml_edit::{self, Edit};
use super::{Messages, json_at_mut};
use crate::content::load::ContentFiles;
use crate::content::model::{Goal, Indicator, Period, Status, Target};
use crate::content::{Scorecard, Site};
use crate::diagnostics::{Diagnostic, Diagnostics, Location, closest};
use crate::open_data::neutralised;

/// The first cell of the hidden sheet: this workbook is a follow-up sheet.
pub const MARKER: &str = "tuloskortti-sheet";
const VERSION: &str = "1";
/// The hidden sheet's name.
pub const META_SHEET: &str = "tuloskortti";

/// What a column of the sheet holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    Kind,
    Goal,
    Target,
    Indicator,
    Title(String),
    Status,
    FollowUp(String),
    Unit,
    Value(Period),
    /// Hidden: the row's field path.
    Path,
    /// Hidden: the hash of each editable cell's exported value.
    State,
}

impl Column {
    /// The column's name in the hidden sheet.
    pub fn key(&self) -> String {
        match self {
            Column::Kind => "kind".into(),
            Column::Goal => "goal".into(),
            Column::Target => "target".into(),
            Column::Indicator => "indicator".into(),
            Column::Title(lang) => format!("title.{lang}"),
            Column::Status => "status".into(),
            Column::FollowUp(lang) => format!("follow_up.{lang}"),
            Column::Unit => "unit".into(),
            Column::Value(period) => format!("value.{period}"),
            Column::Path => "path".into(),
            Column::State => "state".into(),
        }
    }

    fn parse(key: &str) -> Option<Column> {
        Some(match key {
            "kind" => Column::Kind,
            "goal" => Column::Goal,
            "target" => Column::Target,
            "indicator" => Column::Indicator,
            "status" => Column::Status,
            "unit" => Column::Unit,
            "path" => Column::Path,
            "state" => Column::State,
            _ => {
                let (name, rest) = key.split_once('.')?;
                match name {
                    "title" => Column::Title(rest.to_string()),
                    "follow_up" => Column::FollowUp(rest.to_string()),
                    "value" => Column::Value(Period::parse(rest).ok()?),
                    _ => return None,
                }
            }
        })
    }

    /// A column whose cells the import reads.
    pub fn editable(&self) -> bool {
        matches!(
            self,
            Column::Status | Column::FollowUp(_) | Column::Value(_)
        )
    }

    fn header(&self, msg: &Messages) -> String {
        match self {
            Column::Kind => msg.get("sheet-column-kind", &[]),
            Column::Goal => msg.get("sheet-column-goal", &[]),
            Column::Target => msg.get("sheet-column-target", &[]),
            Column::Indicator => msg.get("sheet-column-indicator", &[]),
            Column::Title(lang) => msg.get("sheet-column-title", &[("lang", lang)]),
            Column::Status => msg.get("sheet-column-status", &[]),
            Column::FollowUp(lang) => msg.get("sheet-column-follow-up", &[("lang", lang)]),
            Column::Unit => msg.get("sheet-column-unit", &[]),
            Column::Value(period) => {
                msg.get("sheet-column-value", &[("period", &period.to_string())])
            }
            Column::Path => msg.get("sheet-column-path", &[]),
            Column::State => msg.get("sheet-column-state", &[]),
        }
    }

    fn width(&self) -> f64 {
        match self {
            Column::Kind => 12.0,
            Column::Goal | Column::Target => 22.0,
            Column::Indicator => 8.0,
            Column::Title(_) => 40.0,
            Column::Status => 14.0,
            Column::FollowUp(_) => 60.0,
            Column::Unit => 10.0,
            Column::Value(_) => 12.0,
            Column::Path | Column::State => 20.0,
        }
    }
}

/// What a row is about.
#[derive(Debug, Clone, Copy)]
pub enum Element<'s> {
    Goal(&'s Goal),
    Target(&'s Target),
    Indicator(&'s Indicator),
}

/// A row of the sheet: a goal, a target or an indicator, with its place.
#[derive(Debug, Clone)]
pub struct Row<'s> {
    pub element: Element<'s>,
    /// Its field path in the content file (`themes[a].goals[b].targets[c]`).
    pub path: String,
    pub goal: String,
    pub target: Option<String>,
    /// The indicator's number among those of its goal or target, from 1.
    pub indicator: Option<usize>,
}

/// Every goal, target and indicator of the scorecard, in document order.
pub fn rows(scorecard: &Scorecard) -> Vec<Row<'_>> {
    let mut out = Vec::new();
    for (theme, goal) in scorecard.goals() {
        let goal_path = format!("themes[{}].goals[{}]", theme.id.value, goal.id.value);
        let goal_id = goal.id.value.to_string();
        out.push(Row {
            element: Element::Goal(goal),
            path: goal_path.clone(),
            goal: goal_id.clone(),
            target: None,
            indicator: None,
        });
        push_indicators(&mut out, &goal_path, &goal_id, None, &goal.indicators);
        for target in &goal.targets {
            let path = format!("{goal_path}.targets[{}]", target.id.value);
            let target_id = target.id.value.to_string();
            out.push(Row {
                element: Element::Target(target),
                path: path.clone(),
                goal: goal_id.clone(),
                target: Some(target_id.clone()),
                indicator: None,
            });
            push_indicators(
                &mut out,
                &path,
                &goal_id,
                Some(&target_id),
                &target.indicators,
            );
        }
    }
    out
}

fn push_indicators<'s>(
    out: &mut Vec<Row<'s>>,
    owner: &str,
    goal: &str,
    target: Option<&str>,
    indicators: &'s [Indicator],
) {
    for (i, indicator) in indicators.iter().enumerate() {
        out.push(Row {
            element: Element::Indicator(indicator),
            path: format!("{owner}.indicators[{i}]"),
            goal: goal.to_string(),
            target: target.map(str::to_string),
            indicator: Some(i + 1),
        });
    }
}

/// The columns of a scorecard's sheet.
pub fn columns(site: &Site, scorecard: &Scorecard) -> Vec<Column> {
    let languages = &site.config.languages;
    let mut periods: Vec<Period> = scorecard
        .goals()
        .flat_map(|(_, goal)| goal.all_indicators())
        .flat_map(|indicator| indicator.values.iter().map(|v| v.period))
        .collect();
    periods.push(Period::Year(scorecard.data.year));
    periods.sort();
    periods.dedup();
    let mut out = vec![
        Column::Kind,
        Column::Goal,
        Column::Target,
        Column::Indicator,
    ];
    out.extend(languages.iter().map(|l| Column::Title(l.clone())));
    out.push(Column::Status);
    out.extend(languages.iter().map(|l| Column::FollowUp(l.clone())));
    out.push(Column::Unit);
    out.extend(periods.into_iter().map(Column::Value));
    out.push(Column::Path);
    out.push(Column::State);
    out
}

/// A number as the content file and the sheet write it (a full stop, no
/// grouping).
fn number(value: f64) -> String {
    format!("{value}")
}

/// An editable cell's value in the content: `None` when the column is not
/// read back on this row (the status of a goal that has targets, the
/// follow-up of an indicator), `Some(None)` when the content has no value.
fn current(row: &Row, column: &Column, default: &str) -> Option<Option<String>> {
    match (row.element, column) {
        (Element::Goal(goal), Column::Status) if goal.targets.is_empty() => {
            Some(goal.status.map(|s| s.as_str().to_string()))
        }
        (Element::Target(target), Column::Status) => {
            Some(target.status.map(|s| s.as_str().to_string()))
        }
        (Element::Goal(Goal { follow_up, .. }), Column::FollowUp(lang))
        | (Element::Target(Target { follow_up, .. }), Column::FollowUp(lang)) => Some(
            follow_up
                .as_ref()
                .and_then(|t| t.get(lang, default))
                .map(str::to_string),
        ),
        (Element::Indicator(indicator), Column::Value(period)) => Some(
            indicator
                .values
                .iter()
                .find(|v| v.period == *period)
                .map(|v| number(v.value)),
        ),
        _ => None,
    }
}

/// The hash carried for a cell's value (an empty cell has one too).
fn hash_of(value: Option<&str>) -> String {
    format!(
        "{:016x}",
        crate::output::hash(value.unwrap_or("\u{1}").as_bytes())
    )
}

/// `org/scorecard`, as the sheet names its scorecard.
pub fn name_of(scorecard: &Scorecard) -> String {
    format!("{}/{}", scorecard.organisation(), scorecard.id)
}

/// The scorecard that `name` (`org/scorecard` or a scorecard's id) names,
/// or the message why none.
pub fn find_scorecard<'s>(
    site: &'s Site,
    name: &str,
    msg: &Messages,
) -> Result<&'s Scorecard, String> {
    let matching: Vec<&Scorecard> = site
        .scorecards
        .iter()
        .filter(|s| name_of(s) == name || s.id.as_str() == name)
        .collect();
    let names = || {
        site.scorecards
            .iter()
            .map(name_of)
            .collect::<Vec<_>>()
            .join(", ")
    };
    match matching.as_slice() {
        [one] => Ok(one),
        [] => Err(msg.get(
            "sheet-unknown-scorecard",
            &[("name", name), ("names", &names())],
        )),
        several => Err(msg.get(
            "sheet-ambiguous-scorecard",
            &[
                ("name", name),
                (
                    "names",
                    &several
                        .iter()
                        .map(|s| name_of(s))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            ],
        )),
    }
}

fn write_text(sheet: &mut Worksheet, row: u32, col: u16, text: &str, format: &Format) {
    if text.is_empty() {
        let _ = sheet.write_blank(row, col, format);
    } else {
        let _ = sheet.write_string_with_format(row, col, neutralised(text.to_string()), format);
    }
}

/// The follow-up workbook of a scorecard (XLSX).
pub fn export(site: &Site, scorecard: &Scorecard, msg: &Messages) -> Vec<u8> {
    let default = site.config.default_language();
    let languages = &site.config.languages;
    let columns = columns(site, scorecard);
    let rows = rows(scorecard);
    let headers: Vec<String> = columns.iter().map(|c| c.header(msg)).collect();
    let main_name: String = msg.get("sheet-name-main", &[]).chars().take(31).collect();
    let statuses_name: String = msg
        .get("sheet-name-statuses", &[])
        .chars()
        .take(31)
        .collect();

    let mut book = Workbook::new();
    let grey = Color::RGB(0xEEEEEE);
    let header_format = Format::new().set_bold().set_text_wrap();
    let editable_header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(Color::RGB(0xFFF2CC));
    let fixed = Format::new().set_text_wrap().set_background_color(grey);
    let editable = Format::new().set_text_wrap();
    let fixed_number = Format::new().set_background_color(grey);

    let sheet = book.add_worksheet();
    let _ = sheet.set_name(&main_name);
    for (c, (column, header)) in columns.iter().zip(&headers).enumerate() {
        let c = c as u16;
        let format = if column.editable() {
            &editable_header
        } else {
            &header_format
        };
        write_text(sheet, 0, c, header, format);
        let _ = sheet.set_column_width(c, column.width());
        if matches!(column, Column::Path | Column::State) {
            let _ = sheet.set_column_hidden(c);
        }
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        let mut hashes = Vec::new();
        for (c, column) in columns.iter().enumerate() {
            let c = c as u16;
            if column.editable() {
                match current(row, column, default) {
                    Some(value) => {
                        hashes.push(hash_of(value.as_deref()));
                        match (column, value) {
                            (Column::Value(_), Some(value)) => {
                                let n: f64 = value.parse().unwrap_or_default();
                                let _ = sheet.write_number(r, c, n);
                            }
                            (_, value) => {
                                write_text(sheet, r, c, value.as_deref().unwrap_or(""), &editable)
                            }
                        }
                    }
                    None => {
                        hashes.push("-".into());
                        let _ = sheet.write_blank(r, c, &fixed);
                    }
                }
                continue;
            }
            let title = |lang: &str| match row.element {
                Element::Goal(g) => g.title.get(lang, default),
                Element::Target(t) => t.title.get(lang, default),
                Element::Indicator(i) => i.title.get(lang, default),
            };
            match column {
                Column::Kind => {
                    let id = match row.element {
                        Element::Goal(_) => "sheet-kind-goal",
                        Element::Target(_) => "sheet-kind-target",
                        Element::Indicator(_) => "sheet-kind-indicator",
                    };
                    write_text(sheet, r, c, &msg.get(id, &[]), &fixed);
                }
                Column::Goal => write_text(sheet, r, c, &row.goal, &fixed),
                Column::Target => {
                    write_text(sheet, r, c, row.target.as_deref().unwrap_or(""), &fixed)
                }
                Column::Indicator => match row.indicator {
                    Some(n) => {
                        let _ = sheet.write_number_with_format(r, c, n as f64, &fixed_number);
                    }
                    None => {
                        let _ = sheet.write_blank(r, c, &fixed);
                    }
                },
                Column::Title(lang) => write_text(sheet, r, c, title(lang).unwrap_or(""), &fixed),
                Column::Unit => {
                    let unit = match row.element {
                        Element::Indicator(i) => i
                            .unit
                            .as_ref()
                            .and_then(|u| u.get(&msg.lang, default).or(u.get(default, default))),
                        _ => None,
                    };
                    write_text(sheet, r, c, unit.unwrap_or(""), &fixed)
                }
                Column::Path => write_text(sheet, r, c, &row.path, &fixed),
                Column::State => write_text(sheet, r, c, &hashes.join(" "), &fixed),
                _ => {}
            }
        }
    }
    // The status column offers the allowed values.
    if let Some(c) = columns.iter().position(|c| *c == Column::Status)
        && !rows.is_empty()
    {
        let values: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
        if let Ok(validation) = DataValidation::new()
            .allow_list_strings(&values)
            .and_then(|v| v.set_error_message(msg.get("sheet-status-list", &[])))
        {
            let _ =
                sheet.add_data_validation(1, c as u16, rows.len() as u32, c as u16, &validation);
        }
    }
    let _ = sheet.set_freeze_panes(1, 0);

    // The allowed statuses, in every site language, and how the sheet is read.
    let help = book.add_worksheet();
    let _ = help.set_name(&statuses_name);
    write_text(
        help,
        0,
        0,
        &msg.get("sheet-column-status", &[]),
        &header_format,
    );
    let _ = help.set_column_width(0, 16.0);
    for (i, lang) in languages.iter().enumerate() {
        let c = i as u16 + 1;
        write_text(
            help,
            0,
            c,
            &msg.get("sheet-status-name", &[("lang", lang)]),
            &header_format,
        );
        let _ = help.set_column_width(c, 24.0);
    }
    for (r, status) in Status::ALL.iter().enumerate() {
        let r = r as u32 + 1;
        write_text(help, r, 0, status.as_str(), &editable);
        for (i, lang) in languages.iter().enumerate() {
            let name = msg
                .i18n
                .message(lang, &format!("status-{}", status.as_str()), None)
                .unwrap_or_default();
            write_text(help, r, i as u16 + 1, &name, &editable);
        }
    }
    let notes = [
        "sheet-help-status",
        "sheet-help-numbers",
        "sheet-help-grey",
        "sheet-help-rows",
    ];
    for (i, id) in notes.iter().enumerate() {
        let r = Status::ALL.len() as u32 + 2 + i as u32;
        write_text(
            help,
            r,
            0,
            &msg.get(id, &[("sheet", &statuses_name)]),
            &Format::new(),
        );
    }

    // What the import needs: which scorecard, which columns.
    let meta = book.add_worksheet();
    let _ = meta.set_name(META_SHEET);
    let plain = Format::new();
    let lines: [(&str, String); 4] = [
        (MARKER, VERSION.to_string()),
        ("scorecard", name_of(scorecard)),
        ("file", slash(&scorecard.file)),
        ("sheet", main_name.clone()),
    ];
    for (r, (key, value)) in lines.iter().enumerate() {
        write_text(meta, r as u32, 0, key, &plain);
        write_text(meta, r as u32, 1, value, &plain);
    }
    for (c, (column, header)) in columns.iter().zip(&headers).enumerate() {
        write_text(meta, 4, c as u16, &column.key(), &plain);
        write_text(meta, 5, c as u16, header, &plain);
    }
    meta.set_hidden(true);

    book.save_to_buffer().expect("a workbook in memory")
}

/// `A`, `B`, ..., `AA`: a column's name in a spreadsheet.
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A number as a keeper writes it: `10,5` (a decimal comma, as Finnish
/// Excel writes it) or `10.5`, spaces between thousands, `−` for minus.
pub fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == '\u{2212}' { '-' } else { c })
        .collect();
    let cleaned =
        if cleaned.contains(',') && !cleaned.contains('.') && cleaned.matches(',').count() == 1 {
            cleaned.replace(',', ".")
        } else {
            cleaned
        };
    let value: f64 = cleaned.parse().ok()?;
    value.is_finite().then_some(value)
}

/// The rows of a sheet of a workbook, from A1.
fn sheet_rows(book: &mut Xlsx<Cursor<&[u8]>>, name: &str) -> Result<Vec<Vec<Data>>, String> {
    let range = book.worksheet_range(name).map_err(|e| e.to_string())?;
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let mut rows = vec![Vec::new(); row0 as usize];
    for row in range.rows() {
        let mut cells = vec![Data::Empty; col0 as usize];
        cells.extend(row.iter().cloned());
        rows.push(cells);
    }
    Ok(rows)
}

/// One change the keeper made.
#[derive(Debug, Clone)]
struct Change {
    path: String,
    column: Column,
    value: String,
}

/// The words a keeper may write for a status (its name in each site
/// language, and the words of `sheet-status-words-*`), for a hint.
fn status_words(site: &Site, msg: &Messages) -> Vec<(String, Status)> {
    let mut out = Vec::new();
    for lang in &site.config.languages {
        for status in Status::ALL {
            let name = msg
                .i18n
                .message(lang, &format!("status-{}", status.as_str()), None)
                .unwrap_or_default();
            out.push((name.to_lowercase(), status));
            let words = msg
                .i18n
                .message(
                    lang,
                    &format!("sheet-status-words-{}", status.as_str()),
                    None,
                )
                .unwrap_or_default();
            for word in words.split(',') {
                let word = word.trim().to_lowercase();
                if !word.is_empty() {
                    out.push((word, status));
                }
            }
        }
    }
    out
}

/// The content file's new text for the keeper's changes, or every problem;
/// `(file, text)` and the number of changed cells (no file when none).
pub fn plan_import(
    site: &Site,
    files: &ContentFiles,
    path: &Path,
    bytes: &[u8],
    msg: &Messages,
) -> Result<(Vec<(PathBuf, String)>, usize), Diagnostics> {
    let one = |d: Diagnostic| -> Diagnostics {
        let mut all = Diagnostics::default();
        all.push(d);
        all
    };
    let broken = |detail: String| {
        one(Diagnostic::error(
            Location::file(path),
            msg.get("roundtrip-broken-sheet", &[("detail", &detail)]),
        )
        .with_hint(msg.get("roundtrip-broken-sheet-hint", &[])))
    };
    let not_ours = |detail: &str| {
        one(Diagnostic::error(
            Location::file(path),
            msg.get(
                "sheet-not-ours",
                &[("sheet", META_SHEET), ("detail", detail)],
            ),
        )
        .with_hint(msg.get("roundtrip-foreign-hint", &[])))
    };
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| broken(e.to_string()))?;
    if !book.sheet_names().iter().any(|n| n == META_SHEET) {
        return Err(not_ours(MARKER));
    }
    let meta = sheet_rows(&mut book, META_SHEET).map_err(broken)?;
    let meta_cell = |r: usize, c: usize| {
        meta.get(r)
            .and_then(|row| row.get(c))
            .and_then(cell_text)
            .unwrap_or_default()
    };
    if meta_cell(0, 0) != MARKER || meta_cell(0, 1) != VERSION {
        return Err(not_ours(MARKER));
    }
    let scorecard_name = meta_cell(1, 1);
    let scorecard = site
        .scorecards
        .iter()
        .find(|s| name_of(s) == scorecard_name)
        .ok_or_else(|| {
            one(Diagnostic::error(
                Location::new(path, 2, 2),
                msg.get("sheet-foreign-scorecard", &[("name", &scorecard_name)]),
            )
            .with_hint(msg.get("roundtrip-foreign-hint", &[])))
        })?;
    let keys: Vec<String> = meta
        .get(4)
        .map(|r| r.iter().filter_map(cell_text).collect())
        .unwrap_or_default();
    let columns: Option<Vec<Column>> = keys.iter().map(|k| Column::parse(k)).collect();
    let Some(columns) = columns.filter(|c| c.contains(&Column::Path) && c.contains(&Column::State))
    else {
        return Err(not_ours("columns"));
    };
    let headers: Vec<String> = (0..columns.len()).map(|c| meta_cell(5, c)).collect();
    let main_name = meta_cell(3, 1);
    let main_name = if book.sheet_names().contains(&main_name) {
        main_name
    } else {
        book.sheet_names().first().cloned().unwrap_or_default()
    };
    let sheet = sheet_rows(&mut book, &main_name).map_err(broken)?;

    let mut problems = Diagnostics::default();
    let at = |r: usize, c: usize| Location::new(path, r as u32 + 1, c as u32 + 1);
    let header_row: Vec<Option<String>> = sheet
        .first()
        .map(|r| r.iter().map(cell_text).collect())
        .unwrap_or_default();
    for (c, expected) in headers.iter().enumerate() {
        let found = header_row.get(c).cloned().flatten().unwrap_or_default();
        if found != *expected {
            problems.push(
                Diagnostic::error(
                    at(0, c),
                    msg.get(
                        "sheet-columns-changed",
                        &[
                            ("column", &column_letter(c)),
                            ("expected", expected),
                            ("found", &found),
                        ],
                    ),
                )
                .with_hint(msg.get("sheet-columns-hint", &[])),
            );
        }
    }
    if problems.has_errors() {
        return Err(problems);
    }

    let default = site.config.default_language();
    let now_rows = rows(scorecard);
    let by_path: HashMap<&str, &Row> = now_rows.iter().map(|r| (r.path.as_str(), r)).collect();
    let source = files
        .files
        .iter()
        .find(|f| f.path == scorecard.file)
        .ok_or_else(|| {
            one(Diagnostic::error(
                Location::file(&scorecard.file),
                msg.get("roundtrip-no-file", &[]),
            ))
        })?;
    let tree = yaml_edit::parse(&source.text).ok();
    let line_in_file = |field: &str, fallback: &str| {
        tree.as_ref()
            .and_then(|root| {
                yaml_edit::find(root, field).or_else(|| yaml_edit::find(root, fallback))
            })
            .map(|(node, _)| node.line)
            .unwrap_or(1)
    };
    let path_col = columns.iter().position(|c| *c == Column::Path).unwrap_or(0);
    let state_col = columns
        .iter()
        .position(|c| *c == Column::State)
        .unwrap_or(0);
    let editable: Vec<usize> = (0..columns.len())
        .filter(|&c| columns[c].editable())
        .collect();
    let words = status_words(site, msg);
    let allowed: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
    let mut changes: Vec<Change> = Vec::new();

    for (r, cells) in sheet.iter().enumerate().skip(1) {
        let text = |c: usize| cells.get(c).and_then(cell_text);
        let filled = |c: usize| text(c).is_some_and(|t| !t.trim().is_empty());
        let row_path = text(path_col).unwrap_or_default();
        let state = text(state_col).unwrap_or_default();
        let hashes: Vec<&str> = state.split(' ').collect();
        if row_path.is_empty() || hashes.len() != editable.len() {
            if editable.iter().any(|&c| filled(c)) {
                problems.push(
                    Diagnostic::error(at(r, path_col), msg.get("sheet-unknown-row", &[]))
                        .with_hint(msg.get("sheet-unknown-row-hint", &[])),
                );
            }
            continue;
        }
        let now = by_path.get(row_path.as_str());
        for (&c, &exported) in editable.iter().zip(&hashes) {
            let column = &columns[c];
            let header = &headers[c];
            let cell_args = |value: &str| -> Vec<(&'static str, String)> {
                vec![
                    ("row", (r + 1).to_string()),
                    ("column", column_letter(c)),
                    ("header", header.clone()),
                    ("value", value.to_string()),
                ]
            };
            let get = |id: &str, args: &[(&'static str, String)]| {
                let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                msg.get(id, &args)
            };
            if exported == "-" {
                if filled(c) {
                    let raw = text(c).unwrap_or_default();
                    problems.push(
                        Diagnostic::error(at(r, c), get("sheet-not-read", &cell_args(&raw)))
                            .with_hint(msg.get("sheet-not-read-hint", &[])),
                    );
                }
                continue;
            }
            // The cell as the import reads it.
            let raw = cells.get(c).cloned().unwrap_or(Data::Empty);
            let raw_text = cell_text(&raw)
                .map(|t| t.replace("\r\n", "\n"))
                .filter(|t| !t.trim().is_empty());
            let value: Option<String> = match (column, &raw, &raw_text) {
                (_, _, None) => None,
                (Column::Value(_), Data::Float(f), _) => Some(number(*f)),
                (Column::Value(_), Data::Int(i), _) => Some(number(*i as f64)),
                (Column::Value(_), _, Some(t)) => match parse_number(t) {
                    Some(n) => Some(number(n)),
                    None => {
                        problems.push(
                            Diagnostic::error(at(r, c), get("sheet-bad-number", &cell_args(t)))
                                .with_hint(msg.get("sheet-bad-number-hint", &[])),
                        );
                        continue;
                    }
                },
                (Column::Status, _, Some(t)) => Some(t.trim().to_lowercase()),
                (_, _, Some(t)) => Some(t.clone()),
            };
            if hash_of(value.as_deref()) == exported {
                continue;
            }
            if let (Column::Status, Some(status)) = (column, &value)
                && !allowed.contains(&status.as_str())
            {
                let shown = raw_text.clone().unwrap_or_default();
                let guess = words
                    .iter()
                    .find(|(w, _)| w == status)
                    .map(|(_, s)| *s)
                    .or_else(|| {
                        closest(status, allowed.iter().copied())
                            .and_then(|s| Status::ALL.into_iter().find(|x| x.as_str() == s))
                    });
                let mut args = cell_args(&shown);
                args.push(("allowed", allowed.join(", ")));
                let hint = match guess {
                    Some(status) => {
                        let name = msg
                            .i18n
                            .message(&msg.lang, &format!("status-{}", status.as_str()), None)
                            .unwrap_or_default();
                        msg.get(
                            "sheet-status-did-you-mean",
                            &[("status", status.as_str()), ("name", &name)],
                        )
                    }
                    None => msg.get(
                        "sheet-status-hint",
                        &[("sheet", &msg.get("sheet-name-statuses", &[]))],
                    ),
                };
                problems.push(
                    Diagnostic::error(at(r, c), get("sheet-bad-status", &args)).with_hint(hint),
                );
                continue;
            }
            let Some(now_row) = now else {
                problems.push(
                    Diagnostic::error(
                        Location::file(&scorecard.file),
                        msg.get(
                            "sheet-gone",
                            &[("path", &row_path), ("entry", &at(r, c).to_string())],
                        ),
                    )
                    .with_hint(msg.get("sheet-stale-hint", &[])),
                );
                continue;
            };
            let now_value = current(now_row, column, default);
            if now_value.as_ref().map(|v| hash_of(v.as_deref())).as_deref() != Some(exported) {
                let field = match column {
                    Column::Status => format!("{row_path}.status"),
                    Column::FollowUp(_) => format!("{row_path}.follow_up"),
                    _ => format!("{row_path}.values"),
                };
                let shown = now_value
                    .flatten()
                    .map(|t| short(&t))
                    .unwrap_or_else(|| msg.get("sheet-empty", &[]));
                problems.push(
                    Diagnostic::error(
                        Location::new(&scorecard.file, line_in_file(&field, &row_path) as u32, 1),
                        msg.get(
                            "sheet-stale",
                            &[
                                ("field", &field),
                                ("header", header),
                                ("entry", &at(r, c).to_string()),
                                ("text", &shown),
                            ],
                        ),
                    )
                    .with_hint(msg.get("sheet-stale-hint", &[])),
                );
                continue;
            }
            let Some(value) = value else {
                problems.push(
                    Diagnostic::error(at(r, c), get("sheet-emptied", &cell_args("")))
                        .with_hint(msg.get("sheet-emptied-hint", &[])),
                );
                continue;
            };
            changes.push(Change {
                path: row_path.clone(),
                column: column.clone(),
                value,
            });
        }
    }
    if problems.has_errors() {
        return Err(problems);
    }
    if changes.is_empty() {
        return Ok((Vec::new(), 0));
    }
    let count = changes.len();
    let text = edit_file(site, scorecard, source, &changes, msg).map_err(one)?;
    Ok((vec![(scorecard.file.clone(), text)], count))
}

/// A text shortened for a message.
fn short(text: &str) -> String {
    let one_line = text.replace('\n', " ");
    match one_line.char_indices().nth(160) {
        Some((at, _)) => format!("{}…", &one_line[..at]),
        None => one_line,
    }
}

/// The scorecard file with the changes written in, checked by reading it
/// back with the content parser: every value as before but the changed.
fn edit_file(
    site: &Site,
    scorecard: &Scorecard,
    source: &crate::content::load::SourceFile,
    changes: &[Change],
    msg: &Messages,
) -> Result<String, Diagnostic> {
    let text = &source.text;
    let failed = |line: usize, detail: String| {
        Diagnostic::error(
            Location::new(&scorecard.file, line as u32, 1),
            msg.get("roundtrip-cannot-edit", &[("detail", &detail)]),
        )
        .with_hint(msg.get("roundtrip-cannot-edit-hint", &[]))
    };
    let languages = &site.config.languages;
    let default = site.config.default_language();
    let root = yaml_edit::parse(text).map_err(|e| failed(1, format!("{e:?}")))?;
    let line_of = |path: &str| {
        yaml_edit::find(&root, path)
            .map(|(n, _)| n.line)
            .unwrap_or(1)
    };
    let cannot =
        |path: &str, e: yaml_edit::EditError| failed(line_of(path), format!("{path}: {e:?}"));
    let mut expected = model_json(source, text).map_err(|e| failed(1, e))?;
    let mut edits: Vec<Edit> = Vec::new();

    // Per element: statuses, follow-ups, values. An element's lines are
    // added after its last value, which may be the last line of an element
    // inside it: the inner element's new lines go first (the edits are made
    // in this order where they start at the same byte).
    let mut by_path: BTreeMap<&str, Vec<&Change>> = BTreeMap::new();
    for change in changes {
        by_path
            .entry(change.path.as_str())
            .or_default()
            .push(change);
    }
    for (path, changes) in by_path.into_iter().rev() {
        for change in changes.iter().filter(|c| c.column == Column::Status) {
            let field = format!("{path}.status");
            let edit = match yaml_edit::find(&root, &field) {
                Some(_) => yaml_edit::set_scalar(&root, text, &field, &change.value),
                None => yaml_edit::add_entry(
                    &root,
                    text,
                    path,
                    &["title", "actions", "results", "indicators"],
                    "status",
                    &change.value,
                ),
            }
            .map_err(|e| cannot(path, e))?;
            edits.push(edit);
            let slot =
                json_at_mut(&mut expected, &field).ok_or_else(|| failed(1, field.clone()))?;
            *slot = serde_json::Value::String(change.value.clone());
        }

        let texts: Vec<(&str, &str)> = changes
            .iter()
            .filter_map(|c| match &c.column {
                Column::FollowUp(lang) => Some((lang.as_str(), c.value.as_str())),
                _ => None,
            })
            .collect();
        if !texts.is_empty() {
            let field = format!("{path}.follow_up");
            let node = yaml_edit::find(&root, &field).map(|(n, _)| n);
            let plain = node.is_some_and(|n| n.scalar().is_some());
            let col = yaml_edit::key_col(&root, path).unwrap_or(0);
            let mapping = |pairs: &[(&str, String)]| {
                let pad = " ".repeat(col + 2);
                pairs
                    .iter()
                    .map(|(lang, value)| {
                        format!("\n{pad}{lang}: {}", yaml_edit::block_value(value, col + 4))
                    })
                    .collect::<String>()
            };
            let slot =
                json_at_mut(&mut expected, &field).ok_or_else(|| failed(1, field.clone()))?;
            // The follow-up as it will be: the old versions and the new.
            let mut versions: Vec<(String, String)> = Vec::new();
            match &*slot {
                serde_json::Value::String(old) => versions.push((default.to_string(), old.clone())),
                serde_json::Value::Object(map) => {
                    for (lang, value) in map {
                        versions
                            .push((lang.clone(), value.as_str().unwrap_or_default().to_string()));
                    }
                }
                _ => {}
            }
            for (lang, value) in &texts {
                match versions.iter_mut().find(|(l, _)| l == lang) {
                    Some(slot) => slot.1 = value.to_string(),
                    None => versions.push((lang.to_string(), value.to_string())),
                }
            }
            let order = |l: &str| languages.iter().position(|x| x == l).unwrap_or(usize::MAX);
            versions.sort_by_key(|(l, _)| order(l));
            let only_default = plain && texts.len() == 1 && texts[0].0 == default;
            *slot = if only_default {
                serde_json::Value::String(texts[0].1.to_string())
            } else {
                serde_json::Value::Object(
                    versions
                        .iter()
                        .map(|(l, v)| (l.clone(), serde_json::Value::String(v.clone())))
                        .collect(),
                )
            };
            match node {
                None => {
                    let pairs: Vec<(&str, String)> = versions
                        .iter()
                        .map(|(l, v)| (l.as_str(), v.clone()))
                        .collect();
                    edits.push(
                        yaml_edit::add_entry(
                            &root,
                            text,
                            path,
                            &["title", "actions", "results", "indicators", "status"],
                            "follow_up",
                            &mapping(&pairs),
                        )
                        .map_err(|e| cannot(path, e))?,
                    );
                }
                Some(_) if plain && !only_default && texts.len() > 1 => {
                    // A plain string becomes a mapping of every version at once.
                    let pairs: Vec<(&str, String)> = versions
                        .iter()
                        .map(|(l, v)| (l.as_str(), v.clone()))
                        .collect();
                    let mut edit = yaml_edit::set_scalar(&root, text, &field, &mapping(&pairs))
                        .map_err(|e| cannot(&field, e))?;
                    let before = text[..edit.start].trim_end_matches(' ');
                    if before.ends_with(':') {
                        edit.start = before.len();
                    }
                    edits.push(edit);
                }
                Some(_) => {
                    for (lang, value) in &texts {
                        edits.push(
                            yaml_edit::set_text(text, &root, &field, lang, value, languages)
                                .map_err(|e| cannot(&field, e))?,
                        );
                    }
                }
            }
        }

        let values: Vec<(Period, f64)> = changes
            .iter()
            .filter_map(|c| match &c.column {
                Column::Value(period) => c.value.parse().ok().map(|v| (*period, v)),
                _ => None,
            })
            .collect();
        if !values.is_empty() {
            let field = format!("{path}.values");
            let list = json_at_mut(&mut expected, &field)
                .and_then(|v| v.as_array_mut())
                .ok_or_else(|| failed(line_of(path), field.clone()))?;
            let mut new_items = Vec::new();
            for (period, value) in &values {
                let index = list.iter().position(|m| {
                    m.get("period").and_then(|p| p.as_str()) == Some(&period.to_string())
                });
                match index {
                    Some(i) => {
                        list[i]["value"] = serde_json::json!(value);
                        let at = format!("{field}[{i}].value");
                        edits.push(
                            yaml_edit::set_scalar(&root, text, &at, &number(*value))
                                .map_err(|e| cannot(&at, e))?,
                        );
                    }
                    None => {
                        list.push(serde_json::json!({
                            "period": period.to_string(),
                            "value": value,
                            "note": null,
                        }));
                        new_items.push((*period, *value));
                    }
                }
            }
            let has_items = yaml_edit::find(&root, &field).is_some_and(
                |(n, _)| matches!(&n.kind, yaml_edit::Kind::Seq { items } if !items.is_empty()),
            );
            for (period, value) in &new_items {
                let entries = [("period", period.to_string()), ("value", number(*value))];
                if has_items {
                    edits.push(
                        yaml_edit::add_item(&root, text, &field, &entries)
                            .map_err(|e| cannot(&field, e))?,
                    );
                }
            }
            if !has_items && !new_items.is_empty() {
                if yaml_edit::find(&root, &field).is_some() {
                    return Err(cannot(
                        &field,
                        yaml_edit::EditError::NotText(line_of(&field)),
                    ));
                }
                let col = yaml_edit::key_col(&root, path).unwrap_or(0);
                let pad = " ".repeat(col + 2);
                let items: String = new_items
                    .iter()
                    .map(|(period, value)| {
                        format!(
                            "\n{pad}- period: {period}\n{pad}  value: {}",
                            number(*value)
                        )
                    })
                    .collect();
                edits.push(
                    yaml_edit::add_entry(
                        &root,
                        text,
                        path,
                        &["title", "metric", "unit", "direction", "target"],
                        "values",
                        &items,
                    )
                    .map_err(|e| cannot(path, e))?,
                );
            }
        }
    }
    // Edits that would overlap cannot be made together.
    let mut spans: Vec<(usize, usize)> = edits.iter().map(|e| (e.start, e.end)).collect();
    spans.sort();
    if spans.windows(2).any(|w| w[1].0 < w[0].1) {
        return Err(failed(1, msg.get("roundtrip-read-back", &[])));
    }
    let edited = yaml_edit::apply(text, &edits);
    let after = model_json(source, &edited).map_err(|e| failed(1, e))?;
    if after != expected {
        return Err(failed(1, msg.get("roundtrip-read-back", &[])));
    }
    Ok(edited)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_with_a_decimal_comma_or_point() {
        assert_eq!(parse_number("10,5"), Some(10.5));
        assert_eq!(parse_number(" 10.5 "), Some(10.5));
        assert_eq!(parse_number("1 234,5"), Some(1234.5));
        assert_eq!(parse_number("\u{2212}3"), Some(-3.0));
        assert_eq!(parse_number("1,234,5"), None);
        assert_eq!(parse_number("kymmenen"), None);
        assert_eq!(parse_number("inf"), None);
    }

    #[test]
    fn column_keys_read_back_and_letters_go_past_z() {
        for column in [
            Column::Title("sv".into()),
            Column::FollowUp("fi".into()),
            Column::Value(Period::Half(2021, 1)),
            Column::Value(Period::parse("2021-07-31").unwrap()),
            Column::State,
        ] {
            assert_eq!(Column::parse(&column.key()), Some(column));
        }
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
    }
}
