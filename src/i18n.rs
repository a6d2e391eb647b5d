//! UI strings from `i18n/{lang}/*.ftl` through Fluent, and the formats of
//! numbers, money and dates per language (ICU4X through Fluent's formatter hook).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use fluent::concurrent::FluentBundle;
use fluent::types::{FluentNumber, FluentNumberOptions};
use fluent::{FluentArgs, FluentResource, FluentValue};
use icu_collator::options::{CollatorOptions, Strength};
use icu_collator::{Collator, CollatorBorrowed};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use intl_memoizer::Memoizable;
use unic_langid::LanguageIdentifier;

use crate::content::Date;
use crate::diagnostics::{Diagnostic, Diagnostics, Location, Message};

type Bundle = FluentBundle<FluentResource>;

/// A UI string that could not be given: which, in which language, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the UI string `{id}` in `{lang}`: {problem}")]
pub struct MessageError {
    pub id: String,
    pub lang: String,
    pub problem: String,
}

/// For the callers that report any failure as text.
impl From<MessageError> for String {
    fn from(err: MessageError) -> String {
        err.to_string()
    }
}

/// The messages of `check`, `build` and the preview, and the schema's
/// descriptions of the fields, compiled in, for when
/// the site's own UI strings are not loaded (a broken site.yaml) or predate
/// a message.
const EMBEDDED_ERRORS: [(&str, &str, &str); 6] = [
    ("fi", "errors", include_str!("../i18n/fi/errors.ftl")),
    ("sv", "errors", include_str!("../i18n/sv/errors.ftl")),
    ("en", "errors", include_str!("../i18n/en/errors.ftl")),
    ("fi", "schema", include_str!("../i18n/fi/schema.ftl")),
    ("sv", "schema", include_str!("../i18n/sv/schema.ftl")),
    ("en", "schema", include_str!("../i18n/en/schema.ftl")),
];

/// The languages the messages of `check` and `build` are written in.
pub const READER_LANGUAGES: [&str; 3] = ["fi", "sv", "en"];

fn embedded_errors() -> &'static I18n {
    static ERRORS: std::sync::OnceLock<I18n> = std::sync::OnceLock::new();
    ERRORS.get_or_init(|| {
        let languages: Vec<String> = READER_LANGUAGES.iter().map(|l| l.to_string()).collect();
        let sources = EMBEDDED_ERRORS
            .iter()
            .map(|(lang, file, text)| {
                let path = PathBuf::from(format!("i18n/{lang}/{file}.ftl"));
                (lang.to_string(), path, text.to_string())
            })
            .collect();
        I18n::from_sources(&languages, sources).expect("the embedded errors.ftl parse")
    })
}

/// A [`Message`] in `lang`: the site's UI string when the site has it in
/// that language, else the built-in one; `None` when neither has it.
pub fn say(message: &Message, lang: &str, site: Option<&I18n>) -> Option<String> {
    say_id(message.id, &message.args, lang, site)
}

/// [`say`] for an id made at run time (`schema-<definition>-<field>`).
pub fn say_id(
    id: &str,
    arguments: &[(&'static str, String)],
    lang: &str,
    site: Option<&I18n>,
) -> Option<String> {
    let mut args = FluentArgs::new();
    for (name, value) in arguments {
        // Only counts are numbers (for plurals): a year stays `2021`, not `2 021`.
        match value.parse::<i64>() {
            Ok(n) if *name == "count" => args.set(*name, n),
            _ => args.set(*name, value.clone()),
        }
    }
    [site, Some(embedded_errors())]
        .into_iter()
        .flatten()
        .find(|i18n| i18n.has(lang, id))
        .and_then(|i18n| i18n.message(lang, id, Some(&args)).ok())
}

/// Every message and hint of `diagnostics` in `lang` (see [`say`]).
pub fn localize(diagnostics: &mut Diagnostics, lang: &str, site: Option<&I18n>) {
    diagnostics.localize(&|message| say(message, lang, site));
}

/// The language of the person who reads the messages: `--lang`, else the
/// locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, in the order POSIX gives them),
/// else the site's first language; only one the messages are written in.
pub fn reader_language(
    explicit: Option<&str>,
    env: &dyn Fn(&str) -> Option<String>,
    site_languages: &[String],
) -> String {
    let known = |lang: &str| READER_LANGUAGES.contains(&lang).then(|| lang.to_string());
    if let Some(lang) = explicit.and_then(known) {
        return lang;
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| env(name))
        .find(|value| !value.is_empty());
    if let Some(lang) = locale
        .as_deref()
        .and_then(|l| l.split(['_', '.', '@', '-']).next())
        .and_then(known)
    {
        return lang;
    }
    site_languages
        .iter()
        .find_map(|l| known(l))
        .unwrap_or_else(|| "fi".to_string())
}

/// The UI strings of every site language.
pub struct I18n {
    bundles: BTreeMap<String, Bundle>,
    collations: BTreeMap<String, Collation>,
    ids: BTreeMap<String, BTreeSet<String>>,
    default_language: String,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("I18n")
            .field("languages", &self.bundles.keys())
            .finish()
    }
}

impl I18n {
    /// Read `dir/{lang}/*.ftl` for each language (IO).
    pub fn load(dir: &Path, languages: &[String]) -> Result<I18n, Diagnostics> {
        let mut sources = Vec::new();
        let mut diagnostics = Diagnostics::default();
        for lang in languages {
            let lang_dir = dir.join(lang);
            let mut files: Vec<PathBuf> = match fs::read_dir(&lang_dir) {
                Ok(entries) => entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
                    .collect(),
                Err(err) => {
                    diagnostics.push(
                        Diagnostic::error(
                            Location::file(display_path(&lang_dir)),
                            format!("no UI strings for the language `{lang}`: {err}"),
                        )
                        .with_hint(
                            "each site language needs a folder i18n/<lang>/ with .ftl files",
                        ),
                    );
                    continue;
                }
            };
            files.sort();
            for file in files {
                if !crate::content::load::within(dir.parent().unwrap_or(dir), &file) {
                    diagnostics.push(crate::content::load::outside(&display_path(&file)));
                    continue;
                }
                match fs::read_to_string(&file) {
                    Ok(text) => sources.push((lang.clone(), display_path(&file), text)),
                    Err(err) => diagnostics.error(
                        Location::file(display_path(&file)),
                        format!("cannot read: {err}"),
                    ),
                }
            }
        }
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }
        I18n::from_sources(languages, sources)
    }

    /// Build the bundles from `(lang, path, text)` triples (pure).
    pub fn from_sources(
        languages: &[String],
        sources: Vec<(String, PathBuf, String)>,
    ) -> Result<I18n, Diagnostics> {
        let mut diagnostics = Diagnostics::default();
        let mut bundles = BTreeMap::new();
        let mut ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for lang in languages {
            let langid: LanguageIdentifier = match lang.parse() {
                Ok(id) => id,
                Err(_) => {
                    diagnostics.error(
                        Location::file("content/site.yaml"),
                        format!("`{lang}` is not a language code"),
                    );
                    continue;
                }
            };
            let mut bundle = Bundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(format_number_hook));
            bundles.insert(lang.clone(), bundle);
            ids.insert(lang.clone(), BTreeSet::new());
        }
        for (lang, path, text) in sources {
            for id in message_ids(&text) {
                ids.entry(lang.clone()).or_default().insert(id);
            }
            let resource = match FluentResource::try_new(text.clone()) {
                Ok(resource) => resource,
                Err((_, errors)) => {
                    for error in errors {
                        let (line, column) = line_column(&text, error.pos.start);
                        diagnostics.error(
                            Location::new(&path, line, column),
                            format!("Fluent syntax: {error}"),
                        );
                    }
                    continue;
                }
            };
            if let Some(bundle) = bundles.get_mut(&lang)
                && let Err(errors) = bundle.add_resource(resource)
            {
                for error in errors {
                    diagnostics.error(Location::file(&path), format!("{error}"));
                }
            }
        }
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }
        Ok(I18n {
            collations: languages
                .iter()
                .map(|lang| (lang.clone(), Collation::new(lang)))
                .collect(),
            bundles,
            ids,
            default_language: languages.first().cloned().unwrap_or_default(),
        })
    }

    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.bundles.keys().map(String::as_str)
    }

    /// The message ids defined for a language.
    pub fn ids(&self, lang: &str) -> BTreeSet<String> {
        self.ids.get(lang).cloned().unwrap_or_default()
    }

    /// The alphabetical order of `lang`.
    pub fn collation(&self, lang: &str) -> &Collation {
        self.collations
            .get(lang)
            .or_else(|| self.collations.values().next())
            .expect("a site has at least one language")
    }

    pub fn has(&self, lang: &str, id: &str) -> bool {
        self.bundles.get(lang).is_some_and(|b| b.has_message(id))
    }

    /// A UI string in `lang`, falling back to the default language.
    pub fn message(
        &self,
        lang: &str,
        id: &str,
        args: Option<&FluentArgs>,
    ) -> Result<String, MessageError> {
        let error = |candidate: &str, problem: String| MessageError {
            id: id.to_string(),
            lang: candidate.to_string(),
            problem,
        };
        for candidate in [lang, self.default_language.as_str()] {
            let Some(bundle) = self.bundles.get(candidate) else {
                continue;
            };
            let Some(message) = bundle.get_message(id) else {
                continue;
            };
            let Some(pattern) = message.value() else {
                return Err(error(candidate, "the message has no value".into()));
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if let Some(error) = errors.first() {
                return Err(self::error_of(id, candidate, error));
            }
            return Ok(text.into_owned());
        }
        Err(error(
            lang,
            format!("i18n/{lang}/ and the default language do not define it"),
        ))
    }

    /// A number with grouping and the language's decimal separator.
    pub fn number(
        &self,
        lang: &str,
        value: f64,
        decimals: Option<usize>,
    ) -> Result<String, MessageError> {
        let mut args = FluentArgs::new();
        args.set("value", number_value(value, decimals));
        self.message(lang, "format-number", Some(&args))
    }

    /// Euros: fi/sv `-2 808 498 €`, en `-€2,808,498`.
    pub fn money(
        &self,
        lang: &str,
        value: f64,
        decimals: Option<usize>,
    ) -> Result<String, MessageError> {
        let mut args = FluentArgs::new();
        args.set("sign", if value < 0.0 { "-" } else { "" });
        args.set("amount", number_value(value.abs(), decimals));
        self.message(lang, "format-money", Some(&args))
    }

    /// fi/sv `31.7.2021`, en `31 July 2021`.
    pub fn date(&self, lang: &str, date: Date) -> Result<String, MessageError> {
        let mut args = FluentArgs::new();
        args.set("day", date.day.to_string());
        args.set("month", date.month.to_string());
        args.set(
            "monthname",
            self.message(lang, &format!("month-{}", date.month), None)?,
        );
        args.set("year", date.year.to_string());
        self.message(lang, "format-date", Some(&args))
    }
}

fn error_of(id: &str, lang: &str, error: &fluent::FluentError) -> MessageError {
    MessageError {
        id: id.to_string(),
        lang: lang.to_string(),
        problem: error.to_string(),
    }
}

fn number_value(value: f64, decimals: Option<usize>) -> FluentValue<'static> {
    // -0 (as written, or rounded to no decimals) reads as 0.
    let rounded = match decimals {
        Some(d) => (value * 10f64.powi(d.min(15) as i32)).round(),
        None => value,
    };
    let value = if rounded == 0.0 { 0.0 } else { value };
    let options = FluentNumberOptions {
        minimum_fraction_digits: decimals,
        maximum_fraction_digits: decimals,
        ..Default::default()
    };
    FluentValue::Number(FluentNumber::new(value, options))
}

fn display_path(path: &Path) -> PathBuf {
    // Report paths from the project root: `i18n/fi/main.ftl`.
    let parts: Vec<_> = path.components().collect();
    let start = parts.len().saturating_sub(3);
    parts[start..].iter().collect()
}

fn line_column(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() as u32 + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
    (line, column)
}

/// Message ids: lines that start with an identifier followed by `=`.
pub fn message_ids(ftl: &str) -> Vec<String> {
    ftl.lines()
        .filter_map(|line| {
            let (id, _) = line.split_once('=')?;
            let id = id.trim_end();
            let mut chars = id.chars();
            let first = chars.next()?;
            (first.is_ascii_alphabetic()
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .then(|| id.to_string())
        })
        .collect()
}

/// ICU4X's decimal formatter for one language, kept by Fluent's memoizer.
struct NumberFormatter(DecimalFormatter);

impl Memoizable for NumberFormatter {
    type Args = ();
    type Error = String;

    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, String> {
        let locale =
            icu_locale_core::Locale::try_from_str(&lang.to_string()).map_err(|e| e.to_string())?;
        DecimalFormatter::try_new((&locale).into(), Default::default())
            .map(NumberFormatter)
            .map_err(|e| e.to_string())
    }
}

/// Fluent's formatter hook: every number in a message goes through ICU4X.
fn format_number_hook(
    value: &FluentValue,
    memoizer: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let decimals = number.options.minimum_fraction_digits;
    memoizer
        .with_try_get::<NumberFormatter, _, _>((), |formatter| {
            format_decimal(&formatter.0, number.value, decimals)
        })
        .ok()
        .flatten()
}

fn format_decimal(
    formatter: &DecimalFormatter,
    value: f64,
    decimals: Option<usize>,
) -> Option<String> {
    if !value.is_finite() {
        return None;
    }
    let text = match decimals {
        Some(d) => format!("{value:.d$}"),
        None => format!("{value}"),
    };
    let decimal = Decimal::try_from_str(&text).ok()?;
    // The source documents and spreadsheets use the ASCII minus; CLDR's
    // U+2212 for fi and sv does not paste into Excel as a negative number.
    Some(
        formatter
            .format(&decimal)
            .to_string()
            .replace('\u{2212}', "-"),
    )
}

/// A language's alphabetical order, from ICU4X's collation data: Finnish
/// and Swedish put å, ä and ö after z (Helsinki before Hämeenlinna, Esbo
/// before Helsingfors), English sorts them with a and o.
pub struct Collation {
    full: CollatorBorrowed<'static>,
    /// Letters alone, without accents or case: for the A-Z headings.
    letters: CollatorBorrowed<'static>,
}

impl Collation {
    /// The order of `lang`; the root order for a language ICU4X does not know.
    pub fn new(lang: &str) -> Collation {
        let locale =
            icu_locale_core::Locale::try_from_str(lang).unwrap_or(icu_locale_core::Locale::UNKNOWN);
        let collator = |strength| {
            let mut options = CollatorOptions::default();
            options.strength = strength;
            Collator::try_new((&locale).into(), options)
                .or_else(|_| Collator::try_new(Default::default(), options))
                .expect("ICU4X's compiled data has the root collation")
        };
        Collation {
            full: collator(None),
            letters: collator(Some(Strength::Primary)),
        }
    }

    /// `a` against `b` in the language's order; strings equal there are
    /// compared as they are, so that the order is total.
    pub fn compare(&self, a: &str, b: &str) -> std::cmp::Ordering {
        self.full.compare(a, b).then_with(|| a.cmp(b))
    }

    /// Whether two letters are the same letter of the alphabet (A and a in
    /// every language; A and Ä in English, not in Finnish or Swedish).
    pub fn same_letter(&self, a: &str, b: &str) -> bool {
        self.letters.compare(a, b) == std::cmp::Ordering::Equal
    }
}

impl std::fmt::Debug for Collation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Collation")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn i18n() -> I18n {
        let langs: Vec<String> = ["fi", "sv", "en"].map(String::from).to_vec();
        I18n::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n"), &langs).expect("i18n loads")
    }

    #[test]
    fn the_reader_language_comes_from_the_option_the_locale_or_the_site() {
        let site = vec!["sv".to_string(), "fi".to_string()];
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        let none = env(&[]);
        assert_eq!(reader_language(Some("en"), &none, &site), "en");
        assert_eq!(reader_language(None, &none, &site), "sv");
        let finnish = env(&[("LANG", "fi_FI.UTF-8")]);
        assert_eq!(reader_language(None, &finnish, &site), "fi");
        // LC_ALL before LC_MESSAGES before LANG.
        let both = env(&[("LANG", "fi_FI.UTF-8"), ("LC_MESSAGES", "en_GB.UTF-8")]);
        assert_eq!(reader_language(None, &both, &site), "en");
        let all = env(&[("LC_MESSAGES", "en_GB"), ("LC_ALL", "sv_FI.UTF-8")]);
        assert_eq!(reader_language(None, &all, &site), "sv");
        // A locale without messages of ours (C, German): the site's first language.
        let c = env(&[("LANG", "C.UTF-8")]);
        assert_eq!(reader_language(None, &c, &site), "sv");
        let german = env(&[("LANG", "de_DE.UTF-8")]);
        assert_eq!(reader_language(Some("de"), &german, &site), "sv");
    }

    #[test]
    fn a_message_is_said_in_each_language_with_its_arguments() {
        let message = Message::new("err-example-address")
            .arg("field", "base_url")
            .arg("value", "https://example.fi");
        let fi = say(&message, "fi", None).unwrap();
        let sv = say(&message, "sv", None).unwrap();
        let en = say(&message, "en", None).unwrap();
        assert!(
            fi.contains("`base_url`") && fi.contains("https://example.fi"),
            "{fi}"
        );
        assert!(sv.starts_with("I fältet"), "{sv}");
        assert!(en.starts_with("The field"), "{en}");
        assert_eq!(say(&Message::new("no-such-message"), "fi", None), None);
    }

    #[test]
    fn minus_zero_reads_as_zero() {
        let i18n = i18n();
        for lang in ["fi", "sv", "en"] {
            assert_eq!(i18n.number(lang, -0.0, None).unwrap(), "0", "{lang}");
            assert_eq!(
                i18n.number(lang, -0.04, Some(1)).unwrap(),
                i18n.number(lang, 0.0, Some(1)).unwrap()
            );
            assert!(
                i18n.number(lang, -0.3, None).unwrap().starts_with('-'),
                "{lang}"
            );
        }
        assert_eq!(i18n.money("fi", -0.0, None).unwrap(), "0\u{a0}€");
    }

    #[test]
    fn numbers_are_grouped_per_language() {
        let i18n = i18n();
        assert_eq!(
            i18n.number("fi", -2808498.0, None).unwrap(),
            "-2\u{a0}808\u{a0}498"
        );
        assert_eq!(
            i18n.number("sv", -2808498.0, None).unwrap(),
            "-2\u{a0}808\u{a0}498"
        );
        assert_eq!(i18n.number("en", -2808498.0, None).unwrap(), "-2,808,498");
        assert_eq!(i18n.number("fi", 3.0, Some(1)).unwrap(), "3,0");
        assert_eq!(i18n.number("en", 8.1, None).unwrap(), "8.1");
    }

    #[test]
    fn money_and_dates() {
        let i18n = i18n();
        assert_eq!(
            i18n.money("fi", -2808498.0, None).unwrap(),
            "-2\u{a0}808\u{a0}498\u{a0}€"
        );
        assert_eq!(i18n.money("en", -2808498.0, None).unwrap(), "-€2,808,498");
        let date = Date::parse("2021-07-31").unwrap();
        assert_eq!(i18n.date("fi", date).unwrap(), "31.7.2021");
        assert_eq!(i18n.date("sv", date).unwrap(), "31.7.2021");
        assert_eq!(i18n.date("en", date).unwrap(), "31 July 2021");
    }

    #[test]
    fn plurals_follow_the_language() {
        let i18n = i18n();
        let count = |lang: &str, n: i64| {
            let mut args = FluentArgs::new();
            args.set("count", n);
            i18n.message(lang, "goal-count", Some(&args)).unwrap()
        };
        assert_eq!(count("fi", 1), "1 tavoite");
        assert_eq!(count("fi", 3), "3 tavoitetta");
        assert_eq!(count("sv", 3), "3 mål");
        assert_eq!(count("en", 1), "1 goal");
        assert_eq!(count("en", 1200), "1,200 goals");
    }

    #[test]
    fn every_message_exists_in_every_language() {
        let i18n = i18n();
        let fi = i18n.ids("fi");
        assert!(fi.len() > 50, "only {} messages", fi.len());
        for lang in ["sv", "en"] {
            let other = i18n.ids(lang);
            let missing: Vec<_> = fi.symmetric_difference(&other).collect();
            assert!(missing.is_empty(), "fi and {lang} differ in: {missing:?}");
        }
    }
}
