"""Learn the characters of transliterated foreign names from the labelled data.

A name written with a middle dot (约翰·史密斯), or of three or more characters that no
surname opens (克林顿), is a transliteration; a name of two or three
characters that starts with a common Chinese surname and has no dot is, nearly always, a
Chinese name. Characters far more frequent in the first kind than in the second are the
transliteration alphabet (斯, 尔, 克, 夫 …). kg reads a name made mostly of them as
foreign: it is never given China's own bodies by implication, and after a foreign body the
name is read whole (普里马科夫, not 普里).

Reads the TRAIN splits only (scripts/ner/convert.py's seeds: CLUENER 80%, People's Daily
and MSRA 80%) from ../shared/data and writes kg/ontology/vocab/translit-chars.tsv.
Deterministic: same data, same bytes.

    .venv/bin/python scripts/translit_chars.py [--data ../shared/data]
"""
from __future__ import annotations

import argparse
import math
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.nlp.ner import kg_spans, read_examples  # noqa: E402
from kg.vocab.lexicon import lexicon  # noqa: E402

SEED = 20240601
OUT = ROOT / "kg" / "ontology" / "vocab" / "translit-chars.tsv"
MIN_FOREIGN = 5  # a character is evidence of a foreign name only when seen this often in them
MIN_SEEN = 5  # characters seen fewer times in all names are left out (their ratio is noise)


def train_examples(data: Path) -> list[tuple]:
    """(example, data set) of the train splits."""
    out = []
    for name, path, offset in (("cluener", data / "cluener2020" / "train.jsonl", 0),
                               ("pd", data / "people_daily_ner" / "dev.bio", 2),
                               ("msra", data / "msra_ner" / "sentences.txt", 3)):
        examples = read_examples(path)
        idx = list(range(len(examples)))
        random.Random(SEED + offset).shuffle(idx)
        n = round(len(examples) * 0.1)
        out += [(examples[i], name) for i in sorted(idx[2 * n:])]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = ap.parse_args()
    all_surnames = set(lexicon().surnames)
    surnames = set(s for s in all_surnames if len(s) == 1)
    dotted, chinese = Counter(), Counter()
    for ex, ds in train_examples(args.data):
        for s, e, label in kg_spans(ex, ds):
            if label != "PER":
                continue
            name = ex.text[s:e]
            if "·" in name or "•" in name:
                for part in name.replace("•", "·").split("·"):
                    dotted.update(c for c in part if "\u4e00" <= c <= "\u9fff")
            elif len(name) >= 3 and name[0] not in all_surnames and name[:2] not in all_surnames:
                dotted.update(c for c in name if "\u4e00" <= c <= "\u9fff")  # 克林顿: no surname opens it
            elif 2 <= len(name) <= 3 and name[0] in surnames:
                chinese.update(name)
    nd, nc = sum(dotted.values()), sum(chinese.values())
    vocab = len(set(dotted) | set(chinese))
    rows = []
    for c in set(dotted) | set(chinese):
        if dotted[c] + chinese[c] < MIN_SEEN:
            continue
        # log P(c | foreign) - log P(c | Chinese), add-one smoothed
        lr = math.log((dotted[c] + 1) / (nd + vocab)) - math.log((chinese[c] + 1) / (nc + vocab))
        if dotted[c] < MIN_FOREIGN:
            lr = min(lr, 0.0)  # too rare in foreign names to speak for them (人, 万)
        rows.append((c, dotted[c], chinese[c], lr))
    rows.sort(key=lambda r: (-r[3], r[0]))
    lines = ["# Characters of personal names, learned by scripts/translit_chars.py from the labelled TRAIN",
             "# splits: how much likelier each is in a transliterated foreign name (dotted, or no surname",
             "# opens it) than in a Chinese one. A name whose log-ratios sum past a threshold reads as",
             "# foreign. Columns: char, count in foreign names, count in Chinese names, log-ratio.",
             "char\tforeign\tchinese\tlog_ratio"]
    lines += [f"{c}\t{k}\t{ch}\t{r:.3f}" for c, k, ch, r in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} characters -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
