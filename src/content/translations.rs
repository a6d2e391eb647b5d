//! Which texts still lack a language: `tuloskortti check --translations`.

use std::path::{Path, PathBuf};

use super::Site;
use super::model::{FigureUnit, Indicator, Text};

/// A text that is missing in some of the site's languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingTranslation {
    pub file: PathBuf,
    /// Where in the file, e.g. `themes[elinvoima].goals[kuntalaisia-varten].title`.
    pub field: String,
    pub missing: Vec<String>,
}

/// Every text of the site with its file and field path.
pub fn all_texts(site: &Site) -> Vec<(PathBuf, String, &Text)> {
    let mut c = Collector::default();
    let config = &site.config;
    let f = &config.file;
    c.add(f, "title".into(), &config.title);
    c.maybe(f, "description", &config.description);
    c.maybe(f, "publisher", &config.publisher);
    c.maybe(
        f,
        "accessibility.assessment",
        &config.accessibility.assessment,
    );
    c.maybe(
        f,
        "accessibility.feedback.name",
        &config.accessibility.feedback.name,
    );
    c.add(
        f,
        "accessibility.authority.name".into(),
        &config.accessibility.authority.name,
    );
    for (i, text) in config.accessibility.known_issues.iter().enumerate() {
        c.add(f, format!("accessibility.known_issues[{i}]"), text);
    }
    for organisation in &site.organisations {
        c.add(&organisation.file, "name".into(), &organisation.data.name);
    }
    for network in &site.networks {
        c.add(
            &network.file,
            format!("[{}].name", network.data.id.value),
            &network.data.name,
        );
    }
    for metric in &site.metrics {
        let m = &metric.data;
        let base = format!("[{}]", m.id.value);
        c.add(&metric.file, format!("{base}.title"), &m.title);
        c.maybe(&metric.file, &format!("{base}.unit"), &m.unit);
        c.maybe(&metric.file, &format!("{base}.description"), &m.description);
    }
    for scorecard in &site.scorecards {
        let f = &scorecard.file;
        let d = &scorecard.data;
        c.add(f, "unit".into(), &d.unit);
        c.maybe(f, "body", &d.body);
        c.maybe(f, "source", &d.source);
        c.maybe(f, "summary", &d.summary);
        for (i, section) in d.sections.iter().enumerate() {
            c.add(f, format!("sections[{i}].title"), &section.title);
            c.add(f, format!("sections[{i}].body"), &section.body);
        }
        for theme in &d.themes {
            let t = format!("themes[{}]", theme.id.value);
            c.add(f, format!("{t}.title"), &theme.title);
            c.maybe(f, &format!("{t}.aim"), &theme.aim);
            for goal in &theme.goals {
                let g = format!("{t}.goals[{}]", goal.id.value);
                c.add(f, format!("{g}.title"), &goal.title);
                c.item(f, &g, &goal.actions, &goal.indicators, &goal.follow_up);
                c.list(f, &format!("{g}.results"), &goal.results);
                for target in &goal.targets {
                    let tg = format!("{g}.targets[{}]", target.id.value);
                    c.add(f, format!("{tg}.title"), &target.title);
                    c.item(
                        f,
                        &tg,
                        &target.actions,
                        &target.indicators,
                        &target.follow_up,
                    );
                    c.list(f, &format!("{tg}.results"), &target.results);
                }
            }
        }
        for (i, risk) in d.risks.iter().enumerate() {
            c.add(f, format!("risks[{i}].title"), &risk.title);
            c.add(f, format!("risks[{i}].mitigation"), &risk.mitigation);
            c.maybe(f, &format!("risks[{i}].owner"), &risk.owner);
        }
        for table in &d.key_figures {
            let k = format!("key_figures[{}]", table.id.value);
            c.add(f, format!("{k}.title"), &table.title);
            c.maybe(f, &format!("{k}.notes"), &table.notes);
            for (i, row) in table.rows.iter().enumerate() {
                c.add(f, format!("{k}.rows[{i}].label"), &row.label);
                if let FigureUnit::Text(unit) = &row.unit {
                    c.add(f, format!("{k}.rows[{i}].unit"), unit);
                }
            }
        }
    }
    c.texts
}

#[derive(Default)]
struct Collector<'a> {
    texts: Vec<(PathBuf, String, &'a Text)>,
}

impl<'a> Collector<'a> {
    fn add(&mut self, file: &Path, field: String, text: &'a Text) {
        self.texts.push((file.to_path_buf(), field, text));
    }

    fn list(&mut self, file: &Path, field: &str, texts: &'a [Text]) {
        for (i, text) in texts.iter().enumerate() {
            self.add(file, format!("{field}[{i}]"), text);
        }
    }

    fn maybe(&mut self, file: &Path, field: &str, text: &'a Option<Text>) {
        if let Some(text) = text {
            self.add(file, field.to_string(), text);
        }
    }

    fn item(
        &mut self,
        file: &Path,
        base: &str,
        actions: &'a [Text],
        indicators: &'a [Indicator],
        follow_up: &'a Option<Text>,
    ) {
        for (i, action) in actions.iter().enumerate() {
            self.add(file, format!("{base}.actions[{i}]"), action);
        }
        for (i, indicator) in indicators.iter().enumerate() {
            let b = format!("{base}.indicators[{i}]");
            self.add(file, format!("{b}.title"), &indicator.title);
            self.maybe(file, &format!("{b}.unit"), &indicator.unit);
            if let Some(text) = indicator.target.as_ref().and_then(|t| t.text.as_ref()) {
                self.add(file, format!("{b}.target.text"), text);
            }
            for (j, value) in indicator.values.iter().enumerate() {
                self.maybe(file, &format!("{b}.values[{j}].note"), &value.note);
            }
        }
        self.maybe(file, &format!("{base}.follow_up"), follow_up);
    }
}

/// Texts and Markdown files missing in some language, per file and field.
pub fn missing_translations(site: &Site) -> Vec<MissingTranslation> {
    let languages = &site.config.languages;
    let default = site.config.default_language();
    let mut out: Vec<MissingTranslation> = all_texts(site)
        .into_iter()
        .filter_map(|(file, field, text)| {
            let missing: Vec<String> = languages
                .iter()
                .filter(|lang| !text.has(lang, default))
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
                u.versions.keys().collect::<Vec<_>>(),
            )
        })
        .chain(site.pages.iter().map(|p| {
            (
                PathBuf::from(format!("content/pages/{}.*.md", p.slug)),
                p.versions.keys().collect(),
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
