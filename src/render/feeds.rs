//! Discovery files: an Atom feed of updates per language, `sitemap.xml`
//! with language alternates, and `robots.txt`.

use std::fmt::Write;

use crate::content::Site;
use crate::escape;
use crate::i18n::I18n;
use crate::markdown;
use crate::output::OutputFile;
use crate::render::error::RenderError;
use crate::urls::{self, Route, all_routes, dir};

/// An Atom feed of the updates in one language (falling back to the default
/// language's version of a post, marked with `xml:lang`).
pub fn atom(site: &Site, i18n: &I18n, lang: &str) -> Result<OutputFile, RenderError> {
    let base = &site.config.base_url;
    let default = site.config.default_language();
    let title = site.config.title.get(lang, default).unwrap_or_default();
    let feed_title = format!("{} – {}", i18n.message(lang, "updates-title", None)?, title);
    let updated = site
        .updates
        .iter()
        .map(|u| u.date)
        .max()
        .map(|d| format!("{d}T00:00:00Z"))
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
    let feed_url = format!("{base}{}", urls::feed(lang));
    let page_url = format!("{base}{lang}/updates/");
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n  <title>{}</title>\n  <id>{}</id>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n  <updated>{updated}</updated>\n  <author><name>{}</name></author>\n",
        escape::xml(&feed_title),
        escape::xml(&feed_url),
        escape::xml(&feed_url),
        escape::xml(&page_url),
        escape::xml(title),
    );
    for update in &site.updates {
        let (version_lang, doc) = update
            .versions
            .get_key_value(lang)
            .or_else(|| update.versions.get_key_value(default))
            .or_else(|| update.versions.iter().next())
            .ok_or("an update without versions")?;
        let url = format!("{base}{}", dir(lang, &Route::Post(update.slug.clone()), ""));
        let summary = doc.front.summary.clone().unwrap_or_else(|| {
            markdown::to_plain_text(&doc.body)
                .chars()
                .take(300)
                .collect()
        });
        xml.push_str(&format!(
            "  <entry xml:lang=\"{version_lang}\">\n    <title>{}</title>\n    <id>{}</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n    <updated>{}T00:00:00Z</updated>\n    <summary>{}</summary>\n    <content type=\"html\">{}</content>\n  </entry>\n",
            escape::xml(&doc.front.title),
            escape::xml(&url),
            escape::xml(&url),
            update.date,
            escape::xml(&summary),
            escape::xml(&markdown::to_html(&doc.body, 2)),
        ));
    }
    xml.push_str("</feed>\n");
    Ok(OutputFile {
        path: urls::feed(lang),
        bytes: xml.into_bytes(),
    })
}

/// The Sitemaps protocol's limits for one file: 50 000 URLs, 50 MB.
const SITEMAP_URLS: usize = 50_000;
const SITEMAP_BYTES: usize = 50_000_000;

/// `sitemap.xml`: every page in every language, each with its alternates.
/// A site too large for one file (the protocol allows 50 000 URLs or 50 MB)
/// gets `sitemap-1.xml`, `sitemap-2.xml`, ... and `sitemap.xml` becomes
/// their index, so `robots.txt` names one address whatever the size.
pub fn sitemap(site: &Site, i18n: &I18n) -> Result<Vec<OutputFile>, RenderError> {
    sitemap_files(site, i18n, SITEMAP_URLS, SITEMAP_BYTES)
}

fn sitemap_files(
    site: &Site,
    i18n: &I18n,
    max_urls: usize,
    max_bytes: usize,
) -> Result<Vec<OutputFile>, RenderError> {
    const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
    const TAIL: &str = "</urlset>\n";
    let base = &site.config.base_url;
    let slugs = site
        .config
        .languages
        .iter()
        .map(|lang| Ok((lang.clone(), urls::accessibility_slug(i18n, lang)?)))
        .collect::<Result<Vec<_>, RenderError>>()?;
    let mut parts: Vec<String> = Vec::new();
    let mut xml = String::from(HEAD);
    let mut urls = 0;
    let mut entry = String::new();
    for route in all_routes(site).iter().filter(|r| **r != Route::NotFound) {
        for (lang, slug) in &slugs {
            entry.clear();
            let _ = write!(
                entry,
                "  <url>\n    <loc>{}</loc>\n",
                escape::xml(&format!("{base}{}", dir(lang, route, slug)))
            );
            for (other, other_slug) in &slugs {
                let _ = writeln!(
                    entry,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{other}\" href=\"{}\"/>",
                    escape::xml(&format!("{base}{}", dir(other, route, other_slug)))
                );
            }
            entry.push_str("  </url>\n");
            if urls > 0 && (urls == max_urls || xml.len() + entry.len() + TAIL.len() > max_bytes) {
                xml.push_str(TAIL);
                parts.push(std::mem::replace(&mut xml, String::from(HEAD)));
                urls = 0;
            }
            xml.push_str(&entry);
            urls += 1;
        }
    }
    xml.push_str(TAIL);
    if parts.is_empty() {
        return Ok(vec![OutputFile {
            path: "sitemap.xml".into(),
            bytes: xml.into_bytes(),
        }]);
    }
    parts.push(xml);
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut files = Vec::with_capacity(parts.len() + 1);
    for (i, part) in parts.into_iter().enumerate() {
        let path = format!("sitemap-{}.xml", i + 1);
        let _ = writeln!(
            index,
            "  <sitemap>\n    <loc>{}</loc>\n  </sitemap>",
            escape::xml(&format!("{base}{path}"))
        );
        files.push(OutputFile {
            path,
            bytes: part.into_bytes(),
        });
    }
    index.push_str("</sitemapindex>\n");
    files.push(OutputFile {
        path: "sitemap.xml".into(),
        bytes: index.into_bytes(),
    });
    Ok(files)
}

pub fn robots(site: &Site) -> OutputFile {
    let text = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
        site.config.base_url
    );
    OutputFile {
        path: "robots.txt".into(),
        bytes: text.into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::sitemap_files;

    /// Split by count or by size, the parts hold the same entries as one
    /// file, in the same order, and the index names every part.
    #[test]
    fn a_large_sitemap_is_split_under_an_index() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (site, _) = crate::content::load_site(root).expect("the example content loads");
        let i18n = crate::i18n::I18n::load(&root.join("i18n"), &site.config.languages)
            .expect("i18n loads");
        let entries = |xml: &str| -> Vec<String> {
            xml.split("<url>")
                .skip(1)
                .map(|e| e.split("</url>").next().unwrap_or_default().to_string())
                .collect()
        };
        let whole = sitemap_files(&site, &i18n, usize::MAX, usize::MAX).unwrap();
        assert_eq!(whole.len(), 1);
        let all = entries(std::str::from_utf8(&whole[0].bytes).unwrap());
        assert!(all.len() > 200, "{} entries", all.len());
        for (max_urls, max_bytes) in [(100, usize::MAX), (usize::MAX, 40_000)] {
            let files = sitemap_files(&site, &i18n, max_urls, max_bytes).unwrap();
            let (index, parts) = files.split_last().unwrap();
            assert_eq!(index.path, "sitemap.xml");
            let index = std::str::from_utf8(&index.bytes).unwrap();
            assert!(index.contains("<sitemapindex"));
            let mut joined = Vec::new();
            for (i, part) in parts.iter().enumerate() {
                assert_eq!(part.path, format!("sitemap-{}.xml", i + 1));
                assert!(index.contains(&format!(
                    "<loc>{}sitemap-{}.xml</loc>",
                    site.config.base_url,
                    i + 1
                )));
                let text = std::str::from_utf8(&part.bytes).unwrap();
                assert!(text.starts_with("<?xml") && text.ends_with("</urlset>\n"));
                assert!(part.bytes.len() <= max_bytes);
                let part_entries = entries(text);
                assert!(!part_entries.is_empty() && part_entries.len() <= max_urls);
                joined.extend(part_entries);
            }
            assert!(parts.len() >= 2);
            assert!(joined == all, "the parts do not hold the same entries");
        }
    }
}
