//! Search: the tantivy index per language, the exported client index, the
//! search page and the `search` command. The JavaScript client's parity with
//! tantivy is tested by tests/search/parity.mjs (run from tests/all.sh).

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::common::{TestSite, repo_root, stderr};
use tuloskortti::build;
use tuloskortti::search::query::{self, Request};
use tuloskortti::search::{FACETS, LangIndex};

fn index(root: &Path, lang: &str) -> LangIndex {
    let loaded = build::load(root, None).expect("the site loads");
    LangIndex::build(&loaded.site, &loaded.i18n, lang).expect("the index builds")
}

fn search(index: &LangIndex, text: &str) -> query::Results {
    search_with(index, text, BTreeMap::new())
}

fn search_with(
    index: &LangIndex,
    text: &str,
    filters: BTreeMap<String, Vec<String>>,
) -> query::Results {
    query::search(
        index,
        &Request {
            text: text.to_string(),
            filters,
            limit: 10,
        },
    )
    .expect("the query runs")
}

fn finds_goal(results: &query::Results, url: &str) -> bool {
    results
        .results
        .iter()
        .any(|h| h.url == url && h.facets.get("type").map(String::as_str) == Some("goal"))
}

#[test]
fn inflected_forms_find_the_cycling_goal_in_every_language() {
    let site = TestSite::fixture("minimal");
    let fi = index(site.root(), "fi");
    for word in [
        "pyöräilyä",
        "pyöräilyn",
        "pyöräily",
        "Pyöräilyn ",
        "PYÖRÄILYÄ",
    ] {
        let results = search(&fi, word);
        assert!(
            finds_goal(&results, "fi/testila/2024-tekniikka/pyoraily/"),
            "{word}: {:?}",
            results.results
        );
    }
    let sv = index(site.root(), "sv");
    for word in ["cykling", "cyklingen", "Cyklingens"] {
        assert!(
            finds_goal(&search(&sv, word), "sv/testila/2024-tekniikka/pyoraily/"),
            "{word}"
        );
    }
    let en = index(site.root(), "en");
    for word in ["cycling", "cycle", "Cycles"] {
        assert!(
            finds_goal(&search(&en, word), "en/testila/2024-tekniikka/pyoraily/"),
            "{word}"
        );
    }
}

#[test]
fn inflections_in_the_example_content() {
    let root = repo_root();
    // Whether the example content loads is the site tests' business; here
    // only its searchability.
    let Ok(loaded) = build::load(&root, None) else {
        eprintln!("the example content does not load; nothing to check");
        return;
    };
    let has = |path: &str| {
        loaded.site.scorecards.iter().any(|s| {
            s.goals().any(|(_, g)| {
                format!("{}/{}/{}/", s.organisation(), s.id, g.id.value).ends_with(path)
            })
        })
    };
    let mut checked = 0;
    if has("/kavely-ja-pyoraily/") {
        for (lang, words) in [
            ("fi", &["pyöräilyä", "pyöräilyn", "pyöräily"][..]),
            ("sv", &["cykling"][..]),
            ("en", &["cycling"][..]),
        ] {
            let index = LangIndex::build(&loaded.site, &loaded.i18n, lang).unwrap();
            for word in words {
                let results = search(&index, word);
                assert!(
                    results
                        .results
                        .iter()
                        .any(|h| h.url.ends_with("/kavely-ja-pyoraily/")
                            && h.facets["type"] == "goal"),
                    "{lang} {word}: {:?}",
                    results.results
                );
                checked += 1;
            }
        }
    }
    if has("kemijarvi/2025-asuminen-ja-ymparisto/uusi-rakennusjarjestys/") {
        let index = LangIndex::build(&loaded.site, &loaded.i18n, "fi").unwrap();
        for word in ["rakennusjärjestys", "rakennusjärjestyksen", "rakennusjär"] {
            let results = search(&index, word);
            assert!(
                finds_goal(
                    &results,
                    "fi/kemijarvi/2025-asuminen-ja-ymparisto/uusi-rakennusjarjestys/"
                ),
                "{word}: {:?}",
                results.results
            );
            checked += 1;
        }
    }
    eprintln!("{checked} example-content inflection checks");
}

#[test]
fn the_last_word_matches_as_a_prefix_while_typing() {
    let site = TestSite::fixture("minimal");
    let fi = index(site.root(), "fi");
    let typing = search(&fi, "pyörät");
    assert!(
        typing
            .results
            .iter()
            .any(|h| h.url == "fi/testila/2024-tekniikka/pyoraily/#pyoratiet"),
        "{:?}",
        typing
    );
    // A finished word (followed by a space) that the index has is not
    // expanded; one it does not have is, by its stem's other forms.
    let finished = search(&fi, "pyöräily ");
    assert_eq!(finished.groups.len(), 1);
    assert_eq!(finished.groups[0].len(), 1, "{:?}", finished.groups);
    let unknown = search(&fi, "pyörät ");
    assert!(unknown.groups[0].len() > 1, "{:?}", unknown.groups);
    // Too short to expand.
    assert!(search(&fi, "py").results.is_empty());
    // Two words: both must match.
    let both = search(&fi, "kävely turvalli");
    assert_eq!(both.results.len(), 1, "{both:?}");
    assert_eq!(both.results[0].url, "fi/testila/2024-tekniikka/kavely/");
    assert_eq!(both.matched, 2);
    // No document has both: those with one of them, said so.
    let apart = search(&fi, "kävely pyöräteitä");
    assert_eq!(apart.matched, 1, "{apart:?}");
}

#[test]
fn titles_weigh_more_and_ties_go_by_document_order() {
    let site = TestSite::fixture("minimal");
    let fi = index(site.root(), "fi");
    let results = search(&fi, "pyöräily ");
    // The goal has the word in its title; the scorecard only in its body.
    assert_eq!(
        results.results[0].url,
        "fi/testila/2024-tekniikka/pyoraily/"
    );
    for pair in results.results.windows(2) {
        assert!(
            pair[0].score > pair[1].score
                || (pair[0].score == pair[1].score && pair[0].doc < pair[1].doc),
            "{results:?}"
        );
    }
}

#[test]
fn filters_keep_only_matching_documents() {
    let site = TestSite::fixture("minimal");
    let fi = index(site.root(), "fi");
    let all = search(&fi, "pyörät");
    assert!(all.results.len() >= 3, "{all:?}");
    let targets = search_with(
        &fi,
        "pyörät",
        BTreeMap::from([("type".to_string(), vec!["target".to_string()])]),
    );
    assert!(!targets.results.is_empty());
    assert!(targets.results.iter().all(|h| h.facets["type"] == "target"));
    // Filters add nothing to scores.
    let same = all
        .results
        .iter()
        .find(|h| h.doc == targets.results[0].doc)
        .unwrap();
    assert_eq!(same.score.to_bits(), targets.results[0].score.to_bits());
    let two_values = search_with(
        &fi,
        "pyörät",
        BTreeMap::from([(
            "type".to_string(),
            vec!["target".to_string(), "indicator".to_string()],
        )]),
    );
    let expected = all
        .results
        .iter()
        .filter(|h| ["target", "indicator"].contains(&h.facets["type"].as_str()))
        .count();
    assert!(expected >= 2);
    assert_eq!(two_values.total, expected);
    let none = search_with(
        &fi,
        "pyörät",
        BTreeMap::from([("year".to_string(), vec!["1999".to_string()])]),
    );
    assert_eq!(none.total, 0);
}

#[test]
fn hostile_queries_give_sane_answers() {
    let site = TestSite::fixture("minimal");
    let fi = index(site.root(), "fi");
    let long = "pyöräily ".repeat(2000);
    let very_long = "a".repeat(10_000);
    for text in [
        "",
        "   ",
        "!!! ??? ... ;;; ---",
        "\"quoted\" AND title:x OR -y +z* (a~2) [1 TO 5] {x} ^2 \\",
        "\u{fffd}\u{fffd}x\u{fffd}",
        "<script>alert(1)</script>",
        very_long.as_str(),
        long.as_str(),
        "ja ja ja",
        "\u{0}\u{1}\u{7f}",
    ] {
        let results = search(&fi, text);
        assert!(results.results.len() <= 10);
        assert!(results.groups.len() <= query::MAX_QUERY_TOKENS);
    }
    assert!(search(&fi, "").results.is_empty());
    assert!(search(&fi, "!!!").results.is_empty());
    assert!(search(&fi, &very_long).results.is_empty());
    assert_eq!(
        search(&fi, &long).results[0].url,
        "fi/testila/2024-tekniikka/pyoraily/"
    );
}

#[test]
fn the_stemmer_is_pinned() {
    // Stems change between Snowball versions; these are the ones the
    // client index and its JavaScript port were made with.
    let site = TestSite::fixture("minimal");
    let fi = index(site.root(), "fi");
    for (word, stem) in [
        ("pyöräilyn", "pyöräily"),
        ("pyöräilyä", "pyöräily"),
        ("kunnan", "kun"),
        ("kunnassa", "kun"),
        ("kuntien", "kunt"),
        ("rakennusjärjestyksen", "rakennusjärjestyks"),
        ("kävelyä", "kävely"),
    ] {
        assert_eq!(fi.stem(word).as_deref(), Some(stem), "{word}");
    }
    assert_eq!(fi.stem("ja"), None, "a stop word");
    let sv = index(site.root(), "sv");
    assert_eq!(sv.stem("cyklingen").as_deref(), Some("cykling"));
    assert_eq!(sv.stem("cykelvägar").as_deref(), Some("cykelväg"));
    let en = index(site.root(), "en");
    assert_eq!(en.stem("cycling").as_deref(), Some("cycl"));
    assert_eq!(en.stem("the"), None);
}

#[test]
fn the_build_exports_a_client_index_and_a_search_page() {
    let site = TestSite::fixture("minimal");
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("search index"));
    for lang in ["fi", "sv", "en"] {
        let dir = site.out().join("search").join(lang);
        let manifest: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
        assert_eq!(manifest["lang"], lang);
        let docs = manifest["docs"].as_u64().unwrap();
        assert!(docs >= 8, "{docs}");
        // Every file the manifest names exists and carries a content hash.
        let mut names: Vec<String> = manifest["shards"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s[1].as_str().unwrap().to_string())
            .collect();
        names.push(manifest["facets"]["file"].as_str().unwrap().to_string());
        // The hot dictionary has a fixed name, so the search page can ask for
        // it beside the manifest.
        assert_eq!(manifest["hot"]["file"], "hot.dat");
        assert!(manifest["hot"]["forms"].as_u64().unwrap() > 0);
        names.push("hot.dat".to_string());
        let hash = manifest["store"]["hash"].as_str().unwrap();
        names.push(format!("s0-{hash}.bin"));
        assert!(manifest["stopWords"].as_u64().unwrap() > 0);
        for name in &names {
            assert!(dir.join(name).is_file(), "{lang}: {name}");
        }
        assert_eq!(
            manifest["facets"]["fields"].as_array().unwrap().len(),
            FACETS.len()
        );
        // The search page: a form that works without JavaScript and the A-Z list.
        let page = site.read(&format!("public/{lang}/search/index.html"));
        assert!(page.contains(
            r#"<form id="search-form" class="search-form" role="search" action="./" method="get""#
        ));
        assert!(page.contains(r#"name="q""#));
        assert!(
            page.contains(r#"<script type="module" src="../../assets/search-page.js"></script>"#)
        );
        for preload in [
            r#"<link rel="modulepreload" href="../../assets/search.js">"#.to_string(),
            format!(
                r#"<link rel="preload" href="../../search/{lang}/manifest.json" as="fetch" crossorigin="anonymous">"#
            ),
            format!(
                r#"<link rel="preload" href="../../search/{lang}/hot.dat" as="fetch" crossorigin="anonymous">"#
            ),
        ] {
            assert!(page.contains(&preload), "{lang}: {preload}");
        }
        assert!(
            page.contains("/2024-tekniikka/pyoraily/\""),
            "the A-Z list links to the goals"
        );
    }
    // Every other page has the search form and no script at all; no page has
    // inline scripts or inline event handlers (a strict CSP holds).
    let mut pages = Vec::new();
    collect_html(&site.out(), &mut pages);
    assert!(pages.len() > 20);
    for path in &pages {
        let html = fs::read_to_string(path).unwrap();
        let is_search = path.ends_with("search/index.html");
        let scripts = html.matches("<script").count();
        if is_search {
            assert_eq!(scripts, 1, "{}", path.display());
        } else {
            assert_eq!(scripts, 0, "{}", path.display());
        }
        assert!(!html.contains(" onclick="), "{}", path.display());
        assert!(!html.contains(" oninput="), "{}", path.display());
        let relative = path
            .strip_prefix(site.out())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if !is_search && relative.contains('/') && !relative.starts_with("data/") {
            assert!(
                html.contains(r#"role="search""#) && html.contains(r#"name="q""#),
                "{relative} lacks the search form"
            );
        }
    }
    let home = site.read("public/fi/index.html");
    assert!(
        home.contains(r#"action="search/" method="get""#),
        "the form leads to the search page"
    );
    // The client and its stemmers are assets.
    for asset in [
        "search.js",
        "search-inflate.js",
        "search-page.js",
        "search-stem-finnish.js",
        "search-stem-swedish.js",
        "search-stem-english.js",
        "search-snowball.js",
    ] {
        assert!(site.out().join("assets").join(asset).is_file(), "{asset}");
    }
}

fn collect_html(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_html(&path, out);
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
}

#[test]
fn the_search_command_answers_in_json() {
    let site = TestSite::fixture("minimal");
    let output = site.run(&[
        "search",
        "pyöräilyn",
        "--lang",
        "fi",
        "--json",
        "--root",
        ".",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let first = &json["results"][0];
    assert_eq!(first["url"], "fi/testila/2024-tekniikka/pyoraily/");
    assert_eq!(first["title"], "Pyöräily lisääntyy.");
    assert!(first["score"].as_f64().unwrap() > 0.0);
    assert!(json["total"].as_u64().unwrap() >= 1);

    let filtered = site.run(&[
        "search",
        "pyörätie",
        "--lang",
        "fi",
        "--json",
        "--filter",
        "type=indicator",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&filtered.stdout).unwrap();
    let results = json["results"].as_array().unwrap();
    assert!(!results.is_empty());
    assert!(results.iter().all(|r| r["facets"]["type"] == "indicator"));

    let text = site.run(&["search", "cykling", "--lang", "sv"]);
    assert!(text.status.success());
    assert!(String::from_utf8_lossy(&text.stdout).contains("sv/testila/2024-tekniikka/pyoraily/"));

    let bad = site.run(&["search", "x", "--lang", "de"]);
    assert_eq!(bad.status.code(), Some(2));
    let bad = site.run(&["search", "x", "--filter", "colour=red"]);
    assert_eq!(bad.status.code(), Some(2));
    let empty = site.run(&["search", "", "--json"]);
    assert!(empty.status.success());
}

/// The browser's client fetches the index's two entry points by fixed
/// names before it has the manifest: they are the server's.
#[test]
fn the_client_knows_the_index_entry_points_by_the_servers_names() {
    let client = fs::read_to_string(repo_root().join("themes/default/static/search.js")).unwrap();
    for (constant, name) in [
        ("MANIFEST_FILE", tuloskortti::urls::SEARCH_MANIFEST),
        ("HOT_FILE", tuloskortti::urls::SEARCH_HOT),
    ] {
        let line = format!("const {constant} = \"{name}\";");
        assert!(client.contains(&line), "search.js should say {line}");
    }
}

/// The queries of the search issue, each with the page a resident means as
/// judged in tests/search/relevance/queries.json: inflection and consonant
/// gradation, compounds split and joined, missing dots, the accessibility
/// statement, and a question whose words no one document has all of.
#[test]
fn what_residents_type_finds_the_page_they_mean_first() {
    let root = repo_root();
    let loaded = build::load(&root, None).expect("the example site loads");
    let judged: Vec<serde_json::Value> = serde_json::from_str(
        &fs::read_to_string(root.join("tests/search/relevance/queries.json")).unwrap(),
    )
    .unwrap();
    let cases = [
        ("fi", "pyöräilyreiteille"),
        ("fi", "liikenne turvallisuus"),
        ("fi", "kavely"),
        ("fi", "kaivulupa"),
        ("fi", "rekrytointi"),
        ("fi", "hiilineutraalius"),
        ("fi", "saavutettavuusseloste"),
        ("sv", "laddning elbilar"),
        ("en", "how many traffic accidents in Espoo"),
    ];
    let mut indexes = BTreeMap::new();
    for (lang, text) in cases {
        let index = indexes
            .entry(lang)
            .or_insert_with(|| LangIndex::build(&loaded.site, &loaded.i18n, lang).unwrap());
        let judgement = judged
            .iter()
            .find(|q| q["lang"] == lang && q["query"] == text)
            .unwrap_or_else(|| panic!("{text} is judged"));
        let relevant: Vec<&str> = judgement["relevant"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let results = search(index, text);
        let first = results
            .results
            .first()
            .map(|h| h.url.split('#').next().unwrap().to_string());
        assert!(
            first.as_deref().is_some_and(|p| relevant.contains(&p)),
            "{lang} {text:?}: first {first:?}, judged relevant {relevant:?}; groups {:?}",
            results.groups
        );
    }
}

#[test]
fn a_query_no_document_matches_whole_ranks_the_most_words_matched() {
    let site = TestSite::fixture("minimal");
    let fi = index(site.root(), "fi");
    let all = search(&fi, "pyöräily ");
    assert!(all.total > 0);
    assert_eq!(all.matched, 1);
    // A word that no document has: the documents with the other word.
    let partial = search(&fi, "pyöräily zzqxw ");
    assert_eq!(partial.groups.len(), 2);
    assert_eq!(partial.matched, 1);
    assert_eq!(partial.total, all.total);
    assert_eq!(
        partial.results.first().map(|h| &h.url),
        all.results.first().map(|h| &h.url)
    );
    // Without the dots, or with a slip, the word is still found.
    for text in ["pyoraily ", "pyöräliy "] {
        let forgiving = search(&fi, text);
        assert!(
            finds_goal(&forgiving, "fi/testila/2024-tekniikka/pyoraily/"),
            "{text}: {:?} {:?}",
            forgiving.groups,
            forgiving.results
        );
    }
}

#[test]
fn a_compound_and_its_parts_find_each_other_written_joined_or_split() {
    use tuloskortti::search::SearchDoc;
    let doc = |n: usize, title: &str| SearchDoc {
        title: title.to_string(),
        body: String::new(),
        url: format!("fi/doc-{n}/"),
        facets: Default::default(),
    };
    let index = LangIndex::from_docs(
        "fi",
        vec![
            doc(0, "Liikenneturvallisuus paranee"),
            doc(1, "Liikenne turvallisuus ja valaistus"),
            doc(2, "Liikenne sujuu"),
            doc(3, "Turvallisuus kasvaa"),
            doc(4, "Pyöräily ja uudet reitit"),
            doc(5, "Pyöräily lisääntyy"),
        ],
    )
    .unwrap();
    let urls = |text: &str| -> Vec<String> {
        search(&index, text)
            .results
            .into_iter()
            .map(|h| h.url)
            .collect()
    };
    // The whole finds the text that writes it split, and the parts the whole.
    let whole = urls("liikenneturvallisuus ");
    assert!(whole.contains(&"fi/doc-0/".to_string()), "{whole:?}");
    assert!(whole.contains(&"fi/doc-1/".to_string()), "{whole:?}");
    let split = urls("liikenne turvallisuus ");
    assert_eq!(split[..2].len(), 2);
    assert!(split[..2].contains(&"fi/doc-0/".to_string()), "{split:?}");
    assert!(split[..2].contains(&"fi/doc-1/".to_string()), "{split:?}");
    assert!(urls("turvallisuus ").contains(&"fi/doc-0/".to_string()));
    // A compound the index does not have, in another form: its two parts.
    let unknown = search(&index, "pyöräilyreiteille ");
    assert_eq!(unknown.groups.len(), 2, "{:?}", unknown.groups);
    assert_eq!(unknown.results[0].url, "fi/doc-4/");
}
