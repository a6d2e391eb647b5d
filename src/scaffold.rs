//! `tuloskortti new`: a commented starting file in every site language,
//! which `check` accepts as it is (warning of its placeholder texts, see
//! `placeholders`). Dates are written in quotes, so that tools of YAML 1.1
//! (PyYAML, ajv-cli) read them as the strings the schema says they are. Comments and placeholder texts are UI
//! strings (`i18n/<lang>/serve.ftl`); an existing file is never overwritten.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use crate::content::{Date, Id};
use crate::i18n::I18n;
use crate::serve::overlay::Chrome;

#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    /// `what` is `organisation`, `scorecard` or `update`; `suggestion` an id
    /// that would do.
    #[error("`{value}` is not a valid {what} id (e.g. `{suggestion}`)")]
    InvalidId {
        what: &'static str,
        value: String,
        suggestion: String,
    },
    #[error("{} already exists; nothing was written", .0.display())]
    Exists(PathBuf),
    #[error("cannot write {}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// A file to write: path relative to the site root, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFile {
    pub path: PathBuf,
    pub text: String,
}

/// The site's languages and UI strings, read as far as they can be (IO).
pub struct Words {
    languages: Vec<String>,
    chrome: Chrome,
}

#[derive(Deserialize)]
struct SiteLanguages {
    #[serde(default)]
    languages: Vec<String>,
}

impl Words {
    pub fn load(root: &Path) -> Words {
        let languages = fs::read_to_string(root.join("content/site.yaml"))
            .ok()
            .and_then(|text| serde_saphyr::from_str::<SiteLanguages>(&text).ok())
            .map(|site| site.languages)
            .filter(|languages| !languages.is_empty())
            .unwrap_or_else(|| vec!["fi".into(), "sv".into(), "en".into()]);
        let site = I18n::load(&root.join("i18n"), &languages)
            .ok()
            .map(Arc::new);
        Words {
            languages,
            chrome: Chrome::new(site, Chrome::embedded()),
        }
    }

    /// The built-in strings only, for the given languages.
    pub fn embedded(languages: &[&str]) -> Words {
        Words {
            languages: languages.iter().map(|l| l.to_string()).collect(),
            chrome: Chrome::new(None, Chrome::embedded()),
        }
    }

    fn default_language(&self) -> &str {
        &self.languages[0]
    }

    fn t(&self, lang: &str, id: &str) -> String {
        self.chrome.t(lang, id, None)
    }

    /// A comment line in the default language.
    fn comment(&self, id: &str) -> String {
        self.t(self.default_language(), id)
    }

    /// `{fi: "…", sv: "…", en: "…"}` from one UI string.
    fn text(&self, id: &str) -> String {
        let parts: Vec<String> = self
            .languages
            .iter()
            .map(|lang| format!("{lang}: {}", quote(&self.t(lang, id))))
            .collect();
        format!("{{{}}}", parts.join(", "))
    }
}

/// A double-quoted YAML string.
fn quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn id(what: &'static str, value: &str) -> Result<Id, ScaffoldError> {
    Id::parse(value).map_err(|_| ScaffoldError::InvalidId {
        what,
        value: value.to_string(),
        suggestion: crate::content::slugify(value),
    })
}

impl ScaffoldError {
    /// What went wrong, to be put into the reader's words.
    pub fn message(&self) -> crate::diagnostics::Message {
        use crate::diagnostics::Message;
        match self {
            ScaffoldError::InvalidId {
                what,
                value,
                suggestion,
            } => Message::new(match *what {
                "organisation" => "err-new-invalid-organisation",
                "scorecard" => "err-new-invalid-scorecard",
                _ => "err-new-invalid-update",
            })
            .arg("value", value)
            .arg("suggestion", suggestion),
            ScaffoldError::Exists(path) => {
                Message::new("err-new-exists").arg("path", path.display())
            }
            ScaffoldError::Io { path, source } => Message::new("err-cannot-write")
                .arg("path", path.display())
                .arg("reason", source),
        }
    }
}

/// `content/scorecards/ORG/SLUG.yaml`, and `content/organisations/ORG.yaml`
/// when the organisation does not exist yet.
pub fn scorecard_files(
    root: &Path,
    words: &Words,
    org: &str,
    slug: &str,
    today: Date,
) -> Result<Vec<NewFile>, ScaffoldError> {
    let org = id("organisation", org)?;
    let slug = id("scorecard", slug)?;
    let year = slug
        .as_str()
        .get(..5)
        .filter(|p| p.ends_with('-'))
        .and_then(|p| p[..4].parse::<i32>().ok())
        .unwrap_or(today.year);
    let mut files = Vec::new();
    let organisation = PathBuf::from(format!("content/organisations/{org}.yaml"));
    if !root.join(&organisation).exists() {
        files.push(NewFile {
            path: organisation,
            text: organisation_text(words),
        });
    }
    files.push(NewFile {
        path: PathBuf::from(format!("content/scorecards/{org}/{slug}.yaml")),
        text: scorecard_text(words, &org, year, today),
    });
    Ok(files)
}

fn organisation_text(words: &Words) -> String {
    let c = |id: &str| words.comment(id);
    let mut out = String::new();
    let _ = writeln!(out, "# {}", c("scaffold-organisation-intro"));
    let _ = writeln!(out, "# {}", c("scaffold-texts"));
    let _ = writeln!(out, "# {}", c("scaffold-check"));
    let _ = writeln!(out, "name: {}", words.text("scaffold-organisation-name"));
    let _ = writeln!(
        out,
        "# municipality_code: \"000\"  # {}",
        c("scaffold-municipality-code")
    );
    let _ = writeln!(out, "# languages: [fi, sv]  # {}", c("scaffold-languages"));
    let _ = writeln!(
        out,
        "# website: https://www.example.fi/  # {}",
        c("scaffold-website")
    );
    out
}

fn scorecard_text(words: &Words, org: &Id, year: i32, today: Date) -> String {
    let c = |id: &str| words.comment(id);
    let t = |id: &str| words.text(id);
    let default = words.default_language();
    let theme = Id::parse(&words.t(default, "scaffold-theme-id"))
        .map(|id| id.0)
        .unwrap_or_else(|_| "theme".into());
    let goal = Id::parse(&words.t(default, "scaffold-goal-id"))
        .map(|id| id.0)
        .unwrap_or_else(|_| "goal".into());
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    line(format!("# {}", c("scaffold-scorecard-intro")));
    line(format!("# {}", c("scaffold-texts")));
    line(format!("# {}", c("scaffold-check")));
    line(format!(
        "organisation: {org}  # {}",
        c("scaffold-organisation")
    ));
    line(format!(
        "unit: {}  # {}",
        t("scaffold-unit-text"),
        c("scaffold-unit")
    ));
    line(format!("kind: scorecard  # {}", c("scaffold-kind")));
    line(format!("year: {year}  # {}", c("scaffold-year")));
    line(format!(
        "status_date: \"{today}\"  # {}",
        c("scaffold-status-date")
    ));
    line(format!(
        "# approved: \"{today}\"  # {}",
        c("scaffold-approved")
    ));
    line(format!("# {}", c("scaffold-summary")));
    line(format!("summary: {}", t("scaffold-summary-text")));
    line(format!("# {}", c("scaffold-themes")));
    line("themes:".into());
    line(format!("  - id: {theme}  # {}", c("scaffold-id")));
    line(format!("    title: {}", t("scaffold-theme-title")));
    line(format!("    # {}", c("scaffold-goals")));
    line("    goals:".into());
    line(format!("      - id: {goal}"));
    line(format!("        title: {}", t("scaffold-goal-title")));
    line(format!(
        "        status: not-assessed  # {}",
        c("scaffold-status")
    ));
    line(format!("        # {}", c("scaffold-follow-up")));
    line(format!(
        "        follow_up: {}",
        t("scaffold-follow-up-text")
    ));
    line(format!("        # {}", c("scaffold-indicators")));
    line("        # indicators:".into());
    line(format!(
        "        #   - title: {}",
        t("scaffold-indicator-title")
    ));
    line(format!(
        "        #     unit: {}",
        t("scaffold-indicator-unit")
    ));
    line("        #     direction: increase".into());
    line("        #     values:".into());
    line(format!("        #       - {{period: {year}-H1, value: 0}}"));
    line(format!("# {}", c("scaffold-risks")));
    line("# risks:".into());
    line(format!("#   - theme: {theme}"));
    line(format!("#     title: {}", t("scaffold-risk-title")));
    line("#     likelihood: 2".into());
    line("#     impact: 2".into());
    line(format!(
        "#     mitigation: {}",
        t("scaffold-mitigation-text")
    ));
    line("#     status: green".into());
    line(format!("# {}", c("scaffold-key-figures")));
    line("# key_figures:".into());
    line("#   - id: talous".into());
    line(format!("#     title: {}", t("scaffold-figures-title")));
    line("#     columns:".into());
    line(format!("#       - {{kind: actual, year: {}}}", year - 1));
    line(format!("#       - {{kind: budget, year: {year}}}"));
    line("#     rows:".into());
    line(format!("#       - label: {}", t("scaffold-figures-row")));
    line("#         unit: EUR".into());
    line("#         values: [null, null]".into());
    out
}

/// `content/updates/<date>-SLUG.<lang>.md` for every site language; a slug
/// that starts with `YYYY-MM-DD-` gives the date.
pub fn post_files(
    root: &Path,
    words: &Words,
    slug: &str,
    today: Date,
) -> Result<Vec<NewFile>, ScaffoldError> {
    let (date, slug) = match slug.get(..11) {
        Some(prefix) if prefix.ends_with('-') => match Date::parse(&prefix[..10]) {
            Ok(date) => (date, &slug[11..]),
            Err(_) => (today, slug),
        },
        _ => (today, slug),
    };
    let slug = id("update", slug)?;
    let (org, related) = example_references(root);
    Ok(words
        .languages
        .iter()
        .map(|lang| {
            let c = |id: &str| words.t(lang, id);
            let mut text = String::from("---\n");
            let _ = writeln!(text, "# {}", c("scaffold-update-intro"));
            let _ = writeln!(text, "# {}", c("scaffold-check"));
            let _ = writeln!(text, "title: {}", quote(&c("scaffold-update-title")));
            let _ = writeln!(text, "date: \"{date}\"  # {}", c("scaffold-update-date"));
            let _ = writeln!(
                text,
                "# organisation: {org}  # {}",
                c("scaffold-update-organisation")
            );
            let _ = writeln!(
                text,
                "# related: [{related}]  # {}",
                c("scaffold-update-related")
            );
            let _ = writeln!(text, "# {}", c("scaffold-update-summary"));
            let _ = writeln!(
                text,
                "summary: {}",
                quote(&c("scaffold-update-summary-text"))
            );
            text.push_str("---\n");
            let _ = writeln!(text, "{}", c("scaffold-update-body"));
            NewFile {
                path: PathBuf::from(format!("content/updates/{date}-{slug}.{lang}.md")),
                text,
            }
        })
        .collect())
}

/// An organisation and one of its scorecards from the site, for the
/// commented examples (IO; a made-up pair when the site has none).
fn example_references(root: &Path) -> (String, String) {
    let stems = |dir: &Path| -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let stem = name.strip_suffix(".yaml").unwrap_or(&name).to_string();
                Id::parse(&stem).ok().map(|id| id.0)
            })
            .collect();
        names.sort();
        names
    };
    let Some(org) = stems(&root.join("content/organisations"))
        .into_iter()
        .next()
    else {
        return ("espoo".into(), "espoo/2021-kaupunkitekniikka".into());
    };
    let scorecard = stems(&root.join("content/scorecards").join(&org))
        .into_iter()
        .next()
        .unwrap_or_else(|| "2021-kaupunkitekniikka".into());
    (org.clone(), format!("{org}/{scorecard}"))
}

/// Write the files under `root`, none if any already exists (IO).
pub fn write_new(root: &Path, files: &[NewFile]) -> Result<(), ScaffoldError> {
    for file in files {
        let path = root.join(&file.path);
        if path.exists() {
            return Err(ScaffoldError::Exists(file.path.clone()));
        }
    }
    for file in files {
        let path = root.join(&file.path);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|source| ScaffoldError::Io {
                path: file.path.clone(),
                source,
            })?;
        }
        // `create_new`: a file that appeared meanwhile is still not overwritten.
        fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, file.text.as_bytes()))
            .map_err(|source| match source.kind() {
                std::io::ErrorKind::AlreadyExists => ScaffoldError::Exists(file.path.clone()),
                _ => ScaffoldError::Io {
                    path: file.path.clone(),
                    source,
                },
            })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::{OrganisationFile, PostFrontMatter, ScorecardFile};

    const TODAY: Date = Date {
        year: 2026,
        month: 3,
        day: 9,
    };

    #[test]
    fn the_scorecard_parses_and_speaks_every_language() {
        let dir = tempfile::tempdir().unwrap();
        let words = Words::embedded(&["fi", "sv", "en"]);
        let files = scorecard_files(dir.path(), &words, "espoo", "2025-tekniikka", TODAY).unwrap();
        assert_eq!(files.len(), 2, "the organisation is created too");
        let scorecard = &files[1];
        assert_eq!(
            scorecard.path,
            PathBuf::from("content/scorecards/espoo/2025-tekniikka.yaml")
        );
        let data: ScorecardFile = serde_saphyr::from_str(&scorecard.text).unwrap();
        assert_eq!(data.year, 2025);
        assert_eq!(data.status_date, TODAY);
        let unit = &data.unit;
        assert_eq!(unit.by_lang.len(), 3);
        assert_ne!(unit.by_lang["fi"], unit.by_lang["sv"]);
        assert!(scorecard.text.lines().any(|l| l.starts_with("# risks:")));
        assert!(
            scorecard.text.contains("status_date: \"2026-03-09\""),
            "a date in quotes: {}",
            scorecard.text
        );
        let _: OrganisationFile = serde_saphyr::from_str(&files[0].text).unwrap();
        assert!(matches!(
            scorecard_files(dir.path(), &words, "Espoo", "x", TODAY),
            Err(ScaffoldError::InvalidId { .. })
        ));
    }

    #[test]
    fn updates_take_the_date_from_the_slug() {
        let dir = tempfile::tempdir().unwrap();
        let words = Words::embedded(&["fi", "sv"]);
        let files = post_files(dir.path(), &words, "2025-01-31-avoin-data", TODAY).unwrap();
        let paths: Vec<String> = files.iter().map(|f| f.path.display().to_string()).collect();
        assert_eq!(
            paths,
            [
                "content/updates/2025-01-31-avoin-data.fi.md",
                "content/updates/2025-01-31-avoin-data.sv.md"
            ]
        );
        let front = files[1].text.split("---\n").nth(1).unwrap();
        let data: PostFrontMatter = serde_saphyr::from_str(front).unwrap();
        assert_eq!(data.date.to_string(), "2025-01-31");
        assert!(front.contains("date: \"2025-01-31\""), "{front}");
        assert!(files[1].text.contains("# "));
    }

    #[test]
    fn existing_files_are_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let words = Words::embedded(&["fi"]);
        let files = post_files(dir.path(), &words, "uutinen", TODAY).unwrap();
        write_new(dir.path(), &files).unwrap();
        fs::write(dir.path().join(&files[0].path), "mine").unwrap();
        assert!(matches!(
            write_new(dir.path(), &files),
            Err(ScaffoldError::Exists(_))
        ));
        assert_eq!(
            fs::read_to_string(dir.path().join(&files[0].path)).unwrap(),
            "mine"
        );
    }
}
