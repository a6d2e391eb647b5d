//! `tuloskortti synth`: a synthetic site of any size, the same for the same
//! seed, for benchmarks (rebuild times, search at scale). Organisations x
//! years x scorecards x themes x goals, with targets, indicators, risks and
//! key figures; texts in Finnish (inflected forms, as residents search for
//! them), Swedish and English. Everything it writes passes `check`.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// SplitMix64: small, fast, and the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5851_f42d_4c95_7f2d)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    pub fn range(&mut self, low: usize, high: usize) -> usize {
        low + (self.next_u64() % (high - low + 1) as u64) as usize
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len() - 1)]
    }
}

/// A Finnish noun in six cases, its Swedish indefinite and definite forms,
/// and English.
struct Noun {
    /// nominative, genitive, partitive, inessive, elative, illative
    fi: [&'static str; 6],
    sv: [&'static str; 2],
    en: &'static str,
}

const fn noun(fi: [&'static str; 6], sv: [&'static str; 2], en: &'static str) -> Noun {
    Noun { fi, sv, en }
}

const NOUNS: &[Noun] = &[
    noun(
        [
            "pyöräily",
            "pyöräilyn",
            "pyöräilyä",
            "pyöräilyssä",
            "pyöräilystä",
            "pyöräilyyn",
        ],
        ["cykling", "cyklingen"],
        "cycling",
    ),
    noun(
        [
            "kunta", "kunnan", "kuntaa", "kunnassa", "kunnasta", "kuntaan",
        ],
        ["kommun", "kommunen"],
        "municipality",
    ),
    noun(
        [
            "palvelu",
            "palvelun",
            "palvelua",
            "palvelussa",
            "palvelusta",
            "palveluun",
        ],
        ["tjänst", "tjänsten"],
        "service",
    ),
    noun(
        [
            "liikenne",
            "liikenteen",
            "liikennettä",
            "liikenteessä",
            "liikenteestä",
            "liikenteeseen",
        ],
        ["trafik", "trafiken"],
        "traffic",
    ),
    noun(
        [
            "asukas",
            "asukkaan",
            "asukasta",
            "asukkaassa",
            "asukkaasta",
            "asukkaaseen",
        ],
        ["invånare", "invånaren"],
        "resident",
    ),
    noun(
        [
            "koulu", "koulun", "koulua", "koulussa", "koulusta", "kouluun",
        ],
        ["skola", "skolan"],
        "school",
    ),
    noun(
        [
            "kirjasto",
            "kirjaston",
            "kirjastoa",
            "kirjastossa",
            "kirjastosta",
            "kirjastoon",
        ],
        ["bibliotek", "biblioteket"],
        "library",
    ),
    noun(
        ["katu", "kadun", "katua", "kadussa", "kadusta", "katuun"],
        ["gata", "gatan"],
        "street",
    ),
    noun(
        [
            "ympäristö",
            "ympäristön",
            "ympäristöä",
            "ympäristössä",
            "ympäristöstä",
            "ympäristöön",
        ],
        ["miljö", "miljön"],
        "environment",
    ),
    noun(
        [
            "talous",
            "talouden",
            "taloutta",
            "taloudessa",
            "taloudesta",
            "talouteen",
        ],
        ["ekonomi", "ekonomin"],
        "economy",
    ),
    noun(
        [
            "energia",
            "energian",
            "energiaa",
            "energiassa",
            "energiasta",
            "energiaan",
        ],
        ["energi", "energin"],
        "energy",
    ),
    noun(
        [
            "verkko", "verkon", "verkkoa", "verkossa", "verkosta", "verkkoon",
        ],
        ["nät", "nätet"],
        "network",
    ),
    noun(
        ["tie", "tien", "tietä", "tiessä", "tiestä", "tiehen"],
        ["väg", "vägen"],
        "road",
    ),
    noun(
        [
            "puisto",
            "puiston",
            "puistoa",
            "puistossa",
            "puistosta",
            "puistoon",
        ],
        ["park", "parken"],
        "park",
    ),
    noun(
        ["lupa", "luvan", "lupaa", "luvassa", "luvasta", "lupaan"],
        ["tillstånd", "tillståndet"],
        "permit",
    ),
    noun(
        [
            "käsittelyaika",
            "käsittelyajan",
            "käsittelyaikaa",
            "käsittelyajassa",
            "käsittelyajasta",
            "käsittelyaikaan",
        ],
        ["handläggningstid", "handläggningstiden"],
        "processing time",
    ),
    noun(
        [
            "tyytyväisyys",
            "tyytyväisyyden",
            "tyytyväisyyttä",
            "tyytyväisyydessä",
            "tyytyväisyydestä",
            "tyytyväisyyteen",
        ],
        ["nöjdhet", "nöjdheten"],
        "satisfaction",
    ),
    noun(
        [
            "kaavoitus",
            "kaavoituksen",
            "kaavoitusta",
            "kaavoituksessa",
            "kaavoituksesta",
            "kaavoitukseen",
        ],
        ["planläggning", "planläggningen"],
        "land-use planning",
    ),
    noun(
        [
            "joukkoliikenne",
            "joukkoliikenteen",
            "joukkoliikennettä",
            "joukkoliikenteessä",
            "joukkoliikenteestä",
            "joukkoliikenteeseen",
        ],
        ["kollektivtrafik", "kollektivtrafiken"],
        "public transport",
    ),
    noun(
        [
            "vesihuolto",
            "vesihuollon",
            "vesihuoltoa",
            "vesihuollossa",
            "vesihuollosta",
            "vesihuoltoon",
        ],
        ["vattenförsörjning", "vattenförsörjningen"],
        "water supply",
    ),
    noun(
        [
            "työllisyys",
            "työllisyyden",
            "työllisyyttä",
            "työllisyydessä",
            "työllisyydestä",
            "työllisyyteen",
        ],
        ["sysselsättning", "sysselsättningen"],
        "employment",
    ),
    noun(
        [
            "asuminen",
            "asumisen",
            "asumista",
            "asumisessa",
            "asumisesta",
            "asumiseen",
        ],
        ["boende", "boendet"],
        "housing",
    ),
    noun(
        [
            "liikunta",
            "liikunnan",
            "liikuntaa",
            "liikunnassa",
            "liikunnasta",
            "liikuntaan",
        ],
        ["idrott", "idrotten"],
        "sport",
    ),
    noun(
        [
            "hankinta",
            "hankinnan",
            "hankintaa",
            "hankinnassa",
            "hankinnasta",
            "hankintaan",
        ],
        ["upphandling", "upphandlingen"],
        "procurement",
    ),
];

/// Verbs: Finnish 3rd person singular, Swedish passive present, English.
const VERBS: &[[&str; 3]] = &[
    ["paranee", "förbättras", "improves"],
    ["lisääntyy", "ökar", "increases"],
    ["vähenee", "minskar", "decreases"],
    ["sujuvoituu", "effektiviseras", "becomes smoother"],
    ["vahvistuu", "stärks", "grows stronger"],
    ["uudistuu", "förnyas", "is renewed"],
    ["monipuolistuu", "diversifieras", "becomes more varied"],
];

const ADVERBS: &[[&str; 3]] = &[
    ["selvästi", "tydligt", "clearly"],
    ["vähitellen", "gradvis", "gradually"],
    ["merkittävästi", "betydligt", "significantly"],
    ["suunnitellusti", "enligt plan", "as planned"],
];

const UNITS: &[[&str; 4]] = &[
    [
        "kaupunkitekniikka",
        "Kaupunkitekniikan keskus",
        "Stadstekniska centralen",
        "City Technical Services",
    ],
    [
        "sivistys",
        "Sivistystoimi",
        "Bildningssektorn",
        "Education and Culture",
    ],
    [
        "ymparisto",
        "Ympäristöpalvelut",
        "Miljötjänster",
        "Environmental Services",
    ],
    [
        "elinvoima",
        "Elinvoimapalvelut",
        "Livskraftstjänster",
        "Vitality Services",
    ],
    [
        "kulttuuri",
        "Kulttuuripalvelut",
        "Kulturtjänster",
        "Cultural Services",
    ],
    [
        "liikunta",
        "Liikuntapalvelut",
        "Idrottstjänster",
        "Sports Services",
    ],
    [
        "kirjasto",
        "Kirjastopalvelut",
        "Bibliotekstjänster",
        "Library Services",
    ],
    [
        "nuoriso",
        "Nuorisopalvelut",
        "Ungdomstjänster",
        "Youth Services",
    ],
    [
        "konserni",
        "Konsernihallinto",
        "Koncernförvaltningen",
        "Central Administration",
    ],
    [
        "tilapalvelut",
        "Tilapalvelut",
        "Lokaltjänster",
        "Premises Services",
    ],
    [
        "vesihuolto",
        "Vesihuoltolaitos",
        "Vattentjänstverket",
        "Water Utility",
    ],
    [
        "rakennusvalvonta",
        "Rakennusvalvonta",
        "Byggnadstillsynen",
        "Building Control",
    ],
];

const PLACE_STARTS: &[&str] = &[
    "Koivu", "Järvi", "Mänty", "Kallio", "Lahti", "Niemi", "Salmi", "Harju", "Koski", "Vaara",
    "Rauta", "Kuusi", "Paju", "Haapa", "Leppä", "Tammi",
];
const PLACE_ENDS: &[&str] = &[
    "la", "niemi", "koski", "järvi", "vaara", "salo", "mäki", "lahti",
];

const STATUSES: &[&str] = &[
    "achieved",
    "on-track",
    "at-risk",
    "not-achieved",
    "not-assessed",
];
const YEARS: std::ops::RangeInclusive<i32> = 2019..=2025;

/// The genitive of a place name, roughly as Finnish forms it.
fn genitive(name: &str) -> String {
    match name.strip_suffix('i') {
        Some(stem) => format!("{stem}en"),
        None => format!("{name}n"),
    }
}

fn ascii_id(name: &str) -> String {
    tuloskortti::content::slugify(name)
}

fn quote(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// `{fi: "…", sv: "…", en: "…"}`; sometimes without English, as real content is.
fn text(rng: &mut Rng, fi: &str, sv: &str, en: &str) -> String {
    if rng.chance(10) {
        format!("{{fi: {}, sv: {}}}", quote(fi), quote(sv))
    } else {
        format!(
            "{{fi: {}, sv: {}, en: {}}}",
            quote(fi),
            quote(sv),
            quote(en)
        )
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A goal-like sentence in three languages.
fn statement(rng: &mut Rng) -> [String; 3] {
    let a = rng.pick(NOUNS);
    let b = rng.pick(NOUNS);
    let verb = rng.pick(VERBS);
    let adverb = rng.pick(ADVERBS);
    if rng.chance(50) {
        [
            format!(
                "{} {} {} {}.",
                capitalize(a.fi[1]),
                b.fi[0],
                verb[0],
                adverb[0]
            ),
            format!(
                "{} i {} {} {}.",
                capitalize(b.sv[1]),
                a.sv[1],
                verb[1],
                adverb[1]
            ),
            format!("The {} of the {} {} {}.", b.en, a.en, verb[2], adverb[2]),
        ]
    } else {
        [
            format!("{} {} {}.", capitalize(a.fi[0]), verb[0], adverb[0]),
            format!("{} {} {}.", capitalize(a.sv[1]), verb[1], adverb[1]),
            format!("{} {} {}.", capitalize(a.en), verb[2], adverb[2]),
        ]
    }
}

/// Real word forms of each language, most frequent first (e.g. from the
/// word lists of `wordfreq`): with them, follow-ups get a sentence of words
/// drawn by Zipf's law, so the corpus has a realistic vocabulary rather
/// than the few hundred forms of the sentence patterns.
pub struct Vocabulary {
    /// fi, sv, en: the words, and the cumulative weights 1/1 + 1/2 + ...
    lists: [(Vec<String>, Vec<f64>); 3],
}

pub static VOCABULARY: std::sync::OnceLock<Vocabulary> = std::sync::OnceLock::new();

impl Vocabulary {
    /// Read `fi.txt`, `sv.txt` and `en.txt` (a word per line) from `dir`.
    pub fn read(dir: &Path) -> io::Result<Vocabulary> {
        let list = |lang: &str| -> io::Result<(Vec<String>, Vec<f64>)> {
            let text = fs::read_to_string(dir.join(format!("{lang}.txt")))?;
            let words: Vec<String> = text
                .lines()
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .map(String::from)
                .collect();
            let mut total = 0.0;
            let cumulative = (0..words.len())
                .map(|rank| {
                    total += 1.0 / (rank as f64 + 1.0);
                    total
                })
                .collect();
            Ok((words, cumulative))
        };
        Ok(Vocabulary {
            lists: [list("fi")?, list("sv")?, list("en")?],
        })
    }

    /// The number of words of each language.
    pub fn sizes(&self) -> [usize; 3] {
        self.lists.each_ref().map(|(words, _)| words.len())
    }

    fn sentence(&self, rng: &mut Rng, lang: usize, words: usize) -> String {
        let (list, cumulative) = &self.lists[lang];
        let Some(total) = cumulative.last() else {
            return String::new();
        };
        let mut out = Vec::with_capacity(words);
        for _ in 0..words {
            let x = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * total;
            let i = cumulative.partition_point(|c| *c < x).min(list.len() - 1);
            out.push(list[i].as_str());
        }
        let mut sentence = capitalize(&out.join(" "));
        sentence.push('.');
        sentence
    }
}

/// A follow-up paragraph in three languages, with inflected forms.
fn follow_up(rng: &mut Rng, year: i32) -> [String; 3] {
    let mut out = [String::new(), String::new(), String::new()];
    if let Some(vocabulary) = VOCABULARY.get() {
        let words = rng.range(8, 20);
        for (lang, text) in out.iter_mut().enumerate() {
            *text = vocabulary.sentence(rng, lang, words);
        }
    }
    for _ in 0..rng.range(2, 4) {
        let a = rng.pick(NOUNS);
        let b = rng.pick(NOUNS);
        let n = rng.range(2, 40);
        let [fi, sv, en] = match rng.range(0, 3) {
            0 => [
                format!("{} on edetty suunnitellusti.", capitalize(a.fi[3])),
                format!("Arbetet med {} har framskridit enligt plan.", a.sv[1]),
                format!("Work on {} has progressed as planned.", a.en),
            ],
            1 => [
                format!("{} {} kasvoi {n} prosenttia.", capitalize(a.fi[1]), b.fi[0]),
                format!(
                    "{} i {} ökade med {n} procent.",
                    capitalize(b.sv[1]),
                    a.sv[1]
                ),
                format!("The {} of the {} grew by {n} per cent.", b.en, a.en),
            ],
            2 => [
                format!(
                    "{} laadittiin selvitys, ja {} kehitetään edelleen.",
                    capitalize(a.fi[4]),
                    b.fi[2]
                ),
                format!(
                    "En utredning om {} gjordes, och {} utvecklas vidare.",
                    a.sv[1], b.sv[1]
                ),
                format!(
                    "A study of the {} was made, and the {} is developed further.",
                    a.en, b.en
                ),
            ],
            _ => [
                format!("Toimenpiteet {} jatkuvat vuonna {}.", a.fi[5], year + 1),
                format!("Åtgärderna för {} fortsätter år {}.", a.sv[1], year + 1),
                format!("Measures for the {} continue in {}.", a.en, year + 1),
            ],
        };
        for (text, sentence) in out.iter_mut().zip([fi, sv, en]) {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&sentence);
        }
    }
    out
}

/// One generated file: path relative to the site folder, and text.
pub struct SynthFile {
    pub path: PathBuf,
    pub text: String,
}

/// What was generated, for the log line.
#[derive(Debug, Default, Clone, Copy)]
pub struct SynthCounts {
    pub organisations: usize,
    pub scorecards: usize,
    pub goals: usize,
    pub updates: usize,
    /// Pages the built site will have in each language (home, lists, 404 …).
    pub pages_per_language: usize,
}

const METRICS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "kasittelyaika-rakennusluvat",
        "Rakennuslupien käsittelyaika",
        "Handläggningstid för bygglov",
        "Processing time of building permits",
        "decrease",
    ),
    (
        "asiakastyytyvaisyys",
        "Asiakastyytyväisyys",
        "Kundnöjdhet",
        "Customer satisfaction",
        "increase",
    ),
    (
        "terveysperusteiset-poissaolot",
        "Terveysperusteiset poissaolot",
        "Hälsorelaterad frånvaro",
        "Health-related absences",
        "decrease",
    ),
    (
        "pyoratiet-km",
        "Pyöräteiden pituus",
        "Cykelvägarnas längd",
        "Length of cycle paths",
        "increase",
    ),
    (
        "energiankulutus",
        "Energiankulutus",
        "Energiförbrukning",
        "Energy consumption",
        "decrease",
    ),
    (
        "kirjastokaynnit",
        "Kirjastokäynnit",
        "Biblioteksbesök",
        "Library visits",
        "increase",
    ),
];

/// Generate the content of a site with `scorecards` scorecards (pure).
pub fn generate(seed: u64, scorecards: usize) -> (Vec<SynthFile>, SynthCounts) {
    let mut rng = Rng::new(seed);
    let mut files = Vec::new();
    let mut counts = SynthCounts::default();
    let per_org = 20;
    let organisations = scorecards.div_ceil(per_org).max(1);
    files.push(SynthFile {
        path: "content/site.yaml".into(),
        text: SITE_YAML.to_string(),
    });
    let mut metrics = String::new();
    for (id, fi, sv, en, direction) in METRICS {
        let _ = writeln!(
            metrics,
            "- id: {id}\n  title: {{fi: {fi}, sv: {sv}, en: {en}}}\n  direction: {direction}"
        );
    }
    files.push(SynthFile {
        path: "content/metrics.yaml".into(),
        text: metrics,
    });
    files.push(SynthFile {
        path: "content/networks.yaml".into(),
        text: "- id: kuntaverkosto\n  name: {fi: Kuntaverkosto, sv: Kommunnätverket, en: Municipal network}\n".into(),
    });
    let mut org_ids = Vec::new();
    for i in 0..organisations {
        let start = PLACE_STARTS[i % PLACE_STARTS.len()];
        let end = PLACE_ENDS[(i / PLACE_STARTS.len()) % PLACE_ENDS.len()];
        let round = i / (PLACE_STARTS.len() * PLACE_ENDS.len());
        let name = if round == 0 {
            format!("{start}{end}")
        } else {
            format!("{start}{end} {}", round + 1)
        };
        let id = ascii_id(&name);
        let networks = if i % 3 == 0 {
            "\nnetworks: [kuntaverkosto]"
        } else {
            ""
        };
        files.push(SynthFile {
            path: format!("content/organisations/{id}.yaml").into(),
            text: format!(
                "name: {{fi: {}, sv: {name} kommun, en: Municipality of {name}}}\nmunicipality_code: \"{:03}\"\nlanguages: [fi, sv]{networks}\n",
                quote(&format!("{} kunta", genitive(&name))),
                (i * 7 + 5) % 1000,
            ),
        });
        org_ids.push(id);
    }
    counts.organisations = organisations;
    let mut scorecard_refs = Vec::new();
    for k in 0..scorecards {
        let org = &org_ids[k % organisations];
        let within = k / organisations;
        let years: Vec<i32> = YEARS.collect();
        let year = years[within % years.len()];
        let unit = UNITS[(within / years.len() + k % organisations) % UNITS.len()];
        // Past the combinations of year and unit, a number keeps ids unique.
        let round = within / (years.len() * UNITS.len());
        let slug = if round == 0 {
            format!("{year}-{}", unit[0])
        } else {
            format!("{year}-{}-{}", unit[0], round + 1)
        };
        let (text, goals) = scorecard(&mut rng, org, year, &unit);
        counts.goals += goals;
        files.push(SynthFile {
            path: format!("content/scorecards/{org}/{slug}.yaml").into(),
            text,
        });
        scorecard_refs.push((org.clone(), slug, year));
    }
    counts.scorecards = scorecards;
    let updates = (scorecards / 10).max(1);
    for u in 0..updates.min(scorecard_refs.len()) {
        let (org, slug, year) = &scorecard_refs[(u * 7) % scorecard_refs.len()];
        let date = format!("{year}-{:02}-{:02}", 1 + u % 12, 1 + u % 28);
        let [fi, sv, en] = statement(&mut rng);
        let [body_fi, body_sv, body_en] = follow_up(&mut rng, *year);
        let name = format!("seuranta-{u}");
        let mut versions = vec![("fi", fi, body_fi), ("sv", sv, body_sv)];
        if rng.chance(50) {
            versions.push(("en", en, body_en));
        }
        for (lang, title, body) in versions {
            files.push(SynthFile {
                path: format!("content/updates/{date}-{name}.{lang}.md").into(),
                text: format!(
                    "---\ntitle: {}\ndate: {date}\norganisation: {org}\nrelated: [{org}/{slug}]\n---\n{body}\n",
                    quote(&title)
                ),
            });
        }
    }
    counts.updates = updates;
    for (lang, title, body) in [
        (
            "fi",
            "Tietoa sivustosta",
            "Tämä on synteettinen sivusto suorituskyvyn mittaamiseen.",
        ),
        (
            "sv",
            "Om webbplatsen",
            "Det här är en syntetisk webbplats för prestandamätning.",
        ),
        (
            "en",
            "About the site",
            "This is a synthetic site for measuring performance.",
        ),
    ] {
        files.push(SynthFile {
            path: format!("content/pages/tietoa.{lang}.md").into(),
            text: format!("---\ntitle: {title}\n---\n{body}\n"),
        });
    }
    // home, updates, accessibility, 404, the page, organisations, updates, scorecards, goals
    counts.pages_per_language = 5 + organisations + updates + scorecards + counts.goals;
    (files, counts)
}

fn scorecard(rng: &mut Rng, org: &str, year: i32, unit: &[&str; 4]) -> (String, usize) {
    let mut out = String::new();
    let mut goals = 0;
    let _ = writeln!(out, "organisation: {org}");
    let _ = writeln!(out, "unit: {}", text(rng, unit[1], unit[2], unit[3]));
    let kind = if rng.chance(80) {
        "scorecard"
    } else {
        "annual-report"
    };
    let _ = writeln!(out, "kind: {kind}\nyear: {year}");
    let _ = writeln!(
        out,
        "status_date: {year}-{:02}-{:02}",
        rng.range(6, 12),
        rng.range(1, 28)
    );
    let [fi, sv, en] = follow_up(rng, year);
    let _ = writeln!(out, "summary: {}", text(rng, &fi, &sv, &en));
    out.push_str("themes:\n");
    let mut theme_ids = Vec::new();
    let mut used = std::collections::BTreeSet::new();
    for t in 0..rng.range(2, 4) {
        let noun = rng.pick(NOUNS);
        let theme_id = format!("{}-{t}", ascii_id(noun.fi[0]));
        theme_ids.push(theme_id.clone());
        let _ = writeln!(out, "  - id: {theme_id}");
        let _ = writeln!(
            out,
            "    title: {}",
            text(
                rng,
                &capitalize(noun.fi[0]),
                &capitalize(noun.sv[0]),
                &capitalize(noun.en)
            )
        );
        let [fi, sv, en] = statement(rng);
        let _ = writeln!(out, "    aim: {}", text(rng, &fi, &sv, &en));
        out.push_str("    goals:\n");
        for g in 0..rng.range(2, 4) {
            goals += 1;
            let [fi, sv, en] = statement(rng);
            let mut goal_id = format!("{}-{t}-{g}", ascii_id(rng.pick(NOUNS).fi[1]));
            while !used.insert(goal_id.clone()) {
                goal_id.push('x');
            }
            let _ = writeln!(out, "      - id: {goal_id}");
            let _ = writeln!(out, "        title: {}", text(rng, &fi, &sv, &en));
            if rng.chance(30) {
                out.push_str("        targets:\n");
                for n in 0..rng.range(1, 3) {
                    let [fi, sv, en] = statement(rng);
                    let _ = writeln!(out, "          - id: {goal_id}-t{n}");
                    let _ = writeln!(out, "            title: {}", text(rng, &fi, &sv, &en));
                    indicator(rng, &mut out, "            ", year);
                    assessment(rng, &mut out, "            ", year);
                }
            } else {
                if rng.chance(50) {
                    indicator(rng, &mut out, "        ", year);
                }
                assessment(rng, &mut out, "        ", year);
            }
        }
    }
    if rng.chance(70) {
        out.push_str("risks:\n");
        for _ in 0..rng.range(1, 3) {
            let [fi, sv, en] = statement(rng);
            let [mfi, msv, men] = follow_up(rng, year);
            let _ = writeln!(out, "  - theme: {}", rng.pick(&theme_ids));
            let _ = writeln!(out, "    title: {}", text(rng, &fi, &sv, &en));
            let _ = writeln!(
                out,
                "    likelihood: {}\n    impact: {}",
                rng.range(1, 4),
                rng.range(1, 4)
            );
            let _ = writeln!(out, "    mitigation: {}", text(rng, &mfi, &msv, &men));
            let _ = writeln!(out, "    status: {}", rng.pick(&["green", "yellow", "red"]));
        }
    }
    if rng.chance(50) {
        out.push_str("key_figures:\n  - id: talous\n");
        out.push_str("    title: {fi: Talouden tunnusluvut, sv: Ekonomiska nyckeltal, en: Financial key figures}\n");
        let _ = writeln!(
            out,
            "    columns:\n      - {{kind: actual, year: {}}}\n      - {{kind: budget, year: {year}}}\n      - {{kind: actual, year: {year}}}",
            year - 1
        );
        out.push_str("    rows:\n");
        let rows: [(&str, &str, &str, &str); 4] = [
            (
                "Toimintatuotot",
                "Verksamhetens intäkter",
                "Operating income",
                "EUR",
            ),
            (
                "Toimintamenot",
                "Verksamhetens kostnader",
                "Operating expenses",
                "EUR",
            ),
            ("Henkilöstö", "Personal", "Staff", "count"),
            ("Muutos", "Förändring", "Change", "percent"),
        ];
        for (fi, sv, en, unit) in rows.iter().take(rng.range(2, 4)) {
            let base = rng.range(10_000, 5_000_000) as i64;
            let values: Vec<String> = (0..3)
                .map(|i| {
                    if i == 2 && rng.chance(20) {
                        "null".to_string()
                    } else {
                        let value = base + (rng.range(0, 200_000) as i64) - 100_000;
                        match *unit {
                            "EUR" if fi.ends_with("menot") => format!("-{}", value.abs()),
                            "EUR" => value.abs().to_string(),
                            "count" => (value.abs() % 900 + 10).to_string(),
                            _ => format!("{:.1}", (value % 100) as f64 / 10.0),
                        }
                    }
                })
                .collect();
            let _ = writeln!(
                out,
                "      - label: {{fi: {fi}, sv: {sv}, en: {en}}}\n        unit: {unit}\n        values: [{}]",
                values.join(", ")
            );
        }
    }
    (out, goals)
}

fn indicator(rng: &mut Rng, out: &mut String, pad: &str, year: i32) {
    let noun = rng.pick(NOUNS);
    let _ = writeln!(out, "{pad}indicators:");
    let _ = writeln!(
        out,
        "{pad}  - title: {}",
        text(
            rng,
            &format!("{} tunnusluku", capitalize(noun.fi[1])),
            &format!("Nyckeltal för {}", noun.sv[1]),
            &format!("{} figure", capitalize(noun.en))
        )
    );
    if rng.chance(30) {
        let metric = rng.pick(METRICS);
        let _ = writeln!(out, "{pad}    metric: {}", metric.0);
        let _ = writeln!(out, "{pad}    direction: {}", metric.4);
    }
    let _ = writeln!(out, "{pad}    unit: {{fi: kpl, sv: st., en: pcs}}");
    let _ = writeln!(out, "{pad}    target: {{value: {}}}", rng.range(5, 100));
    let _ = writeln!(out, "{pad}    values:");
    for half in 1..=2 {
        let _ = writeln!(
            out,
            "{pad}      - {{period: {year}-H{half}, value: {}}}",
            rng.range(0, 120)
        );
    }
}

fn assessment(rng: &mut Rng, out: &mut String, pad: &str, year: i32) {
    let _ = writeln!(out, "{pad}status: {}", rng.pick(STATUSES));
    let [fi, sv, en] = follow_up(rng, year);
    let _ = writeln!(out, "{pad}follow_up: {}", text(rng, &fi, &sv, &en));
}

/// Write the files under `out`, which must not already have `content/` (IO).
pub fn write(out: &Path, files: &[SynthFile]) -> io::Result<()> {
    if out.join("content").exists() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} already has content/", out.display()),
        ));
    }
    for file in files {
        let path = out.join(&file.path);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(path, &file.text)?;
    }
    Ok(())
}

const SITE_YAML: &str = r#"# A synthetic site, generated by `tuloskortti synth`.
title: {fi: Synteettiset tavoitteet, sv: Syntetiska mål, en: Synthetic goals}
description: {fi: Suorituskyvyn mittaamiseen tehty sivusto., sv: En webbplats för prestandamätning., en: A site made for measuring performance.}
base_url: https://synteettinen.example.fi/
languages: [fi, sv, en]
theme: default
accessibility:
  compliance: partially
  reviewed: 2026-01-15
  feedback:
    email: saavutettavuus@example.fi
  authority:
    name: {fi: Saavutettavuusvaatimusten valvonta, sv: Tillsynen över tillgänglighetskraven, en: Supervision of accessibility requirements}
    url: https://www.saavutettavuusvaatimukset.fi/
  known_issues:
    - {fi: Sisältö on tuotettu koneellisesti eikä sen luettavuutta ole tarkistettu., sv: Innehållet är maskinellt framställt och dess läsbarhet har inte granskats., en: The content is machine-made and its readability has not been checked.}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_site() {
        let text = |seed| {
            generate(seed, 30)
                .0
                .iter()
                .map(|f| format!("{}\n{}", f.path.display(), f.text))
                .collect::<String>()
        };
        assert_eq!(text(7), text(7));
        assert_ne!(text(7), text(8));
    }

    #[test]
    fn ids_stay_unique_at_scale() {
        let (files, counts) = generate(1, 2500);
        let mut paths: Vec<&PathBuf> = files.iter().map(|f| &f.path).collect();
        let total = paths.len();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), total);
        assert_eq!(counts.scorecards, 2500);
        assert!(counts.goals >= 2500 * 4, "{}", counts.goals);
    }

    #[test]
    fn finnish_text_is_inflected() {
        let (files, _) = generate(3, 20);
        let all: String = files.iter().map(|f| f.text.as_str()).collect();
        let forms = NOUNS
            .iter()
            .flat_map(|n| n.fi[1..].iter())
            .filter(|form| all.contains(*form))
            .count();
        assert!(forms > 30, "{forms}");
    }
}
