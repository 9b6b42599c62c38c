"""Score extracted figures, programs and events against a gold file (seed_gold.json format).

Usage:
    python scripts/score_extras.py GOLD.json PAGE.txt [PAGE.txt ...] [--date YYYY-MM-DD] [--area 聊城市] [--json]

Reads the pages and extracts them as ``kg build`` does (kg.builder.extract_source), and
prints P/R/F1 for each, plus what was missed and what was spurious. ``kg eval`` scores a built
graph with the same functions (kg.scoring).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.builder import extract_source  # noqa: E402
from kg.scoring import score_events, score_figures, score_programs  # noqa: E402
from kg.text.sources import read_sources  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("pages", nargs="+")
    ap.add_argument("--date", default=None, help="page date when the page has no sidecar or date in its path")
    ap.add_argument("--area", default=None, help="the city 全市/我市 refer to (default: the sidecar's, else the page's)")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args()
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    sources, refused, _ = read_sources(args.pages, page_date=args.date)
    figures, programs, events = [], [], []
    for src in sources:
        if args.area:
            src.city = args.area
        for ex in extract_source(src):
            figures += ex.figures
            programs += ex.programs
            events += ex.events
    result = {"figures": score_figures(gold, figures), "programs": score_programs(gold, programs),
              "events": score_events(gold, events)}
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1, default=list))
        return
    for name, s in result.items():
        print(f"{name:<9} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
        if s.get("missed"):
            print("    missed:", "; ".join(map(str, s["missed"])))
        if s.get("spurious"):
            print("    spurious:", "; ".join(map(str, s["spurious"])))
    ev = result["events"]
    print(f"events found {ev['found']}/{ev['total']}, with date {ev['with_date']}, with speakers {ev['with_speakers']}")


if __name__ == "__main__":
    main()
