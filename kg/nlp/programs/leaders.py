"""The programs of an article, each once, with the agencies that lead, issue or fund them (an agency
before a lead verb in the clause, or the article's own government as the clause's subject).
"""
from __future__ import annotations

import bisect
import re

from ...records import AgencyMention, Article, Program
from ..numbers import compile_prefiltered
from .clause import _governed, _mark_before
from .find import find_program_spans, program_label
from .vocab import _lead_re

_CLAUSE_MARK = re.compile(r"[，,；;。！？!?\n]")


#: the article's own government written as the subject of a clause (我市积极探索…“…模式”):
#: the level it names, to be read as the page's government of that level
_IMPLIED_SUBJECT = compile_prefiltered(r"(?:我|本)(市|县|区|省)(?:委|政府)?|(市|县|区|省)(?:政府|里)(?![\u4e00-\u9fff]*?(?:办公室|办|局|厅|委))")
_SENTENCE_END = "。！？!?\n"


def _own_governments(agencies) -> dict[str, str]:
    """Level (市, 县, 区, 省) -> the key of the article's own government of that level, read
    from the agencies the article names (an implicit one, or the parent of a named bureau:
    济宁市科学技术局 -> 济宁市人民政府); the most named one, ties by key."""
    counts: dict[str, dict[str, int]] = {}
    for a in agencies:
        for key in (a.key, a.parent):
            if key and key.endswith("人民政府") and len(key) > 5 and "@" not in key:
                level = key[-5]
                if level in "市县区省":
                    c = counts.setdefault(level, {})
                    c[key] = c.get(key, 0) + 1
    return {lv: min(c, key=lambda k: (-c[k], k)) for lv, c in counts.items()}


def _implied_leader(text: str, start: int, implied: dict[str, str], located) -> list[str]:
    """The article's own government when its sentence before ``start`` has it as the subject
    (我市 / 市政府 …, no agency named in between) and a governing verb stands in the program's
    clause (我市积极探索“…”模式 -> 济宁市人民政府)."""
    s0 = _mark_before(text, start, _SENTENCE_END) + 1
    hit = None
    for m in _IMPLIED_SUBJECT.finditer(text, s0, start):
        hit = m
    if hit is None or not _governed(text, start, ("govern",), width=40):
        return []
    if any(hit.end() <= a.start < start for a in located):
        return []  # an agency named after the subject leads, if anyone does
    key = implied.get(hit.group(1) or hit.group(2))
    return [key] if key else []


def extract_programs(article: Article, agencies: list[AgencyMention] = ()) -> list[Program]:
    """The programs an article names, each once, with the agencies that lead or fund them.

    article (Article): repaired text + offset map.
    agencies (list[AgencyMention]): agency mentions with spans in ``article.text``; a
        program is linked to an agency named earlier in the same clause with a lead verb
        (出台, 印发, 实施, 牵头, 主办 …) between them.
    RETURNS (list[Program]): first mention's evidence; the name normalised (``program_label``)
        and its abbreviation, if the text gives one, in ``alt_labels``; kind ``slogan`` for a
        quoted catchword that the decision policy does not take for a program.
    """
    text = article.text
    spans = find_program_spans(text)
    if article.headline:
        # a name first given in the headline is still one program of the article
        spans_h = find_program_spans(article.headline)
    else:
        spans_h = []
    lead = _lead_re()
    located = [a for a in agencies if 0 <= a.start < a.end <= len(text)]
    out: list[Program] = []
    seen: set[str] = set()
    clause_marks: list[int] | None = None  # read when an agency first comes before a program
    implied = _own_governments(agencies) if _IMPLIED_SUBJECT.search(text) else {}
    for p in spans:
        key = program_label(p.name)
        if key in seen:
            continue
        seen.add(key)
        keys = []
        c0 = -1
        for a in located:
            if a.end <= p.start:
                if c0 == -1:  # the clause start: after the last clause mark before p.start
                    if clause_marks is None:
                        clause_marks = [m.start() for m in _CLAUSE_MARK.finditer(text)]
                    ci = bisect.bisect_left(clause_marks, p.start)
                    c0 = clause_marks[ci - 1] + 1 if ci > 0 else 0
                if c0 <= a.start and lead.search(text, a.end, p.start):
                    if a.key not in keys:
                        keys.append(a.key)
        if not keys and implied:
            keys = _implied_leader(text, p.start, implied, located)
        if p.kind == "slogan":
            keys = []  # a catchword is led by no one
        out.append(Program(key, p.kind, article.id, article.evidence(p.start, p.end), tuple(keys),
                           (p.alt,) if p.alt else ()))
    for p in spans_h:
        key = program_label(p.name)
        if key in seen:
            continue
        seen.add(key)
        ev = article.evidence(0, 0)
        if article.headline_span:
            from ...records import Evidence
            s, e = article.headline_span
            ev = Evidence(article.source, article.id, s, e, article.raw[s:e], article.headline)
        out.append(Program(key, p.kind, article.id, ev, (), (p.alt,) if p.alt else ()))
    return out
