//! `translations export` and `translations import`: the texts of the site
//! to a translator and back, written into the content files in place.
//!
//! An exported text carries an id made of a hash of its file and field and
//! a hash of its source text and of the translation it had then. An import
//! recomputes both from the files as they are now: a text whose source (or
//! translation) changed since the export is refused, as is an id this site
//! never gave. Nothing is written unless every entry passes and every
//! edited file reads back with the project's own parser as expected.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use super::yaml_edit::{self, Edit};
use super::{Messages, json_at_mut};
use crate::content::load::{ContentFiles, FileKind, SourceFile};
use crate::content::model::{
    LangCode, MetricFile, NetworkFile, OrganisationFile, PageFrontMatter, PostFrontMatter,
    SiteFile, Text, Translations,
};
use crate::content::{Site, parse, translations};
use crate::diagnostics::{Diagnostic, Diagnostics, Location};

/// One text to translate.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// The content file it is in (for a Markdown page or post, the file in
    /// the source language).
    pub file: PathBuf,
    /// Its field path; `title`, `summary` or `body` of a Markdown file.
    pub field: String,
    pub source: String,
    /// Its translation now, if it has one.
    pub target: Option<String>,
    /// The title nearest to it, for the translator.
    pub context: Option<String>,
    /// The line of the text in its file.
    pub line: usize,
    /// The file the translation goes to, when it is another one (Markdown).
    pub target_file: Option<PathBuf>,
}

impl Unit {
    /// The id the export gives: where the text is, and what it was then.
    pub fn id(&self) -> String {
        let place =
            crate::output::hash(format!("{}\0{}", slash(&self.file), self.field).as_bytes());
        format!(
            "t{:012x}-{:016x}",
            place & 0xffff_ffff_ffff,
            self.state_hash()
        )
    }

    /// The hash of the source text and of the translation it had.
    pub fn state_hash(&self) -> u64 {
        let target = self.target.as_deref().unwrap_or("\u{1}");
        crate::output::hash(format!("{}\0{target}", self.source).as_bytes())
    }
}

/// A path with forward slashes, as files are named in exports.
pub fn slash(path: &Path) -> String {
    path.display().to_string().replace('\\', "/")
}

/// The texts of the site in `lang`, from the default language.
#[derive(Debug, Clone)]
pub struct Export {
    pub source_lang: String,
    pub target_lang: String,
    pub units: Vec<Unit>,
}

/// Every text of the site that has a version in the default language, with
/// its `lang` version; only those that lack one when `missing_only`.
pub fn export(site: &Site, files: &ContentFiles, lang: &str, missing_only: bool) -> Export {
    let default = site.config.default_language().to_string();
    let sources: HashMap<&Path, &SourceFile> =
        files.files.iter().map(|f| (f.path.as_path(), f)).collect();
    let mut trees: HashMap<PathBuf, Option<yaml_edit::Node>> = HashMap::new();
    let all = translations::all_texts(site);
    let titles: HashMap<(PathBuf, String), String> = all
        .iter()
        .filter_map(|(file, field, text)| {
            let source = text.get(&default, &default)?;
            Some(((file.clone(), field.clone()), source.to_string()))
        })
        .collect();
    let mut units = Vec::new();
    for (file, field, text) in &all {
        let Some(source) = text.get(&default, &default) else {
            continue;
        };
        let target = text.by_lang.get(lang).map(str::to_string);
        if missing_only && target.is_some() {
            continue;
        }
        let tree = trees.entry(file.clone()).or_insert_with(|| {
            sources
                .get(file.as_path())
                .and_then(|f| yaml_edit::parse(&f.text).ok())
        });
        let line = tree
            .as_ref()
            .and_then(|root| yaml_edit::find(root, field))
            .map(|(node, _)| node.line)
            .unwrap_or(1);
        units.push(Unit {
            file: file.clone(),
            field: field.clone(),
            source: source.to_string(),
            target,
            context: context_of(&titles, file, field),
            line,
            target_file: None,
        });
    }
    // Markdown pages and posts: one file per language.
    let docs = site
        .updates
        .iter()
        .map(|u| {
            let doc = |l: &str| {
                u.versions.get(l).map(|d| {
                    (
                        d.file.clone(),
                        d.front.title.clone(),
                        d.front.summary.clone(),
                        d.body.clone(),
                    )
                })
            };
            (doc(&default), doc(lang))
        })
        .chain(site.pages.iter().map(|p| {
            let doc = |l: &str| {
                p.versions.get(l).map(|d| {
                    (
                        d.file.clone(),
                        d.front.title.clone(),
                        d.front.summary.clone(),
                        d.body.clone(),
                    )
                })
            };
            (doc(&default), doc(lang))
        }));
    for (source, target) in docs {
        let Some((file, title, summary, body)) = source else {
            continue;
        };
        if missing_only && target.is_some() {
            continue;
        }
        let target_file = markdown_target(&file, &default, lang);
        let text = sources
            .get(file.as_path())
            .map(|f| f.text.as_str())
            .unwrap_or("");
        let line_of = |needle: &str| {
            text.find(needle)
                .map(|at| text[..at].matches('\n').count() + 1)
                .unwrap_or(1)
        };
        let parts = [
            (
                "title",
                Some(title.clone()),
                target.as_ref().map(|t| Some(t.1.clone())),
            ),
            ("summary", summary, target.as_ref().map(|t| t.2.clone())),
            (
                "body",
                Some(body),
                target.as_ref().map(|t| Some(t.3.clone())),
            ),
        ];
        for (field, source, target) in parts {
            let Some(source) = source else { continue };
            let line = match field {
                "title" => line_of("\ntitle:"),
                "summary" => line_of("\nsummary:"),
                _ => line_of("\n---\n") + 1,
            };
            units.push(Unit {
                file: file.clone(),
                field: field.to_string(),
                source,
                target: target.flatten(),
                context: (field != "title").then(|| title.clone()),
                line,
                target_file: Some(target_file.clone()),
            });
        }
    }
    Export {
        source_lang: default,
        target_lang: lang.to_string(),
        units,
    }
}

/// `content/pages/kehto.fi.md` -> `content/pages/kehto.sv.md`.
fn markdown_target(file: &Path, from: &str, to: &str) -> PathBuf {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let stem = name
        .strip_suffix(&format!(".{from}.md"))
        .unwrap_or(&name)
        .to_string();
    file.with_file_name(format!("{stem}.{to}.md"))
}

/// The title of the element the text belongs to (`...goals[x].title` for
/// `...goals[x].follow_up`, the enclosing element's for a title itself).
fn context_of(
    titles: &HashMap<(PathBuf, String), String>,
    file: &Path,
    field: &str,
) -> Option<String> {
    let mut prefix = field;
    loop {
        let cut = prefix.rfind(']')?;
        prefix = &prefix[..=cut];
        for name in ["title", "name"] {
            let candidate = format!("{prefix}.{name}");
            if candidate != field
                && let Some(title) = titles.get(&(file.to_path_buf(), candidate))
            {
                return Some(title.clone());
            }
        }
        prefix = &prefix[..prefix.rfind('[')?];
    }
}

/// A translation read from an exported file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incoming {
    pub id: String,
    pub file: String,
    pub field: String,
    /// None or empty: not translated, passed over.
    pub target: Option<String>,
    /// Where the entry is in the imported file.
    pub at: Location,
}

/// What an exported file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    pub source_lang: String,
    pub target_lang: String,
    /// Where the languages are named in the imported file.
    pub at: Location,
    pub entries: Vec<Incoming>,
}

/// The files an import writes (path relative to the root, new text), or
/// every problem; nothing when there is any.
pub fn plan_import(
    site: &Site,
    files: &ContentFiles,
    received: &Received,
    msg: &Messages,
) -> Result<(Vec<(PathBuf, String)>, usize), Diagnostics> {
    let mut problems = Diagnostics::default();
    let default = site.config.default_language();
    let lang = received.target_lang.as_str();
    if received.source_lang != default {
        problems.push(
            Diagnostic::error(
                received.at.clone(),
                msg.get(
                    "roundtrip-wrong-source",
                    &[("lang", &received.source_lang), ("default", default)],
                ),
            )
            .with_hint(msg.get("roundtrip-foreign-hint", &[])),
        );
    }
    if lang == default || !site.config.languages.iter().any(|l| l == lang) {
        problems.push(
            Diagnostic::error(
                received.at.clone(),
                msg.get(
                    "roundtrip-wrong-target",
                    &[
                        ("lang", lang),
                        ("languages", &site.config.languages[1..].join(", ")),
                    ],
                ),
            )
            .with_hint(msg.get("roundtrip-foreign-hint", &[])),
        );
    }
    if problems.has_errors() {
        return Err(problems);
    }
    let now = export(site, files, lang, false);
    let by_place: HashMap<(String, &str), &Unit> = now
        .units
        .iter()
        .map(|u| ((slash(&u.file), u.field.as_str()), u))
        .collect();
    let mut seen: HashMap<String, Location> = HashMap::new();
    // Per content file: (unit, new text).
    let mut accepted: BTreeMap<PathBuf, Vec<(&Unit, String)>> = BTreeMap::new();
    let mut count = 0;
    for entry in &received.entries {
        let Some(target) = entry.target.as_deref().filter(|t| !t.trim().is_empty()) else {
            continue;
        };
        if let Some(first) = seen.insert(entry.id.clone(), entry.at.clone()) {
            problems.push(Diagnostic::error(
                entry.at.clone(),
                msg.get(
                    "roundtrip-duplicate",
                    &[("id", &entry.id), ("first", &first.to_string())],
                ),
            ));
            continue;
        }
        let unit = by_place
            .get(&(entry.file.clone(), entry.field.as_str()))
            .filter(|u| u.id().split('-').next() == entry.id.split('-').next());
        let Some(unit) = unit else {
            problems.push(
                Diagnostic::error(
                    entry.at.clone(),
                    msg.get(
                        "roundtrip-unknown",
                        &[
                            ("id", &entry.id),
                            ("file", &entry.file),
                            ("field", &entry.field),
                        ],
                    ),
                )
                .with_hint(msg.get("roundtrip-foreign-hint", &[])),
            );
            continue;
        };
        if unit.id() != entry.id {
            let now_text = match &unit.target {
                Some(target) if unit.id().split('-').next() == entry.id.split('-').next() => {
                    format!("{} / {lang}: {}", short(&unit.source), short(target))
                }
                _ => short(&unit.source),
            };
            problems.push(
                Diagnostic::error(
                    Location::new(&unit.file, unit.line as u32, 1),
                    msg.get(
                        "roundtrip-stale",
                        &[
                            ("field", &unit.field),
                            ("entry", &entry.at.to_string()),
                            ("text", &now_text),
                        ],
                    ),
                )
                .with_hint(msg.get("roundtrip-stale-hint", &[])),
            );
            continue;
        }
        count += 1;
        let file = unit
            .target_file
            .clone()
            .unwrap_or_else(|| unit.file.clone());
        accepted
            .entry(file)
            .or_default()
            .push((unit, target.to_string()));
    }
    if problems.has_errors() {
        return Err(problems);
    }
    let sources: HashMap<&Path, &SourceFile> =
        files.files.iter().map(|f| (f.path.as_path(), f)).collect();
    let mut out = Vec::new();
    for (file, entries) in accepted {
        let result = match entries[0].0.target_file.is_some() {
            true => markdown_file(site, &sources, &file, &entries, msg),
            false => match sources.get(file.as_path()) {
                Some(source) => yaml_file(site, source, lang, &entries, msg),
                None => Err(Diagnostic::error(
                    Location::file(&file),
                    msg.get("roundtrip-no-file", &[]),
                )),
            },
        };
        match result {
            Ok(text) => out.push((file, text)),
            Err(problem) => problems.push(problem),
        }
    }
    if problems.has_errors() {
        return Err(problems);
    }
    Ok((out, count))
}

/// A text shortened for a message.
fn short(text: &str) -> String {
    let one_line = text.replace('\n', " ");
    match one_line.char_indices().nth(160) {
        Some((at, _)) => format!("{}…", &one_line[..at]),
        None => one_line,
    }
}

/// A YAML content file with the translations written in, checked by
/// reading it back with the content parser.
fn yaml_file(
    site: &Site,
    source: &SourceFile,
    lang: &str,
    entries: &[(&Unit, String)],
    msg: &Messages,
) -> Result<String, Diagnostic> {
    let failed = |line: usize, detail: String| {
        Diagnostic::error(
            Location::new(&source.path, line as u32, 1),
            msg.get("roundtrip-cannot-edit", &[("detail", &detail)]),
        )
        .with_hint(msg.get("roundtrip-cannot-edit-hint", &[]))
    };
    let root = yaml_edit::parse(&source.text).map_err(|e| failed(1, format!("{e:?}")))?;
    let mut edits: Vec<Edit> = Vec::new();
    let mut changes: Vec<(String, serde_json::Value)> = Vec::new();
    for (unit, target) in entries {
        let edit = yaml_edit::set_text(
            &source.text,
            &root,
            &unit.field,
            lang,
            target,
            &site.config.languages,
        )
        .map_err(|e| failed(unit.line, format!("{}: {e:?}", unit.field)))?;
        edits.push(edit);
        changes.push((
            unit.field.clone(),
            serde_json::Value::String(target.clone()),
        ));
    }
    let edited = yaml_edit::apply(&source.text, &edits);
    let default = site.config.default_language();
    // Read back: every text as before but for the translations, and
    // nothing else changed.
    let before = model_json(source, &source.text).map_err(|e| failed(1, e))?;
    let after = model_json(source, &edited).map_err(|e| failed(1, e))?;
    let mut expected = before;
    for (field, value) in &changes {
        let Some(slot) = json_at_mut(&mut expected, field) else {
            return Err(failed(1, field.clone()));
        };
        let mut text: Text =
            serde_json::from_value(slot.clone()).map_err(|e| failed(1, e.to_string()))?;
        if let (Some(plain), Some(code)) = (text.plain.take(), LangCode::parse(default)) {
            text.by_lang.insert(code, plain);
        }
        let value = value.as_str().unwrap_or_default().to_string();
        let mut by_lang = Translations::default();
        for (l, t) in text.by_lang.iter() {
            if l != lang
                && let Some(code) = LangCode::parse(l)
            {
                by_lang.insert(code, t);
            }
        }
        if let Some(code) = LangCode::parse(lang) {
            by_lang.insert(code, value);
        }
        *slot = serde_json::to_value(Text {
            plain: None,
            by_lang,
        })
        .map_err(|e| failed(1, e.to_string()))?;
    }
    if after != expected {
        return Err(failed(1, msg.get("roundtrip-read-back", &[])));
    }
    Ok(edited)
}

/// The model of a YAML content file as JSON, read with the content parser.
pub fn model_json(file: &SourceFile, text: &str) -> Result<serde_json::Value, String> {
    let edited = SourceFile {
        path: file.path.clone(),
        kind: file.kind.clone(),
        text: text.to_string(),
    };
    let json = match &file.kind {
        FileKind::Site => serde_json::to_value(
            parse::parse_yaml::<SiteFile>(&file.path, text, 0).map_err(|d| d.headline())?,
        ),
        FileKind::Metrics => serde_json::to_value(
            parse::parse_yaml::<Vec<MetricFile>>(&file.path, text, 0).map_err(|d| d.headline())?,
        ),
        FileKind::Networks => serde_json::to_value(
            parse::parse_yaml::<Vec<NetworkFile>>(&file.path, text, 0).map_err(|d| d.headline())?,
        ),
        FileKind::Organisation { .. } => serde_json::to_value(
            parse::parse_yaml::<OrganisationFile>(&file.path, text, 0).map_err(|d| d.headline())?,
        ),
        FileKind::Scorecard { .. } => serde_json::to_value(
            parse::parse_scorecard(&edited)
                .map_err(|d| d.iter().next().map(|d| d.headline()).unwrap_or_default())?,
        ),
        FileKind::Post { .. } | FileKind::Page { .. } => return Err(slash(&file.path)),
    };
    json.map_err(|e| e.to_string())
}

/// A Markdown page or post in the target language: made from the file in
/// the source language (or the target's own file, when it has one) with the
/// translated title, summary and body.
fn markdown_file(
    _site: &Site,
    sources: &HashMap<&Path, &SourceFile>,
    target_file: &Path,
    entries: &[(&Unit, String)],
    msg: &Messages,
) -> Result<String, Diagnostic> {
    let unit = entries[0].0;
    let failed = |detail: String| {
        Diagnostic::error(
            Location::new(&unit.file, unit.line as u32, 1),
            msg.get("roundtrip-cannot-edit", &[("detail", &detail)]),
        )
        .with_hint(msg.get("roundtrip-cannot-edit-hint", &[]))
    };
    let get = |field: &str| {
        entries
            .iter()
            .find(|(u, _)| u.field == field)
            .map(|(_, t)| t.clone())
    };
    let (Some(title), Some(body)) = (get("title"), get("body")) else {
        return Err(Diagnostic::error(
            Location::new(&unit.file, unit.line as u32, 1),
            msg.get("roundtrip-markdown-whole", &[("file", &slash(target_file))]),
        ));
    };
    let summary = get("summary");
    let base = sources
        .get(target_file)
        .or_else(|| sources.get(unit.file.as_path()))
        .ok_or_else(|| failed(slash(&unit.file)))?;
    let (front, _, _) =
        parse::split_front_matter(&base.text).ok_or_else(|| failed(slash(&base.path)))?;
    let front_start = 4;
    let front_text = &base.text[front_start..front_start + front.len()];
    let root = yaml_edit::parse(front_text).map_err(|e| failed(format!("{e:?}")))?;
    let mut edits = vec![
        yaml_edit::set_scalar(
            &root,
            front_text,
            "title",
            &yaml_edit::double_quoted(&title),
        )
        .map_err(|e| failed(format!("{e:?}")))?,
    ];
    if let Some(summary) = &summary {
        let quoted = yaml_edit::double_quoted(summary);
        edits.push(
            match yaml_edit::find(&root, "summary") {
                Some(_) => yaml_edit::set_scalar(&root, front_text, "summary", &quoted),
                None => yaml_edit::add_entry(&root, front_text, "", &["title"], "summary", &quoted),
            }
            .map_err(|e| failed(format!("{e:?}")))?,
        );
    }
    let new_front = yaml_edit::apply(front_text, &edits);
    let text = format!("---\n{new_front}---\n{body}");
    // Read back with the content parser.
    let written = SourceFile {
        path: target_file.to_path_buf(),
        kind: base.kind.clone(),
        text: text.clone(),
    };
    let base_front = match &base.kind {
        FileKind::Post { .. } => parse::parse_markdown::<PostFrontMatter>(base, "update")
            .map(|d| serde_json::to_value(d.front)),
        _ => parse::parse_markdown::<PageFrontMatter>(base, "page")
            .map(|d| serde_json::to_value(d.front)),
    };
    let new_doc = match &base.kind {
        FileKind::Post { .. } => parse::parse_markdown::<PostFrontMatter>(&written, "update")
            .map(|d| (serde_json::to_value(d.front), d.body)),
        _ => parse::parse_markdown::<PageFrontMatter>(&written, "page")
            .map(|d| (serde_json::to_value(d.front), d.body)),
    };
    let (Ok(Ok(mut expected)), Ok((Ok(front), new_body))) = (base_front, new_doc) else {
        return Err(failed(msg.get("roundtrip-read-back", &[])));
    };
    expected["title"] = serde_json::Value::String(title);
    if let Some(summary) = summary {
        expected["summary"] = serde_json::Value::String(summary);
    }
    if front != expected || new_body != body {
        return Err(failed(msg.get("roundtrip-read-back", &[])));
    }
    Ok(text)
}
