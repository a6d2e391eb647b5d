//! Every kind of malformed content fails `check` and `build` with a located
//! error, and leaves the previous output untouched.

use std::fs;
use std::path::Path;

use crate::common::{TestSite, repo_root, snapshot, stderr};

const SCORECARD: &str = "content/scorecards/testila/2024-tekniikka.yaml";

/// The files of an invalid case (`tests/fixtures/invalid/<case>/`), by path
/// relative to the case: each replaces the minimal fixture's file of that
/// name. A line that should be reported ends with the marker `# ERROR`.
fn case_files(dir: &Path, base: &Path, out: &mut Vec<(String, String)>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            case_files(&path, base, out);
        } else if path.file_name().is_some_and(|n| n != "expected.txt") {
            let relative = path
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((relative, fs::read_to_string(&path).unwrap()));
        }
    }
}

/// The line number of the first line of `text` that contains `marker`.
fn line_of(text: &str, marker: &str) -> usize {
    text.lines()
        .position(|l| l.contains(marker))
        .unwrap_or_else(|| panic!("no line with `{marker}`"))
        + 1
}

/// Every case under `tests/fixtures/invalid/`: `check` and `build` exit 1,
/// report each marked line at its file and line with the expected words
/// (`expected.txt`), and leave the previous output as it was; the whole
/// report of `check`, with its source excerpts and hints, is a snapshot.
#[test]
fn each_malformed_file_fails_with_its_location_and_keeps_the_old_output() {
    let cases = repo_root().join("tests/fixtures/invalid");
    let mut names: Vec<_> = fs::read_dir(&cases)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 15, "{names:?}");
    for case in names {
        let dir = cases.join(&case);
        let expected = fs::read_to_string(dir.join("expected.txt")).unwrap();
        let mut files = Vec::new();
        case_files(&dir, &dir, &mut files);
        let site = TestSite::fixture("minimal");
        let first = site.build();
        assert!(
            first.status.success(),
            "{case}: the valid fixture builds: {}",
            stderr(&first)
        );
        let before = snapshot(&site.out());
        let mut locations = Vec::new();
        for (file, text) in &files {
            assert!(
                site.root().join(file).is_file(),
                "{case}: {file} replaces a file of the minimal fixture"
            );
            site.write(file, text);
            for (i, line) in text.lines().enumerate() {
                if line.trim_end().ends_with("# ERROR") {
                    locations.push(format!("{file}:{}:", i + 1));
                }
            }
        }
        let check = site.run(&["check", "--root", ".", "--lang", "en"]);
        let build = site.run(&["build", "--root", ".", "--out", "public", "--lang", "en"]);
        for output in [&check, &build] {
            let err = stderr(output);
            assert_eq!(
                output.status.code(),
                Some(1),
                "{case}: exit code 1 expected\n{err}"
            );
            for location in &locations {
                assert!(
                    err.contains(location),
                    "{case}: expected `{location}` in:\n{err}"
                );
            }
            for words in expected.lines().filter(|l| !l.is_empty()) {
                assert!(err.contains(words), "{case}: expected `{words}` in:\n{err}");
            }
        }
        assert_eq!(
            snapshot(&site.out()),
            before,
            "{case}: the previous output changed"
        );
        // The report in each language: the same places, each with a hint.
        let mut report = String::new();
        for lang in ["fi", "sv", "en"] {
            let output = site.run(&["check", "--root", ".", "--lang", lang]);
            let err = stderr(&output);
            for location in &locations {
                assert!(
                    err.contains(location),
                    "{case} {lang}: `{location}` in:\n{err}"
                );
            }
            assert!(err.contains("= hint: "), "{case} {lang}: a hint in:\n{err}");
            report.push_str(&format!("--- {lang}\n{err}"));
        }
        let report = report.replace(&site.root().display().to_string(), "[ROOT]");
        insta::assert_snapshot!(format!("invalid-{case}"), report);
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
    // The line of the changed likelihood, found in the file as written.
    let likelihood = line_of(&site.read(SCORECARD), "likelihood: 9");
    for expected in [
        format!("{SCORECARD}:{likelihood}:17:").as_str(),
        "content/organisations/broken.yaml:2:",
        "content/organisations/other.yaml:2:12: error: There is no network `ei-ole`.",
    ] {
        assert!(err.contains(expected), "expected `{expected}` in:\n{err}");
    }
    assert!(err.contains("3 errors."), "{err}");
}

#[test]
fn hostile_bytes_and_shapes_give_located_errors_not_panics() {
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("non-UTF-8", b"name: {fi: Kemij\xe4rvi}\n".to_vec(), "content/organisations/x.yaml:1:17: error: The file is not saved as UTF-8 text."),
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
    assert!(err.contains("content/site.yaml:") && err.contains("warning: The accessibility statement was last reviewed on 2020-01-31, over a year ago."), "{err}");
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

/// Every web address of the content (the accessibility statement's feedback
/// and authority, an organisation's web site) with a `javascript:`,
/// `data:` or `vbscript:` value: `check` reports each at its line, and
/// nothing is built.
#[test]
fn every_web_address_is_checked_for_its_scheme() {
    for scheme in [
        "javascript:alert(1)",
        "data:text/html,<b>x</b>",
        "VBScript:msgbox",
    ] {
        let site = TestSite::fixture("minimal");
        let config = site.read("content/site.yaml");
        let feedback = "    email: saavutettavuus@example.fi\n";
        let authority = "    url: https://www.saavutettavuusvaatimukset.fi/\n";
        assert!(config.contains(feedback) && config.contains(authority));
        // Both addresses of the accessibility statement.
        let with = config
            .replace(
                feedback,
                &format!("{feedback}    url: \"{scheme}\" # ERROR\n"),
            )
            .replace(authority, &format!("    url: \"{scheme}\" # ERROR\n"));
        site.write("content/site.yaml", &with);
        let organisation = site.read("content/organisations/testila.yaml");
        site.write(
            "content/organisations/testila.yaml",
            format!("{organisation}website: \"{scheme}\" # ERROR\n"),
        );
        let output = site.check();
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{scheme}: {err}");
        let mut expected = Vec::new();
        for file in ["content/site.yaml", "content/organisations/testila.yaml"] {
            let text = site.read(file);
            for (i, line) in text.lines().enumerate() {
                if line.ends_with("# ERROR") {
                    expected.push(format!("{file}:{}:", i + 1));
                }
            }
        }
        assert_eq!(
            expected.len(),
            3,
            "{scheme}: the fixture has two statement addresses"
        );
        for location in expected {
            assert!(
                err.contains(&location),
                "{scheme}: expected {location} in\n{err}"
            );
        }
        assert_eq!(err.matches("is not a web address: only addresses starting with https:// or http:// are published as links.").count(), 3, "{err}");
        assert!(!site.build().status.success());
        assert!(!site.out().exists(), "nothing built");
    }
}

/// Links that lead out of the project, in content/, themes/ and i18n/, are
/// errors at their own path: nothing of what they point to is read,
/// published or shown.
#[cfg(unix)]
#[test]
fn links_out_of_the_project_are_refused_without_echo() {
    let site = TestSite::fixture("minimal");
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("salaisuus.txt");
    fs::write(
        &secret,
        "---\ntitle: SALAINEN-RIVI\n---\nroot:x:0:0:SALAINEN\n",
    )
    .unwrap();
    let links = [
        "content/pages/vuoto.fi.md",
        "themes/default/static/passwd.css",
        "i18n/fi/vuoto.ftl",
    ];
    // One at a time: content is read first, and a content error stops the
    // build before the theme and the UI strings are read.
    for link in links {
        let path = site.root().join(link);
        std::os::unix::fs::symlink(&secret, &path).unwrap();
        for output in [site.check(), site.build()] {
            let err = stderr(&output);
            assert_eq!(output.status.code(), Some(1), "{link}: {err}");
            let expected = format!(
                "{link}:1:1: error: This is a link to a file outside the project; it is not read."
            );
            assert!(err.contains(&expected), "{link}: {err}");
            assert!(
                !err.contains("SALAINEN"),
                "the target's text is echoed: {err}"
            );
        }
        assert!(!site.out().exists(), "nothing built");
        fs::remove_file(path).unwrap();
    }
    assert!(site.build().status.success());
}
