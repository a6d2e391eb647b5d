//! One tantivy index per language, built in memory: title and body fields
//! with the language's analyzer (tokenizer, lowercasing, stop words, Snowball
//! stemmer; no ASCII folding, which would turn ä into a), and one raw field
//! per facet for filters.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use tantivy::directory::RamDirectory;
use tantivy::schema::{Field, IndexRecordOption, STRING, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer,
    TokenizerManager,
};
use tantivy::{Index, IndexBuilder, Searcher, TantivyDocument};

use super::compounds::{self, CompoundParts};
use super::{FACETS, SearchDoc, SearchError, documents, stopwords};
use crate::content::Site;
use crate::i18n::I18n;

/// Tokens of this many UTF-8 bytes or more (after lowercasing) are dropped.
pub const MAX_TOKEN_BYTES: usize = 64;
/// Titles weigh this much more than body text.
pub const TITLE_BOOST: f32 = 2.0;

/// The Snowball algorithm and stop words used for a site language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Analysis {
    Finnish,
    Swedish,
    English,
    /// Languages without a stemmer here: tokenize and lowercase only.
    Plain,
}

impl Analysis {
    pub fn for_lang(lang: &str) -> Analysis {
        match lang {
            "fi" => Analysis::Finnish,
            "sv" => Analysis::Swedish,
            "en" => Analysis::English,
            _ => Analysis::Plain,
        }
    }

    /// The algorithm's name, as the JavaScript client knows it.
    pub fn stemmer_name(self) -> Option<&'static str> {
        match self {
            Analysis::Finnish => Some("finnish"),
            Analysis::Swedish => Some("swedish"),
            Analysis::English => Some("english"),
            Analysis::Plain => None,
        }
    }

    /// The stop words, sorted and without duplicates.
    pub fn stop_words(self) -> Vec<String> {
        let list: &[&str] = match self {
            Analysis::Finnish => stopwords::FINNISH,
            Analysis::Swedish => stopwords::SWEDISH,
            Analysis::English => stopwords::ENGLISH,
            Analysis::Plain => &[],
        };
        let mut words: Vec<String> = list.iter().map(|w| w.to_string()).collect();
        words.sort();
        words.dedup();
        words
    }

    fn language(self) -> Option<Language> {
        match self {
            Analysis::Finnish => Some(Language::Finnish),
            Analysis::Swedish => Some(Language::Swedish),
            Analysis::English => Some(Language::English),
            Analysis::Plain => None,
        }
    }

    /// Whether compounds are split (Finnish and Swedish write them as one word).
    pub fn splits_compounds(self) -> bool {
        matches!(self, Analysis::Finnish | Analysis::Swedish)
    }

    /// The analyzer of one word: lowercasing, stop words, stemming.
    pub fn analyzer(self) -> TextAnalyzer {
        self.analyzer_with(None)
    }

    /// The analyzer title and body are indexed with: [`Analysis::analyzer`],
    /// with each compound of `compounds` followed by its parts.
    pub fn analyzer_with(
        self,
        compounds: Option<Arc<HashMap<String, Vec<String>>>>,
    ) -> TextAnalyzer {
        let builder = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
            .dynamic();
        let builder = match compounds {
            Some(map) => builder.filter_dynamic(CompoundParts::new(map)),
            None => builder,
        };
        let builder = builder.filter_dynamic(StopWordFilter::remove(self.stop_words()));
        match self.language() {
            Some(language) => builder.filter_dynamic(Stemmer::new(language)).build(),
            None => builder.build(),
        }
    }

    /// Word forms as written (lowercased), before stop words and stemming.
    pub fn forms_analyzer() -> TextAnalyzer {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
            .build()
    }
}

/// Split a text into lowercased word forms, as the indexer sees them before
/// stop words and stemming.
pub fn forms(text: &str) -> Vec<String> {
    let mut analyzer = Analysis::forms_analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(token) = stream.next() {
        out.push(token.text.clone());
    }
    out
}

#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub title: Field,
    pub body: Field,
    pub facets: [Field; 6],
}

/// A language's index with what the exporter and the query side need.
pub struct LangIndex {
    pub lang: String,
    pub analysis: Analysis,
    pub index: Index,
    pub searcher: Searcher,
    pub fields: Fields,
    /// The documents, by tantivy document id.
    pub docs: Vec<SearchDoc>,
    /// Every word form of the corpus (lowercased, not a stop word): its
    /// term, and how often it occurs.
    pub forms: BTreeMap<String, Form>,
    /// Forms and terms with their diacritics folded (`kavely`, `kavel`) ->
    /// the terms they fold from, where folding changes them.
    pub folded: BTreeMap<String, BTreeSet<String>>,
    /// The compounds of the corpus and their parts, as indexed.
    pub compounds: Arc<HashMap<String, Vec<String>>>,
    analyzer: TextAnalyzer,
}

/// A word form of the corpus.
#[derive(Debug, Clone)]
pub struct Form {
    /// The term it is indexed as.
    pub stem: String,
    /// Occurrences in titles and bodies.
    pub count: u32,
}

impl LangIndex {
    /// Index the site's documents in `lang`, in memory, as one segment (so
    /// document ids follow the site order and scores use one set of statistics).
    pub fn build(site: &Site, i18n: &I18n, lang: &str) -> Result<LangIndex, SearchError> {
        let docs = documents(site, i18n, lang)?;
        LangIndex::from_docs(lang, docs).map_err(|source| SearchError::Index {
            lang: lang.to_string(),
            source,
        })
    }

    pub fn from_docs(lang: &str, docs: Vec<SearchDoc>) -> tantivy::Result<LangIndex> {
        let analysis = Analysis::for_lang(lang);
        let mut schema = Schema::builder();
        let text = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("lang")
                .set_index_option(IndexRecordOption::WithFreqs),
        );
        let title = schema.add_text_field("title", text.clone());
        let body = schema.add_text_field("body", text);
        let facets = FACETS.map(|name| schema.add_text_field(&format!("f_{name}"), STRING));
        let fields = Fields {
            title,
            body,
            facets,
        };
        // The corpus's word forms first: compounds are split by them.
        let mut analyzer = analysis.analyzer();
        let mut forms_analyzer = Analysis::forms_analyzer();
        let mut forms_map: BTreeMap<String, Form> = BTreeMap::new();
        for doc in &docs {
            for text in [&doc.title, &doc.body] {
                let mut stream = forms_analyzer.token_stream(text);
                while let Some(token) = stream.next() {
                    if let Some(form) = forms_map.get_mut(&token.text) {
                        form.count += 1;
                    } else if let Some(stem) = stem_with(&mut analyzer, &token.text) {
                        forms_map.insert(token.text.clone(), Form { stem, count: 1 });
                    }
                }
            }
        }
        let compounds = Arc::new(if analysis.splits_compounds() {
            compound_parts(analysis, &forms_map, &mut analyzer)
        } else {
            HashMap::new()
        });
        let tokenizers = TokenizerManager::default();
        tokenizers.register("lang", analysis.analyzer_with(Some(compounds.clone())));
        let mut writer = IndexBuilder::new()
            .schema(schema.build())
            .tokenizers(tokenizers)
            .single_segment_index_writer(RamDirectory::create(), 64 << 20)?;
        for doc in &docs {
            let mut tantivy_doc = TantivyDocument::default();
            tantivy_doc.add_text(title, &doc.title);
            tantivy_doc.add_text(body, &doc.body);
            for (field, value) in facets.iter().zip(&doc.facets) {
                if let Some(value) = value {
                    tantivy_doc.add_text(*field, &value.value);
                }
            }
            writer.add_document(tantivy_doc)?;
        }
        let index = writer.finalize()?;
        let searcher = index.reader()?.searcher();
        let folded = folded(&forms_map);
        Ok(LangIndex {
            lang: lang.to_string(),
            analysis,
            index,
            searcher,
            fields,
            docs,
            forms: forms_map,
            folded,
            compounds,
            analyzer,
        })
    }

    /// How many documents have `term`, in title and body together.
    pub fn doc_freq(&self, term: &str) -> u64 {
        [self.fields.title, self.fields.body]
            .iter()
            .map(|f| {
                self.searcher
                    .doc_freq(&tantivy::Term::from_field_text(*f, term))
                    .unwrap_or(0)
            })
            .sum()
    }

    /// Whether some document has `term`.
    pub fn is_term(&self, term: &str) -> bool {
        self.doc_freq(term) > 0
    }

    /// The term of one lowercased word form; None for a stop word.
    pub fn stem(&self, form: &str) -> Option<String> {
        if let Some(known) = self.forms.get(form) {
            return Some(known.stem.clone());
        }
        stem_with(&mut self.analyzer.clone(), form)
    }
}

/// Lowercase letters with their diacritics taken off, for people who type
/// without them (`kavely` for `kävely`, `sysselsattning`): ä, å -> a, ö -> o,
/// and the like. Other characters stay.
pub fn fold(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'ä' | 'å' | 'á' | 'à' | 'â' => 'a',
            'ö' | 'ø' | 'ó' | 'ò' | 'ô' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' | 'ù' | 'û' => 'u',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            other => other,
        })
        .collect()
}

/// Folded forms and terms -> the terms they fold from.
fn folded(forms: &BTreeMap<String, Form>) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (form, known) in forms {
        for key in [form, &known.stem] {
            let f = fold(key);
            if f != *key {
                out.entry(f).or_default().insert(known.stem.clone());
            }
        }
    }
    out
}

/// The compounds among the corpus's forms and their parts: a part is a form
/// of the corpus, the last one a form or a word whose stem is one of the
/// corpus's.
fn compound_parts(
    analysis: Analysis,
    forms: &BTreeMap<String, Form>,
    analyzer: &mut TextAnalyzer,
) -> HashMap<String, Vec<String>> {
    let stems: BTreeSet<&str> = forms.values().map(|f| f.stem.as_str()).collect();
    let combining =
        compounds::combining_parts(forms.keys().map(String::as_str), &|w| forms.contains_key(w));
    let is_word = |w: &str| forms.contains_key(w) || combining.contains(w);
    let analyzer = std::cell::RefCell::new(analyzer);
    let resolves = |w: &str| {
        forms.contains_key(w)
            || stem_with(&mut analyzer.borrow_mut(), w).is_some_and(|s| stems.contains(s.as_str()))
    };
    let swedish = analysis == Analysis::Swedish;
    let mut out = HashMap::new();
    for form in forms.keys() {
        let parts = compounds::parts(form, swedish, &is_word, &resolves);
        if !parts.is_empty() {
            out.insert(form.clone(), parts);
        }
    }
    out
}

fn stem_with(analyzer: &mut TextAnalyzer, form: &str) -> Option<String> {
    let mut stream = analyzer.token_stream(form);
    stream.next().map(|t| t.text.clone())
}
