"""The vocabularies of kg.nlp.programs, read once from the data files of ``kg/ontology/vocab/``
(``program-heads.tsv``, ``program-boundaries.tsv``, ``program-generic*.tsv``,
``program-evidence.tsv``, ``program-documents.tsv``, ``program-patterns.tsv``,
``program-quote-modifiers.tsv``, ``program-org-suffixes.tsv``), and the regexes and look-up
tables built from them.
"""
from __future__ import annotations

import re
from functools import cache

from ..numbers import _read_tsv, alternation, compile_prefiltered, required_literal
from .tables import _EXT_MAX


@cache
def _heads() -> dict[str, tuple[str, set[str]]]:
    out = {}
    for row in _read_tsv("program-heads.tsv"):
        row += [""] * (3 - len(row))
        out[row[0]] = (row[1], set(filter(None, row[2].split(","))))
    return out


@cache
def _boundaries() -> dict[str, str]:
    return {row[0]: row[1] for row in _read_tsv("program-boundaries.tsv")}


@cache
def _weak() -> frozenset[str]:
    return frozenset(row[0] for row in _read_tsv("program-boundaries.tsv") if len(row) > 2 and row[2] == "weak")


@cache
def _weak_lead() -> tuple[str, ...]:
    """Weak lead verbs (制定, 编制, 发布 …): one right before the head leaves no name."""
    return tuple(sorted(row[0] for row in _read_tsv("program-boundaries.tsv")
                        if len(row) > 2 and row[1] == "lead" and row[2] == "weak"))


@cache
def _generic() -> set[str]:
    return {row[0] for row in _read_tsv("program-generic.tsv")}


_GENERIC_ENDING_HEADS = "模式,机制,制度,政策"  # the heads a row of program-generic-endings.tsv applies to by default


@cache
def _generic_ending_re(head: str) -> re.Pattern | None:
    """The endings of an unquoted name before ``head`` that say what it does, not which it is."""
    words = [r[0] for r in _read_tsv("program-generic-endings.tsv")
             if head in (r[1] if len(r) > 1 and r[1] else _GENERIC_ENDING_HEADS).split(",")]
    return re.compile(f"(?:{alternation(words)})$") if words else None


@cache
def _evidence_words() -> dict[str, frozenset[str]]:
    """Role -> words of ``program-evidence.tsv`` (govern, law, stance, negative, quantity)."""
    out: dict[str, set[str]] = {}
    for row in _read_tsv("program-evidence.tsv"):
        out.setdefault(row[1], set()).add(row[0])
    return {k: frozenset(v) for k, v in out.items()}


@cache
def _evidence_re(*roles: str) -> re.Pattern:
    words = _evidence_words()
    return re.compile(alternation(w for r in roles for w in words.get(r, ())))


@cache
def _evidence_end_re(role: str) -> re.Pattern:
    """Evidence of ``role`` that ends the searched text: a governing verb right before a
    name (govern), a quotation's ending that names a doctrine, an attitude or a craze
    (slogan-end: …主义, …论, …热)."""
    return re.compile(f"(?:{_evidence_re(role).pattern})$")


@cache
def _document_heads() -> tuple[tuple[str, str], ...]:
    """(head word, kind) of ``program-documents.tsv``, longest first."""
    rows = [(r[0], r[1]) for r in _read_tsv("program-documents.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@cache
def _document_head_words() -> tuple[str, ...]:
    """The head words of ``_document_heads`` alone (one ``str.endswith`` tests them all)."""
    return tuple(h for h, _ in _document_heads())


@cache
def _patterns() -> list[tuple[re.Pattern, str, str]]:
    """(regex, kind, a string every match contains: 分钟 of 10分钟健身圈)."""
    return [(re.compile(r[0]), r[1], required_literal(r[0])) for r in _read_tsv("program-patterns.tsv")]


@cache
def _modifier_re() -> re.Pattern:
    return re.compile("|".join(f"(?:{r[0]})" for r in _read_tsv("program-quote-modifiers.tsv")))


@cache
def _modifier_end_re() -> re.Pattern:
    """A modifier that ends where the search window does (\\Z: not before a final newline)."""
    return compile_prefiltered(rf"(?:{_modifier_re().pattern})\Z")  # (its branches open on groups)


@cache
def _org_suffix_re() -> re.Pattern:
    return re.compile(f"(?:{alternation(r[0] for r in _read_tsv('program-org-suffixes.tsv'))})$")


@cache
def _org_inside_re() -> re.Pattern:
    """An organisation's suffix anywhere (“某某”家具公司…: the quotation names the company)."""
    return re.compile(alternation(r[0] for r in _read_tsv('program-org-suffixes.tsv')))


@cache
def _edge_any_re() -> re.Pattern:
    return re.compile(alternation(w for w in _boundaries() if len(w) > 1))


@cache
def _head_re() -> re.Pattern:
    plain = [h for h, (_, flags) in _heads().items() if "quote" not in flags]
    # …审查制 is a head, …审查制度 is 制度's: a head ending in 制 never runs on into 度
    return re.compile(f"(?:{alternation(plain)})(?!(?<=制)度)")


@cache
def _quote_ext_re() -> re.Pattern:
    # after a quotation: up to _EXT_MAX name characters, then any head (quote-only ones too)
    return re.compile(rf"[^，,；;。！？!?\n：:“”\"《》0-9０-９]{{0,{_EXT_MAX}}}?(?:{alternation(_heads())})")


@cache
def _apposition_re() -> re.Pattern:
    """An apposition after a quoted name that ends in a head (“…”这一伟大构想, “…”这项工程)."""
    return re.compile(rf"(?:这一|这项)[\u4e00-\u9fff]{{0,6}}?({alternation(_heads())})")


@cache
def _head_join_re() -> re.Pattern:
    # 碧水保卫战和净土保卫战: a coordinated earlier name ends at its own head
    return re.compile(rf"(?:{alternation(_heads())})(?:和|与|及|以及|、)")


@cache
def _lead_re() -> re.Pattern:
    return re.compile(alternation(w for w, role in _boundaries().items() if role == "lead") + "|由")


@cache
def _later_head_re() -> re.Pattern:
    # 项目需求库: a longer head a few characters on ends the name instead
    return re.compile(rf"[^的，,。；;、]{{1,3}}?(?:{alternation(h for h in _heads() if len(h) > 2)})")  # (…工程的|实施意见: two nouns)


@cache
def _head_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(h) for h in _heads()}, reverse=True))


def _kind_of(name: str, default: str = "work-approach") -> str:
    heads = _heads()
    name = name.rstrip("”\"》")
    n = len(name)
    for k in _head_lengths():  # the longest head the name ends with (one per length)
        if k <= n:
            h = heads.get(name[n - k:])
            if h is not None:
                return h[0]
    return default


@cache
def _edge_end_sets() -> tuple[tuple[int, frozenset[str]], ...]:
    """Strong boundary words by length (at most 4: ``_left_edge`` looks 4 characters back)."""
    words = [w for w in _boundaries() if w not in _weak()]
    return tuple((k, frozenset(w for w in words if len(w) == k)) for k in range(1, 5)
                 if any(len(w) == k for w in words))


@cache
def _weak_end_sets() -> tuple[tuple[int, frozenset[str]], ...]:
    """Weak boundary words by length, longest first (the leftmost match of a search)."""
    words = list(_weak())
    return tuple((k, frozenset(w for w in words if len(w) == k)) for k in range(4, 0, -1)
                 if any(len(w) == k for w in words))


@cache
def _edge_last_chars() -> tuple[frozenset[str], frozenset[str]]:
    """Last characters of the strong and the weak boundary words: elsewhere none ends."""
    return (frozenset(w[-1] for _, ws in _edge_end_sets() for w in ws),
            frozenset(w[-1] for _, ws in _weak_end_sets() for w in ws))


@cache
def _edge_tables():
    """What ``_left_edge`` looks up: the word sets, their last characters, and both together."""
    edge_last, weak_last = _edge_last_chars()
    return _edge_end_sets(), _weak_end_sets(), edge_last, weak_last, edge_last | weak_last
