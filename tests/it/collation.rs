//! Names are listed in each language's alphabetical order: Finnish and
//! Swedish put å, ä and ö after z, English sorts them with a and o. Checked
//! on the built example site against a plain alphabet of each language
//! (an oracle independent of the collation data the build uses).

use std::collections::BTreeMap;

use crate::common::{repo_root, run_in, snapshot, stderr};

/// Where a letter stands in the language's alphabet; other characters
/// (space, punctuation) before every letter.
fn rank(lang: &str, c: char) -> u32 {
    let c = c.to_lowercase().next().unwrap_or(c);
    let folded = match (lang, c) {
        ("en", 'å' | 'ä') => 'a',
        ("en", 'ö') => 'o',
        _ => c,
    };
    match folded {
        'a'..='z' => 10 + folded as u32 - 'a' as u32,
        'å' => 40,
        'ä' => 41,
        'ö' => 42,
        c if c.is_alphanumeric() => 50 + c as u32,
        _ => 1,
    }
}

fn in_order(lang: &str, names: &[String]) -> bool {
    let key = |name: &String| name.chars().map(|c| rank(lang, c)).collect::<Vec<_>>();
    names.windows(2).all(|w| key(&w[0]) <= key(&w[1]))
}

/// The texts of the links in `html` between `start` and `end`.
fn link_texts(html: &str, start: &str, end: &str) -> Vec<String> {
    let from = html.find(start).unwrap_or_else(|| panic!("no {start}"));
    let section = &html[from..];
    let section = &section[..section.find(end).unwrap_or(section.len())];
    section
        .split("<a ")
        .skip(1)
        .filter_map(|a| {
            let text = &a[a.find('>')? + 1..];
            Some(text[..text.find("</a>")?].to_string())
        })
        .collect()
}

fn built_example() -> BTreeMap<String, String> {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("site");
    let output = run_in(
        &repo_root(),
        &["build", "--root", ".", "--out", dir.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    snapshot(&dir)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path, String::from_utf8(bytes).unwrap()))
        .collect()
}

#[test]
fn names_are_listed_in_each_languages_alphabetical_order() {
    let pages = built_example();
    let members_of = |lang: &str| {
        link_texts(
            &pages[&format!("{lang}/kehto/index.html")],
            "id=\"members-heading\"",
            "</section>",
        )
    };
    for lang in ["fi", "sv", "en"] {
        let members = members_of(lang);
        assert!(members.len() > 10, "{lang}: {members:?}");
        assert!(in_order(lang, &members), "{lang}: {members:?}");
        // The A-Z list of goals, and its letters.
        let search = &pages[&format!("{lang}/search/index.html")];
        let letters = link_texts(search, "class=\"az-letters\"", "</ul>");
        assert!(in_order(lang, &letters), "{lang}: {letters:?}");
        let mut seen = letters.clone();
        seen.dedup();
        assert_eq!(seen, letters, "{lang}: each letter once");
    }
    let position = |list: &[String], name: &str| {
        list.iter()
            .position(|n| n == name)
            .unwrap_or_else(|| panic!("{name} in {list:?}"))
    };
    let fi = members_of("fi");
    assert!(position(&fi, "Helsingin kaupunki") < position(&fi, "Hämeenlinnan kaupunki"));
    let sv = members_of("sv");
    let esbo = position(&sv, "Esbo stad");
    assert_eq!(sv[esbo + 1..esbo + 3], ["Helsingfors stad", "Joensuu stad"]);
    assert!(position(&sv, "Villmanstrands stad") > position(&sv, "Vasa stad"));
    assert_eq!(sv.last().map(String::as_str), Some("Åbo stad"));
    let en = members_of("en");
    assert!(position(&en, "City of Hämeenlinna") < position(&en, "City of Helsinki"));
}

#[test]
fn the_oracle_tells_the_orders_apart() {
    let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert!(in_order("fi", &names(&["Helsinki", "Hämeenlinna"])));
    assert!(!in_order("fi", &names(&["Hämeenlinna", "Helsinki"])));
    assert!(in_order("en", &names(&["Hämeenlinna", "Helsinki"])));
    assert!(!in_order("sv", &names(&["Åbo", "Vasa"])));
}
