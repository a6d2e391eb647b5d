//! Re-reading only the scorecard files that changed. Parsing YAML is the
//! bulk of loading a large site (about 50 ms per megabyte), so a save
//! re-parses its own file and re-runs the site-wide checks, which are cheap.
//! Anything unusual (an unreadable file, an id from a bad file name, a
//! scorecard in the wrong folder) falls back to loading everything, so the
//! result and the errors are always those of a full load.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::content::load::{FileKind, classify};
use crate::content::parse::{FailedFiles, parse_yaml};
use crate::content::validate::validate;
use crate::content::{Id, Scorecard, ScorecardFile, Site};
use crate::diagnostics::Diagnostics;

/// The scorecards taken out of a site, to put them back.
pub struct Swap {
    files: BTreeSet<PathBuf>,
    removed: Vec<Scorecard>,
}

impl Swap {
    /// Put the site back as it was before [`reload_scorecards`].
    pub fn undo(self, site: &mut Site) {
        site.scorecards.retain(|s| !self.files.contains(&s.file));
        site.scorecards.extend(self.removed);
        sort_scorecards(site);
    }
}

pub enum Reload {
    /// The site now holds the files' current scorecards; warnings of the checks.
    Done(Swap, Diagnostics),
    /// The site is unchanged; every problem, as a full load reports it.
    Failed(Diagnostics),
    /// A case left to the full load.
    Fallback,
}

/// Replace the scorecards read from `files` (relative to `root`) with what
/// the files hold now: changed, added, or gone (IO).
pub fn reload_scorecards(root: &Path, site: &mut Site, files: &BTreeSet<PathBuf>) -> Reload {
    let mut diagnostics = Diagnostics::default();
    let mut failed = FailedFiles::default();
    let mut fresh = Vec::new();
    let mut sources = Vec::new();
    for file in files {
        let Some(FileKind::Scorecard { folder, stem }) = classify(file) else {
            return Reload::Fallback;
        };
        let text = match fs::read(root.join(file)) {
            Ok(bytes) => match plain_text(bytes) {
                Some(text) => text,
                None => return Reload::Fallback,
            },
            Err(err) if err.kind() == io::ErrorKind::NotFound => continue,
            Err(_) => return Reload::Fallback,
        };
        match parse_yaml::<ScorecardFile>(file, &text, 0) {
            Ok(data) => {
                let id = match &data.id {
                    Some(id) => id.clone(),
                    None => match Id::parse(&stem) {
                        Ok(id) => id,
                        Err(_) => return Reload::Fallback,
                    },
                };
                if data.organisation.value.as_str() != folder {
                    return Reload::Fallback;
                }
                fresh.push(Scorecard {
                    id,
                    file: file.clone(),
                    data,
                });
            }
            Err(diagnostic) => {
                failed.scorecards.insert(format!("{folder}/{stem}"));
                diagnostics.push(diagnostic);
            }
        }
        sources.push((file.clone(), text));
    }
    let (removed, kept): (Vec<Scorecard>, Vec<Scorecard>) = std::mem::take(&mut site.scorecards)
        .into_iter()
        .partition(|s| files.contains(&s.file));
    site.scorecards = kept;
    site.scorecards.extend(fresh);
    sort_scorecards(site);
    let swap = Swap {
        files: files.clone(),
        removed,
    };
    validate(site, &failed, &mut diagnostics);
    if !diagnostics.has_errors() {
        return Reload::Done(swap, diagnostics.sorted());
    }
    swap.undo(site);
    // Source lines for the excerpts, as the full load attaches them.
    let mut paths: BTreeSet<PathBuf> = diagnostics
        .iter()
        .map(|d| d.location.path.clone())
        .collect();
    for (path, text) in &sources {
        diagnostics.attach_source(path, text);
        paths.remove(path);
    }
    for path in paths {
        if let Ok(Some(text)) = fs::read(root.join(&path)).map(plain_text) {
            diagnostics.attach_source(&path, &text);
        }
    }
    Reload::Failed(diagnostics.sorted())
}

/// The text as `content::load` reads it: without a byte-order mark and
/// with `\n` line ends; `None` for what it would report (not UTF-8, too large).
fn plain_text(bytes: Vec<u8>) -> Option<String> {
    if bytes.len() > 16 * 1024 * 1024 {
        return None;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    std::str::from_utf8(bytes)
        .ok()
        .map(|text| text.replace("\r\n", "\n"))
}

/// The order `content::parse` gives: by organisation, newest year first, id.
fn sort_scorecards(site: &mut Site) {
    site.scorecards.sort_by(|a, b| {
        (a.organisation(), std::cmp::Reverse(a.data.year), &a.id).cmp(&(
            b.organisation(),
            std::cmp::Reverse(b.data.year),
            &b.id,
        ))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load_site;

    const SCORECARD: &str = "content/scorecards/testila/2024-tekniikka.yaml";

    fn copy_dir(from: &Path, to: &Path) {
        fs::create_dir_all(to).unwrap();
        for entry in fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy_dir(&entry.path(), &target);
            } else {
                fs::copy(entry.path(), target).unwrap();
            }
        }
    }

    fn fixture() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        copy_dir(&repo.join("tests/fixtures/minimal"), dir.path());
        dir
    }

    fn edit(root: &Path, relative: &str, from: &str, to: &str) {
        let path = root.join(relative);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{from}");
        fs::write(path, text.replacen(from, to, 1)).unwrap();
    }

    fn files(paths: &[&str]) -> BTreeSet<PathBuf> {
        paths.iter().map(PathBuf::from).collect()
    }

    /// After each edit, the reloaded site is the one a full load gives.
    #[test]
    fn equals_a_full_load() {
        let dir = fixture();
        let root = dir.path();
        let (mut site, _) = load_site(root).unwrap();
        edit(root, SCORECARD, "Työ on käynnissä.", "Työ eteni.");
        // A second scorecard of the same organisation, added.
        let second = "content/scorecards/testila/2025-tekniikka.yaml";
        let text = fs::read_to_string(root.join(SCORECARD)).unwrap();
        fs::write(root.join(second), text.replace("year: 2024", "year: 2025")).unwrap();
        let Reload::Done(_, _) = reload_scorecards(root, &mut site, &files(&[SCORECARD, second]))
        else {
            panic!("the edit reloads");
        };
        let (full, _) = load_site(root).unwrap();
        assert_eq!(format!("{site:?}"), format!("{full:?}"));
        assert_eq!(site.scorecards[0].data.year, 2025);
        // And removed again.
        fs::remove_file(root.join(second)).unwrap();
        assert!(matches!(
            reload_scorecards(root, &mut site, &files(&[second])),
            Reload::Done(_, _)
        ));
        let (full, _) = load_site(root).unwrap();
        assert_eq!(format!("{site:?}"), format!("{full:?}"));
    }

    /// A broken file leaves the site as it was and reports what a full load reports.
    #[test]
    fn errors_equal_a_full_load() {
        for (from, to) in [
            ("likelihood: 2", "likelihood: 5"),
            ("status: achieved", "statsu: achieved"),
            ("theme: liikenne", "theme: liikene"),
            ("      - id: kavely", "      - id: pyoraily"),
            (
                "unit: EUR\n        values: [-1234567, -1300000]",
                "unit: EUR\n        values: [1]",
            ),
            ("kind: scorecard", "kind: [scorecard"),
        ] {
            let dir = fixture();
            let root = dir.path();
            let (mut site, _) = load_site(root).unwrap();
            let before = format!("{site:?}");
            edit(root, SCORECARD, from, to);
            let Reload::Failed(diagnostics) =
                reload_scorecards(root, &mut site, &files(&[SCORECARD]))
            else {
                panic!("{to} is an error");
            };
            assert_eq!(format!("{site:?}"), before, "{to}: the site is unchanged");
            let full = load_site(root).unwrap_err();
            assert_eq!(diagnostics.to_string(), full.to_string(), "{to}");
        }
    }

    #[test]
    fn a_dangling_update_reference_is_found() {
        let dir = fixture();
        let root = dir.path();
        let (mut site, _) = load_site(root).unwrap();
        fs::remove_file(root.join(SCORECARD)).unwrap();
        let Reload::Failed(diagnostics) = reload_scorecards(root, &mut site, &files(&[SCORECARD]))
        else {
            panic!("the update relates to the removed scorecard");
        };
        assert_eq!(
            diagnostics.to_string(),
            load_site(root).unwrap_err().to_string()
        );
        assert_eq!(site.scorecards.len(), 1);
    }

    #[test]
    fn unusual_cases_fall_back() {
        let dir = fixture();
        let root = dir.path();
        let (mut site, _) = load_site(root).unwrap();
        edit(
            root,
            SCORECARD,
            "organisation: testila",
            "organisation: muu",
        );
        assert!(matches!(
            reload_scorecards(root, &mut site, &files(&[SCORECARD])),
            Reload::Fallback
        ));
        fs::write(root.join(SCORECARD), b"\xff\xfe").unwrap();
        assert!(matches!(
            reload_scorecards(root, &mut site, &files(&[SCORECARD])),
            Reload::Fallback
        ));
    }
}
