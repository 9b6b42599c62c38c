"""A build's triples without rdflib's store: a set, canonical Turtle, and the read-only
part of ``rdflib.Graph`` the build's own stages use.

``kg build`` writes hundreds of thousands of triples; rdflib's memory store (about 40 µs a
triple to add) and its Turtle serialiser (prefix lookups per term) took most of a build.
Here triples are kept in an index of rdflib terms (no set of tuples), written as Turtle by
one sort and one pass (subjects, then rdf:type first and predicates in IRI order, then
objects), and loaded into
Oxigraph by its own parser. The same triples always give the same bytes. ``to_graph()``
gives an rdflib Graph when a caller wants one (SHACL, the Python API).
"""
from __future__ import annotations

import gc
import re
from collections import Counter
from contextlib import contextmanager
from functools import lru_cache
from itertools import repeat
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from rdflib import BNode, Graph, Literal
from rdflib.namespace import RDF, XSD

from .namespace import PREFIXES, new_graph

if TYPE_CHECKING:
    import numpy as np

_TYPE = RDF.type
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*\Z")  # a local name every Turtle parser reads as is
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: (-len(kv[1]), kv[0]))
# a local name holds no / or #: where every namespace ends in one, the only namespace that
# can shorten an IRI is the IRI up to its last / or # (the first prefix of a namespace wins)
_BY_NAMESPACE = ({namespace: prefix for prefix, namespace in reversed(_BY_LENGTH)}
                 if all(ns.endswith(("/", "#")) for _, ns in _BY_LENGTH) else None)
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_NEEDS_ESCAPE = re.compile(r'[\\"\n\r\t]')
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')


_INTEGER = re.compile(r"[+-]?[0-9]+\Z")
_DECIMAL = re.compile(r"[+-]?[0-9]*\.[0-9]+\Z")


# datatypes as plain str: compared in C (rdflib's == is Python code, and a namespace lookup
# makes a new term each time)
_XSD_STRING, _XSD_DECIMAL, _XSD_INTEGER, _XSD_BOOLEAN = (str(XSD[n]) for n in ("string", "decimal", "integer", "boolean"))


def _shorthand(lexical: str, datatype) -> str | None:
    """Turtle's bare numbers and booleans (as rdflib writes them): 156.0, 12, true."""
    datatype = str(datatype)
    if datatype == _XSD_DECIMAL:
        if _DECIMAL.match(lexical):
            return lexical
        return lexical + ".0" if _INTEGER.match(lexical) else None
    if datatype == _XSD_INTEGER and _INTEGER.match(lexical):
        return lexical
    if datatype == _XSD_BOOLEAN and lexical in ("true", "false"):
        return lexical
    return None


def _escape(text: str) -> str:
    return _NEEDS_ESCAPE.sub(lambda m: _ESCAPES[m.group()], text)


class TurtleTerms:
    """Turtle text of terms, memoised (a build repeats its IRIs and datatypes many times)."""

    def __init__(self) -> None:
        self._iris: dict[str, str] = {_TYPE: "a"}

    def iri(self, iri: str) -> str:
        text = self._iris.get(iri)
        if text is None:
            text = self._iris[iri] = self._iri(iri)
        return text

    @staticmethod
    def _iri(iri: str) -> str:
        iri = str(iri)  # a plain str: rdflib's startswith is Python code
        if _BY_NAMESPACE is not None:  # the one namespace that can hold it: up to its last / or #
            cut = max(iri.rfind("/"), iri.rfind("#")) + 1
            prefix = _BY_NAMESPACE.get(iri[:cut])
            if prefix is not None and _LOCAL.match(iri, cut):
                return f"{prefix}:{iri[cut:]}"
        else:
            for prefix, namespace in _BY_LENGTH:
                if iri.startswith(namespace) and _LOCAL.match(iri, len(namespace)):
                    return f"{prefix}:{iri[len(namespace):]}"
        if _IRI_UNSAFE.search(iri):  # not minted by kg: percent-encode what an IRIREF cannot hold
            iri = _IRI_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), iri)
        return f"<{iri}>"

    def literal(self, lexical: str, language: str | None, datatype: str | None) -> str:
        """A literal's Turtle from its parts: quoted, with its language or a datatype other
        than xsd:string (a number or a boolean written bare where Turtle reads it back the same)."""
        text = f'"{_escape(lexical)}"'
        if language:
            return f"{text}@{language}"
        if datatype and datatype != _XSD_STRING:
            short = _shorthand(lexical, datatype)
            return short if short is not None else f"{text}^^{self.iri(datatype)}"
        return text

    def term(self, term) -> str:
        if isinstance(term, Literal):
            datatype = term.datatype
            return self.literal(str(term), term.language, None if datatype is None else str(datatype))
        if isinstance(term, BNode):
            return f"_:{term}"
        return self.iri(term)


def turtle_prefixes() -> str:
    """The head of kg's Turtle: its prefixes, one ``@prefix`` line each, in name order."""
    return "".join(f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in sorted(PREFIXES.items()))


def _sort_key(term) -> tuple:
    """IRIs before blank nodes before literals; literals by text, then language/datatype."""
    if isinstance(term, Literal):
        return (2, str(term), term.language or "", str(term.datatype or ""))
    return (1 if isinstance(term, BNode) else 0, str(term), "", "")


def _rank_in_place(by_id: dict[int, object], ids: list[int]) -> list:
    """The distinct terms of ``by_id`` (id -> term), ``ids`` being their ids in order;
    ``by_id`` is turned into id -> rank in place (no second table). Objects with equal
    values (the same text first: ``str.__eq__`` is C) share one rank."""
    terms: list = []
    last = None
    for i in ids:
        term = by_id[i]
        if not (terms and str.__eq__(last, term) and last == term):
            terms.append(term)
            last = term
        by_id[i] = len(terms) - 1
    return terms


def _term_order(by_id: dict[int, object]) -> list[int]:
    """The ids of ``by_id``'s terms in ``_sort_key`` order, sorted by their text alone
    (IRIs, then blank nodes, then literals; literals of the same text then by language
    and datatype): one string a term while sorting, not a tuple (a sort holds every key)."""
    groups: tuple[list, list, list] = ([], [], [])
    group_of: dict[type, list] = {}  # a term's group by its class, found once a class
    for i, term in by_id.items():
        group = group_of.get(type(term))
        if group is None:
            group = group_of[type(term)] = groups[2 if isinstance(term, Literal) else 1 if isinstance(term, BNode) else 0]
        group.append(i)
    for group in groups:
        texts = list(map(str, map(by_id.__getitem__, group)))
        group[:] = [group[k] for k in sorted(range(len(group)), key=texts.__getitem__)]
        del texts
    literals = groups[2]
    start = 0
    while start < len(literals):  # a run of literals of one text: by language, then datatype
        end, text = start + 1, by_id[literals[start]]
        while end < len(literals) and str.__eq__(by_id[literals[end]], text):
            end += 1
        if end - start > 1:
            literals[start:end] = sorted(literals[start:end], key=lambda i: _sort_key(by_id[i]))
        start = end
    return groups[0] + groups[1] + literals


_CHUNK = 1 << 16
_PACKED_MAX = 1 << 63  # keys below this pack a triple into one int64


def _decoded(keys, n_terms: int, n_predicates: int) -> Iterator[tuple[int, int, int]]:
    """(subject, predicate, object) ranks of ``Triples._ranked``'s keys, in order, a
    chunk at a time (never a Python int per triple at once)."""
    for at in range(0, len(keys), _CHUNK):
        chunk = keys[at:at + _CHUNK]
        if chunk.ndim == 2:
            yield from zip(*(chunk[:, k].tolist() for k in range(3)))
            continue
        sp, o = divmod(chunk, n_terms)
        s, p = divmod(sp, n_predicates)
        yield from zip(s.tolist(), p.tolist(), o.tolist())


def _decoded_columns(keys, n_terms: int, n_predicates: int) -> Iterator[tuple]:
    """The subject, predicate and object ranks of ``Triples._ranked``'s keys as three
    numpy arrays a chunk at a time, in order."""
    for at in range(0, len(keys), _CHUNK):
        chunk = keys[at:at + _CHUNK]
        if chunk.ndim == 2:
            yield chunk[:, 0], chunk[:, 1], chunk[:, 2]
            continue
        sp, o = divmod(chunk, n_terms)
        s, p = divmod(sp, n_predicates)
        yield s, p, o


def least_value(lookups, subject=None, predicate=None, object=None, default=None):  # noqa: A002 - rdflib's name
    """rdflib's ``Graph.value`` answered by ``lookups`` (``Triples`` or a store's lookups): the
    object of (subject, predicate), or the subject of (predicate, object); of several, the least
    in canonical order, so the answer is stable; ``default`` if none."""
    found = list(lookups.objects(subject, predicate)) if object is None else list(lookups.subjects(predicate, object))
    if len(found) == 1:
        return found[0]
    return min(found, key=_sort_key) if found else default


@contextmanager
def paused_collector():
    """Python's cycle collector off for a stage that makes many objects which live on (the
    triples, their ranks, a view's network), and back on as it was after: each of its
    full passes walks every object alive again (at 10x the base corpus they took about a
    fifth of the output stages' CPU). The stages make no garbage cycles of their own
    that must go meanwhile; any made are collected once it is back on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_MISSING = object()
_MANY = 8  # past this many objects of one subject and predicate, adding checks a set, not the list


class Triples:
    """A set of triples with the lookups the view and the report need (``objects``,
    ``subjects``, ``value``, ``in`` with ``None`` as a wildcard, ``len``).

    The triples are kept in an index by predicate alone (predicate -> subject -> object,
    or a list of objects when there are several): no set of tuples beside it, about a
    third less memory than a set, and the lookups need no second copy. The reverse
    index (predicate -> object -> subjects) is made only for the predicates asked that
    way. Equal triples are kept once, as in a set.
    """

    def __init__(self, triples: Iterable[tuple] = ()) -> None:
        self._sp: dict = {}
        self._n = 0
        self._seen: dict[int, set] = {}  # id of a long object list -> its objects, while adding
        self._po: dict = {}
        self._graph: Graph | None = None
        add = self._add
        for s, p, o in triples:
            add(s, p, o)

    def _add(self, s, p, o) -> None:
        by_s = self._sp.get(p)
        if by_s is None:
            by_s = self._sp[p] = {}
        found = by_s.get(s, _MISSING)
        if found is _MISSING:
            by_s[s] = o
            self._n += 1
        elif found is not o:
            self._more(by_s, s, found, o)

    def add(self, triple: tuple) -> None:
        self._add(*triple)
        self.changed()

    def adder(self, intern: bool = False, limit: int = 0, full: Callable[[], None] | None = None):
        """The add of the triples, ``add(s, p, o)``, for writers that add many: the lookups
        made so far are dropped now, and ``changed()`` must be called before any lookup
        made after (and no ``clear()`` comes between). With ``intern``, each IRI or blank
        node is kept as one object, the first of its value (less memory, and lookups that
        find the very object skip rdflib's Python-level ==); literals are kept as they
        come (looking one up would call rdflib's Python-level __hash__): the add of a
        writer, one call a triple. With ``limit`` (and ``intern``), ``full()`` is called
        when the set reaches ``limit`` triples; it must empty the set (``empty``), and the
        table of interned terms is emptied with it (``TripleRuns``)."""
        self.changed()
        if not intern:
            return self._add
        table: dict = {}
        index, term, literal, more = self._sp, table.setdefault, Literal, self._more
        limit = limit or -1

        def add(s, p, o) -> None:
            s = term(s, s)
            if type(o) is not literal:
                o = term(o, o)
            by_s = index.get(p)
            if by_s is None:
                by_s = index[p] = {}
            found = by_s.get(s, _MISSING)
            if found is _MISSING:
                by_s[s] = o
                self._n += 1
                if self._n == limit:
                    full()
                    table.clear()
            elif found is not o:
                more(by_s, s, found, o)
                if self._n == limit:
                    full()
                    table.clear()

        return add

    def _more(self, by_s: dict, s, found, o) -> None:
        """``_add`` for a subject that has an object already (``found``)."""
        if type(found) is list:
            if len(found) < _MANY:
                # texts first (str's == is C): rdflib's == (Python code) only for a text found
                if any(map(str.__eq__, found, repeat(o))) and o in found:
                    return
            else:
                seen = self._seen.get(id(found))
                if seen is None:
                    seen = self._seen[id(found)] = set(found)
                if o in seen:
                    return
                seen.add(o)
            found.append(o)
        elif str.__eq__(found, o) and found == o:
            return
        else:
            by_s[s] = [found, o]
        self._n += 1

    def changed(self) -> None:
        """Drop the reverse indexes and the rdflib Graph made so far (the triples changed)."""
        self._graph = None
        self._po = {}
        self._seen = {}  # made again for the lists that grow on

    def release(self) -> None:
        """Drop the reverse indexes and the rdflib Graph (they are made again on demand);
        the index by predicate holds the triples and stays."""
        self.changed()

    def clear(self) -> None:
        """Drop every triple, the indexes and the rdflib Graph: their memory returns."""
        self._sp, self._n = {}, 0
        self.changed()

    def empty(self) -> None:
        """``clear``, keeping the index object (an ``adder`` made before adds on into it)."""
        self._sp.clear()
        self._n = 0
        self.changed()

    def _all(self) -> Iterator[tuple]:
        """Every triple, in no particular order."""
        return ((s, p, o) for p, by_s in self._sp.items() for s, found in by_s.items()
                for o in (found if type(found) is list else (found,)))

    def __len__(self) -> int:
        return self._n

    def subject_runs(self, n: int) -> list[list]:
        """The subjects in canonical order (the order of graph.ttl, which sorts triples by
        subject first), cut into at most ``n`` runs of about equal numbers of triples."""
        per_subject = Counter(t[0] for t in self._all())
        runs: list[list] = [[]]
        done, step = 0, len(self) / n
        for s in sorted(per_subject, key=_sort_key):
            if done >= step * len(runs) and len(runs) < n:
                runs.append([])
            runs[-1].append(s)
            done += per_subject[s]
        return runs

    def of_subjects(self, keep: Callable[[object], bool]) -> "Triples":
        """The triples whose subject ``keep`` accepts, as a Triples of their own (their
        index cut out of this one's: nothing to compare again)."""
        out = Triples()
        for p, by_s in self._sp.items():
            kept = {s: (list(found) if type(found) is list else found) for s, found in by_s.items() if keep(s)}
            if kept:
                out._sp[p] = kept
                out._n += sum(len(found) if type(found) is list else 1 for found in kept.values())
        return out

    def __iter__(self) -> Iterator[tuple]:
        return iter(self.sorted())

    def unordered(self) -> Iterator[tuple]:
        """The triples in no particular order (``iter`` sorts the whole set first)."""
        return iter(self._all())

    def sorted(self) -> list[tuple]:
        """The triples in canonical order (subject, predicate, object; rdf:type first)."""
        terms, predicates, keys = self._ranked()
        return [(terms[s], predicates[p], terms[o]) for s, p, o in _decoded(keys, len(terms), len(predicates))]

    def _ranked(self) -> tuple[list, list, np.ndarray]:
        """Every distinct term ranked once by ``_sort_key`` (predicates apart, rdf:type
        first), and each triple as its ranks in canonical order: RETURNS (the terms in
        order, the predicates in order, the triples as a sorted numpy array: one int64 a
        triple, ``(s * n_predicates + p) * n_terms + o``, or rows of three ranks when a
        graph is too big to pack). Sorting and the writer then compare ints, not rdflib
        terms (whose ``==`` and ``hash`` are Python code): a term object is looked up by
        its ``id`` (every one is held by the set meanwhile), and by value only where two
        objects have the same text. The keys take 8 bytes a triple, not a Python int and
        a list slot (about 40)."""
        import numpy as np

        rank: dict[int, object] = {}  # id -> term, then id -> its rank
        prank: dict[int, object] = {id(p): p for p in self._sp}
        for by_s, objects in self._columns(flat=False):
            rank.update(zip(map(id, by_s), by_s))
            rank.update(zip(map(id, objects), objects))
        terms = _rank_in_place(rank, _term_order(rank))
        predicates = _rank_in_place(prank, sorted(prank, key=lambda i: (prank[i] != _TYPE, str(prank[i]))))
        n, n_terms, n_predicates = len(self), len(terms), len(predicates)
        ranks = rank.__getitem__

        def column(items: list):
            return np.fromiter(map(ranks, map(id, items)), dtype=np.int64, count=len(items))

        packed = n_terms * n_terms * max(n_predicates, 1) < _PACKED_MAX
        keys = np.empty(n, dtype=np.int64) if packed else np.empty((n, 3), dtype=np.int64)
        at = 0
        for p, (subjects, objects) in zip(self._sp, self._columns(flat=True)):  # a predicate at a time
            s, o, p = column(subjects), column(objects), prank[id(p)]
            if packed:
                s *= n_predicates
                s += p
                s *= n_terms
                s += o
                keys[at:at + len(s)] = s
            else:  # past 2^63: three columns
                keys[at:at + len(s)] = np.column_stack((s, np.full(len(s), p, dtype=np.int64), o))
            at += len(s)
        assert at == n
        if packed:
            keys.sort()
        else:  # by subject, predicate, object
            keys = keys[np.lexsort((keys[:, 2], keys[:, 1], keys[:, 0]))]
        return terms, predicates, keys

    def _columns(self, flat: bool) -> Iterator[tuple[list, list]]:
        """Per predicate of the index, in its order: (subjects, objects), one of each a
        triple with ``flat``; else (the subjects, the objects), each object once for its
        subject. Read in C where no subject has several objects (most predicates)."""
        for by_s in self._sp.values():
            objects = list(by_s.values())
            if list not in set(map(type, objects)):
                yield (list(by_s) if flat else by_s), objects
                continue
            subjects, flat_objects = [], []
            for subject, found in by_s.items():
                if type(found) is list:
                    flat_objects.extend(found)
                    if flat:
                        subjects.extend([subject] * len(found))
                else:
                    flat_objects.append(found)
                    if flat:
                        subjects.append(subject)
            yield (subjects if flat else by_s), flat_objects

    # -- the read-only part of rdflib.Graph ----------------------------------------------
    def _by_predicate(self) -> dict:
        """predicate -> subject -> object (one) or list of objects (several)."""
        return self._sp

    def _by_object(self, predicate) -> dict:
        """object -> list of subjects, for one predicate (made on first use)."""
        po = self._po.get(predicate)
        if po is None:
            po = self._po[predicate] = {}
            for s, found in self._by_predicate().get(predicate, {}).items():
                for o in (found if type(found) is list else (found,)):
                    subjects = po.get(o)
                    if subjects is None:
                        po[o] = [s]
                    else:
                        subjects.append(s)
        return po

    def objects(self, subject=None, predicate=None) -> Iterator:
        if subject is not None:
            sp = self._by_predicate()
            if predicate is not None:
                by_s = sp.get(predicate)
                found = None if by_s is None else by_s.get(subject)
                return iter(() if found is None else list(found) if type(found) is list else (found,))
            out: list = []
            for by_s in sp.values():
                found = by_s.get(subject)
                if found is not None:
                    out.extend(found if type(found) is list else (found,))
            return iter(out)
        return iter([o for s, p, o in self._all() if predicate is None or p == predicate])

    def subjects(self, predicate=None, object=None) -> Iterator:  # noqa: A002 - rdflib's name
        if predicate is not None:
            if object is not None:
                return iter(list(self._by_object(predicate).get(object, ())))
            by_s = self._by_predicate().get(predicate, {})
            return iter([s for s, found in by_s.items() for _ in (found if type(found) is list else (found,))])
        return iter([s for s, p, o in self._all() if object is None or o == object])

    def value(self, subject=None, predicate=None, object=None, default=None):  # noqa: A002
        """One value (the least in canonical order, so the answer is stable)."""
        return least_value(self, subject, predicate, object, default)

    def __contains__(self, triple: tuple) -> bool:
        s, p, o = triple
        if s is not None and p is not None and o is not None:
            found = self._sp.get(p, {}).get(s)
            return found is not None and (o in found if type(found) is list else found is o or found == o)
        if s is not None and p is not None:
            return s in self._by_predicate().get(p, {})
        if p is not None and o is not None:
            return o in self._by_object(p)
        return any((s is None or t[0] == s) and (p is None or t[1] == p) and (o is None or t[2] == o)
                   for t in self._all())

    # -- outputs ------------------------------------------------------------------------
    def turtle(self) -> str:
        """Canonical Turtle: kg's prefixes, one block per subject in IRI order."""
        with paused_collector():
            return "".join(self._turtle_blocks())

    def write_turtle(self, path) -> None:
        """The same Turtle written to ``path`` a block at a time (never the whole text in
        memory), atomically."""
        from ..atomic import atomic_path

        with paused_collector(), atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            for block in self._turtle_blocks():
                fh.write(block)

    def _turtle_blocks(self) -> Iterator[str]:
        """The prefixes, then the triples' text a chunk of the canonical order at a time.
        Each chunk is joined by numpy and ``str.join`` from the text of its distinct terms
        and of the separators that their changes of subject and predicate call for (no
        Python step a triple): ``s p o`` opens a subject, `` ;`` and an indented ``p o``
        follow for its next predicate, ``,`` and an indented ``o`` for the next object,
        `` .`` and a blank line close it."""
        import numpy as np

        yield turtle_prefixes()
        if not len(self):
            return
        terms, predicates, keys = self._ranked()
        writer = TurtleTerms()
        ptext = [writer.iri(p) for p in predicates]
        del predicates
        next_predicate = np.array([f" ;\n    {p} " for p in ptext], dtype=object)

        @lru_cache(maxsize=1 << 16)  # a term's Turtle when it is written, the frequent ones kept
        def text(k: int) -> str:
            term = terms[k]
            if isinstance(term, (Literal, BNode)) or str.__eq__(term, _TYPE):
                return writer.term(term)
            return TurtleTerms._iri(term)  # not memoised: most IRIs are written once or twice

        last_s = last_p = -1
        for s, p, o in _decoded_columns(keys, len(terms), len(ptext)):
            n = len(s)
            new_s = np.empty(n, dtype=bool)
            new_s[0] = s[0] != last_s
            np.not_equal(s[1:], s[:-1], out=new_s[1:])
            new_p = np.empty(n, dtype=bool)
            new_p[0] = p[0] != last_p
            np.not_equal(p[1:], p[:-1], out=new_p[1:])
            new_p |= new_s
            opens = np.flatnonzero(new_s)
            distinct, where = np.unique(np.concatenate((s[opens], o)), return_inverse=True)
            texts = np.array([text(k) for k in distinct.tolist()], dtype=object)
            parts = np.empty(2 * n, dtype=object)
            parts[0::2] = ",\n        "
            parts[0::2][new_p] = next_predicate[p[new_p]]
            parts[0::2][opens] = [f" .\n\n{subject} {ptext[k]} " for subject, k in
                                  zip(texts[where[:len(opens)]].tolist(), p[opens].tolist())]
            if last_s < 0:  # the first subject: nothing to close
                parts[0] = parts[0][3:]
            parts[1::2] = texts[where[len(opens):]]
            last_s, last_p = int(s[-1]), int(p[-1])
            yield "".join(parts.tolist())
        yield " .\n"

    def to_graph(self) -> Graph:
        """The triples as an rdflib Graph with kg's prefixes (made once, then kept)."""
        if self._graph is None:
            graph = new_graph()
            graph.addN((s, p, o, graph) for s, p, o in self._all())
            self._graph = graph
        return self._graph
