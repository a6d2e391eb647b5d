//! Compound words, split by the corpus's own vocabulary: `liikenneturvallisuus`
//! is `liikenne` + `turvallisuus` when both occur as words of their own (or
//! the second as another form of a word that does). At index time a compound
//! is indexed with its parts, so that a part finds the whole
//! (`turvallisuus` finds `liikenneturvallisuuden`) and a whole written
//! split finds it (`liikenne turvallisuus`); at query time a word the index
//! does not have is split the same way (`pyöräilyreiteille`).
//!
//! No dictionary of the language is needed, and no word is split into parts
//! the site never uses: that keeps the parts honest for Finnish and Swedish,
//! whose compounds are written as one word. English is not split.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Words shorter than this (in characters) are never split.
pub const SPLIT_MIN_CHARS: usize = 7;
/// Each part has at least this many characters.
pub const PART_MIN_CHARS: usize = 3;

/// The two parts of `word` (left part longest first): the left part a word
/// of the corpus (`is_word`), the right part one that `resolves` accepts;
/// in Swedish also with the linking `s` between them
/// (`laddnings|infrastruktur`). None when no split is found.
pub fn split_two<'w>(
    word: &'w str,
    swedish: bool,
    is_word: &dyn Fn(&str) -> bool,
    resolves: &dyn Fn(&str) -> bool,
) -> Option<(&'w str, &'w str)> {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    if chars.len() < SPLIT_MIN_CHARS {
        return None;
    }
    for left_chars in (PART_MIN_CHARS..=chars.len() - PART_MIN_CHARS).rev() {
        let cut = chars[left_chars].0;
        let (left, right) = word.split_at(cut);
        if !is_word(left) {
            continue;
        }
        if resolves(right) {
            return Some((left, right));
        }
        if swedish
            && let Some(rest) = right.strip_prefix('s')
            && rest.chars().count() >= PART_MIN_CHARS
            && resolves(rest)
        {
            return Some((left, rest));
        }
    }
    None
}

/// A left part that is no word of its own must start at least this many
/// compounds (with different right parts that are words) to count as one.
pub const COMBINING_MIN_USES: usize = 2;
/// And have at least this many characters.
pub const COMBINING_MIN_CHARS: usize = 4;

/// The left parts that start several compounds of the corpus without being
/// words of their own (Swedish `cykel` in `cykelväg`, `cykeltrafik` and
/// `cykelparkering`): each right part must be a word (`is_word`).
pub fn combining_parts<'w>(
    words: impl Iterator<Item = &'w str>,
    is_word: &dyn Fn(&str) -> bool,
) -> HashSet<&'w str> {
    let mut uses: HashMap<&str, usize> = HashMap::new();
    for word in words {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        if chars.len() < SPLIT_MIN_CHARS {
            continue;
        }
        for &(cut, _) in &chars[COMBINING_MIN_CHARS..=chars.len() - PART_MIN_CHARS] {
            let (left, right) = word.split_at(cut);
            if !is_word(left) && is_word(right) {
                *uses.entry(left).or_default() += 1;
            }
        }
    }
    uses.into_iter()
        .filter(|(_, n)| *n >= COMBINING_MIN_USES)
        .map(|(left, _)| left)
        .collect()
}

/// Every part of a compound of the corpus, splitting the right part again
/// when it is no word of its own (`pää|pyörä|reitit`). Empty when `word`
/// is not a compound.
pub fn parts(
    word: &str,
    swedish: bool,
    is_word: &dyn Fn(&str) -> bool,
    resolves: &dyn Fn(&str) -> bool,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = word;
    loop {
        let whole = |w: &str| resolves(w);
        let deeper = |w: &str| resolves(w) || split_two(w, swedish, is_word, resolves).is_some();
        let Some((left, right)) = split_two(rest, swedish, is_word, &deeper) else {
            break;
        };
        out.push(left.to_string());
        if whole(right) {
            out.push(right.to_string());
            break;
        }
        rest = right;
    }
    out
}

/// A token filter that follows each compound of `parts` with its parts, and
/// two neighbouring words that together are one of the compounds with that
/// compound, at the same position, so they are stemmed and indexed like
/// words.
#[derive(Clone)]
pub struct CompoundParts {
    parts: Arc<HashMap<String, Vec<String>>>,
}

impl CompoundParts {
    pub fn new(parts: Arc<HashMap<String, Vec<String>>>) -> CompoundParts {
        CompoundParts { parts }
    }
}

impl TokenFilter for CompoundParts {
    type Tokenizer<T: Tokenizer> = CompoundPartsFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CompoundPartsFilter<T> {
        CompoundPartsFilter {
            parts: self.parts,
            inner: tokenizer,
        }
    }
}

#[derive(Clone)]
pub struct CompoundPartsFilter<T> {
    parts: Arc<HashMap<String, Vec<String>>>,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for CompoundPartsFilter<T> {
    type TokenStream<'a> = CompoundPartsStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CompoundPartsStream {
            parts: &self.parts,
            tail: self.inner.token_stream(text),
            pending: Vec::new(),
            current: None,
            previous: None,
        }
    }
}

pub struct CompoundPartsStream<'a, T> {
    parts: &'a HashMap<String, Vec<String>>,
    tail: T,
    /// The tokens still to give after the last word (its parts, then a
    /// compound it makes with the word before it), the last one first.
    pending: Vec<Token>,
    current: Option<Token>,
    /// The word before the last one from the tokenizer.
    previous: Option<String>,
}

impl<T: TokenStream> TokenStream for CompoundPartsStream<'_, T> {
    fn advance(&mut self) -> bool {
        if let Some(part) = self.pending.pop() {
            self.current = Some(part);
            return true;
        }
        self.current = None;
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token();
        if let Some(previous) = self.previous.take() {
            let joined = previous + &token.text;
            if self.parts.contains_key(&joined) {
                self.pending.push(Token {
                    text: joined,
                    ..token.clone()
                });
            }
        }
        if let Some(parts) = self.parts.get(&token.text) {
            self.pending.extend(parts.iter().rev().map(|text| Token {
                text: text.clone(),
                ..token.clone()
            }));
        }
        self.previous = Some(token.text.clone());
        true
    }

    fn token(&self) -> &Token {
        self.current.as_ref().unwrap_or_else(|| self.tail.token())
    }

    fn token_mut(&mut self) -> &mut Token {
        match self.current.as_mut() {
            Some(token) => token,
            None => self.tail.token_mut(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn vocabulary(words: &[&str]) -> BTreeSet<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn a_compound_splits_into_words_of_the_corpus_longest_left_part_first() {
        let words = vocabulary(&[
            "liikenne",
            "liike",
            "turvallisuus",
            "pää",
            "pyörä",
            "reitit",
        ]);
        let is_word = |w: &str| words.contains(w);
        assert_eq!(
            parts("liikenneturvallisuus", false, &is_word, &is_word),
            ["liikenne", "turvallisuus"]
        );
        assert_eq!(
            parts("pääpyöräreitit", false, &is_word, &is_word),
            ["pää", "pyörä", "reitit"]
        );
        // Not a compound, or one part unknown: no parts.
        assert!(parts("turvallisuus", false, &is_word, &is_word).is_empty());
        assert!(parts("liikennevalot", false, &is_word, &is_word).is_empty());
    }

    #[test]
    fn a_left_part_that_starts_several_compounds_counts_as_a_word() {
        let words = vocabulary(&[
            "cykelväg",
            "cykeltrafik",
            "cykelparkering",
            "väg",
            "trafik",
            "parkering",
            "busshållplats",
        ]);
        let is_word = |w: &str| words.contains(w);
        let combining = combining_parts(words.iter().map(String::as_str), &is_word);
        assert!(combining.contains("cykel"));
        // One use is not enough.
        assert!(!combining.contains("buss"));
    }

    #[test]
    fn swedish_compounds_may_have_a_linking_s() {
        let words = vocabulary(&["laddning", "infrastruktur", "trafik", "säkerhet"]);
        let is_word = |w: &str| words.contains(w);
        assert_eq!(
            parts("laddningsinfrastruktur", true, &is_word, &is_word),
            ["laddning", "infrastruktur"]
        );
        assert_eq!(
            parts("trafiksäkerhet", true, &is_word, &is_word),
            ["trafik", "säkerhet"]
        );
        assert!(parts("laddningsinfrastruktur", false, &is_word, &is_word).is_empty());
    }

    #[test]
    fn the_filter_gives_the_whole_word_then_its_parts() {
        use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, TextAnalyzer};
        let mut map = HashMap::new();
        map.insert(
            "liikenneturvallisuus".to_string(),
            vec!["liikenne".to_string(), "turvallisuus".to_string()],
        );
        let mut analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CompoundParts::new(Arc::new(map)))
            .build();
        let mut stream = analyzer.token_stream("Hyvä liikenneturvallisuus nyt");
        let mut seen = Vec::new();
        while let Some(token) = stream.next() {
            seen.push(token.text.clone());
        }
        assert_eq!(
            seen,
            [
                "hyvä",
                "liikenneturvallisuus",
                "liikenne",
                "turvallisuus",
                "nyt"
            ]
        );
    }
}
