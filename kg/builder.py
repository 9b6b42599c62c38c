"""``kg build``: files -> sources -> articles -> records -> graph -> OUT/.

Writes OUT/graph.ttl (portable export), OUT/store (Oxigraph), OUT/graph.html (network
view) and OUT/report.json. Every file is written to a temporary name and renamed into
place, so an interrupted build never leaves a half-written output.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from functools import lru_cache, partial
from pathlib import Path
from typing import Callable, Iterable

from ._version import __version__
from .atomic import publish_folder, recover_folder, staging_folder, write_text
from .graph.rdf import GraphWriter
from .graph.triples import Triples
from .nlp.extract import Extractor, page_context
from .progress import Stages, items
from .records import Extraction, Source
from .resolve import resolve
from .text.formats import split_articles
from .text.sources import Refusal, read_sources


@dataclass
class BuildResult:
    out: Path
    report: dict
    triples: object = field(repr=False, default=None)  # graph.triples.Triples

    @property
    def graph(self):
        """The built graph as an rdflib Graph (made on first use)."""
        return None if self.triples is None else self.triples.to_graph()

    @property
    def ok(self) -> bool:
        return bool(self.report["sources"])


PARALLEL_MIN_CHARS = 200_000  # below this, starting workers costs more than it saves
VALIDATE_MAX_TRIPLES = 100_000  # pyshacl is slow on big graphs: past this, `kg validate` on demand
@lru_cache(maxsize=2)
def _extractor(use_model: bool = True) -> Extractor:
    """One extractor per process (and per kind): it loads the vocabularies and models once."""
    return Extractor(use_model=use_model)


def extract_source(src: Source, use_model: bool = True) -> list[Extraction]:
    """Segment one source and extract every article, in order.

    use_model (bool): the statistical recogniser fills in where the grammar is silent.
    """
    extractor = _extractor(use_model)
    articles = split_articles(src)
    ctx = page_context(src, articles)
    extractions = [extractor.extract(art, ctx, src.paper) for art in articles]
    if src.positions is not None:  # a PDF: every evidence gets the page and box it is printed in
        from .text.pdf import placed

        extractions = [placed(ex, src.positions) for ex in extractions]
    return extractions


def process_source(src: Source, use_model: bool = True) -> tuple[list[Extraction], list[dict]]:
    """Segment and extract one source (runs in a worker process for big builds).

    The extractions come back light: each holds a copy of its article without the raw
    text and the offset map, since every record holds its own evidence, so results
    cross process boundaries cheaply.
    """
    extractions: list[Extraction] = []
    summaries: list[dict] = []
    for ex in extract_source(src, use_model):
        art = ex.article
        extractions.append(replace(ex, article=replace(art, raw="", offsets=())))
        summaries.append({
            "id": art.id, "headline": art.headline, "date": art.date, "date_said": art.date_said,
            "reporters": [p.name for p in ex.persons if p.cue == "byline"], "characters": len(art.text),
            "event": ex.events[0].name if ex.events else "",
            "people": sorted({p.name for p in ex.persons}), "figures": len(ex.figures),
            "truncated": bool(art.truncated),
        })
    return extractions, summaries


def extract_sources(sources: list[Source], progress: Callable[[Iterable], Iterable] | None = None,
                    jobs: int = 1, use_model: bool = True) -> tuple[list[Extraction], list[dict]]:
    """Segment and extract every source, in order; ``jobs`` > 1 uses worker processes."""
    work = partial(process_source, use_model=use_model)
    size = sum(len(s.raw) for s in sources)
    if jobs > 1 and len(sources) > 1 and size > PARALLEL_MIN_CHARS:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(jobs, len(sources))) as pool:
            results = pool.map(work, sources, chunksize=max(1, len(sources) // (jobs * 8)))
            results = list(progress(results) if progress else results)
    else:
        results = [work(src) for src in (progress(sources) if progress else sources)]
    extractions = [ex for exs, _ in results for ex in exs]
    summaries = [sm for _, sms in results for sm in sms]
    return extractions, summaries


def build(inputs: list[str], out: str | Path, page_date: str | None = None, update: bool = False,
          html: bool = True, store: bool = True, progress: bool = True, stamp: str | None = None,
          jobs: int = 1, validate: bool = True, model: bool = True, drop_missing: bool = False) -> BuildResult:
    """Build a graph from files/folders into the OUT folder.

    inputs (list[str]): files or folders.
    out (Path): output folder (created).
    page_date (str | None): page date for every input (ISO), overrides sidecars and paths.
    update (bool): add ``inputs`` to the inputs of the existing build in ``out`` (found again by
        their absolute paths, from whatever folder this runs in).
    drop_missing (bool): with ``update``, rebuild without earlier inputs that are gone (without
        it, a gone input stops the update and the build stays as it was).
    stamp (str | None): build time for prov:startedAtTime (ISO); defaults to SOURCE_DATE_EPOCH.
    jobs (int): worker processes for extraction (the graph is the same for any value).
    validate (bool): check the graph against ontology/shapes.ttl (SHACL) and warn.
    model (bool): fill in with the statistical recogniser where the grammar is silent
        (False: the grammar alone, ``--no-model``).
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
    bar = (lambda it: items(it, "kg build: extracting", "source")) if progress else None
    extractions, summaries = extract_sources(sources, bar, jobs=jobs, use_model=model)
    with Stages("kg build", 7, progress) as stages:
        with stages.stage("resolving people and agencies"):
            resolved = resolve(extractions)
        with stages.stage("writing RDF"):
            triples = _triples(sources, extractions, resolved, stamp)
        report = _report(all_inputs, manifest, sources, refused, skipped, extractions, summaries, resolved, triples)
        if sources:
            texts = {s.id: s.raw for s in sources if s.format == "pdf"}
            _write_outputs(triples, out, report, stages, store=store, html=html, validate=validate, texts=texts)
    return BuildResult(out, report, triples)


def _triples(sources: list[Source], extractions: list[Extraction], resolved, stamp: str | None) -> Triples:
    """The RDF graph of a build: sources, articles, resolved entities, the build activity."""
    writer = GraphWriter()
    for s in sources:
        writer.source(s)
    by_source = {s.id: s for s in sources}
    for ex in extractions:
        writer.article(ex.article, by_source[ex.article.source])
    writer.resolved(resolved)
    writer.activity(sources, stamp or _source_date_epoch())
    return writer.triples


def _report(all_inputs, manifest, sources, refused, skipped, extractions, summaries, resolved, triples) -> dict:
    """report.json: what was read, refused and skipped, per article, counts and merges."""
    per_source = Counter(e.article.source for e in extractions)
    return {
        "kg_version": __version__,
        "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "inputs": all_inputs,
        "manifest": [{"input": name, "path": str(path)} for name, (path, _) in manifest.items()],
        "sources": [{"id": s.id, "encoding": s.encoding, "date": s.date, "articles": per_source[s.id],
                     "sha256": hashlib.sha256(s.raw.encode("utf-8", "surrogatepass")).hexdigest()}
                    for s in sources],  # the content each was built from: a changed input shows
        "refused": [{"path": r.path, "line": r.line, "reason": r.reason} for r in refused],
        "skipped": [{"path": r.path, "reason": r.reason} for r in skipped],
        "articles": summaries,
        "counts": _counts(resolved, triples),
        "merges": resolved.merges,
        "warnings": [],
    }


def _write_outputs(triples: Triples, out: Path, report: dict, stages: Stages, store: bool, html: bool, validate: bool,
                   texts: dict[str, str] | None = None) -> None:
    """graph.ttl, the store, graph.html, the SHACL check, report.json and the source texts
    of PDFs (``texts``: source id -> text), each a stage, written into a folder beside OUT
    that then replaces OUT whole: a build killed at any moment leaves the previous build
    or the new one, never a mix."""
    staging = staging_folder(out)
    try:
        _write_texts(texts or {}, staging, out)
        _write_into(triples, staging, out, report, stages, store, html, validate)
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
                validate: bool) -> None:
    """The outputs, written into ``folder``; messages name ``out``, where they will stand."""
    with stages.stage("serialising graph.ttl"):
        triples.write_turtle(folder / "graph.ttl")  # a block at a time: the text is never whole in memory
    with stages.stage("loading the store"):
        if store:
            try:
                from .graph.store import save_store

                save_store(folder / "graph.ttl", folder)
            except Exception as exc:  # the Turtle export stands on its own
                report["warnings"].append(f"store not written: {exc}")
    with stages.stage("drawing graph.html"):
        if html:
            try:
                from .view.viz import to_network, write_html

                write_html(to_network(triples), folder / "graph.html")
            except Exception as exc:
                report["warnings"].append(f"graph.html not written: {exc}")
    with stages.stage("checking SHACL shapes"):
        report["shacl_conforms"] = None
        if validate and len(triples) > VALIDATE_MAX_TRIPLES:
            report["warnings"].append(f"SHACL check skipped for {len(triples)} triples; run 'kg validate {out}'")
        elif validate:
            from .graph.validate import validate as shacl_validate

            shacl = shacl_validate(triples.to_graph())
            report["shacl_conforms"] = shacl.conforms
            if not shacl.conforms:
                report["warnings"].append(
                    f"SHACL: {len(shacl.violations)} violation(s); run 'kg validate {out}' for details")
    with stages.stage("writing report.json"):
        write_text(folder / "report.json", json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True) + "\n")


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


def _counts(r, triples) -> dict:
    return {
        "persons": len(r.persons),
        "agencies": len(r.agencies),
        "memberships": len(r.memberships),
        "figures": len(r.figures),
        "programs": len({p.name for p in r.programs}),
        "events": len({(e.name, e.date) for e in r.events}),
        "triples": len(triples),
    }


