//! Drafts and scheduled updates: checked like everything else, left out of
//! every file `build` publishes, included by `build --drafts`, marked as
//! drafts in words.

use crate::common::{TestSite, pages, snapshot, stderr};

const SCORECARD: &str = "content/scorecards/testila/2024-tekniikka.yaml";

/// A draft scorecard, a draft update, an update dated later and a draft
/// page, added to the minimal fixture.
pub fn add_drafts(site: &TestSite) {
    let scorecard = site
        .read(SCORECARD)
        .replace("year: 2024", "year: 2025")
        .replace("Tekninen keskus", "Luonnoskeskus")
        .replace("Pyöräily lisääntyy.", "Luonnostavoite etenee.");
    site.write(
        "content/scorecards/testila/2025-luonnos.yaml",
        format!("draft: true\n{scorecard}"),
    );
    site.write(
        "content/updates/2024-08-01-kesken.fi.md",
        "---\ntitle: Keskeneräinen uutinen\ndate: 2024-08-01\ndraft: true\n---\nEi vielä julki.\n",
    );
    site.write(
        "content/updates/2999-01-01-tuleva.fi.md",
        "---\ntitle: Tuleva uutinen\ndate: 2999-01-01\n---\nJulkaistaan myöhemmin.\n",
    );
    site.write(
        "content/pages/luonnos.fi.md",
        "---\ntitle: Luonnossivu\ndraft: true\n---\nTätä ei julkaista vielä.\n",
    );
}

#[test]
fn drafts_are_in_no_published_file_and_in_every_one_with_drafts() {
    let site = TestSite::fixture("minimal");
    let plain = site.build();
    assert!(plain.status.success(), "{}", stderr(&plain));
    let without = snapshot(&site.out());

    add_drafts(&site);
    let check = site.check();
    assert!(
        check.status.success(),
        "drafts are valid: {}",
        stderr(&check)
    );
    // A draft is checked like any other file.
    site.write(
        "content/pages/luonnos.fi.md",
        "---\ntitle: Luonnossivu\ndraft: true\nfoo: 1\n---\n",
    );
    let broken = site.check();
    assert_eq!(broken.status.code(), Some(1), "{}", stderr(&broken));
    assert!(stderr(&broken).contains("content/pages/luonnos.fi.md:4:"));
    add_drafts(&site);

    // Published: byte for byte the site without the drafts (pages, search
    // index, feeds, sitemap, downloads: every file).
    let out = site.root().join("julkinen");
    let built = site.run(&["build", "--root", ".", "--out", "julkinen"]);
    assert!(built.status.success(), "{}", stderr(&built));
    let published = snapshot(&out);
    assert_eq!(
        published.keys().collect::<Vec<_>>(),
        without.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &without {
        assert!(
            published[path] == *bytes,
            "{path} differs with drafts present"
        );
    }

    // --drafts: every one of them is there, with its banner, and listed on the home page.
    let with = site.run(&["build", "--root", ".", "--out", "kaikki", "--drafts"]);
    assert!(with.status.success(), "{}", stderr(&with));
    let all = snapshot(&site.root().join("kaikki"));
    for page in [
        "fi/testila/2025-luonnos/index.html",
        "fi/updates/kesken/index.html",
        "fi/updates/tuleva/index.html",
        "fi/luonnos/index.html",
    ] {
        let html = String::from_utf8_lossy(&all[page]);
        assert!(
            html.contains("class=\"draft-banner\"") && html.contains("Luonnos."),
            "{page}: {html}"
        );
    }
    let sv = String::from_utf8_lossy(&all["sv/testila/2025-luonnos/index.html"]);
    assert!(sv.contains("Utkast."), "the banner in the page's language");
    let home = String::from_utf8_lossy(&all["fi/index.html"]);
    assert!(home.contains("<h2 id=\"drafts-heading\">Luonnokset</h2>"));
    for title in ["Keskeneräinen uutinen", "Tuleva uutinen", "Luonnossivu"] {
        assert!(home.contains(title), "{title} listed on the home page");
    }
    assert!(home.contains("href=\"../testila/2025-luonnos/\"") || home.contains("2025-luonnos/"));
    let sitemap = String::from_utf8_lossy(&all["sitemap.xml"]);
    assert!(sitemap.contains("/fi/testila/2025-luonnos/"));
    assert!(all.contains_key("data/testila/2025-luonnos.json"));
    let feed = String::from_utf8_lossy(&all["fi/updates/atom.xml"]);
    assert!(feed.contains("Keskeneräinen uutinen"));
    // The published pages never carry the banner.
    assert!(pages(&without).all(|(_, html)| !html.contains("draft-banner")));
}
