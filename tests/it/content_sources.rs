//! The example content against the documents it is transcribed from
//! (`../shared/seeds/`): every status of a goal, target or risk rests on a
//! sentence of the source, quoted verbatim in a `# Lähde: "…"` comment on
//! the line above it. The list of statuses, with file and line, is written
//! to `target/quality-output/statuses.txt` for a reader to check.

use std::fs;
use std::path::{Path, PathBuf};

use crate::common::repo_root;

/// Runs of white space as one space, so that a quotation may span lines.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The source documents, each collapsed.
fn seeds() -> Vec<(PathBuf, String)> {
    let dir = repo_root().join("../shared/seeds");
    let mut seeds: Vec<(PathBuf, String)> = fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .map(|entry| {
            let path = entry.unwrap().path();
            let text = fs::read_to_string(&path).unwrap();
            (path, collapse(&text))
        })
        .collect();
    seeds.sort();
    seeds
}

fn scorecard_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            scorecard_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml") {
            out.push(path);
        }
    }
}

#[test]
fn every_status_quotes_the_sentence_of_the_source_it_rests_on() {
    let root = repo_root();
    let seeds = seeds();
    assert_eq!(seeds.len(), 3, "the three source documents");
    let mut files = Vec::new();
    scorecard_files(&root.join("content/scorecards"), &mut files);
    files.sort();
    let mut listing = String::new();
    let mut problems = Vec::new();
    let mut statuses = 0;
    for file in &files {
        let relative = file.strip_prefix(&root).unwrap().display().to_string();
        // Espoo's scorecard is the Espoo document, Kemijärvi's the Kemijärvi one.
        let org = relative.split('/').nth(2).unwrap();
        let (_, seed) = seeds
            .iter()
            .find(|(p, _)| p.file_name().unwrap().to_string_lossy().starts_with(org))
            .unwrap_or_else(|| panic!("no source document for {relative}"));
        let text = fs::read_to_string(file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let trimmed = line.trim_start();
            let Some(status) = trimmed.strip_prefix("status:") else {
                continue;
            };
            statuses += 1;
            let indent = &line[..line.len() - trimmed.len()];
            let above = i.checked_sub(1).map_or("", |j| lines[j]);
            let quote = above
                .strip_prefix(indent)
                .and_then(|c| c.strip_prefix("# Lähde: \""))
                .and_then(|c| c.strip_suffix('"'));
            let at = format!("{relative}:{}", i + 1);
            match quote {
                None => problems.push(format!(
                    "{at}: `status:{status}` has no `# Lähde: \"…\"` line above it"
                )),
                Some(quote) if !seed.contains(&collapse(quote)) => problems.push(format!(
                    "{at}: the quotation is not in the source document: {quote}"
                )),
                Some(quote) => {
                    listing.push_str(&format!("{at}: {} <- \"{quote}\"\n", status.trim()));
                }
            }
        }
    }
    let out = root.join("target/quality-output");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("statuses.txt"), &listing).unwrap();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        statuses > 20,
        "the example content has its statuses ({statuses})"
    );
}

#[test]
fn a_status_without_its_quotation_is_caught() {
    // The check above, on a made-up file: the status has a comment, but not
    // a quotation, and a quotation the source does not contain.
    let seed = collapse("Tavoitetta ei\nsaavutettu vuoden 2025 aikana.");
    assert!(seed.contains(&collapse("Tavoitetta ei saavutettu vuoden 2025 aikana.")));
    assert!(!seed.contains(&collapse("Tavoite saavutettiin.")));
}
