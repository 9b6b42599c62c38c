"""Convert the four NER datasets into deterministic splits and spaCy DocBin corpora.

Step 1 (splits, run once, fixed seed): writes work/splits/<dataset>.<split>.jsonl with
  {"id": ..., "text": ..., "spans": [[start, end_exclusive, original_label], ...]}
  cluener: 80/10/10 train/dev/test from cluener2020/train.jsonl
  resume : train.char.bmes -> 90/10 train/dev ; dev.char.bmes -> test
  pd     : 80/10/10 from people_daily_ner/dev.bio
  msra   : 80/10/10 from msra_ner/{sentences,tags}.txt
Existing split files are never overwritten unless --resplit is given.

Step 2 (corpora): writes work/corpus/<name>.spacy DocBins with target labels
  PER TITLE GOV ORG (see LABELS.md), using partial annotation (missing tokens)
  where a dataset does not annotate a target label.

Usage: python convert.py [--org-mode missing|org|lex] [--no-title-mask]
                         [--weight DATASET=N ...] [--corpus DIR]
  --weight cluener=2: that data set's train split appears N times in train_all.spacy
  --corpus DIR: where the DocBins go (default work/corpus)
"""
from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[2] / "shared" / "data"  # ../shared/data beside the checkout
WORK = HERE / "work"  # splits and corpora: derived, not committed
SPLITS = WORK / "splits"
CORPUS = WORK / "corpus"
SEED = 20240601
TARGETS = ["PER", "TITLE", "GOV", "ORG"]

# original label -> target label (None = not a target, treated as O)
MAP = {
    "cluener": {"name": "PER", "position": "TITLE", "government": "GOV",
                "organization": "ORG", "company": "ORG"},
    "resume": {"NAME": "PER", "TITLE": "TITLE", "ORG": "ORG"},
    "pd": {"PER": "PER", "ORG": "ORG"},
    "msra": {"PER": "PER", "ORG": "ORG"},
}
# Which target labels each dataset annotates (for evaluation):
# pd/msra ORG = GOV + ORG merged; resume ORG also covers some agencies.
ANNOTATED = {
    "cluener": ["PER", "TITLE", "GOV", "ORG"],
    "resume": ["PER", "TITLE", "ORG"],
    "pd": ["PER", "ORG"],
    "msra": ["PER", "ORG"],
}
MERGE_GOV_INTO_ORG = {"cluener": False, "resume": False, "pd": True, "msra": True}


# ---------------------------------------------------------------- readers
def read_cluener(path):
    out = []
    with open(path, encoding="utf8") as f:
        for i, line in enumerate(f):
            d = json.loads(line)
            spans = []
            for lab, ents in d.get("label", {}).items():
                for surface, offs in ents.items():
                    for s, e in offs:
                        spans.append([s, e + 1, lab])  # end inclusive -> exclusive
                        assert d["text"][s:e + 1] == surface, (i, surface)
            out.append({"id": f"cluener-{i}", "text": d["text"], "spans": sorted(spans)})
    return out


def tags_to_spans(chars, tags):
    """BIO / BMES / BIOES tags -> [start, end_excl, label]."""
    spans, start, lab = [], None, None
    for i, t in enumerate(tags):
        if t == "O" or t == "" or "-" not in t:
            if start is not None:
                spans.append([start, i, lab])
            start, lab = None, None
            continue
        p, l = t.split("-", 1)
        if p in ("B", "S") or (p in ("I", "M", "E") and (start is None or l != lab)):
            if start is not None:
                spans.append([start, i, lab])
            start, lab = i, l
        if p in ("E", "S"):
            spans.append([start, i + 1, lab])
            start, lab = None, None
    if start is not None:
        spans.append([start, len(tags), lab])
    return spans


def read_conll(path, prefix):
    out, chars, tags = [], [], []

    def flush():
        if chars:
            out.append({"id": f"{prefix}-{len(out)}", "text": "".join(chars),
                        "spans": tags_to_spans(chars, tags)})
        chars.clear(); tags.clear()

    with open(path, encoding="utf8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                flush(); continue
            parts = line.split()
            if len(parts) == 1:  # a whitespace char line? keep as O
                chars.append(" " if line.startswith(" ") else parts[0]); tags.append("O")
                continue
            chars.append(parts[0]); tags.append(parts[-1])
    flush()
    return out


def read_msra():
    sents = (DATA / "msra_ner/sentences.txt").read_text(encoding="utf8").split("\n")
    tags = (DATA / "msra_ner/tags.txt").read_text(encoding="utf8").split("\n")
    out = []
    for i, (s, t) in enumerate(zip(sents, tags)):
        cs, ts = s.split(), t.split()
        if not cs:
            continue
        assert len(cs) == len(ts), i
        assert all(len(c) == 1 for c in cs), i
        out.append({"id": f"msra-{i}", "text": "".join(cs), "spans": tags_to_spans(cs, ts)})
    return out


# ---------------------------------------------------------------- splits
def split3(items, rng, dev=0.1, test=0.1):
    idx = list(range(len(items)))
    rng.shuffle(idx)
    nt, nd = round(len(items) * test), round(len(items) * dev)
    te = sorted(idx[:nt]); de = sorted(idx[nt:nt + nd]); tr = sorted(idx[nt + nd:])
    return [items[i] for i in tr], [items[i] for i in de], [items[i] for i in te]


def write_jsonl(path, recs):
    with open(path, "w", encoding="utf8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def read_jsonl(path):
    with open(path, encoding="utf8") as f:
        return [json.loads(l) for l in f if l.strip()]


def make_splits(force=False):
    SPLITS.mkdir(parents=True, exist_ok=True)
    if (SPLITS / "cluener.test.jsonl").exists() and not force:
        print("splits exist; keeping them")
        return
    res = {}
    res["cluener"] = split3(read_cluener(DATA / "cluener2020/train.jsonl"), random.Random(SEED))
    rtr = read_conll(DATA / "resume_ner/train.char.bmes", "resume-train")
    rte = read_conll(DATA / "resume_ner/dev.char.bmes", "resume-dev")
    a, b, _ = split3(rtr, random.Random(SEED + 1), dev=0.1, test=0.0)
    res["resume"] = (a, b, rte)
    res["pd"] = split3(read_conll(DATA / "people_daily_ner/dev.bio", "pd"), random.Random(SEED + 2))
    res["msra"] = split3(read_msra(), random.Random(SEED + 3))
    for name, parts in res.items():
        for split, recs in zip(["train", "dev", "test"], parts):
            write_jsonl(SPLITS / f"{name}.{split}.jsonl", recs)
            print(f"{name}.{split}: {len(recs)} sentences")


# ---------------------------------------------------------------- corpora
def target_spans(dataset, spans, merge_gov=False):
    """Map original-label spans to target labels (non-target dropped)."""
    out = []
    for s, e, l in spans:
        t = MAP[dataset].get(l)
        if t is None:
            continue
        if merge_gov and t == "GOV":
            t = "ORG"
        out.append((s, e, t))
    return out


def build_lexicons():
    """Surface lexicons from the TRAIN splits only (cluener + resume)."""
    lex = {"TITLE": Counter(), "GOV": Counter(), "ORG": Counter()}
    for r in read_jsonl(SPLITS / "cluener.train.jsonl"):
        for s, e, t in target_spans("cluener", r["spans"]):
            if t in lex:
                lex[t][r["text"][s:e]] += 1
    for r in read_jsonl(SPLITS / "resume.train.jsonl"):
        for s, e, t in target_spans("resume", r["spans"]):
            if t == "TITLE":
                lex[t][r["text"][s:e]] += 1
    return lex


def find_all(text, words, maxlen=12):
    """Greedy longest-match occurrences of lexicon words in text."""
    hits, i, n = [], 0, len(text)
    while i < n:
        for L in range(min(maxlen, n - i), 1, -1):
            if text[i:i + L] in words:
                hits.append((i, i + L)); i += L; break
        else:
            i += 1
    return hits


def to_doc(nlp, rec, ents, missing):
    from spacy.tokens import Doc
    from spacy.util import filter_spans

    text = rec["text"]
    doc = Doc(nlp.vocab, words=list(text), spaces=[False] * len(text))
    spans = filter_spans([doc.char_span(s, e, label=l) for s, e, l in ents])
    taken = set(i for sp in spans for i in range(sp.start, sp.end))
    miss = [doc[s:e] for s, e in missing if not any(i in taken for i in range(s, e))]
    doc.set_ents(spans, missing=miss, default="outside")
    return doc


def convert_dataset(nlp, name, split, org_mode, title_mask, lex):
    recs = read_jsonl(SPLITS / f"{name}.{split}.jsonl")
    docs, nmiss = [], 0
    title_words = {w for w, c in lex["TITLE"].items() if len(w) >= 2 and c >= 2}
    gov_words = {w for w, c in lex["GOV"].items() if c >= 1}
    org_words = {w for w, c in lex["ORG"].items() if c >= 1}
    for r in recs:
        ents = target_spans(name, r["spans"])
        missing = []
        if name in ("pd", "msra"):
            kept = []
            for s, e, t in ents:
                if t != "ORG":
                    kept.append((s, e, t)); continue
                surf = r["text"][s:e]
                if org_mode == "org":
                    kept.append((s, e, "ORG"))
                elif org_mode == "lex" and surf in gov_words and surf not in org_words:
                    kept.append((s, e, "GOV"))
                elif org_mode == "lex" and surf in org_words and surf not in gov_words:
                    kept.append((s, e, "ORG"))
                else:  # ambiguous GOV/ORG: leave the tokens unannotated
                    missing.append((s, e))
            ents = kept
        if name in ("pd", "msra") and title_mask and split == "train":
            # pd/msra do not annotate titles: known title strings are "missing", not O
            covered = set(i for s, e, _ in r["spans"] for i in range(s, e))
            for s, e in find_all(r["text"], title_words):
                if not any(i in covered for i in range(s, e)):
                    missing.append((s, e))
        nmiss += len(missing)
        docs.append(to_doc(nlp, r, ents, missing))
    return docs, nmiss


def make_corpora(org_mode="missing", title_mask=True, tag="", weights=None, corpus=CORPUS):
    import spacy
    from spacy.tokens import DocBin

    corpus = Path(corpus)
    corpus.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("zh")  # only the vocab is used; docs are built char by char
    lex = build_lexicons()
    all_train = []
    for name in ["cluener", "resume", "pd", "msra"]:
        for split in ["train", "dev", "test"]:
            docs, nmiss = convert_dataset(nlp, name, split, org_mode, title_mask, lex)
            DocBin(docs=docs, store_user_data=False).to_disk(corpus / f"{name}.{split}.spacy")
            if split == "train":
                all_train.extend(docs * (weights or {}).get(name, 1))
            print(f"{name}.{split}: {len(docs)} docs, {nmiss} missing-spans")
    DocBin(docs=all_train).to_disk(corpus / f"train_all{tag}.spacy")
    print("train_all:", len(all_train))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--resplit", action="store_true")
    ap.add_argument("--org-mode", default="missing", choices=["missing", "org", "lex"])
    ap.add_argument("--no-title-mask", action="store_true")
    ap.add_argument("--splits-only", action="store_true")
    ap.add_argument("--weight", action="append", default=[], metavar="DATASET=N",
                    help="times a data set's train split appears in train_all.spacy (default 1)")
    ap.add_argument("--corpus", default=str(CORPUS), help="output folder of the DocBins")
    a = ap.parse_args()
    weights = {}
    for w in a.weight:
        name, _, n = w.partition("=")
        if name not in MAP or not n.isdigit() or int(n) < 1:
            ap.error(f"--weight {w}: expected DATASET=N with DATASET in {sorted(MAP)}, N >= 1")
        weights[name] = int(n)
    make_splits(force=a.resplit)
    if not a.splits_only:
        make_corpora(org_mode=a.org_mode, title_mask=not a.no_title_mask,
                     weights=weights, corpus=a.corpus)
