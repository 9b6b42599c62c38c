"""How many of 120 invented title + name pairs the recogniser alone reads a person in.

Twelve titles (with their body, as national news writes them) times ten invented names,
several with a given name that is also a word (立新, 建国, 海燕), in one sentence frame
each; a pair counts when the name is a PER span. Used to compare trained variants
(scripts/ner/README.md), e.g.:

    KG_NER_MODEL=scripts/ner/work/run/model-best python scripts/ner/pairs.py [MODEL_DIR ...]

With folders as arguments each is scored in turn (KG_NER_MODEL is then not read).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kg.nlp.ner import Recogniser, recogniser

TITLES = ["国务院副总理", "外交部部长", "青禾省委书记", "青禾省副省长", "临川市市长", "财政部副部长",
          "国家发展改革委主任", "临川县委副书记", "全国人大常委会副委员长", "省公安厅厅长",
          "市教育局局长", "最高人民法院副院长"]
NAMES = ["钱立新", "孙建国", "吴海燕", "郑国强", "冯志明", "陈卫东", "褚向阳", "卫红梅", "蒋文博", "沈春生"]
FRAMES = ["{t}{n}出席会议并讲话。", "{t}{n}今天在京会见了来访的代表团。", "据悉，{t}{n}主持召开专题会议。"]


def pairs() -> list[tuple[str, str]]:
    """(sentence, name) for every title and name."""
    return [(FRAMES[(i + j) % len(FRAMES)].format(t=t, n=n), n)
            for i, t in enumerate(TITLES) for j, n in enumerate(NAMES)]


def found(model) -> int:
    items = pairs()
    spans = model.pipe([s for s, _ in items])
    return sum((name, "PER") in {(s[sp.start:sp.end], sp.label) for sp in got}
               for (s, name), got in zip(items, spans))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("models", nargs="*", metavar="MODEL_DIR", help="trained spaCy folders (default: KG_NER_MODEL or kg/data/ner)")
    args = ap.parse_args()
    models = [(p, Recogniser(p)) for p in args.models] or [("KG_NER_MODEL or kg/data/ner", recogniser())]
    for name, model in models:
        print(f"{name}: {found(model)} of {len(pairs())} title + name pairs")


if __name__ == "__main__":
    main()
