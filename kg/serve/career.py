"""A person's career: their posts in time order, with first and last attestation, a
reported end, and the articles that say so (``kg career OUT NAME``).

Runs the saved query ``careers`` (one row per person and post) on the store and keeps
the rows of the people with that name; namesakes the build kept apart (different places)
are separate careers.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from .query import csv_text, query_engine, resolve_query, short


@dataclass(slots=True)
class Post:
    """One post a person held: dates as ISO strings ('' when unknown)."""

    role: str
    agency: str
    begin: str
    last_attested: str
    end: str
    former: bool
    articles: list[dict] = field(default_factory=list)  # {"date", "headline", "article"}


@dataclass(slots=True)
class Career:
    person: str
    id: str
    posts: list[Post] = field(default_factory=list)


_ARTICLES = """
SELECT DISTINCT ?membership ?article ?date ?headline WHERE {
  VALUES ?membership { MEMBERSHIPS }
  ?membership prov:wasDerivedFrom ?evidence .
  ?evidence nif:referenceContext ?article .
  OPTIONAL { ?article schema:datePublished ?date }
  OPTIONAL { ?article schema:headline ?headline }
}
"""


def _text(value) -> str:
    return "" if value is None else str(value)


def career(graph, name: str) -> list[Career]:
    """The careers of the people called ``name`` (one per person id), posts in time order.

    graph (rdflib.Graph): a kg graph (the store of a build).
    name (str): the person's name as written (foaf:name).
    RETURNS (list[Career]): empty when nobody has that name.
    """
    rows = [row for row in graph.query(resolve_query("careers", engine=query_engine(graph))) if str(row.person) == name]
    careers: dict[str, Career] = {}
    posts: dict[str, Post] = {}
    for row in rows:
        person_id = str(row.id)
        found = careers.setdefault(person_id, Career(str(row.person), person_id))
        post = Post(str(row.role), str(row.agency), _text(row.begin), _text(row.lastAttested), _text(row.end),
                    _text(row.former) == "true")
        found.posts.append(post)
        posts[str(row.membership)] = post
    if posts:
        values = " ".join(f"<{iri}>" for iri in sorted(posts))
        for row in graph.query(_ARTICLES.replace("MEMBERSHIPS", values)):
            posts[str(row.membership)].articles.append(
                {"date": _text(row.date), "headline": _text(row.headline), "article": str(row.article)})
    for post in posts.values():
        post.articles.sort(key=lambda a: (a["date"], a["headline"], a["article"]))
    for found in careers.values():
        found.posts.sort(key=lambda p: (p.begin or p.end or p.last_attested, p.end or "9999", p.agency, p.role))
    return [careers[k] for k in sorted(careers)]


def _span(post: Post) -> str:
    if post.end:
        return f"{post.begin or '?':10} – {post.end} (ended)" + (
            f", last seen {post.last_attested}" if post.last_attested else "")
    return f"{post.begin or '?':10} – {post.last_attested or '?'} (last seen)"


def format_careers(careers: list[Career], fmt: str = "table") -> str:
    """``kg career`` output: table (with the articles), csv (one row a post) or json."""
    if fmt == "json":
        return json.dumps([asdict(c) for c in careers], ensure_ascii=False, indent=2) + "\n"
    if fmt in ("csv", "excel"):
        return csv_text(["person", "id", "begin", "last_attested", "end", "former", "role", "agency", "articles"],
                        ([c.person, c.id, p.begin, p.last_attested, p.end, str(p.former).lower(), p.role, p.agency,
                          len(p.articles)] for c in careers for p in c.posts), excel=fmt == "excel")
    lines = []
    for c in careers:
        lines.append(f"{c.person}  {short(c.id)}")
        for p in c.posts:
            lines.append(f"  {_span(p)}  {p.role}  {p.agency}  ({len(p.articles)} article"
                         f"{'' if len(p.articles) == 1 else 's'})")
            for a in p.articles:
                lines.append(f"      {a['date'] or '?':10}  {a['headline']}")
        lines.append("")
    return "\n".join(lines)
