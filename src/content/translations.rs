//! Which texts still lack a language: `tuloskortti check --translations`.

use std::path::{Path, PathBuf};

use super::model::Text;
use super::{Site, texts};

/// A text that is missing in some of the site's languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingTranslation {
    pub file: PathBuf,
    /// Where in the file, e.g. `themes[elinvoima].goals[kuntalaisia-varten].title`.
    pub field: String,
    pub missing: Vec<String>,
}

/// Every text of the site with its file and field path: whatever the model
/// holds as a [`Text`], found by [`texts::each_text`].
pub fn all_texts(site: &Site) -> Vec<(PathBuf, String, Text)> {
    let mut out = Vec::new();
    let config = &site.config;
    collect(&mut out, &config.file, &config.title, "title");
    collect(&mut out, &config.file, &config.description, "description");
    collect(&mut out, &config.file, &config.publisher, "publisher");
    collect(
        &mut out,
        &config.file,
        &config.accessibility,
        "accessibility",
    );
    for organisation in &site.organisations {
        collect(&mut out, &organisation.file, &organisation.data, "");
    }
    // metrics.yaml and networks.yaml are lists, so their paths start with
    // `[id]`: each entry is walked as a list of one.
    for network in &site.networks {
        collect(&mut out, &network.file, &[&network.data], "");
    }
    for metric in &site.metrics {
        collect(&mut out, &metric.file, &[&metric.data], "");
    }
    for scorecard in &site.scorecards {
        collect(&mut out, &scorecard.file, &scorecard.data, "");
    }
    out
}

fn collect<T: serde::Serialize + ?Sized>(
    out: &mut Vec<(PathBuf, String, Text)>,
    file: &Path,
    value: &T,
    prefix: &str,
) {
    out.extend(
        texts::texts_of(value, prefix)
            .into_iter()
            .map(|(path, text)| (file.to_path_buf(), path, text)),
    );
}

/// Texts and Markdown files missing in some language, per file and field.
/// A version that `untouched` says is a starting file's placeholder, still
/// as `new` wrote it, counts as missing.
pub fn missing_translations(
    site: &Site,
    untouched: &dyn Fn(&str) -> bool,
) -> Vec<MissingTranslation> {
    let languages = &site.config.languages;
    let default = site.config.default_language();
    let mut out: Vec<MissingTranslation> = all_texts(site)
        .into_iter()
        .filter_map(|(file, field, text)| {
            let missing: Vec<String> = languages
                .iter()
                .filter(|lang| text.get(lang, default).is_none_or(untouched))
                .cloned()
                .collect();
            (!missing.is_empty()).then_some(MissingTranslation {
                file,
                field,
                missing,
            })
        })
        .collect();
    let markdown = site
        .updates
        .iter()
        .map(|u| {
            (
                PathBuf::from(format!("content/updates/{}-{}.*.md", u.date, u.slug)),
                u.versions
                    .iter()
                    .filter(|(_, doc)| !untouched(doc.body.trim()) && !untouched(&doc.front.title))
                    .map(|(lang, _)| lang)
                    .collect::<Vec<_>>(),
            )
        })
        .chain(site.pages.iter().map(|p| {
            (
                PathBuf::from(format!("content/pages/{}.*.md", p.slug)),
                p.versions
                    .iter()
                    .filter(|(_, doc)| !untouched(doc.body.trim()) && !untouched(&doc.front.title))
                    .map(|(lang, _)| lang)
                    .collect(),
            )
        }));
    for (file, present) in markdown {
        let missing: Vec<String> = languages
            .iter()
            .filter(|lang| !present.contains(lang))
            .cloned()
            .collect();
        if !missing.is_empty() {
            out.push(MissingTranslation {
                file,
                field: "(file)".into(),
                missing,
            });
        }
    }
    out
}
