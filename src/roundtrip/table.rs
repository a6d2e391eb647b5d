//! Spreadsheets of the round trips: an XLSX workbook written with
//! rust_xlsxwriter and read with calamine. A text cell that a spreadsheet
//! would take for a formula is written with a leading apostrophe
//! ([`crate::open_data::neutralised`]), which reading takes off again.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};

use super::Messages;
use super::translations::{Export, Incoming, Received, slash};
use crate::diagnostics::{Diagnostic, Location};

pub use crate::open_data::Cell;

/// One sheet as an XLSX workbook, empty cells where `None`.
pub fn workbook(
    name: &str,
    header: &[String],
    rows: &[Vec<Option<Cell>>],
    widths: &[f64],
) -> Vec<u8> {
    crate::open_data::xlsx(name, header, rows, widths)
}

/// A cell as read back: text without the apostrophe written before a
/// formula-like text, numbers as they are.
pub fn cell_text(cell: &Data) -> Option<String> {
    match cell {
        Data::Empty => None,
        Data::String(s) => Some(un_neutralised(s)),
        Data::Float(f) => Some(format!("{f}")),
        Data::Int(i) => Some(i.to_string()),
        Data::Bool(b) => Some(b.to_string()),
        other => Some(other.to_string()),
    }
}

fn un_neutralised(s: &str) -> String {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_string(),
        _ => s.to_string(),
    }
}

/// The rows of the first sheet of an XLSX workbook.
pub fn read_rows(bytes: &[u8]) -> Result<Vec<Vec<Data>>, String> {
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| e.to_string())?;
    let name = book.sheet_names().first().cloned().ok_or("no sheet")?;
    let range = book.worksheet_range(&name).map_err(|e| e.to_string())?;
    let (row0, col0) = range.start().unwrap_or((0, 0));
    // Rows and columns as in the sheet, from A1.
    let mut rows = vec![Vec::new(); row0 as usize];
    for row in range.rows() {
        let mut cells = vec![Data::Empty; col0 as usize];
        cells.extend(row.iter().cloned());
        rows.push(cells);
    }
    Ok(rows)
}

/// The translation workbook's columns.
const COLUMNS: [&str; 6] = [
    "roundtrip-column-id",
    "roundtrip-column-file",
    "roundtrip-column-field",
    "roundtrip-column-context",
    "roundtrip-column-source",
    "roundtrip-column-target",
];

/// The export as an XLSX workbook: one row per text, the translation in
/// the last column.
pub fn xlsx(export: &Export, msg: &Messages) -> Vec<u8> {
    let header: Vec<String> = COLUMNS
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let lang = if i == 5 {
                &export.target_lang
            } else {
                &export.source_lang
            };
            msg.get(id, &[("lang", lang)])
        })
        .collect();
    let rows: Vec<Vec<Option<Cell>>> = export
        .units
        .iter()
        .map(|unit| {
            vec![
                Some(Cell::Text(unit.id())),
                Some(Cell::Text(slash(&unit.file))),
                Some(Cell::Text(unit.field.clone())),
                unit.context.clone().map(Cell::Text),
                Some(Cell::Text(unit.source.clone())),
                unit.target.clone().map(Cell::Text),
            ]
        })
        .collect();
    workbook(
        &format!("{}-{}", export.source_lang, export.target_lang),
        &header,
        &rows,
        &[24.0, 30.0, 30.0, 30.0, 60.0, 60.0],
    )
}

/// `(fi)` at the end of a header cell: the language it names.
fn lang_of(header: &str) -> Option<String> {
    let open = header.rfind('(')?;
    Some(header[open + 1..].trim_end_matches(')').trim().to_string())
}

/// A translated file, XLIFF or XLSX (told apart by their first bytes).
pub fn read_any(path: &Path, bytes: &[u8], msg: &Messages) -> Result<Received, Diagnostic> {
    if bytes.starts_with(b"PK") {
        return read_xlsx(path, bytes, msg);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => super::xliff::read(path, text.trim_start_matches('\u{feff}'), msg),
        Err(err) => Err(Diagnostic::error(
            Location::file(path),
            msg.get("roundtrip-broken-xml", &[("detail", &err.to_string())]),
        )
        .with_hint(msg.get("roundtrip-broken-hint", &[]))),
    }
}

fn read_xlsx(path: &Path, bytes: &[u8], msg: &Messages) -> Result<Received, Diagnostic> {
    let broken = |row: usize, detail: String| {
        Diagnostic::error(
            Location::new(path, row as u32, 1),
            msg.get("roundtrip-broken-sheet", &[("detail", &detail)]),
        )
        .with_hint(msg.get("roundtrip-broken-sheet-hint", &[]))
    };
    let rows = read_rows(bytes).map_err(|e| broken(1, e))?;
    let header: Vec<String> = rows
        .first()
        .map(|r| r.iter().map(|c| cell_text(c).unwrap_or_default()).collect())
        .unwrap_or_default();
    let (Some(source_lang), Some(target_lang)) = (
        header.get(4).and_then(|h| lang_of(h)),
        header.get(5).and_then(|h| lang_of(h)),
    ) else {
        let column = msg.get(COLUMNS[5], &[("lang", "…")]);
        return Err(broken(
            1,
            msg.get("roundtrip-missing-column", &[("column", &column)]),
        ));
    };
    let mut entries = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(1) {
        let cell = |c: usize| row.get(c).and_then(cell_text);
        let Some(id) = cell(0) else { continue };
        entries.push(Incoming {
            id,
            file: cell(1).unwrap_or_default(),
            field: cell(2).unwrap_or_default(),
            target: cell(5),
            at: Location::new(path, i as u32 + 1, 6),
        });
    }
    Ok(Received {
        source_lang,
        target_lang,
        at: Location::new(path, 1, 5),
        entries,
    })
}
