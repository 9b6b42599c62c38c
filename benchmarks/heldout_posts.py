"""Posts on held-out news sentences: kg with the recogniser against the grammar alone.

The CLUENER2020 sentences (Sina news) of the TEST split that scripts/ner/convert.py
holds out (seed 20240601: never trained on, never tuned on) give a gold standard of
posts wherever the labels spell the genre's pattern: links of an organisation or
government body and a position, 、-joined, right before a name
(``ORG TITLE(、ORG? TITLE)* NAME``; a link without its own body takes the one before).
Every such sentence is run through ``kg.extract_text``; a predicted post matches a gold
one when the person is the same, kg's atomic role ends the gold position (创意总监 /
总监), and the agency's surface or canonical name contains the gold organisation (or
the other way round). Persons are scored on all names of those
sentences; agencies on their government and company spans.

    python benchmarks/heldout_posts.py [--split test|dev] [--limit N] [--json]

Prints P/R/F1 for holdings, persons and agencies, with the model and with --no-model,
side by side, and the extraction speed of both (characters per CPU second).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"
SEED = 20240601  # scripts/ner/convert.py: the CLUENER test split is the first 10% after this shuffle

from kg.builder import extract_source  # noqa: E402
from kg.nlp.ner import kg_spans, read_examples  # noqa: E402
from kg.records import Source  # noqa: E402
from kg.scoring import prf  # noqa: E402


def cluener_split(split: str) -> list:
    """The CLUENER sentences of scripts/ner/convert.py's splits: test (the first 10% of the
    shuffle, reported at the end), dev (the next 10%, for tuning) or train (the rest: the
    recogniser learned from it, no rule was tuned on it)."""
    examples = read_examples(DATA / "cluener2020" / "train.jsonl")
    idx = list(range(len(examples)))
    random.Random(SEED).shuffle(idx)
    n = round(len(examples) * 0.1)
    chosen = {"test": idx[:n], "dev": idx[n:2 * n], "train": idx[2 * n:]}[split]
    return [examples[i] for i in sorted(chosen)]


def news_test(split: str = "test") -> list:
    """The TEST (or DEV) splits of People's Daily NER and MSRA NER (national news of the
    People's Daily; seeds 20240601 + 2 and + 3 in scripts/ner/convert.py): persons and
    organisations are labelled, posts are not. Their DEV splits chose no checkpoint and
    tuned no rule; their TRAIN splits trained the recogniser (persons and organisations,
    never posts) and tuned no rule: the second sample of judged posts comes from them."""
    out = []
    for offset, path in ((2, DATA / "people_daily_ner" / "dev.bio"), (3, DATA / "msra_ner" / "sentences.txt")):
        examples = read_examples(path)
        idx = list(range(len(examples)))
        random.Random(SEED + offset).shuffle(idx)
        n = round(len(examples) * 0.1)
        chosen = {"test": idx[:n], "dev": idx[n:2 * n], "train": idx[2 * n:]}[split]
        out += [examples[i] for i in sorted(chosen)]
    return out


def gold_posts(text: str, spans: set) -> set[tuple[str, str, str]]:
    """(name, position, organisation) wherever a chain of links ``ORG TITLE`` (、-joined;
    a link without its own ORG takes the one before) stands right before a name."""
    by_end = {e: (s, e, lab) for s, e, lab in spans}
    posts = set()
    for s, e, lab in spans:
        if lab != "PER":
            continue
        name, links, pos = text[s:e], [], s
        while pos in by_end and by_end[pos][2] == "TITLE":
            ts, te, _ = by_end[pos]
            org = by_end.get(ts) if by_end.get(ts, (0, 0, ""))[2] in ("GOV", "ORG") else None
            links.insert(0, (text[ts:te], text[org[0]:org[1]] if org else None))
            pos = org[0] if org else ts
            if pos > 0 and text[pos - 1] == "、":
                pos -= 1
            else:
                break
        org = None
        for title, own in links:
            org = own or org
            if org:
                posts.add((name, title, org))
    return posts


def _match(pred: tuple, gold: tuple) -> bool:
    """Same person; kg's atomic role ends the gold position (创意总监 / 总监); the agency's
    surface or canonical name holds the gold organisation, or the other way round."""
    (pn, pr, surface, label), (gn, gr, go) = pred, gold
    go = unicodedata.normalize("NFKC", go)  # kg reads half-width forms: （北京） is (北京)
    return pn == gn and gr.endswith(pr) and any(go in x or (x and x in go) for x in (surface, label))


def score(pairs: list[tuple[set, set]], match) -> dict:
    tp = fp = fn = 0
    for pred, gold in pairs:
        hit = {g for g in gold if any(match(p, g) for p in pred)}
        good = {p for p in pred if any(match(p, g) for g in gold)}
        tp += len(hit)
        fn += len(gold) - len(hit)
        fp += len(pred) - len(good)
    return prf(tp, fp, fn)


_STATE = {"PartyOrgan", "GovernmentAgency", "ArmedForce", "PeoplesCongress", "PoliticalConsultative", "Court",
          "Procuratorate"}


def run(examples: list, use_model: bool) -> dict:
    holdings, persons, agencies = [], [], []
    chars, cpu = 0, 0.0
    for ex in examples:
        spans = kg_spans(ex, "cluener")
        t0 = time.process_time()
        got = extract_source(Source(id="s", path="<text>", raw=ex.text, layout="article"), use_model)[0]
        cpu += time.process_time() - t0
        chars += len(ex.text)
        holdings.append(({(h.person, h.role, h.agency.surface, h.agency.label) for h in got.holdings
                          if not h.agency.implicit or h.agency.label}, gold_posts(ex.text, spans)))
        persons.append(({p.name for p in got.persons},
                        {ex.text[s:e] for s, e, lab in spans if lab == "PER"}))
        agencies.append(({a.surface for a in got.agencies if not a.implicit and a.kind in _STATE},
                         {ex.text[s:e] for s, e, lab in spans if lab == "GOV"}))
    return {
        "holdings": score(holdings, _match),
        "persons": score(persons, lambda p, g: p == g),
        "agencies (government spans)": score(agencies, lambda p, g: p == g),
        "chars_per_cpu_second": round(chars / cpu) if cpu else None,
    }


def print_comparison(result: dict, parts, width: int) -> None:
    """One line per part: precision, recall and F1 of the grammar alone and with the model."""
    for part in parts:
        a, b = result["grammar alone"][part], result["grammar + model"][part]
        print(f"  {part:<{width}} grammar P {a['precision']:.3f} R {a['recall']:.3f} F1 {a['f1']:.3f}   "
              f"+ model P {b['precision']:.3f} R {b['recall']:.3f} F1 {b['f1']:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="score the first N post sentences only")
    ap.add_argument("--split", choices=("test", "dev"), default="test",
                    help="test: the figures to report; dev: the sentences to tune on")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not (DATA / "cluener2020" / "train.jsonl").is_file():
        sys.exit(f"needs {DATA}/cluener2020 (the shared data)")
    held_out = cluener_split(args.split)
    with_posts = [ex for ex in held_out if gold_posts(ex.text, kg_spans(ex, "cluener"))][:args.limit]
    result = {"sentences": len(with_posts), "gold posts": sum(len(gold_posts(e.text, kg_spans(e, "cluener")))
                                                              for e in with_posts),
              "grammar alone": run(with_posts, False), "grammar + model": run(with_posts, True)}
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    print(f"{result['sentences']} held-out CLUENER {args.split} sentences with {result['gold posts']} gold posts")
    print_comparison(result, ("holdings", "persons", "agencies (government spans)"), width=28)
    print(f"  speed (chars/CPU s)          grammar {result['grammar alone']['chars_per_cpu_second']:,}   "
          f"+ model {result['grammar + model']['chars_per_cpu_second']:,}")


if __name__ == "__main__":
    main()
