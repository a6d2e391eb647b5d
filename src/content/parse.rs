//! YAML and Markdown front matter into the model; every file is parsed and
//! every error kept, so one run reports them all.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use serde_saphyr::Spanned;

use super::load::{ContentFiles, FileKind, SourceFile};
use super::model::*;
use super::{Config, MarkdownDoc, Metric, Network, NewsPost, Organisation, Page, Scorecard, Site};
use crate::diagnostics::{Diagnostic, Diagnostics, Location, Message, Severity, closest};

/// Where a spanned value sits in its file.
pub fn span_location<T>(path: &Path, spanned: &Spanned<T>) -> Location {
    location_at(path, &spanned.referenced, 0)
}

fn location_at(path: &Path, location: &serde_saphyr::Location, line_offset: u32) -> Location {
    Location::new(
        path,
        location.line() as u32 + line_offset,
        (location.column() as u32).max(1),
    )
}

/// Parse one YAML text into `T`; on failure, a located diagnostic.
pub fn parse_yaml<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    line_offset: u32,
) -> Result<T, Diagnostic> {
    let options = serde_saphyr::options! { with_snippet: false };
    serde_saphyr::from_str_with_options::<T>(text, options)
        .map_err(|err| yaml_diagnostic(path, &err, line_offset))
}

fn yaml_diagnostic(path: &Path, err: &serde_saphyr::Error, line_offset: u32) -> Diagnostic {
    let location = err
        .location()
        .map(|l| location_at(path, &l, line_offset))
        .unwrap_or_else(|| Location::new(path, 1 + line_offset, 1));
    let mut message = err.without_snippet().to_string();
    // The location is printed in front; drop the library's own copy of it.
    if let Some(pos) = message.rfind(" at line ") {
        message.truncate(pos);
    }
    let message = message.trim_start_matches("error: ").to_string();
    if let Some(said) = model_message(&message) {
        return said(location);
    }
    let hint = suggestion(&message);
    let diagnostic = Diagnostic::error(location, message);
    match hint {
        Some(hint) => diagnostic.with_hint(hint),
        None => diagnostic,
    }
}

/// One content file of `kind` (`scorecard`, `update`, ... as the schema
/// names them) into `T`. A file the model does not accept is checked
/// again as a whole (`structure`), so that every mistake in it is
/// reported, each at its place, in words a reader understands.
pub fn parse_file<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    line_offset: u32,
    kind: &str,
) -> Result<T, Diagnostics> {
    parse_yaml(path, text, line_offset).map_err(|first| {
        let found = super::structure::check(path, text, kind, line_offset);
        let mut all = Diagnostics::default();
        if found.is_empty() {
            // What only the model knows (a calendar date, a reserved id).
            all.push(first);
        }
        for diagnostic in found {
            all.push(diagnostic);
        }
        all
    })
}

/// The model's own refusals (what a schema cannot see), in UI strings.
fn model_message(message: &str) -> Option<Box<dyn FnOnce(Location) -> Diagnostic>> {
    let quoted = message
        .strip_prefix('`')
        .and_then(|rest| rest.split_once('`'))
        .map(|(value, rest)| (value.to_string(), rest.to_string()));
    let (value, rest) = quoted?;
    let (id, hint, hint_value) = if rest.starts_with(" is not a calendar date") {
        ("err-bad-calendar-date", "err-bad-date-hint", value.clone())
    } else if rest.contains("Windows reserves") {
        ("err-reserved-id", "err-bad-id-hint", format!("{value}-1"))
    } else if rest.starts_with(" is not a valid id") {
        ("err-bad-id", "err-bad-id-hint", slugify(&value))
    } else if rest.starts_with(" is not a date") {
        ("err-bad-date", "err-bad-date-hint", value.clone())
    } else if rest.starts_with(" is not a period") {
        ("err-bad-period", "err-bad-period-hint", value.clone())
    } else {
        return None;
    };
    Some(Box::new(move |location| {
        Diagnostic::new(
            Severity::Error,
            location,
            Message::new(id).arg("value", &value).arg("field", ""),
        )
        .hint(Message::new(hint).arg("value", hint_value))
    }))
}

/// "did you mean `status`?" for unknown fields and values.
fn suggestion(message: &str) -> Option<String> {
    let (word, expected) = if let Some(rest) = message.strip_prefix("unknown field `") {
        rest.split_once("`, expected one of ")
            .or_else(|| rest.split_once("`, expected "))?
    } else if let Some(rest) = message.strip_prefix("unknown variant `") {
        rest.split_once("`, expected one of ")
            .or_else(|| rest.split_once("`, expected "))?
    } else {
        return None;
    };
    let candidates: Vec<&str> = expected
        .split(", ")
        .map(|c| c.trim_matches(|ch| ch == '`' || ch == ' '))
        .collect();
    match closest(word, candidates.iter().copied()) {
        Some(best) => Some(format!("did you mean `{best}`?")),
        None if message.starts_with("unknown field") => {
            Some(format!("this place allows only: {}", candidates.join(", ")))
        }
        None => Some(format!("allowed values: {}", candidates.join(", "))),
    }
}

/// Split `---\nfront matter\n---\nbody`; returns the front matter, its first
/// line number minus one, and the body.
pub fn split_front_matter(text: &str) -> Option<(&str, u32, &str)> {
    let rest = text.strip_prefix("---\n")?;
    let end = if rest.starts_with("---\n") || rest == "---" {
        0
    } else {
        rest.find("\n---\n")
            .map(|p| p + 1)
            .or_else(|| rest.strip_suffix("\n---").map(|front| front.len() + 1))?
    };
    let front = &rest[..end];
    let body = rest[end..]
        .strip_prefix("---")
        .unwrap_or("")
        .strip_prefix('\n')
        .unwrap_or("");
    Some((front, 1, body))
}

pub fn parse_markdown<F: DeserializeOwned>(
    file: &SourceFile,
    kind: &str,
) -> Result<MarkdownDoc<F>, Diagnostics> {
    let Some((front, offset, body)) = split_front_matter(&file.text) else {
        return Err(Diagnostic::new(
            Severity::Error,
            Location::file(&file.path),
            Message::new("err-no-front-matter"),
        )
        .hint(Message::new("err-no-front-matter-hint"))
        .into());
    };
    let front = parse_file::<F>(&file.path, front, offset, kind)?;
    Ok(MarkdownDoc {
        file: file.path.clone(),
        front,
        body: body.to_string(),
    })
}

fn id_from_stem(path: &Path, stem: &str, diagnostics: &mut Diagnostics) -> Option<Id> {
    match Id::parse(stem) {
        Ok(id) => Some(id),
        Err(_) => {
            diagnostics.push(
                Diagnostic::new(
                    Severity::Error,
                    Location::file(path),
                    Message::new("err-bad-file-name-id").arg("value", stem),
                )
                .hint(Message::new("err-bad-id-hint").arg("value", slugify(stem))),
            );
            None
        }
    }
}

/// A parsed scorecard file as the site holds it: its id from the file name
/// unless it names one, in the folder of its organisation.
pub fn scorecard(
    file: PathBuf,
    folder: &str,
    stem: &str,
    data: ScorecardFile,
    diagnostics: &mut Diagnostics,
) -> Option<Scorecard> {
    let id = match &data.id {
        Some(id) => Some(id.clone()),
        None => id_from_stem(&file, stem, diagnostics),
    }?;
    if data.organisation.value.as_str() != folder {
        diagnostics.push(
            Diagnostic::new(
                Severity::Error,
                span_location(&file, &data.organisation),
                Message::new("err-wrong-folder")
                    .arg("folder", folder)
                    .arg("value", &data.organisation.value),
            )
            .hint(Message::new("err-wrong-folder-hint")),
        );
    }
    Some(Scorecard { id, file, data })
}

/// A scorecard file's text, parsed.
pub fn parse_scorecard(file: &SourceFile) -> Result<ScorecardFile, Diagnostics> {
    parse_file(&file.path, &file.text, 0, "scorecard")
}

/// One content file, parsed as its kind says.
enum Parsed {
    Site(Result<Box<SiteFile>, Diagnostics>),
    Metrics(Result<Vec<MetricFile>, Diagnostics>),
    Networks(Result<Vec<NetworkFile>, Diagnostics>),
    Organisation(Result<OrganisationFile, Diagnostics>),
    Scorecard(Result<Box<ScorecardFile>, Diagnostics>),
    Post(Result<MarkdownDoc<PostFrontMatter>, Diagnostics>),
    Page(Result<MarkdownDoc<PageFrontMatter>, Diagnostics>),
}

impl Parsed {
    fn of(file: &SourceFile) -> Parsed {
        let (path, text) = (file.path.as_path(), file.text.as_str());
        match &file.kind {
            FileKind::Site => Parsed::Site(parse_file(path, text, 0, "site").map(Box::new)),
            FileKind::Metrics => Parsed::Metrics(parse_file(path, text, 0, "metrics")),
            FileKind::Networks => Parsed::Networks(parse_file(path, text, 0, "networks")),
            FileKind::Organisation { .. } => {
                Parsed::Organisation(parse_file(path, text, 0, "organisation"))
            }
            FileKind::Scorecard { .. } => Parsed::Scorecard(parse_scorecard(file).map(Box::new)),
            FileKind::Post { .. } => Parsed::Post(parse_markdown(file, "update")),
            FileKind::Page { .. } => Parsed::Page(parse_markdown(file, "page")),
        }
    }
}

/// Parse every file; the site is returned when `site.yaml` could be read,
/// even if other files failed, so that reference checks can still run.
pub fn parse_site(files: &ContentFiles) -> (Option<Site>, FailedFiles, Diagnostics) {
    let mut diagnostics = files.warnings.clone();
    let mut failed = FailedFiles::default();
    let mut config = None;
    let mut organisations = Vec::new();
    let mut networks = Vec::new();
    let mut metrics = Vec::new();
    let mut scorecards = Vec::new();
    let mut update_docs: Vec<(String, String, MarkdownDoc<PostFrontMatter>)> = Vec::new();
    let mut page_docs: Vec<(String, String, MarkdownDoc<PageFrontMatter>)> = Vec::new();

    // Each file parses on its own (in parallel: at a million pages that is
    // half a gigabyte of YAML); the results are gathered in file order.
    let parsed: Vec<Parsed> = files.files.par_iter().map(Parsed::of).collect();
    for (file, parsed) in files.files.iter().zip(parsed) {
        let path = file.path.as_path();
        let mut keep = |result: Result<(), Diagnostics>| {
            if let Err(found) = result {
                diagnostics.extend(found);
            }
        };
        match (&file.kind, parsed) {
            (_, Parsed::Site(result)) => keep(result.map(|site| {
                config = Some((path.to_path_buf(), *site));
            })),
            (_, Parsed::Metrics(result)) => keep(result.map(|list| {
                metrics.extend(list.into_iter().map(|data| Metric {
                    file: path.to_path_buf(),
                    data,
                }))
            })),
            (_, Parsed::Networks(result)) => keep(result.map(|list| {
                networks.extend(list.into_iter().map(|data| Network {
                    file: path.to_path_buf(),
                    data,
                }))
            })),
            (FileKind::Organisation { stem }, Parsed::Organisation(result)) => match result {
                Ok(data) => organisations.push((path.to_path_buf(), stem.clone(), data)),
                Err(d) => {
                    failed.organisations.insert(stem.clone());
                    keep(Err(d));
                }
            },
            (FileKind::Scorecard { folder, stem }, Parsed::Scorecard(result)) => match result {
                Ok(data) => {
                    scorecards.push((path.to_path_buf(), folder.clone(), stem.clone(), *data))
                }
                Err(d) => {
                    failed.scorecards.insert(format!("{folder}/{stem}"));
                    keep(Err(d));
                }
            },
            (FileKind::Post { stem, lang }, Parsed::Post(result)) => {
                keep(result.map(|doc| update_docs.push((stem.clone(), lang.clone(), doc))))
            }
            (FileKind::Page { stem, lang }, Parsed::Page(result)) => {
                keep(result.map(|doc| page_docs.push((stem.clone(), lang.clone(), doc))))
            }
            _ => unreachable!("a file parses as its kind"),
        }
    }

    let Some((config_path, site_file)) = config else {
        if !files.files.iter().any(|f| f.kind == FileKind::Site) {
            diagnostics.push(
                Diagnostic::new(
                    Severity::Error,
                    Location::file("content/site.yaml"),
                    Message::new("err-site-missing"),
                )
                .hint(Message::new("err-site-missing-hint")),
            );
        }
        return (None, failed, diagnostics);
    };
    let config = config_from(config_path, site_file, &mut diagnostics);
    let languages = config.languages.clone();

    let organisations = organisations
        .into_iter()
        .filter_map(|(file, stem, data)| {
            let id = match &data.id {
                Some(id) => Some(id.clone()),
                None => id_from_stem(&file, &stem, &mut diagnostics),
            }?;
            Some(Organisation { id, file, data })
        })
        .collect();

    let scorecards = scorecards
        .into_iter()
        .filter_map(|(file, folder, stem, data)| {
            scorecard(file, &folder, &stem, data, &mut diagnostics)
        })
        .collect();

    let updates = group_versions(update_docs, &languages, "updates", &mut diagnostics)
        .into_iter()
        .filter_map(|(stem, versions)| {
            let first = versions.values().next()?;
            // `2021-09-01-uudet-verkkosivut`: the date prefix is not part of the URL.
            let slug_text = stem
                .get(11..)
                .filter(|_| Date::parse(&stem[..10.min(stem.len())]).is_ok());
            let Some(slug_text) = slug_text else {
                diagnostics.push(
                    Diagnostic::new(
                        Severity::Error,
                        Location::file(&first.file),
                        Message::new("err-update-file-name"),
                    )
                    .hint(Message::new("err-update-file-name-hint")),
                );
                return None;
            };
            let slug = id_from_stem(&first.file, slug_text, &mut diagnostics)?;
            let date = first.front.date;
            for doc in versions.values() {
                if doc.front.date != date {
                    diagnostics.push(
                        Diagnostic::new(
                            Severity::Error,
                            Location::new(&doc.file, 2, 1),
                            Message::new("err-update-dates-differ")
                                .arg("date", doc.front.date)
                                .arg("other", date),
                        )
                        .hint(Message::new("err-update-dates-differ-hint")),
                    );
                }
            }
            Some(NewsPost {
                slug,
                date,
                versions,
            })
        })
        .collect::<Vec<_>>();

    let pages = group_versions(page_docs, &languages, "pages", &mut diagnostics)
        .into_iter()
        .filter_map(|(stem, versions)| {
            let first = versions.values().next()?;
            let slug = id_from_stem(&first.file, &stem, &mut diagnostics)?;
            Some(Page { slug, versions })
        })
        .collect();

    let mut site = Site {
        config,
        organisations,
        networks,
        metrics,
        scorecards,
        updates,
        pages,
    };
    sort_site(&mut site);
    (Some(site), failed, diagnostics)
}

/// Ids of files that exist but did not parse: references to them are not
/// reported as dangling, since the file's own error says what is wrong.
#[derive(Debug, Default)]
pub struct FailedFiles {
    pub organisations: std::collections::BTreeSet<String>,
    /// `org/slug`
    pub scorecards: std::collections::BTreeSet<String>,
}

/// A stable order that does not depend on the file system.
fn sort_site(site: &mut Site) {
    site.organisations.sort_by(|a, b| a.id.cmp(&b.id));
    sort_scorecards(&mut site.scorecards);
    site.updates.sort_by(|a, b| {
        (std::cmp::Reverse(a.date), &a.slug).cmp(&(std::cmp::Reverse(b.date), &b.slug))
    });
    site.pages.sort_by(|a, b| a.slug.cmp(&b.slug));
}

/// Scorecards by organisation, newest year first, then id.
pub fn sort_scorecards(scorecards: &mut [Scorecard]) {
    scorecards.sort_by(|a, b| {
        (a.organisation(), std::cmp::Reverse(a.data.year), &a.id).cmp(&(
            b.organisation(),
            std::cmp::Reverse(b.data.year),
            &b.id,
        ))
    });
}

fn group_versions<F>(
    docs: Vec<(String, String, MarkdownDoc<F>)>,
    languages: &[String],
    folder: &str,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<String, BTreeMap<String, MarkdownDoc<F>>> {
    let mut grouped: BTreeMap<String, BTreeMap<String, MarkdownDoc<F>>> = BTreeMap::new();
    for (stem, lang, doc) in docs {
        if !languages.contains(&lang) {
            let hint = closest(&lang, languages.iter().map(String::as_str))
                .map(|l| {
                    Message::new("err-did-you-mean-field").arg("suggestion", format!(".{l}.md"))
                })
                .unwrap_or_else(|| {
                    Message::new("err-site-languages").arg("languages", languages.join(", "))
                });
            diagnostics.push(
                Diagnostic::new(
                    Severity::Error,
                    Location::file(&doc.file),
                    Message::new("err-not-a-site-language")
                        .arg("value", &lang)
                        .arg("folder", folder),
                )
                .hint(hint),
            );
            continue;
        }
        grouped.entry(stem).or_default().insert(lang, doc);
    }
    grouped
}

fn config_from(file: std::path::PathBuf, site: SiteFile, diagnostics: &mut Diagnostics) -> Config {
    let mut languages: Vec<String> = Vec::new();
    for lang in &site.languages {
        if languages.contains(&lang.value) {
            diagnostics.push(
                Diagnostic::new(
                    Severity::Error,
                    span_location(&file, lang),
                    Message::new("err-listed-twice").arg("field", "languages"),
                )
                .hint(Message::new("err-listed-twice-hint")),
            );
        } else {
            languages.push(lang.value.clone());
        }
    }
    if languages.is_empty() {
        diagnostics.push(
            Diagnostic::new(
                Severity::Error,
                Location::file(&file),
                Message::new("err-empty-list").arg("field", "languages"),
            )
            .hint(Message::new("err-languages-hint")),
        );
        languages.push("fi".to_string());
    }
    let mut base_url = site.base_url.trim().to_string();
    if !base_url.ends_with('/') {
        base_url.push('/');
    }
    if !(base_url.starts_with("https://") || base_url.starts_with("http://")) {
        diagnostics.push(
            Diagnostic::new(
                Severity::Error,
                Location::file(&file),
                Message::new("err-bad-address").arg("value", &site.base_url),
            )
            .hint(Message::new("err-bad-address-hint")),
        );
    }
    Config {
        file,
        title: site.title,
        base_url,
        languages,
        theme: site.theme,
        description: site.description,
        publisher: site.publisher,
        licence: site.licence,
        accessibility: site.accessibility,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_field_gets_a_hint_and_a_position() {
        let err = parse_yaml::<Risk>(
            Path::new("r.yaml"),
            "theme: a\ntitle: x\nlikelihood: 1\nimpact: 1\nmitigation: m\nstatsu: green\n",
            0,
        )
        .unwrap_err();
        assert_eq!(err.location, Location::new("r.yaml", 6, 1));
        assert!(
            err.message.starts_with("unknown field `statsu`"),
            "{}",
            err.message
        );
        assert_eq!(err.hint.as_deref(), Some("did you mean `status`?"));
    }

    #[test]
    fn likelihood_out_of_range_is_located() {
        let err = parse_yaml::<Risk>(
            Path::new("r.yaml"),
            "theme: a\ntitle: x\nlikelihood: 5\nimpact: 1\nmitigation: m\nstatus: green\n",
            0,
        )
        .unwrap_err();
        assert_eq!((err.location.line, err.location.column), (3, 13));
        assert!(
            err.message.contains("1 (low) to 4 (high)"),
            "{}",
            err.message
        );
    }

    #[test]
    fn front_matter_lines_are_offset() {
        let (front, offset, body) = split_front_matter("---\ntitle: a\n---\nbody\n").unwrap();
        assert_eq!((front, offset, body), ("title: a\n", 1, "body\n"));
        let err =
            parse_yaml::<PageFrontMatter>(Path::new("p.md"), "title: a\nfoo: b\n", 1).unwrap_err();
        assert_eq!(err.location.line, 3);
    }
}
