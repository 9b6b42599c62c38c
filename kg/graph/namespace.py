"""Namespaces of kg's public RDF schema.

``KG`` mirrors the project's own terms in ``ontology/kg.ttl`` (the source of truth;
``tests/test_ontology.py`` checks that the two agree). The standard vocabularies are
re-exported as constants so every module spells them one way, and ``bind_prefixes``
gives every graph kg writes the same prefixes (so Turtle output is stable).
"""
from __future__ import annotations

import hashlib
import re

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    QB,
    RDF,
    RDFS,
    SDO,
    SKOS,
    TIME,
    XSD,
    DefinedNamespace,
)

__all__ = [
    "KG", "KGR", "FOAF", "ORG", "SKOS", "PROV", "SCHEMA", "NIF", "QB", "SDMX_MEASURE",
    "SDMX_ATTRIBUTE", "SDMX_DIMENSION", "TIME", "RDF", "RDFS", "XSD", "OWL", "DCTERMS",
    "PREFIXES", "bind_prefixes", "new_graph", "sparql_prologue", "mint",
]

KG_NS = "https://w3id.org/kg-gov/ontology#"
KGR_NS = "https://w3id.org/kg-gov/id/"

#: resources minted by kg: ``kgr:<type>/<12 hex of sha1(key)>``
KGR = Namespace(KGR_NS)
#: schema.org (https, as the schema contract says)
SCHEMA = SDO


class KG(DefinedNamespace):
    """The project's own terms (https://w3id.org/kg-gov/ontology#)."""

    _fail = True
    _NS = Namespace(KG_NS)

    # classes
    SourceDocument: URIRef  # 来源文件: a decoded input file (or JSONL record)
    Agency: URIRef  # 机构: superclass of the agency types below (⊑ org:Organization)
    PartyOrgan: URIRef  # 党的机关
    GovernmentAgency: URIRef  # 政府机构
    ArmedForce: URIRef  # 武装力量 (⊑ kg:GovernmentAgency): an armed force, its services, theatres, regions
    PeoplesCongress: URIRef  # 人大
    PoliticalConsultative: URIRef  # 政协
    Court: URIRef  # 法院
    Procuratorate: URIRef  # 检察院
    StateOwnedEnterprise: URIRef  # 国有企业
    Company: URIRef  # 企业
    School: URIRef  # 学校
    Association: URIRef  # 社会团体
    Newspaper: URIRef  # 报社
    PublicInstitution: URIRef  # 事业单位
    Unit: URIRef  # 计量单位
    Indicator: URIRef  # 指标 (⊑ skos:Concept)
    Area: URIRef  # the area a figure is about (refArea): a city, a province, 全国
    Program: URIRef  # 计划/项目/政策 (⊑ prov:Plan, skos:Concept)
    Slogan: URIRef  # 口号/提法: a quoted catchword that is no program (⊑ skos:Concept)
    Participation: URIRef  # 参与: a person taking part in an event in a role
    PostChange: URIRef  # 职务变动: an appointment, election, removal ... (⊑ schema:Event)

    # article
    sourceBegin: URIRef  # raw offset where the article starts in its source
    sourceEnd: URIRef  # raw offset one past the article's end
    # membership
    post: URIRef  # membership -> org:Post
    implicitOrganization: URIRef  # the text implies the agency without naming it
    former: URIRef  # the text reports the post as ended (原…)
    lastAttested: URIRef  # the latest article date that shows a post held
    confidence: URIRef  # how sure the extractor is, 0-1
    succeeded: URIRef  # membership -> the membership of the previous holder of the post
    # change of post
    changeKind: URIRef  # appointment | election | transfer | succession | removal | resignation | retirement
    changedPerson: URIRef  # change -> the person whose post changes
    changedMembership: URIRef  # change -> the membership it begins or ends
    replacedPerson: URIRef  # succession -> the person replaced
    # evidence
    sentence: URIRef  # the repaired sentence around the span (display)
    sourceDocument: URIRef  # evidence -> kg:SourceDocument
    page: URIRef  # the PDF page (1-based) the evidence is printed on
    bbox: URIRef  # "x0 y0 x1 y1": the box around the evidence on that page, in PDF points
    # figure
    indicator: URIRef  # observation -> kg:Indicator
    figureKind: URIRef  # level | change | share | target | count
    qualifier: URIRef  # 余, 多, 约, 超过 ...
    direction: URIRef  # increase | decrease
    surface: URIRef  # the figure as written
    periodStart: URIRef  # xsd:date
    periodEnd: URIRef  # xsd:date
    inArticle: URIRef  # observation -> article
    seriesPeriod: URIRef  # the period a figure is placed at in its series (a Data Cube dimension)
    ordinal: URIRef  # n-th figure of its series, period and article (a Data Cube dimension)
    conflictsWith: URIRef  # another figure of the same series and period with another value
    figureStructure: URIRef  # the qb:DataStructureDefinition of every figure series
    # program
    programKind: URIRef  # plan, campaign, policy-document ...
    ledBy: URIRef  # program -> agency
    # event
    eventKind: URIRef  # press-conference, meeting, forum, ceremony, symposium
    participation: URIRef  # event -> kg:Participation
    participant: URIRef  # participation -> foaf:Person
    participantRole: URIRef  # speaker | chair | attendee
    # build
    version: URIRef  # kg version that made the build


class NIF(DefinedNamespace):
    """NIF 2.0 core terms kg uses."""

    _fail = True
    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

    String: URIRef
    Context: URIRef
    Phrase: URIRef
    Sentence: URIRef
    OffsetBasedString: URIRef
    referenceContext: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef
    isString: URIRef
    sourceUrl: URIRef


class SDMX_MEASURE(DefinedNamespace):
    """SDMX measure terms (Data Cube)."""

    _fail = True
    _NS = Namespace("http://purl.org/linked-data/sdmx/2009/measure#")

    obsValue: URIRef


class SDMX_ATTRIBUTE(DefinedNamespace):
    """SDMX attribute terms (Data Cube)."""

    _fail = True
    _NS = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")

    unitMeasure: URIRef


class SDMX_DIMENSION(DefinedNamespace):
    """SDMX dimension terms (Data Cube)."""

    _fail = True
    _NS = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")

    refArea: URIRef
    refPeriod: URIRef


#: prefix -> namespace IRI, in the order they are bound (also used by saved queries).
PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "kgr": KGR_NS,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
    "dcterms": str(DCTERMS),
    "foaf": str(FOAF),
    "org": str(ORG),
    "skos": str(SKOS),
    "prov": str(PROV),
    "schema": str(SCHEMA._NS),
    "nif": str(NIF._NS),
    "qb": str(QB),
    "sdmx-measure": str(SDMX_MEASURE._NS),
    "sdmx-attribute": str(SDMX_ATTRIBUTE._NS),
    "sdmx-dimension": str(SDMX_DIMENSION._NS),
    "time": str(TIME),
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind kg's prefixes on a graph (replacing rdflib's defaults for the same IRIs).

    graph (Graph): the graph to bind on.
    RETURNS (Graph): the same graph, for chaining.
    """
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, Namespace(iri), override=True, replace=True)
    return graph


def new_graph(store: str = "default") -> Graph:
    """An empty graph with only kg's prefixes bound (no rdflib extras like brick:).

    store (str): rdflib store plugin name, e.g. "default" or "Oxigraph".
    RETURNS (Graph): the graph.
    """
    return bind_prefixes(Graph(store=store, bind_namespaces="none"))


_PN_LOCAL = re.compile(r"[\w\-.:]*")  # letters, digits, _ - . : (a / is escaped)
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def curie(iri: str) -> str:
    """``prefix:local`` for an IRI under one of kg's prefixes, else the IRI unchanged.

    The longest namespace wins (kgr:…, not kg:…), which is why this is not rdflib's
    ``NamespaceManager.curie``: that one splits at the last ``/`` and so finds no prefix
    for kg's resources. A ``/`` in the local name is escaped (``kgr:person\\/7156…``), so
    what is printed can be pasted back into SPARQL; a local name no escape makes valid
    comes out as a full ``<IRI>``.

    >>> curie("http://xmlns.com/foaf/0.1/Person")
    'foaf:Person'
    >>> print(curie("https://w3id.org/kg-gov/id/person/7156136dbb4a"))
    kgr:person\\/7156136dbb4a
    >>> curie("http://example.org/x")
    'http://example.org/x'
    """
    for prefix, ns in _BY_LENGTH:
        if iri.startswith(ns):
            local = iri[len(ns):]
            if _PN_LOCAL.fullmatch(local.replace("/", "")):
                return f"{prefix}:{local.replace('/', chr(92) + '/')}"  # kgr:person\/… parses as SPARQL
            return f"<{iri}>"
    return iri


def sparql_prologue() -> str:
    """``PREFIX`` lines for every kg prefix, to prepend to a SPARQL query."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def mint(kind: str, key: str) -> URIRef:
    """Mint a stable resource IRI from a canonical key: ``kgr:<kind>/<12 hex of sha1(key)>``.

    kind (str): resource type segment, e.g. "person", "org", "membership".
    key (str): canonical key (same key -> same IRI across builds).
    RETURNS (URIRef): the IRI.
    """
    if not kind or "/" in kind:
        raise ValueError(f"Unexpected IRI kind: {kind!r} (use one path segment, e.g. 'person')")
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
    return minted(f"{KGR_NS}{kind}/{digest}")


def minted(iri: str) -> URIRef:
    """A URIRef of an IRI kg made itself (ASCII, nothing to escape), without rdflib's
    per-call validity check: the same object ``URIRef(iri)`` makes, at a fraction of the
    cost (a build mints hundreds of thousands)."""
    return _new_str(URIRef, iri)


_new_str = str.__new__
