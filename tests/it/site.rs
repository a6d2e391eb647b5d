//! Building sites: the fixture and the repository's example content.

use std::fs;

use crate::common::{TestSite, pages, repo_root, run_in, snapshot, stderr, table_cells};

#[test]
fn two_builds_are_byte_identical() {
    let site = TestSite::fixture("minimal");
    assert!(site.build().status.success());
    let first = snapshot(&site.out());
    let again = site.run(&[
        "build", "--root", ".", "--out", "public", "--force", "--lang", "en",
    ]);
    assert!(stderr(&again).contains("Built "), "{}", stderr(&again));
    assert_eq!(snapshot(&site.out()), first);
}

#[test]
fn a_rebuild_writes_only_what_changed_and_nothing_when_nothing_did() {
    let site = TestSite::fixture("minimal");
    assert!(site.build().status.success());
    let page = site.out().join("fi/testila/2024-tekniikka/index.html");
    let written = std::fs::metadata(&page).unwrap().modified().unwrap();
    let first = snapshot(&site.out());

    let again = site.build();
    assert!(again.status.success());
    // No progress display when standard error is not a terminal.
    assert!(
        !stderr(&again).contains(['\r', '\u{1b}']),
        "{:?}",
        stderr(&again)
    );
    // After the warnings of the fixture (its example addresses).
    assert!(
        stderr(&again)
            .lines()
            .any(|l| l.starts_with("Up to date: ")),
        "{}",
        stderr(&again)
    );
    assert_eq!(
        std::fs::metadata(&page).unwrap().modified().unwrap(),
        written
    );
    assert_eq!(snapshot(&site.out()), first);

    // An edited scorecard builds again, and the page shows the edit.
    let file = "content/scorecards/testila/2024-tekniikka.yaml";
    site.write(
        file,
        site.read(file)
            .replace("fi: Tekninen keskus", "fi: Muokattu tekninen keskus"),
    );
    let untouched = site.out().join("en/accessibility/index.html");
    let untouched_time = std::fs::metadata(&untouched).unwrap().modified().unwrap();
    let edited = site.build();
    assert!(stderr(&edited).contains("Built "), "{}", stderr(&edited));
    assert!(
        site.read("public/fi/testila/2024-tekniikka/index.html")
            .contains("Muokattu tekninen keskus")
    );
    // Only the files that show the unit's name were written again.
    let report = stderr(&edited);
    let before = &report[..report
        .find(" of them changed")
        .expect("a rebuild over the last output counts what changed")];
    let changed: usize = before[before.rfind(' ').unwrap() + 1..].parse().unwrap();
    assert!(
        changed > 0 && changed < first.len() / 2,
        "{changed} of {}",
        first.len()
    );
    assert_eq!(
        std::fs::metadata(&untouched).unwrap().modified().unwrap(),
        untouched_time
    );
    // The result is what a build into an empty folder writes.
    let fresh = site.run(&["build", "--root", ".", "--out", "fresh"]);
    assert!(fresh.status.success());
    assert_eq!(snapshot(&site.out()), snapshot(&site.root().join("fresh")));
    // A page no longer built goes, as in a build into an empty folder.
    std::fs::remove_file(
        site.root()
            .join("content/updates/2024-07-01-seuranta.sv.md"),
    )
    .unwrap();
    assert!(site.build().status.success());
    assert_eq!(snapshot(&site.out()), {
        let again = site.run(&["build", "--root", ".", "--out", "fresh2"]);
        assert!(again.status.success());
        snapshot(&site.root().join("fresh2"))
    });

    // So does a template, and a site whose output someone changed by hand.
    assert!(
        stderr(&site.build())
            .lines()
            .any(|l| l.starts_with("Up to date: "))
    );
    site.write(
        "themes/default/templates/base.html",
        site.read("themes/default/templates/base.html") + "\n",
    );
    assert!(stderr(&site.build()).contains("Built "));
    site.write("public/fi/index.html", "changed by hand");
    assert!(stderr(&site.build()).contains("Built "));
    assert_ne!(site.read("public/fi/index.html"), "changed by hand");
    std::fs::remove_file(site.out().join("sv/index.html")).unwrap();
    assert!(stderr(&site.build()).contains("Built "));
    assert!(site.out().join("sv/index.html").exists());
}

#[test]
fn every_page_has_its_language_alternates_and_switcher() {
    let site = TestSite::fixture("minimal");
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let files = snapshot(&site.out());
    let mut checked = 0;
    for (path, html) in pages(&files) {
        if path == "404.html" {
            continue; // a copy of fi/404.html for servers that look at the root
        }
        if path == "index.html" {
            // The root offers every language in its own words, and sends
            // search engines to the default one.
            for (lang, words) in [
                ("fi", "Siirry suomenkieliselle etusivulle"),
                ("sv", "Gå till startsidan på svenska"),
                ("en", "Go to the home page in English"),
            ] {
                assert!(
                    html.contains(&format!(
                        "<li lang=\"{lang}\"><a href=\"{lang}/\" hreflang=\"{lang}\">"
                    )) && html.contains(words),
                    "{html}"
                );
            }
            assert!(
                html.contains(
                    "<link rel=\"canonical\" href=\"https://tavoitteet.example.fi/fi/\">"
                ),
                "{html}"
            );
            assert!(!html.contains("http-equiv=\"refresh\""), "no redirect");
            continue;
        }
        let lang = &path[..2];
        assert!(
            html.contains(&format!("<html lang=\"{lang}\">")),
            "{path}: wrong lang"
        );
        for other in ["fi", "sv", "en"] {
            assert!(
                html.contains(&format!(
                    "hreflang=\"{other}\" href=\"https://tavoitteet.example.fi/{other}/"
                )),
                "{path}: no alternate for {other}"
            );
        }
        assert_eq!(html.matches("<h1").count(), 1, "{path}: one h1 per page");
        assert!(
            html.contains("class=\"skip-link\" href=\"#main\""),
            "{path}: skip link"
        );
        checked += 1;
    }
    assert!(checked > 20, "only {checked} pages");
    // The switcher on a goal page leads to the same goal in Swedish.
    let goal = site.read("public/fi/testila/2024-tekniikka/pyoraily/index.html");
    assert!(goal.contains("<a href=\"../../../../sv/testila/2024-tekniikka/pyoraily/\" hreflang=\"sv\" lang=\"sv\">svenska</a>"), "{goal}");
}

#[test]
fn missing_translations_fall_back_with_lang_and_notice() {
    let site = TestSite::fixture("minimal");
    // The English version of the scorecard's unit is removed.
    let file = "content/scorecards/testila/2024-tekniikka.yaml";
    site.write(
        file,
        site.read(file).replace(", en: Technical Centre}", "}"),
    );
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let en = site.read("public/en/testila/2024-tekniikka/index.html");
    assert!(
        en.contains("<span lang=\"fi\">Tekninen keskus</span>"),
        "{en}"
    );
    assert!(
        en.contains("not available in English; shown in Finnish"),
        "{en}"
    );
    // The page written only in Finnish is shown in Finnish, marked, on the sv site.
    let sv = site.read("public/sv/tietoa/index.html");
    assert!(
        sv.contains("<div lang=\"fi\"><p>Tämä on testisivusto.</p>"),
        "{sv}"
    );
    assert!(
        sv.contains("finns inte på svenska; visas på finska"),
        "{sv}"
    );

    let output = site.run(&["check", "--root", ".", "--translations", "--lang", "en"]);
    assert!(output.status.success());
    let listed = String::from_utf8_lossy(&output.stdout);
    assert!(
        listed.contains("content/scorecards/testila/2024-tekniikka.yaml: unit: missing en"),
        "{listed}"
    );
    assert!(
        listed.contains("content/pages/tietoa.*.md: (file): missing sv, en"),
        "{listed}"
    );
    assert!(
        listed.contains("content/updates/2024-07-01-seuranta.*.md: (file): missing en"),
        "{listed}"
    );
}

#[test]
fn figures_and_dates_are_localized() {
    let site = TestSite::fixture("minimal");
    assert!(site.build().status.success());
    let fi = site.read("public/fi/testila/2024-tekniikka/index.html");
    let sv = site.read("public/sv/testila/2024-tekniikka/index.html");
    let en = site.read("public/en/testila/2024-tekniikka/index.html");
    assert!(
        table_cells(&fi).contains(&"-1\u{a0}234\u{a0}567".to_string()),
        "{fi}"
    );
    assert!(
        table_cells(&fi).contains(&"3,0".to_string()),
        "fixed decimals as in the source"
    );
    assert!(fi.contains("TP 2023") && fi.contains("TA 2024"));
    assert!(sv.contains("BS 2023") && sv.contains("BU 2024"));
    assert!(
        table_cells(&en).contains(&"-1,234,567".to_string())
            && en.contains("Actual 2023")
            && en.contains("Budget 2024")
    );
    assert!(fi.contains("30.6.2024") && sv.contains("30.6.2024") && en.contains("30 June 2024"));
    assert!(
        fi.contains("1–6/2024") && en.contains("January–June 2024"),
        "periods"
    );
    assert!(
        fi.contains("2 tavoitteesta 1 saavutettiin ja 1 etenee.")
            && en.contains("Of 2 goals, 1 was achieved and 1 is on track."),
        "plurals"
    );
}

const HOSTILE: [&str; 8] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(2)>",
    "</title><script>alert(3)</script>",
    "<a href=\"javascript:alert(4)\">x</a>",
    "[klikkaa](javascript:alert(5)) <svg onload=alert(6)>",
    "' onmouseover='alert(7)",
    "</textarea></style></script><iframe src=x></iframe>",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg4KTwvc2NyaXB0Pg==)",
];

/// A text in all three languages as YAML block scalars: any characters are literal.
fn hostile_text(indent: usize, n: usize) -> String {
    let pad = " ".repeat(indent);
    let value = HOSTILE[n % HOSTILE.len()];
    format!(
        "\n{pad}  fi: |-\n{pad}    Teksti {value}\n{pad}  sv: |-\n{pad}    Text {value}\n{pad}  en: |-\n{pad}    Text {value}"
    )
}

#[test]
fn hostile_text_never_becomes_markup() {
    let site = TestSite::fixture("minimal");
    let h = hostile_text;
    let scorecard = format!(
        "organisation: testila\nunit:{}\nbody:{}\nsource:{}\nsummary:{}\nkind: scorecard\nyear: 2023\nstatus_date: 2023-12-31\nsections:\n  - title:{}\n    body:{}\nthemes:\n  - id: vaara\n    title:{}\n    aim:{}\n    goals:\n      - id: vaarallinen\n        title:{}\n        status: at-risk\n        actions:\n          -{}\n        indicators:\n          - title:{}\n            unit:{}\n            values: [{{period: 2023, value: 1}}]\n        follow_up:{}\nrisks:\n  - theme: vaara\n    title:{}\n    likelihood: 4\n    impact: 4\n    mitigation:{}\n    owner:{}\n    status: red\nkey_figures:\n  - id: luvut\n    title:{}\n    columns: [{{kind: actual, year: 2023}}]\n    rows:\n      - label:{}\n        unit:{}\n        values: [1]\n    notes:{}\n",
        h(0, 0),
        h(0, 1),
        h(0, 2),
        h(0, 3),
        h(4, 4),
        h(4, 5),
        h(4, 6),
        h(4, 7),
        h(8, 0),
        h(10, 1),
        h(12, 2),
        h(12, 3),
        h(8, 4),
        h(4, 5),
        h(4, 6),
        h(4, 7),
        h(4, 0),
        h(8, 1),
        h(8, 2),
        h(4, 3),
    );
    site.write("content/scorecards/testila/2023-vaara.yaml", &scorecard);
    site.write(
        "content/organisations/testila.yaml",
        "name: {fi: \"Testilä </title><script>alert(9)</script>\", sv: Testby stad, en: City of Testilä}\nwebsite: \"https://example.fi/\\\"><script>alert(10)</script>\"\n",
    );
    site.write(
        "content/pages/tietoa.fi.md",
        "---\ntitle: \"</title><script>alert(11)</script>\"\nsummary: \"\\\" onload=\\\"alert(12)\"\n---\n<script>alert(13)</script>\n\n[a](javascript:alert(14)) <iframe src=x></iframe>\n",
    );
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let files = snapshot(&site.out());
    let mut escaped = 0;
    for (path, html) in pages(&files) {
        let lower = html.to_ascii_lowercase();
        // The search page's own module script is the only script there is.
        let lower = lower.replace("<script type=\"module\" src=\"../../assets/", "");
        // The one style element is the theme's print head, whose texts are
        // CSS strings: nothing in it may open markup or end it early.
        let lower = match lower.split_once("<style media=\"print\">") {
            Some((before, rest)) => {
                let (style, after) = rest.split_once("</style>").expect("a closed style");
                assert!(
                    !style.contains('<'),
                    "{path}: markup in the print style: {style}"
                );
                assert!(style.matches('"').count() % 2 == 0, "{path}: {style}");
                format!("{before}{after}")
            }
            None => lower,
        };
        for live in [
            "<script",
            "<img",
            "<svg onload",
            "<iframe",
            "<textarea",
            "<style",
            "href=\"javascript:",
            "href=\"data:",
            "onload=\"alert",
        ] {
            assert!(!lower.contains(live), "{path}: live `{live}`");
        }
        // Charts carry their own <title> inside inline SVG; outside them there is one.
        let outside_svg: String = lower
            .split("<svg")
            .enumerate()
            .map(|(i, part)| {
                if i == 0 {
                    part
                } else {
                    part.split_once("</svg>").map_or("", |(_, rest)| rest)
                }
            })
            .collect();
        assert_eq!(
            outside_svg.matches("</title>").count(),
            1,
            "{path}: title breakout"
        );
        escaped += html.matches("&lt;script&gt;").count();
    }
    assert!(
        escaped > 20,
        "the hostile text is shown, escaped ({escaped})"
    );
    let goal = site.read("public/fi/testila/2023-vaara/vaarallinen/index.html");
    assert!(
        goal.contains("Teksti &lt;script&gt;alert(1)&lt;/script&gt;"),
        "{goal}"
    );
}

#[test]
fn the_example_site_builds_in_three_languages() {
    let out = tempfile::tempdir().unwrap();
    let out_dir = out.path().join("site");
    let output = run_in(
        &repo_root(),
        &["build", "--root", ".", "--out", out_dir.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let files = snapshot(&out_dir);
    for lang in ["fi", "sv", "en"] {
        // /{lang}/{org}/{scorecard}/{goal}/index.html
        let goals = files
            .keys()
            .filter(|p| {
                p.starts_with(&format!("{lang}/"))
                    && p.ends_with("/index.html")
                    && p.split('/').count() == 5
            })
            .filter(|p| !p.starts_with(&format!("{lang}/updates/")))
            .count();
        assert!(goals >= 45, "{lang}: only {goals} goal pages");
        for (path, html) in pages(&files).filter(|(p, _)| p.starts_with(&format!("{lang}/"))) {
            assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{path}");
        }
    }
    let sv_espoo = String::from_utf8_lossy(&files["sv/espoo/index.html"]).into_owned();
    assert!(sv_espoo.contains("Esbo stad"), "sv pages say Esbo stad");
    let fi = String::from_utf8_lossy(&files["fi/kemijarvi/2025-asuminen-ja-ymparisto/index.html"])
        .into_owned();
    let en = String::from_utf8_lossy(&files["en/kemijarvi/2025-asuminen-ja-ymparisto/index.html"])
        .into_owned();
    assert!(
        fi.contains("-2\u{a0}808\u{a0}498"),
        "fi key figure with no-break spaces"
    );
    assert!(en.contains("-2,808,498"), "en key figure");
    assert!(files.contains_key("fi/saavutettavuusseloste/index.html"));
    assert!(files.contains_key("sv/tillganglighetsutlatande/index.html"));
    assert!(files.contains_key("en/accessibility/index.html"));
    assert!(files.contains_key("404.html"));
    // The KEHTO page lists its 21 member cities with links.
    let kehto = String::from_utf8_lossy(&files["sv/kehto/index.html"]).into_owned();
    assert!(
        kehto.contains("21 medlemsstäder"),
        "member count on the network page"
    );
    assert!(kehto.contains("<a href=\"../espoo/\">Esbo stad</a>"));
}

#[test]
fn the_example_content_checks_clean() {
    let output = run_in(&repo_root(), &["check", "--root", ".", "--translations"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let missing = String::from_utf8_lossy(&output.stdout);
    assert!(
        missing.trim().is_empty(),
        "every text of the example content is in fi, sv and en:\n{missing}"
    );
}

/// The home page shows each organisation's latest year and leads to the
/// organisation's page for the earlier years, which lists them all.
#[test]
fn the_home_page_shows_the_latest_year_and_links_to_the_rest() {
    let site = TestSite::fixture("minimal");
    let file = "content/scorecards/testila/2024-tekniikka.yaml";
    let text = site.read(file);
    assert!(text.contains("year: 2024"));
    site.write(
        "content/scorecards/testila/2023-tekniikka.yaml",
        text.replace("year: 2024", "year: 2023"),
    );
    let built = site.build();
    assert!(built.status.success(), "{}", stderr(&built));
    for (lang, all) in [
        ("fi", "Kaikki 2 tuloskorttia"),
        ("sv", "Alla 2 resultatkort"),
        ("en", "All 2 scorecards"),
    ] {
        let home = site.read(&format!("public/{lang}/index.html"));
        assert!(home.contains("href=\"testila/2024-tekniikka/\""), "{lang}");
        assert!(
            !home.contains("2023-tekniikka"),
            "{lang}: only the latest year"
        );
        assert!(
            home.contains(&format!("<a href=\"testila/\">{all}</a>")),
            "{lang}"
        );
        let organisation = site.read(&format!("public/{lang}/testila/index.html"));
        assert!(organisation.contains("href=\"2023-tekniikka/\""), "{lang}");
        assert!(organisation.contains("href=\"2024-tekniikka/\""), "{lang}");
    }
    // With one year only, every card is on the home page and no link is added.
    std::fs::remove_file(
        site.root()
            .join("content/scorecards/testila/2023-tekniikka.yaml"),
    )
    .unwrap();
    assert!(site.build().status.success());
    assert!(!site.read("public/fi/index.html").contains("Kaikki 2"));
}

/// `build --out` never replaces a folder it did not make: the project
/// folder, `content/`, a folder of the user's. Each is refused with exit 2
/// and every file stays as it was; an earlier build's output is rebuilt.
#[test]
fn build_refuses_an_output_folder_that_is_not_its_own() {
    let site = TestSite::fixture("minimal");
    let root = site.root().to_path_buf();
    site.write("notes/minun.txt", "omat muistiinpanot");
    let before = snapshot(&root);
    for out in [".", "content", "content/pages", "notes"] {
        let output = run_in(&root, &["build", "--root", ".", "--out", out]);
        assert_eq!(
            output.status.code(),
            Some(2),
            "--out {out}: {}",
            stderr(&output)
        );
        assert!(stderr(&output).contains("--out"), "{}", stderr(&output));
        assert_eq!(snapshot(&root), before, "--out {out} changed files");
    }
    // A new folder, then the same folder again, then an empty one.
    assert!(
        run_in(&root, &["build", "--root", ".", "--out", "public"])
            .status
            .success()
    );
    let rebuilt = run_in(
        &root,
        &["build", "--root", ".", "--out", "public", "--force"],
    );
    assert!(rebuilt.status.success(), "{}", stderr(&rebuilt));
    fs::remove_file(root.join(".public.build")).unwrap();
    let without_record = run_in(&root, &["build", "--root", ".", "--out", "public"]);
    assert!(
        without_record.status.success(),
        "{}",
        stderr(&without_record)
    );
    fs::create_dir_all(root.join("empty")).unwrap();
    assert!(
        run_in(&root, &["build", "--root", ".", "--out", "empty"])
            .status
            .success()
    );
    assert_eq!(
        fs::read_to_string(root.join("notes/minun.txt")).unwrap(),
        "omat muistiinpanot"
    );
}

/// The `<main>` of each page type in each language, as snapshots: a change
/// to a view or a template shows here as a diff to review
/// (`cargo insta review`), on the small fixture site.
#[test]
fn the_main_of_each_page_type_in_each_language() {
    let site = TestSite::fixture("minimal");
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let accessibility = [
        ("fi", "saavutettavuusseloste"),
        ("sv", "tillganglighetsutlatande"),
        ("en", "accessibility"),
    ];
    for (lang, slug) in accessibility {
        for (kind, path) in [
            ("home", String::new()),
            ("organisation", "testila/".into()),
            ("scorecard", "testila/2024-tekniikka/".into()),
            ("goal", "testila/2024-tekniikka/kavely/".into()),
            ("updates", "updates/".into()),
            ("update", "updates/seuranta/".into()),
            ("page", "tietoa/".into()),
            ("accessibility", format!("{slug}/")),
            ("search", "search/".into()),
            ("not-found", "404.html".into()),
        ] {
            let file = if path.ends_with(".html") {
                format!("public/{lang}/{path}")
            } else {
                format!("public/{lang}/{path}index.html")
            };
            let html = site.read(&file);
            let start = html
                .find("<main")
                .unwrap_or_else(|| panic!("{file}: no <main>"));
            let end = html
                .find("</main>")
                .unwrap_or_else(|| panic!("{file}: no </main>"))
                + 7;
            insta::assert_snapshot!(format!("page-{kind}-{lang}"), &html[start..end]);
        }
    }
}

/// A site folder that is not there is a usage error (exit 2) for every
/// command that takes one, and a `--limit` beyond any index does not crash.
#[test]
fn a_missing_root_is_a_usage_error_and_a_huge_limit_is_fine() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("ei-ole");
    let missing = missing.to_str().unwrap();
    for args in [
        vec!["build", "--root", missing],
        vec!["check", "--root", missing],
        vec!["search", "kävely", "--root", missing],
    ] {
        let output = run_in(dir.path(), &args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        // No site to take a language from, and LANG=C: Finnish.
        assert!(
            stderr(&output).contains("ei ole kansio"),
            "{}",
            stderr(&output)
        );
    }
    let site = TestSite::fixture("minimal");
    let output = site.run(&[
        "search",
        "kävely",
        "--root",
        ".",
        "--limit",
        "18446744073709551615",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("vely"));
}

/// The theme's icon is on every page (SVG, and ICO for older browsers), the
/// links resolve from every folder, and `/favicon.ico` is there too; every
/// page also links to where feedback goes (site.yaml).
#[test]
fn every_page_names_the_favicon_and_where_feedback_goes() {
    let site = TestSite::fixture("minimal");
    assert!(site.build().status.success());
    let files = snapshot(&site.out());
    assert!(files.contains_key("favicon.ico"));
    assert_eq!(&files["favicon.ico"][..4], &[0, 0, 1, 0], "an ICO file");
    assert!(files["assets/favicon.svg"].starts_with(b"<svg"));
    let mut checked = 0;
    for (path, html) in pages(&files) {
        if path == "index.html" || path.ends_with("404.html") {
            continue; // the redirect, and pages served at any address
        }
        let folder = std::path::Path::new(path).parent().unwrap();
        for icon in ["favicon.ico", "favicon.svg"] {
            let href = html
                .split("<link rel=\"icon\" href=\"")
                .skip(1)
                .map(|rest| &rest[..rest.find('"').unwrap()])
                .find(|h| h.ends_with(icon))
                .unwrap_or_else(|| panic!("{path} names no {icon}"));
            let target = folder.join(href);
            let mut parts: Vec<&str> = Vec::new();
            for part in target.to_str().unwrap().split('/') {
                match part {
                    ".." => {
                        parts.pop();
                    }
                    "" | "." => {}
                    p => parts.push(p),
                }
            }
            assert!(files.contains_key(&parts.join("/")), "{path}: {href}");
        }
        let feedback = [
            "Anna palautetta sivustosta",
            "Ge respons om webbplatsen",
            "Give feedback on the site",
        ];
        assert!(
            feedback.iter().any(|text| html.contains(&format!(
                "<a href=\"mailto:saavutettavuus@example.fi\">{text}</a>"
            ))),
            "{path} has no feedback link"
        );
        checked += 1;
    }
    assert!(checked > 20, "{checked} pages");
}

/// The risk matrix tells each cell's zone by a mark and words, not by its
/// colour alone (colours vanish in forced-colours mode).
#[test]
fn risk_zones_are_not_told_by_colour_alone() {
    let site = TestSite::fixture("minimal");
    assert!(site.build().status.success());
    let fi = site.read("public/fi/testila/2024-tekniikka/index.html");
    let matrix = &fi[fi.find("<table class=\"risk-matrix\">").unwrap()..];
    let matrix = &matrix[..matrix.find("</table>").unwrap()];
    let cells: Vec<&str> = matrix.split("<td class=\"level-").skip(1).collect();
    assert_eq!(cells.len(), 16, "a 4 x 4 matrix");
    for (level, mark, words) in [
        ("low", "○", "Matala riski"),
        ("medium", "◐", "Kohtalainen riski"),
        ("high", "●", "Korkea riski"),
    ] {
        let of_level: Vec<&&str> = cells.iter().filter(|c| c.starts_with(level)).collect();
        assert!(!of_level.is_empty(), "{level}");
        for cell in of_level {
            assert!(
                cell.contains(&format!("<span class=\"level-mark\" aria-hidden=\"true\">{mark}</span><span class=\"visually-hidden\">{words}</span>")),
                "{cell}"
            );
        }
    }
    assert!(fi.contains("○ matala (1–3), ◐ kohtalainen (4–8), ● korkea (9–16)"));
}

/// The accessibility statement cannot contradict itself: `fully` with known
/// issues, or `partially` without any, is an error at the compliance line.
#[test]
fn the_accessibility_statement_says_what_is_true() {
    let site = TestSite::fixture("minimal");
    let yaml = site.read("content/site.yaml");
    let line = yaml
        .lines()
        .position(|l| l.trim_start().starts_with("compliance:"))
        .unwrap()
        + 1;
    let with_issue = yaml.replace(
        "  known_issues: []",
        "  known_issues:\n    - {fi: Kaaviot, sv: Diagram, en: Charts}",
    );
    assert_ne!(with_issue, yaml, "the fixture lists its known issues");
    site.write("content/site.yaml", &with_issue);
    let output = site.check();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains(&format!("content/site.yaml:{line}:"))
            && err.contains("says the site is fully accessible, but lists one known issue"),
        "{err}"
    );
    site.write(
        "content/site.yaml",
        with_issue.replace("compliance: fully", "compliance: partially"),
    );
    assert_eq!(
        site.check().status.code(),
        Some(0),
        "{}",
        stderr(&site.check())
    );
    site.write(
        "content/site.yaml",
        yaml.replace("compliance: fully", "compliance: partially"),
    );
    let err = stderr(&site.check());
    assert!(err.contains("lists no known issues"), "{err}");
}

/// A build killed while it puts its new folder in the place of the site
/// (fault injected with strace at the swap, and right after it) leaves a
/// whole site, the old or the new one, and the next build clears what the
/// killed one left.
#[test]
fn a_build_killed_at_its_commit_leaves_a_whole_site() {
    for (syscall, expect_new) in [("renameat2", false), ("unlinkat", true)] {
        let site = TestSite::fixture("minimal");
        assert!(site.build().status.success());
        let file = "content/scorecards/testila/2024-tekniikka.yaml";
        site.write(
            file,
            site.read(file)
                .replace("Pyöräily lisääntyy.", "Pyöräily lisääntyy paljon."),
        );
        // Without the record of the last build, the build goes into a new
        // folder and swaps it in at the end.
        fs::remove_file(site.root().join(".public.build")).unwrap();
        let killed = std::process::Command::new("strace")
            .args(["-f", "-qq", "-o", "/dev/null", "-e"])
            .arg(format!("trace={syscall}"))
            .arg("-e")
            .arg(format!("inject={syscall}:signal=SIGKILL:when=1"))
            .arg(env!("CARGO_BIN_EXE_tuloskortti"))
            .args(["build", "--root", ".", "--out", "public"])
            .current_dir(site.root())
            .output()
            .expect("strace runs (tests/all.sh installs it)");
        assert!(
            !killed.status.success(),
            "{syscall}: the build was not killed"
        );
        for lang in ["fi", "sv", "en"] {
            let page = site.read(&format!("public/{lang}/testila/2024-tekniikka/index.html"));
            assert!(page.contains("</html>"), "{syscall}: {lang} page whole");
        }
        let fi = site.read("public/fi/testila/2024-tekniikka/index.html");
        assert_eq!(fi.contains("lisääntyy paljon"), expect_new, "{syscall}");
        assert!(site.build().status.success());
        let left: Vec<_> = fs::read_dir(site.root())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".public.new") || n.starts_with(".public.old"))
            .collect();
        assert!(left.is_empty(), "{syscall}: left {left:?}");
        assert!(
            site.read("public/fi/testila/2024-tekniikka/index.html")
                .contains("lisääntyy paljon")
        );
    }
}
