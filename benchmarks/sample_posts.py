"""A random sample of the posts kg writes for news it never saw, to judge by hand.

The held-out TEST sentences of scripts/ner/convert.py's splits (never trained or tuned
on): People's Daily NER and MSRA NER (national news of the People's Daily) and CLUENER
(Sina news), each read as an article of its own; every post kg writes (with the span
recogniser) is listed with the sentence it comes from, and a seeded sample of them is
printed as TSV: a judge marks each right or wrong (benchmarks/data/posts_sample_judged.tsv
holds one such judgement). ``--split resume-test`` reads Resume NER's test split instead
(executives' resumes from Sina Finance, not news), one text per resume.

    python benchmarks/sample_posts.py [--n 100] [--seed 11] [--split ...] > sample.tsv
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from heldout_posts import DATA, cluener_split, news_test  # noqa: E402

from kg.builder import extract_source  # noqa: E402
from kg.nlp.ner import read_examples  # noqa: E402
from kg.records import Source  # noqa: E402


def resume_test() -> list[str]:
    """Resume NER's test split (dev.char.bmes, which scripts/ner/convert.py reads as the test
    split: never trained or tuned on), one text per resume. The file keeps each resume's
    sentences in order; a resume opens with its subject's full name, labelled NAME, at the
    start of a sentence (X先生：…, X，男，…) or after 姓名：, and later sentences name him by
    surname alone (X先生…) or not at all. So a new text starts at a sentence that opens with
    a name of two or more characters other than the current resume's; the sentences keep
    their own end punctuation and are joined as they stand."""
    texts: list[list[str]] = []
    current = None
    for ex in read_examples(DATA / "resume_ner" / "dev.char.bmes"):
        names = [ex.text[s:e] for s, e, label in ex.spans if label == "NAME"
                 and (s == 0 or ex.text[:s] == "姓名：") and e - s >= 2]
        if not texts or (names and names[0] != current):
            texts.append([])
            current = names[0] if names else None
        texts[-1].append(ex.text)
    return ["".join(sentences) for sentences in texts]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--split", choices=("test", "news", "cluener-train", "resume-test"), default="test",
                    help="test: the TEST splits of all three sets (the first judged sample); news: the DEV and "
                         "TRAIN splits of People's Daily and MSRA, on which no rule was tuned (the second); "
                         "cluener-train: CLUENER's TRAIN split, which the recogniser learned from but no rule "
                         "was tuned on (the fourth: the news pool was spent); resume-test: Resume NER's TEST "
                         "split (executives' resumes from Sina Finance, not news; one text per resume), never "
                         "trained or tuned on (the ninth: the other pools were spent)")
    ap.add_argument("--exclude", action="append", default=[], metavar="TSV",
                    help="leave out the sentences of an earlier judged sample (repeatable): its errors were "
                         "looked at, so a new judgement must come from other sentences")
    args = ap.parse_args()
    seen = set()
    for path in args.exclude:
        person = 3
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.startswith("n\t"):
                person = line.split("\t").index("person")  # the judged files' columns differ
            elif not line.startswith("#"):
                cells = line.split("\t")
                seen.add((cells[person], cells[-1]))  # (person, sentence): a byline's sentence is empty
    if args.split == "test":
        texts = [e.text for e in news_test() + cluener_split("test")]
    elif args.split == "news":
        texts = [e.text for e in news_test("dev") + news_test("train")]
    elif args.split == "cluener-train":
        texts = [e.text for e in cluener_split("train")]
    else:
        texts = resume_test()
    posts = []
    for i, text in enumerate(texts):
        for ex in extract_source(Source(id=f"s{i}", path="news", raw=text, layout="article", date="1998-05-01")):
            for h in ex.holdings:
                if (h.person, h.evidence.sentence.replace("\t", " ")) in seen:
                    continue
                posts.append((h.person, h.role, h.agency.label, "former" if h.former else "",
                              f"{h.confidence:.2f}", h.evidence.sentence.replace("\t", " ")))
    posts.sort()
    sample = random.Random(args.seed).sample(posts, min(args.n, len(posts)))
    unit = "resumes" if args.split == "resume-test" else "sentences"
    print(f"# {len(posts)} posts written for {len(texts)} held-out {unit}; a sample of {len(sample)}")
    print("person\trole\tagency\tformer\tconfidence\tsentence")
    for row in sample:
        print("\t".join(row))


if __name__ == "__main__":
    main()
