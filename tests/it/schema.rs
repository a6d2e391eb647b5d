//! The JSON Schema of the content files (`tuloskortti schema`) accepts every
//! real content file and rejects malformed ones, as `check` does; `new`
//! writes files that pass both; synthetic sites pass both.

use std::fs;
use std::path::{Path, PathBuf};

use crate::common::{TestSite, repo_root, run_in, stderr};
use crate::synth;
use serde_json::Value;
use tuloskortti::schema::{for_kind, kind_of};

const SCORECARD: &str = "content/scorecards/testila/2024-tekniikka.yaml";

fn validator(kind: &str) -> jsonschema::Validator {
    jsonschema::validator_for(&for_kind(kind).unwrap()).expect("the schema compiles")
}

/// The YAML a content file holds (a Markdown file's front matter).
fn document(path: &Path, text: &str) -> Value {
    let yaml = if path.extension().is_some_and(|e| e == "md") {
        let rest = text.strip_prefix("---\n").expect("front matter");
        &rest[..rest.find("\n---").expect("the end of the front matter") + 1]
    } else {
        text
    };
    serde_saphyr::from_str(yaml).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every schema error of every content file under `root/content`.
fn schema_errors(root: &Path) -> (usize, Vec<String>) {
    let mut files = Vec::new();
    walk(&root.join("content"), &mut files);
    let mut checked = 0;
    let mut errors = Vec::new();
    for file in files {
        let relative = file.strip_prefix(root).unwrap();
        let Some(kind) = kind_of(relative) else {
            continue;
        };
        let text = fs::read_to_string(&file).unwrap();
        let value = document(relative, &text);
        for error in validator(kind).iter_errors(&value) {
            errors.push(format!(
                "{}: {} at {}",
                relative.display(),
                error,
                error.instance_path()
            ));
        }
        checked += 1;
    }
    (checked, errors)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else if !entry.file_name().to_string_lossy().starts_with('.') {
            out.push(path);
        }
    }
}

#[test]
fn every_content_file_matches_the_schema() {
    let mut roots = vec![repo_root()];
    for entry in fs::read_dir(repo_root().join("tests/fixtures")).unwrap() {
        let path = entry.unwrap().path();
        if path.join("content").is_dir() {
            roots.push(path);
        }
    }
    let mut total = 0;
    for root in roots {
        let (checked, errors) = schema_errors(&root);
        assert!(
            errors.is_empty(),
            "{}:\n{}",
            root.display(),
            errors.join("\n")
        );
        total += checked;
    }
    assert!(total >= 8, "only {total} files");
}

#[test]
fn malformed_content_is_rejected_by_the_schema_and_by_check() {
    let valid =
        fs::read_to_string(repo_root().join("tests/fixtures/minimal").join(SCORECARD)).unwrap();
    let cases = [
        (
            "unknown field",
            "            status: on-track",
            "            statsu: on-track",
        ),
        (
            "bad status",
            "            status: on-track",
            "            status: done",
        ),
        ("likelihood 5", "    likelihood: 2", "    likelihood: 5"),
        ("likelihood 0", "    likelihood: 2", "    likelihood: 0"),
        ("wrong type", "year: 2024", "year: kaksituhatta"),
        (
            "text as a list",
            "unit: {fi: Tekninen keskus, sv: Tekniska centralen, en: Technical Centre}",
            "unit: [Tekninen keskus]",
        ),
        (
            "not a language code",
            "en: Technical Centre}",
            "english: Technical Centre}",
        ),
        (
            "bad date",
            "status_date: 2024-06-30",
            "status_date: 30.6.2024",
        ),
        ("bad id", "  - id: liikenne", "  - id: Liikenne"),
        ("bad kind", "kind: scorecard", "kind: report"),
        (
            "missing unit",
            "unit: {fi: Tekninen keskus, sv: Tekniska centralen, en: Technical Centre}\n",
            "",
        ),
        (
            "text in a figure",
            "values: [-1234567, -1300000]",
            "values: [-1234567, paljon]",
        ),
        (
            "bad period",
            "{period: 2024-H1, value: 3.5}",
            "{period: 2024-H3, value: 3.5}",
        ),
        ("bad risk status", "    status: green", "    status: blue"),
    ];
    let scorecard = validator("scorecard");
    for (case, from, to) in cases {
        assert!(valid.contains(from), "{case}");
        let broken = valid.replacen(from, to, 1);
        let value: Value = match serde_saphyr::from_str(&broken) {
            Ok(value) => value,
            Err(err) => panic!("{case}: not YAML at all: {err}"),
        };
        assert!(!scorecard.is_valid(&value), "{case}: the schema accepts it");
        let site = TestSite::fixture("minimal");
        site.write(SCORECARD, &broken);
        let output = site.check();
        assert_eq!(output.status.code(), Some(1), "{case}: check accepts it");
    }
    assert!(scorecard.is_valid(&serde_saphyr::from_str::<Value>(&valid).unwrap()));
    // Other kinds of file.
    let organisation = validator("organisation");
    for (case, text) in [
        (
            "unknown field",
            "name: Testilä\nwebsite_url: https://x.fi/\n",
        ),
        ("code as a number", "name: Testilä\nmunicipality_code: 49\n"),
        ("no name", "municipality_code: \"049\"\n"),
    ] {
        let value: Value = serde_saphyr::from_str(text).unwrap();
        assert!(!organisation.is_valid(&value), "organisation: {case}");
    }
    let update = validator("update");
    let value: Value =
        serde_saphyr::from_str("title: x\ndate: 2024-07-01\nrelated: [Testilä]\n").unwrap();
    assert!(!update.is_valid(&value));
}

#[test]
fn the_command_prints_and_writes_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    let output = run_in(dir.path(), &["schema"]);
    assert!(output.status.success());
    let bundle: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        bundle["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert!(jsonschema::meta::is_valid(&bundle));
    let output = run_in(dir.path(), &["schema", "--kind", "scorecard"]);
    let scorecard: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(scorecard["$ref"], "#/$defs/scorecard");
    let output = run_in(dir.path(), &["schema", "--out", "schemas"]);
    assert!(output.status.success(), "{}", stderr(&output));
    for kind in tuloskortti::schema::KINDS {
        let text =
            fs::read_to_string(dir.path().join(format!("schemas/{kind}.schema.json"))).unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        assert!(jsonschema::meta::is_valid(&value), "{kind}");
    }
    let output = run_in(dir.path(), &["schema", "--kind", "nonsense"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn new_files_pass_check_and_the_schema() {
    let site = TestSite::fixture("minimal");
    let created = site.run(&["new", "scorecard", "testila", "2026-liikenne"]);
    assert!(created.status.success(), "{}", stderr(&created));
    assert_eq!(
        String::from_utf8_lossy(&created.stdout).trim(),
        "content/scorecards/testila/2026-liikenne.yaml"
    );
    // A new organisation gets its own file too.
    let created = site.run(&["new", "scorecard", "uusikunta", "2026-sivistys"]);
    assert!(created.status.success(), "{}", stderr(&created));
    assert!(
        site.root()
            .join("content/organisations/uusikunta.yaml")
            .exists()
    );
    let created = site.run(&["new", "update", "2026-02-01-uusi-tuloskortti"]);
    assert!(created.status.success(), "{}", stderr(&created));
    let written = String::from_utf8_lossy(&created.stdout).into_owned();
    assert_eq!(written.lines().count(), 3, "{written}");
    let check = site.check();
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(!stderr(&check).contains("warning: content/scorecards/testila/2026"));
    let (_, errors) = schema_errors(site.root());
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    // Commented, in every language.
    let scorecard = site.read("content/scorecards/testila/2026-liikenne.yaml");
    assert!(
        scorecard
            .lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .count()
            > 10
    );
    for lang in ["fi:", "sv:", "en:"] {
        assert!(scorecard.contains(lang));
    }
    let swedish = site.read("content/updates/2026-02-01-uusi-tuloskortti.sv.md");
    // In quotes: tools of YAML 1.1 would read a bare date as a date, not text.
    assert!(swedish.contains("date: \"2026-02-01\""), "{swedish}");
    assert!(swedish.contains("Nyhetens rubrik"), "{swedish}");
    // Never overwritten.
    site.write("content/scorecards/testila/2026-liikenne.yaml", "# mine\n");
    let again = site.run(&["new", "scorecard", "testila", "2026-liikenne"]);
    assert_eq!(again.status.code(), Some(2));
    // In the reader's language (the site's first, Finnish, under LANG=C).
    assert!(
        stderr(&again).contains("on jo olemassa"),
        "{}",
        stderr(&again)
    );
    assert_eq!(
        site.read("content/scorecards/testila/2026-liikenne.yaml"),
        "# mine\n"
    );
    let bad = site.run(&["new", "update", "Uusi Juttu"]);
    assert_eq!(bad.status.code(), Some(2));
    // And the site builds with them.
    site.write(
        "content/scorecards/testila/2026-liikenne.yaml",
        site.read("content/scorecards/uusikunta/2026-sivistys.yaml")
            .replace("organisation: uusikunta", "organisation: testila"),
    );
    let build = site.build();
    assert!(build.status.success(), "{}", stderr(&build));
}

#[test]
fn synthetic_sites_pass_check_and_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    let (files, _) = synth::generate(5, 45);
    let root = dir.path().join("site");
    synth::write(&root, &files).unwrap();
    crate::common::copy_dir(&repo_root().join("themes"), &root.join("themes"));
    crate::common::copy_dir(&repo_root().join("i18n"), &root.join("i18n"));
    let check = run_in(&root, &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    let (checked, errors) = schema_errors(&root);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert!(checked > 45);
    // The same seed, the same site.
    let (again, _) = synth::generate(5, 45);
    synth::write(&dir.path().join("again"), &again).unwrap();
    assert_eq!(
        crate::common::snapshot(&root.join("content")),
        crate::common::snapshot(&dir.path().join("again/content"))
    );
}

/// The descriptions every editor shows, in the reader's language: each one
/// the model documents has its Finnish, Swedish and English UI string, and
/// the English one says what the documentation says.
#[test]
fn the_schema_speaks_finnish_swedish_and_english() {
    let schema = tuloskortti::schema::bundle();
    let mut documented = Vec::new();
    for (name, definition) in schema["$defs"].as_object().unwrap() {
        if let Some(text) = definition["description"].as_str() {
            documented.push((format!("schema-{name}"), text.to_string()));
        }
        for (field, property) in definition["properties"].as_object().into_iter().flatten() {
            if let Some(text) = property["description"].as_str() {
                documented.push((format!("schema-{name}-{field}"), text.to_string()));
            }
        }
    }
    assert!(documented.len() > 30, "{documented:?}");
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    for (id, english) in &documented {
        for lang in ["fi", "sv", "en"] {
            let said = tuloskortti::i18n::say_id(id, &[], lang, None)
                .unwrap_or_else(|| panic!("i18n/{lang}/schema.ftl has no `{id}`"));
            if lang == "en" {
                assert_eq!(
                    words(&said),
                    words(english),
                    "{id}: as the model documents it"
                );
            } else {
                assert_ne!(words(&said), words(english), "{id} in {lang}");
            }
        }
    }
    let site = TestSite::fixture("minimal");
    for (lang, status_date) in [
        ("fi", "Seurannan päivämäärä."),
        ("sv", "Uppföljningens datum."),
        ("en", "The date of the follow-up."),
    ] {
        let output = site.run(&["schema", "--kind", "scorecard", "--lang", lang]);
        let schema: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(
            schema["$defs"]["scorecard"]["properties"]["status_date"]["description"], status_date,
            "{lang}"
        );
    }
    // Without --lang: the site's first language (the tests' locale is C).
    let output = site.run(&["schema", "--out", ".schemas"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let written = site.read(".schemas/scorecard.schema.json");
    assert!(written.contains("Seurannan päivämäärä."), "{written}");
}
