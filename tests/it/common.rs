//! A test site in a temporary folder, built with the real binary.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub struct TestSite {
    pub dir: tempfile::TempDir,
}

impl TestSite {
    /// A copy of `tests/fixtures/<name>` with the repository's theme and UI strings.
    pub fn fixture(name: &str) -> TestSite {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&repo_root().join("tests/fixtures").join(name), dir.path());
        copy_dir(&repo_root().join("themes"), &dir.path().join("themes"));
        copy_dir(&repo_root().join("i18n"), &dir.path().join("i18n"));
        TestSite { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn out(&self) -> PathBuf {
        self.dir.path().join("public")
    }

    pub fn write(&self, relative: &str, text: impl AsRef<[u8]>) {
        let path = self.dir.path().join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    pub fn read(&self, relative: &str) -> String {
        fs::read_to_string(self.dir.path().join(relative)).unwrap()
    }

    pub fn run(&self, args: &[&str]) -> Output {
        run_in(self.root(), args)
    }

    /// The messages in English (`--lang en`), whatever the machine's locale.
    pub fn build(&self) -> Output {
        self.run(&["build", "--root", ".", "--out", "public", "--lang", "en"])
    }

    pub fn check(&self) -> Output {
        self.run(&["check", "--root", ".", "--lang", "en"])
    }
}

pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tuloskortti"))
        .args(args)
        // A locale without messages of ours: the site's first language
        // speaks unless `--lang` says otherwise, on any machine.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The unit tests' helper (`src/testing.rs`), shared.
pub use crate::testing::copy_dir;

/// Every file under `dir` with its bytes, by relative path.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    collect(dir, dir, &mut files);
    files
}

fn collect(base: &Path, dir: &Path, files: &mut BTreeMap<String, Vec<u8>>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(base, &path, files);
        } else {
            let relative = path
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            files.insert(relative, fs::read(&path).unwrap());
        }
    }
}

/// The HTML pages of a snapshot, as text.
pub fn pages(files: &BTreeMap<String, Vec<u8>>) -> impl Iterator<Item = (&String, String)> {
    files
        .iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path, String::from_utf8_lossy(bytes).into_owned()))
}

/// Texts of the table cells (`<td>`) of a page, tags removed, without the
/// column names that a phone shows inside each cell (`cell-label`).
pub fn table_cells(html: &str) -> Vec<String> {
    html.split("<td")
        .skip(1)
        .map(|rest| {
            let mut cell = &rest[rest.find('>').unwrap() + 1..rest.find("</td>").unwrap()];
            let label = "<span class=\"cell-label\">";
            let owned;
            if let Some(start) = cell.find(label) {
                let end = start + cell[start..].find("</span>").unwrap() + "</span>".len();
                owned = format!("{}{}", &cell[..start], &cell[end..]);
                cell = &owned;
            }
            let mut text = String::new();
            let mut in_tag = false;
            for c in cell.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text.trim().to_string()
        })
        .collect()
}

/// The counts of a status table (`status_all`, `status_<theme>`), in the
/// order of its rows.
pub fn status_counts(html: &str, id: &str) -> Option<Vec<String>> {
    let start = html.find(&format!("<table class=\"status-table\" id=\"{id}\">"))?;
    let table = &html[start..start + html[start..].find("</table>").unwrap()];
    Some(table_cells(table))
}
