//! The content model: what communications staff write, typed and checked.
//! It knows nothing of HTML or templates.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

/// A human-readable text: a plain string in the site's default language, or
/// a map from language code to string.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    /// A plain string, in the site's default language.
    pub plain: Option<String>,
    pub by_lang: Translations,
}

/// A language code of two or three lowercase ASCII letters, kept inline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LangCode([u8; 3]);

impl LangCode {
    pub fn parse(s: &str) -> Option<LangCode> {
        if !is_language_code(s) {
            return None;
        }
        let mut code = [0; 3];
        code[..s.len()].copy_from_slice(s.as_bytes());
        Some(LangCode(code))
    }

    pub fn as_str(&self) -> &str {
        let len = self.0.iter().position(|&b| b == 0).unwrap_or(3);
        // Only ASCII letters are ever stored.
        std::str::from_utf8(&self.0[..len]).unwrap_or_default()
    }
}

/// The language versions of a text, sorted by language code. A small
/// vector, not a map: a site holds millions of texts of two or three
/// languages each, and a tree map's node costs more than the strings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Translations(Vec<(LangCode, Box<str>)>);

impl Translations {
    pub fn get(&self, lang: &str) -> Option<&str> {
        let code = LangCode::parse(lang)?;
        self.0
            .binary_search_by_key(&code, |(c, _)| *c)
            .ok()
            .map(|i| &*self.0[i].1)
    }

    /// Adds a version; false (and nothing changed) when the language has one.
    pub fn insert(&mut self, lang: LangCode, text: impl Into<Box<str>>) -> bool {
        match self.0.binary_search_by_key(&lang, |(c, _)| *c) {
            Ok(_) => false,
            Err(i) => {
                self.0.insert(i, (lang, text.into()));
                true
            }
        }
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// (language, text) in language order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(c, t)| (c.as_str(), &**t))
    }

    pub fn values(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(_, t)| &**t)
    }
}

impl std::ops::Index<&str> for Translations {
    type Output = str;
    fn index(&self, lang: &str) -> &str {
        self.get(lang)
            .unwrap_or_else(|| panic!("no `{lang}` version"))
    }
}

impl Serialize for Translations {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

/// Written back the way it was read: a string, or a map of languages.
/// Under the name [`super::texts::TEXT`], which JSON, YAML and templates
/// pass through and the text walker (`content::texts`) recognises.
impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Written<'a>(&'a Text);
        impl Serialize for Written<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match (&self.0.plain, self.0.by_lang.is_empty()) {
                    (Some(plain), true) => s.serialize_str(plain),
                    _ => self.0.by_lang.serialize(s),
                }
            }
        }
        s.serialize_newtype_struct(super::texts::TEXT, &Written(self))
    }
}

impl Text {
    pub fn get(&self, lang: &str, default_lang: &str) -> Option<&str> {
        if let Some(s) = self.by_lang.get(lang) {
            return Some(s);
        }
        if lang == default_lang {
            return self.plain.as_deref();
        }
        None
    }

    /// The languages this text is written in.
    pub fn has(&self, lang: &str, default_lang: &str) -> bool {
        self.get(lang, default_lang).is_some()
    }

    /// All strings, in any language (for scans such as hostile-content tests).
    pub fn all(&self) -> impl Iterator<Item = &str> {
        self.plain
            .iter()
            .map(String::as_str)
            .chain(self.by_lang.values())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text: a string, or a map of language codes to strings such as {fi: ..., sv: ..., en: ...}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text {
                    plain: Some(v.to_string()),
                    by_lang: Translations::default(),
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut by_lang = Translations::default();
                while let Some(lang) = map.next_key::<String>()? {
                    let Some(code) = LangCode::parse(&lang) else {
                        return Err(de::Error::custom(format!(
                            "`{lang}` is not a language code; a text maps codes such as fi, sv, en to strings"
                        )));
                    };
                    let value: String = map.next_value()?;
                    if !by_lang.insert(code, value) {
                        return Err(de::Error::custom(format!("language `{lang}` given twice")));
                    }
                }
                Ok(Text {
                    plain: None,
                    by_lang,
                })
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

fn is_language_code(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
}

/// An id as used in URLs: lowercase ASCII letters, digits and `-`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Id(pub String);

impl Id {
    pub fn parse(s: &str) -> Result<Id, String> {
        let ok = !s.is_empty()
            && s.len() <= 80
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-');
        if ok && is_reserved_on_windows(s) {
            Err(format!(
                "`{s}` cannot be an id: Windows reserves the name for a device, so its folder or file could not be made there (e.g. `{s}-1`)"
            ))
        } else if ok {
            Ok(Id(s.to_string()))
        } else {
            Err(format!(
                "`{s}` is not a valid id: use lowercase ASCII letters, digits and `-` (e.g. `{}`)",
                slugify(s)
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Names Windows keeps for devices (`con`, `nul`, `com1`, ...): an id
/// becomes a folder or file name of the site.
fn is_reserved_on_windows(id: &str) -> bool {
    matches!(id, "con" | "prn" | "aux" | "nul")
        || ((id.starts_with("com") || id.starts_with("lpt"))
            && id.len() == 4
            && matches!(id.as_bytes()[3], b'1'..=b'9'))
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        Id::parse(&s).map_err(de::Error::custom)
    }
}

/// A suggestion for a valid id from free text.
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        let c = match c {
            'ä' | 'å' | 'á' | 'à' => 'a',
            'ö' | 'ø' | 'ó' => 'o',
            'é' | 'è' => 'e',
            'ü' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A calendar date, written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn parse(s: &str) -> Result<Date, String> {
        let err = || format!("`{s}` is not a date; write it as YYYY-MM-DD, e.g. 2021-07-31");
        let parts: Vec<&str> = s.split('-').collect();
        if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
            return Err(err());
        }
        let year: i32 = parts[0].parse().map_err(|_| err())?;
        let month: u8 = parts[1].parse().map_err(|_| err())?;
        let day: u8 = parts[2].parse().map_err(|_| err())?;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(format!("`{s}` is not a calendar date"));
        }
        Ok(Date { year, month, day })
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    pub fn days_since_epoch(&self) -> i64 {
        let (y, m, d) = (self.year as i64, self.month as i64, self.day as i64);
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719468;
        let era = z.div_euclid(146097);
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Today's date in UTC, from the system clock.
    pub fn today_utc() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Date::from_days_since_epoch((secs / 86_400) as i64)
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        Date::parse(s.trim()).map_err(de::Error::custom)
    }
}

/// The period a measured value refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    Year(i32),
    Half(i32, u8),
    Quarter(i32, u8),
    Month(i32, u8),
    Day(Date),
}

impl Period {
    pub fn parse(s: &str) -> Result<Period, String> {
        let err = || {
            format!(
                "`{s}` is not a period; use YYYY, YYYY-MM, YYYY-MM-DD, YYYY-H1/H2 or YYYY-Q1..Q4"
            )
        };
        let (year, rest) = match s.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (s, None),
        };
        if year.len() != 4 {
            return Err(err());
        }
        let year: i32 = year.parse().map_err(|_| err())?;
        let Some(rest) = rest else {
            return Ok(Period::Year(year));
        };
        if let Some(h) = rest.strip_prefix('H') {
            return match h {
                "1" | "2" => Ok(Period::Half(year, h.parse().unwrap_or(1))),
                _ => Err(err()),
            };
        }
        if let Some(q) = rest.strip_prefix('Q') {
            return match q {
                "1" | "2" | "3" | "4" => Ok(Period::Quarter(year, q.parse().unwrap_or(1))),
                _ => Err(err()),
            };
        }
        if rest.len() == 2 {
            let month: u8 = rest.parse().map_err(|_| err())?;
            return if (1..=12).contains(&month) {
                Ok(Period::Month(year, month))
            } else {
                Err(err())
            };
        }
        Date::parse(s).map(Period::Day).map_err(|_| err())
    }

    pub fn year(&self) -> i32 {
        match *self {
            Period::Year(y) | Period::Half(y, _) | Period::Quarter(y, _) | Period::Month(y, _) => y,
            Period::Day(d) => d.year,
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y:04}"),
            Period::Half(y, h) => write!(f, "{y:04}-H{h}"),
            Period::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            Period::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Period::Day(d) => write!(f, "{d}"),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PeriodVisitor;
        impl Visitor<'_> for PeriodVisitor {
            type Value = Period;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a period such as 2021, 2021-06, 2021-H1 or 2021-Q3")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Period, E> {
                Period::parse(&v.to_string()).map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Period, E> {
                Period::parse(&v.to_string()).map_err(E::custom)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Period, E> {
                Period::parse(v.trim()).map_err(E::custom)
            }
        }
        deserializer.deserialize_any(PeriodVisitor)
    }
}

/// Risk likelihood or impact on the card's 1..4 scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Level(pub u8);

impl<'de> Deserialize<'de> for Level {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let n = i64::deserialize(deserializer)?;
        if (1..=4).contains(&n) {
            Ok(Level(n as u8))
        } else {
            Err(de::Error::custom(format!(
                "{n} is out of range: the risk card's scale is 1 (low) to 4 (high)"
            )))
        }
    }
}

/// How far the goal or target got.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
#[schemars(rename = "status")]
pub enum Status {
    Achieved,
    OnTrack,
    AtRisk,
    NotAchieved,
    NotAssessed,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Achieved,
        Status::OnTrack,
        Status::AtRisk,
        Status::NotAchieved,
        Status::NotAssessed,
    ];

    /// How a goal's status follows from its targets': the first of these
    /// that any target has.
    pub const WEAKEST_FIRST: [Status; 5] = [
        Status::NotAchieved,
        Status::AtRisk,
        Status::NotAssessed,
        Status::OnTrack,
        Status::Achieved,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Achieved => "achieved",
            Status::OnTrack => "on-track",
            Status::AtRisk => "at-risk",
            Status::NotAchieved => "not-achieved",
            Status::NotAssessed => "not-assessed",
        }
    }
}

/// green: monitored, no action; yellow: action needed; red: urgent.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
#[schemars(rename = "risk_status")]
pub enum RiskStatus {
    Green,
    Yellow,
    Red,
}

impl RiskStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            RiskStatus::Green => "green",
            RiskStatus::Yellow => "yellow",
            RiskStatus::Red => "red",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[schemars(rename = "scorecard_kind")]
pub enum ScorecardKind {
    Scorecard,
    AnnualReport,
    Budget,
}

/// Which way is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[schemars(rename = "direction")]
pub enum Direction {
    Increase,
    Decrease,
}

impl Direction {
    /// The value as written in content files, also used in UI string ids.
    pub fn as_str(&self) -> &'static str {
        match self {
            Direction::Increase => "increase",
            Direction::Decrease => "decrease",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[schemars(rename = "column_kind")]
pub enum ColumnKind {
    /// TP, tilinpäätös
    Actual,
    /// TA, talousarvio
    Budget,
    /// TS, taloussuunnitelma
    Plan,
}

/// The unit of a key-figure row.
#[derive(Debug, Clone, PartialEq)]
pub enum FigureUnit {
    Eur,
    Percent,
    Count,
    Text(Text),
}

impl Serialize for FigureUnit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            FigureUnit::Eur => s.serialize_str("EUR"),
            FigureUnit::Percent => s.serialize_str("percent"),
            FigureUnit::Count => s.serialize_str("count"),
            FigureUnit::Text(text) => text.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for FigureUnit {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Text::deserialize(deserializer)?;
        Ok(match (text.plain.as_deref(), text.by_lang.is_empty()) {
            (Some("EUR"), true) => FigureUnit::Eur,
            (Some("percent"), true) => FigureUnit::Percent,
            (Some("count"), true) => FigureUnit::Count,
            _ => FigureUnit::Text(text),
        })
    }
}

// ---------------------------------------------------------------- files

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "site")]
pub struct SiteFile {
    pub title: Text,
    /// The public address of the site, e.g. https://tavoitteet.example.fi/
    #[schemars(regex(pattern = "^https?://"))]
    pub base_url: String,
    /// The site's languages; the first is the default.
    #[schemars(with = "Vec<LanguageCode>", length(min = 1), extend("uniqueItems" = true))]
    pub languages: Vec<Spanned<String>>,
    /// A folder under themes/ (default: default).
    #[serde(default = "default_theme")]
    pub theme: String,
    #[serde(default)]
    pub description: Option<Text>,
    /// The organisation that publishes the site, shown in the footer.
    #[serde(default)]
    pub publisher: Option<Text>,
    /// The licence of the open data by name, e.g. `CC BY 4.0` (the default).
    #[serde(default)]
    pub licence: Option<String>,
    pub accessibility: AccessibilityFile,
}

fn default_theme() -> String {
    "default".to_string()
}

/// What the accessibility statement (Act 306/2019) needs from the site owner.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "accessibility")]
pub struct AccessibilityFile {
    /// fully | partially | not
    #[schemars(with = "Compliance")]
    pub compliance: Spanned<Compliance>,
    /// When the statement was last reviewed.
    #[schemars(with = "Date")]
    pub reviewed: Spanned<Date>,
    /// When the site was assessed, and how.
    #[serde(default)]
    pub assessment: Option<Text>,
    pub feedback: Feedback,
    /// The authority that supervises accessibility and takes complaints.
    pub authority: Authority,
    /// Content that is not accessible, and why.
    #[serde(default)]
    pub known_issues: Vec<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[schemars(rename = "compliance")]
pub enum Compliance {
    Fully,
    Partially,
    Not,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "feedback")]
pub struct Feedback {
    pub email: String,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub url: Option<Spanned<String>>,
    #[serde(default)]
    pub name: Option<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "authority")]
pub struct Authority {
    pub name: Text,
    #[schemars(with = "String")]
    pub url: Spanned<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "organisation")]
pub struct OrganisationFile {
    #[serde(default)]
    pub id: Option<Id>,
    pub name: Text,
    /// The Statistics Finland code, three digits in quotes: "049".
    #[serde(default)]
    #[schemars(regex(pattern = "^[0-9]{3}$"))]
    pub municipality_code: Option<String>,
    #[serde(default)]
    #[schemars(with = "Vec<LanguageCode>")]
    pub languages: Vec<String>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub website: Option<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<Id>")]
    pub networks: Vec<Spanned<Id>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "network")]
pub struct NetworkFile {
    #[schemars(with = "Id")]
    pub id: Spanned<Id>,
    pub name: Text,
    /// A page under pages/ that describes the network.
    #[serde(default)]
    #[schemars(with = "Option<Id>")]
    pub page: Option<Spanned<Id>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "metric")]
pub struct MetricFile {
    #[schemars(with = "Id")]
    pub id: Spanned<Id>,
    pub title: Text,
    #[serde(default)]
    pub unit: Option<Text>,
    #[serde(default)]
    pub direction: Option<Direction>,
    #[serde(default)]
    pub description: Option<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "scorecard")]
pub struct ScorecardFile {
    #[serde(default)]
    pub id: Option<Id>,
    /// An organisation under organisations/.
    #[schemars(with = "Id")]
    pub organisation: Spanned<Id>,
    pub unit: Text,
    /// The committee that approves the scorecard (plain text, not Markdown).
    #[serde(default)]
    pub body: Option<Text>,
    pub kind: ScorecardKind,
    pub year: i32,
    /// The date of the follow-up.
    pub status_date: Date,
    #[serde(default)]
    pub approved: Option<Date>,
    /// The source document this scorecard transcribes.
    #[serde(default)]
    pub source: Option<Text>,
    #[serde(default)]
    #[schemars(with = "Option<Markdown>")]
    pub summary: Option<Text>,
    #[serde(default)]
    pub sections: Vec<Section>,
    #[serde(default)]
    pub themes: Vec<Theme>,
    #[serde(default)]
    pub risks: Vec<Risk>,
    #[serde(default)]
    pub key_figures: Vec<KeyFigures>,
    /// `true` keeps it out of what `build` publishes until it is ready
    /// (`build --drafts` and the preview show it, marked as a draft).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "section")]
pub struct Section {
    pub title: Text,
    #[schemars(with = "Markdown")]
    pub body: Text,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "theme")]
pub struct Theme {
    #[schemars(with = "Id")]
    pub id: Spanned<Id>,
    pub title: Text,
    #[serde(default)]
    #[schemars(with = "Option<Markdown>")]
    pub aim: Option<Text>,
    #[serde(default)]
    pub goals: Vec<Goal>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "goal")]
pub struct Goal {
    #[schemars(with = "Id")]
    pub id: Spanned<Id>,
    pub title: Text,
    #[serde(default)]
    pub actions: Vec<Text>,
    /// The results a measure aims at ("Tulokset" in productivity tables).
    #[serde(default)]
    pub results: Vec<Text>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub status: Option<Status>,
    #[serde(default)]
    #[schemars(with = "Option<Markdown>")]
    pub follow_up: Option<Text>,
    #[serde(default)]
    pub targets: Vec<Target>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "target")]
pub struct Target {
    #[schemars(with = "Id")]
    pub id: Spanned<Id>,
    pub title: Text,
    #[serde(default)]
    pub actions: Vec<Text>,
    /// The results a measure aims at ("Tulokset" in productivity tables).
    #[serde(default)]
    pub results: Vec<Text>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub status: Option<Status>,
    #[serde(default)]
    #[schemars(with = "Option<Markdown>")]
    pub follow_up: Option<Text>,
}

impl Goal {
    /// The goal's own assessment, when it has no targets to be assessed by.
    pub fn own_status(&self) -> Option<Status> {
        self.targets
            .is_empty()
            .then(|| self.status.unwrap_or(Status::NotAssessed))
    }

    /// The status a goal is shown and counted with: its own, when the source
    /// gives one (or it has no targets: then not assessed without one);
    /// otherwise the weakest of its targets' statuses, in the order of
    /// [`Status::WEAKEST_FIRST`]. A goal is achieved only when every target
    /// is, and a target not achieved or at risk is never hidden by targets
    /// not assessed; a goal whose targets have no status is not assessed.
    pub fn assessed(&self) -> Status {
        match (self.status, self.targets.is_empty()) {
            (Some(status), _) => status,
            (None, true) => Status::NotAssessed,
            (None, false) => self.derived_status().unwrap_or(Status::NotAssessed),
        }
    }

    /// The status that follows from the targets, when the goal has targets
    /// and no status of its own.
    pub fn derived_status(&self) -> Option<Status> {
        if self.status.is_some() {
            return None;
        }
        self.targets
            .iter()
            .map(Target::assessed)
            .min_by_key(|s| Status::WEAKEST_FIRST.iter().position(|w| w == s))
    }

    /// The goal's indicators and those of its targets.
    pub fn all_indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.indicators
            .iter()
            .chain(self.targets.iter().flat_map(|t| &t.indicators))
    }
}

impl Target {
    /// The target's status; not assessed when the follow-up gives none.
    pub fn assessed(&self) -> Status {
        self.status.unwrap_or(Status::NotAssessed)
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "indicator")]
pub struct Indicator {
    pub title: Text,
    #[serde(default)]
    /// A metric of metrics.yaml.
    #[schemars(with = "Option<Id>")]
    pub metric: Option<Spanned<Id>>,
    #[serde(default)]
    pub unit: Option<Text>,
    #[serde(default)]
    pub direction: Option<Direction>,
    #[serde(default)]
    pub target: Option<IndicatorTarget>,
    #[serde(default)]
    pub values: Vec<Measurement>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "indicator_target")]
pub struct IndicatorTarget {
    #[serde(default)]
    pub value: Option<f64>,
    #[serde(default)]
    pub text: Option<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "measurement")]
pub struct Measurement {
    pub period: Period,
    pub value: f64,
    #[serde(default)]
    pub note: Option<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "risk")]
pub struct Risk {
    /// A theme of this scorecard.
    #[schemars(with = "Id")]
    pub theme: Spanned<Id>,
    pub title: Text,
    pub likelihood: Level,
    pub impact: Level,
    #[schemars(with = "Markdown")]
    pub mitigation: Text,
    #[serde(default)]
    pub owner: Option<Text>,
    pub status: RiskStatus,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "key_figures")]
pub struct KeyFigures {
    #[schemars(with = "Id")]
    pub id: Spanned<Id>,
    pub title: Text,
    #[schemars(with = "Vec<Column>")]
    pub columns: Spanned<Vec<Column>>,
    pub rows: Vec<FigureRow>,
    #[serde(default)]
    #[schemars(with = "Option<Markdown>")]
    pub notes: Option<Text>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "column")]
pub struct Column {
    pub kind: ColumnKind,
    pub year: i32,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "figure_row")]
pub struct FigureRow {
    pub label: Text,
    pub unit: FigureUnit,
    /// Decimals to print, when the source prints a fixed number (e.g. 3,0 %).
    #[serde(default)]
    #[schemars(range(max = 6))]
    pub decimals: Option<u8>,
    /// One value per column; null where the source has none.
    #[schemars(with = "Vec<Option<f64>>")]
    pub values: Spanned<Vec<Option<f64>>>,
}

/// Front matter of `updates/<date>-<slug>.<lang>.md`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "update")]
pub struct PostFrontMatter {
    pub title: String,
    /// The day of the post; a day still to come keeps it unpublished until then.
    pub date: Date,
    #[serde(default)]
    #[schemars(with = "Option<Id>")]
    pub organisation: Option<Spanned<Id>>,
    #[serde(default)]
    #[schemars(with = "Vec<RelatedRef>")]
    pub related: Vec<Spanned<String>>,
    #[serde(default)]
    pub summary: Option<String>,
    /// `true` keeps it out of what `build` publishes until it is ready
    /// (`build --drafts` and the preview show it, marked as a draft).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
}

/// Front matter of `pages/<slug>.<lang>.md`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "page")]
pub struct PageFrontMatter {
    pub title: String,
    #[serde(default)]
    pub summary: Option<String>,
    /// `true` keeps it out of what `build` publishes until it is ready
    /// (`build --drafts` and the preview show it, marked as a draft).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
}

/// The JSON Schema definitions of every content file, derived from the
/// types above (their serde attributes and doc comments), by name: one per
/// file kind (`site`, `scorecard`, `update`, ...) and one per type they use.
/// `schema` publishes them; `content::structure` checks files against them.
pub fn schema_definitions() -> serde_json::Value {
    let mut generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    generator.subschema_for::<SiteFile>();
    generator.subschema_for::<OrganisationFile>();
    generator.subschema_for::<MetricFile>();
    generator.subschema_for::<NetworkFile>();
    generator.subschema_for::<ScorecardFile>();
    generator.subschema_for::<PostFrontMatter>();
    generator.subschema_for::<PageFrontMatter>();
    let mut definitions: serde_json::Map<String, serde_json::Value> =
        generator.take_definitions(true).into_iter().collect();
    // metrics.yaml and networks.yaml are lists.
    for (list, item) in [("metrics", "metric"), ("networks", "network")] {
        definitions.insert(
            list.into(),
            serde_json::json!({"type": "array", "items": {"$ref": format!("#/$defs/{item}")}}),
        );
    }
    serde_json::Value::Object(definitions)
}

// ------------------------------------------------- schemas of our own types
//
// The JSON Schema (the `schema` module) is derived from the types above; these
// are the types whose serde form is written by hand, and names for what a
// plain `String` or `Text` field holds.

/// A Markdown text, as the schema describes it (the model holds a [`Text`]).
pub struct Markdown;

/// A language code such as `fi`, as the schema describes it.
pub struct LanguageCode;

/// `<org>/<scorecard>` or `<org>/<scorecard>/<goal>`, as the schema describes it.
pub struct RelatedRef;

macro_rules! described_by {
    ($($type:ty => $name:literal $schema:tt),* $(,)?) => {$(
        impl JsonSchema for $type {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                $name.into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!($schema)
            }
        }
    )*};
}

/// A map from language code to string.
fn text_map(description: &str) -> serde_json::Value {
    serde_json::json!({
        "type": "object",
        "description": description,
        "propertyNames": {"pattern": "^[a-z]{2,3}$"},
        "properties": {
            "fi": {"type": "string", "description": "suomeksi"},
            "sv": {"type": "string", "description": "på svenska"},
            "en": {"type": "string", "description": "in English"},
        },
        "additionalProperties": {"type": "string"},
    })
}

described_by! {
    Text => "text" {
        "description": "A text: a string in the site's default language, or {fi: ..., sv: ..., en: ...}.",
        "anyOf": [{"type": "string"}, (text_map("The text in each language"))],
    },
    Markdown => "markdown" {
        "description": "A Markdown text (tables, autolinks, strikethrough; raw HTML is not rendered): a string, or {fi: ..., sv: ..., en: ...}.",
        "anyOf": [{"type": "string"}, (text_map("The Markdown text in each language"))],
    },
    LanguageCode => "language" {"type": "string", "pattern": "^[a-z]{2,3}$"},
    RelatedRef => "related" {
        "type": "string",
        "pattern": "^[a-z0-9-]+/[a-z0-9-]+(/[a-z0-9-]+)?$",
        "description": "<org>/<scorecard> or <org>/<scorecard>/<goal>.",
    },
    Id => "id" {
        "type": "string",
        "description": "An id: lowercase ASCII letters, digits and `-`, as in URLs.",
        "pattern": "^[a-z0-9]([a-z0-9-]{0,78}[a-z0-9])?$",
    },
    Date => "date" {
        "type": "string",
        "description": "A date, YYYY-MM-DD.",
        "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
    },
    Period => "period" {
        "description": "YYYY, YYYY-MM, YYYY-MM-DD, YYYY-H1/H2 or YYYY-Q1..Q4.",
        "anyOf": [
            {"type": "integer", "minimum": 1000, "maximum": 9999},
            {"type": "string", "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|-H[12]|-Q[1-4])?$"},
        ],
    },
    Level => "level" {
        "type": "integer", "minimum": 1, "maximum": 4,
        "description": "The risk card's scale: 1 (low) to 4 (high).",
    },
}

impl JsonSchema for FigureUnit {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "figure_unit".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "EUR, percent, count, or a text.",
            "anyOf": [{"enum": ["EUR", "percent", "count"]}, generator.subschema_for::<Text>()],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Id;

    #[test]
    fn ids_that_windows_keeps_for_devices_are_refused() {
        for reserved in ["con", "prn", "aux", "nul", "com1", "lpt9"] {
            let err = Id::parse(reserved).unwrap_err();
            assert!(err.contains("Windows"), "{reserved}: {err}");
        }
        for fine in ["console", "com", "com10", "nuli", "lpt0", "auxi"] {
            assert!(Id::parse(fine).is_ok(), "{fine}");
        }
    }
}
