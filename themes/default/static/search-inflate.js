// Raw DEFLATE (RFC 1951) for the tuloskortti search client: the dictionary
// shards, postings pages, facet table and store files are compressed with
// it, so a query downloads few bytes even from a server that does not
// compress. Decoded synchronously; small and without dependencies.

// Raw DEFLATE (RFC 1951), decoded synchronously: every index file but the
// manifest is compressed. Small and without dependencies, after zlib's puff;
// one loop over local variables, since it runs cold on every first query.
const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CODE_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
const TABLE_BITS = 10;

/**
 * A decoding table for codes of up to TABLE_BITS bits, indexed by the next
 * input bits (LSB first): (symbol << 4) | length. Longer codes (rare) are
 * decoded bit by bit from the canonical counts and symbols.
 */
function huffman(lengths, n) {
  let max = 1;
  for (let i = 0; i < n; i++) if (lengths[i] > max) max = lengths[i];
  const bits = Math.min(max, TABLE_BITS);
  const counts = new Uint16Array(16);
  for (let i = 0; i < n; i++) counts[lengths[i]]++;
  counts[0] = 0;
  const offsets = new Uint16Array(16);
  for (let i = 1; i < 16; i++) offsets[i] = offsets[i - 1] + counts[i - 1];
  const symbols = new Uint16Array(n);
  for (let i = 0; i < n; i++) if (lengths[i]) symbols[offsets[lengths[i]]++] = i;
  const next = new Uint16Array(16);
  let code = 0;
  for (let len = 1; len < 16; len++) {
    code = (code + counts[len - 1]) << 1;
    next[len] = code;
  }
  const table = new Uint32Array(1 << bits);
  for (let sym = 0; sym < n; sym++) {
    const len = lengths[sym];
    if (!len) continue;
    let c = next[len]++;
    if (len > bits) continue;
    let rev = 0;
    for (let k = 0; k < len; k++) {
      rev = (rev << 1) | (c & 1);
      c >>= 1;
    }
    for (let j = rev; j < table.length; j += 1 << len) table[j] = (sym << 4) | len;
  }
  return { table, mask: (1 << bits) - 1, counts, symbols };
}

/** A code longer than the table, from the next input bits: (symbol << 4) | length. */
function slowCode(h, input) {
  let code = 0;
  let first = 0;
  let index = 0;
  for (let len = 1; len < 16; len++) {
    code |= (input >>> (len - 1)) & 1;
    const count = h.counts[len];
    if (code < first + count) return (h.symbols[index + code - first] << 4) | len;
    index += count;
    first = (first + count) << 1;
    code <<= 1;
  }
  throw new Error("inflate: bad code");
}

let fixedTables;
function fixedHuffman() {
  if (!fixedTables) {
    const lengths = new Uint8Array(288);
    lengths.fill(8, 0, 144);
    lengths.fill(9, 144, 256);
    lengths.fill(7, 256, 280);
    lengths.fill(8, 280, 288);
    fixedTables = [huffman(lengths, 288), huffman(new Uint8Array(30).fill(5), 30)];
  }
  return fixedTables;
}

function grow(out, needed) {
  const bigger = new Uint8Array(Math.max(out.length * 2, needed));
  bigger.set(out);
  return bigger;
}

export function inflateRaw(data) {
  const n = data.length;
  // Bit buffer, LSB first; past the end of the input, zeros (a table
  // lookup may look beyond the last code).
  let pos = 0;
  let buf = 0;
  let cnt = 0;
  let out = new Uint8Array(Math.max(1024, n * 4));
  let len = 0;
  let last = 0;
  while (!last) {
    while (cnt < 3) {
      buf |= (pos < n ? data[pos] : 0) << cnt;
      pos++;
      cnt += 8;
    }
    last = buf & 1;
    const type = (buf >>> 1) & 3;
    buf >>>= 3;
    cnt -= 3;
    if (type === 0) {
      // Stored: from the next byte boundary, the length and its complement.
      pos -= cnt >> 3;
      buf = 0;
      cnt = 0;
      const size = data[pos] | (data[pos + 1] << 8);
      pos += 4;
      if (pos + size > n) throw new Error("inflate: unexpected end of data");
      if (len + size > out.length) out = grow(out, len + size);
      out.set(data.subarray(pos, pos + size), len);
      len += size;
      pos += size;
      continue;
    }
    let lit;
    let dist;
    if (type === 1) {
      [lit, dist] = fixedHuffman();
    } else if (type === 2) {
      const take = (bits) => {
        while (cnt < bits) {
          buf |= (pos < n ? data[pos] : 0) << cnt;
          pos++;
          cnt += 8;
        }
        const v = buf & ((1 << bits) - 1);
        buf >>>= bits;
        cnt -= bits;
        return v;
      };
      const nlen = take(5) + 257;
      const ndist = take(5) + 1;
      const ncode = take(4) + 4;
      const lengths = new Uint8Array(320);
      for (let i = 0; i < ncode; i++) lengths[CODE_ORDER[i]] = take(3);
      const codes = huffman(lengths, 19);
      lengths.fill(0);
      for (let i = 0; i < nlen + ndist; ) {
        while (cnt < 16) {
          buf |= (pos < n ? data[pos] : 0) << cnt;
          pos++;
          cnt += 8;
        }
        let e = codes.table[buf & codes.mask];
        if ((e & 15) === 0) e = slowCode(codes, buf);
        buf >>>= e & 15;
        cnt -= e & 15;
        const sym = e >>> 4;
        if (sym < 16) {
          lengths[i++] = sym;
          continue;
        }
        let repeat;
        let value = 0;
        if (sym === 16) {
          if (i === 0) throw new Error("inflate: bad repeat");
          value = lengths[i - 1];
          repeat = 3 + take(2);
        } else if (sym === 17) {
          repeat = 3 + take(3);
        } else {
          repeat = 11 + take(7);
        }
        if (i + repeat > nlen + ndist) throw new Error("inflate: bad lengths");
        while (repeat--) lengths[i++] = value;
      }
      lit = huffman(lengths.subarray(0, nlen), nlen);
      dist = huffman(lengths.subarray(nlen, nlen + ndist), ndist);
    } else {
      throw new Error("inflate: bad block type");
    }
    const litTable = lit.table;
    const litMask = lit.mask;
    const distTable = dist.table;
    const distMask = dist.mask;
    for (;;) {
      while (cnt <= 24) {
        buf |= (pos < n ? data[pos] : 0) << cnt;
        pos++;
        cnt += 8;
      }
      let e = litTable[buf & litMask];
      if ((e & 15) === 0) e = slowCode(lit, buf);
      buf >>>= e & 15;
      cnt -= e & 15;
      let sym = e >>> 4;
      if (sym < 256) {
        if (len === out.length) out = grow(out, len + 1);
        out[len++] = sym;
        continue;
      }
      if (sym === 256) break;
      sym -= 257;
      if (sym >= 29) throw new Error("inflate: bad length");
      const extra = LENGTH_EXTRA[sym];
      const length = LENGTH_BASE[sym] + (buf & ((1 << extra) - 1));
      buf >>>= extra;
      cnt -= extra;
      while (cnt <= 24) {
        buf |= (pos < n ? data[pos] : 0) << cnt;
        pos++;
        cnt += 8;
      }
      e = distTable[buf & distMask];
      if ((e & 15) === 0) e = slowCode(dist, buf);
      buf >>>= e & 15;
      cnt -= e & 15;
      const dsym = e >>> 4;
      if (dsym >= 30) throw new Error("inflate: bad distance");
      const dextra = DIST_EXTRA[dsym];
      while (cnt < dextra) {
        buf |= (pos < n ? data[pos] : 0) << cnt;
        pos++;
        cnt += 8;
      }
      const d = DIST_BASE[dsym] + (buf & ((1 << dextra) - 1));
      buf >>>= dextra;
      cnt -= dextra;
      if (d > len) throw new Error("inflate: distance too far back");
      if (len + length > out.length) out = grow(out, len + length);
      if (d >= length && length > 16) {
        out.copyWithin(len, len - d, len - d + length);
        len += length;
      } else {
        for (let k = 0; k < length; k++, len++) out[len] = out[len - d];
      }
    }
    if (pos - (cnt >> 3) > n) throw new Error("inflate: unexpected end of data");
  }
  return out.subarray(0, len);
}
