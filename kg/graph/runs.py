"""Triples too many to hold in memory: sorted runs on disk, merged into canonical Turtle.

A ``kg build --low-memory`` writer adds its triples to a ``Triples`` set of at most ``RUN_TRIPLES``;
each time it is full, the set is written to a temporary file in canonical order (a
*run*) and emptied. ``write_turtle`` then merges the runs (``heapq.merge``), drops the
triples repeated between runs, and writes the same Turtle, byte for byte, that one
``Triples`` of every triple writes: the order is the same key, spelled out (a term's
kind, text, language and datatype; rdf:type first among predicates). Memory stays about
one run's, whatever the size of the corpus.
"""
from __future__ import annotations

import heapq
import pickle
import shutil
import tempfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from .triples import _TYPE, Triples, TurtleTerms, _decoded, _sort_key, turtle_prefixes

RUN_TRIPLES = 250_000  # a run's triples: a build with fewer keeps them in memory (one Triples)
_ROWS = 1 << 15  # rows pickled in one go (each distinct term once a chunk)

_TYPE_TEXT = str(_TYPE)  # as a plain str (rdflib's == of an IRI and a str is False)
Row = tuple[tuple, tuple, tuple]  # (subject key, predicate key, object key): ``_sort_key``s, and the predicate's (not rdf:type, IRI)


class TripleRuns:
    """The triples of a big build: the runs written so far and the set being filled.

    ``adder()`` is the writer's ``add(s, p, o)``. ``runs()`` is true once a run is on
    disk; before, ``triples`` is the one set, to be used as a ``Triples``. ``len`` is
    the number of distinct triples, known once ``write_turtle`` has merged them."""

    def __init__(self, run_max: int = RUN_TRIPLES) -> None:
        self.run_max = run_max
        self.triples = Triples()
        self._paths: list[Path] = []
        self._dir: str | None = None
        self._n: int | None = None

    def adder(self):
        return self.triples.adder(intern=True, limit=self.run_max, full=self.spill)

    def runs(self) -> bool:
        return bool(self._paths)

    def spill(self) -> None:
        """The set as a run on disk, in canonical order; the set emptied."""
        if not len(self.triples):
            return
        if self._dir is None:
            self._dir = tempfile.mkdtemp(prefix="kg-triples-")
        path = Path(self._dir) / f"run{len(self._paths):05d}"
        terms, predicates, keys = self.triples._ranked()
        tkeys = [_sort_key(t) for t in terms]
        pkeys = [(p != _TYPE, str(p)) for p in predicates]
        del terms, predicates
        with open(path, "wb") as fh:
            rows: list[Row] = []
            for s, p, o in _decoded(keys, len(tkeys), len(pkeys)):
                rows.append((tkeys[s], pkeys[p], tkeys[o]))
                if len(rows) == _ROWS:
                    pickle.dump(rows, fh, protocol=pickle.HIGHEST_PROTOCOL)
                    rows = []
            if rows:
                pickle.dump(rows, fh, protocol=pickle.HIGHEST_PROTOCOL)
        self._paths.append(path)
        self.triples.empty()

    def __len__(self) -> int:
        if self._n is None:
            raise RuntimeError("the number of triples is known once write_turtle has merged the runs")
        return self._n

    def rows(self) -> Iterator[Row]:
        """Every distinct triple as its row, in canonical order (the set spilled first)."""
        self.spill()
        last = None
        for row in heapq.merge(*map(_read_run, self._paths)):
            if row != last:
                yield row
                last = row

    def write_turtle(self, path) -> None:
        """graph.ttl: the merged runs as canonical Turtle, written atomically; counts them."""
        from ..atomic import atomic_path
        from .triples import paused_collector

        counted = [0]
        with paused_collector(), atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            for block in _turtle_blocks(self.rows(), counted):
                fh.write(block)
        self._n = counted[0]

    def close(self) -> None:
        """The runs' files removed (the set in memory, ``triples``, is left as it is: a
        build with no run goes on with it)."""
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None
        self._paths = []

    def __del__(self) -> None:
        self.close()


def _read_run(path: Path) -> Iterator[Row]:
    with open(path, "rb") as fh:
        while True:
            try:
                rows = pickle.load(fh)
            except EOFError:
                return
            yield from rows


def _turtle_blocks(rows: Iterator[Row], counted: list[int]) -> Iterator[str]:
    """The Turtle of ``Triples._turtle_blocks`` from rows in canonical order; ``counted[0]``
    becomes the number of rows."""
    yield turtle_prefixes()
    writer = TurtleTerms()

    @lru_cache(maxsize=1 << 16)
    def text(key: tuple) -> str:
        kind, value, language, datatype = key
        if kind == 0:
            return "a" if value == _TYPE_TEXT else TurtleTerms._iri(value)
        if kind == 1:
            return f"_:{value}"
        return writer.literal(value, language, datatype)

    @lru_cache(maxsize=None)
    def ptext(key: tuple) -> str:
        return "a" if key[1] == _TYPE_TEXT else writer.iri(key[1])

    parts: list[str] = []
    last_s = last_p = None
    n = 0
    for s, p, o in rows:
        if s != last_s:
            if last_s is not None:
                parts.append(" .\n\n")
                if len(parts) > 4096:
                    yield "".join(parts)
                    parts = []
            else:
                parts.append("\n")
            parts.append(f"{text(s)} {ptext(p)} {text(o)}")
            last_s, last_p = s, p
        elif p != last_p:
            parts.append(f" ;\n    {ptext(p)} {text(o)}")
            last_p = p
        else:
            parts.append(f",\n        {text(o)}")
        n += 1
    if last_s is not None:
        parts.append(" .\n")
    counted[0] = n
    yield "".join(parts)
