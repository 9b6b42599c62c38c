"""Persons, posts and agencies on held-out national news, with the model and without.

benchmarks/data/heldout_national.jsonl: 80 sentences in the style of a national paper,
written and annotated blind (invented names; how: heldout_national.md), never used to
tune kg. Every sentence runs through the pipeline as one article; a post matches when
the person and the atomic role are equal, the agency's surface or canonical name holds
the gold agency as written (or the other way round: 杭州市委 / 中共杭州市委员会), and the
former flag agrees. Persons and agencies are matched on their names (agencies: surface).

    python benchmarks/heldout_national.py [--json] [--misses]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
GOLD = Path(__file__).parent / "data" / "heldout_national.jsonl"

from heldout_posts import print_comparison  # noqa: E402  (benchmarks/ is on the path: the script's folder)

from kg.builder import extract_source  # noqa: E402
from kg.records import Source  # noqa: E402
from kg.scoring import prf  # noqa: E402


def _post_match(pred: tuple, gold: dict) -> bool:
    name, role, surface, label, former = pred
    agency = gold["agency"]
    return (name == gold["person"] and role == gold["role"] and former == bool(gold.get("former"))
            and any(agency == x or (agency in x) or (x and x in agency) for x in (surface, label)))


def run(items: list[dict], use_model: bool, misses: list | None = None) -> dict:
    c = {"holdings": [0, 0, 0], "persons": [0, 0, 0], "agencies": [0, 0, 0]}
    for item in items:
        ex = extract_source(Source(id="s", path="<text>", raw=item["text"], layout="article"), use_model)[0]
        pred = {(h.person, h.role, h.agency.surface, h.agency.label, h.former) for h in ex.holdings}
        gold = item["holdings"]
        hit = [g for g in gold if any(_post_match(p, g) for p in pred)]
        good = {p for p in pred if any(_post_match(p, g) for g in gold)}
        c["holdings"][0] += len(hit)
        c["holdings"][1] += len(pred) - len(good)
        c["holdings"][2] += len(gold) - len(hit)
        for key, got, want in (("persons", {p.name for p in ex.persons}, set(item["persons"])),
                               ("agencies", {a.surface for a in ex.agencies if not a.implicit}, set(item["agencies"]))):
            c[key][0] += len(got & want)
            c[key][1] += len(got - want)
            c[key][2] += len(want - got)
        if misses is not None:
            misses.append({"text": item["text"], "missed": [g for g in gold if g not in hit],
                           "wrong": sorted(p for p in pred if p not in good)})
    return {k: prf(*v) for k, v in c.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--misses", action="store_true", help="list the posts missed and wrong (with the model)")
    args = ap.parse_args()
    items = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    misses: list = []
    result = {"sentences": len(items), "gold posts": sum(len(i["holdings"]) for i in items),
              "grammar alone": run(items, False), "grammar + model": run(items, True, misses)}
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    print(f"{result['sentences']} held-out national-news sentences, {result['gold posts']} gold posts")
    print_comparison(result, ("holdings", "persons", "agencies"), width=9)
    if args.misses:
        for m in misses:
            if m["missed"] or m["wrong"]:
                print(m["text"])
                for g in m["missed"]:
                    print("   missed", g["person"], g["role"], g["agency"], "former" if g.get("former") else "")
                for w in m["wrong"]:
                    print("   wrong ", *w)


if __name__ == "__main__":
    main()
