"""The Python API: a thin mirror of the CLI, one call per command.

``kg.build`` makes a build folder, ``kg.open`` gives one object for it that every other
command starts from (query, explain, validate, export, network, view), and
``kg.extract_text`` runs the extractor on one string. The CLI calls these and nothing
else, so what a command does, a notebook can do the same way.

>>> import kg
>>> ex = kg.extract_text("市统计局局长王立新介绍，全市地区生产总值增长5.2%。", date="2024-01-05", city="济宁市")
>>> [(h.person, h.role, h.agency.label) for h in ex.holdings]
[('王立新', '局长', '济宁市统计局')]
>>> [(f.value, f.unit) for f in ex.figures]
[('5.2', '%')]
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from .records import Extraction, Source

__all__ = ["build", "BuildResult", "open", "KnowledgeGraph", "Rows", "Validation", "extract_text", "articles",
           "query", "explain", "validate", "evaluate", "evaluate_ner"]


def __getattr__(name: str):
    # kg.build and BuildResult come from the builder, which imports spaCy (seconds): only
    # when asked for, so reading a build (kg query, kg.open) never pays for it
    if name in ("build", "BuildResult"):
        from . import builder

        return getattr(builder, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def extract_text(text: str, date: str | None = None, city: str | None = None,
                 paper: str | None = None) -> Extraction:
    """Extract the records of one article given as a string.

    text (str): the article (a headline line, a blank line and the body, or the body alone).
    date (str | None): its date (YYYY-MM-DD), for 28日/昨天 and figure periods.
    city (str | None): the city that 市/我市/全市 refer to (e.g. 聊城市).
    paper (str | None): the newspaper that prints it (本报 in a byline).
    RETURNS (Extraction): persons, agencies, holdings, figures, programs and events, each
        with evidence offsets into ``text``.
    """
    from .builder import extract_source

    source = Source(id="text", path="<text>", raw=text, date=date, layout="article", city=city, paper=paper)
    return extract_source(source)[0]


def articles(inputs: list[str | os.PathLike], page_date: str | None = None) -> tuple[list[dict], list]:
    """How inputs split into articles (``kg articles``), without extracting anything else.

    RETURNS (tuple[list[dict], list[Refusal]]): one row per article (id, date, headline,
        kicker, reporters, characters, truncated), and the inputs that could not be read.
    """
    from .nlp.bylines import parse_byline
    from .text.formats import split_articles
    from .text.sources import read_sources

    sources, refused, _skipped = read_sources(list(map(str, inputs)), page_date)
    rows = []
    for src in sources:
        for a in split_articles(src):
            rows.append({"id": a.id, "date": a.date, "headline": a.headline, "kicker": a.kicker,
                         "reporters": [r[0] for r in parse_byline(a.raw, a.byline, a.byline_offsets)],
                         "characters": len(a.text), "truncated": bool(a.truncated)})
    return rows, refused


def query(out: str | os.PathLike, sparql: str) -> "Rows":
    """``kg.open(out).query(sparql)``: SPARQL text, a .rq file or a saved query name."""
    return open(out).query(sparql)


def explain(out: str | os.PathLike, node: str):
    """``kg.open(out).explain(node)``: the sentences behind a node."""
    return open(out).explain(node)


def validate(out: str | os.PathLike, sources: str | os.PathLike | None = None) -> "Validation":
    """``kg.open(out).validate(sources)``: SHACL and evidence anchors."""
    return open(out).validate(sources)


def evaluate_ner(path: str | os.PathLike, grammar: bool = False, limit: int | None = None,
                 combined: bool = False) -> dict:
    """Per-label precision, recall and F1 of kg's spans on labelled NER data (``kg eval-ner``).

    path (str | PathLike): CLUENER JSON lines, or BIO / BMES character columns (People's
        Daily, Resume NER), or MSRA sentences with tags.txt beside them.
    grammar (bool): score the grammar's spans (persons, titles of posts, agencies) instead
        of the statistical recogniser's.
    limit (int | None): score the first ``limit`` sentences only.
    combined (bool): score the spans as a build uses them: the grammar's, and the
        recogniser's wherever they overlap none of the grammar's (``_merged``).
    RETURNS (dict): data set, sentences, and per label (PER, TITLE, GOV, ORG, all) the
        precision, recall, f1, tp, fp and fn. Labels the data set does not annotate are
        not scored; where it does not tell GOV from ORG, both count as ORG.
    """
    from .nlp.ner import ANNOTATED, data_set_of, kg_spans, read_examples
    from .scoring import score_spans

    data_set = data_set_of(path)
    examples = read_examples(path)[:limit]
    labels = ANNOTATED[data_set]
    texts = [e.text for e in examples]
    if combined:
        predicted = [_merged(g, ms) for g, ms in zip(_grammar_spans(texts), _model_spans(texts))]
    else:
        predicted = _grammar_spans(texts) if grammar else _model_spans(texts)
    if "GOV" not in labels:
        predicted = [{(s, e, "ORG" if lab == "GOV" else lab) for s, e, lab in p} for p in predicted]
    gold = [kg_spans(e, data_set) for e in examples]
    return {"data_set": data_set, "sentences": len(examples), "system": "grammar + model" if combined else "grammar" if grammar else "model",
            **score_spans(gold, predicted, labels)}


def _merged(grammar: set, model: set) -> set:
    """The spans a build uses: the grammar's, and the recogniser's where they overlap none
    of the grammar's, except a person of one character (李|先生), whom a build never keeps."""
    return grammar | {m for m in model if not any(m[0] < x[1] and x[0] < m[1] for x in grammar)
                      and not (m[2] == "PER" and m[1] - m[0] < 2)}


def _model_spans(texts: list[str]) -> list[set]:
    """The recogniser's spans of each sentence as a build reads them: each person checked
    where it stands and trimmed to the name (``Assembler.checked``, policy 6 of ``nlp.assemble``)."""
    from .nlp.agencies import AgencyFinder
    from .nlp.assemble import Assembler
    from .nlp.ner import recogniser
    from .vocab.lexicon import lexicon

    model = recogniser()
    if model is None:
        raise FileNotFoundError("No span recogniser is installed (kg/data/ner) - run scripts/ner/train.sh")
    lex = lexicon()
    assembler = Assembler(AgencyFinder(lex), lex)
    return [{(s.start, s.end, s.label) for s in assembler.checked(text, spans)}
            for text, spans in zip(texts, model.pipe(texts))]


_GOV_KINDS = {"PartyOrgan", "GovernmentAgency", "ArmedForce", "PeoplesCongress", "PoliticalConsultative", "Court",
              "Procuratorate"}


_PLACE_LEVEL = set("省市县区州盟旗镇乡村")
#: a qualifier right before a role, inside a post as CLUENER's ``position`` reads it (常务理事, 代理司长)
_TITLE_QUALIFIER = re.compile("(?:常务|代理|执行|高级|资深|首席|实习|见习)$")
_FOREIGN_STATE_END = re.compile("(?:政府|部|局|署|院|委员会|议会|国会|军|军队|部队|警方|使馆|海关|(?<!公)司|厅|办公室|央行|中央银行)$")
#: a public institution run by a state body, which CLUENER calls ``government``: one named
#: inside a ministry, a bureau or an academy of (social) sciences (某部政策研究中心, 某总局信息中心,
#: 某省社科院某研究所), or a place's administrative centre (某市住房保障管理中心)
_STATE_RUN = re.compile("(?:部|局|委|署|政府|社科院|社会科学院|科学院|中科院)(?=.)")
_PLACE_CENTRE = re.compile("^.{0,6}[省市县区].{2,8}(?:管理|储备|保障|交流)中心$")


def _state_body(agency) -> bool:
    """A state or Party body, as CLUENER's ``government`` label means it: China's (by kind)
    or a foreign state's (kg types those Organization: 美国国防部, 比利时电影局, 中国驻法使馆)."""
    if agency.kind in _GOV_KINDS:
        return True
    if agency.kind == "PublicInstitution":
        return bool(_STATE_RUN.search(agency.label) or _PLACE_CENTRE.match(agency.label)
                    or agency.parent == "中华人民共和国国务院")  # 中科院: an institution of the State Council
    from .vocab.lexicon import lexicon

    lex = lexicon()
    return agency.kind == "Organization" and bool(lex.country_re.match(agency.label) and (
        _FOREIGN_STATE_END.search(agency.label) or agency.label.endswith(tuple(lex.armed_forces))))


def _place_for_body(surface: str) -> bool:
    """Whether an agency is written as a place that stands for the body a title implies
    (石家庄市|副市长 -> 石家庄市人民政府, 美国|总统 -> 美国政府): no body's suffix and no
    known name, a place's level at its end or a country. The text names the place."""
    from .vocab.lexicon import lexicon

    lex = lexicon()
    if surface in lex.known or surface in lex.bare or lex.suffix_end_re.search(surface):
        return False
    return surface[-1:] in _PLACE_LEVEL or surface in lex.countries or surface in lex.provinces


def _grammar_spans(texts: list[str]) -> list[set]:
    """The grammar's spans of each sentence: persons (PER), the title before each person
    given a post (TITLE), agencies named (GOV for state and Party bodies, else ORG) where
    the text writes them (a byline's paper, named elsewhere or not at all, has no span
    here). A place that stands for its body (``_place_for_body``) is PLACE, a label no data
    set scores: the text names a place, and the grammar's reading still keeps the recogniser
    off it in ``--combined``, as in a build."""
    from .builder import extract_source
    from .nlp.agencies import foreign_state_body

    out = []
    for text in texts:
        ex = extract_source(Source(id="s", path="<text>", raw=text, layout="article"), use_model=False)[0]
        spans = {(p.evidence.start, p.evidence.end, "PER") for p in ex.persons if p.cue != "coref"}
        spans |= {(a.evidence.start, a.evidence.end,
                   "GOV" if foreign_state_body(a) else "PLACE" if _place_for_body(a.surface)
                   else "GOV" if _state_body(a) else "ORG")
                  for a in ex.agencies if not a.implicit and a.start >= 0}
        for h in ex.holdings:
            end = h.evidence.end - len(h.person)
            if text[end - len(h.role):end] == h.role:
                start = end - len(h.role)
                if q := _TITLE_QUALIFIER.search(text, max(0, start - 2), start):
                    start = q.start()  # 常务|理事: CLUENER's position holds the qualifier kg's role drops
                spans.add((start, end, "TITLE"))
        out.append(spans)
    return out


def evaluate(gold: str | os.PathLike, out: str | os.PathLike) -> dict:
    """Score the build in ``out`` against a gold file (``kg eval``).

    RETURNS (dict): per part (persons, holdings, agencies, figures, programs, events):
        precision, recall, f1, misses and wrong.
    """
    return open(out).evaluate(gold)


def open(out: str | os.PathLike) -> "KnowledgeGraph":  # noqa: A001 - kg.open, like sqlite_utils.Database
    """The build in folder ``out``, as one object.

    >>> graph = kg.open("build")                       # doctest: +SKIP
    >>> graph.query("people-posts").rows[0]["person"]  # doctest: +SKIP

    RAISES FileNotFoundError: ``out`` holds no build (the message says to run kg build).
    """
    return KnowledgeGraph(out)


class Rows:
    """The result of a query: rows of a SELECT, the answer of an ASK, or the graph of a
    CONSTRUCT/DESCRIBE.

    vars (list[str]): the variables, in order (SELECT).
    rows (list[dict]): one dict a row, variable -> rdflib term (None when unbound). On the
        Oxigraph store the engine's terms become rdflib terms only when ``rows`` is first
        read: ``text()``, ``len()`` and ``boolean`` never convert them.
    result (QueryResult | rdflib.query.Result): the answer as ``kg.serve.query.run_query``
        gives it (``result.to_rdflib()``: as an rdflib Result).
    """

    def __init__(self, vars: list[str], rows: list[dict] | None, result: Any) -> None:
        self.vars = vars
        self._rows = rows
        self.result = result

    @classmethod
    def of(cls, result) -> "Rows":
        if result.type != "SELECT":
            return cls([], [], result)
        return cls([str(v) for v in result.vars], None, result)

    @property
    def rows(self) -> list[dict]:
        if self._rows is None:
            from .serve.query import QueryResult, to_rdflib

            names = self.vars
            if isinstance(self.result, QueryResult):
                self._rows = [dict(zip(names, map(to_rdflib, row))) for row in self.result.rows]
            else:
                self._rows = [dict(zip(names, row)) for row in self.result]
        return self._rows

    def __repr__(self) -> str:
        return f"<kg.Rows {self.result.type}: vars={self.vars}, {len(self)} rows>"

    @property
    def boolean(self) -> bool | None:
        """An ASK query's answer (None for other queries)."""
        return bool(self.result.askAnswer) if self.result.type == "ASK" else None

    @property
    def graph(self):
        """A CONSTRUCT/DESCRIBE query's graph (None for other queries)."""
        return self.result.graph if self.result.type in ("CONSTRUCT", "DESCRIBE") else None

    def __iter__(self) -> Iterator[dict]:
        return iter(self.rows)

    def __len__(self) -> int:
        from .serve.query import QueryResult

        if self._rows is None and isinstance(self.result, QueryResult):
            return len(self.result.rows)
        return len(self.rows)

    def to_df(self):
        """The rows as a pandas DataFrame: literals as Python values (str, int, Decimal,
        date), IRIs as strings (needs pandas)."""
        try:
            import pandas as pd
        except ImportError:
            raise ImportError("to_df() needs pandas: pip install pandas") from None
        return pd.DataFrame([{k: _value(v) for k, v in r.items()} for r in self.rows], columns=self.vars)

    def text(self, fmt: str = "table") -> str:
        """The result as a table, CSV or SPARQL JSON (``kg query --format``); a graph as
        Turtle (JSON-LD for json)."""
        from .serve.query import format_result

        return format_result(self.result, fmt)


def _value(term):
    from rdflib import Literal

    if term is None:
        return None
    return term.toPython() if isinstance(term, Literal) else str(term)


class KnowledgeGraph:
    """A build folder (``kg build -o OUT``): its store, graph.ttl and report.

    Every command that reads a build starts here. The store (Oxigraph) answers queries and
    explanations; graph.ttl (the lossless export) feeds validation, the network and the view.
    """

    def __init__(self, out: str | os.PathLike) -> None:
        from .atomic import recover_folder

        path = Path(out)
        recover_folder(path)
        self._store = None
        self._file = None
        self._file_path = None
        if path.is_file():  # an RDF file (.ttl, .nt, .jsonld …) instead of a build folder
            self.out, self._file_path = path.parent, path
        elif (path / "store").is_dir() or (path / "graph.ttl").is_file():
            self.out = path
        else:
            raise FileNotFoundError(f'Build "{path}" not found - run "kg build" first')

    def __repr__(self) -> str:
        return f"<kg.KnowledgeGraph {str(self.out)!r}>"

    @property
    def store(self):
        """The Oxigraph store as an rdflib Graph (read-only); graph.ttl when there is no store."""
        if self._store is None:
            from .graph.store import open_store

            try:
                if self._file_path is not None:
                    raise FileNotFoundError(self._file_path)
                self._store = open_store(self.out)
            except FileNotFoundError:
                self._store = self.graph
        return self._store

    @property
    def graph(self):
        """graph.ttl as an in-memory rdflib Graph; the store's content when there is no graph.ttl."""
        if self._file is None:
            from .graph.store import load_graph_file, to_memory

            if self._file_path is not None:
                from .graph.store import read_graph

                self._file = read_graph(self._file_path)
            else:
                try:
                    self._file = load_graph_file(self.out)
                except FileNotFoundError:
                    self._file = to_memory(self.store)
        return self._file

    @property
    def report(self) -> dict:
        """report.json of the build ({} when absent)."""
        import json

        path = self.out / "report.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}

    def query(self, sparql: str) -> Rows:
        """Run SPARQL text, a .rq file or a saved query name (``kg query OUT NAME``).

        RETURNS (Rows): rows (SELECT), ``.boolean`` (ASK) or ``.graph`` (CONSTRUCT/DESCRIBE).
        RAISES KeyError: an unknown saved-query name. QuerySyntaxError: the query does not parse.
        """
        from .serve.query import query_engine, resolve_query, run_query

        store = self.store  # a saved query in the form for the store's engine (Oxigraph's where it has one)
        return Rows.of(run_query(store, resolve_query(sparql, engine=query_engine(store))))

    def explain(self, node: str):
        """The sentences behind a node (an IRI, a kgr: name or an exact label) (``kg explain``).

        RETURNS (Explanation): the node, its facts and their evidence; ``.text()`` prints it.
        RAISES KeyError: nothing, or more than one node, has that name.
        """
        from .serve.explain import explain, resolve_term

        return explain(self.store, resolve_term(self.store, node))

    def career(self, name: str):
        """The posts of the people called ``name`` in time order (``kg career``).

        RETURNS (list[Career]): one per person id (namesakes kept apart are separate), each
            with its posts: role, agency, begin, last_attested, end, former and articles.
        """
        from .serve.career import career

        return career(self.store, name)

    def series(self, indicator: str):
        """The figures of an indicator across articles and periods (``kg series``).

        RETURNS (list[Series]): one per area, unit and kind, points in period order, each
            point with the values that disagree with it for the same period.
        """
        from .serve.series import series

        return series(self.store, indicator)

    def validate(self, sources: str | os.PathLike | None = None, progress: bool = False):
        """SHACL and evidence anchors (``kg validate``).

        sources (str | PathLike | None): the folder source paths are relative to (default: cwd).
        progress (bool): name each stage on stderr (a terminal only).
        RETURNS (Validation): ``.shacl`` (Report), ``.anchors`` (AnchorReport), ``.ok``.
        """
        from .graph.validate import check_anchors, validate
        from .progress import Stages
        from .text.sources import decode

        def read(path: Path) -> str:
            return decode(path.read_bytes())[0]

        with Stages("kg validate", 3, progress) as stages:
            with stages.stage("reading the graph"):
                graph = self.graph
            with stages.stage("checking SHACL shapes"):
                shacl = validate(graph)
            with stages.stage("checking evidence anchors against the sources"):
                anchors = check_anchors(graph, read, [sources] if sources else None, out=self.out)
        return Validation(shacl, anchors)

    def export(self, fmt: str = "ttl", destination: str | os.PathLike | None = None) -> Path:
        """Write the graph as ttl, nt, jsonld or trig (``kg export``). RETURNS (Path): the file."""
        from .graph.store import export

        return export(self.out, fmt, destination)

    def network(self, progress: bool = False):
        """The networkx projection (``kg network``). RETURNS (nx.MultiDiGraph).

        progress (bool): name each stage on stderr (a terminal only).
        """
        from .progress import Stages
        from .view.network import to_networkx

        with Stages("kg network", 2, progress) as stages:
            with stages.stage("reading the graph"):
                graph = self.graph
            with stages.stage("projecting people, posts and agencies"):
                return to_networkx(graph)

    def view(self, focus: str | None = None, hops: int = 2, types: str | None = None):
        """The HTML view (``kg viz``) as a pyvis Network; ``kg.view.viz.write_html`` writes it."""
        from .view.viz import to_network

        return to_network(self.graph, focus=focus, hops=hops, types=types)

    def serve(self, host: str = "127.0.0.1", port: int = 7878, config=None, workers: int = 4):
        """The SPARQL endpoint on this build's store (``kg serve``): call ``serve_forever()``.

        config (ServerConfig | None): limits and permissions (read-only by default).
        RETURNS (KgServer): the bound server; ``server_close()`` stops its workers.
        """
        from .serve.server import make_server

        return make_server(self.out, host=host, port=port, config=config, workers=workers)

    def evaluate(self, gold: str | os.PathLike) -> dict:
        """Scores against a gold file (``kg eval``)."""
        from .scoring import evaluate

        return evaluate(gold, self.graph)


@dataclass
class Validation:
    """What ``kg validate`` checks: the SHACL report and the evidence anchors."""

    shacl: Any
    anchors: Any

    @property
    def ok(self) -> bool:
        return bool(self.shacl.conforms) and not self.anchors.mismatches

    def text(self, limit: int | None = 50) -> str:
        return self.shacl.text(limit=limit) + "\n" + self.anchors.text(limit=limit)
