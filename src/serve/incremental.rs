//! Re-reading only the scorecard files that changed. Parsing YAML is the
//! bulk of loading a large site (about 50 ms per megabyte), so a save
//! re-parses its own file and re-runs the site-wide checks, which are cheap.
//! Anything unusual (an unreadable file, an id from a bad file name, a
//! scorecard in the wrong folder) falls back to loading everything, so the
//! result and the errors are always those of a full load.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::content::load::{FileKind, read_file};
use crate::content::parse::{FailedFiles, parse_scorecard, scorecard, sort_scorecards};
use crate::content::validate::validate;
use crate::content::{Scorecard, Site, attach_sources};
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
        sort_scorecards(&mut site.scorecards);
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
/// the files hold now: changed, added, or gone (IO). The files are read and
/// parsed by the functions of a full load.
pub fn reload_scorecards(root: &Path, site: &mut Site, files: &BTreeSet<PathBuf>) -> Reload {
    let mut diagnostics = Diagnostics::default();
    let mut failed = FailedFiles::default();
    let mut fresh = Vec::new();
    let mut sources = Vec::new();
    for file in files {
        let source = match read_file(root, file) {
            Ok(Some(source)) => source,
            Ok(None) => continue,
            // What a full load reports with everything else it finds.
            Err(_) => return Reload::Fallback,
        };
        let FileKind::Scorecard { folder, stem } = &source.kind else {
            return Reload::Fallback;
        };
        match parse_scorecard(&source) {
            Ok(data) => fresh.extend(scorecard(
                file.clone(),
                folder,
                stem,
                data,
                &mut diagnostics,
            )),
            Err(found) => {
                failed.scorecards.insert(format!("{folder}/{stem}"));
                diagnostics.extend(found);
            }
        }
        sources.push(source);
    }
    let (removed, kept): (Vec<Scorecard>, Vec<Scorecard>) = std::mem::take(&mut site.scorecards)
        .into_iter()
        .partition(|s| files.contains(&s.file));
    site.scorecards = kept;
    site.scorecards.extend(fresh);
    sort_scorecards(&mut site.scorecards);
    let swap = Swap {
        files: files.clone(),
        removed,
    };
    validate(site, &failed, &mut diagnostics);
    if !diagnostics.has_errors() {
        return Reload::Done(swap, diagnostics.sorted());
    }
    swap.undo(site);
    // Source lines for the excerpts, as the full load attaches them: the
    // files just read, and any other file a check points into.
    let others: BTreeSet<PathBuf> = diagnostics
        .iter()
        .map(|d| d.location.path.clone())
        .filter(|path| !files.contains(path))
        .collect();
    sources.extend(
        others
            .iter()
            .filter_map(|path| read_file(root, path).ok().flatten()),
    );
    attach_sources(&mut diagnostics, &sources);
    Reload::Failed(diagnostics.sorted())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load_site;
    use crate::testing::copy_dir;
    use std::fs;

    const SCORECARD: &str = "content/scorecards/testila/2024-tekniikka.yaml";

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

    /// A scorecard in another organisation's folder, or with an id from a
    /// bad file name, is reported as a full load reports it: the same code.
    #[test]
    fn a_scorecard_in_the_wrong_folder_is_reported_as_a_full_load_does() {
        let dir = fixture();
        let root = dir.path();
        let (mut site, _) = load_site(root).unwrap();
        edit(
            root,
            SCORECARD,
            "organisation: testila",
            "organisation: muu",
        );
        let Reload::Failed(diagnostics) = reload_scorecards(root, &mut site, &files(&[SCORECARD]))
        else {
            panic!("the wrong folder is an error");
        };
        assert_eq!(
            diagnostics.to_string(),
            load_site(root).unwrap_err().to_string()
        );
        assert!(diagnostics.to_string().contains("scorecards/testila/"));
    }

    #[test]
    fn unreadable_files_fall_back() {
        let dir = fixture();
        let root = dir.path();
        let (mut site, _) = load_site(root).unwrap();
        fs::write(root.join(SCORECARD), b"\xff\xfe").unwrap();
        assert!(matches!(
            reload_scorecards(root, &mut site, &files(&[SCORECARD])),
            Reload::Fallback
        ));
    }
}
