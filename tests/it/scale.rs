//! Bounded pages at scale: a synthetic site of 300 scorecards (2 700 goals,
//! 15 organisations, and 30 more without scorecards) has no HTML page over
//! 250 KB, every goal is reachable from the A-Z list's parts, the metric
//! pages are split by year and the home page lists organisations by name.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use crate::common::{copy_dir, repo_root, run_in, stderr};
use crate::synth;

const BOUND: u64 = 250 * 1024;

/// `href` seen from the page in `folder` (both relative to the output root).
fn resolve(folder: &str, href: &str) -> String {
    let href = href.split('#').next().unwrap_or_default();
    let mut parts: Vec<&str> = folder.split('/').filter(|s| !s.is_empty()).collect();
    for segment in href.split('/') {
        match segment {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    let mut path = parts.join("/");
    if href.ends_with('/') || href.is_empty() {
        path.push('/');
    }
    path
}

fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(str::to_string)
        .collect()
}

fn html_files(dir: &Path, root: &Path, out: &mut Vec<(String, u64)>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            html_files(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "html") {
            let relative = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            out.push((relative, fs::metadata(&path).unwrap().len()));
        }
    }
}

#[test]
fn no_page_outgrows_the_bound_and_every_goal_is_on_the_az_list() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    let (files, counts) = synth::generate(19, 300);
    synth::write(&root, &files).unwrap();
    for i in 0..30 {
        fs::write(
            root.join(format!("content/organisations/lisakunta-{i}.yaml")),
            format!("name: {{fi: Lisäkunta {i}, sv: Tilläggskommun {i}, en: Extra {i}}}\n"),
        )
        .unwrap();
    }
    copy_dir(&repo_root().join("themes"), &root.join("themes"));
    copy_dir(&repo_root().join("i18n"), &root.join("i18n"));
    let build = run_in(&root, &["build", "--root", ".", "--out", "public"]);
    assert!(build.status.success(), "{}", stderr(&build));
    let out = root.join("public");

    let mut pages = Vec::new();
    html_files(&out, &out, &mut pages);
    let over: Vec<_> = pages.iter().filter(|(_, size)| *size > BOUND).collect();
    assert!(over.is_empty(), "pages over 250 KB: {over:?}");

    // The sitemap, whether one file or an index and its parts.
    let sitemap: String = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("sitemap")
        })
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    let parts = counts.goals.div_ceil(tuloskortti::urls::AZ_PART);
    assert!(parts > 1);
    for lang in ["fi", "sv", "en"] {
        // Every goal page of the language, as the build wrote it.
        let goals: BTreeSet<String> = pages
            .iter()
            .map(|(p, _)| p.clone())
            .filter(|p| {
                let s: Vec<&str> = p.split('/').collect();
                s.len() == 5 && s[0] == lang && s[1] != "metrics" && s[1] != "search"
            })
            .map(|p| p.trim_end_matches("index.html").to_string())
            .collect();
        assert_eq!(goals.len(), counts.goals, "{lang}");

        // The search page lists no goals itself but links every part.
        let search = fs::read_to_string(out.join(lang).join("search/index.html")).unwrap();
        assert!(!search.contains("class=\"az-list\""), "{lang}");
        let linked: BTreeSet<String> = hrefs(&search)
            .iter()
            .map(|h| resolve(&format!("{lang}/search/"), h))
            .collect();
        let mut reached = BTreeSet::new();
        for n in 1..=parts {
            let folder = format!("{lang}/search/{n}/");
            assert!(linked.contains(&folder), "{folder} not linked");
            assert!(sitemap.contains(&folder), "{folder} not in the sitemap");
            let part = fs::read_to_string(out.join(&folder).join("index.html")).unwrap();
            assert!(part.contains(&format!("<html lang=\"{lang}\"")), "{folder}");
            assert!(part.contains("<h1>"), "{folder}");
            reached.extend(hrefs(&part).iter().map(|h| resolve(&folder, h)));
        }
        assert!(
            !out.join(lang)
                .join(format!("search/{}", parts + 1))
                .exists()
        );
        let missing: Vec<_> = goals.difference(&reached).collect();
        assert!(missing.is_empty(), "{lang}: goals on no part: {missing:?}");

        // The home page lists the organisations by name, each to its page.
        let home = fs::read_to_string(out.join(lang).join("index.html")).unwrap();
        assert!(!home.contains("class=\"scorecard-list\""), "{lang}");
        let from_home: BTreeSet<String> = hrefs(&home)
            .iter()
            .map(|h| resolve(&format!("{lang}/"), h))
            .collect();
        for i in 0..counts.organisations {
            let org = pages
                .iter()
                .filter_map(|(p, _)| {
                    let s: Vec<&str> = p.split('/').collect();
                    (s.len() == 4
                        && s[0] == lang
                        && s[1] != "metrics"
                        && s[1] != "search"
                        && s[1] != "updates")
                        .then(|| format!("{lang}/{}/", s[1]))
                })
                .collect::<BTreeSet<_>>()
                .into_iter()
                .nth(i)
                .unwrap();
            assert!(from_home.contains(&org), "{org} not on the home page");
        }

        // Each metric's page summarises by year and links a page per year.
        let metrics = out.join(lang).join("metrics");
        for metric in fs::read_dir(&metrics).unwrap() {
            let metric = metric.unwrap().path();
            let name = metric.file_name().unwrap().to_string_lossy().into_owned();
            let folder = format!("{lang}/metrics/{name}/");
            let page = fs::read_to_string(metric.join("index.html")).unwrap();
            let linked: BTreeSet<String> =
                hrefs(&page).iter().map(|h| resolve(&folder, h)).collect();
            let years: Vec<String> = fs::read_dir(&metric)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.is_dir())
                .map(|p| format!("{folder}{}/", p.file_name().unwrap().to_string_lossy()))
                .collect();
            assert!(years.len() > 1, "{folder} is not split by year");
            for year in &years {
                assert!(linked.contains(year), "{year} not linked from {folder}");
                assert!(sitemap.contains(year.as_str()), "{year} not in the sitemap");
            }
        }
    }
}
