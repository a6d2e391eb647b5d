//! The static client index, read from tantivy's own segment: the term
//! dictionary, postings with term frequencies, field-norm ids, the document
//! count and the total tokens per field. Files under `search/{lang}/`:
//!
//! - `manifest.json`: counts, boosts, the field-norm table, query rules, shard
//!   boundaries, the facet catalogue and the other files' names.
//! - `d-{hash}.bin`: dictionary shards, split by sorted key at a bounded size.
//!   Each maps the word forms of the corpus (and the terms themselves) to a
//!   term, with the term's document frequency and postings location per
//!   field, and marks the stop words.
//! - `p-{hash}.bin`: postings pages of bounded size; a term's postings are
//!   chunks of at most `CHUNK` documents, each with its maximum score inputs.
//! - `f-{hash}.bin`: the facet values of every document, run-length coded.
//! - `s{group}-{hash}.bin`: title, URL, excerpt and facet value numbers of
//!   `STORE_GROUP` documents (JSON).
//! - `h-{hash}.json`: a term's head: the `HEAD_DOCS` documents that score
//!   best for the term alone, with their frequencies and field-norm ids and
//!   the same records as the store, and how many documents have the term.
//!   A one-word query needs nothing else for its first results; with other
//!   terms, the head is fetched with their postings and spares store files.
//! - `hot.dat`: the hot dictionary, fetched with the manifest: a dictionary
//!   shard with the `HOT_FORMS` most frequent word forms, their terms and
//!   the completions of each, so that a query for a common word needs no
//!   dictionary shard.
//!
//! The `.bin` files are compressed with raw DEFLATE, so a query downloads few
//! bytes even from a server that does not compress. The hot dictionary and
//! the heads, which a query for a common word needs first, are not: the
//! client would inflate them while it still runs cold, where a web server
//! compresses `.json` itself. Numbers are unsigned LEB128 varints; strings
//! are UTF-8 with a varint byte length before them.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::json;
use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::Postings;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocSet, TERMINATED};

use super::FACETS;
use super::compounds::{PART_MIN_CHARS, SPLIT_MIN_CHARS};
use super::index::{LangIndex, MAX_TOKEN_BYTES, TITLE_BOOST};
use super::query::{
    self, EXPAND_MAX_TERMS, EXPAND_MIN_CHARS, EXPAND_TRUNCATE, MAX_QUERY_TOKENS, PREFIX_MAX_TERMS,
    PREFIX_MIN_CHARS, TYPO_MIN_CHARS, TYPO_PREFIX_CHARS,
};
use crate::i18n::Collation;
use crate::output::{OutputFile, hash_name};
use crate::urls;

/// Format version of the client files.
pub const VERSION: u32 = 4;
/// Postings per chunk.
pub const CHUNK: usize = 512;
/// A postings page is started anew once it holds this many bytes (before
/// compression): the postings of many rare terms share a page.
pub const PAGE_BYTES: usize = 4096;
/// The postings of a term larger than a page get pages of their own, of up
/// to this many bytes, so a common word needs few requests.
pub const LARGE_PAGE_BYTES: usize = 32768;
/// A dictionary shard is closed once it holds this many bytes.
pub const SHARD_BYTES: usize = 4096;
/// The postings of a term in a field that take at most this many bytes are
/// written into the dictionary shards: a rare word needs no postings request.
pub const INLINE_BYTES: usize = 48;
/// Documents per store file.
pub const STORE_GROUP: usize = 8;
/// Characters of body text kept per document for snippets.
pub const EXCERPT_CHARS: usize = 360;
/// Documents in a term's head (the first page of results).
pub const HEAD_DOCS: usize = 10;
/// tantivy's BM25 parameters (its `Bm25Weight`), which the client reads
/// from the manifest.
pub const BM25_K1: f32 = 1.2;
pub const BM25_B: f32 = 0.75;
/// Word forms in the hot dictionary.
pub const HOT_FORMS: usize = 128;

fn varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn string(out: &mut Vec<u8>, s: &str) {
    varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// A chunk of one term's postings in one field.
#[derive(Debug, Clone)]
struct Chunk {
    bytes: Vec<u8>,
    /// The (term frequency, field-norm id) of the chunk's best-scoring posting.
    max_tf: u32,
    max_fieldnorm_id: u8,
    /// Where the chunk ended up: page number and byte offset; None when it
    /// is small enough to sit in the dictionary itself.
    page: Option<usize>,
    offset: usize,
}

#[derive(Debug, Default)]
struct FieldPostings {
    doc_freq: u32,
    chunks: Vec<Chunk>,
}

/// A term (stem) and its postings per field (title, body).
#[derive(Debug)]
struct TermEntry {
    text: String,
    fields: [FieldPostings; 2],
    /// The file of its head, when its postings are not all in the dictionary.
    head: Option<String>,
}

fn cached_norm(fieldnorm_id: u8, average: f32) -> f32 {
    BM25_K1
        * (1.0 - BM25_B + BM25_B * FieldNormReader::id_to_fieldnorm(fieldnorm_id) as f32 / average)
}

fn tf_factor(tf: u32, fieldnorm_id: u8, average: f32) -> f32 {
    let tf = tf as f32;
    tf / (tf + cached_norm(fieldnorm_id, average))
}

fn read_field(
    index: &LangIndex,
    field: Field,
    average: f32,
    slot: usize,
    terms: &mut BTreeMap<String, TermEntry>,
) -> tantivy::Result<()> {
    let segment = index.searcher.segment_reader(0);
    let inverted = segment.inverted_index(field)?;
    let norms = segment.get_fieldnorms_reader(field)?;
    let mut stream = inverted.terms().stream()?;
    while stream.advance() {
        let text = String::from_utf8_lossy(stream.key()).into_owned();
        let info = stream.value().clone();
        let mut postings =
            inverted.read_postings_from_terminfo(&info, IndexRecordOption::WithFreqs)?;
        let mut chunks = Vec::new();
        let mut current: Option<(Chunk, u32, usize)> = None;
        let mut doc = postings.doc();
        while doc != TERMINATED {
            let tf = postings.term_freq();
            let fieldnorm_id = norms.fieldnorm_id(doc);
            let (chunk, previous, count) = current.get_or_insert_with(|| {
                (
                    Chunk {
                        bytes: Vec::new(),
                        max_tf: tf,
                        max_fieldnorm_id: fieldnorm_id,
                        page: None,
                        offset: 0,
                    },
                    0,
                    0,
                )
            });
            let delta = u64::from(doc - *previous);
            if tf == 1 {
                varint(&mut chunk.bytes, delta << 1);
            } else {
                varint(&mut chunk.bytes, (delta << 1) | 1);
                varint(&mut chunk.bytes, u64::from(tf - 2));
            }
            chunk.bytes.push(fieldnorm_id);
            if tf_factor(tf, fieldnorm_id, average)
                > tf_factor(chunk.max_tf, chunk.max_fieldnorm_id, average)
            {
                chunk.max_tf = tf;
                chunk.max_fieldnorm_id = fieldnorm_id;
            }
            *previous = doc;
            *count += 1;
            if *count == CHUNK {
                chunks.push(current.take().expect("a chunk in progress").0);
            }
            doc = postings.advance();
        }
        if let Some((chunk, _, _)) = current {
            chunks.push(chunk);
        }
        let entry = terms.entry(text.clone()).or_insert_with(|| TermEntry {
            text,
            fields: Default::default(),
            head: None,
        });
        entry.fields[slot] = FieldPostings {
            doc_freq: info.doc_freq,
            chunks,
        };
    }
    Ok(())
}

/// Raw DEFLATE: what browsers and Node inflate with
/// `DecompressionStream("deflate-raw")`, whatever the web server does.
fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(bytes, 9)
}

fn file(lang: &str, name: &str, bytes: Vec<u8>) -> OutputFile {
    OutputFile {
        path: urls::search_file(lang, name),
        bytes,
    }
}

fn hashed(prefix: &str, ext: &str, bytes: &[u8]) -> String {
    format!("{prefix}-{}.{ext}", hash_name(bytes))
}

/// tantivy's idf, in f32 as tantivy computes it.
pub fn idf(doc_freq: u64, doc_count: u64) -> f32 {
    let x = ((doc_count - doc_freq) as f32 + 0.5) / (doc_freq as f32 + 0.5);
    (1.0 + x).ln()
}

/// The most frequent word forms of the corpus whose terms are in the index,
/// with their terms: the keys of the hot dictionary.
fn hot_forms<'a>(
    index: &'a LangIndex,
    terms: &BTreeMap<String, TermEntry>,
) -> Vec<(&'a str, &'a str)> {
    let mut forms: Vec<(&str, &super::index::Form)> = index
        .forms
        .iter()
        .filter(|(_, f)| terms.contains_key(&f.stem))
        .map(|(k, f)| (k.as_str(), f))
        .collect();
    forms.sort_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.0.cmp(b.0)));
    forms.truncate(HOT_FORMS);
    forms.sort_by(|a, b| a.0.cmp(b.0));
    forms
        .into_iter()
        .map(|(k, f)| (k, f.stem.as_str()))
        .collect()
}

/// Export one language's client index.
pub fn export(index: &LangIndex) -> tantivy::Result<Vec<OutputFile>> {
    let lang = index.lang.as_str();
    let segment = index.searcher.segment_reader(0);
    let doc_count = u64::from(segment.max_doc());
    let fields = [index.fields.title, index.fields.body];
    let mut total_tokens = [0u64; 2];
    let mut terms: BTreeMap<String, TermEntry> = BTreeMap::new();
    for (slot, field) in fields.iter().enumerate() {
        total_tokens[slot] = segment.inverted_index(*field)?.total_num_tokens();
        let average = if doc_count == 0 {
            1.0
        } else {
            total_tokens[slot] as f32 / doc_count as f32
        };
        read_field(index, *field, average, slot, &mut terms)?;
    }

    // Postings pages: every term's chunks in term order, title before body.
    let mut pages: Vec<Vec<u8>> = vec![Vec::new()];
    for entry in terms.values_mut() {
        for field in &mut entry.fields {
            let size: usize = field.chunks.iter().map(|c| c.bytes.len()).sum();
            if size <= INLINE_BYTES {
                continue;
            }
            let large = size > PAGE_BYTES;
            if large && !pages.last().is_some_and(Vec::is_empty) {
                pages.push(Vec::new());
            }
            let limit = if large { LARGE_PAGE_BYTES } else { PAGE_BYTES };
            for chunk in &mut field.chunks {
                let last = pages.last_mut().expect("one page at least");
                if !last.is_empty() && last.len() + chunk.bytes.len() > limit {
                    pages.push(Vec::new());
                }
                let page = pages.len() - 1;
                chunk.page = Some(page);
                chunk.offset = pages[page].len();
                pages[page].extend_from_slice(&chunk.bytes);
            }
            if large {
                pages.push(Vec::new());
            }
        }
    }
    if pages.last().is_some_and(Vec::is_empty) {
        pages.pop();
    }
    let pages: Vec<Vec<u8>> = pages.iter().map(|p| deflate(p)).collect();
    let page_names: Vec<String> = pages.iter().map(|p| hashed("p", "bin", p)).collect();

    let mut files = Vec::new();
    // Facets: catalogue (values sorted for display) and per-document runs.
    let mut catalogue = Vec::new();
    let mut doc_codes: Vec<Vec<usize>> = vec![Vec::new(); index.docs.len()];
    let mut facet_bytes = Vec::new();
    varint(&mut facet_bytes, doc_count);
    let collation = Collation::new(&index.lang);
    for (slot, name) in FACETS.iter().enumerate() {
        let mut values: BTreeMap<&str, &str> = BTreeMap::new();
        for doc in &index.docs {
            if let Some(v) = &doc.facets[slot] {
                values.insert(v.value.as_str(), v.label.as_str());
            }
        }
        let mut ordered: Vec<(&str, &str)> = values.into_iter().collect();
        if *name == "year" {
            ordered.sort_by(|a, b| b.0.cmp(a.0));
        } else {
            ordered.sort_by(|a, b| collation.compare(a.1, b.1).then_with(|| a.0.cmp(b.0)));
        }
        let position: BTreeMap<&str, usize> = ordered
            .iter()
            .enumerate()
            .map(|(i, (v, _))| (*v, i + 1))
            .collect();
        let codes: Vec<usize> = index
            .docs
            .iter()
            .map(|d| {
                d.facets[slot]
                    .as_ref()
                    .map_or(0, |v| position[v.value.as_str()])
            })
            .collect();
        for (doc, code) in codes.iter().enumerate() {
            doc_codes[doc].push(*code);
        }
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for code in codes {
            match runs.last_mut() {
                Some((len, c)) if *c == code => *len += 1,
                _ => runs.push((1, code)),
            }
        }
        varint(&mut facet_bytes, runs.len() as u64);
        for (len, code) in runs {
            varint(&mut facet_bytes, len as u64);
            varint(&mut facet_bytes, code as u64);
        }
        catalogue.push(json!({
            "name": name,
            "values": ordered.iter().map(|(v, l)| json!([v, l])).collect::<Vec<_>>(),
        }));
    }
    let facet_bytes = deflate(&facet_bytes);
    let facets_name = hashed("f", "bin", &facet_bytes);
    files.push(file(lang, &facets_name, facet_bytes));

    // Store: title, URL, excerpt and facet codes, a few documents per file.
    let groups: Vec<Vec<u8>> = index
        .docs
        .iter()
        .zip(&doc_codes)
        .collect::<Vec<_>>()
        .chunks(STORE_GROUP)
        .map(|group| {
            let records: Vec<serde_json::Value> = group
                .iter()
                .map(|(d, codes)| json!([d.title, d.url, excerpt(&d.body), codes]))
                .collect();
            deflate(&serde_json::to_vec(&records).expect("JSON of strings"))
        })
        .collect();
    let mut all = Vec::new();
    for g in &groups {
        all.extend_from_slice(g);
    }
    let store_hash = hash_name(&all);
    for (i, bytes) in groups.into_iter().enumerate() {
        files.push(file(lang, &format!("s{i}-{store_hash}.bin"), bytes));
    }

    // The hot dictionary's forms, and the terms of their completions.
    let hot_forms = hot_forms(index, &terms);
    let completions: Vec<(&str, Vec<String>)> = hot_forms
        .iter()
        .map(|(form, stem)| {
            let more = query::completions(index, form, Some(stem))
                .into_iter()
                .filter(|t| terms.contains_key(t))
                .collect();
            (*form, more)
        })
        .collect();
    let hot_terms: BTreeSet<&str> = hot_forms.iter().map(|(_, stem)| *stem).collect();

    // Heads: the best documents of a term (or of a hot form's group, the
    // form's term and its completions) as tantivy ranks them, with their
    // scores and store records, and how many documents match; for a term
    // whose postings take a request of their own or that is a hot form's.
    let mut head_names = BTreeSet::new();
    let mut head = |groups: Vec<String>| -> tantivy::Result<String> {
        let query::Ranked {
            top: best, total, ..
        } = query::best(index, &[groups], &BTreeMap::new(), HEAD_DOCS)?;
        let docs: Vec<serde_json::Value> = best
            .into_iter()
            .map(|(doc, score)| {
                let d = &index.docs[doc as usize];
                // f64: the score's exact value, which JSON keeps.
                let record = (&d.title, &d.url, excerpt(&d.body), &doc_codes[doc as usize]);
                json!([
                    doc,
                    f64::from(score),
                    record.0,
                    record.1,
                    record.2,
                    record.3
                ])
            })
            .collect();
        let bytes = serde_json::to_vec(&json!({"total": total, "docs": docs})).expect("JSON");
        let name = hashed("h", "json", &bytes);
        // Terms with the same best documents and total share one file.
        if head_names.insert(name.clone()) {
            files.push(file(lang, &name, bytes));
        }
        Ok(name)
    };
    for entry in terms.values_mut() {
        if entry
            .fields
            .iter()
            .all(|f| f.chunks.iter().all(|c| c.page.is_none()))
            && !hot_terms.contains(entry.text.as_str())
        {
            continue;
        }
        entry.head = Some(head(vec![entry.text.clone()])?);
    }
    let mut group_heads: Vec<Option<String>> = Vec::new();
    for ((_, stem), (_, more)) in hot_forms.iter().zip(&completions) {
        group_heads.push(if more.is_empty() {
            None
        } else {
            let group = std::iter::once(stem.to_string()).chain(more.iter().cloned());
            Some(head(group.collect())?)
        });
    }

    // Dictionary keys: every form (pointing to its term), every term, and the
    // stop words. A key that is a form of one term and itself another term
    // (or a stop word) has two entries.
    let stop_words = index.analysis.stop_words();
    let mut keys: BTreeSet<(&str, &str, Kind)> = BTreeSet::new();
    for (form, known) in &index.forms {
        if terms.contains_key(&known.stem) {
            keys.insert((form.as_str(), known.stem.as_str(), Kind::Form));
        }
    }
    for term in terms.keys() {
        if index.forms.get(term).is_none_or(|f| f.stem != *term) {
            keys.insert((term.as_str(), term.as_str(), Kind::Term));
        }
    }
    for word in &stop_words {
        keys.insert((word.as_str(), "", Kind::Stop));
    }
    for (key, folded_from) in &index.folded {
        for term in folded_from {
            if terms.contains_key(term) {
                keys.insert((key.as_str(), term.as_str(), Kind::Folded));
            }
        }
    }
    let mut shards: Vec<serde_json::Value> = Vec::new();
    let mut builder = ShardBuilder::default();
    for (key, stem, kind) in &keys {
        if builder.size() >= SHARD_BYTES && builder.keys.last().is_none_or(|k| k.0 != *key) {
            let (first, bytes) = builder.finish(&terms, &page_names);
            let bytes = deflate(&bytes);
            let name = hashed("d", "bin", &bytes);
            shards.push(json!([first, name]));
            files.push(file(lang, &name, bytes));
        }
        builder.add(key, stem, *kind, &terms);
    }
    if !builder.keys.is_empty() {
        let (first, bytes) = builder.finish(&terms, &page_names);
        let bytes = deflate(&bytes);
        let name = hashed("d", "bin", &bytes);
        shards.push(json!([first, name]));
        files.push(file(lang, &name, bytes));
    }
    for (name, bytes) in page_names.iter().zip(pages) {
        files.push(file(lang, name, bytes));
    }

    // The hot dictionary: every entry of the most frequent forms, and the
    // terms of their completions, listed after the keys.
    for (form, _) in &hot_forms {
        for entry in keys.range((*form, "", Kind::Term)..) {
            if entry.0 != *form {
                break;
            }
            builder.add(entry.0, entry.1, entry.2, &terms);
        }
    }
    for (_, more) in &completions {
        for term in more {
            builder
                .terms
                .insert(terms.get_key_value(term).expect("a term").0);
        }
    }
    let more_names: Vec<&str> = group_heads.iter().flatten().map(String::as_str).collect();
    let shard = builder.finish_with(&terms, &page_names, &more_names);
    let mut hot = shard.bytes;
    // After the keys, per hot form: its key's number, its completions' term
    // numbers, and its group head's file number + 1 (0: none).
    varint(&mut hot, completions.len() as u64);
    for ((form, more), group_head) in completions.iter().zip(&group_heads) {
        varint(&mut hot, shard.key_numbers[form] as u64);
        varint(&mut hot, more.len() as u64);
        for term in more {
            varint(&mut hot, shard.term_numbers[term.as_str()] as u64);
        }
        let file = group_head.as_ref().map_or(0, |h| {
            shard
                .names
                .iter()
                .position(|n| n == h)
                .expect("a named head")
                + 1
        });
        varint(&mut hot, file as u64);
    }
    files.push(file(lang, urls::SEARCH_HOT, hot));

    // idf values where f32 `ln` and a correctly rounded f64 `ln` differ.
    let doc_freqs: BTreeSet<u32> = terms
        .values()
        .flat_map(|t| t.fields.iter().map(|f| f.doc_freq))
        .filter(|&df| df > 0)
        .collect();
    let mut idf_overrides = serde_json::Map::new();
    for df in doc_freqs {
        let exact = idf(u64::from(df), doc_count);
        let x = ((doc_count - u64::from(df)) as f32 + 0.5) / (df as f32 + 0.5);
        let wide = f64::from(1.0f32 + x).ln() as f32;
        if exact.to_bits() != wide.to_bits() {
            idf_overrides.insert(df.to_string(), json!(exact));
        }
    }

    // The field-norm table as differences between neighbours (it only grows).
    let fieldnorms: Vec<u32> = (0..=255u8)
        .map(|id| {
            FieldNormReader::id_to_fieldnorm(id)
                - id.checked_sub(1)
                    .map_or(0, FieldNormReader::id_to_fieldnorm)
        })
        .collect();

    let manifest = json!({
        "version": VERSION,
        "lang": lang,
        "docs": doc_count,
        "fields": ["title", "body"],
        "boosts": [TITLE_BOOST, 1.0],
        "totalTokens": total_tokens,
        "k1": BM25_K1,
        "b": BM25_B,
        "fieldnormDeltas": fieldnorms,
        "idf": idf_overrides,
        "stemmer": index.analysis.stemmer_name(),
        "stopWords": stop_words.len(),
        "maxTokenBytes": MAX_TOKEN_BYTES,
        "maxQueryTokens": MAX_QUERY_TOKENS,
        "prefix": {"minChars": PREFIX_MIN_CHARS, "maxTerms": PREFIX_MAX_TERMS},
        "expand": {
            "maxTerms": EXPAND_MAX_TERMS,
            "truncate": EXPAND_TRUNCATE,
            "minChars": EXPAND_MIN_CHARS,
        },
        "typo": {"minChars": TYPO_MIN_CHARS, "prefixChars": TYPO_PREFIX_CHARS},
        "compounds": index.analysis.splits_compounds().then(|| json!({
            "minChars": SPLIT_MIN_CHARS,
            "partMinChars": PART_MIN_CHARS,
            "linkingS": index.analysis == super::index::Analysis::Swedish,
        })),
        "chunk": CHUNK,
        "shards": shards,
        "facets": {"file": facets_name, "fields": catalogue},
        "store": {"group": STORE_GROUP, "hash": store_hash},
        "hot": {"file": urls::SEARCH_HOT, "forms": hot_forms.len()},
        "head": HEAD_DOCS,
    });
    files.push(file(
        lang,
        urls::SEARCH_MANIFEST,
        serde_json::to_vec(&manifest).expect("JSON"),
    ));
    Ok(files)
}

fn excerpt(body: &str) -> String {
    let mut out = String::new();
    for (i, word) in body.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
        if out.chars().count() >= EXCERPT_CHARS {
            let cut: String = out.chars().take(EXCERPT_CHARS).collect();
            return format!("{cut}…");
        }
    }
    out
}

/// Collects the keys of one dictionary shard and the terms they refer to.
#[derive(Default)]
struct ShardBuilder<'a> {
    keys: Vec<(&'a str, &'a str, Kind)>,
    terms: BTreeSet<&'a str>,
    estimate: usize,
}

/// What a dictionary key is: a term, a word form of a term, a stop word, or
/// a form or term with its diacritics folded (one entry per term it folds
/// from).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Term = 0,
    Form = 1,
    Stop = 2,
    Folded = 3,
}

impl<'a> ShardBuilder<'a> {
    fn size(&self) -> usize {
        self.estimate
    }

    fn add(
        &mut self,
        key: &'a str,
        stem: &'a str,
        kind: Kind,
        terms: &BTreeMap<String, TermEntry>,
    ) {
        self.estimate += 2 + key.len();
        if kind != Kind::Stop && self.terms.insert(stem) {
            let entry = &terms[stem];
            self.estimate += 2 + stem.len() + entry.head.as_ref().map_or(1, |_| 16);
            for field in &entry.fields {
                self.estimate += 2 + field
                    .chunks
                    .iter()
                    .map(|c| match c.page {
                        Some(_) => 8,
                        None => 3 + c.bytes.len(),
                    })
                    .sum::<usize>();
            }
        }
        self.keys.push((key, stem, kind));
    }

    /// The shard's first key and bytes; the builder is emptied.
    fn finish(
        &mut self,
        terms: &BTreeMap<String, TermEntry>,
        page_names: &[String],
    ) -> (String, Vec<u8>) {
        let shard = self.finish_with(terms, page_names, &[]);
        (shard.first, shard.bytes)
    }

    /// [`ShardBuilder::finish`], with more files in the shard's table of
    /// names, and the shard's numbering of names, keys and terms.
    fn finish_with(
        &mut self,
        terms: &BTreeMap<String, TermEntry>,
        page_names: &[String],
        more_names: &[&str],
    ) -> Shard<'a> {
        let first = self.keys.first().map_or(String::new(), |k| k.0.to_string());
        let mut out = Vec::new();
        varint(&mut out, u64::from(VERSION));
        // Files referenced by this shard's terms: postings pages and heads.
        let mut names: BTreeSet<&str> = BTreeSet::new();
        for stem in &self.terms {
            let entry = &terms[*stem];
            for field in &entry.fields {
                names.extend(
                    field
                        .chunks
                        .iter()
                        .filter_map(|c| c.page)
                        .map(|p| page_names[p].as_str()),
                );
            }
            names.extend(entry.head.as_deref());
        }
        names.extend(more_names);
        let local: BTreeMap<&str, usize> = names.iter().enumerate().map(|(i, n)| (*n, i)).collect();
        // Names and keys are each one string, separated by NUL: the client
        // decodes each with one call, which matters when it runs cold.
        varint(&mut out, names.len() as u64);
        string(
            &mut out,
            &names.iter().copied().collect::<Vec<_>>().join("\0"),
        );
        let term_numbers: BTreeMap<&'a str, usize> = self
            .terms
            .iter()
            .enumerate()
            .map(|(i, t)| (*t, i))
            .collect();
        varint(&mut out, self.terms.len() as u64);
        // Each term's record has its length first, so the client can skip
        // over the terms it does not need.
        for stem in &self.terms {
            let entry: &TermEntry = &terms[*stem];
            let mut record = Vec::new();
            string(&mut record, &entry.text);
            for field in &entry.fields {
                varint(&mut record, u64::from(field.doc_freq));
                for chunk in &field.chunks {
                    // Page number + 1 and offset, or 0 and the postings themselves.
                    match chunk.page {
                        Some(page) => {
                            varint(&mut record, local[page_names[page].as_str()] as u64 + 1);
                            varint(&mut record, chunk.offset as u64);
                            varint(&mut record, chunk.bytes.len() as u64);
                        }
                        None => {
                            varint(&mut record, 0);
                            varint(&mut record, chunk.bytes.len() as u64);
                            record.extend_from_slice(&chunk.bytes);
                        }
                    }
                    varint(&mut record, u64::from(chunk.max_tf));
                    record.push(chunk.max_fieldnorm_id);
                }
            }
            // The head's file number + 1, or 0.
            varint(
                &mut record,
                entry.head.as_deref().map_or(0, |h| local[h] as u64 + 1),
            );
            varint(&mut out, record.len() as u64);
            out.extend_from_slice(&record);
        }
        varint(&mut out, self.keys.len() as u64);
        string(
            &mut out,
            &self.keys.iter().map(|k| k.0).collect::<Vec<_>>().join("\0"),
        );
        for (_, stem, kind) in &self.keys {
            varint(
                &mut out,
                (term_numbers.get(stem).copied().unwrap_or(0) * 4 + *kind as usize) as u64,
            );
        }
        let mut key_numbers = BTreeMap::new();
        for (i, key) in self.keys.iter().enumerate() {
            key_numbers.entry(key.0).or_insert(i);
        }
        let names = names.into_iter().map(str::to_string).collect();
        self.keys.clear();
        self.terms.clear();
        self.estimate = 0;
        Shard {
            first,
            bytes: out,
            names,
            term_numbers,
            key_numbers,
        }
    }
}

/// A finished dictionary shard, and how it numbers what it holds.
struct Shard<'a> {
    first: String,
    bytes: Vec<u8>,
    /// Its table of file names (postings pages and heads).
    names: Vec<String>,
    /// Each term's number.
    term_numbers: BTreeMap<&'a str, usize>,
    /// Each key's number (its first entry's, where a key has several).
    key_numbers: BTreeMap<&'a str, usize>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::SearchDoc;
    use crate::search::query::{Request, search};

    fn doc(title: &str, body: &str, n: usize) -> SearchDoc {
        SearchDoc {
            title: title.to_string(),
            body: body.to_string(),
            url: format!("fi/doc-{n}/"),
            facets: Default::default(),
        }
    }

    /// A corpus where "pyöräily" is in many documents, in titles and bodies
    /// of different lengths and frequencies, so its postings need a request.
    fn corpus() -> LangIndex {
        let mut docs = Vec::new();
        for n in 0..120 {
            let filler = "kaupunki kehittää palveluja asukkaille ".repeat(n % 7);
            let title = if n % 5 == 0 {
                "Pyöräily lisääntyy"
            } else {
                "Liikenne"
            };
            let body = format!("{filler}{}", "pyöräilyn ".repeat(1 + n % 4));
            docs.push(doc(title, &body, n));
        }
        for n in 120..140 {
            docs.push(doc("Kirjasto", "lukeminen ja kirjat", n));
        }
        LangIndex::from_docs("fi", docs).unwrap()
    }

    #[test]
    fn a_head_holds_the_best_documents_of_a_one_term_query_and_its_total() {
        let index = corpus();
        let files = export(&index).unwrap();
        // One file per name: terms with the same head share it.
        let paths: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths.len(), files.len());
        let heads: Vec<serde_json::Value> = files
            .iter()
            .filter(|f| f.path.starts_with("search/fi/h-"))
            .map(|f| serde_json::from_slice(&f.bytes).unwrap())
            .collect();
        let head = heads
            .iter()
            .find(|h| h["total"] == 120)
            .expect("a head for pyöräily");
        let request = Request {
            text: "pyöräily ".to_string(),
            limit: HEAD_DOCS,
            ..Request::default()
        };
        let tantivy = search(&index, &request).unwrap();
        assert_eq!(tantivy.total, 120);
        let head_docs: Vec<u64> = head["docs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d[0].as_u64().unwrap())
            .collect();
        let best: Vec<u64> = tantivy.results.iter().map(|h| u64::from(h.doc)).collect();
        assert_eq!(head_docs, best);
        // Each record: the score as tantivy gives it, then the store record.
        let first = &head["docs"][0];
        assert_eq!(
            first[1].as_f64().unwrap(),
            f64::from(tantivy.results[0].score)
        );
        let d = &index.docs[first[0].as_u64().unwrap() as usize];
        assert_eq!(first[2], d.title.as_str());
        assert_eq!(first[3], d.url.as_str());
    }

    #[test]
    fn the_hot_dictionary_holds_the_most_frequent_forms() {
        let index = corpus();
        let files = export(&index).unwrap();
        let manifest: serde_json::Value = serde_json::from_slice(
            &files
                .iter()
                .find(|f| f.path == "search/fi/manifest.json")
                .unwrap()
                .bytes,
        )
        .unwrap();
        assert_eq!(manifest["hot"]["file"], urls::SEARCH_HOT);
        assert_eq!(manifest["head"], HEAD_DOCS);
        // Fewer forms than the table holds: every one of them is hot.
        assert_eq!(manifest["hot"]["forms"], index.forms.len());
        let hot = &files
            .iter()
            .find(|f| f.path == urls::search_file("fi", urls::SEARCH_HOT))
            .unwrap()
            .bytes;
        let text = String::from_utf8_lossy(hot);
        for word in ["pyöräilyn", "pyöräily", "kirjasto", "lukeminen", "lukemin"] {
            assert!(text.contains(word), "{word}");
        }
        // With more forms than that, the most frequent ones.
        let mut docs = Vec::new();
        for n in 0..(HOT_FORMS + 40) {
            docs.push(doc("Pyöräily", &format!("sana{n}x pyöräilyn"), n));
        }
        let index = LangIndex::from_docs("fi", docs).unwrap();
        let terms: BTreeMap<String, TermEntry> = index
            .forms
            .values()
            .map(|f| {
                let entry = TermEntry {
                    text: f.stem.clone(),
                    fields: Default::default(),
                    head: None,
                };
                (f.stem.clone(), entry)
            })
            .collect();
        let forms = hot_forms(&index, &terms);
        assert_eq!(forms.len(), HOT_FORMS);
        assert!(forms.iter().any(|(f, _)| *f == "pyöräilyn"));
        assert!(forms.iter().any(|(f, _)| *f == "pyöräily"));
    }
}
