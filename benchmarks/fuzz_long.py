"""A long fuzzing run: the properties of tests/test_fuzz.py with many more examples.

The suite runs each property on a few derandomized examples (the same on every run);
this runs the same checks on the same strategies (imported from the test file, not
copied), randomly seeded, for --examples each or until --seconds run out, and prints
per property the cases run, the distinct failures found (by exception and the line
that raised it) with the smallest input that showed each, and the time taken.

    python benchmarks/fuzz_long.py                       # 2000 examples a property, 10 minutes at most
    python benchmarks/fuzz_long.py --examples 500 --seconds 120 --only text extraction
    python benchmarks/fuzz_long.py --seed 7 --save /tmp/fuzz   # reproducers written to files too

Exit status 1 when a failure was found. A failure's reproducer is printed as a call
of the check in tests/test_fuzz.py: paste it after ``from test_fuzz import *`` (with
tests/ on sys.path) to run it again.
"""
from __future__ import annotations

import argparse
import sys
import time
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import test_fuzz as fuzz  # the strategies and checks of the suite (tests/ is on sys.path)
from hypothesis import HealthCheck, Phase, Verbosity, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st

#: property -> (strategy of one argument tuple, check, share of --examples it runs)
#: a build costs ~50x a segmentation: it runs a tenth of the examples
PROPERTIES = {
    "text": (st.tuples(fuzz.sources(surrogates=True)), fuzz.check_text_stages, 1.0),
    "extraction": (st.tuples(fuzz.sources(), st.booleans()), fuzz.check_extraction, 0.5),
    "readers": (st.tuples(fuzz.folders), fuzz.check_reading, 0.5),
    "build": (st.tuples(fuzz.folders, st.booleans(), st.just(True)), fuzz.check_build, 0.1),
}


class TimeUp(BaseException):
    """The property's time ran out (a BaseException: hypothesis does not take it for a failure)."""


@dataclass
class Failure:
    kind: str  # exception type and the line that raised it
    message: str
    reproducer: str  # the smallest call seen
    trace: str
    seen: int = 1


@dataclass
class Run:
    name: str
    cases: int = 0  # examples generated and checked before the first failure
    shrink_steps: int = 0  # checks run after it (hypothesis shrinking, and further examples)
    seconds: float = 0.0
    stopped: str = "examples done"
    failures: dict[str, Failure] = field(default_factory=dict)
    slowest: tuple[float, str] = (0.0, "")  # seconds, and the call that took them


def _where(exc: BaseException) -> str:
    """``Type at file:line``: the innermost frame in kg/ (else in the checks)."""
    frames = traceback.extract_tb(exc.__traceback__)
    inner = [f for f in frames if "/kg/" in f.filename] or [f for f in frames if "test_fuzz" in f.filename] or frames
    f = inner[-1]
    return f"{type(exc).__name__} at {Path(f.filename).relative_to(ROOT) if str(ROOT) in f.filename else f.filename}:{f.lineno}"


def run_property(name: str, examples: int, seconds: float, grace: float, seed: int | None) -> Run:
    strategy, check, _ = PROPERTIES[name]
    run = Run(name)
    start = time.monotonic()
    deadline = start + seconds

    def probe(args: tuple) -> None:
        now = time.monotonic()
        # past the time: stop, but give a shrink under way some grace to finish
        if now > deadline + (grace if run.failures else 0):
            run.stopped = "time limit" + (" (while shrinking)" if run.failures else "")
            raise TimeUp
        if run.failures:
            run.shrink_steps += 1
        else:
            run.cases += 1
        t = time.monotonic()
        try:
            check(*args)
        except Exception as exc:
            kind = _where(exc)
            call = f"{check.__name__}({', '.join(repr(a) for a in args)})"
            old = run.failures.get(kind)
            if old is None:
                run.failures[kind] = Failure(kind, str(exc)[:500], call, traceback.format_exc(limit=-6))
            else:
                old.seen += 1
                if len(call) < len(old.reproducer):
                    old.reproducer, old.message = call, str(exc)[:500]
                    old.trace = traceback.format_exc(limit=-6)
            raise
        finally:
            took = time.monotonic() - t
            if took > run.slowest[0]:
                run.slowest = (took, f"{check.__name__}({', '.join(repr(a) for a in args)})")

    test = given(strategy)(probe)
    test = settings(max_examples=examples, derandomize=False, database=None, deadline=None,
                    verbosity=Verbosity.quiet, report_multiple_bugs=True, print_blob=False,
                    phases=[Phase.generate, Phase.shrink],
                    suppress_health_check=list(HealthCheck))(test)
    if seed is not None:
        test = hypothesis_seed(seed)(test)
    try:
        test()
    except TimeUp:
        pass
    except Exception as exc:  # noqa: BLE001 - the failures (one, or a group): recorded by probe already
        if not run.failures:  # a failure outside the check (the strategy itself): show it
            run.failures[_where(exc)] = Failure(_where(exc), str(exc)[:500], "(no call)", traceback.format_exc())
    run.seconds = time.monotonic() - start
    return run


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", type=int, default=2000,
                    help="examples per property (extraction and readers run half, build a tenth); default 2000")
    ap.add_argument("--seconds", type=float, default=600,
                    help="time limit for the whole run, shared among the properties; default 600")
    ap.add_argument("--grace", type=float, default=120, help="extra seconds a property may shrink a failure")
    ap.add_argument("--only", nargs="+", choices=sorted(PROPERTIES), help="run these properties only")
    ap.add_argument("--seed", type=int, help="hypothesis seed (default: random)")
    ap.add_argument("--save", type=Path, help="folder to write each failure's full reproducer and traceback to")
    ap.add_argument("--show", type=int, default=3000, help="print reproducers up to this many characters")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore", message="Generating overly large repr")
    # json_values does recurse (its extend uses its argument); hypothesis's check misreads it here
    warnings.filterwarnings("ignore", message=".*doesn't use it's argument")

    names = args.only or list(PROPERTIES)
    share = args.seconds / len(names)
    runs = []
    t0 = time.monotonic()
    for name in names:
        n = max(1, int(args.examples * PROPERTIES[name][2]))
        print(f"[{name}] up to {n} examples, {share:.0f} s ...", flush=True)
        runs.append(run := run_property(name, n, share, args.grace, args.seed))
        print(f"[{name}] {run.cases} cases, {len(run.failures)} failure(s), {run.seconds:.1f} s ({run.stopped})",
              flush=True)
    total = time.monotonic() - t0

    print("\nproperty     cases  failures  shrink-steps  seconds  cases/s  slowest-case  stopped")
    for r in runs:
        print(f"{r.name:<11} {r.cases:>6}  {len(r.failures):>8}  {r.shrink_steps:>12}  {r.seconds:>7.1f}  "
              f"{r.cases / max(r.seconds, 1e-9):>7.1f}  {r.slowest[0]:>11.2f}s  {r.stopped}")
    print(f"total       {sum(r.cases for r in runs):>6}  {sum(len(r.failures) for r in runs):>8}"
          f"  {'':>12}  {total:>7.1f}")
    for r in runs:
        if r.slowest[0] > 5:
            print(f"\n[{r.name}] slowest case, {r.slowest[0]:.1f} s ({len(r.slowest[1])} characters):\n    "
                  + (r.slowest[1] if len(r.slowest[1]) <= args.show else r.slowest[1][:args.show] + " …(cut)"))
    k = 0
    for r in runs:
        for f in r.failures.values():
            k += 1
            print(f"\n=== failure {k}: [{r.name}] {f.kind} (seen {f.seen}x)\n{f.message}")
            shown = f.reproducer if len(f.reproducer) <= args.show else f.reproducer[:args.show] + " …(cut)"
            print(f"smallest input seen:\n    {shown}\n{f.trace}")
            if args.save:
                args.save.mkdir(parents=True, exist_ok=True)
                out = args.save / f"failure-{k}-{r.name}.txt"
                out.write_text(f"{f.kind}\n{f.message}\n\n{f.reproducer}\n\n{f.trace}", encoding="utf-8",
                               errors="backslashreplace")
                print(f"(written to {out})")
    return 1 if k else 0


if __name__ == "__main__":
    sys.exit(main())
