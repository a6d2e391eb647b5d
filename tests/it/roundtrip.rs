//! The round trips: texts to a translator and back (XLIFF, XLSX), the
//! follow-up to a spreadsheet and back, on a copy of the example site.

use std::fs;
use std::path::Path;

use quick_xml::Writer;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};
use quick_xml::reader::Reader;

use crate::common::{copy_dir, repo_root, run_in, snapshot, stderr};

const KEMIJARVI: &str = "content/scorecards/kemijarvi/2025-tyollisyyspalvelut.yaml";

/// A copy of the example site (content, UI strings, theme).
pub fn example_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for part in ["content", "i18n", "themes"] {
        copy_dir(&repo_root().join(part), &dir.path().join(part));
    }
    dir
}

/// The example site with Swedish missing from one scorecard's one-line
/// texts and from one page, as a site whose translation is still to do.
fn site_lacking_swedish() -> tempfile::TempDir {
    let dir = example_copy();
    let path = dir.path().join(KEMIJARVI);
    let text = fs::read_to_string(&path).unwrap();
    let kept: Vec<&str> = text
        .split_inclusive('\n')
        .filter(|line| {
            let trimmed = line.trim_start();
            !trimmed.starts_with("sv: ") || trimmed.starts_with("sv: |")
        })
        .collect();
    assert!(
        kept.len() + 20 < text.lines().count(),
        "Swedish lines removed"
    );
    fs::write(&path, kept.concat()).unwrap();
    fs::remove_file(dir.path().join("content/pages/kehto.sv.md")).unwrap();
    dir
}

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    let output = run_in(dir, args);
    assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    output
}

/// Every unit of an XLIFF file gets a target: each line of its source
/// prefixed with `[sv] `, written with a real XML library.
fn translate(xliff: &str) -> String {
    let mut reader = Reader::from_str(xliff);
    let mut writer = Writer::new(Vec::new());
    let mut in_source = false;
    let mut source = String::new();
    loop {
        let event = reader.read_event().unwrap();
        match &event {
            Event::Start(e) if e.local_name().as_ref() == "source" => {
                in_source = true;
                source.clear();
            }
            Event::Text(t) if in_source => source.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_source => {
                let name = r.xml10_content();
                source.push_str(quick_xml::escape::resolve_predefined_entity(&name).unwrap());
            }
            _ => {}
        }
        let end_of_source = matches!(&event, Event::End(e) if e.local_name().as_ref() == "source");
        if matches!(event, Event::Eof) {
            break;
        }
        writer.write_event(event).unwrap();
        if end_of_source {
            in_source = false;
            let translated: Vec<String> = source
                .split('\n')
                .map(|line| {
                    if line.is_empty() {
                        String::new()
                    } else {
                        format!("[sv] {line}")
                    }
                })
                .collect();
            writer
                .write_event(Event::Start(BytesStart::new("target")))
                .unwrap();
            writer
                .write_event(Event::Text(BytesText::new(&translated.join("\n"))))
                .unwrap();
            writer
                .write_event(Event::End(BytesEnd::new("target")))
                .unwrap();
        }
    }
    String::from_utf8(writer.into_inner()).unwrap()
}

/// `new` holds every line of `old` in order, and every other line of it
/// is a translated one.
fn only_translated_lines_added(old: &str, new: &str, file: &str) -> usize {
    let mut old_lines = old.lines().peekable();
    let mut added = 0;
    for line in new.lines() {
        if old_lines.peek() == Some(&line) {
            old_lines.next();
        } else {
            assert!(
                line.contains("[sv] "),
                "{file}: a line that is not a translation changed: {line:?}"
            );
            added += 1;
        }
    }
    assert_eq!(old_lines.next(), None, "{file}: a line was lost");
    added
}

#[test]
fn missing_swedish_goes_to_a_translator_and_back_in_place() {
    let site = site_lacking_swedish();
    let root = site.path();
    let before = snapshot(&root.join("content"));
    let check = run(
        root,
        &["check", "--root", ".", "--translations", "--lang", "en"],
    );
    assert!(String::from_utf8_lossy(&check.stdout).contains("missing sv"));

    run(
        root,
        &[
            "translations",
            "export",
            "--lang",
            "sv",
            "--missing",
            "--out",
            "sv.xlf",
        ],
    );
    let xliff = fs::read_to_string(root.join("sv.xlf")).unwrap();
    assert!(xliff.contains("srcLang=\"fi\" trgLang=\"sv\""));
    assert!(xliff.contains(&format!("original=\"{KEMIJARVI}\"")));
    assert!(xliff.contains("original=\"content/pages/kehto.fi.md\""));
    // A text that has Swedish is not asked for again.
    assert!(!xliff.contains("Esbo stad"));
    fs::write(root.join("sv.translated.xlf"), translate(&xliff)).unwrap();

    let import = run(root, &["translations", "import", "sv.translated.xlf"]);
    let written = String::from_utf8_lossy(&import.stdout).to_string();
    assert!(written.contains(KEMIJARVI), "{written}");

    let after = snapshot(&root.join("content"));
    let mut added = 0;
    for (file, old) in &before {
        let new = &after[file];
        if old != new {
            assert!(file.ends_with(".yaml"), "{file} changed");
            added += only_translated_lines_added(
                std::str::from_utf8(old).unwrap(),
                std::str::from_utf8(new).unwrap(),
                file,
            );
        }
    }
    assert!(added > 20, "{added} translated lines");
    let page = String::from_utf8(after["pages/kehto.sv.md"].clone()).unwrap();
    assert!(
        page.starts_with("---\ntitle: \"[sv] KEHTO-foorumi\"\n"),
        "{page}"
    );
    assert!(page.contains("\n---\n[sv] KEHTO-foorumi tarkoittaa"));
    assert_eq!(after.len(), before.len() + 1, "one new file, the page");

    let check = run(
        root,
        &["check", "--root", ".", "--translations", "--lang", "en"],
    );
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(!report.contains("missing sv"), "{report}");
}

/// The content folder's files, to compare before and after a refused import.
fn content_of(root: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    snapshot(&root.join("content"))
}

#[test]
fn a_stale_foreign_or_broken_file_changes_nothing() {
    let site = site_lacking_swedish();
    let root = site.path();
    run(
        root,
        &[
            "translations",
            "export",
            "--lang",
            "sv",
            "--missing",
            "--out",
            "sv.xlf",
        ],
    );
    let translated = translate(&fs::read_to_string(root.join("sv.xlf")).unwrap());
    fs::write(root.join("t.xlf"), &translated).unwrap();

    // The source changed after the export: refused, with the text now there.
    let path = root.join(KEMIJARVI);
    let text = fs::read_to_string(&path).unwrap();
    let edited = text.replacen(
        "fi: Työllisyyspalvelut\n",
        "fi: Työllisyys- ja elinvoimapalvelut\n",
        1,
    );
    assert_ne!(edited, text);
    fs::write(&path, &edited).unwrap();
    let before = content_of(root);
    let output = run_in(root, &["translations", "import", "t.xlf"]);
    assert_eq!(output.status.code(), Some(1));
    let report = stderr(&output);
    let line = edited
        .lines()
        .position(|l| l.contains("Työllisyys- ja elinvoimapalvelut"))
        .unwrap()
        + 1;
    assert!(
        report.contains(&format!("{KEMIJARVI}:{line}:"))
            && report.contains("Työllisyys- ja elinvoimapalvelut"),
        "{report}"
    );
    assert_eq!(content_of(root), before, "a stale entry changes no file");
    fs::write(&path, &text).unwrap();
    let before = content_of(root);

    // Broken XML, an unknown id, a wrong language: refused, nothing written.
    let cases = [
        (
            "broken",
            translated[..translated.len() / 2].to_string(),
            "t-broken.xlf:",
        ),
        (
            "unknown id",
            translated.replacen("<unit id=\"t", "<unit id=\"x", 1),
            "t-unknown id.xlf:",
        ),
        (
            "wrong language",
            translated.replacen("trgLang=\"sv\"", "trgLang=\"de\"", 1),
            "t-wrong language.xlf:2:1:",
        ),
    ];
    for (name, xliff, expected) in cases {
        let file = format!("t-{name}.xlf");
        fs::write(root.join(&file), xliff).unwrap();
        let output = run_in(root, &["translations", "import", &file]);
        assert_eq!(output.status.code(), Some(1), "{name}");
        assert!(
            stderr(&output).contains(expected),
            "{name}: {}",
            stderr(&output)
        );
        assert_eq!(content_of(root), before, "{name}: no file changed");
    }
}

#[test]
fn the_xliff_is_xliff_2_as_translation_tools_read_it() {
    let site = example_copy();
    let root = site.path();
    run(
        root,
        &["translations", "export", "--lang", "en", "--out", "en.xlf"],
    );
    let xliff = fs::read_to_string(root.join("en.xlf")).unwrap();
    let mut reader = Reader::from_str(&xliff);
    let (mut units, mut ids) = (0, std::collections::HashSet::new());
    let mut path: Vec<String> = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_string();
                let attr = |key: &str| {
                    e.attributes()
                        .map(|a| a.unwrap())
                        .find(|a| a.key.as_ref() == key)
                        .map(|a| a.value.to_string())
                };
                match name.as_str() {
                    "xliff" => {
                        assert_eq!(
                            attr("xmlns").as_deref(),
                            Some("urn:oasis:names:tc:xliff:document:2.0")
                        );
                        assert_eq!(attr("version").as_deref(), Some("2.0"));
                        assert_eq!(attr("srcLang").as_deref(), Some("fi"));
                    }
                    "file" => assert!(attr("id").is_some() && path == ["xliff"]),
                    "unit" => {
                        let id = attr("id").unwrap();
                        // xs:NMTOKEN, unique in the file.
                        assert!(
                            id.chars()
                                .all(|c| c.is_ascii_alphanumeric() || "-._:".contains(c)),
                            "{id}"
                        );
                        assert!(ids.insert(id));
                        assert_eq!(path.last().map(String::as_str), Some("file"));
                        units += 1;
                    }
                    "notes" | "segment" => {
                        assert_eq!(path.last().map(String::as_str), Some("unit"))
                    }
                    "source" | "target" => {
                        assert_eq!(path.last().map(String::as_str), Some("segment"))
                    }
                    "note" => assert_eq!(path.last().map(String::as_str), Some("notes")),
                    other => panic!("element {other} is not XLIFF 2 core"),
                }
                path.push(name);
            }
            Event::End(_) => {
                path.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(units > 300, "{units} units");
}

/// The same round trip through a spreadsheet: the workbook read with
/// calamine, the translations typed into its last column with
/// rust_xlsxwriter, as a translator in Excel would.
#[test]
fn a_translation_workbook_comes_back_in_place() {
    use calamine::{Data, Reader};
    let site = site_lacking_swedish();
    let root = site.path();
    let before = snapshot(&root.join("content"));
    run(
        root,
        &[
            "translations",
            "export",
            "--lang",
            "sv",
            "--missing",
            "--format",
            "xlsx",
            "--out",
            "sv.xlsx",
        ],
    );
    let bytes = fs::read(root.join("sv.xlsx")).unwrap();
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let name = book.sheet_names()[0].clone();
    let rows: Vec<Vec<Data>> = book
        .worksheet_range(&name)
        .unwrap()
        .rows()
        .map(|r| r.to_vec())
        .collect();
    assert!(rows[0][5].to_string().ends_with("(sv)"), "{:?}", rows[0]);
    let mut out = rust_xlsxwriter::Workbook::new();
    let sheet = out.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if let Data::String(s) = cell {
                sheet.write_string(r as u32, c as u16, s).unwrap();
            }
        }
        if r > 0 {
            // A source that starts like a formula is written `'- ...`.
            let source = row[4].to_string();
            let source = source.strip_prefix('\'').unwrap_or(&source);
            let translated: Vec<String> = source
                .split('\n')
                .map(|l| {
                    if l.is_empty() {
                        String::new()
                    } else {
                        format!("[sv] {l}")
                    }
                })
                .collect();
            sheet
                .write_string(r as u32, 5, translated.join("\n"))
                .unwrap();
        }
    }
    out.save(root.join("sv.done.xlsx")).unwrap();
    run(root, &["translations", "import", "sv.done.xlsx"]);
    let after = snapshot(&root.join("content"));
    for (file, old) in &before {
        if old != &after[file] {
            only_translated_lines_added(
                std::str::from_utf8(old).unwrap(),
                std::str::from_utf8(&after[file]).unwrap(),
                file,
            );
        }
    }
    let check = run(
        root,
        &["check", "--root", ".", "--translations", "--lang", "en"],
    );
    assert!(!String::from_utf8_lossy(&check.stdout).contains("missing sv"));
}
