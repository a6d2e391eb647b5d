//! Queries against a language's tantivy index: what `tuloskortti search`
//! and the preview server's `/api/search` answer. The JavaScript client
//! applies the same rules to the exported index and ranks identically.
//!
//! A query is split into words as the indexer splits text. Each word becomes
//! a group of terms: its own stem, and when it is the last word and still
//! being typed (nothing follows it) and has at least `PREFIX_MIN_CHARS`
//! characters, the terms of up to `PREFIX_MAX_TERMS` other corpus word forms
//! that start with it (the most frequent terms first, then in byte order).
//! Stop words are dropped. A document must match every group; it scores the
//! sum of tantivy's BM25 over the group's terms in title (boosted) and body.
//! Groups combine as `g1 + (g2 + (g3 + ...))`, and the optional facet filters
//! (values of one facet are alternatives, facets all apply) add nothing.

use std::collections::BTreeMap;

use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, Term};

use super::FACETS;
use super::index::{Analysis, LangIndex, TITLE_BOOST};

/// Words of a query beyond this many are ignored.
pub const MAX_QUERY_TOKENS: usize = 10;
/// The last word matches as a prefix from this many characters on.
pub const PREFIX_MIN_CHARS: usize = 3;
/// At most this many other terms join the last word as its completions.
pub const PREFIX_MAX_TERMS: usize = 4;

/// What to search for.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub text: String,
    /// Facet name -> accepted values.
    pub filters: BTreeMap<String, Vec<String>>,
    pub limit: usize,
}

impl Request {
    /// A request from JSON: `{"q": "...", "filters": {"type": ["goal"]}, "limit": 10}`
    /// (what `tuloskortti search --batch` reads; also fits a preview server's
    /// `/api/search`). Missing or malformed parts take their defaults.
    pub fn from_json(value: &serde_json::Value, default_limit: usize) -> Request {
        let mut request = Request {
            text: value["q"].as_str().unwrap_or_default().to_string(),
            filters: BTreeMap::new(),
            limit: value["limit"]
                .as_u64()
                .map_or(default_limit, |l| l.min(1000) as usize),
        };
        if let Some(map) = value["filters"].as_object() {
            for (facet, values) in map {
                let values: Vec<String> = values
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|v| v.as_str().map(String::from))
                            .collect()
                    })
                    .unwrap_or_default();
                request.filters.insert(facet.clone(), values);
            }
        }
        request
    }
}

/// One result.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub doc: u32,
    pub score: f32,
    pub title: String,
    pub url: String,
    /// Facet name -> value.
    pub facets: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Results {
    /// The term groups the query was turned into, for debugging and tests.
    pub groups: Vec<Vec<String>>,
    pub total: usize,
    pub results: Vec<Hit>,
}

/// The query's words: lowercased forms, and whether the last one is still
/// being typed (it ends the text).
pub fn words(text: &str) -> (Vec<String>, bool) {
    let mut analyzer: TextAnalyzer = Analysis::forms_analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut forms = Vec::new();
    let mut last_ends_text = false;
    while let Some(token) = stream.next() {
        if forms.len() == MAX_QUERY_TOKENS {
            last_ends_text = false;
            break;
        }
        forms.push(token.text.clone());
        last_ends_text = token.offset_to == text.len();
    }
    (forms, last_ends_text)
}

/// The term groups of a query.
pub fn plan(index: &LangIndex, text: &str) -> Vec<Vec<String>> {
    let (forms, typing) = words(text);
    let mut groups = Vec::new();
    let last = forms.len().saturating_sub(1);
    for (i, form) in forms.iter().enumerate() {
        let mut group: Vec<String> = index.stem(form).into_iter().collect();
        if i == last && typing && form.chars().count() >= PREFIX_MIN_CHARS {
            let more = completions(index, form, group.first().map(String::as_str));
            group.extend(more);
        }
        if !group.is_empty() {
            groups.push(group);
        }
    }
    groups
}

/// The terms that join a word still being typed: those of up to
/// `PREFIX_MAX_TERMS` other corpus word forms that start with it, not
/// `stem` (the word's own term), the most frequent terms first, then in
/// byte order.
pub fn completions(index: &LangIndex, form: &str, stem: Option<&str>) -> Vec<String> {
    let searcher = &index.searcher;
    let doc_freq = |stem: &str| -> u64 {
        [index.fields.title, index.fields.body]
            .iter()
            .map(|f| {
                searcher
                    .doc_freq(&Term::from_field_text(*f, stem))
                    .unwrap_or(0)
            })
            .sum()
    };
    let mut candidates: BTreeMap<&str, u64> = BTreeMap::new();
    for (other, known) in index
        .forms
        .range::<str, _>((std::ops::Bound::Included(form), std::ops::Bound::Unbounded))
    {
        if !other.starts_with(form) {
            break;
        }
        if other != form && Some(known.stem.as_str()) != stem {
            candidates
                .entry(known.stem.as_str())
                .or_insert_with(|| doc_freq(&known.stem));
        }
    }
    let mut ranked: Vec<(&str, u64)> = candidates.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    ranked
        .into_iter()
        .take(PREFIX_MAX_TERMS)
        .map(|(s, _)| s.to_string())
        .collect()
}

/// The tantivy query of a plan and filters; None when nothing can match.
pub fn build_query(
    index: &LangIndex,
    groups: &[Vec<String>],
    filters: &BTreeMap<String, Vec<String>>,
) -> Option<Box<dyn Query>> {
    let fields = &index.fields;
    let group_queries: Vec<Box<dyn Query>> = groups
        .iter()
        .map(|group| {
            let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for stem in group {
                let title = TermQuery::new(
                    Term::from_field_text(fields.title, stem),
                    IndexRecordOption::WithFreqs,
                );
                clauses.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(Box::new(title), TITLE_BOOST)),
                ));
                clauses.push((
                    Occur::Should,
                    Box::new(TermQuery::new(
                        Term::from_field_text(fields.body, stem),
                        IndexRecordOption::WithFreqs,
                    )),
                ));
            }
            Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>
        })
        .collect();
    // g1 + (g2 + (g3 + ...)): every sum has two terms, so its value does not
    // depend on the order in which tantivy adds them.
    let mut text: Option<Box<dyn Query>> = None;
    for group in group_queries.into_iter().rev() {
        text = Some(match text {
            None => group,
            Some(rest) => Box::new(BooleanQuery::new(vec![
                (Occur::Must, group),
                (Occur::Must, rest),
            ])),
        });
    }
    let mut text = text?;
    if groups.len() == 1 {
        // A lone group under a Must clause is scored by tantivy's buffered
        // union, which adds the terms in clause order (its Block-WAND path,
        // taken for a top-level union, may add them in another order).
        text = Box::new(BooleanQuery::new(vec![(Occur::Must, text)]));
    }
    let mut filter_clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (slot, name) in FACETS.iter().enumerate() {
        let Some(values) = filters.get(*name).filter(|v| !v.is_empty()) else {
            continue;
        };
        let alternatives: Vec<(Occur, Box<dyn Query>)> = values
            .iter()
            .map(|value| {
                (
                    Occur::Should,
                    Box::new(TermQuery::new(
                        Term::from_field_text(fields.facets[slot], value),
                        IndexRecordOption::Basic,
                    )) as Box<dyn Query>,
                )
            })
            .collect();
        filter_clauses.push((Occur::Must, Box::new(BooleanQuery::new(alternatives))));
    }
    if filter_clauses.is_empty() {
        return Some(text);
    }
    let filter = ConstScoreQuery::new(Box::new(BooleanQuery::new(filter_clauses)), 0.0);
    Some(Box::new(BooleanQuery::new(vec![
        (Occur::Must, text),
        (Occur::Must, Box::new(filter)),
    ])))
}

/// The best `limit` documents of term groups under filters (document id
/// and score, best first, ties by document id), and how many match.
pub fn best(
    index: &LangIndex,
    groups: &[Vec<String>],
    filters: &BTreeMap<String, Vec<String>>,
    limit: usize,
) -> tantivy::Result<(Vec<(u32, f32)>, usize)> {
    let Some(query) = build_query(index, groups, filters) else {
        return Ok((Vec::new(), 0));
    };
    let searcher = &index.searcher;
    // No more than the index has: tantivy allocates room for `limit` (a
    // `--limit` of 2^64 - 1 ran out of memory).
    let limit = limit.clamp(1, index.docs.len().max(1));
    let top = searcher.search(&*query, &TopDocs::with_limit(limit).order_by_score())?;
    let total = searcher.search(&*query, &Count)?;
    let top = top
        .into_iter()
        .map(|(score, DocAddress { doc_id, .. })| (doc_id, score))
        .collect();
    Ok((top, total))
}

/// Run a query: the best `limit` documents, best first, ties by document id.
pub fn search(index: &LangIndex, request: &Request) -> tantivy::Result<Results> {
    let groups = plan(index, &request.text);
    let (top, total) = best(index, &groups, &request.filters, request.limit)?;
    let results = top
        .into_iter()
        .map(|(doc_id, score)| {
            let doc = &index.docs[doc_id as usize];
            Hit {
                doc: doc_id,
                score,
                title: doc.title.clone(),
                url: doc.url.clone(),
                facets: FACETS
                    .iter()
                    .zip(&doc.facets)
                    .filter_map(|(name, v)| v.as_ref().map(|v| (name.to_string(), v.value.clone())))
                    .collect(),
            }
        })
        .collect();
    Ok(Results {
        groups,
        total,
        results,
    })
}
