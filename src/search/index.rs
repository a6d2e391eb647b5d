//! One tantivy index per language, built in memory: title and body fields
//! with the language's analyzer (tokenizer, lowercasing, stop words, Snowball
//! stemmer; no ASCII folding, which would turn ä into a), and one raw field
//! per facet for filters.

use std::collections::BTreeMap;

use tantivy::directory::RamDirectory;
use tantivy::schema::{Field, IndexRecordOption, STRING, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer,
    TokenizerManager,
};
use tantivy::{Index, IndexBuilder, Searcher, TantivyDocument};

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

    /// The full analyzer: what title and body are indexed with.
    pub fn analyzer(self) -> TextAnalyzer {
        let builder = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
            .filter(StopWordFilter::remove(self.stop_words()))
            .dynamic();
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
        let tokenizers = TokenizerManager::default();
        tokenizers.register("lang", analysis.analyzer());
        let mut writer = IndexBuilder::new()
            .schema(schema.build())
            .tokenizers(tokenizers)
            .single_segment_index_writer(RamDirectory::create(), 64 << 20)?;
        let mut analyzer = analysis.analyzer();
        let mut forms_analyzer = Analysis::forms_analyzer();
        let mut forms_map: BTreeMap<String, Form> = BTreeMap::new();
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
        let index = writer.finalize()?;
        let searcher = index.reader()?.searcher();
        Ok(LangIndex {
            lang: lang.to_string(),
            analysis,
            index,
            searcher,
            fields,
            docs,
            forms: forms_map,
            analyzer,
        })
    }

    /// The term of one lowercased word form; None for a stop word.
    pub fn stem(&self, form: &str) -> Option<String> {
        if let Some(known) = self.forms.get(form) {
            return Some(known.stem.clone());
        }
        stem_with(&mut self.analyzer.clone(), form)
    }
}

fn stem_with(analyzer: &mut TextAnalyzer, form: &str) -> Option<String> {
    let mut stream = analyzer.token_stream(form);
    stream.next().map(|t| t.text.clone())
}
