//! Mistakes caught before publishing: the placeholders of `new` and the
//! example addresses warn in `check`, count as missing translations, and
//! fail `build --strict`.

use crate::common::{TestSite, stderr};

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn placeholders_and_example_addresses_warn_count_as_missing_and_fail_strict() {
    let site = TestSite::fixture("minimal");
    let before = site.run(&["check", "--root", ".", "--translations", "--lang", "en"]);
    let missing_before = stdout(&before).lines().count();
    let made = site.run(&["new", "scorecard", "testila", "2025-uusi"]);
    assert!(made.status.success(), "{}", stderr(&made));
    let made = site.run(&["new", "update", "2024-08-01-uusi"]);
    assert!(made.status.success(), "{}", stderr(&made));

    let check = site.run(&["check", "--root", ".", "--lang", "en"]);
    let err = stderr(&check);
    assert!(check.status.success(), "warnings do not fail check: {err}");
    let scorecard = "content/scorecards/testila/2025-uusi.yaml";
    let text = site.read(scorecard);
    let unit_line = text.lines().position(|l| l.starts_with("unit:")).unwrap() + 1;
    assert!(
        err.contains(&format!(
            "{scorecard}:{unit_line}:13: warning: The field `unit` still holds the starting file's placeholder text."
        )),
        "{err}"
    );
    for field in [
        "summary",
        "themes[teema].title",
        "themes[teema].goals[tavoite].title",
        "themes[teema].goals[tavoite].follow_up",
    ] {
        assert!(
            err.contains(&format!("The field `{field}` still holds")),
            "{field}: {err}"
        );
    }
    for lang in ["fi", "sv", "en"] {
        let update = format!("content/updates/2024-08-01-uusi.{lang}.md");
        for field in ["title", "summary", "body"] {
            let line = format!("The field `{field}` still holds");
            assert!(
                err.lines()
                    .any(|l| l.starts_with(&update) && l.contains(&line)),
                "{update} {field}: {err}"
            );
        }
    }
    assert!(err.contains("content/site.yaml:10:11: warning: The field `base_url` holds the example address https://tavoitteet.example.fi"), "{err}");
    assert!(err.contains("warning: The field `accessibility.feedback.email` holds the example address saavutettavuus@example.fi"), "{err}");
    assert!(err.contains("hint: write the site's real address in base_url"));
    // The same in Finnish and Swedish.
    let fi = stderr(&site.run(&["check", "--root", ".", "--lang", "fi"]));
    assert!(
        fi.contains("warning: Kentässä `unit` on yhä aloitustiedoston paikkateksti."),
        "{fi}"
    );
    let sv = stderr(&site.run(&["check", "--root", ".", "--lang", "sv"]));
    assert!(
        sv.contains("warning: I fältet `unit` står fortfarande startfilens platshållartext."),
        "{sv}"
    );

    // A placeholder is a missing translation, in every language it is untouched.
    let report = site.run(&["check", "--root", ".", "--translations", "--lang", "en"]);
    let listed = stdout(&report);
    assert!(
        listed.contains(&format!("{scorecard}: unit: missing fi, sv, en")),
        "{listed}"
    );
    assert!(
        listed.contains("content/updates/2024-08-01-uusi.*.md: (file): missing fi, sv, en"),
        "{listed}"
    );
    assert!(listed.lines().count() > missing_before + 5);

    // A build publishes with warnings; a strict one does not.
    let build = site.build();
    assert!(build.status.success(), "{}", stderr(&build));
    let strict = site.run(&[
        "build", "--root", ".", "--out", "public", "--strict", "--lang", "en",
    ]);
    assert_eq!(strict.status.code(), Some(1), "{}", stderr(&strict));
    assert!(stderr(&strict).contains("error: The field `unit` still holds"));
    // --base-url replaces the example address: no warning about base_url.
    let given = site.run(&["check", "--root", ".", "--lang", "en"]);
    assert!(stderr(&given).contains("`base_url`"));
    let with_url = site.run(&[
        "build",
        "--root",
        ".",
        "--out",
        "public",
        "--base-url",
        "https://tavoitteet.espoo.fi/",
        "--lang",
        "en",
    ]);
    assert!(
        !stderr(&with_url).contains("`base_url`"),
        "{}",
        stderr(&with_url)
    );

    // Once every text and address is real, the strict build passes.
    std::fs::remove_file(site.root().join(scorecard)).unwrap();
    for lang in ["fi", "sv", "en"] {
        std::fs::remove_file(
            site.root()
                .join(format!("content/updates/2024-08-01-uusi.{lang}.md")),
        )
        .unwrap();
    }
    let config = site
        .read("content/site.yaml")
        .replace("saavutettavuus@example.fi", "saavutettavuus@testila.fi");
    site.write("content/site.yaml", config);
    let strict = site.run(&[
        "build",
        "--root",
        ".",
        "--out",
        "public",
        "--strict",
        "--base-url",
        "https://tavoitteet.testila.fi/",
    ]);
    assert!(strict.status.success(), "{}", stderr(&strict));
}
