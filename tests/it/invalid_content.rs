//! Every kind of malformed content fails `check` and `build` with a located
//! error, and leaves the previous output untouched.

use crate::common::{TestSite, snapshot, stderr};

const SCORECARD: &str = "content/scorecards/testila/2024-tekniikka.yaml";

/// (case, file, a replacement of `from` by `to` in the valid fixture file, expected location, expected message)
fn cases() -> Vec<(
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
)> {
    vec![
        (
            "unknown field",
            SCORECARD,
            "            status: on-track",
            "            statsu: on-track",
            ":21:13:",
            "did you mean `status`?",
        ),
        (
            "wrong type",
            SCORECARD,
            "year: 2024",
            "year: kaksituhatta",
            ":4:7:",
            "invalid i32",
        ),
        (
            "likelihood 5",
            SCORECARD,
            "    likelihood: 2",
            "    likelihood: 5",
            ":30:17:",
            "1 (low) to 4 (high)",
        ),
        (
            "dangling organisation",
            SCORECARD,
            "organisation: testila",
            "organisation: testilä2",
            ":1:15:",
            "organisation",
        ),
        (
            "row with more values than columns",
            SCORECARD,
            "values: [-1234567, -1300000]",
            "values: [-1234567, -1300000, 5]",
            ":43:17:",
            "has 3 values but the table `talous` has 2 columns",
        ),
        (
            "bad status value",
            SCORECARD,
            "            status: on-track",
            "            status: going-well",
            ":21:21:",
            "unknown variant `going-well`",
        ),
        (
            "broken YAML syntax",
            SCORECARD,
            "themes:\n",
            "themes: [\n",
            ":7:3:",
            "only valid inside a block",
        ),
        (
            "dangling risk theme",
            SCORECARD,
            "  - theme: liikenne",
            "  - theme: liikene",
            ":28:12:",
            "did you mean `liikenne`?",
        ),
        (
            "duplicate goal id",
            SCORECARD,
            "      - id: kavely",
            "      - id: pyoraily",
            ":23:13:",
            "duplicate goal or target id `pyoraily`",
        ),
        (
            "missing field",
            SCORECARD,
            "kind: scorecard\n",
            "",
            ":",
            "missing field `kind`",
        ),
        (
            "bad date",
            SCORECARD,
            "status_date: 2024-06-30",
            "status_date: 2024-06-31",
            ":5:14:",
            "not a calendar date",
        ),
        (
            "unknown metric",
            SCORECARD,
            "                unit: {fi: km, sv: km, en: km}",
            "                metric: ei-ole\n                unit: {fi: km, sv: km, en: km}",
            ":18:25:",
            "unknown metric `ei-ole`",
        ),
        (
            "dangling related in an update",
            "content/updates/2024-07-01-seuranta.fi.md",
            "related: [testila/2024-tekniikka]",
            "related: [testila/ei-ole]",
            ":5:11:",
            "no scorecard or goal",
        ),
        (
            "unknown front matter field",
            "content/pages/tietoa.fi.md",
            "title: Tietoa sivustosta",
            "title: Tietoa sivustosta\nauthor: x",
            ":3:1:",
            "unknown field `author`",
        ),
        (
            "duplicate key",
            "content/organisations/testila.yaml",
            "municipality_code: \"999\"",
            "municipality_code: \"999\"\nmunicipality_code: \"998\"",
            ":3:1:",
            "duplicate",
        ),
    ]
}

#[test]
fn each_malformed_file_fails_with_its_location_and_keeps_the_old_output() {
    for (case, file, from, to, location, message) in cases() {
        let site = TestSite::fixture("minimal");
        let first = site.build();
        assert!(
            first.status.success(),
            "{case}: the valid fixture builds: {}",
            stderr(&first)
        );
        let before = snapshot(&site.out());

        let original = site.read(file);
        assert!(
            original.contains(from),
            "{case}: fixture text `{from}` not found in {file}"
        );
        site.write(file, original.replacen(from, to, 1));

        for output in [site.check(), site.build()] {
            let err = stderr(&output);
            assert_eq!(
                output.status.code(),
                Some(1),
                "{case}: exit code 1 expected, got {:?}\n{err}",
                output.status.code()
            );
            let expected = format!("{file}{location}");
            assert!(
                err.contains(&expected),
                "{case}: expected `{expected}` in:\n{err}"
            );
            assert!(
                err.contains(message),
                "{case}: expected `{message}` in:\n{err}"
            );
        }
        assert_eq!(
            snapshot(&site.out()),
            before,
            "{case}: the previous output changed"
        );
    }
}

#[test]
fn all_errors_are_reported_in_one_run() {
    let site = TestSite::fixture("minimal");
    let scorecard = site.read(SCORECARD);
    site.write(
        SCORECARD,
        scorecard
            .replace("    likelihood: 2", "    likelihood: 9")
            .replace("values: [-1234567, -1300000]", "values: [1]"),
    );
    site.write(
        "content/organisations/broken.yaml",
        "name: {fi: Rikki}\nwebsite: [\n",
    );
    site.write(
        "content/organisations/other.yaml",
        "name: {fi: Muu}\nnetworks: [ei-ole]\n",
    );
    let output = site.check();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1));
    for expected in [
        "content/scorecards/testila/2024-tekniikka.yaml:30:17:",
        "content/organisations/broken.yaml:2:",
        "content/organisations/other.yaml:2:12: error: unknown network `ei-ole`",
    ] {
        assert!(err.contains(expected), "expected `{expected}` in:\n{err}");
    }
    assert!(err.contains("3 error(s)"), "{err}");
}

#[test]
fn hostile_bytes_and_shapes_give_located_errors_not_panics() {
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("non-UTF-8", b"name: {fi: Kemij\xe4rvi}\n".to_vec(), "content/organisations/x.yaml:1:17: error: the file is not valid UTF-8"),
        ("billion laughs", b"a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\n".to_vec(), "content/organisations/x.yaml:"),
        ("deep nesting", format!("name: {}{}\n", "[".repeat(5000), "]".repeat(5000)).into_bytes(), "content/organisations/x.yaml:1:"),
    ];
    for (case, bytes, expected) in cases {
        let site = TestSite::fixture("minimal");
        site.write("content/organisations/x.yaml", bytes);
        let output = site.check();
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{case}: {err}");
        assert!(
            err.contains(expected),
            "{case}: expected `{expected}` in:\n{err}"
        );
        assert!(!err.contains("panicked"), "{case}: {err}");
    }
}

#[test]
fn bom_and_crlf_are_accepted() {
    let site = TestSite::fixture("minimal");
    let org = site
        .read("content/organisations/testila.yaml")
        .replace('\n', "\r\n");
    site.write(
        "content/organisations/testila.yaml",
        format!("\u{feff}{org}"),
    );
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        site.read("public/sv/testila/index.html")
            .contains("Testby stad")
    );
}

#[test]
fn an_old_accessibility_review_is_a_warning() {
    let site = TestSite::fixture("minimal");
    let config = site.read("content/site.yaml");
    let old = config
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("reviewed:") {
                "  reviewed: 2020-01-31".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    site.write("content/site.yaml", old);
    let output = site.check();
    let err = stderr(&output);
    assert!(
        output.status.success(),
        "a warning does not fail the check: {err}"
    );
    assert!(err.contains("content/site.yaml:") && err.contains("warning: the accessibility statement was last reviewed on 2020-01-31, over a year ago"), "{err}");
}

#[test]
fn a_template_that_names_a_missing_ui_string_fails_the_build() {
    let site = TestSite::fixture("minimal");
    let template = site.read("themes/default/templates/page.html");
    site.write(
        "themes/default/templates/page.html",
        template.replace("<article>", "<article><p>{{ t(\"no-such-string\") }}</p>"),
    );
    let output = site.build();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "the theme uses the UI string `no-such-string`, which i18n/fi/ does not define"
        ),
        "{err}"
    );
    assert!(!site.out().exists(), "nothing was written");
}

#[test]
fn a_ui_string_missing_in_one_language_is_caught() {
    let site = TestSite::fixture("minimal");
    let sv = site.read("i18n/sv/main.ftl");
    site.write(
        "i18n/sv/main.ftl",
        sv.replace("nav-home = Startsidan\n", ""),
    );
    let output = site.build();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains("`nav-home`, which i18n/sv/ does not define"),
        "{err}"
    );
    assert!(
        err.contains("the UI string `nav-home` is in i18n/fi/ but not in i18n/sv/"),
        "{err}"
    );
}

#[test]
fn a_one_megabyte_text_builds_escaped() {
    let site = TestSite::fixture("minimal");
    let long = "<b>pitkä</b> teksti ".repeat(1024 * 1024 / 20);
    let file = "content/scorecards/testila/2024-tekniikka.yaml";
    let text = site.read(file).replace(
        "follow_up: {fi: Tavoite saavutettiin., sv: Målet uppnåddes., en: The goal was achieved.}",
        &format!("follow_up:\n          fi: |-\n            {long}\n          sv: Målet uppnåddes.\n          en: The goal was achieved."),
    );
    assert!(text.len() > 1_000_000);
    site.write(file, text);
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let page = site.read("public/fi/testila/2024-tekniikka/kavely/index.html");
    assert!(page.len() > 1_000_000);
    assert!(
        !page.contains("<b>pitkä</b>"),
        "raw HTML in Markdown is not rendered"
    );
}

/// A template that fails while a page renders is reported at its own file
/// and line (found by a marker), not at a made-up place.
#[test]
fn a_failing_template_is_reported_at_its_file_and_line() {
    let site = TestSite::fixture("minimal");
    let template = "themes/default/templates/goal.html";
    let text = site.read(template);
    let mut lines: Vec<&str> = text.lines().collect();
    let at = lines.len() / 2;
    lines.insert(at, "{{ no_such_value.field }}");
    site.write(template, lines.join("\n") + "\n");
    let output = site.build();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let err = stderr(&output);
    let marker = format!("{template}:{}:", at + 1);
    assert!(err.contains(&marker), "expected {marker} in:\n{err}");
    assert!(err.contains("no_such_value"), "{err}");
    assert!(!err.contains("themes:1:1"), "{err}");
}
