// tuloskortti search client: an ES module for browsers and Node, no framework.
//
// It reads the static index that the build exports from tantivy's segments
// (search/{lang}/manifest.json and the hashed files it names) and ranks
// exactly as tantivy does: BM25 in f32 arithmetic (Math.fround), tantivy's
// idf and field-norm decoding, the same boosts, the same summation order,
// ties by ascending document id. A query downloads the manifest and the hot
// dictionary (the most frequent word forms), the dictionary shards of its
// other words, the postings pages and the head (best documents' titles and
// excerpts) of its terms, the facet table, and the store files of the
// results it shows that no head had.
//
// A word the index does not have is matched forgivingly (its stem's other
// forms, cut stems, forms without diacritics, or its two parts when it is a
// compound), and when no document has every word, the documents with the
// most of them are ranked: the rules of `src/search/query.rs`.
//
//   import { search } from "./search.js";
//   const { results, total, facets } = await search("pyöräilyn", { lang: "fi" });

const f32 = Math.fround;
const decoder = new TextDecoder();
const encoder = new TextEncoder();
const WORD = /[\p{Alphabetic}\p{N}]+/gu;
/** The index's entry points: fixed names (urls::SEARCH_MANIFEST and
 * SEARCH_HOT on the server), so that both are fetched at once. The manifest
 * names the hot dictionary too, and its name wins. */
const MANIFEST_FILE = "manifest.json";
const HOT_FILE = "hot.dat";

/** Letters without diacritics, as the indexer folds them (`index::fold`). */
const FOLD = new Map(
  [
    ["a", "äåáàâ"],
    ["o", "öøóòô"],
    ["e", "éèêë"],
    ["u", "üúùû"],
    ["i", "íìîï"],
  ].flatMap(([plain, marked]) => [...marked].map((c) => [c, plain])),
);
export function fold(word) {
  let out = "";
  for (const ch of word) out += FOLD.get(ch) ?? ch;
  return out;
}

/** Lowercase one code point at a time, as tantivy's LowerCaser does. */
function lower(word) {
  let out = "";
  for (const ch of word) out += ch.toLowerCase();
  return out;
}

function utf8Length(s) {
  return encoder.encode(s).length;
}

function charCount(s) {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Compare strings by code point, which is the UTF-8 byte order of the index. */
export function compareKeys(a, b) {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0);
    const cy = y.value.codePointAt(0);
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

/**
 * The query's words, lowercased, and whether the last one is still being
 * typed (nothing follows it). Same rules as the indexer's tokenizer.
 */
export function queryWords(text, manifest) {
  const forms = [];
  let typing = false;
  const maxTokens = manifest.maxQueryTokens;
  WORD.lastIndex = 0;
  for (const match of text.matchAll(WORD)) {
    const form = lower(match[0]);
    if (utf8Length(form) >= manifest.maxTokenBytes) continue;
    if (forms.length === maxTokens) {
      typing = false;
      break;
    }
    forms.push(form);
    typing = match.index + match[0].length === text.length;
  }
  return { forms, typing };
}

class Reader {
  constructor(bytes) {
    this.bytes = bytes;
    this.pos = 0;
  }
  varint() {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = this.bytes[this.pos++];
      result += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return result;
      shift += 7;
    }
  }
  byte() {
    return this.bytes[this.pos++];
  }
  string() {
    const len = this.varint();
    const s = decoder.decode(this.bytes.subarray(this.pos, this.pos + len));
    this.pos += len;
    return s;
  }
}

/**
 * A dictionary shard: sorted keys (word forms and terms) -> terms with their
 * document frequency and postings location per field. Term records are
 * parsed only when a key leads to them.
 */
class Shard {
  constructor(bytes, chunkSize) {
    const r = new Reader(bytes);
    r.varint(); // version
    this.chunkSize = chunkSize;
    this.bytes = bytes;
    const names = r.varint();
    this.pages = names === 0 ? (r.string(), []) : r.string().split("\0");
    const termCount = r.varint();
    this.termOffsets = new Int32Array(termCount);
    this.termCache = new Array(termCount);
    for (let i = 0; i < termCount; i++) {
      const len = r.varint();
      this.termOffsets[i] = r.pos;
      r.pos += len;
    }
    const keyCount = r.varint();
    this.keys = keyCount === 0 ? (r.string(), []) : r.string().split("\0");
    // Per key: term number * 4 + kind (0 term, 1 word form, 2 stop word,
    // 3 a folded form or term: one entry per term it folds from).
    this.codes = new Int32Array(keyCount);
    // key -> { form: entry number as a word form, term: as a term, stop: true }
    this.byKey = new Map();
    for (let i = 0; i < keyCount; i++) {
      const code = r.varint();
      const key = this.keys[i];
      this.codes[i] = code;
      let slot = this.byKey.get(key);
      if (slot === undefined) {
        slot = {};
        this.byKey.set(key, slot);
      }
      const kind = code & 3;
      if (kind === 0) slot.term = i;
      else if (kind === 1) slot.form = i;
      else if (kind === 2) slot.stop = true;
      else (slot.folded ??= []).push(i);
    }
    this.end = r.pos;
  }

  term(index) {
    let term = this.termCache[index];
    if (term) return term;
    const r = new Reader(this.bytes);
    r.pos = this.termOffsets[index];
    const text = r.string();
    const fields = [];
    for (let field = 0; field < 2; field++) {
      const df = r.varint();
      const chunks = [];
      const count = Math.ceil(df / this.chunkSize);
      for (let c = 0; c < count; c++) {
        const chunk = { count: c < count - 1 ? this.chunkSize : df - this.chunkSize * (count - 1) };
        const page = r.varint();
        if (page === 0) {
          // Small postings sit in the dictionary itself.
          chunk.length = r.varint();
          chunk.inline = this.bytes.subarray(r.pos, r.pos + chunk.length);
          chunk.offset = 0;
          r.pos += chunk.length;
        } else {
          chunk.page = this.pages[page - 1];
          chunk.offset = r.varint();
          chunk.length = r.varint();
        }
        chunk.maxTf = r.varint();
        chunk.maxFieldnormId = r.byte();
        chunks.push(chunk);
      }
      fields.push({ df, chunks });
    }
    const head = r.varint();
    term = { text, fields, head: head === 0 ? null : this.pages[head - 1] };
    this.termCache[index] = term;
    return term;
  }

  entry(i) {
    const kind = this.codes[i] & 3;
    return {
      key: this.keys[i],
      term: kind === 2 ? null : this.term(this.codes[i] >> 2),
      isForm: kind === 1,
      isStop: kind === 2,
      isFolded: kind === 3,
    };
  }

  /**
   * { form: the term of the word form `key`, term: the term spelled `key`,
   * stop: a stop word, folded: the terms whose forms fold to `key` }
   */
  lookup(key) {
    const slot = this.byKey.get(key);
    if (slot === undefined) return {};
    const out = {};
    if (slot.form !== undefined) {
      out.form = this.term(this.codes[slot.form] >> 2);
      if (out.form.text === key) out.term = out.form;
    }
    if (slot.term !== undefined) out.term = this.term(this.codes[slot.term] >> 2);
    if (slot.stop) out.stop = true;
    if (slot.folded) out.folded = slot.folded.map((i) => this.term(this.codes[i] >> 2));
    return out;
  }

  /** Entries whose key starts with `prefix`. */
  withPrefix(prefix) {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareKeys(this.keys[mid], prefix) < 0) lo = mid + 1;
      else hi = mid;
    }
    const out = [];
    for (let i = lo; i < this.keys.length && this.keys[i].startsWith(prefix); i++) out.push(this.entry(i));
    return out;
  }

  all() {
    return this.keys.map((_, i) => this.entry(i));
  }
}

/**
 * The hot dictionary: a shard of the most frequent word forms, and after its
 * keys the completions of each (its terms, ranked as `plan` ranks them).
 */
class HotShard extends Shard {
  constructor(bytes, chunkSize) {
    super(bytes, chunkSize);
    const r = new Reader(bytes);
    r.pos = this.end;
    // key -> its completions' term numbers (parsed into terms when asked),
    // and the head of its group (the form's term and its completions)
    this.completionNumbers = new Map();
    this.groupHeads = new Map();
    for (let n = r.varint(); n > 0; n--) {
      const key = this.keys[r.varint()];
      const numbers = [];
      for (let m = r.varint(); m > 0; m--) numbers.push(r.varint());
      this.completionNumbers.set(key, numbers);
      const head = r.varint();
      if (head > 0) this.groupHeads.set(key, this.pages[head - 1]);
    }
  }

  /** The completions of a hot form, ranked; undefined for another key. */
  completions(key) {
    return this.completionNumbers.get(key)?.map((i) => this.term(i));
  }
}

/** One chunk of postings: document ids, term frequencies, field-norm ids. */
function decodeChunk(page, chunk) {
  const r = new Reader(page.subarray(chunk.offset, chunk.offset + chunk.length));
  const docs = new Int32Array(chunk.count);
  const tfs = new Int32Array(chunk.count);
  const norms = new Uint8Array(chunk.count);
  let doc = 0;
  for (let i = 0; i < chunk.count; i++) {
    const v = r.varint();
    doc += Math.floor(v / 2);
    docs[i] = doc;
    tfs[i] = v % 2 === 1 ? r.varint() + 2 : 1;
    norms[i] = r.byte();
  }
  return { docs, tfs, norms };
}

function parseFacets(bytes, facetCount) {
  const r = new Reader(bytes);
  const docCount = r.varint();
  const codes = [];
  for (let f = 0; f < facetCount; f++) {
    const column = new Uint32Array(docCount);
    let doc = 0;
    for (let runs = r.varint(); runs > 0; runs--) {
      const length = r.varint();
      const code = r.varint();
      column.fill(code, doc, doc + length);
      doc += length;
    }
    codes.push(column);
  }
  return codes;
}

/** Everything derived from one language's manifest. */
class LangIndex {
  constructor(client, lang, manifest, hot) {
    this.client = client;
    this.lang = lang;
    this.manifest = manifest;
    /** The facets, as the index has them (the server's SEARCH_FACETS). */
    this.facetNames = manifest.facets.fields.map((field) => field.name);
    this.hot = hot ? new HotShard(hot, manifest.chunk) : null;
    let norm = 0;
    this.fieldnorms = manifest.fieldnormDeltas.map((d) => (norm += d));
    this.shards = manifest.shards.map(([first, file]) => ({ first, file }));
    this.shardCache = new Map();
    const n = manifest.docs;
    // BM25's parameters as the index was scored with (tantivy's k1 and b).
    const k1 = f32(manifest.k1);
    const b = f32(manifest.b);
    this.onePlusK1 = f32(1 + k1);
    this.weights = [0, 1].map((field) => {
      const average = f32(f32(manifest.totalTokens[field]) / f32(n));
      const cache = new Float64Array(256);
      for (let id = 0; id < 256; id++) {
        const norm = f32(this.fieldnorms[id]);
        cache[id] = f32(k1 * f32(f32(1 - b) + f32(f32(b * norm) / average)));
      }
      return { cache, boost: f32(manifest.boosts[field]) };
    });
  }

  idf(df) {
    const override = this.manifest.idf[String(df)];
    if (override !== undefined) return f32(override);
    const n = this.manifest.docs;
    const x = f32(f32(f32(n - df) + 0.5) / f32(f32(df) + 0.5));
    return f32(Math.log(f32(1 + x)));
  }

  /** The BM25 weight of a term in a field, boosted as tantivy boosts it. */
  termWeight(df, field) {
    let weight = f32(this.idf(df) * this.onePlusK1);
    const boost = this.weights[field].boost;
    if (boost !== 1) weight = f32(weight * boost);
    return weight;
  }

  score(weight, field, tf, fieldnormId) {
    const tff = f32(tf);
    const factor = f32(tff / f32(tff + this.weights[field].cache[fieldnormId]));
    return f32(weight * factor);
  }

  shardIndexOf(key) {
    let lo = 0;
    let hi = this.shards.length - 1;
    if (hi < 0 || compareKeys(key, this.shards[0].first) < 0) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (compareKeys(this.shards[mid].first, key) <= 0) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  shard(i) {
    if (!this.shardCache.has(i)) {
      const promise = this.client
        .bytes(this.lang, this.shards[i].file)
        .then((bytes) => new Shard(bytes, this.manifest.chunk));
      this.shardCache.set(i, promise);
    }
    return this.shardCache.get(i);
  }

  async lookup(key) {
    if (this.hot?.byKey.has(key)) return this.hot.lookup(key);
    if (this.shards.length === 0) return {};
    const shard = await this.shard(this.shardIndexOf(key));
    return shard.lookup(key);
  }

  /** The keys starting with `prefix`, from every shard that may hold one. */
  async keysWithPrefix(prefix) {
    if (this.shards.length === 0) return [];
    const first = this.shardIndexOf(prefix);
    let last = first;
    while (
      last + 1 < this.shards.length &&
      (this.shards[last + 1].first.startsWith(prefix) ||
        compareKeys(this.shards[last + 1].first, prefix) < 0)
    ) {
      last++;
    }
    const shards = await Promise.all(
      Array.from({ length: last - first + 1 }, (_, i) => this.shard(first + i)),
    );
    return shards.flatMap((shard) => shard.withPrefix(prefix));
  }

  facets() {
    if (!this.facetCodes) {
      this.facetCodes = this.client
        .bytes(this.lang, this.manifest.facets.file)
        .then((bytes) => parseFacets(bytes, this.facetNames.length));
    }
    return this.facetCodes;
  }

  /** Start fetching a term's postings, and its head into `heads` (unless null). */
  prefetch(term, heads) {
    this.postings(term, 0);
    this.postings(term, 1);
    if (heads && term.head) heads.push(this.head(term.head));
  }

  /**
   * A head: the best documents of a term, or of a hot form's group, as
   * tantivy ranks them (best first, with their scores), their store records
   * by document, and how many documents match.
   */
  head(name) {
    this.headCache ??= new Map();
    if (!this.headCache.has(name)) {
      const promise = this.client.json(this.lang, name).then(({ total, docs }) => ({
        total,
        docs: docs.map(([doc, score]) => ({ doc, score: f32(score) })),
        records: new Map(docs.map(([doc, , ...record]) => [doc, record])),
      }));
      // Fetched ahead of use: a failure is reported where it is awaited.
      promise.catch(() => this.headCache.delete(name));
      this.headCache.set(name, promise);
    }
    return this.headCache.get(name);
  }

  postings(term, field) {
    const key = `${term.text}\u0000${field}`;
    this.postingsCache ??= new Map();
    if (!this.postingsCache.has(key)) {
      const chunks = term.fields[field].chunks;
      const promise = Promise.all(
        chunks.map((chunk) =>
          chunk.inline
            ? decodeChunk(chunk.inline, chunk)
            : this.client.bytes(this.lang, chunk.page).then((page) => decodeChunk(page, chunk)),
        ),
      );
      // Fetched ahead of use: a failure is reported where it is awaited.
      promise.catch(() => {});
      this.postingsCache.set(key, promise);
    }
    return this.postingsCache.get(key);
  }

  storeRecord(doc) {
    const group = Math.floor(doc / this.manifest.store.group);
    const name = `s${group}-${this.manifest.store.hash}.bin`;
    return this.client.json(this.lang, name).then((records) => records[doc % this.manifest.store.group]);
  }
}

const stemmers = new Map();
/** Snowball, for a word the corpus dictionary does not have (module loaded on demand). */
async function snowball(index, name, word) {
  if (!["finnish", "swedish", "english"].includes(name)) return word;
  index.client.stats.stemmer = true;
  if (!stemmers.has(name)) {
    // The environment the stemmer imports, fetched beside it rather than after it.
    import("./search-snowball.js").catch(() => {});
    stemmers.set(name, import(`./search-stem-${name}.js`));
  }
  const module = await stemmers.get(name);
  return module.stem(word);
}

/**
 * A word's terms: its stem, its completions when it is being typed, and
 * its expansions when the index has neither (`query::word_group`); and
 * whether any of them is in the index (a stop word counts as found).
 */
async function wordGroup(index, form, typing) {
  const manifest = index.manifest;
  const group = []; // [{ text, term }]
  const entry = await index.lookup(form);
  let stem = null;
  if (entry.form) {
    stem = entry.form.text;
    group.push({ text: stem, term: entry.form });
  } else if (!entry.stop) {
    stem = manifest.stemmer ? await snowball(index, manifest.stemmer, form) : form;
    const stemEntry = stem === form ? entry : await index.lookup(stem);
    group.push({ text: stem, term: stemEntry.term ?? null });
  }
  if (typing && charCount(form) >= manifest.prefix.minChars) {
    // A hot form's completions come with it (the form is a key there,
    // so its stem is the one they were ranked against).
    let ranked = entry.form ? index.hot?.completions(form) : undefined;
    if (ranked?.length) group.head = index.hot.groupHeads.get(form);
    if (!ranked) {
      const candidates = new Map();
      for (const k of await index.keysWithPrefix(form)) {
        if (!k.isForm || k.key === form || k.term.text === stem) continue;
        if (!candidates.has(k.term.text)) candidates.set(k.term.text, k.term);
      }
      ranked = mostFrequent(candidates, manifest.prefix.maxTerms);
    }
    for (const term of ranked) group.push({ text: term.text, term });
  }
  if (stem === null || group.some((t) => t.term)) return { group, found: true };
  const more = await expansions(index, form, stem);
  for (const term of more) group.push({ text: term.text, term });
  return { group, found: more.length > 0 };
}

/** The `max` most frequent of a map of terms, then in byte order. */
function mostFrequent(candidates, max) {
  return [...candidates.values()]
    .map((term) => ({ term, df: term.fields[0].df + term.fields[1].df }))
    .sort((a, b) => b.df - a.df || compareKeys(a.term.text, b.term.text))
    .slice(0, max)
    .map(({ term }) => term);
}

/**
 * The terms that join a word the index does not have (`query::expansions`):
 * forms that start with its stem or the stem cut by a few characters, the
 * cut stems that are terms, and the terms whose forms fold to the word.
 */
async function expansions(index, form, stem) {
  const rules = index.manifest.expand;
  const candidates = new Map();
  const add = (term) => {
    if (term && !candidates.has(term.text)) candidates.set(term.text, term);
  };
  const chars = [...stem];
  for (let cut = 0; cut <= rules.truncate; cut++) {
    if (chars.length < rules.minChars + cut) break;
    const base = chars.slice(0, chars.length - cut).join("");
    if (cut > 0) add((await index.lookup(base)).term);
    for (const k of await index.keysWithPrefix(base)) if (k.isForm) add(k.term);
    const folded = fold(base);
    for (const k of await index.keysWithPrefix(folded)) if (k.isFolded) add(k.term);
  }
  for (const key of new Set([fold(form), fold(stem)])) {
    for (const term of (await index.lookup(key)).folded ?? []) add(term);
  }
  candidates.delete(stem);
  return mostFrequent(candidates, rules.maxTerms);
}

/**
 * The terms of the forms one typing slip away from a word (`query::slips`):
 * among the forms that share its first third.
 */
async function slips(index, form) {
  const rules = index.manifest.typo;
  const chars = [...form];
  if (!rules || chars.length < rules.minChars) return [];
  const prefix = chars.slice(0, Math.max(rules.prefixChars, Math.floor(chars.length / 3))).join("");
  const candidates = new Map();
  for (const k of await index.keysWithPrefix(prefix)) {
    if (k.isForm && oneSlip(chars, k.key) && !candidates.has(k.term.text)) candidates.set(k.term.text, k.term);
  }
  return mostFrequent(candidates, index.manifest.expand.maxTerms);
}

/** Whether `b` is `a` (code points) with one letter missing, added, changed, or two neighbours swapped. */
export function oneSlip(a, b) {
  const bc = [...b];
  const n = a.length;
  const m = bc.length;
  if (Math.abs(n - m) > 1) return false;
  let first = 0;
  while (first < n && first < m && a[first] === bc[first]) first++;
  if (n === m && first === n) return false;
  const same = (x, xi, y, yi) => x.length - xi === y.length - yi && x.slice(xi).every((c, i) => c === y[yi + i]);
  if (n === m) {
    return (
      same(a, first + 1, bc, first + 1) ||
      (n - first >= 2 && a[first] === bc[first + 1] && a[first + 1] === bc[first] && same(a, first + 2, bc, first + 2))
    );
  }
  return n > m ? same(a, first + 1, bc, first) : same(a, first, bc, first + 1);
}

/**
 * The groups of the two words a compound the index does not have is made of
 * (`query::split`), or null.
 */
async function split(index, form) {
  const rules = index.manifest.compounds;
  if (!rules) return null;
  const chars = [...form];
  if (chars.length < rules.minChars) return null;
  const resolves = async (w) => (await wordGroup(index, w, false)).found;
  for (let leftChars = chars.length - rules.partMinChars; leftChars >= rules.partMinChars; leftChars--) {
    const left = chars.slice(0, leftChars).join("");
    const entry = await index.lookup(left);
    if (!entry.form && !entry.term) continue;
    let right = chars.slice(leftChars).join("");
    let found = await resolves(right);
    if (!found && rules.linkingS && right.startsWith("s") && charCount(right) - 1 >= rules.partMinChars) {
      found = await resolves(right.slice(1));
      if (found) right = right.slice(1);
    }
    if (found) {
      return [(await wordGroup(index, left, false)).group, (await wordGroup(index, right, false)).group];
    }
  }
  return null;
}

/**
 * A term group per query word (two for a compound split in its parts). A
 * group's `head` names the file of its best documents, when there is one
 * (a term's, or a hot form's with its completions). As soon as a word's
 * terms are known their postings are fetched (and, with `heads`, their
 * heads), while the other words are still being looked up; with `headOnly`
 * (a one-word query), a group with a head fetches only it.
 */
async function plan(index, text, { heads = null, headOnly = false } = {}) {
  const { forms, typing } = queryWords(text, index.manifest);
  const perWord = [];
  const last = forms.length - 1;
  await Promise.all(
    forms.map(async (form, i) => {
      const { group, found } = await wordGroup(index, form, i === last && typing);
      const parts = found ? null : await split(index, form);
      if (!found && !parts) for (const term of await slips(index, form)) group.push({ text: term.text, term });
      const groups = parts ?? [group];
      for (const g of groups) {
        const terms = g.map((t) => t.term).filter(Boolean);
        if (g.length === 1) g.head = terms[0]?.head;
        if (headOnly && g.head && groups.length === 1) {
          heads?.push(index.head(g.head));
        } else {
          for (const term of terms) index.prefetch(term, heads);
        }
      }
      perWord[i] = groups;
    }),
  );
  return perWord.flat().filter((g) => g && g.length > 0);
}

/**
 * Scores of one group: the sum over its terms, title then body, in clause
 * order (as tantivy's buffered union adds them). Returns the documents in
 * first-seen order, and per-document scores and membership flags.
 */
async function scoreGroup(index, group) {
  const n = index.manifest.docs;
  const scores = new Float64Array(n);
  const has = new Uint8Array(n);
  let docs = new Int32Array(64);
  let count = 0;
  const clauses = [];
  for (const { term } of group) {
    if (!term) continue;
    for (let field = 0; field < 2; field++) {
      const df = term.fields[field].df;
      if (df === 0) continue;
      clauses.push({ field, weight: index.termWeight(df, field), postings: index.postings(term, field) });
    }
  }
  for (const clause of clauses) {
    const chunks = await clause.postings;
    const weight = clause.weight;
    const cache = index.weights[clause.field].cache;
    for (const chunk of chunks) {
      const cdocs = chunk.docs;
      const tfs = chunk.tfs;
      const norms = chunk.norms;
      for (let i = 0; i < cdocs.length; i++) {
        const tf = f32(tfs[i]);
        const s = f32(weight * f32(tf / f32(tf + cache[norms[i]])));
        const doc = cdocs[i];
        if (has[doc] === 0) {
          has[doc] = 1;
          scores[doc] = s;
          if (count === docs.length) {
            const bigger = new Int32Array(docs.length * 2);
            bigger.set(docs);
            docs = bigger;
          }
          docs[count++] = doc;
        } else {
          scores[doc] = f32(scores[doc] + s);
        }
      }
    }
  }
  return { docs: docs.subarray(0, count), scores, has };
}

/**
 * The best `k` documents of a one-word query from its group's head; null
 * when the head does not hold them all.
 */
function rankFromHead(head, k) {
  if (head.docs.length < k && head.docs.length < head.total) return null;
  const top = new TopK(k);
  for (const { doc, score } of head.docs) top.offer(doc, score);
  return { top, total: head.total, matched: head.total > 0 ? 1 : 0, codes: null, facetCounts: [] };
}

/**
 * The best `k` documents of a query from the postings of its terms: those
 * in every group, or when there are none, in the most groups any document
 * is in (tantivy's minimum-should-match); accepted by the filters; with
 * `counts`, the facet counts.
 */
async function rankFromPostings(index, groups, active, counts, k) {
  const fields = index.manifest.facets.fields;
  const newTallies = () => index.facetNames.map((_, f) => new Uint32Array(fields[f].values.length + 1));
  const needFacets = counts || active.some(Boolean);
  const facetsPromise = needFacets ? index.facets() : null;
  const known = groups.filter((group) => group.some((t) => t.term));
  if (known.length === 0) {
    return { top: new TopK(k), total: 0, matched: 0, codes: null, facetCounts: facetList(index, counts ? newTallies() : null, active) };
  }
  const scored = await Promise.all(groups.map((g) => scoreGroup(index, g)));
  const codes = facetsPromise ? await facetsPromise : null;
  // Accepted codes per filtered facet, as lookup tables.
  const accept = active.map((set, f) => {
    if (!set) return null;
    const table = new Uint8Array(fields[f].values.length + 1);
    for (const code of set) table[code] = 1;
    return table;
  });
  const filtered = accept.map((t, f) => (t ? f : -1)).filter((f) => f >= 0);
  // Which filter rejects a document: -1 none, a facet when only it does,
  // -2 when more than one does.
  const rejectedBy = (doc) => {
    let failed = -1;
    for (const f of filtered) {
      if (accept[f][codes[f][doc]] === 0) {
        if (failed >= 0) return -2;
        failed = f;
      }
    }
    return failed;
  };
  const last = scored.length - 1;
  const rank = (candidates, inEnough, required) => {
    const tallies = counts && codes ? newTallies() : null;
    const top = new TopK(k);
    let total = 0;
    for (const doc of candidates) {
      if (!inEnough(doc)) continue;
      // Counts of a facet ignore that facet's own filter.
      const failed = rejectedBy(doc);
      if (failed === -2) continue;
      if (tallies) {
        if (failed === -1) {
          for (let f = 0; f < tallies.length; f++) tallies[f][codes[f][doc]] += 1;
        } else {
          tallies[failed][codes[failed][doc]] += 1;
        }
      }
      if (failed !== -1) continue;
      total += 1;
      // g1 + (g2 + (g3 + ...)) over the groups the document is in.
      let score = null;
      for (let g = last; g >= 0; g--) {
        if (scored[g].has[doc] === 0) continue;
        score = score === null ? scored[g].scores[doc] : f32(scored[g].scores[doc] + score);
      }
      top.offer(doc, score);
    }
    return { top, total, matched: total > 0 ? required : 0, codes, facetCounts: facetList(index, tallies, active) };
  };

  if (known.length === groups.length) {
    // Documents in every group, from the smallest group.
    let smallest = 0;
    scored.forEach((s, i) => {
      if (s.docs.length < scored[smallest].docs.length) smallest = i;
    });
    const inAll = (doc) => scored.every((s) => s.has[doc] !== 0);
    const all = rank(scored[smallest].docs, inAll, groups.length);
    if (all.total > 0 || groups.length === 1) return all;
  }
  // No document in every group: those in the most groups that pass the filters.
  const inGroups = new Uint8Array(index.manifest.docs);
  const candidates = [];
  for (const s of scored) {
    for (const doc of s.docs) if (inGroups[doc]++ === 0) candidates.push(doc);
  }
  let required = 0;
  for (const doc of candidates) {
    if (inGroups[doc] > required && (filtered.length === 0 || rejectedBy(doc) === -1)) required = inGroups[doc];
  }
  if (required === 0) return rank([], () => false, 0);
  return rank(candidates, (doc) => inGroups[doc] >= required, required);
}

/** Facet counts as the page shows them: values found, and values selected. */
function facetList(index, tallies, active) {
  if (!tallies) return [];
  return index.facetNames.map((name, f) => ({
    name,
    values: index.manifest.facets.fields[f].values
      .map(([value, label], i) => ({
        value,
        label,
        count: tallies[f][i + 1],
        selected: Boolean(active[f]?.has(i + 1)),
      }))
      .filter((v) => v.count > 0 || v.selected),
  }));
}

/** Keeps the best `k` (score, doc) pairs: higher score first, then lower doc. */
class TopK {
  constructor(k) {
    this.k = k;
    this.docs = [];
    this.scores = [];
  }
  offer(doc, score) {
    if (this.k === 0) return;
    const n = this.docs.length;
    if (n === this.k) {
      const ws = this.scores[n - 1];
      if (score < ws || (score === ws && doc > this.docs[n - 1])) return;
    }
    let i = n;
    while (i > 0 && (this.scores[i - 1] < score || (this.scores[i - 1] === score && this.docs[i - 1] > doc))) i--;
    this.docs.splice(i, 0, doc);
    this.scores.splice(i, 0, score);
    if (this.docs.length > this.k) {
      this.docs.pop();
      this.scores.pop();
    }
  }
}

function highlightParts(text, stems, forms) {
  const parts = [];
  let last = 0;
  const prefixes = stems.filter((s) => charCount(s) >= 2);
  WORD.lastIndex = 0;
  for (const match of text.matchAll(WORD)) {
    const word = lower(match[0]);
    const hit =
      forms.some((f) => word === f || (f.length >= 3 && word.startsWith(f))) ||
      prefixes.some((s) => word.startsWith(s));
    if (!hit) continue;
    if (match.index > last) parts.push({ text: text.slice(last, match.index), mark: false });
    parts.push({ text: match[0], mark: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), mark: false });
  return parts;
}

function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function partsToHtml(parts) {
  return parts.map((p) => (p.mark ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join("");
}

/** Cut a long excerpt to a window around its first match. */
function window(parts, maxChars) {
  const total = parts.reduce((n, p) => n + p.text.length, 0);
  if (total <= maxChars) return parts;
  let before = 0;
  for (const p of parts) {
    if (p.mark) break;
    before += p.text.length;
  }
  let start = Math.max(0, Math.min(before - 60, total - maxChars));
  const out = [];
  let pos = 0;
  if (start > 0) out.push({ text: "…", mark: false });
  for (const p of parts) {
    const end = pos + p.text.length;
    if (end > start && pos < start + maxChars) {
      const text = p.text.slice(Math.max(0, start - pos), start + maxChars - pos);
      out.push({ text, mark: p.mark });
    }
    pos = end;
  }
  if (start + maxChars < total) out.push({ text: "…", mark: false });
  return out;
}

// Raw DEFLATE, for the `.bin` files: a module of its own, fetched beside
// the first such file (a query for a common word needs none).
let inflater;
function inflaterModule() {
  inflater ??= import("./search-inflate.js");
  return inflater;
}

function defaultBase() {
  return new URL("../search/", import.meta.url).href;
}

async function defaultLoad(url) {
  if (url.startsWith("file:")) {
    const fs = await import("node:fs/promises");
    return new Uint8Array(await fs.readFile(new URL(url)));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

export class SearchClient {
  /**
   * @param {object} [options]
   * @param {string} [options.base] URL of the `search/` folder (default: next to this module's folder).
   * @param {(url: string) => Promise<Uint8Array>} [options.load] how to fetch a file.
   */
  constructor({ base, load } = {}) {
    this.base = base ?? defaultBase();
    if (!this.base.endsWith("/")) this.base += "/";
    this.load = load ?? defaultLoad;
    this.files = new Map();
    this.langs = new Map();
    // Files fetched and their bytes as transferred; `stemmer` once the
    // Snowball module was needed; `fromHeads`: searches ranked from a head alone.
    this.stats = { requests: 0, bytes: 0, stemmer: false, fromHeads: 0 };
  }

  bytes(lang, name) {
    const url = `${this.base}${lang}/${name}`;
    if (!this.files.has(url)) {
      const inflating = name.endsWith(".bin") ? inflaterModule() : null;
      const promise = Promise.resolve(this.load(url)).then((bytes) => {
        const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
        this.stats.requests += 1;
        this.stats.bytes += view.length;
        return inflating ? inflating.then((m) => m.inflateRaw(view)) : view;
      });
      promise.catch(() => this.files.delete(url));
      this.files.set(url, promise);
    }
    return this.files.get(url);
  }

  json(lang, name) {
    const key = `json:${lang}/${name}`;
    if (!this.files.has(key)) {
      const promise = this.bytes(lang, name).then((b) => JSON.parse(decoder.decode(b)));
      promise.catch(() => this.files.delete(key));
      this.files.set(key, promise);
    }
    return this.files.get(key);
  }

  index(lang) {
    if (!/^[a-z]{2,3}$/.test(lang)) return Promise.reject(new Error(`not a language code: ${lang}`));
    if (!this.langs.has(lang)) {
      // The hot dictionary is fetched beside the manifest; a site without
      // one only looks its words up in the shards.
      const hot = this.bytes(lang, HOT_FILE).catch(() => null);
      const promise = this.json(lang, MANIFEST_FILE).then(async (m) => {
        if (!m.hot) return new LangIndex(this, lang, m, null);
        const bytes = m.hot.file === HOT_FILE ? await hot : await this.bytes(lang, m.hot.file).catch(() => null);
        return new LangIndex(this, lang, m, bytes);
      });
      promise.catch(() => this.langs.delete(lang));
      this.langs.set(lang, promise);
    }
    return this.langs.get(lang);
  }

  /**
   * Every key of a language's dictionary (for tests and tools; fetches all shards).
   * @returns {Promise<{key: string, isForm: boolean, term: {text: string, fields: {df: number}[]}}[]>}
   */
  async dictionary(lang) {
    const index = await this.index(lang);
    const shards = await Promise.all(index.shards.map((_, i) => index.shard(i)));
    return shards.flatMap((s) => s.all());
  }

  /** The manifest of a language. */
  async manifest(lang) {
    return (await this.index(lang)).manifest;
  }

  /** The stored title, URL and excerpt of a document. */
  async document(lang, doc) {
    const [title, url, excerpt] = await (await this.index(lang)).storeRecord(doc);
    return { title, url, excerpt };
  }

  /**
   * Search one language.
   * @param {string} query what was typed; the last word also matches as a prefix
   * @param {object} [options]
   * @param {string} [options.lang] "fi", "sv", "en", ...
   * @param {Record<string, string[]>} [options.filters] facet -> accepted values
   * @param {number} [options.limit] results to return (default 10)
   * @param {number} [options.offset] results to skip
   * @param {boolean} [options.counts] compute facet counts (default true)
   * @param {boolean} [options.documents] fetch title, URL and snippet (default true)
   * @returns {Promise<{results: object[], total: number, matched: number, facets: object[], groups: string[][]}>}
   *   `matched`: how many of the groups the results are in (all, or fewer
   *   when no document has every word)
   */
  async search(query, { lang = "fi", filters = {}, limit = 10, offset = 0, counts = true, documents = true } = {}) {
    const text = typeof query === "string" ? query : String(query ?? "");
    const index = await this.index(lang);
    const wantsFacets =
      counts || (filters && index.facetNames.some((name) => Array.isArray(filters[name]) && filters[name].length));
    // The facet table only needs the manifest: fetch it while the words are looked up.
    const facetsEarly = wantsFacets && queryWords(text, index.manifest).forms.length ? index.facets() : null;
    facetsEarly?.catch(() => {});
    const active = index.facetNames.map((name, f) => {
      const wanted = filters?.[name];
      if (!Array.isArray(wanted) || wanted.length === 0) return null;
      const values = index.manifest.facets.fields[f].values;
      const codes = new Set();
      values.forEach(([value], i) => {
        if (wanted.includes(value)) codes.add(i + 1);
      });
      return codes;
    });
    // A one-word query without filters or counts whose first results are
    // all in its term's head needs no postings.
    const k = Math.max(0, offset) + Math.max(0, limit);
    const headOnly =
      !wantsFacets && k <= (index.manifest.head ?? 0) && queryWords(text, index.manifest).forms.length === 1;
    const heads = documents || headOnly ? [] : null;
    const groups = await plan(index, text, { heads, headOnly });
    const empty = { results: [], total: 0, matched: 0, facets: [], groups: groups.map((g) => g.map((t) => t.text)) };
    if (groups.length === 0) return empty;
    const name = headOnly && groups.length === 1 ? groups[0].head : null;
    const head = name ? await index.head(name).catch(() => null) : null;
    const ranked = (head && rankFromHead(head, k)) ?? (await rankFromPostings(index, groups, active, counts, k));
    const { top, total, matched, codes, facetCounts } = ranked;
    if (!codes && head) this.stats.fromHeads += 1;
    const hits = top.docs.map((doc, i) => ({ doc, score: top.scores[i] }));
    const page = hits.slice(offset, offset + limit);
    const stems = groups.flat().map((t) => t.text);
    const { forms } = queryWords(text, index.manifest);
    // Records of the best documents of the query's words, fetched with
    // their postings; the store has the rest.
    const known = new Map();
    for (const head of documents ? await Promise.allSettled(heads) : []) {
      if (head.status === "fulfilled") for (const [doc, record] of head.value.records) known.set(doc, record);
    }
    const results = await Promise.all(
      page.map(async ({ doc, score }) => {
        const result = { doc, score, facets: {} };
        const facetsOf = (codeOf) =>
          index.facetNames.forEach((name, f) => {
            const code = codeOf(f);
            if (code) {
              const [value, label] = index.manifest.facets.fields[f].values[code - 1];
              result.facets[name] = { value, label };
            }
          });
        if (codes) facetsOf((f) => codes[f][doc]);
        if (documents) {
          const [title, url, excerpt, docCodes] = known.get(doc) ?? (await index.storeRecord(doc));
          if (!codes) facetsOf((f) => docCodes[f]);
          result.title = title;
          result.url = url;
          result.titleParts = highlightParts(title, stems, forms);
          result.snippetParts = window(highlightParts(excerpt, stems, forms), 240);
          result.snippet = partsToHtml(result.snippetParts);
        }
        return result;
      }),
    );
    return { results, total, matched, facets: facetCounts, groups: empty.groups };
  }
}

let defaultClient;

/** Search with a client shared by the page (files are fetched once). */
export function search(query, options = {}) {
  defaultClient ??= new SearchClient();
  return defaultClient.search(query, options);
}
