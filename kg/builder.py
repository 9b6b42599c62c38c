"""``kg build``: files -> sources -> articles -> records -> graph -> OUT/.

Writes OUT/graph.ttl (portable export), OUT/store (Oxigraph), OUT/graph.html (network
view) and OUT/report.json. Every file is written to a temporary name and renamed into
place, so an interrupted build never leaves a half-written output.
"""
from __future__ import annotations

import gc
import hashlib
import json
import multiprocessing
import os
import shutil
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from functools import cached_property, lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

from ._version import __version__
from .atomic import publish_folder, recover_folder, staging_folder, write_text
from .nlp.extract import Extractor, page_context
from .progress import Stages, items
from .records import Extraction, Resolved, Source
from .resolve import resolve
from .spill import RecordSpill
from .text.formats import split_articles
from .text.sources import Refusal, read_sources

if TYPE_CHECKING:
    from .graph.triples import Triples


@dataclass
class BuildResult:
    out: Path
    report: dict
    triples: object = field(repr=False, default=None)  # graph.triples.Triples; None for a big build

    @cached_property
    def graph(self):
        """The built graph as an rdflib Graph (made on first use): a big build's triples are
        not kept in memory (``KEEP_TRIPLES_MAX``), so its graph is read from OUT/graph.ttl."""
        if self.triples is not None:
            return self.triples.to_graph()
        if (self.out / "graph.ttl").is_file():
            from .graph.store import load_graph_file

            return load_graph_file(self.out)
        return None

    @property
    def ok(self) -> bool:
        return bool(self.report["sources"])


PARALLEL_MIN_CHARS = 200_000  # below this, starting workers costs more than it saves
PARALLEL_MIN_TRIPLES = 50_000  # below this, the output stage runs in this process even with -j N
VALIDATE_MAX_TRIPLES = 100_000  # past this the check (about 2 s a 100,000 triples) is left to `kg validate`
KEEP_TRIPLES_MAX = 100_000  # past this, the triples are dropped before the store loads (BuildResult.graph reads graph.ttl)
@lru_cache(maxsize=2)
def _extractor(use_model: bool = True) -> Extractor:
    """One extractor per process (and per kind): it loads the vocabularies and models once."""
    return Extractor(use_model=use_model)


GROUP_CHARS = 20_000  # sources are extracted in groups of about this many characters (see source_groups)


def source_groups(sizes: Sequence[int], group_chars: int | None = None) -> list[range]:
    """Consecutive sources cut into groups of about ``group_chars`` characters, by their
    sizes: each group is extracted in one go (one call of the recogniser for all its
    windows: a call costs as much as a few hundred characters read, and small sources,
    one article a file, would pay it each). The groups depend on the inputs only, never on
    ``-j`` or the cluster, and a source's records do not depend on its group."""
    group_chars = group_chars or GROUP_CHARS
    groups, start, total = [], 0, 0
    for i, n in enumerate(sizes):
        total += n
        if total >= group_chars:
            groups.append(range(start, i + 1))
            start, total = i + 1, 0
    if start < len(sizes):
        groups.append(range(start, len(sizes)))
    return groups


def extract_group(group: Sequence[Source], use_model: bool = True) -> list[list[Extraction]]:
    """Segment sources and extract every article, each source's in order.

    use_model (bool): the statistical recogniser fills in where the grammar is silent.
    """
    extractor = _extractor(use_model)
    split = [split_articles(src) for src in group]
    out = extractor.extract_many([(articles, page_context(src, articles), src.paper)
                                  for src, articles in zip(group, split)])
    for i, src in enumerate(group):
        if src.positions is not None:  # a PDF: every evidence gets the page and box it is printed in
            from .text.pdf import placed

            out[i] = [placed(ex, src.positions) for ex in out[i]]
    return out


def extract_source(src: Source, use_model: bool = True) -> list[Extraction]:
    """Segment one source and extract every article, in order (see ``extract_group``)."""
    return extract_group([src], use_model)[0]


def process_group(group: Sequence[Source], use_model: bool = True) -> list[tuple[list[Extraction], list[dict]]]:
    """Segment and extract sources (runs in a worker process for big builds): per source,
    its extractions and the summaries of its articles.

    The extractions come back light: each holds a copy of its article without the raw
    text and the offset map, since every record holds its own evidence, so results
    cross process boundaries cheaply.
    """
    return [_light(exs) for exs in extract_group(group, use_model)]


def _light(exs: list[Extraction]) -> tuple[list[Extraction], list[dict]]:
    extractions: list[Extraction] = []
    summaries: list[dict] = []
    for ex in exs:
        art = ex.article
        extractions.append(replace(ex, article=replace(art, raw="", offsets=(), _sentences=None)))
        summaries.append({
            "id": art.id, "headline": art.headline, "date": art.date, "date_said": art.date_said,
            "reporters": [p.name for p in ex.persons if p.cue == "byline"], "characters": len(art.text),
            "event": ex.events[0].name if ex.events else "",
            "people": sorted({p.name for p in ex.persons}), "figures": len(ex.figures),
            "truncated": bool(art.truncated),
        })
    return extractions, summaries


def extract_sources(sources: list[Source], progress: Callable[[Iterable], Iterable] | None = None,
                    jobs: int = 1, use_model: bool = True, dask: str | None = None,
                    each: Callable[[list[Extraction]], object] | None = None,
                    keep: bool = True) -> tuple[list[Extraction], list[dict]]:
    """Segment and extract every source, in order, in the groups of ``source_groups``;
    ``jobs`` > 1 uses worker processes, ``dask`` (a scheduler address, e.g.
    tcp://host:8786) the workers of a Dask cluster (kg.distributed). The records are the
    same either way. ``progress`` wraps the per-source results as they come; ``each`` is
    called with each source's extractions, in order, as they come (while workers extract
    the next); without ``keep`` (and with ``each``), the extractions are not kept once
    ``each`` has them: the list returned is empty (a build streams them, ``RecordSpill``)."""
    work = partial(process_group, use_model=use_model)
    sizes = [len(s.raw) for s in sources]
    groups = [[sources[i] for i in g] for g in source_groups(sizes)]
    if dask and sources:
        from .distributed import cluster_map

        done = cluster_map(dask, work, groups, [sum(len(s.raw) for s in g) for g in groups],
                           warm=partial(_extractor, use_model))
        results = _per_source(done, progress, each, keep)
    elif jobs > 1 and len(groups) > 1 and sum(sizes) > PARALLEL_MIN_CHARS:
        loaded = _extractor.cache_info().currsize
        results = _per_source(_pool_map(work, groups, jobs, partial(_extractor, use_model)), progress, each, keep)
        if not loaded:
            _extractor.cache_clear()  # loaded for the workers alone: its memory back for the graph
    else:
        results = _per_source(map(work, groups), progress, each, keep)
    extractions = [ex for exs, _ in results for ex in exs]
    summaries = [sm for _, sms in results for sm in sms]
    return extractions, summaries


def _pool_map(work: Callable, groups: list, jobs: int, warm: Callable[[], object]) -> Iterator:
    """``work`` over ``groups`` on ``jobs`` worker processes, in order. Where processes fork,
    ``warm`` (the pipeline's load) runs here first, so the workers share what it loaded
    instead of each loading it; one group a task, so that the workers finish together (the
    pool's tail is one group, about GROUP_CHARS characters, not a chunk of many); and while
    they extract, this process imports what it needs after them (the RDF writer)."""
    from concurrent.futures import ProcessPoolExecutor

    fork = "fork" in multiprocessing.get_all_start_methods()
    if fork:
        warm()
    context = multiprocessing.get_context("fork") if fork else None
    # each worker freezes what it was forked with (spaCy, the vocabularies, the models: tens of
    # thousands of containers): its collections then skip them instead of walking them again
    # (and writing to their pages, which copies them from this process): half the collector's
    # time in extraction. This process's objects stay as they were.
    with ProcessPoolExecutor(max_workers=min(jobs, len(groups)), mp_context=context, initializer=gc.freeze) as pool:
        done = pool.map(work, groups)
        from .graph import rdf, triples  # noqa: F401  (imported here while the workers extract)

        yield from done


def _per_source(done: Iterable[list], progress: Callable[[Iterable], Iterable] | None,
                each: Callable[[list[Extraction]], object] | None = None, keep: bool = True) -> list:
    flat = (result for group in done for result in group)
    if each is not None:
        flat = _calling(each, flat, keep)
    return list(progress(flat) if progress else flat)


def _calling(each: Callable[[list[Extraction]], object], results: Iterable[tuple], keep: bool = True) -> Iterator[tuple]:
    for result in results:
        each(result[0])
        yield result if keep else ([], result[1])


def build(inputs: list[str], out: str | Path, page_date: str | None = None, update: bool = False,
          html: bool = True, store: bool = True, progress: bool = True, stamp: str | None = None,
          jobs: int = 1, validate: bool = True, model: bool = True, drop_missing: bool = False,
          dask: str | None = None, low_memory: bool = False) -> BuildResult:
    """Build a graph from files/folders into the OUT folder.

    inputs (list[str]): files or folders.
    out (Path): output folder (created).
    page_date (str | None): page date for every input (ISO), overrides sidecars and paths.
    update (bool): add ``inputs`` to the inputs of the existing build in ``out`` (found again by
        their absolute paths, from whatever folder this runs in).
    drop_missing (bool): with ``update``, rebuild without earlier inputs that are gone (without
        it, a gone input stops the update and the build stays as it was).
    stamp (str | None): build time for prov:startedAtTime (ISO); defaults to SOURCE_DATE_EPOCH.
    jobs (int): worker processes for extraction and for the outputs of a big graph (the bytes
        are the same for any value).
    dask (str | None): a Dask scheduler address (tcp://HOST:8786): extraction runs on that
        cluster's workers, resolution and the graph here; the graph is the same.
    validate (bool): check the graph against ontology/shapes.ttl (SHACL) and warn.
    model (bool): fill in with the statistical recogniser where the grammar is silent
        (False: the grammar alone, ``--no-model``).
    low_memory (bool): past ``kg.graph.runs.RUN_TRIPLES`` triples, write them to disk in sorted
        runs (merged into graph.ttl) and draw graph.html from the store: the stages before the
        view stay near flat in memory as the corpus grows, at more CPU (``--low-memory``; the same
        bytes).
    RETURNS (BuildResult): the report (also written to OUT/report.json).
    """
    out = Path(out)
    recover_folder(out)  # a build killed between its last two renames: the previous one back
    earlier = _earlier_inputs(out, drop_missing) if update else {}
    known = {path for path, _ in earlier.values()}
    given = {str(i): (Path(i).resolve(), str(i)) for i in inputs}
    own = [k for k, (path, _) in given.items() if path == out.resolve() or out.resolve() in path.parents]
    manifest = {**earlier, **{k: v for k, v in given.items() if k not in earlier and v[0] not in known and k not in own}}
    all_inputs = list(manifest)
    sources, refused, skipped = read_sources(list(manifest.values()), page_date, exclude=out)
    refused += [Refusal(k, "this is the build's output folder, not an input; skipped") for k in own]
    sources.sort(key=lambda s: s.id)
    bar = (lambda it: items(it, "kg build: extracting", "source", total=len(sources))) if progress else None
    thaw = not gc.get_freeze_count()  # nothing frozen by the caller: what the build freezes is thawed at its end
    # each source's articles, figures and programs go into the graph as they come (with workers, while
    # they extract the next), and its records to a file that resolution reads back: none is held
    graph, records, tally = _Graph(sources, spill=low_memory), RecordSpill(), _Tally()
    digests: list[str] = []  # each source's sha256, its text dropped once it is extracted (a PDF's is kept)

    def each(exs: list[Extraction]) -> None:  # called once a source, in order
        graph.extracted(exs)
        tally.count(exs)
        records.write(_to_resolve(exs))
        src = sources[len(digests)]
        digests.append(_digest(src.raw))
        if src.format != "pdf":
            src.raw = ""

    try:
        _, summaries = extract_sources(sources, bar, jobs=jobs, use_model=model, dask=dask, each=each, keep=False)
        with Stages("kg build", 7, progress) as stages, _thawed_after(thaw):
            with stages.stage("resolving people and agencies"):
                resolved = resolve(records, node_evidence=False)  # a person's or agency's evidence: not in the graph
                records.close()
            with stages.stage("writing RDF"):
                triples = graph.done(resolved, stamp)
            report = _report(all_inputs, manifest, sources, refused, skipped, summaries, resolved, triples, tally,
                             digests)
            del summaries, resolved  # the graph and the report hold what they said: memory back
            texts = {s.id: s.raw for s in sources if s.format == "pdf"}
            read_any = bool(sources)
            sources = None  # nor the sources' texts
            give_back()
            keep = not _spilled(triples) and len(triples) <= KEEP_TRIPLES_MAX
            if read_any:
                _write_outputs(triples, out, report, stages, store=store, html=html, validate=validate, texts=texts,
                               jobs=jobs, keep=keep)
    except BaseException:
        if thaw:
            gc.unfreeze()  # what graph.extracted froze
        raise
    finally:
        records.close()
    return BuildResult(out, report, triples if keep else None)


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


class _Tally:
    """What the report counts of the records that resolution is not given (``_to_resolve``):
    articles per source, figures, programs and slogans."""

    def __init__(self) -> None:
        self.per_source: Counter = Counter()
        self.figures = 0
        self.programs: set[str] = set()
        self.slogans: set[str] = set()

    def count(self, extractions: list[Extraction]) -> None:
        for ex in extractions:
            self.per_source[ex.article.source] += 1
            self.figures += len(ex.figures)
            for p in ex.programs:
                (self.slogans if p.kind == "slogan" else self.programs).add(p.name)


def _to_resolve(extractions: list[Extraction]) -> Iterator[Extraction]:
    """The records resolution reads: figures, programs and holdings' evidence are in the
    graph already (written with their article: a holding's evidence keeps its key, what
    names it), a mention's evidence is not in it, and an article's text is not read past
    extraction."""
    for ex in extractions:
        yield replace(ex, article=replace(ex.article, text="", byline_offsets=()), figures=[], programs=[],
                      persons=[replace(pm, evidence=_key_of(pm.evidence)) for pm in ex.persons],
                      agencies=[replace(a, evidence=_key_of(a.evidence)) for a in ex.agencies],
                      holdings=[replace(h, evidence=_key_of(h.evidence)) for h in ex.holdings])


def _key_of(ev):
    """An evidence without its texts: what its IRI is minted from."""
    return replace(ev, anchor="", sentence="", bbox="")


def _triples(sources: list[Source], extractions: list[Extraction], resolved, stamp: str | None) -> Triples:
    """The RDF graph of records held at once (``build`` writes the same a source at a time):
    sources, articles, resolved entities, the build activity."""
    graph = _Graph(sources)
    graph.extracted(extractions)
    return graph.done(resolved, stamp)


class _Graph:
    """The RDF graph of a build, written as its records come: the sources first, each
    article with its figures and programs (an observation or a program's evidence depends
    on its own article alone) as soon as its source is extracted, and the resolved
    entities, the series of the figures and the build activity once every source is
    (``done``). The triples are a set, written out in one canonical order: the same bytes
    whenever each part is written. The cycle collector is paused while they are added and
    what they made is frozen after (``_adding``)."""

    def __init__(self, sources: list[Source], spill: bool = False) -> None:
        """spill (bool): past ``kg.graph.runs.RUN_TRIPLES`` triples, to disk in sorted runs."""
        self.sources = sources
        self.spill = spill
        self.writer = None

    def extracted(self, extractions: list[Extraction]) -> None:
        """One source's extractions: their articles, figures and programs."""
        with _adding():
            self._extracted(extractions)

    def _extracted(self, extractions: list[Extraction]) -> None:
        if self.writer is None:  # made at the first source's records: with -j N, once the workers run
            from .graph.rdf import GraphWriter
            from .graph.runs import RUN_TRIPLES

            # with spill, past RUN_TRIPLES the triples go to disk in sorted runs
            self.writer = GraphWriter(run_max=RUN_TRIPLES if self.spill else 0)
            self.writer.holdings_evidence_written = True  # each holding's evidence below, as it comes
            for s in self.sources:
                self.writer.source(s)
            self.by_source = {s.id: s for s in self.sources}
        for ex in extractions:
            self.writer.article(ex.article, self.by_source[ex.article.source])
            self.writer.observations(ex.figures)
            for program in ex.programs:
                self.writer.program(program)
            for h in ex.holdings:  # every holding's evidence is its membership's (resolution keeps its key alone)
                self.writer.evidence(h.evidence)

    def done(self, resolved: Resolved, stamp: str | None) -> Triples:
        """The rest, once every source is extracted and ``resolved``: RETURNS the triples."""
        with _adding():
            return self._done(resolved, stamp)

    def _done(self, resolved: Resolved, stamp: str | None) -> Triples:
        self._extracted([])
        self.writer.resolved(replace(resolved, figures=[], programs=[]))  # written: the figures' series now
        self.writer.activity(self.sources, stamp or _source_date_epoch())
        triples, self.writer = self.writer.done(), None
        return triples


def _report(all_inputs, manifest, sources, refused, skipped, summaries, resolved, triples, tally: _Tally,
            digests: list[str]) -> dict:
    """report.json: what was read (``digests``: each source's sha256), refused and skipped, per
    article (``tally.per_source``: source id -> its articles), counts and merges."""
    return {
        "kg_version": __version__,
        "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "inputs": all_inputs,
        "manifest": [{"input": name, "path": str(path)} for name, (path, _) in manifest.items()],
        "sources": [{"id": s.id, "encoding": s.encoding, "date": s.date, "articles": tally.per_source[s.id],
                     "sha256": digests[k]}
                    for k, s in enumerate(sources)],  # the content each was built from: a changed input shows
        "refused": [{"path": r.path, "line": r.line, "reason": r.reason} for r in refused],
        "skipped": [{"path": r.path, "reason": r.reason} for r in skipped],
        "articles": summaries,
        "counts": _counts(resolved, triples, tally),
        "merges": resolved.merges,
        "warnings": [],
    }


def _write_outputs(triples: Triples, out: Path, report: dict, stages: Stages, store: bool, html: bool, validate: bool,
                   texts: dict[str, str] | None = None, jobs: int = 1, keep: bool = True) -> None:
    """graph.ttl, the store, graph.html, the SHACL check, report.json and the source texts
    of PDFs (``texts``: source id -> text), each a stage, written into a folder beside OUT
    that then replaces OUT whole: a build killed at any moment leaves the previous build
    or the new one, never a mix. Without ``keep``, ``triples`` are cleared once graph.ttl,
    graph.html and the SHACL check no longer need them, before the store loads."""
    staging = staging_folder(out)
    try:
        _write_texts(texts or {}, staging, out)
        _write_into(triples, staging, out, report, stages, store, html, validate, jobs, keep)
        publish_folder(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _write_texts(texts: dict[str, str], folder: Path, out: Path) -> None:
    """The source text of every PDF, as OUT/texts/<source id>.txt: the text its evidence
    offsets index (``kg validate`` checks them there). An earlier build's texts are
    replaced whole, never left beside this build's."""
    from .graph.validate import TEXTS, kept_text

    if texts or (out / TEXTS).is_dir():
        (folder / TEXTS).mkdir()
    for source_id, text in sorted(texts.items()):
        write_text(kept_text(folder, source_id), text)


def _write_into(triples: Triples, folder: Path, out: Path, report: dict, stages: Stages, store: bool, html: bool,
                validate: bool, jobs: int = 1, keep: bool = True) -> None:
    """The outputs, written into ``folder``; messages name ``out``, where they will stand.
    With ``jobs`` > 1 and a big graph, graph.ttl is written in parts and graph.html and the
    SHACL check run beside it, on ``jobs`` forked processes (the same bytes), and the store
    loads here from the parts as they are written. Otherwise the store loads last, from
    graph.ttl, after the triples' lookups (and, without ``keep``, the triples) are dropped:
    Oxigraph's loader then has the memory they held."""
    report["shacl_conforms"] = None
    if _spilled(triples):
        _write_runs(triples, folder, out, report, stages, store, html, validate)
        return
    count = len(triples)
    shacl = validate and count <= VALIDATE_MAX_TRIPLES
    if jobs > 1 and count >= PARALLEL_MIN_TRIPLES and "fork" in multiprocessing.get_all_start_methods():
        with stages.stage(f"writing graph.ttl, the store and graph.html ({jobs} processes)"):
            _write_forked(triples, folder, out, report, store, html, shacl, jobs)
    else:
        with stages.stage("serialising graph.ttl"):
            triples.write_turtle(folder / "graph.ttl")  # a block at a time: the text is never whole in memory
            give_back()
        with stages.stage("drawing graph.html"):
            if html:
                _note(report, _draw(triples, folder))
                give_back()
        with stages.stage("checking SHACL shapes"):
            if shacl:
                _record_shacl(report, out, *_check(triples))
        if keep:
            triples.release()  # the lookups graph.html made
        else:
            triples.clear()
        give_back()  # Oxigraph's loader allocates through the same malloc
        with stages.stage("loading the store"):
            if store:
                _load_store(folder, report)
    if not keep:
        triples.clear()
    if validate and not shacl:
        report["warnings"].append(f"SHACL check skipped for {count} triples; run 'kg validate {out}'")
    with stages.stage("writing report.json"):
        write_text(folder / "report.json", json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True) + "\n")


def _spilled(triples) -> bool:
    """Whether a build's triples are runs on disk (``kg.graph.runs``), not one set."""
    return getattr(triples, "runs", None) is not None and triples.runs()


def _write_runs(runs, folder: Path, out: Path, report: dict, stages: Stages, store: bool, html: bool,
                validate: bool) -> None:
    """The outputs of a build whose triples are runs on disk (too many to hold): graph.ttl
    merged from the runs, the store loaded from it, and graph.html drawn from the store
    (Oxigraph's, on disk), so that none of them holds the whole graph in this process.
    The SHACL check (over ``VALIDATE_MAX_TRIPLES``) is left to ``kg validate``."""
    try:
        with stages.stage("serialising graph.ttl"):
            runs.write_turtle(folder / "graph.ttl")
    finally:
        runs.close()
    report["counts"]["triples"] = count = len(runs)
    give_back()
    with stages.stage("loading the store"):
        if store:
            _load_store(folder, report)
    with stages.stage("drawing graph.html"):
        if html:
            _note(report, _draw_from(folder, store))
            give_back()
    if validate:
        report["warnings"].append(f"SHACL check skipped for {count} triples; run 'kg validate {out}'")
    with stages.stage("writing report.json"):
        write_text(folder / "report.json", json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True) + "\n")


def _draw_from(folder: Path, store: bool) -> str | None:
    """graph.html of a build whose triples are not in memory: from its store (read-only),
    or without one, from graph.ttl."""
    from .graph.store import StoreLookups, load_graph_file, open_ox_store

    try:
        graph = StoreLookups(open_ox_store(folder)) if store and (folder / "store").is_dir() else load_graph_file(folder)
    except Exception as exc:
        return f"graph.html not written: {exc}"
    return _draw(graph, folder)


_LIBC: list = []


def give_back() -> None:
    """Collect garbage and hand the heap's free pages back to the system (glibc's
    ``malloc_trim``), between stages: what one stage dropped is not kept resident while
    the next (or Oxigraph's loader, a separate allocator's user of the same heap) grows.
    What is left alive is frozen (``gc.freeze``): the next stages' collections, this one's
    included, skip it instead of walking every triple again (a full pass over the triples
    of 1x the base corpus is about 0.1 s); ``build`` unfreezes it at its end
    (``_thawed_after``). The triples and records hold no reference cycles: dropped, they
    are freed at once, frozen or not. The trim is a no-op where there is no glibc."""
    gc.collect()
    gc.freeze()
    if not _LIBC:
        import ctypes
        import ctypes.util

        try:
            _LIBC.append(ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim)
        except (OSError, AttributeError):
            _LIBC.append(None)
    if _LIBC[0] is not None:
        _LIBC[0](0)


@contextmanager
def _adding() -> Iterator[None]:
    """The cycle collector paused while the writer adds triples, and what is alive then
    frozen (``gc.freeze``) as it goes back on (as it was found): the triples live on, and
    the collector's passes would walk them again and again, the first one as it comes back
    on (every object made meanwhile is young). Adding makes next to no garbage cycles (a few
    dozen objects at 1x the base corpus), and nothing frozen is kept alive by it: what is
    dropped later is freed by its count as before. ``build`` unfreezes at its end."""
    from .graph.triples import paused_collector  # (not at the top: imported while workers extract)

    with paused_collector():
        try:
            yield
        finally:
            gc.freeze()


@contextmanager
def _thawed_after(thaw: bool) -> Iterator[None]:
    """With ``thaw``, what ``give_back`` and ``_adding`` froze back under the cycle collector
    at the end (without: the caller had frozen objects, and its freeze is left as it was)."""
    try:
        yield
    finally:
        if thaw:
            gc.unfreeze()


def _load_store(folder: Path, report: dict, parts: Iterable[Path] | None = None) -> None:
    """OUT/store from OUT/graph.ttl, or from ``parts`` (Turtle files, as they come), by
    Oxigraph's own parser."""
    try:
        from .graph.store import save_store

        save_store(folder / "graph.ttl" if parts is None else parts, folder)
    except Exception as exc:  # the Turtle export stands on its own
        report["warnings"].append(f"store not written: {exc}")


def _draw(triples: Triples, folder: Path) -> str | None:
    """graph.html; RETURNS a warning when it could not be written."""
    try:
        from .view.viz import write_html

        write_html(triples, folder / "graph.html")  # drawn without pyvis's import
    except Exception as exc:
        return f"graph.html not written: {exc}"
    return None


def _check(triples: Triples) -> tuple[bool, int]:
    """The SHACL check: (conforms, number of violations)."""
    from .graph.validate import validate as shacl_validate

    result = shacl_validate(triples)  # SPARQL on Oxigraph (kg.graph.shacl): no rdflib Graph needed
    return result.conforms, len(result.violations)


def _note(report: dict, warning: str | None) -> None:
    if warning:
        report["warnings"].append(warning)


def _record_shacl(report: dict, out: Path, conforms: bool, violations: int) -> None:
    report["shacl_conforms"] = conforms
    if not conforms:
        report["warnings"].append(f"SHACL: {violations} violation(s); run 'kg validate {out}' for details")


# -- the output stage on N processes ------------------------------------------------------
# Forked workers read the build's triples from this module's memory (nothing is pickled):
# graph.ttl is cut by subject into runs of the canonical order, each run written by a
# worker as Turtle of its own (the same text the whole would have there), and joined here;
# graph.html and the SHACL check run on workers meanwhile (submitted first: the view is the
# longest task), and the store loads here from the parts, each as soon as it is written,
# while the others and the view are still being made.

_FORKED: dict = {}


def _write_forked(triples: Triples, folder: Path, out: Path, report: dict, store: bool, html: bool, shacl: bool,
                  jobs: int) -> None:
    from concurrent.futures import ProcessPoolExecutor

    runs = _part_runs(triples.subject_runs(4 * jobs), jobs)
    paths = [folder / f".graph.ttl.{k}" for k in range(len(runs))]
    rest = folder / ".graph.ttl.rest"
    _FORKED.update(triples=triples, runs=runs)
    thaw = not gc.get_freeze_count()  # froze here alone (build's own freeze is thawed by build)
    gc.freeze()  # the workers' collections skip (and so do not copy) the build's objects
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            view = pool.submit(_forked, _draw, folder) if html else None
            check = pool.submit(_forked, _check) if shacl else None
            parts = [pool.submit(_turtle_part, k, paths[k]) for k in range(len(runs))]
            if store:  # the pool's processes are all forked by now: the store's threads start after
                _load_store(folder, report, _parts_as_written(parts, paths, rest))
            for part in parts:
                part.result()
            _join_turtle(paths, folder / "graph.ttl")
            if view is not None:
                _note(report, view.result())
            if check is not None:
                _record_shacl(report, out, *check.result())
    finally:
        if thaw:
            gc.unfreeze()
        _FORKED.clear()
        for path in [*paths, rest]:
            path.unlink(missing_ok=True)


def _part_runs(runs: list[list], jobs: int) -> list[list]:
    """graph.ttl's parts from runs of subjects of about equal sizes: the first ``jobs`` runs
    alone (the store starts on the first as soon as it is written), then two runs a part
    (each part's worker reads the whole index once to cut its triples out)."""
    return [*runs[:jobs], *([s for run in runs[k:k + 2] for s in run] for k in range(jobs, len(runs), 2))]


def _turtle_part(k: int, path: Path) -> bool:
    """In a forked worker: the Turtle of the ``k``-th run of subjects, prefixes included;
    RETURNS whether it names a blank node."""
    from rdflib import BNode

    part = _FORKED["triples"].of_subjects(set(_FORKED["runs"][k]).__contains__)
    part.write_turtle(path)
    return any(isinstance(s, BNode) or isinstance(o, BNode) for s, _, o in part.unordered())


def _parts_as_written(parts: list, paths: list[Path], rest: Path) -> Iterator[Path]:
    """The parts of graph.ttl in order, each as soon as its worker has written it: the
    store loads one while the next are made. A blank node's label names it within one
    document only, so from the first part that names one on, the parts come as one
    document (``rest``)."""
    for k, part in enumerate(parts):
        if part.result():
            for later in parts[k:]:
                later.result()
            _join_turtle(paths[k:], rest)
            yield rest
            return
        yield paths[k]


def _forked(fn: Callable, *args):
    """In a forked worker: ``fn(triples, *args)``."""
    return fn(_FORKED["triples"], *args)


def _join_turtle(parts: list[Path], path: Path) -> None:
    """graph.ttl: the prefixes once, then every part without its own."""
    from .atomic import atomic_path
    from .graph.triples import Triples

    header = Triples().turtle().encode("utf-8")
    with atomic_path(path) as tmp, open(tmp, "wb") as fh:
        fh.write(header)
        for part in parts:
            with open(part, "rb") as src:
                if src.read(len(header)) != header:
                    raise RuntimeError(f"{part.name}: a part of graph.ttl without the prefixes")
                shutil.copyfileobj(src, fh, 1 << 20)


def _earlier_inputs(out: Path, drop_missing: bool) -> dict[str, tuple[Path, str]]:
    """The inputs of the build in ``out``: name as given -> (absolute path, name).

    RAISES FileNotFoundError: no build in ``out``, or an earlier input is gone (unless
        ``drop_missing``): nothing is written, the build stays as it was.
    """
    rep = out / "report.json"
    if not rep.is_file():
        raise FileNotFoundError(f'{out} has no report.json - run "kg build" first, without --update')
    try:
        report = json.loads(rep.read_text(encoding="utf-8"))
    except ValueError as err:
        raise FileNotFoundError(f"{rep} is not a build report ({err}); rebuild without --update") from None
    entries = report.get("manifest") or [{"input": name, "path": str(Path(name).resolve())}
                                         for name in report.get("inputs", [])]  # builds before manifests
    found: dict[str, tuple[Path, str]] = {}
    gone = []
    for entry in entries:
        path = Path(entry["path"])
        if path.exists():
            found[entry["input"]] = (path, entry["input"])
        else:
            gone.append(f'{entry["input"]} ({path})')
    if gone and not drop_missing:
        raise FileNotFoundError(
            f"earlier input(s) of {out} are gone: {'; '.join(gone)} - restore them, or add --drop-missing "
            "to rebuild without their facts (the build is unchanged)")
    return found


def _source_date_epoch() -> str | None:
    """The build time to write into the graph: SOURCE_DATE_EPOCH when set (the
    reproducible-builds convention), else none, so the same inputs give the same bytes.
    The wall-clock time of every build is in report.json."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if not value:
        return None
    try:
        return datetime.fromtimestamp(int(value), timezone.utc).isoformat(timespec="seconds")
    except ValueError:
        raise ValueError(f"SOURCE_DATE_EPOCH={value!r} is not a Unix time in seconds") from None


def _counts(r, triples, tally: _Tally) -> dict:
    """The report's counts; ``tally``: the figures, programs and slogans counted as they were
    extracted (resolution is not given them)."""
    return {
        "persons": len(r.persons),
        "agencies": len(r.agencies),
        "memberships": len(r.memberships),
        "figures": tally.figures,
        "programs": len(tally.programs),
        "slogans": len(tally.slogans),  # catchwords quoted: no programs
        "events": len({(e.name, e.date) for e in r.events}),
        "triples": None if _spilled(triples) else len(triples),  # runs on disk: counted as graph.ttl is written
    }


