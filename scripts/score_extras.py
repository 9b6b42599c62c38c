"""Score extracted figures, programs and events against a gold file (seed_gold.json format).

Usage:
    python scripts/score_extras.py GOLD.json PAGE.txt [PAGE.txt ...] [--date YYYY-MM-DD] [--area 聊城市] [--json]

Reads the pages with kg's own sources and segmenter, runs the figure, program and event
extractors (with the people and agencies of kg.nlp.extract when available), and prints
P/R/F1 for each, plus what was missed and what was spurious. ``kg eval`` scores a built
graph with the same functions (kg.scoring).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.nlp.events import extract_events  # noqa: E402
from kg.nlp.figures import extract_figures  # noqa: E402
from kg.nlp.programs import extract_programs  # noqa: E402
from kg.scoring import score_events, score_figures, score_programs  # noqa: E402
from kg.text.segment import segment  # noqa: E402
from kg.text.sources import read_sources  # noqa: E402


def _extractor():
    """kg.nlp.extract's people-and-agency extractor, or None when it cannot be loaded."""
    try:
        from kg.nlp.extract import Extractor, page_context
        return Extractor(), page_context
    except Exception as exc:  # noqa: BLE001 - scoring must still run without it
        print(f"(no people/agency extractor: {exc}; events are scored without participants)", file=sys.stderr)
        return None, None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("pages", nargs="+")
    ap.add_argument("--date", default=None, help="page date when the page has no sidecar or date in its path")
    ap.add_argument("--area", default=None, help="the place 全市/我市 refer to (default: the sidecar's city)")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args()
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    sources, refused, _ = read_sources(args.pages, page_date=args.date)
    figures, programs, events = [], [], []
    extractor, page_context = _extractor()
    for src in sources:
        articles = segment(src)
        ctx = page_context(src, articles) if page_context else None
        area = args.area or (ctx.city if ctx else None)
        for art in articles:
            persons, agencies = [], []
            if extractor:
                out = extractor.extract(art, ctx)
                persons, agencies = out.persons, out.agencies
            figures += extract_figures(art, art.date or src.date, area)
            programs += extract_programs(art, agencies)
            events += extract_events(art, persons, agencies)
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
