"""Speed of kg's text stages, each printed next to a baseline measured in the same run.

Stage 1 (issue 3): read + repair + segment, against merely reading and decoding the
same files. Target: >= 5 MB of text per second.
Stage 2 (issues 4, 11): extraction (spaCy pipeline + people/agencies + figures/programs/
events), with the span recogniser and without (--no-model), against spaCy ``blank("zh")``
with the jieba segmenter alone, on the bundled page repeated to --mb megabytes and on
held-out news sentences (CLUENER dev) the grammar was not written for. Target: >= 150,000
characters per second per core with the model.

Start-up (issue 11): ``import kg`` and building an Extractor, in a fresh process each time,
with the model and with --no-model (alternated, the best of --startup-runs each). Target: the
model adds at most 2 seconds.

Machines here are noisy: times are CPU seconds of this process (one core), the
baselines run in the same process and run, and the ratios are what to compare across runs.

    python benchmarks/pipeline_speed.py            # 10 MB, as the issue asks
    python benchmarks/pipeline_speed.py --mb 1     # a quick look
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.builder import source_groups  # noqa: E402
from kg.nlp.extract import Extractor, page_context  # noqa: E402
from kg.records import Source  # noqa: E402
from kg.text.segment import segment  # noqa: E402
from kg.text.sources import decode, read_sources  # noqa: E402

PAGE = ROOT / "corpus" / "liaocheng-daily-2023-12-28.txt"
REPORTS = ROOT / "../shared/data/gov_work_reports/government_work_reports.jsonl"


def best_of(fn, repeat=3):
    """Best CPU time of ``repeat`` runs (CPU, not wall: the machines here are shared)."""
    times = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def stage1(files: list[Path]) -> None:
    size = sum(f.stat().st_size for f in files)

    def read_only():
        for f in files:
            decode(f.read_bytes())

    def full():
        sources, _, _ = read_sources(files)
        for s in sources:
            segment(s)

    t_read, t_full = best_of(read_only), best_of(full)
    print(f"stage 1  read+repair+segment  {size / 1e6:7.2f} MB  "
          f"read only {t_read:6.3f}s ({size / t_read / 1e6:7.1f} MB/s)  "
          f"full {t_full:6.3f}s ({size / t_full / 1e6:6.1f} MB/s)  ratio {t_full / t_read:5.1f}x  "
          f"target >= 5 MB/s: {'OK' if size / t_full / 1e6 >= 5 else 'MISSED'}")


def _news_articles(n_sentences: int = 3000) -> list:
    """Held-out news text the grammar was not written for: CLUENER dev sentences (the 10%
    after the test split of scripts/ner/convert.py), 20 to an article."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from heldout_posts import cluener_split

    texts = [e.text for e in cluener_split("dev")][:n_sentences]
    sources = [Source(id=f"news{i}", path="news", raw="\n".join(texts[i:i + 20]), layout="article",
                      date="2024-05-01") for i in range(0, len(texts), 20)]
    return [(arts, page_context(s, arts)) for s in sources for arts in [segment(s)]]


def stage2(mb: float, rounds: int = 3) -> None:
    raw = PAGE.read_text(encoding="utf-8")
    reps = max(1, int(mb * 1e6 / len(raw.encode("utf-8"))))
    src = Source(id="bench", path="bench", raw=raw, date="2023-12-28", city="聊城市")
    page = [(segment(src), page_context(src, segment(src)))]  # a source: its articles and its context
    import spacy

    tok = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    grammar, model = Extractor(use_model=False), Extractor(use_model=True)
    runs = [("bundled page", page, reps)]
    if (ROOT / "../shared/data/cluener2020/train.jsonl").is_file():
        news = _news_articles()
        runs.append(("held-out news", news,
                     max(1, int(mb * 1e6 / 3 / sum(len(a.text) * 3 for arts, _ in news for a in arts)))))
    for label, sources, n in runs:  # sources: (articles, context) each, extracted as a build does
        chars = sum(len(a.text) for arts, _ in sources for a in arts) * n
        for arts, ctx in sources:  # warm up (jieba and the models load once)
            [tok(a.text) for a in arts]
            grammar.extract_all(arts, ctx)
            model.extract_all(arts, ctx)

        # extracted as kg build does: in the groups of kg.builder.source_groups, one call each
        groups = [[(arts, ctx, None) for arts, ctx in sources[g.start:g.stop]]
                  for g in source_groups([sum(len(a.text) for a in arts) for arts, _ in sources])]

        def over(fn):
            return lambda: [fn(arts, ctx) for _ in range(n) for arts, ctx in sources]

        def over_groups(extractor):
            return lambda: [extractor.extract_many(group) for _ in range(n) for group in groups]

        t_tok, t_gram, t_model = float("inf"), float("inf"), float("inf")
        for _ in range(rounds):  # interleaved, best of each: a load that comes and goes on a
            # shared machine (or the order in one process) would weigh on one of the three alone
            t_tok = min(t_tok, best_of(over(lambda arts, ctx: [tok(a.text) for a in arts]), 1))
            t_gram = min(t_gram, best_of(over_groups(grammar), 1))
            t_model = min(t_model, best_of(over_groups(model), 1))
        print(f"stage 2  extraction, {label:<14} {chars / 1e6:6.2f} M chars  "
              f"spaCy+jieba tokens only {chars / t_tok:9,.0f} chars/s  "
              f"kg --no-model {chars / t_gram:9,.0f} chars/s/core  "
              f"kg with the model {chars / t_model:9,.0f} chars/s/core (ratio to tokens {t_model / t_tok:4.2f}x)  "
              f"target >= 150,000 with the model: {'OK' if chars / t_model >= 150_000 else 'MISSED'}")


_STARTUP = "import kg\nfrom kg.nlp.extract import Extractor\nExtractor(use_model={model})\n"


def _startup_once(model: bool) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of a fresh interpreter that imports kg and builds an
    Extractor: the whole child process, the interpreter's own start included."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT)] + [p for p in [os.environ.get("PYTHONPATH")] if p]))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", _STARTUP.format(model=model)], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, wall


def startup(runs: int = 3) -> None:
    """Start-up with the model against --no-model, each in fresh processes, alternated."""
    best = {False: (float("inf"), float("inf")), True: (float("inf"), float("inf"))}
    for _ in range(runs):
        for model in (False, True):
            cpu, wall = _startup_once(model)
            best[model] = (min(best[model][0], cpu), min(best[model][1], wall))
    grow = best[True][0] - best[False][0]
    print(f"start-up import kg + Extractor, fresh process, best of {runs}: "
          f"--no-model {best[False][0]:5.2f}s CPU ({best[False][1]:5.2f}s wall)  "
          f"with the model {best[True][0]:5.2f}s CPU ({best[True][1]:5.2f}s wall)  "
          f"growth {grow:+5.2f}s CPU ({best[True][1] - best[False][1]:+5.2f}s wall)  "
          f"target <= +2 s: {'OK' if grow <= 2 else 'MISSED'}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=10.0, help="size of the repeated page for stage 2 (MB)")
    ap.add_argument("--rounds", type=int, default=3,
                    help="stage 2: rounds of tokens / --no-model / model, interleaved; the best of each counts")
    ap.add_argument("--startup-runs", type=int, default=3,
                    help="fresh processes timed for start-up, with and without the model each (0: skip)")
    args = ap.parse_args()
    if args.startup_runs > 0:
        startup(args.startup_runs)
    files = [PAGE] + ([REPORTS] if REPORTS.is_file() else [])
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "page-x.txt"
        raw = PAGE.read_text(encoding="utf-8")
        big.write_text(raw * max(1, int(20e6 / len(raw.encode()))), encoding="utf-8")
        stage1(files)
        stage1([big])
    stage2(args.mb, args.rounds)


if __name__ == "__main__":
    main()
