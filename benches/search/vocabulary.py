"""Word lists for a synthetic corpus with a realistic vocabulary.

    python3 benches/search/vocabulary.py OUT_DIR [WORDS]

Writes OUT_DIR/{fi,sv,en}.txt: the WORDS (default 50 000) most frequent
word forms of each language from wordfreq (real inflected forms, most
frequent first), letters only. `examples/synth --vocabulary OUT_DIR` draws
follow-up sentences from them by Zipf's law. The lists are generated, not
committed (wordfreq's data is CC BY-SA 4.0).
"""

import sys
from pathlib import Path

from wordfreq import top_n_list

out = Path(sys.argv[1])
words = int(sys.argv[2]) if len(sys.argv) > 2 else 50_000
out.mkdir(parents=True, exist_ok=True)
for lang in ("fi", "sv", "en"):
    forms = [w for w in top_n_list(lang, words * 2, wordlist="large") if w.isalpha()][:words]
    (out / f"{lang}.txt").write_text("\n".join(forms) + "\n", encoding="utf-8")
    print(f"{lang}: {len(forms)} word forms", file=sys.stderr)
