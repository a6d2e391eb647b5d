//! The follow-up round trip: a scorecard to a spreadsheet keeper and back,
//! on a copy of the example site. The workbook is read with calamine and
//! written again with rust_xlsxwriter, as a keeper's Excel would.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use calamine::{Data, Reader};

use crate::common::{snapshot, stderr};
use crate::roundtrip::example_copy;

const ESPOO: &str = "content/scorecards/espoo/2021-kaupunkitekniikka.yaml";
const KEMIJARVI: &str = "content/scorecards/kemijarvi/2025-tyollisyyspalvelut.yaml";
/// The target whose indicator has a value (NPS 18 on 2021-07-31).
const NPS_TARGET: &str = "themes[elinvoima].goals[kuntalaisia-varten].targets[maankayton-palvelut]";

/// The binary, in the reader's language `lang`.
fn run_lang(dir: &Path, lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tuloskortti"))
        .args(args)
        .current_dir(dir)
        .env("LC_ALL", format!("{lang}_FI.UTF-8"))
        .output()
        .expect("the binary runs")
}

fn run(dir: &Path, args: &[&str]) -> Output {
    let output = run_lang(dir, "en", args);
    assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    output
}

/// Every sheet of a workbook, by name, as calamine reads it.
fn read_book(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(path).unwrap();
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            assert_eq!(range.start().unwrap_or((0, 0)), (0, 0), "{name}");
            let rows = range.rows().map(|r| r.to_vec()).collect();
            (name, rows)
        })
        .collect()
}

/// The exported sheet: its sheets, and the main sheet's columns by key
/// (from the hidden sheet `tuloskortti`).
struct Book {
    sheets: Vec<(String, Vec<Vec<Data>>)>,
    columns: BTreeMap<String, usize>,
}

impl Book {
    fn read(path: &Path) -> Book {
        let sheets = read_book(path);
        let meta = &sheets.iter().find(|(n, _)| n == "tuloskortti").unwrap().1;
        assert_eq!(meta[0][0].to_string(), "tuloskortti-sheet");
        let columns = meta[4]
            .iter()
            .enumerate()
            .map(|(i, key)| (key.to_string(), i))
            .collect();
        Book { sheets, columns }
    }

    fn main(&mut self) -> &mut Vec<Vec<Data>> {
        &mut self.sheets[0].1
    }

    /// The row of the element at `path`.
    fn row(&mut self, path: &str) -> usize {
        let col = self.columns["path"];
        self.main()
            .iter()
            .position(|r| r.get(col).map(|c| c.to_string()).as_deref() == Some(path))
            .unwrap_or_else(|| panic!("no row {path}"))
    }

    fn set(&mut self, row: usize, key: &str, value: Data) {
        let col = self.columns[key];
        let cells = &mut self.main()[row];
        if cells.len() <= col {
            cells.resize(col + 1, Data::Empty);
        }
        cells[col] = value;
    }

    fn get(&mut self, row: usize, key: &str) -> Data {
        let col = self.columns[key];
        self.main()[row].get(col).cloned().unwrap_or(Data::Empty)
    }

    /// Written back with rust_xlsxwriter, every sheet with its cells.
    fn write(&self, path: &Path) {
        let mut out = rust_xlsxwriter::Workbook::new();
        for (name, rows) in &self.sheets {
            let sheet = out.add_worksheet();
            sheet.set_name(name).unwrap();
            for (r, row) in rows.iter().enumerate() {
                for (c, cell) in row.iter().enumerate() {
                    let (r, c) = (r as u32, c as u16);
                    match cell {
                        Data::String(s) => {
                            sheet.write_string(r, c, s).unwrap();
                        }
                        Data::Float(f) => {
                            sheet.write_number(r, c, *f).unwrap();
                        }
                        Data::Int(i) => {
                            sheet.write_number(r, c, *i as f64).unwrap();
                        }
                        _ => {}
                    }
                }
            }
        }
        out.save(path).unwrap();
    }
}

/// The lines only in `old` and the lines only in `new`, by a longest
/// common subsequence of lines.
fn line_diff<'a>(old: &'a str, new: &'a str) -> (Vec<&'a str>, Vec<&'a str>) {
    let a: Vec<&str> = old.split('\n').collect();
    let b: Vec<&str> = new.split('\n').collect();
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let (mut removed, mut added) = (Vec::new(), Vec::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            added.push(b[j]);
            j += 1;
        } else {
            removed.push(a[i]);
            i += 1;
        }
    }
    (removed, added)
}

fn trimmed<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    lines.iter().map(|l| l.trim()).collect()
}

#[test]
fn a_keepers_status_follow_up_and_value_come_back_in_place() {
    let site = example_copy();
    let root = site.path();
    let original = fs::read_to_string(root.join(ESPOO)).unwrap();
    let before = snapshot(&root.join("content"));
    run(
        root,
        &[
            "sheet",
            "export",
            "espoo/2021-kaupunkitekniikka",
            "--out",
            "s.xlsx",
        ],
    );
    let mut book = Book::read(&root.join("s.xlsx"));
    assert_eq!(book.sheets[0].0, "Follow-up");
    assert_eq!(book.get(0, "status").to_string(), "status");
    assert_eq!(book.get(0, "follow_up.sv").to_string(), "follow-up (sv)");

    // The first target on track is achieved now.
    let status_col = book.columns["status"];
    let on_track = book
        .main()
        .iter()
        .position(|r| r.get(status_col).map(|c| c.to_string()).as_deref() == Some("on-track"))
        .unwrap();
    book.set(on_track, "status", Data::String("achieved".into()));
    // A new Swedish follow-up, and the NPS typed with a decimal comma.
    let nps = book.row(NPS_TARGET);
    let old_sv = book.get(nps, "follow_up.sv").to_string();
    assert!(old_sv.starts_with("Den elektroniska"), "{old_sv}");
    let new_sv = "Ny uppföljning: \"NPS\" steg.\n\nAndra stycket.";
    book.set(nps, "follow_up.sv", Data::String(new_sv.into()));
    let indicator = book.row(&format!("{NPS_TARGET}.indicators[3]"));
    assert_eq!(book.get(indicator, "value.2021-07-31"), Data::Float(18.0));
    book.set(indicator, "value.2021-07-31", Data::String("18,5".into()));
    book.write(&root.join("s.edited.xlsx"));

    let import = run(root, &["sheet", "import", "s.edited.xlsx"]);
    assert!(String::from_utf8_lossy(&import.stdout).contains(ESPOO));
    assert!(
        stderr(&import).contains("3 changed cell(s)"),
        "{}",
        stderr(&import)
    );

    // Only those lines changed; every other file as it was.
    let after = snapshot(&root.join("content"));
    for (file, bytes) in &before {
        if !ESPOO.ends_with(file.as_str()) {
            assert_eq!(&after[file], bytes, "{file} changed");
        }
    }
    let edited = fs::read_to_string(root.join(ESPOO)).unwrap();
    let (removed, added) = line_diff(&original, &edited);
    let mut expected_removed = vec!["status: on-track", "value: 18"];
    expected_removed.extend(old_sv.split('\n').map(str::trim));
    let mut expected_added = vec!["status: achieved", "value: 18.5"];
    expected_added.extend(new_sv.split('\n').map(str::trim));
    let (mut removed, mut added) = (trimmed(&removed), trimmed(&added));
    for list in [
        &mut removed,
        &mut added,
        &mut expected_removed,
        &mut expected_added,
    ] {
        list.sort();
    }
    // Blank lines of a paragraph break are in both.
    removed.retain(|l| !l.is_empty());
    added.retain(|l| !l.is_empty());
    expected_removed.retain(|l| !l.is_empty());
    expected_added.retain(|l| !l.is_empty());
    assert_eq!(removed, expected_removed);
    assert_eq!(added, expected_added);

    run(root, &["check", "--root", "."]);
    run(root, &["build", "--root", ".", "--out", "pub"]);
    let json: serde_json::Value = serde_json::from_slice(
        &fs::read(root.join("pub/data/espoo/2021-kaupunkitekniikka.json")).unwrap(),
    )
    .unwrap();
    let target = json["themes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["goals"].as_array().unwrap())
        .flat_map(|g| g["targets"].as_array().into_iter().flatten())
        .find(|t| t["id"] == "maankayton-palvelut")
        .unwrap();
    assert_eq!(target["follow_up"]["sv"], new_sv);
    assert_eq!(target["indicators"][3]["values"][0]["value"], 18.5);
    let statuses: Vec<&str> = json["themes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["goals"].as_array().unwrap())
        .flat_map(|g| {
            g["targets"]
                .as_array()
                .into_iter()
                .flatten()
                .chain(std::iter::once(g))
        })
        .filter_map(|x| x["status"].as_str())
        .collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == "achieved").count(),
        original.matches("status: achieved").count() + 1
    );

    // The same sheet again: nothing to change.
    let again = run(root, &["sheet", "import", "s.xlsx"]);
    assert!(stderr(&again).contains("No cell"), "{}", stderr(&again));
    assert_eq!(fs::read_to_string(root.join(ESPOO)).unwrap(), edited);
}

#[test]
fn a_status_and_a_value_where_there_were_none_are_new_lines() {
    let site = example_copy();
    let root = site.path();
    let original = fs::read_to_string(root.join(KEMIJARVI)).unwrap();
    run(
        root,
        &[
            "sheet",
            "export",
            "2025-tyollisyyspalvelut",
            "--out",
            "k.xlsx",
        ],
    );
    let mut book = Book::read(&root.join("k.xlsx"));
    let goal = "themes[hyva-ja-sujuva-arki].goals[tyollisyyspalvelujen-tunnettuus]";
    let row = book.row(goal);
    assert_eq!(book.get(row, "status"), Data::Empty);
    book.set(row, "status", Data::String("on-track".into()));
    book.set(
        row,
        "follow_up.fi",
        Data::String("Markkinointi aloitettu.".into()),
    );
    let indicator = book.row(&format!("{goal}.indicators[0]"));
    book.set(indicator, "value.2025", Data::Float(4.2));
    book.write(&root.join("k.edited.xlsx"));
    run(root, &["sheet", "import", "k.edited.xlsx"]);

    let edited = fs::read_to_string(root.join(KEMIJARVI)).unwrap();
    let (removed, added) = line_diff(&original, &edited);
    assert!(removed.is_empty(), "{removed:?}");
    assert_eq!(
        added,
        [
            "            values:",
            "              - period: 2025",
            "                value: 4.2",
            "        status: on-track",
            "        follow_up:",
            "          fi: \"Markkinointi aloitettu.\"",
        ]
    );
    run(root, &["check", "--root", "."]);
}

#[test]
fn a_stale_broken_or_foreign_sheet_and_a_wrong_status_change_nothing() {
    let site = example_copy();
    let root = site.path();
    run(
        root,
        &[
            "sheet",
            "export",
            "espoo/2021-kaupunkitekniikka",
            "--out",
            "s.xlsx",
        ],
    );
    let mut book = Book::read(&root.join("s.xlsx"));
    let status_col = book.columns["status"];
    let on_track = book
        .main()
        .iter()
        .position(|r| r.get(status_col).map(|c| c.to_string()).as_deref() == Some("on-track"))
        .unwrap();

    // The YAML edited after the export, at the cell the keeper changed.
    book.set(on_track, "status", Data::String("achieved".into()));
    book.write(&root.join("s-stale.xlsx"));
    let path = root.join(ESPOO);
    let text = fs::read_to_string(&path).unwrap();
    let stale = text.replacen("status: on-track", "status: at-risk", 1);
    fs::write(&path, &stale).unwrap();
    let line = stale
        .lines()
        .position(|l| l.contains("status: at-risk"))
        .unwrap()
        + 1;
    let before = snapshot(&root.join("content"));
    let output = run_lang(root, "en", &["sheet", "import", "s-stale.xlsx"]);
    assert_eq!(output.status.code(), Some(1));
    let report = stderr(&output);
    assert!(
        report.contains(&format!("{ESPOO}:{line}:1: error:"))
            && report.contains("changed after the export")
            && report.contains("it now reads: at-risk")
            && report.contains(&format!("s-stale.xlsx:{}:{}", on_track + 1, status_col + 1)),
        "{report}"
    );
    assert_eq!(
        snapshot(&root.join("content")),
        before,
        "stale: no file changed"
    );
    fs::write(&path, &text).unwrap();
    let before = snapshot(&root.join("content"));

    // A status that is not one: located, with the allowed values and a guess.
    book.set(on_track, "status", Data::String("valmis".into()));
    let nps = book.row(&format!("{NPS_TARGET}.indicators[3]"));
    book.set(nps, "value.2021-07-31", Data::String("kymmenen".into()));
    book.write(&root.join("s-bad.xlsx"));
    let cell = format!("s-bad.xlsx:{}:{}: error:", on_track + 1, status_col + 1);
    let value_cell = format!(
        "s-bad.xlsx:{}:{}: error:",
        nps + 1,
        book.columns["value.2021-07-31"] + 1
    );
    for (lang, words) in [
        (
            "en",
            [
                "is not a status",
                "Did you mean “achieved” (Achieved)?",
                "is not a number",
            ],
        ),
        (
            "fi",
            [
                "ei ole tila",
                "Tarkoititko ”achieved” (Saavutettu)?",
                "ei ole luku",
            ],
        ),
        (
            "sv",
            [
                "är inte ett läge",
                "Menade du ”achieved” (Uppnått)?",
                "är inte ett tal",
            ],
        ),
    ] {
        let output = run_lang(root, lang, &["sheet", "import", "s-bad.xlsx"]);
        assert_eq!(output.status.code(), Some(1), "{lang}");
        let report = stderr(&output);
        assert!(
            report.contains(&cell) && report.contains(&value_cell),
            "{lang}: {report}"
        );
        assert!(
            report.contains("“valmis”") || report.contains("”valmis”"),
            "{report}"
        );
        assert!(report.contains("achieved, on-track, at-risk, not-achieved, not-assessed"));
        for word in words {
            assert!(report.contains(word), "{lang}: {word}: {report}");
        }
    }
    // Swedish words are understood as well.
    book.set(on_track, "status", Data::String("Klar".into()));
    book.set(nps, "value.2021-07-31", Data::Float(18.0));
    book.write(&root.join("s-klar.xlsx"));
    let report = stderr(&run_lang(root, "en", &["sheet", "import", "s-klar.xlsx"]));
    assert!(report.contains("Did you mean “achieved”"), "{report}");
    assert_eq!(
        snapshot(&root.join("content")),
        before,
        "bad status: no file changed"
    );

    // A broken workbook, one that is not a sheet of ours, moved columns.
    let bytes = fs::read(root.join("s-bad.xlsx")).unwrap();
    fs::write(root.join("s-broken.xlsx"), &bytes[..bytes.len() / 2]).unwrap();
    run(root, &["build", "--root", ".", "--out", "pub"]);
    fs::copy(
        root.join("pub/data/espoo/2021-kaupunkitekniikka.xlsx"),
        root.join("s-download.xlsx"),
    )
    .unwrap();
    let mut moved = Book::read(&root.join("s.xlsx"));
    for row in moved.main().iter_mut() {
        row.swap(5, 6);
    }
    moved.write(&root.join("s-moved.xlsx"));
    for (file, expected) in [
        (
            "s-broken.xlsx",
            "s-broken.xlsx:1:1: error: The spreadsheet cannot be read",
        ),
        (
            "s-download.xlsx",
            "s-download.xlsx:1:1: error: The workbook is not a follow-up sheet",
        ),
        (
            "s-moved.xlsx",
            "s-moved.xlsx:1:6: error: Column F should be",
        ),
        ("nothing.xlsx", "nothing.xlsx"),
    ] {
        let output = run_lang(root, "en", &["sheet", "import", file]);
        assert_ne!(output.status.code(), Some(0), "{file}");
        assert!(
            stderr(&output).contains(expected),
            "{file}: {}",
            stderr(&output)
        );
        assert_eq!(
            snapshot(&root.join("content")),
            before,
            "{file}: no file changed"
        );
    }
}
