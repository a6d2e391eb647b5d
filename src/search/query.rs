//! Queries against a language's tantivy index: what `tuloskortti search`
//! and the preview server's `/api/search` answer. The JavaScript client
//! applies the same rules to the exported index and ranks identically.
//!
//! A query is split into words as the indexer splits text. Each word becomes
//! a group of terms: its own stem, and when it is the last word and still
//! being typed (nothing follows it) and has at least `PREFIX_MIN_CHARS`
//! characters, the terms of up to `PREFIX_MAX_TERMS` other corpus word forms
//! that start with it (the most frequent terms first, then in byte order).
//! Stop words are dropped.
//!
//! A word the index does not have (no term of its group has a document) is
//! taken more forgivingly, in this order:
//!
//! 1. Its *expansions*: the terms of corpus forms that start with its stem or
//!    with the stem cut by up to `EXPAND_TRUNCATE` characters (Finnish
//!    consonant gradation and derivation change the end of a stem:
//!    `kaivulupa` -> `kaivulu`, found in `kaivuluvat`; `rekrytointi` ->
//!    `rekrytoint`, whose `rekrytoin` is `rekrytoinnissa`'s), those cut stems
//!    when they are terms, and the terms whose forms or terms fold to the
//!    word or its stem without diacritics, or start with them so folded
//!    (`kavely` -> `kävely`, `tyottomyys` -> `työttömyysaste`); the
//!    `EXPAND_MAX_TERMS` most frequent join its group.
//! 2. Else, when it splits into two words of the corpus (as compounds do,
//!    `compounds::split_two`), its two parts become two groups.
//! 3. Else, for a word of `TYPO_MIN_CHARS` or more, the terms of the corpus
//!    forms one typing slip away (a letter missing, added, changed, or two
//!    swapped) that share its first third (at least `TYPO_PREFIX_CHARS`
//!    characters), so that the browser reads only the dictionary near it.
//!
//! A document should match every group; it scores the sum of tantivy's BM25
//! over the group's terms in title (boosted) and body. Groups combine as
//! `g1 + (g2 + (g3 + ...))`. When no document matches every group, the
//! documents that match the most groups are ranked instead (tantivy's
//! minimum-should-match), so a question or a long query still answers. The
//! optional facet filters (values of one facet are alternatives, facets all
//! apply) add nothing to scores.

use std::collections::BTreeMap;

use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, Term};

use super::FACETS;
use super::compounds;
use super::index::{Analysis, LangIndex, TITLE_BOOST, fold};

#[cfg(test)]
mod tests {
    use super::one_slip;

    fn slip(a: &str, b: &str) -> bool {
        one_slip(&a.chars().collect::<Vec<_>>(), b)
    }

    #[test]
    fn a_slip_is_one_letter_missing_added_changed_or_two_swapped() {
        assert!(slip("rakenusjärjestys", "rakennusjärjestys"));
        assert!(slip("kuntalitto", "kuntaliitto"));
        assert!(slip("pyöräliy", "pyöräily"));
        assert!(slip("pyöräilx", "pyöräily"));
        assert!(slip("pyöräilyy", "pyöräily"));
        assert!(!slip("pyöräily", "pyöräily"));
        assert!(!slip("pyöräilyyy", "pyöräily"));
        assert!(!slip("pyröäliy", "pyöräily"));
    }
}

/// Words of a query beyond this many are ignored.
pub const MAX_QUERY_TOKENS: usize = 10;
/// The last word matches as a prefix from this many characters on.
pub const PREFIX_MIN_CHARS: usize = 3;
/// At most this many other terms join the last word as its completions.
pub const PREFIX_MAX_TERMS: usize = 4;
/// At most this many terms join a word the index does not have.
pub const EXPAND_MAX_TERMS: usize = 4;
/// A stem is cut by up to this many characters to find other forms.
pub const EXPAND_TRUNCATE: usize = 3;
/// A stem, cut or not, is completed only from this many characters on.
pub const EXPAND_MIN_CHARS: usize = 4;
/// Words this long or longer may have a typing slip.
pub const TYPO_MIN_CHARS: usize = 5;
/// A slip is looked for among the forms that share this many first
/// characters with the word, or a third of it if that is more.
pub const TYPO_PREFIX_CHARS: usize = 3;

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
    /// How many of the groups each result matches: all of them, or fewer
    /// when no document matches all.
    pub matched: usize,
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
        let (mut group, found) = word_group(index, form, i == last && typing);
        if !found {
            if let Some((left, right)) = split(index, form) {
                groups.push(left);
                groups.push(right);
                continue;
            }
            group.extend(slips(index, form));
        }
        if !group.is_empty() {
            groups.push(group);
        }
    }
    groups
}

/// The terms of one query word: its stem, its completions when it is being
/// typed, and its expansions when the index has neither; and whether any of
/// them is in the index (a stop word counts as found).
fn word_group(index: &LangIndex, form: &str, typing: bool) -> (Vec<String>, bool) {
    let stem = index.stem(form);
    let mut group: Vec<String> = stem.iter().cloned().collect();
    if typing && form.chars().count() >= PREFIX_MIN_CHARS {
        let more = completions(index, form, stem.as_deref());
        group.extend(more);
    }
    let Some(stem) = stem else {
        return (group, true);
    };
    if group.iter().any(|t| index.is_term(t)) {
        return (group, true);
    }
    let more = expansions(index, form, &stem);
    let found = !more.is_empty();
    group.extend(more);
    (group, found)
}

/// The terms that join a word the index does not have (see the module's
/// documentation), the most frequent first, then in byte order.
pub fn expansions(index: &LangIndex, form: &str, stem: &str) -> Vec<String> {
    let mut candidates: BTreeMap<&str, u64> = BTreeMap::new();
    let chars: Vec<(usize, char)> = stem.char_indices().collect();
    for cut in 0..=EXPAND_TRUNCATE {
        if chars.len() < EXPAND_MIN_CHARS + cut {
            break;
        }
        let base = &stem[..chars.get(chars.len() - cut).map_or(stem.len(), |c| c.0)];
        if cut > 0 && index.is_term(base) {
            candidates
                .entry(base)
                .or_insert_with(|| index.doc_freq(base));
        }
        for (other, known) in index
            .forms
            .range::<str, _>((std::ops::Bound::Included(base), std::ops::Bound::Unbounded))
        {
            if !other.starts_with(base) {
                break;
            }
            candidates
                .entry(known.stem.as_str())
                .or_insert_with(|| index.doc_freq(&known.stem));
        }
        let folded_base = fold(base);
        for (key, terms) in index.folded.range::<str, _>((
            std::ops::Bound::Included(folded_base.as_str()),
            std::ops::Bound::Unbounded,
        )) {
            if !key.starts_with(folded_base.as_str()) {
                break;
            }
            for term in terms {
                candidates
                    .entry(term.as_str())
                    .or_insert_with(|| index.doc_freq(term));
            }
        }
    }
    let folded_form = fold(form);
    let folded_stem = fold(stem);
    for key in [folded_form.as_str(), folded_stem.as_str()] {
        for term in index.folded.get(key).into_iter().flatten() {
            candidates
                .entry(term.as_str())
                .or_insert_with(|| index.doc_freq(term));
        }
    }
    candidates.remove(stem);
    most_frequent(candidates, EXPAND_MAX_TERMS)
}

/// The terms of the corpus forms one typing slip away from `form` (see the
/// module's documentation), the most frequent first, then in byte order.
pub fn slips(index: &LangIndex, form: &str) -> Vec<String> {
    let chars: Vec<char> = form.chars().collect();
    if chars.len() < TYPO_MIN_CHARS {
        return Vec::new();
    }
    let prefix: String = chars[..typo_prefix_chars(chars.len())].iter().collect();
    let mut candidates: BTreeMap<&str, u64> = BTreeMap::new();
    for (other, known) in index.forms.range::<str, _>((
        std::ops::Bound::Included(prefix.as_str()),
        std::ops::Bound::Unbounded,
    )) {
        if !other.starts_with(prefix.as_str()) {
            break;
        }
        if one_slip(&chars, other) {
            candidates
                .entry(known.stem.as_str())
                .or_insert_with(|| index.doc_freq(&known.stem));
        }
    }
    most_frequent(candidates, EXPAND_MAX_TERMS)
}

/// The `max` most frequent of candidate terms (term -> documents), then in
/// byte order: how completions, expansions and slips are ranked.
fn most_frequent(candidates: BTreeMap<&str, u64>, max: usize) -> Vec<String> {
    let mut ranked: Vec<(&str, u64)> = candidates.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    ranked
        .into_iter()
        .take(max)
        .map(|(s, _)| s.to_string())
        .collect()
}

/// How many first characters a slip is looked for under.
pub fn typo_prefix_chars(chars: usize) -> usize {
    TYPO_PREFIX_CHARS.max(chars / 3)
}

/// Whether `b` is `a` with exactly one letter missing, added, changed, or
/// two neighbours swapped.
pub fn one_slip(a: &[char], b: &str) -> bool {
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > 1 || a == b.as_slice() {
        return false;
    }
    let first = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[first..], &b[first..]);
    if n == m {
        // One changed, or two neighbours swapped.
        ra[1..] == rb[1..]
            || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
    } else if n > m {
        ra[1..] == *rb
    } else {
        *ra == rb[1..]
    }
}

/// The groups of the two words that `form` is made of, when it is a
/// compound the index does not have: the left part a word or term of the
/// index, the right part any word the index finds (by its stem or its
/// expansions).
pub fn split(index: &LangIndex, form: &str) -> Option<(Vec<String>, Vec<String>)> {
    if !index.analysis.splits_compounds() {
        return None;
    }
    let is_word = |w: &str| index.forms.contains_key(w) || index.is_term(w);
    let resolves = |w: &str| word_group(index, w, false).1;
    let (left, right) = compounds::split_two(
        form,
        index.analysis == Analysis::Swedish,
        &is_word,
        &resolves,
    )?;
    let (left, _) = word_group(index, left, false);
    let (right, _) = word_group(index, right, false);
    Some((left, right))
}

/// The terms that join a word still being typed: those of up to
/// `PREFIX_MAX_TERMS` other corpus word forms that start with it, not
/// `stem` (the word's own term), the most frequent terms first, then in
/// byte order.
pub fn completions(index: &LangIndex, form: &str, stem: Option<&str>) -> Vec<String> {
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
                .or_insert_with(|| index.doc_freq(&known.stem));
        }
    }
    most_frequent(candidates, PREFIX_MAX_TERMS)
}

/// The tantivy query of a plan and filters, where a document must match
/// `required` of the groups (all of them, or fewer as the fallback); None
/// when nothing can match.
pub fn build_query(
    index: &LangIndex,
    groups: &[Vec<String>],
    filters: &BTreeMap<String, Vec<String>>,
    required: usize,
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
    if required < groups.len() {
        let text = BooleanQuery::with_minimum_required_clauses(
            group_queries
                .into_iter()
                .map(|g| (Occur::Should, g))
                .collect(),
            required.max(1),
        );
        return Some(with_filters(index, Box::new(text), filters));
    }
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
    Some(with_filters(index, text, filters))
}

/// `text` under the facet filters, which add nothing to its scores.
fn with_filters(
    index: &LangIndex,
    text: Box<dyn Query>,
    filters: &BTreeMap<String, Vec<String>>,
) -> Box<dyn Query> {
    let fields = &index.fields;
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
        return text;
    }
    let filter = ConstScoreQuery::new(Box::new(BooleanQuery::new(filter_clauses)), 0.0);
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, text),
        (Occur::Must, Box::new(filter)),
    ]))
}

/// The best documents of a query: document id and score, best first, ties
/// by document id; how many match; and how many groups they match.
#[derive(Debug, Clone, Default)]
pub struct Ranked {
    pub top: Vec<(u32, f32)>,
    pub total: usize,
    pub matched: usize,
}

/// The best `limit` documents of term groups under filters: those that
/// match every group, or when there are none, the most groups any matches.
pub fn best(
    index: &LangIndex,
    groups: &[Vec<String>],
    filters: &BTreeMap<String, Vec<String>>,
    limit: usize,
) -> tantivy::Result<Ranked> {
    let searcher = &index.searcher;
    // No more than the index has: tantivy allocates room for `limit` (a
    // `--limit` of 2^64 - 1 ran out of memory).
    let limit = limit.clamp(1, index.docs.len().max(1));
    for required in (1..=groups.len()).rev() {
        let Some(query) = build_query(index, groups, filters, required) else {
            break;
        };
        let total = searcher.search(&*query, &Count)?;
        if total == 0 {
            continue;
        }
        let top = searcher.search(&*query, &TopDocs::with_limit(limit).order_by_score())?;
        let top = top
            .into_iter()
            .map(|(score, DocAddress { doc_id, .. })| (doc_id, score))
            .collect();
        return Ok(Ranked {
            top,
            total,
            matched: required,
        });
    }
    Ok(Ranked::default())
}

/// Run a query: the best `limit` documents, best first, ties by document id.
pub fn search(index: &LangIndex, request: &Request) -> tantivy::Result<Results> {
    let groups = plan(index, &request.text);
    let Ranked {
        top,
        total,
        matched,
    } = best(index, &groups, &request.filters, request.limit)?;
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
        matched,
        total,
        results,
    })
}
