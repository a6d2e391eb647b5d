//! Discovery files: an Atom feed of updates per language, `sitemap.xml`
//! with language alternates, and `robots.txt`.

use super::OutputFile;
use super::urls::{Route, all_routes, dir};
use super::views::accessibility_slug;
use crate::content::Site;
use crate::i18n::I18n;
use crate::markdown;

pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 does not allow.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// Where a language's feed lives.
pub fn feed_path(lang: &str) -> String {
    format!("{lang}/updates/atom.xml")
}

/// An Atom feed of the updates in one language (falling back to the default
/// language's version of a post, marked with `xml:lang`).
pub fn atom(site: &Site, i18n: &I18n, lang: &str) -> Result<OutputFile, String> {
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
    let feed_url = format!("{base}{}", feed_path(lang));
    let page_url = format!("{base}{lang}/updates/");
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n  <title>{}</title>\n  <id>{}</id>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n  <updated>{updated}</updated>\n  <author><name>{}</name></author>\n",
        xml_escape(&feed_title),
        xml_escape(&feed_url),
        xml_escape(&feed_url),
        xml_escape(&page_url),
        xml_escape(title),
    );
    for update in &site.updates {
        let (version_lang, doc) = update
            .versions
            .get_key_value(lang)
            .or_else(|| update.versions.get_key_value(default))
            .or_else(|| update.versions.iter().next())
            .ok_or("an update without versions")?;
        let url = format!(
            "{base}{}",
            dir(lang, &Route::Update(update.slug.clone()), "")
        );
        let summary = doc.front.summary.clone().unwrap_or_else(|| {
            markdown::to_plain_text(&doc.body)
                .chars()
                .take(300)
                .collect()
        });
        xml.push_str(&format!(
            "  <entry xml:lang=\"{version_lang}\">\n    <title>{}</title>\n    <id>{}</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n    <updated>{}T00:00:00Z</updated>\n    <summary>{}</summary>\n    <content type=\"html\">{}</content>\n  </entry>\n",
            xml_escape(&doc.front.title),
            xml_escape(&url),
            xml_escape(&url),
            update.date,
            xml_escape(&summary),
            xml_escape(&markdown::to_html(&doc.body, 2)),
        ));
    }
    xml.push_str("</feed>\n");
    Ok(OutputFile {
        path: feed_path(lang),
        bytes: xml.into_bytes(),
    })
}

/// `sitemap.xml`: every page in every language, each with its alternates.
pub fn sitemap(site: &Site, i18n: &I18n) -> Result<OutputFile, String> {
    let base = &site.config.base_url;
    let slugs = site
        .config
        .languages
        .iter()
        .map(|lang| Ok((lang.clone(), accessibility_slug(i18n, lang)?)))
        .collect::<Result<Vec<_>, String>>()?;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for route in all_routes(site).iter().filter(|r| **r != Route::NotFound) {
        for (lang, slug) in &slugs {
            xml.push_str(&format!(
                "  <url>\n    <loc>{}</loc>\n",
                xml_escape(&format!("{base}{}", dir(lang, route, slug)))
            ));
            for (other, other_slug) in &slugs {
                xml.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{other}\" href=\"{}\"/>\n",
                    xml_escape(&format!("{base}{}", dir(other, route, other_slug)))
                ));
            }
            xml.push_str("  </url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    Ok(OutputFile {
        path: "sitemap.xml".into(),
        bytes: xml.into_bytes(),
    })
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
    use super::xml_escape;

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(xml_escape("a<b>&\"'\u{1}c"), "a&lt;b&gt;&amp;&quot;&apos;c");
    }
}
