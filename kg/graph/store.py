"""The embedded store: Oxigraph (RocksDB) through oxrdflib, persisted in ``OUT/store``.

rdflib stays the API: ``open_store`` returns an ``rdflib.Graph`` backed by Oxigraph, so
``graph.query(...)`` runs in Oxigraph's native SPARQL engine (each answer's terms then
become rdflib objects; ``kg query`` and ``kg.open(OUT).query`` skip that through
``kg.serve.query.run_query``, which queries the pyoxigraph Store underneath). ``save_store`` writes a
graph atomically: it loads into a temporary directory beside the target and renames it
into place, so a reader never sees a half-written store.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD

from ..atomic import atomic_path
from .namespace import PREFIXES, bind_prefixes

STORE_DIRNAME = "store"
GRAPH_FILENAME = "graph.ttl"

#: rdflib serializer name and file suffix for ``kg export --format``
EXPORT_FORMATS: dict[str, tuple[str, str]] = {
    "ttl": ("turtle", ".ttl"),
    "nt": ("nt", ".nt"),
    "jsonld": ("json-ld", ".jsonld"),
    "trig": ("trig", ".trig"),
}


def store_path(out_dir: Path | str) -> Path:
    """The store directory of a build folder: ``OUT/store``."""
    return Path(out_dir) / STORE_DIRNAME


def _ox_graph(ox_store) -> Graph:
    from oxrdflib import OxigraphStore

    # the default graph, so triples persist under a name every later open can see
    graph = Graph(store=OxigraphStore(store=ox_store), identifier=DATASET_DEFAULT_GRAPH_ID)
    return bind_prefixes(graph)


def _load_into(ox_store, graph: Graph | bytes | Path | Iterable[Path], piece_bytes: int = 0) -> None:
    import pyoxigraph as ox

    if isinstance(graph, bytes):  # Turtle: Oxigraph's own parser
        ox_store.bulk_load(graph, format=ox.RdfFormat.TURTLE)
        return
    if isinstance(graph, Path):  # a Turtle file (the build's graph.ttl), read by Oxigraph
        if piece_bytes:
            _load_turtle_file(ox_store, graph, piece_bytes, whole_bytes=0)
        else:
            _load_turtle_file(ox_store, graph)
        return
    if not isinstance(graph, Graph):  # Turtle files, each loaded as it comes (kg build -j N: graph.ttl's parts)
        for path in graph:
            _load_turtle_file(ox_store, path)
        return
    if isinstance(graph.store, type(_ox_graph(ox.Store()).store)):
        # already Oxigraph: copy quads natively (no re-serialisation)
        ox_store.bulk_extend(graph.store._inner)  # noqa: SLF001  (oxrdflib keeps its pyoxigraph store here)
        return
    data = graph.serialize(format="nt", encoding="utf-8")
    ox_store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)


#: Oxigraph's bulk loader holds the quads of what it loads at once in memory (some 10-20
#: bytes a byte of Turtle), so graph.ttl loads in pieces; but every piece after the first
#: lands as files that overlap all the store holds (its keys are hashes), and RocksDB then
#: compacts in the background for the rest of the load: about as much CPU again as the
#: loader's own once there are more than a few pieces, whatever their size (measured on 10x the bundled
#: corpus: pieces of 2 and 8 MB cost the same CPU, 84 and 184 MB of peak memory). So a file
#: up to LOAD_WHOLE_BYTES loads at once (no compaction), a bigger one in small pieces.
LOAD_WHOLE_BYTES = 16 << 20
LOAD_PIECE_BYTES = 4 << 20


def _load_turtle_file(ox_store, path: Path, piece_bytes: int = LOAD_PIECE_BYTES,
                      whole_bytes: int = LOAD_WHOLE_BYTES) -> None:
    """Load a Turtle file at once when it is no bigger than ``whole_bytes`` (or
    ``piece_bytes``), else in as few pieces of at most about ``piece_bytes`` as it takes, of
    equal size, cut between subject blocks (blank lines), each with the file's prefix
    block: the loader's memory stays bounded by a piece, not the graph. A file with blank
    nodes (their labels are scoped to one document) or without blank-line blocks is loaded
    whole."""
    import pyoxigraph as ox

    size = path.stat().st_size
    if size <= max(piece_bytes, whole_bytes):
        ox_store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
        return
    with path.open("rb") as f:
        head = f.read(1 << 16)
        cut = head.find(b"\n\n")
        if cut < 0 or b"_:" in head or not head.startswith(b"@prefix"):
            ox_store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
            return
        prefixes, start = head[:cut + 2], cut + 2
        count = -(-(size - start) // piece_bytes)
        step = -(-(size - start) // count)  # the same size each, no small rest at the end
        f.seek(start)
        rest = b""
        for k in range(1, count):
            data = rest + f.read(max(start + k * step - f.tell(), 0))
            end = data.rfind(b"\n\n")
            while end < 0:  # a subject block longer than a piece
                more = f.read(max(step // 4, 1 << 12))
                if not more:
                    break
                data += more
                end = data.rfind(b"\n\n")
            if end < 0:
                rest = data
                break
            piece, rest = data[:end + 2], data[end + 2:]
            if b"_:" in piece:  # a blank node may span pieces: load the rest whole
                ox_store.bulk_load(prefixes + piece + rest + f.read(), format=ox.RdfFormat.TURTLE)
                return
            ox_store.bulk_load(prefixes + piece, format=ox.RdfFormat.TURTLE)
        data = rest + f.read()
        if data.strip():
            ox_store.bulk_load(prefixes + data, format=ox.RdfFormat.TURTLE)


def save_store(graph: Graph | bytes | Path | Iterable[Path], out_dir: Path | str, piece_bytes: int = 0) -> Path:
    """Persist a graph as the Oxigraph store ``OUT/store``, replacing any previous one.

    Builds into a temporary directory in ``OUT`` and renames it into place.

    graph (Graph | bytes | Path | Iterable[Path]): the triples to store: an rdflib Graph (any
        store), Turtle bytes, a Turtle file, or Turtle files read in turn as an iterable yields
        them (each a document of its own: no blank node may be shared between two).
    out_dir (Path | str): the build folder.
    piece_bytes (int): load a Turtle file bigger than this in pieces of at most about this
        many bytes; 0 (the default): files up to ``LOAD_WHOLE_BYTES`` at once, bigger ones
        in pieces of ``LOAD_PIECE_BYTES``.
    RETURNS (Path): the store directory.
    """
    import pyoxigraph as ox

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = store_path(out_dir)
    tmp = Path(tempfile.mkdtemp(prefix=".store-", dir=out_dir))
    try:
        ox_store = ox.Store(str(tmp / "db"))
        _load_into(ox_store, graph, piece_bytes)
        ox_store.flush()
        ox_store.optimize()
        del ox_store  # closes RocksDB before the rename
        old = None
        if target.exists():
            old = out_dir / f".store-old-{os.getpid()}"
            if old.exists():
                shutil.rmtree(old)
            target.rename(old)
        (tmp / "db").rename(target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def resolve_store_dir(out_dir: Path | str) -> Path:
    """The store directory for a build folder (or the store directory itself)."""
    path = Path(out_dir)
    if path.name == STORE_DIRNAME and (path / "CURRENT").exists():
        return path
    return store_path(out_dir)


def open_ox_store(out_dir: Path | str, read_only: bool = True):
    """Open the pyoxigraph ``Store`` of a build folder.

    out_dir (Path | str): the build folder (holding ``store/``), or the store directory itself.
    read_only (bool): open a read-only instance (many readers may share it). Defaults to True.
    RETURNS (pyoxigraph.Store): the store.
    """
    import pyoxigraph as ox

    path = resolve_store_dir(out_dir)
    if not (path / "CURRENT").exists():
        raise FileNotFoundError(f'Store "{path}" not found - run "kg build" first')
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as err:
        raise OSError(f'Store "{path}" could not be opened ({err}) - is another kg process writing it?') from err


def open_store(out_dir: Path | str, read_only: bool = True) -> Graph:
    """Open ``OUT/store`` as an rdflib ``Graph`` backed by Oxigraph.

    out_dir (Path | str): the build folder.
    read_only (bool): open read-only (safe with concurrent readers). Defaults to True.
    RETURNS (Graph): the graph; ``graph.query`` runs in Oxigraph.
    """
    return _ox_graph(open_ox_store(out_dir, read_only=read_only))


def memory_store(graph: Graph | None = None) -> Graph:
    """An in-memory Oxigraph-backed graph (for tests and notebooks), optionally filled."""
    import pyoxigraph as ox

    ox_store = ox.Store()
    if graph is not None:
        _load_into(ox_store, graph)
    return _ox_graph(ox_store)


def _plain(term):
    # Oxigraph returns simple literals typed xsd:string; rdflib (and Turtle output) treats
    # "x" and "x"^^xsd:string as different terms, so give back the simple literal
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def to_memory(graph: Graph) -> Graph:
    """Copy any graph into rdflib's memory store, simple literals restored.

    Note: Oxigraph keeps derived integer types as xsd:integer (nif:beginIndex comes back
    as xsd:integer, not xsd:nonNegativeInteger); graph.ttl is the lossless export.
    """
    copy = bind_prefixes(Graph())
    copy.addN((_plain(s), p, _plain(o), copy) for s, p, o in graph)
    return copy


def load_graph_file(out_dir: Path | str) -> Graph:
    """Parse ``OUT/graph.ttl`` into an in-memory rdflib graph."""
    path = Path(out_dir) / GRAPH_FILENAME
    if not path.exists():
        raise FileNotFoundError(f'Graph "{path}" not found - run "kg build" first')
    return bind_prefixes(Graph()).parse(str(path), format="turtle")


def export(out_dir: Path | str, fmt: str, destination: Path | str | None = None) -> Path:
    """Export the stored graph as Turtle, N-Triples, JSON-LD or TriG.

    out_dir (Path | str): the build folder.
    fmt (str): one of ``EXPORT_FORMATS`` (ttl, nt, jsonld, trig).
    destination (Path | str | None): file to write. Defaults to ``OUT/graph.<ext>``.
    RETURNS (Path): the file written.
    """
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"Unknown export format {fmt!r} - use one of {', '.join(EXPORT_FORMATS)}")
    rdflib_format, suffix = EXPORT_FORMATS[fmt]
    # graph.ttl is lossless (the store normalises some datatypes); the store is the fallback
    try:
        graph = load_graph_file(out_dir)
    except FileNotFoundError:
        graph = to_memory(open_store(out_dir))
    dest = Path(destination) if destination else Path(out_dir) / f"graph{suffix}"
    with atomic_path(dest) as tmp:
        # JSON-LD: kg's prefixes as its @context, so keys read foaf:name, not full IRIs
        extra = {"context": dict(PREFIXES), "auto_compact": True} if fmt == "jsonld" else {}
        tmp.write_bytes(graph.serialize(format=rdflib_format, encoding="utf-8", **extra))
    return dest


def read_graph(path: str | os.PathLike) -> Graph:
    """Read a kg graph from a build folder (its graph.ttl) or an RDF file.

    path (str | PathLike): a ``kg build`` output folder or a .ttl/.nt/.nq/.jsonld file.
    RETURNS (Graph): the parsed graph.
    """
    path = Path(path)
    if path.is_dir():
        ttl = path / "graph.ttl"
        if not ttl.exists():
            raise FileNotFoundError(f"{ttl} not found - run \"kg build\" first")
        path = ttl
    if not path.exists():
        raise FileNotFoundError(f"{path} not found")
    graph = Graph(bind_namespaces="none")
    graph.parse(path)  # format guessed from the suffix
    return graph


class StoreLookups:
    """The read-only lookups the view makes of a graph (``objects``, ``subjects``, ``value``,
    ``in`` with ``None`` as a wildcard), answered by a pyoxigraph Store: a big build draws
    its view from its store on disk, never holding its triples. Terms convert as oxrdflib
    converts them (a recurring term once, from a bounded cache), without rdflib's
    per-term store plumbing, which made the view of a big build several times slower."""

    def __init__(self, ox_store) -> None:
        import pyoxigraph as ox

        self._store = ox_store
        self._graph = ox.DefaultGraph()
        self._to_ox = lru_cache(maxsize=1 << 16)(rdflib_to_ox)
        self._from_ox = lru_cache(maxsize=1 << 16)(ox_to_rdflib)
        self._pair = lru_cache(maxsize=1 << 14)(self._objects)  # the view asks some (subject, predicate) again

    def _quads(self, s, p, o):
        to = self._to_ox
        return self._store.quads_for_pattern(None if s is None else to(s), None if p is None else to(p),
                                             None if o is None else to(o), self._graph)

    def _objects(self, subject, predicate) -> tuple:
        back = self._from_ox
        return tuple(back(q.object) for q in self._quads(subject, predicate, None))

    def objects(self, subject=None, predicate=None):
        if subject is not None and predicate is not None:
            return iter(self._pair(subject, predicate))
        back = self._from_ox
        return iter([back(q.object) for q in self._quads(subject, predicate, None)])

    def subjects(self, predicate=None, object=None):  # noqa: A002 - rdflib's name
        back = self._from_ox
        return iter([back(q.subject) for q in self._quads(None, predicate, object)])

    def value(self, subject=None, predicate=None, object=None, default=None):  # noqa: A002
        """One value (the least in canonical order, as ``Triples.value`` answers)."""
        from .triples import least_value

        return least_value(self, subject, predicate, object, default)

    def __contains__(self, triple: tuple) -> bool:
        s, p, o = triple
        if s is not None and p is not None and o is None:
            return bool(self._pair(s, p))
        return next(iter(self._quads(s, p, o)), None) is not None


def ox_to_rdflib(term):
    """A pyoxigraph term as the rdflib term oxrdflib makes of it (None stays None, a triple
    term is a tuple of three, an rdflib term comes back as it is)."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    if isinstance(term, ox.Triple):
        return ox_to_rdflib(term.subject), ox_to_rdflib(term.predicate), ox_to_rdflib(term.object)
    return term


def rdflib_to_ox(term):
    """An rdflib term (IRI, blank node, literal) as the pyoxigraph term oxrdflib makes of it
    (a literal with neither language nor datatype is an xsd:string)."""
    import pyoxigraph as ox

    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    return ox.NamedNode(str(term))
