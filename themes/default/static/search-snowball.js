// The Snowball environment of the search client's stemmers
// (search-stem-*.js): the counterpart of frostem 1.20260821.8's SnowballEnv,
// working on UTF-8 bytes like it, written by tools/gen-stemmers.py.
// Do not edit by hand. Snowball: BSD licence, snowballstem.org.

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const literals = new Map();
function bytesOf(s) {
if (typeof s !== "string") return s;
let b = literals.get(s);
if (!b) {
b = Array.from(encoder.encode(s));
literals.set(s, b);
}
return b;
}
function among(s, substring, result, method) {
return [bytesOf(s), substring, result, method];
}
const isBoundary = (cur, i) => i >= cur.length || i <= 0 || (cur[i] & 0xc0) !== 0x80;
function charAt(cur, i) {
const b0 = cur[i];
if (b0 < 0x80) return b0;
if (b0 < 0xe0) return ((b0 & 0x1f) << 6) | (cur[i + 1] & 0x3f);
if (b0 < 0xf0) return ((b0 & 0x0f) << 12) | ((cur[i + 1] & 0x3f) << 6) | (cur[i + 2] & 0x3f);
return ((b0 & 0x07) << 18) | ((cur[i + 1] & 0x3f) << 12) | ((cur[i + 2] & 0x3f) << 6) | (cur[i + 3] & 0x3f);
}
function startsWithAt(cur, at, s) {
if (at < 0 || at + s.length > cur.length) return false;
for (let i = 0; i < s.length; i++) if (cur[at + i] !== s[i]) return false;
return true;
}
function inGroup(ch, chars, min, max) {
if (ch > max || ch < min) return false;
ch -= min;
return (chars[ch >> 3] & (1 << (ch & 7))) !== 0;
}
class Env {
constructor(word) {
this.current = Array.from(encoder.encode(word));
this.cursor = 0;
this.limit = this.current.length;
this.limit_backward = 0;
this.bra = 0;
this.ket = 0;
}
text() {
return decoder.decode(Uint8Array.from(this.current));
}
replace_s(bra, ket, s) {
const adjustment = s.length - (ket - bra);
this.current = this.current.slice(0, bra).concat(s, this.current.slice(ket));
this.limit += adjustment;
if (this.cursor >= ket) this.cursor += adjustment;
else if (this.cursor > bra) this.cursor = bra;
return adjustment;
}
eq_s(s) {
s = bytesOf(s);
if (this.cursor >= this.limit) return false;
if (!startsWithAt(this.current, this.cursor, s)) return false;
this.cursor += s.length;
while (!isBoundary(this.current, this.cursor)) this.cursor += 1;
return true;
}
eq_s_b(s) {
s = bytesOf(s);
if (this.cursor - this.limit_backward < s.length) return false;
const at = this.cursor - s.length;
if (!isBoundary(this.current, at) || !startsWithAt(this.current, at, s)) return false;
this.cursor = at;
return true;
}
slice_from(s) {
s = bytesOf(s);
this.replace_s(this.bra, this.ket, s);
this.ket = this.bra + s.length;
}
slice_del() {
this.slice_from([]);
}
insert(bra, ket, s) {
const adjustment = this.replace_s(bra, ket, bytesOf(s));
if (bra <= this.bra) this.bra += adjustment;
if (bra <= this.ket) this.ket += adjustment;
}
slice_to() {
return this.current.slice(this.bra, this.ket);
}
assign_to() {
return this.current.slice(0, this.limit);
}
next_char() {
this.cursor += 1;
while (!isBoundary(this.current, this.cursor)) this.cursor += 1;
}
previous_char() {
this.cursor -= 1;
while (!isBoundary(this.current, this.cursor)) this.cursor -= 1;
}
hop(delta) {
let res = this.cursor;
while (delta > 0) {
delta -= 1;
if (res >= this.limit) return false;
res += 1;
while (res < this.limit && !isBoundary(this.current, res)) res += 1;
}
this.cursor = res;
return true;
}
hop_back(delta) {
let res = this.cursor;
while (delta > 0) {
delta -= 1;
if (res <= this.limit_backward) return false;
res -= 1;
while (res > this.limit_backward && !isBoundary(this.current, res)) res -= 1;
}
this.cursor = res;
return true;
}
in_grouping(chars, min, max) {
if (this.cursor >= this.limit) return false;
if (!inGroup(charAt(this.current, this.cursor), chars, min, max)) return false;
this.next_char();
return true;
}
go_in_grouping(chars, min, max) {
while (this.cursor < this.limit) {
if (!inGroup(charAt(this.current, this.cursor), chars, min, max)) return true;
this.next_char();
}
return false;
}
in_grouping_b(chars, min, max) {
if (this.cursor <= this.limit_backward) return false;
const c = this.cursor;
this.previous_char();
if (!inGroup(charAt(this.current, this.cursor), chars, min, max)) {
this.cursor = c;
return false;
}
return true;
}
go_in_grouping_b(chars, min, max) {
while (this.cursor > this.limit_backward) {
const c = this.cursor;
this.previous_char();
if (!inGroup(charAt(this.current, this.cursor), chars, min, max)) {
this.cursor = c;
return true;
}
}
return false;
}
out_grouping(chars, min, max) {
if (this.cursor >= this.limit) return false;
if (inGroup(charAt(this.current, this.cursor), chars, min, max)) return false;
this.next_char();
return true;
}
go_out_grouping(chars, min, max) {
while (this.cursor < this.limit) {
if (inGroup(charAt(this.current, this.cursor), chars, min, max)) return true;
this.next_char();
}
return false;
}
out_grouping_b(chars, min, max) {
if (this.cursor <= this.limit_backward) return false;
const c = this.cursor;
this.previous_char();
if (!inGroup(charAt(this.current, this.cursor), chars, min, max)) return true;
this.cursor = c;
return false;
}
go_out_grouping_b(chars, min, max) {
while (this.cursor > this.limit_backward) {
const c = this.cursor;
this.previous_char();
if (inGroup(charAt(this.current, this.cursor), chars, min, max)) {
this.cursor = c;
return true;
}
}
return false;
}
find_among(amongs, context) {
let i = 0;
let j = amongs.length;
const c = this.cursor;
const l = this.limit;
let common_i = 0;
let common_j = 0;
let first_key_inspected = false;
for (;;) {
const k = i + ((j - i) >> 1);
let diff = 0;
let common = Math.min(common_i, common_j);
const w = amongs[k][0];
for (let lvar = common; lvar < w.length; lvar++) {
if (c + common === l) {
diff = -1;
break;
}
diff = this.current[c + common] - w[lvar];
if (diff !== 0) break;
common += 1;
}
if (diff < 0) {
j = k;
common_j = common;
} else {
i = k;
common_i = common;
}
if (j - i <= 1) {
if (i > 0) break;
if (j === i) break;
if (first_key_inspected) break;
first_key_inspected = true;
}
}
for (;;) {
const w = amongs[i];
if (common_i >= w[0].length) {
this.cursor = c + w[0].length;
if (w[3]) {
if (w[3](this, context)) {
this.cursor = c + w[0].length;
return w[2];
}
} else {
return w[2];
}
}
i = w[1];
if (i < 0) return 0;
}
}
find_among_b(amongs, context) {
let i = 0;
let j = amongs.length;
const c = this.cursor;
const lb = this.limit_backward;
let common_i = 0;
let common_j = 0;
let first_key_inspected = false;
for (;;) {
const k = i + ((j - i) >> 1);
let diff = 0;
let common = common_i < common_j ? common_i : common_j;
const w = amongs[k][0];
for (let lvar = w.length - common - 1; lvar >= 0; lvar--) {
if (c - common === lb) {
diff = -1;
break;
}
diff = this.current[c - common - 1] - w[lvar];
if (diff !== 0) break;
common += 1;
}
if (diff < 0) {
j = k;
common_j = common;
} else {
i = k;
common_i = common;
}
if (j - i <= 1) {
if (i > 0) break;
if (j === i) break;
if (first_key_inspected) break;
first_key_inspected = true;
}
}
for (;;) {
const w = amongs[i];
if (common_i >= w[0].length) {
this.cursor = c - w[0].length;
if (w[3]) {
if (w[3](this, context)) {
this.cursor = c - w[0].length;
return w[2];
}
} else {
return w[2];
}
}
i = w[1];
if (i < 0) return 0;
}
}
}
export { among, Env };
