"""Figures from the government work reports: counts, speed, and a sample to check by hand.

Usage:
    python benchmarks/figures_gov_reports.py [REPORTS.jsonl] [--sample OUT.tsv] [--seed 7] [--n 100]

Prints the number of documents, characters and figures, figures by kind and by unit,
the speed in characters per second (extraction only, best of 3 runs), and writes a random
sample of ``--n`` figures (fixed seed) as TSV (value, unit, surface, kind, qualifier,
direction, indicator, period, sentence) for checking by hand. The hand-check result is
in ``benchmarks/figures_gov_reports_check.md``.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.nlp.figures import extract_figures  # noqa: E402
from kg.records import Article, Context  # noqa: E402

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared/data/gov_work_reports/government_work_reports.jsonl"


def load(path: Path) -> list[Article]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            rec = json.loads(line)
            text = rec["content"]
            year = rec.get("year")
            out.append(Article(id=f"r{i}", source=str(path), index=i, headline="", text=text,
                               offsets=list(range(len(text))), raw=text,
                               date=f"{year}-03-05" if year else None))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reports", nargs="?", default=str(DEFAULT))
    ap.add_argument("--sample", default="build/figures_gov_reports_sample.tsv", help="where to write the sample (TSV)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--n", type=int, default=100)
    args = ap.parse_args()
    path = Path(args.reports)
    if not path.exists():
        sys.exit(f'Reports "{path}" not found - pass the path of government_work_reports.jsonl')
    articles = load(path)
    chars = sum(len(a.text) for a in articles)
    best = None
    figures = []
    for _ in range(3):
        t0 = time.perf_counter()
        figures = [f for a in articles for f in extract_figures(a, a.date, Context(city="全国"))]
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    print(f"documents {len(articles)}  chars {chars}  figures {len(figures)}")
    print(f"speed {chars / best:,.0f} chars/s ({best:.2f} s, best of 3)")
    print("by kind", dict(Counter(f.kind for f in figures).most_common()))
    print("by unit", dict(Counter(f.unit for f in figures).most_common(25)))
    print("with period", sum(1 for f in figures if f.period), " with qualifier", sum(1 for f in figures if f.qualifier))
    Path(args.sample).parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    sample = rng.sample(figures, min(args.n, len(figures)))
    with open(args.sample, "w", encoding="utf-8") as fh:
        fh.write("#\tvalue\tunit\tsurface\tkind\tqualifier\tdirection\tindicator\tperiod\tsentence\n")
        for i, f in enumerate(sample, 1):
            fh.write("\t".join([str(i), f.value, f.unit, f.surface, f.kind, f.qualifier, f.direction,
                                f.indicator, f.period, f.evidence.sentence.replace("\t", " ")[:160]]) + "\n")
    print(f"sample of {len(sample)} (seed {args.seed}) written to {args.sample}")


if __name__ == "__main__":
    main()
