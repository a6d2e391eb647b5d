//! How goals stand, at a glance: the sentence that says the status table's
//! counts in words, and a goal's status from its targets'.

use std::collections::BTreeMap;

use crate::common::{TestSite, repo_root, run_in, snapshot, status_counts, stderr};

/// The number written just before `phrase` in `text` (0 when the phrase is
/// not there: a zero count is left out of the sentence).
fn number_before(text: &str, phrase: &str) -> usize {
    match text.find(phrase) {
        None => 0,
        Some(at) => {
            let digits: String = text[..at]
                .trim_end()
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            digits
                .parse()
                .unwrap_or_else(|_| panic!("a number before {phrase:?} in {text:?}"))
        }
    }
}

/// The number written just after `prefix`.
fn number_after(text: &str, prefix: &str) -> Option<usize> {
    let at = text.find(prefix)? + prefix.len();
    text[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .ok()
}

/// Achieved, on track, at risk, not achieved, not assessed, as a sentence
/// of `lang` says them; the total it names comes first.
fn sentence_counts(lang: &str, s: &str) -> (usize, [usize; 5]) {
    let (total, counts) = match lang {
        "fi" => {
            let total = number_after(s, "").unwrap_or(1);
            let not_assessed = if s.contains("yhdenkään tilaa ei arvioitu") {
                total
            } else {
                number_before(s, "tavoitteen tilaa ei arvioitu")
            };
            (
                total,
                [
                    number_before(s, "saavutettiin"),
                    number_before(s, "etenee"),
                    number_before(s, "on vaarassa"),
                    number_before(s, "jäi saavuttamatta"),
                    not_assessed,
                ],
            )
        }
        "sv" => {
            let total = number_after(s, "Av ")
                .or_else(|| number_after(s, "något av de "))
                .unwrap_or(1);
            let not_assessed = if s.contains("något av de") {
                total
            } else {
                number_after(s, "för ").unwrap_or(0)
            };
            (
                total,
                [
                    number_before(s, "har uppnåtts"),
                    number_before(s, "framskrider"),
                    number_before(s, "är i fara"),
                    number_before(s, "har inte uppnåtts"),
                    not_assessed,
                ],
            )
        }
        _ => {
            let total = number_after(s, "Of ")
                .or_else(|| number_after(s, "None of the "))
                .unwrap_or(1);
            let either = |a: &str, b: &str| number_before(s, a).max(number_before(s, b));
            let not_assessed = if s.starts_with("None of the") {
                total
            } else {
                either("was not assessed", "were not assessed")
            };
            (
                total,
                [
                    either("was achieved", "were achieved"),
                    either("is on track", "are on track"),
                    either("is at risk", "are at risk"),
                    either("was not achieved", "were not achieved"),
                    not_assessed,
                ],
            )
        }
    };
    (total, counts)
}

/// The texts of the status sentences of a page.
fn sentences(html: &str) -> Vec<String> {
    let open = "<p class=\"status-sentence\">";
    html.split(open)
        .skip(1)
        .map(|rest| rest[..rest.find("</p>").unwrap()].to_string())
        .collect()
}

/// The part of a page from the section `heading` names to its end.
fn section<'a>(html: &'a str, heading: &str) -> &'a str {
    let start = html
        .find(&format!("<section aria-labelledby=\"{heading}\""))
        .unwrap_or_else(|| panic!("a section {heading}"));
    &html[start..start + html[start..].find("</section>").unwrap()]
}

const NOT_ASSESSED_MEANS: [(&str, &str); 3] = [
    ("fi", "Ei arvioitu: seurannassa ei kerrota"),
    ("sv", "Inte bedömt: uppföljningen säger inte"),
    ("en", "Not assessed: the follow-up does not say"),
];

/// Checks that the one sentence of `part` says the counts of its one status
/// table, and that nothing else there says them.
fn check_summary(lang: &str, path: &str, part: &str) -> [usize; 5] {
    let said = sentences(part);
    assert_eq!(said.len(), 1, "{path}: one sentence above the table");
    let table: Vec<usize> = status_counts(part, "status_all")
        .unwrap_or_else(|| panic!("{path}: a status table"))
        .iter()
        .map(|n| n.parse().unwrap())
        .collect();
    let (total, counts) = sentence_counts(lang, &said[0]);
    assert_eq!(counts.as_slice(), table.as_slice(), "{path}: {}", said[0]);
    assert_eq!(total, table.iter().sum::<usize>(), "{path}: {}", said[0]);
    assert!(
        part.find("status-sentence").unwrap() < part.find("status-table").unwrap(),
        "{path}: the sentence stands above the table"
    );
    // Each count once: no list of statuses and no count line beside them.
    assert!(!part.contains("status-summary"), "{path}: a second list");
    assert_eq!(part.matches("<table").count(), 1, "{path}");
    counts
}

#[test]
fn the_status_sentence_says_the_status_tables_counts_in_each_language() {
    let out = tempfile::tempdir().unwrap();
    let out_dir = out.path().join("site");
    let output = run_in(
        &repo_root(),
        &["build", "--root", ".", "--out", out_dir.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let files = snapshot(&out_dir);
    let page = |path: &str| String::from_utf8(files[path].clone()).unwrap();
    let loaded = tuloskortti::build::load(&repo_root(), None).expect("the example loads");
    let mut checked = 0;
    for (lang, means) in NOT_ASSESSED_MEANS {
        // The home page: the sentence of all scorecards above their table,
        // and one sentence for each scorecard listed, equal to that
        // scorecard page's own.
        let home = page(&format!("{lang}/index.html"));
        check_summary(lang, "home", section(&home, "status-heading"));
        assert_eq!(home.matches(means).count(), 1, "{lang} home: said once");
        let mut by_scorecard: BTreeMap<String, String> = BTreeMap::new();
        for scorecard in &loaded.site.scorecards {
            let path = format!(
                "{lang}/{}/{}/index.html",
                scorecard.organisation(),
                scorecard.id
            );
            let html = page(&path);
            let counts = check_summary(lang, &path, section(&html, "summary-heading"));
            assert_eq!(html.matches(means).count(), 1, "{path}: said once");
            let sentence = sentences(section(&html, "summary-heading")).remove(0);
            // The organisation page says the same of it.
            let organisation = page(&format!("{lang}/{}/index.html", scorecard.organisation()));
            assert!(
                sentences(&organisation).contains(&sentence),
                "{path}: {sentence} on the organisation page"
            );
            assert_eq!(
                counts.iter().sum::<usize>(),
                scorecard.goals().count(),
                "{path}"
            );
            by_scorecard.insert(path, sentence);
            checked += 1;
        }
        let listed = sentences(section(&home, "organisations-heading"));
        for (path, sentence) in &by_scorecard {
            assert!(
                listed.contains(sentence),
                "{path}: {sentence} on the home page"
            );
        }
    }
    assert_eq!(checked, 3 * loaded.site.scorecards.len());
}

/// The sentence reads naturally for 0, 1 and many, and leaves out the
/// counts that are zero.
#[test]
fn the_status_sentence_reads_for_one_goal_and_for_none_assessed() {
    let site = TestSite::fixture("minimal");
    let file = "content/scorecards/testila/2024-tekniikka.yaml";
    // One goal, on track by its one target.
    let text = site.read(file);
    let start = text.find("      - id: kavely").unwrap();
    let end = text.find("risks:").unwrap();
    site.write(file, format!("{}{}", &text[..start], &text[end..]));
    let built = site.build();
    assert!(built.status.success(), "{}", stderr(&built));
    let fi = site.read("public/fi/testila/2024-tekniikka/index.html");
    assert_eq!(sentences(&fi), ["Ainoa tavoite etenee."]);
    let en = site.read("public/en/testila/2024-tekniikka/index.html");
    assert_eq!(sentences(&en), ["The only goal is on track."]);
    // Two goals, neither assessed.
    site.write(
        file,
        text.replace("            status: on-track\n", "")
            .replace("        status: achieved\n", ""),
    );
    assert!(site.build().status.success());
    let fi = site.read("public/fi/testila/2024-tekniikka/index.html");
    assert_eq!(
        sentences(&fi),
        ["2 tavoitteesta yhdenkään tilaa ei arvioitu seurannassa."]
    );
    let sv = site.read("public/sv/testila/2024-tekniikka/index.html");
    assert_eq!(
        sentences(&sv),
        ["Läget bedömdes inte i uppföljningen för något av de 2 målen."]
    );
}

/// A goal with targets and no status of its own has the weakest of theirs:
/// not achieved, at risk, not assessed, on track, achieved. Targets without
/// a status never give a goal one.
#[test]
fn a_goal_has_the_weakest_status_of_its_targets() {
    let site = TestSite::fixture("minimal");
    let file = "content/scorecards/testila/2024-tekniikka.yaml";
    let target = |id: &str, status: Option<&str>| {
        format!(
            "          - id: {id}\n            title: {{fi: Osa {id}., sv: Del {id}., en: Part {id}.}}\n{}",
            status.map_or(String::new(), |s| format!("            status: {s}\n"))
        )
    };
    let goal = |id: &str, targets: &[(&str, Option<&str>)]| {
        format!(
            "      - id: {id}\n        title: {{fi: Tavoite {id}., sv: Mål {id}., en: Goal {id}.}}\n        targets:\n{}",
            targets
                .iter()
                .map(|(t, s)| target(t, *s))
                .collect::<String>()
        )
    };
    let goals = [
        // An achieved and an at-risk target, and one not assessed: at risk.
        goal(
            "vaarassa",
            &[
                ("a1", Some("achieved")),
                ("a2", Some("at-risk")),
                ("a3", None),
            ],
        ),
        // Every target achieved: achieved.
        goal(
            "valmis",
            &[("b1", Some("achieved")), ("b2", Some("achieved"))],
        ),
        // On track, and one not assessed: not assessed, not on track.
        goal("kesken", &[("c1", Some("on-track")), ("c2", None)]),
        // No target has a status: not assessed.
        goal("tuntematon", &[("d1", None), ("d2", None)]),
        // One target not achieved outweighs one on track.
        goal(
            "ei",
            &[("e1", Some("on-track")), ("e2", Some("not-achieved"))],
        ),
    ]
    .concat();
    let text = site.read(file);
    let at = text.find("      - id: kavely").unwrap();
    site.write(file, format!("{}{goals}{}", &text[..at], &text[at..]));
    let built = site.build();
    assert!(built.status.success(), "{}", stderr(&built));

    let fi = site.read("public/fi/testila/2024-tekniikka/index.html");
    // pyoraily (its one target on track), kavely (achieved) and the five:
    // achieved 2, on track 1, at risk 1, not achieved 1, not assessed 2.
    assert_eq!(
        status_counts(&fi, "status_all").unwrap(),
        ["2", "1", "1", "1", "2"]
    );
    assert_eq!(
        sentences(&fi),
        [
            "7 tavoitteesta 2 saavutettiin, 1 etenee, 1 on vaarassa ja 1 jäi saavuttamatta; 2 tavoitteen tilaa ei arvioitu seurannassa."
        ]
    );
    // The rule is said on the page, once.
    let rule = "sen tila on osatavoitteiden heikoin";
    assert_eq!(fi.matches(rule).count(), 1);
    for (goal, status) in [
        ("vaarassa", "at-risk"),
        ("valmis", "achieved"),
        ("kesken", "not-assessed"),
        ("tuntematon", "not-assessed"),
        ("ei", "not-achieved"),
        ("pyoraily", "on-track"),
    ] {
        let article = &fi[fi.find("<article class=\"goal").unwrap()..];
        let article = &article[article.find(&format!("id=\"{goal}\"")).unwrap()..];
        let line = &article[article.find("<p class=\"status-line\">").unwrap()..];
        let line = &line[..line.find("</p>").unwrap()];
        assert!(line.contains(&format!("status-{status}")), "{goal}: {line}");
        assert!(line.contains("osatavoitteiden mukaan"), "{goal}: {line}");
        // The goal's own page shows it too, with the rule.
        let page = site.read(&format!(
            "public/fi/testila/2024-tekniikka/{goal}/index.html"
        ));
        let shown = section(&page, "goal-status-heading");
        assert!(shown.contains(&format!("status-{status}")), "{goal}");
        assert!(shown.contains(rule), "{goal}");
    }
    // A goal with a status of its own keeps it, without the note.
    let own = site.read("public/fi/testila/2024-tekniikka/kavely/index.html");
    assert!(!own.contains("osatavoitteiden mukaan"));
}
