//! `/api/...`: answers computed by the preview server rather than read from
//! the folder. `/api/search?q=&lang=&limit=&filter=facet:value` answers from
//! tantivy, as `tuloskortti search --json` does; other paths are a JSON 404.

use std::collections::BTreeMap;

use tiny_http::Request;

use super::State;
use super::http::Reply;
use crate::search::{LangIndex, query};

/// The indexes of one rebuild, by language.
pub struct SearchCache {
    generation: u64,
    indexes: BTreeMap<String, LangIndex>,
}

pub fn respond(request: Request, state: &State) {
    let target = request.url().to_string();
    let (path, query_string) = target.split_once('?').unwrap_or((&target, ""));
    let reply = if path == "/api/search" {
        search(state, query_string)
    } else {
        Err((404, "not found".to_string()))
    };
    match reply {
        Ok(body) => Reply::new(200, "application/json", body).send(request),
        Err((status, message)) => Reply::new(
            status,
            "application/json",
            serde_json::json!({ "error": message })
                .to_string()
                .into_bytes(),
        )
        .send(request),
    }
}

fn search(state: &State, query_string: &str) -> Result<Vec<u8>, (u16, String)> {
    let params = parse_query(query_string);
    let status = state.status();
    let lang = params
        .get("lang")
        .and_then(|v| v.first())
        .cloned()
        .unwrap_or_else(|| status.languages[0].clone());
    if !status.languages.contains(&lang) {
        return Err((400, format!("the site has no language `{lang}`")));
    }
    let mut request = query::Request {
        text: params
            .get("q")
            .and_then(|v| v.first())
            .cloned()
            .unwrap_or_default(),
        filters: BTreeMap::new(),
        limit: params
            .get("limit")
            .and_then(|v| v.first())
            .and_then(|l| l.parse::<usize>().ok())
            .map_or(10, |l| l.min(1000)),
    };
    for filter in params.get("filter").into_iter().flatten() {
        if let Some((facet, value)) = filter.split_once(':') {
            request
                .filters
                .entry(facet.to_string())
                .or_default()
                .push(value.to_string());
        }
    }
    let mut cache = state.search.lock().unwrap_or_else(|p| p.into_inner());
    if cache
        .as_ref()
        .is_none_or(|c| c.generation != status.generation)
    {
        *cache = Some(SearchCache {
            generation: status.generation,
            indexes: BTreeMap::new(),
        });
    }
    let cache = cache.as_mut().expect("set above");
    if !cache.indexes.contains_key(&lang) {
        let root = state
            .root
            .as_ref()
            .ok_or((503, "no site folder".to_string()))?;
        // The last good content: a failed rebuild leaves the previous index.
        let loaded = crate::build::load(root, None)
            .map_err(|d| (503, format!("the content has {} error(s)", d.error_count())))?;
        let index = LangIndex::build(&loaded.site, &loaded.i18n, &lang)
            .map_err(|e| (500, e.to_string()))?;
        cache.indexes.insert(lang.clone(), index);
    }
    let index = &cache.indexes[&lang];
    let results =
        query::search(index, &request).map_err(|e| (500, format!("search failed: {e}")))?;
    serde_json::to_vec(&results).map_err(|e| (500, e.to_string()))
}

/// `a=1&b=x+y&b=%C3%A4` -> {a: [1], b: [x y, ä]}; malformed escapes are kept as text.
fn parse_query(query_string: &str) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for pair in query_string.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        out.entry(decode(key)).or_default().push(decode(value));
    }
    out
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                Some(byte) => {
                    out.push(byte);
                    i += 2;
                }
                None => out.push(b'%'),
            },
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::parse_query;

    #[test]
    fn query_strings_decode() {
        let q =
            parse_query("q=py%C3%B6r%C3%A4ily+n&lang=fi&filter=type:goal&filter=year:2024&bad=%zz");
        assert_eq!(q["q"], ["pyöräily n"]);
        assert_eq!(q["filter"], ["type:goal", "year:2024"]);
        assert_eq!(q["bad"], ["%zz"]);
    }
}
