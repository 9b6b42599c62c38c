"""Fast SHACL validation: kg's shapes compiled to SPARQL queries run on Oxigraph.

pyshacl checks every focus node against every constraint in Python, one rdflib lookup at
a time (40-90 s on 190,000 triples). Here the data, with the ontology triples pyshacl
mixes in, is bulk-loaded into an in-memory Oxigraph store and each shape becomes a few
SPARQL queries over the whole graph, run on threads: targets, counts, node kinds,
classes, datatypes, sh:in and sh:or are answered by the engine, which hands back only the
failures. What depends on rdflib's reading of a literal beyond that (sh:minInclusive,
sh:maxInclusive, sh:pattern, sh:lessThanOrEquals) runs in Python on the rdflib terms
pyshacl sees, with pyshacl's rules, so ``validate`` returns the ``Report`` that
``validate.validate(..., engine="pyshacl")`` returns, default messages included.

Only the SHACL Core constructs ontology/shapes.ttl uses are compiled (``SUPPORTED``): a
shapes graph with any other raises ``Unsupported`` naming it, and ``validate.validate``
falls back to pyshacl. Known differences, none of which kg's graphs meet: pyshacl gives the
ontology's blank nodes new ids (kg.ttl has none); sh:lessThanOrEquals on a blank node
raises TypeError here, pyshacl's ReportableRuntimeError there.
"""
from __future__ import annotations

import logging
import os
import re
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD

from .shapes import Report, Violation, load_ontology, load_shapes
from .shapes import short as _short

#: the shape parameters compiled here; any other sh: term makes ``compile_shapes`` raise
SUPPORTED = frozenset(SH[n] for n in (
    "targetClass", "property", "path", "nodeKind", "class", "datatype", "minCount", "maxCount",
    "or", "in", "minInclusive", "maxInclusive", "pattern", "lessThanOrEquals", "message", "severity"))
_SHAPE_TYPES = frozenset((SH.NodeShape, SH.PropertyShape))
_NODE_KINDS = {  # sh:nodeKind -> the SPARQL test a value node passes
    SH.IRI: "isIRI(?v)", SH.Literal: "isLiteral(?v)", SH.BlankNode: "isBlank(?v)",
    SH.BlankNodeOrIRI: "(isBlank(?v) || isIRI(?v))", SH.BlankNodeOrLiteral: "(isBlank(?v) || isLiteral(?v))",
    SH.IRIOrLiteral: "(isIRI(?v) || isLiteral(?v))",
}
_ONE_ONLY = ("path", "nodeKind", "datatype", "minCount", "maxCount", "in", "minInclusive", "maxInclusive",
             "pattern", "message", "severity")
_TYPE, _SUBCLASS, _XSD_STRING = f"<{RDF.type}>", f"<{RDFS.subClassOf}>", str(XSD.string)
_RDFLIB_TERM = logging.getLogger("rdflib.term")  # warns of every ill-typed literal made
_PRIVATE = "urn:x-kg-shacl:literal:"  # datatype IRIs of the literals the codec keeps verbatim
_ESCAPE = re.compile(r'[\\"\n\r]')  # what an N-Triples string must escape


def _escaped(match: re.Match) -> str:
    return {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}[match.group()]


def _terms(namespace, names: str) -> list:
    return [namespace[name] for name in names.split()]


class Unsupported(ValueError):
    """The shapes graph (or the data) uses something this engine does not compile.

    construct (str): what it is, e.g. "sh:minLength" - validate with pyshacl instead.
    """

    def __init__(self, construct: str, where: str = "") -> None:
        self.construct = construct
        super().__init__(f"SHACL construct not supported by the fast engine: {construct}"
                         + (f" (in {where})" if where else "") + "; validate with pyshacl instead")


# ---------------------------------------------------------------- the shapes, compiled


@dataclass(slots=True)
class Shape:
    """One shape, as the queries need it (every field is read from the shapes graph).

    node: the shape in the shapes graph (sh:sourceShape of its results).
    path (URIRef | None): sh:path; None for a node shape (its value node is the focus node).
    targets: sh:targetClass; properties: its sh:property shapes; ors: one tuple of
    alternative shapes per sh:or. The rest are the constraint parameters, None/() when absent.
    """

    node: object
    path: URIRef | None = None
    targets: tuple = ()
    severity: URIRef = SH.Violation
    message: str | None = None
    node_kind: URIRef | None = None
    classes: tuple = ()
    datatype: URIRef | None = None
    min_count: int | None = None
    max_count: int | None = None
    in_values: frozenset | None = None
    in_list: tuple = ()
    min_inclusive: Literal | None = None
    max_inclusive: Literal | None = None
    pattern: tuple | None = None  # (the sh:pattern literal, its compiled regex)
    less_eq: tuple = ()
    ors: tuple = ()
    or_lists: tuple = ()
    properties: tuple = ()
    sg: Graph = field(default=None, repr=False)


def compile_shapes(shapes: Graph) -> list[Shape]:
    """The shapes that have targets (sh:targetClass), with their property shapes.

    shapes (Graph): the SHACL shapes graph.
    RETURNS (list[Shape]): the top-level shapes, in a stable order.
    RAISES Unsupported: a construct other than ``SUPPORTED`` (sh:minLength, sh:node, a
        SPARQL constraint, a complex sh:path, an implicit class target ...).
    """
    for s, p, o in shapes:
        if str(p).startswith(str(SH)) and p not in SUPPORTED:
            raise Unsupported(_name(p, shapes), _name(s, shapes))
        if p == RDF.type and str(o).startswith(str(SH)) and o not in _SHAPE_TYPES:
            raise Unsupported(_name(o, shapes), _name(s, shapes))
        if p == RDF.type and o in (RDFS.Class, OWL.Class) and _is_shape(shapes, s):
            raise Unsupported("a shape that is also a class (implicit class target)", _name(s, shapes))
    tops = sorted(set(shapes.subjects(SH.targetClass, None)), key=lambda n: (isinstance(n, BNode), str(n)))
    return [_shape(shapes, node, top=True) for node in tops]


def _is_shape(sg: Graph, node) -> bool:
    return any(sg.triples((node, SH[p], None)) for p in ("targetClass", "property", "path")) or any(
        (node, RDF.type, t) in sg for t in _SHAPE_TYPES)


def _name(node, sg: Graph) -> str:
    return node.n3(namespace_manager=sg.namespace_manager) if isinstance(node, URIRef) else str(node)


def _one(sg: Graph, node, name: str):
    values = list(sg.objects(node, SH[name]))
    if len(values) > 1:
        raise Unsupported(f"more than one sh:{name} on a shape", _name(node, sg))
    return values[0] if values else None


def _shape(sg: Graph, node, top: bool = False, alternative: bool = False) -> Shape:
    one = {name: _one(sg, node, name) for name in _ONE_ONLY}
    path = one["path"]
    if path is not None and not isinstance(path, URIRef):
        raise Unsupported("a sh:path that is not a single property IRI", _name(node, sg))
    shape = Shape(node=node, path=path, sg=sg,
                  targets=tuple(sorted(sg.objects(node, SH.targetClass))),
                  severity=one["severity"] or SH.Violation,
                  message=None if one["message"] is None else str(one["message"]),
                  node_kind=one["nodeKind"], datatype=one["datatype"],
                  classes=tuple(sg.objects(node, SH["class"])),
                  less_eq=tuple(sg.objects(node, SH.lessThanOrEquals)))
    for name, attr in (("minCount", "min_count"), ("maxCount", "max_count")):
        if one[name] is not None:
            setattr(shape, attr, int(one[name].value))
    for name, attr in (("minInclusive", "min_inclusive"), ("maxInclusive", "max_inclusive")):
        if one[name] is not None:
            if not isinstance(one[name], Literal):
                raise Unsupported(f"sh:{name} that is not a literal", _name(node, sg))
            setattr(shape, attr, one[name])
    if one["pattern"] is not None:
        p = one["pattern"]
        shape.pattern = (p, re.compile(str(p.value) if p.value is not None and len(p.value) > 1 else str(p)))
    if one["in"] is not None:
        shape.in_list = tuple(sg.items(one["in"]))
        shape.in_values = frozenset(shape.in_list)
    if shape.node_kind is not None and shape.node_kind not in _NODE_KINDS:
        raise Unsupported(f"sh:nodeKind {_name(shape.node_kind, sg)}", _name(node, sg))
    for c in shape.classes + shape.targets + shape.less_eq:
        if not isinstance(c, URIRef):
            raise Unsupported("a sh:class, sh:targetClass or sh:lessThanOrEquals that is not an IRI", _name(node, sg))
    shape.or_lists = tuple(sg.objects(node, SH["or"]))
    shape.ors = tuple(tuple(_shape(sg, alt, alternative=True) for alt in sg.items(lst)) for lst in shape.or_lists)
    children = sorted(sg.objects(node, SH.property), key=str)
    if children and (not top or path is not None):
        raise Unsupported("sh:property on a shape that has no targets or is itself a property shape", _name(node, sg))
    shape.properties = tuple(_shape(sg, child) for child in children)
    if not top and (shape.targets or shape.properties):
        raise Unsupported("a nested shape with targets or property shapes", _name(node, sg))
    if path is None and (shape.min_count is not None or shape.max_count is not None):
        raise Unsupported("sh:minCount or sh:maxCount on a node shape", _name(node, sg))
    if not top and not alternative and path is None:
        raise Unsupported("a sh:property shape without sh:path", _name(node, sg))
    if alternative and (path is not None or shape.min_count is not None or shape.max_count is not None
                        or shape.less_eq or shape.ors):
        raise Unsupported("a sh:or alternative other than node-level value constraints", _name(node, sg))
    return shape


# ---------------------------------------------------------------- terms: rdflib <-> Oxigraph


class Codec:
    """rdflib terms to Oxigraph terms and back, so that the terms the checks see are the ones
    pyshacl sees.

    Oxigraph canonicalises typed literals ("5"^^xsd:nonNegativeInteger becomes xsd:integer,
    "01" becomes "1", "1" and "true" as xsd:boolean become one term), which would change
    the results; so with ``verbatim`` every typed or tagged literal is stored under a
    private datatype naming its real datatype and language, and decoded to the very rdflib
    Literal it was. Without it (a graph already in Oxigraph) terms decode as
    ``store.to_memory`` reads them, which is what pyshacl is given for such a graph.
    """

    def __init__(self, verbatim: bool) -> None:
        import pyoxigraph as ox

        self.ox, self.verbatim = ox, verbatim
        self._slots: dict = {}  # what a literal is to sh:datatype -> its private datatype IRI
        self._kinds: dict = {}  # private datatype IRI -> (datatype, language)
        self.samples: dict = {}  # private datatype IRI -> one literal stored under it
        self._bnodes: dict = {}
        self._bnodes_back: dict = {}
        self._decoded: dict = {}

    def encode(self, term):
        """The Oxigraph term of an rdflib term.

        A verbatim literal's private datatype stands for its datatype, language, and what
        sh:datatype reads from it (ill-typed or not, the Python type of its value), so one
        literal of each (``samples``) tells which datatype constraints they all pass.
        """
        ox = self.ox
        kind = type(term)
        if kind is URIRef:
            return ox.NamedNode(term)
        if kind is Literal or isinstance(term, Literal):
            datatype, language = term.datatype, term.language
            if datatype is None and language is None:
                return ox.Literal(term)
            if not self.verbatim:
                return ox.Literal(term, language=language, datatype=ox.NamedNode(datatype) if datatype else None)
            return ox.Literal(term, datatype=ox.NamedNode(self.slot(term)))
        if isinstance(term, BNode):
            node = self._bnodes.get(term)
            if node is None:
                node = self._bnodes[term] = ox.BlankNode()
                self._bnodes_back[node.value] = term
            return node
        return ox.NamedNode(term)

    def encoded(self, term):
        """The Oxigraph term of an rdflib term decoded (or encoded) before."""
        return self._bnodes[term] if isinstance(term, BNode) else self.encode(term)

    def slot(self, term: Literal) -> str:
        """The private datatype IRI of a typed or tagged literal (verbatim)."""
        key = (term.datatype, term.language, getattr(term, "ill_typed", None) is True, type(term.value))
        slot = self._slots.get(key)
        if slot is None:
            slot = self._slots[key] = f"{_PRIVATE}{len(self._slots)}"
            self._kinds[slot] = (term.datatype, term.language)
            self.samples[slot] = term
        return slot

    def quads(self, triples: Iterable) -> Iterator:
        """Oxigraph quads (default graph) of rdflib triples."""
        encode, quad = self.encode, self.ox.Quad
        for s, p, o in triples:
            yield quad(encode(s), encode(p), encode(o))

    def load(self, store, triples: Iterable) -> None:
        """Add rdflib triples to the store: as N-Triples text, which Oxigraph parses faster
        than Python makes term objects; triples with blank nodes (their ids must map back)
        as objects, and everything as objects if the text does not parse (an IRI
        rdflib let through that N-Triples cannot carry)."""
        ox = self.ox
        triples = list(triples) if isinstance(triples, Iterator) else triples  # read twice if the text fails
        lines, others, slot = [], [], self.slot
        for s, p, o in triples:
            if type(s) is URIRef and type(p) is URIRef:
                kind = type(o)
                if kind is URIRef:
                    lines.append(f"<{s}> <{p}> <{o}> .\n")
                    continue
                if kind is Literal:
                    text = _ESCAPE.sub(_escaped, o) if _ESCAPE.search(o) else o
                    if o.datatype is None and o.language is None:
                        lines.append(f'<{s}> <{p}> "{text}" .\n')
                    else:
                        lines.append(f'<{s}> <{p}> "{text}"^^<{slot(o)}> .\n')
                    continue
            others.append((s, p, o))
        try:
            store.bulk_load("".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
        except (SyntaxError, ValueError, UnicodeEncodeError):
            store.clear()
            others = triples
        try:
            store.bulk_extend(self.quads(others))
        except (ValueError, TypeError) as err:  # pyshacl takes what rdflib holds
            raise Unsupported(f"a term Oxigraph cannot store ({err})") from err

    def datatype_test(self, rule: URIRef) -> str | None:
        """A SPARQL test of ?v true exactly when sh:datatype ``rule`` passes (verbatim only)."""
        if not self.verbatim:
            return None
        passing = [f"<{iri}>" for iri, sample in self.samples.items() if datatype_ok(sample, rule)]
        if datatype_ok(Literal("x"), rule):
            passing.append(f"<{_XSD_STRING}>")  # simple literals: stored as they are
        return f"(isLiteral(?v) && datatype(?v) IN ({', '.join(passing)}))" if passing else "false"

    def decode(self, term):
        """The rdflib term pyshacl sees for an Oxigraph term (memoised)."""
        found = self._decoded.get(term)
        if found is None:
            found = self._decoded[term] = self._decode(term)
        return found

    def _decode(self, term):
        ox = self.ox
        if isinstance(term, ox.NamedNode):
            return URIRef(term.value)
        if isinstance(term, ox.BlankNode):
            node = self._bnodes_back.get(term.value) or BNode(term.value)
            self._bnodes.setdefault(node, term)
            return node
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value)
        kind = self._kinds.get(datatype)
        if kind is not None:  # verbatim: the Literal as it was, not normalised again
            if getattr(self.samples[datatype], "ill_typed", None) is True:
                with _quiet(_RDFLIB_TERM):  # rdflib warned once, when the literal was made
                    return Literal(term.value, lang=kind[1], datatype=kind[0], normalize=False)
            return Literal(term.value, lang=kind[1], datatype=kind[0], normalize=False)
        return Literal(term.value, datatype=URIRef(datatype))


@contextmanager
def _quiet(logger: logging.Logger):
    """Silence a logger for a moment (decode runs on the main thread only)."""
    disabled, logger.disabled = logger.disabled, True
    try:
        yield
    finally:
        logger.disabled = disabled


def _load(data, ontology: Graph):
    """An in-memory Oxigraph store with the data and the ontology triples pyshacl mixes in.

    RETURNS (tuple): (pyoxigraph.Store, Codec).
    """
    import pyoxigraph as ox

    store = ox.Store()
    inner = _oxigraph_of(data)
    codec = Codec(verbatim=inner is None)
    if inner is not None:
        named = data is not inner and data.identifier != DATASET_DEFAULT_GRAPH_ID
        graph = ox.NamedNode(data.identifier) if named else ox.DefaultGraph()
        store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object)
                          for q in inner.quads_for_pattern(None, None, None, graph))
    else:
        if type(data).__name__ in ("Dataset", "ConjunctiveGraph"):
            raise Unsupported("a Dataset or ConjunctiveGraph as the data (named graphs)")
        codec.load(store, _unordered(data))
    store.extend(codec.quads(inoculated(ontology)))
    return store, codec


def _unordered(data):
    """The triples in any order: a build's Triples iterate sorted (canonical order, a sort
    of the whole set each time); the set underneath serves as well."""
    from .triples import Triples

    return data.unordered() if isinstance(data, Triples) else data


def _oxigraph_of(data):
    """The pyoxigraph Store under the data (a Store, or an rdflib Graph on oxrdflib), or None."""
    import pyoxigraph as ox

    if isinstance(data, ox.Store):
        return data
    inner = getattr(getattr(data, "store", None), "_inner", None)  # oxrdflib keeps its Store here
    return inner if isinstance(inner, ox.Store) else None


# pyshacl.rdfutil.inoculate: what of the ontology is mixed into the data graph
_RDFS_CLASSES = _terms(RDFS, "Class Container ContainerMembershipProperty Datatype Literal Resource")
_OWL_CLASSES = _terms(OWL, (
    "AllDifferent AllDisjointClasses AllDisjointProperties Annotation AnnotationProperty AsymmetricProperty Axiom "
    "Class DataRange DatatypeProperty DeprecatedClass DeprecatedProperty FunctionalProperty "
    "InverseFunctionalProperty IrreflexiveProperty NamedIndividual NegativePropertyAssertion ObjectProperty "
    "Ontology OntologyProperty ReflexiveProperty Restriction SymmetricProperty TransitiveProperty"))
_RDFS_PROPERTIES = _terms(RDFS, "comment domain isDefinedBy label member range seeAlso subClassOf subPropertyOf")
_OWL_PROPERTIES = _terms(OWL, (
    "allValuesFrom annotatedProperty annotatedSource annotatedTarget assertionProperty cardinality complementOf "
    "datatypeComplementOf differentFrom disjointUnionOf disjointWith distinctMembers equivalentClass "
    "equivalentProperty hasKey hasSelf hasValue intersectionOf inverseOf maxCardinality maxQualifiedCardinality "
    "members minCardinality minQualifiedCardinality onClass onDataRange onDatatype onProperties onProperty oneOf "
    "propertyChainAxiom propertyDisjointWith qualifiedCardinality sameAs someValuesFrom sourceIndividual "
    "targetIndividual targetValue unionOf withRestrictions backwardCompatibleWith deprecated incompatibleWith "
    "priorVersion versionInfo bottomDataProperty topDataProperty bottomObjectProperty topObjectProperty imports "
    "versionIRI"))


def inoculated(ontology: Graph) -> Graph:
    """The ontology triples pyshacl adds to (a copy of) the data graph when given an
    ontology: the RDFS/OWL class declarations (rdf:type only), every triple of an RDFS/OWL
    property (rdfs:subClassOf, rdfs:label ...), and each owl:NamedIndividual whole, with the
    triples that point at it (pyshacl.rdfutil.inoculate). Blank nodes are copied as they are.
    """
    out = Graph()
    individuals = set()
    for cls in _RDFS_CLASSES + _OWL_CLASSES:
        for s in list(ontology.subjects(RDF.type, cls)):
            if cls == OWL.NamedIndividual and isinstance(s, URIRef):
                _clone(ontology, s, out, 0, whole=True)
                individuals.add(s)
            elif isinstance(s, BNode):
                _clone(ontology, s, out, 0)
            out.add((s, RDF.type, cls))
    for prop in _RDFS_PROPERTIES + _OWL_PROPERTIES:
        for s, o in list(ontology.subject_objects(prop)):
            for node in (s, o):
                if isinstance(node, BNode):
                    _clone(ontology, node, out, 0)
            out.add((s, prop, o))
    for ni in individuals:
        for s, p in ontology.subject_predicates(object=ni):
            if isinstance(s, BNode):
                _clone(ontology, s, out, 0)
            out.add((s, p, ni))
    return out


def _clone(source: Graph, node, out: Graph, depth: int, whole: bool = False) -> None:
    """Copy a node's triples as pyshacl's clone_node does: into blank nodes, and with
    ``whole`` into IRI objects too, ten levels at most; literals made anew."""
    if depth >= 10:
        return
    for p, o in list(source.predicate_objects(node)):
        if isinstance(o, Literal):
            o = Literal(str(o), o.language, o.datatype)
        elif o != node and (isinstance(o, BNode) or whole):
            _clone(source, o, out, depth + 1, whole)
        out.add((node, p, o))


# ---------------------------------------------------------------- the checks pyshacl makes on a value


_ACTUAL = {XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: int, XSD.float: float,
           XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: date, XSD.time: time, XSD.dateTime: datetime}


def datatype_ok(v, rule: URIRef) -> bool:
    """sh:datatype as pyshacl reads it: same datatype IRI and not ill-typed; a plain
    literal is an xsd:string, a tagged one an rdf:langString."""
    if not isinstance(v, Literal):
        return False
    if v.datatype == rule:
        return getattr(v, "ill_typed", None) is not True and _actual(v, rule)
    if rule == RDFS.Literal or (rule == RDFS.Datatype and v.datatype):
        return True
    if v.datatype is None and v.language is None and rule == XSD.string:
        return _actual(v, rule)
    return rule == RDF.langString and bool(v.language) and _actual(v, rule)


def _actual(v: Literal, rule: URIRef) -> bool:
    kinds = _ACTUAL.get(rule)
    return kinds is None or isinstance(v.value, kinds)


_NUMERIC = frozenset(str(dt) for dt in _terms(XSD, (  # the datatypes rdflib compares by value first
    "integer decimal double float byte int long negativeInteger nonNegativeInteger nonPositiveInteger "
    "positiveInteger short unsignedByte unsignedInt unsignedLong unsignedShort")))


def _numeric(a, b) -> bool:
    """Both well-typed numeric literals: rdflib's comparisons then compare their values
    (checked here without rdflib's slow datatype comparisons)."""
    return (isinstance(a, Literal) and isinstance(b, Literal) and a.datatype is not None
            and b.datatype is not None and str(a.datatype) in _NUMERIC and str(b.datatype) in _NUMERIC
            and not a.ill_typed and not b.ill_typed and a.value is not None and b.value is not None)


def _compare(a: Literal, b: Literal) -> int:
    """pyshacl.rdfutil.compare.compare_literal: rdflib's Literal.eq, then >."""
    if _numeric(a, b):
        return 0 if a.value == b.value else (1 if a.value > b.value else -1)
    if a.eq(b):
        return 0
    if a.value.__class__ in (datetime, time):
        return 0 if a.value == b.value else (1 if a.value > b.value else -1)
    return 1 if a > b else -1


def in_range(v, bound: Literal, lower: bool) -> bool:
    """sh:minInclusive (lower) / sh:maxInclusive: literals only, strings with strings."""
    if not isinstance(v, Literal) or isinstance(bound.value, str) != isinstance(v.value, str):
        return False
    try:
        order = _compare(v, bound)
    except (TypeError, NotImplementedError):
        return False
    return order >= 0 if lower else order <= 0


def pattern_ok(v, regex: re.Pattern) -> bool:
    """sh:pattern: the regex found in the value's string (never a blank node)."""
    if isinstance(v, BNode):
        return False
    if isinstance(v, Literal) and v.value is not None and v.datatype in (None, RDF.langString, XSD.string):
        text = str(v.value)
    else:
        text = str(v)
    return bool(regex.match(text) or regex.search(text))


def node_kind_ok(v, kind: URIRef) -> bool:
    if isinstance(v, BNode):
        return kind in (SH.BlankNode, SH.BlankNodeOrLiteral, SH.BlankNodeOrIRI)
    if isinstance(v, Literal):
        return kind in (SH.Literal, SH.BlankNodeOrLiteral, SH.IRIOrLiteral)
    return kind in (SH.IRI, SH.IRIOrLiteral, SH.BlankNodeOrIRI)


def _less_eq_fails(v, w) -> bool:
    """sh:lessThanOrEquals for one pair (pyshacl's _compare_ltoe)."""
    if isinstance(v, BNode) or isinstance(w, BNode):
        raise TypeError("Cannot use sh:lessThanOrEquals to compare a BlankNode.")
    if _numeric(v, w):  # rdflib's v <= w is then: not v.value > w.value
        return v.value > w.value
    a, a_text = _ltoe_side(v)
    b, b_text = _ltoe_side(w)
    return a_text != b_text or not a <= b


def _ltoe_side(node) -> tuple:
    if isinstance(node, URIRef):
        return str(node), True
    if isinstance(node, Literal) and isinstance(node.value, str):
        return node.value, True
    return node, False


# ---------------------------------------------------------------- validation


@dataclass
class _Run:
    """One validation: the store, the codec, the subclass closure and the results."""

    store: object
    codec: Codec
    data: object
    ontology: Graph
    children: dict
    results: list = field(default_factory=list)
    jobs: list = field(default_factory=list)
    _ns: object = None
    _names: int = 0

    def select(self, query: str, handle: Callable[[list], None]) -> None:
        """Queue a query; ``execute`` hands its rows to ``handle``."""
        self.jobs.append((query, handle))

    def execute(self) -> None:
        """Run the queued queries on threads (Oxigraph evaluates without the GIL), then
        hand each its rows in the order queued."""
        store = self.store
        with ThreadPoolExecutor(max_workers=max(1, min(8, os.cpu_count() or 1))) as pool:
            answers = pool.map(lambda job: list(store.query(job[0])), self.jobs)
            for (_, handle), rows in zip(self.jobs, answers):
                handle(rows)

    def instances(self, var: str, cls: URIRef) -> str:
        """A graph pattern true when ``var`` is a SHACL instance of ``cls``."""
        subs = self.subclasses(cls)
        if all(isinstance(s, self.codec.ox.NamedNode) for s in subs):
            self._names += 1
            name = f"?c{self._names}"
            return f"VALUES {name} {{ {' '.join(f'<{s.value}>' for s in subs)} }} {var} {_TYPE} {name} ."
        return f"{var} {_TYPE}/{_SUBCLASS}* <{cls}> ."

    def subclasses(self, cls: URIRef) -> list:
        """cls and every class below it (rdfs:subClassOf*), as Oxigraph terms, sorted."""
        start = self.codec.encode(cls)
        seen, todo = {start}, deque([start])
        while todo:
            for sub in self.children.get(todo.popleft(), ()):
                if sub not in seen:
                    seen.add(sub)
                    todo.append(sub)
        return sorted(seen, key=str)

    def report(self, shape: Shape, focus, value=None, generic: Callable[[], str] | None = None) -> None:
        """Add one result (focus and value as Oxigraph or rdflib terms); ``generic`` makes
        pyshacl's default message, used when the shape has no sh:message."""
        decode = self.codec.decode
        focus = decode(focus) if not isinstance(focus, (URIRef, BNode, Literal)) else focus
        if value is not None and not isinstance(value, (URIRef, BNode, Literal)):
            value = decode(value)
        self.results.append((shape.severity, Violation(
            focus=_short(focus), path=_short(shape.path), message=shape.message or generic(),
            value=_short(value), severity=str(shape.severity).rsplit("#", 1)[-1],
            shape=_short(shape.node))))

    def namespaces(self):
        """The namespace manager of the data graph pyshacl validates (for default messages)."""
        if self._ns is None:
            from .namespace import bind_prefixes, new_graph

            ns = Graph(bind_namespaces="core").namespace_manager
            if isinstance(self.data, Graph) and _oxigraph_of(self.data) is None:
                source = self.data
            else:  # what validate.validate gives pyshacl: Triples.to_graph, or store.to_memory
                source = new_graph() if hasattr(self.data, "to_graph") else bind_prefixes(Graph())
            for p, n in source.namespace_manager.namespaces():
                ns.bind(p, n, override=True, replace=True)
            bound = {p for p, _ in ns.namespaces()}
            for p, n in self.ontology.namespace_manager.namespaces():
                if p not in bound:
                    ns.bind(p, n)
            ns.bind("sh", SH, override=False, replace=False)
            self._ns = ns
        return self._ns


def validate(data, shapes: Graph | None = None, ontology: Graph | None = None) -> Report:
    """Validate a graph against kg's shapes with SPARQL on Oxigraph; the same Report as pyshacl's.

    data (Graph | Iterable | pyoxigraph.Store): the triples: an rdflib Graph (in memory or
        on Oxigraph, e.g. ``store.open_store``), any iterable of rdflib triples (a build's
        ``Triples``), or a pyoxigraph Store (its default graph). Not modified.
    shapes (Graph | None): shapes graph. Defaults to ontology/shapes.ttl.
    ontology (Graph | None): ontology mixed in as pyshacl does. Defaults to ontology/kg.ttl.
    RETURNS (Report): conformance and the readable results.
    RAISES Unsupported: the shapes use a construct this engine does not compile.
    """
    shapes = load_shapes() if shapes is None else shapes
    ontology = load_ontology() if ontology is None else ontology
    compiled = compile_shapes(shapes)
    shapes.namespace_manager.bind("sh", SH, override=False, replace=False)  # as pyshacl names terms
    store, codec = _load(data, ontology)
    children: dict = defaultdict(list)
    for row in store.query(f"SELECT ?s ?o WHERE {{ ?s {_SUBCLASS} ?o }}"):
        children[row[1]].append(row[0])
    run = _Run(store=store, codec=codec, data=data, ontology=ontology, children=children)
    for shape in compiled:
        _check_top(run, shape)
    run.execute()
    conforms = all(sev in (SH.Info, SH.Warning) for sev, _ in run.results)
    return Report(conforms=conforms, violations=sorted(v for _, v in run.results))


def _check_top(run: _Run, shape: Shape) -> None:
    """A shape with targets: its focus nodes are the SHACL instances of its target classes."""
    classes = sorted({c for cls in shape.targets for c in run.subclasses(cls)}, key=str)
    if not all(isinstance(c, run.codec.ox.NamedNode) for c in classes):  # a blank-node subclass
        union = " UNION ".join("{ " + run.instances("?f", cls) + " }" for cls in shape.targets)
        focus = "{ SELECT DISTINCT ?f WHERE { " + union + " } }"
    elif len(classes) == 1:
        focus = f"?f {_TYPE} {classes[0]} ."
    else:
        focus = (f"{{ SELECT DISTINCT ?f WHERE {{ VALUES ?target {{ {' '.join(map(str, classes))} }} "
                 f"?f {_TYPE} ?target }} }}")
    _check(run, shape, focus)
    for prop in shape.properties:
        _check(run, prop, focus)


def _check(run: _Run, shape: Shape, focus: str) -> None:
    """All constraints of one shape over its focus nodes."""
    values = f"{focus} ?f <{shape.path}> ?v ." if shape.path is not None else f"{focus} BIND(?f AS ?v)"
    _check_counts(run, shape, focus)
    rest = []
    tests = list(_engine_tests(run, shape, rest))
    if tests:  # one pass over the values: the failures, with which tests they fail
        binds = " ".join(f"BIND({test} AS ?t{i})" for i, (test, _) in enumerate(tests))
        fails = " || ".join(f"!?t{i}" for i in range(len(tests)))
        columns = " ".join(f"?t{i}" for i in range(len(tests)))
        decode = run.codec.decode

        def failures(rows):
            for row in rows:
                f, v = row[0], row[1]
                for i, (_, generic) in enumerate(tests):
                    if row[2 + i].value != "true":
                        run.report(shape, f, v, lambda g=generic, v=v: g(decode(v)))

        run.select(f"SELECT DISTINCT ?f ?v {columns} WHERE {{ {values} {binds} FILTER({fails}) }}", failures)
    _check_values(run, shape, values, rest)
    for other in shape.less_eq:
        _check_less_eq(run, shape, focus, other)


def _engine_tests(run: _Run, shape: Shape, rest: list):
    """(SPARQL test of ?v, generic message of the value) for each constraint the engine
    decides exactly; the names of the others go to ``rest`` (checked in Python)."""
    sg = shape.sg
    if shape.node_kind is not None:
        yield _NODE_KINDS[shape.node_kind], lambda v: f"Value is not of Node Kind {_text(sg, shape.node_kind)}"
    for cls in shape.classes:
        yield f"EXISTS {{ {run.instances('?v', cls)} }}", lambda v: _generic_class(shape)
    if shape.datatype is not None:
        test = run.codec.datatype_test(shape.datatype)
        if test is None:
            rest.append("datatype")
        else:
            yield test, lambda v: f"Value is not Literal with datatype {_text(sg, shape.datatype)}"
    if shape.in_values is not None:
        test = _in_test(run, shape)
        if test is None:
            rest.append("in")
        else:
            yield test, lambda v: _generic_in(run, shape, v)
    for i, alts in enumerate(shape.ors):
        tests = [_alternative_test(run, alt) for alt in alts]
        if any(t is None for t in tests):
            rest.append(("or", i))
        else:
            yield "(" + " || ".join(tests) + ")", lambda v: _generic_or(run, shape, v)


def _in_test(run: _Run, shape: Shape) -> str | None:
    """sh:in as a SPARQL test (verbatim terms only: there term identity is rdflib's, but for
    language tags, which rdflib compares ignoring case)."""
    if not run.codec.verbatim or any(isinstance(i, Literal) and i.language for i in shape.in_list):
        return None
    items = []
    for item in shape.in_list:
        term = run.codec.encode(item)
        if isinstance(term, run.codec.ox.BlankNode):
            return None
        items.append(f"sameTerm(?v, {term})")
    return "(" + (" || ".join(items) or "false") + ")"


def _alternative_test(run: _Run, alt: Shape) -> str | None:
    """A sh:or alternative as a SPARQL test of ?v, or None when it needs Python."""
    if alt.min_inclusive is not None or alt.max_inclusive is not None or alt.pattern is not None:
        return None
    tests = ["true"]
    if alt.node_kind is not None:
        tests.append(_NODE_KINDS[alt.node_kind])
    tests += [f"EXISTS {{ {run.instances('?v', c)} }}" for c in alt.classes]
    for test in ([run.codec.datatype_test(alt.datatype)] if alt.datatype is not None else []) + (
            [_in_test(run, alt)] if alt.in_values is not None else []):
        if test is None:
            return None
        tests.append(test)
    return "(" + " && ".join(tests) + ")"


def _check_counts(run: _Run, shape: Shape, focus: str) -> None:
    low = shape.min_count if shape.min_count else None  # sh:minCount 0 always passes
    high = shape.max_count
    if shape.path is None or (low is None and high is None):
        return
    tests = ([f"?n < {low}"] if low is not None else []) + ([f"?n > {high}"] if high is not None else [])
    query = (f"SELECT ?f ?n WHERE {{ {{ SELECT ?f (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {focus} "
             f"OPTIONAL {{ ?f <{shape.path}> ?v }} }} GROUP BY ?f }} FILTER({' || '.join(tests)}) }}")

    def counted(rows):
        for f, n in rows:
            n = int(n.value)
            if low is not None and n < low:
                run.report(shape, f, None, lambda f=f: _generic_count(run, shape, f, "Less than", low))
            if high is not None and n > high:
                run.report(shape, f, None, lambda f=f: _generic_count(run, shape, f, "More than", high))

    run.select(query, counted)


def _check_values(run: _Run, shape: Shape, values: str, rest: list) -> None:
    """The checks made in Python on each value: ranges, pattern, and what ``rest`` names."""
    if not (rest or shape.min_inclusive is not None or shape.max_inclusive is not None or shape.pattern):
        return
    ors = [shape.ors[r[1]] for r in rest if isinstance(r, tuple)]
    flags = sorted({cls for alts in ors for alt in alts for cls in alt.classes}, key=str)
    binds = " ".join(f"BIND(EXISTS {{ {run.instances('?v', c)} }} AS ?k{i})" for i, c in enumerate(flags))
    where = values
    if rest == ["datatype"] and shape.datatype == XSD.string and not (
            shape.min_inclusive is not None or shape.max_inclusive is not None or shape.pattern):
        where += f" FILTER(!isLiteral(?v) || datatype(?v) != <{_XSD_STRING}>)"  # plain strings pass
    columns = " ".join(f"?k{i}" for i in range(len(flags)))
    decode = run.codec.decode

    def checked(rows):
        for row in rows:
            f, v = row[0], decode(row[1])
            known = {cls: row[2 + i].value == "true" for i, cls in enumerate(flags)}
            for ok, message in _value_checks(run, shape, v, known, rest, ors):
                if not ok:
                    run.report(shape, f, v, message)

    run.select(f"SELECT DISTINCT ?f ?v {columns} WHERE {{ {where} {binds} }}", checked)


def _value_checks(run, shape: Shape, v, known: dict, rest, ors):
    """(passed, generic message) for each Python-side constraint of the shape on value v."""
    sg = shape.sg
    if "datatype" in rest:
        yield datatype_ok(v, shape.datatype), lambda: f"Value is not Literal with datatype {_text(sg, shape.datatype)}"
    if "in" in rest:
        yield v in shape.in_values, lambda: _generic_in(run, shape, v)
    if shape.min_inclusive is not None:
        yield in_range(v, shape.min_inclusive, True), lambda: f"Value is not >= {_text(sg, shape.min_inclusive)}"
    if shape.max_inclusive is not None:
        yield in_range(v, shape.max_inclusive, False), lambda: f"Value is not <= {_text(sg, shape.max_inclusive)}"
    if shape.pattern is not None:
        yield pattern_ok(v, shape.pattern[1]), lambda: f"Value does not match pattern '{shape.pattern[0].value}'"
    for alts in ors:
        passed = any(all(ok for ok, _ in _alternative(alt, v, known)) for alt in alts)
        yield passed, lambda: _generic_or(run, shape, v)


def _alternative(alt: Shape, v, known: dict):
    """The checks of one sh:or alternative (a node shape) on value v."""
    if alt.node_kind is not None:
        yield node_kind_ok(v, alt.node_kind), None
    for cls in alt.classes:
        yield known[cls], None
    rest = (["datatype"] if alt.datatype is not None else []) + (["in"] if alt.in_values is not None else [])
    yield from _value_checks(None, alt, v, known, rest, ())


def _check_less_eq(run: _Run, shape: Shape, focus: str, other: URIRef) -> None:
    query = (f"SELECT DISTINCT ?f ?v ?w WHERE {{ {focus} ?f <{shape.path}> ?v . "
             f"OPTIONAL {{ ?f <{other}> ?w }} }}") if shape.path is not None else (
             f"SELECT DISTINCT ?f ?v ?w WHERE {{ {focus} BIND(?f AS ?v) OPTIONAL {{ ?f <{other}> ?w }} }}")
    decode = run.codec.decode

    def compared(rows):
        for f, v, w in rows:
            v = decode(v)
            if w is None:
                if isinstance(v, BNode):
                    raise TypeError("Cannot use sh:lessThanOrEquals to compare a BlankNode.")
                continue
            if _less_eq_fails(v, decode(w)):
                run.report(shape, f, v, lambda f=f, v=v: _generic_less_eq(run, shape, decode(f), v))

    run.select(query, compared)


# ---------------------------------------------------------------- pyshacl's default messages


def _text(graph_ns, node, graph: Graph | None = None) -> str:
    """pyshacl.rdfutil.stringify_node: how pyshacl names a term in a default message.

    graph_ns: the Graph (the shapes graph) or NamespaceManager (the data's) to name IRIs by.
    """
    ns = graph_ns.namespace_manager if isinstance(graph_ns, Graph) else graph_ns
    if isinstance(node, Literal):
        value = None if node.value is None else str(node.value)
        if value is not None and value.find(" object at 0x") > 0:
            value = value[:value.find(" object at 0x")]
        text = f'"{node}" = {value}' if value is not None and value != str(node) else f'"{node}"'
        if node.language:
            text += f", lang={node.language}"
        if node.datatype:
            text += f", datatype={_text(ns, node.datatype)}"
        return f"Literal({text})"
    if isinstance(node, BNode):
        graph = graph if graph is not None else (graph_ns if isinstance(graph_ns, Graph) else None)
        return _blank_text(graph, node, ns, 0) if graph is not None else str(node)
    if isinstance(node, URIRef):
        try:
            return node.n3(namespace_manager=ns)
        except Exception:  # noqa: BLE001 - pyshacl falls back the same way
            return str(node)
    return str(node)


def _blank_text(graph: Graph, node: BNode, ns, depth: int) -> str:
    """pyshacl's stringify_blank_node: [ p o ; ... ] with the predicates sorted, or ( list )."""
    if depth >= 12:
        return "<http://recursion.too.deep>"
    predicates = list(graph.predicates(node))
    if not predicates:
        return "[ ]"
    if RDF.first in predicates:
        return "( {} )".format(" ".join(_text(ns, i, graph) for i in graph.items(node)))
    parts = {}
    for p in predicates:
        objects = [_text(ns, o, graph) if not isinstance(o, BNode) else _blank_text(graph, o, ns, depth + 1)
                   for o in graph.objects(node, p)]
        parts[p.n3(namespace_manager=ns)] = ", ".join(sorted(objects)) if len(objects) > 1 else objects[0]
    body = " ; ".join(f"{p} {o}" for p, o in sorted(parts.items())) if len(parts) > 1 else "{} {}".format(*next(iter(parts.items())))
    return f"[ {body} ]"


def _data_text(run: _Run, node) -> str:
    """How pyshacl names a data term; a blank node by its triples, read from the store
    unless the data is an rdflib Graph."""
    if not isinstance(node, BNode):
        return _text(run.namespaces(), node)
    graph = run.data if isinstance(run.data, Graph) and _oxigraph_of(run.data) is None else _around(run, node)
    return _text(run.namespaces(), node, graph)


def _around(run: _Run, node: BNode) -> Graph:
    """The triples of a blank node and of the blank nodes under it, as rdflib terms."""
    graph, todo, seen = Graph(), [node], set()
    decode, encoded = run.codec.decode, run.codec.encoded
    while todo and len(seen) < 100:
        b = todo.pop()
        if b in seen:
            continue
        seen.add(b)
        for quad in run.store.quads_for_pattern(encoded(b), None, None):
            o = decode(quad.object)
            graph.add((b, decode(quad.predicate), o))
            if isinstance(o, BNode):
                todo.append(o)
    return graph


def _generic_class(shape: Shape) -> str:
    if len(shape.classes) < 2:
        return f"Value does not have class {_text(shape.sg, shape.classes[0])}"
    return "Value class is not in classes ({})".format(", ".join(_text(shape.sg, c) for c in shape.classes))


def _generic_count(run: _Run, shape: Shape, focus, words: str, n: int) -> str:
    return f"{words} {n} values on {_data_text(run, run.codec.decode(focus))}->{_text(shape.sg, shape.path)}"


def _generic_in(run: _Run, shape: Shape, v) -> str:
    items = [_text(shape.sg, item) for item in set(shape.in_list)]
    return f"Value {_data_text(run, v)} not in list {items}"


def _generic_less_eq(run: _Run, shape: Shape, focus, v) -> str:
    others = ", ".join(_text(shape.sg, p) for p in set(shape.less_eq))
    return f"Value of {_data_text(run, focus)}->{others} < {_data_text(run, v)}"


def _generic_or(run: _Run, shape: Shape, v) -> str:
    sg = shape.sg
    if len(shape.or_lists) < 2:
        alts = " , ".join(_text(sg, a) for a in sg.items(shape.or_lists[0]))
    else:
        alts = " and ".join("({})".format(" , ".join(_text(sg, a) for a in sg.items(o))) for o in shape.or_lists)
    return f"Node {_data_text(run, v)} must conform to one or more shapes in {alts}"

